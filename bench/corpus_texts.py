"""The texts of the corpus benchmark: a varied copy corpus of real text and the pathological documents.

Everything is built from the reference corpora in ``../shared/corpus`` and is deterministic for
a given seed, so two runs with the same ``--mb`` and ``--seed`` analyse the same bytes.

Sources (:func:`sources`):

* ``national-gwr``    the State Council work reports as they are on disk (UTF-8, line breaks
                      inside sentences, one Traditional report)
* ``hailar-gwr-gbk``  the district reports, decoded from GBK; their copies are written back in
                      GB18030 with their CRLF line ends, as published
* ``news-dev``        the news pages and records, as the title and body zhaoshang's own ingest
                      and clean extract from the HTML/JSONL (the benchmark wants .txt files)

Copies (:func:`variants`): the sources are cycled through, each round in a fresh seeded order;
every copy gets a distinct header line (``基准语料第00042号（national-gwr，第3份）``) and a few
adjacent paragraphs (lines) swapped, so no two files have the same content and no per-document
cache can hit. Sizes are counted in UTF-8 bytes of the text (1 MB = 10^6 bytes), whatever the
encoding of the file on disk.
"""
from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CORPORA = ("national-gwr", "hailar-gwr-gbk", "news-dev")
MB = 1_000_000


@dataclass(frozen=True)
class Source:
    """One real document: where it came from, its text, the encoding its copies are written in."""

    corpus: str
    name: str
    text: str
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Copy:
    """One file of the benchmark corpus (not yet written)."""

    serial: int
    source: Source
    text: str

    @property
    def nbytes(self) -> int:
        return len(self.text.encode("utf-8"))

    @property
    def filename(self) -> str:
        return f"{self.serial:05d}-{self.source.corpus}.txt"

    def write(self, folder: Path) -> Path:
        path = folder / self.filename
        path.write_bytes(self.text.encode(self.source.encoding))
        return path


def sources(root: Path) -> list[Source]:
    """The real documents of the three reference corpora under ``root``, in a stable order."""
    from zhaoshang.stages.process import load_corpus

    out: list[Source] = []
    for f in sorted((root / "national-gwr").glob("*.txt")):
        out.append(Source("national-gwr", f.name, f.read_text(encoding="utf-8")))
    for f in sorted((root / "hailar-gwr-gbk").glob("*.txt")):
        out.append(Source("hailar-gwr-gbk", f.name, f.read_bytes().decode("gb18030"), "gb18030"))
    docs, _ = load_corpus(root / "news-dev")
    for d in docs:
        text = f"{d.title}\n{d.body}" if d.title else d.body
        if text.strip():
            out.append(Source("news-dev", d.doc_id, text))
    if not out:
        raise SystemExit(f"corpus_bench: no documents under {root}")
    return out


def vary(src: Source, serial: int, copy: int, seed: int) -> Copy:
    """A copy of ``src`` with a distinct header line and a few adjacent paragraphs swapped."""
    rng = random.Random(f"{seed}/{serial}")
    nl = "\r\n" if "\r\n" in src.text else "\n"
    lines = src.text.split("\n")
    full = [i for i, line in enumerate(lines) if line.strip()]
    for _ in range(1 + len(full) // 25):
        if len(full) < 4:
            break
        k = rng.randrange(1, len(full) - 1)  # never the first line (a title)
        a, b = full[k], full[k + 1]
        lines[a], lines[b] = lines[b], lines[a]
    header = f"基准语料第{serial:05d}号（{src.corpus}，第{copy + 1}份）"
    return Copy(serial, src, header + nl + "\n".join(lines))


def variants(srcs: list[Source], seed: int) -> Iterator[Copy]:
    """An endless stream of distinct copies: round after round of every source, each round shuffled."""
    serial = 0
    for copy in itertools.count():
        order = list(range(len(srcs)))
        random.Random(f"{seed}/round/{copy}").shuffle(order)
        for i in order:
            yield vary(srcs[i], serial, copy, seed)
            serial += 1


def write_until(copies: Iterable[Copy], folder: Path, mb: float) -> list[Copy]:
    """Write ``copies`` into ``folder``, in order, until they hold ``mb`` MB of text; the copies written."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Copy] = []
    total = 0
    for c in copies:
        if total >= mb * MB:
            break
        c.write(folder)
        out.append(c)
        total += c.nbytes
    return out


def build_corpus(srcs: list[Source], folder: Path, mb: float, seed: int) -> list[Copy]:
    """Varied copies of ``srcs`` written into ``folder`` until they hold ``mb`` MB of text."""
    return write_until(variants(srcs, seed), folder, mb)


def subset(copies: list[Copy], folder: Path, mb: float) -> list[Copy]:
    """The first copies holding ``mb`` MB, written (again) into ``folder``."""
    return write_until(copies, folder, mb)


# ------------------------------------------------------------------ single documents


def cut_bytes(text: str, nbytes: int) -> str:
    """The longest prefix of ``text`` of at most ``nbytes`` UTF-8 bytes."""
    return text.encode("utf-8")[:nbytes].decode("utf-8", "ignore")


def ordinary(srcs: list[Source], seed: int, nbytes: int, drop: str = "") -> str:
    """Varied copies of real text, one after the other, ``drop`` characters removed, cut to ``nbytes``."""
    strip = re.compile(f"[{re.escape(drop)}]") if drop else None
    parts: list[str] = []
    total = 0
    for c in variants(srcs, seed + 1000):  # other copies than the corpus's
        text = c.text.replace("\r\n", "\n")
        if strip is not None:
            text = strip.sub("", text)
        elif not text.endswith("\n"):
            text += "\n"
        parts.append(text)
        total += len(text.encode("utf-8"))
        if total >= nbytes:
            break
    return cut_bytes("".join(parts), nbytes)


SENTENCE_ENDS = "。！？!?…"


def sentences(srcs: list[Source], seed: int) -> Iterator[str]:
    """Real sentences (ending in 。, within a line), without spaces or quotation marks, 12 to 120 characters."""
    for c in variants(srcs, seed + 2000):
        for line in c.text.splitlines()[1:]:  # not the copy's header line
            line = re.sub("[\u3000 “”\"「」『』‘’]", "", line)
            for s in re.findall(r"[^。！？!?…]+。", line):
                if 12 <= len(s) <= 120:
                    yield s


SPEAKERS = ("市长", "区委书记", "开发区管委会主任", "招商局局长", "公司董事长", "项目负责人", "县长",
            "省商务厅负责人", "集团总经理", "园区负责人")


def quotations(srcs: list[Source], seed: int, n: int = 5000) -> str:
    """A document of real sentences carrying exactly ``n`` short “…” quotations in three shapes:
    ``X表示：“…。”``, ``“…，”X说，…`` and a quoted phrase inside a sentence (a slogan);
    a line break after every eighth."""
    rng = random.Random(f"{seed}/quotes")
    out: list[str] = []
    for i, s in enumerate(itertools.islice(sentences(srcs, seed), n)):
        body = s[:-1]
        head, sep, rest = body.partition("，")
        if not sep or not 2 <= len(head) <= 16:
            head, rest = body[:min(10, len(body) // 2)], body[min(10, len(body) // 2):]
        sp = rng.choice(SPEAKERS)
        shape = i % 3
        if shape == 0:
            out.append(f"{sp}表示：“{head}。”{rest.lstrip('，')}。" if rest else f"{sp}表示：“{head}。”")
        elif shape == 1:
            out.append(f"“{head}，”{sp}说，{rest.lstrip('，') or '要抓好落实'}。")
        else:
            out.append(f"要坚持“{head}”，{rest.lstrip('，') or '推动高质量发展'}。")
        if i % 8 == 7:
            out.append("\n")
    return "".join(out)


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(k: int) -> str:
    """1..99 in Chinese numerals (三十五)."""
    tens, ones = divmod(k, 10)
    return (("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else "") + (_CN_DIGITS[ones] if ones else "")


def _fullwidth(s: str) -> str:
    return s.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))


def numbers(srcs: list[Source], seed: int, n: int = 10_000) -> str:
    """A document of real sentences, each given a figure clause before its 。, until ``n`` numbers
    have been added (Arabic, full-width, Chinese numerals, percentages, ranges, counts);
    a line break after every eighth sentence."""
    rng = random.Random(f"{seed}/numbers")
    one = (lambda: f"总投资{rng.uniform(0.5, 500):.1f}亿元",
           lambda: f"同比增长{rng.uniform(0.1, 40):.1f}%",
           lambda: f"签约项目{rng.randint(2, 300)}个",
           lambda: f"新增就业岗位{rng.randint(100, 90000)}个",
           lambda: f"完成固定资产投资{chinese_number(rng.randint(1, 99))}亿元",
           lambda: f"合同金额{_fullwidth(f'{rng.uniform(1, 99):.2f}')}亿元",
           lambda: f"实际利用外资{rng.randint(1000, 99999)}万美元")
    two = (lambda: f"投资额{rng.randint(5, 50)}亿元至{rng.randint(51, 200)}亿元",
           lambda: f"占比由{rng.randint(10, 40)}%提高到{rng.randint(41, 80)}%")
    out: list[str] = []
    added = 0
    for i, s in enumerate(sentences(srcs, seed + 1)):
        if added >= n:
            break
        if n - added >= 2 and rng.random() < 0.25:
            clause, added = rng.choice(two)(), added + 2
        else:
            clause, added = rng.choice(one)(), added + 1
        out.append(f"{s[:-1]}，{clause}。")
        if i % 8 == 7:
            out.append("\n")
    return "".join(out)
