//! `--help` shows how to use each command and what the exit codes mean.

use std::process::Command;

fn help(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .arg("--help")
        .output()
        .expect("run dateline");
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8(out.stdout).expect("utf-8 help")
}

#[test]
fn the_top_level_help_gives_examples_and_exit_codes() {
    let h = help(&[]);
    assert!(h.contains("Examples:"), "{h}");
    assert!(h.contains("Exit codes: 0"), "{h}");
}

#[test]
fn every_command_gives_examples_that_name_it() {
    for cmd in [
        "read", "code", "ingest", "query", "export", "serve", "watch",
    ] {
        let h = help(&[cmd]);
        let examples = h.split("Examples:").nth(1).unwrap_or_default();
        assert!(
            examples
                .lines()
                .filter(|l| l.contains(&format!("dateline {cmd} ")))
                .count()
                >= 2,
            "{cmd}: {h}"
        );
    }
}

#[test]
fn read_takes_no_verb_patterns() {
    let h = help(&["read"]);
    assert!(!h.contains("--verbs"), "{h}");
    assert!(help(&["code"]).contains("--verbs"));
}

#[test]
fn serve_refuses_explain_instead_of_ignoring_it() {
    let dir = std::env::temp_dir().join(format!("dateline-help-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["serve", "--explain", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.join("none.db"))
        .output()
        .expect("run dateline");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--explain is for `dateline code`"), "{err}");
}
