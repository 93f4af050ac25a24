"""Rendered reports for any corpus: every notebook executed on it, as HTML.

``build_report(corpus, out)``

1. analyses the corpus once (the tables are cached, so the notebooks reuse them
   rather than recomputing them each);
2. executes every ``notebooks/NN-*.ipynb`` with papermill, the corpus passed as
   the ``corpus`` parameter, into ``out/`` (the committed notebooks are never
   touched);
3. renders each to a self-contained HTML page (figures embedded, code hidden
   unless ``show_code``);
4. exports every table next to the pages: CSV (UTF-8 with BOM, for Excel) and
   one workbook with a sheet per table, formula-like cells neutralised;
5. writes ``index.html`` linking the pages, with the corpus summary.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from zhaoshang import paths, resources
from zhaoshang.outputs.fonts import css_font_face, face_for_script
from zhaoshang.text.script import corpus_script

TEMPLATES = Path(__file__).parent / "templates"


REPORTS = Path("reports")
"""Default output folder, relative to the current directory (in the checkout: reports/)."""


def default_out(corpus: str | Path | None) -> Path:
    """reports/ for the sample corpus, reports/<corpus-name>/ for any other (relative to the cwd)."""
    if corpus is None or Path(corpus).resolve() == paths.RAW.resolve():
        return REPORTS
    name = Path(str(corpus).rstrip("/*")).name or "corpus"
    return REPORTS / re.sub(r"[^\w\-.]+", "_", name)


def notebooks() -> list[Path]:
    """The report's notebooks, in their numbered order (package resources)."""
    return resources.notebooks()


def _title(nb_path: Path) -> str:
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return nb_path.stem


def kernel_config():
    """Settings for the kernels that run the notebooks: the kernel manager gives each kernel
    CurveZMQ keys for its local sockets (jupyter_client >= 8.9, when the kernelspec declares
    support); without them ipykernel >= 7.4 logs "Kernel is running over TCP without
    encryption" at every start."""
    import zmq
    from jupyter_client.manager import KernelManager
    from traitlets.config import Config

    policy = KernelManager.class_traits().get("transport_encryption")
    if "auto" in (getattr(policy, "values", None) or ()) and zmq.has("curve"):
        return Config({"KernelManager": {"transport_encryption": "auto"}})
    return Config()


def execute_in_place(nb_path: Path, *, timeout: int = 1800) -> Path:
    """Re-execute a committed notebook on the sample corpus and save it with its outputs.

    No execution timestamps are recorded (nbval compares the outputs, and a
    diff should show what changed, not when). ``make notebooks`` runs this on
    every notebook after a library change."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False, config=kernel_config(),
                   resources={"metadata": {"path": str(nb_path.parent)}}).execute()
    nbformat.write(nb, nb_path)
    return nb_path


def render_html(executed: Path, target: Path, *, show_code: bool = False, face: str = "sc") -> Path:
    """One executed notebook as a self-contained HTML page."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="zhaoshang", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    target.write_text(embed_font(body, face=face), encoding="utf-8")
    return target


def embed_font(page: str, *, face: str = "sc") -> str:
    """``page`` with a subset CJK font embedded, so Chinese renders on any machine."""
    visible = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    visible = html.unescape(re.sub(r"<[^>]+>", "", visible))
    rule = f"<style>{css_font_face(visible, face)}</style>"
    return page.replace("</head>", rule + "</head>", 1)


def _index_html(corpus_label: str, summary, pages: list[tuple[str, str]], exports: list[str]) -> str:
    rows = "".join(f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in summary["value"].items())
    links = "".join(f'<li><a href="{html.escape(href)}">{html.escape(title)}</a></li>' for href, title in pages)
    files = "".join(f'<li><a href="{html.escape(f)}">{html.escape(f)}</a></li>' for f in exports)
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>zhaoshang report: {html.escape(corpus_label)}</title>
<style>body{{font-family:"Noto Sans CJK SC","Noto Sans CJK TC",sans-serif;max-width:56em;margin:2em auto;padding:0 1em;color:#222}}
table{{border-collapse:collapse}}th,td{{text-align:left;padding:.25em 1em .25em 0;border-bottom:1px solid #ddd}}
h1{{font-size:1.6em}}li{{margin:.3em 0}}</style></head>
<body><h1>zhaoshang report</h1>
<p>Corpus: <code>{html.escape(corpus_label)}</code></p>
<h2>What is in the corpus</h2><table>{rows}</table>
<h2>Notebooks</h2><ol>{links}</ol>
<h2>Tables</h2><p>Every table as CSV (UTF-8 with BOM, opens in Excel) and one workbook with a sheet per table.</p>
<ul>{files}</ul>
</body></html>
"""


def build_report(corpus: str | Path | None = None, *, out: str | Path | None = None,
                 show_code: bool = False, jobs: int = 1, progress: bool = True) -> Path:
    """Execute and render every notebook on ``corpus``; returns the index.html path."""
    import papermill as pm
    from tqdm.auto import tqdm

    from zhaoshang.corpus import analyze, sample_corpus
    from zhaoshang.outputs.display import corpus_summary
    from zhaoshang.outputs.export import write_tables

    resources.check()  # a broken installation fails here, before any document or notebook
    source = Path(corpus).resolve() if corpus is not None else sample_corpus()
    out = Path(out) if out is not None else default_out(corpus)
    out.mkdir(parents=True, exist_ok=True)

    tables = analyze(source, jobs=jobs, progress="auto" if progress else False)  # computed once, cached for the notebooks
    exports = [p.name for p in write_tables(tables.frames(), out / "tables",
                                            formats=("csv", "xlsx"))]

    face = face_for_script(corpus_script(tables.documents["script"]))
    pages = []
    nbs = notebooks()
    for nb in tqdm(nbs, desc="notebooks", unit="nb", file=sys.stderr, disable=not (progress and sys.stderr.isatty())):
        executed = out / nb.name
        pm.execute_notebook(str(nb), str(executed), parameters={"corpus": str(source)},
                            cwd=str(out), progress_bar=False, log_output=False,
                            kernel_name="python3", config=kernel_config())
        page = render_html(executed, out / f"{nb.stem}.html", show_code=show_code, face=face)
        pages.append((page.name, _title(nb)))

    index = out / "index.html"
    label = str(corpus) if corpus is not None else "data/raw (sample article)"
    index.write_text(embed_font(_index_html(label, corpus_summary(tables), pages, [f"tables/{e}" for e in exports]),
                                face=face),
                     encoding="utf-8")
    return index
