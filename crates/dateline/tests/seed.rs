//! The seed article, read and coded as a careful analyst would (issue #2's list). Reads the
//! seed from ../shared when it is there; skips cleanly when it is not (a user's clone).

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// The seed article (`../shared`; tests that read it are ignored, with the reason, when the
/// shared data is absent: see build.rs).
fn seed() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_7df3b8118e5f3dc4.txt");
    assert!(p.exists(), "{}: missing", p.display());
    p
}

fn run(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("run dateline");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    serde_json::from_str(text.lines().next().expect("one line")).expect("json")
}

fn arr<'a>(d: &'a Value, k: &str) -> &'a Vec<Value> {
    d[k].as_array().unwrap_or_else(|| panic!("no array {k}"))
}

#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared, absent in this clone")]
fn seed_article_metadata_and_body() {
    let seed = seed();
    let d = run(&["read", "--format", "jsonl", seed.to_str().unwrap()]);
    let a = &d["article"];
    // expected values are read from the seed's own Markdown, so no article text is copied here
    let raw = std::fs::read_to_string(&seed).expect("seed");
    let headline = raw
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .expect("a # headline");
    assert_eq!(a["title"], headline);
    assert_eq!(a["byline"][0], "Reuters");
    assert_eq!(a["published"], "2018-05-18");
    assert_eq!(a["outlet"], "themoscowtimes.com");
    let url = raw
        .lines()
        .find_map(|l| l.strip_prefix('<').and_then(|l| l.strip_suffix('>')))
        .expect("an <url> footer");
    assert_eq!(a["url"], url);
    assert_eq!(a["credits"][0], "Kremlin.ru");
    let rel: Vec<&str> = arr(a, "related")
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(rel.len(), 2);
    let related = raw
        .lines()
        .find_map(|l| l.strip_prefix("**Related article:** ["))
        .and_then(|l| l.split(" \\(").next())
        .expect("a related-article line");
    assert!(rel[0].starts_with(related), "{rel:?} vs {related:?}");
    let body = d["body"].as_str().unwrap();
    assert!(body.starts_with("Syrian President Bashar al-Assad"));
    assert!(body.contains("new term as president, after"));
    for bad in [
        "Kremlin.ru",
        "Related article",
        "Original url",
        "**",
        "](#)",
    ] {
        assert!(!body.contains(bad), "{bad} in body");
    }
}

#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared, absent in this clone")]
fn seed_article_coded() {
    let seed = seed();
    let d = run(&["code", "--format", "jsonl", seed.to_str().unwrap()]);
    let body = d["body"].as_str().unwrap().as_bytes();
    // offsets hold for every annotation
    for k in ["entities", "times", "places", "quotes"] {
        for x in arr(&d, k) {
            let (s, e) = (
                x["start"].as_u64().unwrap() as usize,
                x["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&body[s..e]).unwrap(),
                x["text"].as_str().unwrap(),
                "{k}"
            );
        }
    }
    // entities
    let ents = arr(&d, "entities");
    let has = |text: &str, ty: &str| ents.iter().any(|e| e["text"] == text && e["type"] == ty);
    for (t, ty) in [
        ("Bashar al-Assad", "PERSON"),
        ("Vladimir Putin", "PERSON"),
        ("Dmitry Peskov", "PERSON"),
        ("Syria", "GPE"),
        ("Russia", "GPE"),
        ("Sochi", "GPE"),
        ("Moscow", "GPE"),
        ("United States", "GPE"),
        ("Black Sea", "LOC"),
        ("Middle East", "LOC"),
        ("Kremlin", "ORG"),
        ("Syrian", "NORP"),
        ("Russian", "NORP"),
    ] {
        assert!(has(t, ty), "missing entity {t} {ty}");
    }
    for e in ents.iter().filter(|e| e["text"] == "Assad") {
        assert_eq!(e["type"], "PERSON");
        assert_eq!(e["canonical"], "Bashar al-Assad");
    }
    // times
    let times = arr(&d, "times");
    let tv = |text: &str| -> Vec<&str> {
        times
            .iter()
            .filter(|t| t["text"] == text)
            .map(|t| t["value"].as_str().unwrap_or(""))
            .collect()
    };
    assert_eq!(tv("Thursday"), vec!["2018-05-17", "2018-05-17"]);
    assert_eq!(tv("March"), vec!["2018-03"]);
    assert_eq!(tv("2011"), vec!["2011"]);
    assert_eq!(tv("2015"), vec!["2015"]);
    assert_eq!(tv("November last year"), vec!["2017-11"]);
    assert_eq!(tv("October 2015"), vec!["2015-10"]);
    // places
    let places = arr(&d, "places");
    for name in ["Sochi", "Moscow"] {
        let p = places
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no place {name}"));
        assert_eq!(p["country"], "RUS");
        assert!(p["lat"].as_f64().unwrap() > 40.0 && p["geonameid"].as_u64().is_some());
    }
    // quotes
    let quotes = arr(&d, "quotes");
    let direct: Vec<&Value> = quotes.iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 5);
    let who: Vec<&str> = direct
        .iter()
        .map(|q| q["speaker"]["canonical"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(
        who,
        vec![
            "Bashar al-Assad",
            "Bashar al-Assad",
            "Bashar al-Assad",
            "Vladimir Putin",
            "Vladimir Putin"
        ]
    );
    assert!(direct[1]["text"]
        .as_str()
        .unwrap()
        .starts_with("I have always said"));
    assert!(direct[4]["text"]
        .as_str()
        .unwrap()
        .starts_with("And of course now"));
    assert!(quotes
        .iter()
        .any(|q| q["kind"] == "indirect" && q["speaker"]["canonical"] == "Dmitry Peskov"));
    // events
    let evs = arr(&d, "events");
    let code = |a: &Value| a["code"].as_str().unwrap_or("").to_string();
    let find = |cameo: &str, src: &str, tgt: &str| -> Vec<&Value> {
        evs.iter()
            .filter(|e| e["cameo"].as_str().unwrap().starts_with(cameo))
            .filter(|e| code(&e["source"]).starts_with(src) && code(&e["target"]).starts_with(tgt))
            .filter(|e| e["negated"] == false)
            .collect()
    };
    let visit = find("042", "SYR", "RUS");
    let now = visit
        .iter()
        .find(|e| e["date"] == "2018-05-17")
        .expect("the visit on Thursday");
    assert_eq!(now["place"]["name"], "Sochi");
    assert_eq!(now["plover"], "CONSULT");
    assert!(
        visit.iter().any(|e| e["date"] == "2017-11"),
        "the November visit"
    );
    assert!(
        visit
            .iter()
            .any(|e| e["date"] == "2015-10" && e["place"]["name"] == "Moscow"),
        "the October 2015 visit"
    );
    assert!(!find("043", "RUS", "SYR").is_empty(), "Putin hosts");
    assert!(
        !find("04", "SYR", "RUS").iter().all(|e| e["cameo"] == "042"),
        "talks"
    );
    assert!(
        !find("051", "SYR", "RUSGOV").is_empty(),
        "Assad praises Putin"
    );
    assert!(
        !find("051", "SYR", "RUSMIL").is_empty(),
        "Assad thanks the Russian military"
    );
    assert!(
        !find("051", "RUS", "SYR").is_empty(),
        "Putin praises the Syrian leader"
    );
    assert!(
        !find("111", "USA", "RUS").is_empty(),
        "the United States criticise Russia"
    );
    let war = find("19", "RUS", "");
    assert!(
        war.iter().any(|e| e["date"] == "2015"),
        "Russia's intervention in 2015"
    );
    // the denial is not an attack: nothing coded in a sentence that says "never" is asserted
    for e in evs {
        if e["evidence"].as_str().unwrap().contains(" never ") {
            assert_eq!(e["negated"], true, "{e}");
        }
    }
    for e in evs {
        let ev = e["evidence"].as_str().unwrap();
        let [s, t] = [
            e["sentence"][0].as_u64().unwrap() as usize,
            e["sentence"][1].as_u64().unwrap() as usize,
        ];
        assert_eq!(std::str::from_utf8(&body[s..t]).unwrap(), ev);
    }
}

/// Every real news text in ../shared (PolNeAR train and dev) goes through `code` without a
/// failure, and every offset holds. Catches panics on real text that unit tests miss.
#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared, absent in this clone")]
fn real_news_corpora_code_cleanly() {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/quotes");
    let dirs: Vec<PathBuf> = ["polnear-dev/text", "polnear-train/text"]
        .iter()
        .map(|d| base.join(d))
        .filter(|d| d.exists())
        .collect();
    assert!(!dirs.is_empty(), "{}: no PolNeAR texts", base.display());
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "code",
            "--format",
            "jsonl",
            "--input-format",
            "text",
            "--published",
            "2016-10-01",
        ])
        .args(&dirs)
        .output()
        .expect("run dateline");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut n = 0;
    for line in text.lines() {
        let d: Value = serde_json::from_str(line).expect("json");
        let body = d["body"].as_str().unwrap().as_bytes();
        for k in ["entities", "times", "places", "quotes"] {
            for x in arr(&d, k) {
                let (s, e) = (
                    x["start"].as_u64().unwrap() as usize,
                    x["end"].as_u64().unwrap() as usize,
                );
                let span = std::str::from_utf8(&body[s..e]).unwrap();
                let none = Vec::new();
                let parts = x["parts"].as_array().unwrap_or(&none);
                if parts.len() > 1 && span != x["text"].as_str().unwrap() {
                    // fragments of one quote split by the attribution: the text is its parts,
                    // inside the span (quoted words of a reported clause: the span)
                    let words: Vec<&str> = parts
                        .iter()
                        .map(|p| {
                            let (a, b) = (
                                p[0].as_u64().unwrap() as usize,
                                p[1].as_u64().unwrap() as usize,
                            );
                            assert!(s <= a && a <= b && b <= e);
                            std::str::from_utf8(&body[a..b]).unwrap().trim()
                        })
                        .collect();
                    assert_eq!(words.join(" "), x["text"].as_str().unwrap());
                } else {
                    assert_eq!(span, x["text"].as_str().unwrap());
                }
            }
        }
        n += 1;
    }
    assert!(n >= 84);
}
