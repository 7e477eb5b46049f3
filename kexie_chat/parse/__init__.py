"""Disclosure text -> a Document, its facts, passages and definitions (pure: text in, models out)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..models import DEPARTMENT, Definition, Document, Fact, Passage, Source
from ..orgs import is_kexie, short_names
from ..text import clean, fold
from ..vocabulary import canonical_metric, synonyms_longest_first
from .coverage import tables_read
from .flow import paragraphs
from .meta import NotADisclosure, read_meta, short_place
from .narrative import Vocabulary, by_first_character, read_paragraphs
from .regions import Region, clean_line, split_regions
from .items import read_items
from .performance import SCORE_METRIC, read_indicators
from .tables import read_table, table_unit

__all__ = ["Disclosure", "NotADisclosure", "parse_disclosure"]

PHONE_RE = re.compile(r"(?<!\d)(0\d{2,3}-\d{7,8}|\d{7,8})(?!\d)")
CONTACT_RE = re.compile(r"联系电话|咨询电话|联系方式")
YEAR_RE = re.compile(r"^(?:19|20)\d{2}年度?")
DEFINITION_RE = re.compile(r"^([^：:，,。；]{2,24}?)(?:[：:]|是指)")
GLOSSARY_END_RE = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)")


@dataclass
class Disclosure:
    document: Document
    facts: list[Fact] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def parse_disclosure(doc: str, text: str) -> Disclosure:
    """Read one disclosure. Raises NotADisclosure when the text names no org, year or kind."""
    meta = read_meta(text)
    lines = text.splitlines()
    document = Document(doc=doc, org=meta.org, year=meta.year, doc_kind=meta.doc_kind, unit=meta.unit,
                        title=meta.title, lines=len(lines), scope=meta.scope,
                        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    regions = split_regions(lines, meta.org)
    if meta.scope != DEPARTMENT:  # a 单位预算's figures are the unit's, told apart from its department's
        for region in regions:
            region.scope = meta.scope if region.scope == DEPARTMENT else region.scope
    base = dict(org=meta.org, year=meta.year, doc_kind=meta.doc_kind)
    facts: list[Fact] = []
    table_names: set[str] = set()
    for region in (r for r in regions if r.kind):
        for read in read_table(region, meta.unit, meta.doc_kind):
            table_names.add(read.metric)
            facts.append(Fact(**base, metric=read.metric, code=read.code, value=read.value, unit=read.unit,
                              basis=read.basis, source=Source(doc=doc, line=read.line, quote=read.quote),
                              scope=region.scope, table=region.title or region.kind, text=read.text))
        unit = table_unit(region.lines, meta.unit)
        for read in read_items(region):
            facts.append(Fact(**base, metric=read.metric, value=read.value, unit=unit, basis=read.basis,
                              source=Source(doc=doc, line=read.line, quote=read.quote), scope=region.scope,
                              table=region.title or region.kind, item=read.item, text=read.text))
    narrative = [r for r in regions if not r.kind]
    vocabulary = _vocabulary(table_names)
    classes = _classes(facts)
    for region in narrative:
        for read in read_paragraphs(paragraphs(region.lines), vocabulary, meta.doc_kind, classes):
            quote = _quote(lines, read.lines)
            facts.append(Fact(**base, metric=read.metric, value=read.value, unit=read.unit, basis=read.basis,
                              source=Source(doc=doc, line=read.lines[0], quote=quote), scope=region.scope,
                              table="正文", item=read.item, text=read.written, code=read.code))
    facts.extend(_indicators(lines, regions, base, doc, facts))
    facts.extend(_contacts(lines, base, doc))
    document.tables_read = "、".join(tables_read(regions, facts, meta.doc_kind))
    return Disclosure(document=document, facts=_unique(facts), passages=_passages(regions, doc),
                      definitions=_definitions(lines, meta.org, doc),
                      aliases=_aliases(meta.org, meta.misprints))


def _aliases(org: str, misprints: list[str]) -> list[str]:
    """The names a question may use for the org: a 科协's short place name (its first alias) and
    misprints, as always; any other body's shorter names (普陀区商务委, 商务委)."""
    if is_kexie(org):
        return [short_place(org.removesuffix("科学技术协会")), *misprints]
    return [*short_names(org), *misprints]


def _vocabulary(table_names: set[str]) -> Vocabulary:
    """The parse-side synonyms plus this document's own row names, longest first."""
    pairs = dict(synonyms_longest_first("parse"))
    for folded, canonical in list(pairs.items()):
        if "运行维护" in folded:
            pairs.setdefault(folded.replace("运行维护", "运维"), canonical)
    for name in table_names:
        pairs.setdefault(fold(name), canonical_metric(name))
    return by_first_character(sorted(pairs.items(), key=lambda item: len(item[0]), reverse=True))


def _classes(facts: list[Fact]) -> dict[str, set[str]]:
    """Class names of the tables (folded) -> their codes: a narrative's 类/款/项 path is resolved by them."""
    classes: dict[str, set[str]] = {}
    for fact in facts:
        if fact.code:
            classes.setdefault(fold(fact.metric), set()).add(fact.code)
    return classes


def _quote(lines: list[str], numbers: list[int]) -> str:
    return "".join(clean(clean_line(lines[n - 1])) for n in numbers)


def _indicators(lines: list[str], regions: list[Region], base: dict, doc: str, read_so_far: list[Fact]) -> list[Fact]:
    """The targets and actuals of the 绩效 tables: the indicator is the item, the column the basis; and
    each table's 总分, unless the text already gives that project's score (one project, two names)."""
    starts = [(region.start, region.scope) for region in regions]
    scored = [(f.value, YEAR_RE.sub("", f.item or "")) for f in read_so_far if f.metric == SCORE_METRIC and f.item]
    facts = []
    for read in read_indicators([clean_line(line) for line in lines]):
        if read.metric == SCORE_METRIC and any(value == read.value and name and name in read.item
                                               for value, name in scored):
            continue
        scope = next((s for start, s in reversed(starts) if start <= read.line), DEPARTMENT)
        facts.append(Fact(**base, metric=read.metric, value=read.value, unit=read.unit, basis=read.basis,
                          source=Source(doc=doc, line=read.line, quote=read.quote), scope=scope, table=read.table,
                          item=read.item, text=read.text))
    return facts


def _contacts(lines: list[str], base: dict, doc: str) -> list[Fact]:
    facts = []
    for i, line in enumerate(lines):
        if not CONTACT_RE.search(line):
            continue
        window = [(i, line)] + [(j, lines[j]) for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()][:1]
        for number, candidate in window:
            match = PHONE_RE.search(candidate.split("联系电话")[-1].split("咨询电话")[-1])
            if match:
                facts.append(Fact(**base, metric="联系电话", value=None, unit="", basis=None,
                                  source=Source(doc=doc, line=number + 1, quote=clean(candidate)),
                                  table="正文", text=match.group(1)))
                break
    return facts


def _passages(regions: list[Region], doc: str) -> list[Passage]:
    passages = []
    for region in regions:
        if region.kind:
            if region.title:
                passages.append(Passage(doc=doc, line=region.start, text=clean(region.title)))
            for number, line in region.lines:
                if clean(line):
                    passages.append(Passage(doc=doc, line=number, text=clean(line)))
            continue
        for paragraph in _original_paragraphs(region.lines):
            passages.append(paragraph)
    for passage in passages:
        passage.doc = doc
    return passages


def _original_paragraphs(numbered: list[tuple[int, str]]) -> list[Passage]:
    """Paragraphs as written (not folded), for showing and full-text search."""
    result = []
    for paragraph in paragraphs(numbered):
        first, last = paragraph.lines[0], paragraph.lines[-1]
        text = "".join(clean(line) for n, line in numbered if first <= n <= last and line.strip())
        result.append(Passage(doc="", line=first, text=text))
    return result


def _definitions(lines: list[str], org: str, doc: str) -> list[Definition]:
    definitions: list[Definition] = []
    starts = [i for i, line in enumerate(lines) if "名词解释" in line and len(fold(line)) <= 20]
    for start in starts:
        numbered = []
        for j in range(start + 1, len(lines)):
            if GLOSSARY_END_RE.match(lines[j]) and "名词" not in lines[j]:
                break
            numbered.append((j + 1, clean_line(lines[j])))
        for passage in _original_paragraphs(numbered):
            body = re.sub(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])\s*", "", passage.text)
            match = DEFINITION_RE.match(body)
            if match:
                term = canonical_metric(match.group(1))
                definitions.append(Definition(term=term, text=body, org=org, doc=doc, line=passage.line))
    return definitions


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, result = set(), []
    for fact in facts:
        key = (fact.metric, fact.code, fact.value, fact.unit, fact.basis, fact.source.line, fact.scope)
        if key not in seen:
            seen.add(key)
            result.append(fact)
    return result

