"""Audit a disclosure against itself: parts against their stated totals, one figure stated twice.

Pure: parsed facts in, findings out (`audit_disclosure`). The index keeps the findings computed
at build time; `audit(store, org)` reads them back, and an answer whose figure is part of a
finding says so in one clause (answering/render.py words it). Never a false alarm: two figures are compared
only when they are surely the same figure (same scope, basis, funding and table kind). A
difference that rounding explains (one unit of the last digit printed, or half a unit a part for
a sum) is a 尾差, the lowest severity, which answers do not mention.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .lexicon import (
    ACTUAL_COLUMNS,
    BASIS_ACTUAL,
    BASIS_BUDGET,
    BASIS_CHANGE,
    BASIS_CHANGE_RATE,
    BASIS_EXECUTION,
    BASIS_SHARE,
    BUDGET_COLUMNS,
    ECONOMIC_GROUPS,
    FUNDING_COLUMNS,
    AUDIT_IDENTITIES,
    AUDIT_ROW_PARTS,
    CODE_PART_COLUMNS,
    CODE_SPENDING_KINDS,
    COMPARABLE_METRICS,
    LIST_MARKERS,
    NARRATIVE_TABLE_TOTALS,
    NOT_LIST_ITEM_WORDS,
    MAIN_COLUMNS,
    METRIC_PARTS,
    TABLE_FUNDING,
    TABLE_PRIORITY,
    TOTAL_ROW_METRIC,
)
from .models import Amount, Fact, Source
from .render import amount as _amount, place as _place, short_title as _short_title
from .vocabulary import table_kind
from .text import fold
from .vocabulary import synonyms_longest_first

Kind = Literal["function_sum", "economic_sum", "row_sum", "identity", "procurement_sum", "same_figure",
               "code_name", "org_name", "rate", "heading_year", "list_sum"]
Severity = Literal["error", "warning", "rounding"]

KIND_LABELS: dict[str, str] = {
    "function_sum": "功能分类合计", "economic_sum": "经济分类合计", "row_sum": "分栏合计", "identity": "勾稽关系",
    "procurement_sum": "政府采购合计", "same_figure": "同一数字前后不一", "code_name": "同一编码两个名称",
    "org_name": "单位名称错印", "rate": "百分比与金额不符", "heading_year": "标题年份不符",
    "list_sum": "文字列举合计",
}
# Rounding that is not a finding, in each money unit.
TOLERANCE: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal("0.01"), "亿元": Decimal("0.0001")}
TO_YUAN: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
DERIVED_BASES = (BASIS_CHANGE, BASIS_CHANGE_RATE, BASIS_SHARE, BASIS_EXECUTION)
BLANK_MARK = "表内空白"
# A narrative figure may be any of these fundings unless its sentence says which.
NARRATIVE_FUNDING = {"any": ("全部", "财政拨款", "一般公共预算", "三公", "政府采购"),
                     "fiscal": ("财政拨款", "一般公共预算", "三公")}
FOREIGN_FUNDING_RE = re.compile(r"政府性基金|国有资本")
FISCAL_RE = re.compile(r"一般公共预算|财政拨款|三公")
SENTENCE_END_RE = re.compile(r"[。；;！？!?]")
CLAUSE_END_RE = re.compile(r"[。；;！？!?,，:：、]")
THREE_PUBLIC = ("三公经费", *METRIC_PARTS["三公经费"], *METRIC_PARTS["公务用车购置及运行维护费"])
PROCUREMENT_ITEM_BASIS = "采购金额"
# A narrative list: "X万元，主要包括：A费a万元、B费b万元…" (markers in the lexicon).
LIST_HEAD_RE = re.compile(r"(?P<total>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)[，,]\s*"
                          rf"(?P<marker>{'|'.join(LIST_MARKERS)})[：:]")
LIST_SEPARATOR_RE = re.compile(r"([、，,；;。])")
LIST_ITEM_RE = re.compile(r"(?P<name>[^\d、，,；;。：:]{1,30}?)\s*(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)")
NOT_AN_ITEM_RE = re.compile("|".join(NOT_LIST_ITEM_WORDS))
# Headings: a standard table's title (a short passage) or a 情况说明 heading opening a paragraph.
HEADING_LENGTH = 60
HEADING_YEAR_RE = re.compile(r"(20\d\d)年")
REPORT_HEADING_RE = re.compile(r"[（(]?[一二三四五六七八九十\d]{0,3}[)）、.．]?\s*关于[^。，；]{0,20}?20\d\d年度?"
                               r"[^。，；]{0,30}?说明")
# The index's findings table, for people: kinds and severities in Chinese, the figures as columns
# (the whole finding, as JSON, goes to the engine's own table beside it).
FINDING_COLUMNS = {"id": int, "org": str, "year": int, "doc_kind": str, "doc": str, "kind": str, "severity": str,
                   "text": str, "stated": float, "expected": float, "difference": float, "unit": str, "places": str}
SEVERITY_LABELS: dict[str, str] = {"error": "错误", "warning": "提示", "rounding": "尾差"}


class Finding(BaseModel):
    """One place where a disclosure disagrees with itself (一处对不上的数).

    expected: what the parts add up to (or the figure as first stated); stated: the total (or the
    figure as stated elsewhere); difference = stated - expected, in `unit`.
    """

    model_config = ConfigDict(defer_build=True)  # built with the first finding: most answers have none

    kind: Kind
    severity: Severity
    org: str
    year: int
    doc_kind: str
    doc: str
    scope: str
    text: str
    facts: list[Fact] = Field(default_factory=list)  # the stated figure first, then what it is checked against
    expected: Amount | None = None
    stated: Amount | None = None
    difference: Amount | None = None
    unit: str = ""
    sources: list[Source] = Field(default_factory=list)  # where a misprinted name stands

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Statement:
    """A money figure with what makes it comparable: where it sits, which money, which reading."""

    fact: Fact
    kind: str | None  # the table kind; None for the narrative
    row: str  # the row's own metric (for a column read off a total row, that total)
    column: str
    funding: str
    reading: str  # 预算 | 决算

    @property
    def blank(self) -> bool:
        return BLANK_MARK in (self.fact.basis or "")

    @property
    def is_figure(self) -> bool:
        """A figure the document states on its own: not a class row's part column, not a coded row."""
        if self.fact.code:
            return False
        return self.kind is None or self.row != self.fact.metric or self.column in MAIN_COLUMNS or \
            self.column in FUNDING_COLUMNS

    @property
    def value(self) -> Decimal:
        return self.fact.value


# --- entry ------------------------------------------------------------------------------------


def audit_disclosure(disclosure) -> list[Finding]:
    """Every finding of one parsed disclosure (a parse.Disclosure), in a stable order."""
    statements = _statements(disclosure)
    findings: list[Finding] = []
    for check in (_function_sums, _economic_sums, _row_sums, _identities, _procurement, _same_figure, _same_code):
        findings.extend(check(disclosure, statements))
    findings.extend(_list_sums(disclosure, statements))
    findings.extend(_rates(disclosure, statements))
    findings.extend(_heading_years(disclosure))
    findings.extend(_code_names(disclosure))
    findings.extend(_org_names(disclosure))
    return _unique(findings)


def audit(store, org: str | None = None) -> list[Finding]:
    """The findings the index holds (computed when it was built), for one org or all."""
    return [Finding.model_validate_json(data) for data in store.findings(org)]


def finding_rows(disclosures: Iterable) -> Iterator[dict]:
    """Rows of the index's findings table (the store writes them)."""
    for disclosure in disclosures:
        for finding in audit_disclosure(disclosure):
            yield {"org": finding.org, "year": finding.year, "doc_kind": finding.doc_kind, "doc": finding.doc,
                   "kind": finding.label, "severity": SEVERITY_LABELS[finding.severity], "text": finding.text,
                   **{name: _number(getattr(finding, name)) for name in ("stated", "expected", "difference")},
                   "unit": finding.unit, "places": _places(finding), "data": finding.model_dump_json()}


def _number(amount) -> float | None:
    return None if amount is None else float(amount)


def _places(finding: Finding) -> str:
    """Where the finding stands, one line a place: 文件:行「原文」."""
    places = [(s.doc, s.line, s.quote) for s in [fact.source for fact in finding.facts] + list(finding.sources)]
    return "\n".join(f"{doc}:{line}「{quote}」" for doc, line, quote in dict.fromkeys(places))


def findings_json(findings: list[Finding]) -> str:
    return json.dumps({"findings": [f.model_dump(mode="json") for f in findings]}, ensure_ascii=False, indent=2)


# --- statements -------------------------------------------------------------------------------


def _statements(disclosure) -> list[Statement]:
    contexts = _Narrative(disclosure)
    result: list[Statement] = []
    seen: dict[tuple, int] = {}
    for fact in disclosure.facts:
        if fact.value is None or fact.unit not in TO_YUAN or fact.item is not None:
            continue
        base = (fact.basis or "").split("（")[0]
        if base.startswith(DERIVED_BASES):
            continue
        statement = _table_statement(fact, base, disclosure) if fact.table and fact.table != "正文" \
            else _narrative_statement(fact, base, contexts)
        if statement is None:
            continue
        key = (fact.table, fact.source.line, statement.row, fact.code, statement.column, fact.scope)
        if key in seen:  # a blank cell read beside a filled one on a two-sided row
            if result[seen[key]].blank and not statement.blank:
                result[seen[key]] = statement
            continue
        seen[key] = len(result)
        result.append(statement)
    return result


def _table_statement(fact: Fact, base: str, disclosure) -> Statement | None:
    kind = table_kind(fact.table or "")
    if kind is None:
        return None
    row, column = fact.metric, base
    if base.endswith("行") and base != "行次":
        row, column = base[:-1], fact.metric
    funding = TABLE_FUNDING.get(kind, kind)
    if kind == "财政拨款收支" and column in FUNDING_COLUMNS:
        funding = FUNDING_COLUMNS[column]
    return Statement(fact, kind, row, column, funding, _reading(base, disclosure.document.doc_kind))


def _reading(column: str, doc_kind: str) -> str:
    if column in BUDGET_COLUMNS:
        return "预算"
    if column in ACTUAL_COLUMNS:
        return "决算"
    return doc_kind


def _narrative_statement(fact: Fact, base: str, contexts: "_Narrative") -> Statement | None:
    if base not in (BASIS_BUDGET, BASIS_ACTUAL):
        return None
    funding = contexts.funding(fact)
    if funding is None:
        return None
    if fact.metric in THREE_PUBLIC:
        funding = "fiscal"  # 三公经费 is 财政拨款 by definition, whatever the sentence says
    return Statement(fact, None, fact.metric, "正文", funding, base[:2])


class _Narrative:
    """Which money a narrative figure is: the words of its sentence before it.

    A figure is kept only when the clause it ends names its metric ("其中：基本支出217.74万元"),
    and never when the sentence speaks of 政府性基金 or 国有资本 money.
    """

    def __init__(self, disclosure):
        self.passages = sorted(((p.line, fold(p.text)) for p in disclosure.passages), key=lambda p: p[0])

    def funding(self, fact: Fact) -> str | None:
        context = self._context(fact)
        if context is None or FOREIGN_FUNDING_RE.search(context):
            return None
        return "fiscal" if FISCAL_RE.search(context) else "any"

    def _context(self, fact: Fact) -> str | None:
        """The sentence up to the figure (and the one before, when it opens with 其中), or None
        when no clause of the quote ends in this figure after naming its metric."""
        quote = fold(fact.source.quote)
        text = next((t for line, t in reversed(self.passages) if line <= fact.source.line and quote in t), quote)
        start = max(text.find(quote), 0)
        number = re.compile(rf"(?<![\d.]){re.escape(fold(fact.text or ''))}(?![\d])")
        for found in number.finditer(text, start):
            head = text[:found.start()]
            if fact.text and _names_metric(head, fact.metric):
                cuts = [m.end() for m in SENTENCE_END_RE.finditer(head)]
                begin = cuts[-1] if cuts else 0
                if head[begin:].startswith("其中") and len(cuts) >= 2:
                    begin = cuts[-2]
                return head[begin:]
        return None


@lru_cache(maxsize=None)
def _metric_names(metric: str) -> tuple[str, ...]:
    names = {fold(metric)} | {words for words, canonical in synonyms_longest_first("parse") if canonical == metric}
    return tuple(names | {n.replace("运行维护", "运维") for n in names})


def _names_metric(context: str, metric: str) -> bool:
    clause = CLAUSE_END_RE.split(context)[-1]
    return any(name in clause for name in _metric_names(metric))


# --- arithmetic -------------------------------------------------------------------------------


def _digit(fact: Fact) -> Decimal:
    """One unit of the last digit a figure is printed to, in its own unit. A table drops trailing
    zeros (3.5, 0), so its digit is never coarser than the unit's usual one (0.01 万元, 1 元)."""
    exponent = fact.value.as_tuple().exponent if fact.value is not None else 0
    digit = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(1)
    return min(digit, TOLERANCE.get(fact.unit, digit))


def _tolerance(facts: list[Fact], unit: str) -> Decimal:
    """What is no difference at all, in `unit`: half the last digit of the coarser figure. A figure
    written to fewer digits (217.7 万元 in the narrative, 9101.68 万元 for 91016775.35 元) agrees
    with every figure that rounds to it; figures printed alike differ by whole digits, so this
    never hides one of theirs."""
    return max(_convert(_printed_digit(f), f.unit, unit) / 2 for f in facts)


def _printed_digit(fact: Fact) -> Decimal:
    """The digit a figure was written to: a narrative's own (约1.2亿元), a table's as `_digit`."""
    exponent = fact.value.as_tuple().exponent if fact.value is not None else 0
    if fact.table == "正文" and fact.value and isinstance(exponent, int):
        return max(Decimal(1).scaleb(exponent), _digit(fact))
    return _digit(fact)


def _rounding(total: Fact, parts: list[Fact], unit: str) -> Decimal:
    """The most that rounding explains, in `unit` (尾差): one unit of the last printed digit, or,
    for a sum, half a unit of each part's last digit (each part printed rounded)."""
    one = max(_convert(_digit(f), f.unit, unit) for f in (total, *parts))
    halves = sum((_convert(_digit(f), f.unit, unit) / 2 for f in parts if not _exact_zero(f)), Decimal(0))
    return max(one, halves)


def _exact_zero(fact: Fact) -> bool:
    """A blank cell (or a bare 0) is nothing, not a small amount rounded away."""
    return fact.value == 0 and (BLANK_MARK in (fact.basis or "") or fact.value.as_tuple().exponent == 0)


def _severity(difference: Decimal, total: Fact, parts: list[Fact], unit: str) -> Severity | None:
    """None when the figures agree (to the digits printed), 尾差 within rounding, else 错误."""
    if abs(difference) <= _tolerance([total, *parts], unit):
        return None
    return "rounding" if abs(difference) <= _rounding(total, parts, unit) else "error"


def _convert(value: Decimal, unit: str, to: str) -> Decimal:
    return value if unit == to else value * TO_YUAN[unit] / TO_YUAN[to]


def _in(statement: Statement, unit: str) -> Decimal:
    return _convert(statement.value, statement.fact.unit, unit)


def _differs(a: Statement, b: Statement, rounding: bool = True) -> bool:
    """Two statements of a figure disagree (by more than rounding, unless `rounding`)."""
    unit = a.fact.unit
    severity = _severity(_in(a, unit) - _in(b, unit), a.fact, [b.fact], unit)
    return severity is not None and (rounding or severity != "rounding")


# --- sums of parts ----------------------------------------------------------------------------


def _sum_finding(kind: Kind, total: Statement, parts: list[Statement], disclosure, what: str = "") -> Finding | None:
    unit = total.fact.unit
    expected = sum((_in(p, unit) for p in parts), Decimal(0))
    difference = total.value - expected
    severity = _severity(difference, total.fact, [p.fact for p in parts], unit)
    if severity is None:
        return None
    names = "、".join(_name(p) for p in parts[:4]) + (f"等{len(parts)}项" if len(parts) > 4 else "")
    text = (f"{_place(total.fact)}{_name(total)}为{_amount(total.value, unit)}，而{what or names}"
            f"相加为{_amount(expected, unit)}，相差{_amount(abs(difference), unit)}。")
    return _finding(kind, severity, disclosure, [total.fact, *(p.fact for p in parts)], text, expected=expected,
                    stated=total.value, difference=difference, unit=unit)


def _name(statement: Statement) -> str:
    fact = statement.fact
    name = f"{fact.code} {fact.metric}" if fact.code else fact.metric
    if statement.kind and statement.column not in MAIN_COLUMNS and statement.row == fact.metric:
        name += f"（{statement.column}）"
    return name


def _finding(kind: Kind, severity: Severity, disclosure, facts: list[Fact], text: str, **fields) -> Finding:
    document = disclosure.document
    if severity == "rounding":
        text = text.rstrip("。") + "，在四舍五入的误差之内（尾差）。"
    return Finding(kind=kind, severity=severity, org=document.org, year=document.year, doc_kind=document.doc_kind,
                   doc=document.doc, scope=facts[0].scope if facts else "部门", text=text, facts=facts, **fields)


def _tables(statements: list[Statement]) -> dict[tuple, list[Statement]]:
    tables: dict[tuple, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.kind:
            tables[(statement.fact.table, statement.fact.scope)].append(statement)
    return tables


def _by_code(statements: list[Statement]) -> dict[str, dict[str, Statement]]:
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


def _children(codes: dict[str, Statement], parent: str) -> list[Statement]:
    length = len(parent) + 2
    return [codes[c] for c in sorted(codes) if len(c) == length and c.startswith(parent)]


def _hierarchy(disclosure, statements, prefix: str, kind: Kind) -> list[Finding]:
    """Each class against its subclasses (类 > 款 > 项, 301 > 30101…), column by column."""
    findings = []
    for table in _tables(statements).values():
        for column, codes in _by_code(table).items():
            for code in sorted(codes):
                if code.startswith(prefix) and len(code) in (3, 5) and _children(codes, code):
                    findings.append(_sum_finding(kind, codes[code], _children(codes, code), disclosure))
            findings.append(_table_total(disclosure, table, column, codes, prefix, kind))
    return [f for f in findings if f]


def _table_total(disclosure, table, column, codes, prefix, kind) -> Finding | None:
    """The 合计 row against the classes under it (功能分类 类, or 经济分类 301/302/303/310)."""
    total_metric = TOTAL_ROW_METRIC.get(table[0].kind or "")
    totals = [s for s in table if s.row == total_metric and s.column == column and not s.fact.code]
    classes = [codes[c] for c in sorted(codes) if c.startswith(prefix) and len(c) == 3]
    if prefix == "3" and not classes:
        classes = [codes[c] for c in sorted(codes) if c.startswith(prefix) and len(c) == 5]
    if len(totals) != 1 or not classes:
        return None
    return _sum_finding(kind, totals[0], classes, disclosure)


def _economic_groups(disclosure, statements) -> list[Finding]:
    """人员经费 = 301 + 303 and 公用经费 = 302 + 310, in a 基本支出 table that lists no other class."""
    findings = []
    for table in _tables(statements).values():
        if table[0].kind != "基本支出":
            continue
        by_column = _by_code(table)
        for total in (s for s in table if s.fact.metric in ECONOMIC_GROUPS and s.is_figure):
            codes = by_column.get(total.column, {})
            classes = {c for c in codes if len(c) == 3}
            parts = [codes[c] for c in ECONOMIC_GROUPS[total.fact.metric] if c in codes]
            if parts and classes <= {"301", "302", "303", "310"}:
                findings.append(_sum_finding("economic_sum", total, parts, disclosure))
    return [f for f in findings if f]


def _function_sums(disclosure, statements) -> list[Finding]:
    return _hierarchy(disclosure, statements, "2", "function_sum")


def _economic_sums(disclosure, statements) -> list[Finding]:
    return _hierarchy(disclosure, statements, "3", "economic_sum") + _economic_groups(disclosure, statements)


def _row_sums(disclosure, statements) -> list[Finding]:
    """基本支出 + 项目支出 = 合计 across one row (人员经费 + 公用经费 in a 基本支出 table)."""
    rows: dict[tuple, dict[str, Statement]] = defaultdict(dict)
    for s in statements:
        if s.kind in AUDIT_ROW_PARTS:
            rows[(s.fact.table, s.fact.scope, s.fact.source.line, s.row, s.fact.code)].setdefault(s.column, s)
    findings = []
    for key, cells in rows.items():
        required, optional = AUDIT_ROW_PARTS[next(iter(cells.values())).kind]
        mains = [cells[c] for c in MAIN_COLUMNS if c in cells]
        if not mains or not all(part in cells for part in required):
            continue
        parts = [cells[p] for p in (*required, *optional) if p in cells]
        findings.append(_sum_finding("row_sum", mains[0], parts, disclosure, ""))
    return [f for f in findings if f]


# --- identities between totals ------------------------------------------------------------------


def _figures(statements: list[Statement]) -> dict[tuple, dict[str, list[Statement]]]:
    """(scope, reading, funding) -> metric -> its uncoded main statements."""
    groups: dict[tuple, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:
        if s.is_figure:
            source = "table" if s.kind else "narrative"
            groups[(s.fact.scope, s.reading, s.funding, source)][s.fact.metric].append(s)
    return groups


def _one(statements: list[Statement]) -> Statement | None:
    """The figure a metric has in a group, or None when the group states it twice, differently."""
    if not statements:
        return None
    first = min(statements, key=_priority)
    return None if any(_differs(first, s, rounding=False) for s in statements) else first


def _priority(statement: Statement) -> tuple:
    kind = statement.kind or ""
    return (TABLE_PRIORITY.index(kind) if kind in TABLE_PRIORITY else len(TABLE_PRIORITY), statement.fact.source.line)


def _identities(disclosure, statements) -> list[Finding]:
    findings = []
    for group in _figures(statements).values():
        for total_metric, required, optional in AUDIT_IDENTITIES:
            total = _one(group.get(total_metric, []))
            parts = [_one(group.get(m, [])) for m in required]
            if total is None or None in parts:
                continue
            parts += [p for p in (_one(group.get(m, [])) for m in optional) if p is not None]
            findings.append(_sum_finding("identity", total, parts, disclosure, ""))
    return [f for f in findings if f]


def _procurement(disclosure, statements) -> list[Finding]:
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
        findings.append(_sum_finding("procurement_sum", total, parts, disclosure, f"{len(parts)}个采购项目"))
    return [f for f in findings if f]


def _procurement_total(disclosure, statements, table, scope) -> Statement | None:
    for fact in disclosure.facts:
        if fact.table == table and fact.scope == scope and fact.metric == "政府采购" and not fact.item \
                and fact.value is not None:
            return Statement(fact, "政府采购", fact.metric, "合计", "政府采购", disclosure.document.doc_kind)
    stated = [s for s in statements if s.kind is None and s.fact.metric == "政府采购" and s.fact.scope == scope]
    return _one(stated)


# --- one figure, two values -----------------------------------------------------------------------


def _same_figure(disclosure, statements) -> list[Finding]:
    """A figure two tables state differently, or that the narrative states unlike every table."""
    groups = _figures(statements)
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


def _same_code(disclosure, statements) -> list[Finding]:
    """One 功能分类 code in two spending tables, in columns of one meaning and one funding (both
    决算, both 部门). A table of all funds is one funding's when its 合计 is all that funding's."""
    funding_of = _sole_funding(statements)
    groups: dict[tuple, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:
        meaning = _column_meaning(s)
        if s.kind in CODE_SPENDING_KINDS and s.fact.code and s.fact.code.startswith("2") and meaning \
                and s.row == s.fact.metric and not s.blank:
            funding = funding_of.get((s.fact.scope, s.reading, s.funding), s.funding)
            groups[(s.fact.scope, s.reading, funding, s.fact.code, meaning)][s.fact.table or ""].append(s)
    findings = []
    for per_table in groups.values():
        firsts = [_one(group) for group in per_table.values()]
        if len(firsts) < 2 or None in firsts:
            continue
        firsts.sort(key=_priority)
        findings.extend(_mismatch(disclosure, firsts[0], other) for other in firsts[1:] if _differs(firsts[0], other))
    return findings


def _sole_funding(statements) -> dict[tuple, str]:
    """(scope, reading, 全部) -> the one funding whose spending total equals the total of all funds:
    then no other funding spends anything, and each row of all funds is that funding's row."""
    totals: dict[tuple, set[Decimal]] = defaultdict(set)
    for s in statements:
        if s.kind in CODE_SPENDING_KINDS and not s.fact.code and s.row == TOTAL_ROW_METRIC.get(s.kind or "") \
                and _column_meaning(s) == "合计" and not s.blank:
            totals[(s.fact.scope, s.reading, s.funding)].add(_in(s, "元"))
    sole = {}
    for (scope, reading, funding), values in totals.items():
        whole = totals.get((scope, reading, "全部"))
        if funding != "全部" and whole and len(whole) == 1 and values == whole and next(iter(values)) > 0:
            sole[(scope, reading, "全部")] = funding
    return sole


def _column_meaning(statement: Statement) -> str | None:
    """What a column of a spending table holds: all of the row (合计, or one funding's column
    of a 财政拨款 table), or its 基本支出 or 项目支出 part."""
    column = statement.column
    if column in MAIN_COLUMNS or column in FUNDING_COLUMNS:
        return "合计"
    return column if column in CODE_PART_COLUMNS else None


def _across_tables(disclosure, stated: list[Statement]) -> list[Finding | None]:
    """One table against another: each table must state the figure once, unambiguously."""
    per_table: dict[str, list[Statement]] = defaultdict(list)
    for s in stated:
        if not s.blank and s.fact.metric in COMPARABLE_METRICS:
            per_table[s.fact.table or ""].append(s)
    firsts = [_one(group) for group in per_table.values()]
    if None in firsts or len(firsts) < 2:
        return []
    firsts.sort(key=_priority)
    return [_mismatch(disclosure, firsts[0], other) for other in firsts[1:] if _differs(firsts[0], other)]


def _against_tables(disclosure, narrative: Statement, candidates: list[Statement]) -> list[Finding | None]:
    """A narrative figure that no table's statement of it bears out (尾差 when one is off by rounding)."""
    if not candidates or any(not _differs(narrative, c) for c in candidates):
        return []
    near = [c for c in candidates if not _differs(narrative, c, rounding=False)]
    return [_mismatch(disclosure, min(near or candidates, key=_priority), narrative)]


def _mismatch(disclosure, first: Statement, other: Statement) -> Finding:
    unit = first.fact.unit
    difference = _in(other, unit) - first.value
    name = f"{first.fact.code} {first.fact.metric}" if first.fact.code else first.fact.metric
    if other.fact.metric != first.fact.metric:  # a narrative total read off a table's 总计 row
        name = f"{other.fact.metric}（表中{first.fact.metric}）"
    text = (f"{name}在{_place(first.fact)}为{_amount(first.value, unit)}，在{_place(other.fact)}"
            f"却为{_amount(other.value, other.fact.unit)}，相差{_amount(abs(difference), unit)}。")
    severity = _severity(difference, first.fact, [other.fact], unit) or "error"
    return _finding("same_figure", severity, disclosure, [first.fact, other.fact], text, expected=first.value,
                    stated=_in(other, unit), difference=difference, unit=unit)


# --- percentages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ratio:
    """A percentage's reading: numerator over denominator, from these facts."""

    numerator: Decimal
    denominator: Decimal
    slack: Decimal  # the rounding of the printed operands, carried into the ratio (percentage points)
    facts: tuple[Fact, ...]
    words: str

    @property
    def percent(self) -> Decimal:
        return self.numerator / self.denominator * 100


def _rates(disclosure, statements) -> list[Finding]:
    """A percentage the narrative states against the figures of its paragraph it is computed from:
    完成预算比例 = 决算 / 预算, 较上年增减率 = 增减 / (本年 − 增减), 占比 = 部分 / 整体."""
    findings = []
    for paragraph in _paragraphs(disclosure):
        for n, rate in enumerate(paragraph):
            basis = rate.basis or ""
            if rate.unit != "%" or not basis.startswith(tuple(RATE_READINGS)):
                continue
            money = [f for f in paragraph[:n] if f.unit in TO_YUAN and f.value is not None and f.scope == rate.scope]
            before = [f for f in money if (f.metric, f.code) == (rate.metric, rate.code)]
            reading = next(b for b in RATE_READINGS if basis.startswith(b))
            ratios = _share_ratios(before, money) if reading == BASIS_SHARE else RATE_READINGS[reading](before)
            findings.append(_rate_finding(disclosure, rate, ratios))
    return [f for f in findings if f]


def _paragraphs(disclosure) -> list[list[Fact]]:
    """The narrative's facts, paragraph by paragraph (a paragraph runs to the next passage's line)."""
    starts = sorted({p.line for p in disclosure.passages})
    groups: dict[int, list[Fact]] = defaultdict(list)
    for fact in disclosure.facts:
        if fact.table == "正文" and fact.value is not None and starts:
            groups[bisect_right(starts, fact.source.line)].append(fact)
    return list(groups.values())


def _half(fact: Fact) -> Decimal:
    return _convert(_printed_digit(fact), fact.unit, "元") / 2


def _yuan(fact: Fact) -> Decimal:
    return _convert(fact.value, fact.unit, "元")


def _ratio(numerator: Fact, denominator: Decimal, half_denominator: Decimal, facts, words: str) -> _Ratio | None:
    if denominator == 0:
        return None  # nothing to compare with (a new item: 100% by convention)
    value = _yuan(numerator)
    slack = 100 * (_half(numerator) / abs(denominator) + abs(value) * half_denominator / denominator ** 2)
    return _Ratio(value, denominator, slack, tuple(facts), words)


def _execution_ratios(before: list[Fact]) -> list[_Ratio]:
    """决算 over each budget the paragraph names for the item (年初预算, 全年预算)."""
    actuals = [f for f in before if f.basis == BASIS_ACTUAL]
    if not actuals:
        return []
    actual = actuals[-1]
    ratios = [_ratio(actual, _yuan(b), _half(b), (actual, b), f"决算{_figure(actual)}与预算{_figure(b)}")
              for b in before if (b.basis or "").startswith(BASIS_BUDGET)]
    return [r for r in ratios if r]


def _change_ratios(before: list[Fact]) -> list[_Ratio]:
    """The change over last year's figure (this year's less the change)."""
    changes = [f for f in before if f.basis == BASIS_CHANGE]
    currents = [f for f in before if f.basis in (BASIS_ACTUAL, BASIS_BUDGET)]
    if not changes or not currents:
        return []
    change, current = changes[-1], currents[-1]
    previous = _yuan(current) - _yuan(change)
    ratio = _ratio(change, previous, _half(current) + _half(change), (current, change),
                   f"本年{_figure(current)}与增减{_figure(change)}")
    return [ratio] if ratio else []


def _figure(fact: Fact) -> str:
    return _amount(fact.value, fact.unit)


def _share_ratios(before: list[Fact], money: list[Fact]) -> list[_Ratio]:
    """The part over each larger figure stated before it in the paragraph: the sentence names its
    whole there (支出合计…，其中：基本支出…，占…), and any one bearing the share out will do."""
    if not before:
        return []
    part = before[-1]
    wholes = [w for w in money[:money.index(part)] if abs(_yuan(w)) >= abs(_yuan(part)) and w.basis == part.basis]
    ratios = [_ratio(part, _yuan(w), _half(w), (part, w), f"{_figure(part)}与{w.metric}{_figure(w)}") for w in wholes]
    return [r for r in ratios if r]


RATE_READINGS = {BASIS_EXECUTION: _execution_ratios, BASIS_CHANGE_RATE: _change_ratios, BASIS_SHARE: _share_ratios}


def _rate_severity(rate: Fact, ratio: _Ratio) -> Severity | None:
    digit = _printed_digit(rate)
    off = abs(abs(ratio.percent) - abs(rate.value))
    if off <= digit / 2 + ratio.slack:
        return None
    return "rounding" if off <= digit + ratio.slack else "error"


def _rate_finding(disclosure, rate: Fact, ratios: list[_Ratio]) -> Finding | None:
    """The rate against each reading of its operands; a finding only when none bears it out."""
    graded = [(_rate_severity(rate, r), r) for r in ratios]
    if not graded or any(severity is None for severity, _ in graded):
        return None
    severity, ratio = min(graded, key=lambda g: g[0] != "rounding")
    computed = ratio.percent.quantize(Decimal("0.01"))
    text = (f"正文第{rate.source.line}行{rate.metric}{rate.basis}为{rate.text or rate.value}%，"
            f"而按{ratio.words}算得{computed}%。")
    return _finding("rate", severity, disclosure, [rate, *ratio.facts], text, expected=computed, stated=rate.value,
                    difference=rate.value - computed, unit="%")


# --- a narrative list and its stated total -----------------------------------------------------------


def _list_sums(disclosure, statements) -> list[Finding]:
    """"…经费X万元，主要包括：A费a万元、B费b万元…": the items against X, however the paragraph wraps.
    A list opened by 其中 may leave items out, so there only items adding to more than X are a finding."""
    findings = []
    for passage, facts in _paragraph_texts(disclosure):
        text = fold(passage.text)
        for head in LIST_HEAD_RE.finditer(text):
            found = _facts_in_order(facts, [head.group("total"), *_list_items(text, head.end())])
            if found is None or len(found) < 3:
                continue  # a figure the parser did not read as a fact: its line is unknown
            total, *parts = found
            finding = _sum_finding("list_sum", _said(total, disclosure), [_said(p, disclosure) for p in parts],
                                   disclosure, f"其后列举的{len(parts)}项")
            if finding and not (head.group("marker") == "其中" and finding.difference > 0):
                findings.append(finding)
    return findings


def _paragraph_texts(disclosure) -> Iterator[tuple]:
    """Each passage with the narrative facts read from its lines."""
    passages = sorted(disclosure.passages, key=lambda p: p.line)
    narrative = sorted((f for f in disclosure.facts if f.table == "正文" and f.value is not None),
                       key=lambda f: f.source.line)
    for n, passage in enumerate(passages):
        end = passages[n + 1].line if n + 1 < len(passages) else 10 ** 9
        yield passage, [f for f in narrative if passage.line <= f.source.line < end]


def _list_items(text: str, start: int) -> list[str]:
    """The amounts of the items after a list's head, up to the first clause that is no item."""
    values, pieces = [], LIST_SEPARATOR_RE.split(text[start:])
    for segment, separator in zip(pieces[::2], pieces[1::2] + [""]):
        item = LIST_ITEM_RE.fullmatch(segment.strip())
        if item is None or NOT_AN_ITEM_RE.search(item.group("name")):
            break
        values.append(item.group("value"))
        if separator == "。":
            break
    return values


def _facts_in_order(facts: list[Fact], printed: list[str]) -> list[Fact] | None:
    """The paragraph's money facts printed as `printed`, one after another, or None."""
    found, start = [], 0
    for value in printed:
        wanted = value.replace(",", "")
        index = next((n for n in range(start, len(facts)) if facts[n].unit in TO_YUAN
                      and fold(facts[n].text or "").replace(",", "") == wanted), None)
        if index is None:
            return None
        found.append(facts[index])
        start = index + 1
    return found


def _said(fact: Fact, disclosure) -> Statement:
    return Statement(fact, None, fact.metric, "正文", "any", disclosure.document.doc_kind)


# --- the document against itself --------------------------------------------------------------------


def _heading_years(disclosure) -> list[Finding]:
    """A standard table's title or a 情况说明 heading naming another year than the document's own."""
    year, findings = disclosure.document.year, []
    for passage, heading in _headings(disclosure):
        stated = sorted({int(y) for y in HEADING_YEAR_RE.findall(heading)})
        if stated and year not in stated:
            text = (f"第{passage.line}行标题“{heading}”写作{'、'.join(map(str, stated))}年，"
                    f"而本文件是{year}年度{disclosure.document.doc_kind}。")
            source = Source(doc=passage.doc, line=passage.line, quote=passage.text[:120])
            findings.append(_finding("heading_year", "warning", disclosure, [], text, sources=[source]))
    return findings


def _headings(disclosure) -> Iterator[tuple]:
    """Passages that are a standard table's title, or open with a 情况说明 heading."""
    for passage in disclosure.passages:
        title = _short_title(passage.text)
        if len(title) <= HEADING_LENGTH and table_kind(title):
            yield passage, title
            continue
        found = REPORT_HEADING_RE.match(passage.text)
        if found:
            yield passage, found.group(0)


# --- names ----------------------------------------------------------------------------------------


def _code_names(disclosure) -> list[Finding]:
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
        shown = "，".join(f"{_place(f)}作“{f.metric}”" for f in facts)
        text = f"科目编码{code}有{len(facts)}个名称：{shown}。"
        findings.append(_finding("code_name", "warning", disclosure, facts, text))
    return findings


def _org_names(disclosure) -> list[Finding]:
    """The org's own name printed wrong (江北区科学技术协会 in the 江汉区 document)."""
    org, findings = disclosure.document.org, []
    for misprint in disclosure.aliases[1:]:
        pattern = re.compile(re.escape(misprint) + r"(?:科学技术协会|科协)")
        sources = [Source(doc=p.doc, line=p.line, quote=p.text[:120]) for p in disclosure.passages
                   if pattern.search(p.text)]
        if not sources:
            continue
        lines = "、".join(str(s.line) for s in sources)
        text = f"单位名称误印为“{misprint}”（第{lines}行），应为“{org}”。"
        findings.append(_finding("org_name", "warning", disclosure, [], text, sources=sources))
    return sorted(findings, key=lambda f: f.sources[0].line)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, result = set(), []
    for finding in findings:
        key = (finding.kind in ("code_name", "org_name") and finding.text,
               frozenset((f.source.line, f.metric, f.value) for f in finding.facts))
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


# --- answers --------------------------------------------------------------------------------------


def by_source(findings: list[Finding]) -> dict[tuple[str, int], list[Finding]]:
    """Findings by the (doc, line) of each figure they involve: an answer looks up only its own."""
    index: dict[tuple[str, int], list[Finding]] = {}
    for finding in findings:
        for fact in finding.facts:
            index.setdefault((fact.source.doc, fact.source.line), []).append(finding)
    return index


def findings_about(facts: Sequence[Fact], index: dict[tuple[str, int], list[Finding]]) -> list[Finding]:
    """The findings that involve one of the figures an answer leads with (its first three)."""
    found = [f for fact in facts[:3] for f in index.get((fact.source.doc, fact.source.line), ())]
    return list({id(f): f for f in found}.values())
