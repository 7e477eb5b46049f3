"""A mention in a question -> a canonical org or metric (alias table first, then rapidfuzz).

The tables are built once per index; rapidfuzz and pypinyin load only when a typo is tried
(an org's typo is one replaced character, found by table lookups: no rapidfuzz needed).

Typos are forgiven only where they cannot be another place: a window one character off an
org's name (秦皇鸟, 秦皇到) matches, unless it is itself a real place name of the gazetteer
(张家港 is not 张家口, 石家庄 shares only 家). Two-character names forgive homophones only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import PLACES
from .lexicon import ORG_SUFFIXES, PLACE_SUFFIXES
from .text import fold
from .vocabulary import synonyms_longest_first

CODE_RE = re.compile(r"(?<!\d)(\d{3,7})(?!\d)")


@dataclass(frozen=True)
class Found:
    value: str
    start: int
    end: int
    how: str = "exact"  # exact | typo | misprint


class OrgMatcher:
    """Org names in a question. Every table is built once, so a question costs a few hundred
    dictionary lookups however many orgs the index holds (no scan over the orgs)."""

    def __init__(self, aliases: dict[str, list[str]]):
        """aliases: canonical org -> extra names (its short place name, its own misprints)."""
        self.names: list[tuple[str, str, str]] = []  # (folded alias, org, how)
        for org, extra in aliases.items():
            for alias in _org_aliases(org, extra):
                self.names.append((fold(alias), org, "misprint" if alias in extra[1:] else "exact"))
        self.names.sort(key=lambda item: len(item[0]), reverse=True)
        self.bases = sorted({(_base(fold(org)), org) for org in aliases}, key=lambda b: (-len(b[0]), b))
        self._aliases: dict[str, tuple[int, str, str]] = {}  # alias -> (rank, org, how), first rank wins
        for rank, (alias, org, how) in enumerate(self.names):
            self._aliases.setdefault(alias, (rank, org, how))
        self._alias_lengths = sorted({len(alias) for alias in self._aliases}, reverse=True)
        self._near: dict[tuple[int, str, str], list[int]] = {}  # a base with one character blanked -> ranks
        for rank, (base, _) in enumerate(self.bases):
            for i in range(len(base)):
                self._near.setdefault((i, base[:i], base[i + 1:]), []).append(rank)
        self._base_lengths = sorted({len(base) for base, _ in self.bases}, reverse=True)
        self._alias_text = "\n".join(self._aliases)
        self._covered: dict[str, bool] = {}

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
                found.append(Found(org, start, start + n, how))
                taken |= span
        if not found:
            found = self._typos(folded, taken)
        return sorted(found, key=lambda f: f.start)

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
        match = re.search(r"([\u4e00-\u9fff]{2,4}?(?:市|区|县|旗))(?:科协|科学技术协会)", folded)
        if match and not self._is_covered(match.group(1)):
            return match.group(1)
        return None

    def _is_covered(self, place: str) -> bool:
        """Whether some alias contains the place or is part of it."""
        if place not in self._covered:
            parts = {place[i:j] for i in range(len(place)) for j in range(i + 1, len(place) + 1)}
            self._covered[place] = place in self._alias_text or any(p in self._aliases for p in parts)
        return self._covered[place]


PLACES_LONGEST_FIRST = sorted(PLACES, key=len, reverse=True)


def _org_aliases(org: str, extra: list[str]) -> list[str]:
    place = org
    for suffix in ORG_SUFFIXES:
        place = place.removesuffix(suffix)
    names = {org, place, *extra}
    for name in [place, *extra[:1]]:
        short = name
        for i, ch in enumerate(name[:-1]):
            if ch in "省市州盟" and len(name) - i - 1 >= 2:
                short = name[i + 1:]
        names.add(short)
        if short[-1:] in PLACE_SUFFIXES and len(short) >= 3:
            names.add(short[:-1])
    with_suffix = {n + s for n in names for s in ("科协", "科学技术协会", "市科协", "区科协")}
    return sorted(names | with_suffix, key=len, reverse=True)


def _base(org: str) -> str:
    """The name people say: 北京市西城区科学技术协会 -> 西城."""
    for suffix in ORG_SUFFIXES:
        org = org.removesuffix(suffix)
    for i, ch in enumerate(org[:-1]):
        if ch in "省市州盟" and len(org) - i - 1 >= 2:
            org = org[i + 1:]
    return org[:-1] if org[-1:] in PLACE_SUFFIXES and len(org) >= 3 else org


def _is_cjk(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _near_miss(window: str, base: str) -> bool:
    """One character replaced (for a window as long as the name, Levenshtein distance 1)."""
    if len(window) != len(base) or sum(a != b for a, b in zip(window, base)) != 1:
        return False
    return len(base) >= 3 or _homophone(window, base)


@lru_cache(maxsize=4096)
def _homophone(a: str, b: str) -> bool:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(a) == lazy_pinyin(b)


def _is_other_place(folded: str, start: int, n: int) -> bool:
    """Whether the window is (the start of) a real place name, not a typo of ours."""
    for length in (n, n + 1):
        if folded[start:start + length] in PLACES:
            return True
    return False


class MetricMatcher:
    """Metric names in a question: the lexicon's synonyms and every name the index holds."""

    def __init__(self, index_metrics: list[str], codes: dict[str, str]):
        table = dict(synonyms_longest_first("question"))
        for metric in index_metrics:
            table.setdefault(fold(metric), metric)
        for folded, metric in list(table.items()):
            if "运行维护" in folded:
                table.setdefault(folded.replace("运行维护", "运维"), metric)
        self.vocabulary = sorted(table.items(), key=lambda item: len(item[0]), reverse=True)
        self.words = set(table)
        self.codes = codes
        self.known = set(index_metrics)
        self._by_first: dict[str, list[tuple[str, str]]] = {}  # first character -> names, longest first
        for words, metric in self.vocabulary:
            self._by_first.setdefault(words[:1], []).append((words, metric))

    def find(self, folded: str, skip: set[int]) -> list[Found]:
        found, i = [], 0
        while i < len(folded):
            if i in skip:
                i += 1
                continue
            for words, metric in self._by_first.get(folded[i], ()):
                if folded.startswith(words, i) and not skip & set(range(i, i + len(words))):
                    found.append(Found(metric, i, i + len(words)))
                    i += len(words)
                    break
            else:
                i += 1
        return found

    def find_codes(self, folded: str, skip: set[int]) -> list[Found]:
        return [Found(self.codes[m.group(1)], m.start(), m.end(), m.group(1))
                for m in CODE_RE.finditer(folded)
                if m.group(1) in self.codes and not skip & set(range(m.start(), m.end()))]

    def find_typos(self, folded: str, skip: set[int]) -> list[Found]:
        """A metric name written one character off (三工经费, 公务接带费), when none is written right.

        Names of four or more characters forgive one wrong character; from five on, one
        missing or extra character too. Shorter names forgive nothing: too many are a
        character apart from ordinary words.
        """
        from rapidfuzz.distance import Levenshtein

        by_length = self._names_by_length()
        for n in sorted(by_length, reverse=True):
            for start in range(0, len(folded) - n + 1):
                span = set(range(start, start + n))
                window = folded[start:start + n]
                if span & skip or not _is_cjk(window):
                    continue
                for length in (n, n - 1, n + 1) if n >= 5 else (n,):
                    for words, metric in by_length.get(length, ()):
                        if Levenshtein.distance(window, words, score_cutoff=1) <= 1 and \
                                (length != n or sum(a == b for a, b in zip(window, words)) == n - 1):
                            return [Found(metric, start, start + n, "typo")]
        return []

    def _names_by_length(self) -> dict[int, list[tuple[str, str]]]:
        if not hasattr(self, "_by_length"):
            self._by_length: dict[int, list[tuple[str, str]]] = {}
            for words, metric in self.vocabulary:
                if len(words) >= 4 and _is_cjk(words):
                    self._by_length.setdefault(len(words), []).append((words, metric))
        return self._by_length
