"""Word lists shared by several rhetoric modules, and reading a user's own YAML file.

* :func:`chengyu` – the four-character idioms (package data ``lexicon/chengyu.tsv``, read by
  :func:`zhaoshang.text.lexicon.chengyu`, as the figures read them too). Speaker parsing uses them
  to see where a name ends (劉洋近悅遠來…), slogans to recognise an idiom.
* :func:`metaphors` / :func:`metaphor_terms` – the metaphor lexicon
  (``lexicon/metaphors.yaml``), used by the rhetoric rows and by slogans.
* :func:`read_yaml_file` – the one way a *user's* file (a path, not package data)
  is parsed: the data and the node tree, whose marks give line numbers for errors.
  Built-in data is read through :func:`zhaoshang.resources.read_yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from zhaoshang import resources
from zhaoshang.text.lexicon import LexiconFileError, chengyu  # noqa: F401  (re-exported)
from zhaoshang.text.script import to_simplified

METAPHORS_RESOURCE = "lexicon/metaphors.yaml"


def line_of(node) -> int | None:
    """The 1-based line where a YAML node starts (None without a node)."""
    return node.start_mark.line + 1 if node is not None and node.start_mark is not None else None


def line_of_mark(mark) -> int | None:
    """The 1-based line of a YAML mark (None without one)."""
    return mark.line + 1 if mark is not None else None


def read_yaml_file(path, *, error: type[LexiconFileError] = LexiconFileError):
    """A user's YAML file as ``(data, node)``: the data (a mapping) and its node tree.

    Parsed once: the node tree is composed and the data constructed from it, so a
    caller checking the structure can name the line of any part (:func:`line_of`).
    Raises ``error`` (a :class:`LexiconFileError`, naming the file and the line)
    when the file is not UTF-8, not YAML, empty or not a mapping; a missing file
    raises the usual :class:`OSError`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise error(p, f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        line, context_line = line_of_mark(e.problem_mark or e.context_mark), line_of_mark(e.context_mark)
        message = f"not valid YAML: {e.problem or e.context}"
        if e.context and e.problem:
            message += f" ({e.context}" + (f" on line {context_line})" if context_line not in (None, line) else ")")
        raise error(p, message, line) from None
    except yaml.YAMLError as e:
        raise error(p, f"not valid YAML: {e}") from None
    finally:
        loader.dispose()
    if node is None:
        raise error(p, "the file is empty: expected a YAML mapping")
    if not isinstance(data, dict):
        raise error(p, "expected a YAML mapping at the top", line_of(node))
    return data, node


@dataclass(frozen=True)
class Metaphor:
    """One entry of the metaphor lexicon: the term (Simplified), its source domain, a gloss."""

    term: str
    domain: str
    gloss: str = ""


@lru_cache(maxsize=2)
def metaphors(path: str | None = None) -> tuple[Metaphor, ...]:
    """The metaphor lexicon of the package data ``lexicon/metaphors.yaml`` (or of a user's
    file of the same shape), terms in Simplified script, first entry of a term kept."""
    data = read_yaml_file(path)[0] if path else resources.read_yaml(METAPHORS_RESOURCE)
    seen: dict[str, Metaphor] = {}
    for m in data["metaphors"]:
        t = to_simplified(str(m["term"]))
        seen.setdefault(t, Metaphor(t, str(m.get("domain", "")), str(m.get("gloss", ""))))
    return tuple(seen.values())


@lru_cache(maxsize=1)
def metaphor_terms() -> tuple[str, ...]:
    """The built-in metaphor lexicon's terms (Simplified), longest first."""
    return tuple(sorted({m.term for m in metaphors()}, key=lambda t: (-len(t), t)))
