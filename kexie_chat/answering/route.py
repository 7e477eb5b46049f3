"""The one place that decides which handler answers a request: HANDLERS, by the operation asked."""
from __future__ import annotations

import re
from collections.abc import Callable

from .breakdown import breakdown
from .compare import compare, rank
from .compute import budget_vs_actual, change, each, rate, share, total
from .lookup import lookup, subject_missing
from .notfound import not_understood, unknown_org, which_org
from .reply import Reply
from .request import Request
from .search import catalog, contact, definition, search
from .verify import verify


def org_only(request: Request) -> Reply:
    """"包头呢": the remembered question about another org; with nothing remembered, its catalog."""
    return lookup(request) if request.context.metric else catalog(request)


# The operation a question asks for -> the handler that answers it.
HANDLERS: dict[str, Callable[[Request], Reply]] = {
    "lookup": lookup, "compare": compare, "rank": rank, "share": share, "rate": rate, "change": change,
    "budget_vs_actual": budget_vs_actual, "sum": total, "each": each, "breakdown": breakdown, "verify": verify, "org_only": org_only,
    "catalog": catalog, "definition": definition, "contact": contact, "search": search,
}
# Operations about one org's figure: without its org, metric or document they are answered as a
# lookup would be (with the changes of the query given: a share or rate is of either side).
NEEDS_SUBJECT: dict[str, dict] = {"share": {"side": None}, "rate": {"side": None}, "budget_vs_actual": {},
                                  "breakdown": {}}


def route(request: Request) -> Reply:
    query = request.query
    if not re.search(r"[\u4e00-\u9fff]", query.folded) and not query.codes:
        return not_understood(request)
    if query.unknown_place:
        return unknown_org(request)
    shared = next((found for found in query.orgs if found.among), None)
    if shared:
        return which_org(request, shared)
    if query.intent in NEEDS_SUBJECT:
        missing = subject_missing(request.asking(**NEEDS_SUBJECT[query.intent]))
        if missing is not None:
            return missing
    return HANDLERS[query.intent](request)
