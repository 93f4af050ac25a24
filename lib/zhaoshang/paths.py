"""Every path the project uses, in one place (notebooks never type paths)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
LEXICON = DATA / "lexicon"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"

SAMPLE_ARTICLE = RAW / "000_51d7d0c85e66de13.txt"


def cache_dir(kind: str) -> Path:
    """Where derived files of one kind (tables, fonts) are cached: $ZHAOSHANG_CACHE,
    else $XDG_CACHE_HOME, else ~/.cache — then zhaoshang/<kind>."""
    base = os.environ.get("ZHAOSHANG_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhaoshang" / kind
