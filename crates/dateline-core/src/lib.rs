//! The data model of `dateline` and its public output schema, `dateline.article/1`.
//!
//! Everything the pipeline decides is *stand-off*: a byte span (`start`, `end`, end exclusive)
//! into [`Document::body`] plus what was decided about it. Nothing after reading rewrites the
//! body. This crate has no heavy dependencies (`serde` and `serde_json` for the JSON shape),
//! so every stage can depend on it cheaply.
//!
//! The JSON field names and meanings are documented in `docs/schema.md`; the contract with the
//! evaluation scripts is `CONTRACT.md` in the shared folder. Fields are only ever added.

use serde::{Deserialize, Serialize};

pub mod currency;
pub use dateline_text::{date, hash, key, tsv, words};
pub use dateline_text::{norm_key, norm_key_folded_into, norm_key_into};

/// Name of the output schema written in every object's `schema` field.
pub const SCHEMA: &str = "dateline.article/1";

/// Metadata of one article, as read from its source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    #[serde(default)]
    pub byline: Vec<String>,
    /// Publication date, ISO 8601 (`2018-05-18`), as precise as the source says.
    pub published: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    /// Photo and image credits found in the page (kept out of the body).
    #[serde(default)]
    pub credits: Vec<String>,
    /// Related-article links found in the page (kept out of the body).
    #[serde(default)]
    pub related: Vec<Related>,
    /// Where `published` came from (see [`PublishedSource`]); absent when undated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_source: Option<PublishedSource>,
    /// The character encoding a text file was decoded from (an `encoding_rs` name such as
    /// `windows-1252`), only when it was not UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// Where an article's publication date came from (see [`Article::published_source`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedSource {
    /// The `--published` option.
    Option,
    /// The format's metadata: a JSON Lines field, HTML meta tags, a feed item, a WARC record,
    /// a Markdown header line.
    Metadata,
    /// A date line near the top of the text ("May 18, 2018", "MOSCOW, May 18 (Reuters) -").
    Text,
    /// A date in the file's name or path (`2018-05-18`, `20180518`, `2018/05/18`).
    Path,
}

/// A "related article" link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub title: String,
    pub url: Option<String>,
}

/// Entity types (OntoNotes names, as CONTRACT.md fixes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Fac,
    Event,
    Misc,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Fac => "FAC",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }
}

/// A named entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The name this mention refers to, after in-article coreference
    /// ("Assad" -> "Bashar al-Assad"; "Syrian" -> "Syria").
    pub canonical: Option<String>,
    /// Where the decision came from (`gazetteer:country`, `rule:title`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A temporal expression (TimeML TIMEX3 types).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimeKind,
    /// Normalised value: ISO date truncated to what the text says, or a TIMEX3 value.
    pub value: Option<String>,
}

/// A TIMEX3 type, written in upper case (`DATE`, `TIME`, `DURATION`, `SET`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeKind {
    /// A calendar date or a vaguer span of the calendar (`2018-05-18`, `2018-Q3`, `PAST_REF`).
    Date,
    /// A time of day (`2018-05-18T15:00`, `2018-05-18TNI`).
    Time,
    /// A length of time (`P3Y`, `PT2H`).
    Duration,
    /// A recurring time (`P1W`, `XXXX-WXX-4`).
    Set,
}

impl TimeKind {
    /// A DATE or a TIME: a time that falls somewhere on the calendar (not a length of time or
    /// a recurrence).
    pub fn is_anchored(self) -> bool {
        matches!(self, TimeKind::Date | TimeKind::Time)
    }

    /// The TIMEX3 name, as written in the JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "DATE",
            TimeKind::Time => "TIME",
            TimeKind::Duration => "DURATION",
            TimeKind::Set => "SET",
        }
    }
}

/// A toponym resolved to a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub name: String,
    pub geonameid: Option<u64>,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// GeoNames feature code (`PPL`, `PPLC`, `PCLI`, `SEA`, `RGN`, ...).
    pub feature: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// How the text names the place when not by its name: `demonym` ("Russian" for Russia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
}

/// Why one entity of an article was placed or not (`dateline code --explain`): the rule that
/// decided and the gazetteer candidates with their scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceDecision {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The entity's type as the tagger gave it.
    pub entity_type: EntityType,
    /// The type the place stage read it as, where it corrected the tagger ("Hasakah" a
    /// person the article places elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_as: Option<EntityType>,
    /// `placed` or `dropped`.
    pub outcome: String,
    /// The named rule that decided (docs/explain.md lists them).
    pub rule: String,
    /// The place it became, where placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The gazetteer's readings of the name, best first, with their scores where scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<PlaceCandidate>,
}

/// One gazetteer reading of a name, for [`PlaceDecision`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceCandidate {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub feature: String,
    pub population: u64,
    /// Whether the name is the place's main name (else one of its alternate names).
    pub main_name: bool,
    /// The resolver's score, where it got as far as scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// What `dateline code --explain` adds to an article: per entity, why it was placed or not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub places: Vec<PlaceDecision>,
    /// Per event, in the order of `events`, the features its confidence was computed from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<ConfidenceTerms>,
}

/// How an event's `confidence` came about (`dateline code --explain`): the logistic model's
/// features that are on for it, each with its weight; the confidence is
/// `1 / (1 + e^-(sum of weights))`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfidenceTerms {
    pub confidence: f64,
    pub features: Vec<FeatureWeight>,
}

/// One feature of an event and its weight in the confidence model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureWeight {
    pub feature: String,
    pub weight: f64,
}

/// How a text names a place other than by the place's own name; a place named so never
/// places an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// a country's or region's adjective or people ("Russian troops", "Egyptians"), a country
    /// before a hyphen ("U.S.-led"), a town before "-based"
    Demonym,
    /// inside an organisation's name ("Kentucky State Police", "University of Georgia")
    Organisation,
    /// a state acting as its government ("Moscow said", "the White House said")
    Metonymy,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub text: String,
    pub canonical: Option<String>,
    /// Byte span of the speaker mention in the body, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// A direct quote or a piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `direct` (inside quotation marks) or `indirect` (reported speech).
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The cue verb or phrase ("told", "according to").
    pub cue: Option<String>,
    /// The person addressed ("told Putin"), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// The verbatim pieces (byte spans inside quotation marks) of a direct quote whose span
    /// holds more than one piece: fragments of one statement split by the attribution
    /// (`"…," he said, "…"`), or quoted words inside reported speech (`called the plan "dead on
    /// arrival"`, where the span is the reported clause). Empty for a plain quote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<[usize; 2]>,
}

/// Whether a quote is in quotation marks or reported speech (`"direct"`, `"indirect"` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech.
    Indirect,
}

impl QuoteKind {
    /// The name written in JSON and in the store: `direct` or `indirect`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

impl std::fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An actor of an event, coded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub text: String,
    pub canonical: Option<String>,
    /// CAMEO actor code (`SYRGOV`, `RUS`, `IGOUNO`).
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// The place an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    /// GeoNames feature code of the place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
}

/// One coded event with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// CAMEO event code with its leading zero.
    pub cameo: String,
    /// PLOVER event type.
    pub plover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<PloverMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover_context: Option<String>,
    pub quad_class: u8,
    pub goldstein: f64,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    /// ISO date of the event, as precise as the evidence says.
    pub date: Option<String>,
    /// Where the date came from: `text` (a time expression in the clause), `reference` (the
    /// sentence names its event by a definite noun, "the meeting", dated by an earlier
    /// sentence: "talks on Thursday") or `article` (the publication date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<DateSource>,
    pub place: Option<EventPlace>,
    /// Byte span of the evidence sentence.
    pub sentence: [usize; 2],
    pub evidence: String,
    pub negated: bool,
    /// Whether the event happened or what else it is: see [`EventMode`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<EventMode>,
    pub confidence: f64,
    /// The pattern or rule that fired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The trigger words, a byte span into the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<[usize; 2]>,
    /// Acts this event is about that did not happen as events of their own: what a request
    /// asks for, what an accusation alleges, the condition a threat sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<EventContent>,
}

/// An article's political relevance: event data is about politics, and sports results,
/// market reports and the like are filtered out before anything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relevance {
    /// The article reports politics: its events are kept. When false, its events are dropped
    /// (unless the run keeps every topic) and `topic` says what it is instead.
    pub political: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
    /// What decided it, for a reader ("sports words 14 (9 distinct)", "score lines 6").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
}

/// What a non-political article is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    /// Match reports, results, tables.
    Sports,
    /// Market reports, company results.
    Markets,
    /// A subject PETRARCH's story-level discard list names (entertainment, history, weather…).
    Discarded,
}

/// PLOVER's mode of an event type (see [`Event::plover_mode`]): the closed set of the CAMEO to
/// PLOVER table (`data/events/cameo2plover.txt`, `plover-overrides.txt`), named as it spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PloverMode {
    Abduct,
    Access,
    Allege,
    Arrest,
    Assassinate,
    Assist,
    Ban,
    Beat,
    Boycott,
    Ceasefire,
    Change,
    Cleansing,
    Curfew,
    Demo,
    Deport,
    Disapprove,
    Disarm,
    Discontinue,
    Ease,
    Expel,
    Explosives,
    Firearms,
    #[serde(rename = "heavy-weapons")]
    HeavyWeapons,
    Hunger,
    Investigate,
    #[serde(rename = "martial-law")]
    MartialLaw,
    Massacre,
    Meet,
    Obstruct,
    Phone,
    Police,
    Political,
    #[serde(rename = "pro_autocracy")]
    ProAutocracy,
    Relations,
    Release,
    Restrict,
    Return,
    Riot,
    Seize,
    Sexual,
    #[serde(rename = "suicide-attack")]
    SuicideAttack,
    Territory,
    #[serde(rename = "third-party")]
    ThirdParty,
    Torture,
    Troops,
    Unconventional,
    Violence,
    Visit,
    Withdraw,
    Yield,
}

impl PloverMode {
    /// Every mode, for parsing.
    pub const ALL: &'static [PloverMode] = &[
        PloverMode::Abduct,
        PloverMode::Access,
        PloverMode::Allege,
        PloverMode::Arrest,
        PloverMode::Assassinate,
        PloverMode::Assist,
        PloverMode::Ban,
        PloverMode::Beat,
        PloverMode::Boycott,
        PloverMode::Ceasefire,
        PloverMode::Change,
        PloverMode::Cleansing,
        PloverMode::Curfew,
        PloverMode::Demo,
        PloverMode::Deport,
        PloverMode::Disapprove,
        PloverMode::Disarm,
        PloverMode::Discontinue,
        PloverMode::Ease,
        PloverMode::Expel,
        PloverMode::Explosives,
        PloverMode::Firearms,
        PloverMode::HeavyWeapons,
        PloverMode::Hunger,
        PloverMode::Investigate,
        PloverMode::MartialLaw,
        PloverMode::Massacre,
        PloverMode::Meet,
        PloverMode::Obstruct,
        PloverMode::Phone,
        PloverMode::Police,
        PloverMode::Political,
        PloverMode::ProAutocracy,
        PloverMode::Relations,
        PloverMode::Release,
        PloverMode::Restrict,
        PloverMode::Return,
        PloverMode::Riot,
        PloverMode::Seize,
        PloverMode::Sexual,
        PloverMode::SuicideAttack,
        PloverMode::Territory,
        PloverMode::ThirdParty,
        PloverMode::Torture,
        PloverMode::Troops,
        PloverMode::Unconventional,
        PloverMode::Violence,
        PloverMode::Visit,
        PloverMode::Withdraw,
        PloverMode::Yield,
    ];

    /// The name as PLOVER spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            PloverMode::Abduct => "abduct",
            PloverMode::Access => "access",
            PloverMode::Allege => "allege",
            PloverMode::Arrest => "arrest",
            PloverMode::Assassinate => "assassinate",
            PloverMode::Assist => "assist",
            PloverMode::Ban => "ban",
            PloverMode::Beat => "beat",
            PloverMode::Boycott => "boycott",
            PloverMode::Ceasefire => "ceasefire",
            PloverMode::Change => "change",
            PloverMode::Cleansing => "cleansing",
            PloverMode::Curfew => "curfew",
            PloverMode::Demo => "demo",
            PloverMode::Deport => "deport",
            PloverMode::Disapprove => "disapprove",
            PloverMode::Disarm => "disarm",
            PloverMode::Discontinue => "discontinue",
            PloverMode::Ease => "ease",
            PloverMode::Expel => "expel",
            PloverMode::Explosives => "explosives",
            PloverMode::Firearms => "firearms",
            PloverMode::HeavyWeapons => "heavy-weapons",
            PloverMode::Hunger => "hunger",
            PloverMode::Investigate => "investigate",
            PloverMode::MartialLaw => "martial-law",
            PloverMode::Massacre => "massacre",
            PloverMode::Meet => "meet",
            PloverMode::Obstruct => "obstruct",
            PloverMode::Phone => "phone",
            PloverMode::Police => "police",
            PloverMode::Political => "political",
            PloverMode::ProAutocracy => "pro_autocracy",
            PloverMode::Relations => "relations",
            PloverMode::Release => "release",
            PloverMode::Restrict => "restrict",
            PloverMode::Return => "return",
            PloverMode::Riot => "riot",
            PloverMode::Seize => "seize",
            PloverMode::Sexual => "sexual",
            PloverMode::SuicideAttack => "suicide-attack",
            PloverMode::Territory => "territory",
            PloverMode::ThirdParty => "third-party",
            PloverMode::Torture => "torture",
            PloverMode::Troops => "troops",
            PloverMode::Unconventional => "unconventional",
            PloverMode::Violence => "violence",
            PloverMode::Visit => "visit",
            PloverMode::Withdraw => "withdraw",
            PloverMode::Yield => "yield",
        }
    }

    /// The mode PLOVER spells `s`, if any.
    pub fn parse(s: &str) -> Option<PloverMode> {
        PloverMode::ALL.iter().copied().find(|m| m.as_str() == s)
    }
}

/// Where an event's date came from (see [`Event::date_source`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A time expression in the event's clause.
    Text,
    /// A definite noun ("the meeting") dated by an earlier sentence.
    Reference,
    /// The publication date.
    Article,
}

impl DateSource {
    /// The name as written in JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Text => "text",
            DateSource::Reference => "reference",
            DateSource::Article => "article",
        }
    }
}

/// Whether an event happened, and if not, what it is (see [`Event::mode`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventMode {
    /// Reported as done.
    Asserted,
    /// Promised, planned or announced.
    Intended,
    /// Possible: under "may", "could", "if", "whether".
    Hypothetical,
    /// Implied by another event (a visit implies its host).
    Implied,
    /// Asked for by a request with no event of its own to belong to.
    Requested,
    /// What an accusation alleges, with no accusation to belong to.
    Alleged,
    /// Set as a condition ("unless …"), or a threat under one.
    Conditional,
    /// The purpose of an act, with no act to belong to.
    Purpose,
}

impl EventMode {
    /// The name as written in JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            EventMode::Asserted => "asserted",
            EventMode::Intended => "intended",
            EventMode::Hypothetical => "hypothetical",
            EventMode::Implied => "implied",
            EventMode::Requested => "requested",
            EventMode::Alleged => "alleged",
            EventMode::Conditional => "conditional",
            EventMode::Purpose => "purpose",
        }
    }
}

/// An act an event is about (see [`Event::about`]), coded but not reported as done.
/// How an act that did not happen as an event of its own relates to the event whose `about`
/// list holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// What a demand, appeal or proposal asks for.
    Requested,
    /// The condition a threat sets ("… unless …").
    Condition,
    /// What an act is for ("a motion meant to widen the embargo").
    Purpose,
    /// What an accusation alleges.
    Alleged,
}

impl Relation {
    /// The name as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Requested => "requested",
            Relation::Condition => "condition",
            Relation::Purpose => "purpose",
            Relation::Alleged => "alleged",
        }
    }

    /// The mode of an act related this way that has no event to belong to.
    pub fn mode(self) -> EventMode {
        match self {
            Relation::Requested => EventMode::Requested,
            Relation::Condition => EventMode::Conditional,
            Relation::Purpose => EventMode::Purpose,
            Relation::Alleged => EventMode::Alleged,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventContent {
    /// How the act relates to the event it is listed under.
    pub relation: Relation,
    pub cameo: String,
    pub plover: Option<String>,
    /// The act's trigger words, a byte span into the body.
    pub trigger: Option<[usize; 2]>,
    /// The act's target, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Actor>,
}

/// One article through the pipeline: the unit of output (`dateline.article/1`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    pub id: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub article: Article,
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<[usize; 2]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<Entity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub times: Option<Vec<TimeExpr>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<Place>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Quote>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<Event>>,
    /// Whether the article reports politics, and what else it is when not (set by coding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevance: Option<Relevance>,
    /// Problems met while reading that did not stop it (non-fatal).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Why each place-like entity was placed or not (only with `code --explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explanation>,
}

impl Document {
    /// A document read from `source` with the given metadata and body. The id is a stable hash
    /// of the canonical URL when there is one, else of the whitespace-normalised body.
    pub fn new(source: &str, article: Article, body: String) -> Self {
        let id = match &article.url {
            Some(u) if !u.is_empty() => hash::hex_id(u.as_bytes()),
            _ => hash::hex_id(hash::normalise_ws(&body).as_bytes()),
        };
        Document {
            schema: SCHEMA.to_string(),
            id,
            source: source.to_string(),
            article,
            body,
            ..Default::default()
        }
    }

    /// An output object for an input that could not be processed.
    pub fn failed(source: &str, id: Option<String>, error: String) -> Self {
        Document {
            schema: SCHEMA.to_string(),
            id: id.unwrap_or_default(),
            source: source.to_string(),
            error: Some(error),
            ..Default::default()
        }
    }
}

/// The items of `v` (sorted by `start`) whose start lies in `[a, b)`, found by binary search:
/// the stages look at one sentence or a few words at a time, and a long article must cost
/// linear time, not sentences × entities.
pub fn starting_in<T>(v: &[T], start: impl Fn(&T) -> usize, a: usize, b: usize) -> &[T] {
    let lo = v.partition_point(|x| start(x) < a);
    let hi = lo + v[lo..].partition_point(|x| start(x) < b);
    &v[lo..hi]
}

/// A span that covers `body[start..end]`; helper used by every stage to build annotations.
pub fn span_text(body: &str, start: usize, end: usize) -> String {
    body.get(start..end).unwrap_or("").to_string()
}

/// Each space-separated word with its first letter in upper case and the rest in lower case
/// ("BASHAR AL-ASSAD" -> "Bashar Al-assad", "PLYMOUTH" -> "Plymouth").
pub fn title_case(s: &str) -> String {
    if s.is_ascii() {
        // the same, a byte at a time (28k actor names at start-up)
        let mut out = String::with_capacity(s.len());
        let mut first = true;
        for c in s.chars() {
            if c == ' ' {
                out.push(' ');
                first = true;
            } else if first {
                out.push(c.to_ascii_uppercase());
                first = false;
            } else {
                out.push(c.to_ascii_lowercase());
            }
        }
        return out;
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
