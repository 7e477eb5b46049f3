"""Org names are kept whole whatever characters they hold (呼和浩特市, 和平区, 和田地区), and two
orgs that share a district name (沈阳市和平区, 天津市和平区) stay two orgs.

Copies of the seeds renamed to such places are read exactly so; a leading 和/现将/与 that is
not part of a name is still left out.
"""
from pathlib import Path

import pytest

from kexie_chat import Assistant
from kexie_chat.parse.meta import read_meta
from kexie_chat.store import build_index

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# Each seed and the place it names itself by (the whole prefix of …科学技术协会).
SEEDS = {
    "2022-秦皇岛市科协-部门预算.txt": "秦皇岛市",
    "2020-包头市科协-部门决算.txt": "包头市",
    "2020-张家口市科协-部门预算.txt": "张家口市",
    "2019-西城区科协-部门预算.txt": "北京市西城区",
    "2020-江汉区科协-部门决算.txt": "武汉市江汉区",
}
# Places beginning with or holding a word that elsewhere is a conjunction or a preposition;
# 和林格尔县 and 与城县 are not in the gazetteer: the text alone must keep them whole.
PLACES = ["呼和浩特市", "沈阳市和平区", "天津市和平区", "和田地区", "和林格尔县", "与城县", "在城市"]


def renamed(seed: str, place: str) -> str:
    """A seed's text with its place replaced, short forms too (江汉区 alone -> 和平区)."""
    old = SEEDS[seed]
    text = (CORPUS / seed).read_text(encoding="utf-8").replace(old, place)
    old_short, new_short = old[old.find("市") + 1:] if "区" in old else old, _short(place)
    return text.replace(old_short, new_short)


def _short(place: str) -> str:
    return place[place.find("市") + 1:] if place.endswith("区") and "市" in place else place


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("place", PLACES)
def test_a_renamed_seed_is_named_whole(seed, place):
    assert read_meta(renamed(seed, place)).org == place + "科学技术协会"


# A word before the name that is not part of it, in most mentions of the name.
LEADS = ["和", "与", "及", "现将", "在", "对", "由", "经"]


@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize("place", ["张家口市", "沈阳市和平区", "呼和浩特市"])
def test_a_word_before_the_name_is_left_out(lead, place):
    lines = [f"{lead}{place}科学技术协会2022年部门预算公开如下。"] * 5 + [f"{place}科学技术协会2022年部门预算"]
    assert read_meta("\n".join(lines)).org == place + "科学技术协会"


# --- the question side: an index of renamed copies ------------------------------------------

QINHUANGDAO = "2022-秦皇岛市科协-部门预算.txt"
THREE_COSTS = "2.14"  # 三公经费 of the 秦皇岛 seed, in 万元: every copy holds it


@pytest.fixture(scope="module")
def renamed_index(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("renamed")
    for place in PLACES[:4]:
        (corpus / f"2022-{place}科协-部门预算.txt").write_text(renamed(QINHUANGDAO, place), encoding="utf-8")
    return Assistant(db_path=build_index(corpus, corpus / "kexie.db"), corpus=corpus)


def test_the_index_names_each_copy_whole(renamed_index):
    assert sorted(d.org for d in renamed_index.store.documents()) == sorted(p + "科学技术协会" for p in PLACES[:4])


# (how a question names the org, the org it means)
NAMED = [
    ("呼和浩特市科协", "呼和浩特市"), ("呼和浩特", "呼和浩特市"), ("和田地区", "和田地区"), ("和田", "和田地区"),
    ("沈阳市和平区科协", "沈阳市和平区"), ("沈阳和平区", "沈阳市和平区"), ("天津市和平区", "天津市和平区"),
    ("天津和平区科学技术协会", "天津市和平区"),
]


@pytest.mark.parametrize("said,org", NAMED, ids=[n[0] for n in NAMED])
@pytest.mark.parametrize("asked", ["{}2022年三公经费", "{}的三公经费是多少", "{}科协的基本支出"])
def test_a_name_holding_he_is_the_org_not_a_conjunction(renamed_index, said, org, asked):
    answer = renamed_index.ask(asked.format(said))
    assert answer.facts and {f.org for f in answer.facts} == {org + "科学技术协会"}, answer.text


@pytest.mark.parametrize("said,org", NAMED, ids=[n[0] for n in NAMED])
@pytest.mark.parametrize("asked,intent", [("{}2022年三公经费比上年增长多少", "change"), ("{}三公经费的比重", "share")])
def test_the_he_of_a_name_does_not_make_a_comparison(renamed_index, said, org, asked, intent):
    """和.{1,12}比 reads 和田三公经费的比重 as a comparison unless the name is taken whole."""
    answer = renamed_index.ask(asked.format(said))
    assert answer.intent == intent and answer.text.startswith(org + "科学技术协会"), answer.text


@pytest.mark.parametrize("said", ["和平区", "和平区科协", "和平", "和平区科学技术协会"])
@pytest.mark.parametrize("asked", ["{}2022年三公经费", "{}三公经费比上年增长多少", "比较{}和和田的三公经费"])
def test_a_district_two_cities_share_is_asked_about_never_picked(renamed_index, said, asked):
    answer = renamed_index.ask(asked.format(said))
    assert answer.status == "clarify" and not answer.facts, answer.text
    assert "沈阳市和平区科学技术协会" in answer.text and "天津市和平区科学技术协会" in answer.text
    assert sorted(s[:6] for s in answer.suggestions) == sorted(asked.format(c)[:6] for c in ("沈阳市和平区", "天津市和平区"))


def test_a_follow_up_naming_the_shared_district_asks_which(renamed_index):
    chat = renamed_index.conversation()
    assert chat.ask("沈阳和平区2022年三公经费").status == "answered"
    assert chat.ask("和平区呢").status == "clarify"


@pytest.mark.parametrize("first,second", [("呼和浩特", "和田"), ("和田", "呼和浩特"), ("沈阳和平区", "天津和平区")])
def test_two_orgs_joined_by_he_are_compared(renamed_index, first, second):
    answer = renamed_index.ask(f"比较{first}和{second}的三公经费")
    assert answer.status == "answered" and len({f.org for f in answer.facts}) == 2, answer.text
    assert {str(f.value) for f in answer.facts} == {THREE_COSTS}
