"""Repair of converter damage in scraped Chinese text (placeholder; being written)."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Edit


@dataclass(frozen=True)
class RepairResult:
    text: str
    edits: tuple[Edit, ...]
    n_unrecovered: int


def repair(raw: str) -> RepairResult:
    """Return the repaired text and the edits (offsets into ``raw``)."""
    return RepairResult(raw, (), 0)
