"""What the index holds, as the answer path reads it: the documents of each org, the names
questions are matched against, and the facts of an org, document and metric (with their parts,
their other statements and their other readings)."""
from __future__ import annotations

import re

from dataclasses import replace

from ..intent import ItemVocabulary, Query
from ..lexicon import (BASIS_BUDGET, BASIS_DONE, BASIS_PROCUREMENT_PROJECT, BASIS_TARGET, ITEM_BUYING_VERBS,
                       METRIC_PARTS, METRIC_UNITS, STANDS_IN_FOR)
from ..match import MetricMatcher, OrgMatcher
from ..models import DEPARTMENT, UNIT, Document, Fact
from ..render import wan
from ..store import Store
from ..text import fold
from ..vocabulary import economic_codes_of, table_kind
from .choose import OTHER_BUDGETS, choose, is_derived, item_key, one_column, same_funding, same_item, side_of
from .context import Context

NAME_NOTE_RE = re.compile(r"\([^()]{1,10}\)$")  # folded brackets: （政策资金） -> (政策资金)
MONEY_ITEM_METRICS = ("项目支出", "政府采购")


def item_vocabulary(items: list[tuple[str, str]]) -> ItemVocabulary:
    """First character -> (folded name, item, metric), longest first; a project's money before its score."""
    chosen: dict[str, tuple[str, str]] = {}
    # a name as written first; without its year, then without its verb of buying (购置彩色打印机 is
    # asked as 彩色打印机, 买彩色打印机) where no item is so named
    for key_of in (fold, item_key, thing_bought, without_note):
        for item, metric in sorted(items, key=lambda pair: len(pair[0]), reverse=True):
            key = key_of(item)
            shortest = 3 if key_of in (thing_bought, without_note) else 2
            replaces = key_of is fold or chosen.get(key, ("",))[0] == item  # a name's money before its score
            if len(key) >= shortest and (key not in chosen or replaces and chosen[key][1] not in MONEY_ITEM_METRICS):
                chosen[key] = (item, metric)
    vocabulary: ItemVocabulary = {}
    for key, (item, metric) in chosen.items():
        vocabulary.setdefault(key[0], []).append((key, item, metric))
    return vocabulary


def without_note(item: str) -> str:
    """生命健康专项（政策资金） -> 生命健康专项: a name is asked without the note its title adds."""
    key = item_key(item)
    bare = NAME_NOTE_RE.sub("", key)
    return bare if bare != key else ""


def thing_bought(item: str) -> str:
    """购置彩色打印机 -> 彩色打印机: the thing an item buys, its verb of buying left out."""
    key = item_key(item)
    verb = next((v for v in ITEM_BUYING_VERBS if key.startswith(v)), "")
    return key[len(verb):] if verb else ""


def code_asked(metric: str, query: Query) -> str | None:
    """The code the question names for this metric (2060702), if it names one."""
    return query.codes[0].how if query.codes and query.codes[0].value == metric else None


def related_names(metric: str) -> list[str]:
    """The 功能分类 name of an 经济分类 item and the reverse: 机关事业单位基本养老保险缴费(支出)."""
    return [metric.removesuffix("支出")] if metric.endswith("支出") and len(metric) > 6 else [metric + "支出"]


class Index:
    def __init__(self, store: Store):
        self.store = store
        self.documents = store.documents()
        self.by_org: dict[str, list[Document]] = {}
        for document in self.documents:
            self.by_org.setdefault(document.org, []).append(document)
        aliases: dict[str, list[str]] = {org: [] for org in self.by_org}
        for org, alias in store.aliases():
            aliases.setdefault(org, []).append(alias)
        self.orgs = OrgMatcher(aliases)
        self.metrics = MetricMatcher(store.metrics(), store.codes(), store.cells())
        self.items = item_vocabulary(store.items())
        self._named_like: dict[str, list[tuple[str, str]]] = {}

    def docs(self, org: str) -> list[Document]:
        return self.by_org.get(org, [])

    def lists_item(self, orgs: set[str], item: str) -> bool:
        """Whether a table of one of these orgs lists the thing (a project, a purchase, an indicator)."""
        return any(f.item == item for org in orgs for f in self.store.facts(org=org))

    def items_but(self, item: str) -> ItemVocabulary:
        """The item vocabulary without one thing's names."""
        return {first: [entry for entry in entries if entry[1] != item] for first, entries in self.items.items()}

    def doc_for(self, org: str, query: Query, context: Context) -> tuple[Document | None, int | None]:
        """The document a question means, and the remembered year when it had to be changed (this
        org has none of it). Of a 部门预算 and a 单位预算 of one year, the one the question names,
        else the 部门预算."""
        wanted = query.scope or DEPARTMENT
        docs = sorted(self.docs(org), key=lambda d: d.scope != wanted)
        if not docs:
            return None, None
        if query.year_end and not query.years:  # a 预算 tells the stock at the end of the year before it
            told = [d for d in docs if (d.doc_kind, d.year) in (("预算", query.year_end + 1), ("决算", query.year_end))]
            if told:
                return told[0], None
            return None, None
        years = {d.year for d in docs}
        asked = [y for y in query.years if y in years]
        if query.years and not asked:
            return None, None
        if asked:
            return next(d for d in docs if d.year == asked[0]), None
        if context.year in years:
            return next(d for d in docs if d.year == context.year), None
        return max(docs, key=lambda d: d.year), context.year

    def other_scope_doc(self, fact: Fact) -> Document | None:
        """The same body's disclosure of the year in the other scope (单位预算 beside 部门预算)."""
        scope = UNIT if fact.scope == UNIT else DEPARTMENT
        return next((d for d in self.docs(fact.org) if d.year == fact.year and d.doc_kind == fact.doc_kind
                     and d.scope != scope), None)

    # --- facts --------------------------------------------------------------------

    def spending_named(self, metric: str) -> str | None:
        """The 功能分类 name a 经济分类 item's name names with 支出 after it (职业年金缴费 ->
        机关事业单位职业年金缴费支出), when one name ends so."""
        named = metric + "支出"
        return named if named in self.metrics.known else self.metrics.spending_tails.get(fold(named))

    def facts(self, org: str, doc: Document, metric: str, query: Query) -> list[Fact]:
        code = code_asked(metric, query)
        facts = self.store.facts(org=org, code=code, year=doc.year) if code else \
            self.store.facts(org=org, metric=metric, year=doc.year)
        if not facts and not code:  # a document that tells it only as its 经济分类 row (30212 因公出国（境）费用)
            facts = [f for c in economic_codes_of(metric) for f in self.store.facts(org=org, code=c, year=doc.year)]
        return self.meant_facts(facts, metric, query)

    def facts_across(self, docs: dict[str, Document], metric: str, query: Query) -> dict[str, list[Fact]]:
        """`facts` of many orgs at once, each in the document given: one query, not one an org."""
        code = code_asked(metric, query)
        years = {org: doc.year for org, doc in docs.items()}
        by_org: dict[str, list[Fact]] = {}
        for fact in self.store.facts_of_years(years, code=code) if code else \
                self.store.facts_of_years(years, metric=metric):
            by_org.setdefault(fact.org, []).append(fact)
        return {org: self.meant_facts(facts, metric, query) for org, facts in by_org.items()}

    @staticmethod
    def meant_facts(facts: list[Fact], metric: str, query: Query) -> list[Fact]:
        if query.column:  # 206的事业收入: that column of the row, a blank cell too
            return [f for f in facts if (f.basis or "").split("（")[0] in query.column]
        if query.item:
            return [f for f in facts if same_item(f.item, query.item)]
        items = [m.value for m in query.metrics if m.value != metric]
        if metric == "绩效自评得分" and items:
            facts = [f for f in facts if f.item and any(i in f.item for i in items)] or facts
        return facts

    def parts(self, org: str, doc: Document, metric: str, query: Query, total: Fact | None = None) -> list[Fact]:
        """The named parts of a total, told the way the total is (money parts of a sum of money); with
        no total stated, the way its metric is (编制 in 人, 固定资产 in money, never its 车辆)."""
        money = total.is_money if total is not None else metric not in METRIC_UNITS
        parts = []
        for part in METRIC_PARTS.get(metric, ()):
            facts = self.store.facts(org=org, metric=part, year=doc.year)
            if money:
                facts = [f for f in facts if f.is_money]
            fact = choose(facts, doc.doc_kind, query)
            if fact and (money or fact.unit == (METRIC_UNITS.get(part) or fact.unit)):
                parts.append(fact)
        return parts

    def stand_ins(self, org: str, doc: Document, metric: str, query: Query) -> list[Fact]:
        """The figures that answer for a total the document does not write (STANDS_IN_FOR), all of a set or none."""
        for names in STANDS_IN_FOR.get(metric, ()):
            chosen = [choose([f for f in self.store.facts(org=org, metric=name, year=doc.year) if f.is_money
                              and (not query.side or side_of(f) == query.side + "数")], doc.doc_kind, query)
                      for name in names]  # 包头预算是多少 of a 决算: not its 决算 totals
            if all(chosen):
                return chosen
        return []

    @staticmethod
    def paired(primary: Fact, facts: list[Fact]) -> list[Fact]:
        """The other figure of a 绩效 row: the target beside what was done, or the reverse."""
        pair = {BASIS_TARGET: BASIS_DONE, BASIS_DONE: BASIS_TARGET}.get(primary.basis or "")
        return [f for f in facts if pair and f.basis == pair and f.item == primary.item
                and f.source.line == primary.source.line][:1]

    @staticmethod
    def others(facts: list[Fact], primary: Fact) -> list[Fact]:
        """The same figure stated elsewhere in the document with a different value."""
        seen, others = {primary.value}, []
        for fact in facts:
            if fact.scope != primary.scope or fact.item != primary.item or is_derived(fact) \
                    or "空白" in (fact.basis or ""):
                continue
            if fact.unit == primary.unit and fact.value not in seen and one_column(fact, primary) \
                    and fact.code == primary.code and same_funding(fact, primary):
                seen.add(fact.value)
                others.append(fact)
        return others[:3]

    def readings(self, org: str, doc: Document, primary: Fact, facts: list[Fact], query: Query,
                 shown: list[Fact], related: bool = True) -> list[Fact]:
        """The same name with another figure in another reading: a 功能分类 row and an 经济分类 row
        (住房公积金 2210201 and 30113), all funds and 财政拨款 (基本支出), a metric and a project named
        alike (科普活动), a 经济分类 name and its 功能分类 name with 支出 (养老保险缴费 / …缴费支出).
        Each reading's likeliest figure, when it differs from the figures already shown.
        related: also the readings of other names (False for a row named by its code)."""
        pool = list(facts)
        for name in related_names(primary.metric) if related else ():
            if name in self.metrics.known:  # a query only for a name the index holds
                pool += self.store.facts(org=org, metric=name, year=doc.year)
        for item, metric in self.named_like(primary.metric) if related else ():
            pool += [f for f in self.store.facts(org=org, metric=metric, year=doc.year) if same_item(f.item, item)]
        groups: dict[tuple, list[Fact]] = {}
        for fact in pool:
            if fact.metric == primary.metric and fact.basis == BASIS_PROCUREMENT_PROJECT:
                continue  # a project's budget is no reading of the purchases' total
            if is_derived(fact) or "空白" in (fact.basis or "") or fact.value is None \
                    or fact.scope != primary.scope or fact.is_money != primary.is_money:
                continue
            kind = table_kind(fact.table or "") if fact.table and fact.table != "正文" else "正文"
            # the 年初 and the 全年 (调整) budget of one row are two readings (年初预算为0万元，全年预算为321.02万元)
            budget = next((w for w in OTHER_BUDGETS if w in (fact.basis or "").partition("（")[2]), "") \
                if side_of(primary) == BASIS_BUDGET else ""
            groups.setdefault((fact.metric, fact.code, fact.item, kind, budget), []).append(fact)
        seen = {wan(f) if f.is_money else f.value for f in shown}
        readings = []
        for group in groups.values():
            fact = choose(group, doc.doc_kind, replace(query, item=group[0].item))
            value = None if fact is None else wan(fact) if fact.is_money else fact.value
            if fact is not None and value not in seen:
                seen.add(value)
                readings.append(fact)
        return readings[:3]

    def named_like(self, metric: str) -> list[tuple[str, str]]:
        """(item, metric) of the listed things a metric's name names: a project named alike (科普活动), or
        a project or purchase whose name ends with it (科协物业管理费 is a 物业管理费)."""
        if metric in self._named_like:
            return self._named_like[metric]
        name = fold(metric)
        alike = [(item, m) for key, item, m in self.items.get(name[:1], ()) if key == name]
        ending = [(item, m) for entries in self.items.values() for key, item, m in entries
                  if key != name and key.endswith(name) and m in MONEY_ITEM_METRICS]
        self._named_like[metric] = alike + ending
        return alike + ending

    def listed(self, org: str, doc: Document, metric: str, total: Fact | None) -> list[Fact]:
        """The things a table lists under a total (projects, purchases), in the total's scope."""
        scope = total.scope if total else DEPARTMENT
        listed, seen = [], set()
        for fact in self.store.facts(org=org, metric=metric, year=doc.year):
            key = (fact.item, fact.value, fact.table)
            same_figure = not total or (fact.unit == total.unit and side_of(fact) == side_of(total))
            if fact.item and fact.scope == scope and same_figure and key not in seen and not is_derived(fact) \
                    and fact.basis != BASIS_PROCUREMENT_PROJECT:  # a project's own budget is no line of the total
                seen.add(key)
                listed.append(fact)
        return listed

    def children(self, org: str, doc: Document, total: Fact | None, query: Query) -> list[Fact]:
        if not total or not total.code:
            return []
        children: dict[str, list[Fact]] = {}
        for fact in self.store.coded_facts(org, doc.year, total.code):
            children.setdefault(fact.code, []).append(fact)
        return [choose(facts, doc.doc_kind, query) for _, facts in sorted(children.items())]
