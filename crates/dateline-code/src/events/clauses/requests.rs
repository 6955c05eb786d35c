//! Acts that did not happen as events of their own ([`requested_acts`]): what a request asks
//! for, what an accusation alleges, the condition a threat sets, the purpose of an act. Each
//! such act goes into the `about` list of the event it belongs to instead of the event list;
//! with no such event it stays, its `mode` saying `requested`, `alleged`, `conditional` or
//! `purpose`. In stages, over one sentence's events:
//!
//! 1. **Requests** (02x, 10x): an act after a request with no clause boundary (";", ".")
//!    and at most 12 words and 160 bytes between is what it asks for; so is an act right
//!    after a noun for a request ("a proposal for", "calls to"). A generic request (020, 021,
//!    100) takes CAMEO's code for what it asks (1 material cooperation, 2 diplomatic
//!    cooperation, 3 aid, 5 yielding, 6 meeting, 8 mediation), with `+content` in its rule.
//! 2. **Conditions**: an act in an if- or unless-clause belongs to the event before it.
//! 3. **Purposes**: an act after "aims to", "designed to", "in order to" … is the purpose of
//!    the event before it.
//! 4. **Allegations**: an act after "of", "with" or "for" following an accusation word
//!    ("accused … of", "charged … with", "suspected of") belongs to the accusation (11x).
//! 5. **Protest demands**: a request that is a protest's purpose ("marched on Sunday,
//!    demanding …", "a sit-in to demand …") belongs to the protest (14x).
//! 6. **Coordination**: an act joined by "and" to a folded one (within six words, no comma)
//!    shares its fate.
//! 7. **Attachment**: each folded act joins the kept event its chain of hosts ends at.

use crate::events::codes::recode;
use crate::events::{Input, Knowledge, Vocabulary};
use dateline_core::{Event, EventContent, Relation};
use dateline_nlp::Sentence;

/// An act folded into another event: the event it belongs to (if any; an index into the
/// article's events) and how.
#[derive(Debug, Clone, Copy)]
struct Fold {
    host: Option<usize>,
    relation: Relation,
}

/// Per event of the sentence: the fold of an act that did not happen as an event of its own.
type Folded = Vec<Option<Fold>>;

fn is_request(e: &Event) -> bool {
    matches!(e.cameo.get(..2), Some("02" | "10"))
}

/// One sentence's events (from `first` on) being folded.
struct Folding<'e, 'x> {
    v: &'x Vocabulary,
    body: &'x str,
    s: &'x Sentence,
    events: &'e [Event],
    first: usize,
    folded: Folded,
}

impl Folding<'_, '_> {
    /// The nearest event of the sentence `pick` accepts whose trigger ends before byte `t0`.
    fn previous(&self, t0: usize, pick: &dyn Fn(&Event) -> bool) -> Option<usize> {
        (self.first..self.events.len())
            .filter(|&r| pick(&self.events[r]))
            .filter_map(|r| self.events[r].trigger.map(|t| (r, t[1])))
            .filter(|&(_, end)| end <= t0)
            .max_by_key(|&(_, end)| end)
            .map(|(r, _)| r)
    }

    /// The lower-case text right before byte `t0` in the sentence.
    fn before(&self, t0: usize) -> String {
        tail_text(self.body, self.s.start, t0).to_lowercase()
    }

    /// Stage 1: acts a request asks for; returns the codes generic requests take.
    fn requested(&mut self) -> Vec<(usize, String)> {
        let mut refine = Vec::new();
        for i in self.first..self.events.len() {
            if is_request(&self.events[i]) {
                continue;
            }
            let Some([t0, _]) = self.events[i].trigger else {
                continue;
            };
            // the nearest request before it, with no clause boundary between
            let governing = (self.first..self.events.len())
                .filter(|&r| is_request(&self.events[r]))
                .filter_map(|r| self.events[r].trigger.map(|t| (r, t[1])))
                .filter(|&(_, end)| {
                    end <= t0
                        && t0 <= self.s.end
                        && t0 - end <= 160
                        && !self.body[end..t0].contains([';', '.'])
                        && self.body[end..t0].split_whitespace().count() <= 12
                })
                .max_by_key(|&(_, end)| end);
            // or a noun for a request right before it ("a proposal for building a dam",
            // "calls for sending monitors"): the content of that request
            let before = self.before(t0);
            let tail: Vec<&str> = before.split_whitespace().rev().take(4).collect();
            let asked_for = tail
                .windows(2)
                .any(|w| matches!(w[0], "for" | "to") && self.v.request_nouns.contains(w[1]));
            if asked_for && governing.is_none() {
                self.folded[i] = Some(Fold {
                    host: self.previous(t0, &|_| true),
                    relation: Relation::Requested,
                });
                continue;
            }
            let Some((r, _)) = governing else { continue };
            self.folded[i] = Some(Fold {
                host: Some(r),
                relation: Relation::Requested,
            });
            let generic = matches!(self.events[r].cameo.as_str(), "020" | "021" | "100");
            if let (Some(d), true) = (asked_digit(&self.events[i].cameo), generic) {
                let prefix = if self.events[r].cameo.starts_with('1') {
                    "10"
                } else {
                    "02"
                };
                refine.push((r, format!("{prefix}{d}")));
            }
        }
        refine
    }

    /// Stages 2-4: conditions, purposes and allegations.
    fn conditions_purposes_allegations(&mut self) {
        for i in self.first..self.events.len() {
            let Some([t0, _]) = self.events[i].trigger else {
                continue;
            };
            let before = self.before(t0);
            // a condition ("… unless the rebels disarm", "if talks fail"): an act in an if- or
            // unless-clause
            let clause = before.rsplit([',', ';']).next().unwrap_or("");
            if clause
                .split_whitespace()
                .any(|w| matches!(w, "unless" | "if"))
            {
                self.folded[i] = Some(Fold {
                    host: self.previous(t0, &|_| true),
                    relation: Relation::Condition,
                });
                continue;
            }
            // what something is for ("a plan that aims to cut tariffs", "designed to deter",
            // "in order to protect"): the purpose of the event before it
            if states_purpose(self.v, &before) {
                if let Some(h) = self.previous(t0, &|_| true) {
                    self.folded[i] = Some(Fold {
                        host: Some(h),
                        relation: Relation::Purpose,
                    });
                    continue;
                }
            }
            // what someone is accused of ("accused the militia of burning homes", "suspected
            // of hiding weapons", "charging its neighbour with harbouring …")
            if self.events[i].cameo.starts_with("11") {
                continue;
            }
            let words: Vec<&str> = before.split_whitespace().rev().take(7).collect();
            let linked = words
                .first()
                .is_some_and(|w| matches!(*w, "of" | "with" | "for"));
            let accusing = words.iter().skip(1).any(|w| {
                self.v
                    .accusation_stems
                    .iter()
                    .any(|p| w.starts_with(p.as_str()))
            });
            if linked && accusing {
                let accusation = self.previous(t0, &|e: &Event| e.cameo.starts_with("11"));
                self.folded[i] = Some(Fold {
                    host: accusation,
                    relation: Relation::Alleged,
                });
            }
        }
    }

    /// Stage 5: a protest's demands are its purpose, not a request of their own.
    fn protest_demands(&mut self) {
        for i in self.first..self.events.len() {
            let Some([t0, t1]) = self.events[i].trigger else {
                continue;
            };
            let protest = self.previous(t0, &|e: &Event| e.cameo.starts_with("14"));
            let Some(p) = protest else { continue };
            let p_end = self.events[p].trigger.map_or(t0, |t| t[1]);
            let word = self.body[t0..t1]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let purpose = word.ends_with("ing")
                || tail_text(self.body, self.s.start, t0)
                    .trim_end()
                    .to_lowercase()
                    .ends_with(" to");
            if is_request(&self.events[i])
                && purpose
                && t0 - p_end.min(t0) <= 400
                && !self.body[p_end.min(t0)..t0].contains([';', '.'])
            {
                self.folded[i] = Some(Fold {
                    host: Some(p),
                    relation: Relation::Requested,
                });
            }
        }
    }

    /// Stage 6: an act coordinated with a folded one shares its fate ("aims to cut tariffs
    /// and open the ports", "demanded that X withdraw and pay").
    fn coordinated(&mut self) {
        for i in self.first..self.events.len() {
            if self.folded[i].is_some() {
                continue;
            }
            let Some([t0, _]) = self.events[i].trigger else {
                continue;
            };
            let Some(p) = self.previous(t0, &|_| true) else {
                continue;
            };
            let (Some(f), Some([_, p_end])) = (self.folded[p], self.events[p].trigger) else {
                continue;
            };
            if t0 - p_end.min(t0) > 80 {
                continue;
            }
            let gap = &self.body[p_end.min(t0)..t0];
            if gap.split_whitespace().any(|w| w == "and")
                && gap.split_whitespace().count() <= 6
                && !gap.contains([',', ';', '.'])
            {
                self.folded[i] = Some(f);
            }
        }
    }

    /// The kept event act `i` belongs to, following chains (an act folded into one that is
    /// folded itself).
    fn host(&self, i: usize, host: Option<usize>) -> Option<usize> {
        let mut h = host;
        for _ in 0..8 {
            match h.and_then(|x| self.folded[x].map(|f| f.host)) {
                Some(next) => h = next,
                None => break,
            }
        }
        h.filter(|&x| x != i && self.folded[x].is_none())
    }
}

/// The digit of CAMEO's request codes for what an act asks for (02x/10x), if any.
fn asked_digit(cameo: &str) -> Option<char> {
    match cameo.get(..3) {
        Some("045" | "046") => Some('8'),
        _ => match cameo.get(..2) {
            Some("06") => Some('1'),
            Some("05") => Some('2'),
            Some("07") => Some('3'),
            Some("08") => Some('5'),
            Some("04") => Some('6'),
            _ => None,
        },
    }
}

/// Whether the words before a trigger end in a phrase of purpose, with at most a verb after
/// it ("aims to tighten").
fn states_purpose(v: &Vocabulary, before: &str) -> bool {
    v.purpose_phrases.iter().any(|p| {
        let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        let tail = last.into_iter().rev().collect::<Vec<_>>().join(" ");
        tail.ends_with(p) || tail.starts_with(p) || tail.contains(&format!("{p} "))
    })
}

/// Fold the acts of one sentence's events (from `first` on) that did not happen into the
/// events they belong to (see the module's stages).
pub(in crate::events) fn requested_acts(
    k: &Knowledge,
    events: &mut Vec<Event>,
    first: usize,
    x: &Input,
    s: &Sentence,
) {
    let mut f = Folding {
        v: k.vocabulary,
        body: x.body,
        s,
        events,
        first,
        folded: vec![None; events.len()],
    };
    let refine = f.requested();
    let folded = std::mem::take(&mut f.folded);
    for (r, code) in refine {
        if !events[r]
            .rule
            .as_deref()
            .is_some_and(|x| x.contains("+content"))
        {
            recode(k, &mut events[r], &code, "content");
        }
    }
    let mut f = Folding {
        v: k.vocabulary,
        body: x.body,
        s,
        events,
        first,
        folded,
    };
    f.conditions_purposes_allegations();
    f.protest_demands();
    f.coordinated();
    let hosts: Folded = (0..events.len())
        .map(|i| {
            f.folded[i].map(|fold| Fold {
                host: f.host(i, fold.host),
                ..fold
            })
        })
        .collect();
    attach(events, first, &hosts);
}

/// Stage 7: attach each folded act to the kept event it belongs to, else keep it, flagged.
fn attach(events: &mut Vec<Event>, first: usize, hosts: &[Option<Fold>]) {
    let mut drop = vec![false; events.len()];
    for i in first..events.len() {
        let Some(Fold { host, relation }) = hosts[i] else {
            continue;
        };
        match host {
            Some(h) => {
                let content = EventContent {
                    relation,
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
            None => events[i].mode = Some(relation.mode()),
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

#[cfg(test)]
mod tests {
    use crate::events::testing::{any_code, coded, codes, dyads};
    use dateline_core::EventMode;

    #[test]
    fn the_act_a_demand_asks_for_is_its_content() {
        let ev = coded("Peru demanded that Chile ease restrictions on fish imports.");
        let demand = ev.iter().find(|e| e.cameo == "105").expect("a demand");
        assert!(
            demand
                .about
                .iter()
                .any(|a| a.relation == dateline_core::Relation::Requested
                    && a.cameo.starts_with("08")),
            "{ev:?}"
        );
        assert!(!ev.iter().any(|e| e.cameo.starts_with("08")), "{ev:?}");
    }

    #[test]
    fn a_repeated_demand_is_a_demand_and_its_content_is_not_done() {
        let c = codes("Greece repeated its demand that Turkey ease restrictions on Greek ships.");
        assert!(any_code(&c, "10") && !any_code(&c, "08"), "{c:?}");
    }

    #[test]
    fn talks_urged_are_asked_for_not_held() {
        let ev = dyads("Norway urged Sri Lanka to hold talks with Tamil rebels.");
        assert!(
            ev.iter()
                .any(|(c, s, t)| c == "026" && s == "NOR" && t == "LKA"),
            "{ev:?}"
        );
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("04")), "{ev:?}");
    }

    #[test]
    fn what_a_rejected_proposal_proposes_is_not_done() {
        let c = codes("Bolivia rejected a Peruvian proposal for signing a water accord.");
        assert!(any_code(&c, "12") && !c.iter().any(|c| c == "057"), "{c:?}");
    }

    #[test]
    fn what_is_alleged_belongs_to_the_accusation() {
        let ev = coded(
            "Colombia accused Venezuelan militias of violating the ceasefire near the border.",
        );
        let accusation = ev
            .iter()
            .find(|e| e.cameo.starts_with("11"))
            .expect("an accusation");
        assert!(
            accusation
                .about
                .iter()
                .any(|a| a.relation == dateline_core::Relation::Alleged),
            "{ev:?}"
        );
        assert!(!ev.iter().any(|e| e.cameo.starts_with("19")), "{ev:?}");
    }

    #[test]
    fn what_a_measure_is_designed_for_is_its_purpose() {
        let ev = coded(
            "France voiced support for a measure designed to freeze assets and impose an embargo on Mali.",
        );
        assert!(
            !ev.iter().any(|e| e.cameo.starts_with("13")
                || e.cameo.starts_with("16")
                || e.cameo.starts_with("19")),
            "{ev:?}"
        );
        assert!(
            ev.iter().any(|e| e
                .about
                .iter()
                .any(|a| a.relation == dateline_core::Relation::Purpose)),
            "{ev:?}"
        );
    }

    #[test]
    fn a_condition_with_nothing_to_belong_to_stays_flagged() {
        let ev = coded("If Sudan attacks Chadian towns, the region could burn.");
        assert!(
            ev.iter()
                .all(|e| !e.cameo.starts_with("18") || e.mode == Some(EventMode::Conditional)),
            "{ev:?}"
        );
    }

    #[test]
    fn a_threats_condition_is_no_event() {
        let c =
            codes("Turkey threatened to seal the frontier unless Syria withdraws its artillery.");
        assert!(any_code(&c, "13") && !any_code(&c, "08"), "{c:?}");
    }

    #[test]
    fn a_protests_demands_are_its_purpose() {
        let c = codes(
            "Students demonstrated in Dhaka on Friday, calling for the release of jailed activists.",
        );
        assert!(any_code(&c, "14") && !any_code(&c, "02"), "{c:?}");
    }

    #[test]
    fn an_act_in_its_own_clause_after_a_request_stays() {
        let c = codes(
            "The UN appealed for restraint; Nigerian soldiers later attacked a militant camp near Maiduguri.",
        );
        assert!(
            c.iter().any(|c| c.starts_with('1') && !c.starts_with("10")),
            "{c:?}"
        );
    }

    #[test]
    fn a_concession_to_demands_is_no_new_demand() {
        let c = codes("The Chilean cabinet conceded to demands from protesting miners.");
        assert!(any_code(&c, "08") && !any_code(&c, "10"), "{c:?}");
    }
}
