#!/usr/bin/env python3
"""Try `kexie` as a new user would, in a real terminal: tmux at 80x24, keys in, screen out.

Asks three questions, checks what the screen shows, then quits with ctrl+q. Exit status 0
when every check passed, 1 otherwise (the screen is printed to stderr). Needs tmux
(`apt-get install tmux`). --capture FILE keeps the screen after the last answer.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOCKET = f"kexie-check-{os.getpid()}"  # a tmux server of our own, never the user's
SESSION = "kexie"
ORGS = ("张家口", "秦皇岛", "包头", "西城", "江汉")
# (question, what the screen must show after the question appears, a check of the text after it)
STEPS = [
    ("秦皇岛2022年三公经费", "2.14", None),
    ("公务接待费呢", "0.21", None),
    ("三公经费最高的是哪个单位", "张家口", "first_org_is_zhangjiakou"),
]


def tmux(*args: str, check: bool = True) -> str:
    result = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check)
    return result.stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(predicate, timeout: float, every: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate(screen()):
            return True
        time.sleep(every)
    return False


def after(text: str, question: str) -> str | None:
    """The screen text after the last line asking `question`."""
    marker = f"问：{question}"
    return text[text.rindex(marker) + len(marker):] if marker in text else None


def first_org(text: str) -> str | None:
    hits = [(text.find(org), org) for org in ORGS if org in text]
    return min(hits)[1] if hits else None


def ask(question: str, expected: str, timeout: float, every: float = 0.2) -> bool:
    tmux("send-keys", "-t", SESSION, "-l", question)
    tmux("send-keys", "-t", SESSION, "Enter")

    def shown(text: str) -> bool:
        rest = after(text, question)
        return rest is not None and expected in rest and "思考中" not in rest and "排队中" not in rest
    return wait_for(shown, timeout, every)


def start(kexie: str, db: Path | None = None) -> None:
    env = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color COLORTERM=truecolor"
    if db:
        env += f" KEXIE_DB={db}"
    tmux("-u", "new-session", "-d", "-s", SESSION, "-x", "80", "-y", "24", f"{env} {kexie}")


# What the screen shows once the app has painted, and once its index is open.
PAINTED, READY = "问一个问题", "就绪："
POLL = 0.01  # seconds between two looks at the screen while timing


def time_app(kexie: str, db: Path, runs: int = 5, timeout: float = 60.0) -> dict[str, float | list[float]]:
    """Seconds from the launch of `kexie` to its first paint and to ready, and from Enter to each
    answer on screen once warm (the first question asked and answered before timing)."""
    question, expected = STEPS[0][:2]
    began = time.monotonic()
    start(kexie, db)
    try:
        painted = _when(lambda text: PAINTED in text, timeout) - began
        ready = _when(lambda text: READY in text, timeout) - began
        ask(question, expected, timeout)
        answers = []
        for _ in range(runs):
            tmux("send-keys", "-t", SESSION, "C-n")  # a new conversation: the screen holds no answer
            _when(lambda text: "问：" not in text, timeout)
            entered = time.monotonic()
            if not ask(question, expected, timeout, every=POLL):
                raise RuntimeError(f"{question!r}: {expected!r} not shown")
            answers.append(time.monotonic() - entered)
    finally:
        tmux("kill-server", check=False)
    return {"first paint": painted, "ready": ready, "answers": answers}


def _when(predicate, timeout: float) -> float:
    if not wait_for(predicate, timeout, every=POLL):
        raise RuntimeError(f"the app did not show it within {timeout} s:\n{screen()}")
    return time.monotonic()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kexie", default=str(ROOT / ".venv" / "bin" / "kexie"))
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--capture", type=Path, help="write the screen after the last answer here")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        print("tui-check needs tmux: sudo apt-get install tmux", file=sys.stderr)
        return 2
    failures: list[str] = []
    final = ""
    start(args.kexie)
    try:
        tmux("set-option", "-t", SESSION, "remain-on-exit", "on")
        if not wait_for(lambda text: READY in text, args.timeout):
            failures.append("the app never said 就绪 (ready)")
        for question, expected, extra in STEPS if not failures else []:
            if not ask(question, expected, args.timeout):
                failures.append(f"{question!r}: {expected!r} not shown")
            elif extra and first_org(after(screen(), question)) != "张家口":
                failures.append(f"{question!r}: 张家口 is not the first org shown")
        final = screen()
        if args.capture:
            args.capture.write_text(final, encoding="utf-8")
        tmux("send-keys", "-t", SESSION, "C-q")
        if not wait_for_exit(args.timeout):
            failures.append("ctrl+q did not quit")
    finally:
        tmux("kill-server", check=False)
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    if failures:
        print(final, file=sys.stderr)
        return 1
    print("tui-check: ok (80x24: 2.14, 0.21, 张家口 first, ctrl+q quits)", file=sys.stderr)
    return 0


def wait_for_exit(timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if tmux("list-panes", "-t", SESSION, "-F", "#{pane_dead}", check=False).strip() in ("1", ""):
            return True
        time.sleep(0.2)
    return False


if __name__ == "__main__":
    sys.exit(main())
