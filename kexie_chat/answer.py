"""Intent + store -> Answer: one small handler per intent, one rule for which figure is meant.

Never a guess: a figure is answered only when a fact of the asked org, year and metric is in
the index; otherwise the answer is not_found with what does exist.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .intent import FILLER_RE, ItemVocabulary, Query, parse_question
from .lexicon import (
    BASIS_ACTUAL,
    BASIS_BUDGET,
    BASIS_CHANGE,
    BASIS_CHANGE_RATE,
    BASIS_EXECUTION,
    BASIS_FULL_YEAR,
    BASIS_PREVIOUS,
    BASIS_SHARE,
    BASIS_VALUE,
    MAIN_COLUMNS as LEXICON_MAIN_COLUMNS,
    METRIC_PARTS,
    METRIC_UNITS,
    TABLE_PRIORITY,
)
from .match import Found, MetricMatcher, OrgMatcher
from .models import DEPARTMENT, UNIT, Answer, Document, Fact, Passage, Source
from .sentences import figure_in, units_asked
from .vocabulary import table_kind
from .render import basis_note, cite, figure, label, table, wan
from .store import Store
from .text import clean, fold, format_amount, to_wan

MONEY_ITEM_METRICS = ("项目支出", "政府采购")
OTHER_SIDE = {"预算": BASIS_ACTUAL, "决算": BASIS_BUDGET}  # the basis a question insisting on a side must not get
BASIS_COMPUTED = "计算得出"
BASIS_SENTENCE = "文字表述"
ASKING_RE = re.compile(r"几|多少|是否|有没有|哪些|什么|怎么|^有$")
VERDICT_WORDS = {"true": "属实", "false": "不属实", "partly": "部分属实"}
SPENT_CLAIM = r"支出了|花了|花费|实际支出|实际花"
ASCENDING_WORDS = r"最低|最少|最小|从低到高|从小到大|谁少|谁低|谁小|哪个少|哪个低|哪个小|谁更少|谁更低"
WHICH_WORDS = r"谁|哪个|哪家"  # a comparison that asks which is more is told largest first
KIND_NAMES = {"money": "金额", "count": "数量", "percent": "百分比"}
ROWS_SHOWN = 30  # rows of a comparison the text shows; Answer.facts keeps every org
DERIVED = (BASIS_CHANGE, BASIS_CHANGE_RATE, BASIS_SHARE, BASIS_EXECUTION, BASIS_PREVIOUS)
MAIN_COLUMNS = ("合计", "小计", "金额", "预算数", "决算数", "本年", "收入预算金额", "支出预算金额", "数量",
                "价值", "预算金额", "得分")
SEARCH_STOPWORDS = {"的", "是", "有", "在", "了", "吗", "呢", "多少", "哪些", "什么", "怎么", "情况", "请问",
                    "一下", "查询", "查", "科协", "科学技术协会", "年", "年度"}


@dataclass
class Subject:
    """What a question is about: an org, a metric and the document of the year meant."""

    org: str
    metric: str
    doc: Document
    note: str = ""  # said when the remembered year does not exist for this org


@dataclass
class Context:
    """What a conversation remembers between questions."""

    org: str | None = None
    year: int | None = None
    metric: str | None = None
    facts: list[Fact] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)  # the orgs of the last comparison or ranking
    side: str | None = None  # 预算 | 决算 once asked for, kept while the org stays (预算数呢, 公务用车呢)
    side_org: str | None = None
    intent: str | None = None  # the last operation, kept by a follow-up naming only a metric
    asked: list[str] = field(default_factory=list)  # the orgs answered about, one at a time, latest last


# A follow-up that names only a metric keeps these operations (比上年增加了多少 → 项目支出呢).
KEPT_OPERATIONS = ("change", "share", "rate", "compare", "rank", "budget_vs_actual")
# Words that say a follow-up is about the org just answered (它的基本支出呢 after a ranking).
THAT_ORG_RE = re.compile(r"它|该单位|这个单位|这家|那家|该科协|他们|人家")
# What a follow-up about the last figure says besides its side or kind (预算数呢, 值多少钱, 年初预算是多少):
# anything else left (其中科普大篷车几辆) names another thing.
OTHER_WORDS_RE = re.compile(r"预算数?|决算数?|年初|调整|实际|执行数|数|呢|吗|是|多少|几|钱|值|价值|金额|那么?|的|"
                            r"有|了|呀|啊|[?？,，。!！\s]|[辆台部人名位天场次个元万%]")
# Words that add orgs to the last comparison (加上包头呢).
ADD_ORG_RE = re.compile(r"加上|还有|再加|加入|算上|连同|以及")


def follow_up(query: Query, context: Context) -> Query:
    """A question read with what the conversation remembers: the side and operation a follow-up
    leaves unsaid, orgs added to a comparison, 它 for the org just answered."""
    named_metric = bool(query.metrics or query.codes or query.item)
    if query.orgs and ADD_ORG_RE.search(query.folded) and context.orgs and context.intent in ("compare", "rank"):
        return replace(query, intent="compare", extra_orgs=[o for o in context.orgs
                                                            if o not in {f.value for f in query.orgs}])
    if not query.orgs and THAT_ORG_RE.search(query.folded) and context.org:
        return replace(query, intent="lookup" if query.intent in ("rank", "compare", "search") else query.intent)
    if query.intent in ("search", "org_only", "lookup") and not query.orgs and context.metric and \
            (not named_metric) and (query.side or query.kind) and len(OTHER_WORDS_RE.sub("", query.folded)) < 2:
        return replace(query, intent="lookup", side=query.side or context.side)
    if named_metric and not query.orgs and query.intent == "lookup":
        intent = context.intent if context.intent in KEPT_OPERATIONS else "lookup"
        side = query.side or (context.side if context.side_org == context.org else None)
        return replace(query, intent=intent, side=side)
    return query



def _meant_items(facts: list[Fact], query: Query | None) -> list[Fact]:
    """Facts of a listed thing (a project, a purchase) only when that thing is what is meant.

    It is meant when the question names it, or when the facts are all about one thing
    (the caller already narrowed them); a total is never answered with one of its lines.
    """
    asked = query.item if query else None
    if asked:
        return [f for f in facts if _same_item(f.item, asked)]
    plain = [f for f in facts if not f.item]
    if plain or len({f.item for f in facts}) > 1:
        return plain
    return facts


def _unequal_sum_note(total: Fact | None, parts: list[Fact]) -> str:
    """Say so when the lines listed do not add up to the total (they may be only some of it)."""
    if not total or not parts or any(p.unit != total.unit or p.value is None for p in parts):
        return ""
    listed = sum(p.value for p in parts)
    if listed == total.value:
        return ""
    return (f"\n（以上逐项列出的合计 {listed}{total.unit}，与总数 {figure(total)} 相差 "
            f"{total.value - listed}{total.unit}：文件没有列出全部构成，或前后数字不一致。）")


# A project is often named with its year ("2020年基层科普行动计划"), which people leave out.
ITEM_YEAR_RE = re.compile(r"^(?:19|20)\d{2}年度?(?=.{4})")


def _item_key(item: str) -> str:
    return ITEM_YEAR_RE.sub("", fold(item))


def _same_item(item: str | None, asked: str) -> bool:
    """Whether a fact is of the listed thing asked, its year left out on either side."""
    return item is not None and (item == asked or _item_key(item) == _item_key(asked))


def _item_vocabulary(items: list[tuple[str, str]]) -> ItemVocabulary:
    """First character -> (folded name, item, metric), longest first; a project's money before its score."""
    chosen: dict[str, tuple[str, str]] = {}
    for key_of in (fold, _item_key):  # a name as written first; without its year where no item is so named
        for item, metric in sorted(items, key=lambda pair: len(pair[0]), reverse=True):
            key = key_of(item)
            if len(key) >= 2 and (key not in chosen or key_of is fold and chosen[key][1] not in MONEY_ITEM_METRICS):
                chosen[key] = (item, metric)
    vocabulary: ItemVocabulary = {}
    for key, (item, metric) in chosen.items():
        vocabulary.setdefault(key[0], []).append((key, item, metric))
    return vocabulary


def _code_asked(metric: str, query: Query) -> str | None:
    """The code the question names for this metric (2060702), if it names one."""
    return query.codes[0].how if query.codes and query.codes[0].value == metric else None


def _side(fact: Fact) -> str:
    """预算数 or 决算数: which of the pair a figure is, whatever its column was called."""
    basis = fact.basis or ""
    if basis.startswith((BASIS_BUDGET, BASIS_ACTUAL)):
        return basis[:3]
    if basis.startswith((BASIS_VALUE, "数量")):
        return basis[:2]
    return BASIS_ACTUAL if fact.doc_kind == "决算" else BASIS_BUDGET


def _short(org: str) -> str:
    return org.removesuffix("科学技术协会")


def _computed(first: Fact, second: Fact, operation: str, how: str) -> Fact | None:
    """A figure computed from two of the document's own (A ÷ B as a percent, A − B, A ÷ B as times),
    labelled 计算得出 with how; its source is the first input's line (the text names both)."""
    a, b = wan(first) if first.is_money else first.value, wan(second) if second.is_money else second.value
    if a is None or b is None:
        return None
    if operation in ("share", "rate"):
        if not b:
            return None
        value, unit = (a / b * 100).quantize(Decimal("0.01")), "%"
    elif operation == "times":
        if not b:
            return None
        value, unit = (a / b).quantize(Decimal("0.01")), "倍"
    else:  # difference
        value, unit = (a - b).normalize(), "万元" if first.is_money else first.unit
    return Fact.model_construct(org=first.org, year=first.year, doc_kind=first.doc_kind, metric=first.metric,
                                code=first.code, value=value, unit=unit, basis=f"{BASIS_COMPUTED}：{how}",
                                source=first.source, scope=first.scope, table=first.table, item=first.item, text=None)


def _agree(stated: Decimal, computed: Decimal) -> bool:
    """Whether a computed percent rounds to the stated one (stated to its own decimals)."""
    places = max(0, -stated.normalize().as_tuple().exponent)
    step = Decimal(1).scaleb(-places)
    return abs(computed.quantize(step) - stated) <= step


def _unique(facts: list[Fact]) -> list[Fact]:
    """Facts in order, each once (the same figure of the same line shown by two parts)."""
    seen, unique = set(), []
    for fact in facts:
        key = (fact.metric, fact.basis, fact.value, fact.source.doc, fact.source.line, fact.item)
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique


def _one_column(fact: Fact, other: Fact) -> bool:
    """Whether two figures are in one column: the same label, or each the row's own figure on one side
    (合计 of one table, 本年收入合计 of another; never a 预算数 and a 决算数)."""
    return fact.basis == other.basis or _side(fact) == _side(other) and \
        all((f.basis or "").split("（")[0] in LEXICON_MAIN_COLUMNS for f in (fact, other))


def _related_names(metric: str) -> list[str]:
    """The 功能分类 name of an 经济分类 item and the reverse: 机关事业单位基本养老保险缴费(支出)."""
    return [metric.removesuffix("支出")] if metric.endswith("支出") and len(metric) > 6 else [metric + "支出"]


def _reading_label(fact: Fact) -> str:
    """How a reading is told apart: its code's classification, its project, its table."""
    if fact.item:
        return f"项目“{fact.item}”"
    if fact.code:
        kind = "经济分类" if fact.code.startswith("3") else "功能分类"
        return f"{fact.metric}（{kind}{fact.code}）"
    table = (fact.table or "").split("\t")[0].strip()
    return f"{fact.metric}（{table[:24] or fact.basis or '正文'}）"


def _claim_kind(unit: str) -> str | None:
    """The kind of figure a claimed number is, by its unit (none said: any)."""
    if unit in ("元", "万元", "亿元"):
        return "money"
    if unit == "%":
        return "percent"
    return "count" if unit else None


def _rounds_to(stated: Decimal, claimed: Decimal) -> bool:
    """Whether a claimed round number is the stated one rounded (602.82 told as 600): a claim's
    trailing zeros say how precise it means to be."""
    if claimed == 0 or claimed != claimed.to_integral_value():
        return False
    digits = str(int(abs(claimed)))
    place = len(digits) - len(digits.rstrip("0"))
    if place == 0:
        return False
    step = Decimal(10) ** place
    return (stated / step).quantize(Decimal(1)) * step == claimed


def _of_kind(fact: Fact, kind: str | None) -> bool:
    """Whether a figure is of the kind asked: money, a count, a percent (any, when none is asked)."""
    if kind == "money":
        return fact.is_money
    if kind == "percent":
        return fact.unit == "%"
    if kind == "count":
        return not fact.is_money and fact.unit != "%" and fact.value is not None
    return True


def _readings(query: Query) -> str:
    """Say how a mistyped name was read ("秦皇鸟" as 秦皇岛…), so a wrong reading is seen at once."""
    typos = [f for f in (*query.orgs, *query.metrics) if f.how == "typo"]
    said = "，".join(f"“{query.folded[f.start:f.end]}”按“{f.value}”理解" for f in typos)
    return f"（{said}）" if said else ""


def _mark(text: str, phrase: str, words: list[str]) -> str:
    """Bracket what was searched for: the whole phrase where it occurs, else each word."""
    if len(phrase) >= 2 and phrase in text:
        return text.replace(phrase, f"【{phrase}】")
    for word in sorted({w for w in words if len(w) >= 2}, key=len, reverse=True):
        text = re.sub(f"(?<!【){re.escape(word)}(?!】)", f"【{word}】", text)
    return text


class Engine:
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
        self.items = _item_vocabulary(store.items())

    # --- entry ---------------------------------------------------------------------

    def answer(self, question: str, context: Context | None = None) -> Answer:
        text = clean(question)
        if not text:
            return self._reply(question, "error", "error", "请输入一个问题，例如：秦皇岛2022年三公经费是多少？",
                               suggestions=self._examples())
        query = parse_question(text, self.orgs, self.metrics, self.items)
        if context is not None:
            query = follow_up(query, context)
        answer = self._route(question, query, context or Context())
        if context is not None:
            self._remember(context, answer, query)
        return answer

    def _route(self, question: str, query: Query, context: Context) -> Answer:
        """The one place that decides which handler answers (HANDLERS, by the query's operation)."""
        if not re.search(r"[\u4e00-\u9fff]", query.folded) and not query.codes:
            return self._reply(question, "not_found", "search", "没有读懂这个问题。请用中文提问，例如：包头2020年基本支出。",
                               suggestions=self._examples())
        if query.unknown_place:
            return self._unknown_org(question, query)
        shared = next((found for found in query.orgs if found.among), None)
        if shared:
            return self._which_org(question, query, shared)
        answer = HANDLERS[query.intent](self, question, query, context)
        if answer.status == "answered":
            answer.text = _readings(query) + answer.text
        return answer

    def _remember(self, context: Context, answer: Answer, query: Query) -> None:
        """What a follow-up may leave unsaid: org, year, metric, side and operation; a turn that found
        nothing still remembers the metric it asked about (石家庄…三公经费, then 张家口呢)."""
        if answer.status != "answered" or not answer.facts:
            if query.metric and answer.status == "not_found":
                context.metric = query.metric
                context.year = query.years[0] if query.years else context.year
            return
        first = answer.facts[0]
        if answer.intent in ("rank", "compare"):
            context.orgs = list(dict.fromkeys(f.org for f in answer.facts))
            context.org = first.org if answer.intent == "rank" else context.org or first.org
            context.year = first.year if answer.intent == "rank" else context.year
        else:
            context.org, context.year = first.org, first.year
            context.asked = [org for org in context.asked if org != first.org] + [first.org]
        if first.org != context.side_org:
            context.side = None
        if query.side:
            context.side, context.side_org = query.side, first.org
        context.metric = first.metric if first.metric != "联系电话" else context.metric
        context.intent = answer.intent
        context.facts = answer.facts

    # --- resolution ----------------------------------------------------------------

    def _org_of(self, query: Query, context: Context) -> str | None:
        return query.orgs[0].value if query.orgs else context.org

    def _metric_of(self, query: Query, context: Context) -> str | None:
        found = query.codes or query.metrics
        if found:
            return found[-1].value if not query.codes else found[0].value
        return context.metric

    def _docs(self, org: str) -> list[Document]:
        return self.by_org.get(org, [])

    def _doc_for(self, org: str, query: Query, context: Context) -> tuple[Document | None, str]:
        """The document a question means, and a note when the year had to be changed. Of a 部门预算
        and a 单位预算 of one year, the one the question names, else the 部门预算."""
        wanted = query.scope or DEPARTMENT
        docs = sorted(self._docs(org), key=lambda d: d.scope != wanted)
        if not docs:
            return None, ""
        if query.year_end and not query.years:  # a 预算 tells the stock at the end of the year before it
            told = [d for d in docs if (d.doc_kind, d.year) in (("预算", query.year_end + 1), ("决算", query.year_end))]
            if told:
                return told[0], ""
            return None, ""
        years = {d.year for d in docs}
        asked = [y for y in query.years if y in years]
        if query.years and not asked:
            return None, ""
        if asked:
            return next(d for d in docs if d.year == asked[0]), ""
        if context.year in years:
            return next(d for d in docs if d.year == context.year), ""
        latest = max(docs, key=lambda d: d.year)
        note = f"（{org}没有{context.year}年的数据，以下为{latest.year}年）" if context.year else ""
        return latest, note

    def _subject(self, question: str, query: Query, context: Context) -> Subject | Answer:
        """The org, metric and document asked about, or the answer that says which is missing."""
        org, metric = self._org_of(query, context), self._metric_of(query, context)
        if not org or not metric:
            return self._lookup(question, query, context)
        doc, note = self._doc_for(org, query, context)
        if doc is None:
            return self._no_year(question, query, org)
        return Subject(org, metric, doc, note)

    def choose(self, facts: list[Fact], doc_kind: str, query: Query | None = None,
               allow: tuple[str, ...] = ()) -> Fact | None:
        """The one figure a question about these facts means."""
        if query is not None and query.previous and BASIS_PREVIOUS not in allow:  # never this year's for last year's
            facts, allow = [f for f in facts if f.basis == BASIS_PREVIOUS], (*allow, BASIS_PREVIOUS)
        wanted = (query.scope if query else None) or DEPARTMENT
        department = [f for f in facts if f.scope == wanted] or [f for f in facts if f.scope == DEPARTMENT] or facts
        usable = [f for f in _meant_items(department, query) if (f.basis or "").split("（")[0] not in DERIVED or
                  (f.basis or "").split("（")[0] in allow]
        if query is not None and query.side:
            usable = [f for f in usable if _side(f) != OTHER_SIDE[query.side]]
        if not usable:
            return None
        wants_budget = bool(query and query.wants_budget and not query.wants_actual)
        wants_actual = bool(query and query.wants_actual) or (doc_kind == "决算" and not wants_budget)

        def rank(fact: Fact):
            basis = fact.basis or ""
            if wants_actual:
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
            return ("空白" in basis, unit, side, full_year, column, table_rank, fact.source.line)

        return min(usable, key=rank)

    def _facts(self, org: str, doc: Document, metric: str, query: Query) -> list[Fact]:
        code = _code_asked(metric, query)
        facts = self.store.facts(org=org, code=code, year=doc.year) if code else \
            self.store.facts(org=org, metric=metric, year=doc.year)
        return self._meant_facts(facts, metric, query)

    def _facts_across(self, docs: dict[str, Document], metric: str, query: Query) -> dict[str, list[Fact]]:
        """`_facts` of many orgs at once, each in the document given: one query, not one an org."""
        code = _code_asked(metric, query)
        years = {org: doc.year for org, doc in docs.items()}
        by_org: dict[str, list[Fact]] = {}
        for fact in self.store.facts_of_years(years, code=code) if code else \
                self.store.facts_of_years(years, metric=metric):
            by_org.setdefault(fact.org, []).append(fact)
        return {org: self._meant_facts(facts, metric, query) for org, facts in by_org.items()}

    def _meant_facts(self, facts: list[Fact], metric: str, query: Query) -> list[Fact]:
        if query.column:  # 206的事业收入: that column of the row, a blank cell too
            return [f for f in facts if (f.basis or "").split("（")[0] in query.column]
        if query.item:
            return [f for f in facts if _same_item(f.item, query.item)]
        items = [m.value for m in query.metrics if m.value != metric]
        if metric == "绩效自评得分" and items:
            facts = [f for f in facts if f.item and any(i in f.item for i in items)] or facts
        return facts

    # --- handlers ------------------------------------------------------------------

    def _lookup(self, question: str, query: Query, context: Context) -> Answer:
        org, metric = self._org_of(query, context), self._metric_of(query, context)
        if not metric:
            asks_more = len(OTHER_WORDS_RE.sub("", FILLER_RE.sub("", query.words_left()))) >= 2
            return self._catalog(question, query, context) if org and not asks_more else \
                self._search(question, query, context)
        if not org:
            return self._across(question, query, context, metric, intent="compare")
        subject = self._subject(question, query, context)
        if isinstance(subject, Answer):
            return subject
        facts = self._facts(org, subject.doc, metric, query)
        kinded = [f for f in facts if _of_kind(f, query.kind)]
        if facts and not kinded:
            told = self._search(question, query, context) if query.kind in ("count", "percent") else None
            if told is not None and told.facts:  # 公务接待了多少批次: the count a sentence gives
                return told
            return self._no_kind(question, query, subject.doc, metric, facts)
        primary = self.choose(kinded, subject.doc.doc_kind, query)
        if primary is None and any(f.item for f in kinded):
            return self._breakdown(question, query, context)
        if primary is None and kinded and query.side:
            return self._no_side(question, query, subject.doc, metric, kinded)
        if primary is None:
            return self._no_metric(question, query, org, subject.doc, query.item or metric)
        supporting = [] if primary.item or query.column else self._parts(org, subject.doc, primary.metric, query, primary)
        others = self._others(facts, primary)
        readings = [] if query.codes or query.item or query.column else \
            self._readings_of(org, subject.doc, primary, kinded, query, [primary, *others])
        text = subject.note + self._sentence(primary) + self._parts_sentence(supporting) + \
            self._others_sentence(others) + self._readings_sentence(readings) + self._other_scope_note(primary)
        return self._reply(question, "answered", "lookup", text + self._source(primary),
                           facts=_unique([primary, *readings, *supporting, *others]))

    def _readings_of(self, org: str, doc: Document, primary: Fact, facts: list[Fact], query: Query,
                     shown: list[Fact]) -> list[Fact]:
        """The same name with another figure in another reading: a 功能分类 row and an 经济分类 row
        (住房公积金 2210201 and 30113), all funds and 财政拨款 (基本支出), a metric and a project named
        alike (科普活动), a 经济分类 name and its 功能分类 name with 支出 (养老保险缴费 / …缴费支出).
        Each reading's likeliest figure, when it differs from the figures already shown."""
        pool = list(facts)
        for related in _related_names(primary.metric):
            if related in self.metrics.known:  # a query only for a name the index holds
                pool += self.store.facts(org=org, metric=related, year=doc.year)
        named = self.items.get(fold(primary.metric)[:1], ())
        for key, item, metric in named:
            if key == fold(primary.metric):
                pool += [f for f in self.store.facts(org=org, metric=metric, year=doc.year) if _same_item(f.item, item)]
        groups: dict[tuple, list[Fact]] = {}
        for fact in pool:
            basis = (fact.basis or "").split("（")[0]
            if basis in DERIVED or "空白" in (fact.basis or "") or fact.value is None \
                    or fact.scope != primary.scope or fact.is_money != primary.is_money:
                continue
            kind = table_kind(fact.table or "") if fact.table and fact.table != "正文" else "正文"
            groups.setdefault((fact.metric, fact.code, fact.item, kind), []).append(fact)
        seen = {wan(f) if f.is_money else f.value for f in shown}
        readings = []
        for group in groups.values():
            fact = self.choose(group, doc.doc_kind, replace(query, item=group[0].item))
            value = None if fact is None else wan(fact) if fact.is_money else fact.value
            if fact is not None and value not in seen:
                seen.add(value)
                readings.append(fact)
        return readings[:3]

    def _readings_sentence(self, readings: list[Fact]) -> str:
        if not readings:
            return ""
        return "同一名称的其他口径：" + "；".join(
            f"{_reading_label(r)} {figure(r)}（第{r.source.line}行）" for r in readings) + "。"

    def _other_scope_note(self, fact: Fact) -> str:
        """Say that the same body also published the other scope's disclosure of the year."""
        scope = UNIT if fact.scope == UNIT else DEPARTMENT
        other = next((d for d in self._docs(fact.org) if d.year == fact.year and d.doc_kind == fact.doc_kind
                      and d.scope != scope), None)
        if other is None:
            return ""
        return f"\n（另有{other.title}：问题里说“{other.scope}{other.doc_kind}”即按那份回答。）"

    def _sentence(self, fact: Fact) -> str:
        code = f"（{fact.code}）" if fact.code else ""
        item = f"“{fact.item}”" if fact.item else ""
        return f"{label(fact)}：{item}{fact.metric}{code} {figure(fact)}{basis_note(fact)}。"

    def _source(self, fact: Fact) -> str:
        return f"\n来源：{cite(fact)}"

    def _parts(self, org: str, doc: Document, metric: str, query: Query, total: Fact | None = None) -> list[Fact]:
        """The named parts of a total, told the way the total is (money parts of a sum of money)."""
        parts = []
        for part in METRIC_PARTS.get(metric, ()):
            facts = self.store.facts(org=org, metric=part, year=doc.year)
            if total is not None and total.is_money:
                facts = [f for f in facts if f.is_money]
            fact = self.choose(facts, doc.doc_kind, query)
            if fact and (total is not None and total.is_money or fact.unit == (METRIC_UNITS.get(part) or fact.unit)):
                parts.append(fact)
        return parts

    def _parts_sentence(self, parts: list[Fact]) -> str:
        if not parts:
            return ""
        return "其中：" + "，".join(f"{p.metric} {figure(p)}" for p in parts) + "。"

    def _others(self, facts: list[Fact], primary: Fact) -> list[Fact]:
        """The same figure stated elsewhere in the document with a different value."""
        seen, others = {primary.value}, []
        for fact in facts:
            basis = (fact.basis or "").split("（")[0]
            if fact.scope != primary.scope or fact.item != primary.item or basis in DERIVED \
                    or "空白" in (fact.basis or ""):
                continue
            if fact.unit == primary.unit and fact.value not in seen and _one_column(fact, primary) \
                    and fact.code == primary.code:
                seen.add(fact.value)
                others.append(fact)
        return others[:3]

    def _others_sentence(self, others: list[Fact]) -> str:
        if not others:
            return ""
        return "注意：文件另一处写作" + "；".join(f"{figure(o)}（第{o.source.line}行）" for o in others) + "。"

    def _across(self, question: str, query: Query, context: Context, metric: str, intent: str,
                orgs: list[str] | None = None) -> Answer:
        orgs = orgs or sorted(self.by_org)
        docs = {org: doc for org in orgs for doc in [self._doc_for(org, query, Context())[0]] if doc is not None}
        found = self._facts_across(docs, metric, query)
        facts = []
        for org in orgs:
            if org not in docs:
                continue
            fact = self.choose([f for f in found.get(org, []) if _of_kind(f, query.kind)], docs[org].doc_kind, query)
            if fact is not None and fact.value is not None:
                facts.append(fact)
        if not facts:
            return self._reply(question, "not_found", intent, f"各单位的文件中都没有找到“{metric}”。",
                               suggestions=self._examples())
        ascending = bool(re.search(ASCENDING_WORDS, query.folded))
        if intent == "rank" or re.search(WHICH_WORDS, query.folded):
            facts.sort(key=lambda f: (wan(f) if wan(f) is not None else f.value), reverse=not ascending)
        rows = [["单位", "年度", "类别", metric, "来源"]]
        rows += [[f.org.removesuffix("科学技术协会"), f"{f.year}年", _side(f),
                  self._wan_figure(f), f"{f.source.doc}:{f.source.line}"] for f in facts[:ROWS_SHOWN]]
        hidden = len(facts) - ROWS_SHOWN
        more = f"\n（共 {len(facts)} 个单位，以上是前 {ROWS_SHOWN} 个；其余 {hidden} 个见 --json 或应用的数据表。）" \
            if hidden > 0 else ""
        head = "从高到低" if intent == "rank" else "对比"
        answered = {f.org for f in facts}
        missing = [o for o in orgs if o not in answered]
        tail = f"\n（{('、'.join(missing))}的文件没有这个数。）" if missing and len(orgs) < len(self.documents) + 1 else ""
        lead = f"“{metric}”{head}（各单位年度与预算/决算不同，请注意）：\n"
        computed = []
        if intent == "rank":
            top = facts[0]
            lead = f"“{metric}”{'最低' if ascending else '最高'}的是{top.org}（{top.year}年部门{top.doc_kind}，{figure(top)}）。\n" + lead
        elif len(facts) >= 2:
            said, computed = self._pair_sentence(metric, facts[0], facts[1])
            lead = said + "\n" + lead
        return self._reply(question, "answered", intent, lead + table(rows) + more + tail, facts=facts + computed)

    def _pair_sentence(self, metric: str, first: Fact, second: Fact) -> tuple[str, list[Fact]]:
        """The headline of a comparison: both figures, how much more and how many times (计算得出)."""
        a, b = (wan(first), wan(second)) if first.is_money and second.is_money else (first.value, second.value)
        if a is None or b is None or first.is_money != second.is_money:
            return "", []
        unit = "万元" if first.is_money else first.unit
        name_a, name_b = _short(first.org), _short(second.org)
        both = f"“{metric}”：{name_a} {self._wan_figure(first)}（{first.year}年{_side(first)}），" \
               f"{name_b} {self._wan_figure(second)}（{second.year}年{_side(second)}）。"
        if a == b:
            return both + "两者相同。", []
        difference = _computed(first, second, "difference", f"{name_a}−{name_b}")
        times = _computed(first, second, "times", f"{name_a}÷{name_b}")
        more = "多" if a > b else "少"
        said = f"{name_a}比{name_b}{more} {format_amount(abs(a - b))}{unit}"
        said += f"，是{name_b}的 {times.value} 倍" if times is not None else ""
        return both + said + "（计算得出）。", [f for f in (difference, times) if f is not None]

    def _wan_figure(self, fact: Fact) -> str:
        value = wan(fact)
        return f"{value}万元" if value is not None and fact.unit != "万元" else figure(fact)

    def _compare(self, question: str, query: Query, context: Context) -> Answer:
        metric = self._metric_of(query, context)
        orgs = [f.value for f in query.orgs]
        named = list(dict.fromkeys(f.value for f in sorted(query.codes or query.metrics, key=lambda f: f.start)))
        if len(set(orgs)) < 2 and len(named) >= 2:
            return self._compare_metrics(question, query, context, named[:2])
        orgs = list(dict.fromkeys([*query.extra_orgs, *orgs]))
        if not orgs and len(context.orgs) >= 2 and context.intent == "compare":
            orgs = list(context.orgs)  # 三公经费呢: the same orgs compared on another metric
        if context.org and len(orgs) < 2 and context.org not in orgs:
            orgs = [context.org, *orgs]
        if not query.orgs and len(orgs) < 2:  # 比较一下 after 秦皇岛…, 包头呢: the orgs the conversation was about
            orgs = list(dict.fromkeys([*orgs, *reversed(context.asked)]))[:2]
        if not metric:
            return self._reply(question, "clarify", "compare", "要比较哪一项？例如：比较张家口和秦皇岛的三公经费。",
                               suggestions=[f"比较张家口和秦皇岛的{m}" for m in ("三公经费", "基本支出", "人员经费")])
        return self._across(question, query, context, metric, "compare", orgs if len(orgs) >= 2 else None)

    def _compare_metrics(self, question: str, query: Query, context: Context, metrics: list[str]) -> Answer:
        """Two figures of one org (基本支出比项目支出多多少, A是B的几倍): both, their difference and ratio."""
        subject = self._subject(question, replace(query, side=None), context)
        if isinstance(subject, Answer):
            return subject
        org, doc, note = subject.org, subject.doc, subject.note
        chosen = [self.choose([f for f in self._facts(org, doc, m, query) if f.is_money], doc.doc_kind, query)
                  for m in metrics]
        missing = [m for m, fact in zip(metrics, chosen) if fact is None]
        if missing:
            return self._no_metric(question, query, org, doc, missing[0])
        first, second = chosen
        difference = _computed(first, second, "difference", f"{first.metric}−{second.metric}")
        times = _computed(first, second, "times", f"{first.metric}÷{second.metric}")
        more = "多" if difference.value >= 0 else "少"
        text = (f"{note}{label(first)}：{first.metric} {figure(first)}（第{first.source.line}行），{second.metric} "
                f"{figure(second)}（第{second.source.line}行）。{first.metric}比{second.metric}{more} "
                f"{format_amount(abs(difference.value))}万元" + (f"，是它的 {times.value} 倍" if times else "")
                + "（计算得出）。" + self._source(first))
        return self._reply(question, "answered", "compare", text,
                           facts=[first, second, *(f for f in (difference, times) if f is not None)])

    def _rank(self, question: str, query: Query, context: Context) -> Answer:
        metric = self._metric_of(query, context)
        if not metric:
            return self._reply(question, "clarify", "rank", "要按哪一项排序？例如：三公经费最高的是哪个单位。",
                               suggestions=["三公经费最高的是哪个单位", "人员经费从高到低"])
        return self._across(question, query, context, metric, "rank")

    def _share(self, question: str, query: Query, context: Context) -> Answer:
        """The share of the named pair (A 占 B), else of the total the metric is a part of.

        A share the document states comes first; when the pair's own figures give another value,
        both are shown and the answer says so (a stated share may be of another total)."""
        subject = self._subject(question, replace(query, side=None), context)
        if isinstance(subject, Answer):
            return subject
        org, doc, note = subject.org, subject.doc, subject.note
        named = [f.value for f in (query.codes or query.metrics)]
        metric = named[0] if len(named) >= 2 else subject.metric
        base_metric = named[-1] if len(named) >= 2 and named[-1] != metric else \
            next((p for p, parts in METRIC_PARTS.items() if metric in parts), None)
        facts = self._facts(org, doc, metric, query)
        stated = self.choose([f for f in facts if (f.basis or "").startswith(BASIS_SHARE)], doc.doc_kind, query,
                             allow=(BASIS_SHARE,))
        part = self.choose([f for f in facts if f.is_money], doc.doc_kind, query)
        base = self.choose([f for f in self.store.facts(org=org, metric=base_metric, year=doc.year) if f.is_money],
                           doc.doc_kind, query) if base_metric else None
        computed = _computed(part, base, "share", f"{metric}÷{base_metric}") if part and base else None
        if stated is None and computed is None:
            return self._no_metric(question, query, org, doc, f"{metric}占{base_metric or ''}比例")
        lines = []
        if stated is not None:
            lines.append(f"{label(stated)}：{metric}占比 {figure(stated)}（文件所述）。")
        if computed is not None:
            lines.append(f"{'按' if stated else label(part) + '：按'}{metric} {figure(part)}（第{part.source.line}行）"
                         f"÷ {base_metric} {figure(base)}（第{base.source.line}行）计算得出：{metric}占{base_metric}的 "
                         f"{figure(computed)}。")
        agree = stated is None or computed is None or _agree(stated.value, computed.value)
        if not agree:
            lines.append(f"两者不一致：文件所述的占比可能是占另一个总数的比例，请以第{stated.source.line}行的原文为准。")
            lead = [computed, stated] if len(named) >= 2 else [stated, computed]
        else:
            lead = [f for f in (stated, computed) if f is not None]
        facts = [*lead, *(f for f in (part, base) if f is not None and computed is not None)]
        text = note + "".join(lines) + self._source(lead[0] if lead[0] is stated else part)
        return self._reply(question, "answered", "share", text, facts=facts)

    def _rate(self, question: str, query: Query, context: Context) -> Answer:
        """执行率: the 决算 figure over the 年初预算 figure; the rate the document states comes first."""
        subject = self._subject(question, replace(query, side=None), context)
        if isinstance(subject, Answer):
            return subject
        org, metric, doc, note = subject.org, subject.metric, subject.doc, subject.note
        free = replace(query, side=None, wants_budget=False, wants_actual=False)
        facts = self._facts(org, doc, metric, query)
        stated = self.choose([f for f in facts if f.basis == BASIS_EXECUTION], doc.doc_kind, free,
                             allow=(BASIS_EXECUTION,))
        money = [f for f in facts if f.is_money]
        budget = self.choose([f for f in money if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind, free)
        actual = self.choose([f for f in money if _side(f) == BASIS_ACTUAL], doc.doc_kind, free)
        computed = _computed(actual, budget, "rate", "决算数÷预算数") if actual and budget else None
        if stated is None and computed is None:
            why = "这是预算文件，没有执行数" if doc.doc_kind == "预算" else "文件没有写它的执行率，也没有同时写预算数和决算数"
            return self._reply(question, "not_found", "rate",
                               f"{label(facts[0]) if facts else doc.org}：“{metric}”{why}。",
                               suggestions=[f"{org.removesuffix('科学技术协会')}{doc.year}年{metric}"])
        lines = []
        if stated is not None:
            lines.append(f"{label(stated)}：{metric}完成预算的 {figure(stated)}（文件所述）。")
        if computed is not None:
            lines.append(f"{'' if stated else label(actual) + '：'}决算数 {figure(actual)}（第{actual.source.line}行）"
                         f"÷ 预算数 {figure(budget)}（第{budget.source.line}行）计算得出执行率 {figure(computed)}。")
        if stated is not None and computed is not None and not _agree(stated.value, computed.value):
            lines.append("文件所述的执行率与按两数计算的不一致，两者都列出。")
        lead = [f for f in (stated, computed) if f is not None]
        text = note + "".join(lines) + self._source(stated or actual)
        return self._reply(question, "answered", "rate", text, facts=[*lead, *(f for f in (actual, budget) if f)])

    def _change(self, question: str, query: Query, context: Context) -> Answer:
        org, metric = self._org_of(query, context), self._metric_of(query, context)
        if not org or not metric:
            return self._lookup(question, query, context)
        docs = self._docs(org)
        doc = next((d for d in docs if d.year in query.years), None) or max(docs, key=lambda d: d.year)
        facts = self._facts(org, doc, metric, query)
        changes = [f for f in facts if (f.basis or "").startswith((BASIS_CHANGE, BASIS_CHANGE_RATE))]
        if changes:
            amount = next((f for f in changes if f.basis == BASIS_CHANGE), changes[0])
            rate = next((f for f in changes if f.basis == BASIS_CHANGE_RATE and f.source.line == amount.source.line),
                        None)
            words = "增加" if amount.value >= 0 else "减少"
            level = self.choose(facts, doc.doc_kind, replace(query, kind=None))
            text = f"{label(amount)}：{metric}较上年{words} {abs(amount.value)}{amount.unit}"
            text += f"（{abs(rate.value)}%）" if rate and rate is not amount else ""
            text += f"，本年为 {figure(level)}" if level else ""
            text += "（文件所述）。" + self._source(amount)
            lead = [rate, amount] if query.kind == "percent" and rate else [amount, rate]
            return self._reply(question, "answered", "change", text,
                               facts=_unique([f for f in (*lead, level) if f is not None]))
        return self._computed_change(question, query, org, doc, metric, facts)

    def _computed_change(self, question: str, query: Query, org: str, doc: Document, metric: str,
                         facts: list[Fact]) -> Answer:
        """No change stated, but this year's and last year's figures are: their difference, 计算得出."""
        free = replace(query, kind=None)
        level = self.choose(facts, doc.doc_kind, free)
        previous = self.choose([f for f in facts if f.basis == BASIS_PREVIOUS], doc.doc_kind, free,
                               allow=(BASIS_PREVIOUS,))
        if level is None or previous is None or not level.is_money or not previous.is_money:
            return self._no_metric(question, query, org, doc, f"{metric}的增减变化")
        difference = _computed(level, previous, "difference", "本年−上年")
        rate = _computed(difference, previous, "share", "增减÷上年") if previous.value else None
        words = "增加" if difference.value >= 0 else "减少"
        text = (f"{label(level)}：{metric}本年 {figure(level)}（第{level.source.line}行），上年 {figure(previous)}"
                f"（第{previous.source.line}行），计算得出较上年{words} {format_amount(abs(difference.value))}万元"
                + (f"（{format_amount(abs(rate.value))}%）" if rate else "") + "。" + self._source(level))
        lead = [rate, difference] if query.kind == "percent" and rate else [difference, rate]
        return self._reply(question, "answered", "change", text,
                           facts=[f for f in (*lead, level, previous) if f is not None])

    def _budget_vs_actual(self, question: str, query: Query, context: Context) -> Answer:
        subject = self._subject(question, query, context)
        if isinstance(subject, Answer):
            return subject
        org, metric, doc, note = subject.org, subject.metric, subject.doc, subject.note
        facts = self._facts(org, doc, metric, query)
        budget = self.choose([f for f in facts if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind)
        actual = self.choose([f for f in facts if (f.basis or "").startswith(BASIS_ACTUAL)], doc.doc_kind)
        execution = next((f for f in facts if f.basis == BASIS_EXECUTION), None)
        if not budget and not actual:
            return self._lookup(question, query, context)
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
        text = f"{note}{label(first)}：{named} " + "；".join(parts) + "。" + self._source(first)
        return self._reply(question, "answered", "budget_vs_actual", text,
                           facts=[f for f in (actual, budget, execution) if f])

    def _breakdown(self, question: str, query: Query, context: Context) -> Answer:
        subject = self._subject(question, query, context)
        if isinstance(subject, Answer):
            return subject
        org, metric, doc, note = subject.org, subject.metric, subject.doc, subject.note
        total = self.choose(self._facts(org, doc, metric, query), doc.doc_kind, query)
        parts = self._parts(org, doc, metric, query, total) or self._children(org, doc, total, query) \
            or self._listed(org, doc, metric, total)
        if not total and not parts:
            return self._no_metric(question, query, org, doc, metric)
        rows = [["项目", "数额", "来源"]] + [[p.item or p.metric, figure(p), f"第{p.source.line}行"] for p in parts]
        head = self._sentence(total) + "构成如下：" if total else f"{label(parts[0])}：{metric}逐项列出如下（文件没有写合计数）："
        text = note + head + ("\n" + table(rows) if parts else "文件没有列出它的构成。")
        text += _unequal_sum_note(total, parts) + self._source(total or parts[0])
        return self._reply(question, "answered", "breakdown", text, facts=[f for f in (total, *parts) if f])

    def _listed(self, org: str, doc: Document, metric: str, total: Fact | None) -> list[Fact]:
        """The things a table lists under a total (projects, purchases), in the total's scope."""
        scope = total.scope if total else DEPARTMENT
        listed, seen = [], set()
        for fact in self.store.facts(org=org, metric=metric, year=doc.year):
            key = (fact.item, fact.value, fact.table)
            same_figure = not total or (fact.unit == total.unit and _side(fact) == _side(total))
            if fact.item and fact.scope == scope and same_figure and key not in seen \
                    and (fact.basis or "").split("（")[0] not in DERIVED:
                seen.add(key)
                listed.append(fact)
        return listed

    def _children(self, org: str, doc: Document, total: Fact | None, query: Query) -> list[Fact]:
        if not total or not total.code:
            return []
        children: dict[str, list[Fact]] = {}
        for fact in self.store.coded_facts(org, doc.year, total.code):
            children.setdefault(fact.code, []).append(fact)
        return [self.choose(facts, doc.doc_kind, query) for _, facts in sorted(children.items())]

    def _verify(self, question: str, query: Query, context: Context) -> Answer:
        """A claim: each of its parts (an amount, a threshold, a direction, existence, overspending,
        one org against another) judged against the disclosed figure; true only when every part is."""
        parts = query.claim_parts
        if len(query.orgs) >= 2 and parts and parts[0].kind in ("more", "less"):
            return self._verify_pair(question, query, context, parts[0].kind)
        first = parts[0] if parts else None
        asked_kind = _claim_kind(first.unit) if first and first.kind in ("amount", "above", "below") else None
        # A count or percent a table does not hold may be told in a sentence (接待5批次, 有2辆科普大篷车).
        told = self._search(question, replace(query, kind=asked_kind), context, units=(first.unit,)) \
            if asked_kind in ("count", "percent") else None
        told = told if told and told.status == "answered" and told.facts else None
        if not self._metric_of(query, context) and not told:
            return self._reply(question, "clarify", "verify",
                               "要核实哪个数？请说出单位、年度、项目和数额，例如：核实：张家口市科协2020年三公经费是5.19万元。",
                               suggestions=["张家口市科协2020年三公经费是5.19万元吗", "核实：江汉区科协2020年基本支出217.74万元"])
        # The claim's side is judged below (a 预算数 told as spending is not true), not filtered out.
        looked = self._lookup(question, replace(query, side=None, kind=asked_kind), context) \
            if self._metric_of(query, context) else told
        if told and not any(_of_kind(f, asked_kind) for f in looked.facts):
            looked = told
        if looked.status != "answered" or not looked.facts or not parts:
            looked.intent = "verify"
            if looked.status == "answered" and not parts:
                looked.text = "问题里没有要核实的数额，文件所载如下。\n" + looked.text
            return looked
        subject = self._subject(question, query, context)
        judged = [self._judge(part, subject, query, looked.facts[0]) for part in parts]
        verdicts = [v for v, _, _ in judged if v is not None]
        if not verdicts:
            looked.intent = "verify"
            looked.text = "；".join(said for _, said, _ in judged) + "。\n" + looked.text
            return looked
        verdict = verdicts[0] if len(set(verdicts)) == 1 else "partly"
        facts = _unique([f for _, _, shown in judged for f in shown] + looked.facts)
        text = f"{VERDICT_WORDS[verdict]}。" + "；".join(said for _, said, _ in judged) + "。\n" + looked.text
        return self._reply(question, "answered", "verify", text, facts=facts, verdict=verdict)

    def _judge(self, part, subject: Subject | Answer, query: Query, lead: Fact) -> tuple[str | None, str, list[Fact]]:
        """(verdict or None when the documents cannot tell, the sentence that says why, the facts shown)."""
        if lead.basis == BASIS_SENTENCE and part.kind in ("amount", "above", "below"):
            return self._judge_amount(part, lead, query, lead.metric)
        if isinstance(subject, Answer):
            return None, subject.text, []
        named = [f.value for f in sorted(query.codes or query.metrics, key=lambda f: f.start)
                 if f.start == part.metric_at]
        metric = named[0] if named else lead.metric
        facts = self._facts(subject.org, subject.doc, metric, query) if metric != lead.metric or named else \
            self._facts(subject.org, subject.doc, lead.metric, query)
        free = replace(query, side=None)
        if part.kind in ("up", "down"):
            return self._judge_change(part, facts, subject.doc, free, metric)
        if part.kind == "overspent":
            return self._judge_overspent(facts, subject.doc, free, metric)
        kinded = [f for f in facts if _of_kind(f, _claim_kind(part.unit))] if part.kind != "exists" else \
            [f for f in facts if f.value is not None]
        fact = lead if lead.metric == metric and lead in kinded else self.choose(kinded, subject.doc.doc_kind, free)
        if fact is None:
            return None, f"文件没有写{metric}", []
        if part.kind == "exists":
            has = bool(fact.value)
            return ("true" if has else "false"), f"文件写的{metric}是 {figure(fact)}（第{fact.source.line}行）", [fact]
        return self._judge_amount(part, fact, query, metric)

    def _judge_amount(self, part, fact: Fact, query: Query, metric: str) -> tuple[str, str, list[Fact]]:
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
        if _rounds_to(stated, claimed):
            return "partly", f"{said}，说成 {part.value}{unit} 只是约数", [fact]
        return "false", f"{said}，不是 {part.value}{unit}", [fact]

    def _judge_change(self, part, facts: list[Fact], doc: Document, query: Query,
                      metric: str) -> tuple[str | None, str, list[Fact]]:
        """比上年增加/减少（了多少）: the direction first; an amount told with the wrong direction is not true."""
        amount = self.choose([f for f in facts if f.basis == BASIS_CHANGE], doc.doc_kind, query, allow=(BASIS_CHANGE,))
        rate = self.choose([f for f in facts if f.basis == BASIS_CHANGE_RATE], doc.doc_kind, query,
                           allow=(BASIS_CHANGE_RATE,))
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

    def _judge_overspent(self, facts: list[Fact], doc: Document, query: Query,
                         metric: str) -> tuple[str | None, str, list[Fact]]:
        money = [f for f in facts if f.is_money]
        budget = self.choose([f for f in money if (f.basis or "").startswith(BASIS_BUDGET)], doc.doc_kind, query)
        actual = self.choose([f for f in money if _side(f) == BASIS_ACTUAL], doc.doc_kind, query)
        if not budget or not actual:
            return None, f"文件没有同时写{metric}的预算数和决算数", []
        over = wan(actual) > wan(budget)
        said = (f"{metric}决算数 {figure(actual)}（第{actual.source.line}行）{'高于' if over else '没有超过'}"
                f"预算数 {figure(budget)}（第{budget.source.line}行）")
        return ("true" if over else "false"), said, [actual, budget]

    def _verify_pair(self, question: str, query: Query, context: Context, kind: str) -> Answer:
        """"A 比 B 多，对吗": both figures, and whether the first is the more (or the less)."""
        compared = self._compare(question, replace(query, intent="compare"), context)
        orgs = [f for f in compared.facts if not (f.basis or "").startswith(BASIS_COMPUTED)]
        if compared.status != "answered" or len(orgs) < 2:
            compared.intent = "verify"
            return compared
        a, b = (wan(orgs[0]), wan(orgs[1])) if orgs[0].is_money else (orgs[0].value, orgs[1].value)
        holds = a > b if kind == "more" else a < b
        verdict = "true" if holds else "false"
        text = f"{VERDICT_WORDS[verdict]}。\n" + compared.text
        return self._reply(question, "answered", "verify", text, facts=compared.facts, verdict=verdict)

    def _org_only(self, question: str, query: Query, context: Context) -> Answer:
        """"包头呢": the remembered question about another org; with nothing remembered, its catalog."""
        if context.metric:
            return self._lookup(question, query, context)
        return self._catalog(question, query, context)

    def _catalog(self, question: str, query: Query, context: Context) -> Answer:
        org = query.orgs[0].value if query.orgs else None
        docs = self._docs(org) if org else self.documents
        rows = [["单位", "年度", "类别", "单位（金额）", "文件"]]
        rows += [[d.org, f"{d.year}年", f"{d.scope}{d.doc_kind}", d.unit, d.doc] for d in docs]
        if org:
            years = "、".join(f"{d.year}年{d.scope}{d.doc_kind}" for d in docs)
            metrics = sorted(m for m in self.store.metrics(org=org) if m in METRIC_PARTS)
            text = f"{org}有：{years}。可以问：" + "、".join(metrics[:10]) + " 等。\n" + table(rows)
            suggestions = [f"{query.orgs[0].value.removesuffix('科学技术协会')}{docs[0].year}年{m}" for m in metrics[:5]]
        else:
            text = f"共有 {len(docs)} 份公开文件：\n" + table(rows)
            suggestions = self._examples()
        return self._reply(question, "answered", "catalog", text, suggestions=suggestions)

    def _definition(self, question: str, query: Query, context: Context) -> Answer:
        term = self._metric_of(query, Context())
        org = self._org_of(query, context)
        definitions = self.store.first_definitions(term, org, limit=4) if term else []  # the first and three more
        said = self._said_to_mean(question, term) if term and not definitions else None
        if said is not None:
            return said
        if not definitions:
            terms = self.store.definition_terms()
            return self._reply(question, "not_found", "definition",
                               f"各文件的名词解释里没有“{term or query.words_left()}”。有解释的名词：" + "、".join(terms[:15]) + "。",
                               suggestions=[f"什么是{t}" for t in terms[:5]])
        first = definitions[0]
        also = "；".join(f"{d.org}（{d.doc} 第{d.line}行）" for d in definitions[1:4])
        text = f"{first.text}\n来源：{first.org}，{first.doc} 第{first.line}行。" + (f"\n其他文件也有解释：{also}。" if also else "")
        return self._reply(question, "answered", "definition", text)

    def _said_to_mean(self, question: str, term: str) -> Answer | None:
        """A term explained in a sentence outside the 名词解释 (事业收入：指…), found by full-text search."""
        pattern = re.compile(re.escape(term) + r"\s*(?:[:：]\s*(?:是)?指|是指|指的是)")
        passages = [p for p in self.store.search([term], limit=40) if pattern.search(p.text)]
        if not passages:
            return None
        first = passages[0]
        start = pattern.search(first.text).start()
        text = f"{first.text[start:start + 200]}\n来源：{first.doc} 第{first.line}行。"
        return self._reply(question, "answered", "definition", text, passages=passages[:4])

    def _contact(self, question: str, query: Query, context: Context) -> Answer:
        org = self._org_of(query, context)
        if not org:
            return self._reply(question, "clarify", "contact", "要查哪个单位的联系电话？",
                               suggestions=[f"{d.org}联系电话" for d in self.documents])
        phones = [f for f in self.store.facts(org=org, metric="联系电话")]
        if not phones:
            return self._reply(question, "not_found", "contact", f"{org}的公开文件里没有联系电话。")
        listed = "、".join(dict.fromkeys(f.text for f in phones))
        text = f"{org}联系电话：{listed}。" + self._source(phones[0])
        return self._reply(question, "answered", "contact", text, facts=phones)

    def _search(self, question: str, query: Query, context: Context, units: tuple[str, ...] = ()) -> Answer:
        """Passages holding the question's words; a figure a sentence of them gives in the units asked
        (or in `units`: a claim's own) answers it."""
        words = [w for w in self.store.words_of(query.words_left()) if w not in SEARCH_STOPWORDS]
        if units_asked(query.folded, query.kind):  # 几辆, 多少钱 are how it is asked, not what is looked for
            words = [w for w in words if not ASKING_RE.search(w)] or words
        passages = self.store.search(words, limit=20)
        if query.orgs:
            docs = {d.doc for d in self._docs(query.orgs[0].value)}
            passages = [p for p in passages if p.doc in docs]
        passages = passages[:8]
        if not passages:
            return self._reply(question, "not_found", "search", "在公开文件中没有找到相关内容。",
                               suggestions=self._examples())
        told = self._told_in_sentence(question, query, words, passages, units)
        if told is not None:
            return told
        phrase = query.words_left()
        for passage in passages:
            passage.text = _mark(passage.text, phrase, words)
        lines = "\n".join(f"· {p.doc} 第{p.line}行：{p.text[:80]}" for p in passages[:5])
        return self._reply(question, "answered", "search", f"找到 {len(passages)} 处相关内容：\n{lines}",
                           passages=passages)

    def _told_in_sentence(self, question: str, query: Query, words: list[str], passages: list[Passage],
                          units: tuple[str, ...] = ()) -> Answer | None:
        """A count, percent or amount a sentence gives for the thing asked (其中有2辆科普大篷车), read
        with its line: only from a passage holding most of the question's words, in the clause that
        names the thing and close to it (sentences.figure_in)."""
        units = units or units_asked(query.folded, query.kind)
        keys = [w for w in words if len(w) >= 2 and not ASKING_RE.search(w)]
        if not units or not keys:
            return None
        by_doc = {d.doc: d for d in self.documents}
        for bounds, passage in [(b, p) for b in (False, True) for p in passages]:
            present = [k for k in keys if k in passage.text]
            if sum(map(len, present)) * 2 < sum(map(len, keys)) or passage.doc not in by_doc:
                continue
            found = figure_in(passage.text, present, units, bounds)
            if found is None:
                continue
            doc = by_doc[passage.doc]
            thing = "".join(k for k in present if not any(k != other and k in other for other in present))
            fact = Fact.model_construct(
                org=doc.org, year=doc.year, doc_kind=doc.doc_kind, metric=thing, code=None, value=found.value,
                unit=found.unit, basis=BASIS_SENTENCE, source=Source.model_construct(
                    doc=passage.doc, line=passage.line + passage.text.count("\n", 0, found.start),
                    quote=passage.text[max(0, found.start - 80):found.start + 40]),  # the number is in its quote
                scope=DEPARTMENT, table="正文", item=None, text=None)
            near = passage.text[max(0, found.start - 30):found.start + 20].replace("\n", " ")
            text = (f"{doc.org}{doc.year}年部门{doc.doc_kind}：{thing} {format_amount(found.value)}{found.unit}"
                    f"（文字表述：“…{near}…”）。\n来源：{passage.doc} 第{fact.source.line}行")
            return self._reply(question, "answered", "lookup", text, facts=[fact], passages=[passage])
        return None

    # --- not found -----------------------------------------------------------------

    def _unknown_org(self, question: str, query: Query) -> Answer:
        names = "、".join(d.org for d in self.documents)
        return self._reply(question, "not_found", query.intent,
                           f"语料中没有“{query.unknown_place}”的公开文件。现有单位：{names}。",
                           suggestions=[f"{d.org}{d.year}年{query.metric or '三公经费'}" for d in self.documents[:5]])

    def _which_org(self, question: str, query: Query, shared: Found) -> Answer:
        """A name several orgs share (和平区 of 沈阳 and of 天津): ask which, never pick one."""
        name = query.folded[shared.start:shared.end]
        places = [org.removesuffix("科学技术协会") for org in shared.among]
        return self._reply(question, "clarify", query.intent,
                           f"“{name}”是{len(places)}个单位的名称：{'、'.join(shared.among)}。请说明是哪一个。",
                           suggestions=[query.folded[:shared.start] + place + query.folded[shared.end:]
                                        for place in places])

    def _no_year(self, question: str, query: Query, org: str) -> Answer:
        docs = self._docs(org)
        years = "、".join(f"{d.year}年（{d.scope}{d.doc_kind}）" for d in docs)
        asked = "、".join(str(y) for y in query.years) or (f"{query.year_end}年末（资产）所在" if query.year_end else "")
        short = org.removesuffix("科学技术协会")
        return self._reply(question, "not_found", query.intent, f"没有{org}{asked}年的公开文件。现有：{years}。",
                           suggestions=[f"{short}{d.year}年{query.metric or ''}" for d in docs])

    def _no_metric(self, question: str, query: Query, org: str, doc: Document, metric: str) -> Answer:
        have = sorted(m for m in self.store.metrics(org=org, year=doc.year) if m in METRIC_PARTS)
        short = org.removesuffix("科学技术协会")
        if query.previous and metric in self.store.metrics(org=org, year=doc.year):
            return self._reply(question, "not_found", query.intent,
                               f"{org}{doc.year}年{doc.scope}{doc.doc_kind}没有写“{metric}”的上年数，只有本年的。",
                               suggestions=[f"{short}{doc.year}年{metric}"])
        return self._reply(question, "not_found", query.intent,
                           f"{org}{doc.year}年{doc.scope}{doc.doc_kind}中没有找到“{metric}”。这份文件有：" + "、".join(have) + "。",
                           suggestions=[f"{short}{doc.year}年{m}" for m in have[:5]])

    def _no_kind(self, question: str, query: Query, doc: Document, metric: str, facts: list[Fact]) -> Answer:
        """A money question about a metric the document counts (or the reverse): never the other kind."""
        have = "、".join(dict.fromkeys(KIND_NAMES[k] for f in facts for k in KIND_NAMES if _of_kind(f, k)))
        short = doc.org.removesuffix("科学技术协会")
        return self._reply(question, "not_found", query.intent,
                           f"{doc.org}{doc.year}年{doc.scope}{doc.doc_kind}没有“{metric}”的{KIND_NAMES[query.kind]}，"
                           f"只有它的{have}。", suggestions=[f"{short}{doc.year}年{metric}"])

    def _no_side(self, question: str, query: Query, doc: Document, metric: str, facts: list[Fact]) -> Answer:
        """A 决算 question where only the 预算 figure exists (or the reverse): say so, offer the other."""
        other = "预算" if query.side == "决算" else "决算"
        short = doc.org.removesuffix("科学技术协会")
        return self._reply(question, "not_found", query.intent,
                           f"{doc.org}{doc.year}年{doc.scope}{doc.doc_kind}没有“{metric}”的{query.side}数，只有{other}数。"
                           f"要看{other}数，请问：{short}{doc.year}年{metric}{other}数。",
                           suggestions=[f"{short}{doc.year}年{metric}{other}数"])

    def _examples(self) -> list[str]:
        return [f"{d.org.removesuffix('科学技术协会')}{d.year}年三公经费" for d in self.documents[:5]]

    @staticmethod
    def _reply(question: str, status: str, intent: str, text: str, **fields) -> Answer:
        return Answer(question=question, status=status, intent=intent, text=text, **fields)


# The operation a question asks for -> the handler that answers it (Engine._route).
HANDLERS = {name: getattr(Engine, f"_{name}") for name in (
    "lookup", "compare", "rank", "share", "rate", "change", "budget_vs_actual", "breakdown", "verify",
    "org_only", "catalog", "definition", "contact", "search")}
