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

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use crate::text::km;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// the White House is in Washington, not White House, Tennessee; acting, it is the
    /// government; before a noun it names an institution and is no place; "Quebec City" is
    /// the city, not the province
    #[test]
    fn white_house_is_in_washington_not_white_house_tennessee_acting_it() {
        let g = gazetteer();
        let body = "Protesters gathered outside the White House. The White House said no. \
                    A White House spokesman left for Montreal, Quebec City and Halifax.";
        let at = |n: usize| ent_nth(body, "White House", n, EntityType::Fac);
        let ents = vec![
            at(0),
            at(1),
            at(2),
            ent(body, "Montreal", EntityType::Gpe),
            ent(body, "Quebec City", EntityType::Org),
            ent(body, "Halifax", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.feature.as_deref(), via(p)));
        assert_eq!(
            got,
            vec![
                ("White House", Some("BLDG"), None),
                ("White House", Some("BLDG"), Some("metonymy")),
                ("Montreal", Some("PPL"), None),
                ("Quebec", Some("PPL"), Some("organisation")),
                ("Halifax", Some("PPL"), None),
            ]
        );
        assert!(km(ps[0].lat, ps[0].lon, 38.9, -77.04) < 5.0, "{:?}", ps[0]);
        assert_eq!(ps[3].admin1.as_deref(), Some("10"));
    }

    #[test]
    fn places_acting_as_governments_are_flagged_and_read_as_capitals() {
        let g = gazetteer();
        let body = "Moscow said talks in Moscow would go ahead; the United States condemned \
                    them, and farmers in Texas shrugged.";
        let second = body.rfind("Moscow").unwrap();
        let ents = vec![
            ent(body, "Moscow", EntityType::Gpe),
            Entity {
                start: second,
                end: second + 6,
                text: "Moscow".into(),
                kind: EntityType::Gpe,
                canonical: None,
                source: None,
            },
            ent(body, "United States", EntityType::Gpe),
            ent(body, "Texas", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
            .collect();
        assert_eq!(
            got,
            [
                ("Moscow", Some("RUS"), Some("metonymy")),
                ("Moscow", Some("RUS"), None),
                ("United States", Some("USA"), Some("metonymy")),
                ("Texas", Some("USA"), None),
            ]
        );
    }

    #[test]
    fn a_state_owning_an_act_acts_but_its_province_is_a_place() {
        let g = gazetteer();
        let body = "Russia's entry into the war helped Syria's army in Syria's Idlib province.";
        let ents: Vec<Entity> = ["Russia", "Syria"]
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .chain(std::iter::once({
                let at = body.rfind("Syria").unwrap();
                Entity {
                    start: at,
                    end: at + 5,
                    text: "Syria".into(),
                    kind: EntityType::Gpe,
                    canonical: None,
                    source: None,
                }
            }))
            .collect();
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>)> = ps.iter().map(|p| (p.text.as_str(), via(p))).collect();
        assert_eq!(
            got,
            [
                ("Russia", Some("metonymy")),
                ("Syria", Some("metonymy")),
                ("Syria", None)
            ]
        );
    }
}
