#!/usr/bin/env python3
"""Build crates/dateline-geo/data/geo/airports.tsv: the world's airports with an IATA code, by the names news uses.

Source: PyPI `airportsdata==20260905` (MIT; ICAO/IATA codes, names, served town, division,
country and coordinates of ~28,000 airports). Only airports with an IATA code are kept (the
ones with scheduled passenger service).

Usage (from the repository root, after scripts/build_gazetteer.py):
  python3 -m venv /tmp/ap && /tmp/ap/bin/pip install airportsdata==20260905
  /tmp/ap/bin/python scripts/build_airports.py ../shared/data/geo

Rows have the format of crates/dateline-geo/data/geo/places.tsv (docs/data-formats.md): no GeoNames id, feature
AIRP, the admin1 code of the airport's division where GeoNames' admin1 table names it, and as
population the population of the largest town of the airport's country that the airport is
named after or serves (an airport weighs as much as its town when a name is shared: "Heathrow"
in a London story). Alternate names: the name without its "International", without a parenthesis, without
the town opening it where that is the served town or a town of 100,000 ("Heathrow Airport",
"Pearson International Airport"), and for airports of cities of a million the bare name
("Heathrow", "O'Hare") where that is no town of 10,000 people, no division, country or
region, no common word and not a
generic word of airports' names. Deterministic: the same package gives a byte-identical file.
"""
import csv, os, sys, unicodedata

import airportsdata

GENERIC = {
    "international", "regional", "municipal", "county", "national", "memorial", "downtown",
    "central", "executive", "metropolitan", "city", "airport", "field", "airfield", "airstrip",
    "aerodrome", "air", "base", "station", "heliport", "seaplane", "intercontinental", "domestic",
    "north", "south", "east", "west", "new", "old", "general", "aviation", "lake", "river",
    "island", "bay", "harbour", "harbor", "port", "valley", "mountain", "state", "area", "tri",
    "airpark", "skypark", "glider", "mcas", "saab", "norte", "sur", "force", "army", "naval",
    "marine", "corps", "facility", "range", "test", "park", "village", "jetport", "trml", "ab",
    "afb", "seaplane", "inc", "pub", "community", "county,", "metro,",
}


def fold(s):
    """ASCII letters for accented ones ("Montréal" -> "Montreal")."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/geo"
    root = os.path.join(os.path.dirname(__file__), "..")
    out_path = os.path.join(root, "data", "geo", "airports.tsv")
    # ISO2 -> ISO3, and (ISO2, division name) -> admin1 code
    iso3 = {}
    for line in open(os.path.join(shared, "countryInfo.txt"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        iso3[f[0]] = f[1]
    adm1 = {}
    for line in open(os.path.join(shared, "admin1CodesASCII.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 3 or "." not in f[0]:
            continue
        cc, code = f[0].split(".", 1)
        for n in (f[1], f[2]):
            adm1.setdefault((cc, fold(n).lower()), code)
    # towns of the gazetteer: (ISO3, folded lower name) -> largest population; and the names
    # no bare airport name may take: every town of 10,000 people anywhere
    town_pop, taken = {}, set()
    for line in open(os.path.join(root, "data", "geo", "places.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 9 or not f[5].startswith("PPL"):
            continue
        pop = int(f[8] or 0)
        for n in [f[1]] + [a for a in f[2].split("|") if a]:
            k = (f[6], fold(n).lower())
            town_pop[k] = max(town_pop.get(k, 0), pop)
            if pop >= 10_000:
                taken.add(fold(n).lower())
    # ... and every name of a division, country or region ("Provence", "Bahrain", "Loire")
    for line in open(os.path.join(root, "data", "geo", "places.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(f) >= 9 and f[5].startswith("ADM"):
            taken.update(fold(n).lower() for n in [f[1]] + f[2].split("|") if n)
    for file, cols in (("countries.tsv", (2, 3)), ("regions.tsv", (0, 1))):
        for line in open(os.path.join(root, "data", "geo", file), encoding="utf-8"):
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            for c in cols:
                if c < len(f):
                    taken.update(fold(n).lower() for n in f[c].split("|") if n)
    common = set()
    for line in open(os.path.join(root, "data", "nlp", "common-words.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            common.add(line.strip().lower())

    rows = []
    for a in airportsdata.load("IATA").values():
        cc, name, city = a["country"], a["name"].strip(), a["city"].strip()
        if cc not in iso3 or not name:
            continue
        lat, lon = float(a["lat"]), float(a["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        c3 = iso3[cc]
        admin = adm1.get((cc, fold(a["subd"]).lower()), "")
        # "Ottawa / Macdonald-Cartier International Airport": the part after the slash
        base = name.split(" / ")[-1].strip()
        # "Long Beach (Daugherty Field) Airport": also without the parenthesis
        if "(" in base and ")" in base:
            bare_base = (base[: base.index("(")].rstrip() + " " + base[base.index(")") + 1 :].lstrip()).strip()
            if bare_base.lower() not in ("airport", "international airport"):
                base = bare_base
        if base.lower() in ("airport", "international airport"):
            base = name.replace(" / ", " ")
        names = [name, base]
        # the town opening the name ("London Heathrow Airport", "Toronto Pearson …",
        # "Montréal-Pierre Elliott Trudeau …"), when it is the served town or a town of the
        # country; its population weighs the airport
        pop = town_pop.get((c3, fold(city).lower()), 0)
        words = base.replace("-", " - ").split()
        # (not where the name before "Airport" is itself a town: "San Carlos De Bariloche")
        whole = base
        for tail in (" International Airport", " Airport"):
            if whole.endswith(tail):
                whole = whole[: -len(tail)]
                break
        for n in (3, 2, 1) if (c3, fold(whole).lower()) not in town_pop else ():
            head = " ".join(words[:n]).replace(" - ", "-")
            rest = words[n:]
            if rest and rest[0] == "-":
                rest = rest[1:]
            key = (c3, fold(head).lower())
            substantive = [w for w in rest if w.lower() not in GENERIC and w != "-"]
            # (a town of 100,000 people or the served town: not "Gerald" of "Gerald R Ford")
            served = fold(head).lower() == fold(city).lower()
            if (
                len(words) > n
                and key in town_pop
                and (served or town_pop[key] >= 100_000)
                and substantive
                and substantive[0][0].isupper()
            ):
                pop = max(pop, town_pop[key])
                names.append(" ".join(rest).replace(" - ", "-"))
                break
        # "Amsterdam Airport Schiphol": "Schiphol Airport"
        for n in list(names):
            if " Airport " in n and not n.endswith(" Airport"):
                names.append(n.split(" Airport ", 1)[1] + " Airport")
        more = []
        for n in names:
            if n.endswith(" International Airport"):
                more.append(n[: -len(" International Airport")] + " Airport")
        names += more
        # the bare name: what is left of the shortest name without "Airport"
        shortest = min(names, key=len)
        core = shortest
        for tail in (" International Airport", " Airport"):
            if core.endswith(tail):
                core = core[: -len(tail)]
                break
        cw = core.split()
        # (only for airports of cities of a million: "Heathrow", "O'Hare", not "Ford", "Hood")
        if (
            pop >= 1_000_000
            and core != shortest
            and 1 <= len(cw) <= 3
            and len(core) >= 4
            and core[0].isupper()
            and not any(ch in core for ch in "/()0123456789")
            and all(w[0].isupper() for w in cw if w.isalpha() and len(w) > 3)
            and not any(w.lower() in GENERIC for w in cw)
            and fold(core).lower() not in taken
            and fold(core).lower() != fold(city).lower()
            and (c3, fold(core).lower()) not in town_pop
            and not (len(cw) == 1 and core.lower() in common)
        ):
            names.append(core)
        seen, alts = {name}, []
        for n in names[1:] + [fold(n) for n in names]:
            if n not in seen and n.strip():
                seen.add(n)
                alts.append(n.replace("\t", " "))
        rows.append((name, "|".join(alts), f"{lat:.4f}", f"{lon:.4f}", c3, admin, str(pop), a["iata"]))
    rows.sort(key=lambda r: (r[4], r[0], r[7]))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# dateline airports (format of places.tsv: geonameid, name, alternate names, lat, lon, feature, iso3,\n")
        out.write("# admin1, population of the town it serves). PyPI airportsdata 20260905 (MIT), airports with an\n")
        out.write("# IATA code; admin1 codes from GeoNames admin1CodesASCII.txt (CC BY 4.0). Built by scripts/build_airports.py.\n")
        for name, alts, lat, lon, c3, admin, pop, _ in rows:
            out.write("\t".join(["", name, alts, lat, lon, "AIRP", c3, admin, pop]) + "\n")
    print(f"{len(rows)} airports")


if __name__ == "__main__":
    main()
