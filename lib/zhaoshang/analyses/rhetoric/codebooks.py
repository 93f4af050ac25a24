"""Codebooks: the built-in one, a user's own, phrase matching, and the rhetoric rows they give.

The codebook (package data ``lexicon/codebook.yaml``, documented in
``docs/codebook.md``) groups terms into categories of investment-promotion rhetoric;
the metaphor lexicon (:mod:`.lexicons`) is reported as one more category,
``metaphor``. :func:`doc_rhetoric` gives, per document and category, the hits and
hits per 10 000 characters of title + body; :func:`doc_category_hits` and
:func:`doc_metaphors` list every hit with its sentence: the sentence of the title or body
(:func:`zhaoshang.text.sentences.split`, found once per field) that holds it.

A codebook is a value — a tuple of frozen :class:`Category` records — so it can be
passed around, compared and hashed: :func:`codebook` is the built-in one,
:func:`read_codebook` reads a user's file of the same shape, and every function
taking ``codebook=`` uses the built-in one for ``None``. The phrase matchers are
built once per codebook value (an ``lru_cache`` keyed on the tuple).

Terms are stored and matched in Simplified script, on the Simplified view of each
document, so they count in Traditional text too; a user's terms may be written in
either script. Within a category, matches are leftmost-longest and never overlap.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import yaml

from zhaoshang import resources
from zhaoshang.analyses.rhetoric.lexicons import LexiconFileError, line_of, metaphors, read_yaml_file
from zhaoshang.analyses.rhetoric.marks import QuotedSpan, find_quoted_spans
from zhaoshang.text.script import to_simplified
from zhaoshang.text.sentences import split

CODEBOOK_RESOURCE = "lexicon/codebook.yaml"

METAPHOR = "metaphor"
"""Category name of metaphor-lexicon hits in rhetoric tables (reserved: no codebook may use it)."""
METAPHOR_LABEL = "Metaphor"
METAPHOR_LABEL_ZH = "隐喻"


# ----------------------------------------------------------------- the codebook


@dataclass(frozen=True)
class Category:
    """One codebook category: its id, labels, description, terms (Simplified) and an example."""

    id: str
    label: str
    label_zh: str
    description: str
    terms: tuple[str, ...]
    example: str = ""


class CodebookError(LexiconFileError):
    """A codebook file that cannot be used: not YAML, no ``categories``, a category without
    ``id`` or ``terms``, a duplicate id… The message names the file and, when the YAML
    gives one, the line."""


@lru_cache(maxsize=1)
def codebook() -> tuple[Category, ...]:
    """The built-in rhetoric categories (package data ``lexicon/codebook.yaml``), in file order."""
    data = resources.read_yaml(CODEBOOK_RESOURCE)
    try:
        return _parse_codebook(data, None, resources.location(CODEBOOK_RESOURCE))
    except CodebookError as e:
        raise resources.ResourceError(f"zhaoshang resource malformed: {e}") from None


def read_codebook(path) -> tuple[Category, ...]:
    """A user's codebook: a YAML file of the built-in codebook's shape.

    ``categories`` is a list of mappings with ``id`` (text, unique, not ``metaphor``)
    and ``terms`` (a non-empty list, in Simplified or Traditional script: stored
    Simplified), and optionally ``label`` (default: the id), ``label_zh`` (stored
    Simplified, like the built-in labels, so charts render it in either script),
    ``description`` and ``example``; other keys are ignored. Raises
    :class:`CodebookError` (a ``ValueError``) naming the file and the line of the
    fault; a missing file raises :class:`FileNotFoundError`. Pass the result as
    ``codebook=`` to :func:`zhaoshang.analyses.rhetoric.analyse`."""
    data, node = read_yaml_file(path, error=CodebookError)
    return _parse_codebook(data, node, path)


def _book(book: tuple[Category, ...] | None) -> tuple[Category, ...]:
    return codebook() if book is None else book


def categories(codebook: tuple[Category, ...] | None = None) -> list[str]:
    """Category ids in codebook order, then ``metaphor``."""
    return [c.id for c in _book(codebook)] + [METAPHOR]


def category_labels(codebook: tuple[Category, ...] | None = None, *, chinese: bool = False) -> dict[str, str]:
    """Category id -> label (English, or the Chinese ``label_zh``), ``metaphor`` included."""
    if chinese:
        return {**{c.id: c.label_zh for c in _book(codebook)}, METAPHOR: METAPHOR_LABEL_ZH}
    return {**{c.id: c.label for c in _book(codebook)}, METAPHOR: METAPHOR_LABEL}


# ----------------------------------------------------------------- checking a codebook file


def _value_node(node, key: str):
    """The value node of ``key`` in a mapping node (the last one, as YAML loading keeps), or None."""
    found = None
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found = v
    return found


def _is_text(value) -> bool:
    """A scalar that reads as text: a string or a number, not a boolean, null, list or mapping."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _parse_codebook(data: dict, node, file) -> tuple[Category, ...]:
    """The categories of codebook ``data``; ``node`` (the YAML node tree, or None) gives lines."""
    def fail(message: str, at=None):
        raise CodebookError(file, message, line_of(at))

    if "categories" not in data:
        fail("no `categories` list", node)
    items = data["categories"]
    items_node = _value_node(node, "categories")
    if not isinstance(items, list) or not items:
        fail("`categories` must be a non-empty list of categories", items_node if items_node is not None else node)
    item_nodes = items_node.value if isinstance(items_node, yaml.SequenceNode) else [None] * len(items)
    first_line: dict[str, int | None] = {}
    out = []
    for i, (c, cnode) in enumerate(zip(items, item_nodes), 1):
        cat = _parse_category(c, cnode, i, fail)
        if cat.id in first_line:
            at = first_line[cat.id]
            fail(f"duplicate category id {cat.id!r}" + (f" (first at line {at})" if at is not None else ""),
                 _value_node(cnode, "id"))
        first_line[cat.id] = line_of(_value_node(cnode, "id"))
        out.append(cat)
    return tuple(out)


def _parse_category(c, cnode, i: int, fail) -> Category:
    """One category of a codebook (the ``i``-th, 1-based); ``fail`` raises with a line."""
    if not isinstance(c, dict):
        fail(f"category {i} is not a mapping (id, label, terms, ...)", cnode)
    if "id" not in c:
        fail(f"category {i} has no `id`", cnode)
    cid = c["id"]
    if not isinstance(cid, str) or not cid.strip():
        fail(f"category {i}: `id` must be a non-empty text", _value_node(cnode, "id"))
    if cid == METAPHOR:
        fail(f"category {i}: the id {METAPHOR!r} is reserved for the metaphor lexicon", _value_node(cnode, "id"))
    if "terms" not in c:
        fail(f"category {cid!r} has no `terms`", cnode)
    terms, tnode = c["terms"], _value_node(cnode, "terms")
    if not isinstance(terms, list) or not terms:
        fail(f"category {cid!r}: `terms` must be a non-empty list", tnode)
    term_nodes = tnode.value if isinstance(tnode, yaml.SequenceNode) else [None] * len(terms)
    for j, (t, n) in enumerate(zip(terms, term_nodes), 1):
        if not _is_text(t) or not str(t).strip():
            fail(f"category {cid!r}: term {j} is not a term (write each term as text)", n if n is not None else tnode)
    for key in ("label", "label_zh", "description", "example"):
        if key in c and c[key] is not None and not _is_text(c[key]):
            fail(f"category {cid!r}: `{key}` must be text", _value_node(cnode, key))

    def text(key: str, default: str = "") -> str:
        v = c.get(key)
        return default if v is None else str(v)

    return Category(id=cid, label=text("label", cid), label_zh=to_simplified(text("label_zh")),
                    description=" ".join(text("description").split()),
                    terms=tuple(dict.fromkeys(to_simplified(str(t)) for t in terms)), example=text("example"))


# ----------------------------------------------------------------- matching


class PhraseMatcher:
    """Exact phrase matching, leftmost-longest and non-overlapping (Aho–Corasick)."""

    def __init__(self, terms):
        self.terms = tuple(dict.fromkeys(t for t in terms if t))
        self._auto = ahocorasick.Automaton()
        for t in self.terms:
            self._auto.add_word(t, t)
        if self.terms:
            self._auto.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of every match, leftmost-longest, never overlapping."""
        if not self.terms or not text:
            return []
        return _leftmost_longest([(end - len(t) + 1, -len(t), t) for end, t in self._auto.iter(text)])


def _leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, term) of the hits ``(start, -length, term)`` that a left-to-right reading keeps:
    at each position the longest, never overlapping one kept before."""
    out, pos = [], 0
    for s, neg, t in sorted(found):
        if s >= pos:
            out.append((s, s - neg, t))
            pos = s - neg
    return out


class CodebookMatcher:
    """Every category of a codebook in one Aho–Corasick pass over a text.

    :meth:`find` gives, per category in codebook order, exactly what a :class:`PhraseMatcher` of
    that category's terms finds (leftmost-longest within the category; categories overlap freely):
    one automaton of all the terms, each knowing its categories, instead of one pass per category."""

    def __init__(self, book: tuple[Category, ...]) -> None:
        self.ids = tuple(c.id for c in book)
        where: dict[str, list[int]] = {}  # term -> the categories (positions in the book) listing it
        for i, c in enumerate(book):
            for t in dict.fromkeys(t for t in c.terms if t):
                where.setdefault(t, []).append(i)
        self._auto = ahocorasick.Automaton()
        for t, cats in where.items():
            self._auto.add_word(t, (t, tuple(cats)))
        if where:
            self._auto.make_automaton()
        self._empty = not where

    def find(self, text: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
        """(category id, its (start, end, term) hits) for every category, in codebook order."""
        found: list[list[tuple[int, int, str]]] = [[] for _ in self.ids]
        if not self._empty and text:
            for end, (t, cats) in self._auto.iter(text):
                hit = (end - len(t) + 1, -len(t), t)
                for i in cats:
                    found[i].append(hit)
        return [(cid, _leftmost_longest(hits) if hits else []) for cid, hits in zip(self.ids, found)]


@lru_cache(maxsize=8)
def _matcher_for(book: tuple[Category, ...]) -> CodebookMatcher:
    """The matcher of a codebook value (cached on the value)."""
    return CodebookMatcher(book)


@lru_cache(maxsize=1)
def _metaphor_matcher() -> PhraseMatcher:
    return PhraseMatcher(m.term for m in metaphors())


# ----------------------------------------------------------------- per document


def _innermost(spans: list[QuotedSpan], starts: list[int], s: int, e: int) -> QuotedSpan | None:
    """The innermost quoted span holding ``[s, e)``, or None.

    ``spans`` are :func:`.marks.find_quoted_spans`' (sorted by start, each knowing its enclosing
    span; pairs never cross), ``starts`` their starts. The last span opening at or before ``s``
    is the innermost holder or nested in it, so the holder is found by bisection and a walk up
    the enclosing spans — not by testing every span for every hit."""
    k = bisect.bisect_right(starts, s) - 1
    while k is not None and k >= 0:
        q = spans[k]
        if q.start <= s and e <= q.end:
            return q
        k = q.parent
    return None


def _fields(doc):
    """(field, original, simplified) for the title and the body of a document."""
    title = doc.title or ""
    title_simp = getattr(doc, "title_simplified", None) or to_simplified(title)
    return (("title", title, title_simp), ("body", doc.body, doc.simplified))


def doc_category_hits(doc, *, codebook: tuple[Category, ...] | None = None) -> list[dict]:
    """Every codebook hit in title and body.

    Columns: doc_id, category, term (as written), key (Simplified), field
    ('title'/'body'), start, end (into that field), sentence."""
    rows = []
    for field, text, simp in _fields(doc):
        index = None  # the field's sentences, found once when it has a hit
        for cat, hits in _matcher_for(_book(codebook)).find(simp):
            for s, e, t in hits:
                if index is None:
                    index = split(text)
                a, b = index.around(s, e)
                rows.append({"doc_id": doc.doc_id, "category": cat, "term": text[s:e], "key": t,
                             "field": field, "start": s, "end": e, "sentence": text[a:b]})
    rows.sort(key=lambda r: (r["field"] != "title", r["start"], r["category"]))
    return rows


def doc_metaphors(doc, *, spans: list[QuotedSpan] | None = None) -> list[dict]:
    """Every metaphor of the lexicon in the title and body of a CleanDocument.

    Columns: doc_id, metaphor (as written), key (lexicon term, Simplified), domain,
    gloss, phrase (the whole quoted phrase when the metaphor sits in short quotation
    marks, e.g. 產業糖葫蘆 for 糖葫蘆, else the metaphor itself), quoted, field
    ('title'/'body'), start, end (``text[start:end] == metaphor`` for that field),
    sentence. ``spans``: the body's quoted spans when already found (they are not
    looked for again)."""
    info = {m.term: m for m in metaphors()}
    rows = []
    for field, text, simp in _fields(doc):
        hits = _metaphor_matcher().find(simp)
        if not hits:
            continue
        quoted_spans = spans if field == "body" and spans is not None else find_quoted_spans(simp)
        starts = [q.start for q in quoted_spans]
        index = split(text)  # the field's sentences, found once
        for s, e, t in hits:
            phrase, quoted = text[s:e], False
            q = _innermost(quoted_spans, starts, s, e)
            if q is not None and q.end - q.start <= 12:
                phrase, quoted = text[q.start:q.end], True
            a, b = index.around(s, e)
            m = info[t]
            rows.append({"doc_id": doc.doc_id, "metaphor": text[s:e], "key": t, "domain": m.domain,
                         "gloss": m.gloss, "phrase": phrase, "quoted": quoted, "field": field,
                         "start": s, "end": e, "sentence": text[a:b]})
    return rows


def doc_rhetoric(doc, *, codebook: tuple[Category, ...] | None = None) -> list[dict]:
    """Hits of every codebook category, and of the metaphor lexicon, in a CleanDocument.

    Counted in title + body (like term counts). One row per category, zero hits
    included (profiles need no filling): doc_id, category, hits, per_10k (hits per
    10 000 characters of title + body), n_chars (that length), label, terms (the
    distinct matched terms as written, "、"-joined, by first occurrence). Needs no
    quoted spans: only the matches are counted."""
    book = _book(codebook)
    n = len(doc.title or "") + len(doc.body)
    labels = category_labels(book)
    by_cat: dict[str, list[str]] = {c: [] for c in categories(book)}
    for _field, text, simp in _fields(doc):  # title first, then body; each in order of position
        for cat, hits in _matcher_for(book).find(simp):
            by_cat[cat].extend(text[s:e] for s, e, _ in hits)
        by_cat[METAPHOR].extend(text[s:e] for s, e, _ in _metaphor_matcher().find(simp))
    rows = []
    for cat, terms in by_cat.items():
        hits = len(terms)
        rows.append({"doc_id": doc.doc_id, "category": cat, "hits": hits,
                     "per_10k": round(hits * 10000 / n, 3) if n else 0.0, "n_chars": n,
                     "label": labels[cat], "terms": "、".join(dict.fromkeys(terms))})
    return rows


def text_categories(text: str, *, codebook: tuple[Category, ...] | None = None) -> dict[str, int]:
    """Hits of each codebook category (and metaphor) in a piece of text of any script."""
    simp = to_simplified(text)
    out = {cat: len(hits) for cat, hits in _matcher_for(_book(codebook)).find(simp)}
    out[METAPHOR] = len(_metaphor_matcher().find(simp))
    return out
