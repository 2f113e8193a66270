//! `partnership-atlas brief …` through the real binary: the pair and place briefings hold what
//! an officer needs, unknown ids write nothing, and hostile notes cannot run or reach out.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use partnership_atlas::notes::{
    Note, NoteId, NoteTarget, NotesFile, TargetKind, Timestamp, to_ron,
};

const BIN: &str = env!("CARGO_BIN_EXE_partnership-atlas");

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temp dir: {e}"),
    }
}

fn note(id: &str, target: &str, kind: TargetKind, title: &str, body: &str) -> Note {
    let t = Timestamp::from_utc(2026, 11, 20, 9, 30);
    Note {
        id: NoteId::new(id),
        target: Some(NoteTarget::new(kind, target)),
        title: title.into(),
        body: body.into(),
        tags: Vec::new(),
        author: "J. Park".into(),
        created: t,
        updated: t,
        deleted: false,
        conflict_of: None,
        ancestry: Vec::new(),
    }
}

/// Writes a notes file with `notes` and returns its path.
fn notes_file(dir: &Path, notes: Vec<Note>) -> PathBuf {
    let path = dir.join("notes.ron");
    let text = match to_ron(&NotesFile::new(notes)) {
        Ok(t) => t,
        Err(e) => panic!("cannot write notes: {e}"),
    };
    if let Err(e) = std::fs::write(&path, text) {
        panic!("cannot write {}: {e}", path.display());
    }
    path
}

fn run(args: &[&str], notes: &Path) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("brief").args(args).arg("--notes").arg(notes);
    match cmd.output() {
        Ok(o) => o,
        Err(e) => panic!("cannot run {BIN}: {e}"),
    }
}

fn read(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => panic!("no file at {}: {e}", path.display()),
    }
}

fn brief(ids: &[&str], notes: Vec<Note>) -> (tempfile::TempDir, String) {
    let dir = temp_dir();
    let notes = notes_file(dir.path(), notes);
    let out = dir.path().join("brief.html");
    let mut args: Vec<&str> = ids.to_vec();
    let out_s = out.to_string_lossy().into_owned();
    args.extend(["--out", &out_s]);
    let o = run(&args, &notes);
    assert!(
        o.status.success(),
        "brief failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = read(&out);
    (dir, html)
}

/// Every `src=` and `href=` target in the document.
fn targets(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["src=\"", "href=\"", "src='", "href='"] {
        for part in html.split(attr).skip(1) {
            let end = part.find(['"', '\'']).unwrap_or(part.len());
            out.push(part[..end].to_owned());
        }
    }
    out
}

#[test]
fn a_pair_briefing_holds_both_cities_the_source_the_roadmap_and_the_note() {
    let n = note(
        "n-pair",
        "pair-belfast-sejong",
        TargetKind::Partnership,
        "Ask about the smart-port strand",
        "## Questions\n\nWho leads the **roadmap** follow-up in 2025?",
    );
    let (_dir, html) = brief(&["pair-belfast-sejong"], vec![n]);
    assert!(html.contains("Belfast") && html.contains("Sejong"));
    assert!(
        html.contains("<span lang=\"ko\">세종</span>"),
        "Hangul as text"
    );
    assert!(html.contains("Connected Places Catapult"));
    assert!(html.contains("2024-04") && html.contains("roadmap launched in Sejong"));
    assert!(html.contains("Ask about the smart-port strand"));
    assert!(
        html.contains("<h5>Questions</h5>"),
        "note headings are demoted"
    );
    assert!(html.contains("<strong>roadmap</strong>"));
    assert!(html.contains("by J. Park"));
    assert!(
        html.contains("src=\"data:image/png;base64,iVBORw0KGgo"),
        "an embedded PNG"
    );
    for t in targets(&html) {
        assert!(
            t.starts_with("data:image/png;base64,"),
            "an external resource: {t}"
        );
    }
    assert!(
        !html.contains("<link") && !html.contains("url("),
        "no external CSS"
    );
    assert!(
        !html.contains("http:") && !html.contains("https:"),
        "no http anything"
    );
    for section in [
        "2. Map",
        "3. The facts",
        "4. Headline figures",
        "6. Your notes",
        "7. Sources",
    ] {
        assert!(html.contains(section), "section {section}");
    }
    assert!(
        html.contains("Gap: no start year stated"),
        "gaps are shown as gaps"
    );
    assert!(html.contains("derived"), "derived values are marked");
}

#[test]
fn a_place_briefing_names_the_liverpool_pair_and_the_world_cities_cohort() {
    let (_dir, html) = brief(&["place-busan"], Vec::new());
    assert!(html.contains("Liverpool City Region – Busan"));
    assert!(html.contains("World Cities Korea 2017–2018"));
    assert!(html.contains("<span lang=\"ko\">부산</span>"));
    assert!(html.contains("Five-year deal between the Liverpool City Region and Busan"));
}

#[test]
fn several_ids_make_one_briefing_and_markdown_is_written_beside_it() {
    let dir = temp_dir();
    let notes = notes_file(dir.path(), Vec::new());
    let out = dir.path().join("trip.html");
    let md = dir.path().join("trip.md");
    let (out_s, md_s) = (out.to_string_lossy(), md.to_string_lossy());
    let o = run(
        &[
            "pair-belfast-sejong",
            "place-busan",
            "--out",
            &out_s,
            "--markdown",
            &md_s,
        ],
        &notes,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out);
    assert!(html.contains("Belfast – Sejong · Busan"));
    let text = read(&md);
    assert!(text.contains("# Trip briefing: Belfast – Sejong · Busan"));
    assert!(text.contains("](<trip-map.png>)"));
    let png = match std::fs::read(dir.path().join("trip-map.png")) {
        Ok(b) => b,
        Err(e) => panic!("no map beside the Markdown: {e}"),
    };
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn an_unknown_id_exits_2_names_the_id_and_writes_nothing() {
    let dir = temp_dir();
    let notes = notes_file(dir.path(), Vec::new());
    let out = dir.path().join("brief.html");
    let md = dir.path().join("brief.md");
    let (out_s, md_s) = (out.to_string_lossy(), md.to_string_lossy());
    let o = run(
        &[
            "place-busan",
            "place-atlantis",
            "--out",
            &out_s,
            "--markdown",
            &md_s,
        ],
        &notes,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("place-atlantis"));
    let left: Vec<_> = match std::fs::read_dir(dir.path()) {
        Ok(r) => r.filter_map(Result::ok).map(|e| e.file_name()).collect(),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("notes.ron")],
        "nothing written"
    );
}

#[test]
fn an_existing_briefing_is_replaced_whole() {
    let dir = temp_dir();
    let notes = notes_file(dir.path(), Vec::new());
    let out = dir.path().join("brief.html");
    if let Err(e) = std::fs::write(&out, "old briefing") {
        panic!("{e}");
    }
    let out_s = out.to_string_lossy();
    let o = run(&["place-busan", "--out", &out_s], &notes);
    assert!(o.status.success());
    let html = read(&out);
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("old briefing"));
}

pub const HOSTILE: &str = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
    [x](javascript:alert(1)) and <iframe src=\"//evil.example\"></iframe><style>*{}</style>";

#[test]
fn a_hostile_note_gives_no_script_no_handler_and_no_javascript_link() {
    let n = note(
        "n-evil",
        "pair-belfast-sejong",
        TargetKind::Partnership,
        "<b>From a colleague</b>",
        HOSTILE,
    );
    let (dir, html) = brief(&["pair-belfast-sejong"], vec![n.clone()]);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains("onerror="), "no event handler");
    assert!(!lower.contains("<iframe") && !lower.contains("<b>from"));
    for t in targets(&html) {
        assert!(
            !t.to_ascii_lowercase().contains("javascript:"),
            "a javascript: link: {t}"
        );
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         img-src data:; style-src 'unsafe-inline'\">"
    ));
    // The Markdown for the next tool escapes it as well.
    let notes = notes_file(dir.path(), vec![n]);
    let out = dir.path().join("b.html");
    let md = dir.path().join("b.md");
    let (out_s, md_s) = (out.to_string_lossy(), md.to_string_lossy());
    let o = run(
        &["pair-belfast-sejong", "--out", &out_s, "--markdown", &md_s],
        &notes,
    );
    assert!(o.status.success());
    let text = read(&md);
    assert!(!text.contains("<script") && !text.contains("<img") && !text.contains("<b>"));
    assert!(!text.contains("](javascript:"));
}

/// Chromium's path, where Debian's `chromium` package is installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
        .find(|p| p.is_file())
}

/// The page's console output in headless Chromium (the lines Chromium logs for it).
fn console_of(chromium: &Path, page: &Path) -> String {
    let profile = temp_dir();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .output();
    match out {
        Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
        Err(e) => panic!("cannot run {}: {e}", chromium.display()),
    }
}

#[test]
fn in_headless_chromium_a_hostile_note_runs_no_script() {
    let Some(chromium) = chromium() else {
        eprintln!("SKIPPED: no chromium on PATH (apt-get install -y chromium)");
        return;
    };
    let body = "<script>console.log('PROBE-script')</script>\n\n\
        <img src=x onerror=\"console.log('PROBE-onerror')\">\n\n\
        [go](javascript:console.log('PROBE-link'))";
    let n = note(
        "n-probe",
        "pair-belfast-sejong",
        TargetKind::Partnership,
        "Probe",
        body,
    );
    let (dir, _html) = brief(&["pair-belfast-sejong"], vec![n]);
    // The harness sees console output: the same script in a plain page logs.
    let control = dir.path().join("control.html");
    if let Err(e) = std::fs::write(
        &control,
        "<!DOCTYPE html><html><body><script>console.log('PROBE-control')</script></body></html>",
    ) {
        panic!("{e}");
    }
    let seen = console_of(&chromium, &control);
    assert!(
        seen.contains("PROBE-control"),
        "the probe cannot see the console: {seen}"
    );
    let seen = console_of(&chromium, &dir.path().join("brief.html"));
    assert!(
        !seen.contains("PROBE"),
        "a script ran in the briefing: {seen}"
    );
}
