//! Query parameters: each endpoint names the ones it takes, and every value is checked before
//! any SQL runs (the store binds values as parameters; these checks are for clear 400s, not for
//! safety). An unknown or repeated parameter, a value over [`MAX_VALUE`] bytes, a date that is
//! not one, a number out of range is a 400 naming the parameter. An empty value is no value
//! (a form's blank field).

use crate::error::ApiError;
use dateline_store::browse::{shorten, Cursor};
use dateline_store::query::EventFilter;
use std::collections::BTreeMap;

/// The longest value any parameter takes, in bytes.
pub const MAX_VALUE: usize = 512;
/// The longest query string, in bytes.
pub const MAX_QUERY: usize = 8192;

/// The filters of `/api/events` and of every aggregate over events.
pub const FILTERS: &[&str] = &[
    "actor",
    "source",
    "target",
    "code",
    "plover",
    "quad",
    "country",
    "place",
    "from",
    "to",
    "q",
    "min_confidence",
];

/// The parameters of one request, checked against the names its endpoint takes.
pub struct Params(BTreeMap<String, String>);

impl Params {
    pub fn parse(query: Option<&str>, groups: &[&[&str]]) -> Result<Params, ApiError> {
        let query = query.unwrap_or("");
        if query.len() > MAX_QUERY {
            return Err(ApiError::bad(format!(
                "query string too long ({} bytes; at most {MAX_QUERY})",
                query.len()
            )));
        }
        let mut map = BTreeMap::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            if !groups.iter().any(|g| g.contains(&k.as_ref())) {
                return Err(ApiError::bad(format!(
                    "unknown parameter {:?} (this endpoint takes: {})",
                    shorten(&k),
                    groups.concat().join(", ")
                )));
            }
            if v.len() > MAX_VALUE {
                return Err(ApiError::bad(format!(
                    "parameter {k:?} too long ({} bytes; at most {MAX_VALUE})",
                    v.len()
                )));
            }
            if v.contains('\0') {
                return Err(ApiError::bad(format!("parameter {k:?} holds a NUL byte")));
            }
            if map.contains_key(k.as_ref()) {
                return Err(ApiError::bad(format!("parameter {k:?} given twice")));
            }
            if !v.trim().is_empty() {
                map.insert(k.into_owned(), v.trim().to_string());
            }
        }
        Ok(Params(map))
    }

    pub fn get(&self, k: &str) -> Option<&str> {
        self.0.get(k).map(String::as_str)
    }

    fn owned(&self, k: &str) -> Option<String> {
        self.get(k).map(str::to_string)
    }

    /// A whole number in `lo..=hi`, `default` when absent.
    pub fn number(&self, k: &str, lo: usize, hi: usize, default: usize) -> Result<usize, ApiError> {
        match self.get(k) {
            None => Ok(default),
            Some(v) => v
                .parse::<usize>()
                .ok()
                .filter(|n| (lo..=hi).contains(n))
                .ok_or_else(|| {
                    ApiError::bad(format!(
                        "{k}={:?}: give a whole number from {lo} to {hi}",
                        shorten(v)
                    ))
                }),
        }
    }

    /// A date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real one.
    pub fn date(&self, k: &str) -> Result<Option<String>, ApiError> {
        match self.get(k) {
            None => Ok(None),
            Some(v) => dateline_store::dates::parse_bound(v)
                .map(|_| Some(v.to_string()))
                .map_err(|e| ApiError::bad(format!("{k}: {e}"))),
        }
    }

    pub fn cursor(&self) -> Result<Option<Cursor>, ApiError> {
        self.get("cursor")
            .map(|c| Cursor::parse(c).map_err(ApiError::bad))
            .transpose()
    }

    /// The event filters ([`FILTERS`]). `actor` is either side; `source` the source.
    pub fn events(&self) -> Result<EventFilter, ApiError> {
        let code = self.owned("code");
        if let Some(c) = &code {
            if c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ApiError::bad(format!(
                    "code={:?}: give a CAMEO code or its prefix (digits: 04, 042)",
                    shorten(c)
                )));
            }
        }
        let plover = self.owned("plover");
        if let Some(p) = &plover {
            if p.len() > 40 || !p.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') {
                return Err(ApiError::bad(format!(
                    "plover={:?}: give a PLOVER type (CONSULT, ASSAULT …)",
                    shorten(p)
                )));
            }
        }
        let country = self.owned("country");
        if let Some(c) = &country {
            if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(ApiError::bad(format!(
                    "country={:?}: give an ISO 3166-1 alpha-3 code (KEN, RUS)",
                    shorten(c)
                )));
            }
        }
        let quad = match self.get("quad") {
            None => None,
            Some(q) => Some(
                q.parse::<u8>()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| {
                        ApiError::bad(format!("quad={:?}: give 1, 2, 3 or 4", shorten(q)))
                    })?,
            ),
        };
        let min_confidence = match self.get("min_confidence") {
            None => None,
            Some(v) => Some(
                v.parse::<f64>()
                    .ok()
                    .filter(|x| (0.0..=1.0).contains(x))
                    .ok_or_else(|| {
                        ApiError::bad(format!(
                            "min_confidence={:?}: give a number from 0 to 1",
                            shorten(v)
                        ))
                    })?,
            ),
        };
        Ok(EventFilter {
            actor: self.owned("source"),
            either: self.owned("actor"),
            target: self.owned("target"),
            code,
            plover,
            quad,
            country,
            place: self.owned("place"),
            from: self.date("from")?,
            to: self.date("to")?,
            text: self.owned("q"),
            min_confidence,
            limit: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(q: &str) -> Result<Params, ApiError> {
        Params::parse(Some(q), &[FILTERS, &["limit", "cursor"]])
    }

    #[test]
    fn bad_values_are_named() {
        for q in [
            "from=2016-13",
            "to=yesterday",
            "limit=0",
            "limit=100000",
            "limit=-1",
            "quad=5",
            "code=abc",
            "country=KENYA",
            "min_confidence=2",
            "plover=X%27%3B",
            "cursor=nope",
            "nope=1",
            "actor=a&actor=b",
        ] {
            let r = p(q).and_then(|p| {
                p.events()?;
                p.number("limit", 1, 500, 50)?;
                p.cursor()
            });
            let e = r.err().unwrap_or_else(|| panic!("{q} accepted"));
            assert_eq!(e.status, 400, "{q}");
        }
        let long = format!("actor={}", "x".repeat(MAX_VALUE + 1));
        assert!(p(&long).is_err());
    }

    #[test]
    fn good_values_fill_the_filter() {
        let f = p("actor=KEN&source=Ruto&quad=4&country=ken&from=2021-03&to=2021&min_confidence=0.5&q=&code=042")
            .unwrap()
            .events()
            .unwrap();
        assert_eq!(f.either.as_deref(), Some("KEN"));
        assert_eq!(f.actor.as_deref(), Some("Ruto"));
        assert_eq!((f.quad, f.min_confidence), (Some(4), Some(0.5)));
        assert_eq!(f.text, None, "an empty value is no value");
    }
}
