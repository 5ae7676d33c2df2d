#!/usr/bin/env python3
"""Score pizhu's entities on CLUENER2020 dev (exact span match, per type).

Usage: scripts/eval-cluener.py [--bin target/release/pizhu] [--data PATH] [--limit N] [--show TYPE]

Runs `pizhu annotate --jsonl` once over all sentences and compares:
  name -> person, position -> position,
  company -> organization/company, government -> organization/government,
  organization -> organization (other/media/unknown subkind),
  and all three organization types together against every predicted organization.
Reference (CLUENER2020 BERT-base baseline F1): name 0.77, company 0.69, position 0.72,
organization 0.54, government 0.80 (as published).
"""
import argparse
import json
import subprocess
import sys
from collections import defaultdict

BASELINE = {"name": 0.77, "company": 0.69, "position": 0.72, "organization": 0.54}


def u16_to_cp(text):
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return table


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/pizhu")
    ap.add_argument("--data", default="/work/shared/corpus/ner/cluener2020.dev.jsonl")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", help="print misses and false positives of this row (person, position, org, ...)")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.data, encoding="utf-8") if l.strip()]
    if a.limit:
        rows = rows[: a.limit]
    inp = "".join(json.dumps({"id": i, "text": r["text"]}, ensure_ascii=False) + "\n" for i, r in enumerate(rows))
    out = subprocess.run([a.bin, "annotate", "--jsonl"], input=inp.encode("utf-8"), capture_output=True, check=True)
    preds = {}
    for line in out.stdout.decode("utf-8").splitlines():
        o = json.loads(line)
        preds[o["id"]] = (o.get("annotation") or {}).get("entities", [])

    # evaluation rows: name -> (gold types, predicate on a predicted entity)
    def is_org(e, subs=None):
        return e["kind"] == "organization" and (subs is None or e.get("subkind") in subs)

    evals = {
        "person": (["name"], lambda e: e["kind"] == "person"),
        "position": (["position"], lambda e: e["kind"] == "position"),
        "company": (["company"], lambda e: is_org(e, {"company"})),
        "government": (["government"], lambda e: is_org(e, {"government"})),
        "organization": (["organization"], lambda e: is_org(e, {"other", "media", None})),
        "org (all 3)": (["company", "government", "organization"], lambda e: is_org(e)),
    }
    counts = defaultdict(lambda: [0, 0, 0])
    shown = []
    for i, r in enumerate(rows):
        text = r["text"]
        cp = u16_to_cp(text)
        ents = preds.get(i, [])
        for name, (gtypes, pred_ok) in evals.items():
            gold = set()
            for t in gtypes:
                for mention, spans in r.get("label", {}).get(t, {}).items():
                    for s, e in spans:
                        gold.add((s, e + 1))
            pred = set()
            for e in ents:
                if pred_ok(e) and 0 <= e["start"] <= e["end"] < len(cp):
                    pred.add((cp[e["start"]], cp[e["end"]]))
            c = counts[name]
            c[0] += len(gold & pred)
            c[1] += len(pred - gold)
            c[2] += len(gold - pred)
            if a.show == name:
                miss = [text[s:e] for s, e in gold - pred]
                fp = [text[s:e] for s, e in pred - gold]
                if miss or fp:
                    shown.append(f"{text}\n    MISS {miss}  FP {fp}")
    for s in shown[:200]:
        print(s)
    print(f"{'type':14} {'P':>6} {'R':>6} {'F1':>6}  baseline F1   (tp/fp/fn)")
    for name in evals:
        tp, fp, fn = counts[name]
        p, r, f = prf(tp, fp, fn)
        base = BASELINE.get({"person": "name"}.get(name, name))
        print(f"{name:14} {p:6.3f} {r:6.3f} {f:6.3f}  {base if base else '':>11}   ({tp}/{fp}/{fn})")


if __name__ == "__main__":
    sys.exit(main())
