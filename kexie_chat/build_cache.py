"""What a build keeps of each corpus file for the next build: its reading (the parsed disclosure,
the audit's findings, its passages cut into words), in a folder beside the index (.kexie.db.cache/).

A reading is taken back only for a file of the same name and bytes, read by the same reader code
(`reader_version`): anything else, or anything that cannot be read back, is a miss, and the file is
read again. Never part of the index: deleting the folder costs one slower build, nothing else.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parse import Disclosure

# Raised when what a reading holds, or how it is written, changes shape.
CACHE_FORMAT = "1"
# The only classes a reading may hold: a file of the folder can never make unpickling run other code.
READING_CLASSES = {("decimal", "Decimal"), ("kexie_chat.parse", "Disclosure"), ("kexie_chat.build_cache", "Reading"),
                   ("kexie_chat.build_cache", "Cut"),
                   *(("kexie_chat.models", name) for name in ("Document", "Fact", "Passage", "Source", "Definition"))}


@dataclass
class Cut:
    """A document's passages cut into words (see store.segment_passages), with what the cut depended on."""

    kept: str                           # the key of the kept words it was cut with
    cuts: list[str]                     # each passage as passage_text keeps it
    inner: list[list[tuple[str, str]]]  # each passage's (word inside a word of it, that word)
    words: dict[str, int]               # the dictionary's words that occur in the passages, with their frequency
    total: int                          # the dictionary's total frequency


@dataclass
class Reading:
    """One corpus file as a build reads it."""

    disclosure: Disclosure
    findings: list[dict]            # rows of the index's findings table
    cut: Cut | None = None


def cache_folder(db_path: Path) -> Path:
    """Where a build keeps its readings: beside the index, hidden (index/.kexie.db.cache)."""
    return Path(db_path).with_name(f".{Path(db_path).name}.cache")


class BuildCache:
    """The readings of one index's corpus files, a file each, named by name, bytes and reader version.

    A reading's cut holds for the kept words it was cut with (Cut.kept) and for any other set of
    kept words none of whose differences occurs in its passages: `holds` records such a finding
    (cut with A, holds for B) so that the next build compares its kept words with B, not with A.
    """

    HOLDS = "holds"  # the file of those findings: {reading key: (the cut's kept key, a kept key it holds for)}

    def __init__(self, db_path: Path, version: str):
        self.folder = cache_folder(db_path)
        self.version = version
        self._holds: dict[str, tuple[str, str]] | None = None

    def key(self, name: str, digest: str) -> str:
        return hashlib.sha256(f"{self.version}\0{name}\0{digest}".encode()).hexdigest()

    def reading(self, key: str) -> Reading | None:
        found = self._load(f"{key}.reading")
        if not isinstance(found, Reading):
            return None
        cut = self._load(f"{key}.cut")
        found.cut = cut if isinstance(cut, Cut) else None
        return found

    def kept_for(self, key: str, cut: Cut) -> tuple[str, list[str]] | None:
        """(key, words) of kept words the cut is known to hold for, or None when unknown."""
        if self._holds is None:
            found = self._load(self.HOLDS)
            self._holds = found if isinstance(found, dict) else {}
        made, holds = self._holds.get(key, (None, None))
        for kept in ([holds] if made == cut.kept else []) + [cut.kept]:
            words = self._load(f"{kept}.kept")
            if isinstance(words, list):
                return kept, words
        return None

    def save(self, readings: dict[str, Reading], read: set[str], cut: set[str], kept: tuple[str, list[str]]) -> None:
        """Keep exactly these readings, writing those read and those cut anew; each one's cut holds
        for `kept` (key, words). Everything else in the folder is removed. A folder that cannot be
        written is left as it is: the next build reads more files again, nothing else."""
        try:
            self.folder.mkdir(exist_ok=True)
            if not (self.folder / f"{kept[0]}.kept").exists():  # first: a cut names the kept words it was cut with
                self._dump(f"{kept[0]}.kept", kept[1])
            for key in read:
                self._dump(f"{key}.reading", Reading(readings[key].disclosure, readings[key].findings))
            for key in read | cut:
                self._dump(f"{key}.cut", readings[key].cut)
            made = {reading.cut.kept for reading in readings.values() if reading.cut}
            self._dump(self.HOLDS, {key: (r.cut.kept, kept[0]) for key, r in readings.items() if r.cut})
            wanted = {f"{key}.{part}" for key in readings for part in ("reading", "cut")}
            wanted |= {f"{k}.kept" for k in made | {kept[0]}} | {self.HOLDS}
            for entry in os.scandir(self.folder):
                if entry.name not in wanted and not _being_written(entry.name):
                    os.unlink(entry.path)
        except OSError:
            pass

    def _load(self, name: str):
        try:
            data = zlib.decompress((self.folder / name).read_bytes())
            return _Unpickler(io.BytesIO(data)).load()
        except Exception:  # a missing, damaged or foreign file is a miss, whatever it raises
            return None

    def _dump(self, name: str, value) -> None:
        tmp = self.folder / f".{name}.{os.getpid()}.tmp"
        try:
            tmp.write_bytes(zlib.compress(pickle.dumps(value, protocol=5), 1))
            os.replace(tmp, self.folder / name)
        finally:
            tmp.unlink(missing_ok=True)


def _being_written(name: str) -> bool:
    """A temporary file of a build running now (one of a killed build is removed)."""
    if not (name.startswith(".") and name.endswith(".tmp")):
        return False
    pid = name.rsplit(".", 2)[-2]
    return pid.isdigit() and running(int(pid))


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in READING_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a reading")
        return super().find_class(module, name)


def runtime_version() -> str:
    """What besides the reader's code a reading depends on: the pickled models' library and
    Python, and jieba's dictionary (the passages' cut)."""
    import pydantic

    from .text import _jieba

    jieba = getattr(_jieba(), "__version__", "?")
    return f"{CACHE_FORMAT}:{sys.version_info[0]}.{sys.version_info[1]}:pydantic {pydantic.VERSION}:jieba {jieba}"
