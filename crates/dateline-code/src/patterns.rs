//! Event patterns: the data file format (see `data/events/patterns.txt` and
//! docs/data-formats.md), verb inflection, and matching against a sentence's tokens.
//!
//! Patterns are indexed by every surface form of their first element, so matching a sentence
//! costs one hash probe per token plus the few patterns that start there.

use dateline_text::hash::FastMap;
use dateline_text::table::{Reader, Writer};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// Any of these word forms (shared: a PETRARCH verb block's forms are the first element
    /// of each of its patterns).
    Words(Arc<Vec<String>>),
    /// Up to three tokens of anything.
    Gap,
    /// The target slot.
    Target,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub cameo: String,
    pub elems: Vec<Elem>,
    /// The pattern as written, for the `rule` field.
    pub text: String,
    /// Evidence strength when patterns of several sources match one sentence: only the
    /// strongest present are kept (pattern files 2, PETRARCH patterns with words after the
    /// verb 1, a PETRARCH verb alone 0).
    pub priority: u8,
    /// Written with a leading `$T` ("$T must"): the target is the actor right before the first
    /// word, and the source the sentence's subject ahead of it.
    pub target_before: bool,
    /// A sentence the pattern matches (the pattern file's third column), if given.
    pub example: Option<String>,
}

/// A match in a sentence: token indices relative to the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
    /// Where the target slot is, if the pattern has one.
    pub target_at: Option<usize>,
}

#[derive(Debug, Default, Clone)]
pub struct Patterns {
    pub list: Vec<Pattern>,
    /// Dateline's own patterns and the general layer's, each indexed by word form.
    own: FastMap<String, Indexed>,
    general: FastMap<String, Indexed>,
    /// Whether each pattern has a second word element (see [`Indexed::second`]).
    two_words: Vec<bool>,
}

/// The patterns a word form can start, and those it can be the second word element of: a
/// pattern of two word elements or more is tried only in a sentence holding its second.
#[derive(Debug, Default, Clone)]
struct Indexed {
    first: Vec<usize>,
    second: Vec<usize>,
}

const IRREGULAR: &[(&str, &[&str])] = &[
    ("fly", &["flew", "flown"]),
    ("withhold", &["withheld"]),
    ("meet", &["met"]),
    ("hold", &["held"]),
    ("make", &["made"]),
    ("take", &["took", "taken"]),
    ("give", &["gave", "given"]),
    ("send", &["sent"]),
    ("lend", &["lent"]),
    ("seek", &["sought"]),
    ("fight", &["fought"]),
    ("strike", &["struck", "stricken"]),
    ("shoot", &["shot"]),
    ("speak", &["spoke", "spoken"]),
    ("break", &["broke", "broken"]),
    ("forgive", &["forgave", "forgiven"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("go", &["went", "gone"]),
    ("beat", &["beaten"]),
    ("cut", &["cut"]),
    ("put", &["put"]),
    ("find", &["found"]),
    ("blow", &["blew", "blown"]),
    ("slay", &["slew", "slain"]),
    ("deny", &["denied"]),
    ("lead", &["led"]),
    ("bring", &["brought"]),
    ("buy", &["bought"]),
    ("sell", &["sold"]),
    ("tell", &["told"]),
    ("say", &["said"]),
    ("rise", &["rose", "risen"]),
    ("arise", &["arose", "arisen"]),
    ("win", &["won"]),
    ("lose", &["lost"]),
    ("leave", &["left"]),
    ("keep", &["kept"]),
    ("freeze", &["froze", "frozen"]),
    ("steal", &["stole", "stolen"]),
    ("draw", &["drew", "drawn"]),
    ("throw", &["threw", "thrown"]),
    ("begin", &["began", "begun"]),
    ("run", &["ran"]),
    ("set", &["set"]),
    ("quit", &["quit"]),
    ("spread", &["spread"]),
    ("rid", &["rid"]),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Inflections of a verb or noun: base, -s, -ed, -ing (with e-dropping, y->i and consonant
/// doubling) and irregular forms.
pub fn inflect(lemma: &str) -> Vec<String> {
    let l = lemma.to_lowercase();
    let mut v = vec![l.clone()];
    let chars: Vec<char> = l.chars().collect();
    let n = chars.len();
    let last = chars.last().copied().unwrap_or(' ');
    let before = if n >= 2 { chars[n - 2] } else { ' ' };
    let stem_y = last == 'y' && !is_vowel(before);
    // -s
    if stem_y {
        v.push(cat(&[&l[..l.len() - 1], "ies"]));
    } else if l.ends_with(['s', 'x', 'z', 'o']) || l.ends_with("sh") || l.ends_with("ch") {
        v.push(cat(&[&l, "es"]));
    } else {
        v.push(cat(&[&l, "s"]));
    }
    // -ed, -ing
    if stem_y {
        v.push(cat(&[&l[..l.len() - 1], "ied"]));
        v.push(cat(&[&l, "ing"]));
    } else if last == 'e' {
        v.push(cat(&[&l, "d"]));
        if l.ends_with("ee") {
            v.push(cat(&[&l, "ing"]));
        } else {
            v.push(cat(&[&l[..l.len() - 1], "ing"]));
        }
    } else {
        v.push(cat(&[&l, "ed"]));
        v.push(cat(&[&l, "ing"]));
        // consonant-vowel-consonant: also the doubled forms (plan -> planned)
        let cvc = n >= 3
            && !is_vowel(last)
            && is_vowel(before)
            && !is_vowel(chars[n - 3])
            && !matches!(last, 'w' | 'x' | 'y');
        if cvc {
            v.push(cat(&[&l, last.encode_utf8(&mut [0; 4]), "ed"]));
            v.push(cat(&[&l, last.encode_utf8(&mut [0; 4]), "ing"]));
        }
    }
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == l) {
        v.extend(forms.iter().map(|f| f.to_string()));
    }
    v.sort();
    v.dedup();
    v
}

/// The strings one after the other (what `format!` would make, without its machinery: the
/// PETRARCH dictionary inflects ~11k verbs at start-up).
fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// The base form of an irregular verb form ("met" -> "meet"), where the inflection table
/// has it.
pub(crate) fn irregular_base(form: &str) -> Option<&'static str> {
    IRREGULAR
        .iter()
        .find(|(_, forms)| forms.contains(&form))
        .map(|(b, _)| *b)
}

fn parse_elem(tok: &str) -> Elem {
    if tok == "*" {
        return Elem::Gap;
    }
    if tok == "$T" {
        return Elem::Target;
    }
    let mut forms = Vec::new();
    for alt in tok.split('|') {
        if let Some(l) = alt.strip_prefix('{').and_then(|a| a.strip_suffix('}')) {
            forms.extend(inflect(l));
        } else {
            forms.push(alt.to_lowercase());
        }
    }
    Elem::Words(Arc::new(forms))
}

/// One PETRARCH pattern line (`- * (TO +) [061]`) as a pattern of the verb `forms`; `None`
/// when it cannot be expressed (words before the verb, no code, an unknown set).
fn petrarch_pattern(
    line: &str,
    forms: &Arc<Vec<String>>,
    sets: &HashMap<String, Vec<String>>,
    inflected: &mut HashMap<String, Arc<Vec<String>>>,
) -> Result<Option<Pattern>, String> {
    let body = line.trim_start_matches('-').trim();
    let Some(open) = body.rfind('[') else {
        return Err("pattern without [code]".into());
    };
    let Some(code) = petrarch_code(&body[open..]) else {
        return Ok(None);
    };
    let spaced = body[..open].replace('*', " * ");
    let words: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '{' | '}'))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(star) = words.iter().position(|w| *w == "*") else {
        return Err("pattern without * for the verb".into());
    };
    if words[..star].iter().any(|w| !matches!(*w, "$" | "+" | "%")) {
        return Ok(None);
    }
    let mut elems = vec![Elem::Words(Arc::clone(forms))];
    let mut prev_target = false;
    for w in &words[star + 1..] {
        match *w {
            "+" => {
                if !prev_target {
                    elems.push(Elem::Target);
                    prev_target = true;
                }
                continue;
            }
            "$" | "%" | "^" => continue,
            _ => {}
        }
        let alts: Arc<Vec<String>> = if let Some(set) = w.strip_prefix('&') {
            let name = set.to_uppercase();
            match (inflected.get(&name), sets.get(&name)) {
                (Some(forms), _) => Arc::clone(forms),
                (None, Some(ws)) => {
                    // a set's forms inflected once, sorted as `Patterns::add` keeps them
                    let mut forms: Vec<String> = ws.iter().flat_map(|x| inflect(x)).collect();
                    forms.sort();
                    forms.dedup();
                    let forms = Arc::new(forms);
                    inflected.insert(name, Arc::clone(&forms));
                    forms
                }
                (None, None) => return Ok(None),
            }
        } else {
            let w = w.trim_end_matches('_').to_lowercase();
            if w.is_empty() || w.contains('_') {
                return Ok(None);
            }
            Arc::new(vec![w])
        };
        // a gap may come before a word, not before the target slot
        if !prev_target {
            elems.push(Elem::Gap);
        }
        elems.push(Elem::Words(alts));
        prev_target = false;
    }
    if matches!(elems.last(), Some(Elem::Target)) || elems.len() == 1 {
        // a trailing target slot: the target is looked for after the match anyway
        if elems.len() == 2 {
            elems.pop();
        }
    }
    let priority = u8::from(elems.len() > 1);
    Ok(Some(Pattern {
        cameo: code,
        elems,
        text: format!(
            "petrarch: {} {}",
            forms.first().map(String::as_str).unwrap_or(""),
            body
        ),
        priority,
        target_before: false,
        example: None,
    }))
}

/// Whether the sorted word alternatives `ws` hold `w`.
fn contains(ws: &[String], w: &str) -> bool {
    ws.binary_search_by(|x| x.as_str().cmp(w)).is_ok()
}

/// The first CAMEO code of a PETRARCH code field (`[061]`, `[:154]`, `[042:043]`), if any.
fn petrarch_code(raw: &str) -> Option<String> {
    let c = raw
        .trim_matches(['[', ']'])
        .split(':')
        .find(|s| !s.trim().is_empty())?;
    let c = c.trim();
    (c.len() >= 2 && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit())).then(|| c.to_string())
}

/// The first line of a pattern file (dateline's format, or PETRARCH's when `petrarch`) with
/// a CAMEO code `known` rejects, as an error naming the line: a typo such as `[9999]` would
/// otherwise code events no table can name.
pub fn check_codes(
    text: &str,
    petrarch: bool,
    known: impl Fn(&str) -> bool,
) -> Result<(), PatternError> {
    for (i, raw) in text.lines().enumerate() {
        let codes: Vec<String> = if petrarch {
            let line = raw.split('#').next().unwrap_or("");
            line.match_indices('[')
                .filter_map(|(at, _)| {
                    let end = line[at..].find(']').map_or(line.len(), |e| at + e + 1);
                    petrarch_code(&line[at..end])
                })
                .collect()
        } else {
            let line = raw.split(" #").next().unwrap_or("").trim_end();
            if line.trim_start().starts_with('#') {
                continue;
            }
            line.split_once('\t')
                .map(|(c, _)| c.trim().to_string())
                .into_iter()
                .collect()
        };
        if let Some(c) = codes.iter().find(|c| !known(c)) {
            return Err(PatternError::at(i + 1, format!("{c:?} is no CAMEO code")));
        }
    }
    Ok(())
}

/// A pattern file that does not parse: the line (1-based) and what is wrong there, and the
/// file when it is known ("data/events/patterns.txt: line 12: …").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}line {line}: {message}", file.as_deref().map(|f| format!("{f}: ")).unwrap_or_default())]
pub struct PatternError {
    pub file: Option<String>,
    pub line: usize,
    pub message: String,
}

impl PatternError {
    fn at(line: usize, message: impl Into<String>) -> PatternError {
        PatternError {
            file: None,
            line,
            message: message.into(),
        }
    }

    /// The same error, naming the file it is in.
    pub fn in_file(self, file: &str) -> PatternError {
        PatternError {
            file: Some(file.to_string()),
            ..self
        }
    }
}

/// A PETRARCH verb dictionary being read, line by line (see [`Patterns::parse_petrarch`]).
#[derive(Default)]
struct PetrarchReader {
    /// The patterns read so far, not yet indexed.
    patterns: Vec<Pattern>,
    /// patterns that cannot be expressed (words before the verb, no code)
    skipped: usize,
    /// synonym sets by name
    sets: HashMap<String, Vec<String>>,
    /// the sets' members inflected, by set name, as patterns have used them
    inflected: HashMap<String, Arc<Vec<String>>>,
    /// the set whose members are being read
    current_set: Option<String>,
    /// whether a verb block has started (sets come before the blocks)
    in_block: bool,
    /// the current block: its verbs' forms, its default code, its pattern lines
    forms: Vec<String>,
    /// the block's verbs: head word, forms and own code, each a pattern of its own alone
    verbs: Vec<(String, Vec<String>, Option<String>)>,
    default: Option<String>,
    lines: Vec<(usize, String)>,
}

impl PetrarchReader {
    /// Read line `n` (comment stripped, not empty).
    fn line(&mut self, n: usize, line: &str) -> Result<(), PatternError> {
        if line.starts_with("---") {
            return self.block_header(n, line);
        }
        if let Some(name) = line.strip_prefix('&').filter(|_| !self.in_block) {
            self.current_set = Some(name.trim().to_uppercase());
            return Ok(());
        }
        if let Some(word) = line.strip_prefix('+').filter(|_| !self.in_block) {
            return self.set_member(n, word);
        }
        if !self.in_block {
            return Err(PatternError::at(
                n,
                "expected a set, a set member or a verb block",
            ));
        }
        if line.starts_with('-') {
            self.lines.push((n, line.to_string()));
        } else {
            self.verb(line);
        }
        Ok(())
    }

    /// `--- VERB [code] ---`: the previous block ends, a new one starts with its default code.
    fn block_header(&mut self, n: usize, line: &str) -> Result<(), PatternError> {
        self.flush()?;
        self.in_block = true;
        self.current_set = None;
        let code = line
            .split_whitespace()
            .find(|w| w.starts_with('['))
            .ok_or_else(|| PatternError::at(n, "verb block header without [code]"))?;
        self.default = petrarch_code(code);
        Ok(())
    }

    /// `+WORD`: a member of the current set (a trailing `_` dropped, multi-word members
    /// skipped).
    fn set_member(&mut self, n: usize, word: &str) -> Result<(), PatternError> {
        let Some(set) = &self.current_set else {
            return Err(PatternError::at(n, "a set member outside a set"));
        };
        let w = word.trim().trim_end_matches('_').to_lowercase();
        if !w.is_empty() && !w.contains(['_', ' ']) {
            self.sets.entry(set.clone()).or_default().push(w);
            self.inflected.remove(set);
        }
        Ok(())
    }

    /// A verb: `HURRY {HURRIES HURRYING HURRIED }`, `EVACUATE [070]` (its own code);
    /// multi-word verbs are skipped.
    fn verb(&mut self, line: &str) {
        let (line, own) = match line.split_once('[') {
            Some((l, c)) => (l.trim(), petrarch_code(c)),
            None => (line, None),
        };
        let (head, irregular) = match line.split_once('{') {
            Some((h, rest)) => (h.trim(), rest.trim_end_matches('}')),
            None => (line, ""),
        };
        let head = head.split_whitespace().next().unwrap_or("");
        if head.contains('_') || head.is_empty() {
            return;
        }
        let mut these = inflect(head);
        these.extend(irregular.split_whitespace().map(str::to_lowercase));
        self.forms.extend(these.iter().cloned());
        self.verbs.push((head.to_lowercase(), these, own));
    }

    /// The end of a block: its verbs alone with the default code, and one pattern per
    /// pattern line.
    fn flush(&mut self) -> Result<(), PatternError> {
        self.forms.sort();
        self.forms.dedup();
        if !self.forms.is_empty() {
            let forms = Arc::new(std::mem::take(&mut self.forms));
            // each verb alone, with its own code or the block's
            for (head, forms, own) in std::mem::take(&mut self.verbs) {
                if let Some(c) = own.or_else(|| self.default.clone()) {
                    self.patterns.push(Pattern {
                        cameo: c,
                        elems: vec![Elem::Words(Arc::new(forms))],
                        text: format!("{PETRARCH_VERB}{head}"),
                        priority: 0,
                        target_before: false,
                        example: None,
                    });
                }
            }
            for (n, l) in std::mem::take(&mut self.lines) {
                match petrarch_pattern(&l, &forms, &self.sets, &mut self.inflected) {
                    Ok(Some(pat)) => self.patterns.push(pat),
                    Ok(None) => self.skipped += 1,
                    Err(e) => return Err(PatternError::at(n, e)),
                }
            }
        }
        self.forms.clear();
        self.verbs.clear();
        self.lines.clear();
        self.default = None;
        Ok(())
    }
}

const PETRARCH_MAGIC: &[u8; 4] = b"DLPT";
const PETRARCH_VERSION: u32 = 1;

/// The bundled PETRARCH verb dictionary's patterns in binary form ([`encode_petrarch`]), for
/// build.rs; `None` if the file does not parse (the program then parses it and names the
/// line) or does not fit the table.
pub fn prebuild_petrarch() -> Option<Vec<u8>> {
    let (list, _skipped) = Patterns::parse_petrarch_list(CAMEO_2_0).ok()?;
    encode_petrarch(&list, CAMEO_2_0.len())
}

/// Patterns as a table of `dateline_text::table`, for a text of `text_len` bytes: the word
/// lists once each as the patterns share them (count, then each list's length and words), then
/// the patterns (count, then each one's code, text, priority, target-before flag, example
/// (0, or 1 and the text) and elements: 0 a gap, 1 the target, 2 and a list's index).
pub fn encode_petrarch(list: &[Pattern], text_len: usize) -> Option<Vec<u8>> {
    let mut w = Writer::default();
    let mut at: HashMap<*const Vec<String>, usize> = HashMap::new();
    let mut lists: Vec<&Arc<Vec<String>>> = Vec::new();
    for e in list.iter().flat_map(|p| &p.elems) {
        if let Elem::Words(ws) = e {
            at.entry(Arc::as_ptr(ws)).or_insert_with(|| {
                lists.push(ws);
                lists.len() - 1
            });
        }
    }
    w.num(lists.len())?;
    for ws in lists {
        w.num(ws.len())?;
        for x in ws.iter() {
            w.str(x)?;
        }
    }
    w.num(list.len())?;
    for p in list {
        w.str(&p.cameo)?;
        w.str(&p.text)?;
        w.num(usize::from(p.priority))?;
        w.num(usize::from(p.target_before))?;
        match &p.example {
            None => w.num(0)?,
            Some(x) => {
                w.num(1)?;
                w.str(x)?;
            }
        }
        w.num(p.elems.len())?;
        for e in &p.elems {
            match e {
                Elem::Gap => w.num(0)?,
                Elem::Target => w.num(1)?,
                Elem::Words(ws) => {
                    w.num(2)?;
                    w.num(*at.get(&Arc::as_ptr(ws))?)?;
                }
            }
        }
    }
    w.finish(PETRARCH_MAGIC, PETRARCH_VERSION, &[text_len])
}

/// The patterns [`encode_petrarch`] wrote for a text of `text_len` bytes, sharing their word
/// lists as they did: `None` when `bytes` are no such table, were made from another text, or
/// are damaged.
pub fn decode_petrarch(bytes: &[u8], text_len: usize) -> Option<Vec<Pattern>> {
    let mut r = Reader::open(bytes, PETRARCH_MAGIC, PETRARCH_VERSION, &[text_len])?;
    let n = r.count(1)?;
    let mut lists = Vec::with_capacity(n);
    for _ in 0..n {
        let k = r.count(2)?;
        let mut ws = Vec::with_capacity(k);
        for _ in 0..k {
            ws.push(r.str()?.to_string());
        }
        lists.push(Arc::new(ws));
    }
    let n = r.count(8)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let cameo = r.str()?.to_string();
        let text = r.str()?.to_string();
        let priority = u8::try_from(r.num()?).ok()?;
        let target_before = r.flag()?;
        let example = match r.flag()? {
            true => Some(r.str()?.to_string()),
            false => None,
        };
        let k = r.count(1)?;
        let mut elems = Vec::with_capacity(k);
        for _ in 0..k {
            elems.push(match r.num()? {
                0 => Elem::Gap,
                1 => Elem::Target,
                2 => Elem::Words(Arc::clone(lists.get(r.num()?)?)),
                _ => return None,
            });
        }
        out.push(Pattern {
            cameo,
            elems,
            text,
            priority,
            target_before,
            example,
        });
    }
    r.is_done().then_some(out)
}

/// How the `text` of a PETRARCH verb alone starts ("petrarch: kidnap").
pub const PETRARCH_VERB: &str = "petrarch: ";

/// How the `text` of a WordNet word alone starts ("wordnet: incarcerate").
pub const WORDNET_WORD: &str = "wordnet: ";

/// The verb a pattern's text is keyed on: the first lemma of an own pattern ("fly" of
/// "{fly} to $T", "reiterate" of "{reiterate}|{repeat}"), the verb of a PETRARCH one
/// ("brave" of "petrarch: brave * CRITICISM"); none for a pattern keyed on a plain word.
pub fn head_verb(text: &str) -> Option<&str> {
    match text
        .strip_prefix(PETRARCH_VERB)
        .or_else(|| text.strip_prefix(WORDNET_WORD))
    {
        Some(rest) => rest.split_whitespace().next(),
        None => text.strip_prefix('{').and_then(|t| t.split('}').next()),
    }
}

impl Pattern {
    /// The verb of a PETRARCH verb-alone pattern ("kidnap"), if this is one.
    pub fn petrarch_verb(&self) -> Option<&str> {
        if self.is_general() && self.elems.len() == 1 {
            self.text
                .strip_prefix(PETRARCH_VERB)
                .filter(|v| !v.contains(' '))
        } else {
            None
        }
    }

    /// The word of a WordNet word-alone pattern ("incarcerate"), if this is one.
    pub fn wordnet_word(&self) -> Option<&str> {
        self.text
            .strip_prefix(WORDNET_WORD)
            .map(|w| w.trim_end_matches(" (noun)"))
    }

    /// Whether the pattern is a noun that names the act ("expulsion"): its doer may follow
    /// as "by X" (`events/clauses/nominal.rs`).
    pub fn is_noun(&self) -> bool {
        self.text.starts_with(WORDNET_WORD) && self.text.ends_with(" (noun)")
    }

    /// Whether the pattern is of the general layer (a PETRARCH verb dictionary) rather than
    /// dateline's own pattern files (see `events::general_layer`).
    pub fn is_general(&self) -> bool {
        self.priority < OWN_PRIORITY
    }
}

/// PETRARCH's CAMEO verb dictionary, the general layer (MIT).
const CAMEO_2_0: &str = include_str!("../data/events/CAMEO.2.0.txt");

/// WordNet 3.1's synonyms and derived nouns of the own patterns' verbs, also of the general
/// layer (WordNet licence).
const WORDNET_WORDS: &str = include_str!("../data/events/wordnet-words.tsv");

/// The evidence strength of dateline's own pattern files (see [`Pattern::priority`]).
pub const OWN_PRIORITY: u8 = 2;

impl Patterns {
    /// The bundled patterns (`data/events/patterns.txt`); an error names the file and line.
    pub fn bundled() -> Result<Patterns, PatternError> {
        Patterns::bundled_with(|_| true)
    }

    /// The bundled patterns with only the general-layer patterns `keep` accepts (those that
    /// can make an event at all): the rest would cost time in every sentence.
    pub fn bundled_with(keep: impl Fn(&Pattern) -> bool) -> Result<Patterns, PatternError> {
        let mut p = Patterns::parse_file(
            "data/events/patterns.txt",
            include_str!("../data/events/patterns.txt"),
        )?;
        // prebuilt by build.rs; parsed (a bad line the error naming it) if not there
        let mut general = match decode_petrarch(crate::PREBUILT_PETRARCH, CAMEO_2_0.len()) {
            Some(list) => list,
            None => {
                Patterns::parse_petrarch_list(CAMEO_2_0)
                    .map_err(|e| e.in_file("data/events/CAMEO.2.0.txt"))?
                    .0
            }
        };
        general.extend(
            Patterns::parse_wordnet_words(WORDNET_WORDS)
                .map_err(|e| e.in_file("data/events/wordnet-words.tsv"))?,
        );
        p.add_all(general.into_iter().filter(|pat| keep(pat)));
        Ok(p)
    }

    /// The words of `data/events/wordnet-words.tsv` (WordNet synonyms of the own patterns'
    /// verbs and the nouns derived from them, `scripts/build_wordnet_verbs.py`), each a
    /// general-layer pattern of the word alone, in any inflection: rows
    /// `code<TAB>word<TAB>v|n<TAB>seed<TAB>synset<TAB>share`.
    pub fn parse_wordnet_words(text: &str) -> Result<Vec<Pattern>, PatternError> {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let (code, word, pos) = match f.as_slice() {
                [code, word, pos, _seed, _synset, _share] => (*code, *word, *pos),
                _ => return Err(PatternError::at(i + 1, "expected 6 tab-separated fields")),
            };
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PatternError::at(
                    i + 1,
                    format!("not a CAMEO code: {code:?}"),
                ));
            }
            if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(PatternError::at(
                    i + 1,
                    format!("not a lower-case word: {word:?}"),
                ));
            }
            if pos != "v" && pos != "n" {
                return Err(PatternError::at(
                    i + 1,
                    format!("pos must be v or n: {pos:?}"),
                ));
            }
            out.push(Pattern {
                cameo: code.to_string(),
                elems: vec![Elem::Words(Arc::new(inflect(word)))],
                text: if pos == "n" {
                    format!("{WORDNET_WORD}{word} (noun)")
                } else {
                    format!("{WORDNET_WORD}{word}")
                },
                priority: 0,
                target_before: false,
                example: None,
            });
        }
        Ok(out)
    }

    /// The bundled general layer: PETRARCH's CAMEO verb dictionary (`data/events/
    /// CAMEO.2.0.txt`, MIT), weaker evidence than the pattern file (see
    /// `events::general_layer` for how the two combine).
    pub fn bundled_general() -> Result<Patterns, PatternError> {
        Patterns::parse_petrarch(CAMEO_2_0)
            .map(|(p, _skipped)| p)
            .map_err(|e| e.in_file("data/events/CAMEO.2.0.txt"))
    }

    /// Parse the pattern file `name`; an error names the file and the line.
    pub fn parse_file(name: &str, text: &str) -> Result<Patterns, PatternError> {
        Patterns::parse(text).map_err(|e| e.in_file(name))
    }

    /// Parse a pattern file; an error names the line.
    pub fn parse(text: &str) -> Result<Patterns, PatternError> {
        let mut p = Patterns::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.split(" #").next().unwrap_or("").trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((code, pat)) = line.split_once('\t') else {
                return Err(PatternError::at(i + 1, "expected CODE<TAB>pattern"));
            };
            let code = code.trim();
            if code.len() < 2 || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PatternError::at(
                    i + 1,
                    format!("{code:?} is not a CAMEO code"),
                ));
            }
            let mut columns = pat.split('\t');
            let pat = columns.next().unwrap_or("").trim();
            let example = columns
                .next()
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_string);
            // each alternative is a word or a whole {lemma}: "{a}|{b}", not "{a|b}"
            if let Some(bad) = pat
                .split_whitespace()
                .flat_map(|t| t.split('|'))
                .find(|alt| {
                    alt.starts_with('{') != alt.ends_with('}') || alt.matches('{').count() > 1
                })
            {
                return Err(PatternError::at(
                    i + 1,
                    format!("{bad:?}: braces must enclose one lemma (write {{a}}|{{b}})"),
                ));
            }
            let mut elems: Vec<Elem> = pat.split_whitespace().map(parse_elem).collect();
            let target_before = matches!(elems.first(), Some(Elem::Target));
            if target_before {
                elems.remove(0);
            }
            if !matches!(elems.first(), Some(Elem::Words(_))) {
                return Err(PatternError::at(
                    i + 1,
                    "a pattern must start with a word (or $T and a word)",
                ));
            }
            p.add(Pattern {
                cameo: code.to_string(),
                elems,
                text: pat.to_string(),
                priority: OWN_PRIORITY,
                target_before,
                example,
            });
        }
        Ok(p)
    }

    /// Parse a verb dictionary in PETRARCH's CAMEO format (`CAMEO.2.0.txt`, MIT, Open Event
    /// Data Alliance): synonym sets (`&NAME` then `+WORD` lines), verb blocks (`--- VERB [code]
    /// ---`, the verb's forms one per line, irregular forms in braces) and patterns
    /// (`- words * words [code]`, `*` the verb, `+` the target, `(…)` and `{…}` phrases,
    /// `&SET` any word of a set). Each block becomes the verb alone with its default code and
    /// one pattern per pattern line whose words all follow the verb: the words after it
    /// within three tokens of each other, `+` a target slot. Patterns with words before the
    /// verb, or without a code, are skipped (the count is returned). An error names the line.
    pub fn parse_petrarch(text: &str) -> Result<(Patterns, usize), PatternError> {
        let (list, skipped) = Patterns::parse_petrarch_list(text)?;
        let mut p = Patterns::default();
        p.add_all(list);
        Ok((p, skipped))
    }

    /// [`Patterns::parse_petrarch`]'s patterns as a list, not indexed for search yet.
    fn parse_petrarch_list(text: &str) -> Result<(Vec<Pattern>, usize), PatternError> {
        let mut r = PetrarchReader::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if !line.is_empty() {
                r.line(i + 1, line)?;
            }
        }
        r.flush()?;
        Ok((r.patterns, r.skipped))
    }

    /// Add another set of patterns (a user's file) to these.
    pub fn extend(&mut self, other: Patterns) {
        self.add_all(other.list);
    }

    fn add(&mut self, pat: Pattern) {
        self.add_all(std::iter::once(pat));
    }

    /// Add patterns in order, each indexed under the forms of its first word element (and of
    /// its second, see [`Indexed::second`]). The patterns of a PETRARCH verb block share their
    /// first element (one `Arc`): a run of them is indexed at once, one lookup a form instead
    /// of one a form and pattern (each form's list still ascending).
    fn add_all(&mut self, pats: impl IntoIterator<Item = Pattern>) {
        // the shared forms of a run, whether it is the general layer's, its patterns
        let mut run: Option<(Arc<Vec<String>>, bool, Vec<usize>)> = None;
        for mut pat in pats {
            // word alternatives sorted, for a binary search in `match_at` (PETRARCH's synonym
            // sets run to hundreds of forms)
            for e in &mut pat.elems {
                if let Elem::Words(ws) = e {
                    if !ws.is_sorted() {
                        Arc::make_mut(ws).sort();
                    }
                    if ws.windows(2).any(|w| w[0] == w[1]) {
                        Arc::make_mut(ws).dedup();
                    }
                }
            }
            let idx = self.list.len();
            let general = pat.is_general();
            let mut word_elems = pat.elems.iter().filter_map(|e| match e {
                Elem::Words(ws) => Some(ws),
                _ => None,
            });
            if let Some(ws) = word_elems.next() {
                match &mut run {
                    Some((forms, g, idxs)) if *g == general && Arc::ptr_eq(forms, ws) => {
                        idxs.push(idx)
                    }
                    _ => {
                        if let Some(done) = run.replace((Arc::clone(ws), general, vec![idx])) {
                            self.index_run(done);
                        }
                    }
                }
            }
            let second = word_elems.next();
            let index = if general {
                &mut self.general
            } else {
                &mut self.own
            };
            // (a word's entry made, and its key copied, only the first time the word is seen)
            for w in second.iter().flat_map(|ws| ws.iter()) {
                match index.get_mut(w.as_str()) {
                    Some(x) => x.second.push(idx),
                    None => {
                        let x = Indexed {
                            first: Vec::new(),
                            second: vec![idx],
                        };
                        index.insert(w.clone(), x);
                    }
                }
            }
            self.two_words.push(second.is_some());
            self.list.push(pat);
        }
        if let Some(done) = run {
            self.index_run(done);
        }
    }

    /// The patterns `idxs` indexed under each of their first element's `forms`.
    fn index_run(&mut self, (forms, general, idxs): (Arc<Vec<String>>, bool, Vec<usize>)) {
        let index = if general {
            &mut self.general
        } else {
            &mut self.own
        };
        for w in forms.iter() {
            match index.get_mut(w.as_str()) {
                Some(x) => x.first.extend_from_slice(&idxs),
                None => {
                    let x = Indexed {
                        first: idxs.clone(),
                        second: Vec::new(),
                    };
                    index.insert(w.clone(), x);
                }
            }
        }
    }

    /// All matches in a sentence of lower-cased tokens; overlapping matches keep the longest
    /// (then the most specific code).
    pub fn find(&self, words: &[&str]) -> Vec<Match> {
        // dateline's own patterns first; the general layer only where they match nothing
        // (it would lose to them anyway, and it is most of the patterns)
        let mut all = self.matches_in(&self.own, words);
        if all.is_empty() {
            all = self.matches_in(&self.general, words);
        }
        // only the strongest evidence present in the sentence
        let top = all
            .iter()
            .map(|m| self.list[m.pattern].priority)
            .max()
            .unwrap_or(0);
        all.retain(|m| self.list[m.pattern].priority == top);
        // longest first, then the one starting first (a verb before the noun it governs:
        // "halted talks with X" over "talks with X"), then longer code, then pattern order
        all.sort_by(|a, b| {
            let la = self.list[a.pattern].elems.len();
            let lb = self.list[b.pattern].elems.len();
            lb.cmp(&la)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(a.start.cmp(&b.start))
                .then(
                    self.list[b.pattern]
                        .cameo
                        .len()
                        .cmp(&self.list[a.pattern].cameo.len()),
                )
                .then(a.pattern.cmp(&b.pattern))
        });
        // a match is kept when none of its tokens is taken by a better one: linear in the
        // sentence, however many matches it holds ("attacked" 100,000 times)
        let mut taken = vec![false; words.len() + 1];
        let mut kept: Vec<Match> = Vec::new();
        for m in all {
            let span = m.start..m.end.max(m.start + 1).min(taken.len());
            if !taken[span.clone()].iter().any(|&t| t) {
                taken[span].iter_mut().for_each(|t| *t = true);
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| m.start);
        kept
    }

    /// Every match in `words` of the patterns of one index.
    fn matches_in(&self, index: &FastMap<String, Indexed>, words: &[&str]) -> Vec<Match> {
        let mut all = Vec::new();
        let hits: Vec<(usize, &Indexed)> = words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| index.get(*w).map(|x| (i, x)))
            .collect();
        if hits.iter().all(|(_, x)| x.first.is_empty()) {
            return all;
        }
        // the patterns whose second word element is somewhere in the sentence (a bit each)
        let mut second = vec![0u64; self.list.len().div_ceil(64)];
        for &pi in hits.iter().flat_map(|(_, x)| &x.second) {
            second[pi / 64] |= 1 << (pi % 64);
        }
        for (i, x) in &hits {
            for &pi in &x.first {
                if self.two_words[pi] && second[pi / 64] & (1 << (pi % 64)) == 0 {
                    continue;
                }
                if let Some(m) = self.match_at(pi, words, *i) {
                    all.push(m);
                }
            }
        }
        all
    }

    fn match_at(&self, pi: usize, words: &[&str], start: usize) -> Option<Match> {
        let p = &self.list[pi];
        let mut i = start;
        let mut target_at = None;
        let mut k = 0;
        while k < p.elems.len() {
            match &p.elems[k] {
                Elem::Words(ws) => {
                    if words.get(i).is_some_and(|x| contains(ws, x)) {
                        i += 1;
                    } else {
                        return None;
                    }
                }
                Elem::Target => {
                    target_at = Some(i);
                    // words after the target follow the target's phrase: "{allow} $T to"
                    // matches "allowed the opposition leader to"
                    if let Some(Elem::Words(next)) = p.elems.get(k + 1) {
                        let found = (i + 1..(i + 8).min(words.len()))
                            .take_while(|&j| !matches!(words[j], "." | ";" | "!" | "?" | ","))
                            .find(|&j| contains(next, words[j]))?;
                        i = found;
                    }
                }
                Elem::Gap => {
                    // the next word element within three tokens
                    let Some(Elem::Words(next)) = p.elems.get(k + 1) else {
                        return None;
                    };
                    let found = (i..(i + 4).min(words.len()))
                        .take_while(|&j| !matches!(words[j], "." | ";" | "!" | "?"))
                        .find(|&j| contains(next, words[j]))?;
                    i = found;
                }
            }
            k += 1;
        }
        Some(Match {
            pattern: pi,
            start,
            end: i,
            target_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many word lists the patterns share.
    fn lists(list: &[Pattern]) -> usize {
        let mut seen = std::collections::HashSet::new();
        for e in list.iter().flat_map(|p| &p.elems) {
            if let Elem::Words(ws) = e {
                seen.insert(Arc::as_ptr(ws));
            }
        }
        seen.len()
    }

    #[test]
    fn prebuilt_petrarch_patterns_are_the_parsed_ones() {
        let (parsed, _) = Patterns::parse_petrarch_list(CAMEO_2_0).unwrap();
        let prebuilt = decode_petrarch(crate::PREBUILT_PETRARCH, CAMEO_2_0.len());
        assert_eq!(prebuilt.as_ref(), Some(&parsed));
        // shared as they were
        assert_eq!(prebuilt.map(|p| lists(&p)), Some(lists(&parsed)));
        assert_eq!(
            prebuild_petrarch().as_deref(),
            Some(crate::PREBUILT_PETRARCH)
        );
    }

    #[test]
    fn a_damaged_or_stale_prebuilt_pattern_table_is_refused() {
        let bytes = crate::PREBUILT_PETRARCH;
        let len = CAMEO_2_0.len();
        assert!(decode_petrarch(bytes, len + 1).is_none());
        for cut in [0, 3, 4, 12, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode_petrarch(&bytes[..cut], len).is_none(), "{cut}");
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert!(decode_petrarch(&longer, len).is_none());
        // a small table: one list of one word, one pattern (code, text, priority, flag, no
        // example, two elements); its numbers damaged one at a time
        let small = vec![Pattern {
            cameo: "173".into(),
            elems: vec![Elem::Words(Arc::new(vec!["arrest".into()])), Elem::Target],
            text: "petrarch: arrest".into(),
            priority: 1,
            target_before: false,
            example: None,
        }];
        let b = encode_petrarch(&small, 7).unwrap();
        assert_eq!(decode_petrarch(&b, 7), Some(small));
        // numbers: lists 1, length 1, word (2), patterns 1, code (2), text (2), priority,
        // flag, example, elements 2, kind 2, list 0, kind 1
        let nums = b.len() - 4 * 17;
        for i in [0, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16] {
            let mut bad = b.clone();
            bad[nums + 4 * i..nums + 4 * i + 4].copy_from_slice(&u32::MAX.to_le_bytes());
            assert_eq!(decode_petrarch(&bad, 7), None, "number {i}");
        }
    }

    const PETRARCH_SAMPLE: &str = "# a verb file in PETRARCH's format, written for this test\n\
&RELIEF_\n+AID\n+FOOD_\n+CARRY_ON\n\n\
---  DISPATCH   [---]  ---\n\
DISPATCH\n\
SEND {SENDS SENDING SENT }\n\
EVACUATE [0874]\n\
- * &RELIEF_ (TO +)                 [073]   # SEND\n\
- * TROOPS                          [:154]  # SEND\n\
- &MILITARY *                       [154]   # before the verb: skipped\n\
- * RE-TRIAL                        [---]   # no code: skipped\n\n\
---  ACCUSE   [112]  ---\n\
ACCUSE\n\
- *SCEPTICAL                        [012]\n";

    /// The codes of the patterns of `p` that match a sentence of lower-case words.
    fn codes_in(p: &Patterns, sentence: &str) -> Vec<String> {
        let words: Vec<&str> = sentence.split(' ').collect();
        p.find(&words)
            .iter()
            .map(|m| p.list[m.pattern].cameo.clone())
            .collect()
    }

    fn petrarch_sample() -> Patterns {
        let (p, skipped) = Patterns::parse_petrarch(PETRARCH_SAMPLE).unwrap();
        assert_eq!(
            skipped, 2,
            "patterns with words before the verb or no code are skipped"
        );
        p
    }

    #[test]
    fn petrarch_verb_dictionaries_load() {
        let p = petrarch_sample();
        let cases = [
            // a set member, a gap, the target slot; irregular forms
            ("they sent food and water to gaza", vec!["073"]),
            ("the army sent troops", vec!["154"]),
            // a verb with its own code, a block's default code, a star joined to its word
            ("israel will evacuate", vec!["0874"]),
            ("kenya accused uganda", vec!["112"]),
            ("he accused sceptical", vec!["012"]),
            // nothing for the verb alone when its block has no default code
            ("they dispatch", vec![]),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(s, want)| codes_in(&p, s) != *want)
            .map(|(s, want)| format!("{s}: {:?}, want {want:?}", codes_in(&p, s)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_petrarch_pattern_without_a_star_is_an_error_naming_the_line() {
        let bad = "---  SEND   [---]  ---\nSEND\n- TROOPS [154]\n";
        let e = Patterns::parse_petrarch(bad).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (3, "pattern without * for the verb")
        );
        assert_eq!(e.to_string(), "line 3: pattern without * for the verb");
        assert_eq!(
            e.in_file("verbs.txt").to_string(),
            "verbs.txt: line 3: pattern without * for the verb"
        );
    }

    #[test]
    fn an_unknown_cameo_code_is_an_error_naming_the_line() {
        let onto = crate::ontology::Ontology::bundled();
        let known = |c: &str| onto.knows(c);
        let ours = "042\tmet with $T\n# 999 in a comment is no code\n999\tzorbled\n";
        let e = check_codes(ours, false, known).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (3, "\"999\" is no CAMEO code")
        );
        let petrarch = "--- ZORBLE   [---]\nZORBLE\n- * HARD [0999]\n- * SOFT [042]\n";
        assert_eq!(check_codes(petrarch, true, known).unwrap_err().line, 3);
        assert!(check_codes(PETRARCH_SAMPLE, true, known).is_ok());
        // a leaf the tables lack under a listed code is accepted
        assert!(known("155") && known("176") && !known("99") && !known("1999"));
    }

    #[test]
    fn every_bundled_pattern_has_a_known_code() {
        let onto = crate::ontology::Ontology::bundled();
        let p = Patterns::bundled().expect("bundled patterns");
        let unknown: Vec<&str> = p
            .list
            .iter()
            .map(|x| x.cameo.as_str())
            .filter(|c| !onto.knows(c))
            .collect();
        assert!(unknown.is_empty(), "{unknown:?}");
    }

    #[test]
    fn a_petrarch_set_member_outside_a_set_is_an_error_naming_the_line() {
        assert_eq!(Patterns::parse_petrarch("+AID\n").unwrap_err().line, 1);
    }

    #[test]
    fn stronger_evidence_wins_in_a_sentence() {
        let mut p = Patterns::parse("112\t{accuse} $T\n").unwrap();
        p.extend(Patterns::parse_petrarch(PETRARCH_SAMPLE).unwrap().0);
        let words: Vec<&str> = "kenya accused uganda and sent troops".split(' ').collect();
        let got: Vec<&str> = p
            .find(&words)
            .iter()
            .map(|m| p.list[m.pattern].text.as_str())
            .collect();
        // the pattern file's match; the PETRARCH ones (weaker) are dropped in this sentence
        assert_eq!(got, vec!["{accuse} $T"]);
    }

    #[test]
    fn inflections() {
        let cases = [
            ("fly", "fly"),
            ("fly", "flies"),
            ("fly", "flew"),
            ("fly", "flying"),
            ("fly", "flown"),
            ("plan", "planned"),
            ("visit", "visited"),
            ("criticize", "criticized"),
            ("critic", "critics"),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(l, w)| !inflect(l).contains(&w.to_string()))
            .map(|(l, w)| format!("{w} not among {:?}", inflect(l)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_visit_pattern_finds_its_target_slot() {
        let p = Patterns::bundled().unwrap();
        assert!(p.list.len() > 200);
        let words: Vec<&str> = "ruto flew to ethiopian leader abiy 's farm on friday"
            .split(' ')
            .collect();
        let ms = p.find(&words);
        let codes: Vec<&str> = ms
            .iter()
            .map(|m| p.list[m.pattern].cameo.as_str())
            .collect();
        assert_eq!(codes, vec!["042"]);
        assert_eq!(ms[0].target_at, Some(3));
    }

    #[test]
    fn a_gap_reaches_the_next_word() {
        let p = Patterns::bundled().unwrap();
        assert_eq!(
            codes_in(&p, "they imposed new economic sanctions on iran"),
            vec!["163"]
        );
    }

    #[test]
    fn words_after_the_target_follow_its_phrase() {
        let p = Patterns::parse("083\t{allow} $T to\n").unwrap();
        let words: Vec<&str> = "the court allowed the opposition leader to stand"
            .split(' ')
            .collect();
        let ms = p.find(&words);
        assert_eq!((ms.len(), ms[0].target_at), (1, Some(3)));
        assert_eq!(ms[0].end, 7);
    }

    #[test]
    fn words_after_the_target_are_not_looked_for_across_a_comma() {
        let p = Patterns::parse("083\t{allow} $T to\n").unwrap();
        let words: Vec<&str> = "they allowed it , to be sure".split(' ').collect();
        assert!(p.find(&words).is_empty());
    }

    #[test]
    fn bad_pattern_files_name_the_line() {
        let cases = [
            ("042 visit", "line 1:"),
            ("# c\nXYZ\tvisit", "line 2:"),
            ("042\t* visit", "line 1:"),
            ("042\t$T * visit", "line 1:"),
            ("042\t{visit}\n164\t{halt|end} * talks", "line 2:"),
            ("100\t$T", "line 1:"),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(text, want)| match Patterns::parse(text) {
                Err(e) if e.to_string().starts_with(want) => None,
                other => Some(format!("{text:?}: {other:?}, want an error at {want}")),
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn alternatives_may_be_lemmas() {
        assert!(Patterns::parse("164\t{halt}|{end} * talks|negotiations").is_ok());
    }

    #[test]
    fn a_leading_target_comes_before_the_words() {
        let p = Patterns::parse("100\t$T must").unwrap();
        assert!(p.list[0].target_before && p.list[0].elems.len() == 1);
    }

    #[test]
    fn every_bundled_pattern_matches_its_own_example() {
        let p = Patterns::bundled().expect("the bundled patterns parse");
        let wrong: Vec<String> = (0..p.list.len())
            .filter(|&pi| !p.list[pi].is_general())
            .filter_map(|pi| {
                let pat = &p.list[pi];
                let Some(example) = &pat.example else {
                    return Some(format!("{} {}: no example", pat.cameo, pat.text));
                };
                let words: Vec<String> = dateline_nlp::tokens::tokenize(example)
                    .iter()
                    .map(|t| t.text(example).to_lowercase())
                    .collect();
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                let matched = (0..words.len()).any(|i| p.match_at(pi, &words, i).is_some());
                (!matched).then(|| format!("{} {}: not in {example:?}", pat.cameo, pat.text))
            })
            .collect();
        assert!(
            wrong.is_empty(),
            "{} patterns:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn a_malformed_pattern_file_is_an_error_naming_the_file_and_line() {
        let text = "# patterns\n042\t{visit} $T\tThe king visited Peru.\n042 {visit} $T\n";
        assert_eq!(
            Patterns::parse_file("mine.txt", text)
                .unwrap_err()
                .to_string(),
            "mine.txt: line 3: expected CODE<TAB>pattern"
        );
    }

    #[test]
    fn the_example_column_is_optional_and_not_part_of_the_pattern() {
        let p =
            Patterns::parse("042\t{visit} $T\tThe king visited Peru.\n043\t{host} $T\n").unwrap();
        assert_eq!(p.list[0].text, "{visit} $T");
        assert_eq!(p.list[0].example.as_deref(), Some("The king visited Peru."));
        assert_eq!(p.list[1].example, None);
    }
}
