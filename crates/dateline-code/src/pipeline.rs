//! The whole pipeline after reading: annotate, resolve places, code events. Loads every
//! knowledge file once ([`Pipeline::new`]) and is then shared by all worker threads.

use crate::actors::Actors;
use crate::events::{self, Knowledge, Vocabulary};
use crate::ontology::Ontology;
use crate::patterns::{PatternError, Patterns};
use dateline_core::{title_case, Document, EntityType};
use dateline_geo::Gazetteer;
use dateline_nlp::{norm_key, LexEntry, Lexicon};

pub struct Pipeline {
    pub lexicon: Lexicon,
    /// The trained entity tagger (`data/models/ner.bin`).
    pub tagger: dateline_nlp::ner::Model,
    pub gazetteer: Gazetteer,
    pub actors: Actors,
    pub ontology: Ontology,
    pub patterns: Patterns,
    /// The event coder's word lists.
    pub vocabulary: Vocabulary,
    /// Annotate articles whose `language` is known and not English too (with the English
    /// models). Off by default: such an article keeps its body and metadata, gets a warning,
    /// and no annotations.
    pub all_languages: bool,
    /// Keep the events of articles judged not political (sports, markets …; see
    /// [`crate::relevance`]). Off by default: their events are dropped, the judgement kept.
    pub all_topics: bool,
    /// Events below this confidence are dropped (0: none is).
    pub min_confidence: f64,
    /// Add to each article why each place-like entity was placed or not (`code --explain`).
    pub explain: bool,
}

/// Why the bundled knowledge could not be loaded (a build defect: each file is tested to load).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Gazetteer(#[from] dateline_geo::GeoError),
    #[error(transparent)]
    Patterns(#[from] PatternError),
    #[error("data/models/ner.bin: {0}")]
    Model(#[from] dateline_nlp::ner::ModelError),
    #[error("the {0} loader panicked")]
    LoaderPanicked(&'static str),
}

impl Pipeline {
    /// The pipeline with the bundled knowledge files.
    pub fn new() -> Result<Pipeline, LoadError> {
        let timing = std::env::var_os("DATELINE_TIMING").is_some();
        let t0 = std::time::Instant::now();
        // the gazetteer, the word lists, the actors and the patterns are independent: the
        // gazetteer loads on a thread of its own, the word lists, ontology, patterns and tagger
        // on another, while this one reads the actors; then the lexicon's place names (on a
        // thread) and its actor names (on this one) are made side by side, and joined
        let loaded = std::thread::scope(|s| {
            let g = s.spawn(|| {
                let gazetteer = Gazetteer::bundled();
                (gazetteer, t0.elapsed())
            });
            let (words_tx, words_rx) = std::sync::mpsc::channel();
            let p = s.spawn(move || {
                // the word lists first: the actors' names need them
                let _ = words_tx.send(Lexicon::with_word_lists());
                // the general layer without the patterns that could never make an event
                let ontology = Ontology::bundled();
                let patterns =
                    Patterns::bundled_with(|p| events::general_layer::admits(p, &ontology));
                let tagger =
                    dateline_nlp::ner::Model::from_bytes(include_bytes!("../data/models/ner.bin"));
                (ontology, patterns, tagger, t0.elapsed())
            });
            let actors = Actors::bundled();
            let t1 = t0.elapsed();
            let lexicon = match (g.join(), words_rx.recv()) {
                (Ok((Ok(gazetteer), t2)), Ok(mut words)) => {
                    // (about one name in two is kept)
                    words.names.reserve(actors.by_name.len() / 2);
                    let (places, names) = std::thread::scope(|s2| {
                        let places = s2.spawn(|| add_place_names(Lexicon::default(), &gazetteer));
                        let names = add_actor_names(words, &gazetteer, &actors);
                        (places.join(), names)
                    });
                    let places = places.map_err(|_| LoadError::LoaderPanicked("place names"))?;
                    Ok((gazetteer, with_place_names(names, places), t2))
                }
                (Ok((Err(e), _)), _) => Err(e),
                (Err(_), _) => return Err(LoadError::LoaderPanicked("gazetteer")),
                (_, Err(_)) => return Err(LoadError::LoaderPanicked("word lists")),
            };
            let t4 = t0.elapsed();
            let rest = p
                .join()
                .map_err(|_| LoadError::LoaderPanicked("patterns"))?;
            Ok((lexicon, actors, rest, [t1, t4]))
        });
        let (lexicon, actors, (ontology, patterns, tagger, t3), [t1, t4]) = loaded?;
        let (gazetteer, lexicon, t2) = lexicon?;
        let (patterns, tagger) = (patterns?, tagger?);
        let p = Pipeline::assemble_with(gazetteer, actors, patterns, tagger, ontology, lexicon);
        if timing {
            eprintln!(
                "dateline: data loaded in {:?} (actors {:?}; beside them the gazetteer {:?}, and the word lists, ontology, patterns and tagger {:?}; the lexicon's place and actor names, side by side, done at {:?})",
                t0.elapsed(),
                t1,
                t2,
                t3,
                t4,
            );
        }
        Ok(p)
    }

    /// Add the verb patterns of a file `name` holding `text`: PETRARCH's CAMEO verb
    /// dictionary format (recognised by its `---` verb blocks) or dateline's own pattern
    /// format. Returns how many patterns were added; a syntax error names the file and line,
    /// and nothing is added. (Reading the file is the caller's: this crate does no I/O.)
    pub fn add_verbs(&mut self, name: &str, text: &str) -> Result<usize, PatternError> {
        let petrarch = text.lines().any(|l| l.starts_with("---"));
        let extra = if petrarch {
            Patterns::parse_petrarch(text).map(|(p, _skipped)| p)
        } else {
            Patterns::parse(text)
        }
        .map_err(|e| e.in_file(name))?;
        crate::patterns::check_codes(text, petrarch, |c| self.ontology.knows(c))
            .map_err(|e| e.in_file(name))?;
        let n = extra.list.len();
        self.patterns.extend(extra);
        Ok(n)
    }

    /// The pipeline with the given knowledge (e.g. a user's verb patterns).
    pub fn with(
        gazetteer: Gazetteer,
        actors: Actors,
        patterns: Patterns,
        tagger: dateline_nlp::ner::Model,
    ) -> Pipeline {
        Pipeline::assemble(gazetteer, actors, patterns, tagger, Ontology::bundled())
    }

    fn assemble(
        gazetteer: Gazetteer,
        actors: Actors,
        patterns: Patterns,
        tagger: dateline_nlp::ner::Model,
        ontology: Ontology,
    ) -> Pipeline {
        let lexicon = build_lexicon(&gazetteer, &actors);
        Pipeline::assemble_with(gazetteer, actors, patterns, tagger, ontology, lexicon)
    }

    fn assemble_with(
        gazetteer: Gazetteer,
        actors: Actors,
        patterns: Patterns,
        tagger: dateline_nlp::ner::Model,
        ontology: Ontology,
        lexicon: Lexicon,
    ) -> Pipeline {
        Pipeline {
            lexicon,
            tagger,
            gazetteer,
            actors,
            ontology,
            patterns,
            vocabulary: Vocabulary::bundled(),
            all_languages: false,
            all_topics: false,
            min_confidence: 0.0,
            explain: false,
        }
    }

    /// Annotate and code one document read by `dateline-read`.
    /// [`Pipeline::run`], with a failure inside the pipeline (a bug) turned into an error
    /// record for this document, naming it, instead of ending the whole run: the other
    /// documents of the batch are coded and written as usual.
    pub fn run_guarded(&self, d: Document) -> Document {
        let (source, id) = (d.source.clone(), d.id.clone());
        guarded(&source, &id, || self.run(d))
    }

    pub fn run(&self, mut d: Document) -> Document {
        if !self.all_languages {
            if let Some(lang) = d.article.language.as_deref().filter(|l| !is_english(l)) {
                let note = format!(
                    "{NOT_ANNOTATED}the article's language is \"{lang}\", not English \
                     (--all-languages annotates it with the English models)"
                );
                d.warnings.push(note);
                return d;
            }
        }
        let published = d.article.published.clone();
        let body = std::mem::take(&mut d.body);
        let ann = dateline_nlp::annotate(
            &body,
            published.as_deref(),
            &self.lexicon,
            Some(&self.tagger),
        );
        let outlet_country = d
            .article
            .url
            .as_deref()
            .and_then(|u| self.gazetteer.country_of_url(u));
        let places = self
            .gazetteer
            .resolve_for_outlet(&body, &ann.entities, outlet_country);
        let input = events::Input {
            body: &body,
            tokens: &ann.tokens,
            lower: &ann.lower,
            sentences: &ann.sentences,
            entities: &ann.entities,
            times: &ann.times,
            places: &places,
            published: published.as_deref(),
            quotes: &ann.quotes,
        };
        let evs = events::code(
            &Knowledge {
                actors: &self.actors,
                ontology: &self.ontology,
                patterns: &self.patterns,
                gazetteer: &self.gazetteer,
                lexicon: &self.lexicon,
                vocabulary: &self.vocabulary,
            },
            &input,
        );
        // the features of each event's confidence, over all the article's events (how
        // crowded a sentence is does not depend on which are kept)
        let terms = self.explain.then(|| {
            self.vocabulary
                .calibration
                .explain(&evs, events::first_sentence(&input))
        });
        let lower: Vec<&str> = ann.lower.iter().map(String::as_str).collect();
        let relevance = crate::relevance::judge(&body, &lower);
        let topic_kept = relevance.political || self.all_topics;
        let kept = |e: &dateline_core::Event| topic_kept && e.confidence >= self.min_confidence;
        if let Some(terms) = terms {
            d.explain = Some(dateline_core::Explanation {
                places: self.gazetteer.explain(&body, &ann.entities, outlet_country),
                events: evs
                    .iter()
                    .zip(terms)
                    .filter(|(e, _)| kept(e))
                    .map(|(e, t)| dateline_core::ConfidenceTerms {
                        confidence: e.confidence,
                        features: t
                            .into_iter()
                            .map(|(f, weight)| dateline_core::FeatureWeight {
                                feature: f.name().to_string(),
                                weight,
                            })
                            .collect(),
                    })
                    .collect(),
            });
        }
        let mut evs = evs;
        evs.retain(kept);
        d.relevance = Some(relevance);
        d.sentences = Some(ann.sentences.iter().map(|s| [s.start, s.end]).collect());
        d.entities = Some(ann.entities);
        d.times = Some(ann.times);
        d.places = Some(places);
        d.quotes = Some(ann.quotes);
        d.events = Some(evs);
        d.body = body;
        d
    }
}

/// How the warning of an article left unannotated (its language is not English) begins.
pub const NOT_ANNOTATED: &str = "not annotated: ";

/// The language of a document [`Pipeline::run`] left unannotated, if it did.
pub fn not_annotated_language(d: &Document) -> Option<&str> {
    if d.warnings.iter().any(|w| w.starts_with(NOT_ANNOTATED)) {
        d.article.language.as_deref()
    } else {
        None
    }
}

/// Whether a language code or name (`en`, `en-GB`, `eng`, `English`) is English.
pub fn is_english(language: &str) -> bool {
    let l = language.trim().to_ascii_lowercase();
    let primary = l.split(['-', '_']).next().unwrap_or("");
    matches!(primary, "en" | "eng" | "english")
}

/// Names for the entity recogniser: countries, demonyms, regions and places from the
/// gazetteer; people and organisations from the actor dictionaries; given names from the
/// people's first names.
pub fn build_lexicon(g: &Gazetteer, a: &Actors) -> Lexicon {
    build_lexicon_with(Lexicon::with_word_lists(), g, a)
}

/// [`build_lexicon`] on a lexicon whose word lists are loaded already.
pub fn build_lexicon_with(lex: Lexicon, g: &Gazetteer, a: &Actors) -> Lexicon {
    add_actor_names(add_place_names(lex, g), g, a)
}

/// The lexicon `names` ([`add_actor_names`] on a lexicon of word lists and no names) with
/// the place names of `places` ([`add_place_names`] on an empty one) under its names: the
/// lexicon [`build_lexicon_with`] makes, whose actor names are added after the place names.
/// (The actor names are their own keys, no two the same, so each meets only the place name of
/// its key, as it would have added after them.)
pub fn with_place_names(mut names: Lexicon, places: Lexicon) -> Lexicon {
    let actor_names = std::mem::replace(&mut names.names, places.names);
    for (k, e) in actor_names {
        names.add_key_with(k, e.kind, e.priority, || e);
    }
    names
}

/// [`Lexicon::add_with`] of an entry whose canonical name is made only when it is kept.
fn add_lazily(
    lex: &mut Lexicon,
    name: &str,
    kind: EntityType,
    canonical: &dyn Fn() -> String,
    tag: &'static str,
    priority: u8,
) {
    lex.add_with(name, kind, priority, || LexEntry {
        kind,
        canonical: Some(canonical()),
        tag,
        priority,
        place_too: false,
    })
}

/// The first part of [`build_lexicon_with`]: the gazetteer's names (and the group words),
/// which need no actors (so that they can be added while the actors load).
pub fn add_place_names(mut lex: Lexicon, g: &Gazetteer) -> Lexicon {
    let e = |kind, canonical: &str, tag, priority| LexEntry {
        kind,
        canonical: Some(canonical.to_string()),
        tag,
        priority,
        place_too: false,
    };
    lex.names.reserve(160_000);
    for c in &g.countries {
        lex.add(
            &c.name,
            e(EntityType::Gpe, &c.name, "gazetteer:country", 90),
        );
        for alt in &c.alts {
            lex.add(alt, e(EntityType::Gpe, &c.name, "gazetteer:country", 89));
        }
        for d in &c.demonyms {
            lex.add(d, e(EntityType::Norp, &c.name, "gazetteer:demonym", 85));
        }
    }
    for (w, canonical, _) in Lexicon::group_words() {
        lex.add(&w, e(EntityType::Norp, &canonical, "lexicon:group", 84));
    }
    // (seats of government are left to the tagger: "the Kremlin" is mostly an organisation)
    for r in g.regions.iter().filter(|r| r.feature != "BLDG") {
        lex.add(r.name, e(EntityType::Loc, r.name, "gazetteer:region", 60));
        for alt in r.alts() {
            lex.add(alt, e(EntityType::Loc, r.name, "gazetteer:region", 59));
        }
    }
    // towns under 5,000 people are for resolving toponyms, not for recognising names: the
    // tagger was trained with this lexicon (airports too: their "population" is their town's)
    for p in g
        .places
        .iter()
        .filter(|p| p.feature != "AIRP")
        .filter(|p| p.population >= 5_000 || p.feature == "ADM1")
    {
        let adm = p.feature == "ADM1";
        let big = p.population >= 15_000 || adm;
        let prio = if adm {
            45
        } else if big {
            40
        } else {
            30
        };
        let name = || p.name.to_string();
        add_lazily(
            &mut lex,
            p.name,
            EntityType::Gpe,
            &name,
            "gazetteer:place",
            prio,
        );
        if p.population >= 100_000 {
            for alt in p.alts() {
                add_lazily(&mut lex, alt, EntityType::Gpe, &name, "gazetteer:place", 20);
            }
        }
    }
    lex
}

/// The second part of [`build_lexicon_with`], after [`add_place_names`]: the actor
/// dictionaries' people and organisations.
pub fn add_actor_names(mut lex: Lexicon, g: &Gazetteer, a: &Actors) -> Lexicon {
    // in the map's order: the names are its keys, normalised (`norm_key` of a key is the key
    // itself), so each is its own lexicon key, distinct from the others', and no two actor
    // names meet in the lexicon; the order changes nothing
    let names: Vec<(&String, &usize)> = a.by_name.iter().collect();
    // an entry listed under a person's surname ("ASSAD" beside "BASHAR_AL-ASSAD") is a person
    let surnames: dateline_core::hash::FastSet<&str> = names
        .iter()
        .filter(|(n, &i)| a.entries[i].person && n.contains(' '))
        .filter_map(|(n, _)| n.rsplit(' ').next())
        .collect();
    let mut person_entry: Vec<bool> = a.entries.iter().map(|e| e.person).collect();
    for (n, &i) in &names {
        let role_coded = a.entries[i].codes.iter().all(|c| c.code.len() > 3);
        if !n.contains(' ') && surnames.contains(n.as_str()) && role_coded && g.lookup(n).is_empty()
        {
            person_entry[i] = true;
        }
    }
    // the titles in upper case: a key's ASCII word, upper case, is a title if it is one of
    // these (Lexicon::is_title without lower-casing it; other words ask the lexicon)
    let titles: dateline_core::hash::FastSet<String> = lex
        .titles
        .iter()
        .filter(|t| t.is_ascii() && !t.bytes().any(|b| b.is_ascii_uppercase()))
        .map(|t| t.to_ascii_uppercase())
        .collect();
    let is_title = |lex: &Lexicon, w: &str| {
        if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_lowercase()) {
            titles.contains(w)
        } else {
            lex.is_title(w)
        }
    };
    for (name, &idx) in names {
        let entry = &a.entries[idx];
        let code = entry.codes.first().map(|c| c.code.as_str()).unwrap_or("");
        if code.len() == 3 && !person_entry[idx] {
            continue; // a country block: the gazetteer has the names
        }
        if name.split(' ').any(|w| is_title(&lex, w)) {
            continue; // "PRESIDENT PUTIN": the recogniser strips titles itself
        }
        let (first, several) = match name.split_once(' ') {
            Some((first, _)) => (first, true),
            None => (name.as_str(), false),
        };
        let single_common = !several && lex.is_common(first);
        if single_common || name.len() < 3 {
            continue;
        }
        let canonical = || title_case(name);
        let add = |lex: &mut Lexicon, kind, tag, priority| {
            lex.add_key_with(name.clone(), kind, priority, || LexEntry {
                kind,
                canonical: Some(canonical()),
                tag,
                priority,
                place_too: false,
            })
        };
        if person_entry[idx] {
            add(&mut lex, EntityType::Person, "dictionary:person", 70);
            if several && !lex.is_common(first) && first.len() > 2 {
                lex.given_names.insert(norm_key(first));
            }
        } else {
            add(&mut lex, EntityType::Org, "dictionary:org", 65);
        }
    }
    lex
}

/// The document `f` makes, or, if it fails with a panic (a bug), an error record naming the
/// document: one bad article never ends a run.
fn guarded(source: &str, id: &str, f: impl FnOnce() -> Document) -> Document {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|cause| {
        let what = cause
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| cause.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        let at = if id.is_empty() {
            source.to_string()
        } else {
            format!("{source} ({id})")
        };
        Document::failed(
            source,
            Some(id.to_string()),
            format!("{at}: internal error while coding ({what}); please report it"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_inside_the_pipeline_is_an_error_record_for_that_document() {
        let d = guarded("feed.jsonl:3", "a-17", || panic!("index out of range"));
        assert_eq!((d.source.as_str(), d.id.as_str()), ("feed.jsonl:3", "a-17"));
        let e = d.error.unwrap();
        assert!(
            e.starts_with("feed.jsonl:3 (a-17): internal error while coding (index out of range)"),
            "{e}"
        );
        let ok = guarded("x", "", || Document::failed("x", None, "fine".into()));
        assert_eq!(ok.error.as_deref(), Some("fine"));
    }

    #[test]
    fn the_lexicon_made_side_by_side_is_the_one_made_in_order() {
        let p = Pipeline::new().expect("the bundled pipeline loads");
        let lex = build_lexicon(&p.gazetteer, &p.actors);
        assert_eq!(p.lexicon.names.len(), lex.names.len());
        assert!(p.lexicon.names == lex.names);
        assert!(p.lexicon.given_names == lex.given_names);
    }

    #[test]
    fn explain_lists_the_terms_of_each_event_s_confidence() {
        let mut p = Pipeline::new().expect("the bundled pipeline loads");
        p.explain = true;
        let body = "Kenya's president flew to Uganda on Tuesday for talks with its leader. \
                    Protesters in Nairobi denounced the visit.";
        let d = p.run(Document::new("x.txt", Default::default(), body.to_string()));
        let events = d.events.unwrap_or_default();
        let terms = d.explain.map(|x| x.events).unwrap_or_default();
        assert!(!events.is_empty());
        assert_eq!(events.len(), terms.len());
        for (e, t) in events.iter().zip(&terms) {
            assert_eq!(e.confidence, t.confidence);
            assert_eq!(t.features.first().map(|f| f.feature.as_str()), Some("bias"));
            // the confidence is the logistic function of the listed weights
            let z: f64 = t.features.iter().map(|f| f.weight).sum();
            let p = (100.0 / (1.0 + (-z).exp())).round() / 100.0;
            assert_eq!(e.confidence, p, "{:?}", t.features);
            assert!((0.0..=1.0).contains(&e.confidence));
        }
    }

    #[test]
    fn english_names_of_the_language() {
        for en in ["en", "EN", "en-GB", "en_US", "eng", "English"] {
            assert!(is_english(en), "{en}");
        }
        for other in ["fr", "de-CH", "engl", "", "ne"] {
            assert!(!is_english(other), "{other}");
        }
    }

    #[test]
    fn an_article_in_another_language_is_not_annotated_unless_asked() {
        let p = crate::events::testing::pipeline();
        let body = "Le président Emmanuel Macron a rencontré mardi à Paris le chancelier allemand.";
        let doc = |lang: &str| {
            let mut d = Document::new("x.txt", Default::default(), body.to_string());
            d.article.language = Some(lang.to_string());
            d
        };
        let skipped = p.run(doc("fr"));
        assert!(skipped.entities.is_none() && skipped.events.is_none());
        assert_eq!(skipped.body, body);
        assert!(
            skipped.warnings[0].contains("\"fr\", not English"),
            "{:?}",
            skipped.warnings
        );
        assert_eq!(not_annotated_language(&skipped), Some("fr"));
        let english = p.run(doc("en-GB"));
        assert_eq!(not_annotated_language(&english), None);
        assert!(english.entities.is_some() && english.warnings.is_empty());
    }

    #[test]
    fn bundled_model_loads_and_tags_a_fixture() {
        let m =
            dateline_nlp::ner::Model::from_bytes(include_bytes!("../data/models/ner.bin")).unwrap();
        assert!(m.header.starts_with("dateline-ner/2 data=eng.train"));
        assert_eq!(m.stages(), 2);
        let p = crate::events::testing::pipeline();
        let body = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Monday, the African Union said.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon, Some(&p.tagger));
        let got: Vec<(&str, EntityType)> = ann
            .entities
            .iter()
            .map(|e| (e.text.as_str(), e.kind))
            .collect();
        for want in [
            ("Kenyan", EntityType::Norp),
            ("William Ruto", EntityType::Person),
            ("Ethiopian", EntityType::Norp),
            ("Abiy Ahmed", EntityType::Person),
            ("Addis Ababa", EntityType::Gpe),
            ("African Union", EntityType::Org),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
    }

    #[test]
    fn a_name_found_once_is_found_where_it_repeats() {
        let p = crate::events::testing::pipeline();
        let body = "Senator Maria Okonkwo spoke in Lagos on Monday. Okonkwo pledged to visit the port. Lagos officials welcomed her.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon, Some(&p.tagger));
        let person: Vec<(&str, Option<&str>)> = ann
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| (e.text.as_str(), e.canonical.as_deref()))
            .collect();
        assert!(
            person.contains(&("Okonkwo", Some("Maria Okonkwo"))),
            "{person:?}"
        );
        let lagos = ann.entities.iter().filter(|e| e.text == "Lagos").count();
        assert_eq!(lagos, 2, "{:?}", ann.entities);
    }

    #[test]
    fn a_countrys_long_name_the_tagger_split_is_one_name() {
        let p = crate::events::testing::pipeline();
        let body = "A Democratic People's Republic of Korea envoy left Beijing on Friday.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon, Some(&p.tagger));
        let korea: Vec<(&str, Option<&str>)> = ann
            .entities
            .iter()
            .filter(|e| e.text.contains("Korea"))
            .map(|e| (e.text.as_str(), e.canonical.as_deref()))
            .collect();
        assert_eq!(
            korea,
            vec![("Democratic People's Republic of Korea", Some("North Korea"))],
            "{:?}",
            ann.entities
        );
    }

    #[test]
    fn a_surname_that_is_also_a_town_after_the_full_name_is_the_person() {
        let p = crate::events::testing::pipeline();
        let body = "Prime Minister Manuel Valls spoke in Paris on Monday. Valls said the attacks were planned abroad.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon, Some(&p.tagger));
        let valls: Vec<(EntityType, Option<&str>)> = ann
            .entities
            .iter()
            .filter(|e| e.text == "Valls")
            .map(|e| (e.kind, e.canonical.as_deref()))
            .collect();
        assert_eq!(
            valls,
            vec![(EntityType::Person, Some("Manuel Valls"))],
            "{:?}",
            ann.entities
        );
    }
}
