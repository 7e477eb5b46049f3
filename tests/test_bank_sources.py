"""Every figure a bank case expects is printed on the corpus line its case cites.

A bank case (tests/questions/*.jsonl) may carry "src": ["file:line", ...] (on the case, or on each
turn of a conversation) and "calc": "a-b=c" for a figure the document does not print but a reporter
asks for (a difference, a share): then each operand must be on a cited line and the arithmetic must
hold. So a reviewer never has to trust the bank's author: a mistyped figure or line fails here.
Money is expected in 万元; a document kept in 元 prints the figure ×10000.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from scripts.score import load_cases, turns

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers_on(refs: list[str]) -> list[Decimal]:
    found = []
    for ref in refs:
        doc, line = ref.rsplit(":", 1)
        lines = (CORPUS / doc).read_text(encoding="utf-8").splitlines()
        assert 1 <= int(line) <= len(lines), f"{ref}: no such line"
        found += [Decimal(n) for n in NUMBER.findall(lines[int(line) - 1].translate(FULL_WIDTH))]
    return found


def printed(want: float, found: list[Decimal], computed: list[Decimal]) -> bool:
    """`want` is on the line (in 万元 or in 元), or is a computed figure rounded to its own digits."""
    want = abs(Decimal(str(want)))
    half_digit = Decimal("0.5").scaleb(want.as_tuple().exponent) + Decimal("1e-9")
    return any(n in (want, want * 10000) for n in found) or any(abs(c - want) <= half_digit for c in computed)


def check_calc(calc: str, found: list[Decimal]) -> Decimal:
    expr, result = calc.split("=")
    for operand in NUMBER.findall(expr):
        if operand != "100":  # ×100 of a percentage
            assert printed(float(operand), found, []), f"{calc}: {operand} is not on the cited lines"
    got = eval(expr, {"__builtins__": {}})  # noqa: S307 - the bank's own arithmetic, digits and + - * /
    places = Decimal(1).scaleb(-len(result.split(".")[1]) if "." in result else 0)
    assert abs(Decimal(str(got)) - Decimal(result)) <= places, f"{calc}: the arithmetic gives {got}"
    return Decimal(result)


def expected_numbers(expect: dict) -> tuple[list[float], list[float]]:
    """(each must be printed, at least one must be printed)."""
    must = list(expect.get("values", [])) + list(expect.get("all_of", []))
    needles = expect.get("text_contains", [])
    must += [float(n) for n in ([needles] if isinstance(needles, str) else needles) if NUMBER.fullmatch(n)]
    return must, list(expect.get("any_of", []))


SOURCED = [(case["id"] + (f".{i}" if "turns" in case else ""), turn, case.get("calc"))
           for case in load_cases() if "src" in case or any("src" in t for t in case.get("turns", []))
           for i, turn in enumerate(case.get("turns") or [case], 1)]


@pytest.mark.parametrize("label,turn,calc", SOURCED, ids=[s[0] for s in SOURCED])
def test_expected_figures_are_on_their_cited_lines(label, turn, calc):
    must, one_of = expected_numbers(turn["expect"])
    if not turn.get("src"):
        assert not must and not one_of, f"{label}: figures expected without a src line"
        return
    found = numbers_on(turn["src"])
    computed = [check_calc(calc, found)] if calc else []
    for want in must:
        assert printed(want, found, computed), f"{label}: {want} is not printed on {turn['src']}"
    if one_of:
        assert any(printed(w, found, computed) for w in one_of), f"{label}: none of {one_of} on {turn['src']}"


def test_the_reporters_bank_cites_its_sources():
    reporters = [c for c in load_cases() if c["id"][0] in "rscpvat" and c["id"][1:].isdigit()]
    assert len(reporters) >= 300
    for case in reporters:
        for turn in turns(case) if "turns" in case else [case]:
            if set(turn["expect"]) & {"values", "any_of", "all_of"}:
                assert turn.get("src"), f"{case['id']}: a figure without its source line"
