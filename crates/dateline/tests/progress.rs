//! Progress on a terminal: with stderr on a terminal (a pseudo-terminal made by util-linux
//! `script`) and the output in a file, `code` ends with a summary line; with stderr not a
//! terminal it prints none.

use std::process::Command;

fn story_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("dateline-progress-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    std::fs::write(
        d.join("harbour.txt"),
        "The harbour board met on Monday and agreed to add two ferries.\n",
    )
    .expect("write");
    d
}

#[cfg(target_os = "linux")]
#[test]
fn a_terminal_sees_a_summary_line_when_the_output_goes_to_a_file() {
    let d = story_dir("tty");
    let out = d.join("out.jsonl");
    let cmd = format!(
        "'{}' code --format jsonl '{}' > '{}'",
        env!("CARGO_BIN_EXE_dateline"),
        d.join("harbour.txt").display(),
        out.display()
    );
    let run = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .expect("util-linux script runs a command on a pseudo-terminal");
    let seen = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{seen}");
    assert!(seen.contains("dateline: 1 article, "), "{seen}");
    let written = std::fs::read_to_string(&out).expect("output file");
    assert_eq!(written.lines().count(), 1);
}

#[test]
fn no_summary_when_stderr_is_not_a_terminal() {
    let d = story_dir("pipe");
    let run = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["code", "--format", "jsonl"])
        .arg(d.join("harbour.txt"))
        .output()
        .expect("run dateline");
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).is_empty());
}
