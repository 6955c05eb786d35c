"""Test corpora made from committed, public-domain material only (data/voa-stories.jsonl, Voice
of America), so that the tests run on any clone: N articles as variants of the 83 stories
(variant k of a story has its own id and URL and is published k % 4 days later: its relative
dates shift, and variants published the same day report the same events, which deduplicate
across articles), and WARC archives of them as HTML pages."""

from __future__ import annotations

import datetime as dt
import html
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
VOA = os.path.join(HERE, "data", "voa-stories.jsonl")


def stories():
    with open(VOA, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _shift(published, days):
    day = dt.date.fromisoformat(published[:10]) + dt.timedelta(days=days)
    return day.isoformat() + published[10:]


def records(n, start=0):
    """`n` JSON Lines records (dicts): variant k = i // 83 of story i % 83."""
    base = stories()
    out = []
    for i in range(start, start + n):
        s = base[i % len(base)]
        k = i // len(base)
        out.append(
            {
                "id": f"{s['id']}-{k}",
                "url": s["url"] + (f"?v={k}" if k else ""),
                "title": s["title"],
                "published": _shift(s["published"], k % 4),
                "text": s["text"],
            }
        )
    return out


def write_jsonl(path, recs):
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def page(rec):
    """A news page for a record: title, date and paragraphs in an <article>."""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in rec["text"].split("\n") if p.strip())
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(rec['title'])}</title>"
        f"<meta property=\"article:published_time\" content=\"{rec['published'][:10]}\">"
        f"</head><body><article><h1>{html.escape(rec['title'])}</h1>{paras}</article></body></html>"
    )


def warc_record(uri, http_block, kind="response", date="2024-01-02T03:04:05Z"):
    body = http_block if isinstance(http_block, bytes) else http_block.encode("utf-8")
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: {date}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode("ascii")
    return head + body + b"\r\n\r\n"


def http_response(content, ctype="text/html; charset=utf-8"):
    body = content if isinstance(content, bytes) else content.encode("utf-8")
    return f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode("ascii") + body


def write_warc(path, recs):
    """A CC-NEWS-like archive: a warcinfo record, then a request and a response per page."""
    with open(path, "wb") as f:
        f.write(warc_record("", b"software: dateline tests", kind="warcinfo"))
        for r in recs:
            f.write(warc_record(r["url"], f"GET / HTTP/1.1\r\nHost: x\r\n\r\n", kind="request"))
            f.write(warc_record(r["url"], http_response(page(r))))
