#!/usr/bin/env bash
# Ingest throughput, database size, query latency and export time at 10k and 100k articles.
# The corpus: every real news text in ../shared/data (PolNeAR train+dev, TR-News, LGL, TBAQ;
# ~1.8k texts), repeated with new ids up to N articles, so the same reports recur as they do
# across outlets (repeats add mentions, not events). Usage: scripts/bench_ingest.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$(realpath "${CARGO_TARGET_DIR:-target}")/release/dateline"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/base.jsonl" <<'PY'
import glob, html, json, os, re, sys
import xml.etree.ElementTree as ET
out = open(sys.argv[1], "w", encoding="utf-8")
n = 0
for split in ("polnear-train", "polnear-dev"):
    for p in sorted(glob.glob(f"../shared/data/quotes/{split}/text/*.txt")):
        out.write(json.dumps({"text": open(p, encoding="utf-8").read(), "published": "2016-10-01"}) + "\n"); n += 1
for x in ("TR-News.xml", "lgl.xml"):
    for a in ET.parse(f"../shared/data/geo/{x}").getroot().iter("article"):
        t = a.find("text").text or ""
        if t.strip():
            out.write(json.dumps({"text": t, "published": "2015-06-01"}) + "\n"); n += 1
for p in sorted(glob.glob("../shared/data/temporal/TBAQ-cleaned/**/*.tml", recursive=True)):
    raw = open(p, encoding="utf-8").read()
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if m:
        out.write(json.dumps({"text": html.unescape(re.sub(r"<[^>]+>", "", m.group(1))), "published": "1998-03-01"}) + "\n"); n += 1
print(n, "base texts", file=sys.stderr)
PY
for N in "${@:-10000 100000}"; do
  python3 - "$work/base.jsonl" "$work/c$N.jsonl" "$N" <<'PY'
import json, sys
base = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i in range(n):
        r = dict(base[i % len(base)]); r["id"] = f"bench-{i:07d}"
        f.write(json.dumps(r) + "\n")
PY
  mb=$(python3 -c "import os,sys; print(round(os.path.getsize(sys.argv[1])/1e6,1))" "$work/c$N.jsonl")
  db="$work/b$N.db"
  /usr/bin/time -o "$work/time" -f "%e %M" "$bin" ingest -q --db "$db" "$work/c$N.jsonl" 2>/dev/null
  r=$(tail -1 "$work/time")
  t=${r% *}; rss=${r#* }
  size=$(du -k "$db" | cut -f1)
  counts=$("$bin" query --db "$db" --sql "select (select count(*) from articles)||' articles, '||(select count(*) from events)||' events, '||(select count(*) from mentions)||' mentions' as c" --format csv | tail -1)
  q0=$(date +%s.%N); "$bin" query --db "$db" --actor USA --code 11 --from 2015 --limit 100 --format jsonl >/dev/null; q1=$(date +%s.%N)
  f0=$(date +%s.%N); "$bin" query --db "$db" --text "election" --limit 100 --format jsonl >/dev/null; f1=$(date +%s.%N)
  e0=$(date +%s.%N); "$bin" export --db "$db" --format gdelt -o "$work/e.tsv" 2>/dev/null; e1=$(date +%s.%N)
  python3 -c "
import sys
N, mb, t, rss, kb = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
q, f, e = float(sys.argv[7]) - float(sys.argv[6]), float(sys.argv[9]) - float(sys.argv[8]), float(sys.argv[11]) - float(sys.argv[10])
print(f'N={N} ({mb} MB): ingest {t:.1f}s = {N/t:.0f} articles/s, peak RSS {rss/1024:.0f} MB; db {kb/1024:.1f} MB = {kb/1024/N*1000:.2f} MB per 1,000 articles; {sys.argv[12]}')
print(f'   query --actor USA --code 11 --from 2015: {q*1000:.0f} ms; query --text election: {f*1000:.0f} ms; export gdelt: {e:.2f}s (whole processes)')
" "$N" "$mb" "$t" "$rss" "$size" "$q0" "$q1" "$f0" "$f1" "$e0" "$e1" "$counts"
done
