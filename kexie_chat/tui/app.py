"""The Textual app `kexie`: a conversation with the disclosures, and the facts behind it.

Calls the same Assistant as kexie-ask; no answer is computed here. Slow work (opening or
building the index, warming jieba, answering, checking) runs in thread workers that post
messages; only message handlers change widgets. A worker's exception is an error line.
"""
from __future__ import annotations

import sys
from collections import deque
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.worker import Worker, WorkerState

from ..models import Answer, Document, Fact
from ..text import format_amount
from .commands import KexieCommands
from .export import FORMATS, export_name
from .question import NameSuggester, QuestionInput, completion_names
from .screens import DocumentsScreen, FindingsScreen, HelpScreen, SourceScreen
from .transcript import PENDING, QUEUED, WAITING_TURN, Exchange, Transcript

if TYPE_CHECKING:
    from ..assistant import Assistant, Conversation

FACT_COLUMNS = ("单位", "年度", "预算/决算", "指标", "编码", "数值", "计量", "口径", "来源")
BASIS_SHOWN = 16  # characters of a basis the table shows (a computed one names both sides)
WARM_UP = "秦皇岛市科学技术协会2022年三公经费"
EXPORT_ENCODINGS = {"csv": "utf-8-sig"}  # spreadsheet programs need the BOM to read Chinese
PALETTE_PLACEHOLDER = "搜索命令：新对话、文件、导出、复制、检查、主题、帮助…"
LIGHT, DARK = "textual-light", "textual-dark"


class Status(Message):
    def __init__(self, text: str, error: bool = False) -> None:
        super().__init__()
        self.text, self.error = text, error


class Ready(Message):
    def __init__(self, assistant: Assistant, names: list[str], documents: list[Document], example: str) -> None:
        super().__init__()
        self.assistant, self.names, self.documents, self.example = assistant, names, documents, example


class Unavailable(Message):
    """The index could not be opened: questions get this error instead of an answer."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Answered(Message):
    def __init__(self, number: int, answer: Answer) -> None:
        super().__init__()
        self.number, self.answer = number, answer


class Failed(Message):
    def __init__(self, number: int, text: str) -> None:
        super().__init__()
        self.number, self.text = number, text


class FindingsReady(Message):
    def __init__(self, findings: list[Any]) -> None:
        super().__init__()
        self.findings = findings


class KexieApp(App):
    TITLE = "kexie"
    SUB_TITLE = "部门预算/决算问答"
    COMMANDS = App.COMMANDS | {KexieCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("f1", "help", "帮助"),
        Binding("question_mark", "help", "帮助", show=False),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
        Binding("ctrl+n", "new_conversation", "新对话"),
        Binding("ctrl+s", "export('md')", "导出"),
        Binding("escape", "focus_question", "回到输入", show=False),
        Binding("pageup", "scroll_transcript(-1)", "上翻", show=False),
        Binding("pagedown", "scroll_transcript(1)", "下翻", show=False),
    ]
    CSS = """
    #transcript { height: 1fr; padding: 0 1; overflow-y: scroll; }  /* a scrollbar appearing would re-fold every answer */
    #facts { height: auto; max-height: 35%; border-top: hkey $primary; }
    #status { height: 1; padding: 0 1; color: $text-muted; background: $boost; }
    #status.error { color: $text-error; }
    .exchange { height: auto; margin-bottom: 1; }
    .pending { color: $text-muted; text-style: italic; }
    .error-line { color: $text-error; }
    .answer { height: auto; padding-left: 2; }
    .answer.not-found { border-left: outer $warning; }
    .answer.error { border-left: outer $error; }
    .chart { color: $text-accent; margin-top: 1; }
    .hint { color: $text-muted; }
    .suggestions { height: auto; max-height: 7; border: none; padding: 0; background: transparent; }
    .title { height: 1; padding: 0 1; background: $boost; }
    #source { height: 1fr; border: none; }
    TableScreen DataTable { height: 1fr; }
    #detail { height: auto; max-height: 5; padding: 0 1; background: $boost; }
    HelpScreen { align: center middle; }
    #help { width: 76; max-width: 100%; height: auto; max-height: 90%; border: round $accent;
            background: $surface; padding: 1 2; }
    """

    def __init__(self, assistant: Assistant | str | Path | None = None, *, corpus: str | Path | None = None,
                 export_dir: str | Path | None = None) -> None:
        """`assistant`: a ready Assistant (tests), or the index path to open (default: the usual index)."""
        super().__init__()
        self.given = assistant
        self.corpus = corpus
        self.export_dir = Path(export_dir) if export_dir else Path.cwd()
        self.assistant: Assistant | None = None
        self.chat: Conversation | None = None
        self.documents: list[Document] = []
        self.last_answer: Answer | None = None
        self.last_export: Path | None = None
        self.unavailable: str | None = None
        self.queue: deque[tuple[int, str]] = deque()
        self.asking = False
        self.asked = 0
        self.table_facts: list[Fact] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Transcript(id="transcript")
        yield DataTable(id="facts", cursor_type="row", zebra_stripes=True)
        yield Static("正在启动…", id="status")
        yield QuestionInput(placeholder="问一个问题", id="question")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#facts", DataTable).display = False
        self.query_one(QuestionInput).focus()
        self.prepare()

    # -- workers: compute and post --------------------------------------------------------

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def prepare(self) -> None:
        try:
            assistant = self.given
            if assistant is None or isinstance(assistant, (str, Path)):
                self.post_message(Status("正在打开索引（缺失或过期时先建立索引，请稍候）…"))
                from ..assistant import Assistant

                assistant = Assistant(db_path=assistant, corpus=self.corpus,
                                      notify=lambda notice: self.post_message(Status(notice)))
            self.post_message(Status("正在加载分词词典…"))
            from ..text import segment

            segment(WARM_UP)
            store = assistant.store
            documents = store.documents()
            # An org's first alias is its short name; the rest are its documents' misprints.
            first_alias = dict(reversed(store.aliases()))
            names = completion_names([d.org for d in documents], first_alias.values(), store.metrics())
            example = example_question(documents, first_alias, store)
        except Exception as exc:  # any failure to open is shown, never raised into the app
            self.post_message(Unavailable(f"无法打开索引：{exc}"))
            return
        self.post_message(Ready(assistant, names, documents, example))

    @work(thread=True, group="ask", exit_on_error=False)
    def answer_question(self, number: int, question: str, chat: Conversation) -> None:
        try:
            answer = chat.ask(question)
        except Exception as exc:
            self.post_message(Failed(number, f"出错了：{exc}"))
            return
        self.post_message(Answered(number, answer))

    @work(thread=True, exclusive=True, group="check", exit_on_error=False)
    def run_audit(self, audit: Any, store: Any, org: str | None = None) -> None:
        try:
            findings = list(audit(store, org) if org else audit(store))
        except Exception as exc:
            self.post_message(Status(f"一致性检查出错：{exc}", error=True))
            return
        self.post_message(FindingsReady(findings))

    # -- handlers: change widgets ---------------------------------------------------------

    @on(Status)
    def show_status(self, message: Status) -> None:
        self.status(message.text, error=message.error)

    @on(Ready)
    def index_ready(self, message: Ready) -> None:
        self.assistant, self.documents = message.assistant, message.documents
        self.chat = message.assistant.conversation()
        self.query_one(QuestionInput).suggester = NameSuggester(message.names)
        if message.example:  # a question this collection answers, not a seed's
            self.query_one(QuestionInput).placeholder = f"问一个问题，例如：{message.example}"
        self.status_ready()
        self.pump()

    @on(Unavailable)
    def index_unavailable(self, message: Unavailable) -> None:
        self.unavailable = message.text
        self.status(message.text, error=True)
        while self.queue:
            number, _ = self.queue.popleft()
            if (exchange := self.exchange(number)) is not None:
                exchange.fail(message.text)

    @on(Input.Submitted, "#question")
    async def question_submitted(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        event.input.value = ""
        if question:
            await self.ask(question)

    @on(OptionList.OptionSelected, ".suggestions")
    async def suggestion_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(QuestionInput).focus()
        await self.ask(str(event.option.prompt))

    async def ask(self, question: str) -> None:
        """Put a question in the transcript and in the queue; answered one at a time, in order."""
        self.asked += 1
        self.query_one(QuestionInput).history.add(question)
        waiting = QUEUED if self.chat is None else WAITING_TURN if self.asking else PENDING
        exchange = Exchange(self.asked, question, waiting)
        transcript = self.query_one(Transcript)
        transcript.retire_suggestions()
        await transcript.mount(exchange)
        transcript.scroll_end(animate=False)
        if self.unavailable:
            exchange.fail(self.unavailable)
            return
        self.queue.append((self.asked, question))
        self.pump()

    def pump(self) -> None:
        if self.chat is None or self.asking or not self.queue:
            return
        number, question = self.queue.popleft()
        self.asking = True
        if (exchange := self.exchange(number)) is not None:
            exchange.start()
        self.status("正在回答…" + (f"（另有{len(self.queue)}个问题排队）" if self.queue else ""))
        self.answer_question(number, question, self.chat)

    @on(Answered)
    async def answered(self, message: Answered) -> None:
        self.asking = False
        exchange = self.exchange(message.number)
        if exchange is not None:  # gone when a new conversation started meanwhile
            await exchange.show(message.answer)
            self.last_answer = message.answer
            self.show_facts(message.answer.facts)
            transcript = self.query_one(Transcript)
            self.call_after_refresh(transcript.scroll_to_widget, exchange, top=True, animate=False)
        self.status_ready()
        self.pump()

    @on(Failed)
    def failed(self, message: Failed) -> None:
        self.asking = False
        if (exchange := self.exchange(message.number)) is not None:
            exchange.fail(message.text)
        self.status(message.text, error=True)
        self.pump()

    @on(FindingsReady)
    def findings_ready(self, message: FindingsReady) -> None:
        self.status_ready()
        from ..findings import KIND_LABELS

        self.push_screen(FindingsScreen(message.findings, KIND_LABELS))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:  # workers catch their own; this is the last guard
            self.status(f"后台任务出错：{event.worker.error}", error=True)

    @on(DataTable.RowSelected, "#facts")
    def fact_selected(self, event: DataTable.RowSelected) -> None:
        fact = self.table_facts[int(event.row_key.value)]
        self.open_source(fact.source.doc, fact.source.line)

    def show_facts(self, facts: list[Fact]) -> None:
        table = self.query_one("#facts", DataTable)
        table.clear(columns=True)  # columns sized to this answer, not the widest one so far
        table.add_columns(*FACT_COLUMNS)
        self.table_facts = list(facts)
        for index, f in enumerate(facts):
            value = format_amount(f.value) if f.value is not None else (f.text or "—")
            basis = f.basis or ""
            basis = basis if len(basis) <= BASIS_SHOWN else basis[:BASIS_SHOWN - 1] + "…"
            table.add_row(f.org.removesuffix("科学技术协会"), str(f.year), f.doc_kind, f.metric, f.code or "",
                          value, f.unit, basis, f"{f.source.doc}:{f.source.line}", key=str(index))
        table.display = bool(facts)

    def exchange(self, number: int) -> Exchange | None:
        found = self.query(f"#exchange-{number}")
        return found.first(Exchange) if found else None

    def status(self, text: str, *, error: bool = False) -> None:
        line = self.query_one("#status", Static)
        line.update(text)
        line.set_class(error, "error")

    def status_ready(self) -> None:
        stale = self.assistant.stale if self.assistant is not None else None
        if stale:  # kept in view: every answer until the index is rebuilt comes from the old one
            self.status(f"就绪，但{stale}", error=True)
            return
        self.status(f"就绪：{len(self.documents)}份公开文件。回车提问，↑↓ 历史，→ 补全，Tab 到事实表，F1 帮助")

    def open_source(self, doc: str, line: int) -> None:
        """The disclosure `doc` at `line`, highlighted, in its own screen."""
        corpus = self.assistant.corpus if self.assistant is not None else None
        if corpus is None:  # an index whose corpus is not known here
            self.notify("不知道原文所在的目录，无法打开原文", severity="error")
            return
        path = Path(corpus) / doc
        try:
            screen = SourceScreen(path, line)
        except OSError as exc:
            self.notify(f"打不开原文：{exc}", severity="error")
            return
        self.push_screen(screen)

    # -- actions (keys and the command palette) -----------------------------------------

    async def action_new_conversation(self) -> None:
        if self.chat is not None:
            self.chat.reset()
        self.queue.clear()
        await self.query_one(Transcript).remove_children()
        self.last_answer = None
        self.show_facts([])
        self.status("新对话：上文的单位、年度和指标已清空")
        self.query_one(QuestionInput).focus()

    def action_documents(self) -> None:
        if self.assistant is None:
            self.notify("索引尚未就绪", severity="warning")
            return
        self.push_screen(DocumentsScreen(self.documents))

    def action_export(self, fmt: str) -> None:
        if self.last_answer is None:
            self.notify("还没有可导出的答案", severity="warning")
            return
        title, render = FORMATS[fmt]
        path = self.export_dir / export_name(fmt, datetime.now())
        for n in range(2, 100):  # two exports within a second keep both files
            if not path.exists():
                break
            path = path.with_stem(f"{path.stem.split('~')[0]}~{n}")
        try:
            path.write_text(render(self.last_answer), encoding=EXPORT_ENCODINGS.get(fmt, "utf-8"))
        except OSError as exc:
            self.status(f"导出失败：{exc}", error=True)
            return
        self.last_export = path
        self.status(f"已导出 {title}：{path}")
        self.notify(str(path), title=f"已导出 {title}")

    def action_copy_answer(self) -> None:
        if self.last_answer is None:
            self.notify("还没有可复制的答案", severity="warning")
            return
        self.copy_to_clipboard(self.last_answer.text)
        self.notify("答案已复制到剪贴板（OSC 52，需终端支持）")

    def action_findings(self) -> None:
        from ..findings import stored_findings

        if self.assistant is None:
            self.notify("索引尚未就绪", severity="warning")
            return
        org = self.chat.context.org if self.chat else None  # the org in view, else every org
        self.status(f"正在做一致性检查（{org}）…" if org else "正在做一致性检查…")
        self.run_audit(stored_findings, self.assistant.store, org)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=PALETTE_PLACEHOLDER))

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen())

    def action_focus_question(self) -> None:
        self.query_one(QuestionInput).focus()

    def action_scroll_transcript(self, pages: int) -> None:
        transcript = self.query_one(Transcript)
        transcript.scroll_page_down() if pages > 0 else transcript.scroll_page_up()


def run(db: str | Path | None = None) -> None:
    app = KexieApp(db)
    app.run()
    if app.chat is None and app.unavailable is None:  # quit while the index was still being built
        print("kexie: 正在完成索引建立，完成后退出…", file=sys.stderr)


def example_question(documents: list[Document], short_name: dict[str, str], store) -> str | None:
    """A question the open collection answers: its latest document's org by short name, its 三公经费
    (or the first figure it has)."""
    if not documents:
        return None
    doc = max(documents, key=lambda d: d.year)
    metrics = store.metrics(org=doc.org, year=doc.year)
    metric = "三公经费" if "三公经费" in metrics else next(iter(metrics), "")
    return f"{short_name.get(doc.org, doc.org)}{doc.year}年{metric}"
