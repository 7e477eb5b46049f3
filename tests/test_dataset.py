"""The index as a dataset: Datasette (`kexie serve`, for real over HTTP), sqlite-utils, exports."""
import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from kexie_chat.cli import kexie
from kexie_chat.dataset import HIDDEN_TABLES, metadata, metadata_path

BIN = Path(sys.executable).parent


def test_facts_carry_money_in_wan_for_every_document(db):
    rows = sqlite3.connect(db).execute(
        "select org, value, unit, value_wan from facts where metric = '基本支出' and basis = '预算数' "
        "and source_table = '正文' order by value_wan desc").fetchall()
    by_org = {org: (value, unit, wan) for org, value, unit, wan in rows}
    assert by_org["张家口市科学技术协会"] == (634.87, "万元", 634.87)
    value, unit, wan = by_org["北京市西城区科学技术协会"]
    assert unit == "元" and wan == pytest.approx(value / 10000)
    wans = [wan for *_, wan in rows]
    assert wans == sorted(wans, reverse=True)


def test_non_money_has_no_value_in_wan(db):
    rows = sqlite3.connect(db).execute("select distinct unit from facts where value_wan is null").fetchall()
    assert {unit for (unit,) in rows} and not {unit for (unit,) in rows} & {"元", "万元", "亿元"}


@pytest.mark.parametrize("words, doc, needle", [
    ("公务接待", "2022-秦皇岛市科协-部门预算.txt", "公务接待"),
    ("科技馆 张家口", "2020-张家口市科协-部门预算.txt", "科技馆"),
    ("机关运行经费", "2020-江汉区科协-部门决算.txt", "机关运行经费"),
])
def test_full_text_search_takes_the_words_a_person_types(db, words, doc, needle):
    rows = sqlite3.connect(db).execute(
        "select doc, text from passages_search where passages_search match ?", [words]).fetchall()
    assert any(d == doc and needle in text for d, text in rows)
    assert all(all(w in text for w in words.split()) for _, text in rows)


def test_findings_are_readable(db):
    conn = sqlite3.connect(db)
    columns = [row[1] for row in conn.execute("pragma table_info(findings)")]
    assert "data" not in columns
    kinds = {kind for (kind,) in conn.execute("select kind from findings")}
    assert kinds and all("\u4e00" <= kind[0] <= "\u9fff" for kind in kinds)
    row = conn.execute("select severity, stated, expected, difference, places from findings "
                       "where org like '%包头%' and kind = '勾稽关系' and stated = 575.66").fetchone()
    assert row[0] == "错误" and row[2] == 655.35 and row[3] == pytest.approx(-79.69)
    assert "2020-包头市科协-部门决算.txt:105「" in row[4]


def test_sqlite_utils_sees_a_dataset(db):
    database = sqlite_utils.Database(db)
    assert {"facts", "passages"} <= set(database.view_names())
    assert {"documents", "findings", "passages_search"} <= set(database.table_names())
    facts = list(database["facts"].rows_where("metric = ? and org like ?", ["三公经费", "%秦皇岛%"]))
    assert facts and facts[0]["value"] == 2.14
    out = subprocess.run([BIN / "sqlite-utils", "search", str(db), "passages_search", "公务接待", "--limit", "3"],
                         capture_output=True, text=True, check=True).stdout
    hits = json.loads(out)
    assert len(hits) == 3 and all("公务接待" in hit["text"] and hit["doc"] for hit in hits)


def test_metadata_is_written_with_the_index_and_hides_internals(db):
    written = json.loads(metadata_path(db).read_text(encoding="utf-8"))
    assert written == metadata(db)
    tables = written["databases"][Path(db).stem]["tables"]
    assert all(tables[name]["hidden"] for name in HIDDEN_TABLES)
    assert tables["facts"]["columns"]["value_wan"] and tables["passages"]["fts_table"] == "passages_search"
    assert {row[0] for row in sqlite3.connect(db).execute("select name from sqlite_master")} >= set(HIDDEN_TABLES)


def _export(db, *args):
    result = CliRunner().invoke(kexie, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


def test_export_csv_has_the_columns_of_the_view(db):
    text = _export(db, "--org", "秦皇岛", "--metric", "公务接待费").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    header = [row[1] for row in sqlite3.connect(db).execute("pragma table_info(facts)") if row[1] != "rowid"]
    assert list(rows[0]) == header
    assert {row["org"] for row in rows} == {"秦皇岛市科学技术协会"}
    assert "0.21" in {row["value_exact"] for row in rows}


def test_export_json_and_xlsx(db, tmp_path):
    rows = json.loads(_export(db, "--metric", "三公经费", "--format", "json").stdout)
    assert {row["org"] for row in rows} >= {"张家口市科学技术协会", "秦皇岛市科学技术协会"}
    target = tmp_path / "三公.xlsx"
    _export(db, "--metric", "三公经费", "--format", "xlsx", "-o", str(target))
    from openpyxl import load_workbook

    sheet = load_workbook(target, read_only=True).active
    table = list(sheet.iter_rows(values_only=True))
    assert len(table) == len(rows) + 1 and table[0][0] == "org"
    assert [r[table[0].index("value_exact")] for r in table[1:]] == [r["value_exact"] for r in rows]


def test_export_refuses_what_it_cannot_do(db):
    runner = CliRunner()
    assert runner.invoke(kexie, ["export", "--db", str(db), "--format", "xlsx"]).exit_code == 2
    assert runner.invoke(kexie, ["export", "--db", str(db), "--org", "火星科协"]).exit_code == 2


def test_serve_without_datasette_names_the_extra(db, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasette" else real(name, *a))
    result = CliRunner().invoke(kexie, ["serve", "--db", str(db)])
    assert result.exit_code == 2 and "kexie-chat[serve]" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        body = response.read().decode("utf-8")
    return json.loads(body) if ".json" in url else body


@pytest.fixture(scope="module")
def served(db):
    pytest.importorskip("datasette", reason="the serve extra is not installed (pip install 'kexie-chat[serve]')")
    port = _free_port()
    process = subprocess.Popen([BIN / "kexie", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base + "/-/versions.json")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"kexie serve did not start: {process.stderr.read().decode()}")
            time.sleep(0.3)
    yield f"{base}/{Path(db).stem}"
    process.terminate()
    process.wait(timeout=10)


def _q(text: str) -> str:
    return urllib.parse.quote(text)


def test_served_home_page_lists_the_dataset_not_its_internals(served):
    page = _get(served)
    assert "facts" in page and "passages" in page and "findings" in page
    assert "inner_words" not in page and "passage_text" not in page


def test_served_facts_sorted_by_money_in_wan(served):
    data = _get(f"{served}/facts.json?_shape=objects&metric={_q('基本支出')}&value_wan__notnull=1&_sort_desc=value_wan&_size=100")
    wans = [row["value_wan"] for row in data["rows"]]
    assert wans == sorted(wans, reverse=True) and wans[0] == 634.87
    assert any(row["unit"] == "元" for row in data["rows"])


def test_served_search_with_the_words_a_person_types(served):
    data = _get(f"{served}/passages.json?_shape=objects&_search={_q('公务接待')}")
    assert data["rows"] and all("公务接待" in row["text"] for row in data["rows"])


def test_served_canned_query_and_json_api(served):
    data = _get(f"{served}/sangong.json?_shape=objects")
    figures = {(row["org"], row["year"]): row["value_wan"] for row in data["rows"]}
    assert figures[("秦皇岛市科学技术协会", 2022)] == 2.14 and figures[("张家口市科学技术协会", 2020)] == 5.19
    findings = _get(f"{served}/org_findings.json?_shape=objects&org={_q('江汉')}")
    assert findings["rows"] and all("江汉" in row["org"] for row in findings["rows"])


def test_served_ranking_of_a_metric_across_orgs(served):
    data = _get(f"{served}/ranking.json?_shape=objects&metric={_q('三公经费')}")
    rows = data["rows"]
    assert rows[0]["org"] == "张家口市科学技术协会" and rows[0]["value_wan"] == 5.19
    assert [r["value_wan"] for r in rows] == sorted((r["value_wan"] for r in rows), reverse=True)
    assert len({(r["org"], r["year"], r["doc_kind"], r["scope"]) for r in rows}) == len(rows)


def test_stopping_serve_stops_the_server(db):
    pytest.importorskip("datasette", reason="the serve extra is not installed (pip install 'kexie-chat[serve]')")
    port = _free_port()
    process = subprocess.Popen([BIN / "kexie", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _get(f"http://127.0.0.1:{port}/-/versions.json")
            break
        except OSError:
            time.sleep(0.3)
    process.terminate()
    process.wait(timeout=10)
    with pytest.raises(OSError):  # nothing is left listening on the port
        _get(f"http://127.0.0.1:{port}/-/versions.json")
