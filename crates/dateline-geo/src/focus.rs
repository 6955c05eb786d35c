//! The article's focus country, and the countries it names.
//!
//! Heuristics:
//! - The focus is the country named most often: by its name or demonym (each mention; a
//!   name that is also a first-level division of another country, "Georgia", does not
//!   vote), by a US county or a state's or province's press abbreviation ("LAUREL COUNTY,
//!   Ky.": once per name), by a first-level division's name (once per name) when every
//!   candidate of the name is a division of one country, or when divisions of several
//!   countries share it, of the one with ten times the people of the next (Florida, USA, not
//!   Uruguay's), and by a town name all of whose places lie in one country (once per name;
//!   a name that is a town's main name or one of 10,000 people: not "South End", an
//!   alternate name of a small town).
//! - A division whose name is also a town of 10,000 people abroad, with a fiftieth of the
//!   division's people or more, votes only when no such town is abroad ("Alexandria", the
//!   Egyptian governorate, does not outvote Virginia's towns; Uruguay's Florida does not stop
//!   the US state).
//! - A first-level division inside an organisation's name, opening it or after "of" ("State
//!   of Ohio", "Kentucky State Police"), votes for its country once per name when all the
//!   places of that name lie in that one country (towns too: "Kansas", with the village of
//!   Kansas, Illinois), and lends coherence to its division (the most populous of the name:
//!   "Kansas State University" for Manhattan). A generic or direction word is none
//!   ("Northeast Georgia" is no vote for Iceland's Northeast Region). A town of 1,000 people
//!   opening the name, with no namesake anywhere and a capitalised word after it, lends its
//!   division coherence too ("Belchertown State School" for Amherst; not a partner's name,
//!   "Stevens & Wilkinson").
//! - The outlet's country (from its web address, [`crate::Gazetteer::country_of_url`])
//!   counts as one mention, and wins a tie; other ties go to the alphabetically first ISO3.
//! - The countries the article names by their names ("Russia", not "Russian"), those it
//!   names by names no division and no town of 1,000 people bears ("Japan"), and those whose
//!   people it names ("Egyptians") are kept for scoring (see [`crate::score`]).

use crate::data;
use crate::index::Cand;
use crate::misread::VILLAGE;
use crate::words;
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, EntityType, Place};
use std::collections::HashMap;

/// The mentions of each country an article makes, for its focus.
#[derive(Default)]
struct Votes<'g> {
    counts: HashMap<&'g str, usize>,
    /// names that vote once, already counted
    voted: Vec<String>,
}

impl<'g> Votes<'g> {
    /// One mention of `iso3`.
    fn add(&mut self, iso3: &'g str) {
        *self.counts.entry(iso3).or_default() += 1;
    }

    /// One mention of `iso3` by a name (key `key`) that votes once per article.
    fn once(&mut self, key: String, iso3: &'g str) {
        if !self.voted.contains(&key) {
            self.voted.push(key);
            self.add(iso3);
        }
    }
}

/// The focus and what decides it besides.
pub(crate) struct Focus {
    /// the country (ISO3) named most often
    pub country: Option<String>,
    /// places of first-level divisions (and of towns with no namesake) read inside
    /// organisations' names, which lend coherence
    pub org_divisions: Vec<Place>,
}

impl Gazetteer {
    /// The article's focus country (see the module notes).
    pub(crate) fn focus(&self, entities: &[Entity], outlet_country: Option<&str>) -> Focus {
        let mut votes = Votes::default();
        for e in entities {
            self.vote(e, &mut votes);
        }
        let mut org_divisions: Vec<Place> = Vec::new();
        for e in entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Org | EntityType::Misc))
        {
            self.vote_in_organisation(e, &mut votes, &mut org_divisions);
        }
        // the outlet's country: one mention, and the tie-breaker
        if let Some(x) = outlet_country.and_then(|o| self.iso3.get_key_value(o)) {
            votes.add(x.0.as_str());
        }
        let country = votes
            .counts
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then((Some(*a.0) == outlet_country).cmp(&(Some(*b.0) == outlet_country)))
                    .then(b.0.cmp(a.0))
            })
            .map(|(k, _)| k.to_string());
        Focus {
            country,
            org_divisions,
        }
    }

    /// The vote of one entity: a county or press abbreviation, a country's name or demonym,
    /// a division's or town's name.
    fn vote<'g>(&'g self, e: &Entity, votes: &mut Votes<'g>) {
        // a US county or a state's or province's press abbreviation ("LAUREL COUNTY,
        // Ky.") names its country, once per name
        if e.kind != EntityType::Person {
            let key = norm_key(&e.text);
            let bare = e.text.trim_end_matches('.');
            let country = if self.counties.contains_key(&key)
                || data::us_state_abbreviation(bare).is_some()
            {
                Some("USA")
            } else if data::canadian_province_abbreviation(bare).is_some() {
                Some("CAN")
            } else {
                None
            };
            if let Some(x) = country {
                votes.once(key, x);
                return;
            }
        }
        if !matches!(e.kind, EntityType::Gpe | EntityType::Norp) {
            return;
        }
        if let Some(c) = self.country_of_name(&e.text) {
            // "Georgia" is also a US state: such a name does not vote
            let also_division = self.lookup(&e.text).iter().any(|(o, _)| {
                matches!(*o, Cand::Place(i) if self.places[i].feature == "ADM1" && self.places[i].iso3 != c.iso3)
            });
            if !also_division {
                votes.add(c.iso3.as_str());
            }
            return;
        }
        if let Some(x) = self.division_or_town_vote(&e.text) {
            votes.once(norm_key(&e.text), x);
        }
    }

    /// The country a division's or town's name votes for, if it votes (see the module notes).
    fn division_or_town_vote(&self, name: &str) -> Option<&'static str> {
        // a first-level division names its country too ("Texas" -> USA), when every
        // candidate of the name is a division of that one country
        // (or, when divisions of several countries share the name, of the one with
        // ten times the people of the next: Florida, USA, not Uruguay's)
        let cands = self.lookup(name);
        let mut divisions: Vec<(u64, &'static str)> = Vec::new();
        let mut other_kind = cands.is_empty();
        for (c, _) in cands {
            match *c {
                Cand::Place(i) if self.places[i].feature == "ADM1" => {
                    let p = &self.places[i];
                    divisions.push((p.population, p.iso3));
                }
                Cand::Place(_) => {}
                _ => other_kind = true,
            }
        }
        divisions.sort_unstable_by(|a, b| b.cmp(a));
        let vote = match divisions.as_slice() {
            [] => None,
            [(_, x), rest @ ..] if rest.iter().all(|(_, y)| y == x) => Some(*x),
            [(p0, x), (p1, _), ..] if *p0 >= p1.saturating_mul(10) => Some(*x),
            _ => None,
        };
        // (a division whose name is also a town of another country votes only when
        // the towns of that name are all of the division's country: "Alexandria",
        // the Egyptian governorate, does not outvote Virginia's towns)
        // (towns of a fiftieth of the division's people or more: the US towns named
        // Alexandria against Egypt's governorate, not Uruguay's Florida against the US
        // state)
        let towns_abroad = |x: &str| {
            let people = divisions.first().map_or(0, |d| d.0);
            cands.iter().any(|&(c, _)| {
                matches!(c, Cand::Place(i) if self.places[i].feature != "ADM1"
                    && self.places[i].iso3 != x
                    && self.places[i].population >= 10_000
                    && self.places[i].population.saturating_mul(50) >= people)
            })
        };
        let vote = vote.or_else(|| {
            // a town name all of whose places lie in one country (and one that names a
            // town: not only an alternate name of a small one, "South End" of Great
            // Corn Island)
            let named = cands.iter().any(|&(c, main)| {
                matches!(c, Cand::Place(i) if main || self.places[i].population >= 10_000)
            });
            let mut iso = cands.iter().filter_map(|&(c, _)| match c {
                Cand::Place(i) => Some(self.places[i].iso3),
                _ => None,
            });
            let first = iso.next()?;
            (named && !other_kind && iso.all(|x| x == first)).then_some(first)
        });
        match (other_kind, vote) {
            (false, Some(x)) if divisions.is_empty() || !towns_abroad(x) => Some(x),
            _ => None,
        }
    }

    /// The vote of a first-level division named inside an organisation's name, and the
    /// coherence it lends (see the module notes).
    fn vote_in_organisation<'g>(
        &'g self,
        e: &Entity,
        votes: &mut Votes<'g>,
        org_divisions: &mut Vec<Place>,
    ) {
        let words: Vec<&str> = e.text.split(' ').collect();
        let after_of = words.iter().position(|w| *w == "of").map(|k| k + 1);
        let starts = [Some(0), after_of];
        for k in starts.into_iter().flatten() {
            for n in [2, 1] {
                let Some(part) = words.get(k..k + n) else {
                    continue;
                };
                let name = part.join(" ");
                // (not a word for a direction or a kind of place: "Northeast Georgia" is
                // no vote for Iceland's Northeast Region)
                let lower = name.to_lowercase();
                if words::GENERIC.contains(&lower) || words::DIRECTIONS.contains(&lower) {
                    continue;
                }
                let cands = self.lookup(&name);
                // (a division's name, whose places, towns too, all lie in one country:
                // "Kansas", with the village of Kansas, Illinois)
                let adm1 = cands.iter().find_map(|&(c, _)| match c {
                    Cand::Place(i) if self.places[i].feature == "ADM1" => Some(self.places[i].iso3),
                    _ => None,
                });
                let Some(first) = adm1 else {
                    // (a town opening the name that has no namesake anywhere lends its
                    // division coherence too: "Belchertown State School" for Amherst)
                    // (of 1,000 people, and not a partner's name: "Stevens & Wilkinson")
                    if let ([(Cand::Place(i), true)], 0) = (cands, k) {
                        let p = &self.places[*i];
                        let next = words.get(n).copied().unwrap_or("&");
                        if p.feature.starts_with("PPL")
                            && p.population >= VILLAGE
                            && next.starts_with(char::is_uppercase)
                        {
                            org_divisions.push(self.place(Cand::Place(*i), e.start, &name, None));
                            break;
                        }
                    }
                    continue;
                };
                let one_country = cands
                    .iter()
                    .all(|&(c, _)| matches!(c, Cand::Place(i) if self.places[i].iso3 == first));
                if !one_country {
                    break;
                }
                // (and lends coherence to its division: "Kansas State University" for
                // Manhattan; the most populous division of the name)
                if let Some(i) = self.most_populous_division(cands) {
                    org_divisions.push(self.place(Cand::Place(i), e.start, &name, None));
                }
                votes.once(norm_key(&name), first);
                break;
            }
        }
    }

    /// The countries the article names by their names ("Russia", not "Russian").
    pub(crate) fn named_countries(&self, entities: &[Entity]) -> Vec<&str> {
        entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .filter_map(|e| {
                self.lookup(&e.text).iter().find_map(|&(c, _)| match c {
                    Cand::Country(i) => Some(self.countries[i].iso3.as_str()),
                    _ => None,
                })
            })
            .collect()
    }

    /// The countries the article names by names no division and no town of 1,000 people
    /// bears ("Japan", "Russia"): a story that names them names countries as countries.
    pub(crate) fn plain_countries(&self, entities: &[Entity]) -> Vec<&str> {
        entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .filter_map(|e| {
                let cands = self.lookup(&e.text);
                let local = cands.iter().any(|&(c, _)| {
                    matches!(c, Cand::Place(i) if self.places[i].feature == "ADM1"
                        || self.places[i].population >= VILLAGE)
                });
                let country = cands.iter().find_map(|&(c, _)| match c {
                    Cand::Country(i) => Some(self.countries[i].iso3.as_str()),
                    _ => None,
                });
                country.filter(|_| !local)
            })
            .collect()
    }

    /// The countries whose people the article names ("Egyptians"): their names there are the
    /// countries.
    pub(crate) fn people_named(&self, entities: &[Entity]) -> Vec<&str> {
        entities
            .iter()
            .filter_map(|e| self.demonyms.get(&norm_key(&e.text)))
            .map(|&i| self.countries[i].iso3.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    #[test]
    fn the_focus_country_decides_between_a_country_and_a_division() {
        let g = gazetteer();
        let body = "Storms hit Texas and Florida before reaching Georgia on Friday.";
        let ents: Vec<Entity> = ["Texas", "Florida", "Georgia"]
            .iter()
            .map(|t| ent(body, t, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        assert_eq!(ps[2].country.as_deref(), Some("USA"), "{:?}", ps[2]);
        let body = "Russia and Armenia criticised Georgia on Friday.";
        let ents: Vec<Entity> = ["Russia", "Armenia", "Georgia"]
            .iter()
            .map(|t| ent(body, t, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        assert_eq!(ps[2].country.as_deref(), Some("GEO"));
    }

    #[test]
    fn the_focus_country_outweighs_a_bigger_namesake() {
        let g = gazetteer();
        let body = "Canada's housing agency said rents rose in London, while Canada's other cities saw prices fall.";
        let mut ents = vec![ent(body, "London", EntityType::Gpe)];
        for (i, _) in body.match_indices("Canada") {
            ents.push(Entity {
                start: i,
                end: i + 6,
                text: "Canada".into(),
                kind: EntityType::Gpe,
                canonical: None,
                source: None,
            });
        }
        let ps = g.resolve(body, &ents);
        let london = ps.iter().find(|p| p.text == "London").unwrap();
        assert_eq!(london.country.as_deref(), Some("CAN"), "{london:?}");
    }

    /// "Alexandria" is an Egyptian governorate, and towns in the US: the towns of one
    /// country around it decide
    #[test]
    fn alexandria_is_an_egyptian_governorate_and_towns_in_the_us_the() {
        let body = "Police in Alexandria said the man fled to Arlington and Fairfax.";
        assert_eq!(
            country_of(body, &["Alexandria", "Arlington", "Fairfax"], "Alexandria").as_deref(),
            Some("USA")
        );
        let body = "Police in Alexandria said the man fled. Officials in Virginia agreed.";
        assert_eq!(
            country_of(body, &["Alexandria", "Virginia"], "Alexandria").as_deref(),
            Some("USA")
        );
    }

    /// the capital of a country the article names, in a story about a US airline
    #[test]
    fn capital_of_a_country_the_article_names_in_a_story_about_a_us() {
        let body = "The U.S. airline will fly from New York to Moscow; U.S. rules and U.S. law apply, its chief said, and Russia agreed.";
        assert_eq!(
            country_of(
                body,
                &["U.S.", "New York", "Moscow", "U.S.", "U.S.", "Russia"],
                "Moscow"
            )
            .as_deref(),
            Some("RUS")
        );
    }

    /// still Russia's capital among Russian places
    #[test]
    fn still_russia_capital_among_russian_places() {
        let body = "Tanks rolled through Moscow and St. Petersburg on Sunday.";
        assert_eq!(
            country_of(body, &["Moscow", "St. Petersburg"], "Moscow").as_deref(),
            Some("RUS")
        );
    }

    #[test]
    fn the_outlets_country_decides_what_the_article_leaves_open() {
        let g = gazetteer();
        let body = "London police said a man was stabbed in an east-end bar.";
        let ents = vec![ent(body, "London", EntityType::Gpe)];
        let country = |outlet| {
            g.resolve_for_outlet(body, &ents, outlet)[0]
                .country
                .clone()
                .unwrap_or_default()
        };
        assert_eq!(country(None), "GBR");
        assert_eq!(country(Some("CAN")), "CAN");
    }

    /// the article's own names still outweigh the outlet
    #[test]
    fn article_own_names_still_outweigh_the_outlet() {
        let g = gazetteer();
        let body = "Officials in London and all of England said trains ran late.";
        let ents = vec![
            ent(body, "London", EntityType::Gpe),
            ent(body, "England", EntityType::Gpe),
        ];
        let ps = g.resolve_for_outlet(body, &ents, Some("CAN"));
        assert_eq!(ps[0].country.as_deref(), Some("GBR"), "{ps:?}");
    }

    /// the arts council of Dublin, Ohio: the State of Ohio funds it
    #[test]
    fn arts_council_of_dublin_ohio_the_state_of_ohio_funds_it() {
        let g = gazetteer();
        let body = "Dublin artists won grants. Dublin singers thanked the State of Ohio.";
        let ents = vec![
            ent_nth(body, "Dublin", 0, EntityType::Gpe),
            ent_nth(body, "Dublin", 1, EntityType::Gpe),
            ent(body, "State of Ohio", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        assert!(
            ps.iter()
                .filter(|p| p.text == "Dublin")
                .all(|p| p.admin1.as_deref() == Some("OH")),
            "{ps:?}"
        );
    }

    /// and lends coherence to its division: Manhattan beside Kansas State University
    #[test]
    fn lends_coherence_to_its_division_manhattan_beside_kansas_state() {
        let g = gazetteer();
        let body = "Students in Manhattan cheered Kansas State University.";
        let ents = vec![
            ent(body, "Manhattan", EntityType::Gpe),
            ent(body, "Kansas State University", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let manhattan = ps.iter().find(|p| p.text == "Manhattan").unwrap();
        assert_eq!(manhattan.admin1.as_deref(), Some("KS"), "{manhattan:?}");
    }

    /// alone, Dublin is Ireland's capital
    #[test]
    fn alone_dublin_is_ireland_capital() {
        let g = gazetteer();
        let body = "Dublin artists won grants.";
        let ps = g.resolve(body, &[ent(body, "Dublin", EntityType::Gpe)]);
        assert_eq!(ps[0].country.as_deref(), Some("IRL"));
    }
}
