"""A total and its parts: 类 = Σ款, 款 = Σ项 (功能分类 and 经济分类), the 合计 row = Σ类,
人员经费 = 301 + 303, 合计 = 基本支出 + 项目支出 across a row, the identities between totals
(收入总计 = 收入合计 + 结转…, AUDIT_IDENTITIES), and a 政府采购 table's lines.

Which totals have which parts is data in the lexicon; this module only adds them up.
"""
from __future__ import annotations

from collections import defaultdict

from ..lexicon import AUDIT_IDENTITIES, AUDIT_ROW_PARTS, ECONOMIC_GROUPS, MAIN_COLUMNS, TOTAL_ROW_METRIC
from ..models import Fact
from .groups import by_code, figures, one, tables
from .report import sum_finding
from .statements import Statement

PROCUREMENT_ITEM_BASIS = "采购金额"
ECONOMIC_CLASSES = {"301", "302", "303", "310"}  # the classes 人员经费 and 公用经费 are made of


def function_sums(disclosure, statements) -> list:
    return _hierarchy(disclosure, statements, "2", "function_sum")


def economic_sums(disclosure, statements) -> list:
    return _hierarchy(disclosure, statements, "3", "economic_sum") + _economic_groups(disclosure, statements)


def _children(codes: dict[str, Statement], parent: str) -> list[Statement]:
    length = len(parent) + 2
    return [codes[c] for c in sorted(codes) if len(c) == length and c.startswith(parent)]


def _hierarchy(disclosure, statements, prefix: str, kind) -> list:
    """Each class against its subclasses (类 > 款 > 项, 301 > 30101…), column by column."""
    findings = []
    for table in tables(statements).values():
        for column, codes in by_code(table).items():
            for code in sorted(codes):
                if code.startswith(prefix) and len(code) in (3, 5) and _children(codes, code):
                    findings.append(sum_finding(kind, codes[code], _children(codes, code), disclosure))
            findings.append(_table_total(disclosure, table, column, codes, prefix, kind))
    return [f for f in findings if f]


def _table_total(disclosure, table, column, codes, prefix, kind):
    """The 合计 row against the classes under it (功能分类 类, or 经济分类 301/302/303/310)."""
    total_metric = TOTAL_ROW_METRIC.get(table[0].kind or "")
    totals = [s for s in table if s.row == total_metric and s.column == column and not s.fact.code]
    classes = [codes[c] for c in sorted(codes) if c.startswith(prefix) and len(c) == 3]
    if prefix == "3" and not classes:
        classes = [codes[c] for c in sorted(codes) if c.startswith(prefix) and len(c) == 5]
    if len(totals) != 1 or not classes:
        return None
    return sum_finding(kind, totals[0], classes, disclosure)


def _economic_groups(disclosure, statements) -> list:
    """人员经费 = 301 + 303 and 公用经费 = 302 + 310, in a 基本支出 table that lists no other class."""
    findings = []
    for table in tables(statements).values():
        if table[0].kind != "基本支出":
            continue
        columns = by_code(table)
        for total in (s for s in table if s.fact.metric in ECONOMIC_GROUPS and s.is_figure):
            codes = columns.get(total.column, {})
            classes = {c for c in codes if len(c) == 3}
            parts = [codes[c] for c in ECONOMIC_GROUPS[total.fact.metric] if c in codes]
            if parts and classes <= ECONOMIC_CLASSES:
                findings.append(sum_finding("economic_sum", total, parts, disclosure))
    return [f for f in findings if f]


def row_sums(disclosure, statements) -> list:
    """基本支出 + 项目支出 = 合计 across one row (人员经费 + 公用经费 in a 基本支出 table)."""
    rows: dict[tuple, dict[str, Statement]] = defaultdict(dict)
    for s in statements:
        if s.kind in AUDIT_ROW_PARTS:
            rows[(s.fact.table, s.fact.scope, s.fact.source.line, s.row, s.fact.code)].setdefault(s.column, s)
    findings = []
    for cells in rows.values():
        required, optional = AUDIT_ROW_PARTS[next(iter(cells.values())).kind]
        mains = [cells[c] for c in MAIN_COLUMNS if c in cells]
        if not mains or not all(part in cells for part in required):
            continue
        parts = [cells[p] for p in (*required, *optional) if p in cells]
        findings.append(sum_finding("row_sum", mains[0], parts, disclosure, ""))
    return [f for f in findings if f]


def identities(disclosure, statements) -> list:
    """Totals the lexicon says are made of other totals, within one scope, reading and funding."""
    findings = []
    for group in figures(statements).values():
        for total_metric, required, optional in AUDIT_IDENTITIES:
            total = one(group.get(total_metric, []))
            parts = [one(group.get(m, [])) for m in required]
            if total is None or None in parts:
                continue
            parts += [p for p in (one(group.get(m, [])) for m in optional) if p is not None]
            findings.append(sum_finding("identity", total, parts, disclosure, ""))
    return [f for f in findings if f]


def procurement(disclosure, statements) -> list:
    """The lines of a 政府采购 table against the table's 合计, or the 政府采购 total of the text."""
    items: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in disclosure.facts:
        if fact.metric == "政府采购" and fact.item and (fact.basis or "").startswith(PROCUREMENT_ITEM_BASIS):
            items[(fact.table, fact.scope)].append(fact)
    findings = []
    for (table, scope), facts in items.items():
        total = _procurement_total(disclosure, statements, table, scope)
        if total is None:
            continue
        parts = [Statement(f, "政府采购", f.metric, f.item or "", "政府采购", total.reading) for f in facts]
        findings.append(sum_finding("procurement_sum", total, parts, disclosure, f"{len(parts)}个采购项目"))
    return [f for f in findings if f]


def _procurement_total(disclosure, statements, table, scope) -> Statement | None:
    for fact in disclosure.facts:
        if fact.table == table and fact.scope == scope and fact.metric == "政府采购" and not fact.item \
                and fact.value is not None:
            return Statement(fact, "政府采购", fact.metric, "合计", "政府采购", disclosure.document.doc_kind)
    stated = [s for s in statements if s.kind is None and s.fact.metric == "政府采购" and s.fact.scope == scope]
    return one(stated)
