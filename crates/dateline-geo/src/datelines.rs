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

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;
    use std::collections::HashMap;

    /// a wire dateline of a capital whose country the story names, whatever its focus
    #[test]
    fn wire_dateline_of_a_capital_whose_country_the_story_names() {
        let g = gazetteer();
        let body = "WASHINGTON (Reuters) - A former British spy who worked in London for \
                    Britain wrote the U.S. report. British officials in London said so.";
        let mut ents: Vec<Entity> = ["WASHINGTON", "London", "Britain", "U.S."]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        ents.sort_by_key(|e| e.start);
        let ps = g.resolve(body, &ents);
        assert_eq!(
            at(&ps, "WASHINGTON"),
            Some((Some("USA".into()), Some("DC".into()))),
            "{ps:?}"
        );
    }

    /// a county by its abbreviation, in a dateline or tagged as a place
    #[test]
    fn county_by_its_abbreviation_in_a_dateline_or_tagged_as_a_place() {
        let g = gazetteer();
        let body = "PLYMOUTH CO. — Deputies found the car near Le Mars, Iowa, and in Loudon Co.";
        let ents = vec![
            ent(body, "Le Mars", EntityType::Gpe),
            ent(body, "Iowa", EntityType::Gpe),
            ent(body, "Loudon Co.", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let county = ps.iter().find(|p| p.text == "PLYMOUTH CO.").unwrap();
        assert_eq!(
            (
                county.name.as_str(),
                county.admin1.as_deref(),
                county.feature.as_deref()
            ),
            ("Plymouth County", Some("IA"), Some("ADM2")),
            "{ps:?}"
        );
        let loudon = ps.iter().find(|p| p.text == "Loudon Co.").unwrap();
        assert_eq!(loudon.name, "Loudon County", "{ps:?}");
    }

    /// One name, one sense: a town read once, here from a dateline in capitals, is that town
    /// inside an organisation's name too.
    #[test]
    fn a_town_read_from_a_dateline_is_the_town_inside_an_organisation_name() {
        let g = gazetteer();
        let body = "Budget passes. TORRINGTON — The Torrington Senior Center opened.";
        let ps = g.resolve(
            body,
            &[ent(body, "Torrington Senior Center", EntityType::Org)],
        );
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (&body[p.start..p.end], p.admin1.as_deref()))
            .collect();
        assert_eq!(
            got,
            [("TORRINGTON", Some("CT")), ("Torrington", Some("CT"))]
        );
        assert_eq!(ps[1].text, "Torrington");
    }

    /// the capital's namesakes in its country are towns (Washington, Iowa is no capital)
    #[test]
    fn capital_namesakes_in_its_country_are_towns() {
        let g = gazetteer();
        let mut capitals: HashMap<&str, usize> = HashMap::new();
        for p in g.places.iter().filter(|p| p.feature == "PPLC") {
            *capitals.entry(p.iso3).or_default() += 1;
        }
        assert!(capitals.values().all(|&n| n == 1), "{capitals:?}");
    }

    /// a wire dateline standing alone is the capital, whatever the story's state
    #[test]
    fn wire_dateline_standing_alone_is_the_capital_whatever_the_story() {
        let g = gazetteer();
        let body = "WASHINGTON (AP) — Farmers in Iowa asked for help.";
        let ents = vec![
            ent(body, "WASHINGTON", EntityType::Gpe),
            ent(body, "Iowa", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(ps[0].admin1.as_deref(), Some("DC"), "{ps:?}");
    }

    /// but within the sentence the story's state decides
    #[test]
    fn within_the_sentence_the_story_state_decides() {
        let g = gazetteer();
        let body = "Farmers met in Washington, and in Mount Pleasant and Fairfield, Iowa.";
        let ents: Vec<Entity> = ["Washington", "Mount Pleasant", "Fairfield", "Iowa"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        assert_eq!(ps[0].admin1.as_deref(), Some("IA"), "{ps:?}");
    }

    /// a dateline the tagger missed, after a headline, read among the story's places
    #[test]
    fn dateline_the_tagger_missed_after_a_headline_read_among_the_story() {
        let g = gazetteer();
        let body = "Budget passes. MOUNT GILEAD - Morrow County commissioners met in Ohio.";
        let ents = vec![
            ent(body, "Morrow County", EntityType::Org),
            ent(body, "Ohio", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let town = ps.iter().find(|p| p.text == "MOUNT GILEAD").unwrap();
        assert_eq!(town.admin1.as_deref(), Some("OH"), "{town:?}");
    }

    /// a tagged entity running on from the dateline gives way to it, and the dateline's
    /// state places the story's county
    #[test]
    fn tagged_entity_running_on_from_the_dateline_gives_way_to_it_and() {
        let g = gazetteer();
        let body = "Taxes due. HAMILTON — Staring at a bill, Butler County officials met.";
        let ents = vec![
            ent(body, "HAMILTON — Staring", EntityType::Org),
            ent(body, "Butler County", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.admin1.as_deref()))
            .collect();
        assert_eq!(
            got,
            [("HAMILTON", Some("OH")), ("Butler County", Some("OH"))]
        );
    }

    /// capitals inside a sentence are no dateline
    #[test]
    fn capitals_inside_a_sentence_are_no_dateline() {
        let g = gazetteer();
        let body = "He said MOUNT GILEAD - not Columbus - would win.";
        assert!(g.resolve(body, &[]).is_empty());
    }

    /// a local paper's dateline of a small town is read as usual
    #[test]
    fn local_paper_dateline_of_a_small_town_is_read_as_usual() {
        let g = gazetteer();
        let body = "HAMILTON — The Butler County auditor in Ohio said taxes were due.";
        let ents = vec![
            ent(body, "HAMILTON", EntityType::Gpe),
            ent(body, "Butler County", EntityType::Org),
            ent(body, "Ohio", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(ps[0].admin1.as_deref(), Some("OH"), "{ps:?}");
    }
}
