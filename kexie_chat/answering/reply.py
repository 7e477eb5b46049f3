"""What a handler returns: the figures and what is to be said about them, with no sentence written.

A Reply's `said` is a list of statements (Said), each a kind of sentence and the facts, names
and numbers it needs; render.py is the one place that words them. `source` is said last, after
any finding the audit has about the figures (the findings are attached when rendering).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..models import Fact, Passage


@dataclass(frozen=True)
class Said:
    """One statement of an answer: its kind (render.SENTENCES names them all) and what it needs."""

    kind: str
    facts: tuple[Fact, ...] = ()
    slots: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:  # said.metric reads the slot "metric"
        try:
            return self.__dict__["slots"][name]
        except KeyError:
            raise AttributeError(name) from None


def said(kind: str, *facts: Fact, **slots: Any) -> Said:
    return Said(kind, tuple(facts), slots)


@dataclass(frozen=True)
class Reply:
    status: str  # answered | not_found | clarify | error
    operation: str  # the Answer's intent
    said: tuple[Said, ...] = ()
    facts: tuple[Fact, ...] = ()  # the figures behind the reply, the one asked for first
    source: Said | None = None  # where the lead figure was read, said last
    passages: tuple[Passage, ...] = ()
    suggestions: tuple[str, ...] = ()  # questions that would work: names and figures, no sentences
    verdict: str | None = None

    def as_operation(self, operation: str) -> "Reply":
        return replace(self, operation=operation)


def answered(operation: str, *said_: Said, facts=(), source: Said | None = None, **fields) -> Reply:
    return Reply("answered", operation, tuple(said_), tuple(facts), source,
                 **{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})


def not_found(operation: str, *said_: Said, **fields) -> Reply:
    return Reply("not_found", operation, tuple(said_), **{k: tuple(v) if isinstance(v, list) else v
                                                         for k, v in fields.items()})


def clarify(operation: str, *said_: Said, **fields) -> Reply:
    return Reply("clarify", operation, tuple(said_), **{k: tuple(v) if isinstance(v, list) else v
                                                       for k, v in fields.items()})
