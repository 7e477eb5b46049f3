"""Figures read from each disclosure, checked by hand against the documents."""
from decimal import Decimal

import pytest

from kexie_chat.models import DEPARTMENT

BAOTOU, ZJK, QHD, JH, XC = (
    "2020-包头市科协-部门决算.txt", "2020-张家口市科协-部门预算.txt", "2022-秦皇岛市科协-部门预算.txt",
    "2020-江汉区科协-部门决算.txt", "2019-西城区科协-部门预算.txt",
)

DOCUMENTS = [
    (BAOTOU, "包头市科学技术协会", 2020, "决算", "万元"),
    (ZJK, "张家口市科学技术协会", 2020, "预算", "万元"),
    (QHD, "秦皇岛市科学技术协会", 2022, "预算", "万元"),
    (JH, "武汉市江汉区科学技术协会", 2020, "决算", "万元"),
    (XC, "北京市西城区科学技术协会", 2019, "预算", "元"),
]

# (doc, metric, code, basis prefix, value, unit, line)
GOLDEN = [
    # 包头: narrative only, hard-wrapped mid-number
    (BAOTOU, "收入总计", None, "决算数", "627.28", "万元", 103),
    (BAOTOU, "年初结转和结余", None, "决算数", "131.31", "万元", 105),
    (BAOTOU, "支出总计", None, "决算数", "575.66", "万元", 105),
    (BAOTOU, "收入总计", None, "较上年增减", "62.54", "万元", 107),
    (BAOTOU, "收入总计", None, "较上年增减率", "10", "%", 107),
    (BAOTOU, "财政拨款收入", None, "占比", "99.74", "%", 121),
    (BAOTOU, "基本支出", None, "决算数", "431.61", "万元", 127),
    (BAOTOU, "项目支出", None, "决算数", "144.05", "万元", 129),
    (BAOTOU, "人员经费", None, "决算数", "414.52", "万元", 165),
    (BAOTOU, "公用经费", None, "决算数", "17.09", "万元", 175),
    (BAOTOU, "办公费", None, "决算数", "0.92", "万元", 175),
    (BAOTOU, "其他商品和服务支出", None, "决算数", "0.6", "万元", 183),
    (BAOTOU, "三公经费", None, "预算数", "3.65", "万元", 197),
    (BAOTOU, "三公经费", None, "决算数", "2.1", "万元", 197),
    (BAOTOU, "三公经费", None, "完成预算比例", "58", "%", 197),
    (BAOTOU, "公务用车购置及运行维护费", None, "预算数", "3.5", "万元", 201),
    (BAOTOU, "公务用车购置及运行维护费", None, "决算数", "1.95", "万元", 201),
    (BAOTOU, "公务接待费", None, "决算数", "0.15", "万元", 205),
    (BAOTOU, "公务用车运行维护费", None, "较上年增减", "1.08", "万元", 237),
    (BAOTOU, "车辆", None, "数量", "1", "辆", 1006),
    (BAOTOU, "机关运行经费", None, "决算数", "17.09", "万元", 974),
    (BAOTOU, "机关运行经费", None, "较上年增减", "-0.33", "万元", 974),
    (BAOTOU, "政府采购", None, "决算数", "86.45", "万元", 982),
    (BAOTOU, "政府采购货物支出", None, "决算数", "13.29", "万元", 982),
    (BAOTOU, "政府采购服务支出", None, "决算数", "73.16", "万元", 990),
    (BAOTOU, "绩效自评得分", None, "得分", "97", "分", 287),
    (BAOTOU, "绩效自评得分", None, "得分", "96", "分", 327),
    (BAOTOU, "编制", None, "数量", "21", "人", 73),
    (BAOTOU, "财政拨款收入总计", None, "决算数", "627.28", "万元", 133),
    (BAOTOU, "项目支出", None, "占比", "25", "%", 129),
    # 包头 绩效自评 summaries: each project's own budget, spending and execution
    (BAOTOU, "项目支出", None, "预算数", "90", "万元", 287),
    (BAOTOU, "项目支出", None, "决算数", "33.3", "万元", 327),
    (BAOTOU, "项目支出", None, "完成预算比例", "100", "%", 327),
    # 张家口: narrative plus flattened cell tables
    (ZJK, "收入合计", None, "预算数", "1094.37", "万元", 53),
    (ZJK, "财政拨款收入", None, "预算数", "792.37", "万元", 53),
    (ZJK, "上级补助收入", None, "预算数", "302", "万元", 53),
    (ZJK, "支出合计", None, "预算数", "1094.37", "万元", 55),
    (ZJK, "基本支出", None, "预算数", "634.87", "万元", 55),
    (ZJK, "项目支出", None, "预算数", "459.5", "万元", 55),
    (ZJK, "人员经费", None, "预算数", "543.89", "万元", 55),
    (ZJK, "公用经费", None, "预算数", "90.98", "万元", 55),
    (ZJK, "机关运行经费", None, "预算数", "90.98", "万元", 59),
    (ZJK, "三公经费", None, "预算数", "5.19", "万元", 61),
    (ZJK, "三公经费", None, "较上年增减", "-2.98", "万元", 61),
    (ZJK, "因公出国（境）费", None, "预算数", "0", "元", 61),
    (ZJK, "公务用车购置及运行维护费", None, "预算数", "4.72", "万元", 61),
    (ZJK, "公务用车运行维护费", None, "预算数", "4.72", "万元", 61),
    (ZJK, "公务接待费", None, "预算数", "0.47", "万元", 61),
    (ZJK, "公务接待费", None, "较上年增减", "0.02", "万元", 61),
    (ZJK, "政府采购", None, "预算数", "5.35", "万元", 587),
    (ZJK, "固定资产", None, "价值", "410.05", "万元", 784),
    (ZJK, "固定资产", None, "价值", "410.05", "万元", 796),
    (ZJK, "房屋", None, "数量", "3972", "平方米", 799),
    (ZJK, "房屋", None, "价值", "300", "万元", 800),
    (ZJK, "办公用房", None, "价值", "268.87", "万元", 804),
    (ZJK, "车辆", None, "数量", "4", "辆", 807),
    (ZJK, "车辆", None, "价值", "78.9", "万元", 808),
    (ZJK, "其他固定资产", None, "价值", "31.15", "万元", 816),
    (ZJK, "办公用房", None, "数量", "3788", "平方米", 803),
    (ZJK, "单价20万元以上的设备", None, "价值（表内空白", "0", "万元", 812),
    (ZJK, "公务用车购置费", None, "预算数", "0", "万元", 61),
    (ZJK, "公务用车购置及运行维护费", None, "较上年增减", "-3", "万元", 61),
    (ZJK, "公务用车运行维护费", None, "较上年增减", "-3", "万元", 61),
    (ZJK, "其他收入", None, "预算数", "0", "万元", 53),
    (ZJK, "国有资本经营预算拨款收入", None, "预算数（文字表述为无", "0", "万元", 826),
    # 张家口 政府采购 table, one cell a line: the total and lines found by catalog number
    (ZJK, "政府采购", None, "合计", "5.35", "万元", 614),
    (ZJK, "政府采购", None, "采购金额", "1.35", "万元", 644),
    (ZJK, "政府采购", None, "采购金额", "1.0", "万元", 700),
    (ZJK, "政府采购", None, "采购金额", "0.2", "万元", 714),
    (ZJK, "政府采购", None, "采购金额", "0.45", "万元", 770),
    # 秦皇岛: space-separated PDF tables, wrapped names, repeated page headers
    (QHD, "收入总计", None, "预算数", "657.82", "万元", 84),
    (QHD, "科学技术支出", None, "预算数", "657.82", "万元", 22),
    (QHD, "科学技术管理事务", "20601", "合计", "602.82", "万元", 169),
    (QHD, "科学技术普及", "20607", "项目支出", "55.00", "万元", 173),
    (QHD, "科普活动", "2060702", "合计", "40.00", "万元", 175),
    (QHD, "其他科学技术普及支出", "2060799", "合计", "15.00", "万元", 177),
    (QHD, "基本支出", None, "合计", "602.82", "万元", 336),
    (QHD, "人员经费", None, "基本支出行", "541.68", "万元", 336),
    (QHD, "公用经费", None, "基本支出行", "61.14", "万元", 336),
    (QHD, "基本工资", "30101", "合计", "121.87", "万元", 340),
    (QHD, "住房公积金", "30113", "合计", "36.21", "万元", 356),
    (QHD, "公务接待费", "30217", "合计", "0.21", "万元", 392),
    (QHD, "其他交通费用", "30239", "公用经费", "18.32", "万元", 400),
    (QHD, "退休费", "30302", "人员经费", "84.96", "万元", 408),
    (QHD, "办公设备购置", "31002", "合计", "0.23", "万元", 414),
    (QHD, "三公经费", None, "合计", "2.14", "万元", 468),
    (QHD, "公务用车购置及运行维护费", None, "合计", "1.93", "万元", 482),
    (QHD, "公务用车运行维护费", None, "合计", "1.93", "万元", 486),
    (QHD, "公务接待费", None, "合计", "0.21", "万元", 488),
    (QHD, "因公出国（境）费", None, "合计（表内空白", "0", "万元", 472),
    (QHD, "机关运行经费", None, "预算数", "61.14", "万元", 575),
    (QHD, "收支总计", None, "较上年增减", "53.40", "万元", 569),
    (QHD, "人员经费", None, "较上年增减", "83.64", "万元", 569),
    (QHD, "项目支出", None, "较上年增减", "-34.80", "万元", 571),
    (QHD, "政府采购", None, "预算数", "17.63", "万元", 909),
    (QHD, "固定资产", None, "价值", "112.25", "万元", 1060),
    (QHD, "车辆", None, "数量", "1", "辆", 1066),
    (QHD, "车辆", None, "价值", "21.36", "万元", 1066),
    (QHD, "办公用房", None, "数量", "1560", "平方米", 1064),
    (QHD, "政府性基金预算财政拨款支出", None, "预算数（文字表述为无", "0", "万元", 429),
    (QHD, "政府采购", None, "合计", "17.63", "万元", 980),
    (QHD, "政府采购", None, "采购金额", "1.12", "万元", 1014),
    (QHD, "政府采购", None, "采购金额", "0.61", "万元", 992),
    # 江汉: tab-separated tables; the document disagrees with itself in places
    (JH, "收入合计", None, "金额", "504.77", "万元", 129),
    (JH, "收入总计", None, "金额", "504.77", "万元", 132),
    (JH, "科学技术支出", None, "金额", "399.22", "万元", 108),
    (JH, "住房保障支出", None, "金额", "18.25", "万元", 121),
    (JH, "科普活动", "2060702", "本年收入合计", "230.29", "万元", 152),
    (JH, "行政单位离退休", "2080501", "本年收入合计", "42.36", "万元", 156),
    (JH, "行政单位离退休", "2080501", "本年支出合计", "42.35", "万元", 193),
    (JH, "支出合计", None, "本年支出合计", "504.77", "万元", 183),
    (JH, "基本支出", None, "支出合计行", "217.74", "万元", 183),
    (JH, "项目支出", None, "支出合计行", "287.03", "万元", 183),
    (JH, "卫生健康支出", "210", "基本支出", "24.49", "万元", 196),
    (JH, "机构运行", "2060701", "小计", "28.00", "万元", 269),
    (JH, "工资福利支出", "301", "决算数", "143.62", "万元", 300),
    (JH, "商品和服务支出", "302", "决算数", "18.38", "万元", 300),
    (JH, "办公费", "30201", "决算数", "1.84", "万元", 301),
    (JH, "医疗费补助", "30307", "决算数", "10.82", "万元", 312),
    (JH, "人员经费", None, "决算数", "199.38", "万元", 314),
    (JH, "人员经费", None, "决算数", "199.36", "万元", 419),
    (JH, "公用经费", None, "决算数", "18.38", "万元", 314),
    (JH, "三公经费", None, "决算数（文字表述为无", "0", "万元", 327),
    (JH, "收支总计", None, "较上年增减", "-212.28", "万元", 353),
    (JH, "财政拨款收支总计", None, "较上年增减", "-212.30", "万元", 380),
    (JH, "基本支出", None, "占比", "43.1", "%", 371),
    (JH, "财政拨款支出", None, "预算数", "564.31", "万元", 405),
    (JH, "机关运行经费", None, "决算数", "18.38", "万元", 441),
    (JH, "机关运行经费", None, "较上年增减", "5.81", "万元", 441),
    (JH, "政府采购", None, "决算数", "10.12", "万元", 445),
    (JH, "车辆", None, "数量", "0", "辆", 451),
    (JH, "实有人数", None, "数量", "6", "人", 92),
    (JH, "项目支出", None, "预算数", "287.03", "万元", 469),
    (JH, "项目支出", None, "决算数", "287.03", "万元", 469),
    (JH, "离退休人员", None, "数量", "13", "人", 92),
    # 西城: Word text with bookmarks, cells one a line, amounts in 元
    (XC, "收入合计", None, "收入预算金额", "5763314.30", "元", 144),
    (XC, "支出合计", None, "支出预算金额", "5763314.30", "元", 111),
    (XC, "其他收入", None, "收入预算金额", "69870.00", "元", 134),
    (XC, "科普活动", "2060702", "合计", "5060500.00", "元", 452),
    (XC, "基本支出", None, "支出合计行", "674304.77", "元", 426),
    (XC, "基本支出", None, "预算数", "604434.77", "元", 30),
    (XC, "项目支出", None, "预算数", "5089009.53", "元", 30),
    (XC, "公用经费", None, "预算数", "83412.87", "元", 30),
    (XC, "基本工资", "30101", "预算金额", "94812.00", "元", 798),
    (XC, "办公费", "30201", "预算金额", "6000.00", "元", 830),
    (XC, "公务接待费", "30217", "预算金额", "530.88", "元", 862),
    (XC, "三公经费", None, "本年度预算", "530.88", "元", 904),
    (XC, "公务接待费", None, "本年度预算", "530.88", "元", 892),
    (XC, "机关运行经费", None, "预算数", "90612.87", "元", 45),
    (XC, "行政编制", None, "数量", "9", "人", 18),
    (XC, "实有人数", None, "数量", "11", "人", 18),
    (XC, "离退休人员", None, "数量", "21", "人", 19),
    (XC, "固定资产", None, "价值", "280.92", "万元", 64),
    (XC, "车辆", None, "数量", "1", "辆", 64),
    (XC, "车辆", None, "价值", "42.67", "万元", 64),
    (XC, "住房公积金", "2210201", "合计", "47224.56", "元", 551),
    (XC, "一般公共预算拨款收入", None, "预算数", "5693444.3", "元", 26),
    (XC, "收入合计", None, "上年数", "8888487.06", "元", 25),
    (XC, "收入合计", None, "较上年增减", "-3125172.76", "元", 25),
    (XC, "收入合计", None, "较上年增减率", "-35.15", "%", 25),
    (XC, "项目支出", None, "较上年增减", "-3016267.32", "元", 30),
    (XC, "机关运行经费", None, "较上年增减", "-3560.32", "元", 45),
    (XC, "三公经费", None, "较上年增减", "61.92", "元", 35),
    (XC, "公务接待费", None, "预算数", "530.88", "元", 38),
    (XC, "因公出国（境）费", None, "本年度预算", "0", "元", 889),
    (XC, "事业编制", None, "数量", "3", "人", 18),
    (XC, "退休人员", None, "数量", "21", "人", 19),
    (XC, "政府采购", None, "预算数", "7200", "元", 47),
    # 西城 表9 明细: projects by name, and the lines marked 政府采购
    (XC, "项目支出", None, "项目预算金额", "2610000.00", "元", 1164),
    (XC, "项目支出", None, "项目预算金额", "850500.00", "元", 1155),
    (XC, "政府采购", None, "采购金额", "2200.00", "元", 1200),
]


@pytest.mark.parametrize("doc,org,year,kind,unit", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_document_metadata(disclosures, doc, org, year, kind, unit):
    document = disclosures[doc].document
    assert (document.org, document.year, document.doc_kind, document.unit) == (org, year, kind, unit)


@pytest.mark.parametrize("doc,metric,code,basis,value,unit,line", GOLDEN,
                         ids=[f"{g[0][:9]}-{g[1]}-{g[3]}-{g[6]}" for g in GOLDEN])
def test_golden_figure(disclosures, doc, metric, code, basis, value, unit, line):
    facts = [f for f in disclosures[doc].facts if f.metric == metric and f.source.line == line
             and (f.basis or "").startswith(basis) and f.code == code]
    assert facts, f"no {metric} ({basis}) at line {line}"
    assert any(f.value == Decimal(value) and f.unit == unit for f in facts), [(f.value, f.unit) for f in facts]


def test_thirty_figures_per_document():
    counts = {doc: sum(1 for g in GOLDEN if g[0] == doc) for doc, *_ in DOCUMENTS}
    assert all(count >= 30 for count in counts.values()), counts


def test_every_quote_contains_its_value_as_written(disclosures):
    for disclosure in disclosures.values():
        for fact in disclosure.facts:
            if fact.text and fact.text not in ("无", ""):
                assert fact.text.replace(",", "") in fact.source.quote.replace(" ", "").replace(",", ""), fact


def test_unit_level_figures_are_kept_apart(disclosures):
    qhd = disclosures[QHD].facts
    department = [f for f in qhd if f.metric == "三公经费" and f.scope == DEPARTMENT and f.basis == "合计"]
    unit = [f for f in qhd if f.metric == "三公经费" and f.scope == "本级" and f.basis == "合计"]
    assert {f.source.line for f in department} == {468, 470}
    assert {f.source.line for f in unit} == {1585, 1587}


def _value(facts, metric, basis, line):
    return next(f.value for f in facts if f.metric == metric and f.basis == basis and f.source.line == line)


PARTS_AND_TOTALS = [
    ("三公 = 出国 + 公车 + 接待 (包头决算数)", BAOTOU,
     [("因公出国（境）费", "决算数", 199), ("公务用车购置及运行维护费", "决算数", 201), ("公务接待费", "决算数", 205)],
     ("三公经费", "决算数", 197)),
    ("基本 = 人员 + 公用 (秦皇岛)", QHD,
     [("人员经费", "基本支出行", 336), ("公用经费", "基本支出行", 336)], ("基本支出", "合计", 336)),
    ("支出 = 基本 + 项目 (江汉表3)", JH,
     [("基本支出", "支出合计行", 183), ("项目支出", "支出合计行", 183)], ("支出合计", "本年支出合计", 183)),
    ("支出 = 基本 + 项目 (张家口正文)", ZJK,
     [("基本支出", "预算数", 55), ("项目支出", "预算数", 55)], ("支出合计", "预算数", 55)),
    ("收入总计 = 本年收入 + 年初结转 (包头)", BAOTOU,
     [("收入合计", "决算数", 103), ("年初结转和结余", "决算数", 105)], ("收入总计", "决算数", 103)),
    ("政府采购 = 货物 + 工程 + 服务 (包头)", BAOTOU,
     [("政府采购货物支出", "决算数", 982), ("政府采购服务支出", "决算数", 990)], ("政府采购", "决算数", 982)),
]


@pytest.mark.parametrize("name,doc,parts,total", PARTS_AND_TOTALS, ids=[p[0] for p in PARTS_AND_TOTALS])
def test_parts_sum_to_their_total(disclosures, name, doc, parts, total):
    facts = disclosures[doc].facts
    assert sum(_value(facts, *part) for part in parts) == _value(facts, *total)


LISTED_AND_TOTALS = [
    ("政府采购 = 各采购品目 (秦皇岛)", QHD, "政府采购", "采购金额", ("政府采购", "合计", 980)),
    ("政府采购 = 各采购品目 (张家口)", ZJK, "政府采购", "采购金额", ("政府采购", "合计", 614)),
    ("项目支出 = 明细表各项目 (西城)", XC, "项目支出", "项目预算金额", ("项目支出", "预算数", 30)),
    ("政府采购 = 明细表中的采购项目 (西城正文)", XC, "政府采购", "采购金额", ("政府采购", "预算数", 47)),
]


@pytest.mark.parametrize("name,doc,metric,basis,total", LISTED_AND_TOTALS, ids=[t[0] for t in LISTED_AND_TOTALS])
def test_listed_items_sum_to_their_total(disclosures, name, doc, metric, basis, total):
    facts = disclosures[doc].facts
    items = [f for f in facts if f.metric == metric and f.basis == basis and f.item and f.scope == DEPARTMENT]
    assert len(items) >= 3
    assert sum(f.value for f in items) == _value(facts, *total)


def test_previous_year_figure_and_change_agree(disclosures):
    facts = disclosures[XC].facts
    for metric, line in (("收入合计", 25), ("基本支出", 30), ("项目支出", 30), ("机关运行经费", 45)):
        now, before, change = (_value(facts, metric, basis, line) for basis in ("预算数", "上年数", "较上年增减"))
        assert now - before == change, metric


def test_misprinted_org_name_yields_one_org(disclosures):
    assert {f.org for f in disclosures[JH].facts} == {"武汉市江汉区科学技术协会"}
    assert set(disclosures[JH].aliases) >= {"江北区", "江海区", "江川区"}


def test_definitions_are_read(disclosures):
    terms = {d.term for d in disclosures[BAOTOU].definitions}
    assert {"基本支出", "三公经费", "机关运行经费"} <= terms


def test_a_qualifier_is_not_read_as_a_metric(disclosures):
    """西城 35-41: "三公经费财政拨款预算安排…", "公务接待费：财政拨款预算安排530.88元"."""
    misread = [f for f in disclosures[XC].facts if f.metric == "财政拨款收入" and 33 <= f.source.line <= 42]
    assert misread == []
