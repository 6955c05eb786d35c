//! Who a pronoun stands for, and names coded once in the article.
//!
//! - "we", "I", "our", "my" inside a direct quote are its speaker, coded as the speaker's own
//!   mention codes them ("Kenyan President William Ruto"), else by name;
//! - another pronoun is the nearest earlier actor of the same kind (person or not) in the
//!   sentence, where "it", "its", "he", "she", "his" skip coordinated or plural actors ("Kenya
//!   and its neighbours"); else the source of the latest earlier event of that
//!   kind; else the first actor of that kind in the previous sentence;
//! - a name coded once in the article ("Kenyan President William Ruto") keeps its code when
//!   it comes back bare ("Ruto").

use super::coder::{code_country, Coder};
use super::mentions::Mention;
use super::words::{FIRST_PERSON, SINGULAR_PRONOUNS};
use dateline_core::{Actor, EntityType, Event};
use std::collections::HashMap;

/// What a sentence's pronouns can refer to outside the sentence.
pub(super) struct Antecedents<'a> {
    /// The article's events so far.
    pub(super) prev_events: &'a [Event],
    /// The previous sentence's mentions.
    pub(super) prev_mentions: &'a [Mention],
}

/// A name's code and country, as first coded in the article.
struct Known {
    code: String,
    country: Option<String>,
}

/// Codes of the names coded in the article so far, by canonical name.
#[derive(Default)]
pub(super) struct KnownNames(HashMap<String, Known>);

impl KnownNames {
    /// A mention with no code takes the code its name had earlier in the article; a coded
    /// name (more than a country) is remembered.
    pub(super) fn apply(&mut self, ms: &mut [Mention]) {
        for m in ms.iter_mut() {
            if let Some(canon) = m.actor.canonical.clone() {
                match (&m.actor.code, self.0.get(&canon)) {
                    (None, Some(known)) => {
                        m.actor.code = Some(known.code.clone());
                        m.actor.country = known.country.clone();
                    }
                    (Some(code), None) if !m.pronoun && code.len() > 3 => {
                        let known = Known {
                            code: code.clone(),
                            country: m.actor.country.clone(),
                        };
                        self.0.insert(canon, known);
                    }
                    _ => {}
                }
            }
        }
    }
}

impl Coder<'_, '_> {
    /// Resolve each pronoun of a sentence's mentions, in order.
    pub(super) fn resolve_pronouns(&self, ms: &mut [Mention], before: &Antecedents) {
        for i in 0..ms.len() {
            let (same, rest) = ms.split_at_mut(i);
            let (this, later) = rest.split_at_mut(1);
            self.resolve_pronoun(&mut this[0], same, later, before);
        }
    }

    fn resolve_pronoun(
        &self,
        m: &mut Mention,
        same: &[Mention],
        later: &[Mention],
        before: &Antecedents,
    ) {
        if !m.pronoun {
            return;
        }
        if FIRST_PERSON.contains(&self.ltok(m.t0)) {
            self.quoted_speaker(m, same, later, before.prev_mentions);
            return;
        }
        let cand = self.antecedent(m, same, before);
        if let Some(a) = cand {
            m.actor.canonical = a.canonical.or(Some(a.text));
            m.actor.code = a.code;
            m.actor.country = a.country;
        }
    }

    /// "we" and "I" inside a direct quote: its speaker.
    fn quoted_speaker(
        &self,
        m: &mut Mention,
        same: &[Mention],
        later: &[Mention],
        prev_mentions: &[Mention],
    ) {
        let at = self.x.tokens[m.t0].start;
        let speaker = self
            .x
            .quotes
            .iter()
            .filter(|q| q.kind == dateline_core::QuoteKind::Direct && q.start <= at && at < q.end)
            .find_map(|q| q.speaker.as_ref());
        let Some(sp) = speaker else { return };
        let name = sp.canonical.clone().unwrap_or(sp.text.clone());
        // the speaker's own mention, as coded there ("Kenyan President William Ruto")
        let (sa, sb) = (sp.start.unwrap_or(usize::MAX), sp.end.unwrap_or(0));
        let mentioned = same
            .iter()
            .chain(later)
            .chain(prev_mentions)
            .filter(|x| !x.pronoun)
            .find(|x| {
                x.actor.start.is_some_and(|a| a <= sa) && x.actor.end.is_some_and(|b| b >= sb)
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

    /// Whether a mention is coordinated or plural ("Norway and the Nordic
    /// states"): no antecedent of "it".
    fn plural(&self, x: &Mention) -> bool {
        let prev = self.ltok_before(x.t0, 0);
        let prev2 = self.ltok_before(x.t0.saturating_sub(1), 0);
        self.ltok(x.t1) == "and"
            || prev == "and"
            || prev == "the" && prev2 == "and"
            || x.actor.text.ends_with("states")
    }

    /// The actor a third-person pronoun refers to.
    fn antecedent(&self, m: &Mention, same: &[Mention], before: &Antecedents) -> Option<Actor> {
        let person = m.person;
        let singular = SINGULAR_PRONOUNS.contains(&self.ltok(m.t0));
        // in the same sentence, before it: "Chile says it never closes"
        let local = same
            .iter()
            .rev()
            .filter(|x| x.t1 <= m.t0 && !x.pronoun && x.person == person && x.actor.code.is_some())
            .find(|x| !(singular && self.plural(x)));
        let cand = local.map(|x| x.actor.clone()).or_else(|| {
            before
                .prev_events
                .iter()
                .rev()
                .filter_map(|e| e.source.clone())
                .find(|a| self.names_a_person(a) == person)
        });
        cand.or_else(|| {
            before
                .prev_mentions
                .iter()
                .find(|x| !x.pronoun && x.person == person)
                .map(|x| x.actor.clone())
        })
    }

    /// Whether a person entity starts inside an actor's span.
    fn names_a_person(&self, a: &Actor) -> bool {
        let (lo, hi) = (a.start.unwrap_or(0), a.end.unwrap_or(0) + 1);
        dateline_core::starting_in(self.x.entities, |e| e.start, lo, hi)
            .iter()
            .any(|e| {
                Some(e.start) <= a.end && a.start <= Some(e.start) && e.kind == EntityType::Person
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testing::coded;

    #[test]
    fn we_in_a_direct_quote_is_its_speaker() {
        let ev = coded(
            "\"We have always supported dialogue with Togo,\" Ghanaian President John Kufuor said.",
        );
        assert!(
            ev.iter().any(|e| e.source.as_ref().is_some_and(
                |s| s.text == "We" && s.code.as_deref().is_some_and(|c| c.starts_with("GHA"))
            )),
            "{ev:?}"
        );
    }

    #[test]
    fn it_after_must_is_the_actor_told() {
        crate::events::testing::assert_event(
            "Germany told Greece that it must cut its deficit.",
            "100",
            "DEU",
            "GRC",
        );
    }
}
