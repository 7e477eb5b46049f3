"""Statements: each money figure of a disclosure with what makes two of them comparable.

Where it sits (a table kind, or the narrative), its row and column, which money (funding) and
which reading (预算/决算). A narrative figure is kept only when its own clause names its metric.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..lexicon import (
    ACTUAL_COLUMNS,
    BASIS_ACTUAL,
    BASIS_BUDGET,
    BASIS_CHANGE,
    BASIS_CHANGE_RATE,
    BASIS_EXECUTION,
    BASIS_SHARE,
    BUDGET_COLUMNS,
    FUNDING_COLUMNS,
    MAIN_COLUMNS,
    METRIC_PARTS,
    TABLE_FUNDING,
)
from ..models import Fact
from ..text import fold
from ..vocabulary import synonyms_longest_first, table_kind
from .arithmetic import BLANK_MARK, TO_YUAN

DERIVED_BASES = (BASIS_CHANGE, BASIS_CHANGE_RATE, BASIS_SHARE, BASIS_EXECUTION)
FOREIGN_FUNDING_RE = re.compile(r"政府性基金|国有资本")
FISCAL_RE = re.compile(r"一般公共预算|财政拨款|三公")
SENTENCE_END_RE = re.compile(r"[。；;！？!?]")
CLAUSE_END_RE = re.compile(r"[。；;！？!?,，:：、]")
THREE_PUBLIC = ("三公经费", *METRIC_PARTS["三公经费"], *METRIC_PARTS["公务用车购置及运行维护费"])


@dataclass(frozen=True)
class Statement:
    """A money figure with what makes it comparable: where it sits, which money, which reading."""

    fact: Fact
    kind: str | None  # the table kind; None for the narrative
    row: str  # the row's own metric (for a column read off a total row, that total)
    column: str
    funding: str
    reading: str  # 预算 | 决算

    @property
    def blank(self) -> bool:
        return BLANK_MARK in (self.fact.basis or "")

    @property
    def is_figure(self) -> bool:
        """A figure the document states on its own: not a class row's part column, not a coded row."""
        if self.fact.code:
            return False
        return self.kind is None or self.row != self.fact.metric or self.column in MAIN_COLUMNS or \
            self.column in FUNDING_COLUMNS

    @property
    def value(self) -> Decimal:
        return self.fact.value


def statements(disclosure) -> list[Statement]:
    """Every money figure of a disclosure that can be compared, each cell once."""
    contexts = Narrative(disclosure)
    result: list[Statement] = []
    seen: dict[tuple, int] = {}
    for fact in disclosure.facts:
        statement = _statement(fact, disclosure, contexts)
        if statement is None:
            continue
        key = (fact.table, fact.source.line, statement.row, fact.code, statement.column, fact.scope)
        if key in seen:  # a blank cell read beside a filled one on a two-sided row
            if result[seen[key]].blank and not statement.blank:
                result[seen[key]] = statement
            continue
        seen[key] = len(result)
        result.append(statement)
    return result


def _statement(fact: Fact, disclosure, contexts: "Narrative") -> Statement | None:
    if fact.value is None or fact.unit not in TO_YUAN or fact.item is not None:
        return None
    base = (fact.basis or "").split("（")[0]
    if base.startswith(DERIVED_BASES):
        return None
    if fact.table and fact.table != "正文":
        return _table_statement(fact, base, disclosure)
    return _narrative_statement(fact, base, contexts)


def _table_statement(fact: Fact, base: str, disclosure) -> Statement | None:
    kind = table_kind(fact.table or "")
    if kind is None:
        return None
    row, column = fact.metric, base
    if base.endswith("行") and base != "行次":
        row, column = base[:-1], fact.metric
    funding = TABLE_FUNDING.get(kind, kind)
    if kind == "财政拨款收支" and column in FUNDING_COLUMNS:
        funding = FUNDING_COLUMNS[column]
    return Statement(fact, kind, row, column, funding, _reading(base, disclosure.document.doc_kind))


def _reading(column: str, doc_kind: str) -> str:
    if column in BUDGET_COLUMNS:
        return "预算"
    if column in ACTUAL_COLUMNS:
        return "决算"
    return doc_kind


def _narrative_statement(fact: Fact, base: str, contexts: "Narrative") -> Statement | None:
    if base not in (BASIS_BUDGET, BASIS_ACTUAL):
        return None
    funding = contexts.funding(fact)
    if funding is None:
        return None
    if fact.metric in THREE_PUBLIC:
        funding = "fiscal"  # 三公经费 is 财政拨款 by definition, whatever the sentence says
    return Statement(fact, None, fact.metric, "正文", funding, base[:2])


def said(fact: Fact, disclosure) -> Statement:
    """A narrative figure taken as it is written, whatever its sentence says of its money."""
    return Statement(fact, None, fact.metric, "正文", "any", disclosure.document.doc_kind)


class Narrative:
    """Which money a narrative figure is: the words of its sentence before it.

    A figure is kept only when the clause it ends names its metric ("其中：基本支出217.74万元"),
    and never when the sentence speaks of 政府性基金 or 国有资本 money.
    """

    def __init__(self, disclosure):
        self.passages = sorted(((p.line, fold(p.text)) for p in disclosure.passages), key=lambda p: p[0])

    def funding(self, fact: Fact) -> str | None:
        context = self._context(fact)
        if context is None or FOREIGN_FUNDING_RE.search(context):
            return None
        return "fiscal" if FISCAL_RE.search(context) else "any"

    def _context(self, fact: Fact) -> str | None:
        """The sentence up to the figure (and the one before, when it opens with 其中), or None
        when no clause of the quote ends in this figure after naming its metric."""
        quote = fold(fact.source.quote)
        text = next((t for line, t in reversed(self.passages) if line <= fact.source.line and quote in t), quote)
        start = max(text.find(quote), 0)
        number = re.compile(rf"(?<![\d.]){re.escape(fold(fact.text or ''))}(?![\d])")
        for found in number.finditer(text, start):
            head = text[:found.start()]
            if fact.text and _names_metric(head, fact.metric):
                return _sentence_of(head)
        return None


def _sentence_of(head: str) -> str:
    """The last sentence of `head`, with the one before when it opens with 其中."""
    cuts = [m.end() for m in SENTENCE_END_RE.finditer(head)]
    begin = cuts[-1] if cuts else 0
    if head[begin:].startswith("其中") and len(cuts) >= 2:
        begin = cuts[-2]
    return head[begin:]


@lru_cache(maxsize=None)
def _metric_names(metric: str) -> tuple[str, ...]:
    names = {fold(metric)} | {words for words, canonical in synonyms_longest_first("parse") if canonical == metric}
    return tuple(names | {n.replace("运行维护", "运维") for n in names})


def _names_metric(context: str, metric: str) -> bool:
    clause = CLAUSE_END_RE.split(context)[-1]
    return any(name in clause for name in _metric_names(metric))
