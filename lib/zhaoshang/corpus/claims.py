"""Claims: one reported figure, however many stories repeat it.

Ten portals carrying one press release about a 298亿元 signing give ten figures rows; they are
ten pieces of evidence for **one claim**. :func:`claim_ids` marks them with one ``claim_id``
so that totals count the claim once (``analyses.figures.totals_by_place``) while the figures
table keeps every sentence that reported it.

Two figures are one claim when

* they say the same thing about the same place, in any two stories: same kind, currency, place
  (its gazetteer code, else its Simplified name), metric (Simplified, so 合同總投資額 and
  合同总投资额 agree), value, upper value, subject and period; or
* they are the same figure of two copies of one story (one repost cluster): the n-th figure of
  each copy with that place, metric, value, subject and qualifier, whatever period each copy
  resolved — a relative period (2022年以来) ends on each copy's own publication date, and a copy's
  changed punctuation can change which period a figure finds.

Two figures of one document are never one claim (two projects of 1亿元 each are two; a headline
restating its body is left to the totals' own rule on repeats).

A figure with no place or no period is one claim only with figures of its own repost cluster:
2400元 of 补贴 in 海拉尔区 said by the 2012 and the 2014 work reports, with no period, need not be
one subsidy. Claims are the connected groups of those two relations; a claim's id is the figure_id of its first figure in a canonical document, else its
first figure.
"""
from __future__ import annotations

import pandas as pd

from zhaoshang.corpus.groups import DisjointSets
from zhaoshang.text.script import to_simplified


def _norm(value) -> object:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _text(value) -> str | None:
    value = _norm(value)
    return to_simplified(value) if isinstance(value, str) else value


def _keys(row, cluster: str, occurrence: dict[tuple, int]) -> tuple[tuple, ...]:
    """The keys under which a figure is the same claim as another: within its repost cluster, the
    n-th figure of a document with this place, metric, value, subject and qualifier (whatever
    the period each copy resolved); across stories, the n-th with this place, metric, value,
    subject and period (n, so that two equal figures of one document stay two claims)."""
    place, code = _norm(row.place), _norm(getattr(row, "place_code", None))
    where = code or _text(place)
    what = (row.kind, _norm(row.currency), _text(row.metric), _norm(row.value), _norm(row.value_high),
            _text(getattr(row, "subject", None)))
    said = (row.doc_id, where, *what, _norm(row.qualifier))
    occurrence[said] = n = occurrence.get(said, -1) + 1
    in_story = ("story", cluster, where, *what, _norm(row.qualifier), n)
    period = (_norm(row.period_start), _norm(row.period_end))
    if where is None or period == (None, None):
        return (in_story,)
    stated = (row.doc_id, where, *what, *period)
    occurrence[stated] = m = occurrence.get(stated, -1) + 1
    return (in_story, ("place", where, *what, *period, m))


def claim_ids(figures: pd.DataFrame, cluster_of: dict[str, str], canonical: set[str]) -> list:
    """The claim_id of every row of ``figures`` (in order); ``cluster_of`` maps doc_id to its
    repost cluster, ``canonical`` holds the canonical doc_ids."""
    n = len(figures)
    if not n:
        return []
    groups = DisjointSets(n)
    find = groups.find

    seen: dict[tuple, int] = {}
    occurrence: dict[tuple, int] = {}
    for i, row in enumerate(figures.itertuples(index=False)):
        for key in _keys(row, cluster_of.get(row.doc_id, row.doc_id), occurrence):
            groups.union(i, seen.setdefault(key, i))
    doc_ids, figure_ids = figures["doc_id"].tolist(), figures["figure_id"].tolist()
    first: dict[int, str] = {}
    for i in sorted(range(n), key=lambda i: (doc_ids[i] not in canonical, i)):
        first.setdefault(find(i), figure_ids[i])
    return [first[find(i)] for i in range(n)]
