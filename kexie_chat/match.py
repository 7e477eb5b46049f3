"""A mention in a question -> a canonical org or metric (alias table first, then a near name).

The tables are built once per index. A typo is one replaced character (a longer metric name
also one missing or extra): an org's by table lookups, a metric's by rapidfuzz (loaded with the
first metric typo tried); pypinyin loads only when two names one character apart may sound
alike (two-character names forgive homophones only).

Typos are forgiven only where they cannot be another place: a window one character off an
org's name (秦皇鸟, 秦皇到) matches, unless it is itself a real place name of the gazetteer
(张家港 is not 张家口, 石家庄 shares only 家). Two-character names forgive homophones only.
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .gazetteer import PLACES
from .lexicon import (
    ABBREVIATED_KINDS,
    ACTUAL_COLUMNS,
    BUDGET_COLUMNS,
    ECONOMIC_CODES,
    KEXIE_ALIAS_SUFFIXES,
    MAIN_COLUMNS,
    NOT_QUESTION_COLUMNS,
    ONE_CHARACTER_NAME_AFTER,
    ORG_KINDS,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    QUESTION_COLUMNS,
)
from .orgs import bare_place, body_forms, is_kexie, short_names, short_place, split_org, spoken_name
from .text import fold
from .vocabulary import colloquial_table, synonyms_longest_first

FIGURE_SIDE_WORDS = ("预算", "决算")
# Characters that end a name in a question rather than continue it (三公经费是多少, 206的事业收入).
QUESTION_GLUE = "的是多少几呢吗了和与跟比占较年度为有共里中在花用安排预决请问查"
# How many characters a name found exactly may be one typo short of a longer name (公务用车购置 → …运行唯护费).
LONGER_TYPO_REACH = 8
CODE_RE = re.compile(r"(?<!\d)(\d{3,7})(?!\d)")
# Bodies a question may name after a place that are not the place's 科协 (张家口市财政局, 江汉区科技局).
OTHER_BODY_RE = re.compile(r"(?!科协|科学技术协会)[\u4e00-\u9fff]{0,3}?(?:局|委员会|委|办公室|人民政府|政府|法院|检察院|"
                           r"医院|大学|人大|政协)")


@dataclass(frozen=True)
class Found:
    value: str
    start: int
    end: int
    how: str = "exact"  # exact | abbreviation | typo | misprint
    among: tuple[str, ...] = ()  # a name several orgs share (和平区): every one of them, value is the first


# A 科协 named in a question (the two to four characters before it), and words that make the
# mention no name (哪个科协, 各科协, 最高的科协, 我们科协).
KEXIE_NAMED_RE = re.compile(r"([\u4e00-\u9fff]{2,4})(?:科协|科学技术协会)")
GENERIC_WORDS_RE = re.compile(r"[哪各这该每几本的们其别些个家]|所有|全部|全国")
# A body named before the year or the figure asked about (教育局2024年三公经费, 普陀区卫健委去年的人员经费).
# A place named by its level (三台县, 北山镇, 西湖区, 北山街道) at the end of the words before the figure asked
# (北山镇三公经费) or before a body's name (青羊区教育局): two characters or more, then the level.
PLACE_LEVELS = "省|自治区|市|区|县|旗|盟|州|镇|乡|街道"
PLACE_NAMED_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:%s))(?:的|[去今明前上本当全]年|上一年)*$" % PLACE_LEVELS)
PLACE_BEFORE_RE = re.compile(r"((?:[\u4e00-\u9fff]{2,8}?(?:%s))+)$" % PLACE_LEVELS)
BODY_NAMED_RE = re.compile(r"([\u4e00-\u9fff]{1,12}?(?:%s))(?:的|[去今明前上本当全]年|上一年)*$" % "|".join(ORG_KINDS))


class OrgMatcher:
    """Org names in a question. Every table is built once, so a question costs a few hundred
    dictionary lookups however many orgs the index holds (no scan over the orgs)."""

    def __init__(self, aliases: dict[str, list[str]]):
        """aliases: canonical org -> extra names (its short place name, its own misprints)."""
        self.names: list[tuple[str, str, str]] = []  # (folded alias, org, how)
        for org, extra in aliases.items():
            misprints = set(extra[1:]) if is_kexie(org) else set(extra) - {org, *short_names(org)}
            for alias, folded in _org_aliases(org, extra):
                self.names.append((folded, org, "misprint" if alias in misprints else "exact"))
        self.names.sort(key=lambda item: len(item[0]), reverse=True)
        self.bases = sorted({(_base(fold(org)), org) for org in aliases}, key=lambda b: (-len(b[0]), b))
        self._aliases: dict[str, tuple[int, str, str]] = {}  # alias -> (rank, org, how), first rank wins
        self._shared: dict[str, list[str]] = {}  # a name of several orgs (沈阳市和平区, 天津市和平区: 和平区)
        for rank, (alias, org, how) in enumerate(self.names):
            first = self._aliases.setdefault(alias, (rank, org, how))
            if how == "exact" == first[2] and org not in self._shared.setdefault(alias, [first[1]]):
                self._shared[alias].append(org)
        self._alias_lengths = sorted({len(alias) for alias in self._aliases}, reverse=True)
        self._near: dict[tuple[int, str, str], list[int]] = {}  # a base with one character blanked -> ranks
        for rank, (base, _) in enumerate(self.bases):
            for i in range(len(base)):
                self._near.setdefault((i, base[:i], base[i + 1:]), []).append(rank)
        self._base_lengths = sorted({len(base) for base, _ in self.bases}, reverse=True)
        self._alias_text = "\n".join(self._aliases)
        self._covered: dict[str, bool] = {}
        self._abbreviable: dict[str, list[tuple[str, str, str]]] = {}  # first character -> (rest of the words, last, org)
        for org in aliases:
            for name in _abbreviated_names(org):
                if words := _abbreviable(name):
                    self._abbreviable.setdefault(words[0][0], []).append((words[0][1:], words[1], org))

    def find(self, folded: str) -> list[Found]:
        """Orgs named in a folded question, in order; exact names first, then forgiven typos."""
        hits = []  # every alias occurrence, claimed longest alias first as a scan of self.names would
        for start in range(len(folded)):
            for n in self._alias_lengths:
                hit = self._aliases.get(folded[start:start + n]) if start + n <= len(folded) else None
                if hit:
                    hits.append((hit[0], start, n, hit[1], hit[2]))
        found, taken = [], set()
        for _, start, n, org, how in sorted(hits):
            span = set(range(start, start + n))
            if not span & taken:
                among = self._shared.get(folded[start:start + n], [])
                found.append(Found(org, start, start + n, how, tuple(among) if len(among) > 1 else ()))
                taken |= span
        found += self._abbreviations(folded, taken)
        if not found:
            found = self._typos(folded, taken)
        return sorted((f for f in found if not _after_another_place(folded, f)), key=lambda f: f.start)

    def _abbreviations(self, folded: str, taken: set[int]) -> list[Found]:
        """Bodies called by an abbreviation of their name: its first character, some characters of
        the name after it in order, and the character of its kind (社工部 for 社会工作部)."""
        found = []
        for start, first in enumerate(folded):
            if start in taken:
                continue
            for n in range(MAX_ABBREVIATION, 2, -1):
                window = folded[start:start + n]
                orgs = list(dict.fromkeys(org for rest, last, org in self._abbreviable.get(first, ())
                                          if len(window) == n and window[-1] == last and _in_order(window[1:-1], rest)))
                if orgs and not set(range(start, start + n)) & taken:
                    found.append(Found(orgs[0], start, start + n, "abbreviation", tuple(orgs) if len(orgs) > 1 else ()))
                    taken |= set(range(start, start + n))
                    break
        return found

    def _typos(self, folded: str, taken: set[int]) -> list[Found]:
        candidates = set()  # (rank of the base, start of the window)
        for n in self._base_lengths:
            for start in range(0, len(folded) - n + 1):
                window = folded[start:start + n]
                for i in range(n):
                    for rank in self._near.get((i, window[:i], window[i + 1:]), ()):
                        candidates.add((rank, start))
        found, done = [], set()
        for rank, start in sorted(candidates):
            base, org = self.bases[rank]
            n = len(base)
            window = folded[start:start + n]
            if rank in done or set(range(start, start + n)) & taken or not _is_cjk(window):
                continue
            if _near_miss(window, base) and not _is_other_place(folded, start, n):
                found.append(Found(org, start, start + n, "typo"))
                taken |= set(range(start, start + n))
                done.add(rank)
        return found

    def unknown_place(self, folded: str) -> str | None:
        """A real place named in the question that no org of the corpus is in."""
        for place in PLACES_LONGEST_FIRST:
            if place in folded and not self._is_covered(place):
                return place
        match = re.search(r"([\u4e00-\u9fff]{2,4}?(?:省|市|区|县|旗))(?:科协|科学技术协会)", folded)
        if match and not self._is_covered(match.group(1)):
            return match.group(1)
        if match and not self._names_an_org(match.group(0)):
            return match.group(1)  # 武汉市科协: a city's own 科协, not the 科协 of one of its districts
        named = KEXIE_NAMED_RE.search(folded)  # 火星科协, 中国科协: a 科协 by name, and none of ours
        if named and not GENERIC_WORDS_RE.search(named.group(1)) and not self._names_an_org(named.group(0)):
            return named.group(1)
        return None

    def unknown_body(self, before: str) -> str | None:
        """A body named where a question names its org (教育局2024年…) that is none of ours, or a
        place no org of ours is in (北山镇三公经费)."""
        named = BODY_NAMED_RE.search(before)
        if named and not GENERIC_WORDS_RE.search(named.group(1)) and len(named.group(1)) >= 3:
            return named.group(1)
        place = PLACE_NAMED_RE.search(before)
        if place and not GENERIC_WORDS_RE.search(place.group(1)) and not self._is_covered(place.group(1)):
            return place.group(1)
        return None

    def other_place(self, folded: str, found: list[Found]) -> str | None:
        """A place written right before a body that an org of ours is called by without its place
        (青羊区教育局 when ours is 成都市锦江区教育局, called 教育局): another place's body, not ours."""
        for org in found:
            named, full = folded[org.start:org.end], fold(org.value)
            place = _place_before(folded, org.start)
            if not place or GENERIC_WORDS_RE.search(place) or is_kexie(org.value):
                continue
            if _place_parts(place) & _place_parts(named) or all(part in full for part in _place_parts(place)):
                continue
            return place + named
        return None

    def _names_an_org(self, mention: str) -> bool:
        """Whether a mention ending in 科协 is (after some leading words) one of the aliases."""
        return any(mention[i:] in self._aliases for i in range(len(mention) - 3))

    def other_body(self, folded: str, found: list[Found], names: list[tuple[int, int]]) -> str | None:
        """The name of another body written right after an org's place (张家口市财政局, 包头市科技局):
        the place is ours, the body is not, so nothing of our org answers it. names: the spans of
        metric names, whose words (委托业务费) are no body, nor are the words of another org named
        (商务委和政府办: 和政府 begins the second org)."""
        for org in found:
            match = OTHER_BODY_RE.match(folded, org.end)
            names_here = names + [(other.start, other.end) for other in found if other is not org]
            if not match or any(start < match.end() and org.end < end for start, end in names_here):
                continue
            mention = folded[org.start:match.end()]
            if not any(mention[i:] in self._aliases for i in range(len(mention) - 1)):
                return mention
        return None

    def _is_covered(self, place: str) -> bool:
        """Whether some alias contains the place or is part of it."""
        if place not in self._covered:
            parts = {place[i:j] for i in range(len(place)) for j in range(i + 1, len(place) + 1)}
            self._covered[place] = place in self._alias_text or any(p in self._aliases for p in parts)
        return self._covered[place]


PLACES_LONGEST_FIRST = sorted(PLACES, key=len, reverse=True)
# An abbreviation is at most this long (人力资源和社会保障局 -> 人社局, 住房和城乡建设管理委员会 -> 住建委).
MAX_ABBREVIATION = 5


def _abbreviable(body: str) -> tuple[str, str] | None:
    """(the words of a body before its kind, the character its abbreviations end in), when people
    abbreviate it: two characters or more before the kind (社会工作 of 社会工作部; 财政局 is its own
    abbreviation, found as its name)."""
    kind = next((k for k in ABBREVIATED_KINDS if body.endswith(k)), None)
    words = body[:-len(kind)] if kind else ""
    return (words, ABBREVIATED_KINDS[kind]) if len(words) >= 2 else None


def _abbreviated_names(org: str) -> list[str]:
    """The names of a body that people abbreviate: its body (社会工作部 -> 社工部) and, led by its own
    level's character, the body as the level's own (区政府办公室 -> 区府办, 区商务委员会 -> 区商委)."""
    if is_kexie(org):
        return []
    name = split_org(org)
    level = name.place[-1:] if name.place[-1:] in PLACE_SUFFIXES else ""
    return [name.body, *(level + form for form in body_forms(name.body) if level)]


def _after_another_place(folded: str, found: Found) -> bool:
    """Whether a body named without its place follows the name of another place: 徐汇区商务委,
    海淀区府办 name those places' bodies, not ours (a 科协 is always named by its place)."""
    org, start = found.value, found.start
    if is_kexie(org):
        return False
    own = bare_place(short_place(split_org(org).place))  # 普陀: the level the body belongs to
    if own and own in folded[max(0, start - 6):found.end]:
        return False  # 普陀区商务委, 上海市普陀区府办: named with its own place
    before = folded[:start + 1] if folded[start:start + 1] in PLACE_SUFFIXES else folded[:start]  # 区府办: 区 is the level
    before = before[:-1] if before[-1:] in PLACE_SUFFIXES else before
    return any(before[-n:] in PLACES for n in range(2, 5) if len(before) >= n)


def _in_order(chars: str, name: str) -> bool:
    """Whether chars are characters of name, in order (a subsequence)."""
    rest = iter(name)
    return all(ch in rest for ch in chars)


def _org_aliases(org: str, extra: list[str]) -> list[tuple[str, str]]:
    """(alias, folded alias), longest first: the org's names, short names and misprints, each
    also with the suffixes people add (a suffix folds to itself, so only the names are folded).
    Any body but a 科协 is called by the names the index keeps for it (普陀区商务委, 商务委)."""
    if not is_kexie(org):
        names = {org, *extra, *short_names(org)}
        return sorted(((name, fold(name)) for name in names), key=lambda pair: len(pair[0]), reverse=True)
    place = org
    for suffix in ORG_SUFFIXES:
        place = place.removesuffix(suffix)
    names = {org, place, *extra, *_unsuffixed(place)}
    for name in [place, *extra[:1]]:
        short = short_place(name)
        names.add(short)
        names.update(_unsuffixed(short))
    folded = {name: fold(name) for name in names}
    folded.update({name + suffix: folded[name] + suffix for name in names for suffix in KEXIE_ALIAS_SUFFIXES})
    return sorted(folded.items(), key=lambda pair: len(pair[0]), reverse=True)


def _unsuffixed(place: str) -> set[str]:
    """The place said without its levels' suffixes: 沈阳市和平区 -> 沈阳和平区, 沈阳和平; 和田地区 -> 和田.
    A level keeps its suffix when dropping it would leave one character (东区)."""
    levels = re.findall(r".{2,}?(?:地区|[市区县旗盟州])|.+$", place)
    bare = [re.sub(r"(?:地区|[市区县旗盟州])$", "", level) for level in levels]
    if any(len(b) < 2 for b in bare):
        return set()
    names = {"".join(bare[:-1]) + levels[-1], "".join(bare)} if len(levels) > 1 else {bare[0]}
    return names - {place}


def _base(org: str) -> str:
    """The name people say: 北京市西城区科学技术协会 -> 西城, 上海市普陀区商务委员会 -> 普陀区商务委."""
    if not is_kexie(org):
        return spoken_name(org)
    for suffix in ORG_SUFFIXES:
        org = org.removesuffix(suffix)
    for i, ch in enumerate(org[:-1]):
        if ch in "省市州盟" and len(org) - i - 1 >= 2:
            org = org[i + 1:]
    return org[:-1] if org[-1:] in PLACE_SUFFIXES and len(org) >= 3 else org


def _in_name(char: str) -> bool:
    """A character a metric's name may hold: Chinese, or the brackets of 维修(护)费."""
    return _is_cjk(char) or char in "()"


def _is_cjk(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _near_miss(window: str, base: str) -> bool:
    """One character replaced (for a window as long as the name, Levenshtein distance 1)."""
    if len(window) != len(base) or sum(a != b for a, b in zip(window, base)) != 1:
        return False
    return len(base) >= 3 or _homophone(window, base)


@lru_cache(maxsize=4096)
def _homophone(a: str, b: str) -> bool:
    if not _may_sound_alike(a, b):
        return False
    from pypinyin import lazy_pinyin

    return lazy_pinyin(a) == lazy_pinyin(b)


def _may_sound_alike(a: str, b: str) -> bool:
    """False when lazy_pinyin surely reads a and b apart, told from pypinyin's own tables without
    importing it (200 ms): among a thousand orgs, some two-character name is one character off
    most questions, and the readings of those two characters differ."""
    if len(a) != len(b) or not _pinyin_tables_readable():
        return True
    return all(_readings(a, i) & _readings(b, i) for i in range(len(a)) if a[i] != b[i])


def _readings(text: str, i: int) -> set[str]:
    """What lazy_pinyin can read text[i] as, without tones: the readings of text as a phrase
    where pypinyin has it as one, and the character's first reading (itself when it has none)."""
    char = _entry("pinyin_dict.json", ord(text[i]))
    readings = {char.split(",")[0] if char else text[i]}
    phrase = _entry("phrases_dict.json", text)
    readings.update(phrase[i] if phrase and i < len(phrase) else ())
    return {"".join(ch for ch in unicodedata.normalize("NFD", r) if not unicodedata.combining(ch)) for r in readings}


@lru_cache(maxsize=4096)
def _entry(name: str, key: str | int):
    """The value of a key of one of pypinyin's tables (JSON, keys in order, each starting a
    line), found by bisection; None when the table does not have it. The table of characters
    is keyed by code point, in the order of numbers: (digits, text) orders those keys alike."""
    data = _pinyin_data(name)
    wanted = _order(str(key).encode("utf-8"), isinstance(key, int))
    lo, hi = 0, len(data)
    while lo < hi:  # the first place where the next key is at least `wanted`
        mid = (lo + hi) // 2
        found = _next_key(data, mid)
        if found is None or _order(found[0], isinstance(key, int)) >= wanted:
            hi = mid
        else:
            lo = mid + 1
    found = _next_key(data, lo)
    if found is None or _order(found[0], isinstance(key, int)) != wanted:
        return None
    value, _ = json.JSONDecoder().raw_decode(data[found[1]:found[1] + 4096].decode("utf-8", "ignore"))
    return value


def _order(key: bytes, numeric: bool) -> tuple[int, bytes]:
    return (len(key) if numeric else 0, key)


def _next_key(data: bytes, at: int) -> tuple[bytes, int] | None:
    """The first key of a table whose line starts at or after `at`, and where its value starts."""
    while (end := data.find(b'": ', at)) >= 0:
        start = data.rfind(b"\n", 0, end) + 1
        if start >= at and data[start:start + 1] == b'"':
            return data[start + 1:end], end + 3
        at = data.find(b"\n", end) + 1 or len(data)
    return None


@lru_cache(maxsize=1)
def _pinyin_tables_readable() -> bool:
    """Whether pypinyin's tables are where and as they are expected; if not, pypinyin itself decides."""
    if _pinyin_data("pinyin_dict.json") is None or _pinyin_data("phrases_dict.json") is None:
        return False
    return _entry("pinyin_dict.json", ord("中")) is not None and _entry("phrases_dict.json", "中国") is not None


@lru_cache(maxsize=2)
def _pinyin_data(name: str) -> bytes | None:
    spec = importlib.util.find_spec("pypinyin")
    try:
        return (Path(spec.submodule_search_locations[0]) / name).read_bytes()
    except (AttributeError, TypeError, IndexError, OSError):
        return None


def _place_before(folded: str, start: int) -> str | None:
    """A place written right before a position, by its level (青羊区, 三台县) or as a real place
    without it (青羊教育局)."""
    leveled = PLACE_BEFORE_RE.search(folded[max(0, start - 12):start])
    if leveled:
        return leveled.group(1)
    return next((folded[start - n:start] for n in (4, 3, 2) if start >= n and folded[start - n:start] in PLACES), None)


def _place_parts(text: str) -> set[str]:
    """The places a text names, each without its level (成都市锦江区 -> 成都, 锦江)."""
    parts = {re.sub(r"(?:%s)$" % PLACE_LEVELS, "", level) for level in re.findall(r".{2,8}?(?:%s)" % PLACE_LEVELS, text)}
    return {part for part in parts if len(part) >= 2} or ({text} if text in PLACES else set())


def _is_other_place(folded: str, start: int, n: int) -> bool:
    """Whether the window is (the start of) a real place name, not a typo of ours."""
    for length in (n, n + 1):
        if folded[start:start + length] in PLACES:
            return True
    return False


SPENDING = "支出"
MIN_STEM = 4  # a name's tail shorter than this (缴费) names nothing by itself


class MetricMatcher:
    """Metric names in a question: the lexicon's synonyms and every name the index holds."""

    def __init__(self, index_metrics: list[str], codes: dict[str, str], cells: list[tuple[str, str]] = ()):
        """cells: (row, column label) of the index's table rows, a row by its name or its code."""
        table = dict(synonyms_longest_first("question"))
        for metric in index_metrics:
            table.setdefault(fold(metric), metric)
        for words, metric in colloquial_table().items():
            table.setdefault(words, metric)
        for folded, metric in list(table.items()):
            if "运行维护" in folded:
                table.setdefault(folded.replace("运行维护", "运维"), metric)
        self.spending_tails = {words: metric for words, metric in _spending_tails(table, index_metrics).items()
                               if words not in table}
        # names written right only: a tail (金预算财政拨款支出) is no word to read a typo as
        self.vocabulary = sorted(table.items(), key=lambda item: len(item[0]), reverse=True)
        self.words = set(table) | set(self.spending_tails)
        self.codes = codes
        self.known = set(index_metrics)
        self._by_first: dict[str, list[tuple[str, str]]] = {}  # first character -> names, longest first
        for words, metric in sorted([*table.items(), *self.spending_tails.items()], key=lambda item: len(item[0]),
                                    reverse=True):
            self._by_first.setdefault(words[:1], []).append((words, metric))
        self.columns = ColumnNames(cells)

    def find(self, folded: str, skip: set[int]) -> list[Found]:
        found, i = [], 0
        while i < len(folded):
            if i in skip:
                i += 1
                continue
            names = [(words, metric) for words, metric in self._by_first.get(folded[i], ())
                     if folded.startswith(words, i) and not skip & set(range(i, i + len(words)))
                     and (len(words) > 1 or i - 1 in skip or _stands_alone(folded, i))]
            if not names:
                i += 1
                continue
            # 三公经费预算数 is the 预算数 of 三公经费 (not 三公经费预算 followed by 数), when 三公经费 is a name.
            words, metric = next((n for n in names if not _side_of_figure(folded, i, n[0])), names[0])
            found.append(Found(metric, i, i + len(words)))
            i += len(words)
        return found

    def find_codes(self, folded: str, skip: set[int]) -> list[Found]:
        return [Found(self.codes[m.group(1)], m.start(), m.end(), m.group(1))
                for m in CODE_RE.finditer(folded)
                if m.group(1) in self.codes and not skip & set(range(m.start(), m.end()))]

    def find_typos(self, folded: str, skip: set[int]) -> list[Found]:
        """A metric name written one character off (三工经费, 公务接带费), when none is written right.

        A replaced character must sound like the one it replaces (三工经费, 差旅废): a word one
        character off that reads otherwise (工作经费 beside 工会经费, 决算支出 beside 预算支出) is
        another word, left to full-text search, never read as a different metric. Names of three or
        more characters forgive one such character; from five on, one missing or extra character
        too. The longest window is tried first, from the left;
        at a window, a name as long, then one shorter, then one longer; among those, the first
        in the vocabulary. rapidfuzz measures the distances (loaded with the first typo tried).
        """
        by_length = self._names_by_length()
        for n in sorted(by_length, reverse=True):
            for start in range(0, len(folded) - n + 1):
                span = set(range(start, start + n))
                window = folded[start:start + n]
                if span & skip or not all(map(_in_name, window)):
                    continue
                for length in (n, n - 1, n + 1) if n >= 5 else (n,):
                    rank = _first_one_off(window, *by_length.get(length, ((), ())),
                                          sounds_alike=length == n)
                    if rank is not None:
                        return [Found(self.vocabulary[rank][1], start, start + n, "typo")]
        return []

    def longer_typos(self, folded: str, found: list[Found], skip: set[int]) -> list[Found]:
        """Names found exactly, replaced by a longer name written one character off around them:
        财政专户管理咨金收入 is 财政专户管理资金收入 (not the 财政专户管理 row), 医疗费卜助 医疗费补助,
        公务用车运形维护费 公务用车运行维护费 (not 公务用车 and 维护费). Tried only where a name runs on
        into other characters of a word (not 的, 是, 多少…), longest window first; a replaced character
        must sound like the right one."""
        out = list(found)
        for f in found:
            if f not in out:
                continue  # inside a longer name already read
            longer = self._longer_typo(folded, f, skip | {i for o in out if o is not f for i in range(o.start, o.end)}, skip)
            if longer:
                out = [o for o in out if not (longer.start <= o.start and o.end <= longer.end)] + [longer]
        return sorted(out, key=lambda f: f.start)

    def _longer_typo(self, folded: str, found: Found, others: set[int], skip: set[int]) -> Found | None:
        runs_on = [i for i in (found.start - 1, found.end) if 0 <= i < len(folded) and i not in others
                   and _in_name(folded[i]) and folded[i] not in QUESTION_GLUE]
        if found.how != "exact" or not runs_on:
            return None
        by_length = self._names_by_length()
        size = found.end - found.start
        for n in range(min(size + LONGER_TYPO_REACH, max(by_length, default=0) + 1), size, -1):
            for start in range(found.start, found.end - n - 1, -1):  # every window around the name
                window = folded[max(0, start):start + n]
                if start < 0 or len(window) < n or set(range(start, start + n)) & skip or not all(map(_in_name, window)):
                    continue
                for length in (n, n - 1, n + 1) if n >= 5 else (n,):
                    rank = _first_one_off(window, *by_length.get(length, ((), ())), sounds_alike=length == n)
                    name, metric = self.vocabulary[rank] if rank is not None else ("", "")
                    # a longer name written right (三公经费预算 in 三公经费预算数) is no typo of it
                    if len(name) > size and metric != found.value and name not in window:
                        return Found(metric, start, start + n, "typo")
        return None

    def _names_by_length(self) -> dict[int, tuple[list[str], list[int]]]:
        """The vocabulary's names of three or more Chinese characters by length: (names, their positions)."""
        if not hasattr(self, "_by_length"):
            self._by_length: dict[int, tuple[list[str], list[int]]] = {}
            for rank, (words, _) in enumerate(self.vocabulary):
                if len(words) >= 3 and all(map(_in_name, words)):
                    names, ranks = self._by_length.setdefault(len(words), ([], []))
                    names.append(words)
                    ranks.append(rank)
        return self._by_length


def _spending_tails(table: dict[str, str], index_metrics: list[str]) -> dict[str, str]:
    """A name (or how a name ends) with 支出 after it, when that is how one longer 功能分类 name ends:
    职业年金缴费支出 is 机关事业单位职业年金缴费支出 (2080506), not the 经济分类 item 职业年金缴费 (30109)
    with a word after; 基本养老保险缴费支出 is 机关事业单位基本养老保险缴费支出."""
    owners: dict[str, set[str]] = {}
    for metric in index_metrics:
        name = fold(metric)
        if name.endswith(SPENDING):
            for start in range(1, len(name) - len(SPENDING)):
                owners.setdefault(name[start:], set()).add(metric)
    economic = set(ECONOMIC_CODES.values())
    # the tail of a name or an 经济分类 item's name; a 功能分类 name of its own (社会工作事务) with 支出 is
    # its own spending, never the 其他社会工作事务支出 that ends alike
    stems = {words[start:] for words in table for start in range(1, len(words) - MIN_STEM + 1)}
    stems |= {words for words, metric in table.items() if metric in economic}
    return {tail: next(iter(owner)) for tail, owner in owners.items()
            if len(owner) == 1 and _stem(tail) in stems and len(_stem(tail)) >= MIN_STEM
            and (_stem(tail) not in table or table[_stem(tail)] in economic)}


def _stem(tail: str) -> str:
    return tail[:-len(SPENDING)]


class ColumnNames:
    """The columns a question may name beside a table row (事业收入 of 2080505), and which rows have which."""

    def __init__(self, cells: list[tuple[str, str]]):
        self.of_row: dict[str, set[str]] = {}  # row (name or code) -> its column labels
        for row, label in cells:
            if is_question_column(label):
                self.of_row.setdefault(row, set()).add(label)
        labels = {label for found in self.of_row.values() for label in found}
        groups = [set(group) for group in QUESTION_COLUMNS] + [{label} for label in labels]
        words: dict[str, set[str]] = {}
        for group in groups:
            for word in group:
                words.setdefault(fold(word), set()).update(group)
        self._by_first: dict[str, list[tuple[str, set[str]]]] = {}  # first character -> words, longest first
        for word, named in sorted(words.items(), key=lambda item: len(item[0]), reverse=True):
            self._by_first.setdefault(word[:1], []).append((word, named))

    def find(self, folded: str, skip: set[int]) -> list[tuple[int, int, set[str]]]:
        """(start, end, labels) of each column word, longest first at each place, outside skip."""
        found, i = [], 0
        while i < len(folded):
            hit = next(((i, i + len(word), labels) for word, labels in self._by_first.get(folded[i], ())
                        if folded.startswith(word, i) and not skip & set(range(i, i + len(word)))), None)
            if hit:
                found.append(hit)
            i = hit[1] if hit else i + 1
        return found

    def of(self, row: str, labels: set[str]) -> tuple[str, ...]:
        """The labels a row holds among those a word names (none: that row has no such column)."""
        return tuple(sorted(labels & self.of_row.get(row, set())))


def is_question_column(label: str) -> bool:
    """A column whose figure is asked by naming it beside the row: not the row's own figure, a side
    or a reading (NOT_QUESTION_COLUMNS), nor a total row's cell told by its column (收入合计行)."""
    return bool(label) and label not in _NOT_ASKED_BESIDE_A_ROW and not label.endswith("行")


_NOT_ASKED_BESIDE_A_ROW = frozenset((*MAIN_COLUMNS, *BUDGET_COLUMNS, *ACTUAL_COLUMNS, *NOT_QUESTION_COLUMNS))


def _side_of_figure(folded: str, i: int, words: str) -> bool:
    """Whether a name's last words are the side of the figure asked (…预算数, …决算数)."""
    return words.endswith(FIGURE_SIDE_WORDS) and folded.startswith("数", i + len(words))


def _stands_alone(folded: str, i: int) -> bool:
    """Whether a one-character name (车) is a word here, not the end of another (科普大篷车)."""
    before = folded[i - 1] if i else ""
    return not _is_cjk(before) or before in ONE_CHARACTER_NAME_AFTER


def _first_one_off(window: str, names: list[str], ranks: list[int], sounds_alike: bool = False) -> int | None:
    """The vocabulary position of the first name one edit from the window (as long: one character
    replaced, and with sounds_alike only by one that reads the same; one shorter or longer: one
    character too many or missing)."""
    if not names:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    hits = process.extract(window, names, scorer=Levenshtein.distance, score_cutoff=1, limit=None)
    return min((ranks[index] for name, distance, index in hits
                if distance == 1 and (not sounds_alike or _replaced_sounds_alike(window, name))), default=None)


def _replaced_sounds_alike(a: str, b: str) -> bool:
    """Whether the one character replaced can read like the one it replaces, in any of its readings
    (卜 bǔ for 补, though 萝卜 reads it bo): a typo by ear. Told from pypinyin's tables where readable."""
    if not _pinyin_tables_readable():
        return _homophone(a, b)
    for x, y in zip(a, b):
        if x != y:
            return bool(_all_readings(x) & _all_readings(y))
    return True


@lru_cache(maxsize=4096)
def _all_readings(char: str) -> frozenset[str]:
    entry = _entry("pinyin_dict.json", ord(char))
    readings = entry.split(",") if entry else [char]
    return frozenset("".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
                     for r in readings)


