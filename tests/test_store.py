"""The index keeps exactly what the parser read, in the contract's tables, however compactly.

`facts` and `passages` are views over compact tables (see store.VIEWS): reading them back must
give every figure and every passage as parsed, and sqlite-utils and the FTS5 table must read
them as the contract says.
"""
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from kexie_chat import Assistant, store
from kexie_chat.store import IndexBuildError, Store, _figure_rows, _Strings, build_index, read_corpus

from conftest import CORPUS

BAOTOU = "2020-包头市科协-部门决算.txt"




@pytest.fixture(scope="module")
def parsed():
    return list(read_corpus(CORPUS))


def test_every_figure_reads_back_as_parsed(db, parsed):
    store = Store(db)
    stored = store.facts()
    assert stored == [fact for disclosure in parsed for fact in disclosure.facts]
    assert len(stored) > 2000


def test_a_figure_keeps_its_exact_value_and_the_float_the_contract_shows(db):
    conn = sqlite3.connect(db)
    rows = conn.execute("select value, value_exact from facts where value_exact is not null").fetchall()
    assert rows and all(value == float(Decimal(exact)) for value, exact in rows)
    row = conn.execute("select org, year, doc_kind, metric, code, value, unit, basis, doc, line, quote from facts "
                       "where metric = '公务接待费' and org like '秦皇岛%' and basis = '预算数'").fetchone()
    assert row == ("秦皇岛市科学技术协会", 2022, "预算", "公务接待费", None, 0.21, "万元", "预算数",
                   "2022-秦皇岛市科协-部门预算.txt", 587, row[10])
    assert "公务接待费 0.21万元" in row[10]


def test_every_passage_reads_back_as_parsed_text(db, parsed):
    conn = sqlite3.connect(db)
    stored = conn.execute("select doc, line, text from passages order by rowid").fetchall()
    assert stored == [(p.doc, p.line, p.text) for disclosure in parsed for p in disclosure.passages]


def test_the_full_text_index_agrees_with_its_content_and_finds_a_passage(db):
    conn = sqlite3.connect(db)
    conn.execute("insert into passages_fts (passages_fts, rank) values ('integrity-check', 1)")
    hits = conn.execute("select p.doc, p.text from passages_fts f join passages p on p.rowid = f.rowid "
                        "where passages_fts match '公务接待费' order by bm25(passages_fts)").fetchall()
    assert hits and all("公务接待费" in text for _, text in hits)


def test_sqlite_utils_reads_the_contract_tables(db):
    index = sqlite_utils.Database(db)
    assert index["facts"].count > 2000
    assert {"org", "year", "doc_kind", "metric", "code", "value", "unit", "basis", "doc", "line",
            "quote"} <= set(index["facts"].columns_dict)
    assert {"doc", "line", "text", "words"} <= set(index["passages"].columns_dict)
    assert next(index["facts"].rows_where("code = ?", ["2060702"], limit=1))["metric"]


def test_a_word_inside_a_longer_word_is_found(db):
    """西城 is cut whole only inside 西城区 and the org's name: the search still finds it."""
    passages = Store(db).search(["西城"])
    assert passages and all("西城" in p.text for p in passages)


def test_a_figure_that_is_not_its_documents_is_refused(parsed):
    disclosure = parsed[0]
    stray = disclosure.facts[0].model_copy(update={"year": disclosure.document.year + 1})
    disclosure.facts.append(stray)
    with pytest.raises(IndexBuildError):
        list(_figure_rows([disclosure], _Strings(), _Strings()))
    disclosure.facts.pop()


def test_an_index_built_from_a_relative_path_is_known_current_without_hashing_the_corpus(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = next(CORPUS.glob("*.txt"))
    (corpus / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.chdir(tmp_path)
    db = build_index(Path("corpus"), tmp_path / "kexie.db")

    def hashed(_):
        raise AssertionError("the corpus was hashed again")

    monkeypatch.setattr(store, "corpus_fingerprint", hashed)
    index = Store(db)
    assert index.corpus() == corpus.resolve()
    assert index.is_current(index.corpus())


def test_a_question_is_cut_with_its_own_index_dictionary_after_another_index_opened(assistant, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / BAOTOU).write_text((CORPUS / BAOTOU).read_text(encoding="utf-8"), encoding="utf-8")
    other = Assistant(db_path=build_index(corpus, tmp_path / "other.db"), corpus=corpus)
    assert other.ask("张家口科技馆").status == "not_found"  # that index holds no 张家口 document
    answer = assistant.ask("张家口科技馆")
    assert answer.status == "answered" and any("科技馆" in p.text for p in answer.passages)
