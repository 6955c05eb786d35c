//! What the tests of `dateline serve` and its workbench share: the binary, the bundled
//! example and VOA's stories, scratch folders, a database built by the real `dateline
//! ingest`, and a real `dateline serve` process on a free loopback port, killed when dropped.
#![allow(dead_code)] // each test file uses its own part

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn example() -> PathBuf {
    root().join("examples/harbour-talks.md")
}

/// VOA's public-domain stories in ../shared (absent on a user's clone: check `is_file`).
pub fn voa() -> PathBuf {
    root().join("../shared/data/news/voa-stories.jsonl")
}

/// An empty scratch folder `dateline-{kind}-{pid}-{name}` under the system's temporary one.
pub fn tmpdir(kind: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dateline-{kind}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `dateline ingest -q --db DB INPUTS…`, which must succeed.
pub fn ingest(db: &Path, inputs: &[PathBuf]) {
    let o = bin()
        .arg("ingest")
        .arg("-q")
        .arg("--db")
        .arg(db)
        .args(inputs)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "ingest: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A child process killed when dropped.
pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running `dateline serve`, killed when dropped.
pub struct Server {
    pub proc: Proc,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// `127.0.0.1:PORT`
    pub addr: String,
}

/// `dateline serve --db DB --addr 127.0.0.1:0 ARGS…`, with `DATELINE_TOKEN` set to
/// `token_env` (else unset); its address is the first line it prints.
pub fn serve(db: &Path, args: &[&str], token_env: Option<&str>) -> Server {
    let mut c = bin();
    c.arg("serve")
        .arg("--db")
        .arg(db)
        .args(["--addr", "127.0.0.1:0"])
        .args(args)
        .env_remove("DATELINE_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(t) = token_env {
        c.env("DATELINE_TOKEN", t);
    }
    let mut child = c.spawn().unwrap();
    let mut line = String::new();
    let stdout = child.stdout.take().unwrap();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line.trim().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "first line: {url:?}");
    let addr = url.trim_start_matches("http://").to_string();
    Server {
        proc: Proc(child),
        url,
        addr,
    }
}
