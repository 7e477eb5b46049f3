"""The question line: history (↑/↓, like a shell) and completion of org and metric names.

`History` and `complete` are pure; `QuestionInput` and `NameSuggester` wire them into
Textual's Input and its suggester.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

# Completion offers names, not table captions or sentences a parser kept as a metric.
NAME_RE = re.compile(r"[\u4e00-\u9fff（）()、]{2,20}")
MIN_TAIL = 2  # a lone trailing character completes only at the start of the line


class History:
    """Questions asked, newest last; walking back keeps the line being typed as a draft."""

    def __init__(self) -> None:
        self.entries: list[str] = []
        self.cursor: int | None = None
        self.draft = ""

    def add(self, question: str) -> None:
        if not self.entries or self.entries[-1] != question:
            self.entries.append(question)
        self.cursor = None

    def back(self, current: str) -> str | None:
        if not self.entries:
            return None
        if self.cursor is None:
            self.draft, self.cursor = current, len(self.entries)
        self.cursor = max(0, self.cursor - 1)
        return self.entries[self.cursor]

    def forward(self) -> str | None:
        if self.cursor is None:
            return None
        self.cursor += 1
        if self.cursor >= len(self.entries):
            self.cursor = None
            return self.draft
        return self.entries[self.cursor]


def completion_names(orgs: Iterable[str], aliases: Iterable[str], metrics: Iterable[str]) -> list[str]:
    """Names worth completing, shortest first (the likeliest meant when several extend a prefix)."""
    names = {org.removesuffix("科学技术协会") for org in orgs} | set(orgs) | set(aliases) | set(metrics)
    return sorted((n for n in names if NAME_RE.fullmatch(n)), key=lambda n: (len(n), n))


def complete(value: str, names: Sequence[str]) -> str | None:
    """`value` with the name its end begins completed: '秦皇岛2022年三公' -> '秦皇岛2022年三公经费'.

    The longest tail that begins some name decides; a name already typed in full is left alone.
    """
    for start in range(len(value)):
        tail = value[start:]
        if start and len(tail) < MIN_TAIL:
            return None
        longer = [name for name in names if name.startswith(tail)]
        if longer:
            extension = next((name for name in longer if len(name) > len(tail)), None)
            return value + extension[len(tail):] if extension and tail not in longer else None
    return None


class NameSuggester(Suggester):
    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self.names = list(names)

    async def get_suggestion(self, value: str) -> str | None:
        return complete(value, self.names)


class QuestionInput(Input):
    """An Input that remembers what was asked."""

    BINDINGS = [
        Binding("up", "history_back", "上一个问题", show=False),
        Binding("down", "history_forward", "下一个问题", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history = History()

    def action_history_back(self) -> None:
        self._recall(self.history.back(self.value))

    def action_history_forward(self) -> None:
        self._recall(self.history.forward())

    def _recall(self, question: str | None) -> None:
        if question is not None:
            self.value = question
            self.cursor_position = len(question)
