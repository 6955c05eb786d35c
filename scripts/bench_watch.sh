#!/usr/bin/env bash
# `dateline watch` throughput from a loopback site, against `dateline ingest` of the same pages
# from disk, and its idle CPU between polls (a folder watched live too). The site: N HTML pages made from the real news
# texts of ../shared/data (PolNeAR train+dev, VOA), each with a line of its own so that no two
# are the same text, behind one RSS feed, served by Python's http.server on 127.0.0.1.
# Usage: scripts/bench_watch.sh [N] (default 1000). Needs a release build and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/dateline
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$work/site" "$n" "$port" <<'PY'
import glob, html, json, os, sys
root, n, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = [open(p, encoding="utf-8").read() for split in ("polnear-train", "polnear-dev")
         for p in sorted(glob.glob(f"../shared/data/quotes/{split}/text/*.txt"))]
voa = "../shared/data/news/voa-stories.jsonl"
if os.path.exists(voa):
    texts += [json.loads(l)["text"] for l in open(voa, encoding="utf-8")]
os.makedirs(f"{root}/a", exist_ok=True)
items = []
for i in range(n):
    t = texts[i % len(texts)]
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in t.split("\n") if p.strip())
    url = f"http://127.0.0.1:{port}/a/{i}.html"
    open(f"{root}/a/{i}.html", "w", encoding="utf-8").write(
        f"<!DOCTYPE html><html><head><title>Story {i}</title><link rel=canonical href=\"{url}\">"
        f"<meta property=\"article:published_time\" content=\"2016-10-01T09:00:00Z\"></head>"
        f"<body><article><h1>Story {i}</h1>{paras}<p>Report number {i}.</p></article></body></html>")
    items.append(f"<item><title>Story {i}</title><link>{url}</link></item>")
open(f"{root}/feed.xml", "w").write(
    f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>bench</title>{''.join(items)}</channel></rss>")
PY
(cd "$work/site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
pids+=($!)
sleep 1
feed="http://127.0.0.1:$port/feed.xml"
t0=$(date +%s.%N)
"$bin" watch --db "$work/watch.db" --once --delay 0s -q ${WATCH_ARGS:-} "$feed"
t1=$(date +%s.%N)
"$bin" ingest -q --db "$work/ingest.db" "$work/site/a"
t2=$(date +%s.%N)
python3 - "$t0" "$t1" "$t2" "$n" <<'PY'
import sys
t0, t1, t2, n = map(float, sys.argv[1:])
print(f"watch --once: {n:.0f} pages in {t1-t0:.1f}s = {n/(t1-t0):.1f} articles/s; "
      f"ingest of the same files: {t2-t1:.1f}s = {n/(t2-t1):.1f} articles/s")
PY
# idle: a watch between polls (everything already stored), also watching a folder live
# (notifications on, nothing arriving), CPU time over 30 s
mkdir -p "$work/inbox"
"$bin" watch --db "$work/watch.db" --interval 1h --delay 0s -q --dir "$work/inbox" "$feed" &
wpid=$!
pids+=($wpid)
sleep 10
ticks() { awk '{print $14 + $15}' "/proc/$wpid/stat"; }
[ -n "${NO_IDLE:-}" ] && exit 0
a=$(ticks); sleep 30; b=$(ticks)
hz=$(getconf CLK_TCK)
python3 -c "print(f'idle between polls: {($b-$a)/$hz:.2f} s of CPU in 30 s = {100*($b-$a)/$hz/30:.2f}%')"
kill -TERM "$wpid"; wait "$wpid" || true
