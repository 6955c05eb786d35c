//! Event patterns: the data file format (see `data/events/patterns.txt` and
//! docs/data-formats.md), verb inflection, and matching against a sentence's tokens.
//!
//! Patterns are indexed by every surface form of their first element, so matching a sentence
//! costs one hash probe per token plus the few patterns that start there.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// Any of these word forms.
    Words(Vec<String>),
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
    first: HashMap<String, Vec<usize>>,
}

const IRREGULAR: &[(&str, &[&str])] = &[
    ("fly", &["flew", "flown"]),
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
        v.push(format!("{}ies", &l[..l.len() - 1]));
    } else if l.ends_with(['s', 'x', 'z', 'o']) || l.ends_with("sh") || l.ends_with("ch") {
        v.push(format!("{l}es"));
    } else {
        v.push(format!("{l}s"));
    }
    // -ed, -ing
    if stem_y {
        v.push(format!("{}ied", &l[..l.len() - 1]));
        v.push(format!("{l}ing"));
    } else if last == 'e' {
        v.push(format!("{l}d"));
        if l.ends_with("ee") {
            v.push(format!("{l}ing"));
        } else {
            v.push(format!("{}ing", &l[..l.len() - 1]));
        }
    } else {
        v.push(format!("{l}ed"));
        v.push(format!("{l}ing"));
        // consonant-vowel-consonant: also the doubled forms (plan -> planned)
        let cvc = n >= 3
            && !is_vowel(last)
            && is_vowel(before)
            && !is_vowel(chars[n - 3])
            && !matches!(last, 'w' | 'x' | 'y');
        if cvc {
            v.push(format!("{l}{last}ed"));
            v.push(format!("{l}{last}ing"));
        }
    }
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == l) {
        v.extend(forms.iter().map(|f| f.to_string()));
    }
    v.sort();
    v.dedup();
    v
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
    Elem::Words(forms)
}

impl Patterns {
    pub fn bundled() -> Patterns {
        // the bundled file is tested to parse
        Patterns::parse(include_str!("../../../data/events/patterns.txt")).unwrap_or_default()
    }

    /// Parse a pattern file; an error names the line.
    pub fn parse(text: &str) -> Result<Patterns, String> {
        let mut p = Patterns::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.split(" #").next().unwrap_or("").trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((code, pat)) = line.split_once('\t') else {
                return Err(format!("line {}: expected CODE<TAB>pattern", i + 1));
            };
            let code = code.trim();
            if code.len() < 2 || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("line {}: {code:?} is not a CAMEO code", i + 1));
            }
            let pat = pat.split('\t').next().unwrap_or("").trim();
            let elems: Vec<Elem> = pat.split_whitespace().map(parse_elem).collect();
            if !matches!(elems.first(), Some(Elem::Words(_))) {
                return Err(format!("line {}: a pattern must start with a word", i + 1));
            }
            p.add(Pattern {
                cameo: code.to_string(),
                elems,
                text: pat.to_string(),
            });
        }
        Ok(p)
    }

    fn add(&mut self, pat: Pattern) {
        let idx = self.list.len();
        if let Some(Elem::Words(ws)) = pat.elems.first() {
            for w in ws {
                self.first.entry(w.clone()).or_default().push(idx);
            }
        }
        self.list.push(pat);
    }

    /// All matches in a sentence of lower-cased tokens; overlapping matches keep the longest
    /// (then the most specific code).
    pub fn find(&self, words: &[&str]) -> Vec<Match> {
        let mut all = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(cands) = self.first.get(*w) else {
                continue;
            };
            for &pi in cands {
                if let Some(m) = self.match_at(pi, words, i) {
                    all.push(m);
                }
            }
        }
        // longest first, then longer code, then pattern order
        all.sort_by(|a, b| {
            let la = self.list[a.pattern].elems.len();
            let lb = self.list[b.pattern].elems.len();
            lb.cmp(&la)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(
                    self.list[b.pattern]
                        .cameo
                        .len()
                        .cmp(&self.list[a.pattern].cameo.len()),
                )
                .then(a.pattern.cmp(&b.pattern))
        });
        let mut kept: Vec<Match> = Vec::new();
        for m in all {
            if kept.iter().all(|k| m.end <= k.start || m.start >= k.end) {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| m.start);
        kept
    }

    fn match_at(&self, pi: usize, words: &[&str], start: usize) -> Option<Match> {
        let p = &self.list[pi];
        let mut i = start;
        let mut target_at = None;
        let mut k = 0;
        while k < p.elems.len() {
            match &p.elems[k] {
                Elem::Words(ws) => {
                    if ws.iter().any(|w| words.get(i) == Some(&w.as_str())) {
                        i += 1;
                    } else {
                        return None;
                    }
                }
                Elem::Target => target_at = Some(i),
                Elem::Gap => {
                    // the next word element within three tokens
                    let Some(Elem::Words(next)) = p.elems.get(k + 1) else {
                        return None;
                    };
                    let found = (i..(i + 4).min(words.len()))
                        .take_while(|&j| !matches!(words[j], "." | ";" | "!" | "?"))
                        .find(|&j| next.iter().any(|w| w == words[j]))?;
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

    #[test]
    fn inflections() {
        let f = inflect("fly");
        for w in ["fly", "flies", "flew", "flying", "flown"] {
            assert!(f.contains(&w.to_string()), "{w} {f:?}");
        }
        assert!(inflect("plan").contains(&"planned".to_string()));
        assert!(inflect("visit").contains(&"visited".to_string()));
        assert!(inflect("criticize").contains(&"criticized".to_string()));
        assert!(inflect("critic").contains(&"critics".to_string()));
    }

    #[test]
    fn bundled_patterns_parse_and_match() {
        let p = Patterns::parse(include_str!("../../../data/events/patterns.txt")).unwrap();
        assert!(p.list.len() > 200);
        let words: Vec<&str> = "assad flew to russian leader putin 's dacha on friday"
            .split(' ')
            .collect();
        let ms = p.find(&words);
        let codes: Vec<&str> = ms
            .iter()
            .map(|m| p.list[m.pattern].cameo.as_str())
            .collect();
        assert_eq!(codes, vec!["042"]);
        assert_eq!(ms[0].target_at, Some(3));
        let words: Vec<&str> = "they imposed new economic sanctions on iran"
            .split(' ')
            .collect();
        let ms = p.find(&words);
        assert_eq!(p.list[ms[0].pattern].cameo, "163");
    }

    #[test]
    fn bad_pattern_files_name_the_line() {
        assert!(Patterns::parse("042 visit").unwrap_err().contains("line 1"));
        assert!(Patterns::parse("# c\nXYZ\tvisit")
            .unwrap_err()
            .contains("line 2"));
        assert!(Patterns::parse("042\t$T visit").is_err());
    }
}
