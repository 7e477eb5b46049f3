"""Figures of one org worked out from others: share (A 占 B), execution rate, change from the year
before, budget against actual, the sum of named figures. A figure the document states comes first;
a computed one says so."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import BASIS_ACTUAL, BASIS_BUDGET, BASIS_CHANGE, BASIS_CHANGE_RATE, BASIS_EXECUTION, BASIS_PREVIOUS, \
    BASIS_SHARE, METRIC_PARTS, SHARE_WHOLE_SUGGESTIONS
from ..models import Document, Fact
from .choose import choose, side_of
from .figures import agree, computed, unique
from .lookup import lookup
from .notfound import no_metric, short
from .reply import Reply, answered, not_found, said
from .request import Request


def share(request: Request) -> Reply:
    """The share of the named pair (A 占 B), else of the total the metric is a part of.

    A share the document states comes first; when the pair's own figures give another value,
    both are shown and the answer says so (a stated share may be of another total)."""
    query, index = request.query, request.index
    org, doc = request.org, request.doc
    named = [f.value for f in (query.codes or query.metrics)]
    metric = named[0] if len(named) >= 2 else request.metric
    base_metric = named[-1] if len(named) >= 2 and named[-1] != metric else \
        next((p for p, parts in METRIC_PARTS.items() if metric in parts), None)
    facts = index.facts(org, doc, metric, query)
    stated = choose([f for f in facts if (f.basis or "").startswith(BASIS_SHARE)], doc.doc_kind, query,
                    allow=(BASIS_SHARE,))
    part = choose([f for f in facts if f.is_money], doc.doc_kind, query)
    base = choose([f for f in index.store.facts(org=org, metric=base_metric, year=doc.year) if f.is_money],
                  doc.doc_kind, query) if base_metric else None
    share_of = computed(part, base, "share", f"{metric}÷{base_metric}") if part and base else None
    if stated is None and share_of is None and base_metric is None and part is not None:
        wholes = [w for w in SHARE_WHOLE_SUGGESTIONS if w != metric and index.store.facts(org=org, metric=w, year=doc.year)]
        return not_found("share", said("no_share_whole", doc=doc, metric=metric, wholes=wholes or ["支出合计"]),
                         suggestions=[f"{short(org)}{doc.year}年{metric}占{w}的比例" for w in wholes])
    if stated is None and share_of is None:
        return no_metric(request, org, doc, metric, asked="share", of=base_metric)
    statements = list(request.notes)
    if stated is not None:
        statements.append(said("stated_share", stated, metric=metric))
    if share_of is not None:
        statements.append(said("computed_share", part, base, share_of, metric=metric, base_metric=base_metric,
                               after_stated=stated is not None))
    if stated is None or share_of is None or agree(stated.value, share_of.value):
        lead = [f for f in (stated, share_of) if f is not None]
    else:
        statements.append(said("shares_disagree", stated))
        lead = [share_of, stated] if len(named) >= 2 else [stated, share_of]
    facts = [*lead, *(f for f in (part, base) if f is not None and share_of is not None)]
    return answered("share", *statements, facts=facts, source=said("source", lead[0] if lead[0] is stated else part))


def rate(request: Request) -> Reply:
    """执行率: the 决算 figure over the 年初预算 figure; the rate the document states comes first."""
    query, index = request.query, request.index
    org, metric, doc = request.org, request.metric, request.doc
    free = replace(query, side=None, wants_budget=False, wants_actual=False)
    facts = index.facts(org, doc, metric, query)
    stated = choose([f for f in facts if f.basis == BASIS_EXECUTION], doc.doc_kind, free, allow=(BASIS_EXECUTION,))
    money = [f for f in facts if f.is_money]
    budget = choose([f for f in money if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind, free)
    actual = choose([f for f in money if side_of(f) == BASIS_ACTUAL], doc.doc_kind, free)
    rate_of = computed(actual, budget, "rate", "决算数÷预算数") if actual and budget else None
    if stated is None and rate_of is None:
        return not_found("rate", said("no_rate", *facts[:1], doc=doc, metric=metric),
                         suggestions=[f"{short(org)}{doc.year}年{metric}"])
    statements = list(request.notes)
    if stated is not None:
        statements.append(said("stated_rate", stated, metric=metric))
    if rate_of is not None:
        statements.append(said("computed_rate", actual, budget, rate_of, after_stated=stated is not None))
    if stated is not None and rate_of is not None and not agree(stated.value, rate_of.value):
        statements.append(said("rates_disagree"))
    lead = [f for f in (stated, rate_of) if f is not None]
    return answered("rate", *statements, facts=[*lead, *(f for f in (actual, budget) if f)],
                    source=said("source", stated or actual))


def change(request: Request) -> Reply:
    query, index = request.query, request.index
    org, metric = request.org, request.metric
    docs = index.docs(org)  # the request's document: its year and its scope (部门预算 before 单位预算)
    doc = request.doc or next((d for d in docs if d.year in query.years), None) or max(docs, key=lambda d: d.year)
    facts = index.facts(org, doc, metric, query)
    changes = [f for f in facts if (f.basis or "").startswith((BASIS_CHANGE, BASIS_CHANGE_RATE))]
    changes = [f for f in changes if f.source.doc == doc.doc] or changes  # the 部门预算's own before a 单位预算's
    if changes:
        amount = next((f for f in changes if f.basis == BASIS_CHANGE), changes[0])
        rate_of = next((f for f in changes if f.basis == BASIS_CHANGE_RATE and f.source.line == amount.source.line),
                       None)
        level = choose(facts, doc.doc_kind, replace(query, kind=None))
        lead = [rate_of, amount] if query.kind == "percent" and rate_of else [amount, rate_of]
        return answered("change", said("stated_change", metric=metric, amount=amount, rate=rate_of, level=level),
                        facts=unique([f for f in (*lead, level) if f is not None]), source=said("source", amount))
    return computed_change(request, org, doc, metric, facts)


def computed_change(request: Request, org: str, doc: Document, metric: str, facts: list[Fact]) -> Reply:
    """No change stated, but this year's and last year's figures are: their difference, 计算得出."""
    free = replace(request.query, kind=None)
    level = choose(facts, doc.doc_kind, free)
    previous = choose([f for f in facts if f.basis == BASIS_PREVIOUS], doc.doc_kind, free, allow=(BASIS_PREVIOUS,))
    if level is None or previous is None or not level.is_money or not previous.is_money:
        return no_metric(request, org, doc, metric, asked="change")
    difference = computed(level, previous, "difference", "本年−上年")
    rate_of = computed(difference, previous, "share", "增减÷上年") if previous.value else None
    lead = [rate_of, difference] if request.query.kind == "percent" and rate_of else [difference, rate_of]
    return answered("change", said("computed_change", level, previous, difference, metric=metric, rate=rate_of),
                    facts=[f for f in (*lead, level, previous) if f is not None], source=said("source", level))


def budget_vs_actual(request: Request) -> Reply:
    query, index = request.query, request.index
    org, metric, doc = request.org, request.metric, request.doc
    facts = index.facts(org, doc, metric, query)
    budget = choose([f for f in facts if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind)
    actual = choose([f for f in facts if (f.basis or "").startswith(BASIS_ACTUAL)], doc.doc_kind)
    execution = next((f for f in facts if f.basis == BASIS_EXECUTION), None)
    if not budget and not actual:  # a figure with neither column: as it is written, said to be no pair
        written = lookup(request)
        if written.status != "answered":
            return written
        return replace(written, said=(said("no_budget_to_compare", metric=metric), *written.said))
    difference = computed(actual, budget, "difference", "决算数−预算数") if actual and budget else None
    return answered("budget_vs_actual", *request.notes,
                    said("budget_vs_actual", metric=metric, budget=budget, actual=actual, execution=execution,
                         difference=difference, budget_doc=doc.doc_kind == "预算"),
                    facts=[f for f in (actual, budget, execution, difference) if f],
                    source=said("source", actual or budget))


def each(request: Request) -> Reply:
    """Several figures named at once (人员经费和公用经费分别是多少): each as a lookup gives it, with its
    line; a figure the document does not state is said to be missing, never left out silently."""
    query, index, org, doc = request.query, request.index, request.org, request.doc
    named = list(dict.fromkeys(f.value for f in sorted(query.metrics, key=lambda f: f.start)))
    chosen = {m: choose(index.facts(org, doc, m, query), doc.doc_kind, query) for m in named}
    found = [fact for fact in chosen.values() if fact is not None]
    if not found:
        return no_metric(request, org, doc, named[0])
    return answered("each", *request.notes,
                    said("each", *found, absent=[m for m, fact in chosen.items() if fact is None]),
                    facts=found, source=said("source", found[0]))


def total(request: Request) -> Reply:
    """A和B加起来: the named figures of one org and their sum (计算得出), beside the total the document
    states for just those parts when it has one (人员经费 + 公用经费: 基本支出)."""
    query, index, org, doc = request.query, request.index, request.org, request.doc
    named = list(dict.fromkeys(f.value for f in sorted(query.codes or query.metrics, key=lambda f: f.start)))
    chosen = [choose([f for f in index.facts(org, doc, m, query) if f.is_money], doc.doc_kind, query) for m in named]
    absent = [m for m, fact in zip(named, chosen) if fact is None]
    if absent:
        return no_metric(request, org, doc, absent[0])
    summed = chosen[0]
    for part in chosen[1:]:
        summed = computed(summed, part, "sum", "＋".join(named))
    summed = summed.model_copy(update={"metric": "＋".join(named), "code": None})  # the figure of no one row
    whole = next((w for w, parts in METRIC_PARTS.items() if set(parts) == set(named)), None)
    stated = choose([f for f in index.facts(org, doc, whole, query) if f.is_money], doc.doc_kind, query) \
        if whole else None
    return answered("sum", *request.notes, said("sum", *chosen, total=summed, stated=stated),
                    facts=[summed, *chosen, *([stated] if stated else [])], source=said("source", chosen[0]))
