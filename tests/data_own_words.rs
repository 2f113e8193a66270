//! The default store describes the documents in its own words: no description-like text in
//! `seeds/` shares a run of 12 or more words with one of the five source documents, except inside
//! quotation marks (quoted titles and phrases) and in the fields that are verbatim by design
//! (`as_stated`, the titles of agreements, policies and sources, names).
//!
//! The documents live outside the repository, in `../shared/seeds/`; when that folder is absent
//! the test says so and passes without checking.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use partnership_atlas::model::{Citation, Figure, Store};

/// The shortest shared run of words that counts as copied.
const RUN: usize = 12;

fn documents_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

fn seed_store() -> Store {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    match partnership_atlas::store::load_path(&seeds) {
        Ok(loaded) => loaded.into_store(),
        Err(e) => panic!("seeds/ does not load: {e:?}"),
    }
}

/// Drops markup the documents carry (`<sup>4</sup>` footnote marks, other tags, Markdown
/// emphasis) so that a run is not broken by a footnote number.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        if let Some(body) = after.strip_prefix("<sup>") {
            // Skip the footnote number with its tags.
            match body.find("</sup>") {
                Some(end) => rest = &body[end + "</sup>".len()..],
                None => rest = body,
            }
        } else {
            match after.find('>') {
                Some(end) => rest = &after[end + 1..],
                None => {
                    out.push_str(after);
                    rest = "";
                }
            }
        }
    }
    out.push_str(rest);
    out
}

/// Lower-case words: maximal runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The parts of a text outside quotation marks. An opening mark follows a non-letter and
/// precedes a letter or digit; a closing mark follows a non-space and is not followed by a
/// letter (so `Korea's` is not a quote).
fn unquoted(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut open: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let is_mark = matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”');
        if is_mark {
            match open {
                None => {
                    let opens = prev.is_none_or(|p| !p.is_alphanumeric())
                        && next.is_some_and(|n| n.is_alphanumeric() || n == '\'');
                    if opens && c != '’' && c != '”' {
                        parts.push(std::mem::take(&mut current));
                        open = Some(c);
                        continue;
                    }
                }
                Some(_) => {
                    let closes = prev.is_some_and(|p| !p.is_whitespace())
                        && next.is_none_or(|n| !n.is_alphanumeric());
                    if closes && c != '‘' && c != '“' {
                        open = None;
                        continue;
                    }
                }
            }
        }
        if open.is_none() {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

/// Every run of `RUN` words in the documents.
fn document_runs(dir: &Path) -> HashSet<Vec<String>> {
    let mut runs = HashSet::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return runs;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            panic!("cannot read {}", path.display());
        };
        let w = words(&strip_markup(&text));
        for run in w.windows(RUN) {
            runs.insert(run.to_vec());
        }
    }
    runs
}

/// Every description-like text of the store, with the record and field it is in.
fn texts(store: &Store) -> Vec<(String, &'static str, String)> {
    let mut out: Vec<(String, &'static str, String)> = Vec::new();
    let mut push = |id: &str, field: &'static str, text: &str| {
        if !text.trim().is_empty() {
            out.push((id.to_owned(), field, text.to_owned()));
        }
    };
    fn citations(push: &mut dyn FnMut(&str, &'static str, &str), id: &str, list: &[Citation]) {
        for c in list {
            push(id, "sources.at", &c.at);
        }
    }
    fn figures(push: &mut dyn FnMut(&str, &'static str, &str), id: &str, list: &[Figure]) {
        for f in list {
            push(id, "figures.what", &f.what);
            if let Some(c) = &f.caveat {
                push(id, "figures.caveat", c);
            }
            citations(push, id, &f.sources);
        }
    }
    push("store", "description", &store.description);
    for s in &store.sources {
        if let Some(n) = &s.note {
            push(&s.id, "note", n);
        }
    }
    for p in &store.places {
        citations(&mut push, &p.id, &p.sources);
    }
    for o in &store.organisations {
        push(&o.id, "description", &o.description);
        citations(&mut push, &o.id, &o.sources);
    }
    for p in &store.programmes {
        push(&p.id, "description", &p.description);
        for t in &p.themes {
            push(&p.id, "themes", t);
        }
        for s in &p.strands {
            push(&p.id, "strands.description", &s.description);
            for t in &s.topics {
                push(&p.id, "strands.topics", t);
            }
            citations(&mut push, &p.id, &s.sources);
        }
        figures(&mut push, &p.id, &p.figures);
        citations(&mut push, &p.id, &p.sources);
    }
    for p in &store.partnerships {
        push(&p.id, "description", &p.description);
        for m in &p.milestones {
            push(&p.id, "milestones.title", &m.title);
            citations(&mut push, &p.id, &m.sources);
        }
        citations(&mut push, &p.id, &p.sources);
    }
    for c in &store.cohorts {
        push(&c.id, "description", &c.description);
        for m in &c.milestones {
            push(&c.id, "milestones.title", &m.title);
            citations(&mut push, &c.id, &m.sources);
        }
        figures(&mut push, &c.id, &c.figures);
        citations(&mut push, &c.id, &c.sources);
    }
    for a in &store.agreements {
        if let Some(n) = &a.note {
            push(&a.id, "note", n);
        }
        citations(&mut push, &a.id, &a.sources);
    }
    for s in &store.indicators {
        if let Some(c) = &s.caveat {
            push(&s.id, "caveat", c);
        }
        if let Some(d) = &s.derivation {
            push(&s.id, "derivation", d);
        }
    }
    for f in &store.findings {
        push(&f.id, "statement", &f.statement);
        if let Some(l) = &f.level {
            push(&f.id, "level", l);
        }
        figures(&mut push, &f.id, &f.figures);
        citations(&mut push, &f.id, &f.sources);
    }
    for m in &store.policy_measures {
        push(&m.id, "description", &m.description);
        if let Some(c) = m.funding.as_ref().and_then(|f| f.caveat.as_ref()) {
            push(&m.id, "funding.caveat", c);
        }
        figures(&mut push, &m.id, &m.figures);
        citations(&mut push, &m.id, &m.sources);
    }
    out
}

/// The first run of `RUN` words of `text` (outside quotes) that a document also has.
fn copied_run(text: &str, runs: &HashSet<Vec<String>>) -> Option<String> {
    for part in unquoted(text) {
        let w = words(&part);
        if let Some(run) = w.windows(RUN).find(|r| runs.contains(*r)) {
            return Some(run.join(" "));
        }
    }
    None
}

#[test]
fn no_description_in_the_seed_store_copies_twelve_words_from_a_document() {
    let dir = documents_dir();
    if !dir.is_dir() {
        println!(
            "note: {} is absent; the own-words check was skipped",
            dir.display()
        );
        return;
    }
    let runs = document_runs(&dir);
    assert!(
        runs.len() > 1000,
        "the documents in {} gave only {} runs; were they read?",
        dir.display(),
        runs.len()
    );
    let store = seed_store();
    let all = texts(&store);
    assert!(all.len() > 200, "only {} texts found", all.len());
    let mut copied: BTreeMap<(String, &str), String> = BTreeMap::new();
    for (id, field, text) in &all {
        if let Some(run) = copied_run(text, &runs) {
            copied.entry((id.clone(), field)).or_insert(run);
        }
    }
    assert!(
        copied.is_empty(),
        "{} text(s) share a run of {RUN}+ words with a document (reword, or quote it):\n{}",
        copied.len(),
        copied
            .iter()
            .map(|((id, field), run)| format!("  {id} {field}: \"{run}\""))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_three_descriptions_that_once_copied_the_documents_would_be_caught() {
    let dir = documents_dir();
    if !dir.is_dir() {
        println!("note: {} is absent; skipped", dir.display());
        return;
    }
    let runs = document_runs(&dir);
    // As they stood in seeds/ before issue 14 (World Cities cohort; KAIA; Korean Convergence Alliance).
    let old = [
        "At the launch conference 30–40 city representatives discussed smart cities (transport, ICT, \
         safety), the urban economy (innovation, clusters, start-ups), climate change (low carbon, \
         green energy, resilience) and urban regeneration (cultural heritage, green spaces, \
         affordable housing).",
        "Mentioned with the Korean Convergence Alliance as a channel for cooperation on smart cities, \
         connectivity, clean-tech urban solutions, robotics and educational technology.",
        "Channel for Danish–Korean cooperation on smart cities, connectivity, clean-tech urban \
         solutions, robotics and educational technology.",
    ];
    for text in old {
        assert!(copied_run(text, &runs).is_some(), "not caught: {text}");
    }
}

#[test]
fn a_copied_sentence_is_caught_and_a_quoted_one_is_not() {
    let doc = "The overall aim of the project is to promote better urban policy and thereby \
               improve the quality of life in participating cities.";
    let runs: HashSet<Vec<String>> = words(doc).windows(RUN).map(<[String]>::to_vec).collect();
    let copied = "In short, the overall aim of the project is to promote better urban policy and \
                  thereby improve life.";
    assert!(copied_run(copied, &runs).is_some());
    let quoted = "The release says 'the overall aim of the project is to promote better urban \
                  policy and thereby improve the quality of life'.";
    assert_eq!(copied_run(quoted, &runs), None);
    let own =
        "It seeks better city policies and a better life for residents of the cities taking part.";
    assert_eq!(copied_run(own, &runs), None);
}

#[test]
fn apostrophes_inside_words_are_not_quotation_marks() {
    assert_eq!(
        unquoted("Korea's plan and the cities' aims"),
        vec!["Korea's plan and the cities' aims".to_owned()]
    );
    assert_eq!(
        unquoted("the 'data dam' project"),
        vec!["the ".to_owned(), " project".to_owned()]
    );
}

#[test]
fn footnote_marks_do_not_break_a_run() {
    assert_eq!(
        words(&strip_markup(
            "the Korean New Deal<sup>5</sup> – with the goal"
        )),
        ["the", "korean", "new", "deal", "with", "the", "goal"]
    );
}
