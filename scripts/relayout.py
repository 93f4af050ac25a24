"""One-off: move the flat modules of lib/zhaoshang into the layer subpackages and rewrite imports.

Every import of a zhaoshang module (relative or absolute, in the package, tests, scripts and the
notebooks' code cells) is resolved to the module it names today and rewritten as an absolute import
of where that module lives after the move. Run from the checkout root:

    python scripts/relayout.py            # git mv + rewrite
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "lib" / "zhaoshang"

# old module (dotted, under zhaoshang) -> new module
MOVES = {
    "script": "text.script",
    "offsets": "text.offsets",
    "numbers": "text.numbers",
    "periods": "text.periods",
    "places": "text.places",
    "segment": "text.segment",
    "lexicon": "text.lexicon",
    "jieba_dict": "text.jieba_dict",
    "ingest": "stages.ingest",
    "clean": "stages.clean",
    "pipeline": "stages.process",
    "terms": "analyses.terms",
    "keyness": "analyses.keyness",
    "export": "outputs.export",
    "overview": "outputs.overview",
    "display": "outputs.display",
    "report": "outputs.report",
    "fonts": "outputs.fonts",
    "plots_terms": "outputs.plots.terms",
    "figures_eval": "evaluate",
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def new_name(old: str) -> str:
    """zhaoshang.X.Y -> its new dotted name."""
    if old == "zhaoshang" or not old.startswith("zhaoshang."):
        return old
    rest = old[len("zhaoshang."):]
    for src in sorted(MOVES, key=len, reverse=True):
        if rest == src or rest.startswith(src + "."):
            return "zhaoshang." + MOVES[src] + rest[len(src):]
    return old


def existing_modules() -> set[str]:
    out = set()
    for f in PKG.rglob("*.py"):
        out.add(module_name(f))
    return out


def resolve(node: ast.ImportFrom, here: str, package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = here.split(".") if package else here.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def rewrite_source(src: str, here: str | None, package: bool, modules: set[str]) -> str:
    tree = ast.parse(src)
    lines = src.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = resolve(node, here, package) if node.level else (node.module or "")
            if not (target == "zhaoshang" or target.startswith("zhaoshang.")):
                continue
            groups: dict[str, list[str]] = {}
            for alias in node.names:
                full = f"{target}.{alias.name}"
                name = alias.name + (f" as {alias.asname}" if alias.asname else "")
                if full in modules:  # importing a module from its package
                    new_full = new_name(full)
                    pkg, _, mod = new_full.rpartition(".")
                    if mod != alias.name and not alias.asname:
                        name = f"{mod} as {alias.name}"
                    else:
                        name = mod + (f" as {alias.asname}" if alias.asname else "")
                    groups.setdefault(pkg, []).append(name)
                else:
                    groups.setdefault(new_name(target), []).append(name)
            edits.append((node, [f"from {pkg} import {', '.join(names)}" for pkg, names in groups.items()]))
        elif isinstance(node, ast.Import):
            if any(a.name.startswith("zhaoshang.") for a in node.names):
                stmts = []
                for a in node.names:
                    n = new_name(a.name)
                    stmts.append(f"import {n}" + (f" as {a.asname}" if a.asname else ""))
                edits.append((node, stmts))
    for node, stmts in sorted(edits, key=lambda e: -e[0].lineno):
        first = lines[node.lineno - 1]
        indent = first[:len(first) - len(first.lstrip())]
        last = lines[node.end_lineno - 1]
        comment = ""
        if "#" in last and node.lineno == node.end_lineno:
            comment = "  " + last[last.index("#"):].rstrip("\n")
        text = "".join(f"{indent}{s}{comment if i == 0 else ''}\n" for i, s in enumerate(stmts))
        lines[node.lineno - 1:node.end_lineno] = [text]
    return "".join(lines)


def git_mv(old: str, new: str) -> None:
    src = PKG / (old.replace(".", "/") + ".py")
    if not src.exists():
        print(f"skip {old}: {src} not found", file=sys.stderr)
        return
    dst = PKG / (new.replace(".", "/") + ".py")
    dst.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "mv", str(src), str(dst)], check=True, cwd=ROOT)


def main() -> None:
    modules_before = existing_modules()
    # rewrite imports in place first (resolution uses today's locations), then move
    for f in sorted(PKG.rglob("*.py")):
        here = module_name(f)
        f.write_text(rewrite_source(f.read_text(encoding="utf-8"), here, is_package(f), modules_before),
                     encoding="utf-8")
    for folder in ("tests", "scripts"):
        for f in sorted((ROOT / folder).rglob("*.py")):
            f.write_text(rewrite_source(f.read_text(encoding="utf-8"), None, False, modules_before),
                         encoding="utf-8")
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        data = json.loads(nb.read_text(encoding="utf-8"))
        changed = False
        for cell in data["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"])
            new = rewrite_source(src, None, False, modules_before)
            if new != src:
                cell["source"] = new.splitlines(keepends=True)
                changed = True
        if changed:
            nb.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for old, new in MOVES.items():
        git_mv(old, new)


if __name__ == "__main__":
    main()
