//! Places inside organisations' names (and inside place names the gazetteer lacks).
//!
//! Heuristics, for each organisation or place entity not already read as a place:
//! - A street named after a place is not that place ("Lebanon Street"; last words of
//!   `street-words.txt`), unless an agency's name runs on ("Florida Highway" + "Patrol").
//! - A leading article and up to two leading direction words are skipped ("The Alexandria
//!   Blizzard", "Northeast Georgia", "Far North Queensland", "Deep South Texas"), except
//!   where the direction begins a division's or country's name ("West Virginia Lottery
//!   Commission", "South Africa Tourism").
//! - Of the first one to three words, the longest that names a place is read (the whole name
//!   too for a place entity, after a direction, or for a one-word organisation named like a
//!   place the article names: "Gainesville" the town, then "Gainesville said"):
//!   - a county opening the name ("Laurel County Sheriff's Office") is placed as counties
//!     are ([`crate::county`]); a county of no known state is no namesake town abroad;
//!   - a name the article uses for a place on its own keeps that reading ("Lebanon" the
//!     Indiana town, then "Lebanon Public Library"; "Dublin, Ohio", then "Dublin City
//!     Schools");
//!   - a division of the focus country, before a foreign country of that name;
//!   - a country, else the most populous division of the name (a division abroad only where
//!     no town of 10,000 people of the focus country bears the name: "Manchester Memorial" in
//!     a New Hampshire story is no parish of Jamaica); not a name of a region news names
//!     ("Gulf War" is not Papua New Guinea's Gulf Province, "North Atlantic" and "Pacific
//!     Gas" no towns of Iowa and Missouri);
//!   - a town before a civic body of `civic-words.txt` ("Gainesville Police", "Paris Public
//!     Library") or after a direction, or before an institution of `institution-words.txt`
//!     only where the article's other places are in its division ("Springfield Science
//!     Museum" among Massachusetts towns; not "Research Center", a village in Maryland): the
//!     focus country's first, then within reach of a county the article names, then the
//!     division of the article's other places, then the most populous. "City" before words
//!     of no civic body is part of a name ("Emerald City Players"), and a kind of court is
//!     no town ("Superior Court"; `court-kinds.txt`); "Quebec City" is the city;
//!   - a state's or province's press abbreviation ("S.C. Highway Patrol", "Western Mass.");
//!   - a country's adjective opening a name ("American Electric Power"): `via: "demonym"`.
//! - Else a place after the last "of" ("University of Georgia", "Association of Georgia
//!   Educators"): a country or division, or, after "City of", "University of" and the like
//!   (`TOWN_OF` in [`crate::words`]) or past a direction word ("United Way of Metropolitan
//!   Atlanta"), a town; the longest of up to three capitalised words; the country of the
//!   focus first ("Movement for United Georgia" in a story from Tbilisi).
//! - Else a hyphenated compound ([`crate::compounds`]), with the county after the hyphen
//!   ("Paris-Henry County Arts Council").
//! - Else, in an organisation's name, a country or division before the hyphen of its first
//!   word ("U.S.-led", "Canada-wide", "Egyptian-US relations": `via: "demonym"`), or a
//!   country, division or city of 100,000 people ending a name of two or more words without
//!   "of" ("Environment Canada", "CTV Winnipeg"; a town of 10,000 in the division of the
//!   article's other places first: "Stars Over Springfield" among Massachusetts towns).
//!
//! Places found inside an organisation's name are marked `via: "organisation"`; those inside
//! a place entity are the place itself.

use crate::coherence::Coherence;
use crate::data;
use crate::gazetteer::cand_order;
use crate::index::Cand;
use crate::resolve::Resolver;
use crate::sense::{own_readings, sense_key};
use crate::text::overlaps;
use crate::words::{self, AGENCY_RUN_ON, TOWN_OF};
use crate::Gazetteer;
use dateline_core::{norm_key, Entity, EntityType, Place, Via};
use std::collections::HashMap;

/// A word of an entity's text and its byte offset in that text.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    at: usize,
    text: &'t str,
}

/// The words of an organisation's name that may open with a place: past a leading article
/// and direction words.
struct NameWords<'t> {
    /// the words from the first that may be a place's
    words: Vec<Word<'t>>,
    /// the byte offset of the first of them in the entity's text
    offset: usize,
    /// how many direction words were skipped
    skip: usize,
}

/// What reading `n` words of an organisation's name gave.
enum Step {
    /// a place
    Found(Place),
    /// no place, and no shorter reading is to be tried
    Stop,
    /// no place with this many words
    Next,
}

impl Resolver<'_, '_> {
    /// The places inside organisations' names (see the module notes), added to `out`.
    pub(crate) fn add_places_in_organisations(&self, out: &mut Vec<Place>) {
        out.sort_by_key(|p| (p.start, p.end));
        // the article's own readings of names, each name's first
        let own = own_readings(out);
        let mut added: Vec<Place> = Vec::new();
        for e in self.entities.iter().filter(|e| {
            matches!(
                e.kind,
                EntityType::Org | EntityType::Misc | EntityType::Gpe | EntityType::Loc
            )
        }) {
            if overlaps(out, e.start, e.end) || self.is_street(e) {
                continue;
            }
            added.extend(self.places_in_name(e, &own));
        }
        out.append(&mut added);
    }

    /// A street named after a place is not that place ("Lebanon Street"), unless an agency's
    /// name runs on ("Florida Highway" + "Patrol").
    fn is_street(&self, e: &Entity) -> bool {
        let last = e.text.rsplit(' ').next().unwrap_or("").to_lowercase();
        let agency = AGENCY_RUN_ON.iter().any(|w| {
            self.body[e.end..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(w))
        });
        e.text.contains(' ') && words::STREETS.contains(last.trim_end_matches('.')) && !agency
    }

    /// The places of one entity's name: opening it, after "of", in a hyphenated compound, or
    /// ending it (see the module notes).
    fn places_in_name(&self, e: &Entity, own: &HashMap<String, Place>) -> Vec<Place> {
        let g = self.g;
        let name = self.g.name_words(e);
        // the whole name too when it is a place's (it may be an abbreviation: "S.C.")
        let whole = name.skip > 0 || matches!(e.kind, EntityType::Gpe | EntityType::Loc);
        // (an organisation named just like a place the article names keeps its reading:
        // "Gainesville" the town, then "Gainesville said")
        let whole = whole || name.words.len() == 1 && own.contains_key(&e.text.to_lowercase());
        let upto = if whole {
            name.words.len() + 1
        } else {
            name.words.len()
        };
        for n in (1..upto.min(4)).rev().filter(|&n| n <= name.words.len()) {
            match self.name_part(e, &name, n, own) {
                Step::Found(p) => return vec![p],
                Step::Stop => break,
                Step::Next => {}
            }
        }
        // a place after "of" in an organisation's name ("University of Georgia",
        // "Association of Georgia Educators", "City of Richmond")
        // (or a place's name as the tagger read it: "Children's Hospital of Manitoba")
        if let Some(p) = g.place_after_of(e, self.focus()) {
            return vec![p];
        }
        // a country or division before a hyphen ("U.S.-led", "Canada-wide"), or ending an
        // organisation's name ("Environment Canada", "CTV Winnipeg")
        // (two countries or towns joined by a hyphen first: "Russia-Turkey ties",
        // "Fargo-Moorhead", "Logan-Rogersville schools")
        let pair = self.hyphen_pair_and_county(e);
        if !pair.is_empty() {
            return pair;
        }
        if matches!(e.kind, EntityType::Org | EntityType::Misc) {
            if let Some(p) = g.place_in_compound(e, self.focus(), self.near.as_ref()) {
                return vec![p];
            }
        }
        Vec::new()
    }

    /// The place named by the first `n` words of an organisation's name, if any.
    fn name_part(
        &self,
        e: &Entity,
        name_words: &NameWords,
        n: usize,
        own: &HashMap<String, Place>,
    ) -> Step {
        let g = self.g;
        let (words, offset) = (&name_words.words, name_words.offset);
        let end = words[n - 1].at + words[n - 1].text.len();
        let name = e.text[offset..end].trim_end_matches(['-', '\'']);
        // a county opening an organisation's name ("Laurel County Sheriff's Office")
        if let Some(step) = self.county_opening(e, words, offset, n) {
            return step;
        }
        let inside = matches!(e.kind, EntityType::Gpe | EntityType::Loc);
        // a name the article uses for a place on its own keeps that reading
        // ("Lebanon" the Indiana town, then "Lebanon Public Library"; a town's with
        // "City": "Dublin, Ohio", then "Dublin City Schools")
        let town_reading = || {
            own.get(&sense_key(name))
                .filter(|p| p.feature.as_deref().is_some_and(|f| f.starts_with("PPL")))
        };
        if let Some(p) = own.get(&name.to_lowercase()).or_else(town_reading) {
            return Step::Found(Place {
                start: e.start + offset,
                end: e.start + offset + name.len(),
                text: name.to_string(),
                via: (!inside).then_some(Via::Organisation),
                ..p.clone()
            });
        }
        let cands = g.strong(g.lookup(name), self.focus());
        // "Quebec City": the city, where one bears the name, not the division
        let city_of_town = words.len() == n + 1
            && words[n].text == "City"
            && cands.iter().any(|&(c, _)| g.is_town(c));
        let at = e.start + offset + name.len();
        let hit = self.pick_in_name(
            name,
            &cands,
            NameContext {
                kind: name_kind(words, n),
                after_direction: name_words.skip > 0,
                city_of_town,
                full_stop_after: self.body[at..].starts_with('.'),
            },
        );
        // a country's adjective opening a name ("American Electric Power")
        let demonym = (hit.is_none() && n == 1)
            .then(|| g.demonyms.get(&norm_key(name)).copied())
            .flatten();
        if let Some(i) = demonym {
            return Step::Found(g.place(
                Cand::Country(i),
                e.start + offset,
                name,
                Some(Via::Demonym),
            ));
        }
        let Some(c) = hit else {
            return Step::Next;
        };
        let via = (!inside).then_some(Via::Organisation);
        // (the city's whole name: "Quebec City")
        let name = if city_of_town && inside {
            &e.text[offset..]
        } else {
            name
        };
        Step::Found(g.place(c, e.start + offset, name, via))
    }

    /// A county opening an organisation's name with the first `n` words ("Laurel County
    /// Sheriff's Office"): `Some` to stop the reading there (a US county of no known state
    /// is no namesake town abroad: "Butler County employees"), `None` where the words name
    /// no county.
    fn county_opening(&self, e: &Entity, words: &[Word], offset: usize, n: usize) -> Option<Step> {
        let near = self.near.as_ref()?;
        let after = words.get(n)?;
        if !matches!(after.text, "County" | "Parish") {
            return None;
        }
        let cend = after.at + after.text.len();
        let county = Entity {
            start: e.start + offset,
            end: e.start + cend,
            text: e.text[offset..cend].to_string(),
            ..e.clone()
        };
        let states = self.g.counties.get(&norm_key(&county.text))?;
        let place = self.g.county_place(
            &county,
            states,
            near,
            self.focus(),
            self.body,
            &self.neighbours,
        );
        Some(match place {
            Some(mut p) => {
                p.via = (!matches!(e.kind, EntityType::Gpe | EntityType::Loc))
                    .then_some(Via::Organisation);
                Step::Found(p)
            }
            None => Step::Stop,
        })
    }

    /// The place a part of an organisation's name stands for: a division of the focus
    /// country; a country or division; a town; a press abbreviation (see the module notes).
    fn pick_in_name(&self, name: &str, cands: &[(Cand, bool)], x: NameContext) -> Option<Cand> {
        let g = self.g;
        let focus = self.focus();
        // a division of the article's country before a foreign country of that name
        let focus_adm1 = cands.iter().find_map(|&(c, _)| match c {
            Cand::Place(i) if g.places[i].feature == "ADM1" && focus == Some(g.places[i].iso3) => {
                Some(c)
            }
            _ => None,
        });
        // (nor a foreign division or a town named like a region news names: "Gulf
        // War" is not Papua New Guinea's Gulf Province, "North Atlantic" and "Pacific
        // Gas" no towns of Iowa and Missouri)
        let region_named = cands.iter().any(|&(c, _)| matches!(c, Cand::Region(_)));
        focus_adm1
            .filter(|_| !x.city_of_town)
            .or_else(|| {
                // a country, else the most populous division of the name (Florida,
                // USA, not Uruguay's department)
                if x.city_of_town || region_named {
                    return None;
                }
                self.country_or_division_in_name(cands)
            })
            .or_else(|| {
                // a town: the article's country first, then the division of the
                // article's other places ("Springfield" among Massachusetts towns),
                // then the most populous
                if region_named {
                    return None;
                }
                self.town_in_name(name, cands, &x)
            })
            .or_else(|| {
                // a state's or province's press abbreviation ("S.C. Highway Patrol",
                // "Western Mass." with its full stop after the name)
                if name.ends_with('.') {
                    g.division_named(name).map(Cand::Place)
                } else if x.full_stop_after && data::press_abbreviation(name) {
                    g.division_named(&format!("{name}.")).map(Cand::Place)
                } else {
                    None
                }
            })
    }

    /// A country, else the most populous division of the name; a division abroad only where
    /// no town of 10,000 people of the focus country bears the name ("Manchester Memorial" in
    /// a New Hampshire story is no parish of Jamaica).
    fn country_or_division_in_name(&self, cands: &[(Cand, bool)]) -> Option<Cand> {
        let g = self.g;
        let focus = self.focus();
        let home_town = cands.iter().any(|&(c, main)| {
            main && matches!(c, Cand::Place(i)
                if g.places[i].feature.starts_with("PPL")
                    && g.places[i].population >= 10_000
                    && focus == Some(g.places[i].iso3))
        });
        cands
            .iter()
            .filter_map(|&(c, _)| match c {
                Cand::Country(_) => Some((c, u64::MAX)),
                Cand::Place(i)
                    if g.places[i].feature == "ADM1"
                        && (!home_town || focus == Some(g.places[i].iso3)) =>
                {
                    Some((c, g.places[i].population))
                }
                _ => None,
            })
            .max_by_key(|&(c, people)| (people, std::cmp::Reverse(cand_order(c))))
            .map(|(c, _)| c)
    }

    /// A town before a civic body or after a direction, or before an institution where the
    /// article's other places are: the focus country's first, then one within reach of a
    /// county the article names, then the division of the article's other places, then the
    /// most populous.
    fn town_in_name(&self, name: &str, cands: &[(Cand, bool)], x: &NameContext) -> Option<Cand> {
        let g = self.g;
        let near = self.near.as_ref();
        let civic = x.kind == NameKind::Civic;
        let institution = x.kind == NameKind::Institution;
        cands
            .iter()
            .filter_map(|&(c, _)| match c {
                Cand::Place(i)
                    if (civic || x.after_direction)
                        && (!x.city_of_town || g.places[i].feature.starts_with("PPL")) =>
                {
                    Some((c, i))
                }
                Cand::Place(i)
                    if institution
                        && near.is_some_and(|n| {
                            let p = &g.places[i];
                            n.others_in(name, p.iso3, p.admin1) > 0
                        }) =>
                {
                    Some((c, i))
                }
                _ => None,
            })
            .max_by_key(|&(_, i)| {
                let r = g.town_rank(name, i, self.focus(), near);
                (r.home, self.town_in_named_county(i), r.local, r.people)
            })
            .map(|(c, _)| c)
    }

    /// The hyphenated compound opening an entity ([`Gazetteer::hyphen_pair`]), and the county
    /// after the hyphen ("Paris-Henry County Arts Council").
    fn hyphen_pair_and_county(&self, e: &Entity) -> Vec<Place> {
        let g = self.g;
        let mut pair = g.hyphen_pair(e, self.focus(), self.near.as_ref());
        let first = e.text.split(' ').next().unwrap_or("");
        let county_after = e.text[first.len()..].trim_start().starts_with("County");
        if let (Some(town), Some(n), true, 1) = (pair.first(), &self.near, county_after, pair.len())
        {
            // (the word after the hyphen, then " County")
            let b_at = town.end + 1;
            let county_end = self
                .body
                .get(b_at..e.end)
                .and_then(|r| r.find(" County"))
                .map(|k| b_at + k + " County".len());
            if let Some(end) = county_end {
                let county = Entity {
                    start: b_at,
                    end,
                    text: self.body[b_at..end].to_string(),
                    ..e.clone()
                };
                if let Some(states) = g.counties.get(&norm_key(&county.text)) {
                    if let Some(mut p) = g.county_place(
                        &county,
                        states,
                        n,
                        self.focus(),
                        self.body,
                        &self.neighbours,
                    ) {
                        p.via = town.via;
                        pair.push(p);
                    }
                }
            }
        }
        pair
    }
}

/// What the words after a part of an organisation's name make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    /// a civic body follows ("Gainesville Police")
    Civic,
    /// an institution follows ("Springfield Science Museum")
    Institution,
    /// neither
    Other,
}

/// What is known of a part of an organisation's name besides its candidates.
struct NameContext {
    kind: NameKind,
    /// the name came after a direction word ("Northeast Georgia")
    after_direction: bool,
    /// "City" follows as the name's last word, and a town bears the name ("Quebec City")
    city_of_town: bool,
    /// a full stop follows the name in the text ("Western Mass.")
    full_stop_after: bool,
}

/// Whether the words after the first `n` make them a civic body's or an institution's town.
fn name_kind(words: &[Word], n: usize) -> NameKind {
    let is_civic = |w: &str| words::CIVIC.contains(&w.to_lowercase());
    // ("Emerald City Players": "City" before a word of no civic body is part of a
    // name, not Emerald's city government; "Superior Court", "Supreme Court" are
    // kinds of court, not courts of Superior, Wisconsin)
    let city_name = words.get(n).is_some_and(|w| w.text == "City")
        && words.len() > n + 1
        && !words[n + 1..].iter().any(|w| is_civic(w.text));
    let court_kind = n == 1 && words::COURT_KINDS.contains(words[0].text);
    if !city_name && !court_kind && words[n..].iter().any(|w| is_civic(w.text)) {
        NameKind::Civic
    } else if words[n..]
        .iter()
        .any(|w| words::INSTITUTIONS.contains(&w.text.to_lowercase()))
    {
        NameKind::Institution
    } else {
        NameKind::Other
    }
}

impl Gazetteer {
    /// The words of an entity's name past a leading article and up to two direction words
    /// (see the module notes).
    fn name_words<'t>(&self, e: &'t Entity) -> NameWords<'t> {
        let all: Vec<Word> = e
            .text
            .split(' ')
            .scan(0usize, |at, w| {
                let s = *at;
                *at += w.len() + 1;
                Some(Word { at: s, text: w })
            })
            .collect();
        // a leading direction ("Northeast Georgia") is not part of the place's name
        // (two: "Far North Queensland", "Deep South Texas")
        // (after an article: "The Alexandria Blizzard" is Alexandria's)
        let lead = usize::from(all.len() > 1 && matches!(all[0].text, "The" | "the"));
        // (not where the direction begins a division's or country's name: "West Virginia
        // Lottery Commission", "South Africa Tourism")
        let begins_a_name = |k: usize| {
            let next = all[lead + k + 1].text;
            if words::DIRECTIONS.contains(&next.to_lowercase()) {
                return false;
            }
            self.names_country_or_division(&format!("{} {next}", all[lead + k].text))
        };
        let direction = |k: usize| {
            all.len() > lead + k + 1
                && (words::DIRECTIONS.contains(&all[lead + k].text.to_lowercase())
                    || k == 0 && matches!(all[lead].text, "Far" | "Deep"))
                && !begins_a_name(k)
        };
        let skip = if direction(0) {
            1 + usize::from(direction(1))
        } else {
            0
        };
        let words = all[lead + skip..].to_vec();
        let offset = words.first().map(|w| w.at).unwrap_or(0);
        NameWords {
            words,
            offset,
            skip,
        }
    }

    /// The country or first-level division (or, after "City of", "University of" and the like,
    /// the town) named after the last "of" in an organisation's name: one to three capitalised
    /// words, the longest that is a place.
    pub(crate) fn place_after_of(&self, e: &Entity, focus: Option<&str>) -> Option<Place> {
        let at = e.text.rfind(" of ")?;
        let head = e.text[..at].to_lowercase();
        let town_ok = TOWN_OF
            .iter()
            .any(|w| head.split(' ').next_back() == Some(w));
        let mut rest_at = at + 4;
        if e.text[rest_at..].starts_with("the ") {
            rest_at += 4;
        }
        // (past a word for a part of an area: "United Way of Metropolitan Atlanta")
        let mut town_ok = town_ok;
        if let Some((first, after)) = e.text[rest_at..].split_once(' ') {
            // (not where the word opens a division's or country's name: "of West Virginia")
            let second = after.split(' ').next().unwrap_or("");
            let named = self.names_country_or_division(&format!("{first} {second}"));
            if !named && words::DIRECTIONS.contains(&first.to_lowercase()) {
                rest_at += first.len() + 1;
                town_ok = true;
            }
        }
        let rest = &e.text[rest_at..];
        let words: Vec<&str> = rest
            .split(' ')
            .take_while(|w| w.starts_with(char::is_uppercase))
            .take(3)
            .collect();
        for n in (1..=words.len()).rev() {
            let name = words[..n].join(" ");
            let name = name.trim_end_matches([',', '\'', '\u{2019}']);
            let name = name
                .strip_suffix("'s")
                .or(name.strip_suffix("\u{2019}s"))
                .unwrap_or(name);
            let pick = self.named_in_org(name, focus, 1, town_ok.then_some(0));
            if let Some(c) = pick {
                return Some(self.place(c, e.start + rest_at, name, Some(Via::Organisation)));
            }
        }
        None
    }

    /// A country or first-level division before the hyphen of a compound opening the name
    /// ("U.S.-led": `via: "demonym"`), or a country, division or city of 100,000 people ending
    /// an organisation's name of two or more words ("Environment Canada", "CTV Winnipeg":
    /// `via: "organisation"`).
    pub(crate) fn place_in_compound(
        &self,
        e: &Entity,
        focus: Option<&str>,
        near: Option<&Coherence>,
    ) -> Option<Place> {
        let division_or_country =
            |name: &str, towns: bool| self.named_in_org(name, focus, 2, towns.then_some(100_000));
        let first = e.text.split(' ').next().unwrap_or("");
        if let Some(h) = first.find('-').filter(|&h| h > 0) {
            let name = &first[..h];
            if let Some(c) = division_or_country(name, false) {
                return Some(self.place(c, e.start, name, Some(Via::Demonym)));
            }
            // a demonym: "Egyptian-US relations"
            if let Some(&i) = self.demonyms.get(&norm_key(name)) {
                return Some(self.place(Cand::Country(i), e.start, name, Some(Via::Demonym)));
            }
        }
        // (a name with "of" is read by `place_after_of`: "Friends of Lincoln" is no place)
        if e.kind != EntityType::Org || !e.text.contains(' ') || e.text.contains(" of ") {
            return None;
        }
        let last = e.text.rsplit(' ').next().unwrap_or("");
        let name = last.trim_end_matches(['.', ',']);
        let name = if last.ends_with("..") || name.len() <= 2 {
            last
        } else {
            name
        };
        let mut c = division_or_country(name, true)?;
        // (a town of that name in the division of the article's other places first: "Stars
        // Over Springfield" among Massachusetts towns)
        if let (Cand::Place(i), Some(n)) = (c, near) {
            if self.places[i].feature.starts_with("PPL")
                && n.others_in(name, self.places[i].iso3, self.places[i].admin1) == 0
            {
                let local = self.lookup(name).iter().find_map(|&(o, _)| match o {
                    Cand::Place(j)
                        if self.places[j].feature.starts_with("PPL")
                            && self.places[j].population >= 10_000
                            && n.others_in(name, self.places[j].iso3, self.places[j].admin1)
                                > 0 =>
                    {
                        Some(o)
                    }
                    _ => None,
                });
                c = local.unwrap_or(c);
            }
        }
        let start = e.start + e.text.len() - last.len();
        Some(self.place(c, start, name, Some(Via::Organisation)))
    }

    /// The country, first-level division or (with `towns`, of at least that many people)
    /// town a name inside an organisation's name stands for: a division of the focus country
    /// first, then a country at rank `country_rank` against other divisions (1) and towns
    /// (0 or 1, by the focus), the more populous town among equals.
    fn named_in_org(
        &self,
        name: &str,
        focus: Option<&str>,
        country_rank: u8,
        towns: Option<u64>,
    ) -> Option<Cand> {
        self.lookup(name)
            .iter()
            .filter_map(|&(c, _)| match c {
                // (the country of the article's focus first: "Movement for United Georgia" in
                // a story from Tbilisi)
                Cand::Country(i) => Some((
                    c,
                    country_rank + u8::from(focus == Some(self.countries[i].iso3.as_str())),
                    0,
                )),
                Cand::Place(i) if self.places[i].feature == "ADM1" => {
                    Some((c, 1 + u8::from(focus == Some(self.places[i].iso3)), 0))
                }
                Cand::Place(i) if towns.is_some_and(|min| self.places[i].population >= min) => {
                    Some((
                        c,
                        u8::from(focus == Some(self.places[i].iso3)),
                        self.places[i].population,
                    ))
                }
                _ => None,
            })
            .max_by_key(|&(_, rank, pop)| (rank, pop))
            .map(|(c, _, _)| c)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use dateline_core::Entity;
    use dateline_core::EntityType;

    #[test]
    fn compounds_names_ending_in_a_place_and_cities_read_as_people() {
        let g = gazetteer();
        let body = "Turkey joined the U.S.-led talks on Friday. Environment Canada issued a frost alert, CTV Winnipeg reported.";
        let ents = vec![
            ent(body, "Turkey", EntityType::Gpe),
            ent(body, "U.S.-led", EntityType::Misc),
            ent(body, "Environment Canada", EntityType::Org),
            ent(body, "CTV Winnipeg", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Turkey", Some("TUR"), None),
                ("U.S.", Some("USA"), Some("demonym")),
                ("Canada", Some("CAN"), Some("organisation")),
                ("Winnipeg", Some("CAN"), Some("organisation")),
            ]
        );
    }

    /// a "person" followed by a state that has a town of that name
    #[test]
    fn person_followed_by_a_state_that_has_a_town_of_that_name() {
        let g = gazetteer();
        let body = "Lucy was born in Greer, South Carolina, in May.";
        let ps = g.resolve(body, &[ent(body, "Greer", EntityType::Person)]);
        assert_eq!(
            ps.first().map(|p| (p.text.as_str(), p.admin1.as_deref())),
            Some(("Greer", Some("SC"))),
            "{ps:?}"
        );
    }

    #[test]
    fn generic_words_and_alternate_names_of_organisations_are_no_places() {
        let g = gazetteer();
        let body = "City Council met at Central High. Hamas fired rockets from the North.";
        let ents = vec![
            ent(body, "City Council", EntityType::Org),
            ent(body, "Central High", EntityType::Org),
            ent(body, "Hamas", EntityType::Org),
            ent(body, "North", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert!(ps.is_empty(), "{ps:?}");
    }

    /// an institution's word standing alone ("the Church", "the Center") names no town of
    /// that name; a place's name before a word for an illness begins the illness's name
    #[test]
    fn institution_words_and_disease_names_are_no_places() {
        let g = gazetteer();
        let body = "The Church said the Center had no cases of Hong Kong flu in Canada.";
        let ents = vec![
            ent(body, "Church", EntityType::Gpe),
            ent(body, "Center", EntityType::Gpe),
            ent(body, "Hong Kong", EntityType::Gpe),
            ent(body, "Canada", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let names: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(names, ["Canada"], "{ps:?}");
    }

    /// kinds of court, a name with "City" and a war named after a region are no towns or
    /// divisions ("Superior Court" is no court of Superior, Wisconsin; "Gulf War" is not
    /// Papua New Guinea's Gulf Province)
    #[test]
    fn kinds_of_court_a_name_with_city_and_a_war_named_after_a_region() {
        let g = gazetteer();
        let body = "A Superior Court judge, the Emerald City Players and a Gulf War veteran.";
        let ents = vec![
            ent(body, "Superior Court", EntityType::Org),
            ent(body, "Emerald City Players", EntityType::Org),
            ent(body, "Gulf War", EntityType::Misc),
        ];
        let ps = g.resolve(body, &ents);
        assert!(ps.is_empty(), "{ps:?}");
    }

    /// a small town abroad known by the name only as an alternate is no reading ("South
    /// End", Boston's, is an alternate name of Great Corn Island, Nicaragua)
    #[test]
    fn small_town_abroad_known_by_the_name_only_as_an_alternate_is_no() {
        let g = gazetteer();
        let body = "Floods closed roads in Boston's South End on Tuesday.";
        let ents = [
            ent(body, "Boston", EntityType::Gpe),
            ent(body, "South End", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        assert_eq!(
            spans(body, &ps, |p| (p.country.as_deref(), None)),
            vec![("Boston", Some("USA"), None)]
        );
    }

    #[test]
    fn a_place_after_of_in_an_organisations_name() {
        let g = gazetteer();
        let body =
            "Dana Cole of Macon, Georgia, is headed to the University of Georgia in Athens, Georgia.";
        let ents = vec![
            ent(body, "Macon", EntityType::Gpe),
            ent(body, "University of Georgia", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let p = ps
            .iter()
            .find(|p| via(p) == Some("organisation"))
            .expect("a place inside the name");
        assert_eq!(
            (p.text.as_str(), p.admin1.as_deref(), p.country.as_deref()),
            ("Georgia", Some("GA"), Some("USA")),
            "{ps:?}"
        );
    }

    /// a town after "City of"; not after other heads
    #[test]
    fn town_after_city_of_not_after_other_heads() {
        let g = gazetteer();
        let body = "Crews from the City of Richmond cleared the fallen trees.";
        let ps = g.resolve(body, &[ent(body, "City of Richmond", EntityType::Org)]);
        assert!(ps.iter().any(|p| p.text == "Richmond"), "{ps:?}");
        let body = "The Friends of Lincoln met.";
        let ps = g.resolve(body, &[ent(body, "Friends of Lincoln", EntityType::Org)]);
        assert!(ps.is_empty(), "{ps:?}");
    }

    #[test]
    fn places_after_of_past_a_word_for_a_part_of_an_area() {
        let g = gazetteer();
        let body =
            "The United Way of Metropolitan Atlanta and the University of West Virginia met.";
        let ents = vec![
            ent(body, "United Way of Metropolitan Atlanta", EntityType::Org),
            ent(body, "University of West Virginia", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got = spans(body, &ps, |p| (p.admin1.as_deref(), p.feature.as_deref()));
        assert_eq!(
            got,
            vec![
                ("Atlanta", Some("GA"), Some("PPL")),
                ("West Virginia", Some("WV"), Some("ADM1")),
            ]
        );
    }

    #[test]
    fn streets_are_not_their_namesakes_and_a_name_keeps_its_reading() {
        let g = gazetteer();
        let body = "Crews from Tyler drove to Palestine. The yard on Palestine Street reopened, and the Palestine Public Library shut.";
        let street = body.find("Palestine Street").unwrap();
        let library = body.find("Palestine Public Library").unwrap();
        let ents = vec![
            ent(body, "Tyler", EntityType::Gpe),
            ent(body, "Palestine", EntityType::Gpe),
            Entity {
                start: street,
                end: street + "Palestine Street".len(),
                text: "Palestine Street".into(),
                kind: EntityType::Gpe,
                canonical: None,
                source: None,
            },
            Entity {
                start: library,
                end: library + "Palestine Public Library".len(),
                text: "Palestine Public Library".into(),
                kind: EntityType::Org,
                canonical: None,
                source: None,
            },
        ];
        let ps = g.resolve(body, &ents);
        // no place for the street
        assert!(!ps.iter().any(|p| p.start == street), "{ps:?}");
        // the library's town is the Texas town the article named, not the country
        let lib = ps
            .iter()
            .find(|p| p.start == library)
            .expect("library's place");
        assert_eq!(lib.admin1.as_deref(), Some("TX"), "{lib:?}");
        assert_eq!(via(lib), Some("organisation"));
    }

    #[test]
    fn towns_of_civic_bodies_and_places_after_a_direction() {
        let g = gazetteer();
        let body = "Gainesville Police said schools in Northeast Georgia and Florida will close; the Acme Widget Company agreed.";
        let ents = vec![
            ent(body, "Gainesville Police", EntityType::Org),
            ent(body, "Northeast Georgia", EntityType::Gpe),
            ent(body, "Florida", EntityType::Gpe),
            ent(body, "Acme Widget Company", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Gainesville", Some("USA"), Some("organisation")),
                ("Georgia", Some("USA"), None),
                ("Florida", Some("USA"), None),
            ],
            "{ps:?}"
        );
    }

    #[test]
    fn adjectives_and_abbreviations_opening_names() {
        let g = gazetteer();
        let body = "American Electric Power and the S.C. Highway Patrol met in S.C. on Monday.";
        let mut ents = vec![
            ent(body, "American Electric Power", EntityType::Org),
            ent(body, "S.C. Highway Patrol", EntityType::Org),
        ];
        let second = body.rfind("S.C.").unwrap();
        ents.push(Entity {
            start: second,
            end: second + 4,
            text: "S.C.".into(),
            kind: EntityType::Gpe,
            canonical: None,
            source: None,
        });
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, &str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.name.as_str(), via(p)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("American", "United States", Some("demonym")),
                ("S.C.", "South Carolina", Some("organisation")),
                ("S.C.", "South Carolina", None),
            ],
            "{ps:?}"
        );
    }

    #[test]
    fn places_named_by_organisations() {
        let g = gazetteer();
        let body = "Kentucky State Police said the US had sent agents.";
        let ents = vec![
            ent(body, "Kentucky State Police", EntityType::Org),
            ent(body, "US", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Kentucky", Some("USA"), Some("organisation")),
                ("US", Some("USA"), None),
            ]
        );
    }
}
