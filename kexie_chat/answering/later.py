"""A year the collection has no document of, told by the next year's document: the 上年数 it
writes beside its own figure, or its own figure less the change it states (计算得出)."""
from __future__ import annotations

from ..lexicon import BASIS_CHANGE, BASIS_PREVIOUS
from .choose import choose
from .figures import computed
from .reply import Reply, answered, said
from .request import Request


def told_by_next_year(request: Request) -> Reply | None:
    """包头2019年收入总计, where only the 2020 决算 exists: its 上年数, else 本年数 − 较上年增减."""
    query, index, org, metric = request.query, request.index, request.org, request.metric
    if query.intent != "lookup" or len(query.years) != 1 or query.item or query.column:
        return None
    year = query.years[0]
    later = [d for d in index.docs(org) if d.year == year + 1]
    if not later:
        return None
    doc = min(later, key=lambda d: d.scope != (query.scope or d.scope))
    facts = [f for f in index.facts(org, doc, metric, query) if f.source.doc == doc.doc and f.is_money]
    previous = choose([f for f in facts if f.basis == BASIS_PREVIOUS], doc.doc_kind, allow=(BASIS_PREVIOUS,))
    if previous is not None:  # the figure is the year asked's, as the later document tells it
        previous = previous.model_copy(update={"year": year})
        return answered("lookup", said("previous_told", previous, year=year, doc=doc), facts=[previous],
                        source=said("source", previous))
    change = next((f for f in facts if f.basis == BASIS_CHANGE), None)
    level = choose([f for f in facts if f.unit == change.unit and not (f.basis or "").startswith(("较上年", "上年"))],
                   doc.doc_kind) if change else None
    if level is None:
        return None
    before = computed(level, change, "difference", "本年数−较上年增减").model_copy(update={"year": year})
    return answered("lookup", said("previous_computed", before, level, change, year=year, doc=doc),
                    facts=[before, level, change], source=said("source", level))
