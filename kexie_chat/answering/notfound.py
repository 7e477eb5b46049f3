"""The replies that say what is missing (no such org, year, metric, kind or side) and what exists."""
from __future__ import annotations

from ..lexicon import BASIS_CHANGE, METRIC_PARTS
from ..match import Found
from ..models import Document, Fact
from .choose import of_kind
from .reply import Reply, clarify, not_found, said
from .request import Request

KINDS = ("money", "count", "percent")


def short(org: str) -> str:
    return org.removesuffix("科学技术协会")


def examples(documents: list[Document]) -> list[str]:
    return [f"{short(d.org)}{d.year}年三公经费" for d in documents[:5]]


def example_orgs(documents: list[Document]) -> list[str]:
    """Two names of orgs of the index (one when it has one) for the examples an answer gives: never
    an org it does not hold."""
    return list(dict.fromkeys(short(d.org) for d in documents))[:2]


def unknown_org(request: Request) -> Reply:
    query, documents = request.query, request.index.documents
    latest: dict[str, Document] = {}  # each org once, in the collection's order, by its latest document
    for document in documents:
        if document.org not in latest or document.year > latest[document.org].year:
            latest[document.org] = document
    return not_found(query.intent, said("unknown_place", place=query.unknown_place, orgs=list(latest)),
                     suggestions=[f"{d.org}{d.year}年{query.metric or '三公经费'}" for d in list(latest.values())[:5]])


def which_org(request: Request, shared: Found) -> Reply:
    """A name several orgs share (和平区 of 沈阳 and of 天津): ask which, never pick one."""
    query = request.query
    places = [short(org) for org in shared.among]
    return clarify(query.intent, said("shared_name", name=query.folded[shared.start:shared.end], orgs=shared.among),
                   suggestions=[query.folded[:shared.start] + place + query.folded[shared.end:] for place in places])


def not_understood(request: Request) -> Reply:
    documents = request.index.documents
    return not_found("search", said("not_understood", example=examples(documents)[0] if documents else None),
                     suggestions=examples(documents))


def no_year(request: Request) -> Reply:
    query, org = request.query, request.org
    docs = request.index.docs(org)
    return not_found(query.intent, said("no_year", org=org, docs=docs, years=query.years, year_end=query.year_end),
                     suggestions=[f"{short(org)}{d.year}年{query.metric or ''}" for d in docs])


def no_metric(request: Request, org: str, doc: Document, metric: str, asked: str = "figure",
              of: str | None = None) -> Reply:
    """What the document does not have: the metric's figure, or what was asked of it (asked: its share
    of `of`, its change from the year before, its column `of`)."""
    query, store = request.query, request.index.store
    if query.previous and asked == "figure" and metric in store.metrics(org=org, year=doc.year):
        return not_found(query.intent, said("no_previous", doc=doc, metric=metric),
                         suggestions=[f"{short(org)}{doc.year}年{metric}"])
    if asked == "change":
        stated = stated_changes(store.facts(org=org, year=doc.year), doc)
        if stated:  # 没有写人员经费的增减变化; what it does write a change of
            return not_found(query.intent, said("no_change", *stated, doc=doc, metric=metric),
                             suggestions=[f"{short(org)}{doc.year}年{f.metric}比上年" for f in stated[:5]])
    have = sorted(m for m in store.metrics(org=org, year=doc.year) if m in METRIC_PARTS)
    return not_found(query.intent, said("no_metric", doc=doc, metric=metric, asked=asked, of=of, have=have),
                     suggestions=[f"{short(org)}{doc.year}年{m}" for m in have[:5]])


def stated_changes(facts: list[Fact], doc: Document) -> list[Fact]:
    """The changes from the year before a document states, one a metric, in the order written."""
    seen, stated = set(), []
    for fact in sorted(facts, key=lambda f: f.source.line):
        if fact.source.doc == doc.doc and fact.basis == BASIS_CHANGE and not fact.item and fact.metric not in seen:
            seen.add(fact.metric)
            stated.append(fact)
    return stated


def no_kind(request: Request, doc: Document, metric: str, facts: list[Fact]) -> Reply:
    """A money question about a metric the document counts (or the reverse): never the other kind."""
    have = [kind for kind in KINDS if any(of_kind(f, kind) for f in facts)]
    have.sort(key=lambda kind: next(i for i, f in enumerate(facts) if of_kind(f, kind)))
    return not_found(request.query.intent, said("no_kind", doc=doc, metric=metric, asked_kind=request.query.kind,
                                                have=have),
                     suggestions=[f"{short(doc.org)}{doc.year}年{metric}"])


def no_side(request: Request, doc: Document, metric: str) -> Reply:
    """A 决算 question where only the 预算 figure exists (or the reverse): say so, offer the other."""
    side = request.query.side
    other = "预算" if side == "决算" else "决算"
    return not_found(request.query.intent, said("no_side", doc=doc, metric=metric, side=side),
                     suggestions=[f"{short(doc.org)}{doc.year}年{metric}{other}数"])
