//! A named-entity tagger: a greedy structured averaged perceptron over BIO tags, with word,
//! shape, affix, context, tag-history and gazetteer features, trained on CoNLL-2003 English
//! (`dateline train ner`) and shipped as `data/models/ner.bin`.
//!
//! Decoding is left to right, one token at a time, with the two previous predicted tags as
//! features (beam 1; Collins' perceptron with greedy search). Features are hashed strings
//! (64-bit FNV-1a) looked up in one hash map from feature to the weights of the nine tags.
//! Cost per token: ~45 hash lookups and 9-wide adds.

use crate::lexicon::{norm_key, Lexicon, CLUSTER_LEVELS, MAX_NGRAM};
use dateline_core::EntityType;
use std::collections::HashMap;

pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
pub const NT: usize = TAGS.len();
const MAGIC: &str = "dateline-ner/1";
/// A two-stage model: the same header line, then the two stages' records one after the other.
const MAGIC2: &str = "dateline-ner/2";

/// Feature keys are already 64-bit hashes: the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type Weights = HashMap<u64, [f32; NT], std::hash::BuildHasherDefault<KeyHasher>>;

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("no header line")]
    NoHeader,
    #[error("not a {MAGIC} model")]
    NotAModel,
    #[error("truncated")]
    Truncated,
    #[error("expected {records} records, file has {bytes} bytes")]
    Size { records: usize, bytes: usize },
    #[error("bad record")]
    BadRecord,
}

/// A trained model: the first stage's weights and, for a two-stage model, the second
/// stage's, which also sees what the first stage tagged elsewhere in the document
/// ([`DocMemory`]).
#[derive(Default, Clone)]
pub struct Model {
    weights: Weights,
    second: Option<Weights>,
    pub header: String,
    /// For a two-stage model, both stages' weights of each feature side by side, so that the
    /// first stage's pass also sums the second stage's weights of the features that do not
    /// depend on predicted tags, and the second stage only looks up the rest.
    joint: Option<Joint>,
}

type Joint = HashMap<u64, [[f32; NT]; 2], std::hash::BuildHasherDefault<KeyHasher>>;

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Model({}, {} features, {} stages)",
            self.header,
            self.weights.len() + self.second.as_ref().map_or(0, |w| w.len()),
            self.stages()
        )
    }
}

/// What the tagger sees of a token.
pub struct TokenView<'a> {
    pub text: &'a str,
    /// The token in lower case (`text.to_lowercase()`, computed once per document).
    pub lower: &'a str,
    /// Gazetteer feature of this token (`B-GPE`, `I-PERSON`...), if a lexicon name covers it.
    pub gaz: Option<String>,
    /// The word's classes in `data/nlp/word-clusters.tsv` (coarse to fine), if listed.
    pub cluster: Option<[u16; CLUSTER_LEVELS]>,
}

/// The tagger's view of a sentence: words with their lower case (`lower[i]` is
/// `words[i].to_lowercase()`), gazetteer and cluster features.
pub fn views<'a>(words: &[&'a str], lower: &'a [String], lex: &Lexicon) -> Vec<TokenView<'a>> {
    let gaz = gazetteer_tags(words, lower, lex);
    words
        .iter()
        .zip(lower)
        .zip(gaz)
        .map(|((w, lw), g)| {
            // the vectors are of lower-cased words: an acronym that spells a function word
            // ("US", "WHO", "IT") is not that word, so it gets no class
            let acronym = w.len() >= 2
                && w.chars().all(|c| c.is_uppercase())
                && lex.function_words.contains(lw);
            TokenView {
                text: w,
                lower: lw,
                gaz: g,
                cluster: if acronym { None } else { lex.clusters.get(lw) },
            }
        })
        .collect()
}

fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0x1f;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Word shape: Xxxx -> "Xx", 1996-08-22 -> "d-d-d", U.S. -> "X.X."
fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
        }
        last = s;
    }
    out
}

/// Feature groups, for ablation (`dateline train ner --without GROUP,...`): what each buys
/// on dev is in docs/BENCHMARKS.md.
pub const GROUPS: [&str; 12] = [
    "word",            // the word, its lower case, its shape
    "affix",           // prefixes and suffixes of 1-4 characters
    "tags",            // the two previous predicted tags, alone and with the word and shape
    "context",         // words and shapes at -2..+2
    "bigrams",         // the word with its left or right neighbour
    "start",           // sentence-initial position with the shape
    "caps-sentence",   // the word in an all-capitals sentence (headline)
    "neighbour-shape", // a neighbour word with this word's shape
    "gazetteer",       // lexicon names covering the word or its neighbours
    "doc-caps",        // the word's capitalisation elsewhere in the document
    "clusters",        // word classes from k-means over GloVe vectors, of the word and neighbours
    "non-local",       // second stage: the first stage's tags of the word elsewhere in the document
];

/// The bit of a feature group in [`Prepared::without`].
pub fn group_bit(name: &str) -> Option<u32> {
    GROUPS.iter().position(|g| *g == name).map(|i| 1 << i)
}

/// A headline in title case ("Harbour Workers Reject Final Offer"): four or more words
/// of four or more letters, all capitalised and none in capitals throughout.
pub fn title_case(words: &[&str]) -> bool {
    let mut long = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .peekable();
    long.peek().is_some()
        && long.clone().count() >= 4
        && long.all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
        })
}

/// Truecase a title-case headline for the tagger, which learned from sentence case: after the
/// first word, a capitalised word that is a common lower-case word and no lexicon name is
/// lower-cased ("Survey: Harbour Workers Reject Final Offer" -> "Survey: Harbour workers
/// reject final offer"). Other sentences, and lists of names where fewer than two
/// words would change, are left as they are (`None`).
pub fn truecase(words: &[&str], lex: &Lexicon) -> Option<Vec<String>> {
    if !title_case(words) {
        return None;
    }
    let out: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lw = w.to_lowercase();
            if i > 0
                && lex.common_words.contains(&lw)
                && lex.get(&norm_key(w)).is_none()
                && !lex.is_title(w)
            {
                lw
            } else {
                (*w).to_string()
            }
        })
        .collect();
    let changed = out.iter().zip(words).filter(|(a, b)| a != *b).count();
    (changed >= 2).then_some(out)
}

/// Per-sentence strings the features need, computed once per token.
pub struct Prepared {
    shape: Vec<String>,
    /// the sentence is written in capitals (a headline)
    all_caps: bool,
    /// feature groups left out (bits of [`group_bit`]); 0 when tagging
    pub without: u32,
}

impl Prepared {
    pub fn new(toks: &[TokenView]) -> Prepared {
        let letters = toks
            .iter()
            .flat_map(|t| t.text.chars())
            .filter(|c| c.is_alphabetic());
        let (n, up) = letters.fold((0usize, 0usize), |(n, u), c| {
            (n + 1, u + usize::from(c.is_uppercase()))
        });
        Prepared {
            shape: toks.iter().map(|t| shape(t.text)).collect(),
            all_caps: n >= 6 && up * 10 >= n * 9,
            without: 0,
        }
    }
}

/// The features of token `i` given the tags already predicted for tokens before it.
pub fn features(
    toks: &[TokenView],
    pre: &Prepared,
    i: usize,
    prev: &[usize],
    doc_caps: &HashMap<String, bool>,
    out: &mut Vec<u64>,
) {
    out.clear();
    static_features(toks, pre, i, doc_caps, out);
    history_features(toks, pre, i, prev, out);
}

/// The features of token `i` that depend on the tags predicted before it (group `tags`).
fn history_features(
    toks: &[TokenView],
    pre: &Prepared,
    i: usize,
    prev: &[usize],
    out: &mut Vec<u64>,
) {
    if pre.without & (1 << 2) != 0 {
        return;
    }
    let lw = toks[i].lower;
    let sh = pre.shape[i].as_str();
    let t1 = prev.last().copied().map(|t| TAGS[t]).unwrap_or("<s>");
    let t2 = if prev.len() >= 2 {
        TAGS[prev[prev.len() - 2]]
    } else {
        "<s>"
    };
    out.push(fnv(&[b"t1", t1.as_bytes()]));
    out.push(fnv(&[b"t2t1", t2.as_bytes(), t1.as_bytes()]));
    out.push(fnv(&[b"t1w", t1.as_bytes(), lw.as_bytes()]));
    out.push(fnv(&[b"t1sh", t1.as_bytes(), sh.as_bytes()]));
}

/// The features of token `i` that do not depend on predicted tags, appended to `out`.
fn static_features(
    toks: &[TokenView],
    pre: &Prepared,
    i: usize,
    doc_caps: &HashMap<String, bool>,
    out: &mut Vec<u64>,
) {
    let w = toks[i].text;
    let lw = toks[i].lower;
    let sh = pre.shape[i].as_str();
    let at = |k: isize| -> (&str, &str) {
        let j = i as isize + k;
        if j < 0 {
            ("<s>", "<s>")
        } else if (j as usize) < toks.len() {
            (toks[j as usize].lower, pre.shape[j as usize].as_str())
        } else {
            ("</s>", "</s>")
        }
    };
    let on = |g: usize| pre.without & (1 << g) == 0;
    out.push(fnv(&[b"bias"]));
    if on(0) {
        out.push(fnv(&[b"w", w.as_bytes()]));
        out.push(fnv(&[b"lw", lw.as_bytes()]));
        out.push(fnv(&[b"sh", sh.as_bytes()]));
    }
    if on(1) {
        let bounds: Vec<usize> = lw
            .char_indices()
            .map(|(b, _)| b)
            .chain([lw.len()])
            .collect();
        let n = bounds.len() - 1;
        for k in 1..=4.min(n) {
            out.push(fnv(&[b"p", &[k as u8], &lw.as_bytes()[..bounds[k]]]));
            out.push(fnv(&[b"s", &[k as u8], &lw.as_bytes()[bounds[n - k]..]]));
        }
    }
    if on(3) {
        for k in [-2isize, -1, 1, 2] {
            let (xl, xs) = at(k);
            out.push(fnv(&[b"lw", &[k as u8], xl.as_bytes()]));
            out.push(fnv(&[b"sh", &[k as u8], xs.as_bytes()]));
        }
    }
    if on(4) {
        out.push(fnv(&[b"bi-", at(-1).0.as_bytes(), lw.as_bytes()]));
        out.push(fnv(&[b"bi+", lw.as_bytes(), at(1).0.as_bytes()]));
    }
    if on(5) {
        out.push(fnv(&[
            b"start",
            if i == 0 { b"1" } else { b"0" },
            sh.as_bytes(),
        ]));
    }
    if pre.all_caps && on(6) {
        out.push(fnv(&[b"capsent", lw.as_bytes()]));
    }
    if on(7) {
        out.push(fnv(&[b"l-1sh", at(-1).0.as_bytes(), sh.as_bytes()]));
        out.push(fnv(&[b"l+1sh", at(1).0.as_bytes(), sh.as_bytes()]));
    }
    if on(8) {
        for k in [-1isize, 0, 1] {
            let j = i as isize + k;
            if j >= 0 {
                if let Some(g) = toks.get(j as usize).and_then(|t| t.gaz.as_deref()) {
                    out.push(fnv(&[b"gaz", &[k as u8], g.as_bytes()]));
                    if k == 0 {
                        out.push(fnv(&[b"gazsh", g.as_bytes(), sh.as_bytes()]));
                    }
                }
            }
        }
    }
    if on(10) {
        let cl = |j: isize| -> Option<[u16; CLUSTER_LEVELS]> {
            if j < 0 {
                None
            } else {
                toks.get(j as usize).and_then(|t| t.cluster)
            }
        };
        match cl(i as isize) {
            Some(c) => {
                for (level, x) in c.iter().enumerate() {
                    out.push(fnv(&[b"cl", &[level as u8], &x.to_le_bytes()]));
                }
                out.push(fnv(&[b"clsh", &c[2].to_le_bytes(), sh.as_bytes()]));
            }
            None => out.push(fnv(&[b"cl-none", sh.as_bytes()])),
        }
        for k in [-2isize, -1, 1, 2] {
            if let Some(c) = cl(i as isize + k) {
                for (level, x) in c.iter().enumerate() {
                    out.push(fnv(&[b"cln", &[k as u8, level as u8], &x.to_le_bytes()]));
                }
            }
        }
    }
    // non-local: the same word is capitalised mid-sentence elsewhere in the document
    if on(9) {
        if let Some(&cap) = doc_caps.get(lw) {
            out.push(fnv(&[
                b"doccap",
                if cap { b"1" } else { b"0" },
                sh.as_bytes(),
            ]));
        }
    }
}

/// The entity type of a tag: 0 for `O`, then PER, ORG, LOC, MISC as 1–4.
fn tag_type(t: usize) -> usize {
    t.div_ceil(2)
}

/// What the first stage tagged in a whole document, for the second stage's non-local
/// features (Ratinov & Roth 2009's prediction aggregation): for each word (lower case), the
/// types the first stage gave its capitalised occurrences, and the types of the first stage's
/// names of two or more words that hold it ("Clinton" inside "Bill Clinton"). A token's own
/// tag is taken out when it is read ([`DocMemory::features`]), so a word seen once says nothing.
#[derive(Default)]
pub struct DocMemory {
    seen: HashMap<String, [u32; 5]>,
    in_long: HashMap<String, [u32; 5]>,
}

impl DocMemory {
    /// Remember the first stage's tags `tags[k]` of the sentences `sents[k]` of one document.
    pub fn new(sents: &[Vec<TokenView>], tags: &[Vec<usize>]) -> DocMemory {
        let mut m = DocMemory::default();
        for (toks, tags) in sents.iter().zip(tags) {
            for (i, (t, &tag)) in toks.iter().zip(tags).enumerate() {
                // (saturating: a hostile article may repeat one word beyond any count)
                if capitalised(t.text) {
                    let c = &mut m.seen.entry(t.lower.to_string()).or_default()[tag_type(tag)];
                    *c = c.saturating_add(1);
                }
                if long_name_at(tags, i) {
                    let c = &mut m.in_long.entry(t.lower.to_string()).or_default()[tag_type(tag)];
                    *c = c.saturating_add(1);
                }
            }
        }
        m
    }

    /// The non-local features of token `i` of a sentence the first stage tagged `first`.
    fn features(&self, toks: &[TokenView], first: &[usize], i: usize, out: &mut Vec<u64>) {
        let t = &toks[i];
        let own = tag_type(first[i]);
        out.push(fnv(&[b"s1", TAGS[first[i]].as_bytes()]));
        if let Some(c) = self.seen.get(t.lower) {
            let mut c = *c;
            if capitalised(t.text) {
                c[own] = c[own].saturating_sub(1);
            }
            if c.iter().any(|&n| n > 0) {
                // the most frequent type; ties go to the earlier type, so the result is fixed
                let mut best = 0;
                for k in 1..5 {
                    if c[k] > c[best] {
                        best = k;
                    }
                }
                out.push(fnv(&[b"nlmaj", &[best as u8]]));
                out.push(fnv(&[b"nlmaj-s1", &[best as u8, own as u8]]));
                for (k, &n) in c.iter().enumerate() {
                    if n > 0 {
                        out.push(fnv(&[b"nlany", &[k as u8]]));
                    }
                }
            }
        }
        if let Some(c) = self.in_long.get(t.lower) {
            let mut c = *c;
            if long_name_at(first, i) {
                c[own] = c[own].saturating_sub(1);
            }
            for (k, &n) in c.iter().enumerate().skip(1) {
                if n > 0 {
                    out.push(fnv(&[b"nllong", &[k as u8]]));
                }
            }
        }
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether token `i` is inside a name of two or more tokens in `tags` (BIO).
fn long_name_at(tags: &[usize], i: usize) -> bool {
    let t = tags[i];
    if t == 0 {
        return false;
    }
    // an I- tag (even, not O) of the same type as the tag before it
    let continues = |a: usize, b: usize| b > 0 && b.is_multiple_of(2) && tag_type(a) == tag_type(b);
    (i > 0 && continues(tags[i - 1], t)) || tags.get(i + 1).is_some_and(|&n| continues(t, n))
}

/// Scores of the nine tags for these features.
fn scores(weights: &Weights, feats: &[u64]) -> [f32; NT] {
    let mut s = [0f32; NT];
    for f in feats {
        if let Some(w) = weights.get(f) {
            for t in 0..NT {
                s[t] += w[t];
            }
        }
    }
    s
}

/// The best tag for these scores after `prev`: an I- tag must continue its own type.
fn best_tag(s: &[f32; NT], prev: usize) -> usize {
    let mut best = 0;
    for t in 1..NT {
        if s[t] > s[best] {
            best = t;
        }
    }
    if best % 2 == 0 && best > 0 && !(prev == best || prev == best - 1) {
        best -= 1;
    }
    best
}

/// Greedy left-to-right decoding of one sentence with `weights`; with `memory`, the
/// second stage's non-local features from the document and this sentence's first-stage tags.
fn decode(
    weights: &Weights,
    toks: &[TokenView],
    doc_caps: &HashMap<String, bool>,
    memory: Option<(&DocMemory, &[usize])>,
) -> Vec<usize> {
    let mut tags: Vec<usize> = Vec::with_capacity(toks.len());
    let mut feats = Vec::with_capacity(72);
    let pre = Prepared::new(toks);
    for i in 0..toks.len() {
        features(toks, &pre, i, &tags, doc_caps, &mut feats);
        if let Some((m, first)) = memory {
            m.features(toks, first, i, &mut feats);
        }
        let s = scores(weights, &feats);
        tags.push(best_tag(&s, tags.last().copied().unwrap_or(0)));
    }
    tags
}

impl Model {
    /// A model of one stage (`second` None) or two.
    pub fn new(weights: Weights, second: Option<Weights>, header: String) -> Model {
        let joint = second.as_ref().map(|second| {
            let mut j = Joint::with_capacity_and_hasher(
                weights.len().max(second.len()),
                Default::default(),
            );
            for (k, w) in &weights {
                j.entry(*k).or_insert([[0.0; NT]; 2])[0] = *w;
            }
            for (k, w) in second {
                j.entry(*k).or_insert([[0.0; NT]; 2])[1] = *w;
            }
            j
        });
        Model {
            weights,
            second,
            header,
            joint,
        }
    }

    /// 1 or 2.
    pub fn stages(&self) -> usize {
        1 + usize::from(self.second.is_some())
    }

    /// Tag one sentence with the first stage alone: tag indices into [`TAGS`].
    pub fn tag(&self, toks: &[TokenView], doc_caps: &HashMap<String, bool>) -> Vec<usize> {
        decode(&self.weights, toks, doc_caps, None)
    }

    /// Tag the sentences of one document: the first stage, then (for a two-stage model) the
    /// second, which sees what the first tagged elsewhere in the document.
    pub fn tag_document(
        &self,
        sents: &[Vec<TokenView>],
        doc_caps: &HashMap<String, bool>,
    ) -> Vec<Vec<usize>> {
        let Some(joint) = &self.joint else {
            return sents.iter().map(|s| self.tag(s, doc_caps)).collect();
        };
        let add = |sc: &mut [f32; NT], w: &[f32; NT]| {
            for t in 0..NT {
                sc[t] += w[t];
            }
        };
        let mut feats = Vec::with_capacity(72);
        // first stage; each token's second-stage score from its tag-independent features
        let mut first = Vec::with_capacity(sents.len());
        let mut kept: Vec<Vec<[f32; NT]>> = Vec::with_capacity(sents.len());
        let pres: Vec<Prepared> = sents.iter().map(|s| Prepared::new(s)).collect();
        for (toks, pre) in sents.iter().zip(&pres) {
            let mut tags: Vec<usize> = Vec::with_capacity(toks.len());
            let mut second = Vec::with_capacity(toks.len());
            for i in 0..toks.len() {
                feats.clear();
                static_features(toks, pre, i, doc_caps, &mut feats);
                let (mut s1, mut s2) = ([0f32; NT], [0f32; NT]);
                for f in &feats {
                    if let Some([w1, w2]) = joint.get(f) {
                        add(&mut s1, w1);
                        add(&mut s2, w2);
                    }
                }
                feats.clear();
                history_features(toks, pre, i, &tags, &mut feats);
                for f in &feats {
                    if let Some([w1, _]) = joint.get(f) {
                        add(&mut s1, w1);
                    }
                }
                tags.push(best_tag(&s1, tags.last().copied().unwrap_or(0)));
                second.push(s2);
            }
            first.push(tags);
            kept.push(second);
        }
        // second stage: the kept scores, its own tag history and what the document said
        let memory = DocMemory::new(sents, &first);
        let mut out = Vec::with_capacity(sents.len());
        for (((toks, f), kept), pre) in sents.iter().zip(&first).zip(kept).zip(&pres) {
            let mut tags: Vec<usize> = Vec::with_capacity(toks.len());
            for (i, mut sc) in kept.into_iter().enumerate() {
                feats.clear();
                history_features(toks, pre, i, &tags, &mut feats);
                memory.features(toks, f, i, &mut feats);
                for f in &feats {
                    if let Some([_, w2]) = joint.get(f) {
                        add(&mut sc, w2);
                    }
                }
                tags.push(best_tag(&sc, tags.last().copied().unwrap_or(0)));
            }
            out.push(tags);
        }
        out
    }

    /// Serialise: a header line, then for each stage little-endian records (`u32` count, then
    /// `u64` feature and 9 × `f32` weights) for features whose largest weight is at least `min`.
    pub fn to_bytes(&self, header: &str, min: f32) -> Vec<u8> {
        let magic = if self.second.is_some() { MAGIC2 } else { MAGIC };
        let mut out = format!("{magic} {header}\n").into_bytes();
        for w in std::iter::once(&self.weights).chain(&self.second) {
            write_weights(w, min, &mut out);
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let nl = b
            .iter()
            .position(|&c| c == b'\n')
            .ok_or(ModelError::NoHeader)?;
        let header = String::from_utf8_lossy(&b[..nl]).to_string();
        let stages = if header.starts_with(MAGIC2) {
            2
        } else if header.starts_with(MAGIC) {
            1
        } else {
            return Err(ModelError::NotAModel);
        };
        let mut rest = &b[nl + 1..];
        let weights = read_weights(&mut rest, stages == 1)?;
        let second = if stages == 2 {
            Some(read_weights(&mut rest, true)?)
        } else {
            None
        };
        Ok(Model::new(weights, second, header))
    }
}

fn write_weights(weights: &Weights, min: f32, out: &mut Vec<u8>) {
    let mut keys: Vec<&u64> = weights
        .iter()
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= min))
        .map(|(k, _)| k)
        .collect();
    keys.sort();
    out.extend((keys.len() as u32).to_le_bytes());
    for k in keys {
        out.extend(k.to_le_bytes());
        for x in &weights[k] {
            out.extend(x.to_le_bytes());
        }
    }
}

/// Read one stage's records from the front of `rest`; `last` when nothing may follow them.
fn read_weights(rest: &mut &[u8], last: bool) -> Result<Weights, ModelError> {
    let n = u32::from_le_bytes(
        rest.get(..4)
            .ok_or(ModelError::Truncated)?
            .try_into()
            .map_err(|_| ModelError::Truncated)?,
    ) as usize;
    let rec = 8 + 4 * NT;
    let need = n.checked_mul(rec).ok_or(ModelError::BadRecord)?;
    let body = &rest[4..];
    if body.len() < need || (last && body.len() != need) {
        return Err(ModelError::Size {
            records: n,
            bytes: body.len(),
        });
    }
    let mut weights = Weights::with_capacity_and_hasher(n, Default::default());
    for r in body[..need].chunks_exact(rec) {
        let k = u64::from_le_bytes(r[..8].try_into().map_err(|_| ModelError::BadRecord)?);
        let mut w = [0f32; NT];
        for (t, x) in w.iter_mut().enumerate() {
            *x = f32::from_le_bytes(
                r[8 + 4 * t..12 + 4 * t]
                    .try_into()
                    .map_err(|_| ModelError::BadRecord)?,
            );
        }
        weights.insert(k, w);
    }
    *rest = &body[need..];
    Ok(weights)
}

/// Gazetteer features for a sentence of token texts: the longest lexicon name from each
/// position, as `B-KIND` / `I-KIND` (case-insensitive keys). `lower[i]` is `words[i]` in
/// lower case.
pub fn gazetteer_tags(words: &[&str], lower: &[String], lex: &Lexicon) -> Vec<Option<String>> {
    let mut out = vec![None; words.len()];
    let normed: Vec<String> = words.iter().map(|w| norm_key(w)).collect();
    let mut key = String::new();
    let mut i = 0;
    while i < words.len() {
        key.clear();
        let mut best = None;
        for (n, w) in words[i..].iter().take(MAX_NGRAM).enumerate() {
            if !w.chars().next().is_some_and(char::is_alphanumeric) {
                break;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&normed[i + n]);
            if let Some(e) = lex.get(&key) {
                best = Some((n + 1, e.kind));
            }
        }
        match best {
            Some((n, kind)) if !(n == 1 && lex.is_common_lower(&lower[i])) => {
                let k = kind_name(kind);
                out[i] = Some(format!("B-{k}"));
                for o in out.iter_mut().skip(i + 1).take(n - 1) {
                    *o = Some(format!("I-{k}"));
                }
                i += n;
            }
            _ => {
                if lex.is_title_lower(&lower[i]) {
                    out[i] = Some("TITLE".into());
                } else if lex.given_names.contains(&norm_key(words[i])) {
                    out[i] = Some("GIVEN".into());
                }
                i += 1;
            }
        }
    }
    out
}

fn kind_name(k: EntityType) -> &'static str {
    k.as_str()
}

/// Which lower-cased words the document writes capitalised mid-sentence (true) or in lower
/// case (false), for the non-local feature. `lower[k][i]` is `sentences[k][i].to_lowercase()`.
pub fn doc_caps(sentences: &[Vec<&str>], lower: &[&[String]]) -> HashMap<String, bool> {
    let mut m: HashMap<String, bool> = HashMap::new();
    for (s, ls) in sentences.iter().zip(lower) {
        for (w, l) in s.iter().zip(ls.iter()).skip(1) {
            let Some(c) = w.chars().next() else { continue };
            if !c.is_alphabetic() {
                continue;
            }
            let cap = c.is_uppercase();
            match m.get_mut(l.as_str()) {
                Some(e) => *e = *e || cap,
                None => {
                    m.insert(l.clone(), cap);
                }
            }
        }
    }
    m
}

/// Training: averaged perceptron with a fixed-seed shuffle, deterministic.
pub mod train {
    use super::*;

    pub struct Sentence {
        pub words: Vec<String>,
        /// The words in lower case, computed once for every pass over the sentence.
        pub lower: Vec<String>,
        pub tags: Vec<usize>,
        pub doc: usize,
    }

    /// Read CoNLL-2003 (IOB1 or IOB2, tag in the last column) as BIO sentences.
    pub fn read_conll(text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut words = Vec::new();
        let mut raw = Vec::new();
        let mut doc = 0;
        let flush = |words: &mut Vec<String>,
                     raw: &mut Vec<String>,
                     out: &mut Vec<Sentence>,
                     doc: usize| {
            if !words.is_empty() {
                let mut tags = Vec::with_capacity(raw.len());
                let mut prev = "O".to_string();
                for t in raw.iter() {
                    let t: &String = t;
                    let bio = if let Some(ty) = t.strip_prefix("I-") {
                        if prev.ends_with(ty) && prev != "O" {
                            format!("I-{ty}")
                        } else {
                            format!("B-{ty}")
                        }
                    } else {
                        t.clone()
                    };
                    tags.push(TAGS.iter().position(|x| *x == bio).unwrap_or(0));
                    prev = t.clone();
                }
                out.push(Sentence {
                    lower: words.iter().map(|w| w.to_lowercase()).collect(),
                    words: std::mem::take(words),
                    tags,
                    doc,
                });
                raw.clear();
            }
        };
        for line in text.lines() {
            if line.starts_with("-DOCSTART-") {
                flush(&mut words, &mut raw, &mut out, doc);
                doc += 1;
                continue;
            }
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.is_empty() {
                flush(&mut words, &mut raw, &mut out, doc);
                continue;
            }
            words.push(cols[0].to_string());
            raw.push(cols[cols.len() - 1].to_string());
        }
        flush(&mut words, &mut raw, &mut out, doc);
        out
    }

    struct Avg {
        w: HashMap<u64, [f32; NT]>,
        total: HashMap<u64, [f64; NT]>,
        stamp: HashMap<u64, [u64; NT]>,
        now: u64,
    }

    impl Avg {
        fn update(&mut self, f: u64, t: usize, d: f32) {
            let w = self.w.entry(f).or_insert([0.0; NT]);
            let tot = self.total.entry(f).or_insert([0.0; NT]);
            let st = self.stamp.entry(f).or_insert([0; NT]);
            tot[t] += (self.now - st[t]) as f64 * f64::from(w[t]);
            st[t] = self.now;
            w[t] += d;
        }

        fn averaged(&self) -> Weights {
            let mut out = Weights::with_capacity_and_hasher(self.w.len(), Default::default());
            for (f, w) in &self.w {
                let tot = &self.total[f];
                let st = &self.stamp[f];
                let mut a = [0f32; NT];
                for t in 0..NT {
                    let sum = tot[t] + (self.now - st[t]) as f64 * f64::from(w[t]);
                    a[t] = (sum / self.now.max(1) as f64) as f32;
                }
                out.insert(*f, a);
            }
            out
        }
    }

    /// The capitalisation map ([`doc_caps`]) of every document of a CoNLL file.
    pub fn caps_by_doc(sents: &[Sentence]) -> HashMap<usize, HashMap<String, bool>> {
        type Doc<'a> = (Vec<Vec<&'a str>>, Vec<&'a [String]>);
        let mut by_doc: HashMap<usize, Doc> = HashMap::new();
        for s in sents {
            let (words, lower) = by_doc.entry(s.doc).or_default();
            words.push(s.words.iter().map(String::as_str).collect());
            lower.push(&s.lower);
        }
        by_doc
            .into_iter()
            .map(|(d, (ws, ls))| (d, doc_caps(&ws, &ls)))
            .collect()
    }

    /// The tagger's view of a training sentence.
    pub fn views<'a>(s: &'a Sentence, lex: &Lexicon) -> Vec<TokenView<'a>> {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        super::views(&words, &s.lower, lex)
    }

    /// The sentences of each document: contiguous index ranges, in file order.
    pub fn doc_ranges(sents: &[Sentence]) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, s) in sents.iter().enumerate() {
            match out.last_mut() {
                Some(r) if sents[r.start].doc == s.doc => r.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
        out
    }

    /// What one stage is trained on: the sentences (indices) to learn from and, for the
    /// second stage, each document's first-stage memory and each sentence's first-stage tags.
    struct Stage<'a> {
        learn: Vec<usize>,
        memory: Option<Remembered<'a>>,
    }

    /// Each document's memory, each sentence's document, each sentence's first-stage tags.
    type Remembered<'a> = (&'a [DocMemory], &'a [usize], &'a [Vec<usize>]);

    /// Train one stage for `epochs` passes; `log` receives a line per epoch.
    fn train_stage(
        sents: &[Sentence],
        views: &[Vec<TokenView>],
        caps: &HashMap<usize, HashMap<String, bool>>,
        stage: &Stage,
        epochs: usize,
        without: u32,
        log: &mut impl FnMut(String),
    ) -> Weights {
        let mut avg = Avg {
            w: HashMap::new(),
            total: HashMap::new(),
            stamp: HashMap::new(),
            now: 1,
        };
        let mut order = stage.learn.clone();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut feats = Vec::with_capacity(72);
        let empty = HashMap::new();
        for epoch in 0..epochs {
            // Fisher-Yates with xorshift: the same order on every run
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let (mut right, mut all) = (0usize, 0usize);
            for &si in &order {
                let s = &sents[si];
                let v = &views[si];
                let dc = caps.get(&s.doc).unwrap_or(&empty);
                let mut pred: Vec<usize> = Vec::with_capacity(v.len());
                let mut pre = Prepared::new(v);
                pre.without = without;
                for i in 0..v.len() {
                    features(v, &pre, i, &pred, dc, &mut feats);
                    if let Some((mems, doc_of, first)) = stage.memory {
                        mems[doc_of[si]].features(v, &first[si], i, &mut feats);
                    }
                    let mut sc = [0f32; NT];
                    for f in &feats {
                        if let Some(w) = avg.w.get(f) {
                            for t in 0..NT {
                                sc[t] += w[t];
                            }
                        }
                    }
                    let mut best = 0;
                    for t in 1..NT {
                        if sc[t] > sc[best] {
                            best = t;
                        }
                    }
                    let gold = s.tags[i];
                    if best != gold {
                        for &f in &feats {
                            avg.update(f, gold, 1.0);
                            avg.update(f, best, -1.0);
                        }
                    } else {
                        right += 1;
                    }
                    all += 1;
                    avg.now += 1;
                    // train on the gold history (teacher forcing) for stable updates
                    pred.push(gold);
                }
            }
            log(format!(
                "epoch {}: token accuracy {:.4} (teacher-forced), {} features",
                epoch + 1,
                right as f64 / all.max(1) as f64,
                avg.w.len()
            ));
        }
        avg.averaged()
    }

    /// Train a one-stage model for `epochs` passes; `log` receives a line per epoch.
    pub fn train(
        sents: &[Sentence],
        lex: &Lexicon,
        epochs: usize,
        without: u32,
        mut log: impl FnMut(String),
    ) -> Model {
        let caps = caps_by_doc(sents);
        let views: Vec<Vec<TokenView>> = sents.iter().map(|s| views(s, lex)).collect();
        let all = Stage {
            learn: (0..sents.len()).collect(),
            memory: None,
        };
        Model::new(
            train_stage(sents, &views, &caps, &all, epochs, without, &mut log),
            None,
            String::new(),
        )
    }

    /// Train a two-stage model. The second stage must learn from first-stage tags as good as
    /// they will be on new text, not from tags of sentences the first stage was trained on:
    /// the documents are dealt into `folds` folds (document number modulo `folds`), and each
    /// fold is tagged by a first stage trained on the others (jackknifing). The shipped first
    /// stage is then trained on everything, and the second on everything with those tags.
    pub fn train_two_stage(
        sents: &[Sentence],
        lex: &Lexicon,
        epochs: usize,
        without: u32,
        folds: usize,
        mut log: impl FnMut(String),
    ) -> Model {
        let folds = folds.max(2);
        let caps = caps_by_doc(sents);
        let views: Vec<Vec<TokenView>> = sents.iter().map(|s| views(s, lex)).collect();
        let ranges = doc_ranges(sents);
        let mut first: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
        let empty = HashMap::new();
        for k in 0..folds {
            let learn = (0..sents.len())
                .filter(|&i| sents[i].doc % folds != k)
                .collect();
            let w = train_stage(
                sents,
                &views,
                &caps,
                &Stage {
                    learn,
                    memory: None,
                },
                epochs,
                without,
                &mut |_| {},
            );
            for i in (0..sents.len()).filter(|&i| sents[i].doc % folds == k) {
                first[i] = decode(
                    &w,
                    &views[i],
                    caps.get(&sents[i].doc).unwrap_or(&empty),
                    None,
                );
            }
            log(format!("first stage for fold {} of {folds} trained", k + 1));
        }
        let mut doc_of = vec![0usize; sents.len()];
        let memories: Vec<DocMemory> = ranges
            .iter()
            .enumerate()
            .map(|(d, r)| {
                doc_of[r.clone()].fill(d);
                DocMemory::new(&views[r.clone()], &first[r.clone()])
            })
            .collect();
        let all: Vec<usize> = (0..sents.len()).collect();
        log("first stage on all the data".into());
        let weights = train_stage(
            sents,
            &views,
            &caps,
            &Stage {
                learn: all.clone(),
                memory: None,
            },
            epochs,
            without,
            &mut log,
        );
        log("second stage".into());
        let second = train_stage(
            sents,
            &views,
            &caps,
            &Stage {
                learn: all,
                memory: Some((&memories, &doc_of, &first)),
            },
            epochs,
            without,
            &mut log,
        );
        Model::new(weights, Some(second), String::new())
    }

    /// Entity spans of a BIO tag sequence: (first token, end token, type).
    pub fn spans(tags: &[usize]) -> Vec<(usize, usize, &'static str)> {
        let mut out = Vec::new();
        let mut start: Option<(usize, &str)> = None;
        for (i, &t) in tags.iter().chain([0usize].iter()).enumerate() {
            let tag = TAGS[t];
            let cont = tag.starts_with("I-") && start.is_some_and(|(_, ty)| ty == &tag[2..]);
            if !cont {
                if let Some((s, ty)) = start.take() {
                    out.push((s, i, ty));
                }
                if let Some(ty) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) {
                    start = Some((i, ty));
                }
            }
        }
        out
    }

    /// Precision, recall and F1 of entities: exact span and type, as conlleval counts them.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Score {
        pub precision: f64,
        pub recall: f64,
        pub f1: f64,
    }

    /// The model's entity score on gold CoNLL sentences (gold tokenisation).
    pub fn evaluate(m: &Model, sents: &[Sentence], lex: &Lexicon) -> Score {
        let caps = caps_by_doc(sents);
        let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
        let empty = HashMap::new();
        for r in doc_ranges(sents) {
            let doc = &sents[r.clone()];
            let views: Vec<Vec<TokenView>> = doc.iter().map(|s| views(s, lex)).collect();
            let tags = m.tag_document(&views, caps.get(&doc[0].doc).unwrap_or(&empty));
            for (s, t) in doc.iter().zip(tags) {
                let pred = spans(&t);
                let gold = spans(&s.tags);
                tp += pred.iter().filter(|p| gold.contains(p)).count();
                np += pred.len();
                ng += gold.len();
            }
        }
        let precision = tp as f64 / np.max(1) as f64;
        let recall = tp as f64 / ng.max(1) as f64;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            f1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_ids(tags: &[&str]) -> Vec<usize> {
        tags.iter()
            .map(|t| TAGS.iter().position(|x| x == t).expect("a known tag"))
            .collect()
    }

    #[test]
    fn spans_of_bio_tags_end_where_the_type_changes() {
        let tags = tag_ids(&["B-PER", "I-PER", "O", "B-LOC", "I-ORG", "B-LOC", "B-LOC"]);
        assert_eq!(
            train::spans(&tags),
            [
                (0, 2, "PER"),
                (3, 4, "LOC"),
                (4, 5, "ORG"),
                (5, 6, "LOC"),
                (6, 7, "LOC")
            ]
        );
    }

    #[test]
    fn shapes_and_conll() {
        assert_eq!(shape("Putin"), "Xx");
        assert_eq!(shape("1996-08-22"), "d-d-d");
        assert_eq!(shape("U.S."), "X.X.");
        let s = train::read_conll("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n");
        let tags: Vec<&str> = s[0].tags.iter().map(|&t| TAGS[t]).collect();
        assert_eq!(tags, vec!["B-ORG", "O", "B-MISC", "B-PER", "I-PER"]);
    }

    #[test]
    fn title_case_headlines_are_truecased_for_the_tagger() {
        let lex = Lexicon::with_word_lists();
        let h = [
            "Poll",
            ":",
            "Wealthy",
            "Voters",
            "Abandon",
            "Republican",
            "Party",
        ];
        let tc = truecase(&h, &lex).unwrap();
        assert_eq!(tc[0], "Poll");
        assert_eq!((tc[3].as_str(), tc[4].as_str()), ("voters", "abandon"));
        assert_eq!(tc[5], "Republican");
        // sentence case, capitals throughout, and lists of names stay as they are
        let s = ["Voters", "abandon", "the", "Republican", "Party", "today"];
        assert!(truecase(&s, &lex).is_none());
        let caps = ["VOTERS", "ABANDON", "REPUBLICAN", "PARTY", "TODAY"];
        assert!(truecase(&caps, &lex).is_none());
        let names = ["Petr", "Korda", "beat", "Bohdan", "Ulihrach", "Prague"];
        assert!(truecase(&names, &lex).is_none());
    }

    #[test]
    fn acronyms_spelling_function_words_get_no_word_class() {
        let lex = Lexicon::with_word_lists();
        let words = ["US", "troops", "told", "us", "WHO", "Smith"];
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let v = views(&words, &lower, &lex);
        let has: Vec<bool> = v.iter().map(|t| t.cluster.is_some()).collect();
        assert_eq!(has, vec![false, true, true, true, false, true]);
    }

    #[test]
    fn a_tiny_model_learns_and_round_trips() {
        let lex = Lexicon::with_word_lists();
        let text = "Ann NNP I-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n.\t. O O\n\n".repeat(20);
        let sents = train::read_conll(&text.replace('\t', " "));
        let m = train::train(&sents, &lex, 3, 0, |_| {});
        let bytes = m.to_bytes("test", 0.0);
        let m2 = Model::from_bytes(&bytes).unwrap();
        let words = ["Ann", "Smith", "visited", "Paris", "."];
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let v: Vec<TokenView> = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| TokenView {
                text: w,
                lower: l,
                gaz: None,
                cluster: None,
            })
            .collect();
        let tags: Vec<&str> = m2
            .tag(&v, &HashMap::new())
            .into_iter()
            .map(|t| TAGS[t])
            .collect();
        assert_eq!(tags, vec!["B-PER", "I-PER", "O", "B-LOC", "O"]);
        assert!(Model::from_bytes(b"junk\n").is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3]).is_err());
    }

    fn plain_views<'a>(words: &[&'a str], lower: &'a [String]) -> Vec<TokenView<'a>> {
        words
            .iter()
            .zip(lower)
            .map(|(w, l)| TokenView {
                text: w,
                lower: l,
                gaz: None,
                cluster: None,
            })
            .collect()
    }

    fn feature_set(m: &DocMemory, v: &[TokenView], first: &[usize], i: usize) -> Vec<u64> {
        let mut out = Vec::new();
        m.features(v, first, i, &mut out);
        out
    }

    #[test]
    fn the_memory_tells_a_word_what_the_first_stage_called_it_elsewhere() {
        // "Marsh chaired the panel ." / "Lena Marsh spoke ." / "Marsh left ."
        let s1 = ["Marsh", "chaired", "the", "panel", "."];
        let s2 = ["Lena", "Marsh", "spoke", "."];
        let s3 = ["Marsh", "left", "."];
        let l1: Vec<String> = s1.iter().map(|w| w.to_lowercase()).collect();
        let l2: Vec<String> = s2.iter().map(|w| w.to_lowercase()).collect();
        let l3: Vec<String> = s3.iter().map(|w| w.to_lowercase()).collect();
        let sents = vec![
            plain_views(&s1, &l1),
            plain_views(&s2, &l2),
            plain_views(&s3, &l3),
        ];
        // the first stage got the full name right, one bare surname as ORG, one as nothing
        let first = vec![
            tag_ids(&["B-ORG", "O", "O", "O", "O"]),
            tag_ids(&["B-PER", "I-PER", "O", "O"]),
            tag_ids(&["O", "O", "O"]),
        ];
        let m = DocMemory::new(&sents, &first);
        let f = feature_set(&m, &sents[2], &first[2], 0);
        // the other two occurrences: one PER, one ORG (a tie goes to the earlier type, PER)
        assert!(f.contains(&fnv(&[b"nlmaj", &[1]])));
        assert!(f.contains(&fnv(&[b"nlany", &[1]])));
        assert!(f.contains(&fnv(&[b"nlany", &[2]])));
        assert!(
            !f.contains(&fnv(&[b"nlany", &[0]])),
            "its own O is not counted"
        );
        // it is part of a longer person's name elsewhere
        assert!(f.contains(&fnv(&[b"nllong", &[1]])));
        // inside that name, its own occurrence is not "elsewhere"
        let g = feature_set(&m, &sents[1], &first[1], 1);
        assert!(!g.contains(&fnv(&[b"nllong", &[1]])));
        // a word the document has once says nothing beyond its own first-stage tag, though it
        // is counted in both maps ("Lena": capitalised, inside a longer name)
        let h = feature_set(&m, &sents[1], &first[1], 0);
        assert_eq!(h, vec![fnv(&[b"s1", b"B-PER"])]);
    }

    #[test]
    fn a_two_stage_model_learns_round_trips_and_refuses_a_cut_file() {
        let lex = Lexicon::with_word_lists();
        let mut text = String::new();
        for d in 0..12 {
            text.push_str("-DOCSTART- -X- O O\n\n");
            text.push_str("Ann NNP I-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\n");
            if d % 2 == 0 {
                text.push_str(
                    "Smith NNP I-NP I-PER\nleft VBD I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\n",
                );
            }
        }
        let sents = train::read_conll(&text);
        let m = train::train_two_stage(&sents, &lex, 3, 0, 3, |_| {});
        assert!(m.second.is_some());
        let bytes = m.to_bytes("test", 0.0);
        assert!(bytes.starts_with(MAGIC2.as_bytes()));
        let m2 = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m2.to_bytes("test", 0.0), bytes);
        let words = [
            ["Ann", "Smith", "visited", "Paris", "."].as_slice(),
            &["Smith", "left", "Paris", "."],
        ];
        let lower: Vec<Vec<String>> = words
            .iter()
            .map(|s| s.iter().map(|w| w.to_lowercase()).collect())
            .collect();
        let v: Vec<Vec<TokenView>> = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| plain_views(w, l))
            .collect();
        let tags: Vec<Vec<&str>> = m2
            .tag_document(&v, &HashMap::new())
            .into_iter()
            .map(|s| s.into_iter().map(|t| TAGS[t]).collect())
            .collect();
        assert_eq!(tags[0], vec!["B-PER", "I-PER", "O", "B-LOC", "O"]);
        assert_eq!(tags[1], vec!["B-PER", "O", "B-LOC", "O"]);
        // the joint-weights pass gives what two plain passes give
        let caps = HashMap::new();
        let first: Vec<Vec<usize>> = v.iter().map(|s| m2.tag(s, &caps)).collect();
        let memory = DocMemory::new(&v, &first);
        let second = m2.second.as_ref().unwrap();
        let plain: Vec<Vec<usize>> = v
            .iter()
            .zip(&first)
            .map(|(s, f)| decode(second, s, &caps, Some((&memory, f))))
            .collect();
        assert_eq!(m2.tag_document(&v, &caps), plain);
        // the second stage's records cut short, or with bytes after them
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Model::from_bytes(&longer).is_err());
        // a one-stage file is still read, as one stage
        let one = train::train(&sents, &lex, 2, 0, |_| {});
        let m1 = Model::from_bytes(&one.to_bytes("one", 0.0)).unwrap();
        assert!(m1.second.is_none());
    }

    #[test]
    fn documents_are_contiguous_ranges_of_sentences() {
        let text = "-DOCSTART- -X- O O\n\nA NNP I-NP I-PER\n\nB NNP I-NP O\n\n-DOCSTART- -X- O O\n\nC NNP I-NP O\n";
        let sents = train::read_conll(text);
        assert_eq!(train::doc_ranges(&sents), vec![0..2, 2..3]);
    }
}
