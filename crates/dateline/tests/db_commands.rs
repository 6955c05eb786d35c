//! The database commands as a newcomer meets them, with real processes and database files in a
//! temporary folder: undated events, the shared filters of `query` and `export`, broken pipes,
//! early failures and the columns of the exports. Texts written for these tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dateline-dbcmd-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const COUNTRIES: &[&str] = &[
    "Kenya", "Uganda", "Ethiopia", "Somalia", "Sudan", "Egypt", "Libya", "Chad", "Niger", "Mali",
];

/// `n` short dated articles as JSON Lines, one a day through March and April 2021.
fn dated_corpus(path: &Path, n: usize) {
    let mut f = std::fs::File::create(path).unwrap();
    for i in 0..n {
        let a = COUNTRIES[i % COUNTRIES.len()];
        let b = COUNTRIES[(i + 1 + i / 30) % COUNTRIES.len()];
        let text = format!(
            "{a} criticized {b} in Nairobi over border incident number {i}. Officials from {b} said they would meet envoys from {a} next week."
        );
        let day = 1 + i % 28;
        let month = 3 + (i / 28) % 2;
        let rec = serde_json::json!({
            "id": format!("art-{i:05}"),
            "text": text,
            "published": format!("2021-{month:02}-{day:02}"),
            "url": format!("https://news.example/{i}")
        });
        writeln!(f, "{rec}").unwrap();
    }
}

fn ingest(db: &Path, inputs: &[&Path], extra: &[&str]) -> Output {
    let mut c = bin();
    c.arg("ingest").arg("-q").arg("--db").arg(db).args(extra);
    for i in inputs {
        c.arg(i);
    }
    c.output().unwrap()
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn run(db: &Path, args: &[&str]) -> Output {
    let mut c = bin();
    c.arg(args[0]).arg("--db").arg(db).args(&args[1..]);
    c.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A database of 80 dated articles, built once per test that asks.
fn dated_db(name: &str) -> PathBuf {
    let dir = tmpdir(name);
    let input = dir.join("in.jsonl");
    dated_corpus(&input, 80);
    let db = dir.join("t.db");
    ok(&ingest(&db, &[&input], &[]));
    db
}

#[test]
fn export_into_a_closed_pipe_is_quiet_and_exits_0() {
    let db = dated_db("pipe");
    for format in ["gdelt", "mentions", "csv", "jsonl"] {
        let mut child = bin()
            .args(["export", "--db"])
            .arg(&db)
            .args(["--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // the reader goes away before the first byte: every write meets a closed pipe
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(!stderr(&out).contains("Broken pipe"), "{}", stderr(&out));
    }
}

#[test]
fn a_missing_verb_file_fails_before_the_database_is_created() {
    let dir = tmpdir("verbs");
    let input = dir.join("in.jsonl");
    dated_corpus(&input, 2);
    let db = dir.join("never.db");
    let out = ingest(&db, &[&input], &["--verbs", "/nonexistent/verbs.txt"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/nonexistent/verbs.txt"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists(), "the database file was created");
}

#[test]
fn export_into_a_missing_folder_names_the_output_file() {
    let db = dated_db("missing-dir");
    let dir = db.parent().unwrap();
    let target = dir.join("no").join("such").join("out.csv");
    let out = run(
        &db,
        &["export", "--format", "csv", "-o", target.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:", target.display())), "{err}");
    assert!(!err.contains(".partial"), "{err}");
}

/// A plain text file with no date anywhere: not in its name, its first lines or its words.
fn undated_text(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn undated_events_never_merge_across_articles_and_gdelt_skips_them() {
    let dir = tmpdir("undated");
    let a = undated_text(
        &dir,
        "first.txt",
        "Kenya criticized Uganda over the closed border crossing.\n",
    );
    let b = undated_text(
        &dir,
        "second.txt",
        "Kenya criticized Uganda over the closed border crossing, a diplomat said.\n",
    );
    let db = dir.join("t.db");
    ok(&ingest(&db, &[&a, &b], &[]));
    // one report of the same criticism, dated by --published, in a third article
    let c = undated_text(
        &dir,
        "third.txt",
        "Kenya criticized Uganda over the closed border crossing again.\n",
    );
    ok(&ingest(&db, &[&c], &["--published", "2021-03-10"]));
    let q = run(
        &db,
        &["query", "--code", "11", "--format", "jsonl", "--limit", "0"],
    );
    ok(&q);
    let rows: Vec<serde_json::Value> = stdout(&q)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let undated: Vec<&serde_json::Value> = rows.iter().filter(|r| r["date"].is_null()).collect();
    assert_eq!(undated.len(), 2, "{rows:?}");
    assert!(undated.iter().all(|r| r["num_articles"] == 1), "{rows:?}");
    assert_eq!(rows.len(), 3, "{rows:?}");
    for format in ["gdelt", "mentions"] {
        let e = run(&db, &["export", "--format", format, "--code", "11"]);
        ok(&e);
        assert_eq!(stdout(&e).lines().count(), 1, "{format}: {}", stdout(&e));
        assert!(stdout(&e).lines().all(|l| !l.contains("\t00000000\t")));
        let what = if format == "gdelt" {
            "events"
        } else {
            "mentions"
        };
        assert!(
            stderr(&e).contains(&format!("2 undated {what} skipped")),
            "{format}: {}",
            stderr(&e)
        );
    }
}

#[test]
fn query_and_export_share_filters_and_say_when_they_cut_the_answer() {
    let db = dated_db("filters");
    let all = run(&db, &["query", "--all", "--format", "csv"]);
    ok(&all);
    let total = stdout(&all).lines().count() - 1;
    assert!(total > 100, "{total}");
    assert!(!stderr(&all).contains("showing"));
    // the default limit of query, in every format
    for format in ["table", "jsonl", "csv"] {
        let q = run(&db, &["query", "--format", format]);
        ok(&q);
        assert!(
            stderr(&q).contains(&format!("showing 100 of {total} events")),
            "{format}: {}",
            stderr(&q)
        );
    }
    // export: the same filters, no limit unless asked
    let mine = run(
        &db,
        &[
            "query", "--actor", "KEN", "--code", "11", "--all", "--format", "csv",
        ],
    );
    ok(&mine);
    let kenya = stdout(&mine).lines().count() - 1;
    assert!(kenya > 3);
    let e = run(
        &db,
        &[
            "export", "--format", "csv", "--actor", "KEN", "--code", "11",
        ],
    );
    ok(&e);
    let sorted = |o: &Output| {
        let mut v: Vec<String> = stdout(o).lines().map(str::to_string).collect();
        v.sort();
        v
    };
    // the same rows (an export is in id order, a query most reported first)
    assert_eq!(sorted(&e), sorted(&mine), "export and query differ");
    let cut = run(
        &db,
        &[
            "export", "--format", "gdelt", "--actor", "KEN", "--code", "11", "--limit", "3",
        ],
    );
    ok(&cut);
    assert_eq!(stdout(&cut).lines().count(), 3);
    assert!(stdout(&cut)
        .lines()
        .all(|l| l.split('\t').nth(5) == Some("KEN")));
    assert!(
        stderr(&cut).contains(&format!("showing 3 of {kenya} events")),
        "{}",
        stderr(&cut)
    );
    let conf = run(
        &db,
        &["export", "--format", "jsonl", "--min-confidence", "1.0"],
    );
    ok(&conf);
    assert!(stdout(&conf)
        .lines()
        .all(
            |l| serde_json::from_str::<serde_json::Value>(l).unwrap()["confidence"].as_f64()
                >= Some(1.0)
        ));
}

#[test]
fn dates_are_checked_and_compared_as_days() {
    let db = dated_db("dates");
    for (cmd, flag, bad) in [
        ("query", "--from", "yesterday"),
        ("query", "--to", "2016-13"),
        ("query", "--from", "2018-5"),
        ("export", "--to", "2021-02-30"),
    ] {
        let mut args = vec![cmd, flag, bad];
        if cmd == "export" {
            args.extend(["--format", "csv"]);
        }
        let out = run(&db, &args);
        assert_eq!(out.status.code(), Some(2), "{cmd} {flag} {bad}");
        let err = stderr(&out);
        assert!(
            err.contains(flag) && err.contains(bad) && err.contains("YYYY-MM"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    // a week that overlaps the range is in it: 2021-W12 runs from 22 to 28 March
    let q = run(
        &db,
        &[
            "query",
            "--from",
            "2021-03-23",
            "--to",
            "2021-03-25",
            "--all",
            "--format",
            "jsonl",
        ],
    );
    ok(&q);
    let dates: Vec<String> = stdout(&q)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["date"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert!(dates.iter().any(|d| d == "2021-W12"), "{dates:?}");
    assert!(
        dates
            .iter()
            .all(|d| d == "2021-W12" || ("2021-03-23"..="2021-03-25").contains(&d.as_str())),
        "{dates:?}"
    );
    // --to a month takes in its last day
    let may = run(
        &db,
        &[
            "query",
            "--from",
            "2021-03-31",
            "--to",
            "2021-03",
            "--all",
            "--format",
            "csv",
        ],
    );
    ok(&may);
    assert!(
        stdout(&may).contains(",2021-03-31,") || stdout(&may).contains(",2021-W13,"),
        "{}",
        stdout(&may)
    );
}

#[test]
fn events_csv_and_jsonl_carry_evidence_url_and_geonames_id_at_the_end() {
    let db = dated_db("columns");
    let csv = run(&db, &["export", "--format", "csv"]);
    ok(&csv);
    let text = stdout(&csv);
    let mut lines = text.lines();
    let head = lines.next().unwrap();
    assert!(head.starts_with("id,date,cameo,plover,"), "{head}");
    assert!(
        head.ends_with(",first_seen,last_seen,place_geonameid,evidence,url,title"),
        "{head}"
    );
    let j = run(&db, &["export", "--format", "jsonl"]);
    ok(&j);
    let rows: Vec<serde_json::Value> = stdout(&j)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), lines.count());
    for r in &rows {
        let ev = r["evidence"].as_str().unwrap();
        assert!(
            ev.contains("criticized") || ev.contains("meet envoys"),
            "{r}"
        );
        assert!(
            r["url"]
                .as_str()
                .unwrap()
                .starts_with("https://news.example/"),
            "{r}"
        );
    }
    assert!(
        rows.iter().any(|r| r["place_geonameid"].as_i64().is_some()),
        "no event has a place"
    );
}

#[test]
fn query_tables_fit_the_width_and_name_articles_by_title() {
    let dir = tmpdir("table");
    let input = dir.join("in.jsonl");
    let mut f = std::fs::File::create(&input).expect("create");
    for (i, (a, b)) in [("Kenya", "Uganda"), ("Ethiopia", "Somalia")]
        .iter()
        .enumerate()
    {
        let rec = serde_json::json!({
            "id": format!("t-{i}"),
            "title": format!("{a} and {b} trade sharp words over a disputed stretch of their border"),
            "text": format!("{a} criticized {b} on Monday. \"We will not accept this,\" the foreign minister of {a} said."),
            "published": format!("2021-03-0{}", i + 1),
        });
        writeln!(f, "{rec}").expect("write");
    }
    drop(f);
    let db = dir.join("t.db");
    ok(&ingest(&db, &[&input], &[]));
    for what in [
        &["--format", "table"][..],
        &["--format", "table", "--quotes"][..],
    ] {
        let out = bin()
            .arg("query")
            .arg("--db")
            .arg(&db)
            .args(what)
            .env("COLUMNS", "72")
            .output()
            .expect("run");
        ok(&out);
        let text = stdout(&out);
        assert!(text.contains("title"), "{text}");
        assert!(
            text.contains("Kenya a") && text.contains("Ethiopi"),
            "{text}"
        );
        assert!(
            !text.contains("t-0") && !text.contains("t-1"),
            "no article ids: {text}"
        );
        for line in text.lines() {
            assert!(
                line.chars().count() <= 72,
                "{} wide: {line}",
                line.chars().count()
            );
        }
    }
}

/// `ingest` says how many files of a folder it left out as no articles, as `code` does.
#[test]
fn ingest_counts_the_files_a_folder_walk_leaves_out() {
    let dir = tmpdir("ingest-skips");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).expect("mkdir");
    std::fs::write(
        news.join("ferries.txt"),
        "The harbour board met on Monday and agreed to add two ferries.\n",
    )
    .expect("write");
    std::fs::write(news.join("map.png"), b"\x89PNG\r\n\x1a\n\x00\x00").expect("write");
    std::fs::write(news.join("fares.csv"), "route,fare\nnorth,3\n").expect("write");
    let out = ingest(&dir.join("n.db"), &[&news], &[]);
    ok(&out);
    assert!(
        stderr(&out).contains("2 files skipped: not articles"),
        "{}",
        stderr(&out)
    );
}
