//! Resolution tests over the bundled gazetteer.

use super::*;
use crate::gazetteer::{bundled_file, PREBUILT_INDEX};
use crate::text::km;
use dateline_core::{norm_key, EntityType, Via};
use std::collections::HashMap;

/// How a place's `via` reads in the JSON output.
fn via(p: &Place) -> Option<&'static str> {
    p.via.map(|v| match v {
        Via::Demonym => "demonym",
        Via::Organisation => "organisation",
        Via::Metonymy => "metonymy",
    })
}

fn bundled_tables() -> data::Tables {
    data::tables(bundled_file).unwrap()
}

#[test]
fn prebuilt_index_is_the_index_of_the_bundled_tables() {
    let (c, p, r) = bundled_tables();
    let counts = [c.len(), r.len(), p.len()];
    let prebuilt = NameIndex::decode(PREBUILT_INDEX, counts).expect("prebuilt index decodes");
    let built = NameIndex::build(&c, &r, &p);
    assert!(
        prebuilt == built,
        "build.rs and the program index differently"
    );
    assert!(prebuilt.name_count() > 200_000);
    // lookups go through normalised keys: case, hyphens and dots do not matter
    let sochi = prebuilt.get("sochi");
    assert!(sochi
        .iter()
        .any(|&(c, main)| main && matches!(c, Cand::Place(i) if p[i].name == "Sochi")));
    assert_eq!(prebuilt.get("SOCHI"), sochi);
    assert!(prebuilt.get("").is_empty() && prebuilt.get(" - ").is_empty());
}

#[test]
fn an_index_for_other_data_or_damaged_bytes_is_refused() {
    let (c, p, r) = bundled_tables();
    let counts = [c.len(), r.len(), p.len()];
    assert!(NameIndex::decode(PREBUILT_INDEX, [c.len(), r.len(), p.len() - 1]).is_none());
    for cut in [0, 3, 23, 24, PREBUILT_INDEX.len() - 1] {
        assert!(
            NameIndex::decode(&PREBUILT_INDEX[..cut], counts).is_none(),
            "cut {cut}"
        );
    }
    let mut bad = PREBUILT_INDEX.to_vec();
    let last = bad.len() - 1;
    bad[last] |= 0xc0; // a candidate of kind 3, which does not exist
    assert!(NameIndex::decode(&bad, counts).is_none());
    let mut unsorted = PREBUILT_INDEX.to_vec();
    unsorted[24..32].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(NameIndex::decode(&unsorted, counts).is_none());
    // a small index round-trips
    let small = NameIndex::build(&c[..3], &[], &p[..10]);
    let bytes = small.encode([3, 0, 10]).unwrap();
    assert_eq!(NameIndex::decode(&bytes, [3, 0, 10]), Some(small));
}

/// The places' spans in `body`, each with two of its fields.
fn spans<'a>(
    body: &'a str,
    ps: &'a [Place],
    f: impl Fn(&'a Place) -> (Option<&'a str>, Option<&'a str>),
) -> Vec<(&'a str, Option<&'a str>, Option<&'a str>)> {
    ps.iter()
        .map(|p| {
            let (a, b) = f(p);
            (&body[p.start..p.end], a, b)
        })
        .collect()
}

/// The `n`th occurrence of `t` in `body` as an entity of kind `k`.
fn ent_nth(body: &str, t: &str, n: usize, k: EntityType) -> Entity {
    let s = body.match_indices(t).nth(n).unwrap().0;
    Entity {
        start: s,
        end: s + t.len(),
        text: t.into(),
        kind: k,
        canonical: None,
        source: None,
    }
}

/// Places (`GPE`) at the first mention of each name.
fn gpes(body: &str, names: &[&str]) -> Vec<Entity> {
    names
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect()
}

/// (country, first-level division) of the place read from `name`.
fn at(ps: &[Place], name: &str) -> Option<(Option<String>, Option<String>)> {
    ps.iter()
        .find(|p| p.text == name)
        .map(|p| (p.country.clone(), p.admin1.clone()))
}

/// The (country, division) of a US state.
fn us(st: &str) -> Option<(Option<String>, Option<String>)> {
    Some((Some("USA".to_string()), Some(st.to_string())))
}

fn ent(body: &str, t: &str, k: EntityType) -> Entity {
    let s = body.find(t).unwrap();
    Entity {
        start: s,
        end: s + t.len(),
        text: t.into(),
        kind: k,
        canonical: None,
        source: None,
    }
}

#[test]
fn countries_carry_the_points_of_their_geonames_features() {
    // scripts/build_gazetteer.py takes each country's point from country-points.tsv (the
    // GeoNames feature's own point), so a record's coordinates agree with its geonameid
    let g = Gazetteer::bundled().unwrap();
    let text = include_str!("../../../data/geo/country-points.tsv");
    let mut n = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "{line}");
        let (lat, lon): (f64, f64) = (f[1].parse().unwrap(), f[2].parse().unwrap());
        assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        let c = g
            .countries
            .iter()
            .find(|c| c.iso2 == f[0])
            .unwrap_or_else(|| panic!("{} is no country of the gazetteer", f[0]));
        assert!(
            (c.lat - lat).abs() < 1e-3 && (c.lon - lon).abs() < 1e-3,
            "{}: {} {} against {lat} {lon}",
            c.name,
            c.lat,
            c.lon
        );
        n += 1;
    }
    assert!(n > 190, "{n} country points");
}

#[test]
fn bundled_gazetteer_resolves() {
    let g = Gazetteer::bundled().unwrap();
    assert!(g.countries.len() > 200 && g.places.len() > 50_000);
    let body =
        "Assad met Putin in Sochi, then flew to Moscow over the Black Sea. Russia and Syria.";
    let ents = vec![
        ent(body, "Sochi", EntityType::Gpe),
        ent(body, "Moscow", EntityType::Gpe),
        ent(body, "Black Sea", EntityType::Loc),
        ent(body, "Russia", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.name.as_str(), p.country.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Sochi", Some("RUS")),
            ("Moscow", Some("RUS")),
            ("Black Sea", None),
            ("Russia", Some("RUS"))
        ]
    );
    assert_eq!(ps[0].geonameid, Some(491422));
    assert!((ps[1].lat - 55.75).abs() < 0.1);
    assert_eq!(
        g.country_of_name("Syrian").map(|c| c.iso3.as_str()),
        Some("SYR")
    );
    for (alias, iso3) in [("Britain", "GBR"), ("U.S.", "USA"), ("Palestine", "PSE")] {
        assert_eq!(
            g.country_of_name(alias).map(|c| c.iso3.as_str()),
            Some(iso3),
            "{alias}"
        );
    }
}

#[test]
fn the_focus_country_decides_between_a_country_and_a_division() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Storms hit Texas and Florida before reaching Georgia on Friday.";
    let ents: Vec<Entity> = ["Texas", "Florida", "Georgia"]
        .iter()
        .map(|t| ent(body, t, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    assert_eq!(ps[2].country.as_deref(), Some("USA"), "{:?}", ps[2]);
    let body = "Russia and Armenia criticised Georgia on Friday.";
    let ents: Vec<Entity> = ["Russia", "Armenia", "Georgia"]
        .iter()
        .map(|t| ent(body, t, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    assert_eq!(ps[2].country.as_deref(), Some("GEO"));
}

#[test]
fn demonyms_name_their_country_and_say_so() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Turkish troops crossed into Syria as Russian jets flew overhead.";
    let ents = vec![
        ent(body, "Turkish", EntityType::Norp),
        ent(body, "Syria", EntityType::Gpe),
        ent(body, "Russian", EntityType::Norp),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Turkish", Some("TUR"), Some("demonym")),
            ("Syria", Some("SYR"), None),
            ("Russian", Some("RUS"), Some("demonym")),
        ]
    );
}

#[test]
fn the_focus_country_outweighs_a_bigger_namesake() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Canada's housing agency said rents rose in London, while Canada's other cities saw prices fall.";
    let mut ents = vec![ent(body, "London", EntityType::Gpe)];
    for (i, _) in body.match_indices("Canada") {
        ents.push(Entity {
            start: i,
            end: i + 6,
            text: "Canada".into(),
            kind: EntityType::Gpe,
            canonical: None,
            source: None,
        });
    }
    let ps = g.resolve(body, &ents);
    let london = ps.iter().find(|p| p.text == "London").unwrap();
    assert_eq!(london.country.as_deref(), Some("CAN"), "{london:?}");
    // ... but a village named like a foreign country is no reason to leave the country:
    // Russia in a Texas story is Russia, not the village in Ohio
    let body = "Austin and College Station in Texas sent students to Russia.";
    let ents = vec![
        ent(body, "Austin", EntityType::Gpe),
        ent(body, "College Station", EntityType::Gpe),
        ent(body, "Texas", EntityType::Gpe),
        ent(body, "Russia", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let russia = ps.iter().find(|p| p.text == "Russia").unwrap();
    assert_eq!(russia.feature.as_deref(), Some("PCLI"), "{russia:?}");
}

#[test]
fn a_division_named_like_towns_abroad_does_not_set_the_focus() {
    let g = Gazetteer::bundled().unwrap();
    let country_of = |body: &str, names: &[&str], which: &str| {
        let ents: Vec<Entity> = names
            .iter()
            .map(|n| ent(body, n, EntityType::Gpe))
            .collect();
        let ps = g.resolve(body, &ents);
        ps.iter()
            .find(|p| p.text == which)
            .and_then(|p| p.country.clone())
    };
    // "Alexandria" is an Egyptian governorate, and towns in the US: the towns of one
    // country around it decide
    let body = "Police in Alexandria said the man fled to Arlington and Fairfax.";
    assert_eq!(
        country_of(body, &["Alexandria", "Arlington", "Fairfax"], "Alexandria").as_deref(),
        Some("USA")
    );
    let body = "Police in Alexandria said the man fled. Officials in Virginia agreed.";
    assert_eq!(
        country_of(body, &["Alexandria", "Virginia"], "Alexandria").as_deref(),
        Some("USA")
    );
    // a county and a state's press abbreviation name the country
    let body = "LAUREL COUNTY, Ky. - The sheriff named the driver as Dan Smith of London.";
    assert_eq!(
        country_of(body, &["LAUREL COUNTY", "Ky", "London"], "London").as_deref(),
        Some("USA")
    );
    // the capital of a country the article names, in a story about a US airline
    let body = "The U.S. airline will fly from New York to Moscow; U.S. rules and U.S. law apply, its chief said, and Russia agreed.";
    assert_eq!(
        country_of(
            body,
            &["U.S.", "New York", "Moscow", "U.S.", "U.S.", "Russia"],
            "Moscow"
        )
        .as_deref(),
        Some("RUS")
    );
    // still Russia's capital among Russian places
    let body = "Tanks rolled through Moscow and St. Petersburg on Sunday.";
    assert_eq!(
        country_of(body, &["Moscow", "St. Petersburg"], "Moscow").as_deref(),
        Some("RUS")
    );
}

#[test]
fn compounds_names_ending_in_a_place_and_cities_read_as_people() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Turkey, a partner in the U.S.-led campaign, agreed. Environment Canada warned of snow, CTV Winnipeg said.";
    let ents = vec![
        ent(body, "Turkey", EntityType::Gpe),
        ent(body, "U.S.-led", EntityType::Misc),
        ent(body, "Environment Canada", EntityType::Org),
        ent(body, "CTV Winnipeg", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Turkey", Some("TUR"), None),
            ("U.S.", Some("USA"), Some("demonym")),
            ("Canada", Some("CAN"), Some("organisation")),
            ("Winnipeg", Some("CAN"), Some("organisation")),
        ]
    );
    // a city of a million the tagger read as a person is the city; a surname is not
    let body = "Edmonton given B grade. Although Edmonton's economy is healthy, Mayor Don Iveson said Iveson would act.";
    let mut ents = vec![
        ent(body, "Edmonton", EntityType::Person),
        ent(body, "Don Iveson", EntityType::Person),
    ];
    let second = body.rfind("Iveson").unwrap();
    ents.push(Entity {
        start: second,
        end: second + 6,
        ..ent(body, "Iveson", EntityType::Person)
    });
    let ps = g.resolve(body, &ents);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].country.as_deref(), Some("CAN"));
    // a "person" followed by a state that has a town of that name
    let body = "Lucy was born in Greer, South Carolina, in May.";
    let ps = g.resolve(body, &[ent(body, "Greer", EntityType::Person)]);
    assert_eq!(
        ps.first().map(|p| (p.text.as_str(), p.admin1.as_deref())),
        Some(("Greer", Some("SC"))),
        "{ps:?}"
    );
    // a demonym before a hyphen
    let body = "Egyptian-US relations have cooled.";
    let ps = g.resolve(body, &[ent(body, "Egyptian-US", EntityType::Misc)]);
    assert_eq!(
        ps.first()
            .map(|p| (p.text.as_str(), p.country.as_deref(), via(p))),
        Some(("Egyptian", Some("EGY"), Some("demonym"))),
        "{ps:?}"
    );
    let body = "Whitney Houston sang. Houston said the tour would end.";
    let ents = vec![
        ent(body, "Whitney Houston", EntityType::Person),
        Entity {
            start: body.rfind("Houston").unwrap(),
            end: body.rfind("Houston").unwrap() + 7,
            ..ent(body, "Houston", EntityType::Person)
        },
    ];
    assert!(g.resolve(body, &ents).is_empty());
}

#[test]
fn generic_words_and_alternate_names_of_organisations_are_no_places() {
    let g = Gazetteer::bundled().unwrap();
    let body = "City Council met at Central High. Hamas fired rockets from the North.";
    let ents = vec![
        ent(body, "City Council", EntityType::Org),
        ent(body, "Central High", EntityType::Org),
        ent(body, "Hamas", EntityType::Org),
        ent(body, "North", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert!(ps.is_empty(), "{ps:?}");
    // kinds of court, a name with "City" and a war named after a region are no towns or
    // divisions ("Superior Court" is no court of Superior, Wisconsin; "Gulf War" is not
    // Papua New Guinea's Gulf Province)
    let body = "A Superior Court judge, the Emerald City Players and a Gulf War veteran.";
    let ents = vec![
        ent(body, "Superior Court", EntityType::Org),
        ent(body, "Emerald City Players", EntityType::Org),
        ent(body, "Gulf War", EntityType::Misc),
    ];
    let ps = g.resolve(body, &ents);
    assert!(ps.is_empty(), "{ps:?}");
    // a small town abroad known by the name only as an alternate is no reading ("South
    // End", Boston's, is an alternate name of Great Corn Island, Nicaragua)
    let body = "Floods closed roads in Boston's South End on Tuesday.";
    let ents = [
        ent(body, "Boston", EntityType::Gpe),
        ent(body, "South End", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(
        spans(body, &ps, |p| (p.country.as_deref(), None)),
        vec![("Boston", Some("USA"), None)]
    );
}

#[test]
fn the_outlets_country_decides_what_the_article_leaves_open() {
    let g = Gazetteer::bundled().unwrap();
    assert_eq!(
        g.country_of_url("https://www.cbc.ca/news/canada/x-1.2"),
        Some("CAN")
    );
    assert_eq!(
        g.country_of_url("http://news.bbc.co.uk/2/hi/x.stm"),
        Some("GBR")
    );
    assert_eq!(
        g.country_of_url("https://www.smh.com.au:443/world?x=1"),
        Some("AUS")
    );
    assert_eq!(g.country_of_url("https://www.reuters.com/world/"), None);
    assert_eq!(g.country_of_url("https://news.example.tv/x"), None);
    assert_eq!(
        g.country_of_url("https://www.corriere.it/esteri/"),
        Some("ITA")
    );
    assert_eq!(g.country_of_url("not a url"), None);
    assert_eq!(g.country_of_url(""), None);
    let body = "London police said a man was stabbed in an east-end bar.";
    let ents = vec![ent(body, "London", EntityType::Gpe)];
    let country = |outlet| {
        g.resolve_for_outlet(body, &ents, outlet)[0]
            .country
            .clone()
            .unwrap_or_default()
    };
    assert_eq!(country(None), "GBR");
    assert_eq!(country(Some("CAN")), "CAN");
    // the article's own names still outweigh the outlet
    let body = "Officials in London and all of England said trains ran late.";
    let ents = vec![
        ent(body, "London", EntityType::Gpe),
        ent(body, "England", EntityType::Gpe),
    ];
    let ps = g.resolve_for_outlet(body, &ents, Some("CAN"));
    assert_eq!(ps[0].country.as_deref(), Some("GBR"), "{ps:?}");
}

#[test]
fn dotted_abbreviations_the_tagger_left_out() {
    let g = Gazetteer::bundled().unwrap();
    let body =
        "In B.C., up to 20 centimetres of snow fell, and W. Va. roads closed; the U.N.C.A. met.";
    let ps = g.resolve(body, &[]);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), p.admin1.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("B.C.", Some("CAN"), Some("02")),
            ("W. Va.", Some("USA"), Some("WV"))
        ]
    );
}

#[test]
fn a_place_after_of_in_an_organisations_name() {
    let g = Gazetteer::bundled().unwrap();
    let body =
        "Dana Cole of Macon, Georgia, is headed to the University of Georgia in Athens, Georgia.";
    let ents = vec![
        ent(body, "Macon", EntityType::Gpe),
        ent(body, "University of Georgia", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let p = ps
        .iter()
        .find(|p| via(p) == Some("organisation"))
        .expect("a place inside the name");
    assert_eq!(
        (p.text.as_str(), p.admin1.as_deref(), p.country.as_deref()),
        ("Georgia", Some("GA"), Some("USA")),
        "{ps:?}"
    );
    // a town after "City of"; not after other heads
    let body = "A thief stole tools from the City of Richmond public works yard.";
    let ps = g.resolve(body, &[ent(body, "City of Richmond", EntityType::Org)]);
    assert!(ps.iter().any(|p| p.text == "Richmond"), "{ps:?}");
    let body = "The Friends of Lincoln met.";
    let ps = g.resolve(body, &[ent(body, "Friends of Lincoln", EntityType::Org)]);
    assert!(ps.is_empty(), "{ps:?}");
}

#[test]
fn a_county_lies_in_its_state_among_the_storys_towns() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Deputies in Laurel County arrested two men near London, while officials in Corbin said roads were closed.";
    let ents: Vec<Entity> = ["Laurel County", "London", "Corbin"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let county = ps.iter().find(|p| p.text == "Laurel County").unwrap();
    assert_eq!(
        (county.admin1.as_deref(), county.feature.as_deref()),
        (Some("KY"), Some("ADM2")),
        "{county:?}"
    );
    // at the centre of the county, between London and Corbin, Kentucky
    assert!((36.9..37.2).contains(&county.lat) && (-84.4..-84.0).contains(&county.lon));
    // a county opening an organisation's name
    let body = "The Laurel County Sheriff's Office said deputies near London and Corbin found him.";
    let ents = vec![
        ent(body, "Laurel County Sheriff's Office", EntityType::Org),
        ent(body, "London", EntityType::Gpe),
        ent(body, "Corbin", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let county = ps.iter().find(|p| p.text == "Laurel County").unwrap();
    assert_eq!(
        (county.admin1.as_deref(), via(county)),
        (Some("KY"), Some("organisation"))
    );
    // a county of several states: the one the story names
    let body =
        "Crews from Hall County met officials of the Georgia Environmental Protection Division.";
    let ents = vec![
        ent(body, "Hall County", EntityType::Gpe),
        ent(
            body,
            "Georgia Environmental Protection Division",
            EntityType::Org,
        ),
    ];
    let ps = g.resolve(body, &ents);
    let county = ps.iter().find(|p| p.text == "Hall County").unwrap();
    assert_eq!(county.admin1.as_deref(), Some("GA"), "{county:?}");
    // a county of no known state opening an organisation's name is no town abroad
    let body = "An audit found Butler County employees owed taxes.";
    let ps = g.resolve(body, &[ent(body, "Butler County", EntityType::Org)]);
    assert!(
        ps.iter().all(|p| p.country.as_deref() == Some("USA")),
        "{ps:?}"
    );
    // a state at the centroid of its boundary
    let body = "Officials in Virginia closed the roads.";
    let ps = g.resolve(body, &[ent(body, "Virginia", EntityType::Gpe)]);
    assert!(
        (37.3..37.7).contains(&ps[0].lat) && (-79.1..-78.6).contains(&ps[0].lon),
        "{ps:?}"
    );
    // a county of many states and no other place: no county is guessed (the namesake
    // town stands, as before)
    let body = "Madison County voted.";
    let ps = g.resolve(body, &[ent(body, "Madison County", EntityType::Gpe)]);
    assert!(
        ps.iter().all(|p| p.feature.as_deref() != Some("ADM2")),
        "{ps:?}"
    );
}

#[test]
fn a_county_of_one_state_places_the_storys_towns_and_several_states_defer() {
    let g = Gazetteer::bundled().unwrap();
    // a county only one state has lends the story that state, and a town within it wins
    // over a namesake among another state's places
    let body = "A family from Laurel County died in a crash. The widow has lived in London \
                for years; they had flown from Oroville, Calif., and grown up in California.";
    let ps = g.resolve(
        body,
        &gpes(body, &["Laurel County", "London", "Oroville", "California"]),
    );
    let london = ps.iter().find(|p| p.text == "London").unwrap();
    assert_eq!(london.admin1.as_deref(), Some("KY"), "{ps:?}");
    // a town that has a namesake near one reading of a county of several states does not
    // pull the county there, nor does that reading pull the town, when the story's places
    // stand in another state
    let body = "Teams from Louisville, Kentucky, and Madison County will travel to Atlanta \
                for the national round; McLean County also qualified.";
    let ps = g.resolve(
        body,
        &gpes(
            body,
            &[
                "Louisville",
                "Kentucky",
                "Madison County",
                "Atlanta",
                "McLean County",
            ],
        ),
    );
    let at = |name: &str| {
        ps.iter()
            .find(|p| p.text == name)
            .and_then(|p| p.admin1.clone())
    };
    assert_eq!(at("Madison County").as_deref(), Some("KY"), "{ps:?}");
    assert_eq!(at("McLean County").as_deref(), Some("KY"), "{ps:?}");
    assert_eq!(at("Atlanta").as_deref(), Some("GA"), "{ps:?}");
    // states with as many of the story's places: the one it names most often
    let body = "Boone County has a workforce of 27,733. Indiana counties are in the middle. \
                The Indiana rate was 9.4 percent. Illinois, Ohio, Kentucky and Michigan were \
                higher.";
    let ps = g.resolve(
        body,
        &gpes(
            body,
            &[
                "Boone County",
                "Indiana",
                "Illinois",
                "Ohio",
                "Kentucky",
                "Michigan",
            ],
        ),
    );
    let county = ps.iter().find(|p| p.text == "Boone County").unwrap();
    assert_eq!(county.admin1.as_deref(), Some("IN"), "{ps:?}");
}

#[test]
fn saints_abbreviations_small_divisions_and_towns_opening_organisations() {
    let g = Gazetteer::bundled().unwrap();
    // "St." is "Saint": the Kansas village among the story's Kansas towns
    let body = "Meetings were held in Manhattan and Wamego, and on Wednesday in St. George.";
    let ps = g.resolve(body, &gpes(body, &["Manhattan", "Wamego", "St. George"]));
    assert_eq!(at(&ps, "St. George"), us("KS"), "{ps:?}");
    // a parish of Antigua of 3,700 people is no match for Minnesota's capital
    let body = "The team flew home to St. Paul on Sunday.";
    let ps = g.resolve(body, &gpes(body, &["St. Paul"]));
    assert_eq!(at(&ps, "St. Paul"), us("MN"), "{ps:?}");
    // saints a church is named for are no places
    let body = "A bomb hit the church of St. Peter and St. Paul in Cairo. Mourners met at \
                the Saint Mark Coptic Cathedral.";
    let ps = g.resolve(
        body,
        &gpes(body, &["St. Peter", "St. Paul", "Cairo", "Saint Mark"]),
    );
    assert_eq!(
        ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
        ["Cairo"],
        "{ps:?}"
    );
    // ... and a hospital or school a saint's possessive names
    let body = "He was taken to St. Michael's Hospital in Toronto.";
    let ps = g.resolve(body, &gpes(body, &["St. Michael's Hospital", "Toronto"]));
    assert_eq!(
        ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
        ["Toronto"],
        "{ps:?}"
    );
    // a name the tagger cut before its apostrophe is read whole, where a place has it
    // with the apostrophe
    let body = "He lives in St. John's, the capital of Newfoundland.";
    let ps = g.resolve(body, &gpes(body, &["St. John", "Newfoundland"]));
    assert_eq!(
        at(&ps, "St. John's"),
        Some((Some("CAN".to_string()), Some("05".to_string()))),
        "{ps:?}"
    );
    let body = "Virginia's governor visited.";
    let ps = g.resolve(body, &gpes(body, &["Virginia"]));
    assert_eq!(at(&ps, "Virginia"), us("VA"), "{ps:?}");
    // ... but a Louisiana parish named for a saint is a place
    let body = "Deputies in St. Tammany Parish closed two roads.";
    let ps = g.resolve(body, &gpes(body, &["St. Tammany Parish"]));
    assert!(!ps.is_empty(), "{ps:?}");
    // a town with no namesake opening an organisation's name lends its state: Amherst,
    // Massachusetts, beside the Belchertown State School
    let body = "Amherst voters rejected the plan. Land of the former Belchertown State \
                School was offered, and Amherst officials will meet again.";
    let mut ents = gpes(body, &["Amherst"]);
    ents.push(ent(body, "Belchertown State School", EntityType::Org));
    let ps = g.resolve(body, &ents);
    assert_eq!(at(&ps, "Amherst"), us("MA"), "{ps:?}");
    // ... not a partner of a firm ("Stevens & Wilkinson")
    let body = "Columbia owes Stevens & Wilkinson money, a judge ruled. The firm is based in \
                Columbia, S.C.";
    let mut ents = gpes(body, &["Columbia"]);
    ents.push(ent(body, "Stevens & Wilkinson", EntityType::Org));
    let ps = g.resolve(body, &ents);
    assert!(
        ps.iter()
            .filter(|p| p.text == "Columbia")
            .all(|p| p.admin1.as_deref() == Some("SC")),
        "{ps:?}"
    );
}

#[test]
fn countries_abroad_waters_and_quarters() {
    let g = Gazetteer::bundled().unwrap();
    let country_of = |ps: &[Place], name: &str| {
        ps.iter()
            .find(|p| p.text == name)
            .and_then(|p| p.country.clone())
    };
    // a Texas story that names countries abroad names China and Italy as countries
    let body = "Farmers in Gainesville, Texas, and Denton, Texas, sell beef to Japan, Russia \
                and China; buyers from Italy came too.";
    let ents: Vec<Entity> = ["Gainesville", "Texas", "Denton", "Japan", "Russia", "China"]
        .iter()
        .chain(&["Italy"])
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    assert_eq!(country_of(&ps, "China").as_deref(), Some("CHN"), "{ps:?}");
    assert_eq!(country_of(&ps, "Italy").as_deref(), Some("ITA"), "{ps:?}");
    // ... and a story that names a country's people names the country
    let body = "Doctors from Bethel Park, Pennsylvania, flew to Egypt. Egyptians welcomed them.";
    let mut ents: Vec<Entity> = ["Bethel Park", "Pennsylvania", "Egypt"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    ents.push(ent(body, "Egyptians", EntityType::Misc));
    let ps = g.resolve(body, &ents);
    assert_eq!(country_of(&ps, "Egypt").as_deref(), Some("EGY"), "{ps:?}");
    // a party "of Georgia" in a story from Tbilisi is of the country
    let body = "Police in Tbilisi and Batumi arrested activists of the Movement for United \
                Georgia.";
    let ents = vec![
        ent(body, "Tbilisi", EntityType::Gpe),
        ent(body, "Batumi", EntityType::Gpe),
        ent(body, "Movement for United Georgia", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(country_of(&ps, "Georgia").as_deref(), Some("GEO"), "{ps:?}");
    // bodies of water by their full names; a bare "Gulf" before "of" is no Persian Gulf
    let body = "The storm crossed the Gulf of Alaska, then the North Atlantic. Boats left \
                the Gulf of Tonkin.";
    let ents = vec![
        ent(body, "Gulf of Alaska", EntityType::Loc),
        ent(body, "North Atlantic", EntityType::Loc),
        ent(body, "Gulf", EntityType::Loc),
        ent(body, "Tonkin", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let feature = |name: &str| {
        ps.iter()
            .find(|p| p.text == name)
            .and_then(|p| p.feature.clone())
    };
    assert_eq!(feature("Gulf of Alaska").as_deref(), Some("GULF"), "{ps:?}");
    assert_eq!(feature("North Atlantic").as_deref(), Some("OCN"), "{ps:?}");
    assert_eq!(feature("Gulf"), None, "{ps:?}");
    // an ocean opening an organisation's name is no town of Iowa
    let body = "The North Atlantic Fishing Council met in Boston.";
    let ents = vec![
        ent(body, "North Atlantic Fishing Council", EntityType::Org),
        ent(body, "Boston", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert!(ps.iter().all(|p| p.text != "Atlantic"), "{ps:?}");
    // a town's quarter named by its direction is no district abroad
    let body = "Crime fell on the North Side of Pittsburgh.";
    let ents = vec![
        ent(body, "North Side", EntityType::Gpe),
        ent(body, "Pittsburgh", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert!(ps.iter().all(|p| p.text != "North Side"), "{ps:?}");
}

#[test]
fn spellings_city_names_run_on_names_and_lists() {
    let g = Gazetteer::bundled().unwrap();
    // a city's own name before another city's alternate spelling, whatever the state the
    // story's other places stand in
    let body = "Guardsmen from Fresno, Calif., and Pittsburgh served in California units.";
    let ents: Vec<Entity> = ["Fresno", "Calif", "Pittsburgh", "California"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    assert_eq!(at(&ps, "Pittsburgh"), us("PA"), "{ps:?}");
    // "X City" that only a town elsewhere has as an alternate name may be X's city
    let body = "North Las Vegas and North Las Vegas police met Las Vegas City officials.";
    let ents = vec![
        ent(body, "North Las Vegas", EntityType::Gpe),
        ent(body, "Las Vegas City", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(at(&ps, "Las Vegas City"), us("NV"), "{ps:?}");
    // a name the tagger cut before "-based"
    let body = "A panel of the San Jose-based court ruled in Santa Clara County.";
    let ents = vec![
        ent(body, "San", EntityType::Gpe),
        ent(body, "Santa Clara County", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(at(&ps, "San Jose"), us("CA"), "{ps:?}");
    // no qualifier after a comma in a list of agencies ("…'s Office, the Florida …")
    let body = "Deputies of the Levy County Sheriff's Office, the Florida Highway Patrol and \
                police in Chiefland came.";
    let ents = vec![
        ent(body, "Levy County Sheriff's Office", EntityType::Org),
        ent(body, "Florida Highway", EntityType::Gpe),
        ent(body, "Chiefland", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert!(
        ps.iter().all(|p| p.country.as_deref() == Some("USA")),
        "{ps:?}"
    );
    assert!(ps.iter().all(|p| !p.text.starts_with("the ")), "{ps:?}");
}

#[test]
fn capitals_joined_by_a_hyphen_and_towns_near_a_qualified_place() {
    let g = Gazetteer::bundled().unwrap();
    // a wire dateline of a capital whose country the story names, whatever its focus
    let body = "WASHINGTON (Reuters) - A former British spy who worked in London for \
                Britain wrote the U.S. report. British officials in London said so.";
    let mut ents: Vec<Entity> = ["WASHINGTON", "London", "Britain", "U.S."]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    ents.sort_by_key(|e| e.start);
    let ps = g.resolve(body, &ents);
    assert_eq!(
        at(&ps, "WASHINGTON"),
        Some((Some("USA".into()), Some("DC".into()))),
        "{ps:?}"
    );
    // a landmark after a name's possessive puts the name in the landmark's country, in a
    // Kentucky story too
    let body = "GEORGETOWN, Ky. - A doctor from Pikeville, Kentucky, is in France. A gunman \
                opened fire on Paris' iconic Champs-Elysees boulevard.";
    let mut ents: Vec<Entity> = ["GEORGETOWN", "Pikeville", "Kentucky", "France", "Paris"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    ents.push(ent(body, "Champs-Elysees", EntityType::Loc));
    ents.sort_by_key(|e| e.start);
    let ps = g.resolve(body, &ents);
    assert_eq!(
        at(&ps, "Paris").map(|x| x.0),
        Some(Some("FRA".into())),
        "{ps:?}"
    );
    // a route between two capitals is between the capitals, not two towns 80 km apart
    let body = "United Airlines postponed the Washington-Moscow route last year.";
    let ps = g.resolve(body, &[ent(body, "Washington-Moscow", EntityType::Misc)]);
    assert_eq!(
        at(&ps, "Moscow").map(|x| x.0),
        Some(Some("RUS".into())),
        "{ps:?}"
    );
    assert_eq!(
        at(&ps, "Washington").map(|x| x.1),
        Some(Some("DC".into())),
        "{ps:?}"
    );
    // a town near one whose name opens a civic body the tagger called a place ("Hartford
    // Hospital": Middletown, Connecticut, not New Jersey's bigger one)
    let body = "MIDDLETOWN — A Middletown High School senior is recovering at Hartford \
                Hospital.";
    let ents = vec![
        ent(body, "MIDDLETOWN", EntityType::Gpe),
        ent(body, "Hartford Hospital", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(
        at(&ps, "MIDDLETOWN"),
        Some((Some("USA".into()), Some("CT".into()))),
        "{ps:?}"
    );
    // a county by its abbreviation, in a dateline or tagged as a place
    let body = "PLYMOUTH CO. — Deputies found the car near Le Mars, Iowa, and in Loudon Co.";
    let ents = vec![
        ent(body, "Le Mars", EntityType::Gpe),
        ent(body, "Iowa", EntityType::Gpe),
        ent(body, "Loudon Co.", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let county = ps.iter().find(|p| p.text == "PLYMOUTH CO.").unwrap();
    assert_eq!(
        (
            county.name.as_str(),
            county.admin1.as_deref(),
            county.feature.as_deref()
        ),
        ("Plymouth County", Some("IA"), Some("ADM2")),
        "{ps:?}"
    );
    let loudon = ps.iter().find(|p| p.text == "Loudon Co.").unwrap();
    assert_eq!(loudon.name, "Loudon County", "{ps:?}");
    // a town across a state line from a qualified place (Hanover, N.H., 40 km from
    // Bethel, Vt.) before a bigger namesake far away
    let body = "Hanover police found the couple. Their son, of Bethel, Vt., declined to \
                comment, and Hanover officials said the town was safe.";
    let ents: Vec<Entity> = ["Hanover", "Bethel", "Vt"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    assert_eq!(
        at(&ps, "Hanover"),
        Some((Some("USA".into()), Some("NH".into()))),
        "{ps:?}"
    );
}

#[test]
fn a_town_read_as_a_person_after_in_or_from_is_the_town() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Scouts from Maryville collected food, and a concert was held in Maryville.";
    let ents = vec![
        ent(body, "Maryville", EntityType::Person),
        Entity {
            start: body.rfind("Maryville").unwrap(),
            end: body.rfind("Maryville").unwrap() + 9,
            text: "Maryville".into(),
            kind: EntityType::Person,
            canonical: None,
            source: None,
        },
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert!(ps.iter().all(|p| p.country.as_deref() == Some("USA")));
    // a possessor is a person ("in Maryville's car" is someone's), and so is a name
    // after other words
    for body in [
        "Police found drugs in Maryville's car.",
        "The award went to Maryville on Friday.",
    ] {
        let ps = g.resolve(body, &[ent(body, "Maryville", EntityType::Person)]);
        assert!(ps.is_empty(), "{body}: {ps:?}");
    }
    // one name, one sense: the town read so once is the town where the tagger said person
    let body = "A fair was held in Maryville. Maryville hosts it every year.";
    let first = ent(body, "Maryville", EntityType::Person);
    let mut second = first.clone();
    second.start = body.rfind("Maryville").unwrap();
    second.end = second.start + 9;
    let ps = g.resolve(body, &[first, second]);
    assert_eq!(ps.len(), 2, "{ps:?}");
    // ... also written in capitals elsewhere (a dateline)
    let body = "Budget passes. TORRINGTON — The Torrington Senior Center opened.";
    let ps = g.resolve(
        body,
        &[ent(body, "Torrington Senior Center", EntityType::Org)],
    );
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (&body[p.start..p.end], p.admin1.as_deref()))
        .collect();
    assert_eq!(
        got,
        [("TORRINGTON", Some("CT")), ("Torrington", Some("CT"))]
    );
    assert_eq!(ps[1].text, "Torrington");
    // ... and where it said organisation
    let body = "A fair was held in Maryville, Tennessee. Maryville said it would pay.";
    let mut org = ent(body, "Maryville said", EntityType::Org);
    org.end = org.start + 9;
    org.text = "Maryville".into();
    let ents = vec![
        ent(body, "Maryville", EntityType::Gpe),
        ent(body, "Tennessee", EntityType::Gpe),
        org,
    ];
    let ps = g.resolve(body, &ents);
    let towns: Vec<_> = ps.iter().filter(|p| p.text == "Maryville").collect();
    assert_eq!(towns.len(), 2, "{ps:?}");
    assert_eq!(towns[0].geonameid, towns[1].geonameid);
    assert_eq!(via(towns[1]), Some("organisation"));
    // a name inside an organisation's name is where the article puts it on its own
    let body = "Officials in Springfield, Decatur and Peoria met. Channel 5 Springfield filmed.";
    let ents = vec![
        ent(body, "Springfield", EntityType::Gpe),
        ent(body, "Decatur", EntityType::Gpe),
        ent(body, "Peoria", EntityType::Gpe),
        ent(body, "Channel 5 Springfield", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<_> = ps
        .iter()
        .filter(|p| p.text == "Springfield")
        .map(|p| (p.admin1.as_deref(), via(p)))
        .collect();
    assert_eq!(
        got,
        [(Some("IL"), None), (Some("IL"), Some("organisation"))]
    );
    // a direction before a town is no person's first name ("Downtown Maryville"), and the
    // town is a place
    let body = "Downtown Maryville is busy. A fair was held in Maryville. Maryville grows.";
    let mut third = ent(body, "Maryville grows", EntityType::Person);
    third.end = third.start + 9;
    third.text = "Maryville".into();
    let ents = vec![
        ent(body, "Downtown Maryville", EntityType::Person),
        ent(body, "Maryville.", EntityType::Person),
        third,
    ];
    let mut ents = ents;
    ents[1].end -= 1;
    ents[1].text = "Maryville".into();
    let ps = g.resolve(body, &ents);
    // (and "Downtown Maryville" is the town after the direction)
    let got: Vec<&str> = ps.iter().map(|p| &body[p.start..p.end]).collect();
    assert_eq!(got, ["Maryville", "Maryville", "Maryville"], "{ps:?}");
    assert_eq!(ps[0].start, body.find("Maryville").unwrap());
    // nor a surname of the article's people
    let body = "John Maryville spoke. Letters from Maryville were read aloud.";
    let mut second = ent(body, "Maryville were", EntityType::Person);
    second.end = second.start + 9;
    second.text = "Maryville".into();
    let ents = vec![ent(body, "John Maryville", EntityType::Person), second];
    assert!(g.resolve(body, &ents).is_empty());
}

#[test]
fn towns_joined_by_a_hyphen_and_abbreviations_before_lower_case() {
    let g = Gazetteer::bundled().unwrap();
    let body = "The river will crest in Fargo-Moorhead on Friday.";
    let ps = g.resolve(body, &[ent(body, "Fargo-Moorhead", EntityType::Gpe)]);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.admin1.as_deref()))
        .collect();
    assert_eq!(got, [("Fargo", Some("ND")), ("Moorhead", Some("MN"))]);
    assert_eq!(&body[ps[1].start..ps[1].end], "Moorhead");
    // a county after the pair: the town before the hyphen
    let body = "The Springfield-Greene County Health Department counted visits.";
    let ps = g.resolve(
        body,
        &[ent(
            body,
            "Springfield-Greene County Health Department",
            EntityType::Org,
        )],
    );
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].text, "Springfield");
    // ... and the county too, where the story places it
    let body = "Paris, Tenn., hosts the Paris-Henry County Arts Council.";
    let ents = vec![
        ent(body, "Paris", EntityType::Gpe),
        ent(body, "Tenn", EntityType::Gpe),
        ent(body, "Paris-Henry County Arts Council", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.admin1.as_deref(), p.feature.as_deref()));
    assert_eq!(
        got,
        [
            ("Paris", Some("TN"), Some("PPL")),
            ("Tenn", Some("TN"), Some("ADM1")),
            ("Paris", Some("TN"), Some("PPL")),
            ("Henry County", Some("TN"), Some("ADM2")),
        ]
    );
    // two countries, by name or adjective, as adjectives of a relation
    let body = "Russia-Turkey ties and Egyptian-US relations improved.";
    let ents = vec![
        ent(body, "Russia-Turkey", EntityType::Misc),
        ent(body, "Egyptian-US", EntityType::Misc),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.country.as_deref(), via(p)));
    assert_eq!(
        got,
        [
            ("Russia", Some("RUS"), Some("demonym")),
            ("Turkey", Some("TUR"), Some("demonym")),
            ("Egyptian", Some("EGY"), Some("demonym")),
            ("US", Some("USA"), Some("demonym")),
        ]
    );
    // a country and a union's acronym
    let body = "The EU-Canada trade deal passed.";
    let ps = g.resolve(body, &[ent(body, "EU-Canada", EntityType::Misc)]);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(
        (&body[ps[0].start..ps[0].end], ps[0].country.as_deref()),
        ("Canada", Some("CAN"))
    );
    // two direction words before a place, and a place after "of" in a name read as a place
    let body =
        "Children in Far North Queensland were flown to the Children's Hospital of Manitoba.";
    let ents = vec![
        ent(body, "Far North Queensland", EntityType::Gpe),
        ent(body, "Children's Hospital of Manitoba", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (&body[p.start..p.end], p.country.as_deref()))
        .collect();
    assert_eq!(
        got,
        [("Queensland", Some("AUS")), ("Manitoba", Some("CAN"))]
    );
    // a town before "-based" or "-area"
    let body = "The Seattle-based chain and Gainesville-area dealers, in Texas, grew.";
    let ents = vec![
        ent(body, "Seattle-based", EntityType::Misc),
        ent(body, "Gainesville-area", EntityType::Misc),
        ent(body, "Texas", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.admin1.as_deref(), via(p)));
    assert_eq!(
        got,
        [
            ("Seattle", Some("WA"), Some("demonym")),
            ("Gainesville", Some("TX"), Some("demonym")),
            ("Texas", Some("TX"), None)
        ]
    );
    // a town before a school's initials or a district's direction
    let body = "Wrestlers from Watertown-ML beat Delano, Minnesota; the Calgary-North MLA spoke.";
    let ents = vec![
        ent(body, "Watertown-ML", EntityType::Org),
        ent(body, "Delano", EntityType::Gpe),
        ent(body, "Minnesota", EntityType::Gpe),
        ent(body, "Calgary-North", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.country.as_deref(), p.admin1.as_deref()));
    assert_eq!(
        got,
        [
            ("Watertown", Some("USA"), Some("MN")),
            ("Delano", Some("USA"), Some("MN")),
            ("Minnesota", Some("USA"), Some("MN")),
            ("Calgary", Some("CAN"), Some("01")),
        ]
    );
    // hyphenated surnames are no places
    let body = "The Smith-Jones family moved.";
    assert!(g
        .resolve(body, &[ent(body, "Smith-Jones", EntityType::Org)])
        .is_empty());
    // a press abbreviation whose full stop ends no sentence
    let body = "Mass. legislators put off the debate.";
    let ps = g.resolve(body, &[ent(body, "Mass", EntityType::Gpe)]);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(
        (ps[0].country.as_deref(), ps[0].admin1.as_deref()),
        (Some("USA"), Some("MA"))
    );
}

#[test]
fn legislators_homes_in_party_tags() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Officials in Minnesota met. Rep. Ann Doe, R-Elbow Lake, and Sen. Bo Roe \
                (DFL-Moorhead) and Rep. Cy Poe, R-Ky., spoke.";
    let ents = vec![
        ent(body, "Minnesota", EntityType::Gpe),
        ent(body, "Ann Doe", EntityType::Person),
        ent(body, "Bo Roe", EntityType::Person),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (&body[p.start..p.end], p.admin1.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Minnesota", Some("MN")),
            ("Elbow Lake", Some("MN")),
            ("Moorhead", Some("MN")),
            ("Ky.", Some("KY")),
        ]
    );
    // no party letter, no home: "Mercedes-Benz", "Jean-Pierre"
    let body = "Officials in Texas bought a Mercedes-Benz from Jean-Pierre Dupont.";
    let ps = g.resolve(body, &[ent(body, "Texas", EntityType::Gpe)]);
    assert_eq!(ps.len(), 1, "{ps:?}");
}

#[test]
fn one_capital_per_country_and_datelines() {
    let g = Gazetteer::bundled().unwrap();
    // the capital's namesakes in its country are towns (Washington, Iowa is no capital)
    let mut capitals: HashMap<&str, usize> = HashMap::new();
    for p in g.places.iter().filter(|p| p.feature == "PPLC") {
        *capitals.entry(p.iso3).or_default() += 1;
    }
    assert!(capitals.values().all(|&n| n == 1), "{capitals:?}");
    // a wire dateline standing alone is the capital, whatever the story's state
    let body = "WASHINGTON (AP) — Farmers in Iowa asked for help.";
    let ents = vec![
        ent(body, "WASHINGTON", EntityType::Gpe),
        ent(body, "Iowa", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(ps[0].admin1.as_deref(), Some("DC"), "{ps:?}");
    // ... but within the sentence the story's state decides
    let body = "Farmers met in Washington, and in Mount Pleasant and Fairfield, Iowa.";
    let ents: Vec<Entity> = ["Washington", "Mount Pleasant", "Fairfield", "Iowa"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    assert_eq!(ps[0].admin1.as_deref(), Some("IA"), "{ps:?}");
    // a dateline the tagger missed, after a headline, read among the story's places
    let body = "Budget passes. MOUNT GILEAD - Morrow County commissioners met in Ohio.";
    let ents = vec![
        ent(body, "Morrow County", EntityType::Org),
        ent(body, "Ohio", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "MOUNT GILEAD").unwrap();
    assert_eq!(town.admin1.as_deref(), Some("OH"), "{town:?}");
    // a tagged entity running on from the dateline gives way to it, and the dateline's
    // state places the story's county
    let body = "Taxes due. HAMILTON — Staring at a bill, Butler County officials met.";
    let ents = vec![
        ent(body, "HAMILTON — Staring", EntityType::Org),
        ent(body, "Butler County", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.admin1.as_deref()))
        .collect();
    assert_eq!(
        got,
        [("HAMILTON", Some("OH")), ("Butler County", Some("OH"))]
    );
    // capitals inside a sentence are no dateline
    let body = "He said MOUNT GILEAD - not Columbus - would win.";
    assert!(g.resolve(body, &[]).is_empty());
    // a local paper's dateline of a small town is read as usual
    let body = "HAMILTON — The Butler County auditor in Ohio said taxes were due.";
    let ents = vec![
        ent(body, "HAMILTON", EntityType::Gpe),
        ent(body, "Butler County", EntityType::Org),
        ent(body, "Ohio", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    assert_eq!(ps[0].admin1.as_deref(), Some("OH"), "{ps:?}");
}

#[test]
fn country_acronyms_the_tagger_left_out() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Why US fears “hacking” ‘now’ — and what the UK thinks.";
    let ps = g.resolve(body, &[]);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (&body[p.start..p.end], p.country.as_deref()))
        .collect();
    assert_eq!(got, [("US", Some("USA")), ("UK", Some("GBR"))]);
    // in capitals "US" may be the pronoun; inside words or names it is nothing
    for body in ["TELL US WHAT YOU THINK", "A BUS, USB and US-based firms"] {
        assert!(g.resolve(body, &[]).is_empty(), "{body}");
    }
}

#[test]
fn acronyms_are_no_towns() {
    let g = Gazetteer::bundled().unwrap();
    let body = "BA cancelled flights to the US and the UK, the UN said.";
    let ents: Vec<Entity> = ["BA", "US", "UK", "UN"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref()))
        .collect();
    assert_eq!(got, [("US", Some("USA")), ("UK", Some("GBR"))]);
}

#[test]
fn airports_by_their_names_and_their_towns() {
    let g = Gazetteer::bundled().unwrap();
    let airports = g.places.iter().filter(|p| p.feature == "AIRP").count();
    assert!(airports > 5_000, "{airports} airports");
    // by the bare name in a British story (not Heathrow, Florida), by a name with
    // "Airport" even where the tagger calls it an organisation, and the town of a name the
    // bundled list gives with its town ("London Gatwick Airport")
    let body = "Strikes in London hit Heathrow. Flights left Pearson International Airport \
                late, and Gatwick Airport closed.";
    let ents = vec![
        ent(body, "London", EntityType::Gpe),
        ent(body, "Heathrow", EntityType::Gpe),
        ent(body, "Pearson International Airport", EntityType::Org),
        ent(body, "Gatwick Airport", EntityType::Fac),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> =
        spans(body, &ps, |p| (p.country.as_deref(), p.feature.as_deref()));
    assert_eq!(
        got,
        vec![
            ("London", Some("GBR"), Some("PPLC")),
            ("Heathrow", Some("GBR"), Some("AIRP")),
            ("Pearson International Airport", Some("CAN"), Some("AIRP")),
            ("Gatwick Airport", Some("GBR"), Some("AIRP")),
        ]
    );
    let heathrow = &ps[1];
    assert!(
        km(heathrow.lat, heathrow.lon, 51.47, -0.45) < 5.0,
        "{heathrow:?}"
    );
    assert_eq!(heathrow.geonameid, None);
    // a bare airport name is no reading for a word of another kind ("Provence" is the
    // region's, "Ford" no airport's)
    for word in ["Ford", "Provence", "House"] {
        assert!(
            g.lookup(word).iter().all(|&(c, _)| !matches!(c,
                Cand::Place(i) if g.places[i].feature == "AIRP")),
            "{word}"
        );
    }
}

#[test]
fn a_name_qualified_once_keeps_its_place() {
    let g = Gazetteer::bundled().unwrap();
    // "Springfield, Ohio" once: every Springfield of the article is Ohio's
    let body = "Springfield's budget is short. Springfield, Ohio — The board met. \
                Springfield City Schools will vote, said a Springfield parent.";
    let mut ents: Vec<Entity> = (0..4)
        .map(|n| ent_nth(body, "Springfield", n, EntityType::Gpe))
        .collect();
    let city = ents.remove(2);
    ents.insert(
        2,
        Entity {
            end: city.end + " City".len(),
            text: "Springfield City".into(),
            ..city
        },
    );
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>)> = ps
        .iter()
        .filter(|p| p.text.starts_with("Springfield"))
        .map(|p| (p.text.as_str(), p.admin1.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Springfield", Some("OH")),
            ("Springfield", Some("OH")),
            ("Springfield City", Some("OH")),
            ("Springfield", Some("OH")),
        ]
    );
    // a town ending an organisation's name lies where the article's other towns are
    let body = "Stargazers from Northampton and West Springfield will join Stars Over \
                Springfield on Friday.";
    let ents = vec![
        ent(body, "Northampton", EntityType::Gpe),
        ent(body, "West Springfield", EntityType::Gpe),
        ent(body, "Stars Over Springfield", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.admin1.as_deref(), via(p)));
    assert_eq!(got[2], ("Springfield", Some("MA"), Some("organisation")));
    // a town's reading holds for its name with "City" inside an organisation's name
    let body = "Dublin, Ohio — The Dublin City Schools board met in Dublin.";
    let ents = vec![
        ent(body, "Dublin", EntityType::Gpe),
        ent(body, "Dublin City Schools", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    assert!(
        ps.iter()
            .all(|p| !p.text.starts_with("Dublin") || p.admin1.as_deref() == Some("OH")),
        "{ps:?}"
    );
    assert!(ps.iter().any(|p| via(p) == Some("organisation")));
}

#[test]
fn a_town_named_in_full_is_meant_by_its_short_name() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Avondale Estates and Decatur share a road. In Avondale, the mayor spoke.";
    let ents = vec![
        ent(body, "Avondale Estates", EntityType::Gpe),
        ent(body, "Decatur", EntityType::Gpe),
        ent_nth(body, "Avondale", 1, EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (Some(p.name.as_str()), p.admin1.as_deref()));
    assert_eq!(got[2], ("Avondale", Some("Avondale Estates"), Some("GA")));
    // alone, Avondale is the Arizona city
    let body = "In Avondale, the mayor spoke.";
    let ps = g.resolve(body, &[ent(body, "Avondale", EntityType::Gpe)]);
    assert_eq!(ps[0].admin1.as_deref(), Some("AZ"));
}

#[test]
fn places_after_of_past_a_word_for_a_part_of_an_area() {
    let g = Gazetteer::bundled().unwrap();
    let body = "The United Way of Metropolitan Atlanta and the University of West Virginia met.";
    let ents = vec![
        ent(body, "United Way of Metropolitan Atlanta", EntityType::Org),
        ent(body, "University of West Virginia", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.admin1.as_deref(), p.feature.as_deref()));
    assert_eq!(
        got,
        vec![
            ("Atlanta", Some("GA"), Some("PPL")),
            ("West Virginia", Some("WV"), Some("ADM1")),
        ]
    );
}

#[test]
fn a_division_inside_an_organisations_name_names_the_country() {
    let g = Gazetteer::bundled().unwrap();
    // the arts council of Dublin, Ohio: the State of Ohio funds it
    let body = "Dublin artists won grants. Dublin singers thanked the State of Ohio.";
    let ents = vec![
        ent_nth(body, "Dublin", 0, EntityType::Gpe),
        ent_nth(body, "Dublin", 1, EntityType::Gpe),
        ent(body, "State of Ohio", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    assert!(
        ps.iter()
            .filter(|p| p.text == "Dublin")
            .all(|p| p.admin1.as_deref() == Some("OH")),
        "{ps:?}"
    );
    // ... and lends coherence to its division: Manhattan beside Kansas State University
    let body = "Students in Manhattan cheered Kansas State University.";
    let ents = vec![
        ent(body, "Manhattan", EntityType::Gpe),
        ent(body, "Kansas State University", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let manhattan = ps.iter().find(|p| p.text == "Manhattan").unwrap();
    assert_eq!(manhattan.admin1.as_deref(), Some("KS"), "{manhattan:?}");
    // alone, Dublin is Ireland's capital
    let body = "Dublin artists won grants.";
    let ps = g.resolve(body, &[ent(body, "Dublin", EntityType::Gpe)]);
    assert_eq!(ps[0].country.as_deref(), Some("IRL"));
}

#[test]
fn a_person_named_like_the_only_city_of_its_name_is_the_city() {
    let g = Gazetteer::bundled().unwrap();
    // Sochi is the only town so named: a lone "person" Sochi is the city; Lincoln is the
    // name of many towns and stays a person
    let body = "Sochi hosted the games. Lincoln spoke.";
    let ents = vec![
        ent(body, "Sochi", EntityType::Person),
        ent(body, "Lincoln", EntityType::Person),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.country.as_deref(), None));
    assert_eq!(got, vec![("Sochi", Some("RUS"), None)]);
}

#[test]
fn a_first_name_of_a_person_named_in_full_is_no_place() {
    let g = Gazetteer::bundled().unwrap();
    // "Georgia" after "Georgia Stevens" is the girl, not the state read off a "person"
    let body = "Georgia Stevens skates. Georgia began at four.";
    let mut georgia = ent_nth(body, "Georgia", 1, EntityType::Person);
    georgia.source = Some("rule:given-name+name".into());
    let mut full = ent(body, "Georgia Stevens", EntityType::Person);
    full.source = Some("rule:given-name".into());
    let ps = g.resolve(body, &[full, georgia.clone()]);
    assert!(ps.is_empty(), "{ps:?}");
    // a lone "person" the tagger read that is a division still is one
    georgia.source = Some("model:ner".into());
    let ps = g.resolve(body, &[georgia]);
    assert_eq!(ps.len(), 1, "{ps:?}");
}

#[test]
fn villages_need_support_from_the_article() {
    let g = Gazetteer::bundled().unwrap();
    // Churchill, Manitoba (under 1,000 people) among Manitoba towns; alone, the bigger
    // Churchill
    let body = "Polar bears left Churchill for Winnipeg and Thompson.";
    let ents = vec![
        ent(body, "Churchill", EntityType::Gpe),
        ent(body, "Winnipeg", EntityType::Gpe),
        ent(body, "Thompson", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let churchill = &ps[0];
    assert_eq!(
        (churchill.country.as_deref(), churchill.admin1.as_deref()),
        (Some("CAN"), Some("03")),
        "{churchill:?}"
    );
    let body = "Polar bears left Churchill on Monday.";
    let ps = g.resolve(body, &[ent(body, "Churchill", EntityType::Gpe)]);
    assert_ne!(ps[0].country.as_deref(), Some("CAN"), "{:?}", ps[0]);
    // a capital's name takes a village only when qualified: "Washington" among Oklahoma
    // towns is the capital, not the village near Norman
    let body = "Students from Norman and Moore, Okla., flew to Washington.";
    let ents = vec![
        ent(body, "Norman", EntityType::Gpe),
        ent(body, "Moore", EntityType::Gpe),
        ent(body, "Washington", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let washington = ps.iter().find(|p| p.text == "Washington").unwrap();
    assert_eq!(washington.admin1.as_deref(), Some("DC"), "{washington:?}");
}

#[test]
fn west_virginia_is_no_virginia_to_the_west() {
    let g = Gazetteer::bundled().unwrap();
    // the tagger's "Va" after "W. ", and a direction opening a division's name inside an
    // organisation's ("West Virginia Lottery Commission"); a direction before a division
    // is still stripped ("North East Texas")
    let body = "Sen. Byrd, D-W. Va., met the West Virginia Lottery Commission and the \
                North East Texas Water Group.";
    let ents = vec![
        ent(body, "Va", EntityType::Gpe),
        ent(body, "West Virginia Lottery Commission", EntityType::Org),
        ent(body, "North East Texas Water Group", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.name.as_str().into(), p.admin1.as_deref()));
    assert_eq!(
        got,
        vec![
            ("W. Va", Some("West Virginia"), Some("WV")),
            ("West Virginia", Some("West Virginia"), Some("WV")),
            ("Texas", Some("Texas"), Some("TX")),
        ]
    );
}

#[test]
fn seats_of_government_and_cities_named_city() {
    let g = Gazetteer::bundled().unwrap();
    // the White House is in Washington, not White House, Tennessee; acting, it is the
    // government; before a noun it names an institution and is no place; "Quebec City" is
    // the city, not the province
    let body = "Protesters gathered outside the White House. The White House said no. \
                A White House spokesman left for Montreal, Quebec City and Halifax.";
    let at = |n: usize| ent_nth(body, "White House", n, EntityType::Fac);
    let ents = vec![
        at(0),
        at(1),
        at(2),
        ent(body, "Montreal", EntityType::Gpe),
        ent(body, "Quebec City", EntityType::Org),
        ent(body, "Halifax", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.feature.as_deref(), via(p)));
    assert_eq!(
        got,
        vec![
            ("White House", Some("BLDG"), None),
            ("White House", Some("BLDG"), Some("metonymy")),
            ("Montreal", Some("PPL"), None),
            ("Quebec", Some("PPL"), Some("organisation")),
            ("Halifax", Some("PPL"), None),
        ]
    );
    assert!(km(ps[0].lat, ps[0].lon, 38.9, -77.04) < 5.0, "{:?}", ps[0]);
    assert_eq!(ps[3].admin1.as_deref(), Some("10"));
}

#[test]
fn towns_named_together_lie_near_each_other() {
    let g = Gazetteer::bundled().unwrap();
    // London, Ontario: St. Thomas and Strathroy lie within 50 km of it, of no other London
    let body = "Shelters in London, St. Thomas and Strathroy are full.";
    let ents: Vec<Entity> = ["London", "St. Thomas", "Strathroy"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "London").unwrap();
    assert_eq!(
        (town.country.as_deref(), town.admin1.as_deref()),
        (Some("CAN"), Some("08")),
        "{town:?}"
    );
    // a town called by its main name without "Town" is near too: Edmonton beside Enfield
    // (Enfield Town) is the London district, not the Alberta capital
    let body = "A shelter opened in Edmonton, one of seven in Enfield.";
    let ents = vec![
        ent(body, "Edmonton", EntityType::Gpe),
        ent(body, "Enfield", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.country.as_deref(), p.admin1.as_deref()));
    assert_eq!(
        got,
        vec![
            ("Edmonton", Some("GBR"), Some("ENG")),
            ("Enfield", Some("GBR"), Some("ENG")),
        ]
    );
    // alone, London is the capital
    let body = "Shelters in London are full.";
    let ps = g.resolve(body, &[ent(body, "London", EntityType::Gpe)]);
    assert_eq!(ps[0].country.as_deref(), Some("GBR"));
}

#[test]
fn a_small_alternate_name_yields_to_a_bigger_main_name() {
    let g = Gazetteer::bundled().unwrap();
    // "Maryville" is an alternate name of Beeville, Texas; towns called Maryville elsewhere
    // in the US bear it as their main name
    let body = "Pastors from Maryville met in Houston and Dallas, Texas.";
    let ents: Vec<Entity> = ["Maryville", "Houston", "Dallas", "Texas"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "Maryville").unwrap();
    assert_eq!(town.name, "Maryville", "{town:?}");
}

#[test]
fn places_acting_as_governments_are_flagged_and_read_as_capitals() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Moscow said talks in Moscow would go ahead; the United States condemned \
                them, and farmers in Texas shrugged.";
    let second = body.rfind("Moscow").unwrap();
    let ents = vec![
        ent(body, "Moscow", EntityType::Gpe),
        Entity {
            start: second,
            end: second + 6,
            text: "Moscow".into(),
            kind: EntityType::Gpe,
            canonical: None,
            source: None,
        },
        ent(body, "United States", EntityType::Gpe),
        ent(body, "Texas", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
        .collect();
    assert_eq!(
        got,
        [
            ("Moscow", Some("RUS"), Some("metonymy")),
            ("Moscow", Some("RUS"), None),
            ("United States", Some("USA"), Some("metonymy")),
            ("Texas", Some("USA"), None),
        ]
    );
}

#[test]
fn a_state_owning_an_act_acts_but_its_province_is_a_place() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Russia's entry into the war helped Syria's army in Syria's Idlib province.";
    let ents: Vec<Entity> = ["Russia", "Syria"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .chain(std::iter::once({
            let at = body.rfind("Syria").unwrap();
            Entity {
                start: at,
                end: at + 5,
                text: "Syria".into(),
                kind: EntityType::Gpe,
                canonical: None,
                source: None,
            }
        }))
        .collect();
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>)> = ps.iter().map(|p| (p.text.as_str(), via(p))).collect();
    assert_eq!(
        got,
        [
            ("Russia", Some("metonymy")),
            ("Syria", Some("metonymy")),
            ("Syria", None)
        ]
    );
}

#[test]
fn the_people_of_a_state_name_the_state() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Ohioans, Texans, Ontarians and Floridians voted; Germans watched.";
    let ents: Vec<Entity> = ["Ohioans", "Texans", "Ontarians", "Floridians", "Germans"]
        .iter()
        .map(|n| ent(body, n, EntityType::Norp))
        .collect();
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, &str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.name.as_str(), via(p)))
        .collect();
    assert_eq!(
        got,
        [
            ("Ohioans", "Ohio", Some("demonym")),
            ("Texans", "Texas", Some("demonym")),
            ("Ontarians", "Ontario", Some("demonym")),
            ("Floridians", "Florida", Some("demonym")),
            ("Germans", "Germany", Some("demonym")),
        ]
    );
    // continents' and regions' adjectives name them
    let body = "European and Asian markets fell.";
    let ents: Vec<Entity> = ["European", "Asian"]
        .iter()
        .map(|n| ent(body, n, EntityType::Norp))
        .collect();
    let got: Vec<(String, Option<Via>)> = g
        .resolve(body, &ents)
        .into_iter()
        .map(|p| (p.name, p.via))
        .collect();
    let d = Some(Via::Demonym);
    assert_eq!(got, [("Europe".into(), d), ("Asia".into(), d)]);
    // ... spelled with a space ("South East Asian"), and islands and regions by name
    let body = "South East Asian markets rose; Newfoundland and Anatolia waited.";
    let ents = vec![
        ent(body, "South East Asian", EntityType::Norp),
        ent(body, "Newfoundland", EntityType::Gpe),
        ent(body, "Anatolia", EntityType::Loc),
    ];
    let got: Vec<(String, Option<String>)> = g
        .resolve(body, &ents)
        .into_iter()
        .map(|p| (p.name, p.country))
        .collect();
    assert_eq!(
        got,
        [
            ("Southeast Asia".into(), None),
            ("Newfoundland".into(), Some("CAN".into())),
            ("Anatolia".into(), Some("TUR".into()))
        ]
    );
    // ... also where the tagger called the adjective a place
    let body = "South Ossetian officials spoke.";
    let ps = g.resolve(body, &[ent(body, "South Ossetian", EntityType::Gpe)]);
    let got: Vec<(String, Option<Via>)> = ps.into_iter().map(|p| (p.name, p.via)).collect();
    assert_eq!(got, [("South Ossetia".into(), d)]);
    // a word that only ends like one is nobody's people
    let body = "Lutherans and Wiccans met.";
    let ents: Vec<Entity> = ["Lutherans", "Wiccans"]
        .iter()
        .map(|n| ent(body, n, EntityType::Norp))
        .collect();
    assert!(g.resolve(body, &ents).is_empty());
}

#[test]
fn towns_and_counties_named_together_lie_together() {
    let g = Gazetteer::bundled().unwrap();
    // a town of many states within reach of a county the story names: there
    // (Paris, Tennessee, the seat of Henry County; not Paris, France, nor Paris, Texas)
    let body = "Volunteers in Paris and Henry County will collect food on Saturday.";
    let ents = vec![
        ent(body, "Paris", EntityType::Gpe),
        ent(body, "Henry County", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "Paris").unwrap();
    assert_eq!(
        (town.country.as_deref(), town.admin1.as_deref()),
        (Some("USA"), Some("TN")),
        "{town:?}"
    );
    // and the county of several states is the one holding the town
    let county = ps.iter().find(|p| p.text == "Henry County").unwrap();
    assert_eq!(county.admin1.as_deref(), Some("TN"), "{county:?}");
    // the county may be named inside an organisation's name
    let body = "Lebanon Police and the Boone County Sheriff's Office searched the house.";
    let ents = vec![
        ent(body, "Lebanon", EntityType::Gpe),
        ent(body, "Boone County Sheriff's Office", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "Lebanon").unwrap();
    assert_eq!(
        (town.country.as_deref(), town.admin1.as_deref()),
        (Some("USA"), Some("IN")),
        "{town:?}"
    );
    // ... also after an article: "The Alexandria Blizzard" is Alexandria's, here the
    // town in Minnesota, not the governorate of Egypt
    let body = "The Alexandria Blizzard sent buses to Fargo from Alexandria, Minnesota.";
    let second = body.rfind("Alexandria").unwrap();
    let ents = vec![
        ent(body, "The Alexandria Blizzard", EntityType::Org),
        ent(body, "Fargo", EntityType::Gpe),
        Entity {
            start: second,
            end: second + 10,
            text: "Alexandria".into(),
            kind: EntityType::Gpe,
            canonical: None,
            source: None,
        },
        ent(body, "Minnesota", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let got = spans(body, &ps, |p| (p.country.as_deref(), p.admin1.as_deref()));
    assert_eq!(got[0], ("Alexandria", Some("USA"), Some("MN")), "{ps:?}");
    // a town opening an organisation's name lies in a county the article names
    let body = "The Athens Police Department took him to the Henderson County Jail.";
    let ents = vec![
        ent(body, "Athens Police Department", EntityType::Org),
        ent(body, "Henderson County Jail", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "Athens").unwrap();
    assert_eq!(town.admin1.as_deref(), Some("TX"), "{town:?}");
    // a town opening an organisation's name is read among the article's other places
    let body = "Springfield Police said the driver lived in Northampton and worked in Holyoke.";
    let ents = vec![
        ent(body, "Springfield Police", EntityType::Org),
        ent(body, "Northampton", EntityType::Gpe),
        ent(body, "Holyoke", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "Springfield").unwrap();
    assert_eq!(town.admin1.as_deref(), Some("MA"), "{town:?}");
    // an institution named after its town, where the article's other places are
    let body = "The Springfield Science Museum and libraries in Northampton and Holyoke will open.";
    let ents = vec![
        ent(body, "Springfield Science Museum", EntityType::Org),
        ent(body, "Northampton", EntityType::Gpe),
        ent(body, "Holyoke", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "Springfield").unwrap();
    assert_eq!(town.admin1.as_deref(), Some("MA"), "{town:?}");
    // ... but no village named like a common word elsewhere
    let body = "The Springfield Science Museum will open.";
    let ps = g.resolve(
        body,
        &[ent(body, "Springfield Science Museum", EntityType::Org)],
    );
    assert!(ps.is_empty(), "{ps:?}");
    // a state's highway patrol is the state's, though "Florida Highway" reads like a road
    let body = "A Florida Highway Patrol report named the driver.";
    let ps = g.resolve(body, &[ent(body, "Florida Highway", EntityType::Gpe)]);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].admin1.as_deref(), Some("FL"));
    let body = "The crash closed Florida Highway 27 for an hour.";
    let ps = g.resolve(body, &[ent(body, "Florida Highway", EntityType::Gpe)]);
    assert!(ps.is_empty(), "{ps:?}");
    // a town of a state the text names only inside an organisation's name
    let body = "Doctors in Rochester joined the University of Minnesota study.";
    let ents = vec![
        ent(body, "Rochester", EntityType::Gpe),
        ent(body, "University of Minnesota", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let town = ps.iter().find(|p| p.text == "Rochester").unwrap();
    assert_eq!(town.admin1.as_deref(), Some("MN"), "{town:?}");
    // a county named without "County" in a story of its state
    let body = "Deputies in Lancaster searched farms between Lincoln and Omaha.";
    let ents: Vec<Entity> = ["Lancaster", "Lincoln", "Omaha"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let county = ps.iter().find(|p| p.text == "Lancaster").unwrap();
    assert_eq!(
        (
            county.name.as_str(),
            county.admin1.as_deref(),
            county.feature.as_deref()
        ),
        ("Lancaster County", Some("NE"), Some("ADM2")),
        "{county:?}"
    );
    // ... but no state's or city's name is a county's ("Texas County", Missouri)
    let body = "Ranchers from Texas sold cattle in Springfield, Joplin and Branson.";
    let ents: Vec<Entity> = ["Texas", "Springfield", "Joplin", "Branson"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let state = ps.iter().find(|p| p.text == "Texas").unwrap();
    assert_eq!(state.feature.as_deref(), Some("ADM1"), "{state:?}");
    // a state's name stays the state, whatever county holds a town of that name
    let body = "Officials in California and Washington County met.";
    let ents = vec![
        ent(body, "California", EntityType::Gpe),
        ent(body, "Washington County", EntityType::Gpe),
    ];
    let ps = g.resolve(body, &ents);
    let state = ps.iter().find(|p| p.text == "California").unwrap();
    assert_eq!(state.feature.as_deref(), Some("ADM1"), "{state:?}");
    // a hostile list of counties stays bounded
    let body = "Boone County ".repeat(5000);
    let ents: Vec<Entity> = (0..5000)
        .map(|k| Entity {
            start: k * 13,
            end: k * 13 + 12,
            text: "Boone County".into(),
            kind: EntityType::Gpe,
            canonical: None,
            source: None,
        })
        .collect();
    assert_eq!(
        g.county_spots(&ents).len(),
        g.counties[&norm_key("Boone County")].len()
    );
    // (no state named, no town: no county is guessed)
    assert!(g.resolve(&body, &ents).is_empty());
}

#[test]
fn press_abbreviations_after_a_comma_are_divisions() {
    let g = Gazetteer::bundled().unwrap();
    let body = "The plant in Wichita, Kan. closed; a mill in Red Deer, Alta. opened.";
    let ents: Vec<Entity> = ["Wichita", "Kan", "Red Deer", "Alta"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), p.feature.as_deref()))
        .collect();
    assert!(got.contains(&("Kan", Some("USA"), Some("ADM1"))), "{got:?}");
    assert!(
        got.contains(&("Alta", Some("CAN"), Some("ADM1"))),
        "{got:?}"
    );
}

#[test]
fn towns_of_one_division_pull_a_namesake_there() {
    let g = Gazetteer::bundled().unwrap();
    // no country or state named: only the other towns say this is Texas
    let body = "Crews from Tyler and Longview drove to Paris after the storm; Kilgore sent trucks.";
    let ents: Vec<Entity> = ["Tyler", "Longview", "Paris", "Kilgore"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let paris = ps.iter().find(|p| p.text == "Paris").unwrap();
    assert_eq!(
        (paris.country.as_deref(), paris.admin1.as_deref()),
        (Some("USA"), Some("TX")),
        "{paris:?}"
    );
    // towns found only in the US make it the article's country: even without the
    // coherence pass, Paris is then a US town; alone, the capital of France
    let ps = g.resolve_with(body, &ents, (0.0, 0.0));
    let paris = ps.iter().find(|p| p.text == "Paris").unwrap();
    assert_eq!(paris.country.as_deref(), Some("USA"), "{paris:?}");
    let alone = "Crews drove to Paris after the storm.";
    let ps = g.resolve_with(alone, &[ent(alone, "Paris", EntityType::Gpe)], (0.0, 0.0));
    assert_eq!(ps[0].country.as_deref(), Some("FRA"), "{ps:?}");
    // a town named like a country, among the article's towns of its state
    let body = "Crews from Tyler drove to Palestine after the storm.";
    let ents: Vec<Entity> = ["Tyler", "Palestine"]
        .iter()
        .map(|n| ent(body, n, EntityType::Gpe))
        .collect();
    let ps = g.resolve(body, &ents);
    let p = ps.iter().find(|p| p.text == "Palestine").unwrap();
    assert_eq!(p.admin1.as_deref(), Some("TX"), "{p:?}");
}

#[test]
fn streets_are_not_their_namesakes_and_a_name_keeps_its_reading() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Crews from Tyler drove to Palestine. The yard on Palestine Street reopened, and the Palestine Public Library shut.";
    let street = body.find("Palestine Street").unwrap();
    let library = body.find("Palestine Public Library").unwrap();
    let ents = vec![
        ent(body, "Tyler", EntityType::Gpe),
        ent(body, "Palestine", EntityType::Gpe),
        Entity {
            start: street,
            end: street + "Palestine Street".len(),
            text: "Palestine Street".into(),
            kind: EntityType::Gpe,
            canonical: None,
            source: None,
        },
        Entity {
            start: library,
            end: library + "Palestine Public Library".len(),
            text: "Palestine Public Library".into(),
            kind: EntityType::Org,
            canonical: None,
            source: None,
        },
    ];
    let ps = g.resolve(body, &ents);
    // no place for the street
    assert!(!ps.iter().any(|p| p.start == street), "{ps:?}");
    // the library's town is the Texas town the article named, not the country
    let lib = ps
        .iter()
        .find(|p| p.start == library)
        .expect("library's place");
    assert_eq!(lib.admin1.as_deref(), Some("TX"), "{lib:?}");
    assert_eq!(via(lib), Some("organisation"));
}

#[test]
fn towns_of_civic_bodies_and_places_after_a_direction() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Gainesville Police said schools in Northeast Georgia and Florida will close; the Acme Widget Company agreed.";
    let ents = vec![
        ent(body, "Gainesville Police", EntityType::Org),
        ent(body, "Northeast Georgia", EntityType::Gpe),
        ent(body, "Florida", EntityType::Gpe),
        ent(body, "Acme Widget Company", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Gainesville", Some("USA"), Some("organisation")),
            ("Georgia", Some("USA"), None),
            ("Florida", Some("USA"), None),
        ],
        "{ps:?}"
    );
}

#[test]
fn adjectives_and_abbreviations_opening_names() {
    let g = Gazetteer::bundled().unwrap();
    let body = "American Electric Power and the S.C. Highway Patrol met in S.C. on Monday.";
    let mut ents = vec![
        ent(body, "American Electric Power", EntityType::Org),
        ent(body, "S.C. Highway Patrol", EntityType::Org),
    ];
    let second = body.rfind("S.C.").unwrap();
    ents.push(Entity {
        start: second,
        end: second + 4,
        text: "S.C.".into(),
        kind: EntityType::Gpe,
        canonical: None,
        source: None,
    });
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, &str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.name.as_str(), via(p)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("American", "United States", Some("demonym")),
            ("S.C.", "South Carolina", Some("organisation")),
            ("S.C.", "South Carolina", None),
        ],
        "{ps:?}"
    );
}

#[test]
fn divisions_after_a_comma_are_places() {
    let g = Gazetteer::bundled().unwrap();
    let body = "COLUMBIA, Ky. (WBKO) - Police in Surrey, B.C. and Anna, Miss Lee said.";
    let ents = vec![
        ent(body, "COLUMBIA", EntityType::Gpe),
        ent(body, "Surrey", EntityType::Gpe),
        ent(body, "Anna", EntityType::Person),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, &str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.name.as_str(), p.country.as_deref()))
        .collect();
    assert!(got.contains(&("Ky.", "Kentucky", Some("USA"))), "{got:?}");
    assert!(
        got.contains(&("B.C.", "British Columbia", Some("CAN"))),
        "{got:?}"
    );
    // "Miss" without a full stop is not Mississippi
    assert!(!got.iter().any(|g| g.1 == "Mississippi"), "{got:?}");
}

#[test]
fn places_named_by_organisations() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Kentucky State Police said the US had sent agents.";
    let ents = vec![
        ent(body, "Kentucky State Police", EntityType::Org),
        ent(body, "US", EntityType::Org),
    ];
    let ps = g.resolve(body, &ents);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), via(p)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Kentucky", Some("USA"), Some("organisation")),
            ("US", Some("USA"), None),
        ]
    );
}

#[test]
fn qualifiers_pick_the_right_place() {
    let g = Gazetteer::bundled().unwrap();
    let body = "Flooding hit Paris, Texas on Monday.";
    let ps = g.resolve(body, &[ent(body, "Paris", EntityType::Gpe)]);
    assert_eq!(ps[0].country.as_deref(), Some("USA"));
    let body = "Flooding hit Paris on Monday.";
    let ps = g.resolve(body, &[ent(body, "Paris", EntityType::Gpe)]);
    assert_eq!(ps[0].country.as_deref(), Some("FRA"));
}
