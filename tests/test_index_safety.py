"""Several collections side by side, and an index that is never lost or half-written.

A build killed with SIGKILL leaves the previous index answering; readers that ask while
an index is rebuilt never fail; an index is never rebuilt from another collection's corpus.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kexie_chat import Assistant
from kexie_chat.cli import ask, kexie
from kexie_chat.store import Store, build_index

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
BAOTOU, ZHANGJIAKOU = "2020-包头市科协-部门决算.txt", "2020-张家口市科协-部门预算.txt"
BAOTOU_Q, ZHANGJIAKOU_Q = "包头2020年基本支出", "张家口2020年基本支出"
BUILD = "import sys; from pathlib import Path; from kexie_chat.store import build_index; " \
        "[build_index(Path(sys.argv[1]), Path(sys.argv[2])) for _ in range(int(sys.argv[3]))]"


def make_corpus(root: Path, names: list[str], copies: int = 1) -> Path:
    root.mkdir(parents=True)
    for name in names:
        for n in range(copies):
            target = name if n == 0 else name.replace(".txt", f"-副本{n}.txt")
            (root / target).write_bytes((CORPUS / name).read_bytes())
    return root


@pytest.fixture(scope="module")
def collections(tmp_path_factory):
    """Two newsrooms' collections: A holds 张家口, B holds 包头."""
    root = tmp_path_factory.mktemp("newsrooms")
    for label, name in (("a", ZHANGJIAKOU), ("b", BAOTOU)):
        build_index(make_corpus(root / label, [name]), root / f"{label}.db")
    return root


def documents(db: Path) -> list[str]:
    store = Store(db)
    try:
        return [d.doc for d in store.documents()]
    finally:
        store.close()


# --- several collections -------------------------------------------------------------------

def test_each_collection_answers_from_its_own_index(collections):
    runner = CliRunner()
    assert runner.invoke(ask, [ZHANGJIAKOU_Q, "--db", str(collections / "a.db")]).exit_code == 0
    assert runner.invoke(ask, [ZHANGJIAKOU_Q, "--db", str(collections / "b.db")]).exit_code == 1
    by_env = runner.invoke(ask, [BAOTOU_Q], env={"KEXIE_DB": str(collections / "b.db")})
    assert by_env.exit_code == 0 and BAOTOU in by_env.stdout


def test_another_collections_index_is_never_rebuilt_from_the_default_corpus(collections):
    before = (collections / "b.db").read_bytes()
    assistant = Assistant(db_path=collections / "b.db")
    assert assistant.corpus == collections / "b"
    assert documents(collections / "b.db") == [BAOTOU]
    assert (collections / "b.db").read_bytes() == before


def test_a_stale_collection_is_rebuilt_from_its_own_corpus(tmp_path):
    corpus = make_corpus(tmp_path / "c", [BAOTOU])
    build_index(corpus, tmp_path / "c.db")
    (corpus / ZHANGJIAKOU).write_bytes((CORPUS / ZHANGJIAKOU).read_bytes())
    assert Assistant(db_path=tmp_path / "c.db").ask(ZHANGJIAKOU_Q).status == "answered"
    assert sorted(documents(tmp_path / "c.db")) == sorted([BAOTOU, ZHANGJIAKOU])


def test_an_index_that_does_not_name_its_corpus_is_used_as_it_is(tmp_path):
    build_index(make_corpus(tmp_path / "c", [BAOTOU]), tmp_path / "old.db")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.execute("delete from meta where key = 'corpus'")
        conn.execute("update meta set value = 'stale' where key = 'fingerprint'")
    before = (tmp_path / "old.db").read_bytes()
    assert Assistant(db_path=tmp_path / "old.db").ask(BAOTOU_Q).status == "answered"
    assert (tmp_path / "old.db").read_bytes() == before


def test_kexie_index_rebuilds_a_collection_from_its_own_corpus(tmp_path):
    corpus = make_corpus(tmp_path / "c", [BAOTOU])
    build_index(corpus, tmp_path / "c.db")
    (corpus / ZHANGJIAKOU).write_bytes((CORPUS / ZHANGJIAKOU).read_bytes())
    result = CliRunner().invoke(kexie, ["index", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert sorted(documents(tmp_path / "c.db")) == sorted([BAOTOU, ZHANGJIAKOU])


def test_a_damaged_index_is_reported(tmp_path):
    (tmp_path / "x.db").write_bytes(b"not a database" * 100)
    result = CliRunner().invoke(ask, [BAOTOU_Q, "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0 and "不是 kexie 索引" in result.stderr


def test_a_damaged_index_is_rebuilt_when_its_corpus_is_known(tmp_path):
    corpus = make_corpus(tmp_path / "c", [BAOTOU])
    (tmp_path / "x.db").write_bytes(b"not a database" * 100)
    assert Assistant(db_path=tmp_path / "x.db", corpus=corpus).ask(BAOTOU_Q).status == "answered"


# --- the corpus in other encodings, and files that cannot be read ---------------------------

def test_kexie_index_reads_a_corpus_file_in_gbk(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / BAOTOU).write_bytes((CORPUS / BAOTOU).read_text(encoding="utf-8").encode("gbk"))
    result = CliRunner().invoke(kexie, ["index", "--corpus", str(corpus), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert Assistant(db_path=tmp_path / "c.db").ask(BAOTOU_Q).status == "answered"


BAD_CORPUS_FILES = [("binary", bytes(range(256)) * 40, "二进制"), ("empty", b"", "文件是空的"),
                    ("not-a-disclosure", "会议纪要".encode("gbk"), "找不到单位名称")]


@pytest.mark.parametrize("case,content,reason", BAD_CORPUS_FILES, ids=[c[0] for c in BAD_CORPUS_FILES])
def test_a_bad_corpus_file_keeps_the_old_index(tmp_path, case, content, reason):
    corpus = make_corpus(tmp_path / "c", [BAOTOU])
    build_index(corpus, tmp_path / "c.db")
    before = (tmp_path / "c.db").read_bytes()
    (corpus / "坏文件.txt").write_bytes(content)
    result = CliRunner().invoke(kexie, ["index", "--corpus", str(corpus), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "坏文件.txt" in line and reason in line
    assert (tmp_path / "c.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "c.db", "c.metadata.json"]


# --- never lose or corrupt -----------------------------------------------------------------

def start_builds(corpus: Path, db: Path, times: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", BUILD, str(corpus), str(db), str(times)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_a_build_killed_mid_way_leaves_the_previous_index_answering(tmp_path):
    db = tmp_path / "kexie.db"
    build_index(make_corpus(tmp_path / "small", [BAOTOU]), db)
    before = db.read_bytes()
    big = make_corpus(tmp_path / "big", [BAOTOU, ZHANGJIAKOU, "2020-江汉区科协-部门决算.txt"], copies=2)
    builder = start_builds(big, db, 1)
    temporary = tmp_path / f".kexie.db.{builder.pid}.tmp"
    deadline = time.monotonic() + 120
    while not temporary.exists() and builder.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(builder.pid, signal.SIGKILL)
    builder.wait()
    assert builder.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    assert db.read_bytes() == before
    assert Assistant(db_path=db).ask(BAOTOU_Q).status == "answered"
    assert temporary.exists()  # SIGKILL leaves it; the next build clears it away
    build_index(tmp_path / "small", db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big", "kexie.db", "kexie.metadata.json", "small"]


def test_questions_asked_during_rebuilds_are_all_answered(tmp_path):
    corpus = make_corpus(tmp_path / "c", [BAOTOU, ZHANGJIAKOU])
    db = tmp_path / "kexie.db"
    build_index(corpus, db)
    builder = start_builds(corpus, db, 2)
    statuses = []
    try:
        while builder.poll() is None:
            assistant = Assistant(db_path=db, corpus=corpus)
            statuses.append(assistant.ask(BAOTOU_Q).status)
            statuses.append(assistant.conversation().ask(ZHANGJIAKOU_Q).status)
            assistant.store.close()
            time.sleep(0.01)  # leave the builder a core
    finally:
        builder.wait(timeout=120)
    assert builder.returncode == 0, builder.stderr.read().decode()
    assert len(statuses) > 20 and set(statuses) == {"answered"}


def test_an_open_assistant_keeps_answering_across_a_rebuild(tmp_path):
    corpus = make_corpus(tmp_path / "c", [BAOTOU])
    build_index(corpus, tmp_path / "kexie.db")
    assistant = Assistant(db_path=tmp_path / "kexie.db")
    build_index(corpus, tmp_path / "kexie.db")
    assert assistant.ask(BAOTOU_Q).status == "answered"
