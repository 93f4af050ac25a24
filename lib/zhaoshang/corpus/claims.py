"""Claims: one reported figure, however many stories repeat it.

Ten portals carrying one press release about a 298亿元 signing give ten figures rows; they are
ten pieces of evidence for **one claim**. :func:`claim_ids` marks them with one ``claim_id``
so that totals count the claim once (``analyses.figures.totals_by_place``) while the figures
table keeps every sentence that reported it.

Two figures are one claim when

* they say the same thing about the same place, in any two stories: same kind, currency, place
  (its gazetteer code, else its Simplified name), metric (Simplified, so 合同總投資額 and
  合同总投资额 agree), value, upper value and period; or
* they are copies of one story (one repost cluster) and say the same thing about the same place,
  whatever period each copy resolved: a relative period (2022年以来) ends on each copy's own
  publication date, and a copy's changed punctuation can change which period a figure finds.

A figure with no place is one claim only with figures of its own repost cluster (a value with no
place says too little to be matched across stories). Claims are the connected groups of those
two relations; a claim's id is the figure_id of its first figure in a canonical document, else its
first figure.
"""
from __future__ import annotations

import pandas as pd

from zhaoshang.text.script import to_simplified


def _norm(value) -> object:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _keys(row, cluster: str) -> tuple[tuple, ...]:
    place, code, metric = _norm(row.place), _norm(getattr(row, "place_code", None)), _norm(row.metric)
    what = (row.kind, _norm(row.currency), to_simplified(metric) if metric else None,
            _norm(row.value), _norm(row.value_high))
    where = code or (to_simplified(place) if place is not None else None)
    in_story = ("story", cluster, where, *what)
    if where is None:
        return (in_story,)
    return (in_story, ("place", where, *what, _norm(row.period_start), _norm(row.period_end)))


def claim_ids(figures: pd.DataFrame, cluster_of: dict[str, str], canonical: set[str]) -> list:
    """The claim_id of every row of ``figures`` (in order); ``cluster_of`` maps doc_id to its
    repost cluster, ``canonical`` holds the canonical doc_ids."""
    n = len(figures)
    if not n:
        return []
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    for i, row in enumerate(figures.itertuples(index=False)):
        for key in _keys(row, cluster_of.get(row.doc_id, row.doc_id)):
            j = seen.setdefault(key, i)
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    doc_ids, figure_ids = figures["doc_id"].tolist(), figures["figure_id"].tolist()
    first: dict[int, str] = {}
    for i in sorted(range(n), key=lambda i: (doc_ids[i] not in canonical, i)):
        first.setdefault(find(i), figure_ids[i])
    return [first[find(i)] for i in range(n)]
