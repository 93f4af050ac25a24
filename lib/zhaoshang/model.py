"""Plain data records passed between the stages."""
from __future__ import annotations

from dataclasses import dataclass, field


class IngestError(Exception):
    """An input that cannot become a document; the message is for people."""


@dataclass(frozen=True)
class Document:
    """One input document as read from disk, before any repair.

    ``path`` is relative to the corpus root (as given to ``ingest``) so that
    tables do not leak the analyst's home directory. ``meta`` holds fields the
    container already knew (jsonl/csv columns, an HTML <title>)."""

    doc_id: str
    path: str
    raw_text: str
    encoding: str
    fmt: str
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Edit:
    """One repair: ``raw_text[start:end] == before`` became ``after``."""

    start: int
    end: int
    before: str
    after: str
    kind: str
    confidence: float


@dataclass(frozen=True)
class CleanDocument:
    """A document ready for analysis.

    ``body`` is the cleaned text shown to people, in its original script; every
    offset in the analysis tables points into it. ``simplified`` is the same
    text converted to Simplified script, character-aligned with ``body``
    (``len(simplified) == len(body)``), used for matching only."""

    doc_id: str
    path: str
    encoding: str
    fmt: str
    script: str
    title: str
    published: str | None
    site: str | None
    reprinted_from: str | None
    body: str
    simplified: str
    title_simplified: str
    repairs: tuple[Edit, ...] = ()
    n_unrecovered: int = 0
    year: int | None = None  # from ``published``, else from corpus metadata (a sidecar index)
    url: str | None = None
    # Runs (body offset, repaired-text offset, length) copied from the repaired text; with
    # ``repairs`` they map any body span back to the raw file (zhaoshang.text.offsets).
    body_map: tuple = ()

    @property
    def n_chars(self) -> int:
        return len(self.body)

    @property
    def n_repairs(self) -> int:
        return len(self.repairs)
