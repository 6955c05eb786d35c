//! Metonymy: places that stand for their governments or institutions.
//!
//! Heuristics:
//! - A country, capital, first-level division or seat of government (features `PCLI`,
//!   `PPLC`, `ADM1`, `BLDG`) acting as the subject of a statement or an act ("Moscow said",
//!   "the United States condemned", "the White House said": a verb of `acting-verbs.txt`
//!   right after the name, not after a locative preposition, "in Moscow said") stands for its
//!   government, an actor, not where anything happened: flagged `via: "metonymy"`.
//! - So does one owning an act, stance or agent in the possessive ("Russia's entry into the
//!   conflict", "Moscow's warplanes": a noun of `owned-acts.txt`); "Syria's Idlib province"
//!   and "Moscow's Red Square" stay places.
//! - A seat of government before a noun names an institution, not a place ("a White House
//!   spokesman", "Pentagon officials", "a Kremlin move"): dropped; with a possessive it acts
//!   ("the Kremlin's response"): metonymy.
//! - A town's name acting as a government anywhere in the article is read as the capital
//!   (see [`crate::score`]).
//!
//! Places with a `via` never place an event.

use crate::text::word_before;
use crate::words::{self, ACTS, LOCATIVES, NOT_MODIFIED};
use dateline_core::{Place, Via};

/// Whether the name at `start..end` is the subject of a verb of statement or action and not
/// after a locative preposition ("Moscow said", not "in Moscow said").
pub(crate) fn acting(body: &str, start: usize, end: usize) -> bool {
    let next = body[end..]
        .trim_start_matches(' ')
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let before = word_before(body, start).to_lowercase();
    let located = LOCATIVES.contains(&before.as_str());
    !located && body[end..].starts_with(' ') && ACTS.contains(next)
}

/// A possessive naming what a state does or has as an actor ("Moscow's status as Assad's
/// backer", "Russia's entry into the conflict", "Russia's warplanes"): the state acts; it is not
/// where anything happened ("Syria's Idlib province", "Moscow's Red Square" stay places).
fn owns_an_act(body: &str, end: usize) -> bool {
    let Some(rest) = ["'s ", "\u{2019}s "]
        .iter()
        .find_map(|m| body[end..].strip_prefix(m))
    else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    words::OWNED_ACTS.contains(next)
}

/// Whether the word after a name is a lower-case word other than a function word or a verb
/// of acting: the name modifies it ("White House spokesman", not "the White House said" or
/// "at the White House a day later").
fn modifies_a_noun(body: &str, end: usize) -> bool {
    let Some(rest) = body[end..].strip_prefix(' ') else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    next.starts_with(|c: char| c.is_lowercase())
        && !NOT_MODIFIED.contains(&next)
        && !ACTS.contains(next)
}

/// The metonymy stage over the article's places (sorted by start): flags states acting or
/// owning an act, drops seats of government before a noun, flags those with a possessive.
pub(crate) fn flag(out: &mut Vec<Place>, body: &str) {
    for p in out.iter_mut().filter(|p| p.via.is_none()) {
        let state_like = matches!(
            p.feature.as_deref(),
            Some("PCLI" | "PPLC" | "ADM1" | "BLDG")
        );
        if state_like && (acting(body, p.start, p.end) || owns_an_act(body, p.end)) {
            p.via = Some(Via::Metonymy);
        }
    }
    // a seat of government before a noun names an institution, not a place ("a White House
    // spokesman", "Pentagon officials", "a Kremlin move"); with a possessive it acts
    // ("the Kremlin's response")
    out.retain(|p| p.feature.as_deref() != Some("BLDG") || !modifies_a_noun(body, p.end));
    for p in out.iter_mut().filter(|p| p.via.is_none()) {
        let possessive = ["'s", "’s"].iter().any(|m| body[p.end..].starts_with(m));
        if p.feature.as_deref() == Some("BLDG") && possessive {
            p.via = Some(Via::Metonymy);
        }
    }
}
