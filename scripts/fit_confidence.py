#!/usr/bin/env python3
"""Fit the weights of calibrated event confidence on judged events, and show its reliability.

Usage:
  fit_confidence.py DATELINE_BIN [--judged eval/voa-events/judgements.tsv]
                    [--stories ../shared/data/news/voa-stories.jsonl]
                    [--write crates/dateline-code/data/events/confidence.tsv] [--l2 3.0]

The binary codes the judged stories with `--explain`, which lists each event's confidence
features (crates/dateline-code/src/events/confidence.rs). Each event is matched to its
judgement by article, trigger span, CAMEO code, source and target; an event is "right" when
its type is right and neither actor it names is wrong (eval/voa-events/README.md). Events
nobody judged (the coder changed since) are counted and left out.

The model is an L2-regularised logistic regression, fitted by Newton's method. Its reliability
is measured out of fold: the stories are split in two by a fixed rule (CRC-32 of the story id
even or odd), weights fitted on one half score the other, and the table pools both halves'
held-out predictions — the figures a user can expect on news neither the rules nor the
weights were made from. With --write, the weights fitted on all judged events are written.
"""
import json, math, os, subprocess, sys, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arg(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def actor_key(a):
    """An actor as the judgements key it: its byte span and code ("617:619|SYRGOV"), no text."""
    if not a:
        return "-"
    span = lambda x: "" if x is None else str(x)
    return f"{span(a.get('start'))}:{span(a.get('end'))}|{a.get('code') or ''}"


def event_key(article, e):
    t = e.get("trigger") or [-1, -1]
    return (str(article), t[0], t[1], e["cameo"], actor_key(e.get("source")), actor_key(e.get("target")))


def load_judged(path):
    judged = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            key = (r["article"], int(r["trigger_start"]), int(r["trigger_end"]), r["cameo"], r["source"], r["target"])
            judged[key] = r
    return judged


def right(r):
    """None when undecided, else whether the event is right as coded."""
    vals = (r["type_ok"], r["source_ok"], r["target_ok"])
    if "?" in vals:
        return None
    return r["type_ok"] == "Y" and r["source_ok"] != "N" and r["target_ok"] != "N"


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c] != 0.0:
                k = m[r][c] / m[c][c]
                for j in range(c, n + 1):
                    m[r][j] -= k * m[c][j]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(rows, names, l2):
    """rows: (feature set, label). Returns weights by name (bias unpenalised)."""
    idx = {n: i for i, n in enumerate(names)}
    xs = [[idx[f] for f in fs if f in idx] for fs, _ in rows]
    ys = [1.0 if y else 0.0 for _, y in rows]
    n = len(names)
    w = [0.0] * n
    for _ in range(50):
        g = [0.0] * n
        h = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, ys):
            z = sum(w[i] for i in x)
            p = 1.0 / (1.0 + math.exp(-z))
            for i in x:
                g[i] += p - y
                for j in x:
                    h[i][j] += p * (1 - p)
        for i, name in enumerate(names):
            if name != "bias":
                g[i] += l2 * w[i]
                h[i][i] += l2
            h[i][i] += 1e-9
        step = solve(h, g)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return dict(zip(names, w))


def prob(w, fs):
    z = sum(w.get(f, 0.0) for f in fs)
    return round(1.0 / (1.0 + math.exp(-z)), 2)


def table(pairs, title):
    """pairs: (confidence, right). Prints a reliability table; returns ECE and Brier."""
    edges = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
    print(f"\n{title}")
    print(f"{'confidence':>11} {'events':>7} {'mean conf':>9} {'right':>6}")
    ece = 0.0
    for lo, hi in zip(edges, edges[1:]):
        b = [(c, y) for c, y in pairs if lo <= c < hi]
        if not b:
            continue
        mc = sum(c for c, _ in b) / len(b)
        acc = sum(1 for _, y in b if y) / len(b)
        ece += len(b) / len(pairs) * abs(mc - acc)
        print(f"{lo:>5.2f}-{min(hi, 1.0):<5.2f} {len(b):>7} {mc:>9.3f} {acc:>6.3f}")
    brier = sum((c - (1.0 if y else 0.0)) ** 2 for c, y in pairs) / len(pairs)
    share = sum(1 for _, y in pairs if y) / len(pairs)
    print(f"events {len(pairs)}, right {share:.3f}, ECE {ece:.3f}, Brier {brier:.3f}, AUC {auc(pairs):.3f}")
    return ece, brier


def auc(pairs):
    """The chance that a right event has a higher confidence than a wrong one (ties half)."""
    pos = [c for c, y in pairs if y]
    neg = [c for c, y in pairs if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main():
    binary = sys.argv[1]
    judged_path = arg("--judged", os.path.join(ROOT, "eval/voa-events/judgements.tsv"))
    stories = arg("--stories", os.path.join(ROOT, "../shared/data/news/voa-stories.jsonl"))
    l2 = float(arg("--l2", "3.0"))
    judged = load_judged(judged_path)
    p = subprocess.run([binary, "code", "--explain", "--input-format", "jsonl", "--format", "jsonl", stories],
                       capture_output=True, check=True)
    rows = []  # (story, features, right, confidence as output)
    unjudged = undecided = 0
    for line in p.stdout.decode("utf-8").splitlines():
        o = json.loads(line)
        terms = (o.get("explain") or {}).get("events") or []
        for e, t in zip(o.get("events") or [], terms):
            r = judged.get(event_key(o["id"], e))
            if r is None:
                unjudged += 1
                continue
            y = right(r)
            if y is None:
                undecided += 1
                continue
            rows.append((str(o["id"]), [f["feature"] for f in t["features"]], y, e["confidence"]))
    print(f"judged events matched {len(rows)}, not judged {unjudged}, undecided {undecided}")
    names = sorted({f for _, fs, _, _ in rows for f in fs}, key=lambda n: (n != "bias", n))
    fold = lambda s: zlib.crc32(s.encode("utf-8")) % 2
    held_out = []
    for k in (0, 1):
        train = [(fs, y) for s, fs, y, _ in rows if fold(s) != k]
        w = fit(train, names, l2)
        test = [(prob(w, fs), y) for s, fs, y, _ in rows if fold(s) == k]
        table(test, f"fitted on half {'ab'[1 - k]}, scored on half {'ab'[k]}")
        held_out += test
    table(held_out, "both halves, each scored by weights fitted on the other (out of fold)")
    table([(c, y) for _, _, y, c in rows], "the binary's own confidence (in-sample if its weights were fitted on these)")
    w = fit([(fs, y) for _, fs, y, _ in rows], names, l2)
    print("\nweights fitted on all judged events:")
    for n in names:
        print(f"  {n:<28} {w[n]:+.3f}")
    out = arg("--write", None)
    if out:
        import re
        text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
        listed = [l.split("\t")[0] for l in text.splitlines() if l and not l.startswith("#")]
        every = listed or names
        with open(out, "w", encoding="utf-8") as f:
            f.write("# Weights of calibrated event confidence (crates/dateline-code/src/events/confidence.rs):\n")
            f.write("# feature<TAB>weight; confidence = 1 / (1 + e^-(sum of the weights of the event's features)).\n")
            f.write(f"# Fitted by scripts/fit_confidence.py (L2 {l2}) on {len(rows)} judged events of\n")
            f.write("# eval/voa-events/judgements.tsv (Voice of America stories, public domain; see its README).\n")
            f.write("# A feature that no judged event had weighs 0.\n")
            for n in every + [n for n in names if n not in every]:
                f.write(f"{n}\t{w.get(n, 0.0):.4f}\n")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
