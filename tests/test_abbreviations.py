"""Bodies are called by abbreviations of their names (社工部, 发改委, 卫健委, 市监局), and a body
named in a question that is none of the index's is said to be missing, never answered by others.

The orgs are made up from the kinds of bodies that publish disclosures; the matcher knows no list
of abbreviations, only the rule people abbreviate by (one character of each word, in order).
"""
import pytest

from kexie_chat.match import OrgMatcher
from kexie_chat.text import fold

PUTUO = "上海市普陀区"
BODIES = ["社会工作部", "发展和改革委员会", "卫生健康委员会", "市场监督管理局", "人力资源和社会保障局",
          "住房和城乡建设管理委员会", "规划和自然资源局", "商务委员会", "财政局", "人民政府办公室"]
ORGS = [f"中共{PUTUO}委社会工作部"] + [PUTUO + body for body in BODIES[1:]]
MATCHER = OrgMatcher({org: [] for org in ORGS})

# (what people say, the body it abbreviates)
ABBREVIATIONS = [
    ("社工部", "社会工作部"), ("发改委", "发展和改革委员会"), ("卫健委", "卫生健康委员会"),
    ("市监局", "市场监督管理局"), ("人社局", "人力资源和社会保障局"), ("住建委", "住房和城乡建设管理委员会"),
    ("规资局", "规划和自然资源局"), ("商务委", "商务委员会"), ("财政局", "财政局"), ("政府办", "人民政府办公室"),
]
# The ways a question places the name.
FRAMES = ["{}2024年三公经费", "普陀{}去年的人员经费", "{}和财政局2024年基本支出谁多", "2024年{}的项目支出"]


def org_of(body: str) -> str:
    return next(org for org in ORGS if org.endswith(body))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("said,body", ABBREVIATIONS, ids=[a for a, _ in ABBREVIATIONS])
def test_an_abbreviation_names_its_body(said, body, frame):
    question = fold(frame.format(said))
    found = MATCHER.find(question)
    assert org_of(body) in [f.value for f in found]
    mention = next(f for f in found if f.value == org_of(body))
    assert question[mention.start:mention.end].endswith(said)


# Words that hold a body's characters in order but name no body.
NOT_ABBREVIATIONS = ["2024年部门预算", "社会保障和就业支出", "商品和服务支出", "人员经费", "卫生健康支出",
                     "住房公积金", "发展改革事务", "市场监督管理事务", "一般公共服务支出"]


@pytest.mark.parametrize("question", NOT_ABBREVIATIONS)
def test_words_of_the_budget_name_no_body(question):
    assert MATCHER.find(fold(question)) == []


def test_an_abbreviation_two_bodies_share_is_said_to_be_both():
    matcher = OrgMatcher({"上海市普陀区社会工作部": [], "上海市普陀区社区工作部": []})
    [found] = matcher.find(fold("社工部2024年三公经费"))
    assert set(found.among) == {"上海市普陀区社会工作部", "上海市普陀区社区工作部"}


# (question, the body said to be missing): named before the year or the figure asked about.
UNKNOWN_BODIES = [
    ("教育局2024年人员经费", "教育局"), ("普陀区卫健委去年三公经费", "普陀区卫健委"),
    ("卫健委今年的三公经费", "卫健委"), ("上海市普陀区司法局的公务接待费", "上海市普陀区司法局"),
    ("区体育总局2023年决算", "区体育总局"), ("某街道办事处三公经费", "某街道办事处"),
]
# Questions that name no body at all.
NO_BODY = ["2024年人员经费最高的是哪个部门", "哪个单位的办公费最高", "各委办局2024年三公经费", "三公经费", "请问一下三公经费"]


@pytest.mark.parametrize("question,body", UNKNOWN_BODIES, ids=[q for q, _ in UNKNOWN_BODIES])
def test_an_unknown_body_is_named_as_missing(question, body):
    folded = fold(question)
    before = folded[:next((i for i, ch in enumerate(folded) if ch.isdigit()), len(folded))]
    before = before.split("三公")[0].split("人员")[0].split("公务")[0]
    assert MATCHER.unknown_body(before) == body


@pytest.mark.parametrize("question", NO_BODY)
def test_a_question_without_a_body_names_none(question):
    folded = fold(question)
    assert MATCHER.unknown_body(folded.split("三公")[0].split("人员")[0].split("办公费")[0].split("2024")[0]) is None


@pytest.mark.parametrize("question,body", [("教育局2024年三公经费", "教育局"), ("卫健委去年三公经费", "卫健委")])
def test_a_question_about_an_unknown_body_is_not_found(assistant, question, body):
    """In the seeds' index (five 科协): the body is said to be missing, and no 科协's figure is given."""
    answer = assistant.ask(question)
    assert answer.status == "not_found" and body in answer.text and answer.facts == []
    listed = answer.text.split("现有单位：")[1].split("。")[0].split("、")
    assert len(listed) == len(set(listed)) == len({d.org for d in assistant.store.documents()})


# A body called as its level's own, led by the level's character (区府办 = 区政府办公室, 区发改委): the
# same rule over the name the level gives it, never after another place's name (海淀区府办).
LEVEL_LED = [("区府办", "人民政府办公室"), ("区政府办", "人民政府办公室"), ("区发改委", "发展和改革委员会"),
             ("区卫健委", "卫生健康委员会"), ("区商委", "商务委员会"), ("区财政局", "财政局"),
             ("区人社局", "人力资源和社会保障局"), ("区市监局", "市场监督管理局")]


@pytest.mark.parametrize("frame", FRAMES + ["普陀{}2024年的公务接待费"])
@pytest.mark.parametrize("said,body", LEVEL_LED, ids=[a for a, _ in LEVEL_LED])
def test_a_body_called_as_its_levels_own(said, body, frame):
    found = MATCHER.find(fold(frame.format(said)))
    assert org_of(body) in [f.value for f in found]


# A body of another place (徐汇区商务委, 海淀财政局): its name without a place is ours, but the place is not.
OTHER_PLACES = ["上海市财政局2024年决算", "上海财政局的人员经费", "海淀区府办2024年三公经费", "朝阳区发改委的人员经费", "市府办2024年三公经费", "徐汇区商务委2024年三公经费",
                "海淀财政局的人员经费", "静安区卫健委去年三公经费", "武汉市财政局2024年决算", "天津市和平区社工部的项目支出"]


@pytest.mark.parametrize("question", OTHER_PLACES)
def test_another_places_body_is_none_of_ours(question):
    assert MATCHER.find(fold(question)) == []


# The body's own level named before it (with its upper places or not) keeps it ours.
OWN_PLACE = ["上海市普陀区商务委2024年三公经费", "普陀商务委的人员经费", "普陀区府办2024年三公经费",
             "上海市普陀区财政局2024年决算", "上海普陀区财政局的人员经费"]


@pytest.mark.parametrize("question", OWN_PLACE)
def test_our_place_before_the_body_keeps_it_ours(question):
    assert len(MATCHER.find(fold(question))) == 1
