"""Claims: each part (amount, threshold, direction, existence, overspending, org vs org) judged
against the disclosed figure; right amount with the wrong direction is not true."""
import pytest

from kexie_chat.claims import claim_parts
from kexie_chat.text import fold

# (id, question, verdict, value of facts[0] in 万元 or its own unit, or None)
CASES = [
    ("amount-true", "张家口科协2020年三公经费5.19万元，对吗", "true", 5.19),
    ("amount-false", "包头2020年三公经费支出2.5万元？", "false", 2.1),
    ("amount-rounded-is-partly", "秦皇岛2022年基本支出是600万吗", "partly", 602.82),
    ("above-false", "西城科协固定资产超过300万了吗", "false", None),
    ("above-true", "张家口固定资产超过400万了吗", "true", 410.05),
    ("direction-false", "张家口公务接待费比上年减少了吗", "false", None),
    ("direction-true", "张家口三公经费比上年减少了吗", "true", None),
    ("rate-with-direction", "听说江汉科协机关运行经费涨了46.2%，真的假的", "true", None),
    ("right-amount-wrong-direction", "包头机关运行经费比上年增加了0.33万元吗", "false", None),
    ("level-right-direction-wrong", "张家口公务接待费0.47万元，比上年减少了，对吗", "partly", None),
    ("two-amounts-one-wrong", "包头基本支出431.61万元、项目支出150万元，对吗", "partly", 431.61),
    ("exists-zero", "张家口科协有没有因公出国经费", "false", 0),
    ("exists-count", "包头科协有没有公车", "true", 1),
    ("overspent", "包头三公经费超支了吗", "false", None),
    ("org-vs-org", "包头机关运行经费比江汉多吗", "false", None),
    ("budget-told-as-spending", "张家口2020年三公经费实际支出了5.19万元吗", "false", None),
    ("count-told-in-a-sentence", "包头公务接待了5批次吗", "true", 5),
    ("count-told-in-a-sentence-false", "包头公务接待了6批次吗", "false", 5),
    ("count-of-a-thing-no-table-names", "张家口科协有2辆科普大篷车，是吗", "true", 2),
    ("count-of-a-thing-no-table-names-false", "张家口科协有3辆科普大篷车，是吗", "false", 2),
]


@pytest.mark.parametrize("name,question,verdict,value", CASES, ids=[c[0] for c in CASES])
def test_claim(assistant, name, question, verdict, value):
    answer = assistant.ask(question)
    assert answer.status == "answered" and answer.intent == "verify", answer.text
    assert answer.verdict == verdict, answer.text
    if value is not None:
        fact = answer.facts[0]
        got = float(fact.value) / (10000 if fact.unit == "元" else 1)
        assert got == pytest.approx(value)


# (question, [(kind, value, unit)])
PARTS = [
    ("三公经费2.14万，其中公务接待费0.3万，对吗", [("amount", "2.14", "万元"), ("amount", "0.3", "万元")]),
    ("机关运行经费比2019年增加5.81万元，属实吗", [("up", "5.81", "万元")]),
    ("收入预算比上年减少了35.15%，对吗", [("down", "35.15", "%")]),
    ("固定资产超过300万了吗", [("above", "300", "万元")]),
    ("公务接待费比上年减少了吗", [("down", None, "")]),
]


@pytest.mark.parametrize("question,expected", PARTS, ids=[p[0] for p in PARTS])
def test_claim_parts(question, expected):
    folded = fold(question)
    years = [(m, m + 5) for m in range(len(folded)) if folded.startswith("2019年", m)]
    parts = claim_parts(folded, years, [], 1)
    assert [(p.kind, str(p.value) if p.value is not None else None, p.unit) for p in parts] == expected


# Existence asked as 有…吗 as well as 有没有…: every seed x the things it has or has not (money or,
# for 公车, the vehicles) x the frames people use.
HAS = [("包头", "公车", "true"), ("江汉", "公车", "false"), ("江汉", "三公经费支出", "false"),
       ("包头", "公务接待费", "true"), ("张家口", "出国经费", "false"), ("秦皇岛", "公务接待费", "true"),
       ("秦皇岛", "公车", "true"), ("张家口", "公车", "true")]
HAS_FRAMES = ("{org}有{thing}吗", "{org}科协有{thing}吗？", "{org}有没有{thing}")
EXISTS = [(f"{org}-{thing}-{i}", frame.format(org=org, thing=thing), verdict)
          for org, thing, verdict in HAS for i, frame in enumerate(HAS_FRAMES)]


@pytest.mark.parametrize("name,question,verdict", EXISTS, ids=[c[0] for c in EXISTS])
def test_existence_claim(assistant, name, question, verdict):
    answer = assistant.ask(question)
    assert (answer.intent, answer.verdict) == ("verify", verdict), answer.text


# One figure of an org against another of the same org (会议费比培训费多吗): (org, A, B, A > B) x frames.
PAIRS = [("秦皇岛", "会议费", "培训费", False), ("江汉", "基本支出", "项目支出", False),
         ("张家口", "基本支出", "项目支出", True), ("包头", "基本支出", "项目支出", True),
         ("秦皇岛", "邮电费", "差旅费", True)]
PAIR_FRAMES = (("{org}{a}比{b}多吗", True), ("{org}的{a}比{b}高吗", True), ("{org}{a}比{b}少吗", False))
METRIC_PAIRS = [(f"{org}-{a}-{b}-{i}", frame.format(org=org, a=a, b=b), "true" if more == says_more else "false")
                for org, a, b, more in PAIRS for i, (frame, says_more) in enumerate(PAIR_FRAMES)]


@pytest.mark.parametrize("name,question,verdict", METRIC_PAIRS, ids=[c[0] for c in METRIC_PAIRS])
def test_one_figure_against_another_of_one_org(assistant, name, question, verdict):
    answer = assistant.ask(question)
    assert (answer.intent, answer.verdict) == ("verify", verdict), answer.text
    assert len({f.metric for f in answer.facts}) >= 2


# Claims as people end them (…吧, …吗), that a thing is absent (没有…), and a change told with 了
# (增长了46.2%吗): (question, verdict) over the seeds.
SAID_CLAIMS = [
    ("江汉区科协没有车，对吗", "true"), ("包头科协没有车吧", "false"), ("张家口没有因公出国费吧", "true"),
    ("江汉没有三公经费支出，是吗", "true"), ("秦皇岛没有公务接待费吧", "false"), ("包头没有公车吧", "false"),
    ("包头机关运行经费不到20万吧", "true"), ("包头机关运行经费不到10万吧", "false"), ("包头三公经费是2.1万吧", "true"),
    ("秦皇岛基本支出602.82万元吧", "true"), ("张家口三公经费是6万吧", "false"),
    ("江汉机关运行经费增长了46.2%吗", "true"), ("江汉机关运行经费下降了46.2%吗", "false"),
    ("包头机关运行经费减少了0.33万元吗", "true"), ("包头机关运行经费增加了0.33万元吗", "false"),
]


@pytest.mark.parametrize("question,verdict", SAID_CLAIMS, ids=[q for q, _ in SAID_CLAIMS])
def test_claims_as_people_say_them(assistant, question, verdict):
    answer = assistant.ask(question)
    assert (answer.intent, answer.verdict) == ("verify", verdict), answer.text


@pytest.mark.parametrize("question, verdict", [
    ("秦皇岛秦皇岛2022年会议费比培训费多吗", "false"),  # one org named twice is one org: two figures of it
    ("包头市科协包头2020年基本支出比项目支出多吗", "true"),
    ("秦皇岛秦皇岛财政拨款收入比较核实：最多", None),  # one figure named: nothing to compare it with
])
def test_one_org_named_twice_is_one_org(assistant, question, verdict):
    answer = assistant.ask(question)
    assert answer.verdict == verdict
    if verdict:
        assert answer.status == "answered" and len([f for f in answer.facts if not f.basis.startswith("计算")]) == 2
