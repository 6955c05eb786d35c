# EXPLAIN QUERY PLAN of the page-id query and the count, as the old and the new store code write
# them, run through a dateline binary (its bundled SQLite): python3 plans.py BIN DB old|new
import subprocess, sys
BIN, DB, which = sys.argv[1:4]
def q(s): return "'" + s + "'"
def nxt(p): return p[:-1] + chr(ord(p[-1]) + 1)
def actor(side, p, new):
    r = f"({side}_code >= {q(p)} AND {side}_code < {q(nxt(p))})"
    return f"(substr({side}_code, 1, 3) = {q(p[:3])} AND {r})" if new else r
def code(c, new):
    r = f"(cameo >= {q(c)} AND cameo < {q(nxt(c))})"
    return f"(substr(cameo, 1, 2) = {q(c[:2])} AND {r})" if new and len(c) >= 2 else r
def country(c): return [f"source_country = {q(c)}", f"target_country = {q(c)}", f"place_country = {q(c)}"]
def dates(a, b, a367):
    return [f"(last_day >= {q(a)} AND first_day >= {q(a367)})", f"(first_day <> '' AND first_day <= {q(b)})"]
D = dates("2020-03-01", "2020-03-31", "2019-02-28")
def cases(new):
    either = lambda p: [actor("source", p, new), actor("target", p, new)]
    return [
      ("source=KEN", [actor("source","KEN",new)], None),
      ("target=KENGOV", [actor("target","KENGOV",new)], None),
      ("actor=KEN", ["(" + " OR ".join(either("KEN")) + ")"], (0, either("KEN"))),
      ("code=11", [code("11",new)], None),
      ("country=FRA", ["(" + " OR ".join(country("FRA")) + ")"], (0, country("FRA"))),
      ("from=2020-03-01&to=2020-03-31", D, None),
      ("source=KEN&from&to", [actor("source","KEN",new)] + D, None),
      ("actor=KEN&from&to", ["(" + " OR ".join(either("KEN")) + ")"] + D, (0, either("KEN"))),
      ("code=11&from&to", [code("11",new)] + D, None),
      ("country=FRA&from&to", ["(" + " OR ".join(country("FRA")) + ")"] + D, (0, country("FRA"))),
      ("source=KEN&cursor", [actor("source","KEN",new), "(first_day, id) < ('2020-03-15', 9000000000000000000)"], None),
    ]
order = "ORDER BY first_day DESC, id DESC"
for name, clauses, split in cases(which == "new"):
    cond = " AND ".join(clauses)
    if which == "new" and split:
        i, alts = split
        arms = [" AND ".join(clauses[:i] + [a] + clauses[i+1:]) for a in alts]
        page = "SELECT id FROM (" + " UNION ".join(f"SELECT first_day, id FROM events WHERE {a}" for a in arms) + f" {order} LIMIT 51)"
    else:
        page = f"SELECT id FROM events WHERE {cond} {order} LIMIT 51"
    count = f"SELECT count(*) FROM events WHERE {cond}"
    for kind, sql in (("page", page), ("count", count)):
        out = subprocess.run([BIN, "query", "--db", DB, "--sql", "EXPLAIN QUERY PLAN " + sql, "--format", "csv"], capture_output=True, text=True)
        rows = [l.split(",", 3)[-1] for l in out.stdout.strip().splitlines()[1:]]
        print(f"{name} [{kind}]: " + " | ".join(rows) + (out.stderr.strip() and " ERR " + out.stderr.strip()))
