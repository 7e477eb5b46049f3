"""The only module that knows SQL: build the index from the corpus, and look things up in it.

The index is derived data. A build writes a temporary file next to the target and renames
it into place, so a failed or killed build leaves the previous index answering. Readers
open the file read-only.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import unicodedata
import zlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import closing
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .cores import cores
from .cores import pool as _pool
from .dataset import write_metadata
from .models import Definition, Document, Fact, Passage, Source
from .text import (IndexCut, build_tokenizer, cut_for_index, fold, occurring_words, segment,
                   tokenizer_for, use_dictionary)

if TYPE_CHECKING:
    from .build_cache import BuildCache, Cut, Reading
    from .parse import Disclosure

SCHEMA_VERSION = "3"  # 2: value_wan, passages_search; 3: documents.scope
CORPUS_SUFFIXES = (".txt",)


class IndexBuildError(RuntimeError):
    """The index cannot be built or read."""


def corpus_files(corpus: Path) -> list[Path]:
    return [Path(entry.path) for entry in _corpus_entries(corpus)]


def _corpus_entries(corpus: Path) -> list[os.DirEntry]:
    """The corpus's disclosures as directory entries, by name (an entry keeps its stat)."""
    with os.scandir(corpus) as entries:
        return sorted((e for e in entries if Path(e.name).suffix in CORPUS_SUFFIXES and e.is_file()),
                      key=lambda e: e.name)


# The code whose output the index holds, every module a build imports (tests/test_build_cache.py
# checks the list): a change to any of them makes the index stale and what a build kept unusable.
READER_SOURCES = ("__init__.py", "parse/*.py", "check/*.py", "lexicon.py", "vocabulary.py", "text.py", "orgs.py",
                  "gazetteer.py", "models.py", "findings.py", "render.py", "readers.py", "store.py", "build_cache.py",
                  "dataset.py", "cores.py", "jieba_words.py")


def reader_version() -> str:
    """A digest of the reader's code and the index's schema."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    package = Path(__file__).parent
    for pattern in READER_SOURCES:
        for source in sorted(package.glob(pattern)):
            digest.update(source.read_bytes())
    return digest.hexdigest()


class CorpusFile(NamedTuple):
    """A corpus file's bytes as one build reads them."""

    name: str
    data: bytes
    digest: str  # sha256 of data

    @classmethod
    def read(cls, path: Path) -> CorpusFile:
        data = path.read_bytes()
        return cls(path.name, data, hashlib.sha256(data).hexdigest())


def corpus_fingerprint(corpus: Path) -> str:
    """Changes when a corpus file is added, removed or edited, or when the reader changes."""
    return _fingerprint(reader_version(), [CorpusFile.read(path) for path in corpus_files(corpus)])


def _fingerprint(version: str, files: list[CorpusFile]) -> str:
    digest = hashlib.sha256(version.encode())
    for file in files:
        digest.update(file.name.encode())
        digest.update(bytes.fromhex(file.digest))
    return digest.hexdigest()


def read_corpus(corpus: Path) -> Iterator[Disclosure]:
    for path in corpus_files(corpus):
        yield _parse_file(CorpusFile.read(path))


# Disclosures read before their file was written (kexie ingest), by file name and sha256 of the
# text: a build takes one as it is when the file holds that text, instead of reading it again.
_PARSED: dict[tuple[str, str], Disclosure] = {}


def remember_parse(disclosure: Disclosure) -> None:
    _PARSED[disclosure.document.doc, disclosure.document.sha256] = disclosure


def _parse_file(file: CorpusFile) -> Disclosure:
    from .parse import NotADisclosure, parse_disclosure  # for building only: a question never needs them
    from .readers import UnreadableFile, decode_text

    try:
        text = decode_text(file.data)
        known = _PARSED.pop((file.name, hashlib.sha256(text.encode("utf-8")).hexdigest()), None) if _PARSED else None
        return known or parse_disclosure(file.name, text)
    except (UnreadableFile, NotADisclosure) as exc:
        raise IndexBuildError(f"语料文件 {file.name} 读不了：{exc}") from exc


# --- a build on every core, reading only what the last build did not ---------------------
# Below this many files to read a build stays in one process: starting workers would cost more.
PARALLEL_FROM = 24


def read_files(files: list[CorpusFile], cache: BuildCache, reuse: bool = True) -> tuple[dict[str, Reading], set[str]]:
    """Each file's reading, by its key in the cache, in corpus order: the cache's when it holds one
    for these bytes (and reuse), else parsed and audited, on all cores when there are many. Also
    the keys of the readings made anew."""
    keys = [cache.key(file.name, file.digest) for file in files]
    readings = {key: cache.reading(key) if reuse else None for key in keys}
    missing = [(key, file) for key, file in zip(keys, files) if readings[key] is None]
    workers = _workers(len(missing))
    if workers == 1:
        done = [_read(file) for _, file in missing]
    else:
        with _pool(workers) as pool:
            done = list(pool.map(_read, [file for _, file in missing], chunksize=4))
    readings.update(zip((key for key, _ in missing), done))
    return readings, {key for key, _ in missing}


def _nothing_to_index(corpus: Path) -> str:
    """Why a corpus gives no index: a corpus holds text; published files go in through kexie ingest."""
    published = sorted(p.name for p in corpus.iterdir() if p.is_file() and p.suffix not in CORPUS_SUFFIXES)
    if published:
        shown = "、".join(published[:3]) + ("等" if len(published) > 3 else "")
        return (f"语料目录 {corpus} 里没有 .txt 公开文件（有 {shown}）。PDF、Word、Excel、网页请用 "
                f"kexie ingest 文件… --corpus {corpus} 加入，它会转成文本放进语料目录")
    return f"语料目录 {corpus} 里没有公开文件（.txt）"


def _read(file: CorpusFile) -> Reading:
    from .build_cache import Reading
    from .check import finding_rows  # the audit is for building only: a question never imports it

    disclosure = _parse_file(file)
    return Reading(disclosure, list(finding_rows([disclosure])))


class Segmented(NamedTuple):
    cuts: list[str]  # each passage as passage_text keeps it (see _encode), in corpus order
    inner: set[tuple[str, str]]  # (a word inside a word of the passages, that word)
    dictionary: tuple[dict[str, int], int]  # frequencies and total the passages were cut with


def cut_passages(readings: dict[str, Reading], cache: BuildCache, reuse: bool = True) -> tuple[tuple[str, list[str]], set[str]]:
    """Give every reading a cut of its passages into words (see text.cut_for_index) that holds for
    the corpus's kept words (see text.build_tokenizer): a kept word changes the cut of a passage only
    where it occurs (jieba looks up a text's own substrings only), so a reading keeps its earlier
    cut but for the passages where a kept word that changed since occurs. The passages to cut are
    cut on all cores when there are many documents.

    Returns the kept words (their key, the words) and the keys of the readings whose cut changed.
    """
    kept = _vocabulary_words([reading.disclosure for reading in readings.values()])
    kept_key = hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()
    plans = [_recut(key, reading, (kept_key, set(kept)), cache if reuse else None) for key, reading in readings.items()]
    todo = [plan for plan in plans if plan]
    texts = [[readings[plan.key].disclosure.passages[n].text for n in plan.passages] for plan in todo]
    workers = _workers(len(todo))
    if workers == 1:
        done = _cut_in_one_process(kept, texts)
    else:
        with _pool(workers, initializer=_start_segmenter, initargs=(kept,)) as pool:
            done = list(pool.map(_cut_texts, texts, chunksize=2))
    for plan, cut in zip(todo, done):
        readings[plan.key].cut = _merged(readings[plan.key].cut, plan, cut, kept_key)
    return (kept_key, kept), {plan.key for plan in todo}


class _Recut(NamedTuple):
    """What of a reading's passages to cut anew (nothing to do when `passages` is None)."""

    key: str
    passages: list[int] | None     # their positions in the disclosure
    changed: set[str] | None       # the kept words that changed since its cut (None: no cut to keep)

    def __bool__(self) -> bool:
        return self.passages is not None


def _recut(key: str, reading: Reading, kept: tuple[str, set[str]], cache: BuildCache | None) -> _Recut:
    everything = _Recut(key, list(range(len(reading.disclosure.passages))), None)
    cut = reading.cut
    if cut is None or cache is None:
        return everything
    if cut.kept == kept[0]:
        return _Recut(key, None, set())
    known = cache.kept_for(key, cut)
    if known is None:
        return everything
    changed = kept[1].symmetric_difference(known[1])
    stale = _passages_with(reading.disclosure.passages, changed)
    return _Recut(key, stale or None, changed)


def _passages_with(passages: list[Passage], words: set[str]) -> list[int]:
    """The positions of the passages in which one of the words occurs (folded): each word found
    in all the passages at once, a build adds new words to many documents."""
    folded = [fold(passage.text) for passage in passages]
    starts = list(accumulate((len(text) + 1 for text in folded), initial=0))
    joined = "\n".join(folded)  # no word spans two passages: a word has no line break
    found = set()
    for word in filter(None, words):
        at = joined.find(word)
        while at >= 0:
            n = bisect_right(starts, at) - 1
            found.add(n)
            at = joined.find(word, starts[n + 1])
    return sorted(found)


def _merged(old: Cut | None, plan: _Recut, new: tuple[list[str], list[list], dict[str, int], int], kept_key: str) -> Cut:
    """A reading's cut with its passages cut anew put in. A word that is no kept word that changed
    occurs as before, with the same frequency; those that changed occur where they were cut anew."""
    from .build_cache import Cut

    cuts, inner, words, total = new
    if plan.changed is None or old is None:
        return Cut(kept_key, cuts, inner, words, total)
    all_cuts, all_inner = list(old.cuts), list(old.inner)
    for n, cut, pairs in zip(plan.passages, cuts, inner):
        all_cuts[n], all_inner[n] = cut, pairs
    kept_words = {word: freq for word, freq in old.words.items() if word not in plan.changed}
    return Cut(kept_key, all_cuts, all_inner, {**kept_words, **words}, total)


def segmented_passages(readings: list[Reading]) -> Segmented:
    """The corpus's passages cut, from its readings' cuts: the dictionary is the words of all."""
    words: dict[str, int] = {}
    for reading in readings:
        words.update(reading.cut.words)
    cuts = [cut for reading in readings for cut in reading.cut.cuts]
    inner = {pair for reading in readings for pairs in reading.cut.inner for pair in pairs}
    return Segmented(cuts, inner, (words, readings[0].cut.total))


_SEGMENTER: dict = {}  # per process: the tokenizer of the build under way


def _start_segmenter(kept: list[str], texts: list[str] | None = None) -> None:
    """The tokenizer of a build: for these texts only when given (see text.tokenizer_for), else for any."""
    _SEGMENTER["full"] = build_tokenizer(kept) if texts is None else tokenizer_for(kept, texts)
    _SEGMENTER["known"] = {}  # text -> its cut, inner words and dictionary words, for this build


def _cut_in_one_process(kept: list[str], texts: list[list[str]]) -> list[tuple]:
    if texts:
        _start_segmenter(kept, [text for part in texts for text in part])
    return [_cut_texts(part) for part in texts]


def _cut_texts(texts: list[str]) -> tuple[list[str], list[list], dict[str, int], int]:
    """Passages cut into words: (each one's cut, each one's inner words, the dictionary's words
    that occur in them (see text.occurring_words: the index's dictionary), its total)."""
    full, known = _SEGMENTER["full"], _SEGMENTER["known"]
    cuts, inner, words = [], [], {}
    for text in texts:
        if text not in known:  # disclosures repeat their headers and explanations word for word, and each other's
            cut = cut_for_index(text, full)
            known[text] = _encode(text, cut), cut.inner, occurring_words(full, [text])
        encoded, pairs, found = known[text]
        cuts.append(encoded)
        inner.append(pairs)
        words.update(found)
    return cuts, inner, words, full.total


def _encode(text: str, cut: IndexCut) -> str:
    """A passage as passage_text keeps it: the pieces with PIECE between them, then WORDS and the
    words not found as written (see VIEWS for how the contract's passages reads it back)."""
    if PIECE in text or WORDS in text:  # never in a cleaned passage (text.clean drops control characters)
        raise IndexBuildError(f"段落含有控制字符：{text[:40]}")
    joined = cut.pieces[:1]
    for piece in cut.pieces[1:]:  # no PIECE where a space or a punctuation mark parts the words already
        joined.append(piece if _parts_words(joined[-1][-1]) or _parts_words(piece[0]) else PIECE + piece)
    return "".join(joined) + (WORDS + PIECE.join(cut.unplaced) if cut.unplaced else "")


def _parts_words(character: str) -> bool:
    """Whether passages_fts (unicode61) reads the character as a break between words."""
    return unicodedata.category(character)[0] in "PZ" or character.isspace()


def _workers(files: int) -> int:
    return 1 if files < PARALLEL_FROM else max(1, min(cores(), files // PARALLEL_FROM))


def _dictionary_row(words: dict[str, int], total: int) -> dict:
    lines = "\n".join(f"{word} {freq}" for word, freq in sorted(words.items()))
    return {"total": total, "words": zlib.compress(lines.encode("utf-8"), 9)}


def read_dictionary(db_path: Path) -> tuple[dict[str, int], int] | None:
    """The segmentation dictionary saved with an index (None for an index built before it was)."""
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            row = conn.execute("select words, total from dictionary").fetchone()
    except sqlite3.Error:
        return None
    if not row:
        return None
    pairs = (line.rsplit(" ", 1) for line in zlib.decompress(row[0]).decode("utf-8").split("\n") if line)
    return {word: int(freq) for word, freq in pairs}, row[1]


def build_index(corpus: Path, db_path: Path, *, reuse: bool = True) -> Path:
    """Read every disclosure of corpus/ and write the index atomically to db_path.

    A file the last build of db_path read, with the same bytes and the same reader code, is not
    read again (see build_cache.py), unless reuse is False: the index is the same either way.
    """
    from .build_cache import BuildCache, runtime_version  # for building only: a question never needs it

    corpus, db_path = Path(corpus), Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    _remove_orphans(db_path)
    version = reader_version()
    cache = BuildCache(db_path, f"{version}:{runtime_version()}")
    try:
        stamp = corpus_stamp(corpus)  # before reading: what was read
        files = [CorpusFile.read(path) for path in corpus_files(corpus)]
        if not files:
            raise IndexBuildError(_nothing_to_index(corpus))
        readings, read = read_files(files, cache, reuse)
        kept, cut = cut_passages(readings, cache, reuse)
        _write(tmp, list(readings.values()), _fingerprint(version, files))
        _record_corpus(tmp, corpus)
        _record_stamp(tmp, stamp)
        _check(tmp)
        _flush(tmp)
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    cache.save(readings, read, cut, kept)
    write_metadata(db_path)
    return db_path


# The contract's `facts` and `passages` are views over compact tables, so that an index keeps each
# string once: a document's name, org, year and kind in `documents`; the metric, unit, column, scope,
# table and item names of figures in `labels`; a row that many figures are read from in `quotes`; and
# a passage's text and words in one column, `passage_text.cut`: the text in pieces (a word of the
# search cut where the text has it as written) with PIECE between them, then WORDS and the words not
# found as written. Reading the views, the text is the pieces joined, and the words are everything
# with spaces between: what passages_fts indexes. A word inside a longer word (西城 in 西城区) is
# found through `inner_words`, kept once for the index, not once a passage.
PIECE, WORDS = "\x1f", "\x1d"
LABELLED = ("metric", "unit", "basis", "scope", "source_table", "item")
VIEWS = """
create view facts as select f.id as rowid, d.org, d.year, d.doc_kind, metric.text as metric, f.code,
    cast(f.value as real) as value, f.value as value_exact, unit.text as unit,
    cast(f.value as real) * (case unit.text when '元' then 0.0001 when '万元' then 1 when '亿元' then 10000 end) as value_wan,
    basis.text as basis, d.doc, f.line,
    quote.text as quote, scope.text as scope, source_table.text as source_table, item.text as item, f.text
  from figures f join documents d on d.id = f.doc_id join labels metric on metric.id = f.metric_id
    left join labels unit on unit.id = f.unit_id left join labels basis on basis.id = f.basis_id
    left join labels scope on scope.id = f.scope_id left join labels source_table on source_table.id = f.source_table_id
    left join labels item on item.id = f.item_id left join quotes quote on quote.id = f.quote_id;
create view passages as select p.id as rowid, d.doc, p.line,
    replace(substr(p.cut, 1, instr(p.cut || char(29), char(29)) - 1), char(31), '') as text,
    replace(replace(p.cut, char(29), ' '), char(31), ' ') as words
  from passage_text p join documents d on d.id = p.doc_id;
create virtual table passages_fts using fts5(words, content='passages', tokenize='unicode61');
insert into passages_fts (passages_fts) values ('rebuild');
create virtual table passages_search using fts5(text, doc unindexed, line unindexed, content='passages',
    tokenize='trigram');
insert into passages_search (passages_search) values ('rebuild');
"""


def _write(path: Path, readings: list[Reading], fingerprint: str) -> None:
    # sqlite-utils and the audit are for building only: a question never imports them.
    import sqlite_utils

    disclosures = [reading.disclosure for reading in readings]
    segmented = segmented_passages(readings)
    db = sqlite_utils.Database(path)
    # A build writes a temporary file, renamed into place only when whole (see _flush): no journal.
    db.execute("pragma journal_mode = off")
    db.execute("pragma synchronous = off")
    db["documents"].insert_all(({"id": n, **d.document.model_dump()} for n, d in enumerate(disclosures, 1)), pk="id")
    db["documents"].create_index(["doc"], unique=True)
    db["documents"].create_index(["org"])
    labels, quotes = _Strings(), _Strings()
    _fill(db, "figures", FIGURE_COLUMNS, _figure_rows(disclosures, labels, quotes))
    db["labels"].insert_all(labels.rows(), pk="id")
    db["labels"].create_index(["text"], unique=True)
    db["quotes"].insert_all(quotes.rows(), pk="id")
    _fill(db, "passage_text", {"id": int, "doc_id": int, "line": int, "cut": str},
          _passage_rows(disclosures, segmented.cuts))
    db.execute("create table inner_words (inner text, word text, primary key (inner, word)) without rowid")
    db.conn.executemany("insert into inner_words values (?, ?)", sorted(segmented.inner))
    db["dictionary"].insert(_dictionary_row(*segmented.dictionary))
    db["definitions"].create({"term": str, "text": str, "org": str, "doc": str, "line": int})
    db["definitions"].insert_all((df.model_dump() for d in disclosures for df in d.definitions))
    db["definitions"].create_index(["term"])
    db["aliases"].insert_all(({"org": d.document.org, "alias": a} for d in disclosures for a in d.aliases))
    _write_findings(db, [row for reading in readings for row in reading.findings])
    db["meta"].insert_all([{"key": "fingerprint", "value": fingerprint},
                           {"key": "schema", "value": SCHEMA_VERSION}], pk="key")
    db["figures"].create_index(["doc_id", "metric_id"])
    db.execute("create index idx_figures_code on figures (code) where code is not null")
    db.conn.executescript(VIEWS)
    _write_catalog(db)
    db.analyze()  # statistics, so that a question about one org reads that org's figures, not a metric's
    db.conn.commit()
    db.close()


def _write_findings(db, findings: list[dict]) -> None:
    """`findings` for people (Chinese kinds, the figures as columns); `finding_data` for the engine:
    each finding whole, as zlib-compressed JSON, read by document."""
    from .check import FINDING_COLUMNS

    numbered = list(enumerate(findings, 1))
    db["findings"].create(FINDING_COLUMNS, pk="id")
    db["findings"].insert_all({**{key: row.get(key) for key in FINDING_COLUMNS}, "id": n} for n, row in numbered)
    db["finding_data"].create({"id": int, "doc": str, "data": bytes}, pk="id")
    db["finding_data"].insert_all({"id": n, "doc": row["doc"], "data": zlib.compress(row["data"].encode("utf-8"), 9)}
                                  for n, row in numbered)
    db["finding_data"].create_index(["doc"])


class _Strings:
    """Each distinct string once, numbered from 1 in the order first met."""

    def __init__(self):
        self.ids: dict[str, int] = {}

    def id(self, text: str | None) -> int | None:
        return None if text is None else self.ids.setdefault(text, len(self.ids) + 1)

    def rows(self) -> Iterator[dict]:
        return ({"id": n, "text": text} for text, n in self.ids.items())


# A figure's column label: its basis before any note (事业收入（表内空白，记为0） is in 事业收入).
COLUMN_LABEL = "case when instr(basis, '（') then substr(basis, 1, instr(basis, '（') - 1) else basis end"
# Whole-index listings the engine reads each time it starts: kept at build time, so that opening
# an index does not scan every fact (rows in the order these queries gave).
CATALOG = {
    "metrics": "select distinct metric, null from facts",
    "items": "select distinct item, metric from facts where item is not null",
    "codes": "select distinct code, metric from facts where code is not null",
    # The columns of each row (a row by its name, and by its code too): name, column label.
    "cells": f"select distinct metric, {COLUMN_LABEL} from facts where basis != '' and item is null union "
             f"select distinct code, {COLUMN_LABEL} from facts where basis != '' and item is null and code is not null",
}


def _write_catalog(db) -> None:
    """Each kind's rows as one compressed JSON list: opening an index reads them all, never one."""
    db["catalog"].create({"kind": str, "rows": bytes}, pk="kind")
    db["catalog"].insert_all({"kind": kind, "rows": zlib.compress(json.dumps(db.execute(sql).fetchall(),
                                                                          ensure_ascii=False).encode("utf-8"), 9)}
                             for kind, sql in CATALOG.items())


def corpus_stamp(corpus: Path) -> str:
    """Names, sizes and modification times of the corpus and the reader: while they are
    unchanged, so is the fingerprint, and opening an index need not hash the whole corpus."""
    package = Path(__file__).parent
    corpus = Path(corpus).resolve()  # the index records the resolved path: the same stamp from anywhere
    files = [(str(p), p.stat()) for pattern in READER_SOURCES for p in sorted(package.glob(pattern))]
    files += [(entry.path, entry.stat()) for entry in _corpus_entries(corpus)]
    stats = [(path, stat.st_size, stat.st_mtime_ns) for path, stat in files]
    return hashlib.sha256(json.dumps(stats).encode()).hexdigest()


def _record_stamp(path: Path, stamp: str) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("insert into meta (key, value) values ('stamp', ?)", [stamp])


def _remove_orphans(db_path: Path) -> None:
    """Temporary files of builds that were killed (SIGKILL leaves them behind)."""
    from .build_cache import running

    for orphan in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
        pid = orphan.name.removeprefix(f".{db_path.name}.").split(".")[0]
        if pid.isdigit() and not running(int(pid)):
            orphan.unlink(missing_ok=True)


def _record_corpus(path: Path, corpus: Path) -> None:
    """The corpus an index was built from, so that another collection's index is kept from its own."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("insert into meta (key, value) values ('corpus', ?)", [str(corpus.resolve())])


def _vocabulary_words(disclosures: list[Disclosure]) -> list[str]:
    words = {d.document.org for d in disclosures} | {a for d in disclosures for a in d.aliases}
    words |= {f.metric for d in disclosures for f in d.facts}
    return sorted(w for w in words if len(w) >= 2)


FIGURE_COLUMNS = {"id": int, "doc_id": int, "line": int, "code": str, "value": str, "text": str, "quote_id": int,
                  **{f"{column}_id": int for column in LABELLED}}


def _fill(db, table: str, columns: dict[str, type], rows: Iterable[tuple]) -> None:
    """Create a table with sqlite-utils (the first column its key) and fill it with executemany:
    insert_all's checks cost more than all the rest of writing a large index."""
    db[table].create(columns, pk=next(iter(columns)))
    db.conn.executemany(f"insert into [{table}] values ({', '.join('?' * len(columns))})", rows)


def _figure_rows(disclosures: list[Disclosure], labels: _Strings, quotes: _Strings) -> Iterator[tuple]:
    """Rows of figures, in FIGURE_COLUMNS order."""
    for doc_id, disclosure in enumerate(disclosures, 1):
        document = disclosure.document
        for fact in disclosure.facts:
            if (fact.org, fact.year, fact.doc_kind, fact.source.doc) != (document.org, document.year,
                                                                       document.doc_kind, document.doc):
                raise IndexBuildError(f"{document.doc} 第 {fact.source.line} 行的数与所在文件的单位名称、年度或预算/决算不符")
            value = str(fact.value) if fact.value is not None else None
            yield (None, doc_id, fact.source.line, fact.code, value, fact.text, quotes.id(fact.source.quote),
                   *(labels.id(name) for name in (fact.metric, fact.unit, fact.basis, fact.scope, fact.table, fact.item)))


def _passage_rows(disclosures: list[Disclosure], cuts: list[str]) -> Iterator[tuple]:
    passages = ((doc_id, passage) for doc_id, d in enumerate(disclosures, 1) for passage in d.passages)
    return ((None, doc_id, passage.line, cut) for (doc_id, passage), cut in zip(passages, cuts))


def _flush(path: Path) -> None:
    """The built file on disk before it is renamed into place (it was written without syncing)."""
    with open(path, "rb+") as built:
        os.fsync(built.fileno())


def _check(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise IndexBuildError("新建索引未通过完整性检查")
        if not conn.execute("select count(*) from documents").fetchone()[0]:
            raise IndexBuildError("语料目录中没有可读的公开文件")


# How many sets of facts a Store keeps built (an org's figures are a few hundred sets at most).
FACT_SETS_KEPT = 2048


class Store:
    """Read-only lookups over a built index."""

    def __init__(self, db_path: Path):
        self.path = Path(db_path)
        if not self.path.exists():
            raise IndexBuildError(f"索引不存在：{self.path}")
        if not os.access(self.path, os.R_OK):
            raise IndexBuildError(f"无法读取索引（没有读权限）：{self.path}")
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("select 1 from meta limit 1")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise IndexBuildError(f"不是 kexie 索引，或已损坏：{self.path}") from exc
        self.conn = conn
        self._facts: dict[tuple, tuple[Fact, ...]] = {}  # see facts()
        # Questions are cut into words with the index's own dictionary, loaded by the first search.
        self._dictionary = (f"{self.path.resolve()}:{self.fingerprint()}", lambda path=self.path: read_dictionary(path))
        use_dictionary(*self._dictionary)

    def words_of(self, text: str) -> list[str]:
        """A question's words as this index cut its passages (another index opened since may have
        made its own dictionary the active one)."""
        use_dictionary(*self._dictionary)
        return segment(text)

    def fingerprint(self) -> str | None:
        row = self.conn.execute("select value from meta where key = 'fingerprint'").fetchone()
        return row[0] if row else None

    def is_current(self, corpus: Path) -> bool:
        """Whether the index was built from this corpus as it is now, by the reader as it is now."""
        row = self.conn.execute("select value from meta where key = 'stamp'").fetchone()
        return bool(row and row[0] == corpus_stamp(corpus)) or self.fingerprint() == corpus_fingerprint(corpus)

    def corpus(self) -> Path | None:
        """The corpus directory the index was built from (None for an index that does not say)."""
        row = self.conn.execute("select value from meta where key = 'corpus'").fetchone()
        return Path(row[0]) if row else None

    def documents(self) -> list[Document]:
        columns = ", ".join(Document.model_fields)
        rows = self.conn.execute(f"select {columns} from documents order by org, year, scope = '单位'")  # 部门 before 单位
        return [Document.model_construct(**dict(row)) for row in rows]

    def aliases(self) -> list[tuple[str, str]]:
        return [(r["org"], r["alias"]) for r in self.conn.execute("select org, alias from aliases")]

    def metrics(self, org: str | None = None, year: int | None = None) -> list[str]:
        """The metric names the index holds, or those of one org (and year)."""
        clauses = [f"{column} = ?" for column, value in (("org", org), ("year", year)) if value is not None]
        params = [value for value in (org, year) if value is not None]
        if not clauses:
            return [r[0] for r in self._catalog("metrics")]
        where = " and ".join(clauses)
        return [r[0] for r in self.conn.execute(f"select distinct metric from facts where {where}", params)]

    def items(self) -> list[tuple[str, str]]:
        """(item, metric) of every thing a table lists by name: a project, a purchase."""
        return [(item, metric) for item, metric in self._catalog("items")]

    def codes(self) -> dict[str, str]:
        return {code: metric for code, metric in self._catalog("codes")}

    def cells(self) -> list[tuple[str, str]]:
        """(row, column label) of the table rows: a row by its name and, when it has one, its code."""
        return [(row, column) for row, column in self._catalog("cells")]

    def _catalog(self, kind: str) -> list[tuple]:
        try:
            row = self.conn.execute("select rows from catalog where kind = ?", [kind]).fetchone()
        except sqlite3.OperationalError:  # an index built before the catalog was kept so
            row = None
        if row is None:
            return self.conn.execute(CATALOG[kind]).fetchall()
        return [tuple(pair) for pair in json.loads(zlib.decompress(row[0]))]

    def facts(self, *, org: str | None = None, metric: str | None = None, code: str | None = None,
              year: int | None = None, metrics: list[str] | None = None) -> list[Fact]:
        """Facts of the view, in the index's order. An answer asks the same few again and again (a total,
        its parts, their readings): the index is read-only, so each set is built once."""
        key = (org, metric, code, year, tuple(metrics or ()))
        if key not in self._facts:
            if len(self._facts) >= FACT_SETS_KEPT:
                self._facts.clear()
            self._facts[key] = self._read_facts(org=org, metric=metric, code=code, year=year, metrics=metrics)
        return list(self._facts[key])

    def _read_facts(self, *, org: str | None, metric: str | None, code: str | None, year: int | None,
                    metrics: list[str] | None) -> tuple[Fact, ...]:
        clauses, params = [], []
        for column, value in (("org", org), ("metric", metric), ("code", code), ("year", year)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if metrics:
            clauses.append(f"metric in ({', '.join('?' * len(metrics))})")
            params.extend(metrics)
        where = " and ".join(clauses) or "1"
        rows = self.conn.execute(f"select * from facts where {where} order by rowid", params)
        return tuple(_fact(row) for row in rows)

    def fact_table(self, *, org: str | None = None, metric: str | None = None) -> tuple[list[str], list[tuple]]:
        """The facts view as it is (columns, rows), of one org and/or metric: what an export writes."""
        clauses = [(f"{column} = ?", value) for column, value in (("org", org), ("metric", metric)) if value]
        where = " and ".join(clause for clause, _ in clauses) or "1"
        cursor = self.conn.execute(f"select * from facts where {where} order by rowid", [v for _, v in clauses])
        columns = [d[0] for d in cursor.description if d[0] != "rowid"]
        return columns, [tuple(row)[1:] for row in cursor]

    def definitions(self, term: str) -> list[Definition]:
        rows = self.conn.execute("select * from definitions where term = ? order by rowid", [term])
        return [Definition.model_construct(**dict(row)) for row in rows]

    def definition_terms(self) -> list[str]:
        return [r[0] for r in self.conn.execute("select distinct term from definitions")]

    def search(self, words: list[str], limit: int = 8, docs: Iterable[str] | None = None) -> list[Passage]:
        """Passages that hold all the words (or, failing that, any), best first; only of `docs` when given
        (an org's own, ranked among themselves).

        A word is found alone or inside a longer word (see inner_words), as jieba's search cut finds it.
        """
        words = [w for w in dict.fromkeys(words) if w]
        if not words:
            return []
        within = self._words_within(words)
        terms = [" OR ".join(json.dumps(w, ensure_ascii=False) for w in (word, *within.get(word, ()))) for word in words]
        docs = list(docs) if docs is not None else None
        only = f" and p.doc in ({', '.join('?' * len(docs))})" if docs is not None else ""
        for joiner in (" AND ", " OR "):
            rows = self.conn.execute(
                "select p.doc, p.line, p.text from passages_fts f join passages p on p.rowid = f.rowid "
                f"where passages_fts match ?{only} order by bm25(passages_fts) limit ?",
                [joiner.join(f"({term})" for term in terms), *(docs or ()), limit]).fetchall()
            if rows:
                return [Passage.model_construct(doc=r["doc"], line=r["line"], text=r["text"]) for r in rows]
        return []

    def _words_within(self, inner: list[str]) -> dict[str, list[str]]:
        """The indexed words that hold each of these words inside them."""
        found: dict[str, list[str]] = {}
        rows = self.conn.execute(f"select inner, word from inner_words where inner in ({', '.join('?' * len(inner))})",
                                 inner)
        for part, word in rows:
            found.setdefault(part, []).append(word)
        return found

    def findings(self, org: str | None = None) -> list[str]:
        """The audit's findings (JSON) as computed at build time, for one org or all."""
        where, params = ("where org = ?", [org]) if org else ("", [])
        try:
            return [_unzipped(r[0]) for r in self.conn.execute(
                f"select data from finding_data where id in (select id from findings {where}) order by id", params)]
        except sqlite3.OperationalError:  # an index built before findings were kept
            return []

    def close(self) -> None:
        self.conn.close()

    # --- what one question needs, at any size of corpus (read through the contract's names only)

    PAIRS_PER_QUERY = 4000  # (org, year) pairs in one query: well below SQLite's limit of 32766 parameters

    def facts_of_years(self, years: dict[str, int], *, metric: str | None = None,
                       code: str | None = None) -> list[Fact]:
        """The facts of one metric (or code) of each org in the year given: one query for a
        comparison across every org. Each org's facts come in index order."""
        column, value = ("code", code) if code is not None else ("metric", metric)
        pairs, facts = list(years.items()), []
        for start in range(0, len(pairs), self.PAIRS_PER_QUERY):
            chunk = pairs[start:start + self.PAIRS_PER_QUERY]
            rows = self.conn.execute(
                f"select * from facts where {column} = ? and (org, year) in "
                f"(values {', '.join(['(?, ?)'] * len(chunk))}) order by rowid",
                [value, *(part for pair in chunk for part in pair)])
            facts.extend(_fact(row) for row in rows)
        return facts

    def coded_facts(self, org: str, year: int, parent: str) -> list[Fact]:
        """An org's facts of a year whose code is one level below `parent` (two digits more)."""
        rows = self.conn.execute(
            "select * from facts where org = ? and year = ? and length(code) = ? and substr(code, 1, ?) = ? "
            "order by rowid", [org, year, len(parent) + 2, len(parent), parent])
        return [_fact(row) for row in rows]

    def first_definitions(self, term: str, org: str | None, limit: int) -> list[Definition]:
        """The first definitions of a term: the org's own first, then in index order."""
        rows = self.conn.execute("select * from definitions where term = ? order by org is not ?, rowid limit ?",
                                 [term, org, limit])
        return [Definition.model_construct(**dict(row)) for row in rows]

    def findings_of(self, docs: list[str]) -> list[str]:
        """The audit's findings (JSON) about some documents, in index order."""
        try:
            return [_unzipped(r[0]) for r in self.conn.execute(
                f"select data from finding_data where doc in ({', '.join('?' * len(docs))}) order by id", docs)]
        except sqlite3.OperationalError:  # an index built before findings were kept
            return []


def _unzipped(data: bytes | str) -> str:
    return zlib.decompress(data).decode("utf-8") if isinstance(data, bytes) else data  # str: an older index


def _fact(row: sqlite3.Row) -> Fact:
    # Rows were validated as models when the index was built: read them back without validating again.
    value = Decimal(row["value_exact"]) if row["value_exact"] is not None else None
    source = Source.model_construct(doc=row["doc"], line=row["line"], quote=row["quote"])
    return Fact.model_construct(org=row["org"], year=row["year"], doc_kind=row["doc_kind"], metric=row["metric"],
                                code=row["code"], value=value, unit=row["unit"], basis=row["basis"], source=source,
                                scope=row["scope"], table=row["source_table"], item=row["item"], text=row["text"])
