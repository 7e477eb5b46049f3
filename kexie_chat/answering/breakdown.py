"""A total and what it is made of: its named parts, its coded children, or the things listed under it."""
from __future__ import annotations

from ..models import Answer, Fact
from ..render import figure, label, table
from .choose import choose
from .notfound import no_metric
from .request import Request
from .wording import reply, sentence, source


def breakdown(request: Request) -> Answer:
    """Needs the subject (org, metric, doc): the route and lookup give it resolved."""
    query, index = request.query, request.index
    org, metric, doc, note = request.org, request.metric, request.doc, request.note
    total = choose(index.facts(org, doc, metric, query), doc.doc_kind, query)
    parts = index.parts(org, doc, metric, query, total) or index.children(org, doc, total, query) \
        or index.listed(org, doc, metric, total)
    if not total and not parts:
        return no_metric(request, org, doc, metric)
    rows = [["项目", "数额", "来源"]] + [[p.item or p.metric, figure(p), f"第{p.source.line}行"] for p in parts]
    head = sentence(total) + "构成如下：" if total else f"{label(parts[0])}：{metric}逐项列出如下（文件没有写合计数）："
    text = note + head + ("\n" + table(rows) if parts else "文件没有列出它的构成。")
    text += unequal_sum_note(total, parts) + source(total or parts[0])
    return reply(request, "answered", "breakdown", text, facts=[f for f in (total, *parts) if f])


def unequal_sum_note(total: Fact | None, parts: list[Fact]) -> str:
    """Say so when the lines listed do not add up to the total (they may be only some of it)."""
    if not total or not parts or any(p.unit != total.unit or p.value is None for p in parts):
        return ""
    listed = sum(p.value for p in parts)
    if listed == total.value:
        return ""
    return (f"\n（以上逐项列出的合计 {listed}{total.unit}，与总数 {figure(total)} 相差 "
            f"{total.value - listed}{total.unit}：文件没有列出全部构成，或前后数字不一致。）")
