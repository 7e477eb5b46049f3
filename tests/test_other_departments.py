"""Reporters' questions about departments other than the 科协 seeds (a 财政局's 决算, a 商务委's 预算),
over small synthetic disclosures laid out as Shanghai districts publish them: the spending of one fund
is not its income nor the total; the parts of a 政府采购 as a 决算 writes them; a figure qualified by
财政拨款 read from the 财政拨款 table; a 单位预算's own words after 预算 are no whole budget; a round
number far from the figure is no 约数; two bodies named side by side are two orgs.
"""
from decimal import Decimal

import pytest

from kexie_chat import Assistant
from kexie_chat.store import build_index

# (body, year, short name, 采购 goods, services, 年初结转 of all funds, of 财政拨款, 绩效 money, 机关运行经费)
BODIES = [
    ("上海市静安区财政局", 2024, "静安区财政局", "4.79", "246.47", "49.14", "21.63", "598.42", "184.65"),
    ("上海市长宁区文化和旅游局", 2024, "长宁区文旅局", "12.30", "80.05", "7.00", "3.50", "120.00", "96.40"),
    ("上海市闵行区审计局", 2024, "闵行区审计局", "0.88", "33.10", "15.25", "0.00", "45.60", "52.75"),
]


def final_accounts(org, year, goods, services, carried, carried_appropriation, performance, running) -> str:
    """A 部门决算 as a district prints it: its 收支总表 and 财政拨款 table rows, then the narrative."""
    total = Decimal(goods) + Decimal(services)
    return "\n".join([
        org, f"{year}年度部门决算",
        "收入支出决算总表", "单位：万元", "收入\t\t支出\t", "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,940.05",
        "本年收入合计\t2,940.05\t本年支出合计\t2,940.05",
        f"年初结转和结余\t{carried}\t年末结转和结余\t{carried}",
        "财政拨款收入支出决算总表", "单位：万元", "收入\t\t支出\t\t", "项目\t决算数\t项目\t合计\t一般公共预算财政拨款",
        "一、一般公共预算财政拨款\t2,940.05\t一、一般公共服务支出\t2,940.05\t2,940.05",
        f"年初财政拨款结转和结余\t{carried_appropriation}\t年末财政拨款结转和结余\t{carried_appropriation}\t"
        f"{carried_appropriation}",
        "十、预算绩效管理情况",
        f"编报绩效目标的{year}年度项目4个，涉及预算金额{performance}万元。",
        "十一、其他重要事项的情况说明",
        "（一）机关运行经费支出情况",
        f"机关运行经费支出{running}万元。",
        "（二）政府采购支出情况",
        f"{org}{year}年度政府采购金额（以合同签订为准）为{total}万元，其中：货物采购金额{goods}万元、"
        f"工程采购金额0万元、服务采购金额{services}万元。",
        "第四部分 名词解释",
    ]) + "\n"


BUDGET_ORG = "上海市静安区商务委员会"


def budget(scope: str) -> str:
    """A 部门预算 or 单位预算: its 编制说明 of each fund, and the 绩效目标 and 三公 paragraphs."""
    label = {"部门": "预算主管部门", "单位": "预算单位"}[scope]
    return "\n".join([
        f"上海市静安区2025年区级{scope}预算", f"{label}：{BUDGET_ORG}",
        f"2025年{scope}预算编制说明",
        f"2025年，{BUDGET_ORG}收入预算520.00万元，其中：财政拨款收入520.00万元，比2024年预算执行数增加20.00万元。",
        "支出预算520.00万元，其中：财政拨款支出预算520.00万元，比2024年预算增加20.00万元。财政拨款支出预算中，一般"
        "公共预算拨款支出预算500.00万元，比2024年预算增加18.00万元；政府性基金拨款支出预算20.00万元，比2024年预算"
        "增加2.00万元；国有资本经营预算拨款支出预算0万元，比2024年预算持平。",
        "其他相关情况说明",
        "二、机关运行经费预算",
        f"2025年{BUDGET_ORG}财政拨款的机关运行经费预算为171.01万元。",
        "四、绩效目标设置情况",
        f"2025年度，本{scope}编报绩效目标的项目共25个，涉及项目预算资金380.60万元。",
    ]) + "\n"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("other-departments")
    for org, year, _, goods, services, carried, appropriation, performance, running in BODIES:
        text = final_accounts(org, year, goods, services, carried, appropriation, performance, running)
        (corpus / f"{year}-{org}-部门决算.txt").write_text(text, encoding="utf-8")
    for scope in ("部门", "单位"):
        (corpus / f"2025-{BUDGET_ORG}-{scope}预算.txt").write_text(budget(scope), encoding="utf-8")
    return Assistant(db_path=build_index(corpus, corpus / "index.db"), corpus=corpus)


def _value(answer) -> Decimal:
    assert answer.status == "answered" and answer.facts, answer.text
    return answer.facts[0].value


PROCUREMENT = [(f"{short}{part}", Decimal(value))
               for _, _, short, goods, services, *_ in BODIES
               for part, value in (("货物采购金额", goods), ("服务采购金额是多少", services), ("工程采购金额", "0"),
                                   ("政府采购服务多少", services), ("政府采购货物", goods))]


@pytest.mark.parametrize("question,value", PROCUREMENT, ids=[q for q, _ in PROCUREMENT])
def test_a_part_of_procurement_is_that_part_never_the_total(assistant, question, value):
    assert _value(assistant.ask(question)) == value


CARRIED = [(f"{short}{words}", Decimal(value))
           for _, _, short, _, _, carried, appropriation, *_ in BODIES
           for words, value in (("年初结转和结余", carried), ("年初财政拨款结转和结余", appropriation),
                                ("年末财政拨款结转和结余是多少", appropriation), ("年末结转和结余", carried))]


@pytest.mark.parametrize("question,value", CARRIED, ids=[q for q, _ in CARRIED])
def test_a_figure_said_of_财政拨款_is_read_from_the_财政拨款_table(assistant, question, value):
    assert _value(assistant.ask(question)) == value


FUNDS = [("商务委政府性基金拨款支出预算多少", "20.00"), ("商务委政府性基金预算拨款支出", "20.00"),
         ("商务委国有资本经营预算拨款支出是多少", "0"), ("商务委一般公共预算拨款支出预算", "500.00"),
         ("商务委2025年单位预算政府性基金拨款支出", "20.00")]


@pytest.mark.parametrize("question,value", FUNDS, ids=[q for q, _ in FUNDS])
def test_the_spending_of_a_fund_is_neither_its_income_nor_the_total(assistant, question, value):
    answer = assistant.ask(question)
    assert _value(answer) == Decimal(value) and "支出" in answer.facts[0].metric, answer.text


FUND_CHANGES = [("商务委一般公共预算拨款支出比2024年增加多少", "18.00"), ("商务委政府性基金拨款支出比上年增加多少", "2.00")]


@pytest.mark.parametrize("question,value", FUND_CHANGES, ids=[q for q, _ in FUND_CHANGES])
def test_a_funds_spending_change_is_the_one_stated(assistant, question, value):
    assert _value(assistant.ask(question)) == Decimal(value)


# Words after 单位预算 that name a figure of its own: that figure or nothing, never the whole budget.
OWN_WORDS = ["商务委单位预算绩效目标项目涉及资金多少", "商务委2025年单位预算绩效目标涉及资金",
             "商务委部门预算编报绩效目标的项目资金是多少"]


@pytest.mark.parametrize("question", OWN_WORDS)
def test_words_after_a_documents_name_are_no_whole_budget(assistant, question):
    answer = assistant.ask(question)
    assert all(f.metric not in ("收入总计", "支出总计", "收支总计", "收入合计", "支出合计") for f in answer.facts), \
        answer.text
    if answer.facts:
        assert answer.facts[0].value == Decimal("380.60"), answer.text


def test_the_whole_budget_is_still_asked_by_its_name_alone(assistant):
    for question in ("商务委2025年单位预算是多少", "商务委2025年部门预算总额是多少"):
        answer = assistant.ask(question)
        assert _value(answer) == Decimal("520.00"), answer.text


# (question, verdict): a round number within 5% of the figure is a 约数; further off it is not the figure.
ROUNDED = [("静安区财政局机关运行经费是180万元吗", "partly"), ("静安区财政局机关运行经费是200万元吗", "false"),
           ("静安区财政局机关运行经费有184.65万元吗", "true"), ("长宁区文旅局机关运行经费是100万元吗", "partly"),
           ("长宁区文旅局机关运行经费是90万元吗", "false"), ("闵行区审计局机关运行经费是100万元吗", "false"),
           ("闵行区审计局机关运行经费是50万元吗", "false"), ("商务委机关运行经费是170万元吗", "partly"),
           ("商务委机关运行经费是200万元吗", "false")]


@pytest.mark.parametrize("question,verdict", ROUNDED, ids=[q for q, _ in ROUNDED])
def test_a_round_number_far_off_is_no_约数(assistant, question, verdict):
    answer = assistant.ask(question)
    assert answer.verdict == verdict, answer.text


PAIRS = [("静安区财政局和长宁区文旅局的机关运行经费对比", ("184.65", "96.40")),
         ("长宁区文旅局和闵行区审计局机关运行经费哪个多", ("96.40", "52.75")),
         ("商务委和静安区财政局机关运行经费比较", ("171.01", "184.65"))]


@pytest.mark.parametrize("question,values", PAIRS, ids=[q for q, _ in PAIRS])
def test_two_bodies_named_side_by_side_are_two_orgs(assistant, question, values):
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    assert {Decimal(v) for v in values} <= {f.value for f in answer.facts}, answer.text
