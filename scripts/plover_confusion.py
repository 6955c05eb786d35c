#!/usr/bin/env python3
"""Per-type scores and confusion of `dateline code` on PLOVER gold-standard records.

Usage: python3 scripts/plover_confusion.py target/release/dateline ../shared/data/events/plover_gsr_dev.json

Reads the gold file at run time (it is not part of this repository). For each gold type:
records, recall (some predicted event has the type), precision (of predicted events of that
type, the share in records of that type), and what the coder said instead where it missed
(the type of its first event, or "none"). Scoring follows ../shared/eval/plover_gsr.py.
"""
import json
import subprocess
import sys
from collections import Counter, defaultdict

FOLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}


def fold(t):
    t = (t or "").upper()
    return FOLD.get(t, t)


def main():
    bin_, path = sys.argv[1], sys.argv[2]
    recs = [r for r in json.load(open(path, encoding="utf-8")) if r.get("text") and r.get("event")]
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("date") or "2000-01-01"}) + "\n" for r in recs)
    p = subprocess.run([bin_, "code", "--input-format", "jsonl", "--format", "jsonl", "-"],
                       input=inp.encode(), capture_output=True, check=True)
    outs = [json.loads(line) for line in p.stdout.decode().splitlines() if line.strip()]
    n, hit = Counter(), Counter()
    pred_all, pred_ok = Counter(), Counter()
    instead = defaultdict(Counter)
    for r, o in zip(recs, outs):
        g = fold(r["event"])
        types = [fold(e.get("plover")) or "(no PLOVER type)" for e in o.get("events") or []]
        n[g] += 1
        for t in types:
            pred_all[t] += 1
            pred_ok[t] += t == g
        if g in types:
            hit[g] += 1
        else:
            instead[g][types[0] if types else "none"] += 1
    print("| gold type | records | recall | precision | missed: first predicted type instead |")
    print("| --- | --- | --- | --- | --- |")
    for g in sorted(n, key=lambda t: -n[t]):
        prec = f"{pred_ok[g] / pred_all[g]:.2f}" if pred_all[g] else "–"
        miss = ", ".join(f"{t} {c}" for t, c in instead[g].most_common(4))
        print(f"| {g} | {n[g]} | {hit[g] / n[g]:.2f} | {prec} | {miss} |")
    extra = [t for t in pred_all if t not in n]
    if extra:
        print("\nPredicted types no record has: " + ", ".join(f"{t} {pred_all[t]}" for t in sorted(extra)))


if __name__ == "__main__":
    main()
