//! The actor dictionaries' entries and their parsing (the grammar is in [`crate::actors`]),
//! and their prebuilt binary form. Dependency-free but for `dateline-text`, so that
//! `build.rs` compiles this very file to prebuild the bundled dictionaries.

use dateline_text::date::{self, Date};
use dateline_text::hash::FastMap;
use dateline_text::norm_key;
use dateline_text::table::{Reader, Writer};
use std::collections::HashMap;

/// One dated code of an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// An actor entry: its names and codes.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    pub name: String,
    pub codes: Vec<DatedCode>,
    /// The entry comes from a person list (CountryInfo leaders).
    pub person: bool,
}

impl ActorEntry {
    /// The dated code whose range holds `day`, if one does (what [`ActorEntry::code_on`]
    /// prefers over an undated code).
    pub fn dated_on(&self, day: Option<i64>) -> Option<&DatedCode> {
        let d = day?;
        self.codes
            .iter()
            .filter(|c| c.from.is_some() || c.to.is_some())
            .find(|c| c.from.is_none_or(|f| d >= f) && c.to.is_none_or(|t| d <= t))
    }

    /// The code valid on `day` (days since 1970-01-01): a dated code whose range holds the
    /// day wins over an undated one; with no date, the undated or the latest code.
    pub fn code_on(&self, day: Option<i64>) -> Option<&str> {
        if day.is_some() {
            if let Some(c) = self.dated_on(day) {
                return Some(&c.code);
            }
            if let Some(c) = self
                .codes
                .iter()
                .find(|c| c.from.is_none() && c.to.is_none())
            {
                return Some(&c.code);
            }
            return None;
        }
        self.codes
            .iter()
            .find(|c| c.from.is_none() && c.to.is_none())
            .or_else(|| self.codes.iter().max_by_key(|c| c.from.unwrap_or(i64::MIN)))
            .map(|c| c.code.as_str())
    }
}

/// Actor and agent dictionaries.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Actors {
    pub entries: Vec<ActorEntry>,
    /// normalised name -> entry index
    pub by_name: FastMap<String, usize>,
    /// normalised agent word(s) -> role code ("MIL", "GOV")
    pub agents: FastMap<String, String>,
    /// normalised surname -> person entries with a name ending in it
    pub by_surname: FastMap<String, Vec<usize>>,
}

fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s.get(0..2)?.parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        8 => (s.get(0..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let m: u32 = rest.get(0..2)?.parse().ok()?;
    let d: u32 = rest.get(2..4)?.parse().ok()?;
    let m = m.clamp(1, 12);
    let d = d.clamp(1, date::days_in_month(y, m));
    Date::new(y, m, d).map(Date::to_days)
}

/// `[CODE]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]`.
fn parse_codes(s: &str, out: &mut Vec<DatedCode>) {
    let mut rest = s;
    while let Some(a) = rest.bytes().position(|b| b == b'[') {
        let Some(b) = rest[a..].bytes().position(|b| b == b']') else {
            break;
        };
        let inner = &rest[a + 1..a + b];
        rest = &rest[a + b + 1..];
        let mut parts = inner.split_whitespace();
        let Some(code) = parts.next() else { continue };
        let code = code.trim_start_matches('~').to_string();
        if code.is_empty() || code == "---" {
            continue;
        }
        let (mut from, mut to) = (None, None);
        if let Some(d) = parts.next() {
            if let Some(x) = d.strip_prefix('>') {
                from = parse_date(x);
            } else if let Some(x) = d.strip_prefix('<') {
                to = parse_date(x);
            } else if let Some((x, y)) = d.split_once('-') {
                from = parse_date(x);
                to = parse_date(y);
            }
        }
        out.push(DatedCode { code, from, to });
    }
}

impl Actors {
    /// Add the entries of an actor file. Lines that fit no rule are skipped (the format has
    /// no errors a coder could not survive); returns how many entries were added.
    pub fn load_actors(&mut self, text: &str) -> usize {
        let mut names: Vec<String> = Vec::new();
        let mut codes: Vec<DatedCode> = Vec::new();
        let mut person = false;
        let mut added = 0;
        let mut flush =
            |names: &mut Vec<String>, codes: &mut Vec<DatedCode>, person: bool, me: &mut Actors| {
                if !names.is_empty() && !codes.is_empty() {
                    let idx = me.entries.len();
                    me.entries.push(ActorEntry {
                        name: names[0].clone(),
                        codes: std::mem::take(codes),
                        person,
                    });
                    for n in names.iter() {
                        let k = norm_key(n);
                        if k.is_empty() {
                            continue;
                        }
                        if person {
                            if let Some(s) = k.rsplit(' ').next().filter(|s| s.len() >= 3) {
                                match me.by_surname.get_mut(s) {
                                    Some(v) => {
                                        if v.last() != Some(&idx) {
                                            v.push(idx);
                                        }
                                    }
                                    None => {
                                        me.by_surname.insert(s.to_string(), vec![idx]);
                                    }
                                }
                            }
                        }
                        me.by_name.entry(k).or_insert(idx);
                    }
                    added += 1;
                }
                names.clear();
                codes.clear();
            };
        // ~1 entry per 30 bytes of the bundled files
        self.by_name.reserve(text.len() / 30);
        for raw in dateline_text::tsv::lines(text) {
            let (line, comment) = match raw.bytes().position(|b| b == b'#') {
                Some(i) => (&raw[..i], &raw[i..]),
                None => (raw, ""),
            };
            if line.trim().is_empty() {
                continue;
            }
            if raw.starts_with([' ', '\t']) {
                parse_codes(line, &mut codes);
                continue;
            }
            let (is_syn, body) = match line.strip_prefix('+') {
                Some(b) => (true, b),
                None => (false, line),
            };
            let name = body
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('_');
            if !is_syn {
                flush(&mut names, &mut codes, person, self);
                person = comment.contains("CountryInfo");
            }
            if !name.is_empty() && !name.starts_with('[') {
                names.push(name.replace('_', " "));
            }
            parse_codes(body, &mut codes);
        }
        flush(&mut names, &mut codes, person, self);
        added
    }

    /// Add the entries of an agents file.
    pub fn load_agents(&mut self, text: &str) {
        let mut macros: HashMap<String, Vec<String>> = HashMap::new();
        for raw in text.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('!') {
                if let Some((m, vals)) = line.split_once('=') {
                    let vals = vals
                        .split(',')
                        .map(|v| v.trim().to_string())
                        .filter(|v| !v.is_empty())
                        .collect();
                    macros.insert(m.trim().to_string(), vals);
                }
                continue;
            }
            let Some(b) = line.find('[') else { continue };
            let mut codes = Vec::new();
            parse_codes(&line[b..], &mut codes);
            let Some(code) = codes.first().map(|c| c.code.clone()) else {
                continue;
            };
            let head = line[..b].trim();
            let (name, plurals) = match head.find('{') {
                Some(i) => (
                    head[..i].trim(),
                    head[i + 1..]
                        .trim_end_matches('}')
                        .split_whitespace()
                        .collect::<Vec<_>>(),
                ),
                None => (head, Vec::new()),
            };
            let mut forms = Vec::new();
            // expand one macro, if any
            if let Some(s) = name.find('!') {
                if let Some(e) = name[s + 1..].find('!') {
                    let m = &name[s..s + e + 2];
                    for v in macros.get(m).cloned().unwrap_or_default() {
                        forms.push(name.replace(m, &v));
                    }
                }
            } else {
                forms.push(name.to_string());
                if plurals.is_empty() {
                    forms.push(format!("{name}S"));
                }
            }
            forms.extend(plurals.iter().map(|p| p.to_string()));
            for f in forms {
                let k = norm_key(&f);
                if !k.is_empty() {
                    self.agents.entry(k).or_insert_with(|| code.clone());
                }
            }
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&ActorEntry> {
        self.by_name.get(&norm_key(name)).map(|&i| &self.entries[i])
    }

    /// A person named by surname alone ("Mugabe", "President Bush"): the one person entry with
    /// that surname holding a dated code for `day` gives its code; when several do, the
    /// country they all share, if they share one; else (or with no date) nothing: a surname
    /// out of office says too little ("Perry").
    pub fn person_by_surname(&self, surname: &str, day: Option<i64>) -> Option<String> {
        let in_office = self.in_office_by_surname(surname, day);
        if let [one] = in_office.as_slice() {
            return one.code_on(day).map(str::to_string);
        }
        let mut countries = in_office
            .iter()
            .filter_map(|e| e.code_on(day))
            .filter_map(|c| c.get(..3));
        let first = countries.next()?;
        countries.all(|c| c == first).then(|| first.to_string())
    }

    /// The one person with this surname who holds a dated code on `day`, if only one does.
    pub fn person_in_office(&self, surname: &str, day: Option<i64>) -> Option<&ActorEntry> {
        match self.in_office_by_surname(surname, day).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The people with this surname holding a dated code on `day`.
    fn in_office_by_surname(&self, surname: &str, day: Option<i64>) -> Vec<&ActorEntry> {
        let Some(cands) = self.by_surname.get(&norm_key(surname)) else {
            return Vec::new();
        };
        cands
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| e.dated_on(day).is_some())
            .collect()
    }

    pub fn agent(&self, words: &str) -> Option<&str> {
        self.agents.get(&norm_key(words)).map(String::as_str)
    }
}

/// The bundled actor files (`data/actors/`) in loading order: dateline's additions after
/// Phoenix, so that Phoenix's entries win.
pub const BUNDLED_ACTORS: [&str; 4] = [
    include_str!("../../data/actors/Phoenix.Countries.actors.txt"),
    include_str!("../../data/actors/Phoenix.International.actors.txt"),
    include_str!("../../data/actors/Phoenix.MilNonState.actors.txt"),
    include_str!("../../data/actors/international-extra.txt"),
];

/// The bundled agents files, in loading order.
pub const BUNDLED_AGENTS: [&str; 2] = [
    include_str!("../../data/actors/agents-extra.txt"),
    include_str!("../../data/actors/Phoenix.agents.txt"),
];

/// The lengths of the bundled files, actors then agents: what a prebuilt table was made from.
pub fn bundled_lengths() -> [usize; 6] {
    let [a, b, c, d] = BUNDLED_ACTORS.map(str::len);
    let [e, f] = BUNDLED_AGENTS.map(str::len);
    [a, b, c, d, e, f]
}

const MAGIC: &[u8; 4] = b"DLAC";
const VERSION: u32 = 1;

impl Actors {
    /// The bundled dictionaries parsed from their text (what the prebuilt table holds).
    pub fn parse_bundled() -> Actors {
        let mut a = Actors::default();
        for text in BUNDLED_ACTORS {
            a.load_actors(text);
        }
        for text in BUNDLED_AGENTS {
            a.load_agents(text);
        }
        a
    }

    /// The dictionaries in binary form, for texts of `text_lengths` bytes: `DLAC`, version 1,
    /// the number of texts and their lengths, the strings' text (its length, then UTF-8), and
    /// the number of u32s that follow and them: the entries (name, person, codes with their
    /// days), the names, the surnames and the agents, in key order. `None` if a number does
    /// not fit. Little-endian throughout.
    pub fn encode(&self, text_lengths: &[usize]) -> Option<Vec<u8>> {
        let mut w = Writer::default();
        w.num(self.entries.len())?;
        for e in &self.entries {
            w.str(&e.name)?;
            w.num(usize::from(e.person))?;
            w.num(e.codes.len())?;
            for c in &e.codes {
                w.str(&c.code)?;
                w.day(c.from)?;
                w.day(c.to)?;
            }
        }
        let mut names: Vec<_> = self.by_name.iter().collect();
        names.sort_unstable();
        w.num(names.len())?;
        for (k, &i) in names {
            w.str(k)?;
            w.num(i)?;
        }
        let mut surnames: Vec<_> = self.by_surname.iter().collect();
        surnames.sort_unstable();
        w.num(surnames.len())?;
        for (k, v) in surnames {
            w.str(k)?;
            w.num(v.len())?;
            for &i in v {
                w.num(i)?;
            }
        }
        let mut agents: Vec<_> = self.agents.iter().collect();
        agents.sort_unstable();
        w.num(agents.len())?;
        for (k, code) in agents {
            w.str(k)?;
            w.str(code)?;
        }
        w.finish(MAGIC, VERSION, text_lengths)
    }

    /// The dictionaries [`Actors::encode`] wrote for texts of `text_lengths` bytes: `None`
    /// when `bytes` are no such table, were made from other texts, or are damaged (a number
    /// out of bounds, a string that is not UTF-8, bytes left over).
    pub fn decode(bytes: &[u8], text_lengths: &[usize]) -> Option<Actors> {
        let mut r = Reader::open(bytes, MAGIC, VERSION, text_lengths)?;
        let mut a = Actors::default();
        let n = r.count(4)?;
        a.entries.reserve(n);
        for _ in 0..n {
            let name = r.str()?.to_string();
            let person = r.flag()?;
            let k = r.count(4)?;
            let mut codes = Vec::with_capacity(k);
            for _ in 0..k {
                let code = r.str()?.to_string();
                let (from, to) = (r.day()?, r.day()?);
                codes.push(DatedCode { code, from, to });
            }
            a.entries.push(ActorEntry {
                name,
                codes,
                person,
            });
        }
        let n = r.count(3)?;
        a.by_name.reserve(n);
        for _ in 0..n {
            let k = r.str()?.to_string();
            let i = r.index(a.entries.len())?;
            a.by_name.insert(k, i);
        }
        let n = r.count(3)?;
        a.by_surname.reserve(n);
        for _ in 0..n {
            let k = r.str()?.to_string();
            let m = r.count(1)?;
            let mut v = Vec::with_capacity(m);
            for _ in 0..m {
                v.push(r.index(a.entries.len())?);
            }
            a.by_surname.insert(k, v);
        }
        let n = r.count(4)?;
        a.agents.reserve(n);
        for _ in 0..n {
            let k = r.str()?.to_string();
            a.agents.insert(k, r.str()?.to_string());
        }
        r.is_done().then_some(a)
    }
}
