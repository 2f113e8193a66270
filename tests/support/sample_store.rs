//! The sample store of `tests/fixtures/good/sample_network.ron`, for the tests and the network
//! demo (`#[path = "…/support/sample_store.rs"] mod sample_store;`).

use partnership_atlas::model::Store;

/// The fixture's text, compiled in so that any test or example finds it wherever it runs.
const SAMPLE_NETWORK: &str = include_str!("../fixtures/good/sample_network.ron");

/// The sample store: UK–Korea Innovation Twins pairs, the EU World Cities cohort in Korea, the
/// JRC–KAIST cooperation and one Denmark–Korea Joint Action Plan line.
///
/// # Panics
/// When the fixture does not load: every test that uses it would be meaningless.
pub fn sample_store() -> Store {
    let files = [(
        "tests/fixtures/good/sample_network.ron".to_owned(),
        SAMPLE_NETWORK.as_bytes().to_vec(),
    )];
    match partnership_atlas::store::load_texts(&files) {
        Ok(store) => store,
        Err(problems) => panic!("the sample store does not load: {problems:?}"),
    }
}
