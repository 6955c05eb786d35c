//! Event coding: from an annotated article to coded events ([`code`]).
//!
//! For each sentence, in order (see `sentence`):
//!
//! 1. **Actors** (`mentions`, codes from names in `naming`): named mentions extended over
//!    titles, role words and nationality words in front of them ("Kenyan President William
//!    Ruto"), nationality words and places with role words ("the Ugandan army", "Chad
//!    rebels"), bare role words ("police", "the opposition"), subject pronouns. A mention's
//!    CAMEO code comes from the actor dictionaries by name (dated by the article), else from
//!    its country and role, else from its name or an apposition.
//! 2. **Pronouns** (`pronouns`): resolved to the actor they stand for (a quote's speaker
//!    for "we"); a name coded once keeps its code when it comes back bare.
//! 3. **Pattern matches** ([`crate::patterns`]) on the sentence's lower-case words; for each
//!    match the source and target (`arguments`): the target at the pattern's `$T` slot, else
//!    the verb's object; the source the nearest mention before the trigger that is not a
//!    preposition's object, the previous event's source for a coordinated verb ("... and
//!    thanked"), or the `by` phrase of a passive. Coordinated actors ("Kenya and Uganda") give
//!    one event each.
//! 4. **Negation and mode** (`modality`): `asserted`, `intended`, `hypothetical`; promised
//!    acts take CAMEO's intent or threat codes (`codes`).
//! 5. **Date** (`dating`) by the time expression governing the trigger, and **place**
//!    (`placing`) by the place its clause names; the article's date otherwise.
//! 6. **Clause rules** (`clauses`): threats and what they threaten, refused cooperation,
//!    conditions, armed force; an act that did not happen as an event of its own (what a
//!    request asks for, an accusation alleges, a condition or a purpose) goes into the
//!    `about` list of the event it belongs to, else stays with its `mode` saying so.
//! 7. **Implied events** (`implied`): a visit's host; "the previous occasion" repeated.
//!
//! Then, over the article: events dated by a definite reference to an earlier sentence's
//! event ("At the meeting, …": `date_source: reference`, `dating`) and duplicates merged
//! (`merge`).

mod arguments;
mod clauses;
mod coder;
mod codes;
pub mod confidence;
mod dating;
pub(crate) mod general_layer;
mod implied;
mod mentions;
mod merge;
mod modality;
mod naming;
mod placing;
mod pronouns;
mod recipients;
mod sentence;
#[cfg(test)]
pub(crate) mod testing;
mod titles;
mod vocabulary;
mod word_class;
mod words;

pub use codes::intent_code;
pub use vocabulary::Vocabulary;

use crate::actors::Actors;
use crate::ontology::Ontology;
use crate::patterns::Patterns;
use coder::Coder;
use dateline_core::{Entity, Event, Place, TimeExpr};
use dateline_geo::Gazetteer;
use dateline_nlp::{Lexicon, Sentence, Token};
use sentence::Carried;

/// Everything the coder reads.
pub struct Knowledge<'a> {
    pub actors: &'a Actors,
    pub ontology: &'a Ontology,
    pub patterns: &'a Patterns,
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
    pub vocabulary: &'a Vocabulary,
}

/// The annotated article the coder works on.
pub struct Input<'a> {
    pub body: &'a str,
    pub tokens: &'a [Token],
    /// Each token in lower case (`lower[i]` is `tokens[i].text(body).to_lowercase()`), as
    /// the annotate stage computed it once for the document.
    pub lower: &'a [String],
    pub sentences: &'a [Sentence],
    pub entities: &'a [Entity],
    pub times: &'a [TimeExpr],
    pub places: &'a [Place],
    pub published: Option<&'a str>,
    /// Direct quotes with their speakers: "we" and "I" inside one are the speaker.
    pub quotes: &'a [dateline_core::Quote],
}

/// Code the events of one article.
pub fn code(k: &Knowledge, x: &Input) -> Vec<Event> {
    let c = Coder::new(k, x);
    let mut events: Vec<Event> = Vec::new();
    let mut carried = Carried::default();
    for s in x.sentences {
        c.code_sentence(s, &mut events, &mut carried);
    }
    dating::dated_by_reference(k.vocabulary, &mut events, x);
    let mut events = merge::merge(events);
    k.vocabulary
        .calibration
        .calibrate(&mut events, first_sentence(x));
    events
}

/// Where the article's first sentence starts (the lede, a feature of confidence).
pub fn first_sentence(x: &Input) -> Option<usize> {
    x.sentences.first().map(|s| s.start)
}
