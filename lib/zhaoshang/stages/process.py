"""One document through the stages: raw text → repaired → cleaned → Simplified view.

:func:`process` is the per-document unit of work that :mod:`zhaoshang.corpus`
runs in parallel; :func:`load_corpus` is the convenience most callers want.
"""
from __future__ import annotations

from pathlib import Path

from zhaoshang.model import CleanDocument, Document
from zhaoshang.stages.clean import clean
from zhaoshang.stages.ingest import Failure, read_source
from zhaoshang.stages.repair import repair
from zhaoshang.text.script import detect_script, to_simplified


def process(doc: Document) -> CleanDocument:
    """Repair, clean and script-tag one document."""
    fixed = repair(doc.raw_text)
    cleaned = clean(fixed.text, meta=doc.meta, markdown=doc.fmt == "md")
    return CleanDocument(
        doc_id=doc.doc_id,
        path=doc.path,
        encoding=doc.encoding,
        fmt=doc.fmt,
        script=detect_script(cleaned.title + "\n" + cleaned.body),
        title=cleaned.title,
        published=cleaned.published,
        site=cleaned.site,
        reprinted_from=cleaned.reprinted_from,
        body=cleaned.body,
        simplified=to_simplified(cleaned.body),
        title_simplified=to_simplified(cleaned.title),
        repairs=fixed.edits,
        n_unrecovered=fixed.n_unrecovered,
        year=_year(cleaned.published, doc.meta.get("year")),
        url=doc.meta.get("url"),
        body_map=cleaned.body_map,
    )


def _year(published: str | None, meta_year) -> int | None:
    if published:
        return int(published[:4])
    try:
        return int(str(meta_year).strip()[:4]) if meta_year not in (None, "") else None
    except ValueError:
        return None


def load_corpus(source: str | Path) -> tuple[list[CleanDocument], list[Failure]]:
    """All documents under ``source`` processed, and the inputs that failed."""
    docs: list[CleanDocument] = []
    errors: list[Failure] = []
    for item in read_source(source):
        if isinstance(item, Failure):
            errors.append(item)
        else:
            docs.append(process(item))
    return docs, errors


def load_document(path: str | Path) -> CleanDocument:
    """The single document in ``path``; raises ValueError naming the problem."""
    docs, errors = load_corpus(path)
    if errors and not docs:
        raise ValueError(f"{errors[0].path}: {errors[0].error}")
    if len(docs) != 1:
        raise ValueError(f"{path}: holds {len(docs)} documents, expected one")
    return docs[0]
