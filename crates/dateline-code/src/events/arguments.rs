//! An event's source and target for one pattern match ([`Coder::arguments`]), in stages:
//!
//! 1. **Target at the slot**: the mention starting at the pattern's `$T` (over determiners
//!    and small numbers, within three tokens), or one spanning it.
//! 2. **Passive** ("was attacked by X"): after "was", "were", "been", "being", "is", "are"
//!    (not "-ing"), a "by" within 25 words (before ";", "." or "said") with a mention right
//!    after it is the source; the target is the mention before the trigger.
//!    **Act nouns** ("the expulsion of the envoy by Kenya"): the actor after a "by" after
//!    the noun is the source (`clauses/nominal.rs`).
//! 3. **Subject**: else the nearest mention before the trigger that is not the object of a
//!    preposition (unless after a partitive: "thousands of …"), not the target, and not a
//!    role word modifying a noun trigger ("the naval blockade"); inside an apposition
//!    ("Kenya, a close ally of the West, has …") the actor the apposition describes. A verb
//!    coordinated with "and" takes the previous event's source instead.
//!    Not a mention inside a relative clause that closes before the trigger ("Turkey's
//!    president, who visited Moscow, thanked Russia": not Moscow; `clauses/relative.rs`).
//!    **Purpose infinitive** ("Kenya summoned the envoy to protest"): after a verb and its
//!    object, a to-infinitive's act is the verb's subject's unless the verb hands it to its
//!    object ("urged X to", "sent X to"; `clauses/control.rs`).
//! 4. **"$T must"** (a leading `$T`): the target is the actor right before the pattern (a
//!    resolved pronoun included), the source the sentence's subject.
//! 5. **Source after the pattern**: nothing before a pattern with "of" ("Critics of X, among
//!    them Y"): the first actor after it that is no preposition's object.
//! 6. **Object**: no target at a slot: the first actor after the trigger in its clause (up
//!    to 12 tokens past the pattern; not past ";", "said", "but", "while", a quote, or a
//!    comma opening a new phrase or ending a fronted subordinate clause; "by" only for what
//!    is asked, investigated or rejected: "rejected calls by X"); a possessive only right
//!    after the pattern ("to protest X's decision"); inside a relative clause, not past its
//!    closing comma.
//!    A verb whose object is a topic (`topic-object-verbs.txt`: "discussed Iran's programme")
//!    takes only an actor after "with" ("discussed trade with Kenya").
//! 7. **Moved forces**: a target that is the source's own forces ("sent its troops to X",
//!    "withdraw their forces from X") or any role-only actor of a force posture (15x): the
//!    actor after "to", "from", "against" or "into" instead.
//! 8. **Coordination**: each actor coordinated with the source or target by "and" or a comma
//!    ("Kenya and its neighbours", "Kenyan and Ugandan negotiators") gives one event
//!    each.

use super::clauses::control;
use super::clauses::nominal;
use super::clauses::passive;
use super::clauses::relative::relative_clause;
use super::coder::Coder;
use super::mentions::Mention;
use super::words::{
    ARTICLE_OR_POSSESSIVE, FRONTED_SUBORDINATORS, OBJECT_STOP_WORDS, PASSIVE_AUXILIARIES,
    PREPOSITIONS, SLOT_DETERMINERS,
};
use crate::patterns::{Match, Pattern};
use dateline_core::{Actor, Event};
use dateline_nlp::Sentence;

/// A sentence being coded: the sentence, its lower-case words, and where its events start in
/// the article's list.
pub(super) struct SentenceCx<'s> {
    pub(super) s: &'s Sentence,
    pub(super) words: &'s [String],
    pub(super) first: usize,
}

/// One pattern match in a sentence, with the mentions near it.
pub(super) struct MatchCx<'m> {
    pub(super) m: &'m Match,
    pub(super) pat: &'m Pattern,
    /// The trigger's first token and the token after the match (absolute).
    pub(super) trig: usize,
    pub(super) trig_end: usize,
    /// The mentions within 80 tokens of the trigger.
    pub(super) ms: &'m [Mention],
}

/// The actors of the events one match gives: one event per source and target pair.
pub(super) struct Arguments {
    pub(super) sources: Vec<Option<Actor>>,
    pub(super) targets: Vec<Option<Actor>>,
}

impl Coder<'_, '_> {
    /// The sources and targets of a match (see the module's stages).
    pub(super) fn arguments(&self, sc: &SentenceCx, mc: &MatchCx, events: &[Event]) -> Arguments {
        let (m, pat, ms, trig) = (mc.m, mc.pat, mc.ms, mc.trig);
        let words = sc.words;
        let mut target = self.slot_target(sc, mc);
        let by_at = self.passive_by(sc, mc);
        // a passive without a "by" phrase names no doer: the subject is its target
        let patient = by_at
            .is_none()
            .then(|| self.agentless_patient(sc, mc))
            .flatten();
        let passive = by_at.is_some() || patient.is_some();
        // a verb coordinated by "and" with an earlier event of the sentence
        let after_and = m.start >= 1 && words[m.start - 1] == "and" && events.len() > sc.first;
        let mut source = if let Some(j) = by_at {
            let by = sc.s.tok_start + j;
            let src = ms.iter().find(|x| x.t0 > by && x.t0 <= by + 3);
            target = ms.iter().rev().find(|x| x.t1 <= trig);
            src
        } else if let Some(p) = patient {
            target = target.or(Some(p));
            None
        } else if after_and {
            // ", and thanked" takes the previous event's source
            None
        } else if let Some(src) = self.nominal_agent(sc, mc) {
            src.into()
        } else {
            self.subject(sc, mc, target)
        };
        if !passive && !after_and && !pat.target_before {
            if let Some(s) = self.purpose_subject(sc, mc) {
                source = Some(s);
            }
        }
        if pat.target_before {
            if let Some((t, s)) = self.obliged(sc, mc) {
                target = Some(t);
                source = s;
            }
        }
        let coord_source = (source.is_none() && !passive && after_and)
            .then(|| events[events.len() - 1].source.clone())
            .flatten();
        if source.is_none() && coord_source.is_none() && !passive && pat.text.contains(" of ") {
            // nothing before: the first actor after the pattern ("Critics of X, among them Y")
            source = ms
                .iter()
                .filter(|x| x.t0 >= mc.trig_end && target.is_none_or(|t| t.t0 != x.t0))
                .find(|x| !PREPOSITIONS.contains(&self.ltok(x.t0 - 1)) && !x.pronoun);
        }
        if target.is_none() && !passive {
            target = self.object(sc, mc, source);
        }
        if let Some(t) = target.filter(|t| self.own_agent(t, &pat.cameo)) {
            target = self.where_forces_go(t, ms);
        }
        let sources = match coord_source {
            Some(a) => vec![Some(a)],
            None => self.coordinated(source, ms),
        };
        Arguments {
            sources,
            targets: self.coordinated(target, ms),
        }
    }

    /// Stage 1: the mention at the pattern's target slot.
    fn slot_target<'m>(&self, sc: &SentenceCx, mc: &MatchCx<'m>) -> Option<&'m Mention> {
        let t = sc.s.tok_start + mc.m.target_at?;
        mc.ms.iter().find(|x| {
            let only_dets = (t..x.t0.max(t)).all(|i| SLOT_DETERMINERS.contains(&self.ltok(i)));
            (x.t0 >= t && x.t0 <= t + 3 && only_dets && !x.pronoun) || (x.t0 < t && x.t1 > t)
        })
    }

    /// Stage 2c: the doer of an act noun named by a "by" phrase after it ("the expulsion of
    /// the envoy by Kenya"; `clauses/nominal.rs`).
    fn nominal_agent<'m>(&self, sc: &SentenceCx, mc: &MatchCx<'m>) -> Option<&'m Mention> {
        if !mc.pat.is_noun() {
            return None;
        }
        let by = nominal::agent_by(self.x.lower, mc.trig_end, sc.s.tok_end)?;
        mc.ms
            .iter()
            .find(|x| x.t0 > by && x.t0 <= by + 3 && !x.pronoun)
    }

    /// Stage 2: the word index of a passive's "by" (the agent may come a clause later: "has
    /// been accused of wasting money …, by the auditors").
    fn passive_by(&self, sc: &SentenceCx, mc: &MatchCx) -> Option<usize> {
        let (m, words) = (mc.m, sc.words);
        let passive_aux = mc.trig > sc.s.tok_start
            && PASSIVE_AUXILIARIES.contains(&words[m.start - 1].as_str())
            // "is investigating" is active
            && !words[m.start].ends_with("ing");
        if !passive_aux {
            return None;
        }
        (m.end..words.len().min(m.end + 25))
            .take_while(|&j| !matches!(words[j].as_str(), ";" | "." | "said"))
            .find(|&j| words[j] == "by")
            .filter(|&j| {
                j == m.end
                    || mc
                        .ms
                        .iter()
                        .any(|x| x.t0 > sc.s.tok_start + j && x.t0 <= sc.s.tok_start + j + 3)
            })
    }

    /// Stage 2b: the subject of a passive trigger without a "by" phrase ("Seven soldiers were
    /// killed"): the mention ending right before its auxiliaries (`clauses/passive.rs`).
    /// Not for an act on the actor's own forces (`passive::OWN_FORCES_CODES`).
    fn agentless_patient<'m>(&self, sc: &SentenceCx, mc: &MatchCx<'m>) -> Option<&'m Mention> {
        if passive::OWN_FORCES_CODES
            .iter()
            .any(|c| mc.pat.cameo.starts_with(c))
        {
            return None;
        }
        let aux = passive::passive_at(sc.words, mc.m.start)?;
        let end = sc.s.tok_start + passive::subject_end(sc.words, aux);
        mc.ms.iter().find(|x| x.t1 == end)
    }

    /// Whether the trigger in its base form ("blockade", "attacks") may be a noun.
    fn noun_trigger(&self, sc: &SentenceCx, mc: &MatchCx) -> bool {
        let t = sc.words[mc.m.start].as_str();
        mc.pat
            .text
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
    }

    /// Stage 3: the subject before the trigger, or the actor an apposition around it
    /// describes.
    fn subject<'m>(
        &self,
        sc: &SentenceCx,
        mc: &MatchCx<'m>,
        target: Option<&'m Mention>,
    ) -> Option<&'m Mention> {
        self.subject_at(sc, mc.ms, mc.trig, target, self.noun_trigger(sc, mc))
    }

    /// The subject of the verb (or noun) at token `trig` (see [`Coder::subject`]).
    fn subject_at<'m>(
        &self,
        sc: &SentenceCx,
        ms: &'m [Mention],
        trig: usize,
        target: Option<&'m Mention>,
        noun_trigger: bool,
    ) -> Option<&'m Mention> {
        let s = sc.s;
        let sentence = (s.tok_start, s.tok_end);
        let near = ms
            .iter()
            .rev()
            .filter(|x| x.t1 <= trig)
            .filter(|x| target.is_none_or(|t| t.t0 != x.t0))
            // not inside a relative clause closed before the trigger ("X, who visited Y, …")
            .filter(|x| {
                relative_clause(self.x.lower, sentence, x.t0).is_none_or(|(_, close)| close >= trig)
            })
            // a role word modifying the trigger noun ("the naval blockade", "a police
            // crackdown") is no actor
            .filter(|x| {
                !(x.t1 == trig
                    && noun_trigger
                    && x.actor.canonical.is_none()
                    && !x.pronoun
                    && x.t0 > s.tok_start
                    && ARTICLE_OR_POSSESSIVE.contains(&self.ltok(x.t0 - 1)))
            })
            .find(|x| {
                x.t0 == s.tok_start
                    || !PREPOSITIONS.contains(&self.ltok(x.t0 - 1))
                    || self.after_partitive(x.t0)
            })?;
        // inside an apposition ("Kenya, a close ally of the West, has refused"): the actor
        // the apposition describes
        let described = ms
            .iter()
            .filter(|y| y.t1 < near.t0 && near.t0 - y.t1 <= 30 && !y.pronoun)
            .filter(|y| self.tok(y.t1) == ",")
            .filter(|y| {
                matches!(self.ltok(y.t1 + 1), "a" | "an" | "the" | "its")
                    || matches!(self.tok(y.t1 + 2), "'s" | "\u{2019}s")
            })
            .find(|y| {
                let commas: Vec<usize> =
                    (y.t1 + 1..trig).filter(|&k| self.ltok(k) == ",").collect();
                commas.len() == 1 && commas[0] >= near.t1
            });
        Some(described.unwrap_or(near))
    }

    /// Stage 3b: the act of a to-infinitive after a verb and its object is the verb's
    /// subject's, unless the verb hands it to its object ([`control::purpose_of_subject`]):
    /// "Kenya summoned the Ugandan ambassador to protest" — Kenya protests.
    fn purpose_subject<'m>(&self, sc: &SentenceCx, mc: &MatchCx<'m>) -> Option<&'m Mention> {
        let (trig, ms) = (mc.trig, mc.ms);
        if trig < sc.s.tok_start + 3 || self.ltok(trig - 1) != "to" {
            return None;
        }
        let object = ms.iter().find(|x| x.t1 + 1 == trig && !x.pronoun)?;
        if object.t0 <= sc.s.tok_start {
            return None;
        }
        let verb = object.t0 - 1;
        if !control::purpose_of_subject(self.ltok(verb)) {
            return None;
        }
        self.subject_at(sc, ms, verb, None, false)
    }

    /// The actor right before a leading-target pattern ("Y" of "Y must"); a pronoun resolved to
    /// its actor stands for it ("told Iraq that it must").
    pub(super) fn addressee<'m>(&self, mc: &MatchCx<'m>) -> Option<&'m Mention> {
        let trig = mc.trig;
        mc.ms
            .iter()
            .rev()
            .find(|x| x.t1 <= trig && trig - x.t1 <= 1 && (!x.pronoun || x.actor.code.is_some()))
    }

    /// Stage 4: "$T must" ("X said Y must …"): the target right before the pattern and the
    /// sentence's subject as the source.
    fn obliged<'m>(
        &self,
        sc: &SentenceCx,
        mc: &MatchCx<'m>,
    ) -> Option<(&'m Mention, Option<&'m Mention>)> {
        let ms = mc.ms;
        let o = self.addressee(mc)?;
        let source = ms
            .iter()
            .find(|x| x.t1 <= o.t0 && !x.pronoun)
            .filter(|x| x.t0 == sc.s.tok_start || self.ltok(x.t0 - 1) == "the");
        Some((o, source))
    }

    /// Stage 6: the first actor after the trigger in the same clause (the object of the
    /// verb, or of its complement: "offered to send a delegation to Kenya").
    fn object<'m>(
        &self,
        sc: &SentenceCx,
        mc: &MatchCx<'m>,
        source: Option<&'m Mention>,
    ) -> Option<&'m Mention> {
        let (pat, trig, trig_end) = (mc.pat, mc.trig, mc.trig_end);
        // (also what is investigated or criticised: "investigating crimes by X")
        let asks_or_rejects = matches!(pat.cameo.get(..2), Some("02" | "09" | "10" | "11" | "12"));
        let src_t0 = source.map(|x| x.t0);
        // in a fronted subordinate clause ("Since the talks began ..., Smith has") the clause
        // ends at the first comma
        let fronted = FRONTED_SUBORDINATORS.contains(&sc.words[0].as_str());
        // a verb inside a relative clause reaches no further than the clause
        let clause_end = relative_clause(self.x.lower, (sc.s.tok_start, sc.s.tok_end), trig)
            .map_or(usize::MAX, |(_, close)| close);
        // a verb whose object is a topic ("discussed Iran") meets only who comes after "with"
        let topic_verb = crate::patterns::head_verb(&pat.text)
            .is_some_and(|v| self.k.vocabulary.topic_verbs.contains(v));
        mc.ms
            .iter()
            .filter(|x| x.t0 > trig && x.t0 <= trig_end + 12 && Some(x.t0) != src_t0 && !x.pronoun)
            .filter(|x| x.t0 < clause_end)
            .filter(|x| !topic_verb || self.after_with(x.t0))
            // a possessive modifies another noun ("in Smith's favour"), unless it is the
            // verb's object itself ("to protest the governor's decision")
            .filter(|x| !matches!(self.tok(x.t1), "'s" | "\u{2019}s") || x.t0 <= trig_end + 1)
            .find(|x| {
                (trig + 1..x.t0).all(|i| {
                    let w = self.ltok(i);
                    // a comma opening a new phrase ("…, arresting opponents, a spokesman for
                    // the ministry said") ends the verb's reach
                    let comma_stop =
                        w == "," && (fronted || ARTICLE_OR_POSSESSIVE.contains(&self.ltok(i + 1)));
                    // what is demanded or rejected names its agent after "by" ("demanded an
                    // apology by the ministry", "rejected calls by the union")
                    let agent_by = w == "by" && asks_or_rejects;
                    !comma_stop && (agent_by || !OBJECT_STOP_WORDS.contains(&w))
                })
            })
    }

    /// Whether the mention at token `t0` follows "with" (over "the").
    fn after_with(&self, t0: usize) -> bool {
        let mut i = t0;
        if i > 0 && self.ltok(i - 1) == "the" {
            i -= 1;
        }
        i > 0 && self.ltok(i - 1) == "with"
    }

    /// Stage 7: the actor the source's own forces (`t`) are moved to, from or against.
    fn where_forces_go<'m>(&self, t: &Mention, ms: &'m [Mention]) -> Option<&'m Mention> {
        ms.iter().find(|x| {
            x.t0 > t.t1
                && x.t0 <= t.t1 + 6
                && !x.pronoun
                && (t.t1..x.t0).any(|i| matches!(self.ltok(i), "to" | "from" | "against" | "into"))
                && (t.t1..x.t0).all(|i| !matches!(self.ltok(i), "," | ";"))
        })
    }

    /// Stage 8: a mention with the actors coordinated with it ("Kenya and its
    /// neighbours"), each an event's actor; `[None]` for no mention.
    fn coordinated(&self, first: Option<&Mention>, ms: &[Mention]) -> Vec<Option<Actor>> {
        let Some(f) = first else { return vec![None] };
        let mut v = vec![Some(f.actor.clone())];
        let mut cur = f.t1;
        loop {
            let conj = self.ltok(cur);
            if conj != "and" && conj != "," {
                break;
            }
            match ms
                .iter()
                .find(|x| x.t0 == cur + 1 || x.t0 == cur + 2 && self.ltok(cur + 1) == "the")
            {
                Some(n) if !n.pronoun => {
                    v.push(Some(n.actor.clone()));
                    cur = n.t1;
                }
                _ => break,
            }
        }
        // and back: "Kenyan and Ugandan negotiators" found from "Ugandan negotiators" (over
        // "and" only: "in the town of Moyale, the minister congratulated" is no pair)
        let mut cur = f.t0;
        while cur >= 1 && self.ltok(cur - 1) == "and" {
            match ms.iter().find(|x| x.t1 + 1 == cur && !x.pronoun) {
                Some(n) => {
                    v.insert(0, Some(n.actor.clone()));
                    cur = n.t0;
                }
                None => break,
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testing::{assert_dyad, assert_event, dyads};

    #[test]
    fn must_after_the_target_makes_a_demand_of_it() {
        assert_event(
            "Thailand insisted on Monday that Cambodia must withdraw its soldiers.",
            "100",
            "THA",
            "KHM",
        );
    }

    #[test]
    fn the_actor_an_apposition_describes_is_the_source() {
        assert_event(
            "Jordan, the closest Saudi ally in the Levant, condemned Iran over the arrests.",
            "11",
            "JOR",
            "IRN",
        );
    }

    #[test]
    fn own_troops_withdrawn_are_moved_not_targeted() {
        assert_dyad(
            "Poland plans to withdraw its troops from Iraq next year.",
            "POL",
            "IRQ",
        );
    }

    #[test]
    fn own_troops_offered_go_to_the_target() {
        assert_dyad("Nepal offered its troops to Haiti last week.", "NPL", "HTI");
    }

    #[test]
    fn forces_mobilised_are_against_the_target() {
        assert_dyad(
            "Armenia mobilized army reservists to guard against Azerbaijan.",
            "ARM",
            "AZE",
        );
    }

    #[test]
    fn what_is_rejected_names_its_agent_after_by() {
        assert_dyad(
            "Japan rejected appeals by China to scrap the patrols.",
            "JPN",
            "CHN",
        );
    }

    #[test]
    fn what_is_investigated_names_its_agent_after_by() {
        assert_dyad(
            "Chile is investigating reported beatings by Argentine guards at the crossing.",
            "CHL",
            "ARG",
        );
    }

    #[test]
    fn a_possessive_right_after_the_verb_is_its_object() {
        assert_dyad(
            "Greek farmers rallied to protest Turkey's import quotas.",
            "GRC",
            "TUR",
        );
    }

    #[test]
    fn a_role_word_modifying_the_event_noun_is_no_actor() {
        assert_dyad(
            "NATO said it would enforce the naval blockade of Libya.",
            "IGO",
            "LBY",
        );
    }

    #[test]
    fn a_role_word_before_the_verb_is_the_actor() {
        assert_dyad(
            "The Ethiopian army shelled villages in Eritrea.",
            "ETHMIL",
            "ERI",
        );
    }

    #[test]
    fn a_passives_agent_a_clause_later() {
        assert_dyad(
            "Peru's former leader has been accused of hiding state money, most of it in Swiss banks, by Chilean prosecutors.",
            "CHL",
            "PER",
        );
    }

    #[test]
    fn the_subject_of_a_passive_without_an_agent_is_its_target() {
        for (text, cameo, victim) in [
            (
                "Seven Kenyan soldiers were killed near the Somali border.",
                "19",
                "KEN",
            ),
            (
                "Two Ugandan journalists were reportedly arrested on Monday.",
                "17",
                "UGA",
            ),
            ("The Chilean envoy has been expelled.", "174", "CHL"),
        ] {
            let ev = dyads(text);
            let hit: Vec<_> = ev.iter().filter(|(c, _, _)| c.starts_with(cameo)).collect();
            assert!(!hit.is_empty(), "{text}: {ev:?}");
            assert!(
                hit.iter()
                    .all(|(_, s, t)| !s.starts_with(victim) && t.starts_with(victim)),
                "{text}: {ev:?}"
            );
        }
    }

    #[test]
    fn what_is_discussed_is_a_topic_and_who_it_is_discussed_with_the_partner() {
        let ev = dyads("The Chilean minister discussed Bolivia's claims in Santiago on Monday.");
        assert!(
            ev.iter()
                .all(|(c, _, t)| !c.starts_with("04") || !t.starts_with("BOL")),
            "{ev:?}"
        );
        let ev = dyads("The Chilean minister discussed water rights with Bolivia on Monday.");
        assert!(
            ev.iter()
                .any(|(c, _, t)| c.starts_with("04") && t.starts_with("BOL")),
            "{ev:?}"
        );
    }

    #[test]
    fn a_comma_opening_a_new_phrase_ends_the_verbs_reach() {
        let ev = dyads(
            "The Malian junta banned rallies in Bamako on Friday, detaining dozens, an official at the French embassy said.",
        );
        assert!(
            ev.iter()
                .all(|(c, _, t)| !c.starts_with("17") || !t.starts_with("FRA")),
            "{ev:?}"
        );
    }

    #[test]
    fn actors_coordinated_before_the_nearest_one_meet_each_other() {
        let ev = dyads(
            "Chilean and Bolivian negotiators head back to Geneva this month for talks on water rights.",
        );
        let met: Vec<&String> = ev
            .iter()
            .filter(|(c, _, _)| c.starts_with("04"))
            .map(|(_, s, _)| s)
            .collect();
        assert!(
            met.iter().any(|s| s.starts_with("CHL")) && met.iter().any(|s| s.starts_with("BOL")),
            "{ev:?}"
        );
    }

    #[test]
    fn a_place_before_a_comma_is_no_co_actor_of_the_subject_after_it() {
        let ev = crate::events::testing::coded_on(
            "During the summit, in the coastal city of Mombasa, Ugandan President Yoweri Museveni praised Paul Kagame.",
            "2024-01-01",
        );
        assert!(
            ev.iter().all(|e| !e.cameo.starts_with("05")
                || e.source
                    .as_ref()
                    .and_then(|a| a.code.as_deref())
                    .is_some_and(|c| c.starts_with("UGA"))),
            "{ev:?}"
        );
    }
}
