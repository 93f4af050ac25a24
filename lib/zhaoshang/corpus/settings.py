"""What a run analyses every document with, besides its text: the lexicon, the codebook, the segmenter."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from zhaoshang.analyses import rhetoric
from zhaoshang.text.lexicon import Lexicon, default_lexicon, merge, read_terms
from zhaoshang.text.segment import DEFAULT_SEGMENTER, check_segmenter


@dataclass(frozen=True)
class Settings:
    """What every document is analysed with, besides its text.

    ``lexicon`` is the lexicon whose terms are counted (term_counts.csv) and
    given to the segmenter as user words (words.csv); ``codebook`` the rhetoric
    categories (None: the built-in codebook); ``segmenter`` which of
    :data:`~zhaoshang.text.segment.SEGMENTERS` cuts the words. All are values, so
    a run's settings travel to worker processes and key the cache."""

    lexicon: Lexicon
    codebook: tuple | None = None
    segmenter: str = DEFAULT_SEGMENTER

    def digest(self, parts: tuple[str, ...] = ("lexicon", "codebook", "segmenter")) -> str:
        """A digest of the named parts of the settings (what one analysis depends on), for cache keys."""
        h = hashlib.sha256()
        if "lexicon" in parts:
            for t in self.lexicon:
                h.update(f"{t.term}\t{t.category}\t{t.gloss}\n".encode())
        if "codebook" in parts:
            h.update(b"\0codebook\0" + repr(self.codebook).encode())
        if "segmenter" in parts:
            h.update(b"\0segmenter\0" + self.segmenter.encode())
        return h.hexdigest()


def default_settings() -> Settings:
    """The built-in lexicon and codebook, the default segmenter."""
    return Settings(default_lexicon())


def settings(*, lexicon: Lexicon | str | Path | None = None, lexicon_only: bool = False,
             codebook: tuple | str | Path | None = None, segmenter: str = DEFAULT_SEGMENTER) -> Settings:
    """Run settings from what a user gives: a lexicon (a :class:`Lexicon` or a TSV/CSV file
    with a ``term`` column) counted next to the built-in one, or instead of it with
    ``lexicon_only``; a codebook (a YAML file of the built-in codebook's shape) replacing
    the built-in rhetoric categories; a segmenter (``"rjieba"`` or ``"jieba"``: the same
    tokens). A malformed file or an unknown segmenter raises ``ValueError`` naming it."""
    check_segmenter(segmenter)
    user = read_terms(lexicon) if isinstance(lexicon, (str, Path)) else lexicon
    if user is None:
        if lexicon_only:
            raise ValueError("lexicon_only needs a lexicon")
        lex = default_lexicon()
    else:
        lex = user if lexicon_only else merge(default_lexicon(), user)
    if isinstance(codebook, (str, Path)):
        codebook = rhetoric.read_codebook(codebook)
    return Settings(lex, codebook, segmenter)
