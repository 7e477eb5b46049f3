"""A narrative list and its stated total: "…经费X万元，主要包括：A费a万元、B费b万元…", the items
against X, across every hard-wrapped line of the paragraph (list markers in the lexicon).

An item the reader did not take for a fact (货物采购金额4.79万元) is still added: it is cited by its
paragraph's line and its own words.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from ..lexicon import LIST_MARKERS, LIST_PARTIAL_MARKERS, NOT_LIST_ITEM_WORDS
from ..models import Fact, Passage, Source
from ..text import fold
from .arithmetic import TO_YUAN
from .report import sum_finding
from .statements import said

LIST_HEAD_RE = re.compile(r"(?P<total>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)[，,]\s*"
                          rf"(?P<marker>{'|'.join((*LIST_MARKERS, *LIST_PARTIAL_MARKERS))})[：:]")
LIST_SEPARATOR_RE = re.compile(r"([、，,；;。])")
LIST_ITEM_RE = re.compile(r"(?P<name>[^\d、，,；;。：:]{1,30}?)\s*(?P<value>\d[\d,]*(?:\.\d+)?)\s*"
                          r"(?P<unit>万元|亿元|元)")
NOT_AN_ITEM_RE = re.compile("|".join(NOT_LIST_ITEM_WORDS))
# A share said of the item before it (…2336.91万元，占79.49%；…): the list goes on after it.
SHARE_CLAUSE_RE = re.compile(r"占[^\d%]{0,12}\d+(?:\.\d+)?%")


class Item(NamedTuple):
    """An item of a list as printed: its name, its amount and unit."""

    name: str
    value: str
    unit: str


def list_sums(disclosure, statements=None) -> list:
    """Each list against its total. A list opened by 其中 may name only some parts of the total, or
    two breakdowns of it: there a sum off by no more than its rounding (尾差) is the only finding."""
    findings = []
    for passage, facts in _paragraph_texts(disclosure):
        text = fold(passage.text)
        for head in LIST_HEAD_RE.finditer(text):
            found = _list_facts(passage, facts, head.group("total"), _list_items(text, head.end()))
            if found is None or len(found) < 3:
                continue  # no total the reader took for a fact (its line is unknown), or one item only
            total, *parts = found
            finding = sum_finding("list_sum", said(total, disclosure), [said(p, disclosure) for p in parts],
                                  disclosure, f"其后列举的{len(parts)}项")
            if finding and (head.group("marker") not in LIST_PARTIAL_MARKERS or finding.severity == "rounding"):
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


def _list_items(text: str, start: int) -> list[Item]:
    """The items after a list's head, up to the first clause that is no item (a share of the item
    before is passed over)."""
    items, pieces = [], LIST_SEPARATOR_RE.split(text[start:])
    for segment, separator in zip(pieces[::2], pieces[1::2] + [""]):
        if items and SHARE_CLAUSE_RE.fullmatch(segment.strip()):
            continue
        item = LIST_ITEM_RE.fullmatch(segment.strip())
        if item is None or NOT_AN_ITEM_RE.search(item.group("name")):
            break
        items.append(Item(item.group("name").strip(), item.group("value"), item.group("unit")))
        if separator == "。":
            break
    return items


def _list_facts(passage: Passage, facts: list[Fact], total: str, items: list[Item]) -> list[Fact] | None:
    """The total as the fact the reader took, then each item's fact (or one made of its words)."""
    first = _next_fact(facts, total, 0)
    if first is None:
        return None
    found, start = [facts[first]], first + 1
    for item in items:
        index = _next_fact(facts, item.value, start)
        if index is None:
            found.append(_unread(passage, item, facts[first]))
            continue
        found.append(facts[index])
        start = index + 1
    return found


def _next_fact(facts: list[Fact], printed: str, start: int) -> int | None:
    """The first money fact from `start` on printed as `printed`."""
    wanted = printed.replace(",", "")
    return next((n for n in range(start, len(facts)) if facts[n].unit in TO_YUAN
                 and fold(facts[n].text or "").replace(",", "") == wanted), None)


def _unread(passage: Passage, item: Item, total: Fact) -> Fact:
    """An item the reader did not take for a fact, cited by its paragraph and its own words."""
    quote = f"{item.name}{item.value}{item.unit}"
    return total.model_copy(update={"metric": item.name, "code": None, "item": None, "text": item.value,
                                    "value": Decimal(item.value.replace(",", "")), "unit": item.unit,
                                    "source": Source(doc=passage.doc, line=passage.line, quote=quote)})
