//! Finding the actors a sentence mentions ([`Coder::mentions`]), in stages:
//!
//! 1. **named mentions**, one per person, organisation, country, nationality word or place
//!    entity ([`Coder::named_mention`]):
//!    - a nationality word or place with role words after it ("Syrian military", "European
//!      states", "Chad rebels", "Mozambique government") is that country's role; a person or
//!      organisation right after the role words takes the nationality instead; "ethnic
//!      Albanians" are a people, not Albania (their country comes from the place they are in);
//!    - a nationality word alone is an actor when it is a plural people ("Palestinians") or a
//!      country's adjective before a noun ("an Indian proposal");
//!    - other names extend left over titles, role words and a nationality, country or
//!      organisation ("Kenyan President William Ruto", "Kremlin spokesman …", "Russia's
//!      military"), and take the first code of: the dictionaries by name, a titled person,
//!      a city's country, "Ethnic Albanians" as one name (CVL), an unlisted organisation by its
//!      name, an apposition's country, the country and role in front, the article's focus
//!      country for a titled person of no stated country, an organisation's country and role;
//!      role words after an organisation ("Hezbollah guerrillas") join it;
//!    - a sea or region alone, and a MISC name with no code ("Serbo-Croatian"), are no actor;
//! 2. an **acronym in brackets** after a name ("Revolutionary United Front (RUF)") takes that
//!    name's code;
//! 3. **nested mentions** go: the outermost mention starting first is kept;
//! 4. **role words** not inside a name ("the military", "police", "rebels", "opposition
//!    groups"), with a country that follows ("police in Kampala", "rebels of Syria"); a name
//!    inside such a phrase is part of it;
//! 5. **subject pronouns** ("he", "they", "its", "we" …), resolved later;
//! 6. a **group with no country placed** by the words after it ("militias in northern
//!    Somalia", "refugees from Liberia") takes that place's country.

use super::coder::{code_country, countryless, Coder};
use super::words::{COMPASS_WORDS, SUBJECT_PRONOUNS};
use dateline_core::hash::FastMap;
use dateline_core::{Actor, Entity, EntityType};
use dateline_nlp::Sentence;

/// An actor mentioned in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    /// token range, absolute
    pub(super) t0: usize,
    pub(super) t1: usize,
    pub(super) actor: Actor,
    pub(super) person: bool,
    pub(super) pronoun: bool,
}

impl Mention {
    /// A mention of the words `start..end` of the body (tokens `t0..t1`).
    fn of_span(body: &str, t0: usize, t1: usize, start: usize, end: usize) -> Mention {
        Mention {
            t0,
            t1,
            actor: Actor {
                text: body[start..end].to_string(),
                canonical: None,
                code: None,
                country: None,
                start: Some(start),
                end: Some(end),
            },
            person: false,
            pronoun: false,
        }
    }
}

/// The sentence's entities that can be actors, with an index by the token each ends before.
struct Names<'e> {
    ents: Vec<&'e Entity>,
    /// entities by the token they end before (looked up for each name, so a long sentence is
    /// not scanned once per name)
    by_end: FastMap<usize, Vec<usize>>,
}

impl<'e> Names<'e> {
    fn ending_at(&self, a: usize) -> impl Iterator<Item = &'e Entity> + '_ {
        self.by_end
            .get(&a)
            .into_iter()
            .flatten()
            .map(|&k| self.ents[k])
    }
}

/// What stands in front of a name: where the extended mention starts, where its role words
/// start, and the country or organisation code those words give.
struct LeftContext {
    a: usize,
    role_a: usize,
    country: Option<String>,
    org_code: Option<String>,
}

/// Which of a sentence's tokens lie inside a kept named mention.
struct Covered {
    from: usize,
    covered: Vec<bool>,
}

impl Covered {
    fn new(s: &Sentence, kept: &[Mention]) -> Covered {
        let mut covered = vec![false; s.tok_end.saturating_sub(s.tok_start)];
        for m in kept {
            for i in m.t0.max(s.tok_start)..m.t1.min(s.tok_end) {
                covered[i - s.tok_start] = true;
            }
        }
        Covered {
            from: s.tok_start,
            covered,
        }
    }

    fn has(&self, i: usize) -> bool {
        self.covered.get(i.wrapping_sub(self.from)) == Some(&true)
    }
}

impl Coder<'_, '_> {
    /// The actors a sentence mentions, in token order (see the module's stages).
    pub(super) fn mentions(&self, s: &Sentence) -> Vec<Mention> {
        let names = self.actor_names(s);
        let mut out: Vec<Mention> = (0..names.ents.len())
            .filter_map(|ei| self.named_mention(ei, &names, s))
            .collect();
        // nested mentions (a NORP inside an extended person) go
        out.sort_by_key(|m| (m.t0, std::cmp::Reverse(m.t1)));
        self.acronyms_take_their_names(&mut out);
        let kept = outermost(out);
        let covered = Covered::new(s, &kept);
        let mut extra = self.role_mentions(s, &kept, &covered);
        extra.extend(self.pronoun_mentions(s, &covered));
        let mut kept = names_inside_roles_go(kept, &extra);
        kept.extend(extra);
        kept.sort_by_key(|m| m.t0);
        self.place_countryless_groups(&mut kept);
        kept
    }

    /// The sentence's entities of the kinds that can be actors.
    fn actor_names<'e>(&'e self, s: &Sentence) -> Names<'e> {
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
        let mut by_end: FastMap<usize, Vec<usize>> = Default::default();
        for (k, n) in ents.iter().enumerate() {
            by_end
                .entry(self.tok_range(n.start, n.end).1)
                .or_default()
                .push(k);
        }
        Names { ents, by_end }
    }

    /// The mention entity `ei` makes, if any (stage 1).
    fn named_mention(&self, ei: usize, names: &Names, s: &Sentence) -> Option<Mention> {
        let e = names.ents[ei];
        let (_, t1) = self.tok_range(e.start, e.end);
        // a place + role words: "Ivory Coast rebels", "Mozambique government"
        let place_role =
            matches!(e.kind, EntityType::Gpe | EntityType::Loc) && self.role_after(t1, s).is_some();
        if e.kind == EntityType::Loc && !place_role {
            return None; // a sea or a region is no actor by itself
        }
        // a nationality word the tagger called MISC ("Thai military sources") is one
        let norp = e.kind == EntityType::Norp
            || e.kind == EntityType::Misc && self.country_or_leader(e).is_some();
        if norp || place_role {
            self.nationality_mention(ei, names, s, norp)
        } else {
            self.name_mention(e, names, s)
        }
    }

    /// A nationality word or a place with role words after it ("Syrian military", "European
    /// states"), or a nationality word that names an actor alone ("Palestinians").
    fn nationality_mention(
        &self,
        ei: usize,
        names: &Names,
        s: &Sentence,
        norp: bool,
    ) -> Option<Mention> {
        let e = names.ents[ei];
        let (t0, t1) = self.tok_range(e.start, e.end);
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
        let next_named = names.ents.get(ei + 1).is_some_and(|n| {
            matches!(n.kind, EntityType::Person | EntityType::Org)
                && self.tok_range(n.start, n.end).0 <= if agent.is_some() { j + 1 } else { t1 }
        });
        if next_named {
            return None;
        }
        // "ethnic Albanians" are a people wherever they live, not Albania: the country of the
        // place they are in is given later (countryless)
        let ethnic = t0 > s.tok_start && self.ltok(t0 - 1) == "ethnic";
        let country = self.country_or_leader(e).filter(|_| !ethnic);
        if let Some(agent) = agent {
            let end_b = self.x.tokens[j - 1].end;
            let mut start_b = e.start;
            let mut t0b = t0;
            if t0 > s.tok_start && matches!(self.ltok(t0 - 1), "the" | "a") {
                t0b = t0 - 1;
                start_b = self.x.tokens[t0b].start;
            }
            let code = match &country {
                Some(c) => format!("{c}{agent}"),
                None if ethnic => agent.clone(),
                None => {
                    let g = self.group_code(&e.text);
                    if g.len() >= 6 {
                        g
                    } else {
                        format!("{g}{agent}")
                    }
                }
            };
            let mut m = Mention::of_span(self.x.body, t0b, j, start_b, end_b);
            m.actor.canonical = e.canonical.clone();
            m.actor.code = Some(code);
            m.actor.country = country;
            return Some(m);
        }
        if !(norp && self.norp_alone(e, t1, s)) {
            return None;
        }
        // "Palestinians blamed Israel", "rejected an Indian proposal": the people or the
        // country a nationality word stands for
        let code = if ethnic {
            Some("CVL".to_string())
        } else {
            country.clone().or_else(|| {
                let g = self.group_code(&e.text);
                (!g.is_empty()).then_some(g)
            })
        };
        code.is_some().then(|| Mention {
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
        })
    }

    /// The titles, role words and nationality, country or organisation in front of the name
    /// at token `t0`.
    fn left_context(&self, t0: usize, names: &Names, s: &Sentence) -> LeftContext {
        let mut cx = LeftContext {
            a: t0,
            role_a: t0,
            country: None,
            org_code: None,
        };
        while cx.a > s.tok_start {
            let w = self.tok(cx.a - 1);
            let lw = self.ltok(cx.a - 1);
            if self.k.lexicon.is_title_lower(lw) || self.k.actors.agent(lw).is_some() {
                cx.a -= 1;
                cx.role_a = cx.a;
                continue;
            }
            if let Some(n) = names.ending_at(cx.a).find(|n| {
                matches!(
                    n.kind,
                    EntityType::Norp | EntityType::Gpe | EntityType::Org | EntityType::Misc
                )
            }) {
                let misc_norp = n.kind == EntityType::Misc
                    && self.k.gazetteer.country_of_name(&n.text).is_some();
                if matches!(n.kind, EntityType::Org | EntityType::Misc) && !misc_norp {
                    // "Foreign Ministry spokesman Omar Haddad": the organisation's country;
                    // "Arab League envoy Omar Haddad": the organisation
                    if cx.a < t0 {
                        let c = self.dict_code(n).or_else(|| self.name_code(&n.text));
                        cx.country = c.as_deref().and_then(|c| code_country(c, self.k.gazetteer));
                        if cx.country.is_none() {
                            cx.org_code = c;
                        }
                        cx.a = self.tok_range(n.start, n.end).0;
                    }
                    break;
                }
                cx.country = self.country_of_entity(n);
                cx.a = self.tok_range(n.start, n.end).0;
                break;
            }
            if (w == "'s" || w == "\u{2019}s") && cx.a >= 2 {
                // "Russia's military"
                if let Some(n) = names
                    .ending_at(cx.a - 1)
                    .find(|n| n.kind == EntityType::Gpe)
                {
                    cx.country = self.country_of_entity(n);
                    cx.a = self.tok_range(n.start, n.end).0;
                }
            }
            break;
        }
        cx
    }

    /// A person's, organisation's or country's mention, extended over the words in front of
    /// it (and role words after an organisation).
    fn name_mention(&self, e: &Entity, names: &Names, s: &Sentence) -> Option<Mention> {
        let (t0, t1) = self.tok_range(e.start, e.end);
        let mut cx = self.left_context(t0, names, s);
        let role = (cx.role_a < t0)
            .then(|| self.agent_of(cx.role_a, t0))
            .flatten();
        let mut code = self.code_of_name(e, &mut cx, role.as_deref(), names, s)?;
        let mut country = cx.country;
        if let Some(c) = &code {
            if country.is_none() {
                country = code_country(c, self.k.gazetteer);
            }
        }
        let start_b = self.x.tokens[cx.a].start.min(e.start);
        // an organisation's people: "Hezbollah guerrillas", "Red Cross officials"; an
        // organisation the dictionaries lack, by the role its people play ("the Umoja
        // Tena opposition coalition": OPP, its country found later)
        let after = if self.tok(t1) == ")" { t1 + 1 } else { t1 };
        let (t1, end_b) = match (e.kind, self.role_after(after, s)) {
            (EntityType::Org, Some(j)) if code.is_some() => (j, self.x.tokens[j - 1].end),
            (EntityType::Org, Some(j)) => {
                code = self.agent_of(after, j);
                (j, self.x.tokens[j - 1].end)
            }
            _ => (t1, e.end),
        };
        let mut m = Mention::of_span(self.x.body, cx.a.min(t0), t1, start_b, end_b);
        m.actor.canonical = e.canonical.clone().or(Some(e.text.clone()));
        m.actor.code = code;
        m.actor.country = country;
        m.person = e.kind == EntityType::Person;
        Some(m)
    }

    /// The code of a name with what stands in front of it, tried in order; `None` when the
    /// name is no actor (a MISC name with no code), `Some(None)` when it is an actor with no
    /// code yet. May fill in `cx.country`.
    fn code_of_name(
        &self,
        e: &Entity,
        cx: &mut LeftContext,
        role: Option<&str>,
        names: &Names,
        s: &Sentence,
    ) -> Option<Option<String>> {
        let body = self.x.body;
        let (t0, t1) = self.tok_range(e.start, e.end);
        let mut code = self.dict_code(e);
        if code.is_none() && e.kind == EntityType::Person {
            // "President Bush" as the dictionaries list it, else the surname alone
            let titled = &body[self.x.tokens[cx.role_a.min(t0)].start..e.end];
            code = self
                .person_code(titled, &e.text)
                // a country alone is weaker than the country and role the text gives
                .filter(|c| c.len() > 3 || role.is_none());
        }
        if code.is_some() && e.kind == EntityType::Person {
            // an explicit title outranks a dated dictionary role (titles.rs)
            if let Some(c) = self.titled_code(e, (cx.role_a, t0), role) {
                code = Some(c);
            }
        }
        if e.kind == EntityType::Gpe {
            let c = self.country_of_entity(e);
            if code.is_none() {
                code = c.clone();
            }
            if cx.country.is_none() {
                cx.country = c;
            }
        }
        if code.is_none()
            && matches!(e.kind, EntityType::Org | EntityType::Misc)
            && e.text.to_lowercase().starts_with("ethnic ")
        {
            // "Ethnic Albanians" as one name: a people of the country they are in
            code = Some("CVL".to_string());
        }
        if code.is_none() && matches!(e.kind, EntityType::Org | EntityType::Gpe | EntityType::Misc)
        {
            // an organisation the dictionaries lack, by its name; a country's name or short
            // form tagged as an organisation ("the PRC demanded") is the country
            code = self.name_code(&e.text).or_else(|| {
                let c = self.k.gazetteer.country_of_name(&e.text)?;
                cx.country = Some(c.iso3.clone());
                Some(c.iso3.clone())
            });
        }
        if code.is_none() && e.kind == EntityType::Misc {
            return None; // a name of no actor ("Serbo-Croatian", "Islamic")
        }
        if code.is_none() && cx.country.is_none() && e.kind == EntityType::Person {
            // "Omar Haddad, Kenya's chief negotiator," / "A member of the Kenyan parliament,
            // Omar Haddad,": the country the apposition gives
            code = self.apposition_code(t0, t1, s, &names.ents);
        }
        if code.is_none() {
            code = self.code_from_front(e, t0, t1, cx, role);
        }
        Some(code)
    }

    /// A name's code from the country and role in front of it, when nothing else gave one.
    fn code_from_front(
        &self,
        e: &Entity,
        t0: usize,
        t1: usize,
        cx: &mut LeftContext,
        role: Option<&str>,
    ) -> Option<String> {
        if let (Some(c), Some(r)) = (&cx.country, role) {
            Some(format!("{c}{r}"))
        } else if let (Some(c), true) = (&cx.country, e.kind == EntityType::Person) {
            Some(c.clone())
        } else if let (None, Some(r), EntityType::Person, Some(f)) =
            (&cx.country, role, e.kind, &self.focus)
        {
            // "President Laurent Diallo" with no nationality: an official of the country
            // the article is about
            Some(format!("{f}{r}"))
        } else if let (Some(c), EntityType::Org) = (&cx.country, e.kind) {
            // "Kenyan" + "Interior Ministry": the country, and the role the organisation's
            // name gives
            Some(format!("{c}{}", self.agent_of(t0, t1).unwrap_or_default()))
        } else if e.kind == EntityType::Person {
            cx.org_code.take()
        } else {
            None
        }
    }

    /// Stage 2: an acronym in brackets after a name ("Revolutionary United Front (RUF)") is
    /// that name's actor.
    fn acronyms_take_their_names(&self, out: &mut [Mention]) {
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
    }

    /// Stage 4: bare role words with an article, plural or opening the sentence ("the
    /// military", "police", "rebels", "opposition groups"), not inside a named mention.
    fn role_mentions(&self, s: &Sentence, kept: &[Mention], covered: &Covered) -> Vec<Mention> {
        let mut extra: Vec<Mention> = Vec::new();
        for i in s.tok_start..s.tok_end {
            if covered.has(i) {
                continue;
            }
            let w = self.ltok(i);
            if !w.chars().all(char::is_alphabetic) || w.len() < 4 {
                continue;
            }
            if self.k.lexicon.is_title_lower(w) && !self.k.vocabulary.acting_titles.contains(w) {
                continue;
            }
            let Some(role) = self.k.actors.agent(w) else {
                continue;
            };
            let pre = self.ltok_before(i, s.tok_start);
            // "opposition groups", "rebel forces": a plural head noun after the role word
            let head = usize::from(self.k.vocabulary.group_heads.contains(self.ltok(i + 1)));
            let acts = matches!(pre, "the" | "its" | "their" | "his" | "her")
                || w.ends_with('s')
                || head == 1
                // a role word opening the sentence ("Police arrested …"), unless it
                // modifies the next ("Opposition leaders …")
                || i == s.tok_start && self.k.actors.agent(self.ltok(i + 1)).is_none();
            if !acts {
                continue;
            }
            // "opposition leaders": the modifier's role is the narrower one
            let (t0, role) = match (i > s.tok_start)
                .then(|| self.k.actors.agent(pre))
                .flatten()
            {
                // (extras come in token order: the last reaches furthest)
                Some(r) if extra.last().is_none_or(|m: &Mention| m.t1 < i) => (i - 1, r),
                _ => (i, role),
            };
            extra.push(self.role_phrase(t0, i + head, role, kept));
        }
        extra
    }

    /// The mention of role words from token `t0` to the head noun at `i`, with the country a
    /// following place gives ("police in Kampala", "rebels of Syria", "rebels in the north of
    /// Chad").
    fn role_phrase(&self, t0: usize, i: usize, role: &str, kept: &[Mention]) -> Mention {
        let mut t1 = i + 1;
        let mut country = None;
        if matches!(self.ltok(i + 1), "in" | "of" | "from") {
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
        let mut m = Mention::of_span(self.x.body, t0, t1, a, b);
        m.actor.code = Some(format!("{}{role}", country.clone().unwrap_or_default()));
        m.actor.country = country;
        m
    }

    /// Stage 5: subject pronouns not inside a named mention, resolved later.
    fn pronoun_mentions(&self, s: &Sentence, covered: &Covered) -> Vec<Mention> {
        (s.tok_start..s.tok_end)
            .filter(|&i| !covered.has(i))
            .filter_map(|i| {
                let w = self.ltok(i);
                if !SUBJECT_PRONOUNS.contains(&w) {
                    return None;
                }
                let t = self.x.tokens[i];
                let mut m = Mention::of_span(self.x.body, i, i + 1, t.start, t.end);
                m.person = matches!(w, "he" | "she" | "his");
                m.pronoun = true;
                Some(m)
            })
            .collect()
    }

    /// Stage 6: a group with no country, placed by the words after it ("militias in eastern
    /// Congo", "refugees from Liberia"): that place's country.
    fn place_countryless_groups(&self, kept: &mut [Mention]) {
        for i in 0..kept.len() {
            let m = &kept[i];
            let role_only = !m.pronoun && countryless(&m.actor);
            if !role_only || !matches!(self.ltok(m.t1), "in" | "from") {
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
                        let w = self.ltok(j);
                        w == "the" || COMPASS_WORDS.contains(&w)
                    })
            });
            if let Some(country) = place.and_then(|n| n.actor.country.clone()) {
                let m = &mut kept[i];
                m.actor.code = m.actor.code.as_ref().map(|c| format!("{country}{c}"));
                m.actor.country = Some(country);
            }
        }
    }
}

/// Stage 3: of mentions sorted by start (longest first), those not inside an earlier one.
fn outermost(out: Vec<Mention>) -> Vec<Mention> {
    let mut kept: Vec<Mention> = Vec::new();
    for m in out {
        if kept.last().is_some_and(|k| m.t0 < k.t1) {
            continue;
        }
        kept.push(m);
    }
    kept
}

/// A name inside a role phrase ("militias in the north of Chad") is part of that actor (role
/// phrases come in token order and do not overlap: the last one starting before a name is the
/// only one that can hold it).
fn names_inside_roles_go(mut kept: Vec<Mention>, extra: &[Mention]) -> Vec<Mention> {
    let roles: Vec<(usize, usize)> = extra
        .iter()
        .filter(|x| !x.pronoun)
        .map(|x| (x.t0, x.t1))
        .collect();
    kept.retain(|m| {
        let k = roles.partition_point(|r| r.0 < m.t0);
        !(k > 0 && m.t1 <= roles[k - 1].1)
    });
    kept
}

#[cfg(test)]
mod tests {
    use crate::events::testing::{assert_dyad, assert_event, codes, dyads};

    #[test]
    fn a_place_with_role_words_is_that_countrys_role() {
        assert_event(
            "Mali rebels rejected an Algerian mediation offer on Sunday.",
            "12",
            "MLIREB",
            "DZA",
        );
    }

    #[test]
    fn role_words_take_the_country_that_follows_them() {
        assert_event(
            "Opposition parties in the Philippines accused Malaysia of interference.",
            "11",
            "PHLOPP",
            "MYS",
        );
    }

    #[test]
    fn a_plural_people_is_an_actor_and_a_surname_is_who_held_office() {
        assert_event(
            "Iraqis blamed Musharraf for the delay.",
            "11",
            "IRQ",
            "PAKGOV",
        );
    }

    #[test]
    fn an_organisations_people_are_the_organisation() {
        let ev = dyads("Hamas militants wounded three Israeli police officers.");
        assert!(ev.iter().any(|(_, s, _)| s.starts_with("PSE")), "{ev:?}");
    }

    #[test]
    fn a_regions_rebels_are_its_countrys() {
        assert_event(
            "Chad criticised Darfur rebels over the raid.",
            "11",
            "TCD",
            "SDNREB",
        );
    }

    #[test]
    fn a_role_word_is_no_verb() {
        let c = codes("Egyptian riot police detained dozens of students.");
        assert!(c.iter().all(|c| c != "145"), "{c:?}");
    }

    #[test]
    fn a_group_with_no_country_takes_that_of_the_place_it_is_in() {
        assert_dyad(
            "Ethiopia blamed Islamist fighters in southern Somalia for the ambush.",
            "ETH",
            "SOM",
        );
    }

    #[test]
    fn a_partitive_counts_the_people_after_it() {
        assert_dyad(
            "Hundreds of Iraqi Turkmen protested in Tal Afar on Friday.",
            "IRQ",
            "",
        );
    }

    #[test]
    fn ethnic_albanians_as_one_name_are_people_of_the_country_they_are_in() {
        assert_dyad(
            "Ethnic Albanians protested outside the court in Tetovo on Monday.",
            "MKD",
            "",
        );
    }

    #[test]
    fn ethnic_albanians_after_a_number_are_people_of_the_country_they_are_in() {
        assert_dyad(
            "On Saturday ethnic Albanians protested outside the town hall in Tetovo.",
            "MKD",
            "",
        );
    }

    #[test]
    fn elders_are_a_communitys_people() {
        assert_dyad(
            "Officials met in Nairobi. Maasai elders demanded compensation for the seized cattle.",
            "KENCVL",
            "",
        );
    }

    #[test]
    fn an_organisation_the_dictionaries_lack_is_coded_by_its_peoples_role() {
        assert_dyad(
            "Members of the Umoja Tena opposition alliance agreed to delay the march in Nairobi.",
            "KENOPP",
            "",
        );
    }
}
