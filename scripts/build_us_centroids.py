#!/usr/bin/env python3
"""Build crates/dateline-geo/data/geo/us-centroids.tsv: a reference point for every US state and county.

Source: the npm package us-atlas 3.0.1 (ISC licence; TopoJSON of the US Census Bureau's
cartographic boundary files, which are public domain): `states-10m.json` and
`counties-10m.json`, in longitude/latitude. A division's point is the area centroid of its
largest polygon (the mainland of a state with islands), computed on a plane scaled by the
cosine of the polygon's mean latitude. State FIPS codes become postal codes through
crates/dateline-geo/data/geo/us-counties.tsv (a county's FIPS code starts with its state's).

Columns: kind (`state` or `county`)<TAB>code (postal code or 5-digit county FIPS)<TAB>lat<TAB>lon.

Usage: python3 scripts/build_us_centroids.py [-o crates/dateline-geo/data/geo/us-centroids.tsv] [--package DIR]
(fetches the package with `npm pack` unless --package names an unpacked copy; deterministic).
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from topojson_centroids import decode_arcs, largest_centroid, npm_package  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default="crates/dateline-geo/data/geo/us-centroids.tsv")
    ap.add_argument("--counties", default="crates/dateline-geo/data/geo/us-counties.tsv")
    ap.add_argument("--package", help="an unpacked us-atlas 3.0.1 (default: npm pack it)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = a.package
        if not pkg:
            pkg = npm_package("us-atlas@3.0.1", tmp)
        states = json.load(open(os.path.join(pkg, "states-10m.json"), encoding="utf-8"))
        counties = json.load(open(os.path.join(pkg, "counties-10m.json"), encoding="utf-8"))
    postal = {}
    for line in open(a.counties, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        _name, state, fips = line.rstrip("\n").split("\t")[:3]
        postal[fips[:2]] = state
    rows = []
    arcs = decode_arcs(states)
    for g in states["objects"]["states"]["geometries"]:
        c = largest_centroid(arcs, g)
        if c and g.get("id") in postal:
            rows.append(("state", postal[g["id"]], c[1], c[0]))
    arcs = decode_arcs(counties)
    for g in counties["objects"]["counties"]["geometries"]:
        c = largest_centroid(arcs, g)
        if c and g.get("id"):
            rows.append(("county", g["id"], c[1], c[0]))
    rows.sort(key=lambda r: (r[0] != "state", r[1]))
    with open(a.o, "w", encoding="utf-8") as out:
        out.write("# US states and counties: kind<TAB>postal code or county FIPS<TAB>lat<TAB>lon, the area centroid\n")
        out.write("# of each one's largest polygon. From npm us-atlas 3.0.1 (ISC; US Census Bureau boundaries,\n")
        out.write("# public domain). Built by scripts/build_us_centroids.py.\n")
        for kind, code, lat, lon in rows:
            out.write(f"{kind}\t{code}\t{lat:.4f}\t{lon:.4f}\n")
    print(f"wrote {a.o}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
