#!/usr/bin/env python3
"""What a coder change does to the judged VOA events, per half of the stories.

Usage: voa_delta.py OLD_BIN NEW_BIN [--judged FILE] [--stories FILE] [--show a|b|none]

Runs both binaries on the VOA stories and compares their events by the judgements' keys
(eval/voa-events/README.md). For each half of the stories (CRC-32 of the story id even: a,
odd: b — the folds of scripts/fit_confidence.py) it prints how many events went and came,
and of those judged, how many were right and wrong. A precision change is kept when the
events it removes on the half whose misses were not read (b) are mostly judged wrong and
the events it adds are judged before they are counted. `--show a` lists half a's changed
events with the reviewer's note (read misses on half a only).
"""
import json, os, subprocess, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fit_confidence import event_key, load_judged, right  # noqa: E402

ROOT = os.path.join(HERE, "..")


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def events(binary, stories):
    p = subprocess.run([binary, "code", "--input-format", "jsonl", "--format", "jsonl", stories],
                       capture_output=True, check=True)
    out = {}
    for line in p.stdout.decode("utf-8").splitlines():
        o = json.loads(line)
        for e in o.get("events") or []:
            out[event_key(o["id"], e)] = e
    return out


def main():
    old_bin, new_bin = sys.argv[1], sys.argv[2]
    judged = load_judged(arg("--judged", os.path.join(ROOT, "eval/voa-events/judgements.tsv")))
    stories = arg("--stories", os.path.join(ROOT, "../shared/data/news/voa-stories.jsonl"))
    show = arg("--show", "none")
    old, new = events(old_bin, stories), events(new_bin, stories)
    half = lambda k: "ab"[zlib.crc32(k[0].encode("utf-8")) % 2]
    for h in "ab":
        gone = [k for k in old if k not in new and half(k) == h]
        came = [k for k in new if k not in old and half(k) == h]
        def tally(keys):
            rs = [right(judged[k]) for k in keys if k in judged]
            return f"{len(keys)} ({sum(r is True for r in rs)} judged right, {sum(r is False for r in rs)} wrong, {len(keys) - len(rs)} not judged)"
        print(f"half {h}: gone {tally(gone)}; new {tally(came)}")
        if show == h:
            for tag, keys in (("-", gone), ("+", came)):
                for k in sorted(keys):
                    r = judged.get(k)
                    verdict = "?" if r is None else ("right" if right(r) else "wrong")
                    note = r["note"] if r else ""
                    print(f"  {tag} {verdict:5} {k}  {note}")


if __name__ == "__main__":
    main()
