"""The rows of figures.csv: every figure of a document with its meaning, place, period and relations.

:func:`doc_figures` is the per-document analysis :mod:`zhaoshang.corpus` runs. It splits the
document into sentences, finds and reads the figures of each (:mod:`.detect`, :mod:`.meaning`),
gives them their place and period (:mod:`.context`), links parts to their totals (其中) and
conversions to what they restate (约合…), and writes one row dict per figure and subject.
:func:`figures_frame` puts the rows of many documents in a DataFrame with :data:`COLUMNS`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from pathlib import PurePath
from decimal import Decimal
from typing import Iterable

from zhaoshang.analyses.figures.changes import (average_yearly, change_roles, change_years, compared_year, end_of_change,
                                                last_years_same_period, present_end, respective_period,
                                                respective_runs, undated_rate)
from zhaoshang.analyses.figures.context import (
    COUNTRY,
    PlaceIndex,
    carrier_rule,
    respective_place,
    country_of,
    default_place,
    document_currency,
    firm_result_place,
    joint_place,
    in_other_clause,
    place_columns,
    nationwide_end,
    national_source_end,
    local_of,
    mainland_ends,
    nationwide_positions,
    taiwan_of,
    taiwan_wide_ends,
    place_source,
)
from zhaoshang.analyses.figures.detect import Figure, may_hold_figure
from zhaoshang.analyses.figures.governing import governing_period, outside_headings
from zhaoshang.analyses.figures.family import figure_family, part_family, sentence_cues
from zhaoshang.analyses.figures.meaning import analyse_sentence
from zhaoshang.analyses.figures.patterns import NOT_A_METRIC
from zhaoshang.analyses.figures.sections import (confine_bare_years, opening_event, report_sections,
                                                 resolve_whole_years, sentence_openers, title_year,
                                                 with_target_year)
from zhaoshang.analyses.figures.sentences import bisect_map, body_span, compact_sentence, folded_view
from zhaoshang.analyses.figures.totals import family_of
from zhaoshang.model import CleanDocument
from zhaoshang.text.numbers import to_int_if_whole
from zhaoshang.text.periods import Period, find_periods
from zhaoshang.text.site_places import site_place
from zhaoshang.text.places import Mention, gazetteer
from zhaoshang.text.script import to_script, to_simplified
from zhaoshang.text.sentences import split

COLUMNS = ["doc_id", "kind", "value", "value_high", "currency", "unit", "qualifier", "metric",
           "subject", "place", "period_start", "period_end", "sentence", "start", "end",
           # extras
           "text", "figure_id", "part_of", "conversion_of", "distributive", "place_code",
           "place_level", "place_parents", "province", "prefecture", "county", "place_mention", "place_source",
           "period_text", "sentence_start", "sentence_end", "family", "year", "size_floor", "currency_source"]


_QIZHONG = re.compile("其中")


def _value_out(v: Decimal | None):
    if v is None:
        return None
    return to_int_if_whole(v)


def doc_figures(doc: CleanDocument) -> list[dict]:
    """Every figure of ``doc`` as rows of figures.csv (plus extra columns), in text order."""
    body = doc.body
    view = folded_view(doc.simplified)
    if len(view) != len(body):  # the contract says aligned; never report wrong offsets
        raise ValueError(f"{doc.doc_id}: simplified view is not aligned with body")
    gaz = gazetteer()
    # a document without a title is named by its file (1964年中华人民共和国国务院政府工作报告（摘要）.txt)
    title = doc.title_simplified or to_simplified(PurePath(doc.path).stem)
    # the government whose site it is on gives its place when the text names none (我市 on www.weifang.gov.cn)
    named, own = gaz.analyse(view, title=folded_view(title), site=site_place(doc.url, gaz))
    # places named in passing (destinations, partners, 等-lists) give no place to any figure
    mentions = [m for m in named if not m.passing]
    local = local_of(doc.url, doc.script, view)  # a text of Taiwan, Hong Kong or Macau (by site, by 本港)
    carries = carrier_rule(gaz, own, local)
    own_default = default_place(gaz, own, doc.url, title, view, local)  # of figures whose text names none
    local_currency = document_currency(local, own.code, doc.script, gaz, view)
    periods = find_periods(view, doc.published, doc.year, roc=True if local_currency == "TWD" else None,
                           report=own.speaker)
    periods = outside_headings(view, periods)
    sentences = split(view, wrapped_lines=True).with_paragraphs()
    sections = report_sections(view, doc.year if own.speaker else None)
    if own.speaker:
        periods = confine_bare_years(view, periods, sections)
        periods = with_target_year(view, periods, sections, doc.year)  # 经济社会发展主要预期目标是：…
    # the period each sentence opens with or is framed by, and the year of 全年/年内 (:mod:`.sections`)
    opening, framed = sentence_openers(view, sentences, periods)
    periods = resolve_whole_years(view, periods, sentences, opening, framed, sections, doc.year,
                                  news=bool(doc.published) and not own.speaker, title_year=title_year(title))
    # a 全年 that opens a sentence frames the rest of its paragraph once its year is known (经济实力明显增强。
    # 全年地区生产总值…。…星级酒店达到16家: the year reviewed)
    opening, framed = sentence_openers(view, sentences, periods)
    period_starts = [p.start for p in periods]
    event = None if own.speaker else opening_event(periods, sentences)  # 昨日下午，为期4天的台博会落幕
    place_index = PlaceIndex(mentions, view, carries)
    starts = place_index.starts
    para_bounds: dict[int, tuple[int, int]] = {}
    for a, b, p in sentences:
        lo_hi = para_bounds.get(p)
        para_bounds[p] = (a, b) if lo_hi is None else (lo_hi[0], b)
    script = doc.script if doc.script in ("traditional", "simplified") else "simplified"
    taiwan_wide_at = taiwan_wide_ends(view)
    country = country_of(gaz, own, local)  # 全國 in a text of Taiwan is Taiwan
    nationwide = nationwide_positions(view, taiwan_wide_at, mainland=country is COUNTRY)
    of_mainland = set() if country is COUNTRY else set(mainland_ends(view))  # 對中國大陸投資 in Taiwan's text
    nationwide = sorted(set(nationwide) | of_mainland)
    taiwan_ends = set(taiwan_wide_at)
    taiwan_wide = taiwan_of(gaz)
    rows: list[dict] = []
    place_cache: dict = {}
    n = 0
    last_sentence_figs: list[dict] = []
    last_index: dict[tuple, list[int]] = {}
    last_para = -1
    for si, sent in enumerate(sentences):
        ss, se, para = sent
        comp, keep = compact_sentence(view, ss, se)
        if not comp:
            continue
        if para != last_para:
            last_sentence_figs, last_index = [], {}
            last_para = para
        if not may_hold_figure(comp):
            continue
        # cut points for metric search: ends of places and periods named in the clause
        cut = [bisect_map(keep, m.end)
               for m in mentions[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, se)]
               if m.end <= se]
        in_sent = periods[bisect.bisect_left(period_starts, ss):bisect.bisect_left(period_starts, se)]
        in_sent = [p for p in in_sent if p.end <= se]
        cut += [bisect_map(keep, p.end) for p in in_sent]
        analysed = analyse_sentence(comp, tuple(cut))
        if not analysed:
            continue
        qizhong = [m.end() for m in _QIZHONG.finditer(comp)] if "其中" in comp else []
        cues = sentence_cues(view, ss, se)
        national_end = national_source_end(view, ss, se) if country is COUNTRY else None
        sentence = body[ss:se]
        sent_rows: list[dict] = []
        cstarts: list[int] = []  # where each row's figure starts in comp (in order)
        index: dict[tuple, list[int]] = {}  # (kind, currency) -> positions in sent_rows, in order
        last_amount_id = last_amount_family = last_amount_qualifier = None
        figs = [a[0] for a in analysed]
        roles = change_roles(comp, figs)  # the from- and to-values of changes
        listed = respective_runs(comp, figs)  # the figures of a list after 分别
        for fi, (fig, metric_span, subjects, distributive) in enumerate(analysed):
            vs, ve = keep[fig.start], keep[fig.end - 1] + 1
            place = place_index.place_for(vs, sent, para_bounds[para])
            if (place is not None and place.start >= se and own_default is not None and own_default.code
                    and place.code != own_default.code and place.code and gaz.is_within(place.code, own_default.code)):
                place = own_default  # 全年实际利用外资27.3亿美元。洛龙区引进的…: a part named later is no frame for the whole
            # 深圳、广州分别…532亿元和468亿元: each its own; 在天津、江苏和武汉建立…: all of theirs
            place = ((respective_place(place, place_index, *listed[fi], gaz) if fi in listed else None)
                     or joint_place(place, place_index, gaz))
            if own.national and place is not None and not place.anaphor and in_other_clause(place, view, vs, ve):
                place = None  # a national report names places as examples: only the figure's clause counts
            # 全国/全台 after the figure's place in its sentence (a place named after the figure, or later in
            # the paragraph, does not hide it)
            wide = nationwide_end(nationwide, view, vs, place.end if place and ss <= place.start and place.end <= vs
                                  else ss) if nationwide else None
            if wide is not None:  # 全国累计修复…4792.24万户: the country's, in any document; 全台: Taiwan's
                place = taiwan_wide if wide in taiwan_ends else COUNTRY if wide in of_mainland else country
            if place is None and country is COUNTRY and national_end is not None and national_end <= vs:
                place = country  # 据国家发改委公布的统计数据显示，今年前5月水泥行业利润352.6亿元: the country's
            if place is None and own_default is not None:
                place = own_default  # a work report's figures are its own place's unless it names another
            period = governing_period(view, vs, ve, in_sent, ss)
            role = roles.get(fi)
            now = present_end(view, vs, doc.published)  # 提高到现在的1721元: the present's
            compared = compared_year(view, vs) if now is None else None  # 比一九八〇年的7159亿元: 1980's
            if now is None and compared is None:
                compared = last_years_same_period(view, vs, period)  # 去年同期为1953亿元: a year before
            average = average_yearly(view, ss, vs, period) if now is None and compared is None else None
            if now is not None or compared is not None:
                period = now or compared
            elif average is not None:  # 平均每年增加2053亿元: the years its change spans after the first
                period = average
            elif role is not None:
                found = change_years(view, ss, vs, period)  # 由598所增加到715所: each end its year
                if found is not None:
                    period = end_of_change(view, role, found)
            elif fi in listed and period is not None:  # 1~3月份…分别为A、B和C: each its month
                period = respective_period(view, period, *listed[fi]) or period
            if undated_rate(view, ss, vs, period, doc.published):  # 如今…平均每天诞生5家: kept, undated
                period = replace(period, period_start=None, period_end=None)
            metric = body_span(body, keep, metric_span)
            metric_view = body_span(view, keep, metric_span)  # the same words, Simplified
            if metric_view in NOT_A_METRIC:
                metric = None  # 约合, 分别, 以上: what is left of a clause that names no measure
            if not (own.speaker or own.national) and place is not country:  # (a report's 亏损 are its place's)
                place = firm_result_place(place, metric_view, view, vs, ve, (ss, se))  # 公司…营业收入86.47亿元
            base = _row_base(doc, fig, vs, ve, ss, se, sentence, metric, place, period,
                             place_columns(place, gaz, script, place_cache), script)
            base["family"] = figure_family(base["family"], fig.kind, metric_view,
                                           view, ss, vs, ve, se, cues)  # the clause's words: 签约, 将 …
            if fig.kind == "amount" and fig.currency_source != "written" and fig.currency == "CNY":
                base["currency"] = local_currency  # bare 元 (or none) in a text of Taiwan, Hong Kong, Macau
            # 其中: a part of the last figure of the same kind before it (this sentence, or the
            # previous one of the paragraph when the sentence opens with 其中)
            part_of = None
            j = bisect.bisect_right(qizhong, fig.start)
            if j and compared is None:  # an amount compared with belongs to no total of the other year
                q = qizhong[j - 1]
                k = bisect.bisect_left(cstarts, q - 2)  # the rows of figures before this 其中
                target = _last_like(sent_rows, k, index, fig.kind, base["currency"])
                if k == 0 and comp[:q].strip(" ，,") == "其中":
                    target = _last_like(last_sentence_figs, len(last_sentence_figs), last_index, fig.kind,
                                        base["currency"])
                if target is not None:
                    part_of = target["figure_id"]
                    if target["kind"] == fig.kind:  # 其中台南佔了143億元: a part of the same total
                        base["family"] = part_family(base["family"], metric, target["family"], target["metric"])
                    if base["period_start"] is None and base["period_end"] is None:
                        base["period_start"] = target["period_start"]
                        base["period_end"] = target["period_end"]
            # (a project's size is no flow of the period an earlier sentence opened with — but the total
            # signed for is: 现场签约项目35个，总投资420亿元 on the day of the signing)
            if (base["period_text"] is None and base["period_start"] is None and base["period_end"] is None
                    and not (fig.kind == "amount" and base["family"] != "contracted"
                             and _project_size(view, vs, ve, metric_span and body_span(body, keep, metric_span)))):
                fb = framed[si] or event  # an earlier opener of the paragraph, else the event the story opens with
                if fb is not None:
                    base.update(period_start=fb.period_start, period_end=fb.period_end,
                                period_text=body[fb.start:fb.end], year=period_year(fb) or _doc_year(doc))
            conversion_of = last_amount_id if fig.conversion else None
            if conversion_of is not None:
                base["family"] = last_amount_family  # 约合18亿元人民币 restates the figure before it
                if last_amount_qualifier == "approx" and base["qualifier"] == "exact":
                    base["qualifier"] = "approx"  # 作价约为100亿日元，合10亿港元: as rough as what it restates
            subj_list = subjects or [None]
            for subj in subj_list:
                n += 1
                row = dict(base) if len(subj_list) > 1 else base  # one row per subject
                row["figure_id"] = f"{doc.doc_id}#{n}"
                row["subject"] = body_span(body, keep, subj) if subj else None
                row["part_of"] = part_of
                row["conversion_of"] = conversion_of
                row["distributive"] = bool(distributive and len(subj_list) > 1)
                if compared is None:  # an amount compared with is no total that a 其中 part belongs to
                    index.setdefault((row["kind"], row["currency"]), []).append(len(sent_rows))
                sent_rows.append(row)
                cstarts.append(fig.start)
                if row["kind"] == "amount" and not fig.conversion:  # a second conversion restates the first
                    last_amount_id, last_amount_family = row["figure_id"], row["family"]
                    last_amount_qualifier = row["qualifier"]
        rows.extend(sent_rows)
        last_sentence_figs, last_index = sent_rows, index
    return rows


def _last_like(rows: list[dict], k: int, index: dict[tuple, list[int]], kind: str, currency) -> dict | None:
    """The total a 其中 part belongs to: the last of ``rows[:k]`` of the part's kind and currency, else
    the last of them at all (None when there is none). ``index``: (kind, currency) -> positions in
    ``rows``, in order, so that a sentence of thousands of parts stays linear."""
    if k == 0:
        return None
    same = index.get((kind, currency), ())
    i = bisect.bisect_left(same, k)
    return rows[same[i - 1]] if i else rows[k - 1]


MAX_SENTENCE = 1000
"""A sentence longer than this (characters; text without sentence punctuation, a table dump) is
reported as a window of :data:`SENTENCE_WINDOW` characters either side of the figure: otherwise every
figure of such a text would carry all of it, and the table would grow with the square of its length."""
SENTENCE_WINDOW = 300


def reported_sentence(body: str, vs: int, ve: int, ss: int, se: int) -> tuple[int, int]:
    """The span of the sentence [ss, se) that a row of the figure [vs, ve) reports."""
    if se - ss <= MAX_SENTENCE:
        return ss, se
    return max(ss, vs - SENTENCE_WINDOW), min(se, ve + SENTENCE_WINDOW)


def _row_base(doc: CleanDocument, fig: Figure, vs: int, ve: int, ss: int, se: int, sentence: str,
              metric: str | None, place: Mention | None, period: Period | None, place_cols: dict,
              script: str) -> dict:
    rs, re_ = reported_sentence(doc.body, vs, ve, ss, se)
    if (rs, re_) != (ss, se):
        sentence = doc.body[rs:re_]
    return {
        "doc_id": doc.doc_id,
        "kind": fig.kind,
        "value": _value_out(fig.value),
        "value_high": _value_out(fig.value_high),
        "currency": fig.currency,
        "unit": to_script(fig.unit, script) if fig.unit else fig.unit,
        "qualifier": fig.qualifier,
        "metric": metric,
        "subject": None,
        "place": place_cols["place"],
        "period_start": period.period_start if period else None,
        "period_end": period.period_end if period else None,
        "sentence": sentence,
        "start": vs,
        "end": ve,
        "text": doc.body[vs:ve],
        "figure_id": None,
        "part_of": None,
        "conversion_of": None,
        "distributive": False,
        "place_code": place_cols["place_code"],
        "place_level": place_cols["place_level"],
        "place_parents": place_cols["place_parents"],
        "province": place_cols["province"],
        "prefecture": place_cols["prefecture"],
        "county": place_cols["county"],
        "place_mention": doc.body[place.start:place.end] if place and place.start >= 0 else None,
        "place_source": place_source(place, ss, se),
        "period_text": doc.body[period.start:period.end] if period else None,
        "sentence_start": rs,
        "sentence_end": re_,
        "family": family_of(metric, fig.kind),
        "year": period_year(period) or _doc_year(doc),
        "size_floor": _value_out(fig.size_floor),
        "currency_source": fig.currency_source if fig.kind == "amount" else None,
    }


def _project_size(view: str, vs: int, ve: int, metric: str | None) -> bool:
    """Whether an amount is the size of a project (投资100亿元的…项目, 总投资25亿元): an attribute of the
    project, not a flow of the period an earlier sentence opened with (a count before 的 is not:
    七万户的私营工业企业)."""
    return view.startswith("的", ve) or bool(metric and "总投资" in metric) or "总投资" in view[max(0, vs - 6):vs]


def _doc_year(doc: CleanDocument) -> int | None:
    """The document's year: its own (published, else the corpus metadata's), else the published day's."""
    if doc.year is not None:
        return doc.year
    return int(doc.published[:4]) if doc.published and doc.published[:4].isdigit() else None


def period_year(period: Period | None) -> int | None:
    """The year a figure's period is reported for: the year of its last day (2016—2020年 → 2020,
    截至2019年底 → 2019, 2019年以来 → the year published), else of its first."""
    if period is None:
        return None
    day = period.period_end or period.period_start
    return int(day[:4]) if day else None


def figures_frame(docs: Iterable[CleanDocument]):
    """All figures of ``docs`` as a DataFrame with :data:`COLUMNS`, sorted by doc_id and offset."""
    import pandas as pd

    rows = [r for d in docs for r in doc_figures(d)]
    df = pd.DataFrame(rows, columns=COLUMNS)
    return _tidy(df)


def _tidy(df):
    import pandas as pd

    if df.empty:
        return df
    df = df.sort_values(["doc_id", "start", "end", "figure_id"], kind="stable",
                        key=lambda c: c.map(_natural) if c.name == "figure_id" else c)
    df = df.reset_index(drop=True)
    for col in ("value", "value_high"):
        if all(v is None or isinstance(v, int) for v in df[col]) and df[col].notna().any():
            df[col] = pd.array([v if v is not None else pd.NA for v in df[col]], dtype="Int64")
    return df


def _natural(fid: str):
    if isinstance(fid, str) and "#" in fid:
        d, k = fid.rsplit("#", 1)
        return f"{d}#{int(k):08d}"
    return fid
