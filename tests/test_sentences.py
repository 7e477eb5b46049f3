"""A count told in a list sentence is the one whose own name is the thing asked (sentences.figure_in).

The question's words arrive split (市级 科普 示范 社区): the number whose clause writes them as
one phrase is the thing asked, not its neighbour that shares most of the words.
"""
from decimal import Decimal

import pytest

from kexie_chat.sentences import ANY_UNIT, figure_in, stage_of, units_asked

LEVELS = ("国家级", "省级", "市级", "区级")
THINGS = (("科普示范社区", ["科普", "示范", "社区"]), ("科普特色学校", ["科普", "特色", "学校"]))


def _list_cases():
    """Every level of a list 'A1个、B10个、C39个…' asked by its own name, in two verbs."""
    cases = []
    for thing, words in THINGS:
        counts = [1, 10, 39, 7]
        text = "培育" + "、".join(f"{level}{thing}{n}个" for level, n in zip(LEVELS, counts)) + "，成效明显。"
        for level, n in zip(LEVELS, counts):
            cases.append((text, ["培育", level.removesuffix("级") + "级", *words], n))
    return cases


@pytest.mark.parametrize("text,words,expected", _list_cases())
def test_the_count_whose_name_is_the_thing_asked(text, words, expected):
    found = figure_in(text, words, ("个",))
    assert found is not None and found.value == Decimal(expected), (words, found)


@pytest.mark.parametrize("text,words,expected", [
    ("开展科普阵地建设，新建 1 个社区科技馆，改造升级 3 个社区科普馆。", ["新建", "社区科技馆"], 1),
    ("开展科普阵地建设，新建 1 个社区科技馆，改造升级 3 个社区科普馆。", ["改造", "升级", "社区", "科普馆"], 3),
    ("其中有2辆科普大篷车，价值42万元。", ["科普", "大篷车"], 2),
])
def test_a_count_before_or_after_its_name(text, words, expected):
    found = figure_in(text, words, ("个", "辆"))
    assert found is not None and found.value == Decimal(expected)


def test_two_counts_of_one_name_side_by_side_stay_unpicked():
    assert figure_in("数量指标 创建科普e站 40 个 68 个", ["创建", "科普", "e站"], ("个",)) is None


# (what a 绩效 narrative writes before the number, the stage it tells): the label written last decides
STAGES = [
    ("预期目标：2020年印发科普图册", "预期目标"), ("目标实际完成情况：2020年印发科普图册", "实际完成"),
    ("年度目标：组织活动", "预期目标"), ("预期目标：…；实际完成：印发", "实际完成"), ("全年印发科普图册", None),
    ("计划新建社区科技馆", "预期目标"), ("实际新建社区科技馆", "实际完成"),
]


@pytest.mark.parametrize("text,stage", STAGES, ids=[t for t, _ in STAGES])
def test_the_stage_a_number_is_told_in(text, stage):
    assert stage_of(text + " 12 篇", len(text) + 1) == stage


@pytest.mark.parametrize("unit", ["篇", "个", "场"])
def test_a_target_and_actual_pair_lends_nothing_but_a_sentence_beside_it_does(unit):
    row = f"在日报刊登科普文章10 10 {unit} 12 {unit} 10"
    assert figure_in(row, ["日报", "刊登", "科普", "文章"], (unit,)) is None
    sentence = f"在《日报》刊登 12 {unit}科普文章等一系列活动。绩效指标 " + row
    found = figure_in(sentence, ["日报", "刊登", "科普", "文章"], (unit,))
    assert found is not None and found.value == 12 and found.start == sentence.index("12")


# A level asked without its unit (达到多少): only the number written right after the thing's whole name
LEVELS_ASKED = [
    ("2020年我市公民科学素质达 10.3%，位居第二。", ["公民", "科学素质"], Decimal("10.3")),
    ("全市公民科学素质比例为12.5%。", ["公民", "科学素质", "比例"], Decimal("12.5")),
    ("1 个社区被评为五星级科普社区、1 所学校被评为科普学校。", ["科普", "e", "站"], None),
    ("提高公民科学素质，开展活动 3 场。", ["公民", "科学素质"], None),
    ("公民科学素质工作受到表彰，共 5 个单位参加。", ["公民", "科学素质"], None),
]


@pytest.mark.parametrize("text,words,expected", LEVELS_ASKED, ids=[t for t, _, _ in LEVELS_ASKED])
def test_a_level_asked_without_its_unit(text, words, expected):
    assert units_asked("公民科学素质达到多少", None) is ANY_UNIT
    found = figure_in(text, words, ANY_UNIT)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("verb", ["增加", "减少", "增长", "下降", "多", "少", "节约"])
@pytest.mark.parametrize("thing,words,units", [("年初预算数", ["年初预算"], ("万元",)),
                                               ("科普活动场次", ["科普", "活动", "场次"], ("场",)),
                                               ("公民科学素质", ["公民", "科学", "素质"], ANY_UNIT)])
def test_a_number_after_a_change_word_is_no_level(verb, thing, words, units):
    """比年初预算数增加79.69万元 tells how much the figure changed, never the figure itself; asked
    with the change word (增加了多少), it is what was asked."""
    unit = units[0]
    text = f"实际财政拨款数比{thing}{verb} 79.69{unit}，增加原因是上年结转。"
    assert figure_in(text, words, units) is None
    assert figure_in(text, [*words, verb], units).value == Decimal("79.69")
    level = f"{thing}为 79.69{unit}。"
    assert figure_in(level, words, units).value == Decimal("79.69")
