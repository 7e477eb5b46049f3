"""The narrative's figures of 功能分类 classes and items (一般公共服务支出（类）2106.66万元; 1、…行政运行
（项）…支出决算为1511.89万元): each against the tables' figure of its code, and all of them against
the total they follow, when they name every class or item a spending table lists.

A narrative figure is of a code when the reader gave it one, or when its name is a class the
tables code (codes.class_codes). It is a finding only when no table's figure of the code bears it out.
"""
from __future__ import annotations

from collections import defaultdict

from ..lexicon import BASIS_ACTUAL, BASIS_BUDGET, CODE_LIST_TOTALS, CODE_SPENDING_KINDS
from ..models import Fact
from ..text import fold
from .arithmetic import TO_YUAN, differs
from .codes import class_codes, column_meaning
from .groups import priority
from .report import mismatch, sum_finding
from .statements import Statement

READINGS = {BASIS_BUDGET: "预算", BASIS_ACTUAL: "决算"}


def narrative_codes(disclosure, statements) -> list:
    """Each coded narrative figure against the spending tables' figures of its code (合计 column)."""
    tables = _table_codes(statements)
    findings = []
    for fact, code in _coded_narrative(disclosure, statements):
        said = _said(fact)
        candidates = tables.get((fact.scope, said.reading, code), [])
        if candidates and all(differs(said, c) for c in candidates):
            near = [c for c in candidates if not differs(said, c, rounding_too=False)]
            findings.append(mismatch(disclosure, min(near or candidates, key=priority), said))
    return findings


def narrative_code_sums(disclosure, statements) -> list:
    """A narrative spending total followed by its classes or items (…支出2940.05万元，主要用于以下方面：
    …（类）2106.66万元…), when they are every class or item one spending table lists with an amount."""
    coded = {id(f): code for f, code in _coded_narrative(disclosure, statements)}
    listed = _listed_codes(statements)
    money = [f for f in disclosure.facts if _is_narrative_money(f)]
    findings = []
    for n, total in enumerate(money):
        if id(total) in coded or total.metric not in CODE_LIST_TOTALS:
            continue
        parts = _parts_after(money[n + 1:], total, coded)
        codes = {coded[id(p)] for p in parts}
        if len(parts) >= 2 and codes in listed.get(total.scope, []):
            findings.append(sum_finding("list_sum", _said(total), [_said(p) for p in parts], disclosure,
                                        f"其后所列{len(parts)}个科目"))
    return [f for f in findings if f]


def _parts_after(following: list[Fact], total: Fact, coded: dict[int, str]) -> list[Fact]:
    """The coded figures of the total's basis after it (other figures between them passed over), up
    to the next such total or the first code said twice."""
    parts, codes = [], set()
    for fact in following:
        if fact.basis != total.basis:
            continue
        if id(fact) not in coded:
            if fact.metric in CODE_LIST_TOTALS:
                break
            continue
        if coded[id(fact)] in codes:
            break
        parts.append(fact)
        codes.add(coded[id(fact)])
    return parts


def _is_narrative_money(fact: Fact) -> bool:
    return fact.table == "正文" and fact.value is not None and fact.unit in TO_YUAN \
        and (fact.basis or "").startswith(tuple(READINGS))


def _coded_narrative(disclosure, statements) -> list[tuple[Fact, str]]:
    """Narrative money figures with the 功能分类 code they are of."""
    classes = class_codes(statements)
    found = []
    for fact in disclosure.facts:
        code = fact.code or classes.get(fold(fact.metric))
        if _is_narrative_money(fact) and code and code.startswith("2"):
            found.append((fact, code))
    return found


def _said(fact: Fact) -> Statement:
    reading = next(r for basis, r in READINGS.items() if (fact.basis or "").startswith(basis))
    return Statement(fact, None, fact.metric, "正文", "any", reading)


def _table_statements(statements):
    return [s for s in statements if s.kind in CODE_SPENDING_KINDS and s.fact.code and s.row == s.fact.metric
            and column_meaning(s) == "合计" and not s.blank]


def _table_codes(statements) -> dict[tuple, list[Statement]]:
    """(scope, reading, code) -> the spending tables' statements of it, in columns of all the row."""
    found: dict[tuple, list[Statement]] = defaultdict(list)
    for s in _table_statements(statements):
        found[(s.fact.scope, s.reading, s.fact.code)].append(s)
    return found


def _listed_codes(statements) -> dict[str, list[set[str]]]:
    """scope -> for each spending table and code length, the codes it lists with an amount."""
    found: dict[tuple, set[str]] = defaultdict(set)
    for s in _table_statements(statements):
        if s.value:
            found[(s.fact.scope, s.fact.table, len(s.fact.code))].add(s.fact.code)
    by_scope: dict[str, list[set[str]]] = defaultdict(list)
    for (scope, _, _), codes in found.items():
        by_scope[scope].append(codes)
    return by_scope
