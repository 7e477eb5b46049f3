"""Which figure a question means: the one rule (choose) and the small tests it is made of.

Of the facts of one org, document and metric, a question means one: of the scope asked, of the
listed thing asked (or of none), of the side asked (预算数/决算数), in the unit the metric is told
in, from its main column and the likeliest table. Every operation asks this module, nothing else
decides it.
"""
from __future__ import annotations

import re

from ..intent import Query
from ..lexicon import (
    BASIS_ACTUAL,
    BASIS_BUDGET,
    BASIS_CHANGE,
    BASIS_CHANGE_RATE,
    BASIS_DONE,
    BASIS_EXECUTION,
    BASIS_FULL_YEAR,
    INCOME_KINDS,
    BASIS_PREVIOUS,
    BASIS_SHARE,
    BASIS_TARGET,
    BASIS_VALUE,
    MAIN_COLUMNS as LEXICON_MAIN_COLUMNS,
    METRIC_UNITS,
    TABLE_FUNDING,
    TABLE_PRIORITY,
    TARGET_WORDS,
)
from ..models import DEPARTMENT, Fact
from ..text import fold
from ..vocabulary import table_kind

APPROPRIATION = "财政拨款"
APPROPRIATION_FUNDINGS = ("财政拨款", "一般公共预算")  # tables that count 财政拨款 money only
OTHER_SIDE = {"预算": BASIS_ACTUAL, "决算": BASIS_BUDGET}  # the basis a question insisting on a side must not get
DERIVED = (BASIS_CHANGE, BASIS_CHANGE_RATE, BASIS_SHARE, BASIS_EXECUTION, BASIS_PREVIOUS)
MAIN_COLUMNS = ("合计", "小计", "金额", "预算数", "决算数", "本年", "收入预算金额", "支出预算金额", "数量",
                "价值", "预算金额", "得分")
# A project is often named with its year ("2020年基层科普行动计划"), which people leave out.
ITEM_YEAR_RE = re.compile(r"^(?:19|20)\d{2}年度?(?=.{4})")


def choose(facts: list[Fact], doc_kind: str, query: Query | None = None,
           allow: tuple[str, ...] = ()) -> Fact | None:
    """The one figure a question about these facts means."""
    if query is not None and query.previous and BASIS_PREVIOUS not in allow:  # never this year's for last year's
        facts, allow = [f for f in facts if f.basis == BASIS_PREVIOUS], (*allow, BASIS_PREVIOUS)
    wanted = (query.scope if query else None) or DEPARTMENT
    department = [f for f in facts if f.scope == wanted] or [f for f in facts if f.scope == DEPARTMENT] or facts
    usable = [f for f in meant_items(department, query) if (f.basis or "").split("（")[0] not in DERIVED or
              (f.basis or "").split("（")[0] in allow]
    if query is not None and query.side:
        usable = [f for f in usable if side_of(f) != OTHER_SIDE[query.side]]
    if not usable:
        return None
    wants_budget = bool(query and query.wants_budget and not query.wants_actual)
    wants_actual = bool(query and query.wants_actual) or (doc_kind == "决算" and not wants_budget)
    target = wants_target(query)

    def rank(fact: Fact):
        basis = fact.basis or ""
        if basis in (BASIS_TARGET, BASIS_DONE):  # a 绩效 row: what was done, unless the plan is asked
            side = 0 if (basis == BASIS_TARGET) == target else 1
        elif wants_actual:
            side = 0 if basis.startswith(BASIS_ACTUAL) else 2 if basis.startswith(BASIS_BUDGET) else 1
        elif wants_budget:
            side = 0 if basis.startswith(BASIS_BUDGET) else 2 if basis.startswith(BASIS_ACTUAL) else 1
        else:
            side = 0
        unit = 0 if METRIC_UNITS.get(fact.metric, fact.unit) == fact.unit or fact.is_money and \
            fact.metric not in METRIC_UNITS else 1
        column = 0 if not basis or basis.startswith(MAIN_COLUMNS) or basis.endswith("行") else 1
        kind = table_kind(fact.table or "") if fact.table and fact.table != "正文" else None
        table_rank = TABLE_PRIORITY.index(kind) if kind in TABLE_PRIORITY else len(TABLE_PRIORITY)
        full_year = (BASIS_FULL_YEAR == basis) != bool(query and "全年预算" in query.folded)
        funding = 0 if not appropriation_asked(query, fact.metric) or \
            TABLE_FUNDING.get(kind or "") in APPROPRIATION_FUNDINGS else 1
        return ("空白" in basis, unit, funding, side, full_year, column, table_rank, fact.source.line)

    return min(usable, key=rank)


def appropriation_asked(query: Query | None, metric: str) -> bool:
    """Whether the question's words for a figure say 财政拨款 where its name does not (年初财政拨款结转和结余
    is the 年初结转和结余 of the 财政拨款 table, not of all funds)."""
    if query is None:
        return False
    words = [query.folded[f.start:f.end] for f in query.metrics if f.value == metric]
    return any(APPROPRIATION in word for word in words) and APPROPRIATION not in metric


def wants_target(query: Query | None) -> bool:
    """Whether a question asks a 绩效 indicator's target (计划新建几座, 目标是多少), not what was done."""
    return bool(query) and any(word in query.folded for word in TARGET_WORDS)


def meant_items(facts: list[Fact], query: Query | None) -> list[Fact]:
    """Facts of a listed thing (a project, a purchase) only when that thing is what is meant.

    It is meant when the question names it, or when the facts are all about one thing
    (the caller already narrowed them); a total is never answered with one of its lines.
    """
    asked = query.item if query else None
    if asked:
        return [f for f in facts if same_item(f.item, asked)]
    plain = [f for f in facts if not f.item]
    if plain or len({f.item for f in facts}) > 1:
        return plain
    return facts


def item_key(item: str) -> str:
    return ITEM_YEAR_RE.sub("", fold(item))


def same_item(item: str | None, asked: str) -> bool:
    """Whether a fact is of the listed thing asked, its year left out on either side."""
    return item is not None and (item == asked or item_key(item) == item_key(asked))


def side_of(fact: Fact) -> str:
    """预算数 or 决算数: which of the pair a figure is, whatever its column was called."""
    basis = fact.basis or ""
    if basis.startswith((BASIS_BUDGET, BASIS_ACTUAL)):
        return basis[:3]
    if basis.startswith((BASIS_VALUE, "数量")):
        return basis[:2]
    return BASIS_ACTUAL if fact.doc_kind == "决算" else BASIS_BUDGET


def of_kind(fact: Fact, kind: str | None) -> bool:
    """Whether a figure is of the kind asked: money, a count, a percent (any, when none is asked)."""
    if kind == "money":
        return fact.is_money
    if kind == "percent":
        return fact.unit == "%"
    if kind == "count":
        return not fact.is_money and fact.unit != "%" and fact.value is not None
    return True


def one_column(fact: Fact, other: Fact) -> bool:
    """Whether two figures are in one column: the same label, or each the row's own figure on one side
    (合计 of one table, 本年收入合计 of another; never a 预算数 and a 决算数, nor the 年初 and the 全年
    or 调整 budget)."""
    if fact.basis == other.basis:
        return True
    qualifiers = {(f.basis or "").partition("（")[2] for f in (fact, other)}
    if any(word in q for q in qualifiers for word in OTHER_BUDGETS):
        return False
    return side_of(fact) == side_of(other) and \
        all((f.basis or "").split("（")[0] in LEXICON_MAIN_COLUMNS for f in (fact, other))


# Budgets other than the year-start one (年初预算): a figure of theirs is another figure, not another printing.
OTHER_BUDGETS = ("全年", "调整")


def same_funding(fact: Fact, other: Fact) -> bool:
    """Whether two tables' figures count the same money: a row of the 收支总表 (all funds) and the
    same row of the 财政拨款收支总表 (财政拨款 only) are two figures, not one printed twice."""
    fundings = {TABLE_FUNDING.get(table_kind(f.table or "") or "") for f in (fact, other) if f.table != "正文"}
    if fact.code and other.code and len({table_kind(f.table or "") in INCOME_KINDS for f in (fact, other)}) == 2:
        return False  # a class's income (收入决算表) is other money than its spending (支出决算表)
    return len(fundings - {None}) < 2  # a table not recognized may count either


def is_derived(fact: Fact) -> bool:
    """A change, share, rate or last year's figure: never the level a plain question asks for."""
    return (fact.basis or "").split("（")[0] in DERIVED
