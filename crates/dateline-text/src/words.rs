//! The one reader of the bundled word lists (`data/*/*.txt`, `*.tsv`): one entry per line,
//! blank lines and `#` comment lines skipped, each entry trimmed. Every stage's vocabulary is
//! read through here (formats in docs/data-formats.md), so a list means the same thing
//! wherever it is loaded.

use crate::hash::FastSet;

/// The entries of a word list, in file order.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a word list as a set.
pub fn set(text: &str) -> FastSet<String> {
    entries(text).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_no_entries() {
        let text = "# a header line\n# Source: written for a test\n\n harbour \nferry\n  # indented comment\n";
        assert_eq!(entries(text).collect::<Vec<_>>(), ["harbour", "ferry"]);
    }

    #[test]
    fn a_set_holds_each_entry_once() {
        let s = set("dock\ndock\nquay\n");
        assert_eq!(s.len(), 2);
        assert!(s.contains("quay"));
    }
}
