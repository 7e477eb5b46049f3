"""One 科目编码 stated twice: its amount in two spending tables (in columns of one meaning, of one
funding), and its name (房租补贴 / 提租补贴 for 2210202).

Which tables carry codes and which columns mean the same is data in the lexicon
(CODE_SPENDING_KINDS, CODE_PART_COLUMNS, MAIN_COLUMNS, FUNDING_COLUMNS).
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..lexicon import (
    CLASS_NAME_KINDS,
    CODE_PART_COLUMNS,
    CODE_SPENDING_KINDS,
    FUNDING_COLUMNS,
    MAIN_COLUMNS,
    TOTAL_ROW_METRIC,
)
from ..render import place
from ..models import Fact
from ..text import fold
from .arithmetic import differs, in_unit
from .groups import one, priority
from .report import finding, mismatch
from .statements import Statement


def same_code(disclosure, statements) -> list:
    """One 功能分类 code in two spending tables, in columns of one meaning and one funding (both
    决算, both 部门). A table of all funds is one funding's when its 合计 is all that funding's."""
    findings = []
    for per_table in _code_groups(statements).values():
        firsts = [one(group) for group in per_table.values()]
        if len(firsts) < 2 or None in firsts:
            continue
        firsts.sort(key=priority)
        findings.extend(mismatch(disclosure, firsts[0], other) for other in firsts[1:] if differs(firsts[0], other))
    return findings


def _code_groups(statements) -> dict[tuple, dict[str, list[Statement]]]:
    """(scope, reading, funding, code, column meaning) -> table -> its statements of that code."""
    funding_of = _sole_funding(statements)
    classes = class_codes(statements)
    groups: dict[tuple, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:
        meaning = column_meaning(s)
        code = s.fact.code or (classes.get(fold(s.fact.metric)) if s.kind in CLASS_NAME_KINDS else None)
        if (s.kind in CODE_SPENDING_KINDS or s.kind in CLASS_NAME_KINDS) and code and code.startswith("2") \
                and meaning and s.row == s.fact.metric and not s.blank:
            funding = funding_of.get((s.fact.scope, s.reading, s.funding), s.funding)
            groups[(s.fact.scope, s.reading, funding, code, meaning)][s.fact.table or ""].append(s)
    return groups


def class_codes(statements) -> dict[str, str]:
    """A 功能分类 class's name (folded) -> the one code the document's coded tables give it."""
    codes: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        code = s.fact.code
        if s.kind and code and len(code) == 3 and code.startswith("2"):
            codes[fold(s.fact.metric)].add(code)
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1}


def _sole_funding(statements) -> dict[tuple, str]:
    """(scope, reading, 全部) -> the one funding whose spending total equals the total of all funds:
    then no other funding spends anything, and each row of all funds is that funding's row."""
    totals: dict[tuple, set[Decimal]] = defaultdict(set)
    for s in statements:
        if s.kind in CODE_SPENDING_KINDS and not s.fact.code and s.row == TOTAL_ROW_METRIC.get(s.kind or "") \
                and column_meaning(s) == "合计" and not s.blank:
            totals[(s.fact.scope, s.reading, s.funding)].add(in_unit(s, "元"))
    sole = {}
    for (scope, reading, funding), values in totals.items():
        whole = totals.get((scope, reading, "全部"))
        if funding != "全部" and whole and len(whole) == 1 and values == whole and next(iter(values)) > 0:
            sole[(scope, reading, "全部")] = funding
    return sole


def column_meaning(statement: Statement) -> str | None:
    """What a column of a spending table holds: all of the row (合计, or one funding's column
    of a 财政拨款 table), or its 基本支出 or 项目支出 part."""
    column = statement.column
    if column in MAIN_COLUMNS or column in FUNDING_COLUMNS:
        return "合计"
    return column if column in CODE_PART_COLUMNS else None


def code_names(disclosure, statements=None) -> list:
    """A 科目编码 printed under two names (房租补贴 / 提租补贴 for 2210202)."""
    names: dict[str, dict[str, Fact]] = defaultdict(dict)
    for fact in disclosure.facts:
        if fact.code and fact.table not in (None, "正文"):
            names[fact.code].setdefault(fold(fact.metric), fact)
    findings = []
    for code, spelled in names.items():
        if len(spelled) < 2:
            continue
        facts = list(spelled.values())
        shown = "，".join(f"{place(f)}作“{f.metric}”" for f in facts)
        text = f"科目编码{code}有{len(facts)}个名称：{shown}。"
        findings.append(finding("code_name", "warning", disclosure, facts, text))
    return findings
