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
//!   name, or where the name is qualified (after a comma, or once elsewhere in the article)
//!   in the village's country and division, is the village's short form, another name of the
//!   article could be a town near it, or the article's other places are in its division
//!   (Churchill among Manitoba towns). Where the name is a country's, or by its main name a
//!   first-level division's or capital's of 100,000 people or more (or of unknown people),
//!   only a qualifier or a short form will do ("Washington" among Oklahoma towns is still
//!   the capital; the parishes of Saint George leave St. George, Kansas, to a Kansas story).
//!
//! Scores (the best wins; ties go to countries, then regions, then places, in table order):
//! - a country 100; a region 60; a place 0. A foreign country's name in an article about
//!   another country scores 0 where a division or a town of 50,000 of the focus country has
//!   the name ("Georgia" in a story from Atlanta), unless the article names that country's
//!   people; a country's name scores -50 where a US town of that name stands among the
//!   article's other places of its division, or within reach of a county the article names
//!   (Lebanon beside "deputies of Boone County"), unless the story names other countries
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
use crate::explain::{rule, Why};
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
        self.read_why(e, &mut Why::default())
    }

    /// [`Resolver::read`], noting in `why` the rule that decided (and, where `why` asks,
    /// the candidates' scores).
    pub(crate) fn read_why(&self, e: &Entity, why: &mut Why) -> Option<Place> {
        if let Some(county) = self.read_county(e) {
            why.rule = if county.is_some() {
                rule::US_COUNTY
            } else {
                rule::COUNTY_STATE_UNKNOWN
            };
            return county;
        }
        if let Some(p) = self.read_press_abbreviation(e) {
            why.rule = rule::PRESS_ABBREVIATION;
            return Some(p);
        }
        let g = self.g;
        let cands = g.lookup(&e.text);
        if !names_a_place(g, e, cands) {
            why.rule = rule::NOT_A_PLACE_ENTITY;
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
            why.rule = rule::BARE_COUNTY;
            return Some(p);
        }
        let short_of = self.short_forms.get(&e.text.to_lowercase()).copied();
        let known = !cands.is_empty();
        let cands = self.narrowed(e, cands, short_of);
        if cands.is_empty() {
            why.rule = if known {
                rule::WEAK_READINGS_ONLY
            } else {
                rule::NOT_IN_GAZETTEER
            };
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
            why.rule = rule::UNSUPPORTED_VILLAGES;
            return None;
        }
        let best = self.best(e, &cands, &clues, why.scores.as_mut())?;
        why.rule = rule::BEST_SCORE;
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
    fn best(
        &self,
        e: &Entity,
        cands: &[(Cand, bool)],
        clues: &Clues,
        scores: Option<&mut Vec<(Cand, bool, f64)>>,
    ) -> Option<Cand> {
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
        if let Some(scores) = scores {
            scores.extend(
                cands
                    .iter()
                    .map(|&(c, main)| (c, main, self.score(&mention, c, main))),
            );
        }
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
        // or within reach of a county the article names (Lebanon beside
        // "deputies of Boone County")
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

#[cfg(test)]
mod tests {
    use crate::index::Cand;
    use crate::test_support::*;
    use crate::text::km;
    use dateline_core::Entity;
    use dateline_core::EntityType;
    use dateline_core::Place;

    /// but a village named like a foreign country is no reason to leave the country:
    /// Russia in a Texas story is Russia, not the village in Ohio
    #[test]
    fn village_named_like_a_foreign_country_is_no_reason_to_leave_the() {
        let g = gazetteer();
        let body = "Austin and College Station in Texas sent students to Russia.";
        let ents = vec![
            ent(body, "Austin", EntityType::Gpe),
            ent(body, "College Station", EntityType::Gpe),
            ent(body, "Texas", EntityType::Gpe),
            ent(body, "Russia", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let russia = ps.iter().find(|p| p.text == "Russia").unwrap();
        assert_eq!(russia.feature.as_deref(), Some("PCLI"), "{russia:?}");
    }

    /// a parish of Antigua of 3,700 people is no match for Minnesota's capital
    #[test]
    fn parish_of_antigua_of_3_700_people_is_no_match_for_minnesota() {
        let g = gazetteer();
        let body = "The team flew home to St. Paul on Sunday.";
        let ps = g.resolve(body, &gpes(body, &["St. Paul"]));
        assert_eq!(at(&ps, "St. Paul"), us("MN"), "{ps:?}");
    }

    /// a town with no namesake opening an organisation's name lends its state: Amherst,
    /// Massachusetts, beside the Belchertown State School
    #[test]
    fn town_with_no_namesake_opening_an_organisation_name_lends_its() {
        let g = gazetteer();
        let body = "Amherst voters rejected the plan. Land of the former Belchertown State \
                    School was offered, and Amherst officials will meet again.";
        let mut ents = gpes(body, &["Amherst"]);
        ents.push(ent(body, "Belchertown State School", EntityType::Org));
        let ps = g.resolve(body, &ents);
        assert_eq!(at(&ps, "Amherst"), us("MA"), "{ps:?}");
    }

    /// A town's name opening a firm's name of partners ("Stevens & Wilkinson") lends the
    /// article no division.
    #[test]
    fn a_partner_name_opening_a_firm_lends_no_division() {
        let g = gazetteer();
        let body = "Columbia owes Stevens & Wilkinson money, a judge ruled. The firm is based in \
                    Columbia, S.C.";
        let mut ents = gpes(body, &["Columbia"]);
        ents.push(ent(body, "Stevens & Wilkinson", EntityType::Org));
        let ps = g.resolve(body, &ents);
        assert!(
            ps.iter()
                .filter(|p| p.text == "Columbia")
                .all(|p| p.admin1.as_deref() == Some("SC")),
            "{ps:?}"
        );
    }

    /// a Texas story that names countries abroad names China and Italy as countries
    #[test]
    fn texas_story_that_names_countries_abroad_names_china_and_italy_as() {
        let g = gazetteer();
        let country_of = |ps: &[Place], name: &str| {
            ps.iter()
                .find(|p| p.text == name)
                .and_then(|p| p.country.clone())
        };
        let body = "Farmers in Gainesville, Texas, and Denton, Texas, sell beef to Japan, Russia \
                    and China; buyers from Italy came too.";
        let ents: Vec<Entity> = ["Gainesville", "Texas", "Denton", "Japan", "Russia", "China"]
            .iter()
            .chain(&["Italy"])
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        assert_eq!(country_of(&ps, "China").as_deref(), Some("CHN"), "{ps:?}");
        assert_eq!(country_of(&ps, "Italy").as_deref(), Some("ITA"), "{ps:?}");
    }

    /// and a story that names a country's people names the country
    #[test]
    fn story_that_names_a_country_people_names_the_country() {
        let g = gazetteer();
        let country_of = |ps: &[Place], name: &str| {
            ps.iter()
                .find(|p| p.text == name)
                .and_then(|p| p.country.clone())
        };
        let body =
            "Doctors from Bethel Park, Pennsylvania, flew to Egypt. Egyptians welcomed them.";
        let mut ents: Vec<Entity> = ["Bethel Park", "Pennsylvania", "Egypt"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        ents.push(ent(body, "Egyptians", EntityType::Misc));
        let ps = g.resolve(body, &ents);
        assert_eq!(country_of(&ps, "Egypt").as_deref(), Some("EGY"), "{ps:?}");
    }

    /// a party "of Georgia" in a story from Tbilisi is of the country
    #[test]
    fn party_of_georgia_in_a_story_from_tbilisi_is_of_the_country() {
        let g = gazetteer();
        let country_of = |ps: &[Place], name: &str| {
            ps.iter()
                .find(|p| p.text == name)
                .and_then(|p| p.country.clone())
        };
        let body = "Police in Tbilisi and Batumi arrested activists of the Movement for United \
                    Georgia.";
        let ents = vec![
            ent(body, "Tbilisi", EntityType::Gpe),
            ent(body, "Batumi", EntityType::Gpe),
            ent(body, "Movement for United Georgia", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(country_of(&ps, "Georgia").as_deref(), Some("GEO"), "{ps:?}");
    }

    /// bodies of water by their full names; a bare "Gulf" before "of" is no Persian Gulf
    #[test]
    fn bodies_of_water_by_their_full_names_a_bare_gulf_before_of_is_no() {
        let g = gazetteer();
        let body = "The storm crossed the Gulf of Alaska, then the North Atlantic. Boats left \
                    the Gulf of Tonkin.";
        let ents = vec![
            ent(body, "Gulf of Alaska", EntityType::Loc),
            ent(body, "North Atlantic", EntityType::Loc),
            ent(body, "Gulf", EntityType::Loc),
            ent(body, "Tonkin", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let feature = |name: &str| {
            ps.iter()
                .find(|p| p.text == name)
                .and_then(|p| p.feature.clone())
        };
        assert_eq!(feature("Gulf of Alaska").as_deref(), Some("GULF"), "{ps:?}");
        assert_eq!(feature("North Atlantic").as_deref(), Some("OCN"), "{ps:?}");
        assert_eq!(feature("Gulf"), None, "{ps:?}");
    }

    /// an ocean opening an organisation's name is no town of Iowa
    #[test]
    fn an_ocean_opening_an_organisation_name_is_no_town_of_iowa() {
        let g = gazetteer();
        let body = "The North Atlantic Fishing Council met in Boston.";
        let ents = vec![
            ent(body, "North Atlantic Fishing Council", EntityType::Org),
            ent(body, "Boston", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert!(ps.iter().all(|p| p.text != "Atlantic"), "{ps:?}");
    }

    /// a town's quarter named by its direction is no district abroad
    #[test]
    fn town_quarter_named_by_its_direction_is_no_district_abroad() {
        let g = gazetteer();
        let body = "Crime fell on the North Side of Pittsburgh.";
        let ents = vec![
            ent(body, "North Side", EntityType::Gpe),
            ent(body, "Pittsburgh", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert!(ps.iter().all(|p| p.text != "North Side"), "{ps:?}");
    }

    /// a city's own name before another city's alternate spelling, whatever the state the
    /// story's other places stand in
    #[test]
    fn city_own_name_before_another_city_alternate_spelling_whatever() {
        let g = gazetteer();
        let body = "Guardsmen from Fresno, Calif., and Pittsburgh served in California units.";
        let ents: Vec<Entity> = ["Fresno", "Calif", "Pittsburgh", "California"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        assert_eq!(at(&ps, "Pittsburgh"), us("PA"), "{ps:?}");
    }

    /// "X City" that only a town elsewhere has as an alternate name may be X's city
    #[test]
    fn x_city_that_only_a_town_elsewhere_has_as_an_alternate_name_may() {
        let g = gazetteer();
        let body = "North Las Vegas and North Las Vegas police met Las Vegas City officials.";
        let ents = vec![
            ent(body, "North Las Vegas", EntityType::Gpe),
            ent(body, "Las Vegas City", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(at(&ps, "Las Vegas City"), us("NV"), "{ps:?}");
    }

    /// no qualifier after a comma in a list of agencies ("…'s Office, the Florida …")
    #[test]
    fn no_qualifier_after_a_comma_in_a_list_of_agencies() {
        let g = gazetteer();
        let body = "Units of the Levy County Sheriff's Office, troopers of the Florida Highway \
                    Patrol and Chiefland's police arrived.";
        let ents = vec![
            ent(body, "Levy County Sheriff's Office", EntityType::Org),
            ent(body, "Florida Highway", EntityType::Gpe),
            ent(body, "Chiefland", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert!(
            ps.iter().all(|p| p.country.as_deref() == Some("USA")),
            "{ps:?}"
        );
        assert!(ps.iter().all(|p| !p.text.starts_with("the ")), "{ps:?}");
    }

    #[test]
    fn acronyms_are_no_towns() {
        let g = gazetteer();
        let body = "BA cancelled flights to the US and the UK, the UN said.";
        let ents: Vec<Entity> = ["BA", "US", "UK", "UN"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref()))
            .collect();
        assert_eq!(got, [("US", Some("USA")), ("UK", Some("GBR"))]);
    }

    #[test]
    fn airports_by_their_names_and_their_towns() {
        let g = gazetteer();
        let airports = g.places.iter().filter(|p| p.feature == "AIRP").count();
        assert!(airports > 5_000, "{airports} airports");
    }

    /// by the bare name in a British story (not Heathrow, Florida), by a name with
    /// "Airport" even where the tagger calls it an organisation, and the town of a name the
    /// bundled list gives with its town ("London Gatwick Airport")
    #[test]
    fn by_the_bare_name_in_a_british_story_by_a_name_with_airport_even() {
        let g = gazetteer();
        let body = "Strikes in London hit Heathrow. Flights left Pearson International Airport \
                    late, and Gatwick Airport closed.";
        let ents = vec![
            ent(body, "London", EntityType::Gpe),
            ent(body, "Heathrow", EntityType::Gpe),
            ent(body, "Pearson International Airport", EntityType::Org),
            ent(body, "Gatwick Airport", EntityType::Fac),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>, Option<&str>)> =
            spans(body, &ps, |p| (p.country.as_deref(), p.feature.as_deref()));
        assert_eq!(
            got,
            vec![
                ("London", Some("GBR"), Some("PPLC")),
                ("Heathrow", Some("GBR"), Some("AIRP")),
                ("Pearson International Airport", Some("CAN"), Some("AIRP")),
                ("Gatwick Airport", Some("GBR"), Some("AIRP")),
            ]
        );
        let heathrow = &ps[1];
        assert!(
            km(heathrow.lat, heathrow.lon, 51.47, -0.45) < 5.0,
            "{heathrow:?}"
        );
        assert_eq!(heathrow.geonameid, None);
        // a bare airport name is no reading for a word of another kind ("Provence" is the
        // region's, "Ford" no airport's)
        for word in ["Ford", "Provence", "House"] {
            assert!(
                g.lookup(word).iter().all(|&(c, _)| !matches!(c,
                    Cand::Place(i) if g.places[i].feature == "AIRP")),
                "{word}"
            );
        }
    }

    /// Churchill, Manitoba (under 1,000 people) among Manitoba towns; alone, the bigger
    /// Churchill
    #[test]
    fn churchill_manitoba_among_manitoba_towns_alone_the_bigger() {
        let g = gazetteer();
        let body = "Polar bears left Churchill for Winnipeg and Thompson.";
        let ents = vec![
            ent(body, "Churchill", EntityType::Gpe),
            ent(body, "Winnipeg", EntityType::Gpe),
            ent(body, "Thompson", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let churchill = &ps[0];
        assert_eq!(
            (churchill.country.as_deref(), churchill.admin1.as_deref()),
            (Some("CAN"), Some("03")),
            "{churchill:?}"
        );
        let body = "Polar bears left Churchill on Monday.";
        let ps = g.resolve(body, &[ent(body, "Churchill", EntityType::Gpe)]);
        assert_ne!(ps[0].country.as_deref(), Some("CAN"), "{:?}", ps[0]);
    }

    /// a capital's name takes a village only when qualified: "Washington" among Oklahoma
    /// towns is the capital, not the village near Norman
    #[test]
    fn capital_name_takes_a_village_only_when_qualified_washington() {
        let g = gazetteer();
        let body = "Students from Norman and Moore, Okla., flew to Washington.";
        let ents = vec![
            ent(body, "Norman", EntityType::Gpe),
            ent(body, "Moore", EntityType::Gpe),
            ent(body, "Washington", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let washington = ps.iter().find(|p| p.text == "Washington").unwrap();
        assert_eq!(washington.admin1.as_deref(), Some("DC"), "{washington:?}");
    }

    /// "Maryville" is an alternate name of Beeville, Texas; towns called Maryville elsewhere
    /// in the US bear it as their main name
    #[test]
    fn maryville_is_an_alternate_name_of_beeville_texas_towns_called() {
        let g = gazetteer();
        let body = "Pastors from Maryville met in Houston and Dallas, Texas.";
        let ents: Vec<Entity> = ["Maryville", "Houston", "Dallas", "Texas"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "Maryville").unwrap();
        assert_eq!(town.name, "Maryville", "{town:?}");
    }

    /// but no village named like a common word elsewhere
    #[test]
    fn no_village_named_like_a_common_word_elsewhere() {
        let g = gazetteer();
        let body = "The Springfield Science Museum will open.";
        let ps = g.resolve(
            body,
            &[ent(body, "Springfield Science Museum", EntityType::Org)],
        );
        assert!(ps.is_empty(), "{ps:?}");
    }
}
