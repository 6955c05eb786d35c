//! Saints' names that are dedications, not places.
//!
//! Heuristics:
//! - A saint's name ("St. Peter", "Saint Paul") after "church of" (or another house of worship
//!   of `church-words.txt`: cathedral, basilica, chapel, abbey, monastery, churches), with
//!   only saints' names, "and" and capitalised words between, is the church's dedication
//!   ("the church of St. Peter and St. Paul").
//! - So is one before such a house with only capitalised words and "and" between ("Saint
//!   Peter and Saint Paul Coptic Orthodox Church"), and a saint's possessive before a
//!   foundation of `saint-foundations.txt` ("St. Michael's Hospital").
//! - The place entity is dropped before resolution.

use crate::words;

/// Whether the saint's name at `start..end` ("St. Peter", "Saint Paul") names a church's
/// dedication: after "church of" (or "cathedral", "basilica", "chapel", "parish" of), or
/// before such a word with only saints' names, "and" and capitalised words between ("Saint
/// Peter and Saint Paul Coptic Orthodox Church").
pub(crate) fn dedication(body: &str, start: usize, end: usize) -> bool {
    let text = &body[start..end];
    let saint = words::SAINT_PREFIXES.iter().any(|p| text.starts_with(p));
    if !saint {
        return false;
    }
    // before: "church of ", "Church of ", "church of St. Peter and "
    let before = &body[..start];
    let mut words = before.split_whitespace().rev();
    let mut seen = 0;
    while let Some(w) = words.next() {
        seen += 1;
        if seen > 6 {
            break;
        }
        let lw = w.to_lowercase();
        if lw == "of" {
            if let Some(house) = words.next() {
                let h = house.to_lowercase();
                if words::CHURCHES.contains(h.trim_matches(|c: char| !c.is_alphabetic())) {
                    return true;
                }
            }
            break;
        }
        if !(lw == "and" || lw == "&" || w.starts_with(char::is_uppercase)) {
            break;
        }
    }
    // after the saint's name (in the name the tagger found too): capitalised words and "and"
    // up to the house ("… and Saint Paul Coptic Church"); after a saint's possessive, a
    // hospital or a school is the saint's too ("St. Michael's Hospital")
    let name_end = text
        .match_indices(' ')
        .nth(1)
        .map_or(end, |(k, _)| start + k);
    let possessive = body[start..name_end].ends_with("'s") || body[start..name_end].ends_with("’s");
    for w in body[name_end..].split_whitespace().take(7) {
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        let lower = bare.to_lowercase();
        if (words::CHURCHES.contains(&lower)
            || possessive && words::SAINT_FOUNDATIONS.contains(&lower))
            && bare.starts_with(char::is_uppercase)
        {
            return true;
        }
        if !(bare == "and" || bare.starts_with(char::is_uppercase)) || bare.is_empty() {
            return false;
        }
        if w.ends_with([',', '.', ';', ':']) {
            return false;
        }
    }
    false
}
