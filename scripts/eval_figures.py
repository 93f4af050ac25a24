"""Precision and recall of zhaoshang's figure extraction and of JioNLP's extract_money, side by side.

Usage:  .venv/bin/python scripts/eval_figures.py [--errors]

The gold set is lib/zhaoshang/resources/gold/figures_gold.jsonl (rules in its README.md). JioNLP reads the
Simplified text (it cannot read Traditional) and only extracts money, so it is scored on all figures
and on amounts alone. "value" matches kind, value, value_high and currency; "value+qualifier" also
needs the qualifier (exact / at_least / more_than / approx / at_most / range).
"""
from __future__ import annotations

import sys

from zhaoshang.evaluate import errors, evaluate, load_gold


def main(argv: list[str]) -> int:
    import pandas as pd

    gold = load_gold()
    n_fig = sum(len(g["figures"]) for g in gold)
    print(f"gold: {len(gold)} sentences, {n_fig} figures "
          f"({sum(f['kind'] == 'amount' for g in gold for f in g['figures'])} amounts)\n")
    table = evaluate(gold)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        for split in ("all", "dev", "heldout"):
            sub = gold if split == "all" else [g for g in gold if g.get("split") == split]
            t = table if split == "all" else evaluate(sub)
            print(f"== {split} ({len(sub)} sentences)")
            print(t.pivot_table(index=["figures", "match"], columns="system",
                                values=["precision", "recall"], sort=False).round(3).to_string())
            print()
    if "--errors" in argv:
        for system in ("zhaoshang", "jionlp"):
            print(f"== {system}: sentences with differences")
            for e in errors(gold, system):
                print(f"  #{e['id']} {e['sentence'][:60]}…")
                for k in e["missing"]:
                    print(f"     missing {k.kind} {k.value} {k.qualifier}")
                for k in e["extra"]:
                    print(f"     extra   {k.kind} {k.value} {k.qualifier}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
