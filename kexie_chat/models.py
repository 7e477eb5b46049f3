"""The shapes every layer shares: documents, facts, passages and the Answer.

Pure pydantic models, no behaviour beyond serialisation. Each builds its validator on first
use (defer_build): a one-shot answer builds only the models it returns. `Answer` is the public
contract of docs/CONTRACT.md: fields may be added, never changed.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

DocKind = Literal["预算", "决算"]
Status = Literal["answered", "not_found", "clarify", "error"]
Verdict = Literal["true", "false", "partly"]

# Amounts stay exact inside the program; JSON readers get a number.
Amount = Annotated[
    Decimal,
    PlainSerializer(lambda v: float(v), return_type=float, when_used="json"),
]

DEPARTMENT = "部门"
"""The scope of a department-level figure (as opposed to one unit's, e.g. 本级)."""
UNIT = "单位"
"""The scope of a 单位预算/单位决算 (one unit's own disclosure) and of its figures."""


class Source(BaseModel):
    model_config = ConfigDict(defer_build=True)
    doc: str
    line: int
    quote: str


class Fact(BaseModel):
    """One figure as a disclosure states it (一个数，连同它的出处)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    org: str
    year: int
    doc_kind: DocKind
    metric: str
    code: str | None = None
    value: Amount | None = None
    unit: str = ""
    basis: str | None = None
    source: Source
    # Extensions to the contract's Fact:
    scope: str = DEPARTMENT
    table: str | None = None
    item: str | None = None
    text: str | None = None  # a non-numeric value (a phone number), or the figure as written

    @property
    def is_money(self) -> bool:
        return self.unit in ("元", "万元", "亿元")


class Passage(BaseModel):
    model_config = ConfigDict(defer_build=True)
    doc: str
    line: int
    text: str


class Definition(BaseModel):
    """A term of a disclosure's 名词解释 and what it says."""

    model_config = ConfigDict(defer_build=True)

    term: str
    text: str
    org: str
    doc: str
    line: int


class Document(BaseModel):
    model_config = ConfigDict(defer_build=True)
    doc: str
    org: str
    year: int
    doc_kind: DocKind
    unit: str
    title: str
    lines: int
    sha256: str
    scope: str = DEPARTMENT  # 部门 (a department with its units) or 单位 (one unit's own disclosure)
    # The standard tables (lexicon.STANDARD_TABLES) read from it, in their order, "、"-joined: what
    # a reporter is told was read, so that a gap says "not read" rather than "not there".
    tables_read: str = ""


class Headline(BaseModel):
    """The figure an answer leads with, as the app shows it above the text: a comparison's is the
    difference, a ranking's the first, a claim's the verdict."""

    model_config = ConfigDict(defer_build=True)
    figure: str  # '2.14万元', '1.29万元', '属实'
    about: str  # '秦皇岛市科学技术协会 · 2022年 · 部门预算', '武汉市江汉区比包头市多 · 机关运行经费（计算得出）'


class Answer(BaseModel):
    model_config = ConfigDict(defer_build=True)
    question: str
    status: Status
    intent: str
    text: str
    facts: list[Fact] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    verdict: Verdict | None = None
    headline: Headline | None = None  # extension: None when nothing was answered


class NotADisclosure(ValueError):
    """The text names no org, year or kind of disclosure (here, not in parse/, so that what
    catches it need not load the reader)."""
