//! The coder of one article: what it reads ([`Knowledge`], [`Input`]), the article's day and
//! focus country, and token helpers shared by every stage.

use super::{Input, Knowledge};
use dateline_core::{date::Date, Actor};
use dateline_geo::Gazetteer;

/// One article being coded, with what every stage reads.
pub(super) struct Coder<'a, 'k> {
    pub(super) k: &'a Knowledge<'k>,
    pub(super) x: &'a Input<'a>,
    /// The article's day, for dating actor codes.
    pub(super) day: Option<i64>,
    /// The country the article's places are in most often.
    pub(super) focus: Option<String>,
    /// People the article titled, by dictionary entry name, with the code their title gave
    /// (see `titles.rs`): later bare mentions keep it.
    pub(super) titled: std::cell::RefCell<dateline_core::hash::FastMap<String, String>>,
}

impl<'a, 'k> Coder<'a, 'k> {
    pub(super) fn new(k: &'a Knowledge<'k>, x: &'a Input<'a>) -> Self {
        Coder {
            k,
            x,
            day: day_of(x.published),
            focus: super::placing::focus_country(x.places),
            titled: Default::default(),
        }
    }

    /// The text of token `i` ("" past the end).
    pub(super) fn tok(&self, i: usize) -> &str {
        self.x
            .tokens
            .get(i)
            .map(|t| t.text(self.x.body))
            .unwrap_or("")
    }

    /// The text of token `i` in lower case ("" past the end), as the annotate stage
    /// lower-cased it.
    pub(super) fn ltok(&self, i: usize) -> &str {
        self.x.lower.get(i).map_or("", String::as_str)
    }

    /// Token index range of a byte span.
    pub(super) fn tok_range(&self, start: usize, end: usize) -> (usize, usize) {
        let t = self.x.tokens;
        let a = t.partition_point(|x| x.start < start);
        let b = t.partition_point(|x| x.end <= end);
        (a, b.max(a + 1))
    }

    /// The token before `i` in lower case, "" at the start of the sentence (token `from`).
    pub(super) fn ltok_before(&self, i: usize, from: usize) -> &str {
        if i > from {
            self.ltok(i - 1)
        } else {
            ""
        }
    }
}

fn day_of(s: Option<&str>) -> Option<i64> {
    s.and_then(Date::parse_iso).map(Date::to_days)
}

/// The country (ISO3) a CAMEO actor code starts with, if it is a country code.
pub(super) fn code_country(code: &str, g: &Gazetteer) -> Option<String> {
    let c = code.get(0..3)?;
    g.country(c).map(|_| c.to_string())
}

/// A role or group code with no country ("REB", "MIL", "MUSUAF": CAMEO's MUS is Muslims
/// there, not Mauritius), and no international organisation or movement ("IGOUNO",
/// "IMGMUSALQ").
pub(super) fn countryless(a: &Actor) -> bool {
    a.country.is_none()
        && a.code.as_deref().is_some_and(|c| {
            !c.is_empty()
                && !["IGO", "NGO", "MNC", "IMG", "UIS"]
                    .iter()
                    .any(|p| c.starts_with(p))
        })
}
