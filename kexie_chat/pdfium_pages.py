"""PDF pages as pdfium reads them: each page's chars and ruling edges, in pdfplumber's shapes.

pdfminer (behind pdfplumber) parses a page's content stream in Python, about 0.1 s a page of a
ruled budget table; pdfium does it in C, ten times faster. Only the two things the PDF reader
needs come from here, chars with their boxes and the lines a table is ruled with; pdfplumber's
own table finder and text layout then work on them as on their own. A page pdfium cannot give
faithfully (rotated, text at an angle, glyphs without a character) is left to pdfplumber.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

# Characters pdfium reports that are not drawn on the page (its own line breaks, soft hyphens).
NOT_DRAWN = frozenset((0, 2, 10, 13, 0xFFFE))
# A segment this much (in points) off the axis is still a horizontal or vertical rule.
AXIS_TOLERANCE = 0.01


class NotForPdfium(Exception):
    """The document or a page is one pdfplumber reads more faithfully: read it that way."""


@dataclass
class PdfiumPage:
    """What pdfplumber's TableFinder and text layout read of a page (duck-typed to its Page)."""

    chars: list[dict]
    edges: list[dict]
    bbox: tuple[float, float, float, float]
    width: float
    height: float


def read_pages(path: Path) -> list[PdfiumPage]:
    """Every page of a PDF, or NotForPdfium when one is not plain upright text."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
        try:
            return [_page(document[index]) for index in range(len(document))]
        finally:
            document.close()
    except pdfium.PdfiumError as exc:  # encrypted or damaged: pdfplumber says which
        raise NotForPdfium(str(exc)) from exc


def _page(page) -> PdfiumPage:
    if page.get_rotation():
        raise NotForPdfium("rotated page")
    width, height = page.get_width(), page.get_height()
    try:
        chars = _chars(page, height)
        edges = _edges(page, height)
    finally:
        page.close()
    return PdfiumPage(chars, edges, (0, 0, width, height), width, height)


def _chars(page, height: float) -> list[dict]:
    """The page's drawn chars, each boxed as pdfminer boxes it: its advance across, and one font
    size high from the font's descent below the baseline up (pdfium's own "loose" box falls back
    to the glyph's ink for a font without metrics, and a comma then sinks below its line)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    fonts: dict[int | None, tuple[float, float]] = {}
    chars = []
    try:
        for index in range(raw.FPDFText_CountChars(textpage)):
            code = raw.FPDFText_GetUnicode(textpage, index)
            if raw.FPDFText_IsGenerated(textpage, index) == 1 or code in NOT_DRAWN:
                continue
            if raw.FPDFText_HasUnicodeMapError(textpage, index) == 1:  # pdfminer writes it (cid:N)
                raise NotForPdfium("a glyph without a character")
            if not raw.FPDFText_GetLooseCharBox(textpage, index, box) or not raw.FPDFText_GetCharOrigin(textpage, index, x, y):
                raise NotForPdfium("a char without a box")
            size, descent = _font_of(textpage, index, fonts)
            bottom = height - y.value - descent
            chars.append({"text": chr(code), "x0": box.left, "x1": box.right, "top": bottom - size, "bottom": bottom,
                          "doctop": bottom - size, "upright": True, "width": box.right - box.left, "height": size,
                          "size": size})
    finally:
        textpage.close()
    return chars


def _font_of(textpage, index: int, fonts: dict) -> tuple[float, float]:
    """(size on the page, descent on the page) of a char's text object, each object read once."""
    import pypdfium2.raw as raw

    text_object = raw.FPDFText_GetTextObject(textpage, index)
    key = ctypes.cast(text_object, ctypes.c_void_p).value
    if key not in fonts:
        matrix = raw.FS_MATRIX()
        raw.FPDFPageObj_GetMatrix(text_object, matrix)
        if abs(matrix.b) > AXIS_TOLERANCE or abs(matrix.c) > AXIS_TOLERANCE or matrix.a <= 0 or matrix.d <= 0:
            raise NotForPdfium("text at an angle or mirrored")
        size = raw.FPDFText_GetFontSize(textpage, index) * matrix.d  # the Tf size, scaled by Tm and the CTM
        descent = ctypes.c_float()
        raw.FPDFFont_GetDescent(raw.FPDFTextObj_GetFont(text_object), ctypes.c_float(size), descent)
        fonts[key] = (size, descent.value)
    return fonts[key]


def _edges(page, height: float) -> list[dict]:
    """The horizontal and vertical segments of the page's paths (rules, cell borders, rectangles)."""
    import pypdfium2.raw as raw

    edges: list[dict] = []
    for index in range(raw.FPDFPage_CountObjects(page)):
        _object_edges(raw.FPDFPage_GetObject(page, index), height, edges)
    return edges


def _object_edges(obj, height: float, edges: list[dict]) -> None:
    import pypdfium2.raw as raw

    kind = raw.FPDFPageObj_GetType(obj)
    if kind == raw.FPDF_PAGEOBJ_FORM:
        for index in range(raw.FPDFFormObj_CountObjects(obj)):
            _object_edges(raw.FPDFFormObj_GetObject(obj, index), height, edges)
    elif kind == raw.FPDF_PAGEOBJ_PATH:
        _path_edges(obj, height, edges)


def _path_edges(path, height: float, edges: list[dict]) -> None:
    """Each straight segment of a path, in page coordinates (top down, as pdfplumber's)."""
    import pypdfium2.raw as raw

    # Points are in the path's own space; its matrix (and a form's) places them on the page.
    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(path, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    start = previous = None
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e,
                 height - (matrix.b * x.value + matrix.d * y.value + matrix.f))
        if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO:
            start = previous = point
            continue
        if previous is not None:
            _add_edge(previous, point, edges)
        previous = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(point, start, edges)
            previous = start


def _add_edge(p0: tuple[float, float], p1: tuple[float, float], edges: list[dict]) -> None:
    if abs(p0[0] - p1[0]) < AXIS_TOLERANCE:
        orientation = "v"
    elif abs(p0[1] - p1[1]) < AXIS_TOLERANCE:
        orientation = "h"
    else:
        return  # a slanted or curved stroke rules no table
    x0, x1 = sorted((p0[0], p1[0]))
    top, bottom = sorted((p0[1], p1[1]))
    edges.append({"object_type": "curve_edge", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                  "width": x1 - x0, "height": bottom - top, "orientation": orientation})
