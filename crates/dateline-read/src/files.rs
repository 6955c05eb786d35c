//! Files and streams to bytes: directories walked, gzip undone, standard input read.
//!
//! Every way the project opens an input lives here, so that gzip is sniffed in one place (by its
//! magic bytes, not its name: a `.jsonl` that is really gzip is read, and a `.gz` that is not is
//! read as it is) and a directory is walked one way (sorted paths, hidden entries skipped).

use crate::{ReadOptions, ReadResult};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The two bytes every gzip member opens with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether bytes (a whole file, or the first bytes of a stream) are gzip-compressed.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&GZIP_MAGIC)
}

/// Expand command-line inputs into files: `-` (standard input) and files as given, directories
/// recursively (symbolic links followed), their files sorted by path, hidden files and folders
/// (names starting with `.`) skipped. A directory that cannot be read is an error in `errors`;
/// the rest go on.
pub fn expand(inputs: &[String], errors: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input == "-" || !path.is_dir() {
            out.push(input.clone());
            continue;
        }
        let mut files = Vec::new();
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walk {
            match entry {
                Ok(e) if !e.file_type().is_dir() => files.push(e.into_path()),
                Ok(_) => {}
                Err(e) => errors.push(walk_error(&e, path)),
            }
        }
        files.sort();
        out.extend(files.into_iter().map(|f| f.to_string_lossy().into_owned()));
    }
    out
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// "DIR: reason", as the other errors of a run are written.
fn walk_error(e: &walkdir::Error, root: &Path) -> String {
    let at = e.path().unwrap_or(root).display();
    match e.io_error() {
        Some(io) => format!("{at}: {io}"),
        None => format!("{at}: {e}"),
    }
}

/// A file's bytes, or standard input's for `-`.
pub fn read_bytes(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut b = Vec::new();
        io::stdin().lock().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(path)
    }
}

/// Read one input whole into documents (or errors), gunzipping gzip data (multi-member
/// archives included); with `auto`, a gzipped file's format is detected from its name without
/// `.gz` and its unpacked bytes.
pub fn read_file(path: &str, opts: &ReadOptions) -> Vec<ReadResult> {
    let fail = |message: String| vec![Err(crate::err(path, message))];
    let bytes = match read_bytes(path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read: {e}")),
    };
    if !is_gzip(&bytes) {
        return crate::read(path, &bytes, opts);
    }
    let mut out = Vec::new();
    if let Err(e) = flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out) {
        return fail(format!("truncated or corrupt gzip data: {e}"));
    }
    let mut o = opts.clone();
    if o.format == crate::InputFormat::Auto {
        o.format = crate::detect(path.strip_suffix(".gz").unwrap_or(path), &out);
    }
    crate::read(path, &out, &o)
}

/// Open an input as a buffered stream (for JSON Lines and WARC files read a batch at a time),
/// gunzipping it when its first bytes say gzip.
pub fn open(path: &str) -> Result<Box<dyn BufRead>, String> {
    let raw: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?)
    };
    let mut r = BufReader::with_capacity(1 << 16, raw);
    let gz = r.fill_buf().map(is_gzip).unwrap_or(false);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(r),
        ))
    } else {
        Box::new(r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tmpdir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("dateline-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        d
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).expect("gzip");
        e.finish().expect("gzip")
    }

    #[test]
    fn a_directory_is_its_files_sorted_with_hidden_ones_left_out() {
        let d = tmpdir("walk");
        for f in [
            "b.txt",
            "a/z.txt",
            "a.txt",
            ".hidden.txt",
            ".git/x.txt",
            "a/.y.txt",
        ] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, "x").expect("write");
        }
        let mut errors = Vec::new();
        let got = expand(&[d.to_string_lossy().into_owned()], &mut errors);
        let names: Vec<String> = got
            .iter()
            .map(|g| {
                g.strip_prefix(&*d.to_string_lossy())
                    .unwrap_or(g)
                    .to_string()
            })
            .collect();
        // sorted by path component: a folder's files come before a file named like it + ".txt"
        assert_eq!(names, ["/a/z.txt", "/a.txt", "/b.txt"]);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn standard_input_and_files_are_kept_as_given() {
        let mut errors = Vec::new();
        let got = expand(&["-".into(), "no/such/file.txt".into()], &mut errors);
        assert_eq!(got, ["-", "no/such/file.txt"]);
    }

    #[test]
    fn gzip_is_known_by_its_bytes_not_its_name() {
        let d = tmpdir("gz");
        let p = d.join("story.txt");
        std::fs::write(&p, gzip(b"The council met on Monday.\n")).expect("write");
        let docs = read_file(&p.to_string_lossy(), &ReadOptions::default());
        let doc = docs[0].as_ref().expect("read");
        assert_eq!(doc.body, "The council met on Monday.\n");
    }

    #[test]
    fn a_truncated_gzip_file_is_an_error_naming_it() {
        let d = tmpdir("trunc");
        let p = d.join("cut.txt.gz");
        let g = gzip(b"A long enough story about a harbour and its ferries.\n");
        std::fs::write(&p, &g[..g.len() / 2]).expect("write");
        let docs = read_file(&p.to_string_lossy(), &ReadOptions::default());
        let e = docs[0].as_ref().expect_err("truncated").to_string();
        assert!(e.contains("cut.txt.gz") && e.contains("gzip"), "{e}");
    }

    #[test]
    fn a_gzipped_stream_is_opened_unpacked() {
        let d = tmpdir("stream");
        let p = d.join("items.jsonl.gz");
        std::fs::write(&p, gzip(b"{\"id\":\"1\",\"text\":\"x\"}\n")).expect("write");
        let mut line = String::new();
        open(&p.to_string_lossy())
            .expect("open")
            .read_line(&mut line)
            .expect("line");
        assert_eq!(line, "{\"id\":\"1\",\"text\":\"x\"}\n");
    }
}
