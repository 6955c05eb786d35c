#!/usr/bin/env python3
"""Sizes of the Rust sources: production lines per file (a `#[cfg(test)]` module and blank and
comment lines left out) and the longest functions (production code only).

Usage: scripts/code_size.py [--top 15] [--over 150] [ROOT]   (default: crates)
"""
import argparse, os, re, sys

FN = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+(\w+)")

def strip_strings(line):
    line = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
    line = re.sub(r"'(?:[^'\\]|\\.)'", "''", line)
    return line.split("//", 1)[0]

def scan(path):
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    prod, fns, depth, test_depth, pending_test = 0, [], 0, None, False
    stack = []  # (name, start line, depth at open)
    in_raw = False
    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        code = strip_strings(raw)
        if s.startswith("#[cfg(test)]"):
            pending_test = True
        in_test = test_depth is not None
        if not in_test and s and not s.startswith("//") and not pending_test:
            prod += 1
        m = FN.match(code)
        if m and not in_test and "{" in code or (m and not in_test and not code.rstrip().endswith(";")):
            if m and not in_test:
                stack.append((m.group(1), i, depth))
        for ch in code:
            if ch == "{":
                depth += 1
                if pending_test and test_depth is None:
                    test_depth = depth
                    pending_test = False
            elif ch == "}":
                if test_depth is not None and depth == test_depth:
                    test_depth = None
                depth -= 1
                while stack and stack[-1][2] == depth and stack[-1][1] <= i:
                    name, start, _ = stack.pop()
                    fns.append((i - start + 1, name, start))
                    break
        if pending_test and code.rstrip().endswith(";"):
            pending_test = False
    return prod, fns

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--over", type=int, default=150)
    ap.add_argument("root", nargs="?", default="crates")
    a = ap.parse_args()
    files, allfns = [], []
    for root, _, names in os.walk(a.root):
        if "/target" in root or "/tests" in root or "/benches" in root:
            continue
        for n in names:
            if n.endswith(".rs") and n != "tests.rs":
                p = os.path.join(root, n)
                prod, fns = scan(p)
                files.append((prod, p))
                allfns += [(l, name, p, s) for l, name, s in fns]
    files.sort(reverse=True)
    allfns.sort(reverse=True)
    total = sum(p for p, _ in files)
    print(f"production lines: {total} in {len(files)} files")
    print("largest files (production lines):")
    for prod, p in files[: a.top]:
        print(f"  {prod:6}  {p}")
    print("longest functions (lines):")
    for l, name, p, s in allfns[: a.top]:
        print(f"  {l:6}  {name}  {p}:{s}")
    print(f"functions over {a.over} lines: {sum(1 for f in allfns if f[0] > a.over)}; "
          f"over 100: {sum(1 for f in allfns if f[0] > 100)}; files over 1200: "
          f"{sum(1 for f in files if f[0] > 1200)}")

if __name__ == "__main__":
    sys.exit(main())
