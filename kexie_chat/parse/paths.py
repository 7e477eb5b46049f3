"""A 功能分类 item named in narrative by its path -> the item (its 项), with the code the tables give it.

Narratives name a budget class by its 类/款/项 path: "一般公共服务支出（类）商贸事务（款）行政运行（项）"
or "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行". The 项 alone is ambiguous (every 款
has a 行政运行); the path is not: its code is the table code of the 项 whose 款 and 类 are the
path's. Pure: a folded paragraph and the tables' (name -> codes) in, spans out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

# Classes as a dash path (the quotes around it are folded away, a 科目 or the number follows).
DASH_PATH_RE = re.compile(
    r"(?P<lei>[\u4e00-\u9fff]+支出)-(?P<kuan>[\u4e00-\u9fff()]+?)-(?P<xiang>[\u4e00-\u9fff()]+?)(?=科目|[\d,，:：]|$)"
)
NAME_CHAR_RE = re.compile(r"[\u4e00-\u9fff()]")
LEADING_WORDS_RE = re.compile(r"^(?:其中|包括|主要是|主要为|用于)")
# Codes of the 类 (3 digits), 款 (5) and 项 (7) levels.
LEVEL_DIGITS = {"类": 3, "款": 5, "项": 7}


@dataclass
class ClassPath:
    """The span of a path in the paragraph, the 项 it names and that 项's code when one fits."""

    start: int
    end: int
    names: tuple[str, ...]  # 类, 款, 项 (folded)
    code: str | None

    @property
    def item(self) -> str:
        return self.names[-1]


def class_paths(text: str, marks: list[tuple[int, str]], classes: dict[str, set[str]]) -> list[ClassPath]:
    """Every 类/款/项 path in a folded paragraph, marked or dashed."""
    found = [*_marked(text, marks), *_dashed(text)]
    for path in found:
        path.code = code_of(path.names, classes)
    return sorted(found, key=lambda p: p.start)


def _marked(text: str, marks: list[tuple[int, str]]) -> list[ClassPath]:
    """Runs of marks 类 款 项 (or 类 项, 款 项): each name runs back to the previous mark."""
    paths, run = [], []
    for at, level in marks:
        run = run if run and _follows(run[-1], (at, level)) else []
        run.append((at, level))
        if level == "项":
            start = _name_start(text, run[0][0])
            bounds = [start] + [m for m, _ in run]
            names = tuple(text[bounds[i]:bounds[i + 1]] for i in range(len(run)))
            if all(names):
                paths.append(ClassPath(start, at, names, None))
            run = []
    return paths


def _follows(previous: tuple[int, str], mark: tuple[int, str]) -> bool:
    order = "类款项"
    return order.index(mark[1]) > order.index(previous[1]) and mark[0] - previous[0] <= 30


def _name_start(text: str, end: int) -> int:
    """Where the 类 name ending at `end` begins: after the last non-name character."""
    start = end
    while start > 0 and NAME_CHAR_RE.match(text[start - 1]):
        start -= 1
    lead = LEADING_WORDS_RE.match(text, start, end)
    return lead.end() if lead else start


def _dashed(text: str) -> list[ClassPath]:
    return [ClassPath(m.start(), m.end(), (m.group("lei"), m.group("kuan"), m.group("xiang")), None)
            for m in DASH_PATH_RE.finditer(text)]


def code_of(names: tuple[str, ...], classes: dict[str, set[str]]) -> str | None:
    """The one table code whose 项 name, and whose 款 and 类 names, are the path's."""
    candidates = {c for c in classes.get(fold(names[-1]), ()) if len(c) == LEVEL_DIGITS["项"]}
    for name in names[:-1]:
        prefixes = {c for c in classes.get(fold(name), ()) if len(c) in (3, 5)}
        if prefixes:
            candidates = {c for c in candidates if any(c.startswith(p) for p in prefixes)}
    return next(iter(candidates)) if len(candidates) == 1 else None
