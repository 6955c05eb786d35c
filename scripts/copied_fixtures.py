#!/usr/bin/env python3
"""Find test fixtures copied from the gold data: string literals in the project's Rust sources and
test texts that share a run of N (default 6) words with a development or training text in
../shared/data. Tests must be in our own words (the gold texts are copyrighted, and copied cases
teach to the test).

A run that occurs three or more times in the gold texts is an idiom ("the second half of the
year"), not a copied sentence, and is not reported (--common sets the count).

Usage: scripts/copied_fixtures.py [--n 6] [--common 3] [--shared ../shared] [PATHS...]
       (default: crates examples)
Prints `file:line: "six words" (corpus)` per copied literal; exits 1 if any, 0 if none, and 0 with
a note when the shared data is absent (a user's clone).
"""
import argparse, glob, json, os, re, sys

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
TAG = re.compile(r"<[^>]*>")

def words(text):
    return WORD.findall(text.lower())

def grams(ws, n):
    return (" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1))

def json_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from json_strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from json_strings(v)

def xml_text(path):
    """The text of an XML file (entities decoded); a tag regex would swallow text after a
    stray `<`."""
    import xml.etree.ElementTree as ET
    try:
        return " ".join(ET.parse(path).getroot().itertext())
    except ET.ParseError:
        return TAG.sub(" ", open(path, encoding="utf-8", errors="replace").read())

def corpus_texts(shared):
    d = os.path.join(shared, "data")
    for path in glob.glob(os.path.join(d, "quotes", "polnear-*", "text", "*.txt")):
        yield "polnear", open(path, encoding="utf-8", errors="replace").read()
    for path in glob.glob(os.path.join(d, "temporal", "**", "*.tml"), recursive=True):
        yield "tbaq", TAG.sub(" ", open(path, encoding="utf-8", errors="replace").read())
    for name in ("TR-News.xml", "lgl.xml", "GeoVirus.xml"):
        path = os.path.join(d, "geo", name)
        if os.path.exists(path):
            yield name, xml_text(path)
    for name in ("eng.train", "eng.testa"):
        path = os.path.join(d, "ner", name)
        if os.path.exists(path):
            toks = []
            for line in open(path, encoding="utf-8", errors="replace"):
                parts = line.split()
                if parts and not parts[0].startswith("-DOCSTART-"):
                    toks.append(parts[0])
                elif not parts:
                    toks.append("\n")
            yield name, " ".join(toks)
    for path in glob.glob(os.path.join(d, "events", "*.json")):
        data = json.load(open(path, encoding="utf-8"))
        yield "plover", "\n".join(json_strings(data))
    for path in glob.glob(os.path.join(d, "extraction", "*", "html", "*")):
        yield "aeb", TAG.sub(" ", open(path, encoding="utf-8", errors="replace").read())
    for path in glob.glob(os.path.join(shared, "seeds", "*.txt")):
        yield "seed", open(path, encoding="utf-8", errors="replace").read()

CHAR = re.compile(r"'(?:[^'\\\n]|\\.)'")
LIT = re.compile(r'r(#*)"(.*?)"\1|"((?:[^"\\]|\\.)*)"', re.S)

def literals(path):
    src = open(path, encoding="utf-8", errors="replace").read()
    if path.endswith(".rs"):
        # char literals first ('"', '\''): a quote inside one would flip every string after it
        src = CHAR.sub(lambda m: "'" + " " * (len(m.group(0)) - 2) + "'", src)
        for m in LIT.finditer(src):
            text = m.group(2) if m.group(2) is not None else m.group(3)
            yield src.count("\n", 0, m.start()) + 1, text.replace("\\n", "\n")
    else:
        for i, line in enumerate(src.splitlines(), 1):
            yield i, line

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=6)
    ap.add_argument("--common", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("paths", nargs="*", default=["crates", "examples"])
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.shared, "data")):
        print(f"no shared data at {a.shared}: nothing to compare with")
        return 0
    files = []
    for p in a.paths:
        if os.path.isfile(p):
            files.append(p)
        for root, _, names in os.walk(p):
            files += [os.path.join(root, f) for f in sorted(names)
                      if f.endswith((".rs", ".txt", ".md")) and "/target/" not in root]
    # Only the n-grams of our literals are looked up, so the corpus is streamed once.
    ours = {}
    for f in files:
        for line, text in literals(f):
            for g in grams(words(text), a.n):
                ours.setdefault(g, []).append((f, line))
    found, seen = {}, {}
    for name, text in corpus_texts(a.shared):
        for g in grams(words(text), a.n):
            if g in ours:
                found.setdefault(g, name)
                seen[g] = seen.get(g, 0) + 1
    hits = {}
    for g, corpus in found.items():
        if seen[g] >= a.common:
            continue
        for f, line in ours[g]:
            hits.setdefault((f, line), (g, corpus))
    for (f, line), (g, corpus) in sorted(hits.items()):
        print(f'{f}:{line}: "{g}" ({corpus})')
    print(f"{len(hits)} literals share a run of {a.n} words with the gold data", file=sys.stderr)
    return 1 if hits else 0

if __name__ == "__main__":
    sys.exit(main())
