//! The name index: every (name, candidate) pair of the gazetteer under the 64-bit hash of the
//! name's normalised key, sorted by hash. The build script (`build.rs`) compiles this file too
//! and prebuilds the bundled gazetteer's index into the binary, so start-up decodes it instead
//! of hashing and sorting ~280k names.
//!
//! Encoding (little-endian): `DLGX` `1u32`, the numbers of countries, regions and places it
//! was built for, the number of entries n, then n `u64` hashes, then n `u32` candidates (bits
//! 30–31 the kind: 0 country, 1 place, 2 region; bit 29 set for a main name; bits 0–28 the
//! record's index).

use crate::data::{Country, GeoRecord};
use crate::keyfns::{fnv1a, norm_key_folded_into, FNV_OFFSET};

/// What a name can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cand {
    Country(usize),
    Place(usize),
    Region(usize),
}

/// The sorted hashes and, beside each, the candidate and whether the name is its main name.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct NameIndex {
    pub keys: Vec<u64>,
    pub cands: Vec<(Cand, bool)>,
}

/// The index key of a name: the 64-bit FNV-1a hash of its normalised key (`buf` is scratch
/// space); `None` for a name that normalises to nothing. Two of the ~250k names sharing a
/// hash has a probability of about 10⁻⁹, a query meeting a name's hash by chance ~10⁻¹⁴.
pub fn key_hash(name: &str, buf: &mut String) -> Option<u64> {
    buf.clear();
    norm_key_folded_into(name, buf);
    (!buf.is_empty()).then(|| fnv1a(FNV_OFFSET, buf.as_bytes()))
}

/// The first index whose key is `>= h` in sorted `keys`. The keys are hashes, spread evenly
/// over the u64 range, so the position is first guessed by interpolation and the guess then
/// corrected by galloping: two or three probes in one cache neighbourhood instead of the ~18
/// scattered ones of a binary search over 280k keys.
fn lower_bound(keys: &[u64], h: u64) -> usize {
    let (mut lo, mut hi) = (0usize, keys.len());
    // invariant: keys[..lo] < h <= keys[hi..]
    for _ in 0..4 {
        if hi - lo <= 16 {
            break;
        }
        let (a, b) = (keys[lo], keys[hi - 1]);
        if h <= a {
            return lo;
        }
        if h > b {
            return hi;
        }
        let off = (u128::from(h - a) * (hi - lo - 1) as u128 / u128::from(b - a)) as usize;
        let mid = lo + off;
        let mut step = 8;
        if keys[mid] < h {
            // the answer is after mid: gallop right
            let mut at = mid + 1;
            while at + step < hi && keys[at + step - 1] < h {
                at += step;
                step *= 2;
            }
            lo = at;
            hi = hi.min(at + step);
        } else {
            // at or before mid: gallop left
            let mut at = mid;
            while at >= lo + step && keys[at - step] >= h {
                at -= step;
                step *= 2;
            }
            hi = at;
            lo = lo.max(at.saturating_sub(step));
        }
    }
    lo + keys[lo..hi].partition_point(|&k| k < h)
}

/// The spellings of the Arabic definite article before a transliterated name, the sun
/// letters' assimilations included ("Al", "El", "Ad", "As", "Ash", "Ar", "An", "At", "Az" …):
/// a closed grammatical set.
const ARABIC_ARTICLES: &[&str] = &[
    "al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es",
    "et", "ez",
];

/// The countries whose names are indexed without the article too,
/// `data/geo/arabic-article-countries.txt`.
const ARABIC_ARTICLE_COUNTRIES: &str = include_str!("../data/geo/arabic-article-countries.txt");

/// `name` without a leading Arabic article ("Al Qāmishlī" → "Qāmishlī", "al-Raqqa" →
/// "Raqqa"), when what is left is a name of three letters or more.
pub fn without_article(name: &str) -> Option<&str> {
    let (head, rest) = name.split_once([' ', '-'])?;
    let article = ARABIC_ARTICLES
        .iter()
        .any(|a| a.eq_ignore_ascii_case(head.trim()));
    (article && rest.trim().chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| rest.trim())
}

const MAGIC: &[u8; 4] = b"DLGX";
const VERSION: u32 = 1;
const MAX_INDEX: usize = (1 << 29) - 1;

impl NameIndex {
    /// Index the names: within a name, candidates keep the order added (countries, regions,
    /// places; main names before alternates), and a candidate listed twice under one name
    /// keeps its first listing.
    pub fn build(countries: &[Country], regions: &[GeoRecord], places: &[GeoRecord]) -> NameIndex {
        let mut pairs: Vec<(u64, u32, Cand, bool)> = Vec::with_capacity(places.len() * 2);
        let mut buf = String::new();
        let mut add = |name: &str, c: Cand, main: bool| {
            if let Some(h) = key_hash(name, &mut buf) {
                let seq = pairs.len() as u32;
                pairs.push((h, seq, c, main));
            }
        };
        for (i, c) in countries.iter().enumerate() {
            add(&c.name, Cand::Country(i), true);
            for a in &c.alts {
                add(a, Cand::Country(i), false);
            }
        }
        for (i, r) in regions.iter().enumerate() {
            add(r.name, Cand::Region(i), true);
            for a in r.alts() {
                add(a, Cand::Region(i), false);
            }
        }
        let arabic: Vec<&str> = crate::wordlist::entries(ARABIC_ARTICLE_COUNTRIES).collect();
        for (i, p) in places.iter().enumerate() {
            add(p.name, Cand::Place(i), true);
            for a in p.alts() {
                add(a, Cand::Place(i), false);
            }
            // "Al Qāmishlī" is "Qamishli" in the news
            if arabic.contains(&p.iso3) {
                for n in std::iter::once(p.name).chain(p.alts()) {
                    if let Some(bare) = without_article(n) {
                        add(bare, Cand::Place(i), false);
                    }
                }
            }
        }
        pairs.sort_unstable_by_key(|&(h, seq, _, _)| (h, seq));
        let mut ix = NameIndex {
            keys: Vec::with_capacity(pairs.len()),
            cands: Vec::with_capacity(pairs.len()),
        };
        let mut group = 0;
        for (h, _, c, main) in pairs {
            if ix.keys.last() != Some(&h) {
                group = ix.keys.len();
            } else if ix.cands[group..].iter().any(|(x, _)| *x == c) {
                continue;
            }
            ix.keys.push(h);
            ix.cands.push((c, main));
        }
        ix
    }

    /// The candidates of a name.
    pub fn get(&self, name: &str) -> &[(Cand, bool)] {
        // one scratch buffer per thread: a lookup allocates nothing
        thread_local!(static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
        let Some(h) = BUF.with(|b| key_hash(name, &mut b.borrow_mut())) else {
            return &[];
        };
        let lo = lower_bound(&self.keys, h);
        let hi = lo + self.keys[lo..].iter().take_while(|&&k| k == h).count();
        if lo == hi {
            // "al-Raqqa" where the gazetteer has "Ar Raqqah" or "Raqqa"
            if let Some(bare) = without_article(name) {
                return self.get(bare);
            }
        }
        &self.cands[lo..hi]
    }

    /// How many distinct names the index holds.
    pub fn name_count(&self) -> usize {
        self.keys.windows(2).filter(|w| w[0] != w[1]).count() + usize::from(!self.keys.is_empty())
    }

    /// The binary form (see the module notes) of an index built for these record counts;
    /// `None` when an index is too large for the encoding.
    pub fn encode(&self, counts: [usize; 3]) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(24 + self.keys.len() * 12);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        for n in counts.into_iter().chain([self.keys.len()]) {
            out.extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
        }
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for &(c, main) in &self.cands {
            let (kind, i) = match c {
                Cand::Country(i) => (0u32, i),
                Cand::Place(i) => (1, i),
                Cand::Region(i) => (2, i),
            };
            if i > MAX_INDEX {
                return None;
            }
            out.extend_from_slice(&(kind << 30 | u32::from(main) << 29 | i as u32).to_le_bytes());
        }
        Some(out)
    }

    /// Read an index written by [`NameIndex::encode`] for these record counts: `None` when the
    /// bytes are not one, or were built for other data (the caller then builds it).
    pub fn decode(bytes: &[u8], counts: [usize; 3]) -> Option<NameIndex> {
        let word = |i: usize| -> Option<u32> {
            let b = bytes.get(i..i + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        if bytes.get(..4)? != MAGIC || word(4)? != VERSION {
            return None;
        }
        for (k, n) in counts.iter().enumerate() {
            if word(8 + 4 * k)? as usize != *n {
                return None;
            }
        }
        let n = word(20)? as usize;
        let keys_at = 24;
        let cands_at = keys_at + n.checked_mul(8)?;
        if bytes.len() != cands_at.checked_add(n.checked_mul(4)?)? {
            return None;
        }
        let keys: Vec<u64> = bytes[keys_at..cands_at]
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            .collect();
        let mut cands = Vec::with_capacity(n);
        for b in bytes[cands_at..].chunks_exact(4) {
            let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let i = (v & MAX_INDEX as u32) as usize;
            let c = match v >> 30 {
                0 if i < counts[0] => Cand::Country(i),
                1 if i < counts[2] => Cand::Place(i),
                2 if i < counts[1] => Cand::Region(i),
                _ => return None,
            };
            cands.push((c, v >> 29 & 1 == 1));
        }
        if keys.windows(2).any(|w| w[0] > w[1]) {
            return None;
        }
        Some(NameIndex { keys, cands })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arabic_article_is_dropped_only_before_a_name() {
        assert_eq!(without_article("Al Qāmishlī"), Some("Qāmishlī"));
        assert_eq!(without_article("al-Raqqa"), Some("Raqqa"));
        assert_eq!(without_article("Ash Shaykh Maskin"), Some("Shaykh Maskin"));
        for n in ["Alexandria", "Al", "El Po", "Los Angeles", "As-"] {
            assert_eq!(without_article(n), None, "{n}");
        }
    }

    #[test]
    fn places_of_arab_countries_are_found_without_their_article() {
        let g = crate::test_support::gazetteer();
        let countries = |name: &str| -> Vec<&str> {
            g.index
                .get(name)
                .iter()
                .filter_map(|(c, _)| match c {
                    Cand::Place(i) => Some(g.places[*i].iso3),
                    _ => None,
                })
                .collect()
        };
        // GeoNames writes "Al Qāmishlī"; news writes Qamishli or al-Qamishli
        assert!(
            countries("Qamishli").contains(&"SYR"),
            "{:?}",
            countries("Qamishli")
        );
        assert!(countries("al-Qamishli").contains(&"SYR"));
        // outside the Arab League the article stays part of the name
        assert!(!countries("Paso").contains(&"USA"));
    }

    #[test]
    fn lower_bound_agrees_with_binary_search() {
        // hashes as the index holds them (with repeats: names of several candidates), and
        // skewed keys, which interpolation guesses badly
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut even: Vec<u64> = (0..5_000).map(|_| next()).collect();
        even.extend(even.clone().iter().step_by(7));
        even.sort_unstable();
        let skewed: Vec<u64> = (0..3_000u64).map(|i| i * i * i).collect();
        for keys in [even, skewed, vec![], vec![5], vec![5, 5, 5]] {
            let mut queries: Vec<u64> = vec![0, 1, u64::MAX, u64::MAX - 1];
            for &k in &keys {
                queries.extend([k, k.wrapping_sub(1), k.wrapping_add(1)]);
            }
            queries.extend((0..2_000).map(|_| next()));
            for q in queries {
                assert_eq!(
                    lower_bound(&keys, q),
                    keys.partition_point(|&k| k < q),
                    "query {q}"
                );
            }
        }
    }
}
