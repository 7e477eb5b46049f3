"""PDF pages as pdfium reads them: each page's chars and ruling edges, in pdfplumber's shapes.

pdfminer (behind pdfplumber) parses a page's content stream in Python, about 0.1 s a page of a
ruled budget table; pdfium does it in C, ten times faster. Only the two things the PDF reader
needs come from here, chars with their boxes and the lines a table is ruled with; pdfplumber's
own table finder and text layout then work on them as on their own. A page pdfium cannot give
faithfully (rotated, text at an angle, glyphs without a character) is left to pdfplumber.
"""
from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

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


def page_count(path: Path) -> int:
    """How many pages a PDF has (NotForPdfium when pdfium cannot open it: pdfplumber says why)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:  # encrypted or damaged: pdfplumber says which
        raise NotForPdfium(str(exc)) from exc
    try:
        return len(document)
    finally:
        document.close()


def read_pages(path: Path, numbers: Iterable[int] | None = None) -> list[PdfiumPage]:
    """These pages of a PDF (all by default), or NotForPdfium when one is not plain upright text."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
        try:
            return [_page(document[index]) for index in (range(len(document)) if numbers is None else numbers)]
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

    calls = _char_calls()
    textpage = page.get_textpage()
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    box_at, x_at, y_at = ctypes.byref(box), ctypes.byref(x), ctypes.byref(y)
    fonts: dict[int | None, tuple[float, float]] = {}
    chars = []
    try:
        for index in range(calls.count(handle)):
            code = calls.unicode(handle, index)
            if code in NOT_DRAWN or calls.generated(handle, index) == 1:
                continue
            if calls.unmapped(handle, index) == 1:  # pdfminer writes it (cid:N)
                raise NotForPdfium("a glyph without a character")
            if not calls.loose_box(handle, index, box_at) or not calls.origin(handle, index, x_at, y_at):
                raise NotForPdfium("a char without a box")
            text_object = calls.text_object(handle, index)
            if text_object not in fonts:
                fonts[text_object] = _font_of(textpage, index)
            size, descent = fonts[text_object]
            bottom = height - y.value - descent
            chars.append({"text": chr(code), "x0": box.left, "x1": box.right, "top": bottom - size, "bottom": bottom,
                          "doctop": bottom - size, "upright": True, "width": box.right - box.left, "height": size,
                          "size": size})
    finally:
        textpage.close()
    return chars


class _CharCalls(NamedTuple):
    count: Callable
    unicode: Callable
    generated: Callable
    unmapped: Callable
    loose_box: Callable
    origin: Callable
    text_object: Callable  # the char's text object, as an address (a key, never dereferenced)


@lru_cache(maxsize=1)
def _char_calls() -> _CharCalls:
    """pdfium's per-char functions taking the text page as a plain address: pypdfium2's typed
    bindings check and convert each argument, which costs more than the call itself, a few
    times for each of a page's thousands of chars. The same functions, called the same way."""
    import pypdfium2.raw as raw

    address, index, number = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)

    def typed(function, result, *arguments):
        return ctypes.cast(function, ctypes.CFUNCTYPE(result, *arguments))

    return _CharCalls(typed(raw.FPDFText_CountChars, index, address),
                      typed(raw.FPDFText_GetUnicode, ctypes.c_uint, address, index),
                      typed(raw.FPDFText_IsGenerated, index, address, index),
                      typed(raw.FPDFText_HasUnicodeMapError, index, address, index),
                      typed(raw.FPDFText_GetLooseCharBox, ctypes.c_int, address, index, ctypes.POINTER(raw.FS_RECTF)),
                      typed(raw.FPDFText_GetCharOrigin, ctypes.c_int, address, index, number, number),
                      typed(raw.FPDFText_GetTextObject, address, address, index))


def _font_of(textpage, index: int) -> tuple[float, float]:
    """(size on the page, descent on the page) of a char's text object."""
    import pypdfium2.raw as raw

    text_object = raw.FPDFText_GetTextObject(textpage, index)
    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(text_object, matrix)
    if abs(matrix.b) > AXIS_TOLERANCE or abs(matrix.c) > AXIS_TOLERANCE or matrix.a <= 0 or matrix.d <= 0:
        raise NotForPdfium("text at an angle or mirrored")
    size = raw.FPDFText_GetFontSize(textpage, index) * matrix.d  # the Tf size, scaled by Tm and the CTM
    descent = ctypes.c_float()
    raw.FPDFFont_GetDescent(raw.FPDFTextObj_GetFont(text_object), ctypes.c_float(size), descent)
    return size, descent.value


def _edges(page, height: float) -> list[dict]:
    """The horizontal and vertical segments of the page's paths (rules, cell borders, rectangles)."""
    calls = _path_calls()
    handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    edges: list[dict] = []
    for index in range(calls.page_objects(handle)):
        _object_edges(calls, calls.page_object(handle, index), height, edges)
    return edges


def _object_edges(calls: _PathCalls, obj: int, height: float, edges: list[dict]) -> None:
    kind = calls.kind(obj)
    if kind == calls.FORM:
        for index in range(calls.form_objects(obj)):
            _object_edges(calls, calls.form_object(obj, index), height, edges)
    elif kind == calls.PATH:
        _path_edges(calls, obj, height, edges)


def _path_edges(calls: _PathCalls, path: int, height: float, edges: list[dict]) -> None:
    """Each straight segment of a path, in page coordinates (top down, as pdfplumber's)."""
    import pypdfium2.raw as raw

    # Points are in the path's own space; its matrix (and a form's) places them on the page.
    matrix = raw.FS_MATRIX()
    calls.matrix(path, ctypes.byref(matrix))
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.byref(x), ctypes.byref(y)
    start = previous = None
    for index in range(calls.segments(path)):
        segment = calls.segment(path, index)
        calls.point(segment, x_at, y_at)
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        if calls.segment_kind(segment) == calls.MOVETO:
            start = previous = point
            continue
        if previous is not None:
            _add_edge(previous, point, edges)
        previous = point
        if calls.closes(segment) and start is not None:
            _add_edge(point, start, edges)
            previous = start


class _PathCalls(NamedTuple):
    page_objects: Callable
    page_object: Callable
    kind: Callable
    form_objects: Callable
    form_object: Callable
    matrix: Callable
    segments: Callable
    segment: Callable
    point: Callable
    segment_kind: Callable
    closes: Callable
    FORM: int
    PATH: int
    MOVETO: int


@lru_cache(maxsize=1)
def _path_calls() -> _PathCalls:
    """pdfium's page object and path functions taking objects as plain addresses (see _char_calls)."""
    import pypdfium2.raw as raw

    address, index, number = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)

    def typed(function, result, *arguments):
        return ctypes.cast(function, ctypes.CFUNCTYPE(result, *arguments))

    return _PathCalls(typed(raw.FPDFPage_CountObjects, index, address),
                      typed(raw.FPDFPage_GetObject, address, address, index),
                      typed(raw.FPDFPageObj_GetType, index, address),
                      typed(raw.FPDFFormObj_CountObjects, index, address),
                      typed(raw.FPDFFormObj_GetObject, address, address, ctypes.c_ulong),
                      typed(raw.FPDFPageObj_GetMatrix, index, address, ctypes.POINTER(raw.FS_MATRIX)),
                      typed(raw.FPDFPath_CountSegments, index, address),
                      typed(raw.FPDFPath_GetPathSegment, address, address, index),
                      typed(raw.FPDFPathSegment_GetPoint, index, address, number, number),
                      typed(raw.FPDFPathSegment_GetType, index, address),
                      typed(raw.FPDFPathSegment_GetClose, index, address),
                      raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_SEGMENT_MOVETO)


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
