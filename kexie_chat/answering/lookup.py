"""One figure of one org: the likeliest, with its parts, its other statements and its other readings."""
from __future__ import annotations

from dataclasses import replace

from .breakdown import breakdown
from .choose import choose, is_derived, of_kind
from .figures import unique
from .later import previous_from_change
from .notfound import no_kind, no_metric, no_side
from .reply import Reply, answered, said
from .request import Request
from .search import search


def lookup(request: Request) -> Reply:
    """Needs the subject (org, metric, doc): the route gives it resolved."""
    query, index = request.query, request.index
    org, metric, doc = request.org, request.metric, request.doc
    facts = index.facts(org, doc, metric, query)
    # a change stated of the whole (预算较上年减少…) is no figure of it: the stand-ins still answer
    stand_ins = [] if any(not is_derived(f) for f in facts) else index.stand_ins(org, doc, metric, query)
    if stand_ins:  # 张家口2020年预算是多少, where only 收入合计 and 支出合计 are written
        return answered("lookup", *request.notes, said("each", *stand_ins, absent=[metric]),
                        facts=stand_ins, source=said("source", stand_ins[0]))
    if not facts and not query.item and index.parts(org, doc, metric, query):
        return breakdown(request)  # 编制多少人 where only 行政编制 and 事业编制 are written: those, listed
    kinded = [f for f in facts if of_kind(f, query.kind)]
    if facts and not kinded:
        told = search(request) if query.kind in ("count", "percent") else None
        if told is not None and told.facts:  # 公务接待了多少批次: the count a sentence gives
            return told
        return no_kind(request, doc, metric, facts)
    primary = choose(kinded, doc.doc_kind, query)
    if primary is None and query.previous:  # never this year's figures (nor its items) for last year's
        return previous_from_change(request, doc, facts) or no_metric(request, org, doc, metric)
    if primary is None and any(f.item for f in kinded):
        return breakdown(request)
    if primary is None and kinded and query.side:
        spending = index.spending_named(metric)  # 职业年金全年预算: the 功能分类 row has the budget
        if spending and choose(index.facts(org, doc, spending, query), doc.doc_kind, query) is not None:
            return lookup(replace(request, metric=spending))
        return no_side(request, doc, metric)
    if primary is None:  # a column asked of a row that has none in this document names both (20607的人员经费)
        if query.item or not query.column_word:
            return no_metric(request, org, doc, query.item or metric)
        return no_metric(request, org, doc, metric, asked="column", of=query.column_word.value)
    supporting = [] if primary.item or query.column else index.parts(org, doc, primary.metric, query, primary)
    others = index.others(facts, primary)
    # A code decides the row, not which table's figure of it: the same row counted over other money
    # (the 一般公共预算 table's 2060799 beside the 支出总表's) is still another reading.
    readings = [] if query.item else index.readings(org, doc, primary, kinded, query, [primary, *others],
                                                    related=not (query.codes or query.column))
    other_scope = index.other_scope_doc(primary)
    paired = index.paired(primary, facts)
    narrower = query.thing and not primary.item and query.thing not in primary.metric
    statements = [*request.notes, *([said("thing_not_apart", thing=query.thing, metric=primary.metric)] if narrower else []),
                  said("figure", primary), *([said("paired", *paired)] if paired else []),
                  *([said("parts", *supporting)] if supporting else []),
                  *([said("others", *others)] if others else []),
                  *([said("readings", *readings, shown=primary)] if readings else []),
                  *([said("other_scope", doc=other_scope)] if other_scope else [])]
    return answered("lookup", *statements, facts=unique([primary, *paired, *readings, *supporting, *others]),
                    source=said("source", primary))
