"""Any publishing body: its name read from a disclosure, its parts, and the names people call it by."""
from decimal import Decimal

import pytest

from kexie_chat.match import OrgMatcher
from kexie_chat.orgs import short_place, short_names, split_org
from kexie_chat.parse.meta import NotADisclosure, read_meta
from kexie_chat.parse import parse_disclosure
from kexie_chat.text import fold

BODY = "\n一、部门主要职能\n{org}是主管全区有关工作的部门。\n本年收入合计100.00万元。\n"

# (id, cover and first lines, org, year, scope, kind): every way a cover names its body.
COVERS = [
    ("title-bureau", "上海市静安区财政局\n2024年度部门决算\n目 录\n", "上海市静安区财政局", 2024, "部门", "决算"),
    ("title-year-first", "2023年度\n杭州市西湖区民政局部门决算\n目录\n", "杭州市西湖区民政局", 2023, "部门", "决算"),
    ("title-split-party", "中共上海市黄浦区委\n社会工作部 2024 年度\n部门决算\n目 录\n",
     "中共上海市黄浦区委社会工作部", 2024, "部门", "决算"),
    ("label-department", "上海市静安区2025年区级部门预算\n预算主管部门：上海市静安区商务委员会\n目 录\n",
     "上海市静安区商务委员会", 2025, "部门", "预算"),
    ("label-unit", "上海市静安区2025年区级单位预算\n预算单位：上海市静安区商务委员会\n目 录\n",
     "上海市静安区商务委员会", 2025, "单位", "预算"),
    ("label-office", "南京市鼓楼区2025年部门预算\n编制部门：南京市鼓楼区人民政府办公室 单位：元\n",
     "南京市鼓楼区人民政府办公室", 2025, "部门", "预算"),
    ("title-year-before-name", "2024年上海市静安区民政局部门预算\n目录\n", "上海市静安区民政局", 2024, "部门", "预算"),
    ("title-without-year", "上海市静安区民政局部门决算\n（2023年度）\n目录\n", "上海市静安区民政局", 2023, "部门", "决算"),
    ("street", "成都市武侯区玉林街道办事处2024年部门预算\n目录\n", "成都市武侯区玉林街道办事处", 2024, "部门", "预算"),
    ("centre", "济南市历下区政务服务中心2022年部门决算\n", "济南市历下区政务服务中心", 2022, "部门", "决算"),
    ("museum", "长沙市科技馆2023年单位预算\n", "长沙市科技馆", 2023, "单位", "预算"),
    ("federation", "苏州市妇女联合会2021年部门预算\n", "苏州市妇女联合会", 2021, "部门", "预算"),
    ("association", "广州市计划生育协会2024年部门预算\n", "广州市计划生育协会", 2024, "部门", "预算"),
    ("kexie-as-ever", "包头市科学技术协会2020年部门决算\n", "包头市科学技术协会", 2020, "部门", "决算"),
    ("kexie-short-title", "张家口市科协2020年部门预算\n", "张家口市科学技术协会", 2020, "部门", "预算"),
]


@pytest.mark.parametrize("case,cover,org,year,scope,kind", COVERS, ids=[c[0] for c in COVERS])
def test_the_body_year_scope_and_kind_come_from_the_cover(case, cover, org, year, scope, kind):
    meta = read_meta(cover + BODY.format(org=org) + f"{org}{year}年{scope}{kind}收支总表\n")
    assert (meta.org, meta.year, meta.scope, meta.doc_kind) == (org, year, scope, kind)
    assert meta.title == f"{org}{year}年{scope}{kind}"


def test_a_department_printing_its_units_tables_is_the_department():
    """A 部门预算 prints its own tables under 编制部门 and each unit's under 编制单位, more often."""
    department, unit = "上海市静安区商务委员会", "上海市静安区商务发展中心"
    text = (f"上海市静安区2025年区级部门预算\n目 录\n" + f"编制部门：{department} 单位：元\n" * 2
            + f"编制单位：{unit} 单位：元\n" * 5 + f"{department}2025年部门预算\n")
    meta = read_meta(text)
    assert (meta.org, meta.scope) == (department, "部门")


def test_a_body_named_only_in_its_narrative_is_counted():
    text = "目录\n" + "".join(f"{line}上海市长宁区审计局2024年度部门决算编制范围。\n" for line in ("纳入", "根据", "按照"))
    assert read_meta(text).org == "上海市长宁区审计局"


def test_a_text_that_names_no_body_is_refused():
    with pytest.raises(NotADisclosure, match="找不到单位名称"):
        read_meta("2024年度部门决算\n本年收入合计100.00万元。\n")


def test_a_partys_economic_classification_is_no_scope():
    """'一般公共预算基本支出部门预算经济分类' in a 单位预算 names a classification, not the scope."""
    text = ("预算单位：上海市静安区商务委员会\n2025年单位预算\n"
            + "2025年预算单位一般公共预算基本支出部门预算经济分类预算表\n" * 3)
    assert read_meta(text).scope == "单位"


SPLITS = [
    ("district-committee", "上海市普陀区商务委员会", (False, "上海市普陀区", "商务委员会")),
    ("party", "中共上海市普陀区委社会工作部", (True, "上海市普陀区", "社会工作部")),
    ("market-is-no-place", "上海市普陀区市场监督管理局", (False, "上海市普陀区", "市场监督管理局")),
    ("autonomous-region", "内蒙古自治区包头市财政局", (False, "内蒙古自治区包头市", "财政局")),
    ("no-place", "中国科学技术协会", (False, "", "中国科学技术协会")),
]


@pytest.mark.parametrize("case,org,parts", SPLITS, ids=[c[0] for c in SPLITS])
def test_an_org_splits_into_place_and_body(case, org, parts):
    name = split_org(org)
    assert (name.party, name.place, name.body) == parts


SHORT = [
    ("committee", "上海市普陀区商务委员会", ["普陀区商务委员会", "普陀区商务委", "普陀商务委", "商务委员会", "商务委"]),
    ("bureau", "上海市普陀区财政局", ["普陀区财政局", "普陀财政局", "财政局"]),
    ("party", "中共上海市普陀区委社会工作部", ["普陀区委社会工作部", "中共普陀区委社会工作部", "社会工作部"]),
    ("office", "上海市普陀区人民政府办公室", ["普陀区人民政府办公室", "普陀区政府办公室", "普陀区政府办"]),
    ("autonomous-region", "内蒙古自治区包头市财政局", ["包头市财政局", "包头财政局", "财政局"]),
    ("autonomous-region-district", "广西壮族自治区南宁市青秀区财政局", ["青秀区财政局", "青秀财政局"]),
]


@pytest.mark.parametrize("case,org,names", SHORT, ids=[c[0] for c in SHORT])
def test_short_names_drop_the_upper_place_and_shorten_the_body(case, org, names):
    shorts = short_names(org)
    assert set(names) <= set(shorts)
    assert "普陀委社会工作部" not in shorts and org not in shorts


ORGS = ["上海市普陀区商务委员会", "上海市普陀区财政局", "中共上海市普陀区委社会工作部",
        "上海市普陀区人民政府办公室", "河北省张家口市科学技术协会"]
QUESTIONS = [
    ("short-committee", "普陀区商务委2025年收入总计", "上海市普陀区商务委员会", "exact"),
    ("bare-body", "商务委2025年基本支出", "上海市普陀区商务委员会", "exact"),
    ("bureau", "普陀区财政局2024年财政拨款收入", "上海市普陀区财政局", "exact"),
    ("party-short", "社会工作部2024年基本支出", "中共上海市普陀区委社会工作部", "exact"),
    ("party-with-committee", "普陀区委社会工作部的三公经费", "中共上海市普陀区委社会工作部", "exact"),
    ("office", "普陀区政府办公室三公经费", "上海市普陀区人民政府办公室", "exact"),
    ("typo", "普陀区商物委2025年收入", "上海市普陀区商务委员会", "typo"),
    ("kexie-as-ever", "张家口科协2020年三公经费", "河北省张家口市科学技术协会", "exact"),
]


@pytest.fixture(scope="module")
def matcher():
    aliases = {}
    for org in ORGS:
        text = f"{org}2025年部门预算\n{org}主要职能\n{org}收入合计100万元\n"
        aliases[org] = parse_disclosure("x.txt", text + "收入总表\n单位：万元\n合计\t100.00\n").aliases
    return OrgMatcher(aliases)


@pytest.mark.parametrize("case,question,org,how", QUESTIONS, ids=[c[0] for c in QUESTIONS])
def test_a_question_names_a_body_by_any_of_its_names(matcher, case, question, org, how):
    found = matcher.find(fold(question))
    assert [(f.value, f.how) for f in found][:1] == [(org, how)]


# --- a 部门预算 and a 单位预算 of one body and year ---------------------------------------------

def disclosure_text(org: str, year: int, scope: str, kind: str, income: str) -> str:
    label = "预算主管部门" if scope == "部门" else "预算单位"
    return (f"上海市静安区{year}年区级{scope}{kind}\n{label}：{org}\n目 录\n一、主要职能\n{org}是区政府工作部门。\n"
            f"二、{scope}{kind}编制说明\n{year}年，{org}收入预算{income}万元，其中：财政拨款收入{income}万元。\n")


def test_a_department_and_a_unit_budget_of_one_body_are_two_documents(tmp_path):
    from kexie_chat import Assistant
    from kexie_chat.ingest import ingest

    org = "上海市静安区商务委员会"
    files = []
    for scope, income in (("部门", "500.00"), ("单位", "420.00")):
        path = tmp_path / f"{scope}.txt"
        path.write_text(disclosure_text(org, 2025, scope, "预算", income), encoding="utf-8")
        files.append(path)
    staged = ingest(files, tmp_path / "corpus", tmp_path / "kexie.db")
    assert [s.name for s in staged] == [f"2025-{org}-部门预算.txt", f"2025-{org}-单位预算.txt"]
    assistant = Assistant(db_path=tmp_path / "kexie.db")
    plain = assistant.ask("静安区商务委2025年收入预算是多少")
    assert plain.facts[0].value == Decimal("500.00") and "另有上海市静安区商务委员会2025年单位预算" in plain.text
    unit = assistant.ask("静安区商务委2025年单位预算收入是多少")
    assert unit.facts[0].value == Decimal("420.00") and unit.facts[0].scope == "单位"
    assert unit.text.startswith(f"{org}2025年单位预算") and "另有上海市静安区商务委员会2025年部门预算" in unit.text
    assert "2025年部门预算、2025年单位预算" in assistant.ask("静安区商务委有哪些数据").text


PERFORMANCE_TARGETS = "四、绩效目标设置情况\n2025年度，本单位编报绩效目标的项目共8个，涉及项目预算资金\n321.40万元。\n"


@pytest.mark.parametrize("question", ["静安区商务委2025年单位预算编报绩效目标的项目涉及多少项目预算资金",
                                      "静安区商务委2025年绩效目标项目资金是多少"])
def test_the_money_of_the_projects_with_performance_targets_is_answered(tmp_path, question):
    from kexie_chat import Assistant
    from kexie_chat.ingest import ingest

    path = tmp_path / "单位.txt"
    path.write_text(disclosure_text("上海市静安区商务委员会", 2025, "单位", "预算", "420.00") + PERFORMANCE_TARGETS,
                    encoding="utf-8")
    ingest([path], tmp_path / "corpus", tmp_path / "kexie.db")
    answer = Assistant(db_path=tmp_path / "kexie.db").ask(question)
    assert answer.facts and answer.facts[0].value == Decimal("321.40"), answer.text


# --- what was read: the standard tables -------------------------------------------------------

def final_accounts(tables: dict[str, list[str]]) -> str:
    """A 决算 whose tables are given as title -> rows (tab-separated), each with its unit line."""
    text = "上海市静安区审计局\n2024年度部门决算\n目 录\n一、部门主要职能\n上海市静安区审计局2024年度部门决算。\n"
    for title, rows in tables.items():
        text += f"{title}\n单位：万元\n" + "\n".join(rows) + "\n"
    return text


FULL_TABLE = ["收入\t\t支出\t", "项目\t决算数\t项目\t决算数", "一、一般公共预算财政拨款收入\t12.30\t一、一般公共服务支出\t12.30",
              "本年收入合计\t12.30\t本年支出合计\t12.30", "总计\t12.30\t总计\t12.30"]
INCOME_TABLE = ["项目\t本年收入合计\t财政拨款收入", "合计\t12.30\t12.30"]
COVERAGE = [
    ("all-read", {"收入支出决算总表": FULL_TABLE, "收入决算表": INCOME_TABLE}, ["收入支出决算总表", "收入决算表"]),
    ("empty-note-is-read", {"收入支出决算总表": FULL_TABLE,
                            "政府性基金预算财政拨款收入支出决算表": ["项目\t决算数", "合计\t", "注：本单位无政府性基金预算财政拨款支出，故本表无数据。"]},
     ["收入支出决算总表", "政府性基金预算财政拨款收入支出决算表"]),
    ("found-without-figures-is-not-read", {"收入支出决算总表": FULL_TABLE, "财政拨款“三公”经费支出决算表": ["合计\t预算数\t决算数"]},
     ["收入支出决算总表"]),
]


@pytest.mark.parametrize("case,tables,read", COVERAGE, ids=[c[0] for c in COVERAGE])
def test_a_document_says_which_standard_tables_were_read(case, tables, read):
    from kexie_chat.lexicon import STANDARD_TABLES
    from kexie_chat.render import tables_note

    document = parse_disclosure("x.txt", final_accounts(tables)).document
    assert document.tables_read.split("、") == read
    missing = [name for _, name in STANDARD_TABLES["决算"] if name not in read]
    assert tables_note(document) == f"标准表 {len(read)}/9，未读到：{'、'.join(missing)}"


STANDARD_TITLES = [
    ("预算", "2025年部门财务收支预算总表", "财务收支预算总表"),
    ("预算", "2025年预算单位收入预算总表", "收入预算总表"),
    ("预算", "3．2025年部门支出预算总表", "支出预算总表"),
    ("预算", "2025年部门财政拨款收支预算总表", "财政拨款收支预算总表"),
    ("预算", "2025年部门一般公共预算支出功能分类预算表", "一般公共预算支出功能分类预算表"),
    ("预算", "2025年部门政府性基金预算支出功能分类预算表", "政府性基金预算支出功能分类预算表"),
    ("预算", "2025年部门国有资本经营预算支出功能分类预算表", "国有资本经营预算支出功能分类预算表"),
    ("预算", "2025年部门一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出经济分类预算表"),
    ("预算", "2025年部门“三公”经费和机关运行经费预算表", "“三公”经费和机关运行经费预算表"),
    ("决算", "收入支出决算总表", "收入支出决算总表"),
    ("决算", "二、收入决算表", "收入决算表"),
    ("决算", "支出决算表", "支出决算表"),
    ("决算", "财政拨款收入支出决算总表", "财政拨款收入支出决算总表"),
    ("决算", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
    ("决算", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算表"),
    ("决算", "财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"),
    ("决算", "政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表"),
    ("决算", "国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"),
    ("决算", "七、财政拨款“三公”经费支出决算情况说明", None),
    ("预算", "2025年部门预算编制说明", None),
]


@pytest.mark.parametrize("kind,title,name", STANDARD_TITLES, ids=[t[1] for t in STANDARD_TITLES])
def test_each_standard_table_is_named_by_its_title(kind, title, name):
    from kexie_chat.vocabulary import standard_table

    assert standard_table(title, kind) == name


def test_a_body_misprinted_in_its_own_document_is_still_found():
    """The document prints its place one character off once; a question using that misprint finds it."""
    org = "上海市普陀区商务委员会"
    text = disclosure_text(org, 2025, "部门", "预算", "500.00") + "普驼区商务委员会负责本区商务工作。\n"
    disclosure = parse_disclosure("x.txt", text)
    assert "普驼区商务委员会" in disclosure.aliases
    found = OrgMatcher({org: disclosure.aliases}).find(fold("普驼区商务委员会2025年收入"))
    assert [(f.value, f.how) for f in found] == [(org, "misprint")]


# The last level of a place: an autonomous region (自治区) is an upper level though it ends in 区.
PLACES = [("内蒙古自治区包头市", "包头市"), ("广西壮族自治区南宁市青秀区", "青秀区"), ("武汉市江汉区", "江汉区"),
          ("新疆维吾尔自治区乌鲁木齐市", "乌鲁木齐市"), ("宁夏回族自治区", "宁夏回族自治区"), ("上海市普陀区", "普陀区"),
          ("西藏自治区拉萨市城关区", "城关区"), ("天津市蓟州区", "蓟州区"), ("湖北省恩施土家族苗族自治州恩施市", "恩施市")]


@pytest.mark.parametrize("place,last", PLACES, ids=[p for p, _ in PLACES])
def test_the_last_level_of_a_place(place, last):
    assert short_place(place) == last


@pytest.mark.parametrize("question", ["包头科协2020年三公经费", "包头市科协的人员经费", "内蒙古包头科协基本支出"])
def test_a_kexie_in_an_autonomous_region_is_called_by_its_city(question):
    from kexie_chat.match import OrgMatcher
    from kexie_chat.text import fold
    found = OrgMatcher({"内蒙古自治区包头市科学技术协会": []}).find(fold(question))
    assert [f.value for f in found] == ["内蒙古自治区包头市科学技术协会"]
