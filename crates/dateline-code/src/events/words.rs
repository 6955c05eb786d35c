//! Short grammatical closed sets the event coder reads (determiners, pronouns, prepositions,
//! clause words), named by what they do.

/// Prepositions: a mention after one is an object, not a verb's subject.
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "to", "from", "with", "on", "for", "by", "into", "about", "against", "over",
    "near", "between", "toward", "towards", "through", "under", "during", "across", "behind",
    "than",
];

/// Words that make the act after them in the clause only possible.
pub(super) const HYPOTHETICAL: &[&str] =
    &["may", "might", "could", "if", "unless", "whether", "should"];

/// Articles and possessives that open a noun phrase.
pub(super) const ARTICLE_OR_POSSESSIVE: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Words that may stand between a pattern's target slot and the target's mention.
pub(super) const SLOT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "two", "three", "several", "some",
];

/// Words before a one-word pattern that make its word a noun ("a visit", "by air").
pub(super) const NOUN_READING_BEFORE: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "by", "via",
];

/// Words of quantity before a plural that make it a noun ("two strikes", "several protests",
/// "its 2030 targets"; figures in digits count too): a verb's -s form after them would have
/// a plural subject, which English does not allow.
pub(super) const QUANTITY_BEFORE_PLURAL: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "several",
    "many",
    "few",
    "numerous",
    "multiple",
    "more",
];

/// Words that open a fronted subordinate clause, which ends at its first comma.
pub(super) const FRONTED_SUBORDINATORS: &[&str] = &[
    "since", "after", "when", "while", "although", "though", "as", "if", "before", "because",
    "once", "until",
];

/// Words a verb's object is not looked for past.
pub(super) const OBJECT_STOP_WORDS: &[&str] = &[
    ";", "said", "says", "told", "but", "while", "whereas", "\"", "by",
];

/// Words after which a new clause starts, for the reach of an intent word.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    ",",
    ";",
    "after",
    "before",
    "but",
    "while",
    "when",
    "because",
    "since",
    "following",
];

/// Words that start a new clause between a trigger and a time expression.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "said", "says", "saying", "told", "added", "which", "who", "when", "while", "because", "after",
    "before", "since",
];

/// Subject pronouns and possessives that can stand for an actor.
pub(super) const SUBJECT_PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "its", "their", "his", "we", "i", "our", "my",
];

/// Words between "in" and a place that still place a group there ("in the north of").
pub(super) const COMPASS_WORDS: &[&str] = &[
    "east", "west", "north", "south", "eastern", "western", "northern", "southern", "central",
];

/// Prepositions that introduce an event's place ("of" only after a settlement word).
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "of"];

/// Words before "occasion", "visit" … that point back to an earlier event.
pub(super) const EARLIER_WORDS: &[&str] = &["previous", "last", "earlier", "first", "prior"];

/// Auxiliaries before a past participle that make it passive ("was attacked").
pub(super) const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are"];

/// Words before a time expression that make it a limit, not the time of the clause's act
/// ("since 2011", "by Friday").
pub(super) const TIME_LIMITS: &[&str] = &["since", "until", "before", "by"];

/// Determiners that point back to something named before ("the meeting", "that summit").
pub(super) const DEFINITE_DETERMINERS: &[&str] = &["the", "that", "this", "these", "those"];

/// Possessives of an actor's own side ("its troops", "their forces").
pub(super) const OWN_POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our"];

/// Singular third-person pronouns: no antecedent among coordinated or plural actors.
pub(super) const SINGULAR_PRONOUNS: &[&str] = &["it", "its", "he", "she", "his"];

/// First-person pronouns: inside a direct quote, its speaker.
pub(super) const FIRST_PERSON: &[&str] = &["we", "i", "our", "my"];
