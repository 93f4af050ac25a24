"""RepostIndex: clusters of copies and their canonical member, on hand-made text."""
from __future__ import annotations

from zhaoshang.analyses.reposts import content_view, signature
from zhaoshang.corpus.reposts import RepostIndex

STORY = ("近年来，安丘市围绕食品加工、装备制造、电子信息、节能环保四大主导产业，精心绘制招商图谱，"
         "围绕头部企业、链主项目进行产业链招商，延伸产业链条、提升产业能级。\n"
         "今年以来，全市新签约项目61个，合同总投资额298亿元，其中10亿元以上项目12个。\n"
         "安丘市投资促进中心主任孙业说，产业链招商把一群有产业关联的企业串成了“产业糖葫芦”。")
OTHER = ("兰州新区坚持创新引领，围绕精细化工、新材料、数据信息等产业强链补链，"
         "今年上半年新开工项目85个，完成固定资产投资同比增长18%。\n"
         "园区管委会负责人表示，将继续优化营商环境，推动一批重大项目早日投产见效。")


def _index(rows):
    index = RepostIndex()
    for doc_id, text, meta in rows:
        index.add({"doc_id": doc_id, **signature(text)}, **meta)
    return index


def test_the_earliest_copy_is_canonical_and_another_story_stays_apart():
    index = _index([("b", STORY, {"published": "2023-08-25"}),
                    ("a", STORY.replace("，", ","), {"published": "2023-08-23"}),
                    ("c", OTHER, {"published": "2023-08-20"})])
    m = index.clusters()
    assert m["b"].canonical_doc_id == "a" and m["b"].relation == "exact" and m["a"].relation == ""
    assert m["c"].cluster_id == "c" and m["c"].canonical_doc_id == "c"
    assert m["a"].cluster_id == m["b"].cluster_id == "a"


def test_without_dates_the_copy_named_as_the_source_is_canonical_then_the_longest():
    longer = STORY + "\n记者从会上了解到，下一步当地将继续举办产业链招商推介会，吸引更多项目落地。"
    index = _index([("x", longer, {"site": "潍坊日报", "reprinted_from": "中国新闻网"}),
                    ("y", STORY, {"site": "中國新聞網"}),
                    ("z", longer, {"site": "大众网", "reprinted_from": "中国新闻网"})])
    m = index.clusters()
    assert {m[d].canonical_doc_id for d in "xyz"} == {"y"}  # its site is what the others name as source
    index = _index([("x", STORY, {}), ("w", longer, {})])
    assert index.clusters()["x"].canonical_doc_id == "w"  # then the longest
    index = _index([("q", STORY, {}), ("p", STORY, {})])
    assert index.clusters()["q"].canonical_doc_id == "p"  # then the smallest doc_id


def test_site_furniture_lines_are_not_part_of_the_content_view():
    page = ("首页 > 新闻中心 > 招商动态\n来源：大众网  编辑：李华\n" + STORY
            + "\n分享到：微信 微博\n相关新闻\n版权所有 大众网")
    assert content_view(page) == content_view(STORY)
