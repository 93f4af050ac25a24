"""The metric family of a figure read from its clause, where the metric's own words do not decide it.

:func:`zhaoshang.analyses.figures.totals.family_of` gives the family of the metric as written (总投资
planned, 完成投资 invested …). Often the metric is only 投资, 资金 or 项目 and the family lies in the
words around the figure:

* signing — 签约/签署/协议/意向/订单 before the figure in its sentence: the money (总投资, 签约额) and the
  projects, firms and cases counted are contracted (29家央企与辽宁签约64个项目);
* a plan — 将, 拟, 计划, 预计 … before the figure in its clause —, an amount that qualifies a project
  (投资5亿元的农贸市场项目, 总金额超800亿元的石化项目) or a phase's (一期投资20亿元): the size of a project, planned;
* an acquisition's price — 以1500万元收购/认购/增持…: invested (contracted when an agreement before
  it in the sentence sets it);
* investment made — 投资/投入 right before the amount (投资4360万元，对城区雨水管网进行改造; 投入国债资金147亿元),
  or 完成, 吸引, 落实, 实现 before it in its clause (项目投资完成220.53亿元, 吸引69.96億元投資額): invested;
* foreign capital named just before a metric without a family word (外商直接投资保持良好势头，实际金额达到…):
  foreign; funds 到位 before the figure: in place.

Every look is a bounded window before or after the figure, so the cost per figure is constant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from zhaoshang.analyses.figures.qualify import qualifier_before
from zhaoshang.analyses.figures.totals import family_word
from zhaoshang.text.script import to_simplified

__all__ = ["SentenceCues", "figure_family", "part_family", "sentence_cues"]

_SIGNING_NOUNS = "协议|合同|签约|意向|订单"  # what is signed or agreed (签约 both act and noun)
# (合同外资, 协议利用港资: a kind of foreign capital, no signing of the projects counted beside it)
_CAPITAL_KINDS = "(?:利用|引进)?(?:外资|港资|台资|侨资|澳资)"  # foreign capital, as 合同/协议 qualify it
_SIGNED = re.compile(f"签订|签署|(?:{_SIGNING_NOUNS})(?!{_CAPITAL_KINDS})")
_CLAUSE_BREAK = re.compile("[，,；;：:。！？!?\n]")
_WINDOW = 40
_PREV_REACH = 24  # how far into the clause before a figure's its cues are looked for (外商直接投资…，实际金额…)

# a plan, an intention or a target governs the figure's sentence (今年要完成铁路投资8000亿元)
# (规划 of a noun — 规划展厅, 规划局, 规划区 — is no plan)
_PLAN = re.compile("将(?!近)|拟|计划|预计|准备|力争|争取|确保|打算|规划(?![展馆局院区]|许可|用地|面积)|意向|有望|可望|预期|目标|决定|未来|"
                   "要(?=[^，,；;。]{0,3}(?:完成|实现|安排|新增|投资|投入|增加|达到))")
# investment made or drawn: 完成投资, 投资完成, 吸引投资, 落实投资, 实现投资, 实际投资
_MADE = re.compile("完成|吸引|落实|实现|实际投资|实际投入|引进|招引|撬动|带动|带来|累计投资|固定资产|新增")
# investment drawn, said in the clause before a bare 投资金额 (累计已吸引1,475家企业投资，投资金额达2兆1,887亿元)
_DRAWN_BEFORE = re.compile("吸引|引进|促成|招引|带来")
# 投资/投入/斥资/使用 as the verb of the amount, maybe with a connective (投资也达到, 投入了, 投入资金, 拟使用)
_SPENT_VERB = re.compile(r"(?:投资|投入|斥资|注资|出资|使用)(?:了|也|共|约|总计|合计|达到?)*"
                         r"(?:[\u4e00-\u9fff]{0,4}资金)?(?:了|共|约|达到?)*$")
# the amount qualifies what follows it: 投资5亿元的万家惠农贸市场项目, 总金额超800亿元的石化项目
_ATTRIBUTIVE = re.compile(r"(?:以上|左右|多|余)?(?:建设|兴建|新建|打造)?的(?!投资|直接投资|金额|总额|资金)")  # not 吸引722亿元的投资额
# (省外资金, 市外资金: money from elsewhere in the country, not foreign)
_FOREIGN = re.compile("外商直接投资|外商(?:来华|来台|在华|在台)?投资|侨外投资|陆资来台|利用外资|使用外资|引进外资|国外资金|(?<!预算)(?<![省市县区])外资"
                      "|[德日韩美欧港台澳侨]资企业")
# the investment of the firms counted just before (累计落户台资企业超过2000家，总投资逾300亿美元; 德资企业300多家，累计
# 投资额超过50亿美元)
_TOTAL_OF_FIRMS = frozenset({"总投资", "投资额", "投资总额", "累计投资额", "累计投资总额", "累计投资"})
_FOREIGN_FIRMS = re.compile("[德日韩美欧港台澳侨外]资企业|外商投资企业")
_AGREED_DRAW = re.compile("(?:协议|合同|签约)引资")
# bonds allotted to projects (拟安排国债资金超过2800亿元): a plan's, like 拟安排的预算内投资 — unlike the money a
# budget allots to people (中央财政安排就业专项资金…: other)
_BONDS_ALLOTTED = re.compile("安排[^，,；;。]{0,6}国债|国债[^，,；;。]{0,4}安排")
# investment completed, said in the figure's own clause (计划投资12亿元，目前已完成投资8.6亿元; not 今年要完成…)
# (累计完成 too, after a plan's clause: 年度计划投资218.6亿元，累计完成投资203.9亿元)
_DONE = re.compile("已完成|已经完成|实际完成|已?累计完成|完成了")
_DOMESTIC_MONEY = re.compile("(?:省外|市外|县外|区外|境内)资金|内资")
# metrics that say how much, not of what: the clause before may say it is foreign capital
# statistics of investment approved to go abroad (核准对外投资, 核准台商赴越南投资, 核准对中国大陆投资金额): outward
# direct investment, not the size of a project (核准对中国大陆以外地区投资 is abroad too)
_APPROVED_OUTWARD = re.compile(r"核准[^。；;]{0,12}?(?:对外|赴外|境外|[对赴][^，,。；;]{1,12}?投资)")
# foreign capital signed for, the words right before the amount (合同利用外资, 协议利用港资, 合同台资额达)
_SIGNED_FOREIGN = re.compile(rf"(?:合同|协议){_CAPITAL_KINDS}(?:金额|额|总额)?(?:达到?|为|共|计|合计)?$")
_GENERIC = {"资金", "金额", "实际金额", "总额", "资金总额", "投资", "直接投资", "实际使用", "实际利用"}
_IN_PLACE = re.compile("到位")
_BARE_ARRIVED = {"到位", "实际到位"}  # arrived, of what the clause before says
# a project count by stage is not what was signed (签约项目61个，开工项目30个)
_STAGE = re.compile("开工|竣工|投产|在建|新建|续建|实施|建成|完工")
# the amount is what an agreement is for: 近430亿元合作协议, 50亿元的投资协议, 20亿元合同, 近19亿元的采购意向金额
_SIGNED_AFTER = re.compile(rf"(?:以上|左右|多|余)?的?[^，,；;。的]{{0,4}}(?:{_SIGNING_NOUNS})")
_NOT_SIGNED_UNITS = set("场次届期轮批")  # events, editions and batches (分三批向社会推介外资项目)
# a price paid for a firm or a stake: 以1500万元收购了武陵酒业60%的股权, 以2.86亿澳元(约合18亿元人民币)收购,
# 以400万元的现金合计增持股权, 以近19.74亿元对价，收购…股权, 以2000万英镑的价格，成功收购了
_ACQUIRED = re.compile(r"(?:[(（][^)）]{0,24}[)）])?(?:(?:的价格|的?对价|的?收购价|的现金|现金)[，,]?)?"
                       r"[^，,；;。]{0,8}?(?:收购|认购|增持|入股|并购|购得|买下|控股)")
_AMOUNT_OF_PROJECT = ("投资", "金额", "总额", "规模")
# a plan or a target between the metric and its amount (…总额计划为, …总规模为, …预计达到)
_PLANNED_SIZE = re.compile("计划|预计|预期|目标|拟|总规模")
_PLAN_NAMED_AFTER = re.compile("[^，,；;。]{0,6}(?:计划|规划)")
# a phase of a project and what it is to cost (项目分两期建设，一期投资20亿元): its size, planned
_PHASE = re.compile(r"[一二三四五首](?:期|阶段)(?:工程|项目)?(?:建设)?(?:计划|总)?(?:投资|投入)[^，,；;。]{0,2}$")
# a sentence that lists targets (2012年全区经济社会发展的预期目标是：…；固定资产投资完成194亿元)
_TARGETS = re.compile("目标(?:是|为)?[：:]|目标任务[是为]?[：:]")
# public money spent on people (投入各类民生资金6.8亿元, 投入就业专项资金, 专项扶贫资金): spending, not
# investment — unlike public money put into building (省财政投入专项资金3.2亿元用于乡村道路)
_PUBLIC_SPENDING = re.compile("民生|就业|补贴|补助|救助|扶贫|助学|低保")


def _clause_start(view: str, ss: int, pos: int) -> int:
    lo = max(ss, pos - _WINDOW)
    last = None
    for m in _CLAUSE_BREAK.finditer(view, lo, pos):
        last = m
    return last.end() if last else lo


@dataclass(frozen=True)
class SentenceCues:
    """Where the first signing word (签约, 协议 …), the first announcement of targets (预期目标是：) and the
    first approval of investment abroad (核准对中国大陆投资) of a sentence end, None without one: found once
    per sentence (:func:`sentence_cues`), so that a sentence of thousands of figures stays linear."""

    signed_end: int | None
    targets_end: int | None
    outward_end: int | None = None


def sentence_cues(view: str, ss: int, se: int) -> SentenceCues:
    """The :class:`SentenceCues` of the sentence ``view[ss:se]``."""
    signed, targets = _SIGNED.search(view, ss, se), _TARGETS.search(view, ss, se)
    outward = _APPROVED_OUTWARD.search(view, ss, se)
    return SentenceCues(signed.end() if signed else None, targets.end() if targets else None,
                        outward.end() if outward else None)


def _before(end: int | None, pos: int) -> bool:
    return end is not None and end <= pos


def figure_family(family: str, kind: str, metric: str | None, view: str, ss: int, vs: int, ve: int,
                  se: int, cues: SentenceCues) -> str:
    """The family of the figure at ``view[vs:ve]`` (sentence ``view[ss:se]``, Simplified), given
    ``family``, the family of its metric alone (see the module's docstring for the rules), and the
    sentence's :class:`SentenceCues`."""
    signed_before = _before(cues.signed_end, vs)  # a signing word before the figure
    cs = _clause_start(view, ss, vs)
    ps = max(ss, cs - _PREV_REACH)  # this clause and the end of the one before
    before = view[cs:vs]
    q = qualifier_before(view, vs)  # not part of the figure's text: 投入资金近4000万元, 以约1.3亿元
    if q and q.start() >= cs:
        before = view[cs:q.start()]
    after_m = _CLAUSE_BREAK.search(view, ve, min(se, ve + _WINDOW))
    after = view[ve:after_m.start() if after_m else min(se, ve + _WINDOW)]
    m = metric or ""
    if kind == "count":
        if view[ve - 1:ve] in _NOT_SIGNED_UNITS:
            return "other"  # 对接签约等超百场配套活动, 三场集中签约活动: events, not what was signed
        if family == "other" and (_SIGNED.search(before) or _SIGNED.search(after) or _SIGNED.search(m)):
            return "contracted"  # 签约64个项目, 已签约100多个重大项目, 近60家企业现场签约
        if family == "foreign" and _SIGNED.search(before):
            return "contracted"  # 现场签约外资项目15个, 共签订港资项目合同436个: what was signed, foreign or not
        if family == "other" and "项目" in m and not _STAGE.search(m) and signed_before:
            return "contracted"  # 共有267个项目签约，…，10亿元以上项目有87个: projects of the signing
        if family == "other" and "核准" in m and _FOREIGN.search(view, ps, vs):
            return "foreign"  # 在侨外投资方面，八十五年核准件数为458件: approvals of foreign investment
        return family
    if signed_before and (family == "planned" or (family == "other" and "额" in m)):
        return "contracted"  # 签约项目61个，总投资298亿元: the investment signed for
    if family in ("planned", "other") and _SIGNED_AFTER.match(after):
        return "contracted"  # 达成近430亿元合作协议, 签下50亿元的合同
    if family == "other" and before.endswith("以") and _ACQUIRED.match(view, ve, min(se, ve + _WINDOW)):
        # the price of an acquisition: contracted when an agreement sets it (按照协议，…将以8亿美元认购), else
        # invested unless it is only planned (计划以1.15亿加元的价格收购它)
        if signed_before:
            return "contracted"
        if not _PLAN.search(before):
            return "invested"
    if family == "invested" and (_PLANNED_SIZE.search(before[-8:]) or _before(cues.targets_end, vs)):
        return "planned"  # 固定资产投资总额计划为3600亿元, 固定资产投资总规模为5700亿元: a plan's size
    if m in _BARE_ARRIVED and _FOREIGN.search(view, ps, vs):
        return "foreign"  # 外商直接投资保持增长势头，实际到位400多亿美元: foreign capital that arrived
    if family == "in_place" and _AGREED_DRAW.search(before):
        return "contracted"  # 协议引资总额1268.5亿元: investment drawn by agreements, not yet arrived
    if family == "foreign" and _SIGNED_FOREIGN.search(before):
        return "contracted"  # 合同利用外资2.87亿美元 (the metric read as 利用外资): foreign capital signed for
    defaulted = family == "other" and family_word(m) is None
    if family != "planned" and not defaulted:
        return family
    generic = m in _GENERIC or not m
    if generic and _DOMESTIC_MONEY.search(before):
        # 引进省外资金1200亿元: domestic money drawn in, as 引进内资 (the lexicon's) — even after a clause of foreign capital
        return "in_place"
    prev = view[ps:vs]
    if generic and _FOREIGN.search(prev):
        return "foreign"  # 外商直接投资保持良好势头，实际金额达到…
    if m in _TOTAL_OF_FIRMS and _FOREIGN_FIRMS.search(prev):
        return "foreign"  # 累计落户台资企业超过2000家，总投资逾300亿美元
    if (generic or m in _TOTAL_OF_FIRMS) and _before(cues.outward_end, vs):
        return "invested"  # 核准对中国大陆投资件数为376件；核准投资金额约50亿美元: investment made abroad
    if family == "planned" and "计划" not in m and "总" not in m and _DONE.search(before):
        return "invested"  # 二期项目计划投资12亿元，目前已完成投资8.6亿元: the clause before is the plan
    if family == "other" and m in _GENERIC | {"国债", "国债资金"} and _BONDS_ALLOTTED.search(before):
        return "planned"  # 拟安排国债资金超过2800亿元
    if family == "planned" and m in _GENERIC | {"投资金额", "投资额"} and _DRAWN_BEFORE.search(view, ps, cs):
        return "invested"  # 累计已吸引1,475家企业投资，投资金额达…
    if _ATTRIBUTIVE.match(after) and any(w in m for w in _AMOUNT_OF_PROJECT):
        return "planned"  # the size of the project it qualifies
    if _PLAN.search(view, max(ss, vs - 2 * _WINDOW), vs):
        return "planned" if defaulted and _SPENT_VERB.search(before) else family  # 将投入资金30亿元
    if family == "planned":
        if ("总" not in m and "计划" not in m and not _PLAN_NAMED_AFTER.match(after) and not _PHASE.search(before)
                and (_SPENT_VERB.search(before) or _MADE.search(before))):
            return "invested"  # 完成投资, 新增4万亿元投资; not 新增4万亿元的投资计划 (a plan's size), 一期投资20亿元
        return family
    if _SPENT_VERB.search(before):
        # 投入国债资金147亿元; but 投入各类民生资金6.8亿元 is public spending
        return "other" if _PUBLIC_SPENDING.search(before) else "invested"
    if _IN_PLACE.search(before):
        return "in_place"
    return family


def part_family(family: str, metric: str | None, total_family: str, total_metric: str | None) -> str:
    """The family of a part (其中…) of a total: the total's, when the part names the same metric, none,
    or one without a family word of its own (其中台南佔了143億元 under 全台總計投資2000多億元)."""
    m = to_simplified(metric) if metric else None
    if m is None or metric == total_metric or (family == "other" and family_word(m) is None):
        return total_family
    return family
