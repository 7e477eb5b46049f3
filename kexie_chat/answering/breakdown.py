"""A total and what it is made of: its named parts, its coded children, or the things listed under it."""
from __future__ import annotations

from .choose import choose
from .notfound import no_metric
from .reply import Reply, answered, said
from .request import Request


def breakdown(request: Request) -> Reply:
    """Needs the subject (org, metric, doc): the route and lookup give it resolved."""
    query, index = request.query, request.index
    org, metric, doc = request.org, request.metric, request.doc
    total = choose(index.facts(org, doc, metric, query), doc.doc_kind, query)
    parts = index.parts(org, doc, metric, query, total) or index.children(org, doc, total, query) \
        or index.listed(org, doc, metric, total)
    if not total and not parts:
        return no_metric(request, org, doc, metric)
    facts = [f for f in (total, *parts) if f]
    return answered("breakdown", *request.notes, said("breakdown", *facts, metric=metric, total=total is not None),
                    facts=facts, source=said("source", total or parts[0]))
