"""Figures as an analyst reads them (notebook 03): values written out, the table to read first, provenance.

:func:`format_value` writes a figure the way a person reads it (298亿元, ≥10亿元, 20亿–30亿元),
:func:`figures_table` is the figures table with that column, and :func:`verify_offsets` counts per
document the rows whose offsets would not give back their text. Display only: the figures
themselves come from :mod:`zhaoshang.analyses.figures`.
"""
from __future__ import annotations

from decimal import Decimal

from zhaoshang.text.script import to_script

_QUAL_MARK = {"exact": "", "at_least": "≥", "more_than": ">", "approx": "≈", "at_most": "≤", "range": "", "vague": "~"}


def format_value(value, *, kind: str, unit: str | None, qualifier: str = "exact", value_high=None,
                 script: str = "simplified", digits: int | None = None) -> str:
    """A figure as a person reads it: 298亿元, ≥10亿元, 61个, 20亿–30亿元, >70项.

    Amounts are shown in 亿 (10⁸) from 1亿 up and in 万 (10⁴) from 1万 up, exactly (Decimal)."""
    import pandas as pd

    def scaled(v) -> str:
        v = Decimal(int(v)) if not isinstance(v, Decimal) else v
        for mag, div in (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
            if kind == "amount" and abs(v) >= div:
                q = (v / div)
                if digits is not None:
                    q = q.quantize(Decimal(1).scaleb(-digits))
                s = format(q.normalize(), "f")
                return f"{s}{mag}"
        return format(v.normalize(), "f")

    if value is None or (not isinstance(value, (int, Decimal)) and pd.isna(value)):
        return ""
    u = unit or ""
    text = scaled(value)
    if qualifier in ("range", "vague") and value_high is not None and not pd.isna(value_high):
        text = f"{text}–{scaled(value_high)}"
    out = f"{_QUAL_MARK.get(qualifier, '')}{text}{u}"
    return to_script(out, script) if script == "traditional" else out


def figures_table(figures, *, script: str = "simplified"):
    """The figures an analyst reads first: one row per figure with its value written out, what it
    measures, whose it is, where and when, and the relation to other figures."""
    import pandas as pd

    cols = ["doc_id", "figure_id", "text", "shown", "kind", "value", "qualifier", "metric", "subject",
            "place", "place_parents", "period_start", "period_end", "part_of", "distributive"]
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=cols)
    df = figures.copy()
    df["shown"] = [format_value(v, kind=k, unit=u, qualifier=q, value_high=h, script=script)
                   for v, k, u, q, h in zip(df["value"], df["kind"], df["unit"], df["qualifier"], df["value_high"])]
    return df[cols].reset_index(drop=True)


def verify_offsets(figures, docs) -> "pd.DataFrame":  # noqa: F821
    """For every document: how many figures, and how many whose ``body[start:end]`` is not their
    ``text`` (always 0 — a test guards it; shown so readers can check provenance themselves)."""
    import pandas as pd

    by_id = {d.doc_id: d for d in docs}
    rows = []
    for doc_id, g in figures.groupby("doc_id", sort=True):
        body = by_id[doc_id].body if doc_id in by_id else None
        bad = sum(1 for s, e, t in zip(g["start"], g["end"], g["text"]) if body is None or body[s:e] != t)
        rows.append({"doc_id": doc_id, "figures": len(g), "offsets_wrong": bad})
    return pd.DataFrame(rows, columns=["doc_id", "figures", "offsets_wrong"])
