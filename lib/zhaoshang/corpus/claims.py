"""Claims: one reported figure, however many stories repeat it.

Ten portals carrying one press release about a 298亿元 signing give ten figures rows; they are
ten pieces of evidence for **one claim**. :func:`claim_ids` marks them with one ``claim_id``
so that totals count the claim once (``analyses.figures.totals_by_place``) while the figures
table keeps every sentence that reported it.

Two figures are one claim when they say the same thing about the same place: same kind,
currency, place, metric (Simplified, so 合同總投資額 and 合同总投资额 agree), value, upper
value and period. A figure with no place is one claim only with figures of its own repost
cluster (a value with no place says too little to be matched across stories). The claim's id
is the figure_id of its first figure in a canonical document, else its first figure.
"""
from __future__ import annotations

import pandas as pd

from zhaoshang.text.script import to_simplified


def _norm(value) -> object:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def claim_ids(figures: pd.DataFrame, cluster_of: dict[str, str], canonical: set[str]) -> list:
    """The claim_id of every row of ``figures`` (in order); ``cluster_of`` maps doc_id to its
    repost cluster, ``canonical`` holds the canonical doc_ids."""
    if not len(figures):
        return []
    keys = []
    for row in figures.itertuples(index=False):
        place = _norm(row.place)
        where = ("place", place) if place is not None else ("cluster", cluster_of.get(row.doc_id, row.doc_id))
        metric = _norm(row.metric)
        keys.append((row.kind, _norm(row.currency), where, to_simplified(metric) if metric else None,
                     _norm(row.value), _norm(row.value_high), _norm(row.period_start), _norm(row.period_end)))
    first: dict[tuple, str] = {}
    order = sorted(range(len(keys)), key=lambda i: (figures["doc_id"].iat[i] not in canonical, i))
    for i in order:
        first.setdefault(keys[i], figures["figure_id"].iat[i])
    return [first[k] for k in keys]
