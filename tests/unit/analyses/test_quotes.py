"""Direct quotes: quotation marks, speech versus phrases, speakers and roles."""
from __future__ import annotations

import pytest
from conftest import make_doc, shared_corpus
from hypothesis import given, settings
from hypothesis import strategies as st
from zhaoshang import paths
from zhaoshang.analyses.rhetoric import (
    MAX_QUOTE_PARAGRAPHS,
    doc_quotes,
    find_quoted_spans,
    is_embedded,
    is_speech_like,
    parse_speaker,
    speaker_role,
)
from zhaoshang.text.script import to_simplified


def quotes(body: str) -> list[dict]:
    d = make_doc(body)
    rows = doc_quotes(d)
    for r in rows:
        assert d.body[r["start"]:r["end"]] == r["quote"]
    return rows


def one(body: str) -> dict:
    rows = quotes(body)
    assert len(rows) == 1, rows
    return rows[0]


# ----------------------------------------------------------------- quotation marks


def test_spans_exclude_marks_and_nest():
    text = "他說：“我們要打造‘一區四園’格局。”"
    spans = find_quoted_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["我們要打造‘一區四園’格局。", "一區四園"]
    assert [q.depth for q in spans] == [0, 1]
    assert spans[1].parent == 0


def test_corner_brackets_and_straight_quotes():
    text = "他說：「要建『雙招雙引』機制。」又提出\"三個一批\"。"
    got = [text[q.start:q.end] for q in find_quoted_spans(text)]
    assert got == ["要建『雙招雙引』機制。", "雙招雙引", "三個一批"]


def test_unclosed_quote_does_not_run_away():
    text = "他說：“我們要發展產業。\n第二段沒有引號，“一區四園”很好。\n“缺什麼補什麼"
    got = [text[q.start:q.end] for q in find_quoted_spans(text)]
    assert got == ["一區四園"]


def test_stray_closing_marks_are_ignored():
    text = "”一區四園”和’雙贏’以及“近悅遠來”。"
    got = [text[q.start:q.end] for q in find_quoted_spans(text)]
    assert got == ["近悅遠來"]


def test_unbalanced_marks_give_no_crash_and_no_runaway_quote():
    body = ("“項目很好，我們有信心。”張三說。“第二句沒有結束\n"
            "下一段有“一區四園”，還有‘半個引號。\n最後一段“”空引號和”反引號“。")
    rows = quotes(body)
    assert [r["speaker"] for r in rows] == ["張三"]
    for r in rows:
        assert "\n" not in r["quote"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="“”‘’「」『』\"。，說張三表示主任公司一區四園\n ", max_size=60))
def test_any_mix_of_marks_is_safe(text):
    d = make_doc(text)
    for r in doc_quotes(d):
        assert d.body[r["start"]:r["end"]] == r["quote"]
        # a quotation over several paragraphs: each later paragraph opens with the same
        # mark as the first, and there are at most MAX_QUOTE_PARAGRAPHS of them
        lines = [ln for ln in r["quote"].split("\n") if ln.strip()]
        assert len(lines) <= MAX_QUOTE_PARAGRAPHS
        opener = d.body[r["start"] - 1]
        for ln in lines[1:]:
            assert ln.lstrip(" \u3000")[0] == opener


# ----------------------------------------------------------------- quotations over paragraphs


def test_quotation_over_three_paragraphs_is_one_quote():
    body = ("市委書記王剛在會上說：\n"
            "“第一，要抓產業鏈招商。\n"
            "“第二，要優化營商環境。\n"
            "“第三，要建設‘一區四園’。”\n"
            "會議還部署了其他工作。")
    r = one(body)
    assert r["quote"] == "第一，要抓產業鏈招商。\n“第二，要優化營商環境。\n“第三，要建設‘一區四園’。"
    assert r["start"] == 13 and r["end"] == 52
    assert (r["speaker"], r["role"], r["speaker_title"]) == ("王剛", "official", "市委書記")
    # the nested phrase is a slogan inside speech, not a quote of its own
    from zhaoshang.analyses.rhetoric import doc_slogans
    assert [(s["slogan"], s["in_speech"]) for s in doc_slogans(make_doc(body))] == [("一區四園", True)]


def test_quotation_over_paragraphs_with_speaker_after():
    body = "“項目進展順利。\n“我們很有信心。”嘉澤公司董事長陳衛健說。"
    r = one(body)
    assert r["quote"] == "項目進展順利。\n“我們很有信心。"
    assert (r["speaker"], r["role"], r["pattern"]) == ("陳衛健", "enterprise", "after")


def test_paragraph_quotation_needs_every_paragraph_to_open_with_the_mark():
    body = "“我們要發展產業。\n第二段沒有引號。\n“最後一段。”張三說。"
    r = one(body)
    assert (r["quote"], r["speaker"]) == ("最後一段。", "張三")


def test_paragraph_opening_with_a_phrase_does_not_close_a_quotation():
    body = "他說：\n“第一段。\n“一區四園”是重點。"
    assert quotes(body) == []
    assert [q for q in find_quoted_spans(body)] and \
        [body[q.start:q.end] for q in find_quoted_spans(body)] == ["一區四園"]


def test_unclosed_paragraph_quotation_is_bounded():
    # twelve paragraphs open with “ and none closes; the thirteenth closes its own quote:
    # no quotation may swallow them (nor the last MAX_QUOTE_PARAGRAPHS of them)
    body = "".join(f"“第{i}段。\n" for i in range(1, 13)) + "“最後。”張三說。\n後文。"
    rows = quotes(body)
    assert [(r["quote"], r["speaker"]) for r in rows] == [("最後。", "張三")]
    # within the bound the same run is one quotation
    body = "".join(f"“第{i}段。\n" for i in range(1, MAX_QUOTE_PARAGRAPHS)) + "“最後。”張三說。"
    r = one(body)
    assert r["quote"].count("\n") == MAX_QUOTE_PARAGRAPHS - 1 and r["speaker"] == "張三"


def test_speech_like():
    assert is_speech_like("項目最終選擇在安丘市落地。")
    assert is_speech_like("我們有信心，")
    assert not is_speech_like("一區四園")
    assert not is_speech_like("簽約一批、開工一批、投產一批")


# ----------------------------------------------------------------- attribution patterns


def test_speaker_after_the_quote():
    r = one("“定陶區給予我們優惠，讓我們非常有信心。”嘉澤電子新材料有限公司董事長陳衛健說。")
    assert (r["speaker"], r["role"], r["speaker_title"], r["organisation"]) == \
        ("陳衛健", "enterprise", "董事長", "嘉澤電子新材料有限公司")
    assert r["pattern"] == "after" and r["verb"] == "說"


def test_speaker_after_with_date_and_place_adverbials():
    r = one("“項目最終選擇在安丘市落地。”8月22日，中糧面業(濰坊)有限公司項目部綜合組負責人楊宇說。")
    assert r["speaker"] == "楊宇" and r["role"] == "enterprise"
    assert r["organisation"] == "中糧面業(濰坊)有限公司項目部綜合組"


def test_speaker_before_the_quote():
    r = one("安丘市投促中心主任孫業表示：“通過產業鏈招商，實現產業集群式發展。”")
    assert (r["speaker"], r["role"], r["pattern"]) == ("孫業", "official", "before")
    assert r["speaker_title"] == "主任" and r["organisation"] == "安丘市投促中心"


def test_speaker_before_with_comma_and_adverbial():
    r = one("区商务局局长王强在接受记者采访时表示，“今年要签约项目50个，”")
    assert (r["speaker"], r["role"], r["pattern"]) == ("王强", "official", "before")


def test_speaker_across_sentences():
    body = ("臨清市經濟發展服務中心黨組書記趙維平介紹說，該機制按照產業分類推進。"
            "“我們把企業的事當成自己的事，主動幫辦代辦。”")
    r = one(body)
    assert (r["speaker"], r["role"], r["pattern"]) == ("趙維平", "official", "previous_sentence")
    assert r["speaker_title"] == "黨組書記"


def test_speaker_across_paragraphs_after_colon():
    r = one("縣委書記李明在會上說：\n“招商引資是經濟工作的生命線。”")
    assert (r["speaker"], r["role"], r["pattern"]) == ("李明", "official", "previous_sentence")


def test_quote_closing_a_paragraphs_first_sentence():
    body = ("“通過產業鏈招商，安丘把企業串成‘產業糖葫蘆’。”安丘市投促中心主任孫業說。"
            "今年上半年，該市新簽約項目61個。")
    r = one(body)
    assert (r["speaker"], r["role"]) == ("孫業", "official")
    assert r["quote"] == "通過產業鏈招商，安丘把企業串成‘產業糖葫蘆’。"


def test_anonymous_speaker_kept_as_written():
    r = one("“各項優惠政策十分吸引我們。”在菏澤魯西新區項目簽約儀式上，某企業有關負責人說。")
    assert r["speaker"] == "某企業有關負責人"
    assert r["anonymous"] and r["role"] == "enterprise" and r["organisation"] == "某企業"


def test_speaker_without_a_speech_verb():
    body = ("“我們更看重當地完善的產業鏈，費縣非常吸引我們。”日前，在臨沂市費縣施工現場，"
            "企業負責人李公帥對該縣的營商環境給予了高度認可。")
    r = one(body)
    assert (r["speaker"], r["role"], r["verb"]) == ("李公帥", "enterprise", None)


def test_no_speaker():
    r = one("會場上掛著標語：今年以來，“招商引資是一把手工程，必須人人參與。”成為共識。")
    assert r["speaker"] is None and r["role"] == "unknown" and r["pattern"] == "none"


def test_pronoun_resolves_to_the_last_named_speaker():
    body = ("“我們有信心。”嘉澤公司董事長陳衛健說。\n“明年還要擴產。”他表示。")
    rows = quotes(body)
    assert [r["speaker"] for r in rows] == ["陳衛健", "陳衛健"]
    assert rows[1]["speaker_text"] == "他" and rows[1]["role"] == "enterprise"


def test_bare_name_reuses_an_earlier_title():
    body = "“項目進展順利。”安丘市投促中心主任孫業說。“下半年還要再簽約10個項目。”孫業說。"
    rows = quotes(body)
    assert [(r["speaker"], r["role"]) for r in rows] == [("孫業", "official"), ("孫業", "official")]


def test_surname_plus_title():
    r = one("毛主席說：“我們的重點必須放在發展生產上。”")
    assert r["speaker"] == "毛主席" and not r["anonymous"]


def test_adverb_is_not_a_name():
    rows = quotes("會議明確指出：“要堅持發展是第一要務。”")
    assert rows[0]["speaker"] != "明確"


def test_slogans_are_not_speech():
    body = ("依托“一區四園”，按照“缺什麼補什麼”的原則，開展“到一線、作表率”活動，"
            "書記強調“一把手”要帶頭。")
    assert quotes(body) == []


def test_nested_quotes_stay_inside_the_speech():
    r = one("“相信我們的‘牽手’，會實現‘雙贏’。”某企業有關負責人說。")
    assert r["quote"] == "相信我們的‘牽手’，會實現‘雙贏’。"


def test_simplified_text_works_the_same():
    r = one("“我们有信心在这长远发展。”嘉泽电子新材料有限公司董事长陈卫健说。")
    assert (r["speaker"], r["role"]) == ("陈卫健", "enterprise")


# ----------------------------------------------------------------- roles


@pytest.mark.parametrize("title, org, role", [
    ("主任", "安丘市投促中心", "official"),
    ("负责人", "项目", "enterprise"),
    ("负责人", "某企业", "enterprise"),
    ("党组书记", "临清市经济发展服务中心", "official"),
    ("董事长", None, "enterprise"),
    ("局长", None, "official"),
    ("教授", "山东大学", "other"),
    ("负责人", None, "unknown"),
    (None, None, "unknown"),
])
def test_speaker_role(title, org, role):
    assert speaker_role(title, org) == role


def test_parse_speaker_title_chain():
    s = to_simplified("臨清市經濟發展服務中心黨組書記、主任趙維平")
    sp = parse_speaker(s, s, 0, len(s))
    assert sp.name == "赵维平" and sp.title == "党组书记、主任" and sp.role == "official"


# ----------------------------------------------------------------- real text


def test_sample_article_six_quotes():
    from zhaoshang.stages.process import load_document

    doc = load_document(paths.SAMPLE_ARTICLE)
    rows = doc_quotes(doc)
    for r in rows:
        assert doc.body[r["start"]:r["end"]] == r["quote"]
    got = [(r["speaker"], r["role"]) for r in rows]
    assert got == [("楊宇", "enterprise"), ("孫業", "official"), ("某企業有關負責人", "enterprise"),
                   ("陳衛健", "enterprise"), ("翟明剛", "enterprise"), ("李公帥", "enterprise")]


def test_national_gwr_does_not_crash():
    from zhaoshang.stages.process import load_corpus

    docs, _ = load_corpus(shared_corpus("national-gwr"))
    n = 0
    for d in docs:
        for r in doc_quotes(d):
            assert d.body[r["start"]:r["end"]] == r["quote"]
            assert r["role"] in ("official", "enterprise", "other", "unknown")
            n += 1
    assert n > 20


def test_pronoun_resolves_to_a_person_named_in_an_earlier_sentence():
    r = one("市委書記王剛強調，要堅持“項目為王”理念。他說：“項目是經濟工作的生命線。”")
    assert (r["speaker"], r["role"], r["speaker_text"]) == ("王剛", "official", "他")


def test_colon_without_a_speech_verb():
    r = one("談及未來，該公司總經理劉洋對記者：“我們將追加投資5億元。”")
    assert (r["speaker"], r["role"], r["pattern"]) == ("劉洋", "enterprise", "before")


def test_pathological_marks_stay_fast():
    import time

    d = make_doc("“" * 5000 + "”" * 3000 + "‘’「」" * 2000 + "\n" + "依托“一區四園”，“我們有信心。”張三說。" * 2000)
    t = time.perf_counter()
    rows = doc_quotes(d)
    assert time.perf_counter() - t < 5
    assert len(rows) == 2000 and {r["speaker"] for r in rows} == {"張三"}


# ----------------------------------------------------------------- speakers with a colon and no verb


def test_name_before_a_colon_ended_by_a_manner_phrase():
    r = one("劉洋信心滿滿：“我們將追加投資5億元。”")
    assert (r["speaker"], r["pattern"], r["verb"], r["role"]) == ("劉洋", "before", None, "unknown")


def test_titled_name_before_a_colon_ended_by_a_chengyu():
    # 胸有成竹 is in the chengyu list, so the three-character name 張立新 ends before it
    r = one("縣長張立新胸有成竹：“今年要簽約項目50個。”")
    assert (r["speaker"], r["speaker_title"], r["role"]) == ("張立新", "縣長", "official")


def test_titled_speaker_that_cannot_be_delimited_is_kept_as_written():
    # 滿懷豪情 is neither in the manner list nor a chengyu: 劉洋 or 劉洋滿? keep the text
    r = one("該公司總經理劉洋滿懷豪情：“我們將追加投資。”")
    assert r["speaker"] == "該公司總經理劉洋滿懷豪情" and r["speaker_text"] == r["speaker"]
    assert (r["speaker_title"], r["organisation"], r["role"]) == ("總經理", "該公司", "enterprise")


def test_colon_without_title_or_delimited_name_has_no_speaker():
    r = one("高質量發展要求：“要堅持創新驅動，推動產業升級。”")
    assert r["speaker"] is None and r["pattern"] == "none"


def test_compound_surname_and_three_character_name_before_a_verb():
    r = one("該公司總經理歐陽明輝表示：“我們看好這裡的營商環境。”")
    assert (r["speaker"], r["role"]) == ("歐陽明輝", "enterprise")


def test_organisation_with_a_surname_character_is_not_a_name():
    # 高 is a surname, but 高新區 is an organisation: an anonymous official, kept as written
    r = one("高新區主任說：“園區已經簽約12個項目。”")
    assert (r["speaker"], r["role"], r["anonymous"]) == ("高新區主任", "official", True)


# ----------------------------------------------------------------- leaders quoted in work reports


def test_leader_with_title_after_the_name_and_a_book_in_quotes():
    body = "事實正如毛澤東主席在“論聯合政府”一書中所說的：“沒有一個獨立、自由的中國，不可能發展工業。”"
    r = one(body)
    assert (r["speaker"], r["speaker_title"], r["role"], r["verb"]) == ("毛澤東", "主席", "official", "說")
    from zhaoshang.analyses.rhetoric import doc_slogans
    assert [s["slogan"] for s in doc_slogans(make_doc(body))] == ["論聯合政府"]


@pytest.mark.parametrize("body, speaker, role", [
    ("正如列寧所說的：“建立社會主義社會的真正的基礎，只有一個，這就是大工業。”", "列寧", "official"),
    ("斯大林曾經說過：“決不可把工業發展速度和工業發展水平混為一談。”", "斯大林", "official"),
    ("陳雲同志在1956年就說過：“計劃生產是工農業生產的主體。”", "陳雲", "official"),
    ("早在一九六三年，毛主席就尖銳地指出：“挨打是不可避免的。”", "毛主席", "official"),
    ("毛主席批判了他們的破壞活動，明確指出：“全黨全軍要團結。”", "毛主席", "official"),
    ("列寧在十月革命前夜曾經對俄國人民指出：“或是滅亡，或是過渡到更高的生產方式。”", "列寧", "official"),
    ("馬克思說：“一步實際運動比一打綱領更重要。”", "馬克思", "other"),
    ("鄧小平同志指出：“發展才是硬道理。”", "鄧小平", "official"),
    ("習近平總書記強調：“綠水青山就是金山銀山。”", "習近平", "official"),
    ("周總理說：“我們要實現四個現代化。”", "周總理", "official"),
    ("周總理指出，毛主席說過，“民族鬥爭，說到底，是一個階級鬥爭問題”。", "毛主席", "official"),
])
def test_leaders_quoted_in_work_reports(body, speaker, role):
    r = one(body)
    assert (r["speaker"], r["role"], r["pattern"]) == (speaker, role, "before")


def test_a_quotation_straight_after_another_goes_on_with_its_speaker():
    rows = quotes("毛主席指出：“沒有廣泛的人民民主，政權會不穩。”“要使全黨團結起來，就必須發揚民主。”我們要遵照。")
    assert [(r["speaker"], r["pattern"]) for r in rows] == [("毛主席", "before"), ("毛主席", "continued")]


def test_principles_quoted_as_noun_phrases_are_slogans_not_speech():
    body = ("要堅持“教育必須為社會主義現代化建設服務，必須與生產勞動相結合”的方針。"
            "保證少數民族地區的“農業要一年比一年發展，經濟要一年比一年繁榮”。")
    assert quotes(body) == []
    from zhaoshang.analyses.rhetoric import doc_slogans
    assert len(doc_slogans(make_doc(body))) == 2
    assert is_embedded("的“一年比一年發展，一年比一年繁榮”。", 2, 17)
    assert not is_embedded("說：“我們有信心。”的", 3, 9)


def test_title_before_a_name_with_an_honorific_gives_the_role():
    r = one("著名經濟學家孫冶方同志指出：“翻兩番必須主要依靠技術改造。”")
    assert (r["speaker"], r["speaker_title"], r["role"]) == ("孫冶方", "經濟學家、同志", "other")


# ----------------------------------------------------------------- who said it (issue "Who said it")
# Every sentence below is made up for the test; none is taken from a corpus.


def test_colon_and_comma_after_a_reporting_verb():
    r = one("市投促局局长赵明远表示：“明年我们将再引进十个项目。”")
    assert (r["speaker"], r["role"], r["pattern"]) == ("赵明远", "official", "before")
    r = one("某某电器有限公司总经理钱海波表示，“新厂年底投产。”")
    assert (r["speaker"], r["role"]) == ("钱海波", "enterprise")


def test_speaker_after_the_quote_with_other_verbs():
    for verb in ("坦言", "透露", "告诉记者", "对记者说", "在接受采访时表示", "介绍说", "指出", "强调"):
        r = one(f"“园区的配套已经齐全。”县管委会主任孟庆川{verb}。")
        assert (r["speaker"], r["role"]) == ("孟庆川", "official"), verb


def test_bare_name_takes_the_role_of_a_title_given_paragraphs_earlier():
    rows = quotes("某某新材料股份有限公司董事长邹立群出席了签约仪式。\n"
                  "项目计划明年投产。\n"
                  "“我们看中的是这里的营商环境。”邹立群说。")
    assert (rows[0]["speaker"], rows[0]["role"], rows[0]["speaker_title"]) == ("邹立群", "enterprise", "董事长")


def test_pronoun_resolved_to_the_person_named_in_an_earlier_paragraph():
    rows = quotes("开发区管委会副主任窦文斌介绍了园区的规划。\n"
                  "园区已落户企业四十家。\n"
                  "“下一步要引进龙头企业。”他说。")
    assert (rows[0]["speaker"], rows[0]["role"]) == ("窦文斌", "official")


def test_demonstrative_resolved_to_the_earlier_mention_with_that_title():
    rows = quotes("记者采访了某某物流集团负责人罗建峰。\n“仓库下月启用。”该负责人表示。")
    assert (rows[0]["speaker"], rows[0]["role"]) == ("罗建峰", "enterprise")
    rows = quotes("某某重工有限公司表示：“订单已排到年底。”\n“新生产线正在调试。”该公司表示。")
    assert [r["speaker"] for r in rows] == ["某某重工有限公司"] * 2


def test_quotation_first_speaker_in_the_next_sentence_and_several_in_a_row():
    rows = quotes("“今年销量翻了一番。”车间主任卜庆丰笑着告诉记者。“明年还要扩产。”“工人也要再招一百名。”")
    assert [r["speaker"] for r in rows] == ["卜庆丰"] * 3


def test_reported_sentence_running_into_a_quoted_fragment():
    r = one("市长邵明德表示，外资企业看重这里的区位，“我们要把服务做到企业心坎上”。")
    assert (r["speaker"], r["role"], r["pattern"]) == ("邵明德", "official", "before")


def test_whole_sentence_quotation_after_the_speakers_sentence():
    rows = quotes("某某科技公司总裁温志刚表示，研发投入还会增加。“这是我们的立身之本”。")
    assert [(r["speaker"], r["role"]) for r in rows] == [("温志刚", "enterprise")]


def test_names_with_a_middle_dot_and_latin_names():
    r = one("“我们对中国市场充满信心。”某某公司亚太区总裁约翰·史密斯说。")
    assert (r["speaker"], r["role"]) == ("约翰·史密斯", "enterprise")
    r = one("“新工厂明年投产。”某某集团首席执行官Peter Miller说。")
    assert (r["speaker"], r["role"]) == ("Peter Miller", "enterprise")


def test_title_written_after_the_name():
    r = one("区招商局办公室柴永福主任向记者介绍说：“项目已全部开工。”")
    assert (r["speaker"], r["role"]) == ("柴永福", "official")


def test_analyst_and_insider_are_other_whatever_body_employs_them():
    r = one("某某证券首席分析师申浩然表示：“行业整合还会加快。”")
    assert (r["speaker"], r["role"]) == ("申浩然", "other")
    r = one("“价格还会上涨。”一位业内人士说。")
    assert r["role"] == "other" and "业内人士" in r["speaker"]


def test_unit_inside_a_firm_and_a_person_with_two_posts():
    r = one("某某钢铁集团党委宣传部部长伍思成说：“收购仍在推进。”")
    assert r["role"] == "enterprise"
    r = one("省商务厅副厅长、省外商投资协会会长甘立业说：“外资来得越来越多。”")
    assert r["role"] == "official"


def test_short_quoted_terms_next_to_a_verb_are_slogans():
    from zhaoshang.analyses.rhetoric import doc_slogans
    for body in ("局长表示，“十一五”期间全县引资百亿。", "他强调，“放管服”改革要落实。",
                 "市长指出：“一带一路”。"):
        assert quotes(body) == [], body
        assert len(doc_slogans(make_doc(body))) == 1, body


def test_date_and_newspaper_between_speaker_and_verb():
    r = one("某某矿业集团发言人晏子谦3月2日向《某某商报》记者表示：“并购还在谈。”")
    assert (r["speaker"], r["role"]) == ("晏子谦", "enterprise")


def test_a_firm_speaking_through_fangmian_and_an_unnamed_supplier():
    r = one("某某科技方面表示：“新品下月上市。”")
    assert (r["speaker"], r["role"]) == ("某某科技方面", "enterprise")
    r = one("“原料还要涨价。”一家设备商对记者说。")
    assert r["role"] == "enterprise"
