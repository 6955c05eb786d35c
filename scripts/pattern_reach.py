#!/usr/bin/env python3
"""Which event patterns fire only on development records? (issue #21's audit of patterns)

Usage: pattern_reach.py DATELINE_BIN [OUT.json]

Codes the PLOVER development records and ~2,500 other documents (~55,000 sentences: PolNeAR
training texts, the VOA news, CoNLL-2003 train's non-sports documents, the texts of the geo
sets), all topics kept, and counts each pattern (`rule` of the events) by development records
and by events elsewhere. Prints the patterns that fire on exactly one development record and
nowhere else: written from that record, they are kept only when they paraphrase their CAMEO
category (say why in the pattern file), else deleted.
"""
import json, subprocess, sys, os, glob, collections, re
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BIN = sys.argv[1]
OUT = sys.argv[2] if len(sys.argv) > 2 else "/tmp/rule_counts.json"
def run(jsonl_text):
    p = subprocess.run([BIN, "code", "--all-topics", "--input-format", "jsonl", "--format", "jsonl", "-"], input=jsonl_text.encode(), capture_output=True)
    return [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
def rules(doc):
    return {e.get("rule") for e in doc.get("events") or [] if e.get("rule")}
# dev
recs = [r for r in json.load(open("../shared/data/events/plover_gsr_dev.json")) if r.get("text")]
dev = collections.Counter()
for o in run("".join(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("date") or "2000-01-01"}) + "\n" for r in recs)):
    for ru in rules(o): dev[ru] += 1
# other corpora
texts = []
d = "../shared/data/quotes/polnear-train/text"
for fn in sorted(os.listdir(d)):
    if fn.endswith(".txt"): texts.append(open(os.path.join(d, fn)).read())
for line in open("../shared/data/news/voa-stories.jsonl"):
    texts.append(json.loads(line).get("text") or "")
sys.path.insert(0, "../shared/eval"); import sports_events as se
texts += [t for t in se.docs("../shared/data/ner/eng.train") if not se.SPORT.match(t.split("\n")[0].strip())]
for x in glob.glob("../shared/data/geo/*.xml"):
    s = open(x, encoding="utf-8", errors="replace").read()
    texts += [re.sub(r"\s+", " ", t) for t in re.findall(r"<text>(.*?)</text>", s, re.S)]
other = collections.Counter(); nsent = 0
outs = run("".join(json.dumps({"id": str(i), "text": t, "published": "2010-01-01"}) + "\n" for i, t in enumerate(texts)))
for o in outs:
    nsent += len(o.get("sentences") or [])
    for e in o.get("events") or []:
        if e.get("rule"): other[e["rule"]] += 1
print(f"docs {len(outs)} sentences {nsent}", file=sys.stderr)
json.dump({"dev": dev, "other": other}, open(OUT, "w"))
only = sorted(r for r, c in dev.items() if c == 1 and other.get(r, 0) == 0)
print(f"{len(dev)} patterns fire on development records, {len(other)} elsewhere; {len(only)} on one record only:")
for r in only:
    print("  ", r)
