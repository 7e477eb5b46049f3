"""Command line: `kexie` (app, ask, index, ingest, docs, check) and `kexie-ask` (= `kexie ask`).

A thin shell: each command calls one library function and turns the project's errors into
click errors. stdout carries data (answers, lists); notices and errors go to stderr.
Exit status of every command: 0 answered (or done), 1 not found or needs clarifying, 2 error
(usage, a missing, unreadable or damaged index, a refused file). docs/CONTRACT.md has the table.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

# Each command imports what it needs: `kexie` opens the app before the answer engine has loaded.
if TYPE_CHECKING:
    from .assistant import Assistant
    from .ingest import Staged
    from .models import Answer
    from .store import Store

EXIT = {"answered": 0, "not_found": 1, "clarify": 1, "error": 2}
CONTEXT = {"help_option_names": ["-h", "--help"]}
PACKAGE = "kexie-chat"


class Failure(click.ClickException):
    """An error of the project's own (an index missing or damaged, a refused file): exit 2."""

    exit_code = 2


class Command(click.Command):
    """A command whose -h/--help says so in Chinese, like the rest of its help."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示帮助并退出。"
        return option


class Group(Command, click.Group):
    command_class = Command


def db_option(command):
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="KEXIE_DB", show_envvar=True,
                        help="索引文件（默认 index/kexie.db）。")(command)


def version_option(prog_name: str):
    return click.version_option(package_name=PACKAGE, prog_name=prog_name, message="%(prog)s %(version)s",
                                help="显示版本并退出。")


def _db(db: Path | None) -> Path | None:
    """A subcommand's --db, else the one given before it (`kexie --db FILE docs`)."""
    ctx = click.get_current_context()
    root = ctx.find_root()
    if root is not ctx and ctx.get_parameter_source("db") is not ParameterSource.COMMANDLINE:
        return root.params.get("db") or db
    return db


def _missing(db: Path | None) -> None:
    """A named index that does not exist is an error, never built from corpus/ in its place."""
    if db is not None and not db.exists():
        from .upkeep import IndexMissing

        raise Failure(str(IndexMissing(db)))


def _open(db: Path | None) -> Assistant:
    _missing(db)
    from .assistant import Assistant
    from .upkeep import REBUILD_FAILURES

    try:
        return Assistant(db_path=db)
    except REBUILD_FAILURES as exc:
        raise Failure(f"无法打开索引：{exc}") from exc


# --- ask ------------------------------------------------------------------------------------

ASK_HELP = """回答一个关于部门预算/决算的问题，数字都带出处。

\b
QUESTION 省略或为 - 时，从标准输入逐行读问题，作为一次对话（追问会沿用上文）：
文本输出每个回答前有一行“问：…”，回答之间空一行；--json 每行一个对象。

\b
退出码：0 有答案；1 没找到或需要澄清；2 出错（如索引缺失或损坏）。
对话的退出码默认为 0，加 --strict 则为各轮中最差的一个。

\b
例子：
  kexie-ask "秦皇岛2022年三公经费"        （同 kexie ask "…"）
  printf '秦皇岛2022年三公经费\\n公务接待费呢\\n' | kexie-ask -
"""


@click.command("ask", cls=Command, help=ASK_HELP, context_settings=CONTEXT, short_help="回答一个问题（或从标准输入读一串问题）")
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="输出回答的 JSON（格式见 docs/CONTRACT.md）。")
@click.option("--strict", is_flag=True, help="从标准输入读问题时，以最差一轮的退出码退出。")
@db_option
@version_option("kexie-ask")
def ask(question: str | None, as_json: bool, strict: bool, db: Path | None) -> None:
    assistant = _open(_db(db))
    if question is not None and question != "-":
        answer = assistant.ask(question)
        _emit(answer, as_json)
        sys.exit(EXIT[answer.status])
    worst = _conversation(assistant, sys.stdin, as_json)
    sys.exit(worst if strict else 0)


def _conversation(assistant: Assistant, lines: Iterable[str], as_json: bool) -> int:
    """One question a line, as one conversation; the worst exit status of its turns."""
    chat = assistant.conversation()
    worst, turns = 0, 0
    for line in lines:
        question = line.strip()
        if not question:
            continue
        answer = chat.ask(question)
        if not as_json:
            click.echo(("\n" if turns else "") + f"问：{question}")
        _emit(answer, as_json)
        worst, turns = max(worst, EXIT[answer.status]), turns + 1
    return worst


def _emit(answer: Answer, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False))
    else:
        click.echo(answer.text)
        if answer.suggestions and answer.status != "answered":
            click.echo("可以试试：" + "；".join(answer.suggestions[:5]))


# --- kexie and the app ----------------------------------------------------------------------

KEXIE_HELP = """kexie-chat：向各部门、单位的部门预算/决算公开文件提问，回答精确、带出处。

\b
不带命令时打开终端界面（同 kexie app）。--db 写在命令前后都可以。

\b
例子：
  kexie                                  打开终端界面
  kexie ask "包头2020年基本支出"          回答一个问题（同 kexie-ask）
  kexie --db newsroom.db docs            列出另一个索引中的文件
"""


@click.group(cls=Group, help=KEXIE_HELP, invoke_without_command=True, context_settings=CONTEXT)
@db_option
@version_option("kexie")
@click.pass_context
def kexie(ctx: click.Context, db: Path | None) -> None:
    if ctx.invoked_subcommand is None:
        _run_app(db)


kexie.add_command(ask)


APP_HELP = """打开终端界面：一问一答，追问沿用上文，可看表格、导出。

需要在终端中运行；在管道或脚本中提问请用 kexie ask / kexie-ask。

\b
例子：
  kexie app
  kexie app --db newsroom.db
"""


@kexie.command("app", help=APP_HELP, context_settings=CONTEXT, short_help="打开终端界面")
@db_option
def app_command(db: Path | None) -> None:
    _run_app(_db(db))


def _run_app(db: Path | None) -> None:
    if not sys.stdout.isatty():
        click.echo("kexie：终端界面需要在终端中运行（标准输出不是终端）。"
                   "在管道或脚本中提问请用：kexie ask \"问题\" 或 kexie-ask -", err=True)
        sys.exit(2)
    _missing(db)
    from .tui import run

    run(db)


# --- index and ingest -------------------------------------------------------------------------

INDEX_HELP = """从语料目录建立索引（原子地写入：建立失败时旧索引不变）。

\b
--corpus 省略时用索引记录的语料目录（默认索引用 corpus/）；新建另一个索引时必须给出。

\b
例子：
  kexie index
  kexie index --db newsroom.db --corpus ~/newsroom/corpus
"""


@kexie.command("index", help=INDEX_HELP, context_settings=CONTEXT, short_help="从语料目录建立索引")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="语料目录（默认：索引记录的目录，否则 corpus/）。")
@db_option
def index_command(corpus: Path | None, db: Path | None) -> None:
    from .upkeep import default_db
    from .parse import NotADisclosure
    from .store import IndexBuildError
    from .upkeep import rebuild

    target = _db(db) or default_db()
    try:
        rebuild(corpus or _corpus_of(target), target)
    except (IndexBuildError, NotADisclosure, UnicodeDecodeError, OSError) as exc:
        raise Failure(f"索引没有更新：{exc}") from exc
    click.echo(f"索引已建好：{target}", err=True)


# From this many files on, reading them shows a progress bar.
PROGRESS_MIN_FILES = 4

INGEST_HELP = """把公开文件（任何常见编码的 .txt、.pdf、.docx、.xlsx、.xls、.html）加入语料目录并更新索引。

\b
要么全部导入，要么都不改动：有文件被拒绝时（每个一行说明，写到 stderr），
一个文件也不加入，索引不变。语料中已有相同文字的文件不再导入。
退出码：0 已导入或没有新内容；2 有文件被拒绝、导入失败或用法错误。

\b
例子：
  kexie ingest 廊坊市科协2021年部门预算.pdf
  kexie ingest *.pdf --db newsroom.db --corpus ~/newsroom/corpus
"""


@kexie.command("ingest", help=INGEST_HELP, context_settings=CONTEXT, short_help="导入公开文件并更新索引")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="语料目录（默认：索引记录的目录，否则 corpus/）。")
@db_option
def ingest_command(files: tuple[Path, ...], corpus: Path | None, db: Path | None) -> None:
    from .upkeep import DEFAULT_CORPUS, DEFAULT_DB, default_db
    from .ingest import IngestRefused, add, stage
    from .store import IndexBuildError
    from .upkeep import build_lock

    target = _db(db) or default_db()
    if corpus and _same(target, DEFAULT_DB) and not _same(corpus, DEFAULT_CORPUS):
        raise click.UsageError("--corpus 指向另一个语料目录时，请同时用 --db 指定它的索引（默认索引只跟随 corpus/）")
    corpus = corpus or _corpus_of(target, must_exist=False)
    many = len(files) >= PROGRESS_MIN_FILES
    try:
        with click.progressbar(files, label="读取文件", file=sys.stderr) if many else nullcontext(files) as items:
            staged = stage(items, corpus)
        if any(item.new for item in staged):
            with build_lock(target, lambda notice: click.echo(notice, err=True)):  # askers wait, never build a half-added corpus
                add(staged, corpus, target)
    except IngestRefused as exc:
        for refusal in exc.refusals:
            click.echo(str(refusal), err=True)
        if exc.accepted:
            click.echo(f"其余 {exc.accepted} 个文件也未导入：一批文件要么全部导入，要么都不改动", err=True)
        sys.exit(2)
    except (IndexBuildError, OSError) as exc:
        raise Failure(f"语料和索引都没有改动：{exc}") from exc
    for item in staged:
        click.echo(_ingest_notice(item, corpus), err=True)
    if any(item.new for item in staged):
        click.echo(f"索引已更新：{target}", err=True)


def _ingest_notice(item: Staged, corpus: Path) -> str:
    from .render import tables_note

    if not item.new:
        return f"未改动：{item.source} 与语料中的 {item.name} 内容相同"
    document = item.document
    return (f"已导入 {item.source} -> {corpus / item.name}"
            f"（{document.org}{document.year}年{document.scope}{document.doc_kind}，{item.figures} 个数；"
            f"{tables_note(document)}）")


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _corpus_of(db_path: Path, must_exist: bool = True) -> Path:
    """--corpus left out: the corpus this index was built from, else corpus/ (the default index)."""
    from .upkeep import DEFAULT_CORPUS, collection_corpus
    from .store import IndexBuildError
    from .upkeep import IndexMissing

    try:
        corpus = collection_corpus(db_path) or DEFAULT_CORPUS
    except IndexMissing as exc:
        raise Failure(str(exc)) from exc
    except IndexBuildError as exc:
        raise Failure(f"无法打开索引：{exc}") from exc
    if must_exist and not corpus.is_dir():
        raise Failure(f"索引记录的语料目录不存在：{corpus}（请用 --corpus 指定）")
    return corpus


# --- docs and check ---------------------------------------------------------------------------

DOCS_HELP = """列出索引中的文件，从每份文件读出的各类数字的个数，以及读到了哪几张标准表。

\b
例子：
  kexie docs
  kexie docs --json --db newsroom.db
"""


@kexie.command("docs", help=DOCS_HELP, context_settings=CONTEXT, short_help="列出索引中的文件")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 列表。")
@db_option
def docs_command(as_json: bool, db: Path | None) -> None:
    from .render import tables_note

    store: Store = _open(_db(db)).store
    rows = []
    for document in store.documents():
        facts = store.facts(org=document.org, year=document.year)
        families = Counter(_family(f.table) for f in facts if f.source.doc == document.doc)
        rows.append({**document.model_dump(exclude={"sha256"}), "facts": sum(families.values()),
                     "families": dict(families), "tables": tables_note(document)})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        families = "，".join(f"{name} {count}" for name, count in sorted(row["families"].items()))
        click.echo(f"{row['doc']}\t{row['org']}\t{row['year']}\t{row['scope']}{row['doc_kind']}\t{row['unit']}\t"
                   f"{row['facts']} 个数：{families}\t{row['tables']}")


CHECK_HELP = """一致性检查：找出加不上合计的数，以及同一份文件前后说法不一的数（全部单位，或 ORG）。

\b
例子：
  kexie check
  kexie check 秦皇岛 --json
"""


@kexie.command("check", help=CHECK_HELP, context_settings=CONTEXT, short_help="检查对不上的数")
@click.argument("org", required=False)
@click.option("--json", "as_json", is_flag=True, help='输出 {"findings": [...]}。')
@db_option
def check_command(org: str | None, as_json: bool, db: Path | None) -> None:
    from .findings import SEVERITY_LABELS, findings_json, stored_findings

    assistant = _open(_db(db))
    canonical = _org_named(assistant, org) if org else None
    findings = stored_findings(assistant.store, canonical)
    if as_json:
        click.echo(findings_json(findings))
        return
    for finding in findings:
        click.echo(f"{finding.doc}\t{SEVERITY_LABELS[finding.severity]}\t{finding.label}\t{finding.text}")
    click.echo(f"共 {len(findings)} 处对不上的地方" if findings else "没有发现对不上的数", err=True)


def _org_named(assistant: Assistant, name: str) -> str:
    from .text import fold

    found = assistant.engine.orgs.find(fold(name))
    if not found:
        raise click.BadParameter(f"语料中没有这个单位：{name}", param_hint="ORG")
    if found[0].among:
        raise click.BadParameter(f"“{name}”是几个单位的名称：{'、'.join(found[0].among)}，请说明是哪一个", param_hint="ORG")
    return found[0].value


def _family(table: str | None) -> str:
    from .vocabulary import table_kind

    if not table or table == "正文":
        return "正文"
    return table_kind(table) or table


SERVE_HELP = """用 Datasette 浏览、筛选、搜索索引（只读）。

需要可选组件：pip install 'kexie-chat[serve]'

\b
例子：
  kexie serve
  kexie serve --db ~/newsroom/kexie.db --port 8080
"""


@kexie.command("serve", help=SERVE_HELP, context_settings=CONTEXT, short_help="用 Datasette 浏览索引")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="地址（默认只在本机可见）")
@click.option("-p", "--port", type=int, default=8001, show_default=True, help="端口")
def serve_command(db: Path | None, host: str, port: int) -> None:
    import hashlib
    import importlib.util
    import os
    import tempfile

    from .dataset import write_metadata

    db = _db(db)
    _missing(db)
    if importlib.util.find_spec("datasette") is None:
        raise Failure("kexie serve 需要 Datasette：pip install 'kexie-chat[serve]'")
    path = _open(db).store.path  # built or brought up to date first, like every command
    # The index's folder may be read-only: the metadata goes to a file of this index's own in the
    # temporary folder. Then this process becomes Datasette, so that stopping it stops the server.
    name = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    metadata = write_metadata(path, Path(tempfile.gettempdir()) / f"kexie-metadata-{name}.json")
    os.execv(sys.executable, [sys.executable, "-m", "datasette", "serve", "-i", str(path), "-m", str(metadata),
                              "-h", host, "-p", str(port)])


EXPORT_HELP = """把数字导出成表格：列与 facts 视图相同。

\b
例子：
  kexie export --org 秦皇岛 > 秦皇岛.csv
  kexie export --metric 三公经费 --format xlsx -o 三公经费.xlsx
"""


@kexie.command("export", help=EXPORT_HELP, context_settings=CONTEXT, short_help="把数字导出成 csv/json/xlsx")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]), default="csv", show_default=True,
              help="格式。")
@click.option("--org", help="只导出这个单位（简称、错字也可以）")
@click.option("--metric", help="只导出这个指标（如 三公经费、公务接待费）")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="写到文件（xlsx 必须给）")
@db_option
def export_command(fmt: str, org: str | None, metric: str | None, output: Path | None, db: Path | None) -> None:
    from .dataset import export_text, export_xlsx

    if fmt == "xlsx" and output is None:
        raise click.UsageError("xlsx 是二进制文件，请用 -o 指定要写的文件")
    assistant = _open(_db(db))
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
