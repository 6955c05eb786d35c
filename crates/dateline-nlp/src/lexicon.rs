//! The name lexicon the entity recogniser matches against, and the word lists it uses.
//!
//! The lexicon is filled by whoever wires the pipeline (countries, demonyms and places from the
//! gazetteer; people and organisations from actor dictionaries), so this crate reads no
//! gazetteer itself. Keys are normalised names ([`norm_key`]): upper case, hyphens, underscores
//! and dots dropped to spaces, so "Bashar al-Assad", "BASHAR_AL_ASSAD" and "Bashar Al Assad"
//! meet. Lookup is a hash probe per candidate n-gram (up to [`MAX_NGRAM`] tokens).

use dateline_core::EntityType;
use std::collections::{HashMap, HashSet};

pub const MAX_NGRAM: usize = 6;

/// What a lexicon name is.
#[derive(Debug, Clone, PartialEq)]
pub struct LexEntry {
    pub kind: EntityType,
    /// The preferred name ("Russia" for "Russian Federation"; "Syria" for "Syrian").
    pub canonical: Option<String>,
    /// Where it came from, for the `source` field (`gazetteer:country`).
    pub tag: &'static str,
    /// Higher wins when two sources list the same name.
    pub priority: u8,
}

/// Names and word lists for entity recognition.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub names: HashMap<String, LexEntry>,
    pub given_names: HashSet<String>,
    pub titles: HashSet<String>,
    pub org_words: HashSet<String>,
    pub common_words: HashSet<String>,
    pub quote_verbs: HashSet<String>,
    /// Closed-class words (data/nlp/function-words.txt): never a name on their own.
    pub function_words: HashSet<String>,
    /// The trained entity tagger; without it the rule-based recogniser runs.
    pub ner: Option<std::sync::Arc<crate::ner::Model>>,
}

pub use dateline_core::norm_key;

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The lexicon with the word lists bundled in `data/nlp/` and no names.
    pub fn with_word_lists() -> Self {
        Lexicon {
            titles: words(include_str!("../../../data/nlp/titles.txt"))
                .map(str::to_string)
                .collect(),
            org_words: words(include_str!("../../../data/nlp/org-words.txt"))
                .map(str::to_string)
                .collect(),
            common_words: words(include_str!("../../../data/nlp/common-words.txt"))
                .chain(words(include_str!("../../../data/nlp/function-words.txt")))
                .map(str::to_string)
                .collect(),
            function_words: words(include_str!("../../../data/nlp/function-words.txt"))
                .map(str::to_string)
                .collect(),
            quote_verbs: words(include_str!("../../../data/nlp/quote-verbs.txt"))
                .chain(words(include_str!(
                    "../../../data/nlp/quote-verbs-extra.txt"
                )))
                .map(str::to_string)
                .collect(),
            ..Default::default()
        }
    }

    /// Add a name; on a clash the higher priority entry stays.
    pub fn add(&mut self, name: &str, entry: LexEntry) {
        let k = norm_key(name);
        if k.is_empty() {
            return;
        }
        match self.names.get(&k) {
            Some(old) if old.priority >= entry.priority => {}
            _ => {
                self.names.insert(k, entry);
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&LexEntry> {
        self.names.get(key)
    }

    /// Group words (`European`, `Islamist`): (word, canonical, CAMEO code) from
    /// `data/nlp/group-demonyms.tsv`.
    pub fn group_words() -> Vec<(String, String, String)> {
        words(include_str!("../../../data/nlp/group-demonyms.tsv"))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let w = f.next()?.trim().to_string();
                let c = f.next()?.trim().to_string();
                let code = f.next().unwrap_or("").trim().to_string();
                Some((w, c, code))
            })
            .collect()
    }

    pub fn is_common(&self, word: &str) -> bool {
        self.common_words.contains(&word.to_lowercase())
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_meet() {
        assert_eq!(norm_key("Bashar al-Assad"), "BASHAR AL ASSAD");
        assert_eq!(norm_key("BASHAR_AL_ASSAD_"), "BASHAR AL ASSAD");
        assert_eq!(norm_key("U.S."), "U S");
        assert_eq!(norm_key("Côte d'Ivoire"), "CÔTE DIVOIRE");
    }

    #[test]
    fn word_lists_load() {
        let l = Lexicon::with_word_lists();
        assert!(l.is_title("President") && l.is_common("Since") && l.quote_verbs.contains("said"));
    }
}
