"""Findings (对不上的数): the model, and what reading an index does with them.

The audit (kexie_chat.check) computes findings when an index is built; this module reads them back
and finds those that involve an answer's figures (answering/render.py words the note). It must not
import the audit's rules: answering a question never loads them.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import Amount, Fact, Source

Kind = Literal["function_sum", "economic_sum", "row_sum", "identity", "procurement_sum", "same_figure",
               "code_name", "org_name", "rate", "heading_year", "list_sum"]
Severity = Literal["error", "warning", "rounding"]

KIND_LABELS: dict[str, str] = {
    "function_sum": "功能分类合计", "economic_sum": "经济分类合计", "row_sum": "分栏合计", "identity": "勾稽关系",
    "procurement_sum": "政府采购合计", "same_figure": "同一数字前后不一", "code_name": "同一编码两个名称",
    "org_name": "单位名称错印", "rate": "百分比与金额不符", "heading_year": "标题年份不符",
    "list_sum": "文字列举合计",
}
SEVERITY_LABELS: dict[str, str] = {"error": "错误", "warning": "提示", "rounding": "尾差"}


class Finding(BaseModel):
    """One place where a disclosure disagrees with itself (一处对不上的数).

    expected: what the parts add up to (or the figure as first stated); stated: the total (or the
    figure as stated elsewhere); difference = stated - expected, in `unit`.
    """

    model_config = ConfigDict(defer_build=True)  # built with the first finding: most answers have none

    kind: Kind
    severity: Severity
    org: str
    year: int
    doc_kind: str
    doc: str
    scope: str
    text: str
    facts: list[Fact] = Field(default_factory=list)  # the stated figure first, then what it is checked against
    expected: Amount | None = None
    stated: Amount | None = None
    difference: Amount | None = None
    unit: str = ""
    sources: list[Source] = Field(default_factory=list)  # where a misprinted name stands

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


# --- reading the index ---------------------------------------------------------------------------


def stored_findings(store, org: str | None = None) -> list[Finding]:
    """The findings the index holds (computed when it was built), for one org or all."""
    return [Finding.model_validate_json(data) for data in store.findings(org)]


def findings_json(findings: list[Finding]) -> str:
    return json.dumps({"findings": [f.model_dump(mode="json") for f in findings]}, ensure_ascii=False, indent=2)


def by_source(findings: list[Finding]) -> dict[tuple[str, int], list[Finding]]:
    """Findings by the (doc, line) of each figure they involve: an answer looks up only its own."""
    index: dict[tuple[str, int], list[Finding]] = {}
    for finding in findings:
        for fact in finding.facts:
            index.setdefault((fact.source.doc, fact.source.line), []).append(finding)
    return index


def findings_about(facts: Sequence[Fact], index: dict[tuple[str, int], list[Finding]]) -> list[Finding]:
    """The findings that involve one of the figures an answer leads with (its first three)."""
    found = [f for fact in facts[:3] for f in index.get((fact.source.doc, fact.source.line), ())]
    return list({id(f): f for f in found}.values())
