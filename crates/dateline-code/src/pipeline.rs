//! The whole pipeline after reading: annotate, resolve places, code events. Loads every
//! knowledge file once ([`Pipeline::new`]) and is then shared by all worker threads.

use crate::actors::Actors;
use crate::events::{self, Knowledge, Vocabulary};
use crate::ontology::Ontology;
use crate::patterns::Patterns;
use dateline_core::{Document, EntityType};
use dateline_geo::Gazetteer;
use dateline_nlp::{norm_key, LexEntry, Lexicon};

pub struct Pipeline {
    pub lexicon: Lexicon,
    pub gazetteer: Gazetteer,
    pub actors: Actors,
    pub ontology: Ontology,
    pub patterns: Patterns,
    /// The event coder's word lists.
    pub vocabulary: Vocabulary,
}

fn title_case(s: &str) -> String {
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

impl Pipeline {
    /// The pipeline with the bundled knowledge files.
    pub fn new() -> Result<Pipeline, String> {
        let timing = std::env::var_os("DATELINE_TIMING").is_some();
        let t0 = std::time::Instant::now();
        // the gazetteer and the actor dictionaries are independent: load them side by side
        let (gazetteer, actors) = std::thread::scope(|s| {
            let g = s.spawn(Gazetteer::bundled);
            let a = Actors::bundled();
            (
                g.join()
                    .unwrap_or_else(|_| Err("gazetteer loader panicked".into())),
                a,
            )
        });
        let gazetteer = gazetteer?;
        let t1 = t0.elapsed();
        let patterns = Patterns::bundled()?;
        let p = Pipeline::with(gazetteer, actors, patterns);
        if timing {
            eprintln!(
                "dateline: data loaded in {:?} (gazetteer and actors {:?}, lexicon {:?})",
                t0.elapsed(),
                t1,
                t0.elapsed() - t1
            );
        }
        Ok(p)
    }

    /// Add the verb patterns of a file: PETRARCH's CAMEO verb dictionary format (recognised
    /// by its `---` verb blocks) or dateline's own pattern format. Returns how many patterns
    /// were added; a syntax error names the file and line, and nothing is added.
    pub fn add_verbs(&mut self, path: &std::path::Path) -> Result<usize, String> {
        let shown = path.display();
        let bytes = std::fs::read(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("{shown}: not UTF-8 (byte {})", e.utf8_error().valid_up_to()))?;
        let petrarch = text.lines().any(|l| l.starts_with("---"));
        let extra = if petrarch {
            Patterns::parse_petrarch(&text).map(|(p, _skipped)| p)
        } else {
            Patterns::parse(&text)
        }
        .map_err(|e| format!("{shown}: {e}"))?;
        let n = extra.list.len();
        self.patterns.extend(extra);
        Ok(n)
    }

    /// The pipeline with the given knowledge (e.g. a user's verb patterns).
    pub fn with(gazetteer: Gazetteer, actors: Actors, patterns: Patterns) -> Pipeline {
        let mut lexicon = build_lexicon(&gazetteer, &actors);
        // the bundled entity tagger (tested to load)
        if let Ok(m) =
            dateline_nlp::ner::Model::from_bytes(include_bytes!("../../../data/models/ner.bin"))
        {
            lexicon.ner = Some(std::sync::Arc::new(m));
        }
        Pipeline {
            lexicon,
            gazetteer,
            actors,
            ontology: Ontology::bundled(),
            patterns,
            vocabulary: Vocabulary::bundled(),
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
        let published = d.article.published.clone();
        let body = std::mem::take(&mut d.body);
        let ann = dateline_nlp::annotate(&body, published.as_deref(), &self.lexicon);
        let outlet_country = d
            .article
            .url
            .as_deref()
            .and_then(|u| self.gazetteer.country_of_url(u));
        let places = self
            .gazetteer
            .resolve_for_outlet(&body, &ann.entities, outlet_country);
        let evs = events::code(
            &Knowledge {
                actors: &self.actors,
                ontology: &self.ontology,
                patterns: &self.patterns,
                gazetteer: &self.gazetteer,
                lexicon: &self.lexicon,
                vocabulary: &self.vocabulary,
            },
            &events::Input {
                body: &body,
                tokens: &ann.tokens,
                sentences: &ann.sentences,
                entities: &ann.entities,
                times: &ann.times,
                places: &places,
                published: published.as_deref(),
                quotes: &ann.quotes,
            },
        );
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

/// Names for the entity recogniser: countries, demonyms, regions and places from the
/// gazetteer; people and organisations from the actor dictionaries; given names from the
/// people's first names.
pub fn build_lexicon(g: &Gazetteer, a: &Actors) -> Lexicon {
    let mut lex = Lexicon::with_word_lists();
    let e = |kind, canonical: &str, tag, priority| LexEntry {
        kind,
        canonical: Some(canonical.to_string()),
        tag,
        priority,
        place_too: false,
    };
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
        lex.add(p.name, e(EntityType::Gpe, p.name, "gazetteer:place", prio));
        if p.population >= 100_000 {
            for alt in p.alts() {
                lex.add(alt, e(EntityType::Gpe, p.name, "gazetteer:place", 20));
            }
        }
    }
    // sorted, so that equal-priority clashes resolve the same way on every run
    let mut names: Vec<(&String, &usize)> = a.by_name.iter().collect();
    names.sort();
    // an entry listed under a person's surname ("ASSAD" beside "BASHAR_AL-ASSAD") is a person
    let surnames: std::collections::HashSet<&str> = names
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
    for (name, &idx) in names {
        let entry = &a.entries[idx];
        let code = entry.codes.first().map(|c| c.code.as_str()).unwrap_or("");
        if code.len() == 3 && !person_entry[idx] {
            continue; // a country block: the gazetteer has the names
        }
        let words: Vec<&str> = name.split(' ').collect();
        if words.iter().any(|w| lex.is_title(w)) {
            continue; // "PRESIDENT PUTIN": the recogniser strips titles itself
        }
        let single_common = words.len() == 1 && lex.is_common(words[0]);
        if single_common || name.len() < 3 {
            continue;
        }
        if person_entry[idx] {
            lex.add(
                name,
                e(
                    EntityType::Person,
                    &title_case(name),
                    "dictionary:person",
                    70,
                ),
            );
            if words.len() >= 2 && !lex.is_common(words[0]) && words[0].len() > 2 {
                lex.given_names.insert(norm_key(words[0]));
            }
        } else {
            lex.add(
                name,
                e(EntityType::Org, &title_case(name), "dictionary:org", 65),
            );
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
    fn bundled_model_loads_and_tags_a_fixture() {
        let m =
            dateline_nlp::ner::Model::from_bytes(include_bytes!("../../../data/models/ner.bin"))
                .unwrap();
        assert!(m.header.starts_with("dateline-ner/1 data=eng.train"));
        let p = Pipeline::new().unwrap();
        assert!(p.lexicon.ner.is_some());
        let body = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Monday, the African Union said.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon);
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

    fn events_of(p: &Pipeline, body: &str) -> Vec<(String, Option<String>)> {
        let d = Document::new("t", Default::default(), body.to_string());
        let mut d = d;
        d.article.published = Some("2024-03-14".into());
        p.run(d)
            .events
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.cameo, e.mode.map(|m| m.as_str().to_string())))
            .collect()
    }

    #[test]
    fn threats_conditions_and_armed_force() {
        let p = Pipeline::new().unwrap();
        // what is threatened is not done: the threat alone, coded by what it threatens
        let ev = events_of(
            &p,
            "Kenya threatened to impose sanctions on Uganda on Monday.",
        );
        assert!(ev.iter().all(|(c, _)| c.starts_with("13")), "{ev:?}");
        // a conflictual act under a condition is a threat
        let ev = events_of(
            &p,
            "Kenya will boycott Uganda unless its president resigns.",
        );
        assert!(
            ev.iter()
                .any(|(c, m)| c.starts_with("13") && m.as_deref() == Some("conditional")),
            "{ev:?}"
        );
        // killing by armed forces is fighting (from the air: aerial weapons), not assault
        let ev = events_of(
            &p,
            "Ugandan troops killed four Kenyan herders near the border.",
        );
        assert!(ev.iter().any(|(c, _)| c == "190"), "{ev:?}");
        let ev = events_of(
            &p,
            "Ugandan troops in helicopters killed four Kenyan herders.",
        );
        assert!(ev.iter().any(|(c, _)| c == "195"), "{ev:?}");
        // refused or failed cooperation is a rejection (12x) that happened
        let ev = events_of(
            &p,
            "Kenya and Uganda failed to reach an agreement on the border.",
        );
        assert!(ev.iter().any(|(c, _)| c.starts_with("12")), "{ev:?}");
    }

    fn dyads_of(p: &Pipeline, body: &str, published: &str) -> Vec<(String, String, String)> {
        let mut d = Document::new("t", Default::default(), body.to_string());
        d.article.published = Some(published.into());
        let code = |a: Option<dateline_core::Actor>| a.and_then(|a| a.code).unwrap_or_default();
        p.run(d)
            .events
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.cameo, code(e.source), code(e.target)))
            .collect()
    }

    #[test]
    fn actors_from_surnames_places_with_roles_and_nationality_words() {
        let p = Pipeline::new().unwrap();
        let has = |ev: &[(String, String, String)], src: &str, tgt: &str| {
            ev.iter().any(|(_, s, t)| s == src && t == tgt)
        };
        // a place with role words, and role words with "in the" place
        let ev = dyads_of(
            &p,
            "Chad rebels rejected a Sudanese peace plan on Friday.",
            "2005-01-01",
        );
        assert!(has(&ev, "TCDREB", "SDN"), "{ev:?}");
        let ev = dyads_of(
            &p,
            "Opposition groups in the Gambia accused Senegal of meddling.",
            "2005-01-01",
        );
        assert!(has(&ev, "GMBOPP", "SEN"), "{ev:?}");
        // a people named by its plural; a surname alone, by who held office on the day
        let ev = dyads_of(&p, "Palestinians accused Mugabe of lying.", "2005-01-01");
        assert!(has(&ev, "PSE", "ZWEGOV"), "{ev:?}");
        // an organisation's or a region's people; a role word is not the event's verb
        let ev = dyads_of(
            &p,
            "Hezbollah guerrillas killed two soldiers.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(_, s, _)| s.starts_with("LBN")), "{ev:?}");
        let ev = dyads_of(&p, "Kenya accused Darfur rebels of lying.", "2005-01-01");
        assert!(has(&ev, "KEN", "SDNREB"), "{ev:?}");
        let ev = dyads_of(&p, "Kenyan riot police arrested two men.", "2005-01-01");
        assert!(ev.iter().all(|(c, _, _)| c != "145"), "{ev:?}");
        // "X declared that Y must …": X demands of Y
        let ev = dyads_of(
            &p,
            "Kenya declared on Tuesday that Uganda must reopen the border.",
            "2005-01-01",
        );
        assert!(
            ev.iter()
                .any(|(c, s, t)| c == "100" && s == "KEN" && t == "UGA"),
            "{ev:?}"
        );
        // the actor an apposition describes, not a name inside it
        let ev = dyads_of(
            &p,
            "Kenya, a key Ugandan ally in the region, accused Sudan of lying.",
            "2005-01-01",
        );
        assert!(has(&ev, "KEN", "SDN"), "{ev:?}");
        // an actor is not its own target: the event stays, without one
        let ev = dyads_of(
            &p,
            "Kenya imposed a curfew after the deaths of two Kenyans.",
            "2005-01-01",
        );
        assert!(
            ev.iter().any(|(_, s, t)| s == "KEN" && t.is_empty()),
            "{ev:?}"
        );
    }

    #[test]
    fn organisations_the_dictionaries_lack_are_coded_from_their_names() {
        let p = Pipeline::new().unwrap();
        let src = |text: &str| -> Vec<String> {
            dyads_of(&p, text, "2005-01-01")
                .into_iter()
                .map(|(_, s, _)| s)
                .collect()
        };
        // a country or nationality word in the name, with the role its head names
        let s = src("The Kenyan Interior Ministry accused Uganda of smuggling arms.");
        assert!(s.iter().any(|c| c == "KENGOV"), "{s:?}");
        let s = src("The Zambia Farmers Association accused Malawi of dumping maize.");
        assert!(s.iter().any(|c| c.starts_with("ZMB")), "{s:?}");
        // the longest listed actor a name starts with
        let s = src("The United Nations Mine Action Coordinator urged Angola to clear the roads.");
        assert!(s.iter().any(|c| c.starts_with("IGOUNO")), "{s:?}");
        // an acronym in brackets is the name before it
        let s = src("The Kenya Farmers Union (KFU) accused Uganda of dumping maize.");
        assert!(s.iter().any(|c| c.starts_with("KEN")), "{s:?}");
        // the person after an international organisation's name and title
        let s = src("Arab League Secretary General Omar Haddad urged Libya to end the fighting.");
        assert!(s.iter().any(|c| c == "IGOMEAARL"), "{s:?}");
        // organisations of dateline's supplement to the Phoenix dictionaries
        let s = src("The European Community gave Chad emergency aid.");
        assert!(s.iter().any(|c| c == "IGOEUREEC"), "{s:?}");
        // the people a partitive phrase counts; a group the tagger calls MISC
        let s = src("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.");
        assert!(s.iter().any(|c| c.starts_with("IRQ")), "{s:?}");
        // brackets round a sentence are not part of its first name
        let s = src("{The Security Council agreed to extend the mission in Haiti.}");
        assert!(s.iter().any(|c| c.starts_with("IGOUNO")), "{s:?}");
    }

    #[test]
    fn targets_beyond_the_verbs_object() {
        let p = Pipeline::new().unwrap();
        let has = |text: &str, src: &str, tgt: &str| {
            let ev = dyads_of(&p, text, "2005-01-01");
            assert!(
                ev.iter()
                    .any(|(_, s, t)| s.starts_with(src) && t.starts_with(tgt)),
                "{text}: {ev:?}"
            );
        };
        // the source's own troops are what it moves; the target is where they go or leave
        has(
            "Kenya says it will withdraw its troops from Somalia.",
            "KEN",
            "SOM",
        );
        has(
            "Ghana offered its soldiers to Liberia on Monday.",
            "GHA",
            "LBR",
        );
        // a violent act with no one named falls on the place ("in the" included)
        has(
            "Rebels exploded two bombs in the capital Kampala on Friday.",
            "",
            "UGA",
        );
        has(
            "Israel reimposed blockades in the Gaza Strip on Friday.",
            "ISR",
            "PSE",
        );
        // a group with no country takes that of the place it is in
        has(
            "Kenya accused Muslim militias in northern Somalia of raids.",
            "KEN",
            "SOM",
        );
        // role words with no country act in the clause's place
        has(
            "Police arrested dozens of protesters in Nairobi on Monday.",
            "KEN",
            "KEN",
        );
        // "X reminded Y that it must": the pronoun is the demand's target
        has(
            "Kenya sent a sharp reminder to Uganda that it must reopen the border.",
            "KEN",
            "UGA",
        );
        // a person the dictionaries lack, by the country the apposition names
        has(
            "A member of the Kenyan parliament, Omar Haddad, accused Uganda of lying.",
            "KEN",
            "UGA",
        );
        has(
            "Omar Haddad, Kenya's chief negotiator, accused Uganda of lying.",
            "KEN",
            "UGA",
        );
        // a titled official of no stated country, and role words with none: the country the
        // article's places are in
        has(
            "Rebels in Guinea on Wednesday dismissed an appeal from President Obiri Tandaleko.",
            "GINREB",
            "GIN",
        );
        has(
            "Talks opened in Conakry on Monday. The government accepted demands from rebels.",
            "GINGOV",
            "GINREB",
        );
        // what is demanded or rejected names its agent after "by"
        has(
            "Kenya rejected calls by Uganda to reopen the border.",
            "KEN",
            "UGA",
        );
        // forces mobilised are the source's own; the target is who they are against
        has(
            "Kenya mobilized army reservists for a possible war against Somalia.",
            "KEN",
            "SOM",
        );
        // a clause place behind adjectives ("in northern Somalia") takes a force posture
        has(
            "Kenyan troops remained on alert in northern Somalia on Monday.",
            "KEN",
            "SOM",
        );
        // what is investigated names its agent after "by"; a possessive object is the target
        has(
            "Kenya is investigating alleged abuses by Ugandan soldiers near the border.",
            "KEN",
            "UGA",
        );
        has(
            "Kenyan students marched to protest Uganda's border closure.",
            "KEN",
            "UGA",
        );
        // violence no one is named for: unidentified armed men of the place
        has(
            "A car bomb killed a journalist in Beirut on Sunday.",
            "LBNUAF",
            "",
        );
        // a country's short form tagged as an organisation is the country
        has(
            "The PRC on Tuesday demanded that Japan cancel the visit.",
            "CHN",
            "JPN",
        );
        // an ethnic group is a people of the country it is in, not of its namesake state
        has("Ethnic Albanians protested in Skopje on Monday.", "MKD", "");
        has(
            "About 200 ethnic Albanians protested in Skopje on Monday.",
            "MKD",
            "",
        );
        // a role word modifying the event noun is no actor; a role word before a verb is
        has(
            "NATO said on Monday it would tighten the naval blockade of Eritrea.",
            "IGO",
            "ERI",
        );
        has(
            "The Kenyan military attacked villages in Somalia.",
            "KENMIL",
            "SOM",
        );
        // the article's country is not given to the target of an act of force
        let ev = dyads_of(
            &p,
            "Officials in Nairobi and Mombasa spoke. Kenyan troops killed civilians, critics said.",
            "2005-01-01",
        );
        assert!(
            ev.iter()
                .any(|(c, s, t)| c.starts_with('1') && s.starts_with("KEN") && t == "CVL"),
            "{ev:?}"
        );
        // an organisation the dictionaries lack, by the role its people play, where it is
        has(
            "Leaders of the Umoja Tena opposition coalition agreed to postpone the rally in Nairobi.",
            "KENOPP",
            "",
        );
        // elders are a community's people (agents-extra.txt)
        has(
            "Officials met in Nairobi. Kikuyu elders have demanded the release of the prisoners.",
            "KENCVL",
            "",
        );
        // a passive's agent a clause later
        has(
            "Kenya's former president has been accused of stealing public funds, much of it abroad, by Ugandan officials.",
            "UGA",
            "KEN",
        );
        // a comma opening a new phrase ends the verb's reach
        let ev = dyads_of(
            &p,
            "The Kenyan government imposed a curfew in Nairobi on Saturday, arresting dozens, a spokeswoman for the U.S. embassy said.",
            "2005-01-01",
        );
        assert!(
            ev.iter()
                .all(|(c, _, t)| !c.starts_with("17") || !t.starts_with("USA")),
            "{ev:?}"
        );
        // a country's adjective names the article's country too
        has(
            "Islamic militants continued their protest against the Algerian president.",
            "DZA",
            "DZA",
        );
        // in a story about two countries, "the two leaders" belong to neither
        let ev = dyads_of(
            &p,
            "Talks opened in Nairobi and Addis Ababa. Kenya and Ethiopia sent envoys to Moyale. The two leaders agreed to reopen the crossing.",
            "2005-01-01",
        );
        assert!(
            ev.iter().any(|(c, s, _)| c.starts_with("03") && s == "GOV"),
            "{ev:?}"
        );
        // a bombing against soldiers is no battle; its target is who was hit
        let ev = dyads_of(
            &p,
            "Rebels wounded two Kenyan soldiers in a bomb attack on Thursday.",
            "2005-01-01",
        );
        assert!(
            ev.iter()
                .any(|(c, _, t)| c.starts_with("18") && t.starts_with("KEN")),
            "{ev:?}"
        );
    }

    #[test]
    fn bombs_and_arms_by_their_use() {
        let p = Pipeline::new().unwrap();
        let codes = |text: &str| -> Vec<String> {
            dyads_of(&p, text, "2005-01-01")
                .into_iter()
                .map(|(c, _, _)| c)
                .collect()
        };
        // a car bomb is a bombing (183), aircraft that bombed use aerial weapons (195)
        let c = codes("Rebels set off a car bomb in Kampala on Friday.");
        assert!(c.iter().any(|c| c == "183"), "{c:?}");
        assert!(!c.iter().any(|c| c == "195"), "{c:?}");
        let c = codes("Kenyan warplanes bombed rebel bases in Somalia.");
        assert!(c.iter().any(|c| c == "195"), "{c:?}");
        // "armed" as an adjective supplies no arms; supplying weapons does (072)
        let c = codes("Heavily armed Ugandan militias attacked a village.");
        assert!(!c.iter().any(|c| c == "072"), "{c:?}");
        let c = codes("Kenya supplied weapons to Ugandan troops last year.");
        assert!(c.iter().any(|c| c == "072"), "{c:?}");
        // an intent verb a few words before the infinitive: a promise, not the act
        let c = codes("Kenya agreed in principle on Saturday to provide food aid to Chad.");
        assert!(
            c.iter().any(|c| c.starts_with("03")) && !c.iter().any(|c| c.starts_with("07")),
            "{c:?}"
        );
    }

    #[test]
    fn what_a_request_asks_for_is_its_content_not_an_event() {
        let p = Pipeline::new().unwrap();
        // the talks are asked for, not held: one appeal, to meet (026)
        let ev = dyads_of(
            &p,
            "Kenya urged Uganda to hold talks with the rebels.",
            "2005-01-01",
        );
        assert!(
            ev.iter()
                .any(|(c, s, t)| c == "026" && s == "KEN" && t == "UGA"),
            "{ev:?}"
        );
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("04")), "{ev:?}");
        // restrictions eased on demand are a demand to yield (105), nothing eased
        let ev = dyads_of(
            &p,
            "Kenya demanded that Uganda ease restrictions on traders.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(c, _, _)| c == "105"), "{ev:?}");
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("08")), "{ev:?}");
        // what a rejected proposal proposes is not done either
        let ev = dyads_of(
            &p,
            "Uganda rejected a Kenyan proposal for signing a trade agreement.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(c, _, _)| c.starts_with("12")), "{ev:?}");
        assert!(!ev.iter().any(|(c, _, _)| c == "057"), "{ev:?}");
        // a protest's demands are its purpose, not a request of their own
        let ev = dyads_of(
            &p,
            "Thousands of Kenyans demonstrated in Nairobi on Sunday, calling for new elections.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(c, _, _)| c.starts_with("14")), "{ev:?}");
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("02")), "{ev:?}");
        // what someone is accused of is alleged: the accusation is the event
        let ev = dyads_of(
            &p,
            "Kenya accused Ugandan rebels of violating the ceasefire on Monday.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(c, _, _)| c.starts_with("11")), "{ev:?}");
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("19")), "{ev:?}");
        // "agreed to" does not reach past "after": the fighting before the truce happened
        let ev = dyads_of(
            &p,
            "Kenya and Uganda agreed to a ceasefire after two days of fierce fighting.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(c, _, _)| c.starts_with("19")), "{ev:?}");
        // a condition is no event
        let ev = dyads_of(
            &p,
            "Kenya threatened to close the border unless Uganda withdraws its troops.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(c, _, _)| c.starts_with("13")), "{ev:?}");
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("08")), "{ev:?}");
        // an act in a clause of its own after the request stays
        let ev = dyads_of(
            &p,
            "Kenya urged calm; Ugandan troops attacked rebels in Gulu.",
            "2005-01-01",
        );
        assert!(
            ev.iter()
                .any(|(c, _, _)| c.starts_with("1") && !c.starts_with("10")),
            "{ev:?}"
        );
    }

    #[test]
    fn threats_demands_hearings_and_one_sided_violence() {
        let p = Pipeline::new().unwrap();
        let codes = |text: &str| -> Vec<String> {
            dyads_of(&p, text, "2005-01-01")
                .into_iter()
                .map(|(c, _, _)| c)
                .collect()
        };
        let has = |c: &[String], want: &str| c.iter().any(|c| c.starts_with(want));
        // an ultimatum is a threat; so is being "prepared to" impose martial law
        let c = codes("Kenya issued an ultimatum to Uganda to withdraw its troops.");
        assert!(has(&c, "13"), "{c:?}");
        let c =
            codes("The Kenyan government said it is prepared to impose martial law in Nairobi.");
        assert!(has(&c, "13") && !has(&c, "17"), "{c:?}");
        // a repeated demand is a demand, and what it demands is not done
        let c = codes("Kenya reiterated its demand that Uganda ease restrictions on traders.");
        assert!(has(&c, "10") && !has(&c, "08"), "{c:?}");
        // a hearing opened into something is an investigation
        let c = codes("The Kenyan high court opened a hearing on Monday into police abuses.");
        assert!(has(&c, "09"), "{c:?}");
        // a concession to demands is a yielding (08), and the demands are no new demand
        let c = codes("The Kenyan government finally conceded to demands from striking doctors.");
        assert!(has(&c, "08") && !has(&c, "10"), "{c:?}");
        // a cancelled visit reduces relations (160) and is no visit; ordered patrols
        // mobilise police (153)
        let c = codes("The Kenyan foreign minister cancelled a planned visit to Uganda.");
        assert!(has(&c, "160") && !has(&c, "03") && !has(&c, "04"), "{c:?}");
        let c = codes("The Kenyan government ordered police patrols in Nairobi after the riots.");
        assert!(has(&c, "153"), "{c:?}");
        // pressing someone is a demand; evacuating the wounded is humanitarian aid; refusing
        // entry is a rejection
        let c = codes("Kenyan officials have been pressuring Ugandan traders to leave the market.");
        assert!(has(&c, "10"), "{c:?}");
        let c = codes("Kenyan helicopters evacuated the wounded from the border town of Moyale.");
        assert!(has(&c, "073"), "{c:?}");
        let c = codes("Kenya was still refusing entry to Ugandan traders on Monday.");
        assert!(has(&c, "12"), "{c:?}");
        // torture by soldiers stays physical assault (182x), not a battle
        let c = codes("Kenyan soldiers tortured dozens of Ugandan refugees.");
        assert!(c.iter().any(|c| c.starts_with("182")), "{c:?}");
    }

    #[test]
    fn acts_that_did_not_happen_are_kept_with_the_event_they_belong_to() {
        let p = Pipeline::new().unwrap();
        let run = |text: &str| {
            let mut d = Document::new("t", Default::default(), text.to_string());
            d.article.published = Some("2005-01-01".into());
            p.run(d).events.unwrap_or_default()
        };
        // the demanded act is the demand's content
        let ev = run("Kenya demanded that Uganda ease restrictions on traders.");
        let demand = ev.iter().find(|e| e.cameo == "105").expect("a demand");
        assert!(
            demand
                .about
                .iter()
                .any(|a| a.relation == "requested" && a.cameo.starts_with("08")),
            "{ev:?}"
        );
        // what is alleged belongs to the accusation
        let ev = run("Kenya accused Ugandan rebels of violating the ceasefire on Monday.");
        let accusation = ev
            .iter()
            .find(|e| e.cameo.starts_with("11"))
            .expect("an accusation");
        assert!(
            accusation.about.iter().any(|a| a.relation == "alleged"),
            "{ev:?}"
        );
        // what a resolution aims at is its purpose, coordinated acts included
        let ev = run("Kenya will support a resolution that aims to tighten sanctions and impose a blockade on Eritrea.");
        assert!(
            !ev.iter().any(|e| e.cameo.starts_with("13")
                || e.cameo.starts_with("16")
                || e.cameo.starts_with("19")),
            "{ev:?}"
        );
        assert!(
            ev.iter()
                .any(|e| e.about.iter().any(|a| a.relation == "purpose")),
            "{ev:?}"
        );
        // "we" inside a direct quote is its speaker
        let ev = run("\"We have always supported the talks with Uganda,\" Kenyan President William Ruto said.");
        assert!(
            ev.iter().any(|e| e.source.as_ref().is_some_and(
                |s| s.text == "We" && s.code.as_deref().is_some_and(|c| c.starts_with("KEN"))
            )),
            "{ev:?}"
        );
        // a condition with nothing before it to belong to stays, flagged
        let ev = run("If Uganda attacks Kenyan villages, nobody knows.");
        assert!(
            ev.iter().all(|e| !e.cameo.starts_with("18")
                || e.mode == Some(dateline_core::EventMode::Conditional)),
            "{ev:?}"
        );
    }

    #[test]
    fn meetings_need_someone_met() {
        let p = Pipeline::new().unwrap();
        // a body meeting alone is no interaction
        let ev = dyads_of(&p, "The Kenyan cabinet met on Sunday.", "2005-01-01");
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("04")), "{ev:?}");
        // actors coordinated before the one nearest the verb meet each other
        let ev = dyads_of(
            &p,
            "Kenyan and Ugandan negotiators return to Arusha this week for talks on the border.",
            "2005-01-01",
        );
        let met: Vec<&String> = ev
            .iter()
            .filter(|(c, _, _)| c.starts_with("04"))
            .map(|(_, s, _)| s)
            .collect();
        assert!(
            met.iter().any(|s| s.starts_with("KEN")) && met.iter().any(|s| s.starts_with("UGA")),
            "{ev:?}"
        );
        // a place before a comma is no co-actor of the subject after it
        let ev = dyads_of(
            &p,
            "At the talks, in the resort town of Bishoftu, Kenyan President William Ruto congratulated Abiy Ahmed.",
            "2024-01-01",
        );
        assert!(
            ev.iter()
                .all(|(c, s, _)| !c.starts_with("05") || s.starts_with("KEN")),
            "{ev:?}"
        );
        // troops arriving are deployed, not visiting
        let ev = dyads_of(
            &p,
            "The first Kenyan peacekeeping troops have arrived in Somalia.",
            "2005-01-01",
        );
        assert!(!ev.iter().any(|(c, _, _)| c.starts_with("042")), "{ev:?}");
        let ev = dyads_of(
            &p,
            "Kenya's foreign minister arrived in Somalia on Monday.",
            "2005-01-01",
        );
        assert!(ev.iter().any(|(c, _, _)| c.starts_with("042")), "{ev:?}");
        // "by phone" is how something was said, not a call
        let ev = dyads_of(
            &p,
            "Two Kenyan rebel commanders told Reuters by phone that the talks had failed.",
            "2005-01-01",
        );
        assert!(!ev.iter().any(|(c, _, _)| c == "041"), "{ev:?}");
    }

    #[test]
    fn reduced_relations_and_strikes() {
        let p = Pipeline::new().unwrap();
        for (text, code) in [
            ("Kenya halted talks with Uganda.", "164"),
            ("Kenya withheld aid from Uganda.", "162"),
            ("Kenya expelled the Ugandan ambassador.", "166"),
            ("Kenya froze ties with Uganda.", "160"),
            ("Kenya closed its embassy in Uganda.", "161"),
            // an invasion is conventional force (190); holding land an occupation (192)
            ("Kenyan troops invaded Uganda.", "190"),
            (
                "Kenyan troops occupied the Ugandan border town of Busia.",
                "192",
            ),
            // ordering a newspaper closed is a restriction (172); refugees accepted, access
            (
                "Kenya ordered the Daily Mirror to suspend publication.",
                "172",
            ),
            ("Kenya accepted 2,000 Ugandan refugees.", "0863"),
            (
                "Kenyan students staged rallies in Nairobi against the tax.",
                "141",
            ),
            ("Kenyan bulldozers demolished Ugandan homes.", "1712"),
            ("Kenya held war games near Uganda.", "155"),
            ("Kenyan protesters blocked roads into Kampala.", "144"),
            ("Kenya expelled 200 Ugandan migrants.", "174"),
            // a strike by workers is a protest, not an air strike
            (
                "Kenyan teachers began a nationwide strike against Uganda.",
                "143",
            ),
        ] {
            let ev = dyads_of(&p, text, "2005-01-01");
            assert!(ev.iter().any(|(c, _, _)| c == code), "{text}: {ev:?}");
        }
    }

    #[test]
    fn a_name_found_once_is_found_where_it_repeats() {
        let p = Pipeline::new().unwrap();
        let body = "Senator Maria Okonkwo spoke in Lagos on Monday. Okonkwo pledged to visit the port. Lagos officials welcomed her.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon);
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
        // a country's long name the tagger split: one name, the right country
        let body = "Officials said the Democratic People's Republic of Korea fired a missile.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon);
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
        // a surname that is also a town, after the full name: the person
        let body = "Prime Minister Manuel Valls spoke in Paris on Monday. Valls said the attacks were planned abroad.";
        let ann = dateline_nlp::annotate(body, Some("2024-03-14"), &p.lexicon);
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

    #[test]
    fn a_definite_reference_dates_an_event_by_an_earlier_sentence() {
        let p = Pipeline::new().unwrap();
        let dated = |body: &str| -> Vec<(String, Option<String>, Option<String>)> {
            let mut d = Document::new("t", Default::default(), body.to_string());
            d.article.published = Some("2024-03-14".into()); // a Thursday
            p.run(d)
                .events
                .unwrap_or_default()
                .into_iter()
                .map(|e| {
                    (
                        e.cameo,
                        e.date,
                        e.date_source.map(|d| d.as_str().to_string()),
                    )
                })
                .collect()
        };
        let ev = dated(
            "Kenyan President William Ruto held talks with Ethiopian Prime Minister Abiy Ahmed \
             in Addis Ababa on Monday. At the meeting, Ruto praised Abiy.",
        );
        let praise = ev
            .iter()
            .find(|(c, _, _)| c == "051")
            .expect("praise coded");
        assert_eq!(praise.1.as_deref(), Some("2024-03-11"), "{ev:?}");
        assert_eq!(praise.2.as_deref(), Some("reference"));
        // an event the earlier sentence codes dates its kind too
        let ev = dated(
            "Rebels attacked an army base on Sunday. The two-hour attack killed 12 soldiers.",
        );
        let killing = ev
            .iter()
            .find(|(c, _, _)| c == "1823")
            .expect("killing coded");
        assert_eq!(killing.1.as_deref(), Some("2024-03-10"), "{ev:?}");
        // a scene set by "during the fighting"
        let ev = dated("Rebels attacked an army base on Sunday. During the fighting, soldiers killed 12 rebels.");
        assert!(
            ev.iter().any(|(c, d, s)| c.starts_with("19")
                && d.as_deref() == Some("2024-03-10")
                && s.as_deref() == Some("reference")),
            "{ev:?}"
        );
        // "the next meeting" is another one: the article's date stays
        let ev = dated(
            "Ruto held talks with Abiy on Monday. At the next meeting, Ruto will praise Abiy.",
        );
        assert!(
            ev.iter()
                .filter(|(c, _, _)| c != "040")
                .all(|(_, _, s)| s.as_deref() != Some("reference")),
            "{ev:?}"
        );
    }
}
