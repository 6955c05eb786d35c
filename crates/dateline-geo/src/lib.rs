//! Gazetteer and toponym resolution: the `geo` stage.
//!
//! The gazetteer is tab-separated files in `data/geo/`, compiled into the binary and parsed
//! once at start-up: countries (with demonyms and a representative point), GeoNames places
//! (145k towns of 1,000+ people and first-level divisions), hand-written regions (continents,
//! seas, macro-regions) and US county names. Places borrow their text from the compiled-in
//! file (no allocation per place). Names are indexed by the hash of their
//! [`dateline_core::norm_key`] in a sorted table ([`index::NameIndex`]) that `build.rs`
//! prebuilds, so loading takes ~30 ms.
//!
//! Resolution picks, for each GPE/LOC entity, among the candidates with that name: a country
//! or region when the name is one; otherwise the place with the best score of population
//! (log), the article's focus country (the country mentioned most), a qualifier next to the
//! name ("Paris, Texas"), and whether the name is the place's main name or an alternate. A
//! second pass adds coherence: each other place name the first pass put in the candidate's
//! first-level division (or country) adds to its score ("Paris" among Tyler and Longview is
//! Paris, Texas), weights [`COHERENCE`].

use dateline_core::hash::FastMap;
use dateline_core::{norm_key, Entity, EntityType, Place};
use std::collections::HashMap;

pub mod data;
pub mod index;

/// The key functions [`index`] uses, shared with the build script (which compiles the same
/// files from dateline-core).
mod keyfns {
    pub use dateline_core::hash::{fnv1a, FNV_OFFSET};
    pub use dateline_core::norm_key_folded_into;
}

pub use data::{Country, GeoRecord};
pub use index::{key_hash, Cand, NameIndex};

/// Last words of street and road names.
/// Up to three words after a comma at byte `end` of the body (letters, digits, full stops),
/// within `chars` characters; none without the comma.
fn comma_words(body: &str, end: usize, chars: usize) -> Vec<String> {
    let Some(rest) = body[end..].strip_prefix(", ") else {
        return Vec::new();
    };
    let w: String = rest
        .chars()
        .take(chars)
        .take_while(|c| c.is_alphanumeric() || *c == ' ' || *c == '.')
        .collect();
    w.split_whitespace().take(3).map(str::to_string).collect()
}

/// Words that alone name no place, though some town or region is called so.
const GENERIC: &[&str] = &[
    "city",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "eastern",
    "western",
    "northern",
    "southern",
    "union",
    "street",
    "ii",
    "iii",
    "federal",
    "university",
    "lakes",
    "national",
    "state",
    "metro",
    "downtown",
    "upper",
    "lower",
    "far north",
    "middle",
    // a town's quarters named by their direction ("the North Side", "West End") are no
    // namesake districts abroad
    "side",
    "end",
    "north side",
    "south side",
    "east side",
    "west side",
    "north end",
    "south end",
    "east end",
    "west end",
];

/// Words naming a town's civic bodies and services ("Gainesville Police", "Hartford Hospital").
const CIVIC: &[&str] = &[
    "police",
    "library",
    "council",
    "department",
    "dept",
    "school",
    "schools",
    "hospital",
    "fire",
    "utilities",
    "board",
    "court",
    "airport",
    "city",
    "county",
    "township",
    "municipal",
    "public",
    "sheriff's",
    "sheriff",
    "mayor",
    "chamber",
    "community",
    "district",
    "transit",
    "housing",
    "water",
];

const STREETS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "dr",
    "lane",
    "ln",
    "pike",
    "highway",
    "hwy",
    "way",
    "parkway",
    "pkwy",
    "place",
    "terrace",
    "circle",
];

/// The bundled gazetteer's name index, prebuilt by `build.rs`.
const PREBUILT_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/name-index.bin"));

/// The loaded gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub places: Vec<GeoRecord>,
    pub regions: Vec<GeoRecord>,
    /// normalised name -> candidates
    pub index: NameIndex,
    /// normalised demonym/adjectival -> country index
    pub demonyms: FastMap<String, usize>,
    iso3: FastMap<String, usize>,
    /// `ISO3.admin1` -> the first-level division's place index
    adm1: FastMap<String, usize>,
    /// normalised US county name ("LAUREL COUNTY") -> the states that have one
    pub counties: FastMap<String, Vec<String>>,
    /// (normalised county name, state) -> the county's centroid
    county_points: FastMap<(String, String), (f64, f64)>,
    /// normalised adjective or people of a region ("European") -> the region's index
    region_adjectives: FastMap<String, usize>,
}

/// The text of a bundled gazetteer table, by file name (compiled into the binary).
fn bundled_file(file: &str) -> Result<&'static str, String> {
    match file {
        "countries.tsv" => Ok(include_str!("../../../data/geo/countries.tsv")),
        "places.tsv" => Ok(include_str!("../../../data/geo/places.tsv")),
        "airports.tsv" => Ok(include_str!("../../../data/geo/airports.tsv")),
        "regions.tsv" => Ok(include_str!("../../../data/geo/regions.tsv")),
        "country-aliases.tsv" => Ok(include_str!("../../../data/geo/country-aliases.tsv")),
        "demonym-aliases.tsv" => Ok(include_str!("../../../data/geo/demonym-aliases.tsv")),
        other => Err(format!("data/geo/{other}: not bundled")),
    }
}

impl Gazetteer {
    /// The gazetteer bundled with dateline.
    pub fn bundled() -> Result<Gazetteer, String> {
        let (countries, places, regions) = data::tables(bundled_file)?;
        // the prebuilt index, unless it was built for other data (it cannot be: build.rs reads
        // these same files; the check is cheap)
        let counts = [countries.len(), regions.len(), places.len()];
        let index = NameIndex::decode(PREBUILT_INDEX, counts)
            .unwrap_or_else(|| NameIndex::build(&countries, &regions, &places));
        let mut g = Gazetteer::with_index(countries, places, regions, index);
        // first-level divisions at the centroids of their boundaries (Natural Earth), US
        // states and counties at those of the Census's
        let adm1 = data::parse_adm1_centroids(include_str!("../../../data/geo/adm1-centroids.tsv"))
            .map_err(|e| format!("data/geo/adm1-centroids.tsv: {e}"))?;
        let adm1: FastMap<u64, (f64, f64)> = adm1
            .into_iter()
            .map(|(id, la, lo)| (id, (la, lo)))
            .collect();
        for p in g.places.iter_mut().filter(|p| p.feature == "ADM1") {
            if let Some(&(lat, lon)) = p.geonameid.and_then(|id| adm1.get(&id)) {
                p.lat = lat;
                p.lon = lon;
            }
        }
        let centroids =
            data::parse_us_centroids(include_str!("../../../data/geo/us-centroids.tsv"))
                .map_err(|e| format!("data/geo/us-centroids.tsv: {e}"))?;
        let mut county_at: FastMap<&str, (f64, f64)> = FastMap::default();
        for (kind, code, lat, lon) in centroids {
            if kind == "county" {
                county_at.insert(code, (lat, lon));
            } else if let Some(&i) = g.adm1.get(&format!("USA.{code}")) {
                g.places[i].lat = lat;
                g.places[i].lon = lon;
            }
        }
        // adjectives of continents and regions ("European", "Asian")
        let file = "data/geo/region-adjectives.tsv";
        for (n, line) in include_str!("../../../data/geo/region-adjectives.tsv")
            .lines()
            .enumerate()
        {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (adj, region) = line
                .split_once('\t')
                .ok_or_else(|| format!("{file}: line {}: expected 2 columns", n + 1))?;
            let i = g
                .regions
                .iter()
                .position(|r| r.name == region)
                .ok_or_else(|| format!("{file}: line {}: no region {region:?}", n + 1))?;
            g.region_adjectives.insert(norm_key(adj), i);
        }
        for line in include_str!("../../../data/geo/us-counties.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            if let (Some(name), Some(state)) = (f.next(), f.next()) {
                let key = norm_key(name);
                if let Some(&point) = f.next().and_then(|fips| county_at.get(fips)) {
                    g.county_points
                        .insert((key.clone(), state.to_string()), point);
                }
                g.counties.entry(key).or_default().push(state.to_string());
            }
        }
        Ok(g)
    }

    pub fn new(
        countries: Vec<Country>,
        places: Vec<GeoRecord>,
        regions: Vec<GeoRecord>,
    ) -> Gazetteer {
        let index = NameIndex::build(&countries, &regions, &places);
        Gazetteer::with_index(countries, places, regions, index)
    }

    /// The gazetteer of these records with their name index (from [`NameIndex::build`]).
    fn with_index(
        countries: Vec<Country>,
        places: Vec<GeoRecord>,
        regions: Vec<GeoRecord>,
        index: NameIndex,
    ) -> Gazetteer {
        let mut g = Gazetteer {
            countries,
            places,
            regions,
            index,
            ..Default::default()
        };
        for (i, p) in g.places.iter().enumerate() {
            if p.feature == "ADM1" {
                g.adm1
                    .entry(format!("{}.{}", p.iso3, p.admin1))
                    .or_insert(i);
            }
        }
        for (i, c) in g.countries.iter().enumerate() {
            g.iso3.insert(c.iso3.clone(), i);
            for d in &c.demonyms {
                let mut keys = vec![norm_key(d)];
                // the people in the plural: "Russians", "Iraqis"
                if d.ends_with("an") || d.ends_with('i') {
                    keys.push(norm_key(&format!("{d}s")));
                }
                for k in keys {
                    // a demonym several countries list ("American") is the most populous one's
                    let slot = g.demonyms.entry(k).or_insert(i);
                    if g.countries[*slot].population < c.population {
                        *slot = i;
                    }
                }
            }
        }
        g
    }

    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.iso3.get(iso3).map(|&i| &self.countries[i])
    }

    /// The country a name or demonym refers to ("Russia", "Russian Federation", "Russian").
    pub fn country_of_name(&self, name: &str) -> Option<&Country> {
        let bare = name.trim_start_matches("the ").trim_start_matches("The ");
        for (c, _) in self.candidates(bare) {
            if let Cand::Country(i) = c {
                return Some(&self.countries[*i]);
            }
        }
        let k = norm_key(bare);
        self.demonyms.get(&k).map(|&i| &self.countries[i])
    }

    /// Candidates for a name.
    pub fn lookup(&self, name: &str) -> &[(Cand, bool)] {
        self.candidates(strip_article(name))
    }

    fn candidates(&self, name: &str) -> &[(Cand, bool)] {
        self.index.get(name)
    }

    fn record(&self, c: Cand) -> GeoRecordRef<'_> {
        match c {
            Cand::Country(i) => {
                let x = &self.countries[i];
                GeoRecordRef {
                    name: &x.name,
                    geonameid: x.geonameid,
                    lat: x.lat,
                    lon: x.lon,
                    feature: "PCLI",
                    iso3: &x.iso3,
                    admin1: "",
                    population: x.population,
                }
            }
            Cand::Place(i) | Cand::Region(i) => {
                let x = if matches!(c, Cand::Place(_)) {
                    &self.places[i]
                } else {
                    &self.regions[i]
                };
                GeoRecordRef {
                    name: x.name,
                    geonameid: x.geonameid,
                    lat: x.lat,
                    lon: x.lon,
                    feature: x.feature,
                    iso3: x.iso3,
                    admin1: x.admin1,
                    population: x.population,
                }
            }
        }
    }

    /// Resolve the GPE and LOC entities of an article to places.
    /// Toponyms of an article resolved to gazetteer records (see the module notes), with the
    /// default coherence weights.
    pub fn resolve(&self, body: &str, entities: &[Entity]) -> Vec<Place> {
        self.resolve_all(body, entities, COHERENCE, None)
    }

    /// [`Gazetteer::resolve`] for an article from an outlet of a known country (ISO3, e.g.
    /// from [`Gazetteer::country_of_url`]): the outlet's country counts as one mention of it
    /// when the article's focus is decided, and wins a tie.
    pub fn resolve_for_outlet(
        &self,
        body: &str,
        entities: &[Entity],
        outlet_country: Option<&str>,
    ) -> Vec<Place> {
        self.resolve_all(body, entities, COHERENCE, outlet_country)
    }

    /// The country of an outlet's web address by its country-code top-level domain
    /// ("https://www.cbc.ca/news/…" → CAN, ".co.uk" → GBR); none for generic domains and
    /// the country codes sold as vanity names (.tv, .io, .co, .me, …).
    pub fn country_of_url(&self, url: &str) -> Option<&str> {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?.trim_end_matches('.');
        let tld = host.rsplit('.').next()?.to_ascii_lowercase();
        if tld.len() != 2 || !host.contains('.') {
            return None;
        }
        const VANITY: &[&str] = &[
            "tv", "io", "co", "me", "fm", "ai", "ly", "cc", "ws", "to", "ag", "gg", "la", "eu",
            "am", "so", "sh", "st", "vc", "gl", "im", "nu",
        ];
        if VANITY.contains(&tld.as_str()) {
            return None;
        }
        let iso2 = if tld == "uk" {
            "GB".to_string()
        } else {
            tld.to_ascii_uppercase()
        };
        self.countries
            .iter()
            .find(|c| c.iso2 == iso2)
            .map(|c| c.iso3.as_str())
    }

    /// [`Gazetteer::resolve`] with explicit coherence weights (per other name of the article in
    /// the candidate's division, in its country), for measuring them.
    pub fn resolve_with(&self, body: &str, entities: &[Entity], weights: (f64, f64)) -> Vec<Place> {
        self.resolve_all(body, entities, weights, None)
    }

    fn resolve_all(
        &self,
        body: &str,
        entities: &[Entity],
        weights: (f64, f64),
        outlet_country: Option<&str>,
    ) -> Vec<Place> {
        // a one-word "person" that is a division or a city of half a million (not a country:
        // "Chad", "Jordan" are given names too), and no person's surname in the article, is
        // the place ("Edmonton given 'B' grade")
        // (sets: a long article with many names stays linear)
        // (of names that look like people's: "Downtown Greer" is no person named Greer)
        let surnames: std::collections::HashSet<&str> = entities
            .iter()
            .filter(|e| e.kind == EntityType::Person && e.text.contains(' '))
            .filter(|e| {
                let first = e.text.split(' ').next().unwrap_or("").to_lowercase();
                !DIRECTIONS.contains(&first.as_str())
            })
            .filter_map(|e| e.text.rsplit(' ').next())
            .collect();
        // (a surname of the article's people only when the article never tags it a place)
        let places_tagged: std::collections::HashSet<&str> = entities
            .iter()
            .filter(|x| matches!(x.kind, EntityType::Gpe | EntityType::Loc))
            .map(|x| x.text.as_str())
            .collect();
        let placed = |t: &str| places_tagged.contains(t);
        // ... or a "person" followed by a state or province that has a town of that name
        // ("Greer, South Carolina", "Churchill, Man.")
        let qualified_town = |e: &Entity| {
            let Some((iso3, adm)) = self.qualifier_after(body, e.end, 24) else {
                return false;
            };
            !adm.is_empty()
                && self.lookup(&e.text).iter().any(|&(c, _)| {
                    matches!(c, Cand::Place(i) if self.places[i].iso3 == iso3
                        && self.places[i].admin1 == adm
                        && self.places[i].feature.starts_with("PPL"))
                })
        };
        // ... or a town's name after "in", "from" or "near" and not a possessor ("a message
        // of hope in Maryville", not "drugs found in Smith's car")
        let after_place_word = |e: &Entity| {
            let one_space = body[..e.start].trim_end_matches(' ').len() + 1 == e.start;
            let possessive = ["'", "’"].iter().any(|m| body[e.end..].starts_with(m));
            one_space && matches!(word_before(body, e.start), "in" | "from" | "near") && !possessive
        };
        // ... or a direction before a town's main name ("Downtown Greer", "North Knoxville")
        let directed_town = |e: &Entity| {
            let Some((first, rest)) = e.text.split_once(' ') else {
                return false;
            };
            DIRECTIONS.contains(&first.to_lowercase().as_str())
                && self.lookup(rest).iter().any(|&(c, main)| {
                    main && matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
                })
        };
        // ... or a city of 100,000 that is the only town of its name ("Sochi", not "Lincoln")
        let only_city = |name: &str| {
            let mut towns = self.lookup(name).iter().filter(|&&(c, _)| {
                matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL")
                    && self.places[i].population >= VILLAGE)
            });
            match (towns.next(), towns.next()) {
                (Some(&(Cand::Place(i), true)), None) => self.places[i].population >= 100_000,
                _ => false,
            }
        };
        let misread = |e: &Entity| {
            e.kind == EntityType::Person
                && e.text.starts_with(char::is_uppercase)
                // (a first name the recogniser tied to a person named in full: "Georgia" for
                // "Georgia Stevens")
                && !e.source.as_deref().is_some_and(|s| s.starts_with("rule:given-name"))
                && (!e.text.contains(' ')
                    && (!surnames.contains(e.text.as_str()) || placed(&e.text))
                    && self.lookup(&e.text).iter().any(|&(c, main)| {
                        main && match c {
                            Cand::Country(_) => false,
                            Cand::Place(i) => {
                                let p = &self.places[i];
                                p.feature == "ADM1"
                                    || p.population >= 500_000
                                    || p.feature.starts_with("PPL") && after_place_word(e)
                            }
                            Cand::Region(_) => false,
                        }
                    })
                    || !e.text.contains(' ')
                        && !surnames.contains(e.text.as_str())
                        && only_city(&e.text)
                    || qualified_town(e)
                    || directed_town(e))
        };
        let mut misread: Vec<bool> = entities.iter().map(misread).collect();
        // one name, one sense: a one-word "person" named like a town the article places
        // elsewhere (tagged or read so above), and no surname of the article's people, is that
        // town ("in Greer" … "Greer's city limits")
        let known: std::collections::HashSet<&str> = entities
            .iter()
            .zip(&misread)
            .filter(|(e, &m)| m || matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .map(|(e, _)| e.text.as_str())
            .collect();
        for (e, m) in entities.iter().zip(misread.iter_mut()) {
            if *m
                || e.kind != EntityType::Person
                || e.text.contains(' ')
                || surnames.contains(e.text.as_str())
                || !known.contains(e.text.as_str())
            {
                continue;
            }
            *m = self.lookup(&e.text).iter().any(|&(c, main)| {
                main && matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
            });
        }
        let fixed: Vec<Entity>;
        // datelines in capitals are places, where the tagger missed them or called them
        // something else ("Budget passes. DANIELSVILLE - Madison County commissioners voted")
        let datelines = self.datelines(body, entities);
        // saints a church is named for are no places ("the church of St. Peter and St. Paul")
        let dedicated: Vec<bool> = entities
            .iter()
            .map(|e| {
                matches!(e.kind, EntityType::Gpe | EntityType::Loc)
                    && dedication(body, e.start, e.end)
            })
            .collect();
        // a place's name the tagger cut before a hyphenated word ("San" + "Jose-based") or an
        // apostrophe ("St. John" + "'s"): the whole name, where the gazetteer has it
        let run_on: Vec<Option<usize>> = entities
            .iter()
            .map(|e| {
                if !matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
                    return None;
                }
                // ("St. John" + "'s": St. John's, where the gazetteer has the name whole)
                for apostrophe in ["'s", "’s"] {
                    if body[e.end..].starts_with(apostrophe) {
                        let end = e.end + apostrophe.len();
                        let whole = self.lookup(&body[e.start..end]).iter().any(|&(c, main)| {
                            // (a name with its apostrophe: "Virginia's" is no Virginias)
                            main && matches!(c, Cand::Place(i)
                                if self.places[i].population >= VILLAGE
                                    && self.places[i].name.contains(['\'', '’']))
                        });
                        if whole {
                            return Some(end);
                        }
                    }
                }
                let rest = body[e.end..].strip_prefix(' ')?;
                let word_end = rest.find(|c: char| !c.is_alphabetic())?;
                let word = &rest[..word_end];
                let suffix = rest[word_end..].strip_prefix('-')?;
                if !word.starts_with(char::is_uppercase) || !suffix.starts_with(char::is_lowercase)
                {
                    return None;
                }
                let end = e.end + 1 + word_end;
                let found = self.lookup(&body[e.start..end]).iter().any(|&(c, main)| {
                    main && !matches!(c, Cand::Place(i) if self.places[i].population < VILLAGE)
                });
                found.then_some(end)
            })
            .collect();
        let entities = if misread.contains(&true)
            || !datelines.is_empty()
            || dedicated.contains(&true)
            || run_on.iter().any(Option::is_some)
        {
            let starts: std::collections::HashSet<usize> =
                datelines.iter().map(|d| d.start).collect();
            let mut all: Vec<Entity> = entities
                .iter()
                .zip(&misread)
                .zip(&dedicated)
                .zip(&run_on)
                .filter(|((_, &d), _)| !d)
                .map(|((em, _), &r)| (em, r))
                .filter(|((e, _), _)| !starts.contains(&e.start))
                .map(|((e, &m), r)| {
                    let end = r.unwrap_or(e.end);
                    Entity {
                        kind: if m { EntityType::Gpe } else { e.kind },
                        end,
                        text: body[e.start..end].to_string(),
                        ..e.clone()
                    }
                })
                .collect();
            all.extend(datelines);
            all.sort_by_key(|e| (e.start, e.end));
            fixed = all;
            &fixed[..]
        } else {
            entities
        };
        // where each place name of the article could be: a candidate with other names of the
        // article near it is likelier (London, Ontario among St. Thomas and Middlesex), and a
        // county of several states is the one holding one of the article's towns
        let neighbours = Neighbours::of(self, body, entities);
        // the US counties the article names (also inside organisations' names): a town within
        // reach of one is read in its state
        let county_spots = self.county_spots(entities);
        // whether a US town lies within reach of a county the article names, or one among these
        // candidates does
        let town_in_named_county = |i: usize| {
            let p = &self.places[i];
            p.iso3 == "USA"
                && p.feature.starts_with("PPL")
                && county_spots.iter().any(|&(st, la, lo, _)| {
                    st == p.admin1 && km(la, lo, p.lat, p.lon) < COUNTY_REACH_KM
                })
        };
        let in_named_county = |cands: &[(Cand, bool)]| {
            cands.iter().any(|&(o, _)| match o {
                Cand::Place(i) => town_in_named_county(i),
                _ => false,
            })
        };
        // the names that act as governments somewhere in the article ("Moscow said")
        let acting_names: std::collections::HashSet<&str> = entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .filter(|e| acting(body, e.start, e.end))
            .map(|e| e.text.as_str())
            .collect();
        // focus: the country named most often (countries, demonyms, divisions, and town names
        // whose places all lie in one country; a division or town name counts once)
        let mut votes: HashMap<&str, usize> = HashMap::new();
        // names that are only divisions or towns of one country vote once per name
        let mut voted: Vec<String> = Vec::new();
        for e in entities {
            // a US county or a state's or province's press abbreviation ("LAUREL COUNTY,
            // Ky.") names its country, once per name
            if e.kind != EntityType::Person {
                let key = norm_key(&e.text);
                let bare = e.text.trim_end_matches('.');
                let country = if self.counties.contains_key(&key)
                    || data::us_state_abbreviation(bare).is_some()
                {
                    Some("USA")
                } else if data::canadian_province_abbreviation(bare).is_some() {
                    Some("CAN")
                } else {
                    None
                };
                if let Some(x) = country {
                    if !voted.contains(&key) {
                        voted.push(key);
                        *votes.entry(x).or_default() += 1;
                    }
                    continue;
                }
            }
            if matches!(e.kind, EntityType::Gpe | EntityType::Norp) {
                if let Some(c) = self.country_of_name(&e.text) {
                    // "Georgia" is also a US state: such a name does not vote
                    let also_division = self.lookup(&e.text).iter().any(|(o, _)| {
                        matches!(*o, Cand::Place(i) if self.places[i].feature == "ADM1" && self.places[i].iso3 != c.iso3)
                    });
                    if !also_division {
                        *votes.entry(c.iso3.as_str()).or_default() += 1;
                    }
                    continue;
                }
                // a first-level division names its country too ("Texas" -> USA), when every
                // candidate of the name is a division of that one country
                // (or, when divisions of several countries share the name, of the one with
                // ten times the people of the next: Florida, USA, not Uruguay's)
                let cands = self.lookup(&e.text);
                let mut divisions: Vec<(u64, &str)> = Vec::new();
                let mut other_kind = cands.is_empty();
                for (c, _) in cands {
                    match *c {
                        Cand::Place(i) if self.places[i].feature == "ADM1" => {
                            let p = &self.places[i];
                            divisions.push((p.population, p.iso3));
                        }
                        Cand::Place(_) => {}
                        _ => other_kind = true,
                    }
                }
                divisions.sort_unstable_by(|a, b| b.cmp(a));
                let vote = match divisions.as_slice() {
                    [] => None,
                    [(_, x), rest @ ..] if rest.iter().all(|(_, y)| y == x) => Some(*x),
                    [(p0, x), (p1, _), ..] if *p0 >= p1.saturating_mul(10) => Some(*x),
                    _ => None,
                };
                // (a division whose name is also a town of another country votes only when
                // the towns of that name are all of the division's country: "Alexandria",
                // the Egyptian governorate, does not outvote Virginia's towns)
                // (towns of a fiftieth of the division's people or more: the US towns named
                // Alexandria against Egypt's governorate, not Uruguay's Florida against the US
                // state)
                let towns_abroad = |x: &str| {
                    let people = divisions.first().map_or(0, |d| d.0);
                    cands.iter().any(|&(c, _)| {
                        matches!(c, Cand::Place(i) if self.places[i].feature != "ADM1"
                            && self.places[i].iso3 != x
                            && self.places[i].population >= 10_000
                            && self.places[i].population.saturating_mul(50) >= people)
                    })
                };
                let vote = vote.or_else(|| {
                    // a town name all of whose places lie in one country (and one that names a
                    // town: not only an alternate name of a small one, "South End" of Great
                    // Corn Island)
                    let named = cands.iter().any(|&(c, main)| {
                        matches!(c, Cand::Place(i) if main || self.places[i].population >= 10_000)
                    });
                    let mut iso = cands.iter().filter_map(|&(c, _)| match c {
                        Cand::Place(i) => Some(self.places[i].iso3),
                        _ => None,
                    });
                    let first = iso.next()?;
                    (named && !other_kind && iso.all(|x| x == first)).then_some(first)
                });
                if let (false, Some(x)) = (other_kind, vote) {
                    let key = norm_key(&e.text);
                    if (divisions.is_empty() || !towns_abroad(x)) && !voted.contains(&key) {
                        voted.push(key);
                        *votes.entry(x).or_default() += 1;
                    }
                }
            }
        }
        let mut org_divisions: Vec<Place> = Vec::new();
        // a first-level division named inside an organisation's name ("State of Ohio",
        // "Kentucky State Police") names its country too, once per name, when all the places
        // of that name are divisions of that one country (after "of", or opening the name)
        for e in entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Org | EntityType::Misc))
        {
            let words: Vec<&str> = e.text.split(' ').collect();
            let after_of = words.iter().position(|w| *w == "of").map(|k| k + 1);
            let starts = [Some(0), after_of];
            for k in starts.into_iter().flatten() {
                for n in [2, 1] {
                    let Some(part) = words.get(k..k + n) else {
                        continue;
                    };
                    let name = part.join(" ");
                    // (not a word for a direction or a kind of place: "Northeast Georgia" is
                    // no vote for Iceland's Northeast Region)
                    let lower = name.to_lowercase();
                    if GENERIC.contains(&lower.as_str()) || DIRECTIONS.contains(&lower.as_str()) {
                        continue;
                    }
                    let cands = self.lookup(&name);
                    // (a division's name, whose places, towns too, all lie in one country:
                    // "Kansas", with the village of Kansas, Illinois)
                    let adm1 = cands.iter().find_map(|&(c, _)| match c {
                        Cand::Place(i) if self.places[i].feature == "ADM1" => {
                            Some(self.places[i].iso3)
                        }
                        _ => None,
                    });
                    let Some(first) = adm1 else {
                        // (a town opening the name that has no namesake anywhere lends its
                        // division coherence too: "Belchertown State School" for Amherst)
                        // (of 1,000 people, and not a partner's name: "Stevens & Wilkinson")
                        if let ([(Cand::Place(i), true)], 0) = (cands, k) {
                            let p = &self.places[*i];
                            let next = words.get(n).copied().unwrap_or("&");
                            if p.feature.starts_with("PPL")
                                && p.population >= 1_000
                                && next.starts_with(char::is_uppercase)
                            {
                                org_divisions.push(self.place(
                                    Cand::Place(*i),
                                    e.start,
                                    &name,
                                    None,
                                ));
                                break;
                            }
                        }
                        continue;
                    };
                    let one_country = cands
                        .iter()
                        .all(|&(c, _)| matches!(c, Cand::Place(i) if self.places[i].iso3 == first));
                    if !one_country {
                        break;
                    }
                    // (and lends coherence to its division: "Kansas State University" for
                    // Manhattan; the most populous division of the name)
                    let division = cands
                        .iter()
                        .filter_map(|&(c, _)| match c {
                            Cand::Place(i) if self.places[i].feature == "ADM1" => Some(i),
                            _ => None,
                        })
                        .max_by_key(|&i| (self.places[i].population, std::cmp::Reverse(i)));
                    if let Some(i) = division {
                        org_divisions.push(self.place(Cand::Place(i), e.start, &name, None));
                    }
                    let key = norm_key(&name);
                    if !voted.contains(&key) {
                        voted.push(key);
                        *votes.entry(first).or_default() += 1;
                    }
                    break;
                }
            }
        }
        // the outlet's country: one mention, and the tie-breaker
        if let Some(x) = outlet_country.and_then(|o| self.iso3.get_key_value(o)) {
            *votes.entry(x.0.as_str()).or_default() += 1;
        }
        let focus = votes
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then((Some(*a.0) == outlet_country).cmp(&(Some(*b.0) == outlet_country)))
                    .then(b.0.cmp(a.0))
            })
            .map(|(k, _)| k.to_string());
        // the countries the article names by their names ("Russia", not "Russian")
        let named_countries: Vec<&str> = entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .filter_map(|e| {
                self.lookup(&e.text).iter().find_map(|&(c, _)| match c {
                    Cand::Country(i) => Some(self.countries[i].iso3.as_str()),
                    _ => None,
                })
            })
            .collect();
        // the countries the article names by names no division and no town of 1,000 people
        // bears ("Japan", "Russia"): a story that names them names countries as countries
        let plain_countries: Vec<&str> = entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
            .filter_map(|e| {
                let cands = self.lookup(&e.text);
                let local = cands.iter().any(|&(c, _)| {
                    matches!(c, Cand::Place(i) if self.places[i].feature == "ADM1"
                        || self.places[i].population >= VILLAGE)
                });
                let country = cands.iter().find_map(|&(c, _)| match c {
                    Cand::Country(i) => Some(self.countries[i].iso3.as_str()),
                    _ => None,
                });
                country.filter(|_| !local)
            })
            .collect();
        // the countries whose people the article names ("Egyptians"): their names there are
        // the countries
        let people_named: Vec<&str> = entities
            .iter()
            .filter_map(|e| self.demonyms.get(&norm_key(&e.text)))
            .map(|&i| self.countries[i].iso3.as_str())
            .collect();
        // one sense per discourse: a name qualified once ("Springfield, Ohio") is that place
        // wherever the article repeats it ("Springfield's finances", "in Springfield")
        let mut qualified: HashMap<String, (String, String)> = HashMap::new();
        for e in entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
        {
            if let Some(q) = self.qualifier_after(body, e.end, 40) {
                qualified.entry(sense_key(&e.text)).or_insert(q);
            }
        }
        // a town named in full once is meant by the first part of its name later ("Avondale
        // Estates" … "Avondale"), where that part names no division, country or county and no
        // town of the same division
        const SETTLEMENT: &[&str] = &[
            "Estates", "Heights", "Springs", "Park", "Village", "Township", "Hills", "Gardens",
            "Falls",
        ];
        let mut short_forms: HashMap<String, usize> = HashMap::new();
        for e in entities.iter().filter(|e| e.kind != EntityType::Person) {
            let Some((head, last)) = e.text.rsplit_once(' ') else {
                continue;
            };
            if !SETTLEMENT.contains(&last) || head.is_empty() {
                continue;
            }
            let town = self
                .lookup(&e.text)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Place(i) if main && self.places[i].feature.starts_with("PPL") => Some(i),
                    _ => None,
                })
                .max_by_key(|&i| (self.places[i].population, std::cmp::Reverse(i)));
            let Some(i) = town else { continue };
            let p = &self.places[i];
            let clash = self.lookup(head).iter().any(|&(c, _)| match c {
                Cand::Place(j) => {
                    let q = &self.places[j];
                    q.feature == "ADM1" || q.iso3 == p.iso3 && q.admin1 == p.admin1
                }
                _ => true,
            });
            let county = self
                .counties
                .get(&norm_key(&format!("{head} County")))
                .is_some_and(|states| states.iter().any(|st| st == p.admin1));
            if !clash && !county {
                short_forms.entry(head.to_lowercase()).or_insert(i);
            }
        }
        // two passes: the second reads the first's choices for the article's other places
        // (CLIFF-style coherence: "Paris" among Texas towns is Paris, Texas)
        let mut out: Vec<Place> = Vec::new();
        let mut near: Option<Coherence> = None;
        let no_coherence = Coherence::of([], weights);
        for pass in 0..2 {
            out.clear();
            for e in entities {
                // a US county ("Laurel County"): in the state where the article's other places
                // are, at the middle of those places (a local story stays in its area), else at
                // its namesake town there, else at the state's point
                // ("PLYMOUTH CO.", "Loudon Co.": a county by its abbreviation, where the tagger
                // called it a place)
                let abbreviated = matches!(e.kind, EntityType::Gpe | EntityType::Loc)
                    .then(|| county_of_abbreviation(&e.text))
                    .flatten()
                    .map(|text| Entity { text, ..e.clone() });
                let county = abbreviated.as_ref().unwrap_or(e);
                if let Some(states) = (e.kind != EntityType::Person)
                    .then(|| self.counties.get(&norm_key(&county.text)))
                    .flatten()
                {
                    // (the first pass places a county of one state's only, and so lends the
                    // second pass its state: "Laurel County" … "London" is London, Kentucky)
                    let n = match &near {
                        Some(n) => Some(n),
                        None if states.len() == 1 => Some(&no_coherence),
                        None => None,
                    };
                    if let Some(mut p) = n.and_then(|n| {
                        self.county_place(county, states, n, focus.as_deref(), body, &neighbours)
                    }) {
                        p.text.clone_from(&e.text);
                        out.push(p);
                    }
                    continue;
                }
                // a state's or province's press abbreviation with its full stop ("Kan.",
                // "Alta.") is that division, not a town abroad with that alternate name
                // (also where the full stop ends no sentence: "Mass. legislators put off …")
                let lower_after = body[e.end..]
                    .strip_prefix(". ")
                    .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
                let stop = e.text.ends_with('.')
                    || body[e.end..].starts_with('.') && body[..e.start].ends_with(", ")
                    || lower_after;
                // "W. Va." the tagger cut to "Va": West Virginia, from the initial before it
                if matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
                    let bare = e.text.trim_end_matches('.');
                    let initial = ["W. ", "N. ", "S. "]
                        .iter()
                        .find(|i| body[..e.start].ends_with(*i))
                        .filter(|_| data::press_abbreviation(bare) && bare.len() <= 4);
                    let division = initial.and_then(|i| {
                        self.division_named(&format!("{}{bare}.", i))
                            .filter(|&d| Some(d) != self.division_named(&format!("{bare}.")))
                    });
                    if let (Some(i), Some(d)) = (initial, division) {
                        let start = e.start - i.len();
                        out.push(self.place(Cand::Place(d), start, &body[start..e.end], None));
                        continue;
                    }
                }
                if matches!(e.kind, EntityType::Gpe | EntityType::Loc) && stop {
                    let bare = e.text.trim_end_matches('.');
                    let division = data::press_abbreviation(bare)
                        .then(|| self.division_named(&format!("{bare}.")))
                        .flatten();
                    if let Some(i) = division {
                        out.push(self.place(Cand::Place(i), e.start, &e.text, None));
                        continue;
                    }
                }
                // the name of a country, a division or a town of 50,000 tagged as an organisation
                // ("the US said", "Metcalfe County") still names the place
                let cands = self.lookup(&e.text);
                // (a town by its main name only: "Hamas" is an alternate name of Hamm)
                let org_country = matches!(e.kind, EntityType::Org | EntityType::Misc)
                    && cands.iter().any(|&(c, main)| match c {
                        Cand::Country(_) => true,
                        Cand::Place(i) => {
                            let p = &self.places[i];
                            p.feature.starts_with("ADM")
                                || main && p.population >= 50_000
                                // an airport by a name with "Airport" ("Heathrow Airport")
                                || p.feature == "AIRP" && e.text.contains("Airport")
                        }
                        Cand::Region(_) => false,
                    });
                if !matches!(e.kind, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
                    && !org_country
                {
                    continue;
                }
                // a county named without "County" in a story of its state ("Lancaster" among
                // Nebraska towns, "Kanawha"): the county, unless a place of that state has the
                // name
                if let Some(p) = near
                    .as_ref()
                    .filter(|_| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
                    .and_then(|n| self.bare_county(e, cands, n))
                {
                    out.push(p);
                    continue;
                }
                // a small town abroad known by that name only as one of its alternates is too
                // weak a reading ("East Bank" is no village in Azerbaijan)
                let mut cands = self.strong(cands, focus.as_deref());
                let short_of = short_forms.get(&e.text.to_lowercase()).copied();
                if let Some(i) = short_of {
                    if !cands.contains(&(Cand::Place(i), false)) {
                        cands.push((Cand::Place(i), false));
                    }
                }
                // an acronym is no town whose name it spells ("BA" of British Airways is not Ba,
                // Fiji); countries and divisions have their abbreviations listed
                let acronym = e.text.len() <= 3 && !e.text.chars().any(char::is_lowercase);
                let cands: Vec<(Cand, bool)> = cands
                    .into_iter()
                    .filter(|&(c, _)| {
                        !acronym
                            || !matches!(c, Cand::Place(i)
                                if self.places[i].feature.starts_with("PPL")
                                    && self.places[i].name.chars().any(char::is_lowercase))
                    })
                    .collect();
                // a name ending in "City" is the city where one bears it ("Quebec City",
                // "Kuwait City"), not the division or country
                let city_named = e.text.ends_with(" City")
                    && cands.iter().any(|&(c, _)| {
                        matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
                    });
                let cands: Vec<(Cand, bool)> = if city_named {
                    cands
                        .into_iter()
                        .filter(|&(c, _)| {
                            matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
                        })
                        .collect()
                } else {
                    cands
                };
                if cands.is_empty() {
                    continue;
                }
                // "Alexandria, Va.": the words after a comma qualify the place
                let qual_c = self.qualifier_after(body, e.end, 40);
                let qual_elsewhere = qual_c
                    .is_none()
                    .then(|| qualified.get(&sense_key(&e.text)))
                    .flatten();
                // a landmark of a country after the name's possessive ("Paris' iconic
                // Champs-Elysees", "Moscow's Red Square") puts the name in that country
                let landmark = self.landmark_after(body, e.end).map(|x| (x, String::new()));
                // ("Springfield City" after "Springfield, Ohio": the towns named Springfield
                // are candidates too)
                // (also where no place has the name with "City" as its own: "Las Vegas City"
                // is another name of Las Vegas, New Mexico, and may be Nevada's city)
                let own_city = cands
                    .iter()
                    .any(|&(c, main)| main && matches!(c, Cand::Place(_)));
                let widen = qual_elsewhere.is_some() || !own_city;
                let cands = match e.text.strip_suffix(" City") {
                    Some(head) if widen => {
                        let mut all = cands;
                        all.extend(self.lookup(head).iter().copied().filter(|&(c, _)| {
                            matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
                        }));
                        all
                    }
                    _ => cands,
                };
                // a village (under 1,000 people) is a reading only where nothing bigger bears
                // the name, or where the name is qualified, another name of the article could
                // be a town near it, or the article's other places are in its division
                // (Churchill among Manitoba towns)
                let village = |i: usize| {
                    let p = &self.places[i];
                    p.feature.starts_with("PPL") && p.population < VILLAGE
                };
                let all_villages = cands
                    .iter()
                    .all(|&(c, _)| matches!(c, Cand::Place(i) if village(i)));
                // (a name of a country, division or capital takes a village only when qualified:
                // "Washington" among Oklahoma towns is still the capital)
                // (by its main name, of a division or capital of 100,000 people or more: the
                // parishes of Saint George and Freetown, once "Saint George", leave St. George,
                // Kansas, to a Kansas story)
                let state_name = cands.iter().any(|&(c, main)| match c {
                    Cand::Country(_) => true,
                    Cand::Place(i) => {
                        let p = &self.places[i];
                        main && matches!(p.feature, "ADM1" | "PPLC")
                            && !(1..100_000).contains(&p.population)
                    }
                    Cand::Region(_) => false,
                });
                let cands: Vec<(Cand, bool)> = if all_villages {
                    cands
                } else {
                    cands
                        .into_iter()
                        .filter(|&(c, _)| match c {
                            Cand::Place(i) if village(i) => {
                                let p = &self.places[i];
                                let fits = |q: &(String, String)| {
                                    q.0 == p.iso3 && (q.1.is_empty() || q.1 == p.admin1)
                                };
                                short_of == Some(i)
                                    || qual_c.as_ref().or(qual_elsewhere).is_some_and(fits)
                                    || !state_name
                                        && (neighbours.near(&e.text, p.lat, p.lon) > 0
                                            || near.as_ref().is_some_and(|n| {
                                                n.others_in(&e.text, p.iso3, p.admin1) > 0
                                            }))
                            }
                            _ => true,
                        })
                        .collect()
                };
                if cands.is_empty() {
                    continue;
                }
                // a dateline standing alone ("WASHINGTON —" opening a story) is a capital or a
                // city of a million of the article's country where the name has one: wire
                // services date only such cities without their state (local papers' own towns
                // are read as usual)
                let dateline = qual_c.is_none() && is_dateline(body, e.start, e.end);
                // a town's name acting as a government anywhere in the article ("Moscow said")
                // is the capital's
                let acts = acting_names.contains(e.text.as_str());
                // (a US state's name is not pulled to a town by a county or a named state:
                // "California" is the state, not the town in Washington County, Pa.)
                let towns_only = !cands.iter().any(|&(c, _)| {
                    matches!(c, Cand::Place(i) if self.places[i].feature == "ADM1"
                        && self.places[i].iso3 == "USA")
                });
                let best = cands
                    .iter()
                    .map(|&(c, main)| {
                        let r = self.record(c);
                        // a foreign country's name in an article about another country is more
                        // likely a place of that country ("Georgia" in a story from Atlanta)
                        // (a division or a town of 50,000: not the village of Russia, Ohio, in
                        // a Texas story)
                        let focus_alternative = focus.as_deref().is_some_and(|f| {
                            f != r.iso3
                                && !(matches!(c, Cand::Country(_))
                                    && people_named.contains(&r.iso3))
                                && cands.iter().any(|&(o, _)| {
                                    let x = self.record(o);
                                    o != c
                                        && x.iso3 == f
                                        && (x.feature == "ADM1" || x.population >= 50_000)
                                })
                        });
                        // a US town named like a country ("Palestine", "Lebanon") among the
                        // article's other places of its state
                        // or within reach of a county the article names ("Lebanon Police and
                        // the Boone County Sheriff's Office")
                        // (not in a story that names other countries abroad: "China" and
                        // "Italy" beside "Japan" and "Russia" in a Texas paper)
                        let abroad = plain_countries
                            .iter()
                            .any(|&x| x != r.iso3 && Some(x) != focus.as_deref())
                            || people_named.contains(&r.iso3);
                        let local_alternative = matches!(c, Cand::Country(_))
                            && !abroad
                            && (near.as_ref().is_some_and(|n| {
                                cands.iter().any(|&(o, _)| {
                                    let x = self.record(o);
                                    o != c
                                        && !x.admin1.is_empty()
                                        && n.others_in(&e.text, x.iso3, x.admin1) >= 1
                                })
                            }) || in_named_county(&cands));
                        let mut s = match c {
                            Cand::Country(_) if local_alternative => -50.0,
                            Cand::Country(_) if focus_alternative => 0.0,
                            Cand::Country(_) => 100.0,
                            Cand::Region(_) => 60.0,
                            Cand::Place(_) => 0.0,
                        };
                        // a division counts as ten times its people against towns, at most 2
                        // million; among divisions of one name, the more populous wins (Florida,
                        // USA before Florida, Uruguay)
                        let pop = if r.feature == "ADM1" {
                            s += 1e-3 * (r.population as f64 + 1.0).ln();
                            (r.population.saturating_mul(10)).clamp(1, 2_000_000)
                        } else {
                            r.population
                        };
                        s += (pop as f64 + 1.0).ln();
                        if main {
                            s += 2.0;
                        }
                        // (a capital also where the article names its country, whatever its
                        // focus: "WASHINGTON" over a story about a British spy that names the
                        // U.S.)
                        if dateline
                            && (r.feature == "PPLC" || r.population >= 1_000_000)
                            && (focus.as_deref().is_none_or(|f| f == r.iso3)
                                || r.feature == "PPLC" && named_countries.contains(&r.iso3))
                        {
                            s += 50.0;
                        }
                        if acts && r.feature == "PPLC" {
                            s += 10.0;
                        }
                        if r.feature == "PPLC" {
                            s += 2.0;
                            // the capital of a country the article names by its name
                            if named_countries.contains(&r.iso3) {
                                s += 8.0;
                            }
                        }
                        if focus.as_deref() == Some(r.iso3) {
                            s += 8.0;
                        }
                        if short_of.is_some_and(|i| c == Cand::Place(i)) {
                            s += 30.0;
                        }
                        if let Some((iso3, adm)) =
                            qual_c.as_ref().or(qual_elsewhere).or(landmark.as_ref())
                        {
                            if iso3 == r.iso3 && (adm.is_empty() || adm == r.admin1) {
                                s += 30.0;
                            }
                        }
                        if main && matches!(c, Cand::Place(_)) && r.feature.starts_with("PPL") {
                            s += NEIGHBOUR * neighbours.near(&e.text, r.lat, r.lon) as f64;
                        }
                        if let Some(n) = &near {
                            s += n.bonus(&e.text, r.iso3, r.admin1);
                            // a US state the text names anywhere, in organisations' names too
                            // ("University of Minnesota" for Rochester)
                            if towns_only
                                && r.iso3 == "USA"
                                && !r.admin1.is_empty()
                                && self.state_count(body, n, r.admin1) > 0
                            {
                                s += STATE_NAMED;
                            }
                        }
                        if towns_only
                            && r.iso3 == "USA"
                            && r.feature.starts_with("PPL")
                            && county_spots.iter().any(|&(st, la, lo, k)| {
                                st == r.admin1
                                    && km(la, lo, r.lat, r.lon) < COUNTY_REACH_KM
                                    // (the reading of a county of several states in a state
                                    // the article's places stand in less than another's:
                                    // "McLean County" of Kentucky schools is no help to the
                                    // Atlanta of Illinois)
                                    && near.as_ref().is_none_or(|n| {
                                        n.leads(
                                            st,
                                            county_spots
                                                .iter()
                                                .filter(|s| s.3 == k)
                                                .map(|s| s.0),
                                        )
                                    })
                            })
                        {
                            s += IN_NAMED_COUNTY;
                        }
                        (s, c)
                    })
                    .max_by(|a, b| {
                        a.0.total_cmp(&b.0)
                            .then(cand_order(b.1).cmp(&cand_order(a.1)))
                    });
                if let Some((_, c)) = best {
                    out.push(self.place(c, e.start, &e.text, None));
                }
            }
            if pass == 0 {
                near = Some(Coherence::of(out.iter().chain(&org_divisions), weights));
            }
        }
        // a division named after a comma ("COLUMBIA, Ky.", "Surrey, B.C."): a place of its own
        // (overlaps are looked up by binary search in the sorted lists: linear in the article)
        out.sort_by_key(|p| (p.start, p.end));
        let mut added: Vec<Place> = Vec::new();
        for e in entities {
            let Some(rest) = body[e.end..].strip_prefix(", ") else {
                continue;
            };
            let words = comma_words(body, e.end, 24);
            let hit = (1..=words.len()).rev().find_map(|n| {
                let q = words[..n].join(" ");
                // an abbreviation only with its full stop ("Ky." but not "Miss Smith")
                let bare = q.trim_end_matches('.');
                if data::press_abbreviation(bare) && !q.ends_with('.') && self.lookup(&q).is_empty()
                {
                    return None;
                }
                let i = self.division_named(&q)?;
                Some((q, i))
            });
            let Some((q, i)) = hit else { continue };
            let start = e.end + 2;
            let end = start + q.len();
            // (a list's next city is no qualifier: "Montreal, Quebec City and Halifax")
            if body[end..].starts_with(" City") {
                continue;
            }
            if !rest.starts_with(q.as_str())
                || overlaps(&out, start, end)
                || overlaps(&added, start, end)
            {
                continue;
            }
            added.push(self.place(Cand::Place(i), start, &q, None));
        }
        // a country or first-level division at the start of an organisation's name
        // ("Kentucky State Police", "U.S. Department of Justice"), or a town's before a civic
        // body ("Gainesville Police", "Paris Public Library"): where the organisation is; and
        // the place inside a name the gazetteer does not know ("Northeast Georgia")

        // ... and institutions named after their town, read so only where the article's other
        // places are ("Springfield Science Museum" among Massachusetts towns; not "Research
        // Center", a village in Maryland)
        const INSTITUTIONS: &[&str] = &[
            "museum",
            "festival",
            "club",
            "zoo",
            "symphony",
            "orchestra",
            "theatre",
            "theater",
            "church",
            "cathedral",
            "center",
            "centre",
            "arena",
            "stadium",
            "high",
            "observatory",
            "fair",
            "area",
            "regional",
        ];

        out.append(&mut added);
        out.sort_by_key(|p| (p.start, p.end));
        // the article's own readings of names, each name's first
        let mut own: HashMap<String, Place> = HashMap::new();
        for p in out.iter().filter(|p| p.via.is_none()) {
            own.entry(p.text.to_lowercase())
                .or_insert_with(|| p.clone());
        }
        for e in entities.iter().filter(|e| {
            matches!(
                e.kind,
                EntityType::Org | EntityType::Misc | EntityType::Gpe | EntityType::Loc
            )
        }) {
            if overlaps(&out, e.start, e.end) {
                continue;
            }
            // a street named after a place is not that place ("Lebanon Street")
            let last = e.text.rsplit(' ').next().unwrap_or("").to_lowercase();
            // (unless an agency's name runs on: "Florida Highway" + "Patrol")
            let agency = ["Patrol", "Department", "Authority", "Commission"]
                .iter()
                .any(|w| {
                    body[e.end..]
                        .strip_prefix(' ')
                        .is_some_and(|r| r.starts_with(w))
                });
            if e.text.contains(' ') && STREETS.contains(&last.trim_end_matches('.')) && !agency {
                continue;
            }
            let all: Vec<(usize, &str)> = e
                .text
                .split(' ')
                .scan(0usize, |at, w| {
                    let s = *at;
                    *at += w.len() + 1;
                    Some((s, w))
                })
                .collect();
            // a leading direction ("Northeast Georgia") is not part of the place's name
            // (two: "Far North Queensland", "Deep South Texas")
            // (after an article: "The Alexandria Blizzard" is Alexandria's)
            let lead = usize::from(all.len() > 1 && matches!(all[0].1, "The" | "the"));
            // (not where the direction begins a division's or country's name: "West Virginia
            // Lottery Commission", "South Africa Tourism")
            let begins_a_name = |k: usize| {
                let next = all[lead + k + 1].1;
                if DIRECTIONS.contains(&next.to_lowercase().as_str()) {
                    return false;
                }
                let two = format!("{} {next}", all[lead + k].1);
                self.lookup(&two).iter().any(|&(c, _)| match c {
                    Cand::Country(_) => true,
                    Cand::Place(i) => self.places[i].feature == "ADM1",
                    Cand::Region(_) => false,
                })
            };
            let direction = |k: usize| {
                all.len() > lead + k + 1
                    && (DIRECTIONS.contains(&all[lead + k].1.to_lowercase().as_str())
                        || k == 0 && matches!(all[lead].1, "Far" | "Deep"))
                    && !begins_a_name(k)
            };
            let skip = if direction(0) {
                1 + usize::from(direction(1))
            } else {
                0
            };
            let words = &all[lead + skip..];
            let offset = words.first().map(|w| w.0).unwrap_or(0);
            // the whole name too when it is a place's (it may be an abbreviation: "S.C.")
            let whole = skip > 0 || matches!(e.kind, EntityType::Gpe | EntityType::Loc);
            // (an organisation named just like a place the article names keeps its reading:
            // "Gainesville" the town, then "Gainesville said")
            let whole = whole || words.len() == 1 && own.contains_key(&e.text.to_lowercase());
            let upto = if whole { words.len() + 1 } else { words.len() };
            let before = added.len();
            for n in (1..upto.min(4)).rev().filter(|&n| n <= words.len()) {
                let end = words[n - 1].0 + words[n - 1].1.len();
                let name = e.text[offset..end].trim_end_matches(['-', '\'']);
                let is_civic = |w: &str| CIVIC.contains(&w.to_lowercase().as_str());
                // ("Emerald City Players": "City" before a word of no civic body is part of a
                // name, not Emerald's city government; "Superior Court", "Supreme Court" are
                // kinds of court, not courts of Superior, Wisconsin)
                let city_name = words.get(n).is_some_and(|w| w.1 == "City")
                    && words.len() > n + 1
                    && !words[n + 1..].iter().any(|(_, w)| is_civic(w));
                let court_kind = n == 1 && COURT_KINDS.contains(&words[0].1);
                let civic =
                    !city_name && !court_kind && words[n..].iter().any(|(_, w)| is_civic(w));
                let institution = !civic
                    && words[n..]
                        .iter()
                        .any(|(_, w)| INSTITUTIONS.contains(&w.to_lowercase().as_str()));
                // a county opening an organisation's name ("Laurel County Sheriff's Office")
                if let (Some((_, "County" | "Parish")), Some(n_near)) = (words.get(n), &near) {
                    let cend = words[n].0 + words[n].1.len();
                    let county = Entity {
                        start: e.start + offset,
                        end: e.start + cend,
                        text: e.text[offset..cend].to_string(),
                        ..e.clone()
                    };
                    if let Some(states) = self.counties.get(&norm_key(&county.text)) {
                        if let Some(mut p) = self.county_place(
                            &county,
                            states,
                            n_near,
                            focus.as_deref(),
                            body,
                            &neighbours,
                        ) {
                            p.via = (!matches!(e.kind, EntityType::Gpe | EntityType::Loc))
                                .then(|| "organisation".to_string());
                            added.push(p);
                        }
                        // a US county of no known state is no namesake town abroad
                        // ("Butler County employees")
                        break;
                    }
                }
                // a name the article uses for a place on its own keeps that reading
                // ("Lebanon" the Indiana town, then "Lebanon Public Library"; a town's with
                // "City": "Dublin, Ohio", then "Dublin City Schools")
                let town_reading = || {
                    own.get(&sense_key(name))
                        .filter(|p| p.feature.as_deref().is_some_and(|f| f.starts_with("PPL")))
                };
                if let Some(p) = own.get(&name.to_lowercase()).or_else(town_reading) {
                    let inside = matches!(e.kind, EntityType::Gpe | EntityType::Loc);
                    added.push(Place {
                        start: e.start + offset,
                        end: e.start + offset + name.len(),
                        text: name.to_string(),
                        via: (!inside).then(|| "organisation".to_string()),
                        ..p.clone()
                    });
                    break;
                }
                let cands = self.strong(self.lookup(name), focus.as_deref());
                // a division of the article's country before a foreign country of that name
                let focus_adm1 = cands.iter().find_map(|&(c, _)| match c {
                    Cand::Place(i)
                        if self.places[i].feature == "ADM1"
                            && focus.as_deref() == Some(self.places[i].iso3) =>
                    {
                        Some(c)
                    }
                    _ => None,
                });
                // "Quebec City": the city, where one bears the name, not the division
                let city_of_town = words.len() == n + 1
                    && words[n].1 == "City"
                    && cands.iter().any(|&(c, _)| {
                        matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL"))
                    });
                // (nor a foreign division or a town named like a region news names: "Gulf
                // War" is not Papua New Guinea's Gulf Province, "North Atlantic" and "Pacific
                // Gas" no towns of Iowa and Missouri)
                let region_named = cands.iter().any(|&(c, _)| matches!(c, Cand::Region(_)));
                let hit = focus_adm1
                    .filter(|_| !city_of_town)
                    .or_else(|| {
                        // a country, else the most populous division of the name (Florida,
                        // USA, not Uruguay's department)
                        if city_of_town || region_named {
                            return None;
                        }
                        // (a division abroad only where no town of 10,000 people of the
                        // article's country bears the name: "Manchester Memorial" in a New
                        // Hampshire story is no parish of Jamaica)
                        let home_town = cands.iter().any(|&(c, main)| {
                            main && matches!(c, Cand::Place(i)
                                if self.places[i].feature.starts_with("PPL")
                                    && self.places[i].population >= 10_000
                                    && focus.as_deref() == Some(self.places[i].iso3))
                        });
                        cands
                            .iter()
                            .filter_map(|&(c, _)| match c {
                                Cand::Country(_) => Some((c, u64::MAX)),
                                Cand::Place(i)
                                    if self.places[i].feature == "ADM1"
                                        && (!home_town
                                            || focus.as_deref() == Some(self.places[i].iso3)) =>
                                {
                                    Some((c, self.places[i].population))
                                }
                                _ => None,
                            })
                            .max_by_key(|&(c, people)| (people, std::cmp::Reverse(cand_order(c))))
                            .map(|(c, _)| c)
                    })
                    .or_else(|| {
                        // a town: the article's country first, then the division of the
                        // article's other places ("Springfield" among Massachusetts towns),
                        // then the most populous
                        if region_named {
                            return None;
                        }
                        cands
                            .iter()
                            .filter_map(|&(c, _)| match c {
                                Cand::Place(i)
                                    if (civic || skip > 0)
                                        && (!city_of_town
                                            || self.places[i].feature.starts_with("PPL")) =>
                                {
                                    Some((c, i))
                                }
                                Cand::Place(i)
                                    if institution
                                        && near.as_ref().is_some_and(|n| {
                                            let p = &self.places[i];
                                            n.others_in(name, p.iso3, p.admin1) > 0
                                        }) =>
                                {
                                    Some((c, i))
                                }
                                _ => None,
                            })
                            .max_by_key(|&(_, i)| {
                                let (home, local, people) =
                                    self.town_rank(name, i, focus.as_deref(), near.as_ref());
                                (home, town_in_named_county(i), local, people)
                            })
                            .map(|(c, _)| c)
                    })
                    .or_else(|| {
                        // a state's or province's press abbreviation ("S.C. Highway Patrol",
                        // "Western Mass." with its full stop after the name)
                        let at = e.start + offset + name.len();
                        if name.ends_with('.') {
                            self.division_named(name).map(Cand::Place)
                        } else if body[at..].starts_with('.') && data::press_abbreviation(name) {
                            self.division_named(&format!("{name}.")).map(Cand::Place)
                        } else {
                            None
                        }
                    });
                // a country's adjective opening a name ("American Electric Power")
                let demonym = (hit.is_none() && n == 1)
                    .then(|| self.demonyms.get(&norm_key(name)).copied())
                    .flatten();
                if let Some(i) = demonym {
                    added.push(self.place(
                        Cand::Country(i),
                        e.start + offset,
                        name,
                        Some("demonym"),
                    ));
                    break;
                }
                if let Some(c) = hit {
                    let inside = matches!(e.kind, EntityType::Gpe | EntityType::Loc);
                    let via = (!inside).then_some("organisation");
                    // (the city's whole name: "Quebec City")
                    let name = if city_of_town && inside {
                        &e.text[offset..]
                    } else {
                        name
                    };
                    added.push(self.place(c, e.start + offset, name, via));
                    break;
                }
            }
            // a place after "of" in an organisation's name ("University of Georgia",
            // "Association of Georgia Educators", "City of Richmond")
            // (or a place's name as the tagger read it: "Children's Hospital of Manitoba")
            if added.len() == before {
                if let Some(p) = self.place_after_of(e, focus.as_deref()) {
                    added.push(p);
                }
            }
            // a country or division before a hyphen ("U.S.-led", "Canada-wide"), or ending an
            // organisation's name ("Environment Canada", "CTV Winnipeg")
            // (two countries or towns joined by a hyphen first: "Russia-Turkey ties",
            // "Fargo-Moorhead", "Logan-Rogersville schools")
            if added.len() == before {
                let mut pair = self.hyphen_pair(e, focus.as_deref(), near.as_ref());
                // ... and the county after the hyphen ("Paris-Henry County Arts Council")
                let first = e.text.split(' ').next().unwrap_or("");
                let county_after = e.text[first.len()..].trim_start().starts_with("County");
                if let (Some(town), Some(n), true, 1) =
                    (pair.first(), &near, county_after, pair.len())
                {
                    // (the word after the hyphen, then " County")
                    let b_at = town.end + 1;
                    let county_end = body
                        .get(b_at..e.end)
                        .and_then(|r| r.find(" County"))
                        .map(|k| b_at + k + " County".len());
                    if let Some(end) = county_end {
                        let county = Entity {
                            start: b_at,
                            end,
                            text: body[b_at..end].to_string(),
                            ..e.clone()
                        };
                        if let Some(states) = self.counties.get(&norm_key(&county.text)) {
                            let focus = focus.as_deref();
                            if let Some(mut p) =
                                self.county_place(&county, states, n, focus, body, &neighbours)
                            {
                                p.via.clone_from(&town.via);
                                pair.push(p);
                            }
                        }
                    }
                }
                added.extend(pair);
            }
            if added.len() == before && matches!(e.kind, EntityType::Org | EntityType::Misc) {
                if let Some(p) = self.place_in_compound(e, focus.as_deref(), near.as_ref()) {
                    added.push(p);
                }
            }
        }
        out.append(&mut added);
        // a state's or province's dotted abbreviation the tagger left out ("In B.C., up to
        // 20 centimetres of snow")
        out.sort_by_key(|p| (p.start, p.end));
        let mut dotted: Vec<Place> = Vec::new();
        for abbr in data::DOTTED_ABBREVIATIONS {
            for (at, _) in body.match_indices(abbr) {
                let end = at + abbr.len();
                let before = body[..at].chars().next_back();
                let after = body[end..].chars().next();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '.')
                    || after.is_some_and(char::is_alphanumeric)
                    || overlaps(&out, at, end)
                {
                    continue;
                }
                if let Some(i) = self.division_named(abbr) {
                    dotted.push(self.place(Cand::Place(i), at, abbr, None));
                }
            }
        }
        // countries' acronyms the tagger left out ("Why US fears …"), where the text around is
        // not in capitals (there "US" may be the pronoun)
        for abbr in ["US", "U.S.", "UK", "U.K.", "USA", "UAE"] {
            for (at, _) in body.match_indices(abbr) {
                let end = at + abbr.len();
                let before = body[..at].chars().next_back();
                let after = body[end..].chars().next();
                // (twenty characters either side, counted in characters)
                let lower_around = body[..at].chars().rev().take(20).any(char::is_lowercase)
                    || body[end..].chars().take(20).any(char::is_lowercase);
                if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '-')
                    || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
                    || !lower_around
                    || overlaps(&out, at, end)
                    || overlaps(&dotted, at, end)
                {
                    continue;
                }
                if let Some(c) = self.lookup(abbr).iter().find_map(|&(c, _)| match c {
                    Cand::Country(_) => Some(c),
                    _ => None,
                }) {
                    dotted.push(self.place(c, at, abbr, None));
                }
            }
        }
        dotted.sort_by_key(|p| (p.start, p.end));
        out.append(&mut dotted);
        // a legislator's party and home ("Sen. Ray Miller, D-Columbus,", "(R-Elbow Lake)",
        // "DFL-Cook"): the town in the article's country, or the state of an abbreviation
        out.sort_by_key(|p| (p.start, p.end));
        let homes = self.party_homes(body, focus.as_deref(), near.as_ref(), &out);
        out.extend(homes);
        // demonyms and adjectives of countries name the country ("Russian troops", "the
        // Turkish government"); marked, so that no event is placed by one
        // (also a region's adjective the tagger called a place: "South Ossetian officials")
        let region_adjective = |e: &Entity| {
            e.kind == EntityType::Gpe
                && self.lookup(&e.text).is_empty()
                && self.region_adjectives.contains_key(&norm_key(&e.text))
        };
        for e in entities.iter().filter(|e| {
            matches!(e.kind, EntityType::Norp | EntityType::Misc) || region_adjective(e)
        }) {
            let k = norm_key(e.text.trim_start_matches("the ").trim_start_matches("The "));
            let Some(&i) = self.demonyms.get(&k) else {
                // the people of a state or province ("Minnesotans", "Ohioans", "Texans",
                // "Ontarians") name it, in the article's country first
                if let Some(c) = self.residents_of(&e.text, focus.as_deref()) {
                    out.push(self.place(c, e.start, &e.text, Some("demonym")));
                } else if let Some(&r) = self.region_adjectives.get(&k) {
                    // a continent's or region's adjective ("European leaders")
                    out.push(self.place(Cand::Region(r), e.start, &e.text, Some("demonym")));
                }
                continue;
            };
            out.push(self.place(Cand::Country(i), e.start, &e.text, Some("demonym")));
        }
        // a lone word for a direction or a kind of place names no place ("City" of "City
        // Council", "Central" of "Central High")
        out.retain(|p| !GENERIC.contains(&p.text.to_lowercase().as_str()));
        // nor a word for a body of water before "of" ("Gulf" of "the Gulf of Tonkin" the
        // tagger cut short is not the Persian Gulf)
        out.retain(|p| {
            !(matches!(
                p.text.as_str(),
                "Gulf" | "Bay" | "Sea" | "Strait" | "Straits" | "Lake" | "Ocean" | "Isle"
            ) && body[p.end..].starts_with(" of "))
        });
        out.sort_by_key(|p| (p.start, p.end));
        // metonymy: a country, capital, division or seat of government acting as the subject
        // of a statement or an act ("Moscow said", "the United States condemned", "the White
        // House said") stands for its government, an actor, not where anything happened
        for p in out.iter_mut().filter(|p| p.via.is_none()) {
            let state_like = matches!(
                p.feature.as_deref(),
                Some("PCLI" | "PPLC" | "ADM1" | "BLDG")
            );
            if state_like && (acting(body, p.start, p.end) || owns_an_act(body, p.end)) {
                p.via = Some("metonymy".to_string());
            }
        }
        // a seat of government before a noun names an institution, not a place ("a White
        // House spokesman", "Pentagon officials", "a Kremlin move"); with a possessive it acts
        // ("the Kremlin's response")
        out.retain(|p| p.feature.as_deref() != Some("BLDG") || !modifies_a_noun(body, p.end));
        for p in out.iter_mut().filter(|p| p.via.is_none()) {
            let possessive = ["'s", "’s"].iter().any(|m| body[p.end..].starts_with(m));
            if p.feature.as_deref() == Some("BLDG") && possessive {
                p.via = Some("metonymy".to_string());
            }
        }
        // one name, one place: a name inside an organisation's name is where the article puts
        // that name on its own ("Edmonton" among London's boroughs, then "Edmonton Green
        // Shopping Centre")
        let mut own: HashMap<String, usize> = HashMap::new();
        for (k, p) in out.iter().enumerate() {
            if p.via.is_none() {
                own.entry(p.text.to_lowercase()).or_insert(k);
            }
        }
        let own_reading = |p: &Place| {
            own.get(&p.text.to_lowercase()).copied().or_else(|| {
                own.get(&sense_key(&p.text)).copied().filter(|&o| {
                    out[o]
                        .feature
                        .as_deref()
                        .is_some_and(|f| f.starts_with("PPL"))
                })
            })
        };
        let fixes: Vec<(usize, usize)> = out
            .iter()
            .enumerate()
            .filter(|(_, p)| p.via.as_deref() == Some("organisation"))
            .filter_map(|(k, p)| own_reading(p).map(|o| (k, o)))
            .filter(|&(k, o)| out[k].geonameid != out[o].geonameid || out[k].name != out[o].name)
            .collect();
        for (k, o) in fixes {
            let src = out[o].clone();
            let p = &mut out[k];
            p.name = src.name;
            p.geonameid = src.geonameid;
            p.lat = src.lat;
            p.lon = src.lon;
            p.country = src.country;
            p.feature = src.feature;
            p.admin1 = src.admin1;
        }
        out
    }

    /// The country or first-level division (or, after "City of", "University of" and the like,
    /// the town) named after the last "of" in an organisation's name: one to three capitalised
    /// words, the longest that is a place.
    fn place_after_of(&self, e: &Entity, focus: Option<&str>) -> Option<Place> {
        let at = e.text.rfind(" of ")?;
        let head = e.text[..at].to_lowercase();
        let town_ok = [
            "city",
            "town",
            "village",
            "port",
            "university",
            "college",
            "mayor",
        ]
        .iter()
        .any(|w| head.split(' ').next_back() == Some(w));
        let mut rest_at = at + 4;
        if e.text[rest_at..].starts_with("the ") {
            rest_at += 4;
        }
        // (past a word for a part of an area: "United Way of Metropolitan Atlanta")
        let mut town_ok = town_ok;
        if let Some((first, after)) = e.text[rest_at..].split_once(' ') {
            // (not where the word opens a division's or country's name: "of West Virginia")
            let second = after.split(' ').next().unwrap_or("");
            let named = self
                .lookup(&format!("{first} {second}"))
                .iter()
                .any(|&(c, _)| match c {
                    Cand::Country(_) => true,
                    Cand::Place(i) => self.places[i].feature == "ADM1",
                    Cand::Region(_) => false,
                });
            if !named && DIRECTIONS.contains(&first.to_lowercase().as_str()) {
                rest_at += first.len() + 1;
                town_ok = true;
            }
        }
        let rest = &e.text[rest_at..];
        let words: Vec<&str> = rest
            .split(' ')
            .take_while(|w| w.starts_with(char::is_uppercase))
            .take(3)
            .collect();
        for n in (1..=words.len()).rev() {
            let name = words[..n].join(" ");
            let name = name.trim_end_matches([',', '\'', '\u{2019}']);
            let name = name
                .strip_suffix("'s")
                .or(name.strip_suffix("\u{2019}s"))
                .unwrap_or(name);
            let pick = self.named_in_org(name, focus, 1, town_ok.then_some(0));
            if let Some(c) = pick {
                return Some(self.place(c, e.start + rest_at, name, Some("organisation")));
            }
        }
        None
    }

    /// A country or first-level division before the hyphen of a compound opening the name
    /// ("U.S.-led": `via: "demonym"`), or a country, division or city of 100,000 people ending
    /// an organisation's name of two or more words ("Environment Canada", "CTV Winnipeg":
    /// `via: "organisation"`).
    fn place_in_compound(
        &self,
        e: &Entity,
        focus: Option<&str>,
        near: Option<&Coherence>,
    ) -> Option<Place> {
        let division_or_country =
            |name: &str, towns: bool| self.named_in_org(name, focus, 2, towns.then_some(100_000));
        let first = e.text.split(' ').next().unwrap_or("");
        if let Some(h) = first.find('-').filter(|&h| h > 0) {
            let name = &first[..h];
            if let Some(c) = division_or_country(name, false) {
                return Some(self.place(c, e.start, name, Some("demonym")));
            }
            // a demonym: "Egyptian-US relations"
            if let Some(&i) = self.demonyms.get(&norm_key(name)) {
                return Some(self.place(Cand::Country(i), e.start, name, Some("demonym")));
            }
        }
        // (a name with "of" is read by `place_after_of`: "Friends of Lincoln" is no place)
        if e.kind != EntityType::Org || !e.text.contains(' ') || e.text.contains(" of ") {
            return None;
        }
        let last = e.text.rsplit(' ').next().unwrap_or("");
        let name = last.trim_end_matches(['.', ',']);
        let name = if last.ends_with("..") || name.len() <= 2 {
            last
        } else {
            name
        };
        let mut c = division_or_country(name, true)?;
        // (a town of that name in the division of the article's other places first: "Stars
        // Over Springfield" among Massachusetts towns)
        if let (Cand::Place(i), Some(n)) = (c, near) {
            if self.places[i].feature.starts_with("PPL")
                && n.others_in(name, self.places[i].iso3, self.places[i].admin1) == 0
            {
                let local = self.lookup(name).iter().find_map(|&(o, _)| match o {
                    Cand::Place(j)
                        if self.places[j].feature.starts_with("PPL")
                            && self.places[j].population >= 10_000
                            && n.others_in(name, self.places[j].iso3, self.places[j].admin1)
                                > 0 =>
                    {
                        Some(o)
                    }
                    _ => None,
                });
                c = local.unwrap_or(c);
            }
        }
        let start = e.start + e.text.len() - last.len();
        Some(self.place(c, start, name, Some("organisation")))
    }

    /// Datelines: one to four words in capitals opening the text, a line or a sentence, before a
    /// dash, a bracket or a comma, that are a town's or division's main name, as place
    /// entities: they replace tagged entities starting where they start ("HAMILTON — Staring"),
    /// and an entity running into one from before keeps it from being a dateline.
    fn datelines(&self, body: &str, entities: &[Entity]) -> Vec<Entity> {
        let mut out = Vec::new();
        let bytes = body.as_bytes();
        for (at, _) in body.char_indices() {
            let opens = at == 0
                || bytes[at - 1] == b'\n'
                || at >= 2 && bytes[at - 1] == b' ' && matches!(bytes[at - 2], b'.' | b'\n');
            if !opens || !bytes[at].is_ascii_uppercase() {
                continue;
            }
            // the capitals: letters, full stops, apostrophes, hyphens; up to four words
            let rest = &body[at..];
            let mut end = 0;
            let mut words = 0;
            for w in rest.split(' ') {
                let caps = w.len() >= 2
                    && w.chars().any(|c| c.is_ascii_uppercase())
                    && w.chars()
                        .all(|c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '-'));
                if !caps || words == 4 {
                    break;
                }
                words += 1;
                end += w.len() + 1;
            }
            if words == 0 {
                continue;
            }
            let mut name = rest[..end - 1].trim_end_matches([',', '.']);
            // ("PLYMOUTH CO. —": a county by its abbreviation, full stop kept)
            let county = county_of_abbreviation(name)
                .is_some_and(|c| self.counties.contains_key(&norm_key(&c)));
            if county && rest[name.len()..].starts_with('.') {
                name = &rest[..name.len() + 1];
            }
            let name_end = at + name.len();
            let town = county
                || self.lookup(name).iter().any(|&(c, main)| {
                    main && matches!(c, Cand::Place(i) if self.places[i].feature.starts_with("PPL")
                        || self.places[i].feature == "ADM1")
                });
            // (entities are sorted by start: the few starting before the name's end)
            let k = entities.partition_point(|e| e.start < name_end);
            let clash = entities[..k]
                .iter()
                .rev()
                .take(8)
                .any(|e| e.start < at && e.end > at);
            if !is_dateline(body, at, name_end)
                || name.len() < 3
                || !town
                || clash
                || GENERIC.contains(&name.to_lowercase().as_str())
            {
                continue;
            }
            out.push(Entity {
                start: at,
                end: name_end,
                text: name.to_string(),
                kind: EntityType::Gpe,
                canonical: None,
                source: Some("rule:dateline".into()),
            });
        }
        out
    }

    /// The first-level division whose people a word names: "Minnesotan(s)" (+n), "Ohioan(s)"
    /// (+an), "Ontarian(s)" and "Floridian(s)" (a final vowel for -ian), "Texan(s)" (-s for
    /// -n); one capitalised word.
    fn residents_of(&self, word: &str, focus: Option<&str>) -> Option<Cand> {
        if word.contains(' ') || !word.starts_with(char::is_uppercase) || word.len() < 5 {
            return None;
        }
        let w = word.strip_suffix('s').unwrap_or(word);
        let stem = w.strip_suffix('n')?;
        let mut names: Vec<String> = vec![stem.to_string()];
        if let Some(x) = stem.strip_suffix('a') {
            names.push(x.to_string()); // Ohioan -> Ohio
            names.push(format!("{x}o")); // Ontarian -> Ontario
        }
        if let Some(x) = stem.strip_suffix("ia") {
            names.push(format!("{x}a")); // Floridian -> Florida
        }
        names.push(format!("{stem}s")); // Texan -> Texas
        names.iter().find_map(|n| {
            self.lookup(n)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Place(i) if main && self.places[i].feature == "ADM1" => {
                        let p = &self.places[i];
                        Some((c, (focus == Some(p.iso3), p.population)))
                    }
                    _ => None,
                })
                .max_by_key(|&(_, k)| k)
                .map(|(c, _)| c)
        })
    }

    /// How a town reads as `name` in an article: (of the focus country, the article's other
    /// names in its division up to three, its people), to be compared in that order.
    fn town_rank(
        &self,
        name: &str,
        i: usize,
        focus: Option<&str>,
        near: Option<&Coherence>,
    ) -> (bool, usize, u64) {
        let p = &self.places[i];
        let local = near.map_or(0, |n| n.others_in(name, p.iso3, p.admin1).min(3));
        (focus == Some(p.iso3), local, p.population)
    }

    /// The homes in legislators' party tags (", R-Marshall,", "(DFL-Cook)"): one to three
    /// capitalised words after the party's letter and a hyphen, up to a comma or bracket; a
    /// state's abbreviation is the state, other names the town of that main name in the focus
    /// country (among the article's other places first, then the most populous). Places
    /// already found (`sorted`) are kept.
    fn party_homes(
        &self,
        body: &str,
        focus: Option<&str>,
        near: Option<&Coherence>,
        sorted: &[Place],
    ) -> Vec<Place> {
        const PARTIES: &[&str] = &[", R", ", D", ", I", "(R", "(D", "(I", ", DFL", "(DFL"];
        let mut out = Vec::new();
        for (at, _) in body.match_indices('-') {
            if !PARTIES.iter().any(|p| body[..at].ends_with(p)) {
                continue;
            }
            let start = at + 1;
            let rest = &body[start..];
            let end = rest.find([',', ')', ';', '\n']).unwrap_or(rest.len());
            let name = rest[..end].trim_end_matches(' ');
            let words: Vec<&str> = name.split(' ').collect();
            if name.is_empty()
                || words.len() > 3
                || !words.iter().all(|w| w.starts_with(char::is_uppercase))
                || overlaps(sorted, start, start + name.len())
            {
                continue;
            }
            let bare = name.trim_end_matches('.');
            let cand = if data::press_abbreviation(bare) || name.len() == 2 {
                self.division_named(&format!("{bare}."))
                    .or_else(|| self.division_named(bare))
                    .map(Cand::Place)
            } else {
                self.lookup(name)
                    .iter()
                    .filter_map(|&(c, main)| match c {
                        Cand::Place(i)
                            if main
                                && self.places[i].feature.starts_with("PPL")
                                && focus == Some(self.places[i].iso3) =>
                        {
                            Some((c, i))
                        }
                        _ => None,
                    })
                    .max_by_key(|&(_, i)| self.town_rank(name, i, focus, near))
                    .map(|(c, _)| c)
            };
            if let Some(c) = cand {
                out.push(self.place(c, start, name, None));
            }
        }
        out
    }

    /// The towns of a first word joining two names by a hyphen ("Fargo-Moorhead"): each half
    /// that is a town's or division's main name, in the focus country first, then among the
    /// article's other places, then the most populous. A place's name needs both halves to be
    /// places; inside an organisation's name one is enough when the other is a county's
    /// ("Springfield-Greene County Health Department").
    fn hyphen_pair(&self, e: &Entity, focus: Option<&str>, near: Option<&Coherence>) -> Vec<Place> {
        let first = e.text.split(' ').next().unwrap_or("");
        let Some((a, b)) = first.split_once('-') else {
            return Vec::new();
        };
        let word = |w: &str| {
            (w.chars().count() >= 3 || w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
                && w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.')
        };
        // a town before "-based", "-area" ("Seattle-based Starbucks", "Gainesville-area
        // dealers"): the town, as an adjective (no event's place)
        let b_word = b.trim_end_matches(|c: char| !c.is_alphabetic());
        let adjective = matches!(b_word, "based" | "area" | "born" | "headquartered");
        // ... or before a school's initials or a district's direction ("Watertown-ML",
        // "Calgary-North West MLA"): the town itself
        let qualified = (2..=4).contains(&b_word.len())
            && b_word.chars().all(|c| c.is_ascii_uppercase())
            && b_word.len() == b.len()
            && self.lookup(b).is_empty()
            || matches!(
                b_word,
                "North" | "South" | "East" | "West" | "Centre" | "Center"
            );
        if word(a) && (adjective || qualified) {
            let town = self
                .lookup(a)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Country(_) => Some((c, (true, 0, u64::MAX))),
                    Cand::Place(i)
                        if main
                            && (self.places[i].feature.starts_with("PPL")
                                || self.places[i].feature == "ADM1") =>
                    {
                        Some((c, self.town_rank(a, i, focus, near)))
                    }
                    _ => None,
                })
                .max_by_key(|&(_, k)| k)
                .map(|(c, _)| c);
            let via = if adjective {
                Some("demonym")
            } else {
                (!matches!(e.kind, EntityType::Gpe | EntityType::Loc)).then_some("organisation")
            };
            return town
                .map(|c| vec![self.place(c, e.start, a, via)])
                .unwrap_or_default();
        }
        if !word(a) || !word(b) || b.contains('-') {
            return Vec::new();
        }
        let cands = |name: &str| -> Vec<(Cand, usize)> {
            self.lookup(name)
                .iter()
                .filter_map(|&(c, main)| match c {
                    Cand::Place(i)
                        if main
                            && (self.places[i].feature.starts_with("PPL")
                                || self.places[i].feature == "ADM1") =>
                    {
                        Some((c, i))
                    }
                    _ => None,
                })
                .take(64)
                .collect()
        };
        let rank = |name: &str, i: usize| self.town_rank(name, i, focus, near);
        let place_kind = matches!(e.kind, EntityType::Gpe | EntityType::Loc);
        let via = (!place_kind).then_some("organisation");
        // countries or their adjectives ("Russia-Turkey ties", "Turkish-Russian relations",
        // "Canada-EU"): each half its country; both halves must be one
        let country = |name: &str| {
            self.lookup(name)
                .iter()
                .find_map(|&(c, _)| matches!(c, Cand::Country(_)).then_some(c))
                .or_else(|| {
                    self.demonyms
                        .get(&norm_key(name))
                        .map(|&i| Cand::Country(i))
                })
        };
        // (adjectives of a relation or a deal, as "U.S.-led" is: no event is placed by them)
        if let (Some(x), Some(y)) = (country(a), country(b)) {
            return vec![
                self.place(x, e.start, a, Some("demonym")),
                self.place(y, e.start + a.len() + 1, b, Some("demonym")),
            ];
        }
        // ... or a country and a union's acronym ("EU-Canada trade deal")
        let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        match (country(a), country(b)) {
            (Some(x), None) if acronym(b) => {
                return vec![self.place(x, e.start, a, Some("demonym"))];
            }
            (None, Some(y)) if acronym(a) => {
                return vec![self.place(y, e.start + a.len() + 1, b, Some("demonym"))];
            }
            _ => {}
        }
        let (ca, cb) = (cands(a), cands(b));
        if e.text[first.len()..].trim_start().starts_with("County") {
            // a county after the pair: the town before the hyphen
            return ca
                .iter()
                .max_by_key(|&&(_, i)| rank(a, i))
                .map(|&(c, _)| vec![self.place(c, e.start, a, via)])
                .unwrap_or_default();
        }
        // two capitals ("the Washington-Moscow route"): the capitals
        let capital = |v: &[(Cand, usize)]| {
            v.iter()
                .find(|&&(_, i)| self.places[i].feature == "PPLC")
                .map(|&(c, _)| c)
        };
        if let (Some(x), Some(y)) = (capital(&ca), capital(&cb)) {
            return vec![
                self.place(x, e.start, a, via),
                self.place(y, e.start + a.len() + 1, b, via),
            ];
        }
        // twin towns are neighbours: the best pair of readings within 80 km of each other
        // ("Smith-Jones" is no pair of towns a thousand miles apart)
        let mut best: Option<((bool, usize, u64), Cand, Cand)> = None;
        for &(x, i) in &ca {
            for &(y, j) in &cb {
                let (p, q) = (&self.places[i], &self.places[j]);
                if km(p.lat, p.lon, q.lat, q.lon) >= 80.0 {
                    continue;
                }
                let (ra, rb) = (rank(a, i), rank(b, j));
                let key = (ra.0 || rb.0, ra.1 + rb.1, ra.2.saturating_add(rb.2));
                if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
                    best = Some((key, x, y));
                }
            }
        }
        match best {
            Some((_, x, y)) => vec![
                self.place(x, e.start, a, via),
                self.place(y, e.start + a.len() + 1, b, via),
            ],
            None => Vec::new(),
        }
    }

    /// The country, first-level division or (with `towns`, of at least that many people)
    /// town a name inside an organisation's name stands for: a division of the focus country
    /// first, then a country at rank `country_rank` against other divisions (1) and towns
    /// (0 or 1, by the focus), the more populous town among equals.
    fn named_in_org(
        &self,
        name: &str,
        focus: Option<&str>,
        country_rank: u8,
        towns: Option<u64>,
    ) -> Option<Cand> {
        self.lookup(name)
            .iter()
            .filter_map(|&(c, _)| match c {
                // (the country of the article's focus first: "Movement for United Georgia" in
                // a story from Tbilisi)
                Cand::Country(i) => Some((
                    c,
                    country_rank + u8::from(focus == Some(self.countries[i].iso3.as_str())),
                    0,
                )),
                Cand::Place(i) if self.places[i].feature == "ADM1" => {
                    Some((c, 1 + u8::from(focus == Some(self.places[i].iso3)), 0))
                }
                Cand::Place(i) if towns.is_some_and(|min| self.places[i].population >= min) => {
                    Some((
                        c,
                        u8::from(focus == Some(self.places[i].iso3)),
                        self.places[i].population,
                    ))
                }
                _ => None,
            })
            .max_by_key(|&(_, rank, pop)| (rank, pop))
            .map(|(c, _, _)| c)
    }

    /// The candidates of a name without the small towns abroad that carry it only as an
    /// alternate name (too weak a reading: "South End" is not Great Corn Island, Nicaragua).
    fn strong(&self, cands: &[(Cand, bool)], focus: Option<&str>) -> Vec<(Cand, bool)> {
        // (nor a small town of the focus country known by the name only as an alternate where a
        // bigger town bears it as its main name: "Maryville" is not Beeville, Texas)
        let main_people = cands
            .iter()
            .filter_map(|&(c, main)| match c {
                Cand::Place(i) if main && self.places[i].feature.starts_with("PPL") => {
                    Some(self.places[i].population)
                }
                _ => None,
            })
            .max();
        // the most populous town bearing the name as its own in each country
        let mut main_at_home: Vec<(&str, u64)> = Vec::new();
        for &(c, main) in cands {
            if let (Cand::Place(j), true) = (c, main) {
                let q = &self.places[j];
                if !q.feature.starts_with("PPL") {
                    continue;
                }
                match main_at_home.iter_mut().find(|x| x.0 == q.iso3) {
                    Some(x) => x.1 = x.1.max(q.population),
                    None => main_at_home.push((q.iso3, q.population)),
                }
            }
        }
        cands
            .iter()
            .copied()
            .filter(|&(c, main)| match c {
                Cand::Place(i) if !main => {
                    let p = &self.places[i];
                    let outgrown = main_people.is_some_and(|m| m >= p.population);
                    // (a city's alternate spelling is no reading where a bigger city of its
                    // country bears the name as its own: "Pittsburgh" is not Pittsburg,
                    // California)
                    let outgrown_at_home = main_at_home
                        .iter()
                        .any(|&(iso3, m)| iso3 == p.iso3 && m > p.population);
                    p.feature != "PPL"
                        || p.population >= 50_000 && !outgrown_at_home
                        || focus == Some(p.iso3) && !outgrown
                }
                _ => true,
            })
            .collect()
    }

    /// The place of a candidate named by `text` at byte `start` of the body.
    fn place(&self, c: Cand, start: usize, text: &str, via: Option<&str>) -> Place {
        let r = self.record(c);
        Place {
            start,
            end: start + text.len(),
            text: text.to_string(),
            name: r.name.to_string(),
            geonameid: r.geonameid,
            lat: r.lat,
            lon: r.lon,
            country: (!r.iso3.is_empty()).then(|| r.iso3.to_string()),
            feature: Some(r.feature.to_string()),
            admin1: (!r.admin1.is_empty()).then(|| r.admin1.to_string()),
            via: via.map(str::to_string),
        }
    }

    /// Every (state, centroid) of the US counties an article names, on their own or opening or
    /// inside an organisation's name ("Boone County Sheriff's Office"); each name once, at most
    /// 64 names (a hostile list of counties stays linear).
    fn county_spots(&self, entities: &[Entity]) -> Vec<(&str, f64, f64, usize)> {
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for e in entities {
            let words: Vec<&str> = e.text.split(' ').collect();
            for (j, w) in words.iter().enumerate() {
                let w = w.trim_end_matches(['’', '\'', 's', ',', '.']);
                if w != "County" && w != "Parish" {
                    continue;
                }
                for n in 1..=j.min(3) {
                    let key = norm_key(&format!("{} {w}", words[j - n..j].join(" ")));
                    let Some((name, states)) = self.counties.get_key_value(&key) else {
                        continue;
                    };
                    if !seen.contains(name) && seen.len() < 64 {
                        seen.push(name.clone());
                        for st in states {
                            if let Some(&(la, lo)) =
                                self.county_points.get(&(name.clone(), st.clone()))
                            {
                                out.push((st.as_str(), la, lo, seen.len()));
                            }
                        }
                    }
                    break;
                }
            }
        }
        out
    }

    /// The county of the article's state that a bare name stands for (see `resolve_all`).
    fn bare_county(&self, e: &Entity, cands: &[(Cand, bool)], near: &Coherence) -> Option<Place> {
        let st = near.dominant_state()?;
        // (nor a state's, a country's or a city's name: "Texas", "Washington")
        let in_state = cands.iter().any(|&(c, _)| match c {
            Cand::Place(i) => {
                let p = &self.places[i];
                p.iso3 == "USA" && p.admin1 == st
                    || p.feature == "ADM1"
                    || p.feature == "PPLC"
                    || p.population >= 500_000
            }
            _ => true,
        });
        if in_state || e.text.contains("County") || !e.text.starts_with(char::is_uppercase) {
            return None;
        }
        let name = format!("{} County", e.text);
        let &(lat, lon) = self.county_points.get(&(norm_key(&name), st.to_string()))?;
        Some(Place {
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            name,
            geonameid: None,
            lat,
            lon,
            country: Some("USA".into()),
            feature: Some("ADM2".into()),
            admin1: Some(st.to_string()),
            via: None,
        })
    }

    /// Where a US county named in an article lies: in the one state whose county of that name
    /// holds one of the article's towns, else the state with most of the article's places, the
    /// only state of the name in a US story, or the state the text names most; at its centroid,
    /// else the middle of the article's towns in that state, its namesake town there, or the
    /// state's point.
    fn county_place(
        &self,
        e: &Entity,
        states: &[String],
        near: &Coherence,
        focus: Option<&str>,
        body: &str,
        towns: &Neighbours,
    ) -> Option<Place> {
        let key = |st: &str| ("USA".to_string(), st.to_string());
        // the one state whose county of this name holds a town the article names
        let county_key = norm_key(&e.text);
        let hosts: Vec<&String> = states
            .iter()
            .filter(|st| {
                self.county_points
                    .get(&(county_key.clone(), (*st).clone()))
                    .is_some_and(|&(la, lo)| {
                        towns.any_within(la, lo, COUNTY_REACH_KM, |iso3, adm| {
                            iso3 == "USA" && adm == st.as_str()
                        })
                    })
            })
            .collect();
        // (a host is one reading of a town's name among many — "Atlanta" has one in Indiana
        // — so it yields to a state the article's places stand in more often)
        let hosted = match hosts.as_slice() {
            [one] if states.len() > 1 && near.leads(one, states.iter().map(String::as_str)) => {
                Some(*one)
            }
            _ => None,
        };
        // ("Jefferson County, Colo.": the state after the comma)
        let qualified = self
            .qualifier_after(body, e.end, 40)
            .filter(|(iso3, _)| iso3 == "USA")
            .and_then(|(_, adm)| states.iter().find(|st| **st == adm));
        let state = qualified
            .or(hosted)
            .or_else(|| {
                states
                    .iter()
                    // (among states with as many places, the one the text names most often:
                    // "Boone County" … "Indiana" five times, "Illinois" once)
                    .max_by_key(|st| {
                        (
                            near.state_votes(st),
                            self.state_count(body, near, st),
                            std::cmp::Reverse(st.as_str()),
                        )
                    })
                    .filter(|st| states.len() == 1 || near.division.contains_key(&key(st)))
            })
            .or_else(|| (focus == Some("USA") && states.len() == 1).then(|| &states[0]))
            .or_else(|| self.state_named_in(body, states, near))?;
        let name = e.text.to_lowercase();
        let towns: Vec<&(f64, f64, String)> = near
            .towns
            .get(&key(state))
            .map(|v| v.iter().filter(|t| t.2 != name).collect())
            .unwrap_or_default();
        let base = e
            .text
            .trim_end_matches(" County")
            .trim_end_matches(" Parish")
            .trim_end_matches(" Borough");
        let point = self
            .county_points
            .get(&(norm_key(&e.text), state.clone()))
            .copied();
        let (lat, lon) = if let Some(p) = point {
            p
        } else if !towns.is_empty() {
            let n = towns.len() as f64;
            (
                towns.iter().map(|t| t.0).sum::<f64>() / n,
                towns.iter().map(|t| t.1).sum::<f64>() / n,
            )
        } else if let Some(i) = self.lookup(base).iter().find_map(|&(c, _)| match c {
            Cand::Place(i)
                if self.places[i].iso3 == "USA"
                    && self.places[i].admin1 == *state
                    && self.places[i].feature.starts_with("PPL") =>
            {
                Some(i)
            }
            _ => None,
        }) {
            (self.places[i].lat, self.places[i].lon)
        } else {
            let i = *self.adm1.get(&format!("USA.{state}"))?;
            (self.places[i].lat, self.places[i].lon)
        };
        Some(Place {
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            name: e.text.clone(),
            geonameid: None,
            lat,
            lon,
            country: Some("USA".into()),
            feature: Some("ADM2".into()),
            admin1: Some(state.clone()),
            via: None,
        })
    }

    /// The country of a seat of government, square or street (`regions.tsv`) named within
    /// four words after a possessive at `end` ("'s", "'"), an adjective allowed between.
    fn landmark_after(&self, body: &str, end: usize) -> Option<String> {
        let rest = ["'s ", "' ", "’s ", "’ "]
            .iter()
            .find_map(|p| body[end..].strip_prefix(p))?;
        let words: Vec<&str> = rest.split_whitespace().take(5).collect();
        let skip = usize::from(
            words
                .first()
                .is_some_and(|w| w.starts_with(char::is_lowercase)),
        );
        (1..=4usize.min(words.len().saturating_sub(skip)))
            .rev()
            .find_map(|n| {
                let name = words[skip..skip + n]
                    .join(" ")
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_string();
                self.lookup(&name).iter().find_map(|&(c, _)| match c {
                    Cand::Region(i)
                        if matches!(self.regions[i].feature, "BLDG" | "SQR" | "ST")
                            && !self.regions[i].iso3.is_empty() =>
                    {
                        Some(self.regions[i].iso3.to_string())
                    }
                    _ => None,
                })
            })
    }

    /// The one state among `states` whose full name the text holds most often as a word
    /// ("… contacted Hall County Environmental Health and the Georgia Environmental Protection
    /// Division"), if any is named and no other as often.
    /// (The counts of every state's name are taken once per article, in `near`: linear in the
    /// article however many counties it names.)
    fn state_named_in<'s>(
        &self,
        body: &str,
        states: &'s [String],
        near: &Coherence,
    ) -> Option<&'s String> {
        let counts = self.state_counts(body, near);
        let mut best: Option<(&String, usize)> = None;
        let mut tie = false;
        for st in states {
            let n = counts.get(st.as_str()).copied().unwrap_or(0);
            match best {
                _ if n == 0 => {}
                Some((_, m)) if n < m => {}
                Some((_, m)) if n == m => tie = true,
                _ => {
                    best = Some((st, n));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(st, _)| st)
    }

    /// How often the text names the US state with this postal code in full.
    fn state_count(&self, body: &str, near: &Coherence, state: &str) -> usize {
        self.state_counts(body, near)
            .get(state)
            .copied()
            .unwrap_or(0)
    }

    /// How often the text names each US state in full, as a word (taken once per article).
    fn state_counts<'n>(&self, body: &str, near: &'n Coherence) -> &'n HashMap<String, usize> {
        near.state_names.get_or_init(|| {
            let mut counts = HashMap::new();
            for (key, &i) in &self.adm1 {
                let Some(st) = key.strip_prefix("USA.") else {
                    continue;
                };
                let name = self.places[i].name;
                let n = body
                    .match_indices(name)
                    .filter(|&(at, _)| {
                        let before = body[..at].chars().next_back();
                        let after = body[at + name.len()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && !after.is_some_and(char::is_alphanumeric)
                    })
                    .count();
                if n > 0 {
                    counts.insert(st.to_string(), n);
                }
            }
            counts
        })
    }

    /// The qualifier in the words after a comma at byte `end` (within `chars` characters):
    /// "Alexandria, Va.", "Greer, South Carolina".
    fn qualifier_after(&self, body: &str, end: usize, chars: usize) -> Option<(String, String)> {
        let words = comma_words(body, end, chars);
        (1..=words.len())
            .rev()
            .find_map(|n| self.qualifier(&words[..n].join(" ")))
    }

    /// The first-level division a qualifier names ("Ky.", "Ontario"), as a place index.
    fn division_named(&self, q: &str) -> Option<usize> {
        let (iso3, adm) = self.qualifier(q)?;
        self.adm1.get(&format!("{iso3}.{adm}")).copied()
    }

    /// A qualifier after a comma: a country ("Paris, France") or a first-level division
    /// ("Alexandria, Virginia", "Alexandria, Va.").
    fn qualifier(&self, q: &str) -> Option<(String, String)> {
        // (a qualifier is a name: "the Florida Highway Patrol" after a comma is none)
        if !q.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let cands = self.lookup(q);
        if let Some(i) = cands.iter().find_map(|&(c, _)| match c {
            Cand::Country(i) => Some(i),
            _ => None,
        }) {
            return Some((self.countries[i].iso3.clone(), String::new()));
        }
        // (the most populous division of the name: Florida, USA, not Uruguay's department)
        if let Some(i) = cands
            .iter()
            .filter_map(|&(c, _)| match c {
                Cand::Place(i) if self.places[i].feature == "ADM1" => Some(i),
                _ => None,
            })
            .max_by_key(|&i| (self.places[i].population, std::cmp::Reverse(i)))
        {
            return Some((
                self.places[i].iso3.to_string(),
                self.places[i].admin1.to_string(),
            ));
        }
        if let Some(abbr) = data::us_state_abbreviation(q.trim_end_matches('.')) {
            return Some(("USA".to_string(), abbr.to_string()));
        }
        // a Canadian province's abbreviation: its full name, looked up
        let full = data::canadian_province_abbreviation(q.trim_end_matches('.'))?;
        self.lookup(full).iter().find_map(|&(c, _)| match c {
            Cand::Place(i) if self.places[i].feature == "ADM1" && self.places[i].iso3 == "CAN" => {
                Some((
                    self.places[i].iso3.to_string(),
                    self.places[i].admin1.to_string(),
                ))
            }
            _ => None,
        })
    }
}

/// Whether a place in `sorted` (by start) overlaps `[start, end)`: the few places starting
/// just before `end` are looked at, found by binary search.
fn overlaps(sorted: &[Place], start: usize, end: usize) -> bool {
    let i = sorted.partition_point(|p| p.start < end);
    sorted[..i].iter().rev().take(4).any(|p| p.end > start)
}

fn cand_order(c: Cand) -> (u8, usize) {
    match c {
        Cand::Country(i) => (0, i),
        Cand::Region(i) => (1, i),
        Cand::Place(i) => (2, i),
    }
}

fn strip_article(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

struct GeoRecordRef<'a> {
    name: &'a str,
    geonameid: Option<u64>,
    lat: f64,
    lon: f64,
    feature: &'a str,
    iso3: &'a str,
    admin1: &'a str,
    population: u64,
}

/// How far from a US county's centroid a town may lie and still be read as in that county
/// (most counties are under 60 km across; the largest western ones are not, and get no help).
const COUNTY_REACH_KM: f64 = 45.0;

/// The bonus for a US town within reach of a county the article names, in that county's state
/// ("Lebanon Police and the Boone County Sheriff": Lebanon, Indiana).
const IN_NAMED_COUNTY: f64 = 16.0;

/// The run of letters just before byte `at`, spaces skipped ("in" of "in Greer"; empty after
/// punctuation).
fn word_before(body: &str, at: usize) -> &str {
    body[..at]
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Whether the name at `start..end` is the subject of a verb of statement or action and not
/// after a locative preposition ("Moscow said", not "in Moscow said").
/// The key under which an article's mentions of one place meet: lower case, without a
/// trailing "City" ("Springfield City" and "Springfield").
fn sense_key(text: &str) -> String {
    let t = text.to_lowercase();
    match t.strip_suffix(" city") {
        Some(head) if !head.is_empty() => head.to_string(),
        _ => t,
    }
}

/// Whether the word after a name is a lower-case word other than a function word or a verb
/// of acting: the name modifies it ("White House spokesman", not "the White House said" or
/// "at the White House a day later").
fn modifies_a_noun(body: &str, end: usize) -> bool {
    const FUNCTION: &[&str] = &[
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
    let Some(rest) = body[end..].strip_prefix(' ') else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    next.starts_with(|c: char| c.is_lowercase())
        && !FUNCTION.contains(&next)
        && !ACTS.contains(&next)
}

/// The county a name abbreviates ("PLYMOUTH CO." or "PLYMOUTH CO" -> "Plymouth County",
/// "Loudon Co." -> "Loudon County"), whether or not such a county exists.
fn county_of_abbreviation(text: &str) -> Option<String> {
    let head = [" Co.", " CO.", " Co", " CO"]
        .iter()
        .find_map(|a| text.strip_suffix(a))?;
    Some(format!("{} County", title_case(head)))
}

/// A name in capitals in title case ("PLYMOUTH" -> "Plymouth"); others as they are.
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    dateline_core::title_case(name)
}

/// Whether the saint's name at `start..end` ("St. Peter", "Saint Paul") names a church's
/// dedication: after "church of" (or "cathedral", "basilica", "chapel", "parish" of), or
/// before such a word with only saints' names, "and" and capitalised words between ("Saint
/// Peter and Saint Paul Coptic Orthodox Church").
fn dedication(body: &str, start: usize, end: usize) -> bool {
    const HOUSES: &[&str] = &[
        "church",
        "cathedral",
        "basilica",
        "chapel",
        "abbey",
        "monastery",
        "churches",
    ];
    let text = &body[start..end];
    let saint = ["St. ", "St ", "Saint ", "Ste. ", "Sainte "]
        .iter()
        .any(|p| text.starts_with(p));
    if !saint {
        return false;
    }
    // before: "church of ", "Church of ", "church of St. Peter and "
    let before = &body[..start];
    let mut words = before.split_whitespace().rev();
    let mut seen = 0;
    while let Some(w) = words.next() {
        seen += 1;
        if seen > 6 {
            break;
        }
        let lw = w.to_lowercase();
        if lw == "of" {
            if let Some(house) = words.next() {
                let h = house.to_lowercase();
                if HOUSES.contains(&h.trim_matches(|c: char| !c.is_alphabetic())) {
                    return true;
                }
            }
            break;
        }
        if !(lw == "and" || lw == "&" || w.starts_with(char::is_uppercase)) {
            break;
        }
    }
    // after the saint's name (in the name the tagger found too): capitalised words and "and"
    // up to the house ("… and Saint Paul Coptic Church"); after a saint's possessive, a
    // hospital or a school is the saint's too ("St. Michael's Hospital")
    const FOUNDATIONS: &[&str] = &["hospital", "school", "college", "university", "academy"];
    let name_end = text
        .match_indices(' ')
        .nth(1)
        .map_or(end, |(k, _)| start + k);
    let possessive = body[start..name_end].ends_with("'s") || body[start..name_end].ends_with("’s");
    for w in body[name_end..].split_whitespace().take(7) {
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        let lower = bare.to_lowercase();
        if (HOUSES.contains(&lower.as_str()) || possessive && FOUNDATIONS.contains(&lower.as_str()))
            && bare.starts_with(char::is_uppercase)
        {
            return true;
        }
        if !(bare == "and" || bare.starts_with(char::is_uppercase)) || bare.is_empty() {
            return false;
        }
        if w.ends_with([',', '.', ';', ':']) {
            return false;
        }
    }
    false
}

fn acting(body: &str, start: usize, end: usize) -> bool {
    let next = body[end..]
        .trim_start_matches(' ')
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let before = word_before(body, start).to_lowercase();
    let located = matches!(
        before.as_str(),
        "in" | "at" | "from" | "to" | "near" | "into" | "across" | "of" | "outside"
    );
    !located && body[end..].starts_with(' ') && ACTS.contains(&next)
}

/// A possessive naming what a state does or has as an actor ("Moscow's status as Assad's
/// backer", "Russia's entry into the conflict", "Russia's warplanes"): the state acts; it is not
/// where anything happened ("Syria's Idlib province", "Moscow's Red Square" stay places).
fn owns_an_act(body: &str, end: usize) -> bool {
    let Some(rest) = ["'s ", "\u{2019}s "]
        .iter()
        .find_map(|m| body[end..].strip_prefix(m))
    else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    OWNED_ACTS.contains(&next)
}

/// Nouns of acts, stances and agents a state owns as an actor (see [`owns_an_act`]).
const OWNED_ACTS: &[&str] = &[
    "status",
    "entry",
    "decision",
    "support",
    "backing",
    "role",
    "policy",
    "position",
    "intervention",
    "involvement",
    "response",
    "stance",
    "demand",
    "demands",
    "offer",
    "proposal",
    "plan",
    "refusal",
    "annexation",
    "invasion",
    "campaign",
    "action",
    "actions",
    "strategy",
    "approach",
    "ally",
    "allies",
    "envoy",
    "ambassador",
    "government",
    "leader",
    "leaders",
    "leadership",
    "president",
    "military",
    "army",
    "navy",
    "forces",
    "troops",
    "officials",
    "diplomats",
    "intelligence",
    "warplanes",
    "jets",
    "bombers",
    "backers",
    "sanctions",
    "threat",
    "threats",
    "veto",
    "bid",
    "push",
    "efforts",
    "claim",
    "claims",
];

/// Verbs of statement and action whose subject, when a country, capital or division, is its
/// government ("Moscow said", "Washington imposed sanctions").
const ACTS: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "warned",
    "warns",
    "accused",
    "accuses",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "urged",
    "urges",
    "condemned",
    "condemns",
    "demanded",
    "demands",
    "insisted",
    "insists",
    "responded",
    "threatened",
    "threatens",
    "agreed",
    "agrees",
    "signed",
    "signs",
    "wants",
    "claimed",
    "claims",
    "refused",
    "refuses",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "expelled",
    "expels",
    "recalled",
    "recalls",
    "imposed",
    "imposes",
    "blamed",
    "blames",
    "welcomed",
    "welcomes",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "protested",
    "protests",
    "requested",
    "requests",
    "asked",
    "asks",
    "told",
    "tells",
    "launched",
    "launches",
    "invaded",
    "invades",
    "retaliated",
    "sanctioned",
    "summoned",
    "summons",
    "declared",
    "declares",
    "ordered",
    "orders",
    "offered",
    "offers",
];

/// The bonus for a US town in a state the text names in full anywhere.
const STATE_NAMED: f64 = 3.0;

/// Whether the name at `start..end` is a dateline: in capitals, opening the text or a line,
/// followed by a dash, a bracket or a comma.
fn is_dateline(body: &str, start: usize, end: usize) -> bool {
    let name = &body[start..end];
    let before = body[..start].trim_end_matches([' ', '\t']);
    let opens = before.chars().next_back().is_none_or(|c| c == '\n')
        || before.ends_with('.') && body[..start].ends_with(' ');
    let after = body[end..].trim_start_matches(' ');
    opens
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(char::is_lowercase)
        && ["—", "–", "-", "(", ","]
            .iter()
            .any(|m| after.starts_with(m))
}

/// Great-circle distance in kilometres.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// Words for a direction or a part of an area that open place names ("Northeast Georgia",
/// "Greater Manchester", "Metropolitan Atlanta").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "downtown",
    "rural",
    "metro",
    "metropolitan",
];

/// Words naming a kind of court or body, not a town, before "Court", "Council" and the like.
const COURT_KINDS: &[&str] = &[
    "Superior",
    "Supreme",
    "Circuit",
    "District",
    "Municipal",
    "Probate",
    "Appellate",
    "Federal",
    "Juvenile",
    "Family",
    "Magistrate",
    "Chancery",
    "Common",
];

/// Towns under this many people are villages: readings only with support from the article
/// (see `resolve_all`).
const VILLAGE: u64 = 1_000;

/// The bonus per other place name of the article with a reading within `NEIGHBOUR_KM` of a
/// candidate town (up to three names).
const NEIGHBOUR: f64 = 4.0;
const NEIGHBOUR_KM: f64 = 30.0;
/// ... and of a qualified name's reading ("Bethel, Vt.", 31 km from Hanover, N.H.); under a
/// one-degree cell's width at 60° of latitude, so that the 3×3 cells around a point hold it.
const ANCHOR_KM: f64 = 50.0;

/// A reading of the article's `k`th place name: (k, lat, lon, ISO3, admin1, whether the name is
/// qualified there).
type Reading = (usize, f64, f64, &'static str, &'static str, bool);

/// The points the article's place names could stand for (towns by their main names), in a grid
/// of one-degree cells: for a candidate, the other names with a reading near it; for a county,
/// whether one of the article's towns lies in it.
struct Neighbours {
    cells: HashMap<(i32, i32), Vec<Reading>>,
    names: Vec<String>,
    /// counts already made, by name and point (a name repeated a thousand times is counted
    /// once per reading)
    memo: std::cell::RefCell<HashMap<(String, u64, u64), usize>>,
}

impl Neighbours {
    fn of(g: &Gazetteer, body: &str, entities: &[Entity]) -> Neighbours {
        let mut n = Neighbours {
            cells: HashMap::new(),
            names: Vec::new(),
            memo: std::cell::RefCell::new(HashMap::new()),
        };
        for e in entities
            .iter()
            .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Loc))
        {
            // (a name the gazetteer lacks by its opening words before a civic body: "Hartford"
            // of "Hartford Hospital", which the tagger called a place)
            let mut name = e.text.as_str();
            if g.lookup(name).is_empty() {
                let words: Vec<&str> = name.split(' ').collect();
                if let Some(n) = (1..words.len().min(3)).rev().find(|&n| {
                    let head = words[..n].join(" ");
                    let next = words[n].to_lowercase();
                    // (not a county's or township's name: "Boone County" is no town Boone)
                    CIVIC.contains(&next.as_str())
                        && !matches!(
                            next.as_str(),
                            "county" | "parish" | "township" | "borough" | "city"
                        )
                        && !GENERIC.contains(&head.to_lowercase().as_str())
                        && !DIRECTIONS.contains(&head.to_lowercase().as_str())
                        && !g.lookup(&head).is_empty()
                }) {
                    name = &name[..words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1];
                }
            }
            let key = name.to_lowercase();
            if n.names.contains(&key) || n.names.len() >= 64 {
                continue;
            }
            let k = n.names.len();
            n.names.push(key);
            let cands = g.lookup(name);
            // a name qualified by its division ("Bethel, Vt.") stands only there, and is a
            // neighbour farther off (`ANCHOR_KM`): it is no coincidence of names
            // (where the name has a reading there: "London, St. Thomas and Strathroy" is a
            // list, not London in Saint Thomas, Jamaica)
            let qualified = g.qualifier_after(body, e.end, 40).filter(|(iso3, adm)| {
                !adm.is_empty()
                    && cands.iter().any(|&(c, _)| {
                        matches!(c, Cand::Place(i)
                                if g.places[i].iso3 == iso3 && g.places[i].admin1 == adm)
                    })
            });
            for &(c, main) in &cands[..cands.len().min(200)] {
                // (a town's main name or that name with "Town": "Enfield" of Enfield Town)
                let town_of = |i: usize| {
                    g.places[i]
                        .name
                        .strip_suffix(" Town")
                        .is_some_and(|n| n.eq_ignore_ascii_case(&e.text))
                };
                if let Cand::Place(i) = c {
                    let p = &g.places[i];
                    let anchor = qualified
                        .as_ref()
                        .map(|(iso3, adm)| iso3 == p.iso3 && adm == p.admin1);
                    if (main || town_of(i)) && p.feature.starts_with("PPL") && anchor != Some(false)
                    {
                        n.cells.entry(Self::cell(p.lat, p.lon)).or_default().push((
                            k,
                            p.lat,
                            p.lon,
                            p.iso3,
                            p.admin1,
                            anchor.is_some(),
                        ));
                    }
                }
            }
        }
        n
    }

    /// Whether some reading within `reach` km (at most ~50) of the point passes `keep`
    /// (country, first-level division).
    fn any_within(
        &self,
        lat: f64,
        lon: f64,
        reach: f64,
        keep: impl Fn(&str, &str) -> bool,
    ) -> bool {
        let (cy, cx) = Self::cell(lat, lon);
        (-1..=1).any(|dy| {
            (-1..=1).any(|dx| {
                self.cells.get(&(cy + dy, cx + dx)).is_some_and(|v| {
                    v.iter().any(|&(_, la, lo, iso3, adm, _)| {
                        keep(iso3, adm) && km(lat, lon, la, lo) < reach
                    })
                })
            })
        })
    }

    fn cell(lat: f64, lon: f64) -> (i32, i32) {
        (lat.floor() as i32, lon.floor() as i32)
    }

    /// How many other names of the article have a reading within `NEIGHBOUR_KM` (up to 3).
    fn near(&self, name: &str, lat: f64, lon: f64) -> usize {
        let own = name.to_lowercase();
        let key = (own, lat.to_bits(), lon.to_bits());
        if let Some(&n) = self.memo.borrow().get(&key) {
            return n;
        }
        let n = self.count(&key.0, lat, lon);
        self.memo.borrow_mut().insert(key, n);
        n
    }

    fn count(&self, own: &str, lat: f64, lon: f64) -> usize {
        let (cy, cx) = Self::cell(lat, lon);
        let mut seen: Vec<usize> = Vec::new();
        for dy in -1..=1 {
            for dx in -1..=1 {
                let Some(v) = self.cells.get(&(cy + dy, cx + dx)) else {
                    continue;
                };
                for &(k, la, lo, _, _, anchor) in v {
                    let reach = if anchor { ANCHOR_KM } else { NEIGHBOUR_KM };
                    if self.names[k] != own && !seen.contains(&k) && km(lat, lon, la, lo) < reach {
                        seen.push(k);
                    }
                }
            }
        }
        seen.len().min(3)
    }
}

/// Bonus per other place name of the article in the candidate's first-level division, and
/// in its country (each counted up to three times).
pub const COHERENCE: (f64, f64) = (5.0, 3.0);

/// (ISO3, admin1 code)
type Division = (String, String);

/// Which distinct place names of an article a first pass put in each country and division.
struct Coherence {
    country: HashMap<String, Vec<String>>,
    division: HashMap<(String, String), Vec<String>>,
    /// the towns of each division the first pass found: (lat, lon, name)
    towns: HashMap<Division, Vec<(f64, f64, String)>>,
    weights: (f64, f64),
    /// how often the article names each US state in full (postal code -> count), taken once
    state_names: std::cell::OnceCell<HashMap<String, usize>>,
}

impl Coherence {
    /// Whether the article's places stand in US state `st` at least as often as in any of
    /// `states`.
    fn leads<'s>(&self, st: &str, states: impl Iterator<Item = &'s str>) -> bool {
        let own = self.state_votes(st);
        states.map(|x| self.state_votes(x)).all(|v| v <= own)
    }

    /// How many of the article's places the first pass put in US state `st`.
    fn state_votes(&self, st: &str) -> usize {
        self.division
            .get(&("USA".to_string(), st.to_string()))
            .map_or(0, Vec::len)
    }

    fn of<'p>(places: impl IntoIterator<Item = &'p Place>, weights: (f64, f64)) -> Coherence {
        let mut c = Coherence {
            country: HashMap::new(),
            division: HashMap::new(),
            towns: HashMap::new(),
            weights,
            state_names: std::cell::OnceCell::new(),
        };
        for p in places {
            let Some(iso3) = &p.country else { continue };
            let name = p.text.to_lowercase();
            if let (Some(adm), Some(true)) =
                (&p.admin1, p.feature.as_ref().map(|f| f.starts_with("PPL")))
            {
                c.towns
                    .entry((iso3.clone(), adm.clone()))
                    .or_default()
                    .push((p.lat, p.lon, name.clone()));
            }
            let names = c.country.entry(iso3.clone()).or_default();
            if !names.contains(&name) {
                names.push(name.clone());
            }
            if let Some(adm) = &p.admin1 {
                let names = c.division.entry((iso3.clone(), adm.clone())).or_default();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        c
    }

    /// The US state where the first pass put the most distinct names, at least two and more
    /// than in any other state.
    fn dominant_state(&self) -> Option<&str> {
        let mut best: Option<(&str, usize)> = None;
        let mut tie = false;
        for ((iso3, adm), names) in &self.division {
            if iso3 != "USA" || names.len() < 2 {
                continue;
            }
            match best {
                Some((_, m)) if names.len() < m => {}
                Some((b, m)) if names.len() == m => tie = tie || b != adm,
                _ => {
                    best = Some((adm, names.len()));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(st, _)| st)
    }

    /// How many other names of the article the first pass put in this division.
    fn others_in(&self, text: &str, iso3: &str, admin1: &str) -> usize {
        let name = text.to_lowercase();
        self.division
            .get(&(iso3.to_string(), admin1.to_string()))
            .map_or(0, |v| v.iter().filter(|n| **n != name).count())
    }

    /// The bonus for reading `text` as a place in `iso3` / `admin1`: the other names there.
    fn bonus(&self, text: &str, iso3: &str, admin1: &str) -> f64 {
        let name = text.to_lowercase();
        let others = |v: Option<&Vec<String>>| {
            v.map(|v| v.iter().filter(|n| **n != name).count().min(3))
                .unwrap_or(0) as f64
        };
        let mut b = self.weights.1 * others(self.country.get(iso3));
        if !admin1.is_empty() {
            b +=
                self.weights.0 * others(self.division.get(&(iso3.to_string(), admin1.to_string())));
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            .map(|p| (p.text.as_str(), p.country.as_deref(), p.via.as_deref()))
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
            .map(|p| (p.text.as_str(), p.country.as_deref(), p.via.as_deref()))
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
                .map(|p| (p.text.as_str(), p.country.as_deref(), p.via.as_deref())),
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
        let body = "In B.C., up to 20 centimetres of snow fell, and W. Va. roads closed; the U.N.C.A. met.";
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
        let body = "Dana Cole of Macon, Georgia, is headed to the University of Georgia in Athens, Georgia.";
        let ents = vec![
            ent(body, "Macon", EntityType::Gpe),
            ent(body, "University of Georgia", EntityType::Org),
        ];
        let ps = g.resolve(body, &ents);
        let p = ps
            .iter()
            .find(|p| p.via.as_deref() == Some("organisation"))
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
        let body =
            "The Laurel County Sheriff's Office said deputies near London and Corbin found him.";
        let ents = vec![
            ent(body, "Laurel County Sheriff's Office", EntityType::Org),
            ent(body, "London", EntityType::Gpe),
            ent(body, "Corbin", EntityType::Gpe),
        ];
        let ps = g.resolve(body, &ents);
        let county = ps.iter().find(|p| p.text == "Laurel County").unwrap();
        assert_eq!(
            (county.admin1.as_deref(), county.via.as_deref()),
            (Some("KY"), Some("organisation"))
        );
        // a county of several states: the one the story names
        let body = "Crews from Hall County met officials of the Georgia Environmental Protection Division.";
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
        let body =
            "Doctors from Bethel Park, Pennsylvania, flew to Egypt. Egyptians welcomed them.";
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
        assert_eq!(towns[1].via.as_deref(), Some("organisation"));
        // a name inside an organisation's name is where the article puts it on its own
        let body =
            "Officials in Springfield, Decatur and Peoria met. Channel 5 Springfield filmed.";
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
            .map(|p| (p.admin1.as_deref(), p.via.as_deref()))
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
        let got = spans(body, &ps, |p| (p.country.as_deref(), p.via.as_deref()));
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
        let got = spans(body, &ps, |p| (p.admin1.as_deref(), p.via.as_deref()));
        assert_eq!(
            got,
            [
                ("Seattle", Some("WA"), Some("demonym")),
                ("Gainesville", Some("TX"), Some("demonym")),
                ("Texas", Some("TX"), None)
            ]
        );
        // a town before a school's initials or a district's direction
        let body =
            "Wrestlers from Watertown-ML beat Delano, Minnesota; the Calgary-North MLA spoke.";
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
        let got = spans(body, &ps, |p| (p.admin1.as_deref(), p.via.as_deref()));
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
        assert!(ps.iter().any(|p| p.via.as_deref() == Some("organisation")));
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
        let body =
            "The United Way of Metropolitan Atlanta and the University of West Virginia met.";
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
        let got = spans(body, &ps, |p| (p.feature.as_deref(), p.via.as_deref()));
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
            .map(|p| (p.text.as_str(), p.country.as_deref(), p.via.as_deref()))
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
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.via.as_deref()))
            .collect();
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
            .map(|p| (p.text.as_str(), p.name.as_str(), p.via.as_deref()))
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
        let got: Vec<(String, Option<String>)> = g
            .resolve(body, &ents)
            .into_iter()
            .map(|p| (p.name, p.via))
            .collect();
        let d = Some("demonym".to_string());
        assert_eq!(
            got,
            [("Europe".into(), d.clone()), ("Asia".into(), d.clone())]
        );
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
        let got: Vec<(String, Option<String>)> = ps.into_iter().map(|p| (p.name, p.via)).collect();
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
        let body =
            "The Springfield Science Museum and libraries in Northampton and Holyoke will open.";
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
        let body =
            "Crews from Tyler and Longview drove to Paris after the storm; Kilgore sent trucks.";
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
        assert_eq!(lib.via.as_deref(), Some("organisation"));
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
            .map(|p| (p.text.as_str(), p.country.as_deref(), p.via.as_deref()))
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
            .map(|p| (p.text.as_str(), p.name.as_str(), p.via.as_deref()))
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
            .map(|p| (p.text.as_str(), p.country.as_deref(), p.via.as_deref()))
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
}
