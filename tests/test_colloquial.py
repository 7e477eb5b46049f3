"""How people say things: colloquial names, the kind of figure asked for, the side insisted on.

Every case is a question over the seeds and the metric and value its first fact must have, or
not_found (None): a money question never gets a count, a 决算 question never a 预算 figure.
"""
import pytest

# (id, question, metric of facts[0] or None for not_found, value in the fact's unit)
CASES = [
    ("zhaodai", "张家口科协招待费花了多少钱", "公务接待费", 0.47),
    ("gongche-feiyong", "包头公车费用", "公务用车购置及运行维护费", 1.95),
    ("cheliang-jingfei-is-money", "包头科协车辆经费", "公务用车购置及运行维护费", 1.95),
    ("chuguo-jingfei", "张家口出国经费", "因公出国（境）费", 0),
    ("gongjijin", "西城公积金", "住房公积金", 47224.56),
    ("yanglao", "江汉养老保险", "机关事业单位基本养老保险缴费", None),
    ("yibao", "江汉医保", "职工基本医疗保险缴费", 6.22),
    ("wuye", "江汉物业费", "物业管理费", 2.15),
    ("tongxun", "江汉区科协通讯费", "邮电费", 2.61),
    ("rentou", "秦皇岛人头费", "人员经费", 541.68),
    ("yigong-huale", "秦皇岛2022年一共花了多少钱", "支出合计", 657.82),
    ("shebao-jiuye", "江汉社保和就业支出", "社会保障和就业支出", 54.77),
    ("count-of-a-money-name", "秦皇岛几辆公务用车", "车辆", 1),
    ("money-of-a-stock", "张家口车辆值多少钱", "车辆", 78.9),
    ("count-is-not-money", "秦皇岛科协车辆", "车辆", 1),
    ("a-count-asked-as-money", "包头科协车辆多少钱", None, None),
    ("actual-asked-of-a-budget", "秦皇岛2022年三公经费决算数", None, None),
    ("budget-asked-of-a-final-account", "包头2020年三公经费年初预算", "三公经费", 3.65),
    ("actual-of-a-final-account", "包头2020年三公经费实际支出", "三公经费", 2.1),
]


@pytest.mark.parametrize("name,question,metric,value", CASES, ids=[c[0] for c in CASES])
def test_colloquial(assistant, name, question, metric, value):
    answer = assistant.ask(question)
    if metric is None:
        assert answer.status == "not_found", answer.text
        assert not answer.facts
        return
    assert answer.status == "answered", answer.text
    assert answer.facts[0].metric == metric
    if value is not None:
        assert float(answer.facts[0].value) == pytest.approx(value)


def test_the_other_side_is_offered(assistant):
    answer = assistant.ask("秦皇岛2022年三公经费决算数")
    assert "预算数" in answer.text and any("预算数" in s for s in answer.suggestions)


# (id, question, value of facts[0] in its own unit, unit): figures only a sentence gives
SENTENCES = [
    ("count-beside-its-thing", "张家口科普大篷车有几辆", 2, "辆"),
    ("value-word-beside-the-number", "西城科普大篷车价值多少", 42.67, "万元"),
    ("percent-in-a-sentence", "江汉区居民具备基本科学素质的比例达到百分之几", 13.5, "%"),
    ("a-bound-when-nothing-else", "张家口科普大篷车计划进几所学校", 5, "所"),
]


@pytest.mark.parametrize("name,question,value,unit", SENTENCES, ids=[c[0] for c in SENTENCES])
def test_figure_told_in_a_sentence(assistant, name, question, value, unit):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    fact = answer.facts[0]
    assert (float(fact.value), fact.unit, fact.basis) == (pytest.approx(value), unit, "文字表述")
    assert str(fact.value).rstrip("0").rstrip(".") in fact.source.quote.replace(",", "")


def test_no_figure_from_another_clause(assistant):
    """科普特色经费 is named in a sentence whose amounts are of other things: no figure, a search."""
    answer = assistant.ask("西城科普特色经费多少钱")
    assert not answer.facts or answer.facts[0].value != 604434.77


def test_a_word_one_character_off_is_not_a_metric(assistant):
    """工作经费 is not a typo of 工会经费 (作 does not sound like 会): never 工会经费's figure."""
    answer = assistant.ask("秦皇岛科普费里老科协工作经费多少")
    assert all(f.metric != "工会经费" for f in answer.facts)


# (id, question, metric of facts[0], value in its unit): what a bare word names in a question
BARE_WORDS = [
    ("budget-alone-is-the-whole", "秦皇岛2022年预算是多少", "收支总计", 657.82),
    ("vehicles-spent-on", "包头公车花了多少钱", "公务用车购置及运行维护费", 1.95),
    ("vehicles-of-a-final-account", "包头公车决算多少", "公务用车购置及运行维护费", 1.95),
    ("vehicles-counted", "包头科协有几辆公车", "车辆", 1),
    ("on-the-payroll", "江汉区科协在职几个人", "实有人数", 6),
]


@pytest.mark.parametrize("name,question,metric,value", BARE_WORDS, ids=[c[0] for c in BARE_WORDS])
def test_bare_word(assistant, name, question, metric, value):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    assert (answer.facts[0].metric, float(answer.facts[0].value)) == (metric, pytest.approx(value))


def test_a_term_explained_in_a_sentence(assistant):
    answer = assistant.ask("事业收入指的是什么")
    assert answer.intent == "definition" and answer.text.startswith("事业收入：指事业单位")


def test_a_stock_at_a_year_end_is_told_by_the_next_budget(assistant):
    """2019年末固定资产: a 2020 部门预算 tells the assets at the end of 2019."""
    answer = assistant.ask("核实：张家口市科协2019年末固定资产410.05万元")
    assert answer.verdict == "true" and answer.facts[0].year == 2020
    assert assistant.ask("张家口2018年末固定资产").status == "not_found"


def test_a_count_asked_of_a_money_name_is_read_from_its_sentence(assistant):
    """公务接待 is told in money by the tables, its batches and visitors only in a sentence."""
    answer = assistant.ask("包头公务接待了多少人次")
    assert (float(answer.facts[0].value), answer.facts[0].unit) == (20, "人次")
    assert assistant.ask("包头科协车辆多少钱").status == "not_found"  # a money question never gets a count


# What reporters call a figure, asked of every seed that states it in several frames: (org, metric,
# value in the fact's unit) x the words for that metric x the frames (issue 13: 人头费, 工资, 公车…).
SAID_AS = {
    "人员经费": ("人头费", "人头经费"),
    "工资福利支出": ("工资", "工资福利"),
    "退休费": ("退休工资", "退休金"),
    "购房补贴": ("房补", "房贴", "住房补贴"),
    "公务用车购置及运行维护费": ("公车",),  # alone it is the money; 几辆 asks the count
}
STATED = [
    ("秦皇岛", "人员经费", 541.68), ("张家口", "人员经费", 543.89), ("包头", "人员经费", 414.52),
    ("秦皇岛", "工资福利支出", 452.46), ("江汉", "工资福利支出", 143.62),
    ("秦皇岛", "退休费", 84.96), ("江汉", "退休费", 43.72),
    ("江汉", "购房补贴", 0.89), ("西城", "购房补贴", 32508.0),
    ("包头", "公务用车购置及运行维护费", 1.95), ("张家口", "公务用车购置及运行维护费", 4.72),
    ("秦皇岛", "公务用车购置及运行维护费", 1.93),
]
FRAMES = ("{org}{word}", "{org}{word}多少", "{org}科协的{word}是多少")
SAID = [(f"{org}-{word}-{i}", frame.format(org=org, word=word), metric, value)
        for org, metric, value in STATED for word in SAID_AS[metric] for i, frame in enumerate(FRAMES)]


@pytest.mark.parametrize("name,question,metric,value", SAID, ids=[c[0] for c in SAID])
def test_said_as_reporters_say_it(assistant, name, question, metric, value):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    assert (answer.facts[0].metric, float(answer.facts[0].value)) == (metric, pytest.approx(value))


# A count asked by its measure alone (多少人, 几辆) counts the head count or the vehicles; a question
# naming something else with it (科普大篷车有几辆) counts that thing.
MEASURED = [
    (f"{org}-{frame}", frame.format(org=org), metric, value)
    for org, metric, value, frames in (
        ("江汉", "实有人数", 6, ("{org}科协有多少人", "{org}一共几个人")),
        ("西城", "实有人数", 11, ("{org}科协有多少人", "{org}有几个人")),
        ("包头", "车辆", 1, ("{org}科协有几辆车", "{org}有几辆", "{org}有没有公车")),
        ("张家口", "车辆", 4, ("{org}有几辆车", "{org}科协一共几台")),
    ) for frame in frames
] + [("a-thing-named-beside", "张家口科普大篷车有几辆", "科普大篷车", 2)]


@pytest.mark.parametrize("name,question,metric,value", MEASURED, ids=[c[0] for c in MEASURED])
def test_a_count_asked_by_its_measure(assistant, name, question, metric, value):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    assert (answer.facts[0].metric, float(answer.facts[0].value)) == (metric, pytest.approx(value))


# The side a question asks (预算/决算), whether its word stands alone or ends a metric's name
# (三公经费预算), and never read from a project's name (基层科普行动计划): (question, value, basis
# prefix), or None for not_found (a side the document does not state for that figure).
SIDES = [
    ("包头三公经费预算是多少", 3.65, "预算数"), ("包头三公经费预算", 3.65, "预算数"), ("包头三公经费决算", 2.1, "决算数"),
    ("包头公务接待费预算数", 0.15, "预算数"), ("包头公车预算", 3.5, "预算数"), ("包头公车", 1.95, "决算数"),
    ("包头2020年基层科普行动计划", 33.3, "决算数"), ("包头基层科普行动计划项目预算多少", 33.3, "预算数"),
    ("江汉科学技术支出预算", 466.8, "预算数"), ("江汉科学技术支出", 399.22, ""),
    ("包头基本工资预算", None, None), ("江汉基本工资预算", None, None), ("包头2020年基本工资预算是多少", None, None),
    ("秦皇岛2022年基本支出决算", None, None),
]


@pytest.mark.parametrize("question,value,basis", SIDES, ids=[q for q, _, _ in SIDES])
def test_the_side_asked(assistant, question, value, basis):
    answer = assistant.ask(question)
    if value is None:
        assert answer.status == "not_found" and not answer.facts, answer.text
        return
    fact = answer.facts[0]
    assert (float(fact.value), (fact.basis or "").startswith(basis)) == (pytest.approx(value), True), answer.text


# 预算 is the budget as a whole only when nothing else is named beside it: a thing the index does not
# know (机器人展区预算) is searched for, never answered with the whole budget.
WHOLE = [("秦皇岛2022年预算是多少", True), ("张家口2020年预算", True), ("秦皇岛2022年部门预算总额是多少", True),
         ("张家口科协2020年预算一共多少钱", True), ("张家口2020年机器人展区预算", False),
         ("秦皇岛2022年科技专业馆预算", False), ("包头2020年稀土钢杯创新方法大赛预算是多少", False),
         ("西城2019年科普迷你小屋预算", False)]
WHOLES = {"收支总计", "收入总计", "支出总计", "收入合计", "支出合计"}


@pytest.mark.parametrize("question,whole", WHOLE, ids=[q for q, _ in WHOLE])
def test_the_budget_as_a_whole_only_when_nothing_else_is_named(assistant, question, whole):
    answer = assistant.ask(question)
    told = {f.metric for f in answer.facts} & WHOLES
    assert bool(told) == whole, answer.text
