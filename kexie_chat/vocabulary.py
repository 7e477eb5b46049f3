"""Names -> canonical metrics, the one place both ingest and questions resolve a metric.

Built once from the lexicon: every synonym folded (see text.fold), longest first, so that
财政拨款收入总计 is read as itself and not as 财政拨款收入 followed by noise.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import (
    COLLOQUIAL_NAMES,
    TABLE_REFERENCE_WORDS,
    COUNT_UNITS,
    ECONOMIC_CODES,
    ECONOMIC_SYNONYMS,
    METRIC_SYNONYMS,
    PARSE_ONLY_SYNONYMS,
    QUESTION_ONLY_SYNONYMS,
    STANDARD_TABLES,
    TABLE_KINDS,
)
from .text import fold

KIND_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in TABLE_KINDS]

ORDINAL_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|"
    r"其中[:：;；]?|[①②③④⑤⑥⑦⑧⑨⑩]|[:：])"
)
UNIT_PAREN_RE = re.compile(r"[(（]([^()（）]*)[)）]$")


@lru_cache(maxsize=None)
def synonym_table(side: str = "both") -> dict[str, str]:
    """Folded synonym -> canonical metric. side: 'parse', 'question' or 'both'."""
    table: dict[str, str] = {}
    extra = PARSE_ONLY_SYNONYMS if side == "parse" else QUESTION_ONLY_SYNONYMS if side == "question" else {}
    for source in (ECONOMIC_SYNONYMS, METRIC_SYNONYMS, extra):
        for canonical, words in source.items():
            for word in (canonical, *words):
                table[fold(word)] = canonical
    for name in ECONOMIC_CODES.values():
        table.setdefault(fold(name), name)
    return table


@lru_cache(maxsize=None)
def economic_codes_of(metric: str) -> tuple[str, ...]:
    """The 经济分类 codes whose standard name the lexicon reads as this metric under another name
    (30212 因公出国（境）费用 is 因公出国（境）费, 31013 公务用车购置 is 公务用车购置费)."""
    table = synonym_table("question")
    return tuple(code for code, name in ECONOMIC_CODES.items() if name != metric and table.get(fold(name)) == metric)


@lru_cache(maxsize=None)
def colloquial_table() -> dict[str, str]:
    """Folded colloquial name -> canonical metric (questions only; never overrides a formal name)."""
    return {fold(word): canonical for canonical, words in COLLOQUIAL_NAMES.items() for word in words}


@lru_cache(maxsize=None)
def synonyms_longest_first(side: str = "both") -> list[tuple[str, str]]:
    return sorted(synonym_table(side).items(), key=lambda item: len(item[0]), reverse=True)


def strip_ordinal(name: str) -> str:
    """'（一）因公出国（境）费' -> '因公出国(境)费' (folded)."""
    folded = fold(name)
    while True:
        stripped = ORDINAL_RE.sub("", folded, count=1)
        if stripped == folded or not stripped:
            return folded
        folded = stripped


def canonical_metric(name: str, code: str | None = None) -> str:
    """The metric a table row or label names: lexicon synonym, standard code name, or itself."""
    if code and code in ECONOMIC_CODES:
        return ECONOMIC_CODES[code]
    # "收入总计：" heads its figure (a form, a table flattened one cell a line): the colon is no part of the name
    folded = strip_ordinal(name).rstrip(":") or fold(name)
    folded = UNIT_PAREN_RE.sub(lambda m: "" if _is_unit_paren(m.group(1)) else m.group(0), folded)
    table = synonym_table("parse")
    return table.get(folded, folded)


def is_metric(label: str) -> bool:
    return fold(label) in synonym_table("parse")


def _is_unit_paren(content: str) -> bool:
    return any(unit in content for unit in (*COUNT_UNITS, "平方米", "万元", "元"))


def quantity_unit(name: str) -> str:
    """The unit a 数量 column is counted in, from the row name: '房屋（平方米）' -> 平方米."""
    match = UNIT_PAREN_RE.search(fold(name))
    if match:
        content = match.group(1)
        for unit in ("平方米", "辆", "台", "套", "个", "人"):
            if unit in content:
                return "辆" if unit == "台" and "辆" in content else unit
    return "个"


def standard_table(title: str, doc_kind: str) -> str | None:
    """The name of the standard table of a 预算 or 决算 a title names (STANDARD_TABLES), or None."""
    kind = table_kind(title)
    return dict(STANDARD_TABLES.get(doc_kind, ())).get(kind) if kind else None


def table_kind(line: str) -> str | None:
    """The kind of standard table a title line names, or None for any other line."""
    folded = fold(line)
    if not folded or len(folded) > 48 or "。" in folded or folded.startswith(("-", *TABLE_REFERENCE_WORDS)):
        return None  # 详见单位的项目绩效目标表: a sentence pointing at a table, not its title
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(folded) and ("表" in folded or kind == "政府采购"):
            return kind
    return None
