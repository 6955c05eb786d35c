//! Resolution of an article's toponyms: the per-article state and the sequence of stages.
//!
//! [`Gazetteer::resolve_all`] runs, in order:
//! 1. the tagger's entities corrected ([`crate::retag`]): people that are places,
//!    datelines, saints' dedications, names cut short;
//! 2. what the article says as a whole ([`Resolver::new`]): its focus country
//!    ([`crate::focus`]), the countries it names, its names qualified once and its towns'
//!    short forms ([`crate::sense`]), the points its names could stand for
//!    ([`crate::neighbours`]), the US counties it names ([`crate::county`]), the names that
//!    act as governments ([`crate::metonymy`]);
//! 3. each place entity read in two passes, the second with the first's coherence
//!    ([`crate::score`]);
//! 4. places the tagger did not give as place entities: divisions after a comma and
//!    abbreviations ([`crate::abbreviations`]), places inside organisations' names
//!    ([`crate::org_names`], [`crate::compounds`]), legislators' homes ([`crate::party`]),
//!    demonyms ([`crate::demonyms`]);
//! 5. words that name no place dropped: a lone generic word of `generic-words.txt` ("City"
//!    of "City Council", "Central" of "Central High", a town's quarter by its direction,
//!    "North Side", "West End", which is no namesake district abroad) and a word for a body
//!    of water before "of" ("Gulf" of "the Gulf of Tonkin" the tagger cut short is not the
//!    Persian Gulf); metonymy flagged ([`crate::metonymy`]); and a name read inside an
//!    organisation's name given the article's own reading ([`crate::sense`]).

use crate::coherence::Coherence;
use crate::county::CountySpot;
use crate::explain::rule;
use crate::metonymy::{self, acting};
use crate::neighbours::Neighbours;
use crate::qualifiers::Qualifier;
use crate::sense;
use crate::words;
use crate::Gazetteer;
use dateline_core::{Entity, EntityType, Place};
use std::collections::{HashMap, HashSet};

/// What the stages of resolution know of one article.
pub(crate) struct Resolver<'g, 'a> {
    pub g: &'g Gazetteer,
    pub body: &'a str,
    /// the article's entities as corrected ([`crate::retag`]), sorted by span
    pub entities: &'a [Entity],
    /// coherence weights (division, country)
    pub weights: (f64, f64),
    /// where each place name of the article could be: a candidate with other names of the
    /// article near it is likelier (London, Ontario among St. Thomas and Middlesex), and a
    /// county of several states is the one holding one of the article's towns
    pub neighbours: Neighbours,
    /// the US counties the article names (also inside organisations' names): a town within
    /// reach of one is read in its state
    pub county_spots: Vec<CountySpot<'g>>,
    /// the names that act as governments somewhere in the article ("Moscow said")
    pub acting_names: HashSet<&'a str>,
    /// the article's focus country (ISO3)
    pub focus: Option<String>,
    /// divisions read inside organisations' names, lending coherence
    pub org_divisions: Vec<Place>,
    /// the countries the article names by their names
    pub named_countries: Vec<&'g str>,
    /// the countries the article names by names no division or town bears
    pub plain_countries: Vec<&'g str>,
    /// the countries whose people the article names
    pub people_named: Vec<&'g str>,
    /// names qualified once, by [`sense::sense_key`]
    pub qualified: HashMap<String, Qualifier>,
    /// towns named in full whose first part stands for them later
    pub short_forms: HashMap<String, usize>,
    /// the first pass's coherence, once it has run
    pub near: Option<Coherence>,
    /// no coherence at all, for the first pass's counties of one state
    pub no_coherence: Coherence,
}

impl<'g, 'a> Resolver<'g, 'a> {
    /// Stage 2: what the article says as a whole, before any name is read.
    pub(crate) fn new(
        g: &'g Gazetteer,
        body: &'a str,
        entities: &'a [Entity],
        weights: (f64, f64),
        outlet_country: Option<&str>,
    ) -> Resolver<'g, 'a> {
        let focus = g.focus(entities, outlet_country);
        Resolver {
            g,
            body,
            entities,
            weights,
            neighbours: Neighbours::of(g, body, entities),
            county_spots: g.county_spots(entities),
            acting_names: entities
                .iter()
                .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
                .filter(|e| acting(body, e.start, e.end))
                .map(|e| e.text.as_str())
                .collect(),
            focus: focus.country,
            org_divisions: focus.org_divisions,
            named_countries: g.named_countries(entities),
            plain_countries: g.plain_countries(entities),
            people_named: g.people_named(entities),
            qualified: g.qualified_once(body, entities),
            short_forms: g.short_forms(entities),
            near: None,
            no_coherence: Coherence::of([], weights),
        }
    }

    /// The article's focus country.
    pub(crate) fn focus(&self) -> Option<&str> {
        self.focus.as_deref()
    }

    /// Stage 3: each entity read twice; the second pass reads the first's choices for the
    /// article's other places (CLIFF-style coherence: "Paris" among Texas towns is Paris,
    /// Texas).
    fn read_in_two_passes(&mut self) -> Vec<Place> {
        self.read_first_pass();
        self.entities.iter().filter_map(|e| self.read(e)).collect()
    }

    /// The first pass of stage 3, whose choices the second reads as coherence.
    pub(crate) fn read_first_pass(&mut self) {
        let first: Vec<Place> = self.entities.iter().filter_map(|e| self.read(e)).collect();
        self.near = Some(Coherence::of(
            first.iter().chain(&self.org_divisions),
            self.weights,
        ));
    }
}

impl Gazetteer {
    /// The places of an article: the stages of the module notes, in order.
    pub(crate) fn resolve_all(
        &self,
        body: &str,
        entities: &[Entity],
        weights: (f64, f64),
        outlet_country: Option<&str>,
    ) -> Vec<Place> {
        let entities = self.corrected(body, entities);
        let mut r = Resolver::new(self, body, &entities, weights, outlet_country);
        let mut out = r.read_in_two_passes();
        r.add_divisions_after_commas(&mut out);
        r.add_places_in_organisations(&mut out);
        r.add_abbreviations_left_out(&mut out);
        r.add_party_homes(&mut out);
        r.add_demonyms(&mut out);
        drop_words_naming_no_place(&mut out, body);
        out.sort_by_key(|p| (p.start, p.end));
        metonymy::flag(&mut out, body);
        sense::one_place_per_name(&mut out);
        out
    }
}

/// A lone word for a direction or a kind of place names no place ("City" of "City Council",
/// "Central" of "Central High"), nor a word for a body of water before "of" ("Gulf" of "the
/// Gulf of Tonkin" the tagger cut short is not the Persian Gulf).
fn drop_words_naming_no_place(out: &mut Vec<Place>, body: &str) {
    out.retain(|p| names_no_place(p, body).is_none());
}

/// Whether the text after a place's name (`after`) makes the name part of a disease's name:
/// one space, then a word of [`words::DISEASE_HEADS`] ("Hong Kong flu", "Reston ebolavirus").
fn names_a_disease(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    words::DISEASE_HEADS.contains(&word.as_str())
}

/// The rule by which a place read from a word names no place after all (see
/// [`drop_words_naming_no_place`]), if one does.
pub(crate) fn names_no_place(p: &Place, body: &str) -> Option<&'static str> {
    if words::GENERIC.contains(&p.text.to_lowercase()) {
        Some(rule::GENERIC_WORD)
    } else if words::WATERS.contains(&p.text.as_str()) && body[p.end..].starts_with(" of ") {
        Some(rule::WATER_BEFORE_OF)
    } else if dateline_core::currency::is_currency_prefix(&p.text, body.get(p.end..).unwrap_or(""))
    {
        Some(rule::CURRENCY_PREFIX)
    } else if names_a_disease(body.get(p.end..).unwrap_or("")) {
        Some(rule::DISEASE_NAME)
    } else {
        None
    }
}

#[cfg(test)]
mod disease_tests {
    use super::names_a_disease;

    #[test]
    fn a_place_before_a_word_for_an_illness_begins_its_name() {
        for after in [
            " flu outbreak",
            " virus cases",
            " Fever spread",
            " disease.",
        ] {
            assert!(names_a_disease(after), "{after}");
        }
        for after in [" officials said", "flu", ", virus", " viral load"] {
            assert!(!names_a_disease(after), "{after}");
        }
    }
}
