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
    ACTUAL_COLUMNS,
    BASIS_ACTUAL,
    BASIS_BUDGET,
    BASIS_STATED_NONE,
    BUDGET_COLUMNS,
    CARRY_OVER_METRICS,
    CODE_LEVEL_LABELS,
    COLUMN_LABELS,
    EMPTY_TABLE_METRIC,
    FUNDING_COLUMNS,
    GROUP_LABELS,
    ITEM_TABLES,
    LABEL_ONLY_CELLS,
    MAIN_COLUMNS,
    METRIC_PARTS,
    NAME_LABELS,
    TOTAL_NAMES,
    TOTAL_ROW_METRIC,
    TOTAL_ROW_METRICS,
    TOTAL_WITH_CARRY_OVER,
    TWO_SIDED,
)
from ..text import fold, is_blank_cell, parse_amount
from ..vocabulary import canonical_metric, is_metric, quantity_unit, strip_ordinal, synonym_table
from .header import Column, columns
from .regions import TABLE_NUMBER_RE, Region

CODE_RE = re.compile(r"^\d{3,7}$")
ROW_NUMBER_RE = re.compile(r"^\s*(\d{1,3})(?:\s|$)")
PAGE_HEADER_RE = re.compile(r"预算年度|决算年度|单位[:：]|^\s*序号|^\s*栏次")
RIGHT_SIDE_RE = re.compile(r"支出|年末|年终|结转下年")
EMPTY_TABLE_RE = re.compile(r"(?:本单位|本部门|我部门)?无.{0,30}?(?:支出|收支|预算|拨款)|空表列示|此表为空|故此表为空")
# A classification code as one cell (2010601), or split over 类/款/项 cells (201 | 06 | 01).
CODE_PART_RE = re.compile(r"^\d{2,7}$")
LEVEL_PART_RE = re.compile(r"^\d{2}$")
SPACED_CODE_RE = re.compile(r"^(\d{3})(?: (\d{2}))(?: (\d{2}))?$")
MONEY_CELL_RE = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d+$|^-?\d+\.\d+$|^-?\d{1,3}(?:,\d{3})+$")
UNIT_LINE_RE = re.compile(r"单位[:：]\s*(万元|元)")
UNIT_CLAUSE_RE = re.compile(r"(?:金额)?单位[:：]\s*(?:万元|元)")
# A name column headed 单位名称 lists bodies (a department's units), not figures.
BODY_HEADER_RE = re.compile(r"^(?:预算)?单位(?:名称)?$")
LIST_NUMBER_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、])")
_LABELS = sorted(set(COLUMN_LABELS) | set(NAME_LABELS), key=len, reverse=True)
_LABEL_OF: dict[str, str] = {}
for _label in _LABELS:
    _LABEL_OF.setdefault(fold(_label), _label)
_LABEL_RE = re.compile("|".join(map(re.escape, _LABEL_OF)))


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
    paths: list[list[str]] = field(default_factory=list)  # each cell's header path, when known
    part_of: str | None = None  # a fund's share of the carry-over row above it (年初结转和结余)
    body: bool = False  # the row names a body (under 单位名称), not a figure


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
    if region.kind in ITEM_TABLES:
        return []
    lines = region.lines
    unit = table_unit(lines, unit)
    facts = _empty_statement(region, doc_kind, unit)
    quotes = dict(lines)
    by_column = _columns_as_rows(lines)
    if by_column:
        lines, quotes = by_column
    layout = _layout(lines)
    reader = {"tab": _tab_rows, "cells": _cell_rows, "space": _space_rows}[layout]
    carried: dict[int, str] = {}
    rows = [segment for segments in reader(lines, region.kind) for segment in segments]
    for segment in _without_body_rows(rows):
        _mark_carry_over_part(segment, carried)
        facts.extend(_segment_facts(segment, region.kind, unit, quotes))
    return facts


def _without_body_rows(segments: list[Segment]) -> list[Segment]:
    """A table that lists bodies (单位名称 | 合计 | 因公出国…) states the whole in its 合计 row; a body's
    own row is one unit's share. A lone body row with no 合计 is the whole, read by its columns."""
    bodies = [s for s in segments if s.body and fold(s.name) not in TOTAL_NAMES]
    if not bodies:
        return segments
    if len(bodies) == 1 and not any(fold(s.name) in TOTAL_NAMES for s in segments):
        bodies[0].name = ""
        return segments
    return [s for s in segments if s not in bodies]


def _mark_carry_over_part(segment: Segment, carried: dict[int, str]) -> None:
    """Rows naming a fund under a carry-over row are that carry-over's parts, not income.

    决算 总表 list "年初财政拨款结转和结余 21.63" and under it "一、一般公共预算财政拨款 21.63": the
    second is the 一般公共预算 share of the carry-over, never 一般公共预算拨款收入. `carried` keeps,
    per side of the table, the carry-over row the rows below it belong to.
    """
    metric = canonical_metric(segment.name, segment.code)
    if metric in CARRY_OVER_METRICS:
        carried[segment.side] = metric
    elif segment.side in carried and _fund_of(segment.name):
        segment.part_of = carried[segment.side]
    else:
        carried.pop(segment.side, None)


def _fund_of(name: str) -> str | None:
    """The fund a row names (一、一般公共预算财政拨款, （一）一般公共预算拨款 -> 一般公共预算财政拨款), else None."""
    bare = strip_ordinal(name)
    for written in (bare.replace("预算拨款", "预算财政拨款"), bare):  # one basis, however the row spells it
        if written in FUNDING_COLUMNS:
            return written
    return None


def table_unit(lines: list[tuple[int, str]], unit: str) -> str:
    """The table's own 单位 line (each table of a document may state its own), else the document's."""
    for _, line in lines[:12]:
        match = UNIT_LINE_RE.search(line)
        if match:
            return match.group(1)
    return unit


def _empty_statement(region: Region, doc_kind: str, unit: str) -> list[TableFact]:
    metric = EMPTY_TABLE_METRIC.get(region.kind or "")
    if not metric or _holds_amounts(region.lines):
        return []  # a filled table says what it holds, whatever its note says
    for number, line in region.lines:
        if "\t" not in line.strip("\t") and EMPTY_TABLE_RE.search(line):
            basis = f"{'决算数' if doc_kind == '决算' else '预算数'}（{BASIS_STATED_NONE}）"
            return [TableFact(metric, None, parse_amount("0"), unit, basis, number, line.strip(), "无")]
    return []


def _holds_amounts(lines: list[tuple[int, str]]) -> bool:
    """Any nonzero amount written as money (1.00, 1,234): 栏次 and 行次 numbers are not."""
    for _, line in lines:
        cells = line.split("\t") if "\t" in line.strip("\t") else line.split()
        if any(MONEY_CELL_RE.match(cell.strip()) and parse_amount(cell) for cell in cells):
            return True
    return False


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
    """Column labels in a header's text, in reading order, longest match first.

    A name label printed as a word of its own ("项目 支出预算") is that label, not the start of
    a longer one (项目支出)."""
    found: list[str] = []
    run: list[str] = []
    for word in text.split():
        if fold(word) in NAME_LABELS:
            found += _scan(" ".join(run)) + [fold(word)]
            run = []
        else:
            run.append(word)
    return found + _scan(" ".join(run))


def _scan(text: str) -> list[str]:
    """Labels left to right; where several start at one place, the longest (the alternation's order)."""
    return [_LABEL_OF[match.group()] for match in _LABEL_RE.finditer(fold(text))]


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
        following = [c.text.strip() for c in cells[i + 1:] if c.text.strip()]
        parts = _code_parts(following)
        if pending_code and LEVEL_PART_RE.match(text) and following and _is_text(following[parts]):
            pending_code += text  # "201 06 01 行政运行": the 款 and 项 of a code printed apart
        elif CODE_RE.match(text) and len(following) > parts and _is_text(following[parts]):
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


def _code_parts(following: list[str]) -> int:
    """How many two-digit 款/项 parts come next, before the name (at most two)."""
    count = 0
    while count < min(2, len(following) - 1) and LEVEL_PART_RE.match(following[count]):
        count += 1
    return count


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
    return bool(amounts) and any(fold(t) not in LABEL_ONLY_CELLS and (not _is_label(t) or LIST_NUMBER_RE.match(t))
                                 for t in texts)  # 一、本年收入 names a row; no header is numbered


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
    """Tab rows: the header rows (up to the first data row) say what each column holds.

    A header repeated where the table goes on over a page is not data and is passed over.
    """
    header: list[list[str]] = []
    grid: list[Column] | None = None
    for number, line in lines:
        cells = line.split("\t")
        if grid is None and _is_caption(cells):
            continue
        if grid is None and not _is_data(cells) and not _is_nameless_total(cells, header):
            header.append(cells)
            continue
        if grid is None:
            grid = _grid(header)
        if not _holds_figures(line, cells) and not _names_blank_row(cells, grid) or _numbers_columns(cells):
            continue
        yield _grid_segments(_merge_split_words([Cell(c, number) for c in cells]), grid)


def _numbers_columns(cells: list[str]) -> bool:
    """A 栏次 row printed again where the table goes on over a page: it numbers no figure (a row
    of 206 | 01 | 02 has its money beside the codes)."""
    return _is_numbering(cells) and not any(MONEY_CELL_RE.match(cell.strip()) for cell in cells)


def _is_caption(cells: list[str]) -> bool:
    """A line above a table's header that is no header row: its 单位 line (部门：… 金额单位：万元,
    whose 金额 is no column) or its number (公开02表)."""
    filled = [fold(c.strip()) for c in cells if c.strip()]
    if len(filled) == 1:
        return bool(UNIT_LINE_RE.search(filled[0]) or TABLE_NUMBER_RE.match(filled[0]) or re.search(r"[:：]", filled[0]))
    return bool(filled) and all(re.search(r"[:：]", c) for c in filled)


def _holds_figures(line: str, cells: list[str]) -> bool:
    return "\t" in line.strip("\t") and any(parse_amount(c) is not None for c in cells)


def _names_blank_row(cells: list[str], grid: list[Column]) -> bool:
    """A row the table prints by name with every value cell blank ("二、外交支出 | "): its
    figures are 0, as the table says. A header repeated over a page, a note or a 单位 line
    names no row."""
    headers = {label for column in grid for label in column.path}
    return len(cells) > 1 and any(
        i < len(grid) and grid[i].role == "name" and _is_row_name(cell, headers)
        for i, cell in enumerate(cells))


def _is_row_name(cell: str, headers: set[str]) -> bool:
    text = fold(cell.strip())
    return _is_text(text) and not _is_label(text) and text not in LABEL_ONLY_CELLS \
        and text not in headers and not re.search(r"[:：]", text)


def _is_nameless_total(cells: list[str], header: list[list[str]]) -> bool:
    """A row of amounts only, under a header: the one total row of a 三公 table."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(header) and bool(filled) and all(parse_amount(c) is not None for c in filled) \
        and not _is_numbering(cells)


def _grid(header: list[list[str]]) -> list[Column]:
    """What each column holds. With a 栏次 numbering row (1 2 3 …), the value columns are the
    numbered ones, labelled in reading order: a header the extraction misaligned is still read."""
    numbering = next((row for row in header if _is_numbering(row)), None)
    numbered = [i for i, c in enumerate(numbering or []) if re.fullmatch(r"\d{1,2}", c.strip())]
    grid = columns([row for row in header if row is not numbering])  # 栏次 labels no column
    if not numbering:
        return grid
    if _aligned(grid, numbered):
        return grid
    labels = value_labels(scan_labels(" ".join(" ".join(r) for r in header if r is not numbering)))
    grid += [Column(i, [], "skip") for i in range(len(grid), len(numbering))]
    for column in grid:
        if column.role == "value":
            column.role = "skip"
    for index, label in zip(numbered, labels):
        grid[index].path, grid[index].role = [label], "value"
    return grid


def _aligned(grid: list[Column], numbered: list[int]) -> bool:
    """Whether a header stands above its columns: the numbered columns are exactly the value
    columns, each under a path of its own (a PDF's text can print them a column or two apart)."""
    values = [column.index for column in grid if column.role == "value"]
    paths = [grid[i].path for i in values]
    return values == numbered and all(a != b for a, b in zip(paths, paths[1:]))


def _grid_segments(cells: list[Cell], grid: list[Column]) -> list[Segment]:
    """A tab row: key columns (code, name) open a segment, value columns fill it.

    A code split over 类/款/项 cells is joined (201 | 13 | 01 -> 2011301); a name cell under a
    value header (a header the extraction misaligned) still names the row.
    """
    segments: list[Segment] = []
    open_keys = False
    for i, cell in enumerate(cells):
        column = grid[i] if i < len(grid) else Column(i, [], "skip")
        text = cell.text.strip()
        is_key = column.role in ("code", "name") or _is_text(text) \
            or (column.role == "skip" and bool(CODE_RE.match(text)) and not _named(segments, open_keys))
        if is_key:
            if not open_keys:
                segments.append(Segment(name="", code=None, side=len(segments)))
            open_keys = True
            _add_key(segments[-1], text)
            segments[-1].body |= column.role == "name" and any(BODY_HEADER_RE.search(label) for label in column.path)
            continue
        open_keys = False
        if not segments:
            segments.append(Segment(name="", code=None, side=0))
        label = _column_label(column) if column.role == "value" else ""
        if label:
            segments[-1].cells.append((label, cell))
            segments[-1].paths.append(column.path)
    named = [s for s in segments if s.name or (len(segments) == 1 and s.cells)]
    return [s for s in named if s.cells]


def _named(segments: list[Segment], open_keys: bool) -> bool:
    return open_keys and bool(segments[-1].name)


def _add_key(segment: Segment, text: str) -> None:
    spaced = SPACED_CODE_RE.match(text)
    if spaced:
        text = "".join(part for part in spaced.groups() if part)
    if CODE_PART_RE.match(text) and not segment.name:
        segment.code = (segment.code or "") + text
    elif _is_text(text) and fold(text) not in LABEL_ONLY_CELLS:  # a header's 类|款|项 merged into a row
        segment.name += text
    if segment.code and not re.fullmatch(r"\d{3,7}", segment.code):
        segment.code = None


def _column_label(column: Column) -> str:
    """The label a value column is known by: its leaf header, as the lexicon spells it."""
    leaf = column.leaf
    if not leaf:
        return ""
    found = scan_labels(leaf)
    return found[0] if len(found) == 1 and fold(found[0]) == leaf else leaf


def _is_numbering(row: list[str]) -> bool:
    """A 栏次 row (栏次 | 1 | 2 | 3): column numbers and header words only.

    Columns are numbered 1, 2, 3… in order; the first row of a two-sided 总表 has 行次 cells
    too (1 on the 收入 side, 31 on the 支出 side), and it is data: its blank 支出 cells are read.
    """
    digits = [int(c) for c in row if re.fullmatch(r"\d{1,2}", c.strip())]
    return len(digits) >= 2 and digits == list(range(1, len(digits) + 1))


def _merge_split_words(cells: list[Cell]) -> list[Cell]:
    """'总\t计' -> '总计' and a blank: a word a spreadsheet spread over two columns."""
    for i in range(len(cells) - 1):
        here, there = cells[i].text.strip(), cells[i + 1].text.strip()
        if len(here) == 1 and len(there) == 1 and _is_text(here) and _is_text(there) \
                and not {here, there} <= set(CODE_LEVEL_LABELS):  # 类|款|项 are three columns
            cells[i] = Cell(here + there, cells[i].line)
            cells[i + 1] = Cell("", cells[i].line)
    return cells


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
                header_text.append(UNIT_CLAUSE_RE.sub("", line))  # 金额单位：万元 heads no 金额 column
            continue
        if not line.strip() or line.strip().startswith("注"):
            continue
        if _starts_row(line, numbered) or not numbered:
            if row:
                yield _space_segments(row, header_text, kind, has_numbering)
            row = [(number, line)]
        elif row and not _has_figures(row[-1][1]):
            row.append((number, line))  # a name wrapped onto the next line, before its figures
    if row:
        yield _space_segments(row, header_text, kind, has_numbering)


def _starts_row(line: str, numbered: bool) -> bool:
    if not numbered:
        return bool(line.strip()) and parse_amount(line.split()[-1] if line.split() else "") is not None
    return bool(ROW_NUMBER_RE.match(line)) and not PAGE_HEADER_RE.search(line)


def _has_figures(line: str) -> bool:
    """A numbered row's line that ends in an amount has its figures: the row is complete, and the
    text after it (the title and first sentence of the prose after the last row) is no part of it."""
    tokens = line.split()
    return len(tokens) > 1 and bool(MONEY_CELL_RE.match(tokens[-1]))


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
    """'3、单价在 20 万元以上的设备 —— 0' -> one name, then the values; a leading code
    ('201 06 01 行政运行') stays apart from the name."""
    tail = len(tokens)
    while tail > 0 and not _is_text(tokens[tail - 1]):
        tail -= 1
    if any(MONEY_CELL_RE.match(token) for token in tokens[:tail]):
        return tokens  # a row of two sides ("30102 津贴补贴 39.72 30202 印刷费 0.00"): cells as they are
    head = 1 + _code_parts(tokens[1:tail]) if tokens and CODE_RE.match(tokens[0]) and tail > 1 else 0
    return tokens[:head] + ["".join(tokens[head:tail])] + tokens[tail:] if tail > head else tokens


# --- interpretation ---------------------------------------------------------------------


def _segment_facts(segment: Segment, kind: str | None, unit: str, quotes) -> list[TableFact]:
    facts = []
    for index, (label, cell) in enumerate(segment.cells):
        path = segment.paths[index] if index < len(segment.paths) else [label]
        metric, basis = _path_metric(path, kind) if not segment.name else _metric_for(segment, label, kind, path)
        if segment.part_of:
            metric, basis = segment.part_of, _fund_of(segment.name)
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


def _metric_for(segment: Segment, label: str, kind: str | None, path: list[str] = ()) -> tuple[str | None, str]:
    """The metric and basis of a named row's cell: the row's own figure, or the part a column is."""
    name = fold(segment.name)
    if name == "总计" and kind in TWO_SIDED:
        return ("收入总计", "支出总计")[min(segment.side, 1)], label
    row_metric = canonical_metric(segment.name, segment.code)
    if name not in TOTAL_NAMES and (row_metric not in TOTAL_ROW_METRICS or label in MAIN_COLUMNS):
        return row_metric, label
    total = row_metric if name not in TOTAL_NAMES else _with_carry_over(TOTAL_ROW_METRIC.get(kind or ""), segment)
    if label in MAIN_COLUMNS:
        return _group_part(path, total) or total, label
    if label not in FUNDING_COLUMNS and (is_metric(label) or re.search(r"(支出|收入|经费|结转)$", label)):
        return canonical_metric(label, None), f"{total or TOTAL_ROW_METRIC.get(kind or '', '合计')}行"
    return total, label


def _with_carry_over(total: str | None, segment: Segment) -> str | None:
    """A table's total whose row also has a carry-over (上年结转) counts it: 收入总计 (with none
    carried over the two are one figure, known by its usual name)."""
    whole, columns = TOTAL_WITH_CARRY_OVER.get(total or "", (None, ()))
    carried = [cell for label, cell in segment.cells if fold(label) in {fold(c) for c in columns}]
    return whole if whole and any(parse_amount(cell.text.strip()) for cell in carried) else total


def _group_part(path: list[str], total: str | None) -> str | None:
    """The part of a total that heads a column group (公务用车购置及运行费 over its 小计 of a 三公 table)."""
    for label in path[:-1]:
        part = _metric_in(label, None)
        if part and part in METRIC_PARTS.get(total or "", ()):
            return part
    return None


def _path_metric(path: list[str], kind: str | None = None) -> tuple[str | None, str]:
    """A cell of a row without a name (the one row of a 三公 table): its header path names it.

    ["三公经费预算数", "公务用车购置及运行费", "购置费"] -> 公务用车购置费, 预算数; a 合计 that no
    metric heads (["决算数", "合计"]) is the table's own total (三公经费).
    """
    basis = next((_basis_of(label) for label in reversed(path) if _basis_of(label)), "合计")
    metric = None
    for label in path:
        named = _metric_in(label, metric)
        if named:
            metric = named
    if metric is None and path and path[-1] in (*TOTAL_NAMES, "小计"):
        metric = TOTAL_ROW_METRIC.get(kind or "")
    return metric, basis


def _metric_in(label: str, parent: str | None) -> str | None:
    """The metric a header label names, alone or as a part of its parent's metric (购置费)."""
    for word in (label, re.sub(r"(预算|决算)数?$", "", label)):
        if word and is_metric(word) and canonical_metric(word) not in TOTAL_ROW_METRICS:
            return canonical_metric(word)
    for part in METRIC_PARTS.get(parent or "", ()):
        if any(written.endswith(label) for written, metric in synonym_table("parse").items() if metric == part):
            return part
    return None


def _basis_of(label: str) -> str | None:
    if label in BUDGET_COLUMNS or label.endswith(BASIS_BUDGET):
        return BASIS_BUDGET
    if label in ACTUAL_COLUMNS or label.endswith(BASIS_ACTUAL):
        return BASIS_ACTUAL
    return None
