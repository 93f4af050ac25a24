"""The sentence gold of figures (``gold/figures_gold.jsonl``) and JioNLP's answers on it.

A predicted figure matches a gold one of the same sentence when kind, value, value_high and currency
agree (``value`` level) — and the qualifier too (``strict`` level); each gold figure is matched at most
once. JioNLP (``jionlp.ner.extract_money``) runs on the Simplified text, as it cannot read Traditional;
its ``definition`` maps to our qualifiers: accurate → exact, blur+ → at_least, blur- → at_most; a [low,
high] answer is a range, except N余/N多, which JioNLP also answers as a range and we call more_than.
:func:`load_jionlp` and :func:`jionlp_money` serve the document gold too.
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

__all__ = ["GOLD", "Key", "available_systems", "decimal_of", "errors", "evaluate", "jionlp_money", "key_of",
           "load_gold", "load_jionlp", "predict_jionlp", "predict_zhaoshang", "score", "side_by_side",
           "text_document"]

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
    """What a predicted figure must agree on with a gold one of its sentence."""

    kind: str
    value: Decimal
    value_high: Decimal | None
    currency: str | None
    qualifier: str


def decimal_of(v) -> Decimal | None:
    """A number as an exact, normalised Decimal (None for a missing value or NaN)."""
    if v is None:
        return None
    try:
        if v != v:  # NaN
            return None
    except TypeError:
        pass
    return Decimal(str(v)).normalize()


def key_of(d: dict) -> Key:
    """The match key of a figure row (gold or predicted)."""
    return Key(d["kind"], decimal_of(d["value"]), decimal_of(d.get("value_high")), d.get("currency"), d["qualifier"])


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
        out.append(key_of(r))
    return out


_JIO = None


def load_jionlp():
    """The jionlp module, imported once and quietly (it prints on import)."""
    global _JIO
    if _JIO is None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp
        _JIO = jionlp
    return _JIO


_JIO_CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
                 "日元": "JPY", "英镑": "GBP"}


def jionlp_money(m: dict) -> Key | None:
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
    jio = load_jionlp()
    with contextlib.redirect_stdout(io.StringIO()):
        found = jio.ner.extract_money(to_simplified(sentence), with_parsing=True)
    return [k for k in map(jionlp_money, found) if k is not None]


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
        pairs = [(predictors[name](g["sentence"]), [key_of(f) for f in g["figures"]]) for g in gold]
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
        gk = [key_of(f) for f in g["figures"]]
        if Counter(pred) != Counter(gk):
            out.append({"id": g["id"], "sentence": g["sentence"],
                        "missing": [k for k in gk if k not in pred], "extra": [k for k in pred if k not in gk]})
    return out
