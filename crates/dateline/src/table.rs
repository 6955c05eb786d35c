//! `dateline query`'s tables for people: the readable columns of an answer, fitted to the
//! terminal's width. Short columns (dates, codes, counts) keep their width; the text columns
//! (names, titles, quotes) share what is left, the widest cut first, each cut marked "…".
//! Articles are shown by their title, dates by their day.

use dateline_store::query::{cell, Table};
use std::io::{self, IsTerminal, Write};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Spaces between columns.
const GAP: usize = 2;
/// A text column is never cut below this many columns.
const MIN_TEXT: usize = 8;
/// The width when standard output is not a terminal and `COLUMNS` does not say.
const DEFAULT_WIDTH: usize = 120;

/// How a column of a view is shown.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Kept whole: dates, codes, counts.
    Fixed,
    /// Cut to fit: names, titles, quotes.
    Text,
    /// A date or timestamp, shown by its day.
    Day,
}

/// A column of a view: its heading, the answer's columns it joins (with a space), its kind,
/// and when it gives way on a narrow terminal (1 first; 0 never).
type ViewColumn = (&'static str, &'static [&'static str], Kind, u8);

/// A shown column: heading, the answer's columns it joins, kind, when it gives way.
type Shown = (String, Vec<usize>, Kind, u8);

/// The columns shown for an answer with these columns: the readable view of an events or
/// quotes answer, else (SQL) every column as it is.
fn view(columns: &[String]) -> Vec<Shown> {
    use Kind::*;
    const EVENTS: &[ViewColumn] = &[
        ("date", &["date"], Fixed, 0),
        ("cameo", &["cameo"], Fixed, 0),
        ("plover", &["plover"], Fixed, 2),
        ("source", &["source_code", "source_name"], Text, 0),
        ("target", &["target_code", "target_name"], Text, 0),
        ("place", &["place_name"], Text, 4),
        ("mentions", &["num_mentions"], Fixed, 3),
        ("articles", &["num_articles"], Fixed, 1),
        ("title", &["title"], Text, 0),
    ];
    const QUOTES: &[ViewColumn] = &[
        ("date", &["published"], Day, 0),
        ("speaker", &["speaker_canonical"], Text, 0),
        ("cue", &["cue"], Fixed, 1),
        ("quote", &["text"], Text, 0),
        ("title", &["title"], Text, 2),
    ];
    let pos = |name: &str| columns.iter().position(|c| c == name);
    [EVENTS, QUOTES]
        .into_iter()
        .find_map(|v| {
            v.iter()
                .map(|&(head, names, kind, gives_way)| {
                    let idx = names.iter().map(|n| pos(n)).collect::<Option<Vec<_>>>()?;
                    Some((head.to_string(), idx, kind, gives_way))
                })
                .collect::<Option<Vec<_>>>()
        })
        .unwrap_or_else(|| {
            columns
                .iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), vec![i], Kind::Text, 0))
                .collect()
        })
}

/// The width to fit: the terminal's, else `COLUMNS`, else [`DEFAULT_WIDTH`].
pub(crate) fn output_width() -> usize {
    if io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return usize::from(w).max(40);
        }
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(DEFAULT_WIDTH)
}

/// Column widths: `natural` where they fit in `width`; else the text columns capped at the
/// largest width that fits (never below [`MIN_TEXT`], or their natural width if smaller).
fn fit(natural: &[usize], text: &[bool], width: usize) -> Vec<usize> {
    let gaps = GAP * natural.len().saturating_sub(1);
    let total = |cap: usize| -> usize {
        natural
            .iter()
            .zip(text)
            .map(|(&n, &t)| if t { n.min(cap) } else { n })
            .sum::<usize>()
            + gaps
    };
    let widest = natural.iter().copied().max().unwrap_or(0);
    if total(widest) <= width {
        return natural.to_vec();
    }
    // the largest cap that fits, found by halving (total is monotone in the cap)
    let (mut lo, mut hi) = (MIN_TEXT, widest);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if total(mid) <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    natural
        .iter()
        .zip(text)
        .map(|(&n, &t)| if t { n.min(lo) } else { n })
        .collect()
}

/// The columns of `shown` that fit in `width` when every text column is at its narrowest:
/// those that give way first are left out until the rest fit (or none can give way).
fn narrowed(mut shown: Vec<Shown>, t: &Table, width: usize) -> Vec<Shown> {
    let narrowest = |s: &[Shown]| -> usize {
        s.iter()
            .map(|(head, idx, kind, _)| {
                let longest = t
                    .rows
                    .iter()
                    .map(|r| {
                        let w: usize = idx
                            .iter()
                            .map(|&i| r.get(i).map(|v| cell(v).width()).unwrap_or(0) + 1)
                            .sum();
                        w.saturating_sub(1)
                    })
                    .chain([head.width()])
                    .max()
                    .unwrap_or(0);
                if *kind == Kind::Text {
                    longest.min(MIN_TEXT)
                } else {
                    longest
                }
            })
            .sum::<usize>()
            + GAP * s.len().saturating_sub(1)
    };
    while narrowest(&shown) > width {
        let Some(k) = shown
            .iter()
            .enumerate()
            .filter(|(_, c)| c.3 > 0)
            .min_by_key(|(_, c)| c.3)
            .map(|(k, _)| k)
        else {
            break;
        };
        shown.remove(k);
    }
    shown
}

/// `s` cut to `width` display columns, "…" marking a cut.
fn clip(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// One line of cells padded to their widths (the last one not padded).
fn line(cells: &[String], widths: &[usize]) -> String {
    let mut out = String::new();
    for (k, (c, &w)) in cells.iter().zip(widths).enumerate() {
        if k > 0 {
            out.push_str(&" ".repeat(GAP));
        }
        out.push_str(c);
        if k + 1 < cells.len() {
            out.push_str(&" ".repeat(w.saturating_sub(c.width())));
        }
    }
    out.trim_end().to_string()
}

/// `t` as a table `width` columns wide, with a closing row count.
pub(crate) fn write(out: &mut impl Write, t: &Table, width: usize) -> io::Result<()> {
    let shown = view(&t.columns);
    let shown = narrowed(shown, t, width);
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            shown
                .iter()
                .map(|(_, idx, kind, _)| {
                    let v = idx
                        .iter()
                        .map(|&i| r.get(i).map(cell).unwrap_or_default())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
                    match kind {
                        Kind::Day => dateline_core::date::calendar_part(&v).to_string(),
                        _ => v,
                    }
                })
                .collect()
        })
        .collect();
    let heads: Vec<String> = shown.iter().map(|(h, _, _, _)| h.clone()).collect();
    let natural: Vec<usize> = (0..shown.len())
        .map(|k| {
            rows.iter()
                .map(|r| r[k].width())
                .chain([heads[k].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let text: Vec<bool> = shown.iter().map(|(_, _, k, _)| *k == Kind::Text).collect();
    let widths = fit(&natural, &text, width);
    let clipped = |cells: &[String]| -> Vec<String> {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| clip(c, w))
            .collect()
    };
    writeln!(out, "{}", line(&clipped(&heads), &widths))?;
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    writeln!(out, "{}", line(&rule, &widths))?;
    for r in &rows {
        writeln!(out, "{}", line(&clipped(r), &widths))?;
    }
    writeln!(
        out,
        "({} row{})",
        t.rows.len(),
        if t.rows.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_store::query::Value;

    fn table(columns: &[&str], rows: Vec<Vec<&str>>) -> Table {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(|v| Value::Text(v.to_string())).collect())
                .collect(),
        }
    }

    /// An events answer of one row, with an id column the view leaves out.
    fn one_event() -> Table {
        let row = [
            ("id", "123"),
            ("date", "2024-03-14"),
            ("cameo", "042"),
            ("plover", "CONSULT"),
            ("source_code", "KEN"),
            ("source_name", "William Ruto"),
            ("target_code", "ETH"),
            ("target_name", "Abiy Ahmed"),
            ("place_name", "Addis Ababa"),
            ("num_mentions", "2"),
            ("num_articles", "1"),
            ("title", "Leaders meet on trade"),
        ];
        let cols: Vec<&str> = row.iter().map(|(c, _)| *c).collect();
        table(&cols, vec![row.iter().map(|(_, v)| *v).collect()])
    }

    fn render(t: &Table, width: usize) -> String {
        let mut out = Vec::new();
        write(&mut out, t, width).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn text_columns_give_way_and_short_ones_stay_whole() {
        let t = table(
            &[
                "published",
                "article",
                "speaker_canonical",
                "cue",
                "text",
                "title",
            ],
            vec![vec![
                "2024-03-14T09:30:00Z",
                "9f2c4e1a7b3d5f60",
                "Harbour Master Aino Virtanen",
                "said",
                "We will reopen the northern quay once the divers have checked every pile.",
                "Oulu Harbour Reopens After Storm Damage Is Repaired",
            ]],
        );
        let wide = render(&t, 300);
        assert!(
            wide.contains("every pile.") && wide.contains("Is Repaired"),
            "{wide}"
        );
        assert!(
            !wide.contains("9f2c4e1a7b3d5f60"),
            "article ids are not shown: {wide}"
        );
        assert!(
            wide.contains("2024-03-14  ") && !wide.contains("09:30"),
            "{wide}"
        );
        let narrow = render(&t, 80);
        for l in narrow.lines() {
            assert!(l.width() <= 80, "{} columns: {l}", l.width());
        }
        assert!(
            narrow.contains("2024-03-14") && narrow.contains("said"),
            "{narrow}"
        );
        assert!(narrow.starts_with("date        speaker"), "{narrow}");
        assert!(narrow.contains('…'), "{narrow}");
        assert!(narrow.ends_with("(1 row)\n"), "{narrow}");
    }

    #[test]
    fn fitting_caps_the_widest_text_columns_first() {
        // two text columns of 40 and 12, a fixed one of 10, two gaps: 66 wide
        assert_eq!(
            fit(&[10, 40, 12], &[false, true, true], 80),
            vec![10, 40, 12]
        );
        assert_eq!(
            fit(&[10, 40, 12], &[false, true, true], 40),
            vec![10, 14, 12]
        );
        // never below the minimum, even when that overflows
        assert_eq!(fit(&[10, 40, 12], &[false, true, true], 20), vec![10, 8, 8]);
    }

    #[test]
    fn on_a_narrow_terminal_the_least_needed_columns_give_way() {
        let t = one_event();
        let wide = render(&t, 200);
        assert!(
            wide.contains("articles") && wide.contains("plover"),
            "{wide}"
        );
        let narrow = render(&t, 64);
        assert!(
            !narrow.contains("articles") && !narrow.contains("plover"),
            "{narrow}"
        );
        assert!(
            narrow.contains("date") && narrow.contains("title"),
            "{narrow}"
        );
        for l in narrow.lines() {
            assert!(l.width() <= 64, "{l}");
        }
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(clip("北京市人民政府", 7), "北京市…");
        assert_eq!(clip("Oulu", 7), "Oulu");
    }

    #[test]
    fn an_events_code_and_name_share_a_column() {
        let t = one_event();
        let s = render(&t, 200);
        assert!(
            s.contains("KEN William Ruto") && s.contains("ETH Abiy Ahmed"),
            "{s}"
        );
        assert!(!s.contains("123"), "{s}");
    }

    #[test]
    fn sql_answers_show_every_column() {
        let t = table(&["a", "b"], vec![vec!["1", "two"]]);
        let s = render(&t, 80);
        assert!(s.starts_with("a  b\n"), "{s}");
    }
}
