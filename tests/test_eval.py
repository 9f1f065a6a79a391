"""`make eval` on the dev sets meets the issues' targets (skipped when ../shared is absent)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ROOT, shared_path


def _eval_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_script", ROOT / "scripts" / "eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _f1(*path: str) -> Callable[[dict[str, Any]], float]:
    def get(result: dict[str, Any]) -> float:
        for key in path:
            result = result[key]
        return float(result["f1"])  # type: ignore[arg-type]

    return get


# (set, what, its figure in the scorer's summary, target): the issues' targets, as make eval scores.
TARGETS = [
    ("timebank-aquaint", "DATE+TIME value F1", _f1("date_time", "value"), 0.85),
    ("newsquant-dev", "money F1", _f1("money"), 0.96),
    ("newsquant-dev", "percent F1", _f1("percent"), 0.98),
    ("newsquant-dev", "all quantities F1", _f1("overall"), 0.93),
]


@pytest.fixture(scope="module")
def scored() -> dict[str, dict[str, Any]]:
    """Each needed set annotated by `claims annotate` and scored by the team's scorer, once."""
    shared = shared_path("eval", "score.py").parent.parent
    script = _eval_script()
    out: dict[str, dict[str, Any]] = {}
    for item in script.SETS:
        if item.name in {name for name, *_ in TARGETS}:
            shared_path(*Path(item.src).parts)
            out[item.name], _ = script.evaluate(shared, item, 2)
    return out


@pytest.mark.parametrize(("name", "what", "figure", "target"), TARGETS)
def test_dev_figure_meets_its_target(
    scored: dict[str, dict[str, Any]],
    name: str,
    what: str,
    figure: Callable[[dict[str, Any]], float],
    target: float,
) -> None:
    got = figure(scored[name])
    assert got >= target, f"{name} {what} {got:.3f} < {target}"


class _Stop(Exception):
    """Ends evaluate() after its first step, which is all the test needs to see."""


def test_a_linked_shared_beside_the_checkout_is_reached_through_its_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "elsewhere" / "store"
    (store / "eval").mkdir(parents=True)
    (store / "eval" / "data.py").write_text("# the loader\n", encoding="utf-8")
    work = tmp_path / "work"
    (work / "checkout").mkdir(parents=True)
    (work / "shared").symlink_to(store, target_is_directory=True)
    root = (work / "checkout").resolve()
    script = _eval_script()
    commands: list[list[str]] = []

    def run(command: list[str]) -> None:
        commands.append(command)
        raise _Stop

    monkeypatch.setattr(script, "ROOT", root)
    monkeypatch.setattr(script, "OUT", root / "out" / "eval")
    monkeypatch.setattr(script, "run", run)
    with pytest.raises(_Stop):
        script.evaluate(work / "shared", script.SETS[0], 1)
    loader = Path(commands[0][1])
    assert loader == Path("..") / "shared" / "eval" / "data.py"
    assert (root / loader).read_text(encoding="utf-8") == "# the loader\n"
