#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench --bench annotate` run and the
ratios that BENCHMARKS.md reports (annotate/tag, full/pruned start-up)."""
import json, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"

def median(group, name):
    p = root / group / name / "new" / "estimates.json"
    if not p.exists():
        return None
    return json.loads(p.read_text())["median"]["point_estimate"]  # nanoseconds

def show(label, ns):
    print(f"{label:34} {'—' if ns is None else f'{ns / 1e6:10.3f} ms'}")

rows = [("construction", "engine_new"), ("construction", "jieba_full_dict_new"),
        ("article", "annotate"), ("article", "annotate_json"), ("article", "tag"),
        ("corpus", "annotate"), ("corpus", "tag")]
m = {r: median(*r) for r in rows}
for r in rows:
    show("/".join(r), m[r])

def ratio(label, a, b):
    if m[a] and m[b]:
        print(f"{label:34} {m[a] / m[b]:10.2f}×")

ratio("full dict / pruned start-up", ("construction", "jieba_full_dict_new"), ("construction", "engine_new"))
ratio("article annotate / tag", ("article", "annotate"), ("article", "tag"))
ratio("article annotate_json / tag", ("article", "annotate_json"), ("article", "tag"))
ratio("corpus annotate / tag", ("corpus", "annotate"), ("corpus", "tag"))
