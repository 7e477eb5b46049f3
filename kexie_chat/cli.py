"""Command line: `kexie-ask` (one answer, or a conversation from stdin) and `kexie`
(index, ingest, docs).

A thin shell: each command calls one library function and turns the project's errors into
click errors. stdout carries answers only; notices go to stderr.
Exit status of kexie-ask: 0 answered, 1 not_found or clarify, 2 usage error or error.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

# Each command imports what it needs: `kexie` opens the app before the answer engine has loaded.
if TYPE_CHECKING:
    from .assistant import Assistant
    from .ingest import Staged
    from .models import Answer
    from .store import Store

EXIT = {"answered": 0, "not_found": 1, "clarify": 1, "error": 2}
ASK_EXAMPLES = """
\b
Examples:
  kexie-ask "秦皇岛2022年三公经费"
  kexie-ask --json "比较张家口和秦皇岛的三公经费"
  printf '秦皇岛2022年三公经费\\n公务接待费呢\\n包头呢\\n' | kexie-ask
"""


def _open(db: str | None) -> Assistant:
    from .assistant import Assistant
    from .parse import NotADisclosure
    from .store import IndexBuildError

    try:
        return Assistant(db_path=db)
    except (IndexBuildError, NotADisclosure, OSError) as exc:
        raise click.ClickException(f"无法打开索引：{exc}") from exc


def _emit(answer: Answer, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False))
    else:
        click.echo(answer.text)
        if answer.suggestions and answer.status != "answered":
            click.echo("可以试试：" + "；".join(answer.suggestions[:5]))


@click.command(epilog=ASK_EXAMPLES)
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the Answer as JSON (one object a line from stdin).")
@click.option("--db", type=click.Path(dir_okay=False), help="Index file (default index/kexie.db, or $KEXIE_DB).")
def ask(question: str | None, as_json: bool, db: str | None) -> None:
    """Answer a question about the disclosures; without QUESTION, read one a line from stdin."""
    assistant = _open(db)
    if question is not None:
        answer = assistant.ask(question)
        _emit(answer, as_json)
        sys.exit(EXIT[answer.status])
    chat = assistant.conversation()
    worst = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        answer = chat.ask(line.rstrip("\n"))
        _emit(answer, as_json)
        worst = max(worst, EXIT[answer.status])
    sys.exit(worst)


@click.group(invoke_without_command=True)
@click.pass_context
def kexie(ctx: click.Context) -> None:
    """kexie-chat: ask the budget disclosures of 科协 (with no command, open the app)."""
    if ctx.invoked_subcommand is None:
        from .tui import run

        run()


@kexie.command("index")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True), default=None,
              help="Corpus directory (default: the one the index was built from, else corpus/).")
@click.option("--db", type=click.Path(dir_okay=False), default=None)
def index_command(corpus: str | None, db: str | None) -> None:
    """Build the index from the corpus (atomically: a failed build keeps the old index)."""
    from .assistant import default_db
    from .parse import NotADisclosure
    from .store import IndexBuildError, build_index

    target = Path(db) if db else default_db()
    try:
        build_index(Path(corpus) if corpus else _corpus_of(target), target)
    except (IndexBuildError, NotADisclosure, UnicodeDecodeError) as exc:
        raise click.ClickException(f"索引没有更新：{exc}") from exc
    click.echo(f"索引已建好：{target}", err=True)


# From this many files on, reading them shows a progress bar.
PROGRESS_MIN_FILES = 4


@kexie.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Corpus directory (default: the one the index was built from, else corpus/).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Index file (default index/kexie.db, or $KEXIE_DB).")
def ingest_command(files: tuple[Path, ...], corpus: Path | None, db: Path | None) -> None:
    """Add disclosures (.txt in any common encoding, .pdf, .docx) to the corpus and update the index.

    All or nothing: when any FILE is refused (one line on stderr each), no file is added and
    the index is not touched. A file whose text the corpus already holds is left alone.
    Exit status: 0 added or nothing new, 1 refused or failed, 2 usage error.
    """
    from .assistant import DEFAULT_CORPUS, DEFAULT_DB, default_db
    from .ingest import IngestRefused, add, stage
    from .store import IndexBuildError

    target = db or default_db()
    if corpus and _same(target, DEFAULT_DB) and not _same(corpus, DEFAULT_CORPUS):
        raise click.UsageError("--corpus 指向另一个语料目录时，请同时用 --db 指定它的索引（默认索引只跟随 corpus/）")
    corpus = corpus or _corpus_of(target, must_exist=False)
    many = len(files) >= PROGRESS_MIN_FILES
    try:
        with click.progressbar(files, label="读取文件", file=sys.stderr) if many else nullcontext(files) as items:
            staged = stage(items, corpus)
        add(staged, corpus, target)
    except IngestRefused as exc:
        for refusal in exc.refusals:
            click.echo(str(refusal), err=True)
        if exc.accepted:
            click.echo(f"其余 {exc.accepted} 个文件也未导入：一批文件要么全部导入，要么都不改动", err=True)
        sys.exit(1)
    except (IndexBuildError, OSError) as exc:
        raise click.ClickException(f"语料和索引都没有改动：{exc}") from exc
    for item in staged:
        click.echo(_ingest_notice(item, corpus), err=True)
    if any(item.new for item in staged):
        click.echo(f"索引已更新：{target}", err=True)


def _ingest_notice(item: Staged, corpus: Path) -> str:
    if not item.new:
        return f"未改动：{item.source} 与语料中的 {item.name} 内容相同"
    document = item.document
    return (f"已导入 {item.source} -> {corpus / item.name}"
            f"（{document.org}{document.year}年{document.scope}{document.doc_kind}，{item.figures} 个数）")


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _corpus_of(db_path: Path, must_exist: bool = True) -> Path:
    """--corpus left out: the corpus this index was built from, else corpus/."""
    from .assistant import DEFAULT_CORPUS, collection_corpus
    from .store import IndexBuildError

    try:
        corpus = collection_corpus(db_path) or DEFAULT_CORPUS
    except IndexBuildError as exc:
        raise click.ClickException(f"无法打开索引：{exc}") from exc
    if must_exist and not corpus.is_dir():
        raise click.ClickException(f"索引记录的语料目录不存在：{corpus}（请用 --corpus 指定）")
    return corpus


@kexie.command("docs")
@click.option("--json", "as_json", is_flag=True)
@click.option("--db", type=click.Path(dir_okay=False), default=None)
def docs_command(as_json: bool, db: str | None) -> None:
    """List the documents and how many facts of each family were read from each."""
    store: Store = _open(db).store
    rows = []
    for document in store.documents():
        facts = store.facts(org=document.org, year=document.year)
        families = Counter(_family(f.table) for f in facts if f.source.doc == document.doc)
        rows.append({**document.model_dump(exclude={"sha256"}), "facts": sum(families.values()),
                     "families": dict(families)})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        families = "，".join(f"{name} {count}" for name, count in sorted(row["families"].items()))
        click.echo(f"{row['doc']}\t{row['org']}\t{row['year']}\t{row['doc_kind']}\t{row['unit']}\t"
                   f"{row['facts']} 个数：{families}")


@kexie.command("check")
@click.argument("org", required=False)
@click.option("--json", "as_json", is_flag=True, help='Print {"findings": [...]}.')
@click.option("--db", type=click.Path(dir_okay=False), default=None)
def check_command(org: str | None, as_json: bool, db: str | None) -> None:
    """Figures that do not add up, or that a disclosure states twice differently (all orgs, or ORG)."""
    from .check import audit, findings_json

    assistant = _open(db)
    canonical = _org_named(assistant, org) if org else None
    findings = audit(assistant.store, canonical)
    if as_json:
        click.echo(findings_json(findings))
        return
    for finding in findings:
        click.echo(f"{finding.doc}\t{finding.label}\t{finding.text}")
    click.echo(f"共 {len(findings)} 处对不上的地方" if findings else "没有发现对不上的数", err=True)


def _org_named(assistant: Assistant, name: str) -> str:
    from .text import fold

    found = assistant.engine.orgs.find(fold(name))
    if not found:
        raise click.BadParameter(f"语料中没有这个单位：{name}", param_hint="ORG")
    return found[0].value


def _family(table: str | None) -> str:
    from .vocabulary import table_kind

    if not table or table == "正文":
        return "正文"
    return table_kind(table) or table


@kexie.command("serve")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Index file (default index/kexie.db, or $KEXIE_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="地址（默认只在本机可见）")
@click.option("-p", "--port", type=int, default=8001, show_default=True, help="端口")
def serve_command(db: str | None, host: str, port: int) -> None:
    """用 Datasette 浏览、筛选、搜索索引（只读）。

    \b
    例如：
      kexie serve
      kexie serve --db ~/newsroom/kexie.db --port 8080
    需要可选组件：pip install 'kexie-chat[serve]'
    """
    import importlib.util
    import subprocess
    import tempfile

    from .dataset import write_metadata

    if importlib.util.find_spec("datasette") is None:
        raise click.ClickException("kexie serve 需要 Datasette：pip install 'kexie-chat[serve]'")
    path = _open(db).store.path  # built or brought up to date first, like every command
    with tempfile.TemporaryDirectory() as folder:
        metadata = write_metadata(path, Path(folder) / "metadata.json")
        command = [sys.executable, "-m", "datasette", "serve", "-i", str(path), "-m", str(metadata),
                   "-h", host, "-p", str(port)]
        try:
            sys.exit(subprocess.call(command))
        except KeyboardInterrupt:
            sys.exit(0)


@kexie.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]), default="csv", show_default=True)
@click.option("--org", help="只导出这个单位（简称、错字也可以）")
@click.option("--metric", help="只导出这个指标（如 三公经费、公务接待费）")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="写到文件（xlsx 必须给）")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Index file (default index/kexie.db, or $KEXIE_DB).")
def export_command(fmt: str, org: str | None, metric: str | None, output: Path | None, db: str | None) -> None:
    """把数字导出成表格：列与 facts 视图相同。

    \b
    例如：
      kexie export --org 秦皇岛 > 秦皇岛.csv
      kexie export --metric 三公经费 --format xlsx -o 三公经费.xlsx
    """
    from .dataset import export_text, export_xlsx

    if fmt == "xlsx" and output is None:
        raise click.UsageError("xlsx 是二进制文件，请用 -o 指定要写的文件")
    assistant = _open(db)
    columns, rows = assistant.store.fact_table(org=_org_named(assistant, org) if org else None,
                                               metric=_metric_named(assistant, metric) if metric else None)
    if fmt == "xlsx":
        export_xlsx(columns, rows, output)
    elif output:
        output.write_text(export_text(columns, rows, fmt), encoding="utf-8")
    else:
        click.echo(export_text(columns, rows, fmt), nl=False)
    click.echo(f"导出 {len(rows)} 个数" + (f"：{output}" if output else ""), err=True)


def _metric_named(assistant: Assistant, name: str) -> str:
    from .text import fold

    folded = fold(name)
    found = [f for f in assistant.engine.metrics.find(folded, set()) if f.end - f.start == len(folded)]
    if not found:
        raise click.BadParameter(f"索引中没有这个指标：{name}", param_hint="--metric")
    return found[0].value
