//! Threats, refusals and military force in one sentence's events ([`threats_and_force`]):
//!
//! 1. **What is threatened** ("threatened to impose restrictions"): an event triggered
//!    within ten tokens after a threat (13x) did not happen: it refines a generic threat's
//!    code ([`threat_code`]: `+threatened-act`) and is dropped;
//! 2. **Refused cooperation** ("will not accept refugees", "failed to reach agreement"): a
//!    negated cooperative act (03-08) is a rejection, which did happen (CAMEO 12: meeting
//!    125, cooperation 121, aid 122, else 120; `+refused-cooperation`), no longer negated;
//! 3. **Conditions**: a conflictual act (10-20) before "unless" is a threat of it
//!    (`+conditional`), its mode `conditional`;
//! 4. **Armed forces**: killing (180) or a mass killing (1823) by armed forces (a MIL code, or
//!    military words in the source or the 20 words before the trigger) is fighting: 195 from
//!    the air, else 190 (`+armed-forces`); not near bombing words, and not by rebels,
//!    insurgents, unaligned armed men or separatists. Abduction, torture, assault and
//!    assassination stay one-sided violence whoever does them.

use crate::events::codes::{recode, threat_code};
use crate::events::Vocabulary;
use crate::events::{Input, Knowledge};
use dateline_core::{Event, EventMode};
use dateline_nlp::Sentence;

/// One sentence's events, from `first` on, with the sentence's lower-case words.
struct SentenceEvents<'e, 'k, 'x> {
    k: &'k Knowledge<'k>,
    x: &'x Input<'x>,
    s: &'x Sentence,
    words: &'x [String],
    events: &'e mut Vec<Event>,
    first: usize,
}

impl SentenceEvents<'_, '_, '_> {
    /// The token index of an event's trigger (0 without one).
    fn trig_tok(&self, e: &Event) -> usize {
        e.trigger
            .map(|t| self.x.tokens.partition_point(|tok| tok.start < t[0]))
            .unwrap_or(0)
    }

    /// Stage 1: the acts threatened, refining their threats; returns which to drop.
    fn threatened_acts(&mut self) -> Vec<bool> {
        let threats: Vec<(usize, usize)> = (self.first..self.events.len())
            .filter(|&i| self.events[i].cameo.starts_with("13"))
            .map(|i| (i, self.trig_tok(&self.events[i])))
            .collect();
        let mut drop = vec![false; self.events.len()];
        for &(ti, tt) in &threats {
            let threatened: Vec<usize> = (self.first..self.events.len())
                .filter(|&j| {
                    let tj = self.trig_tok(&self.events[j]);
                    j != ti && !self.events[j].cameo.starts_with("13") && tj > tt && tj <= tt + 10
                })
                .collect();
            for j in threatened {
                let code = threat_code(&self.events[j].cameo);
                if self.events[ti].cameo == "130" && code != "130" {
                    recode(self.k, &mut self.events[ti], code, "threatened-act");
                }
                drop[j] = true;
            }
        }
        drop
    }

    /// Stage 2: cooperation refused or failed is a rejection.
    fn refused_cooperation(&mut self) {
        for e in self.events.iter_mut().skip(self.first) {
            let root: u8 = e.cameo.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
            if e.negated && (3..=8).contains(&root) {
                let code = match root {
                    4 => "125",     // refuse to meet or negotiate
                    5 | 6 => "121", // reject cooperation
                    7 => "122",     // reject a request for aid
                    _ => "120",
                };
                recode(self.k, e, code, "refused-cooperation");
                e.negated = false;
            }
        }
    }

    /// Stages 3 and 4 for the events not dropped.
    fn conditions_and_armed_force(&mut self, drop: &[bool]) {
        let unless = self
            .words
            .iter()
            .position(|w| w == "unless")
            .map(|i| self.s.tok_start + i);
        for (j, _) in drop
            .iter()
            .enumerate()
            .skip(self.first)
            .filter(|(_, &dropped)| !dropped)
        {
            let tj = self.trig_tok(&self.events[j]);
            let e = &mut self.events[j];
            let root: u8 = e.cameo.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
            if (10..=20).contains(&root) && unless.is_some_and(|u| u > tj) {
                if root != 13 {
                    let code = threat_code(&e.cameo);
                    recode(self.k, e, code, "conditional");
                }
                // an announced act already coded as its threat keeps that code
                e.mode = Some(EventMode::Conditional);
                continue;
            }
            if matches!(e.cameo.as_str(), "180" | "1823") {
                let at = tj - self.s.tok_start.min(tj);
                if let Some(code) = armed_forces_code(self.k.vocabulary, e, self.words, at) {
                    recode(self.k, e, code, "armed-forces");
                }
            }
        }
    }
}

/// Fighting's code for killing by armed forces, triggered at word `at` of the sentence's
/// `words`: 195 from the air, else 190; `None` when it stays one-sided violence.
fn armed_forces_code(
    v: &Vocabulary,
    e: &Event,
    words: &[String],
    at: usize,
) -> Option<&'static str> {
    let src_mil = e.source.as_ref().is_some_and(|a| {
        a.code.as_deref().is_some_and(|c| c.contains("MIL"))
            || a.text
                .split_whitespace()
                .any(|w| v.military(&w.to_lowercase()))
    });
    // the words of the trigger's clause before it (at most 20)
    let end = at.min(words.len());
    let before = &words[end.saturating_sub(20)..end];
    let by_air = before.iter().any(|w| v.aerial.contains(w));
    let armed = src_mil || before.iter().any(|w| v.military(w));
    // a bombing, or an attack by rebels or militants, is unconventional violence even against
    // soldiers ("militants wounded three soldiers with a roadside bomb")
    let near_words = &words[end.saturating_sub(20)..(end + 20).min(words.len())];
    let bombing = near_words.iter().any(|w| v.bombing.contains(w));
    let irregular = e.source.as_ref().is_some_and(|a| {
        a.code
            .as_deref()
            .is_some_and(|c| ["REB", "INS", "UAF", "SEP"].iter().any(|r| c.contains(r)))
    });
    (armed && !bombing && !irregular).then_some(if by_air { "195" } else { "190" })
}

/// Threats and military force in one sentence's events (from `first` on): see the module's
/// stages.
pub(in crate::events) fn threats_and_force(
    k: &Knowledge,
    words: &[String],
    s: &Sentence,
    x: &Input,
    events: &mut Vec<Event>,
    first: usize,
) {
    let mut se = SentenceEvents {
        k,
        x,
        s,
        words,
        events,
        first,
    };
    let drop = se.threatened_acts();
    se.refused_cooperation();
    se.conditions_and_armed_force(&drop);
    let mut j = 0;
    events.retain(|_| {
        j += 1;
        !drop[j - 1]
    });
}

#[cfg(test)]
mod tests {
    use crate::events::testing::{any_code, codes, dyads};

    #[test]
    fn what_is_threatened_is_not_done() {
        let c = codes(
            "The Peruvian government threatened to expel Bolivian diplomats over the dispute.",
        );
        assert!(
            !c.is_empty() && c.iter().all(|c| c.starts_with("13")),
            "{c:?}"
        );
    }

    #[test]
    fn a_conflictual_act_under_a_condition_is_a_threat() {
        let ev = crate::events::testing::coded(
            "Chile will boycott Peruvian goods unless the border dispute is settled.",
        );
        assert!(
            ev.iter().any(|e| e.cameo.starts_with("13")
                && e.mode == Some(dateline_core::EventMode::Conditional)),
            "{ev:?}"
        );
    }

    #[test]
    fn killing_by_ground_forces_is_fighting() {
        let c = codes("Malian soldiers killed three Nigerien smugglers at a checkpoint.");
        assert!(c.iter().any(|c| c == "190"), "{c:?}");
    }

    #[test]
    fn killing_from_the_air_is_aerial_fighting() {
        let c = codes("Algerian helicopter gunships killed six Libyan smugglers in the desert.");
        assert!(c.iter().any(|c| c == "195"), "{c:?}");
    }

    #[test]
    fn warplanes_that_bomb_use_aerial_weapons() {
        let c = codes("Ethiopian warplanes bombed militia camps in Somalia on Sunday.");
        assert!(c.iter().any(|c| c == "195"), "{c:?}");
    }

    #[test]
    fn failed_cooperation_is_a_rejection_that_happened() {
        let c = codes("Peru and Bolivia failed to reach a deal on water rights.");
        assert!(any_code(&c, "12"), "{c:?}");
    }

    #[test]
    fn torture_by_soldiers_stays_one_sided_violence() {
        let c = codes("Chadian soldiers tortured several Sudanese prisoners.");
        assert!(any_code(&c, "182"), "{c:?}");
    }

    #[test]
    fn a_bombing_against_soldiers_is_no_battle() {
        let ev =
            dyads("Separatist guerrillas wounded four Malian soldiers with a bomb near Kidal.");
        assert!(
            ev.iter()
                .any(|(c, _, t)| c.starts_with("18") && t.starts_with("MLI")),
            "{ev:?}"
        );
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("19")), "{ev:?}");
    }

    #[test]
    fn a_car_bomb_is_a_bombing_not_an_air_strike() {
        let c = codes("Militants set off a car bomb near a market in Kano on Sunday.");
        assert!(c.iter().any(|c| c == "183"), "{c:?}");
        assert!(!c.iter().any(|c| c == "195"), "{c:?}");
    }

    #[test]
    fn an_ultimatum_is_a_threat() {
        let c = codes("Moldova issued an ultimatum to Romania to recall its ambassador.");
        assert!(any_code(&c, "13"), "{c:?}");
    }

    #[test]
    fn being_prepared_to_impose_martial_law_is_a_threat_of_it() {
        let c =
            codes("The Bolivian cabinet said it was prepared to declare martial law in La Paz.");
        assert!(any_code(&c, "13") && !any_code(&c, "17"), "{c:?}");
    }
}
