//! Helpers for the quote modules' tests: entities placed by their text, and the quotes `find`
//! returns with the bundled word lists (loaded once).

use super::find;
use crate::lexicon::Lexicon;
use crate::tokens::{lower_case, sentences, tokenize};
use dateline_core::{Entity, EntityType, Quote, QuoteKind};
use std::sync::LazyLock;

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::with_word_lists);

/// An entity of kind `k` at the first occurrence of `t` in `body`.
pub(super) fn ent(body: &str, t: &str, k: EntityType) -> Entity {
    let s = body.find(t).expect("the entity's text is in the body");
    Entity {
        start: s,
        end: s + t.len(),
        text: t.into(),
        kind: k,
        canonical: Some(t.into()),
        source: None,
    }
}

/// Persons at the first occurrence of each name.
pub(super) fn persons(body: &str, names: &[&str]) -> Vec<Entity> {
    let mut v: Vec<Entity> = names
        .iter()
        .map(|n| ent(body, n, EntityType::Person))
        .collect();
    v.sort_by_key(|e| e.start);
    v
}

/// Every quote `find` returns for `body`.
pub(super) fn all(body: &str, ents: &[Entity]) -> Vec<Quote> {
    let t = tokenize(body);
    let ss = sentences(body, &t);
    find(body, &t, &lower_case(body, &t), &ss, ents, &LEX)
}

/// The direct quotes of `body`.
pub(super) fn direct(body: &str, ents: &[Entity]) -> Vec<Quote> {
    all(body, ents)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect()
}

/// The speakers' words of the direct quotes of `body` ("?" for none).
pub(super) fn speakers(body: &str, ents: &[Entity]) -> Vec<String> {
    direct(body, ents)
        .iter()
        .map(|q| {
            q.speaker
                .as_ref()
                .map_or("?", |s| s.text.as_str())
                .to_string()
        })
        .collect()
}

/// The speaker's words of the first direct quote of `body` ("" for no quote, "?" for none).
pub(super) fn first_speaker(body: &str, ents: &[Entity]) -> String {
    speakers(body, ents).into_iter().next().unwrap_or_default()
}
