"""An org's name in parts (party, place, body) and the shorter names people call it by.

Pure and general: 上海市普陀区商务委员会 is the place 上海市普陀区 and the body 商务委员会; people
say 普陀区商务委, 普陀商务委 or 商务委. Knows no document and no index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import KEXIE_KINDS, ORG_KINDS, ORG_SHORTENINGS, PARTY_PREFIX, PLACE_SUFFIXES

# One administrative level: two or more characters ending in 省/市/区/县/州/旗/盟 (市场… is no level).
LEVEL_RE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|区|县|自治州|州|旗|盟)")
# Where a shorter name starts: after the last 省/市/州/盟 that leaves two characters or more.
UPPER_LEVELS = "省市州盟"
UPPER_LEVEL_WORDS = ("自治区", "特别行政区")  # upper levels whose last character is no upper level's


@dataclass(frozen=True)
class OrgName:
    full: str
    party: bool   # 中共…委…: a party body
    place: str    # 上海市普陀区 ('' when the name has no place)
    body: str     # 商务委员会, 社会工作部, 科学技术协会


def split_org(org: str) -> OrgName:
    """中共上海市普陀区委社会工作部 -> (party, 上海市普陀区, 社会工作部)."""
    rest = org.removeprefix(PARTY_PREFIX)
    party = rest != org
    place = ""
    while (match := LEVEL_RE.match(rest, len(place))) and len(rest) - match.end() >= 2:
        place = rest[:match.end()]
    body = rest[len(place):]
    if party and body.startswith("委") and len(body) > 2:
        body = body[1:]
    return OrgName(full=org, party=party, place=place, body=body)


def is_org_name(name: str) -> bool:
    """Whether a name ends as the name of a publishing body does (…局, …委员会, …科协)."""
    return len(name) >= 3 and name.endswith(ORG_KINDS)


def is_kexie(org: str) -> bool:
    return org.endswith(KEXIE_KINDS)


def short_place(place: str) -> str:
    """The last administrative level of a place: 武汉市江汉区 -> 江汉区, 包头市 -> 包头市,
    内蒙古自治区包头市 -> 包头市 (a 自治区 is a province, an upper level, though it ends in 区)."""
    cut = [i + 1 for i, ch in enumerate(place[:-1]) if (ch in UPPER_LEVELS or place.endswith(UPPER_LEVEL_WORDS, 0, i + 1))
           and len(place) - i - 1 >= 2]  # 天津市蓟州区: the 州 of 蓟州 leaves one character, no level
    return place[cut[-1]:] if cut else place


def bare_place(place: str) -> str:
    """A level without its suffix when that leaves two characters: 普陀区 -> 普陀."""
    return place[:-1] if place[-1:] in PLACE_SUFFIXES and len(place) >= 3 else place


def body_forms(body: str) -> list[str]:
    """The body as written and as people shorten it: 商务委员会, 商务委."""
    forms = [body]
    for long, short in ORG_SHORTENINGS:
        if long in body and len(body.replace(long, short)) >= 2:
            forms.append(body.replace(long, short))
    return list(dict.fromkeys(forms))


def short_names(org: str) -> list[str]:
    """Names of a (non-科协) org shorter than its full name, most specific first:
    上海市普陀区商务委员会 -> 普陀区商务委员会, 普陀区商务委, 普陀商务委, …, 商务委员会, 商务委."""
    name = split_org(org)
    places = [p for p in dict.fromkeys((name.place, short_place(name.place), bare_place(short_place(name.place)))) if p]
    names = []
    for body in body_forms(name.body):
        for place in places:
            names.append(place + body)
            if name.party and place[-1] in PLACE_SUFFIXES:  # 普陀区委社会工作部, not 普陀委…
                names += [place + "委" + body, PARTY_PREFIX + place + "委" + body]
        names.append(body)
    return [n for n in dict.fromkeys(names) if n != org and len(n) >= 3]


def spoken_name(org: str) -> str:
    """The name a question most likely uses: 普陀区商务委 (for typo matching)."""
    name = split_org(org)
    body = body_forms(name.body)[-1]
    return short_place(name.place) + body if name.place else body
