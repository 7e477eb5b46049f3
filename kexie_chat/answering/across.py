"""One metric across orgs: a comparison of the orgs named, or a ranking of every org."""
from __future__ import annotations

import re

from ..models import Answer, Fact
from ..render import figure, table, wan
from ..text import format_amount
from .choose import choose, of_kind, side_of
from .context import Context
from .figures import computed
from .request import Request
from .wording import examples, reply, short, wan_figure

ASCENDING_WORDS = r"最低|最少|最小|从低到高|从小到大|谁少|谁低|谁小|哪个少|哪个低|哪个小|谁更少|谁更低"
WHICH_WORDS = r"谁|哪个|哪家"  # a comparison that asks which is more is told largest first
ROWS_SHOWN = 30  # rows of a comparison the text shows; Answer.facts keeps every org


def across(request: Request, metric: str, intent: str, orgs: list[str] | None = None) -> Answer:
    query, index = request.query, request.index
    orgs = orgs or sorted(index.by_org)
    docs = {org: doc for org in orgs for doc in [index.doc_for(org, query, Context())[0]] if doc is not None}
    found = index.facts_across(docs, metric, query)
    facts = []
    for org in orgs:
        if org not in docs:
            continue
        fact = choose([f for f in found.get(org, []) if of_kind(f, query.kind)], docs[org].doc_kind, query)
        if fact is not None and fact.value is not None:
            facts.append(fact)
    if not facts:
        return reply(request, "not_found", intent, f"各单位的文件中都没有找到“{metric}”。",
                     suggestions=examples(index.documents))
    ascending = bool(re.search(ASCENDING_WORDS, query.folded))
    if intent == "rank" or re.search(WHICH_WORDS, query.folded):
        facts.sort(key=lambda f: (wan(f) if wan(f) is not None else f.value), reverse=not ascending)
    rows = [["单位", "年度", "类别", metric, "来源"]]
    rows += [[short(f.org), f"{f.year}年", side_of(f), wan_figure(f), f"{f.source.doc}:{f.source.line}"]
             for f in facts[:ROWS_SHOWN]]
    hidden = len(facts) - ROWS_SHOWN
    more = f"\n（共 {len(facts)} 个单位，以上是前 {ROWS_SHOWN} 个；其余 {hidden} 个见 --json 或应用的数据表。）" \
        if hidden > 0 else ""
    head = "从高到低" if intent == "rank" else "对比"
    answered = {f.org for f in facts}
    missing = [o for o in orgs if o not in answered]
    tail = f"\n（{('、'.join(missing))}的文件没有这个数。）" if missing and len(orgs) < len(index.documents) + 1 else ""
    lead = f"“{metric}”{head}（各单位年度与预算/决算不同，请注意）：\n"
    added = []
    if intent == "rank":
        top = facts[0]
        lead = f"“{metric}”{'最低' if ascending else '最高'}的是{top.org}（{top.year}年部门{top.doc_kind}，{figure(top)}）。\n" + lead
    elif len(facts) >= 2:
        said, added = pair_sentence(metric, facts[0], facts[1])
        lead = said + "\n" + lead
    return reply(request, "answered", intent, lead + table(rows) + more + tail, facts=facts + added)


def pair_sentence(metric: str, first: Fact, second: Fact) -> tuple[str, list[Fact]]:
    """The headline of a comparison: both figures, how much more and how many times (计算得出)."""
    a, b = (wan(first), wan(second)) if first.is_money and second.is_money else (first.value, second.value)
    if a is None or b is None or first.is_money != second.is_money:
        return "", []
    unit = "万元" if first.is_money else first.unit
    name_a, name_b = short(first.org), short(second.org)
    both = f"“{metric}”：{name_a} {wan_figure(first)}（{first.year}年{side_of(first)}），" \
           f"{name_b} {wan_figure(second)}（{second.year}年{side_of(second)}）。"
    if a == b:
        return both + "两者相同。", []
    difference = computed(first, second, "difference", f"{name_a}−{name_b}")
    times = computed(first, second, "times", f"{name_a}÷{name_b}")
    more = "多" if a > b else "少"
    said = f"{name_a}比{name_b}{more} {format_amount(abs(a - b))}{unit}"
    said += f"，是{name_b}的 {times.value} 倍" if times is not None else ""
    return both + said + "（计算得出）。", [f for f in (difference, times) if f is not None]
