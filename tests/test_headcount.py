"""How many people an org has, asked without naming the figure (有几个人, 多少名职工), and claims about it
(实际有12个人吗): every head count of the index, by every phrasing, and never 人次 (attendance).
编制 (posts) is not 实有人数 (people): where only 行政编制 and 事业编制 are written, both are listed."""
import pytest

from kexie_chat.orgs import short_place, split_org

ASKED = ["{org}有几个人", "{org}实际有多少人", "{org}有多少名职工", "{org}一共有多少工作人员", "{org}有几名员工"]
CLAIMED = ["{org}有{n}个人吗", "{org}实际有{n}人吗", "{org}有{n}名职工吗", "{org}是{n}位员工吗"]


def head_counts(assistant):
    rows = assistant.store.conn.execute(
        "select org, year, value_exact, line from facts where metric = '实有人数' and unit = '人'").fetchall()
    assert len(rows) >= 2, "the seeds state the head count of at least two orgs"
    return rows


def org_word(org: str) -> str:
    return short_place(split_org(org).place) + "科协"  # 西城区科协


def test_people_asked_without_a_figure_name(assistant):
    for org, year, value, line in head_counts(assistant):
        for phrasing in ASKED:
            question = phrasing.format(org=org_word(org)) + f"（{year}年）"
            answer = assistant.ask(question)
            assert answer.facts, question
            first = answer.facts[0]
            assert (first.metric, str(first.value.normalize()), first.source.line) == \
                ("实有人数", str(value).removesuffix(".0"), line), question


@pytest.mark.parametrize("delta,verdict", [(0, "true"), (1, "false"), (-2, "false")])
def test_people_claimed(assistant, delta, verdict):
    for org, year, value, _ in head_counts(assistant):
        n = int(float(value)) + delta
        for phrasing in CLAIMED:
            question = f"{year}年" + phrasing.format(org=org_word(org), n=n)
            answer = assistant.ask(question)
            assert answer.intent == "verify" and answer.verdict == verdict, (question, answer.text)
            assert answer.facts[0].metric == "实有人数", question


def test_attendance_is_not_people(assistant):
    answer = assistant.ask("包头科协公务接待了多少人次")
    assert all(f.metric != "实有人数" for f in answer.facts)


def test_posts_listed_when_only_their_kinds_are_written(assistant):
    answer = assistant.ask("西城科协编制多少人")
    assert [(f.metric, f.value, f.unit) for f in answer.facts] == [("行政编制", 9, "人"), ("事业编制", 3, "人")]
    assert "文件没有写合计数" in answer.text


def test_a_money_whole_never_lists_counted_parts(assistant):
    # 固定资产 is money: the 车辆 a document counts are not its parts
    answer = assistant.ask("江汉区科协固定资产总额是多少")
    assert answer.status == "not_found" and not answer.facts
