"""Assistant.ask and Conversation.ask never raise: whatever a person types comes back as an Answer.

Hypothesis writes the questions: random Chinese, the domain's own words shuffled together
with FTS and SQL syntax, any Unicode (control characters included) and 10,000-character
inputs. About three thousand examples in all; no deadline, as the machine is shared.
"""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_chat.lexicon import METRIC_SYNONYMS
from kexie_chat.models import Answer

STATUSES = {"answered", "not_found", "clarify", "error"}
PLACES = ["秦皇岛", "秦皇岛市", "包头", "张家口", "江汉区", "江川区", "西城", "北京市西城区", "石家庄", "武汉市"]
WORDS = ["2019年", "2020", "22年", "二〇二二年", "预算", "决算", "呢", "和", "比较", "比", "是", "吗", "多少",
         "核实：", "占", "比上年", "增长", "哪个", "最多", "排名", "什么是", "电话", "万元", "元", "5.19",
         "%", "2060702", "30217", "其中", "全部", "前三", "？", "，", " ", "\n", "\t"]
SYNTAX = ['"', "'", "*", "NEAR(", "NEAR(a b, 2)", ")", "(", " AND ", " OR ", " NOT ", "-", "^", ":", "{", "}",
          "'; DROP TABLE facts; --", "passages_fts MATCH '*'", "\\", "%", "_",
          "\x00", "\x1b[31m", "\u200b", "\ufeff"]
TOKENS = PLACES + list(METRIC_SYNONYMS) + WORDS + SYNTAX

chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=40)
domain = st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)
anything = st.text(st.characters(codec="utf-8"), max_size=80)  # control characters included
long_inputs = st.builds(lambda piece: (piece * 10_000)[:10_000], st.one_of(domain, chinese).filter(bool))
questions = st.one_of(chinese, domain, anything)



def examples(count: int) -> settings:
    return settings(max_examples=count, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_valid(answer: Answer, question: str) -> None:
    assert isinstance(answer, Answer)
    assert answer.question == question and answer.status in STATUSES and answer.text.strip()
    assert Answer.model_validate(answer.model_dump(mode="json")) == answer


KINDS = [("random-chinese", chinese, 700), ("domain-words-fts-sql", domain, 1200),
         ("any-unicode-control-characters", anything, 700), ("ten-thousand-characters", long_inputs, 60)]


@pytest.mark.parametrize("kind,strategy,count", KINDS, ids=[k[0] for k in KINDS])
def test_ask_never_raises(assistant, kind, strategy, count):
    @examples(count)
    @given(question=strategy)
    def check(question):
        assert_valid(assistant.ask(question), question)

    check()


@examples(250)
@given(turns=st.lists(questions, min_size=1, max_size=5))
def test_a_conversation_never_raises(assistant, turns):
    chat = assistant.conversation()
    for question in turns:
        assert_valid(chat.ask(question), question)
