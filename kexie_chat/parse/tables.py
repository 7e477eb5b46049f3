"""Standard budget tables -> facts, whatever the layout the text extraction left them in.

Three layouts are read into the same thing, rows of labelled cells:
- tab:   one row a line, cells separated by tabs (a Word or Excel export);
- cells: one cell a line, rows separated by blank lines (flattened Word tables);
- space: PDF text, cells separated by single spaces, a blank cell as an extra space,
         cell text wrapped onto following lines, page headers repeated mid-table.
One interpreter then turns (code, name, label, cell) into facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import (
    BASIS_STATED_NONE,
    COLUMN_LABELS,
    GROUP_LABELS,
    NAME_LABELS,
    TOTAL_ROW_METRIC,
)
from ..text import fold, is_blank_cell, parse_amount
from .regions import Region
from ..vocabulary import canonical_metric, is_metric, quantity_unit

CODE_RE = re.compile(r"^\d{3,7}$")
ROW_NUMBER_RE = re.compile(r"^\s*(\d{1,3})(?:\s|$)")
PAGE_HEADER_RE = re.compile(r"预算年度|决算年度|单位[:：]|^\s*序号|^\s*栏次")
TOTAL_NAMES = ("合计", "总计")
LABEL_ONLY_CELLS = {"类", "款", "项", "栏", "次", "栏次", "行次", "项目", "目", "序号"}
RIGHT_SIDE_RE = re.compile(r"支出|年末|年终|结转下年")
EMPTY_TABLE_RE = re.compile(r"(?:本单位|本部门|我部门)?无.{0,30}?(?:支出|收支|预算|拨款)|空表列示|此表为空|故此表为空")
EMPTY_TABLE_METRIC = {
    "三公": "三公经费",
    "政府性基金": "政府性基金预算财政拨款支出",
    "国有资本经营": "国有资本经营预算财政拨款支出",
}
# Columns that say where money comes from (资金性质), not what it is spent on.
FUNDING_LABELS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
                  "政府性基金预算拨款")
TWO_SIDED = ("收支总表", "财政拨款收支")
SKIPPED_KINDS = ("明细", "政府采购")
_LABELS = sorted(set(COLUMN_LABELS) | set(NAME_LABELS), key=len, reverse=True)


@dataclass
class Cell:
    text: str
    line: int
    row: str = ""  # the whole row as written, when it spans several lines


@dataclass
class Segment:
    """One row name of a table row with its code and labelled cells (a row has one or two)."""

    name: str
    code: str | None
    cells: list[tuple[str, Cell]] = field(default_factory=list)
    side: int = 0


@dataclass
class TableFact:
    metric: str
    code: str | None
    value: object  # Decimal | None
    unit: str
    basis: str
    line: int
    quote: str
    text: str


def read_table(region: Region, unit: str, doc_kind: str) -> list[TableFact]:
    """Every figure of one standard table, each with its row's line and quote."""
    if region.kind in SKIPPED_KINDS:
        return []
    lines = region.lines
    unit = table_unit(lines, unit)
    facts = _empty_statement(region, doc_kind)
    quotes = dict(lines)
    by_column = _columns_as_rows(lines)
    if by_column:
        lines, quotes = by_column
    layout = _layout(lines)
    reader = {"tab": _tab_rows, "cells": _cell_rows, "space": _space_rows}[layout]
    for segments in reader(lines, region.kind):
        for segment in segments:
            facts.extend(_segment_facts(segment, region.kind, unit, quotes))
    return facts


def table_unit(lines: list[tuple[int, str]], unit: str) -> str:
    for _, line in lines[:12]:
        match = re.search(r"单位[:：]\s*(万元|元)", line)
        if match:
            return match.group(1)
    return unit


def _empty_statement(region: Region, doc_kind: str) -> list[TableFact]:
    metric = EMPTY_TABLE_METRIC.get(region.kind or "")
    if not metric:
        return []
    for number, line in region.lines:
        if "\t" not in line.strip("\t") and EMPTY_TABLE_RE.search(line):
            basis = f"{'决算数' if doc_kind == '决算' else '预算数'}（{BASIS_STATED_NONE}）"
            return [TableFact(metric, None, parse_amount("0"), "万元", basis, number, line.strip(), "无")]
    return []


def _layout(lines: list[tuple[int, str]]) -> str:
    content = [line for _, line in lines if line.strip()]
    if not content:
        return "space"
    cells = sum(1 for line in content if line.startswith("\t") and line.count("\t") == 1)
    tabs = sum(1 for line in content if "\t" in line.strip("\t"))
    if cells > len(content) * 0.5:
        return "cells"
    if tabs > len(content) * 0.3:
        return "tab"
    return "space"


def _columns_as_rows(lines: list[tuple[int, str]]):
    """A table printed column by column (the names, then 预算数 and its values) as tab rows.

    Each row takes the line of its value; its quote is the name and the value as written.
    """
    content = [(n, line.strip()) for n, line in lines if line.strip() and "\t" not in line.strip()]
    start = next((i for i, (_, line) in enumerate(content) if fold(line) in NAME_LABELS), None)
    if start is None:
        return None
    names = []
    for _, line in content[start + 1:]:
        if not _is_text(line) or _is_label(line):
            break
        names.append(line)
    columns: list[tuple[str, list[tuple[int, str]]]] = []
    rest = content[start + 1 + len(names):]
    while rest and _is_label(rest[0][1]) and len(rest) > len(names):
        values = rest[1:1 + len(names)]
        if not names or any(_is_text(v) for _, v in values):
            break
        columns.append((rest[0][1], values))
        rest = rest[1 + len(names):]
    if not columns:
        return None
    header = (content[start][0], "\t".join([content[start][1], *(label for label, _ in columns)]))
    rows, quotes = [header], {header[0]: header[1]}
    for i, name in enumerate(names):
        number = columns[0][1][i][0]
        cells = [name, *(values[i][1] for _, values in columns)]
        rows.append((number, "\t".join(cells)))
        quotes[number] = " ".join(cells)
    return rows, quotes


# --- header labels -------------------------------------------------------------------


def scan_labels(text: str) -> list[str]:
    """Column labels in a header's text, in reading order, longest match first."""
    folded = fold(text)
    found, i = [], 0
    while i < len(folded):
        for label in _LABELS:
            if folded.startswith(fold(label), i):
                found.append(label)
                i += len(fold(label))
                break
        else:
            i += 1
    return found


def value_labels(labels: list[str]) -> list[str]:
    """Labels of value columns only, with a spanning group header resolved.

    PDF text prints a group header (本年收入) and the header to its right (上年结转) before
    the group's own columns (小计, 财政拨款收入…): drop the group, move its neighbour last.
    """
    values = [label for label in labels if label not in NAME_LABELS and label != "行次"]
    for i, label in enumerate(values):
        later = values[i + 1:]
        subtotal = next((j for j, other in enumerate(later) if other in ("小计", "合计")), None)
        if subtotal is None or label in ("合计", "小计", "总计"):
            continue
        if label in GROUP_LABELS or label in ("基本支出",) and subtotal == 0:
            moved = later[:subtotal]
            return values[:i] + later[subtotal:] + moved
    return values


def _sides(labels: list[str], kind: str | None) -> list[list[str]]:
    """Value labels per side of the table: two sides for a 收入|支出 table, else one."""
    if kind not in TWO_SIDED:
        return [value_labels(labels)]
    sides: list[list[str]] = []
    for label in labels:
        if label in ("项目", "收入项目类别", "支出项目类别", "科目名称"):
            sides.append([])
        elif sides and label not in NAME_LABELS and label != "行次":
            sides[-1].append(label)
    sides = [side for side in sides if side]
    return sides or [value_labels(labels)]


# --- the three layouts ------------------------------------------------------------------


def _is_text(cell: str) -> bool:
    stripped = cell.strip()
    return bool(stripped) and parse_amount(stripped) is None and not is_blank_cell(stripped)


def _segments(cells: list[Cell], sides: list[list[str]]) -> list[Segment]:
    """Cells of a row -> named segments; values after a name fill that side's labels."""
    segments: list[Segment] = []
    pending_code: str | None = None
    raw: list[tuple[Segment, list[Cell]]] = []
    for i, cell in enumerate(cells):
        text = cell.text.strip()
        following = [c.text for c in cells[i + 1:] if c.text.strip()]
        if CODE_RE.match(text) and following and _is_text(following[0]):
            pending_code = text
        elif _is_text(text):
            raw.append((Segment(name=text, code=pending_code), []))
            pending_code = None
        elif raw:
            raw[-1][1].append(cell)
    for index, (segment, values) in enumerate(raw):
        side = _side_for(index, len(raw), segment.name, sides)
        segment.cells = list(zip(side, values))
        segment.side = sides.index(side) if side in sides else 0
        segments.append(segment)
    return segments


def _side_for(index: int, count: int, name: str, sides: list[list[str]]) -> list[str]:
    if len(sides) == 1:
        return sides[0]
    if count >= len(sides):
        return sides[min(index, len(sides) - 1)]
    return sides[-1] if RIGHT_SIDE_RE.search(fold(name)) else sides[0]


def _is_data(cells: list[str]) -> bool:
    if _is_numbering(cells):
        return False
    texts = [c.strip() for c in cells if _is_text(c)]
    amounts = [c for c in cells if parse_amount(c) is not None]
    return bool(amounts) and any(fold(t) not in LABEL_ONLY_CELLS and not _is_label(t) for t in texts)


def _is_label(text: str) -> bool:
    if fold(text) in TOTAL_NAMES:
        return False
    labels = scan_labels(text)
    return bool(labels) and len("".join(fold(x) for x in labels)) >= len(fold(text)) - 2


def _cell_rows(lines, kind):
    blocks: list[list[Cell]] = [[]]
    for number, line in lines:
        if line.strip() == "" and "\t" not in line:
            blocks.append([])
        else:
            blocks[-1].append(Cell(line.strip("\t").strip(), number))
    blocks = [b for b in blocks if b]
    header: list[str] = []
    started = False
    for block in blocks:
        if not started and not _is_data([c.text for c in block]):
            header.extend(c.text for c in block)
            continue
        started = True
        yield _segments(block, _sides(scan_labels(" ".join(header)), kind))


def _tab_rows(lines, kind):
    header: list[list[str]] = []
    positions: dict[int, str] | None = None
    for number, line in lines:
        cells = line.split("\t")
        if positions is None and not _is_data(cells):
            header.append(cells)
            continue
        if positions is None:
            positions = _tab_positions(header)
        if "\t" not in line.strip("\t"):
            continue
        yield _positional_segments(_merge_split_words([Cell(c, number) for c in cells]), positions)


def _tab_positions(header: list[list[str]]) -> dict[int, str]:
    """Column index -> label, from the 栏次 numbering row when there is one."""
    numbering = next((row for row in header if _is_numbering(row)), None)
    label_rows = [row for row in header if row is not numbering]
    if numbering:
        indexes = [i for i, c in enumerate(numbering) if re.fullmatch(r"\d{1,2}", c.strip())]
        labels = value_labels(scan_labels(" ".join(" ".join(r) for r in label_rows)))
        return dict(zip(indexes, labels))
    best: dict[int, str] = {}
    for row in label_rows:
        found = {i: scan_labels(c)[0] for i, c in enumerate(row)
                 if scan_labels(c) and scan_labels(c)[0] not in NAME_LABELS and scan_labels(c)[0] != "行次"}
        if len(found) >= len(best):
            best = found
    return best


def _is_numbering(row: list[str]) -> bool:
    digits = [c.strip() for c in row if re.fullmatch(r"\d{1,2}", c.strip())]
    return len(digits) >= 2 and digits[0] == "1"


def _merge_split_words(cells: list[Cell]) -> list[Cell]:
    """'总\t计' -> '总计' and a blank: a word a spreadsheet spread over two columns."""
    for i in range(len(cells) - 1):
        here, there = cells[i].text.strip(), cells[i + 1].text.strip()
        if len(here) == 1 and len(there) == 1 and _is_text(here) and _is_text(there):
            cells[i] = Cell(here + there, cells[i].line)
            cells[i + 1] = Cell("", cells[i].line)
    return cells


def _positional_segments(cells: list[Cell], positions: dict[int, str]) -> list[Segment]:
    """A tab row: each labelled position belongs to the nearest name cell on its left."""
    segments: dict[int, Segment] = {}
    for index, label in positions.items():
        if index >= len(cells):
            continue
        name_at = next((i for i in range(index - 1, -1, -1) if _is_text(cells[i].text)), None)
        if name_at is None:
            continue
        if name_at not in segments:
            code = next((cells[i].text.strip() for i in range(name_at - 1, -1, -1)
                         if CODE_RE.match(cells[i].text.strip())), None)
            code = code if code and not any(_is_text(c.text) for c in cells[:name_at]
                                            if c.text.strip() != code) else code
            segments[name_at] = Segment(name=cells[name_at].text.strip(), code=code)
        segments[name_at].cells.append((label, cells[index]))
    ordered = [segments[i] for i in sorted(segments)]
    for side, segment in enumerate(ordered):
        segment.side = side
    return ordered


def _space_rows(lines, kind):
    numbered = any(fold(line).startswith("序号") for _, line in lines[:12])
    has_numbering = any(fold(line).startswith("栏次") for _, line in lines)
    header_text: list[str] = []
    in_header = True
    row: list[tuple[int, str]] = []
    for number, line in lines:
        if PAGE_HEADER_RE.search(line) or (in_header and not _starts_row(line, numbered)):
            if row:
                yield _space_segments(row, header_text, kind, has_numbering)
                row = []
            if fold(line).startswith("栏次") or not has_numbering:
                in_header = not has_numbering and not _starts_row(line, numbered)
            else:
                in_header = True
            if not row and in_header:
                header_text.append(line)
            continue
        if not line.strip() or line.strip().startswith("注"):
            continue
        if _starts_row(line, numbered) or not numbered:
            if row:
                yield _space_segments(row, header_text, kind, has_numbering)
            row = [(number, line)]
        elif row:
            row.append((number, line))
    if row:
        yield _space_segments(row, header_text, kind, has_numbering)


def _starts_row(line: str, numbered: bool) -> bool:
    if not numbered:
        return bool(line.strip()) and parse_amount(line.split()[-1] if line.split() else "") is not None
    return bool(ROW_NUMBER_RE.match(line)) and not PAGE_HEADER_RE.search(line)


def _space_segments(row, header_text, kind, has_numbering) -> list[Segment]:
    first = row[0][1]
    match = ROW_NUMBER_RE.match(first) if has_numbering else None
    joined = first[match.end():] if match else first
    for _, piece in row[1:]:
        joined += piece.lstrip()
    tokens = joined.rstrip("\n").split(" ")
    if not has_numbering:
        tokens = [t for t in tokens if t]
        tokens = _rejoin_name(tokens)
    written = " ".join(piece.strip() for _, piece in row)
    cells = [Cell(t, row[0][0], written) for t in tokens]
    return _segments(cells, _sides(scan_labels(" ".join(header_text)), kind))


def _rejoin_name(tokens: list[str]) -> list[str]:
    """'3、单价在 20 万元以上的设备 —— 0' -> one name, then the values."""
    tail = len(tokens)
    while tail > 0 and not _is_text(tokens[tail - 1]):
        tail -= 1
    return ["".join(tokens[:tail])] + tokens[tail:] if tail else tokens


# --- interpretation ---------------------------------------------------------------------


def _segment_facts(segment: Segment, kind: str | None, unit: str, quotes) -> list[TableFact]:
    facts = []
    name = fold(segment.name)
    is_total = name in TOTAL_NAMES or name in ("合计", "总计")
    for label, cell in segment.cells:
        metric, basis = _metric_for(segment, label, kind, is_total)
        if not metric:
            continue
        text = cell.text.strip()
        if text in ("——", "—", "-") or text.startswith("—"):
            continue
        value = parse_amount(text)
        if value is None and not is_blank_cell(text):
            continue
        cell_unit = quantity_unit(segment.name) if label == "数量" else unit
        if value is None:
            value, basis, text = parse_amount("0"), f"{basis}（表内空白，记为0）", ""
        quote = cell.row or quotes.get(cell.line, "").strip()
        facts.append(TableFact(metric, segment.code, value, cell_unit, basis, cell.line, quote, text))
    return facts


def _metric_for(segment: Segment, label: str, kind: str | None, is_total: bool) -> tuple[str | None, str]:
    if is_total and kind in TWO_SIDED and fold(segment.name) == "总计":
        return ("收入总计", "支出总计")[min(segment.side, 1)], label
    if not is_total:
        return canonical_metric(segment.name, segment.code), label
    if label in ("合计", "小计", "金额", "预算数", "决算数", "本年度预算", "预算金额", "本年收入合计",
                 "本年支出合计", "收入预算金额", "支出预算金额"):
        return TOTAL_ROW_METRIC.get(kind or ""), label
    if label not in FUNDING_LABELS and (is_metric(label) or re.search(r"(支出|收入|经费|结转)$", label)):
        return canonical_metric(label, None), f"{TOTAL_ROW_METRIC.get(kind or '', '合计')}行"
    return TOTAL_ROW_METRIC.get(kind or ""), label
