//! Which language an article is written in, when its source does not say (HTML's `lang`,
//! a JSON Lines `language` field): `article.language`, an ISO 639-1 code.
//!
//! Two votes, in order. English function words ("the", "of", "said" …) making up 8% of the
//! first 2,000 words say English — the cheap vote that decides almost every English article,
//! and tables of scores or names that are too short for statistics. Otherwise the `whatlang`
//! crate's trigram and alphabet profiles (70 languages) decide, when they are reliable on the
//! first [`SAMPLE_BYTES`] of the body; an unreliable guess leaves the language unknown rather
//! than wrong. Codes and names: `data/read/languages.tsv`.

use std::sync::LazyLock;

/// How much of the body the trigram vote reads: enough for a confident guess, and a bound on
/// its cost for long articles.
pub const SAMPLE_BYTES: usize = 8 * 1024;

/// English function words: their share of the words is the first vote.
const ENGLISH_FUNCTION_WORDS: [&str; 12] = [
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "was", "with", "said",
];

const LANGUAGES: &str = include_str!("../data/read/languages.tsv");

/// A language the detector knows: its ISO 639-3 code (the detector's), ISO 639-1 code
/// (written to `article.language`) and English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    pub iso639_3: &'static str,
    pub code: &'static str,
    pub name: &'static str,
}

/// The rows of `data/read/languages.tsv` (a bundled file: a test checks every row).
fn languages() -> &'static [Language] {
    static ROWS: LazyLock<Vec<Language>> = LazyLock::new(|| {
        dateline_core::words::entries(LANGUAGES)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                Some(Language {
                    iso639_3: cols.next()?,
                    code: cols.next()?,
                    name: cols.next()?,
                })
            })
            .collect()
    });
    &ROWS
}

/// The language with ISO 639-1 code `code` (or ISO 639-3 code, for those without one).
pub fn by_code(code: &str) -> Option<&'static Language> {
    languages()
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(code) || l.iso639_3.eq_ignore_ascii_case(code))
}

/// The primary subtag of a language tag a source gives (`en-GB` → `en`, `DE_at` → `de`);
/// `None` for an empty one.
pub fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
    (!primary.is_empty()).then(|| primary.to_ascii_lowercase())
}

/// The English name of a language code ("fr" → "French"); the code itself when unknown.
pub fn name_of(code: &str) -> &str {
    by_code(code).map_or(code, |l| l.name)
}

/// The fewest lower-case words the trigram vote needs.
const MIN_PROSE_WORDS: usize = 20;

/// The language of `body` (ISO 639-1), or `None` when neither vote is sure.
pub fn detect(body: &str) -> Option<String> {
    if mostly_english_function_words(body) {
        return Some("en".to_string());
    }
    let sample = prose(&body[..floor_char_boundary(body, SAMPLE_BYTES)])?;
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let iso639_3 = info.lang().code();
    let lang = languages().iter().find(|l| l.iso639_3 == iso639_3);
    Some(lang.map_or(iso639_3, |l| l.code).to_string())
}

/// The lower-case words of `text` (no digits, no capitals), space-separated, if there are
/// at least [`MIN_PROSE_WORDS`]: the language's own words, without the names and figures
/// that make a results table or a list of names look like the language of the names.
/// Scripts without case (Arabic, Chinese …) count as lower case.
fn prose(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() && !c.is_uppercase() || c == '\'' || c == '-')
        {
            out.push_str(w);
            out.push(' ');
            n += 1;
        }
    }
    (n >= MIN_PROSE_WORDS).then_some(out)
}

/// English function words make up at least 8% of the first 2,000 words (of at least 5).
fn mostly_english_function_words(body: &str) -> bool {
    let mut words = 0usize;
    let mut hits = 0usize;
    for w in body.split_whitespace().take(2000) {
        words += 1;
        let lw = w.trim_matches(|c: char| !c.is_alphanumeric());
        if ENGLISH_FUNCTION_WORDS
            .iter()
            .any(|e| lw.eq_ignore_ascii_case(e))
        {
            hits += 1;
        }
    }
    words >= 5 && hits * 100 >= words * 8
}

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_row_is_complete_and_unique() {
        let rows = languages();
        assert_eq!(rows.len(), 70, "one row per language the detector knows");
        for (i, l) in rows.iter().enumerate() {
            assert_eq!(l.iso639_3.len(), 3, "{l:?}");
            assert!(l.code.len() == 2 || l.code.len() == 3, "{l:?}");
            assert!(!l.name.is_empty(), "{l:?}");
            assert!(
                whatlang::Lang::from_code(l.iso639_3).is_some(),
                "{l:?} is no language of the detector"
            );
            assert!(rows[..i].iter().all(|o| o.code != l.code), "{l:?} twice");
        }
    }

    #[test]
    fn english_by_its_function_words() {
        let text = "The mayor said on Tuesday that the bridge over the river would be \
                    closed for repairs until the end of the month.";
        assert_eq!(detect(text).as_deref(), Some("en"));
    }

    #[test]
    fn other_languages_by_their_trigrams() {
        let cases = [
            (
                "fr",
                "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir \
                 les agriculteurs touchés par la sécheresse, qui dure depuis le début de l'été \
                 dans plusieurs régions du pays. \
                 Les aides seront versées avant la fin du mois, a précisé le ministre devant les députés.",
            ),
            (
                "de",
                "Die Regierung hat am Dienstag neue Maßnahmen angekündigt, um die Landwirte zu \
                 unterstützen, die seit Beginn des Sommers unter der anhaltenden Trockenheit \
                 in mehreren Regionen des Landes leiden. \
                 Die Hilfen sollen noch vor dem Ende des Monats ausgezahlt werden, sagte der Minister vor den Abgeordneten.",
            ),
            (
                "es",
                "El gobierno anunció el martes una nueva serie de medidas para apoyar a los \
                 agricultores afectados por la sequía, que se prolonga desde el comienzo del \
                 verano en varias regiones del país. \
                 Las ayudas se pagarán antes del final del mes, precisó el ministro ante los diputados.",
            ),
            (
                "ru",
                "Правительство во вторник объявило о новых мерах поддержки фермеров, \
                 пострадавших от засухи, которая продолжается с начала лета в нескольких \
                 регионах страны. \
                 Помощь будет выплачена до конца месяца, уточнил министр перед депутатами.",
            ),
            (
                "ar",
                "أعلنت الحكومة يوم الثلاثاء عن مجموعة جديدة من الإجراءات لدعم المزارعين \
                 المتضررين من الجفاف الذي يستمر منذ بداية الصيف في عدة مناطق من البلاد. \
                 وأوضح الوزير أمام النواب أن المساعدات ستصرف قبل نهاية الشهر.",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text).as_deref(), Some(code), "{text}");
        }
    }

    #[test]
    fn too_little_text_stays_unknown() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("Arsenal 2 Chelsea 1"), None);
    }

    #[test]
    fn a_table_of_foreign_names_is_no_foreign_article() {
        // English results of a German league: the names are German, the few words English.
        let table = "Weekend football: how the German league went\n\
            Dortmund 2 Duesseldorf 0\nSchalke 1 Bremen 1\nKarlsruhe 3 Freiburg 0\n\
            Leverkusen 2 Rostock 0\nFrankfurt 1 Stuttgart 4\nHamburg 0 Bochum 2\n\
            Table: Stuttgart 7, Dortmund 6, Leverkusen 6, Karlsruhe 4";
        assert_ne!(detect(table).as_deref(), Some("de"));
    }

    #[test]
    fn a_sources_tag_keeps_its_primary_subtag() {
        assert_eq!(primary_subtag("en-GB").as_deref(), Some("en"));
        assert_eq!(primary_subtag(" DE_at ").as_deref(), Some("de"));
        assert_eq!(primary_subtag(""), None);
    }

    #[test]
    fn names_and_codes() {
        assert_eq!(name_of("fr"), "French");
        assert_eq!(name_of("zh"), "Chinese");
        assert_eq!(name_of("xx"), "xx");
        assert_eq!(by_code("deu").map(|l| l.code), Some("de"));
    }

    #[test]
    fn the_sample_is_cut_on_a_char_boundary() {
        let s = "é".repeat(SAMPLE_BYTES);
        let at = floor_char_boundary(&s, SAMPLE_BYTES + 1);
        assert!(s.is_char_boundary(at) && at <= SAMPLE_BYTES + 1);
    }
}
