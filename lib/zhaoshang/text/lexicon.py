"""Domain lexicons as data: investment-promotion terms, stopwords and four-character idioms.

The built-in lexicon is package data, ``lexicon/terms.tsv`` (term, category,
gloss) and ``lexicon/stopwords.txt`` (one word a line), read through
:mod:`zhaoshang.resources`. Terms are written once, in
Simplified script; every matcher works on the Simplified view of a document,
so the same entry finds 產業鏈招商 in Traditional text and 产业链招商 in
Simplified text. Loading normalises whatever is in the files through
:func:`zhaoshang.text.script.to_simplified`, so an entry typed in Traditional
still works.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from zhaoshang import resources
from zhaoshang.text.script import to_simplified, to_traditional

TERMS_RESOURCE = "lexicon/terms.tsv"
STOPWORDS_RESOURCE = "lexicon/stopwords.txt"
CHENGYU_RESOURCE = "lexicon/chengyu.tsv"


@lru_cache(maxsize=1)
def chengyu() -> frozenset[str]:
    """The four-character idioms (Simplified) of the package data lexicon/chengyu.tsv: language data
    that both the rhetoric (a quotation that is an idiom) and the figures (百家争鸣 counts no firms) read."""
    return frozenset(line.split("\t", 1)[0].strip() for line in resources.data_lines(CHENGYU_RESOURCE))


@dataclass(frozen=True)
class Term:
    """One lexicon entry. ``term`` is the Simplified form used for matching."""

    term: str
    category: str
    gloss: str = ""

    @property
    def traditional(self) -> str:
        """The Traditional rendering, for display next to Traditional text."""
        return to_traditional(self.term)


@dataclass(frozen=True)
class Lexicon:
    """An ordered, duplicate-free set of terms with categories.

    Immutable and hashable by content, so it can key caches (one automaton and
    one jieba tokenizer per distinct lexicon and process)."""

    entries: tuple[Term, ...]
    _index: dict = field(default=None, init=False, repr=False, compare=False, hash=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        index: dict[str, Term] = {}
        for t in self.entries:
            if t.term in index:
                raise ValueError(f"duplicate lexicon term {t.term!r}")
            index[t.term] = t
        object.__setattr__(self, "_index", index)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and to_simplified(term) in self._index

    @property
    def terms(self) -> list[str]:
        """The Simplified terms in file order."""
        return [t.term for t in self.entries]

    @property
    def categories(self) -> list[str]:
        """Distinct categories in order of first appearance."""
        return list(dict.fromkeys(t.category for t in self.entries))

    def category(self, term: str) -> str | None:
        """Category of ``term`` (either script), or None if it is not in the lexicon."""
        entry = self._index.get(to_simplified(term))
        return entry.category if entry else None

    def get(self, term: str) -> Term | None:
        return self._index.get(to_simplified(term))

    def summary(self, *, examples: int = 6):
        """Terms per category with a few examples: category, terms, examples."""
        import pandas as pd

        rows = []
        for c in self.categories:
            members = [t.term for t in self.entries if t.category == c]
            rows.append((c, len(members), "、".join(members[:examples])))
        return pd.DataFrame(rows, columns=["category", "terms", "examples"])

    def to_frame(self):
        """The lexicon as a DataFrame: term, traditional, category, gloss."""
        import pandas as pd

        return pd.DataFrame(
            [(t.term, t.traditional, t.category, t.gloss) for t in self.entries],
            columns=["term", "traditional", "category", "gloss"],
        )


class LexiconFileError(ValueError):
    """A user's lexicon file (terms, stopwords, a codebook) that cannot be used.

    The message names the file and, when known, the line (1-based, also in ``line``)."""

    def __init__(self, file, message: str, line: int | None = None):
        self.file = str(file)
        self.line = line
        self.reason = message
        where = f"{file}, line {line}" if line is not None else f"{file}"
        super().__init__(f"{where}: {message}")


USER_CATEGORY = "user"
"""Category of a user's term whose file gives none."""


def _file_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LexiconFileError(path, "no such lexicon file") from None
    except UnicodeDecodeError as e:
        raise LexiconFileError(path, f"not UTF-8 text (byte {e.start}); save the lexicon as UTF-8") from None
    except OSError as e:
        raise LexiconFileError(path, f"cannot be read: {e.strerror or e}") from None


def parse_terms(text: str, *, source: str, delimiter: str = "\t") -> Lexicon:
    """A lexicon from the text of a terms table.

    The first data line is a header naming the columns; ``term`` is required,
    ``category`` and ``gloss`` are optional (a term without a category is in
    :data:`USER_CATEGORY`). Blank lines and ``#`` comments are skipped. Terms
    may be written in either script: they are stored Simplified, and a term
    listed twice (in one script or both) is kept once, at its first line.
    Raises :class:`LexiconFileError` naming ``source`` and the line."""
    numbered = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1)
                if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        raise LexiconFileError(source, "no terms (the file is empty or all comments)")
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    rows = [(n, row) for n, row in zip((n for n, _ in numbered),
                                       csv.reader((ln for _, ln in numbered), delimiter=delimiter, quoting=quoting))]
    header_line, header = rows[0]
    columns = [c.strip().lower() for c in header]
    if "term" not in columns:
        raise LexiconFileError(source, "the first line must be a header with a 'term' column "
                               f"(optional 'category', 'gloss'), found {header!r}", header_line)
    col = {name: columns.index(name) for name in ("term", "category", "gloss") if name in columns}
    seen: dict[str, Term] = {}
    for n, row in rows[1:]:
        if len(row) > len(columns):
            raise LexiconFileError(source, f"{len(row)} fields, the header has {len(columns)}", n)
        cells = [c.strip() for c in row] + [""] * (len(columns) - len(row))
        term = to_simplified(cells[col["term"]])
        if not term:
            raise LexiconFileError(source, "empty term", n)
        category = cells[col["category"]] if "category" in col else ""
        gloss = cells[col["gloss"]] if "gloss" in col else ""
        if term not in seen:
            seen[term] = Term(term, category or USER_CATEGORY, gloss)
    if not seen:
        raise LexiconFileError(source, "a header but no terms")
    return Lexicon(tuple(seen.values()))


def read_terms(path: str | Path) -> Lexicon:
    """A lexicon from a file: TSV (``.tsv``/``.txt``) or CSV (``.csv``), see :func:`parse_terms`.

    This is how users bring their own terms (``analyze --lexicon FILE``)."""
    path = Path(path)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    return parse_terms(_file_text(path), source=str(path), delimiter=delimiter)


def read_stopwords(path: str | Path) -> frozenset[str]:
    """Read a stopword list (one a line, ``#`` comments), normalised to Simplified."""
    lines = _file_text(Path(path)).splitlines()
    return frozenset(to_simplified(ln.strip()) for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))


def from_terms(terms, *, category: str = USER_CATEGORY) -> Lexicon:
    """A lexicon from a plain list of terms (either script), all in one category.

    Duplicates (after conversion to Simplified) are dropped, first one kept."""
    seen: dict[str, Term] = {}
    for raw in terms:
        s = to_simplified(raw.strip())
        if s and s not in seen:
            seen[s] = Term(s, category)
    return Lexicon(tuple(seen.values()))


def merge(base: Lexicon, extra: Lexicon) -> Lexicon:
    """``base`` with ``extra``'s terms: a term in both takes ``extra``'s category and gloss (the
    user's word on their own term) at ``base``'s position; new terms follow in ``extra``'s order."""
    entries = {t.term: t for t in base}
    entries.update((t.term, t) for t in extra)
    return Lexicon(tuple(entries.values()))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicon (package data ``lexicon/terms.tsv``, read once per process)."""
    try:
        return parse_terms(resources.read_text(TERMS_RESOURCE), source=str(resources.location(TERMS_RESOURCE)))
    except LexiconFileError as e:  # the built-in file is broken: the installation is, not the input
        raise resources.ResourceError(f"zhaoshang resource malformed: {e}") from None


@lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The built-in stopwords (package data ``lexicon/stopwords.txt``, read once per process)."""
    return frozenset(to_simplified(line.strip()) for line in resources.data_lines(STOPWORDS_RESOURCE))


def as_lexicon(lexicon: Lexicon | None) -> Lexicon:
    """``lexicon`` or the default one."""
    return default_lexicon() if lexicon is None else lexicon
