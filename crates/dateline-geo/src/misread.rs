//! People that are places: one-word "person" entities the tagger got wrong.
//!
//! Heuristics (a "person" entity becomes a place entity when):
//! - it is one word naming a first-level division or a city of half a million people by its
//!   main name (not a country: "Chad", "Jordan" are given names too), and no person of the
//!   article has it as a surname unless the article also tags it a place ("Edmonton given
//!   'B' grade");
//! - it is one word naming a town after "in", "from" or "near" with one space between, and
//!   not a possessor ("a message of hope in Maryville", not "drugs found in Smith's car");
//! - it is one word naming a city of 100,000 people that is the only town of its name of
//!   1,000 people or more, by its main name, and no surname ("Sochi", not "Lincoln");
//! - it is followed by a state or province after a comma that has a town of that name
//!   ("Greer, South Carolina", "Churchill, Man.");
//! - it is a direction before a town's main name ("Downtown Greer", "North Knoxville");
//! - one name, one sense: it is one word naming a town the article places elsewhere
//!   (tagged a place, or read so by the rules above) and no surname of the article's people
//!   ("in Greer" … "Greer's city limits").
//!
//! A first name the recogniser tied to a person named in full ("Georgia" for "Georgia
//! Stevens", source `rule:given-name…`) stays a person; names of people opening with a
//! direction word ("Downtown Greer") give no surname.

use crate::index::Cand;
use crate::text::word_before;
use crate::words::{self, PLACE_PREPOSITIONS};
use crate::Gazetteer;
use dateline_core::{Entity, EntityType};
use std::collections::HashSet;

/// Towns under this many people are villages: readings only with support from the article
/// (see [`crate::score`]).
pub(crate) const VILLAGE: u64 = 1_000;

/// What the article says of its people and places, for telling a person from a town.
struct People<'e> {
    /// the surnames of the article's people named in full
    surnames: HashSet<&'e str>,
    /// the names the article tags as places
    places_tagged: HashSet<&'e str>,
}

impl Gazetteer {
    /// For each entity, whether it is a "person" that is really a place (see the module notes).
    pub(crate) fn misread_people(&self, body: &str, entities: &[Entity]) -> Vec<bool> {
        // (sets: a long article with many names stays linear)
        let people = People {
            // (of names that look like people's: "Downtown Greer" is no person named Greer)
            surnames: entities
                .iter()
                .filter(|e| e.kind == EntityType::Person && e.text.contains(' '))
                .filter(|e| {
                    let first = e.text.split(' ').next().unwrap_or("").to_lowercase();
                    !words::DIRECTIONS.contains(&first)
                })
                .filter_map(|e| e.text.rsplit(' ').next())
                .collect(),
            // (a surname of the article's people only when the article never tags it a place)
            places_tagged: entities
                .iter()
                .filter(|x| matches!(x.kind, EntityType::Gpe | EntityType::Loc))
                .map(|x| x.text.as_str())
                .collect(),
        };
        let mut misread: Vec<bool> = entities
            .iter()
            .map(|e| self.person_is_place(body, e, &people))
            .collect();
        self.one_sense_for_people(entities, &people, &mut misread);
        misread
    }

    /// Whether a "person" entity is a place by the first five rules of the module notes.
    fn person_is_place(&self, body: &str, e: &Entity, people: &People) -> bool {
        let surname = people.surnames.contains(e.text.as_str());
        let placed = people.places_tagged.contains(e.text.as_str());
        e.kind == EntityType::Person
            && e.text.starts_with(char::is_uppercase)
            // (a first name the recogniser tied to a person named in full: "Georgia" for
            // "Georgia Stevens")
            && !e.source.as_deref().is_some_and(|s| s.starts_with("rule:given-name"))
            && (!e.text.contains(' ')
                && (!surname || placed)
                && self.lookup(&e.text).iter().any(|&(c, main)| {
                    main && match c {
                        Cand::Country(_) => false,
                        Cand::Place(i) => {
                            let p = &self.places[i];
                            p.feature == "ADM1"
                                || p.population >= 500_000
                                || p.feature.starts_with("PPL") && after_place_word(body, e)
                        }
                        Cand::Region(_) => false,
                    }
                })
                || !e.text.contains(' ') && !surname && self.only_city(&e.text)
                || self.qualified_town(body, e)
                || self.directed_town(e))
    }

    /// A "person" followed by a state or province that has a town of that name ("Greer,
    /// South Carolina", "Churchill, Man.").
    fn qualified_town(&self, body: &str, e: &Entity) -> bool {
        let Some(q) = self.qualifier_after(body, e.end, 24) else {
            return false;
        };
        !q.admin1.is_empty()
            && self.lookup(&e.text).iter().any(|&(c, _)| {
                matches!(c, Cand::Place(i) if self.places[i].iso3 == q.iso3
                    && self.places[i].admin1 == q.admin1
                    && self.places[i].feature.starts_with("PPL"))
            })
    }

    /// A direction before a town's main name ("Downtown Greer", "North Knoxville").
    fn directed_town(&self, e: &Entity) -> bool {
        let Some((first, rest)) = e.text.split_once(' ') else {
            return false;
        };
        words::DIRECTIONS.contains(&first.to_lowercase())
            && self.lookup(rest).iter().any(|&(c, main)| {
                main && matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
            })
    }

    /// A city of 100,000 that is the only town of its name ("Sochi", not "Lincoln").
    fn only_city(&self, name: &str) -> bool {
        let mut towns = self.lookup(name).iter().filter(|&&(c, _)| {
            matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL")
                && self.places[i].population >= VILLAGE)
        });
        match (towns.next(), towns.next()) {
            (Some(&(Cand::Place(i), true)), None) => self.places[i].population >= 100_000,
            _ => false,
        }
    }

    /// One name, one sense: a one-word "person" named like a town the article places
    /// elsewhere (tagged or read so), and no surname of the article's people, is that town
    /// ("in Greer" … "Greer's city limits").
    fn one_sense_for_people(&self, entities: &[Entity], people: &People, misread: &mut [bool]) {
        let known: HashSet<&str> = entities
            .iter()
            .zip(misread.iter())
            .filter(|(e, &m)| m || matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .map(|(e, _)| e.text.as_str())
            .collect();
        for (e, m) in entities.iter().zip(misread.iter_mut()) {
            if *m
                || e.kind != EntityType::Person
                || e.text.contains(' ')
                || people.surnames.contains(e.text.as_str())
                || !known.contains(e.text.as_str())
            {
                continue;
            }
            *m = self.lookup(&e.text).iter().any(|&(c, main)| {
                main && matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
            });
        }
    }
}

/// A name after "in", "from" or "near" with one space between, and not a possessor ("a
/// message of hope in Maryville", not "drugs found in Smith's car").
fn after_place_word(body: &str, e: &Entity) -> bool {
    let one_space = body[..e.start].trim_end_matches(' ').len() + 1 == e.start;
    let possessive = ["'", "’"].iter().any(|m| body[e.end..].starts_with(m));
    one_space && PLACE_PREPOSITIONS.contains(&word_before(body, e.start)) && !possessive
}
