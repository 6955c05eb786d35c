#!/usr/bin/env python3
"""Reliability of `confidence`: among coded events of a confidence, how many are right.

Usage: reliability.py DATELINE_BIN GSR_JSON [--bins 0.5,0.6,0.7,0.8,0.9]

Runs the binary on PLOVER gold records (as ../shared/eval/plover_gsr.py does) and counts, per
confidence bin, the events whose PLOVER type is the record's gold type ("right"). A record's
gold names one event, so an event of another type may be right but unannotated: the figures
are a lower bound of precision. Calibrated confidence means each bin's share right is close
to its confidence. Run it on the half of the development set whose records were not read.
"""
import json, subprocess, sys

FOLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}

def fold(t):
    t = (t or "").upper()
    return FOLD.get(t, t)

def main():
    bin_, path = sys.argv[1], sys.argv[2]
    edges = [0.5, 0.6, 0.7, 0.8, 0.9]
    if "--bins" in sys.argv:
        edges = [float(x) for x in sys.argv[sys.argv.index("--bins") + 1].split(",")]
    recs = [r for r in json.load(open(path, encoding="utf-8")) if r.get("text") and r.get("event")]
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("date") or "2000-01-01"}) + "\n" for r in recs)
    p = subprocess.run([bin_, "code", "--input-format", "jsonl", "--format", "jsonl", "-"], input=inp.encode(), capture_output=True)
    outs = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    bins = {}
    for r, o in zip(recs, outs):
        g = fold(r["event"])
        for e in o.get("events") or []:
            c = e.get("confidence", 0.0)
            lo = max([x for x in [0.0] + edges if x <= c])
            n, ok, s = bins.get(lo, (0, 0, 0.0))
            bins[lo] = (n + 1, ok + (fold(e.get("plover")) == g), s + c)
    print(f"{'confidence':>12} {'events':>7} {'mean conf':>9} {'right':>6}")
    for lo in sorted(bins):
        n, ok, s = bins[lo]
        hi = min([x for x in edges + [1.01] if x > lo])
        print(f"{lo:>5.2f}-{min(hi, 1.0):<5.2f} {n:>7} {s / n:>9.3f} {ok / n:>6.3f}")

if __name__ == "__main__":
    main()
