"""Word segmentation with jieba, on the Simplified view, mapped back for display.

jieba segments Traditional text badly, so we cut the Simplified view of a
document (``CleanDocument.simplified``, character-aligned with ``body``) and
read each word's *surface form* — what the reader sees — from the same offsets
in the original text. Words are keyed by their Simplified form, so 營商環境 and
营商环境 are one word in every table.

The domain lexicon is loaded into the segmenter as user words, so that word
lists agree with the phrase counts (全产业链招商 comes out as one word). This
happens in a *private* ``jieba.Tokenizer``: the module-level ``jieba.cut``
that other code may use is never touched. One tokenizer is built per process
and lexicon, lazily, because initialisation costs about a second; jieba's
start-up chatter on stderr is silenced while it loads.
"""
from __future__ import annotations

import logging
import re
import threading
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

from zhaoshang.text.lexicon import Lexicon, as_lexicon, default_stopwords
from zhaoshang.text.script import to_simplified

_LOCK = threading.Lock()
_TOKENIZERS: dict[Lexicon, object] = {}

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


def tokenizer(lexicon: Lexicon | None = None):
    """The process's private jieba tokenizer with ``lexicon``'s terms as user words.

    Built on first use and cached per lexicon; the global ``jieba.dt`` is never
    modified."""
    lex = as_lexicon(lexicon)
    tk = _TOKENIZERS.get(lex)
    if tk is not None:
        return tk
    with _LOCK:
        tk = _TOKENIZERS.get(lex)
        if tk is None:
            tk = import_jieba().Tokenizer()
            with _quiet_jieba():
                tk.initialize()
            for term in lex.terms:
                tk.add_word(term)  # freq=None: jieba suggests one that keeps the term whole
            _TOKENIZERS[lex] = tk
    return tk


@dataclass(frozen=True)
class Token:
    """A segmented word: ``word`` is the Simplified key, ``surface`` what the text shows.

    ``start``/``end`` are offsets into the document's ``field`` ('title' or 'body')."""

    word: str
    surface: str
    field: str
    start: int
    end: int


def cut(text: str, lexicon: Lexicon | None = None) -> list[tuple[str, int, int]]:
    """Segment ``text`` (any script): (Simplified word, start, end) for every token.

    Offsets are into ``text``; whitespace and punctuation come out as tokens too."""
    simplified = to_simplified(text)
    return [(w, s, e) for w, s, e in tokenizer(lexicon).tokenize(simplified)]


def doc_tokens(doc, lexicon: Lexicon | None = None) -> list[Token]:
    """All tokens of a CleanDocument's title then body, each with its surface form."""
    tk = tokenizer(lexicon)
    out: list[Token] = []
    for field, original, simplified in (("title", doc.title, doc.title_simplified),
                                        ("body", doc.body, doc.simplified)):
        if not simplified:
            continue
        for w, s, e in tk.tokenize(simplified):
            out.append(Token(w, original[s:e], field, s, e))
    return out


def is_content_word(word: str, *, stopwords: frozenset[str] | None = None, min_len: int = 2) -> bool:
    """True for a word worth counting: not a stopword, at least ``min_len``
    characters, and containing a Han character or a Latin letter.

    The default ``min_len=2`` drops single characters (的, 市, 年 …): in Chinese
    they are mostly function words and measure words and crowd out content."""
    if len(word) < min_len or not _CONTENT.search(word):
        return False
    sw = default_stopwords() if stopwords is None else stopwords
    return word not in sw
