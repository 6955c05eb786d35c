//! Named entities: the trained tagger (`ner.rs`) when the caller passes its model — always,
//! with the bundled knowledge — else lexicon matches and capitalisation rules; then one reading
//! per name per article (`document_consistency`).
//!
//! Per sentence, left to right: the longest lexicon name starting at a token wins; otherwise a
//! run of capitalised tokens (with name particles such as "al-", "bin", "de", "of" inside) is
//! trimmed of titles and sentence-initial common words and typed by its context: a title before
//! it means PERSON, an organisation word inside it means ORG, a known given name or a following
//! speech verb means PERSON. In ALL-CAPS sentences (headlines) only lexicon names are taken.

use crate::lexicon::{norm_key, Lexicon, MAX_NGRAM};
use crate::tokens::{Sentence, Token};
use dateline_core::{
    date::{month_number, weekday_number},
    Entity, EntityType,
};

const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "de", "del", "da", "di", "du", "van", "von", "der", "den", "la", "le",
    "el", "of", "abu", "bint", "y", "dos", "das",
];

fn is_cap(t: &str) -> bool {
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        // "al-Assad", "de-escalation" is not: a particle then a capital
        Some(c) if c.is_lowercase() => {
            if let Some((p, rest)) = t.split_once('-') {
                PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
            } else {
                false
            }
        }
        _ => false,
    }
}

fn is_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_alphanumeric)
}

fn is_all_caps_sentence(body: &str, toks: &[Token]) -> bool {
    let mut letters = 0;
    let mut upper = 0;
    for t in toks {
        for c in t.text(body).chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
    }
    letters >= 8 && upper * 10 >= letters * 9
}

fn is_time_word(t: &str) -> bool {
    month_number(t).is_some_and(|_| {
        t.len() >= 3
            && t.chars().next().is_some_and(char::is_uppercase)
            && t != "May"
            && t != "March"
    }) || weekday_number(t).is_some() && t.len() > 3
        || matches!(
            t,
            "January"
                | "February"
                | "April"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
        )
}

/// Recognise entities with the trained tagger: spans from the model, types refined by the
/// lexicon (LOC is `LOC` for seas and regions, else `GPE`; MISC is `NORP` for nationalities and
/// groups), canonical names from the lexicon where a span is a known name. `lower` holds each
/// token of `toks` in lower case.
pub fn recognize_model(
    body: &str,
    toks: &[Token],
    lower: &[String],
    sents: &[Sentence],
    lex: &Lexicon,
    m: &crate::ner::Model,
) -> Vec<Entity> {
    use crate::ner::{doc_caps, truecase, views, TAGS};
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| {
            toks[s.tok_start..s.tok_end]
                .iter()
                .map(|t| t.text(body))
                .collect()
        })
        .collect();
    let lowers: Vec<&[String]> = sents
        .iter()
        .map(|s| &lower[s.tok_start..s.tok_end])
        .collect();
    let caps = doc_caps(&words, &lowers);
    // truecasing only lower-cases words, so the lower case of a truecased word is the
    // word's own
    let truecased: Vec<Option<Vec<String>>> = words.iter().map(|ws| truecase(ws, lex)).collect();
    let seen: Vec<Vec<&str>> = words
        .iter()
        .zip(&truecased)
        .map(|(ws, tc)| match tc {
            Some(tc) => tc.iter().map(String::as_str).collect(),
            None => ws.clone(),
        })
        .collect();
    let tok_views: Vec<_> = seen
        .iter()
        .zip(&lowers)
        .map(|(ws, ls)| views(ws, ls, lex))
        .collect();
    let doc_tags = m.tag_document(&tok_views, &caps);
    let mut out = Vec::new();
    for ((s, ws), tags) in sents.iter().zip(&words).zip(doc_tags) {
        let mut i = 0;
        while i < tags.len() {
            let tag = TAGS[tags[i]];
            let Some(ty) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < tags.len() && TAGS[tags[j]] == format!("I-{ty}") {
                j += 1;
            }
            // brackets and quotes the tagger took in at either end are not the name's
            // ("{The Security Council")
            // unless the name holds the other bracket ("Mladost ( L )")
            let pair = |t: &str| match t {
                "{" => Some("}"),
                "}" => Some("{"),
                "[" => Some("]"),
                "]" => Some("["),
                "(" => Some(")"),
                ")" => Some("("),
                "\"" => Some(""),
                _ => None,
            };
            let stray = |k: usize, a: usize, b: usize| {
                pair(ws[k]).is_some_and(|o| o.is_empty() || !ws[a..b].contains(&o))
            };
            let (mut i0, mut j0) = (i, j);
            while i0 < j0 && stray(i0, i0, j0) {
                i0 += 1;
            }
            while j0 > i0 && stray(j0 - 1, i0, j0) {
                j0 -= 1;
            }
            if i0 == j0 {
                i = j;
                continue;
            }
            // "Britain-based Syrian Observatory": the qualifier is a name of its own
            if j0 - i0 >= 2 && is_hyphenated_qualifier(ws[i0]) {
                let t = &toks[s.tok_start + i0];
                out.push(entity(
                    body,
                    t.start,
                    t.end,
                    EntityType::Misc,
                    None,
                    "model:ner",
                ));
                i0 += 1;
            }
            let (a, b) = (toks[s.tok_start + i0].start, toks[s.tok_start + j0 - 1].end);
            let key = norm_key(&body[a..b]);
            let entry = lex.get(&key);
            let division = division_name(&body[a..b]);
            let kind = match (ty, entry.map(|e| e.kind)) {
                ("PER", _) if division => EntityType::Gpe,
                ("PER", _) => EntityType::Person,
                ("ORG", _) => EntityType::Org,
                ("LOC", Some(EntityType::Loc)) => EntityType::Loc,
                // a seat of power the actor dictionaries know as an institution ("the Kremlin")
                ("LOC", Some(EntityType::Org)) if !entry.is_some_and(|e| e.place_too) => {
                    EntityType::Org
                }
                ("LOC", _) => EntityType::Gpe,
                ("MISC", Some(EntityType::Norp)) => EntityType::Norp,
                _ => EntityType::Misc,
            };
            let canonical = entry
                .filter(|e| {
                    e.kind == kind
                        || matches!(kind, EntityType::Gpe | EntityType::Loc | EntityType::Norp)
                })
                .and_then(|e| e.canonical.clone());
            out.push(entity(body, a, b, kind, canonical, "model:ner"));
            i = j;
        }
    }
    document_consistency(body, toks, lex, &mut out);
    merge_known_names(body, lex, &mut out);
    out
}

/// Participles that make a hyphenated qualifier ("based" of "Britain-based"),
/// `data/nlp/qualifier-participles.txt`.
static QUALIFIER_PARTICIPLES: std::sync::LazyLock<dateline_core::hash::FastSet<String>> =
    std::sync::LazyLock::new(|| {
        dateline_core::words::set(include_str!("../data/nlp/qualifier-participles.txt"))
    });

/// A capitalised word joined by a hyphen to a participle that qualifies a name by it:
/// "Britain-based", "U.S.-backed", "Saudi-led" (not "Hewlett-Packard", "Bosnian-Serb").
fn is_hyphenated_qualifier(word: &str) -> bool {
    let Some((head, tail)) = word.rsplit_once('-') else {
        return false;
    };
    head.chars().next().is_some_and(char::is_uppercase)
        && QUALIFIER_PARTICIPLES.contains(&tail.to_lowercase())
}

/// A name ending in "County", "Parish", "Borough" or "Township" after another word: a place,
/// whatever the tagger says ("Henry County" read as a person).
fn division_name(name: &str) -> bool {
    name.contains(' ')
        && matches!(
            name.rsplit(' ').next(),
            Some("County" | "Parish" | "Borough" | "Township")
        )
}

/// Adjacent entities that together spell a name the lexicon knows as a place or organisation
/// ("Democratic People's" + "Republic of Korea") become that one name: the tagger split it,
/// and the second part alone means something else (South Korea).
fn merge_known_names(body: &str, lex: &Lexicon, out: &mut Vec<Entity>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let mut best = None;
        for j in i + 1..out.len().min(i + 4) {
            let (a, b) = (out[i].start, out[j].end);
            let gap = &body[out[j - 1].end..out[j].start];
            if b - a > 120 || gap.len() > 5 || gap.contains('\n') {
                break;
            }
            if let Some(e) = lex
                .get(&norm_key(&body[a..b]))
                .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Org | EntityType::Loc))
            {
                best = Some((j, e.kind, e.canonical.clone()));
            }
        }
        if let Some((j, kind, canonical)) = best {
            let (a, b) = (out[i].start, out[j].end);
            out[i] = entity(body, a, b, kind, canonical, "model:ner+lexicon");
            out.drain(i + 1..=j);
        }
        i += 1;
    }
}

/// One name, one reading per article, in five stages run in order (each reads what the
/// earlier ones decided).
fn document_consistency(body: &str, toks: &[Token], lex: &Lexicon, out: &mut Vec<Entity>) {
    if out.is_empty() {
        return;
    }
    tag_repeats(body, toks, lex, out);
    middle_initial_names(out);
    given_name_places(lex, out);
    first_names_alone(out);
    surnames_alone(out);
}

/// A name's reading in an article: its type and how often the tagger gave it that type.
struct Reading<'a> {
    name: &'a str,
    kind: EntityType,
    count: usize,
    canonical: Option<String>,
}

/// An untagged repeat of a name found elsewhere in the article: tokens up to `next`.
struct Repeat {
    next: usize,
    start: usize,
    end: usize,
    kind: EntityType,
    canonical: Option<String>,
    source: &'static str,
}

/// A name the tagger found somewhere in the article is also a name where it repeats untagged
/// (often at the start of a sentence, where capitalisation says nothing), with the type it
/// has most often; a word of a person's full name standing alone ("Trump pledged …" after
/// "Donald Trump") is that person.
fn tag_repeats(body: &str, toks: &[Token], lex: &Lexicon, out: &mut Vec<Entity>) {
    use std::collections::HashMap;
    // each name's most frequent type in the article (first seen on a tie)
    let mut votes: Vec<Reading> = Vec::new();
    let mut slot: HashMap<(&str, EntityType), usize> = HashMap::new();
    for e in out.iter().filter(|e| e.kind != EntityType::Misc) {
        match slot.get(&(e.text.as_str(), e.kind)) {
            Some(&i) => votes[i].count += 1,
            None => {
                slot.insert((e.text.as_str(), e.kind), votes.len());
                votes.push(Reading {
                    name: e.text.as_str(),
                    kind: e.kind,
                    count: 1,
                    canonical: e.canonical.clone(),
                });
            }
        }
    }
    let mut full: HashMap<&str, Reading> = HashMap::new();
    for v in votes {
        let better = full.get(v.name).is_none_or(|x| v.count > x.count);
        if better {
            full.insert(v.name, v);
        }
    }
    let place_name = |w: &str| {
        lex.get(&norm_key(w))
            .is_some_and(|x| matches!(x.kind, EntityType::Gpe | EntityType::Loc))
    };
    let mut person_words: HashMap<&str, ()> = HashMap::new();
    for e in out.iter().filter(|e| e.kind == EntityType::Person) {
        for w in e.text.split_whitespace() {
            let lw = w.to_lowercase();
            if w.chars().count() >= 3
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !lex.function_words.contains(&lw)
                && !lex.is_title(w)
                && !place_name(w)
            {
                person_words.insert(w, ());
            }
        }
    }
    let mut covered = vec![false; toks.len()];
    for e in out.iter() {
        let lo = toks.partition_point(|t| t.end <= e.start);
        let hi = toks.partition_point(|t| t.start < e.end);
        for c in &mut covered[lo..hi] {
            *c = true;
        }
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if covered[i]
            || !toks[i]
                .text(body)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            i += 1;
            continue;
        }
        // the longest run of up to five uncovered tokens spelling a name found elsewhere
        let mut hit = None;
        for n in (1..=5).rev() {
            let j = i + n;
            if j > toks.len() || covered[i..j].iter().any(|&c| c) {
                continue;
            }
            let (a, b) = (toks[i].start, toks[j - 1].end);
            if let Some(r) = full.get(&body[a..b]) {
                hit = Some(Repeat {
                    next: j,
                    start: a,
                    end: b,
                    kind: r.kind,
                    canonical: r.canonical.clone(),
                    source: "model:ner+document",
                });
                break;
            }
        }
        if hit.is_none() && person_words.contains_key(toks[i].text(body)) {
            let t = toks[i];
            hit = Some(Repeat {
                next: i + 1,
                start: t.start,
                end: t.end,
                kind: EntityType::Person,
                canonical: None,
                source: "model:ner+name",
            });
        }
        match hit {
            Some(r) => {
                added.push(entity(body, r.start, r.end, r.kind, r.canonical, r.source));
                i = r.next;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|e| (e.start, e.end));
    }
}

/// A name with a middle initial ("Tyrise M. Bell") is a person's, whatever the tagger said.
fn middle_initial_names(out: &mut [Entity]) {
    for e in out.iter_mut() {
        let words: Vec<&str> = e.text.split(' ').collect();
        let initial = |w: &str| {
            let mut c = w.chars();
            matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
        };
        let name = |w: &str| {
            w.chars().count() >= 2
                && w.starts_with(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '\'' || c == '-')
        };
        if matches!(e.kind, EntityType::Gpe | EntityType::Loc | EntityType::Org)
            && words.len() == 3
            && name(words[0])
            && initial(words[1])
            && name(words[2])
        {
            e.kind = EntityType::Person;
            e.source = Some("rule:middle-initial".into());
        }
    }
}

/// A two-word "place" made of a common first name and a common surname that is no word of
/// geography (`data/nlp/place-words.txt`), and that the lexicon does not know, is a person
/// ("Nine-year-old Georgia Stevens", "Officers Chad Walker"; not "Paris Walmart", "Alexandria
/// Zoo").
fn given_name_places(lex: &Lexicon, out: &mut [Entity]) {
    for e in out.iter_mut() {
        let Some((first, last)) = e.text.split_once(' ') else {
            continue;
        };
        let name = |w: &str| {
            w.chars().count() >= 3
                && w.starts_with(char::is_uppercase)
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '\'')
        };
        if matches!(e.kind, EntityType::Gpe | EntityType::Loc)
            && e.source.as_deref() == Some("model:ner")
            && name(first)
            && name(last)
            && lex.first_names.contains(&first.to_lowercase())
            && lex.last_names.contains(&last.to_lowercase())
            && !lex.place_words.contains(&last.to_lowercase())
            && !lex.is_common(last)
            && lex.get(&norm_key(&e.text)).is_none()
        {
            e.kind = EntityType::Person;
            e.source = Some("rule:given-name".into());
        }
    }
}

/// The first name of a person named in full (by the tagger, or by `given_name_places`)
/// standing alone after it, where the tagger read it as a place, is that person ("Vladimir
/// Putin" … "Vladimir"; "Georgia Stevens" … "Georgia began skating").
fn first_names_alone(out: &mut [Entity]) {
    use std::collections::HashMap;
    let mut first_names: HashMap<String, (usize, String)> = HashMap::new();
    for e in out.iter() {
        let Some((first, _)) = e.text.split_once(' ') else {
            continue;
        };
        if e.kind == EntityType::Person
            && first.chars().count() >= 3
            && first.starts_with(char::is_uppercase)
            && first.chars().skip(1).all(char::is_lowercase)
        {
            first_names
                .entry(first.to_string())
                .or_insert((e.start, e.canonical.clone().unwrap_or(e.text.clone())));
        }
    }
    for e in out.iter_mut() {
        if !matches!(e.kind, EntityType::Gpe | EntityType::Loc) || e.text.contains(' ') {
            continue;
        }
        if let Some((at, person)) = first_names.get(&e.text) {
            if *at < e.start {
                e.kind = EntityType::Person;
                e.canonical = Some(person.clone());
                e.source = Some("rule:given-name+name".into());
            }
        }
    }
}

/// A surname without the Arabic article written onto it ("al-Assad" → "Assad", "el-Sisi" →
/// "Sisi"), as news names the person the second time; `None` for other names.
fn without_name_article(surname: &str) -> Option<&str> {
    let (article, rest) = surname.split_once('-')?;
    let article_like = ["al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ud"]
        .contains(&article.to_lowercase().as_str());
    (article_like && rest.chars().next().is_some_and(char::is_uppercase)).then_some(rest)
}

/// A surname standing alone after the full name ("Manuel Valls ... Valls said") is that
/// person even where the tagger read it as a place or an organisation (Valls is a town).
fn surnames_alone(out: &mut [Entity]) {
    use std::collections::HashMap;
    // surname -> where its first full name starts, and that person (surnames of 3+ letters)
    let mut full_names: HashMap<String, (usize, Option<String>)> = HashMap::new();
    for e in out.iter().filter(|e| e.kind == EntityType::Person) {
        let words: Vec<&str> = e.text.split_whitespace().collect();
        if let [_, .., last] = words.as_slice() {
            // "al-Assad" stands alone as "Assad" too, "el-Sisi" as "Sisi"
            for surname in std::iter::once(*last).chain(without_name_article(last)) {
                full_names.entry(surname.to_string()).or_insert_with(|| {
                    let person = (surname.chars().count() >= 3)
                        .then(|| e.canonical.clone().unwrap_or(e.text.clone()));
                    (e.start, person)
                });
            }
        }
    }
    for e in out.iter_mut() {
        if !matches!(e.kind, EntityType::Gpe | EntityType::Loc | EntityType::Org)
            || e.text.contains(' ')
        {
            continue;
        }
        if let Some((at, person)) = full_names.get(&e.text) {
            if *at < e.start {
                e.kind = EntityType::Person;
                e.canonical = person.clone();
                e.source = Some("model:ner+name".into());
            }
        }
    }
}

/// Recognise entities in `body`: the trained tagger when one is given, else rules.
/// `lower` holds each token of `toks` in lower case.
pub fn recognize(
    body: &str,
    toks: &[Token],
    lower: &[String],
    sents: &[Sentence],
    lex: &Lexicon,
    tagger: Option<&crate::ner::Model>,
) -> Vec<Entity> {
    let mut out = match tagger {
        Some(m) => recognize_model(body, toks, lower, sents, lex, m),
        None => recognize_rules(body, toks, sents, lex),
    };
    dateline_core::currency::drop_currency_prefixes(body, &mut out);
    out
}

/// The rule-based recogniser (lexicon names and capitalisation rules).
pub fn recognize_rules(
    body: &str,
    toks: &[Token],
    sents: &[Sentence],
    lex: &Lexicon,
) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for s in sents {
        let st = &toks[s.tok_start..s.tok_end];
        let caps = is_all_caps_sentence(body, st);
        let mut i = 0;
        while i < st.len() {
            let t = st[i].text(body);
            if !(is_cap(t) || caps && is_word(t)) {
                i += 1;
                continue;
            }
            let at_start = i == 0
                || matches!(
                    st[i - 1].text(body),
                    "\"" | "\u{201c}" | "(" | "'" | "\u{2018}" | ":" | "-" | "\u{2014}"
                );
            // 1. the longest lexicon name
            if let Some((n, e)) = lexicon_match(body, st, i, lex, caps) {
                let single = n == 1;
                let common = lex.is_common(t);
                let weak = e.priority < 50; // a city or region, not a country or known actor
                let skip = single && common && (caps || weak || at_start);
                // "William Ruto": a weak one-word name running into more capitalised words is
                // the start of a longer name, read by the rules below
                let runs_on = single
                    && e.priority < 80
                    && !caps
                    && st.get(i + n).is_some_and(|t| {
                        let w = t.text(body);
                        is_cap(w)
                            && is_word(w)
                            && !lex.is_title(w)
                            && !is_time_word(w)
                            && lexicon_match(body, st, i + n, lex, caps)
                                .is_none_or(|(_, x)| x.priority < 80)
                    });
                if !skip && !runs_on {
                    out.push(entity(
                        body,
                        st[i].start,
                        st[i + n - 1].end,
                        e.kind,
                        e.canonical.clone(),
                        e.tag,
                    ));
                    i += n;
                    continue;
                }
            }
            if caps {
                i += 1;
                continue;
            }
            // 2. a capitalised run
            let mut j = i;
            while j < st.len() {
                let w = st[j].text(body);
                let particle = PARTICLES.contains(&w)
                    && j + 1 < st.len()
                    && is_cap(st[j + 1].text(body))
                    && j > i;
                if is_cap(w) && is_word(w) || particle {
                    j += 1;
                } else {
                    break;
                }
            }
            // trim titles, time words and sentence-initial common words at the front
            let mut k = i;
            let mut titled = i > 0 && lex.is_title(st[i - 1].text(body));
            while k < j {
                let w = st[k].text(body);
                if lex.is_title(w.trim_end_matches('.')) || lex.is_title(w) {
                    titled = true;
                    k += 1;
                } else if is_time_word(w) || (k == i && at_start && lex.is_common(w)) {
                    k += 1;
                } else {
                    break;
                }
            }
            if k > i && k < j {
                i = k; // retry the lexicon on what is left
                continue;
            }
            if k >= j {
                i = j.max(i + 1);
                continue;
            }
            // trailing particles never end a name
            while j > k && PARTICLES.contains(&st[j - 1].text(body)) {
                j -= 1;
            }
            let words: Vec<&str> = st[k..j].iter().map(|t| t.text(body)).collect();
            let next = st.get(j).map(|t| t.text(body)).unwrap_or("");
            let kind = classify(&words, titled, next, lex);
            if let Some((kind, tag)) = kind {
                out.push(entity(body, st[k].start, st[j - 1].end, kind, None, tag));
            }
            i = j;
        }
    }
    // a lone capitalised word that is the surname of a person named in full is that person
    // (and "Abiy" for "Abiy Ahmed": some names are used by their first part)
    let surnames: std::collections::HashSet<String> = out
        .iter()
        .filter(|e| e.kind == EntityType::Person && e.text.contains(' '))
        .flat_map(|e| [e.text.rsplit(' ').next(), e.text.split(' ').next()])
        .flatten()
        .filter(|w| !lex.is_common(w))
        .map(norm_key)
        .collect();
    for e in &mut out {
        let retypable = matches!(
            e.source.as_deref(),
            Some("rule:capitalised" | "rule:acronym" | "dictionary:org")
        );
        if retypable && !e.text.contains(' ') && surnames.contains(&norm_key(&e.text)) {
            e.kind = EntityType::Person;
            e.source = Some("rule:surname".into());
        }
    }
    out
}

fn lexicon_match<'l>(
    body: &str,
    st: &[Token],
    i: usize,
    lex: &'l Lexicon,
    caps: bool,
) -> Option<(usize, &'l crate::lexicon::LexEntry)> {
    let mut key = String::new();
    let mut keys: Vec<(usize, String)> = Vec::with_capacity(MAX_NGRAM);
    for (n, t) in st[i..].iter().take(MAX_NGRAM).enumerate() {
        let w = t.text(body);
        if !is_word(w) && w != "&" {
            break;
        }
        if n > 0
            && !caps
            && !is_cap(w)
            && !PARTICLES.contains(&w)
            && !w.chars().all(|c| c.is_ascii_digit())
        {
            break;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&norm_key(w));
        keys.push((n + 1, key.clone()));
    }
    keys.iter()
        .rev()
        .find_map(|(n, k)| lex.get(k).map(|e| (*n, e)))
}

fn classify(
    words: &[&str],
    titled: bool,
    next: &str,
    lex: &Lexicon,
) -> Option<(EntityType, &'static str)> {
    if words
        .iter()
        .any(|w| lex.org_words.contains(&w.to_lowercase()))
    {
        return Some((EntityType::Org, "rule:org-word"));
    }
    if titled {
        return Some((EntityType::Person, "rule:title"));
    }
    if lex.given_names.contains(&norm_key(words[0])) && words.len() >= 2 {
        return Some((EntityType::Person, "rule:given-name"));
    }
    let speech = matches!(next, "said" | "says" | "told" | "added" | "asked" | "wrote");
    if words.len() >= 2 && speech {
        return Some((EntityType::Person, "rule:speaker"));
    }
    if words.len() >= 2 && words.len() <= 4 {
        let title_case = words.iter().all(|w| {
            PARTICLES.contains(w) || w.chars().skip(1).any(char::is_lowercase) && !lex.is_common(w)
        });
        if title_case {
            return Some((EntityType::Person, "rule:name-shape"));
        }
        return Some((EntityType::Org, "rule:capitalised"));
    }
    if words.len() == 1 {
        let w = words[0];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) && letters <= 6
        {
            return Some((EntityType::Org, "rule:acronym"));
        }
        if letters < 2 || lex.is_common(w) {
            return None;
        }
        return Some((EntityType::Org, "rule:capitalised"));
    }
    Some((EntityType::Org, "rule:capitalised"))
}

fn entity(
    body: &str,
    start: usize,
    end: usize,
    kind: EntityType,
    canonical: Option<String>,
    tag: &str,
) -> Entity {
    Entity {
        start,
        end,
        text: body[start..end].to_string(),
        kind,
        canonical,
        source: Some(tag.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexEntry;
    use crate::tokens::{lower_case, sentences, tokenize};

    fn lex() -> Lexicon {
        let mut l = Lexicon::with_word_lists();
        let e = |kind, canonical: &str, priority| LexEntry {
            kind,
            canonical: Some(canonical.into()),
            tag: "test",
            priority,
            place_too: false,
        };
        l.add("Russia", e(EntityType::Gpe, "Russia", 90));
        l.add("Syrian", e(EntityType::Norp, "Syria", 80));
        l.add("Black Sea", e(EntityType::Loc, "Black Sea", 60));
        l.add("Putin", e(EntityType::Person, "Vladimir Putin", 70));
        l.add(
            "Vladimir Putin",
            e(EntityType::Person, "Vladimir Putin", 70),
        );
        l
    }

    fn run(s: &str) -> Vec<(String, EntityType)> {
        let t = tokenize(s);
        let ss = sentences(s, &t);
        recognize(s, &t, &lower_case(s, &t), &ss, &lex(), None)
            .into_iter()
            .map(|e| (e.text, e.kind))
            .collect()
    }

    #[test]
    fn a_name_with_a_middle_initial_is_a_persons_and_so_is_its_surname() {
        let body = "The inquest into the death of Tyrise M. Bell ended. Bell ran from police.";
        let toks = tokenize(body);
        let at = |t: &str| body.find(t).unwrap();
        let mut out = vec![
            entity(
                body,
                at("Tyrise"),
                at("Tyrise") + 14,
                EntityType::Org,
                None,
                "test",
            ),
            entity(
                body,
                at("Bell ran"),
                at("Bell ran") + 4,
                EntityType::Gpe,
                None,
                "test",
            ),
        ];
        document_consistency(body, &toks, &lex(), &mut out);
        let got: Vec<(&str, EntityType)> = out.iter().map(|e| (e.text.as_str(), e.kind)).collect();
        assert_eq!(
            got,
            [
                ("Tyrise M. Bell", EntityType::Person),
                ("Bell", EntityType::Person)
            ]
        );
        // not a place's or an organisation's name with an abbreviation in it
        let body = "Flights from Washington D.C. and St. Louis Park resumed.";
        let toks = tokenize(body);
        let mut out = vec![
            entity(body, 13, 28, EntityType::Gpe, None, "test"),
            entity(body, 33, 47, EntityType::Gpe, None, "test"),
        ];
        document_consistency(body, &toks, &lex(), &mut out);
        assert!(out.iter().all(|e| e.kind == EntityType::Gpe), "{out:?}");
    }

    #[test]
    fn a_first_name_and_a_surname_read_as_a_place_are_a_person() {
        let body = "Nine-year-old Georgia Stevens skates. Georgia began at four, near the \
                    Alexandria Zoo and Paris Walmart.";
        let toks = tokenize(body);
        let span = |t: &str, n: usize| {
            let a = body.match_indices(t).nth(n).unwrap().0;
            entity(body, a, a + t.len(), EntityType::Gpe, None, "model:ner")
        };
        let mut out = vec![
            span("Georgia Stevens", 0),
            span("Georgia", 1),
            span("Alexandria Zoo", 0),
            span("Paris Walmart", 0),
        ];
        document_consistency(body, &toks, &lex(), &mut out);
        let got: Vec<(&str, EntityType)> = out.iter().map(|e| (e.text.as_str(), e.kind)).collect();
        assert_eq!(
            got,
            [
                ("Georgia Stevens", EntityType::Person),
                ("Georgia", EntityType::Person),
                ("Alexandria Zoo", EntityType::Gpe),
                ("Paris Walmart", EntityType::Gpe)
            ]
        );
        assert_eq!(out[1].canonical.as_deref(), Some("Georgia Stevens"));
        // the first name of a person the tagger named in full, standing alone after it
        let body = "Vladimir Putin spoke. Later Vladimir smiled; Georgia voted.";
        let toks = tokenize(body);
        let at = |t: &str| body.find(t).unwrap();
        let mut out = vec![
            entity(body, 0, 14, EntityType::Person, None, "model:ner"),
            entity(
                body,
                at("Vladimir smiled"),
                at("Vladimir smiled") + 8,
                EntityType::Gpe,
                None,
                "model:ner",
            ),
            entity(
                body,
                at("Georgia"),
                at("Georgia") + 7,
                EntityType::Gpe,
                None,
                "model:ner",
            ),
        ];
        document_consistency(body, &toks, &lex(), &mut out);
        let got: Vec<(&str, EntityType)> = out.iter().map(|e| (e.text.as_str(), e.kind)).collect();
        assert_eq!(
            got,
            [
                ("Vladimir Putin", EntityType::Person),
                ("Vladimir", EntityType::Person),
                ("Georgia", EntityType::Gpe)
            ]
        );
    }

    #[test]
    fn a_hyphenated_qualifier_is_no_part_of_the_name_it_qualifies() {
        for w in [
            "Britain-based",
            "U.S.-backed",
            "Saudi-led",
            "Kremlin-funded",
        ] {
            assert!(is_hyphenated_qualifier(w), "{w}");
        }
        for w in [
            "Hewlett-Packard",
            "Bosnian-Serb",
            "well-based",
            "Rolls-Royce",
            "based",
        ] {
            assert!(!is_hyphenated_qualifier(w), "{w}");
        }
    }

    #[test]
    fn lexicon_and_rules() {
        let got = run("Spokesman Dmitry Peskov said Syrian President Bashar al-Assad will meet Vladimir Putin's envoys at a port on the Black Sea.");
        assert!(
            got.contains(&("Syrian".into(), EntityType::Norp)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Bashar al-Assad".into(), EntityType::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Vladimir Putin".into(), EntityType::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Black Sea".into(), EntityType::Loc)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Dmitry Peskov".into(), EntityType::Person)),
            "{got:?}"
        );
        let got = run("Critics of the Harbour Development Authority met on Thursday in Russia.");
        assert_eq!(
            got,
            vec![
                ("Harbour Development Authority".into(), EntityType::Org),
                ("Russia".into(), EntityType::Gpe)
            ]
        );
    }

    #[test]
    fn county_names_are_places() {
        assert!(division_name("Henry County") && division_name("Acadia Parish"));
        assert!(!division_name("County") && !division_name("Henry Countyman"));
        assert!(!division_name("Henry Ford"));
    }

    #[test]
    fn headlines_use_the_lexicon_only() {
        let got = run("RUSSIA BEAT THE ODDS IN SOCCER FINAL");
        assert_eq!(got, vec![("RUSSIA".into(), EntityType::Gpe)]);
    }

    #[test]
    fn a_surname_with_its_arabic_article_stands_alone_without_it() {
        let e = |start: usize, text: &str, kind: EntityType| Entity {
            start,
            end: start + text.len(),
            text: text.to_string(),
            kind,
            canonical: None,
            source: Some("model:ner".into()),
        };
        let mut out = vec![
            e(0, "Abdel Fattah el-Sisi", EntityType::Person),
            e(40, "Sisi", EntityType::Org),
            e(60, "Cairo", EntityType::Gpe),
        ];
        super::surnames_alone(&mut out);
        assert_eq!(out[1].kind, EntityType::Person);
        assert_eq!(out[1].canonical.as_deref(), Some("Abdel Fattah el-Sisi"));
        assert_eq!(out[2].kind, EntityType::Gpe);
        assert_eq!(super::without_name_article("al-Assad"), Some("Assad"));
        // a hyphenated name that is no article stays whole
        assert_eq!(super::without_name_article("Jean-Pierre"), None);
        assert_eq!(super::without_name_article("al-"), None);
    }
}
