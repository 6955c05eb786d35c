//! The word lists the resolver reads: vocabulary lists in `data/geo/*.txt` (one word a line
//! after `#` comments; formats in docs/data-formats.md), each parsed once into a set on first
//! use, and the short grammatical closed sets as named constants.

use dateline_core::hash::FastSet;
use std::sync::LazyLock;

/// A word list from `data/geo/`, looked up as written.
pub(crate) struct WordSet(FastSet<&'static str>);

impl WordSet {
    fn parse(text: &'static str) -> WordSet {
        WordSet(dateline_core::words::entries(text).collect())
    }

    /// Whether the list holds `word` as written (the lists are lower case unless their
    /// header says otherwise).
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(crate) static $name: LazyLock<WordSet> =
            LazyLock::new(|| WordSet::parse(include_str!(concat!("../data/geo/", $file))));
    };
}

word_list!(
    /// Words that alone name no place, though some town or region is called so.
    GENERIC,
    "generic-words.txt"
);
word_list!(
    /// Words naming a town's civic bodies and services ("Gainesville Police").
    CIVIC,
    "civic-words.txt"
);
word_list!(
    /// Last words of street and road names.
    STREETS,
    "street-words.txt"
);
word_list!(
    /// Words for a direction or a part of an area that open place names ("Northeast Georgia").
    DIRECTIONS,
    "direction-words.txt"
);
word_list!(
    /// Kinds of court or body before "Court" ("Superior Court"), capitalised.
    COURT_KINDS,
    "court-kinds.txt"
);
word_list!(
    /// Verbs of statement and action whose subject, a state, is its government ("said").
    ACTS,
    "acting-verbs.txt"
);
word_list!(
    /// Nouns of acts and agents a state owns as an actor ("Russia's entry").
    OWNED_ACTS,
    "owned-acts.txt"
);
word_list!(
    /// Institutions named after their town ("Springfield Science Museum").
    INSTITUTIONS,
    "institution-words.txt"
);
word_list!(
    /// Houses of worship a saint's name dedicates ("church", "cathedral").
    CHURCHES,
    "church-words.txt"
);
word_list!(
    /// Foundations named after a saint in the possessive ("St. Michael's Hospital").
    SAINT_FOUNDATIONS,
    "saint-foundations.txt"
);
word_list!(
    /// Last words of towns' names whose first part stands for the town ("Estates"), capitalised.
    SETTLEMENT,
    "settlement-words.txt"
);
word_list!(
    /// Country-code top-level domains sold as vanity names (".tv", ".io").
    VANITY_TLDS,
    "vanity-tlds.txt"
);

/// Function words and verbs of saying after a name: the name does not modify them as a noun
/// ("the White House said", "at the White House a day later").
pub(crate) const NOT_MODIFIED: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "with",
    "by",
    "from",
    "as",
    "late",
    "last",
    "this",
    "that",
    "these",
    "those",
    "is",
    "was",
    "were",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "did",
    "does",
    "do",
    "not",
    "also",
    "then",
    "than",
    "after",
    "before",
    "during",
    "when",
    "where",
    "while",
    "who",
    "which",
    "about",
    "over",
    "under",
    "into",
    "since",
    "until",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tonight",
    "itself",
    "so",
    "if",
    "because",
    "says",
    "said",
    "announced",
    "confirmed",
    "denied",
    "denies",
];

/// Prepositions of place before a name: the name is where, not who ("in Moscow said").
pub(crate) const LOCATIVES: &[&str] = &[
    "in", "at", "from", "to", "near", "into", "across", "of", "outside",
];

/// Prepositions before a town's name that a "person" of that name is the town after ("in
/// Maryville").
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &["in", "from", "near"];

/// Words for bodies of water that, before "of", begin a longer name ("Gulf" of "the Gulf of
/// Tonkin"), as the tagger may cut it.
pub(crate) const WATERS: &[&str] = &[
    "Gulf", "Bay", "Sea", "Strait", "Straits", "Lake", "Ocean", "Isle",
];

/// Words after a place's name that make it part of a disease's name ("West Nile virus",
/// "Hong Kong flu", "Rift Valley fever", "Lyme disease"): the illness, not the place.
pub(crate) const DISEASE_HEADS: &[&str] = &[
    "virus",
    "viruses",
    "ebolavirus",
    "flu",
    "influenza",
    "fever",
    "disease",
    "encephalitis",
];

/// Words after the hyphen of a town used as an adjective ("Seattle-based", "Gainesville-area").
pub(crate) const TOWN_ADJECTIVE_SUFFIXES: &[&str] = &["based", "area", "born", "headquartered"];

/// Words after a town's hyphen naming a district by direction ("Calgary-North West").
pub(crate) const DISTRICT_DIRECTIONS: &[&str] =
    &["North", "South", "East", "West", "Centre", "Center"];

/// Words before "of" in an organisation's name after which a town is named ("City of
/// Richmond", "University of Rochester").
pub(crate) const TOWN_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "port",
    "university",
    "college",
    "mayor",
];

/// Words of an agency's name that may run on after a street word ("Florida Highway" +
/// "Patrol").
pub(crate) const AGENCY_RUN_ON: &[&str] = &["Patrol", "Department", "Authority", "Commission"];

/// The words after a legislator's name before the party letter's hyphen (", R-Marshall,",
/// "(DFL-Cook)").
pub(crate) const PARTY_TAGS: &[&str] = &[", R", ", D", ", I", "(R", "(D", "(I", ", DFL", "(DFL"];

/// Countries' acronyms the tagger may leave out ("Why US fears …").
pub(crate) const COUNTRY_ACRONYMS: &[&str] = &["US", "U.S.", "UK", "U.K.", "USA", "UAE"];

/// How saints' names begin ("St. Peter", "Saint Paul").
pub(crate) const SAINT_PREFIXES: &[&str] = &["St. ", "St ", "Saint ", "Ste. ", "Sainte "];

/// Initials before a state's abbreviation the tagger cut off ("W. Va." read as "Va").
pub(crate) const STATE_INITIALS: &[&str] = &["W. ", "N. ", "S. "];

/// County abbreviations after a county's name ("PLYMOUTH CO.", "Loudon Co.").
pub(crate) const COUNTY_ABBREVIATIONS: &[&str] = &[" Co.", " CO.", " Co", " CO"];
