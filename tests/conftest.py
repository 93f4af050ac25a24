"""Shared fixtures: paths to real text, and a way to make a CleanDocument by hand."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest
from hypothesis import settings
from zhaoshang import paths
from zhaoshang.model import CleanDocument
from zhaoshang.text.script import detect_script, to_simplified

# Property tests draw their examples from a fixed seed, so CI never goes red on a draw the
# previous run did not make. HYPOTHESIS_PROFILE=explore draws fresh examples (run it locally).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


# Module- and session-scoped fixtures run before the per-test fixture below: they and the notebook
# kernels nbval starts get a cache of the test session's own, never the user's ~/.cache.
_SESSION_CACHE = tempfile.mkdtemp(prefix="zhaoshang-test-documents-")
os.environ["ZHAOSHANG_DOCUMENT_CACHE"] = _SESSION_CACHE
atexit.register(shutil.rmtree, _SESSION_CACHE, ignore_errors=True)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets an empty per-document cache of its own, never the user's ~/.cache
    (the extracted fonts stay shared: they do not depend on any test)."""
    folder = tmp_path_factory.mktemp("zhaoshang-documents")
    monkeypatch.setenv("ZHAOSHANG_DOCUMENT_CACHE", str(folder))
    return folder


def make_doc(body: str, *, doc_id: str = "doc", title: str = "", published: str | None = None,
             site: str | None = None, path: str | None = None, url: str | None = None) -> CleanDocument:
    """A CleanDocument from hand-made text, as the pipeline would build it."""
    return CleanDocument(
        doc_id=doc_id, path=path or f"{doc_id}.txt", encoding="utf-8", fmt="txt",
        script=detect_script(title + body), title=title, published=published, site=site,
        reprinted_from=None, body=body, simplified=to_simplified(body),
        title_simplified=to_simplified(title), url=url,
        year=int(published[:4]) if published else None,  # as the pipeline sets it (stages.process)
    )


def figures_of(body: str, published: str | None, **kw) -> list[dict]:
    """The figures rows of a hand-made document, each row's offsets checked against its text."""
    from zhaoshang.analyses.figures import doc_figures

    rows = doc_figures(make_doc(body, published=published, **kw))
    for r in rows:
        assert body[r["start"]:r["end"]] == r["text"]
    return rows


@pytest.fixture
def doc_factory():
    return make_doc


def shared_corpus(name: str):
    """Path of a reference corpus in ../shared/corpus, or skip the test if absent."""
    p = paths.SHARED_CORPUS / name
    if not p.exists():
        pytest.skip(f"reference corpus {p} not available")
    return p


def pytest_terminal_summary(terminalreporter):
    """One line counting what the hostile-input suite tried (tests/test_robustness.py)."""
    import sys

    mod = sys.modules.get("test_robustness")
    summary = getattr(mod, "SUMMARY", None)
    if summary:
        terminalreporter.write_line(
            "hostile-input suite: {inputs} inputs tried, {documents} documents, {errors} errors, "
            "{exceptions} exceptions".format(**summary))
