"""Add disclosures to a corpus: read each file, check that it is a disclosure, write its text
under a name that says what it is (2021-廊坊市科协-部门预算.txt), rebuild the index.

All or nothing: when any file of a batch is refused, no file is written and the index is not
touched. A file whose text the corpus already holds is left alone (same sha256 of the text).
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .models import Document
from .parse import Disclosure, NotADisclosure, parse_disclosure
from .parse.meta import DocumentMeta, read_meta
from .orgs import is_kexie, short_place
from .readers import UnreadableFile, read_document, read_text_file
from .store import build_index, corpus_files, remember_parse

ORG_SUFFIX = "科学技术协会"


@dataclass
class Staged:
    """One file read and understood, not yet in the corpus."""

    source: Path
    name: str           # its file name in the corpus
    text: str
    document: Document
    figures: int
    new: bool           # False: the corpus already holds this text
    disclosure: Disclosure | None = None  # read under its corpus name: the build takes it as is


@dataclass
class Refusal:
    source: Path
    reason: str

    def __str__(self) -> str:
        return f"未导入 {self.source}：{self.reason}"


class NameTaken(ValueError):
    """Another text already holds this org, year and kind (in the corpus, or earlier in the batch)."""


class IngestRefused(Exception):
    """Some files of a batch are not disclosures; nothing was changed."""

    def __init__(self, refusals: list[Refusal], accepted: int):
        super().__init__("\n".join(map(str, refusals)))
        self.refusals, self.accepted = refusals, accepted


def ingest(sources: Iterable[Path], corpus: Path, db_path: Path) -> list[Staged]:
    """Read every file, then add the new ones to the corpus and rebuild the index, or refuse all."""
    staged = stage(sources, corpus)
    add(staged, corpus, db_path)
    return staged


def stage(sources: Iterable[Path], corpus: Path) -> list[Staged]:
    """Read and check every file; raises IngestRefused naming each file that is not a disclosure."""
    known = _corpus_texts(Path(corpus))
    staged, refusals = [], []
    for source in sources:
        try:
            item = _stage_one(Path(source), known)
        except NameTaken as exc:
            refusals.append(Refusal(Path(source), _taken(str(exc), staged)))
            continue
        except (UnreadableFile, NotADisclosure) as exc:
            refusals.append(Refusal(Path(source), str(exc)))
            continue
        known.setdefault(item.name, hashlib.sha256(item.text.encode()).hexdigest())
        staged.append(item)
    if refusals:
        raise IngestRefused(refusals, accepted=len(staged))
    return staged


def add(staged: list[Staged], corpus: Path, db_path: Path) -> list[Path]:
    """Write the new texts into the corpus and rebuild the index; on failure take them out again."""
    new = [item for item in staged if item.new]
    if not new:
        return []
    corpus = Path(corpus)
    corpus.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for item in new:
            written.append(_write_atomically(corpus / item.name, item.text))
            if item.disclosure:
                remember_parse(item.disclosure)
        build_index(corpus, db_path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def corpus_name(document: Document | DocumentMeta) -> str:
    """2021-廊坊市科协-部门预算.txt (a 科协: its short place name), 2025-上海市普陀区商务委员会-单位预算.txt
    (any other body: its full name): year, org, scope and kind, so that a 部门预算 and a 单位预算 of
    one body and year are two files."""
    if is_kexie(document.org):
        org = short_place(document.org.removesuffix(ORG_SUFFIX)) + "科协"
    else:
        org = document.org
    return f"{document.year}-{org}-{document.scope}{document.doc_kind}.txt"


def _stage_one(source: Path, known: dict[str, str]) -> Staged:
    text = read_document(source)
    try:  # read under the name it will have in the corpus, so that the build need not read it again
        disclosure = parse_disclosure(corpus_name(read_meta(text)), text)
    except NotADisclosure as exc:
        raise NotADisclosure(f"不像部门预算/决算公开文件：{exc}") from exc
    figures = sum(1 for fact in disclosure.facts if fact.value is not None)
    if not figures:
        raise NotADisclosure("不像部门预算/决算公开文件：一个金额也没有读到")
    name = disclosure.document.doc
    digest = hashlib.sha256(text.encode()).hexdigest()
    same = next((existing for existing, sha in known.items() if sha == digest), None)
    if same is None and name in known:
        raise NameTaken(name)
    document = disclosure.document.model_copy(update={"doc": same or name})
    return Staged(source=source, name=same or name, text=text, document=document,
                  figures=figures, new=same is None, disclosure=disclosure)


def _taken(name: str, staged: list[Staged]) -> str:
    earlier = next((item.source for item in staged if item.name == name), None)
    if earlier:
        return f"与本批的 {earlier} 是同一单位、年度和类别（{name}），内容不同：一次只导入其中一份"
    return f"语料中已有 {name}（同一单位、年度和类别），内容不同；如是更正版，请先从语料目录删去旧文件再导入"


def _corpus_texts(corpus: Path) -> dict[str, str]:
    """sha256 of each corpus file's text, by file name (a file that cannot be read counts as bytes)."""
    if not corpus.is_dir():
        return {}
    texts = {}
    for path in corpus_files(corpus):
        try:
            texts[path.name] = hashlib.sha256(read_text_file(path).encode()).hexdigest()
        except UnreadableFile:
            texts[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return texts


def _write_atomically(path: Path, text: str) -> Path:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
