"""The document against itself: the year and the org its headings name against its own.

Headings are a standard table's title (a short passage) or a 情况说明 heading opening a paragraph.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..render import short_title
from ..models import Source
from ..orgs import body_forms, short_place, split_org
from ..vocabulary import table_kind
from .report import finding

HEADING_LENGTH = 60
HEADING_YEAR_RE = re.compile(r"(20\d\d)年")
REPORT_HEADING_RE = re.compile(r"[（(]?[一二三四五六七八九十\d]{0,3}[)）、.．]?\s*关于[^。，；]{0,20}?20\d\d年度?"
                               r"[^。，；]{0,30}?说明")


def heading_years(disclosure, statements=None) -> list:
    """A standard table's title or a 情况说明 heading naming another year than the document's own."""
    year, findings = disclosure.document.year, []
    for passage, heading in _headings(disclosure):
        stated = sorted({int(y) for y in HEADING_YEAR_RE.findall(heading)})
        if stated and year not in stated:
            text = (f"第{passage.line}行标题“{heading}”写作{'、'.join(map(str, stated))}年，"
                    f"而本文件是{year}年度{disclosure.document.doc_kind}。")
            source = Source(doc=passage.doc, line=passage.line, quote=passage.text[:120])
            findings.append(finding("heading_year", "warning", disclosure, [], text, sources=[source]))
    return findings


def _headings(disclosure) -> Iterator[tuple]:
    """Passages that are a standard table's title, or open with a 情况说明 heading."""
    for passage in disclosure.passages:
        title = short_title(passage.text)
        if len(title) <= HEADING_LENGTH and table_kind(title):
            yield passage, title
            continue
        found = REPORT_HEADING_RE.match(passage.text)
        if found:
            yield passage, found.group(0)


def org_names(disclosure, statements=None) -> list:
    """The org's own place printed one character off, before its own body (江北区科学技术协会 in the
    江汉区 document, 普驼区商务委员会 in the 普陀区 one): any kind of body, in any passage."""
    org = disclosure.document.org
    misprints: dict[str, list[Source]] = {}
    for passage in disclosure.passages:
        for misprint in dict.fromkeys(_misprinted_places(org, passage.text)):
            misprints.setdefault(misprint, []).append(Source(doc=passage.doc, line=passage.line,
                                                             quote=passage.text[:120]))
    findings = []
    for misprint, sources in misprints.items():
        lines = "、".join(str(s.line) for s in sources)
        text = f"单位名称误印为“{misprint}”（第{lines}行），应为“{org}”。"
        findings.append(finding("org_name", "warning", disclosure, [], text, sources=sources))
    return sorted(findings, key=lambda f: f.sources[0].line)


def _misprinted_places(org: str, text: str) -> Iterator[str]:
    """Places printed before the org's body (商务委员会, 商务委: ORG_SHORTENINGS) that are its own
    last level with one character other than the level's suffix changed."""
    name = split_org(org)
    place = short_place(name.place)
    if not place or not name.body:
        return
    bodies = "|".join(re.escape(body) for body in body_forms(name.body))
    for found in re.finditer(rf"(?=([\u4e00-\u9fff]{{{len(place)}}})(?:{bodies}))", text):
        printed = found.group(1)
        if printed[-1] == place[-1] and sum(a != b for a, b in zip(printed, place)) == 1:
            yield printed
