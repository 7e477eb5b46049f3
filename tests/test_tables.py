"""Standard tables as real disclosures print them (synthetic layouts, one table each).

Each case is a table's text as a PDF or spreadsheet export leaves it (tab-separated cells,
headers over several rows, codes split over 类/款/项 cells, amounts in 元 with thousands
separators) and the facts it must give: (metric, code, basis, value, unit).
"""
from decimal import Decimal

import pytest

from kexie_chat.parse import parse_disclosure
from kexie_chat.parse.header import label_paths
from kexie_chat.parse.regions import split_regions
from kexie_chat.vocabulary import table_kind

HEAD = "上海市某区科学技术协会2025年部门预算\n预算主管部门：上海市某区科学技术协会\n"
DECISION_HEAD = "上海市某区科学技术协会2024年度部门决算\n"

INCOME_BY_CLASS = """2025年部门收入预算总表
编制部门：上海市某区科学技术协会 单位：元
项目\t\t\t\t收入预算\t\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t其他收入
类\t款\t项\t\t\t\t\t
206\t\t\t科学技术支出\t1,234,567.89\t1,234,567.89\t\t
206\t05\t\t科技条件与服务\t1,234,567.89\t1,234,567.89\t\t
206\t05\t03\t科技条件专项\t1,234,567.89\t1,234,567.89\t\t
合计\t\t\t\t1,234,567.89\t1,234,567.89\t\t
"""

SPENDING_OVER_TWO_PAGES = """2025年部门一般公共预算支出功能分类预算表
编制部门：上海市某区科学技术协会 单位：元
项目\t\t\t\t一般公共预算支出\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
201\t13\t01\t行政运行\t9,389,913.00\t9,389,913.00\t
项目\t\t\t\t一般公共预算支出\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
201\t13\t02\t一般行政管理事务\t4,545,000.00\t\t4,545,000.00
合计\t\t\t\t13,934,913.00\t9,389,913.00\t4,545,000.00
"""

UNIT_BUDGET_FOUR_ROW_HEADER = """2025年预算单位财务收支预算总表
编制单位：上海市某区科学技术协会 单位：元
本年收入\t\t本年支出\t\t\t\t
项目\t预算数\t项目\t预算数\t\t\t
\t\t\t合计\t基本支出\t\t项目支出
\t\t\t\t人员经费\t公用经费\t
一、财政拨款收入\t300.00\t一、一般公共服务支出\t300.00\t100.00\t50.00\t150.00
收入总计\t300.00\t支出总计\t300.00\t100.00\t50.00\t150.00
"""

THREE_PUBLIC_BUDGET = """2025年部门“三公”经费和机关运行经费预算表
编制部门：上海市某区科学技术协会 单位:万元
“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数
合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t
\t\t\t小计\t购置费\t运行费\t
867.50\t839.00\t28.50\t\t\t\t213.28
"""

ECONOMIC_SIDE_BY_SIDE = """一般公共预算财政拨款基本支出决算表
单位：万元
经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数
301\t工资福利支出\t95.36\t302\t商品和服务支出\t10.23
30102\t津贴补贴\t39.72\t30201\t办公费\t3.78
人员经费合计\t\t95.36\t公用经费合计\t\t10.23
"""

DECISION_SPLIT_CODES = """一般公共预算财政拨款支出决算表
单位：万元
项目\t\t\t\t合计\t基本支出\t项目支出
支出功能分类\t\t\t科目名称\t\t\t
科目编码\t\t\t\t\t\t
类\t款\t项\t\t\t\t
201\t06\t01\t行政运行\t1,511.89\t1,503.52\t8.37
201 06 08\t\t\t财政委托业务支出\t449.52\t\t449.52
合计\t\t\t\t1,961.41\t1,503.52\t457.89
"""

HEADER_MERGED_INTO_TOTAL = """支出决算表
单位：万元
项目				本年支出合计	基本支出	项目支出
支出功能分类科目编码			科目名称			
类	款	项	合计	2,940.05	2,336.91	603.14
201	06	01	行政运行	1,511.89	1,503.52	8.37
"""

# PDF text without tabs: cells apart by single spaces, the code's 类 款 项 printed apart.
SPACED_DECISION_ROWS = """一般公共预算财政拨款支出决算表
单位：万元
项目 合计 基本支出 项目支出
类 款 项 科目名称
201 一般公共服务支出 2,106.66 1,503.52 603.14
201 06 财政事务 2,106.66 1,503.52 603.14
201 06 01 行政运行 1,511.89 1,503.52 8.37
合计 2,940.05 2,336.91 603.14
"""

SPACED_SIDE_BY_SIDE = """一般公共预算财政拨款基本支出决算表
单位：万元
经济分类 经济分类
科目名称 决算数 科目名称 决算数
科目编码 科目编码
30102 津贴补贴 39.72 30202 印刷费 0.00
"""

SPACED_BUDGET_HEADER = """2025年部门支出预算总表
编制部门：上海市某区科学技术协会 单位：元
项目 支出预算
功能分类科目编码 功能分类科目名称 合计 基本支出 项目支出
类 款 项
合计 371,514,655.00 19,830,655.00 351,684,000.00
"""

EMPTY_FUND_TABLE = """2025年部门政府性基金预算支出功能分类预算表
编制部门：上海市某区科学技术协会 单位：元
项目\t\t\t\t政府性基金预算支出\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
合计\t\t\t\t\t\t
注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。
"""

FILLED_FUND_TABLE_WITH_NOTE = """2025年部门政府性基金预算支出功能分类预算表
编制部门：上海市某区科学技术协会 单位：元
项目\t\t\t\t政府性基金预算支出\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
212\t08\t04\t农业土地开发资金安排的支出\t50,000.00\t\t50,000.00
合计\t\t\t\t50,000.00\t\t50,000.00
注:如本部门无政府性基金预算财政拨款安排的预算，本表为空表。
"""

# (id, head, table, [(metric, code, basis, value, unit)])
GRANT_TOTALS_WITH_CARRY_OVER_BY_FUND = """财政拨款收入支出决算总表
单位：万元
收入\t\t支出\t\t\t\t
项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款
一、一般公共预算财政拨款\t300.00\t一、一般公共服务支出\t300.00\t300.00\t\t
二、政府性基金预算财政拨款\t\t二、外交支出\t\t\t\t
本年收入合计\t300.00\t本年支出合计\t300.00\t300.00\t\t
年初财政拨款结转和结余\t12.34\t年末财政拨款结转和结余\t12.34\t12.34\t\t
一、一般公共预算财政拨款\t10.00\t\t\t\t\t
二、政府性基金预算财政拨款\t2.34\t\t\t\t\t
三、国有资本经营预算财政拨款\t\t\t\t\t\t
总计\t312.34\t总计\t312.34\t312.34\t\t
"""

CASES = [
    ("split-codes-in-yuan", HEAD, INCOME_BY_CLASS, [
        ("科学技术支出", "206", "合计", "1234567.89", "元"),
        ("科技条件与服务", "20605", "财政拨款收入", "1234567.89", "元"),
        ("科技条件专项", "2060503", "合计", "1234567.89", "元"),
        ("科技条件专项", "2060503", "事业收入（表内空白，记为0）", "0", "元"),
        ("收入合计", None, "合计", "1234567.89", "元"),
        ("财政拨款收入", None, "收入合计行", "1234567.89", "元"),
    ]),
    ("continued-over-a-page", HEAD, SPENDING_OVER_TWO_PAGES, [
        ("行政运行", "2011301", "基本支出", "9389913.00", "元"),
        ("一般行政管理事务", "2011302", "项目支出", "4545000.00", "元"),
        ("一般行政管理事务", "2011302", "基本支出（表内空白，记为0）", "0", "元"),
        ("财政拨款支出", None, "合计", "13934913.00", "元"),
        ("基本支出", None, "财政拨款支出行", "9389913.00", "元"),
    ]),
    ("four-row-header", HEAD, UNIT_BUDGET_FOUR_ROW_HEADER, [
        ("财政拨款收入", None, "预算数", "300.00", "元"),
        ("一般公共服务支出", None, "人员经费", "100.00", "元"),
        ("一般公共服务支出", None, "公用经费", "50.00", "元"),
        ("一般公共服务支出", None, "项目支出", "150.00", "元"),
        ("收入总计", None, "预算数", "300.00", "元"),
        ("支出总计", None, "合计", "300.00", "元"),
        ("人员经费", None, "支出总计行", "100.00", "元"),
        ("项目支出", None, "支出总计行", "150.00", "元"),
    ]),
    ("three-public-one-row", HEAD, THREE_PUBLIC_BUDGET, [
        ("三公经费", None, "预算数", "867.50", "万元"),
        ("因公出国（境）费", None, "预算数", "839.00", "万元"),
        ("公务接待费", None, "预算数", "28.50", "万元"),
        ("公务用车购置及运行维护费", None, "预算数（表内空白，记为0）", "0", "万元"),
        ("公务用车购置费", None, "预算数（表内空白，记为0）", "0", "万元"),
        ("公务用车运行维护费", None, "预算数（表内空白，记为0）", "0", "万元"),
        ("机关运行经费", None, "预算数", "213.28", "万元"),
    ]),
    ("economic-side-by-side", DECISION_HEAD, ECONOMIC_SIDE_BY_SIDE, [
        ("津贴补贴", "30102", "决算数", "39.72", "万元"),
        ("办公费", "30201", "决算数", "3.78", "万元"),
        ("人员经费", None, "决算数", "95.36", "万元"),
        ("公用经费", None, "决算数", "10.23", "万元"),
    ]),
    ("decision-codes-split-or-spaced", DECISION_HEAD, DECISION_SPLIT_CODES, [
        ("行政运行", "2010601", "合计", "1511.89", "万元"),
        ("行政运行", "2010601", "项目支出", "8.37", "万元"),
        ("财政委托业务支出", "2010608", "合计", "449.52", "万元"),
        ("财政拨款支出", None, "合计", "1961.41", "万元"),
    ]),
    ("header-cells-merged-into-the-total-row", DECISION_HEAD, HEADER_MERGED_INTO_TOTAL, [
        ("支出合计", None, "本年支出合计", "2940.05", "万元"),
        ("基本支出", None, "支出合计行", "2336.91", "万元"),
        ("行政运行", "2010601", "项目支出", "8.37", "万元"),
    ]),
    ("pdf-spaces-code-printed-apart", DECISION_HEAD, SPACED_DECISION_ROWS, [
        ("一般公共服务支出", "201", "合计", "2106.66", "万元"),
        ("财政事务", "20106", "基本支出", "1503.52", "万元"),
        ("行政运行", "2010601", "项目支出", "8.37", "万元"),
        ("财政拨款支出", None, "合计", "2940.05", "万元"),
    ]),
    ("pdf-spaces-two-sides", DECISION_HEAD, SPACED_SIDE_BY_SIDE, [
        ("津贴补贴", "30102", "决算数", "39.72", "万元"),
        ("印刷费", "30202", "决算数", "0.00", "万元"),
    ]),
    ("pdf-spaces-项目-is-no-项目支出", HEAD, SPACED_BUDGET_HEADER, [
        ("支出合计", None, "合计", "371514655.00", "元"),
        ("项目支出", None, "支出合计行", "351684000.00", "元"),
    ]),
    ("empty-table-note", HEAD, EMPTY_FUND_TABLE, [
        ("政府性基金预算财政拨款支出", None, "预算数（文字表述为无）", "0", "元"),
    ]),
    ("carry-over-broken-down-by-fund", DECISION_HEAD, GRANT_TOTALS_WITH_CARRY_OVER_BY_FUND, [
        ("一般公共预算拨款收入", None, "决算数", "300.00", "万元"),
        ("年初结转和结余", None, "决算数", "12.34", "万元"),
        ("年初结转和结余", None, "一般公共预算财政拨款", "10.00", "万元"),
        ("年初结转和结余", None, "政府性基金预算财政拨款", "2.34", "万元"),
        ("年末结转和结余", None, "一般公共预算财政拨款", "12.34", "万元"),
        ("收入总计", None, "决算数", "312.34", "万元"),
    ]),
    ("filled-table-note-ignored", HEAD, FILLED_FUND_TABLE_WITH_NOTE, [
        ("农业土地开发资金安排的支出", "2120804", "项目支出", "50000.00", "元"),
    ]),
]


def _facts(head, table):
    return parse_disclosure("t.txt", head + table).facts


@pytest.mark.parametrize("name,head,table,expected", CASES, ids=[c[0] for c in CASES])
def test_table_facts(name, head, table, expected):
    facts = _facts(head, table)
    got = {(f.metric, f.code, f.basis, f.value, f.unit) for f in facts if f.table != "正文"}
    for metric, code, basis, value, unit in expected:
        assert (metric, code, basis, Decimal(value), unit) in got, sorted(map(str, got))


def test_every_table_fact_keeps_its_title_line_and_quote():
    facts = [f for f in _facts(HEAD, INCOME_BY_CLASS + SPENDING_OVER_TWO_PAGES) if f.table != "正文"]
    assert {f.table for f in facts} == {"2025年部门收入预算总表", "2025年部门一般公共预算支出功能分类预算表"}
    for fact in facts:
        assert fact.text.replace(",", "") in fact.source.quote.replace(",", "")


def test_a_filled_table_is_not_emptied_by_its_note():
    facts = _facts(HEAD, FILLED_FUND_TABLE_WITH_NOTE)
    assert not [f for f in facts if "文字表述为无" in (f.basis or "")]


def test_a_fund_row_under_the_carry_over_is_no_income():
    facts = _facts(DECISION_HEAD, GRANT_TOTALS_WITH_CARRY_OVER_BY_FUND)
    income = {(f.metric, f.value) for f in facts if f.metric in ("一般公共预算拨款收入", "政府性基金预算拨款收入")}
    assert income == {("一般公共预算拨款收入", Decimal("300.00")), ("政府性基金预算拨款收入", Decimal("0"))}  # its row is blank


def test_codes_of_a_side_by_side_table_stay_on_their_side():
    facts = _facts(DECISION_HEAD, ECONOMIC_SIDE_BY_SIDE)
    assert {f.code for f in facts if f.metric == "商品和服务支出"} == {"302"}
    assert not [f for f in facts if f.metric == "工资福利支出" and f.value == Decimal("10.23")]


# The standard set, by the names 预算 and 决算 print (with their usual year and 部门 prefix).
TITLES = [
    ("2025年部门财务收支预算总表", "收支总表"), ("2025年部门收入预算总表", "收入"),
    ("2025年部门支出预算总表", "支出"), ("2025年部门财政拨款收支预算总表", "财政拨款收支"),
    ("2025年部门一般公共预算支出功能分类预算表", "一般公共预算支出"),
    ("2025年部门一般公共预算基本支出部门预算经济分类预算表", "基本支出"),
    ("2025年部门政府性基金预算支出功能分类预算表", "政府性基金"),
    ("2025年部门国有资本经营预算支出功能分类预算表", "国有资本经营"),
    ("2025年部门“三公”经费和机关运行经费预算表", "三公"), ("项目支出绩效目标表", "绩效目标"),
    ("收入支出决算总表", "收支总表"), ("收入决算表", "收入"), ("支出决算表", "支出"),
    ("财政拨款收入支出决算总表", "财政拨款收支"), ("一般公共预算财政拨款支出决算表", "一般公共预算支出"),
    ("一般公共预算财政拨款基本支出决算表", "基本支出"), ("财政拨款“三公”经费支出决算表", "三公"),
    ("政府性基金预算财政拨款收入支出决算表", "政府性基金"), ("国有资本经营预算财政拨款收入支出决算表", "国有资本经营"),
    ("一、2025年“三公”经费预算情况说明", None),
]


@pytest.mark.parametrize("title,kind", TITLES, ids=[t[0] for t in TITLES])
def test_standard_table_titles(title, kind):
    assert table_kind(title) == kind


def test_a_title_without_its_headers_is_narrative():
    lines = ["项目支出绩效目标表", "生命健康专项经费情况说明", "一、项目概述", "推动产业发展。"]
    assert [r.kind for r in split_regions(lines, "某科协")] == [None, None]


def test_a_sentence_pointing_at_a_table_is_no_title():
    """详见单位的项目绩效目标表 (参见…表): the sections after it go on in the same narrative."""
    for pointer in ("详见单位的项目绩效目标表", "参见部门预算绩效目标表", "具体见附件政府采购预算表"):
        assert table_kind(pointer) is None
        lines = [pointer, "生命健康专项经费情况说明", "一、项目概述", "推动产业发展。"]
        assert [r.kind for r in split_regions(lines, "某科协")] == [None]


HEADERS = [
    ("span-stops-at-an-earlier-start", [["本年收入", "", "本年支出", ""], ["项目", "预算数", "项目", "预算数"]],
     [["本年收入", "项目"], ["本年收入", "预算数"], ["本年支出", "项目"], ["本年支出", "预算数"]]),
    ("lower-row-under-a-span", [["合计", "公务用车购置及运行费", "", ""], ["", "小计", "购置费", "运行费"]],
     [["合计"], ["公务用车购置及运行费", "小计"], ["公务用车购置及运行费", "购置费"],
      ["公务用车购置及运行费", "运行费"]]),
    ("no-span-past-a-new-column", [["项目", "", "合计"], ["编码", "名称", ""]],
     [["项目", "编码"], ["项目", "名称"], ["合计"]]),
]


@pytest.mark.parametrize("name,rows,paths", HEADERS, ids=[h[0] for h in HEADERS])
def test_header_label_paths(name, rows, paths):
    assert label_paths(rows) == paths


# A two-sided 总表 prints every standard row by name, blank where the body has nothing: each
# blank cell is a 0 the table states, on either side, first row or not, with or without 行次
# columns. Each table plants one blank row in a filled table; its twin fills that row.
INCOME_ROWS = [("一、一般公共预算财政拨款收入", "一般公共预算拨款收入"), ("二、政府性基金预算财政拨款收入", "政府性基金预算拨款收入"),
               ("三、上级补助收入", "上级补助收入"), ("四、事业收入", "事业收入")]
SPENDING_ROWS = [("一、一般公共服务支出", "一般公共服务支出"), ("二、外交支出", "外交支出"), ("三、教育支出", "教育支出"),
                 ("四、科学技术支出", "科学技术支出"), ("五、住房保障支出", "住房保障支出")]
TOTALS_LAYOUTS = {
    # (header, a row's cells from (name, 行次, amount) per side, the value column's label)
    "row-numbers": ("收入\t\t\t支出\t\t\n项目\t行次\t金额\t项目\t行次\t金额\n栏次\t\t1\t栏次\t\t2\n",
                    lambda side: [side[0], side[1], side[2]], "金额"),
    "no-row-numbers": ("收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n",
                       lambda side: [side[0], side[2]], "决算数"),
}


def _totals_table(layout: str, blank: tuple[int, int] | None) -> str:
    """The 总表 in a layout, every cell filled but the one at (side, row) when given."""
    header, cells, _ = TOTALS_LAYOUTS[layout]
    lines = ["收入支出决算总表", "单位：万元", header.rstrip("\n")]
    for row in range(len(SPENDING_ROWS)):
        sides = []
        for side, names in enumerate((INCOME_ROWS, SPENDING_ROWS)):
            if row >= len(names):
                sides.append(["", "", ""])
                continue
            amount = "" if blank == (side, row) else f"{side + 1}{row}.{row + 5:02d}"
            sides.append([names[row][0], str(1 + 30 * side + row), amount])
        lines.append("\t".join(cells(sides[0]) + cells(sides[1])))
    return "\n".join(lines) + "\n"


BLANK_CELLS = [(layout, side, row) for layout in TOTALS_LAYOUTS for side, names in enumerate((INCOME_ROWS, SPENDING_ROWS))
               for row in range(len(names))]


@pytest.mark.parametrize("layout,side,row", BLANK_CELLS, ids=[f"{l}-{'支出' if s else '收入'}-row{r + 1}" for l, s, r in BLANK_CELLS])
def test_a_blank_row_of_a_two_sided_table_is_zero(layout, side, row):
    label = TOTALS_LAYOUTS[layout][2]
    metric = (INCOME_ROWS, SPENDING_ROWS)[side][row][1]
    blank = {(f.metric, f.basis, f.value, f.source.line) for f in _facts(DECISION_HEAD, _totals_table(layout, (side, row)))
             if f.table != "正文"}
    line = 4 + TOTALS_LAYOUTS[layout][0].count("\n") + row  # after the head, the title, 单位 and the header
    assert (metric, f"{label}（表内空白，记为0）", Decimal("0"), line) in blank, sorted(map(str, blank))
    filled = {(f.metric, f.basis, f.value) for f in _facts(DECISION_HEAD, _totals_table(layout, None)) if f.table != "正文"}
    assert (metric, label, Decimal(f"{side + 1}{row}.{row + 5:02d}")) in filled, sorted(map(str, filled))
    assert not [f for f in filled if f[0] == metric and f[2] == 0]


def test_a_header_repeated_over_a_page_is_no_blank_row():
    table = _totals_table("no-row-numbers", None) + "收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n"
    metrics = {f.metric for f in _facts(DECISION_HEAD, table) if f.table != "正文"}
    assert metrics == {m for _, m in INCOME_ROWS + SPENDING_ROWS}


# A PDF's 三公 table as numbered rows (序号, cells apart by spaces, blank cells as spaces), the
# last row followed, before the next heading, by the title and opening sentence of the prose.
NUMBERED_THREE_PUBLIC_THEN_PROSE = """单位预算财政拨款“三公”经费支出表
731001 某市科学技术协会本级 预算年度：2022 单位：万元
序号 项  目
资 金 性 质
合计
一般公共预算
财政拨款
政府性基金
预算拨款
国有资本经营
预算财政拨款
栏次 1 2 3 4 5
1 合计 2.14 2.14{blank}
2 “三公”经费小计 2.14 2.14{blank}
3 一、因公出国（境）费{blank}{blank}
4
    其中：教学科研人员因公出国
（境）费
6 二、公务用车购置及运维费 1.93 1.93{blank}
{last}
{after}
一、部门职责及机构设置情况
"""
PROSE_AFTER_A_TABLE = [
    ("title-and-sentence", " 某市科学技术协会 2022 年部门预算信息公开情况说明\n按照《预算法》规定，现将某市\n市科学技术协会 2022年部门预算公开如下："),
    ("sentence-ending-in-colon", "现将本单位2022年部门预算公开如下："),
    ("title-alone", "某市科学技术协会2022年部门预算信息公开情况说明"),
    ("blank-lines-between", "\n\n现将本单位 2022 年预算公开如下： \n\n"),
]


@pytest.mark.parametrize("name,after", PROSE_AFTER_A_TABLE, ids=[c[0] for c in PROSE_AFTER_A_TABLE])
def test_prose_after_a_numbered_table_is_no_row(name, after):
    """Only a wrapped name continues a numbered row: the row's figures close it, so the prose
    printed after the table's last row adds no figure (a 2022年部门预算公开如下 of 0 was one)."""
    table = NUMBERED_THREE_PUBLIC_THEN_PROSE.format(blank="   ", last="9 三、公务接待费 0.21 0.21   ", after=after)
    facts = [f for f in _facts("某市科学技术协会2022年部门预算\n", table) if f.table != "正文"]
    assert {f.metric for f in facts} <= {"三公经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"}, \
        sorted({f.metric for f in facts})
    reception = {(f.basis, f.value) for f in facts if f.metric == "公务接待费"}
    assert ("合计", Decimal("0.21")) in reception and all("公开" not in f.source.quote for f in facts)


# The fund rows under a carry-over row, as other layouts number and spell them: 一、一般公共预算拨款 (no
# 财政), （一）一般公共预算财政拨款 (numbered in brackets, indented).
FUND_ROW_SPELLINGS = ["一、{fund}财政拨款", "一、{fund}拨款", "（一）{fund}财政拨款", "  （一）{fund}拨款", "(1){fund}财政拨款"]


@pytest.mark.parametrize("spelling", FUND_ROW_SPELLINGS)
def test_a_fund_row_under_the_carry_over_is_its_part_however_written(spelling):
    first, second = spelling.format(fund="一般公共预算"), spelling.format(fund="政府性基金预算").replace("一", "二", 1).replace("1", "2")
    table = GRANT_TOTALS_WITH_CARRY_OVER_BY_FUND.replace("\n一、一般公共预算财政拨款\t10.00", f"\n{first}\t10.00") \
        .replace("\n二、政府性基金预算财政拨款\t2.34", f"\n{second}\t2.34")
    facts = [f for f in _facts(DECISION_HEAD, table) if f.table != "正文"]
    income = {(f.metric, f.value) for f in facts if f.metric in ("一般公共预算拨款收入", "政府性基金预算拨款收入")}
    assert income == {("一般公共预算拨款收入", Decimal("300.00")), ("政府性基金预算拨款收入", Decimal("0"))}
    parts = {(f.basis, f.value) for f in facts if f.metric == "年初结转和结余"}
    assert {("一般公共预算财政拨款", Decimal("10.00")), ("政府性基金预算财政拨款", Decimal("2.34"))} <= parts


# A 收支总表 flattened one cell a line (a Word export): 上年结转 and the funds it is made of, beside the
# spending side's rows.
CELLS_GRANT_TOTALS = """表4：2019年财政拨款收支总表
某市某区科学技术协会 单位：元
\t收入项目类别
\t收入预算金额
\t支出项目类别
\t支出预算金额

\t一、本年收入
\t5693444.30
\t一、一般公共预算财政拨款本年支出
\t5693444.30

\t  （一）一般公共预算财政拨款
\t5693444.30
\t（一）科学技术支出
\t5693444.30

\t二、上年结转
\t100.00
\t（二）住房保障支出
\t0

\t  （一）一般公共预算财政拨款
\t100.00
\t二、政府性基金预算财政拨款本年支出
\t0

\t三、结转下年
\t100.00

\t    收入总计：
\t5693544.30
\t    支出总计：
\t5693544.30
"""


def test_a_fund_row_under_the_carry_over_of_a_cells_table():
    facts = [f for f in _facts("某市某区科学技术协会2019年部门预算\n", CELLS_GRANT_TOTALS) if f.table != "正文"]
    income = {(f.metric, f.value) for f in facts if f.metric == "一般公共预算拨款收入"}
    assert income == {("一般公共预算拨款收入", Decimal("5693444.30"))}
    assert ("年初结转和结余", "一般公共预算财政拨款", Decimal("100.00")) in {(f.metric, f.basis, f.value) for f in facts}
    totals = {(f.metric, f.value) for f in facts if "总计" in f.metric}
    assert totals == {("收入总计", Decimal("5693544.30")), ("支出总计", Decimal("5693544.30"))}  # no 收入总计: of its own
