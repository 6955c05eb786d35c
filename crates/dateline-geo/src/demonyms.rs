//! Demonyms: adjectives and peoples that name places without naming them.
//!
//! Heuristics:
//! - Demonyms and adjectives of countries name the country ("Russian troops", "the Turkish
//!   government"; a leading "the" is skipped), marked `via: "demonym"` so that no event is
//!   placed by one. A demonym several countries list ("American") is the most populous
//!   country's.
//! - The people of a first-level division ("Minnesotans", "Ohioans", "Texans", "Ontarians",
//!   "Floridians") name it, in the article's country first: one capitalised word of five
//!   letters or more, "-n" or "-ns" after the division's name, "-an" for a final "o",
//!   "-ian" for a final vowel, "-n" for a final "-s".
//! - Adjectives of continents and regions ("European leaders", `region-adjectives.tsv`) name
//!   the region, also where the tagger called them a place ("South Ossetian officials").
//! - Also demonyms: countries before a hyphen and towns before "-based" (see
//!   [`crate::compounds`]), a country's adjective opening an organisation's name ("American
//!   Electric Power", see [`crate::org_names`]).

use crate::index::Cand;
use crate::resolve::Resolver;
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, EntityType, Place, Via};

impl Resolver<'_, '_> {
    /// The demonyms of the article's entities (see the module notes), added to `out`.
    pub(crate) fn add_demonyms(&self, out: &mut Vec<Place>) {
        let g = self.g;
        // (also a region's adjective the tagger called a place: "South Ossetian officials")
        let region_adjective = |e: &Entity| {
            e.kind == EntityType::Gpe
                && g.lookup(&e.text).is_empty()
                && g.region_adjectives.contains_key(&norm_key(&e.text))
        };
        for e in self.entities.iter().filter(|e| {
            matches!(e.kind, EntityType::Norp | EntityType::Misc) || region_adjective(e)
        }) {
            let k = norm_key(e.text.trim_start_matches("the ").trim_start_matches("The "));
            let Some(&i) = g.demonyms.get(&k) else {
                // the people of a state or province ("Minnesotans", "Ohioans", "Texans",
                // "Ontarians") name it, in the article's country first
                if let Some(c) = g.residents_of(&e.text, self.focus()) {
                    out.push(g.place(c, e.start, &e.text, Some(Via::Demonym)));
                } else if let Some(&r) = g.region_adjectives.get(&k) {
                    // a continent's or region's adjective ("European leaders")
                    out.push(g.place(Cand::Region(r), e.start, &e.text, Some(Via::Demonym)));
                }
                continue;
            };
            out.push(g.place(Cand::Country(i), e.start, &e.text, Some(Via::Demonym)));
        }
    }
}

impl Gazetteer {
    /// The first-level division whose people a word names: "Minnesotan(s)" (+n), "Ohioan(s)"
    /// (+an), "Ontarian(s)" and "Floridian(s)" (a final vowel for -ian), "Texan(s)" (-s for
    /// -n); one capitalised word.
    pub(crate) fn residents_of(&self, word: &str, focus: Option<&str>) -> Option<Cand> {
        if word.contains(' ') || !word.starts_with(char::is_uppercase) || word.len() < 5 {
            return None;
        }
        let w = word.strip_suffix('s').unwrap_or(word);
        let stem = w.strip_suffix('n')?;
        let mut names: Vec<String> = vec![stem.to_string()];
        if let Some(x) = stem.strip_suffix('a') {
            names.push(x.to_string()); // Ohioan -> Ohio
            names.push(format!("{x}o")); // Ontarian -> Ontario
        }
        if let Some(x) = stem.strip_suffix("ia") {
            names.push(format!("{x}a")); // Floridian -> Florida
        }
        names.push(format!("{stem}s")); // Texan -> Texas
        names.iter().find_map(|n| {
            self.lookup(n)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Place(i) if main && self.places[i].feature == "ADM1" => {
                        let p = &self.places[i];
                        Some((c, (focus == Some(p.iso3), p.population)))
                    }
                    _ => None,
                })
                .max_by_key(|&(_, k)| k)
                .map(|(c, _)| c)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;
    use dateline_core::Via;

    #[test]
    fn demonyms_name_their_country_and_say_so() {
        let g = gazetteer();
        let body = "Turkish troops crossed into Syria as Russian jets flew overhead.";
        let ents = vec![
            ent(body, "Turkish", EntityType::Norp),
            ent(body, "Syria", EntityType::Gpe),
            ent(body, "Russian", EntityType::Norp),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Turkish", Some("TUR"), Some("demonym")),
                ("Syria", Some("SYR"), None),
                ("Russian", Some("RUS"), Some("demonym")),
            ]
        );
    }

    #[test]
    fn the_people_of_a_state_name_the_state() {
        let g = gazetteer();
        let body = "Ohioans, Texans, Ontarians and Floridians voted; Germans watched.";
        let ents: Vec<Entity> = ["Ohioans", "Texans", "Ontarians", "Floridians", "Germans"]
            .iter()
            .map(|n| ent(body, n, EntityType::Norp))
            .collect();
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, &str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.name.as_str(), via(p)))
            .collect();
        assert_eq!(
            got,
            [
                ("Ohioans", "Ohio", Some("demonym")),
                ("Texans", "Texas", Some("demonym")),
                ("Ontarians", "Ontario", Some("demonym")),
                ("Floridians", "Florida", Some("demonym")),
                ("Germans", "Germany", Some("demonym")),
            ]
        );
    }

    /// continents' and regions' adjectives name them
    #[test]
    fn continents_and_regions_adjectives_name_them() {
        let g = gazetteer();
        let body = "European and Asian markets fell.";
        let ents: Vec<Entity> = ["European", "Asian"]
            .iter()
            .map(|n| ent(body, n, EntityType::Norp))
            .collect();
        let got: Vec<(String, Option<Via>)> = g
            .resolve(body, &ents)
            .into_iter()
            .map(|p| (p.name, p.via))
            .collect();
        let d = Some(Via::Demonym);
        assert_eq!(got, [("Europe".into(), d), ("Asia".into(), d)]);
    }

    /// spelled with a space ("South East Asian"), and islands and regions by name
    #[test]
    fn spelled_with_a_space_and_islands_and_regions_by_name() {
        let g = gazetteer();
        let body = "South East Asian markets rose; Newfoundland and Anatolia waited.";
        let ents = vec![
            ent(body, "South East Asian", EntityType::Norp),
            ent(body, "Newfoundland", EntityType::Gpe),
            ent(body, "Anatolia", EntityType::Loc),
        ];
        let got: Vec<(String, Option<String>)> = g
            .resolve(body, &ents)
            .into_iter()
            .map(|p| (p.name, p.country))
            .collect();
        assert_eq!(
            got,
            [
                ("Southeast Asia".into(), None),
                ("Newfoundland".into(), Some("CAN".into())),
                ("Anatolia".into(), Some("TUR".into()))
            ]
        );
    }

    /// also where the tagger called the adjective a place
    #[test]
    fn where_the_tagger_called_the_adjective_a_place() {
        let d = Some(Via::Demonym);
        let g = gazetteer();
        let body = "South Ossetian officials spoke.";
        let ps = g.resolve(body, &[ent(body, "South Ossetian", EntityType::Gpe)]);
        let got: Vec<(String, Option<Via>)> = ps.into_iter().map(|p| (p.name, p.via)).collect();
        assert_eq!(got, [("South Ossetia".into(), d)]);
    }

    /// a word that only ends like one is nobody's people
    #[test]
    fn word_that_only_ends_like_one_is_nobody_people() {
        let g = gazetteer();
        let body = "Lutherans and Wiccans met.";
        let ents: Vec<Entity> = ["Lutherans", "Wiccans"]
            .iter()
            .map(|n| ent(body, n, EntityType::Norp))
            .collect();
        assert!(g.resolve(body, &ents).is_empty());
    }
}
