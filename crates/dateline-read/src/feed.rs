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
}
