"""The Textual app: a conversation with the disclosures, and the facts behind each answer.

Calls the same Assistant as kexie-ask. Answers are computed in a worker thread and posted
back; only message handlers touch widgets.
"""
from __future__ import annotations

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, RichLog

from .assistant import Assistant, Conversation
from .models import Answer
from .render import figure


class Answered(Message):
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        super().__init__()


class KexieApp(App):
    TITLE = "kexie-chat"
    SUB_TITLE = "科协部门预算/决算问答"
    CSS = "#transcript { height: 1fr; } #facts { height: 8; } Input { dock: bottom; }"
    BINDINGS = [Binding("ctrl+q", "quit", "退出"), Binding("ctrl+n", "new_conversation", "新对话")]

    def __init__(self) -> None:
        super().__init__()
        self.chat: Conversation | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield RichLog(id="transcript", wrap=True, markup=False)
            yield DataTable(id="facts")
        yield Input(placeholder="问一个问题，例如：秦皇岛2022年三公经费", id="question")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("单位", "年度", "类别", "指标", "编码", "数值", "来源")
        self.query_one(Input).focus()
        self.query_one(RichLog).write("正在打开索引…")
        self.open_index()

    @work(thread=True, exclusive=True, group="index")
    def open_index(self) -> None:
        chat = Assistant().conversation()
        self.call_from_thread(self._index_ready, chat)

    def _index_ready(self, chat: Conversation) -> None:
        self.chat = chat
        self.query_one(RichLog).write("就绪。")

    @on(Input.Submitted)
    def ask(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        event.input.value = ""
        if not question:
            return
        self.query_one(RichLog).write(f"\n问：{question}")
        self.answer(question)

    @work(thread=True, group="ask")
    def answer(self, question: str) -> None:
        while self.chat is None:
            import time

            time.sleep(0.05)
        try:
            answer = self.chat.ask(question)
        except Exception as exc:  # a worker error is a line in the transcript, never a crash
            answer = Answer(question=question, status="error", intent="error", text=f"出错了：{exc}")
        self.post_message(Answered(answer))

    def on_answered(self, message: Answered) -> None:
        answer = message.answer
        log = self.query_one(RichLog)
        log.write(f"答：{answer.text}")
        if answer.suggestions and answer.status != "answered":
            log.write("可以试试：" + "；".join(answer.suggestions[:5]))
        table = self.query_one(DataTable)
        table.clear()
        for fact in answer.facts[:50]:
            table.add_row(fact.org.removesuffix("科学技术协会"), str(fact.year), fact.doc_kind, fact.metric,
                          fact.code or "", figure(fact), f"{fact.source.doc}:{fact.source.line}")

    def action_new_conversation(self) -> None:
        if self.chat:
            self.chat.reset()
        self.query_one(RichLog).clear()


def run() -> None:
    KexieApp().run()
