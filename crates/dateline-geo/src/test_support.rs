//! Helpers of the tests: the bundled gazetteer loaded once, entities made from a text, and
//! short views of resolved places.

use crate::data;
use crate::gazetteer::bundled_file;
use crate::Gazetteer;
use dateline_core::{Entity, EntityType, Place, Via};
use std::sync::LazyLock;

/// The bundled gazetteer, loaded once for all tests.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: LazyLock<Gazetteer> =
        LazyLock::new(|| Gazetteer::bundled().expect("the bundled gazetteer loads"));
    &G
}

/// How a place's `via` reads in the JSON output.
pub(crate) fn via(p: &Place) -> Option<&'static str> {
    p.via.map(|v| match v {
        Via::Demonym => "demonym",
        Via::Organisation => "organisation",
        Via::Metonymy => "metonymy",
    })
}

pub(crate) fn bundled_tables() -> data::Tables {
    data::tables(bundled_file).unwrap()
}

/// The places' spans in `body`, each with two of its fields.
pub(crate) fn spans<'a>(
    body: &'a str,
    ps: &'a [Place],
    f: impl Fn(&'a Place) -> (Option<&'a str>, Option<&'a str>),
) -> Vec<(&'a str, Option<&'a str>, Option<&'a str>)> {
    ps.iter()
        .map(|p| {
            let (a, b) = f(p);
            (&body[p.start..p.end], a, b)
        })
        .collect()
}

/// The `n`th occurrence of `t` in `body` as an entity of kind `k`.
pub(crate) fn ent_nth(body: &str, t: &str, n: usize, k: EntityType) -> Entity {
    let s = body.match_indices(t).nth(n).unwrap().0;
    Entity {
        start: s,
        end: s + t.len(),
        text: t.into(),
        kind: k,
        canonical: None,
        source: None,
    }
}

/// Places (`GPE`) at the first mention of each name.
pub(crate) fn gpes(body: &str, names: &[&str]) -> Vec<Entity> {
    names
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect()
}

/// The country of the place read from `which` when `names` are the body's places (`GPE`).
pub(crate) fn country_of(body: &str, names: &[&str], which: &str) -> Option<String> {
    gazetteer()
        .resolve(body, &gpes(body, names))
        .into_iter()
        .find(|p| p.text == which)
        .and_then(|p| p.country)
}

/// (country, first-level division) of the place read from `name`.
pub(crate) fn at(ps: &[Place], name: &str) -> Option<(Option<String>, Option<String>)> {
    ps.iter()
        .find(|p| p.text == name)
        .map(|p| (p.country.clone(), p.admin1.clone()))
}

/// The (country, division) of a US state.
pub(crate) fn us(st: &str) -> Option<(Option<String>, Option<String>)> {
    Some((Some("USA".to_string()), Some(st.to_string())))
}

/// The first occurrence of `t` in `body` as an entity of kind `k`.
pub(crate) fn ent(body: &str, t: &str, k: EntityType) -> Entity {
    let s = body.find(t).unwrap();
    Entity {
        start: s,
        end: s + t.len(),
        text: t.into(),
        kind: k,
        canonical: None,
        source: None,
    }
}
