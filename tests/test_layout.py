"""The tree shows the pipeline: one package per stage, no import circles, training kept apart."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
MAX_TOP_LEVEL_MODULES = 10
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """The project modules one module imports, anywhere in it (lazy imports count too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from pipeline.dates import calendar` imports the submodule, not the package
            subs = {f"{node.module}.{a.name}" for a in node.names} & MODULES.keys()
            found.update(subs or ({node.module} & MODULES.keys()))
    return found


GRAPH = {name: _imports(path) for name, path in MODULES.items()}


def test_every_package_says_what_it_does_in_its_init() -> None:
    packages = sorted(PACKAGE.rglob("__init__.py"))
    assert len(packages) >= 10
    for init in packages:
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring, f"{init.relative_to(ROOT)} has no docstring"


def test_top_level_has_few_modules_and_no_prefixed_families() -> None:
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    prefixes = [name.split("_")[0] for name in top if "_" in name.strip("_")]
    assert not [p for p in set(prefixes) if prefixes.count(p) > 1], top


def test_no_runtime_module_imports_training_code() -> None:
    offenders = [
        name
        for name, imported in GRAPH.items()
        if not name.startswith("pipeline.training")
        and any(i.startswith("pipeline.training") for i in imported)
    ]
    assert not offenders


def test_modules_import_each_other_in_one_direction() -> None:
    """No circle, however long, lazy imports included."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    circles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(GRAPH.get(name, ())):
            if state.get(nxt) == 1:
                circles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert not circles, circles


@pytest.mark.parametrize("folder", ["pipeline", "tests", "scripts"])
def test_no_source_or_test_file_is_over_the_limit(folder: str) -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in sorted((ROOT / folder).rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long


def test_tests_mirror_the_packages() -> None:
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    mirrored = {p.parent.name for p in (ROOT / "tests").glob("*/test_*.py")} & packages
    assert len(mirrored) >= 6, sorted(mirrored)


def test_readme_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`pipeline/([a-z_]+)/`", readme))
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert named == packages
