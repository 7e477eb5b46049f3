"""Conversations: a follow-up may change org, metric, side or operation and keeps what it leaves unsaid."""
import pytest

# (id, [(question, value of facts[0] in its unit or None for not_found, org fragment)])
TURNS = [
    ("side-then-metric", [("包头三公经费决算数", 2.1, "包头"), ("预算数呢", 3.65, "包头"),
                          ("公务用车呢", 3.5, "包头"), ("执行率多少", 56, "包头")]),
    ("year-start-budget", [("包头三公经费", 2.1, "包头"), ("年初预算呢", 3.65, "包头")]),
    ("operation-kept", [("秦皇岛科协2022年人员经费", 541.68, "秦皇岛"), ("比上年增加了多少", 83.64, "秦皇岛"),
                        ("项目支出呢", -34.8, "秦皇岛")]),
    ("comparison-grows", [("张家口和秦皇岛的机关运行经费哪个多", 90.98, "张家口"), ("三公经费呢", 5.19, "张家口"),
                          ("加上包头呢", 5.19, "张家口")]),
    ("its-after-a-ranking", [("项目支出最多的是哪个科协", 5089009.53, "西城"), ("最少的呢", 55, "秦皇岛"),
                             ("它的基本支出呢", 602.82, "秦皇岛")]),
    ("context-survives-not-found", [("石家庄2020年三公经费", None, ""), ("张家口呢", 5.19, "张家口")]),
    ("kind-follow-up", [("张家口科协房屋面积多少", 3972, "张家口"), ("值多少钱", 300, "张家口")]),
    ("side-not-carried-to-another-org", [("包头三公经费预算数", 3.65, "包头"), ("江汉呢", 0, "江汉")]),
    *[(f"another-year-{said}", [("西城2019年基本支出", 604434.77, "西城"), (said, None, "")])
      for said in ("2020年呢", "二〇二〇年的呢", "20年呢")],
    *[(f"the-year-before-{said}", [("西城2019年基本支出", 604434.77, "西城"), (said, 783210.21, "西城")])
      for said in ("上年呢", "去年呢", "上一年的呢")],
    ("the-year-before-not-stated", [("张家口20年项目支出", 459.5, "张家口"), ("去年呢", None, "")]),
    ("the-year-of-another-org", [("秦皇岛2022年三公经费", 2.14, "秦皇岛"), ("包头呢", 2.1, "包头"),
                                 ("2020年的呢", 2.1, "包头")]),
    *[(f"money-after-a-count-{said}", [("包头市科协有几辆公车", 1, "包头"), (said, 1.95, "包头")])
      for said in ("花了多少钱", "多少钱", "花了多少钱呢")],
    # 公车 alone is the money; a count is asked by its measure (几辆), also as a follow-up
    # another org alone keeps a change, share or rate (比上年呢 → 江汉呢), never a comparison
    ("change-kept-for-another-org", [("包头机关运行经费", 17.09, "包头"), ("比上年呢", -0.33, "包头"),
                                     ("江汉呢", 5.81, "江汉")]),
    ("share-kept-for-another-org", [("江汉基本支出占比", 43.1, "江汉"), ("包头呢", 75, "包头")]),
    ("rate-kept-for-another-org", [("江汉科学技术支出完成率", 85.5, "江汉"), ("包头呢", None, "")]),
    ("comparison-not-kept", [("张家口和秦皇岛的机关运行经费哪个多", 90.98, "张家口"), ("包头呢", 17.09, "包头")]),
    ("vehicles-money-then-count", [("包头三公经费", 2.1, "包头"), ("公车呢", 1.95, "包头"), ("几辆", 1, "包头")]),
    ("vehicles-money-then-budget", [("包头公车", 1.95, "包头"), ("预算呢", 3.5, "包头")]),
]


@pytest.mark.parametrize("name,turns", TURNS, ids=[t[0] for t in TURNS])
def test_conversation(assistant, name, turns):
    chat = assistant.conversation()
    for question, value, org in turns:
        answer = chat.ask(question)
        if value is None:
            assert answer.status == "not_found", (question, answer.text)
            continue
        assert answer.status == "answered", (question, answer.text)
        assert float(answer.facts[0].value) == pytest.approx(value), (question, answer.text)
        assert org in answer.facts[0].org


def test_an_added_org_joins_the_comparison(assistant):
    chat = assistant.conversation()
    chat.ask("秦皇岛和张家口的三公经费")
    answer = chat.ask("加上包头呢")
    orgs = {f.org for f in answer.facts}
    assert {"秦皇岛市科学技术协会", "张家口市科学技术协会", "包头市科学技术协会"} <= orgs


@pytest.mark.parametrize("turns,orgs", [
    (["秦皇岛2022年三公经费", "公务接待费呢", "包头呢", "比较一下"], {"包头市科学技术协会", "秦皇岛市科学技术协会"}),
    (["张家口基本支出", "江汉呢", "对比一下"], {"张家口市科学技术协会", "武汉市江汉区科学技术协会"}),
    (["西城三公经费", "包头呢", "秦皇岛呢", "比较一下"], {"秦皇岛市科学技术协会", "包头市科学技术协会"}),
], ids=["demo", "two-orgs", "the-last-two"])
def test_compare_without_names_compares_the_orgs_the_conversation_was_about(assistant, turns, orgs):
    chat = assistant.conversation()
    for question in turns:
        answer = chat.ask(question)
    assert answer.intent == "compare" and {f.org for f in answer.facts if f.org} == orgs, answer.text


# Last year's figure where the document states this year's and its change in one sentence (not last
# year's itself): this year's less the change, 计算得出, dated the year before; asked by 去年/上年 or by
# the year before the document's. None: no change is stated beside the figure.
PREVIOUS = [
    ("包头2019年收入总计是多少", 564.74), ("包头去年的机关运行经费", 17.42), ("包头2019年机关运行经费", 17.42),
    ("江汉2019年机关运行经费", 12.57), ("江汉上年收支总计", 717.05), ("张家口2019年三公经费", 8.17),
    ("秦皇岛2021年基本支出", 514.62), ("秦皇岛去年公务接待费", 0.30), ("西城2018年收入预算", 888.848706),
    ("张家口2019年项目支出", None), ("包头2018年机关运行经费", None),
    ("江汉去年的项目支出", None), ("包头2019年项目支出", None),  # never this year's projects listed instead
]


@pytest.mark.parametrize("question,value", PREVIOUS, ids=[q for q, _ in PREVIOUS])
def test_last_years_figure(assistant, question, value):
    answer = assistant.ask(question)
    if value is None:
        assert answer.status == "not_found" and not answer.facts, answer.text
        return
    fact = answer.facts[0]
    assert answer.status == "answered", answer.text
    got = float(fact.value) / (10000 if fact.unit == "元" else 1)
    assert got == pytest.approx(value), answer.text
    if "计算得出" in (fact.basis or ""):  # dated the year before the figures it is computed from
        assert fact.year == answer.facts[1].year - 1 == answer.facts[2].year - 1


def test_last_years_figure_in_a_conversation(assistant):
    chat = assistant.conversation()
    chat.ask("包头机关运行经费")
    answer = chat.ask("去年呢")
    assert (float(answer.facts[0].value), answer.facts[0].year) == (pytest.approx(17.42), 2019)
    assert "计算得出" in answer.facts[0].basis and {f.source.line for f in answer.facts[1:]} == {974}
