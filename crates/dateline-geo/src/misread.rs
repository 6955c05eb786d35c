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
            && self
                .lookup(rest)
                .iter()
                .any(|&(c, main)| main && self.is_town(c))
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
            *m = self
                .lookup(&e.text)
                .iter()
                .any(|&(c, main)| main && self.is_town(c));
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

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// a city of a million the tagger read as a person is the city; a surname is not
    #[test]
    fn city_of_a_million_the_tagger_read_as_a_person_is_the_city_a() {
        let g = gazetteer();
        let body = "Edmonton ranked third. While Edmonton's budget looks sound, Mayor Don Iveson said Iveson would act.";
        let mut ents = vec![
            ent(body, "Edmonton", EntityType::Person),
            ent(body, "Don Iveson", EntityType::Person),
        ];
        let second = body.rfind("Iveson").unwrap();
        ents.push(Entity {
            start: second,
            end: second + 6,
            ..ent(body, "Iveson", EntityType::Person)
        });
        let ps = g.resolve(body, &ents);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].country.as_deref(), Some("CAN"));
    }

    #[test]
    fn a_town_read_as_a_person_after_in_or_from_is_the_town() {
        let g = gazetteer();
        let body = "Scouts from Maryville collected food, and a concert was held in Maryville.";
        let ents = vec![
            ent(body, "Maryville", EntityType::Person),
            Entity {
                start: body.rfind("Maryville").unwrap(),
                end: body.rfind("Maryville").unwrap() + 9,
                text: "Maryville".into(),
                kind: EntityType::Person,
                canonical: None,
                source: None,
            },
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(ps.len(), 2, "{ps:?}");
        assert!(ps.iter().all(|p| p.country.as_deref() == Some("USA")));
        // a possessor is a person ("in Maryville's car" is someone's), and so is a name
        // after other words
        for body in [
            "Police found drugs in Maryville's car.",
            "The award went to Maryville on Friday.",
        ] {
            let ps = g.resolve(body, &[ent(body, "Maryville", EntityType::Person)]);
            assert!(ps.is_empty(), "{body}: {ps:?}");
        }
    }

    /// One name, one sense: a town read once is the town where the tagger said
    /// organisation ("Maryville said").
    #[test]
    fn a_town_read_once_is_the_town_where_the_tagger_said_organisation() {
        let g = gazetteer();
        let body = "A fair was held in Maryville, Tennessee. Maryville said it would pay.";
        let mut org = ent(body, "Maryville said", EntityType::Org);
        org.end = org.start + 9;
        org.text = "Maryville".into();
        let ents = vec![
            ent(body, "Maryville", EntityType::Gpe),
            ent(body, "Tennessee", EntityType::Gpe),
            org,
        ];
        let ps = g.resolve(body, &ents);
        let towns: Vec<_> = ps.iter().filter(|p| p.text == "Maryville").collect();
        assert_eq!(towns.len(), 2, "{ps:?}");
        assert_eq!(towns[0].geonameid, towns[1].geonameid);
        assert_eq!(via(towns[1]), Some("organisation"));
    }

    /// a name inside an organisation's name is where the article puts it on its own
    #[test]
    fn name_inside_an_organisation_name_is_where_the_article_puts_it_on() {
        let g = gazetteer();
        let body =
            "Officials in Springfield, Decatur and Peoria met. Channel 5 Springfield filmed.";
        let ents = vec![
            ent(body, "Springfield", EntityType::Gpe),
            ent(body, "Decatur", EntityType::Gpe),
            ent(body, "Peoria", EntityType::Gpe),
            ent(body, "Channel 5 Springfield", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<_> = ps
            .iter()
            .filter(|p| p.text == "Springfield")
            .map(|p| (p.admin1.as_deref(), via(p)))
            .collect();
        assert_eq!(
            got,
            [(Some("IL"), None), (Some("IL"), Some("organisation"))]
        );
    }

    /// a direction before a town is no person's first name ("Downtown Maryville"), and the
    /// town is a place
    #[test]
    fn direction_before_a_town_is_no_person_first_name_and_the_town_is() {
        let g = gazetteer();
        let body = "Downtown Maryville is busy. A fair was held in Maryville. Maryville grows.";
        let mut third = ent(body, "Maryville grows", EntityType::Person);
        third.end = third.start + 9;
        third.text = "Maryville".into();
        let ents = vec![
            ent(body, "Downtown Maryville", EntityType::Person),
            ent(body, "Maryville.", EntityType::Person),
            third,
        ];
        let mut ents = ents;
        ents[1].end -= 1;
        ents[1].text = "Maryville".into();
        let ps = g.resolve(body, &ents);
        // (and "Downtown Maryville" is the town after the direction)
        let got: Vec<&str> = ps.iter().map(|p| &body[p.start..p.end]).collect();
        assert_eq!(got, ["Maryville", "Maryville", "Maryville"], "{ps:?}");
        assert_eq!(ps[0].start, body.find("Maryville").unwrap());
    }

    /// A one-word "person" whose name is the surname of one of the article's people stays a
    /// person, though a town bears the name.
    #[test]
    fn a_surname_of_the_article_people_stays_a_person() {
        let g = gazetteer();
        let body = "John Maryville spoke. Letters from Maryville were read aloud.";
        let mut second = ent(body, "Maryville were", EntityType::Person);
        second.end = second.start + 9;
        second.text = "Maryville".into();
        let ents = vec![ent(body, "John Maryville", EntityType::Person), second];
        assert!(g.resolve(body, &ents).is_empty());
    }

    /// Sochi is the only town so named: a lone "person" Sochi is the city; Lincoln is the
    /// name of many towns and stays a person
    #[test]
    fn sochi_is_the_only_town_so_named_a_lone_person_sochi_is_the_city() {
        let g = gazetteer();
        let body = "Sochi hosted the games. Lincoln spoke.";
        let ents = vec![
            ent(body, "Sochi", EntityType::Person),
            ent(body, "Lincoln", EntityType::Person),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.country.as_deref(), None));
        assert_eq!(got, vec![("Sochi", Some("RUS"), None)]);
    }

    /// "Georgia" after "Georgia Stevens" is the girl, not the state read off a "person"
    #[test]
    fn georgia_after_georgia_stevens_is_the_girl_not_the_state_read_off() {
        let g = gazetteer();
        let body = "Georgia Stevens skates. Georgia began at four.";
        let mut georgia = ent_nth(body, "Georgia", 1, EntityType::Person);
        georgia.source = Some("rule:given-name+name".into());
        let mut full = ent(body, "Georgia Stevens", EntityType::Person);
        full.source = Some("rule:given-name".into());
        let ps = g.resolve(body, &[full, georgia.clone()]);
        assert!(ps.is_empty(), "{ps:?}");
        // a lone "person" the tagger read that is a division still is one
        georgia.source = Some("model:ner".into());
        let ps = g.resolve(body, &[georgia]);
        assert_eq!(ps.len(), 1, "{ps:?}");
    }
}
