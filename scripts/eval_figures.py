"""Precision and recall of zhaoshang's figure extraction and of JioNLP's extract_money, side by side.

Usage:  .venv/bin/python scripts/eval_figures.py [--errors] [--dev-only] [--dev-errors] [--check]

Two gold sets. The sentence gold (below) and the development gold of whole documents,
lib/zhaoshang/resources/gold/figures_dev.jsonl (over 300 figures from ../shared/corpus, read by hand; guide
in the gold README): every figure of the labelled passages, each with value, qualifier, currency, metric
family, place and period. On it a prediction matches a gold figure of the same document when their spans
overlap; only predictions inside labelled passages count. Printed as Markdown: P = correct / predictions,
R = correct / gold, matched-acc = correct among matched pairs; ``--check`` adds the same tables on
the check sets (resources/gold/figures_check_*.jsonl, held-out documents); n/a where a system gives no such field
(JioNLP has no metric family; zhaoshang's family column comes with the periods work).

The gold set is lib/zhaoshang/resources/gold/figures_gold.jsonl (rules in its README.md). JioNLP reads the
Simplified text (it cannot read Traditional) and only extracts money, so it is scored on all figures
and on amounts alone. "value" matches kind, value, value_high and currency; "value+qualifier" also
needs the qualifier (exact / at_least / more_than / approx / at_most / range).
"""
from __future__ import annotations

import sys

from zhaoshang.evaluate import (CHECK_GOLD, dev_errors, dev_markdown, errors, evaluate, evaluate_dev,
                                load_check_gold, load_gold)


def main(argv: list[str]) -> int:
    if "--dev-only" not in argv:
        sentence_gold(argv)
    dev = evaluate_dev()
    print(f"== development gold: {dev['gold_rows']} figures in {dev['documents']} documents"
          f" ({len(dev['lost'])} not found in their document)\n")
    for figures in ("amounts+counts", "amounts"):
        print(dev_markdown(dev, figures))
        print()
    if "--check" in argv:
        for name in CHECK_GOLD:  # each labelled for its own fields first (gold README)
            check = evaluate_dev(load_check_gold(name))
            print(f"== check set {name}: {check['gold_rows']} figures in {check['documents']} documents"
                  f" ({len(check['lost'])} not found in their document)\n")
            print(dev_markdown(check, "amounts+counts"))
            print()
    if "--dev-errors" in argv:
        for e in dev_errors(dev, "zhaoshang"):
            g, p = e["gold"] or {}, e["pred"] or {}
            print(f"  {e['doc']}  {e['what']}: gold {g.get('text')} {g.get('value')} {g.get('qualifier')} "
                  f"{g.get('currency')} {g.get('place')} {g.get('period_start')}..{g.get('period_end')} | "
                  f"pred {p.get('text')} {p.get('value')} {p.get('qualifier')} {p.get('currency')} "
                  f"{p.get('place')} {p.get('period_start')}..{p.get('period_end')}")
    return 0


def sentence_gold(argv: list[str]) -> None:
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


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
