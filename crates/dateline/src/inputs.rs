//! The inputs of `read`, `code` and `ingest` in the order given: files, folders (walked),
//! `-` (standard input) and http(s) URLs, fetched politely and read as the file would be
//! (`dateline_watch::remote`).

use dateline_read::{ReadOptions, ReadResult};
use dateline_watch::remote::{is_url, Remote};

/// One input after folders are walked.
pub(crate) enum Input {
    Path(String),
    Url(String),
}

/// Walk the folders among `inputs` (as `dateline_read::files::expand_counting` does), keeping
/// URLs where they stand.
pub(crate) fn expand(
    inputs: &[String],
    errors: &mut Vec<String>,
    skipped: &mut usize,
) -> Vec<Input> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < inputs.len() {
        if is_url(&inputs[i]) {
            out.push(Input::Url(inputs[i].clone()));
            i += 1;
            continue;
        }
        let j = (i..inputs.len())
            .find(|&k| is_url(&inputs[k]))
            .unwrap_or(inputs.len());
        out.extend(
            dateline_read::files::expand_counting(&inputs[i..j], errors, skipped)
                .into_iter()
                .map(Input::Path),
        );
        i = j;
    }
    out
}

/// [`dateline_read::for_each_batch`] over files and URLs alike, in input order; `file_done`
/// hears of each URL as of a file.
pub(crate) fn for_each_batch<E>(
    inputs: &[Input],
    opts: &ReadOptions,
    fetch: &dateline_watch::http::HttpConfig,
    batch: usize,
    mut f: impl FnMut(Vec<ReadResult>) -> Result<(), E>,
    mut file_done: impl FnMut(usize, Option<String>),
) -> Result<(), E> {
    let mut remote: Option<Remote> = None;
    let mut i = 0;
    while i < inputs.len() {
        match &inputs[i] {
            Input::Url(u) => {
                let r = remote.get_or_insert_with(|| Remote::new(fetch.clone()));
                let note = r.read(u, opts, batch, &mut f)?;
                file_done(1, note);
                i += 1;
            }
            Input::Path(_) => {
                let paths: Vec<String> = inputs[i..]
                    .iter()
                    .map_while(|x| match x {
                        Input::Path(p) => Some(p.clone()),
                        Input::Url(_) => None,
                    })
                    .collect();
                i += paths.len();
                dateline_read::for_each_batch(&paths, opts, batch, &mut f, &mut file_done)?;
            }
        }
    }
    Ok(())
}
