"""A claim to check -> its parts: amounts, thresholds, directions, existence, overspending, org vs org.

Pure: reads the folded question and the spans intent.py found (metrics, years, codes, orgs);
the engine judges each part against the documents. "秦皇岛三公经费2.14万，其中公务接待费0.3万，对吗"
is two amount parts, each about the metric written before its number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import CLAIM_UNITS, PEOPLE_CLASSIFIERS, PEOPLE_NOUNS
from .text import parse_amount

# A number and its unit; people counted with a classifier (12个人, 11名职工) are in 人.
NUMBER_RE = re.compile(r"(?<![\d.])(-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(?:[" + "".join(PEOPLE_CLASSIFIERS) + "]?(?P<people>"
                       + "|".join(PEOPLE_NOUNS) + r")(?!次)|(?P<unit>" + "|".join(map(re.escape, CLAIM_UNITS)) + "))?")
UNIT_WORDS = {"亿": "亿元", "万": "万元", "台": "辆", "部": "辆", "名": "人", "批": "批次"}
# A change from the year before, and which way (the words right before a number or 吗).
CHANGE_RE = re.compile(r"(?:比|较|同比|相比)(?:上年|去年|上一年|\d{4}年|上年度)?")
UP_WORDS = ("增加", "增长", "上升", "上涨", "涨了", "涨", "提高", "多了", "增")
DOWN_WORDS = ("减少", "下降", "下降了", "降低", "降了", "少了", "缩减", "压减", "减")
ABOVE_WORDS = ("超过", "高于", "多于", "大于", "超出", "突破", "达到", "不少于", "至少")
BELOW_WORDS = ("不到", "低于", "少于", "小于", "不足", "未超过", "没超过", "不超过")
# Whether a thing exists: 有没有…, 是否有…, and 有…吗 (有三公经费支出吗, 有公车吗).
EXISTS_RE = re.compile(r"有没有|是否有|有无|有没|是不是有|有[^，。；,;?？吗没无]{1,12}吗[?？]?$")
# That a thing does not exist (江汉区科协没有车，对吗; 张家口无因公出国费吧), not a question whether it does.
ABSENT_RE = re.compile(r"(?<![有是])(?:没有|并无|无)(?!没|无|变化|增减|偿|关)[^，。；,;?？吗]{1,12}(?:[，,]?(?:对吗|是吗|吧|对不对|是不是)|吗$|$)")
OVERSPENT_RE = re.compile(r"超支|超预算|超过(?:了)?(?:年初)?预算|超出(?:了)?(?:年初)?预算|突破(?:了)?(?:年初)?预算")
CHANGES = (("down", DOWN_WORDS), ("up", UP_WORDS))  # 减 before 增: 增减 is told by the sign
MORE_THAN_RE = re.compile(r"比(.{0,12}?)(多|高|大|少|低|小)")
YEAR_BEFORE_RE = re.compile(r"上年|去年|上一年|前一年|\d")  # 比上年多: a change, not one figure against another


@dataclass(frozen=True)
class ClaimPart:
    """One thing a claim says. kind: amount | above | below | up | down | exists | absent | overspent | more | less.

    metric_at: where in the question the metric it is about was named (-1: the question's metric)."""

    kind: str
    value: Decimal | None = None
    unit: str = ""
    metric_at: int = -1


def claim_parts(folded: str, taken: list[tuple[int, int]], metric_spans: list[tuple[int, int]],
                org_count: int) -> list[ClaimPart]:
    """The parts of a claim, in the order they are written. taken: spans that are no claimed
    number (years, codes, org names); metric_spans: where metrics are named."""
    parts: list[ClaimPart] = []
    numbers_at: set[int] = set()
    for match in NUMBER_RE.finditer(folded):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = parse_amount(match.group(1))
        if value is None:
            continue
        unit = "人" if match.group("people") else UNIT_WORDS.get(match.group("unit") or "", match.group("unit") or "")
        before = folded[max(0, match.start() - 8):match.start()]
        metric_at = _metric_before(match.start(), metric_spans)
        parts.append(ClaimPart(_number_kind(before), value, unit, metric_at))
        numbers_at.add(match.start())
    if not any(p.kind in ("up", "down") for p in parts):
        direction = _direction(folded)
        if direction:
            parts.append(ClaimPart(direction, metric_at=_metric_before(len(folded), metric_spans)))
    if ABSENT_RE.search(folded) and not parts:  # 没有车, 无三公经费: the claim is that there is none
        parts.append(ClaimPart("absent"))
    elif EXISTS_RE.search(folded) and not parts:
        parts.append(ClaimPart("exists"))
    if OVERSPENT_RE.search(folded):
        parts = [p for p in parts if p.kind not in ("up", "down")] + [ClaimPart("overspent")]
    if (org_count >= 2 or len(metric_spans) >= 2) and not parts:  # 包头比江汉多吗, 会议费比培训费多吗
        match = MORE_THAN_RE.search(folded)
        if match and not YEAR_BEFORE_RE.match(match.group(1)):
            parts.append(ClaimPart("more" if match.group(2) in "多高大" else "less"))
    return parts


def _metric_before(at: int, metric_spans: list[tuple[int, int]]) -> int:
    before = [start for start, end in metric_spans if end <= at]
    return max(before) if before else -1


def _number_kind(before: str) -> str:
    """What a number claims, from the words just before it."""
    if CHANGE_RE.search(before) or before.rstrip("了").endswith(tuple(UP_WORDS + DOWN_WORDS)):  # 增长了46.2%
        changed = _kind_named(before, CHANGES)
        if changed:
            return changed
    return _kind_named(before, (("below", BELOW_WORDS), ("above", ABOVE_WORDS))) or "amount"


def _direction(folded: str) -> str | None:
    """A change claimed without a number: 比上年减少了吗, 涨了吗."""
    match = CHANGE_RE.search(folded)
    return _kind_named(folded[match.end():match.end() + 4], CHANGES) if match else None


def _kind_named(text: str, kinds: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The first kind one of whose words the text holds."""
    return next((kind for kind, words in kinds if any(word in text for word in words)), None)
