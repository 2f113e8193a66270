//! The sample store of `tests/fixtures/good/sample_network.ron`, for the network unit tests.

use crate::model::Store;

/// The fixture's text, compiled into the test binary only.
const SAMPLE_NETWORK: &str = include_str!("../../../tests/fixtures/good/sample_network.ron");

/// The sample store: UK–Korea Innovation Twins pairs, the EU World Cities cohort in Korea, the
/// JRC–KAIST cooperation and one Denmark–Korea Joint Action Plan line.
pub(crate) fn sample_store() -> Store {
    let files = [(
        "tests/fixtures/good/sample_network.ron".to_owned(),
        SAMPLE_NETWORK.as_bytes().to_vec(),
    )];
    match crate::store::load_texts(&files) {
        Ok(store) => store,
        Err(problems) => panic!("the sample store does not load: {problems:?}"),
    }
}
