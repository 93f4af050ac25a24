"""Accuracy of figure extraction on the hand-labelled gold set, next to JioNLP's extract_money.

The gold set (package data ``gold/figures_gold.jsonl``, rules in ``resources/gold/README.md``) holds sentences
from ``../shared/corpus`` with every amount and count labelled by hand: kind, value (base units),
value_high, qualifier, currency. A predicted figure matches a gold one of the same sentence when
kind, value, value_high and currency agree (``value`` level) — and the qualifier too (``strict``
level). Each gold figure is matched at most once.

JioNLP (``jionlp.ner.extract_money``) runs on the Simplified text, as it cannot read Traditional;
it finds amounts only, so it is scored on all figures and on amounts alone. Its ``definition``
maps to our qualifiers: accurate → exact, blur+ → at_least, blur- → at_most; a [low, high]
answer is a range, except N余/N多 which JioNLP also answers as a range and we call more_than.
"""
from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from zhaoshang import resources
from zhaoshang.model import CleanDocument
from zhaoshang.text.script import detect_script, to_simplified

__all__ = ["GOLD", "load_gold", "text_document", "predict_zhaoshang", "predict_jionlp", "score",
           "evaluate", "DEV_GOLD", "CHECK_GOLD", "load_check_gold", "DEV_FIELDS", "FAMILIES", "Located",
           "load_dev_gold", "locate", "locate_gold",
           "match_located", "in_passages", "place_key", "family_label", "field_agrees", "score_dev",
           "dev_documents", "predict_dev_zhaoshang", "predict_dev_jionlp", "evaluate_dev", "dev_markdown",
           "dev_errors", "dev_table"]

GOLD = "gold/figures_gold.jsonl"
"""The built-in gold set, a package resource (shipped so that every report can show it)."""


def load_gold(path: Path | str | None = None) -> list[dict]:
    """The gold sentences of ``path`` (JSON Lines), by default the built-in set."""
    text = Path(path).read_text(encoding="utf-8") if path is not None else resources.read_text(GOLD)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def text_document(text: str, *, doc_id: str = "text", published: str | None = None) -> CleanDocument:
    """A CleanDocument made from a piece of clean text (for evaluation and quick looks)."""
    return CleanDocument(doc_id=doc_id, path=f"{doc_id}.txt", encoding="utf-8", fmt="txt",
                         script=detect_script(text), title="", published=published, site=None,
                         reprinted_from=None, body=text, simplified=to_simplified(text),
                         title_simplified="")


@dataclass(frozen=True)
class Key:
    kind: str
    value: Decimal
    value_high: Decimal | None
    currency: str | None
    qualifier: str


def _dec(v) -> Decimal | None:
    if v is None:
        return None
    try:
        if v != v:  # NaN
            return None
    except TypeError:
        pass
    return Decimal(str(v)).normalize()


def _key(d: dict) -> Key:
    return Key(d["kind"], _dec(d["value"]), _dec(d.get("value_high")), d.get("currency"), d["qualifier"])


def predict_zhaoshang(sentence: str) -> list[Key]:
    from zhaoshang.analyses.figures import doc_figures

    seen = set()
    out = []
    for r in doc_figures(text_document(sentence)):
        # a distributive figure (均) is one expression: score it once
        k = (r["start"], r["end"])
        if k in seen:
            continue
        seen.add(k)
        out.append(_key(r))
    return out


_JIO = None


def _jionlp():
    global _JIO
    if _JIO is None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp
        _JIO = jionlp
    return _JIO


_JIO_CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
                 "日元": "JPY", "英镑": "GBP"}


def _jio_money(m: dict) -> Key | None:
    """One extract_money answer as a Key in our vocabulary (None when it carries no number)."""
    det = m.get("detail") or {}
    num = det.get("num")
    definition = det.get("definition", "accurate")
    if num is None:
        return None
    high = None
    if isinstance(num, list):
        low, high = Decimal(num[0]), Decimal(num[1])
        q = "more_than" if any(c in m["text"] for c in "余多") else "range"
        if q == "more_than":
            high = None
    else:
        low = Decimal(num)
        q = {"accurate": "exact", "blur+": "at_least", "blur-": "at_most", "blur": "approx"}.get(definition, "exact")
    return Key("amount", low.normalize(), high.normalize() if high is not None else None,
               _JIO_CURRENCY.get(det.get("case"), det.get("case")), q)


def predict_jionlp(sentence: str) -> list[Key]:
    jio = _jionlp()
    with contextlib.redirect_stdout(io.StringIO()):
        found = jio.ner.extract_money(to_simplified(sentence), with_parsing=True)
    return [k for k in map(_jio_money, found) if k is not None]


def _match(pred: list[Key], gold: list[Key], strict: bool) -> int:
    def k(x: Key):
        return (x.kind, x.value, x.value_high, x.currency) + ((x.qualifier,) if strict else ())

    g = Counter(k(x) for x in gold)
    hit = 0
    for x in pred:
        if g[k(x)] > 0:
            g[k(x)] -= 1
            hit += 1
    return hit


def score(pairs: list[tuple[list[Key], list[Key]]], *, strict: bool, kinds: tuple[str, ...]) -> dict:
    tp = n_pred = n_gold = 0
    for pred, gold in pairs:
        pred = [p for p in pred if p.kind in kinds]
        gold = [g for g in gold if g.kind in kinds]
        tp += _match(pred, gold, strict)
        n_pred += len(pred)
        n_gold += len(gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(f, 3)}


def available_systems() -> tuple[str, ...]:
    """zhaoshang, plus jionlp when it is installed (it is a test dependency)."""
    import importlib.util

    return ("zhaoshang", "jionlp") if importlib.util.find_spec("jionlp") else ("zhaoshang",)


def side_by_side(gold: list[dict] | None = None):
    """Precision and recall per system in columns, as the notebook and the script show them."""
    t = evaluate(gold, systems=available_systems())
    return t.pivot_table(index=["figures", "match"], columns="system", values=["precision", "recall"],
                         sort=False).round(3)


def evaluate(gold: list[dict] | None = None, *, systems: tuple[str, ...] = ("zhaoshang", "jionlp")):
    """The side-by-side table: one row per (system, figures scored, match level)."""
    import pandas as pd

    gold = load_gold() if gold is None else gold
    predictors = {"zhaoshang": predict_zhaoshang, "jionlp": predict_jionlp}
    rows = []
    for name in systems:
        pairs = [(predictors[name](g["sentence"]), [_key(f) for f in g["figures"]]) for g in gold]
        for kinds, label in ((("amount", "count"), "amounts+counts"), (("amount",), "amounts")):
            for strict in (False, True):
                s = score(pairs, strict=strict, kinds=kinds)
                rows.append({"system": name, "figures": label,
                             "match": "value+qualifier" if strict else "value", **s})
    return pd.DataFrame(rows)


def errors(gold: list[dict] | None = None, system: str = "zhaoshang") -> list[dict]:
    """Sentences where the system's figures differ from gold (strict), for error analysis."""
    gold = load_gold() if gold is None else gold
    pred_fn = {"zhaoshang": predict_zhaoshang, "jionlp": predict_jionlp}[system]
    out = []
    for g in gold:
        pred = pred_fn(g["sentence"])
        gk = [_key(f) for f in g["figures"]]
        if Counter(pred) != Counter(gk):
            out.append({"id": g["id"], "sentence": g["sentence"],
                        "missing": [k for k in gk if k not in pred], "extra": [k for k in pred if k not in gk]})
    return out


# --- The development gold of whole documents (figures_dev.jsonl) -------------------------------------
# One gold row per figure, located in its document's body by its sentence and its text. A prediction
# matches a gold figure of the same document when their spans overlap (each used once, the largest
# overlap first); only predictions inside labelled passages are scored, since only those passages are
# labelled completely. The fields of matched pairs are then compared one by one.

DEV_GOLD = "gold/figures_dev.jsonl"
"""The development gold set of whole documents, a package resource (labelling guide in its README)."""

FAMILIES = ("contracted", "planned", "invested", "in_place", "foreign", "output", "other")
DEV_FIELDS = ("value", "qualifier", "currency", "family", "place", "period")


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
                                "heldout6"))
"""Check sets of the development gold's shape in documents it does not hold, each labelled by reading
before its first scoring (the gold README says when, and what was looked at after): the first three for
one field each, the others on every field by readers who had seen neither the output nor the rules."""


def load_check_gold(name: str) -> list[dict]:
    """The rows of one check set (a name of :data:`CHECK_GOLD`). The sets are scored one by one:
    two of them may label the same passage, each for its own fields."""
    return [json.loads(line) for line in resources.read_text(name).splitlines() if line.strip()]


def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its position in ``text``."""
    kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


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
    pos = at - 1
    for _ in range(nth + 1):
        pos = cbody.find(ctext, pos + 1, at + len(csent))
        if pos < 0:
            return None
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


_PLACE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市",
                   "县", "区")
_COUNTRY = {"全国", "中国", "中华人民共和国", "我国"}


def place_key(place) -> str:
    """A place name compared across spellings: Simplified, the administrative suffix dropped (海拉尔区 and
    海拉尔, 臺南市 and 台南 agree), every name of the whole country as 全国; empty for no place."""
    if not isinstance(place, str) or not place.strip():
        return ""
    p = to_simplified(place.strip())
    if p in _COUNTRY:
        return "全国"
    for suf in _PLACE_SUFFIXES:
        if p.endswith(suf) and len(p) > len(suf) + 1:
            return p[:-len(suf)]
    return p


_FAMILY_WORDS = (  # the labelling guide's families, for systems that name a family in their own words
    ("in_place", ("到位",)), ("foreign", ("外资", "外商", "利用外")), ("contracted", ("签约", "合同", "协议", "意向")),
    ("output", ("产值", "生产总值", "营业", "销售", "零售", "进出口", "贸易", "营收")),
    ("planned", ("总投资", "计划")), ("invested", ("投资", "投入")),
)


def family_label(family) -> str | None:
    """A predicted ``family`` in the guide's vocabulary (contracted, planned, invested, in_place, foreign,
    output, other); None when there is none to compare (the column is missing)."""
    if family is None or (isinstance(family, float) and family != family):
        return None
    f = str(family).strip()
    if f in FAMILIES:
        return f
    s = to_simplified(f).replace(" ", "_").lower()
    if s in FAMILIES:
        return s
    for fam, words in _FAMILY_WORDS:
        if any(w in s for w in words):
            return fam
    return "other"


def _day(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return str(v)[:10]


def _same_number(a, b) -> bool:
    a, b = _dec(a), _dec(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= abs(b) * Decimal("1e-9")


def field_agrees(field: str, gold: dict, pred: dict) -> bool | None:
    """Whether a matched prediction has the gold value of ``field``; None when it cannot say
    (``family`` without a family column, ``currency`` of a count)."""
    if field == "value":
        return (gold["kind"] == pred.get("kind") and _same_number(gold["value"], pred.get("value"))
                and _same_number(gold.get("value_high"), pred.get("value_high")))
    if field == "qualifier":
        return gold["qualifier"] == pred.get("qualifier")
    if field == "currency":
        if gold["kind"] != "amount":
            return None
        return (gold.get("currency") or None) == (pred.get("currency") or None)
    if field == "family":
        if "family" not in pred:
            return None
        return gold.get("family") == family_label(pred.get("family"))
    if field == "place":
        if "place" not in pred:
            return None
        return place_key(gold.get("place")) == place_key(pred.get("place"))
    if field == "period":
        if "period_start" not in pred:
            return None
        return ((gold.get("period_start") or ""), (gold.get("period_end") or "")) == \
            (_day(pred.get("period_start")), _day(pred.get("period_end")))
    raise ValueError(f"unknown field {field!r}; use one of {', '.join(DEV_FIELDS)}")


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
        with contextlib.redirect_stderr(io.StringIO()):
            loaded, _ = load_corpus(root / folder)
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
    jio = _jionlp()
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
            k = _jio_money(m)
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
