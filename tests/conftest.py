from pathlib import Path

import pytest

from kexie_chat import Assistant
from kexie_chat.parse import parse_disclosure
from kexie_chat.store import build_index

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def db(tmp_path_factory):
    return build_index(CORPUS, tmp_path_factory.mktemp("index") / "kexie.db")


@pytest.fixture(scope="session")
def assistant(db):
    return Assistant(db_path=db, corpus=CORPUS)


@pytest.fixture(scope="session")
def disclosures():
    return {path.name: parse_disclosure(path.name, path.read_text(encoding="utf-8"))
            for path in sorted(CORPUS.glob("*.txt"))}
