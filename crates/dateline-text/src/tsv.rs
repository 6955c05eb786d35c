//! Reading the bundled tab-separated tables fast: [`lines`] and [`fields`] split as
//! `str::lines` and `str::split('\t')` do, by plain passes over the bytes. The gazetteer's
//! 12 MB of places and the 3.5 MB of word classes are read at every start-up, and the
//! standard library's character searcher costs several times as much on their short fields.

/// The lines of `text` as [`str::lines`] gives them (without `\n` or `\r\n`).
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.bytes().position(|b| b == b'\n') {
            Some(e) => {
                let line = &rest[..e];
                rest = &rest[e + 1..];
                // a carriage return only ends a line before a line feed
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => Some(std::mem::take(&mut rest)),
        }
    })
}

/// The first `N` tab-separated fields of `line` (the last one ends at the next tab, if any),
/// or, when the line has fewer, how many it has.
pub fn fields<const N: usize>(line: &str) -> Result<[&str; N], usize> {
    let mut out = [""; N];
    if N == 0 {
        return Ok(out);
    }
    let mut found = 0;
    let mut start = 0;
    for (k, b) in line.bytes().enumerate() {
        if b == b'\t' {
            out[found] = &line[start..k];
            found += 1;
            start = k + 1;
            if found == N {
                return Ok(out);
            }
        }
    }
    out[found] = &line[start..];
    found += 1;
    if found == N {
        Ok(out)
    } else {
        Err(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_fields_split_as_the_standard_library_does() {
        for text in [
            "a\tb\tc\r\n\nd\te\n#x\tq\nlast\t\t",
            "",
            "\n",
            "one",
            "ends\n",
            "\r\n\r\n",
            "last\r",
            "x\n\r",
            "a\rb\r\n",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
        assert_eq!(fields::<3>("a\tb\tc\td"), Ok(["a", "b", "c"]));
        assert_eq!(fields::<3>("a\t\t"), Ok(["a", "", ""]));
        assert_eq!(fields::<3>("a\tb"), Err(2));
        assert_eq!(fields::<2>(""), Err(1));
        assert_eq!(fields::<1>("only"), Ok(["only"]));
        assert_eq!(fields::<0>("a\tb"), Ok([]));
        // fields of several bytes per character
        assert_eq!(fields::<2>("Sōchi\tСочи"), Ok(["Sōchi", "Сочи"]));
    }
}
