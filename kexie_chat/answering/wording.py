"""The sentences of answers (being gathered here from the handlers)."""
from __future__ import annotations

import re

from ..intent import Query
from ..models import Answer, Document, Fact
from ..render import basis_note, cite, figure, label, wan
from .request import Request

VERDICT_WORDS = {"true": "属实", "false": "不属实", "partly": "部分属实"}
KIND_NAMES = {"money": "金额", "count": "数量", "percent": "百分比"}


def reply(request: Request | str, status: str, intent: str, text: str, **fields) -> Answer:
    question = request if isinstance(request, str) else request.question
    return Answer(question=question, status=status, intent=intent, text=text, **fields)


def short(org: str) -> str:
    return org.removesuffix("科学技术协会")


def examples(documents: list[Document]) -> list[str]:
    return [f"{short(d.org)}{d.year}年三公经费" for d in documents[:5]]


def sentence(fact: Fact) -> str:
    code = f"（{fact.code}）" if fact.code else ""
    item = f"“{fact.item}”" if fact.item else ""
    return f"{label(fact)}：{item}{fact.metric}{code} {figure(fact)}{basis_note(fact)}。"


def source(fact: Fact) -> str:
    return f"\n来源：{cite(fact)}"


def parts_sentence(parts: list[Fact]) -> str:
    if not parts:
        return ""
    return "其中：" + "，".join(f"{p.metric} {figure(p)}" for p in parts) + "。"


def others_sentence(others: list[Fact]) -> str:
    if not others:
        return ""
    return "注意：文件另一处写作" + "；".join(f"{figure(o)}（第{o.source.line}行）" for o in others) + "。"


def reading_label(fact: Fact) -> str:
    """How a reading is told apart: its code's classification, its project, its table."""
    if fact.item:
        return f"项目“{fact.item}”"
    if fact.code:
        kind = "经济分类" if fact.code.startswith("3") else "功能分类"
        return f"{fact.metric}（{kind}{fact.code}）"
    table = (fact.table or "").split("\t")[0].strip()
    return f"{fact.metric}（{table[:24] or fact.basis or '正文'}）"


def readings_sentence(readings: list[Fact]) -> str:
    if not readings:
        return ""
    return "同一名称的其他口径：" + "；".join(
        f"{reading_label(r)} {figure(r)}（第{r.source.line}行）" for r in readings) + "。"


def other_scope_note(other: Document | None) -> str:
    """Say that the same body also published the other scope's disclosure of the year."""
    if other is None:
        return ""
    return f"\n（另有{other.title}：问题里说“{other.scope}{other.doc_kind}”即按那份回答。）"


def wan_figure(fact: Fact) -> str:
    value = wan(fact)
    return f"{value}万元" if value is not None and fact.unit != "万元" else figure(fact)


def typo_readings(query: Query) -> str:
    """Say how a mistyped name was read ("秦皇鸟" as 秦皇岛…), so a wrong reading is seen at once."""
    typos = [f for f in (*query.orgs, *query.metrics) if f.how == "typo"]
    said = "，".join(f"“{query.folded[f.start:f.end]}”按“{f.value}”理解" for f in typos)
    return f"（{said}）" if said else ""


def mark(text: str, phrase: str, words: list[str]) -> str:
    """Bracket what was searched for: the whole phrase where it occurs, else each word."""
    if len(phrase) >= 2 and phrase in text:
        return text.replace(phrase, f"【{phrase}】")
    for word in sorted({w for w in words if len(w) >= 2}, key=len, reverse=True):
        text = re.sub(f"(?<!【){re.escape(word)}(?!】)", f"【{word}】", text)
    return text
