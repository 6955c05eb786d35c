//! Spatial minimality: the article's place names that could be towns near each other.
//!
//! Heuristics:
//! - Each other place name of the article with a reading (a town by its main name, or that
//!   name with "Town": "Enfield" of Enfield Town) within [`NEIGHBOUR_KM`] of a candidate town
//!   adds [`NEIGHBOUR`] to the candidate's score, up to three names (London, Ontario among
//!   St. Thomas and Middlesex).
//! - A name qualified by its division ("Bethel, Vt.") stands only there, and reaches
//!   [`ANCHOR_KM`] (31 km from Hanover, N.H.): it is no coincidence of names; where the name
//!   has no reading in that division the qualifier is a list's next name ("London, St. Thomas
//!   and Strathroy"), and all its readings count.
//! - A name the gazetteer lacks counts by the town opening it before a civic body of
//!   `civic-words.txt` ("Hartford" of "Hartford Hospital", which the tagger called a place;
//!   not a county's or township's name, "Boone County", nor a generic or direction word).
//! - A US county is placed in the state whose county of that name holds one of these towns
//!   (see [`crate::county`]).
//! - At most 64 distinct names and 200 readings a name are kept; the points sit in a grid of
//!   one-degree cells and counts are memoised, so a long article stays linear.

use crate::index::Cand;
use crate::text::km;
use crate::words;
use crate::Gazetteer;
use dateline_core::{Entity, EntityType};
use std::collections::HashMap;

/// The bonus per other place name of the article with a reading within `NEIGHBOUR_KM` of a
/// candidate town (up to three names).
pub(crate) const NEIGHBOUR: f64 = 4.0;
const NEIGHBOUR_KM: f64 = 30.0;
/// ... and of a qualified name's reading ("Bethel, Vt.", 31 km from Hanover, N.H.); under a
/// one-degree cell's width at 60° of latitude, so that the 3×3 cells around a point hold it.
const ANCHOR_KM: f64 = 50.0;

/// A point the article's `name`th place name could stand for.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// which of the article's distinct place names
    name: usize,
    lat: f64,
    lon: f64,
    iso3: &'static str,
    admin1: &'static str,
    /// whether the name is qualified by this reading's division ("Bethel, Vt.")
    anchored: bool,
}

/// The points the article's place names could stand for (towns by their main names), in a grid
/// of one-degree cells: for a candidate, the other names with a reading near it; for a county,
/// whether one of the article's towns lies in it.
pub(crate) struct Neighbours {
    cells: HashMap<(i32, i32), Vec<Reading>>,
    names: Vec<String>,
    /// counts already made, by name and point (a name repeated a thousand times is counted
    /// once per reading)
    memo: std::cell::RefCell<HashMap<(String, u64, u64), usize>>,
}

impl Neighbours {
    pub(crate) fn of(g: &Gazetteer, body: &str, entities: &[Entity]) -> Neighbours {
        let mut n = Neighbours {
            cells: HashMap::new(),
            names: Vec::new(),
            memo: std::cell::RefCell::new(HashMap::new()),
        };
        for e in entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
        {
            // (a name the gazetteer lacks by its opening words before a civic body: "Hartford"
            // of "Hartford Hospital", which the tagger called a place)
            let mut name = e.text.as_str();
            if g.lookup(name).is_empty() {
                let words: Vec<&str> = name.split(' ').collect();
                if let Some(n) = (1..words.len().min(3)).rev().find(|&n| {
                    let head = words[..n].join(" ");
                    let next = words[n].to_lowercase();
                    // (not a county's or township's name: "Boone County" is no town Boone)
                    words::CIVIC.contains(&next)
                        && !matches!(
                            next.as_str(),
                            "county" | "parish" | "township" | "borough" | "city"
                        )
                        && !words::GENERIC.contains(&head.to_lowercase())
                        && !words::DIRECTIONS.contains(&head.to_lowercase())
                        && !g.lookup(&head).is_empty()
                }) {
                    name = &name[..words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1];
                }
            }
            let key = name.to_lowercase();
            if n.names.contains(&key) || n.names.len() >= 64 {
                continue;
            }
            let k = n.names.len();
            n.names.push(key);
            let cands = g.lookup(name);
            // a name qualified by its division ("Bethel, Vt.") stands only there, and is a
            // neighbour farther off (`ANCHOR_KM`): it is no coincidence of names
            // (where the name has a reading there: "London, St. Thomas and Strathroy" is a
            // list, not London in Saint Thomas, Jamaica)
            let qualified = g.qualifier_after(body, e.end, 40).filter(|q| {
                !q.admin1.is_empty()
                    && cands.iter().any(|&(c, _)| {
                        matches!(c, Cand::Place(i)
                                if g.places[i].iso3 == q.iso3 && g.places[i].admin1 == q.admin1)
                    })
            });
            for &(c, main) in &cands[..cands.len().min(200)] {
                // (a town's main name or that name with "Town": "Enfield" of Enfield Town)
                let town_of = |i: usize| {
                    g.places[i]
                        .name
                        .strip_suffix(" Town")
                        .is_some_and(|n| n.eq_ignore_ascii_case(&e.text))
                };
                if let Cand::Place(i) = c {
                    let p = &g.places[i];
                    let anchor = qualified
                        .as_ref()
                        .map(|q| q.iso3 == p.iso3 && q.admin1 == p.admin1);
                    if (main || town_of(i)) && p.feature.starts_with("PPL") && anchor != Some(false)
                    {
                        n.cells
                            .entry(Self::cell(p.lat, p.lon))
                            .or_default()
                            .push(Reading {
                                name: k,
                                lat: p.lat,
                                lon: p.lon,
                                iso3: p.iso3,
                                admin1: p.admin1,
                                anchored: anchor.is_some(),
                            });
                    }
                }
            }
        }
        n
    }

    /// Whether some reading within `reach` km (at most ~50) of the point passes `keep`
    /// (country, first-level division).
    pub(crate) fn any_within(
        &self,
        lat: f64,
        lon: f64,
        reach: f64,
        keep: impl Fn(&str, &str) -> bool,
    ) -> bool {
        let (cy, cx) = Self::cell(lat, lon);
        (-1..=1).any(|dy| {
            (-1..=1).any(|dx| {
                self.cells.get(&(cy + dy, cx + dx)).is_some_and(|v| {
                    v.iter()
                        .any(|r| keep(r.iso3, r.admin1) && km(lat, lon, r.lat, r.lon) < reach)
                })
            })
        })
    }

    fn cell(lat: f64, lon: f64) -> (i32, i32) {
        (lat.floor() as i32, lon.floor() as i32)
    }

    /// How many other names of the article have a reading within `NEIGHBOUR_KM` (up to 3).
    pub(crate) fn near(&self, name: &str, lat: f64, lon: f64) -> usize {
        let own = name.to_lowercase();
        let key = (own, lat.to_bits(), lon.to_bits());
        if let Some(&n) = self.memo.borrow().get(&key) {
            return n;
        }
        let n = self.count(&key.0, lat, lon);
        self.memo.borrow_mut().insert(key, n);
        n
    }

    fn count(&self, own: &str, lat: f64, lon: f64) -> usize {
        let (cy, cx) = Self::cell(lat, lon);
        let mut seen: Vec<usize> = Vec::new();
        for dy in -1..=1 {
            for dx in -1..=1 {
                let Some(v) = self.cells.get(&(cy + dy, cx + dx)) else {
                    continue;
                };
                for r in v {
                    let reach = if r.anchored { ANCHOR_KM } else { NEIGHBOUR_KM };
                    if self.names[r.name] != own
                        && !seen.contains(&r.name)
                        && km(lat, lon, r.lat, r.lon) < reach
                    {
                        seen.push(r.name);
                    }
                }
            }
        }
        seen.len().min(3)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// a town near one whose name opens a civic body the tagger called a place ("Hartford
    /// Hospital": Middletown, Connecticut, not New Jersey's bigger one)
    #[test]
    fn town_near_one_whose_name_opens_a_civic_body_the_tagger_called_a() {
        let g = gazetteer();
        let body = "MIDDLETOWN — A Middletown High School senior is recovering at Hartford \
                    Hospital.";
        let ents = vec![
            ent(body, "MIDDLETOWN", EntityType::Gpe),
            ent(body, "Hartford Hospital", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(
            at(&ps, "MIDDLETOWN"),
            Some((Some("USA".into()), Some("CT".into()))),
            "{ps:?}"
        );
    }

    /// a town across a state line from a qualified place (Hanover, N.H., 40 km from
    /// Bethel, Vt.) before a bigger namesake far away
    #[test]
    fn town_across_a_state_line_from_a_qualified_place_before_a_bigger() {
        let g = gazetteer();
        let body = "Hanover police found the couple. Their son, who lives in Bethel, Vt., was not \
                    reached, and Hanover officials said the town was safe.";
        let ents: Vec<Entity> = ["Hanover", "Bethel", "Vt"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        assert_eq!(
            at(&ps, "Hanover"),
            Some((Some("USA".into()), Some("NH".into()))),
            "{ps:?}"
        );
    }

    /// London, Ontario: St. Thomas and Strathroy lie within 50 km of it, of no other London
    #[test]
    fn london_ontario_st_thomas_and_strathroy_lie_within_50_km_of_it_of() {
        let g = gazetteer();
        let body = "Shelters in London, St. Thomas and Strathroy are full.";
        let ents: Vec<Entity> = ["London", "St. Thomas", "Strathroy"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "London").unwrap();
        assert_eq!(
            (town.country.as_deref(), town.admin1.as_deref()),
            (Some("CAN"), Some("08")),
            "{town:?}"
        );
    }

    /// a town called by its main name without "Town" is near too: Edmonton beside Enfield
    /// (Enfield Town) is the London district, not the Alberta capital
    #[test]
    fn town_called_by_its_main_name_without_town_is_near_too_edmonton() {
        let g = gazetteer();
        let body = "A shelter opened in Edmonton, one of seven in Enfield.";
        let ents = vec![
            ent(body, "Edmonton", EntityType::Gpe),
            ent(body, "Enfield", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.country.as_deref(), p.admin1.as_deref()));
        assert_eq!(
            got,
            vec![
                ("Edmonton", Some("GBR"), Some("ENG")),
                ("Enfield", Some("GBR"), Some("ENG")),
            ]
        );
    }

    /// alone, London is the capital
    #[test]
    fn alone_london_is_the_capital() {
        let g = gazetteer();
        let body = "Shelters in London are full.";
        let ps = g.resolve(body, &[ent(body, "London", EntityType::Gpe)]);
        assert_eq!(ps[0].country.as_deref(), Some("GBR"));
    }
}
