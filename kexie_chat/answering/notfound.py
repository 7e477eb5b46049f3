"""The answers that say what is missing (no such org, year, metric, kind or side) and what exists."""
from __future__ import annotations

from ..lexicon import METRIC_PARTS
from ..match import Found
from ..models import Answer, Document, Fact
from .choose import of_kind
from .request import Request
from .wording import KIND_NAMES, examples, reply, short


def unknown_org(request: Request) -> Answer:
    query, documents = request.query, request.index.documents
    names = "、".join(d.org for d in documents)
    return reply(request, "not_found", query.intent, f"语料中没有“{query.unknown_place}”的公开文件。现有单位：{names}。",
                 suggestions=[f"{d.org}{d.year}年{query.metric or '三公经费'}" for d in documents[:5]])


def which_org(request: Request, shared: Found) -> Answer:
    """A name several orgs share (和平区 of 沈阳 and of 天津): ask which, never pick one."""
    query = request.query
    name = query.folded[shared.start:shared.end]
    places = [short(org) for org in shared.among]
    return reply(request, "clarify", query.intent,
                 f"“{name}”是{len(places)}个单位的名称：{'、'.join(shared.among)}。请说明是哪一个。",
                 suggestions=[query.folded[:shared.start] + place + query.folded[shared.end:] for place in places])


def not_understood(request: Request) -> Answer:
    return reply(request, "not_found", "search", "没有读懂这个问题。请用中文提问，例如：包头2020年基本支出。",
                 suggestions=examples(request.index.documents))


def no_year(request: Request) -> Answer:
    query, org = request.query, request.org
    docs = request.index.docs(org)
    years = "、".join(f"{d.year}年（{d.scope}{d.doc_kind}）" for d in docs)
    asked = "、".join(str(y) for y in query.years) or (f"{query.year_end}年末（资产）所在" if query.year_end else "")
    return reply(request, "not_found", query.intent, f"没有{org}{asked}年的公开文件。现有：{years}。",
                 suggestions=[f"{short(org)}{d.year}年{query.metric or ''}" for d in docs])


def no_metric(request: Request, org: str, doc: Document, metric: str) -> Answer:
    query, store = request.query, request.index.store
    have = sorted(m for m in store.metrics(org=org, year=doc.year) if m in METRIC_PARTS)
    if query.previous and metric in store.metrics(org=org, year=doc.year):
        return reply(request, "not_found", query.intent,
                     f"{org}{doc.year}年{doc.scope}{doc.doc_kind}没有写“{metric}”的上年数，只有本年的。",
                     suggestions=[f"{short(org)}{doc.year}年{metric}"])
    return reply(request, "not_found", query.intent,
                 f"{org}{doc.year}年{doc.scope}{doc.doc_kind}中没有找到“{metric}”。这份文件有：" + "、".join(have) + "。",
                 suggestions=[f"{short(org)}{doc.year}年{m}" for m in have[:5]])


def no_kind(request: Request, doc: Document, metric: str, facts: list[Fact]) -> Answer:
    """A money question about a metric the document counts (or the reverse): never the other kind."""
    query = request.query
    have = "、".join(dict.fromkeys(KIND_NAMES[k] for f in facts for k in KIND_NAMES if of_kind(f, k)))
    return reply(request, "not_found", query.intent,
                 f"{doc.org}{doc.year}年{doc.scope}{doc.doc_kind}没有“{metric}”的{KIND_NAMES[query.kind]}，"
                 f"只有它的{have}。", suggestions=[f"{short(doc.org)}{doc.year}年{metric}"])


def no_side(request: Request, doc: Document, metric: str) -> Answer:
    """A 决算 question where only the 预算 figure exists (or the reverse): say so, offer the other."""
    query = request.query
    other = "预算" if query.side == "决算" else "决算"
    name = short(doc.org)
    return reply(request, "not_found", query.intent,
                 f"{doc.org}{doc.year}年{doc.scope}{doc.doc_kind}没有“{metric}”的{query.side}数，只有{other}数。"
                 f"要看{other}数，请问：{name}{doc.year}年{metric}{other}数。",
                 suggestions=[f"{name}{doc.year}年{metric}{other}数"])
