"""The metric family read from a figure's clause, and the place rules of issue 13 (hand-written
sentences, none taken from the corpora)."""
from __future__ import annotations

import pytest
from conftest import make_doc
from zhaoshang.analyses.figures import doc_figures
from zhaoshang.text.places import gazetteer


def row(body: str, text: str, **kw) -> dict:
    rows = [r for r in doc_figures(make_doc(body, published="2024-05-06", **kw)) if r["text"] == text]
    assert rows, (text, [r["text"] for r in doc_figures(make_doc(body, published="2024-05-06", **kw))])
    return rows[0]


# ---------------------------------------------------------------- family from the clause


@pytest.mark.parametrize("body, text, family", [
    # signing: the projects, firms and money signed for
    ("博览会期间，武汉市与客商签约重点项目45个，总投资860亿元。", "45个", "contracted"),
    ("博览会期间，武汉市与客商签约重点项目45个，总投资860亿元。", "860亿元", "contracted"),
    ("洽谈会上共有38个合作项目现场签约。", "38个", "contracted"),
    ("当天，17家企业与开发区签署投资协议。", "17家", "contracted"),
    # events are not what is signed
    ("今年举办对接签约、项目推介等活动12场。", "12场", "other"),
    # investment made: 投资/投入 as the verb, 完成, 吸引
    ("去年，县里投资2300万元改造了城区供水管网。", "2300万元", "invested"),
    # the price of an acquisition: paid, set by an agreement, or only planned; a conversion follows it
    ("2004年，甲公司以1500万元收购了乙厂60%的股权。", "1500万元", "invested"),
    ("按照协议，甲公司将以8亿美元认购乙公司8%的股权。", "8亿美元", "contracted"),
    ("甲集团计划以1.15亿加元的价格收购它。", "1.15亿加元", "other"),
    ("甲公司斥资1740万加元(约合1.2亿元人民币)收购乙公司9.9%的股份。", "1.2亿元人民币", "invested"),
    # the price of an acquisition with its own words (对价, 的价格，…收购) or a qualifier before it (以约, 以近)
    ("丙钢铁又于4月底以近9.5亿元人民币对价，收购丁厂几家小股东的股权。", "9.5亿元人民币", "invested"),
    ("2010年3月，甲集团以2000万英镑的价格，成功收购了乙公司下属6家子公司。", "2000万英镑", "invested"),
    ("甲控股以约1.3亿元的价格入股乙酒业。", "1.3亿元", "invested"),
    ("据报道，这一交易的作价约为100亿日元。", "100亿日元", "invested"),
    ("两年来该行业披露金额的并购案例共有6起，并购总额近42亿元。", "42亿元", "invested"),
    # money put in, with the qualifier before the amount; the 约 of 签约 is no qualifier
    ("合资以后，乙啤酒已经投入资金近4000万元进行技术改造。", "4000万元", "invested"),
    ("上半年全市已签约项目12个。", "12个", "contracted"),
    # a plan or a target between an invested metric and its amount: the plan's size
    ("十一五期间，固定资产投资总额计划为3600亿元。", "3600亿元", "planned"),
    ("今年全社会固定资产投资调控目标为25300亿元。", "25300亿元", "planned"),
    ("今年拟投入资金433亿元用于建设产业园。", "433亿元", "planned"),
    # but a budget's planned spending is spending (the guide's other, since 2026-12-02)
    ("中央财政拟投入433亿元用于促进就业。", "433亿元", "other"),
    ("全年完成固定资产投资155.4亿元。", "155.4亿元", "invested"),
    # a list after its measure: every member is of that measure
    ("过去3年甲公司向乙公司销售商品合计分别为1.4亿元、3527万元、2732万元。", "2732万元", "output"),
    # capital spending is money invested; a plan of it is planned; money a project is to use is planned
    ("该公司第一季度的资本开支为5.5万亿韩元。", "5.5万亿韩元", "invested"),
    ("该公司已将今年的资本开支计划削减至4万亿韩元。", "4万亿韩元", "planned"),
    ("在5.84亿元的募资中，搅拌站项目拟使用1.21亿元。", "1.21亿元", "planned"),
    # orders and intentions are what is agreed
    ("展会上，现场采购订单4.4237亿元。", "4.4237亿元", "contracted"),
    ("对接会达成近19亿元的采购意向金额。", "19亿元", "contracted"),
    ("全市工业投资完成86.5亿元，同比增长9%。", "86.5亿元", "invested"),
    ("一季度共吸引社会资本投资45亿元。", "45亿元", "invested"),
    ("省财政投入专项资金3.2亿元用于乡村道路。", "3.2亿元", "invested"),
    # a plan or a project's size stays planned
    ("该集团计划投资50亿元建设新能源基地。", "50亿元", "planned"),
    ("企业将投资8亿元扩建生产线。", "8亿元", "planned"),
    ("投资12亿元的物流园项目正式开工。", "12亿元", "planned"),
    ("一个总金额超300亿元的炼化项目落户当地。", "300亿元", "planned"),
    ("今年要完成交通投资600亿元。", "600亿元", "planned"),
    # foreign capital named just before a bare metric
    ("外商直接投资稳中有升，实际金额达到12亿美元。", "12亿美元", "foreign"),
    ("园区已集聚日资企业130家。", "130家", "foreign"),
    # 预算外资金 is not foreign capital; 对外直接投资 is investment made (abroad), not foreign capital
    ("地方预算外资金达到420亿元。", "420亿元", "other"),
    ("企业累计对外直接投资880亿美元。", "880亿美元", "invested"),
    # money that has arrived
    ("上半年全市到位资金210亿元。", "210亿元", "in_place"),
    # output words of the lexicon
    ("全年旅游收入达到41亿元。", "41亿元", "output"),
    ("南岭电子1995年度实现主营业务收入4.87亿元。", "4.87亿元", "output"),
    ("公司实现营业总收入12.3亿元。", "12.3亿元", "output"),
    # the size of what an amount builds (投资85亿元建设的…项目) is planned; what a finished project cost is not
    ("某储能科技公司投资85亿元建设的储能电池项目将落户格尔木。", "85亿元", "planned"),
    ("投资9600万元实施的向阳幼儿园等6个项目全部完工。", "9600万元", "invested"),
    # investment brought or drawn
    ("今年上半年共协助252家企业在港开业，为本港经济带来约220亿元的直接投资。", "220亿元", "invested"),
    ("累计已吸引1475家企业投资，投资金额达2兆1887亿元。", "2兆1887亿元", "invested"),
    ("沂南县先后引进投资1.5亿元的长江食品。", "1.5亿元", "planned"),   # the size of the firm's project
    # the capital of foreign-funded firms, and foreign investment into Taiwan
    ("截至去年底，区内累计落户台资企业超过2000家，总投资逾300亿美元。", "300亿美元", "foreign"),
    ("外商来台投资部分，来自日本的企业共23家，投资金额逾300亿元。", "300亿元", "foreign"),
    # domestic money of the figure's own clause is not the foreign capital of the clause before
    ("五年累计实际使用外资102.3亿美元，引进境内省外资金2.6万亿元。", "2.6万亿元", "in_place"),
    # foreign capital contracted, and agreed investment drawn in, are what is signed
    ("全年全省新批外商投资企业3076家，合同外资362.1亿美元，实际利用外资179亿美元。", "362.1亿美元", "contracted"),
    ("全年全省新批外商投资企业3076家，合同外资362.1亿美元，实际利用外资179亿美元。", "179亿美元", "foreign"),
    ("1-6月，全市新签约亿元以上项目186个，协议引资总额1268.5亿元。", "1268.5亿元", "contracted"),
    ("全年新批外商投资项目23个，合同利用外资2.87亿美元。", "2.87亿美元", "contracted"),
    ("今年首五个月，共签订港资项目合同436个，协议利用港资12.6亿美元。", "436个", "contracted"),
    ("今年首五个月，共签订港资项目合同436个，协议利用港资12.6亿美元。", "12.6亿美元", "contracted"),
    # projects approved with foreign capital contracted are foreign-funded projects, not signings
    ("全市新批外商投资项目826个，合同外资额21.6亿美元，其中投资额1000万美元以上的项目68个。", "68个", "foreign"),
    # a plan's year, then what of it is completed
    ("全县列入重点项目42个，年度计划投资218.6亿元，累计完成投资203.9亿元。", "203.9亿元", "invested"),
    # approvals of foreign investment counted under its heading are foreign; batches are no signing
    ("在侨外投资方面，八十五年核准件数为458件，金额24亿美元。", "458件", "foreign"),
    ("在陆资来台投资方面，111年核准件数为31件。", "31件", "foreign"),
    ("核准件数为31件。", "31件", "other"),
    ("今年以来已分三批向社会推介外资项目，涉及总投资超过1500亿元。", "三批", "other"),
    # a phase's construction investment is the phase's planned size
    ("产业园首期建设投资约11亿元人民币，科研总部大楼主体工程已经完成。", "11亿元人民币", "planned"),
    # what a plan has already spent is invested; a target to spend stays planned
    ("篁岭景区二期项目计划投资12亿元，目前已完成投资8.6亿元。", "8.6亿元", "invested"),
    ("今年要完成铁路建设投资8000亿元。", "8000亿元", "planned"),
    # bonds allotted to projects are planned; a budget's money for people stays other
    ("2023年增发国债第二批项目清单已下达，拟安排国债资金超过2800亿元。", "2800亿元", "planned"),
    ("中央财政安排就业专项资金426亿元。", "426亿元", "other"),
    # the investment of foreign-funded firms; not a total that merely counts foreign capital among its sources
    ("目前，太仓已集聚德资企业300多家，累计投资额超过50亿美元。", "50亿美元", "foreign"),
    ("加上利用外资进行的建设等，总的投资额控制在550亿元左右。", "550亿元", "planned"),
    # Taiwan's approved overseas Chinese and foreign investment
    ("经济部投资审议司今日公布统计，去年全年侨外投资金额达112.8亿美元。", "112.8亿美元", "foreign"),
    ("今年1至9月，全县实现旅游综合收入186亿元。", "186亿元", "output"),
])
def test_family_from_the_clause(body, text, family):
    assert row(body, text)["family"] == family


# ---------------------------------------------------------------- Taiwan's districts


@pytest.mark.parametrize("text, name, county, prefecture", [
    ("高雄市前鎮區的加工區", "前镇区", "前镇区", "高雄市"),
    ("臺中市西屯區", "西屯区", "西屯区", "台中市"),
    ("新北市板橋區", "板桥区", "板桥区", "新北市"),
    ("彰化縣員林市", "员林市", "员林市", "彰化县"),
    ("屏東縣東港鎮", "东港镇", "东港镇", "屏东县"),
    ("苗栗縣頭份市", "头份市", "头份市", "苗栗县"),
])
def test_taiwan_districts_have_their_city_and_taiwan(text, name, county, prefecture):
    from zhaoshang.text.script import to_simplified
    g = gazetteer()
    found = [m for m in g.find(to_simplified(text)) if m.name == name]
    assert found and found[0].code, [(m.text, m.name) for m in g.find(to_simplified(text))]
    levels = g.level_names(found[0].code)
    assert levels == {"province": "台湾省", "prefecture": prefecture, "county": county}


@pytest.mark.parametrize("text", ["加大社区服务站建设", "建设新社区", "扩大园区规模", "建设农林园区"])
def test_taiwan_district_names_that_are_words_need_their_city(text):
    """新社区, 大社区, 大园区, 林园区 are districts of Taiwan and ordinary words: without their city
    named, they are words."""
    assert gazetteer().find(text) == []


def test_a_taiwan_district_does_not_take_a_mainland_short_name():
    """永康 stays 永康市 (浙江) although Tainan has a 永康区: the district gets no short name."""
    names = [m.name for m in gazetteer().find("浙江永康的五金企业")]
    assert names == ["浙江省", "永康市"]


def test_a_county_short_name_right_after_its_province():
    names = [m.name for m in gazetteer().find("江苏太仓聚集了一批外资企业")]
    assert names == ["江苏省", "太仓市"]


# ---------------------------------------------------------------- where a figure is


def test_the_place_of_the_next_clause_where_it_happens():
    body = "台南市政府經濟發展局公布本季投資案。\n甲公司：投資額為6億元，本次於安南區設廠。\n乙公司：投資額為2億元，本次於仁德區購置設備。"
    assert row(body, "6億元", title="臺南市政府新聞")["county"] == "安南區"
    assert row(body, "2億元", title="臺南市政府新聞")["county"] == "仁德區"


def test_a_place_in_a_quoted_firm_name_is_not_the_figures():
    body = "台南市政府表示，「七股鋼鐵股份有限公司新營廠」本次投資額為9億元。"
    r = row(body, "9億元", title="臺南市政府新聞")
    assert r["place"] == "臺南市" and r["county"] is None


def test_a_government_release_gives_its_city_to_figures_without_a_place():
    body = "市府今日召開投資會報，目前列管重大投資案41案，投資額達980億元。"
    assert row(body, "980億元", title="高雄市政府新聞稿")["place"] == "高雄市"
    # a news article whose title names no place does not, unless the text names it (市府 is the city's
    # government); one whose title names the city is about it
    unnamed = "高雄市長今日出席會議。\n目前列管重大投資案41案，投資額達980億元。"
    assert row(unnamed, "980億元", title="投資會報")["place"] is None
    assert row(body, "980億元", title="投資會報")["place"] is None  # 市府 with no city the text names
    assert row(unnamed, "980億元", title="高雄的投資")["place"] == "高雄市"


def test_nationwide_in_a_taiwan_text_is_taiwan():
    body = "台南市政府指出，全國今年簽約公共建設案88件，總金額達1200億元。"
    r = row(body, "1200億元", title="臺南市政府新聞")
    assert r["place_code"] == "710000"
    assert row(body, "88件", title="臺南市政府新聞")["place_code"] == "710000"


def test_the_place_that_signs_is_where_the_projects_go():
    body = "上月，12家央企与吉林签约30个项目。"
    assert row(body, "30个")["place"] == "吉林省"
    assert row(body, "12家")["place"] == "吉林省"


def test_nationwide_as_a_destination_is_not_the_place():
    body = "这种茶叶销往全国，茶农收入3.5亿元。"
    assert row(body, "3.5亿元")["place"] != "全国"


def test_a_part_takes_the_family_of_its_total():
    body = "全省完成投资850亿元，其中省会占了320亿元。"
    assert row(body, "850亿元")["family"] == "invested"
    assert row(body, "320亿元")["family"] == "invested"


@pytest.mark.parametrize("body, text, place", [
    ("据悉，中国企业在柬埔寨投资的12个项目已全部投产。", "12个", "柬埔寨"),
    ("该公司宣布在墨西哥投资5亿美元新建工厂。", "5亿美元", "墨西哥"),
])
def test_a_foreign_country_is_a_place(body, text, place):
    r = row(body, text)
    assert r["place"] == place and r["place_level"] == "country"


@pytest.mark.parametrize("text", ["来自意大利、西班牙的采购商", "据英国《经济学人》报道", "沿海地区经济发展"])
def test_countries_named_in_passing_or_inside_words(text):
    assert not [m for m in gazetteer().find(text) if not m.passing]


def test_a_park_gives_its_figures_to_its_district():
    body = "中俄蒙国际物流园区入驻企业达到9家。"
    r = row(body, "9家", title="海拉尔区政府工作报告")
    assert r["place"] == "海拉尔区" and r["place_mention"] == "中俄蒙国际物流园区"


def test_a_release_on_a_government_site_gives_its_place():
    from zhaoshang.text.site_places import government_site
    assert government_site("https://www.tainan.gov.tw/News_Content.aspx?n=1")
    assert government_site("http://www.gov.cn/zhengce/2024.htm") and government_site("https://www.news.gov.hk/a")
    assert not government_site("https://news.cctv.com/2024/a.shtml") and not government_site("https://gov.example.com/")
    assert not government_site(None)


@pytest.mark.parametrize("body, text, family", [
    ("本届会上共有120个项目签约，总投资900亿元，其中10亿元以上项目有21个。", "21个", "contracted"),
    ("签约项目40个，开工项目18个。", "18个", "other"),
    ("双方达成85亿元合作协议。", "85亿元", "contracted"),
])
def test_signing_of_the_sentence(body, text, family):
    assert row(body, text)["family"] == family


def test_a_place_after_zai_in_the_clause_is_where_it_happens():
    assert row("全年有超800项广州事项在清远实现通办。", "800项")["place"] == "清远市"


@pytest.mark.parametrize("body, text, family", [
    ("今年全县吸引了96亿元的投资额。", "96亿元", "invested"),
    ("集团当年投入流动资金800万元。", "800万元", "invested"),
    ("公司宣布将在年内投入资金20亿元。", "20亿元", "planned"),
    ("全市工业企业固定资产累计投资金额达3200亿元。", "3200亿元", "invested"),
])
def test_family_verbs_and_plans(body, text, family):
    assert row(body, text)["family"] == family


def test_a_foreign_country_is_not_the_whole_country_in_research_units():
    from zhaoshang.research.units import _unit
    assert _unit(None, "country", "province", {}) == ("全国", "", "country")
    assert _unit("C:冰岛", "country", "province", {}) is False  # coarser than a province, not 全国
    assert _unit("C:冰岛", "country", "document-place", {}) == ("冰岛", "C:冰岛", "country")


def test_all_of_taiwan():
    r = row("行政院表示，台商回流全台總計投資1800多億元。", "1800多億元")
    assert r["place_code"] == "710000"
    # 全台南 is 全 + 台南
    assert row("全台南市今年新增投資案120件。", "120件")["place_code"] == "710500"


# ---------------------------------------------------------------- places of session 5 (hand-written)


def test_a_firm_named_after_a_place_keeps_that_name_where_it_recurs():
    body = ("记者从兴业电器股份有限公司获悉。\n"
            "青岛海信电器股份有限公司(下称“青岛海信”)昨日表示，青岛海信当年投入流动资金1500万元。\n"
            "泸州老窖股份有限公司此前入股。2004年，泸州老窖以1500万元收购了该厂60%的股权。")
    assert row(body, "1500万元")["place"] is None  # the short name given in brackets
    assert [r["place"] for r in doc_figures(make_doc(body, published="2024-05-06"))
            if r["text"] == "1500万元"] == [None, None]  # the name written in full before


def test_an_association_named_after_a_city_is_not_the_place():
    body = "记者从深圳市家具协会获悉，去年全行业产值达7000亿元。"
    assert row(body, "7000亿元")["place"] != "深圳市"
    # nor a bank's branch named after its city
    body = "之前，中国工商银行北京市分行也与华锐有协议，提供100亿元等值人民币的意向性融资额度。"
    assert row(body, "100亿元")["place"] is None


@pytest.mark.parametrize("body, text, place", [
    # 当地, 这里: the place the sentence is about (the first it names), else the last one named
    ("枣阳市是湖北万亿级汽车走廊的重要节点城市，150家汽车企业在这里组团发展。", "150家", "枣阳市"),
    ("项目位于加拿大萨斯喀彻温省。\n收购案被当地政府否决，当地将因此减少税收30多亿美元。", "30多亿美元", "加拿大"),
    ("浙江衢州的产业园项目正加速推进，从招商到落地，当地协调了几十个部门。", "几十个", "衢州市"),
])
def test_local_anaphora(body, text, place):
    assert row(body, text)["place"] == place


def test_where_the_figures_clause_says_it_happens_beats_an_earlier_clause():
    body = "去年湖北召开招商大会，58家企业落户襄阳。"
    assert row(body, "58家")["place"] == "襄阳市"
    body = "去年湖北召开招商大会，签约58家企业。"
    assert row(body, "58家")["place"] == "湖北省"


def test_our_country_is_the_country():
    assert row("改革开放之初，我国家具市场只有13亿元。", "13亿元")["place"] == "全国"
    assert row("这项技术填补了我国的空白，投资2亿元。", "2亿元")["place"] != "全国"  # 我国的: a yardstick


def test_a_national_story_gives_the_country_to_figures_without_a_place():
    body = "当前，我国营商环境持续改善。\n2025年，中标企业总数超68.9万家。"
    assert row(body, "68.9万家", title="我国营商环境持续改善")["place"] == "全国"
    # not a story about a foreign country, nor one where 全国 is a destination
    assert row(body, "68.9万家", title="我国企业开发加拿大钾矿")["place"] is None
    body = "这种茶叶销往全国。\n去年茶农收入3.5亿元。"
    assert row(body, "3.5亿元")["place"] is None


def test_the_city_government_with_no_name_is_the_documents_city():
    body = "高雄市政府今日召開記者會。\n會中展示了中西區的三個開發案。除此之外，市府也端出15案招商案件。"
    assert row(body, "15案", title="招商說明會")["place"] == "高雄市"


def test_a_government_named_in_the_opening_is_the_documents_own_place():
    body = ("根留台湾企业加速投资方案今年核准台湾企业156案。台南市政府经发局局长指出，本市企业如下：\n"
            "甲公司：投资额为3亿元，本次于新厂区建厂。")
    assert row(body, "3亿元", title="投资台湾三大方案新增7家", url="https://www.tainan.gov.tw/News.aspx")["place"] == "台南市"


def test_a_day_that_opens_the_sentence_after_a_connective_or_a_year_word_dates_its_figures():
    body = "去年12月6日，甲公司声称，乙公司对它的总收购价在35亿澳元。\n而在12月23日，乙公司提出的报价总价值约39亿美元。"
    doc = dict(published="2011-04-12")
    r = [x for x in doc_figures(make_doc(body, **doc))]
    assert [(x["text"], x["period_start"], x["period_end"]) for x in r] == [
        ("35亿澳元", "2010-12-06", "2010-12-06"), ("39亿美元", "2010-12-23", "2010-12-23")]


def test_where_exhibitors_come_from_is_not_the_place():
    body = "本届广交会在广州举行，佛山参展企业共获得1479个展位。"
    assert row(body, "1479个")["place"] == "广州市"


def test_a_foreign_firm_bought_is_where_the_money_goes():
    body = "2009年，宝钢集团以2.86亿澳元收购了澳大利亚上市公司阿奎拉15%股权。"
    assert row(body, "2.86亿澳元")["place"] == "澳大利亚"
    body = "美国百胜餐饮集团以5亿美元的价格入股该企业。"  # the buyer's country is where it comes from
    assert row(body, "5亿美元")["place"] is None


def test_a_listed_firm_named_after_its_city_by_what_it_does():
    body = "近日，青岛海尔公告称，子公司发行可换股债券。\n青岛海尔此次募集资金10.67亿港元。"
    assert row(body, "10.67亿港元")["place"] is None
    body = "上海梅林收购上海爱森肉食品有限公司100%股权。\n上海爱森计划未来3年内投资7亿元。"
    assert row(body, "7亿元")["place"] is None
    body = "青岛今年引进项目12个。"  # the city itself
    assert row(body, "12个")["place"] == "青岛市"


def test_here_and_locally_in_a_national_report_are_no_place():
    body = "今年我们在四川召开了现场会，在这里总结了经验。国家银行将增加农业贷款22亿元，当地群众得到实惠。"
    r = row(body, "22亿元", title="1956年中华人民共和国国务院政府工作报告")
    assert r["place"] == "全国"


@pytest.mark.parametrize("body, text, place, level", [
    # places of several provinces named together: the figure is the country's, not the first one's
    ("乙集团计划投资120亿元在河北、四川和广西建设三个物流园。", "120亿元", "全国", "country"),
    # two counties of one city: the city
    ("连接嵊泗县和岱山县的跨海大桥预算为36亿元。", "36亿元", "舟山市", "prefecture"),
    # two cities of one province: the province
    ("济南、青岛两市去年共引进外资项目600个。", "600个", "山东省", "province"),
    # a lone place stays as it is; places of two countries keep the first
    ("甲公司投资5亿元在河北建设物流园。", "5亿元", "河北省", "province"),
    ("甲公司投资5亿美元在越南和泰国建厂。", "5亿美元", "越南", "country"),
])
def test_places_named_together_give_their_common_division(body, text, place, level):
    r = row(body, text)
    assert (r["place"], r["place_level"]) == (place, level)


def test_the_mainland_is_the_country():
    assert row("星巴克在中国内地的门店已达600余家。", "600余家")["place"] == "全国"
    r = row("內地企業去年在香港設立了120家公司。", "120家")
    assert r["place"] == "香港特別行政區"  # the place of the clause, named after 内地, wins
    assert row("国内地区间的运费每年达3亿元。", "3亿元")["place"] is None  # 国内地区 is no 内地


def test_a_title_about_the_countrys_market_makes_a_national_story():
    body = "甲集团与三家日本公司共同出资。\n合资公司将投资100亿元。"
    assert row(body, "100亿元", title="国内猪肉价格创新高 甲集团联手日资百亿养猪")["place"] == "全国"
    assert row(body, "100亿元", title="采购商160亿来华找买家")["place"] == "全国"
    # 国内 only in the opening, as an aside, does not
    body = "国内车企纷纷竞购。\n甲公司以1.36亿欧元认购乙公司29.9%股权。"
    assert row(body, "1.36亿欧元", title="乙公司濒临破产身价攀升")["place"] is None
    # nor 国内外 in the title
    assert row("合资公司将投资100亿元。", "100亿元", title="国内外客商齐聚")["place"] is None


def test_a_day_followed_by_the_announcement_dates_what_is_announced():
    def period(body: str, text: str) -> tuple:
        r = [x for x in doc_figures(make_doc(body, published="2011-08-09")) if x["text"] == text][0]
        return r["period_start"], r["period_end"]
    assert period("但是，甲水泥7月26日又发布公告，为加快整合，公司拟对乙公司增资4.9亿元。", "4.9亿元") == (
        "2011-07-26", "2011-07-26")
    assert period("以丙股份为例，该公司8月1日的增发预案显示，在5.84亿元的募资上限中，项目拟使用1.21亿元。",
                  "1.21亿元") == ("2011-08-01", "2011-08-01")
    # a day of something else in an earlier clause does not date the figure
    assert period("甲厂7月26日开工建设，总投资4.9亿元。", "4.9亿元") == (None, None)


def test_a_price_is_where_what_it_buys_is_even_across_a_comma():
    body = "2010年3月，甲集团以2000万英镑的价格，成功收购了英国精密技术集团下属6家子公司。"
    assert row(body, "2000万英镑")["place"] == "英国"
    body = "去年，美国乙集团以1.65亿美元收购价，从新加坡丙公司手中收购了广东省名牌产品。"
    assert row(body, "1.65亿美元")["place"] == "广东省"
    # not a price: the clause after says what was done, not what was bought
    body = "甲集团投资2000万英镑，成功收购了英国一家工厂。"
    assert row(body, "2000万英镑")["place"] is None
    # … over a place of an earlier clause (a subhead joined to its sentence)
    body = "最近两年来 重庆国企走出去情况\n2010年3月，甲集团以2000万英镑的价格，成功收购了英国精密技术集团下属6家子公司。"
    assert row(body, "2000万英镑")["place"] == "英国"



# ---------------------------------------------------------------- China named as a place (session 7)


@pytest.mark.parametrize("body, text, place", [
    ("喜达屋在全球有1051家酒店，中国区是75家，另外97家在建。", "75家", "全国"),
    ("喜达屋在全球有1051家酒店，中国区是75家，另外97家在建。", "97家", "全国"),
    ("“即使我们在中国再开一百家酒店，数量也只有美国的三分之一。”", "一百家", "全国"),
    ("中国拥有百万人口的城市大概有175座。", "175座", "全国"),
    ("波音每年在中国航空硬件上的直接投入超过2亿美元。", "2亿美元", "全国"),
])
def test_china_as_where_things_are_is_the_country(body, text, place):
    assert row(body, text)["place"] == place


@pytest.mark.parametrize("body, text", [
    ("喜达屋在全球有1051家酒店，中国区是75家。", "1051家"),          # before China is named
    ("中国银行向该项目提供贷款10亿元。", "10亿元"),                   # a bank's name
    ("共有23881家中国企业参展，比上届增加783家。", "783家"),          # the firms' origin
])
def test_china_in_a_name_or_after_the_figure_gives_no_place(body, text):
    assert row(body, text)["place"] in (None, "")


# ---------------------------------------------------------------- families of session 7


@pytest.mark.parametrize("body, text, family", [
    ("去年对外贸易总额达到2.97万亿美元。", "2.97万亿美元", "output"),
    ("国际旅游业创汇超过100亿美元。", "100亿美元", "output"),
    ("非金融类对外直接投资601亿美元。", "601亿美元", "invested"),          # outward investment made
    ("中央财政科技投入6197亿元，年均增长22.7%。", "6197亿元", "other"),   # a budget's spending
    ("今年中央财政拟安排“三农”投入7161亿元。", "7161亿元", "other"),
    ("其中中央财政投资1.26万亿元，主要用于保障性安居工程。", "1.26万亿元", "invested"),
    ("外商直接投资保持增长势头，实际到位400多亿美元。", "400多亿美元", "foreign"),
    ("全市引进项目到位资金50亿元。", "50亿元", "in_place"),
])
def test_trade_public_spending_and_outward_investment(body, text, family):
    assert row(body, text)["family"] == family


def test_respective_lists_pair_their_metrics():
    body = "非金融类对外直接投资和对外工程承包营业额分别达433亿美元和777亿美元。"
    assert (row(body, "433亿美元")["metric"], row(body, "433亿美元")["family"]) == ("非金融类对外直接投资", "invested")
    assert (row(body, "777亿美元")["metric"], row(body, "777亿美元")["family"]) == ("对外工程承包营业额", "output")
    body = "全年签约额和到位资金分别为50亿元和20亿元。"
    assert row(body, "50亿元")["family"] == "contracted" and row(body, "20亿元")["family"] == "in_place"


@pytest.mark.parametrize("body, text", [
    ("今年小麦、稻谷最低收购价收储资金分别为120亿元和130亿元。", "120亿元"),   # a shared head: not 小麦
    ("城镇和农村居民人均可支配收入分别达35512元、25689元。", "35512元"),
])
def test_items_that_share_their_head_are_not_split(body, text):
    assert row(body, text)["metric"] not in ("小麦", "城镇")


@pytest.mark.parametrize("body, text, family", [
    ("全年我区共投入各类民生资金6.8亿元，占地方财政总支出的47.5%。", "6.8亿元", "other"),     # public spending
    ("五年累计投入就业专项资金1973亿元。", "1973亿元", "other"),
    ("该公司已经投入资金4000万元进行项目改造。", "4000万元", "invested"),                   # a firm's investment
    ("省财政投入专项资金3.2亿元用于乡村道路。", "3.2亿元", "invested"),                     # public building
    ("两年新增4万亿元投资，其中中央财政投资1.26万亿元。", "4万亿元", "invested"),            # investment added
    ("实施两年新增4万亿元的投资计划。", "4万亿元", "planned"),                              # a plan's size
    ("2012年全区发展的预期目标是：地区生产总值达到240亿元；固定资产投资完成194亿元。", "194亿元", "planned"),
    ("全年固定资产投资完成194亿元。", "194亿元", "invested"),
    # 规划 of a noun is no plan; 规划 as a verb is
    ("建园路建成通车，规划展厅投入使用，全年完成投资1.7亿元。", "1.7亿元", "invested"),
    ("园区规划建设标准厂房，总投资1.7亿元。", "1.7亿元", "planned"),
    ("该公司将今年的资本开支预算上调至23亿美元。", "23亿美元", "planned"),   # a capex budget: planned
    ("该公司今年资本开支达23亿美元。", "23亿美元", "invested"),
])
def test_public_spending_added_investment_and_targets(body, text, family):
    assert row(body, text)["family"] == family


def test_national_statistics_are_the_countrys():
    body = "据国家发改委7月20日公布的统计数据显示，今年前5月水泥行业利润352.6亿元。"
    assert row(body, "352.6亿元")["place"] == "全国"
    body = "据中国建筑材料联合会统计，“十一五”期间共发生约200起并购案例。"
    assert row(body, "200起")["place"] == "全国"
    # a firm's own statistics are not
    assert row("据该公司统计，今年前5月实现利润3.5亿元。", "3.5亿元")["place"] in (None, "")


def test_a_national_title_is_not_hidden_by_a_place_merely_named():
    # the title speaks of the country (国内); 江苏 named twice in the body is no place of the story's
    body = "中粮集团与日本企业共同投资100亿元成立合资公司。\n此前中粮在江苏建有工厂，江苏的工厂产能有限。"
    assert row(body, "100亿元", title="国内生猪价格创新高 中粮联手日资百亿养猪")["place"] == "全国"


def test_the_day_results_are_published_is_not_their_period():
    def period(body: str, text: str) -> tuple:
        r = [x for x in doc_figures(make_doc(body, published="2011-07-20")) if x["text"] == text][0]
        return r["period_start"], r["period_end"], r["period_text"]
    assert period("国家统计局昨日发布的统计数据显示，全国规模以上工业企业实现利润5000亿元。", "5000亿元") == (
        None, None, None)
    # the fiscal quarter of the results, said after the day, is kept undated
    assert period("该公司本月初公布的初步业绩显示，第二财季营业利润下滑25%，至3.7万亿韩元。", "3.7万亿韩元") == (
        None, None, "第二财季")
    # what an announcement decides is still of its day
    assert period("甲水泥7月18日发布公告，公司拟对乙公司增资4.9亿元。", "4.9亿元") == (
        "2011-07-18", "2011-07-18", "7月18日")
