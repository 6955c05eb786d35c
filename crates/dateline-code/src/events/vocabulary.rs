//! Word lists the event coder reads from `data/` (see docs/data-formats.md), loaded once with
//! the pipeline ([`Vocabulary::bundled`]) and passed to the coder in [`super::Knowledge`].

use dateline_nlp::Lexicon;
use std::collections::{HashMap, HashSet};

/// Kinds of event a noun can name ("the meeting", "the attack"), for dating by reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Occasion {
    Meeting,
    Attack,
    Protest,
    Vote,
    Arrest,
}

impl Occasion {
    pub(super) const ALL: usize = 5;

    fn parse(s: &str) -> Option<Occasion> {
        Some(match s {
            "meeting" => Occasion::Meeting,
            "attack" => Occasion::Attack,
            "protest" => Occasion::Protest,
            "vote" => Occasion::Vote,
            "arrest" => Occasion::Arrest,
            _ => return None,
        })
    }

    /// The kind's index in a table of kinds.
    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// The event coder's word lists.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// CAMEO codes of group words ("European" -> EUR), from data/nlp/group-demonyms.tsv.
    groups: HashMap<String, String>,
    /// negators.txt
    pub(super) negators: HashSet<String>,
    /// intent-words.txt
    pub(super) intent: HashSet<String>,
    /// force-words.tsv, by kind
    pub(super) troops: HashSet<String>,
    pub(super) aerial: HashSet<String>,
    pub(super) ground: HashSet<String>,
    pub(super) bombing: HashSet<String>,
    /// request-nouns.txt
    pub(super) request_nouns: HashSet<String>,
    /// accusation-stems.txt
    pub(super) accusation_stems: Vec<String>,
    /// purpose-phrases.txt
    pub(super) purpose_phrases: Vec<String>,
    /// partitive-heads.txt
    pub(super) partitive_heads: HashSet<String>,
    /// settlement-words.txt
    pub(super) settlements: HashSet<String>,
    /// group-head-nouns.txt
    pub(super) group_heads: HashSet<String>,
    /// acting-titles.txt
    pub(super) acting_titles: HashSet<String>,
    /// head-titles.txt
    pub(super) head_titles: HashSet<String>,
    /// event-nouns.tsv
    event_nouns: HashMap<String, Occasion>,
    /// other-event-words.txt
    pub(super) other_event: HashSet<String>,
    /// occasion-nouns.txt
    pub(super) occasion_nouns: HashSet<String>,
    /// topic-object-verbs.txt
    pub(super) topic_verbs: HashSet<String>,
    /// leading-participles.txt
    pub(super) leading_participles: HashSet<String>,
    /// confidence.tsv: the weights of calibrated confidence
    pub calibration: super::confidence::Calibration,
}

use dateline_core::words::entries;

fn set(text: &str) -> HashSet<String> {
    entries(text).map(str::to_string).collect()
}

/// The `word<TAB>kind` rows of a two-column list.
fn rows(text: &str) -> impl Iterator<Item = (&str, &str)> {
    entries(text).filter_map(|l| {
        let (w, k) = l.split_once('\t')?;
        Some((w.trim(), k.trim()))
    })
}

impl Vocabulary {
    /// The bundled word lists.
    pub fn bundled() -> Vocabulary {
        let mut groups = HashMap::new();
        for (w, _, c) in Lexicon::group_words() {
            // (the first row of a word with a code wins)
            if !c.is_empty() {
                groups.entry(w).or_insert(c);
            }
        }
        let force = include_str!("../../data/events/force-words.tsv");
        let kind = |k: &str| -> HashSet<String> {
            rows(force)
                .filter(|(_, kk)| *kk == k)
                .map(|(w, _)| w.to_string())
                .collect()
        };
        Vocabulary {
            groups,
            negators: set(include_str!("../../data/events/negators.txt")),
            intent: set(include_str!("../../data/events/intent-words.txt")),
            troops: kind("troops"),
            aerial: kind("aerial"),
            ground: kind("ground"),
            bombing: kind("bombing"),
            request_nouns: set(include_str!("../../data/events/request-nouns.txt")),
            accusation_stems: entries(include_str!("../../data/events/accusation-stems.txt"))
                .map(str::to_string)
                .collect(),
            purpose_phrases: entries(include_str!("../../data/events/purpose-phrases.txt"))
                .map(str::to_string)
                .collect(),
            partitive_heads: set(include_str!("../../data/events/partitive-heads.txt")),
            settlements: set(include_str!("../../data/events/settlement-words.txt")),
            group_heads: set(include_str!("../../data/events/group-head-nouns.txt")),
            acting_titles: set(include_str!("../../data/events/acting-titles.txt")),
            head_titles: set(include_str!("../../data/events/head-titles.txt")),
            event_nouns: rows(include_str!("../../data/events/event-nouns.tsv"))
                .filter_map(|(w, k)| Some((w.to_string(), Occasion::parse(k)?)))
                .collect(),
            other_event: set(include_str!("../../data/events/other-event-words.txt")),
            occasion_nouns: set(include_str!("../../data/events/occasion-nouns.txt")),
            topic_verbs: set(include_str!("../../data/events/topic-object-verbs.txt")),
            leading_participles: set(include_str!("../../data/events/leading-participles.txt")),
            calibration: super::confidence::Calibration::bundled(),
        }
    }

    /// CAMEO code of a group word ("European" -> EUR); "---" when it has none.
    pub fn group_code(&self, text: &str) -> &str {
        self.groups.get(text).map_or("---", String::as_str)
    }

    /// The kind of event a noun names ("talks": a meeting).
    pub(super) fn occasion(&self, noun: &str) -> Option<Occasion> {
        self.event_nouns.get(noun).copied()
    }

    /// A military word: ground forces or aircraft.
    pub(super) fn military(&self, w: &str) -> bool {
        self.aerial.contains(w) || self.ground.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_list_has_words() {
        let v = Vocabulary::bundled();
        let sizes = [
            ("negators", v.negators.len()),
            ("intent", v.intent.len()),
            ("troops", v.troops.len()),
            ("aerial", v.aerial.len()),
            ("ground", v.ground.len()),
            ("bombing", v.bombing.len()),
            ("request nouns", v.request_nouns.len()),
            ("accusation stems", v.accusation_stems.len()),
            ("purpose phrases", v.purpose_phrases.len()),
            ("partitive heads", v.partitive_heads.len()),
            ("settlements", v.settlements.len()),
            ("group heads", v.group_heads.len()),
            ("acting titles", v.acting_titles.len()),
            ("event nouns", v.event_nouns.len()),
            ("other event", v.other_event.len()),
            ("occasion nouns", v.occasion_nouns.len()),
        ];
        let empty: Vec<&str> = sizes
            .iter()
            .filter(|(_, n)| *n == 0)
            .map(|(k, _)| *k)
            .collect();
        assert!(empty.is_empty(), "empty lists: {empty:?}");
    }

    #[test]
    fn event_nouns_have_their_kinds() {
        let v = Vocabulary::bundled();
        assert_eq!(v.occasion("talks"), Some(Occasion::Meeting));
        assert_eq!(v.occasion("raid"), Some(Occasion::Attack));
        assert_eq!(v.occasion("raids"), Some(Occasion::Arrest));
        assert_eq!(v.occasion("rally"), Some(Occasion::Protest));
        assert_eq!(v.occasion("ballot"), Some(Occasion::Vote));
        assert_eq!(v.occasion("picnic"), None);
    }

    #[test]
    fn group_words_have_codes() {
        let v = Vocabulary::bundled();
        assert_eq!(v.group_code("no such group"), "---");
    }
}
