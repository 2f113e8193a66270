//! Country names and codes for the network view: ISO 3166-1 alpha-2 (as in the store) to the
//! ISO 3166-1 numeric code (as in the Natural Earth outlines) and an English short name.

/// `(alpha-2, numeric, English short name)` for the countries a Korea–Europe store is likely to
/// mention. Codes are ISO 3166-1; the list is sorted by alpha-2 code.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AL", "008", "Albania"),
    ("AT", "040", "Austria"),
    ("AU", "036", "Australia"),
    ("BA", "070", "Bosnia and Herzegovina"),
    ("BE", "056", "Belgium"),
    ("BG", "100", "Bulgaria"),
    ("BR", "076", "Brazil"),
    ("CA", "124", "Canada"),
    ("CH", "756", "Switzerland"),
    ("CN", "156", "China"),
    ("CY", "196", "Cyprus"),
    ("CZ", "203", "Czechia"),
    ("DE", "276", "Germany"),
    ("DK", "208", "Denmark"),
    ("EE", "233", "Estonia"),
    ("ES", "724", "Spain"),
    ("FI", "246", "Finland"),
    ("FR", "250", "France"),
    ("GB", "826", "United Kingdom"),
    ("GR", "300", "Greece"),
    ("HR", "191", "Croatia"),
    ("HU", "348", "Hungary"),
    ("ID", "360", "Indonesia"),
    ("IE", "372", "Ireland"),
    ("IL", "376", "Israel"),
    ("IN", "356", "India"),
    ("IS", "352", "Iceland"),
    ("IT", "380", "Italy"),
    ("JP", "392", "Japan"),
    ("KP", "408", "North Korea"),
    ("KR", "410", "South Korea"),
    ("LT", "440", "Lithuania"),
    ("LU", "442", "Luxembourg"),
    ("LV", "428", "Latvia"),
    ("ME", "499", "Montenegro"),
    ("MK", "807", "North Macedonia"),
    ("MT", "470", "Malta"),
    ("NL", "528", "Netherlands"),
    ("NO", "578", "Norway"),
    ("NZ", "554", "New Zealand"),
    ("PL", "616", "Poland"),
    ("PT", "620", "Portugal"),
    ("RO", "642", "Romania"),
    ("RS", "688", "Serbia"),
    ("RU", "643", "Russia"),
    ("SE", "752", "Sweden"),
    ("SG", "702", "Singapore"),
    ("SI", "705", "Slovenia"),
    ("SK", "703", "Slovakia"),
    ("TR", "792", "Türkiye"),
    ("UA", "804", "Ukraine"),
    ("US", "840", "United States"),
    ("VN", "704", "Vietnam"),
    ("ZA", "710", "South Africa"),
];

/// The code the store uses for bodies of the European Union.
pub const EU: &str = "EU";

/// The English short name of a country code, or the code itself when unknown.
pub fn country_name(code: &str) -> &str {
    if code == EU {
        return "European Union";
    }
    COUNTRIES
        .binary_search_by(|(a2, _, _)| (*a2).cmp(code))
        .map_or(code, |i| COUNTRIES[i].2)
}

/// The ISO 3166-1 numeric code of an alpha-2 code, as Natural Earth features carry it.
pub fn numeric_code(code: &str) -> Option<&'static str> {
    COUNTRIES
        .binary_search_by(|(a2, _, _)| (*a2).cmp(code))
        .ok()
        .map(|i| COUNTRIES[i].1)
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
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        for (a2, num, name) in COUNTRIES {
            assert_eq!(country_name(a2), *name);
            assert_eq!(numeric_code(a2), Some(*num));
        }
    }

    #[test]
    fn unknown_codes_fall_back_to_the_code_and_eu_has_a_name() {
        assert_eq!(country_name("XX"), "XX");
        assert_eq!(country_name("EU"), "European Union");
        assert_eq!(numeric_code("EU"), None);
        assert!(is_korea("KR") && !is_korea("GB"));
    }
}
