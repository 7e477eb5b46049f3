"""A figure written only in a sentence -> the number a question asks for, found beside its words.

Pure: a passage's text, the question's key words and the units wanted in, the nearest such
number out (or none). A number is taken only in the clause that names the thing asked
(no 。；between them) and close to its words, so that a sentence about something else never
lends its figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import MEASURES, SENTENCE_STAGES
from .text import parse_amount

NUMBER_RE = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万人次|人次|批次|万元|亿元|元|%|[辆台部人名天场家所个座本册篇批次位项期])")
CLAUSE_ENDS = "。；;！!？?\n"
BOUND_RE = re.compile(r"不少于|不低于|不超过|不高于|至少|超过|(?<![节预制契条公])约|(?<![最接附临])近|将近|力争")
BOUND_AFTER = ("以上", "以下", "左右", "余", "多")
VALUE_WORDS = ("价值", "金额", "面积", "人数", "数量", "比例", "得分", "总分")
# A number right after a change word is how much something changed (比年初预算数增加79.69万元),
# not its level: taken only when the question asks with that word (新增了几个).
CHANGE_BEFORE_RE = re.compile(r"(增加|减少|增长|下降|降低|上升|提高|节约|节省|超支|超出|增|减|多|少)了?\s*$")
NEAR = 14
WINDOW = 30  # characters before a number in which the thing's words are counted  # characters between the thing's words and its number, at most
# A level asked without its unit (公民科学素质达到多少): any unit, but only written right after the
# thing's whole name, every word of it (TIGHT characters at most between them).
LEVEL_ASKED_RE = re.compile(r"(?:达到?|为|是)了?(?:多少|几)")
ANY_UNIT = ("%", "万人次", "人次", "批次", "万元", "亿元", "元", "辆", "台", "部", "人", "名", "天", "场", "家", "所",
            "个", "座", "本", "册", "篇", "批", "次", "位", "项", "期")
TIGHT = 4
# The measure word a question asks with -> the units a sentence may give the count in.
ASK_RE = re.compile(r"(?:几|多少)(个人|人次|观众|[辆台部人名位天场次期家所个座本册篇批项])")


@dataclass(frozen=True)
class SentenceFigure:
    value: Decimal
    unit: str
    start: int  # where the number starts in the passage


def units_asked(folded: str, kind: str | None) -> tuple[str, ...]:
    """The units a question's number may come in: its measure word's, else its kind's."""
    match = ASK_RE.search(folded)
    if match:
        word = "人" if match.group(1) == "个人" else match.group(1)
        return MEASURES.get(word, (word,))
    if kind == "money":
        return ("万元", "元", "亿元")
    if kind == "percent":
        return ("%",)
    if kind is None and LEVEL_ASKED_RE.search(folded):
        return ANY_UNIT
    return ()


def figure_in(text: str, words: list[str], units: tuple[str, ...], bounds: bool = False) -> SentenceFigure | None:
    """The number in one of the units whose clause names the most of the question's words just
    before it (居民具备基本科学素质比例已达13.5%, not the goal 比例达到10% after it), the nearest on a tie;
    none when two numbers are told as alike (1座 2座: a target and what was done)."""
    if not units or not words:
        return None
    longest = max(map(len, words))
    # A figure sits by the thing's own name (科普大篷车) or a word for a value (价值); a short
    # general word (预算, 项目) inside another phrase anchors nothing when a longer name is asked.
    anchors = [w for w in words if len(w) >= 3 or w in VALUE_WORDS] if longest >= 3 else words
    scored: list[tuple[int, int, SentenceFigure]] = []
    matches = [m for m in NUMBER_RE.finditer(text) if m.group(2) in units]
    # 40 个 68 个: a target and what was done, side by side (a 绩效 row, read as its own facts): not ours to pick
    paired = {i for i in range(len(matches) - 1)
              if not text[matches[i].end():matches[i + 1].start()].strip(" \t、，,/")}
    paired |= {i + 1 for i in paired}
    for index, match in enumerate(matches):
        value = parse_amount(match.group(1))
        if value is None or index in paired:
            continue
        if not bounds and (BOUND_RE.search(text[max(0, match.start() - 4):match.start()])
                           or text.startswith(BOUND_AFTER, match.end())):
            continue  # 不少于1万人次: a bound, taken only where no passage states the figure itself
        since = matches[index - 1].end() if index else 0  # an enumeration: each number's own words
        before = _clause(text[max(since, match.start() - WINDOW):match.start()], last=True)
        after = _clause(text[match.end():match.end() + NEAR], last=False)
        named = [w for w in words if w in before or w in after]
        near = [len(before) - before.rfind(w) - len(w) if w in before else after.find(w) * 2 + 2
                for w in anchors if w in before or w in after]
        change = CHANGE_BEFORE_RE.search(before)
        if change and not any(change.group(1) in word for word in words):
            continue  # 比年初预算数增加 79.69万元: a change, not the 年初预算
        if units is ANY_UNIT and not _tight(words, before):
            continue  # 科学素质达 10.3%: the thing's name, whole, just before the number
        if near and min(near) <= NEAR:
            # the longest run of the question's words written as one phrase around the number
            # (市级科普示范社区39个, 新建 1 个社区科技馆), the name written before it on a tie
            rank = (-_phrase(words, before.rstrip() + after), -_phrase(words, before), -len(named))
            scored.append((rank, min(near), SentenceFigure(value, match.group(2), match.start())))
    if not scored:
        return None
    scored.sort(key=lambda c: (c[0], c[1]))
    best = scored[0]
    rivals = {c[2].value for c in scored[1:] if c[0] == best[0] and c[1] <= best[1] + 3 and c[2].unit == best[2].unit}
    return None if rivals - {best[2].value} else best[2]


def _tight(words: list[str], before: str) -> bool:
    """Whether the question's words, all of them written as one phrase, end within TIGHT
    characters of the number (公民科学素质达 10.3%)."""
    phrase = "".join(words)
    at = before.rfind(phrase)
    return at >= 0 and len(before) - at - len(phrase) <= TIGHT


def _phrase(words: list[str], text: str) -> int:
    """The length of the longest run of the question's words that the text writes as one phrase:
    市级科普示范社区39个 names the thing asked, not 省级科普示范社区10个 beside it."""
    best = 0
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            run = "".join(words[i:j])
            if run not in text:
                break
            best = max(best, len(run))
    return best


def _clause(text: str, last: bool) -> str:
    """The part of a text within one clause of the number: after the last clause end before it,
    or before the first one after it."""
    cuts = [i for i, ch in enumerate(text) if ch in CLAUSE_ENDS]
    if not cuts:
        return text
    return text[cuts[-1] + 1:] if last else text[:cuts[0]]


def stage_of(text: str, at: int) -> str | None:
    """Whether the number at `at` is told as what was planned or what was done: the label written
    last before it in its passage (预期目标：… vs 目标实际完成情况：…), none when neither is."""
    found = [(where + len(label), stage) for stage, labels in SENTENCE_STAGES for label in labels
             for where in [text.rfind(label, 0, at)] if where >= 0]
    return max(found)[1] if found else None
