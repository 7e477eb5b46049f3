"""Golden answer texts: about forty canonical questions, one per operation and outcome, with the
full text a person reads, its status and the sources of its facts.

They make a change of the answer path's shape safe: a move keeps them identical, and a change of
wording is reviewed in the diff of tests/golden/answers/. Rewrite them on purpose with
    KEXIE_GOLDEN=write .venv/bin/python -m pytest tests/test_golden_answers.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden" / "answers"

# name -> the questions of one conversation (a single question is a one-turn conversation)
CASES: dict[str, tuple[str, ...]] = {
    "lookup": ("秦皇岛2022年三公经费",),
    "lookup_yuan_doc": ("包头2020年基本支出",),
    "lookup_code": ("功能分类2060799 秦皇岛",),
    "lookup_item": ("包头2020年科普活动项目预算数",),
    "lookup_typo_reading": ("包头公务接代费",),
    "lookup_colloquial": ("包头科协招待费花了多少钱",),
    "lookup_count": ("包头科协有几辆公车",),
    "lookup_sentence_count": ("包头接待了几批",),
    "lookup_side_missing": ("张家口2020年三公经费决算数",),
    "lookup_kind_missing": ("张家口2020年三公经费几辆",),
    "lookup_previous": ("包头2020年三公经费上年数",),
    "ambiguity_readings": ("江汉养老保险",),
    "compare": ("包头和江汉区的机关运行经费谁多",),
    "compare_times": ("包头和张家口的机关运行经费差几倍",),
    "compare_metrics": ("包头基本支出比项目支出多多少钱",),
    "compare_three": ("包头、江汉、张家口的项目支出比一比",),
    "rank": ("三公经费最高的是哪个单位",),
    "rank_lowest": ("人员经费最低的是哪个科协",),
    "share_pair": ("包头公用经费占基本支出的比例",),
    "share_stated": ("包头项目支出占比",),
    "rate": ("包头三公经费执行率",),
    "rate_budget_doc": ("张家口2020年三公经费执行率",),
    "change_stated": ("包头机关运行经费比上年减少多少",),
    "change_computed": ("包头收入总计比上年增加了百分之几",),
    "budget_vs_actual": ("包头2020年公务用车费预算和实际各多少",),
    "budget_vs_actual_item": ("江汉区科普活动项目预算和执行",),
    "budget_vs_actual_difference": ("包头2020年三公经费比预算少了多少",),
    "sum": ("包头2020年人员经费和公用经费加起来多少",),
    "each": ("秦皇岛二〇二二年部门预算人员经费和公用经费分别是多少",),
    "sum_yuan_doc": ("西城2019年公务接待费和公务用车购置及运行维护费加起来",),
    "verify_overspent": ("包头三公经费超支了吗",),
    "verify_clarify": ("核实：包头",),
    "clarify_compare": ("比较张家口和秦皇岛",),
    "breakdown_unlisted": ("张家口2020年机关运行经费构成",),
    "breakdown": ("秦皇岛2022年三公经费构成",),
    "verify_true": ("包头三公经费决算是2.1万元吗",),
    "verify_false": ("包头2020年三公经费支出2.5万元？",),
    "verify_partly": ("包头基本支出431.61万元、项目支出150万元，对吗",),
    "verify_direction": ("包头机关运行经费比上年增加了0.33万元吗",),
    "verify_pair": ("包头机关运行经费比江汉多吗",),
    "verify_no_amount": ("包头科协2020年决算有没有住房公积金",),
    "search": ("哪个科协开了抖音",),
    "search_nothing": ("量子纠缠望远镜",),
    "catalog": ("包头",),
    "catalog_all": ("有哪些文件",),
    "definition": ("什么是机关运行经费",),
    "definition_in_sentence": ("事业收入指的是什么",),
    "contact": ("包头市科协联系电话",),
    "not_found_org": ("包头市科技局2020年基本支出",),
    "not_found_year": ("包头2018年收入总计是多少",),
    "previous_year_told": ("西城2018年基本支出是多少",),
    "previous_year_computed": ("包头2019年收入总计是多少",),
    "not_found_metric": ("张家口2020年差旅费",),
    "not_understood": ("hello",),
    "empty": ("   ",),
    "follow_metric_org": ("张家口2020年三公经费", "公务接待费呢", "秦皇岛呢"),
    "follow_side": ("包头三公经费", "预算数呢", "公务用车呢"),
    "follow_operation": ("包头机关运行经费比上年减少多少", "项目支出呢"),
    "follow_compare_add": ("包头和江汉区的机关运行经费谁多", "加上张家口呢"),
    "follow_not_found": ("石家庄2020年三公经费", "张家口呢"),
    "follow_previous": ("江汉机关运行经费", "去年呢"),
}


def rendered(answer) -> str:
    """Everything of an answer a person or a script sees, in a stable, reviewable form."""
    head = answer.headline
    lines = [f"status: {answer.status}  intent: {answer.intent}  verdict: {answer.verdict}",
             f"headline: {head.figure} | {head.about}" if head else "headline: None",
             "--- text", answer.text, "--- facts"]
    lines += [f"{f.org}|{f.year}|{f.doc_kind}|{f.metric}|{f.code}|{f.item}|{f.value} {f.unit}|{f.basis}|"
              f"{f.source.doc}:{f.source.line}" for f in answer.facts]
    lines += ["--- passages"] + [f"{p.doc}:{p.line}" for p in answer.passages]
    lines += ["--- suggestions"] + list(answer.suggestions)
    return "\n".join(lines)


def conversation_text(assistant, questions: tuple[str, ...]) -> str:
    chat = assistant.conversation()
    return "\n\n".join(f"=== Q: {q}\n{rendered(chat.ask(q))}" for q in questions) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_answer(assistant, name):
    path = GOLDEN / f"{name}.txt"
    got = conversation_text(assistant, CASES[name])
    if os.environ.get("KEXIE_GOLDEN") == "write":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_every_operation_has_a_golden_answer():
    from kexie_chat.answering.route import HANDLERS

    said = {line.split("intent: ")[1].split()[0] for path in GOLDEN.glob("*.txt")
            for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("status: ")}
    assert set(HANDLERS) - {"two_metrics"} <= said and "compare_metrics" in CASES  # two figures answer as a compare
