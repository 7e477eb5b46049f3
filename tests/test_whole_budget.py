""""X年预算是多少" asks for the budget as a whole (收支总计). Where a 预算 does not write that total,
its 收入总计 and 支出总计 (else 收入合计 and 支出合计) answer for it, each with its line, and the
answer says the total is not written; a 决算 has no budget as a whole to give."""
from decimal import Decimal

import pytest

from kexie_chat.lexicon import STANDS_IN_FOR
from kexie_chat.orgs import short_place, split_org


def documents(assistant):
    return assistant.store.conn.execute("select distinct org, year, doc_kind from facts").fetchall()


def metrics_of(assistant, org, year):
    # the metrics a figure is stated of (a change of the whole, 预算较上年减少…, is no figure of it)
    rows = assistant.store.conn.execute("select distinct metric from facts where org = ? and year = ? and "
                                        "(basis is null or basis not like '较上年%')", (org, year))
    return {metric for (metric,) in rows}


def test_the_budget_as_a_whole_of_every_document(assistant):
    answered_by_stand_ins = 0
    for org, year, doc_kind in documents(assistant):
        answer = assistant.ask(f"{short_place(split_org(org).place)}科协{year}年预算是多少")
        have = metrics_of(assistant, org, year)
        if doc_kind == "决算":
            assert all(f.basis is None or "决算" not in f.basis for f in answer.facts), (org, answer.text)
            continue
        if "收支总计" in have:
            assert answer.facts[0].metric == "收支总计"
            continue
        names = next(names for names in STANDS_IN_FOR["收支总计"] if set(names) <= have)
        assert [f.metric for f in answer.facts] == list(names), (org, answer.text)
        assert "文件没有写收支总计" in answer.text
        answered_by_stand_ins += 1
    assert answered_by_stand_ins >= 1


def test_a_stated_rate_that_its_amounts_do_not_give_is_said_plainly(assistant):
    answer = assistant.ask("包头收入总计比上年增加了多少")
    assert answer.facts[0].value == Decimal("62.54")
    assert "正文第107行写收入总计增减10%，按所列金额算得11.07%，两者不符" in answer.text


@pytest.mark.parametrize("phrasing", ["{org}{year}年的钱主要花在哪", "{org}{year}年经费都用在哪里", "{org}{year}年支出的构成",
                                      "{org}{year}年支出去向", "{org}{year}年资金主要用在哪些方面"])
def test_where_the_money_goes_is_the_spending(assistant, phrasing):
    """钱主要花在哪 asks for the year's spending and its parts, never a sentence's 经费 figure."""
    from kexie_chat.orgs import short_place, split_org

    rows = assistant.store.conn.execute(
        "select distinct org, year from facts where metric = '支出合计' and unit like '%元'").fetchall()
    assert len(rows) >= 4
    for org, year in rows:
        answer = assistant.ask(phrasing.format(org=short_place(split_org(org).place) + "科协", year=year))
        assert answer.status == "answered" and answer.facts[0].metric == "支出合计", (org, answer.text)


@pytest.mark.parametrize("word", ["经费", "资金", "费用"])
def test_money_in_general_names_no_sentence_figure(assistant, word):
    answer = assistant.ask(f"江汉2020年{word}是多少")
    assert not answer.facts, answer.text
