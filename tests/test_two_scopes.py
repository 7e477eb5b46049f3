"""A body's 部门预算 and 单位预算 of one year are two documents: a question that names neither is
answered from the 部门预算, one that names 单位预算 from it, operations included; and the year's
full-year budget (全年预算) is never called another printing of its year-start budget (年初预算).
"""
from decimal import Decimal

import pytest

from kexie_chat import Assistant
from kexie_chat.store import build_index

ORG = "上海市静安区商务委员会"
# scope -> (the line naming the body, how its 三公经费 compares with the year before)
SCOPES = {"部门": ("预算主管部门", "与2024年预算持平"), "单位": ("预算单位", "比2024年预算增加0.50万元")}


def disclosure(scope: str) -> str:
    label, change = SCOPES[scope]
    return (f"{ORG}2025年{scope}预算\n{label}：{ORG}\n一、“三公”经费预算情况说明\n"
            f"2025年“三公”经费预算数为1.00万元，{change}。其中：公务接待费1.00万元。\n"
            "二、一般公共预算财政拨款支出\n"
            "2025年一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元。\n")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("two-scopes")
    for scope in SCOPES:
        (corpus / f"2025-{ORG}-{scope}预算.txt").write_text(disclosure(scope), encoding="utf-8")
    return Assistant(db_path=build_index(corpus, corpus / "index.db"), corpus=corpus)


CHANGES = [("商务委2025年三公经费比上年增加了多少", "部门", Decimal(0)),
           ("商务委2025年单位预算三公经费比上年增加了多少", "单位", Decimal("0.50")),
           ("静安区商务委三公经费较上年增减多少", "部门", Decimal(0))]


@pytest.mark.parametrize("question,scope,value", CHANGES)
def test_a_change_comes_from_the_document_asked(assistant, question, scope, value):
    answer = assistant.ask(question)
    assert answer.intent == "change" and answer.facts[0].value == value, answer.text
    assert answer.facts[0].source.doc == f"2025-{ORG}-{scope}预算.txt"


def test_no_change_is_said_as_such(assistant):
    assert "三公经费与上年持平" in assistant.ask("商务委2025年三公经费比上年增加了多少").text
    claim = assistant.ask("商务委2025年三公经费比上年减少了吗")
    assert claim.verdict == "false" and "与上年持平" in claim.text


@pytest.mark.parametrize("question,value", [("商务委2025年财政拨款支出全年预算", Decimal("321.02")),
                                            ("商务委2025年财政拨款支出年初预算", Decimal(0))])
def test_the_full_year_budget_is_not_another_printing_of_the_year_start_one(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.facts[0].value == value and "另一处写作" not in answer.text, answer.text


@pytest.mark.parametrize("question", ["商务委2025年单位预算和部门预算的三公经费分别是多少", "商务委2025年部门预算与单位预算三公经费",
                                      "静安区商务委2025年部门和单位预算的三公经费", "商务委2025年单位、部门预算三公经费比上年增加了多少"])
def test_both_disclosures_named_give_each_ones_figure(assistant, question):
    """A question naming both disclosures gets each one's figure, the 部门 first, each with its source."""
    answer = assistant.ask(question)
    sources = [f.source.doc for f in answer.facts if (f.basis or "") != "计算得出"]
    assert f"2025-{ORG}-部门预算.txt" in sources and f"2025-{ORG}-单位预算.txt" in sources, answer.text
    assert sources.index(f"2025-{ORG}-部门预算.txt") < sources.index(f"2025-{ORG}-单位预算.txt")
    assert answer.text.count("来源：") == 2 and "另有" not in answer.text


def test_one_disclosure_named_gives_its_figure_alone(assistant):
    answer = assistant.ask("商务委2025年单位预算三公经费")
    assert {f.source.doc for f in answer.facts} == {f"2025-{ORG}-单位预算.txt"}
