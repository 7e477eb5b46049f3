"""Tables a PDF sets by position only (kexie_chat/plain_tables.py): no ruling, three rules, cell
rectangles, narrow columns whose figures almost touch. Each standard table of a 部门决算 and a
部门预算 (tests/layouts.py) is read from such a PDF with the same figures as from its text export."""
from decimal import Decimal
from pathlib import Path

import pytest

from kexie_chat.ingest import stage
from kexie_chat.parse import parse_disclosure
from kexie_chat.plain_tables import relay_continued_rows, unruled_tables
from kexie_chat.readers import read_document

from layouts import county_budget, final_account, write_laid_pdf, write_txt
from minipdf import Laid, laid_widths, page_break, text_width, write_pdf
from test_layouts import BUDGET_GOLDEN, FINAL_GOLDEN, JINJIANG, SANTAI, _missing

# (id, how the PDF sets its tables (write_laid_pdf's options), the tables' unit, codes split over
# 类/款/项 cells)
LAYOUTS = [
    ("no-rules", dict(rules="none"), "万元", True),
    ("no-rules-in-yuan", dict(rules="none"), "元", False),
    ("three-line", dict(rules="horizontal"), "元", True),
    ("cell-rectangles", dict(rules="boxes"), "万元", False),
    ("narrow-figures-almost-touch", dict(rules="none", pad=1), "元", True),
    ("names-wrapped-in-their-cells", dict(rules="none", wrap=6), "元", True),
    ("three-line-names-wrapped", dict(rules="horizontal", wrap=8, pad=2), "万元", False),
    ("labels-and-names-wrapped", dict(rules="none", wrap=6, wrap_header=True), "万元", True),
    ("going-on-over-pages", dict(rules="none", page_rows=4), "元", True),
    ("going-on-with-the-header-again", dict(rules="horizontal", page_rows=6, repeat_header=True, wrap=9), "万元", True),
]
DOCUMENTS = {"决算": (final_account, JINJIANG, 2023, FINAL_GOLDEN), "预算": (county_budget, SANTAI, 2024, BUDGET_GOLDEN)}


def _read(folder: Path, blocks: list, writer, **options):
    path = writer(folder / f"disclosure{'.pdf' if writer is write_laid_pdf else '.txt'}", blocks, **options)
    [staged] = stage([path], folder / "corpus")
    return parse_disclosure(staged.name, staged.text)


@pytest.fixture(scope="module")
def read_both(tmp_path_factory):
    """Each document in each layout, read from its PDF and from its text export, once."""
    read = {}
    for kind, (write, org, year, _) in DOCUMENTS.items():
        for name, options, unit, split in LAYOUTS:
            blocks = write(org, year, unit=unit, split=split)
            pdf = _read(tmp_path_factory.mktemp("pdf"), blocks, write_laid_pdf, **options)
            txt = _read(tmp_path_factory.mktemp("txt"), blocks, write_txt)
            read[(kind, name)] = (pdf, txt)
    return read


def _table_figures(disclosure) -> set:
    return {(f.metric, f.code, f.basis, f.table, f.value) for f in disclosure.facts if f.table != "正文"}


CASES = [(kind, layout) for kind in DOCUMENTS for layout in LAYOUTS]


@pytest.mark.parametrize("kind,layout", CASES, ids=[f"{kind}-{layout[0]}" for kind, layout in CASES])
def test_every_standard_table_set_by_position_is_read(read_both, kind, layout):
    pdf, txt = read_both[(kind, layout[0])]
    assert len(pdf.document.tables_read.split("、")) == 9, pdf.document.tables_read
    assert not _missing(pdf, DOCUMENTS[kind][3], layout[2], kind)


@pytest.mark.parametrize("kind,layout", CASES, ids=[f"{kind}-{layout[0]}" for kind, layout in CASES])
def test_a_table_set_by_position_gives_the_figures_of_its_text_export(read_both, kind, layout):
    """Not one figure more or less, none in another column: the rows rebuilt from positions are the rows."""
    pdf, txt = read_both[(kind, layout[0])]
    assert _table_figures(pdf) == _table_figures(txt)


# (metric, code, column, value in 万元) of the two-sided 收入支出决算总表 set without rules: 收入 on
# the left, 支出 on the right, a 行次 column on each side.
TWO_SIDED = [
    ("一般公共预算拨款收入", None, "金额", "1234.56"), ("事业收入", None, "金额", "56.78"),
    ("教育支出", None, "金额", "1100.00"), ("社会保障和就业支出", None, "金额", "120.00"),
    ("一般公共服务支出", None, "金额（表内空白，记为0）", "0"), ("收入总计", None, "金额", "1320.00"),
    ("支出总计", None, "金额", "1320.00"), ("年末结转和结余", None, "金额", "10.00"),
]


@pytest.mark.parametrize("metric,code,column,value", TWO_SIDED, ids=[t[0] for t in TWO_SIDED])
def test_a_two_sided_total_table_without_rules_keeps_each_side(read_both, metric, code, column, value):
    pdf, _ = read_both[("决算", "no-rules")]
    found = [(f.code, f.basis, f.value, f.unit) for f in pdf.facts if f.table == "收入支出决算总表" and f.metric == metric]
    assert (code, column, Decimal(value), "万元") in found, found


# (metric, code, column, value in 元) of split-code rows in the 元 tables with three rules.
SPLIT_CODES = [
    ("支出决算表", "行政运行", "2050101", "基本支出", "3000000.00"),
    ("支出决算表", "学前教育", "2050201", "项目支出", "1500000.00"),
    ("收入决算表", "学前教育", "2050201", "事业收入", "567800.00"),
    ("一般公共预算财政拨款基本支出决算表", "公务接待费", "30217", "决算数", "12600.00"),
]


@pytest.mark.parametrize("table,metric,code,column,value", SPLIT_CODES, ids=[t[1] + t[3] for t in SPLIT_CODES])
def test_codes_split_over_cells_of_a_three_line_table_are_joined(read_both, table, metric, code, column, value):
    pdf, _ = read_both[("决算", "three-line")]
    assert any(f.table == table and f.metric == metric and f.code == code and f.basis == column
               and f.value == Decimal(value) and f.unit == "元" for f in pdf.facts)


def test_a_header_over_two_rows_stands_over_its_columns(tmp_path):
    """预算数 and 决算数 over six columns each, 公务用车购置及运行费 over three, labels spanning two
    rows set between them: each label is written in the first column it heads."""
    header = [["预算数", "", "", "", "决算数", "", "", ""],
              ["合计", "公务用车购置及运行费", "", "公务接待费", "合计", "公务用车购置及运行费", "", "公务接待费"],
              ["", "购置费", "运行费", "", "", "购置费", "运行费", ""]]
    spans = ((0, 0, 0, 3), (0, 4, 0, 7), (1, 0, 2, 0), (1, 1, 1, 2), (1, 3, 2, 3), (1, 4, 2, 4), (1, 5, 1, 6),
             (1, 7, 2, 7))
    body = [["10.00", "0.00", "7.00", "3.00", "8.76", "3.00", "4.50", "1.26"]]
    text = read_document(write_pdf(tmp_path / "三公.pdf", [Laid(header + body, header=3, spans=spans)]))
    assert text.splitlines() == [
        "预算数\t\t\t\t决算数\t\t\t", "\t公务用车购置及运行费\t\t\t\t公务用车购置及运行费\t\t",
        "合计\t\t\t公务接待费\t合计\t\t\t公务接待费", "\t购置费\t运行费\t\t\t购置费\t运行费\t",
        "10.00\t0.00\t7.00\t3.00\t8.76\t3.00\t4.50\t1.26"]


# --- the rebuilding itself, on chars placed by hand -------------------------------------------

SIZE = 8


def _chars(line: int, *pieces: tuple[float, str]) -> list[dict]:
    """Chars of one line: each piece of text starts at its x, ASCII half as wide as a hanzi."""
    chars = []
    for x, text in pieces:
        for ch in text:
            width = text_width(ch, SIZE)
            top = 100 + 16 * line
            chars.append({"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + SIZE, "size": SIZE})
            x += width
    return chars


def _rows(chars: list[dict]) -> list[str]:
    tables, _ = unruled_tables(chars)
    return relay_continued_rows("\n".join(rows for _, rows in tables)).split("\n") if tables else []


def test_figures_that_almost_touch_are_two_cells():
    """1,234.56 and 2,345.67 a point apart (the widest figures of neighbouring narrow columns)
    part where shorter figures of the other rows leave a blank."""
    width = text_width("1,234.56", SIZE)
    second, third = 120 + width, 120 + 2 * width + 1  # right edges, flush right
    chars = (_chars(0, (40, "行政运行"), (second - width, "1,234.56"), (third - width, "2,345.67"))
             + _chars(1, (40, "其他支出"), (second - text_width("20.00", SIZE), "20.00"),
                      (third - text_width("30.00", SIZE), "30.00")))
    assert _rows(chars) == ["行政运行\t1,234.56\t2,345.67", "其他支出\t20.00\t30.00"]


def test_a_code_written_with_spaces_stays_one_cell():
    """201 06 01: the spaces of a code line up in every row, yet part no columns."""
    chars = (_chars(0, (40, "201 06 01"), (120, "行政运行"), (220, "1,234.56"))
             + _chars(1, (40, "201 06 02"), (120, "一般行政管理事务"), (220, "2,345.67")))
    assert _rows(chars) == ["201 06 01\t行政运行\t1,234.56", "201 06 02\t一般行政管理事务\t2,345.67"]


def test_sentences_with_spaced_figures_are_no_table():
    """Some PDFs set a space either side of each figure in the text: the spaces line up in two
    lines, yet a sentence is no table and is left as it is."""
    chars = (_chars(0, (40, "主要用于：行政单位购房补贴支出。全年预算为"), (40 + 21 * SIZE + 2, "11.72"),
                    (40 + 21 * SIZE + 24, "万元，支出"))
             + _chars(1, (40, "决算为"), (40 + 3 * SIZE + 2, "11.72"), (40 + 3 * SIZE + 24, "万元。决算数与全年预算数持平。")))
    tables, rest = unruled_tables(chars)
    assert tables == [] and len(rest) == len(chars)


def test_a_title_and_a_unit_line_are_left_to_the_text():
    """The title above a table and its 单位 line are text lines, not rows of the table."""
    chars = (_chars(0, (120, "部门收支总表")) + _chars(1, (40, "部门：某某局"), (300, "单位：万元"))
             + _chars(2, (40, "项目"), (200, "预算数")) + _chars(3, (40, "一、一般公共预算拨款收入"), (200, "2,000.00"))
             + _chars(4, (40, "收入总计"), (200, "2,380.00")))
    chars[0:6] = [{**char, "top": char["top"] - 4, "size": 12, "bottom": char["top"] + 8} for char in chars[0:6]]
    assert _rows(chars) == ["项目\t预算数", "一、一般公共预算拨款收入\t2,000.00", "收入总计\t2,380.00"]
    assert "".join(char["text"] for char in unruled_tables(chars)[1]) == "部门收支总表部门：某某局单位：万元"


def test_a_table_going_on_over_a_page_keeps_the_columns_of_its_first_page(tmp_path):
    """On the second page the 项目支出 column is blank in every row: the rows there are set in the
    columns of the first page, so 住房公积金's 50.00 stays 合计 and 基本支出, never 项目支出."""
    header = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]
    rows = [["2050201", "学前教育", "200.00", "50.00", "150.00"], ["2050202", "小学教育", "600.00", "400.00", "200.00"],
            ["2101101", "行政单位医疗", "40.00", "40.00", ""], ["2210201", "住房公积金", "50.00", "50.00", ""]]
    laid = Laid(header + rows, header=1)
    widths = laid_widths(laid)
    blocks = ["支出决算表", Laid(header + rows[:2], header=1, widths=widths), page_break,
              Laid(rows[2:], widths=widths)]
    lines = read_document(write_pdf(tmp_path / "两页.pdf", blocks)).splitlines()
    assert lines[-2:] == ["2101101\t行政单位医疗\t40.00\t40.00\t", "2210201\t住房公积金\t50.00\t50.00\t"]
    assert not any(mark in "\n".join(lines) for mark in "\x1d\x1e\x1f")


def test_a_row_of_blank_cells_at_a_page_s_foot_stays_in_its_table():
    """二、上年结转 … 二、结转下年 with no figures, one row under the last figures, its names where
    the names above start: a row of the table (else its 二、 would end the table's region)."""
    chars = (_chars(0, (40, "项目"), (192, "预算数"), (240, "项目"), (372, "预算数"))
             + _chars(1, (40, "一、本年收入"), (188, "2,100.00"), (240, "一、本年支出"), (368, "2,100.00"))
             + _chars(2, (40, "（一）一般公共预算拨款"), (188, "2,000.00"), (240, "（一）卫生健康支出"), (368, "1,770.00"))
             + _chars(3, (40, "二、上年结转"), (240, "二、结转下年"))
             + _chars(5, (40, "三、其他说明：本表按部门汇总编制")))
    assert _rows(chars)[-1] == "二、上年结转\t\t二、结转下年\t"


# (question, metric, value in 万元) answered from a 部门预算 whose tables are set without rules
ASKED = [("三台县卫健局2024年三公经费", "三公经费", "25"), ("三台县卫健局2024年公务接待费", "公务接待费", "5"),
         ("三台县卫健局2024年2100401", "疾病预防控制机构", "1450")]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from kexie_chat import Assistant
    from kexie_chat.store import build_index

    root = tmp_path_factory.mktemp("ask")
    blocks = county_budget(SANTAI, 2024, unit="元", split=True)
    [staged] = stage([write_laid_pdf(root / "budget.pdf", blocks, rules="horizontal", wrap=8)], root / "corpus")
    (root / "corpus").mkdir(exist_ok=True)
    (root / "corpus" / staged.name).write_text(staged.text, encoding="utf-8")
    return Assistant(db_path=build_index(root / "corpus", root / "kexie.db"), corpus=root / "corpus")


@pytest.mark.parametrize("question,metric,value", ASKED, ids=[a[0] for a in ASKED])
def test_a_budget_without_ruled_tables_answers_with_its_table_figures(assistant, question, metric, value):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    first = answer.facts[0]
    scale = Decimal(10000) if first.unit == "元" else Decimal(1)
    assert (first.metric, Decimal(str(first.value)) / scale) == (metric, Decimal(value)), answer.text
