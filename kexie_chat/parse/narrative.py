"""Sentences -> facts: a metric name, a few connective words, a number with its unit.

The rules are general (the lexicon's names x number-and-unit patterns x the usual
connectives), tried in a fixed order on each sentence:

1. none:     无/不涉及 + metric            -> 0, "文字表述为无"
2. reversed: number + 部/辆/人 + metric     -> a count ("共4部车辆")
3. forward:  metric + connectives + number -> the figure, its basis read from the words
             between: 预算 / 决算 / 较上年增加 / 占 / 完成预算的
A number may follow the previous number of the same metric when the words between say
which figure it is ("预算为3.65万元，支出决算为2.1万元，完成预算的58%").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..lexicon import (
    CARRY_OVER_METRICS,
    PERFORMANCE_STAGE_FUNDS,
    STAGED_FUND_WORDS,
    TOTAL_ROW_METRICS,
    TOTAL_WITH_CARRY_OVER,
    BASIS_ACTUAL,
    BASIS_BUDGET,
    BASIS_CHANGE,
    BASIS_CHANGE_RATE,
    BASIS_EXECUTION,
    BASIS_FULL_YEAR,
    BASIS_PREVIOUS,
    BASIS_PROJECT_FORM,
    BASIS_PROJECT_SECTION,
    BASIS_SHARE,
    BASIS_STATED_NONE,
    BASIS_VALUE,
    COUNT_UNIT_VARIANTS,
    COUNT_UNITS,
    FUNDING_QUALIFIER_METRICS,
    FUND_SPENDING,
    METRIC_PARTS,
    METRIC_UNITS,
    PROJECT_AMOUNT_LABELS,
    PROJECT_NAME_LABELS,
    QUALIFIER_FOLLOWERS,
    STOCK_METRICS,
    WHOLE_BUDGET_METRIC,
)
from ..text import parse_amount
from ..vocabulary import canonical_metric
from .flow import Paragraph
from .paths import ClassPath, class_paths

# The heading of a project's own section (科技创新专项经费情况说明, 生命健康专项（政策资金）经费情况说明)
# and the sentence of its 年度预算安排 that gives its whole budget (项目总预算1720.00万).
PROJECT_SECTION_RE = re.compile(r"^(?![（(一二三四五六七八九十\d第])(?P<name>[^\s，。；、：:“”\"]{2,40}?)(?:项目)?经费情况说明$")
PROJECT_TOTAL_RE = re.compile(r"项目总预算(?:为|是)?(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|万|元)")
WHOLE_BUDGET_CHANGE_RE = re.compile(r"(?:(?:^|[。；;，,、])|(?<!\d)(?:19|20)\d{2}年度?|本年度?|今年)(?:部门)?预算(?:总额)?(?:较|比)"
                                    r"(?:上年|去年|(?:19|20)\d{2}年度?)(?:预算)?(?P<way>增加|减少|增长|下降)了?"
                                    r"(?P<amount>\d[\d,]*(?:\.\d+)?)万元")
PROJECT_TOTAL_UNITS = {"万元": "万元", "万": "万元", "元": "元"}

NUMBER_UNIT_RE = re.compile(
    r"(?<![\d.A-Za-z])(-?\d+(?:,\d{3})*(?:\.\d+)?)(亿元|万元|元|%|个百分点|平方米|人次|批次|辆|台|部|人|名|个|次|场|分|家|套)?"
)
SENTENCE_END = "。；;！？!?"
# Units of a figure (money, a share): the first such number of a sentence that goes on about the last
# figure, when it is not that figure's, shows the sentence is about something else.
FIGURE_UNITS = ("亿元", "万元", "元", "%", "个百分点")
LABEL_LENGTH = 16  # characters a label line has at most ("一般公共预算财政拨款支出" and its kin)
GAP_WORDS = sorted((
    "预算数", "决算数", "预算", "决算", "支出", "收入", "安排", "共计", "合计", "总计", "总额", "金额",
    "为", "是", "达", "约", "共", "各", "年初", "全年", "本年", "度", "数", "实际", ":", ",",
    "其中", "资金", "执行数", "调整", "共有", "拥有量", "列示", "科目", *QUALIFIER_FOLLOWERS,
), key=len, reverse=True)
YEAR_RE = re.compile(r"\d{4}年度?")
# The 预算 of a fund's name (国有资本经营预算财政拨款支出) says which money, not that the figure is a budget.
FUND_NAME_RE = re.compile(r"(?:一般公共|政府性基金|国有资本经营)预算|预算内")
CHAIN_BASIS_RE = re.compile(r"预算|决算|执行|价值|增加|减少|增长|下降|上升|占|完成")
# Words that head a project's own figures in a 绩效自评 summary ("项目全年预算数为90万元").
PROJECT_FIGURE_WORDS = ("项目全年预算数", "全年预算数")
AVERAGE_SCORE = "平均得分"  # the mean score of the projects a 决算 evaluated: no one project's
PROJECT_COUNT_RE = re.compile(r"共?\d+个")
CHANGE_RE = re.compile(r"(增加|增长|上升|减少|下降|降低)了?$")
# "比年初预算数增加79.69万元": a change against the year's own budget, no change on the year before.
BUDGET_COMPARED_RE = re.compile(r"(?:比|较|与)(?:年初|全年|调整后?)?预算")
# "预算收入495.97万元，其中…": the parts that follow break that figure down, and are read as it is.
BREAKDOWN_AFTER_RE = re.compile(r"\s*[,，]?\s*其中[:：]?")
# "比2018年（收入预算）8888487.06元减少…": the number is last year's, the change follows it.
PREVIOUS_RE = re.compile(r"^[,，]?(?:比|较|与)(?:上年|去年|上一年|\d{4}年)(?:度)?(?:[\u4e00-\u9fff]{0,8}?)(?:的|为|是)?$")
COMPARED_START_RE = re.compile(r"[,，]?(?:比|较|与)(?:上年|去年|上一年|\d{4}年)")
COMPARED_BEFORE_RE = re.compile(r"(?:比|较|与)(?:上年|去年|上一年|\d{4}年)度?$")
# "涉及资金123.26万元" in an evaluation is its scope, not the figure; elsewhere 涉及 introduces it.
EVALUATION_RE = re.compile(r"评价|自评|绩效")
SHARE_RE = re.compile(r"占[^，,：:]{0,14}?的?$")
EXECUTION_RE = re.compile(r"完成(?:年初)?预算的?$")
NONE_RE = re.compile(r"(?:无|不涉及|没有)$")
SPENDING_AFTER_RE = re.compile(r"[^，,。；;收]{0,5}支出")
# A figure said to be the same as the year before's, right after it: "1.00万元，与2024年预算持平".
FLAT_AFTER_RE = re.compile(r"[，,]?(?:与|和|同|比|较)(?:上年|去年|上一年|\d{4}年)[^，,。；;]{0,8}?(持平|相同|一致|不变)")
# A mention that is not the figure itself: planned purchases, per-vehicle averages.
NOT_THE_FIGURE_RE = re.compile(r"(?:拟购置|购置|新增|车均|人均|用于|除|原因是|是由于|主要是)$")
# A share set aside for someone ("面向中小企业预留…", "预留给小微企业的…") is not the figure itself.
SET_ASIDE_RE = re.compile(r"预留[^,，;；。]*$")
# Two names written as one ("政府性基金" "拨款" "支出预算"): nothing, or only these words, between.
NAME_GLUE = ("", "拨款", "资金", "预算")
# An aside between a name and its number ("政府采购金额（以合同签订为准）为251.25万元"); one that
# says which money it is ("财政拨款数（支出）") changes what the number is.
ASIDE_RE = re.compile(r"\((?![^()]*(?:支出|收入|预算|决算))[^()]{1,16}\)")
DATE_AFTER_RE = re.compile(r"\d*(?:年|月|日|号)")
# An item of an enumeration ("…、公务接待费0.5万元"), not a numbered heading ("1、行政运行…").
LIST_ITEM_RE = re.compile(r"(?<![\d一二三四五六七八九十])[、]$|包括[:：]?$")


@dataclass
class Mention:
    metric: str
    start: int
    end: int
    words: str  # the text as written (folded)
    code: str | None = None  # a class named by its 类/款/项 path


@dataclass
class NarrativeFact:
    metric: str
    value: Decimal
    unit: str
    basis: str
    lines: list[int]
    written: str  # the number as written
    item: str | None = None
    code: str | None = None


# Metric names by their first character, each list longest first: a sentence is scanned once.
Vocabulary = dict[str, list[tuple[str, str]]]


def by_first_character(pairs: list[tuple[str, str]]) -> Vocabulary:
    """(written name, metric) pairs, longest first -> the lookup find_mentions uses."""
    vocabulary: Vocabulary = {}
    for words, metric in pairs:
        vocabulary.setdefault(words[:1], []).append((words, metric))
    return vocabulary


def read_paragraphs(paragraphs: list[Paragraph], vocabulary: Vocabulary, doc_kind: str,
                    classes: dict[str, set[str]] | None = None) -> list[NarrativeFact]:
    """Facts of a stretch of narrative. classes: the tables' class names and codes (for 类/款/项 paths).

    A class named by its path in a heading of its own ("1、…行政运行（项）。") is what the next
    paragraph's figures are about.
    """
    facts: list[NarrativeFact] = _form_projects(paragraphs) + _section_projects(paragraphs)
    facts += _whole_budget_changes(paragraphs) if doc_kind == "预算" else []
    pending: Mention | None = None
    for paragraph in _labels_with_values(paragraphs):
        read, pending = read_paragraph(paragraph, vocabulary, doc_kind, classes, pending)
        facts.extend(_totals_with_carry_over(read))
    return facts


def _totals_with_carry_over(facts: list[NarrativeFact]) -> list[NarrativeFact]:
    """A total whose listed parts count the carry-over ("收入预算2,380万元，其中：上年结转100万元，一般公共
    预算拨款收入2,000万元…") is the total with it (收入总计), when the parts add up to it."""
    for i, total in enumerate(facts):
        whole = TOTAL_WITH_CARRY_OVER.get(total.metric, (None,))[0]
        if not whole:
            continue
        parts = []
        for part in facts[i + 1:]:
            if part.basis != total.basis or part.unit != total.unit or part.metric in TOTAL_ROW_METRICS:
                break
            parts.append(part)
        if any(p.metric in CARRY_OVER_METRICS for p in parts) and sum(p.value for p in parts) == total.value:
            total.metric = whole
    return facts


def _lone_value(paragraph: Paragraph) -> re.Match | None:
    """A paragraph that is one number with its unit and nothing else ("160万元", a form's cell)."""
    match = NUMBER_UNIT_RE.fullmatch(paragraph.text)
    return match if match and match.group(2) else None


def _is_label(paragraph: Paragraph) -> bool:
    """A paragraph that only names something (a form's or a one-cell-a-line table's label)."""
    text = paragraph.text.rstrip(":")
    return 0 < len(text) <= LABEL_LENGTH and not re.search(r"\d", text) and text[-1] not in SENTENCE_END + ",、"


def _labels_with_values(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A label on its own line and its value on the next ("三公经费" / "2.14万元") read as one
    sentence, as a form or a table flattened one cell a line prints them."""
    result: list[Paragraph] = []
    for paragraph in paragraphs:
        previous = result[-1] if result else None
        if previous is not None and _lone_value(paragraph) and _is_label(previous):
            result[-1] = Paragraph(previous.text + paragraph.text, previous.lines + paragraph.lines, previous.marks)
        else:
            result.append(paragraph)
    return result


def _whole_budget_changes(paragraphs: list[Paragraph]) -> list[NarrativeFact]:
    """A budget's change as a whole, its subject 预算 alone ("2020年预算较2019年减少196.83万元"): the
    change of the budget's 收支总计, as "秦皇岛2022年预算比上年减少多少" asks it."""
    facts = []
    for paragraph in paragraphs:
        for match in WHOLE_BUDGET_CHANGE_RE.finditer(paragraph.text):
            sign = -1 if match.group("way") in ("减少", "下降") else 1
            facts.append(NarrativeFact(WHOLE_BUDGET_METRIC, sign * parse_amount(match.group("amount")), "万元",
                                       BASIS_CHANGE, paragraph.lines_between(match.start(), match.end()),
                                       match.group("amount")))
    return facts


def _section_projects(paragraphs: list[Paragraph]) -> list[NarrativeFact]:
    """A project's amount in the section that explains it (项目经费情况说明): its heading line names the
    project ("科技创新专项经费情况说明"), its 年度预算安排 says "2025年度项目总预算1720.00万，其中…"
    -> the project's 项目支出, named by the item, as a form's amount is. Read line by line: a heading
    runs on from the line before it when that line ends without a stop."""
    facts: list[NarrativeFact] = []
    project: str | None = None
    segments = [segment for paragraph in paragraphs for segment in _line_segments(paragraph)]
    for (line, text), (_, after) in zip(segments, segments[1:] + [(0, "")]):
        heading = PROJECT_SECTION_RE.match(text)
        if heading:
            project = heading.group("name")
            continue
        amount = PROJECT_TOTAL_RE.search(text + after) if project else None
        if amount and amount.start() < len(text):
            unit = PROJECT_TOTAL_UNITS[amount.group("unit")]
            facts.append(NarrativeFact("项目支出", parse_amount(amount.group("amount")), unit, BASIS_PROJECT_SECTION,
                                       [line], amount.group("amount"), item=project))
            project = None
    return facts


def _line_segments(paragraph: Paragraph) -> list[tuple[int, str]]:
    """The paragraph's text cut back into its source lines: (line, text)."""
    segments: list[tuple[int, str]] = []
    for char, line in zip(paragraph.text, paragraph.lines):
        if segments and segments[-1][0] == line:
            segments[-1] = (line, segments[-1][1] + char)
        else:
            segments.append((line, char))
    return segments


def _form_projects(paragraphs: list[Paragraph]) -> list[NarrativeFact]:
    """A project's amount in a form printed one cell a line (绩效目标申报表): 项目名称 / its name, then
    预算金额 / "160万元" -> the project's 项目支出, named by the item, as a 明细 table's line is."""
    facts: list[NarrativeFact] = []
    project: tuple[str, list[int]] | None = None
    for label, value in zip(paragraphs, paragraphs[1:]):
        name = label.text.rstrip(":")
        if name in PROJECT_NAME_LABELS and _is_label(value) and value.text not in PROJECT_AMOUNT_LABELS:
            project = (value.text, label.lines + value.lines)
        elif project and name in PROJECT_AMOUNT_LABELS and _lone_value(value):
            number = _lone_value(value)
            if number.group(2) in ("万元", "元", "亿元"):
                facts.append(NarrativeFact("项目支出", parse_amount(number.group(1)), number.group(2), BASIS_PROJECT_FORM,
                                           sorted(set(project[1] + label.lines + value.lines)), number.group(1),
                                           item=project[0]))
            project = None
    return facts


def read_paragraph(paragraph: Paragraph, vocabulary: Vocabulary, doc_kind: str,
                   classes: dict[str, set[str]] | None = None,
                   item: Mention | None = None) -> tuple[list[NarrativeFact], Mention | None]:
    """Facts of one paragraph, and the class it names whose figures are still to come."""
    facts: list[NarrativeFact] = []
    topic: Mention | None = None
    if item is not None:
        item = Mention(item.metric, 0, 0, item.words, item.code)
    paths = [_path_mention(path) for path in class_paths(paragraph.text, paragraph.marks, classes or {})]
    for start, end in _sentences(paragraph.text):
        carried = _carried(paragraph.text, start, facts)
        own = [m for m in paths if start <= m.start < end]
        sentence_facts, heading = _read_sentence(paragraph, start, end, vocabulary, doc_kind,
                                                 carried or topic or item, carried is not None, own)
        facts.extend(sentence_facts)
        item = _pending_item(item, own, sentence_facts)
        topic = heading
    return facts, (item if item and item.end > 0 else None)


def _path_mention(path: ClassPath) -> Mention:
    return Mention(canonical_metric(path.item, path.code), path.start, path.end, path.item, path.code)


def _pending_item(item: Mention | None, own: list[Mention], facts: list[NarrativeFact]) -> Mention | None:
    """A class named by its path and given no figure yet is what the next sentences are about
    ("…行政运行（项）。主要用于：…。年初预算为X万元，支出决算为Y万元。")."""
    for mention in (own[-1:] or [item]):
        if mention and not any(f.metric == mention.metric and f.code == mention.code for f in facts):
            return mention
    return None


def _carried(text: str, start: int, facts: list[NarrativeFact]) -> Mention | None:
    """"…5089009.53元。比2018年8105276.85元减少…": a sentence that goes on about the last figure."""
    if not facts or not COMPARED_START_RE.match(text, start):
        return None
    return Mention(facts[-1].metric, start, start, "", facts[-1].code)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def find_mentions(text: str, vocabulary: Vocabulary, start: int = 0, end: int | None = None) -> list[Mention]:
    """Metric names in text[start:end], longest first, not overlapping."""
    end = len(text) if end is None else end
    mentions: list[Mention] = []
    i = start
    while i < end:
        for words, metric in vocabulary.get(text[i], ()):
            if text.startswith(words, i) and i + len(words) <= end:
                mentions.append(Mention(metric, i, i + len(words), words))
                i += len(words)
                break
        else:
            i += 1
    return mentions


def _staged(text: str, start: int, mention: Mention) -> Mention:
    """A word several 绩效 stages share (涉及预算金额) is the money of the stage its clause names."""
    if mention.words not in STAGED_FUND_WORDS:
        return mention
    clause = text[start:mention.start]
    metric = next((m for stage, m in PERFORMANCE_STAGE_FUNDS if stage in clause), mention.metric)
    return Mention(metric, mention.start, mention.end, mention.words, mention.code)


def _read_sentence(paragraph, start, end, vocabulary, doc_kind, topic, carried=False, paths=()):
    text = paragraph.text
    mentions = [m for m in find_mentions(text, vocabulary, start, end) if not _qualifies(text, m)
                and not any(p.start <= m.start < p.end for p in paths)]
    mentions = _one_name_each(text, sorted([*mentions, *paths], key=lambda m: m.start))
    mentions = [_staged(text, start, m) for m in mentions]
    numbers = [m for m in NUMBER_UNIT_RE.finditer(text, start, end)]
    facts = _none_statements(paragraph, mentions, doc_kind)
    facts += _reversed_counts(paragraph, mentions, numbers)
    facts += _forward(paragraph, mentions, numbers, doc_kind, topic, start, carried)
    flat = FLAT_AFTER_RE.match(text, start) if carried and topic and not any(n.group(2) for n in numbers) else None
    if flat:  # "…1.00万元。与2024年预算持平": the sentence goes on about the last figure
        facts.append(NarrativeFact(topic.metric, Decimal(0), _unit_for(topic.metric, "万元"), BASIS_CHANGE,
                                   paragraph.lines_between(start, flat.end()), flat.group(1), code=topic.code))
    figures = [n for n in numbers if not _is_ordinal(text, n, start)]
    heading = mentions[0] if len(mentions) == 1 and not figures and end - start - len(mentions[0].words) <= 6 else None
    return facts, heading


def _is_ordinal(text: str, number: re.Match, sentence_start: int) -> bool:
    """The number of a list item heading its sentence ("2.社会保障和就业支出。"), no figure."""
    return (not number.group(2) and text[sentence_start:number.start()] in ("", "(", "（")
            and text[number.end():number.end() + 1] in ".、)）")


def _one_name_each(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names written together are one name: a funding word after a name only qualifies it; any
    other pair is a name the vocabulary does not know, and neither piece is the figure's metric."""
    result: list[Mention] = []
    for mention in mentions:
        previous = result[-1] if result else None
        glue = text[previous.end:mention.start] if previous else None
        if glue not in NAME_GLUE or previous.code or mention.code or not previous.metric:
            result.append(mention)
        elif mention.metric in FUNDING_QUALIFIER_METRICS and not glue:
            if previous.metric in METRIC_UNITS:  # a count is not qualified by its money
                result[-1] = mention
            else:
                previous.end = mention.end
        else:
            result[-1] = Mention("", previous.start, mention.end, text[previous.start:mention.end])
    return result


def _none_statements(paragraph, mentions, doc_kind) -> list[NarrativeFact]:
    facts = []
    for mention in mentions:
        before = paragraph.text[max(0, mention.start - 4):mention.start]
        if mention.metric and NONE_RE.search(before):
            basis = f"{BASIS_ACTUAL if doc_kind == '决算' else BASIS_BUDGET}（{BASIS_STATED_NONE}）"
            lines = paragraph.lines_between(mention.start - 2, mention.end)
            named = _side_named_after(paragraph.text, mention)
            for metric in (named, *_all_parts(named)):
                facts.append(NarrativeFact(metric, Decimal(0), _unit_for(metric, "万元"), basis, lines, "无"))
    return facts


def _side_named_after(text: str, mention: Mention) -> str:
    """A fund named bare, then its 支出 a few words on ("无政府性基金预算财政拨款安排的支出"): its spending."""
    spending = FUND_SPENDING.get(mention.metric)
    if spending and not mention.words.endswith("收入") and SPENDING_AFTER_RE.match(text, mention.end):
        return spending
    return mention.metric


def _all_parts(metric: str) -> list[str]:
    """A total stated as none has none of its parts either ("无三公经费" -> no 公务接待费)."""
    parts = []
    for part in METRIC_PARTS.get(metric, ()):
        parts += [part, *_all_parts(part)]
    return parts


def _reversed_counts(paragraph, mentions, numbers) -> list[NarrativeFact]:
    facts = []
    for number in numbers:
        unit = number.group(2)
        if unit not in ("部", "辆", "台", "人", "名"):
            continue
        follower = next((m for m in mentions if m.start == number.end()), None)
        if follower and METRIC_UNITS.get(follower.metric) == COUNT_UNITS[unit]:
            facts.append(NarrativeFact(follower.metric, parse_amount(number.group(1)), COUNT_UNITS[unit], "数量",
                                       paragraph.lines_between(number.start(), follower.end), number.group(1)))
    return facts


def _forward(paragraph, mentions, numbers, doc_kind, topic, sentence_start, carried=False) -> list[NarrativeFact]:
    text = paragraph.text
    facts: list[NarrativeFact] = []
    taken: set[tuple[str, str]] = set()
    current: Mention | None = topic
    anchor = sentence_start if topic else None  # where the words before the next number start
    chained = carried
    last_basis: str | None = None
    whole: str | None = None  # the basis of the figure a 其中 breaks down, for its parts
    pending = list(mentions)
    for number in numbers:
        if not number.group(2) and DATE_AFTER_RE.match(text, number.end()):
            continue
        while pending and pending[0].end <= number.start():
            mention = pending.pop(0)
            if text[max(0, mention.start - 1):mention.start] in ("占", "比", "较") \
                    or COMPARED_BEFORE_RE.search(text, max(0, mention.start - 8), mention.start):
                continue  # the denominator of a share or the base of a comparison, not a new subject
            current, anchor, chained, last_basis = mention, mention.end, False, None
            if not mention.metric or _is_not_the_figure(text, mention):
                current = None
        if current is None or anchor is None:
            continue
        gap = text[anchor:number.start()]
        basis = _basis(gap, current, doc_kind, chained, last_basis, whole)
        unit = number.group(2) or ""
        if basis == BASIS_CHANGE and unit in ("%", "个百分点"):
            basis = BASIS_CHANGE_RATE
        if basis is None or not _unit_fits(current.metric, unit, basis):
            anchor = number.end()
            if carried and current is topic and unit in FIGURE_UNITS:
                current = None  # "与2019年度相比，收入增加62.54万元，增加10%": not about the last figure
            continue
        value = parse_amount(number.group(1))
        if basis == BASIS_CHANGE or basis == BASIS_CHANGE_RATE:
            value = -value if re.search(r"减少|下降|降低", gap) else value
        key = (current.metric, basis)
        if key not in taken and value is not None:
            taken.add(key)
            fact_unit = "%" if unit in ("%", "个百分点") else _count_unit(current.metric, unit)
            facts.append(NarrativeFact(current.metric, value, fact_unit, basis,
                                       paragraph.lines_between(current.start, number.end()), number.group(1),
                                       item=_item(text, current.start) if _about_a_project(current) else None,
                                       code=current.code))
            flat = FLAT_AFTER_RE.match(text, number.end())
            if flat and basis not in (BASIS_CHANGE, BASIS_CHANGE_RATE) and (current.metric, BASIS_CHANGE) not in taken:
                taken.add((current.metric, BASIS_CHANGE))  # 与2024年预算持平: a change of nothing
                facts.append(NarrativeFact(current.metric, Decimal(0), fact_unit, BASIS_CHANGE,
                                           paragraph.lines_between(current.start, flat.end()), flat.group(1),
                                           code=current.code))
        anchor, chained, last_basis = number.end(), True, basis
        if BREAKDOWN_AFTER_RE.match(text, number.end()) and basis in (BASIS_BUDGET, BASIS_ACTUAL, BASIS_FULL_YEAR):
            whole = basis
        if LIST_ITEM_RE.search(text[max(0, current.start - 3):current.start]):
            current = None  # a list item's figure is given; what follows is about the list's head
    return facts


def _about_a_project(mention: Mention) -> bool:
    """A score or a 全年预算数 of a 绩效自评 summary is a project's; an average score is of them all."""
    return mention.metric == "绩效自评得分" and mention.words != AVERAGE_SCORE or mention.words in PROJECT_FIGURE_WORDS


def _is_not_the_figure(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 3):mention.start]
    if re.search(r"涉及$", before):
        return bool(EVALUATION_RE.search(text[max(0, mention.start - 30):mention.start]))
    clause = text[max(0, mention.start - 30):mention.start]
    return bool(NOT_THE_FIGURE_RE.search(before) or SET_ASIDE_RE.search(clause))


def _basis(gap: str, mention: Mention, doc_kind: str, chained: bool, last: str | None = None,
           whole: str | None = None) -> str | None:
    """Which figure the number is, from the words between the metric (or last number) and it;
    whole: the basis of the figure a 其中 before it breaks down (a part is the same reading)."""
    gap = ASIDE_RE.sub("", gap)
    default = whole or (BASIS_ACTUAL if doc_kind == "决算" else BASIS_BUDGET)
    if "预算" in FUND_NAME_RE.sub("", mention.words):
        default = BASIS_BUDGET
    if mention.metric in STOCK_METRICS:
        default = BASIS_VALUE
    if METRIC_UNITS.get(mention.metric):
        default = "数量" if mention.metric != "绩效自评得分" else AVERAGE_SCORE if mention.words == AVERAGE_SCORE else "得分"
    if BASIS_VALUE in gap:
        return BASIS_VALUE
    if chained and PREVIOUS_RE.match(gap) and not CHANGE_RE.search(gap):
        return BASIS_PREVIOUS
    if chained and last == BASIS_PREVIOUS and CHANGE_RE.fullmatch(gap):
        return BASIS_CHANGE
    if chained:
        if not gap.startswith((",", "，")) or not CHAIN_BASIS_RE.search(gap):
            return None
        gap = gap[1:]
    if CHANGE_RE.search(gap) and len(gap) <= 20 and "原因" not in gap:
        return None if BUDGET_COMPARED_RE.search(gap) else BASIS_CHANGE
    if SHARE_RE.search(gap):
        return BASIS_SHARE
    if EXECUTION_RE.search(gap):
        return BASIS_EXECUTION
    if not _only_connectives(gap):
        return None
    if "决算" in gap or "执行数" in gap:
        return BASIS_ACTUAL
    if "全年预算" in gap:
        return BASIS_FULL_YEAR
    if "预算" in gap:
        return BASIS_BUDGET
    return default


def _qualifies(text: str, mention: Mention) -> bool:
    followers = QUALIFIER_FOLLOWERS.get(mention.words)
    return bool(followers and re.match(followers, text[mention.end:]))


def _only_connectives(gap: str) -> bool:
    gap = YEAR_RE.sub("", gap)
    i = 0
    while i < len(gap):
        for word in GAP_WORDS:
            if gap.startswith(word, i):
                i += len(word)
                break
        else:
            return False
    return len(gap) <= 12


def _unit_fits(metric: str, unit: str, basis: str) -> bool:
    expected = METRIC_UNITS.get(metric)
    if basis in (BASIS_SHARE, BASIS_EXECUTION, BASIS_CHANGE_RATE):
        return unit in ("%", "个百分点")
    if basis == BASIS_CHANGE and unit in ("%", "个百分点"):
        return False
    if basis == BASIS_VALUE or not expected:
        return unit in ("万元", "元", "亿元")
    return COUNT_UNITS.get(unit) == expected or unit in COUNT_UNIT_VARIANTS.get(expected, ())


def _count_unit(metric: str, unit: str) -> str:
    """The unit a fact keeps: the metric's own count unit (车辆 in 辆 even when written 台)."""
    expected = METRIC_UNITS.get(metric)
    if expected and unit in COUNT_UNIT_VARIANTS.get(expected, ()):
        return expected
    return COUNT_UNITS.get(unit, unit)


def _unit_for(metric: str, money: str) -> str:
    return METRIC_UNITS.get(metric, money)


def _item(text: str, before: int) -> str | None:
    """The project a score belongs to: the last quoted-then-项目 name before it."""
    head = text[:before]
    match = None
    for found in re.finditer(r"(\d{4}年)?([\u4e00-\u9fffA-Za-z\d]{2,20}?)项目", head):
        if not PROJECT_COUNT_RE.match(head, found.end()):  # 绩效自评的2024年度项目4个: a count, not a name
            match = found
    return (match.group(0)[:-2] if match else None) or None
