use super::*;
use crate::tokens::{sentences, tokenize};

fn run(s: &str, p: &str) -> Vec<(String, Option<String>)> {
    let t = tokenize(s);
    let ss = sentences(s, &t);
    find(s, &t, &ss, Some(p))
        .into_iter()
        .map(|x| (x.text, x.value))
        .collect()
}

fn v(s: &str, v: &str) -> (String, Option<String>) {
    (s.to_string(), Some(v.to_string()))
}

#[test]
fn seed_like_expressions() {
    let p = "2018-05-18";
    assert_eq!(
        run("They met on Thursday.", p),
        vec![v("Thursday", "2018-05-17")]
    );
    assert_eq!(
        run("He was re-elected in March.", p),
        vec![v("March", "2018-03")]
    );
    assert_eq!(
        run("The previous occasion was in November last year.", p),
        vec![v("November last year", "2017-11")]
    );
    assert_eq!(
        run("He visited in October 2015, since 2011.", p),
        vec![v("October 2015", "2015-10"), v("2011", "2011")]
    );
    assert_eq!(
        run("They will meet on Thursday.", p),
        vec![v("Thursday", "2018-05-24")]
    );
}

#[test]
fn relative_expressions() {
    let p = "2018-05-18";
    assert_eq!(
        run("It rained yesterday.", p),
        vec![v("yesterday", "2018-05-17")]
    );
    assert_eq!(
        run("It happened two days ago.", p),
        vec![v("two days ago", "2018-05-16")]
    );
    assert_eq!(
        run("Sales fell last week.", p),
        vec![v("last week", "2018-W19")]
    );
    assert_eq!(
        run("Sales fell last year.", p),
        vec![v("last year", "2017")]
    );
    assert_eq!(
        run("It will open next month.", p),
        vec![v("next month", "2018-06")]
    );
    assert_eq!(
        run("Prices rose earlier this year.", p),
        vec![v("earlier this year", "2018")]
    );
    assert_eq!(
        run("The talks lasted three years.", p),
        vec![v("three years", "P3Y")]
    );
    assert_eq!(run("Trade grew in the 1990s.", p), vec![v("1990s", "199")]);
    assert_eq!(
        run("It happened on May 3, 2016.", p),
        vec![v("May 3, 2016", "2016-05-03")]
    );
    assert_eq!(
        run("Thursday night was calm.", p),
        vec![v("Thursday night", "2018-05-17TNI")]
    );
}

#[test]
fn quarter_reports() {
    let p = "1989-11-02";
    assert_eq!(
        run("Third-quarter profit rose 10% from a year earlier.", p),
        vec![
            v("Third-quarter", "1989-Q3"),
            v("a year earlier", "1988-Q3")
        ]
    );
    assert_eq!(
        run(
            "Sales fell in the third quarter of 1984 and in the 1988 second quarter.",
            p
        ),
        vec![
            v("the third quarter of 1984", "1984-Q3"),
            v("the 1988 second quarter", "1988-Q2")
        ]
    );
    assert_eq!(
        run("It expects a loss in next year's first quarter.", p),
        vec![v("next year's first quarter", "1990-Q1")]
    );
    // "the latest period" and "the 1988 quarter" in a report about a quarter
    assert_eq!(
        run(
            "Third-quarter net rose. Sales in the latest period beat the 1988 quarter.",
            p
        ),
        vec![
            v("Third-quarter", "1989-Q3"),
            v("the latest period", "1989-Q3"),
            v("the 1988 quarter", "1988-Q3")
        ]
    );
    // ... where "last year" still names the year
    assert_eq!(
        run(
            "Third-quarter net rose. Last year the company lost money.",
            p
        ),
        vec![v("Third-quarter", "1989-Q3"), v("Last year", "1988")]
    );
}

#[test]
fn a_weekday_takes_the_tense_of_its_own_clause() {
    // published Friday 2000-01-07
    let p = "2000-01-07";
    // "predicted Wednesday": past, though the sentence also says "will"
    assert_eq!(
        run("Lawyers will appeal, Cuba predicted Wednesday.", p),
        vec![v("Wednesday", "2000-01-05")]
    );
    // "planned a march on Saturday": the coming Saturday
    assert_eq!(
        run("Farmers planned a march on Saturday.", p),
        vec![v("Saturday", "2000-01-08")]
    );
    // ... also when the next clause is past ("on Saturday and were planning")
    assert_eq!(
        run(
            "Farmers planned a march on Saturday and were planning a rally.",
            p
        ),
        vec![v("Saturday", "2000-01-08")]
    );
    // "has scheduled a news conference Thursday": the coming Thursday
    assert_eq!(
        run(
            "The prosecutor has scheduled a news conference Thursday.",
            p
        ),
        vec![v("Thursday", "2000-01-13")]
    );
    // "Wednesday's ruling" is past, though the clause looks ahead
    assert_eq!(
        run("They will look for ways around Wednesday's ruling.", p),
        vec![v("Wednesday", "2000-01-05")]
    );
    // "said Friday" on a Friday: that day
    assert_eq!(
        run("The minister said Friday that talks had failed.", p),
        vec![v("Friday", "2000-01-07")]
    );
    // a clock time, "noon" or "midnight" before a day takes that day's date
    assert_eq!(
        run("Bids close at 5 p.m. EST, Jan. 11, the bank said.", p),
        vec![v("5 p.m. EST, Jan. 11", "2000-01-11T17:00")]
    );
    assert_eq!(
        run("The deadline passed at noon Wednesday.", p),
        vec![v("noon Wednesday", "2000-01-05T12:00")]
    );
    // a noun "plan" looks nowhere: the past-tense verb decides
    assert_eq!(
        run("The two ministers signed a trade plan Friday.", p),
        vec![v("Friday", "2000-01-07")]
    );
    // the weekday of publication in the future is that day; "next" is a week on
    assert_eq!(
        run("The king will meet the envoy on Friday.", p),
        vec![v("Friday", "2000-01-07")]
    );
    assert_eq!(
        run("The king will meet the envoy next Friday.", p),
        vec![v("Friday", "2000-01-14")]
    );
    // "set to resume Monday", "as soon as Tuesday": ahead
    assert_eq!(
        run("Mediators said the talks are set to resume Monday.", p),
        vec![v("Monday", "2000-01-10")]
    );
    // scheduled in the past for the past
    assert_eq!(
        run("The offer had been scheduled to expire Wednesday.", p),
        vec![v("Wednesday", "2000-01-05")]
    );
}

#[test]
fn a_company_reports_quarter_and_the_weekend() {
    // with no quarter named: the last one ended before the publication date
    assert_eq!(
        run("Net income for the quarter rose.", "1989-02-02"),
        vec![v("the quarter", "1988-Q4")]
    );
    // the quarter the report names, and that quarter a year back
    assert_eq!(
            run(
                "Third quarter profit rose. It fell from the year-ago period, and for the quarter sales rose.",
                "1989-11-02"
            ),
            vec![
                v("Third quarter", "1989-Q3"),
                v("the year-ago period", "1988-Q3"),
                v("the quarter", "1989-Q3")
            ]
        );
    assert_eq!(
        run("Sales will rise in the current quarter.", "1989-11-02"),
        vec![v("the current quarter", "1989-Q4")]
    );
    assert_eq!(
        run("Sales rose from the year-ago third quarter.", "1989-11-02"),
        vec![v("the year-ago third quarter", "1988-Q3")]
    );
    // a quarter still to come this year, in a past clause, is last year's
    assert_eq!(
        run("Sales rose in the fourth quarter.", "1990-02-02"),
        vec![v("the fourth quarter", "1989-Q4")]
    );
    // "the weekend": the last one (1998-08-07 is a Friday), or the next when ahead
    assert_eq!(
        run("Talks broke down over the weekend.", "1998-08-07"),
        vec![v("the weekend", "1998-W31-WE")]
    );
    assert_eq!(
        run("Talks will resume after the weekend.", "1998-08-07"),
        vec![v("the weekend", "1998-W32-WE")]
    );
    // a quarter of a mile is no time
    assert_eq!(run("He walked a quarter of a mile.", "1998-08-07"), vec![]);
}

#[test]
fn past_spans_last_weekdays_and_days_behind() {
    // "the past two months" is a duration, not the vague past
    assert_eq!(
        run("Prices fell over the past two months.", "1998-08-07"),
        vec![v("two months", "P2M")]
    );
    assert_eq!(
        run("Output doubled in the past decade.", "1998-08-07"),
        vec![v("past decade", "P10Y")]
    );
    assert_eq!(
        run("It rained this past spring.", "1989-11-01"),
        vec![v("past spring", "1989-SP")]
    );
    // "last Wednesday" written on a Wednesday is the week before
    assert_eq!(
        run(
            "The firms said last Wednesday that talks began.",
            "1989-11-01"
        ),
        vec![v("Wednesday", "1989-10-25")]
    );
    // "last April" in October is this year's; "last October" in October last year's
    assert_eq!(
        run("Holders approved the plan last April.", "1989-10-27"),
        vec![v("April", "1989-04")]
    );
    assert_eq!(
        run("Holders approved the plan last October.", "1989-10-27"),
        vec![v("October", "1988-10")]
    );
    assert_eq!(
        run("The vote comes next March.", "1989-03-27"),
        vec![v("March", "1990-03")]
    );
    // a day and month without a year lean to the past ...
    assert_eq!(
        run("The deal closed March 31.", "1989-11-01"),
        vec![v("March 31", "1989-03-31")]
    );
    // ... unless the clause looks ahead
    assert_eq!(
        run("The vote will be held March 31.", "1989-11-01"),
        vec![v("March 31", "1990-03-31")]
    );
}

#[test]
fn quarters_vague_durations_and_nearest_years() {
    let p = "1989-11-02";
    assert_eq!(
        run("Third-quarter profit rose.", p),
        vec![v("Third-quarter", "1989-Q3")]
    );
    assert_eq!(
        run("Talks dragged on for weeks.", p),
        vec![v("weeks", "PXW")]
    );
    assert_eq!(
        run("It will matter in the future.", p),
        vec![v("the future", "FUTURE_REF")]
    );
    assert_eq!(
        run("It may list shares in the near future.", p),
        vec![v("the near future", "FUTURE_REF")]
    );
    assert_eq!(
        run(
            "He moved in 1995. Later that year he wed, and the following year he left.",
            p
        ),
        vec![
            v("1995", "1995"),
            v("Later that year", "1995"),
            v("the following year", "1996")
        ]
    );
    assert_eq!(
        run(
            "In the nineties it took a couple of years, until the end of the year.",
            p
        ),
        vec![
            v("the nineties", "199"),
            v("a couple of years", "P2Y"),
            v("the end of the year", "1989")
        ]
    );
    assert_eq!(
        run("The twenties roared.", "2025-05-01"),
        vec![v("The twenties", "202")]
    );
    // with no year named before, no value
    let got = run("That year was hard.", p);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, None);
    assert_eq!(
        run(
            "Orders slowed over the summer and rose in the early summer.",
            p
        ),
        vec![v("the summer", "1989-SU"), v("the early summer", "1989-SU")]
    );
    assert_eq!(
        run("Sales will pick up in the spring.", p),
        vec![v("the spring", "1990-SP")]
    );
    assert!(run("Prices showed the fall of the dollar.", p).is_empty());
    assert_eq!(
        run("CBS reported last night that ``today the tomb opens.''", p),
        vec![v("last night", "1989-11-01TNI"), v("today", "1989-11-02")]
    );
    // quarters as durations and sets, not fractions
    assert_eq!(
        run(
            "Losses over two quarters and several quarters; it pays every quarter.",
            p
        ),
        vec![
            v("two quarters", "P2Q"),
            v("quarters", "PXQ"),
            v("every quarter", "P1Q")
        ]
    );
    assert!(run("Three quarters of voters agreed.", p).is_empty());
    assert_eq!(
        run("A 16-hour shift ended.", p),
        vec![v("16-hour", "PT16H")]
    );
    // a day and month without a year: the nearest such day to the publication date
    assert_eq!(
        run("The vote is on Jan. 4.", "1989-12-20"),
        vec![v("Jan. 4", "1990-01-04")]
    );
    assert_eq!(
        run("The vote was on Dec. 15.", "1990-01-03"),
        vec![v("Dec. 15", "1989-12-15")]
    );
    assert_eq!(run("Its 1988 budget grew.", p), vec![v("1988", "1988")]);
}

#[test]
fn current_and_recent() {
    let p = "1998-02-13";
    assert_eq!(
        run("The current crisis began after recent talks failed.", p),
        vec![v("current", "PRESENT_REF"), v("recent", "PAST_REF")]
    );
    // with a unit they are no expression of their own
    let got = run("Prices rose in recent weeks.", p);
    assert!(got.iter().all(|(t, _)| t != "recent"), "{got:?}");
}

#[test]
fn months_without_a_year_take_the_nearest() {
    // published at the end of October: November is next month, not last year's
    assert_eq!(
        run("The plant is to close by mid-November.", "1989-10-30"),
        vec![v("mid-November", "1989-11")]
    );
    assert_eq!(
        run("Sales fell in November.", "1989-10-30"),
        vec![v("November", "1989-11")]
    );
    // far ahead is last year's
    assert_eq!(
        run("Sales fell in August.", "1989-02-10"),
        vec![v("August", "1988-08")]
    );
    assert_eq!(
        run("Work began in early-March 1988.", "1989-02-10"),
        vec![v("early-March 1988", "1988-03")]
    );
}

#[test]
fn year_earlier_as_an_adjective() {
    assert_eq!(
        run("Net income fell from year-earlier levels.", "1989-11-02"),
        vec![v("year-earlier", "1988")]
    );
    // the same quarter of last year when a report's quarter is in view
    assert_eq!(
            run(
                "Third-quarter profit rose 5% in the third quarter. It compares with year-earlier net income of $2 million.",
                "1989-11-02"
            )
            .last()
            .cloned(),
            Some(v("year-earlier", "1988-Q3"))
        );
}

#[test]
fn holidays() {
    // the boy was found on Thanksgiving Day (written in January 2000)
    assert_eq!(
        run("He was found on Thanksgiving Day.", "2000-01-07"),
        vec![v("Thanksgiving Day", "1999-11-25")]
    );
    // the coming Election Day (the Tuesday after the first Monday of November)
    assert_eq!(
        run("Voters will go to the polls on Election Day.", "1998-10-26"),
        vec![v("Election Day", "1998-11-03")]
    );
    assert_eq!(
        run(
            "Stores closed on Christmas Eve and Memorial Day.",
            "2001-06-10"
        ),
        vec![
            v("Christmas Eve", "2000-12-24"),
            v("Memorial Day", "2001-05-28")
        ]
    );
    // a last one and a next one
    assert_eq!(
        run(
            "Last Labor Day was quiet; next Halloween will not be.",
            "2001-06-10"
        )
        .iter()
        .map(|x| x.1.clone().unwrap_or_default())
        .collect::<Vec<_>>(),
        vec!["2000-09-04".to_string(), "2001-10-31".to_string()]
    );
    // lower case is no holiday name
    assert!(run("a new year's day of rest", "2001-06-10").is_empty());
}

#[test]
fn numbers_in_words_halves_centuries_and_hours() {
    let p = "1998-03-05";
    assert_eq!(
        run("He waited nearly forty years, then twenty-five days.", p),
        vec![v("forty years", "P40Y"), v("twenty-five days", "P25D")]
    );
    assert_eq!(
        run("Talks lasted 5 1/2 hours; the dam took 2 1/2 years.", p),
        vec![v("5 1/2 hours", "PT5H30M"), v("2 1/2 years", "P2Y6M")]
    );
    assert_eq!(
        run("They need two more weeks.", p),
        vec![v("two more weeks", "P2W")]
    );
    assert_eq!(
        run("The 20th century ended; the eleventh century is far.", p),
        vec![v("20th century", "19"), v("eleventh century", "10")]
    );
    assert_eq!(
        run("It began at midday and ended at 4 in the morning.", p),
        vec![
            v("midday", "1998-03-05T12:00"),
            v("4 in the morning", "1998-03-05T04:00")
        ]
    );
    let set = find(
        "Buses run hourly.",
        &tokenize("Buses run hourly."),
        &sentences("Buses run hourly.", &tokenize("Buses run hourly.")),
        Some(p),
    );
    assert_eq!(
        (set[0].kind.as_str(), set[0].value.as_deref()),
        ("SET", Some("PT1H"))
    );
    assert_eq!(
        run(
            "The 8-month-old boy saw a day-long strike and a decades-long war.",
            p
        ),
        vec![v("day-long", "P1D"), v("decades-long", "PXE")]
    );
    assert_eq!(run("In post-1959 Cuba.", p), vec![v("post-1959", "1959")]);
    assert_eq!(
        run("Profit rose in the current fiscal year.", p),
        vec![v("the current fiscal year", "1998")]
    );
    assert_eq!(
        run("Payment is due at the end of the month.", p),
        vec![v("the end of the month", "1998-03")]
    );
    // days by reference: the last date named, or the publication day
    assert_eq!(
        run(
            "On Monday they met. The next morning, police came. Earlier that day, he left.",
            p
        ),
        vec![
            v("Monday", "1998-03-02"),
            v("The next morning", "1998-03-03"),
            v("Earlier that day", "1998-03-03")
        ]
    );
    assert_eq!(
        run("The day before, it rained.", p),
        vec![v("The day before", "1998-03-04")]
    );
    // the 20th of a month is no century, nor noon a time without "at" or a day
    assert!(run("It opens on the 20th of May.", p)
        .iter()
        .all(|(_, v)| v.as_deref() != Some("19")));
    assert!(run("Noon Street is closed.", p).is_empty());
}

#[test]
fn years_in_words() {
    let p = "1998-02-13";
    assert_eq!(
        run("He left in January nineteen ninety-seven.", p),
        vec![v("January nineteen ninety-seven", "1997-01")]
    );
    assert_eq!(
        run("It began in nineteen seventy nine.", p),
        vec![v("nineteen seventy nine", "1979")]
    );
    assert_eq!(
        run("By the year two thousand it will be done.", p),
        vec![v("two thousand", "2000")]
    );
    assert_eq!(
        run("It was the winter of nineteen ninety-four.", p),
        vec![v("winter of nineteen ninety-four", "1994-WI")]
    );
    // numbers that are no years
    assert!(run("Nineteen people and two thousand troops came.", p).is_empty());
}

#[test]
fn not_times_and_bad_dates() {
    let p = "2018-05-18";
    assert!(run("He may go and 2000 people march.", p).is_empty());
    assert_eq!(
        run("It was February 31, 2018.", p),
        vec![("February 31, 2018".into(), None)]
    );
    // no anchor: relative values unknown, absolute ones kept
    let t = tokenize("on Thursday in 2015");
    let ss = sentences("on Thursday in 2015", &t);
    let got: Vec<_> = find("on Thursday in 2015", &t, &ss, None)
        .into_iter()
        .map(|x| x.value)
        .collect();
    assert_eq!(got, vec![None, Some("2015".into())]);
}

#[test]
fn abbreviations_names_sets_deadlines_and_decades_ago() {
    let p = "2000-03-30"; // a Thursday
                          // a bare abbreviation before a name is part of the name
    assert!(run("Sun Microsystems and Jan Kavan agreed.", p).is_empty());
    assert_eq!(
        run("It opened Sun, Jan 2, 2000 and closed Jan. 9, 2000.", p),
        vec![
            v("Sun, Jan 2, 2000", "2000-01-02"),
            v("Jan. 9, 2000", "2000-01-09")
        ]
    );
    // adverbs that only order events, and a newspaper called a daily, are no times
    assert!(run(
        "As previously reported, the party daily Granma printed it.",
        p
    )
    .is_empty());
    assert_eq!(run("Crowds rallied daily.", p), vec![v("daily", "P1D")]);
    // weekdays that repeat
    assert_eq!(
        run(
            "Flights leave each Thursday and every Friday night; shops close on Sundays.",
            p
        ),
        vec![
            v("each Thursday", "XXXX-WXX-4"),
            v("every Friday night", "XXXX-WXX-5TNI"),
            v("Sundays", "XXXX-WXX-7")
        ]
    );
    // a deadline given, extended or postponed "until" a weekday is still to come, in a
    // past-tense clause too; a stay "until" one is not
    assert_eq!(
        run("Officials postponed until Tuesday any action.", p),
        vec![v("Tuesday", "2000-04-04")]
    );
    assert_eq!(
        run(
            "The agency had given the family until 9 a.m. Tuesday to sign.",
            p
        ),
        vec![v("9 a.m. Tuesday", "2000-04-04T09:00")]
    );
    assert_eq!(
        run("He stayed until Tuesday.", p),
        vec![v("Tuesday", "2000-03-28")]
    );
    // numbers in two words, "and a half", halves of a year, parts of named days
    assert_eq!(
        run(
            "It took twenty four hours and a week and a half; sales fell in the first \
                 half of 1999 and the last two quarters of 1999, and mid-afternoon yesterday.",
            p
        ),
        vec![
            v("twenty four hours", "PT24H"),
            v("a week and a half", "P10DT12H"),
            v("the first half of 1999", "1999-H1"),
            v("the last two quarters of 1999", "1999-H2"),
            v("mid-afternoon yesterday", "2000-03-29TAF")
        ]
    );
    // "next to" is a place, not a time ahead: the Friday is the last one
    assert_eq!(
        run(
            "A bomb ripped through a building next to the embassy Friday morning.",
            p
        ),
        vec![v("Friday morning", "2000-03-24TMO")]
    );
    // a day in words after its month
    assert_eq!(
        run(
            "The vote is this coming Sunday, March fifth, and ends March twenty-first.",
            p
        ),
        vec![
            v("Sunday, March fifth", "2000-03-05"),
            v("March twenty-first", "2000-03-21")
        ]
    );
    // an unspecified number of units to come
    assert_eq!(
        run("Prices will rise in the coming weeks.", p),
        vec![v("weeks", "PXW")]
    );
    // decades and centuries ago are years
    assert_eq!(
        run("It began a decade ago and grew two centuries ago.", p),
        vec![v("a decade ago", "1990"), v("two centuries ago", "1800")]
    );
}

#[test]
fn the_year_days_either_side_of_a_date_monthly_sets_and_titles() {
    let p = "2000-02-24"; // a Thursday
                          // a fiscal year ending on a day is a year-long period; "the year" otherwise the
                          // publication's, but not "the year before" nor "the year 1950"
    assert_eq!(
        run(
            "Sales for the year ended Sept. 30 rose to a high for the year.",
            p
        ),
        vec![
            v("the year", "P1Y"),
            v("Sept. 30", "1999-09-30"),
            v("the year", "2000"),
        ]
    );
    assert_eq!(
        run("Later in the year he sold more than the year before.", p),
        vec![v("Later in the year", "2000")]
    );
    assert_eq!(
        run("He was born in the year 1950.", p),
        vec![v("1950", "1950")]
    );
    // a day either side of a named date, and the week of one
    assert_eq!(
        run("The day before last Tuesday's hearing, the court met.", p),
        vec![v("The day before last Tuesday", "2000-02-21")]
    );
    assert_eq!(
        run("A ruling may come the week of March 6.", p),
        vec![v("the week of March 6", "2000-W10")]
    );
    // every July; every Tuesday night
    assert_eq!(
        run(
            "Marchers walk each July and buses leave on Tuesday nights.",
            p
        ),
        vec![
            v("each July", "XXXX-07"),
            v("Tuesday nights", "XXXX-WXX-2TNI")
        ]
    );
    // the present of the past; this century
    assert_eq!(
        run("He bought at the then current price in this century.", p),
        vec![v("then current", "PAST_REF"), v("this century", "20")]
    );
    // a programme's title in quotes is no week
    assert!(run("She told ABC's \"This Week\" that talks go on.", p).is_empty());
    assert_eq!(
        run("She said this week that talks go on.", p),
        vec![v("this week", "2000-W08")]
    );
}

#[test]
fn kinds_of_days_apostrophe_decades_second_days_and_months_by_reference() {
    let p = "1989-10-27";
    assert_eq!(
        run("Ten business days after Oct. 12 the index fell.", p),
        vec![v("Ten business days", "P10D"), v("Oct. 12", "1989-10-12")]
    );
    // the '80s of a 1989 story; the '90s begin within two years of it
    assert_eq!(
        run(
            "Sales were flat in the '80s and will grow in the \u{2019}90s.",
            p
        ),
        vec![v("'80s", "198"), v("\u{2019}90s", "199")]
    );
    // a second day of the month just named, and a year after the pair for both
    assert_eq!(
        run("The summit is on April 24 and 25, 1990.", p),
        vec![v("April 24", "1990-04-24"), v("25, 1990", "1990-04-25")]
    );
    assert_eq!(
        run("They met on April 24 and 25 delegates voted.", p),
        vec![v("April 24", "1989-04-24")]
    );
    // a month by reference: the one last named, or the one after it
    assert_eq!(
        run(
            "In March, a holder urged a sale. The following month, the firm put itself up \
                 for sale, and later that month it sold.",
            p
        ),
        vec![
            v("March", "1989-03"),
            v("The following month", "1989-04"),
            v("later that month", "1989-04"),
        ]
    );
    assert_eq!(
        run("That month was busy.", p),
        vec![("That month".into(), None)]
    );
}

#[test]
fn report_quarters_fortnights_and_twenty_four_hour_clocks() {
    let p = "2018-05-18"; // a Friday
    assert_eq!(
        run(
            "Profit rose in Q3 2018, in 3Q17, in FY2019, in FY99 and in Q1.",
            p
        ),
        vec![
            v("Q3 2018", "2018-Q3"),
            v("3Q17", "2017-Q3"),
            v("FY2019", "2019"),
            v("FY99", "1999"),
            v("Q1", "2018-Q1"),
        ]
    );
    // a car model is no quarter
    assert!(run("He drove an Audi Q3 home.", p).is_empty());
    assert_eq!(
        run("He left a fortnight ago and returns in two fortnights.", p),
        vec![v("a fortnight ago", "2018-W18"), v("two fortnights", "P4W")]
    );
    assert_eq!(
        run(
            "They met the week before last and meet the week after next.",
            p
        ),
        vec![
            v("the week before last", "2018-W18"),
            v("the week after next", "2018-W22"),
        ]
    );
    // the day after the clock time and its zone dates it
    assert_eq!(
        run(
            "Talks began at 3 p.m. local time (1200 GMT) on Thursday.",
            p
        ),
        vec![v(
            "3 p.m. local time (1200 GMT) on Thursday",
            "2018-05-17T15:00"
        )]
    );
    assert_eq!(
        run(
            "Shelling stopped at 0400 GMT and resumed at 1830 UTC on Sunday.",
            p
        ),
        vec![
            v("0400", "2018-05-18T04:00"),
            v("1830 UTC on Sunday", "2018-05-13T18:30"),
        ]
    );
    // a year is no clock
    assert_eq!(run("It was built in 1930.", p), vec![v("1930", "1930")]);
}

#[test]
fn companies_called_sun_the_past_century_and_a_quarter_a_year_back() {
    let p = "1989-10-27";
    // a company opening a list is no Sunday; a date after the comma makes it one
    assert!(run("Sun, Hewlett-Packard and others say so.", p).is_empty());
    assert_eq!(
        run("It opened Sun, Jan 2, 2000.", p),
        vec![v("Sun, Jan 2, 2000", "2000-01-02")]
    );
    assert_eq!(
        run("It was the event of the past century.", p),
        vec![v("past century", "P100Y")]
    );
    assert_eq!(
        run(
            "It lost money in the third quarter. For the quarter a year ago, it earned more.",
            p
        ),
        vec![
            v("the third quarter", "1989-Q3"),
            v("the quarter a year ago", "1988-Q3")
        ]
    );
}

#[test]
fn vague_spans_to_come_and_gone_and_parts_of_the_day() {
    let p = "1998-03-06";
    assert_eq!(
        run(
            "By mid afternoon, sources said so; early morning tomorrow it ends.",
            p
        ),
        vec![
            v("mid afternoon", "1998-03-06TAF"),
            v("early morning tomorrow", "1998-03-07TMO"),
        ]
    );
    // without a day or a preposition of time, a part of the day is left alone
    assert!(run("The early morning light was grey.", p).is_empty());
    assert_eq!(
        run("It hurts more these days, after a several-year slump.", p),
        vec![v("these days", "PRESENT_REF"), v("several-year", "PXY")]
    );
    assert_eq!(
        run("It will one day be the largest; it took one day.", p),
        vec![v("one day", "FUTURE_REF"), v("one day", "P1D")]
    );
    assert_eq!(
        run(
            "Just months ago it bled; it will sell in the weeks ahead.",
            p
        ),
        vec![v("months ago", "PXM"), v("the weeks ahead", "PXW")]
    );
    assert_eq!(
        run(
            "Holders gain in the short term and are paid at a later date.",
            p
        ),
        vec![
            v("the short term", "FUTURE_REF"),
            v("a later date", "FUTURE_REF")
        ]
    );
    assert_eq!(
        run(
            "It ruled for centuries and was extended for an additional year.",
            p
        ),
        vec![v("centuries", "PXC"), v("an additional year", "P1Y")]
    );
}

#[test]
fn year_end_and_year_ago_adjectives() {
    let p = "1989-11-02";
    assert_eq!(
        run(
            "It will close by year-end; shares are up since year-end.",
            p
        ),
        vec![v("year-end", "1989-12-31"), v("year-end", "1988-12-31")]
    );
    assert!(run("Year-end results rose.", p).is_empty());
    // "the year-ago results": last year's; "the year-earlier nine months" a span
    assert_eq!(
        run("The year-ago results included a charge.", p),
        vec![v("year-ago", "1988")]
    );
    assert_eq!(
        run("The year-earlier nine months were better.", p),
        vec![v("nine months", "P9M")]
    );
}

#[test]
fn clocks_written_as_one_word_with_a_point_or_on_twenty_four_hours() {
    let p = "2018-05-18"; // a Friday
    assert_eq!(
        run("The blast hit at around 10pm; sirens sounded at 22:00.", p),
        vec![
            v("10pm", "2018-05-18T22:00"),
            v("22:00", "2018-05-18T22:00")
        ]
    );
    assert_eq!(
        run(
            "He left at 10.30pm and came back at 7.15 a.m. on Thursday.",
            p
        ),
        vec![
            v("10.30pm", "2018-05-18T22:30"),
            v("7.15 a.m. on Thursday", "2018-05-17T07:15"),
        ]
    );
    // a score or a price is no clock
    assert!(run("It ended 3:1 and cost 10.50 pounds.", p).is_empty());
    assert_eq!(run("Aid came within days.", p), vec![v("days", "PXD")]);
}

#[test]
fn a_quarter_still_to_end_is_not_the_quarter_a_report_is_about() {
    let p = "1989-11-02";
    let got = run(
        "The insurer's third-quarter net income rose 11%. It expects a fourth-quarter \
             charge. Its earnings fell 59% in the latest quarter, against $6.1 million a year ago.",
        p,
    );
    assert_eq!(
        got,
        vec![
            v("third-quarter", "1989-Q3"),
            v("fourth-quarter", "1989-Q4"),
            v("the latest quarter", "1989-Q3"),
            v("a year ago", "1988-Q3"),
        ]
    );
}

#[test]
fn a_span_of_days_is_dated_by_its_first() {
    let p = "2018-05-18";
    assert_eq!(
        run(
            "The vote is set for June 23-24; the summit on 7-8 July ended.",
            p
        ),
        vec![v("June 23-24", "2018-06-23"), v("7-8 July", "2018-07-07")]
    );
    // a score is no span
    assert_eq!(run("Spain won 3-1 in June.", p), vec![v("June", "2018-06")]);
}

#[test]
fn halves_and_quarters_of_a_year_named_by_reference() {
    let p = "2018-05-18";
    assert_eq!(
        run(
            "Sales rose in the first quarter of this year, will slow in the second half of \
                 the year and recover in the first half of next year, after the third quarter \
                 of last year.",
            p
        ),
        vec![
            v("the first quarter of this year", "2018-Q1"),
            v("the second half of the year", "2018-H2"),
            v("the first half of next year", "2019-H1"),
            v("the third quarter of last year", "2017-Q3"),
        ]
    );
    // in January, a part of "the year" still to come is last year's unless the clause
    // looks ahead
    assert_eq!(
        run(
            "He raised $12 million during the third quarter of the year. Sales will rise \
                 in the second half of the year.",
            "2016-01-04"
        ),
        vec![
            v("the third quarter of the year", "2015-Q3"),
            v("the second half of the year", "2016-H2"),
        ]
    );
}

#[test]
fn a_clock_right_after_a_date_is_on_that_date() {
    let p = "2016-02-07";
    assert_eq!(
        run(
            "Posted February 6, 2016 9:33PM. On Friday at 3 p.m. they met.",
            p
        ),
        vec![
            v("February 6, 2016", "2016-02-06"),
            v("9:33PM", "2016-02-06T21:33"),
            v("Friday", "2016-02-05"),
            v("3 p.m.", "2016-02-05T15:00"),
        ]
    );
    // "this Thursday": the Thursday of the publication's week, ahead or behind
    assert_eq!(
        run(
            "He is due to meet Ryan and other leaders of the party this Thursday.",
            "2016-05-09"
        ),
        vec![v("Thursday", "2016-05-12")]
    );
    assert_eq!(
        run("He met Ryan this Monday.", "2016-05-13"),
        vec![v("Monday", "2016-05-09")]
    );
    // "28 December" written on 2 January is last year's
    assert_eq!(
        run("The vote was held on 28 December.", "2016-01-02"),
        vec![v("28 December", "2015-12-28")]
    );
    // "the 11th of September", "the seventeenth of May 2018"
    assert_eq!(
        run(
            "It was the 11th of September, not the seventeenth of May 2018.",
            "2015-12-04"
        ),
        vec![
            v("the 11th of September", "2015-09-11"),
            v("the seventeenth of May 2018", "2018-05-17"),
        ]
    );
    // what runs through a day runs to the coming one; what was done through it is done
    assert_eq!(
        run(
            "The book sale is being held through Saturday. States that have held \
                 primaries through Tuesday voted.",
            "2009-03-23"
        ),
        vec![v("Saturday", "2009-03-28"), v("Tuesday", "2009-03-17")]
    );
    // a start told in the present is to come
    assert_eq!(
        run(
            "Glass recycling starts on Friday; the trial resumes Monday.",
            "2009-03-17"
        ),
        vec![v("Friday", "2009-03-20"), v("Monday", "2009-03-23")]
    );
    // a month in a clause told in the past counts one ahead four times as far; a
    // participle after a determiner is no past ("a contested convention in July")
    assert_eq!(
        run(
            "Officers caught up with him near Atlanta in June.",
            "2009-03-30"
        ),
        vec![v("June", "2008-06")]
    );
    assert_eq!(
        run(
            "That would set the stage for a contested convention in July.",
            "2016-03-22"
        ),
        vec![v("July", "2016-07")]
    );
    assert_eq!(
        run(
            "Cross called November's general election a test.",
            "2016-08-17"
        ),
        vec![v("November", "2016-11")]
    );
    // "come November": when it comes
    assert_eq!(
        run(
            "She should win the election come November; he lost in November.",
            "2016-06-15"
        ),
        vec![v("November", "2016-11"), v("November", "2015-11")]
    );
    // a clock in the next sentence is not
    assert_eq!(
        run("It began on Friday. At 3 p.m. they met.", p),
        vec![v("Friday", "2016-02-05"), v("3 p.m.", "2016-02-07T15:00")]
    );
}
