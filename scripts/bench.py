"""How fast kexie-chat is on one corpus: build, index size, one-shot answers, questions in process.

Prints a table to stdout (progress goes to stderr). Uses only the project's own environment.
Run it for a corpus of any size (see scripts/scale_corpus.py):

    make bench                                   # corpus/ (the five seeds)
    make bench CORPUS=build/scale-1000           # after `make scale-corpus N=1000`
    make bench INGEST=部门决算.pdf                # also: kexie ingest of that file into the corpus
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BIN = Path(sys.executable).parent
ONE_SHOT = "秦皇岛2022年三公经费"
SEARCH_ONE_SHOT = "科普活动的绩效目标是什么"  # a search: cut into words with the index's dictionary
# 科普活动 is a metric of the index, so the question above compares every org; this one is a search.
FULL_TEXT_ONE_SHOT = "张家口科技馆"
BASELINE = [sys.executable, "-c", "import sqlite3"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--db", type=Path, help="index to build and ask (default build/bench-<corpus>.db)")
    parser.add_argument("--questions", type=Path, default=ROOT / "tests" / "questions" / "dev.jsonl")
    parser.add_argument("--runs", type=int, default=9, help="new processes per one-shot measure")
    parser.add_argument("--no-build", action="store_true", help="ask the index --db as it is")
    parser.add_argument("--ingest", type=Path, help="also time `kexie ingest` of this file into a copy of the corpus")
    args = parser.parse_args()
    db = args.db or ROOT / "build" / f"bench-{args.corpus.resolve().name}.db"
    rows = [("documents", f"{len(_files(args.corpus)):,}", ""), ("cores (nproc)", str(_cores()), "")]
    _compile_package()
    if not args.no_build:
        rows.append(("build: kexie index, wall", _seconds(_build(args.corpus, db)), "≤ 3 s (5 docs), ≤ 120 s (1,000)"))
        rows.append(("rebuild after one document added, wall", _seconds(_added(args.corpus, db)), ""))
    if args.ingest:
        rows.append((f"kexie ingest {args.ingest.name}, wall", _seconds(_ingest(args.corpus, db, args.ingest)),
                     "≤ 2 s (30-page PDF)"))
    text = sum(p.stat().st_size for p in _files(args.corpus))
    size = db.stat().st_size
    rows.append(("text size / index size", f"{_mb(text)} / {_mb(size)}", ""))
    rows.append(("index size ÷ text size", f"{size / text:.2f}×", "≤ 3×"))
    rows += _one_shots(db, args.runs)
    rows += _full_text_one_shot(db, args.runs)
    rows += _in_process(db, args.questions)
    rows += _app(db)
    _print_table(args.corpus, rows)


def _files(corpus: Path) -> list[Path]:
    from kexie_chat.store import corpus_files

    return corpus_files(corpus)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _build(corpus: Path, db: Path) -> float:
    """A build from nothing: no index, and nothing kept by an earlier build (see build_cache.py)."""
    from kexie_chat.build_cache import cache_folder

    _progress(f"building {db} from {corpus} …")
    db.parent.mkdir(parents=True, exist_ok=True)
    db.unlink(missing_ok=True)
    shutil.rmtree(cache_folder(db), ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([BIN / "kexie", "index", "--corpus", corpus, "--db", db], check=True,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _added(corpus: Path, db: Path) -> float:
    """`kexie index` after the corpus's last document was added to an index of the others."""
    _progress("a rebuild after one document was added …")
    with tempfile.TemporaryDirectory(dir=db.parent) as work:
        copy, copied_db = _current_copy(corpus, db, Path(work), leave_out=_files(corpus)[-1])
        shutil.copy(_files(corpus)[-1], copy)
        return _wall([BIN / "kexie", "index", "--corpus", copy, "--db", copied_db], check=True)


def _ingest(corpus: Path, db: Path, document: Path) -> float:
    """`kexie ingest` of a published file into a copy of the corpus whose index is current."""
    _progress(f"kexie ingest {document} …")
    with tempfile.TemporaryDirectory(dir=db.parent) as work:
        copy, copied_db = _current_copy(corpus, db, Path(work))
        return _wall([BIN / "kexie", "ingest", document, "--corpus", copy, "--db", copied_db], check=True)


def _current_copy(corpus: Path, db: Path, work: Path, leave_out: Path | None = None) -> tuple[Path, Path]:
    """A copy of the corpus (but one file) and of the index with what its build kept, built current."""
    from kexie_chat.build_cache import cache_folder

    copy, copied_db = work / "corpus", work / "kexie.db"
    copy.mkdir()
    for path in _files(corpus):
        if path != leave_out:
            shutil.copy(path, copy)
    shutil.copy(db, copied_db)
    if cache_folder(db).is_dir():
        shutil.copytree(cache_folder(db), cache_folder(copied_db))
    subprocess.run([BIN / "kexie", "index", "--corpus", copy, "--db", copied_db], check=True,
                   stderr=subprocess.DEVNULL)
    return copy, copied_db


def _one_shots(db: Path, runs: int) -> list[tuple[str, str, str]]:
    _progress(f"one-shot questions, {runs} new processes each …")
    ask = [BIN / "kexie-ask", "--db", db]
    _wall(ask + [ONE_SHOT])  # the first run after a build pays for the page cache
    baseline, structured, search = [], [], []
    for _ in range(runs):  # interleaved, so that a busy moment of the machine hits all three alike
        baseline.append(_wall(BASELINE))
        structured.append(_wall(ask + [ONE_SHOT]))
        search.append(_wall(ask + [SEARCH_ONE_SHOT]))
    base, one, found = (statistics.median(x) for x in (baseline, structured, search))
    return [
        ('python -c "import sqlite3", median', _ms(base), ""),
        (f"kexie-ask “{ONE_SHOT}”, median", _ms(one), ""),
        ("  ratio to import sqlite3", f"{one / base:.1f}×", "≤ 10×"),
        (f"kexie-ask “{SEARCH_ONE_SHOT}” (search)", _ms(found), ""),
        ("  ratio to import sqlite3", f"{found / base:.1f}×", ""),
    ]


def _compile_package() -> None:
    """The package's bytecode, as any run of it leaves it: where PYTHONDONTWRITEBYTECODE is set
    (some sandboxes), each new process would compile kexie_chat from source, which `import
    sqlite3` never does (the standard library comes compiled)."""
    import compileall

    compileall.compile_dir(ROOT / "kexie_chat", quiet=1)


def _full_text_one_shot(db: Path, runs: int) -> list[tuple[str, str, str]]:
    ask = [BIN / "kexie-ask", "--db", db, FULL_TEXT_ONE_SHOT]
    baseline, search = [], []
    for _ in range(runs):
        baseline.append(_wall(BASELINE))
        search.append(_wall(ask))
    base, found = statistics.median(baseline), statistics.median(search)
    return [(f"kexie-ask “{FULL_TEXT_ONE_SHOT}” (full-text search)", _ms(found), ""),
            ("  ratio to import sqlite3", f"{found / base:.1f}×", "")]


def _wall(command: list, check: bool = False) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check)
    return time.perf_counter() - start


def _in_process(db: Path, questions: Path) -> list[tuple[str, str, str]]:
    _progress("Assistant.ask over the dev questions …")
    from kexie_chat import Assistant

    start = time.perf_counter()
    assistant = Assistant(db_path=db)
    opened = time.perf_counter() - start
    times = []
    for line in questions.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        turns = case.get("turns") or [case]
        chat = assistant.conversation()
        for turn in turns:
            start = time.perf_counter()
            chat.ask(turn["q"]) if "turns" in case else assistant.ask(turn["q"])
            times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return [
        ("Assistant() open, in process", _ms(opened), ""),
        (f"Assistant.ask median ({len(times)} questions)", _ms(statistics.median(times)), "≤ 5 ms"),
        ("Assistant.ask p95", _ms(p95), "≤ 25 ms"),
        ("Assistant.ask slowest", _ms(times[-1]), ""),
    ]


def _app(db: Path) -> list[tuple[str, str, str]]:
    """The terminal app in tmux at 80x24 (see scripts/tui_check.py); left out without tmux."""
    import shutil

    if not shutil.which("tmux"):
        return [("kexie app", "not measured: needs tmux", "")]
    _progress("the terminal app, in tmux …")
    sys.path.insert(0, str(ROOT / "scripts"))
    from tui_check import time_app

    timed = time_app(str(BIN / "kexie"), db)
    return [
        ("kexie app: first paint", _ms(timed["first paint"]), "≤ 1 s"),
        ("kexie app: index open (就绪)", _ms(timed["ready"]), ""),
        (f"kexie app: Enter to answer on screen, median of {len(timed['answers'])}",
         _ms(statistics.median(timed["answers"])), "≤ 0.3 s"),
    ]


def _print_table(corpus: Path, rows: list[tuple[str, str, str]]) -> None:
    from wcwidth import wcswidth

    print(f"kexie-chat bench: {corpus}")
    widths = [max(wcswidth(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell + " " * (widths[i] - wcswidth(cell)) for i, cell in enumerate(row)).rstrip())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _seconds(seconds: float) -> str:
    return f"{seconds:.2f} s"


def _mb(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
