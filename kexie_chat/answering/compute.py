"""Figures of one org worked out from two: share (A 占 B), execution rate, change from the year
before, budget against actual. A figure the document states comes first; a computed one says so."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import BASIS_ACTUAL, BASIS_BUDGET, BASIS_CHANGE, BASIS_CHANGE_RATE, BASIS_EXECUTION, BASIS_PREVIOUS, \
    BASIS_SHARE, METRIC_PARTS
from ..models import Answer, Document, Fact
from ..render import figure, label
from ..text import format_amount
from .choose import choose, side_of
from .figures import agree, computed, unique
from .lookup import lookup
from .notfound import no_metric
from .request import Request
from .wording import reply, short, source


def share(request: Request) -> Answer:
    """The share of the named pair (A 占 B), else of the total the metric is a part of.

    A share the document states comes first; when the pair's own figures give another value,
    both are shown and the answer says so (a stated share may be of another total)."""
    query, index = request.query, request.index
    org, doc, note = request.org, request.doc, request.note
    named = [f.value for f in (query.codes or query.metrics)]
    metric = named[0] if len(named) >= 2 else request.metric
    base_metric = named[-1] if len(named) >= 2 and named[-1] != metric else \
        next((p for p, parts in METRIC_PARTS.items() if metric in parts), None)
    facts = index.facts(org, doc, metric, query)
    stated = choose([f for f in facts if (f.basis or "").startswith(BASIS_SHARE)], doc.doc_kind, query,
                    allow=(BASIS_SHARE,))
    part = choose([f for f in facts if f.is_money], doc.doc_kind, query)
    base = choose([f for f in index.store.facts(org=org, metric=base_metric, year=doc.year) if f.is_money],
                  doc.doc_kind, query) if base_metric else None
    share_of = computed(part, base, "share", f"{metric}÷{base_metric}") if part and base else None
    if stated is None and share_of is None:
        return no_metric(request, org, doc, f"{metric}占{base_metric or ''}比例")
    lines = []
    if stated is not None:
        lines.append(f"{label(stated)}：{metric}占比 {figure(stated)}（文件所述）。")
    if share_of is not None:
        lines.append(f"{'按' if stated else label(part) + '：按'}{metric} {figure(part)}（第{part.source.line}行）"
                     f"÷ {base_metric} {figure(base)}（第{base.source.line}行）计算得出：{metric}占{base_metric}的 "
                     f"{figure(share_of)}。")
    agreeing = stated is None or share_of is None or agree(stated.value, share_of.value)
    if not agreeing:
        lines.append(f"两者不一致：文件所述的占比可能是占另一个总数的比例，请以第{stated.source.line}行的原文为准。")
        lead = [share_of, stated] if len(named) >= 2 else [stated, share_of]
    else:
        lead = [f for f in (stated, share_of) if f is not None]
    facts = [*lead, *(f for f in (part, base) if f is not None and share_of is not None)]
    text = note + "".join(lines) + source(lead[0] if lead[0] is stated else part)
    return reply(request, "answered", "share", text, facts=facts)


def rate(request: Request) -> Answer:
    """执行率: the 决算 figure over the 年初预算 figure; the rate the document states comes first."""
    query, index = request.query, request.index
    org, metric, doc, note = request.org, request.metric, request.doc, request.note
    free = replace(query, side=None, wants_budget=False, wants_actual=False)
    facts = index.facts(org, doc, metric, query)
    stated = choose([f for f in facts if f.basis == BASIS_EXECUTION], doc.doc_kind, free, allow=(BASIS_EXECUTION,))
    money = [f for f in facts if f.is_money]
    budget = choose([f for f in money if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind, free)
    actual = choose([f for f in money if side_of(f) == BASIS_ACTUAL], doc.doc_kind, free)
    rate_of = computed(actual, budget, "rate", "决算数÷预算数") if actual and budget else None
    if stated is None and rate_of is None:
        why = "这是预算文件，没有执行数" if doc.doc_kind == "预算" else "文件没有写它的执行率，也没有同时写预算数和决算数"
        return reply(request, "not_found", "rate", f"{label(facts[0]) if facts else doc.org}：“{metric}”{why}。",
                     suggestions=[f"{short(org)}{doc.year}年{metric}"])
    lines = []
    if stated is not None:
        lines.append(f"{label(stated)}：{metric}完成预算的 {figure(stated)}（文件所述）。")
    if rate_of is not None:
        lines.append(f"{'' if stated else label(actual) + '：'}决算数 {figure(actual)}（第{actual.source.line}行）"
                     f"÷ 预算数 {figure(budget)}（第{budget.source.line}行）计算得出执行率 {figure(rate_of)}。")
    if stated is not None and rate_of is not None and not agree(stated.value, rate_of.value):
        lines.append("文件所述的执行率与按两数计算的不一致，两者都列出。")
    lead = [f for f in (stated, rate_of) if f is not None]
    text = note + "".join(lines) + source(stated or actual)
    return reply(request, "answered", "rate", text, facts=[*lead, *(f for f in (actual, budget) if f)])


def change(request: Request) -> Answer:
    query, index = request.query, request.index
    org, metric = request.org, request.metric
    if not org or not metric:
        return lookup(request)
    docs = index.docs(org)
    doc = next((d for d in docs if d.year in query.years), None) or max(docs, key=lambda d: d.year)
    facts = index.facts(org, doc, metric, query)
    changes = [f for f in facts if (f.basis or "").startswith((BASIS_CHANGE, BASIS_CHANGE_RATE))]
    if changes:
        amount = next((f for f in changes if f.basis == BASIS_CHANGE), changes[0])
        rate_of = next((f for f in changes if f.basis == BASIS_CHANGE_RATE and f.source.line == amount.source.line),
                       None)
        words = "增加" if amount.value >= 0 else "减少"
        level = choose(facts, doc.doc_kind, replace(query, kind=None))
        text = f"{label(amount)}：{metric}较上年{words} {abs(amount.value)}{amount.unit}"
        text += f"（{abs(rate_of.value)}%）" if rate_of and rate_of is not amount else ""
        text += f"，本年为 {figure(level)}" if level else ""
        text += "（文件所述）。" + source(amount)
        lead = [rate_of, amount] if query.kind == "percent" and rate_of else [amount, rate_of]
        return reply(request, "answered", "change", text, facts=unique([f for f in (*lead, level) if f is not None]))
    return computed_change(request, org, doc, metric, facts)


def computed_change(request: Request, org: str, doc: Document, metric: str, facts: list[Fact]) -> Answer:
    """No change stated, but this year's and last year's figures are: their difference, 计算得出."""
    free = replace(request.query, kind=None)
    level = choose(facts, doc.doc_kind, free)
    previous = choose([f for f in facts if f.basis == BASIS_PREVIOUS], doc.doc_kind, free, allow=(BASIS_PREVIOUS,))
    if level is None or previous is None or not level.is_money or not previous.is_money:
        return no_metric(request, org, doc, f"{metric}的增减变化")
    difference = computed(level, previous, "difference", "本年−上年")
    rate_of = computed(difference, previous, "share", "增减÷上年") if previous.value else None
    words = "增加" if difference.value >= 0 else "减少"
    text = (f"{label(level)}：{metric}本年 {figure(level)}（第{level.source.line}行），上年 {figure(previous)}"
            f"（第{previous.source.line}行），计算得出较上年{words} {format_amount(abs(difference.value))}万元"
            + (f"（{format_amount(abs(rate_of.value))}%）" if rate_of else "") + "。" + source(level))
    lead = [rate_of, difference] if request.query.kind == "percent" and rate_of else [difference, rate_of]
    return reply(request, "answered", "change", text, facts=[f for f in (*lead, level, previous) if f is not None])


def budget_vs_actual(request: Request) -> Answer:
    query, index = request.query, request.index
    org, metric, doc, note = request.org, request.metric, request.doc, request.note
    facts = index.facts(org, doc, metric, query)
    budget = choose([f for f in facts if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind)
    actual = choose([f for f in facts if (f.basis or "").startswith(BASIS_ACTUAL)], doc.doc_kind)
    execution = next((f for f in facts if f.basis == BASIS_EXECUTION), None)
    if not budget and not actual:
        return lookup(request)
    parts = []
    if budget:
        parts.append(f"预算数 {figure(budget)}（第{budget.source.line}行）")
    if actual:
        parts.append(f"决算数（实际支出）{figure(actual)}（第{actual.source.line}行）")
    if execution:
        parts.append(f"完成预算的 {figure(execution)}")
    if doc.doc_kind == "预算" and not actual:
        parts.append("这是预算文件，没有实际支出数")
    first = actual or budget
    named = f"“{first.item}”{metric}" if first.item else metric
    text = f"{note}{label(first)}：{named} " + "；".join(parts) + "。" + source(first)
    return reply(request, "answered", "budget_vs_actual", text, facts=[f for f in (actual, budget, execution) if f])
