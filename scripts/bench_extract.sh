#!/usr/bin/env bash
# Extraction speed and quality of `dateline read` on the AEB dev pages, and trafilatura's in the
# same run. Usage: scripts/bench_extract.sh [AEB_DIR] [--no-trafilatura]
# Prints dateline's CPU time (best and median of 9 runs, one thread, whole process including
# JSON decoding) as pages/s per core, peak RSS and F1; then trafilatura 2.3.1's (installed in a venv
# under ${TMPDIR:-/tmp}; extraction calls only, one core) scored with the same metric.
set -euo pipefail
cd "$(dirname "$0")/.."
aeb="${1:-../shared/data/extraction/aeb-dev}"
[ -d "$aeb" ] || { echo "no AEB data at $aeb" >&2; exit 2; }
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/dateline"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$aeb" "$work/in.jsonl" <<'PY'
import gzip, json, os, sys
d, out = sys.argv[1], sys.argv[2]
gt = json.load(open(os.path.join(d, "ground-truth.json"), encoding="utf-8"))
with open(out, "w", encoding="utf-8") as f:
    for k in sorted(gt):
        p = os.path.join(d, "html", k + ".html.gz")
        if os.path.exists(p):
            raw = gzip.open(p).read().decode("utf-8", "replace")
            f.write(json.dumps({"id": k, "html": raw, "url": gt[k].get("url")}) + "\n")
PY
python3 - "$bin" "$work/in.jsonl" <<'PY'
import resource, subprocess, sys
bin_, inp = sys.argv[1], sys.argv[2]
n = sum(1 for _ in open(inp, encoding="utf-8"))
runs = []
for _ in range(9):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([bin_, "read", "-j", "1", "--input-format", "jsonl", "--format", "jsonl", inp],
                   stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    runs.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
runs.sort()
best, median = runs[0], runs[len(runs) // 2]
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"dateline: {n} pages; CPU (user+sys, -j 1, whole process incl. JSON decoding) best {best:.3f} s = {n/best:.0f} pages/s per core, median of 9 {median:.3f} s = {n/median:.0f} pages/s per core; peak RSS {rss:.0f} MB")
PY
python3 ../shared/eval/aeb_eval.py $bin "$aeb" | tail -1
[ "${2:-}" = "--no-trafilatura" ] && exit 0
venv="${TMPDIR:-/tmp}/dateline-trafilatura-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet trafilatura==2.3.1 lxml_html_clean
fi
"$venv/bin/python" - "$aeb" "$work/in.jsonl" <<'PY'
import json, re, sys, time, resource
from collections import Counter
import trafilatura
gt = json.load(open(sys.argv[1] + "/ground-truth.json", encoding="utf-8"))
recs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
def shingles(t, n=4):
    w = re.findall(r"\w+", t or "")
    return Counter(tuple(w[i:i + n]) for i in range(max(1, len(w) - n + 1))) if w else Counter()
outs, spent = {}, 0.0
for r in recs:
    t0 = time.process_time()
    outs[r["id"]] = trafilatura.extract(r["html"], url=r["url"], include_comments=False) or ""
    spent += time.process_time() - t0
ps, rs = [], []
for r in recs:
    p, g = shingles(outs[r["id"]]), shingles(gt[r["id"]].get("articleBody"))
    inter = sum((p & g).values())
    rs.append(inter / sum(g.values()) if g else 0.0)
    if p:
        ps.append(inter / sum(p.values()))
P, R = sum(ps) / len(ps), sum(rs) / len(rs)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"trafilatura {trafilatura.__version__}: {len(recs)/spent:.1f} pages/s (CPU, extraction only), peak RSS {rss:.0f} MB; P={P:.4f} R={R:.4f} F1={2*P*R/(P+R):.4f}")
PY
