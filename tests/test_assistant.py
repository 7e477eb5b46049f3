"""What an answer reads at any size of corpus, checked against reading everything.

Opening an index reads no finding: the findings of a document are read when an answer first
leads with one of its figures, and an answer says what all of them read up front would. A
comparison across orgs is one query, a code's parts one query, a definition the first few: each
gives what the per-org (or whole) lookup it replaces gave.
"""
import json
from pathlib import Path

import pytest

from kexie_chat import Assistant
from kexie_chat.answering import Context
from kexie_chat.findings import by_source, findings_about, stored_findings
from kexie_chat.intent import parse_question

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "questions" / "dev.jsonl"


@pytest.fixture()
def fresh(db):
    return Assistant(db_path=db, corpus=ROOT / "corpus")


def _dev_questions() -> list[str]:
    cases = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [turn["q"] for case in cases for turn in (case.get("turns") or [case])]


def test_opening_reads_no_finding_and_an_answer_reads_its_own_document(fresh):
    assert not fresh.findings.read and not fresh.findings.by_source
    answer = fresh.ask("江汉区2020年人员经费")
    assert "199.36" in answer.text  # the finding's other figure, said beside the answer's
    assert fresh.findings.read == {answer.facts[0].source.doc}


def test_annotations_are_those_of_every_finding_read_up_front(fresh):
    everything = by_source(stored_findings(fresh.store))
    assert everything
    noted = 0
    for question in _dev_questions():
        answer = fresh.engine.answer(question)
        expected = fresh.engine.answer(question, findings=lambda facts: findings_about(facts, everything))
        assert fresh.ask(question).text == expected.text, question
        noted += expected.text != answer.text
    assert noted  # some dev answers carry a finding's note


def test_a_conversation_answer_is_annotated_too(fresh):
    chat = fresh.conversation()
    chat.ask("江汉区2020年基本支出")
    assert "199.36" in chat.ask("人员经费呢").text


@pytest.mark.parametrize("intent_words", ["{}最高的是哪个单位", "比较各单位的{}"])
def test_one_query_across_orgs_gives_each_org_its_own_facts(fresh, intent_words):
    engine = fresh.engine
    for metric in [*fresh.store.metrics(), "2060702", "30201"]:
        query = parse_question(intent_words.format(metric), engine.orgs, engine.metrics, engine.items)
        asked = query.codes[0].value if query.codes else metric
        docs = {org: doc for org in engine.by_org for doc in [engine.index.doc_for(org, query, Context())[0]] if doc}
        one_by_one = {org: engine.index.facts(org, doc, asked, query) for org, doc in docs.items()}
        assert engine.index.facts_across(docs, asked, query) == {org: f for org, f in one_by_one.items() if f}, metric


def test_a_codes_parts_are_the_codes_two_digits_longer(fresh):
    store, checked = fresh.store, 0
    for document in store.documents():
        facts = store.facts(org=document.org, year=document.year)
        for code in {f.code for f in facts if f.code}:
            expected = [f for f in facts if f.code and f.code.startswith(code) and len(f.code) == len(code) + 2]
            assert store.coded_facts(document.org, document.year, code) == expected
            checked += bool(expected)
    assert checked > 20


def test_first_definitions_put_the_orgs_own_first(fresh):
    store = fresh.store
    orgs = [None, *{d.org for d in store.documents()}]
    for term in store.definition_terms():
        for org in orgs:
            everyone = sorted(store.definitions(term), key=lambda d: d.org != org)
            assert store.first_definitions(term, org, limit=4) == everyone[:4], (term, org)
