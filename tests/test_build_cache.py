"""A build reads again only what changed, and gives the index a full build gives.

What a build keeps for the next one (kexie_chat/build_cache.py) is taken back only for a file of
the same name and bytes, read by the same code; whatever the corpus did in between, the index
is the same, row for row in every table (the full-text tables' own storage included), as one
built without it.
"""
import pickle
import sqlite3
import subprocess
import sys
import zlib
from contextlib import closing
from pathlib import Path

import pytest

from kexie_chat import store
from kexie_chat.store import READER_SOURCES, build_index

from conftest import CORPUS

BAOTOU, ZHANGJIAKOU, JIANGHAN = "2020-包头市科协-部门决算.txt", "2020-张家口市科协-部门预算.txt", "2020-江汉区科协-部门决算.txt"
NOTE = "\n附注：本单位2020年培训费为0.35万元，主要用于科普骨干培训。\n"


def add(name):
    return lambda corpus: (corpus / name).write_bytes((CORPUS / name).read_bytes())


def remove(name):
    return lambda corpus: (corpus / name).unlink()


def append_note(name):
    return lambda corpus: (corpus / name).write_text((corpus / name).read_text(encoding="utf-8") + NOTE, encoding="utf-8")


def rename(name, new):
    return lambda corpus: (corpus / name).rename(corpus / new)


# (id, documents before, the change, the files the second build reads)
CHANGES = [
    ("add a document", [BAOTOU, JIANGHAN], add(ZHANGJIAKOU), {ZHANGJIAKOU}),
    ("remove a document", [BAOTOU, ZHANGJIAKOU, JIANGHAN], remove(ZHANGJIAKOU), set()),
    ("edit a document", [BAOTOU, ZHANGJIAKOU], append_note(BAOTOU), {BAOTOU}),
    ("rename a document", [BAOTOU, ZHANGJIAKOU], rename(BAOTOU, "2020-包头科协-决算.txt"), {"2020-包头科协-决算.txt"}),
    ("nothing changed", [BAOTOU, ZHANGJIAKOU], lambda corpus: None, set()),
]


def make_corpus(root: Path, names: list[str]) -> Path:
    root.mkdir(parents=True)
    for name in names:
        add(name)(root)
    return root


def contents(db: Path) -> dict[str, list[tuple]]:
    """Every table of an index, row by row in storage order, and its schema."""
    with closing(sqlite3.connect(db)) as conn:
        names = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")]
        tables = {name: conn.execute(f"select * from [{name}]").fetchall() for name in names}
        tables["sqlite_master"] = conn.execute("select type, name, tbl_name, sql from sqlite_master order by name").fetchall()
    return tables


class Work:
    """What a build reads and cuts anew."""

    def __init__(self, monkeypatch):
        self.read, self.cut = [], 0
        read, cut = store._read, store._cut_texts
        monkeypatch.setattr(store, "_read", lambda file: self.read.append(file.name) or read(file))
        monkeypatch.setattr(store, "_cut_texts", lambda texts: setattr(self, "cut", self.cut + len(texts)) or cut(texts))


@pytest.mark.parametrize("case,before,change,read", CHANGES, ids=[c[0] for c in CHANGES])
def test_a_build_after_a_change_reads_only_what_changed_and_is_the_full_build(tmp_path, monkeypatch, case, before,
                                                                              change, read):
    corpus = make_corpus(tmp_path / "corpus", before)
    build_index(corpus, tmp_path / "kept.db")
    change(corpus)
    work = Work(monkeypatch)
    build_index(corpus, tmp_path / "kept.db")
    assert set(work.read) == read
    passages = {d.document.doc: len(d.passages) for d in store.read_corpus(corpus)}
    others = sum(n for name, n in passages.items() if name not in read)
    again = work.cut - sum(passages[name] for name in read)  # where a new kept word (org, metric) occurs
    assert 0 <= again < others / 10
    build_index(corpus, tmp_path / "full.db", reuse=False)
    assert contents(tmp_path / "kept.db") == contents(tmp_path / "full.db")


def test_new_reader_code_reads_every_file_again(tmp_path, monkeypatch):
    corpus = make_corpus(tmp_path / "corpus", [BAOTOU, ZHANGJIAKOU])
    build_index(corpus, tmp_path / "kept.db")
    monkeypatch.setattr(store, "reader_version", lambda: "another reader")
    work = Work(monkeypatch)
    build_index(corpus, tmp_path / "kept.db")
    assert sorted(work.read) == [BAOTOU, ZHANGJIAKOU]


def test_passages_cut_over_looked_up_words_are_cut_as_over_the_whole_dictionary(tmp_path, monkeypatch):
    """kexie ingest cuts a new document's passages over the words looked up for them (see jieba_words)."""
    from kexie_chat import jieba_words

    corpus = make_corpus(tmp_path / "corpus", [BAOTOU])
    build_index(corpus, tmp_path / "kept.db")
    add(ZHANGJIAKOU)(corpus)
    looked_up = []
    monkeypatch.setattr(jieba_words, "words_in", _recording(jieba_words.words_in, looked_up))
    build_index(corpus, tmp_path / "kept.db")
    assert looked_up and looked_up[0] is not None
    monkeypatch.setattr(jieba_words, "LOOKUP_UP_TO", 0)  # the whole dictionary
    build_index(corpus, tmp_path / "full.db", reuse=False)
    assert contents(tmp_path / "kept.db") == contents(tmp_path / "full.db")


def _recording(function, calls: list):
    def recorded(*args):
        calls.append(function(*args))
        return calls[-1]
    return recorded


class Planted:
    """A pickle that would touch a file when loaded by an unpickler that trusts it."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return Path.touch, (self.marker,)


def test_a_damaged_or_planted_cache_file_is_read_again_and_never_run(tmp_path, monkeypatch):
    corpus = make_corpus(tmp_path / "corpus", [BAOTOU, ZHANGJIAKOU])
    build_index(corpus, tmp_path / "kept.db")
    readings = sorted((tmp_path / ".kept.db.cache").glob("*.reading"))
    cuts = sorted((tmp_path / ".kept.db.cache").glob("*.cut"))
    assert len(readings) == len(cuts) == 2
    marker = tmp_path / "ran"
    readings[0].write_bytes(zlib.compress(pickle.dumps(Planted(marker))))
    cuts[1].write_bytes(b"not a pickle")
    (tmp_path / ".kept.db.cache" / "holds").write_bytes(zlib.compress(pickle.dumps("damaged")))
    work = Work(monkeypatch)
    build_index(corpus, tmp_path / "kept.db")
    assert not marker.exists() and len(work.read) == 1
    build_index(corpus, tmp_path / "full.db", reuse=False)
    assert contents(tmp_path / "kept.db") == contents(tmp_path / "full.db")


def test_a_failed_build_keeps_the_index_and_what_was_kept(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", [BAOTOU])
    build_index(corpus, tmp_path / "kept.db")
    kept = {p.name: p.read_bytes() for p in (tmp_path / ".kept.db.cache").iterdir()}
    before = (tmp_path / "kept.db").read_bytes()
    (corpus / "坏文件.txt").write_bytes(b"")
    with pytest.raises(store.IndexBuildError):
        build_index(corpus, tmp_path / "kept.db")
    assert (tmp_path / "kept.db").read_bytes() == before
    assert {p.name: p.read_bytes() for p in (tmp_path / ".kept.db.cache").iterdir()} == kept


# Run in a fresh interpreter: every module of the package that a build imports.
BUILD_IMPORTS = """
import sys
from pathlib import Path
from kexie_chat.store import build_index
build_index(Path(sys.argv[1]), Path(sys.argv[2]))
print("\\n".join(m.__file__ for name, m in sys.modules.items() if name.startswith("kexie_chat")))
"""


def test_the_reader_version_covers_every_module_a_build_imports(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", [BAOTOU])
    done = subprocess.run([sys.executable, "-c", BUILD_IMPORTS, str(corpus), str(tmp_path / "k.db")],
                          capture_output=True, text=True, check=True)
    package = Path(store.__file__).parent
    covered = {p for pattern in READER_SOURCES for p in package.glob(pattern)}
    imported = {Path(line) for line in done.stdout.splitlines()}
    assert len(imported) > 20
    assert imported <= covered, sorted(str(p.relative_to(package)) for p in imported - covered)


def test_a_reading_taken_back_is_the_reading_parsed(disclosures):
    """Models are built back without validating (build_cache._model): the same models, field for
    field, as pydantic's own model_construct gives, and equal to those parsed."""
    from kexie_chat.build_cache import _model, _plain, _reading, Reading

    for disclosure in disclosures.values():
        back = _reading(_plain(Reading(disclosure, []))).disclosure
        assert back.facts == disclosure.facts and back.passages == disclosure.passages
        assert back.document == disclosure.document and back.definitions == disclosure.definitions
        for model in (back.facts[0], back.facts[-1].source, back.passages[0], back.document):
            values = [getattr(model, name) for name in type(model).model_fields]
            constructed = type(model).model_construct(**dict(zip(type(model).model_fields, values)))
            built = _model(type(model), values)
            assert built.model_dump() == constructed.model_dump() == model.model_dump()
            assert built.model_fields_set == constructed.model_fields_set
            assert built.__pydantic_extra__ == constructed.__pydantic_extra__
            assert built.__pydantic_private__ == constructed.__pydantic_private__


def test_the_passages_a_changed_word_occurs_in_are_found_as_one_by_one(disclosures):
    """A kept word that changed makes the passages it occurs in (folded) be cut again."""
    import random

    from kexie_chat.text import fold

    passages = [p for disclosure in disclosures.values() for p in disclosure.passages]
    pick = random.Random(14)
    pool = [fold(p.text)[i:i + n] for p in pick.sample(passages, 60) for n in (2, 3, 5)
            for i in [pick.randrange(max(1, len(fold(p.text)) - n))]] + ["科协", "不在其中的词", "（"]
    for _ in range(40):
        words = set(pick.sample(pool, pick.randint(0, 8)))
        expected = [n for n, p in enumerate(passages) if any(w in fold(p.text) for w in words)]
        assert store._passages_with(passages, words) == expected, words
