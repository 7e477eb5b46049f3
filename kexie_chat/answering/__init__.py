"""The answer path, one way through:

    question → Query (intent.py) → Request (request.py: resolved once against the index and the
    conversation) → route (route.py: HANDLERS by operation) → handler → Answer

Modules depend downward only: engine → route → handlers (verify → compare → lookup → across,
breakdown, search, notfound) → request → index → choose, figures, context.
"""
from .context import Context
from .engine import Engine

__all__ = ["Context", "Engine"]
