"""Synthetic disclosures in the layouts of the national templates (财政部 部门决算 公开01-09表, a county's
部门预算 of eleven tables), written as text, Word, Excel, web page or PDF.

Every name and figure here is made up; the layouts follow the templates other provinces publish:
titles with their 公开表 numbers, 栏次 and 行次 rows and columns, 项目 headers over several rows, codes
in one cell or split over 类/款/项 cells, amounts in 万元 or in 元 with thousands separators.
A document is a list of blocks: a line of text (str) or a Table.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import docx

from minipdf import Laid, laid_widths, page_break, write_pdf


@dataclass
class Table:
    title: str
    number: str  # 公开01表, 表1, or ""
    unit_line: str  # 部门：…  金额单位：万元
    header: list[list[str]]
    rows: list[list[str]]
    note: str = ""
    number_first: bool = False  # the number on its own line above the title (表1-1 / 部门收入总表)


def money(value: str, unit: str) -> str:
    """A 万元 figure as the table prints it: 万元 with two decimals, or 元 with thousands separators."""
    if not value:
        return ""
    amount = Decimal(value)
    if unit == "元":
        return f"{amount * 10000:,.2f}"
    return f"{amount:,.2f}" if amount >= 1000 else f"{amount:.2f}"


# --- 部门决算 (公开01-09表) ---------------------------------------------------------------------

# (code, name, 本年收入合计, 财政拨款收入, 事业收入, 其他收入) of the 收入决算表.
INCOME_ROWS = [
    ("205", "教育支出", "1090.00", "1024.56", "56.78", "8.66"),
    ("20501", "教育管理事务", "300.00", "300.00", "", ""),
    ("2050101", "行政运行", "300.00", "300.00", "", ""),
    ("20502", "普通教育", "790.00", "724.56", "56.78", "8.66"),
    ("2050201", "学前教育", "190.00", "124.56", "56.78", "8.66"),
    ("2050202", "小学教育", "600.00", "600.00", "", ""),
    ("208", "社会保障和就业支出", "120.00", "120.00", "", ""),
    ("20805", "行政事业单位养老支出", "120.00", "120.00", "", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "80.00", "80.00", "", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "40.00", "40.00", "", ""),
    ("210", "卫生健康支出", "40.00", "40.00", "", ""),
    ("21011", "行政事业单位医疗", "40.00", "40.00", "", ""),
    ("2101101", "行政单位医疗", "40.00", "40.00", "", ""),
    ("221", "住房保障支出", "50.00", "50.00", "", ""),
    ("22102", "住房改革支出", "50.00", "50.00", "", ""),
    ("2210201", "住房公积金", "50.00", "50.00", "", ""),
]
# (code, name, 本年支出合计, 基本支出, 项目支出) of the 支出决算表.
SPENDING_ROWS = [
    ("205", "教育支出", "1100.00", "750.00", "350.00"),
    ("20501", "教育管理事务", "300.00", "300.00", ""),
    ("2050101", "行政运行", "300.00", "300.00", ""),
    ("20502", "普通教育", "800.00", "450.00", "350.00"),
    ("2050201", "学前教育", "200.00", "50.00", "150.00"),
    ("2050202", "小学教育", "600.00", "400.00", "200.00"),
    ("208", "社会保障和就业支出", "120.00", "120.00", ""),
    ("20805", "行政事业单位养老支出", "120.00", "120.00", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "80.00", "80.00", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "40.00", "40.00", ""),
    ("210", "卫生健康支出", "40.00", "40.00", ""),
    ("21011", "行政事业单位医疗", "40.00", "40.00", ""),
    ("2101101", "行政单位医疗", "40.00", "40.00", ""),
    ("221", "住房保障支出", "50.00", "50.00", ""),
    ("22102", "住房改革支出", "50.00", "50.00", ""),
    ("2210201", "住房公积金", "50.00", "50.00", ""),
]
# (code, name, 小计, 基本支出, 项目支出) of the 一般公共预算财政拨款支出决算表.
GENERAL_ROWS = [
    ("205", "教育支出", "1034.56", "750.00", "284.56"),
    ("20501", "教育管理事务", "300.00", "300.00", ""),
    ("2050101", "行政运行", "300.00", "300.00", ""),
    ("20502", "普通教育", "734.56", "450.00", "284.56"),
    ("2050201", "学前教育", "134.56", "50.00", "84.56"),
    ("2050202", "小学教育", "600.00", "400.00", "200.00"),
    *((code, name, total, basic, "") for code, name, total, basic, _ in SPENDING_ROWS[6:]),
]
# 人员经费 (left) and 公用经费 (right) of the 基本支出决算表: (code, name, 决算数).
PERSONNEL_ROWS = [
    ("301", "工资福利支出", "800.00"), ("30101", "基本工资", "300.00"), ("30102", "津贴补贴", "200.00"),
    ("30107", "绩效工资", "150.00"), ("30108", "机关事业单位基本养老保险缴费", "80.00"),
    ("30109", "职业年金缴费", "40.00"), ("30113", "住房公积金", "30.00"),
    ("303", "对个人和家庭的补助", "60.00"), ("30302", "退休费", "60.00"),
]
PUBLIC_ROWS = [
    ("302", "商品和服务支出", "95.00"), ("30201", "办公费", "20.00"), ("30205", "水费", "5.00"),
    ("30211", "差旅费", "10.00"), ("30217", "公务接待费", "1.26"), ("30231", "公务用车运行维护费", "4.50"),
    ("30299", "其他商品和服务支出", "54.24"), ("310", "资本性支出", "5.00"), ("31002", "办公设备购置", "5.00"),
]
# 三公: 预算数 then 决算数, each 合计, 因公出国（境）费, 公务用车 小计/购置费/运行费, 公务接待费.
SANGONG_BUDGET = ("10.00", "0.00", "7.00", "0.00", "7.00", "3.00")
SANGONG_ACTUAL = ("8.76", "0.00", "7.50", "3.00", "4.50", "1.26")
SPENDING_CLASSES = [("教育支出", "1100.00"), ("社会保障和就业支出", "120.00"), ("卫生健康支出", "40.00"),
                    ("住房保障支出", "50.00")]
FISCAL_CLASSES = [("教育支出", "1034.56"), ("社会保障和就业支出", "120.00"), ("卫生健康支出", "40.00"),
                  ("住房保障支出", "50.00")]


def _code_cells(code: str, split: bool) -> list[str]:
    """A 功能分类 code in one cell, or over 类/款/项 cells (205 | 01 | 01)."""
    if not split:
        return [code]
    return [code[:3], code[3:5], code[5:7]]


def _code_header(split: bool) -> list[list[str]]:
    """The 项目 header over three rows: 科目编码 (类/款/项 when split) and 科目名称."""
    if split:
        return [["项目", "", "", ""], ["科目编码", "", "", "科目名称"], ["类", "款", "项", ""]]
    return [["项目", ""], ["科目编码", "科目名称"], ["", ""]]


def _classified(title, number, unit_line, columns, rows, split, unit, group=None):
    """A 功能分类 table: the 项目 header over three rows, the columns (under a group label when
    given), a 栏次 row numbering the value columns, the 合计 row, then each class."""
    head = _code_header(split)
    lead = len(head[0])
    top = [*head[0], *([group] + [""] * (len(columns) - 1) if group else columns)]
    middle = [*head[1], *(columns if group else [""] * len(columns))]
    bottom = [*head[2], *[""] * len(columns)]
    numbering = ["栏次", *[""] * (lead - 1), *[str(i + 1) for i in range(len(columns))]]
    totals = [money(str(sum(Decimal(r[2 + i]) for r in rows if len(r[0]) == 3 and r[2 + i])), unit)
              for i in range(len(columns))]
    body = [["合计", *[""] * (lead - 1), *totals]]
    for code, name, *values in rows:
        body.append([*_code_cells(code, split), name, *(money(v, unit) for v in values)])
    return Table(title, number, unit_line, [top, middle, bottom, numbering], body)


def final_account(org: str, year: int, unit: str = "万元", split: bool = False) -> list:
    """A 部门决算 of the national template: cover, the nine 公开表, then the narrative."""
    unit_line = f"部门：{org}\t金额单位：{unit}"
    m = lambda v: money(v, unit)  # noqa: E731
    blocks: list = [f"{org}{year}年度部门决算", "目录", "第一部分 部门概况", "一、部门职责",
                    f"{org}主管全区教育工作。", "第二部分 部门决算表"]
    blocks.append(Table("收入支出决算总表", "公开01表", unit_line, [
        ["收入", "", "", "支出", "", ""],
        ["项目", "行次", "金额", "项目", "行次", "金额"],
        ["栏次", "", "1", "栏次", "", "2"]], [
        ["一、一般公共预算财政拨款收入", "1", m("1234.56"), "一、一般公共服务支出", "32", ""],
        ["二、政府性基金预算财政拨款收入", "2", "", "二、外交支出", "33", ""],
        ["三、国有资本经营预算财政拨款收入", "3", "", "三、国防支出", "34", ""],
        ["四、上级补助收入", "4", "", "四、公共安全支出", "35", ""],
        ["五、事业收入", "5", m("56.78"), "五、教育支出", "36", m("1100.00")],
        ["六、经营收入", "6", "", "六、科学技术支出", "37", ""],
        ["七、附属单位上缴收入", "7", "", "七、社会保障和就业支出", "38", m("120.00")],
        ["八、其他收入", "8", m("8.66"), "八、卫生健康支出", "39", m("40.00")],
        ["", "9", "", "九、住房保障支出", "40", m("50.00")],
        ["本年收入合计", "28", m("1300.00"), "本年支出合计", "58", m("1310.00")],
        ["使用非财政拨款结余", "29", "", "结余分配", "59", ""],
        ["年初结转和结余", "30", m("20.00"), "年末结转和结余", "60", m("10.00")],
        ["总计", "31", m("1320.00"), "总计", "61", m("1320.00")]],
        note="注：本表反映部门本年度的总收支和年末结转结余情况。"))
    income = [(c, n, t, f, "", b, "", "", o) for c, n, t, f, b, o in INCOME_ROWS]
    blocks.append(_classified("收入决算表", "公开02表", unit_line,
                              ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                               "附属单位上缴收入", "其他收入"], income, split, unit))
    spending = [(c, n, t, b, p, "", "", "") for c, n, t, b, p in SPENDING_ROWS]
    blocks.append(_classified("支出决算表", "公开03表", unit_line,
                              ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                               "对附属单位补助支出"], spending, split, unit))
    incomes = [("一、一般公共预算财政拨款", "1", m("1234.56")), ("二、政府性基金预算财政拨款", "2", ""),
               ("三、国有资本经营预算财政拨款", "3", ""), ("", "", "")]
    fiscal = [[*income, f"{'一二三四'[i]}、{name}", str(33 + i), m(value), m(value), "", ""]
              for i, (income, (name, value)) in enumerate(zip(incomes, FISCAL_CLASSES))]
    blocks.append(Table("财政拨款收入支出决算总表", "公开04表", unit_line, [
        ["收入", "", "", "支出", "", "", "", "", ""],
        ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
         "国有资本经营预算财政拨款"],
        ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"]], [
        *fiscal,
        ["本年收入合计", "4", m("1234.56"), "本年支出合计", "60", m("1244.56"), m("1244.56"), "", ""],
        ["年初财政拨款结转和结余", "5", m("10.00"), "年末财政拨款结转和结余", "61", "", "", "", ""],
        ["总计", "8", m("1244.56"), "总计", "64", m("1244.56"), m("1244.56"), "", ""]]))
    blocks.append(_classified("一般公共预算财政拨款支出决算表", "公开05表", unit_line,
                              ["小计", "基本支出", "项目支出"], GENERAL_ROWS, split, unit, group="本年支出"))
    basic = [[c1, n1, m(v1), c2, n2, m(v2)] for (c1, n1, v1), (c2, n2, v2) in zip(PERSONNEL_ROWS, PUBLIC_ROWS)]
    blocks.append(Table("一般公共预算财政拨款基本支出决算表", "公开06表", unit_line, [
        ["人员经费", "", "", "公用经费", "", ""],
        ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"]],
        [*basic, ["人员经费合计", "", m("860.00"), "公用经费合计", "", m("100.00")]]))
    sangong_head = ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"]
    sangong_sub = ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]
    blocks.append(Table("一般公共预算财政拨款“三公”经费支出决算表", "公开07表", unit_line, [
        ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
        [*sangong_head, *sangong_head], [*sangong_sub, *sangong_sub],
        [str(i) for i in range(1, 13)]], [[*map(m, SANGONG_BUDGET), *map(m, SANGONG_ACTUAL)]]))
    blocks.append(Table("政府性基金预算财政拨款收入支出决算表", "公开08表", unit_line, [
        ["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
        ["科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""],
        ["栏次", "", "1", "2", "3", "4", "5", "6"]],
        [["合计", "", "", "", "", "", "", ""]],
        note=f"注：本部门{year}年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。"))
    blocks.append(Table("国有资本经营预算财政拨款支出决算表", "公开09表", unit_line, [
        ["项目", "", "本年支出", "", ""],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["栏次", "", "1", "2", "3"]],
        [["合计", "", "", "", ""]],
        note=f"注：本部门{year}年度没有国有资本经营预算财政拨款支出，故本表无数据。"))
    blocks.extend(_final_narrative(org, year))
    return blocks


def _final_narrative(org: str, year: int) -> list[str]:
    return [
        f"第三部分 {year}年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        f"{year}年度收入总计1,320.00万元、支出总计1,320.00万元。与上年相比，收、支总计各增加12.34万元，"
        "增长0.94%。主要原因是在校学生人数增加。",
        "二、收入决算情况说明",
        f"{year}年度本年收入合计1,300.00万元，其中：一般公共预算财政拨款收入1,234.56万元，占94.97%；"
        "事业收入56.78万元，占4.37%；其他收入8.66万元，占0.67%。",
        "三、支出决算情况说明",
        f"{year}年度本年支出合计1,310.00万元，其中：基本支出960.00万元，占73.28%；项目支出350.00万元，占26.72%。",
        "四、“三公”经费财政拨款支出决算情况说明",
        f"{year}年度“三公”经费财政拨款支出决算为8.76万元，完成预算的87.6%。其中：因公出国（境）费支出决算为0万元；"
        "公务用车购置及运行维护费支出决算为7.50万元；公务接待费支出决算为1.26万元。",
        "五、机关运行经费支出情况说明",
        f"{year}年度本部门机关运行经费支出100.00万元，比上年减少5.00万元，下降4.76%。主要原因是压减日常公用经费。",
        "六、政府采购支出情况说明",
        f"{year}年度政府采购支出总额45.00万元，其中：政府采购货物支出30.00万元、政府采购工程支出0万元、"
        "政府采购服务支出15.00万元。授予中小企业合同金额40.00万元。",
        "七、国有资产占用情况说明",
        f"截至{year}年12月31日，本部门共有车辆3辆，其中：一般公务用车1辆、执法执勤用车2辆。",
    ]


# --- 部门预算 of a county (表1 部门收支总表 … 表7 政府采购预算表) --------------------------------------

# (code, name, 合计, 上年结转, 一般公共预算拨款收入, 政府性基金预算拨款收入, 事业收入, 其他收入) of the 部门收入总表.
BUDGET_INCOME_ROWS = [
    ("210", "卫生健康支出", "2050.00", "100.00", "1770.00", "", "150.00", "30.00"),
    ("21001", "卫生健康管理事务", "600.00", "", "600.00", "", "", ""),
    ("2100101", "行政运行", "600.00", "", "600.00", "", "", ""),
    ("21004", "公共卫生", "1450.00", "100.00", "1170.00", "", "150.00", "30.00"),
    ("2100401", "疾病预防控制机构", "1450.00", "100.00", "1170.00", "", "150.00", "30.00"),
    ("208", "社会保障和就业支出", "150.00", "", "150.00", "", "", ""),
    ("20805", "行政事业单位养老支出", "150.00", "", "150.00", "", "", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "100.00", "", "100.00", "", "", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "50.00", "", "50.00", "", "", ""),
    ("221", "住房保障支出", "80.00", "", "80.00", "", "", ""),
    ("22102", "住房改革支出", "80.00", "", "80.00", "", "", ""),
    ("2210201", "住房公积金", "80.00", "", "80.00", "", "", ""),
    ("212", "城乡社区支出", "100.00", "", "", "100.00", "", ""),
    ("21208", "国有土地使用权出让收入安排的支出", "100.00", "", "", "100.00", "", ""),
    ("2120899", "其他国有土地使用权出让收入安排的支出", "100.00", "", "", "100.00", "", ""),
]
# (code, name, 合计, 基本支出, 项目支出) of the 部门支出总表; the first twelve rows are 一般公共预算.
BUDGET_SPENDING_ROWS = [
    ("210", "卫生健康支出", "2050.00", "1200.00", "850.00"),
    ("21001", "卫生健康管理事务", "600.00", "600.00", ""),
    ("2100101", "行政运行", "600.00", "600.00", ""),
    ("21004", "公共卫生", "1450.00", "600.00", "850.00"),
    ("2100401", "疾病预防控制机构", "1450.00", "600.00", "850.00"),
    *((code, name, total, total, "") for code, name, total, *_ in BUDGET_INCOME_ROWS[5:12]),
    ("212", "城乡社区支出", "100.00", "", "100.00"),
    ("21208", "国有土地使用权出让收入安排的支出", "100.00", "", "100.00"),
    ("2120899", "其他国有土地使用权出让收入安排的支出", "100.00", "", "100.00"),
]
BUDGET_GENERAL_ROWS = [
    ("210", "卫生健康支出", "1770.00", "1200.00", "570.00"),
    ("21001", "卫生健康管理事务", "600.00", "600.00", ""),
    ("2100101", "行政运行", "600.00", "600.00", ""),
    ("21004", "公共卫生", "1170.00", "600.00", "570.00"),
    ("2100401", "疾病预防控制机构", "1170.00", "600.00", "570.00"),
    *BUDGET_SPENDING_ROWS[5:12],
]
# (code, name, 合计, 人员经费, 公用经费) of the 一般公共预算基本支出表 (部门经济分类).
BUDGET_BASIC_ROWS = [
    ("301", "工资福利支出", "1200.00", "1200.00", ""), ("30101", "基本工资", "500.00", "500.00", ""),
    ("30102", "津贴补贴", "300.00", "300.00", ""), ("30107", "绩效工资", "200.00", "200.00", ""),
    ("30108", "机关事业单位基本养老保险缴费", "100.00", "100.00", ""),
    ("30109", "职业年金缴费", "50.00", "50.00", ""), ("30113", "住房公积金", "50.00", "50.00", ""),
    ("302", "商品和服务支出", "130.00", "", "130.00"), ("30201", "办公费", "40.00", "", "40.00"),
    ("30211", "差旅费", "30.00", "", "30.00"), ("30217", "公务接待费", "5.00", "", "5.00"),
    ("30231", "公务用车运行维护费", "15.00", "", "15.00"), ("30299", "其他商品和服务支出", "40.00", "", "40.00"),
    ("303", "对个人和家庭的补助", "100.00", "100.00", ""), ("30302", "退休费", "100.00", "100.00", ""),
]
# (项目名称, 合计, 一般公共预算, 政府性基金预算, 其他资金) of the 项目支出表.
BUDGET_PROJECTS = [
    ("基本公共卫生服务补助", "500.00", "500.00", "", ""), ("家庭医生签约服务", "70.00", "70.00", "", ""),
    ("疾控中心能力提升", "280.00", "", "", "280.00"), ("城乡社区环境整治", "100.00", "", "100.00", ""),
]


def county_budget(org: str, year: int, unit: str = "万元", split: bool = False) -> list:
    """A county's 部门预算 of eleven tables, numbered 表1 … 表7 above their titles."""
    unit_line = f"单位名称：{org}\t单位：{unit}"
    m = lambda v: money(v, unit)  # noqa: E731
    blocks: list = [f"{org}{year}年部门预算", "目录", f"第一部分 {org}概况", "一、基本职能及主要工作",
                    f"{org}负责全县卫生健康工作。", f"第二部分 {org}{year}年部门预算情况说明"]
    blocks.extend(_budget_narrative(year))
    blocks.append(f"第三部分 {org}{year}年部门预算表")
    table = lambda *a, **k: Table(*a, number_first=True, **k)  # noqa: E731
    blocks.append(table("部门收支总表", "表1", unit_line, [
        ["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]], [
        ["一、一般公共预算拨款收入", m("2000.00"), "一、一般公共服务支出", ""],
        ["二、政府性基金预算拨款收入", m("100.00"), "二、社会保障和就业支出", m("150.00")],
        ["三、国有资本经营预算拨款收入", "", "三、卫生健康支出", m("2050.00")],
        ["四、事业收入", m("150.00"), "四、城乡社区支出", m("100.00")],
        ["五、事业单位经营收入", "", "五、住房保障支出", m("80.00")],
        ["六、其他收入", m("30.00"), "", ""],
        ["本年收入合计", m("2280.00"), "本年支出合计", m("2380.00")],
        ["上年结转", m("100.00"), "结转下年", ""],
        ["收入总计", m("2380.00"), "支出总计", m("2380.00")]]))
    income_columns = ["合计", "上年结转", "一般公共预算拨款收入", "政府性基金预算拨款收入", "事业收入", "其他收入"]
    blocks.append(_classified("部门收入总表", "表1-1", unit_line, income_columns, BUDGET_INCOME_ROWS, split, unit))
    blocks.append(_classified("部门支出总表", "表1-2", unit_line, ["合计", "基本支出", "项目支出"],
                              BUDGET_SPENDING_ROWS, split, unit))
    blocks.append(table("财政拨款收支总表", "表2", unit_line, [
        ["收入", "", "支出", "", "", "", ""],
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]], [
        ["一、本年收入", m("2100.00"), "一、本年支出", m("2100.00"), m("2000.00"), m("100.00"), ""],
        ["（一）一般公共预算拨款", m("2000.00"), "（一）社会保障和就业支出", m("150.00"), m("150.00"), "", ""],
        ["（二）政府性基金预算拨款", m("100.00"), "（二）卫生健康支出", m("1770.00"), m("1770.00"), "", ""],
        ["（三）国有资本经营预算拨款", "", "（三）城乡社区支出", m("100.00"), "", m("100.00"), ""],
        ["", "", "（四）住房保障支出", m("80.00"), m("80.00"), "", ""],
        ["二、上年结转", "", "二、结转下年", "", "", "", ""],
        ["收入总计", m("2100.00"), "支出总计", m("2100.00"), m("2000.00"), m("100.00"), ""]]))
    blocks.append(_classified("一般公共预算支出表", "表3", unit_line, ["合计", "基本支出", "项目支出"],
                              BUDGET_GENERAL_ROWS, split, unit))
    basic = _classified("一般公共预算基本支出表", "表3-1", unit_line, ["合计", "人员经费", "公用经费"],
                        BUDGET_BASIC_ROWS, split=False, unit=unit)
    basic.header[0][0], basic.header[1][0] = "部门经济分类科目", "科目编码"
    blocks.append(basic)
    blocks.append(table("一般公共预算“三公”经费支出表", "表3-2", unit_line, [
        ["单位名称", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
        ["", "", "", "小计", "公务用车购置费", "公务用车运行费", ""]], [
        ["合计", *map(m, ("25.00", "0.00", "20.00", "5.00", "15.00", "5.00"))],
        [org, *map(m, ("25.00", "0.00", "20.00", "5.00", "15.00", "5.00"))]]))
    blocks.append(_classified("政府性基金预算支出表", "表4", unit_line, ["合计", "基本支出", "项目支出"],
                              [(c, n, t, "", t) for c, n, t, *_ in BUDGET_INCOME_ROWS[12:]],
                              split, unit))
    blocks.append(table("国有资本经营预算支出表", "表5", unit_line, [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]], [["", "合计", "", "", ""]],
        note=f"注：本部门{year}年无国有资本经营预算拨款安排的支出，本表为空表。"))
    blocks.append(table("项目支出表", "表6", unit_line, [
        ["项目名称", "合计", "一般公共预算", "政府性基金预算", "其他资金"]],
        [["合计", m("950.00"), m("570.00"), m("100.00"), m("280.00")],
         *([name, *map(m, values)] for name, *values in BUDGET_PROJECTS)]))
    blocks.append(table("政府采购预算表", "表7", unit_line, [
        ["采购项目", "采购目录", "数量", "预算金额"]],
        [["合计", "", "", m("35.00")], ["台式计算机", "A02010104", "10", m("5.00")],
         ["物业管理服务", "C1204", "1", m("30.00")]]))
    return blocks


def _budget_narrative(year: int) -> list[str]:
    return [
        "一、收支预算总体情况",
        f"按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。{year}年收支总预算2,380.00万元。",
        "二、收入预算情况",
        f"{year}年收入预算2,380.00万元，其中：上年结转100.00万元，一般公共预算拨款收入2,000.00万元，"
        "政府性基金预算拨款收入100.00万元，事业收入150.00万元，其他收入30.00万元。",
        "三、支出预算情况",
        f"{year}年支出预算2,380.00万元，其中：基本支出1,430.00万元，占60.08%；项目支出950.00万元，占39.92%。",
        "四、“三公”经费预算情况说明",
        f"{year}年“三公”经费预算25.00万元，比上年减少2.00万元。其中：因公出国（境）费0万元；"
        "公务用车购置及运行费20.00万元；公务接待费5.00万元。",
        "五、其他重要事项的情况说明",
        f"（一）机关运行经费：{year}年本部门机关运行经费预算130.00万元，比上年增加3.00万元，增长2.36%。",
        f"（二）政府采购情况：{year}年本部门政府采购预算总额35.00万元，其中：政府采购货物预算5.00万元，"
        "政府采购服务预算30.00万元。",
        f"（三）国有资产占用情况：截至{year - 1}年12月31日，本部门共有车辆2辆。",
    ]


# --- writers ----------------------------------------------------------------------------------

def caption(table: Table) -> list[str]:
    """The lines above a table: its title and number, in the order the template prints them."""
    lines = [table.title] + ([table.number] if table.number else [])
    return lines[::-1] if table.number_first else lines


def table_lines(table: Table) -> list[str]:
    """A table as a text export prints it: title, number, unit line, tab-separated rows, note."""
    lines = caption(table) + [table.unit_line]
    lines += ["\t".join(row) for row in table.header + table.rows]
    return lines + ([table.note] if table.note else [])


def write_txt(path: Path, blocks: list) -> Path:
    lines = [line for block in blocks for line in (table_lines(block) if isinstance(block, Table) else [block])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_docx(path: Path, blocks: list) -> Path:
    """Paragraphs, and each table as a Word table whose group headers are merged across their columns."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        for line in caption(block) + [block.unit_line.replace("\t", "    ")]:
            document.add_paragraph(line)
        width = max(len(row) for row in block.header + block.rows)
        table = document.add_table(rows=len(block.header), cols=width)
        for row, cells in zip(table.rows, block.header):
            for cell, text in zip(row.cells, cells):
                cell.text = text
        _merge_runs(table, block.header)  # before the body rows: a merge walks the whole grid
        for cells in block.rows:
            for cell, text in zip(table.add_row().cells, cells):
                if text:
                    cell.text = text
        if block.note:
            document.add_paragraph(block.note)
    document.save(path)
    return path


def _merge_runs(table, header: list[list[str]]) -> None:
    """Each header label spans, as the templates draw them, the blanks right of it that its row
    above groups with it (收入 over 项目|行次|金额) and the blanks below it (本年支出合计 over three rows)."""
    spans = header_spans(header)
    for r0, c0, r1, c1 in spans:
        if (r0, c0) != (r1, c1):
            text = header[r0][c0]
            table.cell(r0, c0).merge(table.cell(r1, c1)).text = text


def header_spans(header: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of every label of a header."""
    width = max(len(row) for row in header)
    rows = [row + [""] * (width - len(row)) for row in header]
    owner = [[None] * width for _ in rows]  # which span covers each cell
    spans: list[list[int]] = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                spans.append([r, c, r, c])
                owner[r][c] = len(spans) - 1
            elif c and owner[r][c - 1] is not None and spans[owner[r][c - 1]][0] == r and \
                    (r == 0 or owner[r - 1][c] == owner[r - 1][c - 1]):
                span = owner[r][c - 1]
                spans[span][3] = c
                owner[r][c] = span
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            above = owner[r - 1][c] if r else None
            if owner[r][c] is None and above is not None and spans[above][1] == c or \
                    owner[r][c] is None and above is not None and _covers_row(spans[above], owner, r):
                spans[above][2] = r
                owner[r][c] = above
    return [tuple(span) for span in spans]


def _covers_row(span: list[int], owner, r: int) -> bool:
    """A span of several columns goes down a row only when every column it covers is blank there."""
    return all(owner[r][c] is None for c in range(span[1], span[3] + 1))


def write_xlsx(path: Path, blocks: list, caption_row: bool = False) -> Path:
    """One sheet per table (named by its 公开表 number), the text before the tables on a cover sheet
    and the narrative after them on a last sheet. caption_row: the title and its number in the first
    and last cell of one row, the 单位 line's two labels likewise (as the templates' own exports do)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "封面"
    for block in blocks:
        if isinstance(block, Table):
            sheet = workbook.create_sheet((block.number or block.title)[:28])
            width = max(len(row) for row in block.header + block.rows)
            if caption_row:
                sheet.append([block.title, *[None] * (width - 2), block.number])
                body, unit = block.unit_line.split("\t")
                sheet.append([body, *[None] * (width - 2), unit])
            else:
                for line in caption(block):
                    sheet.append([line])
                sheet.append([block.unit_line.replace("\t", "    ")])
            for row in block.header + block.rows:
                sheet.append([_xlsx_cell(cell) for cell in row])
            if block.note:
                sheet.append([block.note])
            sheet = None
            continue
        if sheet is None:
            sheet = workbook.create_sheet("情况说明")
        sheet.append([block])
    workbook.save(path)
    return path


def _xlsx_cell(text: str):
    """Figures as numbers (the sheet shows them formatted), codes and labels as text."""
    plain = text.replace(",", "")
    if "." in plain and plain.replace(".", "").lstrip("-").isdigit():
        return float(plain)
    return text or None


def write_html(path: Path, blocks: list) -> Path:
    """A saved web page: the title, paragraphs, and each table with its group headers spanning columns."""
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(f"<p>{block}</p>")
            continue
        parts.extend(f"<p align='center'><b>{line}</b></p>" for line in caption(block))
        parts.append(f"<p>{block.unit_line.replace(chr(9), '&nbsp;&nbsp;&nbsp;&nbsp;')}</p>")
        rows = _html_header(block.header) + [_html_row(row) for row in block.rows]
        parts.append("<table border='1'>" + "".join(rows) + "</table>")
        if block.note:
            parts.append(f"<p>{block.note}</p>")
    title = blocks[0]
    page = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> &gt; 政务公开 &gt; 财政预决算</div>{''.join(parts)}</body></html>")
    path.write_text(page, encoding="utf-8")
    return path


def _html_header(header: list[list[str]]) -> list[str]:
    """Header rows with each label spanning its columns and rows (colspan, rowspan)."""
    starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in header_spans(header)}
    rows = []
    for r, row in enumerate(header):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in starts:
                down, across = starts[(r, c)]
                cells.append(f"<th rowspan='{down}' colspan='{across}'>{text}</th>")
            elif not any(r0 <= r <= r0 + d - 1 and c0 <= c <= c0 + a - 1 for (r0, c0), (d, a) in starts.items()):
                cells.append("<th></th>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return rows


def _html_row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def write_pdf_document(path: Path, blocks: list) -> Path:
    """Each table on its own page, ruled, its title, number and unit line above it."""
    out: list = []
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
            continue
        out.extend([page_break, *caption(block), block.unit_line.replace("\t", "    "), block.header + block.rows])
        if block.note:
            out.append(block.note)
        out.append(page_break)
    return write_pdf(path, out)


def write_laid_pdf(path: Path, blocks: list, rules: str = "none", pad: float = 3, wrap: int = 0,
                   page_rows: int = 0, repeat_header: bool = False, wrap_header: bool = False) -> Path:
    """Each table on its own landscape page, set by position only (minipdf.Laid): no ruling, three
    rules or cell rectangles; its header labels centered over the columns and rows they span; a
    row name longer than `wrap` chars wrapped in its cell (a header label too, with wrap_header);
    a table of more than `page_rows` rows
    going on over the next page, its header printed again there or not."""
    out: list = []
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
            continue
        width = max(len(row) for row in block.header + block.rows)
        header, body = ([row + [""] * (width - len(row)) for row in rows] for rows in (block.header, block.rows))
        spans = tuple(header_spans(block.header))
        out.extend([page_break, *caption(block), block.unit_line.replace("\t", "    ")])
        widths = laid_widths(Laid(header + body, header=len(header), spans=spans, pad=pad, wrap=wrap,
                                  wrap_header=wrap_header))
        step = page_rows or len(body)
        for start in range(0, len(body), step):
            head = header if start == 0 or repeat_header else []
            if start:
                out.append(page_break)
            out.append(Laid(head + body[start:start + step], header=len(head), spans=spans if head else (),
                            rules=rules, pad=pad, wrap=wrap, widths=widths, wrap_header=wrap_header))
        if block.note:
            out.append(block.note)
        out.append(page_break)
    return write_pdf(path, out, landscape=True)


WRITERS = {".txt": write_txt, ".docx": write_docx, ".xlsx": write_xlsx, ".html": write_html,
           ".pdf": write_pdf_document}
