//! Actor dictionaries in the PETRARCH/TABARI format (the Phoenix dictionaries, MIT) and the
//! agents dictionary, with dated codes.
//!
//! Actor file grammar, as this parser reads it:
//!
//! ```text
//! NAME_ [CODE]            an entry with its code on the same line
//! NAME_  # comment        an entry whose codes follow
//! +SYNONYM_               another name for the current entry
//!     [CODE >YYMMDD]      a code valid from a date; <YYMMDD until; A-B between; none: always
//! ```
//!
//! Names are matched by [`norm_key`] (underscores and hyphens as spaces, upper case). Dates
//! with two-digit years pivot at 30 (`000717` is 2000-07-17, `830101` is 1983-01-01).
//! Agents (`POLICE [~COP]`, `!PERSON!` macros, `{plural forms}`) give role codes appended to
//! a country code ("Syrian military" -> SYRMIL).

//!
//! The bundled dictionaries are prebuilt at compile time (`build.rs` parses them with
//! [`dictionary`]'s own code, as `dateline-geo/build.rs` prebuilds the places): start-up reads
//! the table back ([`Actors::decode`]) after checking that it was made from texts of the
//! bundled files' lengths and is whole, and otherwise parses the files as before.

mod dictionary;

pub use dictionary::*;

/// The bundled dictionaries as `build.rs` encoded them (empty if it could not).
const PREBUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/actors.bin"));

impl Actors {
    /// The Phoenix dictionaries bundled in `data/actors/`, and dateline's additions.
    pub fn bundled() -> Actors {
        Actors::decode(PREBUILT, &bundled_lengths()).unwrap_or_else(Actors::parse_bundled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::date::Date;
    use dateline_text::norm_key;

    #[test]
    fn dated_codes() {
        let mut a = Actors::default();
        a.load_actors("BASHAR_AL_ASSAD_  # CountryInfo.txt\n+ASSAD_\n\t[SYRELI 830101-000101]\n\t[SYRGOV >000717]\n\t[SYRELI]\nSYRIA_  [SYR]\n+DAMASCUS_\n");
        let e = a.lookup("Bashar al-Assad").unwrap();
        assert!(e.person);
        let day = |s: &str| Date::parse_iso(s).map(Date::to_days);
        assert_eq!(e.code_on(day("2018-05-17")), Some("SYRGOV"));
        assert_eq!(e.code_on(day("1990-01-01")), Some("SYRELI"));
        assert_eq!(
            a.lookup("Damascus").and_then(|e| e.code_on(None)),
            Some("SYR")
        );
        // a surname alone: the one person it names
        assert_eq!(
            a.person_by_surname("Assad", day("2018-05-17")),
            Some("SYRGOV".to_string())
        );
        assert_eq!(a.person_by_surname("Damascus", None), None);
    }

    #[test]
    fn bundled_dictionaries() {
        let a = Actors::bundled();
        assert!(a.entries.len() > 10_000, "{}", a.entries.len());
        let day = Date::parse_iso("2018-05-18").map(Date::to_days);
        assert_eq!(
            a.lookup("Vladimir Putin").and_then(|e| e.code_on(day)),
            Some("RUSGOV")
        );
        assert_eq!(
            a.lookup("Putin").and_then(|e| e.code_on(day)),
            Some("RUSGOV")
        );
        assert_eq!(
            a.lookup("Kremlin").and_then(|e| e.code_on(day)),
            Some("RUSGOV")
        );
        assert_eq!(a.agent("military"), Some("MIL"));
        assert_eq!(a.agent("policemen").or(a.agent("police")), Some("COP"));
    }

    #[test]
    fn prebuilt_dictionaries_are_the_parsed_ones() {
        let lengths = bundled_lengths();
        let parsed = Actors::parse_bundled();
        assert_eq!(Actors::decode(PREBUILT, &lengths).as_ref(), Some(&parsed));
        // the names are keys already (the lexicon takes them as they are)
        assert!(parsed.by_name.keys().all(|k| norm_key(k) == *k));
        // the table round-trips
        let bytes = parsed
            .encode(&lengths)
            .expect("the dictionaries fit the table");
        assert_eq!(bytes, PREBUILT);
    }

    #[test]
    fn a_damaged_or_stale_prebuilt_table_is_refused() {
        let lengths = bundled_lengths();
        // made from other texts
        let mut other = lengths;
        other[2] += 1;
        assert!(Actors::decode(PREBUILT, &other).is_none());
        assert!(Actors::decode(PREBUILT, &lengths[..5]).is_none());
        // cut anywhere, or a byte more
        for cut in [0, 3, 4, 8, 40, PREBUILT.len() / 2, PREBUILT.len() - 1] {
            assert!(
                Actors::decode(&PREBUILT[..cut], &lengths).is_none(),
                "{cut}"
            );
        }
        let mut longer = PREBUILT.to_vec();
        longer.push(0);
        assert!(Actors::decode(&longer, &lengths).is_none());
        // an index past the entries, a string past the text, a bad flag
        let small = {
            let mut a = Actors::default();
            a.load_actors("SYRIA_  [SYR >000101]\n+DAMASCUS_\n");
            a
        };
        let bytes = small.encode(&[1]).unwrap();
        assert_eq!(Actors::decode(&bytes, &[1]).as_ref(), Some(&small));
        // its 19 numbers: the entry (count, name, person, codes: count, code, from, to), the
        // two names (count, key and index each), no surnames, no agents
        let nums = bytes.len() - 4 * 19;
        for i in [0, 1, 2, 3, 4, 5, 7, 9, 10, 13, 16, 17, 18] {
            let mut bad = bytes.clone();
            bad[nums + 4 * i..nums + 4 * i + 4].copy_from_slice(&u32::MAX.to_le_bytes());
            assert!(Actors::decode(&bad, &[1]).is_none(), "u32 at {i}");
        }
    }
}
