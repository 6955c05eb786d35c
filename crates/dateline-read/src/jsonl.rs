//! JSON Lines input: one article per line,
//! `{"id", "text" | "html", "title", "url", "published", "language"}` (only `text` or `html`
//! is required; `language`, also `lang`, is a language tag such as `en` or `fr-CA`).
//! With `text`, the body is byte-identical to it. Every line yields one result, so outputs
//! line up with inputs; blank lines are skipped.

use crate::{finish, html, outlet_of, ReadError, ReadResult};
use dateline_core::{Article, Document};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(alias = "lang")]
    language: Option<String>,
    source: Option<String>,
}

fn id_string(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn read(source: &str, bytes: &[u8], published: Option<&str>) -> Vec<ReadResult> {
    read_from(source, bytes, published, 1)
}

/// Records of a chunk of a JSON Lines stream whose first line is line `first_line` of the
/// source (for streaming a large file in pieces with the right line numbers).
pub fn read_from(
    source: &str,
    bytes: &[u8],
    published: Option<&str>,
    first_line: usize,
) -> Vec<ReadResult> {
    parse_from(source, bytes, published, first_line)
        .into_iter()
        .map(Item::finish)
        .collect()
}

/// A record parsed from its line, its HTML (if any) not yet extracted: extraction is the
/// expensive part, so callers can run [`Item::finish`] in parallel.
pub enum Item {
    Ready(Box<ReadResult>),
    Html {
        source: String,
        html: String,
        url: Option<String>,
        published: Option<String>,
        /// whether `published` is the record's own (else it is `--published`)
        own_date: bool,
        title: Option<String>,
        language: Option<String>,
        id: Option<String>,
        line: usize,
        input: String,
    },
}

impl Item {
    pub fn finish(self) -> ReadResult {
        match self {
            Item::Ready(r) => *r,
            Item::Html {
                source,
                html,
                url,
                published,
                own_date,
                title,
                language,
                id,
                line,
                input,
            } => html::read_str(&source, &html, url.as_deref(), published.as_deref())
                .map(|mut d| {
                    if own_date {
                        crate::option_date_is_metadata(&mut d);
                    }
                    if title.is_some() {
                        d.article.title = title;
                    }
                    if language.is_some() {
                        d.article.language = language;
                    }
                    if let Some(id) = &id {
                        d.id = id.clone();
                    }
                    d
                })
                .map_err(|x| ReadError {
                    source: input,
                    line: Some(line),
                    id,
                    message: x.message,
                }),
        }
    }
}

/// The lines of `bytes` (split at `\n`, found with SIMD: pages are long lines).
fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(b'\n', r) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Parse the records of a chunk (see [`read_from`]) without extracting HTML.
pub fn parse_from(
    source: &str,
    bytes: &[u8],
    published: Option<&str>,
    first_line: usize,
) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    for (i, raw) in lines(bytes).enumerate() {
        let line_no = first_line + i;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let e = |id: Option<String>, message: String| ReadError {
            source: source.to_string(),
            line: Some(line_no),
            id,
            message,
        };
        let line = match std::str::from_utf8(raw) {
            Ok(l) => l,
            Err(x) => {
                out.push(Item::Ready(Box::new(Err(e(
                    None,
                    format!("not valid UTF-8 at byte {} of the line", x.valid_up_to()),
                )))));
                continue;
            }
        };
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(x) => {
                out.push(Item::Ready(Box::new(Err(e(
                    None,
                    format!("malformed JSON: {x}"),
                )))));
                continue;
            }
        };
        let id = rec.id.as_ref().map(id_string);
        let src = rec
            .source
            .clone()
            .unwrap_or_else(|| format!("{source}:{line_no}"));
        let pubd = rec
            .published
            .as_deref()
            .filter(|p| !p.is_empty())
            .or(published);
        let own_date = rec.published.as_deref().is_some_and(|p| !p.is_empty());
        let language = rec
            .language
            .as_deref()
            .and_then(crate::language::primary_subtag);
        if rec.text.is_none() {
            if let Some(h) = rec.html {
                out.push(Item::Html {
                    source: src,
                    html: h,
                    url: rec.url,
                    published: pubd.map(str::to_string),
                    own_date,
                    title: rec.title,
                    language,
                    id,
                    line: line_no,
                    input: source.to_string(),
                });
                continue;
            }
        }
        let doc = if let Some(t) = rec.text {
            let art = Article {
                title: rec.title.clone(),
                url: rec.url.clone(),
                outlet: rec.url.as_deref().and_then(outlet_of),
                published: own_date.then(|| pubd.map(str::to_string)).flatten(),
                language,
                ..Default::default()
            };
            Ok(finish(Document::new(&src, art, t), published))
        } else {
            Err(ReadError {
                source: source.to_string(),
                line: None,
                id: None,
                message: "record has neither \"text\" nor \"html\"".into(),
            })
        };
        out.push(Item::Ready(Box::new(
            doc.map(|mut d| {
                if let Some(id) = &id {
                    d.id = id.clone();
                }
                d
            })
            .map_err(|x| e(id.clone(), x.message)),
        )));
    }
    out
}

/// Write a document as one JSON Lines record. serde_json leaves U+0085, U+2028 and U+2029 raw
/// inside strings; many line readers (Python's `splitlines`, JavaScript) break lines there, so
/// they are written as `\u` escapes and every record stays on one line for every reader.
pub fn write_line(out: &mut impl std::io::Write, d: &Document) -> std::io::Result<()> {
    let buf = serde_json::to_vec(d).map_err(std::io::Error::other)?;
    let mut start = 0;
    let mut i = 0;
    while i + 1 < buf.len() {
        let esc = match (buf[i], buf[i + 1], buf.get(i + 2)) {
            (0xc2, 0x85, _) => Some(("\\u0085", 2)),
            (0xe2, 0x80, Some(0xa8)) => Some(("\\u2028", 3)),
            (0xe2, 0x80, Some(0xa9)) => Some(("\\u2029", 3)),
            _ => None,
        };
        match esc {
            Some((e, n)) => {
                out.write_all(&buf[start..i])?;
                out.write_all(e.as_bytes())?;
                i += n;
                start = i;
            }
            None => i += 1,
        }
    }
    out.write_all(&buf[start..])?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_record_stays_on_one_line_for_every_line_reader() {
        let d = dateline_core::Document::new(
            "x",
            Default::default(),
            "One.\u{2028}Two.\u{0085}Three.\u{2029}Four.".into(),
        );
        let mut out = Vec::new();
        write_line(&mut out, &d).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(text.lines().count(), 1);
        assert!(
            text.contains("One.\\u2028Two.\\u0085Three.\\u2029Four."),
            "{text}"
        );
        let back: dateline_core::Document = serde_json::from_str(&text).expect("json");
        assert_eq!(back.body, d.body);
    }

    #[test]
    fn records_errors_and_ids_line_up() {
        let input = b"{\"id\": \"a\", \"text\": \" x  y \", \"published\": \"2020-02-02\"}\n\nnot json\n{\"id\": 7}\n{\"text\": \"z\"}\n";
        let out = read("in.jsonl", input, Some("2019-01-01"));
        assert_eq!(out.len(), 4);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.body.as_str()), ("a", " x  y "));
        assert_eq!(a.article.published.as_deref(), Some("2020-02-02"));
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("in.jsonl:3: malformed JSON"));
        let e = out[2].as_ref().unwrap_err();
        assert_eq!(e.id.as_deref(), Some("7"));
        let z = out[3].as_ref().unwrap();
        assert_eq!(z.article.published.as_deref(), Some("2019-01-01"));
    }

    #[test]
    fn a_records_language_tag_is_kept_over_the_detectors_guess() {
        let input = "{\"text\": \"The council met on Monday.\", \"language\": \"fr-CA\"}\n\
                     {\"html\": \"<p>The council met on Monday.</p>\", \"lang\": \"DE\"}\n\
                     {\"text\": \"The council met on Monday and said that the vote was close.\"}\n";
        let langs: Vec<Option<String>> = read("in.jsonl", input.as_bytes(), None)
            .into_iter()
            .map(|r| r.expect("record").article.language)
            .collect();
        assert_eq!(
            langs,
            [
                Some("fr".to_string()),
                Some("de".to_string()),
                Some("en".to_string())
            ]
        );
    }
}

#[cfg(test)]
mod stream_tests {
    use super::*;

    #[test]
    fn chunks_keep_their_line_numbers() {
        let out = read_from("big.jsonl", b"{\"text\": \"a\"}\nbroken\n", None, 101);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap().source, "big.jsonl:101");
        assert_eq!(out[1].as_ref().unwrap_err().line, Some(102));
    }
}
