"""Typed stubs of the `dateline` package (see its docstrings for examples)."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Union, overload

import pyarrow

SCHEMA: str
__version__: str
TABLES: tuple[str, ...]

#: A table name of code_arrow / code_file / schema.
TableName = Literal["events", "mentions", "articles", "entities", "times", "places", "quotes", "errors"]
#: A record: the JSON Lines input of `dateline code` as a dict, or the text alone.
Record = Union[str, Mapping[str, Any]]
#: A `dateline.article/1` object (docs/schema.md).
Article = dict[str, Any]
Date = Union[str, datetime.date]
Errors = Literal["raise", "keep"]
Format = Literal["auto", "markdown", "text", "html", "jsonl", "warc", "feed"]

class DatelineError(Exception): ...

class RecordError(DatelineError, ValueError):
    results: Any
    errors: list[tuple[int, str]]
    def __init__(self, message: str, results: Any, errors: list[tuple[int, str]]) -> None: ...

def version() -> str: ...
def load() -> None: ...
def code(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: Date | None = None,
) -> Article: ...
def code_many(
    records: Iterable[Record], *, threads: int | None = None, errors: Errors = "raise"
) -> list[Article]: ...
@overload
def code_arrow(
    data: Any, *, what: TableName = "events", threads: int | None = None, errors: Errors = "raise"
) -> pyarrow.Table: ...
@overload
def code_arrow(
    data: Any, *, what: Sequence[TableName], threads: int | None = None, errors: Errors = "raise"
) -> dict[str, pyarrow.Table]: ...
@overload
def code_file(
    path: str | os.PathLike[str],
    *,
    what: TableName,
    batch: int = 256,
    threads: int | None = None,
    format: Format = "auto",
    published: Date | None = None,
    max_article_bytes: int | None = None,
) -> Iterator[pyarrow.Table]: ...
@overload
def code_file(
    path: str | os.PathLike[str],
    *,
    what: Sequence[TableName] = ("articles", "mentions", "quotes", "errors"),
    batch: int = 256,
    threads: int | None = None,
    format: Format = "auto",
    published: Date | None = None,
    max_article_bytes: int | None = None,
) -> Iterator[dict[str, pyarrow.Table]]: ...
@overload
def schema(what: TableName) -> pyarrow.Schema: ...
@overload
def schema(what: Sequence[TableName]) -> dict[str, pyarrow.Schema]: ...
def code_path(
    path: str | os.PathLike[str],
    *,
    format: Format = "auto",
    published: Date | None = None,
    max_article_bytes: int | None = None,
    threads: int | None = None,
    errors: Errors = "raise",
) -> list[Article]: ...
def read(
    path_or_bytes: str | os.PathLike[str] | bytes | bytearray | memoryview,
    *,
    format: Format = "auto",
    published: Date | None = None,
    max_article_bytes: int | None = None,
    errors: Errors = "raise",
) -> list[Article]: ...
