"""Disclosures written in other words and layouts than our five: each figure comes out with its unit.

The texts are short disclosures of our own, one per style a reporter meets (the styles
listed in issue 5). A figure that is read wrongly is worse than one not read, so each
fixture also says what must NOT be read.
"""
from decimal import Decimal

import pytest

from kexie_chat.parse import parse_disclosure

NARRATIVE = """云州区科学技术协会2021年部门预算公开
一、收入预算情况
云州区科学技术协会2021年财政拨款预算收入1234500元，支出总额86,512.40元。
收支总计318.40万元。支出合计280.15万元，其中：基本支出190.02万元，占67.8%；项目支出90.13万元。
二、“三公”经费预算情况
三公经费安排情况：因公出国费0元，车辆运行费0元，公务接待费412. 07元。
"""

PIPE_TABLE = """关于公开2021年部门预算的说明
根据有关规定，现将云州区科学技术协会2021年部门预算公开如下。
一、“三公”经费预算表
单位：万元
| 项目 | 预算数 |
| --- | --- |
| 合计 | 5.30 |
| 因公出国（境）费 | 0.00 |
| 公务用车购置及运行维护费 | 2.30 |
| 公务接待费 | 3.00 |
二、其他说明
本部门机关运行经费预算为40.5万元。
"""

BY_COLUMN = """云州区科学技术协会2021年部门决算
一、“三公”经费支出决算表
单位：元
项目
合计
因公出国（境）费
公务用车购置及运行维护费
公务接待费
决算数
53000.00
0
23000.00
30000.00
二、说明
云州区科学技术协会2021年机关运行经费支出40.5万元，比上年减少2.1万元。
"""

PREVIOUS_YEAR = """云州区科学技术协会2021年部门预算
云州区科学技术协会2021年收入预算600万元，比2020年收入预算650万元减少50万元，减少7.69%。
（2）项目支出预算200万元。比2020年250万元减少50万元，减少20%。
"""

FIXTURES = {"narrative": NARRATIVE, "pipe": PIPE_TABLE, "by-column": BY_COLUMN, "previous-year": PREVIOUS_YEAR}

# (fixture, metric, basis, value, unit)
FIGURES = [
    ("narrative", "财政拨款收入", "预算数", "1234500", "元"),
    ("narrative", "支出合计", "预算数", "86512.40", "元"),
    ("narrative", "收支总计", "预算数", "318.40", "万元"),
    ("narrative", "支出合计", "预算数", "280.15", "万元"),
    ("narrative", "基本支出", "预算数", "190.02", "万元"),
    ("narrative", "基本支出", "占比", "67.8", "%"),
    ("narrative", "项目支出", "预算数", "90.13", "万元"),
    ("narrative", "因公出国（境）费", "预算数", "0", "元"),
    ("narrative", "公务用车运行维护费", "预算数", "0", "元"),
    ("narrative", "公务接待费", "预算数", "412.07", "元"),
    ("pipe", "三公经费", "预算数", "5.30", "万元"),
    ("pipe", "公务用车购置及运行维护费", "预算数", "2.30", "万元"),
    ("pipe", "公务接待费", "预算数", "3.00", "万元"),
    ("pipe", "机关运行经费", "预算数", "40.5", "万元"),
    ("by-column", "三公经费", "决算数", "53000.00", "元"),
    ("by-column", "因公出国（境）费", "决算数", "0", "元"),
    ("by-column", "公务接待费", "决算数", "30000.00", "元"),
    ("by-column", "机关运行经费", "决算数", "40.5", "万元"),
    ("by-column", "机关运行经费", "较上年增减", "-2.1", "万元"),
    ("previous-year", "收入合计", "预算数", "600", "万元"),
    ("previous-year", "收入合计", "上年数", "650", "万元"),
    ("previous-year", "收入合计", "较上年增减", "-50", "万元"),
    ("previous-year", "项目支出", "上年数", "250", "万元"),
    ("previous-year", "项目支出", "较上年增减率", "-20", "%"),
]


@pytest.fixture(scope="module")
def parsed():
    return {name: parse_disclosure(f"{name}.txt", text) for name, text in FIXTURES.items()}


@pytest.mark.parametrize("fixture,metric,basis,value,unit", FIGURES,
                         ids=[f"{f[0]}-{f[1]}-{f[2]}-{f[3]}" for f in FIGURES])
def test_figure_comes_out_with_its_unit(parsed, fixture, metric, basis, value, unit):
    found = [(f.value, f.unit) for f in parsed[fixture].facts if f.metric == metric and f.basis == basis]
    assert (Decimal(value), unit) in found, found


@pytest.mark.parametrize("fixture", FIXTURES)
def test_org_year_and_kind(parsed, fixture):
    document = parsed[fixture].document
    assert (document.org, document.year) == ("云州区科学技术协会", 2021)


def test_financial_appropriation_is_not_read_as_total_income(parsed):
    income = [f for f in parsed["narrative"].facts if f.metric == "收入合计"]
    assert income == []


def test_every_quote_holds_its_figure(parsed):
    for disclosure in parsed.values():
        for fact in disclosure.facts:
            assert fact.text.replace(",", "") in fact.source.quote.replace(" ", "").replace(",", ""), fact


@pytest.mark.parametrize("question,metric,value", [
    ("秦皇岛科协2022年部门预算收入总计多少钱", "收入总计", 657.82),
    ("包头2020年部门决算支出总计", "支出总计", 575.66),
    ("秦皇岛2022年部门预算是多少", "收支总计", 657.82),
])
def test_the_document_named_is_not_read_into_the_figure(assistant, question, metric, value):
    answer = assistant.ask(question)
    assert answer.facts[0].metric == metric and float(answer.facts[0].value) == value, answer.text


@pytest.mark.parametrize("question,value", [
    ("西城2019年预算收入合计上年数", 8888487.06),
    ("西城上一年的基本支出", 783210.21),
    ("西城2019年去年的支出合计", None),
    ("张家口去年的项目支出", None),  # (去年的三公经费 is computed from its stated change: test_conversation)
])
def test_last_years_figure_is_the_one_the_document_states_never_this_years(assistant, question, value):
    answer = assistant.ask(question)
    if value is None:
        assert answer.status == "not_found" and "上年数" in answer.text and not answer.facts, answer.text
        return
    assert answer.facts[0].basis == "上年数" and float(answer.facts[0].value) == value, answer.text
