"""A listed purchase is asked for by the thing it buys: 购置彩色打印机 is 彩色打印机, 买彩色打印机."""
import pytest

from kexie_chat.answering.index import item_vocabulary, thing_bought


@pytest.mark.parametrize("item,thing", [
    ("购置彩色打印机", "彩色打印机"), ("采购办公桌椅", "办公桌椅"), ("购买台式计算机", "台式计算机"),
    ("新购投影仪", "投影仪"), ("添置档案柜", "档案柜"), ("2020年购置复印机", "复印机"),
    ("科普活动经费", ""), ("购置", ""),
])
def test_the_thing_an_item_buys(item, thing):
    assert thing_bought(item) == thing


@pytest.mark.parametrize("question,item", [
    ("西城买彩色打印机花多少钱", "购置彩色打印机"), ("彩色打印机多少钱", "购置彩色打印机"),
    ("购置彩色打印机", "购置彩色打印机"), ("采购办公桌椅预算", "采购办公桌椅"),
    ("彩色打印机耗材", "彩色打印机耗材"),  # an item so named keeps its name
])
def test_an_item_is_found_by_the_thing_bought(question, item):
    vocabulary = item_vocabulary([("购置彩色打印机", "项目支出"), ("采购办公桌椅", "政府采购"),
                                  ("彩色打印机耗材", "项目支出"), ("购置服务", "项目支出")])
    named = [(name, it) for names in vocabulary.values() for name, it, _ in names if name in question]
    assert max(named, key=lambda pair: len(pair[0]))[1] == item
    assert "服务" not in {name for names in vocabulary.values() for name, _, _ in names}  # too short to name a thing


# A project's money before its score under every name it is asked by (with or without its year):
# (its name as written, asked name) x the two orders the index may list its figures in.
@pytest.mark.parametrize("listed", ["money-first", "score-first"])
@pytest.mark.parametrize("item,asked", [("2020年基层科普行动计划", "基层科普行动计划"),
                                        ("2020年基层科普行动计划", "2020年基层科普行动计划"),
                                        ("2021年购置彩色打印机", "彩色打印机")])
def test_a_projects_name_is_its_money(listed, item, asked):
    pairs = [(item, "项目支出"), (item, "绩效自评得分")]
    vocabulary = item_vocabulary(pairs if listed == "money-first" else pairs[::-1])
    [(_, _, metric)] = [entry for names in vocabulary.values() for entry in names if entry[0] == asked]
    assert metric == "项目支出"


# Asked of the seeds: the money, its side, its rate, and its score only when the score is asked.
PROJECT_QUESTIONS = [
    ("包头基层科普行动计划项目预算多少", "项目支出", 33.3), ("包头基层科普行动计划花了多少钱", "项目支出", 33.3),
    ("包头基层科普行动计划执行率", "项目支出", 100), ("包头基层科普行动计划得分", "绩效自评得分", 96),
    ("包头2020年科普活动项目预算多少", "项目支出", 90), ("包头科普活动项目自评得分", "绩效自评得分", 97),
]


@pytest.mark.parametrize("question,metric,value", PROJECT_QUESTIONS, ids=[q for q, _, _ in PROJECT_QUESTIONS])
def test_a_project_asked_by_reporters(assistant, question, metric, value):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    assert (answer.facts[0].metric, float(answer.facts[0].value)) == (metric, pytest.approx(value))
