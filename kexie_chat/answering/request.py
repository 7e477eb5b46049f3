"""Query + conversation + index -> Request: what a question is about, resolved once (the org,
the metric, the document of the year meant, and a note when the year had to be changed)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..intent import Query
from ..models import Document
from .context import Context
from .index import Index
from .reply import Said, said


@dataclass(frozen=True)
class Request:
    question: str
    query: Query
    context: Context
    index: Index
    org: str | None
    metric: str | None
    doc: Document | None
    notes: tuple[Said, ...] = ()  # said before the figure: the remembered year does not exist for this org

    def asking(self, **changes) -> "Request":
        """The same request read with some of the query changed (side=None, kind=…, intent=…):
        org, metric and document do not depend on those."""
        return replace(self, query=replace(self.query, **changes))


def org_of(query: Query, context: Context) -> str | None:
    return query.orgs[0].value if query.orgs else context.org


def metric_of(query: Query, context: Context) -> str | None:
    found = query.codes or query.metrics
    if found:
        return found[-1].value if not query.codes else found[0].value
    return context.metric


def resolve(question: str, query: Query, context: Context, index: Index) -> Request:
    org, metric = org_of(query, context), metric_of(query, context)
    doc, moved_from = index.doc_for(org, query, context) if org else (None, None)
    notes = (said("year_changed", org=org, asked=moved_from, used=doc.year),) if doc and moved_from else ()
    return Request(question, query, context, index, org, metric, doc, notes)
