#!/usr/bin/env python3
"""Pick corpus articles for a held-out quality set and write their texts
outside the repository (the corpus is never copied into the repo).

Usage: scripts/heldout-select.py OUT_DIR [--seed N] [--thucnews K] [--xwlb K] [--exclude DIR ...]

Articles are drawn at random (seeded, so a set can be re-created) from
../shared/corpus: thucnews articles of 450-2,200 characters with at least
three speech cues, one or two per category, and xinwenlianbo stories of
300-1,200 characters with at least two. Articles of the shared dev set and
of every --exclude directory are skipped. Gold annotations are then written
by hand into OUT_DIR/NAME.gold.json, following ../shared/eval/GUIDELINES.md,
before the engine is run on them (docs/quality.md describes the protocol).
"""
import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = ROOT.parent / "shared" / "eval" / "dev"
CUE = re.compile(r"表示|认为|指出|称|说|介绍|透露|强调|“")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--thucnews", type=int, default=16)
    ap.add_argument("--xwlb", type=int, default=7)
    ap.add_argument("--exclude", nargs="*", default=[])
    a = ap.parse_args()
    rng = random.Random(a.seed)
    used = {p.stem.replace(".gold", "") for p in DEV.glob("*.txt")}
    for d in a.exclude:
        used |= {p.stem for p in Path(d).glob("*.txt")}
    thuc = [json.loads(l) for l in open(CORPUS / "thucnews.jsonl", encoding="utf-8")]
    thuc = [d for d in thuc if d["id"] not in used and 450 <= len(d["text"]) <= 2200 and len(CUE.findall(d["text"])) >= 3]
    by_cat = {}
    for d in thuc:
        by_cat.setdefault(d["category"], []).append(d)
    for c in sorted(by_cat):
        rng.shuffle(by_cat[c])
    picks = []
    # Round-robin over categories until the quota is met: every kind of news.
    while len(picks) < a.thucnews and any(by_cat.values()):
        for c in sorted(by_cat):
            if by_cat[c] and len(picks) < a.thucnews:
                picks.append(by_cat[c].pop())
    xw = [json.loads(l) for l in open(CORPUS / "xinwenlianbo.jsonl", encoding="utf-8")]
    xw = [d for d in xw if d["id"] not in used and 300 <= len(d["text"]) <= 1200 and len(CUE.findall(d["text"])) >= 2]
    rng.shuffle(xw)
    picks += xw[: a.xwlb]
    out = Path(a.out_dir)
    if ROOT in out.resolve().parents or out.resolve() == ROOT:
        raise SystemExit("the held-out texts must stay outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    for d in picks:
        (out / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
        print(d["id"], d.get("category", ""), len(d["text"]))


if __name__ == "__main__":
    main()
