"""A year with no document of its own is told by the next year's document: the 上年数 it writes,
else its own figure less the change it states (计算得出, both lines shown). Every such figure of
the seeds, asked the way a reporter asks for that year."""
from decimal import Decimal

from kexie_chat.answering.later import TOLD_TOGETHER_LINES
from kexie_chat.orgs import short_place, split_org


def org_word(org: str) -> str:
    return short_place(split_org(org).place) + "科协"


def years_of(assistant, org):
    return {year for (year,) in assistant.store.conn.execute("select distinct year from facts where org = ?", (org,))}


def test_a_previous_year_figure_the_next_document_writes(assistant):
    rows = assistant.store.conn.execute(
        "select org, year, metric, value_exact, unit, line from facts where basis = '上年数' and item is null "
        "and unit in ('元', '万元')").fetchall()
    asked = 0
    for org, year, metric, value, unit, line in rows:
        if year - 1 in years_of(assistant, org):
            continue
        answer = assistant.ask(f"{org_word(org)}{year - 1}年{metric}是多少")
        first = answer.facts[0]
        assert first.basis == "上年数" and first.metric == metric, (org, metric, answer.text)
        asked += 1
    assert asked >= 3


def test_a_previous_year_figure_computed_from_the_change(assistant):
    """Only where this year's figure is told with its change (TOLD_TOGETHER_LINES before it); else not found."""
    rows = assistant.store.conn.execute(
        "select org, year, metric, value_exact, unit, line, doc from facts where basis = '较上年增减' and item is null "
        "and unit = '万元'").fetchall()
    computed = 0
    for org, year, metric, change, unit, line, doc in rows:
        told = assistant.store.conn.execute("select 1 from facts where org = ? and year = ? and metric = ? and "
                                            "basis = '上年数'", (org, year, metric)).fetchone()
        if told or year - 1 in years_of(assistant, org):
            continue
        together = assistant.store.conn.execute(
            "select 1 from facts where doc = ? and metric = ? and unit in ('元', '万元') and line between ? and ? "
            "and basis not like '较上年%' and basis not like '上年%' and basis not like '%占%'",
            (doc, metric, line - TOLD_TOGETHER_LINES, line)).fetchone()
        if not together:
            continue  # another statement of the change may still be told with its figure
        answer = assistant.ask(f"{org_word(org)}{year - 1}年{metric}是多少")
        before, level, stated = answer.facts[:3]
        assert (stated.basis, stated.value) == ("较上年增减", Decimal(change)), answer.text  # this line's or a repeat
        assert before.value == level.value - stated.value and "计算得出" in answer.text
        assert 0 <= stated.source.line - level.source.line <= TOLD_TOGETHER_LINES
        computed += 1
    assert computed >= 8


def test_a_change_told_without_its_figure_gives_no_previous_year(assistant):
    # 秦皇岛 2022: "基本支出增加88.20万元，主要是人员经费增加83.64万元" names no 人员经费 of its own there
    answer = assistant.ask("秦皇岛科协2021年人员经费是多少")
    assert answer.status == "not_found" and not answer.facts


def test_a_year_neither_document_tells_is_not_found(assistant):
    answer = assistant.ask("包头2019年三公经费")
    assert answer.status == "not_found" and not answer.facts
