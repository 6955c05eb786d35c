//! Name coreference inside one article: every mention of a person gets as `canonical` the
//! fullest name the article uses for them ("Assad" -> "Bashar al-Assad"), matched on the last
//! name; other entities keep the lexicon's canonical name, or their own text.

use crate::lexicon::norm_key;
use dateline_core::{Entity, EntityType};
use std::collections::HashMap;

fn last_word(s: &str) -> String {
    let k = norm_key(s);
    k.rsplit(' ').next().unwrap_or("").to_string()
}

/// Fill `canonical` for every entity.
pub fn resolve(entities: &mut [Entity]) {
    // the longest person mention per last name (first seen wins ties)
    let mut full: HashMap<String, String> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityType::Person) {
        let key = last_word(&e.text);
        let cand = e.text.trim().to_string();
        match full.get(&key) {
            Some(old) if old.split_whitespace().count() >= cand.split_whitespace().count() => {}
            _ => {
                full.insert(key, cand);
            }
        }
    }
    // a one-word mention may also be the first name of a full name ("Abiy" -> "Abiy Ahmed")
    // (in order of first mention, so the same article always gives the same answer)
    let mut by_first: HashMap<String, String> = HashMap::new();
    let in_order = entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .filter_map(|e| full.get(&last_word(&e.text)));
    for name in in_order {
        if let Some(f) = name.split_whitespace().next() {
            if name.contains(' ') {
                by_first.entry(norm_key(f)).or_insert_with(|| name.clone());
            }
        }
    }
    for e in entities.iter_mut() {
        if e.kind == EntityType::Person {
            let key = last_word(&e.text);
            let single = !e.text.trim().contains(' ');
            e.canonical = match full.get(&key) {
                Some(n) if n.contains(' ') || !single => Some(n.clone()),
                other => by_first
                    .get(&norm_key(e.text.trim()))
                    .cloned()
                    .or(other.cloned()),
            };
        } else if e.canonical.is_none() {
            let t = e.text.trim_start_matches("the ").trim_start_matches("The ");
            e.canonical = Some(t.to_string());
        }
    }
}

/// The most recent person mention ending before `pos`, for pronouns and descriptions.
pub fn last_person_before(entities: &[Entity], pos: usize) -> Option<&Entity> {
    entities
        .iter()
        .filter(|e| e.kind == EntityType::Person && e.end <= pos)
        .max_by_key(|e| e.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(t: &str, k: EntityType) -> Entity {
        Entity {
            start: 0,
            end: 0,
            text: t.into(),
            kind: k,
            canonical: None,
            source: None,
        }
    }

    #[test]
    fn first_names_resolve_the_same_way_every_time() {
        // two full names share a first name: the first mentioned wins, whatever the hash seed
        for _ in 0..50 {
            let mut es = vec![
                ent("Abiy Ahmed", EntityType::Person),
                ent("Abiy Mohammed", EntityType::Person),
                ent("Abiy", EntityType::Person),
            ];
            resolve(&mut es);
            assert_eq!(es[2].canonical.as_deref(), Some("Abiy Ahmed"));
        }
    }

    #[test]
    fn surnames_take_the_full_name() {
        let mut es = vec![
            ent("Bashar al-Assad", EntityType::Person),
            ent("Assad", EntityType::Person),
            ent("Syria", EntityType::Gpe),
        ];
        resolve(&mut es);
        assert_eq!(es[1].canonical.as_deref(), Some("Bashar al-Assad"));
        assert_eq!(es[2].canonical.as_deref(), Some("Syria"));
    }
}
