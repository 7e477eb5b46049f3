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
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "坏文件.txt" in line and reason in line
    assert (tmp_path / "c.db").read_bytes() == before
    # the lock stays (see upkeep), and what the first build kept for the next (see build_cache)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".c.db.cache", ".c.db.lock", "c", "c.db", "c.metadata.json"]


NO_TEXT_CORPORA = [("empty", [], "没有公开文件"),
                   ("published-files-only", ["2025-某区商务委员会-部门预算.pdf", "决算.docx"], "kexie ingest")]


@pytest.mark.parametrize("case,files,advice", NO_TEXT_CORPORA, ids=[c[0] for c in NO_TEXT_CORPORA])
def test_a_corpus_without_text_is_said_in_one_line_and_builds_nothing(tmp_path, case, files, advice):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in files:
        (corpus / name).write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(kexie, ["index", "--corpus", str(corpus), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.stderr.splitlines()
    assert advice in line and all(name in line for name in files)
    assert not (tmp_path / "c.db").exists()


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
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kexie.db.cache", "big", "kexie.db", "kexie.metadata.json", "small"]


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


# --- a stale index: rebuilt with a notice, or answering from what it holds -------------------

def stale_collection(root: Path) -> tuple[Path, Path]:
    """An index of 包头 whose corpus has gained 张家口 since it was built."""
    corpus = make_corpus(root / "c", [BAOTOU])
    db = build_index(corpus, root / "idx" / "c.db")
    (corpus / ZHANGJIAKOU).write_bytes((CORPUS / ZHANGJIAKOU).read_bytes())
    return corpus, db


def test_a_rebuild_before_answering_says_so_in_one_line(tmp_path):
    _, db = stale_collection(tmp_path)
    result = CliRunner().invoke(ask, [ZHANGJIAKOU_Q, "--db", str(db)])
    assert result.exit_code == 0 and ZHANGJIAKOU in result.stdout
    assert result.stderr == "正在更新索引…\n"
    again = CliRunner().invoke(ask, [ZHANGJIAKOU_Q, "--db", str(db)])
    assert again.exit_code == 0 and again.stderr == ""


def read_only(monkeypatch, *paths: Path) -> None:
    """chmod the paths read-only. Root writes through chmod: there the rebuild's first write
    beside the index (its lock file) is made to fail as it does for anyone else."""
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    if os.access(paths[0], os.W_OK):
        import kexie_chat.upkeep

        def refused(db_path):
            raise PermissionError(13, "Permission denied", str(db_path.with_name(f".{db_path.name}.lock")))
        monkeypatch.setattr(kexie_chat.upkeep, "_lock_file", refused)


@pytest.mark.parametrize("what", ["folder", "folder and file"])
def test_a_stale_index_that_cannot_be_rebuilt_answers_with_a_warning(tmp_path, monkeypatch, what):
    _, db = stale_collection(tmp_path)
    before = db.read_bytes()
    read_only(monkeypatch, db.parent, *([db] if "file" in what else []))
    try:
        result = CliRunner().invoke(ask, [BAOTOU_Q, "--db", str(db)])
        missing = CliRunner().invoke(ask, [ZHANGJIAKOU_Q, "--db", str(db)])
    finally:
        db.parent.chmod(0o755)
    assert result.exit_code == 0 and BAOTOU in result.stdout
    [warning] = result.stderr.splitlines()
    assert "可能不是最新的" in warning and "Traceback" not in result.output
    assert missing.exit_code == 1  # 张家口 came after the index: not answered from anywhere else
    assert db.read_bytes() == before


def test_a_stale_index_whose_corpus_has_a_bad_file_answers_with_a_warning(tmp_path):
    corpus, db = stale_collection(tmp_path)
    (corpus / "坏文件.txt").write_bytes(bytes(range(256)) * 40)
    result = CliRunner().invoke(ask, [BAOTOU_Q, "--db", str(db)])
    assert result.exit_code == 0 and BAOTOU in result.stdout
    updating, warning = result.stderr.splitlines()  # the file is found bad once the rebuild has begun
    assert updating == "正在更新索引…" and "可能不是最新的" in warning and "坏文件.txt" in warning


def test_a_damaged_index_that_cannot_be_rebuilt_is_exit_2(tmp_path):
    corpus, db = stale_collection(tmp_path)
    db.write_bytes(b"not a database" * 100)
    (corpus / "坏文件.txt").write_bytes(b"")
    result = CliRunner().invoke(ask, [BAOTOU_Q, "--db", str(db)])
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output


# --- several processes asking a stale index at once -----------------------------------------

def kexie_ask(db: Path, question: str, stderr=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen([str(Path(sys.executable).with_name("kexie-ask")), question, "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=stderr, text=True)


def test_askers_at_once_rebuild_a_stale_index_once(tmp_path):
    _, db = stale_collection(tmp_path)
    askers = [kexie_ask(db, q) for q in (ZHANGJIAKOU_Q, BAOTOU_Q, ZHANGJIAKOU_Q)]
    done = [(p.wait(timeout=180), *p.communicate()) for p in askers]
    assert [code for code, _, _ in done] == [0, 0, 0], done
    assert sum("正在更新索引…" in err for _, _, err in done) == 1, done
    assert sorted(documents(db)) == sorted([BAOTOU, ZHANGJIAKOU])


def test_askers_wait_for_the_build_under_way_and_do_not_rebuild(tmp_path):
    import fcntl

    corpus, db = stale_collection(tmp_path)
    logs = [tmp_path / f"asker{n}.err" for n in range(2)]
    with open(db.with_name(f".{db.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build under way in another process
        askers = [kexie_ask(db, ZHANGJIAKOU_Q, stderr=log.open("w")) for log in logs]
        deadline = time.monotonic() + 120
        while not all("等它完成" in log.read_text() for log in logs) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [p.poll() for p in askers] == [None, None], [log.read_text() for log in logs]
        build_index(corpus, db)
    done = [(p.wait(timeout=120), p.communicate()[0], log.read_text()) for p, log in zip(askers, logs)]
    assert [code for code, _, _ in done] == [0, 0] and all(ZHANGJIAKOU in out for _, out, _ in done), done
    assert all(err == "另一个进程正在更新索引，等它完成…\n" for _, _, err in done), done


def test_ingest_updates_the_index_under_the_same_lock(tmp_path):
    """An asker never rebuilds from a corpus that ingest has half changed (and may take back)."""
    import fcntl

    corpus = make_corpus(tmp_path / "c", [BAOTOU])
    db = build_index(corpus, tmp_path / "c.db")
    source = make_corpus(tmp_path / "in", [ZHANGJIAKOU]) / ZHANGJIAKOU
    log = tmp_path / "ingest.err"
    with open(db.with_name(f".{db.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ingest = subprocess.Popen([str(Path(sys.executable).with_name("kexie")), "ingest", str(source),
                                   "--corpus", str(corpus), "--db", str(db)], stderr=log.open("w"))
        deadline = time.monotonic() + 120
        while "等它完成" not in log.read_text() and ingest.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert ingest.poll() is None and documents(db) == [BAOTOU], log.read_text()
    assert ingest.wait(timeout=120) == 0, log.read_text()
    assert sorted(documents(db)) == sorted([BAOTOU, ZHANGJIAKOU])
