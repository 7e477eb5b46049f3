#!/usr/bin/env python3
"""Score the assistant on the project's question bank (tests/questions/*.jsonl).

    .venv/bin/python scripts/score.py                     # every file of tests/questions
    .venv/bin/python scripts/score.py tests/questions/dev.jsonl --db other.db -v

A case is {"id", "q", "expect"} or {"id", "turns": [{"q", "expect"}, ...]} for a conversation.
An expectation may hold: status (default answered); values (money in 万元, or a count, score or
percent: facts[0] matches the first, every one is among the facts); any_of (facts[0] matches one);
all_of (each among the facts); org (a substring of facts[0].org); year; text_contains (a string
or a list); passage_contains; no_fact_for ({"org", "year"}: no fact claims it); verdict (one or a
list). The same format as the shared dev set, so a bank scores the same everywhere. A case (or a turn)
may cite "src" (["corpus-file:line", ...]) and "calc" ("a-b=c") for its reviewer; scoring ignores
them and tests/test_bank_sources.py checks each expected figure is printed on its cited lines.

Verdicts: correct, wrong (a figure or status that contradicts the expectation), abstain
(not_found/clarify where an answer was expected), error (an exception). Exit status 0; with
--strict, 1 when any case is not correct.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "tests" / "questions"
MONEY_UNITS = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}
VERDICTS = ("correct", "wrong", "abstain", "error")


def load_cases(*paths: Path) -> list[dict]:
    """Every case of the given files (or of the whole bank), in file order."""
    files = [p for path in (paths or (BANK,)) for p in (sorted(path.glob("*.jsonl")) if path.is_dir() else [path])]
    return [json.loads(line) for file in files for line in file.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("//")]


def turns(case: dict) -> list[dict]:
    return case.get("turns") or [{"q": case["q"], "expect": case["expect"]}]


def fact_value(fact: dict) -> float | None:
    if fact.get("value") is None:
        return None
    return float(fact["value"]) * MONEY_UNITS.get((fact.get("unit") or "").strip(), 1.0)


def close(got: float | None, want: float) -> bool:
    return got is not None and abs(got - want) <= max(0.0051, abs(want) * 1e-3)


def judge(answer: dict, expect: dict) -> tuple[str, str]:
    """(verdict, why) of one answer (as `Answer.model_dump(mode="json")`) against its expectation."""
    status, facts, text = answer.get("status"), answer.get("facts") or [], answer.get("text") or ""
    for fact in facts if "no_fact_for" in expect else ():
        bad = expect["no_fact_for"]
        if bad["org"] in (fact.get("org") or "") and fact.get("year") == bad.get("year"):
            return "wrong", f"claims a fact for {bad}: {fact.get('metric')}={fact.get('value')}"
    wanted = expect.get("status", "answered")
    if wanted != "answered":
        if status == wanted or (wanted == "not_found" and status in ("clarify", "error")):
            return "correct", ""
        if status == "answered" and "no_fact_for" in expect:
            return "correct", ""
        return "wrong", f"status {status!r}, expected {wanted!r}"
    if status != "answered":
        return "abstain", f"status {status!r}: {text[:80]}"
    return _judge_answered(answer, expect, facts, text)


def _judge_answered(answer: dict, expect: dict, facts: list[dict], text: str) -> tuple[str, str]:
    values = [fact_value(f) for f in facts]
    if {"values", "any_of", "all_of"} & expect.keys():
        if not facts:
            return "wrong", "answered with no facts"
        first = values[0]
        if "values" in expect and not close(first, expect["values"][0]):
            return "wrong", f"facts[0]={first} ({facts[0].get('org')} {facts[0].get('metric')}), expected {expect['values'][0]}"
        if "any_of" in expect and not any(close(first, w) for w in expect["any_of"]):
            return "wrong", f"facts[0]={first} ({facts[0].get('metric')}), expected one of {expect['any_of']}"
        for want in expect.get("values", [])[1:] + expect.get("all_of", []):
            if not any(close(v, want) for v in values):
                return "wrong", f"missing value {want} among {values[:12]}"
    if "org" in expect and expect["org"] not in ((facts[0].get("org") if facts else "") or ""):
        return "wrong", f"facts[0].org={facts[0].get('org') if facts else ''!r}, expected {expect['org']!r}"
    if "year" in expect and (facts[0].get("year") if facts else None) != expect["year"]:
        return "wrong", f"facts[0].year={facts[0].get('year') if facts else None}, expected {expect['year']}"
    allowed = expect.get("verdict")
    allowed = [allowed] if isinstance(allowed, str) else allowed
    if allowed and answer.get("verdict") not in allowed:
        return "wrong", f"verdict {answer.get('verdict')!r}, expected {expect['verdict']!r}"
    needles = expect.get("text_contains", [])
    for needle in [needles] if isinstance(needles, str) else needles:
        if needle not in text:
            return "wrong", f"text lacks {needle!r}: {text[:80]}"
    if "passage_contains" in expect:
        hay = [p.get("text", "") for p in answer.get("passages") or []] + [text]
        hay += [(f.get("source") or {}).get("quote", "") for f in facts]
        if not any(expect["passage_contains"] in h for h in hay):
            return "wrong", f"no passage contains {expect['passage_contains']!r}"
    return "correct", ""


def score(assistant, cases: list[dict]) -> list[tuple[str, str, str, str, float]]:
    """(verdict, label, question, why, seconds) for every turn of every case."""
    results = []
    for case in cases:
        chat = assistant.conversation() if "turns" in case else None
        for number, turn in enumerate(turns(case), 1):
            label = case["id"] + (f".{number}" if chat else "")
            started = time.perf_counter()
            try:
                answer = chat.ask(turn["q"]) if chat else assistant.ask(turn["q"])
                verdict, why = judge(answer.model_dump(mode="json"), turn["expect"])
            except Exception as exc:  # a crash is a verdict, not the end of the run
                verdict, why = "error", f"{type(exc).__name__}: {exc}"
            results.append((verdict, label, turn["q"], why, time.perf_counter() - started))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files or folders (default: tests/questions)")
    parser.add_argument("--db", help="the index to ask (default: the assistant's own)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any case is not correct")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kexie_chat import Assistant

    started = time.perf_counter()
    assistant = Assistant(db_path=args.db) if args.db else Assistant()
    opened = time.perf_counter() - started
    results = score(assistant, load_cases(*args.files))
    for verdict, label, question, why, _ in results:
        if verdict != "correct" or args.verbose:
            print(f"{verdict:8} {label:8} {question!r}  {why}")
    counts = {v: sum(r[0] == v for r in results) for v in VERDICTS}
    times = sorted(r[4] for r in results)
    if times:
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"latency per question: median {statistics.median(times) * 1000:.1f} ms, "
              f"p95 {p95 * 1000:.1f} ms, Assistant() {opened * 1000:.0f} ms")
    print(f"score: {counts['correct']}/{len(results)} correct, {counts['wrong']} wrong, "
          f"{counts['abstain']} abstain, {counts['error']} error")
    return 1 if args.strict and counts["correct"] != len(results) else 0


if __name__ == "__main__":
    sys.exit(main())
