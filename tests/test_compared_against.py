"""What a figure is compared with is what the question names: another org (compare), the year
before (与上年相比: a change), its own budget (与预算相比: budget against actual), or nobody (every
org listed, the one asked first, none picked as its match: a partner would be a guess)."""
import pytest

from kexie_chat.orgs import short_place, split_org


def org_word(org: str) -> str:
    return short_place(split_org(org).place) + "科协"


def pairs(assistant):
    """(org, year, metric, budget, actual) of the 决算 rows that state both, by the same line."""
    rows = assistant.store.conn.execute(
        "select b.org, b.year, b.metric, b.value_exact, a.value_exact from facts b join facts a "
        "on a.doc = b.doc and a.line = b.line and a.metric = b.metric and a.code is b.code "
        "where b.doc_kind = '决算' and b.basis = '预算数' and a.basis = '决算数' and b.item is null").fetchall()
    assert len(rows) >= 5
    return rows


@pytest.mark.parametrize("phrasing", ["{year}年{org}{metric}与预算相比", "{org}{year}年{metric}决算与预算对比",
                                      "{org}{year}年{metric}跟年初预算比", "{year}年{org}的{metric}和预算数相比怎么样",
                                      "{org}{year}年{metric}预算和实际", "{org}{year}年{metric}预算与决算"])
def test_against_its_budget(assistant, phrasing):
    for org, year, metric, budget, actual in pairs(assistant):
        question = phrasing.format(org=org_word(org), year=year, metric=metric)
        answer = assistant.ask(question)
        assert answer.intent == "budget_vs_actual", question
        values = {(f.basis.split("（")[0], str(f.value)) for f in answer.facts}
        assert {("预算数", budget), ("决算数", actual)} <= values, question


def test_a_figure_with_no_budget_beside_it_says_so(assistant):
    answer = assistant.ask("江汉科协2020年决算的支出总计与预算相比")
    assert answer.status == "answered" and answer.facts[0].metric == "支出总计"
    assert "无从比较" in answer.text and not any((f.basis or "").startswith("计算") for f in answer.facts)


@pytest.mark.parametrize("phrasing", ["{year}年{org}{metric}与上年相比", "{org}{year}年{metric}和去年相比",
                                      "{org}{year}年{metric}跟上年比怎么样"])
def test_against_the_year_before(assistant, phrasing):
    rows = assistant.store.conn.execute(
        "select org, year, metric, value_exact from facts where basis = '较上年增减' and item is null").fetchall()
    assert len(rows) >= 10
    for org, year, metric, change in rows:
        question = phrasing.format(org=org_word(org), year=year, metric=metric)
        answer = assistant.ask(question)
        assert answer.intent == "change", question
        assert answer.facts and str(abs(answer.facts[0].value)) == change.lstrip("-"), question


def test_one_org_compared_with_nobody_named(assistant):
    orgs = [row[0] for row in assistant.store.conn.execute(
        "select distinct org from facts where metric = '三公经费'")]
    assert len(orgs) >= 4
    for org in orgs:
        for question in (f"比较一下{org_word(org)}的三公经费", f"{org_word(org)}三公经费跟其他单位比怎么样"):
            answer = assistant.ask(question)
            assert answer.intent == "compare" and answer.facts[0].org == org, question
            assert not any((f.basis or "").startswith("计算") for f in answer.facts), question
            assert "只说了" in answer.text and len({f.org for f in answer.facts}) == len(orgs), question


@pytest.mark.parametrize("thing", ["科技馆", "社区科普站", "办公楼", "科普基地", "培训中心"])
def test_a_thing_named_before_a_figure_is_not_the_orgs_figure(assistant, thing):
    """科技馆运行经费 where the document has only the org's 机关运行经费: the org's figure, said to be
    the whole org's, never passed off as the thing's."""
    rows = assistant.store.conn.execute(
        "select distinct org, year, metric from facts where metric in ('机关运行经费', '维修（护）费', '公用经费', '三公经费')"
    ).fetchall()
    assert len(rows) >= 5
    for org, year, metric in rows:
        plain = assistant.ask(f"{org_word(org)}{year}年{metric}")
        asked = assistant.ask(f"{org_word(org)}{year}年{thing}的{metric}")
        assert "单列" not in plain.text
        assert f"文件没有单列“{thing}”的数" in asked.text, (thing, org, metric)
        assert asked.facts[0] == plain.facts[0]


@pytest.mark.parametrize("phrasing", ["{org}{year}年{a}是多少？{b}呢？", "{org}{year}年{a}多少，{b}呢",
                                      "{year}年{org}{a}是多少；{b}是多少", "{org}{year}年{a}是多少，其中{b}多少"])
def test_two_questions_in_one_give_both_figures(assistant, phrasing):
    """A reporter's two questions in one line (人员经费是多少？公用经费呢？) get both figures, each with its line."""
    rows = assistant.store.conn.execute(
        "select distinct a.org, a.year, a.metric, b.metric from facts a join facts b on a.doc = b.doc "
        "where a.metric = '基本支出' and b.metric in ('人员经费', '公用经费')").fetchall()
    assert len(rows) >= 4
    for org, year, a, b in rows:
        answer = assistant.ask(phrasing.format(org=org_word(org), year=year, a=a, b=b))
        assert answer.intent == "each" and {a, b} <= {f.metric for f in answer.facts}, (org, year, a, b)


@pytest.mark.parametrize("verb", ["降了多少", "涨了多少", "增了多少", "减了多少"])
def test_a_change_asked_with_one_character(assistant, verb):
    rows = assistant.store.conn.execute(
        "select org, year, metric, value_exact from facts where basis = '较上年增减' and item is null").fetchall()
    for org, year, metric, change in rows:
        answer = assistant.ask(f"{org_word(org)}{year}年{metric}{verb}")
        assert answer.intent == "change" and str(abs(answer.facts[0].value)) == change.lstrip("-"), (org, metric)


def test_whether_a_figure_passes_a_bound(assistant):
    """是否超过/是否低于 X is a claim, judged against the figure."""
    from decimal import Decimal

    rows = assistant.store.conn.execute(
        "select org, year, value_exact from facts where metric = '三公经费' and unit = '万元' and value > 1 "
        "and basis in ('合计', '预算数', '决算数')").fetchall()
    assert len(rows) >= 3
    for org, year, value in rows:
        asked = f"{org_word(org)}{year}年三公经费"
        fact = assistant.ask(asked).facts[0]
        lower, higher = fact.value - 1, fact.value + 1
        assert assistant.ask(f"{asked}是否超过{lower}万元").verdict == "true", (org, value)
        assert assistant.ask(f"{asked}是否超过{higher}万元").verdict == "false", (org, value)
        assert assistant.ask(f"{asked}是否低于{higher}万元").verdict == "true", (org, value)
        assert isinstance(fact.value, Decimal)


def test_a_thing_only_another_org_lists_does_not_shape_the_question(assistant):
    """预算执行 is an indicator of 秦皇岛's 绩效 table: in 江汉项目支出预算执行率 it is part of 执行率, and
    江汉's own figures answer; a thing no table of the asked org lists is never answered from another's."""
    answer = assistant.ask("江汉2020年项目支出预算执行率")
    assert answer.intent == "rate" and answer.facts and all(f.org.startswith("武汉市江汉区") for f in answer.facts)
    rows = assistant.store.conn.execute("select distinct org, item from facts where item is not null").fetchall()
    orgs = {org for org, _ in rows} | {row[0] for row in assistant.store.conn.execute("select distinct org from facts")}
    for owner, item in rows[::7]:
        for org in sorted(orgs - {o for o, i in rows if i == item})[:2]:
            asked = assistant.ask(f"{org_word(org)}{item}")
            assert all(f.org == org for f in asked.facts), (org, item)
