#!/usr/bin/env python3
"""Paraphrases of the round trip's questions, as people type them; the answer must not change.

    .venv/bin/python scripts/paraphrases.py                # the default index, every kind
    .venv/bin/python scripts/paraphrases.py --db other.db --examples 5 --limit 4000

Seeds are the facts a name asks for unambiguously (scripts/roundtrip.py: one figure under that org,
year, 预算/决算 and name). Each seed is asked in one variant of each kind below, drawn with a fixed
seed (the same cases every run), plus "mixed" variants combining three kinds; the count and value of
a stock (几辆, 值多少钱) and the readings a document states beside a figure (比上年增减, 增减率, 上年数,
占比, 执行率) are asked too. The answer passes when its first fact is the seed's figure (same org,
year, 预算/决算, metric or code, value).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kexie_chat.lexicon import BUDGETED_WORDS, COLLOQUIAL_NAMES, METRIC_SYNONYMS, QUESTION_COLUMNS, SPENT_WORDS  # noqa: E402
from scripts.roundtrip import ORG_SUFFIX, IndexFact, column, in_wan, reading, short_names  # noqa: E402

SEED = 13
DIGITS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# Typos people make in place names: a character that sounds or looks like the right one.
TYPOS = {"秦": "琴", "皇": "黄", "岛": "鸟", "张": "章", "家": "加", "口": "囗", "包": "保", "头": "投",
         "江": "姜", "汉": "汗", "西": "希", "城": "成", "京": "经", "州": "洲", "山": "三", "河": "和"}
# Typos in metric names: a character typed by its sound (三工经费, 公务接带费).
METRIC_TYPOS = {"费": "废", "经": "径", "支": "之", "务": "物", "公": "工", "接": "街", "待": "带", "运": "云",
                "行": "形", "维": "唯", "护": "户", "资": "咨", "补": "卜", "贴": "帖", "险": "现", "租": "组",
                "住": "主", "积": "基", "预": "予", "算": "蒜", "项": "向", "目": "木", "办": "半", "差": "叉"}
FRAMES = ("请问{org}{year}{metric}是多少", "我想知道{org}{year}{metric}", "{org}{year}的{metric}有多少？",
          "查一下{org}{year}的{metric}", "{kexie}{year}的{metric}是多少", "{year}{kexie}{metric}一共多少")
# How people ask for a reading of a row that is not its figure (scripts/roundtrip.READINGS).
READING_ASKS = {
    "较上年增减": ("reading_change", ("{org}{year}{metric}比上年增减多少", "{org}{year}{metric}比上年变化了多少",
                                     "{org}{year}{metric}较上年增加还是减少了多少")),
    "较上年增减率": ("reading_change_rate", ("{org}{year}{metric}比上年增长百分之几", "{org}{year}{metric}较上年增减率是多少")),
    "上年数": ("reading_previous", ("{org}{year}{metric}上年是多少", "{org}上一年的{metric}")),
    "占比": ("reading_share", ("{org}{year}{metric}占比多少", "{org}{year}{metric}占百分之几")),
    "完成预算比例": ("reading_execution", ("{org}{year}{metric}完成预算的百分之几", "{org}{year}{metric}执行率")),
}
# How people name a column beside its row (2080505的事业收入, 科学技术支出里项目支出多少).
COLUMN_FRAMES = {
    "column_de": "{org}{year}{row}的{column}", "column_li": "{org}{year}{row}里{column}多少",
    "column_zhong": "{org}{year}{row}中{column}是多少", "column_plain": "{org}{year}{row}{column}",
    "column_year_last": "{org}{row}的{column}{year}",
}
COUNT_ASKS = {"辆": "有几辆", "人": "有几个人", "个": "有几个", "平方米": "有多少平方米"}
SIDE_WORDS = BUDGETED_WORDS + SPENT_WORDS


@dataclass
class Seed:
    fact: IndexFact
    short: str  # the org's short name


@dataclass
class Case:
    kind: str
    question: str
    seed: Seed


def seeds(facts: list[IndexFact]) -> list[Seed]:
    """The plain figures (department scope, no item, not a reading of a row such as 上年数) whose name
    names one figure of its document, blank cells aside: one seed per org, year, 预算/决算 and name."""
    short = short_names({f.org for f in facts})
    plain = [f for f in facts if f.scope == "部门" and f.doc_scope == "部门" and not f.item and not reading(f) and "表内空白" not in f.basis
             and not any(c in f.metric for c in ":：")]
    figures: dict[tuple, set] = defaultdict(set)
    for f in plain:
        figures[f.org, f.year, f.doc_kind, f.metric].add(in_wan(f.value, f.unit))
    chosen: dict[tuple, Seed] = {}
    for f in plain:
        key = (f.org, f.year, f.doc_kind, f.metric)
        if len(figures[key]) == 1:
            chosen.setdefault(key, Seed(f, short[f.org]))
    return list(chosen.values())


# ---- the kinds of paraphrase: each changes one thing of the plain question
def kexie(seed: Seed) -> str:
    """The short name as people write it for a 科协 (江汉科协); other bodies by their short name."""
    return seed.short + "科协" if seed.fact.org.endswith(ORG_SUFFIX) else seed.short


def org_names(seed: Seed) -> list[str]:
    place = seed.fact.org.removesuffix(ORG_SUFFIX)
    if not seed.fact.org.endswith(ORG_SUFFIX):
        return sorted({seed.short, seed.fact.org})
    last = place.rsplit("市", 1)[-1] if "市" in place[:-1] else place
    return sorted({seed.short, seed.short + "科协", place, place + "科协", seed.fact.org, last + "科协"})


def org_typo(name: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(name) if ch in TYPOS]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + TYPOS[name[i]] + name[i + 1:]


def metric_typo(metric: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(metric) if ch in METRIC_TYPOS]
    if len(metric) < 4 or not spots:
        return None
    i = rng.choice(spots)
    return metric[:i] + METRIC_TYPOS[metric[i]] + metric[i + 1:]


def chinese_year(year: int, zero: str = "〇") -> str:
    return "".join(zero if d == "0" else DIGITS[int(d)] for d in str(year))


def synonyms(metric: str) -> list[str]:
    words = set(METRIC_SYNONYMS.get(metric, ())) | set(COLLOQUIAL_NAMES.get(metric, ()))
    return sorted(w for w in words - {metric} if not any(side in w for side in SIDE_WORDS) and len(w) >= 2)


def money_endings(fact: IndexFact) -> list[str]:
    spent = "花了多少钱" if fact.doc_kind == "决算" else "安排了多少钱"
    return ["多少钱", spent, "是多少钱"]


def variants(seed: Seed, rng: random.Random) -> dict[str, str]:
    f = seed.fact
    org, year, metric = seed.short, f"{f.year}年", f.metric
    one = {
        "base": f"{org}{year}{metric}",
        "org_short_kexie": f"{kexie(seed)}{year}{metric}",
        "org_other_name": f"{rng.choice(org_names(seed))}{year}{metric}",
        "year_two_digits": f"{org}{str(f.year)[2:]}年{metric}",
        "year_chinese": f"{org}{chinese_year(f.year, rng.choice('〇零'))}年{metric}",
        "year_full_width": f"{org}{str(f.year).translate(FULL_WIDTH)}年{metric}",
        "year_du": f"{org}{f.year}年度{metric}",
        "spaces": rng.choice([f"{org} {year} {metric}", f" {org}  {year}{metric} ", f"{org}{year} {metric}"]),
        "order_year_first": f"{year}{org}{metric}",
        "order_metric_before_year": f"{org}{metric}{year}",
        "order_metric_first": f"{metric}{org}{year}",
        "ending_duoshao": f"{org}{year}{metric}多少",
        "ending_shi_duoshao": f"{org}{year}{metric}是多少" + rng.choice(["", "？", "?"]),
        "side_word": f"{org}{year}{metric}{f.doc_kind}数",
        "no_year": f"{org}{metric}",
    }
    typo = org_typo(rng.choice([n for n in org_names(seed) if n != f.org] or [seed.short]), rng)
    if typo:
        one["org_typo"] = f"{typo}{year}{metric}"
    one["question_frame"] = rng.choice(FRAMES).format(org=org, kexie=kexie(seed), year=year, metric=metric)
    typo = metric_typo(metric, rng)
    if typo:
        one["metric_typo"] = f"{org}{year}{typo}"
    names = synonyms(metric)
    if names:
        one["synonym"] = f"{org}{year}{rng.choice(names)}"
    if f.unit in ("元", "万元", "亿元"):
        one["ending_money"] = f"{org}{year}{metric}{rng.choice(money_endings(f))}"
    return one


def mixed(seed: Seed, rng: random.Random) -> str:
    f = seed.fact
    typo = org_typo(kexie(seed), rng)
    org = rng.choice(org_names(seed) + ([typo] if typo else []))
    year = rng.choice([f"{f.year}年", f"{str(f.year)[2:]}年", f"{chinese_year(f.year)}年",
                       f"{str(f.year).translate(FULL_WIDTH)}年", f"{f.year}年度"])
    metric = rng.choice([f.metric] + synonyms(f.metric))
    parts = [org, year, metric]
    rng.shuffle(parts)
    if parts[0] == metric and rng.random() < 0.5:  # keep some in the usual order
        parts = [org, year, metric]
    ending = rng.choice(["", "多少", "是多少", "是多少？"] + (["多少钱"] if f.unit in ("元", "万元") else []))
    return rng.choice(["", " "]).join(parts) + ending


def cases(facts: list[IndexFact], limit: int | None = None) -> list[Case]:
    """Every seed in one variant of each kind and two mixed variants, then a fixed sample of `limit`."""
    rng = random.Random(SEED)
    out: list[Case] = []
    for seed in seeds(facts):
        for kind, question in variants(seed, rng).items():
            out.append(Case(kind, question, seed))
        out += [Case("mixed", mixed(seed, rng), seed) for _ in range(2)]
    out += stock_cases(facts, rng) + reading_cases(facts) + column_cases(facts, rng)
    if limit and len(out) > limit:
        out = random.Random(SEED).sample(out, limit)
    return out


def stock_cases(facts: list[IndexFact], rng: random.Random) -> list[Case]:
    """What is asked includes its kind: 几辆/多少平方米 asks the count of a stock, 值多少钱 its value."""
    short = short_names({f.org for f in facts})
    out = []
    for f in facts:
        seed, year = Seed(f, short[f.org]), f"{f.year}年"
        org = rng.choice([seed.short, kexie(seed)])
        if f.scope != "部门" or "表内空白" in f.basis:
            continue
        if f.basis.startswith("数量") and f.unit in COUNT_ASKS:
            out.append(Case("ending_count", f"{org}{rng.choice([year, ''])}{f.metric}{COUNT_ASKS[f.unit]}", seed))
        elif f.basis.startswith("价值"):
            out.append(Case("ending_value", f"{org}{rng.choice([year, ''])}{f.metric}{rng.choice(['值多少钱', '价值多少', '价值是多少万元'])}", seed))
    return out


def column_cases(facts: list[IndexFact], rng: random.Random) -> list[Case]:
    """A column of a row asked as people ask it: each cell (blank ones too) in one frame of COLUMN_FRAMES,
    by its code; by the row's name ("column_by_name") and by another word for the column ("column_word")
    where that names one figure of the document."""
    short = short_names({f.org for f in facts})
    cells = [f for f in facts if column(f) and f.scope == "部门" and f.doc_scope == "部门" and not reading(f)]
    figures: dict[tuple, set] = defaultdict(set)
    for f in cells:
        figures[f.org, f.year, f.doc_kind, f.code or f.metric, column(f)].add(in_wan(f.value, f.unit))
        figures[f.org, f.year, f.doc_kind, f.metric, column(f)].add(in_wan(f.value, f.unit))
    out = []
    for f in cells:
        seed, year = Seed(f, short[f.org]), f"{f.year}年"
        if len(figures[f.org, f.year, f.doc_kind, f.code or f.metric, column(f)]) > 1:
            continue
        kind = rng.choice(sorted(COLUMN_FRAMES))
        out.append(Case(kind, COLUMN_FRAMES[kind].format(org=seed.short, year=year, row=f.code or f.metric,
                                                         column=column(f)), seed))
        if f.code and len(figures[f.org, f.year, f.doc_kind, f.metric, column(f)]) == 1 and rng.random() < 0.3:
            out.append(Case("column_by_name", f"{seed.short}{year}{f.metric}的{column(f)}", seed))
        words = [w for group in QUESTION_COLUMNS if column(f) in group for w in group if w != column(f)]
        if words and rng.random() < 0.3:
            out.append(Case("column_word", f"{seed.short}{year}{f.code or f.metric}的{rng.choice(words)}", seed))
    return out


def reading_cases(facts: list[IndexFact]) -> list[Case]:
    """比上年增减, 上年数, 占比, 执行率 asked as people ask them, where the document states one such figure."""
    short = short_names({f.org for f in facts})
    stated: dict[tuple, list[IndexFact]] = defaultdict(list)
    for f in facts:
        basis = f.basis.split("（")[0]
        if basis in READING_ASKS and f.scope == "部门" and f.doc_scope == "部门" and not f.item:
            stated[f.org, f.year, f.doc_kind, f.metric, basis].append(f)
    out = []
    for (*_, basis), found in stated.items():
        if len({in_wan(f.value, f.unit) for f in found}) == 1:
            f, (kind, asks) = found[0], READING_ASKS[basis]
            out += [Case(kind, ask.format(org=short[f.org], year=f"{f.year}年", metric=f.metric), Seed(f, short[f.org]))
                    for ask in asks]
    return out


def gives_back(answer, fact: IndexFact) -> bool:
    if answer.status != "answered" or not answer.facts:
        return False
    first = answer.facts[0]
    if first.value is None or (first.org, first.year, first.doc_kind) != (fact.org, fact.year, fact.doc_kind):
        return False
    named = first.metric == fact.metric or (fact.code and first.code == fact.code)
    in_column = not column(fact) or (first.basis or "").split("（")[0] == column(fact)
    return bool(named) and in_column and in_wan(first.value, first.unit) == in_wan(fact.value, fact.unit)


def run(assistant, all_cases: list[Case]) -> dict[str, list[tuple[Case, object]]]:
    """kind -> [(case, answer or None when given back)], a failure keeping its answer."""
    by_kind: dict[str, list[tuple[Case, object]]] = defaultdict(list)
    for case in all_cases:
        answer = assistant.ask(case.question)
        by_kind[case.kind].append((case, None if gives_back(answer, case.seed.fact) else answer))
    return dict(by_kind)


def rates(by_kind: dict) -> dict[str, float]:
    return {kind: sum(a is None for _, a in results) / len(results) for kind, results in by_kind.items()}


def print_report(by_kind: dict, examples: int = 3, out=sys.stdout) -> None:
    total = sum(len(r) for r in by_kind.values())
    passed = sum(a is None for r in by_kind.values() for _, a in r)
    print(f"paraphrases: {passed}/{total} given back ({passed / max(1, total):.2%})", file=out)
    for kind, rate in sorted(rates(by_kind).items(), key=lambda kv: kv[1]):
        results = by_kind[kind]
        print(f"  {kind:26} {rate:7.2%} of {len(results)}", file=out)
        for case, answer in [r for r in results if r[1] is not None][:examples]:
            f, got = case.seed.fact, answer.facts[0] if answer.facts else None
            shown = f"{got.org.removesuffix(ORG_SUFFIX)} {got.metric} {got.value}{got.unit}" if got else answer.status
            print(f"      {case.question!r}: want {f.metric} {f.value}{f.unit}, got {shown}", file=out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the index to ask (default: the assistant's own)")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--limit", type=int, help="a fixed sample of this many cases")
    args = parser.parse_args()
    from kexie_chat import Assistant
    from scripts.roundtrip import read_facts

    assistant = Assistant(db_path=args.db) if args.db else Assistant()
    print_report(run(assistant, cases(read_facts(assistant.db_path), args.limit)), args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
