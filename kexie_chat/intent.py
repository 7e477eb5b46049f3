"""Question -> what is asked: orgs, years, metrics, codes, a claimed figure, and the intent.

Intent rules are data, tried in order; the first whose pattern matches wins (its name is
the intent). Entity mentions come from match.py; this module only reads the words around.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .match import Found, MetricMatcher, OrgMatcher
from .text import find_years, fold, parse_amount

MAX_QUESTION = 500
INTENT_RULES: tuple[tuple[str, str], ...] = (
    ("verify", r"核实|核查|属实|对吗|对不对|是不是真的|准确吗|正确吗|是否为|是否是|有报道|据报道|\d[\d.,]*(?:万元|元|亿元|%)?吗"),
    ("catalog", r"有哪些单位|哪些单位有|哪些部门|有什么数据|哪些年份|哪几年|哪些年|数据有哪些|有哪些数据|哪些文件|哪些文档|什么年份|列出"),
    ("definition", r"什么是|是什么意思|的定义|定义是|指什么|含义|什么叫|名词解释|^解释"),
    ("contact", r"电话|联系方式|联系人|怎么联系"),
    ("rank", r"最高|最低|最多|最少|排名|排序|从高到低|从低到高|从大到小|从小到大|前三|哪个单位|哪家"),
    ("compare", r"比较|对比|相比|和.{1,12}比|与.{1,12}比|哪个多|哪个高|差多少|差距"),
    ("share", r"占比|比例|比重|占.{0,6}多少|百分之几|占多大"),
    ("change", r"比上年|比去年|较上年|同比|比\d{4}年|较\d{4}年|增加多少|减少多少|增长多少|增长率|增速|变化|增减|增幅|降幅"),
    ("budget_vs_actual", r"预算和实际|预算与实际|预算和决算|预算与决算|预算数和决算数|预算.{0,4}(?:实际|执行)|执行率|完成率|完成预算"),
    ("breakdown", r"构成|组成|包括哪些|包含哪些|明细|分项|由哪些|结构|都有什么|分别是"),
)
_RULES = [(name, re.compile(pattern)) for name, pattern in INTENT_RULES]
# First character -> (folded name, item, metric) of the things tables list by name, longest first.
ItemVocabulary = dict[str, list[tuple[str, str, str]]]
CLAIM_RE = re.compile(r"(-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元|%|辆|人)?")
# Words that add nothing to an org named alone ("包头呢", "秦皇岛科协的情况").
FILLER_RE = re.compile(r"科学技术协会|科协|市|区|的|呢|吗|\?|？|情况|数据|怎么样|如何|[，。,.!！]")
BUDGET_WORDS = re.compile(r"预算|安排|计划")
ACTUAL_WORDS = re.compile(r"决算|实际|执行|花了|花费|用了|支出了")


@dataclass
class Query:
    text: str
    folded: str
    intent: str = "lookup"
    orgs: list[Found] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    metrics: list[Found] = field(default_factory=list)
    codes: list[Found] = field(default_factory=list)
    unknown_place: str | None = None
    claim: tuple[Decimal, str] | None = None
    item: str | None = None  # a thing a table lists by name: a project, a purchase
    wants_budget: bool = False
    wants_actual: bool = False

    @property
    def metric(self) -> str | None:
        first = self.codes or self.metrics
        return first[0].value if first else None

    @property
    def code(self) -> str | None:
        return self.codes[0].how if self.codes else None

    def words_left(self) -> str:
        """The question with the orgs and years taken out: what a search looks for."""
        taken = set()
        for found in self.orgs:
            taken |= set(range(found.start, found.end))
        text = "".join(ch for i, ch in enumerate(self.folded) if i not in taken)
        for year, _, _ in find_years(text):
            text = text.replace(str(year) + "年", "").replace(str(year), "")
        return text


def parse_question(text: str, orgs: OrgMatcher, metrics: MetricMatcher,
                   items: ItemVocabulary | None = None) -> Query:
    """items: the things tables list by name (projects, purchases), see ItemVocabulary."""
    folded = fold(text)[:MAX_QUESTION]
    query = Query(text=text, folded=folded)
    query.orgs = orgs.find(folded)
    years = find_years(folded)
    query.years = [year for year, _, _ in years]
    skip = {i for found in query.orgs for i in range(found.start, found.end)}
    item = _item(folded, skip, items or {}, metrics.words)
    if item:
        query.item = item[0]
        skip |= set(range(item[1].start, item[1].end))
    skip |= {i for _, start, end in years for i in range(start, end)}
    query.codes = metrics.find_codes(folded, skip)
    skip |= {i for found in query.codes for i in range(found.start, found.end)}
    query.metrics = sorted(metrics.find(folded, skip) + ([item[1]] if item else []), key=lambda f: f.start)
    if not query.metrics and not query.codes:
        query.metrics = metrics.find_typos(folded, skip)
    if not query.orgs:
        query.unknown_place = orgs.unknown_place(folded)
    query.intent = _intent(_without_orgs(folded, query.orgs), query)
    if query.intent == "verify":
        query.claim = _claim(folded, skip_years=years, codes=query.codes)
    query.wants_budget = bool(BUDGET_WORDS.search(folded))
    query.wants_actual = bool(ACTUAL_WORDS.search(folded))
    return query


def _item(folded: str, skip: set[int], items: ItemVocabulary, metric_words: set[str]) -> tuple[str, Found] | None:
    """The first listed thing named in the question (longest at its place), as its item name and metric.

    A project named like a metric (科普活动) is the project only when called one (科普活动项目).
    """
    for start, ch in enumerate(folded):
        for name, item, metric in items.get(ch, ()):
            end = start + len(name)
            if not folded.startswith(name, start) or skip & set(range(start, end)):
                continue
            if name in metric_words and not folded.startswith("项目", end):
                continue
            return item, Found(metric, start, end, "item")
    return None


def _without_orgs(folded: str, orgs: list[Found]) -> str:
    """The question with each org's name blanked: the 和 of 和平区 or 呼和浩特 is no conjunction."""
    for found in orgs:
        folded = folded[:found.start] + "□" * (found.end - found.start) + folded[found.end:]
    return folded


def _intent(folded: str, query: Query) -> str:
    for name, pattern in _RULES:
        if pattern.search(folded):
            if name == "compare" and "比" in folded and not ("比较" in folded or "对比" in folded) \
                    and len(query.orgs) < 2 and re.search(r"比上年|比去年|比\d{4}年", folded):
                return "change"
            return name
    if query.metrics or query.codes:
        return "lookup"
    if query.orgs and not re.sub(FILLER_RE, "", query.words_left()):
        return "org_only"
    return "search"


def _claim(folded: str, skip_years, codes) -> tuple[Decimal, str] | None:
    spans = {(start, end) for _, start, end in skip_years} | {(c.start, c.end) for c in codes}
    for match in CLAIM_RE.finditer(folded):
        if any(start <= match.start() < end for start, end in spans):
            continue
        value = parse_amount(match.group(1))
        if value is not None:
            return value, match.group(2) or ""
    return None
