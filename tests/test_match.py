"""Org matching tables, and telling two names apart by sound without importing pypinyin.

`_may_sound_alike` may only say False where lazy_pinyin itself reads the two apart: it is checked
against lazy_pinyin over every two-character place of the gazetteer with one character replaced.
"""
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kexie_chat.gazetteer import PLACES
from kexie_chat.lexicon import KEXIE_ALIAS_SUFFIXES as ALIAS_SUFFIXES
from kexie_chat.match import OrgMatcher, _entry, _may_sound_alike, _org_aliases
from kexie_chat.text import fold

ROOT = Path(__file__).resolve().parent.parent

# (id, a, b, read alike by lazy_pinyin)
SOUNDS = [
    ("homophone", "江汉", "将汉", True),
    ("same-reading-other-tone", "城关", "成关", True),
    ("different-syllable", "三公", "三亚", False),
    ("rare-reading-not-first", "本支", "本溪", False),  # 支 can be qí, 溪 qī: lazy_pinyin reads zhi, xi
    ("phrase-reading", "老亭", "乐亭", True),  # 乐 is lè by itself, lào in the place 乐亭
    ("first-character-differs", "定义", "遵义", False),
]


@pytest.mark.parametrize("name,a,b,alike", SOUNDS, ids=[s[0] for s in SOUNDS])
def test_sounds(name, a, b, alike):
    from pypinyin import lazy_pinyin

    assert (lazy_pinyin(a) == lazy_pinyin(b)) == alike
    assert _may_sound_alike(a, b) or not alike


def test_never_apart_where_lazy_pinyin_reads_alike():
    from pypinyin import lazy_pinyin

    common = Counter(ch for path in (ROOT / "corpus").glob("*.txt") for ch in path.read_text(encoding="utf-8")
                     if "\u4e00" <= ch <= "\u9fff")
    replacements = [ch for ch, _ in common.most_common(40)] + ["乐", "老", "重", "虫", "将", "成"]
    pairs = [(place[:i] + ch + place[i + 1:], place) for place in sorted(PLACES) if len(place) == 2
             for i in range(2) for ch in replacements if ch != place[i]]
    wrongly_apart = [(a, b) for a, b in pairs if not _may_sound_alike(a, b) and lazy_pinyin(a) == lazy_pinyin(b)]
    assert not wrongly_apart
    assert sum(not _may_sound_alike(a, b) for a, b in pairs) > 0.9 * len(pairs)  # and it spares most imports


def test_pinyin_tables_are_read_by_bisection_as_json_would():
    import json

    import pypinyin

    folder = Path(pypinyin.__file__).parent
    chars = json.loads((folder / "pinyin_dict.json").read_text(encoding="utf-8"))
    phrases = json.loads((folder / "phrases_dict.json").read_text(encoding="utf-8"))
    for key in list(chars)[::97] + [str(ord("支")), str(ord("乐"))]:
        assert _entry("pinyin_dict.json", int(key)) == chars[key]
    for key in list(phrases)[::97] + ["乐亭"]:
        assert _entry("phrases_dict.json", key) == phrases[key]
    assert _entry("pinyin_dict.json", 0) is None and _entry("pinyin_dict.json", 10 ** 7) is None
    assert _entry("phrases_dict.json", "三公") is None and _entry("phrases_dict.json", "\U0010ffff") is None


def test_a_question_near_many_two_character_names_does_not_import_pypinyin():
    script = ("import sys; from kexie_chat.match import OrgMatcher; "
              "m = OrgMatcher({o + '市科学技术协会': [] for o in ('三亚', '高明', '保定', '嘉定', '本溪', '遵义')}); "
              "assert m.find('三公经费最高的是哪个单位') == []; assert m.find('基本支出的定义') == []; "
              "assert 'pypinyin' not in sys.modules; "
              "m = OrgMatcher({'武汉市江汉区科学技术协会': []}); assert m.find('将汉2020年三公经费')[0].how == 'typo'")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_aliases_with_suffixes_are_folded_as_wholes():
    extra = ["江汉区", "江川区"]
    for alias, folded in _org_aliases("武汉市江汉区科学技术协会", extra):
        assert folded == fold(alias)
    assert {"江汉区科协", "江汉科协", "江川区科协"} <= {alias for alias, _ in _org_aliases("武汉市江汉区科学技术协会", extra)}
    assert all(fold("Ｘ市" + suffix) == fold("Ｘ市") + suffix for suffix in ALIAS_SUFFIXES)


def test_a_misprint_alias_is_said_to_be_one():
    matcher = OrgMatcher({"武汉市江汉区科学技术协会": ["江汉区", "江川区"]})
    assert [(f.value, f.how) for f in matcher.find("江川区2020年办公费")] == [("武汉市江汉区科学技术协会", "misprint")]
    assert [(f.value, f.how) for f in matcher.find("江汉区2020年办公费")] == [("武汉市江汉区科学技术协会", "exact")]


# (id, question, metric read as a typo of it, or None)
METRIC_TYPOS = [
    ("one-replaced", "秦皇岛2022年三工经费", "三公经费"),
    ("one-missing", "包头机关运行经", "机关运行经费"),
    ("one-extra", "秦皇岛公务接待待费", "公务接待费"),
    ("written-right-is-no-typo", "三公经费", None),
    ("four-characters-forgive-no-missing-one", "三公经", None),
    ("ordinary-words", "科普活动的绩效目标是什么", None),
]


@pytest.mark.parametrize("name,question,metric", METRIC_TYPOS, ids=[c[0] for c in METRIC_TYPOS])
def test_metric_typos(name, question, metric):
    from kexie_chat.match import MetricMatcher

    found = MetricMatcher(["三公经费", "机关运行经费", "公务接待费"], {}).find_typos(fold(question), set())
    assert [f.value for f in found] == ([metric] if metric else [])
    assert all(f.how == "typo" for f in found)


# (id, question, names read): a name written right inside a longer one written one character off
LONGER_TYPOS = [
    ("typo-after-the-name", "西城2019年财政专户管理咨金收入", ["财政专户管理资金收入"]),
    ("typo-before-and-after", "江汉2020年其他科学技术普及之出", ["其他科学技术普及支出"]),
    ("two-names-in-one", "包头2020年公务用车运形维护费", ["公务用车运行维护费"]),
    ("written-right", "秦皇岛2022年公务用车运行维护费是多少", ["公务用车运行维护费"]),
    ("glue-is-no-typo", "秦皇岛2022年三公经费是多少", ["三公经费"]),
    ("a-side-is-no-typo", "包头2020年决算三公经费预算数", ["三公经费"]),  # 三公经费预算 is written right
    ("sounds-otherwise", "江汉2020年科学技术普及工作", ["科学技术普及"]),
]


@pytest.mark.parametrize("name,question,metrics", LONGER_TYPOS, ids=[c[0] for c in LONGER_TYPOS])
def test_a_name_inside_a_longer_name_one_character_off_is_the_longer(name, question, metrics):
    from kexie_chat.match import MetricMatcher

    matcher = MetricMatcher(["财政专户管理", "财政专户管理资金收入", "科学技术普及", "其他科学技术普及支出",
                             "公务用车运行维护费", "维修（护）费", "三公经费"], {})
    folded = fold(question)
    skip = set(range(folded.index("年") + 1))  # the org and year, as the question parser skips them
    found = matcher.longer_typos(folded, matcher.find(folded, skip), skip)
    assert [f.value for f in found] == metrics


def test_a_name_with_brackets_forgives_a_typo_too():
    from kexie_chat.match import MetricMatcher

    matcher = MetricMatcher(["维修（护）费", "因公出国（境）费"], {})
    assert [f.value for f in matcher.find_typos(fold("维修（户）费"), set())] == ["维修（护）费"]
    assert [f.value for f in matcher.find_typos(fold("因公出国（境）废"), set())] == ["因公出国（境）费"]


def test_tables_not_as_expected_leave_it_to_pypinyin(monkeypatch):
    from kexie_chat import match

    monkeypatch.setattr(match, "_pinyin_data", lambda name: b'{"x": 1}')
    match._pinyin_tables_readable.cache_clear()
    match._entry.cache_clear()
    try:
        assert match._may_sound_alike("三公", "三亚")  # lazy_pinyin will say they differ
    finally:
        match._pinyin_tables_readable.cache_clear()
        match._entry.cache_clear()


def test_an_org_named_again_inside_a_figure_name_is_part_of_the_name():
    """政府办 inside 政府办公厅(室)及相关机构事务, in a question that names 普陀区人民政府办公室 already."""
    from kexie_chat.intent import parse_question
    from kexie_chat.match import MetricMatcher

    orgs = OrgMatcher({"上海市普陀区人民政府办公室": ["普陀区人民政府办公室", "政府办"]})
    metrics = MetricMatcher(["政府办公厅(室)及相关机构事务", "其他政府办公厅(室)及相关机构事务支出"], {})
    query = parse_question("普陀区人民政府办公室2025年其他政府办公厅(室)及相关机构事务支出", orgs, metrics)
    assert [f.value for f in query.orgs] == ["上海市普陀区人民政府办公室"]
    assert [f.value for f in query.metrics] == ["其他政府办公厅(室)及相关机构事务支出"]
    alone = parse_question("政府办2025年办公费", orgs, MetricMatcher(["办公费"], {}))
    assert [f.value for f in alone.orgs] == ["上海市普陀区人民政府办公室"]  # named once: it stays the org


@pytest.mark.parametrize("metric,codes", [
    ("因公出国（境）费", ("30212",)), ("公务用车购置费", ("31013",)), ("公务接待费", ()), ("差旅费", ()),
])
def test_a_metric_reaches_the_economic_rows_the_lexicon_names_it_by(metric, codes):
    from kexie_chat.vocabulary import economic_codes_of

    assert economic_codes_of(metric) == codes
