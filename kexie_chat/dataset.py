"""The index as a dataset for Datasette and sqlite-utils users: its metadata, and exports of facts.

Pure data and file writing; the SQL of exports lives in store.py. Datasette itself is an optional
extra (`pip install 'kexie-chat[serve]'`), started by the CLI, never imported here.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

TITLE = "kexie-chat：部门预算/决算公开数据"
DESCRIPTION = ("各部门、单位公开的部门预算和部门决算，逐项读成带出处的数字：每个数都有单位名称、年度、预算/决算、"
               "计量单位和它所在的原文行。facts 是数字，passages 是原文段落（可全文搜索），findings 是同一文件里对不上的数。")
SOURCE = "各部门、单位依法公开的部门预算、部门决算文件（见 documents 表）"
LICENSE = "原文件为政府信息公开文件，版权归发布单位；本索引只是它们的结构化摘录"
# Internals of the compact index (see store.py): hidden from a browsing user, documented in docs/CONTRACT.md.
HIDDEN_TABLES = ("figures", "labels", "quotes", "passage_text", "inner_words", "dictionary", "catalog", "meta",
                 "aliases", "finding_data")
FACT_COLUMNS = {
    "org": "单位全称", "year": "年度", "doc_kind": "预算或决算", "metric": "指标（规范名称）",
    "code": "功能分类或经济分类编码", "value": "文件所写的数（单位见 unit）", "value_exact": "同一个数，文字形式，不失精度",
    "unit": "文件所用单位：元、万元、人、辆、%…", "value_wan": "金额统一换算成万元（非金额为空），用来排序和比较",
    "basis": "哪一栏或哪种读法：预算数、决算数、合计、较上年增减…", "doc": "语料文件名", "line": "所在行（从 1 起）",
    "quote": "该行原文", "scope": "部门（汇总）、单位或本级", "source_table": "所在表格的标题，正文为“正文”",
    "item": "表格逐项列出的项目或采购品目", "text": "原文中这个数的写法",
}
PASSAGE_COLUMNS = {"doc": "语料文件名", "line": "段落首行", "text": "原文", "words": "jieba 分词（助手的检索用）"}
FINDING_COLUMNS = {
    "org": "单位全称", "year": "年度", "doc_kind": "预算或决算", "doc": "语料文件名", "kind": "类别",
    "severity": "错误、提示或尾差（四舍五入之内）", "text": "说明", "stated": "文件所写的数", "expected": "按另一处或各部分算出的数",
    "difference": "两者之差（所写 − 算出）", "unit": "单位", "places": "涉及的原文行：文件:行「原文」",
}
FACT_QUERY_COLUMNS = "org, year, doc_kind, scope, metric, code, value, unit, value_wan, basis, source_table, doc, line, quote"
QUERIES = {
    "sangong": {
        "title": "各单位各年度的三公经费（万元）",
        "sql": f"select {FACT_QUERY_COLUMNS} from facts where metric = '三公经费' and rowid in "
               "(select min(rowid) from facts where metric = '三公经费' group by org, year, doc_kind, scope) "
               "order by org, year, doc_kind",
    },
    "ranking": {
        "title": "某一指标在各单位间从高到低（万元）",
        "description": "metric 填规范名称，如 基本支出、公务接待费、项目支出",
        "sql": f"select {FACT_QUERY_COLUMNS} from facts where metric = :metric and value_wan is not null and rowid in "
               "(select min(rowid) from facts where metric = :metric group by org, year, doc_kind, scope) "
               "order by value_wan desc",
    },
    "org_findings": {
        "title": "某单位公开文件中对不上的数",
        "description": "org 填单位名称的一部分，如 江汉",
        "sql": "select org, year, doc_kind, kind, severity, text, stated, expected, difference, unit, places "
               "from findings where org like '%' || :org || '%' order by year, id",
    },
}


def metadata(db_path: Path) -> dict:
    """Datasette metadata for an index: titles, column descriptions in Chinese, facets, canned queries."""
    tables = {name: {"hidden": True} for name in HIDDEN_TABLES}
    tables["facts"] = {"description": "从公开文件读出的每一个数，带出处", "columns": FACT_COLUMNS,
                       "facets": ["org", "year", "doc_kind", "metric"], "sort_desc": "value_wan"}
    tables["passages"] = {"description": "公开文件的段落和表格行，可全文搜索（输入原文里的词，至少三个字）",
                          "columns": PASSAGE_COLUMNS, "fts_table": "passages_search", "fts_pk": "rowid",
                          "facets": ["doc"]}
    tables["findings"] = {"description": "同一文件里对不上的数：合计与各项、正文与表格、前后两处",
                          "columns": FINDING_COLUMNS, "facets": ["org", "kind", "severity"]}
    tables["documents"] = {"description": "语料中的每一份公开文件", "facets": ["org", "year", "doc_kind"]}
    tables["definitions"] = {"description": "文件中的名词解释"}
    return {"title": TITLE, "description": DESCRIPTION, "source": SOURCE, "license": LICENSE,
            "databases": {Path(db_path).stem: {"tables": tables, "queries": QUERIES}}}


def metadata_path(db_path: Path) -> Path:
    """Where the metadata of an index is written beside it: index/kexie.db -> index/kexie.metadata.json."""
    return Path(db_path).with_suffix(".metadata.json")


def write_metadata(db_path: Path, target: Path | None = None) -> Path:
    """Write the index's Datasette metadata (atomically) beside it, or to target."""
    target = target or metadata_path(db_path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(metadata(db_path), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, target)
    return target


EXPORT_FORMATS = ("csv", "json", "xlsx")


def export_text(columns: list[str], rows: list[tuple], fmt: str) -> str:
    """Rows of the facts view as CSV (with a header) or a JSON array of objects."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def export_xlsx(columns: list[str], rows: list[tuple], target: Path) -> None:
    """Rows of the facts view as one worksheet, the header frozen."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("facts")
    sheet.freeze_panes = "A2"
    sheet.append(columns)
    for row in rows:
        sheet.append(list(row))
    book.save(target)
