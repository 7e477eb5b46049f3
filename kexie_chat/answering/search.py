"""Answers from the text rather than a figure of a table: full-text search (and a figure a
sentence gives), the catalog of documents, definitions and contact numbers."""
from __future__ import annotations

import re

from ..lexicon import METRIC_PARTS
from ..models import DEPARTMENT, Answer, Fact, Passage, Source
from ..sentences import figure_in, units_asked
from ..render import table
from ..text import format_amount
from .figures import BASIS_SENTENCE
from .request import Request, metric_of
from .context import Context
from .wording import examples, mark, reply, source

ASKING_RE = re.compile(r"几|多少|是否|有没有|哪些|什么|怎么|^有$")
SEARCH_STOPWORDS = {"的", "是", "有", "在", "了", "吗", "呢", "多少", "哪些", "什么", "怎么", "情况", "请问",
                    "一下", "查询", "查", "科协", "科学技术协会", "年", "年度"}


def search(request: Request, units: tuple[str, ...] = ()) -> Answer:
    """Passages holding the question's words; a figure a sentence of them gives in the units asked
    (or in `units`: a claim's own) answers it."""
    query, index = request.query, request.index
    words = [w for w in index.store.words_of(query.words_left()) if w not in SEARCH_STOPWORDS]
    if units_asked(query.folded, query.kind):  # 几辆, 多少钱 are how it is asked, not what is looked for
        words = [w for w in words if not ASKING_RE.search(w)] or words
    passages = index.store.search(words, limit=20)
    if query.orgs:
        docs = {d.doc for d in index.docs(query.orgs[0].value)}
        passages = [p for p in passages if p.doc in docs]
    passages = passages[:8]
    if not passages:
        return reply(request, "not_found", "search", "在公开文件中没有找到相关内容。",
                     suggestions=examples(index.documents))
    told = told_in_sentence(request, words, passages, units)
    if told is not None:
        return told
    phrase = query.words_left()
    for passage in passages:
        passage.text = mark(passage.text, phrase, words)
    lines = "\n".join(f"· {p.doc} 第{p.line}行：{p.text[:80]}" for p in passages[:5])
    return reply(request, "answered", "search", f"找到 {len(passages)} 处相关内容：\n{lines}", passages=passages)


def told_in_sentence(request: Request, words: list[str], passages: list[Passage],
                     units: tuple[str, ...] = ()) -> Answer | None:
    """A count, percent or amount a sentence gives for the thing asked (其中有2辆科普大篷车), read
    with its line: only from a passage holding most of the question's words, in the clause that
    names the thing and close to it (sentences.figure_in)."""
    query = request.query
    units = units or units_asked(query.folded, query.kind)
    keys = [w for w in words if len(w) >= 2 and not ASKING_RE.search(w)]
    if not units or not keys:
        return None
    by_doc = {d.doc: d for d in request.index.documents}
    for bounds, passage in [(b, p) for b in (False, True) for p in passages]:
        present = [k for k in keys if k in passage.text]
        if sum(map(len, present)) * 2 < sum(map(len, keys)) or passage.doc not in by_doc:
            continue
        found = figure_in(passage.text, present, units, bounds)
        if found is None:
            continue
        doc = by_doc[passage.doc]
        thing = "".join(k for k in present if not any(k != other and k in other for other in present))
        fact = Fact.model_construct(
            org=doc.org, year=doc.year, doc_kind=doc.doc_kind, metric=thing, code=None, value=found.value,
            unit=found.unit, basis=BASIS_SENTENCE, source=Source.model_construct(
                doc=passage.doc, line=passage.line + passage.text.count("\n", 0, found.start),
                quote=passage.text[max(0, found.start - 80):found.start + 40]),  # the number is in its quote
            scope=DEPARTMENT, table="正文", item=None, text=None)
        near = passage.text[max(0, found.start - 30):found.start + 20].replace("\n", " ")
        text = (f"{doc.org}{doc.year}年部门{doc.doc_kind}：{thing} {format_amount(found.value)}{found.unit}"
                f"（文字表述：“…{near}…”）。\n来源：{passage.doc} 第{fact.source.line}行")
        return reply(request, "answered", "lookup", text, facts=[fact], passages=[passage])
    return None


def catalog(request: Request) -> Answer:
    query, index = request.query, request.index
    org = query.orgs[0].value if query.orgs else None
    docs = index.docs(org) if org else index.documents
    rows = [["单位", "年度", "类别", "单位（金额）", "文件"]]
    rows += [[d.org, f"{d.year}年", f"{d.scope}{d.doc_kind}", d.unit, d.doc] for d in docs]
    if org:
        years = "、".join(f"{d.year}年{d.scope}{d.doc_kind}" for d in docs)
        metrics = sorted(m for m in index.store.metrics(org=org) if m in METRIC_PARTS)
        text = f"{org}有：{years}。可以问：" + "、".join(metrics[:10]) + " 等。\n" + table(rows)
        suggestions = [f"{query.orgs[0].value.removesuffix('科学技术协会')}{docs[0].year}年{m}" for m in metrics[:5]]
    else:
        text = f"共有 {len(docs)} 份公开文件：\n" + table(rows)
        suggestions = examples(index.documents)
    return reply(request, "answered", "catalog", text, suggestions=suggestions)


def definition(request: Request) -> Answer:
    query, store = request.query, request.index.store
    term = metric_of(query, Context())
    org = request.org
    definitions = store.first_definitions(term, org, limit=4) if term else []  # the first and three more
    said = said_to_mean(request, term) if term and not definitions else None
    if said is not None:
        return said
    if not definitions:
        terms = store.definition_terms()
        return reply(request, "not_found", "definition",
                     f"各文件的名词解释里没有“{term or query.words_left()}”。有解释的名词：" + "、".join(terms[:15]) + "。",
                     suggestions=[f"什么是{t}" for t in terms[:5]])
    first = definitions[0]
    also = "；".join(f"{d.org}（{d.doc} 第{d.line}行）" for d in definitions[1:4])
    text = f"{first.text}\n来源：{first.org}，{first.doc} 第{first.line}行。" + (f"\n其他文件也有解释：{also}。" if also else "")
    return reply(request, "answered", "definition", text)


def said_to_mean(request: Request, term: str) -> Answer | None:
    """A term explained in a sentence outside the 名词解释 (事业收入：指…), found by full-text search."""
    pattern = re.compile(re.escape(term) + r"\s*(?:[:：]\s*(?:是)?指|是指|指的是)")
    passages = [p for p in request.index.store.search([term], limit=40) if pattern.search(p.text)]
    if not passages:
        return None
    first = passages[0]
    start = pattern.search(first.text).start()
    text = f"{first.text[start:start + 200]}\n来源：{first.doc} 第{first.line}行。"
    return reply(request, "answered", "definition", text, passages=passages[:4])


def contact(request: Request) -> Answer:
    org, index = request.org, request.index
    if not org:
        return reply(request, "clarify", "contact", "要查哪个单位的联系电话？",
                     suggestions=[f"{d.org}联系电话" for d in index.documents])
    phones = [f for f in index.store.facts(org=org, metric="联系电话")]
    if not phones:
        return reply(request, "not_found", "contact", f"{org}的公开文件里没有联系电话。")
    listed = "、".join(dict.fromkeys(f.text for f in phones))
    text = f"{org}联系电话：{listed}。" + source(phones[0])
    return reply(request, "answered", "contact", text, facts=phones)
