# timeline, network, places, export (jsonl) for a sample of filters: old vs new, byte for byte
import sys, urllib.request
old, new = sys.argv[1:3]
fs = ["actor=KEN", "source=KENGOV", "target=UGA&from=2020-03", "code=04", "code=1", "country=FRA", "country=FRA&quad=3",
      "from=2021-01-01&to=2021-01-31", "actor=KEN&country=UGA&code=11", "", "actor=Kenya"]
n = same = 0; diff = []
for f in fs:
    for ep in ["timeline?by=month&", "timeline?by=day&", "network?", "places?", "export?format=jsonl&limit=300&", "export?format=csv&limit=300&"]:
        p = f"/api/{ep}{f}"
        a = urllib.request.urlopen(old + p).read(); b = urllib.request.urlopen(new + p).read()
        n += 1; same += a == b
        if a != b: diff.append(p)
print(f"{n} answers, {same} identical; differing: {diff}")
