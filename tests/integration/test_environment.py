"""pyproject.toml declares ranges; constraints.txt pins the versions the committed notebook
outputs were made with; environment.yml pins the same versions for conda users."""
from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from zhaoshang import paths


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> list[Requirement]:
    """Every dependency of pyproject.toml (core and all extras), less the extras naming zhaoshang itself."""
    data = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = data["project"]["dependencies"] + [r for extra in data["project"]["optional-dependencies"].values()
                                              for r in extra]
    return [r for r in map(Requirement, reqs) if _norm(r.name) != "zhaoshang"]


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (paths.ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep, f"constraints.txt: {line!r} is not pinned with =="
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


def test_requires_python_has_no_upper_bound():
    data = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "<" not in data["project"]["requires-python"]


def test_every_declared_dependency_is_pinned_in_constraints_within_its_range():
    pins = _constraints()
    missing = sorted(r.name for r in _declared() if _norm(r.name) not in pins)
    outside = sorted(f"{r} (pinned {pins[_norm(r.name)]})" for r in _declared()
                     if _norm(r.name) in pins and not r.specifier.contains(pins[_norm(r.name)], prereleases=True))
    assert not missing, f"declared in pyproject.toml but not pinned in constraints.txt: {missing}"
    assert not outside, f"constraints.txt pins a version outside pyproject.toml's range: {outside}"


def test_environment_yml_pins_what_constraints_pin():
    pins, env = _constraints(), _environment_pins()
    declared = {_norm(r.name) for r in _declared()}
    missing, extra = sorted(declared - set(env)), sorted(set(env) - declared)
    assert not missing, f"declared in pyproject.toml but not in environment.yml: {missing}"
    assert not extra, f"in environment.yml but not declared in pyproject.toml: {extra}"
    differ = sorted((n, env[n], pins.get(n)) for n in env if env[n] != pins.get(n))
    assert not differ, f"environment.yml and constraints.txt differ (name, environment.yml, constraints.txt): {differ}"


def test_package_is_not_ignored_by_git():
    ignore = (paths.ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert not any(line.strip().rstrip("/") in ("lib", "/lib") for line in ignore)
