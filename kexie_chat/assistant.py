"""The public entry: Assistant (one-shot questions) and Conversation (remembers context).

Opens the index, building it first when it is missing or the corpus changed. Every front
end (the Python API, kexie-ask, the terminal app) asks through here.
"""
from __future__ import annotations

import os
from pathlib import Path

from .answer import Context, Engine
from .check import annotate, audit, by_source, findings_about
from .models import Answer
from .store import IndexBuildError, Store, build_index

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_DB = ROOT / "index" / "kexie.db"


def default_db() -> Path:
    return Path(os.environ.get("KEXIE_DB") or DEFAULT_DB)


def collection_corpus(db_path: Path) -> Path | None:
    """The corpus an index is kept from: corpus/ for the default index and for one not built yet,
    else the directory the index records. None for an index that does not say: it is used as it is,
    never rebuilt from another collection's corpus."""
    if not db_path.exists() or db_path.resolve() == DEFAULT_DB.resolve():
        return DEFAULT_CORPUS
    store = Store(db_path)
    try:
        return store.corpus()
    finally:
        store.close()


class Assistant:
    def __init__(self, db_path: str | Path | None = None, corpus: str | Path | None = None):
        self.db_path = Path(db_path) if db_path else default_db()
        self.corpus = Path(corpus) if corpus else collection_corpus(self.db_path)
        if self.corpus is not None and self._needs_build():
            build_index(self.corpus, self.db_path)
        self.store = Store(self.db_path)
        self.engine = Engine(self.store)
        self.findings = by_source(audit(self.store))  # computed at build time; answers point at them

    def _needs_build(self) -> bool:
        if not self.corpus.is_dir():
            return not self.db_path.exists()
        if not self.db_path.exists():
            return True
        try:
            store = Store(self.db_path)
        except IndexBuildError:
            return True  # a damaged index is derived data: build it anew
        try:
            return not store.is_current(self.corpus)
        finally:
            store.close()

    def ask(self, question: str) -> Answer:
        """One question, no memory."""
        answer = self.engine.answer(question)
        return annotate(answer, findings_about(answer, self.findings))

    def conversation(self) -> "Conversation":
        return Conversation(self)


class Conversation:
    """A run of questions where a follow-up ("公务接待费呢", "包头呢") keeps what it does not say."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.context = Context()

    def ask(self, question: str) -> Answer:
        answer = self.assistant.engine.answer(question, self.context)
        return annotate(answer, findings_about(answer, self.assistant.findings))

    def reset(self) -> None:
        self.context = Context()
