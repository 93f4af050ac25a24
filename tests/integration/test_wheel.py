"""The wheel, installed outside the checkout, carries its data and does what the checkout does.

Builds the wheel from the checkout's sources, installs it into a folder of its own and runs the CLI
from a folder outside the checkout with only that folder on PYTHONPATH (the other
dependencies come from this environment). Slow (a wheel build, two analyses and a report):
`pytest -m "not slow"` leaves it out; `make test` runs it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from zhaoshang import paths, resources

pytestmark = pytest.mark.slow

# The CLI's own entry point, after printing which zhaoshang this process imported.
RUN_CLI = "import sys, zhaoshang, zhaoshang.cli; print(zhaoshang.__file__); sys.exit(zhaoshang.cli.main(sys.argv[1:]))"
CHART = 'src="data:image/png;base64,'
# What the wheel is built from: pyproject.toml and the files it names (lib/zhaoshang/resources/notebooks
# links to notebooks/).
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "lib", "notebooks")


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    assert r.returncode == 0, f"{args[:4]}... exited {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    return r


def _cli(args: list[str], *, package: Path, cwd: Path, cache: Path) -> tuple[Path, subprocess.CompletedProcess]:
    """Run ``zhaoshang ARGS`` with only ``package`` on PYTHONPATH; the zhaoshang it imported, and the run."""
    env = {**os.environ, "PYTHONPATH": str(package), "ZHAOSHANG_CACHE": str(cache)}
    env.pop("ZHAOSHANG_DOCUMENT_CACHE", None)  # each run its own cache: nothing reused between them
    env.setdefault("MPLCONFIGDIR", str(cache / "mplconfig"))  # nothing written to ~/.config or ~/.cache
    r = _run([sys.executable, "-c", RUN_CLI, *args], cwd=cwd, env=env)
    return Path(r.stdout.splitlines()[0]).resolve(), r


def _committed_charts(nb: Path) -> int:
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    return sum("image/png" in out.get("data", {}) for c in cells for out in c.get("outputs", []))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of the checkout's sources, built from a copy of them: the build/ and
    lib/*.egg-info/ that earlier builds and editable installs leave in a checkout would
    otherwise put files into the wheel that pyproject.toml does not ask for."""
    src, dist = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("dist")
    for name in SOURCES:
        if (paths.ROOT / name).is_dir():
            shutil.copytree(paths.ROOT / name, src / name, symlinks=True,
                            ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
        else:
            shutil.copy2(paths.ROOT / name, src / name)
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(src)]
    # Fastest with the build tools of this environment; when they are missing or too old,
    # pip fetches them into an isolated build environment.
    if subprocess.run(build + ["--no-build-isolation"], capture_output=True).returncode != 0:
        _run(build)
    (whl,) = dist.glob("zhaoshang-*.whl")
    return whl


@pytest.fixture(scope="module")
def site(wheel, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    _run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)])
    return site


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder outside the checkout with a copy of the sample article in corpus/."""
    work = tmp_path_factory.mktemp("work")
    assert not work.resolve().is_relative_to(paths.ROOT)
    (work / "corpus").mkdir()
    shutil.copy2(paths.SAMPLE_ARTICLE, work / "corpus")
    return work


def test_wheel_carries_every_resource_and_notebook(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        packaged = {name: f"zhaoshang/resources/{name}" for name in resources.REQUIRED + resources.DISPLAY_FILES}
        packaged |= {f"notebooks/{nb.name}": f"zhaoshang/resources/notebooks/{nb.name}"
                     for nb in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")}
        assert any(k.startswith("notebooks/") for k in packaged)
        missing = sorted(v for v in packaged.values() if v not in names)
        assert not missing, f"not in {wheel.name}: {missing}"
        differ = sorted(v for k, v in packaged.items()
                        if zf.read(v) != (paths.ROOT / "lib" / "zhaoshang" / "resources" / k).read_bytes())
        assert not differ, f"differ from the checkout: {differ}"


def test_installed_wheel_writes_the_checkouts_tables(site, work, tmp_path):
    checkout = paths.ROOT / "lib"
    runs = {}
    for label, package in (("wheel", site), ("checkout", checkout)):
        out = tmp_path / label
        imported, _ = _cli(["analyze", "corpus", "--out", str(out), "--quiet"], package=package, cwd=work,
                           cache=tmp_path / f"cache-{label}")
        assert imported.is_relative_to(package.resolve()), f"{label} run imported {imported}"
        runs[label] = {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}
    assert "documents.csv" in runs["wheel"]
    assert runs["wheel"].keys() == runs["checkout"].keys()
    differ = [name for name in runs["wheel"] if runs["wheel"][name] != runs["checkout"][name]]
    assert not differ, f"tables differ between the wheel and the checkout: {differ}"


def test_installed_wheel_renders_the_report(site, work, tmp_path):
    out = tmp_path / "report"
    imported, r = _cli(["report", "--corpus", "corpus", "--out", str(out)], package=site, cwd=work,
                       cache=tmp_path / "cache")
    assert imported.is_relative_to(site.resolve())
    # kernels start quietly: no "Kernel is running over TCP without encryption", no tracebacks
    assert "without encryption" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert (out / "index.html").is_file()
    notebooks = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    charted = [nb for nb in notebooks if _committed_charts(nb)]
    assert charted, "no committed notebook has a chart: nothing to check"
    for nb in notebooks:
        page = out / f"{nb.stem}.html"
        assert page.is_file(), f"{page.name} missing"
        if nb in charted:
            assert CHART in page.read_text(encoding="utf-8"), f"{page.name}: no embedded chart"
