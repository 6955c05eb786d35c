#!/usr/bin/env python3
"""Build data/geo/us-centroids.tsv: a reference point for every US state and county.

Source: the npm package us-atlas 3.0.1 (ISC licence; TopoJSON of the US Census Bureau's
cartographic boundary files, which are public domain): `states-10m.json` and
`counties-10m.json`, in longitude/latitude. A division's point is the area centroid of its
largest polygon (the mainland of a state with islands), computed on a plane scaled by the
cosine of the polygon's mean latitude. State FIPS codes become postal codes through
data/geo/us-counties.tsv (a county's FIPS code starts with its state's).

Columns: kind (`state` or `county`)<TAB>code (postal code or 5-digit county FIPS)<TAB>lat<TAB>lon.

Usage: python3 scripts/build_us_centroids.py [-o data/geo/us-centroids.tsv] [--package DIR]
(fetches the package with `npm pack` unless --package names an unpacked copy; deterministic).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile


def decode_arcs(topo):
    """The arcs of a quantized TopoJSON topology as lists of (lon, lat)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if tr:
                x += p[0]
                y += p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0],
                            y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def ring(arcs, idxs):
    out = []
    for i in idxs:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def area_centroid(r):
    """(area, (lon, lat)) of a ring, planar with longitudes scaled by cos(mean latitude)."""
    lat0 = sum(p[1] for p in r) / len(r)
    k = math.cos(math.radians(lat0))
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
        x1, x2 = x1 * k, x2 * k
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    if a == 0:
        return 0.0, None
    return abs(a) / 2, (cx / (3 * a) / k, cy / (3 * a))


def largest_centroid(arcs, geom):
    polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom.get("arcs", []) if geom["type"] == "MultiPolygon" else []
    best = None
    for poly in polys:
        a, c = area_centroid(ring(arcs, poly[0]))
        if c and (best is None or a > best[0]):
            best = (a, c)
    return best[1] if best else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default="data/geo/us-centroids.tsv")
    ap.add_argument("--counties", default="data/geo/us-counties.tsv")
    ap.add_argument("--package", help="an unpacked us-atlas 3.0.1 (default: npm pack it)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = a.package
        if not pkg:
            subprocess.run(["npm", "pack", "us-atlas@3.0.1", "--pack-destination", tmp],
                           check=True, stdout=subprocess.DEVNULL)
            with tarfile.open(os.path.join(tmp, "us-atlas-3.0.1.tgz")) as t:
                t.extractall(tmp, filter="data")
            pkg = os.path.join(tmp, "package")
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
