//! The workbench in a real headless Chromium (Debian's `chromium` and `chromium-driver`),
//! driven over WebDriver (fantoccini) against a real `dateline serve` on a database built by
//! the real `dateline ingest`: the bundled example, VOA's stories from ../shared when present,
//! and a hostile article whose title, body, quote and URL carry markup and `javascript:`.
//!
//! Each of the six views loads with no error in the browser's log (console errors, uncaught
//! exceptions, failed loads, CSP violations); the map has points, the timeline bars, the
//! network nodes; the filter bar and the timeline's brush change the table and the URL, and
//! the back button restores it; the article view highlights the example's entities; the
//! hostile article is shown as text. A screenshot of each page goes to
//! `target/workbench-screenshots/`. Without chromium or chromedriver on PATH (or in
//! `DATELINE_CHROMIUM` / `DATELINE_CHROMEDRIVER`) the test says so and passes: CI has them
//! (`.ci/run` installs them).

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{bin, example, ingest, root, voa, Proc};

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("wb", name)
}

/// A program named by an environment variable, else the first of `names` on PATH.
fn program(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

const HOSTILE_TITLE: &str =
    "<script>alert('title')</script>\"><img src=x onerror=alert('title')> Ruto praises Ethiopia";
const HOSTILE_BODY_MARK: &str = "<script>alert('body')</script>";
const HOSTILE_BODY_IMG: &str = "\"><img src=x onerror=alert('body')>";
const HOSTILE_QUOTE_MARK: &str = "<img src=x onerror=alert('quote')>";

/// An article whose title, body, quote and URL are markup and script.
fn hostile_jsonl(dir: &Path) -> PathBuf {
    let text = format!(
        "Kenyan President William Ruto praised Ethiopia on Monday for reopening the Moyale border {HOSTILE_BODY_MARK} crossing.\n\n\
         \u{201c}We will keep the crossing open {HOSTILE_QUOTE_MARK} for trade <a href=\"javascript:alert('link')\">here</a>,\u{201d} Ruto told reporters.\n\n\
         Ethiopian police arrested 12 smugglers near Moyale on Tuesday {HOSTILE_BODY_IMG}."
    );
    let record = json!({
        "id": "hostile-1",
        "published": "2024-03-20",
        "title": HOSTILE_TITLE,
        "url": "javascript:alert('url')",
        "text": text,
    });
    let p = dir.join("hostile.jsonl");
    std::fs::write(&p, format!("{record}\n")).unwrap();
    p
}

/// The database: the example, VOA's stories when present, the hostile article.
fn database(dir: &Path) -> PathBuf {
    let db = dir.join("news.db");
    let mut inputs = vec![example(), hostile_jsonl(dir)];
    if voa().is_file() {
        inputs.push(voa());
    }
    ingest(&db, &inputs);
    db
}

/// chromedriver on a free port, answering.
fn chromedriver(path: &Path) -> (Proc, String) {
    let port = free_port();
    let driver = Proc(
        Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let ready = ureq::get(format!("{url}/status"))
            .call()
            .ok()
            .and_then(|mut r| r.body_mut().read_to_string().ok())
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .is_some_and(|v| v["value"]["ready"] == true);
        if ready {
            return (driver, url);
        }
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The example article's id and the texts of its entities, as `dateline code` prints them.
fn example_article() -> (String, Vec<String>) {
    let o = bin()
        .args(["code", "--format", "jsonl"])
        .arg(example())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let entities = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect();
    (v["id"].as_str().unwrap().to_string(), entities)
}

struct Browser {
    c: Client,
    driver: String,
    base: String,
    shots: PathBuf,
    errors: Vec<String>,
}

impl Browser {
    async fn js(&self, script: &str) -> Value {
        self.c.execute(script, vec![]).await.unwrap()
    }

    /// Wait until a JavaScript expression is true.
    async fn until(&self, expr: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if self.js(&format!("return !!({expr});")).await == Value::Bool(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} ({expr})"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Open a route and wait until its view has drawn.
    async fn open(&mut self, hash: &str, view: &str) {
        self.c.goto(&format!("{}/{hash}", self.base)).await.unwrap();
        self.ready(view).await;
    }

    /// Wait until a view has drawn; `label` is the view's name, then what is being checked.
    async fn ready(&mut self, label: &str) {
        let view = label.split(' ').next().unwrap_or(label);
        self.until(
            &format!("document.getElementById('view') && document.getElementById('view').dataset.ready === '{view}'"),
            label,
        )
        .await;
        self.log(label).await;
    }

    /// The browser's log since the last call: every SEVERE entry is an error of `page`.
    async fn log(&mut self, page: &str) {
        let session = self.c.session_id().await.unwrap().unwrap();
        let body = ureq::post(format!("{}/session/{session}/se/log", self.driver))
            .header("Content-Type", "application/json")
            .send(json!({"type": "browser"}).to_string())
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        let entries: Value = serde_json::from_str(&body).unwrap();
        for e in entries["value"].as_array().into_iter().flatten() {
            if e["level"] == "SEVERE" {
                self.errors.push(format!("{page}: {}", e["message"]));
            }
        }
    }

    async fn count(&self, css: &str) -> u64 {
        self.js(&format!(
            "return document.querySelectorAll({css:?}).length;"
        ))
        .await
        .as_u64()
        .unwrap()
    }

    async fn text(&self, css: &str) -> String {
        let v = self
            .js(&format!(
                "const e = document.querySelector({css:?}); return e ? e.textContent : null;"
            ))
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    async fn hash(&self) -> String {
        self.js("return location.hash;")
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    async fn screenshot(&self, name: &str) {
        let png = self.c.screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{name}.png")), png).unwrap();
    }
}

#[test]
fn the_workbench_in_headless_chromium() {
    let (Some(chromium), Some(driver)) = (
        program("DATELINE_CHROMIUM", &["chromium", "chromium-browser"]),
        program("DATELINE_CHROMEDRIVER", &["chromedriver"]),
    ) else {
        eprintln!(
            "skipped: the browser tests need chromium and chromedriver on PATH or in \
             DATELINE_CHROMIUM/DATELINE_CHROMEDRIVER \
             (Debian: apt-get install chromium chromium-driver)"
        );
        return;
    };
    let dir = tmpdir("browser");
    let db = database(&dir);
    let server = common::serve(&db, &[], None);
    let base = server.url.clone();
    let (_driver, driver_url) = chromedriver(&driver);
    let shots = root().join("target/workbench-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let profile = dir.join("profile");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&driver_url)
            .await
            .expect("chromedriver starts a chromium session");
        let mut b = Browser {
            c,
            driver: driver_url.clone(),
            base,
            shots,
            errors: Vec::new(),
        };
        let outcome = std::panic::AssertUnwindSafe(views(&mut b));
        let result = futures_catch(outcome).await;
        let errors = std::mem::take(&mut b.errors);
        let _ = b.c.close().await;
        if let Err(p) = result {
            std::panic::resume_unwind(p);
        }
        assert!(
            errors.is_empty(),
            "errors in the browser:\n{}",
            errors.join("\n")
        );
    });
}

/// Run a future, catching a panic (so that the browser is closed either way).
async fn futures_catch<F: std::future::Future<Output = ()>>(
    f: std::panic::AssertUnwindSafe<F>,
) -> Result<(), Box<dyn std::any::Any + Send>> {
    let mut f = Box::pin(f.0);
    std::future::poll_fn(move |cx| {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.as_mut().poll(cx))) {
            Ok(std::task::Poll::Pending) => std::task::Poll::Pending,
            Ok(std::task::Poll::Ready(())) => std::task::Poll::Ready(Ok(())),
            Err(p) => std::task::Poll::Ready(Err(p)),
        }
    })
    .await
}

async fn views(b: &mut Browser) {
    // Events, then the filter bar, then back
    b.open("#/events", "events").await;
    // the log catches what the views would write: a console.error put there on purpose
    b.js("console.error('dateline-probe');").await;
    b.log("probe").await;
    assert!(
        b.errors.iter().any(|e| e.contains("dateline-probe")),
        "the browser's log does not show console.error: {:?}",
        b.errors
    );
    b.errors.retain(|e| !e.contains("dateline-probe"));
    let rows = b.count("table.events tbody tr").await;
    assert!(rows > 0, "the events table is empty");
    let summary = b.text("#view h1 + p").await;
    b.screenshot("events").await;
    // "More events" walks the API's cursor: another page, no row twice
    if rows == 50 {
        b.c.find(Locator::Css("button.more"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        b.until(
            "document.querySelectorAll('table.events tbody tr').length > 50",
            "the next page",
        )
        .await;
        let distinct = b
            .js("const r = [...document.querySelectorAll('table.events tbody tr')].map(r => r.textContent); return new Set(r).size === r.length;")
            .await;
        assert_eq!(distinct, Value::Bool(true), "a row shown twice");
        b.log("events (more)").await;
    }
    b.c.find(Locator::Css("#filters input[name=actor]"))
        .await
        .unwrap()
        .send_keys("KEN")
        .await
        .unwrap();
    b.c.find(Locator::Css("#filters button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.until(
        "location.hash.includes('actor=KEN')",
        "the filter in the URL",
    )
    .await;
    b.ready("events (actor=KEN)").await;
    let filtered = b.text("#view h1 + p").await;
    assert_ne!(filtered, summary, "filtering did not change the table");
    let cells = b
        .js("return [...document.querySelectorAll('table.events tbody tr')].map(r => r.cells[1].textContent + ' ' + r.cells[3].textContent);")
        .await;
    for c in cells.as_array().unwrap() {
        assert!(
            c.as_str().unwrap().contains("KEN"),
            "a row without KEN: {c}"
        );
    }
    assert!(
        b.js("return document.querySelector('nav a[data-view=map]').getAttribute('href');")
            .await
            .as_str()
            .unwrap()
            .contains("actor=KEN"),
        "the other views do not follow the filters"
    );
    b.c.back().await.unwrap();
    b.until("!location.hash.includes('actor=')", "back").await;
    b.ready("events (back)").await;
    assert_eq!(
        b.text("#view h1 + p").await,
        summary,
        "back did not restore the table"
    );

    // Timeline: bars, a Goldstein line, and a brush that sets from/to
    b.open("#/timeline", "timeline").await;
    assert!(b.count("svg.timeline rect.bar").await > 0, "no bars");
    assert!(
        b.count("svg.timeline circle.goldstein-dot").await > 0,
        "no Goldstein points"
    );
    b.screenshot("timeline").await;
    let plot = b.c.find(Locator::Css("svg.timeline")).await.unwrap();
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: plot.clone(),
            duration: None,
            x: -250.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: plot.clone(),
            duration: Some(Duration::from_millis(200)),
            x: 150.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.c.perform_actions(drag).await.unwrap();
    b.until(
        "location.hash.includes('from=') && location.hash.includes('to=')",
        "the brush's dates in the URL",
    )
    .await;
    b.ready("timeline (brushed)").await;
    let brushed = b.hash().await;
    assert!(
        b.js("return document.querySelector('#filters input[name=from]').value;")
            .await
            .as_str()
            .is_some_and(|v| !v.is_empty()),
        "the filter bar does not show the brushed dates ({brushed})"
    );
    b.c.find(Locator::Css("nav a[data-view=events]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.until("location.hash.startsWith('#/events')", "events")
        .await;
    b.ready("events (brushed)").await;
    assert!(
        b.hash().await.contains("from="),
        "events do not follow the brush"
    );
    assert_ne!(
        b.text("#view h1 + p").await,
        summary,
        "the brush changed nothing"
    );

    // the same from the keyboard: End, Shift+Left, Enter picks the last two periods
    b.open("#/timeline", "timeline").await;
    b.c.find(Locator::Css("svg.timeline"))
        .await
        .unwrap()
        .send_keys("\u{E010}\u{E008}\u{E012}\u{E000}\u{E007}")
        .await
        .unwrap();
    b.until(
        "location.hash.includes('from=') && location.hash.includes('to=')",
        "the keyboard selection's dates in the URL",
    )
    .await;
    b.ready("timeline (keyboard)").await;
    assert_ne!(
        b.hash().await,
        brushed,
        "the keyboard chose the dragged dates"
    );

    // Map
    b.open("#/map", "map").await;
    assert!(b.count("svg.map path.country").await > 100, "no countries");
    assert!(
        b.count("svg.map circle.place").await > 0,
        "no points on the map"
    );
    b.screenshot("map").await;

    // Network
    b.open("#/network", "network").await;
    assert!(b.count("svg.network circle.node").await > 1, "no nodes");
    assert!(b.count("svg.network path.edge").await > 0, "no edges");
    b.screenshot("network").await;

    // Article: the example, highlighted
    let (id, entities) = example_article();
    b.open(&format!("#/article/{id}"), "article").await;
    assert_eq!(
        b.count(".body .label-ent").await,
        entities.len() as u64,
        "one label per entity"
    );
    let marked = b
        .js("return [...document.querySelectorAll('.body .ent')].map(e => e.textContent).join('|');")
        .await;
    let marked = marked.as_str().unwrap();
    for e in &entities {
        assert!(
            marked.contains(e.as_str()),
            "entity {e:?} not highlighted: {marked}"
        );
    }
    for css in [
        ".body .time",
        ".body .quote",
        ".body .trigger",
        ".body .place",
    ] {
        assert!(b.count(css).await > 0, "nothing highlighted as {css}");
    }
    assert!(b.count("ol.events-list li").await > 0, "no events listed");
    b.screenshot("article").await;
    b.open("#/article?q=Moyale", "article").await;
    assert!(b.count("ol.results li").await > 0, "no search results");

    // Who said what
    b.open("#/quotes", "quotes").await;
    assert!(b.count(".quote-item").await > 0, "no quotes");
    b.screenshot("quotes").await;

    hostile(b).await;
}

/// The hostile article, in every view that shows its text: text, never markup.
async fn hostile(b: &mut Browser) {
    for (hash, view, name) in [
        ("#/article/hostile-1", "article", "hostile-article"),
        ("#/quotes?q=onerror", "quotes", "hostile-quotes"),
        (
            "#/events?q=Ruto%20AND%20praises",
            "events",
            "hostile-events",
        ),
    ] {
        b.open(hash, view).await;
        tokio::time::sleep(Duration::from_millis(300)).await; // an injected image would have failed by now
        assert!(
            b.c.get_alert_text().await.is_err(),
            "{hash}: an alert is open"
        );
        assert_eq!(b.count("img").await, 0, "{hash}: an injected <img>");
        assert_eq!(
            b.count("[onerror]").await,
            0,
            "{hash}: an onerror attribute"
        );
        assert_eq!(
            b.count("script").await,
            1,
            "{hash}: a script other than the app's"
        );
        assert_eq!(
            b.count("a[href^='javascript:' i]").await,
            0,
            "{hash}: a javascript: link"
        );
        let text = b.js("return document.body.innerText;").await;
        let text = text.as_str().unwrap();
        let must = match view {
            "article" => vec![
                HOSTILE_TITLE,
                HOSTILE_BODY_MARK,
                HOSTILE_BODY_IMG,
                HOSTILE_QUOTE_MARK,
                "javascript:alert('link')",
                "javascript:alert('url')",
            ],
            "quotes" => vec![HOSTILE_QUOTE_MARK],
            _ => vec![HOSTILE_TITLE],
        };
        for m in must {
            assert!(text.contains(m), "{hash}: {m:?} is not shown as text");
        }
        b.screenshot(name).await;
        b.log(hash).await;
    }
}
