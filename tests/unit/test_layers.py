"""The package's shape: data flows one way, and no module reaches into another's private names.

resources → text → stages → analyses → corpus → research → outputs → cli: a module may import from its own
layer or a lower one, never a higher one (lazy imports inside functions count too).
"""
from __future__ import annotations

import ast
from pathlib import Path

import zhaoshang

PKG = Path(zhaoshang.__file__).parent

LAYERS = [  # (dotted prefix, rank); the longest matching prefix decides
    ("zhaoshang.model", 0), ("zhaoshang.paths", 0), ("zhaoshang.resources", 0), ("zhaoshang.schema", 0),
    ("zhaoshang.version", 0),
    ("zhaoshang.text", 1),
    ("zhaoshang.stages", 2),
    ("zhaoshang.analyses", 3),
    ("zhaoshang.corpus", 4),
    ("zhaoshang.research", 5),
    ("zhaoshang.outputs", 6), ("zhaoshang.evaluate", 6),
    ("zhaoshang.cli", 7),
]
TOP = 8  # zhaoshang/__init__.py: the public API may import anything


def rank(module: str) -> int:
    if module == "zhaoshang":
        return TOP
    best = max((p for p, _ in LAYERS if module == p or module.startswith(p + ".")), key=len, default=None)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS (and to docs/architecture.md)"
    return dict(LAYERS)[best]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names imported from it, line) for every zhaoshang import in ``path``."""
    here = module_name(path)
    package = path.name == "__init__.py"
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".") if package else here.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "zhaoshang" or target.startswith("zhaoshang."):
                out.append((target, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("zhaoshang.")]
    return out


MODULES = sorted(PKG.rglob("*.py"))


def test_every_module_has_a_layer():
    for f in MODULES:
        rank(module_name(f))


def test_no_layer_imports_a_higher_one():
    wrong = []
    for f in MODULES:
        me = module_name(f)
        for target, names, line in imports(f):
            # `from zhaoshang.text import script` imports the module zhaoshang.text.script
            targets = [f"{target}.{n}" if (PKG.parent / f"{target}.{n}".replace(".", "/")).with_suffix(".py").exists()
                       or (PKG.parent / f"{target}.{n}".replace(".", "/") / "__init__.py").exists() else target
                       for n in names] or [target]
            for t in targets:
                if rank(t) > rank(me):
                    wrong.append(f"{f.relative_to(PKG)}:{line} ({me}, layer {rank(me)}) imports {t} (layer {rank(t)})")
    assert not wrong, "\n".join(wrong)


def test_no_private_name_is_imported_from_another_module():
    wrong = [f"{f.relative_to(PKG)}:{line} imports {n} from {target}"
             for f in MODULES for target, names, line in imports(f)
             for n in names if n.startswith("_") and not n.startswith("__")]
    assert not wrong, "\n".join(wrong)


def test_no_module_is_a_warehouse():
    sizes = {module_name(f): len(f.read_text(encoding="utf-8").splitlines()) for f in MODULES}
    assert max(sizes.values()) <= 650, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
