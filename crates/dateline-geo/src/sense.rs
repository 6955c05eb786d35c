//! One sense per discourse: a name keeps one reading through an article.
//!
//! Heuristics:
//! - A name qualified once ("Springfield, Ohio") is that place wherever the article repeats
//!   it ("Springfield's finances", "in Springfield"); mentions meet by [`sense_key`], so
//!   "Springfield City" meets "Springfield".
//! - A town named in full once is meant by the first part of its name later ("Avondale
//!   Estates" … "Avondale"; last words of `settlement-words.txt`), where that part names no
//!   division, country or county and no town of the same division; the short form is a
//!   candidate, and gains 30.
//! - A town read once is the town where the tagger said person (see [`crate::misread`]) or
//!   organisation ("Gainesville" the town, then "Gainesville said"), and inside
//!   organisations' names ("Lebanon" the Indiana town, then "Lebanon Public Library"; a
//!   town's name with "City": "Dublin, Ohio", then "Dublin City Schools"; see
//!   [`crate::org_names`]).
//! - Last, a name read inside an organisation's name takes the reading the article gives the
//!   name on its own ("Edmonton" among London's boroughs, then "Edmonton Green Shopping
//!   Centre").

use crate::index::Cand;
use crate::qualifiers::Qualifier;
use crate::words;
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, EntityType, Place, Via};
use std::collections::HashMap;

/// The key under which an article's mentions of one place meet: lower case, without a
/// trailing "City" ("Springfield City" and "Springfield").
pub(crate) fn sense_key(text: &str) -> String {
    let t = text.to_lowercase();
    match t.strip_suffix(" city") {
        Some(head) if !head.is_empty() => head.to_string(),
        _ => t,
    }
}

impl Gazetteer {
    /// The qualifier of each name the article qualifies once ("Springfield, Ohio"), by
    /// [`sense_key`]: the first one.
    pub(crate) fn qualified_once(
        &self,
        body: &str,
        entities: &[Entity],
    ) -> HashMap<String, Qualifier> {
        let mut qualified: HashMap<String, Qualifier> = HashMap::new();
        for e in entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
        {
            if let Some(q) = self.qualifier_after(body, e.end, 40) {
                qualified.entry(sense_key(&e.text)).or_insert(q);
            }
        }
        qualified
    }

    /// The towns named in full whose first part may stand for them later, by that part in
    /// lower case ("avondale" for Avondale Estates): place indices.
    pub(crate) fn short_forms(&self, entities: &[Entity]) -> HashMap<String, usize> {
        let mut short_forms: HashMap<String, usize> = HashMap::new();
        for e in entities.iter().filter(|e| e.kind != EntityType::Person) {
            let Some((head, last)) = e.text.rsplit_once(' ') else {
                continue;
            };
            if !words::SETTLEMENT.contains(last) || head.is_empty() {
                continue;
            }
            let town = self
                .lookup(&e.text)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Place(i) if main && self.places[i].feature.starts_with("PPL") => Some(i),
                    _ => None,
                })
                .max_by_key(|&i| (self.places[i].population, std::cmp::Reverse(i)));
            let Some(i) = town else { continue };
            let p = &self.places[i];
            let clash = self.lookup(head).iter().any(|&(c, _)| match c {
                Cand::Place(j) => {
                    let q = &self.places[j];
                    q.feature == "ADM1" || q.iso3 == p.iso3 && q.admin1 == p.admin1
                }
                _ => true,
            });
            let county = self
                .counties
                .get(&norm_key(&format!("{head} County")))
                .is_some_and(|states| states.iter().any(|st| st == p.admin1));
            if !clash && !county {
                short_forms.entry(head.to_lowercase()).or_insert(i);
            }
        }
        short_forms
    }
}

/// The article's own readings of names (places with no `via`), each name's first, by the
/// name in lower case.
pub(crate) fn own_readings(out: &[Place]) -> HashMap<String, Place> {
    let mut own: HashMap<String, Place> = HashMap::new();
    for p in out.iter().filter(|p| p.via.is_none()) {
        own.entry(p.text.to_lowercase())
            .or_insert_with(|| p.clone());
    }
    own
}

/// One name, one place: a name inside an organisation's name is where the article puts that
/// name on its own ("Edmonton" among London's boroughs, then "Edmonton Green Shopping
/// Centre").
pub(crate) fn one_place_per_name(out: &mut [Place]) {
    let mut own: HashMap<String, usize> = HashMap::new();
    for (k, p) in out.iter().enumerate() {
        if p.via.is_none() {
            own.entry(p.text.to_lowercase()).or_insert(k);
        }
    }
    let own_reading = |p: &Place| {
        own.get(&p.text.to_lowercase()).copied().or_else(|| {
            own.get(&sense_key(&p.text)).copied().filter(|&o| {
                out[o]
                    .feature
                    .as_deref()
                    .is_some_and(|f| f.starts_with("PPL"))
            })
        })
    };
    let fixes: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, p)| p.via == Some(Via::Organisation))
        .filter_map(|(k, p)| own_reading(p).map(|o| (k, o)))
        .filter(|&(k, o)| out[k].geonameid != out[o].geonameid || out[k].name != out[o].name)
        .collect();
    for (k, o) in fixes {
        let src = out[o].clone();
        let p = &mut out[k];
        p.name = src.name;
        p.geonameid = src.geonameid;
        p.lat = src.lat;
        p.lon = src.lon;
        p.country = src.country;
        p.feature = src.feature;
        p.admin1 = src.admin1;
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    /// one name, one sense: the town read so once is the town where the tagger said person
    #[test]
    fn one_name_one_sense_the_town_read_so_once_is_the_town_where_the() {
        let g = gazetteer();
        let body = "A fair was held in Maryville. Maryville hosts it every year.";
        let first = ent(body, "Maryville", EntityType::Person);
        let mut second = first.clone();
        second.start = body.rfind("Maryville").unwrap();
        second.end = second.start + 9;
        let ps = g.resolve(body, &[first, second]);
        assert_eq!(ps.len(), 2, "{ps:?}");
    }

    /// "Springfield, Ohio" once: every Springfield of the article is Ohio's
    #[test]
    fn springfield_ohio_once_every_springfield_of_the_article_is_ohio_s() {
        let g = gazetteer();
        let body = "Springfield's budget is short. Springfield, Ohio — The board met. \
                    Springfield City Schools will vote, said a Springfield parent.";
        let mut ents: Vec<Entity> = (0..4)
            .map(|n| ent_nth(body, "Springfield", n, EntityType::Gpe))
            .collect();
        let city = ents.remove(2);
        ents.insert(
            2,
            Entity {
                end: city.end + " City".len(),
                text: "Springfield City".into(),
                ..city
            },
        );
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .filter(|p| p.text.starts_with("Springfield"))
            .map(|p| (p.text.as_str(), p.admin1.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Springfield", Some("OH")),
                ("Springfield", Some("OH")),
                ("Springfield City", Some("OH")),
                ("Springfield", Some("OH")),
            ]
        );
    }

    /// a town ending an organisation's name lies where the article's other towns are
    #[test]
    fn town_ending_an_organisation_name_lies_where_the_article_other() {
        let g = gazetteer();
        let body = "Stargazers from Northampton and West Springfield will join Stars Over \
                    Springfield on Friday.";
        let ents = vec![
            ent(body, "Northampton", EntityType::Gpe),
            ent(body, "West Springfield", EntityType::Gpe),
            ent(body, "Stars Over Springfield", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.admin1.as_deref(), via(p)));
        assert_eq!(got[2], ("Springfield", Some("MA"), Some("organisation")));
    }

    /// a town's reading holds for its name with "City" inside an organisation's name
    #[test]
    fn town_reading_holds_for_its_name_with_city_inside_an_organisation() {
        let g = gazetteer();
        let body = "Dublin, Ohio — The Dublin City Schools board met in Dublin.";
        let ents = vec![
            ent(body, "Dublin", EntityType::Gpe),
            ent(body, "Dublin City Schools", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        assert!(
            ps.iter()
                .all(|p| !p.text.starts_with("Dublin") || p.admin1.as_deref() == Some("OH")),
            "{ps:?}"
        );
        assert!(ps.iter().any(|p| via(p) == Some("organisation")));
    }

    #[test]
    fn a_town_named_in_full_is_meant_by_its_short_name() {
        let g = gazetteer();
        let body = "Avondale Estates and Decatur share a road. In Avondale, the mayor spoke.";
        let ents = vec![
            ent(body, "Avondale Estates", EntityType::Gpe),
            ent(body, "Decatur", EntityType::Gpe),
            ent_nth(body, "Avondale", 1, EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (Some(p.name.as_str()), p.admin1.as_deref()));
        assert_eq!(got[2], ("Avondale", Some("Avondale Estates"), Some("GA")));
    }

    /// alone, Avondale is the Arizona city
    #[test]
    fn alone_avondale_is_the_arizona_city() {
        let g = gazetteer();
        let body = "In Avondale, the mayor spoke.";
        let ps = g.resolve(body, &[ent(body, "Avondale", EntityType::Gpe)]);
        assert_eq!(ps[0].admin1.as_deref(), Some("AZ"));
    }
}
