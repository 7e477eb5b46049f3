"""What a disclosure is: its org, fiscal year, 预算 or 决算, scope (部门/单位), money unit and title.

Read from the text alone, by counting: a document names itself many times (on its cover, in its
title, on each table's 编制部门 line), misprints itself a few times (the 江汉区 document prints
江北区, 江海区, 江川区).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..gazetteer import PLACES
from ..lexicon import DOC_SCOPES, NAME_ONLY_LABELS, ORG_LABELS, PLACE_SUFFIXES
from ..models import NotADisclosure
from ..orgs import is_kexie, is_org_name, short_place, split_org

ORG_FULL = "科学技术协会"
ORG_NAME_RE = re.compile(r"([\u4e00-\u9fff]{0,10})(科学技术协会|科协)")
YEAR_KIND_RE = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^\n。，,]{0,24}?(部门|单位)\s*(预算|决算)(?!经济分类)")
YEAR_LABEL_RE = re.compile(r"(?:预算|决算)年度[:：]\s*((?:19|20)\d{2})")
KIND_RE = re.compile(r"(部门|单位)\s*(预算|决算)(?!经济分类)")
# A name after a label (预算主管部门：…), up to a space or the next label (单位：元).
LABELLED_RE = re.compile(r"(" + "|".join(label for label, _ in ORG_LABELS) +
                         r")\s*[:：]\s*([\u4e00-\u9fff（）()]{3,40}?)(?=\s|单位[:：]|[，。,;；]|$)", re.M)
# The cover's title: a name, then the year (上海市普陀区财政局2024年度部门决算), or the year first
# (2024年上海市静安区民政局部门预算).
TITLE_RES = (
    re.compile(r"^(?:(?:19|20)\d{2}年度?)?([\u4e00-\u9fff（）()]{3,40}?)(?:(?:19|20)\d{2})\s*年"),
    re.compile(r"^(?:(?:19|20)\d{2}年度?)?([\u4e00-\u9fff（）()]{3,40}?)(?:区级|市级|县级)?(?:部门|单位)(?:预算|决算)"),
)
# Lines of the cover read for its title (before 目录).
COVER_LINES = 6
CONTENTS_RE = re.compile(r"^\s*目\s*录\s*$")
UNIT_RE = re.compile(r"单位[:：]\s*(万元|元)")
# A body named before the year and kind of its disclosure ("…财政局2024年度部门决算").
MENTION_RE = re.compile(r"([\u4e00-\u9fff（）()]{2,30}?)(?:19|20)\d{2}年度?(?:区级)?(?:部门|单位)(?:预算|决算)")
# Leading words that are not part of a place name ("现将张家口市…"), unless the name itself
# begins so (呼和浩特市, 和平区, 和田地区): see _whole.
NOT_PLACE = re.compile(r"^(?:现将|根据|按照|关于|对于|我们|本部门|其中|包括|设立|即|由|为|是|和|与|及|的|将|对|向|在|经|把)")


@dataclass
class DocumentMeta:
    org: str
    year: int
    doc_kind: str
    unit: str
    title: str
    misprints: list[str] = field(default_factory=list)
    scope: str = DOC_SCOPES[0]


def read_meta(text: str) -> DocumentMeta:
    named = _labelled_org(text) or _titled_org(text) or _mentioned_org(text)
    if named and not is_kexie(named):
        org, misprints = named, _body_misprints(named, text)
    else:
        org, misprints = _kexie_org(text)
    year, scope, kind = _year_and_kind(text)
    scope = _labelled_scope(text, stated=bool(YEAR_KIND_RE.search(text))) or scope
    unit = _unit(text)
    return DocumentMeta(org=org, year=year, doc_kind=kind, unit=unit, scope=scope,
                        title=f"{org}{year}年{scope}{kind}", misprints=misprints)


def _labelled_org(text: str) -> str | None:
    """The body the cover or the tables name: under the first label of ORG_LABELS the text uses
    (预算主管部门 before 编制部门 before 编制单位: a 部门预算 also prints each of its units' tables
    under 编制单位), the name most often given."""
    label = _first_label(text)
    names = Counter(name for used, name in LABELLED_RE.findall(text) if used == label and is_org_name(name))
    return names.most_common(1)[0][0] if names else None


def _labelled_scope(text: str, stated: bool) -> str | None:
    """The scope the first label tells (编制单位: a 单位预算), unless the label only names the body
    and the text states its scope itself."""
    label = _first_label(text)
    if not label or stated and label in NAME_ONLY_LABELS:
        return None
    return dict(ORG_LABELS)[label]


def _first_label(text: str) -> str | None:
    used = {label for label, name in LABELLED_RE.findall(text) if is_org_name(name)}
    return next((label for label, _ in ORG_LABELS if label in used), None)


def _titled_org(text: str) -> str | None:
    """The name before the year in the cover's title, when it is a body's name."""
    cover = []
    for line in text.splitlines():
        if CONTENTS_RE.match(line) or len(cover) >= COVER_LINES:
            break
        cover.append(re.sub(r"\s+", "", line))
    title = "".join(cover)
    for pattern in TITLE_RES:
        match = pattern.match(title)
        name = match.group(1) if match else None
        if name and is_org_name(name) and text.count(name) >= 2:
            return name
    return None


def _mentioned_org(text: str) -> str | None:
    """The name a text most often puts before "2024年度部门决算" (counted as the 科协 name is)."""
    flat = re.sub(r"\s+", "", text)
    prefixes = [m.group(1) for m in MENTION_RE.finditer(flat)]
    if not prefixes:
        return None
    name = _stable_place(prefixes, longest=30)
    return name if is_org_name(name) else None


def _kexie_org(text: str) -> tuple[str, list[str]]:
    prefixes = [m.group(1) for m in ORG_NAME_RE.finditer(text)]
    if not prefixes:
        raise NotADisclosure("找不到单位名称（封面标题、预算主管部门/编制部门/预算单位行都没有）")
    place = _stable_place(prefixes)
    if not place:
        raise NotADisclosure("找不到单位所在地名")
    misprints = _misprints(place, prefixes)
    return place + ORG_FULL, misprints


def _stable_place(prefixes: list[str], longest: int = 10) -> str:
    """The longest place name that most mentions share: '…武汉市江汉区' -> '武汉市江汉区'."""
    best = ""
    base = None
    for length in range(2, longest + 1):
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


def _body_misprints(org: str, text: str) -> list[str]:
    """A body's name printed with its place one character off (普驼区商务委员会 for 普陀区商务委员会)."""
    name = split_org(org)
    if not name.place or not name.body:
        return []
    prefixes = [m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{0,10})" + re.escape(name.body), text)]
    return [misprint + name.body for misprint in _misprints(name.place, prefixes)]


def _year_and_kind(text: str) -> tuple[int, str, str]:
    """(year, 部门 or 单位, 预算 or 决算): the most common year and kind; on a tie of scopes, 部门."""
    triples = Counter((int(y), s, k) for y, s, k in YEAR_KIND_RE.findall(text))
    labelled = Counter(int(y) for y in YEAR_LABEL_RE.findall(text))
    kinds = Counter(KIND_RE.findall(text))
    if triples:
        years = Counter()
        for (year, _, kind), n in triples.items():
            years[(year, kind)] += n
        (year, kind), _ = years.most_common(1)[0]
        return year, _scope(triples, year, kind), kind
    if labelled and kinds:
        kind = Counter(k for (_, k) in kinds.elements()).most_common(1)[0][0]
        scopes = Counter({(0, s, k): n for (s, k), n in kinds.items()})
        return labelled.most_common(1)[0][0], _scope(scopes, 0, kind), kind
    raise NotADisclosure("找不到年度与预算/决算类别（如“2022年部门预算”）")


def _scope(triples: Counter, year: int, kind: str) -> str:
    counts = {scope: triples[(year, scope, kind)] for scope in DOC_SCOPES}
    return max(DOC_SCOPES, key=lambda scope: (counts[scope], scope == DOC_SCOPES[0]))


def _unit(text: str) -> str:
    units = Counter(UNIT_RE.findall(text))
    return units.most_common(1)[0][0] if units else "万元"
