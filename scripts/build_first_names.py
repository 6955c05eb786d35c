#!/usr/bin/env python3
"""Build data/nlp/first-names.txt and data/nlp/last-names.txt: common US first names and
surnames, lower case, one per line.

Source: the 1990 US Census name frequency files (public domain) as shipped in the PyPI package
`names==0.3.0` (MIT): `dist.male.first`, `dist.female.first`, `dist.all.last`. First names of
at least 0.003% of people (3,175: "georgia", "chad", "paris") and surnames of at least 0.002%
(7,500: "stevens", "walker", "loveless") are kept.

Usage (from the repository root):
  python3 -m venv /tmp/nm && /tmp/nm/bin/pip install names==0.3.0
  /tmp/nm/bin/python scripts/build_first_names.py

The entity recogniser uses the list for one rule only: a two-word span the tagger read as a
place, made of a first name and a surname, is a person ("Georgia Stevens", "Chad Walker";
not "Paris Walmart", "Alexandria Zoo"). Deterministic: the same package gives a byte-identical file.
"""
import os

import names

MIN_PERCENT = 0.003


def main():
    here = os.path.dirname(names.__file__)
    keep = set()
    for f in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(here, f), encoding="ascii"):
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= MIN_PERCENT:
                keep.add(parts[0].lower())
    out = os.path.join(os.path.dirname(__file__), "..", "data", "nlp", "first-names.txt")
    with open(out, "w", encoding="utf-8") as o:
        o.write("# Common US first names, lower case: 1990 US Census frequency files (public domain)\n")
        o.write("# via PyPI names 0.3.0 (MIT); names of at least 0.003% of people. scripts/build_first_names.py\n")
        for n in sorted(keep):
            o.write(n + "\n")
    print(f"{len(keep)} first names")
    last = set()
    for line in open(os.path.join(here, "dist.all.last"), encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= 0.002:
            last.add(parts[0].lower())
    out = os.path.join(os.path.dirname(__file__), "..", "data", "nlp", "last-names.txt")
    with open(out, "w", encoding="utf-8") as o:
        o.write("# Common US surnames, lower case: 1990 US Census frequency file (public domain)\n")
        o.write("# via PyPI names 0.3.0 (MIT); names of at least 0.002% of people. scripts/build_first_names.py\n")
        for n in sorted(last):
            o.write(n + "\n")
    print(f"{len(last)} surnames")


if __name__ == "__main__":
    main()
