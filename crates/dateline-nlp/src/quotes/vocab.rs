//! The quote rules' vocabularies, loaded once from `data/nlp/quote-*.txt` (one lower-case
//! word per line, `#` comments; see `docs/data-formats.md`) and looked up in a set.
//!
//! The quotation verbs themselves (`quote-verbs.txt`, `quote-verbs-extra.txt`) are loaded by
//! the [`crate::Lexicon`]; the lists here are the narrower or different sets single rules read.

use dateline_core::hash::FastSet;
use std::sync::LazyLock;

/// A word list from a data file.
pub(super) struct Words(FastSet<String>);

impl Words {
    fn load(text: &str) -> Self {
        Words(dateline_core::words::set(text))
    }

    /// Whether the (lower-case) word is on the list.
    pub(super) fn has(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(super) static $name: LazyLock<Words> =
            LazyLock::new(|| Words::load(include_str!(concat!("../../data/nlp/", $file))));
    };
}

word_list!(
    /// Verbs introducing reported speech without quotation marks (`quote-indirect-cues.txt`).
    INDIRECT_CUES,
    "quote-indirect-cues.txt"
);
word_list!(
    /// Verbs putting quoted words on something inside reported speech ("called the plan
    /// “…”"), besides the quotation verbs (`quote-labelling-verbs.txt`).
    LABELLING_VERBS,
    "quote-labelling-verbs.txt"
);
word_list!(
    /// Cue verbs whose next name is addressed or labelled, not the speaker
    /// (`quote-object-verbs.txt`).
    OBJECT_VERBS,
    "quote-object-verbs.txt"
);
word_list!(
    /// Verbs of an outer report whose subject speaks for a clause reported inside
    /// (`quote-report-verbs.txt`).
    REPORT_VERBS,
    "quote-report-verbs.txt"
);
word_list!(
    /// Speech verbs that introduce a plain quote right before its mark
    /// (`quote-plain-verbs.txt`).
    PLAIN_QUOTE_VERBS,
    "quote-plain-verbs.txt"
);
word_list!(
    /// Plurals that are also nouns, no cue after a hyphenated modifier (`quote-cue-nouns.txt`).
    CUE_NOUNS,
    "quote-cue-nouns.txt"
);
word_list!(
    /// Irregular past tenses that end a sentence's subject (`quote-irregular-past.txt`).
    IRREGULAR_PAST,
    "quote-irregular-past.txt"
);
word_list!(
    /// Documents someone issues (`quote-document-nouns.txt`).
    DOCUMENT_NOUNS,
    "quote-document-nouns.txt"
);
word_list!(
    /// Past tenses without -ed closing an attribution after a quote (`quote-retort-verbs.txt`).
    RETORT_VERBS,
    "quote-retort-verbs.txt"
);
word_list!(
    /// Words skipped between a subject and its cue verb (`quote-gap-words.txt`).
    GAP_WORDS,
    "quote-gap-words.txt"
);
