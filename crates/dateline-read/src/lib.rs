//! Sources and formats to [`Document`]s: the `read` stage of the pipeline.
//!
//! Reading never panics and never rewrites text it was told to keep: with `text` input the body
//! is byte-identical to the input. Each input yields one result per article (one per line for
//! JSON Lines); a bad input yields a [`ReadError`] naming the source and the line or byte, and
//! the caller carries on with the rest.
//!
//! Formats: scraped Markdown (`markdown`), plain text (`text`), HTML pages (`html`, main
//! content through `dom_smoothie`), JSON Lines records (`jsonl`), WARC archives (`warc`) and
//! RSS/Atom feeds (`feed`). `auto` picks one from the file name and the first bytes.

use dateline_core::Document;
use std::fmt;

pub mod batches;
pub mod detect;
pub mod feed;
pub mod files;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod warc;

pub use batches::for_each_batch;
pub use detect::{detect, InputFormat};
pub use files::{expand, read_file};

/// Options that apply to every input.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub format: InputFormat,
    /// Publication date used when the article carries none (`YYYY-MM-DD`).
    pub published: Option<String>,
}

/// Why an input (or one record of it) could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub source: String,
    /// 1-based line of a JSON Lines record, when the error is about one record.
    pub line: Option<usize>,
    /// The record's `id`, when it could be read.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.source, l, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for ReadError {}

pub type ReadResult = Result<Document, ReadError>;

fn err(source: &str, message: impl Into<String>) -> ReadError {
    ReadError {
        source: source.to_string(),
        line: None,
        id: None,
        message: message.into(),
    }
}

/// Check that `bytes` is text we can read: not empty, not binary, valid UTF-8.
pub fn check_text<'a>(source: &str, bytes: &'a [u8]) -> Result<&'a str, ReadError> {
    if bytes.is_empty() {
        return Err(err(source, "empty input"));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Err(err(
            source,
            format!("binary data (NUL byte at byte {pos}); not a text, HTML or JSON Lines file"),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        err(
            source,
            format!("not valid UTF-8 at byte {at} (line {line}); convert the file to UTF-8"),
        )
    })
}

/// Read one input (a file's bytes or stdin) into documents.
pub fn read(source: &str, bytes: &[u8], opts: &ReadOptions) -> Vec<ReadResult> {
    let format = match opts.format {
        InputFormat::Auto => detect(source, bytes),
        f => f,
    };
    let published = opts.published.as_deref();
    match format {
        InputFormat::Jsonl => jsonl::read(source, bytes, published),
        InputFormat::Warc => warc::WarcReader::new(source, bytes, published).collect(),
        InputFormat::Feed => feed::read(source, bytes, published),
        InputFormat::Html => vec![html::read_bytes(source, bytes, None, published, None)],
        InputFormat::Markdown => {
            vec![check_text(source, bytes).map(|t| finish(markdown::read(source, t), published))]
        }
        InputFormat::Text | InputFormat::Auto => {
            vec![check_text(source, bytes).map(|t| finish(text(source, t), published))]
        }
    }
}

/// Plain text: the body is the input, byte for byte.
pub fn text(source: &str, t: &str) -> Document {
    Document::new(source, Default::default(), t.to_string())
}

/// Fill defaults that hold for every format: the fallback publication date and the language.
pub fn finish(mut doc: Document, published: Option<&str>) -> Document {
    if doc.article.published.is_none() {
        if let Some(p) = published {
            doc.article.published = Some(p.to_string());
        }
    }
    if doc.article.language.is_none() && !doc.body.is_empty() {
        doc.article.language = guess_language(&doc.body);
    }
    doc
}

/// A cheap stop-word vote for English; other languages are left unknown (`None`) rather than
/// guessed.
pub fn guess_language(body: &str) -> Option<String> {
    const EN: [&str; 12] = [
        "the", "of", "and", "to", "in", "is", "that", "for", "on", "was", "with", "said",
    ];
    let mut words = 0usize;
    let mut hits = 0usize;
    for w in body.split_whitespace().take(2000) {
        words += 1;
        let lw = w.trim_matches(|c: char| !c.is_alphanumeric());
        if EN.iter().any(|e| lw.eq_ignore_ascii_case(e)) {
            hits += 1;
        }
    }
    (words >= 5 && hits * 100 >= words * 8).then(|| "en".to_string())
}

/// Outlet (host without `www.`) of a URL.
pub fn outlet_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_body_is_byte_identical() {
        let input = "  Line one.\r\n\nLine two  \n";
        let opts = ReadOptions {
            format: InputFormat::Text,
            published: Some("2020-01-02".into()),
        };
        let out = read("x.txt", input.as_bytes(), &opts);
        let d = out[0].as_ref().unwrap();
        assert_eq!(d.body, input);
        assert_eq!(d.article.published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        let opts = ReadOptions::default();
        let e = read("a.bin", b"\x00\x01\x02", &opts);
        assert!(e[0].as_ref().unwrap_err().message.contains("binary"));
        let e = read("e.txt", b"", &opts);
        assert!(e[0].as_ref().unwrap_err().message.contains("empty"));
        let e = read("l.txt", b"ok line\nbad \xff here", &opts);
        let m = e[0].as_ref().unwrap_err().to_string();
        assert!(m.contains("l.txt") && m.contains("line 2"), "{m}");
    }

    #[test]
    fn outlets() {
        assert_eq!(
            outlet_of("https://www.harbourgazette.example/2021/03/09/x").as_deref(),
            Some("harbourgazette.example")
        );
        assert_eq!(outlet_of("nonsense"), None);
    }
}
