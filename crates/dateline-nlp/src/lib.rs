//! The `annotate` stage: sentences, tokens, entities, name coreference, times and quotes.
//!
//! Every annotation is stand-off (byte spans into the body); nothing here rewrites the body.
//! The crate knows nothing of files, databases or JSON Lines: it gets a body, a publication
//! date and a [`Lexicon`], and returns [`Annotations`].

pub mod coref;
pub mod entities;
pub mod lexicon;
pub mod ner;
pub mod quotes;
pub mod times;
pub mod tokens;

use dateline_core::{Entity, Quote, TimeExpr};
pub use lexicon::{norm_key, LexEntry, Lexicon};
pub use tokens::{Sentence, Token};

/// Everything the annotate stage decides about one body.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub tokens: Vec<Token>,
    /// Each token in lower case (`lower[i]` is `tokens[i].text(body).to_lowercase()`),
    /// computed once here for every stage that reads words case-blind.
    pub lower: Vec<String>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    pub quotes: Vec<Quote>,
}

/// Run every annotator over `body`.
pub fn annotate(
    body: &str,
    published: Option<&str>,
    lex: &Lexicon,
    tagger: Option<&ner::Model>,
) -> Annotations {
    let toks = tokens::tokenize(body);
    let lower = tokens::lower_case(body, &toks);
    let sents = tokens::sentences(body, &toks);
    let mut ents = entities::recognize(body, &toks, &lower, &sents, lex, tagger);
    coref::resolve(&mut ents);
    let times = times::find(body, &toks, &lower, &sents, published);
    // a time expression is never also an entity
    ents.retain(|e| !times.iter().any(|t| t.start < e.end && e.start < t.end));
    let quotes = quotes::find(body, &toks, &lower, &sents, &ents, lex);
    Annotations {
        tokens: toks,
        lower,
        sentences: sents,
        entities: ents,
        times,
        quotes,
    }
}
