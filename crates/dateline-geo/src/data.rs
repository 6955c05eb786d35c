//! Parsing the gazetteer files (formats in docs/data-formats.md). A malformed line is an error
//! naming its line number; nothing is guessed.

use crate::error::{GeoError, LineProblem};

/// A country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    pub alts: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: String,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<u64>,
    pub population: u64,
}

/// A place or region. Its text fields borrow the gazetteer text they were parsed from (the
/// bundled files are compiled into the binary), so loading 211k places and airports
/// allocates nothing per place.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoRecord {
    pub geonameid: Option<u64>,
    pub name: &'static str,
    /// the alternate-names column as written (`|`-separated); see [`GeoRecord::alts`]
    pub alts_column: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub feature: &'static str,
    pub iso3: &'static str,
    pub admin1: &'static str,
    pub population: u64,
}

impl GeoRecord {
    /// The alternate names, without the airport and other codes GeoNames lists among them
    /// ("AER" is not a name in text).
    pub fn alts(&self) -> impl Iterator<Item = &'static str> {
        self.alts_column
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty() && !is_code(a))
    }
}

fn lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> + '_ {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn coord(s: &str, max: f64, line: usize, what: &'static str) -> Result<f64, GeoError> {
    let v: f64 = s.trim().parse().map_err(|_| {
        GeoError::line(
            line,
            LineProblem::NotANumber {
                what,
                text: s.to_string(),
            },
        )
    })?;
    if !(-max..=max).contains(&v) {
        return Err(GeoError::line(
            line,
            LineProblem::OutOfRange {
                what,
                value: v,
                max,
            },
        ));
    }
    Ok(v)
}

/// The error of line `line` having `found` columns where `expected` are needed.
fn columns(line: usize, expected: usize, found: usize) -> GeoError {
    GeoError::line(line, LineProblem::Columns { expected, found })
}

fn opt_id(s: &str) -> Option<u64> {
    s.trim().parse().ok()
}

/// What a point of `data/geo/us-centroids.tsv` is the centroid of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsDivision {
    /// a state, by its postal code
    State,
    /// a county, by its FIPS code
    County,
}

/// A point of `data/geo/us-centroids.tsv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UsCentroid<'t> {
    pub kind: UsDivision,
    /// the state's postal code or the county's FIPS code
    pub code: &'t str,
    pub lat: f64,
    pub lon: f64,
}

/// A point of `data/geo/adm1-centroids.tsv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Adm1Centroid {
    /// the first-level division's GeoNames id
    pub geonameid: u64,
    pub lat: f64,
    pub lon: f64,
}

/// The points of `data/geo/us-centroids.tsv`, of kind `state` (postal code) or `county`
/// (FIPS code).
pub fn parse_us_centroids(text: &str) -> Result<Vec<UsCentroid<'_>>, GeoError> {
    let mut out = Vec::new();
    for (n, f) in lines(text) {
        if f.len() < 4 {
            return Err(columns(n, 4, f.len()));
        }
        let kind = match f[0] {
            "state" => UsDivision::State,
            "county" => UsDivision::County,
            other => return Err(GeoError::line(n, LineProblem::Kind(other.to_string()))),
        };
        out.push(UsCentroid {
            kind,
            code: f[1],
            lat: coord(f[2], 90.0, n, "latitude")?,
            lon: coord(f[3], 180.0, n, "longitude")?,
        });
    }
    Ok(out)
}

/// The points of `data/geo/adm1-centroids.tsv`.
pub fn parse_adm1_centroids(text: &str) -> Result<Vec<Adm1Centroid>, GeoError> {
    let mut out = Vec::new();
    for (n, f) in lines(text) {
        if f.len() < 3 {
            return Err(columns(n, 3, f.len()));
        }
        let id =
            opt_id(f[0]).ok_or_else(|| GeoError::line(n, LineProblem::Id(f[0].to_string())))?;
        out.push(Adm1Centroid {
            geonameid: id,
            lat: coord(f[1], 90.0, n, "latitude")?,
            lon: coord(f[2], 180.0, n, "longitude")?,
        });
    }
    Ok(out)
}

/// The gazetteer's tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Tables {
    pub countries: Vec<Country>,
    /// places, then airports
    pub places: Vec<GeoRecord>,
    pub regions: Vec<GeoRecord>,
}

/// The gazetteer's tables from its files in `data/geo/` (`read` gives a file's text by name):
/// countries with their aliases and demonyms, places, regions. The program and the build
/// script that prebuilds the name index both load them through this function, so both see
/// the same records in the same order. An error names the file and line.
pub fn tables(read: impl Fn(&str) -> Result<&'static str, GeoError>) -> Result<Tables, GeoError> {
    tables_with(read, |_| None)
}

/// [`tables`], with the places and airports taken from `prebuilt` (given the texts of
/// `places.tsv` and `airports.tsv`) when it has them: the program passes the records
/// `build.rs` parsed from these same texts ([`decode_places`]), and parses the files itself
/// only when they are not those.
pub fn tables_with(
    read: impl Fn(&str) -> Result<&'static str, GeoError>,
    prebuilt: impl FnOnce([&'static str; 2]) -> Option<Vec<GeoRecord>>,
) -> Result<Tables, GeoError> {
    let named = |file: &str, e: GeoError| e.in_file(file);
    let mut countries =
        parse_countries(read("countries.tsv")?).map_err(|e| named("countries.tsv", e))?;
    let texts = [read("places.tsv")?, read("airports.tsv")?];
    let places = match prebuilt(texts) {
        Some(places) => places,
        None => {
            let mut places = parse_places(texts[0]).map_err(|e| named("places.tsv", e))?;
            // airports (feature AIRP) in the places' format, after the places
            places.extend(parse_places(texts[1]).map_err(|e| named("airports.tsv", e))?);
            places
        }
    };
    let regions = parse_regions(read("regions.tsv")?).map_err(|e| named("regions.tsv", e))?;
    add_aliases(&mut countries, read("country-aliases.tsv")?)
        .map_err(|e| named("country-aliases.tsv", e))?;
    add_demonyms(&mut countries, read("demonym-aliases.tsv")?)
        .map_err(|e| named("demonym-aliases.tsv", e))?;
    Ok(Tables {
        countries,
        places,
        regions,
    })
}

pub fn parse_countries(text: &str) -> Result<Vec<Country>, GeoError> {
    let mut out = Vec::new();
    for (n, f) in lines(text) {
        if f.len() < 10 {
            return Err(columns(n, 10, f.len()));
        }
        out.push(Country {
            iso2: f[0].to_string(),
            iso3: f[1].to_string(),
            name: f[2].to_string(),
            alts: list(f[3]),
            demonyms: list(f[4]),
            capital: f[5].to_string(),
            lat: coord(f[6], 90.0, n, "latitude")?,
            lon: coord(f[7], 180.0, n, "longitude")?,
            geonameid: opt_id(f[8]),
            population: f[9].trim().parse().unwrap_or(0),
        });
    }
    Ok(out)
}

pub fn parse_places(text: &'static str) -> Result<Vec<GeoRecord>, GeoError> {
    let mut out = Vec::with_capacity(150_000);
    for (n, line) in crate::tsv::lines(text).enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let n = n + 1;
        let col: [&str; 9] = crate::tsv::fields(line).map_err(|found| columns(n, 9, found))?;
        out.push(GeoRecord {
            geonameid: opt_id(col[0]),
            name: col[1],
            alts_column: col[2],
            lat: coord(col[3], 90.0, n, "latitude")?,
            lon: coord(col[4], 180.0, n, "longitude")?,
            feature: col[5],
            iso3: col[6],
            admin1: col[7],
            population: match col[8].trim().parse().unwrap_or(0) {
                0 => population_prior(col[5]),
                p => p,
            },
        });
    }
    Ok(out)
}

const PLACES_MAGIC: &[u8; 4] = b"DLPL";
const PLACES_VERSION: u32 = 1;
const PLACES_HEADER: usize = 24;
/// name start (u32), name and alternate names lengths (u16, u16), feature start (u32),
/// feature, ISO3 and admin1 lengths (u8 each), latitude and longitude (f64 bits), population
/// (u32), GeoNames id (u32, `u32::MAX` for none)
const PLACE_BYTES: usize = 39;

/// The places parsed from `texts` (`places.tsv`, then `airports.tsv`, as [`tables`] gives
/// them) in a compact binary form that [`decode_places`] reads back in one pass without
/// parsing: each record's numbers and where its text fields lie in the text they borrow from.
/// `None` when a record does not fit the form (it does not borrow from `texts`, its fields
/// are not where a line of the format puts them, or a number or length is too large).
pub fn encode_places(places: &[GeoRecord], texts: [&str; 2]) -> Option<Vec<u8>> {
    let at = |s: &str, t: &str| -> Option<usize> {
        let o = (s.as_ptr() as usize).checked_sub(t.as_ptr() as usize)?;
        (o + s.len() <= t.len()).then_some(o)
    };
    let from_first = places
        .iter()
        .take_while(|p| at(p.name, texts[0]).is_some())
        .count();
    let mut out = Vec::with_capacity(PLACES_HEADER + places.len() * PLACE_BYTES);
    out.extend_from_slice(PLACES_MAGIC);
    out.extend_from_slice(&PLACES_VERSION.to_le_bytes());
    for n in [texts[0].len(), texts[1].len(), from_first, places.len()] {
        out.extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
    }
    for (i, p) in places.iter().enumerate() {
        let t = texts[usize::from(i >= from_first)];
        let name = at(p.name, t)?;
        let feature = at(p.feature, t)?;
        // the alternate names follow the name, ISO3 the feature and admin1 ISO3, a tab apart
        let next = |s: &str, after: usize| at(s, t).filter(|&o| o == after + 1);
        next(p.alts_column, name + p.name.len())?;
        next(p.iso3, feature + p.feature.len())?;
        next(p.admin1, feature + p.feature.len() + 1 + p.iso3.len())?;
        out.extend_from_slice(&u32::try_from(name).ok()?.to_le_bytes());
        out.extend_from_slice(&u16::try_from(p.name.len()).ok()?.to_le_bytes());
        out.extend_from_slice(&u16::try_from(p.alts_column.len()).ok()?.to_le_bytes());
        out.extend_from_slice(&u32::try_from(feature).ok()?.to_le_bytes());
        for s in [p.feature, p.iso3, p.admin1] {
            out.push(u8::try_from(s.len()).ok()?);
        }
        out.extend_from_slice(&p.lat.to_bits().to_le_bytes());
        out.extend_from_slice(&p.lon.to_bits().to_le_bytes());
        out.extend_from_slice(&u32::try_from(p.population).ok()?.to_le_bytes());
        let id = match p.geonameid {
            Some(id) => u32::try_from(id).ok().filter(|&id| id != u32::MAX)?,
            None => u32::MAX,
        };
        out.extend_from_slice(&id.to_le_bytes());
    }
    Some(out)
}

/// The places [`encode_places`] wrote, borrowing their text fields from `texts`: `None`
/// when `bytes` are not such a table or were made from other texts (their lengths differ, a
/// field falls outside its text or inside a character).
pub fn decode_places(bytes: &[u8], texts: [&'static str; 2]) -> Option<Vec<GeoRecord>> {
    let word = |b: &[u8], i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
    };
    if bytes.get(..4)? != PLACES_MAGIC || word(bytes, 4)? != PLACES_VERSION {
        return None;
    }
    let [len0, len1, from_first, n] = [8, 12, 16, 20].map(|i| word(bytes, i).map(|w| w as usize));
    if len0? != texts[0].len() || len1? != texts[1].len() {
        return None;
    }
    let (from_first, n) = (from_first?, n?);
    let body = bytes.get(PLACES_HEADER..)?;
    if from_first > n || body.len() != n.checked_mul(PLACE_BYTES)? {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    for (i, r) in body.chunks_exact(PLACE_BYTES).enumerate() {
        let t = texts[usize::from(i >= from_first)];
        let u16_at = |i: usize| usize::from(u16::from_le_bytes([r[i], r[i + 1]]));
        let u64_at = |i: usize| -> Option<u64> {
            Some(u64::from_le_bytes(r.get(i..i + 8)?.try_into().ok()?))
        };
        let name = word(r, 0)? as usize;
        let (name_len, alts_len) = (u16_at(4), u16_at(6));
        let feature = word(r, 8)? as usize;
        let (feature_len, iso3_len, admin1_len) =
            (usize::from(r[12]), usize::from(r[13]), usize::from(r[14]));
        let alts = name + name_len + 1;
        let iso3 = feature + feature_len + 1;
        let admin1 = iso3 + iso3_len + 1;
        let id = word(r, 35)?;
        out.push(GeoRecord {
            geonameid: (id != u32::MAX).then_some(u64::from(id)),
            name: t.get(name..name + name_len)?,
            alts_column: t.get(alts..alts + alts_len)?,
            lat: f64::from_bits(u64_at(15)?),
            lon: f64::from_bits(u64_at(23)?),
            feature: t.get(feature..feature + feature_len)?,
            iso3: t.get(iso3..iso3 + iso3_len)?,
            admin1: t.get(admin1..admin1 + admin1_len)?,
            population: u64::from(word(r, 31)?),
        });
    }
    Some(out)
}

/// Rule "population prior": a place whose population GeoNames does not give (a sixth of the
/// towns, most in China, Indonesia, Iran, Syria and Yemen: "Al Qāmishlī") counts as the
/// median place of its kind — among the places of `places.tsv` with a population, the median
/// town (PPL) has 2,097 people, division (ADM1) 120,718, capital (PPLC) 646,750 — not as
/// a hamlet of none, which any village of the name outranks and which needs the article's
/// support to be read at all.
pub fn population_prior(feature: &str) -> u64 {
    match feature {
        "PPLC" => 646_750,
        "ADM1" => 120_718,
        _ => 2_097,
    }
}

/// Add `demonym<TAB>ISO3` lines as demonyms of their countries.
pub fn add_demonyms(countries: &mut [Country], text: &str) -> Result<(), GeoError> {
    for (n, f) in lines(text) {
        let (Some(d), Some(iso3)) = (f.first(), f.get(1)) else {
            return Err(GeoError::line(n, LineProblem::NameAndCountry("demonym")));
        };
        match countries.iter_mut().find(|c| c.iso3 == iso3.trim()) {
            Some(c) => {
                if !c.demonyms.iter().any(|x| x == d.trim()) {
                    c.demonyms.push(d.trim().to_string());
                }
            }
            None => {
                return Err(GeoError::line(
                    n,
                    LineProblem::UnknownCountry(iso3.trim().to_string()),
                ))
            }
        }
    }
    Ok(())
}

/// Add `alias<TAB>ISO3` lines as alternate names of their countries.
pub fn add_aliases(countries: &mut [Country], text: &str) -> Result<(), GeoError> {
    for (n, f) in lines(text) {
        let (Some(alias), Some(iso3)) = (f.first(), f.get(1)) else {
            return Err(GeoError::line(n, LineProblem::NameAndCountry("alias")));
        };
        match countries.iter_mut().find(|c| c.iso3 == iso3.trim()) {
            Some(c) => {
                if !c.alts.iter().any(|a| a == alias.trim()) && c.name != alias.trim() {
                    c.alts.push(alias.trim().to_string());
                }
            }
            None => {
                return Err(GeoError::line(
                    n,
                    LineProblem::UnknownCountryCode(iso3.to_string()),
                ))
            }
        }
    }
    Ok(())
}

/// Airport and other codes among GeoNames alternate names ("AER") are not names in text.
fn is_code(a: &str) -> bool {
    a.len() <= 4 && a.chars().all(|c| c.is_ascii_uppercase())
}

pub fn parse_regions(text: &'static str) -> Result<Vec<GeoRecord>, GeoError> {
    let mut out = Vec::new();
    for (n, f) in lines(text) {
        if f.len() < 6 {
            return Err(columns(n, 7, f.len()));
        }
        out.push(GeoRecord {
            geonameid: f.get(6).and_then(|s| opt_id(s)),
            name: f[0],
            alts_column: f[1],
            lat: coord(f[2], 90.0, n, "latitude")?,
            lon: coord(f[3], 180.0, n, "longitude")?,
            feature: f[4],
            iso3: f[5],
            admin1: "",
            population: 0,
        });
    }
    Ok(out)
}

/// A press abbreviation of a US state or Canadian province (`data/geo/press-abbreviations.tsv`).
struct PressAbbreviation {
    /// As written, without its final full stop ("Kan", "B.C").
    short: &'static str,
    /// "USA" or "CAN".
    iso3: &'static str,
    /// The state's postal code, or the province's name.
    division: &'static str,
    /// The dotted form with its full stop stands alone as the division ("N.C.").
    alone: bool,
}

/// The rows of `data/geo/press-abbreviations.tsv`, in file order (a bundled file: it is
/// tested to parse whole).
fn press_abbreviations() -> &'static [PressAbbreviation] {
    static ROWS: std::sync::LazyLock<Vec<PressAbbreviation>> = std::sync::LazyLock::new(|| {
        crate::wordlist::entries(include_str!("../data/geo/press-abbreviations.tsv"))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some(PressAbbreviation {
                    short: f.next()?,
                    iso3: f.next()?,
                    division: f.next()?,
                    alone: f.next()? == "alone",
                })
            })
            .collect()
    });
    &ROWS
}

/// The dotted press abbreviations of US states and Canadian provinces, with their final full
/// stop, that are too distinctive to be anything else where they stand alone ("B.C.",
/// "N.C."), in file order (made once, not per article).
pub fn dotted_abbreviations() -> &'static [String] {
    static DOTTED: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        press_abbreviations()
            .iter()
            .filter(|a| a.alone)
            .map(|a| format!("{}.", a.short))
            .collect()
    });
    &DOTTED
}

/// The province or territory a Canadian press abbreviation stands for ("B.C", "Ont"; the
/// final full stop removed).
pub fn canadian_province_abbreviation(s: &str) -> Option<&'static str> {
    press_abbreviations()
        .iter()
        .find(|a| a.iso3 == "CAN" && a.short == s)
        .map(|a| a.division)
}

/// Whether `s` (its final full stop removed) is a US state's or Canadian province's press
/// abbreviation ("Kan", "Alta", "B.C").
pub fn press_abbreviation(s: &str) -> bool {
    us_state_abbreviation(s).is_some() || canadian_province_abbreviation(s).is_some()
}

/// US state postal and AP-style abbreviations -> GeoNames admin1 code (the postal code); a
/// two-letter postal code in capitals stands for itself.
pub fn us_state_abbreviation(s: &str) -> Option<&'static str> {
    let us = press_abbreviations().iter().filter(|a| a.iso3 == "USA");
    if s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()) {
        return us.map(|a| a.division).find(|c| *c == s);
    }
    us.into_iter().find(|a| a.short == s).map(|a| a.division)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The priors are the medians the data gives, and a place without a population is read
    /// as one of its kind.
    #[test]
    fn a_missing_population_is_the_median_of_its_kind() {
        let text = include_str!("../data/geo/places.tsv");
        let mut by_kind: std::collections::HashMap<&str, Vec<u64>> = Default::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let p: u64 = f[8].parse().unwrap_or(0);
            if p > 0 {
                by_kind.entry(f[5]).or_default().push(p);
            }
        }
        for (kind, mut v) in by_kind {
            v.sort_unstable();
            assert_eq!(population_prior(kind), v[v.len() / 2], "{kind}");
        }
        let places = parse_places(
            "1\tAl Town\t\t36.0\t40.0\tPPL\tSYR\t05\t0\n2\tVille\t\t1\t1\tPPL\tFRA\t01\t640\n",
        )
        .unwrap();
        assert_eq!(places[0].population, 2_097);
        assert_eq!(places[1].population, 640);
    }

    #[test]
    fn every_press_abbreviation_row_parses() {
        let text = include_str!("../data/geo/press-abbreviations.tsv");
        let rows = crate::wordlist::entries(text).count();
        assert_eq!(press_abbreviations().len(), rows);
        for a in press_abbreviations() {
            assert!(matches!(a.iso3, "USA" | "CAN"), "{}", a.short);
            assert!(!a.division.is_empty(), "{}", a.short);
        }
    }

    #[test]
    fn press_abbreviations_read_both_ways() {
        assert_eq!(us_state_abbreviation("Kan"), Some("KS"));
        assert_eq!(us_state_abbreviation("KS"), Some("KS"));
        assert_eq!(us_state_abbreviation("Ks"), None);
        assert_eq!(canadian_province_abbreviation("Alta"), Some("Alberta"));
        assert!(press_abbreviation("W. Va"));
        let dotted = dotted_abbreviations();
        assert!(dotted.contains(&"N.C.".to_string()) && !dotted.contains(&"Kan.".to_string()));
    }

    /// Each malformed line is an error naming its line and what is wrong, in these words.
    #[test]
    fn bad_lines_are_named() {
        let cases: [(&str, Result<(), GeoError>, &str); 8] = [
            (
                "a place's latitude out of range",
                parse_places("# h\n1\tX\t\t95\t0\tPPL\tUSA\tTX\t5\n").map(drop),
                "line 2: latitude 95 out of range ±90",
            ),
            (
                "a country's line too short",
                parse_countries("XX\tshort\n").map(drop),
                "line 1: expected 10 columns, found 2",
            ),
            (
                "a region's latitude not a number",
                parse_regions("A\t\tx\t0\tRGN\t\t\n").map(drop),
                "line 1: latitude \"x\" is not a number",
            ),
            (
                "a place's line too short",
                parse_places("1\tX\tY\t5\t6\n").map(drop),
                "line 1: expected 9 columns, found 5",
            ),
            (
                "a county's longitude out of range",
                parse_us_centroids("# h\nstate\tVA\t37.5\t-78.9\ncounty\t21125\t37.1\t-200\n")
                    .map(drop),
                "line 3: longitude -200 out of range ±180",
            ),
            (
                "a division's id not a number",
                parse_adm1_centroids("x\t1\t2\n").map(drop),
                "line 1: id \"x\" is not a number",
            ),
            (
                "a division's latitude out of range",
                parse_adm1_centroids("# h\n5883102\t95\t-114\tAlberta\n").map(drop),
                "line 2: latitude 95 out of range ±90",
            ),
            (
                "a centroid of an unknown kind",
                parse_us_centroids("town\tX\t1\t2\n").map(drop),
                "line 1: kind \"town\" is not state or county",
            ),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(case, got, want)| match got {
                Err(e) if e.to_string() == *want => None,
                other => Some(format!("{case}: got {other:?}, want Err({want:?})")),
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn good_centroid_lines_parse() {
        assert_eq!(
            parse_us_centroids("state\tVA\t37.5\t-78.9\n").unwrap(),
            vec![UsCentroid {
                kind: UsDivision::State,
                code: "VA",
                lat: 37.5,
                lon: -78.9
            }]
        );
    }

    #[test]
    fn a_damaged_table_is_an_error_naming_its_file_and_line() {
        // a damaged airports table is an error naming that file and line, whatever the others
        let read = |file: &str| -> Result<&'static str, GeoError> {
            Ok(match file {
                "countries.tsv" => "XX\tXXX\tX\t\t\tX\t1\t2\t\t0\n",
                "places.tsv" => "1\tX\t\t5\t6\tPPL\tXXX\t\t5\n",
                "airports.tsv" => "# h\n\tX Airport\t\t5\t600\tAIRP\tXXX\t\t0\n",
                _ => "",
            })
        };
        let e = tables(read).unwrap_err();
        assert_eq!(
            e.to_string(),
            "data/geo/airports.tsv: line 2: longitude 600 out of range ±180"
        );
    }

    #[test]
    fn alternate_names_leave_out_codes() {
        let p =
            parse_places("7\tSochi\tAER| Sotschi |Soči||\t43.6\t39.7\tPPLA2\tRUS\t38\t343334\n")
                .unwrap();
        assert_eq!(p[0].alts().collect::<Vec<_>>(), ["Sotschi", "Soči"]);
        assert_eq!(
            (p[0].name, p[0].iso3, p[0].population),
            ("Sochi", "RUS", 343_334)
        );
    }
}
