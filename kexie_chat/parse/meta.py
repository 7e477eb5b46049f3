"""What a disclosure is: its org, fiscal year, 预算 or 决算, money unit and title.

Read from the text alone, by counting: a document names itself many times, misprints
itself a few times (the 江汉区 document prints 江北区, 江海区, 江川区).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..gazetteer import PLACES
from ..lexicon import PLACE_SUFFIXES

ORG_FULL = "科学技术协会"
ORG_NAME_RE = re.compile(r"([\u4e00-\u9fff]{0,10})(科学技术协会|科协)")
YEAR_KIND_RE = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^\n。，,]{0,24}?部门\s*(预算|决算)")
YEAR_LABEL_RE = re.compile(r"(?:预算|决算)年度[:：]\s*((?:19|20)\d{2})")
KIND_RE = re.compile(r"部门\s*(预算|决算)")
UNIT_RE = re.compile(r"单位[:：]\s*(万元|元)")
# Leading words that are not part of a place name ("现将张家口市…"), unless the name itself
# begins so (呼和浩特市, 和平区, 和田地区): see _whole.
NOT_PLACE = re.compile(r"^(?:现将|根据|按照|关于|对于|我们|本部门|其中|包括|设立|即|由|为|是|和|与|及|的|将|对|向|在|经|把)")


class NotADisclosure(ValueError):
    """The text names no org, year or kind of disclosure."""


@dataclass
class DocumentMeta:
    org: str
    year: int
    doc_kind: str
    unit: str
    title: str
    misprints: list[str] = field(default_factory=list)


def read_meta(text: str) -> DocumentMeta:
    org, misprints = _org(text)
    year, kind = _year_and_kind(text)
    unit = _unit(text)
    return DocumentMeta(org=org, year=year, doc_kind=kind, unit=unit,
                        title=f"{org}{year}年部门{kind}", misprints=misprints)


def _org(text: str) -> tuple[str, list[str]]:
    prefixes = [m.group(1) for m in ORG_NAME_RE.finditer(text)]
    if not prefixes:
        raise NotADisclosure("找不到单位名称（…科学技术协会/科协）")
    place = _stable_place(prefixes)
    if not place:
        raise NotADisclosure("找不到单位所在地名")
    misprints = _misprints(place, prefixes)
    return place + ORG_FULL, misprints


def _stable_place(prefixes: list[str]) -> str:
    """The longest place name that most mentions share: '…武汉市江汉区' -> '武汉市江汉区'."""
    best = ""
    base = None
    for length in range(2, 11):
        counts = Counter(p[-length:] for p in prefixes if len(p) >= length)
        if not counts:
            break
        name, count = counts.most_common(1)[0]
        if base is None:
            base = count
        if count < max(min(2, len(prefixes)), base * 0.4):
            break
        # A leading 和/与/在… is read on, not stopped at: 和浩特市 is not a name, 呼和浩特市 is.
        if _whole(name, prefixes) and (name[-1] in PLACE_SUFFIXES or name[-1] not in "的和与及在是为"):
            best = name
    return best


def _whole(name: str, prefixes: list[str]) -> bool:
    """No level of the name (沈阳市|和平区) begins with a word that is not part of a place,
    unless that level is a name of its own: see _own_name."""
    starts = [0] + [i + 1 for i, ch in enumerate(name[:-1]) if ch in PLACE_SUFFIXES or ch == "省"]
    return all(_own_name(name[start:], prefixes) for start in starts)


def _own_name(level: str, prefixes: list[str]) -> bool:
    """和平区 is a name (a known place starts so); 和林格尔县 is one when the text never prints
    林格尔县 without its 和 (twice at least); 现将云州区 is not."""
    word = NOT_PLACE.match(level)
    if not word or any(level.startswith(place) for place in PLACES):
        return True
    with_word = sum(p.endswith(level) for p in prefixes)
    return with_word >= 2 and with_word == sum(p.endswith(level[word.end():]) for p in prefixes)


def _misprints(place: str, prefixes: list[str]) -> list[str]:
    """Names one character off the real one, as the document prints them (江川区 for 江汉区)."""
    short = short_place(place)
    found = set()
    for prefix in prefixes:
        tail = prefix[-len(short):] if len(prefix) >= len(short) else ""
        if len(tail) == len(short) and tail != short:
            diff = sum(a != b for a, b in zip(tail, short))
            if diff == 1 and tail[-1] == short[-1]:
                found.add(tail)
    return sorted(found)


def short_place(place: str) -> str:
    """The last administrative level of a place: 武汉市江汉区 -> 江汉区, 包头市 -> 包头市."""
    cut = [i + 1 for i, ch in enumerate(place[:-1]) if ch in "省市州盟"]
    return place[cut[-1]:] if cut and len(place) - cut[-1] >= 2 else place


def _year_and_kind(text: str) -> tuple[int, str]:
    pairs = Counter((int(y), k) for y, k in YEAR_KIND_RE.findall(text))
    labelled = Counter(int(y) for y in YEAR_LABEL_RE.findall(text))
    kinds = Counter(KIND_RE.findall(text))
    if pairs:
        (year, kind), _ = pairs.most_common(1)[0]
        return year, kind
    if labelled and kinds:
        return labelled.most_common(1)[0][0], kinds.most_common(1)[0][0]
    raise NotADisclosure("找不到年度与预算/决算类别（如“2022年部门预算”）")


def _unit(text: str) -> str:
    units = Counter(UNIT_RE.findall(text))
    return units.most_common(1)[0][0] if units else "万元"
