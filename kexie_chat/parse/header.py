"""A table header of one to five rows -> what each column is: a code, a name, or a measure.

A spreadsheet exported row by row prints a spanning header once, in its first column, and
leaves the columns it spans empty. Each column's label path is read top-down: a cell spans
right over empty cells, but never past a column where an earlier row starts a cell.
Pure: header rows (lists of cells) in, one Column per column index out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import CODE_HEADER_WORDS, CODE_LEVEL_LABELS, NAME_HEADER_WORDS, NAME_LABELS, ROW_NUMBER_LABELS
from ..text import fold

CODE_HEADER_RE = re.compile("|".join(CODE_HEADER_WORDS))
NAME_HEADER_RE = re.compile("|".join(NAME_HEADER_WORDS))


@dataclass
class Column:
    """One column of a table: its label path top-down, and what it holds."""

    index: int
    path: list[str]
    role: str  # "code", "name", "value", or "skip" (a 行次 column, or one no header names)

    @property
    def leaf(self) -> str:
        return self.path[-1] if self.path else ""


def label_paths(rows: list[list[str]]) -> list[list[str]]:
    """The label path of every column, spans resolved."""
    width = max((len(row) for row in rows), default=0)
    paths: list[list[str]] = [[] for _ in range(width)]
    starts: set[int] = {0}
    for row in rows:
        cells = [fold(c) for c in row] + [""] * (width - len(row))
        label, row_starts = "", set()
        for i, cell in enumerate(cells):
            if cell:
                label = cell
                row_starts.add(i)
            elif i in starts:
                label = ""  # an earlier row starts a column group here: the span ends
            if label:
                paths[i].append(label)
        starts |= row_starts
    return paths


def columns(rows: list[list[str]]) -> list[Column]:
    return [Column(i, path, _role(path)) for i, path in enumerate(label_paths(rows))]


def _role(path: list[str]) -> str:
    if not path:
        return "skip"
    leaf = path[-1]
    if leaf in ROW_NUMBER_LABELS:
        return "skip"
    if leaf in CODE_LEVEL_LABELS or CODE_HEADER_RE.search(leaf):
        return "code"
    if leaf in NAME_LABELS or NAME_HEADER_RE.search(leaf):
        return "name"
    if any(CODE_HEADER_RE.search(label) for label in path) and not any(ch.isdigit() for ch in leaf):
        return "code"
    return "value"
