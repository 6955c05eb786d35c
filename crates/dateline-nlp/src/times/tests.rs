//! End-to-end cases of [`find`](super::find): sentences, their publication dates and the
//! times expected in them, checked a table at a time with every failure reported. Cases about
//! one concept live beside its module (`fiscal`, `tense`, `holidays`, `numbers`, `clock`) and
//! use the helpers here.

use super::*;
use crate::tokens::{lower_case, sentences, tokenize};

/// The times `find` reads in `s` published on `p`: text and value.
pub(super) fn run(s: &str, p: &str) -> Vec<(String, Option<String>)> {
    let t = tokenize(s);
    let ss = sentences(s, &t);
    find(s, &t, &lower_case(s, &t), &ss, Some(p))
        .into_iter()
        .map(|x| (x.text, x.value))
        .collect()
}

/// A sentence, its publication date, and the times expected in it (text and value).
pub(super) struct Case {
    text: &'static str,
    published: &'static str,
    expect: &'static [(&'static str, &'static str)],
}

/// A case: `text` published on `published` holds the times `expect`.
pub(super) fn case(
    text: &'static str,
    published: &'static str,
    expect: &'static [(&'static str, &'static str)],
) -> Case {
    Case {
        text,
        published,
        expect,
    }
}

/// Check every case, reporting all that fail.
pub(super) fn check(cases: &[Case]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let got = run(c.text, c.published);
            let want: Vec<(String, Option<String>)> = c
                .expect
                .iter()
                .map(|(t, v)| (t.to_string(), Some(v.to_string())))
                .collect();
            (got != want).then(|| {
                format!(
                    "{:?} ({}):\n  got  {got:?}\n  want {want:?}",
                    c.text, c.published
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_like_expressions() {
    check(&[
        case(
            "They met on Thursday.",
            "2018-05-18",
            &[("Thursday", "2018-05-17")],
        ),
        case(
            "She was promoted in March.",
            "2018-05-18",
            &[("March", "2018-03")],
        ),
        case(
            "The museum reopened in November last year.",
            "2018-05-18",
            &[("November last year", "2017-11")],
        ),
        case(
            "He visited in October 2015, since 2011.",
            "2018-05-18",
            &[("October 2015", "2015-10"), ("2011", "2011")],
        ),
        case(
            "They will meet on Thursday.",
            "2018-05-18",
            &[("Thursday", "2018-05-24")],
        ),
    ]);
}

#[test]
fn relative_expressions() {
    check(&[
        case(
            "It rained yesterday.",
            "2018-05-18",
            &[("yesterday", "2018-05-17")],
        ),
        case(
            "It happened two days ago.",
            "2018-05-18",
            &[("two days ago", "2018-05-16")],
        ),
        case(
            "Sales fell last week.",
            "2018-05-18",
            &[("last week", "2018-W19")],
        ),
        case(
            "Sales fell last year.",
            "2018-05-18",
            &[("last year", "2017")],
        ),
        case(
            "It will open next month.",
            "2018-05-18",
            &[("next month", "2018-06")],
        ),
        case(
            "Prices rose earlier this year.",
            "2018-05-18",
            &[("earlier this year", "2018")],
        ),
        case(
            "The talks lasted three years.",
            "2018-05-18",
            &[("three years", "P3Y")],
        ),
        case(
            "Trade grew in the 1990s.",
            "2018-05-18",
            &[("1990s", "199")],
        ),
        case(
            "It happened on May 3, 2016.",
            "2018-05-18",
            &[("May 3, 2016", "2016-05-03")],
        ),
        case(
            "Thursday night was calm.",
            "2018-05-18",
            &[("Thursday night", "2018-05-17TNI")],
        ),
    ]);
}

#[test]
fn past_spans_last_weekdays_and_days_behind() {
    check(&[
        // "the past two months" is a duration, not the vague past
        case(
            "Prices fell over the past two months.",
            "1998-08-07",
            &[("two months", "P2M")],
        ),
        case(
            "Output doubled in the past decade.",
            "1998-08-07",
            &[("past decade", "P10Y")],
        ),
        case(
            "It rained this past spring.",
            "1989-11-01",
            &[("past spring", "1989-SP")],
        ),
        // "last Wednesday" written on a Wednesday is the week before
        case(
            "The firms said last Wednesday that talks began.",
            "1989-11-01",
            &[("Wednesday", "1989-10-25")],
        ),
        // "last April" in October is this year's; "last October" in October last year's
        case(
            "Holders approved the plan last April.",
            "1989-10-27",
            &[("April", "1989-04")],
        ),
        case(
            "Holders approved the plan last October.",
            "1989-10-27",
            &[("October", "1988-10")],
        ),
        case(
            "The vote comes next March.",
            "1989-03-27",
            &[("March", "1990-03")],
        ),
        // a day and month without a year lean to the past ...
        case(
            "The deal closed March 31.",
            "1989-11-01",
            &[("March 31", "1989-03-31")],
        ),
        // ... unless the clause looks ahead
        case(
            "The vote will be held March 31.",
            "1989-11-01",
            &[("March 31", "1990-03-31")],
        ),
    ]);
}

#[test]
fn quarters_vague_durations_and_nearest_years() {
    check(&[
        case(
            "Third-quarter profit rose.",
            "1989-11-02",
            &[("Third-quarter", "1989-Q3")],
        ),
        case(
            "Talks dragged on for weeks.",
            "1989-11-02",
            &[("weeks", "PXW")],
        ),
        case(
            "It will matter in the future.",
            "1989-11-02",
            &[("the future", "FUTURE_REF")],
        ),
        case(
            "It may list shares in the near future.",
            "1989-11-02",
            &[("the near future", "FUTURE_REF")],
        ),
        case(
            "He moved in 1995. Later that year he wed, and the following year he left.",
            "1989-11-02",
            &[
                ("1995", "1995"),
                ("Later that year", "1995"),
                ("the following year", "1996"),
            ],
        ),
        case(
            "Back in the nineties repairs took a couple of years, and the shop stays shut to the end of the year.",
            "1989-11-02",
            &[
                ("the nineties", "199"),
                ("a couple of years", "P2Y"),
                ("the end of the year", "1989"),
            ],
        ),
        case(
            "The twenties roared.",
            "2025-05-01",
            &[("The twenties", "202")],
        ),
        case(
            "Orders slowed over the summer and rose in the early summer.",
            "1989-11-02",
            &[("the summer", "1989-SU"), ("the early summer", "1989-SU")],
        ),
        case(
            "Sales will pick up in the spring.",
            "1989-11-02",
            &[("the spring", "1990-SP")],
        ),
        case("Prices showed the fall of the dollar.", "1989-11-02", &[]),
        case(
            "CBS reported last night that ``today the tomb opens.''",
            "1989-11-02",
            &[("last night", "1989-11-01TNI"), ("today", "1989-11-02")],
        ),
        // quarters as durations and sets, not fractions
        case(
            "Losses over two quarters and several quarters; it pays every quarter.",
            "1989-11-02",
            &[
                ("two quarters", "P2Q"),
                ("quarters", "PXQ"),
                ("every quarter", "P1Q"),
            ],
        ),
        case("Three quarters of voters agreed.", "1989-11-02", &[]),
        case(
            "A 16-hour shift ended.",
            "1989-11-02",
            &[("16-hour", "PT16H")],
        ),
        // a day and month without a year: the nearest such day to the publication date
        case(
            "The vote is on Jan. 4.",
            "1989-12-20",
            &[("Jan. 4", "1990-01-04")],
        ),
        case(
            "The vote was on Dec. 15.",
            "1990-01-03",
            &[("Dec. 15", "1989-12-15")],
        ),
        case("Its 1988 budget grew.", "1989-11-02", &[("1988", "1988")]),
    ]);
}

#[test]
fn current_and_recent() {
    check(&[case(
        "The current crisis began after recent talks failed.",
        "1998-02-13",
        &[("current", "PRESENT_REF"), ("recent", "PAST_REF")],
    )]);
}

#[test]
fn months_without_a_year_take_the_nearest() {
    check(&[
        // published at the end of October: November is next month, not last year's
        case(
            "The plant is to close by mid-November.",
            "1989-10-30",
            &[("mid-November", "1989-11")],
        ),
        case(
            "Sales fell in November.",
            "1989-10-30",
            &[("November", "1989-11")],
        ),
        // far ahead is last year's
        case(
            "Sales fell in August.",
            "1989-02-10",
            &[("August", "1988-08")],
        ),
        case(
            "Work began in early-March 1988.",
            "1989-02-10",
            &[("early-March 1988", "1988-03")],
        ),
    ]);
}

#[test]
fn not_times_and_bad_dates() {
    check(&[case("He may go and 2000 people march.", "2018-05-18", &[])]);
}

#[test]
fn abbreviations_names_sets_deadlines_and_decades_ago() {
    check(&[
        // a Thursday
        // a bare abbreviation before a name is part of the name
        case("Sun Microsystems and Jan Kavan agreed.", "2000-03-30", &[]),
        case(
            "It opened Sun, Jan 2, 2000 and closed Jan. 9, 2000.",
            "2000-03-30",
            &[
                ("Sun, Jan 2, 2000", "2000-01-02"),
                ("Jan. 9, 2000", "2000-01-09"),
            ],
        ),
        // adverbs that only order events, and a newspaper called a daily, are no times
        case(
            "As previously reported, the party daily Granma printed it.",
            "2000-03-30",
            &[],
        ),
        case("Crowds rallied daily.", "2000-03-30", &[("daily", "P1D")]),
        // weekdays that repeat
        case(
            "Flights leave each Thursday and every Friday night; shops close on Sundays.",
            "2000-03-30",
            &[
                ("each Thursday", "XXXX-WXX-4"),
                ("every Friday night", "XXXX-WXX-5TNI"),
                ("Sundays", "XXXX-WXX-7"),
            ],
        ),
        // a deadline given, extended or postponed "until" a weekday is still to come, in a
        // past-tense clause too; a stay "until" one is not
        case(
            "Officials postponed until Tuesday any action.",
            "2000-03-30",
            &[("Tuesday", "2000-04-04")],
        ),
        case(
            "The council has given the tenants until 8 a.m. Tuesday to leave.",
            "2000-03-30",
            &[("8 a.m. Tuesday", "2000-04-04T08:00")],
        ),
        case(
            "He stayed until Tuesday.",
            "2000-03-30",
            &[("Tuesday", "2000-03-28")],
        ),
        // numbers in two words, "and a half", halves of a year, parts of named days
        case(
            "It took twenty four hours and a week and a half; sales fell in the first \
                 half of 1999 and the last two quarters of 1999, and mid-afternoon yesterday.",
            "2000-03-30",
            &[
                ("twenty four hours", "PT24H"),
                ("a week and a half", "P10DT12H"),
                ("the first half of 1999", "1999-H1"),
                ("the last two quarters of 1999", "1999-H2"),
                ("mid-afternoon yesterday", "2000-03-29TAF"),
            ],
        ),
        // "next to" is a place, not a time ahead: the Friday is the last one
        case(
            "A bomb ripped through a building next to the embassy Friday morning.",
            "2000-03-30",
            &[("Friday morning", "2000-03-24TMO")],
        ),
        // a day in words after its month
        case(
            "The vote is this coming Sunday, March fifth, and ends March twenty-first.",
            "2000-03-30",
            &[
                ("Sunday, March fifth", "2000-03-05"),
                ("March twenty-first", "2000-03-21"),
            ],
        ),
        // an unspecified number of units to come
        case(
            "Prices will rise in the coming weeks.",
            "2000-03-30",
            &[("weeks", "PXW")],
        ),
        // decades and centuries ago are years
        case(
            "It began a decade ago and grew two centuries ago.",
            "2000-03-30",
            &[("a decade ago", "1990"), ("two centuries ago", "1800")],
        ),
    ]);
}

#[test]
fn the_year_days_either_side_of_a_date_monthly_sets_and_titles() {
    check(&[
        // a Thursday
        // a fiscal year ending on a day is a year-long period; "the year" otherwise the
        // publication's, but not "the year before" nor "the year 1950"
        case(
            "Revenue in the year ended Aug. 31 climbed to a peak for the year.",
            "2000-02-24",
            &[
                ("the year", "P1Y"),
                ("Aug. 31", "1999-08-31"),
                ("the year", "2000"),
            ],
        ),
        case(
            "Later in the year he sold more than the year before.",
            "2000-02-24",
            &[("Later in the year", "2000")],
        ),
        case(
            "He was born in the year 1950.",
            "2000-02-24",
            &[("1950", "1950")],
        ),
        // a day either side of a named date, and the week of one
        case(
            "The day before last Tuesday's hearing, the court met.",
            "2000-02-24",
            &[("The day before last Tuesday", "2000-02-21")],
        ),
        case(
            "A ruling may come the week of March 6.",
            "2000-02-24",
            &[("the week of March 6", "2000-W10")],
        ),
        // every July; every Tuesday night
        case(
            "Marchers walk each July and buses leave on Tuesday nights.",
            "2000-02-24",
            &[
                ("each July", "XXXX-07"),
                ("Tuesday nights", "XXXX-WXX-2TNI"),
            ],
        ),
        // the present of the past; this century
        case(
            "He bought at the then current price in this century.",
            "2000-02-24",
            &[("then current", "PAST_REF"), ("this century", "20")],
        ),
        // a programme's title in quotes is no week
        case(
            "She told ABC's \"This Week\" that talks go on.",
            "2000-02-24",
            &[],
        ),
        case(
            "She said this week that talks go on.",
            "2000-02-24",
            &[("this week", "2000-W08")],
        ),
    ]);
}

#[test]
fn kinds_of_days_apostrophe_decades_second_days_and_months_by_reference() {
    check(&[
        case(
            "Ten business days after Oct. 12 the index fell.",
            "1989-10-27",
            &[("Ten business days", "P10D"), ("Oct. 12", "1989-10-12")],
        ),
        // the '80s of a 1989 story; the '90s begin within two years of it
        case(
            "Sales were flat in the '80s and will grow in the \u{2019}90s.",
            "1989-10-27",
            &[("'80s", "198"), ("\u{2019}90s", "199")],
        ),
        // a second day of the month just named, and a year after the pair for both
        case(
            "The summit is on April 24 and 25, 1990.",
            "1989-10-27",
            &[("April 24", "1990-04-24"), ("25, 1990", "1990-04-25")],
        ),
        case(
            "They met on April 24 and 25 delegates voted.",
            "1989-10-27",
            &[("April 24", "1989-04-24")],
        ),
        // a month by reference: the one last named, or the one after it
        case(
            "In March, a holder urged a sale. The following month, the firm put itself up \
                 for sale, and later that month it sold.",
            "1989-10-27",
            &[
                ("March", "1989-03"),
                ("The following month", "1989-04"),
                ("later that month", "1989-04"),
            ],
        ),
    ]);
}

#[test]
fn report_quarters_fortnights_and_twenty_four_hour_clocks() {
    check(&[
        // a Friday
        case(
            "Profit rose in Q3 2018, in 3Q17, in FY2019, in FY99 and in Q1.",
            "2018-05-18",
            &[
                ("Q3 2018", "2018-Q3"),
                ("3Q17", "2017-Q3"),
                ("FY2019", "2019"),
                ("FY99", "1999"),
                ("Q1", "2018-Q1"),
            ],
        ),
        // a car model is no quarter
        case("He drove an Audi Q3 home.", "2018-05-18", &[]),
        case(
            "He left a fortnight ago and returns in two fortnights.",
            "2018-05-18",
            &[("a fortnight ago", "2018-W18"), ("two fortnights", "P4W")],
        ),
        case(
            "They met the week before last and meet the week after next.",
            "2018-05-18",
            &[
                ("the week before last", "2018-W18"),
                ("the week after next", "2018-W22"),
            ],
        ),
        // the day after the clock time and its zone dates it
        case(
            "Talks began at 3 p.m. local time (1200 GMT) on Thursday.",
            "2018-05-18",
            &[(
                "3 p.m. local time (1200 GMT) on Thursday",
                "2018-05-17T15:00",
            )],
        ),
        case(
            "Shelling stopped at 0400 GMT and resumed at 1830 UTC on Sunday.",
            "2018-05-18",
            &[
                ("0400", "2018-05-18T04:00"),
                ("1830 UTC on Sunday", "2018-05-13T18:30"),
            ],
        ),
        // a year is no clock
        case("It was built in 1930.", "2018-05-18", &[("1930", "1930")]),
    ]);
}

#[test]
fn companies_called_sun_the_past_century_and_a_quarter_a_year_back() {
    check(&[
        // a company opening a list is no Sunday; a date after the comma makes it one
        case("Sun, Oracle and Dell all agreed.", "1989-10-27", &[]),
        case(
            "It opened Sun, Jan 2, 2000.",
            "1989-10-27",
            &[("Sun, Jan 2, 2000", "2000-01-02")],
        ),
        case(
            "It was the event of the past century.",
            "1989-10-27",
            &[("past century", "P100Y")],
        ),
        case(
            "Its mills ran at a loss in the third quarter. Against the quarter a year earlier, output fell.",
            "1989-10-27",
            &[
                ("the third quarter", "1989-Q3"),
                ("the quarter a year earlier", "1988-Q3"),
            ],
        ),
    ]);
}

#[test]
fn vague_spans_to_come_and_gone_and_parts_of_the_day() {
    check(&[
        case(
            "By mid afternoon, sources said so; early morning tomorrow it ends.",
            "1998-03-06",
            &[
                ("mid afternoon", "1998-03-06TAF"),
                ("early morning tomorrow", "1998-03-07TMO"),
            ],
        ),
        // without a day or a preposition of time, a part of the day is left alone
        case("The early morning light was grey.", "1998-03-06", &[]),
        case(
            "It hurts more these days, after a several-year slump.",
            "1998-03-06",
            &[("these days", "PRESENT_REF"), ("several-year", "PXY")],
        ),
        case(
            "It will one day be the largest; it took one day.",
            "1998-03-06",
            &[("one day", "FUTURE_REF"), ("one day", "P1D")],
        ),
        case(
            "Just months ago it bled; it will sell in the weeks ahead.",
            "1998-03-06",
            &[("months ago", "PXM"), ("the weeks ahead", "PXW")],
        ),
        case(
            "Holders gain in the short term and are paid at a later date.",
            "1998-03-06",
            &[
                ("the short term", "FUTURE_REF"),
                ("a later date", "FUTURE_REF"),
            ],
        ),
        case(
            "It ruled for centuries and was extended for an additional year.",
            "1998-03-06",
            &[("centuries", "PXC"), ("an additional year", "P1Y")],
        ),
    ]);
}

#[test]
fn year_end_and_year_ago_adjectives() {
    check(&[
        case(
            "It will close by year-end; shares are up since year-end.",
            "1989-11-02",
            &[("year-end", "1989-12-31"), ("year-end", "1988-12-31")],
        ),
        case("Year-end results rose.", "1989-11-02", &[]),
        // "the year-ago results": last year's; "the year-earlier nine months" a span
        case(
            "The year-ago figures contained a tax gain.",
            "1989-11-02",
            &[("year-ago", "1988")],
        ),
        case(
            "The year-earlier nine months were better.",
            "1989-11-02",
            &[("nine months", "P9M")],
        ),
    ]);
}

#[test]
fn a_span_of_days_is_dated_by_its_first() {
    check(&[
        case(
            "The vote is set for June 23-24; the summit on 7-8 July ended.",
            "2018-05-18",
            &[("June 23-24", "2018-06-23"), ("7-8 July", "2018-07-07")],
        ),
        // a score is no span
        case(
            "Spain won 3-1 in June.",
            "2018-05-18",
            &[("June", "2018-06")],
        ),
    ]);
}

#[test]
fn a_clock_right_after_a_date_is_on_that_date() {
    check(&[
        case(
            "Posted February 6, 2016 9:33PM. On Friday at 3 p.m. they met.",
            "2016-02-07",
            &[
                ("February 6, 2016", "2016-02-06"),
                ("9:33PM", "2016-02-06T21:33"),
                ("Friday", "2016-02-05"),
                ("3 p.m.", "2016-02-05T15:00"),
            ],
        ),
        // "this Thursday": the Thursday of the publication's week, ahead or behind
        case(
            "He is due to meet Ryan and other leaders of the party this Thursday.",
            "2016-05-09",
            &[("Thursday", "2016-05-12")],
        ),
        case(
            "He met Ryan this Monday.",
            "2016-05-13",
            &[("Monday", "2016-05-09")],
        ),
        // "28 December" written on 2 January is last year's
        case(
            "The vote was held on 28 December.",
            "2016-01-02",
            &[("28 December", "2015-12-28")],
        ),
        // "the 11th of September", "the seventeenth of May 2018"
        case(
            "It was the 11th of September, not the seventeenth of May 2018.",
            "2015-12-04",
            &[
                ("the 11th of September", "2015-09-11"),
                ("the seventeenth of May 2018", "2018-05-17"),
            ],
        ),
        // what runs through a day runs to the coming one; what was done through it is done
        case(
            "The craft fair is being held through Saturday. States that have held \
                 primaries through Tuesday voted.",
            "2009-03-23",
            &[("Saturday", "2009-03-28"), ("Tuesday", "2009-03-17")],
        ),
        // a start told in the present is to come
        case(
            "Glass recycling starts on Friday; the trial resumes Monday.",
            "2009-03-17",
            &[("Friday", "2009-03-20"), ("Monday", "2009-03-23")],
        ),
        // a month in a clause told in the past counts one ahead four times as far; a
        // participle after a determiner is no past ("a contested convention in July")
        case(
            "Officers caught up with him near Atlanta in June.",
            "2009-03-30",
            &[("June", "2008-06")],
        ),
        case(
            "That would clear the path for a contested primary in July.",
            "2016-03-22",
            &[("July", "2016-07")],
        ),
        case(
            "Cross called November's general election a test.",
            "2016-08-17",
            &[("November", "2016-11")],
        ),
        // "come November": when it comes
        case(
            "She should win the election come November; he lost in November.",
            "2016-06-15",
            &[("November", "2016-11"), ("November", "2015-11")],
        ),
        // a clock in the next sentence is not
        case(
            "It began on Friday. At 3 p.m. they met.",
            "2016-02-07",
            &[("Friday", "2016-02-05"), ("3 p.m.", "2016-02-07T15:00")],
        ),
    ]);
}

#[test]
fn a_year_by_reference_with_no_year_before_has_no_value() {
    let got = run("That year was hard.", "1989-11-02");
    assert_eq!(got, vec![("That year".to_string(), None)]);
}

#[test]
fn recent_before_a_unit_is_no_time_of_its_own() {
    let got = run("Prices rose in recent weeks.", "1998-02-13");
    assert!(got.iter().all(|(t, _)| t != "recent"), "{got:?}");
}

#[test]
fn without_a_publication_date_only_absolute_times_have_values() {
    let t = tokenize("on Thursday in 2015");
    let ss = sentences("on Thursday in 2015", &t);
    let l = lower_case("on Thursday in 2015", &t);
    let got: Vec<_> = find("on Thursday in 2015", &t, &l, &ss, None)
        .into_iter()
        .map(|x| x.value)
        .collect();
    assert_eq!(got, vec![None, Some("2015".into())]);
}

#[test]
fn an_adverb_of_frequency_is_a_set() {
    let s = "Buses run hourly.";
    let t = tokenize(s);
    let set = find(
        s,
        &t,
        &lower_case(s, &t),
        &sentences(s, &t),
        Some("1998-03-05"),
    );
    assert_eq!(
        (set[0].kind, set[0].value.as_deref()),
        (TimeKind::Set, Some("PT1H"))
    );
}

#[test]
fn an_impossible_date_is_read_without_a_value() {
    let got = run("It was February 31, 2018.", "2018-05-18");
    assert_eq!(got, vec![("February 31, 2018".to_string(), None)]);
}

#[test]
fn a_month_by_reference_with_no_month_before_has_no_value() {
    let got = run("That month was busy.", "1989-10-27");
    assert_eq!(got, vec![("That month".to_string(), None)]);
}

#[test]
fn numbers_in_words_halves_centuries_and_hours() {
    check(&[
        case(
            "He waited nearly forty years, then twenty-five days.",
            "1998-03-05",
            &[("forty years", "P40Y"), ("twenty-five days", "P25D")],
        ),
        case(
            "Talks lasted 5 1/2 hours; the dam took 2 1/2 years.",
            "1998-03-05",
            &[("5 1/2 hours", "PT5H30M"), ("2 1/2 years", "P2Y6M")],
        ),
        case(
            "They need two more weeks.",
            "1998-03-05",
            &[("two more weeks", "P2W")],
        ),
        case(
            "The 20th century ended; the eleventh century is far.",
            "1998-03-05",
            &[("20th century", "19"), ("eleventh century", "10")],
        ),
        case(
            "It began at midday and ended at 4 in the morning.",
            "1998-03-05",
            &[
                ("midday", "1998-03-05T12:00"),
                ("4 in the morning", "1998-03-05T04:00"),
            ],
        ),
        case(
            "The 8-month-old boy saw a day-long strike and a decades-long war.",
            "1998-03-05",
            &[("day-long", "P1D"), ("decades-long", "PXE")],
        ),
        case("In post-1959 Cuba.", "1998-03-05", &[("post-1959", "1959")]),
        case(
            "Profit rose in the current fiscal year.",
            "1998-03-05",
            &[("the current fiscal year", "1998")],
        ),
        case(
            "Payment is due at the end of the month.",
            "1998-03-05",
            &[("the end of the month", "1998-03")],
        ),
        // days by reference: the last date named, or the publication day
        case(
            "On Monday they met. The next morning, police came. Earlier that day, he left.",
            "1998-03-05",
            &[
                ("Monday", "1998-03-02"),
                ("The next morning", "1998-03-03"),
                ("Earlier that day", "1998-03-03"),
            ],
        ),
        case(
            "The day before, it rained.",
            "1998-03-05",
            &[("The day before", "1998-03-04")],
        ),
        // the 20th of a month is no century, nor noon a time without "at" or a day
        case("Noon Street is closed.", "1998-03-05", &[]),
    ]);
}
