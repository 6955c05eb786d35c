//! States, provinces and countries by their abbreviations, and divisions after a comma.
//!
//! Heuristics:
//! - A state's or province's press abbreviation with its full stop ("Kan.", "Alta.") is that
//!   division, not a town abroad with that alternate name; also where the full stop ends no
//!   sentence ("Mass. legislators put off …") or the tagger left the stop out after a comma.
//! - "W. Va." the tagger cut to "Va" is West Virginia, from the initial before it (`W.`,
//!   `N.`, `S.`), where the initial makes another division.
//! - A first-level division named after a comma ("COLUMBIA, Ky.", "Surrey, B.C.") is a place
//!   of its own (an abbreviation only with its full stop: "Ky." but not "Miss Smith"; not a
//!   list's next city, "Montreal, Quebec City and Halifax").
//! - Dotted state and province abbreviations the tagger left out ("Ferries in B.C. stayed in
//!   port") are found in the text, standing alone as a word.
//! - Countries' acronyms the tagger left out ("Why US fears …": US, U.S., UK, U.K., USA,
//!   UAE) are found in the text where the twenty characters either side are not all
//!   capitals (there "US" may be the pronoun).
//!
//! Overlaps with places already found are looked up by binary search in sorted lists, so an
//! article stays linear.

use crate::data;
use crate::index::Cand;
use crate::resolve::Resolver;
use crate::text::{comma_words, overlaps};
use crate::words::{COUNTRY_ACRONYMS, STATE_INITIALS};
use dateline_core::{Entity, EntityType, Place};

impl Resolver<'_, '_> {
    /// A place entity that is a state's or province's press abbreviation (see the module
    /// notes): that division.
    pub(crate) fn read_press_abbreviation(&self, e: &Entity) -> Option<Place> {
        if !matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
            return None;
        }
        let (g, body) = (self.g, self.body);
        let bare = e.text.trim_end_matches('.');
        // "W. Va." the tagger cut to "Va": West Virginia, from the initial before it
        let initial = STATE_INITIALS
            .iter()
            .find(|i| body[..e.start].ends_with(*i))
            .filter(|_| data::press_abbreviation(bare) && bare.len() <= 4);
        let division = initial.and_then(|i| {
            g.division_named(&format!("{}{bare}.", i))
                .filter(|&d| Some(d) != g.division_named(&format!("{bare}.")))
        });
        if let (Some(i), Some(d)) = (initial, division) {
            let start = e.start - i.len();
            return Some(g.place(Cand::Place(d), start, &body[start..e.end], None));
        }
        // (also where the full stop ends no sentence: "Mass. legislators put off …")
        let lower_after = body[e.end..]
            .strip_prefix(". ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
        let stop = e.text.ends_with('.')
            || body[e.end..].starts_with('.') && body[..e.start].ends_with(", ")
            || lower_after;
        if !stop {
            return None;
        }
        let i = data::press_abbreviation(bare)
            .then(|| g.division_named(&format!("{bare}.")))
            .flatten()?;
        Some(g.place(Cand::Place(i), e.start, &e.text, None))
    }

    /// The divisions named after a comma (see the module notes), added to `out`.
    pub(crate) fn add_divisions_after_commas(&self, out: &mut Vec<Place>) {
        let (g, body) = (self.g, self.body);
        out.sort_by_key(|p| (p.start, p.end));
        let mut added: Vec<Place> = Vec::new();
        for e in self.entities {
            let Some(rest) = body[e.end..].strip_prefix(", ") else {
                continue;
            };
            let words = comma_words(body, e.end, 24);
            let hit = (1..=words.len()).rev().find_map(|n| {
                let q = words[..n].join(" ");
                // an abbreviation only with its full stop ("Ky." but not "Miss Smith")
                let bare = q.trim_end_matches('.');
                if data::press_abbreviation(bare) && !q.ends_with('.') && g.lookup(&q).is_empty() {
                    return None;
                }
                let i = g.division_named(&q)?;
                Some((q, i))
            });
            let Some((q, i)) = hit else { continue };
            let start = e.end + 2;
            let end = start + q.len();
            // (a list's next city is no qualifier: "Montreal, Quebec City and Halifax")
            if body[end..].starts_with(" City") {
                continue;
            }
            if !rest.starts_with(q.as_str())
                || overlaps(out, start, end)
                || overlaps(&added, start, end)
            {
                continue;
            }
            added.push(g.place(Cand::Place(i), start, &q, None));
        }
        out.append(&mut added);
    }

    /// The dotted state and province abbreviations and the countries' acronyms the tagger
    /// left out (see the module notes), added to `out`.
    pub(crate) fn add_abbreviations_left_out(&self, out: &mut Vec<Place>) {
        let (g, body) = (self.g, self.body);
        out.sort_by_key(|p| (p.start, p.end));
        let mut dotted: Vec<Place> = Vec::new();
        for abbr in data::dotted_abbreviations() {
            let abbr = abbr.as_str();
            for (at, _) in body.match_indices(abbr) {
                let end = at + abbr.len();
                let before = body[..at].chars().next_back();
                let after = body[end..].chars().next();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '.')
                    || after.is_some_and(char::is_alphanumeric)
                    || overlaps(out, at, end)
                {
                    continue;
                }
                if let Some(i) = g.division_named(abbr) {
                    dotted.push(g.place(Cand::Place(i), at, abbr, None));
                }
            }
        }
        for abbr in COUNTRY_ACRONYMS {
            for (at, _) in body.match_indices(abbr) {
                let end = at + abbr.len();
                let before = body[..at].chars().next_back();
                let after = body[end..].chars().next();
                // (twenty characters either side, counted in characters)
                let lower_around = body[..at].chars().rev().take(20).any(char::is_lowercase)
                    || body[end..].chars().take(20).any(char::is_lowercase);
                if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '-')
                    || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
                    || !lower_around
                    || overlaps(out, at, end)
                    || overlaps(&dotted, at, end)
                {
                    continue;
                }
                if let Some(c) = g.lookup(abbr).iter().find_map(|&(c, _)| match c {
                    Cand::Country(_) => Some(c),
                    _ => None,
                }) {
                    dotted.push(g.place(c, at, abbr, None));
                }
            }
        }
        dotted.sort_by_key(|p| (p.start, p.end));
        out.append(&mut dotted);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    #[test]
    fn dotted_abbreviations_the_tagger_left_out() {
        let g = gazetteer();
        let body =
            "Ferries in B.C. stayed in port, W. Va. schools shut early, and the U.N.C.A. board met.";
        let ps = g.resolve(body, &[]);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref(), p.admin1.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("B.C.", Some("CAN"), Some("02")),
                ("W. Va.", Some("USA"), Some("WV"))
            ]
        );
    }

    #[test]
    fn country_acronyms_the_tagger_left_out() {
        let g = gazetteer();
        let body = "Why US fears “hacking” ‘now’ — and what the UK thinks.";
        let ps = g.resolve(body, &[]);
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (&body[p.start..p.end], p.country.as_deref()))
            .collect();
        assert_eq!(got, [("US", Some("USA")), ("UK", Some("GBR"))]);
        // in capitals "US" may be the pronoun; inside words or names it is nothing
        for body in ["TELL US WHAT YOU THINK", "A BUS, USB and US-based firms"] {
            assert!(g.resolve(body, &[]).is_empty(), "{body}");
        }
    }

    /// the tagger's "Va" after "W. ", and a direction opening a division's name inside an
    /// organisation's ("West Virginia Lottery Commission"); a direction before a division
    /// is still stripped ("North East Texas")
    #[test]
    fn tagger_va_after_w_and_a_direction_opening_a_division_name_inside() {
        let g = gazetteer();
        let body = "Sen. Byrd, D-W. Va., met the West Virginia Lottery Commission and the \
                    North East Texas Water Group.";
        let ents = vec![
            ent(body, "Va", EntityType::Gpe),
            ent(body, "West Virginia Lottery Commission", EntityType::Org),
            ent(body, "North East Texas Water Group", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.name.as_str().into(), p.admin1.as_deref()));
        assert_eq!(
            got,
            vec![
                ("W. Va", Some("West Virginia"), Some("WV")),
                ("West Virginia", Some("West Virginia"), Some("WV")),
                ("Texas", Some("Texas"), Some("TX")),
            ]
        );
    }

    #[test]
    fn press_abbreviations_after_a_comma_are_divisions() {
        let g = gazetteer();
        let body = "The plant in Wichita, Kan. closed; a mill in Red Deer, Alta. opened.";
        let ents: Vec<Entity> = ["Wichita", "Kan", "Red Deer", "Alta"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref(), p.feature.as_deref()))
            .collect();
        assert!(got.contains(&("Kan", Some("USA"), Some("ADM1"))), "{got:?}");
        assert!(
            got.contains(&("Alta", Some("CAN"), Some("ADM1"))),
            "{got:?}"
        );
    }

    #[test]
    fn divisions_after_a_comma_are_places() {
        let g = gazetteer();
        let body = "COLUMBIA, Ky. (WBKO) - Police in Surrey, B.C. and Anna, Miss Lee said.";
        let ents = vec![
            ent(body, "COLUMBIA", EntityType::Gpe),
            ent(body, "Surrey", EntityType::Gpe),
            ent(body, "Anna", EntityType::Person),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, &str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.name.as_str(), p.country.as_deref()))
            .collect();
        assert!(got.contains(&("Ky.", "Kentucky", Some("USA"))), "{got:?}");
        assert!(
            got.contains(&("B.C.", "British Columbia", Some("CAN"))),
            "{got:?}"
        );
        // "Miss" without a full stop is not Mississippi
        assert!(!got.iter().any(|g| g.1 == "Mississippi"), "{got:?}");
    }
}
