"""Reports: the rendered folder is complete, self-contained, and renders in a real browser."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from zhaoshang import paths
from zhaoshang.outputs.report import build_report, default_out, notebooks

ARTIFACTS = paths.ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    before = {p: p.read_bytes() for p in list(paths.RAW.iterdir()) + notebooks()}
    index = build_report(None, out=out, progress=False)
    after = {p: p.read_bytes() for p in list(paths.RAW.iterdir()) + notebooks()}
    assert before == after, "building a report must not touch data/raw or the committed notebooks"
    return index


def test_default_out_folders_are_relative_to_the_working_directory():
    # not to where the package is installed: a user's `zhaoshang report` writes into their folder
    assert default_out(None) == Path("reports")
    assert default_out("../shared/corpus/national-gwr/") == Path("reports") / "national-gwr"
    assert not default_out("x").is_absolute()


def test_report_folder_is_complete_and_offline(report):
    out = report.parent
    pages = sorted(p.name for p in out.glob("[0-9][0-9]-*.html"))
    assert pages == [nb.stem + ".html" for nb in notebooks()]
    index = report.read_text(encoding="utf-8")
    for page in pages:
        assert f'href="{page}"' in index
    for name in ("documents", "errors", "figures", "term_counts", "quotes"):
        csv = out / "tables" / f"{name}.csv"
        assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert (out / "tables" / "tables.xlsx").exists()
    for page in [report] + [out / p for p in pages]:
        text = page.read_text(encoding="utf-8")
        # nothing fetched from the network: no remote scripts, styles or images
        assert not re.search(r'(?:src|href)="https?://', text), page.name
        assert "@font-face" in text  # Chinese renders without a system CJK font
    first = (out / pages[0]).read_text(encoding="utf-8")
    assert not re.search(r'class="[^"]*jp-InputArea-editor', first)  # code hidden by default


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs Debian's chromium)")
def test_report_in_headless_chromium(report):
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        targets = [report] + sorted(report.parent.glob("[0-9][0-9]-*.html"))[-1:]
        for target in targets:
            page.goto(target.as_uri())
            page.wait_for_load_state("load")
            images = page.evaluate("Array.from(document.images).map(i => [i.src.slice(0, 40), i.complete, i.naturalWidth])")
            broken = [src for src, complete, width in images if not complete or width == 0]
            assert not broken, f"{target.name}: images not loaded: {broken}"
            fonts_ok = page.evaluate("document.fonts.check(\"16px ZhaoshangCJK\", \"招商引资\")")
            assert fonts_ok, f"{target.name}: the embedded CJK font is not usable"
            page.screenshot(path=str(ARTIFACTS / f"{target.stem}.png"), full_page=False)
        browser.close()
    assert not problems, problems


def test_show_code_option(tmp_path):
    """Code is hidden by default and shown on request (the committed notebook already has outputs)."""
    from zhaoshang.outputs.report import render_html

    nb = paths.NOTEBOOKS / "01-cleaning.ipynb"
    hidden = render_html(nb, tmp_path / "hidden.html").read_text(encoding="utf-8")
    shown = render_html(nb, tmp_path / "shown.html", show_code=True).read_text(encoding="utf-8")
    assert "zc.analyze(corpus)" not in hidden
    assert "analyze" in shown and re.search(r'class="[^"]*jp-InputArea-editor', shown)
