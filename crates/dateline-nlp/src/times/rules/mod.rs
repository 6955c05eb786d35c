//! The rules that read a time at a token, tried in order: [`RULES`] is the table, [`at`] walks
//! it. The first rule that reads a time at a token wins, so the order matters (longer and more
//! specific readings first: "next year's first quarter" before "next year", a month and day
//! before a bare month, a clock with a zone before a year).
//!
//! A rule reads the sentence ([`Ctx`]) at token `i` and says one of three things: a time
//! ([`Reading::Time`], how many words it takes, its TIMEX3 type and value), no time at all
//! ([`Reading::NotATime`]: the walk stops, as for the verb "march"), or nothing (`None`: the
//! next rule is tried). Each rule has a gate ([`gate`]): the words its first condition can
//! accept, by name or by class; the walk tries a rule only at such a word, where it might read
//! something. Each rule's examples (the expression in brackets, in a sentence) are
//! checked by a test beside it: the walk reaches that rule there and it reads exactly the
//! bracketed words, the publication date being Friday 2018-05-18.
//!
//! The rules by concept: [`dates`] (calendar dates, weekdays, months, holidays, years,
//! decades, centuries), [`deictic`] ("today", "tonight", "these days", "the future"),
//! [`relative`] (times counted from the publication date: "last month", "three years ago",
//! "the weekend", "the end of the month"), [`fiscal`] (quarters, halves, fiscal years and a
//! company report's periods), [`durations`] ("three years", "a week-long", "for months"),
//! [`sets`] ("every Friday", "weekly", "on Sundays"), [`clock`] (clock times) and
//! [`by_reference`] ("that year", "the next morning", resolved later by `anaphora`).

mod by_reference;
mod clock;
mod dates;
mod deictic;
mod durations;
mod fiscal;
mod gate;
mod relative;
mod sets;

use super::sentence::Ctx;
use super::word_class::WordClass;
use dateline_core::TimeKind;
use gate::Gate;

use super::{
    anaphora::*,
    calendar::*,
    clock::*,
    fiscal::*,
    holidays::*,
    numbers::*,
    tense::*,
    words::{words, MODALS},
};
use dateline_core::date::{month_number, weekday_number, Date};

/// A time read at a token.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Match {
    /// How many words it takes.
    pub len: usize,
    /// Its TIMEX3 type.
    pub kind: TimeKind,
    /// Its normalised value (none where the publication date it needs is unknown).
    pub value: Option<String>,
}

/// What a rule says of a token.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Reading {
    /// A time starts here.
    Time(Match),
    /// No time starts here, whatever the later rules would say.
    NotATime,
}

/// A rule's time reading: `len` words of type `kind` and value `value`.
fn time(len: usize, kind: TimeKind, value: Option<String>) -> Option<Reading> {
    Some(Reading::Time(Match { len, kind, value }))
}

/// A named rule of the table.
pub(super) struct Rule {
    /// The rule's name (its function's; read by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// Sentences with the expression it reads in brackets (checked by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [&'static str],
    /// The words it can read a time at, as its first condition on word `i` says: it is tried
    /// at no other ([`gate`]).
    pub gate: Gate,
    /// The rule: what it reads at token `i` of a sentence.
    pub apply: fn(&Ctx, usize) -> Option<Reading>,
}

/// The time that starts at token `i`, if any: the reading of the first rule that has one.
pub(super) fn at(cx: &Ctx, i: usize) -> Option<Match> {
    walk(cx, i).map(|(_, m)| m)
}

/// The first rule with a reading at token `i`, and its time (none if that rule says there is
/// no time there). Only the rules whose gates let word `i` through are tried: the others
/// would read nothing there.
fn walk(cx: &Ctx, i: usize) -> Option<(&'static Rule, Match)> {
    gate::may_read(cx, i)
        .find_map(|r| (r.apply)(cx, i).map(|reading| (r, reading)))
        .and_then(|(r, reading)| match reading {
            Reading::Time(m) => Some((r, m)),
            Reading::NotATime => None,
        })
}

/// A full date read at a token: the day a clock before it is on.
struct DayAt {
    /// How many words it takes.
    len: usize,
    /// Its value (a DATE's of ten characters, `2018-05-18`).
    day: String,
}

/// The full date read at token `j`, if any.
fn day_at(cx: &Ctx, j: usize) -> Option<DayAt> {
    let m = (j < cx.words.len()).then(|| at(cx, j)).flatten()?;
    let day = m.value.filter(|d| d.len() == 10)?;
    (m.kind == TimeKind::Date).then_some(DayAt { len: m.len, day })
}

/// Whether the word at `i + k` may be a weekday's or month's abbreviation: a bare one ("Sun",
/// "Jan" with no full stop) only before a comma, a number or another date word: "Sun
/// Microsystems" and "Jan Kavan" are names.
fn abbreviation_ok(cx: &Ctx, i: usize, k: usize) -> bool {
    let w = |k: usize| cx.word(i, k);
    let r = cx.raw_word(i, k);
    let bare = r.len() <= 4 && !r.ends_with('.') && !matches!(w(k), "may" | "june" | "july");
    // (before a comma, only if a date follows it: "Sun, Jan 2" but "Sun, Hewlett-Packard
    // and others")
    let date_word = |j: usize| {
        w(j).starts_with(|c: char| c.is_ascii_digit())
            || month_number(w(j)).is_some()
            || weekday_number(w(j)).is_some()
    };
    !bare
        || matches!(w(k + 1), "." | "-")
        || date_word(k + 1)
        || w(k + 1) == "," && date_word(k + 2)
}

/// A weekday starting a date ("Monday, April 2").
#[derive(Debug, Clone, Copy, Default)]
struct WeekdayPrefix {
    /// How many words it and its comma take (0 without one).
    len: usize,
    /// The weekday, 0 = Monday.
    weekday: Option<u32>,
}

/// The weekday starting a date at token `i`, if any.
fn weekday_prefix(cx: &Ctx, i: usize) -> WeekdayPrefix {
    let w = |k: usize| cx.word(i, k);
    let raw0 = cx.raw_word(i, 0);
    weekday_number(w(0))
        .filter(|_| {
            raw0.chars().next().is_some_and(char::is_uppercase) && abbreviation_ok(cx, i, 0)
        })
        .map(|wd| WeekdayPrefix {
            len: if w(1) == "," { 2 } else { 1 },
            weekday: Some(wd),
        })
        .unwrap_or_default()
}

/// Words that count from the publication date, read by [`relative_direction`].
const DIRECTIONS: &[&str] = &[
    "last", "next", "this", "past", "coming", "previous", "current",
];

/// The direction of "last", "next", "this", "past", "coming", "previous", "current"
/// ([`DIRECTIONS`]) at token `i` (-1, 1 or 0; "this past spring" is this year's), or none for
/// another word or a title in quotes (ABC's "This Week" is no week).
fn relative_direction(cx: &Ctx, i: usize) -> Option<i64> {
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);
    let title = matches!(prev, "``" | "`" | "\"" | "\u{201c}" | "\u{2018}")
        && cx.raw_word(i, 1).starts_with(char::is_uppercase);
    if !DIRECTIONS.contains(&w(0)) || title {
        return None;
    }
    Some(match w(0) {
        "past" if prev == "this" => 0,
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    })
}

/// The rules, in the order they are tried.
pub(super) const RULES: &[Rule] = &[
    Rule {
        name: "iso_date",
        examples: &["the filing is dated [2017-03-09] in the register"],
        gate: Gate::classes(&[WordClass::Hyphen]),
        apply: dates::iso_date,
    },
    Rule {
        name: "weekday_part_set",
        examples: &["the chess club meets [Tuesday nights] at the library"],
        gate: Gate::classes(&[WordClass::Weekday]),
        apply: sets::weekday_part_set,
    },
    Rule {
        name: "month_name_date",
        examples: &["the treaty was signed on [June 4, 1998] in a castle", "prices climbed sharply in [February]", "nothing moved on [Monday, April 2] at the port"],
        gate: Gate::classes(&[WordClass::Weekday, WordClass::Month]),
        apply: dates::month_name_date,
    },
    Rule {
        name: "weekday",
        examples: &["the mayor resigned on [Wednesday] after a vote", "the jury will return [Sunday morning] to deliberate"],
        gate: Gate::classes(&[WordClass::Weekday]),
        apply: dates::weekday,
    },
    Rule {
        name: "second_day",
        examples: &["the fair runs April 14 and [15] in the park"],
        gate: Gate::classes(&[WordClass::Ordinal, WordClass::Numeral]),
        apply: dates::second_day,
    },
    Rule {
        name: "day_of_month",
        examples: &["the ferry sank on [the 12th of March] near the coast"],
        gate: Gate::words(&["the"]),
        apply: dates::day_of_month,
    },
    Rule {
        name: "day_month",
        examples: &["the ship sailed on [9 October 1912] from the harbour"],
        gate: Gate::classes(&[WordClass::Ordinal, WordClass::Numeral]),
        apply: dates::day_month,
    },
    Rule {
        name: "holiday",
        examples: &["the shops close on [Christmas Day] as usual"],
        gate: Gate::classes(&[WordClass::Holiday]),
        apply: dates::holiday,
    },
    Rule {
        name: "year_earlier_adjective",
        examples: &["sales beat [year-earlier] levels by a wide margin"],
        gate: Gate::words(&["year-earlier", "year-ago"]),
        apply: fiscal::year_earlier_adjective,
    },
    Rule {
        name: "edge_of_month",
        examples: &["the harvest starts in [mid-September] most years"],
        gate: Gate::classes(&[WordClass::Hyphen]),
        apply: dates::edge_of_month,
    },
    Rule {
        name: "part_of_named_day",
        examples: &["the storm hit the coast [mid-afternoon yesterday] with little warning"],
        gate: Gate::classes(&[WordClass::PartOfDay, WordClass::Hyphen]),
        apply: deictic::part_of_named_day,
    },
    Rule {
        name: "part_of_day_with_edge",
        examples: &["crews expect to finish [late evening today] if the rain holds"],
        gate: Gate::words(&["mid", "late", "early"]),
        apply: deictic::part_of_day_with_edge,
    },
    Rule {
        name: "one_day",
        examples: &["she hopes she will [one day] return to the village"],
        gate: Gate::words(&["one"]),
        apply: deictic::one_day,
    },
    Rule {
        name: "these_days",
        examples: &["few people write letters [these days] in the town"],
        gate: Gate::words(&["these"]),
        apply: deictic::these_days,
    },
    Rule {
        name: "several_units",
        examples: &["the club signed a [multi-year] deal with the stadium"],
        gate: Gate::classes(&[WordClass::Hyphen]),
        apply: durations::several_units,
    },
    Rule {
        name: "units_ago",
        examples: &["the old well dried up [years ago] in the drought"],
        gate: Gate::classes(&[WordClass::Unit]),
        apply: relative::units_ago,
    },
    Rule {
        name: "then_current",
        examples: &["the [then-current] rules allowed the merger"],
        gate: Gate::words(&["then", "then-current"]),
        apply: deictic::then_current,
    },
    Rule {
        name: "deictic_word",
        examples: &["the minister spoke to farmers [yesterday] in the capital", "grain prices are [now] stable"],
        gate: Gate::words(&["today", "yesterday", "tomorrow", "tonight", "now", "currently", "nowadays", "recently", "current", "recent"]),
        apply: deictic::deictic_word,
    },
    Rule {
        name: "frequency_word",
        examples: &["the bulletin is printed [weekly] by volunteers"],
        gate: Gate::words(&["daily", "weekly", "monthly", "annually", "yearly", "hourly"]),
        apply: sets::frequency_word,
    },
    Rule {
        name: "this_part_of_day",
        examples: &["the court sits again [this afternoon] to hear the appeal"],
        gate: Gate::words(&["this"]),
        apply: deictic::this_part_of_day,
    },
    Rule {
        name: "last_night",
        examples: &["the fire alarm rang [last night] in the dormitory"],
        gate: Gate::words(&["last"]),
        apply: deictic::last_night,
    },
    Rule {
        name: "quarter_of_named_year",
        examples: &["profits should recover in [next year's second quarter] say analysts"],
        gate: Gate::words(&["this", "last", "next"]),
        apply: fiscal::quarter_of_named_year,
    },
    Rule {
        name: "past_decade",
        examples: &["the town has doubled in size over the [past decade]"],
        gate: Gate::words(&["past"]),
        apply: durations::past_decade,
    },
    Rule {
        name: "season_by_direction",
        examples: &["the footbridge opened [last autumn] after delays"],
        gate: Gate::words(DIRECTIONS),
        apply: relative::season_by_direction,
    },
    Rule {
        name: "unit_by_direction",
        examples: &["bread prices fell [last month] across the region"],
        gate: Gate::words(DIRECTIONS),
        apply: relative::unit_by_direction,
    },
    Rule {
        name: "earlier_this",
        examples: &["the council passed the law [earlier this week] by a narrow vote"],
        gate: Gate::words(&["earlier", "later"]),
        apply: relative::earlier_this,
    },
    Rule {
        name: "half_year",
        examples: &["exports slowed in [the second half of 2016] because of the strike"],
        gate: Gate::words(&["the", "first", "second", "last", "latter"]),
        apply: fiscal::half_year,
    },
    Rule {
        name: "century",
        examples: &["the castle dates from the [14th century] according to the guide"],
        gate: Gate::classes(&[WordClass::Ordinal, WordClass::Numeral]),
        apply: dates::century,
    },
    Rule {
        name: "and_a_half",
        examples: &["the flight over the mountains took [3 1/2 hours] in bad weather"],
        gate: Gate::classes(&[WordClass::Number]),
        apply: durations::and_a_half,
    },
    Rule {
        name: "hour_of_part_of_day",
        examples: &["the phone rang at [4 in the morning] and woke the family"],
        gate: Gate::classes(&[WordClass::Numeral]),
        apply: clock::hour_of_part_of_day,
    },
    Rule {
        name: "fortnights",
        examples: &["the ferry sails again in [a fortnight]", "the well was dug [two fortnights ago] by the villagers"],
        gate: Gate::classes(&[WordClass::Number]),
        apply: durations::fortnights,
    },
    Rule {
        name: "days_of_a_kind",
        examples: &["the refund takes [ten business days] to arrive"],
        gate: Gate::classes(&[WordClass::Number]),
        apply: durations::days_of_a_kind,
    },
    Rule {
        name: "unit_and_a_half",
        examples: &["the mayor's speech lasted [an hour and a half] in the rain"],
        gate: Gate::classes(&[WordClass::Number]),
        apply: durations::unit_and_a_half,
    },
    Rule {
        name: "counted_units_ago",
        examples: &["the factory closed [three years ago] and never reopened"],
        gate: Gate::classes(&[WordClass::Number]),
        apply: relative::counted_units_ago,
    },
    Rule {
        name: "counted_duration",
        examples: &["the miners' strike lasted [six weeks] in total"],
        gate: Gate::classes(&[WordClass::Number]),
        apply: durations::counted_duration,
    },
    Rule {
        name: "length_adjective",
        examples: &["a [week-long] festival filled the square"],
        gate: Gate::classes(&[WordClass::Hyphen]),
        apply: durations::length_adjective,
    },
    Rule {
        name: "pre_or_post_year",
        examples: &["the [post-2008] recovery was slow in the south"],
        gate: Gate::classes(&[WordClass::Hyphen]),
        apply: dates::pre_or_post_year,
    },
    Rule {
        name: "hyphenated_duration",
        examples: &["the ministry unveiled a [five-year] plan for the railways"],
        gate: Gate::classes(&[WordClass::Hyphen]),
        apply: durations::hyphenated_duration,
    },
    Rule {
        name: "hyphenated_quarter",
        examples: &["the brewer reported weak [second-quarter] sales of lager"],
        gate: Gate::classes(&[WordClass::Hyphen]),
        apply: fiscal::hyphenated_quarter,
    },
    Rule {
        name: "week_before_last",
        examples: &["the parcel was shipped [the week before last] from the depot"],
        gate: Gate::words(&["the"]),
        apply: relative::week_before_last,
    },
    Rule {
        name: "day_either_side",
        examples: &["the climbers reached the camp [the day after June 3] in a storm"],
        gate: Gate::words(&["the", "day", "week"]),
        apply: relative::day_either_side,
    },
    Rule {
        name: "day_by_reference",
        examples: &["rescuers returned to the mine [the next morning] with dogs"],
        gate: Gate::words(&["the", "earlier", "later", "that"]),
        apply: by_reference::day_by_reference,
    },
    Rule {
        name: "month_by_reference",
        examples: &["the sale of the mill closed [later that month] for a modest sum"],
        gate: Gate::words(&["that", "the", "later", "earlier"]),
        apply: by_reference::month_by_reference,
    },
    Rule {
        name: "year_by_reference",
        examples: &["the plant reopened [the following year] with new owners"],
        gate: Gate::words(&["that", "later", "earlier", "the"]),
        apply: by_reference::year_by_reference,
    },
    Rule {
        name: "couple_of",
        examples: &["the repairs may take [a couple of weeks] to finish"],
        gate: Gate::words(&["a", "couple"]),
        apply: durations::couple_of,
    },
    Rule {
        name: "decade_in_words",
        examples: &["the band had its biggest hit in [the sixties] in Europe"],
        gate: Gate::words(&["the"]),
        apply: dates::decade_in_words,
    },
    Rule {
        name: "decade_with_apostrophe",
        examples: &["the band had its biggest hit in the ['70s] in Europe"],
        gate: Gate::classes(&[WordClass::Apostrophe]),
        apply: dates::decade_with_apostrophe,
    },
    Rule {
        name: "edge_of_unit",
        examples: &["the landlord raised the rent at [the start of this week] without notice"],
        gate: Gate::words(&["the"]),
        apply: relative::edge_of_unit,
    },
    Rule {
        name: "year_end",
        examples: &["the smelter will close by [year-end], the owners say"],
        gate: Gate::words(&["year-end"]),
        apply: relative::year_end,
    },
    Rule {
        name: "end_of_year",
        examples: &["the museum shop shuts at [year's end] for repairs"],
        gate: Gate::words(&["the", "year"]),
        apply: relative::end_of_year,
    },
    Rule {
        name: "year_ended",
        examples: &["the bakery chain's turnover over [the year] ending May 31 grew"],
        gate: Gate::words(&["the"]),
        apply: fiscal::year_ended,
    },
    Rule {
        name: "the_year",
        examples: &["the shipyard had its best result for [the year] thanks to navy orders"],
        gate: Gate::words(&["the", "earlier", "later"]),
        apply: relative::the_year,
    },
    Rule {
        name: "quarter_a_year_ago",
        examples: &["costs at the mill were lower than in [the quarter a year earlier] because of cheap power"],
        gate: Gate::words(&["the"]),
        apply: fiscal::quarter_a_year_ago,
    },
    Rule {
        name: "fiscal_year",
        examples: &["the budget for [the fiscal year] is tight at the agency"],
        gate: Gate::words(&["the", "this"]),
        apply: fiscal::fiscal_year,
    },
    Rule {
        name: "near_future",
        examples: &["rates will fall in [the near future] the bank hinted"],
        gate: Gate::words(&["the"]),
        apply: deictic::near_future,
    },
    Rule {
        name: "later_date",
        examples: &["the hearing was moved to [a later date] by the judge"],
        gate: Gate::words(&["a"]),
        apply: deictic::later_date,
    },
    Rule {
        name: "units_ahead",
        examples: &["the team faces hard choices in [the months ahead] on the budget"],
        gate: Gate::words(&["the"]),
        apply: durations::units_ahead,
    },
    Rule {
        name: "the_future_or_past",
        examples: &["nobody in the village can predict [the future] of the mine"],
        gate: Gate::words(&["the"]),
        apply: deictic::the_future_or_past,
    },
    Rule {
        name: "vague_units",
        examples: &["the siege of the town lasted for [months] without relief"],
        gate: Gate::classes(&[WordClass::Unit]),
        apply: durations::vague_units,
    },
    Rule {
        name: "each_weekday_or_month",
        examples: &["the flea market opens [every Saturday] near the station", "the kite festival returns [each August] to the beach"],
        gate: Gate::words(&["every", "each"]),
        apply: sets::each_weekday_or_month,
    },
    Rule {
        name: "plural_weekday",
        examples: &["the small museum is closed on [Mondays] all year"],
        gate: Gate::classes(&[WordClass::Weekdays]),
        apply: sets::plural_weekday,
    },
    Rule {
        name: "each_unit",
        examples: &["the price list is revised [every month] by the co-operative"],
        gate: Gate::words(&["every", "each"]),
        apply: sets::each_unit,
    },
    Rule {
        name: "season_with_year",
        examples: &["the documentary premieres in [spring 2019] on television"],
        gate: Gate::classes(&[WordClass::Season]),
        apply: dates::season_with_year,
    },
    Rule {
        name: "the_season",
        examples: &["the outdoor pool reopens in [the summer] after repairs"],
        gate: Gate::words(&["the"]),
        apply: relative::the_season,
    },
    Rule {
        name: "the_ordinal_quarter",
        examples: &["earnings at the mine dipped in [the first quarter] because of floods"],
        gate: Gate::words(&["the"]),
        apply: fiscal::the_ordinal_quarter,
    },
    Rule {
        name: "the_year_ordinal_quarter",
        examples: &["earnings at the mine dipped in [the 2016 third quarter] because of floods"],
        gate: Gate::words(&["the"]),
        apply: fiscal::the_year_ordinal_quarter,
    },
    Rule {
        name: "the_year_quarter",
        examples: &["the dairy sold more cheese than in [the 2016 quarter] thanks to exports"],
        gate: Gate::words(&["the"]),
        apply: fiscal::the_year_quarter,
    },
    Rule {
        name: "the_year_ago_ordinal_quarter",
        examples: &["freight volumes were up from [the year-ago fourth quarter] at the port"],
        gate: Gate::words(&["the"]),
        apply: fiscal::the_year_ago_ordinal_quarter,
    },
    Rule {
        name: "the_weekend",
        examples: &["the mountain roads were crowded over [the weekend] with skiers"],
        gate: Gate::words(&["the"]),
        apply: relative::the_weekend,
    },
    Rule {
        name: "report_quarter",
        examples: &["income at the cement maker for [the latest quarter] rose slightly"],
        gate: Gate::words(&["the"]),
        apply: fiscal::report_quarter,
    },
    Rule {
        name: "ordinal_quarter",
        examples: &["analysts expect weak [third quarter] figures from the toy maker"],
        gate: Gate::classes(&[WordClass::Ordinal]),
        apply: fiscal::ordinal_quarter,
    },
    Rule {
        name: "zoned_military_clock",
        examples: &["the ceasefire in the valley starts at [1800] GMT on paper"],
        gate: Gate::classes(&[WordClass::Numeral]),
        apply: clock::zoned_military_clock,
    },
    Rule {
        name: "quarter_code",
        examples: &["mobile revenue grew in [Q2 2017] for the carrier", "the chip maker's [3Q16] sales slipped"],
        gate: Gate::classes(&[WordClass::Code, WordClass::Numeral]),
        apply: fiscal::quarter_code,
    },
    Rule {
        name: "fiscal_year_code",
        examples: &["the council's [FY2020] budget was cut", "the agency's [FY21] plan was approved"],
        gate: Gate::classes(&[WordClass::Code]),
        apply: fiscal::fiscal_year_code,
    },
    Rule {
        name: "decade_in_digits",
        examples: &["rents in the harbour district soared in the [1980s] as docks closed"],
        gate: Gate::classes(&[WordClass::Numeral, WordClass::Hyphen]),
        apply: dates::decade_in_digits,
    },
    Rule {
        name: "year_in_words",
        examples: &["the lighthouse was built in [nineteen sixty-two] by the navy"],
        gate: Gate::words(&["nineteen", "eighteen", "two"]),
        apply: dates::year_in_words,
    },
    Rule {
        name: "year",
        examples: &["the bridge over the estuary was finished in [1932] by convicts"],
        gate: Gate::classes(&[WordClass::Numeral, WordClass::Hyphen]),
        apply: dates::year,
    },
    Rule {
        name: "noon_or_midnight",
        examples: &["the dock strike ends at [midnight Sunday] unless talks fail"],
        gate: Gate::words(&["noon", "midnight", "midday"]),
        apply: clock::noon_or_midnight,
    },
    Rule {
        name: "clock_time",
        examples: &["the night train leaves at [6:45 p.m.] from platform two"],
        gate: Gate::classes(&[WordClass::Numeral]),
        apply: clock::clock_time,
    },];

/// Check every example of the rule named `name` (see the module doc), reporting all failures.
#[cfg(test)]
fn check_examples(name: &str) {
    use crate::tokens::{lower_case, sentences, tokenize};
    let rule = RULES
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no rule {name}"));
    assert!(!rule.examples.is_empty(), "{name}: no examples");
    let mut failures = Vec::new();
    for ex in rule.examples {
        let (open, close) = match (ex.find('['), ex.find(']')) {
            (Some(o), Some(c)) if o < c => (o, c - 1),
            _ => {
                failures.push(format!("{ex:?}: no [expression]"));
                continue;
            }
        };
        let body = ex.replace(['[', ']'], "");
        let toks = tokenize(&body);
        let sents = sentences(&body, &toks);
        let Some(s) = sents.iter().find(|s| s.start <= open && open < s.end) else {
            failures.push(format!("{ex:?}: no sentence"));
            continue;
        };
        let st = &toks[s.tok_start..s.tok_end];
        let lower = lower_case(&body, st);
        let cx = Ctx::new(
            st.iter().map(|t| t.text(&body)).collect(),
            &lower,
            Date::parse_iso("2018-05-18"),
        );
        let Some(i) = st.iter().position(|t| t.start == open) else {
            failures.push(format!("{ex:?}: no token starts at the bracket"));
            continue;
        };
        match walk(&cx, i) {
            Some((r, m)) if r.name == name && st[i + m.len - 1].end == close => {}
            Some((r, m)) => failures.push(format!(
                "{ex:?}: read by {} as {:?}",
                r.name,
                &body[open..st[i + m.len - 1].end]
            )),
            None => failures.push(format!("{ex:?}: no time read")),
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}
