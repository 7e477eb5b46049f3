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
CACHE_FORMAT = "2"
# What a file of the folder may hold besides plain values: unpickling one can never run other code.
# Readings are kept as plain values (models pickle three times slower) and built again without
# validating (they were validated when the file was read).
READING_CLASSES = {("decimal", "Decimal")}


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
        try:
            reading = _reading(self._load(f"{key}.reading"))
        except Exception:  # not a reading (None when missing or damaged): read the file again
            return None
        try:
            reading.cut = Cut(*self._load(f"{key}.cut"))
        except TypeError:
            reading.cut = None
        return reading

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
                self._dump(f"{key}.reading", _plain(readings[key]))
            for key in read | cut:
                cut_of = readings[key].cut
                self._dump(f"{key}.cut", (cut_of.kept, cut_of.cuts, cut_of.inner, cut_of.words, cut_of.total))
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


def _plain(reading: Reading) -> tuple:
    """A reading as plain values: each model as its fields' values, in their order."""
    from .models import Source

    disclosure = reading.disclosure
    facts = [tuple(_values(value) if isinstance(value, Source) else value for value in _values(fact))
             for fact in disclosure.facts]
    return (_values(disclosure.document), facts, [_values(p) for p in disclosure.passages],
            [_values(d) for d in disclosure.definitions], list(disclosure.aliases), reading.findings)


def _reading(plain: tuple) -> Reading:
    from .models import Definition, Document, Fact, Passage, Source
    from .parse import Disclosure

    document, facts, passages, definitions, aliases, findings = plain
    source_at = list(Fact.model_fields).index("source")
    built = []
    for values in facts:
        values = list(values)
        values[source_at] = _model(Source, values[source_at])
        built.append(_model(Fact, values))
    disclosure = Disclosure(_model(Document, document), built, [_model(Passage, v) for v in passages],
                            [_model(Definition, v) for v in definitions], aliases)
    return Reading(disclosure, findings)


def _values(model) -> tuple:
    return tuple(getattr(model, name) for name in type(model).model_fields)


def _model(cls, values: tuple):
    """What `cls.model_construct` builds from every field's value, four times faster (a build
    takes back thousands of facts): a model with no hooks on construction is its fields' values."""
    if len(values) != len(cls.model_fields):
        raise ValueError(f"{cls.__name__} has other fields now")
    if cls.__pydantic_post_init__ or cls.__pydantic_root_model__ or cls.model_config.get("extra") == "allow":
        return cls.model_construct(**dict(zip(cls.model_fields, values)))
    model = cls.__new__(cls)
    _set(model, "__dict__", dict(zip(cls.model_fields, values)))
    _set(model, "__pydantic_fields_set__", set(cls.model_fields))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


_set = object.__setattr__  # as pydantic sets a model's own attributes (a frozen model refuses setattr)


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
