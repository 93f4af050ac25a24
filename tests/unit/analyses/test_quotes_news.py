"""Quotation shapes of business news (hand-written sentences): short spoken clauses, reported
sentences running into a quote, pronouns and descriptions in the same sentence, bodies named
without their marker, spokesmen of firms, names in parentheses, outlets between speaker and verb."""
from __future__ import annotations

import pytest
from conftest import make_doc
from zhaoshang.analyses.rhetoric import doc_quotes, doc_slogans


def quotes(body: str) -> list[dict]:
    return doc_quotes(make_doc(body))


def one(body: str) -> dict:
    rows = quotes(body)
    assert len(rows) == 1, rows
    return rows[0]


def slogan_texts(body: str) -> list[str]:
    return [r["slogan"] for r in doc_slogans(make_doc(body))]


def test_short_spoken_clause_after_a_speaker_is_speech():
    text = "中粮集团去年扩产。中粮表示，日本企业是否借助合资公司销售产品，“还在商洽中”。"
    r = one(text)
    assert (r["quote"], r["speaker"], r["role"]) == ("还在商洽中", "中粮", "enterprise")
    assert "还在商洽中" not in slogan_texts(text)


@pytest.mark.parametrize("text, term", [
    ("市长张明表示，全市将抓好“十四五”。", "十四五"),
    ("市长张明表示，要坚持“一带一路”。", "一带一路"),
    ("分析人士王强表示，这一局面“供不应求”。", "供不应求"),
    ("市长张明表示，推进“放管服”。", "放管服"),
])
def test_short_terms_after_a_speaker_stay_slogans(text, term):
    assert term in slogan_texts(text)
    assert quotes(text) == []


def test_reported_sentence_running_into_a_quote_without_a_comma():
    r = one("国家发改委相关人士向《经济参考报》表示，国内车企应当避免无序竞购，否则“帮别人掏钱还债，"
            "别人破产时，大股东还一分钱拿不到”。")
    assert r["speaker"] == "国家发改委相关人士"
    assert r["role"] == "official"


def test_outlet_between_speaker_and_verb():
    r = one("国家发改委相关人士向《经济参考报》独家透露：“当时最先报备案的是青年汽车。”")
    assert r["speaker"] == "国家发改委相关人士"


def test_pronoun_after_the_person_described_in_its_sentence():
    rows = quotes("分析师李明说：“市场很好。”\n6月20日记者采访泸州老窖相关负责人，他表示：“对此不予评论。”")
    assert rows[1]["speaker"] == "泸州老窖相关负责人"
    assert rows[1]["speaker"] != "李明"


def test_company_named_without_marker_and_its_spokesman():
    text = ("江口醇集团位于四川。“股权结构调整后，公司开始全力做好引资工作。”江口醇表示。\n"
            "中粮集团宣布收购。中粮Top Glory Australia一位新闻发言人对此表示：“我们承诺维持当前的运营模式。”")
    a, b = quotes(text)
    assert (a["speaker"], a["role"]) == ("江口醇", "enterprise")
    assert b["role"] == "enterprise"
    # a government spokesman keeps his office
    r = one("商务部新闻发言人高峰表示：“中方欢迎外资企业扩大投资。”")
    assert r["role"] == "official"


def test_speech_verb_after_a_title_is_no_name():
    r = one("有业内人士分析认为，其加大采购会促进转型升级，“杭产企业为了得到青睐，不得不进行转型升级。”")
    assert r["speaker"] == "业内人士"
    assert r["role"] == "other"


def test_latin_name_in_parentheses_between_name_and_verb():
    r = one("公司副总裁盖瑞·贝克(Gary Baker)表示：“中国是一个巨大的市场。”")
    assert r["speaker"] == "盖瑞·贝克"
    assert r["role"] == "enterprise"


def test_unnamed_person_of_a_body_and_rare_surname():
    text = ("分会常务副秘书长亓昭英告诉记者：“原来我们的钾肥都需要进口。”\n"
            "“实现国产、进口、境外各占三分之一是长远目标。”亓昭英表示。")
    a, b = quotes(text)
    assert a["speaker"] == b["speaker"] == "亓昭英"
    r = one("“此后，公司的战略也进行了一些调整。”中国中冶相关人士说。")
    assert r["speaker"] == "中国中冶相关人士"


def test_date_in_parentheses_opening_the_reported_sentence():
    r = one("昨日(6月20日)，中国钢材网资深分析师秦芬芬称，重组获批影响积极，“重组之后，鞍钢会投资建设冷轧项目。”")
    assert (r["speaker"], r["role"]) == ("秦芬芬", "other")


def test_subject_no_rule_parses_is_kept_as_written():
    r = one("合资四方称，到2017年，对控股公司的投资将达到100亿元，“计划把该公司销售额增加到约181亿元人民币”。")
    assert r["speaker"] == "合资四方"


def test_name_after_a_description_in_de():
    r = one("而另一位来自南非的全球最大的钻石开采公司的崔沃尔(Trevor Tebalo)表示：“MFG是一个很好的平台。”")
    assert (r["speaker"], r["role"]) == ("崔沃尔", "enterprise")


def test_adverb_after_a_three_character_name():
    r = one("著名经济学家郎咸平在书中表示了担忧。郎咸平并说“四大粮商控股主要品牌的局面已经形成，我们要警惕。”")
    assert (r["speaker"], r["role"]) == ("郎咸平", "other")


@pytest.mark.parametrize("text, speaker, role", [
    # a ministry's department head: 司长 is an official's title
    ("工信部原材料司司长王海也向记者透露，工信部正在编制规划。王海说：“要积极引导行业转型。”", "王海", "official"),
    # a firm's management (管理层, 高层) take the firm's role
    ("“手续都很齐全。”包头市一家稀土公司的管理层张伟告诉记者。", "张伟", "enterprise"),
    ("“我们当然要向外发展。”甲集团高层对记者说。", "甲集团高层", "enterprise"),
    # a time word right after a name ends it (近日, 日前, 昨日, 今天)
    ("甲公司董事长刘明近日表示：“中国是一个巨大的市场。”", "刘明", "enterprise"),
])
def test_titles_of_department_heads_and_managements_and_time_words_after_names(text, speaker, role):
    r = one(text)
    assert (r["speaker"], r["role"]) == (speaker, role)


def test_a_transliterated_name_ends_before_what_follows_names():
    text = ("天津甲复合材料总经理盖瑞·贝克日前接受记者采访时说，甲公司每年采购超过2亿美元。"
            "“目前公司月产能5000件，新厂房将把产能提高。”盖瑞·贝克说。")
    r = one(text)
    assert (r["speaker"], r["role"]) == ("盖瑞·贝克", "enterprise")


@pytest.mark.parametrize("text, speaker", [
    ("“我们当然要向外发展。”当时甲集团高层对记者说。", "甲集团高层"),  # a time word before the speaker
    # and between the speaker and the verb
    ("力拓集团是全球矿业巨头。\n力拓上个月表示，西芒杜铁矿项目总投资预计100亿美元，“宝钢的参与将会为将来铁矿石"
     "需求下降时提供稳定的市场。”", "力拓"),
])
def test_time_words_around_a_speaker_are_not_part_of_it(text, speaker):
    assert one(text)["speaker"] == speaker


@pytest.mark.parametrize("text, speaker, role", [
    # a bare firm name whose results the text reports (第一财季净亏损) is an enterprise
    ("索尼第一财季净亏损达到了155亿日元。索尼也表示：“地震给公司业务带来了影响。”", "索尼", "enterprise"),
    # an office of a city government (信息产业办, 招商办) is official
    ("武汉市信息产业办人士介绍：“不少产业园在招商初期都打着产业配套的旗号。”", "武汉市信息产业办人士", "official"),
])
def test_a_firm_known_by_its_results_and_a_government_office(text, speaker, role):
    r = one(text)
    assert (r["speaker"], r["role"]) == (speaker, role)


def test_a_bare_name_without_business_context_stays_unknown():
    r = one("甲乙表示：“合作前景很好。”")
    assert r["role"] != "enterprise"
