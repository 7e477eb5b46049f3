"""One figure stated twice: a metric two tables state differently, or that the narrative states
unlike every table that could be its source (COMPARABLE_METRICS; 收支总计 against a 总计 row).

A narrative figure may be any funding's unless its sentence says which (NARRATIVE_FUNDING).
"""
from __future__ import annotations

from collections import defaultdict

from ..lexicon import COMPARABLE_METRICS, MAIN_COLUMNS, NARRATIVE_TABLE_TOTALS
from .arithmetic import differs
from .groups import figures, one, priority
from .report import mismatch
from .statements import Statement

# A narrative figure may be any of these fundings unless its sentence says which.
NARRATIVE_FUNDING = {"any": ("全部", "财政拨款", "一般公共预算", "三公", "政府采购"),
                     "fiscal": ("财政拨款", "一般公共预算", "三公")}


def same_figure(disclosure, statements) -> list:
    """A figure two tables state differently, or that the narrative states unlike every table."""
    groups = figures(statements)
    tables = {key: group for key, group in groups.items() if key[3] == "table"}
    findings = [f for group in tables.values() for stated in group.values() for f in _across_tables(disclosure, stated)]
    for (scope, reading, funding, source), group in groups.items():
        if source != "narrative":
            continue
        for metric in (m for m in group if m in COMPARABLE_METRICS):
            candidates = [s for (sc, rd, fd, _), g in tables.items() if (sc, rd) == (scope, reading)
                          and fd in NARRATIVE_FUNDING[funding] for s in g.get(metric, []) if not s.blank]
            candidates += _stated_as_table_total(statements, metric, scope, reading)
            findings.extend(f for narrative in group[metric] for f in _against_tables(disclosure, narrative, candidates))
    return [f for f in findings if f]


def _stated_as_table_total(statements, metric: str, scope: str, reading: str) -> list[Statement]:
    """A narrative's 收支总计 is the 总计 row of its two-sided table (收入总计 = 支出总计 there)."""
    kind, rows = NARRATIVE_TABLE_TOTALS.get(metric, ("", ()))
    return [s for s in statements if s.kind == kind and s.fact.metric in rows and s.row == s.fact.metric
            and s.column in MAIN_COLUMNS and (s.fact.scope, s.reading) == (scope, reading) and not s.blank]


def _across_tables(disclosure, stated: list[Statement]) -> list:
    """One table against another: each table must state the figure once, unambiguously."""
    per_table: dict[str, list[Statement]] = defaultdict(list)
    for s in stated:
        if not s.blank and s.fact.metric in COMPARABLE_METRICS:
            per_table[s.fact.table or ""].append(s)
    firsts = [one(group) for group in per_table.values()]
    if None in firsts or len(firsts) < 2:
        return []
    firsts.sort(key=priority)
    return [mismatch(disclosure, firsts[0], other) for other in firsts[1:] if differs(firsts[0], other)]


def _against_tables(disclosure, narrative: Statement, candidates: list[Statement]) -> list:
    """A narrative figure that no table's statement of it bears out (尾差 when one is off by rounding)."""
    if not candidates or any(not differs(narrative, c) for c in candidates):
        return []
    near = [c for c in candidates if not differs(narrative, c, rounding_too=False)]
    return [mismatch(disclosure, min(near or candidates, key=priority), narrative)]
