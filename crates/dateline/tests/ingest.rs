//! The database commands with real processes: ingest, re-ingest, kill -9 and resume, a reader
//! during an ingest, foreign and read-only files, gzip and hostile inputs.

use dateline_store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dateline-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const COUNTRIES: &[&str] = &[
    "Kenya", "Uganda", "Ethiopia", "Somalia", "Sudan", "Egypt", "Libya", "Chad", "Niger", "Mali",
];

/// A corpus of `n` short articles written for this test, as JSON Lines.
fn corpus(path: &Path, n: usize) {
    let mut f = std::fs::File::create(path).unwrap();
    for i in 0..n {
        let a = COUNTRIES[i % COUNTRIES.len()];
        // the same pair every ten articles within a block of thirty: reports of one event
        let b = COUNTRIES[(i + 1 + i / 30) % COUNTRIES.len()];
        let text = format!(
            "{a} criticized {b} on Monday over border incident number {i}. Officials from {b} said they would meet envoys from {a} next week."
        );
        let rec = serde_json::json!({"id": format!("art-{i:05}"), "text": text, "published": "2021-03-10"});
        writeln!(f, "{rec}").unwrap();
    }
}

fn count(db: &Path, table: &str) -> i64 {
    let s = Store::open_read_only(db).unwrap();
    let t = s.sql(&format!("SELECT count(*) FROM {table}")).unwrap();
    match t.rows[0][0] {
        dateline_store::Value::Integer(n) => n,
        _ => -1,
    }
}

fn ingest(db: &Path, inputs: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut c = bin();
    c.arg("ingest").arg("--db").arg(db).args(extra);
    for i in inputs {
        c.arg(i);
    }
    c.output().unwrap()
}

#[test]
fn ingest_is_idempotent_and_queryable() {
    let dir = tmpdir("idem");
    let input = dir.join("in.jsonl");
    corpus(&input, 60);
    let db = dir.join("t.db");
    let out = ingest(&db, &[&input], &["--batch", "16"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&db, "articles"), 60);
    let events = count(&db, "events");
    let mentions = count(&db, "mentions");
    assert!(events > 0 && mentions >= events);
    // again: nothing added
    let out = ingest(&db, &[&input], &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 new articles (60 already stored)"));
    assert_eq!(
        (
            count(&db, "articles"),
            count(&db, "events"),
            count(&db, "mentions")
        ),
        (60, events, mentions)
    );
    // deduplication: the same criticism reported by several articles is one event
    let s = Store::open_read_only(&db).unwrap();
    let t = s.sql("SELECT max(num_articles) FROM events").unwrap();
    assert!(
        matches!(t.rows[0][0], dateline_store::Value::Integer(n) if n > 1),
        "{t:?}"
    );
    // query and export through the binary
    let q = bin()
        .args(["query", "--db"])
        .arg(&db)
        .args(["--actor", "KEN", "--code", "11", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(q.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&q.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r["source_code"].as_str().unwrap().starts_with("KEN")
            && r["cameo"].as_str().unwrap().starts_with("11")));
    let csv = bin()
        .args(["query", "--db"])
        .arg(&db)
        .args(["--text", "incident", "--format", "csv", "--limit", "0"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&csv.stdout).lines().count() as i64,
        events + 1
    );
    let out_file = dir.join("events.tsv");
    let e = bin()
        .args(["export", "--db"])
        .arg(&db)
        .args(["--format", "gdelt", "-o"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(e.status.success(), "{}", String::from_utf8_lossy(&e.stderr));
    let tsv = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(tsv.lines().count() as i64, events);
    assert!(tsv.lines().all(|l| l.split('\t').count() == 61));
    let m = bin()
        .args(["export", "--db"])
        .arg(&db)
        .args(["--format", "mentions"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&m.stdout).lines().count() as i64,
        mentions
    );
    let pq = dir.join("events.parquet");
    let e = bin()
        .args(["export", "--db"])
        .arg(&db)
        .args(["--format", "parquet", "-o"])
        .arg(&pq)
        .output()
        .unwrap();
    assert!(e.status.success(), "{}", String::from_utf8_lossy(&e.stderr));
    let bytes = std::fs::read(&pq).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    // read-only SQL refuses writes
    let w = bin()
        .args(["query", "--db"])
        .arg(&db)
        .args(["--sql", "DELETE FROM events"])
        .output()
        .unwrap();
    assert!(!w.status.success());
    assert_eq!(count(&db, "events"), events);
}

#[test]
fn quotes_are_stored_and_searchable_by_speaker_and_words() {
    let dir = tmpdir("quotes");
    let input = dir.join("q.jsonl");
    let recs = [
        ("q1", "2021-05-02", "\u{201c}The harbour will reopen next week,\u{201d} Mayor Lena Brandt said on Monday. \u{201c}Ships are already waiting.\u{201d}"),
        ("q2", "2021-05-03", "Port director Tomas Weil said the cranes had been repaired. \u{201c}We are ready for the first ships,\u{201d} Weil told reporters."),
        ("q3", "2021-04-20", "Lena Brandt said: \u{201c}Nobody will lose their job at the harbour.\u{201d}"),
    ];
    let mut f = std::fs::File::create(&input).unwrap();
    for (id, date, text) in recs {
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": id, "text": text, "published": date})
        )
        .unwrap();
    }
    drop(f);
    let db = dir.join("q.db");
    let out = ingest(&db, &[&input], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let query = |extra: &[&str]| -> Vec<serde_json::Value> {
        let q = bin()
            .args(["query", "--db"])
            .arg(&db)
            .args(["--quotes", "--format", "jsonl"])
            .args(extra)
            .output()
            .unwrap();
        assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
        String::from_utf8_lossy(&q.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    // Brandt's two statements, newest first; the split quote is one statement
    let brandt = query(&["--speaker", "Brandt", "--kind", "direct"]);
    assert_eq!(brandt.len(), 2, "{brandt:?}");
    assert_eq!(brandt[0]["article"], "q1");
    assert_eq!(
        brandt[0]["text"],
        "The harbour will reopen next week, Ships are already waiting."
    );
    assert_eq!(brandt[1]["article"], "q3");
    // words and dates narrow it down
    let ships = query(&["--speaker", "Brandt", "--text", "ships"]);
    assert_eq!(ships.len(), 1);
    let weil = query(&["--speaker", "Weil"]);
    assert!(weil.iter().any(|r| r["kind"] == "indirect"));
    assert!(weil
        .iter()
        .any(|r| r["kind"] == "direct" && r["cue"] == "told"));
    assert_eq!(
        query(&["--speaker", "Brandt", "--from", "2021-05"]).len(),
        1
    );
    // --speaker only with --quotes, and --quotes not with event filters
    let bad = bin()
        .args(["query", "--db"])
        .arg(&db)
        .args(["--quotes", "--actor", "USA"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn kill_9_then_resume_loses_and_duplicates_nothing() {
    let dir = tmpdir("kill");
    let input = dir.join("in.jsonl");
    let n = 3000;
    corpus(&input, n);
    // the reference: one uninterrupted ingest
    let clean = dir.join("clean.db");
    assert!(ingest(&clean, &[&input], &["--batch", "50"])
        .status
        .success());
    let db = dir.join("t.db");
    let mut child = bin()
        .args(["ingest", "--batch", "50", "-j", "1", "--db"])
        .arg(&db)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until some batches are stored, reading the database while the ingest writes to it
    let t0 = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        if db.exists() && Store::open_read_only(&db).is_ok() && count(&db, "articles") >= 100 {
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(120),
            "ingest made no progress"
        );
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
    }
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    let partial = count(&db, "articles");
    assert!(partial > 0);
    // every stored article is whole: its mentions are there
    let s = Store::open_read_only(&db).unwrap();
    let orphan = s.sql("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.article = a.rowid)").unwrap();
    assert_eq!(orphan.rows[0][0], dateline_store::Value::Integer(0));
    drop(s);
    let out = ingest(&db, &[&input], &["--batch", "50"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for t in ["articles", "entities", "events", "mentions"] {
        assert_eq!(
            count(&db, t),
            count(&clean, t),
            "{t} after resume (killed at {partial} articles)"
        );
    }
    assert_eq!(count(&db, "articles"), n as i64);
}

#[test]
fn foreign_database_files_are_refused_untouched() {
    let dir = tmpdir("foreign");
    let input = dir.join("in.jsonl");
    corpus(&input, 3);
    let db = dir.join("notes.txt");
    std::fs::write(&db, "my precious notes\n").unwrap();
    let out = ingest(&db, &[&input], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("notes.txt") && err.contains("not an SQLite database"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "my precious notes\n");
    let q = bin()
        .args(["query", "--db"])
        .arg(dir.join("missing.db"))
        .output()
        .unwrap();
    assert_eq!(q.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn read_only_database_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmpdir("ro");
    let input = dir.join("in.jsonl");
    corpus(&input, 5);
    let db = dir.join("t.db");
    assert!(ingest(&db, &[&input], &[]).status.success());
    let more = dir.join("more.jsonl");
    std::fs::write(
        &more,
        "{\"id\": \"new-1\", \"text\": \"Kenya praised Uganda on Friday.\"}\n",
    )
    .unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = ingest(&db, &[&more], &[]);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    if out.status.success() {
        // running as root: permissions do not bind; nothing to check
        return;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("t.db"), "{err}");
    assert_eq!(count(&db, "articles"), 5);
}

#[test]
fn gzip_and_hostile_inputs_in_a_folder() {
    let dir = tmpdir("mixed");
    let inputs = dir.join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    let jsonl = inputs.join("a.jsonl");
    corpus(&jsonl, 10);
    let raw = std::fs::read(&jsonl).unwrap();
    // the same records again, gzip-compressed in two members: all already stored or skipped
    let gz = inputs.join("b.jsonl.gz");
    {
        let f = std::fs::File::create(&gz).unwrap();
        let mut w = flate2::write::GzEncoder::new(f, flate2::Compression::default());
        w.write_all(&raw[..raw.len() / 2]).unwrap();
        let f = w.finish().unwrap();
        let mut w = flate2::write::GzEncoder::new(f, flate2::Compression::default());
        w.write_all(&raw[raw.len() / 2..]).unwrap();
        w.finish().unwrap();
    }
    let truncated = inputs.join("c.txt.gz");
    let bytes = std::fs::read(&gz).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    std::fs::write(inputs.join("d.bin"), [0u8, 1, 2, 3, 255]).unwrap();
    std::fs::write(inputs.join("e.txt"), "").unwrap();
    std::fs::write(
        inputs.join("f.jsonl"),
        "{not json\n{\"id\": \"g-1\", \"text\": \"Chad praised Niger.\"}\n",
    )
    .unwrap();
    let db = dir.join("t.db");
    let out = ingest(&db, &[&inputs], &[]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let err = String::from_utf8_lossy(&out.stderr);
    // d.bin is no article: a directory walk skips it (issue 20)
    assert!(!err.contains("d.bin"), "{err}");
    for bad in ["c.txt.gz", "e.txt", "f.jsonl:1"] {
        assert!(err.contains(bad), "{bad} not reported: {err}");
    }
    assert_eq!(count(&db, "articles"), 11);
}

/// A small tmpfs for the fault tests; `None` where mounting is not allowed (not root).
struct TinyFs(PathBuf);

impl TinyFs {
    fn mount(name: &str, size: &str) -> Option<TinyFs> {
        let dir = tmpdir(name).join("mnt");
        std::fs::create_dir_all(&dir).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        ok.then_some(TinyFs(dir))
    }

    fn remount(&self, mode: &str) -> bool {
        Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(&self.0)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }
}

impl Drop for TinyFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn consistent(db: &Path) -> i64 {
    let s = Store::open_read_only(db).unwrap();
    let t = s
        .sql("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.article = a.rowid)")
        .unwrap();
    assert_eq!(
        t.rows[0][0],
        dateline_store::Value::Integer(0),
        "half-written articles"
    );
    count(db, "articles")
}

#[test]
fn full_disk_is_a_clear_error_and_keeps_what_was_stored() {
    let Some(fs) = TinyFs::mount("full", "1m") else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    let dir = tmpdir("full-in");
    let input = dir.join("in.jsonl");
    corpus(&input, 3000);
    let db = fs.0.join("t.db");
    let out = ingest(&db, &[&input], &["--batch", "100"]);
    assert_eq!(out.status.code(), Some(2), "the disk should fill up");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("t.db") && err.contains("full"), "{err}");
    // copy what is there to a roomy place and check it
    let copy = dir.join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", db.display()));
        if side.exists() {
            std::fs::copy(&side, format!("{}{ext}", copy.display())).unwrap();
        }
    }
    let stored = consistent(&copy);
    assert!(stored < 3000);
}

#[test]
fn read_only_filesystem_is_a_clear_error() {
    let Some(fs) = TinyFs::mount("rofs", "8m") else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    let dir = tmpdir("rofs-in");
    let input = dir.join("in.jsonl");
    corpus(&input, 20);
    let db = fs.0.join("t.db");
    assert!(ingest(&db, &[&input], &[]).status.success());
    let before = std::fs::read(&db).unwrap();
    assert!(fs.remount("ro"));
    let more = dir.join("more.jsonl");
    std::fs::write(
        &more,
        "{\"id\": \"new-1\", \"text\": \"Kenya praised Uganda on Friday.\"}\n",
    )
    .unwrap();
    let out = ingest(&db, &[&more], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("t.db"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // reading still works on a read-only filesystem
    let q = bin()
        .args(["query", "--db"])
        .arg(&db)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert!(q.status.success() || String::from_utf8_lossy(&q.stderr).contains("t.db"));
    assert!(fs.remount("rw"));
    assert_eq!(consistent(&db), 20);
}
