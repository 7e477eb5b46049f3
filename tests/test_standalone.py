"""The project stands on its own: a fresh clone needs nothing beside it.

No file of the repository refers to the folder the project was once developed beside (its
question bank, scorer and contract now live in tests/questions, scripts/score.py, docs/).
"""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".git", ".venv", "index", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis"}
TEXT_SUFFIXES = {".py", ".md", ".toml", ".cfg", ".txt", ".jsonl", ".json", ".yml", ".yaml", ".sh", ""}
FOLDER = "sha" + "red"  # spelled apart so that this file does not name it
OUTSIDE = [f"../{FOLDER}", f"{FOLDER}/eval", f"/work/{FOLDER}"]


def repository_files() -> list[Path]:
    files = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")]
        files += [Path(folder) / name for name in names if Path(name).suffix in TEXT_SUFFIXES]
    return files


def test_the_walk_sees_the_repository():
    names = {p.relative_to(ROOT).as_posix() for p in repository_files()}
    assert {"Makefile", "README.md", "docs/CONTRACT.md", "scripts/score.py", "tests/conftest.py"} <= names


@pytest.mark.parametrize("outside", OUTSIDE)
def test_no_file_refers_outside_the_repository(outside):
    found = [p.relative_to(ROOT).as_posix() for p in repository_files()
             if outside in p.read_text(encoding="utf-8", errors="replace")]
    assert found == []
