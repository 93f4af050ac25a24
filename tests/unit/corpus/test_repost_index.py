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


ITEMS = [  # three items of a day's news digest, each also published on its own page
    STORY,
    OTHER,
    ("合肥经开区今年以来围绕新能源汽车产业链开展精准招商，新引进亿元以上项目42个，"
     "总投资超过360亿元，一批链上配套企业相继签约落户。\n"
     "经开区投资促进局负责人介绍，下一步将聚焦关键零部件环节，开展小分队招商和驻点招商。"),
]


# other items of the day (weather, harvest, railways, floods): real digests carry a dozen
weather = ("受冷空气影响，今天夜间到明天，华北、黄淮等地将有一次明显降温过程，气温普遍下降六到八摄氏度，"
           "局地伴有四到五级偏北风，中央气象台提醒公众及时添衣保暖，注意交通安全。")
harvest = ("眼下，东北地区玉米进入收获期，各地组织农机手抢抓晴好天气开展机收作业，"
           "黑龙江、吉林等地的粮食收购点陆续开秤，收购价格总体平稳，农民售粮积极性较高。")
trains = ("国家铁路集团今天发布消息，新版列车运行图将于下月起实施，全国铁路新增旅客列车一百余对，"
          "中西部地区客运能力进一步提升，多条新线开通后沿线城市之间的旅行时间明显缩短。")
water = ("水利部门介绍，今年汛期以来各地加强水库调度，长江中下游主要支流水位总体平稳，"
         "防汛抗旱指挥部要求各地继续落实巡堤查险责任，确保重要堤防和城市安全度汛。")


def _digest(items, heading="新闻联播 今日要闻"):
    return "\n".join([heading, *(f"【要闻{i + 1}】\n{text}" for i, text in enumerate(items))])


def test_an_item_carried_whole_in_a_digest_folds_into_the_digest_which_stays_canonical():
    index = _index([("digest", _digest([*ITEMS, weather, harvest, trains, water]), {"published": "2023-07-23"}),
                    ("item_a", STORY, {"published": "2023-07-23"}),
                    ("item_b", "来源：合肥日报\n" + ITEMS[2].replace("，", ","), {"published": "2023-07-22"})])
    m = index.clusters()
    # the items are small shares of the digest (their Jaccard with it is far below the threshold) ...
    assert m["item_a"].similarity < 0.5
    # ... but carried in it whole: each folds into it as an excerpt, and the digest, which also
    # carries the other items, is canonical even where an item was published the day before
    assert m["item_a"].canonical_doc_id == m["item_b"].canonical_doc_id == "digest"
    assert m["item_a"].relation == m["item_b"].relation == "excerpt"
    assert m["digest"].relation == ""


def test_two_digests_carrying_one_item_stay_two_stories():
    index = _index([("monday", _digest([ITEMS[2], ITEMS[1], weather, trains], "周一要闻"), {}),
                    ("tuesday", _digest([ITEMS[2], ITEMS[0], harvest, water], "周二要闻"), {}),
                    ("item", ITEMS[2], {})])
    m = index.clusters()
    assert m["monday"].canonical_doc_id == "monday" and m["tuesday"].canonical_doc_id == "tuesday"
    assert m["item"].canonical_doc_id in {"monday", "tuesday"}  # one container, never both joined


def test_a_story_quoting_one_paragraph_of_another_is_not_carried_inside_it():
    long_story = "\n".join([STORY, ITEMS[2], OTHER])
    commentary = ("评论：产业链招商贵在精准。\n" + STORY.splitlines()[1] + "\n"
                  + "这样的成绩来之不易，说明招商引资正从拼优惠转向拼生态、拼服务，地方政府需要久久为功。" * 3)
    m = _index([("story", long_story, {}), ("commentary", commentary, {})]).clusters()
    assert m["commentary"].canonical_doc_id == "commentary" and m["story"].canonical_doc_id == "story"
