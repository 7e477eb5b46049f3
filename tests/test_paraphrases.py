"""Paraphrases of the canonical questions (scripts/paraphrases.py): ~5000 cases, the same every run.

Each seed (a figure its name names unambiguously in its document) is asked in one variant of each
kind: org short names, other names of the org and a typo in it, years as 22年/二〇二二年/２０２２年/2022年度,
spaces, word orders, endings (多少, 是多少, 多少钱, 花了/安排了多少钱, 几辆), a synonym from the lexicon,
a typo in the metric, question frames (请问…是多少, 查一下…的…), 预算数/决算数, and mixed variants;
and the readings a document states beside a figure, asked as people ask them (比上年变化了多少, 比上年
增长百分之几, 上一年的…, 占百分之几, 执行率). The answer must lead with the seed's figure.

Columns named beside a row (2080505的事业收入, 科学技术支出里项目支出多少, …中…是多少, by the row's name, by
another word for the column), blank cells too: the column_* kinds, all given back.

Measured on 2026-11-28 (roundtrip, 21:50): 6657/6660 (99.95%); before the columns, 5213/5280 (98.7%). ALLOWED_FAILURES holds today's failures per
kind, so that none can grow unnoticed; whoever fixes one lowers its count. What fails on the seeds:
- metric_typo 2/161 (was 33/160: a long name written one character off around a shorter one written
  right is now read as the long one, match.MetricMatcher.longer_typos): a typo in a name's bracketed
  part ('西城2019年事业收入(不含事业单位预蒜外资金)' gives 事业收入) and one in a name of a row read from a
  heading ('西城2019年政府性基金预蒜财政拨款本年支出' not_found);
- mixed 1/476: '张家囗科协公车2020年度是多少？' gives the vehicles (车辆 4辆): 公车 alone names the count, the
  seed is 公务用车购置及运行维护费 (the generator draws 公车 from its synonyms);
- reading_change_rate: 28/28 (was 15/28: 增减率, 增长率 ask the percent, intent.KINDS).
On the five real Shanghai disclosures used while working (not in the repository; a scratch index
with 西城): 99.96% (8980/8984; was 98.4% of 5826 before the column kinds). Left: 公车 alone (the vehicles),
'职业年金缴废支出' read as 职业年金缴费 (the 经济分类 row, same figure, other name).
"""
from __future__ import annotations

import time

import pytest

from scripts.paraphrases import cases, rates, run
from scripts.roundtrip import read_facts

ALLOWED_FAILURES = {"metric_typo": 2, "mixed": 1}
KINDS = {"base", "org_short_kexie", "org_other_name", "org_typo", "year_two_digits", "year_chinese",
         "year_full_width", "year_du", "spaces", "order_year_first", "order_metric_before_year",
         "order_metric_first", "ending_duoshao", "ending_shi_duoshao", "ending_money", "ending_count",
         "ending_value", "side_word", "no_year", "question_frame", "metric_typo", "synonym", "mixed",
         "reading_change", "reading_change_rate", "reading_previous", "reading_share", "reading_execution",
         "column_de", "column_li", "column_zhong", "column_plain", "column_year_last", "column_by_name", "column_word"}


@pytest.fixture(scope="module")
def generated(db):
    return cases(read_facts(db))


@pytest.fixture(scope="module")
def results(assistant, generated):
    started = time.perf_counter()
    by_kind = run(assistant, generated)
    return by_kind, time.perf_counter() - started


def test_the_cases_are_thousands_and_the_same_every_run(db, generated):
    assert len(generated) > 4000
    assert {c.kind for c in generated} == KINDS
    again = cases(read_facts(db))
    assert [(c.kind, c.question) for c in again] == [(c.kind, c.question) for c in generated]


def test_no_kind_of_paraphrase_loses_more_answers_than_today(results):
    by_kind, _ = results
    failed = {kind: sum(answer is not None for _, answer in found) for kind, found in by_kind.items()}
    worse = {kind: (n, ALLOWED_FAILURES.get(kind, 0)) for kind, n in failed.items() if n > ALLOWED_FAILURES.get(kind, 0)}
    examples = {kind: [c.question for c, a in by_kind[kind] if a is not None][:3] for kind in worse}
    assert not worse, f"failures (now, allowed) by kind: {worse}; e.g. {examples}; rates {rates(by_kind)}"


def test_the_paraphrases_run_within_a_minute(results):
    assert results[1] < 60


@pytest.mark.parametrize("question,kind", [
    ("秦皇岛２０２２年三公经费", "year_full_width"), ("秦皇岛二零二二年三公经费|秦皇岛二〇二二年三公经费", "year_chinese"),
    ("秦皇岛22年三公经费", "year_two_digits"), ("我想知道秦皇岛2022年三公经费|秦皇岛科协2022年的三公经费是多少|2022年秦皇岛科协三公经费一共多少|请问秦皇岛2022年三公经费是多少", "question_frame"),

    ("秦皇岛2022年三公经费安排了多少钱|秦皇岛2022年三公经费是多少钱|秦皇岛2022年三公经费多少钱", "ending_money"), ("三公经费秦皇岛2022年", "order_metric_first"),
])
def test_the_kinds_write_what_they_say(generated, question, kind):
    """The generator writes the variants the kinds name (one example each from the seeds; a|b: any of them,
    since one rng serves every seed and a new fact elsewhere shifts which variant this seed draws)."""
    examples = {c.question for c in generated if c.kind == kind and c.seed.fact.metric == "三公经费"
                and c.seed.fact.org.startswith("秦皇岛")}
    assert examples & set(question.split("|"))


@pytest.mark.parametrize("kind", ["org_typo", "metric_typo"])
def test_a_typo_is_one_character_off(generated, kind):
    """A typo variant writes the org (or the metric) one character off and the rest as asked:
    checked by its shape, since the one rng that serves every seed draws another typo when the
    facts change."""
    from rapidfuzz.distance import Levenshtein

    names = ("秦皇岛", "秦皇岛市", "秦皇岛科协", "秦皇岛市科协")
    examples = [c.question for c in generated if c.kind == kind and c.seed.fact.metric == "三公经费"
                and c.seed.fact.org.startswith("秦皇岛")]
    assert examples
    for question in examples:
        org, _, rest = question.partition("2022年")
        metric = rest
        if kind == "org_typo":
            assert metric == "三公经费" and org not in names, question
            assert min(Levenshtein.distance(org, name) for name in names) == 1, question
        else:
            assert org in names and Levenshtein.distance(metric, "三公经费") == 1, question


def test_columns_are_asked_beside_their_rows(generated):
    """Every kind of column question is written (a blank cell too), with the column's own label or a word for it."""
    asked = {c.kind: c.question for c in generated if c.kind.startswith("column")}
    assert asked.keys() == {k for k in KINDS if k.startswith("column")}
    blank = [c for c in generated if c.kind.startswith("column") and "表内空白" in c.seed.fact.basis]
    assert len(blank) > 500 and any(c.question.endswith("的事业收入") for c in blank)
