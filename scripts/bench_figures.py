"""Throughput of zhaoshang's figure extraction, next to baselines measured in the same run.

Usage:  .venv/bin/python scripts/bench_figures.py [--chars N] [--repeat K] [--no-jionlp]

Texts:
  national-gwr   the 52 State Council work reports in ../shared/corpus (read and cleaned first;
                 only extraction is timed)
  long line      one line of N characters (default 2M) made of the sentence
                 新签约项目61个，合同总投资额298亿元，其中外资项目12个。 repeated
  varied line    the same shape with different numbers and metrics in every sentence (no
                 sentence repeats, so no cache helps)
  varied places  one line of N characters where every sentence draws its place (a real county,
                 prefecture or zone), period, metric, qualifier, numbers (Arabic, Chinese, ranges)
                 afresh, with 该区/其中 references and named projects (:func:`varied_line`)

Systems (each on the same text):
  zhaoshang      zhaoshang.analyses.figures.doc_figures — amounts and counts with qualifier, metric,
                 subject, place and period
  jionlp         jionlp.ner.extract_money after jionlp.tra2sim (it reads Simplified only) — amounts
                 only, no context
  re floor       re.finditer of a plain number-with-unit pattern: a floor no extractor can beat

Prints characters/s, figures/s and µs per figure for each, and — measured in the same run, on the
same text — zhaoshang's time divided by each baseline's (2.00× means zhaoshang takes twice as
long). Timings are wall-clock, single process, best of ``--repeat`` runs (on a busy machine, more
runs give steadier numbers).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import sys
import time

SENTENCE = "新签约项目61个，合同总投资额298亿元，其中外资项目12个。"
_FLOOR = re.compile(r"\d+(?:\.\d+)?(?:万|亿)*(?:元|个|家|项)")


_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """n (1..9999) in Chinese numerals: 298 → 二百九十八."""
    out, zero = [], False
    for unit, d in (("千", n // 1000 % 10), ("百", n // 100 % 10), ("十", n // 10 % 10), ("", n % 10)):
        if d:
            if zero and out:
                out.append("零")
            out.append(("" if (unit == "十" and d == 1 and not out) else _CN_DIGITS[d]) + unit)
            zero = False
        else:
            zero = True
    return "".join(out)


def varied_line(n_chars: int, *, seed: int = 7) -> str:
    """One line of about ``n_chars`` characters of figure sentences in which nothing repeats: every
    sentence draws its place (a real county, prefecture or zone of the gazetteer), period, metric,
    qualifier, numbers (Arabic, decimals, Chinese numerals, ranges) and counted things afresh, and
    some sentences refer back (该区, 其中) or name projects (distributive 均)."""
    from zhaoshang.text.places import gazetteer

    rnd = random.Random(seed)
    places = sorted(p.name for p in gazetteer().places.values() if p.level in ("prefecture", "county", "zone"))
    periods = ["今年上半年", "2022年以来", "前三季度", "1-6月", "去年", "今年以来", "“十四五”期间", "2021年",
               "1至9月", "今年一季度", ""]
    amount_metrics = ["合同总投资额", "总投资", "到位资金", "实际利用外资", "完成投资", "固定资产投资", "签约金额",
                      "计划总投资", "引进内资"]
    count_things = [("签约项目", "个"), ("新开工项目", "个"), ("入驻企业", "家"), ("在建项目", "项"),
                    ("新增市场主体", "户"), ("落地项目", "个")]
    pre = ["", "", "", "超过", "约", "近", "不到", "逾"]
    post = ["", "", "", "以上", "左右", "以内"]
    names = ["智能制造", "新能源", "高端纤维", "食品智造", "物流", "生物医药", "新材料", "数字经济"]

    def amount() -> str:
        r = rnd.random()
        if r < 0.15:
            return f"{_chinese(rnd.randint(2, 999))}亿元"
        if r < 0.25:
            lo = rnd.randint(1, 50)
            return f"{lo}—{lo + rnd.randint(1, 50)}亿元"
        if r < 0.35:
            return f"{rnd.randint(1, 999)}{rnd.choice(['余', '多'])}万元"
        return f"{rnd.choice(pre)}{rnd.randint(1, 9999)}.{rnd.randint(0, 99)}{rnd.choice(['亿元', '万元', '亿美元'])}{rnd.choice(post)}"

    out: list[str] = []
    size = 0
    while size < n_chars:
        place, period = rnd.choice(places), rnd.choice(periods)
        thing, mw = rnd.choice(count_things)
        r = rnd.random()
        if r < 0.4:
            s = (f"{period + '，' if period else ''}{place}{thing}{rnd.randint(2, 999)}{mw}，{rnd.choice(amount_metrics)}{amount()}，"
                 f"其中外资项目{rnd.randint(1, 99)}个、{rnd.choice(amount_metrics)}{amount()}。")
        elif r < 0.6:
            a, b = rnd.sample(names, 2)
            s = (f"{place}{a}产业园项目、{b}基地项目{rnd.choice(['总投资', '投资'])}均达"
                 f"{rnd.randint(1, 99)}亿元以上。")
        elif r < 0.8:
            s = (f"该{place[-1]}{period}{rnd.choice(amount_metrics)}{amount()}，"
                 f"{thing}{_chinese(rnd.randint(11, 99))}{mw}。")
        else:
            s = (f"总投资{amount()}的{place}{rnd.choice(names)}项目{rnd.choice(['开工', '投产', '签约'])}，"
                 f"带动就业{rnd.randint(100, 9999)}人，年产值{rnd.randint(1, 99)}.{rnd.randint(1, 9)}亿元。")
        out.append(s)
        size += len(s)
    return "".join(out)


def _texts(n_chars: int):
    from zhaoshang import paths
    from zhaoshang.stages.process import load_corpus

    docs, _ = load_corpus(paths.SHARED_CORPUS / "national-gwr")
    reps = max(1, n_chars // len(SENTENCE))
    rnd = random.Random(7)
    varied = []
    size = 0
    while size < n_chars:
        s = (f"{rnd.choice(['新签约', '新开工', '在建'])}项目{rnd.randint(2, 999)}个，"
             f"{rnd.choice(['合同总投资额', '总投资', '到位资金'])}{rnd.randint(1, 999)}.{rnd.randint(0, 9)}亿元，"
             f"其中外资项目{rnd.randint(1, 99)}个。")
        varied.append(s)
        size += len(s)
    return {"national-gwr": docs, "long line": SENTENCE * reps, "varied line": "".join(varied),
            "varied places": varied_line(n_chars)}


def _as_docs(text, name):
    from zhaoshang.evaluate import text_document

    if isinstance(text, str):
        return [text_document(text, doc_id=name.replace(" ", "-"), published="2023-08-23")]
    return text


def run_zhaoshang(docs) -> int:
    from zhaoshang.analyses.figures import doc_figures

    return sum(len(doc_figures(d)) for d in docs)


def run_jionlp(docs) -> int:
    from zhaoshang.evaluate import load_jionlp

    jio = load_jionlp()
    n = 0
    with contextlib.redirect_stdout(io.StringIO()):
        for d in docs:
            n += len(jio.ner.extract_money(jio.tra2sim(d.body)))
    return n


def run_floor(docs) -> int:
    return sum(1 for d in docs for _ in _FLOOR.finditer(d.body))


def _timed(fn, docs, repeat: int = 1):
    """Figures found and the best wall-clock time of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        n = fn(docs)
        best = min(best, time.perf_counter() - t)
    return n, best


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=2_000_000, help="length of the synthetic lines")
    ap.add_argument("--repeat", type=int, default=1, help="runs per system and text (the best is kept)")
    ap.add_argument("--no-jionlp", action="store_true", help="skip JioNLP (slow on long texts)")
    args = ap.parse_args(argv)

    from zhaoshang.analyses.figures import doc_figures
    from zhaoshang.evaluate import text_document

    # load the gazetteer, lexicons and word lists outside the timings
    doc_figures(text_document(varied_line(3000), published="2023-08-23"))
    systems = [("zhaoshang", run_zhaoshang), ("re floor", run_floor)]
    if not args.no_jionlp:
        import importlib.util

        if importlib.util.find_spec("jionlp"):
            from zhaoshang.evaluate import load_jionlp

            load_jionlp()
            systems.insert(1, ("jionlp", run_jionlp))
    print(f"{'text':14} {'system':10} {'chars':>11} {'figures':>9} {'seconds':>9} {'chars/s':>12} "
          f"{'figures/s':>11} {'µs/figure':>10} {'zhaoshang time ÷ this':>22}")
    for name, text in _texts(args.chars).items():
        docs = _as_docs(text, name)
        n_chars = sum(len(d.body) for d in docs)
        results = {}
        for sys_name, fn in systems:
            n, dt = _timed(fn, docs, args.repeat)
            results[sys_name] = (n, dt)
        z_dt = results["zhaoshang"][1]
        for sys_name, (n, dt) in results.items():
            ratio = "" if sys_name == "zhaoshang" else f"{z_dt / dt:,.2f}×"
            per_fig = f"{dt / n * 1e6:,.1f}" if n else ""
            print(f"{name:14} {sys_name:10} {n_chars:>11,} {n:>9,} {dt:>9.2f} {n_chars / dt:>12,.0f} "
                  f"{n / dt:>11,.0f} {per_fig:>10} {ratio:>22}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
