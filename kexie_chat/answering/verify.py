"""Claims: each part of a claim (an amount, a threshold, a direction, existence, overspending,
one org against another) judged against the disclosed figure; true only when every part is."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..lexicon import BASIS_ACTUAL, BASIS_BUDGET, BASIS_CHANGE, BASIS_CHANGE_RATE
from ..models import Answer, Document, Fact
from ..render import basis_note, figure, wan
from ..text import format_amount, to_wan
from .choose import choose, of_kind, side_of
from .compare import compare
from .figures import BASIS_SENTENCE, claim_kind, is_computed, rounds_to, unique
from .lookup import lookup, subject_missing
from .request import Request
from .search import search
from .wording import VERDICT_WORDS, reply

SPENT_CLAIM = r"支出了|花了|花费|实际支出|实际花"
Judgement = tuple[str | None, str, list[Fact]]  # (verdict or None when the documents cannot tell, why, facts shown)


def verify(request: Request) -> Answer:
    query = request.query
    parts = query.claim_parts
    if len(query.orgs) >= 2 and parts and parts[0].kind in ("more", "less"):
        return verify_pair(request, parts[0].kind)
    first = parts[0] if parts else None
    asked_kind = claim_kind(first.unit) if first and first.kind in ("amount", "above", "below") else None
    # A count or percent a table does not hold may be told in a sentence (接待5批次, 有2辆科普大篷车).
    told = search(request.asking(kind=asked_kind), units=(first.unit,)) if asked_kind in ("count", "percent") else None
    told = told if told and told.status == "answered" and told.facts else None
    if not request.metric and not told:
        return reply(request, "clarify", "verify",
                     "要核实哪个数？请说出单位、年度、项目和数额，例如：核实：张家口市科协2020年三公经费是5.19万元。",
                     suggestions=["张家口市科协2020年三公经费是5.19万元吗", "核实：江汉区科协2020年基本支出217.74万元"])
    # The claim's side is judged below (a 预算数 told as spending is not true), not filtered out.
    looked = lookup(request.asking(side=None, kind=asked_kind)) if request.metric else told
    if told and not any(of_kind(f, asked_kind) for f in looked.facts):
        looked = told
    if looked.status != "answered" or not looked.facts or not parts:
        looked.intent = "verify"
        if looked.status == "answered" and not parts:
            looked.text = "问题里没有要核实的数额，文件所载如下。\n" + looked.text
        return looked
    missing = subject_missing(request)
    judged = [judge(part, request, missing, looked.facts[0]) for part in parts]
    verdicts = [v for v, _, _ in judged if v is not None]
    if not verdicts:
        looked.intent = "verify"
        looked.text = "；".join(said for _, said, _ in judged) + "。\n" + looked.text
        return looked
    verdict = verdicts[0] if len(set(verdicts)) == 1 else "partly"
    facts = unique([f for _, _, shown in judged for f in shown] + looked.facts)
    text = f"{VERDICT_WORDS[verdict]}。" + "；".join(said for _, said, _ in judged) + "。\n" + looked.text
    return reply(request, "answered", "verify", text, facts=facts, verdict=verdict)


def verify_pair(request: Request, kind: str) -> Answer:
    """"A 比 B 多，对吗": both figures, and whether the first is the more (or the less)."""
    compared = compare(request.asking(intent="compare"))
    orgs = [f for f in compared.facts if not is_computed(f)]
    if compared.status != "answered" or len(orgs) < 2:
        compared.intent = "verify"
        return compared
    a, b = (wan(orgs[0]), wan(orgs[1])) if orgs[0].is_money else (orgs[0].value, orgs[1].value)
    holds = a > b if kind == "more" else a < b
    verdict = "true" if holds else "false"
    text = f"{VERDICT_WORDS[verdict]}。\n" + compared.text
    return reply(request, "answered", "verify", text, facts=compared.facts, verdict=verdict)


def judge(part, request: Request, missing: Answer | None, lead: Fact) -> Judgement:
    query = request.query
    if lead.basis == BASIS_SENTENCE and part.kind in ("amount", "above", "below"):
        return judge_amount(part, lead, query, lead.metric)
    if missing is not None:
        return None, missing.text, []
    named = [f.value for f in sorted(query.codes or query.metrics, key=lambda f: f.start) if f.start == part.metric_at]
    metric = named[0] if named else lead.metric
    index, org, doc = request.index, request.org, request.doc
    facts = index.facts(org, doc, metric, query) if metric != lead.metric or named else \
        index.facts(org, doc, lead.metric, query)
    free = replace(query, side=None)
    if part.kind in ("up", "down"):
        return judge_change(part, facts, doc, free, metric)
    if part.kind == "overspent":
        return judge_overspent(facts, doc, free, metric)
    kinded = [f for f in facts if of_kind(f, claim_kind(part.unit))] if part.kind != "exists" else \
        [f for f in facts if f.value is not None]
    fact = lead if lead.metric == metric and lead in kinded else choose(kinded, doc.doc_kind, free)
    if fact is None:
        return None, f"文件没有写{metric}", []
    if part.kind == "exists":
        has = bool(fact.value)
        return ("true" if has else "false"), f"文件写的{metric}是 {figure(fact)}（第{fact.source.line}行）", [fact]
    return judge_amount(part, fact, query, metric)


def judge_amount(part, fact: Fact, query, metric: str) -> Judgement:
    unit = part.unit or fact.unit
    claimed = to_wan(part.value, unit) if unit in ("元", "万元", "亿元") else part.value
    stated = wan(fact) if fact.is_money else fact.value
    said = f"{metric}：文件写的是 {figure(fact)}{basis_note(fact)}（第{fact.source.line}行）"
    if claimed is None or stated is None:
        return None, said, [fact]
    if part.kind in ("above", "below"):
        holds = stated > claimed if part.kind == "above" else stated < claimed
        word = "超过" if part.kind == "above" else "低于"
        return ("true" if holds else "false"), f"{said}，{'确实' if holds else '并未'}{word} {part.value}{unit}", [fact]
    if abs(claimed - stated) <= Decimal("0.005") * (1 if fact.is_money else 0) or claimed == stated:
        if re.search(SPENT_CLAIM, query.folded) and (fact.basis or "").startswith(BASIS_BUDGET):
            return "false", f"{said}，这是预算数，不是实际支出", [fact]
        return "true", f"{said}，与所说一致", [fact]
    if rounds_to(stated, claimed):
        return "partly", f"{said}，说成 {part.value}{unit} 只是约数", [fact]
    return "false", f"{said}，不是 {part.value}{unit}", [fact]


def judge_change(part, facts: list[Fact], doc: Document, query, metric: str) -> Judgement:
    """比上年增加/减少（了多少）: the direction first; an amount told with the wrong direction is not true."""
    amount = choose([f for f in facts if f.basis == BASIS_CHANGE], doc.doc_kind, query, allow=(BASIS_CHANGE,))
    rate = choose([f for f in facts if f.basis == BASIS_CHANGE_RATE], doc.doc_kind, query, allow=(BASIS_CHANGE_RATE,))
    told = amount or rate
    if told is None:
        return None, f"文件没有写{metric}比上年的增减", []
    actual = "up" if told.value > 0 else "down" if told.value < 0 else "flat"
    words = {"up": "增加", "down": "减少", "flat": "持平"}
    said = f"{metric}比上年{words[actual]}"
    said += f" {format_amount(abs(amount.value))}{amount.unit}" if amount else ""
    said += f"（{format_amount(abs(rate.value))}%）" if rate else ""
    said += f"（第{told.source.line}行）"
    shown = [f for f in (amount, rate) if f]
    if actual != part.kind:
        return "false", f"{said}，不是{words[part.kind]}", shown
    if part.value is None:
        return "true", said, shown
    against = rate if part.unit == "%" else amount
    if against is None:
        return None, said + "，文件没有写所说的那种增减数", shown
    claimed = abs(to_wan(part.value, part.unit) if part.unit in ("元", "万元", "亿元") else part.value)
    stated = abs(wan(against) if against.is_money else against.value)
    if abs(claimed - stated) <= Decimal("0.005"):
        return "true", said, shown
    return "partly", f"{said}：方向对，数额不是 {part.value}{part.unit}", shown


def judge_overspent(facts: list[Fact], doc: Document, query, metric: str) -> Judgement:
    money = [f for f in facts if f.is_money]
    budget = choose([f for f in money if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind, query)
    actual = choose([f for f in money if side_of(f) == BASIS_ACTUAL], doc.doc_kind, query)
    if not budget or not actual:
        return None, f"文件没有同时写{metric}的预算数和决算数", []
    over = wan(actual) > wan(budget)
    said = (f"{metric}决算数 {figure(actual)}（第{actual.source.line}行）{'高于' if over else '没有超过'}"
            f"预算数 {figure(budget)}（第{budget.source.line}行）")
    return ("true" if over else "false"), said, [actual, budget]
