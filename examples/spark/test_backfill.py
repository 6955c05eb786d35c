"""The Spark backfill on a real local[2] Spark over 2,000 articles (made from the committed VOA
stories, crates/dateline-py/tests/data), against `dateline ingest` of the same files: the same
numbers of articles, events, mentions and quotes; bad records counted in errors/ with their
file and offset or line while the job finishes; a re-run of one file replaces its partitions.

Needs pyspark, pyarrow, the `dateline` package (pip install ./crates/dateline-py), Java 17+,
and the `dateline` binary (target/debug or release, or $DATELINE_BIN)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "crates", "dateline-py", "tests"))

import corpus  # noqa: E402
from conftest import find_cli  # noqa: E402

pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")
ds = pytest.importorskip("pyarrow.dataset")
pytest.importorskip("dateline")

if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (17 or later)", allow_module_level=True)

N = 2000
HUGE = 100 * 1024 * 1024


def make_inputs(d):
    """2,000 distinct articles in 7 JSON Lines files and a WARC archive, 10 of them repeated in
    another file (kept once), and bad inputs: a non-UTF-8 line, a line that is no JSON, a 100 MB
    record in each format, a WARC record without Content-Length, an empty file."""
    recs = corpus.records(N)
    os.makedirs(d)
    files = []
    per = 260
    for k in range(7):
        part = recs[k * per : (k + 1) * per]
        if k == 4:
            part = part + recs[:10]  # repeats of day-1 articles: ingest skips them
        p = os.path.join(d, f"news-{k:02d}.jsonl")
        corpus.write_jsonl(p, part)
        files.append(p)
    corpus.write_warc(os.path.join(d, "news-07.warc"), recs[7 * per :])
    with open(os.path.join(d, "bad-1.jsonl"), "wb") as f:
        f.write(b'{"text": "caf\xe9 au lait"}\n')
        f.write(b"{not json\n")
        f.write(b'{"text": "' + b"a" * HUGE + b'"}\n')
        f.write(b'{"id": "fine", "text": "Police arrested protesters in Nairobi.", "published": "2024-06-25"}\n')
    with open(os.path.join(d, "bad-2.warc"), "wb") as f:
        f.write(corpus.warc_record("", b"software: test", kind="warcinfo"))
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/a\r\n\r\n")
        f.write(
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/huge\r\n"
            + f"Content-Length: {HUGE}\r\n\r\n".encode()
        )
        f.write(b" " * HUGE + b"\r\n\r\n")
    open(os.path.join(d, "empty.jsonl"), "wb").close()


def backfill(inputs, out, *extra):
    cmd = [sys.executable, os.path.join(HERE, "backfill.py"), *inputs, "--out", out,
           "--master", "local[2]", "--batch", "64", *extra]
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1200)
    assert r.returncode == 0, r.stderr[-4000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def table(out, name):
    return ds.dataset(os.path.join(out, name), format="parquet", partitioning="hive").to_table()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    cli = find_cli()
    if not cli:
        pytest.skip("no dateline binary (cargo build, or set DATELINE_BIN)")
    base = tmp_path_factory.mktemp("spark")
    inputs = str(base / "in")
    make_inputs(inputs)
    out = str(base / "out")
    summary = backfill([inputs], out)
    db = str(base / "news.db")
    r = subprocess.run([cli, "ingest", inputs, "--db", db, "-j", "2", "--quiet"],
                       capture_output=True, text=True)
    assert r.returncode == 1, r.stderr  # the bad records are reported, the rest stored
    con = sqlite3.connect(db)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "events", "mentions", "quotes")}
    return {"inputs": inputs, "out": out, "summary": summary, "ingest": counts, "db": db, "stderr": r.stderr}


def test_counts_equal_dateline_ingest(run):
    s, want = run["summary"], run["ingest"]
    assert want["articles"] == N + 1  # 2,000 and the good record of bad-1.jsonl
    got = {t: table(run["out"], t).num_rows for t in ("articles", "mentions", "quotes", "events")}
    assert got == want, (got, want, s)
    assert s["written"]["articles"] == want["articles"]
    assert s["events"] == want["events"]
    assert s["written"]["duplicates_dropped"] == 10


def test_events_are_deduplicated_as_the_store_does(run):
    ev = table(run["out"], "events").to_pandas().set_index("id").sort_index()
    con = sqlite3.connect(run["db"])
    rows = con.execute(
        "SELECT id, num_mentions, num_articles, num_sources, first_seen, last_seen, cameo, date FROM events"
    ).fetchall()
    store = {r[0]: r[1:] for r in rows}
    assert set(store) == set(ev.index)
    for i, (mentions, articles, sources, first, last, cameo, date) in store.items():
        e = ev.loc[i]
        assert (e.num_mentions, e.num_articles, e.num_sources) == (mentions, articles, sources), i
        assert (e.first_seen, e.last_seen, e.cameo, e.date) == (first, last, cameo, date), i
    import dateline

    names = dateline.schema("events").names
    assert [c for c in table(run["out"], "events").schema.names if c != "published_day"] == names


def test_bad_records_are_counted_with_file_and_offset(run):
    errs = table(run["out"], "errors").to_pylist()
    by = {}
    for e in errs:
        by.setdefault(os.path.basename(e["input"]), []).append(e)
    bad1 = sorted(by["bad-1.jsonl"], key=lambda e: e["line"])
    assert [e["line"] for e in bad1] == [1, 2, 3], bad1
    assert "UTF-8" in bad1[0]["message"] and "JSON" in bad1[1]["message"]
    assert "longer than" in bad1[2]["message"]
    bad2 = sorted(by["bad-2.warc"], key=lambda e: e["offset"])
    assert len(bad2) == 2, bad2
    assert "Content-Length" in bad2[0]["message"] and "over the 64 MiB limit" in bad2[1]["message"]
    with open(os.path.join(run["inputs"], "bad-2.warc"), "rb") as f:
        for e in bad2:
            f.seek(e["offset"])
            assert f.read(5) == b"WARC/"
    assert set(by) == {"bad-1.jsonl", "bad-2.warc"}, by.keys()
    assert len(errs) == 5


def test_the_tables_read_in_pandas_and_duckdb(run):
    import pandas as pd

    arts = pd.read_parquet(os.path.join(run["out"], "articles"))
    assert len(arts) == run["ingest"]["articles"]
    assert arts["published_day"].notna().all()
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{run['out']}/mentions/**/*.parquet', hive_partitioning=true)"
    ).fetchall()[0][0]
    assert n == run["ingest"]["mentions"]
    days = duckdb.sql(
        f"SELECT count(DISTINCT published_day) FROM read_parquet('{run['out']}/events/**/*.parquet', hive_partitioning=true)"
    ).fetchall()[0][0]
    assert days > 50


def test_rerunning_a_file_replaces_its_partitions(run):
    one = os.path.join(run["inputs"], "news-03.jsonl")
    before = {t: table(run["out"], t).num_rows for t in ("articles", "mentions", "quotes", "events", "errors")}
    s = backfill([one], run["out"])
    assert s["inputs"] == 1 and s["written"]["articles"] == 260
    after = {t: table(run["out"], t).num_rows for t in ("articles", "mentions", "quotes", "events", "errors")}
    assert after == before
