"""Every path the project uses, in one place (notebooks never type paths)."""
from __future__ import annotations

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
