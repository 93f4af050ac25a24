"""Word segmentation on the Simplified view, mapped back for display.

jieba segments Traditional text badly, so we cut the Simplified view of a
document (``CleanDocument.simplified``, character-aligned with ``body``) and
read each word's *surface form* — what the reader sees — from the same offsets
in the original text. Words are keyed by their Simplified form, so 營商環境 and
营商环境 are one word in every table.

Two segmenters give the same tokens (:data:`SEGMENTERS`): ``"jieba"``, the
reference, and ``"rjieba"``, jieba's algorithm on jieba-rs, made to reproduce
jieba token for token (:mod:`zhaoshang.text.jieba_rs`) and about ten times
faster — the default. Both use HMM for unknown words, as ``jieba.cut`` does.

The domain lexicon is loaded into the segmenter as user words, so that word
lists agree with the phrase counts (全产业链招商 comes out as one word), at the
frequency jieba's ``add_word(term)`` suggests. This happens in a *private*
tokenizer: the module-level ``jieba.cut`` that other code may use is never
touched. One tokenizer is built per process, lexicon and segmenter, lazily,
because initialisation costs about a second; jieba's start-up chatter on stderr
is silenced while it loads.
"""
from __future__ import annotations

import logging
import re
import threading
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from zhaoshang.text.jieba_rs import with_offsets
from zhaoshang.text.lexicon import Lexicon, as_lexicon, default_stopwords
from zhaoshang.text.script import to_simplified

SEGMENTERS = ("rjieba", "jieba")
"""The segmenters a run can use: the same tokens, ``rjieba`` about ten times faster."""
DEFAULT_SEGMENTER = "rjieba"

_LOCK = threading.Lock()
_TOKENIZERS: dict[tuple[Lexicon, str], object] = {}
_LAST: tuple[Lexicon, str, object] | None = None  # the last lookup, by identity (a run asks once per document)

# A word worth listing has a Han character or a Latin letter in it; pure
# digits, punctuation and whitespace are dropped by rule.
_CONTENT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z]")


def import_jieba():
    """``import jieba`` without its import-time warnings (it imports the
    deprecated ``pkg_resources`` when setuptools is present): a warning printed
    in a notebook is an stderr output that breaks regression tests."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    return jieba


@contextmanager
def _quiet_jieba():
    """Raise jieba's logger above DEBUG while it loads, then put it back."""
    logger = logging.getLogger("jieba")
    jieba = import_jieba()

    loggers = {logger, jieba.default_logger}
    saved = {lg: lg.level for lg in loggers}
    for lg in loggers:
        lg.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for lg, level in saved.items():
            lg.setLevel(level)


def check_segmenter(name: str) -> str:
    """``name`` if it is one of :data:`SEGMENTERS`, else ``ValueError`` listing them."""
    if name not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {name!r}: choose one of {', '.join(SEGMENTERS)}")
    return name


class JiebaTokenizer:
    """jieba's own tokenizer (``.jieba``, a private ``jieba.Tokenizer``) behind the common interface."""

    def __init__(self, tk) -> None:
        self.jieba = tk

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        return list(self.jieba.tokenize(text))

    def words(self, text: str) -> list[str]:
        return self.jieba.lcut(text, HMM=True)  # tokenize()'s words: both iterate jieba's cut


def _build(lex: Lexicon, segmenter: str):
    if segmenter == "rjieba":
        from zhaoshang.text.jieba_rs import JiebaRs

        return JiebaRs(lex.terms)
    tk = import_jieba().Tokenizer()
    with _quiet_jieba():
        tk.initialize()
    for term in lex.terms:
        tk.add_word(term)  # freq=None: jieba suggests one that keeps the term whole
    return JiebaTokenizer(tk)


def tokenizer(lexicon: Lexicon | None = None, segmenter: str = DEFAULT_SEGMENTER):
    """The process's private tokenizer with ``lexicon``'s terms as user words; its
    ``tokenize(text)`` gives ``(word, start, end)`` for every token, HMM on, and ``words(text)``
    the same tokens as words only (faster: a tally needs no offsets).

    Built on first use and cached per lexicon and segmenter; the global ``jieba.dt``
    is never modified."""
    lex = as_lexicon(lexicon)
    last = _LAST
    if last is not None and last[0] is lex and last[1] == segmenter:
        return last[2]  # the same lexicon object as last time: no need to hash all its terms again
    key = (lex, check_segmenter(segmenter))
    tk = _TOKENIZERS.get(key)
    if tk is not None:
        _remember(lex, segmenter, tk)
        return tk
    with _LOCK:
        tk = _TOKENIZERS.get(key)
        if tk is None:
            tk = _TOKENIZERS[key] = _build(lex, segmenter)
    _remember(lex, segmenter, tk)
    return tk


def _remember(lex: Lexicon, segmenter: str, tk) -> None:
    global _LAST
    _LAST = (lex, segmenter, tk)


@dataclass(frozen=True)
class Token:
    """A segmented word: ``word`` is the Simplified key, ``surface`` what the text shows.

    ``start``/``end`` are offsets into the document's ``field`` ('title' or 'body')."""

    word: str
    surface: str
    field: str
    start: int
    end: int


def cut(text: str, lexicon: Lexicon | None = None,
        segmenter: str = DEFAULT_SEGMENTER) -> list[tuple[str, int, int]]:
    """Segment ``text`` (any script): (Simplified word, start, end) for every token.

    Offsets are into ``text``; whitespace and punctuation come out as tokens too."""
    return tokenizer(lexicon, segmenter).tokenize(to_simplified(text))


@dataclass(frozen=True)
class SegmentedField:
    """One field of a document and its tokens: offsets into ``original`` and ``simplified`` alike.

    ``words`` are the tokens as the segmenter gives them (Simplified words, consecutive: together
    they are ``simplified``); ``tokens`` adds their offsets, computed on first use, since counting
    words needs none and building the tuples costs as much as segmenting."""

    field: str  # 'title' or 'body'
    original: str  # the text as written (surface forms)
    simplified: str  # its Simplified view, which was segmented
    words: list[str]  # the tokens' Simplified words, in order

    @cached_property
    def tokens(self) -> list[tuple[str, int, int]]:
        """(Simplified word, start, end) of every token, as :func:`cut` gives them."""
        return with_offsets(self.words)


def doc_fields_tokens(doc, lexicon: Lexicon | None = None,
                      segmenter: str = DEFAULT_SEGMENTER) -> list[SegmentedField]:
    """A CleanDocument segmented once: its title then its body (when not empty). What
    every word analysis of one document reads, so the document is segmented only once."""
    tk = tokenizer(lexicon, segmenter)
    return [SegmentedField(field, original, simplified, tk.words(simplified))
            for field, original, simplified in (("title", doc.title, doc.title_simplified),
                                                ("body", doc.body, doc.simplified))
            if simplified]


def doc_tokens(doc, lexicon: Lexicon | None = None, segmenter: str = DEFAULT_SEGMENTER) -> list[Token]:
    """All tokens of a CleanDocument's title then body, each with its surface form."""
    return [Token(w, f.original[s:e], f.field, s, e)
            for f in doc_fields_tokens(doc, lexicon, segmenter)
            for w, s, e in f.tokens]


def is_content_word(word: str, *, stopwords: frozenset[str] | None = None, min_len: int = 2) -> bool:
    """True for a word worth counting: not a stopword, at least ``min_len``
    characters, and containing a Han character or a Latin letter.

    The default ``min_len=2`` drops single characters (的, 市, 年 …): in Chinese
    they are mostly function words and measure words and crowd out content."""
    if len(word) < min_len or not _CONTENT.search(word):
        return False
    sw = default_stopwords() if stopwords is None else stopwords
    return word not in sw


class ContentWords(dict):
    """``word -> is_content_word(word)`` for one stopword list and ``min_len``, filled on first
    lookup of each word: ``content[w]`` (or ``map(content.__getitem__, words)``) costs a dict
    lookup once a word has been seen, where the word analyses meet each word many times."""

    def __init__(self, stopwords: frozenset[str], min_len: int) -> None:
        super().__init__()
        self.stopwords, self.min_len = stopwords, min_len

    def __missing__(self, word: str) -> bool:
        ok = self[word] = is_content_word(word, stopwords=self.stopwords, min_len=self.min_len)
        return ok


_CONTENT_WORDS: dict[tuple[frozenset[str], int], ContentWords] = {}
_CONTENT_WORDS_MAX = 1_000_000  # words remembered per process before the memo starts afresh


def content_words(stopwords: frozenset[str] | None = None, min_len: int = 2) -> ContentWords:
    """The process's :class:`ContentWords` memo for ``stopwords`` (default: the built-in ones) and
    ``min_len``; bounded, so a long run's memory does not grow with its vocabulary without end."""
    sw = default_stopwords() if stopwords is None else stopwords
    memo = _CONTENT_WORDS.get((sw, min_len))
    if memo is None or len(memo) > _CONTENT_WORDS_MAX:
        if len(_CONTENT_WORDS) > 8:
            _CONTENT_WORDS.clear()
        memo = _CONTENT_WORDS[(sw, min_len)] = ContentWords(sw, min_len)
    return memo


BREAK = object()
"""What :class:`AdjacencyKeys` gives a token that breaks adjacency (neither a content word nor whitespace)."""


class AdjacencyKeys(dict):
    """``word -> key`` for counting adjacent content-word pairs, filled on first lookup of each word:
    the word itself for a content word, ``""`` for whitespace (which does not break adjacency, so
    ``filter(None, …)`` drops it) and :data:`BREAK` for anything else (punctuation, a stopword, a
    single character). So a document's pairs are ``zip(keys, keys[1:])`` without a Python step per token."""

    def __init__(self, content: ContentWords) -> None:
        super().__init__()
        self.content = content

    def __missing__(self, word: str) -> object:
        key = self[word] = "" if not word.strip() else word if self.content[word] else BREAK
        return key


_ADJACENCY: dict[tuple[frozenset[str], int], AdjacencyKeys] = {}


def adjacency_keys(stopwords: frozenset[str] | None = None, min_len: int = 2) -> AdjacencyKeys:
    """The process's :class:`AdjacencyKeys` memo for ``stopwords`` and ``min_len`` (see
    :func:`content_words`; bounded the same way)."""
    sw = default_stopwords() if stopwords is None else stopwords
    memo = _ADJACENCY.get((sw, min_len))
    if memo is None or len(memo) > _CONTENT_WORDS_MAX:
        if len(_ADJACENCY) > 8:
            _ADJACENCY.clear()
        memo = _ADJACENCY[(sw, min_len)] = AdjacencyKeys(content_words(sw, min_len))
    return memo
