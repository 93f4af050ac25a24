"""Notebooks are deterministic and follow the house rules (nbval compares their committed outputs)."""
from __future__ import annotations

import json

import nbformat
import pytest
from nbclient import NotebookClient
from zhaoshang import paths
from zhaoshang.outputs.report import notebooks

NOTEBOOKS = notebooks()


def _outputs(nb) -> list:
    return [json.dumps(c.get("outputs", []), sort_keys=True, ensure_ascii=False) for c in nb.cells if c.cell_type == "code"]


def test_the_five_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["00-overview.ipynb", "01-cleaning.ipynb", "02-term-frequency.ipynb",
                                           "03-investment-figures.ipynb", "04-rhetoric.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_house_rules(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), "narrative first"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []) and "corpus = None" in code[0].source
    for c in code:
        assert "sys.path" not in c.source
        assert not any(line.startswith(("def ", "class ")) for line in c.source.splitlines()), "helpers belong in lib/"
        for o in c.get("outputs", []):
            assert o.get("output_type") != "error"
            assert o.get("name") != "stderr", f"stderr output in {path.name}: {o.get('text', '')[:200]}"
            assert not ("Glyph" in str(o.get("text", "")) and "missing" in str(o.get("text", "")))
    assert sum(bool(c.get("outputs")) for c in code) >= 3, "outputs committed (nbval compares them)"


def test_word_cloud_notebook_runs_the_same_twice():
    """Two executions give byte-identical outputs (seeded word cloud, stable sorts, no timings)."""
    path = paths.NOTEBOOKS / "02-term-frequency.ipynb"
    runs = []
    for _ in range(2):
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(paths.NOTEBOOKS)}}).execute()
        runs.append(_outputs(nb))
    assert runs[0] == runs[1]
