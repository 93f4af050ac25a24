"""Validating the extraction on one's own corpus: a sample to code by hand, and precision per field.

:func:`sample_rows` draws a stratified random sample of a table's rows (figures by ``kind``,
quotes by ``role``, slogans by ``kind``): each stratum gets its share of the sample (largest
remainder, at least one row while the sample allows), and within a stratum rows are taken one
document at a time in a random order of documents, so a long document cannot fill the sample.
Each row comes with its sentence and, per field to check, two empty coding columns:
``ok_<field>`` (1 if the value is right, 0 if not; leave empty if not judged) and
``right_<field>`` (the right value, when it is wrong).

:func:`score_coding` reads the coded sample back and reports, per field, how many rows were
judged, how many were right, the precision and its 95% Wilson score interval (Wilson 1927:
it stays inside 0..1 and is honest for small samples and precisions near 1, where the normal
approximation is not).
"""
from __future__ import annotations

import math
import random
from pathlib import Path

import pandas as pd

SAMPLE_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    # table: {field coded: columns shown for it}
    "figures": {"value": ("text", "value", "value_high", "currency", "unit"), "qualifier": ("qualifier",),
                "metric": ("metric",), "subject": ("subject",), "place": ("place",),
                "period": ("period_start", "period_end")},
    "quotes": {"quote": ("quote",), "speaker": ("speaker",), "role": ("role",),
               "organisation": ("organisation",)},
    "slogans": {"slogan": ("slogan",), "kind": ("kind",)},
}
STRATA = {"figures": "kind", "quotes": "role", "slogans": "kind"}
SAMPLEABLE = tuple(SAMPLE_FIELDS)
Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal

_YES = {"1", "y", "yes", "true", "t", "ok", "correct", "right", "✓", "对", "是"}
_NO = {"0", "n", "no", "false", "f", "wrong", "incorrect", "✗", "x", "错", "否"}


def sample_rows(tables, table: str, *, n: int = 100, seed: int = 1) -> pd.DataFrame:
    """A stratified sample of ``n`` rows of ``table`` (figures, quotes or slogans) of ``tables``,
    with their sentences and empty coding columns, in a deterministic order for ``seed``."""
    if table not in SAMPLE_FIELDS:
        raise ValueError(f"cannot sample {table!r}: choose one of {', '.join(SAMPLEABLE)}")
    rows = tables.table(table).reset_index(drop=True)
    stratum = STRATA[table]
    strata = rows[stratum].fillna("").astype(str) if stratum in rows.columns else pd.Series("", index=rows.index)
    rng = random.Random(seed)
    picked: list[int] = []
    sizes = strata.value_counts().sort_index()
    for name, k in _allocate(dict(sizes.items()), min(n, len(rows))).items():
        picked += _spread(rows.index[strata == name].tolist(), rows["doc_id"], k, rng)
    fields = SAMPLE_FIELDS[table]
    out = []
    for i, r in enumerate(sorted(picked, key=lambda j: (rows.at[j, "doc_id"], rows.at[j, "start"]))):
        row = rows.loc[r]
        rec = {"sample_id": i + 1, "table": table, "row": int(r), "doc_id": row["doc_id"],
               "stratum": strata.at[r], "start": row.get("start"), "end": row.get("end"),
               "sentence": _sentence(tables, row)}
        for field, shown in fields.items():
            rec[field] = " .. ".join(_show(row.get(c)) for c in shown if _show(row.get(c)))
        for field in fields:
            rec[f"ok_{field}"] = None
            rec[f"right_{field}"] = None
        rec["notes"] = None
        out.append(rec)
    cols = (["sample_id", "table", "row", "doc_id", "stratum", "start", "end", "sentence", *fields]
            + [c for f in fields for c in (f"ok_{f}", f"right_{f}")] + ["notes"])
    return pd.DataFrame(out, columns=cols)


def _allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """``n`` split over strata in proportion to their sizes (largest remainder), each non-empty
    stratum getting at least one row while ``n`` allows, none more than it has."""
    total = sum(sizes.values())
    if not total or n <= 0:
        return {}
    share = {s: n * k / total for s, k in sizes.items()}
    alloc = {s: min(sizes[s], max(1 if n >= len(sizes) else 0, int(share[s]))) for s in sizes}
    order = sorted(sizes, key=lambda s: (-(share[s] - int(share[s])), s))
    while sum(alloc.values()) < n:
        grew = False
        for s in order:
            if sum(alloc.values()) < n and alloc[s] < sizes[s]:
                alloc[s] += 1
                grew = True
        if not grew:
            break
    while sum(alloc.values()) > n:  # the at-least-one rule overshot: take back from the largest
        s = max(alloc, key=lambda t: (alloc[t], t))
        alloc[s] -= 1
    return {s: k for s, k in alloc.items() if k}


def _spread(index: list[int], doc_ids: pd.Series, k: int, rng: random.Random) -> list[int]:
    """``k`` of the rows ``index``: documents in a random order, one row of each in turn."""
    by_doc: dict[str, list[int]] = {}
    for i in index:
        by_doc.setdefault(doc_ids.at[i], []).append(i)
    docs = sorted(by_doc)
    rng.shuffle(docs)
    for d in docs:
        rng.shuffle(by_doc[d])
    out: list[int] = []
    while len(out) < k and any(by_doc.values()):
        for d in docs:
            if by_doc[d] and len(out) < k:
                out.append(by_doc[d].pop())
    return out


def _show(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sentence(tables, row) -> str:
    """The row's sentence: figures have it; for quotes and slogans, the sentences around the span
    (a quote's and its speaker's: “……。”张三说。 is read whole)."""
    if isinstance(row.get("sentence"), str):
        return row["sentence"]
    from zhaoshang.text.sentences import split

    try:
        body = tables.doc(row["doc_id"]).body
    except (KeyError, AttributeError):
        return ""
    start, end = int(row["start"]), int(row["end"])
    for a, b in (("speaker_start", "speaker_end"),):  # a quote's sentences include its speaker
        if pd.notna(row.get(a)) and pd.notna(row.get(b)):
            start, end = min(start, int(row[a])), max(end, int(row[b]))
    s, e = split(body).around(start, end)
    return body[s:e]


# ------------------------------------------------------------------ scoring


def read_coding(path: str | Path) -> pd.DataFrame:
    """A coded sample back from the workbook (first sheet) or CSV it was written to."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such coded sample")
    if path.suffix.lower() == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.read_excel(path, sheet_name=0, dtype=str, keep_default_na=False)


def judgement(value) -> bool | None:
    """A coder's mark as True (right), False (wrong) or None (not judged); ValueError otherwise."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip().lower()
    if text.endswith(".0"):
        text = text[:-2]
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"cannot read {value!r} as a judgement: use 1 (right) or 0 (wrong), or leave it empty")


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of ``k`` successes in ``n`` trials (95% by default)."""
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # at k = 0 and k = n the bound is exactly 0 or 1 (the arithmetic leaves 1e-16 either side)
    return (0.0 if k == 0 else max(0.0, centre - half), 1.0 if k == n else min(1.0, centre + half))


def score_coding(coded: pd.DataFrame) -> pd.DataFrame:
    """Precision per coded field: field, judged, right, precision, ci_low, ci_high (95% Wilson);
    a last row ``all fields`` counts the rows whose every judged field is right (rows with at
    least one judgement). A mark that is neither right nor wrong raises ValueError naming the
    sample row and column."""
    fields = [c[3:] for c in coded.columns if c.startswith("ok_")]
    if not fields:
        raise ValueError("no ok_<field> columns: this is not a sample written by `zhaoshang sample`")
    marks: dict[str, list[bool | None]] = {}
    for f in fields:
        col = []
        for i, v in enumerate(coded[f"ok_{f}"]):
            try:
                col.append(judgement(v))
            except ValueError as e:
                sid = coded["sample_id"].iloc[i] if "sample_id" in coded.columns else i + 1
                raise ValueError(f"sample row {sid}, column ok_{f}: {e}") from None
        marks[f] = col
    rows = []
    for f in fields:
        judged = [m for m in marks[f] if m is not None]
        rows.append(_score_row(f, sum(judged), len(judged)))
    whole = [[marks[f][i] for f in fields if marks[f][i] is not None] for i in range(len(coded))]
    whole = [all(ms) for ms in whole if ms]
    rows.append(_score_row("all fields", sum(whole), len(whole)))
    return pd.DataFrame(rows, columns=["field", "judged", "right", "precision", "ci_low", "ci_high"])


def _score_row(field: str, k: int, n: int) -> tuple:
    lo, hi = wilson(k, n)
    return (field, n, k, round(k / n, 4) if n else math.nan, round(lo, 4), round(hi, 4))
