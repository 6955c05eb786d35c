//! Qualifiers: the words that say which of a name's places is meant.
//!
//! Heuristics:
//! - A country or first-level division after a comma qualifies the name before it ("Paris,
//!   France", "Alexandria, Virginia", "Alexandria, Va."): the longest of up to three words
//!   that names one. A qualifier is a capitalised name ("the Florida Highway Patrol" after a
//!   comma is none); of several divisions of the name, the most populous (Florida, USA, not
//!   Uruguay's department); US and Canadian press abbreviations count.
//! - A landmark of a country (a seat of government, square or street of `regions.tsv`:
//!   features `BLDG`, `SQR`, `ST`) within four words after the name's possessive puts the name
//!   in that country ("Paris' iconic Champs-Elysees", "Moscow's Red Square").

use crate::data;
use crate::index::Cand;
use crate::text::comma_words;
use crate::Gazetteer;

/// Where a qualifier puts a name: a country (ISO3) and, when it names one, a first-level
/// division (admin1 code; empty for a country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Qualifier {
    pub iso3: String,
    pub admin1: String,
}

impl Qualifier {
    /// Whether a place in `iso3` / `admin1` is in the qualifier's country and division.
    pub(crate) fn fits(&self, iso3: &str, admin1: &str) -> bool {
        self.iso3 == iso3 && (self.admin1.is_empty() || self.admin1 == admin1)
    }
}

impl Gazetteer {
    /// The qualifier in the words after a comma at byte `end` (within `chars` characters):
    /// "Alexandria, Va.", "Greer, South Carolina".
    pub(crate) fn qualifier_after(
        &self,
        body: &str,
        end: usize,
        chars: usize,
    ) -> Option<Qualifier> {
        let words = comma_words(body, end, chars);
        (1..=words.len())
            .rev()
            .find_map(|n| self.qualifier(&words[..n].join(" ")))
    }

    /// The first-level division a qualifier names ("Ky.", "Ontario"), as a place index.
    pub(crate) fn division_named(&self, q: &str) -> Option<usize> {
        let Qualifier { iso3, admin1 } = self.qualifier(q)?;
        self.adm1.get(&format!("{iso3}.{admin1}")).copied()
    }

    /// A qualifier after a comma: a country ("Paris, France") or a first-level division
    /// ("Alexandria, Virginia", "Alexandria, Va.").
    fn qualifier(&self, q: &str) -> Option<Qualifier> {
        // (a qualifier is a name: "the Florida Highway Patrol" after a comma is none)
        if !q.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let cands = self.lookup(q);
        if let Some(i) = cands.iter().find_map(|&(c, _)| match c {
            Cand::Country(i) => Some(i),
            _ => None,
        }) {
            return Some(Qualifier {
                iso3: self.countries[i].iso3.clone(),
                admin1: String::new(),
            });
        }
        // (the most populous division of the name: Florida, USA, not Uruguay's department)
        if let Some(i) = self.most_populous_division(cands) {
            return Some(self.division_of(i));
        }
        if let Some(abbr) = data::us_state_abbreviation(q.trim_end_matches('.')) {
            return Some(Qualifier {
                iso3: "USA".to_string(),
                admin1: abbr.to_string(),
            });
        }
        // a Canadian province's abbreviation: its full name, looked up
        let full = data::canadian_province_abbreviation(q.trim_end_matches('.'))?;
        self.lookup(full).iter().find_map(|&(c, _)| match c {
            Cand::Place(i) if self.places[i].feature == "ADM1" && self.places[i].iso3 == "CAN" => {
                Some(self.division_of(i))
            }
            _ => None,
        })
    }

    /// The qualifier of place `i`'s country and division.
    fn division_of(&self, i: usize) -> Qualifier {
        Qualifier {
            iso3: self.places[i].iso3.to_string(),
            admin1: self.places[i].admin1.to_string(),
        }
    }

    /// The country of a seat of government, square or street (`regions.tsv`) named within
    /// four words after a possessive at `end` ("'s", "'"), an adjective allowed between.
    pub(crate) fn landmark_after(&self, body: &str, end: usize) -> Option<String> {
        let rest = ["'s ", "' ", "’s ", "’ "]
            .iter()
            .find_map(|p| body[end..].strip_prefix(p))?;
        let words: Vec<&str> = rest.split_whitespace().take(5).collect();
        let skip = usize::from(
            words
                .first()
                .is_some_and(|w| w.starts_with(char::is_lowercase)),
        );
        (1..=4usize.min(words.len().saturating_sub(skip)))
            .rev()
            .find_map(|n| {
                let name = words[skip..skip + n]
                    .join(" ")
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_string();
                self.lookup(&name).iter().find_map(|&(c, _)| match c {
                    Cand::Region(i)
                        if matches!(self.regions[i].feature, "BLDG" | "SQR" | "ST")
                            && !self.regions[i].iso3.is_empty() =>
                    {
                        Some(self.regions[i].iso3.to_string())
                    }
                    _ => None,
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// a landmark after a name's possessive puts the name in the landmark's country, in a
    /// Kentucky story too
    #[test]
    fn landmark_after_a_name_possessive_puts_the_name_in_the_landmark() {
        let g = gazetteer();
        let body = "GEORGETOWN, Ky. - A doctor from Pikeville, Kentucky, is in France. A gunman \
                    described a march along Paris' famous Champs-Elysees avenue.";
        let mut ents: Vec<Entity> = ["GEORGETOWN", "Pikeville", "Kentucky", "France", "Paris"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        ents.push(ent(body, "Champs-Elysees", EntityType::Loc));
        ents.sort_by_key(|e| e.start);
        let ps = g.resolve(body, &ents);
        assert_eq!(
            at(&ps, "Paris").map(|x| x.0),
            Some(Some("FRA".into())),
            "{ps:?}"
        );
    }

    #[test]
    fn qualifiers_pick_the_right_place() {
        let g = gazetteer();
        let body = "Flooding hit Paris, Texas on Monday.";
        let ps = g.resolve(body, &[ent(body, "Paris", EntityType::Gpe)]);
        assert_eq!(ps[0].country.as_deref(), Some("USA"));
        let body = "Flooding hit Paris on Monday.";
        let ps = g.resolve(body, &[ent(body, "Paris", EntityType::Gpe)]);
        assert_eq!(ps[0].country.as_deref(), Some("FRA"));
    }
}
