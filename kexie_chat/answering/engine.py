"""Question -> Answer: read the question, resolve it once, route it, render it, remember it."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..intent import parse_question
from ..models import Answer, Fact
from ..store import Store
from ..text import clean
from .context import Context, follow_up, remember
from .index import Index
from .notfound import examples
from .render import render
from .reply import Reply, said
from .request import resolve
from .route import route


class Engine:
    """Answers questions about one index. Never a guess: a figure is answered only when a fact of
    the asked org, year and metric is in the index; otherwise not_found with what does exist."""

    def __init__(self, store: Store):
        self.index = Index(store)
        self.store = store
        self.documents, self.by_org = self.index.documents, self.index.by_org
        self.orgs, self.metrics, self.items = self.index.orgs, self.index.metrics, self.index.items

    def answer(self, question: str, context: Context | None = None,
               findings: Callable[[Sequence[Fact]], list] | None = None) -> Answer:
        """`findings`: the audit's findings about some figures (Assistant.findings.about), so that
        an answer leading with a figure of a finding says so."""
        text = clean(question)
        if not text:
            shown = examples(self.documents)
            return render(question, Reply("error", "error", (said("empty_question", example=shown[0] if shown else None),),
                                          suggestions=tuple(shown)))
        query = parse_question(text, self.orgs, self.metrics, self.items)
        if query.item and query.orgs and not self.index.lists_item({f.value for f in query.orgs}, query.item):
            # a thing only another org's tables list (预算执行 of 项目支出预算执行率): read without it when a
            # figure of this org's is named then; else the answer says this org lists no such thing
            without = parse_question(text, self.orgs, self.metrics, self.index.items_but(query.item))
            query = without if without.metrics or without.codes else query
        if context is not None:
            query = follow_up(query, context)
        reply = route(resolve(question, query, context or Context(), self.index))
        answer = render(question, reply, query, findings(reply.facts) if findings and reply.facts else ())
        if context is not None:
            remember(context, answer, query)
        return answer
