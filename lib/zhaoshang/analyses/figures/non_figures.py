"""Numbers that look like figures and are none: prices per unit (每股出价41澳元, 650元每公斤, 单位造价), an
amount that sets the class of a count (財富水平超過一億美元的便有近900家), and counts of no things — people, goods
made or sold, idioms (百家争鸣), 四处 "everywhere", a set of rules named by its number (自治区28条规定).

:mod:`.detect` asks :func:`amount_is_no_sum` of every amount and :func:`counts_no_things` of every count
it finds; each look is a bounded window around the number, so a long sentence stays linear.
"""
from __future__ import annotations

import re

from zhaoshang.analyses.figures.patterns import (
    DWELLINGS,
    JOBS_AFTER,
    JOBS_BEFORE,
    PEOPLE_NEXT,
    QUANTITY_AFTER,
    QUANTITY_BEFORE,
    RULES_KEPT_BEFORE,
    RULES_NAMED_AFTER,
)
from zhaoshang.analyses.figures.sentences import clause_bounds
from zhaoshang.text.lexicon import chengyu

__all__ = ["amount_is_no_sum", "counts_no_things"]

# the units goods and shares are priced by (每股0.86加元, 每吨40-42澳元); 每人 is not one: 每人2万元 is a sum
# paid to each, and 每亩补贴两千六元 a sum paid per unit of land
_GOODS_UNIT = r"(?:股|吨|桶|公斤|千克|斤|升|立方米|平方米|平方公尺|平米|亩|度|千瓦时|克|盎司|台|辆|件|只|套|箱|瓶|张|瓦)"
# a price or its change between the unit and the number (每股出价41澳元, 每公斤多晶硅平均进口价格55美元, 每升便宜0.4元,
# 每度电成本增加了0.12元)
_PRICE_WORD = r"(?:价格?|售价|均价|报价|单价|出价|成本|费用|便宜|贵|提高|增加了?|上涨|涨|下降|下跌|降低|降)"
# a price said right before the amount, in a sentence that gave a price per unit before it
_PRICE_SAID = re.compile(r"(?:销售|市场|平均|进口|出厂|零售|批发|人民币)?(?:价格|售价|单价|均价)(?:为|是|在|达到?|约)?$")
_PER_UNIT_NEAR = re.compile(rf"每{_GOODS_UNIT}")
# an amount that sets the class of a count right after it (財富水平超過一億美元的便有近900家, 投资超亿元的有12个,
# 投资额在八九亿元之间的项目就有三个)
_CLASS_OF_A_COUNT = re.compile(r"(?:以上|以下|之间)?的(?:项目|企业)?(?:便|就|共|则|也)?(?:有|达|为)?(?:近|约|超过|逾|达)?"
                               r"[\d一二三四五六七八九十两][\d,，一二三四五六七八九十百千万两]*(?:多|余)?(?:家|个|间|户|项|所)")
# a cost or price per unit said as such: 单位造价高达一百六十三元, 单价为5元, 吨利润仅仅只有1元, 房价很多都在500元
# 以下, 股价, 票价 (a stake's 挂牌价格 is a sum: not here)
_UNIT_COST = re.compile(r"(?:单位(?:造价|成本|价格)|单价|造价每平方[米公]尺?|吨(?:钢)?(?:利润|成本|毛利|均价|售价)"
                        r"|房价|股价|票价|油价|电价)[^，,。；;：:！？!?\d\s]{0,6}$")
# a price per unit before the number, and the later members of a list it heads (每斤分别提高0.11元和0.13元)
_PER_UNIT = re.compile(rf"每{_GOODS_UNIT}(?:[^，,。；;：:！？!?\d\s]{{0,8}}?{_PRICE_WORD})?"
                       r"(?:的|为|是|达到?|约|仅|在|只有|分别)*\s?"
                       r"(?:[\d.]+(?:万|亿)?[^\d，,。；;]{0,3}?(?:和|、|及|或))*$")
# a price per unit after the number: 650元每公斤, 41澳元每股, 40万元每吨, 7.06元/升
_PER_UNIT_AFTER = re.compile(rf"\s?(?:每|/|／){_GOODS_UNIT}")


def amount_is_no_sum(s: str, start: int, end: int) -> bool:
    """Whether the amount at ``s[start:end]`` is a price per unit (每股15澳元, FOB价每吨40-42澳元, 650元每公斤,
    单位造价高达163元; 按照每吨35万元计算,人民币销售价格为50万元: the same unit's price said again) or the class
    of a count right after it (財富水平超過一億美元的便有近900家): no sum of money."""
    if _PRICE_SAID.search(s, max(0, start - 8), start) and _PER_UNIT_NEAR.search(s, max(0, start - 40), start):
        return True
    if _CLASS_OF_A_COUNT.match(s, end):
        return True
    return bool(_PER_UNIT.search(s, max(0, start - 16), start) or _PER_UNIT_AFTER.match(s, end)
                or _UNIT_COST.search(s, max(0, start - 12), start))


# a verb after 四处 makes it "everywhere" (四处挖人, 四处奔走), not four places
_VERB_AFTER = re.compile("[挖奔寻打张乱流游找求走活散逃跑招拉转闯碰托]")


def counts_no_things(s: str, start: int, end: int) -> bool:
    """Whether the count at ``s[start:end]`` counts no things: people (十几个人, 2,224家次, 稳定就业岗位2887个),
    a quantity of goods (套 of anything but homes: 秒杀1.3万套; 棉纱产量增加了三十五万件, 月产能5000件, 新增加的生产能力有：棉纱三十八万七千件, 20万件的
    销售量), a set of rules named by its number (贯彻…自治区28条规定), or numerals of an idiom (百家争鸣,
    千家万户) or of 四处 "everywhere" (四处挖人)."""
    if PEOPLE_NEXT.match(s, end) or JOBS_BEFORE.search(s, max(0, start - 12), start) or JOBS_AFTER.match(s, end):
        return True  # people and jobs (创造逾3,800个职位)
    cs, _ = clause_bounds(s, start, end)
    if s.find("产量", cs, start) >= 0:  # the clause only: linear
        return True
    if s[end - 1:end] == "套" and not DWELLINGS.search(s, cs, start):
        return True  # 秒杀1.3万套 (furniture), 设备200套: quantities; 保障性住房2262套 are homes
    if QUANTITY_BEFORE.search(s, max(cs, start - 10), start) or QUANTITY_AFTER.match(s, end):
        return True
    if cs > 0 and s[cs - 1] in "：:" and QUANTITY_BEFORE.search(s, max(0, cs - 8), cs - 1):
        return True  # a list after a colon that announces it (新增加的生产能力有：棉纱三十八万七千件)
    if RULES_NAMED_AFTER.match(s, end) and RULES_KEPT_BEFORE.search(s, max(cs, start - 20), start):
        return True  # 贯彻中央八项规定、自治区28条规定: the name of a set of rules kept
    return _in_an_idiom(s, start, end) or (s[start:end] == "四处" and _VERB_AFTER.match(s, end) is not None)


def _in_an_idiom(s: str, start: int, end: int) -> bool:
    """Whether the numerals at ``s[start:end]`` are part of a four-character idiom (百家争鸣, 千家万户)."""
    idioms = chengyu()
    return any(s[k:k + 4] in idioms for k in range(max(0, start - 3), min(start + 1, end)))
