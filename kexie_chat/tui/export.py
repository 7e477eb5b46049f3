"""An Answer as a file a reporter keeps: Markdown, CSV or JSON.

Pure: an Answer in, text out. The app chooses the file and writes it (CSV with a BOM, so
that spreadsheet programs read the Chinese right).
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Callable

from ..models import Answer
from ..render import figure
from ..text import format_amount

CSV_COLUMNS = ("org", "year", "doc_kind", "metric", "code", "value", "unit", "basis", "doc", "line", "quote")
MARKDOWN_COLUMNS = ("单位", "年度", "预算/决算", "指标", "编码", "数值", "来源")


def to_markdown(answer: Answer) -> str:
    lines = [f"## {_md(answer.question)}", "", "  \n".join(answer.text.splitlines()), ""]
    if answer.facts:
        lines += ["| " + " | ".join(MARKDOWN_COLUMNS) + " |", "|" + "---|" * len(MARKDOWN_COLUMNS)]
        lines += ["| " + " | ".join(_md(cell) for cell in (
            f.org, str(f.year), f.doc_kind, f.metric, f.code or "", figure(f),
            f"{f.source.doc} 第{f.source.line}行")) + " |" for f in answer.facts]
        lines.append("")
    if answer.passages:
        lines += ["### 原文", ""] + [f"- {p.doc} 第{p.line}行：{_md(p.text)}" for p in answer.passages] + [""]
    if answer.suggestions:
        lines += ["### 可以试试", ""] + [f"- {_md(s)}" for s in answer.suggestions] + [""]
    return "\n".join(lines)


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def to_csv(answer: Answer) -> str:
    """One row a fact, the value exactly as the document states it, in its own unit."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in answer.facts:
        value = format_amount(f.value) if f.value is not None else (f.text or "")
        writer.writerow([f.org, f.year, f.doc_kind, f.metric, f.code or "", value, f.unit, f.basis or "",
                         f.source.doc, f.source.line, f.source.quote])
    return out.getvalue()


def to_json(answer: Answer) -> str:
    """Exactly what `kexie-ask --json` prints, indented."""
    return json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, tuple[str, Callable[[Answer], str]]] = {
    "md": ("Markdown", to_markdown),
    "csv": ("CSV", to_csv),
    "json": ("JSON", to_json),
}


def export_name(fmt: str, when: datetime) -> str:
    return f"kexie-{when:%Y%m%d-%H%M%S}.{fmt}"
