//! HTML pages: main-content extraction through `dom_smoothie` (a Readability port), with
//! title, byline, date, URL, outlet and language from its metadata (meta tags and JSON-LD).
//!
//! Issue "article extraction" replaces the extractor; this module is the baseline.

use crate::{err, finish, outlet_of, ReadError, ReadResult};
use dateline_core::{Article, Document};
use dom_smoothie::{Config, Readability, TextMode};

/// Bytes of an HTML page, decoded by [`decode`] (`http_content_type`: the HTTP header, when
/// the page came with one) and extracted.
pub fn read_bytes(
    source: &str,
    bytes: &[u8],
    url: Option<&str>,
    published: Option<&str>,
    http_content_type: Option<&str>,
) -> ReadResult {
    if bytes.is_empty() {
        return Err(err(source, "empty input"));
    }
    let (text, warning) = decode(bytes, http_content_type, url);
    let mut doc = read_str(source, &text, url, published)?;
    doc.warnings.extend(warning);
    Ok(doc)
}

/// Bytes of an HTML page decoded to text, as browsers do: a byte-order mark, else the
/// charset of the HTTP `Content-Type` header, else a `<meta charset>` or `<meta
/// http-equiv="Content-Type">` in the first 4 KB, else UTF-8 when the bytes are valid UTF-8,
/// else the encoding `chardetng` guesses (with the URL's top-level domain as a hint). Returns
/// the text and a warning when the page was not plain UTF-8 or held undecodable bytes.
pub fn decode<'a>(
    bytes: &'a [u8],
    http_content_type: Option<&str>,
    url: Option<&str>,
) -> (std::borrow::Cow<'a, str>, Option<String>) {
    let (text, _, warning) = decode_named(bytes, http_content_type, url);
    (text, warning)
}

/// [`decode`], also returning the encoding the bytes were decoded from.
pub fn decode_named<'a>(
    bytes: &'a [u8],
    http_content_type: Option<&str>,
    url: Option<&str>,
) -> (
    std::borrow::Cow<'a, str>,
    &'static encoding_rs::Encoding,
    Option<String>,
) {
    use encoding_rs::{Encoding, UTF_8};
    let label = |s: &str| -> Option<&'static Encoding> {
        let l = s.to_ascii_lowercase();
        let at = l.find("charset")?;
        let v = l[at + 7..].trim_start().strip_prefix('=')?.trim_start();
        let v = v.trim_start_matches(['"', '\'']);
        let end = v
            .find(['"', '\'', ';', ' ', '>', '/', ','])
            .unwrap_or(v.len());
        Encoding::for_label(&v.as_bytes()[..end])
    };
    let (enc, how) = if let Some((e, _)) = Encoding::for_bom(bytes) {
        (e, "byte-order mark")
    } else if let Some(e) = http_content_type.and_then(label) {
        (e, "HTTP header")
    } else if let Some(e) = meta_charset(&bytes[..bytes.len().min(4096)], &label) {
        (e, "meta tag")
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, "valid UTF-8")
    } else {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        let tld = url
            .and_then(|u| u.split("://").nth(1))
            .and_then(|h| h.split(['/', ':', '?']).next())
            .and_then(|h| h.rsplit('.').next())
            .map(str::as_bytes);
        (det.guess(tld, true), "detected")
    };
    // a page that declares UTF-16 but reached us as ASCII-compatible bytes is not UTF-16
    let enc = if (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE)
        && Encoding::for_bom(bytes).is_none()
    {
        UTF_8
    } else {
        enc
    };
    let (text, used, bad) = enc.decode(bytes);
    let warning = if bad {
        Some(format!(
            "page is not valid {} ({how}); undecodable bytes were replaced",
            used.name()
        ))
    } else if used != UTF_8 {
        Some(format!("page decoded from {} ({how})", used.name()))
    } else {
        None
    };
    (text, used, warning)
}

/// The encoding a `<meta>` tag in `head` declares.
fn meta_charset(
    head: &[u8],
    label: &dyn Fn(&str) -> Option<&'static encoding_rs::Encoding>,
) -> Option<&'static encoding_rs::Encoding> {
    let h = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = h[from..].find("<meta") {
        let s = from + at;
        let e = h[s..].find('>').map(|e| s + e).unwrap_or(h.len());
        let tag = &h[s..e];
        if tag.contains("charset") && (!tag.contains("http-equiv") || tag.contains("content-type"))
        {
            if let Some(enc) = label(tag) {
                return Some(enc);
            }
        }
        from = e;
    }
    None
}

/// Extract the article from an HTML string.
pub fn read_str(
    source: &str,
    html: &str,
    url: Option<&str>,
    published: Option<&str>,
) -> Result<Document, ReadError> {
    if nesting_depth(html) > MAX_DEPTH {
        // the DOM extractor is superlinear on pathological nesting: strip tags linearly instead
        let mut doc = Document::new(source, Article::default(), strip_tags(html));
        doc.warnings.push(format!(
            "HTML nested deeper than {MAX_DEPTH} levels; extracted as plain text"
        ));
        if doc.body.trim().is_empty() {
            return Err(err(source, "no article text found in the page"));
        }
        if let Some(u) = url {
            doc.article.url = Some(u.to_string());
            doc.article.outlet = outlet_of(u);
        }
        return Ok(finish(doc, published));
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: 200_000,
        ..Default::default()
    };
    // dom_smoothie wants an absolute URL or none
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let slim = drop_small_blocks(slim(html));
    let dom = dom_query::Document::from(slim.as_str());
    // what Readability keeps but an article body never holds: figures and their captions,
    // asides, navigation, share/related/newsletter blocks, bylines and time stamps; an element
    // holding much of the page's text is kept whatever its class says
    remove_boilerplate(&dom);
    let parsed = Readability::with_document(dom, url, Some(cfg.clone()))
        .and_then(|mut r| r.parse())
        .or_else(|_| Readability::new(html, url, Some(cfg)).and_then(|mut r| r.parse()));
    let a = match parsed {
        Ok(a) => a,
        Err(e) => {
            // no article found: the page's text, so that nothing is silently lost
            let body = strip_tags(html);
            if body.trim().is_empty() {
                return Err(err(source, format!("no text in the page ({e})")));
            }
            let mut doc = Document::new(source, Article::default(), body);
            doc.warnings.push(format!(
                "no main article found ({e}); the whole page's text is the body"
            ));
            if let Some(u) = url {
                doc.article.url = Some(u.to_string());
                doc.article.outlet = outlet_of(u);
            }
            return Ok(finish(doc, published));
        }
    };
    let body = drop_boilerplate_lines(&normalise_text(&a.text_content));
    let mut art = Article {
        title: Some(a.title.trim().to_string()).filter(|t| !t.is_empty()),
        byline: a
            .byline
            .iter()
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty())
            .collect(),
        published: a
            .published_time
            .as_deref()
            .and_then(dateline_core::date::parse_date_line)
            .or_else(|| fallback_date(html, url)),
        url: url.map(str::to_string).or(a.url.clone()),
        outlet: a.site_name.clone(),
        language: a.lang.as_deref().and_then(crate::language::primary_subtag),
        ..Default::default()
    };
    if art.outlet.is_none() {
        art.outlet = art.url.as_deref().and_then(outlet_of);
    }
    Ok(finish(Document::new(source, art, body), published))
}

/// The publication date a page shows when its metadata has none: a date in the URL's path
/// (`/2019/11/20/`, `/2019-11-20/`, `-20191120`), else the first `<time datetime="…">`.
fn fallback_date(html: &str, url: Option<&str>) -> Option<String> {
    use dateline_core::date::Date;
    let valid = |y: i32, m: u32, d: u32| (1990..=2100).contains(&y) && Date::new(y, m, d).is_some();
    if let Some(path) = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|r| r.find('/').map(|i| &r[i..]))
    {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let nums: Vec<&str> = path
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        for w in nums.windows(3) {
            if let (4, 1..=2, 1..=2) = (w[0].len(), w[1].len(), w[2].len()) {
                let (y, m, d) = (w[0].parse().ok()?, w[1].parse().ok()?, w[2].parse().ok()?);
                if valid(y, m, d) {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        // `/2019/nov/18/`
        let segs: Vec<&str> = path.split('/').collect();
        for w in segs.windows(3) {
            const MONTHS: [&str; 12] = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            let m = MONTHS.iter().position(|m| {
                w[1].len() >= 3 && w[1][..3].eq_ignore_ascii_case(m) && w[1].len() <= 9
            });
            if let (Ok(y), Some(m), Ok(d)) = (w[0].parse::<i32>(), m, w[2].parse::<u32>()) {
                if valid(y, m as u32 + 1, d) {
                    return Some(format!("{y:04}-{:02}-{d:02}", m + 1));
                }
            }
        }
        for n in &nums {
            if n.len() == 8 {
                let (y, m, d) = (
                    n[..4].parse().ok()?,
                    n[4..6].parse().ok()?,
                    n[6..].parse().ok()?,
                );
                if valid(y, m, d) {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
    }
    let lower_at = html.find("<time")?;
    let tag_end = html[lower_at..].find('>').map(|e| lower_at + e)?;
    let tag = &html[lower_at..tag_end];
    let at = tag.find("datetime=")? + 9;
    let v = tag[at..].trim_start_matches(['"', '\'']);
    let v = &v[..v.find(['"', '\'', ' ']).unwrap_or(v.len())];
    let day = v.get(..10)?;
    dateline_core::date::parse_date_line(day)
}

/// Elements removed before extraction: figures and captions, navigation and asides, bylines
/// and time stamps, promotions, related/trending/share blocks, galleries, embeds, calls to
/// action, credits and copyright lines. Generic web conventions (element names and class-name
/// parts, matched case-sensitively as CSS `[class*=…]` would), not rules for particular sites;
/// each was kept only if it helped on the AEB dev pages (docs/BENCHMARKS.md lists the ablation).
const BOILERPLATE_TAGS: &[&str] = &["figure", "figcaption", "nav", "aside", "time"];
const BOILERPLATE_CLASS_PARTS: &[&str] = &[
    "caption",
    "Caption",
    "byline",
    "promo",
    "timestamp",
    "related",
    "share",
    "trending",
    "copyright",
    "gallery",
    "cta",
    "embed",
    "slideshow",
    "credit",
];

fn is_boilerplate(node: &dom_query::NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return false;
    };
    if BOILERPLATE_TAGS.contains(&&*name) {
        return true;
    }
    if node.attr("itemprop").is_some_and(|v| &*v == "author") {
        return true;
    }
    static PARTS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(BOILERPLATE_CLASS_PARTS).ok());
    node.class().is_some_and(|c| match &*PARTS {
        Some(ac) => ac.is_match(&*c),
        None => BOILERPLATE_CLASS_PARTS.iter().any(|p| c.contains(p)),
    })
}

/// Remove [`is_boilerplate`] elements holding less than a fifth of the body's text, in one
/// walk of the tree (an element removed is not descended into; one kept is).
fn remove_boilerplate(dom: &dom_query::Document) {
    let Some(body) = dom.select("body").nodes().first().cloned() else {
        return;
    };
    let total = body.text().len().max(1);
    let mut stack: Vec<dom_query::NodeRef> = body.children_it(true).collect();
    while let Some(node) = stack.pop() {
        if !node.is_element() {
            continue;
        }
        if is_boilerplate(&node) && node.text().len() * 5 < total {
            node.remove_from_parent();
            continue;
        }
        stack.extend(node.children_it(true));
    }
}

/// Lines that are page furniture, not article text: time stamps, photo credits, "read more"
/// teasers, copyright notices.
fn drop_boilerplate_lines(text: &str) -> String {
    const STARTS: &[&str] = &[
        "photo:",
        "photos:",
        "credit:",
        "image:",
        "(image:",
        "updated",
        "published",
        "| updated",
        "posted",
        "see more:",
        "read more",
        "continue reading",
        "you may also like",
        "advertisement",
        "this document is subject to copyright",
        "citation:",
        "©",
        "copyright",
        "related:",
        "related article",
        "follow us",
        "sign up",
        "subscribe",
        "get fox business",
        "click here",
        "share this",
        "more:",
    ];
    let furniture = |l: &str| {
        let t = l.trim().to_lowercase();
        let words = t.split_whitespace().count();
        let starts = STARTS.iter().any(|s| t.starts_with(s)) && words < 30;
        let credit = words < 25
            && (t.contains("credit:")
                || t.contains("(image:")
                || t.ends_with("/ap")
                || t.contains("photo: "));
        starts || credit
    };
    let mut out: Vec<String> = Vec::new();
    for para in text.split("\n\n") {
        let kept: Vec<&str> = para.lines().filter(|l| !furniture(l)).collect();
        if !kept.is_empty() {
            out.push(kept.join("\n"));
        }
    }
    out.join("\n\n")
}

/// Drop what the extractor would throw away anyway, in one linear pass before parsing:
/// `<script>` (except JSON-LD metadata), `<style>`, `<svg>`, `<noscript>`, `<template>` and
/// comments. Pages are mostly code; parsing less is most of the speed.
fn slim(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let mut copied = 0;
    let mut kept = Vec::new();
    let lower_at = |at: usize, pat: &[u8]| -> bool {
        b.len() >= at + pat.len() && b[at..at + pat.len()].eq_ignore_ascii_case(pat)
    };
    while let Some(off) = memchr(b'<', &b[i..]) {
        let at = i + off;
        i = at + 1;
        let end_of = |close: &[u8], from: usize| -> usize {
            // the end of the first `close` at or after `from` (case-insensitive), or the end
            let mut j = from;
            while let Some(o) = memchr(b'<', &b[j..]) {
                let k = j + o;
                if lower_at(k, close) {
                    return memchr(b'>', &b[k..]).map(|e| k + e + 1).unwrap_or(b.len());
                }
                j = k + 1;
            }
            b.len()
        };
        let skip_to = if lower_at(at, b"<!--") {
            Some(
                html[at + 4..]
                    .find("-->")
                    .map(|e| at + 4 + e + 3)
                    .unwrap_or(b.len()),
            )
        } else if lower_at(at, b"<script") {
            let tag_end = memchr(b'>', &b[at..]).map(|e| at + e).unwrap_or(b.len());
            let tag = &html[at..tag_end];
            if tag.to_ascii_lowercase().contains("ld+json") {
                // metadata kept verbatim (its strings may hold markup not to be touched)
                i = end_of(b"</script", tag_end);
                None
            } else {
                Some(end_of(b"</script", tag_end))
            }
        } else if lower_at(at, b"<style") {
            Some(end_of(b"</style", at + 6))
        } else if lower_at(at, b"<svg") {
            Some(end_of(b"</svg", at + 4))
        } else if lower_at(at, b"<noscript") {
            Some(end_of(b"</noscript", at + 9))
        } else if lower_at(at, b"<template") {
            Some(end_of(b"</template", at + 9))
        } else if lower_at(at, b"<title") || lower_at(at, b"<textarea") || lower_at(at, b"<pre") {
            // text, not markup, or preformatted, up to the end tag: not rewritten
            let close: &[u8] = if lower_at(at, b"<title") {
                b"</title"
            } else if lower_at(at, b"<pre") {
                b"</pre"
            } else {
                b"</textarea"
            };
            i = end_of(close, at + 4);
            None
        } else {
            // indentation between tags: one white-space character instead of a run
            let mut k = at;
            while k > copied && matches!(b[k - 1], b' ' | b'\t' | b'\n' | b'\r') {
                k -= 1;
            }
            if at - k > 1 && k > copied && b[k - 1] == b'>' {
                out.push_str(&html[copied..k]);
                out.push(if b[k..at].contains(&b'\n') { '\n' } else { ' ' });
                copied = at;
            }
            if b.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
                if let Some(end) = slim_start_tag(html, at, &mut out, copied, &mut kept) {
                    copied = end;
                    i = end;
                }
            }
            None
        };
        if let Some(to) = skip_to {
            out.push_str(&html[copied..at]);
            copied = to.min(b.len());
            i = copied;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Elements [`remove_boilerplate`] would take out of the DOM anyway and that are a large part
/// of a page's markup (menus alone are often a fifth of it): cut from the source before
/// parsing when they hold less than a fifth of the page's text (text counted as the bytes
/// outside tags). A block whose end tag is missing is left to the DOM pass.
const SMALL_BLOCK_TAGS: &[&[u8]] = &[b"nav", b"aside", b"figure"];

fn drop_small_blocks(html: String) -> String {
    let b = html.as_bytes();
    let names_at = |at: usize, name: &[u8]| -> bool {
        b.len() > at + name.len()
            && b[at..at + name.len()].eq_ignore_ascii_case(name)
            && matches!(
                b[at + name.len()],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
            )
    };
    // one pass over the tags: text bytes so far, blocks paired by a stack per name
    let mut text = 0usize;
    let mut open: Vec<Vec<(usize, usize)>> = vec![Vec::new(); SMALL_BLOCK_TAGS.len()];
    let mut blocks: Vec<(usize, usize, usize)> = Vec::new(); // start, end, text inside
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let at = i + off;
        text += off;
        let Some(e) = memchr(b'>', &b[at..]) else {
            i = at;
            break;
        };
        let end = at + e + 1;
        i = end;
        let close = b.get(at + 1) == Some(&b'/');
        let name_at = if close { at + 2 } else { at + 1 };
        if let Some(n) = SMALL_BLOCK_TAGS.iter().position(|t| names_at(name_at, t)) {
            if !close {
                open[n].push((at, text));
            } else if let Some((start, before)) = open[n].pop() {
                blocks.push((start, end, text - before));
            }
        }
    }
    let total = (text + b.len() - i).max(1);
    blocks.sort_unstable();
    let mut out = String::new();
    let mut copied = 0;
    for (start, end, inside) in blocks {
        if start >= copied && inside * 5 < total {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    }
    if copied == 0 {
        return html;
    }
    out.push_str(&html[copied..]);
    out
}

/// Attributes no extraction step reads (event handlers, `data-*`, tooltips, image
/// alternatives and sizing, focus order): about a sixth of a typical news page's markup.
fn droppable_attr(name: &[u8]) -> bool {
    let mut buf = [0u8; 20];
    let Some(n) = lower_into(name, &mut buf) else {
        return name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-");
    };
    (n.len() > 5 && n.starts_with(b"data-"))
        || (n.len() > 2 && n.starts_with(b"on"))
        || matches!(
            n,
            b"title"
                | b"alt"
                | b"width"
                | b"height"
                | b"sizes"
                | b"loading"
                | b"decoding"
                | b"tabindex"
                | b"target"
                | b"aria-label"
                | b"aria-labelledby"
                | b"aria-describedby"
                | b"aria-controls"
                | b"aria-expanded"
        )
}

/// `name` in ASCII lower case in `buf`, when it fits.
fn lower_into<'a>(name: &[u8], buf: &'a mut [u8]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// Whether a link's target matters to extraction: in-page anchors weigh less in link density
/// and `javascript:` links are unwrapped; any other target is only a URL, kept as `/`.
fn href_is_read(value: &[u8]) -> bool {
    let v = value.trim_ascii_start();
    v.first() == Some(&b'#') || (v.len() >= 11 && v[..11].eq_ignore_ascii_case(b"javascript:"))
}

/// The start tag at `at` (`<` then a letter) without its [`droppable_attr`]s: when any was
/// dropped, `html[copied..at]` and the shortened tag are appended to `out` and the offset after
/// the tag is returned. Attributes are lexed as the HTML tokenizer does (names end at space,
/// `/`, `>` or `=`; values quoted by `"` or `'` right after `=`, else up to space or `>`); a tag
/// that does not end before the input does is left alone.
fn slim_start_tag(
    html: &str,
    at: usize,
    out: &mut String,
    copied: usize,
    kept: &mut Vec<(usize, usize, bool)>,
) -> Option<usize> {
    let b = html.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut j = at + 1;
    while j < b.len() && !ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    // (start, end, shortened) of attributes kept, and whether any was dropped or shortened
    kept.clear();
    let is_link = j == at + 2 && b[at + 1].eq_ignore_ascii_case(&b'a');
    let mut dropped = false;
    let mut last_end = j;
    let name_end = j;
    loop {
        while j < b.len() && (ws(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= b.len() {
            return None;
        }
        if b[j] == b'>' {
            break;
        }
        let start = j;
        j += 1; // a name may start with `=`
        while j < b.len() && !ws(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let name = &b[start..j];
        let mut value = &b[j..j];
        let mut k = j;
        while k < b.len() && ws(b[k]) {
            k += 1;
        }
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && ws(b[k]) {
                k += 1;
            }
            match b.get(k) {
                Some(&q @ (b'"' | b'\'')) => {
                    let v = k + 1;
                    k = v + memchr(q, &b[v..])?;
                    value = &b[v..k];
                    k += 1;
                }
                _ => {
                    let v = k;
                    while k < b.len() && !ws(b[k]) && b[k] != b'>' {
                        k += 1;
                    }
                    value = &b[v..k];
                }
            }
            j = k;
        }
        last_end = j;
        if droppable_attr(name) {
            dropped = true;
        } else if is_link && name.eq_ignore_ascii_case(b"href") && !href_is_read(value) {
            dropped = true;
            kept.push((start, j, true));
        } else {
            kept.push((start, j, false));
        }
    }
    if !dropped {
        return None;
    }
    out.push_str(&html[copied..name_end]);
    for &(s, e, short) in kept.iter() {
        out.push(' ');
        out.push_str(if short { "href=\"/\"" } else { &html[s..e] });
    }
    if b[j - 1] == b'/' && last_end < j {
        // self-closing, not the end of an unquoted value
        out.push('/');
    }
    out.push('>');
    Some(j + 1)
}

/// Deeper pages than this are read by [`strip_tags`].
const MAX_DEPTH: usize = 512;

/// The deepest element nesting in the page, counted linearly over start and end tags (void
/// elements and self-closing tags do not nest).
fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        let close = b.get(i) == Some(&b'/');
        let s = if close { i + 1 } else { i };
        let name_len = b[s..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let mut buf = [0u8; 8];
        let is_void = lower_into(&b[s..s + name_len], &mut buf).is_some_and(|n| {
            matches!(
                n,
                b"area"
                    | b"base"
                    | b"br"
                    | b"col"
                    | b"embed"
                    | b"hr"
                    | b"img"
                    | b"input"
                    | b"link"
                    | b"meta"
                    | b"source"
                    | b"track"
                    | b"wbr"
                    | b"p"
                    | b"li"
            )
        });
        if is_void {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else {
            let end = memchr(b'>', &b[s..]).map(|e| s + e).unwrap_or(b.len());
            if end > 0 && b[end - 1] == b'/' {
                continue;
            }
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

/// A linear fallback: the text of the page without tags, scripts and styles, with block
/// elements as paragraph breaks and the common entities decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let b = html.as_bytes();
    let mut i = 0;
    let mut skip_until: Option<&str> = None;
    while i < b.len() {
        if b[i] == b'<' {
            let end = memchr(b'>', &b[i..]).map(|e| i + e + 1).unwrap_or(b.len());
            let tag = html
                .get(i + 1..end.saturating_sub(1))
                .unwrap_or("")
                .to_ascii_lowercase();
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            match skip_until {
                Some(stop) => {
                    if tag.starts_with('/') && name == stop {
                        skip_until = None;
                    }
                }
                None => {
                    if (name == "script" || name == "style") && !tag.starts_with('/') {
                        skip_until = Some(if name == "script" { "script" } else { "style" });
                    } else if matches!(
                        name.as_str(),
                        "p" | "div"
                            | "br"
                            | "li"
                            | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "tr"
                            | "article"
                            | "section"
                    ) {
                        out.push_str("\n\n");
                    }
                }
            }
            i = end;
            continue;
        }
        let next = memchr(b'<', &b[i..]).map(|e| i + e).unwrap_or(b.len());
        if skip_until.is_none() {
            out.push_str(&html[i..next]);
        }
        i = next;
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    normalise_text(&decoded)
}

/// Trim each line, collapse runs of blank lines to one, so paragraphs are separated by exactly
/// one blank line.
fn normalise_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let l = line.trim();
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_a_simple_page() {
        let html = "<html><head><title>Ferry vote</title><meta property=\"og:site_name\" content=\"Coast Wire\"></head><body><nav>Home | News</nav><article><h1>Ferry vote</h1><p>The harbour council of Tidewick voted on Tuesday to buy a new ferry for the island route, its chair said after a long meeting.</p><p>The ferry will carry two hundred passengers and forty cars, and it will enter service next spring if the shipyard keeps to its schedule.</p></article><footer>Contact us</footer></body></html>";
        let d = read_str(
            "p.html",
            html,
            Some("https://www.coastwire.example/a"),
            None,
        )
        .unwrap();
        assert!(d.body.contains("harbour council of Tidewick"), "{}", d.body);
        assert!(!d.body.contains("Contact us"));
        assert_eq!(d.article.outlet.as_deref(), Some("Coast Wire"));
    }

    #[test]
    fn slimming_drops_code_and_keeps_text() {
        let h = "<p>a<!-- c --></p><SCRIPT>x<y</SCRIPT><script type=\"application/ld+json\">{}</script><style>p{}</style><svg><g/></svg>b";
        assert_eq!(
            slim(h),
            "<p>a</p><script type=\"application/ld+json\">{}</script>b"
        );
        for junk in ["<", "<!--", "<script", "<script>", "<style", "<svg"] {
            let _ = slim(junk);
        }
    }

    #[test]
    fn character_sets_are_decoded_as_browsers_do() {
        let para = "<p>The caf\u{e9} in Z\u{fc}rich reopened on Monday after the strike ended, the owner said, and d\u{e9}j\u{e0} vu crowds queued for coffee and cake.</p><p>Officials in Bern said the talks would go on next week.</p>";
        let page = |meta: &str| {
            format!("<html><head>{meta}<title>T</title></head><body><article>{para}</article></body></html>")
        };
        let latin1 = |s: &str| -> Vec<u8> { s.chars().map(|c| c as u32 as u8).collect() };
        // declared in a meta tag
        let b = latin1(&page("<meta charset=\"iso-8859-1\">"));
        let d = read_bytes("a.html", &b, None, None, None).unwrap();
        assert!(d.body.contains("caf\u{e9} in Z\u{fc}rich"), "{}", d.body);
        assert!(d
            .warnings
            .iter()
            .any(|w| w.contains("windows-1252") && w.contains("meta")));
        // declared by the server, no meta
        let b = latin1(&page(""));
        let d = read_bytes(
            "a.html",
            &b,
            None,
            None,
            Some("text/html; charset=ISO-8859-1"),
        )
        .unwrap();
        assert!(d.body.contains("d\u{e9}j\u{e0} vu"));
        // declared nowhere: detected
        let d = read_bytes("a.html", &b, Some("https://news.example.ch/x"), None, None).unwrap();
        assert!(d.body.contains("Z\u{fc}rich"), "{}", d.body);
        assert!(d.warnings.iter().any(|w| w.contains("detected")));
        // UTF-16 with a byte-order mark
        let mut u16 = vec![0xFF, 0xFE];
        for c in page("").encode_utf16() {
            u16.extend(c.to_le_bytes());
        }
        let d = read_bytes("a.html", &u16, None, None, None).unwrap();
        assert!(d.body.contains("caf\u{e9}"));
        // plain UTF-8: no warning; a wrong declaration on valid UTF-8 bytes is still honoured
        let d = read_bytes("a.html", page("").as_bytes(), None, None, None).unwrap();
        assert!(d.warnings.is_empty() && d.body.contains("caf\u{e9}"));
    }

    #[test]
    fn publication_dates_from_the_url_or_a_time_element() {
        let f = |h: &str, u: &str| fallback_date(h, Some(u));
        assert_eq!(
            f("", "https://x.example/2019/11/20/story").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            f("", "https://x.example/a/2019/nov/18/b").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            f("", "https://x.example/news-20180517-sochi").as_deref(),
            Some("2018-05-17")
        );
        // not a date: a story id, an impossible day, a year alone
        assert_eq!(f("", "https://x.example/story/12345678"), None);
        assert_eq!(f("", "https://x.example/2019/02/31/x"), None);
        assert_eq!(f("", "https://x.example/2019/x"), None);
        let html =
            r#"<p>Posted <time class="t" datetime="2021-03-04T10:00:00Z">March 4</time></p>"#;
        assert_eq!(
            f(html, "https://x.example/x").as_deref(),
            Some("2021-03-04")
        );
    }

    #[test]
    fn unread_attributes_are_dropped_and_the_rest_kept() {
        let s = slim(
            r##"<p class="lead" data-track='x y' onclick="go()">A</p><a href="https://x.example/a?b=1" title="t">B</a><a href="#top">C</a><img src=/i.png alt=x/><br data-x=1 />"##,
        );
        assert_eq!(
            s,
            r##"<p class="lead">A</p><a href="/">B</a><a href="#top">C</a><img src=/i.png><br/>"##
        );
        // an unterminated quote or tag is left as it was
        assert_eq!(slim(r#"<p data-x="1>A"#), r#"<p data-x="1>A"#);
        assert_eq!(slim("<p data-x=1"), "<p data-x=1");
        // metadata and titles are not rewritten
        let ld = r#"<script type="application/ld+json">{"body": "<p data-x=\"1\">"}</script>"#;
        assert_eq!(slim(ld), ld);
    }

    #[test]
    fn small_menus_and_asides_are_cut_before_parsing() {
        let text = "word ".repeat(100);
        let page = format!(
            "<body><nav><ul><li>Home</li><nav>inner</nav></ul></nav><p>{text}</p><aside>More</aside><NAV class=x>{text}</NAV><figure>open"
        );
        let out = drop_small_blocks(page);
        // the small menu (with the menu nested in it) and the aside go; a menu holding half
        // the text stays, and so does a figure that is never closed
        assert_eq!(
            out,
            format!("<body><p>{text}</p><NAV class=x>{text}</NAV><figure>open")
        );
    }

    #[test]
    fn deep_nesting_is_read_linearly() {
        let html = format!(
            "{}<p>Deep text here.</p>{}",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        assert!(nesting_depth(&html) > MAX_DEPTH);
        let d = read_str("deep.html", &html, None, None).unwrap();
        assert_eq!(d.body, "Deep text here.");
        assert!(!d.warnings.is_empty());
        assert_eq!(
            strip_tags("<p>a &amp; b</p><script>x()</script><br>c"),
            "a & b\n\nc"
        );
    }

    #[test]
    fn junk_is_an_error_or_empty_not_a_panic() {
        for h in ["", "<", "<<<>>>", "<html>", &"<div>".repeat(5000)] {
            let _ = read_bytes("j.html", h.as_bytes(), None, None, None);
        }
    }
}
