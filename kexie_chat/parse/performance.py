"""绩效 tables -> the target (年度指标值) and the actual (实际完成值) of each indicator (三级指标).

A 绩效目标表 or 绩效自评表 lists indicators with a target and, in a 决算, what was done, often
with a weight (分值) and a score (得分) beside them. The table is found by its header (an indicator
label and a target label), wherever page breaks leave its title, and its columns are read in the
header's order. A row is tab-separated cells, or PDF text: a name wrapped over lines, then a line of
values ("5 5000 本 9300 本 5"). Only numbers become facts: a text target (全年, 显著) says no amount.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..lexicon import (
    BASIS_DONE,
    BASIS_TARGET,
    PERFORMANCE_COLUMN_LABELS,
    PERFORMANCE_DESCRIPTION_LABELS,
    PERFORMANCE_METRIC,
    PERFORMANCE_LEVEL_RE,
    PERFORMANCE_MONEY_WORDS,
    PERFORMANCE_NAME_LABELS,
    PERFORMANCE_SYMBOL_LABELS,
    PERFORMANCE_UNITS,
)
from ..text import clean, fold, parse_amount

UNIT = "|".join(re.escape(u) for u in PERFORMANCE_UNITS)
COMPARATOR = r"[≥≤<>＜＞]=?|不低于|不少于|不高于|不超过|大于|小于|达到|共计|约|累计"
# A cell (or PDF token group) that is a figure: a number, its comparator, its measure word(s).
FIGURE_RE = re.compile(rf"^(?P<cmp>{COMPARATOR})?\s*(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*"
                       rf"(?P<unit>(?:{UNIT})(?:\s*/\s*(?:{UNIT}))?)?$")
# A cell that starts a row's values: a figure, a range (5-10个), a comparison in words (≤各项计划规定时间).
VALUE_START_RE = re.compile(rf"^(?:{COMPARATOR})|^(?!(?:19|20)\d{{2}}\s*年)\d")
YEAR_TOKEN_RE = re.compile(r"^(?:19|20)\d{2}$")
SYMBOL_RE = re.compile(rf"(?:{COMPARATOR}|=|文字描述|定性)")
LEVELS_RE = re.compile(rf"^(?:{PERFORMANCE_LEVEL_RE})+")
UNIT_TOKEN_RE = re.compile(rf"^(?:{UNIT})(?:/(?:{UNIT}))?$")
ENDS_TABLE_RE = re.compile(r"^(?:总分|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
# A table's total as a cell of its own ("总分 100 97": the weight, then the score; "总分:\t99"), never a
# sentence's ("评价总分不得超过70分").
TOTAL_SCORE_RE = re.compile(r"(?:^|\s)总\s*分\s*[:：]?\s+(?P<first>\d+(?:\.\d+)?)(?:\s+(?P<score>\d+(?:\.\d+)?))?\s*$")
RATED_RE = re.compile(r"^(.{2,20}?)绩效")
TITLE_RE = re.compile(r"绩效.{0,8}(?:表|情况)$|^(?:部门整体支出|项目支出)绩效")
NUMBERING_RE = re.compile(r"^(?:\d+|[一二三四五六七八九十]+)[、.．]")
PROJECT_RE = re.compile(r"项目名称\s*(?P<name>.+?)\s*(?:项目负责人|财务负责人|主管部门|实施单位|$)")
WORD_COLUMN = "说明"  # a column of words (偏差原因, 指标值确定依据), never a figure
SCORE_METRIC = "绩效自评得分"
BASIS_TOTAL_SCORE = "总分"
HEADER_SPAN = 7  # a header wraps over at most this many non-empty lines
LOOK_BACK = 60  # lines before a header where its title and project are named


@dataclass
class Columns:
    """A 绩效 table's value columns in order, and whether a description follows each name."""

    values: list[str]
    described: bool
    symbols: bool = False  # a 符号 column: a comparison in a cell of its own, before its value

    def fits(self, count: int) -> bool:
        """Whether a row of `count` values is a row of this table: a column of words (说明) may be blank."""
        words = len(self.values) - len(rstrip(self.values, WORD_COLUMN))
        return len(self.values) - words <= count <= len(self.values)


def rstrip(columns: list[str], column: str) -> list[str]:
    while columns and columns[-1] == column:
        columns = columns[:-1]
    return columns


@dataclass
class IndicatorFact:
    item: str  # the indicator
    basis: str  # BASIS_TARGET or BASIS_DONE
    value: Decimal
    unit: str
    text: str  # as printed (≥90%)
    line: int
    quote: str
    table: str  # the table's title, with the project it rates
    metric: str = PERFORMANCE_METRIC  # or SCORE_METRIC: the table's 总分, its item what it rates


def read_indicators(lines: list[str]) -> list[IndicatorFact]:
    """Every numeric target and actual of the 绩效 tables of a disclosure's lines."""
    facts: list[IndicatorFact] = []
    i, header_end, rows_end = 0, 0, -1
    while i < len(lines):
        header = _header(lines, i)
        if header is None:
            i += 1
            continue
        columns, end = header
        title, project = _table_name(lines, max(header_end, i - LOOK_BACK), i)
        table = f"{title}（{project}）" if project else title
        found, stop = _rows(lines, end, columns, table)
        facts.extend(found)
        total = _total(lines, max(rows_end + 1, i - LOOK_BACK), stop, _rated(title, project), table)
        facts.extend([total] if total else [])
        i, header_end, rows_end = max(stop, i + 1), end, stop
    return facts


# --- the header ------------------------------------------------------------------------------


def _header(lines: list[str], i: int) -> tuple[Columns, int] | None:
    """The value columns in order (分值, 年度指标值, 实际完成值, 得分) and the first line after the header."""
    folded = fold(lines[i])
    if not any(label in folded for label in PERFORMANCE_NAME_LABELS):
        return None
    text, j, taken = folded, i + 1, 1
    while j < len(lines) and taken < HEADER_SPAN:
        following = fold(lines[j])
        if following and (re.search(r"\d", following) or LEVELS_RE.match(following)):
            break
        text += following
        taken += bool(following)
        j += 1
    start = min(text.find(label) for label in PERFORMANCE_NAME_LABELS if label in text)
    columns = Columns(_columns(text[start:]), any(label in text for label in PERFORMANCE_DESCRIPTION_LABELS),
                      any(label in text for label in PERFORMANCE_SYMBOL_LABELS))
    return (columns, j) if BASIS_TARGET in columns.values else None


def _columns(text: str) -> list[str]:
    """The value columns a header names, in its order; a longer label first (实际完成指标值, not 指标值)."""
    labels = sorted(((label, column) for column, names in PERFORMANCE_COLUMN_LABELS.items() for label in names),
                    key=lambda pair: len(pair[0]), reverse=True)
    taken = [False] * len(text)
    found: list[tuple[int, str]] = []
    for label, column in labels:
        for match in re.finditer(re.escape(label), text):
            if not any(taken[match.start():match.end()]):
                taken[match.start():match.end()] = [True] * len(label)
                found.append((match.start(), column))
    return [column for _, column in sorted(found)]


def _table_name(lines: list[str], first: int, header: int) -> tuple[str, str]:
    """The table's title ("项目支出绩效自评表") and the project it rates ("2020年科普活动"), when named."""
    title, project = "", ""
    for line in lines[first:header]:
        cells = clean(line.replace("\t", " "))
        folded = NUMBERING_RE.sub("", fold(cells))
        if folded and len(folded) <= 40 and TITLE_RE.search(folded):
            title, project = folded, ""
        match = PROJECT_RE.search(cells)
        if match and fold(match.group("name")):
            project = fold(match.group("name"))
    return title or "绩效表", project


def _rated(title: str, project: str) -> str:
    """What a 绩效 table rates: its project, or the spending its title names (部门整体支出绩效)."""
    subject = RATED_RE.match(title)
    return project or (subject.group(1) if subject and not subject.group(1).startswith("项目") else "")


def _total(lines: list[str], first: int, last: int, rated: str, table: str) -> IndicatorFact | None:
    """The table's 总分 (总分 100 97: the weight, then the score), of what it rates."""
    for number in range(min(last, len(lines) - 1), first - 1, -1):
        said = TOTAL_SCORE_RE.search(lines[number])
        if said and rated:
            score = said.group("score") or said.group("first")
            quote = clean(lines[number].replace("\t", " "))
            return IndicatorFact(rated, BASIS_TOTAL_SCORE, Decimal(score), "分", score, number + 1, quote, table,
                                 SCORE_METRIC)
    return None


# --- the rows --------------------------------------------------------------------------------


def _rows(lines: list[str], start: int, columns: Columns, table: str) -> tuple[list[IndicatorFact], int]:
    facts: list[IndicatorFact] = []
    pending: list[str] = []  # a PDF row's name, wrapped over the lines before its values
    block: list[tuple[int, str]] = []  # one cell a line (a flattened Word table): a row ends at a blank line
    j = start
    while j < len(lines):
        raw = lines[j].rstrip("\r\n")
        folded = fold(raw)
        if folded and (ENDS_TABLE_RE.match(folded) or any(label in folded for label in PERFORMANCE_NAME_LABELS)
                       or "\t" not in raw.strip() and len(folded) <= 20 and TITLE_RE.search(folded)):
            break
        if raw.startswith("\t") and "\t" not in raw[1:]:
            block.append((j + 1, raw.strip()))
            j += 1
            continue
        if block:
            facts.extend(_row_of_cells(block, columns, table))
            block = []
        if not folded:
            j += 1
            continue
        if "\t" in raw.strip():
            facts.extend(_row_of_cells([(j + 1, cell) for cell in raw.split("\t")], columns, table))
        elif len(folded) > 60:  # a sentence: the table is over
            break
        else:
            pending = _text_row(raw, pending, columns, table, j + 1, facts)
        j += 1
    if block:
        facts.extend(_row_of_cells(block, columns, table))
    return facts, j


def _row_of_cells(numbered: list[tuple[int, str]], columns: Columns, table: str) -> list[IndicatorFact]:
    """A row whose cells are apart (tab-separated, or one a line), each with its line."""
    numbered = [(line, cell.strip()) for line, cell in numbered if cell.strip()]
    if columns.symbols:
        numbered = _with_symbols(numbered)
    cells = [cell for _, cell in numbered]
    first = next((k for k, cell in enumerate(cells) if k and VALUE_START_RE.search(cell)), None)
    if first is None:
        return []
    named = [cell for cell in cells[:first] if _name(cell)]
    if not named:
        return []
    name = _name(named[-2] if columns.described and len(named) > 1 else named[-1])
    return _facts(name, cells[first:], columns.values, table, numbered[first][0], " ".join(cells))


def _with_symbols(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A comparison printed in its own cell joined to the value after it (">=", "18.00" -> "≥18.00")."""
    joined: list[tuple[int, str]] = []
    for line, cell in numbered:
        if joined and SYMBOL_RE.fullmatch(joined[-1][1]):
            joined[-1] = (line, joined[-1][1] + cell)
        else:
            joined.append((line, cell))
    return joined


def _text_row(raw: str, pending: list[str], columns: Columns, table: str, line: int,
              facts: list[IndicatorFact]) -> list[str]:
    """Read a PDF line: values (with the name before them, on this line or the pending ones) or more name."""
    tokens = _tokens(raw.split())
    first = next((k for k, token in enumerate(tokens) if VALUE_START_RE.search(token)), None)
    if first is None or not columns.fits(len(tokens) - first):
        # not a row of this table: name text (包头市 2020 / 年“全国…”), or values out of shape (reset)
        return [*pending, raw] if first != 0 else []
    named = [token for token in tokens[:first] if _name(token)]
    wrapped = _name("".join(fold(part) for part in pending))
    if columns.described and named:  # 举办培训次数 | 举办培训次数（its description）; the lines before
        wrapped, named = "", named[:1]  # are the last row's words (指标值确定依据) run over
    name = _name(wrapped + "".join(fold(part) for part in named))
    quote = f"{name} {clean(raw)}".strip() if first == 0 else clean(raw)
    facts.extend(_facts(name, tokens[first:], columns.values, table, line, quote))
    return []


def _tokens(words: list[str]) -> list[str]:
    """PDF words with a measure word printed apart joined to its number ("40", "个" -> "40 个")."""
    tokens: list[str] = []
    for word in words:
        if tokens and YEAR_TOKEN_RE.match(tokens[-1]) and word.startswith("年"):  # 2020 年“全国: a name
            tokens[-1] += word
        elif tokens and UNIT_TOKEN_RE.match(word) and FIGURE_RE.match(tokens[-1]) \
                and not FIGURE_RE.match(tokens[-1]).group("unit"):
            tokens[-1] = f"{tokens[-1]} {word}"
        else:
            tokens.append(word)
    return tokens


def _name(text: str) -> str:
    folded = fold(text)
    while True:
        stripped = LEVELS_RE.sub("", folded)
        if stripped == folded:
            return folded
        folded = stripped


def _unit_in_words(number: str, words: list[str]) -> str:
    """The unit a row's own words give a bare number (">=4.00" beside "学术活动场次4场以上": 场)."""
    amount = parse_amount(number)
    if amount is None:
        return ""
    plain = format(amount.normalize(), "f")
    for cell in words:
        if cell.strip() in PERFORMANCE_UNITS:  # a unit column (人次)
            return cell.strip()
        found = re.search(rf"(?<![\d.]){re.escape(plain)}(?:\.0+)?\s*({UNIT})", cell)
        if found:
            return found.group(1)
    return ""


def _facts(name: str, values: list[str], columns: list[str], table: str, line: int,
           quote: str) -> list[IndicatorFact]:
    """The row's target and actual, each a figure; none when the values do not fit the columns."""
    if not name or len(values) > len(columns):
        return []
    short = len(values) < len(rstrip(columns, WORD_COLUMN))  # trailing cells left blank: only a figure
    # with a unit or a comparison is trusted
    facts = []
    for at, (column, value) in enumerate(zip(columns, values)):
        figure = FIGURE_RE.match(value)
        if column not in (BASIS_TARGET, BASIS_DONE) or not figure:
            continue
        unit = re.sub(r"\s+", "", figure.group("unit") or "") or _unit_in_words(figure.group("num"), values[at + 1:])
        if short and not unit and not figure.group("cmp"):
            continue
        if unit == "万" and any(word in name for word in PERFORMANCE_MONEY_WORDS):
            unit = "万元"
        amount = parse_amount(figure.group("num"))
        printed = re.sub(r"\s+", "", value)
        if amount is not None:
            facts.append(IndicatorFact(name, column, amount, unit, printed, line, quote, table))
    return facts
