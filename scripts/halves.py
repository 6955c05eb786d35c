#!/usr/bin/env python3
"""Split a development set into two fixed halves, to read misses on one and check on the other.

Usage: halves.py GOLD.json OUT_DIR     (a JSON array of records with an "id")
Writes OUT_DIR/a.json and OUT_DIR/b.json. The rule is fixed and independent of content: a
record is in half "a" when the CRC-32 of its id is even. Read misses on half a only; a change
is kept when half b does not lose (see the project's working rules).
"""
import json, sys, zlib, os

def main():
    src, out = sys.argv[1], sys.argv[2]
    recs = json.load(open(src, encoding="utf-8"))
    os.makedirs(out, exist_ok=True)
    halves = {"a": [], "b": []}
    for r in recs:
        key = str(r.get("id", json.dumps(r, sort_keys=True)))
        halves["a" if zlib.crc32(key.encode("utf-8")) % 2 == 0 else "b"].append(r)
    for h, rs in halves.items():
        with open(os.path.join(out, f"{h}.json"), "w", encoding="utf-8") as f:
            json.dump(rs, f)
        print(f"{h}: {len(rs)} records")

if __name__ == "__main__":
    main()
