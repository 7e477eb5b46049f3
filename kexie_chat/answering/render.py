"""Reply -> Answer: the one place that writes the sentences of answers (the CLI, the app and
--json all read the text written here). Each kind of statement a handler can make has one
function below (SENTENCES); the layout is: how mistyped names were read, the statements in
order, the audit's notes on the figures, and the source line last.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..intent import Query
from ..match import is_question_column
from ..lexicon import BASIS_CHANGE, BASIS_PROCUREMENT_PROJECT
from ..models import Answer, Fact, Headline
from ..orgs import bare_place, body_forms, is_kexie, short_place, split_org
from ..render import amount, basis_note, cite, figure, label, place, table, wan
from ..text import format_amount
from .figures import BASIS_COMPUTED
from .reply import Reply, Said

if TYPE_CHECKING:
    from ..check import Finding

BLANK_CELL = "表内空白"  # how the reader notes a cell the table leaves empty (表内空白，记为0)
VERDICT_WORDS = {"true": "属实", "false": "不属实", "partly": "部分属实"}
KIND_NAMES = {"money": "金额", "count": "数量", "percent": "百分比"}
ORGS_SHOWN = 12  # orgs named when the one asked about is not in the collection
ROWS_SHOWN = 30  # rows of a comparison the text shows; Answer.facts keeps every org


def render(question: str, reply: Reply, query: Query | None = None, findings: Sequence["Finding"] = ()) -> Answer:
    """The Answer of a reply. `query`: to say how mistyped names in it were read; `findings`: the
    audit's findings about its figures, one of which is said beside them (before the source)."""
    body = "".join(words(s) for s in reply.said)
    if reply.status == "answered" and query is not None:
        body = typos_read(query) + body
    source = words(reply.source) if reply.source is not None else ""
    note = finding_note(reply.facts, findings, body + source)
    if note is None:
        text = body + source
    elif source:
        text = body + f"（{note}）" + source.rstrip()
    else:
        text = body.rstrip() + f"（{note}）"
    return Answer(question=question, status=reply.status, intent=reply.operation, text=text,
                  facts=list(reply.facts), passages=list(reply.passages), suggestions=list(reply.suggestions),
                  verdict=reply.verdict, headline=headline_of(reply))


def headline_of(reply: Reply) -> Headline | None:
    """The figure an answer leads with: a comparison's difference, a ranking's first, a claim's verdict,
    else the first fact (with its org, year and kind of document)."""
    if reply.status != "answered" or not reply.facts:
        return None
    lead = next((s for s in reply.said if s.kind in ("pair", "two_metrics", "rank_top")), None)
    if reply.verdict is not None:
        return Headline(figure=VERDICT_WORDS[reply.verdict], about=f"{_lead(reply.facts[0])} · {_about(reply.facts[0])}")
    if lead is not None and lead.kind == "rank_top":
        top = lead.facts[0]
        return Headline(figure=figure(top), about=f"{lead.metric}{'最低' if lead.ascending else '最高'} · {_about(top)}")
    if lead is not None:
        first, second = lead.facts[:2]
        a, b = (wan(first), wan(second)) if first.is_money and second.is_money else (first.value, second.value)
        unit = "万元" if first.is_money else first.unit
        names = (short(first.org), short(second.org)) if lead.kind == "pair" else (first.metric, second.metric)
        what = lead.metric if lead.kind == "pair" else _about(first)
        if a == b:
            return Headline(figure=wan_figure(first), about=f"{names[0]}与{names[1]}相同 · {what}")
        return Headline(figure=f"{format_amount(abs(a - b))}{unit}",
                        about=f"{names[0]}比{names[1]}{'多' if a > b else '少'} · {what}（计算得出）")
    fact = reply.facts[0]
    return Headline(figure=_lead(fact), about=_about(fact))


def _lead(fact: Fact) -> str:
    """A figure as a headline says it: a change from the year before with its direction (减少 0.33万元)."""
    if fact.value is not None and fact.value < 0 and (fact.basis or "").startswith((BASIS_CHANGE, BASIS_COMPUTED)):
        return f"减少 {figure(fact.model_copy(update={'value': -fact.value}))}"
    if fact.value is not None and (fact.basis or "").startswith(BASIS_CHANGE) and fact.value > 0:
        return f"增加 {figure(fact)}"
    return figure(fact)


def _about(fact: Fact) -> str:
    """'秦皇岛市科学技术协会 · 2022年 · 部门预算'."""
    return f"{fact.org} · {fact.year}年 · {label(fact)[len(fact.org) + 5:]}"


def words(said: Said) -> str:
    return SENTENCES[said.kind](said)


# --- small pieces ---------------------------------------------------------------------------------


def short(org: str) -> str:
    return org.removesuffix("科学技术协会")


def table_names(orgs: Sequence[str]) -> dict[str, str]:
    """The shortest name of each org of a table (武汉市江汉区科学技术协会 -> 江汉; 普陀区商务委员会 ->
    普陀商务委), so that a comparison fits 80 columns; the longer name where two rows would share one."""
    def shortest(org: str) -> str:
        name = split_org(org)
        place = bare_place(short_place(name.place)) if name.place else ""
        return place if place and is_kexie(org) else place + body_forms(name.body)[-1]
    names = {org: shortest(org) for org in orgs}
    shared = {name for name in names.values() if list(names.values()).count(name) > 1}
    return {org: short(org) if name in shared else name for org, name in names.items()}


def wan_figure(fact: Fact) -> str:
    value = wan(fact)
    return f"{value}万元" if value is not None and fact.unit != "万元" else figure(fact)


def line(fact: Fact) -> str:
    return f"第{fact.source.line}行"


def typos_read(query: Query) -> str:
    """How a mistyped name was read ("秦皇鸟" as 秦皇岛…), so a wrong reading is seen at once."""
    typos = [f for f in (*query.orgs, *query.metrics) if f.how == "typo"]
    read = "，".join(f"“{query.folded[f.start:f.end]}”按“{f.value}”理解" for f in typos)
    return f"（{read}）" if read else ""


def reading_label(fact: Fact, by_table: bool = False) -> str:
    """How a reading is told apart: its code's classification, its project, its table (by_table:
    the figure shown has the same code, so only the table tells them apart)."""
    if fact.item and fact.basis == BASIS_PROCUREMENT_PROJECT:
        return f"政府采购项目“{fact.item}”（{fact.basis}）"
    if fact.item:
        return f"项目“{fact.item}”"
    if fact.code and not by_table:
        kind = "经济分类" if fact.code.startswith("3") else "功能分类"
        return f"{fact.metric}（{kind}{fact.code}）"
    name = (fact.table or "").split("\t")[0].strip()
    told = (fact.basis or "").partition("（")[2].removesuffix("）")
    if told.startswith(("全年", "调整")):  # the 全年 (调整) budget of a row beside its 年初 budget
        return f"{fact.metric}（{told}）"
    return f"{fact.metric}（{name[:24] or fact.basis or '正文'}）"


# --- one figure -----------------------------------------------------------------------------------


def _figure(s: Said) -> str:
    fact = s.facts[0]
    code = f"（{fact.code}）" if fact.code else ""
    item = f"“{fact.item}”" if fact.item else ""
    column, note = _cell(fact)
    return f"{label(fact)}：{item}{fact.metric}{code}{column} {_cell_figure(fact)}{note}。"


def _cell(fact: Fact) -> tuple[str, str]:
    """The column a figure is in when it is not the row's own ("的事业收入"), and the note left of its
    basis: 科学技术支出（206）的事业收入 0元（表内空白，记为0）, not …（事业收入（表内空白，记为0））."""
    basis = fact.basis or ""
    column, _, note = basis.partition("（")
    if fact.item or not is_question_column(column):
        return "", basis_note(fact)
    return f"的{column}", f"（{note.removesuffix('）')}）" if note else ""


def _cell_figure(fact: Fact) -> str:
    """A blank cell is 0 as the table leaves it, said plainly (no 万元 conversion of a 0元)."""
    if BLANK_CELL in (fact.basis or "") and fact.value is not None and not fact.value:
        return f"0{fact.unit}"
    return figure(fact)


def _paired(s: Said) -> str:
    """The other column of a 绩效 row (年度指标值 beside 实际完成值), named by its column."""
    return "；".join(f"{f.basis} {figure(f)}" for f in s.facts) + "（同一行）。"


def _parts(s: Said) -> str:
    return "其中：" + "，".join(f"{p.metric} {figure(p)}" for p in s.facts) + "。"


def _others(s: Said) -> str:
    return "注意：文件另一处写作" + "；".join(f"{figure(o)}（{_table_and_line(o)}）" for o in s.facts) + "。"


def _table_and_line(fact: Fact) -> str:
    """Where another printing is: its table, when a table (206's 基本支出 of all funds in 表3, of
    一般公共预算财政拨款 in 表5 are two figures, told apart by their tables), and its line."""
    table = (fact.table or "").split("\t")[0].strip()
    return f"{table[:24]}，{line(fact)}" if table and table != "正文" else line(fact)


def _readings(s: Said) -> str:
    shown = s.slots.get("shown")
    return "同一名称的其他口径：" + "；".join(
        f"{_with_column(reading_label(r, by_table=shown is not None and r.code == shown.code), r, shown)} "
        f"{figure(r)}（{line(r)}）" for r in s.facts) + "。"


def _with_column(label: str, reading: Fact, shown: Fact | None) -> str:
    """A reading in another column than the figure shown says which (its 预算数 beside the 决算数
    shown): the same name in the same table is otherwise two figures nobody can tell apart."""
    column = (reading.basis or "").partition("（")[0]
    if shown is None or not column or column == (shown.basis or "").partition("（")[0] or column in label:
        return label
    return f"{label[:-1]}，{column}）" if label.endswith("）") else f"{label}（{column}）"


def _other_scope(s: Said) -> str:
    other = s.doc
    return f"\n（另有{other.title}：问题里说“{other.scope}{other.doc_kind}”即按那份回答。）"


def _year_changed(s: Said) -> str:
    return f"（{s.org}没有{s.asked}年的数据，以下为{s.used}年）"


def _source(s: Said) -> str:
    return f"\n来源：{cite(s.facts[0])}"


def _source_line(s: Said) -> str:
    return f"\n来源：{s.doc} 第{s.line}行"


# --- what is missing ------------------------------------------------------------------------------


def _empty_question(s: Said) -> str:
    return "请输入一个问题" + (f"，例如：{s.example}是多少？" if s.example else "。")


def _not_understood(s: Said) -> str:
    return "没有读懂这个问题。请用中文提问" + (f"，例如：{s.example}。" if s.example else "。")


def _unknown_place(s: Said) -> str:
    shown = "、".join(s.orgs[:ORGS_SHOWN]) + (f"等 {len(s.orgs)} 个" if len(s.orgs) > ORGS_SHOWN else "")
    return f"语料中没有“{s.place}”的公开文件。现有单位：{shown}。"


def _shared_name(s: Said) -> str:
    return f"“{s.name}”是{len(s.orgs)}个单位的名称：{'、'.join(s.orgs)}。请说明是哪一个。"


def _no_year(s: Said) -> str:
    years = "、".join(f"{d.year}年（{d.scope}{d.doc_kind}）" for d in s.docs)
    asked = "、".join(str(y) for y in s.years) or (f"{s.year_end}年末（资产）所在" if s.year_end else "")
    return f"没有{s.org}{asked}年的公开文件。现有：{years}。"


def _doc_name(s: Said) -> str:
    doc = s.doc
    return f"{doc.org}{doc.year}年{doc.scope}{doc.doc_kind}"


def _previous_told(s: Said) -> str:
    fact, doc = s.facts[0], s.doc
    return (f"没有{doc.org}{s.year}年的公开文件；{doc.year}年{doc.scope}{doc.doc_kind}写明上年（{s.year}年）"
            f"{doc.doc_kind}的{fact.metric} {figure(fact)}（{line(fact)}）。")


def _previous_computed(s: Said) -> str:
    before, level, change = s.facts
    return (f"没有{s.doc.org}{s.year}年的公开文件。按{s.doc.year}年{s.doc.scope}{s.doc.doc_kind}：本年{level.metric} "
            f"{figure(level)}（{line(level)}）− 较上年增减 {figure(change)}（{line(change)}），计算得出{s.year}年"
            f"{s.doc.doc_kind}的{level.metric}为 {figure(before)}。")


def _no_previous(s: Said) -> str:
    return f"{_doc_name(s)}没有写“{s.metric}”的上年数，只有本年的。"


MAX_CHANGES_TOLD = 6  # a 决算 may state a change for every item; the first few say enough
ASKED_OF = {"figure": "{metric}", "share": "{metric}占{of}比例", "change": "{metric}的增减变化",
            "column": "{metric}的{of}"}


def _no_metric(s: Said) -> str:
    asked = ASKED_OF[s.asked].format(metric=s.metric, of=s.of or "")
    return f"{_doc_name(s)}中没有找到“{asked}”。这份文件有：" + "、".join(s.have) + "。"


def _no_change(s: Said) -> str:
    told = "、".join(f"{f.metric}{_change_words(f)}（第{f.source.line}行）" for f in s.facts[:MAX_CHANGES_TOLD])
    more = f"等{len(s.facts)}项" if len(s.facts) > MAX_CHANGES_TOLD else ""
    return f"{_doc_name(s)}中没有找到“{s.metric}”比上年的增减变化。文件写了增减变化的有：{told}{more}。"


def _change_words(fact) -> str:
    if not fact.value:
        return "与上年持平"
    return f"较上年{'增加' if fact.value > 0 else '减少'} {format_amount(abs(fact.value))}{fact.unit}"


def _no_share_whole(s: Said) -> str:
    return (f"{_doc_name(s)}没有写“{s.metric}”的占比。要计算占比，请说明占哪个数，"
            f"例如：{s.metric}占{s.wholes[0]}的比例。")


def _no_kind(s: Said) -> str:
    have = "、".join(KIND_NAMES[k] for k in s.have)
    return f"{_doc_name(s)}没有“{s.metric}”的{KIND_NAMES[s.asked_kind]}，只有它的{have}。"


def _no_side(s: Said) -> str:
    other = "预算" if s.side == "决算" else "决算"
    return (f"{_doc_name(s)}没有“{s.metric}”的{s.side}数，只有{other}数。"
            f"要看{other}数，请问：{short(s.doc.org)}{s.doc.year}年{s.metric}{other}数。")


def _nothing_across(s: Said) -> str:
    return f"各单位的文件中都没有找到“{s.metric}”。"


# --- text, catalog, definitions, contacts ---------------------------------------------------------


def _nothing_found(s: Said) -> str:
    return "在公开文件中没有找到相关内容。"


def _passages(s: Said) -> str:
    lines = "\n".join(f"· {p.doc} 第{p.line}行：{p.text[:80]}" for p in s.passages[:5])
    return f"找到 {len(s.passages)} 处相关内容：\n{lines}"


def _told_in_sentence(s: Said) -> str:
    fact, doc = s.facts[0], s.doc
    stage = (fact.basis or "").partition("：")[2]  # 实际完成 or 预期目标, when the passage says which
    return (f"{doc.org}{doc.year}年部门{doc.doc_kind}：{fact.metric} {format_amount(fact.value)}{fact.unit}"
            f"（{stage + '，' if stage else ''}文字表述：“…{s.near}…”）。")


def _told_elsewhere(s: Said) -> str:
    told = "；".join(f"{format_amount(f.value)}{f.unit}（{(f.basis or '').partition('：')[2] or '文字表述'}，{line(f)}）"
                    for f in s.facts)
    return f"文件另一处写作{told}。"


def _catalog(s: Said) -> str:
    rows = [["单位", "年度", "类别", "单位（金额）", "文件"]]
    rows += [[d.org, f"{d.year}年", f"{d.scope}{d.doc_kind}", d.unit, d.doc] for d in s.docs]
    if s.org:
        years = "、".join(f"{d.year}年{d.scope}{d.doc_kind}" for d in s.docs)
        return f"{s.org}有：{years}。可以问：" + "、".join(s.metrics[:10]) + " 等。\n" + table(rows)
    return f"共有 {len(s.docs)} 份公开文件：\n" + table(rows)


def _definition(s: Said) -> str:
    first, also = s.definitions[0], s.definitions[1:4]
    others = "；".join(f"{d.org}（{d.doc} 第{d.line}行）" for d in also)
    return f"{first.text}\n来源：{first.org}，{first.doc} 第{first.line}行。" + (f"\n其他文件也有解释：{others}。" if others else "")


def _defined_in_sentence(s: Said) -> str:
    return f"{s.excerpt}\n来源：{s.doc} 第{s.line}行。"


def _no_definition(s: Said) -> str:
    return f"各文件的名词解释里没有“{s.term}”。有解释的名词：" + "、".join(s.terms[:15]) + "。"


def _which_org_phone(s: Said) -> str:
    return "要查哪个单位的联系电话？"


def _no_phone(s: Said) -> str:
    return f"{s.org}的公开文件里没有联系电话。"


def _phones(s: Said) -> str:
    return f"{s.org}联系电话：{'、'.join(s.numbers)}。"


# --- comparisons and rankings ---------------------------------------------------------------------


def _which_metric(s: Said) -> str:
    if s.operation == "rank":
        return "要按哪一项排序？例如：三公经费最高的是哪个单位。"
    return f"要比较哪一项？例如：比较{s.orgs}的三公经费。"


def _rank_top(s: Said) -> str:
    top = s.facts[0]
    return f"“{s.metric}”{'最低' if s.ascending else '最高'}的是{top.org}（{top.year}年部门{top.doc_kind}，{figure(top)}）。\n"


def _pair(s: Said) -> str:
    """The headline of a comparison: both figures, how much more and how many times (计算得出)."""
    first, second = s.facts[:2]
    a, b = (wan(first), wan(second)) if first.is_money and second.is_money else (first.value, second.value)
    unit = "万元" if first.is_money else first.unit
    name_a, name_b = short(first.org), short(second.org)
    both = f"“{s.metric}”：{name_a} {wan_figure(first)}（{first.year}年{s.sides[0]}），" \
           f"{name_b} {wan_figure(second)}（{second.year}年{s.sides[1]}）。"
    if a == b:
        return both + "两者相同。\n"
    told = f"{name_a}比{name_b}{'多' if a > b else '少'} {format_amount(abs(a - b))}{unit}"
    told += f"，是{name_b}的 {s.times.value} 倍" if s.times is not None else ""
    return both + told + "（计算得出）。\n"


def _next_disclosure(s: Said) -> str:
    return "\n"


def _thing_not_apart(s: Said) -> str:
    """科技馆运行经费 where the document has only the org's 机关运行经费: said before that figure."""
    return f"文件没有单列“{s.thing}”的数，下面是全单位的{s.metric}：\n"


def _compared_with_all(s: Said) -> str:
    return (f"问题只说了{short(s.org)}一个单位：下面是各单位的“{s.metric}”，{short(s.org)}在第一行。"
            f"要和某一个单位相比，请说出它，例如“比较{short(s.org)}和某单位的{s.metric}”。\n")


def _across_table(s: Said) -> str:
    head = "从高到低" if s.operation == "rank" else "对比"
    names = table_names([f.org for f in s.facts[:ROWS_SHOWN]])
    rows = [["单位", "年度", "类别", s.metric, "来源"]]
    rows += [[names[f.org], f"{f.year}年", side, wan_figure(f), f"{names[f.org]}·{f.source.line}行"]
             for f, side in zip(s.facts[:ROWS_SHOWN], s.sides)]
    hidden = len(s.facts) - ROWS_SHOWN
    more = f"\n（共 {len(s.facts)} 个单位，以上是前 {ROWS_SHOWN} 个；其余 {hidden} 个见 --json 或应用的数据表。）" \
        if hidden > 0 else ""
    tail = f"\n（{('、'.join(s.missing))}的文件没有这个数。）" if s.missing else ""
    return f"“{s.metric}”{head}（各单位年度与预算/决算不同，请注意）：\n" + table(rows) + more + tail


def _two_metrics(s: Said) -> str:
    first, second, difference = s.facts[:3]
    more = "多" if difference.value >= 0 else "少"
    return (f"{label(first)}：{first.metric} {figure(first)}（{line(first)}），{second.metric} "
            f"{figure(second)}（{line(second)}）。{first.metric}比{second.metric}{more} "
            f"{format_amount(abs(difference.value))}万元" + (f"，是它的 {s.times.value} 倍" if s.times else "")
            + "（计算得出）。")


# --- computed from two figures --------------------------------------------------------------------


def _each(s: Said) -> str:
    told = "，".join(f"{f.metric} {figure(f)}{basis_note(f)}（{line(f)}）" for f in s.facts)
    absent = f"文件没有写{'、'.join(s.absent)}。" if s.absent else ""
    return f"{label(s.facts[0])}：{told}。{absent}"


def _sum(s: Said) -> str:
    total, stated = s.total, s.stated
    told = "，".join(f"{f.metric} {figure(f)}（{line(f)}）" for f in s.facts)
    units = {f.unit for f in s.facts}
    in_unit = f"{format_amount(sum(f.value for f in s.facts))}{units.pop()}（{format_amount(total.value)}万元）" \
        if len(units) == 1 and "万元" not in units else f"{format_amount(total.value)}万元"
    text = f"{label(s.facts[0])}：{told}，加起来 {in_unit}（计算得出）。"
    if stated is not None:
        same = format_amount(wan(stated)) == format_amount(total.value)
        text += f"文件所述{stated.metric} {figure(stated)}（{line(stated)}），{'与之相符' if same else '与相加的结果不同'}。"
    return text


def _stated_share(s: Said) -> str:
    return f"{label(s.facts[0])}：{s.metric}占比 {figure(s.facts[0])}（文件所述）。"


def _computed_share(s: Said) -> str:
    part, base, share = s.facts
    opening = "按" if s.after_stated else label(part) + "：按"
    return (f"{opening}{s.metric} {figure(part)}（{line(part)}）÷ {s.base_metric} {figure(base)}（{line(base)}）"
            f"计算得出：{s.metric}占{s.base_metric}的 {figure(share)}。")


def _shares_disagree(s: Said) -> str:
    return f"两者不一致：文件所述的占比可能是占另一个总数的比例，请以{line(s.facts[0])}的原文为准。"


def _no_rate(s: Said) -> str:
    why = "这是预算文件，没有执行数" if s.doc.doc_kind == "预算" else "文件没有写它的执行率，也没有同时写预算数和决算数"
    return f"{label(s.facts[0]) if s.facts else s.doc.org}：“{s.metric}”{why}。"


def _stated_rate(s: Said) -> str:
    return f"{label(s.facts[0])}：{s.metric}完成预算的 {figure(s.facts[0])}（文件所述）。"


def _computed_rate(s: Said) -> str:
    actual, budget, rate = s.facts
    opening = "" if s.after_stated else label(actual) + "："
    return (f"{opening}决算数 {figure(actual)}（{line(actual)}）÷ 预算数 {figure(budget)}（{line(budget)}）"
            f"计算得出执行率 {figure(rate)}。")


def _rates_disagree(s: Said) -> str:
    return "文件所述的执行率与按两数计算的不一致，两者都列出。"


def _stated_change(s: Said) -> str:
    amount, rate, level = s.amount, s.rate, s.level
    if not amount.value:
        told = f"{label(amount)}：{s.metric}与上年持平"
    else:
        told = f"{label(amount)}：{s.metric}较上年{'增加' if amount.value > 0 else '减少'} {abs(amount.value)}{amount.unit}"
        told += f"（{abs(rate.value)}%）" if rate and rate is not amount else ""
    told += f"，本年为 {figure(level)}" if level else ""
    return told + "（文件所述）。"


def _computed_change(s: Said) -> str:
    level, previous, difference = s.facts[:3]
    rate = s.rate
    return (f"{label(level)}：{s.metric}本年 {figure(level)}（{line(level)}），上年 {figure(previous)}"
            f"（{line(previous)}），计算得出较上年{'增加' if difference.value >= 0 else '减少'} "
            f"{format_amount(abs(difference.value))}万元" + (f"（{format_amount(abs(rate.value))}%）" if rate else "")
            + "。")


def _no_budget_to_compare(s: Said) -> str:
    return f"文件没有写“{s.metric}”的预算数和决算数两栏，无从比较；文件写的是：\n"


def _budget_vs_actual(s: Said) -> str:
    budget, actual, execution = s.budget, s.actual, s.execution
    told = []
    if budget:
        told.append(f"预算数 {figure(budget)}（{line(budget)}）")
    if actual:
        told.append(f"决算数（实际支出）{figure(actual)}（{line(actual)}）")
    if execution:
        told.append(f"完成预算的 {figure(execution)}")
    if s.difference is not None and not s.difference.value:
        told.append("决算与预算相同")
    elif s.difference is not None:
        more = "多" if s.difference.value > 0 else "少"
        told.append(f"决算比预算{more} {format_amount(abs(s.difference.value))}万元（计算得出）")
    if s.budget_doc and not actual:
        told.append("这是预算文件，没有实际支出数")
    elif not budget:
        told.append("文件没有写它的预算数，无从比较")
    first = actual or budget
    named = f"“{first.item}”{s.metric}" if first.item else s.metric
    return f"{label(first)}：{named} " + "；".join(told) + "。"


def _breakdown(s: Said) -> str:
    parts = s.facts[1:] if s.total else s.facts
    total = s.facts[0] if s.total else None
    rows = [["项目", "数额", "来源"]] + [[p.item or p.metric, figure(p), line(p)] for p in parts]
    head = _figure(Said("figure", (total,))) + "构成如下：" if total else \
        f"{label(parts[0])}：{s.metric}逐项列出如下（文件没有写合计数）："
    return head + ("\n" + table(rows) if parts else "文件没有列出它的构成。") + _unequal_sum(total, parts)


def _unequal_sum(total: Fact | None, parts: tuple[Fact, ...]) -> str:
    """Say so when the lines listed do not add up to the total (they may be only some of it)."""
    if not total or not parts or any(p.unit != total.unit or p.value is None for p in parts):
        return ""
    listed = sum(p.value for p in parts)
    if listed == total.value:
        return ""
    return (f"\n（以上逐项列出的合计 {listed}{total.unit}，与总数 {figure(total)} 相差 "
            f"{total.value - listed}{total.unit}：文件没有列出全部构成，或前后数字不一致。）")


# --- claims ---------------------------------------------------------------------------------------


def _what_to_verify(s: Said) -> str:
    return "要核实哪个数？请说出单位、年度、项目和数额" + (f"，例如：核实：{s.example}。" if s.example else "。")


def _nothing_to_verify(s: Said) -> str:
    return "问题里没有要核实的数额，文件所载如下。\n"


def _verdict(s: Said) -> str:
    return f"{VERDICT_WORDS[s.verdict]}。" + ("\n" if s.alone else "")


def _judgements(s: Said) -> str:
    return "；".join(words(j) for j in s.judgements) + "。\n"


def _as_answered(s: Said) -> str:
    """A statement that is another reply as a whole (what is missing to judge a claim)."""
    reply = s.reply
    return "".join(words(x) for x in reply.said) + (words(reply.source) if reply.source else "")


def _claim_amount(s: Said) -> str:
    fact = s.facts[0]
    told = f"{s.metric}：文件写的是 {figure(fact)}{basis_note(fact)}（{line(fact)}）"
    claimed = f"{s.value}{s.unit}"
    return told + {
        None: "",
        "above": f"，确实超过 {claimed}", "not_above": f"，并未超过 {claimed}",
        "below": f"，确实低于 {claimed}", "not_below": f"，并未低于 {claimed}",
        "budget_not_spent": "，这是预算数，不是实际支出", "agrees": "，与所说一致",
        "rounded": f"，说成 {claimed} 只是约数", "differs": f"，不是 {claimed}",
    }[s.outcome]


def _claim_exists(s: Said) -> str:
    return f"文件写的{s.metric}是 {figure(s.facts[0])}（{line(s.facts[0])}）"


def _claim_not_written(s: Said) -> str:
    return {"figure": f"文件没有写{s.metric}", "change": f"文件没有写{s.metric}比上年的增减",
            "both_sides": f"文件没有同时写{s.metric}的预算数和决算数"}[s.what]


CHANGE_WORDS = {"up": "增加", "down": "减少", "flat": "持平"}


def _claim_change(s: Said) -> str:
    amount, rate, told = s.amount, s.rate, s.amount or s.rate
    if amount is not None and not amount.value:
        said = f"{s.metric}与上年持平"
    else:
        said = f"{s.metric}比上年{CHANGE_WORDS[s.actual]}"
        said += f" {format_amount(abs(amount.value))}{amount.unit}" if amount else ""
        said += f"（{format_amount(abs(rate.value))}%）" if rate else ""
    said += f"（{line(told)}）"
    return said + {None: "", "direction": f"，不是{CHANGE_WORDS.get(s.claimed_direction, '')}",
                   "no_such_change": "，文件没有写所说的那种增减数",
                   "amount": f"：方向对，数额不是 {s.value}{s.unit}"}[s.outcome]


def _claim_overspent(s: Said) -> str:
    actual, budget = s.facts
    return (f"{s.metric}决算数 {figure(actual)}（{line(actual)}）{'高于' if s.over else '没有超过'}"
            f"预算数 {figure(budget)}（{line(budget)}）")


# --- what the audit found about a figure -------------------------------------------------------------


def finding_note(facts: Sequence[Fact], findings: Sequence["Finding"], text: str) -> str | None:
    """One short clause for the first of the leading figures that is part of a finding (not a 尾差):
    the other figure and its line, unless the text already names that line."""
    for number, fact in enumerate(facts[:3]):
        for finding in (f for f in findings if f.severity != "rounding"):
            note = _finding_words(fact, finding, lead=number == 0)
            if note and not _already_said(text, fact, finding):
                return note
    return None


def _already_said(text: str, fact: Fact, finding: "Finding") -> bool:
    """The answer itself already names the other figure of the finding, with its line."""
    others = [f for f in finding.facts if not _same_fact(fact, f)]
    return finding.kind == "same_figure" and bool(others) and f"第{others[0].source.line}行" in text


def _same_fact(a: Fact, b: Fact) -> bool:
    return (a.source.doc, a.source.line, a.metric, a.code, a.value) == (b.source.doc, b.source.line, b.metric, b.code,
                                                                         b.value)


def _finding_words(fact: Fact, finding: "Finding", lead: bool = True) -> str | None:
    if fact.value is None or not any(_same_fact(fact, f) for f in finding.facts):
        return None
    others = [f for f in finding.facts if not _same_fact(fact, f)]
    if finding.kind == "code_name" and others:
        return f"注意：编码{fact.code}在{place(others[0])}名为“{others[0].metric}”"
    if finding.kind == "same_figure" and others:
        other = others[0]
        if lead and other.metric == fact.metric:
            return f"注意：{fact.metric}在{place(other)}写作{amount(other.value, other.unit)}，两处不一致"
        # a figure other than the answer's first, or named otherwise there: each by its own place
        return (f"注意：{place(fact)}的{fact.metric} {amount(fact.value, fact.unit)}，{place(other)}的{other.metric}"
                f"写作{amount(other.value, other.unit)}，两处不一致")
    if finding.expected is None or finding.difference is None:
        return None
    unit, total = finding.unit, finding.facts[0]
    if finding.kind == "rate":  # the stated percent against the one its amounts give
        return (f"注意：{place(total)}写{total.metric}增减{amount(finding.stated, unit)}，"
                f"按所列金额算得{amount(finding.expected, unit)}，两者不符")
    if _same_fact(fact, total):
        return (f"注意：{fact.metric}的各分项（第{_lines(finding.facts[1:])}行）相加为{amount(finding.expected, unit)}，"
                f"与所列{amount(finding.stated, unit)}相差{amount(abs(finding.difference), unit)}")
    return (f"注意：{fact.metric}所属的{total.metric}（{place(total)}）为{amount(finding.stated, unit)}，"
            f"而各分项相加为{amount(finding.expected, unit)}")


def _lines(facts: Sequence[Fact]) -> str:
    lines = sorted({f.source.line for f in facts})
    return "、".join(map(str, lines)) if len(lines) <= 3 else f"{lines[0]}–{lines[-1]}"


# Every kind of statement a handler can make -> the function that words it.
SENTENCES: dict[str, Callable[[Said], str]] = {
    "figure": _figure, "paired": _paired, "parts": _parts, "others": _others, "readings": _readings, "other_scope": _other_scope,
    "year_changed": _year_changed, "source": _source, "source_line": _source_line, "empty_question": _empty_question,
    "not_understood": _not_understood, "no_change": _no_change, "unknown_place": _unknown_place, "shared_name": _shared_name,
    "no_year": _no_year, "no_previous": _no_previous,
    "previous_told": _previous_told, "previous_computed": _previous_computed, "no_metric": _no_metric, "no_share_whole": _no_share_whole,
    "no_kind": _no_kind,
    "no_side": _no_side, "nothing_across": _nothing_across, "nothing_found": _nothing_found, "passages": _passages,
    "told_in_sentence": _told_in_sentence, "told_elsewhere": _told_elsewhere, "catalog": _catalog, "definition": _definition,
    "defined_in_sentence": _defined_in_sentence, "no_definition": _no_definition,
    "which_org_phone": _which_org_phone, "no_phone": _no_phone, "phones": _phones, "which_metric": _which_metric,
    "rank_top": _rank_top, "pair": _pair, "compared_with_all": _compared_with_all, "thing_not_apart": _thing_not_apart, "next_disclosure": _next_disclosure, "across_table": _across_table, "two_metrics": _two_metrics,
    "stated_share": _stated_share, "computed_share": _computed_share, "shares_disagree": _shares_disagree,
    "no_rate": _no_rate, "stated_rate": _stated_rate, "computed_rate": _computed_rate,
    "rates_disagree": _rates_disagree, "stated_change": _stated_change, "computed_change": _computed_change,
    "budget_vs_actual": _budget_vs_actual, "no_budget_to_compare": _no_budget_to_compare, "sum": _sum, "each": _each, "breakdown": _breakdown, "what_to_verify": _what_to_verify,
    "nothing_to_verify": _nothing_to_verify, "verdict": _verdict, "judgements": _judgements,
    "as_answered": _as_answered, "claim_amount": _claim_amount, "claim_exists": _claim_exists,
    "claim_not_written": _claim_not_written, "claim_change": _claim_change, "claim_overspent": _claim_overspent,
}
