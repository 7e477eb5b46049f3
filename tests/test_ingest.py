"""kexie ingest and the readers: encodings, PDF and Word, refusals that change nothing."""
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kexie_chat import Assistant
from kexie_chat.cli import kexie
from kexie_chat.ingest import corpus_name, stage
from kexie_chat.parse import parse_disclosure
from kexie_chat.readers import decode_text, read_document
from kexie_chat.store import build_index

from minipdf import UNMAPPED, write_pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
LANGFANG = FIXTURES / "langfang_2021_budget.txt"
LANGFANG_NAME = "2021-廊坊市科协-部门预算.txt"
BAOTOU, ZHANGJIAKOU = "2020-包头市科协-部门决算.txt", "2020-张家口市科协-部门预算.txt"
JIANGHAN, XICHENG = "2020-江汉区科协-部门决算.txt", "2019-西城区科协-部门预算.txt"

ENCODINGS = [
    ("gbk", BAOTOU, "gbk"),
    ("gb18030", ZHANGJIAKOU, "gb18030"),  # it holds a no-break space, which GBK cannot encode
    ("utf-8-bom", JIANGHAN, "utf-8-sig"),
    ("utf-16-bom", XICHENG, "utf-16"),
    ("utf-16-be-no-bom", BAOTOU, "utf-16-be"),
]


def seed_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def fact_rows(facts) -> list[dict]:
    return [fact.model_dump() for fact in facts]


# --- encodings -----------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_every_seed_decodes_to_its_text(name, encoding):
    assert decode_text(seed_text(name).encode(encoding)) == seed_text(name)


# Short texts that charset-normalizer alone takes for cp949, big5 or UTF-16.
SHORT_GBK = ["廊坊市科学技术协会2021年部门预算", "一、部门基本情况", "单位：万元", "合计\t2.80",
             "因公出国（境）费\t0.00\n公务接待费\t0.50"]


@pytest.mark.parametrize("text", SHORT_GBK)
def test_a_short_gbk_text_is_not_taken_for_another_encoding(text):
    assert decode_text(text.encode("gbk")) == text


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
@pytest.mark.parametrize("text", ["科普文章刊", "公务接待费", "三公经费2.14万元"])
def test_a_short_utf16_text_without_a_mark_is_not_taken_for_gbk(text, encoding):
    """charset-normalizer may guess GBK for a few UTF-16 bytes; the readings are weighed all the same."""
    assert decode_text(text.encode(encoding)) == text


SEED_LINES = [line for path in sorted(CORPUS.glob("*.txt"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@settings(max_examples=300, deadline=None)
@given(start=st.integers(0, len(SEED_LINES) - 1), count=st.integers(1, 6),
       encoding=st.sampled_from(["gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]))
def test_any_few_lines_of_a_seed_decode_in_any_encoding(start, count, encoding):
    text = "\n".join(SEED_LINES[start:start + count])
    assume(len(text) >= 4)  # below that, some bytes are as much UTF-8 or UTF-16 as GBK
    assert decode_text(text.encode(encoding)) == text


def test_windows_line_ends_read_as_unix():
    text = seed_text(BAOTOU)
    assert decode_text(text.replace("\n", "\r\n").encode("gbk")) == text


@pytest.mark.parametrize("case,name,encoding", ENCODINGS, ids=[c[0] for c in ENCODINGS])
def test_an_encoded_copy_gives_exactly_the_facts_of_the_original(tmp_path, disclosures, case, name, encoding):
    copy = tmp_path / f"copy-{case}.txt"
    copy.write_bytes(seed_text(name).encode(encoding))
    [staged] = stage([copy], tmp_path / "empty-corpus")
    assert staged.name == name and staged.new
    assert fact_rows(parse_disclosure(name, staged.text).facts) == fact_rows(disclosures[name].facts)


def test_names_come_from_the_disclosure(disclosures):
    assert {corpus_name(d.document) for d in disclosures.values()} == set(disclosures)


# --- PDF and Word --------------------------------------------------------------------------

def layout_blocks(text: str) -> list:
    """Lines as paragraphs, runs of tab-separated lines as one table."""
    blocks: list = []
    for line in text.splitlines():
        if "\t" in line:
            if not blocks or isinstance(blocks[-1], str):
                blocks.append([])
            blocks[-1].append(line.split("\t"))
        else:
            blocks.append(line)
    return blocks


def write_docx(path: Path, blocks: list) -> Path:
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for row, cells in zip(table.rows, block):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    document.save(path)
    return path


WRITERS = [("pdf", write_pdf), ("docx", write_docx)]


@pytest.mark.parametrize("suffix,writer", WRITERS, ids=[w[0] for w in WRITERS])
def test_a_pdf_or_word_disclosure_reads_back_as_its_text(tmp_path, suffix, writer):
    text = LANGFANG.read_text(encoding="utf-8")
    made = writer(tmp_path / f"langfang.{suffix}", layout_blocks(text))
    read = read_document(made)
    assert read == text.rstrip("\n")
    facts = parse_disclosure(LANGFANG_NAME, read).facts
    assert fact_rows(facts) == fact_rows(parse_disclosure(LANGFANG_NAME, text).facts)
    assert any(f.metric == "公务接待费" and str(f.value) == "0.50" and f.unit == "万元" for f in facts)


def test_a_published_pdf_gives_the_facts_of_its_text():
    """An embedded subset font, narrative wrapped by the page width, an item name wrapped in its
    cell (made by make_langfang_pdf.py): the same figures; only line numbers and quotes move."""
    def figures(text):
        facts = parse_disclosure(LANGFANG_NAME, text).facts
        return sorted((f.metric, f.code, f.value, f.unit, f.basis, f.scope, f.table) for f in facts)

    read = read_document(FIXTURES / "langfang_2021_budget.pdf")
    assert "公务用车购置及运行维护费\t2.30" in read.splitlines()
    assert figures(read) == figures(LANGFANG.read_text(encoding="utf-8"))


def test_a_word_copy_of_a_seed_gives_exactly_its_facts(tmp_path, disclosures):
    text = seed_text(ZHANGJIAKOU)
    made = write_docx(tmp_path / "zhangjiakou.docx", text.splitlines())
    facts = parse_disclosure(ZHANGJIAKOU, read_document(made)).facts
    assert fact_rows(facts) == fact_rows(disclosures[ZHANGJIAKOU].facts)


def test_a_merged_word_cell_is_read_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "三公经费预算表"
    table.cell(1, 0).text, table.cell(1, 1).text = "公务接待费", "0.50"
    document.save(tmp_path / "merged.docx")
    assert read_document(tmp_path / "merged.docx").splitlines()[-2:] == ["三公经费预算表", "公务接待费\t0.50"]


# --- kexie ingest: refusals ----------------------------------------------------------------

@pytest.fixture(scope="module")
def base_collection(tmp_path_factory):
    """A collection of one disclosure, built once; tests work on copies of it."""
    root = tmp_path_factory.mktemp("collection")
    (root / "corpus").mkdir()
    (root / "corpus" / ZHANGJIAKOU).write_text(seed_text(ZHANGJIAKOU), encoding="utf-8")
    build_index(root / "corpus", root / "kexie.db")
    return root


@pytest.fixture
def collection(base_collection, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in (base_collection / "corpus").iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (tmp_path / "kexie.db").write_bytes((base_collection / "kexie.db").read_bytes())
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of a collection (corpus, index, temporary files) and its bytes; not the empty
    lock file a rebuild leaves beside the index (upkeep.build_lock)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


def ingest(root: Path, *files):
    args = ["ingest", *map(str, files), "--corpus", str(root / "corpus"), "--db", str(root / "kexie.db")]
    return CliRunner().invoke(kexie, args)


def _write(content: bytes):
    return lambda path: path.write_bytes(content)


def _pdf(blocks: list):
    return lambda path: write_pdf(path, blocks)


def _changed_seed(path: Path):
    path.write_text(seed_text(ZHANGJIAKOU).replace("一、", "一、 ", 1), encoding="utf-8")


REFUSALS = [
    ("empty", "empty.txt", _write(b""), "文件是空的"),
    ("blank", "blank.txt", _write(b" \r\n\n\t"), "文件是空的"),
    ("binary", "photo.txt", _write(bytes(range(256)) * 40), "二进制"),
    ("no-org", "notes.txt", _write("会议纪要：下周二上午九点开会，请准时参加。".encode("gbk")), "找不到单位名称"),
    ("no-year", "intro.txt", _write("廊坊市科学技术协会简介\n廊坊市科学技术协会是人民团体。".encode()), "找不到年度"),
    ("no-figures", "title.txt", _write("廊坊市科学技术协会2021年部门预算\n廊坊市科学技术协会\n".encode()),
     "一个金额也没有读到"),
    ("broken-pdf", "broken.pdf", lambda p: p.write_bytes(write_pdf(p, ["廊坊市科协"]).read_bytes()[:300]),
     "PDF 已损坏"),
    ("text-as-pdf", "fake.pdf", _write("廊坊市科学技术协会2021年部门预算".encode()), "PDF 已损坏"),
    ("pdf-without-text", "scan.pdf", _pdf([[["", ""], ["", ""]]]), "没有可提取的文字"),
    ("pdf-without-character-map", "cid.pdf",
     lambda p: write_pdf(p, LANGFANG.read_text(encoding="utf-8").splitlines(), font=UNMAPPED), "(cid:…)"),
    ("encrypted-pdf", "locked.pdf", _write((FIXTURES / "encrypted.pdf").read_bytes()), "PDF 已加密"),
    ("broken-docx", "broken.docx", _write(b"PK\x03\x04" + bytes(200)), "Word 文件已损坏"),
    ("old-word", "budget.doc", _write(b"\xd0\xcf\x11\xe0"), "旧版 Word"),
    ("excel", "budget.xlsx", _write(b"PK\x03\x04"), "Excel"),
    ("damaged-xls", "budget.xls", _write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 broken"), "Excel 文件已损坏"),
    ("empty-page", "budget.html", _write(b""), "文件是空的"),
    ("page-without-text", "budget.htm", _write(b"<html><body><script>x=1</script></body></html>"), "没有文字"),
    ("page-not-a-disclosure", "news.html", _write("<html><body><p>今日新闻：天气晴。</p></body></html>".encode()),
     "不像部门预算"),
    ("no-suffix", "budget", _write("廊坊市科学技术协会".encode()), "无扩展名"),
    ("missing", "missing.txt", None, "文件不存在"),
    ("directory", "folder.txt", lambda p: p.mkdir(), "不是普通文件"),
    ("same-name-other-text", "zhangjiakou-v2.txt", _changed_seed, f"语料中已有 {ZHANGJIAKOU}"),
]


@pytest.mark.parametrize("case,name,make,reason", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_refused_file_changes_nothing(collection, tmp_path, case, name, make, reason):
    source = tmp_path / "in" / name
    source.parent.mkdir()
    if make:
        make(source)
    before = snapshot(collection)
    result = ingest(collection, source)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert str(source) in line and reason in line
    assert snapshot(collection) == before


def test_a_batch_with_one_refusal_adds_nothing(collection, tmp_path):
    good = tmp_path / "baotou.txt"
    good.write_bytes(seed_text(BAOTOU).encode("gbk"))
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要", encoding="utf-8")
    before = snapshot(collection)
    result = ingest(collection, good, bad)
    assert result.exit_code == 2
    refusal, others = result.stderr.splitlines()
    assert str(bad) in refusal and "其余 1 个文件也未导入" in others
    assert snapshot(collection) == before


def test_two_texts_of_one_disclosure_in_a_batch_are_refused(collection):
    pdf, text = FIXTURES / "langfang_2021_budget.pdf", LANGFANG  # the PDF wraps lines: another text
    before = snapshot(collection)
    result = ingest(collection, pdf, text)
    assert result.exit_code == 2
    refusal, others = result.stderr.splitlines()
    assert str(text) in refusal and f"与本批的 {pdf}" in refusal and "其余 1 个文件也未导入" in others
    assert snapshot(collection) == before


# --- kexie ingest: adding ------------------------------------------------------------------

def test_ingest_adds_the_text_and_the_index_answers(collection, tmp_path):
    source = tmp_path / "包头2020决算.txt"
    source.write_bytes(seed_text(BAOTOU).encode("gbk"))
    result = ingest(collection, source)
    assert result.exit_code == 0, result.output
    assert "已导入" in result.stderr and result.stdout == ""
    assert (collection / "corpus" / BAOTOU).read_text(encoding="utf-8") == seed_text(BAOTOU)
    answer = Assistant(db_path=collection / "kexie.db").ask("包头2020年基本支出")
    assert answer.status == "answered" and answer.facts[0].source.doc == BAOTOU


def test_ingesting_the_same_text_again_is_a_no_op(collection, tmp_path):
    source = tmp_path / "zhangjiakou.txt"
    source.write_bytes(seed_text(ZHANGJIAKOU).encode("utf-16"))
    before = snapshot(collection)
    result = ingest(collection, source)
    assert result.exit_code == 0
    assert "未改动" in result.stderr and ZHANGJIAKOU in result.stderr
    assert snapshot(collection) == before


def test_a_batch_reads_every_format_with_a_progress_bar(collection, tmp_path):
    text = LANGFANG.read_text(encoding="utf-8")
    files = [write_pdf(tmp_path / "langfang.pdf", layout_blocks(text)),
             write_docx(tmp_path / "langfang.docx", layout_blocks(text)), tmp_path / "jianghan.txt"]
    files[2].write_bytes(seed_text(JIANGHAN).encode("utf-16"))
    files.append(tmp_path / "zhangjiakou.txt")
    files[3].write_bytes(seed_text(ZHANGJIAKOU).encode("gb18030"))
    result = ingest(collection, *files)
    assert result.exit_code == 0, result.output
    assert "读取文件" in result.stderr
    names = sorted(p.name for p in (collection / "corpus").iterdir())
    assert names == sorted([LANGFANG_NAME, JIANGHAN, ZHANGJIAKOU])
    assert result.stderr.count("已导入") == 2 and result.stderr.count("未改动") == 2


def test_ingest_starts_a_new_collection(tmp_path):
    source = tmp_path / "langfang.txt"
    source.write_text(LANGFANG.read_text(encoding="utf-8"), encoding="gbk")
    root = tmp_path / "newsroom"
    result = ingest(root, source)
    assert result.exit_code == 0, result.output
    answer = Assistant(db_path=root / "kexie.db").ask("廊坊2021年公务接待费")
    assert answer.status == "answered" and str(answer.facts[0].value) == "0.50"


def test_a_failed_rebuild_takes_the_new_file_out_again(collection, tmp_path):
    (collection / "corpus" / "坏文件.txt").write_bytes(bytes(range(256)) * 40)
    source = tmp_path / "baotou.txt"
    source.write_bytes(seed_text(BAOTOU).encode("gbk"))
    before = snapshot(collection)
    result = ingest(collection, source)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "语料和索引都没有改动" in line and "坏文件.txt" in line
    assert snapshot(collection) == before


def test_asking_never_loads_the_file_readers():
    import subprocess
    import sys

    probe = ("import sys, kexie_chat.cli; "
             "print(sorted(m for m in ('pdfplumber', 'docx', 'charset_normalizer') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    assert loaded.strip() == "[]"


def test_another_corpus_needs_its_own_index(tmp_path, monkeypatch):
    monkeypatch.delenv("KEXIE_DB", raising=False)
    result = CliRunner().invoke(kexie, ["ingest", str(LANGFANG), "--corpus", str(tmp_path / "corpus")])
    assert result.exit_code == 2 and "--db" in result.stderr
    assert not (tmp_path / "corpus").exists()


# --- PDF text as the page shows it -----------------------------------------------------------

DROP = 4  # points: the digits' boxes sit 40% of a 10-point line below the Chinese around them
DETACHED = [
    ("year-in-title", (("上海市静安区财政局", 0), ("2024", DROP), ("年度部门决算", 0)), "上海市静安区财政局2024年度部门决算"),
    ("narrative-number", (("本年收入合计", 0), ("2,946.25", DROP), ("万元，其中：财政拨款收入", 0), ("2,940.05", DROP),
                          ("万元。", 0)), "本年收入合计2,946.25万元，其中：财政拨款收入2,940.05万元。"),
    ("quote-marks", (("七、财政拨款", 0), ("“", DROP), ("三公", 0), ("”", DROP), ("经费支出决算表", 0)),
     "七、财政拨款“三公”经费支出决算表"),
    ("raised", (("比上年增加", 0), ("12.5", -DROP), ("万元", 0)), "比上年增加12.5万元"),
]


@pytest.mark.parametrize("case,pieces,line", DETACHED, ids=[c[0] for c in DETACHED])
def test_digits_drawn_below_their_line_stay_on_it(tmp_path, case, pieces, line):
    path = write_pdf(tmp_path / f"{case}.pdf", ["上一行", pieces, "下一行"])
    assert read_document(path).splitlines() == ["上一行", line, "下一行"]


def test_a_pdf_with_detached_digits_is_read_as_published(tmp_path):
    blocks = [(("上海市静安区财政局", 0), ("2024", DROP), ("年度部门决算", 0)), "目 录",
              (("上海市静安区财政局", 0), ("2024", DROP), ("年度收入支出总计", 0), ("2,995.39", DROP), ("万元。", 0)),
              (("本年收入合计", 0), ("2,946.25", DROP), ("万元，其中：财政拨款收入", 0), ("2,940.05", DROP), ("万元。", 0))]
    [staged] = stage([write_pdf(tmp_path / "决算.pdf", blocks)], tmp_path / "corpus")
    document = staged.document
    assert (document.org, document.year, document.doc_kind, staged.name) == \
        ("上海市静安区财政局", 2024, "决算", "2024-上海市静安区财政局-部门决算.txt")
    facts = parse_disclosure(staged.name, staged.text).facts
    assert {(f.metric, str(f.value)) for f in facts} >= {("收入合计", "2946.25"), ("财政拨款收入", "2940.05")}


# --- spreadsheets and saved web pages --------------------------------------------------------

FORMAT_ORG = "上海市静安区商务委员会"
# A 部门预算 as its spreadsheet or web page shows it: cover lines, narrative, a table with a blank cell.
FORMAT_LINES = [
    f"{FORMAT_ORG}2025年部门预算",
    f"编制部门：{FORMAT_ORG} 单位：万元",
    f"2025年，{FORMAT_ORG}收入预算500.00万元，其中：财政拨款收入480.00万元。",
]
FORMAT_TABLE = [["项目", "预算数"], ["一、财政拨款收入", "480.00"], ["二、事业收入", ""], ["收入合计", "500.00"]]


def write_xlsx(path: Path, lines: list[str], table: list[list[str]], sheet: str = "Sheet1") -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for line in lines:
        worksheet.append([line])
    for row in table:
        worksheet.append([float(cell) if cell.replace(".", "").isdigit() else (cell or None) for cell in row])
    workbook.save(path)
    return path


def write_html(path: Path, lines: list[str], table: list[list[str]], charset: str = "gb2312",
               layout: bool = False) -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in table)
    nav = "<div><a href='/'>首页</a>&nbsp;&gt;&nbsp;<a>信息公开</a></div>"
    body = nav + "".join(f"<p>{line}</p>" for line in lines[1:]) + f"<table>{rows}</table>"
    if layout:  # old sites lay the whole page out in a table
        body = f"<table><tr><td><span>{nav}</span></td></tr><tr><td>{body[len(nav):]}</td></tr></table>"
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{lines[0]}</title><style>p {{ margin: 0 }}</style><script>var a = '单位：元';</script></head>"
            f"<body>{body}</body></html>")
    path.write_bytes(page.encode("gb18030" if charset.startswith("gb") else charset))
    return path


def test_a_spreadsheet_reads_as_title_lines_then_rows(tmp_path):
    path = write_xlsx(tmp_path / "budget.xlsx", FORMAT_LINES, FORMAT_TABLE)
    assert read_document(path).splitlines() == [
        *FORMAT_LINES, "项目\t预算数", "一、财政拨款收入\t480", "二、事业收入\t", "收入合计\t500"]


def test_a_sheet_that_opens_with_its_table_is_titled_by_its_name(tmp_path):
    path = write_xlsx(tmp_path / "budget.xlsx", [], FORMAT_TABLE[:2], sheet="收入预算总表")
    assert read_document(path).splitlines() == ["收入预算总表", "项目\t预算数", "一、财政拨款收入\t480"]


@pytest.mark.parametrize("charset", ["gb2312", "utf-8", "gbk"])
@pytest.mark.parametrize("layout", [False, True], ids=["flat", "layout-table"])
def test_a_saved_web_page_reads_as_paragraphs_and_rows(tmp_path, charset, layout):
    path = write_html(tmp_path / "budget.html", FORMAT_LINES, FORMAT_TABLE, charset=charset, layout=layout)
    lines = read_document(path).splitlines()
    assert lines == [FORMAT_LINES[0], "首页 > 信息公开", *FORMAT_LINES[1:],
                     "项目\t预算数", "一、财政拨款收入\t480.00", "二、事业收入\t", "收入合计\t500.00"]


def test_an_old_excel_binary_reads_as_its_sheets(tmp_path):
    """budget.xls (BIFF8, written by make_budget_xls.py): number cells as the sheet shows them, a
    sheet that opens with its table titled by its name, codes split over 类/款/项 read as one."""
    xls = FIXTURES / "budget.xls"
    assert read_document(xls).splitlines() == [
        *FORMAT_LINES, "项目\t预算数", "一、财政拨款收入\t480", "二、事业收入\t", "收入合计\t500",
        "支出预算总表", "类\t款\t项\t科目名称\t合计\t基本支出\t项目支出",
        "201\t13\t01\t行政运行\t93.5\t93.5\t", "201\t13\t02\t一般行政管理事务\t406.5\t\t406.5",
        "合计\t\t\t\t500\t93.5\t406.5"]
    [staged] = stage([xls], tmp_path / "corpus")
    assert staged.name == f"2025-{FORMAT_ORG}-部门预算.txt"
    facts = {(f.metric, f.code, f.basis, f.value.normalize()) for f in parse_disclosure(staged.name, staged.text).facts}
    assert {("收入合计", None, "预算数", Decimal("500")), ("行政运行", "2011301", "合计", Decimal("93.5")),
            ("一般行政管理事务", "2011302", "项目支出", Decimal("406.5")),
            ("行政运行", "2011301", "项目支出（表内空白，记为0）", Decimal("0"))} <= facts


@pytest.mark.parametrize("suffix", [".xlsx", ".html"])
def test_a_spreadsheet_or_web_page_disclosure_is_ingested(tmp_path, suffix):
    writer = write_xlsx if suffix == ".xlsx" else write_html
    [staged] = stage([writer(tmp_path / f"budget{suffix}", FORMAT_LINES, FORMAT_TABLE)], tmp_path / "corpus")
    assert staged.name == f"2025-{FORMAT_ORG}-部门预算.txt"
    facts = {(f.metric, f.value) for f in parse_disclosure(staged.name, staged.text).facts}
    assert {("收入合计", Decimal("500")), ("财政拨款收入", Decimal("480"))} <= {(m, v.normalize()) for m, v in facts if v}


FAST_PATH_LAYOUTS = [
    ("text-and-ruled-table", ["上海市静安区财政局2024年度部门决算", "收入决算表", "单位：万元",
                              [["项目", "本年收入合计", "财政拨款收入"], ["合计", "2,946.25", "2,940.05"],
                               ["201 06 01 行政运行", "1,511.90", ""]], "注：本表为决算数。"]),
    ("detached-digits", [(("上海市静安区财政局", 0), ("2024", DROP), ("年度部门决算", 0)),
                         (("本年收入合计", 0), ("2,946.25", DROP), ("万元。", 0))]),
    ("two-pages", ["第一页", [["项目", "决算数"], ["行1", "1.00"]], "第二页之前"]),
]


@pytest.mark.parametrize("case,blocks", FAST_PATH_LAYOUTS, ids=[c[0] for c in FAST_PATH_LAYOUTS])
def test_pdfium_reads_a_page_as_pdfplumber_does(tmp_path, monkeypatch, case, blocks):
    """The fast path (chars and rules from pdfium) gives the very text of the pdfminer one."""
    import kexie_chat.pdfium_pages as pdfium_pages

    path = write_pdf(tmp_path / f"{case}.pdf", blocks)
    assert pdfium_pages.read_pages(path)  # the fast path takes it
    fast = read_document(path)

    def not_for_pdfium(*_):
        raise pdfium_pages.NotForPdfium("forced")

    monkeypatch.setattr(pdfium_pages, "read_pages", not_for_pdfium)
    assert fast == read_document(path)


def test_running_heads_and_page_numbers_are_read_once(tmp_path):
    """Each page opens with the same head and ends with its number: the head is kept where it first
    stands, the numbers go; a table continued over pages keeps its rows."""
    from minipdf import page_break

    blocks = []
    for page in range(1, 5):
        blocks += ["上海市静安区审计局2024年度部门决算", f"正文第{page}页的内容。", [["项目", "决算数"], [f"行{page}", "1.00"]],
                   f"- {page} -", page_break]
    lines = read_document(write_pdf(tmp_path / "heads.pdf", blocks)).splitlines()
    assert lines[0] == "上海市静安区审计局2024年度部门决算"
    assert lines.count("上海市静安区审计局2024年度部门决算") == 1
    assert not any(line.startswith("- ") for line in lines)
    assert [line for line in lines if line.startswith("正文")] == [f"正文第{p}页的内容。" for p in range(1, 5)]
    assert [line for line in lines if line.startswith("行")] == [f"行{p}\t1.00" for p in range(1, 5)]


def test_a_line_few_pages_repeat_is_text(tmp_path):
    from minipdf import page_break

    blocks = ["标题", "第一部分", page_break, "第一部分", "正文", page_break, "其他", "正文二", page_break, "末页", "2024"]
    lines = read_document(write_pdf(tmp_path / "few.pdf", blocks)).splitlines()
    assert lines == ["标题", "第一部分", "第一部分", "正文", "其他", "正文二", "末页", "2024"]


@pytest.mark.parametrize("text", ["100%", "2022", "12.5", "科协 100%", "一、100%", "（一）一般公共预算", "开办“科普包", "开2"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_short_utf16_text_without_a_mark_is_read_in_its_byte_order(text, encoding):
    assert decode_text(text.encode(encoding)) == text


def test_a_web_table_header_over_two_rows_stays_above_its_columns(tmp_path):
    """rowspan and colspan are read as a PDF's merged cells: written once, blank where they reach."""
    page = ("<html><body><table>"
            "<tr><th rowspan='2'>项目</th><th colspan='3'>本年支出</th><th rowspan='2'>备注</th></tr>"
            "<tr><th>小计</th><th>基本支出</th><th>项目支出</th></tr>"
            "<tr><td>合计</td><td>3.00</td><td>1.00</td><td>2.00</td><td></td></tr>"
            "<tr><td rowspan='2'>一般公共服务支出</td><td>1</td><td>2</td><td>3</td><td rowspan='2'>注</td></tr>"
            "<tr><td>4</td><td>5</td><td>6</td></tr></table></body></html>")
    (tmp_path / "spans.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "spans.html").splitlines() == [
        "项目\t本年支出\t\t\t备注", "\t小计\t基本支出\t项目支出\t", "合计\t3.00\t1.00\t2.00\t",
        "一般公共服务支出\t1\t2\t3\t注", "\t4\t5\t6\t"]


def seed_as_page(text: str) -> str:
    """A seed as a saved web page: a line a paragraph (its spaces kept as &nbsp;), a run of
    tab-separated lines a table."""
    import html

    body = []
    for block in layout_blocks(text):
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block).replace(' ', '&nbsp;') or '&nbsp;'}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block)
            body.append(f"<table>{rows}</table>")
    return "<html><head><meta charset='utf-8'></head><body>" + "\n".join(body) + "</body></html>"


# The seeds whose text is paragraphs and tab-separated tables (the others are PDF text laid out with
# runs of spaces, which a browser and this reader collapse).
@pytest.mark.parametrize("name", [BAOTOU, JIANGHAN])
def test_a_web_page_copy_of_a_seed_gives_its_facts(tmp_path, disclosures, name):
    (tmp_path / "seed.html").write_text(seed_as_page(seed_text(name)), encoding="utf-8")
    facts = parse_disclosure(name, read_document(tmp_path / "seed.html")).facts
    assert {(f.metric, f.code, f.value, f.basis) for f in facts} == \
        {(f.metric, f.code, f.value, f.basis) for f in disclosures[name].facts}


QINHUANGDAO = "2022-秦皇岛市科协-部门预算.txt"


# The seeds laid out by runs of spaces (PDF text), pasted into a page inside <pre>: the browser keeps
# the spaces and line breaks of a <pre>, and so must the reader, or their tables run together.
@pytest.mark.parametrize("name", [ZHANGJIAKOU, XICHENG, QINHUANGDAO])
def test_a_seed_in_a_pre_block_gives_its_facts(tmp_path, disclosures, name):
    import html

    page = ("<html><head><meta charset='utf-8'><title>公开</title></head><body><p>部门预算公开</p>"
            f"<pre>\n{html.escape(seed_text(name))}</pre><p>附件下载</p></body></html>")
    (tmp_path / "seed.html").write_text(page, encoding="utf-8")
    facts = parse_disclosure(name, read_document(tmp_path / "seed.html")).facts
    assert {(f.metric, f.code, f.value, f.basis) for f in facts} == \
        {(f.metric, f.code, f.value, f.basis) for f in disclosures[name].facts}


def test_a_pre_block_keeps_its_spacing_and_lines(tmp_path):
    page = ("<html><body><p>说明</p><pre>\n项目        预算数    决算数\n三公经费    3.65      2.10\n\n合计\t1</pre>"
            "<p>完</p></body></html>")
    (tmp_path / "pre.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "pre.html").splitlines() == [
        "说明", "项目        预算数    决算数", "三公经费    3.65      2.10", "", "合计\t1", "完"]


def seed_as_workbook(path: Path, text: str) -> Path:
    """A seed as one sheet: a line a one-cell row, a tab-separated line a row of cells (as text)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    for line in text.splitlines():
        workbook.active.append(line.split("\t") if "\t" in line else [line])
    workbook.save(path)
    return path


@pytest.mark.parametrize("name", [BAOTOU, JIANGHAN])
def test_a_spreadsheet_copy_of_a_seed_gives_its_facts(tmp_path, disclosures, name):
    """Every figure of the seed; and where a sheet's grid has a cell the seed's text left out (a
    row shorter than its header), that cell reads as a blank of the table, as a PDF's grid does."""
    made = seed_as_workbook(tmp_path / "seed.xlsx", seed_text(name))
    read = {(f.metric, f.code, f.value, f.basis) for f in parse_disclosure(name, read_document(made)).facts}
    seed = {(f.metric, f.code, f.value, f.basis) for f in disclosures[name].facts}
    assert seed <= read
    assert all(value == 0 and "空白" in basis for _, _, value, basis in read - seed)


def test_a_long_pdf_read_on_several_cores_is_the_pdf_read_on_one(tmp_path, monkeypatch):
    """Every n-th page to each worker: the text is the same, in page order, heads read once."""
    import kexie_chat.cores as cores
    import kexie_chat.readers as readers
    from minipdf import page_break

    blocks = []
    for page in range(1, 13):
        blocks += ["上海市静安区审计局2024年度部门决算", f"正文第{page}页的内容。", [["项目", "决算数"], [f"行{page}", f"{page}.00"]],
                   f"- {page} -", page_break]
    path = write_pdf(tmp_path / "long.pdf", blocks)
    monkeypatch.setattr(readers, "PAGES_PER_WORKER", 100)
    alone = read_document(path)
    monkeypatch.setattr(readers, "PAGES_PER_WORKER", 4)
    monkeypatch.setattr(cores, "idle_cores", lambda: 3)
    assert read_document(path) == alone
    assert [line for line in alone.splitlines() if line.startswith("行")] == [f"行{p}\t{p}.00" for p in range(1, 13)]
