"""Writing a finding: its severity from the arithmetic, its text naming both places and the difference.

Every rule ends here, so that all findings read alike (“表题”第N行…为X万元，而…相加为Y万元，相差Z万元).
"""
from __future__ import annotations

from decimal import Decimal

from ..findings import Finding, Kind, Severity
from ..render import amount, place
from ..lexicon import MAIN_COLUMNS
from ..models import Fact
from .arithmetic import in_unit, severity
from .statements import Statement


def finding(kind: Kind, graded: Severity, disclosure, facts: list[Fact], text: str, **fields) -> Finding:
    document = disclosure.document
    if graded == "rounding":
        text = text.rstrip("。") + "，在四舍五入的误差之内（尾差）。"
    return Finding(kind=kind, severity=graded, org=document.org, year=document.year, doc_kind=document.doc_kind,
                   doc=document.doc, scope=facts[0].scope if facts else "部门", text=text, facts=facts, **fields)


def sum_finding(kind: Kind, total: Statement, parts: list[Statement], disclosure, what: str = "") -> Finding | None:
    """A total against the sum of its parts; None when they agree. `what` names the parts in the text."""
    unit = total.fact.unit
    expected = sum((in_unit(p, unit) for p in parts), Decimal(0))
    difference = total.value - expected
    graded = severity(difference, total.fact, [p.fact for p in parts], unit)
    if graded is None:
        return None
    names = "、".join(name(p) for p in parts[:4]) + (f"等{len(parts)}项" if len(parts) > 4 else "")
    text = (f"{place(total.fact)}{name(total)}为{amount(total.value, unit)}，而{what or names}"
            f"相加为{amount(expected, unit)}，相差{amount(abs(difference), unit)}。")
    return finding(kind, graded, disclosure, [total.fact, *(p.fact for p in parts)], text, expected=expected,
                   stated=total.value, difference=difference, unit=unit)


def mismatch(disclosure, first: Statement, other: Statement) -> Finding:
    """One figure stated twice: `first` (the table that states it first) against `other`."""
    unit = first.fact.unit
    difference = in_unit(other, unit) - first.value
    label = f"{first.fact.code} {first.fact.metric}" if first.fact.code else first.fact.metric
    if other.fact.metric != first.fact.metric:  # a narrative total read off a table's 总计 row
        label = f"{other.fact.metric}（表中{first.fact.metric}）"
    text = (f"{label}在{place(first.fact)}为{amount(first.value, unit)}，在{place(other.fact)}"
            f"却为{amount(other.value, other.fact.unit)}，相差{amount(abs(difference), unit)}。")
    graded = severity(difference, first.fact, [other.fact], unit) or "error"
    return finding("same_figure", graded, disclosure, [first.fact, other.fact], text, expected=first.value,
                   stated=in_unit(other, unit), difference=difference, unit=unit)


def name(statement: Statement) -> str:
    """A row as the text names it: code and metric, with its column when that is a part column."""
    fact = statement.fact
    label = f"{fact.code} {fact.metric}" if fact.code else fact.metric
    if statement.kind and statement.column not in MAIN_COLUMNS and statement.row == fact.metric:
        label += f"（{statement.column}）"
    return label
