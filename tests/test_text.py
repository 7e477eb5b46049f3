"""Cutting a question with only the index's words that occur in it, exactly as with all of them."""
import json
from pathlib import Path

from kexie_chat.store import Store, read_dictionary
from kexie_chat.text import _search_cut, dictionary_tokenizer

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "questions" / "dev.jsonl"


def test_a_text_is_cut_as_with_the_whole_dictionary(db):
    store = Store(db)  # makes the index's dictionary the active one
    whole = dictionary_tokenizer(*read_dictionary(db))
    cases = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [turn["q"] for case in cases for turn in (case.get("turns") or [case])]
    passages = [row[0] for row in store.conn.execute("select text from passages")]
    texts = questions + passages + ["科普e站", "　全角 ＡＢＣ １２３", "", "秦皇岛市科学技术协会2022年部门预算"]
    assert len(passages) > 2000
    for text in texts:
        assert list(_search_cut(text)) == list(_search_cut(text, whole)), text



def test_texts_are_cut_over_looked_up_words_as_over_the_whole_dictionary(db, tmp_path, monkeypatch):
    """A build of a few documents looks their words up on disk (see jieba_words) instead of
    loading jieba's dictionary: every passage is cut, and finds its words, the same."""
    from kexie_chat import jieba_words, text

    table = tmp_path / "words.sqlite"
    jieba_words.save(*text._jieba_dictionary(), table)
    monkeypatch.setattr(text, "_words_table", lambda: table)
    passages = [row[0] for row in Store(db).conn.execute("select text from passages")]
    kept = ["科协", "三公经费", "科普e站", "机关运行经费"]
    for start in range(0, len(passages), 400):
        part = passages[start:start + 400] + ["全角 ＡＢＣ １２３", "科学技术协会普及部", "龘靐齉爩"]
        looked_up, whole = text.tokenizer_for(kept, part), text.build_tokenizer(kept)
        assert len(looked_up.FREQ) < len(whole.FREQ) / 20
        for passage in part:
            assert text.cut_for_index(passage, looked_up) == text.cut_for_index(passage, whole), passage
        assert text.occurring_words(looked_up, part) == text.occurring_words(whole, part)


def test_without_the_table_the_whole_dictionary_is_loaded(tmp_path, monkeypatch):
    from kexie_chat import jieba_words, text

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"not a database")
    for table in (tmp_path / "missing.sqlite", damaged):
        assert jieba_words.words_in(["三公经费"], table) is None
        monkeypatch.setattr(text, "_words_table", lambda: table)
        assert len(text.tokenizer_for([], ["三公经费"]).FREQ) == len(text.build_tokenizer([]).FREQ)
