#!/usr/bin/env python3
"""Round trip: ask every fact of an index its canonical question and check the answer gives it back.

    .venv/bin/python scripts/roundtrip.py                 # the default index (corpus/)
    .venv/bin/python scripts/roundtrip.py --db other.db -v --examples 5

The canonical question of a fact names what a reporter would: the org's short name, the year,
预算/决算, the item when the fact is a project or purchase line, the code when the table gives one
(else the metric), the column when it is not the row's own figure ("206的事业收入"; a blank cell is
asked the same way), and the reading when it is not the figure itself (比上年增减, 上年数, 占比, 数量,
价值, 完成预算比例, 得分, the 预算数 column of a 决算). The answer passes when its first fact is that
fact (same org, year, 预算/决算, metric or code, and value), or, when the name is ambiguous in that
document (several facts under the same question with different values), when the fact is among
the answer's facts, the labelled alternatives. Facts without a figure (a phone number) are skipped.

Prints the rate and the failures grouped by reason, with examples. Exit status 0; with --min R,
1 when the rate is below R (a fraction, e.g. 0.99).
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kexie_chat.match import is_question_column  # noqa: E402

MONEY = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}
ORG_SUFFIX = "科学技术协会"
PLACE_LEVELS = "省市州盟"
PLACE_SUFFIXES = ("市", "区", "县", "旗", "盟", "州")
# A reading of a row that is another quantity than the row's figure, as a reporter names it.
READINGS = {"较上年增减": "比上年增减", "较上年增减率": "比上年增减百分之几", "上年数": "上年数",
            "占比": "占比", "完成预算比例": "完成预算的百分之几", "得分": "得分"}


@dataclass(frozen=True)
class IndexFact:
    org: str
    year: int
    doc_kind: str
    metric: str
    code: str | None
    value: Decimal
    unit: str
    basis: str
    scope: str
    item: str | None
    doc: str
    line: int
    doc_scope: str = "部门"  # 单位 for a 单位预算/单位决算, one unit's own disclosure


@dataclass
class Probe:
    fact: IndexFact
    question: str
    ambiguous: bool  # the question names several facts of the document with different values


@dataclass
class Result:
    probe: Probe
    reason: str  # "" when the answer gives the fact back
    got: str = ""


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return sum(not r.reason for r in self.results) / max(1, len(self.results))

    def failures(self) -> dict[str, list[Result]]:
        groups: dict[str, list[Result]] = defaultdict(list)
        for result in self.results:
            if result.reason:
                groups[result.reason].append(result)
        return dict(sorted(groups.items(), key=lambda kv: -len(kv[1])))


def read_facts(db_path: Path) -> list[IndexFact]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    has_scope = "scope" in {row[1] for row in conn.execute("pragma table_info(documents)")}
    scopes = dict(conn.execute("select doc, scope from documents")) if has_scope else {}
    rows = conn.execute("select org, year, doc_kind, metric, code, value_exact, unit, basis, scope, item, doc, line "
                        "from facts where value_exact is not null order by rowid").fetchall()
    conn.close()
    return [IndexFact(org, year, kind, metric, code, Decimal(str(value)), unit or "", basis or "", scope or "",
                      item, doc, line, scopes.get(doc) or "部门")
            for org, year, kind, metric, code, value, unit, basis, scope, item, doc, line in rows]


def short_names(orgs: set[str]) -> dict[str, str]:
    """Each org's shortest name people use (武汉市江汉区科学技术协会 -> 江汉), unless two orgs of the
    index would share it: then the whole place name."""
    def shortest(org: str) -> str:
        place = org.removesuffix(ORG_SUFFIX)
        cut = [i + 1 for i, ch in enumerate(place[:-1]) if ch in PLACE_LEVELS]
        last = place[cut[-1]:] if cut and len(place) - cut[-1] >= 2 else place
        return last[:-1] if last.endswith(PLACE_SUFFIXES) and len(last) > 2 else last
    short = {org: shortest(org) for org in orgs}
    shared = {name for name, n in Counter(short.values()).items() if n > 1}
    return {org: org.removesuffix(ORG_SUFFIX) if name in shared else name for org, name in short.items()}


def reading(fact: IndexFact) -> str:
    """The words that name which reading of the row the fact is, when it is not the row's figure."""
    basis = fact.basis.split("（")[0]
    if basis in READINGS:
        return READINGS[basis]
    if basis in ("数量", "价值"):
        return basis
    if basis == "预算数" and fact.doc_kind == "决算":
        return "预算数"
    return ""


def column(fact: IndexFact) -> str:
    """The column a question names beside the row ("206的事业收入"), when the fact is not the row's own
    figure. A blank cell (表内空白，记为0) is asked the same way: its 0 answers a question about that
    cell only; a question naming no column means the row's own figure, which a blank is not."""
    label = fact.basis.split("（")[0]
    return label if not fact.item and is_question_column(label) else ""


def question_of(fact: IndexFact, short: str) -> str:
    scope = "本级" if fact.scope == "本级" else ""
    kind = ("单位" if fact.doc_scope == "单位" else "") + fact.doc_kind
    cell = f"的{column(fact)}" if column(fact) else ""
    return f"{short}{scope}{fact.year}年{kind}{fact.item or ''}{fact.code or fact.metric}{cell}{reading(fact)}"


def probes(facts: list[IndexFact]) -> list[Probe]:
    """Each fact with its canonical question, ambiguous when the question names several figures
    of its document: the columns of a table row (blank cells too), or one name printed in two tables."""
    short = short_names({f.org for f in facts})
    asked = [(fact, question_of(fact, short[fact.org])) for fact in facts]
    # A code names its rows only; a name also names the rows of its code (科学技术支出 of 表4 and of 206).
    values: dict[tuple | str, set[tuple[Decimal, str]]] = defaultdict(set)
    for fact, question in asked:
        values[question].add((fact.value, fact.unit))
        values[named(fact)].add((fact.value, fact.unit))
    return [Probe(fact, question, figures(values[question if fact.code else named(fact)]) > 1) for fact, question in asked]


def figures(values: set[tuple[Decimal, str]]) -> int:
    """How many figures the values are: one printed in 元 and in 万元 (12029501.84元, 1202.95万元) is one."""
    kept: list[tuple[Decimal, str]] = []
    for value in sorted(values, key=lambda v: (v[1], v[0])):
        if not any(one_figure(*value, *other) for other in kept):
            kept.append(value)
    return len(kept)


def one_figure(a: Decimal, a_unit: str, b: Decimal, b_unit: str) -> bool:
    """The same figure: equal in 万元, or printed in two money units, the finer rounded to the other's
    places (12029501.84元 is 1202.95万元); a zero is only zero."""
    a_wan, b_wan = in_wan(a, a_unit), in_wan(b, b_unit)
    if a_wan == b_wan:
        return True
    if a_unit == b_unit or not (a_unit in MONEY and b_unit in MONEY) or not a or not b:
        return False
    printed = (a * MONEY[a_unit], b * MONEY[b_unit])  # the places each was printed to, in 万元
    step = Decimal(1).scaleb(max(v.as_tuple().exponent for v in printed))
    return printed[0].quantize(step, rounding=ROUND_HALF_UP) == printed[1].quantize(step, rounding=ROUND_HALF_UP)


def named(fact: IndexFact) -> tuple:
    return fact.org, fact.year, fact.doc_kind, fact.doc_scope, fact.scope, fact.item, fact.metric, column(fact), reading(fact)


def in_wan(value: Decimal, unit: str) -> Decimal:
    return (value * MONEY[unit]).normalize() if unit in MONEY else value.normalize()


def same(answer_fact, fact: IndexFact) -> bool:
    """The answer's fact is the index fact: same document, what it is, and value."""
    if answer_fact.value is None or (answer_fact.org, answer_fact.year, answer_fact.doc_kind) != (fact.org, fact.year, fact.doc_kind):
        return False
    named = answer_fact.code == fact.code if fact.code else answer_fact.metric == fact.metric
    return named and one_figure(Decimal(str(answer_fact.value)), answer_fact.unit, fact.value, fact.unit)


def check(answer, probe: Probe) -> Result:
    fact, facts = probe.fact, answer.facts
    if answer.status != "answered":
        return Result(probe, f"status {answer.status}", answer.text[:60])
    if not facts:
        return Result(probe, "answered without facts", answer.text[:60])
    if same(facts[0], fact) or (probe.ambiguous and any(same(f, fact) for f in facts)):
        return Result(probe, "")
    first = facts[0]
    got = f"{first.org.removesuffix(ORG_SUFFIX)} {first.year}{first.doc_kind} {first.metric} {first.code or ''} {first.value}{first.unit}"
    if probe.ambiguous and "表内空白" in fact.basis:
        return Result(probe, "ambiguous name: a blank cell of the row (表内空白，记为0) is not among the alternatives", got)
    if probe.ambiguous:
        return Result(probe, "ambiguous name: another column or a second printing is not among the alternatives", got)
    if (first.org, first.year, first.doc_kind) != (fact.org, fact.year, fact.doc_kind):
        return Result(probe, "another org, year or 预算/决算 first", got)
    if (first.code != fact.code) if fact.code else (first.metric != fact.metric):
        return Result(probe, "another metric or code first", got)
    return Result(probe, "same name, another figure first", got)


def run(assistant, facts: list[IndexFact]) -> Report:
    report = Report()
    cache: dict[str, object] = {}
    for probe in probes(facts):
        answer = cache.get(probe.question) or cache.setdefault(probe.question, assistant.ask(probe.question))
        report.results.append(check(answer, probe))
    return report


def print_report(report: Report, examples: int = 3, out=sys.stdout) -> None:
    total, passed = len(report.results), sum(not r.reason for r in report.results)
    print(f"round trip: {passed}/{total} facts given back ({report.rate:.2%})", file=out)
    filled = [r for r in report.results if "表内空白" not in r.probe.fact.basis]
    print(f"  without the blank cells (表内空白，记为0): {sum(not r.reason for r in filled)}/{len(filled)} "
          f"({sum(not r.reason for r in filled) / max(1, len(filled)):.2%})", file=out)
    for reason, results in report.failures().items():
        kinds = Counter(r.probe.fact.basis.split("（")[0] or "(no basis)" for r in results).most_common(4)
        print(f"\n{len(results):5}  {reason}   (by basis: {', '.join(f'{k} {n}' for k, n in kinds)})", file=out)
        for result in results[:examples]:
            f = result.probe.fact
            print(f"       {result.probe.question!r}  want {f.metric} {f.code or ''} {f.value}{f.unit} [{f.basis}] "
                  f"{f.doc}:{f.line}   got {result.got}", file=out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the index to ask (default: the assistant's own)")
    parser.add_argument("--examples", type=int, default=3, help="examples printed per failing group")
    parser.add_argument("--min", type=float, help="exit 1 when the rate is below this fraction")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kexie_chat import Assistant

    assistant = Assistant(db_path=args.db) if args.db else Assistant()
    report = run(assistant, read_facts(assistant.db_path))
    print_report(report, args.examples)
    return 1 if args.min is not None and report.rate < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
