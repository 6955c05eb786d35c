//! CAMEO codes an event changes to after its pattern matched.
//!
//! - **Intent** ([`intent_code`]): cooperation only promised is CAMEO's intent to do it (03x:
//!   meet 036, diplomatic cooperation 032, material cooperation 031, aid 033, yield 035); a
//!   conflictual act announced is a threat of it (13x: reducing relations 1313, aid 1311,
//!   sanctions 1312, halting talks 134, mediation 135, expelling 136, restrictions 132,
//!   blockade 1381, occupation 1382, protest 133, else by [`threat_code`]).
//! - **Threats** ([`threat_code`]): force (18-20) 138, repression (17) 137, cutting
//!   relations or aid (16) 131, else 130.
//! - **Recoding** ([`recode`]) gives an event the PLOVER type and mode, Goldstein score and
//!   quad class of its new code and notes why in its rule (`+why`).

use super::Knowledge;
use crate::ontology::quad_class;
use dateline_core::{Event, EventMode};

/// The intent code for a cooperative action that is only promised: meet → 036, diplomatic
/// cooperation → 032, material cooperation → 031, aid → 033, yield → 035 (CAMEO's 03 root).
/// Other codes and asserted events keep their code.
pub fn intent_code(cameo: &str, mode: EventMode) -> String {
    if mode != EventMode::Intended {
        return cameo.to_string();
    }
    // a conflictual act announced is a threat of it (CAMEO 13: statements of intent to carry
    // out conflictual actions): "would boycott" 1312, "will withdraw inspectors" 136
    let threat = match cameo {
        "160" | "161" => Some("1313"),
        "162" | "1621" | "1622" | "1623" => Some("1311"),
        "163" => Some("1312"),
        "164" => Some("134"),
        "165" => Some("135"),
        c if c.starts_with("166") => Some("136"),
        "172" => Some("132"),
        "191" => Some("1381"),
        "192" => Some("1382"),
        c if c.starts_with("14") => Some("133"),
        c if matches!(c.get(0..2), Some("16" | "17" | "18" | "19" | "20")) => Some(threat_code(c)),
        _ => None,
    };
    if let Some(t) = threat {
        return t.to_string();
    }
    match cameo.get(0..2) {
        Some("04") => "036",
        Some("05") => "032",
        Some("06") => "031",
        Some("07") => "033",
        Some("08") => "035",
        _ => cameo,
    }
    .to_string()
}

/// Give an event another CAMEO code, with the PLOVER type, Goldstein score and quad class
/// that go with it.
pub(super) fn recode(k: &Knowledge, e: &mut Event, cameo: &str, why: &str) {
    let p = k.ontology.plover_of(cameo);
    e.cameo = cameo.to_string();
    e.plover = p.map(|r| r.kind.clone());
    e.plover_mode = p.and_then(|r| r.mode);
    e.plover_context = p.and_then(|r| r.context.clone());
    e.quad_class = quad_class(cameo);
    e.goldstein = k.ontology.goldstein_of(cameo);
    if let Some(r) = &mut e.rule {
        r.push_str(&format!(" +{why}"));
    }
}

/// The threat that matches what is threatened: force (18-20) 138, repression (17) 137,
/// cutting relations or aid (16) 131, else 130.
pub(super) fn threat_code(threatened: &str) -> &'static str {
    match threatened.get(..2) {
        Some("18" | "19" | "20") => "138",
        Some("17") => "137",
        Some("16") => "131",
        _ => "130",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    #[test]
    fn intent_codes() {
        use EventMode::{Asserted, Intended};
        let cases = [
            // promised cooperation is an intent
            ("073", Intended, "033"),
            ("042", Intended, "036"),
            ("073", Asserted, "073"),
            // a conflictual act announced is a threat of it
            ("190", Intended, "138"),
            ("163", Intended, "1312"),
            ("1662", Intended, "136"),
            ("190", Asserted, "190"),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(c, m, want)| intent_code(c, *m) != *want)
            .map(|(c, m, want)| format!("{c} {m:?}: {} (want {want})", intent_code(c, *m)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn promised_aid_is_coded_as_an_intent_and_given_aid_as_aid() {
        let p = Pipeline::new().unwrap();
        let d = dateline_core::Document::new(
            "t",
            dateline_core::Article {
                published: Some("2001-02-03".into()),
                ..Default::default()
            },
            "Finland will provide Tanzania with food aid. Finland provided Kenya with food aid."
                .into(),
        );
        let evs = p.run(d).events.unwrap_or_default();
        let codes: Vec<(&str, &str)> = evs
            .iter()
            .map(|e| {
                (
                    e.cameo.as_str(),
                    e.target
                        .as_ref()
                        .and_then(|a| a.code.as_deref())
                        .unwrap_or(""),
                )
            })
            .collect();
        assert!(codes.contains(&("033", "TZA")), "{codes:?}");
        assert!(
            codes
                .iter()
                .any(|(c, t)| c.starts_with("07") && *t == "KEN"),
            "{codes:?}"
        );
    }
}
