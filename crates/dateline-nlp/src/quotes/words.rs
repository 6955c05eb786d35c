//! Short grammatical closed sets the quote rules read (pronouns, determiners, a handful of
//! prepositions and conjunctions), and the two text helpers every quote module uses.
//!
//! Content vocabularies (speech verbs, document nouns, irregular pasts) are data: see
//! [`super::vocab`].

/// Personal pronouns that can stand for a speaker.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Pronouns whose antecedent is the last person named ("he said" → that person).
pub(super) const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Articles.
pub(super) const ARTICLES: &[&str] = &["the", "a", "an"];

/// Words opening a description that can be a speaker ("the former governor", "his aide").
pub(super) const DESCRIPTION_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "another",
];

/// Words opening a subordinate clause (or a phrase) before a sentence's main clause.
pub(super) const SUBORDINATORS: &[&str] = &[
    "although", "though", "while", "when", "after", "before", "because", "if", "since", "unless",
    "until", "despite", "whereas", "once", "as",
];

/// Auxiliaries ending the subject of "X was quoted/cited as saying".
pub(super) const PASSIVE_AUXILIARIES: &[&str] = &["was", "is", "has", "had", "were"];

/// Auxiliaries, modals and verbs of saying that end a possessor's noun phrase ("Scott's
/// family has …").
pub(super) const NOUN_PHRASE_ENDERS: &[&str] = &[
    "has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could", "should",
    "did", "does", "says", "said", "who",
];

/// Words right before a subject that mean there is none there yet: an infinitive, a modal, a
/// second verb ("… and said").
pub(super) const NO_SUBJECT_BEFORE: &[&str] = &[
    "to", "would", "will", "could", "should", "might", "and", "but", "then",
];

/// Determiners that open (and are kept in) a noun phrase.
pub(super) const NOUN_PHRASE_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
];

/// Conjunctions and relative words that end a noun phrase read backwards.
pub(super) const CLAUSE_BOUNDARIES: &[&str] = &[
    "and", "but", "or", "that", "when", "while", "because", "if", "as", "after", "before", "since",
    "which", "who", "where", "so",
];

/// Words after which a cue word is a noun, not a verb ("the statement", "his comments").
pub(super) const NOUN_MARKERS: &[&str] = &[
    "'s",
    "\u{2019}s",
    "the",
    "a",
    "an",
    "of",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
];

/// Possessives before a modifier and a noun ("Kim's mental state", "her early-morning tweets").
pub(super) const POSSESSIVES: &[&str] = &[
    "'s",
    "\u{2019}s",
    "his",
    "her",
    "their",
    "its",
    "my",
    "our",
    "your",
];

/// Prepositions whose object is no subject ("driving through the town shouted").
pub(super) const SUBJECTLESS_PREPOSITIONS: &[&str] = &[
    "through", "in", "at", "on", "into", "across", "from", "with", "under", "over", "near",
    "around", "of",
];

/// Prepositions that cannot sit inside an opening plural noun phrase ("Farmers driving
/// through …").
pub(super) const PHRASE_PREPOSITIONS: &[&str] = &[
    "through", "in", "at", "on", "into", "from", "with", "across", "near", "by", "for", "to",
];

/// Prepositions before an organisation that is not the subject when a person follows ("His
/// partner at Lenox, Lawrence Cummings, called …").
pub(super) const ORG_PREPOSITIONS: &[&str] = &["at", "of", "in", "for", "from", "with", "by"];

/// Function words a title may hold in lower case (`“Face the Nation”`).
pub(super) const TITLE_FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "a", "an", "in", "on", "to", "for", "at", "by", "with", "or",
];

/// Words that may open the noun phrase of a speaker after a quote: a clause opening with any
/// other lower-case word goes on with something else (`“…,” for instance, and Trump vowed`).
pub(super) const SPEAKER_PHRASE_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "another", "state", "former", "both",
    "two", "three", "several", "some",
];

/// Words that end the subject of an attribution after a quote when they follow a verb in the
/// past (`” Bennett shot back with a laugh`).
pub(super) const AFTER_VERB: &[&str] = &[
    ".", ",", "back", "as", "with", "before", "after", "while", "at", "in", "on", "from",
];

/// Determiners opening a description resolved to the last person named ("the senator").
pub(super) const DESCRIPTION_DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their"];

/// Pronouns left unresolved: their referent is a group, the writer or a thing.
pub(super) const UNRESOLVED_PRONOUNS: &[&str] = &["we", "they", "i", "it"];

/// Third-person personal pronouns, the subject of a gerund after a preposition.
pub(super) const THIRD_PERSON_PRONOUNS: &[&str] = &["he", "she", "they"];

/// Relative pronouns.
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["who", "that", "which"];

/// Conjunctions that start a new clause after a quote (`“…,” for instance, and Ortiz vowed`).
pub(super) const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "while"];

/// Words before a participle whose subject is the sentence's ("…, saying", "while chanting").
pub(super) const PARTICIPLE_OPENERS: &[&str] = &[",", "while", "before", "after", "when", "by"];

/// Prepositions before a gerund ("for saying that …").
pub(super) const GERUND_PREPOSITIONS: &[&str] = &["for", "of", "about", "without", "from"];

/// The quotation marks that delimit quotes in token text.
pub(super) const QUOTE_MARKS: &[&str] = &["\"", "\u{201c}", "\u{201d}"];

/// A word in lower case (the one lower-casing helper of the quote modules).
pub(super) fn lower(t: &str) -> String {
    t.to_lowercase()
}

/// Whether a token is punctuation (does not open with a letter or a digit).
pub(super) fn is_punct(t: &str) -> bool {
    !t.chars().next().is_some_and(char::is_alphanumeric)
}
