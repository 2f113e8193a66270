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

/// The countries a Korea–Europe store is likely to mention, sorted by alpha-2 code.
const COUNTRIES: &[Country] = &[
    Country {
        alpha2: "AL",
        alpha3: "ALB",
        numeric: "008",
        name: "Albania",
    },
    Country {
        alpha2: "AT",
        alpha3: "AUT",
        numeric: "040",
        name: "Austria",
    },
    Country {
        alpha2: "AU",
        alpha3: "AUS",
        numeric: "036",
        name: "Australia",
    },
    Country {
        alpha2: "BA",
        alpha3: "BIH",
        numeric: "070",
        name: "Bosnia and Herzegovina",
    },
    Country {
        alpha2: "BE",
        alpha3: "BEL",
        numeric: "056",
        name: "Belgium",
    },
    Country {
        alpha2: "BG",
        alpha3: "BGR",
        numeric: "100",
        name: "Bulgaria",
    },
    Country {
        alpha2: "BR",
        alpha3: "BRA",
        numeric: "076",
        name: "Brazil",
    },
    Country {
        alpha2: "CA",
        alpha3: "CAN",
        numeric: "124",
        name: "Canada",
    },
    Country {
        alpha2: "CH",
        alpha3: "CHE",
        numeric: "756",
        name: "Switzerland",
    },
    Country {
        alpha2: "CN",
        alpha3: "CHN",
        numeric: "156",
        name: "China",
    },
    Country {
        alpha2: "CY",
        alpha3: "CYP",
        numeric: "196",
        name: "Cyprus",
    },
    Country {
        alpha2: "CZ",
        alpha3: "CZE",
        numeric: "203",
        name: "Czechia",
    },
    Country {
        alpha2: "DE",
        alpha3: "DEU",
        numeric: "276",
        name: "Germany",
    },
    Country {
        alpha2: "DK",
        alpha3: "DNK",
        numeric: "208",
        name: "Denmark",
    },
    Country {
        alpha2: "EE",
        alpha3: "EST",
        numeric: "233",
        name: "Estonia",
    },
    Country {
        alpha2: "ES",
        alpha3: "ESP",
        numeric: "724",
        name: "Spain",
    },
    Country {
        alpha2: "FI",
        alpha3: "FIN",
        numeric: "246",
        name: "Finland",
    },
    Country {
        alpha2: "FR",
        alpha3: "FRA",
        numeric: "250",
        name: "France",
    },
    Country {
        alpha2: "GB",
        alpha3: "GBR",
        numeric: "826",
        name: "United Kingdom",
    },
    Country {
        alpha2: "GR",
        alpha3: "GRC",
        numeric: "300",
        name: "Greece",
    },
    Country {
        alpha2: "HR",
        alpha3: "HRV",
        numeric: "191",
        name: "Croatia",
    },
    Country {
        alpha2: "HU",
        alpha3: "HUN",
        numeric: "348",
        name: "Hungary",
    },
    Country {
        alpha2: "ID",
        alpha3: "IDN",
        numeric: "360",
        name: "Indonesia",
    },
    Country {
        alpha2: "IE",
        alpha3: "IRL",
        numeric: "372",
        name: "Ireland",
    },
    Country {
        alpha2: "IL",
        alpha3: "ISR",
        numeric: "376",
        name: "Israel",
    },
    Country {
        alpha2: "IN",
        alpha3: "IND",
        numeric: "356",
        name: "India",
    },
    Country {
        alpha2: "IS",
        alpha3: "ISL",
        numeric: "352",
        name: "Iceland",
    },
    Country {
        alpha2: "IT",
        alpha3: "ITA",
        numeric: "380",
        name: "Italy",
    },
    Country {
        alpha2: "JP",
        alpha3: "JPN",
        numeric: "392",
        name: "Japan",
    },
    Country {
        alpha2: "KP",
        alpha3: "PRK",
        numeric: "408",
        name: "North Korea",
    },
    Country {
        alpha2: "KR",
        alpha3: "KOR",
        numeric: "410",
        name: "South Korea",
    },
    Country {
        alpha2: "LT",
        alpha3: "LTU",
        numeric: "440",
        name: "Lithuania",
    },
    Country {
        alpha2: "LU",
        alpha3: "LUX",
        numeric: "442",
        name: "Luxembourg",
    },
    Country {
        alpha2: "LV",
        alpha3: "LVA",
        numeric: "428",
        name: "Latvia",
    },
    Country {
        alpha2: "ME",
        alpha3: "MNE",
        numeric: "499",
        name: "Montenegro",
    },
    Country {
        alpha2: "MK",
        alpha3: "MKD",
        numeric: "807",
        name: "North Macedonia",
    },
    Country {
        alpha2: "MT",
        alpha3: "MLT",
        numeric: "470",
        name: "Malta",
    },
    Country {
        alpha2: "NL",
        alpha3: "NLD",
        numeric: "528",
        name: "Netherlands",
    },
    Country {
        alpha2: "NO",
        alpha3: "NOR",
        numeric: "578",
        name: "Norway",
    },
    Country {
        alpha2: "NZ",
        alpha3: "NZL",
        numeric: "554",
        name: "New Zealand",
    },
    Country {
        alpha2: "PL",
        alpha3: "POL",
        numeric: "616",
        name: "Poland",
    },
    Country {
        alpha2: "PT",
        alpha3: "PRT",
        numeric: "620",
        name: "Portugal",
    },
    Country {
        alpha2: "RO",
        alpha3: "ROU",
        numeric: "642",
        name: "Romania",
    },
    Country {
        alpha2: "RS",
        alpha3: "SRB",
        numeric: "688",
        name: "Serbia",
    },
    Country {
        alpha2: "RU",
        alpha3: "RUS",
        numeric: "643",
        name: "Russia",
    },
    Country {
        alpha2: "SE",
        alpha3: "SWE",
        numeric: "752",
        name: "Sweden",
    },
    Country {
        alpha2: "SG",
        alpha3: "SGP",
        numeric: "702",
        name: "Singapore",
    },
    Country {
        alpha2: "SI",
        alpha3: "SVN",
        numeric: "705",
        name: "Slovenia",
    },
    Country {
        alpha2: "SK",
        alpha3: "SVK",
        numeric: "703",
        name: "Slovakia",
    },
    Country {
        alpha2: "TR",
        alpha3: "TUR",
        numeric: "792",
        name: "Türkiye",
    },
    Country {
        alpha2: "UA",
        alpha3: "UKR",
        numeric: "804",
        name: "Ukraine",
    },
    Country {
        alpha2: "US",
        alpha3: "USA",
        numeric: "840",
        name: "United States",
    },
    Country {
        alpha2: "VN",
        alpha3: "VNM",
        numeric: "704",
        name: "Vietnam",
    },
    Country {
        alpha2: "ZA",
        alpha3: "ZAF",
        numeric: "710",
        name: "South Africa",
    },
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
