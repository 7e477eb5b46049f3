"""Disclosures in the national templates' layouts (tests/layouts.py), in every format the project
reads: each standard table is recognized and gives its golden figures, and the Assistant answers
canonical questions with them first, for bodies of other kinds and provinces."""
from decimal import Decimal
from pathlib import Path

import pytest

from kexie_chat import Assistant
from kexie_chat.ingest import stage
from kexie_chat.parse import parse_disclosure
from kexie_chat.store import build_index

from layouts import WRITERS, final_account

JINJIANG = "成都市锦江区教育局"
BEISHAN = "杭州市西湖区北山街道办事处"

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
    missing = []
    for table, metric, code, basis, value, unit in FINAL_GOLDEN:
        value, unit = _expected(value, unit, table, variant[2])
        if not any(f.metric == metric and f.code == code and (f.basis or "").startswith(basis) and f.value == value
                   and f.unit == unit and table in (f.table or "") and f.doc_kind == "决算" for f in disclosure.facts):
            missing.append((table, metric, code, basis, value, unit))
    assert not missing


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
def assistant(final_accounts, tmp_path_factory):
    """An index of the Word copy (in 元, codes split) and a 街道办事处's web page, built once."""
    root = tmp_path_factory.mktemp("layouts")
    corpus = root / "corpus"
    corpus.mkdir()
    staged, _ = final_accounts[(".docx", True, "元")]
    (corpus / staged.name).write_text(staged.text, encoding="utf-8")
    beishan = _staged(root, final_account(BEISHAN, 2024), ".html")
    (corpus / beishan.name).write_text(beishan.text, encoding="utf-8")
    return Assistant(db_path=build_index(corpus, root / "kexie.db"), corpus=corpus)


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
]


@pytest.mark.parametrize("question,org,year,metric,value", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_canonical_questions_lead_with_the_golden_figure(assistant, question, org, year, metric, value):
    """The 元 document's table and its narrative in 万元 state the same figures: either may lead."""
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    first = answer.facts[0]
    assert (first.org, first.year, first.doc_kind, first.metric) == (org, year, "决算", metric), answer.text
    scale = Decimal(10000) if first.unit == "元" else Decimal(1)
    assert Decimal(str(first.value)) / scale == Decimal(value), answer.text
