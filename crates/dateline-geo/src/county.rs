//! US counties: where a county the article names lies, and the help it gives its towns.
//!
//! Heuristics:
//! - A US county ("Laurel County", "LAUREL COUNTY", a parish or borough; also by its
//!   abbreviation, "PLYMOUTH CO.", "Loudon Co.") is placed at its centroid
//!   (`us-centroids.tsv`, from US Census boundaries) in: the state after a comma ("Jefferson
//!   County, Colo."); else the one state whose county of that name holds one of the
//!   article's towns (within [`COUNTY_REACH_KM`]), unless another of its states has more of
//!   the article's places; else the state where the first pass put most of the article's
//!   places (ties: the state the text names most often in full; a county of several states
//!   needs one of the article's places there); else the only state of the name in a US
//!   story; else the one state the text names most in full. Without a centroid: the middle
//!   of the article's towns in that state, its namesake town there, or the state's point.
//! - A county only one state has is placed in the first pass and so lends the second its
//!   state ("Laurel County" … "London" is London, Kentucky); a county of several states waits
//!   for the second pass.
//! - A county of no known state is left out rather than read as a namesake town abroad
//!   ("Butler County employees").
//! - A bare county name in a story of its state ("Lancaster" among Nebraska towns,
//!   "Kanawha") is that county, when the first pass put at least two names in that state and
//!   more than in any other, and no place of that state, no division, capital or city of half
//!   a million, no country or region has the name (a capitalised name without "County").
//! - A US town within [`COUNTY_REACH_KM`] of a county the article names, in that county's
//!   state, gains [`IN_NAMED_COUNTY`] (Lebanon beside "deputies of Boone County":
//!   Lebanon, Indiana); the article's counties are found on their own and inside
//!   organisations' names, at most 64 of them.
//! - A county names its country when the focus is decided (see [`crate::focus`]).

use crate::coherence::{Coherence, TownPoint};
use crate::index::Cand;
use crate::neighbours::Neighbours;
use crate::text::title_case;
use crate::words;
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, Place};
use std::collections::HashMap;

/// How far from a US county's centroid a town may lie and still be read as in that county
/// (most counties are under 60 km across; the largest western ones are not, and get no help).
pub(crate) const COUNTY_REACH_KM: f64 = 45.0;

/// The bonus for a US town within reach of a county the article names, in that county's state
/// (Lebanon beside "deputies of Boone County": Lebanon, Indiana).
pub(crate) const IN_NAMED_COUNTY: f64 = 16.0;

/// A US county the article names, in one of the states that have a county of that name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CountySpot<'g> {
    /// the state's postal code
    pub state: &'g str,
    /// the county's centroid
    pub lat: f64,
    pub lon: f64,
    /// which of the article's county names (from 1): the spots of one name share it
    pub county: usize,
}

impl Gazetteer {
    /// Every state and centroid of the US counties an article names, on their own or opening or
    /// inside an organisation's name ("Boone County Sheriff's Office"); each name once, at most
    /// 64 names (a hostile list of counties stays linear).
    pub(crate) fn county_spots(&self, entities: &[Entity]) -> Vec<CountySpot<'_>> {
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for e in entities {
            let words: Vec<&str> = e.text.split(' ').collect();
            for (j, w) in words.iter().enumerate() {
                let w = w.trim_end_matches(['’', '\'', 's', ',', '.']);
                if w != "County" && w != "Parish" {
                    continue;
                }
                for n in 1..=j.min(3) {
                    let key = norm_key(&format!("{} {w}", words[j - n..j].join(" ")));
                    let Some((name, states)) = self.counties.get_key_value(&key) else {
                        continue;
                    };
                    if !seen.contains(name) && seen.len() < 64 {
                        seen.push(name.clone());
                        for st in states {
                            if let Some(&(la, lo)) =
                                self.county_points.get(&(name.clone(), st.clone()))
                            {
                                out.push(CountySpot {
                                    state: st.as_str(),
                                    lat: la,
                                    lon: lo,
                                    county: seen.len(),
                                });
                            }
                        }
                    }
                    break;
                }
            }
        }
        out
    }

    /// The county of the article's state that a bare name stands for (see the module notes).
    pub(crate) fn bare_county(
        &self,
        e: &Entity,
        cands: &[(Cand, bool)],
        near: &Coherence,
    ) -> Option<Place> {
        let st = near.dominant_state()?;
        // (nor a state's, a country's or a city's name: "Texas", "Washington")
        let in_state = cands.iter().any(|&(c, _)| match c {
            Cand::Place(i) => {
                let p = &self.places[i];
                p.iso3 == "USA" && p.admin1 == st
                    || p.feature == "ADM1"
                    || p.feature == "PPLC"
                    || p.population >= 500_000
            }
            _ => true,
        });
        if in_state || e.text.contains("County") || !e.text.starts_with(char::is_uppercase) {
            return None;
        }
        let name = format!("{} County", e.text);
        let &(lat, lon) = self.county_points.get(&(norm_key(&name), st.to_string()))?;
        Some(Place {
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            name,
            geonameid: None,
            lat,
            lon,
            country: Some("USA".into()),
            feature: Some("ADM2".into()),
            admin1: Some(st.to_string()),
            via: None,
        })
    }

    /// Where a US county named in an article lies: in the one state whose county of that name
    /// holds one of the article's towns, else the state with most of the article's places, the
    /// only state of the name in a US story, or the state the text names most; at its centroid,
    /// else the middle of the article's towns in that state, its namesake town there, or the
    /// state's point.
    pub(crate) fn county_place(
        &self,
        e: &Entity,
        states: &[String],
        near: &Coherence,
        focus: Option<&str>,
        body: &str,
        towns: &Neighbours,
    ) -> Option<Place> {
        let key = |st: &str| ("USA".to_string(), st.to_string());
        // the one state whose county of this name holds a town the article names
        let county_key = norm_key(&e.text);
        let hosts: Vec<&String> = states
            .iter()
            .filter(|st| {
                self.county_points
                    .get(&(county_key.clone(), (*st).clone()))
                    .is_some_and(|&(la, lo)| {
                        towns.any_within(la, lo, COUNTY_REACH_KM, |iso3, adm| {
                            iso3 == "USA" && adm == st.as_str()
                        })
                    })
            })
            .collect();
        // (a host is one reading of a town's name among many — "Atlanta" has one in Indiana
        // — so it yields to a state the article's places stand in more often)
        let hosted = match hosts.as_slice() {
            [one] if states.len() > 1 && near.leads(one, states.iter().map(String::as_str)) => {
                Some(*one)
            }
            _ => None,
        };
        // ("Jefferson County, Colo.": the state after the comma)
        let qualified = self
            .qualifier_after(body, e.end, 40)
            .filter(|q| q.iso3 == "USA")
            .and_then(|q| states.iter().find(|st| **st == q.admin1));
        let state = qualified
            .or(hosted)
            .or_else(|| {
                states
                    .iter()
                    // (among states with as many places, the one the text names most often:
                    // "Boone County" … "Indiana" five times, "Illinois" once)
                    .max_by_key(|st| {
                        (
                            near.state_votes(st),
                            self.state_count(body, near, st),
                            std::cmp::Reverse(st.as_str()),
                        )
                    })
                    .filter(|st| states.len() == 1 || near.division.contains_key(&key(st)))
            })
            .or_else(|| (focus == Some("USA") && states.len() == 1).then(|| &states[0]))
            .or_else(|| self.state_named_in(body, states, near))?;
        let name = e.text.to_lowercase();
        let towns: Vec<&TownPoint> = near
            .towns
            .get(&key(state))
            .map(|v| v.iter().filter(|t| t.name != name).collect())
            .unwrap_or_default();
        let base = e
            .text
            .trim_end_matches(" County")
            .trim_end_matches(" Parish")
            .trim_end_matches(" Borough");
        let point = self
            .county_points
            .get(&(norm_key(&e.text), state.clone()))
            .copied();
        let (lat, lon) = if let Some(p) = point {
            p
        } else if !towns.is_empty() {
            let n = towns.len() as f64;
            (
                towns.iter().map(|t| t.lat).sum::<f64>() / n,
                towns.iter().map(|t| t.lon).sum::<f64>() / n,
            )
        } else if let Some(i) = self.lookup(base).iter().find_map(|&(c, _)| match c {
            Cand::Place(i)
                if self.places[i].iso3 == "USA"
                    && self.places[i].admin1 == *state
                    && self.places[i].feature.starts_with("PPL") =>
            {
                Some(i)
            }
            _ => None,
        }) {
            (self.places[i].lat, self.places[i].lon)
        } else {
            let i = *self.adm1.get(&format!("USA.{state}"))?;
            (self.places[i].lat, self.places[i].lon)
        };
        Some(Place {
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            name: e.text.clone(),
            geonameid: None,
            lat,
            lon,
            country: Some("USA".into()),
            feature: Some("ADM2".into()),
            admin1: Some(state.clone()),
            via: None,
        })
    }

    /// The one state among `states` whose full name the text holds most often as a word
    /// ("… Hall County inspectors and Georgia's state regulators"), if any is named and no other
    /// as often.
    /// (The counts of every state's name are taken once per article, in `near`: linear in the
    /// article however many counties it names.)
    pub(crate) fn state_named_in<'s>(
        &self,
        body: &str,
        states: &'s [String],
        near: &Coherence,
    ) -> Option<&'s String> {
        let counts = self.state_counts(body, near);
        let mut best: Option<(&String, usize)> = None;
        let mut tie = false;
        for st in states {
            let n = counts.get(st.as_str()).copied().unwrap_or(0);
            match best {
                _ if n == 0 => {}
                Some((_, m)) if n < m => {}
                Some((_, m)) if n == m => tie = true,
                _ => {
                    best = Some((st, n));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(st, _)| st)
    }

    /// How often the text names the US state with this postal code in full.
    pub(crate) fn state_count(&self, body: &str, near: &Coherence, state: &str) -> usize {
        self.state_counts(body, near)
            .get(state)
            .copied()
            .unwrap_or(0)
    }

    /// How often the text names each US state in full, as a word (taken once per article).
    pub(crate) fn state_counts<'n>(
        &self,
        body: &str,
        near: &'n Coherence,
    ) -> &'n HashMap<String, usize> {
        near.state_names.get_or_init(|| {
            let mut counts = HashMap::new();
            for (key, &i) in &self.adm1 {
                let Some(st) = key.strip_prefix("USA.") else {
                    continue;
                };
                let name = self.places[i].name;
                let n = body
                    .match_indices(name)
                    .filter(|&(at, _)| {
                        let before = body[..at].chars().next_back();
                        let after = body[at + name.len()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && !after.is_some_and(char::is_alphanumeric)
                    })
                    .count();
                if n > 0 {
                    counts.insert(st.to_string(), n);
                }
            }
            counts
        })
    }
}

/// The county a name abbreviates ("PLYMOUTH CO." or "PLYMOUTH CO" -> "Plymouth County",
/// "Loudon Co." -> "Loudon County"), whether or not such a county exists.
pub(crate) fn county_of_abbreviation(text: &str) -> Option<String> {
    let head = words::COUNTY_ABBREVIATIONS
        .iter()
        .find_map(|a| text.strip_suffix(a))?;
    Some(format!("{} County", title_case(head)))
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::norm_key;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// a county and a state's press abbreviation name the country
    #[test]
    fn county_and_a_state_press_abbreviation_name_the_country() {
        let body = "LAUREL COUNTY, Ky. - The sheriff named the driver as Dan Smith of London.";
        assert_eq!(
            country_of(body, &["LAUREL COUNTY", "Ky", "London"], "London").as_deref(),
            Some("USA")
        );
    }

    #[test]
    fn a_county_lies_in_its_state_among_the_storys_towns() {
        let g = gazetteer();
        let body = "Deputies in Laurel County arrested two men near London, while officials in Corbin said roads were closed.";
        let ents: Vec<Entity> = ["Laurel County", "London", "Corbin"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let county = ps.iter().find(|p| p.text == "Laurel County").unwrap();
        assert_eq!(
            (county.admin1.as_deref(), county.feature.as_deref()),
            (Some("KY"), Some("ADM2")),
            "{county:?}"
        );
        // at the centre of the county, between London and Corbin, Kentucky
        assert!((36.9..37.2).contains(&county.lat) && (-84.4..-84.0).contains(&county.lon));
    }

    /// a county opening an organisation's name
    #[test]
    fn county_opening_an_organisation_name() {
        let g = gazetteer();
        let body =
            "The Laurel County Sheriff's Office said deputies near London and Corbin found him.";
        let ents = vec![
            ent(body, "Laurel County Sheriff's Office", EntityType::Org),
            ent(body, "London", EntityType::Gpe),
            ent(body, "Corbin", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let county = ps.iter().find(|p| p.text == "Laurel County").unwrap();
        assert_eq!(
            (county.admin1.as_deref(), via(county)),
            (Some("KY"), Some("organisation"))
        );
    }

    /// a county of several states: the one the story names
    #[test]
    fn county_of_several_states_the_one_the_story_names() {
        let g = gazetteer();
        let body =
            "Crews from Hall County met officials of the Georgia Environmental Protection Division.";
        let ents = vec![
            ent(body, "Hall County", EntityType::Gpe),
            ent(
                body,
                "Georgia Environmental Protection Division",
                EntityType::Org,
            ),
        ];
        let ps = g.resolve(body, &ents);
        let county = ps.iter().find(|p| p.text == "Hall County").unwrap();
        assert_eq!(county.admin1.as_deref(), Some("GA"), "{county:?}");
    }

    /// a county of no known state opening an organisation's name is no town abroad
    #[test]
    fn county_of_no_known_state_opening_an_organisation_name_is_no_town() {
        let g = gazetteer();
        let body = "An audit found Butler County employees owed taxes.";
        let ps = g.resolve(body, &[ent(body, "Butler County", EntityType::Org)]);
        assert!(
            ps.iter().all(|p| p.country.as_deref() == Some("USA")),
            "{ps:?}"
        );
    }

    /// a state at the centroid of its boundary
    #[test]
    fn state_at_the_centroid_of_its_boundary() {
        let g = gazetteer();
        let body = "Officials in Virginia closed the roads.";
        let ps = g.resolve(body, &[ent(body, "Virginia", EntityType::Gpe)]);
        assert!(
            (37.3..37.7).contains(&ps[0].lat) && (-79.1..-78.6).contains(&ps[0].lon),
            "{ps:?}"
        );
    }

    /// a county of many states and no other place: no county is guessed (the namesake
    /// town stands, as before)
    #[test]
    fn county_of_many_states_and_no_other_place_no_county_is_guessed() {
        let g = gazetteer();
        let body = "Madison County voted.";
        let ps = g.resolve(body, &[ent(body, "Madison County", EntityType::Gpe)]);
        assert!(
            ps.iter().all(|p| p.feature.as_deref() != Some("ADM2")),
            "{ps:?}"
        );
    }

    /// a county only one state has lends the story that state, and a town within it wins
    /// over a namesake among another state's places
    #[test]
    fn county_only_one_state_has_lends_the_story_that_state_and_a_town() {
        let g = gazetteer();
        let body = "A family from Laurel County died in a crash. The widow has lived in London \
                    for years; they had flown from Oroville, Calif., and grown up in California.";
        let ps = g.resolve(
            body,
            &gpes(body, &["Laurel County", "London", "Oroville", "California"]),
        );
        let london = ps.iter().find(|p| p.text == "London").unwrap();
        assert_eq!(london.admin1.as_deref(), Some("KY"), "{ps:?}");
    }

    /// a town that has a namesake near one reading of a county of several states does not
    /// pull the county there, nor does that reading pull the town, when the story's places
    /// stand in another state
    #[test]
    fn town_that_has_a_namesake_near_one_reading_of_a_county_of_several() {
        let g = gazetteer();
        let body = "Teams from Louisville, Kentucky, and Madison County will travel to Atlanta \
                    for the national round; McLean County also qualified.";
        let ps = g.resolve(
            body,
            &gpes(
                body,
                &[
                    "Louisville",
                    "Kentucky",
                    "Madison County",
                    "Atlanta",
                    "McLean County",
                ],
            ),
        );
        let at = |name: &str| {
            ps.iter()
                .find(|p| p.text == name)
                .and_then(|p| p.admin1.clone())
        };
        assert_eq!(at("Madison County").as_deref(), Some("KY"), "{ps:?}");
        assert_eq!(at("McLean County").as_deref(), Some("KY"), "{ps:?}");
        assert_eq!(at("Atlanta").as_deref(), Some("GA"), "{ps:?}");
    }

    /// states with as many of the story's places: the one it names most often
    #[test]
    fn states_with_as_many_of_the_story_places_the_one_it_names_most() {
        let g = gazetteer();
        let body = "Boone County hired 300 teachers. Indiana schools sat mid-table. \
                    The Indiana pay rise was 4 percent. Illinois, Ohio, Kentucky and Michigan paid \
                    more.";
        let ps = g.resolve(
            body,
            &gpes(
                body,
                &[
                    "Boone County",
                    "Indiana",
                    "Illinois",
                    "Ohio",
                    "Kentucky",
                    "Michigan",
                ],
            ),
        );
        let county = ps.iter().find(|p| p.text == "Boone County").unwrap();
        assert_eq!(county.admin1.as_deref(), Some("IN"), "{ps:?}");
    }

    /// and the county too, where the story places it
    #[test]
    fn county_too_where_the_story_places_it() {
        let g = gazetteer();
        let body = "Paris, Tenn., hosts the Paris-Henry County Arts Council.";
        let ents = vec![
            ent(body, "Paris", EntityType::Gpe),
            ent(body, "Tenn", EntityType::Gpe),
            ent(body, "Paris-Henry County Arts Council", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.admin1.as_deref(), p.feature.as_deref()));
        assert_eq!(
            got,
            [
                ("Paris", Some("TN"), Some("PPL")),
                ("Tenn", Some("TN"), Some("ADM1")),
                ("Paris", Some("TN"), Some("PPL")),
                ("Henry County", Some("TN"), Some("ADM2")),
            ]
        );
    }

    /// a town of many states within reach of a county the story names: there
    /// (Paris, Tennessee, the seat of Henry County; not Paris, France, nor Paris, Texas)
    #[test]
    fn town_of_many_states_within_reach_of_a_county_the_story_names() {
        let g = gazetteer();
        let body = "Volunteers in Paris and Henry County will collect food on Saturday.";
        let ents = vec![
            ent(body, "Paris", EntityType::Gpe),
            ent(body, "Henry County", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "Paris").unwrap();
        assert_eq!(
            (town.country.as_deref(), town.admin1.as_deref()),
            (Some("USA"), Some("TN")),
            "{town:?}"
        );
        // and the county of several states is the one holding the town
        let county = ps.iter().find(|p| p.text == "Henry County").unwrap();
        assert_eq!(county.admin1.as_deref(), Some("TN"), "{county:?}");
    }

    /// the county may be named inside an organisation's name
    #[test]
    fn county_may_be_named_inside_an_organisation_name() {
        let g = gazetteer();
        let body =
            "A Lebanon officer and two Boone County Sheriff's Office deputies found the van.";
        let ents = vec![
            ent(body, "Lebanon", EntityType::Gpe),
            ent(body, "Boone County Sheriff's Office", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "Lebanon").unwrap();
        assert_eq!(
            (town.country.as_deref(), town.admin1.as_deref()),
            (Some("USA"), Some("IN")),
            "{town:?}"
        );
    }

    /// also after an article: "The Alexandria Blizzard" is Alexandria's, here the
    /// town in Minnesota, not the governorate of Egypt
    #[test]
    fn after_an_article_the_alexandria_blizzard_is_alexandria_s_here() {
        let g = gazetteer();
        let body = "The Alexandria Blizzard sent buses to Fargo from Alexandria, Minnesota.";
        let second = body.rfind("Alexandria").unwrap();
        let ents = vec![
            ent(body, "The Alexandria Blizzard", EntityType::Org),
            ent(body, "Fargo", EntityType::Gpe),
            Entity {
                start: second,
                end: second + 10,
                text: "Alexandria".into(),
                kind: EntityType::Gpe,
                canonical: None,
                source: None,
            },
            ent(body, "Minnesota", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.country.as_deref(), p.admin1.as_deref()));
        assert_eq!(got[0], ("Alexandria", Some("USA"), Some("MN")), "{ps:?}");
    }

    /// a town opening an organisation's name lies in a county the article names
    #[test]
    fn town_opening_an_organisation_name_lies_in_a_county_the_article() {
        let g = gazetteer();
        let body = "The Athens Police Department took him to the Henderson County Jail.";
        let ents = vec![
            ent(body, "Athens Police Department", EntityType::Org),
            ent(body, "Henderson County Jail", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "Athens").unwrap();
        assert_eq!(town.admin1.as_deref(), Some("TX"), "{town:?}");
    }

    /// a town opening an organisation's name is read among the article's other places
    #[test]
    fn town_opening_an_organisation_name_is_read_among_the_article() {
        let g = gazetteer();
        let body = "Springfield Police said the driver lived in Northampton and worked in Holyoke.";
        let ents = vec![
            ent(body, "Springfield Police", EntityType::Org),
            ent(body, "Northampton", EntityType::Gpe),
            ent(body, "Holyoke", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "Springfield").unwrap();
        assert_eq!(town.admin1.as_deref(), Some("MA"), "{town:?}");
    }

    /// an institution named after its town, where the article's other places are
    #[test]
    fn an_institution_named_after_its_town_where_the_article_other() {
        let g = gazetteer();
        let body =
            "The Springfield Science Museum and libraries in Northampton and Holyoke will open.";
        let ents = vec![
            ent(body, "Springfield Science Museum", EntityType::Org),
            ent(body, "Northampton", EntityType::Gpe),
            ent(body, "Holyoke", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "Springfield").unwrap();
        assert_eq!(town.admin1.as_deref(), Some("MA"), "{town:?}");
    }

    /// a state's highway patrol is the state's, though "Florida Highway" reads like a road
    #[test]
    fn state_highway_patrol_is_the_state_s_though_florida_highway_reads() {
        let g = gazetteer();
        let body = "A Florida Highway Patrol report named the driver.";
        let ps = g.resolve(body, &[ent(body, "Florida Highway", EntityType::Gpe)]);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].admin1.as_deref(), Some("FL"));
        let body = "The crash closed Florida Highway 27 for an hour.";
        let ps = g.resolve(body, &[ent(body, "Florida Highway", EntityType::Gpe)]);
        assert!(ps.is_empty(), "{ps:?}");
    }

    /// a town of a state the text names only inside an organisation's name
    #[test]
    fn town_of_a_state_the_text_names_only_inside_an_organisation_name() {
        let g = gazetteer();
        let body = "Doctors in Rochester joined the University of Minnesota study.";
        let ents = vec![
            ent(body, "Rochester", EntityType::Gpe),
            ent(body, "University of Minnesota", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "Rochester").unwrap();
        assert_eq!(town.admin1.as_deref(), Some("MN"), "{town:?}");
    }

    /// a county named without "County" in a story of its state
    #[test]
    fn county_named_without_county_in_a_story_of_its_state() {
        let g = gazetteer();
        let body = "Deputies in Lancaster searched farms between Lincoln and Omaha.";
        let ents: Vec<Entity> = ["Lancaster", "Lincoln", "Omaha"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let county = ps.iter().find(|p| p.text == "Lancaster").unwrap();
        assert_eq!(
            (
                county.name.as_str(),
                county.admin1.as_deref(),
                county.feature.as_deref()
            ),
            ("Lancaster County", Some("NE"), Some("ADM2")),
            "{county:?}"
        );
    }

    /// but no state's or city's name is a county's ("Texas County", Missouri)
    #[test]
    fn no_state_or_city_name_is_a_county() {
        let g = gazetteer();
        let body = "Ranchers from Texas sold cattle in Springfield, Joplin and Branson.";
        let ents: Vec<Entity> = ["Texas", "Springfield", "Joplin", "Branson"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let state = ps.iter().find(|p| p.text == "Texas").unwrap();
        assert_eq!(state.feature.as_deref(), Some("ADM1"), "{state:?}");
    }

    /// a state's name stays the state, whatever county holds a town of that name
    #[test]
    fn state_name_stays_the_state_whatever_county_holds_a_town_of_that() {
        let g = gazetteer();
        let body = "Officials in California and Washington County met.";
        let ents = vec![
            ent(body, "California", EntityType::Gpe),
            ent(body, "Washington County", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let state = ps.iter().find(|p| p.text == "California").unwrap();
        assert_eq!(state.feature.as_deref(), Some("ADM1"), "{state:?}");
    }

    /// a hostile list of counties stays bounded
    #[test]
    fn hostile_list_of_counties_stays_bounded() {
        let g = gazetteer();
        let body = "Boone County ".repeat(5000);
        let ents: Vec<Entity> = (0..5000)
            .map(|k| Entity {
                start: k * 13,
                end: k * 13 + 12,
                text: "Boone County".into(),
                kind: EntityType::Gpe,
                canonical: None,
                source: None,
            })
            .collect();
        assert_eq!(
            g.county_spots(&ents).len(),
            g.counties[&norm_key("Boone County")].len()
        );
        // (no state named, no town: no county is guessed)
        assert!(g.resolve(&body, &ents).is_empty());
    }
}
