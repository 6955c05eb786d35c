//! Small readings of the article's text shared by the stages: the words after a comma, the
//! word before a name, overlaps of spans, title case, and distances on the globe.

use dateline_core::Place;

/// Up to three words after a comma at byte `end` of the body (letters, digits, full stops),
/// within `chars` characters; none without the comma.
pub(crate) fn comma_words(body: &str, end: usize, chars: usize) -> Vec<String> {
    let Some(rest) = body[end..].strip_prefix(", ") else {
        return Vec::new();
    };
    let w: String = rest
        .chars()
        .take(chars)
        .take_while(|c| c.is_alphanumeric() || *c == ' ' || *c == '.')
        .collect();
    w.split_whitespace().take(3).map(str::to_string).collect()
}

/// The run of letters just before byte `at`, spaces skipped ("in" of "in Greer"; empty after
/// punctuation).
pub(crate) fn word_before(body: &str, at: usize) -> &str {
    body[..at]
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Whether a place in `sorted` (by start) overlaps `[start, end)`: the few places starting
/// just before `end` are looked at, found by binary search.
pub(crate) fn overlaps(sorted: &[Place], start: usize, end: usize) -> bool {
    let i = sorted.partition_point(|p| p.start < end);
    sorted[..i].iter().rev().take(4).any(|p| p.end > start)
}

/// A name in capitals in title case ("PLYMOUTH" -> "Plymouth"); others as they are.
pub(crate) fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    dateline_core::title_case(name)
}

/// Great-circle distance in kilometres.
pub(crate) fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}
