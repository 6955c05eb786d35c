//! Datelines: the place names in capitals that open a story ("HAMILTON —").
//!
//! Heuristics:
//! - One to four words in capitals (letters, full stops, apostrophes, hyphens) opening the
//!   text, a line or a sentence, before a dash, a bracket or a comma, that are a town's or
//!   first-level division's main name (or a county by its abbreviation, "PLYMOUTH CO. —"),
//!   become place entities before resolution, where the tagger missed them or called them
//!   something else ("Budget passes. DANIELSVILLE - Madison County commissioners voted").
//!   They replace tagged entities starting where they start; an entity running into one
//!   from before keeps it from being a dateline; a generic word (`generic-words.txt`) is none.
//! - A dateline standing alone (no qualifier after it) is the capital, or a city of a million
//!   people, of the article's country where the name has one, or a capital whose country the
//!   article names: wire services date only such cities without their state (see
//!   [`crate::score`]).

use crate::county::county_of_abbreviation;
use crate::index::Cand;
use crate::words;
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, EntityType};

impl Gazetteer {
    /// Datelines: one to four words in capitals opening the text, a line or a sentence, before a
    /// dash, a bracket or a comma, that are a town's or division's main name, as place
    /// entities: they replace tagged entities starting where they start ("HAMILTON — Staring"),
    /// and an entity running into one from before keeps it from being a dateline.
    pub(crate) fn datelines(&self, body: &str, entities: &[Entity]) -> Vec<Entity> {
        let mut out = Vec::new();
        let bytes = body.as_bytes();
        for (at, _) in body.char_indices() {
            let opens = at == 0
                || bytes[at - 1] == b'\n'
                || at >= 2 && bytes[at - 1] == b' ' && matches!(bytes[at - 2], b'.' | b'\n');
            if !opens || !bytes[at].is_ascii_uppercase() {
                continue;
            }
            // the capitals: letters, full stops, apostrophes, hyphens; up to four words
            let rest = &body[at..];
            let mut end = 0;
            let mut words = 0;
            for w in rest.split(' ') {
                let caps = w.len() >= 2
                    && w.chars().any(|c| c.is_ascii_uppercase())
                    && w.chars()
                        .all(|c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '-'));
                if !caps || words == 4 {
                    break;
                }
                words += 1;
                end += w.len() + 1;
            }
            if words == 0 {
                continue;
            }
            let mut name = rest[..end - 1].trim_end_matches([',', '.']);
            // ("PLYMOUTH CO. —": a county by its abbreviation, full stop kept)
            let county = county_of_abbreviation(name)
                .is_some_and(|c| self.counties.contains_key(&norm_key(&c)));
            if county && rest[name.len()..].starts_with('.') {
                name = &rest[..name.len() + 1];
            }
            let name_end = at + name.len();
            let town = county
                || self.lookup(name).iter().any(|&(c, main)| {
                    main && matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL")
                        || self.places[i].feature == "ADM1")
                });
            // (entities are sorted by start: the few starting before the name's end)
            let k = entities.partition_point(|e| e.start < name_end);
            let clash = entities[..k]
                .iter()
                .rev()
                .take(8)
                .any(|e| e.start < at && e.end > at);
            if !is_dateline(body, at, name_end)
                || name.len() < 3
                || !town
                || clash
                || words::GENERIC.contains(&name.to_lowercase())
            {
                continue;
            }
            out.push(Entity {
                start: at,
                end: name_end,
                text: name.to_string(),
                kind: EntityType::Gpe,
                canonical: None,
                source: Some("rule:dateline".into()),
            });
        }
        out
    }
}

/// Whether the name at `start..end` is a dateline: in capitals, opening the text or a line,
/// followed by a dash, a bracket or a comma.
pub(crate) fn is_dateline(body: &str, start: usize, end: usize) -> bool {
    let name = &body[start..end];
    let before = body[..start].trim_end_matches([' ', '\t']);
    let opens = before.chars().next_back().is_none_or(|c| c == '\n')
        || before.ends_with('.') && body[..start].ends_with(' ');
    let after = body[end..].trim_start_matches(' ');
    opens
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(char::is_lowercase)
        && ["—", "–", "-", "(", ","]
            .iter()
            .any(|m| after.starts_with(m))
}
