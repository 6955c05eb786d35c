//! Files and streams to bytes: directories walked, gzip undone, standard input read.
//!
//! Every way the project opens an input lives here, so that gzip is sniffed in one place (by its
//! magic bytes, not its name: a `.jsonl` that is really gzip is read, and a `.gz` that is not is
//! read as it is) and a directory is walked one way (sorted paths, hidden entries skipped,
//! files that are not articles by their name (`data/read/not-articles.txt`) or by their first
//! bytes (binary) skipped and counted).

use crate::{ReadOptions, ReadResult};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// What a directory walk left out, as it is reported: "3 files skipped: not articles".
pub fn skipped_note(n: usize) -> String {
    let files = if n == 1 { "file" } else { "files" };
    format!("{n} {files} skipped: not articles")
}

/// The two bytes every gzip member opens with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether bytes (a whole file, or the first bytes of a stream) are gzip-compressed.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&GZIP_MAGIC)
}

/// File-name endings of files that are not articles, one per line.
const NOT_ARTICLES: &str = include_str!("../data/read/not-articles.txt");

/// How many bytes from the start of a file decide whether it is binary.
const SNIFF_BYTES: usize = 8192;

/// The endings of [`NOT_ARTICLES`], each with its leading dot.
fn not_article_endings() -> &'static [String] {
    static ENDINGS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        dateline_core::words::entries(NOT_ARTICLES)
            .map(|e| format!(".{}", e.to_ascii_lowercase()))
            .collect()
    });
    &ENDINGS
}

/// Whether a file's name says it is no article (an image, a table, an archive …).
pub fn not_article_by_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    not_article_endings()
        .iter()
        .any(|e| name.ends_with(e.as_str()))
}

/// Whether a directory walk would read this file: not hidden below `root` (no name of its
/// path under `root` starts with `.`), and an article by its name and its content. For a file
/// seen changing in a watched folder (`dateline watch`), judged as [`expand`] judges the
/// files of a walk.
pub fn walk_would_read(root: &Path, path: &Path) -> bool {
    let hidden = path
        .strip_prefix(root)
        .map(|rel| rel.components().any(|c| is_hidden(c.as_os_str())))
        .unwrap_or(true);
    !hidden && !not_article_by_name(path) && !binary_content(path)
}

/// Whether a file's first bytes are binary: a NUL byte, unless the bytes are gzip or open with
/// a byte-order mark (UTF-16 text has NUL bytes). A file that cannot be opened is not judged
/// here; reading it reports why.
fn binary_content(path: &Path) -> bool {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    if f.take(SNIFF_BYTES as u64).read_to_end(&mut head).is_err() {
        return false;
    }
    !is_gzip(&head) && encoding_rs::Encoding::for_bom(&head).is_none() && head.contains(&0)
}

/// Expand command-line inputs into files: `-` (standard input) and files as given, directories
/// recursively (symbolic links followed), their files sorted by path, hidden files and folders
/// (names starting with `.`) skipped. A directory that cannot be read, or that holds no file to
/// read, is an error in `errors`; the rest go on. Files of a directory that are not articles
/// by name or content are left out (see [`expand_counting`] for how many).
pub fn expand(inputs: &[String], errors: &mut Vec<String>) -> Vec<String> {
    expand_counting(inputs, errors, &mut 0)
}

/// [`expand`], adding to `skipped` the number of a directory's files left out as not articles.
pub fn expand_counting(
    inputs: &[String],
    errors: &mut Vec<String>,
    skipped: &mut usize,
) -> Vec<String> {
    let mut out = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input == "-" || !path.is_dir() {
            out.push(input.clone());
            continue;
        }
        let mut files = Vec::new();
        let mut left_out = 0;
        let errors_before = errors.len();
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walk {
            match entry {
                Ok(e) if !e.file_type().is_dir() => {
                    if not_article_by_name(e.path()) || binary_content(e.path()) {
                        left_out += 1;
                    } else {
                        files.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(walk_error(&e, path)),
            }
        }
        *skipped += left_out;
        if files.is_empty() && errors.len() == errors_before {
            errors.push(if left_out == 0 {
                format!("{input}: no files to read (empty directory)")
            } else {
                format!("{input}: no articles to read ({})", skipped_note(left_out))
            });
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
/// `.gz` and its unpacked bytes. An input longer than `opts.max_article_bytes` is read only up
/// to the limit and cut at a sentence or line end below it (a warning on the article says so);
/// JSON Lines, WARC and feed data, many records in one input, are read whole (a JSON Lines
/// stream's records and a WARC stream's are bounded one by one: see [`crate::batches`]).
pub fn read_file(path: &str, opts: &ReadOptions) -> Vec<ReadResult> {
    let fail = |message: String| vec![Err(crate::err(path, message))];
    let limit = opts.max_article_bytes.max(1);
    let (mut bytes, gz, over, mut rest) = match read_bounded(path, limit) {
        Ok(r) => r,
        Err((true, e)) => return fail(format!("truncated or corrupt gzip data: {e}")),
        Err((false, e)) => return fail(format!("cannot read: {e}")),
    };
    let mut o = opts.clone();
    if gz && o.format == crate::InputFormat::Auto {
        o.format = crate::detect(path.strip_suffix(".gz").unwrap_or(path), &bytes);
    }
    let format = match o.format {
        crate::InputFormat::Auto => crate::detect(path, &bytes),
        f => f,
    };
    if !over {
        return crate::read(path, &bytes, &o);
    }
    if matches!(
        format,
        crate::InputFormat::Jsonl | crate::InputFormat::Warc | crate::InputFormat::Feed
    ) {
        return match rest.read_to_end(&mut bytes) {
            Ok(_) => crate::read(path, &bytes, &o),
            Err(e) if gz => fail(format!("truncated or corrupt gzip data: {e}")),
            Err(e) => fail(format!("cannot read: {e}")),
        };
    }
    let at = crate::cut_point(&bytes, limit);
    bytes.truncate(at);
    let warning = format!(
        "{}: the input is longer than --max-article-bytes {limit}; cut at a sentence or line end after byte {at}",
        crate::CUT_WARNING
    );
    let mut out = crate::read(path, &bytes, &o);
    for d in out.iter_mut().flatten() {
        d.warnings.push(warning.clone());
    }
    out
}

/// What [`read_bounded`] read: the bytes, whether they were gzip, whether there was more than
/// the limit, and the reader, positioned after them.
type Bounded = (Vec<u8>, bool, bool, Box<dyn Read>);

/// At most `limit + 1` bytes of an input, gunzipped when it is gzip. An error says whether it
/// came from gzip data.
fn read_bounded(path: &str, limit: usize) -> Result<Bounded, (bool, io::Error)> {
    let raw: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| (false, e))?)
    };
    let mut r = BufReader::with_capacity(1 << 16, raw);
    let gz = r.fill_buf().map(is_gzip).map_err(|e| (false, e))?;
    let mut src: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(r))
    } else {
        Box::new(r)
    };
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    src.by_ref()
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| (gz, e))?;
    let over = bytes.len() > limit;
    Ok((bytes, gz, over, src))
}

/// Open an input as a buffered stream (for JSON Lines and WARC files read a batch at a time),
/// gunzipping it when its first bytes say gzip. The error is the message alone ("cannot read:
/// …"): the caller's `ReadError` names the file.
pub fn open(path: &str) -> Result<Box<dyn BufRead>, String> {
    let raw: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?)
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
        // one file judged alone as the walk judged it
        for (f, read) in [
            ("a/z.txt", true),
            ("b.txt", true),
            (".hidden.txt", false),
            (".git/x.txt", false),
            ("a/.y.txt", false),
        ] {
            assert_eq!(walk_would_read(&d, &d.join(f)), read, "{f}");
        }
        assert!(!walk_would_read(&d, Path::new("/elsewhere/b.txt")));
    }

    #[test]
    fn a_directory_walk_leaves_out_files_that_are_not_articles() {
        let d = tmpdir("skip");
        let files: [(&str, &[u8]); 7] = [
            ("story.txt", b"The mayor spoke."),
            ("story.md", b"# Mayor\n\nShe spoke."),
            ("page.html.gz", &gzip(b"<p>x</p>")),
            ("photo.JPG", b"not really a photo"),
            ("table.csv", b"a,b\n1,2\n"),
            ("bundle.tar.gz", &gzip(b"x")),
            ("noext", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
        ];
        for (name, bytes) in files {
            std::fs::write(d.join(name), bytes).expect("write");
        }
        let (mut errors, mut skipped) = (Vec::new(), 0);
        let got = expand_counting(
            &[d.to_string_lossy().into_owned()],
            &mut errors,
            &mut skipped,
        );
        let names: Vec<&str> = got.iter().filter_map(|g| g.rsplit('/').next()).collect();
        assert_eq!(names, ["page.html.gz", "story.md", "story.txt"]);
        assert_eq!(skipped, 4);
        assert!(errors.is_empty(), "{errors:?}");
        // a file named on the command line is read as given, whatever its name
        let photo = d.join("photo.JPG").to_string_lossy().into_owned();
        assert_eq!(expand(std::slice::from_ref(&photo), &mut errors), [photo]);
    }

    #[test]
    fn a_directory_with_nothing_to_read_is_an_error() {
        let d = tmpdir("empty");
        let mut errors = Vec::new();
        assert!(expand(&[d.to_string_lossy().into_owned()], &mut errors).is_empty());
        assert!(errors[0].contains("empty directory"), "{errors:?}");
        std::fs::write(d.join("a.png"), b"x").expect("write");
        let mut errors = Vec::new();
        assert!(expand(&[d.to_string_lossy().into_owned()], &mut errors).is_empty());
        assert!(
            errors[0].contains("1 file skipped: not articles"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_list_of_endings_loads_whole() {
        let endings = not_article_endings();
        assert!(endings.len() > 50);
        assert!(
            endings.iter().all(|e| e.len() > 1 && !e.contains(' ')),
            "{endings:?}"
        );
        assert!(!endings
            .iter()
            .any(|e| e == ".gz" || e == ".warc" || e == ".txt"));
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
        let missing = d.join("gone.jsonl");
        let e = open(&missing.to_string_lossy()).err().expect("an error");
        assert!(
            e.starts_with("cannot read: "),
            "the caller names the file once: {e}"
        );
    }
}
