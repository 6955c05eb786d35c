//! Errors loading the gazetteer. Their text names the file and line ("data/geo/places.tsv:
//! line 12: expected 9 columns, found 5"); nothing in a malformed file is guessed.

/// Why the gazetteer or one of its files does not load.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoError {
    /// A line of a gazetteer file that does not parse.
    #[error("line {line}: {problem}")]
    Line { line: usize, problem: LineProblem },
    /// An error in a file of `data/geo/`, named.
    #[error("data/geo/{file}: {error}")]
    File { file: String, error: Box<GeoError> },
    /// A file the binary does not bundle.
    #[error("data/geo/{0}: not bundled")]
    NotBundled(String),
    /// A file that cannot be read (when the build script reads the files).
    #[error("data/geo/{file}: cannot read: {reason}")]
    Unreadable { file: String, reason: String },
}

/// What is wrong with a line of a gazetteer file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LineProblem {
    #[error("expected {expected} columns, found {found}")]
    Columns { expected: usize, found: usize },
    #[error("expected {0} columns")]
    MissingColumns(usize),
    #[error("{what} {text:?} is not a number")]
    NotANumber { what: &'static str, text: String },
    #[error("{what} {value} out of range ±{max}")]
    OutOfRange {
        what: &'static str,
        value: f64,
        max: f64,
    },
    #[error("kind {0:?} is not state or county")]
    Kind(String),
    #[error("id {0:?} is not a number")]
    Id(String),
    /// a two-column line of a country's other names: `what<TAB>ISO3`
    #[error("expected {0}<TAB>ISO3")]
    NameAndCountry(&'static str),
    #[error("unknown country {0:?}")]
    UnknownCountry(String),
    #[error("unknown country code {0:?}")]
    UnknownCountryCode(String),
    #[error("no region {0:?}")]
    NoRegion(String),
}

impl GeoError {
    /// The error of line `line`.
    pub fn line(line: usize, problem: LineProblem) -> GeoError {
        GeoError::Line { line, problem }
    }

    /// This error, in file `data/geo/{file}`.
    pub fn in_file(self, file: &str) -> GeoError {
        GeoError::File {
            file: file.to_string(),
            error: Box::new(self),
        }
    }
}

/// Callers that report errors as text take the error's text.
impl From<GeoError> for String {
    fn from(e: GeoError) -> String {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts are those the loader has always given: callers and users read them.
    #[test]
    fn errors_read_as_before() {
        let cases = [
            (
                GeoError::line(3, LineProblem::MissingColumns(2)).in_file("region-adjectives.tsv"),
                "data/geo/region-adjectives.tsv: line 3: expected 2 columns",
            ),
            (
                GeoError::line(4, LineProblem::NoRegion("Atlantis".into()))
                    .in_file("region-adjectives.tsv"),
                "data/geo/region-adjectives.tsv: line 4: no region \"Atlantis\"",
            ),
            (
                GeoError::NotBundled("moon.tsv".into()),
                "data/geo/moon.tsv: not bundled",
            ),
            (
                GeoError::Unreadable {
                    file: "places.tsv".into(),
                    reason: "gone".into(),
                },
                "data/geo/places.tsv: cannot read: gone",
            ),
            (
                GeoError::line(1, LineProblem::NameAndCountry("alias")),
                "line 1: expected alias<TAB>ISO3",
            ),
            (
                GeoError::line(2, LineProblem::UnknownCountry("XYZ".into())),
                "line 2: unknown country \"XYZ\"",
            ),
            (
                GeoError::line(2, LineProblem::UnknownCountryCode("XYZ".into())),
                "line 2: unknown country code \"XYZ\"",
            ),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter(|(e, want)| e.to_string() != *want)
            .map(|(e, want)| format!("{e:?}: got {:?}, want {want:?}", e.to_string()))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert_eq!(
            String::from(GeoError::NotBundled("x".into())),
            "data/geo/x: not bundled"
        );
    }
}
