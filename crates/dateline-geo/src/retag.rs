//! The tagger's entities corrected before resolution.
//!
//! Heuristics:
//! - "Persons" that are places become place entities (see [`crate::misread`]).
//! - Datelines in capitals become place entities and replace what the tagger found at their
//!   start (see [`crate::datelines`]).
//! - Saints a church is named for are dropped (see [`crate::saints`]).
//! - A place's name the tagger cut before a hyphenated word ("San" + "Jose-based": San Jose,
//!   where the gazetteer has the whole name as a main name, not only a village's) or before
//!   an apostrophe ("St. John" + "'s": St. John's, a town of 1,000 people whose own name has
//!   the apostrophe; "Virginia's" is no Virginias) is read whole.

use crate::index::Cand;
use crate::misread::VILLAGE;
use crate::saints::dedication;
use crate::Gazetteer;
use dateline_core::{Entity, EntityType};
use std::borrow::Cow;
use std::collections::HashSet;

impl Gazetteer {
    /// The article's entities with the corrections of the module notes, sorted by span; the
    /// entities as they are when nothing is to be corrected.
    pub(crate) fn corrected<'a>(&self, body: &str, entities: &'a [Entity]) -> Cow<'a, [Entity]> {
        let misread = self.misread_people(body, entities);
        // datelines in capitals are places, where the tagger missed them or called them
        // something else ("Budget passes. DANIELSVILLE - Madison County commissioners voted")
        let datelines = self.datelines(body, entities);
        // saints a church is named for are no places ("the chapel of St. George and St. Helena")
        let dedicated: Vec<bool> = entities
            .iter()
            .map(|e| {
                matches!(e.kind, EntityType::Gpe | EntityType::Loc)
                    && dedication(body, e.start, e.end)
            })
            .collect();
        let run_on: Vec<Option<usize>> = entities.iter().map(|e| self.run_on(body, e)).collect();
        if !(misread.contains(&true)
            || !datelines.is_empty()
            || dedicated.contains(&true)
            || run_on.iter().any(Option::is_some))
        {
            return Cow::Borrowed(entities);
        }
        let starts: HashSet<usize> = datelines.iter().map(|d| d.start).collect();
        let mut all: Vec<Entity> = entities
            .iter()
            .zip(&misread)
            .zip(&dedicated)
            .zip(&run_on)
            .filter(|((_, &d), _)| !d)
            .map(|((em, _), &r)| (em, r))
            .filter(|((e, _), _)| !starts.contains(&e.start))
            .map(|((e, &m), r)| {
                let end = r.unwrap_or(e.end);
                Entity {
                    kind: if m { EntityType::Gpe } else { e.kind },
                    end,
                    text: body[e.start..end].to_string(),
                    ..e.clone()
                }
            })
            .collect();
        all.extend(datelines);
        all.sort_by_key(|e| (e.start, e.end));
        Cow::Owned(all)
    }

    /// The end of a place's whole name where the tagger cut it before an apostrophe or a
    /// hyphenated word (see the module notes).
    fn run_on(&self, body: &str, e: &Entity) -> Option<usize> {
        if !matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
            return None;
        }
        // ("St. John" + "'s": St. John's, where the gazetteer has the name whole)
        for apostrophe in ["'s", "’s"] {
            if body[e.end..].starts_with(apostrophe) {
                let end = e.end + apostrophe.len();
                let whole = self.lookup(&body[e.start..end]).iter().any(|&(c, main)| {
                    // (a name with its apostrophe: "Virginia's" is no Virginias)
                    main && matches!(c, Cand::Place(i)
                        if self.places[i].population >= VILLAGE
                            && self.places[i].name.contains(['\'', '’']))
                });
                if whole {
                    return Some(end);
                }
            }
        }
        let rest = body[e.end..].strip_prefix(' ')?;
        let word_end = rest.find(|c: char| !c.is_alphabetic())?;
        let word = &rest[..word_end];
        let suffix = rest[word_end..].strip_prefix('-')?;
        if !word.starts_with(char::is_uppercase) || !suffix.starts_with(char::is_lowercase) {
            return None;
        }
        let end = e.end + 1 + word_end;
        let found = self.lookup(&body[e.start..end]).iter().any(|&(c, main)| {
            main && !matches!(c, Cand::Place(i) if self.places[i].population < VILLAGE)
        });
        found.then_some(end)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::EntityType;

    /// a name the tagger cut before its apostrophe is read whole, where a place has it
    /// with the apostrophe
    #[test]
    fn name_the_tagger_cut_before_its_apostrophe_is_read_whole_where_a() {
        let g = gazetteer();
        let body = "He lives in St. John's, the capital of Newfoundland.";
        let ps = g.resolve(body, &gpes(body, &["St. John", "Newfoundland"]));
        assert_eq!(
            at(&ps, "St. John's"),
            Some((Some("CAN".to_string()), Some("05".to_string()))),
            "{ps:?}"
        );
        let body = "Virginia's governor visited.";
        let ps = g.resolve(body, &gpes(body, &["Virginia"]));
        assert_eq!(at(&ps, "Virginia"), us("VA"), "{ps:?}");
    }

    /// a name the tagger cut before "-based"
    #[test]
    fn name_the_tagger_cut_before_based() {
        let g = gazetteer();
        let body = "Three judges of the San Jose-based bench heard the Santa Clara County case.";
        let ents = vec![
            ent(body, "San", EntityType::Gpe),
            ent(body, "Santa Clara County", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(at(&ps, "San Jose"), us("CA"), "{ps:?}");
    }
}
