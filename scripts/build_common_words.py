#!/usr/bin/env python3
"""Build crates/dateline-nlp/data/nlp/common-words.txt: lower-case English words that news text writes in lower case
more often than capitalised mid-sentence. The entity recogniser uses it to tell a capitalised
common word at the start of a sentence ("Critics", "Since") from a name.

A statistic learned from the CoNLL-2003 English training text (word counts only; no text and no
labels are copied): `python3 scripts/build_common_words.py ../shared/data/ner/eng.train`.
"""
import sys
from collections import Counter

def main():
    path = sys.argv[1]
    lower, cap = Counter(), Counter()
    first = True
    for line in open(path, encoding="utf-8"):
        if line.startswith("-DOCSTART-") or not line.strip():
            first = True
            continue
        w = line.split()[0]
        if w.isalpha():
            if w.islower():
                lower[w] += 1
            elif w[0].isupper() and not first and not w.isupper():
                cap[w.lower()] += 1
        first = False
    words = sorted(w for w, n in lower.items() if n >= 2 and n > 2 * cap[w] and len(w) > 1)
    out = sys.argv[2] if len(sys.argv) > 2 else "crates/dateline-nlp/data/nlp/common-words.txt"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Lower-case English words (see scripts/build_common_words.py for how this list is made).\n")
        f.write("# Word counts learned from CoNLL-2003 English training text; no text or labels copied.\n")
        for w in words:
            f.write(w + "\n")
    print(len(words), "words ->", out)

if __name__ == "__main__":
    main()
