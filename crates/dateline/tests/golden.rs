//! Golden tests: short texts in our own words (`tests/golden/STAGE/NAME.txt`, a `published:`
//! line, a blank line, the text) and what each stage makes of them (`NAME.expected`), one test
//! per text. They pin down behaviour, right or wrong, so that a change shows what it changes;
//! accuracy is measured on gold data, not here. After a deliberate change, regenerate with
//! `UPDATE_EXPECT=1 cargo test -p dateline --test golden` and read the diff before committing.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn pipeline() -> &'static dateline_code::Pipeline {
    static P: OnceLock<dateline_code::Pipeline> = OnceLock::new();
    P.get_or_init(|| dateline_code::Pipeline::new().expect("the bundled knowledge loads"))
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Code a golden text and render one stage's annotations, one per line.
fn annotate(stage: &str, name: &str) -> String {
    let path = dir().join(stage).join(format!("{name}.txt"));
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (head, text) = raw
        .split_once("\n\n")
        .expect("a published: line, a blank line, the text");
    let published = head
        .strip_prefix("published: ")
        .expect("published: YYYY-MM-DD");
    let opts = dateline_read::ReadOptions {
        format: dateline_read::InputFormat::Text,
        published: Some(published.trim().to_string()),
        ..Default::default()
    };
    let read = dateline_read::read(name, text.as_bytes(), &opts);
    let doc = match read.into_iter().next() {
        Some(Ok(d)) => pipeline().run(d),
        other => panic!("{name}: not read: {other:?}"),
    };
    let d = serde_json::to_value(&doc).expect("json");
    let rows: Vec<String> = d[stage]
        .as_array()
        .map(|a| a.iter().map(|x| render(stage, x)).collect())
        .unwrap_or_default();
    let mut out = rows.join("\n");
    out.push('\n');
    out
}

/// A JSON value as a short cell: strings bare, null as `-`, numbers as written.
fn s(v: &Value) -> String {
    match v {
        Value::Null => "-".into(),
        Value::String(x) => x.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => format!("{f:.2}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// An actor or speaker: its code or canonical name, else its text.
fn who(v: &Value) -> String {
    if v.is_null() {
        return "-".into();
    }
    let name = if v["canonical"].is_string() {
        &v["canonical"]
    } else {
        &v["text"]
    };
    match &v["code"] {
        Value::String(c) => format!("{} ({c})", s(name)),
        _ => s(name),
    }
}

fn render(stage: &str, x: &Value) -> String {
    match stage {
        "entities" => format!(
            "{} | {} | {}",
            s(&x["text"]),
            s(&x["type"]),
            s(&x["canonical"])
        ),
        "times" => format!("{} | {} | {}", s(&x["text"]), s(&x["type"]), s(&x["value"])),
        "places" => format!(
            "{} | {}, {} ({}) {},{} | via {}",
            s(&x["text"]),
            s(&x["name"]),
            s(&x["country"]),
            s(&x["feature"]),
            s(&x["lat"]),
            s(&x["lon"]),
            s(&x["via"])
        ),
        "quotes" => format!(
            "{} | {} | {} | {}",
            s(&x["kind"]),
            who(&x["speaker"]),
            s(&x["cue"]),
            s(&x["text"])
        ),
        "events" => format!(
            "{} {} | {} -> {} | {} ({}) | at {} | mode {}",
            s(&x["cameo"]),
            s(&x["plover"]),
            who(&x["source"]),
            who(&x["target"]),
            s(&x["date"]),
            s(&x["date_source"]),
            s(&x["place"]["name"]),
            s(&x["mode"])
        ),
        _ => x.to_string(),
    }
}

fn check(stage: &str, name: &str) {
    let got = annotate(stage, name);
    expect_test::expect_file![dir().join(stage).join(format!("{name}.expected"))].assert_eq(&got);
}

macro_rules! golden {
    ($($stage:ident: [$($name:ident),* $(,)?]),* $(,)?) => {
        $(mod $stage { $(#[test] fn $name() { super::check(stringify!($stage), stringify!($name)); })* })*
        /// Every text in tests/golden has its test (a new file is not silently left out).
        const LISTED: &[(&str, &[&str])] = &[$((stringify!($stage), &[$(stringify!($name)),*])),*];
    };
}

golden! {
    entities: [ministers_and_firms, acronyms_and_agencies, nationalities_and_groups, repeated_surnames],
    times: [deictic_days, dates_and_durations, quarters_and_years, clocks_and_parts_of_day],
    places: [capitals_and_countries, qualified_towns, regions_and_demonyms, metonymy_and_organisations],
    quotes: [direct_with_said, speaker_first, indirect_reports, partial_quotes],
    events: [visits_and_talks, violence_and_arrests, protests_and_demands, aid_and_sanctions, threats_and_accusations],
}

#[test]
fn every_golden_text_has_a_test() {
    for entry in std::fs::read_dir(dir()).expect("tests/golden") {
        let stage_dir = entry.expect("entry").path();
        let stage = stage_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let listed = LISTED
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, names)| *names)
            .unwrap_or_else(|| panic!("tests/golden/{stage}: no golden! entry for this stage"));
        for f in std::fs::read_dir(&stage_dir).expect("stage dir") {
            let p = f.expect("file").path();
            if p.extension().and_then(|e| e.to_str()) == Some("txt") {
                let name = p.file_stem().and_then(|n| n.to_str()).unwrap_or("");
                assert!(listed.contains(&name), "{}: add it to golden!", p.display());
                assert!(
                    p.with_extension("expected").exists(),
                    "{}: no .expected",
                    p.display()
                );
            }
        }
    }
}
