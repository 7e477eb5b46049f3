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
