"""Domain lexicons as data: investment-promotion terms and stopwords.

The lexicon lives in ``data/lexicon/terms.tsv`` (term, category, gloss) and
``data/lexicon/stopwords.txt`` (one word a line). Terms are written once, in
Simplified script; every matcher works on the Simplified view of a document,
so the same entry finds 產業鏈招商 in Traditional text and 产业链招商 in
Simplified text. Loading normalises whatever is in the files through
:func:`zhaoshang.script.to_simplified`, so an entry typed in Traditional
still works.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import paths
from .script import to_simplified, to_traditional

TERMS_FILE = paths.LEXICON / "terms.tsv"
STOPWORDS_FILE = paths.LEXICON / "stopwords.txt"


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


def _data_lines(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.lstrip().startswith("#"):
                yield line.rstrip("\n")


def from_terms(terms, *, category: str = "user") -> Lexicon:
    """A lexicon from a plain list of terms (either script), all in one category.

    Duplicates (after conversion to Simplified) are dropped, first one kept."""
    seen: dict[str, Term] = {}
    for raw in terms:
        s = to_simplified(raw.strip())
        if s and s not in seen:
            seen[s] = Term(s, category)
    return Lexicon(tuple(seen.values()))


def read_terms(path: str | Path) -> Lexicon:
    """Read a terms TSV (header ``term<TAB>category[<TAB>gloss]``; ``#`` comments)."""
    rows = list(csv.reader(_data_lines(Path(path)), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip() for c in rows[0][:2]] != ["term", "category"]:
        raise ValueError(f"{path}: first data line must be the header 'term<TAB>category<TAB>gloss'")
    entries = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise ValueError(f"{path}: data line {n} needs a term and a category: {row!r}")
        gloss = row[2].strip() if len(row) > 2 else ""
        entries.append(Term(to_simplified(row[0].strip()), row[1].strip(), gloss))
    return Lexicon(tuple(entries))


def read_stopwords(path: str | Path) -> frozenset[str]:
    """Read a stopword list (one a line, ``#`` comments), normalised to Simplified."""
    return frozenset(to_simplified(line.strip()) for line in _data_lines(Path(path)))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The project lexicon from data/lexicon/terms.tsv (read once per process)."""
    return read_terms(TERMS_FILE)


@lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The project stopwords from data/lexicon/stopwords.txt (read once per process)."""
    return read_stopwords(STOPWORDS_FILE)


def as_lexicon(lexicon: Lexicon | None) -> Lexicon:
    """``lexicon`` or the default one."""
    return default_lexicon() if lexicon is None else lexicon
