//! Compounds: places joined to other words by a hyphen.
//!
//! Heuristics (on an entity's first word):
//! - A town before "-based", "-area", "-born", "-headquartered" ("Seattle-based Starbucks",
//!   "Gainesville-area dealers") is the town as an adjective: `via: "demonym"`, no event's
//!   place.
//! - A town before a school's initials or a district's direction ("Watertown-ML",
//!   "Calgary-North West MLA") is the town itself (`via: "organisation"` inside an
//!   organisation's name).
//! - Two countries or their adjectives ("Russia-Turkey ties", "Turkish-Russian relations",
//!   "Canada-EU") are each its country, as "U.S.-led" is: `via: "demonym"`; so is a country
//!   beside a union's acronym ("EU-Canada trade deal").
//! - Before a county ("Paris-Henry County Arts Council"), the town before the hyphen, and the
//!   county after it (see [`crate::org_names`]).
//! - Two capitals ("the Washington-Moscow route") are the capitals.
//! - Twin towns are neighbours ("Fargo-Moorhead", "Logan-Rogersville schools"): the best pair
//!   of main-name readings within 80 km of each other, in the focus country first, then
//!   among the article's other places, then the most populous ("Smith-Jones" is no pair of
//!   towns a thousand miles apart). A place's name needs both halves to be places.
//! - A country or division before a hyphen opening an organisation's name ("U.S.-led",
//!   "Canada-wide") and a demonym there ("Egyptian-US relations") are demonyms (see
//!   [`crate::org_names`]).

use crate::coherence::Coherence;
use crate::index::Cand;
use crate::score::TownRank;
use crate::text::km;
use crate::words::{DISTRICT_DIRECTIONS, TOWN_ADJECTIVE_SUFFIXES};
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, EntityType, Place, Via};

impl Gazetteer {
    /// The towns of a first word joining two names by a hyphen ("Fargo-Moorhead"): each half
    /// that is a town's or division's main name, in the focus country first, then among the
    /// article's other places, then the most populous. A place's name needs both halves to be
    /// places; inside an organisation's name one is enough when the other is a county's
    /// ("Springfield-Greene County Health Department").
    pub(crate) fn hyphen_pair(
        &self,
        e: &Entity,
        focus: Option<&str>,
        near: Option<&Coherence>,
    ) -> Vec<Place> {
        let first = e.text.split(' ').next().unwrap_or("");
        let Some((a, b)) = first.split_once('-') else {
            return Vec::new();
        };
        if let Some(town) = self.town_before_suffix(e, a, b, focus, near) {
            return town;
        }
        if !hyphen_word(a) || !hyphen_word(b) || b.contains('-') {
            return Vec::new();
        }
        self.joined_names(e, first, a, b, focus, near)
    }

    /// A town before "-based", "-area" and the like, or before a school's initials or a
    /// district's direction: `Some` of its place (none where the name is no town), `None`
    /// where the word after the hyphen is no such word.
    fn town_before_suffix(
        &self,
        e: &Entity,
        a: &str,
        b: &str,
        focus: Option<&str>,
        near: Option<&Coherence>,
    ) -> Option<Vec<Place>> {
        // a town before "-based", "-area" ("Seattle-based Starbucks", "Gainesville-area
        // dealers"): the town, as an adjective (no event's place)
        let b_word = b.trim_end_matches(|c: char| !c.is_alphabetic());
        let adjective = TOWN_ADJECTIVE_SUFFIXES.contains(&b_word);
        // ... or before a school's initials or a district's direction ("Watertown-ML",
        // "Calgary-North West MLA"): the town itself
        let qualified = (2..=4).contains(&b_word.len())
            && b_word.chars().all(|c| c.is_ascii_uppercase())
            && b_word.len() == b.len()
            && self.lookup(b).is_empty()
            || DISTRICT_DIRECTIONS.contains(&b_word);
        if !(hyphen_word(a) && (adjective || qualified)) {
            return None;
        }
        {
            let town = self
                .lookup(a)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Country(_) => Some((
                        c,
                        TownRank {
                            home: true,
                            local: 0,
                            people: u64::MAX,
                        },
                    )),
                    Cand::Place(i)
                        if main
                            && (self.places[i].feature.starts_with("PPL")
                                || self.places[i].feature == "ADM1") =>
                    {
                        Some((c, self.town_rank(a, i, focus, near)))
                    }
                    _ => None,
                })
                .max_by_key(|&(_, k)| k)
                .map(|(c, _)| c);
            let via = if adjective {
                Some(Via::Demonym)
            } else {
                (!matches!(e.kind, EntityType::Gpe | EntityType::Loc)).then_some(Via::Organisation)
            };
            Some(
                town.map(|c| vec![self.place(c, e.start, a, via)])
                    .unwrap_or_default(),
            )
        }
    }

    /// Two names joined by a hyphen: countries or their adjectives, a country and a union's
    /// acronym, a town before a county, two capitals, or twin towns near each other (see the
    /// module notes).
    fn joined_names(
        &self,
        e: &Entity,
        first: &str,
        a: &str,
        b: &str,
        focus: Option<&str>,
        near: Option<&Coherence>,
    ) -> Vec<Place> {
        let cands = |name: &str| -> Vec<(Cand, usize)> {
            self.lookup(name)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Place(i)
                        if main
                            && (self.places[i].feature.starts_with("PPL")
                                || self.places[i].feature == "ADM1") =>
                    {
                        Some((c, i))
                    }
                    _ => None,
                })
                .take(64)
                .collect()
        };
        let rank = |name: &str, i: usize| self.town_rank(name, i, focus, near);
        let place_kind = matches!(e.kind, EntityType::Gpe | EntityType::Loc);
        let via = (!place_kind).then_some(Via::Organisation);
        // countries or their adjectives ("Russia-Turkey ties", "Turkish-Russian relations",
        // "Canada-EU"): each half its country; both halves must be one
        let country = |name: &str| {
            self.lookup(name)
                .iter()
                .find_map(|&(c, _)| matches!(c, Cand::Country(_)).then_some(c))
                .or_else(|| {
                    self.demonyms
                        .get(&norm_key(name))
                        .map(|&i| Cand::Country(i))
                })
        };
        // (adjectives of a relation or a deal, as "U.S.-led" is: no event is placed by them)
        if let (Some(x), Some(y)) = (country(a), country(b)) {
            return vec![
                self.place(x, e.start, a, Some(Via::Demonym)),
                self.place(y, e.start + a.len() + 1, b, Some(Via::Demonym)),
            ];
        }
        // ... or a country and a union's acronym ("EU-Canada trade deal")
        let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        match (country(a), country(b)) {
            (Some(x), None) if acronym(b) => {
                return vec![self.place(x, e.start, a, Some(Via::Demonym))];
            }
            (None, Some(y)) if acronym(a) => {
                return vec![self.place(y, e.start + a.len() + 1, b, Some(Via::Demonym))];
            }
            _ => {}
        }
        let (ca, cb) = (cands(a), cands(b));
        if e.text[first.len()..].trim_start().starts_with("County") {
            // a county after the pair: the town before the hyphen
            return ca
                .iter()
                .max_by_key(|&&(_, i)| rank(a, i))
                .map(|&(c, _)| vec![self.place(c, e.start, a, via)])
                .unwrap_or_default();
        }
        // two capitals ("the Washington-Moscow route"): the capitals
        let capital = |v: &[(Cand, usize)]| {
            v.iter()
                .find(|&&(_, i)| self.places[i].feature == "PPLC")
                .map(|&(c, _)| c)
        };
        if let (Some(x), Some(y)) = (capital(&ca), capital(&cb)) {
            return vec![
                self.place(x, e.start, a, via),
                self.place(y, e.start + a.len() + 1, b, via),
            ];
        }
        // twin towns are neighbours: the best pair of readings within 80 km of each other
        // ("Smith-Jones" is no pair of towns a thousand miles apart)
        let mut best: Option<(TownRank, Cand, Cand)> = None;
        for &(x, i) in &ca {
            for &(y, j) in &cb {
                let (p, q) = (&self.places[i], &self.places[j]);
                if km(p.lat, p.lon, q.lat, q.lon) >= 80.0 {
                    continue;
                }
                let (ra, rb) = (rank(a, i), rank(b, j));
                let key = TownRank {
                    home: ra.home || rb.home,
                    local: ra.local + rb.local,
                    people: ra.people.saturating_add(rb.people),
                };
                if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
                    best = Some((key, x, y));
                }
            }
        }
        match best {
            Some((_, x, y)) => vec![
                self.place(x, e.start, a, via),
                self.place(y, e.start + a.len() + 1, b, via),
            ],
            None => Vec::new(),
        }
    }
}

/// Whether a half of a hyphenated word may be a place's name: capitalised letters and full
/// stops, three characters or more, or two capitals.
fn hyphen_word(w: &str) -> bool {
    (w.chars().count() >= 3 || w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        && w.starts_with(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '.')
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// a demonym before a hyphen
    #[test]
    fn demonym_before_a_hyphen() {
        let g = gazetteer();
        let body = "Egyptian-US relations have cooled.";
        let ps = g.resolve(body, &[ent(body, "Egyptian-US", EntityType::Misc)]);
        assert_eq!(
            ps.first()
                .map(|p| (p.text.as_str(), p.country.as_deref(), via(p))),
            Some(("Egyptian", Some("EGY"), Some("demonym"))),
            "{ps:?}"
        );
        let body = "Whitney Houston sang. Houston said the tour would end.";
        let ents = vec![
            ent(body, "Whitney Houston", EntityType::Person),
            Entity {
                start: body.rfind("Houston").unwrap(),
                end: body.rfind("Houston").unwrap() + 7,
                ..ent(body, "Houston", EntityType::Person)
            },
        ];
        assert!(g.resolve(body, &ents).is_empty());
    }

    /// a route between two capitals is between the capitals, not two towns 80 km apart
    #[test]
    fn route_between_two_capitals_is_between_the_capitals_not_two_towns() {
        let g = gazetteer();
        let body = "The carrier dropped its Washington-Moscow flights for the winter.";
        let ps = g.resolve(body, &[ent(body, "Washington-Moscow", EntityType::Misc)]);
        assert_eq!(
            at(&ps, "Moscow").map(|x| x.0),
            Some(Some("RUS".into())),
            "{ps:?}"
        );
        assert_eq!(
            at(&ps, "Washington").map(|x| x.1),
            Some(Some("DC".into())),
            "{ps:?}"
        );
    }

    #[test]
    fn towns_joined_by_a_hyphen_and_abbreviations_before_lower_case() {
        let g = gazetteer();
        let body = "The river will crest in Fargo-Moorhead on Friday.";
        let ps = g.resolve(body, &[ent(body, "Fargo-Moorhead", EntityType::Gpe)]);
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.admin1.as_deref()))
            .collect();
        assert_eq!(got, [("Fargo", Some("ND")), ("Moorhead", Some("MN"))]);
        assert_eq!(&body[ps[1].start..ps[1].end], "Moorhead");
    }

    /// a county after the pair: the town before the hyphen
    #[test]
    fn county_after_the_pair_the_town_before_the_hyphen() {
        let g = gazetteer();
        let body = "The Springfield-Greene County Health Department counted visits.";
        let ps = g.resolve(
            body,
            &[ent(
                body,
                "Springfield-Greene County Health Department",
                EntityType::Org,
            )],
        );
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].text, "Springfield");
    }

    /// two countries, by name or adjective, as adjectives of a relation
    #[test]
    fn two_countries_by_name_or_adjective_as_adjectives_of_a_relation() {
        let g = gazetteer();
        let body = "Russia-Turkey ties and Egyptian-US relations improved.";
        let ents = vec![
            ent(body, "Russia-Turkey", EntityType::Misc),
            ent(body, "Egyptian-US", EntityType::Misc),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.country.as_deref(), via(p)));
        assert_eq!(
            got,
            [
                ("Russia", Some("RUS"), Some("demonym")),
                ("Turkey", Some("TUR"), Some("demonym")),
                ("Egyptian", Some("EGY"), Some("demonym")),
                ("US", Some("USA"), Some("demonym")),
            ]
        );
    }

    /// a country and a union's acronym
    #[test]
    fn country_and_a_union_acronym() {
        let g = gazetteer();
        let body = "The EU-Canada trade deal passed.";
        let ps = g.resolve(body, &[ent(body, "EU-Canada", EntityType::Misc)]);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(
            (&body[ps[0].start..ps[0].end], ps[0].country.as_deref()),
            ("Canada", Some("CAN"))
        );
    }

    /// two direction words before a place, and a place after "of" in a name read as a place
    #[test]
    fn two_direction_words_before_a_place_and_a_place_after_of_in_a() {
        let g = gazetteer();
        let body =
            "Nurses from Far North Queensland trained at the Children's Hospital of Manitoba.";
        let ents = vec![
            ent(body, "Far North Queensland", EntityType::Gpe),
            ent(body, "Children's Hospital of Manitoba", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (&body[p.start..p.end], p.country.as_deref()))
            .collect();
        assert_eq!(
            got,
            [("Queensland", Some("AUS")), ("Manitoba", Some("CAN"))]
        );
    }

    /// a town before "-based" or "-area"
    #[test]
    fn town_before_based_or_area() {
        let g = gazetteer();
        let body = "The Seattle-based chain and Gainesville-area dealers, in Texas, grew.";
        let ents = vec![
            ent(body, "Seattle-based", EntityType::Misc),
            ent(body, "Gainesville-area", EntityType::Misc),
            ent(body, "Texas", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.admin1.as_deref(), via(p)));
        assert_eq!(
            got,
            [
                ("Seattle", Some("WA"), Some("demonym")),
                ("Gainesville", Some("TX"), Some("demonym")),
                ("Texas", Some("TX"), None)
            ]
        );
    }

    /// a town before a school's initials or a district's direction
    #[test]
    fn town_before_a_school_initials_or_a_district_direction() {
        let g = gazetteer();
        let body =
            "Wrestlers from Watertown-ML beat Delano, Minnesota; the Calgary-North MLA spoke.";
        let ents = vec![
            ent(body, "Watertown-ML", EntityType::Org),
            ent(body, "Delano", EntityType::Gpe),
            ent(body, "Minnesota", EntityType::Gpe),
            ent(body, "Calgary-North", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.country.as_deref(), p.admin1.as_deref()));
        assert_eq!(
            got,
            [
                ("Watertown", Some("USA"), Some("MN")),
                ("Delano", Some("USA"), Some("MN")),
                ("Minnesota", Some("USA"), Some("MN")),
                ("Calgary", Some("CAN"), Some("01")),
            ]
        );
    }

    /// hyphenated surnames are no places
    #[test]
    fn hyphenated_surnames_are_no_places() {
        let g = gazetteer();
        let body = "The Smith-Jones family moved.";
        assert!(g
            .resolve(body, &[ent(body, "Smith-Jones", EntityType::Org)])
            .is_empty());
    }

    /// a press abbreviation whose full stop ends no sentence
    #[test]
    fn press_abbreviation_whose_full_stop_ends_no_sentence() {
        let g = gazetteer();
        let body = "Mass. legislators put off the debate.";
        let ps = g.resolve(body, &[ent(body, "Mass", EntityType::Gpe)]);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(
            (ps[0].country.as_deref(), ps[0].admin1.as_deref()),
            (Some("USA"), Some("MA"))
        );
    }
}
