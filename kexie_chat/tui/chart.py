"""Comparisons and rankings drawn as horizontal bars, measured in terminal cells.

Pure: an Answer in, lines of text out; no widgets, no lookups. Labels are padded with
wcwidth, because a Chinese character takes two cells.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wcwidth import wcswidth

from ..models import Answer, Fact
from ..render import pad, wan
from ..text import format_amount

CHART_INTENTS = ("compare", "rank")
FULL_BLOCK = "█"
EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")
ELLIPSIS = "…"
MIN_LABEL, MIN_BAR = 6, 4


@dataclass(frozen=True)
class Bar:
    label: str      # 单位 年度 预算/决算
    value: Decimal  # in 万元 for money, else in the facts' shared unit
    shown: str      # the value as printed after the bar


def bars(answer: Answer) -> list[Bar]:
    """The bars of a compare or rank answer; none when its figures do not share a unit."""
    if answer.intent not in CHART_INTENTS or answer.status != "answered":
        return []
    facts = [fact for fact in answer.facts if fact.value is not None]
    if len(facts) < 2:
        return []
    if all(fact.is_money for fact in facts):
        return [Bar(_label(f), wan(f), f"{format_amount(wan(f))}万元") for f in facts]
    if len({fact.unit for fact in facts}) == 1:
        return [Bar(_label(f), f.value, f"{format_amount(f.value)}{f.unit}") for f in facts]
    return []


def _label(fact: Fact) -> str:
    return f"{fact.org.removesuffix('科学技术协会')} {fact.year}{fact.doc_kind}"


def bar_chart(chart: list[Bar], width: int) -> list[str]:
    """One line a bar, every bar starting in the same cell column, the whole within `width`."""
    if not chart:
        return []
    label_width = min(max(wcswidth(bar.label) for bar in chart), max(MIN_LABEL, width // 3))
    shown_width = max(wcswidth(bar.shown) for bar in chart)
    bar_width = max(MIN_BAR, width - label_width - shown_width - 3)
    top = max((bar.value for bar in chart), default=Decimal(0))
    lines = []
    for bar in chart:
        blocks = _blocks(bar.value / top * bar_width if top > 0 else Decimal(0), bar.value > 0)
        lines.append(f"{pad(fit(bar.label, label_width), label_width)} │{pad(blocks, bar_width)} {bar.shown}".rstrip())
    return lines


def _blocks(cells: Decimal, positive: bool) -> str:
    full = int(cells)
    eighths = int((cells - full) * 8)
    if positive and not full and not eighths:
        eighths = 1  # a figure above zero never vanishes from the chart
    return FULL_BLOCK * full + EIGHTHS[eighths]


def fit(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, an ellipsis marking the cut."""
    if wcswidth(text) <= width:
        return text
    kept = ""
    for char in text:
        if wcswidth(kept + char + ELLIPSIS) > width:
            break
        kept += char
    return kept + ELLIPSIS
