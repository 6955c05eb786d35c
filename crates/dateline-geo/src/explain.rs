//! Why each entity of an article was placed or not (`dateline code --explain`): the named
//! rule that decided, and the gazetteer's readings of the name with their scores.
//!
//! Every entity the gazetteer knows a name for, and every place entity, gets a
//! [`PlaceDecision`]: placed by one of the reading rules (`best-score`, `us-county` …), or
//! dropped by one ([`rule`] lists them, docs/explain.md explains them). The decision is
//! read again in the resolver's second pass, with the first pass's coherence, as
//! [`Gazetteer::resolve`] does; what later stages change is named too.

use crate::coherence::COHERENCE;
use crate::index::Cand;
use crate::resolve::{names_no_place, Resolver};
use crate::Gazetteer;
use dateline_core::{Entity, EntityType, Place, PlaceCandidate, PlaceDecision, Via};

/// The rules that decide an entity's place, by the names `--explain` shows.
pub mod rule {
    /// Placed: the best-scoring reading among the name's candidates.
    pub const BEST_SCORE: &str = "best-score";
    /// Placed: a US county, in the state of the article's other places.
    pub const US_COUNTY: &str = "us-county";
    /// Dropped: a US county of several states, none of which the article's places settle.
    pub const COUNTY_STATE_UNKNOWN: &str = "county-state-unknown";
    /// Placed: a county named without "County" in a story of its state.
    pub const BARE_COUNTY: &str = "bare-county";
    /// Placed: a press abbreviation of a US state ("Va.", "Calif.").
    pub const PRESS_ABBREVIATION: &str = "press-abbreviation";
    /// Dropped: the gazetteer has no place of that name.
    pub const NOT_IN_GAZETTEER: &str = "not-in-gazetteer";
    /// Dropped: tagged as a person, organisation or other name, and the name is no country,
    /// division, city of 50,000 people or named airport.
    pub const NOT_A_PLACE_ENTITY: &str = "not-a-place-entity";
    /// Dropped: the name is only an alternate name of small towns abroad, or an acronym
    /// spelling a town's name.
    pub const WEAK_READINGS_ONLY: &str = "weak-readings-only";
    /// Dropped: every reading is a village the article gives no support (no qualifier,
    /// no neighbour, no other place of its country or division).
    pub const UNSUPPORTED_VILLAGES: &str = "unsupported-villages";
    /// Dropped: a word that alone names no place ("City", "Central").
    pub const GENERIC_WORD: &str = "generic-word";
    /// Dropped: a word for a body of water before "of" ("Gulf" of "the Gulf of Tonkin").
    pub const WATER_BEFORE_OF: &str = "water-before-of";
    /// Dropped: letters before a dollar sign name a currency ("US$5", "NZ$12").
    pub const CURRENCY_PREFIX: &str = "currency-prefix";
    /// Dropped: a place's name that begins a disease's name ("Hong Kong flu", "West Nile virus").
    pub const DISEASE_NAME: &str = "disease-name";
    /// Dropped: a saint a church or school is dedicated to ("the chapel of St. George").
    pub const DEDICATION: &str = "dedication";
    /// Placed as the country or region of a people or adjective ("Turkish troops").
    pub const DEMONYM: &str = "demonym";
    /// Placed by a stage after the reading of entities where no entity holds the place (a
    /// division after a comma, an abbreviation).
    pub const LATER_STAGE: &str = "later-stage";
    /// Placed where the same name is placed elsewhere in the article (one name, one place).
    pub const ONE_PLACE_PER_NAME: &str = "one-place-per-name";
    /// Dropped by a stage after the reading of entities.
    pub const DROPPED_LATER: &str = "dropped-later";
    /// Placed: a place named inside an organisation's name ("Kentucky State Police").
    pub const INSIDE_ORGANISATION: &str = "inside-organisation";
    /// Placed: a place named inside a longer name the gazetteer does not hold, read by a
    /// stage after the reading of entities (the longer name has a decision of its own when
    /// it is a place entity or a name the gazetteer knows).
    pub const PART_OF_A_NAME: &str = "part-of-a-name";
}

/// How many candidates a decision lists.
const CANDIDATES_SHOWN: usize = 5;

/// What [`Resolver::read_why`] notes about one entity.
#[derive(Debug, Default)]
pub(crate) struct Why {
    /// The rule that decided ([`rule`]); empty before one has.
    pub rule: &'static str,
    /// The scored candidates, where asked for (`Some`): candidate, by its main name, score.
    pub scores: Option<Vec<(Cand, bool, f64)>>,
}

impl Gazetteer {
    /// Why each entity was placed or not (see the module notes); `outlet_country` as in
    /// [`Gazetteer::resolve_for_outlet`].
    pub fn explain(
        &self,
        body: &str,
        entities: &[Entity],
        outlet_country: Option<&str>,
    ) -> Vec<PlaceDecision> {
        let places = self.resolve_all(body, entities, COHERENCE, outlet_country);
        let corrected = self.corrected(body, entities);
        let mut r = Resolver::new(self, body, &corrected, COHERENCE, outlet_country);
        r.read_first_pass();
        let mut out: Vec<PlaceDecision> = Vec::new();
        for e in corrected.iter() {
            let tagged = entities
                .iter()
                .find(|o| o.start == e.start && o.end == e.end)
                .map_or(e.kind, |o| o.kind);
            let known = !self.lookup(&e.text).is_empty();
            let place_kind = matches!(e.kind, EntityType::Gpe | EntityType::Loc | EntityType::Fac);
            let placed = places.iter().find(|p| p.start == e.start && p.end == e.end);
            if !known && !place_kind && tagged == e.kind && placed.is_none() {
                continue;
            }
            let mut why = Why {
                rule: "",
                scores: Some(Vec::new()),
            };
            let read = r.read_why(e, &mut why);
            let rule = decided_by(&why, read.as_ref(), placed, body);
            out.push(PlaceDecision {
                text: e.text.clone(),
                start: e.start,
                end: e.end,
                entity_type: tagged,
                read_as: (tagged != e.kind).then_some(e.kind),
                outcome: if placed.is_some() {
                    "placed"
                } else {
                    "dropped"
                }
                .to_string(),
                rule: rule.to_string(),
                geonameid: placed.and_then(|p| p.geonameid),
                name: placed.map(|p| p.name.clone()),
                candidates: self.readings_shown(&e.text, why.scores.unwrap_or_default()),
            });
        }
        // entities the corrections took out: saints of dedications
        for e in entities {
            if !corrected.iter().any(|c| c.start == e.start) && !self.lookup(&e.text).is_empty() {
                out.push(PlaceDecision {
                    text: e.text.clone(),
                    start: e.start,
                    end: e.end,
                    entity_type: e.kind,
                    read_as: None,
                    outcome: "dropped".to_string(),
                    rule: rule::DEDICATION.to_string(),
                    geonameid: None,
                    name: None,
                    candidates: self.readings_shown(&e.text, Vec::new()),
                });
            }
        }
        // places whose span is no entity's: inside a longer name, or found by a later stage
        for p in &places {
            if out.iter().any(|d| d.start == p.start && d.end == p.end) {
                continue;
            }
            // the holder as the tagger gave it, and as the place stage read it
            let holds = |e: &&Entity| e.start <= p.start && p.end <= e.end;
            let tagged = entities.iter().find(holds);
            let read = corrected.iter().find(holds);
            let holder = tagged.or(read);
            let rule = match (p.via, holder) {
                (Some(Via::Demonym), _) => rule::DEMONYM,
                (Some(Via::Organisation), _) => rule::INSIDE_ORGANISATION,
                (_, Some(_)) => rule::PART_OF_A_NAME,
                (_, None) => rule::LATER_STAGE,
            };
            out.push(PlaceDecision {
                text: p.text.clone(),
                start: p.start,
                end: p.end,
                // (a place no entity holds was found by the place stage itself: a name)
                entity_type: holder.map_or(EntityType::Gpe, |e| e.kind),
                read_as: read
                    .filter(|r| tagged.is_some_and(|t| t.kind != r.kind))
                    .map(|r| r.kind),
                outcome: "placed".to_string(),
                rule: rule.to_string(),
                geonameid: p.geonameid,
                name: Some(p.name.clone()),
                candidates: self.readings_shown(&p.text, Vec::new()),
            });
        }
        out.sort_by_key(|d| (d.start, d.end));
        out
    }

    /// The readings of a name, best first: by score where scored, else by population.
    fn readings_shown(
        &self,
        name: &str,
        mut scored: Vec<(Cand, bool, f64)>,
    ) -> Vec<PlaceCandidate> {
        if scored.is_empty() {
            scored = self
                .lookup(name)
                .iter()
                .map(|&(c, main)| (c, main, f64::NAN))
                .collect();
            scored.sort_by_key(|&(c, _, _)| std::cmp::Reverse(self.record(c).population));
        } else {
            scored.sort_by(|a, b| b.2.total_cmp(&a.2));
        }
        scored
            .into_iter()
            .take(CANDIDATES_SHOWN)
            .map(|(c, main, score)| {
                let r = self.record(c);
                PlaceCandidate {
                    name: r.name.to_string(),
                    geonameid: r.geonameid,
                    country: (!r.iso3.is_empty()).then(|| r.iso3.to_string()),
                    feature: r.feature.to_string(),
                    population: r.population,
                    main_name: main,
                    // (rounded: the output is for reading, and stays byte-stable)
                    score: (!score.is_nan()).then(|| (score * 1000.0).round() / 1000.0),
                }
            })
            .collect()
    }
}

/// The rule that decided an entity: the reading's, or a later stage's where the final places
/// differ from the reading.
fn decided_by(why: &Why, read: Option<&Place>, placed: Option<&Place>, body: &str) -> &'static str {
    match (read, placed) {
        (Some(r), Some(p)) if r.geonameid != p.geonameid || r.name != p.name => {
            rule::ONE_PLACE_PER_NAME
        }
        (Some(_), Some(_)) => why.rule,
        (None, Some(p)) if p.via == Some(Via::Demonym) => rule::DEMONYM,
        (None, Some(_)) => rule::LATER_STAGE,
        (Some(r), None) => names_no_place(r, body).unwrap_or(rule::DROPPED_LATER),
        (None, None) if why.rule.is_empty() => rule::NOT_IN_GAZETTEER,
        (None, None) => why.rule,
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{ent, ent_nth, gazetteer};
    use dateline_core::{EntityType, PlaceDecision};

    fn decision(ds: &[PlaceDecision], start: usize) -> &PlaceDecision {
        ds.iter()
            .find(|d| d.start == start)
            .unwrap_or_else(|| panic!("no decision at {start}: {ds:?}"))
    }

    #[test]
    fn each_place_like_entity_is_placed_or_dropped_by_a_named_rule() {
        let g = gazetteer();
        let body = "Shelling hit Afrin on Sunday. Residents of Afrin fled toward \
                    Zzyzxqton, said Omar Hasakah, a farmer.";
        let es = vec![
            ent_nth(body, "Afrin", 0, EntityType::Gpe),
            ent_nth(body, "Afrin", 1, EntityType::Person),
            ent(body, "Zzyzxqton", EntityType::Gpe),
            ent(body, "Omar Hasakah", EntityType::Person),
        ];
        let ds = g.explain(body, &es, None);
        let first = decision(&ds, es[0].start);
        assert_eq!(
            (first.outcome.as_str(), first.rule.as_str()),
            ("placed", "best-score")
        );
        assert_eq!(first.candidates[0].country.as_deref(), Some("SYR"));
        assert!(first.candidates[0].score.is_some());
        // the same name tagged a person: not a place entity, its readings still listed
        let second = decision(&ds, es[1].start);
        assert_eq!(second.entity_type, EntityType::Person);
        assert_eq!(
            (second.outcome.as_str(), second.rule.as_str()),
            ("dropped", "not-a-place-entity")
        );
        assert!(!second.candidates.is_empty() && second.candidates[0].score.is_none());
        let unknown = decision(&ds, es[2].start);
        assert_eq!(unknown.rule, "not-in-gazetteer");
        assert!(unknown.candidates.is_empty());
        // a person's name the gazetteer does not hold is no place question
        assert!(ds.iter().all(|d| d.text != "Omar Hasakah"));
    }

    #[test]
    fn explaining_changes_no_place() {
        let g = gazetteer();
        let body = "Troops left Manbij. The City Council of Paris met in Paris, Texas.";
        let es = vec![
            ent(body, "Manbij", EntityType::Gpe),
            ent(body, "City", EntityType::Gpe),
            ent_nth(body, "Paris", 0, EntityType::Gpe),
            ent_nth(body, "Paris", 1, EntityType::Gpe),
            ent(body, "Texas", EntityType::Gpe),
        ];
        let places = g.resolve(body, &es);
        let ds = g.explain(body, &es, None);
        for d in &ds {
            let placed = places.iter().find(|p| p.start == d.start && p.end == d.end);
            assert_eq!(d.outcome == "placed", placed.is_some(), "{d:?}");
            assert_eq!(d.geonameid, placed.and_then(|p| p.geonameid), "{d:?}");
        }
        assert_eq!(decision(&ds, es[1].start).rule, "generic-word");
    }

    #[test]
    fn every_place_has_a_decision_also_one_inside_a_longer_name() {
        let g = gazetteer();
        let body = "Officers of the Kentucky State Police searched a farm near Lexington.";
        let es = vec![
            ent(body, "Kentucky State Police", EntityType::Org),
            ent(body, "Lexington", EntityType::Gpe),
        ];
        let places = g.resolve(body, &es);
        let ds = g.explain(body, &es, None);
        assert!(!places.is_empty());
        for p in &places {
            let d = ds
                .iter()
                .find(|d| d.start == p.start && d.end == p.end)
                .unwrap_or_else(|| panic!("no decision for {p:?}: {ds:?}"));
            assert_eq!(d.outcome, "placed");
            assert_eq!(d.geonameid, p.geonameid);
        }
        let kentucky = ds
            .iter()
            .find(|d| d.text == "Kentucky")
            .expect("Kentucky explained");
        assert_eq!(kentucky.rule, "inside-organisation");
        assert_eq!(kentucky.entity_type, EntityType::Org);
    }
}
