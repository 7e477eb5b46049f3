"""A table column named beside a row (2080505的事业收入, 科学技术支出里项目支出多少): the answer is that cell.

A blank cell is answered 0 with the words 表内空白 and its line, never hidden; a question naming no
column gets the row's own figure first; a column word alone (事业收入) is the row of that name.
The round trip asks every such cell of the seeds (scripts/roundtrip.py); these cases pin the words.
"""
from decimal import Decimal

import pytest

from kexie_chat.match import ColumnNames, is_question_column
from kexie_chat.text import fold

# (id, question, metric, code, value, unit, column label the first fact is in, line)
CASES = [
    ("code_blank", "西城2019年预算206的事业收入", "科学技术支出", "206", "0", "元", "事业收入", 210),
    ("code_filled", "西城2019年预算206的其他收入", "科学技术支出", "206", "69870.00", "元", "其他收入", 213),
    ("code_no_de", "西城2019年206项目支出", "科学技术支出", "206", "5089009.53", "元", "项目支出", 436),
    ("name_li", "西城2019年科学技术支出里项目支出多少", "科学技术支出", "206", "5089009.53", "元", "项目支出", 436),
    ("name_zhong", "西城2019年科学技术支出中的基本支出", "科学技术支出", "206", "482421.63", "元", "基本支出", 435),
    ("seven_digits", "江汉2020年2080505的事业收入", "机关事业单位基本养老保险缴费支出", "2080505", "0", "万元", "事业收入", 157),
    ("funding_column", "秦皇岛2022年三公经费的国有资本经营预算财政拨款", "三公经费", None, "0", "万元",
     "国有资本经营预算财政拨款", 468),
    ("alias_of_column", "江汉2020年决算206的经营支出", "科学技术支出", "206", "0", "万元", "经营支出", None),
    # a column's word holding a shorter name (政府性基金 in 政府性基金预算) is the column
    ("word_holds_a_name", "秦皇岛2022年三公经费的政府性基金预算", "三公经费", None, "0", "万元", "政府性基金预算拨款", 468),
    ("short_word", "秦皇岛2022年科学技术支出里政府性基金多少", "科学技术支出", None, "0", "万元", "政府性基金预算财政拨款", 215),
]


@pytest.mark.parametrize("question,metric,code,value,unit,column,line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_column_named_beside_a_row_is_that_cell(assistant, question, metric, code, value, unit, column, line):
    answer = assistant.ask(question)
    first = answer.facts[0]
    assert answer.status == "answered"
    assert (first.metric, first.code, first.unit) == (metric, code, unit)
    assert Decimal(str(first.value)) == Decimal(value)
    assert first.basis.split("（")[0] == column
    assert line is None or first.source.line == line
    if "表内空白" in first.basis:
        assert "表内空白" in answer.text and f"第{first.source.line}行" in answer.text


def test_a_row_printed_with_two_fundings_lists_both(assistant):
    """基本支出 of 206: all funds (表3) first, 一般公共预算财政拨款 (表5) as the other figure."""
    answer = assistant.ask("西城2019年206的基本支出")
    assert [(f.value, f.source.line) for f in answer.facts[:2]] == [(Decimal("482421.63"), 435), (Decimal("412551.63"), 678)]


@pytest.mark.parametrize("question,metric,value", [
    ("西城2019年事业收入", "事业收入", "0"),            # a column's word alone is the row of that name
    ("包头2020年基本支出", "基本支出", "431.61"),
    ("西城2019年预算206", "科学技术支出", "5571431.16"),  # no column named: the row's own figure first
], ids=["事业收入_alone", "基本支出_alone", "row_alone"])
def test_a_column_word_alone_or_no_column_is_the_row(assistant, question, metric, value):
    first = assistant.ask(question).facts[0]
    assert (first.metric, first.value) == (metric, Decimal(value))
    assert "表内空白" not in (first.basis or "") or metric == "事业收入"


def test_a_column_a_row_does_not_have_is_not_read_as_one(assistant):
    """机关运行经费 has no 事业收入 column: the question is read as before (two names), never a blank."""
    answer = assistant.ask("西城2019年机关运行经费的事业收入")
    assert all("表内空白" not in (f.basis or "") or f.metric == "事业收入" for f in answer.facts)


def test_a_compared_column_is_not_a_cell():
    """Only a lookup reads a column; the words of a comparison keep their metrics (see intent._column)."""
    names = ColumnNames([("科学技术支出", "项目支出"), ("206", "事业收入"), ("206", "合计"), ("收入合计", "事业收入行")])
    assert names.of("206", {"事业收入"}) == ("事业收入",)
    assert names.of("206", {"合计"}) == ()          # the row's own figure is asked without a column
    assert names.of("科学技术支出", {"基本支出"}) == ()  # a column that row does not have
    assert [(s, e) for s, e, _ in names.find(fold("科学技术支出里项目支出"), set())] == [(7, 11)]


@pytest.mark.parametrize("label,named", [
    ("事业收入", True), ("基本支出", True), ("一般公共预算财政拨款", True), ("合计", False), ("预算数", False),
    ("决算数", False), ("收入合计行", False), ("较上年增减", False), ("全年预算数", False), ("", False),
])
def test_which_labels_are_columns_a_question_names(label, named):
    assert is_question_column(label) is named


@pytest.mark.parametrize("question,text", [
    ("西城2019年206的事业收入", "科学技术支出（206）的事业收入 0元（表内空白，记为0）。\n来源：2019-西城区科协-部门预算.txt 第210行"),
    ("西城2019年206的基本支出", "科学技术支出（206）的基本支出 482421.63元（48.242163万元）。"),
], ids=["blank", "filled"])
def test_the_answer_names_the_column_and_says_a_blank_plainly(assistant, question, text):
    assert text in assistant.ask(question).text


def test_the_row_counted_over_other_money_is_told_by_its_table(assistant):
    text = assistant.ask("西城2019年206的基本支出").text
    assert "表5：2019年一般公共预算财政拨款支出情况表" in text and "412551.63元" in text


def test_a_column_a_code_row_lacks_here_is_not_found_never_the_row(assistant):
    """20607 has no 人员经费 column in 西城's tables (秦皇岛's has): not its 合计."""
    answer = assistant.ask("西城2019年20607的人员经费")
    assert answer.status == "not_found" and not answer.facts
    assert "科学技术普及的人员经费" in answer.text


def test_a_claim_about_a_cell_is_judged_against_that_cell(assistant):
    """206的事业收入是0吗: the blank 事业收入 cell (0), never the row's 合计 (5571431.16元)."""
    assert assistant.ask("西城2019年206的事业收入是0吗").verdict == "true"
    wrong = assistant.ask("西城2019年206的事业收入是100元吗")
    assert wrong.verdict == "false" and wrong.facts[0].basis.startswith("事业收入")


def test_a_cell_is_compared_and_ranked_across_orgs(assistant):
    answer = assistant.ask("秦皇岛和江汉科学技术支出的项目支出")
    assert answer.intent == "compare" and "科学技术支出的项目支出" in answer.text
    assert {(f.org[:3], f.value) for f in answer.facts[:2]} == {("秦皇岛", Decimal("55.00")), ("武汉市", Decimal("278.99"))}
    assert all(f.basis.startswith("项目支出") for f in answer.facts[:2])


def test_two_names_joined_are_two_figures_not_a_cell(assistant):
    """基本支出和项目支出: no row 基本支出 with a 项目支出 column is read across 和."""
    from kexie_chat.intent import parse_question

    engine = assistant.engine
    parsed = parse_question("西城2019年科学技术支出和项目支出", engine.orgs, engine.metrics, engine.items)
    assert parsed.column == () and [m.value for m in parsed.metrics] == ["科学技术支出", "项目支出"]


def test_the_full_year_budget_is_shown_beside_the_budget_at_the_start_of_the_year(tmp_path):
    """年初预算为0万元，全年预算为321.02万元: asked 预算数, the 年初 figure leads and the 全年 one is the
    other reading, named so; asked the 决算, no budget figure is offered."""
    from kexie_chat import Assistant
    from kexie_chat.store import build_index

    (tmp_path / "2024-云州区科协-部门决算.txt").write_text(
        "云州区科学技术协会2024年部门决算\n一、一般公共预算财政拨款支出决算情况说明\n"
        "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成全年预算的95.89%。\n",
        encoding="utf-8")
    assistant = Assistant(db_path=build_index(tmp_path, tmp_path / "kexie.db"), corpus=tmp_path)
    budget = assistant.ask("云州2024年财政拨款支出预算数")
    assert [(f.value, f.basis) for f in budget.facts] == [(Decimal("0"), "预算数"), (Decimal("321.02"), "预算数（全年预算数）")]
    assert "财政拨款支出（全年预算数） 321.02万元" in budget.text
    actual = assistant.ask("云州2024年财政拨款支出")
    assert [(f.value, f.basis) for f in actual.facts] == [(Decimal("307.82"), "决算数")]
