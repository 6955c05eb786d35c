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

/// A trained model.
#[derive(Default, Clone)]
pub struct Model {
    pub weights: Weights,
    pub header: String,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Model({}, {} features)", self.header, self.weights.len())
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
pub const GROUPS: [&str; 11] = [
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
    let t1 = prev.last().copied().map(|t| TAGS[t]).unwrap_or("<s>");
    let t2 = if prev.len() >= 2 {
        TAGS[prev[prev.len() - 2]]
    } else {
        "<s>"
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
    if on(2) {
        out.push(fnv(&[b"t1", t1.as_bytes()]));
        out.push(fnv(&[b"t2t1", t2.as_bytes(), t1.as_bytes()]));
        out.push(fnv(&[b"t1w", t1.as_bytes(), lw.as_bytes()]));
        out.push(fnv(&[b"t1sh", t1.as_bytes(), sh.as_bytes()]));
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

impl Model {
    /// Scores of the nine tags for these features.
    fn scores(&self, feats: &[u64]) -> [f32; NT] {
        let mut s = [0f32; NT];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for t in 0..NT {
                    s[t] += w[t];
                }
            }
        }
        s
    }

    /// Tag one sentence: tag indices into [`TAGS`].
    pub fn tag(&self, toks: &[TokenView], doc_caps: &HashMap<String, bool>) -> Vec<usize> {
        let mut tags: Vec<usize> = Vec::with_capacity(toks.len());
        let mut feats = Vec::with_capacity(64);
        let pre = Prepared::new(toks);
        for i in 0..toks.len() {
            features(toks, &pre, i, &tags, doc_caps, &mut feats);
            let s = self.scores(&feats);
            let prev = tags.last().copied().unwrap_or(0);
            let mut best = 0;
            for t in 1..NT {
                if s[t] > s[best] {
                    best = t;
                }
            }
            // an I- tag must continue its own type
            if best % 2 == 0 && best > 0 && !(prev == best || prev == best - 1) {
                best -= 1;
            }
            tags.push(best);
        }
        tags
    }

    /// Serialise: a header line, then little-endian records (u64 feature, 9 × f32 weights)
    /// for features whose largest weight is at least `min`.
    pub fn to_bytes(&self, header: &str, min: f32) -> Vec<u8> {
        let mut keys: Vec<&u64> = self
            .weights
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= min))
            .map(|(k, _)| k)
            .collect();
        keys.sort();
        let mut out = format!("{MAGIC} {header}\n").into_bytes();
        out.extend((keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend(k.to_le_bytes());
            for x in &self.weights[k] {
                out.extend(x.to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let nl = b
            .iter()
            .position(|&c| c == b'\n')
            .ok_or(ModelError::NoHeader)?;
        let header = String::from_utf8_lossy(&b[..nl]).to_string();
        if !header.starts_with(MAGIC) {
            return Err(ModelError::NotAModel);
        }
        let rest = &b[nl + 1..];
        let n = u32::from_le_bytes(
            rest.get(..4)
                .ok_or(ModelError::Truncated)?
                .try_into()
                .map_err(|_| ModelError::Truncated)?,
        ) as usize;
        let rec = 8 + 4 * NT;
        if rest.len() != 4 + n * rec {
            return Err(ModelError::Size {
                records: n,
                bytes: rest.len(),
            });
        }
        let mut weights = Weights::with_capacity_and_hasher(n, Default::default());
        for r in rest[4..].chunks_exact(rec) {
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
        Ok(Model { weights, header })
    }
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

    /// Train for `epochs` passes; `log` receives a line per epoch.
    pub fn train(
        sents: &[Sentence],
        lex: &Lexicon,
        epochs: usize,
        without: u32,
        mut log: impl FnMut(String),
    ) -> Model {
        let mut avg = Avg {
            w: HashMap::new(),
            total: HashMap::new(),
            stamp: HashMap::new(),
            now: 1,
        };
        let caps = caps_by_doc(sents);
        let views: Vec<Vec<TokenView>> = sents.iter().map(|s| views(s, lex)).collect();
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut feats = Vec::with_capacity(64);
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
                let dc = &caps[&s.doc];
                let mut pred: Vec<usize> = Vec::with_capacity(v.len());
                let mut pre = Prepared::new(v);
                pre.without = without;
                for i in 0..v.len() {
                    features(v, &pre, i, &pred, dc, &mut feats);
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
        Model {
            weights: avg.averaged(),
            header: String::new(),
        }
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
        for s in sents {
            let v = views(s, lex);
            let pred = spans(&m.tag(&v, &caps[&s.doc]));
            let gold = spans(&s.tags);
            tp += pred.iter().filter(|p| gold.contains(p)).count();
            np += pred.len();
            ng += gold.len();
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
}
