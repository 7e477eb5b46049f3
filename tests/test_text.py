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

