"""kexie-ask and kexie: text, JSON round trip, stdin conversations, exit codes."""
import json

import pytest
from click.testing import CliRunner

from kexie_chat.cli import ask, kexie
from kexie_chat.models import Answer


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
