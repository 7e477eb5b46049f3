"""绩效 tables (parse/performance.py): each indicator's target (年度指标值) and actual (实际完成值) as two
facts, in every layout the disclosures print them; and the questions that ask them (创建了几个 → the
actual, 计划/目标 → the target, both shown and labelled). The fixtures are synthetic, made in the
layouts of the seeds and of real disclosures, with invented names and figures.
"""
from decimal import Decimal

import pytest

from kexie_chat.lexicon import BASIS_DONE as DONE, BASIS_TARGET as TARGET
from kexie_chat.parse.performance import read_indicators

# A tab-separated table (Word, or a PDF's ruled table): the 三级指标 cell sometimes runs one cell
# to the right, and the 得分 cells are left blank.
TABS = """部门整体支出绩效
单位名称\t某某区测绘协会
一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值\t得分\t
产出指标 (40分)\t数量指标\t举办测绘知识讲座\t12场\t15场\t\t
\t数量指标\t新建社区测绘角\t2座\t3座\t\t
\t质量指标\t讲座满意率\t\t≥85%\t91.50%\t
\t数量指标\t走访企业\t5-10家\t8家\t\t
效益指标 (40分)\t经济效益\t不考核该指标\t无\t\t
服务对象满意度\t服务对象的满意度\t\t≥80%\t97.00%\t
项目支出绩效
项目名称\t\t测绘宣传\t\t财务负责人\t某某\t联系电话\t\t12345678
项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t\t年度资金总额\t60.5\t60.5\t60.5\t10\t100%\t10
绩效 指标\t一级指标\t二级指标\t三级指标\t年度 指标值\t实际 完成值\t分 值\t得 分\t偏差原因分析 及改进措施
\t产出指标 (50)\t数量指标\t发放测绘 宣传册\t2000 册\t2600 册\t10\t10\t
\t\t\t效果可持续性\t较长期有积极影响\t较长期有积极影响\t15\t15\t
"""

# PDF text: a name wrapped over lines before its values, measure words printed apart from their
# numbers, a year inside a name, 一级/二级 labels and weights on lines of their own.
WRAPPED = """项目支出绩效自评表
（ 2023 年度）
项目名称 2023 年测绘普及 项目负责人
绩效指标 一级指标 二级指标 三级指标 分值 预期指标值 实际完成指

标值

得分 未完成原因

产 出 指 标

(50 分)

数量指标 举办全市

2023 年“测绘

开放日”活动

5 2场 3场 5

印制测绘地

图册

5 800 本 1200 本 5

设立测绘e站 4 10 个 12 个 4

质量指标 宣传覆盖率 5 ≥90% 95% 5

成本指标 地图册印制成本

5 ≤3 万 2.8万 5

时效指标 完成时间 5 全年 全年 5

15 显著 实 现 目 标

满意度指标

(10 分)

群众满意度 10 ≥85% 93% 9

总分 100 98
"""

# A 预算's 绩效目标表 in PDF text: a description after each name, the target only, and a column of
# words (指标值确定依据) that runs over to the next lines.
DESCRIBED = """1、测绘普及经费绩效目标表
一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据
产出指标
数量指标 培训场次 举办培训场次 ≥4次 年度工作计划
数量指标 测绘设备购置数量 测绘设备购置数量 6 台 年度工作计划及采购
合同
质量指标 培训合格率 反映培训质量 ≥95% 年度工作计划
时效指标 培训月份 培训举办月份 10 月 年度工作计划
成本指标 经费执行 成本控制额 30 万元 年度工作计划
"""

# A Word table flattened one cell a line (rows apart by blank lines), the comparison in a 符号 column of its
# own and the unit only in the row's words (单位（文字描述）).
CELLS = "\n".join([
    "3. 测绘下乡经费绩效信息表", "\t一级指标", "\t二级指标", "\t三级指标", "\t绩效指标描述", "\t指标值",
    "\t指标值确定依据", "", "\t", "\t", "\t符号", "\t值", "\t单位（文字描述）", "\t", "",
    "\t产出指标", "\t数量指标", "\t开展测绘下乡", "\t下乡服务", "\t>=", "\t6.00", "\t下乡服务6次以上", "\t年度计划", "",
    "\t质量指标", "\t测绘成果合格率", "\t成果合格率", "\t>=", "\t95.00", "\t合格率不低于95%", "\t验收", "",
    "\t时效指标", "\t开放天数", "\t测绘站开放天数", "\t>=", "\t200.00", "\t天数", "\t全年开放天数", "",
    "\t效果指标", "\t社会效益指标", "\t测绘知识普及", "\t普及测绘知识", "\t文字描述", "\t3.00", "\t普及面扩大",
    "\t调查", "",
])

# (id, text, expected facts: (item, basis, value, unit, as printed, line))
CASES = [
    ("tabs", TABS, [
        ("举办测绘知识讲座", TARGET, "12", "场", "12场", 4), ("举办测绘知识讲座", DONE, "15", "场", "15场", 4),
        ("新建社区测绘角", TARGET, "2", "座", "2座", 5), ("新建社区测绘角", DONE, "3", "座", "3座", 5),
        ("讲座满意率", TARGET, "85", "%", "≥85%", 6), ("讲座满意率", DONE, "91.50", "%", "91.50%", 6),
        ("走访企业", DONE, "8", "家", "8家", 7),  # a range (5-10家) is no figure
        ("服务对象的满意度", TARGET, "80", "%", "≥80%", 9), ("服务对象的满意度", DONE, "97.00", "%", "97.00%", 9),
        ("发放测绘宣传册", TARGET, "2000", "册", "2000册", 15), ("发放测绘宣传册", DONE, "2600", "册", "2600册", 15),
    ]),
    ("wrapped_pdf", WRAPPED, [
        ("举办全市2023年测绘开放日活动", TARGET, "2", "场", "2场", 20),
        ("举办全市2023年测绘开放日活动", DONE, "3", "场", "3场", 20),
        ("印制测绘地图册", TARGET, "800", "本", "800本", 26), ("印制测绘地图册", DONE, "1200", "本", "1200本", 26),
        ("设立测绘e站", TARGET, "10", "个", "10个", 28), ("设立测绘e站", DONE, "12", "个", "12个", 28),
        ("宣传覆盖率", TARGET, "90", "%", "≥90%", 30), ("宣传覆盖率", DONE, "95", "%", "95%", 30),
        ("地图册印制成本", TARGET, "3", "万元", "≤3万", 34), ("地图册印制成本", DONE, "2.8", "万元", "2.8万", 34),
        ("群众满意度", TARGET, "85", "%", "≥85%", 44), ("群众满意度", DONE, "93", "%", "93%", 44),
    ]),
    ("described_budget", DESCRIBED, [
        ("培训场次", TARGET, "4", "次", "≥4次", 4), ("测绘设备购置数量", TARGET, "6", "台", "6台", 5),
        ("培训合格率", TARGET, "95", "%", "≥95%", 7), ("经费执行", TARGET, "30", "万元", "30万元", 9),
    ]),
    # a 文字描述 target is no figure; a number without a unit in its words keeps none
    ("one_cell_a_line", CELLS, [
        ("开展测绘下乡", TARGET, "6.00", "次", ">=6.00", 21), ("测绘成果合格率", TARGET, "95.00", "%", ">=95.00", 29),
        ("开放天数", TARGET, "200.00", "", ">=200.00", 37),
    ]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_indicator_gives_its_target_and_actual(text, expected):
    got = [(f.item, f.basis, f.value, f.unit, f.text, f.line) for f in read_indicators(text.splitlines())
           if f.metric == "绩效指标"]
    assert got == [(item, basis, Decimal(value), unit, printed, line)
                   for item, basis, value, unit, printed, line in expected]


@pytest.mark.parametrize("text,table", [
    (TABS, "部门整体支出绩效"), (WRAPPED, "项目支出绩效自评表（2023年测绘普及）"), (DESCRIBED, "测绘普及经费绩效目标表"),
], ids=["titled", "titled_with_project", "numbered_title"])
def test_a_fact_names_its_table_and_the_project_it_rates(text, table):
    assert read_indicators(text.splitlines())[0].table == table


def test_a_project_table_after_another_names_its_own_project():
    tables = {f.table for f in read_indicators(TABS.splitlines())}
    assert tables == {"部门整体支出绩效", "项目支出绩效（测绘宣传）"}


@pytest.mark.parametrize("text,rated,score,line", [
    (TABS.replace("单位名称", "填报日期: 2024年3月1日\t\t总分:\t96\t\n单位名称"), "部门整体支出", "96", 2),
    (WRAPPED, "2023年测绘普及", "98", 46),
], ids=["title_area_cell", "last_row_weight_then_score"])
def test_a_tables_total_score_is_of_what_it_rates(text, rated, score, line):
    totals = [(f.metric, f.item, f.basis, f.value, f.unit, f.line) for f in read_indicators(text.splitlines())
              if f.metric != "绩效指标"]
    assert totals == [("绩效自评得分", rated, "总分", Decimal(score), "分", line)]


def test_a_sentence_about_a_total_is_no_total():
    text = TABS.replace("服务对象满意度\t", "约束性指标\t资金管理\t评价总分不得超过70分。\n服务对象满意度\t")
    assert [f for f in read_indicators(text.splitlines()) if f.metric != "绩效指标"] == []


def test_text_without_a_header_has_no_indicators():
    text = "数量指标 举办讲座 5 2场 3场 5\n新建社区测绘角\t2座\t3座\n"
    assert read_indicators(text.splitlines()) == []


# --- questions over the seeds ---------------------------------------------------------------------

# (id, question, indicator, value, unit, basis of the first fact, basis of the second)
QUESTIONS = [
    ("past_tense", "包头创建了几个科普e站", "创建科普e站", "68", "个", DONE, TARGET),
    ("past_tense_measure", "江汉新建了几座社区科技馆", "新建社区科技馆", "2", "座", DONE, TARGET),
    ("plan", "江汉计划新建几座社区科技馆", "新建社区科技馆", "1", "座", TARGET, DONE),
    ("target_word", "包头创建科普e站的目标是多少个", "创建科普e站", "40", "个", TARGET, DONE),
    ("name_as_written", "江汉安装社区科普电子触摸屏", "安装社区科普电子触摸屏", "5", "块", DONE, TARGET),
    ("percent", "江汉科普人员培训合格率", "科普人员培训合格率", "96.00", "%", DONE, TARGET),
    ("wrapped_name", "包头印发了多少本新冠肺炎、鼠疫防控科普图册", "印发新冠肺炎、鼠疫防控科普图册", "9300", "本", DONE, TARGET),
    ("org_inside_the_name", "包头与包头广播电视台共同开办科普包头栏目", "与包头广播电视台共同开办科普包头栏目", "1", "个",
     DONE, TARGET),
    ("budget_target_only", "秦皇岛参加培训人数", "参加培训人数", "120", "人", TARGET, None),
]


@pytest.mark.parametrize("question,item,value,unit,basis,second", [c[1:] for c in QUESTIONS], ids=[c[0] for c in QUESTIONS])
def test_an_indicator_question_gets_the_column_it_asks(assistant, question, item, value, unit, basis, second):
    answer = assistant.ask(question)
    first = answer.facts[0]
    assert answer.status == "answered"
    assert (first.item, first.value, first.unit, first.basis) == (item, Decimal(value), unit, basis)
    if second:  # the other column of the row is shown too, labelled
        other = answer.facts[1]
        assert (other.item, other.basis, other.source.line) == (item, second, first.source.line)
        assert second in answer.text and basis in answer.text


def test_a_target_is_shown_with_its_comparison(assistant):
    assert "年度指标值 ≥90%" in assistant.ask("江汉科普人员培训合格率").text
