//! Gazetteer and toponym resolution: the `geo` stage.
//!
//! [`Gazetteer`] loads the bundled gazetteer ([`gazetteer`](crate::gazetteer) tells what it
//! holds) and resolves the GPE, LOC and FAC entities of an article, and the places the
//! tagger missed or typed otherwise, to gazetteer records ([`Place`]s). Resolution picks,
//! for each name, among the candidates with that name, by population (log), the article's
//! focus country, qualifiers next to the name ("Paris, Texas"), main-versus-alternate names,
//! and, in a second pass, coherence with the other places the first pass found.
//!
//! The rule catalogue lives in the module that implements each rule; resolution runs the
//! stages listed in `resolve`:
//! - `gazetteer`: the tables, name lookup and keys, the outlet's country by its web address;
//! - `retag`, `misread`, `datelines`, `saints`: the tagger's entities corrected first;
//! - `focus`: the article's focus country and the countries it names;
//! - `sense`: one sense per discourse (qualified once, short forms, one place per name);
//! - `score`: one entity's candidates narrowed and scored, villages, capitals, datelines;
//! - `qualifiers`: "Alexandria, Va.", landmarks after a possessive;
//! - `coherence`, `neighbours`: the article's other places in the candidate's division and
//!   within 30 km of it;
//! - `county`: US counties;
//! - `abbreviations`: press abbreviations, divisions after a comma, acronyms left out;
//! - `org_names`, `compounds`: places inside organisations' names and hyphenated words;
//! - `party`: legislators' homes in party tags;
//! - `demonyms`: adjectives and peoples of countries, divisions and regions;
//! - `metonymy`: states acting as governments, seats of government as institutions;
//! - `words`: the word lists (`data/geo/*.txt`) the rules read.
//!
//! Places with a `via` ([`dateline_core::Via`]: demonym, organisation, metonymy) never place
//! an event.

use dateline_core::{Entity, Place};

mod abbreviations;
mod coherence;
mod compounds;
mod county;
pub mod data;
mod datelines;
mod demonyms;
mod error;
mod explain;
mod focus;
mod gazetteer;
pub mod index;
mod metonymy;
mod misread;
mod neighbours;
mod org_names;
mod party;
mod qualifiers;
mod resolve;
mod retag;
mod saints;
mod score;
mod sense;
mod text;
mod words;

/// The key functions [`index`] uses, shared with the build script (which compiles the same
/// files from dateline-core).
mod keyfns {
    pub use dateline_core::hash::{fnv1a, FNV_OFFSET};
    pub use dateline_core::norm_key_folded_into;
}
/// The word-list reader `data.rs` uses (build.rs includes dateline-core's file itself).
mod wordlist {
    pub use dateline_core::words::entries;
}
/// The table reader `data.rs` uses (build.rs uses dateline-text's).
use dateline_core::tsv;

pub use coherence::COHERENCE;
pub use data::{Country, GeoRecord};
pub use error::{GeoError, LineProblem};
pub use explain::rule;
pub use gazetteer::Gazetteer;
pub use index::{key_hash, Cand, NameIndex};

impl Gazetteer {
    /// Toponyms of an article resolved to gazetteer records (see the module notes), with the
    /// default coherence weights.
    pub fn resolve(&self, body: &str, entities: &[Entity]) -> Vec<Place> {
        self.resolve_all(body, entities, COHERENCE, None)
    }

    /// [`Gazetteer::resolve`] for an article from an outlet of a known country (ISO3, e.g.
    /// from [`Gazetteer::country_of_url`]): the outlet's country counts as one mention of it
    /// when the article's focus is decided, and wins a tie.
    pub fn resolve_for_outlet(
        &self,
        body: &str,
        entities: &[Entity],
        outlet_country: Option<&str>,
    ) -> Vec<Place> {
        self.resolve_all(body, entities, COHERENCE, outlet_country)
    }

    /// [`Gazetteer::resolve`] with explicit coherence weights (per other name of the article in
    /// the candidate's division, in its country), for measuring them.
    pub fn resolve_with(&self, body: &str, entities: &[Entity], weights: (f64, f64)) -> Vec<Place> {
        self.resolve_all(body, entities, weights, None)
    }
}

#[cfg(test)]
mod test_support;
