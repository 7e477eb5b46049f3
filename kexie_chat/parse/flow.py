"""Narrative lines -> paragraphs of folded text that remember each character's line.

PDF and Word exports hard-wrap sentences mid-word and mid-number ("支出总计575.66" /
"万元"); reading needs the sentence whole, quoting needs the lines it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..text import QUOTES

BREAK_AFTER = "。；！？!?;"
STARTS_BLOCK_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|"
    r"\d+[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])"
)
# Multi-character spellings folded before reading (科学技术(类)支出 is 科学技术支出).
READING_FOLDS = (("(类)", ""), ("(款)", ""), ("(项)", ""))


@dataclass
class Paragraph:
    text: str  # folded: NFKC, no spaces or quotes
    lines: list[int]  # the source line of each character of text
    marks: list[tuple[int, str]] = field(default_factory=list)  # where a (类)/(款)/(项) mark stood

    def line_at(self, index: int) -> int:
        return self.lines[min(index, len(self.lines) - 1)]

    def lines_between(self, start: int, end: int) -> list[int]:
        return sorted(set(self.lines[start:end]))


def paragraphs(numbered_lines: list[tuple[int, str]]) -> list[Paragraph]:
    """Join wrapped lines into paragraphs; a cell line (tab-indented) stands alone."""
    result: list[Paragraph] = []
    chars: list[str] = []
    owners: list[int] = []
    previous = ""
    for number, line in numbered_lines:
        if not line.strip():
            continue
        is_cell = line.startswith("\t") or "\t" in line.strip()
        new_block = (not previous or previous.rstrip()[-1:] in BREAK_AFTER or is_cell
                     or STARTS_BLOCK_RE.match(line) or previous.startswith("\t"))
        if new_block and chars:
            result.append(_paragraph(chars, owners))
            chars, owners = [], []
        for ch in line:
            chars.append(ch)
            owners.append(number)
        previous = line
    if chars:
        result.append(_paragraph(chars, owners))
    return result


def _paragraph(chars: list[str], owners: list[int]) -> Paragraph:
    text: list[str] = []
    lines: list[int] = []
    for ch, line in zip(chars, owners):
        for folded in unicodedata.normalize("NFKC", ch):
            if folded in QUOTES or folded.isspace():
                continue
            text.append(folded)
            lines.append(line)
    joined = "".join(text)
    marks: list[tuple[int, str]] = []
    for variant, standard in READING_FOLDS:
        while variant in joined:
            at = joined.index(variant)
            joined = joined[:at] + standard + joined[at + len(variant):]
            lines = lines[:at] + lines[at + len(variant):]
            shift = len(variant) - len(standard)
            marks = [(m - shift if m > at else m, level) for m, level in marks] + [(at, variant[1])]
    return Paragraph(joined, lines, sorted(marks))
