"""What keeps kexie-chat fast at any size, checked without timing anything.

A structured question never loads jieba; a search is cut with the index's own dictionary,
exactly as the passages were; the synthetic corpus of scripts/scale_corpus.py is a faithful
variation of the seeds; and among many similar orgs a short name finds its own org.
"""
import importlib.util
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kexie_chat.lexicon import METRIC_PARTS
from kexie_chat.parse import parse_disclosure
from kexie_chat.store import Store
from kexie_chat.text import segment, to_wan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
MONEY = ("元", "万元", "亿元")


def _scale_corpus():
    spec = importlib.util.spec_from_file_location("scale_corpus", ROOT / "scripts" / "scale_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["scale_corpus"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scale_corpus():
    return _scale_corpus()


def test_a_structured_question_does_not_import_jieba(db):
    script = (f"import sys; from kexie_chat import Assistant; "
              f"a = Assistant(db_path={str(db)!r}); answer = a.ask('秦皇岛2022年三公经费'); "
              f"assert answer.status == 'answered', answer.text; "
              f"heavy = {{'jieba', 'sqlite_utils', 'rapidfuzz', 'pypinyin', 'textual'}} & set(sys.modules); "
              f"assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_every_word_of_a_passage_as_a_question_cuts_it_finds_that_passage(db):
    """Questions are cut with the index's dictionary exactly as the passages were: each word of
    `segment(text)` is a word passages_fts holds for that passage, or inside one (inner_words)."""
    store = Store(db)
    store.conn.execute("create virtual table temp.held using fts5vocab(main, 'passages_fts', 'instance')")
    held: dict[int, set[str]] = {}
    for term, rowid in store.conn.execute("select term, doc from held"):
        held.setdefault(rowid, set()).add(term)
    within: dict[str, set[str]] = {}
    for inner, word in store.conn.execute("select inner, word from inner_words"):
        within.setdefault(inner.lower(), set()).add(word.lower())
    rows = store.conn.execute("select rowid, text from passages").fetchall()
    assert len(rows) > 2000
    for rowid, text in rows:
        words = held.get(rowid, set())
        missing = [t for w in segment(text) for t in _fts_tokens(w) if t not in words and not within.get(t, set()) & words]
        assert not missing, (text, missing)


def _fts_tokens(word: str) -> list[str]:
    """The words passages_fts (unicode61) reads in a word of the question: 25% is 25."""
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" or unicodedata.category(ch) == "Co" else " " for ch in word)
    return kept.lower().split()


def test_scaled_disclosures_parse_as_their_seed_times_one_factor(scale_corpus):
    generated = scale_corpus.generate(CORPUS, 5 + 4)  # two city and two district variations
    assert {g.seed for g in generated} >= {p.name for p in CORPUS.glob("*.txt") if "区" in p.name}
    for doc in generated:
        seed = parse_disclosure(doc.seed, (CORPUS / doc.seed).read_text(encoding="utf-8"))
        read = parse_disclosure(doc.name, doc.text)
        assert (read.document.org, read.document.year) == (doc.org.full, doc.year)
        assert len(read.facts) == len(seed.facts)
        for was, now in zip(seed.facts, read.facts):
            assert (now.source.line, now.unit, now.basis) == (was.source.line, was.unit, was.basis)
            money = was.unit in MONEY and was.value is not None
            assert now.value == (was.value * doc.factor if money else was.value), now.source.quote
        _totals_still_add_up(seed, read)


def _totals_still_add_up(seed, read):
    def sums(disclosure):
        facts = {(f.metric, f.basis, f.scope): f.value for f in disclosure.facts if f.value is not None}
        return {(total, basis, scope): sum(facts.get((p, basis, scope), 0) for p in parts) == value
                for total, parts in METRIC_PARTS.items() for (metric, basis, scope), value in facts.items()
                if metric == total and all((p, basis, scope) in facts for p in parts)}
    assert sums(read) == sums(seed)
    assert any(sums(seed).values())


def test_a_short_name_finds_its_own_org_among_many_similar_ones(scale_corpus, tmp_path):
    corpus = tmp_path / "scale"
    scale_corpus.write_corpus(CORPUS, corpus, 60)
    from kexie_chat import Assistant

    assistant = Assistant(db_path=tmp_path / "scale.db", corpus=corpus)
    orgs = {d.org for d in assistant.engine.documents}
    assert len(orgs) >= 50
    for doc in scale_corpus.generate(CORPUS, 60)[::3]:
        answer = assistant.ask(f"{doc.org.base}{doc.year}年三公经费")
        assert {f.org for f in answer.facts} <= {doc.org.full}, (doc.org, answer.text)
        assert answer.status == "answered" and answer.facts, (doc.org, answer.text)
    ranked = assistant.ask("三公经费最高的是哪个单位")
    assert ranked.status == "answered" and len(ranked.facts) == len(orgs)
    in_wan = [to_wan(f.value, f.unit) for f in ranked.facts]  # 西城 states 元, the others 万元
    assert in_wan == sorted(in_wan, reverse=True)
    shown = [line for line in ranked.text.splitlines() if "三公经费" in line or line.endswith("行")]
    assert len([line for line in shown if line.endswith("行")]) == 30
    assert f"共 {len(orgs)} 个单位，以上是前 30 个" in ranked.text
