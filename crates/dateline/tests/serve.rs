//! `dateline serve` as a client meets it: a database built by the real `dateline ingest` from
//! the bundled example (and VOA's public-domain stories in ../shared when they are there), a
//! real server process on a free loopback port, a real HTTP client (ureq), and raw TCP where a
//! client would tidy the request (paths with `..`, a body sent past a 413). Every answer is
//! checked against `dateline query`/`export` or SQL on the same database.

use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

mod common;
use common::{bin, example, ingest, serve, voa, Server};

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("serve", name)
}

/// The README's example database: the bundled example article.
fn example_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let db = tmpdir("example").join("news.db");
        ingest(&db, &[example()]);
        db
    })
}

/// The example and, when ../shared is there, VOA's 83 stories (a thousand events).
fn larger_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let db = tmpdir("larger").join("news.db");
        let mut inputs = vec![example()];
        if voa().is_file() {
            inputs.push(voa());
        }
        ingest(&db, &inputs);
        db
    })
}

/// A copy of a database that a test may write to.
fn copy_of(db: &Path, name: &str) -> PathBuf {
    let to = tmpdir(name).join("news.db");
    std::fs::copy(db, &to).unwrap();
    to
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build(),
    )
}

/// Status, headers and body of a GET.
fn get(s: &Server, path: &str) -> (u16, ureq::http::HeaderMap, String) {
    let mut r = agent().get(format!("{}{path}", s.url)).call().unwrap();
    let body = r
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_string()
        .unwrap();
    (r.status().as_u16(), r.headers().clone(), body)
}

/// The JSON of a GET that must answer 200.
fn get_json(s: &Server, path: &str) -> Value {
    let (status, h, body) = get(s, path);
    assert_eq!(status, 200, "{path}: {body}");
    assert_eq!(h["content-type"], "application/json", "{path}");
    serde_json::from_str(&body).unwrap()
}

fn post(s: &Server, body: &[u8], token: Option<&str>) -> (u16, Value) {
    let mut req = agent().post(format!("{}/api/articles", s.url));
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    let mut r = req.send(body).unwrap();
    let text = r.body_mut().read_to_string().unwrap();
    (
        r.status().as_u16(),
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

/// A request written by hand on a socket (the path as given); the status and the body.
fn raw(s: &Server, request: &[u8]) -> (u16, String) {
    let mut sock = std::net::TcpStream::connect(&s.addr).unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut w = sock.try_clone().unwrap();
    let request = request.to_vec();
    // written from another thread: the server may answer before reading it all
    let writer = std::thread::spawn(move || {
        let _ = w.write_all(&request);
    });
    let mut got = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match sock.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
        if got.windows(4).any(|w| w == b"\r\n\r\n") && response_complete(&got) {
            break;
        }
    }
    let _ = sock.shutdown(std::net::Shutdown::Both);
    let _ = writer.join();
    let text = String::from_utf8_lossy(&got).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|x| x.1).unwrap_or("");
    (status, body.to_string())
}

/// Whether a response with a content-length has all its body.
fn response_complete(got: &[u8]) -> bool {
    let text = String::from_utf8_lossy(got);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let len = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
        })
        .unwrap_or(0);
    body.len() >= len
}

/// One number from `dateline query --sql`.
fn sql_count(db: &Path, sql: &str) -> u64 {
    let o = bin()
        .args(["query", "--db"])
        .arg(db)
        .args(["--sql", sql, "--format", "csv"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    out.lines().nth(1).unwrap().trim().parse().unwrap()
}

/// The `total` of an endpoint.
fn total(s: &Server, path: &str) -> u64 {
    get_json(s, path)["total"].as_u64().unwrap()
}

fn sum(items: &Value, field: &str) -> u64 {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x[field].as_u64().unwrap())
        .sum()
}

#[test]
fn each_endpoint_answers_its_shape_and_agrees_with_the_database() {
    let db = example_db();
    let s = serve(db, &[], None);
    let events = sql_count(db, "SELECT count(*) FROM events");
    assert!(events > 0);
    let page = get_json(&s, "/api/events?limit=500");
    assert_eq!(page["total"].as_u64(), Some(events));
    assert_eq!(page["events"].as_array().unwrap().len() as u64, events);
    assert!(page["next"].is_null());
    let e = &page["events"][0];
    for field in [
        "id",
        "date",
        "cameo",
        "goldstein",
        "quad_class",
        "source_code",
        "evidence",
        "url",
        "title",
        "article_id",
    ] {
        assert!(e.get(field).is_some(), "event lacks {field}: {e}");
    }
    // the article is the object `dateline code` prints
    let id = e["article_id"].as_str().unwrap();
    let coded = bin()
        .args(["code", "--format", "jsonl"])
        .arg(example())
        .output()
        .unwrap();
    let coded: Value = serde_json::from_slice(&coded.stdout).unwrap();
    let served = get_json(&s, &format!("/api/articles/{id}"));
    assert_eq!(served, coded);
    assert_eq!(served["schema"], "dateline.article/1");
    // quotes: as many as `query --quotes` counts
    let quotes = get_json(&s, "/api/quotes?limit=500");
    assert_eq!(
        quotes["total"].as_u64(),
        Some(sql_count(db, "SELECT count(*) FROM quotes"))
    );
    assert_eq!(
        quotes["quotes"].as_array().unwrap().len() as u64,
        quotes["total"].as_u64().unwrap()
    );
    // the timeline's buckets, undated and imprecise events add up to the events
    for by in ["day", "week", "month"] {
        let t = get_json(&s, &format!("/api/timeline?by={by}"));
        let n = sum(&t["buckets"], "events")
            + t["undated"].as_u64().unwrap()
            + t["imprecise"].as_u64().unwrap();
        assert_eq!(n, events, "by={by}: {t}");
        assert_eq!(t["total"].as_u64(), Some(events));
    }
    let net = get_json(&s, "/api/network");
    assert_eq!(
        sum(&net["pairs"], "events"),
        sql_count(
            db,
            "SELECT count(*) FROM events WHERE source_name IS NOT NULL AND target_name IS NOT NULL"
        )
    );
    let places = get_json(&s, "/api/places");
    assert_eq!(
        sum(&places["places"], "events"),
        sql_count(
            db,
            "SELECT count(*) FROM events WHERE place_lat IS NOT NULL"
        )
    );
    for p in places["places"].as_array().unwrap() {
        assert!(p["lat"].is_f64() && p["lon"].is_f64(), "{p}");
    }
    let actors = get_json(&s, "/api/actors?limit=500");
    assert_eq!(
        sum(&actors["actors"], "events"),
        sql_count(
            db,
            "SELECT (SELECT count(*) FROM events WHERE source_name IS NOT NULL) + (SELECT count(*) FROM events WHERE target_name IS NOT NULL)"
        )
    );
    let hits = get_json(&s, "/api/search?q=Moyale");
    assert_eq!(
        hits["total"].as_u64(),
        Some(sql_count(
            db,
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Moyale'"
        ))
    );
    assert_eq!(hits["articles"][0]["id"].as_str(), Some(id));
    let api = get_json(&s, "/api/openapi.json");
    assert!(api["openapi"].as_str().unwrap().starts_with("3.1"));
    let (status, h, body) = get(&s, "/");
    assert_eq!(status, 200);
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(body.contains("/api/openapi.json"));
}

#[test]
fn pages_walk_every_event_once_and_filters_narrow() {
    let db = larger_db();
    let s = serve(db, &[], None);
    let all = sql_count(db, "SELECT count(*) FROM events");
    let mut ids = BTreeSet::new();
    let mut seen = 0;
    let mut path = "/api/events?limit=37".to_string();
    loop {
        let page = get_json(&s, &path);
        assert_eq!(page["total"].as_u64(), Some(all));
        for e in page["events"].as_array().unwrap() {
            ids.insert(e["id"].as_i64().unwrap());
            seen += 1;
        }
        match page["next"].as_str() {
            Some(c) => path = format!("/api/events?limit=37&cursor={c}"),
            None => break,
        }
    }
    assert_eq!((seen, ids.len() as u64), (all, all), "each event once");
    let sql_ids = sql_count(db, "SELECT count(DISTINCT id) FROM events");
    assert_eq!(sql_ids, all);
    // filters narrow, and agree with the same condition in SQL
    let cases = [
        (
            "code=04",
            "SELECT count(*) FROM events WHERE cameo LIKE '04%'",
        ),
        (
            "quad=4",
            "SELECT count(*) FROM events WHERE quad_class = 4",
        ),
        (
            "actor=KEN",
            "SELECT count(*) FROM events WHERE source_code LIKE 'KEN%' OR target_code LIKE 'KEN%'",
        ),
        (
            "source=KEN",
            "SELECT count(*) FROM events WHERE source_code LIKE 'KEN%'",
        ),
        (
            "country=KEN",
            "SELECT count(*) FROM events WHERE 'KEN' IN (source_country, target_country, place_country)",
        ),
        (
            "from=2019&to=2019-12",
            "SELECT count(*) FROM events WHERE first_day <> '' AND first_day <= '2019-12-31' AND last_day >= '2019-01-01'",
        ),
        (
            "min_confidence=0.8",
            "SELECT count(*) FROM events WHERE confidence >= 0.8",
        ),
        (
            "q=Moyale",
            "SELECT count(*) FROM events WHERE id IN (SELECT event FROM mentions WHERE article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Moyale'))",
        ),
    ];
    for (q, sql) in cases {
        let n = total(&s, &format!("/api/events?{q}"));
        assert_eq!(n, sql_count(db, sql), "{q}");
        assert!(n <= all, "{q}");
        if voa().is_file() && q != "min_confidence=0.8" {
            assert!(n < all, "{q} does not narrow");
        }
    }
    // as `dateline query` counts the same filter
    let o = bin()
        .args(["query", "--db"])
        .arg(db)
        .args(["--code", "04", "--all", "--format", "jsonl"])
        .output()
        .unwrap();
    let lines = String::from_utf8(o.stdout).unwrap().lines().count() as u64;
    assert_eq!(total(&s, "/api/events?code=04"), lines);
}

#[test]
fn bad_parameters_are_400_hostile_ones_never_500() {
    let s = serve(example_db(), &[], None);
    let long = "x".repeat(10_000);
    for path in [
        "/api/events?from=2016-13",
        "/api/events?to=yesterday",
        "/api/events?limit=0",
        "/api/events?limit=501",
        "/api/events?limit=ten",
        "/api/events?cursor=garbage",
        "/api/events?cursor=2018-02-30_1",
        "/api/events?quad=9",
        "/api/events?code=04%27%20OR%201%3D1",
        "/api/events?q=%22unclosed",
        "/api/events?q=AND",
        "/api/events?nope=1",
        "/api/events?actor=a&actor=b",
        "/api/timeline?by=year",
        "/api/search",
        "/api/search?q=(",
        "/api/quotes?kind=shouted",
        "/api/export?format=xml",
        "/api/export",
        "/api/export?format=csv&q=%22",
        &format!("/api/events?actor={long}"),
        &format!("/api/search?q={long}"),
    ] {
        let (status, h, body) = get(&s, path);
        assert_eq!(status, 400, "{}: {body}", &path[..path.len().min(80)]);
        assert_eq!(h["content-type"], "application/json");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert!(v["error"].is_string(), "{body}");
        assert!(
            !body.contains("panicked") && !body.contains(".rs:"),
            "{body}"
        );
    }
    // SQL-looking values are values: no match, no error
    for path in [
        "/api/events?actor=%27%3B%20DROP%20TABLE%20events%3B%20--",
        "/api/events?place=%25%27%20OR%20%271%27%3D%271",
        "/api/quotes?speaker=%27%20OR%201%3D1%20--",
        "/api/actors?q=%25%25%27%29%3B--",
        "/api/network?target=%22%3Bselect",
    ] {
        let (status, _, body) = get(&s, path);
        assert_eq!(status, 200, "{path}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["total"].as_u64(), Some(0), "{path}: {body}");
    }
    assert!(sql_count(example_db(), "SELECT count(*) FROM events") > 0);
    let (status, _, body) = get(&s, "/api/articles/no-such-article");
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("error"));
    let (status, h, body) = get(&s, "/api/no-such-route");
    assert_eq!(status, 404);
    assert_eq!(h["content-type"], "application/json");
    assert!(body.contains("error"));
    let r = agent()
        .delete(format!("{}/api/events", s.url))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
}

#[test]
fn every_response_carries_the_security_headers_and_traversal_is_404() {
    let s = serve(example_db(), &[], None);
    for path in [
        "/",
        "/api/events",
        "/api/events?from=x",
        "/nope",
        "/assets/index.html",
    ] {
        let (_, h, _) = get(&s, path);
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert!(h.contains_key("referrer-policy"), "{path}");
    }
    assert_eq!(get(&s, "/assets/index.html").0, 200);
    for path in [
        "/assets/../Cargo.toml",
        "/assets/../../../../etc/passwd",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e%5c%2e%2e%5cCargo.toml",
        "/assets/index.html/../../Cargo.toml",
        "/assets//etc/passwd",
        "/../../../etc/passwd",
        "/assets/",
        "/assets/openapi.json",
    ] {
        let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let (status, body) = raw(&s, req.as_bytes());
        assert_eq!(status, 404, "{path}: {body}");
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{path}"
        );
    }
}

#[test]
fn post_needs_the_token_and_then_ingests_what_is_served() {
    let article = br#"{"id": "serve-test-1", "title": "Kenya and Uganda talk", "published": "2021-03-10", "url": "https://serve.example/1", "text": "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Tuesday to discuss the harbour dispute."}"#;
    // without a token the server is read-only: 403, and nothing changes
    let db = copy_of(example_db(), "post-readonly");
    let before = sql_count(&db, "SELECT count(*) FROM articles");
    {
        let s = serve(&db, &[], None);
        assert_eq!(post(&s, article, None).0, 403);
        assert_eq!(post(&s, article, Some("guess")).0, 403);
    }
    assert_eq!(sql_count(&db, "SELECT count(*) FROM articles"), before);
    // with one, a request without it or with another is 401, and nothing changes
    let s = serve(&db, &[], Some("s3cret-token"));
    let (status, v) = post(&s, article, None);
    assert_eq!(status, 401, "{v}");
    assert_eq!(post(&s, article, Some("wrong")).0, 401);
    assert_eq!(sql_count(&db, "SELECT count(*) FROM articles"), before);
    // with the token: coded, stored and served
    let events_before = total(&s, "/api/events");
    let (status, v) = post(&s, article, Some("s3cret-token"));
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["ingested"][0], "serve-test-1");
    assert_eq!(sql_count(&db, "SELECT count(*) FROM articles"), before + 1);
    let a = get_json(&s, "/api/articles/serve-test-1");
    assert_eq!(a["article"]["title"], "Kenya and Uganda talk");
    assert!(
        a["entities"].as_array().is_some_and(|e| !e.is_empty()),
        "{a}"
    );
    let new = v["events"].as_u64().unwrap();
    assert!(new > 0, "{v}");
    assert_eq!(total(&s, "/api/events"), events_before + new);
    let hits = get_json(&s, "/api/events?q=Museveni");
    assert_eq!(hits["events"][0]["article_id"], "serve-test-1");
    // again: skipped; JSON Lines: each line an article
    let (status, v) = post(&s, article, Some("s3cret-token"));
    assert_eq!(
        (status, &v["skipped"][0]),
        (200, &Value::from("serve-test-1"))
    );
    let lines = b"{\"id\": \"l1\", \"text\": \"Egypt criticised Ethiopia over the dam.\", \"published\": \"2021-04-01\"}\n{\"id\": \"l2\", \"text\": \"Chad thanked Niger for its help.\", \"published\": \"2021-04-02\"}\nnot json\n";
    let (status, v) = post(&s, lines, Some("s3cret-token"));
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["ingested"], serde_json::json!(["l1", "l2"]));
    assert_eq!(v["errors"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(post(&s, b"garbage", Some("s3cret-token")).0, 400);
}

#[test]
fn a_body_over_the_limit_is_413() {
    let db = copy_of(example_db(), "post-413");
    let s = serve(&db, &["--max-body-bytes", "1000"], Some("tok"));
    let big = format!(
        "{{\"id\": \"big\", \"text\": \"{}\"}}",
        "word ".repeat((2 << 20) / 5 + 1)
    );
    assert!(big.len() >= 2 << 20);
    let head = format!(
        "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tok\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        big.len()
    );
    let (status, body) = raw(&s, &[head.as_bytes(), big.as_bytes()].concat());
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("error"), "{body}");
    // the same without a length up front (chunked): cut off at the limit
    let mut chunked = b"POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tok\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for part in big.as_bytes().chunks(4096) {
        chunked.extend(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend(part);
        chunked.extend(b"\r\n");
    }
    chunked.extend(b"0\r\n\r\n");
    let (status, body) = raw(&s, &chunked);
    assert_eq!(status, 413, "{body}");
    // ureq too sees the 413 when it can
    let mut r = agent()
        .post(format!("{}/api/articles", s.url))
        .header("Authorization", "Bearer tok")
        .send(&vec![b' '; 5000][..])
        .unwrap();
    assert_eq!(r.status().as_u16(), 413);
    let v: Value = serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap();
    assert!(v["error"].is_string());
    assert_eq!(
        sql_count(&db, "SELECT count(*) FROM articles WHERE id = 'big'"),
        0
    );
}

#[test]
fn exports_stream_what_the_cli_exports() {
    let db = larger_db();
    let s = serve(db, &[], None);
    for (format, query) in [
        ("csv", ""),
        ("jsonl", ""),
        ("gdelt", ""),
        ("mentions", ""),
        ("csv", "&code=0&from=2019"),
        ("jsonl", "&limit=3"),
    ] {
        let (status, h, body) = get(&s, &format!("/api/export?format={format}{query}"));
        assert_eq!(status, 200, "{format}{query}: {body}");
        assert!(h.contains_key("content-disposition"));
        let mut args: Vec<String> = vec!["export".into(), "--format".into(), format.into()];
        for kv in query.split('&').filter(|kv| !kv.is_empty()) {
            let (k, v) = kv.split_once('=').unwrap();
            args.push(format!("--{k}"));
            args.push(v.to_string());
        }
        let o = bin().args(&args).arg("--db").arg(db).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(
            body,
            String::from_utf8(o.stdout).unwrap(),
            "{format}{query}"
        );
    }
}

/// Answers are kept for repeated requests, and dropped as soon as another process commits to
/// the database: a `dateline ingest` beside a read-only server is seen at once.
#[test]
fn repeated_requests_are_kept_until_the_database_changes() {
    let db = copy_of(example_db(), "cache");
    let s = serve(&db, &[], None);
    let cache = |h: &ureq::http::HeaderMap| {
        h.get("x-dateline-cache")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let path = "/api/events?limit=5";
    let (status, h1, first) = get(&s, path);
    assert_eq!((status, cache(&h1).as_str()), (200, "miss"));
    let (_, h2, again) = get(&s, path);
    assert_eq!(cache(&h2), "hit");
    assert_eq!(first, again);
    // kept answers still carry the security headers and the content type
    assert_eq!(h2["content-type"], "application/json");
    assert!(h2.get("content-security-policy").is_some());
    // another query is another answer
    let (_, h3, _) = get(&s, "/api/events?limit=4");
    assert_eq!(cache(&h3), "miss");
    // errors are never kept
    let (status, h4, _) = get(&s, "/api/events?limit=0");
    assert_eq!(status, 400);
    assert_eq!(cache(&h4), "");
    // another process adds an article with an event
    let dir = tmpdir("cache-more");
    let more = dir.join("more.txt");
    std::fs::write(
        &more,
        "Published: 2024-03-02\n\nThe Kenyan army attacked rebel camps near the Somali border on Friday, officials said.\n",
    )
    .unwrap();
    let before = serde_json::from_str::<Value>(&first).unwrap()["total"]
        .as_u64()
        .unwrap();
    ingest(&db, &[more]);
    let (_, h5, after) = get(&s, path);
    assert_eq!(cache(&h5), "miss", "the change is seen");
    let after = serde_json::from_str::<Value>(&after).unwrap()["total"]
        .as_u64()
        .unwrap();
    assert!(after > before, "{before} -> {after}");
}

/// The `id` column of a `dateline query --sql` answer, in order, every row.
fn sql_ids(db: &Path, sql: &str) -> Vec<i64> {
    let o = bin()
        .args(["query", "--db"])
        .arg(db)
        .args(["--sql", sql, "--format", "csv", "--all"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    out.lines()
        .skip(1)
        .map(|l| l.trim().parse().unwrap())
        .collect()
}

/// Every page of `/api/events?QUERY`, 7 events a page: the ids in order, and the first total.
fn walk_ids(s: &Server, q: &str) -> (Vec<i64>, u64) {
    let mut ids = Vec::new();
    let mut path = format!("/api/events?{q}&limit=7");
    let mut total = None;
    loop {
        let page = get_json(s, &path);
        total.get_or_insert(page["total"].as_u64().unwrap());
        for e in page["events"].as_array().unwrap() {
            ids.push(e["id"].as_i64().unwrap());
        }
        match page["next"].as_str() {
            Some(c) => path = format!("/api/events?{q}&limit=7&cursor={c}"),
            None => return (ids, total.unwrap_or(0)),
        }
    }
}

#[test]
fn pages_of_each_filter_kind_are_the_plain_condition_in_page_order() {
    // the pages come from index walks (one per side for an either-side filter, merged); they
    // must be what the plain condition gives, sorted, with or without the database mapped
    let db = larger_db();
    let s = serve(db, &[], None);
    let unmapped = serve(db, &["--mmap-mib", "0"], None);
    let either =
        |c: &str| format!("substr(source_code, 1, 3) = '{c}' OR substr(target_code, 1, 3) = '{c}'");
    let cases = [
        ("actor=KEN", either("KEN")),
        ("actor=USA", either("USA")),
        (
            "actor=KENGOV",
            "source_code LIKE 'KENGOV%' OR target_code LIKE 'KENGOV%'".into(),
        ),
        ("source=USA", "source_code LIKE 'USA%'".into()),
        ("target=ETH", "target_code LIKE 'ETH%'".into()),
        ("code=04", "cameo LIKE '04%'".into()),
        ("code=1", "cameo LIKE '1%'".into()),
        (
            "country=KEN",
            "'KEN' IN (source_country, target_country, place_country)".into(),
        ),
        (
            "country=USA&quad=1",
            "'USA' IN (source_country, target_country, place_country) AND quad_class = 1".into(),
        ),
        (
            "from=2020&to=2024-03",
            "first_day <> '' AND first_day <= '2024-03-31' AND last_day >= '2020-01-01'".into(),
        ),
        (
            "actor=KEN&from=2024-03",
            format!("({}) AND last_day >= '2024-03-01'", either("KEN")),
        ),
    ];
    let mut matched = 0;
    for (q, cond) in cases {
        let want = sql_ids(
            db,
            &format!("SELECT id FROM events WHERE {cond} ORDER BY first_day DESC, id DESC"),
        );
        let (got, total) = walk_ids(&s, q);
        assert_eq!(got, want, "{q}");
        assert_eq!(total, want.len() as u64, "{q}");
        let first = format!("/api/events?{q}&limit=7");
        assert_eq!(get(&s, &first).2, get(&unmapped, &first).2, "{q}");
        matched += usize::from(!want.is_empty());
    }
    assert!(matched >= 5, "the example database meets too few cases");
}
