"""jieba's dictionary (``dict.txt``), found and read once per process without starting jieba.

Three parts of the toolkit use the word list that ships with jieba: the
repair stage's language score (word → frequency), place detection (common
two-character words that are not place names: word, frequency and
part-of-speech tag) and keyness (general-Chinese reference frequencies). They
read it here, from one parse of the file, instead of each reading it by hand.

The file is located through the import system (:func:`importlib.util.find_spec`)
and read directly, so jieba is neither imported nor initialised: building its
tokenizer logs "Building prefix dict…" to stderr, and the report notebooks are
regression-tested on their outputs, stderr included.

A missing or unreadable dictionary is a broken installation, not bad input:
:class:`zhaoshang.resources.ResourceError` naming the path.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zhaoshang.resources import ResourceError


@dataclass(frozen=True, eq=False)
class JiebaDictionary:
    """The lines of a jieba dictionary file, in file order, as three parallel columns.

    Iterating gives ``(word, frequency, tag)`` per line; ``tag`` is ``""``
    where a line has none. A word listed on several lines (jieba's file has
    ``B超`` twice) appears once per line: each caller decides how to fold them."""

    path: Path
    words: tuple[str, ...]
    freqs: tuple[int, ...]
    tags: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[tuple[str, int, str]]:
        return zip(self.words, self.freqs, self.tags)


def location() -> Path:
    """Where the installed jieba's ``dict.txt`` is (not checked to exist); jieba is not imported."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise ResourceError("jieba dictionary missing: the jieba package is not installed, so "
                            "jieba/dict.txt cannot be found (install the package's requirements)")
    return Path(spec.origin).parent / "dict.txt"


def read(path: Path) -> JiebaDictionary:
    """Parse the dictionary file ``path`` (lines ``word frequency [tag]``, blank lines skipped).

    :class:`ResourceError` naming the path when it is missing or unreadable,
    and naming the line when a line is not of that form."""
    words: list[str] = []
    freqs: list[int] = []
    tags: list[str] = []
    pool: dict[str, str] = {}  # one string object per distinct tag
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                parts = line.split()
                if not parts:
                    continue
                if len(parts) > 3 or len(parts) < 2 or not parts[1].isdecimal():
                    raise ResourceError(f"jieba dictionary malformed: {path}, line {lineno}: {line.rstrip()!r} "
                                        "(expected 'word frequency [tag]')")
                words.append(parts[0])
                freqs.append(int(parts[1]))
                tag = parts[2] if len(parts) == 3 else ""
                tags.append(pool.setdefault(tag, tag))
    except FileNotFoundError:
        raise ResourceError(f"jieba dictionary missing: {path} (the jieba installation is incomplete; "
                            "reinstall jieba)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ResourceError(f"jieba dictionary unreadable: {path}: {e}") from None
    return JiebaDictionary(Path(path), tuple(words), tuple(freqs), tuple(tags))


@lru_cache(maxsize=1)
def dictionary() -> JiebaDictionary:
    """The installed jieba's dictionary, read once per process (a failure is raised again on each call)."""
    return read(location())


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Word → frequency over the installed dictionary, a word listed on several lines counted with
    the sum of its lines (in order of first listing). Shared: do not modify."""
    out: dict[str, int] = {}
    for word, freq, _tag in dictionary():
        out[word] = out.get(word, 0) + freq
    return out
