"""The per-document cache: every document's cleaned text and analysis rows, kept between runs.

A run looks each document up by keys made of its content and of the code that
analyses it, so an unchanged document is never analysed twice, a new one is
analysed once, and a changed lexicon re-runs only the analyses that read it.

Stored in one SQLite file as JSON (zlib-compressed from 2 KB) — a format that runs no code
when read (a cache folder may be shared), unlike pickle. Decimals keep their
exact value; tuples inside records are restored by the record codecs. The
file is bounded: after a run the least recently used entries go until it is
under its size limit (``ZHAOSHANG_CACHE_MAX_MB``, default 4096).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import time
import zlib
from dataclasses import fields
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from zhaoshang import paths, resources
from zhaoshang.model import CleanDocument, Document, Edit

DEFAULT_MAX_MB = 4096
DB_NAME = "documents.sqlite"


def cache_dir() -> Path:
    """The folder of the per-document cache: $ZHAOSHANG_DOCUMENT_CACHE, else zhaoshang/documents under
    $ZHAOSHANG_CACHE, $XDG_CACHE_HOME or ~/.cache."""
    own = os.environ.get("ZHAOSHANG_DOCUMENT_CACHE")
    return Path(own) if own else paths.cache_dir("documents")


def max_bytes() -> int:
    """The cache's size limit in bytes."""
    return int(float(os.environ.get("ZHAOSHANG_CACHE_MAX_MB", DEFAULT_MAX_MB)) * 2**20)


# ------------------------------------------------------------------ keys


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the library's source and package data: any change to either invalidates every entry."""
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parents[1]
    for f in sorted(pkg.rglob("*.py")):
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes())
    h.update(resources.fingerprint().encode())
    return h.hexdigest()


def document_key(item: Document) -> str:
    """The key of one input's content: its identity, metadata and raw text, under this code version."""
    h = hashlib.sha256(code_version().encode())
    meta = json.dumps(item.meta, ensure_ascii=False, sort_keys=True, default=str)
    for part in (item.doc_id, item.path, item.encoding, item.fmt, meta, item.raw_text):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def analysis_key(doc_key: str, name: str, settings_digest: str) -> str:
    """The key of one analysis of one document under the settings it depends on."""
    return hashlib.sha256(f"{doc_key}\0{name}\0{settings_digest}".encode()).hexdigest()


# ------------------------------------------------------------------ codecs


def _default(value):
    if isinstance(value, Decimal):
        return {"__decimal__": str(value)}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _hook(obj: dict):
    if len(obj) == 1 and "__decimal__" in obj:
        return Decimal(obj["__decimal__"])
    return obj


COMPRESS_FROM = 2048
"""Entries of this many bytes of JSON or more are zlib-compressed; smaller ones are stored as they
are, since compressing costs a fixed ~0.1 ms per call (zlib's state is set up afresh), more than
the few bytes are worth. The two cannot be confused: a zlib stream starts with 0x78 ("x"), and no
JSON text does."""


def encode(value) -> bytes:
    """JSON, compressed when it is large: what an entry stores."""
    text = json.dumps(value, ensure_ascii=False, default=_default, separators=(",", ":"), check_circular=False)
    data = text.encode("utf-8")
    return zlib.compress(data, 1) if len(data) >= COMPRESS_FROM else data


def decode(blob: bytes):
    data = zlib.decompress(blob) if blob[:1] == b"x" else blob
    return json.loads(data.decode("utf-8"), object_hook=_hook)


_DOC_FIELDS = tuple(f.name for f in fields(CleanDocument))
_EDIT_FIELDS = tuple(f.name for f in fields(Edit))


# A view equal to the text it was made from (a Simplified document) is stored once: None stands for it.
_VIEWS = (("simplified", "body"), ("title_simplified", "title"))


def doc_to_json(doc: CleanDocument) -> dict:
    """What ``dataclasses.asdict`` gives, built directly: asdict deep-copies every value on the way
    (the body, the Simplified view, every run of the body map), which JSON does not need. A
    Simplified view identical to its text is written as None, so that most documents' entries hold
    their text once (half the JSON to write and compress; zlib's window cannot see the repeat)."""
    data = {name: getattr(doc, name) for name in _DOC_FIELDS}
    data["repairs"] = [{name: getattr(e, name) for name in _EDIT_FIELDS} for e in doc.repairs]
    for view, text in _VIEWS:
        if data[view] == data[text]:
            data[view] = None
    return data


def doc_from_json(data: dict) -> CleanDocument:
    fields = dict(data)
    fields["repairs"] = tuple(Edit(**e) for e in fields["repairs"])
    fields["body_map"] = tuple(tuple(run) for run in fields["body_map"])
    for view, text in _VIEWS:
        if fields[view] is None:
            fields[view] = fields[text]
    return CleanDocument(**fields)


# ------------------------------------------------------------------ the store


class DocumentCache:
    """Cleaned documents and analysis outputs by key, in one SQLite file."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DB_NAME
        self._db = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                         "size INTEGER NOT NULL, used REAL NOT NULL)")
        self._pending = 0

    @classmethod
    def temporary(cls) -> "DocumentCache":
        """A store for one run that must not touch the cache: its folder goes when the store does."""
        folder = tempfile.TemporaryDirectory(prefix="zhaoshang-run-")
        store = cls(folder.name)
        store._folder = folder  # TemporaryDirectory removes itself once nothing refers to it
        return store

    def get(self, key: str):
        row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        return None if row is None else decode(row[0])

    def touch(self, keys: list[str]) -> None:
        """Mark entries as used now (the size limit evicts the least recently used)."""
        now = time.time()
        self._db.executemany("UPDATE entries SET used = ? WHERE key = ?", [(now, k) for k in keys])
        self._maybe_commit(len(keys))

    def put(self, key: str, value) -> None:
        self.put_encoded(key, encode(value))

    def put_encoded(self, key: str, blob: bytes) -> None:
        """Store a value already :func:`encode`-d (by the worker that computed it)."""
        self._db.execute("INSERT OR REPLACE INTO entries (key, value, size, used) VALUES (?, ?, ?, ?)",
                         (key, blob, len(blob), time.time()))
        self._maybe_commit(1)

    def get_doc(self, key: str) -> CleanDocument | None:
        data = self.get(key)
        return None if data is None else doc_from_json(data)

    def _maybe_commit(self, n: int) -> None:
        self._pending += n
        if self._pending >= 500:
            self.commit()

    def commit(self) -> None:
        self._db.commit()
        self._pending = 0

    def size(self) -> int:
        """Bytes of stored values."""
        return int(self._db.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0])

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])

    def prune(self, limit: int | None = None) -> int:
        """Drop the least recently used entries until the values fit in ``limit`` bytes; returns how many went."""
        self.commit()
        limit = max_bytes() if limit is None else limit
        total, dropped = self.size(), 0
        if total <= limit:
            return 0
        for key, size in self._db.execute("SELECT key, size FROM entries ORDER BY used").fetchall():
            if total <= limit:
                break
            self._db.execute("DELETE FROM entries WHERE key = ?", (key,))
            total -= size
            dropped += 1
        self.commit()
        return dropped

    def close(self) -> None:
        self.commit()
        self._db.close()


def clear(folder: Path | str | None = None) -> int:
    """Empty the cache folder (``zhaoshang cache clear``); returns the bytes freed."""
    folder = Path(folder) if folder is not None else cache_dir()
    freed = 0
    for f in folder.glob(DB_NAME + "*"):
        freed += f.stat().st_size
        f.unlink()
    return freed
