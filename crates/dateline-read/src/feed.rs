//! RSS 2.0 and Atom feeds (through `feed-rs`): each item becomes an article with its title,
//! link, date and authors; the body is the item's full content (`content:encoded`, Atom
//! `content`) or else its description/summary, with HTML tags stripped.

use crate::{err, finish, html::strip_tags, outlet_of, ReadResult};
use dateline_core::{Article, Document};

pub fn read(source: &str, bytes: &[u8], published: Option<&str>) -> Vec<ReadResult> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(err(
                source,
                format!("not a readable RSS/Atom feed: {e}"),
            ))]
        }
    };
    let site = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for (i, item) in feed.entries.iter().enumerate() {
        let item_source = format!("{source}#item{}", i + 1);
        let html = item
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| item.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let body = strip_tags(&html);
        if body.trim().is_empty() {
            out.push(Err(err(&item_source, "feed item without text")));
            continue;
        }
        let url = item.links.first().map(|l| l.href.clone());
        let art = Article {
            title: item
                .title
                .as_ref()
                .map(|t| strip_tags(&t.content))
                .filter(|t| !t.is_empty()),
            byline: item
                .authors
                .iter()
                .map(|a| a.name.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            published: item
                .published
                .or(item.updated)
                .map(|d| d.format("%Y-%m-%d").to_string()),
            outlet: site.clone().or_else(|| url.as_deref().and_then(outlet_of)),
            url,
            ..Default::default()
        };
        out.push(Ok(finish(
            Document::new(&item_source, art, body),
            published,
        )));
    }
    if out.is_empty() {
        out.push(Err(err(source, "feed has no items")));
    }
    out
}

/// One entry of a feed or a news sitemap: the page it links to, with what the listing says
/// of it (`dateline watch` fetches the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    pub url: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`, from the item's published (else updated) date.
    pub published: Option<String>,
}

/// The items of an RSS/Atom feed or a (news) sitemap, in listing order; items without a link
/// are left out. A sitemap index yields its sitemaps (`is_index`), to be read in turn. An
/// error says what the bytes are instead (an HTML page, a malformed feed).
pub fn items(bytes: &[u8]) -> Result<Listing, String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    if head.contains("<urlset") || head.contains("<sitemapindex") {
        return sitemap(bytes, head.contains("<sitemapindex"));
    }
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            let t = head.trim_start_matches('\u{feff}').trim_start();
            return Err(
                if t.starts_with("<!doctype html") || t.starts_with("<html") {
                    "an HTML page, not an RSS/Atom feed or a sitemap".to_string()
                } else {
                    format!("not a readable RSS/Atom feed: {e}")
                },
            );
        }
    };
    let items = feed
        .entries
        .iter()
        .filter_map(|item| {
            let url = item.links.first()?.href.trim().to_string();
            (!url.is_empty()).then(|| FeedItem {
                url,
                title: item
                    .title
                    .as_ref()
                    .map(|t| strip_tags(&t.content))
                    .filter(|t| !t.is_empty()),
                published: item
                    .published
                    .or(item.updated)
                    .map(|d| d.format("%Y-%m-%d").to_string()),
            })
        })
        .collect();
    Ok(Listing {
        items,
        is_index: false,
    })
}

/// What [`items`] found in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    pub items: Vec<FeedItem>,
    /// A sitemap index: the items are sitemaps, not pages.
    pub is_index: bool,
}

/// A sitemap's `<url>` (or an index's `<sitemap>`) entries: `<loc>`, and the news extension's
/// `<news:publication_date>` and `<news:title>` when present. A plain scan, not an XML parser:
/// sitemaps are flat, and entities in a `<loc>` are the five of XML.
fn sitemap(bytes: &[u8], is_index: bool) -> Result<Listing, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("a sitemap that is not UTF-8 (byte {})", e.valid_up_to()))?;
    let entry = if is_index { "sitemap" } else { "url" };
    let open = format!("<{entry}>");
    let close = format!("</{entry}>");
    let mut items = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        let Some(end) = after.find(&close) else {
            return Err(format!("a truncated sitemap: <{entry}> without </{entry}>"));
        };
        let block = &after[..end];
        rest = &after[end + close.len()..];
        let Some(url) = element(block, "loc")
            .map(unescape)
            .filter(|u| !u.is_empty())
        else {
            continue;
        };
        let published = element(block, "news:publication_date")
            .and_then(|d| d.trim().get(..10))
            .filter(|d| dateline_core::date::Date::parse_iso(d).is_some())
            .map(str::to_string);
        let title = element(block, "news:title")
            .map(|t| strip_tags(&unescape(t)))
            .filter(|t| !t.is_empty());
        items.push(FeedItem {
            url,
            title,
            published,
        });
    }
    Ok(Listing { items, is_index })
}

/// The text of the first `<name>…</name>` in `block`.
fn element<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let at = block.find(&open)? + open.len();
    let len = block[at..].find(&format!("</{name}>"))?;
    Some(block[at..at + len].trim())
}

fn unescape(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("<![CDATA[")
        .and_then(|x| x.strip_suffix("]]>"))
        .unwrap_or(s);
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Coast Wire</title><link>https://coastwire.example/</link>
<item><title>Ferry vote</title><link>https://coastwire.example/ferry</link><pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate><author>desk@coastwire.example (Desk)</author><description>Short.</description><content:encoded><![CDATA[<p>The harbour council voted on Tuesday.</p><p>A new ferry comes.</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://coastwire.example/e</link></item>
</channel></rss>"#;
        let out = read("f.rss", rss.as_bytes(), None);
        assert_eq!(out.len(), 2);
        let d = out[0].as_ref().unwrap();
        assert_eq!(d.article.title.as_deref(), Some("Ferry vote"));
        assert_eq!(d.article.published.as_deref(), Some("2021-03-02"));
        assert_eq!(
            d.article.url.as_deref(),
            Some("https://coastwire.example/ferry")
        );
        assert_eq!(
            d.body,
            "The harbour council voted on Tuesday.\n\nA new ferry comes."
        );
        assert!(out[1].is_err());
    }

    #[test]
    fn atom_entries_and_junk() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><title>Talks</title><link href="https://w.example/t"/><updated>2020-05-06T07:08:09Z</updated><author><name>A. Writer</name></author><summary>Leaders met in Nairobi on Monday.</summary></entry></feed>"#;
        let out = read("a.atom", atom.as_bytes(), None);
        let d = out[0].as_ref().unwrap();
        assert_eq!(d.article.byline, vec!["A. Writer"]);
        assert_eq!(d.article.published.as_deref(), Some("2020-05-06"));
        let _ = read("x.rss", b"<rss><channel><item>", None); // truncated: whatever it yields, no panic
        assert!(read("x.rss", b"\0\0\0", None)[0].is_err());
    }

    #[test]
    fn listings_of_feeds_and_sitemaps() {
        let rss = r#"<rss version="2.0"><channel><title>W</title><item><title>A</title><link>https://w.example/a</link><pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate></item><item><title>No link</title></item></channel></rss>"#;
        let l = items(rss.as_bytes()).unwrap();
        assert_eq!(l.items.len(), 1);
        assert_eq!(l.items[0].url, "https://w.example/a");
        assert_eq!(l.items[0].published.as_deref(), Some("2021-03-02"));
        let map = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://w.example/b?x=1&amp;y=2</loc><news:news><news:publication_date>2021-03-04T10:00:00Z</news:publication_date><news:title>Ferry &amp; port</news:title></news:news></url></urlset>"#;
        let l = items(map.as_bytes()).unwrap();
        assert!(!l.is_index);
        assert_eq!(l.items[0].url, "https://w.example/b?x=1&y=2");
        assert_eq!(l.items[0].published.as_deref(), Some("2021-03-04"));
        assert_eq!(l.items[0].title.as_deref(), Some("Ferry & port"));
        let index =
            "<sitemapindex><sitemap><loc>https://w.example/s1.xml</loc></sitemap></sitemapindex>";
        let l = items(index.as_bytes()).unwrap();
        assert!(l.is_index && l.items[0].url == "https://w.example/s1.xml");
        let e = items(b"<!DOCTYPE html><html><body>Hi</body></html>").unwrap_err();
        assert!(e.contains("HTML page"), "{e}");
        let _ = items(b"<rss><channel><item><title>x"); // truncated: an answer, no panic
        assert!(items(b"<urlset><url><loc>https://w.example/c</loc>").is_err());
    }
}
