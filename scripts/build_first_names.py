#!/usr/bin/env python3
"""Build crates/dateline-nlp/data/nlp/first-names.txt and crates/dateline-nlp/data/nlp/last-names.txt: common US first names and
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


def read(path, min_percent):
    """Lower-case names of at least `min_percent` of people in a Census frequency file."""
    keep = set()
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= min_percent:
            keep.add(parts[0].lower())
    return keep


def write(name, header, names):
    out = os.path.join(os.path.dirname(__file__), "..", "data", "nlp", name)
    with open(out, "w", encoding="utf-8") as o:
        o.write(header)
        for n in sorted(names):
            o.write(n + "\n")


def main():
    here = os.path.dirname(names.__file__)
    first = read(os.path.join(here, "dist.male.first"), MIN_PERCENT) | read(
        os.path.join(here, "dist.female.first"), MIN_PERCENT
    )
    write(
        "first-names.txt",
        "# Common US first names, lower case: 1990 US Census frequency files (public domain)\n"
        "# via PyPI names 0.3.0 (MIT); names of at least 0.003% of people. scripts/build_first_names.py\n",
        first,
    )
    print(f"{len(first)} first names")
    last = read(os.path.join(here, "dist.all.last"), 0.002)
    write(
        "last-names.txt",
        "# Common US surnames, lower case: 1990 US Census frequency file (public domain)\n"
        "# via PyPI names 0.3.0 (MIT); names of at least 0.002% of people. scripts/build_first_names.py\n",
        last,
    )
    print(f"{len(last)} surnames")


if __name__ == "__main__":
    main()
