//! Placing events, and the actors a place gives.
//!
//! - **The clause's place** ([`Coder::place_for`]): a resolved place (not one reached by a
//!   demonym or metonymy) within 600 bytes of the trigger, introduced by "in", "at", "near",
//!   "outside" (over "the" and up to three lower-case adjectives: "in the disputed Abyei
//!   area", "in northern Kenya"), or "of" after a settlement word ("the town of …"); a
//!   fronted locative ("In the capital, …") governs the clause; else the nearest, after the
//!   trigger first, the most specific on a tie (cities, divisions, countries, regions).
//! - **The article's focus country** ([`focus_country`]): the country its named places
//!   (demonyms and metonymy included) are in at least twice as often as any other's.
//! - **Role words placed** ([`place_roles`]): protesters, police or refugees with no country
//!   act where the clause happens, else in the article's focus country (not for the target
//!   of an act of force: civilians bombed by a country are not its civilians).
//! - **Unidentified attackers** ([`unidentified_attackers`]): violence (18-20) no one is named
//!   for is by unaligned armed men of the clause place's country (`{ISO3}UAF`).
//! - **A place as target** ([`place_as_target`]): a material conflict act (14, 15, 17-20)
//!   with no target but its source falls on the clause's place.

use super::coder::{countryless, Coder};
use super::words::PLACE_PREPOSITIONS;
use dateline_core::{Actor, EventPlace, Place};
use dateline_nlp::Sentence;

impl Coder<'_, '_> {
    /// The place of the clause of the trigger at token `trig` of sentence `s`.
    pub(super) fn place_for(&self, s: &Sentence, trig: usize) -> Option<&Place> {
        let body = self.x.body;
        let trig_b = self.x.tokens[trig].start;
        // a fronted locative ("In the capital, at a rally, the party did Y") governs the clause
        let fronted = matches!(self.ltok(s.tok_start), "in" | "at");
        // (places within 600 bytes of the trigger: a clause's place is near its verb, and a
        // 5,000-word sentence is not scanned once per event)
        let (lo, hi) = (
            s.start.max(trig_b.saturating_sub(600)),
            s.end.min(trig_b + 600),
        );
        let cands = dateline_core::starting_in(self.x.places, |p| p.start, lo, hi)
            .iter()
            .filter(|p| p.end <= s.end && p.via.is_none())
            .filter(|p| {
                let mut pre = body[s.start..p.start].trim_end();
                // "in the West Bank", "in the disputed Abyei area", "in northern Kenya"
                for _ in 0..3 {
                    let (rest, last) = pre.rsplit_once([' ', '\n']).unwrap_or(("", pre));
                    let adjective = last.len() > 2
                        && last.chars().all(|c| c.is_lowercase() || c == '-')
                        && !PLACE_PREPOSITIONS.contains(&last);
                    if last == "the" || last == "The" || adjective {
                        pre = rest.trim_end();
                    } else {
                        break;
                    }
                }
                let last = pre.rsplit([' ', '\n']).next().unwrap_or("").to_lowercase();
                let before_of = pre
                    .strip_suffix("of")
                    .unwrap_or("")
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let settlement = self.k.vocabulary.settlements.contains(&before_of);
                PLACE_PREPOSITIONS.contains(&last.as_str()) && (last != "of" || settlement)
            })
            .collect::<Vec<_>>();
        if fronted {
            if let Some(p) = cands
                .iter()
                .filter(|p| p.start < trig_b)
                .min_by_key(|p| specificity(p.feature.as_deref()))
            {
                return Some(p);
            }
        }
        cands.into_iter().min_by_key(|p| {
            (
                p.start < trig_b,
                p.start.abs_diff(trig_b),
                specificity(p.feature.as_deref()),
            )
        })
    }
}

/// The country the article is about: the one its named places are in at least twice as often
/// as any other's.
pub(super) fn focus_country(places: &[Place]) -> Option<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, p) in places.iter().enumerate() {
        // (a country's adjective names it too, "Algerian President …", and its capital or its
        // name acting as its government, "Moscow said")
        let named = p.via.is_none()
            || matches!(
                p.via,
                Some(dateline_core::Via::Demonym | dateline_core::Via::Metonymy)
            );
        let Some(c) = p.country.as_deref().filter(|_| named) else {
            continue;
        };
        match counts.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c, 1, i)),
        }
    }
    // a story about one country: its places at least twice as often as any other's
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    match counts.as_slice() {
        [(c, _, _)] => Some(c.to_string()),
        [(c, n, _), (_, m, _), ..] if *n >= 2 * m => Some(c.to_string()),
        _ => None,
    }
}

/// Lower is more specific: cities before divisions before countries before regions.
pub(super) fn specificity(feature: Option<&str>) -> u8 {
    match feature {
        Some(f) if f.starts_with("PPL") => 0,
        Some("ADM1") => 1,
        Some("PCLI") => 2,
        _ => 3,
    }
}

/// A place as an event's place.
pub(super) fn event_place(p: &Place) -> EventPlace {
    EventPlace {
        name: p.name.clone(),
        lat: p.lat,
        lon: p.lon,
        country: p.country.clone(),
        geonameid: p.geonameid,
        feature: p.feature.clone(),
    }
}

/// Role words with no country ("police", "demonstrators") in the event's actors act where
/// the clause happens (`here`), else in the article's `focus` country; targets of force
/// (`forceful`) only where the clause happens.
pub(super) fn place_roles(
    sources: &mut [Option<Actor>],
    targets: &mut [Option<Actor>],
    here: Option<&str>,
    focus: Option<&str>,
    forceful: bool,
) {
    let place_role = |a: &mut Actor, pc: &str| {
        if countryless(a) && a.code.as_deref().is_some_and(|c| c.len() == 3) {
            a.code = a.code.as_ref().map(|c| format!("{pc}{c}"));
            a.country = Some(pc.to_string());
        }
    };
    for a in sources.iter_mut().flatten() {
        if let Some(pc) = here.or(focus) {
            place_role(a, pc);
        }
    }
    for a in targets.iter_mut().flatten() {
        if let Some(pc) = here.or(focus.filter(|_| !forceful)) {
            place_role(a, pc);
        }
    }
}

/// Violence no one is named for ("a roadside bomb killed two teachers
/// in Kandahar"): unidentified armed men of the clause place's country (CAMEO UAF, unaligned armed
/// forces).
pub(super) fn unidentified_attackers(place: Option<&Place>) -> Option<Actor> {
    let pc = place.and_then(|p| p.country.as_deref())?;
    Some(Actor {
        text: "unidentified attackers".into(),
        canonical: None,
        code: Some(format!("{pc}UAF")),
        country: Some(pc.to_string()),
        start: None,
        end: None,
    })
}

/// A material conflict act with no one named as its target falls on the place it happens in
/// ("set off bombs in the capital", "closed the crossings into the Gaza Strip").
pub(super) fn place_as_target(place: Option<&Place>) -> Option<Actor> {
    let p = place.filter(|p| p.country.is_some())?;
    Some(Actor {
        text: p.text.clone(),
        canonical: Some(p.name.clone()),
        code: p.country.clone(),
        country: p.country.clone(),
        start: Some(p.start),
        end: Some(p.end),
    })
}

#[cfg(test)]
mod tests {
    use crate::events::testing::{assert_dyad, dyads};

    #[test]
    fn a_violent_act_with_no_one_named_falls_on_the_place() {
        assert_dyad(
            "Gunmen detonated a bomb in the port city of Mombasa on Sunday.",
            "",
            "KEN",
        );
    }

    #[test]
    fn a_place_after_in_the_is_the_clauses_place() {
        assert_dyad(
            "Israeli forces set up blockades in the Gaza Strip on Friday.",
            "ISR",
            "PSE",
        );
    }

    #[test]
    fn role_words_with_no_country_act_where_the_clause_happens() {
        assert_dyad(
            "Police detained scores of students in Lagos on Friday.",
            "NGA",
            "NGA",
        );
    }

    #[test]
    fn a_titled_official_of_no_stated_country_is_of_the_articles_country() {
        assert_dyad(
            "Rebels in Guinea rejected a truce offer from President Obiri Tandaleko.",
            "GINREB",
            "GIN",
        );
    }

    #[test]
    fn role_words_with_no_country_are_of_the_articles_country() {
        assert_dyad(
            "Officials gathered in Bamako on Tuesday. The army agreed to demands from rebels.",
            "MLIMIL",
            "MLIREB",
        );
    }

    #[test]
    fn a_clause_place_behind_adjectives_places_a_force_posture() {
        assert_dyad(
            "Turkish troops were put on alert in northern Iraq on Sunday.",
            "TUR",
            "IRQ",
        );
    }

    #[test]
    fn violence_no_one_is_named_for_is_by_unidentified_armed_men_of_the_place() {
        assert_dyad(
            "A roadside bomb killed two teachers in Kandahar on Monday.",
            "AFGUAF",
            "",
        );
    }

    #[test]
    fn the_articles_country_is_not_given_to_the_target_of_force() {
        let ev = dyads(
            "Ministers met in Lagos and Abuja. Nigerian soldiers shot civilians, witnesses said.",
        );
        assert!(
            ev.iter()
                .any(|(c, s, t)| c.starts_with('1') && s.starts_with("NGA") && t == "CVL"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_countrys_adjective_names_the_articles_country() {
        assert_dyad(
            "Islamist groups staged a protest against the Tunisian president.",
            "TUN",
            "TUN",
        );
    }

    #[test]
    fn in_a_story_about_two_countries_the_two_leaders_belong_to_neither() {
        let ev = dyads(
            "Envoys gathered in Lima and La Paz. Peru and Bolivia sent delegates to the border. The two leaders promised to reopen the bridge.",
        );
        assert!(
            ev.iter().any(|(c, s, _)| c.starts_with("03") && s == "GOV"),
            "{ev:?}"
        );
    }
}
