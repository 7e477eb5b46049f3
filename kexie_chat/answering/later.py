"""Last year's figure as a document tells it: the 上年数 it writes beside its own figure, or its own
figure less the change it states in the same sentence (计算得出). For a year the collection has no
document of (包头2019年…) and for 去年的… of the year's own document."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import BASIS_CHANGE, BASIS_PREVIOUS
from ..models import Document, Fact
from .choose import choose, is_derived
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
    return previous_from_change(request, doc, facts)


# How far before its change a level may be told and still be the figure the change is of (one sentence
# wrapped over a few lines, blank lines between them as PDFs print them).
TOLD_TOGETHER_LINES = 8


def previous_from_change(request: Request, doc: Document, facts: list[Fact]) -> Reply | None:
    """Last year's figure (去年的…, 2019年… of a 2020 document) where the document states this year's
    and the change from last year in one sentence but not last year's: this year's less the change,
    计算得出 with both lines; None when they are not told together."""
    free = replace(request.query, previous=False, kind=None, side=None)
    change = choose([f for f in facts if f.basis == BASIS_CHANGE and f.is_money], doc.doc_kind, free,
                    allow=(BASIS_CHANGE,))
    if change is None:
        return None
    told_before = [f for f in facts if f.is_money and not is_derived(f) and f.source.doc == change.source.doc
                   and 0 <= change.source.line - f.source.line <= TOLD_TOGETHER_LINES]
    nearest = max((f.source.line for f in told_before), default=None)
    level = choose([f for f in told_before if f.source.line == nearest], doc.doc_kind, free)
    if level is None:
        return None
    year = level.year - 1
    before = computed(level, change, "difference", "本年数−较上年增减").model_copy(update={"year": year})
    return answered("lookup", *request.notes, said("previous_computed", before, level, change, year=year, doc=doc),
                    facts=[before, level, change], source=said("source", level))
