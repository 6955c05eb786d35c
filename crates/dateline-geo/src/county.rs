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
//!   a million has the name.
//! - A US town within [`COUNTY_REACH_KM`] of a county the article names, in that county's
//!   state, gains [`IN_NAMED_COUNTY`] ("Lebanon Police and the Boone County Sheriff":
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
/// ("Lebanon Police and the Boone County Sheriff": Lebanon, Indiana).
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
    /// ("… contacted Hall County Environmental Health and the Georgia Environmental Protection
    /// Division"), if any is named and no other as often.
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
