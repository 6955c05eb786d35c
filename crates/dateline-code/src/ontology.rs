//! CAMEO event codes with their Goldstein scores, quad classes and PLOVER equivalents.
//!
//! PLOVER comes from the CAMEO-to-PLOVER table of the PLOVER project (`cameo2plover.txt`,
//! CC BY-SA 4.0): `CODE: TYPE, mode, context # description`. A code missing from the table
//! takes its parent's row (`0231` -> `023` -> `02`). Goldstein values come from GDELT's lookup
//! table (`goldstein.tsv`). `plover-overrides.txt` (loaded first, so it wins) separates FIGHT
//! (CAMEO 19) from ASSAULT as PLOVER's own definitions do, and, as the PLOVER README's
//! category table does, keeps INVESTIGATE (CAMEO 09) a type of its own, gives appeals (CAMEO
//! 02, missing from the table) REQUEST and sanctions (163) SANCTION.

use dateline_core::PloverMode;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct PloverRow {
    pub kind: String,
    pub mode: Option<PloverMode>,
    pub context: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Ontology {
    pub plover: HashMap<String, PloverRow>,
    pub goldstein: HashMap<String, f64>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl Ontology {
    pub fn bundled() -> Ontology {
        let mut o = Ontology::default();
        o.load_plover(include_str!("../data/events/plover-overrides.txt"));
        o.load_plover(include_str!("../data/events/cameo2plover.txt"));
        o.load_goldstein(include_str!("../data/events/goldstein.tsv"));
        o
    }

    pub fn load_plover(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((code, rest)) = line.split_once(':') else {
                continue;
            };
            let code = code.trim();
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let mut parts = rest.split(',');
            let Some(kind) = parts.next().and_then(opt) else {
                continue;
            };
            let mode = parts
                .next()
                .and_then(opt)
                .and_then(|m| PloverMode::parse(&m));
            let context = parts.next().and_then(opt).map(|c| c.replace(' ', ""));
            // the first row for a code wins (the table lists "08" twice)
            self.plover.entry(code.to_string()).or_insert(PloverRow {
                kind,
                mode,
                context,
            });
        }
    }

    pub fn load_goldstein(&mut self, text: &str) {
        for line in text.lines() {
            let mut f = line.split('\t');
            let (Some(c), Some(v)) = (f.next(), f.next()) else {
                continue;
            };
            if let Ok(v) = v.trim().parse::<f64>() {
                self.goldstein.insert(c.trim().to_string(), v);
            }
        }
    }

    /// Whether a CAMEO code is one the codebook has: listed in the Goldstein or PLOVER
    /// table, or one digit under a listed code (the tables lack a few leaves of the
    /// codebook, such as 155 and 176). "999" and "0999" are unknown.
    pub fn knows(&self, cameo: &str) -> bool {
        let listed = |c: &str| self.goldstein.contains_key(c) || self.plover.contains_key(c);
        cameo.len() >= 2
            && cameo.bytes().all(|b| b.is_ascii_digit())
            && (listed(cameo) || cameo.len() >= 3 && listed(&cameo[..cameo.len() - 1]))
    }

    /// The PLOVER row for a CAMEO code, walking up to its parents.
    pub fn plover_of(&self, cameo: &str) -> Option<&PloverRow> {
        let mut c = cameo;
        while c.len() >= 2 {
            if let Some(r) = self.plover.get(c) {
                return Some(r);
            }
            c = &c[..c.len() - 1];
        }
        None
    }

    pub fn goldstein_of(&self, cameo: &str) -> f64 {
        let mut c = cameo;
        while c.len() >= 2 {
            if let Some(v) = self.goldstein.get(c) {
                return *v;
            }
            c = &c[..c.len() - 1];
        }
        0.0
    }
}

/// GDELT's quad class: 1 verbal cooperation (01-05), 2 material cooperation (06-09),
/// 3 verbal conflict (10-14), 4 material conflict (15-20).
pub fn quad_class(cameo: &str) -> u8 {
    match cameo.get(0..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=9) => 2,
        Some(10..=14) => 3,
        Some(15..=20) => 4,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plover_types_by_cameo_code() {
        let o = Ontology::bundled();
        let cases = [
            ("042", "CONSULT"),
            ("111", "ACCUSE"),
            // dateline's overrides: appeals are requests, sanctions SANCTION, CAMEO 19 FIGHT
            ("020", "REQUEST"),
            ("0233", "REQUEST"),
            ("163", "SANCTION"),
            ("190", "FIGHT"),
            ("0874", "RETREAT"),
            ("180", "ASSAULT"),
            ("1712", "COERCE"),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(code, want)| {
                let got = o.plover_of(code).map(|r| r.kind.as_str());
                (got != Some(*want)).then(|| format!("{code}: {got:?}, want {want}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn plover_modes_and_contexts() {
        let o = Ontology::bundled();
        assert_eq!(
            o.plover_of("042").and_then(|r| r.mode),
            Some(PloverMode::Visit)
        );
        assert_eq!(
            o.plover_of("091")
                .map(|r| (r.kind.as_str(), r.context.as_deref())),
            Some(("INVESTIGATE", Some("crime;corruption")))
        );
    }

    #[test]
    fn goldstein_scores() {
        let o = Ontology::bundled();
        assert!((o.goldstein_of("042") - 1.9).abs() < 1e-9);
    }

    #[test]
    fn quad_classes() {
        let cases = [("190", 4), ("051", 1), ("090", 2), ("141", 3)];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(c, want)| quad_class(c) != *want)
            .map(|(c, want)| format!("{c}: {}, want {want}", quad_class(c)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn every_mode_in_the_bundled_tables_is_a_plover_mode() {
        let tables = [
            include_str!("../data/events/plover-overrides.txt"),
            include_str!("../data/events/cameo2plover.txt"),
        ];
        let unknown: Vec<String> = tables
            .iter()
            .flat_map(|t| t.lines())
            .filter_map(|l| {
                let (code, rest) = l.split('#').next()?.split_once(':')?;
                code.trim()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                    .then_some(())?;
                let mode = rest.split(',').nth(1)?.trim();
                (!mode.is_empty() && PloverMode::parse(mode).is_none()).then(|| mode.to_string())
            })
            .collect();
        assert!(unknown.is_empty(), "modes PloverMode lacks: {unknown:?}");
    }
}
