"""Periods named in a sentence resolve against the published date."""
from __future__ import annotations

import pytest
from zhaoshang.text.periods import find_periods, five_year_plan

PUB = "2023-08-23"


def one(text, published=PUB):
    ps = find_periods(text, published)
    assert len(ps) == 1, ps
    return ps[0].text, ps[0].period_start, ps[0].period_end


@pytest.mark.parametrize("text, expr, start, end", [
    ("今年上半年，该区新签约项目61个", "今年上半年", "2023-01-01", "2023-06-30"),
    ("据悉，上半年该县已累计签约项目59个", "上半年", "2023-01-01", "2023-06-30"),
    ("2022年以来，来自京津冀的新开工项目达到10个", "2022年以来", "2022-01-01", "2023-08-23"),
    ("今年以来，费县持续推进", "今年以来", "2023-01-01", "2023-08-23"),
    ("去年全市签约项目", "去年", "2022-01-01", "2022-12-31"),
    ("去年上半年", "去年上半年", "2022-01-01", "2022-06-30"),
    ("前三季度实现", "前三季度", "2023-01-01", "2023-09-30"),
    ("第二季度", "第二季度", "2023-04-01", "2023-06-30"),
    ("二季度末，贷款余额", "二季度末", "2023-06-01", "2023-06-30"),   # the quarter's last month, as 年底
    ("2022年一季度末，", "2022年一季度末", "2022-03-01", "2022-03-31"),
    ("1-6月，全市", "1-6月", "2023-01-01", "2023-06-30"),
    ("1至6月，全市", "1至6月", "2023-01-01", "2023-06-30"),
    ("2023年1—5月", "2023年1—5月", "2023-01-01", "2023-05-31"),
    ("前两个月", "前两个月", "2023-01-01", "2023-02-28"),
    ("“十四五”时期", "“十四五”时期", "2021-01-01", "2025-12-31"),
    ("十四五期间", "十四五期间", "2021-01-01", "2025-12-31"),
    ("“十三五”", "“十三五”", "2016-01-01", "2020-12-31"),
    ("2014年，全区地区生产总值", "2014年", "2014-01-01", "2014-12-31"),
    ("二〇二二年", "二〇二二年", "2022-01-01", "2022-12-31"),
    ("２０２２年以来", "２０２２年以来", "2022-01-01", "2023-08-23"),
    ("下半年", "下半年", "2023-07-01", "2023-12-31"),
    ("明年", "明年", "2024-01-01", "2024-12-31"),
])
def test_periods(text, expr, start, end):
    assert one(text) == (expr, start, end)


@pytest.mark.parametrize("text", ["增长6.5%，共5个项目", "二十五个项目", "十五个项目",
                                  "近年来，山东立足产业基础"])
def test_not_periods(text):
    assert find_periods(text, PUB) == []


def test_relative_without_published_date_stays_open():
    (p,) = find_periods("今年上半年", None)
    assert (p.period_start, p.period_end) == (None, None)
    (p,) = find_periods("2022年以来", None)
    assert (p.period_start, p.period_end) == ("2022-01-01", None)


def test_five_year_plans():
    assert five_year_plan(1) == ("1953-01-01", "1957-12-31")
    assert five_year_plan(10) == ("2001-01-01", "2005-12-31")
    assert five_year_plan(14) == ("2021-01-01", "2025-12-31")


def test_offsets_point_into_text():
    text = "据悉，上半年该县"
    (p,) = find_periods(text, PUB)
    assert text[p.start:p.end] == p.text == "上半年"


def test_year_in_chinese_digits_is_not_a_five_year_plan():
    # 1954 State Council report: 一九五三年 is a year; 一九五 must not read as a "19th Five-Year Plan"
    (p,) = find_periods("一九五三年的工业总产值", "1954-09-23")
    assert (p.text, p.period_start, p.period_end) == ("一九五三年", "1953-01-01", "1953-12-31")
    assert [(p.period_start, p.period_end) for p in find_periods("“六五”期间", "1983-06-06")] == [("1981-01-01", "1985-12-31")]
    assert [(p.period_start, p.period_end) for p in find_periods("十四五规划", "2023-08-23")] == [("2021-01-01", "2025-12-31")]


@pytest.mark.parametrize("text", [
    "国内生产总值达到４３８００亿元，按可比价格计算，比上年增长百分之十一点八",  # 1995 State Council report
    "人均住房面积达到39.28平方米，比2010年提高17%",                            # 2016 海拉尔区 report
    "平均达到2000元，是2010年的2倍",                                           # 2016 海拉尔区 report
    "地方财政收入较上年增长5%",
])
def test_bases_of_comparison_are_not_periods(text):
    assert find_periods(text, "2016-01-08") == []


def test_from_year_to_year_keeps_both_years():
    # 2016 海拉尔区: 地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元
    got = [(p.text, p.period_start) for p in find_periods("由2010年的162.4亿元增加到2015年的287.9亿元", "2016-01-08")]
    assert got == [("2010年", "2010-01-01"), ("2015年", "2015-01-01")]


# ---------------------------------------------------------------- the forms of issue 13 (hand-written)


@pytest.mark.parametrize("text, expr, start, end", [
    # year ranges keep both ends
    ("2016—2020年，全市累计引进项目", "2016—2020年", "2016-01-01", "2020-12-31"),
    ("从2008年到2018年，全县累计", "从2008年到2018年", "2008-01-01", "2018-12-31"),
    ("1998年至2002年间", "1998年至2002年间", "1998-01-01", "2002-12-31"),
    ("从一九五三年到一九六○年这八年时间内", "从一九五三年到一九六○年", "1953-01-01", "1960-12-31"),
    # month ranges across years
    ("2017年5月至2018年4月，全市", "2017年5月至2018年4月", "2017-05-01", "2018-04-30"),
    ("前年11月到去年3月", "前年11月到去年3月", "2021-11-01", "2022-03-31"),
    ("2019年1月至6月", "2019年1月至6月", "2019-01-01", "2019-06-30"),
    # since-expressions run to the published day
    ("2019年起，全市", "2019年起", "2019-01-01", PUB),
    ("从去年9月起，该县", "从去年9月起", "2022-09-01", PUB),
    ("2015年至今", "2015年至今", "2015-01-01", PUB),
    ("年初以来", "年初以来", "2023-01-01", PUB),
    ("“十三五”以来", "“十三五”以来", "2016-01-01", PUB),
    # up to a day: no start
    ("截至2019年底，累计引进", "截至2019年底", None, "2019-12-31"),
    ("截至今年6月底", "截至今年6月底", None, "2023-06-30"),
    ("目前，全区已有", "目前", None, PUB),
    ("到目前为止，全县", "到目前为止", None, PUB),
    # two-digit years, when a month or a marker says they are years
    ("98年5月，该厂投产", "98年5月", "1998-05-01", "1998-05-31"),
    ("在98年，全市", "98年", "1998-01-01", "1998-12-31"),
    # quarters and months with 两/首/本/上个
    ("前两个季度", "前两个季度", "2023-01-01", "2023-06-30"),
    ("首季度", "首季度", "2023-01-01", "2023-03-31"),
    ("一至三季度", "一至三季度", "2023-01-01", "2023-09-30"),
    ("本季度", "本季度", "2023-07-01", "2023-09-30"),
    ("上个季度", "上个季度", "2023-04-01", "2023-06-30"),
    ("上个月", "上个月", "2023-07-01", "2023-07-31"),
    # spans around the present
    ("今明两年", "今明两年", "2023-01-01", "2024-12-31"),
    ("明后两年", "明后两年", "2024-01-01", "2025-12-31"),
    ("未来三年", "未来三年", "2023-08-23", "2026-08-22"),
    ("过去五年", "过去五年", "2018-08-24", "2023-08-23"),
    ("五年来", "五年来", "2018-08-24", "2023-08-23"),
    # five-year plans: their years, and parts of them
    ("十四五期间", "十四五期间", "2021-01-01", "2025-12-31"),
    ("“十三五”末", "“十三五”末", "2020-01-01", "2020-12-31"),
])
def test_issue13_forms(text, expr, start, end):
    assert one(text) == (expr, start, end)


@pytest.mark.parametrize("text, expr, start, end", [
    ("今年以来，全区签约", "今年以来", "1957-01-01", None),   # the end is a day nobody gave
    ("去年全国基本建设投资", "去年", "1956-01-01", "1956-12-31"),
    ("本年收入合计", "本年", "1957-01-01", "1957-12-31"),
    ("上半年", "上半年", "1957-01-01", "1957-06-30"),
    ("未来三年", "未来三年", "1957-01-01", "1959-12-31"),
    ("过去五年", "过去五年", "1952-01-01", "1956-12-31"),
    ("上个月", "上个月", None, None),                        # needs the day: stays open
])
def test_relative_periods_resolve_against_the_year_when_no_day_is_known(text, expr, start, end):
    (p,) = find_periods(text, None, 1957)
    assert (p.text, p.period_start, p.period_end) == (expr, start, end)


def test_a_yearly_report_looks_back_on_whole_years():
    (p,) = find_periods("过去的一年，全区", "2018-03-08", report=True)
    assert (p.period_start, p.period_end) == ("2017-01-01", "2017-12-31")


def test_years_of_the_republic_in_a_taiwan_text():
    # 108年 is 2019 (1911 + 108); a text that writes 108年4月 counts years that way throughout
    got = [(p.text, p.period_start, p.period_end)
           for p in find_periods("108年4月相較於107年底，依據108年1月至111年5月統計資料", "2022-10-09")]
    assert got[0] == ("108年4月相較於107年底", "2019-01-01", "2019-04-30")  # (since the end of 107: 2018)
    assert got[-1] == ("108年1月至111年5月", "2019-01-01", "2022-05-31")
    (p,) = find_periods("108年迄今，台南市新增", "2019-03-27", roc=True)
    assert (p.period_start, p.period_end) == ("2019-01-01", "2019-03-27")


@pytest.mark.parametrize("text", [
    "经过12年的发展",          # a duration
    "将近三年时间",            # a duration
    "自2024年1月1日起施行",    # a day
    "与去年同期相比增长10%",   # a base of comparison
    "世界上年产石油一亿吨以上的国家",  # 上年 inside 世界上年产
    "目前的情况看来",
])
def test_not_periods_issue13(text):
    assert find_periods(text, PUB) == []


def test_unresolvable_expressions_keep_their_text():
    # a three-digit year outside a Taiwan text, or 98年 with nothing to anchor it: no date, the text kept
    (p,) = find_periods("在108年，", PUB)
    assert (p.text, p.period_start, p.period_end) == ("108年", None, None)
    (p,) = find_periods("98年5月", None)
    assert (p.text, p.period_start, p.period_end) == ("98年5月", None, None)


def test_a_year_restated_by_benian_is_that_year():
    # 1956 report: １９５５年本年收入 is 1955's income, not the report's year
    assert [(p.text, p.period_start) for p in find_periods("１９５５年本年收入合计", None, 1956)] == [
        ("１９５５年", "1955-01-01")]


# ---------------------------------------------------------------- issue 13, second round (hand-written)


@pytest.mark.parametrize("text, expr, start, end", [
    # a day is the date of an event, read against the published day (2023-08-23)
    ("今天（8月21日），某市集中签约项目30个", "今天（8月21日）", "2023-08-21", "2023-08-21"),
    ("昨天下午，省商务厅举行洽谈会", "昨天下午", "2023-08-22", "2023-08-22"),
    ("某集团5日在上海签署协议", "5日", "2023-08-05", "2023-08-05"),
    ("某集团28日在上海签署协议", "28日", "2023-07-28", "2023-07-28"),   # 28 > 23: last month
    ("12月30日，该县召开大会", "12月30日", "2022-12-30", "2022-12-30"),  # months ahead: the year before
    ("2011年2月14日，某公司股权挂牌出让", "2011年2月14日", "2011-02-14", "2011-02-14"),
    ("截至2021年9月30日，累计", "截至2021年9月30日", None, "2021-09-30"),
    # 现已 / 现在: the state on the published day
    ("该区现已建成标准厂房", "现已", None, PUB),
    ("现在总额已经达到", "现在", None, PUB),
])
def test_days_and_now(text, expr, start, end):
    assert one(text) == (expr, start, end)


@pytest.mark.parametrize("text", [
    "政务服务实现在线审批",       # 实现在线: no 现在
    "三年内建成",                 # a duration
    "与上年同期相比",
    "较去年同期增长12%",
    "去年同期为5亿元",            # 去年同期: a base of comparison
    "2023年第一批重点项目",       # a batch's name
    "第十四届中俄经贸洽谈会",
    "5日内办结",                  # a duration
])
def test_not_periods_second_round(text):
    assert [p.text for p in find_periods(text, PUB)] == []


def test_recent_years_in_an_article_stay_unresolved():
    # 近三年 / 最近两年 in an article: the last three years to the day or three whole years? Unsaid.
    (p,) = find_periods("近三年，全县引进项目", PUB)
    assert (p.text, p.period_start, p.period_end) == ("近三年", None, None)
    # in a yearly report they are the whole years before its year
    (p,) = find_periods("近三年，全区引进项目", None, 2020, report=True)
    assert (p.period_start, p.period_end) == ("2017-01-01", "2019-12-31")


def test_whole_year_words_are_left_to_the_caller():
    # 全年 is the year being reported on: which one depends on the section (sections.py)
    (p,) = find_periods("全年完成投资8亿元", PUB)
    assert (p.text, p.period_start, p.period_end) == ("全年", None, None)
    (p,) = find_periods("年内建成投产", PUB)
    assert (p.text, p.period_start, p.period_end) == ("年内", "2023-01-01", "2023-12-31")
    # 2019年全年: the year restated, one period
    assert [p.text for p in find_periods("2019年全年完成投资", PUB)] == ["2019年"]


def test_more_years_of_the_republic():
    got = [(p.text, p.period_start, p.period_end)
           for p in find_periods("統計105至107年，新增投資案；截至去(111)年底，累計；在 112 年度", "2023-03-01", roc=True)]
    assert got == [("105至107年", "2016-01-01", "2018-12-31"), ("截至去(111)年底", None, "2022-12-31"),
                   ("112 年", "2023-01-01", "2023-12-31")]


def test_years_of_the_republic_in_chinese_numerals():
    def got(text, **kw):
        return [(p.text, p.period_start, p.period_end) for p in find_periods(text, "1997-03-19", **kw)]
    assert got("經濟部公布統計，八十五年全年核准僑外投資件數為458件", roc=True) == [("八十五年全年", "1996-01-01", "1996-12-31")]
    assert got("在對外投資方面，八十五年核准件數為312件", roc=True) == [("八十五年", "1996-01-01", "1996-12-31")]
    assert got("民国八十五年核准的投资案") == [("民国八十五年", "1996-01-01", "1996-12-31")]  # (the Simplified view)
    assert got("一一二年度預算", roc=True)[0][1:] == ("2023-01-01", "2023-12-31")
    # years counted are no year; nor a numeral year in a text that does not count the Republic's
    assert got("該園區五十年來累計引進", roc=True) == []
    assert got("經濟部公布，八十五年全年", roc=False) == []


def test_a_span_of_tens_of_years_is_not_the_ten_inside_it():
    assert [p.text for p in find_periods("五十年来，全市累计引进项目1200个", "2019-10-01")] != ["十年来"]
    (p,) = find_periods("三十年来，全市累计引进项目1200个", "2019-10-01")
    assert (p.period_start, p.period_end) == ("1989-10-02", "2019-10-01")


@pytest.mark.parametrize("text, published, start, end", [
    # months counted from January, reported after they are over: in January, last year's
    ("1-11月，全市签约项目", "2017-01-10", "2016-01-01", "2016-11-30"),
    ("前三季度，全省实际使用外资", "2024-02-02", "2023-01-01", "2023-09-30"),
    ("1-10月，全县固定资产投资", "2016-11-22", "2016-01-01", "2016-10-31"),
    ("前两个月，全市新签项目", "2023-03-15", "2023-01-01", "2023-02-28"),
    # a single quarter may be a plan: of the year published
    ("一季度，全省计划开工", "2023-02-01", "2023-01-01", "2023-03-31"),
])
def test_cumulative_months_before_the_published_month(text, published, start, end):
    (p,) = find_periods(text, published)
    assert (p.period_start, p.period_end) == (start, end)


def test_a_year_right_before_its_amount():
    got = [(p.text, p.period_start) for p in find_periods("经费从2012年1288亿元增加到2017年的3664亿元", PUB)]
    assert got == [("2012年", "2012-01-01"), ("2017年", "2017-01-01")]
    assert find_periods("编号2019年12345", PUB) == []


@pytest.mark.parametrize("text, expr, start, end", [
    # the first months or quarters of a year, said with 首 or 头 as with 前, with or without 个/度
    ("单是今年首两个月，该署已协助100间企业", "今年首两个月", "2023-01-01", "2023-02-28"),
    ("头三个月，全县新签约项目8个", "头三个月", "2023-01-01", "2023-03-31"),
    ("前五月实际利用外资", "前五月", "2023-01-01", "2023-05-31"),
    ("今年前两季，签约项目12个", "今年前两季", "2023-01-01", "2023-06-30"),
    ("2022年首两季", "2022年首两季", "2022-01-01", "2022-06-30"),
    # as of the end of the month or quarter before the published one: a state, no start
    ("截至上月，投资推广署已协助58个家族办公室", "截至上月", None, "2023-07-31"),
    ("截至上个月底，累计签约", "截至上个月底", None, "2023-07-31"),
    ("截至上季度末，在建项目", "截至上季度末", None, "2023-06-30"),
])
def test_first_months_and_as_of_last_month(text, expr, start, end):
    assert one(text) == (expr, start, end)


def test_as_of_last_month_without_a_published_day_stays_open():
    (p,) = find_periods("截至上月，累计签约项目20个", None, 2023)
    assert (p.text, p.period_start, p.period_end) == ("截至上月", None, None)


def test_a_month_later_than_the_published_one_is_last_years_unless_it_is_to_come():
    (p,) = find_periods("12月，凯鹏华盈以千万美元投向两家水处理公司。", "2011-02-25")
    assert (p.period_start, p.period_end) == ("2010-12-01", "2010-12-31")
    (p,) = find_periods("项目计划于12月建成投产。", "2011-02-25")
    assert (p.period_start, p.period_end) == ("2011-12-01", "2011-12-31")
    (p,) = find_periods("3月，甲公司签约。", "2011-02-25")  # the next month: may be either, kept this year
    assert p.period_start == "2011-03-01"


def test_a_day_with_its_hour():
    (p,) = find_periods("11日9时，记者在生产基地看到。", "2011-04-12")
    assert (p.text, p.period_start, p.period_end) == ("11日", "2011-04-11", "2011-04-11")


@pytest.mark.parametrize("text, start, end", [
    ("从2009年到2011年第一季度，并购案例共有6起", "2009-01-01", "2011-03-31"),
    ("2010年至2011年上半年，累计投资", "2010-01-01", "2011-06-30"),
])
def test_a_range_of_years_that_ends_in_a_quarter_or_a_half(text, start, end):
    (p,) = find_periods(text, "2011-07-12")
    assert (p.period_start, p.period_end) == (start, end)


@pytest.mark.parametrize("text, published, expr, start, end", [
    # up to a month of the published year (or of the year before, when it would be two months ahead)
    ("截至6月底，全省水利投资已落实1134亿元", "2011-07-18", "截至6月底", None, "2011-06-30"),
    ("截至11月末，累计签约项目45个", "2012-01-10", "截至11月末", None, "2011-11-30"),
    ("截至3月15日，已有20家企业入驻", "2024-04-02", "截至3月15日", None, "2024-03-15"),
    # up to yesterday afternoon, today
    ("截至昨天下午2时，订单交易额3872万元", "2011-04-19", "截至昨天下午2时", None, "2011-04-18"),
    ("截至今日，已签约项目5个", "2011-04-19", "截至今日", None, "2011-04-19"),
    # 到 opening a clause with a month or an end: a point
    ("到今年6月底，累计投资12亿元", "2011-07-18", "到今年6月底", None, "2011-06-30"),
    ("河北省计划，到2025年年底，七大行业的265家企业完成改造", "2023-08-01", "到2025年年底", None, "2025-12-31"),
    # with its year before it: the year to date
    ("今年截至七月，工厂类建照共有73件核准", "2021-08-24", "今年截至七月", "2021-01-01", "2021-07-31"),
    ("2010年截至9月底，完成投资8亿元", "2011-02-01", "2010年截至9月底", "2010-01-01", "2010-09-30"),
])
def test_up_to_a_point(text, published, expr, start, end):
    assert one(text, published) == (expr, start, end)


def test_to_a_bare_year_and_a_changed_value_stay_years():
    assert one("到2015年时，这个行业将会达到24300亿元的总产值", "2011-05-01") == ("2015年", "2015-01-01", "2015-12-31")
    got = [(p.text, p.period_start) for p in find_periods("由2002年7703元增加到2007年13786元", "2011-05-01")]
    assert got == [("2002年", "2002-01-01"), ("2007年", "2007-01-01")]


def test_five_or_ten_years_summed_up_in_a_report():
    def report(text, year=2023):
        return [(p.text, p.period_start, p.period_end) for p in find_periods(text, None, year, report=True)]
    assert report("减税降费，五年累计减税5.4万亿元") == [("五年", "2018-01-01", "2022-12-31")]
    assert report("十年增加近70万亿元") == [("十年", "2013-01-01", "2022-12-31")]
    assert report("五年共实施重点工业项目141个", 2016) == [("五年", "2011-01-01", "2015-12-31")]
    # not of an article, nor of a report of no known year, nor an ordinal or a plan
    assert find_periods("公司五年累计投资12亿元", "2011-05-01") == []
    assert find_periods("五年累计投资12亿元", None, None, report=True) == []
    assert [p.text for p in find_periods("第五年共有10个项目", None, 2023, report=True)] == []


@pytest.mark.parametrize("text, expr", [
    ("如今，采购商已近百家", "如今"),
    ("“当前，我们的银行现金为2.93亿澳元", "当前"),
    ("现在，园区已入驻企业30家", "现在"),
])
def test_now_opening_a_clause_is_a_state_up_to_the_published_day(text, expr):
    assert one(text, "2011-05-05") == (expr, None, "2011-05-05")


def test_now_inside_a_word_is_no_period():
    assert find_periods("当前期投资完成后，再投资5亿元", "2011-05-05") == []


@pytest.mark.parametrize("text, expr, start, end", [
    # weeks (2023-08-23 is a Wednesday), not a weekday
    ("上周签约项目5个", "上周", "2023-08-14", "2023-08-20"),
    ("本周，签约项目3个", "本周", "2023-08-21", "2023-08-27"),
    # the end of last month or of this one: a point
    ("上月底，累计签约项目20个", "上月底", None, "2023-07-31"),
    ("本月末，完成投资3亿元", "本月末", None, "2023-08-31"),
    # quarters written the business way
    ("Q3营收增长", "Q3", "2023-07-01", "2023-09-30"),
    ("2022年Q4净利润", "2022年Q4", "2022-10-01", "2022-12-31"),
    # a two-digit year opening its clause
    ("98年，全市引进外资项目12个", "98年", "1998-01-01", "1998-12-31"),
])
def test_weeks_month_ends_business_quarters_and_two_digit_years(text, expr, start, end):
    assert one(text) == (expr, start, end)


@pytest.mark.parametrize("text", ["经过12年，全市发展很快", "IQ3芯片"])
def test_a_duration_and_a_model_name_are_no_period(text):
    assert find_periods(text, PUB) == []


def test_a_weekday_of_last_week_is_that_day_not_the_week():
    # published on Wednesday 23 August 2023: 上周五 is Friday the 18th
    assert one("上周五签约项目5个") == ("上周五", "2023-08-18", "2023-08-18")


# ---- forms added in session 7: the ends of years, decades, fiscal years, years around the present
@pytest.mark.parametrize("text, expr, start, end", [
    ("2015年底，全区共建成", "2015年底", "2015-12-01", "2015-12-31"),        # when: December
    ("外汇储备2015年底达到3.3万亿美元", "2015年底", None, "2015-12-31"),     # a stock at that point
    ("去年底增发的1万亿国债", "去年底", "2022-12-01", "2022-12-31"),
    ("去年年末，全市", "去年年末", "2022-12-01", "2022-12-31"),
    ("今年年底前完成投资", "今年年底", None, "2023-12-31"),                  # a deadline
    ("到年底，全市将新增企业", "年底", None, "2023-12-31"),                  # reached: the year published
    ("年底投产", "年底", "2023-12-01", "2023-12-31"),
    ("2015年初，该公司", "2015年初", None, None),                           # early in the year: undated
    ("2015年初以来，累计", "2015年初以来", "2015-01-01", "2023-08-23"),
    ("后年建成", "后年", "2025-01-01", "2025-12-31"),
    ("大后年", "大后年", "2026-01-01", "2026-12-31"),
    ("大前年，该市", "大前年", "2020-01-01", "2020-12-31"),
    ("2010年代", "2010年代", "2010-01-01", "2019-12-31"),
    ("上世纪90年代", "上世纪90年代", "1990-01-01", "1999-12-31"),
    ("20世纪八十年代", "20世纪八十年代", "1980-01-01", "1989-12-31"),
    ("80年代", "80年代", "1980-01-01", "1989-12-31"),                     # a decade, not 1980
    ("20年代", "20年代", "2020-01-01", "2029-12-31"),                     # the latest before 2023
    ("上世纪八十年代初", "上世纪八十年代初", None, None),
    # a fiscal year or quarter is not the calendar's (Japan's 第一财季 is April–June): kept, undated
    ("2009财年第四季度，公司净亏损", "2009财年第四季度", None, None),
    ("2022财年", "2022财年", None, None),
    ("2011年第一财季净亏损", "2011年第一财季", None, None),
    ("索尼第一财季净亏损", "第一财季", None, None),                  # alone too: not the calendar's first quarter
    ("10月中旬，", "10月中旬", "2022-10-11", "2022-10-20"),                # two months ahead: last year's
    ("8月上旬", "8月上旬", "2023-08-01", "2023-08-10"),
    ("7月下旬", "7月下旬", "2023-07-21", "2023-07-31"),
    ("2月下旬", "2月下旬", "2023-02-21", "2023-02-28"),
    ("6月初的报价", "6月初", "2023-06-01", "2023-06-10"),
])
def test_year_edges_decades_and_dekads(text, expr, start, end):
    assert one(text) == (expr, start, end)


@pytest.mark.parametrize("text", [
    "此后年均增长10%",       # 此后 + 年均, not 后年
    "二期投资达产后年销售收入将超过200亿元",   # 达产后 + 年销售收入
    "之后年产能达到",
    "每年底",               # every year
    "两年底",
    "扶贫标准2300元（2010年不变价）",   # the prices figures are in
    "按2010年价格计算",
])
def test_not_year_forms(text):
    assert find_periods(text, PUB) == []


@pytest.mark.parametrize("text, start, end", [
    ("第六个五年计划期间，", "1981-01-01", "1985-12-31"),
    ("第一个五年计划", "1953-01-01", "1957-12-31"),
    ("在第二个五年计划时期，", "1958-01-01", "1962-12-31"),
    ("第十个五年计划末，", "2005-01-01", "2005-12-31"),
])
def test_a_five_year_plan_named_in_full(text, start, end):
    got = [(p.period_start, p.period_end) for p in find_periods(text, "1982-12-10")]
    assert got == [(start, end)]


def test_a_span_said_as_a_yardstick_is_no_period():
    # 是1950年到2002年53年的总和: what the five years' figure equals, not its period
    assert find_periods("五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和；", "2008-03-05") == []


def test_a_later_point_compared_with_an_earlier_end_is_the_span_between():
    got = find_periods("108年4月相較於107年底，公司、工廠及商業登記新增1,045家", "2022-10-09", roc=True)
    assert [(p.period_start, p.period_end) for p in got] == [("2019-01-01", "2019-04-30")]
    got = find_periods("今年6月较去年底，新增企业300家", "2022-10-09")
    assert [(p.period_start, p.period_end) for p in got] == [("2022-01-01", "2022-06-30")]


def test_a_fiscal_quarter_is_dated_where_the_text_says_its_months():
    text = "其先后公布的2011年第一财季(4月-6月)业绩报告显示，东芝营业利润为41.2亿日元。此外，索尼第一财季净亏损155亿日元。"
    got = [(p.text, p.period_start, p.period_end) for p in find_periods(text, "2011-08-03")]
    assert got == [("2011年第一财季", None, None), ("4月-6月", "2011-04-01", "2011-06-30"),
                   ("第一财季", "2011-04-01", "2011-06-30")]
    # another quarter stays undated; so does one said with two different months
    assert [p.period_start for p in find_periods("第一财季(4月-6月)利润下降。第二财季亏损。", "2011-08-03")] == [
        "2011-04-01", "2011-04-01", None]
    text = "甲公司第一财季(4月-6月)亏损，乙公司第一财季(1月-3月)盈利。丙公司第一财季持平。"
    assert find_periods(text, "2011-08-03")[-1].period_start is None
