"""Rounding (尾差): when two printed figures agree, and how far apart rounding alone can put them.

Pure Decimal arithmetic on facts; a statement (statements.Statement) is read only for its fact.
"""
from __future__ import annotations

from decimal import Decimal

from ..findings import Severity
from ..models import Fact

# Rounding that is not a finding, in each money unit.
TOLERANCE: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal("0.01"), "亿元": Decimal("0.0001")}
TO_YUAN: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
BLANK_MARK = "表内空白"


def digit(fact: Fact) -> Decimal:
    """One unit of the last digit a figure is printed to, in its own unit. A table drops trailing
    zeros (3.5, 0), so its digit is never coarser than the unit's usual one (0.01 万元, 1 元)."""
    exponent = fact.value.as_tuple().exponent if fact.value is not None else 0
    unit = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(1)
    return min(unit, TOLERANCE.get(fact.unit, unit))


def printed_digit(fact: Fact) -> Decimal:
    """The digit a figure was written to: a narrative's own (约1.2亿元), a table's as `digit`."""
    exponent = fact.value.as_tuple().exponent if fact.value is not None else 0
    if fact.table == "正文" and fact.value and isinstance(exponent, int):
        return max(Decimal(1).scaleb(exponent), digit(fact))
    return digit(fact)


def convert(value: Decimal, unit: str, to: str) -> Decimal:
    return value if unit == to else value * TO_YUAN[unit] / TO_YUAN[to]


def yuan(fact: Fact) -> Decimal:
    return convert(fact.value, fact.unit, "元")


def half(fact: Fact) -> Decimal:
    """Half the printed digit, in 元: how far the true figure may be from the printed one."""
    return convert(printed_digit(fact), fact.unit, "元") / 2


def tolerance(facts: list[Fact], unit: str) -> Decimal:
    """What is no difference at all, in `unit`: half the last digit of the coarser figure. A figure
    written to fewer digits (217.7 万元 in the narrative, 9101.68 万元 for 91016775.35 元) agrees
    with every figure that rounds to it; figures printed alike differ by whole digits, so this
    never hides one of theirs."""
    return max(convert(printed_digit(f), f.unit, unit) / 2 for f in facts)


def rounding(total: Fact, parts: list[Fact], unit: str) -> Decimal:
    """The most that rounding explains, in `unit` (尾差): one unit of the last printed digit, or,
    for a sum, half a unit of each part's last digit (each part printed rounded)."""
    one = max(convert(rounded_digit(f), f.unit, unit) for f in (total, *parts))
    halves = sum((convert(rounded_digit(f), f.unit, unit) / 2 for f in parts if not exact_zero(f)), Decimal(0))
    return max(one, halves)


def rounded_digit(fact: Fact) -> Decimal:
    """The digit rounding may have cut a figure to: a narrative figure printed with decimals to its
    own last one (1.1万元 may be 1.05 to 1.15); any other as `digit` (an amount the text prints
    whole, 34万元, is taken to be exact, as a table's 3.5 is 3.50)."""
    exponent = fact.value.as_tuple().exponent if fact.value is not None else 0
    if fact.table == "正文" and isinstance(exponent, int) and exponent < 0:
        return max(Decimal(1).scaleb(exponent), digit(fact))
    return digit(fact)


def exact_zero(fact: Fact) -> bool:
    """A blank cell (or a bare 0) is nothing, not a small amount rounded away."""
    return fact.value == 0 and (BLANK_MARK in (fact.basis or "") or fact.value.as_tuple().exponent == 0)


def severity(difference: Decimal, total: Fact, parts: list[Fact], unit: str) -> Severity | None:
    """None when the figures agree (to the digits printed), 尾差 within rounding, else 错误."""
    if abs(difference) <= tolerance([total, *parts], unit):
        return None
    return "rounding" if abs(difference) <= rounding(total, parts, unit) else "error"


def in_unit(statement, unit: str) -> Decimal:
    return convert(statement.value, statement.fact.unit, unit)


def differs(a, b, rounding_too: bool = True) -> bool:
    """Two statements of a figure disagree (by more than rounding, unless `rounding_too`)."""
    unit = a.fact.unit
    found = severity(in_unit(a, unit) - in_unit(b, unit), a.fact, [b.fact], unit)
    return found is not None and (rounding_too or found != "rounding")
