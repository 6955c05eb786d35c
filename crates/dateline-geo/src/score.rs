//! Reading one place entity: its candidates narrowed, then scored.
//!
//! Heuristics, in the order they apply to an entity:
//! - A US county, also by its abbreviation, is placed by [`crate::county`]; a state's or
//!   province's press abbreviation is that division ([`crate::abbreviations`]).
//! - A name the tagger called an organisation or something else is read only when it names a
//!   country, a division, a town of 50,000 people by its main name ("the US said", "Metcalfe
//!   County"; "Hamas" is an alternate name of Hamm), or an airport by a name with "Airport"
//!   ("Heathrow Airport"); facilities are read as places.
//! - A bare county name in a story of its state is the county ([`crate::county`]).
//! - A small town abroad known by the name only as an alternate is too weak a reading ("East
//!   Bank" is no village in Azerbaijan): an alternate name is a reading for a town of 50,000
//!   people unless a bigger town of its country bears the name as its own ("Pittsburgh" is
//!   not Pittsburg, California), for a town of the focus country unless a bigger town bears
//!   it as its main name ("Maryville" is not Beeville, Texas), and for anything not a plain
//!   `PPL`.
//! - An acronym of three capitals or fewer is no town whose name it spells ("BA" of British
//!   Airways is not Ba, Fiji); countries and divisions have their abbreviations listed.
//! - A name ending in "City" is the city where one bears it ("Quebec City", "Kuwait City"),
//!   not the division or country; the towns of the name without "City" are candidates too
//!   where the name is qualified elsewhere ("Springfield City" after "Springfield, Ohio") or
//!   no place has the name with "City" as its own ("Las Vegas City").
//! - A village (under [`VILLAGE`] people) is a reading only where nothing bigger bears the
//!   name, or where the name is qualified, is a town's short form, another name of the article
//!   could be a town near it, or the article's other places are in its division (Churchill
//!   among Manitoba towns); and never for the name of a country, or by its main name of a
//!   first-level division or capital of 100,000 people or more ("Washington" among Oklahoma
//!   towns is still the capital; the parishes of Saint George leave St. George, Kansas, to a
//!   Kansas story).
//!
//! Scores (the best wins; ties go to countries, then regions, then places, in table order):
//! - a country 100; a region 60; a place 0. A foreign country's name in an article about
//!   another country scores 0 where a division or a town of 50,000 of the focus country has
//!   the name ("Georgia" in a story from Atlanta), unless the article names that country's
//!   people; a country's name scores -50 where a US town of that name stands among the
//!   article's other places of its division, or within reach of a county the article names
//!   ("Lebanon Police and the Boone County Sheriff"), unless the story names other countries
//!   abroad or that country's people ("China" and "Italy" beside "Japan" and "Russia" in a
//!   Texas paper);
//! - plus ln(population + 1), where a first-level division counts as ten times its people, at
//!   most two million, and among divisions of one name the more populous wins (Florida, USA
//!   before Florida, Uruguay);
//! - plus 2 for the place's main name; + 2 for a capital, + 8 more where the article names its
//!   country by its name; + 8 in the focus country;
//! - plus 50 for a capital or a city of a million people read from a dateline standing alone,
//!   in the focus country (or any country when there is no focus), or a capital of a country
//!   the article names ("WASHINGTON" over a story about a British spy that names the U.S.);
//! - plus 10 for a capital whose name acts as a government anywhere in the article ("Moscow
//!   said");
//! - plus 30 for a town's short form ([`crate::sense`]); + 30 where a qualifier after a comma,
//!   the name's qualifier elsewhere in the article, or a landmark after its possessive
//!   ([`crate::qualifiers`]) puts it in the candidate's country and division;
//! - plus [`NEIGHBOUR`] per other name of the article that could be a town near a candidate town
//!   ([`crate::neighbours`]);
//! - in the second pass, the coherence bonus ([`crate::coherence`]), and for US towns
//!   (where no US state has the name: "California" is the state, not the town in Washington
//!   County, Pa.) + [`STATE_NAMED`] where the text names the state in full anywhere;
//! - plus [`IN_NAMED_COUNTY`] for such a US town within reach of a county the article names in
//!   its state, unless the article's places stand in another state of that county's name
//!   more ("McLean County" of Kentucky schools is no help to the Atlanta of Illinois).

use crate::coherence::Coherence;
use crate::county::{county_of_abbreviation, COUNTY_REACH_KM, IN_NAMED_COUNTY};
use crate::datelines::is_dateline;
use crate::gazetteer::cand_order;
use crate::index::Cand;
use crate::misread::VILLAGE;
use crate::neighbours::NEIGHBOUR;
use crate::qualifiers::Qualifier;
use crate::resolve::Resolver;
use crate::sense::sense_key;
use crate::text::km;
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, EntityType, Place};

/// The bonus for a US town in a state the text names in full anywhere.
pub(crate) const STATE_NAMED: f64 = 3.0;

/// A name's candidates: a place (by index into countries, places or regions) and whether the
/// name is the place's main name.
type Cands = Vec<(Cand, bool)>;

/// What the article says about one mention of a name, beyond its candidates.
struct Clues<'r> {
    /// the town whose short form the name is
    short_of: Option<usize>,
    /// the qualifier after the name's comma
    qualifier: Option<Qualifier>,
    /// the qualifier the name had elsewhere in the article (where it has none here)
    qualified_elsewhere: Option<&'r Qualifier>,
    /// the country of a landmark after the name's possessive
    landmark: Option<Qualifier>,
}

impl Clues<'_> {
    /// The qualifier that puts the name somewhere: its own, else its earlier one.
    fn qualifier(&self) -> Option<&Qualifier> {
        self.qualifier.as_ref().or(self.qualified_elsewhere)
    }
}

impl Resolver<'_, '_> {
    /// An entity's place in the current pass, if it names one (see the module notes).
    pub(crate) fn read(&self, e: &Entity) -> Option<Place> {
        if let Some(county) = self.read_county(e) {
            return county;
        }
        if let Some(p) = self.read_press_abbreviation(e) {
            return Some(p);
        }
        let g = self.g;
        let cands = g.lookup(&e.text);
        if !names_a_place(g, e, cands) {
            return None;
        }
        // a county named without "County" in a story of its state ("Lancaster" among
        // Nebraska towns, "Kanawha"): the county, unless a place of that state has the
        // name
        if let Some(p) = self
            .near
            .as_ref()
            .filter(|_| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .and_then(|n| g.bare_county(e, cands, n))
        {
            return Some(p);
        }
        let short_of = self.short_forms.get(&e.text.to_lowercase()).copied();
        let cands = self.narrowed(e, cands, short_of);
        if cands.is_empty() {
            return None;
        }
        // "Alexandria, Va.": the words after a comma qualify the place
        let qualifier = g.qualifier_after(self.body, e.end, 40);
        let clues = Clues {
            short_of,
            qualified_elsewhere: qualifier
                .is_none()
                .then(|| self.qualified.get(&sense_key(&e.text)))
                .flatten(),
            qualifier,
            // a landmark of a country after the name's possessive ("Paris' iconic
            // Champs-Elysees", "Moscow's Red Square") puts the name in that country
            landmark: g.landmark_after(self.body, e.end).map(|iso3| Qualifier {
                iso3,
                admin1: String::new(),
            }),
        };
        let cands = self.widened(e, cands, &clues);
        let cands = self.without_unsupported_villages(e, cands, &clues);
        if cands.is_empty() {
            return None;
        }
        let best = self.best(e, &cands, &clues)?;
        Some(g.place(best, e.start, &e.text, None))
    }

    /// A US county ("Laurel County", "PLYMOUTH CO."): `Some` of its place (none where its
    /// state is not known yet), or `None` when the entity names no county.
    fn read_county(&self, e: &Entity) -> Option<Option<Place>> {
        // a US county ("Laurel County"): in the state where the article's other places
        // are, at the middle of those places (a local story stays in its area), else at
        // its namesake town there, else at the state's point
        // ("PLYMOUTH CO.", "Loudon Co.": a county by its abbreviation, where the tagger
        // called it a place)
        let abbreviated = matches!(e.kind, EntityType::Gpe | EntityType::Loc)
            .then(|| county_of_abbreviation(&e.text))
            .flatten()
            .map(|text| Entity { text, ..e.clone() });
        let county = abbreviated.as_ref().unwrap_or(e);
        let states = (e.kind != EntityType::Person)
            .then(|| self.g.counties.get(&norm_key(&county.text)))
            .flatten()?;
        // (the first pass places a county of one state's only, and so lends the
        // second pass its state: "Laurel County" … "London" is London, Kentucky)
        let n = match &self.near {
            Some(n) => Some(n),
            None if states.len() == 1 => Some(&self.no_coherence),
            None => None,
        };
        let place = n
            .and_then(|n| {
                self.g
                    .county_place(county, states, n, self.focus(), self.body, &self.neighbours)
            })
            .map(|mut p| {
                p.text.clone_from(&e.text);
                p
            });
        Some(place)
    }

    /// The candidates without weak alternate names, with the town whose short form the name
    /// is, without towns an acronym spells, and only the cities of a name ending in "City"
    /// where it has some.
    fn narrowed(&self, e: &Entity, cands: &[(Cand, bool)], short_of: Option<usize>) -> Cands {
        let g = self.g;
        // a small town abroad known by that name only as one of its alternates is too
        // weak a reading ("East Bank" is no village in Azerbaijan)
        let mut cands = g.strong(cands, self.focus());
        if let Some(i) = short_of {
            if !cands.contains(&(Cand::Place(i), false)) {
                cands.push((Cand::Place(i), false));
            }
        }
        // an acronym is no town whose name it spells ("BA" of British Airways is not Ba,
        // Fiji); countries and divisions have their abbreviations listed
        let acronym = e.text.len() <= 3 && !e.text.chars().any(char::is_lowercase);
        let cands: Cands = cands
            .into_iter()
            .filter(|&(c, _)| {
                !acronym
                    || !matches!(c, Cand::Place(i)
                        if g.places[i].feature.starts_with("PPL")
                            && g.places[i].name.chars().any(char::is_lowercase))
            })
            .collect();
        // a name ending in "City" is the city where one bears it ("Quebec City",
        // "Kuwait City"), not the division or country
        let city_named = e.text.ends_with(" City") && cands.iter().any(|&(c, _)| g.is_town(c));
        if city_named {
            cands.into_iter().filter(|&(c, _)| g.is_town(c)).collect()
        } else {
            cands
        }
    }

    /// The candidates with the towns of the name without "City" ("Springfield City" after
    /// "Springfield, Ohio"; "Las Vegas City", where no place has the name with "City" as its
    /// own).
    fn widened(&self, e: &Entity, cands: Cands, clues: &Clues) -> Cands {
        let own_city = cands
            .iter()
            .any(|&(c, main)| main && matches!(c, Cand::Place(_)));
        let widen = clues.qualified_elsewhere.is_some() || !own_city;
        match e.text.strip_suffix(" City") {
            Some(head) if widen => {
                let mut all = cands;
                all.extend(
                    self.g
                        .lookup(head)
                        .iter()
                        .copied()
                        .filter(|&(c, _)| self.g.is_town(c)),
                );
                all
            }
            _ => cands,
        }
    }

    /// The candidates without villages the article gives no support (see the module notes).
    fn without_unsupported_villages(&self, e: &Entity, cands: Cands, clues: &Clues) -> Cands {
        let g = self.g;
        let village = |i: usize| {
            let p = &g.places[i];
            p.feature.starts_with("PPL") && p.population < VILLAGE
        };
        let all_villages = cands
            .iter()
            .all(|&(c, _)| matches!(c, Cand::Place(i) if village(i)));
        if all_villages {
            return cands;
        }
        // (a name of a country, division or capital takes a village only when qualified:
        // "Washington" among Oklahoma towns is still the capital)
        // (by its main name, of a division or capital of 100,000 people or more: the
        // parishes of Saint George and Freetown, once "Saint George", leave St. George,
        // Kansas, to a Kansas story)
        let state_name = cands.iter().any(|&(c, main)| match c {
            Cand::Country(_) => true,
            Cand::Place(i) => {
                let p = &g.places[i];
                main && matches!(p.feature, "ADM1" | "PPLC")
                    && !(1..100_000).contains(&p.population)
            }
            Cand::Region(_) => false,
        });
        cands
            .into_iter()
            .filter(|&(c, _)| match c {
                Cand::Place(i) if village(i) => {
                    let p = &g.places[i];
                    clues.short_of == Some(i)
                        || clues.qualifier().is_some_and(|q| q.fits(p.iso3, p.admin1))
                        || !state_name
                            && (self.neighbours.near(&e.text, p.lat, p.lon) > 0
                                || self
                                    .near
                                    .as_ref()
                                    .is_some_and(|n| n.others_in(&e.text, p.iso3, p.admin1) > 0))
                }
                _ => true,
            })
            .collect()
    }

    /// The best-scoring candidate (see the module notes for the scores).
    fn best(&self, e: &Entity, cands: &[(Cand, bool)], clues: &Clues) -> Option<Cand> {
        // a dateline standing alone ("WASHINGTON —" opening a story) is a capital or a
        // city of a million of the article's country where the name has one: wire
        // services date only such cities without their state (local papers' own towns
        // are read as usual)
        let dateline = clues.qualifier.is_none() && is_dateline(self.body, e.start, e.end);
        // a town's name acting as a government anywhere in the article ("Moscow said")
        // is the capital's
        let acts = self.acting_names.contains(e.text.as_str());
        // (a US state's name is not pulled to a town by a county or a named state:
        // "California" is the state, not the town in Washington County, Pa.)
        let towns_only = !cands.iter().any(|&(c, _)| {
            matches!(c, Cand::Place(i) if self.g.places[i].feature == "ADM1"
                && self.g.places[i].iso3 == "USA")
        });
        let mention = Mention {
            e,
            cands,
            clues,
            dateline,
            acts,
            towns_only,
        };
        cands
            .iter()
            .map(|&(c, main)| (self.score(&mention, c, main), c))
            .max_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then(cand_order(b.1).cmp(&cand_order(a.1)))
            })
            .map(|(_, c)| c)
    }

    /// The score of reading a mention as candidate `c` (`main`: by its main name).
    fn score(&self, m: &Mention, c: Cand, main: bool) -> f64 {
        let r = self.g.record(c);
        // (the terms are added in this order: floating-point sums depend on it)
        let mut s = self.kind_score(m, c);
        add_population(&mut s, r.feature, r.population);
        if main {
            s += 2.0;
        }
        self.add_capital_bonuses(&mut s, m, r.feature, r.population, r.iso3);
        if self.focus() == Some(r.iso3) {
            s += 8.0;
        }
        if m.clues.short_of.is_some_and(|i| c == Cand::Place(i)) {
            s += 30.0;
        }
        if let Some(q) = m.clues.qualifier().or(m.clues.landmark.as_ref()) {
            if q.fits(r.iso3, r.admin1) {
                s += 30.0;
            }
        }
        if main && matches!(c, Cand::Place(_)) && r.feature.starts_with("PPL") {
            s += NEIGHBOUR * self.neighbours.near(&m.e.text, r.lat, r.lon) as f64;
        }
        if let Some(n) = &self.near {
            s += n.bonus(&m.e.text, r.iso3, r.admin1);
            // a US state the text names anywhere, in organisations' names too
            // ("University of Minnesota" for Rochester)
            if m.towns_only
                && r.iso3 == "USA"
                && !r.admin1.is_empty()
                && self.g.state_count(self.body, n, r.admin1) > 0
            {
                s += STATE_NAMED;
            }
        }
        if m.towns_only
            && r.iso3 == "USA"
            && r.feature.starts_with("PPL")
            && self.in_named_county(r.admin1, r.lat, r.lon)
        {
            s += IN_NAMED_COUNTY;
        }
        s
    }

    /// The base score of a candidate's kind: a country (lowered where the name more likely
    /// means a place of the focus country or a US town among the article's places), a
    /// region, a place.
    fn kind_score(&self, m: &Mention, c: Cand) -> f64 {
        let r = self.g.record(c);
        // a foreign country's name in an article about another country is more
        // likely a place of that country ("Georgia" in a story from Atlanta)
        // (a division or a town of 50,000: not the village of Russia, Ohio, in
        // a Texas story)
        let focus_alternative = self.focus().is_some_and(|f| {
            f != r.iso3
                && !(matches!(c, Cand::Country(_)) && self.people_named.contains(&r.iso3))
                && m.cands.iter().any(|&(o, _)| {
                    let x = self.g.record(o);
                    o != c && x.iso3 == f && (x.feature == "ADM1" || x.population >= 50_000)
                })
        });
        // a US town named like a country ("Palestine", "Lebanon") among the
        // article's other places of its state
        // or within reach of a county the article names ("Lebanon Police and
        // the Boone County Sheriff's Office")
        // (not in a story that names other countries abroad: "China" and
        // "Italy" beside "Japan" and "Russia" in a Texas paper)
        let abroad = self
            .plain_countries
            .iter()
            .any(|&x| x != r.iso3 && Some(x) != self.focus())
            || self.people_named.contains(&r.iso3);
        let local_alternative = matches!(c, Cand::Country(_))
            && !abroad
            && (self.near.as_ref().is_some_and(|n| {
                m.cands.iter().any(|&(o, _)| {
                    let x = self.g.record(o);
                    o != c && !x.admin1.is_empty() && n.others_in(&m.e.text, x.iso3, x.admin1) >= 1
                })
            }) || m.cands.iter().any(|&(o, _)| match o {
                Cand::Place(i) => self.town_in_named_county(i),
                _ => false,
            }));
        match c {
            Cand::Country(_) if local_alternative => -50.0,
            Cand::Country(_) if focus_alternative => 0.0,
            Cand::Country(_) => 100.0,
            Cand::Region(_) => 60.0,
            Cand::Place(_) => 0.0,
        }
    }

    /// The bonuses of a dateline's city and of a capital, added to `s`.
    fn add_capital_bonuses(
        &self,
        s: &mut f64,
        m: &Mention,
        feature: &str,
        population: u64,
        iso3: &str,
    ) {
        // (a capital also where the article names its country, whatever its
        // focus: "WASHINGTON" over a story about a British spy that names the
        // U.S.)
        if m.dateline
            && (feature == "PPLC" || population >= 1_000_000)
            && (self.focus().is_none_or(|f| f == iso3)
                || feature == "PPLC" && self.named_countries.contains(&iso3))
        {
            *s += 50.0;
        }
        if m.acts && feature == "PPLC" {
            *s += 10.0;
        }
        if feature == "PPLC" {
            *s += 2.0;
            // the capital of a country the article names by its name
            if self.named_countries.contains(&iso3) {
                *s += 8.0;
            }
        }
    }

    /// Whether a US town lies within reach of a county the article names, in that county's
    /// state.
    pub(crate) fn town_in_named_county(&self, i: usize) -> bool {
        let p = &self.g.places[i];
        p.iso3 == "USA"
            && p.feature.starts_with("PPL")
            && self.county_spots.iter().any(|spot| {
                spot.state == p.admin1 && km(spot.lat, spot.lon, p.lat, p.lon) < COUNTY_REACH_KM
            })
    }

    /// Whether a point of US state `state` lies within reach of a county the article names
    /// there, where the article's places do not stand more in another state of that county's
    /// name.
    fn in_named_county(&self, state: &str, lat: f64, lon: f64) -> bool {
        self.county_spots.iter().any(|spot| {
            spot.state == state
                && km(spot.lat, spot.lon, lat, lon) < COUNTY_REACH_KM
                // (the reading of a county of several states in a state
                // the article's places stand in less than another's:
                // "McLean County" of Kentucky schools is no help to the
                // Atlanta of Illinois)
                && self.near.as_ref().is_none_or(|n| {
                    n.leads(
                        spot.state,
                        self.county_spots
                            .iter()
                            .filter(|s| s.county == spot.county)
                            .map(|s| s.state),
                    )
                })
        })
    }
}

/// One mention being scored: the entity, its candidates and what the article says of it.
struct Mention<'m> {
    e: &'m Entity,
    cands: &'m [(Cand, bool)],
    clues: &'m Clues<'m>,
    /// a dateline standing alone
    dateline: bool,
    /// the name acts as a government somewhere in the article
    acts: bool,
    /// no US state has the name
    towns_only: bool,
}

/// Adds ln(population + 1) to `s`, a division counting as ten times its people against
/// towns, at most 2 million, after a thousandth of the ln of its own people so that among
/// divisions of one name the more populous wins (Florida, USA before Florida, Uruguay).
fn add_population(s: &mut f64, feature: &str, population: u64) {
    let pop = if feature == "ADM1" {
        *s += 1e-3 * (population as f64 + 1.0).ln();
        (population.saturating_mul(10)).clamp(1, 2_000_000)
    } else {
        population
    };
    *s += (pop as f64 + 1.0).ln();
}

/// Whether an entity may name a place: a place entity or facility, or a name of another kind
/// that names a country, a division, a town of 50,000 people by its main name or an airport
/// by a name with "Airport" ("the US said", "Metcalfe County", "Heathrow Airport"; not
/// "Hamas", an alternate name of Hamm).
fn names_a_place(g: &Gazetteer, e: &Entity, cands: &[(Cand, bool)]) -> bool {
    let org_country = matches!(e.kind, EntityType::Org | EntityType::Misc)
        && cands.iter().any(|&(c, main)| match c {
            Cand::Country(_) => true,
            Cand::Place(i) => {
                let p = &g.places[i];
                p.feature.starts_with("ADM")
                    || main && p.population >= 50_000
                    // an airport by a name with "Airport" ("Heathrow Airport")
                    || p.feature == "AIRP" && e.text.contains("Airport")
            }
            Cand::Region(_) => false,
        });
    matches!(e.kind, EntityType::Gpe | EntityType::Loc | EntityType::Fac) || org_country
}

impl Gazetteer {
    /// The candidates of a name without the small towns abroad that carry it only as an
    /// alternate name (too weak a reading: "South End" is not Great Corn Island, Nicaragua).
    pub(crate) fn strong(&self, cands: &[(Cand, bool)], focus: Option<&str>) -> Vec<(Cand, bool)> {
        // (nor a small town of the focus country known by the name only as an alternate where a
        // bigger town bears it as its main name: "Maryville" is not Beeville, Texas)
        let main_people = cands
            .iter()
            .filter_map(|&(c, main)| match c {
                Cand::Place(i) if main && self.places[i].feature.starts_with("PPL") => {
                    Some(self.places[i].population)
                }
                _ => None,
            })
            .max();
        // the most populous town bearing the name as its own in each country
        let mut main_at_home: Vec<(&str, u64)> = Vec::new();
        for &(c, main) in cands {
            if let (Cand::Place(j), true) = (c, main) {
                let q = &self.places[j];
                if !q.feature.starts_with("PPL") {
                    continue;
                }
                match main_at_home.iter_mut().find(|x| x.0 == q.iso3) {
                    Some(x) => x.1 = x.1.max(q.population),
                    None => main_at_home.push((q.iso3, q.population)),
                }
            }
        }
        cands
            .iter()
            .copied()
            .filter(|&(c, main)| match c {
                Cand::Place(i) if !main => {
                    let p = &self.places[i];
                    let outgrown = main_people.is_some_and(|m| m >= p.population);
                    // (a city's alternate spelling is no reading where a bigger city of its
                    // country bears the name as its own: "Pittsburgh" is not Pittsburg,
                    // California)
                    let outgrown_at_home = main_at_home
                        .iter()
                        .any(|&(iso3, m)| iso3 == p.iso3 && m > p.population);
                    p.feature != "PPL"
                        || p.population >= 50_000 && !outgrown_at_home
                        || focus == Some(p.iso3) && !outgrown
                }
                _ => true,
            })
            .collect()
    }

    /// Whether a candidate is a town (a populated place).
    pub(crate) fn is_town(&self, c: Cand) -> bool {
        matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
    }
}

/// How well a town reads as a name in an article, compared field by field in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TownRank {
    /// in the focus country
    pub home: bool,
    /// the article's other names in its division, up to three
    pub local: usize,
    /// its people
    pub people: u64,
}

impl Gazetteer {
    /// How town `i` reads as `name` in an article (see [`TownRank`]).
    pub(crate) fn town_rank(
        &self,
        name: &str,
        i: usize,
        focus: Option<&str>,
        near: Option<&Coherence>,
    ) -> TownRank {
        let p = &self.places[i];
        let local = near.map_or(0, |n| n.others_in(name, p.iso3, p.admin1).min(3));
        TownRank {
            home: focus == Some(p.iso3),
            local,
            people: p.population,
        }
    }
}
