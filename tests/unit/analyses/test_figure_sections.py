"""The year of a figure from its paragraph and its report section (analyses.figures.sections), on
hand-written reports and articles."""
from __future__ import annotations

import dataclasses

from conftest import make_doc
from zhaoshang.analyses.figures import doc_figures
from zhaoshang.analyses.figures.sections import report_sections, section_year


def periods(body, *, published="2023-08-23", title="", year=None):
    doc = make_doc(body, published=published, title=title)
    if year is not None:
        doc = dataclasses.replace(doc, year=year)
    return [(r["text"], r["period_start"], r["period_end"]) for r in doc_figures(doc)]


REPORT = ("一、2020年工作回顾\n"
          "过去一年，全区上下团结奋斗。地区生产总值完成88亿元。全年完成固定资产投资31亿元。\n"
          "去年，全区引进项目12个。当年到位资金9亿元。\n"
          "二、2021年工作安排\n"
          "今年是“十四五”开局之年。全年固定资产投资预期完成35亿元。\n"
          "今年地方财政收入拟安排6亿元。拟发行专项债券3亿元。\n")


def test_a_reports_whole_year_is_the_year_of_its_section():
    got = periods(REPORT, published=None, title="2021年某区人民政府工作报告", year=2021)
    y20, y21 = ("2020-01-01", "2020-12-31"), ("2021-01-01", "2021-12-31")
    assert got == [
        ("88亿元", *y20),             # 过去一年 opens its paragraph and frames it (the past year's figures)
        ("31亿元", *y20),             # 全年 in the review: the year before the report's
        ("12个", *y20),               # 去年 opens its sentence ...
        ("9亿元", *y20),              # ... and frames the next one of its paragraph
        ("35亿元", *y21),             # 全年 in the plan: the report's year
        ("6亿元", *y21),
        ("3亿元", *y21),              # 今年 opened the sentence before
    ]


def test_sections_of_a_report():
    s = report_sections(REPORT, 2021)
    review_at, plan_at = REPORT.index("过去一年"), REPORT.index("今年是")
    assert section_year(s, review_at, 2021) == 2020
    assert section_year(s, plan_at, 2021) == 2021
    assert section_year(s, 0, 2021) == 2020  # the heading itself opens the review
    # no review heading: nothing known from sections
    assert report_sections("今年，全区…", 2021).review is None
    # a five-year review's 全年 is no one year
    s = report_sections("一、过去五年工作回顾\n全年…\n二、今后五年的目标\n", 2018)
    assert s.five_years and section_year(s, 8, 2018) is None


def test_an_articles_whole_year_is_its_paragraphs_year():
    assert periods("2022年，某县经济平稳。全年签约项目40个。") == [("40个", "2022-01-01", "2022-12-31")]
    # no year to take it from: the text is kept, no date invented
    assert periods("全年签约项目40个。") == [("40个", None, None)]


def test_what_does_not_frame_a_paragraph():
    # a quarter that is its sentence's topic, a plan's title, a day: none frames the sentences after
    assert periods("去年一季度经济开局良好。全市引进项目8个。") == [("8个", None, None)]
    assert periods("“十五五”规划纲要提出，优化营商环境。全市推动改革措施50项。") == [("50项", None, None)]
    assert periods("8月21日，某市召开大会。全市引进项目8个。") == [("8个", None, None)]
    # a part of a year set off by a comma does
    assert periods("1-7月，全县经济平稳。项目投资完成22亿元。") == [("22亿元", "2023-01-01", "2023-07-31")]


def test_a_projects_size_takes_no_period_from_the_paragraph():
    got = periods("今年，全市经济平稳。投资100亿元的化工项目开工。某工程总投资25亿元。全市新增企业30家。")
    assert got == [("100亿元", None, None), ("25亿元", None, None), ("30家", "2023-01-01", "2023-12-31")]


def test_a_day_governs_the_sentence_it_opens():
    assert periods("今天（8月21日），某市集中开工项目30个，总投资120亿元。") == [
        ("30个", "2023-08-21", "2023-08-21"), ("120亿元", "2023-08-21", "2023-08-21")]
    # a day in the middle of the sentence is when one thing happened, not the period of all its figures
    assert periods("此外，洽谈会今天结束，近300家企业参加，达成合作意向41项。") == [
        ("300家", None, None), ("41项", None, None)]


def test_the_clause_rules():
    # a time of another event (…后，) does not date the figures after it
    assert periods("一期工程在2026年底投产后，年产值将超过50亿元。") == [("50亿元", None, None)]
    # 到2030年时: by then
    assert periods("到2030年时，产业规模将达到1000亿元。") == [("1000亿元", "2030-01-01", "2030-12-31")]
    # a period further on in the clause belongs to what it stands next to
    got = periods("总投资30亿元中一半的资金来自于去年发行的专项债。")
    assert got[0] == ("30亿元", None, None)
    # … but one right after the figure, in brackets, is the figure's
    assert periods("实现产值5亿元（2019年）。") == [("5亿元", "2019-01-01", "2019-12-31")]
    # a time looked towards qualifies its noun, not the clauses after it; a plan's year before 的 frames them
    assert periods("部署启动面向2030年的科技创新重大项目，新设6个国家自主创新示范区。") == [("6个", None, None)]
    assert periods("按2024年的计划指标计算，新建项目需要投资120亿元。") == [("120亿元", "2024-01-01", "2024-12-31")]


def test_whole_year_takes_the_last_year_named_before_it_in_its_sentence():
    body = "2021年投资增加12亿元，2022年增加15亿元，全年总投资达到90亿元。"
    assert periods(body)[-1] == ("90亿元", "2022-01-01", "2022-12-31")
    # a month alone names no year: in a report's review, the section's year
    report = "一、2019年工作回顾\n出口从7月份开始回升，全年达到19亿美元。\n二、2020年工作安排\n"
    got = periods(report, published=None, title="2020年某区政府工作报告", year=2020)
    assert got == [("19亿美元", "2019-01-01", "2019-12-31")]


def test_a_count_before_de_is_framed_like_any_count():
    # 七万户的企业 counts enterprises: only a sum of money before 的 is a project's size
    assert periods("2022年，全县经济平稳。三千户的个体工商户完成登记。") == [("三千户", "2022-01-01", "2022-12-31")]


def test_a_day_in_an_earlier_clause_gives_way_to_the_year_before_it():
    got = periods("该局于2022年推动地上权设定，并于4月11日举办说明会，吸引企业50家参与。")
    assert got == [("50家", "2022-01-01", "2022-12-31")]


def test_a_year_written_before_a_number_is_that_numbers():
    got = periods("人均收入由2012年7000元增加到2017年12000元。农民人均收入由2400元增加到4100元。")
    assert got == [("7000元", "2012-01-01", "2012-12-31"), ("12000元", "2017-01-01", "2017-12-31"),
                   ("2400元", None, None), ("4100元", None, None)]
    # in one sentence, a parallel change without its years takes the years of the first
    # (analyses.figures.changes; the seventh check set's labeller read 2003's report so)
    got = periods("人均收入由2012年7000元增加到2017年12000元，农民人均收入由2400元增加到4100元。")
    assert got[2:] == [("2400元", "2012-01-01", "2012-12-31"), ("4100元", "2017-01-01", "2017-12-31")]
    # …增加到95亿元 is not of 上年, written before 18亿元 (but of 今年, framing the sentence)
    got = periods("从今年开始，中央财政支出将由上年18亿元增加到95亿元。")
    assert got == [("18亿元", "2022-01-01", "2022-12-31"), ("95亿元", "2023-01-01", "2023-08-23")]


def test_a_day_that_opens_its_clause_dates_what_follows():
    got = periods("8月22日，记者从某公司获悉，8月21日，该公司与某省5家企业签署协议。")
    assert got == [("5家", "2023-08-21", "2023-08-21")]


def test_a_review_opener_frames_its_paragraph_not_the_next():
    body = ("一、2017年工作回顾\n过去的一年，我们综合施策。争取到预算内投资2.76亿元。\n"
            "全区实施重点项目47个。\n")
    got = periods(body, published=None, title="2018年某区人民政府工作报告", year=2018)
    assert got == [("2.76亿元", "2017-01-01", "2017-12-31"), ("47个", None, None)]


def test_that_year_in_a_reports_review_and_the_address_to_the_delegates():
    body = ("一、2020年工作回顾\n"
            "各位代表，刚刚过去的2020年，我们攻坚克难。地区生产总值达到88亿元。\n"
            "总投资30亿元的商贸综合体项目当年完成投资6.1亿元。\n"
            "二、2021年工作安排\n"
            "当年计划新开工项目20个。\n")
    got = periods(body, published=None, title="2021年某区人民政府工作报告", year=2021)
    assert got == [
        ("88亿元", "2020-01-01", "2020-12-31"),   # the address, then the year: it frames its paragraph
        ("30亿元", None, None),                   # a project's size takes no period
        ("6.1亿元", "2020-01-01", "2020-12-31"),  # 当年 in the review: the year reviewed
        ("20个", "2021-01-01", "2021-12-31"),     # 当年 in the plan: the report's year
    ]
    # in an article, 当年 without a year before it stays the year of publication
    assert periods("该项目当年完成投资6.1亿元。", published="2023-08-23") == [("6.1亿元", "2023-01-01", "2023-12-31")]


def test_an_hour_after_the_opening_day_is_no_subordinate_clause():
    assert periods("11日9时，记者在生产基地看到，11个储油罐分布其中。", published="2011-04-12") == [
        ("11个", "2011-04-11", "2011-04-11")]
    # a clause of when something else happens still dates nothing after it
    assert periods("2013年底一期投产时，年销售收入将超过100亿元。", published="2011-04-12") == [
        ("100亿元", None, None)]


# ---- session 7: a paragraph led by 全年, the end of the year reviewed, a five-year review's 这五年 and 五年
def test_a_paragraph_led_by_whole_year_is_that_years():
    body = ("一、2020年工作回顾\n"
            "（一）经济实力明显增强。全年地区生产总值完成88亿元。驻区金融机构达到36家。"
            "全年新增企业12家。星级酒店达到16家。\n"
            "招商引资成效明显。引进项目20个，全年到位资金9亿元。新建厂房15个。\n")
    got = periods(body, published=None, title="2021年某区人民政府工作报告", year=2021)
    y20 = ("2020-01-01", "2020-12-31")
    assert got == [
        ("88亿元", *y20),
        ("36家", *y20),    # led by 全年 after the inline heading: the paragraph is the year reviewed's
        ("12家", *y20),
        ("16家", *y20),
        ("20个", None, None),   # 全年 further down a paragraph governs only its own sentence
        ("9亿元", *y20),
        ("15个", None, None),
    ]


def test_the_end_of_the_year_reviewed():
    body = ("一、1996年工作回顾\n"
            "国家外汇储备年底达到1050亿美元。年末新设企业120家，年底前建成项目30个。\n")
    got = periods(body, published=None, title="1997年政府工作报告", year=1997)
    assert got == [
        ("1050亿美元", None, "1996-12-31"),        # a stock at the end of 1996
        ("120家", "1996-12-01", "1996-12-31"),     # set up at the end of the year: in December
        ("30个", None, "1996-12-31"),              # a deadline
    ]


def test_a_five_year_review_opened_by_these_five_years():
    body = ("一、“十一五”时期的回顾\n"
            "这五年，我国社会生产力显著提高。国内生产总值达到39.8万亿元。\n"
            "基础设施建设明显加快，五年建成机场33个。\n")
    got = periods(body, published=None, title="2011年政府工作报告", year=2011)
    five = ("2006-01-01", "2010-12-31")
    assert got == [("39.8万亿元", *five), ("33个", *five)]


def test_five_years_of_a_plan_are_not_the_years_before_the_report():
    # a report on a new five-year plan: its 五年投资 is the plan's, not 1977-1981
    body = ("一、1981年工作回顾\n去年，全国引进项目12个。\n"
            "二、第六个五年计划\n煤炭工业建设，五年投资一百七十九亿元，重点用于开发山西煤田。\n")
    got = periods(body, published=None, title="1982年政府工作报告", year=1982)
    assert got == [("12个", "1981-01-01", "1981-12-31"), ("一百七十九亿元", None, None)]


def test_from_a_year_until_a_later_point_is_one_span():
    body = "自2015年起，该公司陆续收购海外资产，至2019年底，已收购企业12家，耗资30亿元。"
    assert periods(body) == [("12家", "2015-01-01", "2019-12-31"), ("30亿元", "2015-01-01", "2019-12-31")]
    # an up-to point alone keeps no start
    assert periods("截至2019年底，已收购企业12家。") == [("12家", None, "2019-12-31")]


def test_a_guiding_phrase_before_the_opening_whole_year():
    body = ("一、2011年工作回顾\n"
            "（四）现代化农牧业进程加快。按照“做精一产”的发展思路，全年共实施现代化农牧业项目27个。"
            "19家市级以上龙头企业带动了农业增效。\n")
    got = periods(body, published=None, title="2012年某区人民政府工作报告", year=2012)
    assert got == [("27个", "2011-01-01", "2011-12-31"), ("19家", "2011-01-01", "2011-12-31")]


def test_a_price_base_is_no_period():
    got = periods("农业总产值达到603亿元（按1952年不变价格计算）。", published=None, title="1958年政府工作报告", year=1958)
    assert got == [("603亿元", None, None)]



def test_a_story_that_opens_with_an_events_days_dates_its_undated_figures():
    body = ("昨日下午，为期4天的台博会落幕。\n"
            "本届台博会共吸引了320家企业参展。\n"
            "展会创造了总采购商机20亿元，去年同期仅15亿元。\n"
            "2010年，该市引进台资项目12个。\n")
    got = periods(body, published="2011-04-25")
    fair = ("2011-04-21", "2011-04-24")
    assert got[0] == ("320家", *fair)
    assert got[1] == ("20亿元", *fair)
    assert got[-1] == ("12个", "2010-01-01", "2010-12-31")   # a figure with its own year keeps it


def test_an_event_later_in_a_story_dates_only_its_own_sentence():
    body = ("今年以来，东莞引进项目30个。\n全市共有企业500家。\n"
            "从7月19日开始，逾50家全球采购企业来华参与为期一周的采购峰会。\n")
    got = periods(body, published="2011-07-29")
    assert got[1] == ("500家", None, None)
    assert got[2] == ("50家", "2011-07-19", "2011-07-25")  # 逾 is its qualifier, not its text


def test_a_review_of_the_past_year_and_five_years_has_its_whole_year():
    body = ("一、过去一年和五年工作回顾\n"
            "过去一年，我国经济顶住压力。全年增值税留抵退税超过2.4万亿元。\n"
            "二、对今年政府工作的建议\n")
    got = periods(body, published=None, title="2023年政府工作报告", year=2023)
    assert got == [("2.4万亿元", "2022-01-01", "2022-12-31")]
    # a review of five years alone: its 全年 is no one year
    body = "一、过去五年工作回顾\n五年来成绩显著。其中全年引进项目120个。\n二、对今年政府工作的建议\n"
    assert periods(body, published=None, title="2018年政府工作报告", year=2018) == [("120个", None, None)]


def test_an_undated_time_opening_a_sentence_ends_the_earlier_frame():
    body = "到2022年底，全市共有企业500家。这几年，共有240件作品获奖。新建学校12所。\n"
    got = periods(body)
    assert got[0] == ("500家", None, "2022-12-31")
    assert got[1] == ("240件", None, None)      # of 这几年, which names no date
    assert got[2] == ("12所", None, None)       # and the frame does not come back


def test_a_plans_targets_without_a_year_are_the_reports_year():
    body = ("一、2013年工作回顾\n"
            "经济社会发展主要预期目标是：地区生产总值增长10%，达到250亿元。\n"   # in the review: not the plan's
            "二、2014年工作安排\n"
            "经济社会发展主要预期目标是：地区生产总值增长11%，达到282亿元;区本级固定资产投资增长20%，达到108.8亿元。"
            "主要约束性指标达到上级要求。\n"
            "全区新建道路12条，投资3亿元。\n")
    got = periods(body, published=None, title="2014年某区人民政府工作报告", year=2014)
    y14 = ("2014-01-01", "2014-12-31")
    assert got == [("250亿元", None, None), ("282亿元", *y14), ("108.8亿元", *y14),
                   ("12条", None, None), ("3亿元", None, None)]  # the next paragraph names no year
    # the same words in a story of no report: no year of a plan
    assert periods("经济社会发展主要预期目标是：地区生产总值达到282亿元。", published=None) == [
        ("282亿元", None, None)]
    # a report whose year is not known: no year either (not "None-01-01")
    assert periods(body, published=None, title="某区人民政府工作报告")[1] == ("282亿元", None, None)


def test_the_years_since_an_event_named_before_them_frame_the_paragraph():
    body = ("二、2002年工作回顾\n"
            "实施西部大开发战略三年来，国家通过加大建设投入等措施，有力地促进了西部地区发展。新开工建设36项重点工程。\n")
    got = periods(body, published=None, title="2003年政府工作报告", year=2003)
    assert got == [("36项", "2000-01-01", "2002-12-31")]
    # a phrase with a number or a break before the years is no such event
    body = "二、2002年工作回顾\n我们投资了5亿元，三年来，新开工建设36项重点工程。\n"
    assert periods(body, published=None, title="2003年政府工作报告", year=2003)[0] == ("5亿元", None, None)


def test_the_time_things_were_issued_does_not_date_what_is_done_to_them():
    body = "五年间，国务院对2000年底以前发布的756件行政法规进行全面清理，废止71件，宣布失效80件。"
    got = periods(body, published=None, year=2003, title="2003年国务院政府工作报告")
    assert got[1:] == [("71件", "1998-01-01", "2002-12-31"), ("80件", "1998-01-01", "2002-12-31")]
    # a year that frames its clause still dates the figures after it
    got = periods("2000年，全市对发布的756件规章进行清理，废止71件。", published="2001-03-01")
    assert got[-1] == ("71件", "2000-01-01", "2000-12-31")
