//! Who does the act of a to-infinitive: rule [`purpose_of_subject`].
//!
//! "Russia urged Ukraine to withdraw": the object does it (Ukraine withdraws) after verbs of
//! asking, ordering, sending and appointing (`data/events/object-control-verbs.txt`). After
//! any other verb, its object and a to-infinitive, the infinitive says what the verb's own
//! subject did it for: "Kenya summoned the Ugandan ambassador to protest the raids" — Kenya
//! protests; "Kenya invited Ugandan officials to mediate" — the officials mediate.

use crate::patterns::inflect;
use crate::word_senses::WordSenses;
use dateline_core::hash::FastSet;
use std::sync::LazyLock;

/// Every form of the object-control verbs.
static OBJECT_CONTROL: LazyLock<FastSet<String>> = LazyLock::new(|| {
    dateline_core::words::entries(include_str!(
        "../../../data/events/object-control-verbs.txt"
    ))
    .flat_map(inflect)
    .collect()
});

/// Whether `word` (lower case) is a form of a verb whose object does the act of a following
/// to-infinitive.
pub(in crate::events) fn object_controls(word: &str) -> bool {
    OBJECT_CONTROL.contains(word)
}

/// Rule "purpose of the subject": in "V X to T", with `v` the word V (lower case), whether
/// the act T is done by V's subject rather than by X — V is a verb (a form of a WordNet verb)
/// and not one of the object-control verbs.
pub(in crate::events) fn purpose_of_subject(v: &str) -> bool {
    !object_controls(v) && is_verb_form(v)
}

/// Whether a lower-case word is a form of an English verb WordNet knows: its base, -s, -ed
/// or -ing form, or an irregular past ("met", "sent").
pub(in crate::events) fn is_verb_form(word: &str) -> bool {
    let w = WordSenses::bundled();
    let known = |l: &str| w.dominant(l).is_some();
    if !word.bytes().all(|b| b.is_ascii_lowercase()) || word.len() < 3 {
        return false;
    }
    if known(word) || crate::patterns::irregular_base(word).is_some_and(known) {
        return true;
    }
    let stems = |suffix: &str| -> Vec<String> {
        let Some(stem) = word.strip_suffix(suffix) else {
            return Vec::new();
        };
        let mut v = vec![stem.to_string(), format!("{stem}e")];
        // a doubled last consonant ("stopped" -> "stop")
        let b = stem.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            v.push(stem[..stem.len() - 1].to_string());
        }
        if let Some(y) = stem.strip_suffix('i') {
            v.push(format!("{y}y"));
        }
        v
    };
    ["ed", "ing", "es", "s"]
        .iter()
        .flat_map(|s| stems(s))
        .any(|l| known(&l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::dyads;

    /// The source codes of the events of `code` (a prefix) in `text`.
    fn sources(text: &str, code: &str) -> Vec<String> {
        dyads(text)
            .into_iter()
            .filter(|(c, _, _)| c.starts_with(code))
            .map(|(_, s, _)| s)
            .collect()
    }

    #[test]
    fn verbs_of_asking_and_sending_hand_the_act_to_their_object() {
        for w in ["urged", "asks", "sent", "invited", "ordering", "called"] {
            assert!(object_controls(w), "{w}");
            assert!(!purpose_of_subject(w), "{w}");
        }
    }

    #[test]
    fn other_verbs_keep_the_act_for_their_subject() {
        for w in ["summoned", "met", "visited", "hosts", "recalled"] {
            assert!(purpose_of_subject(w), "{w}");
        }
        // no verb: "the deployment of troops to monitor", "peacekeepers from Fiji to guard"
        for w in ["of", "from", "the", "officials", "Kenya"] {
            assert!(!purpose_of_subject(w), "{w}");
        }
    }

    #[test]
    fn the_subject_protests_after_summoning_an_envoy() {
        let s = sources(
            "Kenya summoned the Ugandan ambassador to protest the border raids.",
            "14",
        );
        assert!(
            !s.is_empty() && s.iter().all(|c| c.starts_with("KEN")),
            "{s:?}"
        );
        // the object acts after a verb of inviting or sending
        let s = sources(
            "Kenya invited Ugandan officials to mediate between the parties.",
            "04",
        );
        assert!(
            !s.is_empty() && s.iter().all(|c| c.starts_with("UGA")),
            "{s:?}"
        );
    }
}
