"""The answer path, one way through:

    question → Query (intent.py: what is asked)
             → Request (request.py: org, metric and document resolved once against the index and
               the conversation, context.py)
             → route (route.py: HANDLERS by operation)
             → handler → Reply (reply.py: statements, facts and source; no sentence written)
             → render (render.py: the only place sentences are written, the audit's note placed
               beside its figure, the headline) → Answer

Which figure a question means is decided in one place, choose.choose. Modules depend downward
only (tests/test_layers.py): engine → render → route → verify → compare, compute → lookup →
search, across, breakdown → notfound → request → index → choose, figures, context, reply.
"""
from .context import Context
from .engine import Engine

__all__ = ["Context", "Engine"]
