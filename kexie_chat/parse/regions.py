"""Split a disclosure's lines into table regions and narrative, and track each line's scope.

A table region runs from a title line (部门预算支出总表, 表3：…, …（表5）) to the next title or
narrative heading. Scope is 部门 until the text turns to a unit of the department
(731001 …本级, 部门所属单位预算), after which figures are that unit's, not the department's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import DEPARTMENT
from ..text import fold
from ..lexicon import TABLE_HEADERS
from ..vocabulary import table_kind

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
HEADING_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"
)
TITLE_LIKE_RE = re.compile(r"(?:^表\d+[:：]|表\s*\d*\)?$|^项目支出绩效|绩效.{0,6}表$)")
UNIT_HEADER_RE = re.compile(r"^\s*(\d{6,})\s+(\S+)")
UNIT_SECTION_RE = re.compile(r"所属单位(?:预算|决算)|单位(?:预算|决算)收支总表")
# A line that only numbers the table it heads (公开01表, 附表2, 表一, 表3-1), printed beside its title.
TABLE_NUMBER_RE = re.compile(r"^(?:部门)?(?:公开|附)?表\s*[0-9一二三四五六七八九十]+(?:[-—－]\d+)?$|^[(（]?(?:公开|附)?\d{1,2}表[)）]?$")
PIPE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE_RE = re.compile(r":?-{3,}:?")
HEADER_LINES = 10  # a table's header (with its 单位 line) fits in its first lines


@dataclass
class Region:
    """Lines of one table (kind set) or one stretch of narrative (kind None)."""

    kind: str | None
    title: str
    start: int  # 1-based line of the title (or the first narrative line)
    lines: list[tuple[int, str]] = field(default_factory=list)
    scope: str = DEPARTMENT


def clean_line(line: str) -> str:
    """A line without Word bookmarks; a Markdown table row as the tab-separated row it is."""
    line = BOOKMARK_RE.sub("", line).rstrip("\r\n")
    if PIPE_ROW_RE.match(line):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        return "" if all(PIPE_RULE_RE.fullmatch(c) for c in cells) else "\t".join(cells)
    return line


def _is_title_like(line: str) -> bool:
    folded = fold(line)
    return 0 < len(folded) <= 40 and "。" not in folded and bool(TITLE_LIKE_RE.search(folded))


def _ends_table(line: str) -> bool:
    return "\t" not in line and bool(HEADING_RE.match(line))


def split_regions(lines: list[str], org: str) -> list[Region]:
    regions: list[Region] = []
    current = Region(kind=None, title="", start=1)
    scope = DEPARTMENT
    for number, raw in enumerate(lines, start=1):
        line = clean_line(raw)
        scope = _scope_after(line, org, scope)
        kind = table_kind(line)
        if current.kind and not current.lines and TABLE_NUMBER_RE.match(fold(line).strip()):
            current.lines.append((number, line))  # its title's number, not another table
            continue
        if kind or _is_title_like(line) or (current.kind and _ends_table(line)):
            regions.append(current)
            # a spreadsheet prints the title and its number in cells of one row (…决算表 | | 公开07表)
            title = " ".join(c.strip() for c in line.split("\t") if c.strip()) if (kind or _is_title_like(line)) else ""
            current = Region(kind=kind, title=title, start=number, scope=scope)
            if title:
                continue
        current.lines.append((number, line))
        current.scope = scope
    regions.append(current)
    return [_confirmed(r) for r in regions if r.lines or r.kind]


def _confirmed(region: Region) -> Region:
    """A titled region whose first lines lack every header its kind requires is narrative.

    "详见单位的项目绩效目标表" ends a sentence like a title; the text after it is not that table.
    """
    required = TABLE_HEADERS.get(region.kind or "")
    if required and region.lines:
        head = fold(" ".join(line for _, line in region.lines[:HEADER_LINES]))
        if not any(fold(label) in head for label in required):
            region.kind = None
    return region


def _scope_after(line: str, org: str, scope: str) -> str:
    """The scope in force from this line on."""
    match = UNIT_HEADER_RE.match(line)
    if match:
        name = match.group(2)
        if name.startswith(org) and name != org:
            return name[len(org):]
        if name != org and "科学技术协会" in name:
            return name
    if UNIT_SECTION_RE.search(fold(line)) and scope == DEPARTMENT:
        return "所属单位"
    return scope
