"""The terminal app answers through the same Assistant and shows the facts."""
import pytest
from textual.widgets import DataTable, RichLog

from kexie_chat.tui import KexieApp


@pytest.mark.asyncio
async def test_ask_and_see_the_answer(assistant, monkeypatch):
    monkeypatch.setattr("kexie_chat.tui.Assistant", lambda: assistant)
    app = KexieApp()
    async with app.run_test() as pilot:
        await pilot.pause(0.5)
        await pilot.press(*"秦皇岛2022年三公经费", "enter")
        for _ in range(40):
            await pilot.pause(0.05)
            if app.query_one(DataTable).row_count:
                break
        assert app.query_one(DataTable).row_count >= 1
        assert any("2.14" in str(line) for line in app.query_one(RichLog).lines)
