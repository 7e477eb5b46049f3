"""kexie check: audit a disclosure against itself (一份公开文件自相对照).

Pure: parsed facts in, findings out (`audit_disclosure`), run when an index is built; the index
keeps the findings and kexie_chat.findings reads them back. Never a false alarm: two figures are
compared only when they are surely the same figure (same scope, basis, funding and table kind). A
difference that rounding explains is a 尾差, the lowest severity, which answers do not mention.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..findings import SEVERITY_LABELS, Finding
from .codes import code_names, same_code
from .headings import heading_years, org_names
from .lists import list_sums
from .narrative_codes import narrative_code_sums, narrative_codes
from .rates import rates
from .same_figure import same_figure
from .statements import statements as read_statements
from .sums import economic_sums, function_sums, identities, procurement, row_sums

# The rules, tried in this order (a finding's position in the golden files follows it).
RULES = (function_sums, economic_sums, row_sums, identities, procurement, same_figure, same_code, list_sums, rates,
         heading_years, code_names, org_names, narrative_codes, narrative_code_sums)
# The index's findings table, for people: kinds and severities in Chinese, the figures as columns
# (the whole finding, as JSON, goes to the engine's own table beside it).
FINDING_COLUMNS = {"id": int, "org": str, "year": int, "doc_kind": str, "doc": str, "kind": str, "severity": str,
                   "text": str, "stated": float, "expected": float, "difference": float, "unit": str, "places": str}


def audit_disclosure(disclosure) -> list[Finding]:
    """Every finding of one parsed disclosure (a parse.Disclosure), in a stable order."""
    statements = read_statements(disclosure)
    return _unique([found for rule in RULES for found in rule(disclosure, statements)])


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, result = set(), []
    for finding in findings:
        key = (finding.kind in ("code_name", "org_name") and finding.text,
               frozenset((f.source.line, f.metric, f.value) for f in finding.facts))
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def finding_rows(disclosures: Iterable) -> Iterator[dict]:
    """Rows of the index's findings table (the store writes them)."""
    for disclosure in disclosures:
        for finding in audit_disclosure(disclosure):
            yield {"org": finding.org, "year": finding.year, "doc_kind": finding.doc_kind, "doc": finding.doc,
                   "kind": finding.label, "severity": SEVERITY_LABELS[finding.severity], "text": finding.text,
                   **{name: _number(getattr(finding, name)) for name in ("stated", "expected", "difference")},
                   "unit": finding.unit, "places": _places(finding), "data": finding.model_dump_json()}


def _number(amount) -> float | None:
    return None if amount is None else float(amount)


def _places(finding: Finding) -> str:
    """Where the finding stands, one line a place: 文件:行「原文」."""
    places = [(s.doc, s.line, s.quote) for s in [fact.source for fact in finding.facts] + list(finding.sources)]
    return "\n".join(f"{doc}:{line}「{quote}」" for doc, line, quote in dict.fromkeys(places))
