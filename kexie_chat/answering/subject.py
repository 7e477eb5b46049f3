"""What an operation about one org's figure needs (the org, the metric, the document of the year
meant), and what answers instead when one of them is not known: the org's catalog or a search when
no figure is named, the figure across every org when no org is, the years there are when the year
has no document."""
from __future__ import annotations

from ..intent import FILLER_RE
from .across import across
from .context import OTHER_WORDS_RE
from .later import told_by_next_year
from .notfound import no_year
from .reply import Reply
from .request import Request
from .search import catalog, search


def missing_subject(request: Request, needs_doc: bool = True) -> Reply | None:
    """The reply when the org, metric or document the request is about is not known, else None."""
    org, metric = request.org, request.metric
    if not metric:
        words = OTHER_WORDS_RE.sub("", FILLER_RE.sub("", request.query.words_left()))
        return catalog(request) if org and len(words) < 2 else search(request)
    if not org:
        return across(request, metric, intent="compare")
    if needs_doc and request.doc is None:
        return told_by_next_year(request) or no_year(request)
    return None
