"""jieba's segmentation, token for token, on jieba-rs (the ``rjieba`` bindings): about ten times faster.

jieba-rs is a Rust port of jieba's algorithm (prefix dictionary, best route by
word frequency, an HMM for unknown words). Taken as it is it agrees with
jieba 0.42.1 on about 99.5 % of the tokens of our corpora; the rest comes from four
differences, each undone here so that the tokens are jieba's own (the parity
test, ``tests/integration/test_segmenter_parity.py``, holds it to that):

1. **The dictionary** is the installed jieba's ``dict.txt`` (read once by
   :mod:`zhaoshang.text.jieba_dict`), not the copy built into rjieba, so the two
   backends can never drift apart.
2. **The total** — the sum of frequencies that weights every path of the route —
   is jieba's: jieba adds every line of the file (``B超`` is listed twice) and adds
   a user word's full frequency even when the word was already in the dictionary,
   where jieba-rs sums distinct words. A reserved entry that no text can reach (a
   private-use character: not a Han character, so never looked up) carries the
   difference.
3. **User words** get the frequency jieba's ``add_word(term)`` suggests: the
   product of the frequencies of the term's no-HMM cut over the total, times the
   total, plus one, at least the term's own frequency — computed here with jieba's
   arithmetic and in jieba's order (jieba-rs computes it with logarithms and can
   be one off), then handed to jieba-rs.
4. **Character classes**: jieba-rs's blocks also take CJK Extension A–F and
   compatibility ideographs, which jieba emits one by one and which end a block
   there, so the text is split at them first. And inside an unknown-word run,
   jieba splits what is not Han with ``[a-zA-Z0-9]+(?:\\.\\d+)?%?`` where jieba-rs
   keeps ``2022-06-17``, ``tv.cctv.com`` or ``UTF-8`` whole: such tokens are split
   again jieba's way (dictionary words excepted).

What remains: jieba-rs's HMM probabilities are not bit-identical to jieba's, so where two
segmentations of an unknown-word run score within about 1e-7 of each other the other one
may win (one such string in 120,000 random ones; none in the shared corpora).
"""
from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterable
from itertools import accumulate, repeat

from zhaoshang.resources import ResourceError
from zhaoshang.text import jieba_dict

RESERVED = "\ue000"
"""The dictionary entry that carries the difference between jieba's total and jieba-rs's."""

# Characters jieba-rs puts in a block and jieba does not (jieba: [\u4E00-\u9FD5a-zA-Z0-9+#&._%-]).
_OUTSIDE_JIEBA_BLOCKS = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
# jieba.finalseg.re_skip: how jieba splits the non-Han part of an unknown-word run.
_JIEBA_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# A stretch of the characters such a part is made of: where jieba-rs may differ, if it is not all
# letters and digits (found whole, then tested: a pattern demanding a joiner inside would backtrack)
_ASCII_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]{2,}")


def import_rjieba():
    try:
        import rjieba
    except ImportError as e:  # a declared dependency: its absence is a broken installation
        raise ResourceError(f"segmenter 'rjieba' unavailable: the rjieba package cannot be imported ({e}); "
                            "install the package's requirements or choose segmenter='jieba'") from None
    return rjieba


class _JiebaFrequencies:
    """jieba's ``FREQ.get(word, 1)`` and ``total`` as jieba has them after loading ``dict.txt``
    and adding user words: a word's frequency; 0 for a prefix of a word that is not a word
    itself; 1 for anything else."""

    def __init__(self, dictionary: jieba_dict.JiebaDictionary) -> None:
        self.freq: dict[str, int] = dict(zip(dictionary.words, dictionary.freqs))  # the last line wins
        self.total = sum(dictionary.freqs)  # every line counts
        self._words = dictionary.words
        self._sorted: list[str] | None = None
        self.added: list[str] = []

    def get(self, word: str) -> int:
        f = self.freq.get(word)
        if f is not None:
            return f
        return 0 if self._is_prefix(word) else 1

    def _is_prefix(self, frag: str) -> bool:
        if self._sorted is None:  # rarely needed: only for a fragment that is not a word
            self._sorted = sorted(set(self._words))
        i = bisect.bisect_left(self._sorted, frag)
        if i < len(self._sorted) and self._sorted[i].startswith(frag):
            return True
        return any(t.startswith(frag) for t in self.added)

    def add(self, word: str, freq: int) -> None:
        self.freq[word] = freq
        self.total += freq
        self.added.append(word)


class JiebaRs:
    """A jieba-rs tokenizer that reproduces ``jieba.Tokenizer`` with ``terms`` added as
    ``add_word(term)`` (in that order). :meth:`tokenize` is jieba's ``tokenize`` with HMM."""

    def __init__(self, terms: Iterable[str]) -> None:
        rjieba = import_rjieba()
        dictionary = jieba_dict.dictionary()
        rs = rjieba.Jieba.empty()
        add = rs.add_word
        deque(map(add, dictionary.words, dictionary.freqs, repeat(None)), maxlen=0)  # tags play no part
        jb = _JiebaFrequencies(dictionary)
        # jieba-rs holds the same frequency per word (the last line's), summed over distinct words
        rs_total = sum(jb.freq.values())

        def sync_total() -> None:
            add(RESERVED, jb.total - rs_total, None)

        sync_total()
        for term in terms:
            # jieba.Tokenizer.suggest_freq(term, tune=False), with jieba's arithmetic
            ftotal = float(jb.total)
            f = 1.0
            for seg in rs.cut(term, False):  # the route is jieba's: same words, frequencies, total
                f *= jb.get(seg) / ftotal
            freq = max(int(f * jb.total) + 1, jb.get(term))
            rs_total += freq - jb.freq.get(term, 0)
            jb.add(term, freq)
            add(term, freq, None)
            sync_total()
        self._rs = rs
        self._suggested = {t: jb.freq[t] for t in jb.added}
        self.total = jb.total
        """jieba's total after the user words (which jieba-rs's total is made equal to)."""

    def frequency(self, term: str) -> int:
        """The frequency a user word was added with (jieba's suggestion)."""
        return self._suggested[term]

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """(word, start, end) for every token of ``text``, as ``jieba.Tokenizer.tokenize`` gives them."""
        return with_offsets(self.words(text))

    def words(self, text: str) -> list[str]:
        """The tokens of ``text`` as words only, as ``jieba.Tokenizer.lcut(text, HMM=True)`` gives them:
        what a word tally needs. jieba-rs's ``cut`` hands back strings about twice as fast as its
        ``tokenize`` hands back (word, start, end) tuples, so offsets are computed only when asked."""
        if not _OUTSIDE_JIEBA_BLOCKS.search(text):
            return self._cut(text)
        out: list[str] = []
        last = 0
        for m in _OUTSIDE_JIEBA_BLOCKS.finditer(text):
            if m.start() > last:
                out.extend(self._cut(text[last:m.start()]))
            out.append(m.group())
            last = m.end()
        if last < len(text):
            out.extend(self._cut(text[last:]))
        return out

    def _cut(self, text: str) -> list[str]:
        words = self._rs.cut(text, True)
        runs = [m.span() for m in _ASCII_RUN.finditer(text) if not m.group().isalnum()]
        if not runs:
            return words
        ends = list(accumulate(map(len, words)))
        starts = [0, *ends[:-1]]
        fixes: dict[int, list[str]] = {}
        for run_start, run_end in runs:
            i = bisect.bisect_left(starts, run_start)
            while i < len(words) and ends[i] <= run_end:
                w = words[i]
                if len(w) > 1 and not self._rs.has_word(w):
                    pieces = [p for p in _JIEBA_HMM_SKIP.split(w) if p]
                    if len(pieces) > 1:
                        fixes[i] = pieces
                i += 1
        if not fixes:
            return words
        out: list[str] = []
        for i, w in enumerate(words):
            out.extend(fixes[i]) if i in fixes else out.append(w)
        return out


def with_offsets(words: list[str]) -> list[tuple[str, int, int]]:
    """(word, start, end) of consecutive ``words``: each starts where the one before ended."""
    ends = list(accumulate(map(len, words)))
    return list(zip(words, [0, *ends], ends))
