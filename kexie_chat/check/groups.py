"""Statements grouped the ways the rules compare them: by table, by code and column, by meaning.

A group that states one figure twice, differently, yields no figure (`one`): the rules compare
only what the document states unambiguously.
"""
from __future__ import annotations

from collections import defaultdict

from ..lexicon import TABLE_PRIORITY
from .arithmetic import differs
from .statements import Statement


def tables(statements: list[Statement]) -> dict[tuple, list[Statement]]:
    """(table, scope) -> its statements."""
    result: dict[tuple, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.kind:
            result[(statement.fact.table, statement.fact.scope)].append(statement)
    return result


def by_code(statements: list[Statement]) -> dict[str, dict[str, Statement]]:
    """column -> code -> the one statement of it; a code read twice with two values is dropped."""
    columns: dict[str, dict[str, Statement]] = defaultdict(dict)
    dropped: set[tuple[str, str]] = set()
    for statement in statements:
        code = statement.fact.code
        if not code or statement.row != statement.fact.metric:
            continue
        known = columns[statement.column].get(code)
        if known is not None and known.value != statement.value:
            dropped.add((statement.column, code))
        columns[statement.column].setdefault(code, statement)
    for column, code in dropped:
        columns[column].pop(code, None)
    return columns


def figures(statements: list[Statement]) -> dict[tuple, dict[str, list[Statement]]]:
    """(scope, reading, funding, table|narrative) -> metric -> its uncoded main statements."""
    groups: dict[tuple, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:
        if s.is_figure:
            source = "table" if s.kind else "narrative"
            groups[(s.fact.scope, s.reading, s.funding, source)][s.fact.metric].append(s)
    return groups


def one(statements: list[Statement]) -> Statement | None:
    """The figure a metric has in a group, or None when the group states it twice, differently."""
    if not statements:
        return None
    first = min(statements, key=priority)
    return None if any(differs(first, s, rounding_too=False) for s in statements) else first


def priority(statement: Statement) -> tuple:
    """The table that states a figure first (TABLE_PRIORITY), then the earliest line."""
    kind = statement.kind or ""
    return (TABLE_PRIORITY.index(kind) if kind in TABLE_PRIORITY else len(TABLE_PRIORITY), statement.fact.source.line)
