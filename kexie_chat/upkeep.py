"""Keeping an index current with its corpus before it answers, and saying so.

One process rebuilds a stale index under a lock beside it (.kexie.db.lock, fcntl.flock); the
others wait for it and then find it current. An index that cannot be rebuilt (read-only folder,
a corpus file that cannot be read) answers from what it holds, with a one-line notice.
Never used for an index named by the user that does not exist: see IndexMissing.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .models import NotADisclosure
from .store import IndexBuildError, Store, build_index

Notify = Callable[[str], None]
# What a rebuild can fail with that leaves the old index as good as it was.
REBUILD_FAILURES = (IndexBuildError, NotADisclosure, UnicodeDecodeError, OSError, sqlite3.Error)


class IndexMissing(FileNotFoundError):
    """An index named by the user (--db, KEXIE_DB) that does not exist: never built in its place."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        super().__init__(f"索引文件不存在：{db_path}。要新建一个，请指定语料目录："
                         f"kexie index --db {db_path} --corpus 语料目录")


# The default collection: corpus/ and the index built from it, beside the package.
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_DB = ROOT / "index" / "kexie.db"


def default_db() -> Path:
    return Path(os.environ.get("KEXIE_DB") or DEFAULT_DB)


def collection_corpus(db_path: Path) -> Path | None:
    """The corpus an index is kept from: corpus/ for the default index, else the directory the
    index records. None for an index that does not say: it is used as it is, never rebuilt from
    another collection's corpus. Another index that does not exist is IndexMissing: a mistyped
    path must not answer from corpus/."""
    if db_path.resolve() == DEFAULT_DB.resolve():
        return DEFAULT_CORPUS
    if not db_path.exists():
        raise IndexMissing(db_path)
    store = Store(db_path)
    try:
        return store.corpus()
    finally:
        store.close()


def keep_current(corpus: Path, db_path: Path, notify: Notify) -> str | None:
    """Rebuild db_path from corpus when it is missing, damaged or older than the corpus. Returns the
    warning when the index could not be rebuilt and is used as it is (None when it is current)."""
    if not needs_build(corpus, db_path):
        return None
    try:
        with build_lock(db_path, notify):
            if needs_build(corpus, db_path):  # another process may have built it while we waited
                notify("正在更新索引…" if db_path.exists() else "正在建立索引…")
                build_index(corpus, db_path)
    except REBUILD_FAILURES as exc:
        if not usable(db_path):
            raise
        warning = f"索引可能不是最新的（无法更新：{_reason(exc)}），以下按现有索引回答。"
        notify(warning)
        return warning
    return None


def rebuild(corpus: Path, db_path: Path) -> Path:
    """Build db_path from corpus now (kexie index), taking the lock so askers wait for it."""
    with build_lock(db_path, lambda _: None):
        return build_index(corpus, db_path)


@contextmanager
def build_lock(db_path: Path, notify: Notify) -> Iterator[None]:
    """Held while one process builds db_path; the lock file stays (removing it would race)."""
    fd = _lock_file(db_path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            notify("另一个进程正在更新索引，等它完成…")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lock_file(db_path: Path) -> int:
    """The lock's file descriptor: the first write beside the index, so a read-only folder fails here."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(db_path.with_name(f".{db_path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o666)


def needs_build(corpus: Path, db_path: Path) -> bool:
    if not corpus.is_dir():
        return not db_path.exists()
    try:
        store = Store(db_path)
    except IndexBuildError:
        return True  # missing or damaged: an index is derived data, built anew
    try:
        return not store.is_current(corpus)
    finally:
        store.close()


def usable(db_path: Path) -> bool:
    try:
        Store(db_path).close()
    except IndexBuildError:
        return False
    return True


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return f"没有写权限：{exc.filename or exc}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
