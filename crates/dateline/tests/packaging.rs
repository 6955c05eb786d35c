//! Every crate of the workspace can be packaged (`cargo package`, `cargo install` from a
//! registry): no source file embeds (`include_str!`, `include_bytes!`) or compiles
//! (`#[path = …]`) a file outside its own crate, and every embedded file exists.

use std::path::{Component, Path, PathBuf};

/// `path` with `.` and `..` folded away, without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "target" && n != "data") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The literal path arguments of `include_str!`/`include_bytes!` (the first string literal,
/// which for `concat!("dir/", $file)` is the directory) and of `#[path = "…"]` in `source`.
fn embedded_paths(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in ["include_str!(", "include_bytes!(", "#[path = "] {
        let mut rest = source;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            // Skip mentions in comments and strings: the argument must follow closely.
            let window = &rest[..rest.len().min(80)];
            if let Some(q) = window.find('"') {
                if window[..q].contains(')') || window[..q].contains(';') {
                    continue;
                }
                // `concat!(env!("OUT_DIR"), …)`: built into the build's own folder.
                if window[..q].contains("env!(") {
                    continue;
                }
                let after = &rest[q + 1..];
                if let Some(end) = after.find('"') {
                    found.push(after[..end].to_string());
                }
            }
        }
    }
    found
}

#[test]
fn no_crate_embeds_a_file_outside_itself() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&crates)
        .expect("crates/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 8,
        "expected the workspace's crates in {crates:?}"
    );
    let mut checked = 0;
    let mut outside = Vec::new();
    for dir in &dirs {
        let root = normalise(dir);
        let mut files = Vec::new();
        rust_files(dir, &mut files);
        for file in files {
            // This file's own examples of the forms are not embeddings.
            if file.ends_with("tests/packaging.rs") {
                continue;
            }
            let Ok(source) = std::fs::read_to_string(&file) else {
                continue;
            };
            let base = file.parent().unwrap_or(dir);
            for arg in embedded_paths(&source) {
                // `include_str!` resolves from the file's folder; build.rs `#[path]` too.
                let target = normalise(&base.join(&arg));
                checked += 1;
                if !target.starts_with(&root) {
                    outside.push(format!("{}: {arg}", file.display()));
                } else if !arg.ends_with('/') && !target.exists() {
                    outside.push(format!("{}: {arg} (missing)", file.display()));
                }
            }
        }
    }
    assert!(
        checked > 50,
        "found only {checked} embedded files: is the scan broken?"
    );
    assert!(
        outside.is_empty(),
        "files embedded from outside their crate or missing:\n{}",
        outside.join("\n")
    );
}

#[test]
fn the_scan_sees_each_form() {
    let src = r#"let a = include_str!("../data/x.txt");
        let b = include_bytes!(
            "../../../data/models/m.bin"
        );
        #[path = "../other/src/k.rs"]
        mod k;
        // include_str! in a comment (no argument) is skipped
        let c = include_str!(concat!("../data/geo/", $file));
        let d = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));"#;
    assert_eq!(
        embedded_paths(src),
        vec![
            "../data/x.txt",
            "../data/geo/",
            "../../../data/models/m.bin",
            "../other/src/k.rs"
        ]
    );
}
