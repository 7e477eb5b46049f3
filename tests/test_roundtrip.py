"""Round trip over the seeds (scripts/roundtrip.py; `make roundtrip DB=…` for any index).

Every fact of the index is asked its canonical question (short org name, year, 预算/决算, item, code
or metric, the reading when it is not the row's figure); the answer must lead with that fact, or list
it among its alternatives when the question names several figures of the document.

Target (issue 13): ≥99% of the facts. A figure in a column other than the row's own (事业收入, 基本支出,
一般公共预算财政拨款 of a 功能分类 row; a blank cell too, answered 0（表内空白）) is asked with its column named
("西城2019年预算206的事业收入"): a question naming no column means the row's own figure.

Measured on 2026-11-28 (roundtrip, 22:25): 99.87% (2281/2284), 100% of the 1070 facts that are not blank
cells (before the columns were read: 66.1%, 697 blank cells and 64 other columns never given back). FLOOR
is that measure: whoever raises the rate raises FLOOR. The three facts not given back, both index defects:
- 2 blank 金额 cells of 一般公共预算拨款收入 (秦皇岛 lines 293 and 1405): the 财政拨款收支总表's row printed
  again without its figure on the 支出 side's line; the row's 657.82万元 (line 205) is answered, rightly;
- 1 a sentence read as a table row (metric '2022年部门预算公开如下:', 秦皇岛 line 1605).
On the five real Shanghai disclosures used while working (not in the repository; ingested into a scratch
index with 西城): 100% (2902/2902); a figure one table prints in 元 and another in 万元 is one figure.
"""
from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from scripts.roundtrip import IndexFact, Probe, check, figures, one_figure, probes, question_of, read_facts, run, short_names

FLOOR = 0.998
TARGET = 0.99


@pytest.fixture(scope="module")
def report(assistant, db):
    return run(assistant, read_facts(db))


def test_round_trip_rate_does_not_fall(report):
    failing = {reason: len(results) for reason, results in report.failures().items()}
    assert report.rate >= FLOOR, f"round trip {report.rate:.2%} < floor {FLOOR:.2%} (target {TARGET:.0%}): {failing}"


def test_every_fact_with_a_figure_is_asked(report, db):
    assert len(report.results) == len(read_facts(db)) > 1000  # the seeds hold over a thousand figures


def fact(**kw) -> IndexFact:
    base = dict(org="武汉市江汉区科学技术协会", year=2020, doc_kind="决算", metric="住房公积金", code=None,
                value=Decimal("19.49"), unit="万元", basis="决算数", scope="部门", item=None,
                doc="2020-江汉区科协-部门决算.txt", line=307)
    return IndexFact(**{**base, **kw})


@pytest.mark.parametrize("kw,question", [
    ({"code": "30113"}, "江汉2020年决算30113"),
    ({}, "江汉2020年决算住房公积金"),
    ({"metric": "三公经费", "basis": "较上年增减"}, "江汉2020年决算三公经费比上年增减"),
    ({"metric": "三公经费", "basis": "预算数"}, "江汉2020年决算三公经费预算数"),
    ({"metric": "车辆", "basis": "数量", "unit": "辆"}, "江汉2020年决算车辆数量"),
    ({"metric": "政府采购", "item": "汽油", "doc_kind": "预算"}, "江汉2020年预算汽油政府采购"),
    ({"scope": "本级", "metric": "基本支出"}, "江汉本级2020年决算基本支出"),
    ({"doc_scope": "单位", "doc_kind": "预算", "metric": "基本支出"}, "江汉2020年单位预算基本支出"),
    ({"code": "206", "metric": "科学技术支出", "basis": "事业收入（表内空白，记为0）"}, "江汉2020年决算206的事业收入"),
    ({"code": "206", "metric": "科学技术支出", "basis": "合计"}, "江汉2020年决算206"),
    ({"metric": "三公经费", "basis": "一般公共预算财政拨款"}, "江汉2020年决算三公经费的一般公共预算财政拨款"),
    ({"metric": "事业收入", "basis": "收入合计行"}, "江汉2020年决算事业收入"),
])
def test_the_canonical_question_names_what_a_reporter_would(kw, question):
    assert question_of(fact(**kw), "江汉") == question


def test_short_names_are_the_place_unless_two_orgs_share_it():
    names = short_names({"武汉市江汉区科学技术协会", "北京市西城区科学技术协会", "秦皇岛市科学技术协会",
                         "沈阳市和平区科学技术协会", "天津市和平区科学技术协会"})
    assert names["武汉市江汉区科学技术协会"] == "江汉"
    assert names["北京市西城区科学技术协会"] == "西城"
    assert names["秦皇岛市科学技术协会"] == "秦皇岛"
    assert names["沈阳市和平区科学技术协会"] == "沈阳市和平区"


def answer(*facts, status="answered"):
    return SimpleNamespace(status=status, text="", facts=[
        SimpleNamespace(org=f.org, year=f.year, doc_kind=f.doc_kind, metric=f.metric, code=f.code,
                        value=f.value, unit=f.unit) for f in facts])


def test_the_check_passes_the_fact_given_back_and_fails_any_other():
    table, sentence = fact(code="30113"), fact(code="2210201", value=Decimal("14.36"), line=169)
    unique = Probe(table, "江汉2020年决算30113", ambiguous=False)
    assert check(answer(table), unique).reason == ""
    assert check(answer(fact(code="30113", value=Decimal("194900"), unit="元")), unique).reason == ""
    assert check(answer(sentence, table), unique).reason == "another metric or code first"
    assert check(answer(fact(code="30113", value=Decimal("19.4"))), unique).reason == "same name, another figure first"
    assert check(answer(fact(code="30113", year=2019)), unique).reason == "another org, year or 预算/决算 first"
    assert check(answer(status="not_found"), unique).reason == "status not_found"
    shared = Probe(fact(), "江汉2020年决算住房公积金", ambiguous=True)
    assert check(answer(fact(value=Decimal("14.36")), fact()), shared).reason == ""
    assert check(answer(fact(value=Decimal("14.36"))), shared).reason.startswith("ambiguous name")


def test_a_name_is_ambiguous_when_it_names_several_figures_of_its_document():
    asked = {p.question: p.ambiguous for p in probes([
        fact(), fact(value=Decimal("14.36"), code="2210201"), fact(metric="奖金", value=Decimal("44.14")),
        fact(metric="奖金", value=Decimal("44.14"), basis="合计")])}
    assert asked == {"江汉2020年决算住房公积金": True, "江汉2020年决算2210201": False, "江汉2020年决算奖金": False}


@pytest.mark.parametrize("a,b,one", [
    (("12029501.84", "元"), ("1202.95", "万元"), True),   # one figure printed in two units
    (("12029501.84", "元"), ("1202.96", "万元"), False),
    (("5.00", "万元"), ("50000", "元"), True),
    (("4.6", "万元"), ("5", "万元"), False),               # one unit: equal or not, no rounding
    (("0", "元"), ("0.004", "万元"), False),               # a zero is only zero
    (("2", "辆"), ("2.4", "辆"), False),
])
def test_a_figure_printed_in_yuan_and_in_wan_is_one(a, b, one):
    assert one_figure(Decimal(a[0]), a[1], Decimal(b[0]), b[1]) is one
    assert figures({(Decimal(a[0]), a[1]), (Decimal(b[0]), b[1])}) == (1 if one else 2)
