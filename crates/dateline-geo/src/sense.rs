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
