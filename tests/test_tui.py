"""The terminal app, driven by Pilot: ask, follow up, history, sources, export, palette, errors.

Every figure asserted here is read by the same Assistant that kexie-ask uses, from corpus/.
"""
import csv
import io
import json
import threading
from decimal import Decimal

import pytest
from wcwidth import wcswidth

import kexie_chat.text

from kexie_chat.models import Answer
from kexie_chat.tui import KexieApp
from kexie_chat.tui.chart import Bar, bar_chart, bars
from kexie_chat.tui.export import to_csv, to_json, to_markdown
from kexie_chat.tui.question import History, complete, completion_names
from kexie_chat.tui.screens import DocumentsScreen, FindingsScreen, HelpScreen, SourceScreen
from kexie_chat.tui.transcript import AnswerCard, BarChart, Transcript, line_spans

SMALL, LARGE = (80, 24), (160, 48)


async def settle(pilot, app, timeout=10.0):
    """Wait until the app has answered everything it was asked."""
    for _ in range(int(timeout / 0.05)):
        await pilot.pause(0.05)
        if app.chat is not None and not app.asking and not app.queue:
            break
    await pilot.pause(0.05)


async def ask(pilot, app, question, typed=False):
    """Ask as a person would: typed key by key, or (faster) pasted into the input line."""
    if typed:
        await pilot.press(*question)
    else:
        app.query_one("#question").value = question
    await pilot.press("enter")
    await settle(pilot, app)
    return app.query(AnswerCard).last().answer if app.query(AnswerCard) else None


async def palette(pilot, app, query):
    """Run the first command the palette finds for `query`."""
    await pilot.press("ctrl+p", *query)
    for _ in range(40):
        await pilot.pause(0.05)
        if app.screen.query("CommandList") and app.screen.query_one("CommandList").option_count:
            break
    await pilot.press("enter")
    await pilot.pause(0.1)


def seen(app):
    return app.query_one(Transcript).plain()


@pytest.fixture
def make_app(assistant, tmp_path):
    return lambda source=assistant, **kw: KexieApp(source, export_dir=tmp_path, **kw)


# -- the app ----------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("size,theme", [(SMALL, "textual-dark"), (LARGE, "textual-light")], ids=["80x24-dark", "160x48-light"])
async def test_ask_and_see_the_answer(make_app, size, theme):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        assert app.focused.id == "question"
        answer = await ask(pilot, app, "秦皇岛2022年三公经费", typed=True)
        assert answer.status == "answered"
        text = seen(app)
        assert "问：秦皇岛2022年三公经费" in text
        assert "2.14万元   秦皇岛市科学技术协会 · 2022年 · 部门预算" in text
        assert "2022-秦皇岛市科协-部门预算.txt" in text
        table = app.query_one("#facts")
        assert table.display and table.row_count == len(answer.facts)
        assert table.get_row_at(0)[:3] == ["秦皇岛市", "2022", "预算"] and table.get_row_at(0)[5] == "2.14"
        assert table.get_row_at(0)[7] == answer.facts[0].basis == "合计"


@pytest.mark.asyncio
async def test_a_computed_figure_in_the_fact_table_says_it_is_computed(make_app):
    """A comparison's difference is no figure of the first org: its row says 计算得出."""
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        answer = await ask(pilot, app, "比较秦皇岛和张家口的三公经费")
        table = app.query_one("#facts")
        bases = [table.get_row_at(n)[7] for n in range(table.row_count)]
        computed = [n for n, f in enumerate(answer.facts) if (f.basis or "").startswith("计算得出")]
        assert computed and all(bases[n].startswith("计算得出") for n in computed)
        assert all(not bases[n].startswith("计算得出") for n in range(table.row_count) if n not in computed)


@pytest.mark.asyncio
async def test_follow_up_keeps_org_and_year_newest_at_bottom(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ask(pilot, app, "秦皇岛2022年三公经费")
        answer = await ask(pilot, app, "公务接待费呢")
        assert answer.facts[0].value == Decimal("0.21") and answer.facts[0].org == "秦皇岛市科学技术协会"
        text = seen(app)
        assert text.index("问：秦皇岛2022年三公经费") < text.index("问：公务接待费呢") < text.rindex("0.21万元")


@pytest.mark.asyncio
async def test_history_walks_back_and_forth(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ask(pilot, app, "秦皇岛2022年三公经费")
        await ask(pilot, app, "公务接待费呢")
        question = app.query_one("#question")
        await pilot.press("包")
        values = []
        for key in ("up", "up", "up", "down", "down"):
            await pilot.press(key)
            values.append(question.value)
        assert values == ["公务接待费呢", "秦皇岛2022年三公经费", "秦皇岛2022年三公经费", "公务接待费呢", "包"]


@pytest.mark.asyncio
async def test_names_complete_in_the_input(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press(*"秦皇岛2022年三公")
        await pilot.pause(0.2)
        await pilot.press("right")
        assert app.query_one("#question").value == "秦皇岛2022年三公经费"


@pytest.mark.asyncio
async def test_the_example_in_the_input_is_a_question_the_collection_answers(make_app, assistant):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        example = app.query_one("#question").placeholder.removeprefix("问一个问题，例如：")
        answer = assistant.ask(example)
        assert answer.status == "answered" and answer.facts[0].metric == "三公经费"
        latest = max(d.year for d in assistant.store.documents())
        assert answer.facts[0].year == latest


@pytest.mark.asyncio
async def test_questions_typed_while_loading_wait_their_turn(make_app, monkeypatch):
    gate, segment = threading.Event(), kexie_chat.text.segment
    monkeypatch.setattr("kexie_chat.text.segment", lambda text: gate.wait(10) and segment(text))
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*"秦皇岛2022年三公经费", "enter", *"公务接待费呢", "enter")
        await pilot.pause(0.1)
        assert seen(app).count("排队中") == 2 and "分词" in str(app.query_one("#status").content)
        gate.set()
        await settle(pilot, app)
        assert [card.answer.facts[0].value for card in app.query(AnswerCard)] == [Decimal("2.14"), Decimal("0.21")]


@pytest.mark.asyncio
async def test_a_fact_opens_its_source_line(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        answer = await ask(pilot, app, "秦皇岛2022年三公经费")
        app.query_one("#facts").focus()
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen)
        fact = answer.facts[0]
        assert app.screen.path.name == fact.source.doc
        assert app.screen.query_one("#source").highlighted == fact.source.line - 1
        assert app.screen.highlighted_text.strip() == fact.source.quote.strip()
        await pilot.press("escape")
        assert not isinstance(app.screen, SourceScreen)


@pytest.mark.asyncio
async def test_not_found_suggestions_can_be_asked(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        answer = await ask(pilot, app, "秦皇岛2030年三公经费")
        assert answer.status == "not_found" and answer.suggestions
        suggestions = app.query_one(".suggestions")
        suggestions.focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.query(AnswerCard).last().answer.question == answer.suggestions[0]
        assert app.query(AnswerCard).last().answer.status == "answered"


@pytest.mark.asyncio
async def test_a_ranking_is_also_a_bar_chart(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        answer = await ask(pilot, app, "三公经费最高的是哪个单位")
        assert answer.facts[0].org == "张家口市科学技术协会"
        chart = app.query_one(BarChart)
        lines = str(chart.content).splitlines()
        assert lines[0].startswith("张家口市") and all(wcswidth(line) <= 80 for line in lines)


@pytest.mark.asyncio
async def test_palette_exports_the_last_answer(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ask(pilot, app, "秦皇岛2022年三公经费")
        await palette(pilot, app, "csv")
        assert app.last_export is not None and app.last_export.parent == tmp_path and app.last_export.suffix == ".csv"
        assert str(app.last_export) in str(app.query_one("#status").content)
        data = app.last_export.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and "2.14" in data.decode("utf-8-sig")
        await pilot.press("ctrl+s", "ctrl+s")  # Markdown, twice: two files
        markdown = sorted(tmp_path.glob("*.md"))
        assert len(markdown) == 2 and markdown[0].read_text(encoding="utf-8").startswith("## 秦皇岛2022年三公经费")


@pytest.mark.asyncio
async def test_palette_new_conversation_copy_and_help(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        answer = await ask(pilot, app, "秦皇岛2022年三公经费")
        app.action_copy_answer()
        assert app.clipboard == answer.text
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        app.query_one("#facts").focus()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert app.focused.id == "question"
        await palette(pilot, app, "新对话")
        assert not app.query(AnswerCard) and not app.query_one("#facts").display
        assert app.chat.context.org is None and app.chat.context.metric is None


@pytest.mark.asyncio
async def test_palette_lists_documents_and_opens_one(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await palette(pilot, app, "公开文件")
        assert isinstance(app.screen, DocumentsScreen)
        assert app.screen.query_one("DataTable").row_count == len(app.documents) >= 5
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen) and app.screen.path.name == app.documents[0].doc
        await pilot.press("escape", "escape")
        assert app.focused.id == "question"


@pytest.mark.asyncio
async def test_findings_of_every_org_then_of_the_org_in_view(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        app.action_findings()
        await pilot.pause(0.5)
        assert isinstance(app.screen, FindingsScreen)
        assert {f.org for f in app.screen.findings} >= {"包头市科学技术协会", "武汉市江汉区科学技术协会"}
        await pilot.press("escape")
        await ask(pilot, app, "包头2020年三公经费")
        app.action_findings()
        await pilot.pause(0.5)
        assert isinstance(app.screen, FindingsScreen)
        assert {f.org for f in app.screen.findings} == {"包头市科学技术协会"}
        line = app.screen.findings[0].facts[0].source.line
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen) and app.screen.line == line


@pytest.mark.asyncio
async def test_a_source_that_cannot_be_opened_is_said(make_app, assistant, tmp_path):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        app.open_source("没有这个文件.txt", 3)
        await pilot.pause(0.1)
        assert not isinstance(app.screen, SourceScreen)
        assert any("打不开原文" in n.message for n in app._notifications)


class Broken:
    """An Assistant whose engine fails on every question."""

    def __init__(self, assistant):
        self.store, self.corpus, self.stale = assistant.store, assistant.corpus, None

    def conversation(self):
        return self

    def ask(self, question):
        raise RuntimeError("engine exploded")


@pytest.mark.asyncio
async def test_an_error_in_a_worker_is_a_line_not_a_crash(make_app, assistant):
    app = make_app(Broken(assistant))
    async with app.run_test(size=SMALL) as pilot:
        await ask(pilot, app, "秦皇岛2022年三公经费")
        assert "出错了：engine exploded" in seen(app)
        assert app.query_one("#status").has_class("error") and app.is_running


@pytest.mark.asyncio
async def test_an_index_that_could_not_be_rebuilt_stays_said(make_app, assistant, monkeypatch):
    """The warning outlives the notices after it and every answer: all of them come from the old index."""
    warning = "索引可能不是最新的（无法更新：权限不足），以下按现有索引回答。"
    monkeypatch.setattr(assistant, "stale", warning)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        answer = await ask(pilot, app, "秦皇岛2022年三公经费")
        assert answer is not None and answer.status == "answered"
        status = app.query_one("#status")
        assert warning in str(status.content) and status.has_class("error")


@pytest.mark.asyncio
async def test_an_index_that_cannot_open_is_said(make_app, tmp_path):
    empty = tmp_path / "corpus"
    empty.mkdir()
    app = make_app(tmp_path / "none.db", corpus=empty)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*"秦皇岛2022年三公经费", "enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if app.unavailable:
                break
        await pilot.pause(0.1)
        assert "无法打开索引" in str(app.query_one("#status").content)
        assert "无法打开索引" in seen(app)


# -- pure parts: history, completion, chart, export ---------------------------------------

NAMES = completion_names(["秦皇岛市科学技术协会"], ["秦皇岛市", "西城区"], ["三公经费", "公务接待费", "公务用车购置费", "2022年部门预算公开如下:"])
COMPLETIONS = [
    ("org-at-start", "秦", "秦皇岛市"),
    ("metric-after-year", "秦皇岛2022年三公", "秦皇岛2022年三公经费"),
    ("shortest-name-first", "张家口公务", "张家口公务接待费"),
    ("full-name-left-alone", "秦皇岛2022年三公经费", None),
    ("one-char-tail-mid-line", "秦皇岛2022年三", None),
    ("nothing-to-complete", "hello", None),
    ("empty", "", None),
]


@pytest.mark.parametrize("value,expected", [c[1:] for c in COMPLETIONS], ids=[c[0] for c in COMPLETIONS])
def test_complete(value, expected):
    assert complete(value, NAMES) == expected


def test_completion_names_skip_captions():
    assert "2022年部门预算公开如下:" not in NAMES and "秦皇岛市" in NAMES and "秦皇岛市科学技术协会" in NAMES


def test_history_keeps_the_draft():
    history = History()
    assert history.back("x") is None
    for question in ("a", "b", "b"):
        history.add(question)
    assert history.entries == ["a", "b"]
    assert [history.back("draft"), history.back("?"), history.forward(), history.forward(), history.forward()] == \
        ["b", "a", "b", "draft", None]


FOLDS = [
    ("prose", "秦皇岛市科学技术协会2022年部门预算：三公经费 2.14万元（合计）。其中：公务接待费 0.21万元。", 30),
    ("source-line", "来源：2022-秦皇岛市科协-部门预算.txt 第468行「1 合计 2.14 2.14」", 34),
    ("table", "单位          年度    类别\n张家口市      2020年  预算数  5.19万元", 20),
    ("punctuation", "公务用车购置及运维费反映单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费（含外宾接待）支出。", 18),
]


@pytest.mark.parametrize("text,width", [f[1:] for f in FOLDS], ids=[f[0] for f in FOLDS])
def test_answer_text_folds_by_cells_without_breaking_figures(text, width):
    lines = [text[a:b] for a, b in line_spans(text, width)]
    assert all(wcswidth(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    for figure in ("2.14", "0.21", "5.19", "2022-秦皇岛市科协-部门预算.txt"):
        assert text.count(figure) == sum(line.count(figure) for line in lines)
    assert not any(line[:1] in "，。、）" or line[-1:] in "（「" for line in lines)


def test_bar_chart_aligns_chinese_labels():
    chart = [Bar("张家口市 2020预算", Decimal("5.19"), "5.19万元"), Bar("包头市 2020决算", Decimal("2.1"), "2.1万元"),
             Bar("武汉市江汉区 2020决算", Decimal("0"), "0万元"), Bar("西城 2019预算", Decimal("0.01"), "0.01万元")]
    lines = bar_chart(chart, 60)
    starts = {wcswidth(line[:line.index("│")]) for line in lines}
    assert len(starts) == 1 and all(wcswidth(line) <= 60 for line in lines)
    assert lines[0].count("█") > lines[1].count("█") and "▏" in lines[3] and "█" not in lines[2]


def test_bar_chart_cuts_long_labels_to_fit():
    lines = bar_chart([Bar("一个非常非常长的单位名称科学技术协会 2020预算", Decimal(1), "1万元")] * 2, 30)
    assert all(wcswidth(line) <= 30 for line in lines) and "…" in lines[0]


def test_only_compare_and_rank_answers_are_charted(assistant):
    assert len(bars(assistant.ask("三公经费最高的是哪个单位"))) >= 2
    assert bars(assistant.ask("秦皇岛2022年三公经费")) == []


def test_exports_of_an_answer(assistant):
    answer = assistant.ask("秦皇岛2022年三公经费")
    rows = list(csv.DictReader(io.StringIO(to_csv(answer))))
    assert len(rows) == len(answer.facts)
    assert rows[0]["value"] == "2.14" and rows[0]["doc"] == "2022-秦皇岛市科协-部门预算.txt"
    assert rows[0]["line"] == str(answer.facts[0].source.line)
    assert Answer.model_validate(json.loads(to_json(answer))).model_dump(mode="json") == answer.model_dump(mode="json")
    markdown = to_markdown(answer)
    assert markdown.startswith("## 秦皇岛2022年三公经费") and "| 秦皇岛市科学技术协会 | 2022 | 预算 | 三公经费 |" in markdown


def test_export_of_a_not_found_answer_lists_suggestions(assistant):
    answer = assistant.ask("秦皇岛2030年三公经费")
    assert "### 可以试试" in to_markdown(answer) and to_csv(answer).strip() == ",".join(
        ("org", "year", "doc_kind", "metric", "code", "value", "unit", "basis", "doc", "line", "quote"))
