"""Paths of the checkout (sample article, notebooks, reference corpora) and the cache folder.

The library itself never needs the checkout: its data are package resources
(:mod:`zhaoshang.resources`). What is here serves the checkout's own tools —
tests, benchmarks, ``make report`` — and the cache location.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The checkout's root, when the package runs from one (tests, scripts, ``make``)."""
RAW = ROOT / "data" / "raw"
NOTEBOOKS = ROOT / "notebooks"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"

SAMPLE_ARTICLE = RAW / "000_51d7d0c85e66de13.txt"


def cache_dir(kind: str) -> Path:
    """Where derived files of one kind (tables, fonts) are cached: $ZHAOSHANG_CACHE,
    else $XDG_CACHE_HOME, else ~/.cache — then zhaoshang/<kind>."""
    base = os.environ.get("ZHAOSHANG_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhaoshang" / kind
