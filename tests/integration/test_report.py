"""Reports: the rendered folder is complete, self-contained, and renders in a real browser."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from zhaoshang import paths
from zhaoshang.outputs.report import build_report, default_out, notebooks

ARTIFACTS = paths.ROOT / "tests" / "artifacts"
NATIONAL = paths.SHARED_CORPUS / "national-gwr"
MISSING_CELLS = {"NaN", "nan", "None", "<NA>", "NaT"}
SAMPLE_PROSE = re.compile(r"the sample article|[Ii]n the sample\b|[Oo]n the sample\b")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    before = {p: p.read_bytes() for p in list(paths.RAW.iterdir()) + notebooks()}
    index = build_report(None, out=out, progress=False)
    after = {p: p.read_bytes() for p in list(paths.RAW.iterdir()) + notebooks()}
    assert before == after, "building a report must not touch data/raw or the committed notebooks"
    return index


@pytest.fixture(scope="module")
def national_report(tmp_path_factory):
    """The report a new user makes of the 52 State Council reports (1954–2025, with gaps)."""
    if not NATIONAL.is_dir():
        pytest.skip("../shared/corpus/national-gwr not available")
    return build_report(NATIONAL, out=tmp_path_factory.mktemp("national"), progress=False)


def _pages(index: Path) -> list[Path]:
    return sorted(index.parent.glob("[0-9][0-9]-*.html"))


def _section(page: str, heading: str) -> str:
    """The HTML from the heading whose text starts with ``heading`` to the next h2 (or h3) heading."""
    m = re.search(r"<h([23])[^>]*>\s*" + re.escape(heading), page)
    assert m, f"no section {heading!r}"
    rest = page[m.end():]
    end = re.search(r"<h[23][ >]", rest)
    return rest[:end.start()] if end else rest


def _reader_problems(page: Path) -> list[str]:
    """What a reader should never see: missing-value markers in cells, tables with a header and no row,
    the sample article's commentary on another corpus."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    problems = [f"{page.name}: cell {c!r}" for c in (td.text_content().strip() for td in tree.iter("td"))
                if c in MISSING_CELLS]
    problems += [f"{page.name}: a table with no rows" for t in tree.iter("table") if not t.findall(".//td")]
    return problems


def test_national_report_fits_the_corpus(national_report):
    pages = _pages(national_report)
    assert [p.stem for p in pages] == [nb.stem for nb in notebooks()]
    problems = [q for p in pages for q in _reader_problems(p)]
    assert not problems, problems[:20]
    for p in pages:
        text = p.read_text(encoding="utf-8")
        assert not SAMPLE_PROSE.search(text), (p.name, SAMPLE_PROSE.search(text).group(0))
    page = {p.stem[:2]: p.read_text(encoding="utf-8") for p in pages}
    # the time views: documents per year, terms over time, rhetoric categories per year, each a picture
    assert "<img" in _section(page["00"], "4. When")
    assert "<img" in _section(page["02"], "8. Terms over time")
    assert "<img" in _section(page["04"], "Frames over time")
    assert "1965–1974" in page["00"]  # the gap is said, not hidden
    # one national corpus: no map of provinces, and the page says why
    assert "<img" not in _section(page["02"], "9. Terms by place")
    assert "not shown by place" in _section(page["02"], "9. Terms by place")


def test_sample_report_shows_no_missing_values(report):
    problems = [q for p in _pages(report) for q in _reader_problems(p)]
    assert not problems, problems[:20]


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
def test_report_in_headless_chromium(report, national_report):
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
        # the sample's index and last page, and every page of the national reports' report
        targets = [report] + _pages(report)[-1:] + [national_report] + _pages(national_report)
        for target in targets:
            page.goto(target.as_uri())
            page.wait_for_load_state("load")
            images = page.evaluate("Array.from(document.images).map(i => [i.src.slice(0, 40), i.complete, i.naturalWidth])")
            broken = [src for src, complete, width in images if not complete or width == 0]
            assert not broken, f"{target.name}: images not loaded: {broken}"
            fonts_ok = page.evaluate("document.fonts.check(\"16px ZhaoshangCJK\", \"招商引资\")")
            assert fonts_ok, f"{target.name}: the embedded CJK font is not usable"
            cells = page.evaluate("Array.from(document.querySelectorAll('td')).map(c => c.innerText.trim())")
            assert not MISSING_CELLS & set(cells), f"{target.name}: missing values shown"
            assert not SAMPLE_PROSE.search(page.inner_text("body")) or target.parent == report.parent, target.name
            prefix = "national-" if target.parent == national_report.parent else ""
            page.screenshot(path=str(ARTIFACTS / f"{prefix}{target.stem}.png"), full_page=False)
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
