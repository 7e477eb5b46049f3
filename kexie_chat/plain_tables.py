"""Tables a PDF sets by position only (no ruling, three rules, or rules pdfplumber cannot close
into cells) -> their rows as tab-separated lines, rebuilt from where the chars stand.

Works on one page's chars (pdfplumber's dicts: text, x0, x1, top, bottom, size) that no ruled
table holds, the way stream table finders do: a block of lines whose amounts line up, columns
where every body line leaves the same x range blank, header labels placed over the columns they
head, a name wrapped in its cell kept in its row. A page's tables come out marked; once the pages
are read in order, relay_continued_rows writes them out, a table going on over a page in the
columns of its first page. Knows typography only, nothing of disclosures; the page's other chars
are left as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

# Marks of a table's columns, header, rows (their words and where they stand) and text, resolved
# before the text leaves the reader (control characters no PDF text holds).
TABLE_MARK, HEADER_MARK, ROW_MARK, TEXT_MARK = "\x1dT", "\x1dH", "\x1dR", "\x1dX"
FIELD_MARK, WORD_MARK = "\x1e", "\x1f"
TEXT_GAP = 3.0  # points between chars the page's text layout writes as a space (pdfplumber's x_tolerance)
PAGE_TOP_LINES = 3  # a table going on over a page starts in its first lines (after a running head)
CONTINUATION_LINES = 4  # a table goes on from one at most this many text lines above (a page's foot and head)
CONTINUATION_SLACK = 10.0  # points a word of a table going on may stand outside the table above
# Gaps and distances, as shares of the font size.
WORD_GAP = 0.05  # chars closer than this are one word (a char's box is its advance: they touch)
COLUMN_GAP = 0.6  # a blank this wide between words of every body line parts columns
LINE_OVERLAP = 0.5  # a char is on a line it overlaps by half the lower height
ROW_DISTANCE = 3.0  # rows of one table stand at most this far apart, top to top
HEADER_ROWS = 8  # a header has at most this many lines
WRAPPED_LINE = 0.9  # lines of one row stand closer than this share of the distance between rows
WRAP_SPACING = 1.3  # and than this many font sizes (the spacing of a cell's wrapped lines)
# An amount as tables print it (1,234.56, 0.00, 1234, -5.00); money has a decimal point or
# thousands commas, which page numbers, years and codes do not.
AMOUNT_RE = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
MONEY_RE = re.compile(r"[.,]\d")
# A caption or a note beside a table (单位：万元, 部门：…, 注：…): labels with a colon head no column.
LABELLED_RE = re.compile(r"[:：]")


@dataclass(eq=False)
class Word:
    text: str
    x0: float
    x1: float
    top: float = 0.0  # of its first char
    last: float | None = None  # the top of its last line, when wrapped

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def is_amount(self) -> bool:
        return bool(AMOUNT_RE.match(self.text))

    @property
    def is_money(self) -> bool:
        return self.is_amount and bool(MONEY_RE.search(self.text))

    @property
    def kind(self) -> str:
        """amount, latin (a catalog code, A02010104) or text (hanzi)."""
        return "amount" if self.is_amount else "latin" if self.text.isascii() else "text"


@dataclass(eq=False)
class Line:
    top: float
    bottom: float
    chars: list[dict] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)

    @property
    def is_data(self) -> bool:
        """A row of figures: an amount in money form (alone, when the row's name is wrapped above
        and below it)."""
        return any(word.is_money for word in self.words)

    @property
    def is_caption(self) -> bool:
        """单位：万元, 部门：… 金额单位：万元, 注：…; not a row named 其中：基本支出."""
        return all(LABELLED_RE.search(word.text) for word in self.words)


def unruled_tables(chars: list[dict]) -> tuple[list[tuple[float, str]], list[dict]]:
    """(top, its rows, marked for relay_continued_rows) of each table the chars set by position,
    and the chars that are no part of one (the page's text, for the text layout)."""
    if not chars:
        return [], chars
    size = median(char.get("size") or char["bottom"] - char["top"] for char in chars)
    lines = _lines(chars, size)
    if sum(line.is_data for line in lines) < 1:
        return [], chars
    tables, used = [], set()
    for block in _blocks(lines, size):
        rows = _rows(block, size, page_top=any(line is block.lines[0] for line in lines[:PAGE_TOP_LINES]))
        if rows:
            tables.append((block.lines[0].top, "\n".join(rows)))
            used.update(id(char) for line in block.lines for char in line.chars)
    if not tables:
        return [], chars
    return tables, [char for char in chars if id(char) not in used]


# --- tables going on over a page -----------------------------------------------------------
# A page's table is written marked: its columns, its header rows, and each body row as its words
# with where they stand. A column blank on all of a page leaves no trace on it, so a table going
# on from the page before (no header, or the same header again) is set in that table's columns
# once the pages are read in order (relay_continued_rows); any other in its own.

def _marked(header_rows: list[str], block: Block, bounds: list[float], cells: list[tuple[float, float]],
            size: float, lone: bool = False) -> list[str]:
    signature = "".join(word.text for line in block.header for word in line.words)
    columns = ",".join(f"{x:.1f}" for x in (cells[0][0], cells[-1][1], *bounds))
    rows = [f"{TABLE_MARK}{columns}{FIELD_MARK}{signature}"]
    rows += [HEADER_MARK + row for row in header_rows]
    rows += [TEXT_MARK + _as_text(line) for line in block.lines if lone]
    for band in _row_bands(block.body, size):
        rows.append(ROW_MARK + FIELD_MARK.join(f"{word.center:.1f}{WORD_MARK}{word.text}"
                                               for line in band for word in line.words))
    return rows


def _as_text(line: Line) -> str:
    """A line as the page's text layout writes it: words parted by a space or a blank of
    TEXT_GAP points or more, joined by one space."""
    words, text, x1 = [], "", None
    for char in line.chars:
        blank = not char["text"].strip()
        if text and (blank or char["x0"] - x1 > TEXT_GAP):
            words.append(text)
            text = ""
        if not blank:
            text += char["text"]
            x1 = char["x1"]
    return " ".join(words + [text] if text else words)


@dataclass
class _Marked:
    columns: list[float]  # left and right edge, then the bounds between columns
    signature: str
    header: list[str] = field(default_factory=list)
    rows: list[list[tuple[float, str]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # its lines as text, unless it goes on from a table

    def goes_on_from(self, above: _Marked | None) -> bool:
        return above is not None and self.signature in ("", above.signature) and all(
            above.columns[0] - CONTINUATION_SLACK <= x <= above.columns[1] + CONTINUATION_SLACK
            for row in self.rows for x, _ in row)


def relay_continued_rows(text: str) -> str:
    """The text with its marked tables written out as tab-separated rows: a table going on from
    one a few lines above in that one's columns, under its header; any other in its own."""
    out: list[str] = []
    above, since = None, 0
    table: _Marked | None = None
    for line in text.split("\n"):
        if line.startswith(TABLE_MARK):
            above, since = _written(table, above, since, out)  # a table right after another: the next page's
            columns, signature = line[len(TABLE_MARK):].split(FIELD_MARK, 1)
            table = _Marked([float(x) for x in columns.split(",")], signature)
        elif line.startswith(HEADER_MARK) and table:
            table.header.append(line[len(HEADER_MARK):])
        elif line.startswith(TEXT_MARK) and table:
            table.text.append(line[len(TEXT_MARK):])
        elif line.startswith(ROW_MARK) and table:
            fields = line[len(ROW_MARK):].split(FIELD_MARK)
            table.rows.append([(float(x), word) for x, word in (f.split(WORD_MARK, 1) for f in fields)])
        else:
            above, since = _written(table, above, since, out)
            table = None
            out.append(line)
            since += 1
    _written(table, above, since, out)
    return "\n".join(out)


def _written(table: _Marked | None, above: _Marked | None, since: int, out: list[str]) -> tuple:
    """Write a marked table out; (the table rows below may go on from, text lines since it)."""
    if table is None:
        return above, since
    if since <= CONTINUATION_LINES and table.goes_on_from(above):
        header, columns = above.header if table.header else [], above.columns
        table.columns, table.header, table.signature = above.columns, above.header, above.signature
    elif table.text:
        out.extend(table.text)
        return above, since + len(table.text)
    else:
        header, columns = table.header, table.columns
    out.extend(header)
    out.extend(_laid_out(row, columns) for row in table.rows)
    return table, 0


def _laid_out(words: list[tuple[float, str]], columns: list[float]) -> str:
    bounds = columns[2:]
    row = [""] * (len(bounds) + 1)
    for x, word in words:
        column = _column_at(x, bounds)
        row[column] = _joined(row[column], word)
    return "\t".join(row)


# --- lines and words ---------------------------------------------------------------------

def _lines(chars: list[dict], size: float) -> list[Line]:
    """Chars grouped into lines, each run of chars at one height on the line it overlaps by half
    its height (a line's chars mostly share one box height: grouped first, they are few to place)."""
    runs: dict[tuple[float, float], list[dict]] = {}
    for char in chars:
        runs.setdefault((char["top"], char["bottom"]), []).append(char)
    lines: list[Line] = []
    for (top, bottom), run in sorted(runs.items()):
        line = next((line for line in reversed(lines[-4:]) if _overlaps(line, top, bottom)), None)
        if line is None:
            line = Line(top, bottom)
            lines.append(line)
        line.chars.extend(run)
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        line.words = _words(line.chars, size)
    return [line for line in lines if line.words]


def _overlaps(line: Line, top: float, bottom: float) -> bool:
    overlap = min(line.bottom, bottom) - max(line.top, top)
    return overlap >= LINE_OVERLAP * min(bottom - top, line.bottom - line.top)


def _words(chars: list[dict], size: float) -> list[Word]:
    """Runs of drawn chars: a space or a blank wider than WORD_GAP ends a word."""
    words: list[Word] = []
    text, x0, x1, top = "", 0.0, 0.0, 0.0
    for char in chars:
        blank = not char["text"].strip()
        if text and (blank or char["x0"] - x1 > WORD_GAP * size):
            words.append(Word(text, x0, x1, top))
            text = ""
        if blank:
            continue
        if not text:
            x0, top = char["x0"], char["top"]
        text += char["text"]
        x1 = char["x1"]
    if text:
        words.append(Word(text, x0, x1, top))
    return words


# --- blocks ------------------------------------------------------------------------------

@dataclass(eq=False)
class Block:
    header: list[Line]
    body: list[Line]

    @property
    def lines(self) -> list[Line]:
        return self.header + self.body


def _blocks(lines: list[Line], size: float) -> list[Block]:
    """Runs of lines that may be a table: body lines from the first row of figures to the last
    (lines between them without figures are rows with blank cells), then the header lines above."""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if not lines[i].is_data or (blocks and lines[i] in blocks[-1].lines):
            i += 1
            continue
        end = _body_end(lines, i, size)
        previous = blocks[-1].body[-1] if blocks else None
        first, near = i, _wrap_distance(lines[i:end + 1], size)
        rows = lines[i:end + 1]
        while first > 0 and lines[first - 1] is not previous and _row_above(lines[first - 1], lines[first], near, size) \
                or first > 0 and lines[first - 1] is not previous and _blank_row(lines[first - 1], lines[first], rows, size):
            first -= 1  # rows above the first figures: blank cells (六、经营收入 6), a name wrapped above them
        top = _header_start(lines, first, size, previous)
        while end + 1 < len(lines) and (_row_below(lines[end], lines[end + 1], near, size)
                                        or _blank_row(lines[end + 1], lines[end], rows, size)):
            end += 1  # and below the last figures
        blocks.append(Block(lines[top:first], lines[first:end + 1]))
        i = end + 1
    return blocks


def _body_end(lines: list[Line], start: int, size: float) -> int:
    """The last row of figures of the body starting at `start`."""
    end = start
    for j in range(start + 1, len(lines)):
        if lines[j].top - lines[j - 1].top > ROW_DISTANCE * size or lines[j].is_caption:
            break
        if lines[j].is_data:
            end = j
    return end


def _row_above(line: Line, below: Line, near: float, size: float) -> bool:
    """A line above a table's first figures that is a row of it: numbers that number no columns
    (行次 beside blank cells: 六、经营收入 6), or a line of the row below's name wrapped above it."""
    if line.is_caption or below.top - line.top > ROW_DISTANCE * size:
        return False
    if _has_figures(line):
        return not _is_numbering(line)
    return below.top - line.top < near


def _row_below(line: Line, below: Line, near: float, size: float) -> bool:
    """A line under a table's last figures that is a row of it (as _row_above)."""
    if below.is_caption or below.top - line.top > ROW_DISTANCE * size:
        return False
    if _has_figures(below):
        return not _is_numbering(below)
    return below.top - line.top < near


def _blank_row(line: Line, beside: Line, rows: list[Line], size: float) -> bool:
    """A line of names alone one row off the table's rows, each name where names of the rows with
    figures start (set flush left in their column): a row of blank cells (二、上年结转 … 二、结转下年),
    not a header (labels are centered) nor text after the table (a sentence crosses columns)."""
    figures = [row for row in rows if _has_figures(row)]
    bands = _row_bands(rows, size)
    pitch = min((b[0].top - a[-1].top for a, b in zip(bands, bands[1:])), default=None)  # last line to next first
    if pitch is None or line.is_caption or _has_figures(line) or abs(abs(beside.top - line.top) - pitch) > 0.15 * pitch:
        return False
    starts = {round(word.x0) for row in figures for word in row.words if not word.is_amount}
    return all(any(abs(word.x0 - start) <= 1 for start in starts) for word in line.words) and \
        all(not any(word.x0 < other.x0 < word.x1 for row in figures for other in row.words) for word in line.words)


def _is_numbering(line: Line) -> bool:
    """A 栏次 row: its numbers count the columns, 1 2 3 …"""
    numbers = [word.text for word in line.words if word.is_amount]
    return len(numbers) >= 2 and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _header_start(lines: list[Line], first_row: int, size: float, previous: Line | None) -> int:
    """The first header line above a body: close lines with no caption; a lone word at the top
    is the table's title, not its header."""
    top = first_row
    while top > 0 and first_row - top < HEADER_ROWS:
        above = lines[top - 1]
        if above is previous or above.is_caption or above.is_data or \
                lines[top].top - above.top > ROW_DISTANCE * size:
            break
        top -= 1
    while top < first_row and len(lines[top].words) == 1 and not _heads_columns(lines[top], lines[top + 1:first_row], size):
        top += 1
    return top


def _heads_columns(line: Line, below: list[Line], size: float) -> bool:
    """A lone label at the top of a header is a group label over labels below it, or the first
    line of a label wrapped in its cell, in the table's own size; else it is the table's title."""
    if max(char["bottom"] - char["top"] for char in line.chars) > 1.1 * size:
        return False
    word = line.words[0]
    wrapped = any(0 < o.top - word.top < WRAP_SPACING * size and abs(o.center - word.center) <= size / 2
                  for other in below for o in other.words)
    return wrapped or _heads_group(word, below)


# --- columns -----------------------------------------------------------------------------

def _columns(block: Block, size: float) -> list[tuple[float, float]]:
    """Column extents: x ranges with ink in some body line, parted by ranges blank in every one.
    A narrow blank parts columns only where it parts amounts (digits that almost touch); between
    words it is a space inside a cell (201 06 01, 一、 收入)."""
    spans: list[list[float]] = []
    for x0, x1 in sorted((word.x0, word.x1) for line in block.body for word in line.words):
        if spans and x0 - spans[-1][1] <= WORD_GAP * size:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    columns = [spans[0]]
    for span in spans[1:]:
        if _parts_columns(columns[-1][1], span[0], block, size):
            columns.append(span)
        else:
            columns[-1][1] = max(columns[-1][1], span[1])
    return [(x0, x1) for x0, x1 in columns]


def _parts_columns(left: float, right: float, block: Block, size: float) -> bool:
    """Whether the blank from left to right parts columns: when it is wide; when narrow, if every
    body line with words both sides of it parts two kinds of word there (digits from hanzi) or two
    amounts, and some line (a header's too) leaves a wide blank there: a column's figures and
    labels differ in width, a space in a sentence is as narrow in every line."""
    if right - left >= COLUMN_GAP * size:
        return True
    wide = both = False
    for line in block.lines:
        if any(word.x0 < right and left < word.x1 for word in line.words):
            continue  # a header label across it
        before = [word for word in line.words if word.x1 <= left + 0.01]
        after = [word for word in line.words if word.x0 >= right - 0.01]
        if not before or not after:
            continue
        both = True
        if after[0].x0 - before[-1].x1 >= COLUMN_GAP * size:
            wide = True
        elif line in block.body and not _apart(before[-1], after[0]):
            return False
    return wide or not both


def _apart(before: Word, after: Word) -> bool:
    if before.kind != after.kind:
        return True  # 1,234.56 | 一、教育支出; 205 | 教育支出; 台式计算机 | A02010104
    return before.is_amount and (before.is_money or after.is_money)  # 1,234.56 | 2,345.67, not 201 | 06


# --- rows --------------------------------------------------------------------------------

def _rows(block: Block, size: float, page_top: bool = False) -> list[str]:
    """The block's lines as tab-separated rows, or none when it has no columns to part. A row or
    two of figures at a page's top may be the end of a table going on from the page before: they
    are marked, to be set in its columns, or written as text when none is."""
    columns = _columns(block, size)
    if len(columns) < 2:
        return []
    lone = not _is_table(block, columns)
    if lone and (block.header or not page_top):
        return []
    columns = _with_header_only_columns(columns, block.header)
    bounds = [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:])]
    cells = [(x0 if i == 0 else bounds[i - 1], x1 if i == len(bounds) else bounds[i])
             for i, (x0, x1) in enumerate(columns)]
    rows, groups, pitch = [], [], _pitch(block, size)
    header = _unwrapped(block.header, size)
    for line in header:
        row, spans = [""] * len(columns), []
        for word in line.words:
            span = _header_cell(word, line, header, cells, groups, pitch, size)
            row[span[0]] = _joined(row[span[0]], word.text)
            spans.append(span)
        groups.extend(spans)
        rows.append("\t".join(row))
    return _marked(rows, block, bounds, cells, size, lone)


def _unwrapped(header: list[Line], size: float) -> list[Line]:
    """Header lines with each label wrapped in its cell (本年收 / 入合计) as one label: a word of a
    line below it as closely set as a cell's lines are, centered where it is (a label set on one
    line may stand between the two: it is centered in its own column)."""
    lines = [Line(line.top, line.bottom, line.chars, list(line.words)) for line in header]
    for i, upper in enumerate(lines):
        for lower in lines[i + 1:]:
            if lower.top - upper.top > ROW_DISTANCE * size:
                break
            for word in list(lower.words):
                k = next((k for k, u in enumerate(upper.words) if abs(u.center - word.center) <= size / 2
                          and 0 < word.top - (u.last or u.top) < WRAP_SPACING * size), None)
                if k is not None:
                    above = upper.words[k]
                    upper.words[k] = Word(above.text + word.text, min(above.x0, word.x0), max(above.x1, word.x1),
                                          above.top, word.top)
                    lower.words.remove(word)
    return [line for line in lines if line.words]


def _row_bands(body: list[Line], size: float) -> list[list[Line]]:
    """The body's lines grouped into rows. A line without figures is more of the row of the
    nearest line of figures it reaches through lines each closer than rows stand apart (a name
    wrapped in its cell, the row's figures set in the middle of its lines); lines without figures
    that reach none are a row of blank cells together. Two lines of figures are never one row."""
    near = _wrap_distance(body, size)
    joined = [i if _has_figures(line) else _figures_reached(body, i, near) for i, line in enumerate(body)]
    rows: dict[int, list[Line]] = {}
    blank_row = -1
    for i, line in enumerate(body):
        key = joined[i]
        if key is None:  # a row of blank cells: this line, and the lines close under it
            if not (i and joined[i - 1] is None and line.top - body[i - 1].top < near):
                blank_row = len(body) + i
            key = blank_row
        rows.setdefault(key, []).append(line)
    return sorted(rows.values(), key=lambda lines: lines[0].top)


def _figures_reached(body: list[Line], i: int, near: float) -> int | None:
    """The nearest line of figures above or below line i through lines each closer than `near`."""
    found = []
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(body) and abs(body[j + step].top - body[j].top) < near:
            j += step
            if _has_figures(body[j]):
                found.append((abs(body[j].top - body[i].top), j))
                break
    return min(found)[1] if found else None


def _wrap_distance(lines: list[Line], size: float) -> float:
    """How close a line must stand to another to be a wrapped line of its row: nearer than rows
    of figures stand to each other, and than the lines of one cell are ever set apart."""
    figures = [line for line in lines if _has_figures(line)]
    pitch = min((b.top - a.top for a, b in zip(figures, figures[1:])), default=float("inf"))
    return min(WRAPPED_LINE * pitch, WRAP_SPACING * size)


def _has_figures(line: Line) -> bool:
    return any(word.is_amount for word in line.words)


def _is_table(block: Block, columns: list[tuple[float, float]]) -> bool:
    """Two rows of figures, or one with three amounts (the one row of a 三公 table)."""
    data = [line for line in block.body if line.is_data]
    return len(data) >= 2 or any(sum(word.is_amount for word in line.words) >= 3 for line in data)


def _with_header_only_columns(columns: list[tuple[float, float]], header: list[Line]) -> list[tuple[float, float]]:
    """A column blank in every body row is still a column where a header label stands over it,
    unless a label over it or under it stands over one column only (a 栏次 number centered in a
    cell whose figures are set flush right)."""
    columns = list(columns)
    words = [word for line in header for word in line.words]
    for word in words:
        if _over(word, columns) or any(_over(other, columns) == 1 for other in words if _overlap(word, other)):
            continue
        columns.append((word.x0, word.x1))
        columns.sort()
    return columns


def _over(word: Word, columns: list[tuple[float, float]]) -> int:
    return sum(word.x0 < x1 and x0 < word.x1 for x0, x1 in columns)


def _overlap(a: Word, b: Word) -> bool:
    return a is not b and a.x0 < b.x1 and b.x0 < a.x1


def _heads_group(word: Word, below: list[Line]) -> bool:
    """A label over two labels or more of a line below it heads their group, not one column."""
    return any(sum(word.x0 < other.x1 and other.x0 < word.x1 for other in line.words) >= 2 for line in below)


def _column_at(x: float, bounds: list[float]) -> int:
    return sum(x > bound for bound in bounds)


def _header_cell(word: Word, line: Line, header: list[Line], cells: list[tuple[float, float]],
                 groups: list[tuple[int, int]], pitch: float, size: float) -> tuple[int, int]:
    """The columns (first, last) a header label heads: the one under its middle; for a label
    centered over several columns with labels of a lower row under it, those columns, written
    in the first of them (where a spreadsheet or a merged cell puts it). It spans no column a
    label of its own row stands over (on its line, or half a row off: a label over two rows is
    set between them), and no column outside the group label above it."""
    bounds = [x1 for _, x1 in cells[:-1]]
    own = _column_at(word.center, bounds)
    same_row = [other for other_line in header if abs(other_line.top - line.top) < 0.75 * pitch
                for other in other_line.words if other is not word]
    lowest = max((_column_at(o.center, bounds) + 1 for o in same_row if o.center < word.center), default=0)
    highest = min((_column_at(o.center, bounds) - 1 for o in same_row if o.center > word.center), default=len(cells) - 1)
    parent = min((g for g in groups if g[0] <= own <= g[1]), key=lambda g: g[1] - g[0], default=None)
    if parent:
        lowest, highest = max(lowest, parent[0]), min(highest, parent[1])
    below = [other_line for other_line in header if other_line.top >= line.top + 0.75 * pitch]
    best, rank = (own, own), None
    for first in range(lowest, own + 1):
        for last in range(max(own, first + 1), highest + 1):
            x0, x1 = cells[first][0], cells[last][1]
            off = abs((x0 + x1) / 2 - word.center)
            # centered over columns 1-2 of four is centered over all four: the widest is the group
            if off <= max(size, 0.05 * (x1 - x0)) and (rank is None or (last - first, -off) > rank) \
                    and _labels_under(x0, x1, below):
                best, rank = (first, last), (last - first, -off)
    return best


def _pitch(block: Block, size: float) -> float:
    """The distance from one row of the table to the next: the least between two rows of figures,
    or between the header's last line and the first row (a row's wrapped lines aside)."""
    tops = [line.top for line in block.body if _has_figures(line)]
    gaps = [b - a for a, b in zip(tops, tops[1:])]
    if block.header:
        gaps.append(block.body[0].top - block.header[-1].top)
    return min(gaps, default=2 * size)


def _labels_under(x0: float, x1: float, below: list[Line]) -> bool:
    """A line below with two labels or more under the range: the sub-labels of a group."""
    return any(sum(x0 <= word.center <= x1 for word in line.words) >= 2 for line in below)


def _joined(cell: str, text: str) -> str:
    """Words of one cell: a space between two ASCII words (201 06 01), none between hanzi."""
    if cell and cell[-1].isascii() and cell[-1].isalnum() and text[0].isascii() and text[0].isalnum():
        return f"{cell} {text}"
    return cell + text
