"""Which standard tables of its kind a disclosure holds, and which of them were read.

A table is read when some figure came from its lines, or when it says it is empty (本表为空表):
then a reporter knows that a figure not found in it is not there, rather than not read.
"""
from __future__ import annotations

import re

from ..lexicon import STANDARD_TABLES
from ..models import Fact
from ..text import fold
from .regions import Region
from .tables import EMPTY_TABLE_RE

# A table that says it is empty has been read (as empty), not missed: the notes tables.py reads,
# and those that state no figure ("故本表无数据", "本表为空表").
EMPTY_RE = re.compile(EMPTY_TABLE_RE.pattern + r"|空表|无数据|本表无")
# Lines after a table's own where its "本表为空表" note may stand (below the table, before the next).
NOTE_LINES = 3


def tables_read(regions: list[Region], facts: list[Fact], doc_kind: str) -> list[str]:
    """The names of the standard tables read, in the lexicon's order."""
    lines_with_figures = {fact.source.line for fact in facts if fact.value is not None and fact.table != "正文"}
    read = {region.kind for i, region in enumerate(regions)
            if region.kind and _is_read(region, regions[i + 1:i + 2], lines_with_figures)}
    return [name for kind, name in STANDARD_TABLES.get(doc_kind, ()) if kind in read]


def _is_read(region: Region, following: list[Region], lines_with_figures: set[int]) -> bool:
    if any(number in lines_with_figures for number, _ in region.lines):
        return True
    after = [line for next_region in following for _, line in next_region.lines[:NOTE_LINES]]
    notes = [line for _, line in region.lines] + after
    return bool(region.lines) and any(EMPTY_RE.search(fold(line)) for line in notes)
