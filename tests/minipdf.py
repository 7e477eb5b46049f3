"""A PDF writer just big enough for the ingest tests: Chinese lines and ruled tables.

No font is embedded: the text uses the standard Chinese font STSong-Light with the
UniGB-UTF16-H encoding, which PDF readers (pdfminer too) map back to Unicode themselves.
A block is a line of text (str), a table (list of rows, each a list of cells), or a line drawn
in pieces, each lowered by some points (a tuple of (text, drop) pairs), as publishers draw digits
in another font whose box sits a third of a line below the Chinese around it. A Laid block is a
table set by position only, as many publishers print one: no ruling at all, three rules, or each
cell a rectangle; its ASCII is half as wide as a hanzi, as in the fonts they use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 40
page_break = object()  # a block that starts a new page
FONT_SIZE, LINE_HEIGHT, ROW_HEIGHT, CELL_PAD = 10, 16, 18, 4

# An amount as a table prints it, set flush right in its column (labels are set flush left).
AMOUNT_RE = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")


@dataclass
class Laid:
    """A table set by position: rows (the first `header` of them its header, each label centered over
    the columns and rows it spans), rules "none", "horizontal" (top, under the header, bottom) or
    "boxes" (a rectangle around each cell), `pad` points either side of a cell's text."""

    rows: list[list[str]]
    header: int = 0
    spans: tuple = ()  # (first row, first column, last row, last column) of header labels
    rules: str = "none"
    pad: float = 3
    size: float = 8
    wrap: int = 0  # a body cell's text longer than this many chars wraps onto lines of that many
    wrap_header: bool = False  # and a header label's, over one column
    widths: tuple = ()  # the columns' widths, when the table goes on from a page before

    @property
    def pitch(self) -> float:
        return self.size * 2

    @property
    def line_gap(self) -> float:
        return self.size * 1.2

    def cell_lines(self, r: int, c: int, cell: str) -> list[str]:
        spanning = any(r0 == r and c0 == c and c1 > c0 for r0, c0, _, c1 in self.spans)
        if r < self.header and (not self.wrap_header or spanning) or not self.wrap or AMOUNT_RE.match(cell) \
                or len(cell) <= self.wrap:
            return [cell]
        count = -(-len(cell) // self.wrap)
        per = -(-len(cell) // count)  # lines of even length: no line of one char
        return [cell[i:i + per] for i in range(0, len(cell), per)]

    def row_tops(self) -> list[float]:
        """Each row's top below the table's top, and the table's bottom last: a row with a wrapped
        cell is taller by its extra lines."""
        tops = [0.0]
        for r, row in enumerate(self.rows):
            extra = max(len(self.cell_lines(r, c, cell)) for c, cell in enumerate(row)) - 1
            tops.append(tops[-1] + self.pitch + extra * self.line_gap)
        return tops

    @property
    def height(self) -> float:
        return self.row_tops()[-1]


# (encoding, CID ordering): UniGB-UTF16-H maps back to Unicode; Identity-H without a ToUnicode
# map does not, like the PDFs whose text comes out as (cid:123).
MAPPED, UNMAPPED = (b"UniGB-UTF16-H", b"(GB1) /Supplement 2"), (b"Identity-H", b"(Identity) /Supplement 0")


def _font_objects(encoding: bytes, ordering: bytes) -> list[bytes]:
    return [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /%s"
        b" /DescendantFonts [4 0 R] >>" % encoding,
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering %s >> /FontDescriptor 5 0 R"
        b" /DW 1000 >>" % ordering,
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        # F2, the Laid tables' font: the same, its ASCII (CIDs 1-95) half as wide
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /%s"
        b" /DescendantFonts [7 0 R] >>" % encoding,
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering %s >> /FontDescriptor 5 0 R"
        b" /DW 1000 /W [1 95 500] >>" % ordering,
    ]


def write_pdf(path: Path, blocks: list[str | list[list[str]]], font: tuple[bytes, bytes] = MAPPED,
              landscape: bool = False) -> Path:
    width, height_ = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    pages, ops, y = [], [], height_ - MARGIN
    for block in blocks:
        if block is page_break:
            pages.append(ops)
            ops, y = [], height_ - MARGIN
            continue
        height = ROW_HEIGHT * len(block) if isinstance(block, list) else \
            block.height if isinstance(block, Laid) else LINE_HEIGHT
        if y - height < MARGIN and ops:
            pages.append(ops)
            ops, y = [], height_ - MARGIN
        if isinstance(block, Laid):
            ops.extend(_laid(MARGIN, y, block))
        elif isinstance(block, str):
            ops.append(_text(MARGIN, y - FONT_SIZE, block))
        elif isinstance(block, tuple):
            ops.extend(_pieces(MARGIN, y - FONT_SIZE, block))
        else:
            ops.extend(_table(MARGIN, y, block))
        y -= height + (LINE_HEIGHT / 2 if isinstance(block, (list, Laid)) else 0)
    pages.append(ops)
    Path(path).write_bytes(_document(pages, _font_objects(*font), (width, height_)))
    return Path(path)


def _text(x: float, y: float, text: str, font: str = "F1", size: float = FONT_SIZE) -> str:
    return f"BT /{font} {size:g} Tf {x:.2f} {y:.2f} Td <{text.encode('utf-16-be').hex()}> Tj ET"


def text_width(text: str, size: float) -> float:
    """Width of text in the Laid tables' font: ASCII half a hanzi."""
    return sum(size / 2 if ch.isascii() else size for ch in text)


def _laid(x: float, top: float, table: Laid) -> list[str]:
    """A table set by position: header labels centered over their spans, amounts flush right,
    other text flush left, then its rules."""
    edges = _laid_edges(x, table)
    starts = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in table.spans}
    covered = {(r, c) for r0, c0, r1, c1 in table.spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    ops, boxes, tops = [], [], [top - y for y in table.row_tops()]
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if r < table.header and (r, c) in covered and (r, c) not in starts:
                continue
            r1, c1 = starts.get((r, c), (r, c))
            left, right = edges[c], edges[c1 + 1]
            upper, lower = tops[r], tops[r1 + 1]
            boxes.append((left, lower, right - left, upper - lower))
            lines = table.cell_lines(r, c, cell) if cell else []
            for i, text in enumerate(lines):  # centered in the row, one line under another
                width = text_width(text, table.size)
                if r < table.header:
                    at = (left + right - width) / 2
                elif AMOUNT_RE.match(text):
                    at = right - table.pad - width
                else:
                    at = left + table.pad
                middle = (upper + lower) / 2 + ((len(lines) - 1) / 2 - i) * table.line_gap
                ops.append(_text(at, middle - table.size * 0.35, text, "F2", table.size))
    return ops + _laid_rules(edges, top, table, boxes)


def laid_widths(table: Laid) -> tuple:
    """The widths of a table's columns, as laid out (for its pages after the first)."""
    edges = _laid_edges(0.0, table)
    return tuple(b - a for a, b in zip(edges, edges[1:]))


def _laid_edges(x: float, table: Laid) -> list[float]:
    """Column edges: each column as wide as its widest cell that spans no other column; a label
    spanning several widens the last of them when it would not fit."""
    if table.widths:
        return [x + sum(table.widths[:i]) for i in range(len(table.widths) + 1)]
    count = max(len(row) for row in table.rows)
    spanning = {(r0, c0): c1 for r0, c0, r1, c1 in table.spans if c1 > c0}
    widths = [0.0] * count
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if (r, c) not in spanning:
                longest = max(text_width(line, table.size) for line in table.cell_lines(r, c, cell))
                widths[c] = max(widths[c], longest + 2 * table.pad)
    for (r, c0), c1 in spanning.items():
        need = text_width(table.rows[r][c0], table.size) + 2 * table.pad - sum(widths[c0:c1 + 1])
        widths[c1] += max(0.0, need)
    edges = [x]
    for width in widths:
        edges.append(edges[-1] + width)
    return edges


def _laid_rules(edges: list[float], top: float, table: Laid, boxes: list[tuple]) -> list[str]:
    if table.rules == "boxes":
        return [f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re S" for x, y, w, h in boxes]
    if table.rules != "horizontal":
        return []
    tops = table.row_tops()
    ys = (top, top - tops[table.header], top - tops[-1])
    return [f"{edges[0]:.2f} {y:.2f} m {edges[-1]:.2f} {y:.2f} l S" for y in ys]


def _pieces(x: float, y: float, pieces: tuple[tuple[str, float], ...]) -> list[str]:
    ops = []
    for text, drop in pieces:
        ops.append(_text(x, y - drop, text))
        x += len(text) * FONT_SIZE
    return ops


def _table(x: float, top: float, rows: list[list[str]]) -> list[str]:
    columns = max(len(row) for row in rows)
    widths = [max(len(row[c]) if c < len(row) else 0 for row in rows) * FONT_SIZE + 2 * CELL_PAD
              for c in range(columns)]
    ops, edges = [], [x]
    for width in widths:
        edges.append(edges[-1] + width)
    for r, row in enumerate(rows):
        baseline = top - ROW_HEIGHT * (r + 1) + (ROW_HEIGHT - FONT_SIZE) / 2 + 1
        ops.extend(_text(edges[c] + CELL_PAD, baseline, cell) for c, cell in enumerate(row) if cell)
    bottom = top - ROW_HEIGHT * len(rows)
    ops.extend(f"{x:.1f} {top - ROW_HEIGHT * r:.1f} m {edges[-1]:.1f} {top - ROW_HEIGHT * r:.1f} l S"
               for r in range(len(rows) + 1))
    ops.extend(f"{edge:.1f} {top:.1f} m {edge:.1f} {bottom:.1f} l S" for edge in edges)
    return ops


def _document(pages: list[list[str]], fonts: list[bytes], size: tuple[int, int] = (PAGE_WIDTH, PAGE_HEIGHT)) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", *fonts]
    kids = []
    for ops in pages:
        stream = "\n".join(ops).encode("ascii")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> >>"
                       % (*size, len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
