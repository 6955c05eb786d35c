#!/usr/bin/env python3
"""Code years of news on Spark: WARC archives (CC-NEWS layout) or JSON Lines in, partitioned
Parquet out, through the `dateline` Python package (crates/dateline-py).

    spark-submit examples/spark/backfill.py 's3a://bucket/cc-news/2024/*/*.warc.gz' --out s3a://bucket/dateline
    python examples/spark/backfill.py news/*.jsonl --out out/ --master 'local[2]'

Each input file is one task: an executor's Python worker streams it through
`dateline.code_file` (the reader and pipeline of `dateline ingest`, a batch at a time) inside
`mapInArrow`, and the rows come back as Arrow batches. Written under --out, as Parquet that
DuckDB, Spark and pandas read directly (hive partitions):

    articles/published_day=YYYY-MM-DD/input_id=ID/   one row per article (body included)
    mentions/published_day=…/input_id=…/             one row per event report, with its event's
                                                     stable id and attributes
    quotes/published_day=…/input_id=…/               one row per quote
    events/published_day=…/                          events deduplicated from ALL the mentions
                                                     under --out, as `dateline ingest` does;
                                                     the columns of `dateline export --format parquet`
    errors/input_id=…/                               each record that could not be read or coded:
                                                     file, WARC byte offset or JSON Lines line, why
    (entities/, places/, times/ with --tables)

`published_day` is the article's publication date (an undated article's rows go to Hive's null
partition); `input_id` names the input file (its name and a hash of its full path), so that
re-running a file replaces exactly that file's partitions, and nothing else (idempotent per
input file). An article whose id (its URL's hash) is seen again — in another file of the run,
or later in the same file — is kept once, its first copy in input order, as `dateline ingest`
keeps the first; across separate runs the copies stay in `articles/` and the events are
rebuilt from the first copy's mentions only.

The last line on stdout is a JSON summary: rows written per table, errors, and where the time
went (coding inside the executors vs. everything else).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time

TABLES = ("articles", "mentions", "quotes")
OPTIONAL = ("entities", "places", "times")
# the columns every coded row carries besides its table's own
EXTRA = (("table", "string"), ("input", "string"), ("input_index", "int64"), ("input_id", "string"))


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", help="files, directories or globs (any Hadoop file system)")
    ap.add_argument("--out", required=True, help="output directory (any Hadoop file system)")
    ap.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    ap.add_argument(
        "--format", default="auto", choices=["auto", "warc", "jsonl", "html", "text", "markdown", "feed"]
    )
    ap.add_argument("--published", help="YYYY-MM-DD for undated articles (as dateline's --published)")
    ap.add_argument("--batch", type=int, default=256, help="records coded together (default 256)")
    ap.add_argument(
        "--threads",
        type=int,
        default=None,
        help="coding threads per task (default: spark.task.cpus, i.e. 1)",
    )
    ap.add_argument(
        "--tables",
        default=",".join(TABLES),
        help=f"tables to write besides events and errors (default {','.join(TABLES)}; also {','.join(OPTIONAL)})",
    )
    ap.add_argument("--no-events", action="store_true", help="skip rebuilding events/ (run it once at the end)")
    ap.add_argument("--events-only", action="store_true", help="only rebuild events/ from mentions/")
    args = ap.parse_args(argv)
    tables = [t.strip() for t in args.tables.split(",") if t.strip()]
    for t in tables:
        if t not in TABLES + OPTIONAL:
            ap.error(f"--tables: unknown table {t!r}")
    if "mentions" not in tables and not args.no_events:
        ap.error("--tables: events are built from mentions; keep mentions or pass --no-events")
    args.tables = tables
    if not args.inputs and not args.events_only:
        ap.error("give input files (or --events-only)")
    if args.batch < 1 or (args.threads is not None and args.threads < 1):
        ap.error("--batch and --threads must be at least 1")
    return args


# ---------------------------------------------------------------- the driver: files and paths


def hadoop_fs(spark, uri):
    jvm = spark._jvm
    p = jvm.org.apache.hadoop.fs.Path(uri)
    return p.getFileSystem(spark._jsc.hadoopConfiguration()), p


def expand(spark, inputs):
    """Input files of paths, directories (recursive) and globs, hidden files (`.`, `_`) left
    out, in path order (the order `dateline ingest` reads a directory in)."""
    out = []
    for inp in inputs:
        fs, p = hadoop_fs(spark, inp)
        stats = fs.globStatus(p)
        if not stats:
            raise SystemExit(f"backfill: {inp}: no such file or directory")
        for st in stats:
            if st.isDirectory():
                it = fs.listFiles(st.getPath(), True)
                while it.hasNext():
                    out.append(fs.resolvePath(it.next().getPath()).toString())
            else:
                # symbolic links resolved: a file has one name, and so one input_id, however
                # it was reached
                out.append(fs.resolvePath(st.getPath()).toString())
    hidden = lambda u: any(part.startswith((".", "_")) for part in u.split("/")[3:])  # noqa: E731
    return sorted({u for u in out if not hidden(u)})


def input_id(uri):
    """A file's partition value: its name, and a hash of its whole path (two days' files may
    share a name)."""
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    return f"{name}-{hashlib.sha1(uri.encode('utf-8')).hexdigest()[:10]}"


def delete_inputs(spark, out, tables, ids):
    """Remove what earlier runs wrote for these inputs, so a re-run replaces it."""
    for t in tables:
        for iid in ids:
            pattern = f"{out}/{t}/input_id={iid}" if t == "errors" else f"{out}/{t}/*/input_id={iid}"
            fs, p = hadoop_fs(spark, pattern)
            for st in fs.globStatus(p) or []:
                fs.delete(st.getPath(), True)


# ---------------------------------------------------------------- the executors: coding


def union_schema(tables):
    """One Arrow schema for the rows of every table (a `table` column says which), so that one
    mapInArrow pass codes each file once."""
    import dateline
    import pyarrow as pa

    fields = [pa.field(n, pa.string() if t == "string" else pa.int64()) for n, t in EXTRA]
    seen = {f.name: f for f in fields}
    for t, s in dateline.schema(list(tables)).items():
        for f in s:
            if f.name in seen:
                if seen[f.name].type != f.type:
                    raise SystemExit(f"backfill: column {f.name} has two types ({t})")
                continue
            seen[f.name] = f
            fields.append(f)
    fields.append(pa.field("seconds", pa.float64()))
    return pa.schema([pa.field(f.name, f.type, nullable=True) for f in fields])


def local_copy(uri):
    """A local path to read `uri` from, and the temporary file to delete afterwards (files on
    other file systems are copied to local disk through pyarrow's file systems)."""
    if uri.startswith("file:"):
        path = uri[len("file:"):]
        if path.startswith("//"):
            path = path[2:]
        return path, None
    if "://" not in uri:
        return uri, None
    import pyarrow.fs as pafs

    scheme, rest = uri.split("://", 1)
    scheme = {"s3a": "s3", "s3n": "s3", "gs": "gs", "abfss": "abfs"}.get(scheme, scheme)
    fs, path = pafs.FileSystem.from_uri(f"{scheme}://{rest}")
    fd, tmp = tempfile.mkstemp(prefix="dateline-", suffix="-" + os.path.basename(path))
    with fs.open_input_stream(path) as src, os.fdopen(fd, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return tmp, tmp


def coder(schema, tables, opts):
    """The mapInArrow function: input batches of (input, input_index) rows, one file each."""

    def rows(name, t, uri, index, iid, seconds=None):
        import pyarrow as pa

        n = t.num_rows if t is not None else 1
        have = set(t.schema.names) if t is not None else set()
        given = {"table": name, "input": uri, "input_index": index, "input_id": iid, "seconds": seconds}
        arrays = []
        for f in schema:
            if f.name in given:
                arrays.append(pa.array([given[f.name]] * n, type=f.type))
            elif f.name in have:
                arrays.append(t.column(f.name).combine_chunks())
            else:
                arrays.append(pa.nulls(n, type=f.type))
        return pa.RecordBatch.from_arrays(arrays, schema=schema)

    def error_row(uri, index, iid, message):
        import pyarrow as pa

        t = pa.table({"record": pa.array([-1], pa.int64()), "source": [uri], "message": [message]})
        return rows("errors", t, uri, index, iid)

    def run(batches):
        import dateline

        what = list(tables) + ["errors"]
        for b in batches:
            for uri, index in zip(b.column("input").to_pylist(), b.column("input_index").to_pylist()):
                iid = input_id(uri)
                coding = 0.0
                tmp = None
                try:
                    path, tmp = local_copy(uri)
                    it = dateline.code_file(
                        path,
                        what=what,
                        batch=opts["batch"],
                        threads=opts["threads"],
                        format=opts["format"],
                        published=opts["published"],
                    )
                    while True:
                        t0 = time.perf_counter()
                        got = next(it, None)
                        coding += time.perf_counter() - t0
                        if got is None:
                            break
                        for name, t in got.items():
                            if t.num_rows:
                                if name == "errors" and tmp:
                                    # the file's own path, not the local copy's
                                    t = t.set_column(t.schema.get_field_index("source"), "source",
                                                     [[s.replace(path, uri, 1) if s else s
                                                       for s in t.column("source").to_pylist()]])
                                yield rows(name, t, uri, index, iid)
                except Exception as e:  # the job goes on; the file is named in errors/
                    yield error_row(uri, index, iid, f"{type(e).__name__}: {e}")
                finally:
                    if tmp:
                        os.unlink(tmp)
                yield rows("stats", None, uri, index, iid, seconds=coding)

    return run


# ---------------------------------------------------------------- the driver: tables


def event_columns():
    """The columns of `dateline export --format parquet`, in its order."""
    import dateline

    return dateline.schema("events").names


def build_events(spark, out):
    """events/ from every mention under --out: one row per event id, with the store's rules
    (dateline-store `insert_mention`): the first report (input order) gives the event's
    attributes and URL; counts of mentions, articles and sources (outlets; an article without
    one is a source of its own); mean confidence; first and last publication dates; the
    evidence of the first article's earliest sentence. Mentions of an article seen in several
    inputs count once (its first copy's)."""
    from pyspark.sql import functions as F

    m = spark.read.parquet(f"{out}/mentions")
    first_copy = m.groupBy("article").agg(F.min(F.struct("input", "record")).alias("first"))
    m = (
        m.join(first_copy, "article")
        .where((F.col("input") == F.col("first.input")) & (F.col("record") == F.col("first.record")))
        .drop("first")
    )
    attrs = [c for c in event_columns() if c not in (
        "id", "num_mentions", "num_articles", "num_sources", "confidence", "first_seen",
        "last_seen", "evidence", "url")]
    source = F.coalesce(F.col("outlet"), F.concat(F.lit("\u0000article:"), F.col("article")))
    ev = m.groupBy("event").agg(
        F.min(F.struct("input", "record", "mention", *attrs, "url")).alias("first"),
        F.count(F.lit(1)).alias("num_mentions"),
        F.countDistinct("article").alias("num_articles"),
        F.countDistinct(source).alias("num_sources"),
        F.avg("confidence").alias("confidence"),
        F.min("published").alias("first_seen"),
        F.max("published").alias("last_seen"),
        F.min(F.struct("input", "record", "sentence_start", "mention", "evidence")).alias("report"),
        F.min("published_day").alias("published_day"),
    )
    cols = []
    for c in event_columns():
        if c == "id":
            cols.append(F.col("event").alias("id"))
        elif c in attrs or c == "url":
            cols.append(F.col(f"first.{c}").alias(c))
        elif c == "evidence":
            cols.append(F.col("report.evidence").alias("evidence"))
        else:
            cols.append(F.col(c))
    ev = ev.select(*cols, "published_day")
    (
        ev.write.mode("overwrite")
        .option("partitionOverwriteMode", "static")
        .partitionBy("published_day")
        .parquet(f"{out}/events")
    )
    return spark.read.parquet(f"{out}/events").count()


def session(args):
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName("dateline-backfill")
    if args.master:
        b = b.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit: run here
        b = b.master("local[*]")
    spark = (
        b.config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    return spark


def main(argv=None):
    args = parse_args(argv)
    t0 = time.perf_counter()
    spark = session(args)
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    summary = {"inputs": 0, "written": {}, "seconds": {}}
    out = args.out.rstrip("/")
    if not args.events_only:
        files = expand(spark, args.inputs)
        summary["inputs"] = len(files)
        ids = [input_id(f) for f in files]
        delete_inputs(spark, out, list(args.tables) + ["errors"], ids)
        schema = union_schema(list(args.tables) + ["errors"])
        threads = args.threads or int(spark.conf.get("spark.task.cpus", "1"))
        opts = {"batch": args.batch, "threads": threads, "format": args.format, "published": args.published}
        rdd = spark.sparkContext.parallelize(list(zip(files, range(len(files)))), max(1, len(files)))
        inputs = spark.createDataFrame(rdd, "input string, input_index bigint")
        coded = inputs.mapInArrow(coder(schema, args.tables, opts), from_arrow_schema(schema))
        coded = coded.persist(StorageLevel.DISK_ONLY)
        t1 = time.perf_counter()
        stats = coded.where(F.col("table") == "stats").select("input", "seconds").collect()
        summary["seconds"]["coding_wall"] = round(time.perf_counter() - t1, 3)
        summary["seconds"]["coding_in_tasks"] = round(sum(r["seconds"] or 0.0 for r in stats), 3)
        # an article id seen before in input order (another file, or earlier in this one) is
        # dropped with its rows: `dateline ingest` keeps the first copy
        order = Window.partitionBy("id").orderBy("input_index", "record")
        dups = (
            coded.where(F.col("table") == "articles")
            .select("id", "input_index", "record")
            .withColumn("n", F.row_number().over(order))
            .where(F.col("n") > 1)
            .select("input_index", "record")
        )
        kept = coded.join(F.broadcast(dups), ["input_index", "record"], "left_anti")
        t2 = time.perf_counter()
        import dateline

        for t in list(args.tables) + ["errors"]:
            cols = dateline.schema(t).names + ["input"]
            rows = kept.where(F.col("table") == t).select(*cols, "input_id")
            parts = ["input_id"] if t == "errors" else ["published_day", "input_id"]
            rows.write.mode("overwrite").partitionBy(*parts).parquet(f"{out}/{t}")
            summary["written"][t] = kept.where(F.col("table") == t).count()
        summary["written"]["duplicates_dropped"] = dups.count()
        summary["seconds"]["writing"] = round(time.perf_counter() - t2, 3)
        coded.unpersist()
    if not args.no_events:
        t3 = time.perf_counter()
        summary["events"] = build_events(spark, out)
        summary["seconds"]["events"] = round(time.perf_counter() - t3, 3)
    summary["seconds"]["total"] = round(time.perf_counter() - t0, 3)
    spark.stop()
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
