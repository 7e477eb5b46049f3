"""Claims: each part of a claim (an amount, a threshold, a direction, existence, overspending,
one org against another) judged against the disclosed figure; true only when every part is."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..lexicon import BASIS_ACTUAL, BASIS_BUDGET, BASIS_CHANGE, BASIS_CHANGE_RATE, BASIS_EXECUTION, BASIS_SHARE
from ..models import Document, Fact
from ..render import amount, wan
from ..text import to_wan
from .choose import choose, of_kind, side_of
from .compare import compare, compare_metrics, figures_named
from .figures import BASIS_SENTENCE, claim_kind, is_computed, rounds_to, unique
from .lookup import lookup
from .notfound import short
from .reply import Reply, Said, answered, clarify, said
from .request import Request
from .search import search
from .subject import missing_subject

SPENT_CLAIM = r"支出了|花了|花费|实际支出|实际花"
Judgement = tuple[str | None, Said, list[Fact]]  # (verdict or None when the documents cannot tell, why, facts shown)


def verify(request: Request) -> Reply:
    query = request.query
    parts = query.claim_parts
    pair = len({f.value for f in query.orgs}) >= 2 or len(figures_named(query)) >= 2
    if pair and parts and parts[0].kind in ("more", "less"):  # 包头比江汉多吗, 会议费比培训费多吗
        return verify_pair(request, parts[0].kind)
    first = parts[0] if parts else None
    asked_kind = claim_kind(first.unit) if first and first.kind in ("amount", "above", "below") else None
    # A count or percent a table does not hold may be told in a sentence (接待5批次, 有2辆科普大篷车).
    told = search(request.asking(kind=asked_kind), units=(first.unit,)) if asked_kind in ("count", "percent") else None
    told = told if told and told.status == "answered" and told.facts else None
    if not request.metric and not told:
        claims = example_claims(request)
        return clarify("verify", said("what_to_verify", example=claims[0] if claims else None),
                       suggestions=[f"{claim}吗" for claim in claims])
    # The claim's side is judged below (a 预算数 told as spending is not true), not filtered out.
    asked = request.asking(side=None, kind=asked_kind)
    missing = missing_subject(asked)  # no org named: the figure of every org, judged by none
    looked = (missing or lookup(asked)) if request.metric else told
    if told and not any(of_kind(f, asked_kind) for f in looked.facts):
        looked = told
    if looked.status != "answered" or not looked.facts or not parts:
        if looked.status == "answered" and not parts:
            looked = replace(looked, said=(said("nothing_to_verify"), *looked.said))
        return looked.as_operation("verify")
    judged = [judge(part, request, missing, looked.facts[0]) for part in parts]
    verdicts = [v for v, _, _ in judged if v is not None]
    reasons = said("judgements", judgements=[why for _, why, _ in judged])
    if not verdicts:
        return replace(looked, said=(reasons, *looked.said)).as_operation("verify")
    verdict = verdicts[0] if len(set(verdicts)) == 1 else "partly"
    facts = unique([f for _, _, shown in judged for f in shown] + list(looked.facts))
    return answered("verify", said("verdict", verdict=verdict, alone=False), reasons, *looked.said, facts=facts,
                    source=looked.source, verdict=verdict)


def example_claims(request: Request) -> list[str]:
    """Claims the index bears out, to show how one is asked: the 三公经费 and 基本支出 of its first documents."""
    claims, index = [], request.index
    for doc, metric in zip(index.documents[:2], ("三公经费", "基本支出")):
        fact = choose([f for f in index.store.facts(org=doc.org, metric=metric, year=doc.year) if f.is_money],
                      doc.doc_kind)
        if fact is not None:
            claims.append(f"{short(doc.org)}{doc.year}年{metric}是{amount(fact.value, fact.unit)}")
    return claims


def verify_pair(request: Request, kind: str) -> Reply:
    """"A 比 B 多，对吗" (two orgs, or two figures of one org): both figures, and whether the first is
    the more (or the less)."""
    if len({f.value for f in request.query.orgs}) >= 2:
        compared = compare(request.asking(intent="compare"))
    else:  # 会议费比培训费多吗: two figures of one org
        asked = request.asking(intent="compare", side=None)
        compared = missing_subject(asked) or compare_metrics(asked)
    orgs = [f for f in compared.facts if not is_computed(f)]
    if compared.status != "answered" or len(orgs) < 2:
        return compared.as_operation("verify")
    a, b = (wan(orgs[0]), wan(orgs[1])) if orgs[0].is_money else (orgs[0].value, orgs[1].value)
    verdict = "true" if (a > b if kind == "more" else a < b) else "false"
    return answered("verify", said("verdict", verdict=verdict, alone=True), *compared.said, facts=compared.facts,
                    source=compared.source, verdict=verdict)


def judge(part, request: Request, missing: Reply | None, lead: Fact) -> Judgement:
    query = request.query
    if lead.basis == BASIS_SENTENCE and part.kind in ("amount", "above", "below"):
        return judge_amount(part, lead, query, lead.metric)
    if missing is not None:
        return None, said("as_answered", reply=missing), []
    named = [f.value for f in sorted(query.codes or query.metrics, key=lambda f: f.start) if f.start == part.metric_at]
    metric = named[0] if named else lead.metric
    index, org, doc = request.index, request.org, request.doc
    facts = index.facts(org, doc, metric, query) if metric != lead.metric or named else \
        index.facts(org, doc, lead.metric, query)
    free = replace(query, side=None)
    if part.kind in ("up", "down"):
        return judge_change(part, facts, doc, free, metric)
    if part.kind == "overspent":
        return judge_overspent(facts, doc, free, metric)
    kinded = [f for f in facts if of_kind(f, claim_kind(part.unit))] if part.kind not in ("exists", "absent") else \
        [f for f in facts if f.value is not None]
    # a percent claimed (其他收入占0.21%) is the share or rate the document states, which a level never is
    stated_percents = (BASIS_SHARE, BASIS_EXECUTION) if claim_kind(part.unit) == "percent" else ()
    fact = lead if lead.metric == metric and lead in kinded else choose(kinded, doc.doc_kind, free,
                                                                         allow=stated_percents)
    if fact is None:
        return None, said("claim_not_written", metric=metric, what="figure"), []
    if part.kind in ("exists", "absent"):
        holds = bool(fact.value) == (part.kind == "exists")
        return ("true" if holds else "false"), said("claim_exists", fact, metric=metric), [fact]
    return judge_amount(part, fact, query, metric)


def judge_amount(part, fact: Fact, query, metric: str) -> Judgement:
    unit = part.unit or fact.unit
    claimed = to_wan(part.value, unit) if unit in ("元", "万元", "亿元") else part.value
    stated = wan(fact) if fact.is_money else fact.value

    def told(outcome: str | None) -> Said:
        return said("claim_amount", fact, metric=metric, value=part.value, unit=unit, outcome=outcome)

    if claimed is None or stated is None:
        return None, told(None), [fact]
    if part.kind in ("above", "below"):
        holds = stated > claimed if part.kind == "above" else stated < claimed
        return ("true" if holds else "false"), told(part.kind if holds else f"not_{part.kind}"), [fact]
    if abs(claimed - stated) <= Decimal("0.005") * (1 if fact.is_money else 0) or claimed == stated:
        if re.search(SPENT_CLAIM, query.folded) and (fact.basis or "").startswith(BASIS_BUDGET):
            return "false", told("budget_not_spent"), [fact]
        return "true", told("agrees"), [fact]
    if rounds_to(stated, claimed):
        return "partly", told("rounded"), [fact]
    return "false", told("differs"), [fact]


def judge_change(part, facts: list[Fact], doc: Document, query, metric: str) -> Judgement:
    """比上年增加/减少（了多少）: the direction first; an amount told with the wrong direction is not true."""
    amount = choose([f for f in facts if f.basis == BASIS_CHANGE], doc.doc_kind, query, allow=(BASIS_CHANGE,))
    rate = choose([f for f in facts if f.basis == BASIS_CHANGE_RATE], doc.doc_kind, query, allow=(BASIS_CHANGE_RATE,))
    told = amount or rate
    if told is None:
        return None, said("claim_not_written", metric=metric, what="change"), []
    actual = "up" if told.value > 0 else "down" if told.value < 0 else "flat"
    shown = [f for f in (amount, rate) if f]

    def change_told(outcome: str | None) -> Said:
        return said("claim_change", *shown, metric=metric, amount=amount, rate=rate, actual=actual,
                    claimed_direction=part.kind, value=part.value, unit=part.unit, outcome=outcome)

    if actual != part.kind:
        return "false", change_told("direction"), shown
    if part.value is None:
        return "true", change_told(None), shown
    against = rate if part.unit == "%" else amount
    if against is None:
        return None, change_told("no_such_change"), shown
    claimed = abs(to_wan(part.value, part.unit) if part.unit in ("元", "万元", "亿元") else part.value)
    stated = abs(wan(against) if against.is_money else against.value)
    if abs(claimed - stated) <= Decimal("0.005"):
        return "true", change_told(None), shown
    return "partly", change_told("amount"), shown


def judge_overspent(facts: list[Fact], doc: Document, query, metric: str) -> Judgement:
    money = [f for f in facts if f.is_money]
    budget = choose([f for f in money if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind, query)
    actual = choose([f for f in money if side_of(f) == BASIS_ACTUAL], doc.doc_kind, query)
    if not budget or not actual:
        return None, said("claim_not_written", metric=metric, what="both_sides"), []
    over = wan(actual) > wan(budget)
    return ("true" if over else "false"), said("claim_overspent", actual, budget, metric=metric, over=over), \
        [actual, budget]
