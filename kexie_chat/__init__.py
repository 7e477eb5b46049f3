"""kexie-chat: ask Chinese public budget disclosures questions, answered exactly and with sources.

The names are imported when first used, so that a front end (the terminal app) can paint before
the answer engine has loaded.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .assistant import Assistant, Conversation
    from .models import Answer, Fact, Passage, Source

__all__ = ["Answer", "Assistant", "Conversation", "Fact", "Passage", "Source"]
_HOMES = {"Assistant": ".assistant", "Conversation": ".assistant", "Answer": ".models", "Fact": ".models",
          "Passage": ".models", "Source": ".models"}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
