"""A PDF writer just big enough for the ingest tests: Chinese lines and ruled tables.

No font is embedded: the text uses the standard Chinese font STSong-Light with the
UniGB-UTF16-H encoding, which PDF readers (pdfminer too) map back to Unicode themselves.
A block is a line of text (str), a table (list of rows, each a list of cells), or a line drawn
in pieces, each lowered by some points (a tuple of (text, drop) pairs), as publishers draw digits
in another font whose box sits a third of a line below the Chinese around it.
"""
from __future__ import annotations

from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 40
page_break = object()  # a block that starts a new page
FONT_SIZE, LINE_HEIGHT, ROW_HEIGHT, CELL_PAD = 10, 16, 18, 4

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
    ]


def write_pdf(path: Path, blocks: list[str | list[list[str]]], font: tuple[bytes, bytes] = MAPPED) -> Path:
    pages, ops, y = [], [], PAGE_HEIGHT - MARGIN
    for block in blocks:
        if block is page_break:
            pages.append(ops)
            ops, y = [], PAGE_HEIGHT - MARGIN
            continue
        height = ROW_HEIGHT * len(block) if isinstance(block, list) else LINE_HEIGHT
        if y - height < MARGIN and ops:
            pages.append(ops)
            ops, y = [], PAGE_HEIGHT - MARGIN
        if isinstance(block, str):
            ops.append(_text(MARGIN, y - FONT_SIZE, block))
        elif isinstance(block, tuple):
            ops.extend(_pieces(MARGIN, y - FONT_SIZE, block))
        else:
            ops.extend(_table(MARGIN, y, block))
        y -= height + (LINE_HEIGHT / 2 if isinstance(block, list) else 0)
    pages.append(ops)
    Path(path).write_bytes(_document(pages, _font_objects(*font)))
    return Path(path)


def _text(x: float, y: float, text: str) -> str:
    return f"BT /F1 {FONT_SIZE} Tf {x:.1f} {y:.1f} Td <{text.encode('utf-16-be').hex()}> Tj ET"


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


def _document(pages: list[list[str]], fonts: list[bytes]) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", *fonts]
    kids = []
    for ops in pages:
        stream = "\n".join(ops).encode("ascii")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 3 0 R >> >> >>"
                       % (PAGE_WIDTH, PAGE_HEIGHT, len(objects)))
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
