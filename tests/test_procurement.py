"""政府采购 tables (parse/items.py): each purchase line by its 品目, and the project it buys for (政府采购
项目来源: 项目名称, 预算) with that project's budget, so that the money is found by either name. The
fixtures are synthetic, in the layouts of the seeds (PDF text, one cell a line).
"""
from decimal import Decimal

import pytest

from kexie_chat.lexicon import BASIS_PROCUREMENT_PROJECT as PROJECT
from kexie_chat.parse.items import read_items
from kexie_chat.parse.regions import Region

PURCHASE = "采购金额"

# PDF text: cells apart by spaces, a cell wrapped without one; the project's cells open each line.
PDF = "\n".join([
    "合  计       9.30 9.30       4.00 ", "测绘协会本级小计 ", "      9.30 9.30       4.00 ",
    "2023 年日常公", "用经费项目 ", "40.10 ", "彩色打印", "机 ", "A0201060", "102 ", "台 2 0.50 1.00 1.00        ",
    "2023 年日常公", "用经费项目 ", "40.10 打印纸 A090101 箱 10 0.03 0.30 0.30        ",
    "协会保安服务费 8.00 ", "安保服", "务 ", "C1204 年 1 8.00 8.00 8.00       4.00 ",
])

# One cell a line (a Word table flattened), rows apart by blank lines.
CELLS = "\n".join([
    "\t合计", "\t", "\t6.20", "",
    "\t公用经费", "\t50.00", "\t台式计算机", "\tA02010104", "\t台", "\t2.00", "\t0.60", "\t1.20", "",
    "\t展厅运维项目", "\t5.00", "\t展厅保洁服务", "\tC0811", "\t年", "\t1.00", "\t5.00", "\t5.00", "",
])

# (id, text, expected facts: (item, basis, value))
CASES = [
    ("pdf", PDF, [
        (None, "合计", "9.30"),
        ("2023年日常公用经费项目", PROJECT, "40.10"), ("彩色打印机", PURCHASE, "1.00"), ("打印纸", PURCHASE, "0.30"),
        ("协会保安服务费", PROJECT, "8.00"), ("安保服务", PURCHASE, "8.00"),
    ]),
    # 公用经费 names a kind of money, not a project: no project fact
    ("cells", CELLS, [
        (None, "合计", "6.20"), ("台式计算机", PURCHASE, "1.20"), ("展厅运维项目", PROJECT, "5.00"), ("展厅保洁服务", PURCHASE, "5.00"),
    ]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_purchase_lines_and_the_projects_they_are_for(text, expected):
    region = Region(kind="政府采购", title="部门政府采购预算", start=1,
                    lines=[(n, line) for n, line in enumerate(text.splitlines(), start=2)])
    got = [(f.item, f.basis, f.value) for f in read_items(region) if f.value is not None]
    assert [g for g in got if g[0] is not None or g[1] == "合计"] == \
        [(item, basis, Decimal(value)) for item, basis, value in expected]


def test_a_project_is_listed_once_however_many_lines_buy_for_it():
    region = Region(kind="政府采购", title="", start=1, lines=list(enumerate(PDF.splitlines(), start=2)))
    projects = [f.item for f in read_items(region) if f.basis == PROJECT]
    assert projects == ["2023年日常公用经费项目", "协会保安服务费"]


# --- questions over the seeds ---------------------------------------------------------------------


@pytest.mark.parametrize("question", ["秦皇岛物业费多少", "秦皇岛科协的物业管理费", "秦皇岛2022年物业管理费"])
def test_an_economic_row_and_a_purchase_project_of_one_name_are_both_shown(assistant, question):
    """物业管理费: the 经济分类 row 30209 first, the 政府采购 project 科协物业管理费 as another reading."""
    answer = assistant.ask(question)
    got = [(f.metric, f.code, f.item, f.value, f.source.line) for f in answer.facts[:2]]
    assert got == [("物业管理费", "30209", None, Decimal("0.78"), 382),
                   ("政府采购", None, "科协物业管理费", Decimal("15.00"), 1042)]
    assert "经济分类" not in answer.text or "30209" in answer.text
    assert "政府采购项目“科协物业管理费”" in answer.text


def test_a_purchase_is_found_by_its_project_or_its_catalog_name(assistant):
    by_thing = assistant.ask("秦皇岛建筑物清洁服务采购").facts[0]
    by_project = assistant.ask("秦皇岛2022年日常公用经费项目采购预算").facts[0]
    assert (by_thing.item, by_thing.value) == ("建筑物清洁服务", Decimal("15.00"))
    assert (by_project.item, by_project.value, by_project.basis) == ("2022年日常公用经费项目", Decimal("61.14"), PROJECT)


def test_a_breakdown_of_the_purchases_lists_no_project_budget(assistant):
    answer = assistant.ask("秦皇岛政府采购明细")
    assert all(f.basis != PROJECT for f in answer.facts)
    assert "61.14" not in answer.text
