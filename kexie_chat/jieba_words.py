"""jieba's dictionary as a table on disk, for cutting a few texts without loading the dictionary.

Loading jieba's whole dictionary (half a million words and prefixes) costs a third of a second,
most of what `kexie ingest` spends on one new document's passages. jieba only ever looks up a
text's own substrings (its DAG: from each character on, for as long as the prefix is a known
one), so the words a few texts need are looked up instead, one query per word length: 30 ms
for a 25-page disclosure. Every prefix of a dictionary word is in the dictionary, so the lookups
find exactly the entries of the dictionary that occur in the texts, and a tokenizer over them
cuts the texts exactly as over the whole dictionary.

The table is written once per machine and jieba dictionary, beside jieba's own cache, by the
first build that loaded the whole dictionary. Any failure to read or write it only means the
dictionary is loaded as before.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

# Above this many characters to cut, loading the whole dictionary is the faster way.
LOOKUP_UP_TO = 100_000


def lookup_pays(blocks: list[str]) -> bool:
    return sum(map(len, blocks)) <= LOOKUP_UP_TO


def words_in(blocks: Iterable[str], table: Path) -> tuple[dict[str, int], int] | None:
    """The dictionary's entries (words and prefixes, a prefix with frequency 0) that occur in the
    blocks (runs of the characters jieba cuts), and the dictionary's total; None without a table."""
    try:
        with closing(sqlite3.connect(f"file:{table}?mode=ro", uri=True)) as conn:
            total = int(conn.execute("select total from total").fetchone()[0])
            return _occurring(conn, set(blocks)), total
    except (sqlite3.Error, TypeError, ValueError):
        return None


def _occurring(conn: sqlite3.Connection, blocks: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    starts = [(block, k) for block in blocks for k in range(len(block))]
    length = 1
    while starts:  # the substrings of this length whose shorter prefix is an entry
        wanted = {block[k:k + length] for block, k in starts}
        rows = conn.execute("select word, freq from words where word in (select value from json_each(?))",
                            [json.dumps(sorted(wanted), ensure_ascii=False)])
        known = dict(rows)
        found.update(known)
        length += 1
        starts = [(block, k) for block, k in starts if k + length <= len(block) and block[k:k + length - 1] in known]
    return found


def save(freq: dict[str, int], total: int, table: Path) -> None:
    """Write the table (once: one that can be read is kept), whole or not at all."""
    if words_in([], table) is not None:
        return
    tmp = table.with_name(f".{table.name}.{os.getpid()}.tmp")
    try:
        with closing(sqlite3.connect(tmp)) as conn:
            conn.execute("pragma journal_mode = off")
            conn.execute("create table words (word text primary key, freq integer) without rowid")
            conn.execute("create table total (total integer)")
            conn.executemany("insert into words values (?, ?)", freq.items())
            conn.execute("insert into total values (?)", [total])
            conn.commit()
        os.replace(tmp, table)
    except (OSError, sqlite3.Error):
        pass
    finally:
        tmp.unlink(missing_ok=True)
