//! Event coding: actors in each sentence, pattern matches, source and target, negation and
//! mode, date and place, implied and anaphoric events, and merging duplicates in the article.
//!
//! Actor mentions come from the entities (people, organisations, countries, demonyms),
//! extended over the titles, role words and nationality words in front of them ("Syrian
//! President Bashar al-Assad", "Russian leader Vladimir Putin"), from agent phrases with a
//! country ("the Syrian military", "Russia's army"), and from subject pronouns. A mention's
//! CAMEO code comes from the actor dictionaries by name (dated by the article), else from its
//! country and role.
//!
//! For each pattern match the target is the mention at the pattern's `$T` slot; the source is
//! the nearest mention before the trigger that is not the object of a preposition (after the
//! pattern when nothing precedes), the previous event's source for a coordinated verb
//! ("... and thanked"), or the `by` phrase of a passive. Coordinated actors ("the United States
//! and European states") give one event each.

use crate::actors::Actors;
use crate::ontology::{quad_class, Ontology};
use crate::patterns::Patterns;
use dateline_core::{
    date::Date, Actor, Entity, EntityType, Event, EventContent, EventPlace, Place, TimeExpr,
};
use dateline_geo::Gazetteer;
use dateline_nlp::{Lexicon, Sentence, Token};

/// Everything the coder reads.
pub struct Knowledge<'a> {
    pub actors: &'a Actors,
    pub ontology: &'a Ontology,
    pub patterns: &'a Patterns,
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
}

/// The annotated article the coder works on.
pub struct Input<'a> {
    pub body: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    pub entities: &'a [Entity],
    pub times: &'a [TimeExpr],
    pub places: &'a [Place],
    pub published: Option<&'a str>,
    /// Direct quotes with their speakers: "we" and "I" inside one are the speaker.
    pub quotes: &'a [dateline_core::Quote],
}

#[derive(Debug, Clone)]
struct Mention {
    /// token range, absolute
    t0: usize,
    t1: usize,
    actor: Actor,
    person: bool,
    pronoun: bool,
}

const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "to", "from", "with", "on", "for", "by", "into", "about", "against", "over",
    "near", "between", "toward", "towards", "through", "under", "during", "across", "behind",
    "than",
];
const NEGATORS: &[&str] = &[
    "not", "n't", "never", "no", "without", "nor", "denied", "denies", "deny", "refused",
    "refuses", "failed", "fails",
];
/// Words for armed men on the move.
const TROOPS: &[&str] = &["troops", "soldiers", "forces", "peacekeepers"];

const INTENT: &[&str] = &[
    "willing",
    "prepared",
    "ready",
    "sworn",
    "swore",
    "vows",
    "offered",
    "offers",
    "pledged",
    "promised",
    "vowed",
    "agreed",
    "agrees",
    "will",
    "'ll",
    "would",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "wants",
    "want",
    "expected",
    "scheduled",
    "hopes",
    "hope",
    "seeks",
    "aims",
    "due",
    "ready",
    "prepared",
    "going",
];
const HYPOTHETICAL: &[&str] = &["may", "might", "could", "if", "unless", "whether", "should"];

fn day_of(s: Option<&str>) -> Option<i64> {
    s.and_then(Date::parse_iso).map(Date::to_days)
}

fn lower(body: &str, t: &Token) -> String {
    t.text(body).to_lowercase()
}

/// The country (ISO3) a CAMEO actor code starts with, if it is a country code.
fn code_country(code: &str, g: &Gazetteer) -> Option<String> {
    let c = code.get(0..3)?;
    g.country(c).map(|_| c.to_string())
}

struct Coder<'a, 'k> {
    k: &'a Knowledge<'k>,
    x: &'a Input<'a>,
    day: Option<i64>,
    /// the country the article's places are in most often
    focus: Option<String>,
}

impl Coder<'_, '_> {
    fn tok(&self, i: usize) -> &str {
        self.x
            .tokens
            .get(i)
            .map(|t| t.text(self.x.body))
            .unwrap_or("")
    }

    fn ltok(&self, i: usize) -> String {
        self.tok(i).to_lowercase()
    }

    /// Token index range of a byte span.
    fn tok_range(&self, start: usize, end: usize) -> (usize, usize) {
        let t = self.x.tokens;
        let a = t.partition_point(|x| x.start < start);
        let b = t.partition_point(|x| x.end <= end);
        (a, b.max(a + 1))
    }

    /// Code of an entity by name, dated by the article.
    fn dict_code(&self, e: &Entity) -> Option<String> {
        let names = [Some(e.text.as_str()), e.canonical.as_deref()];
        for n in names.into_iter().flatten() {
            let n = n.trim_start_matches("the ").trim_start_matches("The ");
            if let Some(a) = self.k.actors.lookup(n) {
                if let Some(c) = a.code_on(self.day) {
                    return Some(c.to_string());
                }
            }
        }
        None
    }

    /// A person's code on the article's day: the name as the dictionaries list it
    /// ("President Bush"), else the surname of `name` when one person in office has it.
    fn person_code(&self, listed: &str, name: &str) -> Option<String> {
        self.k
            .actors
            .lookup(listed)
            .and_then(|a| a.code_on(self.day))
            .map(str::to_string)
            .or_else(|| {
                let surname = name.rsplit(' ').next()?;
                self.k.actors.person_by_surname(surname, self.day)
            })
    }

    /// An organisation or group the dictionaries do not list, coded from its name: the
    /// longest listed (non-person) actor its name starts with ("United Nations Emergency
    /// Relief Coordinator" -> IGOUNO, "Montenegro Municipality Association" -> MNE), else a
    /// country or nationality word in it ("Latvian Constitutional Court" -> LVA); a country
    /// takes the role its last words name ("Nigerian Interior Ministry" -> NGAGOV).
    fn name_code(&self, text: &str) -> Option<String> {
        let text = text.trim_start_matches("the ").trim_start_matches("The ");
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        let role = |from: usize| -> String {
            (from..words.len())
                .find_map(|s| self.k.actors.agent(&words[s..].join(" ")))
                .unwrap_or("")
                .to_string()
        };
        for n in (1..words.len()).rev() {
            let listed = self
                .k
                .actors
                .lookup(&words[..n].join(" "))
                .filter(|a| !a.person)
                .and_then(|a| a.code_on(self.day));
            if let Some(c) = listed {
                return Some(if c.len() == 3 {
                    format!("{c}{}", role(n))
                } else {
                    c.to_string()
                });
            }
        }
        words.iter().enumerate().find_map(|(i, w)| {
            let c = self.k.gazetteer.country_of_name(w)?;
            Some(format!("{}{}", c.iso3, role(i + 1)))
        })
    }

    /// The code an apposition next to a name (tokens `[t0, t1)`) gives: the first country
    /// it names, with the last role word in it ("Kenya's chief negotiator" -> KENGOV).
    fn apposition_code(
        &self,
        t0: usize,
        t1: usize,
        s: &Sentence,
        ents: &[&Entity],
    ) -> Option<String> {
        let after = (self.tok(t1) == ",")
            .then(|| (t1 + 1..s.tok_end.min(t1 + 14)).find(|&j| self.tok(j) == ","))
            .flatten()
            .map(|end| (t1 + 1, end));
        let before = (t0 > s.tok_start && self.tok(t0 - 1) == ",")
            .then(|| {
                let from = t0.saturating_sub(14).max(s.tok_start);
                let start = (from..t0 - 1)
                    .rev()
                    .find(|&j| self.tok(j) == ",")
                    .map_or(s.tok_start, |j| j + 1);
                // a description opening the sentence, or one between commas
                (start == s.tok_start || self.tok(t1) == ",").then_some((start, t0 - 1))
            })
            .flatten();
        let span = after.or(before)?;
        let country = ents
            .iter()
            .filter(|n| matches!(n.kind, EntityType::Norp | EntityType::Gpe))
            .filter(|n| {
                let (a, b) = self.tok_range(n.start, n.end);
                a >= span.0 && b <= span.1
            })
            .find_map(|n| self.country_of_entity(n))?;
        let role = (span.0..span.1)
            .rev()
            .find_map(|j| self.k.actors.agent(&self.ltok(j)))
            .unwrap_or("");
        Some(format!("{country}{role}"))
    }

    /// A role-only actor in the possessive of its own side ("its troops", "their forces"), or
    /// any role-only actor of a force-posture act (CAMEO 15: "mobilized army reservists").
    fn own_agent(&self, m: &Mention, cameo: &str) -> bool {
        !m.pronoun
            && m.t0 > 0
            && (matches!(
                self.ltok(m.t0 - 1).as_str(),
                "its" | "their" | "his" | "her" | "our"
            ) || cameo.starts_with("15"))
            && countryless(&m.actor)
    }

    /// Whether the mention at token `t0` follows a partitive "of" ("thousands of Iraqi
    /// Kurds", "leaders of the coalition", "a group of refugees"): the group is the phrase's
    /// head, not an object of the preposition.
    fn after_partitive(&self, t0: usize) -> bool {
        let mut i = t0;
        if i > 0 && matches!(self.ltok(i - 1).as_str(), "the" | "its" | "their") {
            i -= 1;
        }
        i >= 2
            && self.ltok(i - 1) == "of"
            && matches!(
                self.ltok(i - 2).as_str(),
                "thousands"
                    | "hundreds"
                    | "dozens"
                    | "scores"
                    | "millions"
                    | "tens"
                    | "some"
                    | "many"
                    | "most"
                    | "several"
                    | "members"
                    | "supporters"
                    | "leaders"
                    | "group"
                    | "groups"
                    | "number"
                    | "majority"
                    | "representatives"
                    | "delegation"
            )
    }

    fn country_of_entity(&self, e: &Entity) -> Option<String> {
        let g = self.k.gazetteer;
        if let Some(c) = g.country_of_name(&e.text) {
            return Some(c.iso3.clone());
        }
        if e.kind == EntityType::Gpe || e.kind == EntityType::Loc {
            // a city or region: its country
            let ps = dateline_core::starting_in(self.x.places, |p| p.start, e.start, e.start + 1);
            return ps
                .iter()
                .find(|p| p.start == e.start)
                .and_then(|p| p.country.clone());
        }
        None
    }

    /// Role code of the words in token range [a, b) ("military" -> MIL, "leader" -> GOV).
    fn agent_of(&self, a: usize, b: usize) -> Option<String> {
        // longest suffix of the phrase that is an agent
        for s in a..b {
            let words: Vec<&str> = (s..b).map(|i| self.tok(i)).collect();
            if let Some(c) = self.k.actors.agent(&words.join(" ")) {
                return Some(c.to_string());
            }
        }
        None
    }

    /// A nationality word that names an actor by itself: a plural people ("Palestinians",
    /// "Bosnian Serbs"), or a country's adjective before a noun that is no role word ("an
    /// Indian proposal": India's), but not a religion's ("Christian eastern Beirut").
    fn norp_alone(&self, e: &Entity, t1: usize, s: &Sentence) -> bool {
        let plural = e.text.ends_with('s') && !e.text.ends_with("ss");
        let next = if t1 < s.tok_end {
            self.ltok(t1)
        } else {
            String::new()
        };
        let noun_follows = next.len() > 2 && next.chars().all(char::is_alphabetic);
        plural || (noun_follows && self.country_of_entity(e).is_some())
    }

    /// The end of role words right after token `t1` ("rebels", "security forces"), if the
    /// one or two lower-case words there are a role.
    fn role_after(&self, t1: usize, s: &Sentence) -> Option<usize> {
        let mut j = t1;
        while j < s.tok_end
            && j < t1 + 2
            && self.tok(j).chars().all(char::is_alphabetic)
            && self.tok(j).chars().next().is_some_and(char::is_lowercase)
        {
            j += 1;
            let words: Vec<&str> = (t1..j).map(|i| self.tok(i)).collect();
            if self.k.actors.agent(&words.join(" ")).is_some() {
                return Some(j);
            }
        }
        None
    }

    fn mentions(&self, s: &Sentence) -> Vec<Mention> {
        let body = self.x.body;
        let ents: Vec<&Entity> =
            dateline_core::starting_in(self.x.entities, |e| e.start, s.start, s.end)
                .iter()
                .filter(|e| e.end <= s.end)
                .filter(|e| {
                    matches!(
                        e.kind,
                        EntityType::Person
                            | EntityType::Org
                            | EntityType::Gpe
                            | EntityType::Loc
                            | EntityType::Norp
                            | EntityType::Misc
                    )
                })
                .collect();
        let mut out: Vec<Mention> = Vec::new();
        let mut used_norp = std::collections::HashSet::new();
        // entities by the token they end before (looked up for each name, so a long sentence
        // is not scanned once per name)
        let mut by_end: dateline_core::hash::FastMap<usize, Vec<usize>> = Default::default();
        for (k, n) in ents.iter().enumerate() {
            by_end
                .entry(self.tok_range(n.start, n.end).1)
                .or_default()
                .push(k);
        }
        let ending_at = |a: usize| by_end.get(&a).into_iter().flatten().map(|&k| ents[k]);
        for (ei, e) in ents.iter().enumerate() {
            let (t0, t1) = self.tok_range(e.start, e.end);
            // a place + role words: "Ivory Coast rebels", "Mozambique government"
            let place_role = matches!(e.kind, EntityType::Gpe | EntityType::Loc)
                && self.role_after(t1, s).is_some();
            if e.kind == EntityType::Loc && !place_role {
                continue; // a sea or a region is no actor by itself
            }
            // a nationality word the tagger called MISC ("Thai military sources") is one
            let norp = e.kind == EntityType::Norp
                || e.kind == EntityType::Misc
                    && self.k.gazetteer.country_of_name(&e.text).is_some();
            if norp || place_role {
                // NORP + role words: "Syrian military", "European states", "Russian leader"
                let mut j = t1;
                while j < s.tok_end
                    && j < t1 + 3
                    && self.tok(j).chars().all(char::is_alphabetic)
                    && !self.tok(j).is_empty()
                {
                    j += 1;
                    if self.agent_of(t1, j).is_some() {
                        break;
                    }
                }
                let agent = (j > t1).then(|| self.agent_of(t1, j)).flatten();
                // a person or organisation right after the role words takes this NORP
                let next_named = ents.get(ei + 1).is_some_and(|n| {
                    matches!(n.kind, EntityType::Person | EntityType::Org)
                        && self.tok_range(n.start, n.end).0
                            <= if agent.is_some() { j + 1 } else { t1 }
                });
                if next_named {
                    continue;
                }
                // "ethnic Albanians" are a people wherever they live, not Albania: the
                // country of the place they are in is given later (countryless)
                let ethnic = t0 > s.tok_start && self.ltok(t0 - 1) == "ethnic";
                if let Some(agent) = agent {
                    let country = self.country_of_entity(e).filter(|_| !ethnic);
                    let end_b = self.x.tokens[j - 1].end;
                    let mut start_b = e.start;
                    let mut t0b = t0;
                    if t0 > s.tok_start && matches!(self.ltok(t0 - 1).as_str(), "the" | "a") {
                        t0b = t0 - 1;
                        start_b = self.x.tokens[t0b].start;
                    }
                    out.push(Mention {
                        t0: t0b,
                        t1: j,
                        actor: Actor {
                            text: body[start_b..end_b].to_string(),
                            canonical: e.canonical.clone(),
                            code: Some(match &country {
                                Some(c) => format!("{c}{agent}"),
                                None if ethnic => agent.clone(),
                                None => {
                                    let g = group_code(&e.text);
                                    if g.len() >= 6 {
                                        g
                                    } else {
                                        format!("{g}{agent}")
                                    }
                                }
                            }),
                            country,
                            start: Some(start_b),
                            end: Some(end_b),
                        },
                        person: false,
                        pronoun: false,
                    });
                    used_norp.insert(ei);
                } else if norp && self.norp_alone(e, t1, s) {
                    // "Palestinians blamed Israel", "rejected an Indian proposal": the people
                    // or the country a nationality word stands for
                    let country = self.country_of_entity(e).filter(|_| !ethnic);
                    let code = if ethnic {
                        Some("CVL".to_string())
                    } else {
                        country.clone().or_else(|| {
                            let g = group_code(&e.text);
                            (!g.is_empty()).then_some(g)
                        })
                    };
                    if code.is_some() {
                        out.push(Mention {
                            t0,
                            t1,
                            actor: Actor {
                                text: e.text.clone(),
                                canonical: e.canonical.clone(),
                                code,
                                country,
                                start: Some(e.start),
                                end: Some(e.end),
                            },
                            person: false,
                            pronoun: false,
                        });
                    }
                }
                continue;
            }
            // extend left over titles, role words and a nationality/country
            let mut a = t0;
            let mut country: Option<String> = None;
            let mut org_code: Option<String> = None;
            let mut role_a = t0;
            while a > s.tok_start {
                let w = self.tok(a - 1);
                let lw = w.to_lowercase();
                if self.k.lexicon.is_title(&lw) || self.k.actors.agent(&lw).is_some() {
                    a -= 1;
                    role_a = a;
                    continue;
                }
                if let Some(n) = ending_at(a).find(|n| {
                    matches!(
                        n.kind,
                        EntityType::Norp | EntityType::Gpe | EntityType::Org | EntityType::Misc
                    )
                }) {
                    let misc_norp = n.kind == EntityType::Misc
                        && self.k.gazetteer.country_of_name(&n.text).is_some();
                    if matches!(n.kind, EntityType::Org | EntityType::Misc) && !misc_norp {
                        // "Kremlin spokesman Ivan Petrov": the organisation's country;
                        // "Arab League Secretary General Chadli Klibi": the organisation
                        if a < t0 {
                            let c = self.dict_code(n).or_else(|| self.name_code(&n.text));
                            country = c.as_deref().and_then(|c| code_country(c, self.k.gazetteer));
                            if country.is_none() {
                                org_code = c;
                            }
                            a = self.tok_range(n.start, n.end).0;
                        }
                        break;
                    }
                    country = self.country_of_entity(n);
                    a = self.tok_range(n.start, n.end).0;
                    break;
                }
                if (w == "'s" || w == "\u{2019}s") && a >= 2 {
                    // "Russia's military"
                    if let Some(n) = ending_at(a - 1).find(|n| n.kind == EntityType::Gpe) {
                        country = self.country_of_entity(n);
                        a = self.tok_range(n.start, n.end).0;
                    }
                }
                break;
            }
            let mut code = self.dict_code(e);
            let role = (role_a < t0).then(|| self.agent_of(role_a, t0)).flatten();
            if code.is_none() && e.kind == EntityType::Person {
                // "President Bush" as the dictionaries list it, else the surname alone
                let titled = &body[self.x.tokens[role_a.min(t0)].start..e.end];
                code = self
                    .person_code(titled, &e.text)
                    // a country alone is weaker than the country and role the text gives
                    .filter(|c| c.len() > 3 || role.is_none());
            }
            if e.kind == EntityType::Gpe {
                let c = self.country_of_entity(e);
                if code.is_none() {
                    code = c.clone();
                }
                if country.is_none() {
                    country = c;
                }
            }
            if code.is_none()
                && matches!(e.kind, EntityType::Org | EntityType::Misc)
                && e.text.to_lowercase().starts_with("ethnic ")
            {
                // "Ethnic Albanians" as one name: a people of the country they are in
                code = Some("CVL".to_string());
            }
            if code.is_none()
                && matches!(e.kind, EntityType::Org | EntityType::Gpe | EntityType::Misc)
            {
                // an organisation the dictionaries lack, by its name; a country's name or
                // short form tagged as an organisation ("the PRC demanded") is the country
                code = self.name_code(&e.text).or_else(|| {
                    let c = self.k.gazetteer.country_of_name(&e.text)?;
                    country = Some(c.iso3.clone());
                    Some(c.iso3.clone())
                });
            }
            if code.is_none() && e.kind == EntityType::Misc {
                continue; // a name of no actor ("Serbo-Croatian", "Islamic")
            }
            if code.is_none() && country.is_none() && e.kind == EntityType::Person {
                // "Omar Haddad, Kenya's chief negotiator," / "A member of the Kenyan
                // parliament, Omar Haddad,": the country the apposition gives
                code = self.apposition_code(t0, t1, s, &ents);
            }
            if code.is_none() {
                if let (Some(c), Some(r)) = (&country, &role) {
                    code = Some(format!("{c}{r}"));
                } else if let (Some(c), true) = (&country, e.kind == EntityType::Person) {
                    code = Some(c.clone());
                } else if let (None, Some(r), EntityType::Person, Some(f)) =
                    (&country, &role, e.kind, &self.focus)
                {
                    // "President Laurent Diallo" with no nationality: an official of the
                    // country the article is about
                    code = Some(format!("{f}{r}"));
                } else if let (Some(c), EntityType::Org) = (&country, e.kind) {
                    // "Kenyan" + "Interior Ministry": the country, and the role the
                    // organisation's name gives
                    code = Some(format!("{c}{}", self.agent_of(t0, t1).unwrap_or_default()));
                } else if e.kind == EntityType::Person {
                    code = org_code;
                }
            }
            if let Some(c) = &code {
                if country.is_none() {
                    country = code_country(c, self.k.gazetteer);
                }
            }
            let start_b = self.x.tokens[a].start.min(e.start);
            // an organisation's people: "Hezbollah guerrillas", "Red Cross officials"; an
            // organisation the dictionaries lack, by the role its people play ("the Azadliq
            // (Freedom) opposition coalition": OPP, its country found later)
            let after = if self.tok(t1) == ")" { t1 + 1 } else { t1 };
            let (t1, end_b) = match (e.kind, self.role_after(after, s)) {
                (EntityType::Org, Some(j)) if code.is_some() => (j, self.x.tokens[j - 1].end),
                (EntityType::Org, Some(j)) => {
                    code = self.agent_of(after, j);
                    (j, self.x.tokens[j - 1].end)
                }
                _ => (t1, e.end),
            };
            out.push(Mention {
                t0: a.min(t0),
                t1,
                actor: Actor {
                    text: body[start_b..end_b].to_string(),
                    canonical: e.canonical.clone().or(Some(e.text.clone())),
                    code,
                    country,
                    start: Some(start_b),
                    end: Some(end_b),
                },
                person: e.kind == EntityType::Person,
                pronoun: false,
            });
        }
        // nested mentions (a NORP inside an extended person) go
        out.sort_by_key(|m| (m.t0, std::cmp::Reverse(m.t1)));
        // an acronym in brackets after a name ("Revolutionary United Front (RUF)") is that
        // name's actor
        for i in 1..out.len() {
            let acronym = out[i].actor.code.is_none()
                && out[i].actor.text.len() >= 2
                && out[i]
                    .actor
                    .text
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '.')
                && self.tok(out[i].t0.wrapping_sub(1)) == "("
                && self.tok(out[i].t1) == ")";
            if acronym {
                if let Some(long) = out[..i].iter().rev().find(|m| m.t1 + 1 == out[i].t0) {
                    let (code, country) = (long.actor.code.clone(), long.actor.country.clone());
                    out[i].actor.code = code;
                    out[i].actor.country = country;
                }
            }
        }
        let mut kept: Vec<Mention> = Vec::new();
        for m in out {
            if kept.last().is_some_and(|k| m.t0 < k.t1) {
                continue;
            }
            kept.push(m);
        }
        // the sentence's tokens inside a kept mention
        let mut covered = vec![false; s.tok_end.saturating_sub(s.tok_start)];
        for m in &kept {
            for i in m.t0.max(s.tok_start)..m.t1.min(s.tok_end) {
                covered[i - s.tok_start] = true;
            }
        }
        let covered = |i: usize| covered.get(i.wrapping_sub(s.tok_start)) == Some(&true);
        // bare agents with an article: "the military", "police", "rebels"
        let mut extra = Vec::new();
        for i in s.tok_start..s.tok_end {
            if covered(i) {
                continue;
            }
            let w = self.ltok(i);
            if !w.chars().all(char::is_alphabetic) || w.len() < 4 {
                continue;
            }
            if self.k.lexicon.is_title(&w)
                && !matches!(
                    w.as_str(),
                    "government" | "military" | "police" | "army" | "opposition"
                )
            {
                continue;
            }
            if let Some(role) = self.k.actors.agent(&w) {
                let pre = if i > s.tok_start {
                    self.ltok(i - 1)
                } else {
                    String::new()
                };
                // "opposition groups", "rebel forces": a plural head noun after the role word
                let head = usize::from(matches!(
                    self.ltok(i + 1).as_str(),
                    "groups"
                        | "members"
                        | "forces"
                        | "figures"
                        | "supporters"
                        | "fighters"
                        | "parties"
                ));
                if matches!(pre.as_str(), "the" | "its" | "their" | "his" | "her")
                    || w.ends_with('s')
                    || head == 1
                    // a role word opening the sentence ("Police arrested …"), unless it
                    // modifies the next ("Opposition leaders …")
                    || i == s.tok_start && self.k.actors.agent(&self.ltok(i + 1)).is_none()
                {
                    // "opposition leaders": the modifier's role is the narrower one
                    let (t0, role) = match (i > s.tok_start)
                        .then(|| self.k.actors.agent(&pre))
                        .flatten()
                    {
                        // (extras come in token order: the last reaches furthest)
                        Some(r) if extra.last().is_none_or(|m: &Mention| m.t1 < i) => (i - 1, r),
                        _ => (i, role),
                    };
                    // "police in Kampala", "rebels of Syria": the country that follows
                    let i = i + head;
                    let mut t1 = i + 1;
                    let mut country = None;
                    if matches!(self.ltok(i + 1).as_str(), "in" | "of" | "from") {
                        // "rebels in the Ivory Coast"
                        let at = if self.ltok(i + 2) == "the" {
                            i + 3
                        } else {
                            i + 2
                        };
                        if let Some(n) = kept
                            .iter()
                            .find(|m| m.t0 == at && m.actor.country.is_some())
                        {
                            country = n.actor.country.clone();
                            t1 = n.t1;
                        }
                    }
                    let (a, b) = (self.x.tokens[t0].start, self.x.tokens[t1 - 1].end);
                    extra.push(Mention {
                        t0,
                        t1,
                        actor: Actor {
                            text: body[a..b].to_string(),
                            canonical: None,
                            code: Some(format!("{}{role}", country.clone().unwrap_or_default())),
                            country,
                            start: Some(a),
                            end: Some(b),
                        },
                        person: false,
                        pronoun: false,
                    });
                }
            }
        }
        // subject pronouns
        for i in s.tok_start..s.tok_end {
            let w = self.ltok(i);
            if matches!(
                w.as_str(),
                "he" | "she" | "it" | "they" | "its" | "their" | "his" | "we" | "i" | "our" | "my"
            ) && !covered(i)
            {
                let t = self.x.tokens[i];
                extra.push(Mention {
                    t0: i,
                    t1: i + 1,
                    actor: Actor {
                        text: t.text(body).to_string(),
                        canonical: None,
                        code: None,
                        country: None,
                        start: Some(t.start),
                        end: Some(t.end),
                    },
                    person: matches!(w.as_str(), "he" | "she" | "his"),
                    pronoun: true,
                });
            }
        }
        // a name inside a role phrase ("rebels in the Ivory Coast") is part of that actor
        // (role phrases come in token order and do not overlap: the last one starting
        // before a name is the only one that can hold it)
        let roles: Vec<(usize, usize)> = extra
            .iter()
            .filter(|x| !x.pronoun)
            .map(|x| (x.t0, x.t1))
            .collect();
        kept.retain(|m| {
            let k = roles.partition_point(|r| r.0 < m.t0);
            !(k > 0 && m.t1 <= roles[k - 1].1)
        });
        kept.extend(extra);
        kept.sort_by_key(|m| m.t0);
        // a group with no country, placed by the words after it ("Moslem forces in east
        // Bosnia", "refugees from Liberia"): that place's country
        for i in 0..kept.len() {
            let m = &kept[i];
            let role_only = !m.pronoun && countryless(&m.actor);
            if !role_only || !matches!(self.ltok(m.t1).as_str(), "in" | "from") {
                continue;
            }
            let at = m.t1 + 1;
            let place = kept.iter().find(|n| {
                !n.person
                    && !n.pronoun
                    && n.actor.country.is_some()
                    && n.t0 >= at
                    && n.t0 <= at + 2
                    && (at..n.t0).all(|j| {
                        matches!(
                            self.ltok(j).as_str(),
                            "the"
                                | "east"
                                | "west"
                                | "north"
                                | "south"
                                | "eastern"
                                | "western"
                                | "northern"
                                | "southern"
                                | "central"
                        )
                    })
            });
            if let Some(country) = place.and_then(|n| n.actor.country.clone()) {
                let m = &mut kept[i];
                m.actor.code = m.actor.code.as_ref().map(|c| format!("{country}{c}"));
                m.actor.country = Some(country);
            }
        }
        kept
    }

    fn resolve_pronoun(
        &self,
        m: &mut Mention,
        same: &[Mention],
        later: &[Mention],
        prev_events: &[Event],
        prev_mentions: &[Mention],
    ) {
        if !m.pronoun {
            return;
        }
        // "we" and "I" inside a direct quote: its speaker
        if matches!(self.ltok(m.t0).as_str(), "we" | "i" | "our" | "my") {
            let at = self.x.tokens[m.t0].start;
            let speaker = self
                .x
                .quotes
                .iter()
                .filter(|q| {
                    q.kind == dateline_core::QuoteKind::Direct && q.start <= at && at < q.end
                })
                .find_map(|q| q.speaker.as_ref());
            if let Some(sp) = speaker {
                let name = sp.canonical.clone().unwrap_or(sp.text.clone());
                // the speaker's own mention, as coded there ("Kenyan President William Ruto")
                let (sa, sb) = (sp.start.unwrap_or(usize::MAX), sp.end.unwrap_or(0));
                let mentioned = same
                    .iter()
                    .chain(later)
                    .chain(prev_mentions)
                    .filter(|x| !x.pronoun)
                    .find(|x| {
                        x.actor.start.is_some_and(|a| a <= sa)
                            && x.actor.end.is_some_and(|b| b >= sb)
                    })
                    .and_then(|x| x.actor.code.clone());
                let code = mentioned
                    .or_else(|| self.person_code(&name, &name))
                    .or_else(|| {
                        self.k
                            .gazetteer
                            .country_of_name(&name)
                            .map(|c| c.iso3.clone())
                    });
                m.actor.country = code
                    .as_deref()
                    .and_then(|c| code_country(c, self.k.gazetteer));
                m.actor.canonical = Some(name);
                m.actor.code = code;
            }
            return;
        }
        let person = m.person;
        let singular = matches!(
            self.ltok(m.t0).as_str(),
            "it" | "its" | "he" | "she" | "his"
        );
        // coordinated or plural mentions ("the United States and European states") are not "it"
        let plural = |x: &Mention| {
            let prev = if x.t0 > 0 {
                self.ltok(x.t0 - 1)
            } else {
                String::new()
            };
            let prev2 = if x.t0 > 1 {
                self.ltok(x.t0 - 2)
            } else {
                String::new()
            };
            self.ltok(x.t1) == "and"
                || prev == "and"
                || prev == "the" && prev2 == "and"
                || x.actor.text.ends_with("states")
        };
        // in the same sentence, before it: "Chile says it never closes"
        let local = same
            .iter()
            .rev()
            .filter(|x| x.t1 <= m.t0 && !x.pronoun && x.person == person && x.actor.code.is_some())
            .find(|x| !(singular && plural(x)));
        let cand = local.map(|x| x.actor.clone()).or_else(|| {
            prev_events
                .iter()
                .rev()
                .filter_map(|e| e.source.clone())
                .find(|a| {
                    let (lo, hi) = (a.start.unwrap_or(0), a.end.unwrap_or(0) + 1);
                    let is_person =
                        dateline_core::starting_in(self.x.entities, |e| e.start, lo, hi)
                            .iter()
                            .any(|e| {
                                Some(e.start) <= a.end
                                    && a.start <= Some(e.start)
                                    && e.kind == EntityType::Person
                            });
                    is_person == person
                })
        });
        let cand = cand.or_else(|| {
            prev_mentions
                .iter()
                .find(|x| !x.pronoun && x.person == person)
                .map(|x| x.actor.clone())
        });
        if let Some(a) = cand {
            m.actor.canonical = a.canonical.or(Some(a.text));
            m.actor.code = a.code;
            m.actor.country = a.country;
        }
    }

    fn date_for(&self, s: &Sentence, trig: usize) -> (Option<String>, &'static str) {
        let body = self.x.body;
        let trig_b = self.x.tokens[trig].start;
        // (time expressions within 600 bytes of the trigger, as for places)
        let (lo, hi) = (
            s.start.max(trig_b.saturating_sub(600)),
            s.end.min(trig_b + 600),
        );
        let ts: Vec<&TimeExpr> = dateline_core::starting_in(self.x.times, |t| t.start, lo, hi)
            .iter()
            .filter(|t| t.end <= s.end && t.kind.is_anchored())
            .filter(|t| {
                t.value
                    .as_deref()
                    .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
            })
            .collect();
        // same comma segment as the trigger, not introduced by "since"/"after"/"before"
        let seg = |b: usize| {
            let (a, z) = if b < trig_b { (b, trig_b) } else { (trig_b, b) };
            let gap = &body[a..z];
            // a comma, or a new clause ("... and said Ethiopia would ... in April")
            const CLAUSE: &[&str] = &[
                "said", "says", "saying", "told", "added", "which", "who", "when", "while",
                "because", "after", "before", "since",
            ];
            !gap.contains([',', ';'])
                && !gap
                    .split_whitespace()
                    .any(|w| CLAUSE.contains(&w.to_lowercase().as_str()))
        };
        let governed = |t: &TimeExpr| {
            !matches!(
                word_before_time(body, s, t).as_str(),
                "since" | "until" | "before" | "by"
            )
        };
        let best = ts
            .iter()
            .filter(|t| seg(t.start) && governed(t))
            .min_by_key(|t| t.start.abs_diff(trig_b))
            .or_else(|| {
                ts.iter().find(|t| {
                    t.start < trig_b && body[s.start..t.start].split_whitespace().count() <= 1
                })
            });
        match best {
            Some(t) => (
                t.value
                    .as_ref()
                    .map(|v| v.split('T').next().unwrap_or(v).to_string()),
                "text",
            ),
            None => (self.x.published.map(str::to_string), "article"),
        }
    }

    fn place_for(&self, s: &Sentence, trig: usize) -> Option<&Place> {
        let body = self.x.body;
        let trig_b = self.x.tokens[trig].start;
        // a fronted locative ("At the meeting, in the resort of Sochi, X did Y") governs the clause
        let fronted = matches!(self.ltok(s.tok_start).as_str(), "in" | "at");
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
                // "in the West Bank", "in the occupied West Bank", "in northern Kenya"
                for _ in 0..3 {
                    let (rest, last) = pre.rsplit_once([' ', '\n']).unwrap_or(("", pre));
                    let adjective = last.len() > 2
                        && last.chars().all(|c| c.is_lowercase() || c == '-')
                        && !matches!(last, "in" | "at" | "near" | "outside" | "of");
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
                let settlement = matches!(
                    before_of.as_str(),
                    "city"
                        | "town"
                        | "village"
                        | "resort"
                        | "port"
                        | "capital"
                        | "province"
                        | "region"
                        | "district"
                        | "suburb"
                        | "outskirts"
                        | "state"
                );
                matches!(last.as_str(), "in" | "at" | "near" | "outside" | "of")
                    && (last != "of" || settlement)
            })
            .collect::<Vec<_>>();
        if fronted {
            if let Some(p) = cands
                .iter()
                .filter(|p| p.start < trig_b)
                .min_by_key(|p| specificity(p))
            {
                return Some(p);
            }
        }
        cands
            .into_iter()
            .min_by_key(|p| (p.start < trig_b, p.start.abs_diff(trig_b), specificity(p)))
    }
}

/// What a request asks for, what an accusation alleges and the condition a threat sets did
/// not happen as events of their own ("demanded that Israel ease restrictions", "accused the
/// rebels of violating …", "an appeal for deploying troops", "… unless Baghdad accepts"): each
/// such act goes into the `about` list of the event it belongs to (the request, the
/// accusation, the event before it in the sentence) instead of the event list; with no such
/// event it stays, its `mode` saying `requested`, `alleged` or `conditional`. A generic
/// request takes CAMEO's code for what it asks (02x/10x: 1 material cooperation, 2 diplomatic
/// cooperation, 3 aid, 5 yielding, 6 meeting, 8 mediation), with `+content` in its rule.
fn requested_acts(k: &Knowledge, events: &mut Vec<Event>, first: usize, x: &Input, s: &Sentence) {
    let body = x.body;
    let is_request = |e: &Event| matches!(e.cameo.get(..2), Some("02" | "10"));
    // per event: the event it belongs to (if any) and how
    let mut folded: Vec<Option<(Option<usize>, &'static str)>> = vec![None; events.len()];
    let mut refine: Vec<(usize, String)> = Vec::new();
    // the nearest event of the sentence whose trigger ends before byte `t0`
    let previous = |events: &[Event], t0: usize, pick: &dyn Fn(&Event) -> bool| {
        (first..events.len())
            .filter(|&r| pick(&events[r]))
            .filter_map(|r| events[r].trigger.map(|t| (r, t[1])))
            .filter(|&(_, end)| end <= t0)
            .max_by_key(|&(_, end)| end)
            .map(|(r, _)| r)
    };
    for i in first..events.len() {
        if is_request(&events[i]) {
            continue;
        }
        let Some([t0, _]) = events[i].trigger else {
            continue;
        };
        // the nearest request before it, with no clause boundary between
        let governing = (first..events.len())
            .filter(|&r| is_request(&events[r]))
            .filter_map(|r| events[r].trigger.map(|t| (r, t[1])))
            .filter(|&(_, end)| {
                end <= t0
                    && t0 <= s.end
                    && t0 - end <= 160
                    && !body[end..t0].contains([';', '.'])
                    && body[end..t0].split_whitespace().count() <= 12
            })
            .max_by_key(|&(_, end)| end);
        // or a noun for a request right before it ("a proposal for signing a trade pact",
        // "calls for deploying troops"): the content of that request
        let before = tail_text(body, s.start, t0).to_lowercase();
        let tail: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        let asked_for = tail.windows(2).any(|w| {
            matches!(w[0], "for" | "to")
                && matches!(
                    w[1],
                    "proposal"
                        | "proposals"
                        | "appeal"
                        | "appeals"
                        | "call"
                        | "calls"
                        | "request"
                        | "requests"
                        | "demand"
                        | "demands"
                        | "suggestion"
                )
        });
        if asked_for && governing.is_none() {
            folded[i] = Some((previous(events, t0, &|_| true), "requested"));
            continue;
        }
        let Some((r, _)) = governing else { continue };
        folded[i] = Some((Some(r), "requested"));
        let asked = match events[i].cameo.get(..3) {
            Some("045" | "046") => Some('8'),
            _ => match events[i].cameo.get(..2) {
                Some("06") => Some('1'),
                Some("05") => Some('2'),
                Some("07") => Some('3'),
                Some("08") => Some('5'),
                Some("04") => Some('6'),
                _ => None,
            },
        };
        let generic = matches!(events[r].cameo.as_str(), "020" | "021" | "100");
        if let (Some(d), true) = (asked, generic) {
            let prefix = if events[r].cameo.starts_with('1') {
                "10"
            } else {
                "02"
            };
            refine.push((r, format!("{prefix}{d}")));
        }
    }
    for (r, code) in refine {
        if !events[r]
            .rule
            .as_deref()
            .is_some_and(|x| x.contains("+content"))
        {
            recode(k, &mut events[r], &code, "content");
        }
    }
    for i in first..events.len() {
        let Some([t0, _]) = events[i].trigger else {
            continue;
        };
        let before = tail_text(body, s.start, t0).to_lowercase();
        // a condition ("… unless Baghdad accepts its conditions", "if war starts"): an act
        // in an if- or unless-clause
        let clause = before.rsplit([',', ';']).next().unwrap_or("");
        if clause
            .split_whitespace()
            .any(|w| matches!(w, "unless" | "if"))
        {
            folded[i] = Some((previous(events, t0, &|_| true), "condition"));
            continue;
        }
        // what something is for ("a resolution that aims to tighten sanctions", "designed to
        // deter", "in order to protect"): the purpose of the event before it
        let purpose = [
            "aims to",
            "aimed to",
            "aimed at",
            "designed to",
            "intended to",
            "meant to",
            "order to",
        ]
        .iter()
        .any(|p| {
            // the phrase, then at most a verb before the trigger ("aims to tighten sanctions")
            let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
            let tail = last.into_iter().rev().collect::<Vec<_>>().join(" ");
            tail.ends_with(p) || tail.starts_with(p) || tail.contains(&format!("{p} "))
        });
        if purpose {
            if let Some(h) = previous(events, t0, &|_| true) {
                folded[i] = Some((Some(h), "purpose"));
                continue;
            }
        }
        // what someone is accused of ("accused the rebels of violating the ceasefire",
        // "suspected of blowing up a plane", "charging its neighbour with supporting …")
        if events[i].cameo.starts_with("11") {
            continue;
        }
        let words: Vec<&str> = before.split_whitespace().rev().take(7).collect();
        let linked = words
            .first()
            .is_some_and(|w| matches!(*w, "of" | "with" | "for"));
        let accusing = words.iter().skip(1).any(|w| {
            [
                "accus", "suspect", "charg", "blam", "convict", "indict", "alleg",
            ]
            .iter()
            .any(|p| w.starts_with(p))
        });
        if linked && accusing {
            let accusation = previous(events, t0, &|e: &Event| e.cameo.starts_with("11"));
            folded[i] = Some((accusation, "alleged"));
        }
    }
    // a protest's demands are its purpose, not a request of their own ("demonstrated in
    // Kirkuk, calling for independence", "a hunger strike to demand the resignation")
    for i in first..events.len() {
        let Some([t0, t1]) = events[i].trigger else {
            continue;
        };
        let protest = previous(events, t0, &|e: &Event| e.cameo.starts_with("14"));
        let Some(p) = protest else { continue };
        let p_end = events[p].trigger.map_or(t0, |t| t[1]);
        let word = body[t0..t1]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let purpose = word.ends_with("ing")
            || tail_text(body, s.start, t0)
                .trim_end()
                .to_lowercase()
                .ends_with(" to");
        if is_request(&events[i])
            && purpose
            && t0 - p_end.min(t0) <= 400
            && !body[p_end.min(t0)..t0].contains([';', '.'])
        {
            folded[i] = Some((Some(p), "requested"));
        }
    }
    // an act coordinated with a folded one shares its fate ("aims to tighten sanctions and
    // impose a blockade", "demanded that X withdraw and pay")
    for i in first..events.len() {
        if folded[i].is_some() {
            continue;
        }
        let Some([t0, _]) = events[i].trigger else {
            continue;
        };
        let Some(p) = previous(events, t0, &|_| true) else {
            continue;
        };
        let (Some(f), Some([_, p_end])) = (folded[p], events[p].trigger) else {
            continue;
        };
        if t0 - p_end.min(t0) > 80 {
            continue;
        }
        let gap = &body[p_end.min(t0)..t0];
        if gap.split_whitespace().any(|w| w == "and")
            && gap.split_whitespace().count() <= 6
            && !gap.contains([',', ';', '.'])
        {
            folded[i] = Some(f);
        }
    }
    // attach each folded act to the kept event it belongs to (following chains: an act
    // folded into one that is folded itself), else keep it, flagged
    let mut drop = vec![false; events.len()];
    for i in first..events.len() {
        let Some((host, relation)) = folded[i] else {
            continue;
        };
        let mut h = host;
        for _ in 0..8 {
            match h.and_then(|x| folded[x].map(|f| f.0)) {
                Some(next) => h = next,
                None => break,
            }
        }
        let h = h.filter(|&x| x != i && folded[x].is_none());
        match h {
            Some(h) => {
                let content = EventContent {
                    relation: relation.to_string(),
                    cameo: events[i].cameo.clone(),
                    plover: events[i].plover.clone(),
                    trigger: events[i].trigger,
                    target: events[i].target.clone(),
                };
                if !events[h].about.contains(&content) {
                    events[h].about.push(content);
                }
                drop[i] = true;
            }
            None => {
                events[i].mode = Some(
                    match relation {
                        "condition" => "conditional",
                        other => other,
                    }
                    .to_string(),
                );
            }
        }
    }
    let mut j = 0;
    events.retain(|_| {
        j += 1;
        !drop[j - 1]
    });
}

/// The text of `body[from..to]`, at most its last 200 bytes (on a character boundary): the
/// words right before a trigger, without scanning a 5,000-word sentence for each event.
fn tail_text(body: &str, from: usize, to: usize) -> &str {
    let mut a = from.min(to).max(to.saturating_sub(200));
    while a < to && !body.is_char_boundary(a) {
        a += 1;
    }
    &body[a..to]
}

/// The country the article is about: the one its named places are in at least twice as often
/// as any other's.
fn focus_country(places: &[Place]) -> Option<String> {
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

/// A role or group code with no country ("REB", "MIL", "MUSUAF": CAMEO's MUS is Muslims
/// there, not Mauritius), and no international organisation or movement ("IGOUNO",
/// "IMGMUSALQ").
fn countryless(a: &Actor) -> bool {
    a.country.is_none()
        && a.code.as_deref().is_some_and(|c| {
            !c.is_empty()
                && !["IGO", "NGO", "MNC", "IMG", "UIS"]
                    .iter()
                    .any(|p| c.starts_with(p))
        })
}

/// CAMEO code of a group word ("European" -> EUR), from data/nlp/group-demonyms.tsv.
fn group_code(text: &str) -> String {
    static GROUPS: std::sync::OnceLock<Vec<(String, String, String)>> = std::sync::OnceLock::new();
    let g = GROUPS.get_or_init(Lexicon::group_words);
    g.iter()
        .find(|(w, _, c)| w == text && !c.is_empty())
        .map(|(_, _, c)| c.clone())
        .unwrap_or_else(|| "---".into())
}

/// The intent code for a cooperative action that is only promised: meet → 036, diplomatic
/// cooperation → 032, material cooperation → 031, aid → 033, yield → 035 (CAMEO's 03 root).
/// Other codes and asserted events keep their code.
pub fn intent_code(cameo: &str, mode: &str) -> String {
    if mode != "intended" {
        return cameo.to_string();
    }
    // a conflictual act announced is a threat of it (CAMEO 13: statements of intent to carry
    // out conflictual actions): "would boycott" 1312, "will withdraw inspectors" 136
    let threat = match cameo {
        "160" | "161" => Some("1313"),
        "162" | "1621" | "1622" | "1623" => Some("1311"),
        "163" => Some("1312"),
        "164" => Some("134"),
        "165" => Some("135"),
        c if c.starts_with("166") => Some("136"),
        "172" => Some("132"),
        "191" => Some("1381"),
        "192" => Some("1382"),
        c if c.starts_with("14") => Some("133"),
        c if matches!(c.get(0..2), Some("16" | "17" | "18" | "19" | "20")) => Some(threat_code(c)),
        _ => None,
    };
    if let Some(t) = threat {
        return t.to_string();
    }
    match cameo.get(0..2) {
        Some("04") => "036",
        Some("05") => "032",
        Some("06") => "031",
        Some("07") => "033",
        Some("08") => "035",
        _ => cameo,
    }
    .to_string()
}

/// Lower is more specific: cities before divisions before countries before regions.
fn specificity(p: &Place) -> u8 {
    match p.feature.as_deref() {
        Some(f) if f.starts_with("PPL") => 0,
        Some("ADM1") => 1,
        Some("PCLI") => 2,
        _ => 3,
    }
}

/// Give an event another CAMEO code, with the PLOVER type, Goldstein score and quad class
/// that go with it.
fn recode(k: &Knowledge, e: &mut Event, cameo: &str, why: &str) {
    let p = k.ontology.plover_of(cameo);
    e.cameo = cameo.to_string();
    e.plover = p.map(|r| r.kind.clone());
    e.plover_mode = p.and_then(|r| r.mode.clone());
    e.plover_context = p.and_then(|r| r.context.clone());
    e.quad_class = quad_class(cameo);
    e.goldstein = k.ontology.goldstein_of(cameo);
    if let Some(r) = &mut e.rule {
        r.push_str(&format!(" +{why}"));
    }
}

/// The threat that matches what is threatened: force (18-20) 138, repression (17) 137,
/// cutting relations or aid (16) 131, else 130.
fn threat_code(threatened: &str) -> &'static str {
    match threatened.get(..2) {
        Some("18" | "19" | "20") => "138",
        Some("17") => "137",
        Some("16") => "131",
        _ => "130",
    }
}

/// Threats and military force in one sentence's events (from `first` on):
/// - what is threatened ("threatened to impose restrictions") did not happen: it refines the
///   threat's code and is dropped;
/// - a conflictual act under a condition ("will boycott the vote unless …") is a threat;
/// - violence by armed forces ("Serb forces killed …", "aircraft killed …") is fighting (19x),
///   not assault (18x).
fn threats_and_force(
    k: &Knowledge,
    words: &[String],
    s: &Sentence,
    x: &Input,
    events: &mut Vec<Event>,
    first: usize,
) {
    let tok_of = |b: usize| x.tokens.partition_point(|t| t.start < b);
    let trig_tok = |e: &Event| e.trigger.map(|t| tok_of(t[0])).unwrap_or(0);
    // the threat's complement: events triggered within ten tokens after a threat
    let threats: Vec<(usize, usize)> = events[first..]
        .iter()
        .enumerate()
        .filter(|(_, e)| e.cameo.starts_with("13"))
        .map(|(i, e)| (first + i, trig_tok(e)))
        .collect();
    let mut drop = vec![false; events.len()];
    for &(ti, tt) in &threats {
        for j in first..events.len() {
            let tj = trig_tok(&events[j]);
            if j != ti && !events[j].cameo.starts_with("13") && tj > tt && tj <= tt + 10 {
                let code = threat_code(&events[j].cameo);
                if events[ti].cameo == "130" && code != "130" {
                    let mut t = events[ti].clone();
                    recode(k, &mut t, code, "threatened-act");
                    events[ti] = t;
                }
                drop[j] = true;
            }
        }
    }
    // cooperation that is refused or fails ("will not accept refugees", "failed to reach
    // agreement") is a rejection, which did happen (CAMEO 12; its own negation is spent)
    for e in events.iter_mut().skip(first) {
        let root: u8 = e.cameo.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
        if e.negated && (3..=8).contains(&root) {
            let code = match root {
                4 => "125",     // refuse to meet or negotiate
                5 | 6 => "121", // reject cooperation
                7 => "122",     // reject a request for aid
                _ => "120",
            };
            recode(k, e, code, "refused-cooperation");
            e.negated = false;
        }
    }
    let unless = words
        .iter()
        .position(|w| w == "unless")
        .map(|i| s.tok_start + i);
    const AERIAL: &[&str] = &[
        "aircraft",
        "jets",
        "warplanes",
        "helicopters",
        "gunships",
        "drones",
        "drone",
        "predator",
    ];
    const GROUND: &[&str] = &[
        "forces",
        "troops",
        "army",
        "soldiers",
        "military",
        "artillery",
        "navy",
        "tanks",
    ];
    let military = |w: &str| AERIAL.contains(&w) || GROUND.contains(&w);
    for (j, e) in events.iter_mut().enumerate().skip(first) {
        if drop[j] {
            continue;
        }
        let root: u8 = e.cameo.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
        let tj = trig_tok(e);
        if (10..=20).contains(&root) && unless.is_some_and(|u| u > tj) {
            if root != 13 {
                let code = threat_code(&e.cameo);
                recode(k, e, code, "conditional");
            }
            // an announced act already coded as its threat keeps that code
            e.mode = Some("conditional".into());
            continue;
        }
        // killing and attacking by armed forces is fighting; abduction, torture, assault or
        // assassination stay one-sided violence whoever does them
        if matches!(e.cameo.as_str(), "180" | "1823") {
            let src_mil = e.source.as_ref().is_some_and(|a| {
                a.code.as_deref().is_some_and(|c| c.contains("MIL"))
                    || a.text
                        .split_whitespace()
                        .any(|w| military(&w.to_lowercase()))
            });
            // the words of the trigger's clause before it (at most 20)
            let end = tj.saturating_sub(s.tok_start).min(words.len());
            let before = &words[end.saturating_sub(20)..end];
            let by_air = before.iter().any(|w| AERIAL.contains(&w.as_str()));
            let armed = src_mil || before.iter().any(|w| military(w));
            // a bombing, or an attack by rebels or militants, is unconventional violence
            // even against soldiers ("guerrillas wounded two soldiers in a bomb attack")
            let near_words = &words[end.saturating_sub(20)..(end + 20).min(words.len())];
            let bombing = near_words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "bomb"
                        | "bombs"
                        | "bomber"
                        | "bombers"
                        | "car-bomb"
                        | "explosion"
                        | "blast"
                        | "explosives"
                        | "explosive"
                        | "roadside"
                        | "suicide"
                )
            });
            let irregular = e.source.as_ref().is_some_and(|a| {
                a.code
                    .as_deref()
                    .is_some_and(|c| ["REB", "INS", "UAF", "SEP"].iter().any(|r| c.contains(r)))
            });
            if armed && !bombing && !irregular {
                recode(k, e, if by_air { "195" } else { "190" }, "armed-forces");
            }
        }
    }
    let mut j = 0;
    events.retain(|_| {
        j += 1;
        !drop[j - 1]
    });
}

fn event_place(p: &Place) -> EventPlace {
    EventPlace {
        name: p.name.clone(),
        lat: p.lat,
        lon: p.lon,
        country: p.country.clone(),
        geonameid: p.geonameid,
        feature: p.feature.clone(),
    }
}

fn actor_key(a: &Option<Actor>) -> String {
    match a {
        Some(a) => a
            .code
            .clone()
            .or(a.canonical.clone())
            .unwrap_or_else(|| a.text.clone()),
        None => String::new(),
    }
}

/// Code the events of one article.
pub fn code(k: &Knowledge, x: &Input) -> Vec<Event> {
    let c = Coder {
        k,
        x,
        day: day_of(x.published),
        focus: focus_country(x.places),
    };
    let body = x.body;
    let mut events: Vec<Event> = Vec::new();
    let mut prev_mentions: Vec<Mention> = Vec::new();
    let mut known: std::collections::HashMap<String, (String, Option<String>)> = Default::default();
    // each sentence's words in lower case, for dating events by reference
    let mut sentence_words: Vec<Vec<String>> = Vec::with_capacity(x.sentences.len());
    for s in x.sentences {
        let mut ms = c.mentions(s);
        for i in 0..ms.len() {
            let (before, rest) = ms.split_at_mut(i);
            let (this, later) = rest.split_at_mut(1);
            c.resolve_pronoun(&mut this[0], before, later, &events, &prev_mentions);
        }
        // a name coded once in the article ("Kenyan President William Ruto") keeps its code
        // when it comes back bare ("Ruto")
        for m in ms.iter_mut() {
            if let Some(canon) = m.actor.canonical.clone() {
                match (&m.actor.code, known.get(&canon)) {
                    (None, Some((code, country))) => {
                        m.actor.code = Some(code.clone());
                        m.actor.country = country.clone();
                    }
                    (Some(code), None) if !m.pronoun && code.len() > 3 => {
                        known.insert(canon, (code.clone(), m.actor.country.clone()));
                    }
                    _ => {}
                }
            }
        }
        let words: Vec<String> = (s.tok_start..s.tok_end)
            .map(|i| lower(body, &x.tokens[i]))
            .collect();
        let wref: Vec<&str> = words.iter().map(String::as_str).collect();
        let matches = k.patterns.find(&wref);
        let sent_events_start = events.len();
        let evidence = body[s.start..s.end].to_string();
        for m in &matches {
            let pat = &k.patterns.list[m.pattern];
            // "a visit that ...", "their arms": a noun, not the verb a one-word pattern means
            let det_before = m.start >= 1
                && matches!(
                    words[m.start - 1].as_str(),
                    "a" | "an"
                        | "the"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "this"
                        | "that"
                        | "by"
                        | "via"
                );
            let one_word = pat
                .elems
                .iter()
                .filter(|e| matches!(e, crate::patterns::Elem::Words(_)))
                .count()
                == 1;
            // "conceded to demands", "agreed to calls": a plural noun after "to"
            let noun_after_to = m.start >= 1
                && words[m.start - 1] == "to"
                && words[m.start].ends_with('s')
                && !words[m.start].ends_with("ss");
            if (det_before || noun_after_to) && one_word {
                continue;
            }
            let trig = s.tok_start + m.start;
            let trig_end = s.tok_start + m.end;
            // the mentions within 80 tokens of the trigger: a verb's actors are near it, and
            // a 5,000-word sentence stays linear
            let ms = {
                let lo = ms.partition_point(|x| x.t0 + 80 < trig);
                let hi = ms.partition_point(|x| x.t0 <= trig_end + 80);
                &ms[lo..hi.max(lo)]
            };
            // a word of an actor's name or role ("Liberian riot police") is no verb
            let in_actor = ms.iter().any(|x| {
                !x.pronoun && x.t0 <= s.tok_start + m.start && s.tok_start + m.start < x.t1
            });
            if in_actor && one_word {
                continue;
            }
            // target
            let mut target = m.target_at.and_then(|t| {
                let t = s.tok_start + t;
                ms.iter().find(|x| {
                    let only_dets = (t..x.t0.max(t)).all(|i| {
                        matches!(
                            c.ltok(i).as_str(),
                            "the"
                                | "a"
                                | "an"
                                | "his"
                                | "her"
                                | "its"
                                | "their"
                                | "our"
                                | "two"
                                | "three"
                                | "several"
                                | "some"
                        )
                    });
                    (x.t0 >= t && x.t0 <= t + 3 && only_dets && !x.pronoun)
                        || (x.t0 < t && x.t1 > t)
                })
            });
            // the trigger in its base form ("blockade", "attacks") may be a noun
            let noun_trigger = {
                let t = words[m.start].as_str();
                pat.text
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .split('|')
                    .map(|l| l.trim_matches(['{', '}']))
                    .any(|l| {
                        t == l
                            || t.strip_suffix('s')
                                .is_some_and(|b| b == l || b == format!("{l}e"))
                    })
            };
            // passive: "was attacked by X"
            // (the agent may come a clause later: "has been accused of misusing funds …, by
            // government officials")
            let passive_aux = trig > s.tok_start
                && matches!(
                    words[m.start - 1].as_str(),
                    "was" | "were" | "been" | "being" | "is" | "are"
                )
                // "is investigating" is active
                && !words[m.start].ends_with("ing");
            let by_at = passive_aux
                .then(|| {
                    (m.end..words.len().min(m.end + 25))
                        .take_while(|&j| !matches!(words[j].as_str(), ";" | "." | "said"))
                        .find(|&j| words[j] == "by")
                        .filter(|&j| {
                            j == m.end
                                || ms
                                    .iter()
                                    .any(|x| x.t0 > s.tok_start + j && x.t0 <= s.tok_start + j + 3)
                        })
                })
                .flatten();
            let passive = by_at.is_some();
            let mut source = if let Some(j) = by_at {
                let by = s.tok_start + j;
                let src = ms.iter().find(|x| x.t0 > by && x.t0 <= by + 3);
                target = ms.iter().rev().find(|x| x.t1 <= trig);
                src
            } else {
                // coordinated verb: ", and thanked" takes the previous event's source
                let coord =
                    m.start >= 1 && words[m.start - 1] == "and" && events.len() > sent_events_start;
                if coord {
                    None
                } else {
                    let near = ms
                        .iter()
                        .rev()
                        .filter(|x| x.t1 <= trig)
                        .filter(|x| target.is_none_or(|t| t.t0 != x.t0))
                        // a role word modifying the trigger noun ("the naval blockade", "a
                        // police crackdown") is no actor
                        .filter(|x| {
                            !(x.t1 == trig
                                && noun_trigger
                                && x.actor.canonical.is_none()
                                && !x.pronoun
                                && x.t0 > s.tok_start
                                && matches!(
                                    c.ltok(x.t0 - 1).as_str(),
                                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                                ))
                        })
                        .find(|x| {
                            x.t0 == s.tok_start
                                || !PREPOSITIONS.contains(&c.ltok(x.t0 - 1).as_str())
                                || c.after_partitive(x.t0)
                        });
                    // inside an apposition ("Pakistan, a key U.S. ally …, has refused"): the
                    // actor the apposition describes
                    near.map(|x| {
                        ms.iter()
                            .filter(|y| y.t1 < x.t0 && x.t0 - y.t1 <= 30 && !y.pronoun)
                            .filter(|y| c.tok(y.t1) == ",")
                            .filter(|y| {
                                matches!(c.ltok(y.t1 + 1).as_str(), "a" | "an" | "the" | "its")
                                    || matches!(c.tok(y.t1 + 2), "'s" | "\u{2019}s")
                            })
                            .find(|y| {
                                let commas: Vec<usize> =
                                    (y.t1 + 1..trig).filter(|&k| c.ltok(k) == ",").collect();
                                commas.len() == 1 && commas[0] >= x.t1
                            })
                            .unwrap_or(x)
                    })
                }
            };
            // "$T must" ("X said Y must …"): the target is the actor right before the pattern,
            // the source the sentence's subject
            if pat.target_before {
                let obliged = ms
                    .iter()
                    .rev()
                    // a pronoun resolved to its actor stands for it ("Iraq that it must")
                    .find(|x| {
                        x.t1 <= trig && trig - x.t1 <= 1 && (!x.pronoun || x.actor.code.is_some())
                    });
                if let Some(o) = obliged {
                    target = Some(o);
                    source = ms
                        .iter()
                        .find(|x| x.t1 <= o.t0 && !x.pronoun)
                        .filter(|x| x.t0 == s.tok_start || c.ltok(x.t0 - 1) == "the");
                }
            }
            let coord_source = (source.is_none()
                && !passive
                && m.start >= 1
                && words[m.start - 1] == "and"
                && events.len() > sent_events_start)
                .then(|| events[events.len() - 1].source.clone())
                .flatten();
            if source.is_none() && coord_source.is_none() && !passive && pat.text.contains(" of ") {
                // nothing before: the first actor after the pattern ("Critics of X, among them Y")
                let after = trig_end;
                source = ms
                    .iter()
                    .filter(|x| x.t0 >= after && target.is_none_or(|t| t.t0 != x.t0))
                    .find(|x| !PREPOSITIONS.contains(&c.ltok(x.t0 - 1).as_str()) && !x.pronoun);
            }
            // coordination: "the United States and European states"
            let group = |first: Option<&Mention>| -> Vec<Option<Actor>> {
                let Some(f) = first else { return vec![None] };
                let mut v = vec![Some(f.actor.clone())];
                let mut cur = f.t1;
                loop {
                    let conj = c.ltok(cur);
                    if conj != "and" && conj != "," {
                        break;
                    }
                    match ms
                        .iter()
                        .find(|x| x.t0 == cur + 1 || x.t0 == cur + 2 && c.ltok(cur + 1) == "the")
                    {
                        Some(n) if !n.pronoun => {
                            v.push(Some(n.actor.clone()));
                            cur = n.t1;
                        }
                        _ => break,
                    }
                }
                // and back: "U.S. and Russian negotiators" found from "Russian negotiators"
                // (over "and" only: "in the resort of Sochi, Assad congratulated" is no pair)
                let mut cur = f.t0;
                while cur >= 1 && c.ltok(cur - 1) == "and" {
                    match ms.iter().find(|x| x.t1 + 1 == cur && !x.pronoun) {
                        Some(n) => {
                            v.insert(0, Some(n.actor.clone()));
                            cur = n.t0;
                        }
                        None => break,
                    }
                }
                v
            };
            // no target at a slot: the first actor after the trigger in the same clause (the
            // object of the verb, or of its complement: "offered to hand over to Great Britain")
            if target.is_none() && !passive {
                // (also what is investigated or criticised: "investigating crimes by X")
                let asks_or_rejects =
                    matches!(pat.cameo.get(..2), Some("02" | "09" | "10" | "11" | "12"));
                let src_t0 = source.map(|x| x.t0);
                // in a fronted subordinate clause ("Since the talks began ..., Smith has")
                // the clause ends at the first comma
                let fronted = matches!(
                    words[0].as_str(),
                    "since"
                        | "after"
                        | "when"
                        | "while"
                        | "although"
                        | "though"
                        | "as"
                        | "if"
                        | "before"
                        | "because"
                        | "once"
                        | "until"
                );
                target = ms
                    .iter()
                    .filter(|x| {
                        x.t0 > trig && x.t0 <= trig_end + 12 && Some(x.t0) != src_t0 && !x.pronoun
                    })
                    // a possessive modifies another noun ("in Smith's favour"), unless it is
                    // the verb's object itself ("to protest Assad's failure")
                    .filter(|x| !matches!(c.tok(x.t1), "'s" | "\u{2019}s") || x.t0 <= trig_end + 1)
                    .find(|x| {
                        (trig + 1..x.t0).all(|i| {
                            const STOP: &[&str] = &[
                                ";", "said", "says", "told", "but", "while", "whereas", "\"", "by",
                            ];
                            let w = c.ltok(i);
                            // a comma opening a new phrase ("…, arresting opponents, a
                            // spokeswoman for the embassy said") ends the verb's reach
                            let comma_stop = w == ","
                                && (fronted
                                    || matches!(
                                        c.ltok(i + 1).as_str(),
                                        "a" | "an" | "the" | "his" | "her" | "its" | "their"
                                    ));
                            // what is demanded or rejected names its agent after "by" ("demanded
                            // an admission by Moscow", "rejected calls by Annan")
                            let agent_by = w == "by" && asks_or_rejects;
                            !comma_stop && (agent_by || !STOP.contains(&w.as_str()))
                        })
                    });
            }
            // the source's own people ("offered its troops to X", "withdraw their forces
            // from X") are what the act moves, not its target: the actor after "to"/"from"
            if let Some(t) = target.filter(|t| c.own_agent(t, &pat.cameo)) {
                target = ms.iter().find(|x| {
                    x.t0 > t.t1
                        && x.t0 <= t.t1 + 6
                        && !x.pronoun
                        && (t.t1..x.t0).any(|i| {
                            matches!(c.ltok(i).as_str(), "to" | "from" | "against" | "into")
                        })
                        && (t.t1..x.t0).all(|i| !matches!(c.ltok(i).as_str(), "," | ";"))
                });
            }
            let sources = match coord_source {
                Some(a) => vec![Some(a)],
                None => group(source),
            };
            let targets = group(target);
            // negation and mode in the four tokens before the trigger
            let win = m.start.saturating_sub(4)..m.start;
            let negated = words[win.clone()]
                .iter()
                .any(|w| NEGATORS.contains(&w.as_str()));
            // "agreed in principle on Saturday to provide": an intent verb whose infinitive
            // is the trigger, a few words back
            let infinitive_of_intent = m.start >= 1
                && words[m.start - 1] == "to"
                && words[m.start.saturating_sub(8)..m.start - 1]
                    .iter()
                    .any(|w| INTENT.contains(&w.as_str()));
            // "agreed to …" governs what follows in its clause, not an act after "after",
            // "but" or a comma ("agreed to a ceasefire after two days of fighting")
            let clause_start = (0..m.start)
                .rev()
                .find(|&j| {
                    matches!(
                        words[j].as_str(),
                        "," | ";"
                            | "after"
                            | "before"
                            | "but"
                            | "while"
                            | "when"
                            | "because"
                            | "since"
                            | "following"
                    )
                })
                .map_or(0, |j| j + 1);
            let mode = if words[win.clone()]
                .iter()
                .any(|w| INTENT.contains(&w.as_str()))
                || words[clause_start..m.start]
                    .windows(2)
                    .any(|p| p[1] == "to" && INTENT.contains(&p[0].as_str()))
                || infinitive_of_intent
            {
                "intended"
            } else if words[clause_start..m.start]
                .iter()
                .any(|w| HYPOTHETICAL.contains(&w.as_str()))
            {
                "hypothetical"
            } else {
                "asserted"
            };
            let (date, date_source) = c.date_for(s, trig);
            let clause_place = c.place_for(s, trig);
            let place = clause_place.map(event_place);
            // a violent or coercive act with no one named as its target falls on the place it
            // happens in ("exploded bombs in Kabul", "reimposed blockades in the West Bank")
            let mut place_target = false;
            let mut targets = targets;
            // protesters, police or refugees with no country act where they are
            // ("demonstrators in Monrovia"): the clause place's country
            let mut sources = sources;
            // (else the article's country: for a source, and for a target of no act of force
            // — "Russia bombed civilians" in a story from Moscow are not Russian civilians)
            let here = clause_place.and_then(|p| p.country.as_deref());
            let forceful = matches!(pat.cameo.get(..2), Some("18" | "19" | "20"));
            let place_role = |a: &mut Actor, pc: &str| {
                if countryless(a) && a.code.as_deref().is_some_and(|c| c.len() == 3) {
                    a.code = a.code.as_ref().map(|c| format!("{pc}{c}"));
                    a.country = Some(pc.to_string());
                }
            };
            for a in sources.iter_mut().flatten() {
                if let Some(pc) = here.or(c.focus.as_deref()) {
                    place_role(a, pc);
                }
            }
            for a in targets.iter_mut().flatten() {
                if let Some(pc) = here.or(c.focus.as_deref().filter(|_| !forceful)) {
                    place_role(a, pc);
                }
            }
            let material_conflict = matches!(
                pat.cameo.get(..2),
                Some("14" | "15" | "17" | "18" | "19" | "20")
            );
            // violence no one is named for ("a car bomb killed a journalist in Beirut"):
            // unidentified armed men of the place (CAMEO UAF, unaligned armed forces)
            let mut unidentified = false;
            if matches!(pat.cameo.get(..2), Some("18" | "19" | "20"))
                && sources.iter().all(Option::is_none)
            {
                if let Some(pc) = clause_place.and_then(|p| p.country.as_deref()) {
                    sources = vec![Some(Actor {
                        text: "unidentified attackers".into(),
                        canonical: None,
                        code: Some(format!("{pc}UAF")),
                        country: Some(pc.to_string()),
                        start: None,
                        end: None,
                    })];
                    unidentified = true;
                }
            }
            // (a target that is the source itself counts as none: "Israel … the deaths of two
            // Israelis")
            let own = |t: &Option<Actor>| {
                t.as_ref().is_none_or(|t| {
                    sources.iter().flatten().any(|s| {
                        s.code == t.code
                            && s.canonical.as_ref().unwrap_or(&s.text)
                                == t.canonical.as_ref().unwrap_or(&t.text)
                    })
                })
            };
            if material_conflict && targets.iter().all(own) {
                if let Some(p) = clause_place.filter(|p| p.country.is_some()) {
                    targets = vec![Some(Actor {
                        text: p.text.clone(),
                        canonical: Some(p.name.clone()),
                        code: p.country.clone(),
                        country: p.country.clone(),
                        start: Some(p.start),
                        end: Some(p.end),
                    })];
                    place_target = true;
                }
            }
            // CAMEO codes what is promised, not done, as an intent (03x): "will provide aid"
            let cameo = if negated {
                pat.cameo.clone()
            } else {
                intent_code(&pat.cameo, mode)
            };
            let plover = k.ontology.plover_of(&cameo);
            for src in &sources {
                for tgt in &targets {
                    let same = |a: &Option<Actor>, b: &Option<Actor>| match (a, b) {
                        (Some(a), Some(b)) => {
                            a.code == b.code
                                && a.canonical.as_ref().unwrap_or(&a.text)
                                    == b.canonical.as_ref().unwrap_or(&b.text)
                        }
                        _ => false,
                    };
                    // an actor is not its own target ("Israel … the deaths of two Israelis"):
                    // the event stands without one, unless another target is there
                    let tgt = if same(src, tgt) {
                        if targets.len() > 1 {
                            continue;
                        }
                        &None
                    } else {
                        tgt
                    };
                    if src.is_none() && tgt.is_none() {
                        continue; // an event needs at least one actor (as in GDELT)
                    }
                    // troops arriving somewhere are deployed, not visiting ("peacekeeping
                    // troops have arrived in Bosnia")
                    let troops = |w: &str| TROOPS.contains(&w.to_lowercase().as_str());
                    let armed = |a: &Option<Actor>| {
                        a.as_ref().is_some_and(|a| {
                            a.code
                                .as_deref()
                                .is_some_and(|c| c.contains("MIL") || c.contains("PKO"))
                                || a.text.split_whitespace().any(troops)
                        })
                    };
                    let troops_before = words[m.start.saturating_sub(4)..m.start]
                        .iter()
                        .any(|w| troops(w));
                    if cameo.starts_with("042") && (armed(src) || troops_before) {
                        continue;
                    }
                    // a meeting or a call needs someone met ("the cabinet met on Sunday" is
                    // no interaction), unless the sources meet each other ("U.S. and Russian
                    // negotiators return for talks")
                    if tgt.is_none()
                        && sources.len() < 2
                        && matches!(cameo.get(..3), Some("040" | "041" | "043"))
                    {
                        continue;
                    }
                    let mut conf: f64 = 0.4;
                    if src.as_ref().is_some_and(|a| a.code.is_some()) {
                        conf += 0.25;
                    }
                    if tgt.as_ref().is_some_and(|a| a.code.is_some()) {
                        conf += 0.2;
                    }
                    if pat.elems.len() > 1 {
                        conf += 0.1;
                    }
                    events.push(Event {
                        cameo: cameo.clone(),
                        plover: plover.map(|r| r.kind.clone()),
                        plover_mode: plover.and_then(|r| r.mode.clone()),
                        plover_context: plover.and_then(|r| r.context.clone()),
                        quad_class: quad_class(&cameo),
                        goldstein: k.ontology.goldstein_of(&cameo),
                        source: src.clone(),
                        target: tgt.clone(),
                        date: date.clone(),
                        date_source: Some(date_source.to_string()),
                        place: place.clone(),
                        sentence: [s.start, s.end],
                        evidence: evidence.clone(),
                        negated,
                        mode: Some(mode.to_string()),
                        confidence: (conf.min(0.95) * 100.0).round() / 100.0,
                        rule: Some(format!(
                            "pattern:{} {}{}{}",
                            pat.cameo,
                            pat.text,
                            if place_target && tgt.is_some() {
                                " +target:place"
                            } else {
                                ""
                            },
                            if unidentified {
                                " +source:unidentified"
                            } else {
                                ""
                            }
                        )),
                        trigger: Some([
                            x.tokens[trig].start,
                            x.tokens[trig_end.max(trig + 1) - 1].end,
                        ]),
                        about: Vec::new(),
                    });
                }
            }
        }
        threats_and_force(k, &words, s, x, &mut events, sent_events_start);
        requested_acts(k, &mut events, sent_events_start, x, s);
        // a visit implies its host
        let n = events.len();
        for i in sent_events_start..n {
            let e = &events[i];
            if e.cameo == "042" && e.source.is_some() && e.target.is_some() {
                let mut h = e.clone();
                std::mem::swap(&mut h.source, &mut h.target);
                h.cameo = "043".into();
                let p = k.ontology.plover_of("043");
                h.plover = p.map(|r| r.kind.clone());
                h.goldstein = k.ontology.goldstein_of("043");
                h.mode = Some("implied".into());
                h.rule = Some("implied:visit-host".into());
                h.confidence = (e.confidence - 0.1).max(0.1);
                events.push(h);
            }
        }
        // "The previous occasion was in November last year": the last event again, re-dated
        if matches.is_empty() {
            let anaphor = wref.windows(2).any(|p| {
                matches!(p[0], "previous" | "last" | "earlier" | "first" | "prior")
                    && matches!(p[1], "occasion" | "visit" | "trip" | "time" | "meeting")
            });
            let when = x.times.iter().find(|t| {
                t.start >= s.start
                    && t.end <= s.end
                    && t.kind == dateline_core::TimeKind::Date
                    && t.value
                        .as_deref()
                        .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
            });
            if let (true, Some(t)) = (anaphor, when) {
                if let Some(last) = events[..sent_events_start]
                    .iter()
                    .rev()
                    .find(|e| e.mode.as_deref() != Some("implied"))
                    .cloned()
                {
                    let mut e = last;
                    if e.target.is_none() {
                        e.target = events[..sent_events_start]
                            .iter()
                            .rev()
                            .find(|o| {
                                o.cameo == e.cameo
                                    && actor_key(&o.source) == actor_key(&e.source)
                                    && o.target.is_some()
                            })
                            .and_then(|o| o.target.clone());
                    }
                    e.date = t.value.clone();
                    e.date_source = Some("text".into());
                    e.sentence = [s.start, s.end];
                    e.evidence = evidence.clone();
                    e.rule = Some("anaphora:previous-occasion".into());
                    e.confidence = (e.confidence - 0.2).max(0.1);
                    e.trigger = None;
                    events.push(e);
                }
            }
        }
        prev_mentions = ms;
        sentence_words.push(words);
    }
    dated_by_reference(&mut events, x, &sentence_words);
    merge(events)
}

/// The word before a time expression in its sentence, in lower case ("since" of "since
/// 2011"): what it says of whether the time dates the sentence's acts.
fn word_before_time(body: &str, s: &Sentence, t: &TimeExpr) -> String {
    body[s.start..t.start]
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// Kinds of event a noun names, for dating a definite reference ("the meeting") by the
/// sentence that dated an event of its kind ("talks on Thursday").
fn event_noun_kind(w: &str) -> Option<u8> {
    Some(match w {
        "meeting" | "talks" | "summit" | "visit" | "trip" | "conference" | "negotiations"
        | "encounter" => 0,
        "attack" | "attacks" | "bombing" | "bombings" | "blast" | "explosion" | "raid"
        | "assault" | "shooting" | "ambush" | "shelling" | "massacre" | "airstrike"
        | "airstrikes" | "clashes" | "fighting" | "offensive" => 1,
        "protest" | "protests" | "demonstration" | "demonstrations" | "rally" => 2,
        "vote" | "election" | "referendum" | "ballot" => 3,
        "arrest" | "arrests" | "detention" | "raids" => 4,
        _ => return None,
    })
}

/// Events dated only by the article ("At the meeting, Assad congratulated Putin") whose
/// sentence names its event by a definite noun ("the meeting", "that summit") take the date of
/// the last sentence up to six back that named an event of that kind with a date ("talks on
/// Thursday"); `date_source` says `reference`. The noun must set the sentence's scene ("At the
/// meeting", "During the talks") or be the subject just before the event's trigger ("The
/// attack killed"); "the next meeting", "a meeting", "meetings", "video of the shooting" refer
/// to no earlier event the sentence's events took place at.
fn dated_by_reference(events: &mut [Event], x: &Input, sentence_words: &[Vec<String>]) {
    const NOT_BACK: &[&str] = &[
        "next",
        "last",
        "previous",
        "upcoming",
        "first",
        "second",
        "future",
        "planned",
        "proposed",
        "expected",
        "scheduled",
        "earlier",
        "later",
        "following",
        "prior",
        "coming",
        "new",
        "another",
        "other",
        "each",
        "every",
        "any",
        "such",
        "same",
        "final",
    ];
    let body = x.body;
    // each sentence's events, by the sentence's start (one pass, not one per sentence)
    let mut of_sentence: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for (k, e) in events.iter().enumerate() {
        of_sentence.entry(e.sentence[0]).or_default().push(k);
    }
    // per kind: the date last given to it and the sentence it was given in
    let mut dated: [Option<(String, usize)>; 5] = Default::default();
    for (si, s) in x.sentences.iter().enumerate() {
        let Some(words) = sentence_words.get(si) else {
            break;
        };
        // the sentence's own dates: a day or finer, not after "since", "until", "before", "by",
        // "after"
        let own: Vec<(usize, String)> =
            dateline_core::starting_in(x.times, |t| t.start, s.start, s.end)
                .iter()
                .filter(|t| t.end <= s.end && t.kind.is_anchored())
                .filter(|t| {
                    !matches!(
                        word_before_time(body, s, t).as_str(),
                        "since" | "until" | "before" | "by" | "after"
                    )
                })
                .filter_map(|t| {
                    let v = t.value.as_deref()?.split('T').next()?;
                    (v.len() == 10 && Date::parse_iso(v).is_some())
                        .then(|| (t.start, v.to_string()))
                })
                .collect();
        // definite references to an event: (kind, the noun's token, whether it sets the scene
        // of the whole sentence: "At the meeting, …", "During the talks …")
        let mut refs: Vec<(u8, usize, bool)> = Vec::new();
        for (k, w) in words.iter().enumerate() {
            let Some(kind) = event_noun_kind(w) else {
                continue;
            };
            let at = x.tokens[s.tok_start + k].start;
            if let Some((_, d)) = own.iter().min_by_key(|(b, _)| b.abs_diff(at)) {
                dated[usize::from(kind)] = Some((d.clone(), si));
                continue;
            }
            // "the meeting", "that summit", "the two-hour meeting" (up to two words between)
            let det = (k.saturating_sub(3)..k).rev().find(|&j| {
                matches!(
                    words[j].as_str(),
                    "the" | "that" | "this" | "these" | "those"
                )
            });
            let Some(j) = det.filter(|&j| {
                words[j + 1..k].iter().all(|m| {
                    !NOT_BACK.contains(&m.as_str()) && m.chars().any(char::is_alphanumeric)
                })
            }) else {
                continue;
            };
            let before = if j > 0 { words[j - 1].as_str() } else { "" };
            let scene = matches!(before, "at" | "during" | "in" | "amid");
            // (a subject opens its clause: not "footage of the encounter")
            let opens = matches!(before, "" | "," | ";" | ":" | "and" | "but");
            if scene || opens {
                refs.push((kind, k, scene));
            }
        }
        // events the sentence dates by its own words date their kind ("Rebels attacked a base
        // on Sunday" for "the attack")
        let mine: &[usize] = of_sentence.get(&s.start).map_or(&[], Vec::as_slice);
        let mine = || {
            mine.iter()
                .copied()
                .filter(|&k| events[k].sentence == [s.start, s.end])
        };
        for e in mine()
            .map(|k| &events[k])
            .filter(|e| e.date_source.as_deref() == Some("text"))
        {
            let day = e.date.as_deref().filter(|d| d.len() == 10);
            if let (Some(kind), Some(d)) = (event_code_kind(&e.cameo), day) {
                dated[usize::from(kind)] = Some((d.to_string(), si));
            }
        }
        if !own.is_empty() {
            continue;
        }
        // an event is dated by a reference that sets the scene, or by one that is the subject
        // just before its trigger ("The two-hour attack killed 12 soldiers"); not by one that
        // is only an argument ("video of the shooting")
        let mut used: Option<(u8, String)> = None;
        let sentence_tokens = &x.tokens[s.tok_start..s.tok_end];
        let undated: Vec<usize> = mine()
            .filter(|&k| events[k].date_source.as_deref() == Some("article"))
            .collect();
        for k in undated {
            let e = &mut events[k];
            let trig = e.trigger.and_then(|[b, _]| {
                let t = sentence_tokens.partition_point(|t| t.start < b);
                (sentence_tokens.get(t)?.start == b).then_some(t)
            });
            let governs = |&(_, k, scene): &(u8, usize, bool)| {
                scene || trig.is_some_and(|t| t > k && t - k <= 3)
            };
            let dated_ref = refs
                .iter()
                .filter(|r| governs(r))
                .find_map(|&(kind, _, _)| {
                    dated[usize::from(kind)]
                        .clone()
                        .filter(|(_, from)| si - from <= 6)
                        .map(|(d, _)| (kind, d))
                });
            if let Some((kind, d)) = dated_ref {
                e.date = Some(d.clone());
                e.date_source = Some("reference".into());
                used = Some((kind, d));
            }
        }
        if let Some((kind, d)) = used {
            dated[usize::from(kind)] = Some((d, si));
        }
    }
}

/// The kind of event (as [`event_noun_kind`]) a CAMEO code is: consultations, assaults and
/// fighting, protests, arrests.
fn event_code_kind(cameo: &str) -> Option<u8> {
    match cameo.get(..2)? {
        "04" => Some(0),
        "18" | "19" | "20" => Some(1),
        "14" => Some(2),
        _ if cameo.starts_with("173") => Some(4),
        _ => None,
    }
}

/// Merge reports of one event inside the article: same code, same source, same or missing
/// target, and compatible dates (equal, or one only the article's date). The merged event
/// keeps the first evidence, the date the text gives, the most specific place and the highest
/// confidence.
fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let anaphoric = |x: &Event| {
            x.rule
                .as_deref()
                .is_some_and(|r| r.starts_with("anaphora:"))
        };
        let compatible = |o: &Event| {
            !anaphoric(o)
                && !anaphoric(&e)
                && o.cameo == e.cameo
                && o.negated == e.negated
                && actor_key(&o.source) == actor_key(&e.source)
                && (actor_key(&o.target) == actor_key(&e.target)
                    || o.target.is_none()
                    || e.target.is_none())
                && (o.date == e.date
                    || o.date_source.as_deref() == Some("article")
                    || e.date_source.as_deref() == Some("article"))
                && (o.mode == e.mode
                    || o.mode.as_deref() == Some("asserted")
                        && e.mode.as_deref() == Some("asserted"))
        };
        // an undated report joins a dated one rather than the other way round
        let pos = out
            .iter()
            .position(|o| compatible(o) && o.date_source.as_deref() == Some("text"))
            .or_else(|| out.iter().position(&compatible));
        match pos.map(|i| &mut out[i]) {
            Some(o) => {
                if o.target.is_none() {
                    o.target = e.target.clone();
                }
                // (a date the clause gives beats one reached by reference, which beats the
                // article's)
                let date_rank = |x: &Event| match x.date_source.as_deref() {
                    Some("text") => 2,
                    Some("reference") => 1,
                    _ => 0,
                };
                if date_rank(&e) > date_rank(o) {
                    o.date = e.date.clone();
                    o.date_source = e.date_source.clone();
                }
                let rank = |p: &EventPlace| match p.feature.as_deref() {
                    Some(f) if f.starts_with("PPL") => 0,
                    Some("ADM1") => 1,
                    Some("PCLI") => 2,
                    _ => 3,
                };
                let better = |a: &Option<EventPlace>, b: &Option<EventPlace>| match (a, b) {
                    (None, Some(_)) => true,
                    (Some(x), Some(y)) => rank(y) < rank(x),
                    _ => false,
                };
                if better(&o.place, &e.place) {
                    o.place = e.place.clone();
                }
                o.confidence = o.confidence.max(e.confidence);
            }
            None => out.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    #[test]
    fn promised_cooperation_is_an_intent() {
        assert_eq!(intent_code("073", "intended"), "033");
        assert_eq!(intent_code("042", "intended"), "036");
        assert_eq!(intent_code("073", "asserted"), "073");
        // a conflictual act announced is a threat of it
        assert_eq!(intent_code("190", "intended"), "138");
        assert_eq!(intent_code("163", "intended"), "1312");
        assert_eq!(intent_code("1662", "intended"), "136");
        assert_eq!(intent_code("190", "asserted"), "190");
        let p = Pipeline::new().unwrap();
        let d = dateline_core::Document::new(
            "t",
            dateline_core::Article {
                published: Some("2001-02-03".into()),
                ..Default::default()
            },
            "Finland will provide Tanzania with food aid. Finland provided Kenya with food aid."
                .into(),
        );
        let evs = p.run(d).events.unwrap_or_default();
        let codes: Vec<(&str, &str)> = evs
            .iter()
            .map(|e| {
                (
                    e.cameo.as_str(),
                    e.target
                        .as_ref()
                        .and_then(|a| a.code.as_deref())
                        .unwrap_or(""),
                )
            })
            .collect();
        assert!(codes.contains(&("033", "TZA")), "{codes:?}");
        assert!(
            codes
                .iter()
                .any(|(c, t)| c.starts_with("07") && *t == "KEN"),
            "{codes:?}"
        );
    }
}
