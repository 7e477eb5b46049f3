"""The public entry: Assistant (one-shot questions) and Conversation (remembers context).

Opens the index, building it first when it is missing or the corpus changed (upkeep.py). Every
front end (the Python API, kexie-ask, the terminal app) asks through here.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from .answering import Context, Engine
from .findings import Finding, by_source, findings_about
from .models import Answer, Fact
from .store import Store
from .upkeep import IndexMissing, collection_corpus, default_db, keep_current  # IndexMissing: what Assistant() raises


class Findings:
    """The index's findings by the figures they involve, read one document at a time as answers
    need them: opening an index of a thousand documents reads none."""

    def __init__(self, store: Store):
        self.store = store
        self.by_source: dict[tuple[str, int], list[Finding]] = {}
        self.read: set[str] = set()  # the documents whose findings are in by_source
        self._lock = threading.Lock()  # the terminal app asks from worker threads

    def about(self, facts: Sequence[Fact]) -> list[Finding]:
        """The findings that involve one of the figures an answer leads with (findings.findings_about)."""
        with self._lock:
            docs = sorted({fact.source.doc for fact in facts[:3]} - self.read)
            if docs:
                # A finding's figures are all in its own document (one disclosure is audited at a time).
                found = [Finding.model_validate_json(data) for data in self.store.findings_of(docs)]
                for source, findings in by_source(found).items():
                    self.by_source.setdefault(source, []).extend(findings)
                self.read.update(docs)
            return findings_about(facts, self.by_source)


def to_stderr(notice: str) -> None:
    print(notice, file=sys.stderr, flush=True)


class Assistant:
    def __init__(self, db_path: str | Path | None = None, corpus: str | Path | None = None,
                 notify: Callable[[str], None] = to_stderr):
        """corpus: build or refresh db_path from it (default: the corpus the index names).
        notify: where one-line notices go (an index being rebuilt, or out of date)."""
        self.db_path = Path(db_path) if db_path else default_db()
        self.corpus = Path(corpus) if corpus else collection_corpus(self.db_path)
        # Why the index may not match the corpus (a rebuild failed), for front ends that show it
        # longer than a passing notice: the app keeps it in its status line.
        self.stale: str | None = None
        if self.corpus is not None:
            self.stale = keep_current(self.corpus, self.db_path, notify)
        self.store = Store(self.db_path)
        self.engine = Engine(self.store)
        self.findings = Findings(self.store)  # computed at build time; answers point at them
        Answer.model_rebuild()  # every answer is validated: its validator is built with the index, not the first answer

    def ask(self, question: str) -> Answer:
        """One question, no memory."""
        return self.engine.answer(question, findings=self.findings.about)

    def conversation(self) -> "Conversation":
        return Conversation(self)


class Conversation:
    """A run of questions where a follow-up ("公务接待费呢", "包头呢") keeps what it does not say."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.context = Context()

    def ask(self, question: str) -> Answer:
        return self.assistant.engine.answer(question, self.context, findings=self.assistant.findings.about)

    def reset(self) -> None:
        self.context = Context()
