"""The package's own data, and the one place that knows where it lives.

Lexicons, stopwords, the rhetoric codebook, metaphors, titles, speech verbs,
the chengyu list, the gazetteer and the figures gold set are package data
beside this module (``lexicon/``, ``gazetteer/``, ``gold/``); the report's notebooks are too
(``notebooks/``, the same files as the checkout's top-level ``notebooks/``).
Everything is read through :mod:`importlib.resources`, so it works the same
from a checkout, an editable install, a wheel or a zip.

A missing or unreadable resource is a broken installation, not bad input:
:func:`read_text` raises :class:`ResourceError` naming the file at once, and
:func:`check` reads every resource before a run reads any document, so a run
never turns a broken installation into per-document error rows or a silently
smaller dictionary.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources as _ir
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

LEXICON_FILES = (
    "lexicon/terms.tsv",
    "lexicon/stopwords.txt",
    "lexicon/codebook.yaml",
    "lexicon/metaphors.yaml",
    "lexicon/titles.yaml",
    "lexicon/speech_verbs.yaml",
    "lexicon/chengyu.tsv",
    "lexicon/figures_metrics.txt",
    "lexicon/currencies.tsv",
    "lexicon/char_bigrams.tsv",
    "lexicon/metric_families.tsv",
)
GAZETTEER_FILES = ("gazetteer/divisions.tsv", "gazetteer/taiwan.tsv", "gazetteer/countries.tsv",
                   "gazetteer/zones.tsv")
GOLD_FILES = ("gold/figures_gold.jsonl",)
REQUIRED = LEXICON_FILES + GAZETTEER_FILES + GOLD_FILES
"""Every data file the analyses read; :func:`check` reads them all."""
DISPLAY_FILES = ("gazetteer/tiles.tsv",)
"""Data files only the report's pictures read (the tile map of China): checked, but not part of the
analyses' cache key, since no table depends on them."""


class ResourceError(RuntimeError):
    """A package resource is missing or unreadable: the installation is broken."""


def _root() -> Traversable:
    return _ir.files(__name__)


def location(name: str) -> Traversable:
    """Where resource ``name`` (``lexicon/terms.tsv``) is, whether or not it exists."""
    node = _root()
    for part in name.split("/"):
        node = node / part
    return node


def read_text(name: str) -> str:
    """The text of resource ``name`` (UTF-8); :class:`ResourceError` naming it when missing or unreadable."""
    node = location(name)
    try:
        return node.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(f"zhaoshang resource missing: {node} (the installation is incomplete; "
                            "reinstall the package)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ResourceError(f"zhaoshang resource unreadable: {node}: {e}") from None


def data_lines(name: str) -> list[str]:
    """The lines of resource ``name`` that carry data: blank lines and ``#`` comments dropped."""
    return [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_yaml(name: str) -> dict:
    """Resource ``name`` parsed as YAML (a mapping); :class:`ResourceError` when it is not one."""
    try:
        data = yaml.safe_load(read_text(name))
    except yaml.YAMLError as e:
        raise ResourceError(f"zhaoshang resource malformed: {location(name)}: {e}") from None
    if not isinstance(data, dict):
        raise ResourceError(f"zhaoshang resource malformed: {location(name)}: expected a YAML mapping")
    return data


@lru_cache(maxsize=1)
def check() -> None:
    """Read every required resource now; raise :class:`ResourceError` for the first that fails.

    The corpus driver and the report call this before they read any document
    (a success is remembered for the process; a failure is raised again)."""
    for name in REQUIRED + DISPLAY_FILES:
        read_text(name)
    if not notebooks():
        raise ResourceError(f"zhaoshang resource missing: no report notebooks in {location('notebooks')}")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of every resource's bytes: part of the cache key, so edited data invalidates it."""
    h = hashlib.sha256()
    for name in REQUIRED:
        h.update(name.encode() + b"\0" + read_text(name).encode("utf-8") + b"\0")
    return h.hexdigest()


def notebooks() -> list[Path]:
    """The report's notebooks (``NN-topic.ipynb``), in their numbered order.

    In a checkout ``resources/notebooks`` links to the top-level ``notebooks/``
    folder (one source of truth); a wheel carries copies of the same files."""
    folder = location("notebooks")
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = [Path(str(e)) for e in entries if _is_report_notebook(e.name)]
    return sorted(found, key=lambda p: p.name)


def _is_report_notebook(name: str) -> bool:
    return len(name) > 3 and name[:2].isdigit() and name[2] == "-" and name.endswith(".ipynb")
