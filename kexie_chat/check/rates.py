"""A percentage the narrative states against the figures of its paragraph it is computed from:
完成预算比例 = 决算 / 预算, 较上年增减率 = 增减 / (本年 − 增减), 占比 = 部分 / 整体.

A rate is a finding only when no reading of its operands bears it out, within the rounding of its
own printed digit and of its operands' (carried into the ratio).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..findings import Severity
from ..render import amount
from ..lexicon import (
    BASIS_ACTUAL,
    BASIS_BUDGET,
    BASIS_CHANGE,
    BASIS_CHANGE_RATE,
    BASIS_EXECUTION,
    BASIS_SHARE,
    RATE_BUDGET_WORDS,
)
from ..models import Fact
from ..text import fold
from .arithmetic import TO_YUAN, half, printed_digit, yuan
from .report import finding
from .statements import CLAUSE_END_RE


@dataclass(frozen=True)
class Ratio:
    """A percentage's reading: numerator over denominator, from these facts."""

    numerator: Decimal
    denominator: Decimal
    slack: Decimal  # the rounding of the printed operands, carried into the ratio (percentage points)
    facts: tuple[Fact, ...]
    words: str

    @property
    def percent(self) -> Decimal:
        return self.numerator / self.denominator * 100


def rates(disclosure, statements=None) -> list:
    """Each stated rate of the narrative against the readings of the figures before it in its paragraph."""
    findings = []
    for paragraph in paragraphs(disclosure):
        for n, rate in enumerate(paragraph):
            basis = rate.basis or ""
            if rate.unit != "%" or not basis.startswith(tuple(RATE_READINGS)):
                continue
            money = [f for f in paragraph[:n] if f.unit in TO_YUAN and f.value is not None and f.scope == rate.scope]
            before = [f for f in money if (f.metric, f.code) == (rate.metric, rate.code)]
            reading = next(b for b in RATE_READINGS if basis.startswith(b))
            if reading == BASIS_EXECUTION:
                findings.append(_execution_finding(disclosure, rate, before))
                continue
            ratios = _share_ratios(before, money) if reading == BASIS_SHARE else RATE_READINGS[reading](before)
            findings.append(_rate_finding(disclosure, rate, ratios))
    return [f for f in findings if f]


def _execution_finding(disclosure, rate: Fact, before: list[Fact]):
    """An execution rate against the budget its words name (完成年初预算的…), when the paragraph
    states that one; a rate of another budget than the one named (年初预算 0万元, and the rate is
    决算 over 全年预算) is a finding of its own."""
    named = _named_budget(rate)
    own = [f for f in before if not _is_budget(f) or f.basis == named]
    if named is None or len(own) == len(before) or not any(_is_budget(f) for f in own):
        return _rate_finding(disclosure, rate, _execution_ratios(before))
    ratios = _execution_ratios(own)
    if ratios:
        return _rate_finding(disclosure, rate, ratios)
    borne = [r for r in _execution_ratios(before) if _rate_severity(rate, r) is None]
    if not borne:
        return _rate_finding(disclosure, rate, _execution_ratios(before))
    budget = next(f for f in own if _is_budget(f))
    word = next(w for w, basis in RATE_BUDGET_WORDS.items() if basis == named)
    text = (f"正文第{rate.source.line}行{rate.metric}完成{word}的{rate.text or rate.value}%，而{word}为{_figure(budget)}；"
            f"这一比例是按{borne[0].words}算得。")
    return finding("rate", "warning", disclosure, [rate, *borne[0].facts, budget], text)


def _is_budget(fact: Fact) -> bool:
    return (fact.basis or "").startswith(BASIS_BUDGET)


def _named_budget(rate: Fact) -> str | None:
    """The basis of the budget the words just before a rate name (完成年初预算的 -> 预算数), or None."""
    quote = fold(rate.source.quote)
    at = quote.rfind(fold(rate.text or ""))
    clause = CLAUSE_END_RE.split(quote[:at] if at > 0 else "")[-1]
    return next((basis for word, basis in RATE_BUDGET_WORDS.items() if word in clause), None)


def paragraphs(disclosure) -> list[list[Fact]]:
    """The narrative's facts, paragraph by paragraph (a paragraph runs to the next passage's line)."""
    starts = sorted({p.line for p in disclosure.passages})
    groups: dict[int, list[Fact]] = defaultdict(list)
    for fact in disclosure.facts:
        if fact.table == "正文" and fact.value is not None and starts:
            groups[bisect_right(starts, fact.source.line)].append(fact)
    return list(groups.values())


def _ratio(numerator: Fact, denominator: Decimal, half_denominator: Decimal, facts, words: str) -> Ratio | None:
    if denominator == 0:
        return None  # nothing to compare with (a new item: 100% by convention)
    value = yuan(numerator)
    slack = 100 * (half(numerator) / abs(denominator) + abs(value) * half_denominator / denominator ** 2)
    return Ratio(value, denominator, slack, tuple(facts), words)


def _figure(fact: Fact) -> str:
    return amount(fact.value, fact.unit)


def _execution_ratios(before: list[Fact]) -> list[Ratio]:
    """决算 over each budget the paragraph names for the item (年初预算, 全年预算)."""
    actuals = [f for f in before if f.basis == BASIS_ACTUAL]
    if not actuals:
        return []
    actual = actuals[-1]
    ratios = [_ratio(actual, yuan(b), half(b), (actual, b), f"决算{_figure(actual)}与预算{_figure(b)}")
              for b in before if (b.basis or "").startswith(BASIS_BUDGET)]
    return [r for r in ratios if r]


def _change_ratios(before: list[Fact]) -> list[Ratio]:
    """The change over last year's figure (this year's less the change)."""
    changes = [f for f in before if f.basis == BASIS_CHANGE]
    currents = [f for f in before if f.basis in (BASIS_ACTUAL, BASIS_BUDGET)]
    if not changes or not currents:
        return []
    change, current = changes[-1], currents[-1]
    previous = yuan(current) - yuan(change)
    ratio = _ratio(change, previous, half(current) + half(change), (current, change),
                   f"本年{_figure(current)}与增减{_figure(change)}")
    return [ratio] if ratio else []


def _share_ratios(before: list[Fact], money: list[Fact]) -> list[Ratio]:
    """The part over each larger figure stated before it in the paragraph: the sentence names its
    whole there (支出合计…，其中：基本支出…，占…), and any one bearing the share out will do."""
    if not before:
        return []
    part = before[-1]
    wholes = [w for w in money[:money.index(part)] if abs(yuan(w)) >= abs(yuan(part)) and w.basis == part.basis]
    ratios = [_ratio(part, yuan(w), half(w), (part, w), f"{_figure(part)}与{w.metric}{_figure(w)}") for w in wholes]
    return [r for r in ratios if r]


RATE_READINGS = {BASIS_EXECUTION: _execution_ratios, BASIS_CHANGE_RATE: _change_ratios, BASIS_SHARE: _share_ratios}


def _rate_severity(rate: Fact, ratio: Ratio) -> Severity | None:
    digit = printed_digit(rate)
    off = abs(abs(ratio.percent) - abs(rate.value))
    if off <= digit / 2 + ratio.slack:
        return None
    return "rounding" if off <= digit + ratio.slack else "error"


def _rate_finding(disclosure, rate: Fact, ratios: list[Ratio]):
    """The rate against each reading of its operands; a finding only when none bears it out."""
    graded = [(_rate_severity(rate, r), r) for r in ratios]
    if not graded or any(severity is None for severity, _ in graded):
        return None
    severity, ratio = min(graded, key=lambda g: g[0] != "rounding")
    computed = ratio.percent.quantize(Decimal("0.01"))
    text = (f"正文第{rate.source.line}行{rate.metric}{rate.basis}为{rate.text or rate.value}%，"
            f"而按{ratio.words}算得{computed}%。")
    return finding("rate", severity, disclosure, [rate, *ratio.facts], text, expected=computed, stated=rate.value,
                   difference=rate.value - computed, unit="%")
