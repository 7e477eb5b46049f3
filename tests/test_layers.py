"""The answer path's import direction, written down and checked (an import-linter contract in a
test): each module of kexie_chat/answering imports only modules of layers below its own, and the
front ends never reach into the answer path (they ask through assistant.py)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kexie_chat"
ANSWERING = PACKAGE / "answering"
# Lowest first; a module may import from any layer before its own, never from its own or after.
LAYERS = (
    {"context", "choose", "figures", "reply"},
    {"index"},
    {"request"},
    {"notfound"},
    {"search", "across", "breakdown", "later"},
    {"lookup", "subject"},
    {"compare", "compute"},
    {"verify", "scopes"},
    {"route"},
    {"render"},
    {"engine"},
)
LAYER_OF = {name: number for number, names in enumerate(LAYERS) for name in names}


def imported(path: Path) -> set[str]:
    """The sibling modules a module of the package imports (from .x import …)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_module_of_the_answer_path_has_a_layer():
    modules = {p.stem for p in ANSWERING.glob("*.py")} - {"__init__"}
    assert modules == set(LAYER_OF)


@pytest.mark.parametrize("module", sorted(LAYER_OF))
def test_a_module_imports_only_layers_below_its_own(module):
    upward = {name for name in imported(ANSWERING / f"{module}.py") if LAYER_OF[name] >= LAYER_OF[module]}
    assert not upward, f"{module} imports {upward}"


def test_the_front_ends_never_reach_into_the_answer_path():
    front = [*PACKAGE.joinpath("tui").glob("*.py"), PACKAGE / "cli.py"]
    reaching = [p.name for p in front if any(node.module and "answering" in node.module
                                             for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                                             if isinstance(node, ast.ImportFrom))]
    assert not reaching
