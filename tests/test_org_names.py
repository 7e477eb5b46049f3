"""Org names are kept whole whatever characters they hold (呼和浩特市, 和平区, 和田地区), and two
orgs that share a district name (沈阳市和平区, 天津市和平区) stay two orgs.

Copies of the seeds renamed to such places are read exactly so; a leading 和/现将/与 that is
not part of a name is still left out.
"""
from pathlib import Path

import pytest

from kexie_chat.parse.meta import read_meta

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
