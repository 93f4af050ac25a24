"""What a figure looks like: the regular expressions and word lists the other modules match with.

Kept apart from the code that uses them so that the vocabulary of figures can be read (and
changed) in one place: how amounts and counts are written (:data:`AMOUNT`, :data:`COUNT`,
:data:`IMPLICIT`), the words that qualify them (超过, 约, 以上 …), what may not stand next to
them (元旦, 个月, 第), and the lexicon the meaning of a figure is read from — metric terms
(package data ``lexicon/figures_metrics.txt``), the suffixes of project and firm names, the
function words trimmed off a phrase, the nouns that end what is counted.

Everything here is Simplified, as matching runs on the Simplified view with digits folded.
"""
from __future__ import annotations

import re
from functools import lru_cache

from zhaoshang import resources
from zhaoshang.text.numbers import (
    ARABIC,
    CHINESE,
    CN_DIGIT_CLASS,
    CN_UNIT_CLASS,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    GAP_SPACES,
)

# ------------------------------------------------------------------ how figures are written

# Currency words and signs, longest first (escaped: US$, ¥ are regex characters)
CUR_SUFFIX_WORDS = tuple(sorted((w for w in CURRENCY_SUFFIXES if w != "人民币"), key=len, reverse=True))
CUR_PREFIX_WORDS = tuple(sorted(CURRENCY_PREFIXES, key=len, reverse=True))
CUR_SUFFIX = "|".join(["元人民币"] + [re.escape(w) for w in CUR_SUFFIX_WORDS])
CUR_PREFIX = "|".join(re.escape(w) for w in CUR_PREFIX_WORDS)
# Arabic digits atomically: what may follow a number (余, 万, 个, 元, a dash …) is never a digit,
# comma or point, so giving digits back can never make a match — it only made failures slow.
_NUM = rf"(?:(?>{ARABIC})|{CHINESE})"
# One space may stand between a number and its unit or magnitude (3,066 億元, 約 700 億元), never at
# the end of a figure: every use is followed by what it separates.
SP = f"[{GAP_SPACES}]"
# 七千多万, 五千余万 (二十五億七千多萬元): the 多/余 of a remainder stands before its 万 or 亿.
_MAG = (rf"(?:[十拾百佰千仟]?(?:兆|[万亿])[万亿]*(?:(?:{ARABIC}[千百十]?|{CHINESE})[余多]?[万亿]+)*"
        # the remainder below the last 万 or 亿: 七万四千, 三万零五百, 十万零一, 三万五 (千 left out),
        # 1万600, 1万5千, 2万3千5百; detect rejects a bare Chinese digit after Arabic digits (5万一户)
        rf"(?:零?\d{{1,4}}(?:[千百](?:\d{{1,3}}[百十]?)?)?(?![\d.,，])|(?!点){CHINESE})?"
        # 千 or 百 alone after Arabic digits (补贴3千元, 2千多家, 门票3百元)
        rf"|[千仟百佰](?![万亿兆\d]))")
# 角 and 分 after 元 (壹拾壹元壹角壹分, 3元5角): digits of contracts (大写) or Arabic only, as
# 三角洲 and 五分之一 are not money
_JF = r"(?:零?[壹贰叁肆伍陆柒捌玖]|\d)"
# In everyday numerals (一角七分) only when the sum ends there: 5亿元三角洲 is no 角.
_CN_JF = "[一二两三四五六七八九]"
_JF_END = r"(?:钱|整|\W|\Z)"
# 块 (spoken yuan) only with its 毛 or 钱 (3块5毛, 三块五毛钱, 十块钱): 3块土地 is three plots
_KUAI_JF = rf"(?:[{CN_DIGIT_CLASS}]|\d)"
# 个亿: 两个亿, 50个亿元
_GE = r"(?:个(?=亿))"
_SEP = r"(?:至|到|~|-{1,2}|—{1,2}|–|－{1,2}|～)"
# 案: investment cases (Taiwan); 场: events; 间: firms in Hong Kong (100間企業); 张, 份: documents,
# maps, licences (11张产业链图谱, 30多份申请材料); 栋, 幢: buildings (新开工高层13栋); 套: dwellings
# (保障性住房2262套 — only of housing: :data:`DWELLINGS`; 1.3万套 of furniture sold is a quantity)
MEASURE = "个|家|项|批|宗|件|座|所|处|户|条|案|起|场次|场|间|张|份|栋|幢|套"
# what 套 counts when it is a count: homes
DWELLINGS = re.compile("房|住宅|公寓|宿舍")
CN_FIRST = CN_DIGIT_CLASS + CN_UNIT_CLASS

# A figure can only start at a digit, a Chinese numeral or a currency word: checking that first
# makes the scan several times faster and matches exactly the same spans.
_NUM_FIRST = rf"\d{CN_FIRST}"
AMOUNT = re.compile(
    rf"""
    (?=[{_NUM_FIRST}{"".join(sorted({re.escape(w[0]) for w in CUR_PREFIX_WORDS}))}])
    (?:(?P<pcur>{CUR_PREFIX}){SP}?)?
    (?:
      (?P<lo>{_NUM})(?:{SP}?(?P<lomag>{_MAG}))?(?:{SP}?(?P<locur>{CUR_SUFFIX}))?\s*{_SEP}\s*
      (?P<hi>{_NUM})(?P<hige>{_GE})?(?:{SP}?(?P<himag>{_MAG}))?(?:{SP}?(?P<hicur>{CUR_SUFFIX})|(?<=个亿))?
    |
      (?P<n>{_NUM})(?P<m1>[余多])?(?P<ge>{_GE})?(?:{SP}?(?P<mag>{_MAG}))?(?P<m2>[余多])?(?:{SP}?(?P<cur>{CUR_SUFFIX}))?
      (?:(?<=[元圆])(?P<jiao>{_JF}[角毛]|{_CN_JF}[角毛](?={_CN_JF}分|{_JF_END}))?(?P<fen>{_JF}分(?!之)|{_CN_JF}分(?={_JF_END}))?)?
    )
    """,
    re.VERBOSE,
)

COUNT = re.compile(
    rf"""
    (?=[{_NUM_FIRST}])
    (?:
      (?P<lo>{_NUM})\s*{_SEP}\s*(?P<hi>{_NUM})(?P<himag>{_MAG})?{SP}?(?P<mw1>{MEASURE})
    |
      (?P<n>{_NUM})(?P<m1>[余多])?(?P<mag>{_MAG})?(?P<m2>[余多])?{SP}?(?P<mw>{MEASURE})
    )
    """,
    re.VERBOSE,
)

# Vague amounts (qualifier vague, the span from text.numbers.vague_span): 数十亿元, 几千万元, 上百亿元,
# 十几亿元, 一百几十亿元, 三亿几千万元, 几个亿. A currency or 个亿 must follow — or a measure word, for
# vague counts (数十个项目, 上百家企业, 几十万个).
VAGUE = re.compile(
    rf"""
    (?P<num>上[百千]|数[十百千]?|(?:[{CN_FIRST}][{CN_FIRST}万亿]*(?<=[十百千万亿]))?(?:好几|几)[十百千]?)
    (?P<ge>{_GE})?(?P<mag>[十百千]?[万亿]*)(?P<m2>[余多])?(?:(?P<cur>{CUR_SUFFIX})|(?P<mw>{MEASURE}))?
    """,
    re.VERBOSE,
)

# Speech's round numbers with 来 or 把 (about that many): 十来万元, 二十来家, 百把万元, 万把块钱, 千把元
ROUGHLY = re.compile(
    rf"""
    (?P<num>[一二两三四五六七八九]?十|[一两]?百|[一两]?千|万)(?P<ap>来|把)
    (?P<mag>[十百千]?[万亿]*)(?:(?P<cur>{CUR_SUFFIX})|(?P<mw>{MEASURE}))
    """,
    re.VERBOSE,
)

# A count is written with these characters (digits, numerals, 万亿, 余多, range separators, spaces) and
# ends in a measure word, which is none of them: every count lies in a run of them followed by a
# measure word. Trying COUNT on those runs only finds the same counts without trying every digit
# of every amount and year.
_NUMBER_CHARS = rf"\d\s{GAP_SPACES},，.点余多万亿{CN_FIRST}至到~\-—–－～"
COUNT_RUN = re.compile(rf"(?<![{_NUMBER_CHARS}])[{_NUMBER_CHARS}]++(?=[{MEASURE.replace('|', '')}])")

AT_LEAST_PRE = ("超过", "超", "逾", "突破", "不少于", "不低于", "多于", "高于", "大于", "达到以上", "过",
                "至少", "最少", "起码", "至少价值", "至少需要", "至少投资", "至少有", "至少达到", "至少为")
APPROX_PRE = ("大约", "约为", "约", "将近", "接近", "近", "大概", "预计约", "直逼", "逼近", "大概有", "大约有", "约有")
AT_MOST_PRE = ("不到", "不足", "不超过", "少于", "低于", "最多", "至多", "不高于", "小于", "未超过")
CONVERSION_PRE = ("约合", "折合", "合计约合", "相当于")
AT_LEAST_POST = ("以上",)
APPROX_POST = ("左右", "上下")
AT_MOST_POST = ("以内", "以下", "之内")
# a cap after the amount: 5.84亿元的募资上限, 10亿元的投资上限, 3万元上限
CAP_AFTER = re.compile(r"的?[\u4e00-\u9fff]{0,2}上限")
# Not money: 元旦, 元年, 元素 …
NOT_CURRENCY_NEXT = set("旦年素宵月首帅老气件器勋")
# After a measure word: not a count of things (个百分点, 个月, 个小时 …)
NOT_COUNT_NEXT = ("百分点", "月", "小时", "工作日", "季度", "星期", "世纪", "年度", "半月", "周",
                  "多月", "多小时", "多星期", "多世纪", "多工作日",  # 1个多月前: a duration
                  "方面", "层次", "维度", "环节上",
                  # jobs are people, not things (创造2,881个就业机会, 提供500个工作岗位)
                  "就业机会", "工作机会", "就业岗位", "工作岗位", "岗位", "就业")
# Words ending in 一 (唯一一个, 统一三个标准, 之一三家): that 一 is the word's, not the first numeral of a figure
WORDS_ENDING_IN_ONE = frozenset({"唯一", "惟一", "统一", "同一", "单一", "之一", "逐一", "专一", "划一", "均一", "不一",
                                 "其一", "合一", "归一", "整一"})
# After a measure word: people (十几个人, 几百个科学家, 十个职工以上的) and visits (2,224家次), not things
PEOPLE_NEXT = re.compile("人(?!民)|次(?![干级要生])|科学家|专家|学者|职工|工人|员工|人员|干部|学生|同志")
# what makes a count a quantity of goods, said right before it or after it: able to be produced, sold
# (月产能5000件, 新增加的生产能力有：棉纱三十八万七千件, 20万件的销售量) — not 拥有产能过2GW的…企业不少于五家
QUANTITY_BEFORE = re.compile(r"(?:产能|生产能力|销售量|销量)[^，,；;。\d]{0,4}$")
QUANTITY_AFTER = re.compile("的?(?:产量|产能|生产能力|销售量|销量)")
# a set of rules named by its number and kept (贯彻中央八项规定、自治区28条规定; 严格落实…28条配套规定): a name,
# not a count — unlike rules issued (重庆还出台25条政策措施: 25 measures)
RULES_KEPT_BEFORE = re.compile(r"(?:贯彻|落实|执行|遵守|违反|违背)[^，,。；;\d]{0,16}$")
RULES_NAMED_AFTER = re.compile(r"[^，,。；;的\d]{0,4}?(?:规定|禁令)")
# Before a number: the jobs it counts (稳定就业岗位2887个, 新增就业机会超过3000个) — people, not things
JOBS_BEFORE = re.compile(r"(?:岗位|就业机会|工作机会)(?:需求|数|数量)?(?:达到|达|共|约|近|超过|逾|为|了)*$")
# After a count: jobs (创造逾3,800个职位, 提供2000个就业岗位, 带来500个工作机会)
JOBS_AFTER = re.compile(r"(?:新增|新的|的)?(?:职位|工作岗位|就业岗位|岗位|就业机会|工作机会)")
# Before a number: not a figure (第3个 is a rank); before a Chinese numeral, vague amounts
# (几十亿, 数百亿, 上百亿, 成千上万, 好几十)
NOT_FIGURE_PREV = set("第")
# 153个亿元以上工业项目, 3个亿元项目, 10个亿元级企业: 亿元 names the size of what is counted (a count
# of 153), not money; 两个亿, 50个亿元, 50个亿元以上。 are money.
SIZE_CLASS = re.compile(r"元(?:以上|级|规模以上)(?=[^\W\d的了和及与或等]|\Z)(?!\Z)|元(?=项目|企业|工程|重点项目|产业项目|工业项目|大项目)")

# Project-size classes: 亿元以上项目, 10亿元以上的项目, 百亿级项目, 超亿元项目, 千亿级基金, 超亿美元项目, 过10个亿的项目. They say
# how big what is counted is (a count's size_floor, in the class's own currency), not money: no amount is
# read inside them.
SIZED_NOUNS = "项目|企业|工程|基金|产业|集团|园区|大项目|投资案|案件|公司|巨头|厂商|厂家"
SIZE_PHRASE = re.compile(
    rf"(?=[超过\d{CN_DIGIT_CLASS}十百千万亿])(?P<pre>超过|超|过)?(?P<num>{ARABIC}|[{CN_DIGIT_CLASS}十]+)?(?P<ge>(?<=[\d{CN_DIGIT_CLASS}十])个)?(?P<mag>[十百千]?[万亿]+)"
    rf"(?:(?P<yuan>美元|欧元|港元|日元|英镑|美金|元)(?P<cls>以上|级|规模以上|以下)?|(?P<cls2>级|以上|以下)|(?(ge)|(?!)))"
    rf"(?=的?[^\W\d，,。；;：:、]{{0,6}}?(?:{SIZED_NOUNS}))")
# a band of sizes (5亿—10亿元项目15个, 1000万至5000万美元的项目): the class from its lower bound
SIZE_BAND = re.compile(
    rf"(?P<lo>{ARABIC}|[{CN_DIGIT_CLASS}十]+)(?P<lomag>[十百千]?[万亿]+)?(?:元|美元)?[—–\-~～至到]"
    rf"(?P<hi>{ARABIC}|[{CN_DIGIT_CLASS}十]+)(?P<mag>[十百千]?[万亿]+)(?P<yuan>美元|欧元|港元|日元|元)"
    rf"(?=(?:之间)?的?[^\W\d，,。；;：:、]{{0,6}}?(?:{SIZED_NOUNS}))")
# Words of money metrics that make a bare number with 万/亿 an amount (总投资三百万, 年销售额70亿):
# the currency is then inferred, and flagged (currency_source "inferred").
MONEY_METRIC_END = ("总投资", "投资额", "投资", "销售额", "销售收入", "营业收入", "营收", "产值", "总产值",
                    "收入", "资金", "金额", "融资", "注册资本", "税收", "利税", "总额", "交易额", "成交额",
                    "签约额", "合同额", "到位资金", "贷款", "基金")
# Money nouns right after a bare number with 万 or 亿 (1万亿国债, 3亿资金, 每年4000亿的投资): an amount,
# currency inferred.
MONEY_NOUN_NEXT = ("国债", "专项债", "地方债", "债券", "资金", "财政资金", "贷款", "投资", "基金", "的投资", "的资金")
MONEY_NOUN_NOT = ("投资者", "投资人", "投资商", "投资方", "资金池", "的投资者", "的投资人", "基金会")
MONEY_METRIC_LINK = ("达到", "达", "为", "约", "超过", "超", "近", "逾", "突破", "共计", "共", "累计", "已", "合计", "总计", "约为")

# 超亿元, 过亿元, 上亿元, 超千万元, 近亿元: a floor (or, after 近, a rough size) with the 一 left out; without a
# currency word only where money is meant (产值近亿, 管理上亿的资金, 逾百亿水利基金: the detector checks)
IMPLICIT = re.compile(r"(?P<pre>超过|超|逾|过|破|上|将近|接近|近)(?P<mag>千万|百万|十亿|百亿|千亿|万亿|亿|兆)(?P<cur>元|美元)?")

# Spoken yuan: 3块5毛, 三块五毛钱, 5块5, 十块钱 (块钱 alone is a currency word of the table).
KUAI = re.compile(rf"(?P<n>{_NUM})块(?:(?P<jiao>{_KUAI_JF})毛(?:(?P<fen>{_KUAI_JF})分)?钱?|(?P<jiao2>{_KUAI_JF})(?![\d{CN_FIRST}万亿块毛]))")

# 3毛钱, 五毛钱: dimes of speech (毛 alone is hair or wool)
MAO = re.compile(rf"(?P<n>{_NUM})毛钱")
# Currency signs and codes, written only before a number ($100, ￥10000): they need no magnitude.
CUR_SIGNS = frozenset(CURRENCY_PREFIXES) - frozenset(CURRENCY_SUFFIXES)

# A number of a list that shares the unit of the figure after it (156、47、172案: three counts;
# 3亿、5亿和8亿元, 726、1005、7172億元: three amounts). Matched right before that figure, one member at
# a time from the right: the number, its own magnitude if it has one, and the separator.
LIST_MEMBER = re.compile(
    rf"(?P<n>(?>{ARABIC})|{CHINESE})(?P<m1>[余多])?(?P<mag>[十百千]?[万亿兆]+)?(?P<m2>[余多])?"
    rf"(?:、|，和|和|及|与|以及|或)\Z")


# Sectors and scopes written right before a metric of the lexicon (工业固定资产投资, 民间投资,
# 房地产开发投资, 区本级固定资产投资): part of what is measured, a part of the whole and not the whole.
SECTOR_MODIFIERS = tuple(sorted((
    "工农业", "工商业", "工业", "农业", "服务业", "制造业", "房地产", "房地产开发", "民间", "民营", "国有", "基础设施", "基建",
    "技改", "技术改造", "城镇", "农村", "第一产业", "第二产业", "第三产业", "一产", "二产", "三产", "交通",
    "能源", "水利", "社会事业", "高新技术产业", "高技术产业", "战略性新兴产业", "生态环保", "旅游", "文化",
    "区本级", "市本级", "县本级", "本级", "政府", "工业技改"), key=len, reverse=True))


# ------------------------------------------------------------------ lexicon of their meaning


@lru_cache(maxsize=1)
def _metric_terms() -> tuple[str, ...]:
    terms = {ln.strip() for ln in resources.data_lines("lexicon/figures_metrics.txt")}
    return tuple(sorted(terms, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def metric_re() -> re.Pattern:
    return re.compile("|".join(re.escape(t) for t in _metric_terms()))


SUBJECT_SUFFIX = ("项目", "产业园", "工业园", "科技园", "物流园", "园区", "基地", "有限公司", "公司",
                  "集团", "工厂", "广场", "市场", "酒店", "科学城", "商城", "综合体", "产业城")
SUBJECT_GENERIC = ("签约", "开工", "投产", "新建", "续建", "在建", "重点", "招商", "亿元", "万元", "一批",
                   "该", "全", "各", "优质", "其中", "所有", "这些", "上述", "大项目", "好项目", "新开",
                   "竣工", "储备", "谋划", "外资", "内资", "产业链", "一个", "个项目", "家企业")
CLAUSE_BREAK = "，,；;：:。！？!?\n"
SUBJECT_BREAK = set(CLAUSE_BREAK) | set("、的是在由与及把对将从向为“”\"‘’《》「」 \t")
LEAD_STRIP = ("已经", "已", "累计", "共计", "共", "合计", "总计", "就", "都", "均", "其中", "目前", "现有",
              "先后", "新增加", "仅", "来自", "全年", "当年", "今年", "同时", "此外", "另外", "并", "还", "再")
# words that begin with a word of LEAD_STRIP and are not stripped (并购总额 is no 购总额)
LEAD_KEEP = ("并购", "并网", "共享", "再生", "再融资", "还款", "现有资产")
TRAIL_STRIP = ("已经", "已", "累计", "共计", "共", "合计", "总计", "达到", "达至", "高达", "就有", "达", "为", "有", "是",
               "超过", "超", "突破", "逾", "约为", "约", "将近", "接近", "近", "就", "均", "分别", "完成",
               "实现", "增至", "增加", "到", "在", "不少于", "不低于", "不到", "不足", "共有", "拥有",
               "总数", "数量", "数", "个数", "总量", "已达", "达成", "签约了", "引进了", "了", "至", "由", "从", "以")
# What the metric search may be left with in a clause that names no measure: function words, qualifiers,
# verbs of change (…，分别为; (约合1.37亿美元); 以上; 上升到) — no metric at all.
NOT_A_METRIC = frozenset(("约合", "折合", "合", "分别", "分别为", "以上", "左右", "上下", "全", "新", "其中", "预计", "超",
                          "超过", "完成", "发布", "上升", "增加", "提高", "一年", "多月", "单独", "和", "及", "与", "约",
                          "近", "达", "达到", "为", "共", "合计", "总计", "累计", "其余", "仅", "也", "已", "都"))
# between two figures written as a list (1.4亿元、3527万元; 433亿美元和777亿美元)
LISTED_AFTER = re.compile("[、,，]|和|及|以及")
# between a value and the value it changed to (由175元提高到288元, 由598所增加到715所, 增至, 变为)
CHANGED_TO = re.compile(r"(?:(?:增加|提高|增长|减少|下降|降低|上升|扩大|缩小|发展|跃升|攀升)了?)?(?:到|至)"
                        r"|增至|降至|减至|升至|变为")
# Nouns that end the name of what is counted (22个项目顺利推进 → 项目)
COUNT_HEADS = ("项目", "企业", "公司", "园区", "基地", "小区", "道路", "巷道", "航线", "国家和地区", "国家",
               "地区", "店", "工程", "问题", "建议", "提案", "大棚", "遗址", "学校", "医院", "平台", "中心",
               "厂", "商户", "门店", "网点", "市场主体", "主体", "村", "社区", "产业园", "集群", "机构",
               "银行", "协议", "合同", "大项目", "家庭", "户", "城市", "口岸", "车间", "设施", "景区")
METRIC_VERBS = ("开工", "签约", "落地", "投产", "建成", "完成", "实现", "达到", "入驻", "落户", "竣工",
                "获得", "被", "在", "进行", "正式", "增加", "提高", "减少", "增长", "下降", "发展到", "顺利", "列入", "全部", "均", "已", "的", "参加", "参与", "覆盖", "通过", "分布", "涉及",
                "，", ",", "。", "、")


def longest_first(words) -> str:
    """A regex alternation of ``words``, escaped, longest first (so the longest word wins)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

# what a small count of 个 names when it counts projects, firms, places or sites, not ideas (三个项目, 三个展区, 四个县,
# 两个铁矿石生产商, 三个年出栏生猪300万头的生猪养殖基地; not 两个市场, 三个代表, 四项基本原则)
CONCRETE_COUNTED = re.compile(r"[^，,。；;：:、“”\"\d０-９]{0,12}?(?:项目|企业|公司|集团|生产商|供应商|厂商|工厂|厂|园区|产业园|基地|"
                              r"展区|展馆|县|省|乡镇|镇|村|社区|港口|机场|码头|车站|铁矿|煤矿|油田|子行业|行业协会)"
                              r"(?![长党委会])"
                              # places built or named (两个市民广场, 三条主干道路, 四个地区, 两个地段), brands and
                              # events held (两场专题演讲, 三场集中签约活动), close after the count — not 两个中心, 两个市场, 两条道路 of a
                              # slogan, nor 两个超级大国的军备竞赛和地区争夺
                              r"|[^，,。；;：:、“”\"\d０-９]{0,4}?(?:广场|公园|干道|商城|地段|区块|地区|城市|医院|学校|品牌|演讲|论坛|"
                              r"推介会|洽谈会|对接会|说明会|活动|签约会|仪式|博览会|交易会|展会|峰会)")
ENTITY_MEASURES = frozenset("家所座户处栋幢套")
"""The measure words of firms, sites and institutions: their small counts in Chinese numerals (两家, 两处)
are data, where those of 个, 项 … (两个大局, 三项举措) are rhetoric."""
