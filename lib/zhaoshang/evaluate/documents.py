"""The development gold of whole documents (``gold/figures_dev.jsonl``) and its check sets.

One gold row per figure, located in its document's body by its sentence and its text. A prediction
matches a gold figure of the same document when their spans overlap (each used once, the largest
overlap first); only predictions inside labelled passages are scored, since only those passages are
labelled completely. The fields of matched pairs are then compared one by one (:mod:`.fields`).
"""
from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from zhaoshang import resources
from zhaoshang.evaluate.fields import DEV_FIELDS, field_agrees
from zhaoshang.evaluate.sentences import available_systems, jionlp_money, load_jionlp
from zhaoshang.model import CleanDocument
from zhaoshang.text.script import to_simplified

__all__ = ["CHECK_GOLD", "DEV_GOLD", "WRITTEN_NEWS", "Located", "dev_documents", "evaluate_dev", "in_passages", "load_check_gold",
           "load_dev_gold", "locate", "locate_gold", "match_located", "predict_dev_jionlp", "predict_dev_zhaoshang",
           "score_dev"]

DEV_GOLD = "gold/figures_dev.jsonl"
"""The development gold set of whole documents, a package resource (labelling guide in its README)."""


@dataclass(frozen=True)
class Located:
    """A figure (gold or predicted) placed in its document's body: ``start``/``end`` of the figure,
    ``passage`` the (start, end) of its labelled sentence, ``row`` the figure's fields."""

    doc: str
    start: int
    end: int
    passage: tuple[int, int]
    row: dict


def load_dev_gold(path: Path | str | None = None) -> list[dict]:
    """The rows of the development gold set (one figure per line), by default the built-in one."""
    text = Path(path).read_text(encoding="utf-8") if path is not None else resources.read_text(DEV_GOLD)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


CHECK_GOLD = tuple(f"gold/figures_check_{name}.jsonl"
                   for name in ("detect", "periods", "places", "places2", "heldout3", "heldout4", "reports5",
                                "heldout6", "heldout7", "heldout8", "written", "written2"))
"""Check sets of the development gold's shape in documents it does not hold, each labelled by reading
before its first scoring (the gold README says when, and what was looked at after): the first three for
one field each, the others on every field by readers who had seen neither the output nor the rules. The
last two, ``written`` and ``written2``, are of news written for testing (:data:`WRITTEN_NEWS`), not found."""
WRITTEN_NEWS = "gold/written_news.jsonl"
"""104 short news articles written, and labelled, for testing by readers who had seen neither the output
nor the rules (the corpora's news is exhausted): in the shapes real outlets use, but no real article —
A01–D14 for ``written``, E01–H13 for ``written2``."""


def load_check_gold(name: str) -> list[dict]:
    """The rows of one check set (a name of :data:`CHECK_GOLD`). The sets are scored one by one:
    two of them may label the same passage, each for its own fields."""
    return [json.loads(line) for line in resources.read_text(name).splitlines() if line.strip()]


def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its position in ``text``."""
    kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


_NUMBER_CHARS = frozenset("0123456789０１２３４５６７８９.,．，零〇一二两三四五六七八九十百千万亿")


def _inside_a_number(cbody: str, pos: int, length: int, at: int, end: int) -> bool:
    """Whether the text at ``cbody[pos:pos + length]`` continues a number written before or after it."""
    first, last = cbody[pos], cbody[pos + length - 1]
    before = cbody[pos - 1] if pos > at else ""
    after = cbody[pos + length] if pos + length < end else ""
    return bool((first in _NUMBER_CHARS and before and before in _NUMBER_CHARS and before not in ",，")
                or (last.isdigit() and after and after.isdigit()))


def locate(body: str, sentence: str, text: str, *, nth: int = 0) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where ``sentence`` (first occurrence) and the ``nth`` occurrence of ``text`` inside it stand in
    ``body``, ignoring whitespace (line breaks inside sentences, spaces around numbers): ((sentence start,
    end), (figure start, end)) in body offsets, or None when either is not there."""
    cbody, idx = _compact(body)
    csent, _ = _compact(sentence)
    ctext, _ = _compact(text)
    at = cbody.find(csent)
    if at < 0 or not ctext:
        return None
    end = at + len(csent)
    hits = []
    pos = cbody.find(ctext, at, end)
    while pos >= 0:
        hits.append(pos)
        pos = cbody.find(ctext, pos + 1, end)
    # a figure is a whole number: 500所 is not the tail of 1500所, 8座 not of 178座 — such a place is taken
    # only after every whole one
    whole = [p for p in hits if not _inside_a_number(cbody, p, len(ctext), at, end)]
    hits = whole + [p for p in hits if p not in whole]
    if len(hits) <= nth:
        return None
    pos = hits[nth]
    span = (idx[at], idx[at + len(csent) - 1] + 1)
    return span, (idx[pos], idx[pos + len(ctext) - 1] + 1)


def locate_gold(rows: list[dict], bodies: dict[str, str]) -> tuple[list[Located], list[dict]]:
    """The gold rows placed in their documents' bodies, and the rows that could not be placed."""
    seen: Counter = Counter()
    placed, lost = [], []
    for r in rows:
        key = (r["doc"], r["sentence"], r["text"])
        found = locate(bodies[r["doc"]], r["sentence"], r["text"], nth=seen[key]) if r["doc"] in bodies else None
        seen[key] += 1
        if found is None:
            lost.append(r)
        else:
            (ps, pe), (s, e) = found
            placed.append(Located(r["doc"], s, e, (ps, pe), r))
    return placed, lost


def match_located(gold: list[Located], pred: list[Located]) -> list[tuple[Located, Located]]:
    """Pairs of (gold, predicted) figures of one document whose spans overlap, each figure in at most
    one pair, the pairs with the largest overlap taken first (ties: the earlier gold figure)."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if g.doc == p.doc and ov > 0:
                cands.append((-ov, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def in_passages(pred: list[Located], gold: list[Located]) -> list[Located]:
    """The predictions that overlap a labelled passage of their document."""
    spans: dict[str, set] = {}
    for g in gold:
        spans.setdefault(g.doc, set()).add(g.passage)
    return [p for p in pred if any(min(e, p.end) > max(s, p.start) for s, e in spans.get(p.doc, ()))]


def score_dev(gold: list[Located], pred: list[Located], *, kinds: tuple[str, ...] = ("amount", "count")) -> dict:
    """Detection precision/recall and, per field, precision (correct / predictions in the labelled
    passages), recall (correct / gold) and accuracy among matched pairs; a field no prediction can be
    compared on is None (n/a)."""
    gold = [g for g in gold if g.row["kind"] in kinds]
    pred = [p for p in in_passages(pred, gold) if p.row.get("kind", "amount") in kinds]
    pairs = match_located(gold, pred)
    out = {"gold": len(gold), "predicted": len(pred), "matched": len(pairs),
           "detection": _pr(len(pairs), len(pred), len(gold), len(pairs))}
    for field in DEV_FIELDS:
        verdicts = [field_agrees(field, g.row, p.row) for g, p in pairs]
        judged = [v for v in verdicts if v is not None]
        if not judged:
            out[field] = None
            continue
        n_gold = sum(1 for g in gold if field != "currency" or g.row["kind"] == "amount")
        n_pred = sum(1 for p in pred if field != "currency" or p.row.get("kind") == "amount")
        out[field] = _pr(sum(judged), n_pred, n_gold, len(judged))
    return out


def _pr(correct: int, n_pred: int, n_gold: int, n_judged: int) -> dict:
    return {"correct": correct, "precision": round(correct / n_pred, 3) if n_pred else 0.0,
            "recall": round(correct / n_gold, 3) if n_gold else 0.0,
            "accuracy": round(correct / n_judged, 3) if n_judged else 0.0}


def dev_documents(rows: list[dict], corpus: Path | None = None) -> dict[str, CleanDocument]:
    """The documents the gold rows name, keyed like their ``doc`` (folder/path), read the way the
    pipeline reads their folder (so a report's year comes from its folder's index.tsv)."""
    from zhaoshang.paths import SHARED_CORPUS
    from zhaoshang.stages.process import load_corpus

    root = Path(corpus) if corpus is not None else SHARED_CORPUS
    wanted = {r["doc"] for r in rows}
    docs: dict[str, CleanDocument] = {}
    for folder in sorted({d.split("/", 1)[0] for d in wanted}):
        # the news written for testing ships with the package (gold/written_news.jsonl), the corpora do not
        source = Path(str(resources.location(WRITTEN_NEWS))) if folder == "gold" else root / folder
        with contextlib.redirect_stderr(io.StringIO()):
            loaded, _ = load_corpus(source)
        for d in loaded:
            key = f"{folder}/{d.path}"
            if key in wanted:
                docs[key] = d
    return docs


def predict_dev_zhaoshang(docs: dict[str, CleanDocument]) -> list[Located]:
    """zhaoshang's figures of each document, as it writes them to figures.csv (one row per span)."""
    from zhaoshang.analyses.figures import doc_figures

    out = []
    for key, doc in docs.items():
        seen = set()
        for r in doc_figures(doc):
            if (r["start"], r["end"]) in seen:  # a distributive figure (均) is one expression
                continue
            seen.add((r["start"], r["end"]))
            out.append(Located(key, r["start"], r["end"], (r["start"], r["end"]), r))
    return out


def _time_base(doc: CleanDocument) -> dict:
    """The date relative expressions resolve against: the published date, else the report's year
    (its 5 March, when the National People's Congress meets)."""
    if doc.published:
        y, m, d = (int(x) for x in str(doc.published)[:10].split("-"))
        return {"year": y, "month": m, "day": d}
    return {"year": int(doc.year), "month": 3, "day": 5} if getattr(doc, "year", None) else {}


def _jio_place(loc) -> str:
    """The most specific name of recognize_location's first (most frequent) domestic place, or ''."""
    for found, _n in (loc or {}).get("domestic") or []:
        return found.get("county") or found.get("city") or found.get("province") or ""
    return ""


def _jio_doc_place(jio, doc: CleanDocument) -> str:
    """recognize_location over the title and body: the document's place, for passages that name none."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return _jio_place(jio.recognize_location(to_simplified(f"{doc.title}\n{doc.body}")))


def predict_dev_jionlp(docs: dict[str, CleanDocument], gold: list[Located]) -> list[Located]:
    """JioNLP on every labelled passage: extract_money for the figures, the nearest extract_time
    expression before a figure (resolved against the document's date) for its period, and the most
    specific place recognize_location finds in the passage, else in the whole document, for its place
    (so that a district report's figures can be the district's). JioNLP reads the Simplified text."""
    jio = load_jionlp()
    out = []
    doc_place: dict[str, str] = {}
    for key, (ps, pe) in sorted({(g.doc, g.passage) for g in gold}):
        doc = docs[key]
        text = doc.body[ps:pe]
        simp = to_simplified(text)
        same = len(simp) == len(text)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            money = jio.ner.extract_money(simp, with_parsing=True)
            base = _time_base(doc)
            times = jio.ner.extract_time(simp, time_base=base, with_parsing=True) if base else []
            loc = jio.recognize_location(simp)
        place = _jio_place(loc) or doc_place.setdefault(key, _jio_doc_place(jio, doc))
        for m in money:
            k = jionlp_money(m)
            if k is None:
                continue
            s, e = m["offset"] if same else (max(text.find(m["text"]), 0), max(text.find(m["text"]), 0) + len(m["text"]))
            period = ("", "")
            before = [t for t in times if t["offset"][1] <= s]
            if before:
                t = (before[-1].get("detail") or {}).get("time")
                if isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) and x[:1].isdigit() for x in t):
                    period = (t[0][:10], t[1][:10])
            row = {"kind": "amount", "value": k.value, "value_high": k.value_high, "qualifier": k.qualifier,
                   "currency": k.currency, "text": m["text"], "place": place,
                   "period_start": period[0], "period_end": period[1]}
            out.append(Located(key, ps + s, ps + e, (ps, pe), row))
    return out


def evaluate_dev(rows: list[dict] | None = None, *, systems: tuple[str, ...] | None = None) -> dict:
    """Scores of each system on the development gold: {system: {"amounts+counts": score_dev(...),
    "amounts": score_dev(...)}}, plus "lost": gold rows that could not be placed in their document."""
    rows = load_dev_gold() if rows is None else rows
    systems = available_systems() if systems is None else systems
    docs = dev_documents(rows)
    gold, lost = locate_gold(rows, {k: d.body for k, d in docs.items()})
    out: dict = {"lost": lost, "gold_rows": len(rows), "documents": len(docs), "located": gold, "predictions": {}}
    for name in systems:
        pred = predict_dev_zhaoshang(docs) if name == "zhaoshang" else predict_dev_jionlp(docs, gold)
        out["predictions"][name] = pred
        out[name] = {"amounts+counts": score_dev(gold, pred), "amounts": score_dev(gold, pred, kinds=("amount",))}
    return out
