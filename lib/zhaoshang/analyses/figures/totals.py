"""Adding figures up without double counting: metric families, totals per place, investment per project.

Figures are only ever added like to like: :func:`metric_family` groups synonymous metrics
(合同总投资额 and 签约金额 are both 签约投资), and :func:`totals_by_place` sums per place, family
and period, leaving out parts (其中), conversions and repeats, and keeping floors and
approximations apart from exact values (``low``/``high``/``bound``). :func:`per_project` divides a
sentence's investment by its number of projects. All work on the figures table (a DataFrame).
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from zhaoshang import resources
from zhaoshang.text.numbers import to_int_if_whole
from zhaoshang.text.script import to_script, to_simplified

if TYPE_CHECKING:  # pandas is imported where the tables are built, not on import
    import pandas as pd

# Metric families: synonyms that name the same money (or the same things counted), so that totals
# add like to like. First match wins, on the Simplified metric; a metric in no family is its own.
_AMOUNT_FAMILIES = (
    ("签约投资", ("合同", "签约", "协议")),
    ("对外投资", ("对外直接投资", "对外投资")),
    ("利用外资", ("外商直接投资", "利用外资", "使用外资")),
    ("到位资金", ("到位", "引进资金", "引进内资", "引资")),
    ("固定资产投资", ("固定资产投资",)),
    ("项目总投资", ("计划总投资", "总投资", "投资总额", "计划投资")),
    ("投资", ("投资", "投入")),
)
_COUNT_FAMILIES = (
    ("签约项目", ("签约", "引进", "落地", "落户")),
    ("开工项目", ("开工", "新建", "续建", "在建", "实施", "推进")),
    ("竣工投产项目", ("投产", "竣工", "建成")),
)
UNLABELLED = "（未标明）"


def metric_family(metric, kind: str = "amount") -> str:
    """The family of a metric, for totals that add like to like: 合同总投资额 and 签约金额 are
    签约投资; 总投资 and 计划总投资 项目总投资; 完成投资 and 投入 投资; 实际利用外资 利用外资 …
    For counts: 签约项目, 开工项目, 竣工投产项目 (projects by stage), else the thing counted.
    Any other metric (地区生产总值, 旅游收入 …) is its own family; none is 「（未标明）」."""
    if not isinstance(metric, str) or not metric.strip():
        return UNLABELLED
    m = to_simplified(metric)
    if kind == "count":
        if "项目" in m:
            for fam, words in _COUNT_FAMILIES:
                if any(w in m for w in words):
                    return fam
            return "项目"
        return m
    for fam, words in _AMOUNT_FAMILIES:
        if any(w in m for w in words):
            if fam == "固定资产投资":
                # 工业固定资产投资, 区本级固定资产投资 are parts of the whole, not synonyms of it
                sector = m[:m.index("固定资产投资")]
                for w in ("累计完成", "累积完成", "全社会", "累计", "累积", "完成", "全年"):
                    sector = sector.replace(w, "")
                if sector:
                    return m
            return fam
    return m


FAMILIES = ("contracted", "planned", "invested", "in_place", "foreign", "output", "other")


@lru_cache(maxsize=1)
def _family_words() -> tuple[tuple[str, str], ...]:
    """(word, family) in the order of ``lexicon/metric_families.tsv`` (the first that fits wins)."""
    out = []
    for ln in resources.data_lines("lexicon/metric_families.tsv"):
        word, fam = (x.strip() for x in ln.split("\t")[:2])
        if fam not in FAMILIES:
            raise resources.ResourceError(f"lexicon/metric_families.tsv: unknown family {fam!r} for {word!r}")
        out.append((word, fam))
    return tuple(out)


_COUNTED_FAMILIES = ("contracted", "foreign")  # the families a count can be in


@lru_cache(maxsize=4096)
def family_word(metric: str | None) -> str | None:
    """The word of ``lexicon/metric_families.tsv`` that gives ``metric`` (Simplified) its family (the
    first that fits), or None when no word of the lexicon is in it (its family is ``other``)."""
    if not metric:
        return None
    return next((word for word, _fam in _family_words() if word in metric), None)


@lru_cache(maxsize=1)
def _family_by_word() -> dict[str, str]:
    """word → family of ``lexicon/metric_families.tsv`` (a word listed twice keeps its first line)."""
    out: dict[str, str] = {}
    for word, fam in _family_words():
        out.setdefault(word, fam)
    return out


_SPENDING_WORDS = ("投入", "资本支出", "资本开支")


@lru_cache(maxsize=4096)
def family_of(metric: str | None, kind: str = "amount") -> str:
    """The family of a metric for figures.csv's ``family`` column: contracted (合同总投资额, 签约金额),
    planned (总投资, 计划投资), invested (完成投资, 固定资产投资), in_place (到位资金), foreign
    (实际利用外资), output (产值, 销售收入) or other (anything else, or no metric), by the first word
    of ``lexicon/metric_families.tsv`` the Simplified metric contains. A count is contracted (签约项目,
    合作意向) or foreign (外商投资企业) or other: 投资案, 开工项目 count projects, not money invested."""
    if not isinstance(metric, str) or not metric.strip():
        return "other"
    simplified = to_simplified(metric)
    word = family_word(simplified)
    if word is None:
        return "other"
    fam = _family_by_word()[word]
    if fam == "invested" and word in _SPENDING_WORDS and "财政" in simplified:
        return "other"  # 中央财政科技投入, 财政…支出: a budget's spending (its 投资 stays invested)
    return fam if kind == "amount" or fam in _COUNTED_FAMILIES else "other"


# The families that are investment (what notebook 03 charts as 招商引资金额), as opposed to output,
# revenue, spending, income.
INVESTMENT_FAMILIES = ("签约投资", "项目总投资", "投资", "固定资产投资", "到位资金", "利用外资")


def _period_label(start, end) -> str | None:
    if not isinstance(start, str) and not isinstance(end, str):
        return None
    return f"{start if isinstance(start, str) else '?'}..{end if isinstance(end, str) else '?'}"


TOTALS_COLUMNS = ["place", "place_parents", "family", "period", "n_figures", "periods", "low", "high", "bound",
                  "exact", "metrics", "qualifiers", "doc_ids"]


def _written(names: pd.Series) -> str:
    """The form a group's place is shown in: the one its figures write most often (ties: the first in
    sort order), so a corpus in one script shows its own."""
    counts = names.value_counts()
    return sorted(counts.index[counts == counts.max()])[0]


def totals_by_place(figures, *, kind: str = "amount", currency: str = "CNY", metric: str | None = None,
                    by: tuple[str, ...] = ("family", "period")):
    """Totals per place that neither double count, nor treat floors as exact, nor add unlike things.

    Rows counted: figures of ``kind`` (and ``currency`` for amounts), optionally only those whose
    metric contains ``metric``. Left out, so that nothing is counted twice: parts (``part_of`` a
    figure of the same kind and currency), conversions (``conversion_of``), and repeats of the
    same (place, metric, period, value, qualifier, subject) — a reprinted article or a headline
    restating its body — and of the same ``claim_id`` (one claim carried by several stories).

    Grouped by place and, by default (``by=("family", "period")``), by

    * ``family`` — the metric's family (:func:`metric_family`): contracted (签约投资), planned
      (项目总投资), completed (投资), fixed-asset investment, funds in place, FDI … are different
      money and are never added together; any other metric (地区生产总值, 旅游收入) stands alone;
    * ``period`` — the stated period (``2023-01-01..2023-06-30``); figures that state none are
      grouped per document (``undated: <doc_id>``), so that a multi-year corpus of work reports
      never adds 2012's investment to 2019's.

    ``by=()`` gives one row per place over everything (the old behaviour; only sensible with a
    ``metric`` filter on a single document). Each row has

    * ``low`` — sum of what is certain: exact values, the floors of at_least/more_than, the low
      end of ranges, approx values as stated; at_most figures add 0;
    * ``high`` — sum of upper bounds, or missing when any figure is open-ended (at_least, more_than);
    * ``exact`` — True when every figure is exact; ``bound`` says how to read ``low``:
      "=" (all exact), "≥" (floors involved), "≈" (approximations involved);
    * ``n_figures``, ``metrics`` (the metrics summed, as written), ``doc_ids``.
    """
    import pandas as pd

    by = tuple(by)
    unknown = set(by) - {"family", "period", "metric"}
    if unknown:
        raise ValueError(f"by: unknown {sorted(unknown)}; use family, period, metric")
    df = figures
    if df is None or len(df) == 0:
        return pd.DataFrame(columns=TOTALS_COLUMNS)
    sel = df[df["kind"] == kind]
    if kind == "amount" and currency:
        sel = sel[sel["currency"] == currency]
    if metric:
        want = to_simplified(metric)
        sel = sel[sel["metric"].fillna("").map(lambda m: want in to_simplified(m))]
    sel = sel[sel["place"].notna()]
    if sel.empty:  # nothing placed (a national report): no totals, not an error
        return pd.DataFrame(columns=TOTALS_COLUMNS)
    kinds = dict(zip(df["figure_id"], zip(df["kind"], df["currency"])))
    is_part = [isinstance(p, str) and kinds.get(p) == (kind, currency if kind == "amount" else None)
               for p in sel["part_of"]]
    sel = sel[~pd.Series(is_part, index=sel.index, dtype=bool) & sel["conversion_of"].isna()]
    # one place whatever the script it is written in (山东省 / 山東省, 全国 / 全國): its gazetteer code,
    # else its Simplified name; the same for its parents and the metric
    codes = sel["place_code"] if "place_code" in sel.columns else pd.Series(None, index=sel.index, dtype=object)
    sel = sel.assign(
        _place=[c if isinstance(c, str) and c else to_simplified(p) for c, p in zip(codes, sel["place"])],
        _parents=[to_simplified(p) if isinstance(p, str) else "" for p in sel["place_parents"]],
        _metric_key=[to_simplified(m) if isinstance(m, str) else m for m in sel["metric"]],
    )
    key = ["_place", "_metric_key", "period_start", "period_end", "value", "value_high", "qualifier", "subject"]
    sel = sel.drop_duplicates(subset=key, keep="first")
    if "claim_id" in sel.columns:  # one claim reported by several stories (corpus.claims): counted once
        sel = sel[sel["claim_id"].isna() | ~sel["claim_id"].duplicated(keep="first")]
    if sel.empty:
        return pd.DataFrame(columns=TOTALS_COLUMNS)
    sel = sel.assign(
        _family=[metric_family(m, kind) for m in sel["metric"]] if "family" in by else "",
        _metric=sel["_metric_key"].fillna(UNLABELLED) if "metric" in by else "",
        _period=[_period_label(a, b) or f"undated: {d}"
                 for a, b, d in zip(sel["period_start"], sel["period_end"], sel["doc_id"])] if "period" in by else "",
    )
    out = []
    for (_place, _parents, family, _m, period), g in sel.groupby(["_place", "_parents", "_family", "_metric", "_period"],
                                                              sort=True, dropna=False):
        place = _written(g["place"])
        parents = _written(g["place_parents"].dropna()) if g["place_parents"].notna().any() else None
        low = Decimal(0)
        high: Decimal | None = Decimal(0)
        for v, vh, q in zip(g["value"], g["value_high"], g["qualifier"]):
            v = Decimal(int(v)) if pd.notna(v) else Decimal(0)
            if q in ("range", "vague"):  # vague: the documented span of 数十亿 (text.numbers.vague_span)
                low += v
                if high is not None:
                    high += Decimal(int(vh))
            elif q == "at_most":
                if high is not None:
                    high += v
            elif q in ("at_least", "more_than"):
                low += v
                high = None
            else:
                low += v
                if high is not None:
                    high += v
        quals = sorted(set(g["qualifier"]))
        if set(quals) <= {"exact"}:
            bound = "="
        elif set(quals) & {"at_least", "more_than", "at_most", "range", "vague"}:
            bound = "≥"
        else:
            bound = "≈"
        spans = sorted({_period_label(a, b) for a, b in zip(g["period_start"], g["period_end"])} - {None})
        out.append({
            "place": place, "place_parents": parents or None,
            "family": (family or _m) if ("family" in by or "metric" in by) else None,
            "period": period if "period" in by else None,
            "n_figures": len(g),
            "periods": "; ".join(spans) if spans else None,
            "low": to_int_if_whole(low), "high": to_int_if_whole(high) if high is not None else None,
            "bound": bound, "exact": bound == "=",
            "metrics": "、".join(sorted(set(g["metric"].dropna()))),
            "qualifiers": ",".join(quals),
            "doc_ids": ",".join(sorted(set(map(str, g["doc_id"])))),
        })
    out.sort(key=lambda r: (-r["low"], r["place"], r["family"] or "", r["period"] or ""))
    res = pd.DataFrame(out, columns=TOTALS_COLUMNS)
    for col in ("low", "high"):
        raw = [r[col] for r in out]
        if all(v is None or isinstance(v, int) for v in raw):
            res[col] = pd.array([v if v is not None else pd.NA for v in raw], dtype="Int64")
    return res


_INVEST = ("投资", "合同", "签约")


def per_project(figures):
    """Investment per project where a sentence gives both a number of projects and their total.

    Pairs, within one sentence and one place, a count whose metric names projects (项目) with the
    nearest amount whose metric is an investment (投资/合同/签约), e.g. 298亿 over 61 signed
    projects in 鲁西新区. ``per_project`` is amount ÷ count; it is exact only when both are.
    """
    import pandas as pd

    cols = ["doc_id", "place", "period_start", "period_end", "projects", "projects_metric",
            "amount", "amount_metric", "currency", "per_project", "qualifier", "sentence"]
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=cols)
    out = []
    for (doc_id, ss), g in figures.groupby(["doc_id", "sentence_start"], sort=True):
        counts = g[(g["kind"] == "count") & g["metric"].fillna("").str.contains("项目|項目")
                   & g["part_of"].isna()]
        amounts = g[(g["kind"] == "amount") & g["metric"].fillna("").map(
            lambda m: any(w in to_script(m, "simplified") or w in m for w in _INVEST) or "投資" in m or "合同" in m)
            & g["part_of"].isna() & g["subject"].isna()]
        for _, c in counts.iterrows():
            same = amounts[amounts["place"] == c["place"]]
            if same.empty:
                continue
            a = same.iloc[(same["start"] - c["start"]).abs().argsort().iloc[0]]
            per = Decimal(int(a["value"])) / Decimal(int(c["value"]))
            q = "exact" if a["qualifier"] == "exact" and c["qualifier"] == "exact" else "approx"
            out.append({
                "doc_id": doc_id, "place": c["place"], "period_start": c["period_start"],
                "period_end": c["period_end"], "projects": int(c["value"]),
                "projects_metric": c["metric"], "amount": int(a["value"]),
                "amount_metric": a["metric"], "currency": a["currency"],
                "per_project": int(per.quantize(Decimal(1))), "qualifier": q,
                "sentence": c["sentence"],
            })
    return pd.DataFrame(out, columns=cols)
