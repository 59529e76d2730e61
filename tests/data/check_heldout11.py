"""Check heldout11 gold files: JSON validity, required fields, verbatim evidence."""
import json, pathlib, sys, collections
base = pathlib.Path(__file__).parent
A, G = base / "articles_heldout11", base / "articles_heldout11_gold"
REQ = {"doc", "type", "actor", "evidence", "date", "modality", "attributes"}
TYPES = {"pledge", "refusal", "warning", "meeting"}
errs = 0; counts = collections.Counter(); per = {}
for g in sorted(G.glob("*.jsonl")):
    text = (A / (g.stem + ".txt")).read_text(encoding="utf-8")
    c = collections.Counter()
    for i, line in enumerate(g.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except Exception as e:
            print(g.name, i, "bad json", e); errs += 1; continue
        miss = REQ - o.keys()
        if miss: print(g.name, i, "missing", miss); errs += 1
        if o.get("doc") != g.stem: print(g.name, i, "doc mismatch"); errs += 1
        if o.get("type") not in TYPES: print(g.name, i, "bad type"); errs += 1
        if (o.get("type") == "meeting") != (o.get("modality") is None): print(g.name, i, "modality"); errs += 1
        if o.get("modality") not in (None, "firm", "conditional", "tentative"): print(g.name, i, "bad modality"); errs += 1
        if not isinstance(o.get("actor"), list) or not o["actor"]: print(g.name, i, "actor"); errs += 1
        for ev in o.get("evidence", []):
            if ev not in text: print(g.name, i, "evidence not in text:", ev); errs += 1
        d = o.get("date")
        if d is not None and not (len(d) in (4, 7, 10) and d[:4].isdigit()): print(g.name, i, "date", d); errs += 1
        c[o.get("type")] += 1
    per[g.stem] = c; counts += c
for k, c in per.items(): print(k, sum(c.values()), dict(c))
print("articles", len(per), "claims", sum(counts.values()), dict(counts), "errors", errs)
sys.exit(1 if errs else 0)
