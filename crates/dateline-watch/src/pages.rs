//! Fetched bodies to what `dateline` reads: a page to a document (extracted as `dateline
//! read` extracts an HTML file), a feed or sitemap to the pages it lists. Shared by `watch`
//! and by `read`/`code`/`ingest URL` (`remote`).

use crate::http;
use dateline_core::Document;
use dateline_read::feed::{FeedItem, Listing};
use dateline_read::ReadOptions;

/// How many sitemaps of a sitemap index are read.
pub const MAX_SITEMAPS: usize = 50;

/// Content types that are never an article page.
const NOT_PAGES: &[&str] = &[
    "image/",
    "audio/",
    "video/",
    "application/pdf",
    "application/zip",
];

/// A fetched page as a document named `source`: HTML (by its `Content-Type` or its bytes)
/// extracted as `dateline read` extracts an HTML file, other text read as its format says;
/// dated by the page, else by `published` (the feed item's date, or `--published`), else as
/// an undated file is (a date line near its top, a date in the URL's path). An error says
/// why it is no article page.
pub fn document(source: &str, p: &http::Page, published: Option<&str>) -> Result<Document, String> {
    let ct = p.content_type.as_deref().unwrap_or("").to_ascii_lowercase();
    if NOT_PAGES.iter().any(|b| ct.starts_with(b)) {
        return Err(format!("not an article page (Content-Type {ct})"));
    }
    let format = dateline_read::detect(url_path(&p.url), &p.body);
    let html = ct.contains("html") || format == dateline_read::InputFormat::Html;
    let mut doc = if html {
        dateline_read::html::read_bytes(
            source,
            &p.body,
            Some(&p.url),
            published,
            p.content_type.as_deref(),
        )
        .map_err(|e| e.message)?
    } else {
        let opts = ReadOptions {
            published: published.map(str::to_string),
            ..Default::default()
        };
        let mut out = dateline_read::read(source, &p.body, &opts);
        if out.len() != 1 {
            return Err(format!(
                "a {} listing, not an article page",
                out.len().max(2)
            ));
        }
        out.remove(0).map_err(|e| e.message)?
    };
    if html {
        // undated: a date line near the top of the text, else a date in the URL's path
        let path = http::split_url(&p.url)
            .map(|(_, _, path)| path)
            .unwrap_or("");
        doc = dateline_read::date_from_file(doc, url_path(path));
    }
    if doc.article.url.is_none() {
        doc.article.url = Some(p.url.clone());
        doc.article.outlet = dateline_read::outlet_of(&p.url);
        doc.id = dateline_core::hash::hex_id(p.url.as_bytes());
    }
    if doc.body.trim().is_empty() {
        return Err("no article text found in the page".into());
    }
    Ok(doc)
}

/// A URL's path without its query or fragment (what a file name would be), for telling a
/// format by its ending.
pub fn url_path(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// The pages a listing (a feed, a sitemap, a sitemap index) names, relative links resolved
/// against the listing's URL (after redirects); a sitemap index's first [`MAX_SITEMAPS`]
/// sitemaps are fetched and their pages listed in turn (one level). A sitemap that fails is
/// told to `failed` (its URL, why) and left out.
pub fn listed_pages(
    fetcher: &mut http::Fetcher,
    page: &http::Page,
    listing: Listing,
    mut failed: impl FnMut(&str, &str),
) -> Vec<FeedItem> {
    let mut items = listing.items;
    for it in &mut items {
        if http::split_url(&it.url).is_none() {
            if let Some(u) = http::resolve(&page.url, &it.url) {
                it.url = u;
            }
        }
    }
    if !listing.is_index {
        return items;
    }
    let maps: Vec<String> = items.drain(..).map(|i| i.url).collect();
    for m in maps.iter().take(MAX_SITEMAPS) {
        match fetcher.get(m, &http::Validators::default()) {
            Ok(http::Fetched::Page(p)) => match dateline_read::feed::items(&p.body) {
                Ok(l) if !l.is_index => items.extend(l.items.into_iter().map(|mut it| {
                    if let Some(u) = http::resolve(&p.url, &it.url) {
                        it.url = u;
                    }
                    it
                })),
                Ok(_) => failed(m, "a sitemap index inside a sitemap index (not read)"),
                Err(message) => failed(m, &message),
            },
            Ok(http::Fetched::NotModified) => {}
            Err(e) => failed(m, &e.message),
        }
    }
    items
}
