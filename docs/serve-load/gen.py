import json, random
random.seed(7)
countries = ["Kenya","Uganda","Ethiopia","Somalia","Sudan","Egypt","Libya","Nigeria","Ghana","Mali","France","Germany","Russia","Ukraine","China","India","Pakistan","Iran","Turkey","Brazil"]
verbs = [("accused","of violating the ceasefire"),("criticised","over the border dispute"),("met officials from","to discuss trade"),("attacked positions of","near the border"),("praised","for its mediation"),("threatened","with sanctions"),("signed an agreement with","on energy"),("expelled diplomats from","after the incident"),("urged","to release the prisoners"),("condemned","for the raid")]
with open("/tmp/load/articles.jsonl","w") as f:
    for i in range(100000):
        a,b = random.sample(countries,2)
        v,tail = random.choice(verbs)
        y = random.choice([2019,2020,2021]); m = random.randint(1,12); d = random.randint(1,28)
        text = f"{a} {v} {b} {tail} on Monday, officials said. The government of {a} said talks would continue."
        f.write(json.dumps({"id": f"a{i}", "url": f"https://news.example.org/{i}", "title": f"{a} and {b}", "text": text, "published": f"{y}-{m:02d}-{d:02d}"})+"\n")
