//! The name lexicon the entity recogniser matches against, and the word lists it uses.
//!
//! The lexicon is filled by whoever wires the pipeline (countries, demonyms and places from the
//! gazetteer; people and organisations from actor dictionaries), so this crate reads no
//! gazetteer itself. Keys are normalised names ([`norm_key`]): upper case, hyphens, underscores
//! and dots dropped to spaces, so "Bashar al-Assad", "BASHAR_AL_ASSAD" and "Bashar Al Assad"
//! meet. Lookup is a hash probe per candidate n-gram (up to [`MAX_NGRAM`] tokens).

use dateline_core::hash::FastSet as HashSet;
use dateline_core::EntityType;

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
    /// Another source lists the same name as a place (a capital the actor dictionaries code as
    /// its government: "Minsk"), so a tagger reading of it as a location stands.
    pub place_too: bool,
}

/// Names and word lists for entity recognition.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub names: dateline_core::hash::FastMap<String, LexEntry>,
    pub given_names: HashSet<String>,
    /// Common first names, lower case (data/nlp/first-names.txt, 1990 US Census): only for
    /// telling a person from a two-word "place" ("Georgia Stevens"), not a tagger feature.
    pub first_names: HashSet<String>,
    /// Common surnames, lower case (data/nlp/last-names.txt, 1990 US Census), for the same rule.
    pub last_names: HashSet<String>,
    pub titles: HashSet<String>,
    pub org_words: HashSet<String>,
    /// Words of geography (data/nlp/place-words.txt): a two-word name ending in one is no
    /// person's first name and surname.
    pub place_words: HashSet<String>,
    pub common_words: HashSet<String>,
    pub quote_verbs: HashSet<String>,
    /// Closed-class words (data/nlp/function-words.txt): never a name on their own.
    pub function_words: HashSet<String>,
    /// Word classes for the tagger (`data/nlp/word-clusters.tsv`), shared between clones.
    pub clusters: std::sync::Arc<Clusters>,
}

pub const CLUSTER_LEVELS: usize = 4;

/// Word -> its cluster at each granularity of `data/nlp/word-clusters.tsv`. Keys are 64-bit
/// hashes of the lower-cased word (no string per entry: the table loads in a few ms).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Clusters(dateline_core::hash::FastMap<u64, [u16; CLUSTER_LEVELS]>);

fn word_hash(w: &str) -> u64 {
    dateline_core::hash::fnv1a(dateline_core::hash::FNV_OFFSET, w.as_bytes())
}

impl Clusters {
    /// The classes of a lower-cased word.
    pub fn get(&self, lower: &str) -> Option<[u16; CLUSTER_LEVELS]> {
        self.0.get(&word_hash(lower)).copied()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A line of a bundled data file that does not parse (a build defect, named for its fixer).
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{file} line {line}: {message}")]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// Parse the cluster file: `word<TAB>c1<TAB>c2<TAB>c3<TAB>c4`, `#` comments. A malformed
/// line is an error naming it (the file is bundled, so this is a build defect, not input).
pub fn parse_clusters(text: &str) -> Result<Clusters, DataError> {
    let mut m = dateline_core::hash::FastMap::default();
    m.reserve(text.len() / 16);
    for (n, line) in dateline_core::tsv::lines(text).enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || DataError {
            file: "word-clusters.tsv",
            line: n + 1,
            message: format!("expected word and {CLUSTER_LEVELS} cluster numbers"),
        };
        let f: [&str; CLUSTER_LEVELS + 1] = dateline_core::tsv::fields(line).map_err(|_| bad())?;
        let w = f[0];
        let mut c = [0u16; CLUSTER_LEVELS];
        for (x, s) in c.iter_mut().zip(&f[1..]) {
            *x = s.parse().map_err(|_| bad())?;
        }
        m.entry(word_hash(w)).or_insert(c);
    }
    Ok(Clusters(m))
}

/// The bundled word classes, prebuilt by `build.rs` (empty if the file did not parse).
const PREBUILT_CLUSTERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-clusters.bin"));
const CLUSTERS_TEXT: &str = include_str!("../data/nlp/word-clusters.tsv");

/// The word classes `build.rs` encoded from a cluster file of `text_len` bytes: `None` when
/// `bytes` are no such table or were made from another text.
pub fn decode_clusters(bytes: &[u8], text_len: usize) -> Option<Clusters> {
    let word = |i: usize| -> Option<usize> {
        Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?) as usize)
    };
    if bytes.get(..4)? != b"DLWC" || word(4)? != 1 || word(8)? != text_len {
        return None;
    }
    let n = word(12)?;
    let rows = bytes.get(16..)?;
    if rows.len() != n.checked_mul(16)? {
        return None;
    }
    let mut m = dateline_core::hash::FastMap::default();
    m.reserve(n);
    for r in rows.chunks_exact(16) {
        let key = u64::from_le_bytes(r[..8].try_into().ok()?);
        let c = |i: usize| u16::from_le_bytes([r[8 + 2 * i], r[9 + 2 * i]]);
        m.entry(key).or_insert([c(0), c(1), c(2), c(3)]);
    }
    Some(Clusters(m))
}

pub use dateline_core::norm_key;

use dateline_core::words::entries as words;

impl Lexicon {
    /// The lexicon with the word lists bundled in `data/nlp/` and no names.
    pub fn with_word_lists() -> Self {
        Lexicon {
            titles: words(include_str!("../data/nlp/titles.txt"))
                .map(str::to_string)
                .collect(),
            org_words: words(include_str!("../data/nlp/org-words.txt"))
                .map(str::to_string)
                .collect(),
            place_words: words(include_str!("../data/nlp/place-words.txt"))
                .map(str::to_string)
                .collect(),
            common_words: words(include_str!("../data/nlp/common-words.txt"))
                .chain(words(include_str!("../data/nlp/function-words.txt")))
                .map(str::to_string)
                .collect(),
            function_words: words(include_str!("../data/nlp/function-words.txt"))
                .map(str::to_string)
                .collect(),
            first_names: words(include_str!("../data/nlp/first-names.txt"))
                .map(str::to_string)
                .collect(),
            last_names: words(include_str!("../data/nlp/last-names.txt"))
                .map(str::to_string)
                .collect(),
            quote_verbs: words(include_str!("../data/nlp/quote-verbs.txt"))
                .chain(words(include_str!("../data/nlp/quote-verbs-extra.txt")))
                .map(str::to_string)
                .collect(),
            clusters: std::sync::Arc::new(
                decode_clusters(PREBUILT_CLUSTERS, CLUSTERS_TEXT.len())
                    .map_or_else(|| parse_clusters(CLUSTERS_TEXT), Ok)
                    .unwrap_or_default(),
            ),
            ..Default::default()
        }
    }

    /// Add a name; on a clash the higher priority entry stays.
    pub fn add(&mut self, name: &str, entry: LexEntry) {
        self.add_with(name, entry.kind, entry.priority, || entry);
    }

    /// [`Lexicon::add`] of the entry `make` gives, of this kind and priority, made only when
    /// it is kept (loading adds ~110k names, many of them twice).
    pub fn add_with(
        &mut self,
        name: &str,
        kind: EntityType,
        priority: u8,
        make: impl FnOnce() -> LexEntry,
    ) {
        let k = norm_key(name);
        if k.is_empty() {
            return;
        }
        self.add_key_with(k, kind, priority, make)
    }

    /// [`Lexicon::add_with`] under a key already normalised (`key == norm_key(key)`, as the
    /// actor dictionaries' keys are: `norm_key` of a key is the key itself).
    pub fn add_key_with(
        &mut self,
        k: String,
        kind: EntityType,
        priority: u8,
        make: impl FnOnce() -> LexEntry,
    ) {
        let is_place = |kind: EntityType| matches!(kind, EntityType::Gpe | EntityType::Loc);
        match self.names.entry(k) {
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let old = o.get_mut();
                if old.priority >= priority {
                    old.place_too |= is_place(kind) && !is_place(old.kind);
                } else {
                    let place_too = old.place_too || (is_place(old.kind) && !is_place(kind));
                    *old = LexEntry {
                        place_too,
                        ..make()
                    };
                }
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(make());
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&LexEntry> {
        self.names.get(key)
    }

    /// Group words (`European`, `Islamist`): (word, canonical, CAMEO code) from
    /// `data/nlp/group-demonyms.tsv`.
    pub fn group_words() -> Vec<(String, String, String)> {
        words(include_str!("../data/nlp/group-demonyms.tsv"))
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
        in_lower_case(&self.common_words, word)
    }

    pub fn is_title(&self, word: &str) -> bool {
        in_lower_case(&self.titles, word)
    }

    /// [`Lexicon::is_common`] of a word already in lower case (a token's shared lower case).
    pub fn is_common_lower(&self, lower: &str) -> bool {
        self.common_words.contains(lower)
    }

    /// [`Lexicon::is_title`] of a word already in lower case (a token's shared lower case).
    pub fn is_title_lower(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }
}

/// Whether `set` holds `word` in lower case (without a new string when it is lower case).
fn in_lower_case(set: &HashSet<String>, word: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).is_ok_and(|w| set.contains(w))
        }
        _ => set.contains(&word.to_lowercase()),
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
    fn a_place_outranked_by_an_actor_is_remembered() {
        let e = |kind, priority| LexEntry {
            kind,
            canonical: None,
            tag: "test",
            priority,
            place_too: false,
        };
        let mut l = Lexicon::default();
        // either order: the capital coded as its government keeps the place reading
        l.add("Minsk", e(EntityType::Gpe, 40));
        l.add("Minsk", e(EntityType::Org, 65));
        l.add("Riga", e(EntityType::Org, 65));
        l.add("Riga", e(EntityType::Gpe, 40));
        l.add("Kremlin", e(EntityType::Org, 65));
        for (k, place_too) in [("MINSK", true), ("RIGA", true), ("KREMLIN", false)] {
            let x = l.get(k).unwrap();
            assert_eq!((x.kind, x.place_too), (EntityType::Org, place_too), "{k}");
        }
    }

    #[test]
    fn word_lists_load() {
        let l = Lexicon::with_word_lists();
        assert!(l.is_title("President") && l.is_common("Since") && l.quote_verbs.contains("said"));
        assert!(l.clusters.len() > 100_000);
        // surnames share a class; a surname and a weekday do not
        let c = |w| l.clusters.get(w).map(|c| c[2]);
        assert!(c("smith").is_some());
        assert_eq!(c("smith"), c("jones"));
        assert_ne!(c("smith"), c("monday"));
        assert_eq!(c("no-such-word-here"), None);
        assert!(parse_clusters("a\t1\t2\t3\n").is_err());
    }

    #[test]
    fn prebuilt_word_classes_are_the_parsed_ones() {
        let prebuilt = decode_clusters(PREBUILT_CLUSTERS, CLUSTERS_TEXT.len());
        assert_eq!(prebuilt, Some(parse_clusters(CLUSTERS_TEXT).unwrap()));
        // another text, a cut or damaged table: not read (the file is parsed instead)
        assert_eq!(
            decode_clusters(PREBUILT_CLUSTERS, CLUSTERS_TEXT.len() + 1),
            None
        );
        for cut in [0, 3, 15, 16, PREBUILT_CLUSTERS.len() - 1] {
            assert_eq!(
                decode_clusters(&PREBUILT_CLUSTERS[..cut], CLUSTERS_TEXT.len()),
                None
            );
        }
    }
}
