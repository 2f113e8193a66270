//! The one table of country codes and names: ISO 3166-1 alpha-2 (as the store's places carry
//! them), alpha-3 (as the indicator series and findings name economies), numeric (as the Natural
//! Earth outlines carry them) and an English short name. The network, the charts, the search and
//! the briefing all read it.

/// One country's codes and name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, e.g. "KR".
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3, e.g. "KOR".
    pub alpha3: &'static str,
    /// ISO 3166-1 numeric, e.g. "410".
    pub numeric: &'static str,
    /// English short name, e.g. "South Korea".
    pub name: &'static str,
}

const fn c(
    alpha2: &'static str,
    alpha3: &'static str,
    numeric: &'static str,
    name: &'static str,
) -> Country {
    Country {
        alpha2,
        alpha3,
        numeric,
        name,
    }
}

/// The countries a Korea–Europe store is likely to mention, sorted by alpha-2 code.
const COUNTRIES: &[Country] = &[
    c("AL", "ALB", "008", "Albania"),
    c("AT", "AUT", "040", "Austria"),
    c("AU", "AUS", "036", "Australia"),
    c("BA", "BIH", "070", "Bosnia and Herzegovina"),
    c("BE", "BEL", "056", "Belgium"),
    c("BG", "BGR", "100", "Bulgaria"),
    c("BR", "BRA", "076", "Brazil"),
    c("CA", "CAN", "124", "Canada"),
    c("CH", "CHE", "756", "Switzerland"),
    c("CN", "CHN", "156", "China"),
    c("CY", "CYP", "196", "Cyprus"),
    c("CZ", "CZE", "203", "Czechia"),
    c("DE", "DEU", "276", "Germany"),
    c("DK", "DNK", "208", "Denmark"),
    c("EE", "EST", "233", "Estonia"),
    c("ES", "ESP", "724", "Spain"),
    c("FI", "FIN", "246", "Finland"),
    c("FR", "FRA", "250", "France"),
    c("GB", "GBR", "826", "United Kingdom"),
    c("GR", "GRC", "300", "Greece"),
    c("HR", "HRV", "191", "Croatia"),
    c("HU", "HUN", "348", "Hungary"),
    c("ID", "IDN", "360", "Indonesia"),
    c("IE", "IRL", "372", "Ireland"),
    c("IL", "ISR", "376", "Israel"),
    c("IN", "IND", "356", "India"),
    c("IS", "ISL", "352", "Iceland"),
    c("IT", "ITA", "380", "Italy"),
    c("JP", "JPN", "392", "Japan"),
    c("KP", "PRK", "408", "North Korea"),
    c("KR", "KOR", "410", "South Korea"),
    c("LT", "LTU", "440", "Lithuania"),
    c("LU", "LUX", "442", "Luxembourg"),
    c("LV", "LVA", "428", "Latvia"),
    c("ME", "MNE", "499", "Montenegro"),
    c("MK", "MKD", "807", "North Macedonia"),
    c("MT", "MLT", "470", "Malta"),
    c("NL", "NLD", "528", "Netherlands"),
    c("NO", "NOR", "578", "Norway"),
    c("NZ", "NZL", "554", "New Zealand"),
    c("PL", "POL", "616", "Poland"),
    c("PT", "PRT", "620", "Portugal"),
    c("RO", "ROU", "642", "Romania"),
    c("RS", "SRB", "688", "Serbia"),
    c("RU", "RUS", "643", "Russia"),
    c("SE", "SWE", "752", "Sweden"),
    c("SG", "SGP", "702", "Singapore"),
    c("SI", "SVN", "705", "Slovenia"),
    c("SK", "SVK", "703", "Slovakia"),
    c("TR", "TUR", "792", "Türkiye"),
    c("UA", "UKR", "804", "Ukraine"),
    c("US", "USA", "840", "United States"),
    c("VN", "VNM", "704", "Vietnam"),
    c("ZA", "ZAF", "710", "South Africa"),
];

/// The code the store uses for bodies of the European Union.
pub const EU: &str = "EU";
/// The economy code the indicator sources use for the EU27.
pub const EU27: &str = "EUU";

/// The country of an alpha-2 code.
pub fn by_alpha2(code: &str) -> Option<&'static Country> {
    COUNTRIES
        .binary_search_by(|c| c.alpha2.cmp(code))
        .ok()
        .map(|i| &COUNTRIES[i])
}

/// The English short name of an alpha-2 code (or "European Union" for `EU`), or the code itself
/// when unknown.
pub fn country_name(code: &str) -> &str {
    if code == EU {
        return "European Union";
    }
    by_alpha2(code).map_or(code, |c| c.name)
}

/// The ISO 3166-1 numeric code of an alpha-2 code, as Natural Earth features carry it.
pub fn numeric_code(code: &str) -> Option<&'static str> {
    by_alpha2(code).map(|c| c.numeric)
}

/// The alpha-2 code of an alpha-3 economy code ("KOR" → "KR"); aggregates such as the EU27
/// ("EUU"), the OECD ("OED") or the world ("WLD") have none.
pub fn alpha2(alpha3: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|c| c.alpha3 == alpha3)
        .map(|c| c.alpha2)
}

/// The store's country code of an economy: the alpha-2 code of a country, `EU` for the EU27,
/// none for the other aggregates.
pub fn store_code(economy: &str) -> Option<&'static str> {
    if economy == EU27 {
        Some(EU)
    } else {
        alpha2(economy)
    }
}

/// True for the Korean side of a partnership (the Republic of Korea, and the DPRK should a store
/// ever name it).
pub fn is_korea(code: &str) -> bool {
    code == "KR" || code == "KP"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_table_is_sorted_so_binary_search_finds_every_entry() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].alpha2 < w[1].alpha2));
        for c in COUNTRIES {
            assert_eq!(country_name(c.alpha2), c.name);
            assert_eq!(numeric_code(c.alpha2), Some(c.numeric));
            assert_eq!(alpha2(c.alpha3), Some(c.alpha2));
        }
    }

    #[test]
    fn every_code_is_unique_and_has_the_iso_shape() {
        for (i, a) in COUNTRIES.iter().enumerate() {
            assert_eq!(a.alpha2.len(), 2, "{a:?}");
            assert_eq!(a.alpha3.len(), 3, "{a:?}");
            assert!(a.numeric.len() == 3 && a.numeric.bytes().all(|b| b.is_ascii_digit()));
            for b in &COUNTRIES[i + 1..] {
                assert!(
                    a.alpha3 != b.alpha3 && a.numeric != b.numeric,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn unknown_codes_fall_back_to_the_code_and_aggregates_have_no_alpha2() {
        assert_eq!(country_name("XX"), "XX");
        assert_eq!(country_name("EU"), "European Union");
        assert_eq!(numeric_code("EU"), None);
        assert!(is_korea("KR") && !is_korea("GB"));
        assert_eq!(alpha2("KOR"), Some("KR"));
        assert_eq!(alpha2("GBR"), Some("GB"));
        for aggregate in ["EUU", "OED", "WLD"] {
            assert_eq!(alpha2(aggregate), None);
        }
        assert_eq!(store_code("EUU"), Some("EU"));
        assert_eq!(store_code("DNK"), Some("DK"));
        assert_eq!(store_code("OED"), None);
    }
}
