"""How reporters ask for a change in percent (下降了百分之多少, 减少的比例, 降幅) and for a share of a
bare side (占支出的比例): every change rate the seeds state, by every phrasing, is that rate; a
share of 支出 is of 支出合计; a share with no whole named is not guessed."""
from decimal import Decimal

import pytest

from kexie_chat.orgs import short_place, split_org

RATE_WORDS = {  # phrasing -> the direction it names (None: either)
    "{org}{metric}下降了百分之多少": "down", "{org}{metric}减少的比例是多少": "down", "{org}{metric}降幅": "down",
    "{org}{metric}下降百分比": "down", "{org}{metric}增长了百分之几": "up", "{org}{metric}增加的比例": "up",
    "{org}{metric}增幅是多少": "up", "{org}{metric}变化幅度": None,
}


def org_word(org: str) -> str:
    return short_place(split_org(org).place) + "科协"


def stated_rates(assistant):
    rows = assistant.store.conn.execute(
        "select org, year, metric, value_exact, line from facts where basis = '较上年增减率' and unit = '%'").fetchall()
    assert len(rows) >= 10
    return rows


@pytest.mark.parametrize("phrasing", list(RATE_WORDS))
def test_change_rates_by_every_phrasing(assistant, phrasing):
    for org, year, metric, value, line in stated_rates(assistant):
        question = f"{year}年" + phrasing.format(org=org_word(org), metric=metric)
        answer = assistant.ask(question)
        assert answer.intent == "change" and answer.facts, question
        rate = answer.facts[0]
        assert (rate.unit, rate.source.line, abs(rate.value)) == ("%", line, abs(Decimal(value))), question


@pytest.mark.parametrize("whole_word,whole", [("支出", "支出合计"), ("总支出", "支出合计"), ("收入", "收入合计")])
def test_share_of_a_bare_side(assistant, whole_word, whole):
    part = "三公经费" if whole == "支出合计" else "财政拨款收入"
    answer = assistant.ask(f"秦皇岛{part}占{whole_word}的比例")
    share, numerator, base = answer.facts[:3]
    assert (numerator.metric, base.metric) == (part, whole)
    assert share.value == (numerator.value / base.value * 100).quantize(Decimal("0.01"))


def test_a_share_of_nothing_named_is_not_guessed(assistant):
    answer = assistant.ask("张家口三公经费占比")
    assert answer.status == "not_found" and not answer.facts
    assert "张家口市2020年三公经费占支出合计的比例" in answer.suggestions
    assert assistant.ask(answer.suggestions[0]).facts[0].unit == "%"
