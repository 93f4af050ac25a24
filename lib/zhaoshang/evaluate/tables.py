"""The document gold's scores shown: a Markdown table (README, scripts), a DataFrame (notebook 03), and
the list of what a system got wrong, for error analysis."""
from __future__ import annotations

from zhaoshang.evaluate.documents import evaluate_dev, in_passages, match_located
from zhaoshang.evaluate.fields import DEV_FIELDS, field_agrees

__all__ = ["dev_errors", "dev_markdown", "dev_table"]

_ROW_LABELS = {"detection": "detection", "value": "value (kind, value, value_high)", "qualifier": "qualifier",
               "currency": "currency (amounts)", "family": "metric family", "place": "place exact",
               "period": "period exact"}


def dev_markdown(result: dict, figures: str = "amounts+counts") -> str:
    """One Markdown table of ``evaluate_dev``'s result: a row per field, precision / recall / accuracy
    among matched pairs per system; n/a where a system gives no such field."""
    systems = [s for s in ("zhaoshang", "jionlp") if s in result]
    head = "| " + figures + " | " + " | ".join(f"{s} P | {s} R | {s} matched-acc" for s in systems) + " |"
    lines = [head, "|---|" + "---:|" * (3 * len(systems))]
    for field in ("detection",) + DEV_FIELDS:
        cells = []
        for s in systems:
            v = result[s][figures].get(field)
            cells += ["n/a"] * 3 if v is None else [f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['accuracy']:.3f}"]
        lines.append(f"| {_ROW_LABELS[field]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def dev_table(result: dict | None = None):
    """The development gold's scores as a table: one row per (figures scored, field), precision and
    recall per system in columns — what the README and notebook 03 show. ``result``: an
    :func:`evaluate_dev` result (computed here when None). Empty when the gold's documents
    (../shared/corpus, not shipped with the package) are not beside the checkout; ``attrs`` carry
    the gold's size (``gold_rows``, ``documents``)."""
    import pandas as pd

    from zhaoshang.paths import SHARED_CORPUS

    if result is None:
        if not SHARED_CORPUS.is_dir():
            return pd.DataFrame()
        result = evaluate_dev()
    systems = [s for s in ("zhaoshang", "jionlp") if s in result]
    rows = []
    for figures in ("amounts+counts", "amounts"):
        for field in ("detection",) + DEV_FIELDS:
            row = {"figures": figures, "field": _ROW_LABELS[field]}
            for s in systems:
                v = result[s][figures].get(field)
                row[f"precision {s}"] = None if v is None else v["precision"]
                row[f"recall {s}"] = None if v is None else v["recall"]
            rows.append(row)
    table = pd.DataFrame(rows).set_index(["figures", "field"])
    table.attrs.update(gold_rows=result["gold_rows"], documents=result["documents"])
    return table


def dev_errors(result: dict, system: str = "zhaoshang") -> list[dict]:
    """What ``system`` got wrong on the dev gold, for error analysis: gold figures it missed, predictions
    in labelled passages that match no gold figure, and matched pairs whose fields differ."""
    gold, pred = result["located"], in_passages(result["predictions"][system], result["located"])
    pairs = match_located(gold, pred)
    hit_g = {id(g) for g, _ in pairs}
    hit_p = {id(p) for _, p in pairs}
    out = [{"doc": g.doc, "what": "missed", "gold": g.row, "pred": None} for g in gold if id(g) not in hit_g]
    out += [{"doc": p.doc, "what": "extra", "gold": None, "pred": p.row} for p in pred if id(p) not in hit_p]
    for g, p in pairs:
        wrong = [f for f in DEV_FIELDS if field_agrees(f, g.row, p.row) is False]
        if wrong:
            out.append({"doc": g.doc, "what": ",".join(wrong), "gold": g.row, "pred": p.row})
    return out
