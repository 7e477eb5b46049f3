"""Narrative that binds each number to its own metric (synthetic sentences in the published layouts).

Each case: a disclosure's narrative lines (after a small 支出 table that gives the class codes),
the facts it must give and the facts it must not give: (metric, code, basis, value).
"""
from decimal import Decimal

import pytest

from kexie_chat.parse import parse_disclosure

BUDGET = "上海市某区科学技术协会2025年部门预算\n预算主管部门：上海市某区科学技术协会\n"
DECISION = "上海市某区科学技术协会2024年度部门决算\n"
CLASSES = """2025年部门支出预算总表
编制部门：上海市某区科学技术协会 单位：元
项目\t\t\t\t支出预算\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
201\t\t\t一般公共服务支出\t300.00\t100.00\t200.00
201\t06\t\t财政事务\t300.00\t100.00\t200.00
201\t06\t01\t行政运行\t100.00\t100.00\t
201\t13\t\t商贸事务\t0.00\t\t
201\t13\t01\t行政运行\t0.00\t\t
206\t05\t03\t科技条件专项\t200.00\t\t200.00
210\t\t\t卫生健康支出\t0.00\t\t
合计\t\t\t\t300.00\t100.00\t200.00
一、部门预算编制说明
"""

# A project's 绩效目标申报表 flattened one cell a line: each label, then its value on the next line.
FORM = ("项目支出绩效目标申报表\n\t（2025年度）\n\n\t项目名称\n\t科普特色经费\n\t预算金额\n\t160万元\n\n"
        "\t项目负责人\n\t张三\n\t联系电话\n\t12345678\n\n\t项目名称\n\t无金额的项目\n\t项目类型\n\t12万元\n")

# (id, head, narrative, wanted, unwanted); each fact (metric, code, basis, value)
CASES = [
    ("marked-path-names-a-new-item", BUDGET,
     "1. “科学技术支出（类）科技条件与服务（款）科技条件专项（项）”2025年预算数为1,720.00万元，主要用于政策扶持。\n",
     [("科技条件专项", "2060503", "预算数", "1720.00")], []),
    ("dashed-path-then-科目", BUDGET,
     "1. “一般公共服务支出-财政事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。\n",
     [("行政运行", "2010601", "预算数", "1202.95")], [("行政运行", "2011301", "预算数", "1202.95")]),
    ("pair-after-a-heading-line", DECISION,
     "1、一般公共服务支出（类）财政事务（款）行政运行（项）。\n"
     "主要用于：行政单位人员支出、公用支出。全年预算为 52.00 万元，\n"
     "支出决算为 51.32 万元，完成全年预算数的 98.69%。\n",
     [("行政运行", "2010601", "预算数（全年预算数）", "52.00"), ("行政运行", "2010601", "决算数", "51.32")], []),
    ("pair-after-a-heading-in-the-same-paragraph", DECISION,
     "其中：\n1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人\n"
     "员经费及公用经费等的基本支出。年初预算为1560.05万元，支出决算为1511.89万\n元。\n",
     [("行政运行", "2010601", "预算数", "1560.05"), ("行政运行", "2010601", "决算数", "1511.89")],
     [("基本支出", None, "预算数", "1560.05"), ("公用经费", None, "预算数", "1560.05")]),
    *[(f"numbered-heading-{ordinal}-names-the-class", DECISION,
       f"{ordinal}一般公共服务支出。年初预算为 300.00 万元，支出决算为 280.50 万元，完成年初预算的 93.5%，"
       "支出决算数小于年初预算数的主要原因是减少了会议。\n",
       [("一般公共服务支出", None, "预算数", "300.00"), ("一般公共服务支出", None, "决算数", "280.50")],
       [("一般公共服务支出", None, "决算数", "300.00")])
      for ordinal in ("1. ", "2、", "(3)", "（4）")],
    *[(f"numbered-heading-{ordinal}-names-a-class-of-no-path", DECISION,
       f"{ordinal}卫生健康支出。年初预算为 24.49 万元，支出决算为 32.53 万元，完成年初预算的 132.8%。\n",
       [("卫生健康支出", None, "预算数", "24.49"), ("卫生健康支出", None, "决算数", "32.53")], [])
      for ordinal in ("1. ", "2、", "(3)")],
    ("the-same-as-last-year-is-a-change-of-nothing", BUDGET,
     "2025年“三公”经费预算数为1.00万元，与2024年预算持平。其中：公务接待费1.00万元，比上年增加0.20万元。\n",
     [("三公经费", None, "预算数", "1.00"), ("三公经费", None, "较上年增减", "0"),
      ("公务接待费", None, "较上年增减", "0.20")], [("公务接待费", None, "较上年增减", "0")]),
    ("the-same-as-last-year-in-the-next-sentence", BUDGET,
     "（三）公务接待费1.00万元。与2024年预算持平，主要原因是根据本单位实际业务需求开展公务接待。\n",
     [("公务接待费", None, "预算数", "1.00"), ("公务接待费", None, "较上年增减", "0")], []),
    ("a-change-is-a-change-only", BUDGET,
     "2025年收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加\n24,558.18万元；事业收入0万元。\n",
     [("财政拨款收入", None, "预算数", "37151.47"), ("财政拨款收入", None, "较上年增减", "24558.18")],
     [("财政拨款收入", None, "预算数", "24558.18")]),
    ("a-name-the-vocabulary-lacks-takes-no-figure", BUDGET,
     "财政拨款支出预算中，一般公共预算拨款支出预算37,151.47万元；政府性基金拨款支出预算0万元，"
     "比2024年预算执行数持平。\n",
     [], [("支出合计", None, "预算数", "0"), ("支出合计", None, "预算数", "37151.47")]),
    ("funding-words-qualify-the-name-before", DECISION,
     "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。\n",
     [("三公经费", None, "预算数", "0.95"), ("三公经费", None, "决算数", "0.00")],
     [("财政拨款支出", None, "预算数", "0.95")]),
    ("an-aside-between-name-and-number", DECISION,
     "本部门2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元。\n",
     [("政府采购", None, "决算数", "251.25")], []),
    ("a-reserved-share-is-not-the-total", DECISION,
     "2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元。\n",
     [], [("政府采购", None, "预算数", "246.47")]),
    ("a-share-reserved-for-someone-is-not-the-total", BUDGET,
     "2025年本部门政府采购预算34万元。本部门面向中小企业预留政府采购项目预算金额30万元，其中，"
     "预留给小型和微型企业的政府采购项目预算为20万元。\n",
     [("政府采购", None, "预算数", "34")], [("政府采购", None, "预算数", "20"), ("政府采购", None, "预算数", "30")]),
    ("money-of-the-projects-with-performance-targets", BUDGET,
     "四、绩效目标设置情况\n2025年度，本部门编报绩效目标的项目共12个，涉及项目预算资金\n1,234.50万元。\n",
     [("绩效目标项目资金", None, "预算数", "1234.50")], [("项目支出", None, "预算数", "1234.50")]),
    ("label-line-then-value-line", BUDGET,
     "\t三公经费\n\t2.14万元\n\t公务接待费\n\t0.21万元\n",
     [("三公经费", None, "预算数", "2.14"), ("公务接待费", None, "预算数", "0.21")], []),
    ("a-form-names-its-project-then-its-amount", BUDGET, FORM,
     [("项目支出", None, "申报表预算金额", "160")], [("项目支出", None, "预算数", "160"), ("项目支出", None, "预算数", "12")]),
    ("a-value-line-after-a-sentence-is-not-its-figure", BUDGET,
     "本部门2025年部门预算如下表所示。\n\t160万元\n",
     [], [("收入合计", None, "预算数", "160"), ("支出合计", None, "预算数", "160")]),
    # a 决算 that first states the year's budget: the parts after 其中 are of that budget, not actuals
    ("parts-after-其中-are-of-the-budget-they-break-down", DECISION,
     "一、关于2024年度预算执行情况分析\n某市科协 2024 年预算收入 495.97 万元，其中一般公共\n"
     "预算拨款收入 494.69 万元，其他收入 1.28 万元。实际支出 575.66 万元，其中基本支出 431.61 万元。\n",
     [("收入合计", None, "预算数", "495.97"), ("一般公共预算拨款收入", None, "预算数", "494.69"),
      ("其他收入", None, "预算数", "1.28"), ("基本支出", None, "决算数", "431.61")],
     [("一般公共预算拨款收入", None, "决算数", "494.69"), ("其他收入", None, "决算数", "1.28")]),
    ("parts-after-其中-of-an-actual-stay-actual", DECISION,
     "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%。\n",
     [("财政拨款收入", None, "决算数", "2940.05"), ("其他收入", None, "决算数", "6.2")], []),
    # a change against the year's own budget is no change on the year before
    ("a-change-on-the-budget-is-no-change-on-last-year", DECISION,
     "实际财政拨款数比年初预算数增加 79.69 万元，增加原因是上年结转。基本支出较预算减少 5.00 万元。"
     "项目支出比2023年增加 3.00 万元。\n",
     [("项目支出", None, "较上年增减", "3.00")],
     [("财政拨款收入", None, "较上年增减", "79.69"), ("财政拨款支出", None, "较上年增减", "79.69"),
      ("基本支出", None, "较上年增减", "-5.00")]),
    # the 预算 of a fund's name is no budget reading: in a 决算 these are actuals
    ("a-fund-name-says-which-money-not-budget", DECISION,
     "九、国有资本经营预算财政拨款支出决算情况\n2024 年度国有资本经营预算财政拨款本年支出 0.00 万元。"
     "政府性基金预算财政拨款支出 5.00 万元。\n",
     [("国有资本经营预算财政拨款支出", None, "决算数", "0.00"), ("政府性基金预算财政拨款支出", None, "决算数", "5.00")],
     [("国有资本经营预算财政拨款支出", None, "预算数", "0.00"), ("政府性基金预算财政拨款支出", None, "预算数", "5.00")]),
    # a sentence that goes on about the last figure (与2023年度相比…) but names another subject first
    ("a-comparison-about-another-subject-leaves-the-last-figure", DECISION,
     "本部门2024年度财政拨款收入总计627.28万元，其中：年初结转和结余131.31万元；支出总计575.66万元，其中：年末\n"
     "结转和结余79.69万元。与2023年度相比，收入增加62.54万元，增加10%；本年收入增加的主要原因是预算追加。\n"
     "项目支出144.05万元。比2023年140.05万元增加4.00万元。\n",
     [("年末结转和结余", None, "决算数", "79.69"), ("项目支出", None, "上年数", "140.05"),
      ("项目支出", None, "较上年增减", "4.00")],
     [("年末结转和结余", None, "较上年增减率", "10"), ("年末结转和结余", None, "较上年增减", "62.54")]),
    # a 决算's three 绩效 stages share one word (涉及预算金额): each clause's stage names its money; the
    # average score is of all the projects evaluated, none of them by name
    ("performance-stages-each-with-its-money", DECISION,
     "十、预算绩效管理情况\n全过程绩效管理实施情况：编报绩效目标的2024年度项目5个，涉及预算金额\n"
     "310.20万元；绩效跟踪评价的2024年度项目3个，涉及预算金额120.50万元；绩效自评的2024年度项目2个，\n"
     "涉及预算金额80.00万元，平均得分95.50分（其中，绩效评级为“优”的项目2个）。\n",
     [("绩效目标项目资金", None, "预算数", "310.20"), ("绩效跟踪项目资金", None, "预算数", "120.50"),
      ("绩效自评项目资金", None, "预算数", "80.00"), ("绩效自评得分", None, "平均得分", "95.50")],
     [("绩效目标项目资金", None, "预算数", "120.50"), ("绩效目标项目资金", None, "预算数", "80.00"),
      ("绩效自评得分", None, "得分", "95.50")]),
    ("scope-of-an-evaluation-is-not-its-figure", DECISION,
     "2024年度本部门对科普活动项目开展绩效自评，涉及资金123.26万元。\n",
     [], [("绩效目标项目资金", None, "决算数", "123.26")]),
]


def _facts(head, narrative):
    facts = parse_disclosure("t.txt", head + CLASSES + narrative).facts
    return {(f.metric, f.code, f.basis, f.value) for f in facts if f.table == "正文"}


@pytest.mark.parametrize("name,head,narrative,wanted,unwanted", CASES, ids=[c[0] for c in CASES])
def test_narrative_binding(name, head, narrative, wanted, unwanted):
    got = _facts(head, narrative)
    for metric, code, basis, value in wanted:
        assert (metric, code, basis, Decimal(value)) in got, sorted(map(str, got))
    for metric, code, basis, value in unwanted:
        assert (metric, code, basis, Decimal(value)) not in got, sorted(map(str, got))


def test_an_average_score_names_no_project():
    facts = parse_disclosure("t.txt", DECISION + CLASSES + CASES[-2][2]).facts
    assert [(f.metric, f.item) for f in facts if f.basis == "平均得分"] == [("绩效自评得分", None)]


def test_a_form_project_is_named_by_its_item():
    text = BUDGET + CLASSES + FORM
    facts = parse_disclosure("t.txt", text).facts
    projects = [(f.item, f.value, f.unit, f.source.line) for f in facts if f.table == "正文" and f.metric == "项目支出"]
    assert projects == [("科普特色经费", Decimal("160"), "万元", text.splitlines().index("\t项目名称") + 1)]


# A total stated as none: each of its parts (recursively) is none too, on the same line and basis.
NONE_TOTALS = [
    (DECISION, "2024年度无“三公”经费支出。\n", "决算数（文字表述为无）",
     ["三公经费", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费"]),
    (BUDGET, "2025年本部门无三公经费预算。\n", "预算数（文字表述为无）",
     ["三公经费", "公务接待费", "公务用车运行维护费"]),
    (DECISION, "本年度无政府采购支出。\n", "决算数（文字表述为无）",
     ["政府采购", "政府采购货物支出", "政府采购服务支出"]),
    (BUDGET, "本部门无公务用车购置及运行维护费预算。\n", "预算数（文字表述为无）",
     ["公务用车购置费", "公务用车运行维护费"]),
]


@pytest.mark.parametrize("head,narrative,basis,metrics", NONE_TOTALS, ids=[c[1][:10] for c in NONE_TOTALS])
def test_a_total_stated_as_none_has_no_parts(head, narrative, basis, metrics):
    facts = [f for f in parse_disclosure("t.txt", head + CLASSES + narrative).facts if f.table == "正文"]
    got = {f.metric: f for f in facts if f.basis == basis}
    for metric in metrics:
        assert metric in got and got[metric].value == 0, sorted(got)
    assert len({got[m].source.line for m in metrics}) == 1
    assert "支出合计" not in got and "基本支出" not in got  # only the parts of the total said none


# A fund named bare reads as its income; the words after it may name its spending instead.
FUND_NONE = [
    ("2024 年度无政府性基金预算财政拨款安排的支出。", {"政府性基金预算财政拨款支出"}),
    ("2024 年度无国有资本经营预算财政拨款支出。", {"国有资本经营预算财政拨款支出"}),
    ("2024年度无政府性基金预算财政拨款收入和支出。", {"政府性基金预算拨款收入"}),
    ("2024年度无国有资本经营预算财政拨款。", {"国有资本经营预算拨款收入"}),
]


@pytest.mark.parametrize("sentence,metrics", FUND_NONE, ids=[c[0][7:20] for c in FUND_NONE])
def test_a_fund_stated_as_none_is_the_side_its_words_name(sentence, metrics):
    facts = parse_disclosure("t.txt", DECISION + CLASSES + sentence + "\n").facts
    assert {f.metric for f in facts if f.table == "正文" and "文字表述为无" in f.basis} == metrics
