"""One metric across orgs: a comparison of the orgs named, or a ranking of every org."""
from __future__ import annotations

import re

from ..models import Fact
from ..render import wan
from .choose import choose, of_kind, side_of
from .context import Context
from .figures import computed
from .notfound import examples, short
from .reply import Reply, Said, answered, not_found, said
from .request import Request

ASCENDING_WORDS = r"最低|最少|最小|从低到高|从小到大|谁少|谁低|谁小|哪个少|哪个低|哪个小|谁更少|谁更低"
WHICH_WORDS = r"谁|哪个|哪家"  # a comparison that asks which is more is told largest first


def across(request: Request, metric: str, intent: str, orgs: list[str] | None = None, partner: bool = True) -> Reply:
    """One metric of several orgs (all when none are given), side by side or ranked. partner: the
    first two are the two compared (their difference and ratio); without, the first is the one
    asked about, shown among all (no other org is guessed to be its match)."""
    query, index = request.query, request.index
    orgs = orgs or sorted(index.by_org)
    docs = {org: doc for org in orgs for doc in [index.doc_for(org, query, Context())[0]] if doc is not None}
    found = index.facts_across(docs, metric, query)
    facts = []
    for org in orgs:
        if org not in docs:
            continue
        fact = choose([f for f in found.get(org, []) if of_kind(f, query.kind)], docs[org].doc_kind, query)
        if fact is not None and fact.value is not None:
            facts.append(fact)
    metric = f"{metric}的{query.column_word.value}" if query.column_word else metric  # the cell compared
    if not facts:
        return not_found(intent, said("nothing_across", metric=metric), suggestions=examples(index.documents))
    ascending = bool(re.search(ASCENDING_WORDS, query.folded))
    if intent == "rank" or re.search(WHICH_WORDS, query.folded):
        facts.sort(key=lambda f: (wan(f) if wan(f) is not None else f.value), reverse=not ascending)
    answered_orgs = {f.org for f in facts}
    missing = [o for o in orgs if o not in answered_orgs] if len(orgs) < len(index.documents) + 1 else []
    headline, added = [], []
    if intent == "rank":
        headline = [said("rank_top", facts[0], metric=metric, ascending=ascending)]
    elif not partner:
        headline = [said("compared_with_all", metric=metric, org=orgs[0])]
    elif len(facts) >= 2:
        pair, added = pair_of(metric, facts[0], facts[1])
        headline = [pair] if pair else []
    rows = said("across_table", *facts, metric=metric, operation=intent, sides=[side_of(f) for f in facts],
                missing=missing)
    return answered(intent, *headline, rows, facts=facts + added)


def pair_of(metric: str, first: Fact, second: Fact) -> tuple[Said | None, list[Fact]]:
    """The headline of a comparison: both figures, how much more and how many times (计算得出)."""
    a, b = (wan(first), wan(second)) if first.is_money and second.is_money else (first.value, second.value)
    if a is None or b is None or first.is_money != second.is_money:
        return None, []
    if a == b:
        return said("pair", first, second, metric=metric, sides=[side_of(first), side_of(second)], times=None), []
    name_a, name_b = short(first.org), short(second.org)
    difference = computed(first, second, "difference", f"{name_a}−{name_b}")
    times = computed(first, second, "times", f"{name_a}÷{name_b}")
    return (said("pair", first, second, metric=metric, sides=[side_of(first), side_of(second)], times=times),
            [f for f in (difference, times) if f is not None])
