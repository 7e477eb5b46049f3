"""Question -> what is asked: orgs, years, metrics, codes, a claimed figure, and the intent.

Intent rules are data, tried in order; the first whose pattern matches wins (its name is
the intent). Entity mentions come from match.py; this module only reads the words around.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .claims import ClaimPart, claim_parts
from .lexicon import (CLAIM_UNITS, COUNTED_BY, HEADCOUNT_METRIC, MEASURED_METRICS, PEOPLE_CLASSIFIERS, PEOPLE_NOUNS,
                      PERFORMANCE_UNITS, SHARE_WHOLES, SPENT_ON, STOCK_METRICS, THING_ENDINGS, WHOLE_BUDGET_METRIC)
from .match import ColumnNames, Found, MetricMatcher, OrgMatcher
from .models import UNIT
from .text import find_years, fold, parse_amount

MAX_QUESTION = 500
BASE_YEAR_RE = re.compile(r"(?:比|较|相比|同比)$")
# What joins the figures a question lists (人员经费和公用经费, 基本支出、项目支出).
LIST_JOINER_RE = re.compile(r"的?(?:和|与|及|以及|跟|同|、|，|,|还有)|(?:是|有|为)?(?:多少钱?|几)?[?？，,。；;](?:还有|那|其中)?")
# Words asking for each of the figures named (人员经费和公用经费分别是多少).
EACH_RE = re.compile(r"分别|各是|各为|各自|各多少")
# Words of a colloquial name for a total that say how much in all, not which figure (一共花了, 总共安排了).
TOTAL_PHRASE_RE = re.compile(r"一共|总共|共花|全年")
# Words after a figure that make it the whole a share is of (基本支出中…, 三公经费里…, 支出当中…).
WHOLE_AFTER_RE = re.compile(r"的?(?:之中|当中|里面|里头|中|里|内)")
COUNTED_RE = re.compile(r"数|辆|量")
# How many people an org has, asked without naming a figure (有几个人, 多少名职工; not 人次).
_PEOPLE = f"[{''.join(PEOPLE_CLASSIFIERS)}]?(?:{'|'.join(PEOPLE_NOUNS)})(?!次)"
HEADCOUNT_RE = re.compile(rf"(?P<asked>(?:几|多少){_PEOPLE})|\d+{_PEOPLE}(?=吗|么|吧|？|\?|$)")
# Whether a thing exists (有没有公车, 是否有车辆): asked of a name that also names money, it asks the count.
EXISTS_RE = re.compile(r"有没有|有无|是否有|有没|有[^，。；,;?？吗没无]{1,12}吗[?？]?$")
# A count asked with no name but its measure (包头有几辆): the measure word -> the metric it counts
# (people are HEADCOUNT_RE's).
COUNT_ASKED_RE = re.compile(r"(?:多少|几)(辆|台)")
# Words that may stand between an org or year and 预算 when it is the budget as a whole (2022年度的预算).
WHOLE_FILLER_RE = re.compile(r"年度|度|全年|部门|单位|本年|今年|收入|支出|总|[?？]")  # 支出决算: the whole, as 决算支出
# Where the asking begins after 预算 (多少, 是, 比上年…): words before it name a figure of the budget,
# not the budget as a whole; these words name the whole itself (预算总额是多少).
WHOLE_ASKED_RE = re.compile(r"多少|几|是|为|有|比|较|同比|相比|占|增|减|和|与|跟|及|对比|超|高于|低于|达|不到|吗|呢|吧|"
                            r"[?？，,。]")
WHOLE_AFTER_FILLER_RE = re.compile(r"总额|总数|总计|合计|规模|金额|数额|资金|一共|总共|共|全年|年度|总|安排|情况|"
                                   r"收支|收入|支出|数")
# What may stand around a bare 收入/支出 asked of an org: years, its document, the asking.
BARE_SIDE_FILLER_RE = re.compile(r"\d{2,4}年度?|今年|本年|全年|年度|部门|单位|预算|决算|一共|总共|共|是|有|为|多少钱?|几|"
                                 r"万元|元|情况|构成|组成|结构|明细|分项|主要|都")
# Where the money goes (钱主要花在哪, 经费用在哪里, 支出的去向): the spending, broken down.
SPENDING_WHERE_RE = re.compile(r"(?:钱|经费|资金|支出)?(?:的)?(?:主要|都|大多|大部分)*(?:(?:花|用)[在到]哪(?:里|儿|些方面)?|用途|去向)")
MEASURE_FILLER_RE = re.compile(r"一共|总共|现在|目前|共|有|是|车|[?？]")
SHARE_WHOLE_RE = re.compile(rf"占(?:全部|整个|总|全年)?({'|'.join(SHARE_WHOLES)})(?:的|多少|几|百分|比)")
SPENT_RE = re.compile(r"花了|花费|花多少|用了多少|开支|经费|费用|支出")
# The year before, asked as a figure (西城2019年收入合计上年数, 去年的基本支出), not a change from it
# (比上年, 较去年) nor a name (上年结转, 上年末).
PREVIOUS_RE = re.compile(r"(?<![比较与和同])(?:上年|去年|上一年|前一年)(?:度)?(?!结转|结余|末|底)")
DOC_NAME_RE = re.compile(r"(?:部门|单位)(?:预算|决算)")
# 预算/决算 right after the year names the document too (2022年预算收入总计 asks the 预算's 收入总计, not
# 预算收入), even where a name begins with it; 2022年预算数 names a figure's side.
YEAR_DOC_RE = re.compile(r"(?<=\d年)(?:预算|决算)(?!数)|(?<=\d年度)(?:预算|决算)(?!数)")
# (年初预算, 全年预算, 调整预算 name one side of a figure, not the budget as a whole.)
WHOLE_BUDGET_RE = re.compile(r"(?<!年初)(?<!全年)(?<!调整)(?:部门)?(?:预算|决算)(?!数|和|与|及)")
# Operations that read one cell of a row for each org (a share or a change of a cell is not read yet).
COLUMN_INTENTS = ("lookup", "verify", "compare", "rank")
# What may stand between a code and the column asked of its row (20607的人员经费, 206里项目支出).
CELL_GLUE = ("", "的", "里", "中", "里的", "中的")
# A year a listed thing's name starts with (2020年科普活动), which a question's year may be.
LEADING_YEAR_RE = re.compile(r"^(?:19|20)\d{2}年度?")
# What a question puts inside a listed thing's name: 新建了几座社区科技馆 asks for 新建社区科技馆.
_MEASURES = "|".join(re.escape(u) for u in PERFORMANCE_UNITS if u != "%")
COUNT_GAP_RE = re.compile(rf"了?(?:几|多少)(?:{_MEASURES})?|了")
NAME_MARK = "□"  # stands for a name in the text the intent rules read
CLAIMED = "|".join(map(re.escape, CLAIM_UNITS))
INTENT_RULES: tuple[tuple[str, str], ...] = (
    ("verify", r"核实|核查|属实|对吗|对不对|[，,]是吗|(?:没有|并无)[^，。；?？吗]{1,12}吧[?？]?$|是不是真的|是不是[^，。；?？]{0,12}\d|真的吗|真的假的|是真的|准确吗|正确吗|是否为|是否是|有报道|据报道|"
               rf"\d[\d.,]*(?:{_PEOPLE}|{CLAIMED})?(?:是真的)?[吗吧]|\d[\d.,]*(?:{CLAIMED})?[?？]$|"
               r"(?:超过|高于|低于|不到|多于|少于|达到).{0,12}了?吗|是否(?:超过|高于|低于|不到|多于|少于|达到)|有没有|是否有|有无|超支|[比较](?:上年|去年|\d{4}年).{0,8}了吗|"
               r"了吗$|比□+(?:的)?(?:□+)?(?:多|高|大|少|低|小)(?:了)?吗|有[^，。；,;?？吗没无]{1,12}吗[?？]?$"),
    ("catalog", r"有哪些单位|哪些单位有|哪些部门|有什么数据|哪些年份|哪几年|哪些年|数据有哪些|有哪些数据|哪些文件|哪些文档|什么年份|列出"),
    ("definition", r"什么是|是什么意思|什么意思|啥意思|的定义|定义是|指什么|指的是什么|指的是啥|是指什么|含义|什么叫|"
                   r"名词解释|^解释|怎么理解|如何理解"),
    ("contact", r"电话|联系方式|联系人|怎么联系"),
    ("sum", r"加起来|加在一起|合起来|合在一起|之和|总和|相加|一共|总共|共计|合计|□加上?□"),
    ("budget_vs_actual", r"预算和实际|预算与实际|预算和决算|预算与决算|预算数和决算数|预算.{0,4}(?:实际|执行(?!率|进度))|"
                         r"比(?:年初|全年|调整)?预算数?.{0,3}(?:多|少|超|节约|节省|结余)|"
                         r"(?:与|和|跟|同|较|对比)(?:年初|全年|调整)?预算数?(?:相比|比较|对比|相较|比)|决算数?(?:与|和|跟|同|较|对比)(?:年初|全年|调整)?预算"),
    ("rank", r"最高|最低|最多|最少|排名|排序|排个序|排一下|排行|从高到低|从低到高|从大到小|从小到大|前三|前五|前几|"
             r"哪个单位|哪家"),
    ("compare", r"比较|对比|相比|比一比|[和与跟同].{1,12}比|哪个(?:多|高|少|低|大|小)|谁.{0,3}□*(?:多|高|少|低|大|小|更)|"
                r"vs|pk|"
                r"几倍|多少倍|倍数|差多少|相差|差距|差额|高多少|多多少|少多少|低多少|多出"),
    ("rate", r"执行率|完成率|执行进度|完成(?:了)?(?:年初|全年|调整)?预算|超支|超预算|预算执行率|执行了?百分之|执行得?怎么样"),
    ("share", r"占比|比例|比重|占.{0,12}(?:多少|几|百分|比)|百分之几|占多大"),
    ("change", r"比上年|比去年|较上年|同比|比\d{4}年|较\d{4}年|增加多少|减少多少|增长多少|增长率|增速|变化|增减|增幅|降幅|"
               r"(?:增加|减少|增长|下降|上升|降低|多|少)了?的?(?:多少|百分|比例|幅度|几)|(?:降|涨|增|减)了(?:多少|百分|几)"),
    ("breakdown", r"构成|组成|包括哪些|包含哪些|明细|分项|由哪些|结构|都有什么|分别是|(?:花|用)[在到]哪|用途|去向"),
)
CHANGE_WORDS = (r"比上年|比去年|较上年|上一年|同比|[比较]\d{4}年|[比较]上年度|(?:与|和|跟|同)(?:上年|去年|\d{4}年)|"
                r"(?:增长|增加|减少|下降|上升|降低|降了|涨了)了?的?(?:百分|比例|幅度|多少|几)")
_RULES = [(name, re.compile(pattern)) for name, pattern in INTENT_RULES]
# Intents a metric's own name asks for (its words are blanked out before the rules are read).
NAMED_INTENTS: dict[str, set[str]] = {"contact": {"联系电话"}}
# First character -> (folded name, item, metric) of the things tables list by name, longest first.
ItemVocabulary = dict[str, list[tuple[str, str, str]]]
CLAIM_RE = re.compile(r"(-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元|%|辆|人)?")
# Words that add nothing to an org named alone ("包头呢", "秦皇岛科协的情况").
FILLER_RE = re.compile(r"科学技术协会|科协|市|区|的|呢|吗|\?|？|情况|数据|怎么样|如何|[，。,.!！]")
BUDGET_WORDS = re.compile(r"预算|安排|计划")
ACTUAL_WORDS = re.compile(r"决算|实际|执行|花了|花费|用了|支出了")
# The side a question insists on: a 决算 question is never answered with a 预算 figure, nor the reverse.
# (花了 alone does not insist: people say it of a budget too.)
# A word naming the figure itself (年初预算, 全年预算, 决算数) outweighs the document's kind: "2024年决算中
# 行政运行的年初预算" asks for a 预算数.
FIGURE_SIDES = (("预算", re.compile(r"年初预算|全年预算|调整预算|预算数")),
                ("决算", re.compile(r"决算数|执行数|实际支出|支出决算")))
STRICT_SIDES = (("预算", re.compile(r"预算数|年初预算|全年预算|调整预算|预算安排")),  # a column's word before the document's
                ("决算", re.compile(r"决算数|实际支出|实际花|实际用|执行数|实际发生")),
                ("决算", re.compile(r"决算")),
                ("预算", re.compile(r"预算是多少|预算多少|(?<!决算)预算呢|(?<=□)预算(?:额|金额)?(?:是|为|有)?(?:多少钱?|几)?[?？]?$")),
                ("预算", re.compile(r"(?:部门|单位)预算(?!执行)")))  # 单位预算基本支出: a 预算, never a 决算's figure
# What kind of figure is asked for: an amount of money, a count (people, vehicles, days, area) or a percent.
KINDS = (("percent", re.compile(r"百分之|百分比|比例|比重|占比|%|几成|增幅|降幅|幅度|(?:增减|增长|下降|减少|增加|变化|变动|上升|降低)率")),
         ("money", re.compile(r"多少钱|几块钱|金额|花了多少|花费多少|价值|值多少|万元|亿元|多少万|经费|费用|资金")),
         ("count", re.compile(r"几辆|多少辆|几台|多少台|几部|几人|几个人|多少人|多少名|几名|几位|多少位|几个|多少个|"
                              r"几批|多少批|几次|多少次|几天|多少天|几场|多少场|人数|数量|面积|平米|平方米|几家|多少家")))
# A question about a unit's own disclosure (单位预算), not its department's.
UNIT_SCOPE_WORDS = re.compile(r"单位(?:预算|决算)|预算单位|本单位")
# Both disclosures of a body named at once (单位预算和部门预算的收入合计): the figure of each.
BOTH_SCOPES_RE = re.compile(r"(?:单位|部门)(?:预算|决算)?(?:和|与|及|、|跟|以及|还有)(?:单位|部门)(?:预算|决算)")


@dataclass
class Query:
    text: str
    folded: str
    intent: str = "lookup"
    orgs: list[Found] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    metrics: list[Found] = field(default_factory=list)
    codes: list[Found] = field(default_factory=list)
    unknown_place: str | None = None
    claim: tuple[Decimal, str] | None = None
    claim_parts: list[ClaimPart] = field(default_factory=list)  # what a claim says, part by part
    year_end: int | None = None  # 2019年末: the date a stock (固定资产) is told at
    extra_orgs: list[str] = field(default_factory=list)  # orgs a conversation adds (加上包头呢: the last ones)
    item: str | None = None  # a thing a table lists by name: a project, a purchase
    wants_budget: bool = False
    wants_actual: bool = False
    side: str | None = None  # 预算 | 决算 when the question insists on one (STRICT_SIDES)
    kind: str | None = None  # money | count | percent: what kind of figure is asked for (KINDS)
    scope: str | None = None  # 单位 when the question asks a 单位预算/单位决算
    previous: bool = False  # the figure of the year before, as the document states it (上年数, 去年的)
    column: tuple[str, ...] = ()  # the column labels a question names beside its row (206的事业收入)
    column_word: Found | None = None  # where the question names that column
    thing: str | None = None  # a thing named right before the figure (科技馆 of 科技馆运行经费): a narrower figure
    both_scopes: bool = False  # 单位预算和部门预算: the figure of each disclosure of the body

    @property
    def metric(self) -> str | None:
        first = self.codes or self.metrics
        return first[0].value if first else None

    @property
    def code(self) -> str | None:
        return self.codes[0].how if self.codes else None

    def words_left(self) -> str:
        """The question with the orgs and years taken out: what a search looks for."""
        taken = set()
        for found in self.orgs:
            taken |= set(range(found.start, found.end))
        text = "".join(ch for i, ch in enumerate(self.folded) if i not in taken)
        for year, _, _ in find_years(text):
            text = text.replace(str(year) + "年", "").replace(str(year), "")
        return text


def parse_question(text: str, orgs: OrgMatcher, metrics: MetricMatcher,
                   items: ItemVocabulary | None = None) -> Query:
    """items: the things tables list by name (projects, purchases), see ItemVocabulary."""
    folded = fold(text)[:MAX_QUESTION]
    query = Query(text=text, folded=folded)
    query.orgs = _named_apart(orgs.find(folded), folded, metrics)
    years = find_years(folded)
    # 比2019年增加: the year compared with, not the year asked about (it stays in `years`, a claim's number is no year).
    query.years = [year for year, start, _ in years if not BASE_YEAR_RE.search(folded[max(0, start - 2):start])]
    skip = {i for found in query.orgs for i in range(found.start, found.end)}
    # an item may hold an org's name (与包头广播电视台共同开办…栏目): the org is then named elsewhere
    inner = {i for found in query.orgs for i in range(found.start, found.end)
             if any(other.value == found.value and other is not found for other in query.orgs)}
    item = _item(folded, skip, items or {}, metrics.words, inner)
    if item:
        query.item = item[0]
        query.orgs = [f for f in query.orgs if not item[1].start <= f.start < item[1].end] or query.orgs
        skip = {i for found in query.orgs for i in range(found.start, found.end)} | set(range(item[1].start, item[1].end))
    skip |= {i for _, start, end in years for i in range(start, end)}
    query.codes = metrics.find_codes(folded, skip)
    skip |= {i for found in query.codes for i in range(found.start, found.end)}
    # 2022年部门预算收入总计: 部门预算 names the document; the figure is what follows it (收入总计, not 预算收入).
    found = metrics.find(folded, skip)
    named_doc = {i for m in DOC_NAME_RE.finditer(folded) for i in range(m.start(), m.end())
                 if not any(f.start <= m.start() and m.end() <= f.end for f in found)}  # 事业单位预算外资金 is a name
    named_doc |= {i for m in YEAR_DOC_RE.finditer(folded) for i in range(m.start(), m.end())}
    found = (metrics.find(folded, skip | named_doc) or found) if named_doc else found
    found = metrics.longer_typos(folded, found, skip)
    query.metrics = _without_total_phrases(folded, sorted(found + ([item[1]] if item else []), key=lambda f: f.start))
    if not query.metrics and not query.codes:
        query.metrics = metrics.find_typos(folded, skip)
    if not query.metrics and not query.codes and not query.item and (query.orgs or query.years):
        whole = WHOLE_BUDGET_RE.search(folded)  # 秦皇岛2022年预算: the budget as a whole
        if whole and not skip & set(range(whole.start(), whole.end())) and not _names_more(folded, skip, whole):
            query.metrics = [Found(WHOLE_BUDGET_METRIC, whole.start(), whole.end(), "whole")]
    if not query.metrics and not query.codes and not query.item and query.orgs:
        people = HEADCOUNT_RE.search(folded)  # 西城科协实际有几个人: the org's own people
        if people and not skip & set(range(people.start(), people.end())):
            at = people.start("asked") if people.group("asked") else people.end()  # 有12个人吗: the 12 is a claim
            query.metrics = [Found(HEADCOUNT_METRIC, at, people.end() if people.group("asked") else at, "headcount")]
    if not query.metrics and not query.codes and not query.item:
        query.metrics = _counted_by_measure(folded, skip)  # 包头科协有几辆: the vehicles
    if not query.metrics and not query.codes and not query.item and query.orgs:
        first = min(query.orgs, key=lambda f: f.start)  # 长宁区文旅局: its place too, before the name found
        place = set(range(first.start)) if folded[:first.start] in first.value else set()
        query.metrics = _bare_side(folded, skip | place)  # 财政局今年收入多少: its 收入合计
    query.thing = _thing_before(folded, query, years)
    if not query.orgs:
        named = [start for _, start, _ in years] + [f.start for f in (*query.metrics, *query.codes)]
        query.unknown_place = orgs.unknown_place(folded) or orgs.unknown_body(folded[:min(named, default=len(folded))])
    else:
        names = [(f.start, f.end) for f in (*query.metrics, *query.codes)]
        query.unknown_place = orgs.other_body(folded, query.orgs, names) or orgs.other_place(folded, query.orgs)
    if query.metric in STOCK_METRICS:  # 2019年末固定资产: a stock at a year's end, not the year's budget
        ends = [year for year, _, end in years if folded.startswith(("末", "底"), end) or folded.startswith(("年末", "年底"), end)]
        query.year_end = ends[0] if ends else None
        query.years = [y for y in query.years if y != query.year_end]
    named = list(query.metrics)
    column = _column(folded, skip, query, metrics.columns)
    if column:
        query.column, query.column_word = column
        query.metrics = [f for f in query.metrics if not _within(f, column[1])]
    masked = _masked(folded, query)
    query.intent = _intent(masked, query)
    if query.column and query.intent not in COLUMN_INTENTS:
        query.column, query.column_word, query.metrics = (), None, named
        masked = _masked(folded, query)
        query.intent = _intent(masked, query)
    figure_sides = {side for side, pattern in FIGURE_SIDES if pattern.search(masked)}
    query.side = next(iter(figure_sides)) if len(figure_sides) == 1 else \
        next((side for side, pattern in STRICT_SIDES if pattern.search(masked)), None)
    whole = next((f for f in query.metrics if f.how == "whole"), None)
    if whole and not query.side:  # 包头2020年预算是多少: the budget, even of a 决算 (and 决算支出 the reverse)
        query.side = "决算" if "决算" in folded[whole.start:whole.end] else "预算"
    query.kind = next((kind for kind, pattern in KINDS if pattern.search(masked)), None)
    if query.kind == "count" or (query.intent == "verify" and EXISTS_RE.search(masked) and not any(
            SPENT_RE.search(folded[f.start:f.end]) for f in query.metrics)):  # 几辆公务用车, 有没有公车: the vehicles
        query.metrics = [replace(f, value=COUNTED_BY.get(f.value, f.value)) for f in query.metrics]
    elif query.side or SPENT_RE.search(masked):  # 公车花了多少钱, 公车决算: what the vehicles cost
        query.metrics = [replace(f, value=SPENT_ON.get(f.value, f.value)) if not COUNTED_RE.search(
            folded[f.start:f.end]) else f for f in query.metrics]  # 车辆数 is counted whatever the side
    if query.intent == "share":
        query.metrics = _part_then_whole(folded, _bare_whole(folded, query.metrics))
    if query.intent == "verify":
        query.claim = _claim(folded, skip_years=years, codes=query.codes)
        taken = [(start, end) for _, start, end in years] + [(f.start, f.end) for f in (*query.codes, *query.orgs)]
        query.claim_parts = claim_parts(folded, taken, [(f.start, f.end) for f in query.metrics], len(query.orgs))
    # A metric's own name may say the side (三公经费预算); a project's never does (基层科普行动计划).
    unnamed = "".join(NAME_MARK if any(f.how == "item" and f.start <= i < f.end for f in query.metrics) else ch
                      for i, ch in enumerate(folded))
    query.wants_budget = bool(BUDGET_WORDS.search(unnamed))
    query.previous = query.intent == "lookup" and bool(PREVIOUS_RE.search(_masked(folded, query)))
    query.wants_actual = bool(ACTUAL_WORDS.search(unnamed)) and query.side != "预算"
    query.scope = UNIT if UNIT_SCOPE_WORDS.search(folded) else None
    both = BOTH_SCOPES_RE.search(folded)
    query.both_scopes = bool(both) and len(set(re.findall("单位|部门", both.group()))) == 2
    return query


def _names_more(folded: str, skip: set[int], whole: re.Match) -> bool:
    """Whether a question names something of its own right before 预算 (商务委生命健康专项预算: a
    project's budget, not the budget as a whole); what follows it is asked of it (比上年减少了吗)."""
    start = max((i + 1 for i in skip if i < whole.start()), default=0)
    if len(WHOLE_FILLER_RE.sub("", FILLER_RE.sub("", folded[start:whole.start()]))) >= 2:
        return True
    after = WHOLE_ASKED_RE.split(folded[whole.end():], maxsplit=1)[0]  # 单位预算绩效目标项目涉及资金多少
    return len(WHOLE_AFTER_FILLER_RE.sub("", FILLER_RE.sub("", after))) >= 2


def _bare_side(folded: str, skip: set[int]) -> list[Found]:
    """收入 or 支出 alone, asked of an org (财政局今年收入多少, 包头2020年支出是多少): the year's total of
    that side (SHARE_WHOLES), when the question names nothing else."""
    rest = "".join(ch for i, ch in enumerate(folded) if i not in skip)
    where = SPENDING_WHERE_RE.search(rest)
    if where:  # 钱主要花在哪: the spending, wherever the question says it
        at = folded.index(where.group())
        rest = rest.replace(where.group(), "")
        if not BARE_SIDE_FILLER_RE.sub("", FILLER_RE.sub("", rest)).removeprefix("支出"):
            return [Found(SHARE_WHOLES["支出"], at, at + len(where.group()), "side")]
        return []
    rest = BARE_SIDE_FILLER_RE.sub("", FILLER_RE.sub("", rest))
    if rest not in ("收入", "支出"):
        return []
    at = folded.rindex(rest)
    return [Found(SHARE_WHOLES[rest], at, at + len(rest), "side")]


def _counted_by_measure(folded: str, skip: set[int]) -> list[Found]:
    """The metric a count asked by its measure alone counts (几辆 -> 车辆), or none
    when the question names anything else (张家口科普大篷车有几辆 counts the 大篷车)."""
    asked = COUNT_ASKED_RE.search(folded)
    metric = MEASURED_METRICS.get(asked.group(1)) if asked else None
    rest = "".join(ch for i, ch in enumerate(folded) if i not in skip and not asked.start() <= i < asked.end()) \
        if metric else ""
    if not metric or MEASURE_FILLER_RE.sub("", FILLER_RE.sub("", rest)):
        return []
    return [Found(metric, asked.start(), asked.end(), "measure")]


def _named_apart(found: list[Found], folded: str, metrics: MetricMatcher) -> list[Found]:
    """The orgs named, less a mention of an org named elsewhere in the question that lies inside a
    figure's name (政府办 of 政府办公厅(室)及相关机构事务, asked of 普陀区人民政府办公室)."""
    if len(found) < 2 or len({f.value for f in found}) == len(found):
        return found
    names = metrics.find(folded, set())
    inside = [f for f in found if any(n.start <= f.start and f.end <= n.end and n.end - n.start > f.end - f.start
                                      for n in names)]
    kept = [f for f in found if f not in inside]
    return kept if {f.value for f in kept} == {f.value for f in found} else found


def _item(folded: str, skip: set[int], items: ItemVocabulary, metric_words: set[str],
          inner: set[int] = frozenset()) -> tuple[str, Found] | None:
    """The first listed thing named in the question (longest at its place), as its item name and metric.

    A project named like a metric (科普活动) is the project only when called one (科普活动项目). A name
    may be asked with a count inside it (创建了几个科普e站: the indicator 创建科普e站).
    """
    found = _item_at(folded, list(range(len(folded))), skip, items, metric_words, inner=inner)
    if found is None:
        kept = [i for i in range(len(folded)) if not any(m.start() <= i < m.end() for m in COUNT_GAP_RE.finditer(folded))]
        if len(kept) < len(folded):
            found = _item_at("".join(folded[i] for i in kept), kept, skip, items, metric_words, folded, inner)
    return found


def _item_at(text: str, places: list[int], skip: set[int], items: ItemVocabulary, metric_words: set[str],
             folded: str | None = None, inner: set[int] = frozenset()) -> tuple[str, Found] | None:
    """The first item named in text, whose characters stand at `places` of the question (folded);
    it may cover `inner` places (an org named again elsewhere) only when it holds them whole."""
    folded = folded or text
    for at, ch in enumerate(text):
        for name, item, metric in items.get(ch, ()):
            if not text.startswith(name, at):
                continue
            start, end = places[at], places[at + len(name) - 1] + 1
            covered = skip & set(range(start, end))
            if covered and not (covered <= inner and _holds_whole(covered, skip, start, end)):
                continue
            if LEADING_YEAR_RE.sub("", name) in metric_words and not folded.startswith("项目", end):
                continue  # 2020年科普活动 too: the year is the question's, the name a metric's
            return item, Found(metric, start, end, "item")
    return None


def _holds_whole(covered: set[int], skip: set[int], start: int, end: int) -> bool:
    """Whether a span covers the org mentions it touches entirely (none runs over its ends)."""
    return not ({start - 1, end} & skip and (start in covered or end - 1 in covered))


def _column(folded: str, skip: set[int], query: Query, columns: ColumnNames) -> tuple[tuple[str, ...], Found] | None:
    """The column a question names beside a row (206的事业收入, 科学技术支出里项目支出), as the labels
    the row holds and where its word is (a metric mention there is the column, not what is asked).

    A column is read only beside a row that has it: 事业收入 alone is the 事业收入 row, and a word
    inside a longer name (合计 of 支出合计) is no column. A listed thing (a project) has no columns.
    """
    if query.item:
        return None
    for start, end, labels in reversed(columns.find(folded, skip)):  # the column follows its row (206的事业收入)
        word = Found(folded[start:end], start, end, "column")
        if any(f.start < end and start < f.end and not _within(f, word) for f in query.metrics):
            continue  # 合计 of 支出合计: a word inside a longer name
        # the row is named right before its column (206的事业收入, 科学技术支出里项目支出), never across
        # 和/与/比 (基本支出和项目支出 are two figures)
        rows = [f.how if f.how.isdigit() else f.value for f in (*query.codes, *query.metrics)
                if not _within(f, word) and f.end <= start and folded[f.end:start] in CELL_GLUE]
        held = next((found for row in rows for found in [columns.of(row, labels)] if found), ())
        if held:
            return held, word
        if any(code.end <= start and folded[code.end:start] in CELL_GLUE for code in query.codes):
            return tuple(sorted(labels)), word  # 20607的人员经费 where that row has none: that cell, not found
    return None


def _listed(folded: str, named: list[Found]) -> bool:
    """Whether the question lists two figures or more, joined by 和/与/、… (人员经费和公用经费), not one
    named inside another (基本支出中津贴补贴, 商贸事务行政运行: the last is what is asked)."""
    spans = sorted({(f.start, f.end, f.value) for f in named})
    return len({value for _, _, value in spans}) >= 2 and all(
        LIST_JOINER_RE.fullmatch(folded[end:start]) for (_, end, _), (start, _, _) in zip(spans, spans[1:]))


def _without_total_phrases(folded: str, named: list[Found]) -> list[Found]:
    """一共花了 names the total spent only when nothing else is named: 三公经费一共花了多少 asks for
    三公经费, not for 三公经费 and 支出合计."""
    phrases = [f for f in named if TOTAL_PHRASE_RE.search(folded[f.start:f.end])]
    if not phrases or len(phrases) == len(named):
        return named
    return [f for f in named if f not in phrases]


def _part_then_whole(folded: str, named: list[Found]) -> list[Found]:
    """The two figures of a share as (part, whole), whatever order the question names them in:
    the whole is the one said to contain the other (基本支出中人员经费占多少, 三公经费里公务接待费的比例)
    or the one after 占 (人员经费占基本支出); else they stay in the order said."""
    if len(named) != 2:
        return named
    first, second = named
    if WHOLE_AFTER_RE.match(folded, first.end) and not folded.startswith("占", first.end):
        return [second, first]
    return named


def _bare_whole(folded: str, named: list[Found]) -> list[Found]:
    """占支出的比例, 占总收入多少: a bare 支出 or 收入 after 占 is the whole of its side (SHARE_WHOLES)."""
    if len(named) != 1:
        return named
    match = SHARE_WHOLE_RE.search(folded, named[0].end)
    if not match:
        return named
    return [*named, Found(SHARE_WHOLES[match.group(1)], match.start(1), match.end(1), "whole")]


def _within(found: Found, word: Found) -> bool:
    """Whether a name found lies inside a column's word (政府性基金 of 政府性基金预算): it is that column."""
    return word.start <= found.start and found.end <= word.end


def _masked(folded: str, query: Query) -> str:
    """The question with the names it holds blanked out, so that the words of a name
    (社会保障和就业支出, 比较 in a project's name) are not read as what is asked of it."""
    spans = [(f.start, f.end) for f in (*query.orgs, *query.codes)]
    spans += [(f.start, f.end - _side_said(folded[f.start:f.end], f.value)) for f in query.metrics]
    spans += [(query.column_word.start, query.column_word.end)] if query.column_word else []
    chars = list(folded)
    for start, end in spans:
        chars[start:end] = NAME_MARK * (end - start)
    return "".join(chars)


def _side_said(written: str, metric: str) -> int:
    """How many characters at the end of a name as written say the side asked (三公经费预算 for
    三公经费: 预算 and 实际 are compared), not the name: left for the rules to read."""
    return 2 if written.endswith(("预算", "决算")) and not fold(metric).endswith(written[-2:]) else 0


def _intent(folded: str, query: Query) -> str:
    named = {found.value for found in query.metrics}
    for name, pattern in _RULES:
        if name in NAMED_INTENTS and named & NAMED_INTENTS[name]:
            return name
        if name == "sum" and len(named) < 2:
            continue  # 一共多少 of one figure is that figure; a sum needs two named
        if pattern.search(folded):
            if name in ("compare", "share") and len(query.orgs) < 2 and re.search(CHANGE_WORDS, folded):
                return "change"  # 比上年多多少: a change from the year before, not a comparison of orgs
            if name == "rank" and len({f.value for f in query.orgs}) == 2:
                return "compare"  # 包头、张家口哪家高: the two named, not every org
            if name == "breakdown" and _listed(folded, query.metrics) and EACH_RE.search(folded):
                return "each"
            return name
    if (query.metrics or query.codes) and len({f.value for f in query.orgs}) >= 2:
        return "compare"  # 秦皇岛和张家口的三公经费: two orgs named are two figures side by side
    if _listed(folded, query.metrics) and not query.item and not query.codes:
        return "each"  # 人员经费和公用经费（分别是多少）: every figure named, each with its line
    if query.metrics or query.codes:
        return "lookup"
    if query.orgs and not re.sub(FILLER_RE, "", query.words_left()):
        return "org_only"
    return "search"


THING_RE = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?(?:{'|'.join(THING_ENDINGS)})$")


def _thing_before(folded: str, query: Query, years) -> str | None:
    """The thing named right before the first figure, after the org and the year (科技馆运行经费,
    办公楼的维修费): its money is not the org's figure of that name."""
    if not query.metrics or query.item:
        return None
    first = min(query.metrics, key=lambda f: f.start)
    ends = [f.end for f in query.orgs if f.end <= first.start] + [end for _, _, end in years if end <= first.start]
    before = folded[max(ends, default=0):first.start].removesuffix("的")
    found = THING_RE.search(before)
    return found.group() if found else None


def _claim(folded: str, skip_years, codes) -> tuple[Decimal, str] | None:
    spans = {(start, end) for _, start, end in skip_years} | {(c.start, c.end) for c in codes}
    for match in CLAIM_RE.finditer(folded):
        if any(start <= match.start() < end for start, end in spans):
            continue
        value = parse_amount(match.group(1))
        if value is not None:
            return value, match.group(2) or ""
    return None
