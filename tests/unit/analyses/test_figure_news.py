"""Figures of hand-written news stories in the shapes investment news takes (a county's signing
ceremony, a province's yearly statistics, a project landing, a month's foreign capital by city): the
period, place and family a reader gives each figure, written down before running the code."""
from __future__ import annotations

from conftest import figures_of


def by_text(body: str, published: str, **kw) -> dict[str, dict]:
    return {r["text"]: r for r in figures_of(body, published, **kw)}


def period(r: dict) -> tuple:
    return r["period_start"], r["period_end"]


SIGNING = ("3月14日，沂水县举行2024年一季度重点项目集中签约活动，共签约项目26个，总投资达186.5亿元。"
           "其中，工业项目18个，总投资132亿元。\n"
           "县委书记张三表示，将持续优化营商环境，力争全年引进过10亿元项目10个以上。")


def test_the_day_of_a_signing_dates_it_not_the_quarter_in_the_events_name():
    rows = by_text(SIGNING, "2024-03-15")
    for text in ("26个", "186.5亿元", "18个", "132亿元"):
        assert period(rows[text]) == ("2024-03-14", "2024-03-14"), text
        assert rows[text]["family"] == "contracted" and rows[text]["place"] == "沂水县"
    # a report of the quarter still names it as its frame
    rows = by_text("2024年一季度，沂水县共签约项目26个。", "2024-04-15")
    assert period(rows["26个"]) == ("2024-01-01", "2024-03-31")


def test_a_whole_year_target_in_news_is_the_published_year():
    rows = by_text(SIGNING, "2024-03-15")
    assert period(rows["10个"]) == ("2024-01-01", "2024-12-31")
    assert rows["10个"]["size_floor"] == 1e9 and rows["10个"]["qualifier"] == "at_least"
    # a 全年 that reports, unframed, in a story of January may be last year's: left unresolved
    rows = by_text("全年全市实际使用外资1.2亿美元。", "2024-01-10")
    assert period(rows["1.2亿美元"]) == (None, None)


def test_a_year_after_the_news_source_frames_the_paragraph():
    body = ("记者从省商务厅获悉，2023年，我省新设外商投资企业1856家，实际使用外资68.3亿美元。"
            "全年全省共签约项目3456个，签约金额1.2万亿元。")
    rows = by_text(body, "2024-01-20", title="湖南去年实际使用外资68.3亿美元")
    for text in ("1856家", "68.3亿美元", "3456个", "1.2万亿元"):
        assert period(rows[text]) == ("2023-01-01", "2023-12-31"), text
        assert rows[text]["place"] == "湖南省"
    body = "据统计，去年全市签约项目120个。今年以来，又签约项目30个。"
    rows = by_text(body, "2024-05-20")
    assert period(rows["120个"]) == ("2023-01-01", "2023-12-31")


def test_places_listed_before_fenbie_each_take_their_figure():
    body = "1-11月，广东省实际使用外资1472.4亿元。其中，深圳、广州分别实际使用外资532亿元和468亿元。"
    rows = by_text(body, "2023-12-20")
    assert rows["532亿元"]["place"] == "深圳市" and rows["468亿元"]["place"] == "广州市"
    assert rows["1472.4亿元"]["place"] == "广东省"
    # three places, three figures
    body = "江苏、浙江和山东分别签约项目120个、95个和80个。"
    rows = by_text(body, "2023-12-20")
    assert [rows[t]["place"] for t in ("120个", "95个", "80个")] == ["江苏省", "浙江省", "山东省"]
    # as many places as figures only: two places for one figure are both of theirs
    rows = by_text("深圳、广州合计实际使用外资1000亿元。", "2023-12-20")
    assert rows["1000亿元"]["place"] == "广东省"


LANDING = ("9月7日，总投资50亿元的新能源汽车零部件项目在合肥市肥东县签约落地。项目分两期建设，一期投资20亿元，"
           "预计2024年底投产，达产后年产值可达80亿元。")


def test_a_phase_of_a_project_is_its_planned_size():
    rows = by_text(LANDING, "2023-09-08")
    assert rows["50亿元"]["family"] == "planned" and rows["20亿元"]["family"] == "planned"
    # money a phase has spent is still invested
    rows = by_text("项目一期已完成投资8亿元。", "2023-09-08")
    assert rows["8亿元"]["family"] == "invested"


def test_a_figure_after_an_event_is_not_dated_by_the_events_time():
    rows = by_text(LANDING, "2023-09-08")
    assert period(rows["80亿元"]) == (None, None)
    assert rows["80亿元"]["family"] == "output" and rows["80亿元"]["place"] == "肥东县"
    # the year a clause opens with still dates what follows it
    rows = by_text("2022年，该项目建成投产，实现产值5亿元。", "2023-09-08")
    assert period(rows["5亿元"]) == ("2022-01-01", "2022-12-31")


def test_a_government_site_gives_its_place_to_a_text_that_names_none():
    body = "今年前三季度，我市新增市场主体2.3万户。全市完成固定资产投资2860亿元。"
    rows = by_text(body, "2023-10-20", url="http://www.weifang.gov.cn/xxgk/2023/10/t1.html")
    assert rows["2.3万户"]["place"] == "潍坊市" and rows["2860亿元"]["place"] == "潍坊市"
    rows = by_text(body, "2023-10-20", url="http://www.example.com/t1.html")
    assert rows["2.3万户"]["place"] is None  # no site, no place: not guessed
    body = "投资推广署今日公布，去年共协助382家海外及内地企业在港开设或扩展业务。"
    rows = by_text(body, "2024-02-15", url="https://www.news.gov.hk/chi/2024/02/20240215_1.html")
    assert rows["382家"]["place"] == "香港特别行政区"
    rows = by_text("前三季度，新设外商投资企业4.1万家。", "2023-10-20", url="http://www.gov.cn/xinwen/1.htm")
    assert rows["4.1万家"]["place"] == "全国"


def test_money_from_another_province_is_not_foreign():
    rows = by_text("“十四五”以来，全市累计引进省外资金1200亿元，实际使用外资5亿美元。", "2023-10-20")
    assert rows["1200亿元"]["family"] != "foreign" and rows["5亿美元"]["family"] == "foreign"


def test_a_size_class_in_dollars_is_a_class_not_an_amount():
    rows = by_text("上半年新设外资项目86个，其中总投资超亿美元项目12个。", "2023-07-25")
    assert set(rows) == {"86个", "12个"} and rows["12个"]["size_floor"] == 1e8
    rows = by_text("其中，投资额超5000万美元的项目有9个。", "2023-07-25")
    assert set(rows) == {"9个"} and rows["9个"]["size_floor"] == 5e7


PROMOTION = ("4月10日，2024年河南省（深圳）招商推介会在深圳举行。现场签约项目35个，总投资420亿元。\n"
             "今年以来，河南省已累计签约项目512个。")


def test_a_promotion_held_away_signs_for_its_own_place_on_its_day():
    rows = by_text(PROMOTION, "2024-04-11")
    for text in ("35个", "420亿元"):
        assert rows[text]["place"] == "河南省", text
        assert period(rows[text]) == ("2024-04-10", "2024-04-10"), text
        assert rows[text]["family"] == "contracted"
    assert period(rows["512个"]) == ("2024-01-01", "2024-04-11")
    # a fair its host city holds is the host's
    rows = by_text("9月20日，第三届中国（合肥）国际智能制造博览会在合肥开幕。现场签约项目50个。", "2023-09-21")
    assert rows["50个"]["place"] == "合肥市" and period(rows["50个"]) == ("2023-09-20", "2023-09-20")
    # a sentence that does not report the event is not dated by its day
    rows = by_text("4月10日，推介会在深圳举行。河南省累计签约项目512个。", "2024-04-11")
    assert period(rows["512个"]) == (None, None)


def test_a_provinces_release_naming_several_cities_is_the_provinces():
    body = ("据省商务厅统计，1-11月，长沙市、株洲市、岳阳市实际使用外资分别为9.2亿美元、1.8亿美元和1.5亿美元。\n"
            "下一步，省商务厅将力争全年实际使用外资突破20亿美元。")
    rows = by_text(body, "2024-12-20", url="http://swt.hunan.gov.cn/swt/hnswt/t20241220_1.html")
    assert [rows[t]["place"] for t in ("9.2亿美元", "1.8亿美元", "1.5亿美元")] == ["长沙市", "株洲市", "岳阳市"]
    assert [r["place"] for t, r in rows.items() if "20亿美元" in t] == ["湖南省"]
    # a story about one county on a province's site stays that county's
    body = "德清县1-10月完成固定资产投资246.79亿元。\n全县新签约项目32个。"
    rows = by_text(body, "2016-11-20", url="http://fgw.zj.gov.cn/art/2016/11/20/1.html")
    assert rows["32个"]["place"] == "德清县"


def test_the_mainland_and_countries_as_origins_in_a_hong_kong_release():
    body = ("投資推廣署今日公布，今年上半年共協助252家內地及海外企業在港開設或擴展業務，為本港經濟帶來約220億元的直接投資。"
            "這些企業中，來自內地的有98家，其次為美國、英國及新加坡，分別有31家、24家和19家。")
    rows = by_text(body, "2023-08-25", url="https://www.news.gov.hk/chi/2023/08/20230825_1.html")
    for text in ("252家", "220億元", "98家", "31家", "24家", "19家"):
        assert rows[text]["place"] == "香港特別行政區", text  # in the document's script
    assert rows["220億元"]["currency"] == "HKD" and rows["220億元"]["qualifier"] == "approx"


def test_periods_of_statistics_releases():
    # the base of a year-on-year change is the same months a year before
    body = "今年以来，截至9月底，全市新签约重大项目152个，签约金额2317亿元，同比增长18.6%，去年同期为1953亿元。"
    rows = by_text(body, "2024-10-15")
    assert period(rows["2317亿元"]) == ("2024-01-01", "2024-09-30")
    assert period(rows["1953亿元"]) == ("2023-01-01", "2023-09-30")
    # 同期 opening a paragraph is the time the text named last
    body = ("今年1月，全国新设立外商投资企业4256家。\n"
            "同期，我国境内投资者共对全球1200家境外企业进行了非金融类直接投资。")
    rows = by_text(body, "2019-02-15")
    assert period(rows["1200家"]) == ("2019-01-01", "2019-01-31")
    # since a time something began
    rows = by_text("从2019年实施该政策以来，全市累计引进项目320个。", "2024-10-08")
    assert period(rows["320个"]) == ("2019-01-01", "2024-10-08")
    # a whole-year plan
    rows = by_text("市招商局负责人说，按照全年计划，全市要引进投资过亿元项目40个。", "2015-03-10")
    assert period(rows["40个"]) == ("2015-01-01", "2015-12-31")


def test_the_days_of_a_fair_named_at_length_date_its_figures():
    body = ("5月23日，为期4天的2019中国（郑州）国际现代农业博览会在郑州国际会展中心闭幕。\n"
            "展会期间，现场签约项目58个，签约总金额326.8亿元。")
    rows = by_text(body, "2019-05-24")
    assert period(rows["58个"]) == ("2019-05-20", "2019-05-23")
    assert period(rows["326.8亿元"]) == ("2019-05-20", "2019-05-23")
    # the projects of a signing, counted in the sentence after it
    body = "4月17日，费县举行招商引资项目集中签约仪式，签约项目28个。签约项目中，投资10亿元以上项目5个。"
    rows = by_text(body, "2023-04-18")
    assert period(rows["5个"]) == ("2023-04-17", "2023-04-17")


def test_a_review_published_in_january():
    body = ("投资推广署今日公布，去年共协助1036家海外及内地企业在港开设或扩展业务。这些企业合共投资约630亿元。\n"
            "外资方面，去年全区新设外资企业76家。内资方面，新注册内资企业2400余家。\n"
            "全年完成工业总产值4150亿元。")
    rows = by_text(body, "2024-01-18")
    for text in ("1036家", "630亿元", "76家", "2400余家", "4150亿元"):
        assert period(rows[text]) == ("2023-01-01", "2023-12-31"), text
    # a person's words frame no other speaker's
    body = "吴启明介绍，目前，太阳能企业良莠不齐。涂济民说：“不久前，全国原有的4000多家企业只剩下200多家。”"
    rows = by_text(body, "2011-08-24")
    assert period(rows["4000多家"]) == (None, None)


def test_an_events_name_and_the_event_named_back():
    body = ("6月27日，全省2022年第二季度重大招商引资项目集中签约活动在南昌举行，现场签约项目137个，总投资1482.6亿元。\n"
            "本次签约活动中，南昌市签约项目18个、总投资265亿元。")
    rows = by_text(body, "2022-06-28")
    for text in ("137个", "1482.6亿元", "18个", "265亿元"):
        assert period(rows[text]) == ("2022-06-27", "2022-06-27"), text
    body = ("8月26日，第三届柴达木循环经济投资洽谈会在格尔木市开幕。\n"
            "开幕式上，海西州集中签约项目32个，签约金额达628亿元。")
    rows = by_text(body, "2023-08-27")
    assert period(rows["32个"]) == ("2023-08-26", "2023-08-26")
    # a quarter that frames what follows is still the quarter
    rows = by_text("2022年第二季度，全省签约项目137个。", "2022-07-20")
    assert period(rows["137个"]) == ("2022-04-01", "2022-06-30")


def test_a_national_release_names_provinces_only_for_their_lines():
    body = ("国家发展改革委12月14日发布消息，增发国债第二批项目清单已下达，涉及项目9600多个。\n"
            "从领域看，高标准农田建设安排国债资金约1200亿元。分地区看，河北省安排国债资金约290亿元，支持项目1300多个。")
    for url in ("https://www.ndrc.gov.cn/xwdt/xwfb/202312/t20231214_1.html", None):
        rows = by_text(body, "2023-12-14", url=url)
        assert rows["9600多个"]["place"] == "全国" and rows["1200亿元"]["place"] == "全国", url
        assert rows["290亿元"]["place"] == "河北省" and rows["1300多个"]["place"] == "河北省"
    body = ("商务部外资司负责人介绍，2022年，全国实际使用外资金额12326.8亿元。从行业看，制造业实际使用外资3237.3亿元。\n"
            "全年全国新设立外商投资企业38497家，其中江苏省新设外商投资企业超过3000家。")
    rows = by_text(body, "2023-01-13")
    assert rows["3237.3亿元"]["place"] == "全国" and rows["3000家"]["place"] == "江苏省"


def test_a_part_of_the_own_place_named_later_is_no_frame():
    body = ("过去的一年，洛阳市坚持“项目为王”，洛阳全市新签约项目612个。\n"
            "外资工作持续发力。全年实际利用外资27.3亿美元，新设外商投资企业41家。洛龙区引进的一家德资轴承企业，项目总投资达30亿元。")
    rows = by_text(body, "2020-01-10", url="http://www.ly.gov.cn/html/1/2/10/52/9816573.html",
                   title="洛阳市2019年招商引资工作综述")
    assert rows["27.3亿美元"]["place"] == "洛阳市" and rows["41家"]["place"] == "洛阳市"
    assert rows["30亿元"]["place"] == "洛龙区"
    # a province's signing held in its capital is the province's
    body = "6月27日，全省重大招商引资项目集中签约活动在南昌举行，现场签约项目137个。"
    rows = by_text(body, "2022-06-28", url="http://www.jiangxi.gov.cn/art/2022/6/28/1.html")
    assert rows["137个"]["place"] == "江西省"


def test_a_newswire_story_after_its_dateline():
    body = ("新华社北京2月15日电（记者李明）商务部15日发布数据显示，今年1月，全国新设立外商投资企业4256家，"
            "实际使用外资883.7亿元人民币。\n同期，我国境内投资者共对全球1200家境外企业进行了非金融类直接投资。\n"
            "同年，全国新设企业10万家。")
    rows = by_text(body, "2019-02-15")
    for text in ("4256家", "883.7亿元人民币", "1200家", "10万家"):
        assert period(rows[text]) == ("2019-01-01", "2019-01-31"), text
        assert rows[text]["place"] == "全国", text
    body = "3月4日晚间，甲公司发布公告称，拟投资3.2亿欧元建设生产基地。\n同日，甲公司还宣布，拟以130亿日元收购乙公司。"
    rows = by_text(body, "2024-03-05")
    assert period(rows["130亿日元"]) == ("2024-03-04", "2024-03-04")


def test_the_past_year_of_a_review_published_in_january_is_the_year_just_ended():
    rows = by_text("过去的一年，洛阳市全市新签约项目612个。", "2020-01-10")
    assert period(rows["612个"]) == ("2019-01-01", "2019-12-31")
    # later in the year it is the twelve months before the day
    rows = by_text("过去一年，全市新签约项目612个。", "2020-06-10")
    assert period(rows["612个"]) == ("2019-06-11", "2020-06-10")


def test_taiwans_ministry_and_newspapers_speak_for_taiwan():
    body = "經濟部投資審議司今（20）日公布統計，今年1月核准僑外投資件數為186件，核准投（增）資金額計6億5,422萬美元。"
    for url in ("https://www.cna.com.tw/news/aeco/202402200187.aspx", "https://www.moea.gov.tw/MNS/news.aspx?id=1"):
        rows = by_text(body, "2024-02-20", url=url)
        assert {rows["186件"]["place"], rows["6億5,422萬美元"]["place"]} <= {"台湾省", "臺灣省"}, url


def test_promotions_away_and_firms_of_a_country():
    rows = by_text("6月28日，我市在上海举办长三角产业合作推介会，现场集中签约项目32个，总投资约416亿元。", "2019-06-29",
                   url="http://www.chuzhou.gov.cn/xwzx/1.html")
    assert rows["32个"]["place"] == "滁州市" and rows["416亿元"]["place"] == "滁州市"
    rows = by_text("截至目前，常州已累计引进德资企业380多家、瑞士企业60余家。", "2024-06-20")
    assert rows["60余家"]["place"] == "常州市" and rows["380多家"]["place"] == "常州市"


def test_the_sentences_after_an_event_and_those_that_only_start_like_them():
    body = "4月10日，推介会在深圳举行。现场签约项目35个。活动现场，签约项目5个。"
    rows = by_text(body, "2024-04-11")
    assert period(rows["35个"]) == period(rows["5个"]) == ("2024-04-10", "2024-04-10")
    # 上海… and 上半年… open no sentence at the event
    rows = by_text("3月5日，甲县举行签约仪式。上海市新签约项目20个。", "2024-03-06")
    assert period(rows["20个"]) == (None, None)


def test_a_small_count_of_events_held_is_a_count_of_events_not_of_what_was_signed():
    body = "今年以来，沂水县共举办三场集中签约活动，签约项目45个，总投资120亿元。"
    rows = by_text(body, "2024-05-20")
    assert rows["三场"]["kind"] == "count" and rows["三场"]["value"] == 3
    assert rows["三场"]["family"] == "other" and rows["三场"]["metric"] == "集中签约活动"
    assert rows["45个"]["family"] == "contracted" and rows["45个"]["metric"] == "签约项目"
    # an idea counted in small Chinese numerals stays rhetoric
    assert "三个" not in by_text("坚持三个不动摇，全年签约项目45个。", "2024-05-20")


def test_a_city_that_goes_through_its_counties_is_the_place_of_its_whole():
    # the city is never named: 全市 first, then three of its counties — the figures of the whole are 赣州's
    body = ("今年1至9月，全市新签约项目215个，签约金额1380亿元。\n"
            "分县看，瑞金市签约项目32个；南康区签约金额186亿元；信丰县新开工项目18个。\n"
            "截至9月底，全市在建亿元以上项目达到512个。")
    rows = by_text(body, "2023-10-15", title="前三季度全市招商引资稳中有进")
    assert rows["215个"]["place"] == "赣州市" and rows["1380亿元"]["place"] == "赣州市"
    assert rows["32个"]["place"] == "瑞金市" and rows["186亿元"]["place"] == "南康区"
    assert rows["512个"]["place"] == "赣州市"
    # two counties named are no breakdown of a whole
    body = "全市签约项目215个。瑞金市签约项目32个，信丰县签约项目18个。"
    assert by_text(body, "2023-10-15")["215个"]["place"] != "赣州市"


def test_whole_city_in_a_new_paragraph_after_its_counties_is_the_city_again():
    body = ("2024年，全市实际使用外资6.2亿美元。\n"
            "分地区看，邳州市签约额居各县市区首位；新沂市新签约项目45个。\n"
            "“十四五”期间，全市累计签约亿元以上项目1200个。")
    rows = by_text(body, "2025-01-20", url="http://www.xz.gov.cn/001/001002/20250120/abc.html",
                   title="徐州市2024年商务运行情况")
    assert rows["45个"]["place"] == "新沂市"
    assert rows["1200个"]["place"] == "徐州市"
    # in the county's own paragraph, 全市 is that county-level city
    body = ("2024年，徐州市实际使用外资6.2亿美元。\n"
            "新沂市今年以来持续发力，全市新签约项目45个，总投资180亿元。")
    rows = by_text(body, "2025-01-20", title="徐州市2024年商务运行情况")
    assert rows["45个"]["place"] == "新沂市" and rows["180亿元"]["place"] == "新沂市"


def test_the_places_of_a_breakdown_carry_to_no_later_sentence():
    body = ("2024年，全市新签约亿元以上项目428个，协议投资4682亿元。"
            "分地区看，长葛市签约额超过500亿元；禹州市新签约项目61个；鄢陵县实际到位资金增长最快。"
            "此外，一个总投资数十亿元的化工项目正在洽谈。")
    rows = by_text(body, "2025-01-20", title="许昌市2024年招商引资成绩单")
    assert rows["61个"]["place"] == "禹州市"
    assert rows["428个"]["place"] == "许昌市" and rows["数十亿元"]["place"] == "许昌市"


def test_a_hong_kong_papers_bare_yuan_is_hkd_unless_it_counts_in_renminbi():
    body = "投資推廣署昨日公布，去年共協助320家企業在港開設業務，首年投資額合共約210億元。"
    rows = by_text(body, "2018-01-18", url="https://news.mingpao.com/pns/article/20180118/s00004/1.htm")
    assert rows["210億元"]["currency"] == "HKD"
    assert rows["320家"]["place_code"] == "810000"  # a text of Hong Kong naming no place is Hong Kong's
    # the writer's 本港 marks a Hong Kong text without its address
    body = "本港上市公司宏達集團昨宣布，將於屯門擴建廠房，集團去年營業額為25.3億元，較前年增長12%，股東應佔溢利為3.1億元。"
    assert by_text(body, "2018-01-18")["25.3億元"]["currency"] == "HKD"
    # a report that writes 人民幣 and never 港元 counts in renminbi
    body = ("由湖南省人民政府主辦的推介會昨日在香港舉行，總投資額達312億元人民幣。"
            "其中長沙市簽約項目18個，協議投資額約126億元。")
    rows = by_text(body, "2018-01-18", url="http://paper.wenweipo.com/2018/01/18/CH1801180012.htm")
    assert rows["126億元"]["currency"] == "CNY"
    # in a mainland text 本港 is "this port"
    assert by_text("本港今年完成投资12亿元。", "2018-01-18")["12亿元"]["currency"] == "CNY"


def test_taiwans_investment_in_the_mainland_is_the_countrys():
    body = ("（中央社記者台北20日電）經濟部投資審議司今天公布統計，今年1至5月核准對中國大陸投資件數為152件，"
            "金額約18億美元；核准台商赴越南投資件數為41件。核准僑外投資件數為980件。")
    rows = by_text(body, "2024-06-20", url="https://www.cna.com.tw/news/afe/202406200187.aspx")
    assert rows["152件"]["place"] == "全国"
    assert rows["41件"]["place"] == "越南"  # where the investment goes after 赴
    assert rows["980件"]["place"] == "台湾省"  # 全國 and a text naming no place: Taiwan's
    # a reporter's dateline is where the story was filed
    body = "【記者李明／台北報導】投審會昨天公布，去年核准僑外投資件數為2,100件。"
    rows = by_text(body, "2024-01-19", url="https://money.udn.com/money/story/5612/1")
    assert rows["2,100件"]["place"] == "台湾省"


def test_the_hall_of_another_places_promotion_is_no_place():
    body = "由江西省人民政府主辦的贛港經貿合作活動昨日在灣仔香港會議展覽中心舉行，現場簽約項目共48個。"
    rows = by_text(body, "2019-05-20", url="http://paper.wenweipo.com/2019/05/20/a.htm")
    assert rows["48個"]["place"] == "江西省"


def test_a_bulletin_titled_by_an_earlier_year_reports_that_year():
    body = ("全年完成全社会固定资产投资512.3亿元，比上年增长12.6%。\n"
            "年末全县共有规模以上工业企业702家，全年新批外商投资项目31个。")
    rows = by_text(body, "2019-03-20", title="泗阳县2018年国民经济和社会发展统计公报")
    assert period(rows["512.3亿元"]) == ("2018-01-01", "2018-12-31")
    assert period(rows["31个"]) == ("2018-01-01", "2018-12-31")
    assert rows["702家"]["period_end"] == "2018-12-31"
    # a title naming a part of a year, or this year, gives no year of review
    rows = by_text("全年完成全社会固定资产投资512.3亿元。", "2019-03-20", title="泗阳县2019年一季度经济运行情况")
    assert period(rows["512.3亿元"]) == (None, None)


def test_what_was_signed_at_an_event_is_of_its_day():
    # the day in the clause that holds the event dates what was signed there, in the clauses after it
    body = "由贵州省人民政府主办的推介会昨日在深圳举行，现场签约项目共42个，总投资额达386亿元。"
    rows = by_text(body, "2022-06-10")
    assert period(rows["42个"]) == ("2022-06-09", "2022-06-09")
    assert period(rows["386亿元"]) == ("2022-06-09", "2022-06-09")
    # but not a project's size beside the day of its ceremony
    rows = by_text("该项目于6月15日举行开工仪式，项目总投资5亿元。", "2022-06-20")
    assert period(rows["5亿元"]) == (None, None)
    # 此次… after a sentence that opened with the event's day
    body = "5月8日上午，桐乡市重大项目集中签约仪式在市行政中心举行。此次共有15个项目现场签约，总投资达96亿元。"
    rows = by_text(body, "2022-05-09")
    assert period(rows["15个"]) == ("2022-05-08", "2022-05-08")
    assert period(rows["96亿元"]) == ("2022-05-08", "2022-05-08")


def test_a_place_at_the_same_time_takes_the_time_named_last():
    body = ("今年1—8月，全国新设外商投资企业36968家。\n"
            "各地也在加大稳外资力度。浙江省同期实际使用外资120.6亿美元，新引进外资项目212个。")
    rows = by_text(body, "2024-09-20")
    assert period(rows["120.6亿美元"]) == ("2024-01-01", "2024-08-31")
    assert rows["120.6亿美元"]["place"] == "浙江省"
    # 同期 inside a longer word is none: 浙江省同期比… is still read, 浙江省同比 is not 同期
    rows = by_text("今年1—8月，全国新设外商投资企业36968家。\n浙江省同比增长12%，新引进外资项目212个。", "2024-09-20")
    assert period(rows["212个"]) == (None, None)


def test_a_yearly_figure_after_the_plant_is_built_is_undated():
    body = "该项目计划明年6月建成投产，项目建成后可形成年产800万件的生产能力，预计年销售收入3.2亿元。"
    assert period(by_text(body, "2022-01-10")["3.2亿元"]) == (None, None)
    # what firms that have started produce is of its year
    assert period(by_text("去年，投产后的企业实现产值5亿元。", "2022-01-10")["5亿元"]) == ("2021-01-01", "2021-12-31")


def test_the_whole_as_a_yardstick_is_no_place():
    body = ("2025年，襄阳市实际使用外资4.1亿美元，保持全省第二位；新设外商投资企业46家。"
            "襄阳市作为全省招商引资的主阵地，去年引进到位内资1200亿元。")
    rows = by_text(body, "2026-01-20")
    assert rows["46家"]["place"] == "襄阳市" and rows["1200亿元"]["place"] == "襄阳市"
    # the whole that is the figure's place still is
    rows = by_text("襄阳市实际使用外资4.1亿美元。全省实际使用外资32亿美元。", "2026-01-20")
    assert rows["32亿美元"]["place"] == "湖北省"


def test_a_years_target_this_year_and_its_plan():
    # 完成全年任务的70%: the year of the target frames nothing after it
    body = "今年1至8月，全镇实际利用外资1.05亿美元，完成全年任务的70%；实现出口总额21.4亿美元。"
    assert period(by_text(body, "2004-09-10")["21.4亿美元"]) == ("2004-01-01", "2004-08-31")
    # this year up to the point the sentence opened with
    body = "截至10月底，今年签约的47个内资项目中已开工建设31个，累计到位资金48.7亿元。"
    rows = by_text(body, "2018-11-10")
    assert period(rows["47个"]) == ("2018-01-01", "2018-10-31")
    assert period(rows["48.7亿元"]) == ("2018-01-01", "2018-10-31")
    # the year's plan said in a report of its first eleven months is the whole year's
    body = "1-11月，全县列入省市重点项目42个，年度计划投资218.6亿元，累计完成投资203.9亿元。"
    rows = by_text(body, "2022-12-10")
    assert period(rows["218.6亿元"]) == ("2022-01-01", "2022-12-31")
    assert period(rows["203.9亿元"]) == ("2022-01-01", "2022-11-30")


def test_a_firms_own_results_are_not_the_place_of_its_project():
    body = ("本报讯 天齐新材3月18日晚间公告，公司拟在叙州区投资建设正极材料项目，项目总投资约62亿元。\n"
            "年报显示，公司全年实现营业收入86.47亿元，归属于上市公司股东的净利润7.12亿元。")
    rows = by_text(body, "2024-03-19", title="天齐新材拟62亿元在叙州区建正极材料项目")
    assert rows["62亿元"]["place"] == "叙州区"
    assert rows["86.47亿元"]["place"] is None and rows["7.12亿元"]["place"] is None
    # a whole's firms in the same sentence keep it; a county's report keeps its own
    body = "全县已发展民宿600多家，其中精品民宿近百家，年营业额上亿元。"
    assert by_text(body, "2024-03-19", title="婺源县民宿产业发展")["上亿元"]["place"] == "婺源县"


def test_small_counts_of_projects_and_more_currencies():
    rows = by_text("募集资金总额不超过18亿元，扣除发行费用后将投向三个项目。", "2012-05-15")
    assert rows["三个"]["kind"] == "count" and rows["三个"]["value"] == 3
    assert "三个" not in by_text("坚持三个不动摇，全年签约项目45个。", "2012-05-15")
    rows = by_text("总投资额达1390亿令吉（约合421亿新元），去年本地共吸引固定资产投资承诺125亿新元。", "2025-09-16")
    assert rows["421亿新元"]["currency"] == "SGD" and rows["125亿新元"]["currency"] == "SGD"
    assert rows["1390亿令吉"]["currency"] == "MYR"
    rows = by_text("今年首九个月，共批出外资企业二百一十二家，登记资本合共约九亿六千万葡币。", "1998-11-18")
    assert rows["九亿六千万葡币"]["currency"] == "MOP" and rows["九亿六千万葡币"]["value"] == 960_000_000
    assert by_text("位于春武里府的新厂总投资约合泰铢14亿元。", "2019-08-15")["泰铢14亿元"]["currency"] == "THB"


def test_a_taiwan_papers_figures_stay_taiwans_beside_the_provinces_its_money_goes_to():
    body = ("【記者李明／台北報導】投審會昨天公布，去年對大陸投資以電子業居首，地區則集中在江蘇、廣東及福建三省。\n"
            "在僑外投資方面，去年核准件數為612件，金額31億美元。")
    rows = by_text(body, "2001-03-19", url="https://money.udn.com/money/story/5612/2")
    assert rows["612件"]["place_code"] == "710000" and rows["31億美元"]["place_code"] == "710000"
    # a story about a mainland city it names in its title stays that city's
    body = "昆山市台辦昨天表示，今年前四個月，昆山新增台資項目98個，合同台資13.5億美元。"
    rows = by_text(body, "2011-05-23", url="http://udn.com/NEWS/MAINLAND/MAI1/6353221.shtml",
                   title="昆山台資逾五百億美元")
    assert rows["98個"]["place"] == "昆山市"
