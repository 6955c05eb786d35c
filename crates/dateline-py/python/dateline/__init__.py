"""News in, events out: dateline's coding pipeline in Python.

``dateline`` turns news articles into event data: entities, times, places, quotes and
CAMEO/PLOVER events, each tied to the sentence it came from. Every function here runs the
same Rust code as the ``dateline`` command (no subprocess, no second implementation), and
gives the same ``dateline.article/1`` objects (docs/schema.md) or the same tables as
``dateline export --format parquet``.

>>> import dateline
>>> art = dateline.code("Russian President Vladimir Putin met Syrian President Bashar "
...                     "al-Assad in Sochi on Thursday.", published="2018-05-18")
>>> [(e["cameo"], e["source"]["code"], e["target"]["code"]) for e in art["events"]]
[('040', 'RUSGOV', 'SYRGOV')]

The bundled knowledge (gazetteer, dictionaries, patterns, tagger) is loaded once per process,
by the first call that codes (or by :func:`load`); calls release the GIL while Rust works, on
rayon's thread pool as the command does (all cores, or ``threads=N``).
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from collections.abc import Iterable as _Iterable
from collections.abc import Mapping as _Mapping

from . import _dateline

__all__ = [
    "SCHEMA",
    "TABLES",
    "DatelineError",
    "RecordError",
    "code",
    "code_many",
    "code_arrow",
    "code_file",
    "code_path",
    "read",
    "schema",
    "load",
    "version",
]

#: The schema name every article object carries.
SCHEMA: str = _dateline.SCHEMA
__version__: str = _dateline.__version__

#: The tables :func:`code_arrow` and :func:`code_file` make.
TABLES = ("events", "mentions", "articles", "entities", "times", "places", "quotes", "errors")

_ERROR_MODES = ("raise", "keep")


class DatelineError(Exception):
    """The base of dateline's errors."""


class RecordError(DatelineError, ValueError):
    """Some records (or a file's articles) could not be read or coded.

    The message names each bad record: its index in the call (or the file and line or byte
    offset) and why. The good records' results are not lost: ``results`` holds what the call
    would have returned with ``errors="keep"`` (bad records as objects with an ``error``
    field, in their place), and ``errors`` the ``(index, message)`` pairs.
    """

    def __init__(self, message: str, results, errors):
        super().__init__(message)
        self.results = results
        self.errors = errors


def version() -> str:
    """The version of dateline this package was built from.

    >>> dateline.version()  # doctest: +SKIP
    '0.1.0'
    """
    return __version__


def load() -> None:
    """Load the bundled knowledge now (about a second) instead of at the first call that codes.

    Safe from any thread; the knowledge is loaded once per process.
    """
    _dateline.load()


def _check_threads(threads):
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be a positive int or None (every core), not {threads!r}")
    return threads


def _check_errors(errors):
    if errors not in _ERROR_MODES:
        raise ValueError(f"errors must be 'raise' or 'keep', not {errors!r}")


def _plain(v):
    """A record's value as JSON can hold it: dates as ISO 8601 text."""
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    return v


def _line(record):
    """A record as one JSON Lines line (bytes), or why it cannot be one (str)."""
    if isinstance(record, str):
        record = {"text": record}
    elif isinstance(record, _Mapping):
        record = {str(k): _plain(v) for k, v in record.items()}
    else:
        return (
            "a record is a dict ({'text' | 'html', 'title', 'url', 'published', 'id', ...}) "
            f"or a str, not {type(record).__name__}"
        )
    try:
        return _json.dumps(record, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as e:
        return f"cannot be read as a JSON record: {e}"


def _lines(records):
    if isinstance(records, (str, bytes, _Mapping)):
        raise TypeError("records is a list (or iterable) of records; for one text use dateline.code")
    return [_line(r) for r in records]


def _describe(i, obj):
    """A bad result named for Python: its index, id, and the reader's or coder's message (a
    record handed over in memory is line i+1 of `-`, which the message need not repeat)."""
    rid = obj.get("id")
    message = str(obj.get("error"))
    prefix = f"-:{i + 1}: "
    if obj.get("source") == "-" and message.startswith(prefix):
        message = message[len(prefix):]
    return f"record {i}" + (f" (id {rid!r})" if rid else "") + f": {message}"


def _raise_for(results, bad, what="records"):
    shown = "; ".join(_describe(i, results[i]) for i, _ in bad[:3])
    more = f"; and {len(bad) - 3} more" if len(bad) > 3 else ""
    n = len(results)
    raise RecordError(f"{len(bad)} of {n} {what} could not be processed: {shown}{more}", results, bad)


def code_many(records, *, threads=None, errors="raise"):
    """Code many articles at once; returns one ``dateline.article/1`` dict per record, in order.

    A record is a dict in the JSON Lines input format of ``dateline code``: ``{"text" | "html",
    "title", "url", "published", "id", "language", "source"}`` (only ``text`` or ``html`` is
    required; other keys are ignored; dates may be ``datetime.date``), or a str (the text).
    Record ``i`` is read exactly as line ``i + 1`` of ``dateline code --input-format jsonl -``
    reads it, so each result is, byte for byte once dumped, the line that command prints
    (``source`` is ``-:{i+1}`` unless the record names its own).

    The GIL is released while the records are coded in parallel on the command's thread pool
    (every core, or ``threads`` threads).

    A record that cannot be read or coded raises :class:`RecordError` naming it (index, source,
    id, reason) after the others are coded: ``err.results`` holds every result, the bad ones as
    objects with an ``error`` field. With ``errors="keep"`` those objects are returned in place
    instead, as the command writes them.

    >>> arts = dateline.code_many([
    ...     {"id": "a1", "text": "Police arrested protesters in Nairobi on Monday.",
    ...      "published": "2024-06-25"},
    ...     "Germany pledged aid to Ukraine.",
    ... ], threads=2)
    >>> [a["id"] for a in arts][0]
    'a1'
    """
    _check_errors(errors)
    lines = _lines(records)
    out = _dateline.code_lines(lines, _check_threads(threads))
    results = [_json.loads(b) for b in out]
    if errors == "raise":
        bad = [(i, r["error"]) for i, r in enumerate(results) if "error" in r]
        if bad:
            _raise_for(results, bad)
    return results


def code(text, *, title=None, url=None, published=None):
    """Code one article's text; returns its ``dateline.article/1`` object as a dict.

    ``published`` (``YYYY-MM-DD`` or a ``datetime.date``) anchors relative dates ("on
    Thursday"); ``url`` sets the article's id, outlet and the country of its outlet; ``title``
    is kept in ``article``. The result is what ``dateline code --format jsonl`` prints for the
    JSON Lines record ``{"text", "title", "url", "published"}`` read from standard input.

    >>> art = dateline.code("Police arrested 20 protesters in Nairobi on Monday.",
    ...                     published="2024-06-25")
    >>> art["schema"], sorted(art)[:3]
    ('dateline.article/1', ['article', 'body', 'entities'])
    >>> [p["name"] for p in art["places"]]
    ['Nairobi']

    Raises :class:`TypeError` if ``text`` is not a str, :class:`RecordError` if it cannot be
    coded (the message says why).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    record = {"text": text}
    for k, v in (("title", title), ("url", url), ("published", published)):
        if v is not None:
            record[k] = v
    return code_many([record])[0]


def _pa():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as e:  # pragma: no cover - pyarrow is a test dependency
        raise ImportError("dateline's tables need pyarrow: pip install pyarrow") from e
    return pyarrow


def _tables(raw):
    pa = _pa()
    out = {}
    for name, b in raw.items():
        if name == "events":
            out[name] = pa.parquet.read_table(pa.BufferReader(b))
        else:
            out[name] = pa.ipc.open_stream(b).read_all()
    return out


def _whats(what):
    single = isinstance(what, str)
    names = [what] if single else list(what)
    for n in names:
        if n not in TABLES:
            raise ValueError(f"what={n!r}: give one of {', '.join(TABLES)}")
    return single, names


def _records_of(data):
    """Records from a pyarrow Table / RecordBatch / RecordBatchReader, a pandas DataFrame, or
    an iterable of record batches, dicts or str."""
    pa = None
    try:
        import pyarrow as pa
    except ImportError:
        pass
    if pa is not None:
        if isinstance(data, (pa.Table, pa.RecordBatch)):
            return data.to_pylist()
        if isinstance(data, pa.RecordBatchReader):
            return data.read_all().to_pylist()
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas DataFrame
        return data.to_dict("records")
    if isinstance(data, (str, bytes, _Mapping)) or not isinstance(data, _Iterable):
        raise TypeError(
            "code_arrow takes a pyarrow Table, RecordBatch or RecordBatchReader, a pandas "
            f"DataFrame, or an iterable of record batches or records, not {type(data).__name__}"
        )
    out = []
    for item in data:
        if pa is not None and isinstance(item, (pa.Table, pa.RecordBatch)):
            out.extend(item.to_pylist())
        else:
            out.append(item)
    return out


def code_arrow(data, *, what="events", threads=None, errors="raise"):
    """Code records into Arrow tables: one row per event (or per mention, entity, time, place,
    quote, article or error).

    ``data`` holds records with the columns of ``dateline code``'s JSON Lines input (``text`` or
    ``html``; ``title``, ``url``, ``published``, ``id``, ``language`` optional): a
    ``pyarrow.Table``, ``RecordBatch`` or ``RecordBatchReader``, a pandas ``DataFrame``, or an
    iterable of batches or record dicts.

    ``what="events"`` returns the events deduplicated across the records exactly as
    ``dateline ingest`` stores them, with the columns and types of ``dateline export --format
    parquet`` (the records are written to an in-memory event database and exported by the same
    code). ``what`` may also be ``"mentions"`` (one row per event report, with its event's
    stable ``event`` id and attributes), ``"articles"``, ``"entities"``, ``"times"``,
    ``"places"``, ``"quotes"`` or ``"errors"`` — or a list of names, for a dict of tables from
    one coding. Every table but ``events`` has ``record``, the row's index in ``data``.

    A bad record raises :class:`RecordError` (``err.results`` holds the tables, the bad records
    in an ``errors`` table); with ``errors="keep"`` it is only left out (ask for ``"errors"``
    to see it).

    >>> import pyarrow as pa
    >>> t = pa.table({"text": ["Germany pledged aid to Ukraine on Monday."],
    ...               "published": ["2024-06-24"]})
    >>> ev = dateline.code_arrow(t)
    >>> ev.column_names[:4]
    ['id', 'date', 'day', 'cameo']
    >>> tabs = dateline.code_arrow(t, what=["mentions", "places"])
    >>> sorted(tabs)
    ['mentions', 'places']
    """
    _check_errors(errors)
    single, names = _whats(what)
    lines = _lines(_records_of(data))
    asked = names if "errors" in names else names + ["errors"]
    raw = _dateline.code_tables(lines, asked, _check_threads(threads))
    tables = _tables(raw)
    err = tables["errors"]
    if "errors" not in names:
        del tables["errors"]
    result = tables[names[0]] if single else tables
    if errors == "raise" and err.num_rows:
        rows = err.to_pylist()
        bad = [(r["record"], r["message"]) for r in rows]
        shown = "; ".join(f"record {i}: {m}" for i, m in bad[:3])
        more = f"; and {len(bad) - 3} more" if len(bad) > 3 else ""
        raise RecordError(
            f"{len(bad)} of {len(lines)} records could not be processed: {shown}{more}", result, bad
        )
    return result


def schema(what):
    """The ``pyarrow.Schema`` of a table :func:`code_arrow` and :func:`code_file` make.

    >>> dateline.schema("events").field("day").type
    DataType(date32[day])
    """
    single, names = _whats(what)
    tables = _tables(_dateline.empty_tables(names))
    return tables[what].schema if single else {n: t.schema for n, t in tables.items()}


def _path(path):
    p = _os.fspath(path)
    if isinstance(p, bytes):
        p = _os.fsdecode(p)
    return p


def code_file(
    path,
    *,
    what=("articles", "mentions", "quotes", "errors"),
    batch=256,
    threads=None,
    format="auto",
    published=None,
    max_article_bytes=None,
):
    """Read and code one file a batch at a time: yields a dict of ``pyarrow.Table`` per batch
    (one table per batch when ``what`` is one name).

    The file is read as ``dateline ingest FILE`` reads it (JSON Lines and WARC streamed in
    constant memory, ``.gz`` unpacked, any other format read whole) and coded by the same
    pipeline. Tables as :func:`code_arrow`'s, with ``record`` counting the file's records
    from 0 across batches; ``articles`` and ``errors`` also carry the JSON Lines ``line`` or the
    WARC record's byte ``offset`` (in the unpacked stream). Bad records never raise: each is a
    row of the ``errors`` table with its file and line or offset. (``events`` here are
    deduplicated within each batch only: deduplicate ``mentions`` across batches, by
    ``event``, for a whole file's events.)

    >>> for tables in dateline.code_file("crawl.warc.gz", batch=128):  # doctest: +SKIP
    ...     print(tables["articles"].num_rows, tables["errors"].num_rows)
    """
    p = _path(path)
    if not _os.path.exists(p):
        raise FileNotFoundError(f"{p}: no such file")
    single, names = _whats(what)
    if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
        raise ValueError(f"batch must be a positive int, not {batch!r}")
    pub = _plain(published)
    it = _dateline.code_file(
        p, names, batch, _check_threads(threads), format, pub, max_article_bytes
    )
    for raw in it:
        tables = _tables(raw)
        yield tables[names[0]] if single else tables


def code_path(
    path, *, format="auto", published=None, max_article_bytes=None, threads=None, errors="raise"
):
    """Read and code a file or a directory as ``dateline code --format jsonl PATH`` does;
    returns its ``dateline.article/1`` objects (byte for byte that command's lines, dumped).

    Arguments as :func:`read`'s; ``threads`` as :func:`code_many`'s. A record that cannot be
    read or coded raises :class:`RecordError` naming its file and line or byte (``err.results``
    holds every object); ``errors="keep"`` returns the error objects in place instead.

    >>> arts = dateline.code_path("examples/harbour-talks.md")  # doctest: +SKIP
    >>> arts[0]["article"]["title"]  # doctest: +SKIP
    'Harbour talks ...'
    """
    _check_errors(errors)
    p = _path(path)
    if not _os.path.exists(p):
        raise FileNotFoundError(f"{p}: no such file or directory")
    out = _dateline.read_path(
        p, format, _plain(published), max_article_bytes, True, _check_threads(threads)
    )
    results = [_json.loads(b) for b in out]
    if errors == "raise":
        bad = [(i, r["error"]) for i, r in enumerate(results) if "error" in r]
        if bad:
            _raise_for(results, bad, "inputs or records")
    return results


def read(path_or_bytes, *, format="auto", published=None, max_article_bytes=None, errors="raise"):
    """Read articles without coding them, as ``dateline read --format jsonl`` does.

    ``path_or_bytes`` is a file or directory path (directories are read recursively, ``.gz``
    unpacked, WARC and JSON Lines files give one article per record), or the bytes of one
    input (read as the command reads standard input, ``source`` ``-``). Returns the
    ``dateline.article/1`` objects with ``article`` and ``body`` (no annotations).

    ``format`` is one of ``auto``, ``markdown``, ``text``, ``html``, ``jsonl``, ``warc``,
    ``feed``; ``published`` (``YYYY-MM-DD``) dates an undated article. An input or record that
    cannot be read raises :class:`RecordError` naming the file and line or byte
    (``err.results`` holds the rest); ``errors="keep"`` returns error objects in place instead.
    A path that does not exist raises :class:`FileNotFoundError`.

    >>> docs = dateline.read(b"<html><head><title>Vote</title></head><body><article><p>The "
    ...                      b"council voted on Tuesday.</p></article></body></html>",
    ...                      format="html")
    >>> docs[0]["article"]["title"]
    'Vote'
    """
    _check_errors(errors)
    pub = _plain(published)
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        out = _dateline.read_bytes(bytes(path_or_bytes), format, pub, max_article_bytes)
    else:
        p = _path(path_or_bytes)
        if not _os.path.exists(p):
            raise FileNotFoundError(f"{p}: no such file or directory")
        out = _dateline.read_path(p, format, pub, max_article_bytes)
    results = [_json.loads(b) for b in out]
    if errors == "raise":
        bad = [(i, r["error"]) for i, r in enumerate(results) if "error" in r]
        if bad:
            _raise_for(results, bad, "inputs or records")
    return results
