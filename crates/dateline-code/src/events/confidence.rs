//! Calibrated confidence: the probability that a coded event is right — its type, and the
//! source and target it names — given what the coder knows about how it found it.
//!
//! Each event is described by a few yes/no **features** read from the event as it is output
//! (which rule fired and how, whether its actors are coded, its mode, how crowded its
//! sentence is: [`Feature`]), and its confidence is a logistic model of them:
//! `1 / (1 + e^-(w·x))`, rounded to two decimals. The weights are data
//! (`data/events/confidence.tsv`, one `feature<TAB>weight` a line), fitted by
//! `scripts/fit_confidence.py` on judged events of news the rules were not written from, so that
//! among events of confidence 0.8 about 80% are right there (docs/BENCHMARKS.md shows the
//! reliability table). `code --explain` lists each event's features with their weights.
//!
//! A feature is a named fact about an event, not a rule: it changes no event, only how sure
//! the output says it is, and its weight is learned, never set by hand.

use dateline_core::{Event, EventMode};
use std::fmt;

/// One yes/no fact about a coded event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feature {
    /// Always on: the log-odds of an event with no other feature.
    Bias,
    /// The source has a CAMEO actor code ("Russia", "the Kenyan police").
    SourceCoded,
    /// A source is named but has no code ("a local group").
    SourceUncoded,
    /// The source is a pronoun resolved to an actor ("he", "they").
    SourcePronoun,
    /// The target has a CAMEO actor code.
    TargetCoded,
    /// A target is named but has no code.
    TargetUncoded,
    /// The target is the place the act happened in (`+target:place`).
    TargetPlace,
    /// The source is "unidentified attackers" of the place (`+source:unidentified`).
    SourceUnidentified,
    /// The source is named after the trigger ("… was attacked by rebels", "said the
    /// minister").
    SourceAfter,
    /// More than [`FAR`] bytes separate the source from the trigger before it.
    SourceFar,
    /// The target is named before the trigger ("the town, which rebels attacked").
    TargetBefore,
    /// More than [`FAR`] bytes separate the trigger from the target after it.
    TargetFar,
    /// The pattern comes from PETRARCH's general verb dictionary, not from the project's
    /// own patterns.
    GeneralLayer,
    /// The event is implied by another (`implied:…`: a visit's host).
    Implied,
    /// The event repeats an earlier one by anaphora ("the previous occasion").
    Anaphora,
    /// The pattern has more than one element ("{fly} to $T"), not a bare verb or noun.
    Phrase,
    /// The pattern is keyed on a plain word, not a verb with its forms ("talks", "airstrikes").
    PlainWord,
    /// A clause rule changed the code (`+armed`, `+refused`, `+threatened`, `+conditional`,
    /// `+content`).
    ClauseRule,
    /// The act is negated ("did not attack").
    Negated,
    /// The act is not reported as having happened: intended, hypothetical, requested,
    /// alleged, conditional or a purpose.
    NotAsserted,
    /// The act is hypothetical or conditional ("could attack", "if they attack").
    Hypothetical,
    /// The pattern's verb most often (WordNet 3.1's first sense) names an act of the kind
    /// its CAMEO root category is (`word_senses`).
    SenseFits,
    /// The pattern's verb most often names an act of another kind ("free" is most often
    /// about cost, "demonstrate" about showing).
    SenseMisfits,
    /// The pattern's verb has ten WordNet senses or more ("give", "hold", "take").
    Polysemous,
    /// The event's PLOVER type (an index into [`PLOVER_TYPES`]).
    Type(u8),
    /// The sentence gives three or more events.
    CrowdedSentence,
    /// The sentence is longer than 40 words.
    LongSentence,
    /// The event is dated by the clause's own time expression.
    DatedByText,
    /// The event is in the article's first sentence (the lede).
    Lede,
}

impl Feature {
    /// Every feature, in the order the weights file and `--explain` list them.
    pub const ALL: [Feature; 44] = [
        Feature::Bias,
        Feature::SourceCoded,
        Feature::SourceUncoded,
        Feature::SourcePronoun,
        Feature::TargetCoded,
        Feature::TargetUncoded,
        Feature::TargetPlace,
        Feature::SourceUnidentified,
        Feature::SourceAfter,
        Feature::SourceFar,
        Feature::TargetBefore,
        Feature::TargetFar,
        Feature::GeneralLayer,
        Feature::Implied,
        Feature::Anaphora,
        Feature::Phrase,
        Feature::PlainWord,
        Feature::ClauseRule,
        Feature::Negated,
        Feature::NotAsserted,
        Feature::Hypothetical,
        Feature::SenseFits,
        Feature::SenseMisfits,
        Feature::Polysemous,
        Feature::CrowdedSentence,
        Feature::LongSentence,
        Feature::DatedByText,
        Feature::Lede,
        Feature::Type(0),
        Feature::Type(1),
        Feature::Type(2),
        Feature::Type(3),
        Feature::Type(4),
        Feature::Type(5),
        Feature::Type(6),
        Feature::Type(7),
        Feature::Type(8),
        Feature::Type(9),
        Feature::Type(10),
        Feature::Type(11),
        Feature::Type(12),
        Feature::Type(13),
        Feature::Type(14),
        Feature::Type(15),
    ];

    /// The feature's place in [`Feature::ALL`] (and in a table of weights).
    pub fn index(self) -> usize {
        match self {
            Feature::Type(i) => Feature::ALL.len() - PLOVER_TYPES.len() + i as usize,
            f => Feature::ALL.iter().position(|g| *g == f).unwrap_or(0),
        }
    }

    /// The feature's name in the weights file and in `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Feature::Bias => "bias",
            Feature::SourceCoded => "source:coded",
            Feature::SourceUncoded => "source:uncoded",
            Feature::SourcePronoun => "source:pronoun",
            Feature::TargetCoded => "target:coded",
            Feature::TargetUncoded => "target:uncoded",
            Feature::TargetPlace => "target:place",
            Feature::SourceUnidentified => "source:unidentified",
            Feature::SourceAfter => "source:after-trigger",
            Feature::SourceFar => "source:far",
            Feature::TargetBefore => "target:before-trigger",
            Feature::TargetFar => "target:far",
            Feature::GeneralLayer => "rule:general",
            Feature::Implied => "rule:implied",
            Feature::Anaphora => "rule:anaphora",
            Feature::Phrase => "pattern:phrase",
            Feature::PlainWord => "pattern:word",
            Feature::ClauseRule => "rule:clause",
            Feature::Negated => "negated",
            Feature::NotAsserted => "mode:not-asserted",
            Feature::Hypothetical => "mode:hypothetical",
            Feature::SenseFits => "sense:fits",
            Feature::SenseMisfits => "sense:misfits",
            Feature::Polysemous => "sense:polysemous",
            Feature::Type(i) => TYPE_NAMES.get(i as usize).copied().unwrap_or("type:?"),
            Feature::CrowdedSentence => "sentence:crowded",
            Feature::LongSentence => "sentence:long",
            Feature::DatedByText => "date:text",
            Feature::Lede => "lede",
        }
    }

    fn by_name(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// PLOVER's event types, in the order of their features.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The names of the type features ("type:" and the PLOVER type).
const TYPE_NAMES: [&str; 16] = [
    "type:AGREE",
    "type:CONSULT",
    "type:SUPPORT",
    "type:CONCEDE",
    "type:COOPERATE",
    "type:AID",
    "type:RETREAT",
    "type:REQUEST",
    "type:ACCUSE",
    "type:REJECT",
    "type:THREATEN",
    "type:PROTEST",
    "type:SANCTION",
    "type:MOBILIZE",
    "type:COERCE",
    "type:ASSAULT",
];

/// Verbs of more senses than this are polysemous.
const POLYSEMOUS: u16 = 10;

/// Pronouns an actor mention can be ("he said", "they attacked").
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "his", "its", "their",
];

/// Bytes between an actor and the trigger beyond which the actor is far from it (about ten
/// words).
pub const FAR: usize = 60;

/// What the features of an event need from the article beyond the event itself.
pub struct Context {
    /// Events per sentence start, over the whole article.
    crowd: Vec<(usize, usize)>,
    /// Where the article's first sentence starts.
    first_sentence: Option<usize>,
}

impl Context {
    pub fn new(events: &[Event], first_sentence: Option<usize>) -> Context {
        let mut starts: Vec<usize> = events.iter().map(|e| e.sentence[0]).collect();
        starts.sort_unstable();
        let mut crowd: Vec<(usize, usize)> = Vec::new();
        for s in starts {
            match crowd.last_mut() {
                Some((l, n)) if *l == s => *n += 1,
                _ => crowd.push((s, 1)),
            }
        }
        Context {
            crowd,
            first_sentence,
        }
    }

    fn events_in_sentence(&self, start: usize) -> usize {
        self.crowd
            .binary_search_by_key(&start, |(s, _)| *s)
            .map_or(0, |i| self.crowd[i].1)
    }
}

/// The features of one event (always [`Feature::Bias`] first, then in [`Feature::ALL`] order).
pub fn features(e: &Event, cx: &Context) -> Vec<Feature> {
    let mut out = vec![Feature::Bias];
    let rule = e.rule.as_deref().unwrap_or("");
    let (head, flags) = match rule.find(" +") {
        Some(i) => (&rule[..i], &rule[i..]),
        None => (rule, ""),
    };
    let has_flag = |f: &str| flags.split(" +").any(|x| x == f);
    match &e.source {
        Some(a) if a.code.is_some() => out.push(Feature::SourceCoded),
        Some(_) => out.push(Feature::SourceUncoded),
        None => {}
    }
    if let Some(a) = &e.source {
        let t = a.text.to_lowercase();
        if PRONOUNS.contains(&t.as_str()) {
            out.push(Feature::SourcePronoun);
        }
    }
    match &e.target {
        Some(a) if a.code.is_some() => out.push(Feature::TargetCoded),
        Some(_) => out.push(Feature::TargetUncoded),
        None => {}
    }
    if let Some([t0, t1]) = e.trigger {
        if let Some((s0, s1)) = e.source.as_ref().and_then(|a| Some((a.start?, a.end?))) {
            if s0 > t0 {
                out.push(Feature::SourceAfter);
            } else if s1 + FAR < t0 {
                out.push(Feature::SourceFar);
            }
        }
        if let Some((g0, g1)) = e.target.as_ref().and_then(|a| Some((a.start?, a.end?))) {
            if g1 <= t0 {
                out.push(Feature::TargetBefore);
            } else if g0 > t1 + FAR {
                out.push(Feature::TargetFar);
            }
        }
    }
    if has_flag("target:place") {
        out.push(Feature::TargetPlace);
    }
    if has_flag("source:unidentified") {
        out.push(Feature::SourceUnidentified);
    }
    // "pattern:042 {fly} to $T", "pattern:111 petrarch: brave * CRITICISM", "implied:…"
    let mut verb: Option<&str> = None;
    if let Some(p) = head.strip_prefix("pattern:") {
        let text = p.split_once(' ').map_or("", |(_, t)| t).trim();
        verb = crate::patterns::head_verb(text);
        if let Some(rest) = text
            .strip_prefix(crate::patterns::PETRARCH_VERB.trim_end())
            .or_else(|| text.strip_prefix(crate::patterns::WORDNET_WORD.trim_end()))
        {
            out.push(Feature::GeneralLayer);
            if rest.split_whitespace().count() > 1 {
                out.push(Feature::Phrase);
            }
        } else {
            if text.split_whitespace().count() > 1 {
                out.push(Feature::Phrase);
            }
            if !text.starts_with('{') && !text.starts_with('$') {
                out.push(Feature::PlainWord);
            }
        }
    } else if head.starts_with("implied:") {
        out.push(Feature::Implied);
    } else if head.starts_with("anaphora:") {
        out.push(Feature::Anaphora);
    }
    if ["armed", "refused", "threatened", "conditional", "content"]
        .iter()
        .any(|f| flags.split(" +").any(|x| x.starts_with(f)))
    {
        out.push(Feature::ClauseRule);
    }
    if e.negated {
        out.push(Feature::Negated);
    }
    match e.mode {
        None | Some(EventMode::Asserted | EventMode::Implied) => {}
        Some(EventMode::Hypothetical | EventMode::Conditional) => out.push(Feature::Hypothetical),
        Some(_) => out.push(Feature::NotAsserted),
    }
    if let Some(verb) = verb {
        let senses = crate::word_senses::WordSenses::bundled();
        if let Some(d) = senses.dominant(verb) {
            let any = crate::word_senses::Dominance {
                min_share: 0.0,
                max_senses: u16::MAX,
                min_as_verb: 0.0,
            };
            out.push(if senses.names_act_of(verb, &e.cameo, any) {
                Feature::SenseFits
            } else {
                Feature::SenseMisfits
            });
            if d.senses >= POLYSEMOUS {
                out.push(Feature::Polysemous);
            }
        }
    }
    if cx.events_in_sentence(e.sentence[0]) >= 3 {
        out.push(Feature::CrowdedSentence);
    }
    if e.evidence.split_whitespace().count() > 40 {
        out.push(Feature::LongSentence);
    }
    if e.date_source == Some(dateline_core::DateSource::Text) {
        out.push(Feature::DatedByText);
    }
    if cx.first_sentence == Some(e.sentence[0]) {
        out.push(Feature::Lede);
    }
    let kind = e.plover.as_deref().unwrap_or("");
    if let Some(i) = PLOVER_TYPES.iter().position(|t| *t == kind) {
        out.push(Feature::Type(i as u8));
    }
    out
}

/// The weights of the confidence model.
#[derive(Debug, Clone)]
pub struct Calibration {
    weights: [f64; Feature::ALL.len()],
}

impl Calibration {
    /// The bundled weights (`data/events/confidence.tsv`).
    pub fn bundled() -> Calibration {
        match Calibration::parse(
            include_str!("../../data/events/confidence.tsv"),
            "data/events/confidence.tsv",
        ) {
            Ok(c) => c,
            // the bundled file is checked by a test: reaching this is a build of a broken file
            Err(e) => panic!("{e}"),
        }
    }

    /// Weights from `feature<TAB>weight` lines (`#` comments and blank lines skipped); a
    /// feature not listed weighs 0. An unknown feature, a bad number or a feature listed
    /// twice is an error naming `file` and the line.
    pub fn parse(text: &str, file: &str) -> Result<Calibration, String> {
        let mut weights = [0.0; Feature::ALL.len()];
        let mut seen = [false; Feature::ALL.len()];
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = || format!("{file}:{}", i + 1);
            let mut parts = line.split('\t');
            let name = parts.next().unwrap_or("").trim();
            let w = parts.next().unwrap_or("").trim();
            let f = Feature::by_name(name)
                .ok_or_else(|| format!("{}: unknown confidence feature {name:?}", at()))?;
            let w: f64 = w
                .parse()
                .ok()
                .filter(|w: &f64| w.is_finite())
                .ok_or_else(|| format!("{}: {w:?} is no weight (a number)", at()))?;
            let k = f.index();
            if seen[k] {
                return Err(format!("{}: feature {name:?} listed twice", at()));
            }
            seen[k] = true;
            weights[k] = w;
        }
        Ok(Calibration { weights })
    }

    pub fn weight(&self, f: Feature) -> f64 {
        self.weights[f.index()]
    }

    /// The probability the model gives to an event of these features, to two decimals.
    pub fn probability(&self, fs: &[Feature]) -> f64 {
        let z: f64 = fs.iter().map(|f| self.weight(*f)).sum();
        let p = 1.0 / (1.0 + (-z).exp());
        (p * 100.0).round() / 100.0
    }

    /// Set every event's confidence from its features.
    pub fn calibrate(&self, events: &mut [Event], first_sentence: Option<usize>) {
        let cx = Context::new(events, first_sentence);
        for e in events.iter_mut() {
            let fs = features(e, &cx);
            e.confidence = self.probability(&fs);
        }
    }

    /// Each event's features with their weights, for `--explain`.
    pub fn explain(
        &self,
        events: &[Event],
        first_sentence: Option<usize>,
    ) -> Vec<Vec<(Feature, f64)>> {
        let cx = Context::new(events, first_sentence);
        events
            .iter()
            .map(|e| {
                features(e, &cx)
                    .into_iter()
                    .map(|f| (f, self.weight(f)))
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::Actor;

    fn actor(text: &str, code: Option<&str>) -> Option<Actor> {
        Some(Actor {
            text: text.into(),
            canonical: None,
            code: code.map(str::to_string),
            country: None,
            start: None,
            end: None,
        })
    }

    fn event(rule: &str, source: Option<Actor>, target: Option<Actor>) -> Event {
        Event {
            cameo: "042".into(),
            plover: Some("CONSULT".into()),
            plover_mode: None,
            plover_context: None,
            quad_class: 1,
            goldstein: 1.9,
            source,
            target,
            date: None,
            date_source: None,
            place: None,
            sentence: [0, 40],
            evidence: "The minister flew to the capital for talks.".into(),
            negated: false,
            mode: Some(EventMode::Asserted),
            confidence: 0.0,
            rule: Some(rule.into()),
            trigger: None,
            about: Vec::new(),
        }
    }

    #[test]
    fn features_read_from_the_event_as_output() {
        let e = event(
            "pattern:042 {fly} to $T",
            actor("The minister", Some("GOV")),
            actor("Chad", Some("TCD")),
        );
        let cx = Context::new(std::slice::from_ref(&e), Some(0));
        let fs = features(&e, &cx);
        assert_eq!(
            fs,
            vec![
                Feature::Bias,
                Feature::SourceCoded,
                Feature::TargetCoded,
                Feature::Phrase,
                // "fly" most often means moving through the air (WordNet: motion, 14 senses),
                // not the kind of act a consultation is
                Feature::SenseMisfits,
                Feature::Polysemous,
                Feature::Lede,
                Feature::Type(1),
            ]
        );
        let mut k = event("pattern:181 {abduct}", actor("Rebels", Some("REB")), None);
        k.cameo = "181".into();
        k.plover = Some("ASSAULT".into());
        let fs = features(&k, &Context::new(&[], None));
        assert!(fs.contains(&Feature::SenseFits), "{fs:?}");
        assert!(fs.contains(&Feature::Type(15)), "{fs:?}");
        let g = event(
            "pattern:111 petrarch: brave * CRITICISM +target:place",
            actor("they", None),
            None,
        );
        let fs = features(&g, &Context::new(&[], None));
        for f in [
            Feature::SourceUncoded,
            Feature::SourcePronoun,
            Feature::TargetPlace,
            Feature::GeneralLayer,
            Feature::Phrase,
        ] {
            assert!(fs.contains(&f), "{f} missing from {fs:?}");
        }
        assert!(!fs.contains(&Feature::PlainWord));
        let w = event("pattern:042 talks", actor("Kenya", Some("KEN")), None);
        assert!(features(&w, &Context::new(&[], None)).contains(&Feature::PlainWord));
        let i = event("implied:visit-host", None, actor("Kenya", Some("KEN")));
        assert!(features(&i, &Context::new(&[], None)).contains(&Feature::Implied));
    }

    #[test]
    fn a_crowded_sentence_counts_the_article_s_events_in_it() {
        let e = event("pattern:042 {meet}", actor("Kenya", Some("KEN")), None);
        let three = vec![e.clone(), e.clone(), e.clone()];
        let cx = Context::new(&three, None);
        assert!(features(&e, &cx).contains(&Feature::CrowdedSentence));
        let cx = Context::new(&three[..2], None);
        assert!(!features(&e, &cx).contains(&Feature::CrowdedSentence));
    }

    #[test]
    fn the_probability_is_logistic_in_the_weights() {
        let c = Calibration::parse("# comment\nbias\t0\nsource:coded\t1.5\n", "w.tsv").unwrap();
        assert_eq!(c.probability(&[Feature::Bias]), 0.5);
        // 1 / (1 + e^-1.5) = 0.8176
        assert_eq!(c.probability(&[Feature::Bias, Feature::SourceCoded]), 0.82);
        // a feature not listed weighs nothing
        assert_eq!(c.probability(&[Feature::Bias, Feature::Lede]), 0.5);
    }

    #[test]
    fn a_bad_weights_file_is_an_error_naming_file_and_line() {
        let e = Calibration::parse("bias\t0\nsource:kodierte\t1\n", "w.tsv").unwrap_err();
        assert!(e.starts_with("w.tsv:2:"), "{e}");
        let e = Calibration::parse("bias\tlots\n", "w.tsv").unwrap_err();
        assert!(e.starts_with("w.tsv:1:") && e.contains("no weight"), "{e}");
        let e = Calibration::parse("bias\tNaN\n", "w.tsv").unwrap_err();
        assert!(e.contains("no weight"), "{e}");
        let e = Calibration::parse("bias\t1\nbias\t2\n", "w.tsv").unwrap_err();
        assert!(e.contains("twice"), "{e}");
    }

    #[test]
    fn the_bundled_weights_parse_and_name_every_feature() {
        let text = include_str!("../../data/events/confidence.tsv");
        assert!(Calibration::parse(text, "confidence.tsv").is_ok());
        for f in Feature::ALL {
            assert!(
                text.lines().any(|l| l.split('\t').next() == Some(f.name())),
                "{f} has no weight in the bundled file"
            );
        }
    }
}
