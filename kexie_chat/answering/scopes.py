"""A figure asked of both disclosures of a body at once (单位预算和部门预算的收入合计): each one's."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..models import DEPARTMENT, UNIT
from .reply import Reply, answered, said
from .request import Request


def in_both_scopes(request: Request, operation: str, handler: Callable[[Request], Reply]) -> Reply | None:
    """The operation in the 部门 disclosure, then in the 单位 one, each with its source; None when the
    body has no other disclosure that year (the question is then answered as asked)."""
    other = request.index.other_scope_doc(request.doc)
    if other is None:
        return None
    docs = sorted((request.doc, other), key=lambda doc: doc.scope != DEPARTMENT)
    replies = [handler(replace(request, doc=doc, query=replace(request.query, scope=UNIT if doc.scope == UNIT else None)))
               for doc in docs]
    if any(reply.status != "answered" or not reply.facts for reply in replies):
        return None
    first, second = replies
    return answered(operation, *_own(first), said("source", first.facts[0]), said("next_disclosure"), *_own(second),
                    facts=[*first.facts, *second.facts], source=second.source)


def _own(reply: Reply) -> tuple:
    """A reply's statements but the pointer to the other disclosure: both are given here."""
    return tuple(s for s in reply.said if s.kind != "other_scope")
