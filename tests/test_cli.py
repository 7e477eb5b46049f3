"""kexie-ask and kexie: text, JSON round trip, stdin conversations, exit codes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kexie_chat.cli import ask, kexie
from kexie_chat.models import Answer

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
BAOTOU = "2020-包头市科协-部门决算.txt"


@pytest.fixture
def run(db):
    def invoke(*args, command=ask, input=None):
        return CliRunner().invoke(command, [*args, "--db", str(db)], input=input)
    return invoke


EXITS = [("answered", "秦皇岛2022年三公经费", 0), ("not_found", "石家庄2020年基本支出", 1), ("error", "  ", 2)]


@pytest.mark.parametrize("name,question,code", EXITS, ids=[e[0] for e in EXITS])
def test_exit_status(run, name, question, code):
    assert run(question).exit_code == code


def test_text_answer(run):
    result = run("秦皇岛2022年三公经费")
    assert "2.14万元" in result.output and "2022-秦皇岛市科协-部门预算.txt" in result.output


def test_json_round_trips_through_the_model(run):
    result = run("--json", "秦皇岛2022年三公经费")
    answer = Answer.model_validate(json.loads(result.output))
    assert answer.status == "answered" and float(answer.facts[0].value) == pytest.approx(2.14)


def test_stdin_is_one_conversation(run):
    result = run("--json", input="秦皇岛2022年三公经费\n公务接待费呢\n")
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a["facts"][0]["value"] for a in answers] == [2.14, 0.21]


def test_help_shows_examples():
    assert "kexie-ask" in CliRunner().invoke(ask, ["--help"]).output


def test_docs_lists_every_document(run):
    result = run("--json", command=kexie.commands["docs"])
    rows = json.loads(result.output)
    assert len(rows) == 5 and all(row["facts"] >= 30 for row in rows)


def test_failed_build_keeps_the_old_index(db, tmp_path):
    before = db.read_bytes()
    (tmp_path / "bad.txt").write_text("这不是一份公开文件", encoding="utf-8")
    result = CliRunner().invoke(kexie, ["index", "--corpus", str(tmp_path), "--db", str(db)])
    assert result.exit_code != 0 and db.read_bytes() == before


# --- conventions of the shell: -h, --version, kexie ask, --db / KEXIE_DB --------------------

COMMANDS = [["ask"], ["app"], ["index"], ["ingest"], ["docs"], ["check"], ["serve"], ["export"], []]


@pytest.mark.parametrize("flag", ["-h", "--help"])
@pytest.mark.parametrize("path", COMMANDS, ids=["kexie " + " ".join(c) for c in COMMANDS])
def test_every_command_has_help_in_chinese_with_examples(path, flag):
    result = CliRunner().invoke(kexie, [*path, flag])
    assert result.exit_code == 0, result.output
    examples = result.output.split("例子：")[1]
    assert sum("kexie" in line for line in examples.splitlines()) >= 2
    assert "显示帮助并退出" in result.output and "KEXIE_DB" in result.output


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_kexie_ask_has_help_too(flag):
    result = CliRunner().invoke(ask, [flag])
    assert result.exit_code == 0 and "例子：" in result.output and 'kexie-ask "' in result.output


@pytest.mark.parametrize("command,name", [(kexie, "kexie"), (ask, "kexie-ask")])
def test_version(command, name):
    from importlib.metadata import version

    result = CliRunner().invoke(command, ["--version"])
    assert result.exit_code == 0 and result.output == f"{name} {version('kexie-chat')}\n"


def test_kexie_ask_is_kexie_ask(db):
    assert kexie.commands["ask"] is ask  # one implementation, so the same options
    args = ["--json", "秦皇岛2022年三公经费", "--db", str(db)]
    assert CliRunner().invoke(kexie, ["ask", *args]).output == CliRunner().invoke(ask, args).output


@pytest.mark.parametrize("path", COMMANDS, ids=["kexie " + " ".join(c) for c in COMMANDS])
def test_every_command_takes_db_and_kexie_db(path):
    command = kexie
    for name in path:
        command = command.commands[name]
    [option] = [p for p in command.params if p.name == "db"]
    assert option.opts == ["--db"] and option.envvar == "KEXIE_DB"


def test_db_before_the_command_is_used(db):
    result = CliRunner().invoke(kexie, ["--db", str(db), "docs", "--json"], env={"KEXIE_DB": "/nonexistent/x.db"})
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 5


# --- kexie-ask -: a conversation from stdin -------------------------------------------------

TURNS = ["秦皇岛2022年三公经费", "公务接待费呢", "石家庄2020年基本支出"]


def test_stdin_text_shows_each_question_before_its_answer(run, assistant):
    result = run("-", input="\n".join(TURNS[:2]) + "\n\n")
    chat = assistant.conversation()
    expected = "\n\n".join(f"问：{q}\n{chat.ask(q).text}" for q in TURNS[:2]) + "\n"  # a blank line between
    assert result.exit_code == 0 and result.stdout == expected


@pytest.mark.parametrize("args", [["-"], []], ids=["dash", "no-argument"])
def test_stdin_json_is_one_object_a_line(run, args):
    result = run("--json", *args, input="\n".join(TURNS) + "\n")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == TURNS
    assert [a["status"] for a in answers] == ["answered", "answered", "not_found"]


# (turns, exit status without --strict, with --strict)
CONVERSATIONS = [("all answered", TURNS[:2], 0, 0), ("one not found", TURNS, 0, 1),
                 ("one to clarify", ["比较张家口和秦皇岛", TURNS[0]], 0, 1), ("empty", [], 0, 0)]


@pytest.mark.parametrize("name,turns,plain,strict", CONVERSATIONS, ids=[c[0] for c in CONVERSATIONS])
def test_a_conversation_exits_0_and_the_worst_turn_only_with_strict(run, name, turns, plain, strict):
    text = "".join(t + "\n" for t in turns)
    assert run("-", input=text).exit_code == plain
    assert run("-", "--strict", input=text).exit_code == strict


EXITS_MORE = [("clarify", "比较张家口和秦皇岛", 1, "要比较哪一项")]


@pytest.mark.parametrize("name,question,code,words", EXITS_MORE, ids=[e[0] for e in EXITS_MORE])
def test_exit_status_of_clarify(run, name, question, code, words):
    result = run(question)
    assert result.exit_code == code and words in result.stdout


# --- no silent surprises: a named index that does not exist ---------------------------------

MISSING_DB_COMMANDS = [["ask", "秦皇岛2022年三公经费"], ["docs"], ["check"], ["index"],
                       ["ingest", "x.txt"], ["ask", "-"], ["serve"], ["export"]]


@pytest.mark.parametrize("how", ["--db", "KEXIE_DB", "--db before"])
@pytest.mark.parametrize("args", MISSING_DB_COMMANDS, ids=[" ".join(a) for a in MISSING_DB_COMMANDS])
def test_a_missing_index_is_an_error_and_nothing_is_created(tmp_path, args, how):
    db = tmp_path / "typo" / "kexie.db"
    if how == "--db":
        result = CliRunner().invoke(kexie, [*args, "--db", str(db)], input="秦皇岛2022年三公经费\n")
    elif how == "KEXIE_DB":
        result = CliRunner().invoke(kexie, args, env={"KEXIE_DB": str(db)}, input="秦皇岛2022年三公经费\n")
    else:
        result = CliRunner().invoke(kexie, ["--db", str(db), *args], input="秦皇岛2022年三公经费\n")
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert str(db) in line and f"kexie index --db {db} --corpus" in line
    assert list(tmp_path.iterdir()) == []


def test_a_new_index_is_built_when_its_corpus_is_given(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / BAOTOU).write_bytes((CORPUS / BAOTOU).read_bytes())
    result = CliRunner().invoke(kexie, ["index", "--db", str(tmp_path / "new" / "k.db"), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    asked = CliRunner().invoke(ask, ["包头2020年基本支出", "--db", str(tmp_path / "new" / "k.db")])
    assert asked.exit_code == 0 and BAOTOU in asked.stdout


def test_the_default_index_is_built_from_corpus_when_missing(tmp_path, monkeypatch):
    import kexie_chat.upkeep as upkeep

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / BAOTOU).write_bytes((CORPUS / BAOTOU).read_bytes())
    monkeypatch.setattr(upkeep, "DEFAULT_CORPUS", corpus)
    monkeypatch.setattr(upkeep, "DEFAULT_DB", tmp_path / "index" / "kexie.db")
    monkeypatch.delenv("KEXIE_DB", raising=False)
    result = CliRunner().invoke(ask, ["包头2020年基本支出"])
    assert result.exit_code == 0 and BAOTOU in result.stdout
    assert result.stderr == "正在建立索引…\n" and (tmp_path / "index" / "kexie.db").exists()


# --- errors: exit 2, messages on stderr, never a traceback ----------------------------------

def test_a_damaged_index_is_exit_2_without_a_traceback(tmp_path):
    (tmp_path / "x.db").write_bytes(b"not a database" * 100)
    for args in (["ask", "包头"], ["docs"], ["check"]):
        result = CliRunner().invoke(kexie, [*args, "--db", str(tmp_path / "x.db")])
        assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output
        assert "不是 kexie 索引" in result.stderr


def test_an_unreadable_index_is_exit_2(db, tmp_path):
    copy = tmp_path / "k.db"
    copy.write_bytes(db.read_bytes())
    copy.chmod(0)
    if os.access(copy, os.R_OK):
        pytest.skip("running as root: chmod does not stop reading")
    result = CliRunner().invoke(ask, ["包头2020年基本支出", "--db", str(copy)])
    assert result.exit_code == 2 and "没有读权限" in result.stderr and result.stdout == ""


# --- the app wants a terminal ---------------------------------------------------------------

@pytest.mark.parametrize("args", [[], ["app"], ["--db", "index/kexie.db"], ["app", "--db", "/nonexistent.db"]])
def test_the_app_without_a_terminal_says_so_and_exits_2(args):
    kexie_bin = Path(sys.executable).with_name("kexie")
    done = subprocess.run([str(kexie_bin), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=30, text=True)
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "需要在终端中运行" in line and "kexie ask" in line


def test_the_readme_documents_every_command_and_the_exit_codes():
    root = Path(__file__).resolve().parent.parent
    readme, contract = (root / "README.md").read_text(encoding="utf-8"), (root / "docs/CONTRACT.md").read_text(encoding="utf-8")
    assert all(f"kexie {name}" in readme for name in kexie.commands), sorted(kexie.commands)
    assert "kexie-ask -" in readme and "KEXIE_DB" in readme and "docs/CONTRACT.md" in readme
    for text in (readme, contract):
        assert all(f"| {code} |" in text for code in (0, 1, 2)) and "--strict" in text
