"""How often the mojibake repair gets a lost character back, on text its model never saw.

    PYTHONPATH=lib python scripts/eval_lost_char.py [--corpus ../shared/corpus] [-n 40] [--show]

Takes ``-n`` paragraphs of the *held-out half* of the report corpora (national-gwr and
hailar-gwr-gbk reports of odd years; ``scripts/build_char_bigrams.py`` builds the character model
from the even years only), injects the sample article's fault into each — the lead byte of one
double-byte character lost, the rest read one byte out of step until a byte below 0x80 puts the
decoder back, the garbled run folded to ASCII, no pinyin reading glued on — and repairs it, once
with the character bigram model choosing the lost character and once without it (U+FFFD wherever
the word model is not sure, the behaviour before the model). Prints, for each: exact, given up
(the paragraph back with U+FFFD where the lost character was, nothing else wrong), wrong.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_char_bigrams import report_documents  # noqa: E402
from zhaoshang.stages.repair import mojibake, repair  # noqa: E402
from zhaoshang.stages.repair.gb18030 import fold  # noqa: E402
from zhaoshang.stages.repair.simulate import NoFault, shift_fault  # noqa: E402

MIN_PARAGRAPH = 60


def inject(text: str, index: int) -> str | None:
    """``text`` with the one-byte-shift fault at ``text[index]`` after a Han character, or None
    where that fault could not happen there or leaves nothing to repair from."""
    if index < 1 or not ("\u4e00" <= text[index - 1] <= "\u9fff"):
        return None
    try:
        return shift_fault(text, index)
    except NoFault:
        return None


def held_out_cases(corpus: Path, n: int) -> list[tuple[str, str, str]]:
    """(source, paragraph, damaged paragraph) for ``n`` paragraphs spread over the held-out half,
    each damaged at the first point from its middle on where the fault applies."""
    paragraphs = []
    for name, text in report_documents(corpus, model=False):
        for para in text.split("\n"):
            para = fold(para.strip())  # the sample's text is folded too: compare like with like
            if len(para) >= MIN_PARAGRAPH and "?" not in para:
                paragraphs.append((name, para))
    step = max(1, len(paragraphs) // (3 * n))
    cases = []
    for name, para in paragraphs[::step]:
        for i in range(len(para) // 2, len(para)):
            damaged = inject(para, i)
            if damaged is not None:
                cases.append((name, para, damaged))
                break
        if len(cases) == n:
            break
    return cases


def score(cases, *, with_model: bool, show: bool = False) -> dict[str, int]:
    keep = mojibake._pick_character
    if not with_model:
        mojibake._pick_character = lambda *a, **k: None
    try:
        out = {"exact": 0, "given up (U+FFFD)": 0, "wrong": 0}
        for name, para, damaged in cases:
            got = repair(damaged).text
            if got == para:
                out["exact"] += 1
                continue
            given_up = len(got) == len(para) and all(a == b or a == "\ufffd" for a, b in zip(got, para))
            out["given up (U+FFFD)" if given_up else "wrong"] += 1
            if show:
                k = next((j for j, (a, b) in enumerate(zip(got, para)) if a != b), 0)
                print(f"  {'FFFD ' if given_up else 'WRONG'} {name[:24]:<24} {para[max(0, k - 8):k + 6]} -> "
                      f"{got[max(0, k - 8):k + 6]}")
        return out
    finally:
        mojibake._pick_character = keep


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--show", action="store_true", help="list the paragraphs not restored exactly")
    args = ap.parse_args(argv)
    cases = held_out_cases(Path(args.corpus), args.n)
    print(f"{len(cases)} held-out paragraphs (odd-year reports), the sample's fault injected into each")
    for label, with_model in (("word model only (before)", False), ("with the character bigram model", True)):
        if args.show:
            print(label)
        r = score(cases, with_model=with_model, show=args.show)
        print(f"{label:<34} " + "  ".join(f"{k} {v}" for k, v in r.items()))


if __name__ == "__main__":
    main()
