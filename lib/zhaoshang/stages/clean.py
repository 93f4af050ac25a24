"""Cleaning: site boilerplate out, metadata into fields.

Input is repaired text (see :mod:`zhaoshang.stages.repair`); output is a
:class:`Cleaned` record: the body people read and every analysis points into,
plus title, published date (ISO), site name and reprint source.

Patterns are written once, in Simplified script, and matched against a
Simplified view of each line, so Traditional pages are cleaned the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from zhaoshang.text.offsets import Traced
from zhaoshang.text.script import to_simplified

# ----------------------------------------------------------------- patterns (Simplified)

# A date in any of the forms news sites print; groups y, m, d.
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})\s*日?")
# Header line: "<site>   时间:2023-08-23", "发布时间：…", "来源：X 时间：…"
HEADER_DATE = re.compile(r"(?:发布)?(?:时间|日期)\s*[:：]\s*")
HEADER_SITE = re.compile(r"^\s*(?P<site>[^\s:：]{2,30}?)\s+(?:发布)?(?:时间|日期)\s*[:：]")
REPRINT = re.compile(r"^\s*(?:转自|转载自|来源|稿件来源|文章来源|信息来源|本文来源|新闻来源|发布人)\s*[:：]\s*-?\s*(?P<src>[^\s　|｜,，。:：]{2,40})?")
# A Republic-of-China year (Taiwan): 民国109年…, or a three-digit year 100–199 before 年 and a month.
ROC_DATE = re.compile(r"(?:民国\s*(?P<y1>\d{2,3})|(?<![\d.])(?P<y2>1\d{2}))\s*年\s*(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?")
ROC_OFFSET = 1911
# A date inside a URL: /2016/11/22/, /20240324_…, /202403/t20240324_…, 2016-11-22.
URL_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
                      r"|/(?P<y2>(?:19|20)\d{2})/(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/")
COPYRIGHT_SITE = re.compile(r"版权所有\s*[:：©]?\s*(?P<site>[^\s:：,，。]{2,30}?)(?=[京沪粤浙苏鲁津渝冀晋辽吉黑皖闽赣豫鄂湘琼川贵云陕甘青蒙桂藏宁新]?ICP|\s|$|[,，。])")
ICP = re.compile(r"[京沪粤浙苏鲁津渝冀晋辽吉黑皖闽赣豫鄂湘琼川贵云陕甘青蒙桂藏宁新]?ICP[备证]?\s*\d{6,}号?(?:-\d+)?")
PSB = re.compile(r"[京沪粤浙苏鲁津渝冀晋辽吉黑皖闽赣豫鄂湘琼川贵云陕甘青蒙桂藏宁新]?公网安备\s*\d{8,}号?")

# Lines that are boilerplate wherever they stand.
BOILERPLATE_LINE = re.compile(
    r"^\s*(?:"
    r"【?\s*版权(?:及免责)?声明|【?免责声明|版权所有|本网所属版权|凡本网注明|凡转载"
    r"|(?:责任|值班|执行|网络)?编辑\s*[:：]|责编\s*[:：]|编审\s*[:：]|主编\s*[:：]|审核\s*[:：]|审校\s*[:：]|审稿\s*[:：]|校对\s*[:：]"
    r"|发稿\S{0,3}\s*[:：]|签发\s*[:：]|监制\s*[:：]|制作\s*[:：]|新闻联络人\s*[:：]|联络电话\s*[:：]"
    r"|作者\s*[:：]\s*\S{0,10}$|原文链接|原始网址|原文网址|原文地址|本文链接|文章链接"
    r"|©|Ⓒ|(?i:\(c\)\s*\d{4}|copyright\b|all rights reserved)|我们的标准\s*[:：]|我们的标准$|信任原则"
    r"|分享到|扫一扫|扫描二维码|长按识别|关注(?:我们|微信)|微信公众号|微信扫码|点击关注|打印本页|关闭窗口|【?字号|【?打印"
    r"|上一篇|下一篇|返回顶部|返回首页"
    r"|[（(][^）)]{2,20}(?:发布|发稿|供稿|提供)[）)]$"
    r")"
)
# A heading after which the rest of the page is site furniture (related links, hot videos…).
TRAILER_HEADING = re.compile(
    r"^\s*[【\[〖]?\s*(?:延伸阅读|热点视频|热点新聞|热点新闻|热点舆情|相关新闻|相关阅读|相关文章|相关报道|相关链接|推荐阅读|热门推荐|猜你喜欢"
    r"|精彩推荐|更多新闻|网友评论|热门文章|全部评论|热播榜|相关推荐|延伸閱讀|更多阅读|往期回顾|今日推荐)\s*[】\]〗]?\s*[:：]?\s*$"
)
# A byline standing alone: [outlet]记者 张三 [通讯员 李四], 文/张三, 本报记者 张三 王五摄.
_NAME = r"[\u4e00-\u9fff·]{2,4}"
BYLINE = re.compile(
    rf"^[■●◆□\s]*(?:[\u4e00-\u9fff]{{2,10}}?)?(?:本报|本刊|本台|本网|特约|首席)?(?:记者|通讯员|实习生|特约撰稿人?|撰稿|撰文|文|图|摄影|摄|编译)"
    rf"\s*[:：/|｜]?\s*{_NAME}(?:[\s、，,]+(?:(?:记者|通讯员|实习生|摄影|摄)\s*[:：]?\s*)?{_NAME})*\s*(?:摄|报道|发自\S{{2,6}})?$"
)
# A credit line under a picture or table: 王静宇制表, 刘通摄, 图为…, 图：…, 资料图.
CREDIT = re.compile(rf"^(?:{_NAME}\s*(?:制表|制图|摄|/摄|摄影|供图|绘)|(?:图为|图：|图:|上图|下图|资料图|图片来源)\S.{{0,80}}|.{{0,80}}[（(]\s*{_NAME}\s*摄\s*[）)])$")
# The reporter's name closing the last paragraph: ……举行。（张巨峰） / （记者 X 通讯员 Y） / （完）
TRAILING_BYLINE = re.compile(
    rf"(?<=[。！？!?”’」』])\s*[（(]\s*(?:完|(?:(?:记者|通讯员|编辑|责编|实习生|摄影|文|图)\s*[:：]?\s*)?{_NAME}"
    rf"(?:[\s、，,]+(?:(?:记者|通讯员|编辑|责编|实习生)\s*[:：]?\s*)?{_NAME})*)\s*[）)]\s*$"
    r"|(?<=[。！？!?”’」』])\s*[（(]?(?:版权信息|版权声明|本文来源|文章来源|稿件来源|来源)\s*[:：][^。！？]{0,60}$"
)
# A contact or promotion line: a short label and a number (QQ group, phone, hotline).
CONTACT = re.compile(r"^[^，。,；;！？]{2,24}[:：]\s*[\d\-#()（）+ ]{5,}$|^[^，。,；;！？]{0,20}(?:电话|热线|传真|QQ群?|微信号?)\s*[:：]?\s*[\d\-#()（）+ ]{5,}$")
# An entry of a list of links: a headline and its date (相关新闻 lists without a heading).
LINK_ENTRY = re.compile(r"^[-·•\s]*[^。！？]{4,60}?\s+(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
# Stray placeholders left by icons and images: a line of only ?, □, ■, ●, ◆, *, |.
PLACEHOLDER = re.compile(r"^[\s?？□■●◆◇*|｜·•�]+$")
SALUTATION = re.compile(r"^(?:各位|同志们|女士们|先生们|亲爱的)")
TERMINAL = "。！？!?；;…”’」』）)】"


@dataclass(frozen=True)
class Cleaned:
    title: str
    published: str | None
    site: str | None
    reprinted_from: str | None
    body: str
    removed: tuple[str, ...]  # the boilerplate lines taken out, for inspection
    body_map: tuple = ()  # runs (body offset, repaired-text offset, length): see zhaoshang.text.offsets


# ----------------------------------------------------------------------- helpers


def iso_date(text: str) -> str | None:
    """The first plausible date in ``text`` as YYYY-MM-DD, else None.

    Gregorian dates in the usual forms; RFC 2822 dates of RSS feeds (``Sun, 24 Mar 2024 …``);
    Republic-of-China years as Taiwan's sites print them (民國109年12月26日, 109年12月26日 → 2020)."""
    simp = to_simplified(text)
    for m in DATE.finditer(simp):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    roc = roc_date(simp)
    if roc:
        return roc
    return _rfc2822_date(text)


def roc_date(text: str) -> str | None:
    """The first Republic-of-China date in ``text`` (年 count from 1912) with a day, as YYYY-MM-DD."""
    for m in ROC_DATE.finditer(text):
        if not m["d"]:
            continue
        y, mo, d = int(m["y1"] or m["y2"]) + ROC_OFFSET, int(m["m"]), int(m["d"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _rfc2822_date(text: str) -> str | None:
    from email.utils import parsedate_tz

    parsed = parsedate_tz(text.strip()) if re.match(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text) else None
    if parsed and 1 <= parsed[1] <= 12 and 1 <= parsed[2] <= 31:
        return f"{parsed[0]:04d}-{parsed[1]:02d}-{parsed[2]:02d}"
    return None


def url_date(url: str | None) -> str | None:
    """The publication date a news URL carries (/2016/11/22/, /20240324_…, t20240324), else None."""
    for m in URL_DATE.finditer(url or ""):
        y, mo, d = (int(m["y"]), int(m["m"]), int(m["d"])) if m["y"] else (int(m["y2"]), int(m["m2"]), int(m["d2"]))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
LINE_SPACE = " \t\u3000\u00a0"


MARKDOWN = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)|\*\*")
"""Markdown's markup of a line: a heading's #, a quotation's >, a list bullet, ** of bold."""


def traced_lines(text: str, *, markdown: bool = False) -> list[Traced]:
    """The lines of ``text`` without control and zero-width characters, trimmed,
    each remembering where its characters stand in ``text``; for a Markdown text
    (``markdown``) also without its markup (# headings, **bold**, > and list bullets),
    which is layout, not words of the document."""
    out = []
    pos = 0
    for ln in text.split("\n"):
        line = Traced.whole(ln, pos).remove(INVISIBLE)
        if markdown:
            line = line.remove(MARKDOWN)
        out.append(line.strip(LINE_SPACE))
        pos += len(ln) + 1
    return out


def normalise_whitespace(text: str) -> str:
    """Strip control and zero-width characters; trim lines; keep paragraph breaks."""
    return "\n".join(t.text for t in traced_lines(text))


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    bare = to_simplified(s).lstrip("—-－─ \u3000")
    return (0 < len(s) <= 80 and s[-1] not in "：:。，,；;！!"
            and not DATE.match(bare) and not SALUTATION.match(bare))


def _unspace(title: str) -> str:
    """'政 府 工 作 报 告' → '政府工作报告' (letter-spaced headings)."""
    if re.fullmatch(r"(?:[\u4e00-\u9fff][ \u3000\u00a0]+)+[\u4e00-\u9fff]", title):
        return re.sub(r"[ \u3000\u00a0]+", "", title)
    return title


def _is_open(line: str, *, continued: bool) -> bool:
    """True when a paragraph line was broken mid-sentence (the next line continues it).

    A line that ends without terminal punctuation continues when it is long (a
    real paragraph line, not a heading) or is itself a continuation (a short
    link text inside a sentence, as Wikisource pages render them)."""
    s = line.rstrip()
    if not s or s[-1] in TERMINAL or s[-1] in "：:":
        return False
    return continued or len(s) > 25


def join_broken_lines(lines: list):
    """Merge lines that a converter broke inside a sentence into one paragraph.

    Works on plain strings and on :class:`~zhaoshang.text.offsets.Traced` lines alike."""
    out: list = []
    continued = False
    for ln in lines:
        if out and len(out[-1]) and len(ln) and _is_open(str(out[-1]), continued=continued):
            out[-1] += ln
            continued = True
        else:
            out.append(ln)
            continued = False
    return out


# -------------------------------------------------------------------------- main


def clean(text: str, *, meta: dict | None = None, markdown: bool = False) -> Cleaned:
    """Split repaired ``text`` into metadata and body, removing boilerplate.

    ``meta`` carries what the container already knew (an HTML title, jsonl
    fields); it wins over what is guessed from the text. ``markdown``: the text
    is Markdown (a .md file), whose markup is dropped."""
    meta = meta or {}
    traced = traced_lines(text, markdown=markdown)
    lines = [t.text for t in traced]
    simp = [to_simplified(ln) for ln in lines]
    removed: list[str] = []
    keep = [True] * len(lines)

    title = (meta.get("title") or "").strip()
    published = iso_date(meta["published"]) if meta.get("published") else None
    site = (meta.get("site") or "").strip() or None
    reprinted = None

    first = next((i for i, ln in enumerate(lines) if ln), None)
    if first is not None:
        if title and simp[first] == to_simplified(title):
            keep[first] = False
        elif not title and _looks_like_title(lines[first]) and any(lines[first + 1:]):
            title = _unspace(lines[first])
            keep[first] = False
            # a title broken before its last character or two ("政府工作报" / "告")
            nxt = next((i for i in range(first + 1, len(lines)) if lines[i]), None)
            if nxt is not None and len(lines[nxt]) <= 2 and not any(c in TERMINAL for c in lines[nxt]):
                title += lines[nxt]
                keep[nxt] = False

    # The trailer: everything from a related-links heading on, if it is in the second half.
    n = len(lines)
    for i, s in enumerate(simp):
        if TRAILER_HEADING.match(s) and i > n // 2:
            removed.extend(lines[j] for j in range(i, n) if keep[j] and lines[j])
            keep[i:] = [False] * (n - i)
            # the copyright footer after the trailer may still name the site
            for j in range(i, n):
                site = site or _group(COPYRIGHT_SITE.search(simp[j]), "site", lines[j], simp[j])
            break

    head_zone = (first or 0) + 6  # header lines sit just under the title
    for i in range(first or 0, min(n, head_zone)):
        # the title repeated in a breadcrumb or heading, whole or without the site's suffix
        core = _title_core(title, lines[i]) if title and keep[i] and lines[i] else None
        if core:
            title = core
            keep[i] = False
            removed.append(lines[i])
    for i, (ln, s) in enumerate(zip(lines, simp)):
        if not keep[i] or not ln:
            continue
        header = i < head_zone and HEADER_DATE.search(s) and len(s) < 80
        reprint_line = REPRINT.match(s) and len(s) < 60
        boiler = (BOILERPLATE_LINE.match(s) or PLACEHOLDER.match(ln)
                  or (len(s) <= 40 and (BYLINE.match(s) or CONTACT.match(s)))
                  or (len(s) <= 100 and (CREDIT.match(s) or LINK_ENTRY.match(s))))
        footer = (ICP.search(s) or PSB.search(s)) and len(PSB.sub("", ICP.sub("", s)).strip()) < 40
        if not (header or reprint_line or boiler or footer):
            continue  # a sentence that merely mentions a licence number stays
        if header:
            published = published or iso_date(s)
            site = site or _group(HEADER_SITE.match(s), "site", ln, s)
        reprinted = reprinted or _group(REPRINT.search(s), "src", ln, s)
        site = site or _group(COPYRIGHT_SITE.search(s), "site", ln, s)
        keep[i] = False
        removed.append(ln)

    if published is None:
        # Speeches and reports carry their date in the first lines: "——2024年3月5日在…"
        for i in range(first or 0, min(n, (first or 0) + 8)):
            if keep[i] and lines[i] and len(lines[i]) < 120:
                published = iso_date(lines[i])
                if published:
                    break

    if published is None:
        published = url_date(meta.get("url"))

    _drop_tail(lines, keep, removed)
    body_lines = [t for t, k in zip(traced, keep) if k]
    if body_lines:
        last = body_lines[-1]
        simp_last = to_simplified(last.text)
        m = TRAILING_BYLINE.search(simp_last) if len(simp_last) == len(last.text) else None
        if m:
            removed.append(last.text[m.start():])
            body_lines[-1] = last.slice(0, m.start())
    body = Traced.join("\n", [p for p in join_broken_lines(body_lines) if len(p)])
    return Cleaned(title=title, published=published, site=site, reprinted_from=reprinted,
                   body=body.text, removed=tuple(removed), body_map=body.segs)


def _title_core(title: str, line: str) -> str | None:
    """``line`` when it is the page title again, whole or without the site name the <title> adds
    ("东莞台博会落幕 …- 【阳光易购】", "…_网易财经", "… - 山西省人民政府门户网站"), else None."""
    t, ln = to_simplified(title).strip(), to_simplified(line).strip()
    if ln == t:
        return title
    if len(ln) >= 4 and t.startswith(ln) and re.match(r"^\s*[-_|｜–—]", t[len(ln):]):
        return line.strip()
    return None


def _drop_tail(lines: list[str], keep: list[bool], removed: list[str]) -> None:
    """Take off the short unfinished lines after the article's last sentence: a portal's
    promotion block, link labels, a lone date or counter (an article never ends on a heading)."""
    kept = [i for i, k in enumerate(keep) if k and lines[i]]
    if len(kept) < 4:
        return
    tail = []
    for i in reversed(kept):
        ln = lines[i].rstrip()
        if len(ln) > 40 or ln[-1] in TERMINAL:
            break
        tail.append(i)
    if len(tail) < len(kept) - 2:
        for i in tail:
            keep[i] = False
            removed.append(lines[i])


def _group(m: re.Match | None, name: str, line: str, simp: str) -> str | None:
    """The original-script text of group ``name`` of a match on ``simp``, if it matched."""
    return _orig(line, simp, m.start(name), m.end(name)) if m else None


def _orig(line: str, simp: str, start: int, end: int) -> str:
    """The original-script text of a span found in the Simplified view of ``line``."""
    if len(simp) == len(line):
        return line[start:end].strip()
    return simp[start:end].strip()
