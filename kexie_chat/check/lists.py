"""A narrative list and its stated total: "…经费X万元，主要包括：A费a万元、B费b万元…", the items
against X, across every hard-wrapped line of the paragraph (list markers in the lexicon).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import LIST_MARKERS, NOT_LIST_ITEM_WORDS
from ..models import Fact
from ..text import fold
from .arithmetic import TO_YUAN
from .report import sum_finding
from .statements import said

LIST_HEAD_RE = re.compile(r"(?P<total>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)[，,]\s*"
                          rf"(?P<marker>{'|'.join(LIST_MARKERS)})[：:]")
LIST_SEPARATOR_RE = re.compile(r"([、，,；;。])")
LIST_ITEM_RE = re.compile(r"(?P<name>[^\d、，,；;。：:]{1,30}?)\s*(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)")
NOT_AN_ITEM_RE = re.compile("|".join(NOT_LIST_ITEM_WORDS))


def list_sums(disclosure, statements=None) -> list:
    """Each list against its total. A list opened by 其中 may leave items out, so there only items
    adding to more than the total are a finding."""
    findings = []
    for passage, facts in _paragraph_texts(disclosure):
        text = fold(passage.text)
        for head in LIST_HEAD_RE.finditer(text):
            found = _facts_in_order(facts, [head.group("total"), *_list_items(text, head.end())])
            if found is None or len(found) < 3:
                continue  # a figure the parser did not read as a fact: its line is unknown
            total, *parts = found
            finding = sum_finding("list_sum", said(total, disclosure), [said(p, disclosure) for p in parts],
                                  disclosure, f"其后列举的{len(parts)}项")
            if finding and not (head.group("marker") == "其中" and finding.difference > 0):
                findings.append(finding)
    return findings


def _paragraph_texts(disclosure) -> Iterator[tuple]:
    """Each passage with the narrative facts read from its lines."""
    passages = sorted(disclosure.passages, key=lambda p: p.line)
    narrative = sorted((f for f in disclosure.facts if f.table == "正文" and f.value is not None),
                       key=lambda f: f.source.line)
    for n, passage in enumerate(passages):
        end = passages[n + 1].line if n + 1 < len(passages) else 10 ** 9
        yield passage, [f for f in narrative if passage.line <= f.source.line < end]


def _list_items(text: str, start: int) -> list[str]:
    """The amounts of the items after a list's head, up to the first clause that is no item."""
    values, pieces = [], LIST_SEPARATOR_RE.split(text[start:])
    for segment, separator in zip(pieces[::2], pieces[1::2] + [""]):
        item = LIST_ITEM_RE.fullmatch(segment.strip())
        if item is None or NOT_AN_ITEM_RE.search(item.group("name")):
            break
        values.append(item.group("value"))
        if separator == "。":
            break
    return values


def _facts_in_order(facts: list[Fact], printed: list[str]) -> list[Fact] | None:
    """The paragraph's money facts printed as `printed`, one after another, or None."""
    found, start = [], 0
    for value in printed:
        wanted = value.replace(",", "")
        index = next((n for n in range(start, len(facts)) if facts[n].unit in TO_YUAN
                      and fold(facts[n].text or "").replace(",", "") == wanted), None)
        if index is None:
            return None
        found.append(facts[index])
        start = index + 1
    return found
