"""environment.yml and pyproject.toml must pin the same packages at the same versions."""
from __future__ import annotations

import re
import tomllib

import yaml

from zhaoshang import paths


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_pins() -> dict[str, str]:
    data = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = data["project"]["dependencies"] + [r for extra in data["project"]["optional-dependencies"].values() for r in extra]
    pins = {}
    for r in reqs:
        name, _, version = r.partition("==")
        assert version, f"pyproject.toml: {r!r} is not pinned with =="
        pins[_norm(name)] = version
    return pins


def _environment_pins() -> dict[str, str]:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for r in dep.get("pip", []):
                if "==" in r:
                    name, _, version = r.partition("==")
                    pins[_norm(name)] = version
        elif "=" in dep and not dep.startswith(("python=", "pip")):
            name, _, version = dep.partition("=")
            pins[_norm(name)] = version
    return pins


def test_environment_matches_pyproject():
    py, env = _pyproject_pins(), _environment_pins()
    missing = sorted(set(py) - set(env))
    extra = sorted(set(env) - set(py))
    differ = sorted(n for n in set(py) & set(env) if py[n] != env[n])
    assert not missing, f"in pyproject.toml but not environment.yml: {missing}"
    assert not extra, f"in environment.yml but not pyproject.toml: {extra}"
    assert not differ, f"versions differ: {[(n, py[n], env[n]) for n in differ]}"


def test_package_is_not_ignored_by_git():
    ignore = (paths.ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert not any(line.strip().rstrip("/") in ("lib", "/lib") for line in ignore)
