"""The conversation as widgets: each question with its answer, newest at the bottom.

An answer shows its figure first (org, year, 预算/决算 and source beside it), then the
Assistant's own text, a bar chart for comparisons and rankings, and follow-up questions
to pick when the corpus has no such figure. No answer logic here: texts come from the Answer.
"""
from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from wcwidth import wcswidth

from ..models import Answer
from .chart import Bar, bar_chart, bars

MARKED = re.compile(r"【([^】]*)】")  # full-text hits arrive marked as 【word】
# A line may break between any two Chinese characters, but not inside a file name, a number
# or an ASCII word.
NO_LINE_START, NO_LINE_END = set("，。、；：？！）」』”’》〉%"), set("（「『“‘《〈")
UNBROKEN = re.compile(r"[\w\-]+\.(?:txt|pdf|docx)(?::\d+)?\s*|[A-Za-z0-9.,%:/_+\-]+\s*|\s+|.")
STATUS_CLASSES = {"answered": "answered", "not_found": "not-found", "clarify": "not-found", "error": "error"}
PENDING, WAITING_TURN, QUEUED = "思考中…", "排队中…", "排队中：索引就绪后回答"


def answer_body(text: str) -> Content:
    """The Assistant's text, with full-text hits emphasised instead of bracketed."""
    content, last = Content(""), 0
    for hit in MARKED.finditer(text):
        content += Content(text[last:hit.start()]) + Content.styled(hit.group(1), "bold $accent")
        last = hit.end()
    return content + Content(text[last:])


def line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where to cut `text` so each line fits `width` cells: (start, end) offsets, one a line.

    Textual wraps at spaces only, which leaves Chinese prose ragged; this breaks where a
    Chinese reader would: anywhere between characters, never inside a figure or a file name,
    never before a closing mark (，。）) nor after an opening one (（「).
    """
    spans, offset = [], 0
    for line in text.split("\n"):
        start, tokens = offset, []  # tokens of the current line: (offset, cells)
        for token in UNBROKEN.finditer(line):
            begin, chunk = offset + token.start(), token.group()
            if tokens and sum(cells for _, cells in tokens) + wcswidth(chunk.rstrip()) > width:
                last = tokens[-1][0]
                keep_together = chunk[0] in NO_LINE_START or text[last] in NO_LINE_END
                cut = last if keep_together and len(tokens) > 1 else begin
                spans.append((start, start + len(text[start:cut].rstrip())))
                start, tokens = cut, [t for t in tokens if t[0] >= cut]
                if chunk.isspace():
                    start = offset + token.end()
                    continue
            tokens.append((begin, max(wcswidth(chunk), 0)))
        spans.append((start, offset + len(line)))
        offset += len(line) + 1
    return spans


class AnswerText(Static):
    """The Assistant's text, folded to the width the widget gets."""

    def __init__(self, content: Content, **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.full = content

    def on_resize(self) -> None:
        width = self.content_size.width
        if width > 0:
            lines = [self.full[start:end] for start, end in line_spans(self.full.plain, width)]
            self.update(Content("\n").join(lines))


def headline(answer: Answer) -> Content | None:
    """' 2.14万元   秦皇岛市科学技术协会 · 2022年 · 部门预算': the answer's own headline (a comparison's
    is the difference, not one org's figure); the source follows in the text."""
    if answer.headline is None:
        return None
    return Content.assemble((f" {answer.headline.figure} ", "bold $foreground on $accent-muted"), "  ",
                            (answer.headline.about, "bold"))


class BarChart(Static):
    """Bars drawn to the width the widget gets, so they fit 80 columns and fill 200."""

    def __init__(self, chart: list[Bar], **kwargs) -> None:
        super().__init__("\n".join(bar_chart(chart, 60)), **kwargs)
        self.chart = chart

    def on_resize(self) -> None:
        self.update("\n".join(bar_chart(self.chart, self.content_size.width)))


class AnswerCard(Vertical):
    def __init__(self, answer: Answer) -> None:
        super().__init__(classes=f"answer {STATUS_CLASSES[answer.status]}")
        self.answer = answer

    def compose(self) -> ComposeResult:
        if (head := headline(self.answer)) is not None:
            yield Static(head, classes="figure")
        yield AnswerText(answer_body(self.answer.text), classes="text")
        if chart := bars(self.answer):
            yield BarChart(chart, classes="chart")
        if self.answer.suggestions and self.answer.status != "answered":
            yield Static("可以试试（Tab 选中，回车提问）：", classes="hint")
            yield OptionList(*self.answer.suggestions, classes="suggestions")


class Exchange(Vertical):
    """One question and, once it comes, its answer or an error line."""

    def __init__(self, number: int, question: str, waiting: str) -> None:
        super().__init__(id=f"exchange-{number}", classes="exchange")
        self.question = question
        self.waiting = waiting

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("问：", "bold $primary"), self.question), classes="question")
        yield Static(self.waiting, classes="pending")

    def start(self) -> None:
        self.query_one(".pending", Static).update(PENDING)

    async def show(self, answer: Answer) -> AnswerCard:
        await self.query(".pending").remove()
        card = AnswerCard(answer)
        await self.mount(card)
        return card

    def fail(self, message: str) -> None:
        pending = self.query_one(".pending", Static)
        pending.update(message)
        pending.set_classes("error-line")


class Transcript(VerticalScroll, can_focus=False):
    """All exchanges of the conversation; `plain()` is what a reader sees, as text.

    Not focusable, so that Tab goes from the question line to the facts table; the app
    scrolls it with PageUp/PageDown.
    """

    def retire_suggestions(self) -> None:
        """Only the newest answer's follow-ups stay in the Tab order."""
        for suggestions in self.query(".suggestions"):
            suggestions.disabled = True

    def plain(self) -> str:
        lines = []
        for widget in self.query("Static, OptionList"):
            if isinstance(widget, OptionList):
                lines += [str(option.prompt) for option in widget.options]
            else:
                content = widget.content
                lines.append(content.plain if isinstance(content, Content) else str(content))
        return "\n".join(lines)
