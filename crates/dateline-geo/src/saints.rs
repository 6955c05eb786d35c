//! Saints' names that are dedications, not places.
//!
//! Heuristics:
//! - A saint's name ("St. George", "Saint Helena") after "church of" (or another house of
//!   worship of `church-words.txt`: cathedral, basilica, chapel, abbey, monastery, churches),
//!   with only saints' names, "and" and capitalised words between, is the church's dedication
//!   ("the chapel of St. George and St. Helena").
//! - So is one before such a house with only capitalised words and "and" between ("Saint
//!   Louis and Saint Clare Maronite Cathedral"), and a saint's possessive before a
//!   foundation of `saint-foundations.txt` ("St. Michael's Hospital").
//! - The place entity is dropped before resolution.

use crate::words;

/// Whether the saint's name at `start..end` ("St. George", "Saint Helena") names a church's
/// dedication: after "church of" (or another house of worship of `church-words.txt`), or
/// before such a word with only saints' names, "and" and capitalised words between ("Saint
/// Louis and Saint Clare Maronite Cathedral").
pub(crate) fn dedication(body: &str, start: usize, end: usize) -> bool {
    let text = &body[start..end];
    let saint = words::SAINT_PREFIXES.iter().any(|p| text.starts_with(p));
    if !saint {
        return false;
    }
    // before: "church of ", "Chapel of ", "chapel of St. George and "
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
    // up to the house ("… and Saint Clare Maronite Cathedral"); after a saint's possessive, a
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

#[cfg(test)]
mod tests {
    use crate::test_support::*;

    /// saints a chapel is named for are no places, after "chapel of" and before "Cathedral"
    #[test]
    fn saints_a_church_is_named_for_are_no_places() {
        let g = gazetteer();
        let body = "Hail cracked the windows of the chapel of St. George and St. Helena in \
                    Valletta. The choir rehearsed at the Saint Louis Maronite Cathedral.";
        let saints = ["St. George", "St. Helena", "Saint Louis"];
        // (each saint's name is a place's too: the rule, not the gazetteer, drops them)
        for s in saints {
            assert!(!g.lookup(s).is_empty(), "{s} is in the gazetteer");
        }
        let ps = g.resolve(
            body,
            &gpes(
                body,
                &["St. George", "St. Helena", "Valletta", "Saint Louis"],
            ),
        );
        assert_eq!(
            ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            ["Valletta"],
            "{ps:?}"
        );
    }

    /// and a hospital or school a saint's possessive names
    #[test]
    fn hospital_or_school_a_saint_possessive_names() {
        let g = gazetteer();
        let body = "He was taken to St. Michael's Hospital in Toronto.";
        let ps = g.resolve(body, &gpes(body, &["St. Michael's Hospital", "Toronto"]));
        assert_eq!(
            ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            ["Toronto"],
            "{ps:?}"
        );
    }

    /// but a Louisiana parish named for a saint is a place
    #[test]
    fn louisiana_parish_named_for_a_saint_is_a_place() {
        let g = gazetteer();
        let body = "Deputies in St. Tammany Parish closed two roads.";
        let ps = g.resolve(body, &gpes(body, &["St. Tammany Parish"]));
        assert!(!ps.is_empty(), "{ps:?}");
    }
}
