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
            "{a} criticized {b} over border incident number {i}. Officials from {b} said they would meet envoys from {a}."
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
