"""Figures computed from a document's own (difference, ratio, share, rate), and how claimed and
stated figures are compared. Arithmetic only: which figures to use is choose.py's."""
from __future__ import annotations

from decimal import Decimal

from ..models import Fact
from ..render import wan

BASIS_COMPUTED = "计算得出"
BASIS_SENTENCE = "文字表述"


def computed(first: Fact, second: Fact, operation: str, how: str) -> Fact | None:
    """A figure computed from two of the document's own (A ÷ B as a percent, A − B, A ÷ B as times),
    labelled 计算得出 with how; its source is the first input's line (the text names both)."""
    a, b = wan(first) if first.is_money else first.value, wan(second) if second.is_money else second.value
    if a is None or b is None:
        return None
    if operation in ("share", "rate"):
        if not b:
            return None
        value, unit = (a / b * 100).quantize(Decimal("0.01")), "%"
    elif operation == "times":
        if not b:
            return None
        ratio = a / b  # 1.00 is 867.50's 0.0012 倍, not its "0.00 倍"
        value = ratio.quantize(Decimal("0.01")) if abs(ratio) >= Decimal("0.01") or not ratio else \
            Decimal(format(ratio, ".2g"))
        unit = "倍"
    elif operation == "sum":
        value, unit = (a + b).normalize(), "万元" if first.is_money else first.unit
    else:  # difference
        value, unit = (a - b).normalize(), "万元" if first.is_money else first.unit
    return Fact.model_construct(org=first.org, year=first.year, doc_kind=first.doc_kind, metric=first.metric,
                                code=first.code, value=value, unit=unit, basis=f"{BASIS_COMPUTED}：{how}",
                                source=first.source, scope=first.scope, table=first.table, item=first.item, text=None)


def is_computed(fact: Fact) -> bool:
    return (fact.basis or "").startswith(BASIS_COMPUTED)


def agree(stated: Decimal, computed: Decimal) -> bool:
    """Whether a computed percent rounds to the stated one (stated to its own decimals)."""
    places = max(0, -stated.normalize().as_tuple().exponent)
    step = Decimal(1).scaleb(-places)
    return abs(computed.quantize(step) - stated) <= step


def unique(facts: list[Fact]) -> list[Fact]:
    """Facts in order, each once (the same figure of the same line shown by two parts)."""
    seen, kept = set(), []
    for fact in facts:
        key = (fact.metric, fact.basis, fact.value, fact.source.doc, fact.source.line, fact.item)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def claim_kind(unit: str) -> str | None:
    """The kind of figure a claimed number is, by its unit (none said: any)."""
    if unit in ("元", "万元", "亿元"):
        return "money"
    if unit == "%":
        return "percent"
    return "count" if unit else None


# A round number is another way of saying a figure only when it is near it: 200 for 171.01 rounds
# to the hundred, yet a reporter told "约数" would print a figure 17% off.
ROUNDED_CLAIM_SHARE = Decimal("0.05")


def rounds_to(stated: Decimal, claimed: Decimal) -> bool:
    """Whether a claimed round number is the stated one rounded (602.82 told as 600): a claim's
    trailing zeros say how precise it means to be."""
    if claimed == 0 or claimed != claimed.to_integral_value():
        return False
    digits = str(int(abs(claimed)))
    place = len(digits) - len(digits.rstrip("0"))
    if place == 0:
        return False
    step = Decimal(10) ** place
    close = abs(stated - claimed) <= abs(stated) * ROUNDED_CLAIM_SHARE
    return close and (stated / step).quantize(Decimal(1)) * step == claimed
