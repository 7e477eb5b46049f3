"""Question -> Answer: read the question, resolve it once, route it, remember it."""
from __future__ import annotations

from ..intent import parse_question
from ..models import Answer
from ..store import Store
from ..text import clean
from .context import Context, follow_up, remember
from .index import Index
from .request import resolve
from .route import route
from .wording import examples, reply


class Engine:
    """Answers questions about one index. Never a guess: a figure is answered only when a fact of
    the asked org, year and metric is in the index; otherwise not_found with what does exist."""

    def __init__(self, store: Store):
        self.index = Index(store)
        self.store = store
        self.documents, self.by_org = self.index.documents, self.index.by_org
        self.orgs, self.metrics, self.items = self.index.orgs, self.index.metrics, self.index.items

    def answer(self, question: str, context: Context | None = None) -> Answer:
        text = clean(question)
        if not text:
            return reply(question, "error", "error", "请输入一个问题，例如：秦皇岛2022年三公经费是多少？",
                         suggestions=examples(self.documents))
        query = parse_question(text, self.orgs, self.metrics, self.items)
        if context is not None:
            query = follow_up(query, context)
        answer = route(resolve(question, query, context or Context(), self.index))
        if context is not None:
            remember(context, answer, query)
        return answer
