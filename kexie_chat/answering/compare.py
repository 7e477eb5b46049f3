"""Comparisons: orgs on one metric (across), or two metrics of one org; and rankings."""
from __future__ import annotations

from .across import across
from .choose import choose
from .figures import computed
from .notfound import example_orgs, no_metric
from .reply import Reply, answered, clarify, said
from .request import Request


def compare(request: Request) -> Reply:
    query, context, metric = request.query, request.context, request.metric
    orgs = [f.value for f in query.orgs]
    orgs = list(dict.fromkeys([*query.extra_orgs, *orgs]))
    if not orgs and len(context.orgs) >= 2 and context.intent == "compare":
        orgs = list(context.orgs)  # 三公经费呢: the same orgs compared on another metric
    if context.org and len(orgs) < 2 and context.org not in orgs:
        orgs = [context.org, *orgs]
    if not query.orgs and len(orgs) < 2:  # 比较一下 after 秦皇岛…, 包头呢: the orgs the conversation was about
        orgs = list(dict.fromkeys([*orgs, *reversed(context.asked)]))[:2]
    if not metric:
        pair = "和".join(example_orgs(request.index.documents))
        return clarify("compare", said("which_metric", operation="compare", orgs=pair),
                       suggestions=[f"比较{pair}的{m}" for m in ("三公经费", "基本支出", "人员经费")])
    if len(orgs) == 1:  # 包头的三公经费比一比: every org beside it, none picked as its match
        others = [org for org in sorted(request.index.by_org) if org != orgs[0]]
        return across(request, metric, "compare", [orgs[0], *others], partner=False)
    return across(request, metric, "compare", orgs or None)


def figures_named(query) -> list[str]:
    """The figures a question names, each once, in its order: by their codes when it gives codes."""
    return list(dict.fromkeys(f.value for f in sorted(query.codes or query.metrics, key=lambda f: f.start)))


def compare_metrics(request: Request) -> Reply:
    """Two figures of one org (基本支出比项目支出多多少, A是B的几倍): both, their difference and ratio."""
    query, index = request.query, request.index
    org, doc = request.org, request.doc
    metrics = figures_named(query)[:2]
    chosen = [choose([f for f in index.facts(org, doc, m, query) if f.is_money], doc.doc_kind, query)
              for m in metrics]
    absent = [m for m, fact in zip(metrics, chosen) if fact is None]
    if absent:
        return no_metric(request, org, doc, absent[0])
    first, second = chosen
    difference = computed(first, second, "difference", f"{first.metric}−{second.metric}")
    times = computed(first, second, "times", f"{first.metric}÷{second.metric}")
    return answered("compare", *request.notes, said("two_metrics", first, second, difference, times=times),
                    facts=[first, second, *(f for f in (difference, times) if f is not None)],
                    source=said("source", first))


def rank(request: Request) -> Reply:
    if not request.metric:
        return clarify("rank", said("which_metric", operation="rank"),
                       suggestions=["三公经费最高的是哪个单位", "人员经费从高到低"])
    return across(request, request.metric, "rank")
