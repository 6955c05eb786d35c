//! End-to-end behaviour of the `dateline` binary on files the tests write themselves.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dateline-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbour-talks.md")
}

#[test]
fn bundled_example_is_coded() {
    let out = bin()
        .args(["code", "--format", "jsonl"])
        .arg(example())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = &lines(&out.stdout)[0];
    assert_eq!(d["schema"], "dateline.article/1");
    assert_eq!(d["article"]["published"], "2024-03-14");
    assert_eq!(d["article"]["outlet"], "news.example.org");
    let evs = d["events"].as_array().unwrap();
    assert!(
        evs.iter().any(|e| e["cameo"] == "042"
            && e["source"]["code"]
                .as_str()
                .unwrap_or("")
                .starts_with("KEN")),
        "Ruto's visit: {evs:#?}"
    );
    // the article's "President William Ruto" outranks the dictionary's 2010 ministry role
    let ruto: Vec<&str> = evs
        .iter()
        .flat_map(|e| [&e["source"], &e["target"]])
        .filter(|a| a["canonical"].as_str().is_some_and(|c| c.contains("Ruto")))
        .filter_map(|a| a["code"].as_str())
        .collect();
    assert!(
        !ruto.is_empty() && ruto.iter().all(|&c| c == "KENGOV"),
        "{ruto:?}"
    );
    let quotes = d["quotes"].as_array().unwrap();
    assert!(quotes
        .iter()
        .any(|q| q["kind"] == "direct" && q["speaker"]["canonical"] == "William Ruto"));
    // pretty output on request
    let out = bin()
        .args(["code", "--format", "pretty"])
        .arg(example())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("event:") && text.contains("Kenya"), "{text}");
}

#[test]
fn output_is_deterministic_and_in_input_order() {
    let dir = tmpdir("order");
    for i in 0..20 {
        std::fs::write(
            dir.join(format!("a{i:02}.txt")),
            format!("Article {i}. Kenya criticized Uganda on Monday.\n"),
        )
        .unwrap();
    }
    let run = || {
        bin()
            .args(["code", "--format", "jsonl", "--published", "2020-01-08"])
            .arg(&dir)
            .output()
            .unwrap()
    };
    let (a, b) = (run(), run());
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout, "same input, same bytes");
    let docs = lines(&a.stdout);
    assert_eq!(docs.len(), 20);
    for (i, d) in docs.iter().enumerate() {
        assert!(d["source"]
            .as_str()
            .unwrap()
            .ends_with(&format!("a{i:02}.txt")));
        assert_eq!(d["times"][0]["value"], "2020-01-06");
    }
}

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = tmpdir("bad");
    std::fs::write(dir.join("1-good.txt"), "Kenya criticized Uganda.").unwrap();
    std::fs::write(dir.join("2-binary.dat"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(dir.join("3-empty.txt"), "").unwrap();
    std::fs::write(dir.join("4-latin1.txt"), b"caf\xe9 au lait").unwrap();
    std::fs::write(dir.join("5-good.txt"), "Uganda praised Kenya.").unwrap();
    let out = bin()
        .args(["code", "--format", "jsonl"])
        .arg(&dir)
        .arg(dir.join("2-binary.dat"))
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 6);
    let errs: Vec<bool> = docs.iter().map(|d| d["error"].is_string()).collect();
    // in the directory the binary file is skipped and the Latin-1 one decoded (issue 20);
    // named on the command line, the binary file is an error
    assert_eq!(errs, vec![false, true, false, false, true, true]);
    assert_eq!(docs[2]["body"], "café au lait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 file skipped: not articles"), "{stderr}");
    assert!(
        stderr.contains("2-binary.dat") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
}

#[test]
fn jsonl_stdin_one_output_per_line() {
    let input = "{\"id\": \"a\", \"text\": \"Kenya criticized Uganda.\"}\n{broken\n{\"id\": \"c\", \"html\": \"<html><body><article><p>Uganda praised Kenya for its help after the floods, officials in Kampala said on Monday in a statement.</p></article></body></html>\"}\n";
    let out = code_jsonl_output(input);
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[0]["body"], "Kenya criticized Uganda.");
    assert!(docs[1]["error"].as_str().unwrap().contains("-:2"));
    assert_eq!(docs[2]["id"], "c");
    assert!(docs[2]["body"]
        .as_str()
        .unwrap()
        .contains("Uganda praised Kenya"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn hostile_inputs_do_not_crash() {
    let dir = tmpdir("hostile");
    let big_sentence = "word ".repeat(200_000);
    let quotes = "\"a ".repeat(20_000);
    let caps = "THE PRESIDENT OF RUSSIA MET THE KING OF JORDAN IN AMMAN ON TUESDAY. ".repeat(50);
    let nested = "<div>".repeat(20_000);
    std::fs::write(dir.join("big.txt"), big_sentence).unwrap();
    std::fs::write(dir.join("quotes.txt"), quotes).unwrap();
    std::fs::write(dir.join("caps.txt"), caps).unwrap();
    std::fs::write(dir.join("nested.html"), nested).unwrap();
    std::fs::write(
        dir.join("cjk.txt"),
        "普京在索契会见了阿萨德。“稳定正在改善，”他说。",
    )
    .unwrap();
    // place-name shapes the resolver reads specially (hyphens, party tags, datelines, counties,
    // initials), shuffled into nonsense by a fixed generator
    let pieces = [
        "Paris-Henry",
        "County",
        "Boone",
        "HAMILTON",
        "—",
        "-",
        "R-",
        "DFL-Cook",
        ",",
        "(R-Ky.)",
        "Mass.",
        "Fargo-Moorhead",
        "EU-Canada",
        "Smith-Jones",
        "Far",
        "North",
        "of",
        "Manitoba",
        "WASHINGTON",
        "(AP)",
        "Springfield",
        "Police",
        "in",
        "Maryville",
        "M.",
        "Bell",
        "’s",
        "é",
        "\n",
        ". ",
        "Lancaster",
        "-County",
        "County-",
        "--",
        "Paris-",
        "-Henry",
        "X.",
        // shapes of session 15's rules: initials before abbreviations, "City", landmarks,
        // airports, first names, fractions, days by reference, organisations' names
        "W.",
        "Va",
        "City",
        "Quebec",
        "White House",
        "said",
        "Heathrow",
        "Airport",
        "Georgia",
        "Stevens",
        "Avondale",
        "Estates",
        "State of",
        "Ohio",
        "Metropolitan",
        "West",
        "Virginia",
        "1/2",
        "½",
        "the next morning",
        "twenty-five",
        "-long",
        "post-",
        "Superior Court",
        "South Ossetian",
        "Montréal",
        // session 16: saints, "Gulf of", names run on before a hyphen, quarters, deadlines,
        // repeated weekdays, bare abbreviations, civic bodies, capitals joined by a hyphen
        "St.",
        "Ste",
        "Mt",
        "church of",
        "Saint",
        "Gulf",
        "of",
        "San",
        "Jose-based",
        "North Side",
        "until",
        "given",
        "each",
        "Thursday",
        "Sundays",
        "Sun",
        "Jan",
        "Hospital",
        "Washington-Moscow",
        "Vt.",
        "&",
        "CO.",
        "Co.",
        "'s",
        "’",
        "Champs-Elysees",
        "(Reuters)",
        "twenty",
        "and a half",
        "half of",
        // session 17: days either side of a date, second days, months by reference, report
        // quarters, clocks with zones, decades with an apostrophe
        "the day before",
        "the week of",
        "April 24 and",
        "25",
        "to 5, 1999",
        "the following month",
        "the year ended",
        "Q3",
        "3Q18",
        "FY19",
        "0400",
        "GMT",
        "(1200 GMT)",
        "'80s",
        "fortnight",
        "each July",
        "nights",
        "10pm",
        "10.30pm",
        "22:00",
        "at",
        "by year-end",
        "the meeting",
        "Russia's entry",
    ];
    let mut seed: u64 = 7;
    let mut places = String::new();
    for _ in 0..20_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        places.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        if seed & 1 == 0 {
            places.push(' ');
        }
    }
    std::fs::write(dir.join("places.txt"), places).unwrap();
    let out = bin()
        .args(["code", "--format", "jsonl"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "killed by a signal");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 6);
}

#[test]
fn published_must_be_a_date() {
    let out = bin()
        .args(["code", "--published", "2018-02-31", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2018-02-31"));
}

#[test]
fn line_separators_stay_inside_one_output_line() {
    let body = "Kenya criticized Uganda.\u{2028}Uganda\u{0085}praised\u{2029}Kenya.";
    let input = serde_json::json!({"id": "x", "text": body}).to_string() + "\n";
    let text = String::from_utf8(code_jsonl_bytes(&input)).unwrap();
    assert_eq!(text.matches('\n').count(), 1);
    assert!(!text.contains('\u{2028}') && !text.contains('\u{0085}'));
    let d: Value = serde_json::from_str(text.trim_end()).unwrap();
    assert_eq!(d["body"], body);
}

fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-01-02T03:04:05Z\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

#[test]
fn warc_gz_archives_and_feeds_are_read() {
    let dir = tmpdir("warc");
    let page = |t: &str| {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>{t}</title></head><body><article><p>Kenya and Uganda agreed on Monday to reopen the border crossing for traders, officials in Nairobi said in a statement issued late in the evening.</p><p>The crossing had been closed for three weeks after clashes between herders in the area.</p></article></body></html>")
    };
    let records = [
        warc_record("warcinfo", "", "software: test"),
        warc_record("response", "https://news.example/one", &page("One")),
        warc_record(
            "response",
            "https://news.example/logo.png",
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
        ),
        warc_record("response", "https://news.example/two", &page("Two")),
    ];
    // one gzip member per record, as Common Crawl writes them
    let mut gz = Vec::new();
    for r in &records {
        let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        w.write_all(r.as_bytes()).unwrap();
        gz.extend(w.finish().unwrap());
    }
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, &gz).unwrap();
    let out = bin()
        .args(["read", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["article"]["url"], "https://news.example/one");
    assert_eq!(docs[1]["article"]["title"], "Two");
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 WARC records, 2 articles, 2 skipped"));
    // pages are extracted in parallel: same documents, same order, same counts on 1 and 2 threads
    let many: String = (0..40)
        .map(|i| match i % 4 {
            0 => warc_record(
                "request",
                "https://news.example/q",
                "GET / HTTP/1.1\r\n\r\n",
            ),
            _ => warc_record(
                "response",
                &format!("https://news.example/{i}"),
                &page(&format!("Page {i}")),
            ),
        })
        .collect();
    let big = dir.join("many.warc");
    std::fs::write(&big, many).unwrap();
    let run = |j: &str| {
        bin()
            .args(["read", "--format", "jsonl", "-j", j])
            .arg(&big)
            .output()
            .unwrap()
    };
    let (one, two) = (run("1"), run("2"));
    assert_eq!(one.stdout, two.stdout);
    let docs = lines(&two.stdout);
    assert_eq!(docs.len(), 30);
    assert_eq!(docs[29]["article"]["title"], "Page 39");
    assert!(
        String::from_utf8_lossy(&two.stderr).contains("40 WARC records, 30 articles, 10 skipped")
    );
    // a truncated archive: what came before the cut is read, the cut is reported
    let cut = dir.join("cut.warc.gz");
    std::fs::write(&cut, &gz[..gz.len() - 40]).unwrap();
    let out = bin()
        .args(["read", "--format", "jsonl"])
        .arg(&cut)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out.stdout);
    assert!(docs
        .iter()
        .any(|d| d["article"]["url"] == "https://news.example/one"));
    assert!(docs.last().unwrap()["error"].is_string());

    let rss = dir.join("feed.xml");
    std::fs::write(&rss, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>Border</title><link>https://w.example/b</link><description>Kenya criticized Uganda on Monday.</description></item></channel></rss>").unwrap();
    let out = bin()
        .args(["code", "--format", "jsonl", "--published", "2022-01-05"])
        .arg(&rss)
        .output()
        .unwrap();
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["article"]["outlet"], "Wire");
    assert_eq!(docs[0]["events"][0]["cameo"], "111");
}

#[test]
fn user_verb_files_add_patterns_and_bad_ones_stop_the_run_clearly() {
    let dir = tmpdir("verbs");
    let text = dir.join("a.txt");
    std::fs::write(&text, "Kenya airlifted medicine to Uganda on Monday.\n").unwrap();
    let run = |verbs: &std::path::Path| {
        bin()
            .args([
                "code",
                "--format",
                "jsonl",
                "--published",
                "2022-01-05",
                "--verbs",
            ])
            .arg(verbs)
            .arg(&text)
            .output()
            .unwrap()
    };
    // PETRARCH's format (written for this test)
    let petrarch = dir.join("verbs.txt");
    std::fs::write(
        &petrarch,
        "&DRUG\n+MEDICINE\n\n---  AIRLIFT   [---]  ---\nAIRLIFT\n- * &DRUG (TO +)   [073]  # AIRLIFT\n",
    )
    .unwrap();
    let out = run(&petrarch);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("verb patterns added"));
    let docs = lines(&out.stdout);
    let ev = &docs[0]["events"][0];
    assert_eq!(ev["cameo"], "073");
    assert_eq!(ev["target"]["code"], "UGA");
    // dateline's own format
    let own = dir.join("own.txt");
    std::fs::write(&own, "0233\t{airlift} medicine to $T\n").unwrap();
    let docs = lines(&run(&own).stdout);
    assert_eq!(docs[0]["events"][0]["cameo"], "0233");
    // a syntax error: the file and line are named, nothing is coded
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "073\t{airlift}\n07x\t{fly} aid\n").unwrap();
    let out = run(&bad);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt") && err.contains("line 2"), "{err}");
    let out = run(&dir.join("missing.txt"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    // a code no CAMEO table knows, in either format: named with its line, nothing coded
    for (name, text) in [
        ("typo.txt", "073\t{airlift}\n0999\t{fly} aid\n"),
        (
            "typo.verbs",
            "--- AIRLIFT   [---]\nAIRLIFT\n- * MEDICINE [9990]\n",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out = run(&path);
        assert!(!out.status.success() && out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(name) && err.contains("is no CAMEO code"),
            "{err}"
        );
    }
}

#[test]
fn training_leaves_out_feature_groups_on_request() {
    let dir = tmpdir("train");
    let conll = dir.join("tiny.conll");
    std::fs::write(
        &conll,
        "Ann NNP I-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\n".repeat(10),
    )
    .unwrap();
    let model = dir.join("m.bin");
    let run = |without: &str| {
        bin()
            .args([
                "train",
                "ner",
                "--epochs",
                "2",
                "--without",
                without,
                "--train",
            ])
            .arg(&conll)
            .arg("-o")
            .arg(&model)
            .output()
            .unwrap()
    };
    let out = run("start,doc-caps");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&model).unwrap();
    let header = String::from_utf8_lossy(&bytes[..bytes.iter().position(|&b| b == b'\n').unwrap()])
        .to_string();
    // two stages by default: the second has the non-local group
    assert!(header.starts_with("dateline-ner/2 "), "{header}");
    assert!(header.contains("stages=2 folds=5 features=word,affix,tags,context,bigrams,caps-sentence,neighbour-shape,gazetteer,clusters,non-local prune"), "{header}");
    // leaving the non-local group out leaves one stage
    let out = run("start,non-local");
    assert!(out.status.success());
    let bytes = std::fs::read(&model).unwrap();
    let header = String::from_utf8_lossy(&bytes[..bytes.iter().position(|&b| b == b'\n').unwrap()])
        .to_string();
    assert!(header.starts_with("dateline-ner/1 "), "{header}");
    assert!(header.contains("features=word,affix,tags,context,bigrams,caps-sentence,neighbour-shape,gazetteer,doc-caps,clusters prune"), "{header}");
    let out = run("bogus");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown feature group \"bogus\""));
}

#[test]
fn a_county_is_placed_at_its_centre_in_the_storys_state() {
    let input = "{\"id\": \"a\", \"text\": \"Deputies in Henry County arrested two men on Friday. Henry County Sheriff Monte Belew said the men were taken to the jail in Paris after a chase near Nashville.\"}\n";
    let docs = code_jsonl(input);
    let places = docs[0]["places"].as_array().unwrap();
    let county = places
        .iter()
        .find(|p| p["text"] == "Henry County")
        .expect("the county is a place");
    assert_eq!(county["admin1"], "TN", "{county}");
    assert_eq!(county["feature"], "ADM2");
    let (lat, lon) = (
        county["lat"].as_f64().unwrap(),
        county["lon"].as_f64().unwrap(),
    );
    assert!(
        (36.0..36.6).contains(&lat) && (-88.6..-88.0).contains(&lon),
        "{county}"
    );
    // never a person
    assert!(docs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["text"] != "Henry County" || e["type"] != "PERSON"));
}

#[test]
fn the_outlets_country_places_what_the_article_leaves_open() {
    let input = "{\"id\": \"a\", \"url\": \"https://www.cbc.ca/news/canada/stabbing\", \"text\": \"London police said a man was stabbed in an east-end bar.\"}\n{\"id\": \"b\", \"text\": \"London police said a man was stabbed in an east-end bar.\"}\n";
    let docs = code_jsonl(input);
    let country = |d: &Value| d["places"][0]["country"].as_str().unwrap_or("").to_string();
    assert_eq!(country(&docs[0]), "CAN", "{}", docs[0]["places"]);
    assert_eq!(country(&docs[1]), "GBR", "{}", docs[1]["places"]);
}

/// `dateline code` on JSONL input given on standard input: one output per line.
fn code_jsonl(input: &str) -> Vec<Value> {
    lines(&code_jsonl_bytes(input))
}

/// `dateline code` on JSONL input given on standard input: its standard output.
fn code_jsonl_bytes(input: &str) -> Vec<u8> {
    code_jsonl_output(input).stdout
}

/// `dateline code` on JSONL input given on standard input: its status and both outputs.
fn code_jsonl_output(input: &str) -> std::process::Output {
    let mut child = bin()
        .args(["code", "--input-format", "jsonl", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// `command` (`read`, `code`) on one file: its one JSON line and what it said on stderr.
fn one_file(command: &str, path: &std::path::Path, extra: &[&str]) -> (Value, String) {
    let out = bin()
        .args([command, "--format", "jsonl"])
        .args(extra)
        .arg(path)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    (lines(&out.stdout).remove(0), stderr)
}

/// `read` on one file, its one JSON line.
fn read_one(path: &std::path::Path, extra: &[&str]) -> Value {
    one_file("read", path, extra).0
}

#[test]
fn plain_text_is_dated_from_its_top_lines_or_its_path() {
    let d = tmpdir("dates");
    let body = "The ferry service resumed after the storm.\n";
    std::fs::create_dir_all(d.join("2019/03/07")).expect("mkdir");
    let by_path = d.join("2019/03/07/ferry.txt");
    std::fs::write(&by_path, body).expect("write");
    let by_line = d.join("ferry-line.txt");
    std::fs::write(&by_line, format!("Ferries back\n7 March 2019\n\n{body}")).expect("write");
    let wire = d.join("wire-2019.txt");
    std::fs::write(&wire, format!("HELSINKI, March 7 (Reuters) - {body}")).expect("write");
    let impossible = d.join("2019-13-45-ferry.txt");
    std::fs::write(&impossible, body).expect("write");
    for (path, date, source) in [
        (&by_path, "2019-03-07", "path"),
        (&by_line, "2019-03-07", "text"),
        (&wire, "2019-03-07", "text"),
    ] {
        let a = &read_one(path, &[])["article"];
        assert_eq!(a["published"], date, "{}", path.display());
        assert_eq!(a["published_source"], source, "{}", path.display());
    }
    let a = &read_one(&by_line, &["--published", "2020-01-01"])["article"];
    assert_eq!(
        (&a["published"], &a["published_source"]),
        (&"2020-01-01".into(), &"option".into())
    );
    let a = &read_one(&impossible, &[])["article"];
    assert!(
        a["published"].is_null() && a["published_source"].is_null(),
        "{a}"
    );
}

#[test]
fn a_windows_1252_text_file_is_decoded_not_refused() {
    let d = tmpdir("cp1252");
    let p = d.join("cafe.txt");
    std::fs::write(
        &p,
        b"The caf\xe9 on the quay reopened, the na\xefve owner said.\n",
    )
    .expect("write");
    let doc = read_one(&p, &[]);
    assert_eq!(
        doc["body"],
        "The café on the quay reopened, the naïve owner said.\n"
    );
    assert_eq!(doc["article"]["encoding"], "windows-1252");
    let bin_file = d.join("photo.txt");
    std::fs::write(&bin_file, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
    let out = bin()
        .args(["read", "--format", "jsonl"])
        .arg(&bin_file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn directories_skip_what_is_not_an_article_and_an_empty_one_is_an_error() {
    let d = tmpdir("dirskip");
    std::fs::write(
        d.join("story.txt"),
        "The harbour master resigned on Friday.\n",
    )
    .expect("write");
    std::fs::write(d.join("chart.png"), b"\x89PNG\r\n\x1a\n\x00\x00").expect("write");
    std::fs::write(d.join("figures.csv"), "port,ships\nOulu,3\n").expect("write");
    std::fs::write(d.join("notes"), b"\x00\x01\x02 not text").expect("write");
    let out = bin()
        .args(["read", "--format", "jsonl"])
        .arg(&d)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(lines(&out.stdout).len(), 1);
    assert!(stderr.contains("3 files skipped: not articles"), "{stderr}");
    let empty = tmpdir("dirempty");
    let out = bin()
        .args(["read", "--format", "jsonl"])
        .arg(&empty)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("empty directory"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn articles_not_in_english_keep_their_language_and_get_no_english_annotations() {
    let d = tmpdir("languages");
    std::fs::write(
        d.join("harbour.txt"),
        "The harbour master of Oulu resigned on Friday after a storm sank two ferries, \
         the city council said.\n",
    )
    .expect("write");
    std::fs::write(
        d.join("port.txt"),
        "Le capitaine du port de Marseille a démissionné vendredi après qu'une tempête a \
         coulé deux ferries, a indiqué le conseil municipal dans un communiqué publié le soir \
         même. Les habitants du quartier ont été évacués pendant la nuit par les pompiers.\n",
    )
    .expect("write");
    std::fs::write(
        d.join("hafen.html"),
        "<html lang=\"de-AT\"><head><title>Hafen</title></head><body><article><p>Der \
         Hafenmeister von Linz ist am Freitag zurückgetreten, nachdem ein Sturm zwei Fähren \
         versenkt hatte, teilte der Stadtrat mit.</p></article></body></html>",
    )
    .expect("write");
    let code = |extra: &[&str]| {
        let out = bin()
            .args(["code", "--format", "jsonl"])
            .args(extra)
            .arg(&d)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{stderr}");
        let docs = lines(&out.stdout);
        let by_lang = |l: &str| -> Value {
            docs.iter()
                .find(|doc| doc["article"]["language"] == l)
                .cloned()
                .unwrap_or_else(|| panic!("no article in {l}: {docs:#?}"))
        };
        (by_lang("en"), by_lang("fr"), by_lang("de"), stderr)
    };
    let (en, fr, de, stderr) = code(&[]);
    assert!(en["entities"].as_array().is_some_and(|e| !e.is_empty()));
    for doc in [&fr, &de] {
        assert!(
            doc.get("entities").is_none() && doc.get("events").is_none(),
            "{doc:#?}"
        );
        assert!(doc["body"]
            .as_str()
            .is_some_and(|b| b.contains("Freitag") || b.contains("vendredi")));
        assert!(doc["warnings"][0]
            .as_str()
            .is_some_and(|w| w.starts_with("not annotated")));
    }
    assert!(
        stderr.contains("2 articles not in English were not annotated (de 1, fr 1)"),
        "{stderr}"
    );
    let (_, fr, de, stderr) = code(&["--all-languages"]);
    assert!(fr["entities"].is_array() && de["entities"].is_array());
    assert!(!stderr.contains("not annotated"), "{stderr}");
    // ingest keeps them, and says so
    let db = d.join("news.db");
    let out = bin()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&d)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("3 new articles"), "{stderr}");
    assert!(
        stderr.contains("2 articles not in English were not annotated"),
        "{stderr}"
    );
}

#[test]
fn sports_reports_keep_their_annotations_but_no_events_unless_asked() {
    let d = tmpdir("relevance");
    let report = d.join("match.txt");
    std::fs::write(
        &report,
        "Harbour Town beat Riverside 3-1 on Saturday and attacked throughout the second half. \
         Their striker scored twice before halftime, the goalkeeper saved a penalty, and the \
         coach praised the squad after the match at the stadium. Riverside stay bottom of the \
         league after a 0-2 defeat at home last week.\n",
    )
    .expect("write");
    let run = |extra: &[&str]| one_file("code", &report, extra);
    let (doc, stderr) = run(&[]);
    assert_eq!(doc["relevance"]["political"], false, "{doc:#?}");
    assert_eq!(doc["relevance"]["topic"], "sports");
    assert_eq!(doc["events"].as_array().map(Vec::len), Some(0));
    assert!(doc["entities"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(
        stderr.contains("1 article judged not political (sports 1)"),
        "{stderr}"
    );
    let (doc, _) = run(&["--all-topics"]);
    assert!(
        doc["events"].as_array().is_some_and(|e| !e.is_empty()),
        "{doc:#?}"
    );
    // a political story keeps its events, and --min-confidence thins them
    let news = d.join("news.txt");
    std::fs::write(
        &news,
        "Kenya accused Uganda on Monday of closing the border at Busia. Ugandan officials \
         said they might meet Kenyan envoys next week.\n",
    )
    .expect("write");
    let all = code_jsonl_file(&news, &[]);
    assert_eq!(all["relevance"]["political"], true);
    let confidences = |d: &Value| -> Vec<f64> {
        d["events"]
            .as_array()
            .map(|e| e.iter().filter_map(|e| e["confidence"].as_f64()).collect())
            .unwrap_or_default()
    };
    let every = confidences(&all);
    assert!(!every.is_empty(), "{all:#?}");
    let cut = every.iter().cloned().fold(f64::NAN, f64::max);
    let high = code_jsonl_file(&news, &["--min-confidence", &cut.to_string()]);
    assert!(confidences(&high).iter().all(|&c| c >= cut));
    assert!(confidences(&high).len() <= every.len());
    let bad = bin()
        .args(["code", "--min-confidence", "1.5"])
        .arg(&news)
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

fn code_jsonl_file(path: &std::path::Path, extra: &[&str]) -> Value {
    one_file("code", path, extra).0
}

/// A large JSON Lines file whose name says nothing is read as JSON Lines: every record comes
/// out, in order, none cut by the article size limit. (It is streamed, as a `.jsonl` file is:
/// peak memory is measured in docs/BENCHMARKS.md, not asserted here.)
#[test]
fn a_large_json_lines_file_of_any_name_streams() {
    let d = tmpdir("sniffed-stream");
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 1_200_000 {
        let rec = serde_json::json!({
            "id": format!("r{n}"),
            "text": format!("Record {n}: the ferry to Hailuoto sailed on time again today."),
        });
        text.push_str(&rec.to_string());
        text.push('\n');
        n += 1;
    }
    let path = d.join("export.data");
    std::fs::write(&path, &text).expect("write");
    let out = bin()
        .args(["read", "--format", "jsonl", "--max-article-bytes", "100000"])
        .arg(&path)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("cut") && !stderr.contains("skipped"),
        "{stderr}"
    );
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), n);
    assert_eq!(docs[n - 1]["id"], format!("r{}", n - 1));
}

#[test]
fn an_article_over_the_size_limit_is_cut_and_a_record_skipped_with_a_report() {
    let d = tmpdir("limit");
    let sentence = "The ferry left the harbour at dawn. ";
    let long = d.join("long.txt");
    std::fs::write(&long, sentence.repeat(100)).expect("write"); // 3,600 bytes
    let out = bin()
        .args(["read", "--format", "jsonl", "--max-article-bytes", "1000"])
        .arg(&long)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("long.txt") && stderr.contains("cut"),
        "{stderr}"
    );
    let doc = lines(&out.stdout).remove(0);
    let body = doc["body"].as_str().expect("body");
    assert!(body.len() <= 1000 && body.len() > 900, "{}", body.len());
    assert!(body.ends_with("dawn."), "{body}");
    // one JSON Lines record too long: skipped and reported, the others read
    let recs = d.join("recs.jsonl");
    let big = sentence.repeat(50);
    std::fs::write(
        &recs,
        format!("{{\"id\":\"a\",\"text\":\"Short.\"}}\n{{\"id\":\"b\",\"text\":\"{big}\"}}\n{{\"id\":\"c\",\"text\":\"Also short.\"}}\n"),
    )
    .expect("write");
    let out = bin()
        .args(["read", "--format", "jsonl", "--max-article-bytes", "1000"])
        .arg(&recs)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("recs.jsonl:2") && stderr.contains("max-article-bytes"),
        "{stderr}"
    );
    let docs = lines(&out.stdout);
    let ids: Vec<&str> = docs
        .iter()
        .map(|d| d["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!((ids[0], ids[2]), ("a", "c"));
    assert!(docs[1]["error"].is_string());
}

/// `code --explain`: every place-like entity is placed or dropped by a named rule, with the
/// gazetteer's readings; without the flag there is no `explain` field.
#[test]
fn explain_names_the_rule_that_placed_or_dropped_each_entity() {
    let d = tmpdir("explain");
    let f = d.join("story.txt");
    std::fs::write(
        &f,
        "Aid convoys reached Manbij on Friday, the agency said. Farmers near Manbij \
         said the road from Aleppo was open again.\n",
    )
    .unwrap();
    let (plain, _) = one_file("code", &f, &[]);
    assert!(plain.get("explain").is_none());
    let (doc, _) = one_file("code", &f, &["--explain"]);
    let decisions = doc["explain"]["places"].as_array().expect("explain.places");
    let places = doc["places"].as_array().unwrap();
    assert!(!decisions.is_empty());
    for x in decisions {
        let rule = x["rule"].as_str().unwrap();
        assert!(!rule.is_empty(), "{x}");
        // a decision agrees with the article's places
        let placed = places
            .iter()
            .any(|p| p["start"] == x["start"] && p["end"] == x["end"]);
        assert_eq!(x["outcome"] == "placed", placed, "{x}");
    }
    let manbij = decisions.iter().find(|x| x["text"] == "Manbij").unwrap();
    assert_eq!(manbij["rule"], "best-score");
    assert_eq!(manbij["candidates"][0]["country"], "SYR");
    assert!(manbij["candidates"][0]["score"].is_number());
    // the same article's places and events with and without the flag
    for key in ["places", "events", "entities"] {
        assert_eq!(plain[key], doc[key], "{key}");
    }
    let pretty = bin()
        .args(["code", "--explain", "--format", "pretty"])
        .arg(&f)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&pretty.stdout);
    assert!(
        text.contains("explain:   Manbij (GPE): placed by best-score"),
        "{text}"
    );
}
