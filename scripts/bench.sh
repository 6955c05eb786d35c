#!/usr/bin/env bash
# Throughput and memory of `dateline code` in release mode on a real corpus.
# Usage: scripts/bench.sh [CORPUS_DIR]   (default: ../shared/data/quotes/polnear-train/text)
# Prints articles/s, MB/s and peak RSS for 1 and 2 threads, and the start-up time.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/data/quotes/polnear-train/text}"
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/dateline"
jsonl=$(mktemp --suffix=.jsonl)
trap 'rm -f "$jsonl"' EXIT
python3 - "$corpus" "$jsonl" <<'PY'
import json, os, sys
d, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for fn in sorted(os.listdir(d)):
        if fn.endswith(".txt"):
            f.write(json.dumps({"id": fn, "text": open(os.path.join(d, fn), encoding="utf-8").read()}) + "\n")
PY
n=$(wc -l < "$jsonl"); mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1])/1e6)" "$jsonl")
start=$( { /usr/bin/time -f "%e" $bin code --input-format text - <<< "x" >/dev/null; } 2>&1 | tail -1)
echo "corpus: $n articles, $mb MB (JSON Lines); start-up (load all data, one tiny article): ${start}s"
for j in 1 2; do
  best=""
  for _ in 1 2 3; do
    r=$( { /usr/bin/time -f "%e %M" $bin code -j $j --input-format jsonl --format jsonl "$jsonl" >/dev/null; } 2>&1 | tail -1)
    t=${r% *}; rss=${r#* }
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$t" "${best% *}"; then best="$t $rss"; fi
  done
  t=${best% *}; rss=${best#* }
  python3 -c "
import sys
n, mb, t, rss, j, s = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
w = max(t - s, 1e-9)
print(f'threads={j}: {t:.2f}s wall (best of 3), {n/t:.0f} articles/s, {mb/t:.2f} MB/s; excluding start-up {n/w:.0f} articles/s, {mb/w:.2f} MB/s; peak RSS {rss/1024:.0f} MB')
" "$n" "$mb" "$t" "$rss" "$j" "$start"
done
