"""The one place that decides which handler answers a request: HANDLERS, by the operation asked."""
from __future__ import annotations

import re
from collections.abc import Callable

from .breakdown import breakdown
from .compare import compare, compare_metrics, figures_named, rank
from .compute import budget_vs_actual, change, each, rate, share, total
from .lookup import lookup
from .notfound import not_understood, unknown_org, which_org
from .reply import Reply
from .request import Request
from .scopes import in_both_scopes
from .search import catalog, contact, definition, search
from .subject import missing_subject
from .verify import verify

# The operation a question asks for -> the handler that answers it.
HANDLERS: dict[str, Callable[[Request], Reply]] = {
    "lookup": lookup, "compare": compare, "two_metrics": compare_metrics, "rank": rank, "share": share,
    "rate": rate, "change": change, "budget_vs_actual": budget_vs_actual, "sum": total, "each": each,
    "breakdown": breakdown, "verify": verify, "catalog": catalog, "definition": definition, "contact": contact,
    "search": search,
}
# Operations about one org's figure, and how their question is read when its org, metric or
# document is not known (a share or rate is then asked of either side): see subject.py.
NEEDS_SUBJECT: dict[str, dict] = {"lookup": {}, "share": {"side": None}, "rate": {"side": None},
                                  "budget_vs_actual": {}, "breakdown": {}, "each": {"side": None},
                                  "sum": {"side": None}, "two_metrics": {"side": None}, "change": {}}
NEEDS_NO_DOCUMENT = ("change",)
# Operations a follow-up naming only another org keeps (比上年呢, then 江汉呢: 江汉's change); a comparison
# or ranking is not kept (包头呢 after one asks 包头's own figure).
BOTH_SCOPES_OPERATIONS = ("lookup", "each", "breakdown", "share", "change", "budget_vs_actual")
ORG_KEPT_OPERATIONS = ("change", "share", "rate", "budget_vs_actual")  # a change picks its own document (the latest when no year is named)


def operation(request: Request) -> str:
    """The operation that answers: the one asked, made precise by what the conversation holds."""
    query, context = request.query, request.context
    if query.intent == "org_only":  # 包头呢: the remembered question about another org, else its catalog
        if not context.metric:
            return "catalog"
        return context.intent if context.intent in ORG_KEPT_OPERATIONS else "lookup"
    if query.intent == "compare" and len({f.value for f in query.orgs}) < 2 \
            and len(figures_named(query)) >= 2:
        return "two_metrics"  # 基本支出比项目支出多多少: two figures of one org
    return query.intent


def route(request: Request) -> Reply:
    query = request.query
    if not re.search(r"[\u4e00-\u9fff]", query.folded) and not query.codes:
        return not_understood(request)
    if query.unknown_place:
        return unknown_org(request)
    shared = next((found for found in query.orgs if found.among), None)
    if shared:
        return which_org(request, shared)
    name = operation(request)
    if name in NEEDS_SUBJECT:
        missing = missing_subject(request.asking(**NEEDS_SUBJECT[name]), needs_doc=name not in NEEDS_NO_DOCUMENT)
        if missing is not None:
            return missing
    if request.query.both_scopes and name in BOTH_SCOPES_OPERATIONS and request.doc is not None:
        both = in_both_scopes(request, name, HANDLERS[name])
        if both is not None:
            return both
    return HANDLERS[name](request)
