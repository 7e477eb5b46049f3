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
        "二、收入决算情况说明",
        "本年收入合计2940.05万元，其中：财政拨款收入2933.85万元，占99.79%；其他收入6.2万元，占0.21%；",
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


# Projects a 预算 explains one section each (项目经费情况说明), and the tables a 决算 names a class in twice
# (its 功能分类 row with 支出, its 经济分类 item without).
PROJECTS = [("科技创新专项", "", "1720.00"), ("生命健康专项", "（政策资金）", "1170.00"),
            ("商业创新专项", "（政策资金）", "1410.00"), ("区政府督查及建议提案工作业务经费", "项目", "66.50")]
SECTIONS_ORG = "上海市静安区科学技术委员会"


def project_sections() -> str:
    lines = [f"上海市静安区2025年区级部门预算", f"预算主管部门：{SECTIONS_ORG}", "五、国有资产占有使用情况",
             "截至2024年8月31日，本部门共有车辆0辆。"]
    for name, note, amount in PROJECTS:
        lines += [f"{name}{note}经费情况说明", "一、项目概述", f"推动{name[:4]}工作。", "五、实施周期",
                  "2025.1.1-2025.12.31", "六、年度预算安排", f"2025年度项目总预算{amount}万，其中日常工作{amount}万。",
                  "七、绩效目标", "详见单位的项目绩效目标表"]
    return "\n".join(lines) + "\n"


CLASSES_ORG = "中共上海市静安区委社会工作部"
# (code, 功能分类 name, 决算数, 年初预算) and (code, 经济分类 name, 决算数)
FUNCTIONS = [("2013901", "行政运行", "51.32", "52.00"), ("20139", "社会工作事务", "264.87", "270.00"),
             ("2013999", "其他社会工作事务支出", "202.24", "202.24"),
             ("2080505", "机关事业单位基本养老保险缴费支出", "6.18", "9.00"),
             ("2080506", "机关事业单位职业年金缴费支出", "4.64", "5.74")]
ECONOMIC = [("30108", "机关事业单位基本养老保险缴费", "6.18"), ("30109", "职业年金缴费", "4.64"), ("30201", "办公费", "3.78")]


def classes_final_accounts() -> str:
    lines = [f"{CLASSES_ORG}2024年度部门决算", "一般公共预算财政拨款支出决算表", "单位：万元", "项目\t\t合计\t基本支出\t项目支出",
             "功能分类科目编码\t科目名称\t\t\t"]
    lines += [f"{code}\t{name}\t{actual}\t{actual}\t" for code, name, actual, _ in FUNCTIONS]
    lines += ["一般公共预算财政拨款基本支出决算表", "单位：万元", "经济分类科目编码\t科目名称\t决算数"]
    lines += [f"{code}\t{name}\t{actual}" for code, name, actual in ECONOMIC]
    lines += [f"第三部分 {CLASSES_ORG}2024年度部门决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"]
    paths = {"201": "一般公共服务支出（类）社会工作事务（款）", "208": "社会保障和就业支出（类）行政事业单位养老支出（款）"}
    items = [(code, name, actual, budget) for code, name, actual, budget in FUNCTIONS if len(code) == 7]
    for number, (code, name, actual, budget) in enumerate(items, 1):
        lines += [f"{number}、{paths[code[:3]]}{name}（项）。主要用于：日常支出。年初预算为{budget}万元，支出决算为{actual}万元。"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def sections(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("project-sections")
    (corpus / f"2025-{SECTIONS_ORG}-部门预算.txt").write_text(project_sections(), encoding="utf-8")
    (corpus / f"2024-{CLASSES_ORG}-部门决算.txt").write_text(classes_final_accounts(), encoding="utf-8")
    return Assistant(db_path=build_index(corpus, corpus / "index.db"), corpus=corpus)


SECTION_QUESTIONS = [(f"静安区科委{name}{ask}", Decimal(amount)) for name, _, amount in PROJECTS
                     for ask in ("多少", "预算是多少", "安排了多少钱")]


@pytest.mark.parametrize("question,value", SECTION_QUESTIONS, ids=[q for q, _ in SECTION_QUESTIONS])
def test_a_projects_own_section_gives_its_budget(sections, question, value):
    answer = sections.ask(question)
    assert _value(answer) == value and answer.facts[0].item, answer.text


def test_a_sentence_pointing_at_a_table_is_no_table(sections):
    """详见单位的项目绩效目标表 would open a 绩效目标 table and swallow the sections after it."""
    items = {f.item for f in sections.store.facts(org=SECTIONS_ORG)} - {None}
    assert len(items) == len(PROJECTS), items


# An 经济分类 item's name with 支出 after it (or with the 预算 side asked) is its 功能分类 row; a 功能分类
# name of its own (社会工作事务支出) is never the 其他…支出 that ends alike.
TAILS = [("社工部职业年金缴费支出", "2080506", "4.64"), ("社工部职业年金缴费支出年初预算", "2080506", "5.74"),
         ("社工部职业年金年初预算", "2080506", "5.74"), ("社工部基本养老保险缴费支出", "2080505", "6.18"),
         ("社工部养老保险缴费年初预算多少", "2080505", "9.00"), ("社工部职业年金缴费", "30109", "4.64"),
         ("社工部社会工作事务支出", "20139", "264.87"), ("社工部其他社会工作事务支出", "2013999", "202.24"),
         ("社工部行政运行年初预算", "2013901", "52.00"), ("社工部其他社会工作事务支出年初预算", "2013999", "202.24")]


@pytest.mark.parametrize("question,code,value", TAILS, ids=[q for q, _, _ in TAILS])
def test_a_name_with_支出_after_it_is_the_功能分类_row_it_ends(sections, question, code, value):
    answer = sections.ask(question)
    assert _value(answer) == Decimal(value) and answer.facts[0].code == code, answer.text


# 执行率 and 完成(全年)预算的百分之几 ask the rate (决算数 ÷ 预算数), never the level nor the difference.
RATES = [(f"社工部{name}{ask}", (Decimal(actual) / Decimal(budget) * 100).quantize(Decimal("0.01")))
         for code, name, actual, budget in FUNCTIONS if len(code) == 7
         for ask in ("预算执行率", "完成年初预算的百分之几", "执行率是多少")]


@pytest.mark.parametrize("question,rate", RATES, ids=[q for q, _ in RATES])
def test_an_execution_rate_is_the_rate(sections, question, rate):
    answer = sections.ask(question)
    assert answer.intent == "rate" and _value(answer) == rate and answer.facts[0].unit == "%", answer.text


SIDE_TURNS = [(name, side, Decimal(budget)) for code, name, _, budget in FUNCTIONS if len(code) == 7
              for side in ("年初预算呢", "预算数呢", "全年预算呢")]


@pytest.mark.parametrize("name,side,budget", SIDE_TURNS, ids=[f"{n}-{s}" for n, s, _ in SIDE_TURNS])
def test_a_side_alone_asks_the_same_figure_on_that_side(sections, name, side, budget):
    chat = sections.conversation()
    chat.ask(f"社工部2024年{name}")
    assert _value(chat.ask(side)) == budget


def test_a_change_not_stated_says_which_are(assistant):
    """没有找到…的增减变化 names the changes the document does state, never a figure for the one asked."""
    answer = assistant.ask("商务委2025年机关运行经费比上年增加多少")
    assert answer.status == "not_found" and not answer.facts, answer.text
    assert "文件写了增减变化的有：财政拨款收入较上年增加 20.00万元" in answer.text, answer.text
    assert "政府性基金预算财政拨款支出较上年增加 2.00万元" in answer.text, answer.text


# A 部门预算 or 单位预算 asked of a body that published only its 决算: no 决算 figure stands in for it.
NO_BUDGET = [f"{short}单位预算{metric}" for _, _, short, *_ in BODIES for metric in ("机关运行经费", "政府采购")] + \
            [f"{short}2024年部门预算机关运行经费" for _, _, short, *_ in BODIES]


@pytest.mark.parametrize("question", NO_BUDGET)
def test_a_budget_asked_of_a_final_account_is_not_its_figures(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == "not_found" and not answer.facts, answer.text


@pytest.mark.parametrize("small,large,told", [("1.00", "867.50", "0.0012"), ("3", "4", "0.75"), ("5", "2", "2.5"),
                                              ("0.5", "20000", "0.000025")])
def test_a_small_ratio_keeps_its_digits(small, large, told):
    from kexie_chat.answering.figures import computed
    from kexie_chat.models import Fact, Source

    def fact(value):
        return Fact(org="某局", year=2025, doc_kind="预算", metric="三公经费", value=Decimal(value), unit="万元",
                    basis="预算数", source=Source(doc="d.txt", line=1, quote=value))
    times = computed(fact(small), fact(large), "times", "甲÷乙")
    assert times.unit == "倍" and times.value == Decimal(told)


# 收入 or 支出 alone asked of an org: its year's total of that side, in its own document.
BARE_SIDES = [(f"{short}{ask}", Decimal("2940.05"), metric) for _, _, short, *_ in BODIES
              for ask, metric in (("收入多少", "收入合计"), ("2024年支出是多少", "支出合计"), ("今年的收入", "收入合计"))] + \
             [("商务委今年收入多少", Decimal("520.00"), "收入合计"), ("商务委2025年支出", Decimal("520.00"), "支出合计")]


@pytest.mark.parametrize("question,value,metric", BARE_SIDES, ids=[q for q, _, _ in BARE_SIDES])
def test_a_bare_side_asks_its_total(assistant, question, value, metric):
    answer = assistant.ask(question)
    assert _value(answer) == value and answer.facts[0].metric == metric, answer.text


# A budget's change as a whole (its subject 预算 alone) is its 收支总计's change; a figure's own 预算 is not.
WHOLE_CHANGES = [("2020年预算较2019年减少196.83万元，主要是项目经费核减。", Decimal("-196.83")),
                 ("3、预算收支比上年增减变化情况\n2025年预算比2024年增加20.5万元。", Decimal("20.5")),
                 ("本年部门预算比上年增长1,200.00万元。", Decimal("1200.00")),
                 ("项目支出预算比上年增加5.00万元。", None), ("支出预算520.00万元，比2024年预算增加20.00万元。", None)]


@pytest.mark.parametrize("sentence,change", WHOLE_CHANGES, ids=[s[:16] for s, _ in WHOLE_CHANGES])
def test_a_budgets_change_as_a_whole_is_its_收支总计s(sentence, change):
    from kexie_chat.parse import parse_disclosure
    text = f"{BUDGET_ORG}2025年部门预算\n预算主管部门：{BUDGET_ORG}\n{sentence}\n"
    facts = [f for f in parse_disclosure(f"2025-{BUDGET_ORG}-部门预算.txt", text).facts
             if f.metric == "收支总计" and f.basis == "较上年增减"]
    assert [f.value for f in facts] == ([change] if change is not None else [])


# A percent in a claim is judged against the share the document states, never called unwritten.
SHARE_CLAIMS = [(f"{short}{claim}", verdict) for _, _, short, *_ in BODIES
                for claim, verdict in (("其他收入6.2万元，占0.21%对吗", "true"), ("其他收入6.2万元，占0.5%对吗", "partly"),
                                       ("其他收入占比是0.21%吗", "true"), ("财政拨款收入占99.79%，对吗", "true"),
                                       ("财政拨款收入占90%吗", "false"))]


@pytest.mark.parametrize("question,verdict", SHARE_CLAIMS, ids=[q for q, _ in SHARE_CLAIMS])
def test_a_claimed_percent_is_the_stated_share(assistant, question, verdict):
    answer = assistant.ask(question)
    assert answer.verdict == verdict and "文件没有写" not in answer.text, answer.text
