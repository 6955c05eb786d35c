use super::*;
use crate::export::Format;
use crate::query::EventFilter;
use dateline_core::{Actor, Article, Document, Event};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dateline-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d.join("t.db")
}

fn actor(code: &str, name: &str) -> Option<Actor> {
    Some(Actor {
        text: name.into(),
        canonical: Some(name.into()),
        code: Some(code.into()),
        country: Some(code[..3].into()),
        start: Some(0),
        end: Some(1),
    })
}

fn doc(url: &str, outlet: &str, body: &str, events: Vec<(&str, &str, &str, &str)>) -> Document {
    let art = Article {
        title: Some(format!("About {body}")),
        url: Some(url.into()),
        outlet: Some(outlet.into()),
        published: Some("2018-05-18".into()),
        ..Default::default()
    };
    let mut d = Document::new(url, art, body.into());
    d.events = Some(
        events
            .into_iter()
            .map(|(cameo, src, tgt, date)| Event {
                cameo: cameo.into(),
                plover: Some("CONSULT".into()),
                plover_mode: None,
                plover_context: None,
                quad_class: 1,
                goldstein: 1.9,
                source: actor(src, src),
                target: actor(tgt, tgt),
                date: Some(date.into()),
                date_source: Some(dateline_core::DateSource::Text),
                place: None,
                sentence: [0, body.len()],
                evidence: body.into(),
                negated: false,
                mode: Some(dateline_core::EventMode::Asserted),
                confidence: 0.8,
                rule: Some("test".into()),
                trigger: None,
                about: Vec::new(),
            })
            .collect(),
    );
    d
}

#[test]
fn dedup_counts_and_idempotence() {
    let path = tmp("dedup");
    let mut s = Store::open(&path).unwrap();
    let docs = vec![
        doc(
            "https://a.example/1",
            "a.example",
            "Assad visited Putin.",
            vec![("042", "SYRGOV", "RUSGOV", "2018-05-17")],
        ),
        doc(
            "https://b.example/2",
            "b.example",
            "Assad flew to see Putin.",
            vec![("042", "SYRGOV", "RUSGOV", "2018-05-17")],
        ),
        doc(
            "https://a.example/3",
            "a.example",
            "Assad went to Putin again.",
            vec![
                ("043", "SYRGOV", "RUSGOV", "2018-05-17"),
                ("111", "USA", "RUSGOV", "2018-05-16"),
            ],
        ),
    ];
    let st = s.write_batch(&docs).unwrap();
    assert_eq!((st.articles, st.events, st.mentions), (3, 2, 4));
    let t = s
        .sql("SELECT num_mentions, num_articles, num_sources FROM events WHERE cameo_root = '04'")
        .unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(
        t.rows[0],
        vec![Value::Integer(3), Value::Integer(3), Value::Integer(2)]
    );
    // the same input again adds nothing
    let st = s.write_batch(&docs).unwrap();
    assert_eq!((st.articles, st.skipped, st.mentions), (0, 3, 0));
    let counts = s.counts().unwrap();
    assert!(counts.contains(&("mentions".to_string(), 4)));
    // ids are stable: a second database built from the same reports has the same ids
    let path2 = tmp("dedup2");
    let mut s2 = Store::open(&path2).unwrap();
    s2.write_batch(&docs).unwrap();
    let ids = |s: &Store| s.sql("SELECT id FROM events ORDER BY id").unwrap().rows;
    assert_eq!(ids(&s), ids(&s2));
}

use rusqlite::types::Value;

#[test]
fn queries_and_exports() {
    let path = tmp("query");
    let mut s = Store::open(&path).unwrap();
    s.write_batch(&[
        doc(
            "https://a.example/1",
            "a.example",
            "Assad visited Putin in Sochi.",
            vec![("042", "SYRGOV", "RUSGOV", "2018-05-17")],
        ),
        doc(
            "https://a.example/2",
            "a.example",
            "The United States criticised Russia.",
            vec![("111", "USAGOV", "RUSGOV", "2018-05-16")],
        ),
    ])
    .unwrap();
    drop(s);
    let r = Store::open_read_only(&path).unwrap();
    let q = |f: EventFilter| r.query_events(&f).unwrap().rows.len();
    assert_eq!(q(EventFilter::default()), 2);
    assert_eq!(
        q(EventFilter {
            actor: Some("SYR".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        q(EventFilter {
            actor: Some("Assad".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        q(EventFilter {
            actor: Some("SYRGOV".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        q(EventFilter {
            target: Some("RUS".into()),
            code: Some("11".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        q(EventFilter {
            from: Some("2018-05-17".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        q(EventFilter {
            to: Some("2018-05".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        q(EventFilter {
            text: Some("Sochi".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        q(EventFilter {
            plover: Some("consult".into()),
            limit: Some(1),
            ..Default::default()
        }),
        1
    );
    // read-only SQL cannot write
    assert!(r.sql("DELETE FROM events").is_err());
    // GDELT export: 61 columns per row
    let all = EventFilter::default();
    let mut buf = Vec::new();
    assert_eq!(r.export(Format::Gdelt, &all, &mut buf).unwrap().rows, 2);
    for line in String::from_utf8(buf).unwrap().lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 61, "{line}");
        assert!(cols[1] == "20180517" || cols[1] == "20180516");
        assert!(cols[60].starts_with("https://a.example/"));
    }
    let mut buf = Vec::new();
    assert_eq!(r.export(Format::Mentions, &all, &mut buf).unwrap().rows, 2);
    assert!(String::from_utf8(buf)
        .unwrap()
        .lines()
        .all(|l| l.split('\t').count() == 16));
    let mut buf = Vec::new();
    r.export(Format::Csv, &all, &mut buf).unwrap();
    assert!(String::from_utf8(buf).unwrap().starts_with("id,date,cameo"));
}

#[test]
fn foreign_and_newer_files_are_refused_untouched() {
    let path = tmp("foreign");
    std::fs::write(&path, b"this is not a database at all, just text\n").unwrap();
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).err().unwrap();
    assert!(e.to_string().contains("not an SQLite database"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let path = tmp("other-sqlite");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE x (a); INSERT INTO x VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).err().unwrap();
    assert!(e.to_string().contains("not a dateline one"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let path = tmp("newer");
    drop(Store::open(&path).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let e = Store::open(&path).err().unwrap();
    assert!(e.to_string().contains("newer dateline"), "{e}");
    assert!(Store::open_read_only(&tmp("absent")).is_err());
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_is_typed_and_complete() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let path = tmp("parquet");
    let mut s = Store::open(&path).unwrap();
    s.write_batch(&[
        doc(
            "https://a.example/1",
            "a.example",
            "Assad visited Putin.",
            vec![("042", "SYRGOV", "RUSGOV", "2018-05-17")],
        ),
        doc(
            "https://a.example/2",
            "a.example",
            "The US criticised Russia.",
            vec![("111", "USAGOV", "RUSGOV", "2018-05")],
        ),
    ])
    .unwrap();
    let mut buf = Vec::new();
    assert_eq!(
        s.export_parquet(&mut buf, &EventFilter::default())
            .unwrap()
            .rows,
        2
    );
    assert!(buf.starts_with(b"PAR1") && buf.ends_with(b"PAR1"));
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(buf))
        .unwrap()
        .build()
        .unwrap();
    let mut rows = 0;
    for batch in reader {
        let batch = batch.unwrap();
        rows += batch.num_rows();
        let schema = batch.schema();
        assert_eq!(
            schema.field_with_name("day").unwrap().data_type(),
            &arrow_schema::DataType::Date32
        );
        assert_eq!(
            schema.field_with_name("num_mentions").unwrap().data_type(),
            &arrow_schema::DataType::Int64
        );
        assert!(
            schema.field_with_name("evidence").is_ok() && schema.field_with_name("url").is_ok()
        );
        let day = batch.column_by_name("day").unwrap();
        assert_eq!(day.null_count(), 1, "the month-only date has no day");
    }
    assert_eq!(rows, 2);
}

#[test]
fn undated_events_merge_within_an_article_never_across() {
    let p = tmp("undated");
    let mut s = Store::open(&p).unwrap();
    let mut docs = Vec::new();
    for (i, url) in ["https://u.example/1", "https://u.example/2"]
        .iter()
        .enumerate()
    {
        let mut d = doc(
            url,
            &format!("outlet{i}"),
            "Ankara backed the plan and again backed the plan.",
            vec![("051", "TUR", "GRC", ""), ("051", "TUR", "GRC", "")],
        );
        for e in d.events.iter_mut().flatten() {
            e.date = if i == 0 {
                None
            } else {
                Some("PRESENT_REF".into())
            };
        }
        docs.push(d);
    }
    // two dated reports of one event still merge across the articles
    docs.push(doc(
        "https://u.example/3",
        "o3",
        "A.",
        vec![("051", "TUR", "GRC", "2019-02-01")],
    ));
    docs.push(doc(
        "https://u.example/4",
        "o4",
        "B.",
        vec![("051", "TUR", "GRC", "2019-02-01")],
    ));
    let st = s.write_batch(&docs).unwrap();
    assert_eq!((st.events, st.mentions), (3, 6));
    let (k1, id1) = event_key(&docs[0].events.as_ref().unwrap()[0], &docs[0].id);
    let (k2, id2) = event_key(&docs[1].events.as_ref().unwrap()[0], &docs[1].id);
    assert_ne!(id1, id2, "{k1} / {k2}");
    assert!(k1.starts_with("undated@"), "{k1}");
    drop(s);
    // GDELT exports leave the undated events out and count them
    let r = Store::open_read_only(&p).unwrap();
    let mut buf = Vec::new();
    let st = r
        .export(Format::Gdelt, &EventFilter::default(), &mut buf)
        .unwrap();
    assert_eq!((st.rows, st.matched, st.undated), (1, 1, 2));
    let mut buf = Vec::new();
    let st = r
        .export(Format::Mentions, &EventFilter::default(), &mut buf)
        .unwrap();
    assert_eq!((st.rows, st.undated), (2, 4));
    let mut buf = Vec::new();
    let st = r
        .export(Format::Csv, &EventFilter::default(), &mut buf)
        .unwrap();
    assert_eq!((st.rows, st.undated), (3, 0));
}

#[test]
fn filters_compare_dates_as_days_and_apply_to_exports() {
    let p = tmp("dates");
    let mut s = Store::open(&p).unwrap();
    let dated = |n: usize, date: &str| {
        doc(
            &format!("https://d.example/{n}"),
            "d",
            "Talks.",
            vec![("040", "FRA", "DEU", date)],
        )
    };
    s.write_batch(&[
        dated(1, "2018-04-30"),
        dated(2, "2018-05-31"),
        dated(3, "2018-W22"), // 28 May to 3 June
        dated(4, "2018-06-01"),
        dated(5, "2018"),
    ])
    .unwrap();
    drop(s);
    let r = Store::open_read_only(&p).unwrap();
    let f = |from: Option<&str>, to: Option<&str>| EventFilter {
        from: from.map(str::to_string),
        to: to.map(str::to_string),
        ..Default::default()
    };
    let dates = |f: EventFilter| {
        let mut v: Vec<String> = r
            .query_events(&f)
            .unwrap()
            .rows
            .iter()
            .map(|row| crate::query::cell(&row[1]))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        dates(f(Some("2018-05"), Some("2018-05"))),
        ["2018", "2018-05-31", "2018-W22"]
    );
    assert_eq!(dates(f(Some("2018-06-02"), None)), ["2018", "2018-W22"]);
    assert_eq!(dates(f(None, Some("2018-04"))), ["2018", "2018-04-30"]);
    for bad in ["2018-5", "yesterday", "2016-13"] {
        let e = r.query_events(&f(Some(bad), None)).unwrap_err();
        assert!(
            e.to_string().contains("--from") && e.to_string().contains(bad),
            "{e}"
        );
    }
    // the same filter and limit choose an export's rows
    let mut lim = f(Some("2018-05"), None);
    lim.limit = Some(2);
    assert_eq!(r.count_events(&lim).unwrap(), 4);
    let mut buf = Vec::new();
    let st = r.export(Format::Gdelt, &lim, &mut buf).unwrap();
    assert_eq!((st.rows, st.matched), (2, 4));
    let mut buf = Vec::new();
    let st = r.export(Format::Jsonl, &lim, &mut buf).unwrap();
    assert_eq!((st.rows, st.matched), (2, 4));
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(buf).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["evidence"], "Talks.");
    assert!(first["url"]
        .as_str()
        .unwrap()
        .starts_with("https://d.example/"));
    assert!(first.get("place_geonameid").is_some());
    // a week is given to its month when it lies in one, else to its year
    let mut buf = Vec::new();
    r.export(Format::Gdelt, &EventFilter::default(), &mut buf)
        .unwrap();
    let mut days: Vec<String> = String::from_utf8(buf)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap_or("").to_string())
        .collect();
    days.sort();
    assert_eq!(
        days,
        ["20180000", "20180000", "20180430", "20180531", "20180601"]
    );
}

/// A database of `n` events, one a day from 1 March 2021 (some undated, some a month only),
/// between actors of three countries.
fn browse_db(name: &str, n: usize) -> PathBuf {
    let p = tmp(name);
    let mut s = Store::open(&p).unwrap();
    let codes = ["KENGOV", "UGAMIL", "ETHGOV"];
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            let date = match i % 7 {
                5 => String::new(),
                6 => "2021-04".to_string(),
                _ => format!("2021-03-{:02}", 1 + i % 28),
            };
            let mut d = doc(
                &format!("https://b.example/{i}"),
                "b.example",
                &format!("Story {i} about talks in Nairobi."),
                vec![("042", codes[i % 3], codes[(i + 1) % 3], &date)],
            );
            for e in d.events.iter_mut().flatten() {
                if date.is_empty() {
                    e.date = None;
                }
                e.quad_class = 1 + (i % 4) as u8;
                if i % 2 == 0 {
                    e.place = Some(dateline_core::EventPlace {
                        name: "Nairobi".into(),
                        lat: -1.28,
                        lon: 36.82,
                        country: Some("KEN".into()),
                        geonameid: Some(184745),
                        feature: Some("PPLC".into()),
                    });
                }
            }
            d
        })
        .collect();
    s.write_batch(&docs).unwrap();
    p
}

#[test]
fn pages_walk_every_event_once_newest_first() {
    use crate::browse::Cursor;
    let r = Store::open_read_only(&browse_db("pages", 40)).unwrap();
    let all = r.count_events(&EventFilter::default()).unwrap();
    let mut seen = Vec::new();
    let mut days = Vec::new();
    let mut after: Option<Cursor> = None;
    loop {
        let page = r
            .events_page(&EventFilter::default(), after.as_ref(), 7)
            .unwrap();
        assert_eq!(page.total, all);
        let id = page.events.columns.iter().position(|c| c == "id").unwrap();
        let day = page
            .events
            .columns
            .iter()
            .position(|c| c == "first_day")
            .unwrap();
        for row in &page.events.rows {
            seen.push(row[id].clone());
            days.push(crate::query::cell(&row[day]));
        }
        match page.next {
            Some(c) => {
                assert_eq!(Cursor::parse(&c.encode()).unwrap(), c);
                after = Some(c);
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), all);
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique.len(), all, "an event came twice");
    let mut sorted = days.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(days, sorted, "newest first, undated last");
    assert_eq!(days.last().map(String::as_str), Some(""));
    // a filter narrows the pages and their total alike
    let f = EventFilter {
        either: Some("UGA".into()),
        ..Default::default()
    };
    let page = r.events_page(&f, None, 100).unwrap();
    assert_eq!(page.total, r.count_events(&f).unwrap());
    assert!(page.total < all && page.total == page.events.rows.len());
    for bad in [
        "",
        "x",
        "2021-03-01",
        "2021-13-01_5",
        "_-5",
        "2021-03-01_5x",
        "_",
        "2021-03-01_5_",
        "2021-03-01_5_x",
        "2021-03-01_5_7_9",
    ] {
        assert!(Cursor::parse(bad).is_err(), "{bad}");
    }
    // a cursor without the count (as written before it was carried) still pages, counting
    let c = Cursor::parse("2021-03-01_5").unwrap();
    assert_eq!(c.total, None);
    assert_eq!(Cursor::parse("_5_12").unwrap().total, Some(12));
}

#[test]
fn aggregates_agree_with_the_filtered_count() {
    use crate::browse::Bucket;
    let r = Store::open_read_only(&browse_db("aggregates", 40)).unwrap();
    let f = EventFilter {
        quad: Some(1),
        ..Default::default()
    };
    let n = r.count_events(&f).unwrap();
    let sum = |t: &crate::query::Table, col: &str| -> usize {
        let i = t.columns.iter().position(|c| c == col).unwrap();
        t.rows
            .iter()
            .map(|row| match row[i] {
                Value::Integer(k) => k as usize,
                _ => 0,
            })
            .sum()
    };
    for by in [Bucket::Day, Bucket::Week, Bucket::Month] {
        let t = r.timeline(&f, by).unwrap();
        assert_eq!(sum(&t.buckets, "events") + t.undated + t.imprecise, n);
    }
    let t = r.timeline(&EventFilter::default(), Bucket::Week).unwrap();
    let first = crate::query::cell(&t.buckets.rows[0][0]);
    assert_eq!(first, "2021-03-01", "weeks are named by their Monday");
    let month = r.timeline(&EventFilter::default(), Bucket::Month).unwrap();
    assert_eq!(month.imprecise, 0);
    let (net, pairs) = r.network(&EventFilter::default(), 100).unwrap();
    assert_eq!(sum(&net, "events"), 40);
    assert_eq!(pairs, 3);
    let (pl, _) = r.places(&EventFilter::default(), 10).unwrap();
    assert_eq!(sum(&pl, "events"), 20);
    let (act, total) = r.actors(Some("UGA"), 10).unwrap();
    assert_eq!(total, 1);
    let ev = sum(&act, "events");
    assert_eq!(ev, sum(&act, "as_source") + sum(&act, "as_target"));
    let (hits, n) = r.search("Nairobi", 5).unwrap();
    assert_eq!((hits.rows.len(), n), (5, 40));
    assert!(r.check_text_query("talks AND Nairobi").is_ok());
    for bad in ["\"unclosed", "AND", "a OR", "x:y"] {
        assert!(r.check_text_query(bad).is_err(), "{bad}");
    }
    let f = EventFilter {
        country: Some("eth".into()),
        ..Default::default()
    };
    assert!(r.count_events(&f).unwrap() > 0);
}

#[test]
fn the_coded_document_comes_back_as_it_went_in() {
    let p = tmp("documents");
    let mut s = Store::open(&p).unwrap();
    let mut d = doc(
        "https://doc.example/1",
        "doc.example",
        "Assad visited \"Putin\".\nThen left.",
        vec![("042", "SYRGOV", "RUSGOV", "2018-05-17")],
    );
    d.warnings.push("a warning".into());
    s.write_batch(std::slice::from_ref(&d)).unwrap();
    drop(s);
    let r = Store::open_read_only(&p).unwrap();
    assert_eq!(
        r.article_json(&d.id).unwrap().unwrap(),
        serde_json::to_string(&d).unwrap()
    );
    assert_eq!(r.article_json("nope").unwrap(), None);
}

#[test]
fn a_schema_1_file_is_migrated_and_its_articles_rebuilt() {
    let p = tmp("migrate");
    {
        // a version-1 file as dateline wrote it, with one article
        let c = Connection::open(&p).unwrap();
        c.execute_batch(SCHEMA).unwrap();
        c.execute_batch(
            "INSERT INTO meta VALUES ('schema', 'dateline.db/1');
             INSERT INTO articles (id, source, url, title, byline, published, content_hash, body, ingested_at)
               VALUES ('a1', 's', 'https://m.example/1', 'Old', '[\"Ann\"]', '2018-05-18', 'h', 'Assad met Putin.', 'now');
             INSERT INTO entities VALUES (1, 0, 5, 'Assad', 'PERSON', 'Bashar al-Assad');
             INSERT INTO events (id, key, date, cameo, cameo_root, quad_class, goldstein, negated, source_code, source_name, target_code, target_name, first_article, added_at)
               VALUES (7, 'k', '2018-05-17', '042', '04', 1, 1.9, 0, 'SYRGOV', 'Assad', 'RUSGOV', 'Putin', 1, 'now');
             INSERT INTO mentions (event, article, cameo, sentence_start, sentence_end, evidence, confidence)
               VALUES (7, 1, '042', 0, 16, 'Assad met Putin.', 0.9);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    assert!(
        Store::open_read_only(&p).is_err(),
        "read-only cannot migrate"
    );
    drop(Store::open(&p).unwrap());
    let r = Store::open_read_only(&p).unwrap();
    let t = r.sql("SELECT first_day, last_day FROM events").unwrap();
    assert_eq!(
        t.rows[0],
        vec![
            Value::Text("2018-05-17".into()),
            Value::Text("2018-05-17".into())
        ]
    );
    let v: serde_json::Value =
        serde_json::from_str(&r.article_json("a1").unwrap().unwrap()).unwrap();
    assert_eq!(v["body"], "Assad met Putin.");
    assert_eq!(v["article"]["byline"][0], "Ann");
    assert_eq!(v["entities"][0]["canonical"], "Bashar al-Assad");
    assert_eq!(v["events"][0]["source"]["code"], "SYRGOV");
    assert_eq!(v["warnings"][0], crate::documents::REBUILT_WARNING);
    let schema = r
        .sql("SELECT value FROM meta WHERE key = 'schema'")
        .unwrap();
    assert_eq!(schema.rows[0][0], Value::Text("dateline.db/3".into()));
}

/// Events for the filter tests: codes of one to three parts, both sides of one country (an
/// event that an either-side filter meets twice), short and long CAMEO codes, dates of a day,
/// a month, a year and none, places in three countries.
fn filter_db(name: &str) -> PathBuf {
    let p = tmp(name);
    let mut s = Store::open(&p).unwrap();
    let codes = [
        "KENGOV",
        "KENMIL",
        "KEN",
        "UGAMIL",
        "ETHGOV",
        "ETH",
        "USAGOVMIL",
        "IGOUNO",
    ];
    let cameos = ["042", "04", "0431", "11", "111", "190", "01", "1823"];
    let docs: Vec<Document> = (0..160)
        .map(|i| {
            let date = match i % 9 {
                7 => String::new(),
                8 => "2021-04".to_string(),
                6 => "2020".to_string(),
                _ => format!("2021-0{}-{:02}", 1 + i % 5, 1 + i % 28),
            };
            let mut d = doc(
                &format!("https://f.example/{i}"),
                "f.example",
                &format!("Story {i}."),
                vec![(
                    cameos[i % 8],
                    codes[i % 8],
                    codes[(i / 8 + i + 1) % 8],
                    &date,
                )],
            );
            for e in d.events.iter_mut().flatten() {
                if date.is_empty() {
                    e.date = None;
                }
                e.quad_class = 1 + (i % 4) as u8;
                if i % 3 > 0 {
                    e.place = Some(dateline_core::EventPlace {
                        name: "Somewhere".into(),
                        lat: 1.0,
                        lon: 2.0,
                        country: Some(["KEN", "ETH", "FRA"][i % 3].into()),
                        geonameid: None,
                        feature: None,
                    });
                }
            }
            d
        })
        .collect();
    s.write_batch(&docs).unwrap();
    p
}

/// Filters of every kind the indexes serve, with the same condition written plainly in SQL.
fn filter_cases() -> Vec<(EventFilter, &'static str)> {
    let f = EventFilter::default;
    let either = "substr(source_code, 1, 3) = 'KEN' OR substr(target_code, 1, 3) = 'KEN'";
    vec![
        (f(), "1"),
        (EventFilter { actor: Some("KEN".into()), ..f() }, "source_code LIKE 'KEN%'"),
        (EventFilter { actor: Some("KENGOV".into()), ..f() }, "source_code LIKE 'KENGOV%'"),
        (EventFilter { actor: Some("USAGOVM".into()), ..f() }, "source_code LIKE 'USAGOVM%'"),
        (EventFilter { target: Some("ETH".into()), ..f() }, "target_code LIKE 'ETH%'"),
        (EventFilter { either: Some("KEN".into()), ..f() }, either),
        (
            EventFilter { either: Some("KENMIL".into()), ..f() },
            "source_code LIKE 'KENMIL%' OR target_code LIKE 'KENMIL%'",
        ),
        (
            EventFilter { either: Some("engov".into()), ..f() },
            "source_name LIKE '%engov%' OR source_code LIKE '%engov%' OR target_name LIKE '%engov%' OR target_code LIKE '%engov%'",
        ),
        (EventFilter { code: Some("04".into()), ..f() }, "cameo LIKE '04%'"),
        (EventFilter { code: Some("043".into()), ..f() }, "cameo LIKE '043%'"),
        (EventFilter { code: Some("1".into()), ..f() }, "cameo LIKE '1%'"),
        (
            EventFilter { country: Some("KEN".into()), ..f() },
            "'KEN' IN (source_country, target_country, place_country)",
        ),
        (
            EventFilter { country: Some("eth".into()), quad: Some(2), ..f() },
            "'ETH' IN (source_country, target_country, place_country) AND quad_class = 2",
        ),
        (
            EventFilter { from: Some("2021-02".into()), to: Some("2021-04-15".into()), ..f() },
            "first_day <> '' AND first_day <= '2021-04-15' AND last_day >= '2021-02-01'",
        ),
        (
            EventFilter { from: Some("2020-06".into()), ..f() },
            "last_day >= '2020-06-01'",
        ),
        (
            EventFilter { actor: Some("ETH".into()), quad: Some(2), from: Some("2020-06".into()), ..f() },
            "source_code LIKE 'ETH%' AND quad_class = 2 AND last_day >= '2020-06-01'",
        ),
        (
            EventFilter { either: Some("KEN".into()), from: Some("2021-03".into()), ..f() },
            "(substr(source_code, 1, 3) = 'KEN' OR substr(target_code, 1, 3) = 'KEN') AND last_day >= '2021-03-01'",
        ),
        (
            EventFilter { country: Some("KEN".into()), to: Some("2021-02".into()), ..f() },
            "'KEN' IN (source_country, target_country, place_country) AND first_day <> '' AND first_day <= '2021-02-28'",
        ),
        (
            EventFilter {
                either: Some("ETH".into()),
                country: Some("KEN".into()),
                code: Some("0".into()),
                ..f()
            },
            "(substr(source_code, 1, 3) = 'ETH' OR substr(target_code, 1, 3) = 'ETH') AND 'KEN' IN (source_country, target_country, place_country) AND cameo LIKE '0%'",
        ),
        (
            EventFilter {
                actor: Some("KEN".into()),
                target: Some("ETH".into()),
                code: Some("04".into()),
                ..f()
            },
            "source_code LIKE 'KEN%' AND target_code LIKE 'ETH%' AND cameo LIKE '04%'",
        ),
    ]
}

fn ids(t: &crate::query::Table) -> Vec<Value> {
    let i = t.columns.iter().position(|c| c == "id").unwrap();
    t.rows.iter().map(|r| r[i].clone()).collect()
}

/// Every page of a filter, three events a page: the ids in order, and the first page's total.
fn walk(r: &Store, f: &EventFilter) -> (Vec<Value>, usize) {
    let mut out = Vec::new();
    let mut after = None;
    let mut total = None;
    loop {
        let page = r.events_page(f, after.as_ref(), 3).unwrap();
        total.get_or_insert(page.total);
        out.extend(ids(&page.events));
        match page.next {
            Some(c) => after = Some(c),
            None => return (out, total.unwrap_or(0)),
        }
    }
}

#[test]
fn pages_of_every_filter_are_the_plain_condition_in_page_order() {
    let r = Store::open_read_only(&filter_db("plain")).unwrap();
    for (f, plain) in filter_cases() {
        let want = r
            .sql(&format!(
                "SELECT id FROM events WHERE {plain} ORDER BY first_day DESC, id DESC"
            ))
            .unwrap();
        let (got, total) = walk(&r, &f);
        assert_eq!(got, ids(&want), "{f:?}");
        assert_eq!(total, want.rows.len(), "{f:?}");
        assert_eq!(r.count_events(&f).unwrap(), want.rows.len(), "{f:?}");
    }
    // the data meets the cases: every filter matches some events, not all but the first; an
    // event has both sides in Kenya (an either-side filter meets it twice)
    for (f, _) in filter_cases().iter().skip(1) {
        let n = r.count_events(f).unwrap();
        assert!(n > 0 && n < 160, "{f:?}: {n}");
    }
    let both = "substr(source_code, 1, 3) = 'KEN' AND substr(target_code, 1, 3) = 'KEN'";
    assert!(
        r.count(&format!("SELECT count(*) FROM events WHERE {both}"), &[])
            .unwrap()
            > 0
    );
}

#[test]
fn a_page_is_an_index_walk_not_a_sort() {
    let r = Store::open_read_only(&filter_db("plans")).unwrap();
    // (a one-digit code and a name have no index that orders them)
    for (f, _) in filter_cases()
        .into_iter()
        .filter(|(f, _)| f.code.as_deref() != Some("1") && f.either.as_deref() != Some("engov"))
    {
        let c = crate::browse::Cursor {
            day: "2021-03-01".into(),
            id: 5,
            total: Some(9),
        };
        for after in [None, Some(&c)] {
            let (sql, args) = r.page_ids(&f, after, 51).unwrap();
            let plan = r
                .table(&format!("EXPLAIN QUERY PLAN {sql}"), &args)
                .unwrap();
            let steps: Vec<String> = plan
                .rows
                .iter()
                .map(|row| crate::query::cell(&row[3]))
                .collect();
            assert!(
                !steps.iter().any(|s| s.contains("TEMP B-TREE")),
                "{f:?}: {steps:?}"
            );
            assert!(
                steps.iter().any(|s| s.contains("INDEX events_")),
                "{f:?}: {steps:?}"
            );
        }
    }
}

#[test]
fn a_schema_2_file_is_migrated_keeping_every_event_and_answer() {
    let p = filter_db("migrate2");
    let answers = |r: &Store| -> Vec<(Vec<Value>, usize)> {
        filter_cases().iter().map(|(f, _)| walk(r, f)).collect()
    };
    let before = answers(&Store::open_read_only(&p).unwrap());
    {
        // back to the file schema 2 wrote: its one events_day index, version 2
        let c = Connection::open(&p).unwrap();
        c.execute_batch(
            "DROP INDEX events_source_day; DROP INDEX events_target_day; DROP INDEX events_cameo_day;
             DROP INDEX events_source_country_day; DROP INDEX events_target_country_day;
             DROP INDEX events_place_country_day; DROP INDEX events_span;
             DROP INDEX events_day; CREATE INDEX events_day ON events(first_day, last_day);
             CREATE INDEX events_date ON events(date); CREATE INDEX events_source ON events(source_code);
             CREATE INDEX events_target ON events(target_code);
             UPDATE meta SET value = 'dateline.db/2' WHERE key = 'schema';
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let refused = Store::open_read_only(&p).err().unwrap().message;
    assert!(
        refused.contains("schema 2") && refused.contains("dateline ingest"),
        "{refused}"
    );
    drop(Store::open(&p).unwrap());
    let r = Store::open_read_only(&p).unwrap();
    assert_eq!(r.count_events(&EventFilter::default()).unwrap(), 160);
    assert_eq!(answers(&r), before);
    let indexes = r
        .sql("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%_day' ORDER BY name")
        .unwrap();
    assert_eq!(indexes.rows.len(), 6);
    let schema = r
        .sql("SELECT value FROM meta WHERE key = 'schema'")
        .unwrap();
    assert_eq!(schema.rows[0][0], Value::Text("dateline.db/3".into()));
}
