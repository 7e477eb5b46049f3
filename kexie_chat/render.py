"""Facts -> the words and tables a person reads (plain text, CJK-width aware).

Pure formatting: no lookups, no decisions about which figure is right.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .lexicon import STANDARD_TABLES
from .models import DEPARTMENT, UNIT, Document, Fact
from .text import format_amount, to_wan


COMPARISON_RE = re.compile(r"^(?:[≥≤<>＜＞]=?|不低于|不少于|不高于|不超过|大于|小于)")


def figure(fact: Fact) -> str:
    """'2.14万元', '530.88元（0.053088万元）', '1辆', '43.1%'."""
    if fact.value is None:
        return fact.text or "—"
    comparison = COMPARISON_RE.match(fact.text or "")  # a target as printed: ≥90%, not 90%
    sign = comparison.group().replace(">=", "≥").replace("<=", "≤") if comparison else ""
    shown = f"{sign}{format_amount(fact.value)}{fact.unit}"
    if fact.unit == "元":
        shown += f"（{format_amount(to_wan(fact.value, '元'))}万元）"
    return shown


def wan(fact: Fact) -> Decimal | None:
    return to_wan(fact.value, fact.unit) if fact.value is not None else None


def label(fact: Fact) -> str:
    """'秦皇岛市科学技术协会2022年部门预算' ('…单位预算' for a unit's own disclosure)."""
    return f"{fact.org}{fact.year}年{UNIT if fact.scope == UNIT else DEPARTMENT}{fact.doc_kind}"


def tables_note(document: Document) -> str:
    """'标准表 8/9，未读到：三公经费支出决算表': which standard tables of its kind a document gave figures."""
    names = [name for _, name in STANDARD_TABLES.get(document.doc_kind, ())]
    read = set(document.tables_read.split("、")) if document.tables_read else set()
    missing = [name for name in names if name not in read]
    return f"标准表 {len(names) - len(missing)}/{len(names)}" + (f"，未读到：{'、'.join(missing)}" if missing else "")


def cite(fact: Fact) -> str:
    """'2022-秦皇岛市科协-部门预算.txt 第468行「1 合计 2.14 2.14」': a table row's cells (tab-separated
    in the index) shown one space apart, as they read."""
    quote = " ".join(fact.source.quote.split())
    quote = quote if len(quote) <= 60 else quote[:58] + "…"
    return f"{fact.source.doc} 第{fact.source.line}行「{quote}」"


def place(fact: Fact) -> str:
    """'正文第9行', '“一般公共预算财政拨款支出决算表”第419行': where a figure is printed."""
    where = "正文" if fact.table in (None, "正文") else f"“{short_title(fact.table)}”"
    return f"{where}第{fact.source.line}行"


def short_title(title: str) -> str:
    return re.split(r"\s{2,}|\t", title.strip())[0]


def amount(value: Decimal, unit: str) -> str:
    return f"{format_amount(value)}{unit}"


def basis_note(fact: Fact) -> str:
    return f"（{fact.basis}）" if fact.basis else ""


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - wcswidth(text))


def wcswidth(text: str) -> int:
    """Terminal cells of a text; wcwidth loads only when a table is drawn (10 ms a one-shot saves)."""
    from wcwidth import wcswidth as cells

    return cells(text)


def table(rows: list[list[str]]) -> str:
    """Rows aligned by terminal cells (a Chinese character takes two)."""
    from wcwidth import wcswidth as cells

    sizes = [[cells(cell) for cell in row] for row in rows]
    widths = [max(size[i] for size in sizes) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell + " " * (widths[i] - size[i]) for i, cell in enumerate(row)).rstrip()
                     for row, size in zip(rows, sizes))
