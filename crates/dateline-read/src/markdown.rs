//! Scraped news in Markdown (the shape of the seed article): a `# headline`, a `By [Agency](#)`
//! byline, a date line, bold photo credits, `**Related article:** [title](url)` lines, an
//! `Original url: <...>` footer, and the story in paragraphs.
//!
//! Metadata lines go to [`Article`] fields and never into the body. The body is the story's
//! paragraphs with Markdown syntax (emphasis, links, images, escapes, heading and list marks)
//! stripped, joined by blank lines. Paragraphs that a scraper split mid-sentence ("on his new
//! term as" / "president, after ...") are mended into one.

use dateline_core::{date::parse_date_line, Article, Document, Related};

/// Parse scraped Markdown. Never fails: what is not metadata is body.
pub fn read(source: &str, text: &str) -> Document {
    let text = text.trim_start_matches('\u{feff}');
    let mut art = Article::default();
    let mut paras: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut expect_url = false;
    let mut seen_body = false;

    let flush = |cur: &mut Vec<&str>, paras: &mut Vec<String>| {
        if !cur.is_empty() {
            let joined = cur.join(" ");
            let clean = strip_inline(&joined);
            let clean = clean.trim();
            if !clean.is_empty() {
                paras.push(clean.to_string());
            }
            cur.clear();
        }
    };

    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut cur, &mut paras);
            continue;
        }
        if expect_url {
            expect_url = false;
            let u = line.trim_start_matches('<').trim_end_matches('>').trim();
            if looks_like_url(u) {
                set_url(&mut art, u);
                continue;
            }
        }
        if let Some(rest) = strip_prefix_ci(line, "original url:") {
            flush(&mut cur, &mut paras);
            let u = rest
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim();
            if looks_like_url(u) {
                set_url(&mut art, u);
            } else {
                expect_url = true;
            }
            continue;
        }
        if let Some(rel) = related_line(line) {
            flush(&mut cur, &mut paras);
            art.related.push(rel);
            continue;
        }
        if !seen_body && art.title.is_none() {
            if let Some(h) = line.strip_prefix("# ") {
                art.title = Some(strip_inline(h.trim()).trim().to_string());
                continue;
            }
        }
        if !seen_body && cur.is_empty() {
            if let Some(b) = byline(line) {
                art.byline = b;
                continue;
            }
            if art.published.is_none() && line.len() < 60 {
                if let Some(d) = parse_date_line(&strip_inline(line)) {
                    art.published = Some(d);
                    continue;
                }
            }
        }
        if cur.is_empty() {
            if let Some(c) = credit_line(line) {
                art.credits.push(c);
                continue;
            }
            if line.starts_with("![") && line.ends_with(')') {
                continue; // an image with no caption text worth keeping
            }
            if line.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')) && line.len() >= 3 {
                continue; // thematic break
            }
        }
        seen_body = true;
        cur.push(strip_block(line));
    }
    flush(&mut cur, &mut paras);

    let body = mend(paras).join("\n\n");
    Document::new(source, art, body)
}

fn set_url(art: &mut Article, u: &str) {
    art.url = Some(u.to_string());
    art.outlet = crate::outlet_of(u);
}

fn looks_like_url(u: &str) -> bool {
    (u.starts_with("http://") || u.starts_with("https://")) && !u.contains(char::is_whitespace)
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    head.eq_ignore_ascii_case(p).then(|| &s[p.len()..])
}

/// `By [Reuters](#)`, `By John Smith and Jane Doe`, `By Reuters`.
fn byline(line: &str) -> Option<Vec<String>> {
    let rest = strip_prefix_ci(line, "by ")?;
    let clean = strip_inline(rest);
    let clean = clean.trim();
    if clean.is_empty() || clean.len() > 120 || clean.ends_with('.') && clean.split(' ').count() > 6
    {
        return None;
    }
    // a byline is names, not a sentence: most words capitalised
    let words: Vec<&str> = clean.split_whitespace().collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    if caps * 2 < words.len() {
        return None;
    }
    let names = clean
        .split([',', '|'])
        .flat_map(|p| p.split(" and "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some(names)
}

/// `**Related article:** [title](url)` and similar "read more" lines.
fn related_line(line: &str) -> Option<Related> {
    let plain = line.replace("**", "").replace("__", "");
    let lower = plain.to_ascii_lowercase();
    let prefixes = [
        "related article:",
        "related articles:",
        "related:",
        "read more:",
        "see also:",
        "read also:",
    ];
    let p = prefixes.iter().find(|p| lower.starts_with(*p))?;
    let rest = plain[p.len()..].trim();
    let (title, url) = match parse_link(rest) {
        Some((t, u, _)) => (t, u),
        None => (rest.to_string(), None),
    };
    let title = unescape(&title).trim().to_string();
    (!title.is_empty()).then_some(Related { title, url })
}

/// A paragraph that is only bold text and short, such as a photo credit (`**Kremlin.ru**`).
fn credit_line(line: &str) -> Option<String> {
    let inner = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")))?;
    if inner.contains("**") || inner.len() > 80 || inner.trim().is_empty() {
        return None;
    }
    let inner = strip_inline(inner.trim());
    // a sentence in bold is a lead or a subheading, not a credit
    if inner.ends_with(['.', '!', '?']) && inner.contains(' ') && !inner.ends_with(".ru") {
        return None;
    }
    if inner.split_whitespace().count() > 6 {
        return None;
    }
    Some(inner)
}

/// Block-level marks: headings, block quotes, list bullets.
fn strip_block(line: &str) -> &str {
    let mut l = line;
    while let Some(r) = l.strip_prefix('>') {
        l = r.trim_start();
    }
    let hashes = l.bytes().take_while(|&b| b == b'#').count();
    if hashes > 0 && l.as_bytes().get(hashes) == Some(&b' ') {
        l = &l[hashes + 1..];
    }
    for b in ["- ", "* ", "+ "] {
        if let Some(r) = l.strip_prefix(b) {
            return r.trim_start();
        }
    }
    l
}

/// `[text](url)` at the start of `s`: (text, url, bytes consumed).
fn parse_link(s: &str) -> Option<(String, Option<String>, usize)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'[') {
        return None;
    }
    let mut depth = 0i32;
    let mut i = 0;
    let mut close = None;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let close = close?;
    if b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let rest = &s[close + 2..];
    let mut d = 1i32;
    let mut end = None;
    let rb = rest.as_bytes();
    let mut j = 0;
    while j < rb.len() {
        match rb[j] {
            b'\\' => j += 1,
            b'(' => d += 1,
            b')' => {
                d -= 1;
                if d == 0 {
                    end = Some(j);
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    let end = end?;
    let text = s[1..close].to_string();
    let target = rest[..end].trim();
    let target = target.split_whitespace().next().unwrap_or("");
    let url = looks_like_url(target).then(|| target.to_string());
    Some((text, url, close + 2 + end + 1))
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\\' {
            if let Some(&n) = it.peek() {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    it.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Strip inline Markdown: images, links (keeping their text), emphasis marks, escapes,
/// autolinks.
pub fn strip_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c == b'\\' && i + 1 < b.len() && b[i + 1].is_ascii_punctuation() {
            out.push(b[i + 1] as char);
            i += 2;
            continue;
        }
        if c == b'!' && b.get(i + 1) == Some(&b'[') {
            if let Some((_, _, n)) = parse_link(&s[i + 1..]) {
                i += 1 + n;
                continue;
            }
        }
        if c == b'[' {
            if let Some((t, _, n)) = parse_link(&s[i..]) {
                out.push_str(&strip_inline(&t));
                i += n;
                continue;
            }
        }
        if c == b'<' {
            if let Some(end) = s[i..].find('>') {
                let inner = &s[i + 1..i + end];
                if looks_like_url(inner) {
                    out.push_str(inner);
                    i += end + 1;
                    continue;
                }
            }
        }
        if c == b'*' || c == b'_' {
            let run = b[i..].iter().take_while(|&&x| x == c).count();
            let prev = if i == 0 { b' ' } else { b[i - 1] };
            let next = b.get(i + run).copied().unwrap_or(b' ');
            let word = |x: u8| x.is_ascii_alphanumeric() || x >= 0x80;
            // an emphasis mark touches a word on one side only; `snake_case` and `5 * 3` stay
            let flanking = (word(next) || next.is_ascii_punctuation()) && !word(prev)
                || (word(prev) || prev.is_ascii_punctuation()) && !word(next);
            if flanking && !(c == b'_' && word(prev) && word(next)) {
                i += run;
                continue;
            }
        }
        // copy one UTF-8 character
        let len = utf8_len(c);
        out.push_str(&s[i..(i + len).min(s.len())]);
        i += len;
    }
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Join paragraphs that a scraper split mid-sentence: the first ends without sentence-final
/// punctuation and the next starts in lower case.
fn mend(paras: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paras.len());
    for p in paras {
        if let Some(last) = out.last_mut() {
            let ends_open = !last.ends_with([
                '.', '!', '?', ':', ';', '"', '\u{201d}', ')', '\'', '\u{2019}',
            ]);
            let starts_lower = p.chars().next().is_some_and(|c| c.is_lowercase());
            // a paragraph cannot end on a preposition, article or conjunction
            const OPEN: [&str; 16] = [
                "a", "an", "the", "of", "on", "in", "at", "to", "as", "by", "for", "with", "from",
                "and", "or", "but",
            ];
            let last_word = last.rsplit(' ').next().unwrap_or("");
            let dangling = OPEN.iter().any(|w| last_word.eq_ignore_ascii_case(w));
            if ends_open && (starts_lower || dangling) {
                last.push(' ');
                last.push_str(&p);
                continue;
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\n\n# Harbour Council Votes on \\(New\\) Ferry\n\nBy [Coast Wire](#)\n\nMarch 3, 2021\n\n**Port Authority**\n\nThe **harbour council** of [Tidewick](https://x.example/t) voted on a new ferry on\n\nTuesday, its chair said.\n\n**Related article:** [Ferries in Winter \\(Op-ed\\)](#)\n\n\"We are ready,\" the chair said.\n\nOriginal url:\n\n<https://www.coastwire.example/2021/03/03/ferry>";

    #[test]
    fn metadata_goes_out_of_the_body() {
        let d = read("s.txt", SAMPLE);
        let a = &d.article;
        assert_eq!(
            a.title.as_deref(),
            Some("Harbour Council Votes on (New) Ferry")
        );
        assert_eq!(a.byline, vec!["Coast Wire"]);
        assert_eq!(a.published.as_deref(), Some("2021-03-03"));
        assert_eq!(a.credits, vec!["Port Authority"]);
        assert_eq!(a.related[0].title, "Ferries in Winter (Op-ed)");
        assert_eq!(
            a.url.as_deref(),
            Some("https://www.coastwire.example/2021/03/03/ferry")
        );
        assert_eq!(a.outlet.as_deref(), Some("coastwire.example"));
        assert!(d.body.starts_with("The harbour council of Tidewick voted"));
        assert!(
            d.body.contains("new ferry on Tuesday, its chair said."),
            "{}",
            d.body
        );
        for bad in ["Related", "Original url", "Port Authority", "**", "]("] {
            assert!(!d.body.contains(bad), "{bad} in body: {}", d.body);
        }
    }

    #[test]
    fn inline_markdown() {
        assert_eq!(
            strip_inline("a *b* and __c__ d_e 5 * 3"),
            "a b and c d_e 5 * 3"
        );
        assert_eq!(
            strip_inline("see ![img](x.png)[here](http://a.b)"),
            "see here"
        );
        assert_eq!(strip_inline("\\(Op-ed\\)"), "(Op-ed)");
    }

    #[test]
    fn hostile_markdown_does_not_panic() {
        for s in [
            "[",
            "[](",
            "![",
            "**",
            "\\",
            "[a](b",
            "# ",
            "By ",
            "Original url:",
            "é*ü_",
        ] {
            let _ = read("h.md", s);
            let _ = strip_inline(s);
        }
    }
}
