"""Computations a reporter asks for, from the document's own figures: the stated figure first,
the computed one labelled 计算得出 (both inputs in the facts), comparisons with their difference."""
import pytest

# (id, question, intent, [(metric, value, unit, basis prefix) of the first facts, in order])
CASES = [
    ("rate-stated-and-computed", "包头三公经费执行率", "rate",
     [("三公经费", 58, "%", "完成预算比例"), ("三公经费", 57.53, "%", "计算得出")]),
    ("rate-of-a-part", "包头公务用车购置及运行维护费完成预算的百分之几", "rate",
     [("公务用车购置及运行维护费", 56, "%", "完成预算比例"), ("公务用车购置及运行维护费", 55.71, "%", "计算得出")]),
    ("rate-of-year-start-budget", "江汉区一般公共预算财政拨款支出完成年初预算的百分之多少", "rate",
     [("财政拨款支出", 89.5, "%", "完成预算比例")]),
    ("share-named-pair-computed", "秦皇岛项目支出占支出预算的百分之几", "share",
     [("项目支出", 8.36, "%", "计算得出"), ("项目支出", 55, "万元", ""), ("支出合计", 657.82, "万元", "")]),
    ("share-named-pair-stated-agrees", "江汉科学技术支出占财政拨款支出的比重", "share",
     [("科学技术支出", 79.1, "%", "占比"), ("科学技术支出", 79.09, "%", "计算得出")]),
    ("share-of-a-name-with-和", "江汉社保和就业支出占比多少", "share", [("社会保障和就业支出", 10.9, "%", "占比")]),
    ("compare-which-more", "包头和江汉区的机关运行经费谁多", "compare",
     [("机关运行经费", 18.38, "万元", "决算数"), ("机关运行经费", 17.09, "万元", "决算数")]),
    ("compare-which-less", "包头和江汉区的机关运行经费谁少", "compare",
     [("机关运行经费", 17.09, "万元", "决算数"), ("机关运行经费", 18.38, "万元", "决算数")]),
    ("compare-times", "张家口三公经费是秦皇岛的几倍", "compare",
     [("三公经费", 5.19, "万元", ""), ("三公经费", 2.14, "万元", "")]),
]


@pytest.mark.parametrize("name,question,intent,expected", CASES, ids=[c[0] for c in CASES])
def test_operation(assistant, name, question, intent, expected):
    answer = assistant.ask(question)
    assert answer.status == "answered" and answer.intent == intent, answer.text
    for fact, (metric, value, unit, basis) in zip(answer.facts, expected):
        assert (fact.metric, fact.unit) == (metric, unit)
        assert float(fact.value) == pytest.approx(value)
        assert (fact.basis or "").startswith(basis)


def test_a_comparison_says_how_much_more_and_how_many_times(assistant):
    answer = assistant.ask("张家口三公经费是秦皇岛的几倍")
    computed = [f for f in answer.facts if (f.basis or "").startswith("计算得出")]
    assert [(f.unit, float(f.value)) for f in computed] == [("万元", 3.05), ("倍", 2.43)]
    assert "多 3.05万元" in answer.text and "2.43 倍" in answer.text


def test_a_budget_has_no_execution_rate(assistant):
    answer = assistant.ask("秦皇岛三公经费执行率")
    assert answer.status == "not_found" and not answer.facts


# (question, value of facts[0], unit): a change asked by its rate, and the year compared with
CHANGES = [
    ("江汉机关运行经费增长了百分之几", 46.2, "%"),
    ("包头机关运行经费减少了百分之几", -2.0, "%"),
    ("西城基本支出比上年下降百分之几", -22.8, "%"),
    ("包头2020年收入总计比2019年增加多少", 62.54, "万元"),
    ("西城2019年收入合计较上年增减率是多少", -35.15, "%"),  # a rate named by its word (增减率, 增长率)
    ("江汉2020年机关运行经费增长率", 46.2, "%"),
    ("江汉2020年机关运行经费较上年增减多少", 5.81, "万元"),
]


@pytest.mark.parametrize("question,value,unit", CHANGES, ids=[c[0] for c in CHANGES])
def test_change(assistant, question, value, unit):
    answer = assistant.ask(question)
    assert answer.status == "answered" and answer.intent == "change", answer.text
    assert (float(answer.facts[0].value), answer.facts[0].unit) == (pytest.approx(value), unit)


def test_the_year_compared_with_is_not_the_year_asked(assistant):
    answer = assistant.ask("江汉科协机关运行经费比2019年增加5.81万元，属实吗")
    assert answer.verdict == "true" and answer.facts[0].year == 2020


# --- sums of named figures, and actual against budget -----------------------------------------

SEED_ORGS = [("包头", 2020), ("张家口", 2020), ("秦皇岛", 2022), ("江汉", 2020), ("西城", 2019)]
PAIRS = [("人员经费", "公用经费", "基本支出"), ("基本支出", "项目支出", "支出合计")]
SAYINGS = ["{a}和{b}加起来多少", "{a}和{b}一共多少", "{a}加{b}是多少", "{a}与{b}之和"]


def _wan(fact):
    return fact.value / 10000 if fact.unit == "元" else fact.value


@pytest.mark.parametrize("org,year", SEED_ORGS)
@pytest.mark.parametrize("a,b,whole", PAIRS)
@pytest.mark.parametrize("saying", SAYINGS)
def test_a_sum_adds_the_figures_a_lookup_gives(assistant, org, year, a, b, whole, saying):
    """The sum of two named figures: the figures asked one by one, added (计算得出), and the total
    the document states for just those parts beside it."""
    alone = [assistant.ask(f"{org}{year}年{name}") for name in (a, b)]
    if any(answer.status != "answered" for answer in alone):
        pytest.skip(f"{org} states no {a} or {b}")
    answer = assistant.ask(f"{org}{year}年" + saying.format(a=a, b=b))
    assert answer.intent == "sum" and answer.status == "answered", answer.text
    total, first, second = answer.facts[:3]
    assert (first.value, second.value) == (alone[0].facts[0].value, alone[1].facts[0].value)
    assert total.basis.startswith("计算得出") and total.value == _wan(first) + _wan(second)
    stated = [f for f in answer.facts[3:] if f.metric == whole]
    if stated:
        assert ("与之相符" in answer.text) == (_wan(stated[0]) == total.value), answer.text


@pytest.mark.parametrize("question", ["包头2020年三公经费比预算少了多少", "包头三公经费实际比年初预算少花了多少",
                                      "包头三公经费决算比预算节约了多少"])
def test_actual_against_budget_says_the_difference(assistant, question):
    answer = assistant.ask(question)
    assert answer.intent == "budget_vs_actual"
    actual, budget = answer.facts[:2]
    assert (float(actual.value), float(budget.value)) == (2.1, 3.65)
    difference = answer.facts[-1]
    assert difference.basis.startswith("计算得出") and float(difference.value) == pytest.approx(-1.55)
    assert "决算比预算少 1.55万元" in answer.text


# (question, intent, [(metric, value)] of the first facts): several figures named at once, each given
EACH = [
    ("秦皇岛二〇二二年部门预算人员经费和公用经费分别是多少", "each", [("人员经费", 541.68), ("公用经费", 61.14)]),
    ("包头2020年人员经费和公用经费", "each", [("人员经费", 414.52), ("公用经费", 17.09)]),
    ("张家口2020年基本支出、项目支出各是多少", "each", [("基本支出", 634.87), ("项目支出", 459.5)]),
    # 一共花了 names the total only when nothing else is named
    ("秦皇岛科协2022年的三公经费一共花了多少", "lookup", [("三公经费", 2.14)]),
    ("秦皇岛2022年一共花了多少", "lookup", [("支出合计", 657.82)]),
    # one figure named inside another (a class, the table it is in): the last is what is asked
    ("包头2020年基本支出中津贴补贴是多少", "lookup", [("津贴补贴", 115.35)]),
    ("秦皇岛2022年三公经费中的公务接待费是多少", "lookup", [("公务接待费", 0.21)]),
    ("秦皇岛2022年基本支出经济分类30201办公费是多少", "lookup", [("办公费", 1.93)]),
    ("西城2019年科学技术支出科学技术普及其他科学技术普及支出是多少", "lookup", [("其他科学技术普及支出", 510931.16)]),
    # two orgs named: those two compared, not a ranking of every org
    ("包头、张家口三公经费哪家高", "compare", [("三公经费", 5.19), ("三公经费", 2.1)]),
]


@pytest.mark.parametrize("question,intent,expected", EACH, ids=[c[0] for c in EACH])
def test_every_figure_named_is_given(assistant, question, intent, expected):
    answer = assistant.ask(question)
    assert answer.status == "answered" and answer.intent == intent, answer.text
    assert [(f.metric, float(f.value)) for f in answer.facts[:len(expected)]] == expected


def test_an_amount_in_a_claim_is_no_year(assistant):
    answer = assistant.ask("包头市科协2020年公务接待费有没有超过2000元")
    assert answer.verdict == "false" and "并未超过 2000元" in answer.text
