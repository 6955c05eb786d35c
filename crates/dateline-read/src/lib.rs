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

use dateline_core::{Document, PublishedSource};
use std::fmt;

pub mod batches;
pub mod dating;
pub mod detect;
pub mod feed;
pub mod files;
pub mod html;
pub mod jsonl;
pub mod language;
pub mod markdown;
pub mod warc;

pub use batches::{for_each_batch, for_each_batch_of_stream};
pub use detect::{detect, InputFormat};
pub use files::{expand, read_file};

/// Options that apply to every input.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub format: InputFormat,
    /// Publication date used when the article carries none (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The most bytes one article (a whole file, or one JSON Lines record) may hold: a longer
    /// file is cut at a sentence or line end below it, a longer record skipped.
    pub max_article_bytes: usize,
}

/// The default of [`ReadOptions::max_article_bytes`]: 4 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 4 << 20;

/// How the warning of an article cut to the size limit begins (the binary prints these).
pub const CUT_WARNING: &str = "article cut";

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            published: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// Where to cut `bytes` so that at most `limit` bytes remain: after the last sentence end (a
/// full stop, question or exclamation mark before a space) or line end at or below the limit,
/// else at the last space, else at the limit itself (moved back to a UTF-8 character start).
pub fn cut_point(bytes: &[u8], limit: usize) -> usize {
    if bytes.len() <= limit {
        return bytes.len();
    }
    let head = &bytes[..limit];
    let sentence_or_line = (1..head.len()).rev().find(|&i| {
        head[i - 1] == b'\n' || (matches!(head[i - 1], b'.' | b'?' | b'!') && head[i] == b' ')
    });
    if let Some(i) = sentence_or_line.filter(|&i| i > limit / 2) {
        return i;
    }
    if let Some(i) = head.iter().rposition(|&b| b == b' ').filter(|&i| i > 0) {
        return i;
    }
    let mut i = limit;
    while i > 0 && (bytes[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    i
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

/// An error about a whole input.
pub fn err(source: &str, message: impl Into<String>) -> ReadError {
    ReadError {
        source: source.to_string(),
        line: None,
        id: None,
        message: message.into(),
    }
}

/// Check that `bytes` is text we can read: not empty, not binary, valid UTF-8.
pub fn check_text<'a>(source: &str, bytes: &'a [u8]) -> Result<&'a str, ReadError> {
    check_not_binary(source, bytes)?;
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        err(
            source,
            format!("not valid UTF-8 at byte {at} (line {line}); convert the file to UTF-8"),
        )
    })
}

/// An error when `bytes` are empty or binary (a NUL byte in the first 8 KB, unless a UTF-16
/// byte-order mark opens them).
fn check_not_binary(source: &str, bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.is_empty() {
        return Err(err(source, "empty input"));
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(8192)];
    match head.iter().position(|&b| b == 0) {
        Some(pos) => Err(err(
            source,
            format!("binary data (NUL byte at byte {pos}); not a text, HTML or JSON Lines file"),
        )),
        None => Ok(()),
    }
}

/// A text file's bytes as text (see [`decode_text`]).
pub struct DecodedText<'a> {
    pub text: std::borrow::Cow<'a, str>,
    /// The encoding's name, when it was not UTF-8.
    pub encoding: Option<String>,
    /// Set when bytes that the encoding cannot decode were replaced, or the text was decoded.
    pub warning: Option<String>,
}

/// Text or Markdown bytes to text: UTF-8 as it is, else decoded as [`html::decode`] decodes a
/// page (byte-order mark, else the encoding `chardetng` guesses). Returns the text and the
/// encoding's name when it was not UTF-8, with a warning when bytes had to be replaced.
pub fn decode_text<'a>(source: &str, bytes: &'a [u8]) -> Result<DecodedText<'a>, ReadError> {
    check_not_binary(source, bytes)?;
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Ok(DecodedText {
            text: t.into(),
            encoding: None,
            warning: None,
        });
    }
    let (text, enc, warning) = html::decode_named(bytes, None, None);
    let name = (enc != encoding_rs::UTF_8).then(|| enc.name().to_string());
    Ok(DecodedText {
        text,
        encoding: name,
        warning,
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
        InputFormat::Html => {
            let doc = html::read_bytes(source, bytes, None, published, None);
            vec![doc.map(|d| date_from_file(d, source))]
        }
        InputFormat::Markdown | InputFormat::Text | InputFormat::Auto => {
            vec![decode_text(source, bytes).map(|t| {
                let doc = if format == InputFormat::Markdown {
                    markdown::read(source, &t.text)
                } else {
                    text(source, &t.text)
                };
                let mut doc = finish(doc, published);
                doc.article.encoding = t.encoding;
                doc.warnings.extend(t.warning);
                date_from_file(doc, source)
            })]
        }
    }
}

/// A whole file's article still undated after its metadata and `--published`: a date line
/// near the top of its text, else a date in its path ([`dating`]) — or in a page's URL.
pub fn date_from_file(mut doc: Document, path: &str) -> Document {
    if doc.article.published.is_some() {
        return doc;
    }
    let today = dating::today();
    let year = dating::year_in_path(path);
    let (date, how) = match dating::date_in_text(&doc.body, year, today) {
        Some(d) => (Some(d), PublishedSource::Text),
        None => (dating::date_in_path(path, today), PublishedSource::Path),
    };
    if date.is_some() {
        doc.article.published = date;
        doc.article.published_source = Some(how);
    }
    doc
}

/// Plain text: the body is the input, byte for byte.
pub fn text(source: &str, t: &str) -> Document {
    Document::new(source, Default::default(), t.to_string())
}

/// Fill defaults that hold for every format: the fallback publication date and the language.
///
/// A date the article carries is its own (`published_source` "metadata", unless the reader
/// already said where it came from); only an undated article takes `published`, as "option".
pub fn finish(mut doc: Document, published: Option<&str>) -> Document {
    if doc.article.published.is_some() {
        if doc.article.published_source.is_none() {
            doc.article.published_source = Some(PublishedSource::Metadata);
        }
    } else if let Some(p) = published {
        doc.article.published = Some(p.to_string());
        doc.article.published_source = Some(PublishedSource::Option);
    }
    if doc.article.language.is_none() && !doc.body.is_empty() {
        doc.article.language = language::detect(&doc.body);
    }
    doc
}

/// A date that came in beside the article (a JSON Lines record's or a WARC record's) but was
/// passed on as the fallback date is the record's metadata, not the option.
pub(crate) fn option_date_is_metadata(doc: &mut Document) {
    if doc.article.published_source == Some(PublishedSource::Option) {
        doc.article.published_source = Some(PublishedSource::Metadata);
    }
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
            ..Default::default()
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
        let e = check_text("l.txt", b"ok line\nbad \xff here");
        let m = e.unwrap_err().to_string();
        assert!(m.contains("l.txt") && m.contains("line 2"), "{m}");
    }

    #[test]
    fn text_that_is_not_utf8_is_decoded_and_its_encoding_recorded() {
        let opts = ReadOptions::default();
        // "café crème" in Windows-1252, and the same in UTF-16 with its byte-order mark
        let latin = b"The caf\xe9 served cr\xe8me br\xfbl\xe9e to the mayor on Monday.\n";
        let d = read("menu.txt", latin, &opts).remove(0).expect("decoded");
        assert!(
            d.body.contains("café") && d.body.contains("brûlée"),
            "{}",
            d.body
        );
        assert_eq!(d.article.encoding.as_deref(), Some("windows-1252"));
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend("Plain words.\n".encode_utf16().flat_map(u16::to_le_bytes));
        let d = read("wide.txt", &utf16, &opts).remove(0).expect("decoded");
        assert_eq!(d.body, "Plain words.\n");
        assert_eq!(d.article.encoding.as_deref(), Some("UTF-16LE"));
        let d = read("plain.md", b"# Title\n\nPlain words.\n", &opts).remove(0);
        assert_eq!(d.expect("utf-8").article.encoding, None);
    }

    #[test]
    fn where_the_date_came_from_is_recorded() {
        type Case<'a> = (
            &'a str,
            &'a [u8],
            Option<&'a str>,
            Option<PublishedSource>,
            Option<&'a str>,
        );
        let with = |p: Option<&str>| ReadOptions {
            published: p.map(str::to_string),
            ..Default::default()
        };
        let source = |r: &ReadResult| r.as_ref().ok().and_then(|d| d.article.published_source);
        let dated_line = b"Harbour reopens\n18 May 2018\n\nThe harbour reopened.\n";
        let undated = b"The harbour reopened.\n";
        let rec = b"{\"text\": \"x\", \"published\": \"2019-01-01\"}\n";
        let cases: [Case; 6] = [
            (
                "a.txt",
                undated,
                Some("2020-01-02"),
                Some(PublishedSource::Option),
                Some("2020-01-02"),
            ),
            (
                "a.txt",
                dated_line,
                None,
                Some(PublishedSource::Text),
                Some("2018-05-18"),
            ),
            (
                "news/2018/05/17/a.txt",
                undated,
                None,
                Some(PublishedSource::Path),
                Some("2018-05-17"),
            ),
            (
                "news/2018-05-17.txt",
                dated_line,
                None,
                Some(PublishedSource::Text),
                Some("2018-05-18"),
            ),
            (
                "a.jsonl",
                rec,
                Some("2020-01-02"),
                Some(PublishedSource::Metadata),
                Some("2019-01-01"),
            ),
            ("a.txt", undated, None, None, None),
        ];
        for (path, bytes, opt, want, date) in cases {
            let got = read(path, bytes, &with(opt));
            assert_eq!(source(&got[0]), want, "{path} {opt:?}");
            let d = got[0]
                .as_ref()
                .ok()
                .and_then(|d| d.article.published.as_deref());
            assert_eq!(d, date, "{path}");
        }
    }

    #[test]
    fn long_text_is_cut_at_a_sentence_or_line_end() {
        let t = b"One sentence here. Another one follows\nand a line. Last words";
        assert_eq!(cut_point(t, 100), t.len());
        let at = cut_point(t, 45);
        assert_eq!(&t[..at], b"One sentence here. Another one follows\n");
        let at = cut_point(t, 55);
        assert_eq!(
            &t[..at],
            b"One sentence here. Another one follows\nand a line."
        );
        let word = "ééééé".as_bytes();
        assert_eq!(cut_point(word, 5), 4);
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
