"""Disclosures in the national templates' layouts (tests/layouts.py), in every format the project
reads: each standard table is recognized and gives its golden figures, and the Assistant answers
canonical questions with them first, for bodies of other kinds and provinces."""
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from kexie_chat import Assistant
from kexie_chat.ingest import stage
from kexie_chat.parse import parse_disclosure
from kexie_chat.store import build_index

from layouts import WRITERS, Table, county_budget, final_account, table_lines, write_xlsx

JINJIANG = "成都市锦江区教育局"
BEISHAN = "杭州市西湖区北山街道办事处"
SANTAI = "绵阳市三台县卫生健康局"

# (table title words, metric, code, basis the fact's basis starts with, value, unit) of final_account();
# table figures in 万元 are printed in 元 by a document kept in 元.
FINAL_GOLDEN = [
    ("收入支出决算总表", "收入总计", None, "金额", "1320.00", "万元"),
    ("收入支出决算总表", "一般公共预算拨款收入", None, "金额", "1234.56", "万元"),
    ("收入支出决算总表", "教育支出", None, "金额", "1100.00", "万元"),
    ("收入支出决算总表", "年末结转和结余", None, "金额", "10.00", "万元"),
    ("收入决算表", "收入合计", None, "本年收入合计", "1300.00", "万元"),
    ("收入决算表", "财政拨款收入", None, "收入合计行", "1234.56", "万元"),
    ("收入决算表", "学前教育", "2050201", "事业收入", "56.78", "万元"),
    ("支出决算表", "支出合计", None, "本年支出合计", "1310.00", "万元"),
    ("支出决算表", "基本支出", None, "支出合计行", "960.00", "万元"),
    ("支出决算表", "小学教育", "2050202", "项目支出", "200.00", "万元"),
    ("支出决算表", "行政运行", "2050101", "基本支出", "300.00", "万元"),
    ("财政拨款收入支出决算总表", "支出总计", None, "合计", "1244.56", "万元"),
    ("财政拨款收入支出决算总表", "年初结转和结余", None, "金额", "10.00", "万元"),
    ("一般公共预算财政拨款支出决算表", "财政拨款支出", None, "小计", "1244.56", "万元"),
    ("一般公共预算财政拨款支出决算表", "学前教育", "2050201", "项目支出", "84.56", "万元"),
    ("一般公共预算财政拨款支出决算表", "住房公积金", "2210201", "小计", "50.00", "万元"),
    ("基本支出决算表", "人员经费", None, "决算数", "860.00", "万元"),
    ("基本支出决算表", "公用经费", None, "决算数", "100.00", "万元"),
    ("基本支出决算表", "公务接待费", "30217", "决算数", "1.26", "万元"),
    ("基本支出决算表", "津贴补贴", "30102", "决算数", "200.00", "万元"),
    ("“三公”经费支出决算表", "三公经费", None, "决算数", "8.76", "万元"),
    ("“三公”经费支出决算表", "三公经费", None, "预算数", "10.00", "万元"),
    ("“三公”经费支出决算表", "公务用车购置费", None, "决算数", "3.00", "万元"),
    ("“三公”经费支出决算表", "公务用车运行维护费", None, "决算数", "4.50", "万元"),
    ("“三公”经费支出决算表", "公务接待费", None, "预算数", "3.00", "万元"),
    ("正文", "三公经费", None, "完成预算比例", "87.6", "%"),
    ("正文", "机关运行经费", None, "决算数", "100.00", "万元"),
    ("正文", "机关运行经费", None, "较上年增减", "-5.00", "万元"),
    ("正文", "政府采购", None, "决算数", "45.00", "万元"),
    ("正文", "车辆", None, "数量", "3", "辆"),
]
# (format, codes split over 类/款/项 cells, the tables' unit)
FINAL_VARIANTS = [
    (".txt", False, "万元"), (".txt", True, "元"), (".docx", True, "元"), (".xlsx", False, "元"),
    (".xlsx", True, "万元"), (".html", True, "万元"), (".pdf", True, "万元"),
]


# The same for county_budget(): eleven tables numbered 表1 … 表7 above their titles, 单位名称 labels.
BUDGET_GOLDEN = [
    ("部门收支总表", "收入总计", None, "预算数", "2380.00", "万元"),
    ("部门收支总表", "年初结转和结余", None, "预算数", "100.00", "万元"),
    ("部门收支总表", "卫生健康支出", None, "预算数", "2050.00", "万元"),
    ("部门收入总表", "收入总计", None, "合计", "2380.00", "万元"),  # its 合计 counts 上年结转
    ("部门收入总表", "一般公共预算拨款收入", None, "收入总计行", "2000.00", "万元"),
    ("部门收入总表", "公共卫生", "21004", "事业收入", "150.00", "万元"),
    ("部门支出总表", "支出合计", None, "合计", "2380.00", "万元"),
    ("部门支出总表", "项目支出", None, "支出合计行", "950.00", "万元"),
    ("部门支出总表", "疾病预防控制机构", "2100401", "项目支出", "850.00", "万元"),
    ("财政拨款收支总表", "收入合计", None, "预算数", "2100.00", "万元"),
    ("财政拨款收支总表", "支出总计", None, "政府性基金预算", "100.00", "万元"),
    ("财政拨款收支总表", "卫生健康支出", None, "一般公共预算", "1770.00", "万元"),
    ("一般公共预算支出表", "财政拨款支出", None, "合计", "2000.00", "万元"),
    ("一般公共预算支出表", "行政运行", "2100101", "基本支出", "600.00", "万元"),
    ("一般公共预算基本支出表", "基本支出", None, "合计", "1430.00", "万元"),
    ("一般公共预算基本支出表", "人员经费", None, "基本支出行", "1300.00", "万元"),
    ("一般公共预算基本支出表", "公务接待费", "30217", "公用经费", "5.00", "万元"),
    ("“三公”经费支出表", "三公经费", None, "合计", "25.00", "万元"),
    ("“三公”经费支出表", "公务用车购置及运行维护费", None, "小计", "20.00", "万元"),
    ("“三公”经费支出表", "公务用车运行维护费", None, "三公经费行", "15.00", "万元"),
    ("政府性基金预算支出表", "其他国有土地使用权出让收入安排的支出", "2120899", "项目支出", "100.00", "万元"),
    ("国有资本经营预算支出表", "国有资本经营预算财政拨款支出", None, "预算数（文字表述为无）", "0", "万元"),
    ("项目支出表", "项目支出", None, "项目合计", "950.00", "万元"),
    ("政府采购预算表", "政府采购", None, "合计", "35.00", "万元"),
    ("政府采购预算表", "政府采购", None, "采购金额", "30.00", "万元"),  # 物业管理服务, listed without a catalog price
    ("正文", "收入总计", None, "预算数", "2380.00", "万元"),  # 收入预算…其中：上年结转…
    ("正文", "三公经费", None, "较上年增减", "-2.00", "万元"),
    ("正文", "机关运行经费", None, "预算数", "130.00", "万元"),
    ("正文", "车辆", None, "数量", "2", "辆"),
]
BUDGET_VARIANTS = [(".txt", True, "元"), (".docx", False, "万元"), (".xlsx", True, "元"), (".html", False, "万元"),
                   (".pdf", True, "元")]


def _staged(tmp_path: Path, blocks: list, suffix: str):
    path = WRITERS[suffix](tmp_path / f"disclosure{suffix}", blocks)
    [staged] = stage([path], tmp_path / "corpus")
    return staged


@pytest.fixture(scope="module")
def final_accounts(tmp_path_factory):
    """Each variant of the 部门决算, staged as `kexie ingest` stages it and parsed, once."""
    read = {}
    for suffix, split, unit in FINAL_VARIANTS:
        folder = tmp_path_factory.mktemp("final")
        staged = _staged(folder, final_account(JINJIANG, 2023, unit=unit, split=split), suffix)
        read[(suffix, split, unit)] = (staged, parse_disclosure(staged.name, staged.text))
    return read


@pytest.fixture(scope="module")
def budgets(tmp_path_factory):
    read = {}
    for suffix, split, unit in BUDGET_VARIANTS:
        folder = tmp_path_factory.mktemp("budget")
        staged = _staged(folder, county_budget(SANTAI, 2024, unit=unit, split=split), suffix)
        read[(suffix, split, unit)] = (staged, parse_disclosure(staged.name, staged.text))
    return read


def _missing(disclosure, golden: list, table_unit: str, doc_kind: str) -> list:
    missing = []
    for table, metric, code, basis, value, unit in golden:
        value, unit = _expected(value, unit, table, table_unit)
        if not any(f.metric == metric and f.code == code and (f.basis or "").startswith(basis) and f.value == value
                   and f.unit == unit and table in (f.table or "") and f.doc_kind == doc_kind for f in disclosure.facts):
            missing.append((table, metric, code, basis, value, unit))
    return missing


def _expected(value: str, unit: str, table: str, table_unit: str) -> tuple[Decimal, str]:
    if table != "正文" and unit == "万元" and table_unit == "元":
        return Decimal(value) * 10000, "元"
    return Decimal(value), unit


@pytest.mark.parametrize("variant", FINAL_VARIANTS, ids=[f"{s}-{'split' if c else 'code'}-{u}" for s, c, u in FINAL_VARIANTS])
def test_a_final_account_of_the_national_template_gives_its_golden_figures(final_accounts, variant):
    staged, disclosure = final_accounts[variant]
    document = disclosure.document
    assert (staged.name, document.org, document.year, document.doc_kind) == (
        f"2023-{JINJIANG}-部门决算.txt", JINJIANG, 2023, "决算")
    assert len(document.tables_read.split("、")) == 9, document.tables_read
    assert not _missing(disclosure, FINAL_GOLDEN, variant[2], "决算")


@pytest.mark.parametrize("variant", BUDGET_VARIANTS, ids=[f"{s}-{'split' if c else 'code'}-{u}" for s, c, u in BUDGET_VARIANTS])
def test_a_county_budget_of_eleven_tables_gives_its_golden_figures(budgets, variant):
    """单位名称 over each table names the body; the title's 部门预算 says whose document it is."""
    staged, disclosure = budgets[variant]
    document = disclosure.document
    assert (staged.name, document.org, document.year, document.doc_kind, document.scope) == (
        f"2024-{SANTAI}-部门预算.txt", SANTAI, 2024, "预算", "部门")
    assert len(document.tables_read.split("、")) == 9, document.tables_read
    assert not _missing(disclosure, BUDGET_GOLDEN, variant[2], "预算")


def test_a_project_table_lists_projects_and_a_units_row_is_no_figure(budgets):
    """项目支出表 lists projects (items, with their total), not classes; the 三公 table's row of the
    body itself (under 单位名称) repeats its 合计 row and names no metric."""
    _, disclosure = budgets[(".txt", True, "元")]
    projects = {f.item: f.value for f in disclosure.facts if f.table == "项目支出表"}
    assert projects == {None: Decimal("9500000.00"), "基本公共卫生服务补助": Decimal("5000000.00"),
                        "家庭医生签约服务": Decimal("700000.00"), "疾控中心能力提升": Decimal("2800000.00"),
                        "城乡社区环境整治": Decimal("1000000.00")}
    assert not [f for f in disclosure.facts if SANTAI in f.metric or "卫生健康局" in f.metric]


@pytest.mark.parametrize("variant", FINAL_VARIANTS, ids=[f"{s}-{'split' if c else 'code'}-{u}" for s, c, u in FINAL_VARIANTS])
def test_numbering_rows_and_table_numbers_give_no_figure(final_accounts, variant):
    """栏次 1 2 3 …, 行次 cells and 公开02表 lines number the table; none is a figure."""
    _, disclosure = final_accounts[variant]
    numbered = [f for f in disclosure.facts if f.table != "正文" and (
        f.source.quote.startswith(("栏次", "公开", "1\t2\t3")) or f.metric in ("行次", "栏次"))]
    assert not numbered
    # the 行次 column beside 一、一般公共预算财政拨款收入 (1) is not its amount
    assert not [f for f in disclosure.facts if f.metric == "一般公共预算拨款收入" and f.value == 1]


def test_every_format_gives_the_same_figures(final_accounts):
    """The text export, Word, Excel, web page and PDF of one disclosure read alike (line numbers aside)."""
    def figures(variant):
        facts = final_accounts[variant][1].facts
        scale = {"元": Decimal(1), "万元": Decimal(10000)}
        return sorted({(f.metric, f.code, f.basis, f.table, (f.value * scale.get(f.unit, 1)).normalize())
                       for f in facts}, key=str)

    base = figures((".txt", False, "万元"))
    for variant in FINAL_VARIANTS[1:]:
        assert figures(variant) == base, variant


# --- the Assistant on an index of them ----------------------------------------------------------

@pytest.fixture(scope="module")
def index_db(final_accounts, budgets, tmp_path_factory):
    """An index of the 决算's Word copy (in 元, codes split), a 街道办事处's web page and the county
    budget, built once."""
    root = tmp_path_factory.mktemp("layouts")
    corpus = root / "corpus"
    corpus.mkdir()
    staged, _ = final_accounts[(".docx", True, "元")]
    (corpus / staged.name).write_text(staged.text, encoding="utf-8")
    beishan = _staged(root, final_account(BEISHAN, 2024), ".html")
    (corpus / beishan.name).write_text(beishan.text, encoding="utf-8")
    santai, _ = budgets[(".docx", False, "万元")]
    (corpus / santai.name).write_text(santai.text, encoding="utf-8")
    return build_index(corpus, root / "kexie.db"), corpus


@pytest.fixture(scope="module")
def assistant(index_db):
    db, corpus = index_db
    return Assistant(db_path=db, corpus=corpus)


def test_the_synthetic_disclosures_agree_with_themselves(index_db):
    """kexie check finds no error in them: every table's totals, the tables and the narrative agree
    (a 收入预算 whose 其中 counts 上年结转 is the 收入总计, a class's income row is not its spending)."""
    with sqlite3.connect(index_db[0]) as db:
        errors = db.execute("select doc, text from findings where severity = '错误'").fetchall()
    assert not errors


# (question, org, year, metric, value in 万元 or as counted) of the answer's first fact
QUESTIONS = [
    ("锦江区教育局2023年三公经费", JINJIANG, 2023, "三公经费", "8.76"),
    ("锦江区教育局2023年公务接待费", JINJIANG, 2023, "公务接待费", "1.26"),
    ("锦江区教育局2023年机关运行经费", JINJIANG, 2023, "机关运行经费", "100"),
    ("锦江区教育局2023年基本支出", JINJIANG, 2023, "基本支出", "960"),
    ("锦江区教育局2023年人员经费", JINJIANG, 2023, "人员经费", "860"),
    ("锦江区教育局有几辆车", JINJIANG, 2023, "车辆", "3"),
    ("北山街道2024年三公经费", BEISHAN, 2024, "三公经费", "8.76"),
    ("北山街道办事处2024年公用经费", BEISHAN, 2024, "公用经费", "100"),
    ("西湖区北山街道2024年收入总计", BEISHAN, 2024, "收入总计", "1320"),
    ("北山街道三公经费", BEISHAN, 2024, "三公经费", "8.76"),
    ("杭州北山街道办2024年机关运行经费", BEISHAN, 2024, "机关运行经费", "100"),
    ("三台县卫生健康局2024年三公经费", SANTAI, 2024, "三公经费", "25"),
    ("三台县卫健局2024年公务接待费", SANTAI, 2024, "公务接待费", "5"),
    ("三台卫健局2024年基本支出", SANTAI, 2024, "基本支出", "1430"),
    ("三台县卫健局2024年项目支出", SANTAI, 2024, "项目支出", "950"),
    ("三台县卫健局2024年机关运行经费", SANTAI, 2024, "机关运行经费", "130"),
    ("三台县卫健局2024年2100401", SANTAI, 2024, "疾病预防控制机构", "1450"),
    ("三台县卫健局2024年台式计算机采购", SANTAI, 2024, "政府采购", "5"),
    ("三台卫健局疾控中心能力提升", SANTAI, 2024, "项目支出", "280"),
]


@pytest.mark.parametrize("question,org,year,metric,value", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_canonical_questions_lead_with_the_golden_figure(assistant, question, org, year, metric, value):
    """The 元 document's table and its narrative in 万元 state the same figures: either may lead."""
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    first = answer.facts[0]
    kind = "预算" if org == SANTAI else "决算"
    assert (first.org, first.year, first.doc_kind, first.metric) == (org, year, kind, metric), answer.text
    scale = Decimal(10000) if first.unit == "元" else Decimal(1)
    assert Decimal(str(first.value)) / scale == Decimal(value), answer.text


# A body or place the collection does not hold, written before a name ours is also called by
# (教育局, 街道): said to be missing, never answered with another body's figure.
NOT_HELD = ["青羊区教育局2023年三公经费", "青羊教育局2023年三公经费", "三台县教育局三公经费", "北京教育局三公经费",
            "北山镇三公经费", "南山街道三公经费", "拱墅区北山街道三公经费"]


@pytest.mark.parametrize("question", NOT_HELD)
def test_another_place_s_body_is_not_ours(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == "not_found" and not answer.facts, answer.text


def test_a_class_s_income_row_is_no_other_writing_of_its_spending(assistant):
    """收入决算表 lists income by class: its 学前教育 row (190万元) is another figure than the
    spending row (200万元), offered as another reading, never as the same figure written twice."""
    answer = assistant.ask("锦江区教育局2023年学前教育支出")
    first = answer.facts[0]
    assert (first.metric, first.code, first.value, first.table) == ("学前教育", "2050201", 2000000, "支出决算表")
    assert "另一处写作" not in answer.text and "收入决算表" in answer.text, answer.text


def _figures(disclosure) -> list[tuple]:
    return sorted({(f.metric, f.code, f.basis, f.value.normalize()) for f in disclosure.facts}, key=str)


@pytest.mark.parametrize("place", ["（{number}）", " {number}", "{number} "], ids=["bracketed", "after", "before"])
def test_a_table_number_on_its_title_line_reads_alike(final_accounts, place):
    """收入支出决算总表（公开01表）, … 公开01表, 公开01表 …: the number beside the title changes nothing."""
    blocks = final_account(JINJIANG, 2023)
    for block in blocks:
        if isinstance(block, Table):
            mark = place.format(number=block.number)
            block.title, block.number = (mark + block.title if place.endswith(" ") else block.title + mark), ""
    text = "\n".join(line for block in blocks for line in (table_lines(block) if isinstance(block, Table) else [block]))
    disclosure = parse_disclosure(f"2023-{JINJIANG}-部门决算.txt", text)
    assert len(disclosure.document.tables_read.split("、")) == 9
    assert _figures(disclosure) == _figures(final_accounts[(".txt", False, "万元")][1])


def test_a_workbook_with_title_and_number_in_one_row_reads_alike(final_accounts, tmp_path):
    """收入决算表 | … | 公开02表 and 部门：… | … | 金额单位：万元 as rows of cells: the same figures, each table
    titled by its name and number."""
    path = write_xlsx(tmp_path / "决算.xlsx", final_account(JINJIANG, 2023), caption_row=True)
    [staged] = stage([path], tmp_path / "corpus")
    disclosure = parse_disclosure(staged.name, staged.text)
    assert _figures(disclosure) == _figures(final_accounts[(".txt", False, "万元")][1])
    assert "一般公共预算财政拨款“三公”经费支出决算表 公开07表" in {f.table for f in disclosure.facts}


# Publishing bodies of any kind, and a short name people call each by.
BODIES = [
    ("成都市锦江区实验学校", "锦江实验学校"), ("成都市第七中学", "第七中学"), ("成都市锦江区实验小学", "锦江区实验小学"),
    ("成都市锦江区第一幼儿园", "第一幼儿园"), ("绵阳市三台县人民医院", "三台县人民医院"),
    ("三台县疾病预防控制中心", "疾病预防控制中心"), ("四川省绵阳市游仙区新桥镇人民政府", "新桥镇"),
    ("杭州市西湖区灵隐街道办事处", "灵隐街道"), ("成都市锦江区图书馆", "锦江图书馆"),
    ("成都市锦江区城市管理和综合执法局", "锦江区城市管理和综合执法局"),
]


@pytest.mark.parametrize("org,short", BODIES, ids=[b[0] for b in BODIES])
def test_a_body_of_any_kind_is_read_with_its_short_names(org, short):
    text = "\n".join(line for block in final_account(org, 2023)
                     for line in (table_lines(block) if isinstance(block, Table) else [block]))
    disclosure = parse_disclosure(f"2023-{org}-部门决算.txt", text)
    assert disclosure.document.org == org and short in disclosure.aliases
