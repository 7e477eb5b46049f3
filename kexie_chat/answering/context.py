"""What a conversation remembers between questions, and how a follow-up is read with it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..intent import PREVIOUS_RE, Query
from ..lexicon import SPENT_ON
from ..match import Found
from ..models import Answer, Fact


@dataclass
class Context:
    """What a conversation remembers between questions."""

    org: str | None = None
    year: int | None = None
    metric: str | None = None
    facts: list[Fact] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)  # the orgs of the last comparison or ranking
    side: str | None = None  # 预算 | 决算 once asked for, kept while the org stays (预算数呢, 公务用车呢)
    side_org: str | None = None
    intent: str | None = None  # the last operation, kept by a follow-up naming only a metric
    asked: list[str] = field(default_factory=list)  # the orgs answered about, one at a time, latest last


# A follow-up that names only a metric keeps these operations (比上年增加了多少 → 项目支出呢).
KEPT_OPERATIONS = ("change", "share", "rate", "compare", "rank", "budget_vs_actual")
# Words that say a follow-up is about the org just answered (它的基本支出呢 after a ranking).
THAT_ORG_RE = re.compile(r"它|该单位|这个单位|这家|那家|该科协|他们|人家")
# What a follow-up about the last figure says besides its side or kind (预算数呢, 值多少钱, 年初预算是多少):
# anything else left (其中科普大篷车几辆) names another thing.
OTHER_WORDS_RE = re.compile(r"预算数?|决算数?|年初|全年|调整|实际|执行数|数|呢|吗|是|多少|几|钱|值|价值|金额|那么?|的|"
                            r"有|了|呀|啊|[?？,，。!！\s]|[辆台部人名位天场次个元万%]")
# A year said alone (2020年呢, 二〇二〇年的呢, 去年呢): the same figure of another year.
YEAR_WORDS_RE = re.compile(r"\d{2,4}年度?|[〇零一二三四五六七八九]{2,4}年度?|" + PREVIOUS_RE.pattern)
# Words that add orgs to the last comparison (加上包头呢).
ADD_ORG_RE = re.compile(r"加上|还有|再加|加入|算上|连同|以及")


def follow_up(query: Query, context: Context) -> Query:
    """A question read with what the conversation remembers: the side and operation a follow-up
    leaves unsaid, orgs added to a comparison, 它 for the org just answered."""
    named_metric = bool(query.metrics or query.codes or query.item)
    if query.orgs and ADD_ORG_RE.search(query.folded) and context.orgs and context.intent in ("compare", "rank"):
        return replace(query, intent="compare", extra_orgs=[o for o in context.orgs
                                                            if o not in {f.value for f in query.orgs}])
    if not query.orgs and THAT_ORG_RE.search(query.folded) and context.org:
        return replace(query, intent="lookup" if query.intent in ("rank", "compare", "search") else query.intent)
    previous = bool(PREVIOUS_RE.search(query.folded))
    if query.intent in ("search", "org_only", "lookup") and not query.orgs and context.metric and not named_metric \
            and (query.side or query.kind or query.years or previous) \
            and len(OTHER_WORDS_RE.sub("", YEAR_WORDS_RE.sub("", query.folded))) < 2:
        return replace(query, intent="lookup", side=query.side or context.side, previous=previous,
                       metrics=_spent_on(context.metric) if query.kind == "money" else query.metrics)
    if named_metric and not query.orgs and query.intent == "lookup":
        intent = context.intent if context.intent in KEPT_OPERATIONS else "lookup"
        side = query.side or (context.side if context.side_org == context.org else None)
        return replace(query, intent=intent, side=side)
    return query


def _spent_on(metric: str) -> list[Found]:
    """花了多少钱 after a count (公车 → 1辆): the money spent on what was counted, when there is such a figure."""
    return [Found(SPENT_ON[metric], 0, 0, "spent")] if metric in SPENT_ON else []


def remember(context: Context, answer: Answer, query: Query) -> None:
    """What a follow-up may leave unsaid: org, year, metric, side and operation; a turn that found
    nothing still remembers the metric it asked about (石家庄…三公经费, then 张家口呢)."""
    if answer.status != "answered" or not answer.facts:
        if query.metric and answer.status == "not_found":
            context.metric = query.metric
            context.year = query.years[0] if query.years else context.year
        return
    first = answer.facts[0]
    if answer.intent in ("rank", "compare"):
        context.orgs = list(dict.fromkeys(f.org for f in answer.facts))
        context.org = first.org if answer.intent == "rank" else context.org or first.org
        context.year = first.year if answer.intent == "rank" else context.year
    else:
        context.org, context.year = first.org, first.year
        context.asked = [org for org in context.asked if org != first.org] + [first.org]
    if first.org != context.side_org:
        context.side = None
    if query.side:
        context.side, context.side_org = query.side, first.org
    context.metric = first.metric if first.metric != "联系电话" else context.metric
    context.intent = answer.intent
    context.facts = answer.facts
