"""The command palette (ctrl+p): what the app can do besides answering.

Each command is a name a person reads, English words it also answers to, and an app action.
"""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable, NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .export import FORMATS

if TYPE_CHECKING:
    from .app import KexieApp


class Command(NamedTuple):
    name: str
    help: str
    keywords: str
    run: Callable[[], object]


def kexie_commands(app: "KexieApp") -> list[Command]:
    exports = [Command(f"导出上一个答案为 {title}", f"把上一个答案写成 .{fmt} 文件，并显示路径",
                       f"export save {title}", partial(app.action_export, fmt))
               for fmt, (title, _) in FORMATS.items()]
    return [
        Command("新对话", "清空对话，忘掉上文的单位、年度和指标", "new conversation reset clear", app.action_new_conversation),
        Command("公开文件列表", "索引中的预算/决算文件，回车打开", "documents list files", app.action_documents),
        *exports,
        Command("复制答案", "把上一个答案复制到剪贴板（OSC 52）", "copy clipboard", app.action_copy_answer),
        Command("一致性检查", "各文件中数字之间的不一致之处", "check consistency findings audit", app.action_findings),
        Command("切换主题", "选择配色主题", "theme colors", app.action_change_theme),
        Command("切换明暗", "在浅色与深色主题之间切换", "light dark toggle", app.action_toggle_dark),
        Command("帮助", "按键与提问示例", "help keys", app.action_help),
    ]


class KexieCommands(Provider):
    async def discover(self) -> Hits:
        for command in kexie_commands(self.app):
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in kexie_commands(self.app):
            score = max(matcher.match(command.name), matcher.match(command.keywords) * 0.9)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
