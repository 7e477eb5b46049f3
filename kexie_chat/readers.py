"""A file as its publisher sent it (.txt in any common encoding, .pdf, .docx, .xlsx/.xls, a saved
web page .html/.htm) -> plain text.

Touches files only to read them and knows nothing of disclosures or of the index. Tables
come out as tab-separated rows, the layout the parser already reads. charset-normalizer,
pdfplumber (and pypdfium2, through pdfium_pages), python-docx, python-calamine and selectolax
are imported inside the readers that need them, so answering a question never loads them.
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names a GB text by the smallest charset that covers it; GB18030 reads them all.
GB_FAMILY = {"gb2312", "gbk", "cp936", "gb18030", "hz"}
# Readings tried besides charset-normalizer's guess (UTF-16 here is UTF-16 without a BOM).
FALLBACK_ENCODINGS = ("gb18030", "utf-16-le", "utf-16-be")
# GB2312 lead bytes of punctuation, full-width forms and the 3,755 commonest hanzi (一级汉字):
# a reading of the bytes that yields them is more likely Chinese than one that yields rare characters.
COMMON_GB2312_LEADS = range(0xA1, 0xD8)
# Share of control characters above which decoded "text" is taken for a binary file.
BINARY_SHARE = 0.01
# pdfminer's stand-in for a glyph whose font does not say which character it is.
UNMAPPED_GLYPH_RE = re.compile(r"\(cid:\d+\)")
# A running head or foot: a line at the top or bottom EDGE_LINES of a page that this share of the
# pages (and at least RUNNING_MIN_PAGES) repeat; a page number alone at a page's foot.
EDGE_LINES, RUNNING_SHARE, RUNNING_MIN_PAGES = 1, 0.5, 3
PAGE_NUMBER_RE = re.compile(r"[-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}")
# A char belongs to a line it overlaps by this share of the lower of the two heights.
LINE_OVERLAP = 0.5
# A PDF is read on several cores when each gets at least this many pages: fewer do not pay for
# starting a worker process (about as long as reading two pages).
PAGES_PER_WORKER = 8
# Lines of a page a char can still overlap (sorted by top, only the last few can).
LINES_LOOKED_BACK = 8
OLD_FORMATS = {".doc": "旧版 Word（.doc）", ".wps": "WPS 文字（.wps）", ".rtf": "RTF", ".et": "WPS 表格（.et）"}
# A sheet's name that says nothing (Sheet1, 工作表2) is not a title.
BLANK_SHEET_NAME_RE = re.compile(r"^(?:sheet|工作表)\s*\d*$", re.I)
# A one-cell row after a sheet's table that is a note, a sentence, a label or a title, not a row of it.
NOTE_RE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：\d]")
TEXT_CELL_RE = re.compile(r"[:：。；;]|表$|^第.部分")
TEXT_CELL_LENGTH = 30
# A web page's declared charset (<meta charset="gbk">, or content="text/html; charset=gb2312").
HTML_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", re.I)
# Elements of a web page that start a new line; those whose text is never shown.
HTML_BLOCKS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article header footer main nav aside "
    "blockquote pre hr form center address figure figcaption caption tr td th table tbody thead tfoot "
    "title".split())
HTML_BLOCK_SELECTOR = ", ".join(sorted(HTML_BLOCKS | {"td", "th"}))
HTML_HIDDEN = frozenset("script style noscript template head iframe object svg select option button".split())


class UnreadableFile(ValueError):
    """The file cannot be read as text; the message says why, in Chinese."""


def read_document(path: Path) -> str:
    """The text of a .txt, .pdf or .docx file, with \\n line ends. Raises UnreadableFile."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableFile(_unsupported(path.suffix.lower()))
    if not path.is_file():
        raise UnreadableFile("文件不存在" if not path.exists() else "不是普通文件")
    try:
        text = reader(path)
    except OSError as exc:
        raise UnreadableFile(f"无法读取文件（{exc.strerror or exc}）") from exc
    if not text.strip():
        raise UnreadableFile("文件里没有文字")
    return text


def read_text_file(path: Path) -> str:
    return decode_text(Path(path).read_bytes())


def decode_text(data: bytes) -> str:
    """Bytes in UTF-8 (with or without BOM), UTF-16/32 or GB18030/GBK -> text with \\n line ends."""
    if not data.strip(b" \t\r\n\x00"):
        raise UnreadableFile("文件是空的")
    encoding = _marked_encoding(data) or _utf8(data) or _detected_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnreadableFile(f"无法按 {encoding} 编码解码") from exc
    if _looks_binary(text):
        raise UnreadableFile("看起来是二进制文件，不是文本")
    return normalize_text(text)


def normalize_text(text: str) -> str:
    """One form for text from any reader: no byte order mark, \\n line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _marked_encoding(data: bytes) -> str | None:
    return next((encoding for mark, encoding in BYTE_ORDER_MARKS if data.startswith(mark)), None)


def _utf8(data: bytes) -> str | None:
    if b"\x00" in data:  # UTF-16 text of ASCII characters is valid UTF-8 too
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # A few GBK characters can be valid UTF-8 by chance; real Chinese UTF-8 reads as common characters.
    return "utf-8" if text.isascii() or _common_chinese(text) > 0 else None


def _detected_encoding(data: bytes) -> str:
    """charset-normalizer's guess, unless GB18030 or UTF-16 reads the bytes as more common Chinese
    (on a short text it guesses cp949, big5 or even UTF-16 for GBK bytes, or nothing at all)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = best.encoding if best else None
    if guess and guess.replace("_", "").lower() in GB_FAMILY:
        guess = "gb18030"  # still weighed against UTF-16: on a few bytes the guess may be GBK for UTF-16
    readings = dict.fromkeys(encoding for encoding in (guess, *FALLBACK_ENCODINGS) if encoding)
    scores = {encoding: _chinese_score(data, encoding) for encoding in readings}
    usable = {encoding: score for encoding, score in scores.items() if score is not None}
    wrong_order = _wrong_utf16_order(data)
    if wrong_order in usable and len(usable) > 1:
        del usable[wrong_order]
    if not usable:
        raise UnreadableFile("无法识别编码：不是 UTF-8、GB18030/GBK 或 UTF-16 文本（可能是二进制文件）")
    return max(usable, key=lambda encoding: (usable[encoding], encoding == "gb18030"))  # on a tie, GB18030


def _wrong_utf16_order(data: bytes) -> str | None:
    """The UTF-16 byte order the NUL bytes rule out, in a text with some ASCII. An ASCII character
    is a NUL and its code in UTF-16, the NUL second in little-endian; a Chinese character is seldom a
    NUL byte (开 is 5F 00), so where a quarter of the characters or more put a NUL on one side, and
    three in four NULs stand there, the order is that side's."""
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if 4 * max(odd, even) < len(data) // 2:
        return None
    if odd >= 3 * even:
        return "utf-16-be"
    if even >= 3 * odd:
        return "utf-16-le"
    return None


def _chinese_score(data: bytes, encoding: str) -> int | None:
    """How Chinese this reading of the bytes is; None when it is no reading."""
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return None if "\x00" in text else _common_chinese(text)


def _common_chinese(text: str) -> int:
    """Distinct common Chinese characters less distinct uncommon ones (ASCII counts for neither)."""
    return sum(_is_common_chinese(ch) for ch in set(text) if not ch.isascii())


def _is_common_chinese(ch: str) -> int:
    try:
        return 1 if ch.encode("gb2312")[0] in COMMON_GB2312_LEADS else -1
    except UnicodeEncodeError:
        return -1


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    return "\x00" in text or controls > BINARY_SHARE * len(text)


def _unsupported(suffix: str) -> str:
    if suffix in OLD_FORMATS:
        return f"不支持{OLD_FORMATS[suffix]}：请另存为 .docx、.xlsx、.pdf 或 .txt 再导入"
    return f"不支持的文件类型“{suffix or '无扩展名'}”：只能导入 .txt、.pdf、.docx、.xlsx、.xls、.html"


# --- PDF ---------------------------------------------------------------------------------

def read_pdf(path: Path) -> str:
    """Each page's text lines and tables, top to bottom; a table row is one tab-separated line.

    pdfium gives the chars and rules of a plain page ten times faster than pdfminer; pdfplumber
    reads every other PDF (and says why a PDF cannot be read)."""
    from .pdfium_pages import NotForPdfium

    try:
        pages = _pdfium_page_lines(path)
    except NotForPdfium:
        pages = _pdfplumber_page_lines(path)
    from .plain_tables import relay_continued_rows

    text = "\n".join(page for page in ("\n".join(lines) for lines in _without_running_heads(pages)) if page.strip())
    text = relay_continued_rows(text)  # a table set by position going on over a page
    if not text.strip():
        raise UnreadableFile("PDF 里没有可提取的文字（可能是扫描件，需要先做文字识别）")
    if len(UNMAPPED_GLYPH_RE.findall(text)) > len(UNMAPPED_GLYPH_RE.sub("", text)) / 4:
        raise UnreadableFile("PDF 的字体没有文字映射，提取出来只是 (cid:…) 编号（请找文字版，或做文字识别）")
    return normalize_text(text)


def _pdfium_page_lines(path: Path) -> list[list[str]]:
    """Each page's lines from the chars and rules pdfium gives (NotForPdfium when a page is not
    plain upright text); a long PDF's pages are shared among the idle cores, every n-th page to each."""
    from .cores import idle_cores, pool
    from .pdfium_pages import page_count

    count = page_count(path)
    workers = min(idle_cores(), count // PAGES_PER_WORKER)
    if workers <= 1:
        return _lines_of_pages(path, range(count))
    shares = [range(first, count, workers) for first in range(workers)]
    with pool(workers) as readers:
        done = list(readers.map(_lines_of_pages, [path] * workers, shares))
    lines = {number: page for share, pages in zip(shares, done) for number, page in zip(share, pages)}
    return [lines[number] for number in range(count)]


def _lines_of_pages(path: Path, numbers: Iterable[int]) -> list[list[str]]:
    from .pdfium_pages import read_pages

    return [_page_lines(page, _tables(page)) for page in read_pages(path, numbers)]


def _pdfplumber_page_lines(path: Path) -> list[list[str]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            return [_page_lines(page, page.find_tables()) for page in pdf.pages]
    except OSError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of error for a damaged file
        # pdfplumber wraps pdfminer's own error in one of its own.
        if any(isinstance(cause, PDFPasswordIncorrect) for cause in (exc, *exc.args, exc.__context__)):
            raise UnreadableFile("PDF 已加密，需要密码才能读取") from exc
        raise UnreadableFile(f"PDF 已损坏或无法解析（{type(exc).__name__}）") from exc


def _tables(page) -> list:
    """The ruled tables of a page read by pdfium, found as pdfplumber finds them on its own pages."""
    from pdfplumber.table import TableFinder, TableSettings

    return TableFinder(page, TableSettings.resolve(None)).tables


def _page_lines(page, tables: list) -> list[str]:
    """A page's text lines outside its tables and each table's rows, in reading order."""
    from .plain_tables import unruled_tables

    boxes = [table.bbox for table in tables]
    outside = [char for char in page.chars if not any(_inside(char, box) for box in boxes)]
    placed, outside = unruled_tables(outside)  # tables set by position only, their rows rebuilt
    placed += [(line["top"], line["text"]) for line in _text_lines(outside, page)]
    for table in tables:
        rows = [_tab_row(row) for row in _extract(table, page.chars)]
        placed.append((table.bbox[1], "\n".join(row for row in rows if row.strip())))
    return [text for _, text in sorted(placed, key=lambda item: item[0]) if text.strip()]


def _extract(table, chars: list[dict]) -> list[list[str | None]]:
    """A table's cells as pdfplumber's Table.extract reads them, from the table's own chars: it
    tests every char of the page against each row, computing the row's box again for each char
    (half of a ruled page's reading time)."""
    from pdfplumber.utils import extract_text

    box = table.bbox
    mids = [((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2, char)
            for char in chars if _inside(char, box)]
    rows = []
    for row in table.rows:
        in_row = _chars_in(mids, row.bbox)
        rows.append([None if cell is None else extract_text(_chars_of(in_row, cell)) for cell in row.cells])
    return rows


def _chars_in(mids: list[tuple], box: tuple[float, float, float, float]) -> list[tuple]:
    """The chars whose middle is in the box, as pdfplumber's Table.extract tests it (right and
    bottom edges open), in the page's order."""
    x0, top, x1, bottom = box
    return [mid for mid in mids if x0 <= mid[0] < x1 and top <= mid[1] < bottom]


def _chars_of(mids: list[tuple], box: tuple[float, float, float, float]) -> list[dict]:
    return [char for *_, char in _chars_in(mids, box)]


def _without_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running heads and feet: a text line at a page's top or bottom that most
    pages repeat (digits aside: 第3页 is 第4页) is kept once, where it first stands; a lone page
    number at a page's foot (- 3 -, 第3页, 3/20) is dropped."""
    counts = Counter(key for lines in pages for key in {_running_key(line) for line in _edges(lines)})
    running = {key for key, n in counts.items() if n >= max(RUNNING_MIN_PAGES, len(pages) * RUNNING_SHARE)}
    seen: set[str] = set()
    result = []
    for lines in pages:
        edges = set(_edges(lines))
        kept = []
        for i, line in enumerate(lines):
            key = _running_key(line)
            if line in edges and (key in running and key in seen or i == len(lines) - 1 and PAGE_NUMBER_RE.fullmatch(line.strip())):
                continue
            seen.add(key)
            kept.append(line)
        result.append(kept)
    return result


def _edges(lines: list[str]) -> list[str]:
    """The text lines (not table rows) among a page's first and last EDGE_LINES."""
    return [line for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:] if "\t" not in line and "\n" not in line]


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _text_lines(chars: list[dict], page) -> list[dict]:
    """The page's text lines, each char on the line it overlaps most (see _snap_to_lines)."""
    from pdfplumber.utils import chars_to_textmap

    chars = _snap_to_lines(chars)
    textmap = chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=page.width, layout_height=page.height)
    return textmap.extract_text_lines(strip=True, return_chars=False)


def _snap_to_lines(chars: list[dict]) -> list[dict]:
    """Chars moved onto the line they share most of their height with.

    Some publishers draw digits and quote marks in another font whose box sits a third of a
    line lower than the Chinese around it ("2024" of "2024年度" below its line): clustered by
    their tops, as pdfplumber does, they make a line of their own between two lines of text.
    A char that overlaps a line by half its height or more belongs to it.
    """
    lines: list[list[float]] = []  # [top, bottom] of each line's first char, by top
    snapped = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        line = _overlapping_line(lines, char)
        if line is None:
            line = [char["top"], char["bottom"]]
            lines.append(line)
        moved = char if char["top"] == line[0] else {**char, "top": line[0], "bottom": line[1]}
        snapped.append(moved)
    return snapped


def _overlapping_line(lines: list[list[float]], char: dict) -> list[float] | None:
    height = char["bottom"] - char["top"]
    best, best_overlap = None, 0.0
    for line in reversed(lines[-LINES_LOOKED_BACK:]):
        overlap = min(line[1], char["bottom"]) - max(line[0], char["top"])
        if overlap >= LINE_OVERLAP * min(height, line[1] - line[0]) and overlap > best_overlap:
            best, best_overlap = line, overlap
    return best


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle_x, middle_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _tab_row(cells: Iterable[str | None]) -> str:
    # A cell's text wraps inside the cell; the wrap is layout, not a word break.
    return "\t".join((cell or "").replace("\n", "").strip() for cell in cells)


# --- Word --------------------------------------------------------------------------------

def read_docx(path: Path) -> str:
    """Paragraphs and tables in document order; a table row is one tab-separated line."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        lines = list(_docx_lines(document.iter_inner_content(), Table))
    except OSError:
        raise
    except Exception as exc:  # a damaged zip or XML, or a file that is not Word at all
        raise UnreadableFile(f"Word 文件已损坏或无法解析（{type(exc).__name__}）") from exc
    return normalize_text("\n".join(lines))


def _docx_lines(blocks: Iterable, table_type: type) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, table_type):
            yield from (_tab_row(_grid_cells(row)) for row in block.rows)
        else:
            yield block.text


def _grid_cells(row) -> list[str]:
    """A row on the table's grid: a merged cell's text where it starts, blank in the other columns
    it spans and in the rows it continues down to (as a web page's or a PDF's merged cells read),
    so that a header over several rows stays above its columns. A row that is one cell across the
    table (a title) is that cell alone."""
    from docx.table import _Cell

    cells_xml = row._tr.tc_lst
    if len(cells_xml) == 1 and cells_xml[0].vMerge != "continue":
        return [_Cell(cells_xml[0], row.table).text]
    cells = [""] * row.grid_cols_before
    for tc in cells_xml:
        cells.append("" if tc.vMerge == "continue" else _Cell(tc, row.table).text)
        cells.extend("" for _ in range(tc.grid_span - 1))
    return cells


# --- Excel -------------------------------------------------------------------------------

def read_spreadsheet(path: Path) -> str:
    """Each sheet in order: its title lines (the rows before its table), then its table's rows,
    tab-separated as the parser reads them. .xlsx and .xls alike (python-calamine)."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = [(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                  for name in workbook.sheet_names]
    except OSError:
        raise
    except Exception as exc:  # a damaged zip or XML, a password, or a file that is not Excel at all
        raise UnreadableFile(f"Excel 文件已损坏或无法解析（{type(exc).__name__}）") from exc
    return normalize_text("\n".join(line for name, rows in sheets for line in _sheet_lines(name, rows)))


def _sheet_lines(name: str, rows: list[list]) -> Iterator[str]:
    cells = [[_cell_text(value) for value in row] for row in rows]
    width = max((_last_filled(row) for row in cells), default=0)  # a row's blank cells are cells too
    cells = [row[:width] for row in cells if any(row)]
    in_table = False
    if cells and not _is_title_row(cells[0]) and not BLANK_SHEET_NAME_RE.match(name.strip()):
        yield name.strip()  # a sheet that opens with its table: its name is its only title
    for row in cells:
        in_table = in_table or not _is_title_row(row)
        filled = [cell for cell in row if cell]
        if not in_table or _is_title_row(row) and (len(filled) > 1 or _is_text(filled[0])):
            yield " ".join(filled)
        else:
            yield _tab_row(row)  # a row whose figures are all blank ("二、事业收入") is still a row


def _is_text(cell: str) -> bool:
    """A one-cell row after a table that is text, not a row of figures left blank: a note, a
    sentence, a label (单位：万元) or the next table's title."""
    return bool(NOTE_RE.match(cell)) or len(cell) > TEXT_CELL_LENGTH or bool(TEXT_CELL_RE.search(cell))


def _is_title_row(row: list[str]) -> bool:
    """A title, a 单位：元 line or an 编制部门：… 单位：元 line: one cell, or only labelled cells."""
    filled = [cell for cell in row if cell]
    return len(filled) == 1 or all(":" in cell or "：" in cell for cell in filled)


def _cell_text(value) -> str:
    """A cell as the sheet shows it: 2946.25, 371514655 (a whole float without its .0), text as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _last_filled(row: list[str]) -> int:
    return max((i + 1 for i, cell in enumerate(row) if cell), default=0)


# --- Web pages -----------------------------------------------------------------------------

def read_html(path: Path) -> str:
    """A saved web page: its title, then its text as paragraphs and its tables as tab-separated
    rows, in page order. The charset is the page's own (<meta charset>) or, failing that, guessed."""
    from selectolax.parser import HTMLParser

    data = Path(path).read_bytes()
    if not data.strip():
        raise UnreadableFile("文件是空的")
    try:
        tree = HTMLParser(_html_text(data))
    except UnreadableFile:
        raise
    except Exception as exc:
        raise UnreadableFile(f"网页无法解析（{type(exc).__name__}）") from exc
    lines = []
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        lines.append(_collapse(title.text()))
    root = tree.body or tree.root
    if root is not None:
        lines.extend(_html_lines(root))
    return normalize_text("\n".join(lines))  # only a <pre> gives blank lines: its one-cell-a-line tables need them


def _html_text(data: bytes) -> str:
    declared = HTML_CHARSET_RE.search(data[:4096])
    if declared and not _marked_encoding(data):
        encoding = declared.group(1).decode("ascii").lower()
        encoding = "gb18030" if encoding.replace("_", "").replace("-", "") in GB_FAMILY | {"gb2312"} else encoding
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass  # a page that lies about its charset: read it as any text file
    return decode_text(data)


def _html_lines(node) -> Iterator[str]:
    """The lines of an element: text runs joined until a block element starts or ends; a table
    of data (no table inside it) as rows; a layout table (tables inside) as the blocks it holds."""
    run: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag in HTML_HIDDEN or tag == "-comment":
            continue
        if tag == "-text":
            run.append(child.text(deep=False))
            continue
        if tag not in HTML_BLOCKS and child.css_first(HTML_BLOCK_SELECTOR) is None:
            run.append(child.text(deep=True, separator=""))  # an inline element: <span>, <font>, <a>
            continue
        yield from _run_line(run)
        run = []
        if tag == "table" and len(child.css("table")) == 1:  # css() counts the table itself
            yield from _table_rows(child)
        elif tag == "pre":
            yield from _preformatted_lines(child)
        elif tag != "br":
            yield from _html_lines(child)
    yield from _run_line(run)


def _run_line(run: list[str]) -> Iterator[str]:
    """The text run so far as one line, when it shows anything."""
    line = _collapse("".join(run))
    if line:
        yield line


def _preformatted_lines(pre) -> Iterator[str]:
    """A <pre> as the browser shows it: its own line breaks and blank lines, and its runs of spaces,
    since they are its layout (a PDF's text pasted into a page, columns aligned by spaces)."""
    text = normalize_text(pre.text(deep=True, separator=""))
    yield from text.removeprefix("\n").removesuffix("\n").split("\n")  # the browser drops a break after <pre>


def _table_rows(table) -> Iterator[str]:
    """Rows on the table's grid: a cell spanning columns or rows is written once, where it starts,
    and blank in the other places it covers (as a PDF's merged cells read), so that a header over
    several rows stays above its columns."""
    covered: dict[int, int] = {}  # column -> rows it is still covered by a cell from above
    for row in table.css("tr"):
        cells: list[str] = []
        for cell in (c for c in row.iter(include_text=False) if c.tag in ("td", "th")):
            _skip_covered(cells, covered)
            columns, rows = _span(cell, "colspan"), _span(cell, "rowspan")
            for column in range(len(cells), len(cells) + columns):
                if rows > 1:
                    covered[column] = rows - 1
            cells.append(_collapse(cell.text(deep=True, separator="")))
            cells.extend("" for _ in range(columns - 1))
        for column in sorted(c for c, left in covered.items() if left and c >= len(cells)):
            cells.extend("" for _ in range(column + 1 - len(cells)))  # covered at the row's end
            covered[column] -= 1
        if any(cells):
            yield _tab_row(cells)


def _skip_covered(cells: list[str], covered: dict[int, int]) -> None:
    """Blank the next columns of the row while a cell from a row above covers them."""
    while covered.get(len(cells), 0) > 0:
        covered[len(cells)] -= 1
        cells.append("")


def _span(cell, attribute: str) -> int:
    try:
        return max(1, min(int(cell.attributes.get(attribute) or 1), 50))
    except ValueError:
        return 1


def _collapse(text: str) -> str:
    """Whitespace as a page shows it: runs of spaces, tabs, line breaks and &nbsp; as one space."""
    return " ".join(text.replace("\xa0", " ").replace("\u3000", " ").split())


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_text_file, ".pdf": read_pdf, ".docx": read_docx,
    ".xlsx": read_spreadsheet, ".xlsm": read_spreadsheet, ".xls": read_spreadsheet,
    ".html": read_html, ".htm": read_html,
}
