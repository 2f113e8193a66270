//! The synthetic large store of the benchmark (`benches/support/large_store.rs`).

#[path = "../benches/support/large_store.rs"]
mod large_store;

use large_store::synthetic_store;

const CSV: &str = "geonameid,name,ascii_name,country_code,admin1_code,latitude,longitude,population\n\
    1,Alpha,Alpha,GB,ENG,51.5,-0.1,100000\n\
    2,Beta,Beta,KR,11,37.5,127.0,200000\n\
    3,Gamma,Gamma,FI,06,61.5,23.8,x\n\
    4,Broken,Broken,DK,17,not-a-number,12.5,1\n";

#[test]
fn the_synthetic_store_is_the_same_on_every_run_and_skips_bad_rows() {
    let a = synthetic_store(CSV, 50, 7);
    let b = synthetic_store(CSV, 50, 7);
    assert_eq!(a, b);
    assert_eq!(
        a.places.len(),
        3,
        "the row with a broken latitude is skipped"
    );
    assert_eq!(a.partnerships.len(), 50);
    assert!(
        a.partnerships.iter().all(|p| p.a != p.b),
        "no city is paired with itself"
    );
    assert_ne!(
        synthetic_store(CSV, 50, 8).partnerships,
        a.partnerships,
        "the seed matters"
    );
}
