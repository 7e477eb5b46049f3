"""Item tables -> facts: the lines of a 政府采购 table and the projects of a 明细 table.

These tables list things (a printer, a project) rather than budget classes, so each line
becomes a fact whose `item` names the thing. A procurement line is found by its 政府采购
目录序号 (A0201060102, C0811), which survives every layout; a 明细 line by the columns its
header names. Lines that are 基本支出 spelled out (人员支出…_基本工资) are not projects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from ..lexicon import BASIS_PROCUREMENT_PROJECT, TOTAL_NAMES
from ..lexicon import (PROCUREMENT_AMOUNT_LABELS, PROCUREMENT_FLAG_LABELS, PROCUREMENT_NAME_LABELS,
                       PROJECT_AMOUNT_LABELS, PROJECT_NAME_LABELS)
from ..text import fold, parse_amount
from ..vocabulary import is_metric
from .regions import Region

CATALOG_ITEM_RE = re.compile(
    r"(?P<name>[^\s\d.][^\s]*?)\s*(?P<code>[A-C]\d{4,})\s*(?P<unit>[^\s\d.]{1,3})\s+"
    r"(?P<quantity>\d*\.?\d+)\s+(?P<price>\d*\.?\d+)\s+(?P<amount>\d*\.?\d+)"
)
PROCUREMENT_TOTAL_RE = re.compile(r"合[\s\u3000]*计\s+(?P<amount>\d[\d,]*\.?\d*)")
# The 政府采购项目来源 cells before a line's 品目: the project it buys for and that project's budget
# ("科协物业管理费 15.00 建筑物清洁服务 C0811 …"); a project name may open with its year.
PROJECT_SOURCE_RE = re.compile(r"(?P<project>(?:(?:19|20)\d{2}\s*年\s*)?[^\s\d.,][^\d]*?)\s+"
                               r"(?P<budget>\d[\d,]*(?:\.\d+)?)\s*$")
BASIC_LINE_RE = re.compile(r"^(?:人员支出|日常公用支出|公用支出|对个人和家庭(?:的)?补助|基本支出)|_")
BASIS_PROCUREMENT = "采购金额"
BASIS_PROCUREMENT_TOTAL = "合计"
BASIS_PROJECT = "项目预算金额"
BASIS_PROJECT_TOTAL = "项目合计"


@dataclass
class ItemFact:
    metric: str
    item: str | None
    value: object  # Decimal
    basis: str
    line: int
    quote: str
    text: str


def read_items(region: Region) -> list[ItemFact]:
    """Every line of a 政府采购 or 明细 table, each with the thing it buys or funds."""
    if region.kind == "政府采购":
        return _procurement(region.lines)
    if region.kind == "明细":
        return _projects(region.lines)
    return []


# --- 政府采购: anchored on the catalog number -------------------------------------------


def _stream(lines: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """The table as one string, cells apart and wrapped cell text joined, with each char's line.

    PDF text ends a cell with a space and wraps inside a cell without one; a flattened
    Word table puts each cell on a line of its own after a tab.
    """
    text, owners = "", []
    for number, raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        piece = line.strip()
        wrapped = text and not text.endswith(" ") and not line.startswith("\t")
        if text and not wrapped:
            text += " "
            owners.append(number)
        text += piece
        owners.extend([number] * len(piece))
        if line.endswith((" ", "\u3000")) or line.startswith("\t"):
            text += " "
            owners.append(number)
    return text, owners


def _quote(lines: list[tuple[int, str]], first: int, last: int) -> str:
    return " ".join(line.strip() for number, line in lines if first <= number <= last and line.strip())


def _procurement(lines: list[tuple[int, str]]) -> list[ItemFact]:
    text, owners = _stream(lines)
    facts = []
    total = PROCUREMENT_TOTAL_RE.search(text)
    if total:
        line = owners[total.start()]
        facts.append(ItemFact("政府采购", None, parse_amount(total.group("amount")), BASIS_PROCUREMENT_TOTAL,
                              line, _quote(lines, line, owners[total.end() - 1]), total.group("amount")))
    before, projects = 0, set()
    for match in CATALOG_ITEM_RE.finditer(text):
        amount = parse_amount(match.group("amount"))
        if amount is None:
            continue
        project = _project(text, owners, lines, before, match.start("name"))
        before = match.end()
        if project is not None and (project.item, project.value) not in projects and project.item != match.group("name"):
            projects.add((project.item, project.value))
            facts.append(project)
        first, last = owners[match.start("name")], owners[match.end("amount") - 1]
        facts.append(ItemFact("政府采购", match.group("name"), amount, BASIS_PROCUREMENT, first,
                              _quote(lines, first, last), match.group("amount")))
    if not any(fact.item for fact in facts):  # no catalog numbers: the columns the header names
        facts += _listed(lines, "政府采购", PROCUREMENT_NAME_LABELS, PROCUREMENT_AMOUNT_LABELS, BASIS_PROCUREMENT)
    return facts


def _listed(lines: list[tuple[int, str]], metric: str, names: tuple[str, ...], amounts: tuple[str, ...],
            basis: str) -> list[ItemFact]:
    """The lines of a tab-separated list under a header naming its name and amount columns; its 合计
    row is said already (the table's total)."""
    _, rows = _priced_rows(lines, names, amounts)
    return [ItemFact(metric, row.name, row.amount, basis, row.line, row.quote, row.written) for row in rows
            if fold(row.name) not in TOTAL_NAMES and not is_metric(row.name)]


def _project(text: str, owners: list[int], lines: list[tuple[int, str]], start: int, end: int) -> ItemFact | None:
    """The project a purchase line is for, with its budget, as the cells before the 品目 name it."""
    match = PROJECT_SOURCE_RE.search(text[start:end])
    if match is None:
        return None
    name = re.sub(r"\s+", "", match.group("project"))
    budget = parse_amount(match.group("budget"))
    if budget is None or any(word in name for word in (*TOTAL_NAMES, "小计")) or is_metric(name):
        return None  # a subtotal, or a kind of money (日常公用经费) rather than a project
    first, last = owners[start + match.start("project")], owners[start + match.end("budget") - 1]
    return ItemFact("政府采购", name, budget, BASIS_PROCUREMENT_PROJECT, first, _quote(lines, first, last),
                    match.group("budget"))


# --- 明细: the columns the header names -------------------------------------------------


def _rows(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Rows as lists of (line, cell): a tab-separated line, or a block of one-cell lines."""
    if sum(1 for _, line in lines if "\t" in line.strip("\t")) > len(lines) * 0.3:
        return [[(n, c.strip()) for c in line.split("\t")] for n, line in lines if line.strip()]
    rows: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if not line.strip() and "\t" not in line:
            rows.append([])
        elif line.startswith("\t"):
            rows[-1].append((number, line.strip()))
    return [row for row in rows if row]


def _under_header(lines: list[tuple[int, str]], names: tuple[str, ...]) -> tuple[list[str], list[list[tuple[int, str]]]]:
    """A list's header (the row naming its name column, by one of `names`) and the full rows under
    it; no header, no rows."""
    rows = _rows(lines)
    header = next((row for row in rows if any(fold(c) in names for _, c in row)), None)
    if header is None:
        return [], []
    labels = [cell for _, cell in header]
    return labels, [row for row in rows[rows.index(header) + 1:] if len(row) == len(labels)]


def _column(header: list[str], labels: tuple[str, ...]) -> int | None:
    for label in labels:
        for i, cell in enumerate(header):
            if fold(cell) == label:
                return i
    return None


def _projects(lines: list[tuple[int, str]]) -> list[ItemFact]:
    labels, rows = _priced_rows(lines, PROJECT_NAME_LABELS, PROJECT_AMOUNT_LABELS)
    flag_at = _column(labels, PROCUREMENT_FLAG_LABELS)
    facts = []
    for row in rows:
        name, amount, line, quote, written = row.name, row.amount, row.line, row.quote, row.written
        if BASIC_LINE_RE.search(name):
            continue
        if fold(name) in TOTAL_NAMES:  # the projects' total, no project of its own
            facts.append(ItemFact("项目支出", None, amount, BASIS_PROJECT_TOTAL, line, quote, written))
            continue
        facts.append(ItemFact("项目支出", name, amount, BASIS_PROJECT, line, quote, written))
        if flag_at is not None and row.cells[flag_at][1] == "是":
            facts.append(ItemFact("政府采购", name, amount, BASIS_PROCUREMENT, line, quote, written))
    return facts


class _PricedRow(NamedTuple):
    name: str
    amount: Decimal
    written: str  # the amount as printed
    line: int
    quote: str
    cells: list[tuple[int, str]]


def _priced_rows(lines: list[tuple[int, str]], names: tuple[str, ...],
                 amounts: tuple[str, ...]) -> tuple[list[str], list[_PricedRow]]:
    """A list's header labels and each row under it that has a name and an amount (none when the
    header names no such columns)."""
    labels, body = _under_header(lines, names)
    name_at, amount_at = _column(labels, names), _column(labels, amounts)
    if name_at is None or amount_at is None:
        return labels, []
    rows = []
    for row in body:
        name, written = row[name_at][1], row[amount_at][1]
        amount = parse_amount(written)
        if name and amount is not None:
            rows.append(_PricedRow(name, amount, written, row[0][0], " ".join(c for _, c in row if c), row))
    return labels, rows
