//! Coherence: the second pass reads the first pass's choices for the article's other places
//! (CLIFF-style).
//!
//! Heuristics:
//! - Each other place name the first pass put in a candidate's first-level division, and in
//!   its country, adds to the candidate's score, each counted up to three times, weights
//!   [`COHERENCE`] (division, country): "Paris" among Tyler and Longview is Paris, Texas.
//! - Places of a division read inside organisations' names lend coherence too ("Kansas
//!   State University" for Manhattan; see [`crate::focus`]).
//! - The state where the first pass put most names (at least two, more than any other) is
//!   the article's state, for bare county names (see [`crate::county`]).
//! - How often the article names each US state in full is counted once per article and
//!   kept here: a US town in a state the text names anywhere, in organisations' names too
//!   ("University of Minnesota" for Rochester), gains [`crate::score::STATE_NAMED`].

use dateline_core::Place;
use std::collections::HashMap;

/// Bonus per other place name of the article in the candidate's first-level division, and
/// in its country (each counted up to three times).
pub const COHERENCE: (f64, f64) = (5.0, 3.0);

/// (ISO3, admin1 code)
type Division = (String, String);

/// A town the first pass found, with the article's name for it (lower case).
#[derive(Debug, Clone)]
pub(crate) struct TownPoint {
    pub lat: f64,
    pub lon: f64,
    pub name: String,
}

/// Which distinct place names of an article a first pass put in each country and division.
pub(crate) struct Coherence {
    country: HashMap<String, Vec<String>>,
    pub(crate) division: HashMap<Division, Vec<String>>,
    /// the towns of each division the first pass found
    pub(crate) towns: HashMap<Division, Vec<TownPoint>>,
    weights: (f64, f64),
    /// how often the article names each US state in full (postal code -> count), taken once
    pub(crate) state_names: std::cell::OnceCell<HashMap<String, usize>>,
}

impl Coherence {
    /// Whether the article's places stand in US state `st` at least as often as in any of
    /// `states`.
    pub(crate) fn leads<'s>(&self, st: &str, states: impl Iterator<Item = &'s str>) -> bool {
        let own = self.state_votes(st);
        states.map(|x| self.state_votes(x)).all(|v| v <= own)
    }

    /// How many of the article's places the first pass put in US state `st`.
    pub(crate) fn state_votes(&self, st: &str) -> usize {
        self.division
            .get(&("USA".to_string(), st.to_string()))
            .map_or(0, Vec::len)
    }

    pub(crate) fn of<'p>(
        places: impl IntoIterator<Item = &'p Place>,
        weights: (f64, f64),
    ) -> Coherence {
        let mut c = Coherence {
            country: HashMap::new(),
            division: HashMap::new(),
            towns: HashMap::new(),
            weights,
            state_names: std::cell::OnceCell::new(),
        };
        for p in places {
            let Some(iso3) = &p.country else { continue };
            let name = p.text.to_lowercase();
            if let (Some(adm), Some(true)) =
                (&p.admin1, p.feature.as_ref().map(|f| f.starts_with("PPL")))
            {
                c.towns
                    .entry((iso3.clone(), adm.clone()))
                    .or_default()
                    .push(TownPoint {
                        lat: p.lat,
                        lon: p.lon,
                        name: name.clone(),
                    });
            }
            let names = c.country.entry(iso3.clone()).or_default();
            if !names.contains(&name) {
                names.push(name.clone());
            }
            if let Some(adm) = &p.admin1 {
                let names = c.division.entry((iso3.clone(), adm.clone())).or_default();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        c
    }

    /// The US state where the first pass put the most distinct names, at least two and more
    /// than in any other state.
    pub(crate) fn dominant_state(&self) -> Option<&str> {
        let mut best: Option<(&str, usize)> = None;
        let mut tie = false;
        for ((iso3, adm), names) in &self.division {
            if iso3 != "USA" || names.len() < 2 {
                continue;
            }
            match best {
                Some((_, m)) if names.len() < m => {}
                Some((b, m)) if names.len() == m => tie = tie || b != adm,
                _ => {
                    best = Some((adm, names.len()));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(st, _)| st)
    }

    /// How many other names of the article the first pass put in this division.
    pub(crate) fn others_in(&self, text: &str, iso3: &str, admin1: &str) -> usize {
        let name = text.to_lowercase();
        self.division
            .get(&(iso3.to_string(), admin1.to_string()))
            .map_or(0, |v| v.iter().filter(|n| **n != name).count())
    }

    /// The bonus for reading `text` as a place in `iso3` / `admin1`: the other names there.
    pub(crate) fn bonus(&self, text: &str, iso3: &str, admin1: &str) -> f64 {
        let name = text.to_lowercase();
        let others = |v: Option<&Vec<String>>| {
            v.map(|v| v.iter().filter(|n| **n != name).count().min(3))
                .unwrap_or(0) as f64
        };
        let mut b = self.weights.1 * others(self.country.get(iso3));
        if !admin1.is_empty() {
            b +=
                self.weights.0 * others(self.division.get(&(iso3.to_string(), admin1.to_string())));
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// no country or state named: only the other towns say this is Texas
    #[test]
    fn no_country_or_state_named_only_the_other_towns_say_this_is_texas() {
        let g = gazetteer();
        let body =
            "Crews from Tyler and Longview drove to Paris after the storm; Kilgore sent trucks.";
        let ents: Vec<Entity> = ["Tyler", "Longview", "Paris", "Kilgore"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let paris = ps.iter().find(|p| p.text == "Paris").unwrap();
        assert_eq!(
            (paris.country.as_deref(), paris.admin1.as_deref()),
            (Some("USA"), Some("TX")),
            "{paris:?}"
        );
        // towns found only in the US make it the article's country: even without the
        // coherence pass, Paris is then a US town; alone, the capital of France
        let ps = g.resolve_with(body, &ents, (0.0, 0.0));
        let paris = ps.iter().find(|p| p.text == "Paris").unwrap();
        assert_eq!(paris.country.as_deref(), Some("USA"), "{paris:?}");
        let alone = "Crews drove to Paris after the storm.";
        let ps = g.resolve_with(alone, &[ent(alone, "Paris", EntityType::Gpe)], (0.0, 0.0));
        assert_eq!(ps[0].country.as_deref(), Some("FRA"), "{ps:?}");
    }

    /// a town named like a country, among the article's towns of its state
    #[test]
    fn town_named_like_a_country_among_the_article_towns_of_its_state() {
        let g = gazetteer();
        let body = "Crews from Tyler drove to Palestine after the storm.";
        let ents: Vec<Entity> = ["Tyler", "Palestine"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let p = ps.iter().find(|p| p.text == "Palestine").unwrap();
        assert_eq!(p.admin1.as_deref(), Some("TX"), "{p:?}");
    }
}
