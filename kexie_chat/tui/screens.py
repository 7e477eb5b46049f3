"""Screens over the conversation: a disclosure at a line, the document list, consistency
findings, and the keys. Esc goes back from each.

They show what they are given; opening files and running checks stays in the app.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..models import Document

BACK = Binding("escape", "app.pop_screen", "返回")
SEVERITY = {"error": "错误", "warning": "提示", "rounding": "尾差"}
HELP_TEXT = """\
[b]kexie — 部门预算/决算问答[/b]

输入问题后回车。回答先给出数字，并写明单位、年度、预算/决算和出处。
例如：
  秦皇岛2022年三公经费
  公务接待费呢                 （追问：沿用上一问的单位和年度）
  包头呢                       （追问：沿用上一问的指标）
  三公经费最高的是哪个单位
  比较张家口和秦皇岛的三公经费

[b]按键[/b]
  回车          提问
  ↑ / ↓         历史问题
  →             接受补全（单位名、指标名）
  Tab           在输入框、可追问的建议、事实表之间移动
  PgUp / PgDn   翻动对话
  回车（事实表）  打开出处，定位并高亮该行；Esc 返回
  ctrl+p        命令：新对话、文件列表、导出、复制、一致性检查、主题、帮助
  ctrl+n        新对话
  ctrl+s        导出上一个答案（Markdown）
  F1 或 ?       本帮助
  ctrl+q        退出
"""


class SourceScreen(Screen):
    """A disclosure file, one option a line, the cited line marked and highlighted."""

    BINDINGS = [BACK, Binding("c", "copy_line", "复制此行")]

    def __init__(self, path: Path, line: int) -> None:
        super().__init__()
        self.path = path
        self.line = line
        self.lines = path.read_text(encoding="utf-8", errors="replace").splitlines()

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble((self.path.name, "bold"), f"  第{self.line}行 / 共{len(self.lines)}行"),
                     classes="title")
        yield OptionList(*(self._option(n, text) for n, text in enumerate(self.lines, 1)), id="source")
        yield Footer()

    def _option(self, number: int, text: str) -> Option:
        if number == self.line:
            return Option(Content.assemble((f"▶{number:>5} ", "bold $accent"), (text, "bold")))
        return Option(Content.assemble((f"{number:>6} ", "$text-muted"), text))

    def on_mount(self) -> None:
        source = self.query_one("#source", OptionList)
        source.highlighted = min(max(self.line, 1), len(self.lines)) - 1 if self.lines else None
        source.focus()
        self.call_after_refresh(self._center)

    def _center(self) -> None:
        source = self.query_one("#source", OptionList)
        source.scroll_to_highlight(top=True)
        source.scroll_relative(y=-(source.scrollable_content_region.height // 3), animate=False, immediate=True)

    @property
    def highlighted_text(self) -> str:
        index = self.query_one("#source", OptionList).highlighted
        return self.lines[index] if index is not None else ""

    def action_copy_line(self) -> None:
        self.app.copy_to_clipboard(self.highlighted_text)
        self.notify("已复制这一行（OSC 52，需终端支持）")


class TableScreen(Screen):
    """A title, a table with a row cursor, and what a selected row opens."""

    BINDINGS = [BACK]

    def __init__(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        super().__init__()
        self.title_text, self.columns, self.rows = title, columns, rows

    def compose(self) -> ComposeResult:
        yield Static(self.title_text, classes="title")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.columns)
        for index, row in enumerate(self.rows):
            table.add_row(*row, key=str(index))
        table.focus()

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(int(event.row_key.value))

    def open(self, index: int) -> None:
        raise NotImplementedError


class DocumentsScreen(TableScreen):
    """The disclosures in the index; a row opens its file."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = list(documents)
        super().__init__(f"公开文件（{len(self.documents)}份），回车打开", ("文件", "单位", "年度", "类别", "金额单位", "行数"),
                         [(d.doc, d.org, str(d.year), d.doc_kind, d.unit, str(d.lines)) for d in self.documents])

    def open(self, index: int) -> None:
        self.app.open_source(self.documents[index].doc, 1)


class FindingsScreen(TableScreen):
    """Consistency findings (kexie_chat.findings.stored_findings); a row opens where the finding stands."""

    def __init__(self, findings: Sequence[Any], kind_labels: dict[str, str] | None = None) -> None:
        self.findings = list(findings)
        labels = kind_labels or {}
        super().__init__(f"一致性检查：{len(self.findings)}条发现，回车打开出处", ("严重度", "类型", "单位", "年度", "说明"),
                         [_finding_row(finding, labels) for finding in self.findings])

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static("", id="detail")  # the whole text of the row under the cursor; the table cuts it

    @on(DataTable.RowHighlighted)
    def show_detail(self, event: DataTable.RowHighlighted) -> None:
        finding = self.findings[int(event.row_key.value)]
        self.query_one("#detail", Static).update(str(getattr(finding, "text", finding)))

    def open(self, index: int) -> None:
        finding = self.findings[index]
        sources = [fact.source for fact in getattr(finding, "facts", None) or []] + list(getattr(finding, "sources", []))
        if sources:
            self.app.open_source(sources[0].doc, sources[0].line)


def _finding_row(finding: Any, labels: dict[str, str]) -> tuple[str, ...]:
    kind = str(getattr(finding, "kind", ""))
    return (SEVERITY.get(getattr(finding, "severity", ""), ""), labels.get(kind, kind),
            str(getattr(finding, "org", "")).removesuffix("科学技术协会"), str(getattr(finding, "year", "")),
            str(getattr(finding, "text", finding)))


class HelpScreen(ModalScreen):
    BINDINGS = [BACK, Binding("f1", "app.pop_screen", "返回", show=False),
                Binding("question_mark", "app.pop_screen", "返回", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content.from_markup(HELP_TEXT))
