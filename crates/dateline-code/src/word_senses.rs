//! What kind of act a verb most often names, from WordNet 3.1
//! (`data/events/wordnet-verb-senses.tsv`, built by `scripts/build_wordnet_senses.py`), and
//! which kinds of act each CAMEO root category can be (`data/events/cameo-root-lexnames.tsv`).
//!
//! Used by the general layer's rule `dominant_sense` (`events/general_layer.rs`): a verb alone
//! says what happened only when its most frequent sense is of the kind its code needs.

use dateline_core::hash::FastMap;
use std::sync::LazyLock;

/// A verb's most frequent WordNet sense.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DominantSense {
    /// WordNet's lexicographer file of sense 1 ("communication", "contact" …).
    pub lexname: &'static str,
    /// Sense 1's share of the verb's tagged uses (0 to 1).
    pub share: f32,
    /// How many verb senses WordNet lists.
    pub senses: u16,
    /// The verb senses' share of the word's tagged uses as any part of speech ("stock" is
    /// mostly a noun).
    pub as_verb: f32,
}

/// How dominant a sense must be for a verb alone to say what happened (see
/// [`WordSenses::names_act_of`]).
#[derive(Debug, Clone, Copy)]
pub struct Dominance {
    /// Least share of the verb's uses its sense 1 holds.
    pub min_share: f32,
    /// Most verb senses.
    pub max_senses: u16,
    /// Least share of the word's uses that are as a verb.
    pub min_as_verb: f32,
}

/// The WordNet verb table and the CAMEO roots' kinds of act.
pub struct WordSenses {
    verbs: FastMap<&'static str, DominantSense>,
    roots: FastMap<&'static str, Vec<&'static str>>,
}

static BUNDLED: LazyLock<WordSenses> = LazyLock::new(|| {
    WordSenses::parse(
        include_str!("../data/events/wordnet-verb-senses.tsv"),
        include_str!("../data/events/cameo-root-lexnames.tsv"),
    )
});

impl WordSenses {
    /// The bundled tables, read once per process.
    pub fn bundled() -> &'static WordSenses {
        &BUNDLED
    }

    /// Read the two tables (`#` comments; malformed rows are skipped: both files are built or
    /// written by the project and checked by its tests).
    pub fn parse(verbs: &'static str, roots: &'static str) -> WordSenses {
        let rows = |t: &'static str| {
            t.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').collect::<Vec<_>>())
        };
        let verbs = rows(verbs)
            .filter_map(|f| match f[..] {
                [lemma, lexname, share, senses, as_verb] => Some((
                    lemma,
                    DominantSense {
                        lexname,
                        share: share.parse().ok()?,
                        senses: senses.parse().ok()?,
                        as_verb: as_verb.parse().ok()?,
                    },
                )),
                _ => None,
            })
            .collect();
        let roots = rows(roots)
            .filter_map(|f| match f[..] {
                [root, kinds] => Some((root, kinds.split_whitespace().collect())),
                _ => None,
            })
            .collect();
        WordSenses { verbs, roots }
    }

    /// The most frequent sense of a verb (its base form, lower case).
    pub fn dominant(&self, lemma: &str) -> Option<DominantSense> {
        self.verbs.get(lemma).copied()
    }

    /// Whether a verb's most frequent sense is an act of CAMEO code `cameo`'s root category,
    /// and dominant as `d` asks: most of the verb's uses, few senses, mostly used as a verb.
    pub fn names_act_of(&self, lemma: &str, cameo: &str, d: Dominance) -> bool {
        let root = cameo.get(..2).and_then(|r| self.roots.get(r));
        let (Some(sense), Some(kinds)) = (self.dominant(lemma), root) else {
            return false;
        };
        sense.share >= d.min_share
            && sense.senses <= d.max_senses
            && sense.as_verb >= d.min_as_verb
            && kinds.contains(&sense.lexname)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_tables_are_read_whole() {
        let w = WordSenses::bundled();
        assert!(w.verbs.len() > 8000, "{} verbs", w.verbs.len());
        assert_eq!(w.roots.len(), 20);
        let kidnap = w.dominant("kidnap").expect("kidnap is a WordNet verb");
        assert_eq!((kidnap.lexname, kidnap.senses), ("contact", 1));
        assert!(w.dominant("kidnapped").is_none(), "lemmas only");
    }

    const ANY: Dominance = Dominance {
        min_share: 0.0,
        max_senses: u16::MAX,
        min_as_verb: 0.0,
    };
    const HALF: Dominance = Dominance {
        min_share: 0.5,
        ..ANY
    };

    #[test]
    fn a_verb_names_an_act_of_a_category_by_its_most_frequent_sense() {
        let w = WordSenses::bundled();
        // taking someone away by force: an assault (18), not a statement (01)
        assert!(w.names_act_of("abduct", "181", HALF));
        assert!(!w.names_act_of("abduct", "010", HALF));
        // "yield" most often means producing something, not giving in
        assert!(!w.names_act_of("yield", "080", HALF));
        assert!(!w.names_act_of("no-such-verb", "080", ANY));
        assert!(!w.names_act_of("abduct", "", ANY));
        // "stock" is mostly a noun; "help" has eight senses
        assert!(w.names_act_of("stock", "062", ANY));
        assert!(!w.names_act_of(
            "stock",
            "062",
            Dominance {
                min_as_verb: 0.5,
                ..ANY
            }
        ));
        assert!(!w.names_act_of(
            "help",
            "070",
            Dominance {
                max_senses: 4,
                ..ANY
            }
        ));
    }

    #[test]
    fn malformed_rows_are_skipped() {
        let w = WordSenses::parse(
            "# c\nflee\tmotion\t0.9\t2\t1.0\nbad\trow\nnan\tsocial\tx\t1\t1\n",
            "15\tmotion\n",
        );
        assert!(w.names_act_of("flee", "150", HALF));
        assert!(w.dominant("bad").is_none() && w.dominant("nan").is_none());
    }
}
