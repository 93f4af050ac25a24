"""The tables of a corpus run, built row by row as documents come in.

:class:`TableBuilder` takes each :class:`~zhaoshang.corpus.work.DocumentResult`
in input order and keeps only rows; the documents' texts stay in the
per-document store and are loaded when asked for (:class:`Documents`), so
memory grows with the tables, not with the corpus's texts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from zhaoshang.analyses.terms import WordTally
from zhaoshang.corpus.claims import claim_ids
from zhaoshang.corpus.reposts import DEFAULT_THRESHOLD, RepostIndex, check_threshold
from zhaoshang.model import CleanDocument
from zhaoshang.schema import COLUMNS, EXTRA_COLUMNS, TABLES

ROW_TABLES = ("term_counts", "figures", "quotes", "slogans", "rhetoric")
"""The tables whose rows the per-document analyses return."""


@dataclass(frozen=True)
class RunStats:
    """How a run got its results: documents reused from the cache, analysed, inputs rejected."""

    reused: int = 0
    analysed: int = 0
    rejected: int = 0

    @property
    def documents(self) -> int:
        return self.reused + self.analysed

    def line(self) -> str:
        """The one-line summary a run ends with."""
        return (f"{self.documents} documents: {self.reused} reused, {self.analysed} analysed, "
                f"{self.rejected} rejected")


class Documents(Sequence):
    """The cleaned documents of a run, in input order, loaded from the store when asked for.

    Behaves like a read-only list of :class:`CleanDocument`; ``by_id`` finds one
    by doc_id. A few recently used documents stay in memory."""

    def __init__(self, store, entries: list[tuple[str, str]]) -> None:
        self._store = store
        self._entries = list(entries)  # (doc_id, store key)
        self._index = {doc_id: i for i, (doc_id, _) in enumerate(self._entries)}
        self._recent: dict[int, CleanDocument] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = range(len(self))[i]
        doc = self._recent.get(i)
        if doc is None:
            doc = self._store.get_doc(self._entries[i][1])
            if doc is None:
                raise KeyError(f"document {self._entries[i][0]!r} is no longer in the cache; run the analysis again")
            if len(self._recent) >= 64:
                self._recent.pop(next(iter(self._recent)))
            self._recent[i] = doc
        return doc

    def by_id(self, doc_id: str) -> CleanDocument:
        return self[self._index[doc_id]]

    def subset(self, positions: list[int]) -> "Documents":
        """The documents at ``positions`` (in that order), still loaded on demand."""
        return Documents(self._store, [self._entries[i] for i in positions])

    @property
    def ids(self) -> list[str]:
        return [doc_id for doc_id, _ in self._entries]

    def __repr__(self) -> str:
        return f"<{len(self)} documents>"


class StoredOutputs(Sequence):
    """One output of one analysis for every document of a run, in input order, read from
    the store each time it is iterated (so a large run keeps none of it in memory)."""

    def __init__(self, store, keys: list[str], table: str) -> None:
        self._store = store
        self._keys = list(keys)  # the analysis's store key per document
        self._table = table

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        out = self._store.get(self._keys[range(len(self))[i]])
        if out is None:
            raise KeyError(f"{self._table} of document {i} is no longer in the cache; run the analysis again")
        return out[self._table]

    def subset(self, positions: list[int], table: str | None = None) -> "StoredOutputs":
        """The documents at ``positions`` only; ``table``: another output of the same analysis."""
        return StoredOutputs(self._store, [self._keys[i] for i in positions], table or self._table)

    def __repr__(self) -> str:
        return f"<{self._table} of {len(self)} documents>"


@dataclass(frozen=True, repr=False)
class Tables:
    """The tables of one corpus, plus the cleaned documents they point into.

    Each table is a pandas DataFrame attribute (``tables.figures``); the
    columns are those of the table contracts in the README. ``docs`` gives
    the cleaned documents the offsets point into (loaded on demand);
    ``source`` is what was analysed; ``stats`` how the run got its results."""

    documents: pd.DataFrame
    errors: pd.DataFrame
    term_counts: pd.DataFrame
    words: pd.DataFrame
    figures: pd.DataFrame
    quotes: pd.DataFrame
    slogans: pd.DataFrame
    rhetoric: pd.DataFrame
    repairs: pd.DataFrame
    reposts: pd.DataFrame = field(default_factory=lambda: frame("reposts", []))
    docs: Sequence[CleanDocument] = ()
    source: str = ""
    stats: RunStats = field(default_factory=RunStats)
    word_pairs: Sequence[list] = ()
    repost_index: RepostIndex | None = None
    """The documents' repost signatures (:mod:`zhaoshang.corpus.reposts`): new documents can be
    matched against it (``repost_index.match``) without recomputing the corpus."""
    doc_words: Sequence[dict] = ()
    """Each document's words (Simplified word -> {form: count}), in documents order, from the store."""

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(self.table(name))}" for name in TABLES if name not in ("documents", "errors"))
        return (f"<Tables {self.source!r}: {len(self.documents)} documents, {len(self.errors)} errors; "
                f"rows: {sizes}>")

    def table(self, name: str) -> pd.DataFrame:
        """The table called ``name`` (one of :data:`~zhaoshang.schema.TABLES`)."""
        return getattr(self, name)

    def doc(self, doc_id: str) -> CleanDocument:
        """The cleaned document ``doc_id`` (the text that the offsets point into)."""
        if isinstance(self.docs, Documents):
            return self.docs.by_id(doc_id)
        for d in self.docs:
            if d.doc_id == doc_id:
                return d
        raise KeyError(doc_id)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in :data:`~zhaoshang.schema.TABLES` order (what the exports write)."""
        return {name: self.table(name) for name in TABLES}

    def canonical(self) -> "Tables":
        """These tables on canonical documents only: each story once (reposts folded).

        Every per-document table keeps the rows of canonical documents; ``words`` and
        ``word_pairs`` are re-tallied over them (from the store); ``reposts`` and ``errors`` are
        kept whole (they say what was folded and what was rejected). Figures keep every row of
        the canonical documents: a claim repeated by two different stories stays two rows of
        evidence with one ``claim_id``, which the totals count once. Tables without the
        ``canonical`` column (no repost detection) are returned unchanged."""
        d = self.documents
        if "canonical" not in d.columns or d["canonical"].isna().all():
            return self
        keep_mask = d["canonical"].fillna(True).astype(bool)
        if keep_mask.all():
            return self
        keep = set(d.loc[keep_mask, "doc_id"])
        rows = {name: _rows_of(self.table(name), keep) for name in (*ROW_TABLES, "repairs")}
        positions = [i for i, doc_id in enumerate(d["doc_id"]) if doc_id in keep]
        words, pairs, doc_words = self.words, self.word_pairs, self.doc_words
        if isinstance(self.doc_words, StoredOutputs):
            doc_words = self.doc_words.subset(positions)
        elif len(self.doc_words) == len(d):
            doc_words = [self.doc_words[i] for i in positions]
        if isinstance(self.word_pairs, StoredOutputs):
            pairs = self.word_pairs.subset(positions)
            tally = WordTally()
            for forms in self.word_pairs.subset(positions, "words"):
                tally.add(forms)
            words = tally.table()[["word", "count", "docs", "simplified"]]
        docs = self.docs.subset(positions) if isinstance(self.docs, Documents) else [
            x for x in self.docs if x.doc_id in keep]
        return replace(self, documents=d[keep_mask].reset_index(drop=True), words=words, word_pairs=pairs,
                       doc_words=doc_words, docs=docs, **rows)

    def failure_reason(self) -> str | None:
        """When no document could be analysed, the most common reason (with its count); else None."""
        if len(self.documents) or not len(self.errors):
            return None
        counts = self.errors["error"].value_counts(sort=True)
        reason, n = counts.index[0], int(counts.iloc[0])
        return f"{reason} ({n} of {len(self.errors)} inputs)" if len(self.errors) > 1 else reason


def _rows_of(df: pd.DataFrame, keep: set[str]) -> pd.DataFrame:
    return df[df["doc_id"].isin(keep)].reset_index(drop=True) if len(df) else df


def doc_row(d: CleanDocument) -> dict:
    """documents.csv's row of one cleaned document."""
    return {"doc_id": d.doc_id, "path": d.path, "encoding": d.encoding, "script": d.script,
            "title": d.title, "published": d.published, "site": d.site,
            "reprinted_from": d.reprinted_from, "n_chars": d.n_chars, "n_repairs": d.n_repairs,
            "n_unrecovered": d.n_unrecovered, "format": d.fmt,
            "year": d.year, "url": d.url}


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as a DataFrame: contract columns first, then the known extras, then any others."""
    df = pd.DataFrame(rows)
    known = COLUMNS[name] + EXTRA_COLUMNS.get(name, [])
    for col in known:
        if col not in df.columns:
            df[col] = pd.Series(dtype="object")
    others = [c for c in df.columns if c not in known]
    return df[known + others].reset_index(drop=True)


class TableBuilder:
    """Collects the rows of each document in turn; :meth:`tables` makes the DataFrames."""

    def __init__(self, repost_threshold: float = DEFAULT_THRESHOLD) -> None:
        check_threshold(repost_threshold)
        self.repost_threshold = repost_threshold
        self.reposts = RepostIndex()
        self.rows: dict[str, list[dict]] = {name: [] for name in ROW_TABLES}
        self.documents: list[dict] = []
        self.repairs: list[dict] = []
        self.words = WordTally()  # kept as running totals: memory grows with the vocabulary only
        self.failures: list[dict] = []

    def fail(self, path: str, error: str) -> None:
        self.failures.append({"path": path, "error": error})

    def add(self, doc: CleanDocument, outputs: dict[str, dict[str, object]]) -> None:
        """One analysed document: its documents/repairs rows and every analysis's rows."""
        self.documents.append(doc_row(doc))
        self.repairs.extend({"doc_id": doc.doc_id, "start": e.start, "end": e.end, "before": e.before,
                             "after": e.after, "kind": e.kind, "confidence": e.confidence} for e in doc.repairs)
        for out in outputs.values():
            for table, rows in out.items():
                if table == "words":
                    self.words.add(rows)
                elif table == "word_pairs":
                    continue  # not kept: Tables.word_pairs reads them from the store
                elif table == "repost_signature":
                    for sig in rows:
                        self.reposts.add(sig, published=doc.published, site=doc.site,
                                         reprinted_from=doc.reprinted_from)
                elif table == "documents":
                    for extra in rows:  # further columns of this document's row (its own place)
                        self.documents[-1].update(extra)
                else:
                    self.rows[table].extend(rows)

    def tables(self, *, docs: Sequence[CleanDocument], source: str, stats: RunStats,
               word_pairs: Sequence[list] = (), doc_words: Sequence[dict] = ()) -> Tables:
        documents, reposts, figures = self.repost_tables()
        return Tables(
            documents=documents, reposts=reposts, repost_index=self.reposts,
            errors=frame("errors", sorted(self.failures, key=lambda r: r["path"])),
            words=self.words.table()[["word", "count", "docs", "simplified"]],
            repairs=frame("repairs", self.repairs),
            **{name: frame(name, rs) for name, rs in self.rows.items() if name != "figures"}, figures=figures,
            docs=docs, source=source, stats=stats, word_pairs=word_pairs, doc_words=doc_words)

    def repost_tables(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """documents with ``canonical`` and ``cluster_id``, the reposts table, figures with ``claim_id``
        (clusters over the whole corpus, after its last document: :mod:`zhaoshang.corpus.reposts`)."""
        members = self.reposts.clusters(self.repost_threshold)
        documents = frame("documents", self.documents)
        if len(documents):
            found = [members.get(doc_id) for doc_id in documents["doc_id"]]
            documents["canonical"] = pd.array([None if m is None else m.canonical_doc_id == m.doc_id
                                               for m in found], dtype="boolean")
            documents["cluster_id"] = [None if m is None else m.cluster_id for m in found]
        folded = [{"doc_id": m.doc_id, "cluster_id": m.cluster_id, "canonical_doc_id": m.canonical_doc_id,
                   "similarity": m.similarity, "relation": m.relation}
                  for doc_id in (documents["doc_id"] if len(documents) else ())
                  if (m := members.get(doc_id)) is not None and m.relation]
        reposts = frame("reposts", sorted(folded, key=lambda r: (r["cluster_id"], r["doc_id"])))
        figures = frame("figures", self.rows["figures"])
        if len(figures):
            cluster_of = {m.doc_id: m.cluster_id for m in members.values()}
            canonical = {m.doc_id for m in members.values() if m.doc_id == m.canonical_doc_id}
            figures["claim_id"] = claim_ids(figures, cluster_of, canonical)
        return documents, reposts, figures
