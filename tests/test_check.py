"""kexie check: findings on the five seeds (golden, checked by hand), one case per check kind,
the same figure told apart from a different one, answers that carry a finding, and the CLI."""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from kexie_chat.answering.render import render
from kexie_chat.answering.reply import answered, said as statement
from kexie_chat.check import audit_disclosure
from kexie_chat.cli import kexie
from kexie_chat.findings import Finding, stored_findings
from kexie_chat.models import Document, Fact, Passage, Source
from kexie_chat.orgs import split_org
from kexie_chat.parse import Disclosure, parse_disclosure
from kexie_chat.store import Store
from kexie_chat.text import fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).parent / "golden" / "check"
DOCS = sorted(p.name for p in CORPUS.glob("*.txt"))


def compact(finding: Finding) -> dict:
    """A finding as the golden files keep it (the hand-check note is added there)."""
    return {"kind": finding.kind, "severity": finding.severity, "scope": finding.scope, "text": finding.text,
            "figures": [f"{f.source.line}: {f.metric}{' ' + f.code if f.code else ''} = {f.value} {f.unit}"
                        for f in finding.facts],
            "lines": [s.line for s in finding.sources],
            "expected": None if finding.expected is None else str(finding.expected),
            "stated": None if finding.stated is None else str(finding.stated),
            "difference": None if finding.difference is None else str(finding.difference)}


# --- the seeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS)
def test_seed_findings_match_golden(disclosures, doc):
    golden = json.loads((GOLDEN / f"{Path(doc).stem}.json").read_text(encoding="utf-8"))
    assert golden["checked_by_hand"], "say which lines were added up by hand"
    assert all(f.pop("verified") for f in golden["findings"]), "every golden finding names the lines checked"
    assert [compact(f) for f in audit_disclosure(disclosures[doc])] == golden["findings"]


@pytest.mark.parametrize("doc", DOCS)
def test_every_figure_of_a_finding_is_on_its_line(disclosures, doc):
    lines = (CORPUS / doc).read_text(encoding="utf-8").splitlines()
    for finding in audit_disclosure(disclosures[doc]):
        for fact in finding.facts:
            line = fold(lines[fact.source.line - 1])
            assert line and line in fold(fact.source.quote)
            assert fold(fact.text or str(fact.value)) in fold(fact.source.quote)
        for source in finding.sources:
            assert finding.text.split("“")[1].split("”")[0] in lines[source.line - 1]


def test_consistent_tables_produce_no_finding(disclosures):
    """秦皇岛 2022: 301 (lines 340-358) adds to 452.46, 302 to 60.91, 人员经费 541.68 = 452.46 + 89.22,
    支出合计 657.82 = 602.82 + 55.00, 三公 2.14 = 1.93 + 0.21: nothing to report, in either scope."""
    assert audit_disclosure(disclosures["2022-秦皇岛市科协-部门预算.txt"]) == []


def test_the_index_keeps_the_findings(db, disclosures):
    store = Store(db)
    try:
        stored = stored_findings(store)
        by_org = stored_findings(store, "武汉市江汉区科学技术协会")
    finally:
        store.close()
    computed = [f for d in disclosures.values() for f in audit_disclosure(d)]
    assert sorted(f.text for f in stored) == sorted(f.text for f in computed)
    assert by_org and all(f.org == "武汉市江汉区科学技术协会" for f in by_org)


# --- one small disclosure per check kind: consistent, then not -----------------------------------

ORG, DOC = "武汉市江汉区科学技术协会", "test.txt"
SPENDING = "2020年度支出决算表（表3）"
FISCAL = "2020年度一般公共预算财政拨款支出决算表（表5）"
BASIC = "2020年度一般公共预算财政拨款基本支出决算表（表6）"
THREE = "2020年度一般公共预算财政拨款“三公”经费支出决算表（表7）"
TOTALS = "2020年度收入支出决算总表（表1）"
PURCHASES = "部门政府采购预算"


def fact(metric, value, line, table=SPENDING, basis="合计", code=None, unit="万元", scope="部门", quote=None,
         item=None) -> Fact:
    return Fact(org=ORG, year=2020, doc_kind="决算", metric=metric, code=code, value=Decimal(value), unit=unit,
                basis=basis, source=Source(doc=DOC, line=line, quote=quote or f"{code or ''} {metric} {value}"),
                scope=scope, table=table, item=item, text=value)


def said(metric, value, line, sentence, basis="决算数", scope="部门") -> Fact:
    """A figure of the narrative, read from `sentence`."""
    return fact(metric, value, line, table="正文", basis=basis, scope=scope, quote=sentence)


def disclosure(*facts, passages=(), aliases=("江汉区",)) -> Disclosure:
    document = Document(doc=DOC, org=ORG, year=2020, doc_kind="决算", unit="万元", title="", lines=999, sha256="")
    return Disclosure(document=document, facts=list(facts), passages=list(passages), aliases=list(aliases))


def classes(sub):
    return [fact("科学技术支出", "10.00", 1, code="206"), fact("科学技术管理事务", "4.00", 2, code="20601"),
            fact("科学技术普及", sub, 3, code="20607")]


def economic(item):
    return [fact("工资福利支出", "10.00", 1, BASIC, "决算数", "301"), fact("基本工资", "6.00", 2, BASIC, "决算数", "30101"),
            fact("津贴补贴", item, 3, BASIC, "决算数", "30102")]


def staff(total):
    return [fact("工资福利支出", "10.00", 1, BASIC, "决算数", "301"), fact("对个人和家庭的补助", "5.00", 2, BASIC, "决算数", "303"),
            fact("人员经费", total, 3, BASIC, "决算数")]


def row(project):
    return [fact("科学技术支出", "10.00", 1, code="206"), fact("科学技术支出", "4.00", 1, basis="基本支出", code="206"),
            fact("科学技术支出", project, 1, basis="项目支出", code="206")]


def three_public(reception):
    return [fact("三公经费", "2.14", 1, THREE), fact("因公出国（境）费", "0", 2, THREE),
            fact("公务用车购置及运行维护费", "1.93", 3, THREE), fact("公务接待费", reception, 4, THREE),
            fact("公务用车购置费", "0", 5, THREE), fact("公务用车运行维护费", "1.93", 6, THREE)]


def carried(side, carry):
    """收入总计 = 收入合计 + 年初结转和结余, or 支出总计 = 支出合计 + 年末结转和结余."""
    total, this_year, carried_over = {"收入": ("收入总计", "收入合计", "年初结转和结余"),
                                      "支出": ("支出总计", "支出合计", "年末结转和结余")}[side]
    return [fact(this_year, "80.00", 1, TOTALS, "金额"), fact(carried_over, carry, 2, TOTALS, "金额"),
            fact(total, "100.00", 3, TOTALS, "金额")]


def basic_said(staff_cost):
    sentence = f"2020年度基本支出217.74万元，其中：人员经费{staff_cost}万元，公用经费18.38万元。"
    return [said("基本支出", "217.74", 9, sentence), said("人员经费", staff_cost, 9, sentence),
            said("公用经费", "18.38", 9, sentence)]


def purchases(total):
    return [fact("政府采购", "0.61", 1, PURCHASES, "采购金额", item="激光打印机"),
            fact("政府采购", "0.15", 2, PURCHASES, "采购金额", item="复印纸"),
            said("政府采购", total, 9, f"2020年安排政府采购预算{total}万元。")]


def two_tables(spending):
    return [fact("支出合计", "504.77", 1, TOTALS, "金额"), fact("支出合计", spending, 9, SPENDING, "合计")]


def table_and_text(staff_cost):
    return [fact("人员经费", "199.38", 1, BASIC, "决算数"),
            said("人员经费", staff_cost, 9, f"一般公共预算财政拨款基本支出217.74万元，其中，人员经费{staff_cost}万元。")]


def fiscal_total(said_total):
    """The 财政拨款收支 table's 总计 row and the narrative's 财政拨款收入支出总计."""
    return [fact("收入总计", "2961.68", 1, "2020年度财政拨款收入支出决算总表（表4）", "决算数"),
            fact("支出总计", "2961.68", 1, "2020年度财政拨款收入支出决算总表（表4）", "合计"),
            said("财政拨款收支总计", said_total, 9, f"2020年度财政拨款收入支出总计{said_total}万元。")]


def named_class(said_total):
    """The 收支总表 lists a class by its name only (八、科学技术支出); the 支出 table codes it (206)."""
    return [fact("科学技术支出", said_total, 1, TOTALS, "决算数"), fact("科学技术支出", "10.00", 9, SPENDING, code="206")]


def names(second):
    return [fact("房租补贴", "3.00", 1, "2020年度收入决算表（表2）", code="2210202"),
            fact(second, "3.00", 9, SPENDING, code="2210202")]


KINDS = [
    ("function_sum", "function_sum", classes("6.00"), classes("6.50")),
    ("function_sum_beyond_rounding", "function_sum", classes("6.00"), classes("6.02")),
    ("economic_sum", "economic_sum", economic("4.00"), economic("4.50")),
    ("economic_sum_staff", "economic_sum", staff("15.00"), staff("15.02")),
    ("row_sum", "row_sum", row("6.00"), row("7.00")),
    ("identity_three_public", "identity", three_public("0.21"), three_public("0.31")),
    ("identity_income_total", "identity", carried("收入", "20.00"), carried("收入", "10.00")),
    ("identity_spending_total", "identity", carried("支出", "20.00"), carried("支出", "25.00")),
    ("identity_narrative", "identity", basic_said("199.36"), basic_said("199.38")),
    ("procurement_sum", "procurement_sum", purchases("0.76"), purchases("0.86")),
    ("same_figure_two_tables", "same_figure", two_tables("504.77"), two_tables("504.87")),
    ("same_figure_table_and_text", "same_figure", table_and_text("199.38"), table_and_text("199.36")),
    ("code_name", "code_name", names("房租补贴"), names("提租补贴")),
    ("same_figure_class_named_in_a_two_sided_table", "same_figure", named_class("10.00"), named_class("10.50")),
    ("same_figure_narrative_total_of_a_two_sided_table", "same_figure", fiscal_total("2961.68"), fiscal_total("0.3")),
]


@pytest.mark.parametrize("name,kind,consistent,inconsistent", KINDS, ids=[k[0] for k in KINDS])
def test_each_check_passes_the_consistent_and_flags_the_other(name, kind, consistent, inconsistent):
    assert audit_disclosure(disclosure(*consistent)) == []
    found = audit_disclosure(disclosure(*inconsistent))
    assert [f.kind for f in found] == [kind]
    assert found[0].facts and all(f.source.line for f in found[0].facts)


def test_rounding_in_yuan_is_one_yuan():
    def table(sub):
        return [fact("科学技术支出", "10000", 1, code="206", unit="元"),
                fact("科学技术普及", sub, 2, code="20607", unit="元")]
    assert audit_disclosure(disclosure(*table("10000"))) == []
    assert [(f.severity, f.difference) for f in audit_disclosure(disclosure(*table("9999")))] == [
        ("rounding", Decimal(1))]
    assert [(f.severity, f.difference) for f in audit_disclosure(disclosure(*table("9998")))] == [
        ("error", Decimal(2))]


# --- 尾差: a difference rounding explains, on small disclosures the parser reads ---------------------

HEAD = "上海市某区科学技术协会2025年部门预算\n预算主管部门：上海市某区科学技术协会\n"


def spending_table(parts: list[str], total: str, unit: str = "万元") -> str:
    """A 支出 table: one 款 (printed `total`) over its 项 (`parts`), in `unit`."""
    rows = "".join(f"206\t05\t{n:02d}\t科技条件专项{n}\t{v}\t{v}\t\n" for n, v in enumerate(parts, 1))
    return (f"2025年部门支出预算总表\n编制部门：上海市某区科学技术协会 单位：{unit}\n"
            "项目\t\t\t\t支出预算\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
            f"类\t款\t项\t\t\t\t\n206\t\t\t科学技术支出\t{total}\t{total}\t\n"
            f"206\t05\t\t科技条件与服务\t{total}\t{total}\t\n{rows}合计\t\t\t\t{total}\t{total}\t\n")


def severities(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, str(f.difference)) for f in audit_disclosure(parse_disclosure("t.txt", text))]


# (id, parts, printed total, unit, findings): n parts each rounded to the last digit may be off by
# n × half that digit; one unit of the last digit is always rounding.
ROUNDING = [
    ("exact", ["1.00", "2.00", "3.00"], "6.00", "万元", []),
    ("one-cent-over-three-parts", ["1.00", "2.00", "3.00"], "6.01", "万元", [("function_sum", "rounding", "0.01")]),
    ("one-cent-under", ["1.00", "2.00", "3.00"], "5.99", "万元", [("function_sum", "rounding", "-0.01")]),
    ("two-cents-over-four-parts", ["1.00", "2.00", "3.00", "4.00"], "10.02", "万元",
     [("function_sum", "rounding", "0.02")]),
    ("two-cents-over-two-parts", ["1.00", "2.00"], "3.02", "万元", [("function_sum", "error", "0.02")]),
    ("three-cents-over-four-parts", ["1.00", "2.00", "3.00", "4.00"], "10.03", "万元",
     [("function_sum", "error", "0.03")]),
    ("blank-parts-are-exact", ["1.00", "", "", "2.00"], "3.02", "万元", [("function_sum", "error", "0.02")]),
    ("zero-printed-to-cents-is-rounded", ["1.00", "0.00", "0.00", "2.00"], "3.02", "万元",
     [("function_sum", "rounding", "0.02")]),
    ("one-yuan-in-yuan", ["100", "200"], "301", "元", [("function_sum", "rounding", "1")]),
    ("cents-in-yuan", ["100.00", "200.00"], "300.02", "元", [("function_sum", "error", "0.02")]),
]


@pytest.mark.parametrize("name,parts,total,unit,expected", ROUNDING, ids=[c[0] for c in ROUNDING])
def test_a_difference_rounding_explains_is_a_rounding_finding(name, parts, total, unit, expected):
    assert severities(HEAD + spending_table(parts, total, unit)) == expected


def test_a_rounding_finding_says_so_and_answers_leave_it_out():
    found = audit_disclosure(parse_disclosure("t.txt", HEAD + spending_table(["1.00", "2.00"], "3.01")))
    assert [f.severity for f in found] == ["rounding"] and found[0].text.endswith("（尾差）。")
    reply = answered("lookup", statement("figure", found[0].facts[0]), facts=[found[0].facts[0]])
    assert render("q", reply, findings=found) == render("q", reply)


def test_a_narrative_figure_rounded_coarser_agrees_and_one_cent_off_is_rounding():
    def text(said_):
        return [fact("人员经费", "199.38", 1, BASIC, "决算数"),
                said("人员经费", said_, 9, f"一般公共预算财政拨款基本支出217.74万元，其中，人员经费{said_}万元。")]
    assert audit_disclosure(disclosure(*text("199.4"))) == []
    assert [(f.kind, f.severity) for f in audit_disclosure(disclosure(*text("199.37")))] == [
        ("same_figure", "rounding")]
    assert [(f.kind, f.severity) for f in audit_disclosure(disclosure(*text("199.5")))] == [("same_figure", "error")]


# Figures that look alike but are not the same figure: never a finding.
NOT_THE_SAME = [
    ("other_scope", [fact("支出合计", "504.77", 1, TOTALS, "金额"),
                     fact("支出合计", "300.00", 9, SPENDING, "合计", scope="本级")]),
    ("other_basis", [fact("人员经费", "199.38", 1, BASIC, "决算数"),
                     said("人员经费", "210.00", 9, "人员经费年初预算为210.00万元。", basis="预算数")]),
    ("other_funding", [fact("基本支出", "674.30", 1, SPENDING, "支出合计行"),
                       fact("基本支出", "604.43", 9, FISCAL, "财政拨款支出行")]),
    ("text_about_a_fund", [fact("支出合计", "504.77", 1, TOTALS, "金额"),
                           said("支出合计", "0.00", 9, "2020年度国有资本经营预算财政拨款本年支出0.00万元。")]),
    ("text_about_one_project", [fact("项目支出", "287.03", 1, FISCAL, "财政拨款支出行"),
                                said("项目支出", "50.00", 9, "对一般公共预算项目支出开展绩效自评，共涉及项目1个，资金50.00万元。")]),
    ("text_matching_another_funding", [fact("基本支出", "674.30", 1, SPENDING, "支出合计行"),
                                       fact("基本支出", "604.43", 2, FISCAL, "财政拨款支出行"),
                                       said("基本支出", "604.43", 9, "支出预算按用途划分：基本支出预算604.43万元。",
                                            basis="决算数")]),
    ("text_in_wan_for_a_table_in_yuan", [fact("支出合计", "91016775.35", 1, TOTALS, "金额", unit="元"),
                                         said("支出合计", "9101.68", 9, "2020年度支出合计9101.68万元。")]),
    ("class_named_against_income_by_class", [fact("科学技术支出", "10.50", 1, TOTALS, "决算数"),
                                             fact("科学技术支出", "10.00", 9, "2020年度收入决算表（表2）", code="206")]),
    ("name_of_two_classes", [fact("其他支出", "10.50", 1, TOTALS, "决算数"), fact("其他支出", "10.00", 8, SPENDING, code="229"),
                             fact("其他支出", "10.00", 9, SPENDING, code="206")]),
    ("two_cells_of_one_table", [fact("一般公共预算拨款收入", "504.77", 1, TOTALS, "金额"),
                                fact("一般公共预算拨款收入", "0", 2, TOTALS, "金额")]),
]


@pytest.mark.parametrize("name,facts", NOT_THE_SAME, ids=[n for n, _ in NOT_THE_SAME])
def test_figures_that_are_not_the_same_figure_are_not_compared(name, facts):
    assert audit_disclosure(disclosure(*facts)) == []


def test_a_misprinted_org_name_is_found_with_its_line():
    passages = [Passage(doc=DOC, line=142, text="部门：武汉市江北区科学技术协会 单位：万元"),
                Passage(doc=DOC, line=150, text="武汉市江汉区科学技术协会")]
    found = audit_disclosure(disclosure(passages=passages, aliases=("江汉区", "江北区", "江川区")))
    assert [(f.kind, [s.line for s in f.sources]) for f in found] == [("org_name", [142])]
    assert "江北区" in found[0].text and ORG in found[0].text



def misprinted(org: str, place: str, printed: str) -> str:
    """A 决算 of `org` whose 情况说明 title and one table's 编制部门 line print its place as `printed`."""
    wrong = org.replace(place, printed)
    return (f"{org}2024年度部门决算\n预算主管部门：{org}\n第三部分 {wrong}2024年度部门决算情况说明\n"
            "（一）关于2024年度收入支出决算总体情况说明\n本部门2024年度收入总计627.28万元。\n"
            f"2024年度收入决算表\n编制部门：{wrong} 单位：万元\n"
            f"（二）关于2024年度支出决算情况说明\n本部门会同上海市普陀区民政局、静安区{split_org(org).body}开展工作。\n")


# (id, org, its last place level, printed as): any kind of body, in its full or short form.
ORG_MISPRINTS = [
    ("科协", "上海市普陀区科学技术协会", "普陀区", "普沱区"),
    ("科协-short-form", "上海市普陀区科协", "普陀区", "普驼区"),
    ("商务委员会", "上海市普陀区商务委员会", "普陀区", "普驼区"),
    ("街道办事处", "上海市普陀区石泉路街道办事处", "普陀区", "普沱区"),
    ("局-of-a-city", "包头市财政局", "包头市", "包投市"),
]


@pytest.mark.parametrize("name,org,place,printed", ORG_MISPRINTS, ids=[m[0] for m in ORG_MISPRINTS])
def test_an_org_of_any_kind_printed_with_its_place_one_character_off(name, org, place, printed):
    assert kinds(misprinted(org, place, place)) == []
    disclosure_ = parse_disclosure("t.txt", misprinted(org, place, printed))
    found = audit_disclosure(disclosure_)
    assert [(f.kind, [s.line for s in f.sources]) for f in found] == [("org_name", [3, 7])]
    assert found[0].text == f"单位名称误印为“{printed}”（第3、7行），应为“{disclosure_.document.org}”。"


def test_another_level_or_another_place_is_no_misprint():
    """包头县 is another level than 包头市; 静安区 is two characters off 普陀区."""
    assert kinds(misprinted("包头市财政局", "包头市", "包头县")) == []
    assert kinds(misprinted("上海市普陀区商务委员会", "普陀区", "静安区")) == []

# --- answers ----------------------------------------------------------------------------------------


def test_annotate_appends_the_other_figure_and_its_line():
    table, text = table_and_text("199.36")
    finding = audit_disclosure(disclosure(table, text))[0]
    reply = answered("lookup", statement("figure", table), facts=[table], source=statement("source", table))
    plain, noted = render("q", reply).text, render("q", reply, findings=[finding]).text
    body, source = plain.split("\n来源：")
    assert noted == f"{body}（注意：人员经费在正文第9行写作199.36万元，两处不一致）\n来源：{source}"
    other_fact = fact("公用经费", "1", 5)
    other = answered("lookup", statement("figure", other_fact), facts=[other_fact])
    assert render("q", other, findings=[finding]) == render("q", other)


def test_an_answer_on_a_figure_of_a_finding_says_so(assistant):
    answer = assistant.ask("江汉区2020年公用经费")
    assert answer.facts[0].value == Decimal("18.38")
    assert answer.text.index("18.38") < answer.text.index("217.76")


def test_an_answer_off_any_finding_is_unchanged(assistant):
    assert "注意" not in assistant.ask("秦皇岛2022年三公经费").text


# --- command line -------------------------------------------------------------------------------------


def test_answering_with_a_finding_never_imports_the_audit(db):
    """Reading is one job, auditing another: the findings are read from the index (kexie_chat.findings)."""
    script = (f"import sys; from kexie_chat import Assistant; "
              f"a = Assistant(db_path={str(db)!r}); text = a.ask('江汉区2020年人员经费').text; "
              f"assert '199.36' in text, text; "
              f"audit = sorted(m for m in sys.modules if m.startswith('kexie_chat.check')); assert not audit, audit")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_check_json_lists_the_findings(db):
    result = CliRunner().invoke(kexie, ["check", "--json", "--db", str(db)])
    assert result.exit_code == 0
    findings = [Finding.model_validate(f) for f in json.loads(result.stdout)["findings"]]
    assert {f.doc for f in findings} == {"2020-江汉区科协-部门决算.txt", "2020-包头市科协-部门决算.txt",
                                         "2019-西城区科协-部门预算.txt"}
    assert {f.doc for f in findings if f.severity == "error"} == {"2020-江汉区科协-部门决算.txt",
                                                                   "2020-包头市科协-部门决算.txt"}
    assert all(fact.source.quote for f in findings for fact in f.facts)


def test_check_one_org_by_any_of_its_names(db):
    result = CliRunner().invoke(kexie, ["check", "包头", "--db", str(db)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if "包头" in line]
    assert "655.35" in result.stdout


def test_check_an_unknown_org_is_a_usage_error(db):
    assert CliRunner().invoke(kexie, ["check", "石家庄", "--db", str(db)]).exit_code == 2


def test_a_finding_clause_sits_before_the_source_and_is_not_said_twice(assistant):
    text = assistant.ask("江汉区2020年人员经费").text
    body, source = text.rsplit("\n来源：", 1)
    assert body.count("第419行") == 1 and "相差0.02万元" in body and "注意" not in source


# --- one small disclosure per rule, read by the parser: a clean twin, then one planted disagreement --

DECISION = "上海市某区科学技术协会2024年度部门决算\n"
INCOME_TABLE = ("{year}年部门收入预算总表\n编制部门：上海市某区科学技术协会 单位：万元\n项目\t\t\t\t收入预算\n"
                "功能分类科目编码\t\t\t功能分类科目名称\t合计\n类\t款\t项\t\t\n206\t\t\t科学技术支出\t10.00\n"
                "合计\t\t\t\t10.00\n")


def growth(rate):
    return (DECISION + "（一）关于2024年度收入支出决算总体情况说明\n本部门2024年度收入总计627.28万元，与2023年度相比，"
            f"收入总计增加62.54万元，增长{rate}%。\n")


def execution(rate, budget="3.65", actual="2.10"):
    return DECISION + f"“三公”经费财政拨款支出年初预算为{budget}万元，支出决算为{actual}万元，完成预算的{rate}%。\n"


def report_heading(year):
    return DECISION + f"（二）关于{year}年度收入决算情况说明\n本部门2024年度收入合计495.97万元。\n"


def listed(allowance):
    """A list of a total's items, hard-wrapped mid-figure, ending in a clause that is no item."""
    return (DECISION + "（五）关于2024年度一般公共预算财政拨款基本支出决算情况说明\n本部门2024年度一般公共预算财政拨款基本支出"
            "431.61万\n元，其中：人员经费414.52万元，主要包括：基本工资72.70万\n元、津贴补贴"
            f"{allowance}万元、社会保障缴费168.98万元、对个人\n家庭补助57.49万元，较上年增加157.65万元。\n")


def shares(basic):
    """Shares of the whole the sentence opens with, the last one wrapped onto the next line."""
    return (DECISION + f"本部门2024年度支出合计575.66万元，其中：基本支出431.61万元，占{basic}%；项目支出144.05万元，占\n"
            "25.02%。\n")


def two_breakdowns(services):
    """其中 followed by two breakdowns of one total: not a list of its parts."""
    return (DECISION + f"2024年度本部门政府采购支出总额10.12万元，其中：政府采购服务支出{services}万元，授\n"
            "予中小企业合同金额10.12万元，占政府采购支出总额的100.0%。\n")


def coded_table(title: str, rows: dict[str, str]) -> str:
    """A spending table by 功能分类 项 (206 01 xx), its 类 and 款 rows and 合计 adding up."""
    total = f"{sum(Decimal(v) for v in rows.values()):.2f}"
    lines = "".join(f"206\t01\t{code}\t科学技术管理事务{code}\t{v}\t{v}\t\n" for code, v in rows.items())
    return (f"{title}\n编制部门：上海市某区科学技术协会 单位：万元\n项目\t\t\t\t预算数\t\t\n"
            "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n"
            f"206\t\t\t科学技术支出\t{total}\t{total}\t\n206\t01\t\t科学技术管理事务\t{total}\t{total}\t\n"
            f"{lines}合计\t\t\t\t{total}\t{total}\t\n")


def two_spending_tables(fiscal: dict[str, str], everything: dict[str, str] | None = None) -> str:
    """The 支出 table (all funds) and the 一般公共预算 table of one budget."""
    return (HEAD + coded_table("2025年部门支出预算总表", everything or {"01": "4.00", "02": "6.00"})
            + coded_table("2025年部门一般公共预算支出功能分类预算表", fiscal))


# (id, clean twin, planted, [(kind, severity)])
RULES = [
    ("same-code-in-two-tables", two_spending_tables({"01": "4.00", "02": "6.00"}),
     two_spending_tables({"01": "3.00", "02": "7.00"}), [("same_figure", "error"), ("same_figure", "error")]),
    ("share", shares("74.98"), shares("75.98"), [("rate", "error")]),
    ("list-sum-wrapped", listed("115.35"), listed("125.35"), [("list_sum", "error")]),
    ("list-sum-one-cent", listed("115.35"), listed("115.36"), [("list_sum", "rounding")]),
    ("change-rate", growth("11.07"), growth("10"), [("rate", "error")]),
    ("change-rate-rounded-up", growth("11"), growth("12"), [("rate", "rounding")]),
    ("change-rate-off-by-two-units", growth("11"), growth("13"), [("rate", "error")]),
    ("execution-rate", execution("57.53"), execution("67.53"), [("rate", "error")]),
    ("execution-rate-rounding-of-its-figures", execution("58"), execution("59"), [("rate", "error")]),
    ("execution-rate-one-digit-off", execution("57.5", "365.00", "210.00"), execution("57.6", "365.00", "210.00"),
     [("rate", "rounding")]),
    ("report-heading-year", report_heading("2024"), report_heading("2023"), [("heading_year", "warning")]),
    ("table-title-year", HEAD + INCOME_TABLE.format(year=2025), HEAD + INCOME_TABLE.format(year=2023),
     [("heading_year", "warning")]),
]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.severity) for f in audit_disclosure(parse_disclosure("t.txt", text))]


@pytest.mark.parametrize("name,clean,planted,expected", RULES, ids=[r[0] for r in RULES])
def test_each_rule_passes_the_clean_twin_and_flags_the_planted(name, clean, planted, expected):
    assert kinds(clean) == []
    assert kinds(planted) == expected


def test_a_rate_finding_names_the_figures_it_is_computed_from():
    found = audit_disclosure(parse_disclosure("t.txt", growth("10")))[0]
    assert found.expected == Decimal("11.07") and found.stated == Decimal("10") and found.unit == "%"
    assert [(f.basis, str(f.value)) for f in found.facts] == [
        ("较上年增减率", "10"), ("决算数", "627.28"), ("较上年增减", "62.54")]


def test_a_code_of_all_funds_is_not_compared_when_other_funds_spend_too():
    """支出 10.00 of which 一般公共预算 9.00: 20601 may hold the other 1.00, so 4.00 and 3.00 may both be right."""
    assert kinds(two_spending_tables({"01": "3.00", "02": "6.00"})) == []


def test_two_breakdowns_after_其中_are_not_a_list_of_parts():
    assert kinds(two_breakdowns("10.12")) == []


def test_a_list_finding_names_every_item_on_its_line():
    found = audit_disclosure(parse_disclosure("t.txt", listed("125.35")))[0]
    assert [(f.source.line, str(f.value)) for f in found.facts] == [
        (4, "414.52"), (4, "72.70"), (5, "125.35"), (5, "168.98"), (5, "57.49")]
    assert found.expected == Decimal("424.52") and found.difference == Decimal("-10.00")


def test_a_new_item_grown_from_nothing_is_not_computed():
    text = DECISION + "本部门2024年度收入总计62.54万元，与2023年度相比，收入总计增加62.54万元，增长100%。\n"
    assert kinds(text) == []


def listed_one_decimal(total):
    """A list whose items are printed to one decimal (1.1万元): each may be off by 0.05 of its rounding."""
    return (DECISION + "（五）关于2024年度一般公共预算财政拨款基本支出决算情况说明\n本部门2024年度一般公共预算财政拨款基本支出"
            f"12.5万元，其中：人员经费{total}万元，主要包括：基本工资1.1万元、津贴补贴2.2万\n元、社会保障缴费3.3万元。\n")


# (printed total, findings): three parts of one decimal add to 6.6 and may be off by 3 × 0.05.
ONE_DECIMAL = [("6.6", []), ("6.60", []), ("6.7", [("list_sum", "rounding", "0.1")]),
               ("6.5", [("list_sum", "rounding", "-0.1")]), ("6.75", [("list_sum", "rounding", "0.15")]),
               ("6.76", [("list_sum", "error", "0.16")]), ("6.8", [("list_sum", "error", "0.2")])]


@pytest.mark.parametrize("total,expected", ONE_DECIMAL, ids=[t for t, _ in ONE_DECIMAL])
def test_a_list_printed_to_one_decimal_is_decided_by_the_rounding_of_its_parts(total, expected):
    assert severities(listed_one_decimal(total)) == expected


def procurement(total: str) -> str:
    """A 其中 list whose items the reader takes for no fact (办公家具…): they are added all the same."""
    return (DECISION + f"（二）政府采购支出情况\n本部门2024年度政府采购金额为{total}万元，其\n"
            "中：办公家具4.79万元、修缮工程0万元、审计服务246.47万元。\n")


def procurement_parts(total: str) -> str:
    """The 货物/工程/服务 parts of a 政府采购 as a 决算 writes them: read as facts, their identity decides."""
    return (DECISION + f"（二）政府采购支出情况\n本部门2024年度政府采购金额为{total}万元，其\n"
            "中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。\n")


def projects(total: str) -> str:
    """A full list (主要包括) of items named by no metric, one per wrapped line."""
    return (DECISION + f"本部门2024年度项目支出{total}万元，主要包括：支持企业规模化发展870.00万元、\n"
            "支持企业创新化发展70.00万元、支持企业协同化\n发展180.00万元、支持企业国际化发展50.00万元。\n")


def spending_shares(office: str) -> str:
    """A 其中 list with each item's share after it (…万元，占79.49%；…)."""
    return (DECISION + f"本部门机关运行经费29.40万元，其中：办公费{office}万元，占79.49%；差旅\n"
            "费6.03万元，占20.51%。\n")


# (id, clean twin, planted, findings). A 其中 list may give only some parts, or two breakdowns: there
# only a sum that rounding explains is a finding (the list was all of the total, printed rounded).
LISTS = [
    ("unread-items-其中-rounding", procurement("251.26"), procurement("251.25"), [("list_sum", "rounding")]),
    ("unread-items-其中-more-than-rounding-is-no-partition", procurement("251.26"), procurement("261.26"), []),
    ("procurement-parts-rounding", procurement_parts("251.26"), procurement_parts("251.25"), [("identity", "rounding")]),
    ("procurement-parts-off", procurement_parts("251.26"), procurement_parts("261.26"), [("identity", "error")]),
    ("unread-items-full-list", projects("1170.00"), projects("1180.00"), [("list_sum", "error")]),
    ("shares-between-items", spending_shares("23.37"), spending_shares("23.38"), [("list_sum", "rounding")]),
]


@pytest.mark.parametrize("name,clean,planted,expected", LISTS, ids=[c[0] for c in LISTS])
def test_a_list_adds_every_item_whether_read_as_a_fact_or_not(name, clean, planted, expected):
    assert kinds(clean) == []
    assert kinds(planted) == expected


def test_an_unread_item_is_cited_by_its_paragraph_and_its_words():
    disclosure_ = parse_disclosure("t.txt", projects("1180.00"))
    found = audit_disclosure(disclosure_)[0]
    paragraph = next(p.line for p in disclosure_.passages if "支持企业规模化发展" in p.text)
    assert [(f.source.line, f.source.quote, str(f.value)) for f in found.facts[1:]] == [
        (paragraph, "支持企业规模化发展870.00万元", "870.00"), (paragraph, "支持企业创新化发展70.00万元", "70.00"),
        (paragraph, "支持企业协同化发展180.00万元", "180.00"), (paragraph, "支持企业国际化发展50.00万元", "50.00")]
    assert found.expected == Decimal("1170.00") and found.difference == Decimal("10.00")


def item_budget(first: str, second: str | None, total: str = "10.00", everything: dict | None = None) -> str:
    """A 预算 whose 编制说明 gives the 财政拨款 total and then each 项 of it, before its two spending tables."""
    items = [f"1. “科学技术支出（类）科学技术管理事务（款）科学技术管理事务01（项）”科目{first}万元，主要用于基本支出。\n"]
    if second is not None:
        items.append(f"2. “科学技术支出（类）科学技术管理事务（款）科学技术管理事务02（项）”科目{second}万元，主要用于项目支出。\n")
    return (HEAD + "2025年部门预算编制说明\n" + f"2025年，本部门财政拨款支出预算{total}万元。\n财政拨款支出主要内容如下：\n"
            + "".join(items) + coded_table("2025年部门支出预算总表", everything or {"01": "4.00", "02": "6.00"})
            + coded_table("2025年部门一般公共预算支出功能分类预算表", {"01": "4.00", "02": "6.00"}))


# (id, clean twin, planted, findings): a 项 the narrative states against its table row, and the items
# the narrative lists after a total against that total when they are every 项 a table lists.
NARRATIVE_ITEMS = [
    ("item-against-its-row", item_budget("4.00", "6.00"), item_budget("4.50", "6.00"),
     [("same_figure", "error"), ("list_sum", "error")]),
    ("item-one-cent-off", item_budget("4.00", "6.00"), item_budget("4.00", "6.01"),
     [("same_figure", "rounding"), ("list_sum", "rounding")]),
    ("total-against-its-items", item_budget("4.00", "6.00"), item_budget("4.00", "6.00", "10.50"),
     [("same_figure", "error"), ("list_sum", "error")]),
]


@pytest.mark.parametrize("name,clean,planted,expected", NARRATIVE_ITEMS, ids=[c[0] for c in NARRATIVE_ITEMS])
def test_the_narrative_items_against_their_rows_and_their_total(name, clean, planted, expected):
    assert kinds(clean) == []
    assert kinds(planted) == expected


def test_an_item_one_table_bears_out_or_a_list_of_some_items_is_no_finding():
    """The 支出 table (all funds) may hold other money than the 一般公共预算 item; one item listed
    after the total is not all of it."""
    assert kinds(item_budget("4.00", "6.00", everything={"01": "5.00", "02": "6.00"})) == []
    assert kinds(item_budget("4.00", None)) == []


def two_budgets(named: str, rate: str, first: str = "0") -> str:
    """A 决算 stating both budgets, and a rate whose words name one of them."""
    return (DECISION + f"一般公共预算财政拨款支出年初预算为{first}万元，全年预算为\n321.02万元，支出决算为307.82万元，"
            f"完成{named}预算的{rate}%。\n")


# (id, clean twin, planted, findings): 307.82 / 321.02 = 95.89%, 307.82 / 300.00 = 102.61%.
NAMED_BUDGETS = [
    ("rate-of-the-budget-it-names-is-nothing", two_budgets("全年", "95.89"), two_budgets("年初", "95.89"),
     [("rate", "warning")]),
    ("rate-of-another-budget-than-it-names", two_budgets("年初", "102.61", "300.00"),
     two_budgets("年初", "95.89", "300.00"), [("rate", "error")]),
]


@pytest.mark.parametrize("name,clean,planted,expected", NAMED_BUDGETS, ids=[c[0] for c in NAMED_BUDGETS])
def test_an_execution_rate_is_of_the_budget_its_words_name(name, clean, planted, expected):
    assert kinds(clean) == []
    assert kinds(planted) == expected


def test_a_rate_that_names_no_budget_may_be_of_either():
    assert kinds(two_budgets("", "95.89", "300.00")) == kinds(two_budgets("", "102.61", "300.00")) == []


def test_a_note_on_a_figure_other_than_the_first_names_both_places():
    """The finding is about the second figure shown (a reading): the note says which figure it means."""
    table, text = table_and_text("199.36")
    finding = audit_disclosure(disclosure(table, text))[0]
    lead = fact("公用经费", "1", 5)
    reply = answered("lookup", statement("figure", lead), statement("readings", table), facts=[lead, table],
                     source=statement("source", lead))
    noted = render("q", reply, findings=[finding]).text
    assert f"的人员经费 {table.value}万元，正文第9行的人员经费写作199.36万元，两处不一致" in noted
