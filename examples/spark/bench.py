#!/usr/bin/env python3
"""Measure the Spark backfill: articles/s with 1 and 2 executor cores (local[1], local[2]), the
coding time inside the tasks separated from Spark's own time, and the package alone (no Spark)
on the same files. Articles are variants of the committed VOA stories (their WARC pages, as a
CC-NEWS file holds them, and JSON Lines).

    python examples/spark/bench.py [N_ARTICLES=2000] [WORKDIR=/tmp/dateline-spark-bench]

Install the package in release mode first (`pip install ./crates/dateline-py`, maturin's
default); prints a Markdown table.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "crates", "dateline-py", "tests"))

import corpus  # noqa: E402
import dateline  # noqa: E402


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    work = sys.argv[2] if len(sys.argv) > 2 else "/tmp/dateline-spark-bench"
    shutil.rmtree(work, ignore_errors=True)
    inputs = os.path.join(work, "in")
    os.makedirs(inputs)
    recs = corpus.records(n)
    files = 8
    per = (n + files - 1) // files
    for k in range(files):
        part = recs[k * per : (k + 1) * per]
        if k % 2:
            corpus.write_jsonl(os.path.join(inputs, f"part-{k}.jsonl"), part)
        else:
            corpus.write_warc(os.path.join(inputs, f"part-{k}.warc"), part)
    paths = sorted(os.path.join(inputs, f) for f in os.listdir(inputs))

    dateline.load()
    t0 = time.perf_counter()
    got = 0
    for p in paths:
        for t in dateline.code_file(p, what=["articles", "mentions", "quotes", "errors"], threads=1):
            got += t["articles"].num_rows
    alone = time.perf_counter() - t0
    rows = [("package alone, 1 thread, no Spark", 1, got, alone, alone, None)]
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    for cores in (1, 2):
        out = os.path.join(work, f"out-{cores}")
        t0 = time.perf_counter()
        r = subprocess.run(
            [sys.executable, os.path.join(HERE, "backfill.py"), inputs, "--out", out,
             "--master", f"local[{cores}]"],
            capture_output=True, text=True, env=env, check=True)
        wall = time.perf_counter() - t0
        s = json.loads(r.stdout.strip().splitlines()[-1])
        sec = s["seconds"]
        rows.append((f"backfill.py, local[{cores}]", cores, s["written"]["articles"], wall,
                     sec["coding_in_tasks"], sec))
    print(f"{n} articles in {files} files (4 WARC, 4 JSON Lines); dateline {dateline.version()}\n")
    print("| run | cores | articles | wall s | coding s (sum over tasks) | articles/s (wall) | articles/s per core while coding | Spark's own s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, cores, arts, wall, coding, sec in rows:
        own = "" if sec is None else f"{wall - coding / cores:.1f} (start {wall - sec['total']:.1f}, coding stage {sec['coding_wall'] - coding / cores:.1f} beyond coding, writing {sec['writing']:.1f}, events {sec['events']:.1f})"
        print(f"| {name} | {cores} | {arts} | {wall:.1f} | {coding:.1f} | {arts / wall:.1f} | {arts / coding:.1f} | {own} |")


if __name__ == "__main__":
    main()
