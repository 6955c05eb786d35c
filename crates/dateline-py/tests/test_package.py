"""The Python package against the `dateline` command: the same bytes on the bundled example,
the seed and 1,000 articles; threads; bad records; the Arrow tables against the Parquet export."""

from __future__ import annotations

import glob
import json
import os
import sqlite3
import subprocess
import threading
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import corpus
import dateline
from conftest import run_cli


def dumps(obj):
    """A result as the command writes it: compact JSON, non-ASCII as is, and U+0085, U+2028,
    U+2029 escaped (dateline-read's `write_line`)."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return s.replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def jsonl(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")


def cli_code_stdin(cli, recs):
    return run_cli(cli, ["code", "--format", "jsonl", "--input-format", "jsonl", "-j", "2", "-"], jsonl(recs))


def test_version_and_schema():
    assert dateline.version() == dateline.__version__
    assert dateline.SCHEMA == "dateline.article/1"


def test_code_one_text():
    art = dateline.code(
        "Russian President Vladimir Putin met Syrian President Bashar al-Assad in Sochi on Thursday.",
        title="Talks",
        url="https://news.example/talks",
        published="2018-05-18",
    )
    assert art["schema"] == "dateline.article/1"
    assert art["article"]["title"] == "Talks"
    assert art["article"]["outlet"] == "news.example"
    assert any(e["cameo"].startswith("04") for e in art["events"]), art["events"]
    for e in art["entities"]:
        assert art["body"].encode()[e["start"] : e["end"]].decode() == e["text"]


def test_the_bundled_example_is_the_commands_byte_for_byte(cli, repo):
    path = os.path.join(repo, "examples", "harbour-talks.md")
    want = run_cli(cli, ["code", "--format", "jsonl", path])
    got = [dumps(d) for d in dateline.code_path(path)]
    assert got == want
    assert json.loads(want[0])["events"], "the example has events"


def test_the_seed_is_the_commands_byte_for_byte(cli, shared):
    seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*")))
    if not seeds:
        pytest.skip("no seed in ../shared/seeds")
    for path in seeds:
        want = run_cli(cli, ["code", "--format", "jsonl", path])
        got = [dumps(d) for d in dateline.code_path(path)]
        assert got == want, path


def test_the_shared_news_is_the_commands_byte_for_byte(cli, shared):
    path = os.path.join(shared, "data", "news", "voa-stories.jsonl")
    if not os.path.exists(path):
        pytest.skip("no ../shared/data/news/voa-stories.jsonl")
    want = run_cli(cli, ["code", "--format", "jsonl", path])
    assert [dumps(d) for d in dateline.code_path(path)] == want


def test_a_thousand_articles_are_the_commands_byte_for_byte(cli, tmp_path):
    recs = corpus.records(1000)
    want = cli_code_stdin(cli, recs)
    assert len(want) == 1000
    got = [dumps(d) for d in dateline.code_many(recs, threads=2)]
    assert got == want
    # and the same records from a file, as `dateline code FILE` reads them
    path = str(tmp_path / "thousand.jsonl")
    corpus.write_jsonl(path, recs[:300])
    assert [dumps(d) for d in dateline.code_path(path)] == run_cli(cli, ["code", "--format", "jsonl", path])


def test_read_is_the_commands(cli, repo, tmp_path):
    path = os.path.join(repo, "examples", "harbour-talks.md")
    assert [dumps(d) for d in dateline.read(path)] == run_cli(cli, ["read", "--format", "jsonl", path])
    page = corpus.page(corpus.records(1)[0]).encode("utf-8")
    want = run_cli(cli, ["read", "--format", "jsonl", "--input-format", "html", "-"], page)
    assert [dumps(d) for d in dateline.read(page, format="html")] == want
    warc = str(tmp_path / "a.warc")
    corpus.write_warc(warc, corpus.records(5))
    got = dateline.read(warc)
    assert [dumps(d) for d in got] == run_cli(cli, ["read", "--format", "jsonl", warc])
    assert len(got) == 5 and all(d["body"] for d in got)


def test_threads_code_concurrently_and_alike():
    recs = corpus.records(40)
    alone = [dumps(d) for d in dateline.code_many(recs, threads=1)]
    results = {}
    errors = []

    def work(k):
        try:
            if k % 2:
                results[k] = [dumps(dateline.code(r["text"], title=r["title"], url=r["url"],
                                                  published=r["published"])) for r in recs[k::8]]
            else:
                results[k] = [dumps(d) for d in dateline.code_many(recs[k::8], threads=2)]
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for k in range(8):
        want = alone[k::8]
        if k % 2:
            # code() names no id: the id is the URL's hash and source is -:1
            strip = lambda s: {x: y for x, y in json.loads(s).items() if x not in ("id", "source")}  # noqa: E731
            assert [strip(s) for s in results[k]] == [strip(s) for s in want]
        else:
            got = [json.loads(s) for s in results[k]]
            ref = [json.loads(s) for s in want]
            for g, r in zip(got, ref):
                g.pop("source"), r.pop("source")
            assert got == ref


def test_the_gil_is_released_while_coding():
    recs = corpus.records(83)
    dateline.load()
    ticks = 0
    done = threading.Event()

    def code():
        dateline.code_many(recs, threads=1)
        done.set()

    t = threading.Thread(target=code)
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    assert ticks > 20, f"the main thread ran only {ticks} times while coding"


def test_knowledge_loads_once_per_process():
    t0 = time.perf_counter()
    dateline.load()
    dateline.code("A short text.")
    first = time.perf_counter() - t0
    t1 = time.perf_counter()
    for _ in range(5):
        dateline.load()
        dateline.code("A short text.")
    again = (time.perf_counter() - t1) / 5
    assert again < 0.25, f"a call after the first took {again:.3f}s (first {first:.3f}s)"


def test_a_bad_record_raises_and_the_good_ones_come_back(cli):
    good = corpus.records(3)
    batch = [good[0], {"title": "no text"}, 42, good[1], {"text": "bad \ud800 surrogate"}, good[2]]
    with pytest.raises(dateline.RecordError) as ei:
        dateline.code_many(batch)
    err = ei.value
    msg = str(err)
    assert "3 of 6 records" in msg
    assert 'record 1: record has neither "text" nor "html"' in msg
    assert "record 2: a record is a dict" in msg and "not int" in msg
    assert "record 4: cannot be read as a JSON record" in msg
    assert [i for i, _ in err.errors] == [1, 2, 4]
    res = err.results
    assert [("error" in r) for r in res] == [False, True, True, False, True, False]
    assert res[0]["events"] and res[3]["id"] == good[1]["id"] and res[5]["events"]
    kept = dateline.code_many(batch, errors="keep")
    assert [dumps(r) for r in kept] == [dumps(r) for r in res]
    # the error object of a record the command can read too is the command's
    want = cli_code_stdin(cli, [good[0], {"title": "no text"}])
    assert dumps(kept[1]) == want[1]


def test_bad_arguments_are_python_errors():
    with pytest.raises(TypeError):
        dateline.code(b"bytes")
    with pytest.raises(TypeError):
        dateline.code_many("one text")
    with pytest.raises(ValueError):
        dateline.code_many(["x"], threads=0)
    with pytest.raises(ValueError):
        dateline.code_arrow([{"text": "x"}], what="nope")
    with pytest.raises(FileNotFoundError, match="nowhere.jsonl"):
        dateline.read("/nowhere.jsonl")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        dateline.read(b"text", published="May 5")
    with pytest.raises(dateline.RecordError, match="empty input"):
        dateline.read(b"")


def ingest_and_export(cli, tmp_path, recs):
    src = str(tmp_path / "in.jsonl")
    corpus.write_jsonl(src, recs)
    db = str(tmp_path / "news.db")
    subprocess.run([cli, "ingest", src, "--db", db, "-j", "2", "--quiet"], check=True, capture_output=True)
    out = str(tmp_path / "events.parquet")
    subprocess.run([cli, "export", "--db", db, "--format", "parquet", "-o", out, "--all"],
                   check=True, capture_output=True)
    return db, pq.read_table(out)


def test_code_arrow_events_are_the_parquet_export(cli, tmp_path):
    recs = corpus.records(120)
    db, exported = ingest_and_export(cli, tmp_path, recs)
    ours = dateline.code_arrow(pa.Table.from_pylist(recs), threads=2)
    assert ours.schema == exported.schema
    assert ours.sort_by("id").to_pylist() == exported.sort_by("id").to_pylist()
    assert dateline.schema("events") == exported.schema
    tabs = dateline.code_arrow(recs, what=["mentions", "quotes", "entities", "places", "articles"])
    con = sqlite3.connect(db)
    count = lambda t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: E731
    assert tabs["mentions"].num_rows == count("mentions")
    assert tabs["quotes"].num_rows == count("quotes")
    assert tabs["entities"].num_rows == count("entities")
    assert tabs["places"].num_rows == count("places")
    assert tabs["articles"].num_rows == count("articles") == 120
    assert set(tabs["mentions"].column("event").to_pylist()) == set(ours.column("id").to_pylist())
    m = tabs["mentions"]
    assert m.schema.field("quad_class").type == pa.int8() and m.schema.field("day").type == pa.date32()


def test_code_arrow_takes_batches_readers_and_frames():
    recs = corpus.records(6)
    t = pa.Table.from_pylist(recs)
    want = dateline.code_arrow(t, what="mentions")
    assert dateline.code_arrow(t.to_batches(max_chunksize=2), what="mentions") == want
    assert dateline.code_arrow(pa.RecordBatchReader.from_batches(t.schema, t.to_batches()), what="mentions") == want
    assert dateline.code_arrow(t.to_batches()[0], what="mentions") == want
    pd = pytest.importorskip("pandas")
    assert dateline.code_arrow(pd.DataFrame(recs), what="mentions") == want


def test_code_arrow_bad_rows_raise_or_are_kept():
    t = pa.table({"text": ["Germany pledged aid to Ukraine on Monday.", None],
                  "published": ["2024-06-24", "2024-06-24"]})
    with pytest.raises(dateline.RecordError, match="record 1"):
        dateline.code_arrow(t)
    tabs = dateline.code_arrow(t, what=["articles", "errors"], errors="keep")
    assert tabs["articles"].num_rows == 1
    assert tabs["errors"].column("record").to_pylist() == [1]


def test_code_file_streams_a_warc_with_offsets_and_errors(tmp_path):
    recs = corpus.records(30)
    path = str(tmp_path / "crawl.warc")
    corpus.write_warc(path, recs[:20])
    with open(path, "ab") as f:
        at_bad = f.tell()
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n\r\n")
        for r in recs[20:]:
            f.write(corpus.warc_record(r["url"], corpus.http_response(corpus.page(r))))
    arts, errs, n = [], [], 0
    for tabs in dateline.code_file(path, what=["articles", "mentions", "errors"], batch=8, threads=1):
        n += 1
        arts.extend(tabs["articles"].to_pylist())
        errs.extend(tabs["errors"].to_pylist())
    assert n >= 4
    assert len(arts) == 30 and [a["record"] for a in arts] == sorted(a["record"] for a in arts)
    assert len(errs) == 1 and errs[0]["offset"] == at_bad, errs
    assert "Content-Length" in errs[0]["message"]
    with open(path, "rb") as f:
        data = f.read()
    for a in arts:
        assert data[a["offset"] : a["offset"] + 5] == b"WARC/"
        assert a["url"].encode() in data[a["offset"] : a["offset"] + 400]


def test_code_file_jsonl_lines_and_bad_lines(tmp_path):
    path = str(tmp_path / "a.jsonl")
    recs = corpus.records(5)
    with open(path, "wb") as f:
        f.write(jsonl(recs[:2]))
        f.write(b'{"text": "caf\xe9 au lait"}\n')
        f.write(b"{not json\n")
        f.write(jsonl(recs[2:]))
    tabs = list(dateline.code_file(path, what=["articles", "errors"], batch=2))
    arts = [a for t in tabs for a in t["articles"].to_pylist()]
    errs = [e for t in tabs for e in t["errors"].to_pylist()]
    assert [a["line"] for a in arts] == [1, 2, 5, 6, 7]
    assert [(e["line"], e["record"]) for e in errs] == [(3, 2), (4, 3)]
    assert "UTF-8" in errs[0]["message"] and "JSON" in errs[1]["message"]
    assert all(e["source"] == path for e in errs)
