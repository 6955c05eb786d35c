//! Input-format detection from the file name and the first bytes.

/// The input formats `dateline` reads (with the `clap` feature, also a command-line value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum InputFormat {
    /// From the file name and the first bytes.
    #[default]
    Auto,
    /// Scraped Markdown (a `# ` headline, links, a byline).
    Markdown,
    /// Plain text: the body is the input, byte for byte.
    Text,
    /// HTML pages: the main content is extracted.
    Html,
    /// JSON Lines records: `{"id", "text"|"html", "title", "url", "published"}`.
    Jsonl,
    /// WARC archives (Common Crawl, CC-NEWS): HTML 200 responses become articles.
    Warc,
    /// RSS 2.0 and Atom feeds: each item becomes an article.
    Feed,
}

/// Guess the format of `bytes` read from `source`. Markdown is recognised by its structure
/// (a `# ` headline, `[text](url)` links, a `By ...` line, bold lines, an `Original url:`
/// footer), so a scraped Markdown file named `.txt` is read as Markdown.
pub fn detect(source: &str, bytes: &[u8]) -> InputFormat {
    let lower = source.to_ascii_lowercase();
    let ext = lower.rsplit('.').next().unwrap_or("");
    match ext {
        "html" | "htm" | "xhtml" => return InputFormat::Html,
        "jsonl" | "ndjson" => return InputFormat::Jsonl,
        "warc" => return InputFormat::Warc,
        "rss" | "atom" => return InputFormat::Feed,
        "md" | "markdown" => return InputFormat::Markdown,
        _ => {}
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    let tl: String = t.chars().take(64).collect::<String>().to_ascii_lowercase();
    if t.starts_with("WARC/") {
        return InputFormat::Warc;
    }
    let head_l = head.to_ascii_lowercase();
    if (tl.starts_with("<?xml") || tl.starts_with("<rss") || tl.starts_with("<feed"))
        && (head_l.contains("<rss") || head_l.contains("<feed") || head_l.contains("<rdf:rdf"))
    {
        return InputFormat::Feed;
    }
    if tl.starts_with("<!doctype html")
        || tl.starts_with("<html")
        || tl.starts_with("<?xml") && t.contains("<html")
    {
        return InputFormat::Html;
    }
    // a JSON object opens with a quoted key; a sentence in braces ("{The Council agreed.}")
    // is text
    if let Some(rest) = t.strip_prefix('{') {
        let first = t.lines().next().unwrap_or("");
        let key = rest.trim_start().starts_with(['"', '}']);
        if key && first.trim_end().ends_with('}') {
            return InputFormat::Jsonl;
        }
    }
    let mut score = 0;
    for line in t.lines().take(60) {
        let l = line.trim();
        if l.starts_with("# ") || l.starts_with("## ") {
            score += 2;
        }
        if l.starts_with("By [") || l.starts_with("Original url:") {
            score += 2;
        }
        if l.starts_with("**") && l.ends_with("**") && l.len() > 4 {
            score += 1;
        }
        if l.contains("](") {
            score += 1;
        }
    }
    if score >= 2 {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        assert_eq!(
            detect("a.txt", b"# Title\n\nBy [Reuters](#)\n"),
            InputFormat::Markdown
        );
        assert_eq!(
            detect("a.txt", b"Plain words. More words.\n"),
            InputFormat::Text
        );
        assert_eq!(
            detect("a.txt", b"{The Council agreed to a plan.}\n"),
            InputFormat::Text
        );
        assert_eq!(
            detect("a.txt", b"{ \"id\": \"1\", \"text\": \"x\"}\n"),
            InputFormat::Jsonl
        );
        assert_eq!(
            detect("a.txt", b"Plain words. More words.\n"),
            InputFormat::Text
        );
        assert_eq!(
            detect("a", b"<!DOCTYPE html><html></html>"),
            InputFormat::Html
        );
        assert_eq!(detect("-", b"{\"text\": \"x\"}\n"), InputFormat::Jsonl);
        assert_eq!(detect("x.jsonl", b""), InputFormat::Jsonl);
        assert_eq!(detect("x.warc", b""), InputFormat::Warc);
        assert_eq!(detect("-", b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(
            detect("news.xml", b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            InputFormat::Feed
        );
    }
}
