"""Answers from the text rather than a figure of a table: full-text search (and a figure a
sentence gives), the catalog of documents, definitions and contact numbers."""
from __future__ import annotations

import re

from ..lexicon import METRIC_PARTS, STAGE_DONE, STAGE_TARGET
from ..models import DEPARTMENT, Fact, Passage, Source
from ..sentences import ANY_UNIT, figure_in, stage_of, units_asked
from .choose import wants_target
from .context import Context
from .figures import BASIS_SENTENCE
from .notfound import examples, short
from .reply import Reply, answered, clarify, not_found, said
from .request import Request, metric_of

ASKING_RE = re.compile(r"几|多少|是否|有没有|哪些|什么|怎么|^有$|^达到?$")
# Words for money in general: alone they name no figure of a sentence (经费 of “三公”经费…为 0 万元).
MONEY_IN_GENERAL = {"经费", "资金", "费用", "金额", "数额", "款项", "开支", "花费"}
SEARCH_STOPWORDS = {"的", "是", "有", "在", "了", "吗", "呢", "多少", "哪些", "什么", "怎么", "情况", "请问",
                    "一下", "查询", "查", "科协", "科学技术协会", "年", "年度"}


def search(request: Request, units: tuple[str, ...] = ()) -> Reply:
    """Passages holding the question's words; a figure a sentence of them gives in the units asked
    (or in `units`: a claim's own) answers it."""
    query, index = request.query, request.index
    words = [w for w in index.store.words_of(query.words_left()) if w not in SEARCH_STOPWORDS]
    if units_asked(query.folded, query.kind):  # 几辆, 多少钱 are how it is asked, not what is looked for
        words = [w for w in words if not ASKING_RE.search(w)] or words
    docs = [d.doc for d in index.docs(query.orgs[0].value)] if query.orgs else None
    passages = index.store.search(words, limit=8, docs=docs)
    if not passages:
        return not_found("search", said("nothing_found"), suggestions=examples(index.documents))
    told = told_in_sentence(request, words, passages, units)
    if told is not None:
        return told
    phrase = query.words_left()
    for passage in passages:
        passage.text = mark(passage.text, phrase, words)
    return answered("search", said("passages", passages=passages), passages=passages)


def mark(text: str, phrase: str, words: list[str]) -> str:
    """Bracket what was searched for: the whole phrase where it occurs, else each word."""
    if len(phrase) >= 2 and phrase in text:
        return text.replace(phrase, f"【{phrase}】")
    for word in sorted({w for w in words if len(w) >= 2}, key=len, reverse=True):
        text = re.sub(f"(?<!【){re.escape(word)}(?!】)", f"【{word}】", text)
    return text


def told_in_sentence(request: Request, words: list[str], passages: list[Passage],
                     units: tuple[str, ...] = ()) -> Reply | None:
    """A count, percent or amount a sentence gives for the thing asked (其中有2辆科普大篷车), read
    with its line: only from a passage holding most of the question's words, in the clause that
    names the thing and close to it (sentences.figure_in).

    Where the document tells it twice with two values (预期目标：刊登10篇 / 实际完成情况：刊登12篇),
    both are shown, what was done first unless the plan is asked."""
    query = request.query
    units = units or units_asked(query.folded, query.kind)
    keys = [w for w in words if len(w) >= 2 and not ASKING_RE.search(w)]
    keys = [] if set(keys) <= MONEY_IN_GENERAL else keys  # 经费 alone names no figure; 办公经费 does
    whole = [w for w in words if not ASKING_RE.search(w)]  # a level's name, every word of it (科普e站)
    if not units or not keys or units is ANY_UNIT and len("".join(whole)) < 4:
        return None
    for bounds in (False, True):
        told = [found for passage in passages for found in [_told_in(request, passage, keys, units, bounds, whole)]
                if found]
        if told:
            break
    else:
        return None
    told = [t for t in told if t[0].source.doc == told[0][0].source.doc]  # one document's, the likeliest's
    facts = _by_stage([fact for fact, _, _ in told], wants_target(query))
    lead, passage, near = next(t for t in told if t[0] is facts[0])
    others = [f for f in facts[1:] if f.value != lead.value]
    doc = next(d for d in request.index.documents if d.doc == lead.source.doc)
    return answered("lookup", said("told_in_sentence", lead, doc=doc, near=near),
                    *([said("told_elsewhere", *others)] if others else []), facts=[lead, *others],
                    source=said("source_line", doc=lead.source.doc, line=lead.source.line), passages=[passage])


def _told_in(request: Request, passage: Passage, keys: list[str], units: tuple[str, ...],
             bounds: bool, whole: list[str]) -> tuple[Fact, Passage, str] | None:
    """The figure one passage gives for the thing asked, as a fact labelled by its stage (planned or done)."""
    by_doc = {d.doc: d for d in request.index.documents}
    present = [k for k in keys if k in passage.text]
    if sum(map(len, present)) * 2 < sum(map(len, keys)) or passage.doc not in by_doc:
        return None
    found = figure_in(passage.text, whole if units is ANY_UNIT else present, units, bounds)
    if found is None:
        return None
    doc = by_doc[passage.doc]
    stage = stage_of(passage.text, found.start)
    thing = "".join(k for k in present if not any(k != other and k in other for other in present))
    fact = Fact.model_construct(
        org=doc.org, year=doc.year, doc_kind=doc.doc_kind, metric=thing, code=None, value=found.value,
        unit=found.unit, basis=f"{BASIS_SENTENCE}：{stage}" if stage else BASIS_SENTENCE,
        source=Source.model_construct(
            doc=passage.doc, line=passage.line + passage.text.count("\n", 0, found.start),
            quote=passage.text[max(0, found.start - 80):found.start + 40]),  # the number is in its quote
        scope=DEPARTMENT, table="正文", item=None, text=None)
    return fact, passage, passage.text[max(0, found.start - 30):found.start + 20].replace("\n", " ")


def _by_stage(facts: list[Fact], target: bool) -> list[Fact]:
    """What was done first (the plan first when asked), then what is told as neither, then the other."""
    wanted, other = (STAGE_TARGET, STAGE_DONE) if target else (STAGE_DONE, STAGE_TARGET)
    return sorted(facts, key=lambda f: 0 if f.basis == f"{BASIS_SENTENCE}：{wanted}" else
                  2 if f.basis == f"{BASIS_SENTENCE}：{other}" else 1)


def catalog(request: Request) -> Reply:
    query, index = request.query, request.index
    org = query.orgs[0].value if query.orgs else None
    docs = index.docs(org) if org else index.documents
    if org:
        metrics = sorted(m for m in index.store.metrics(org=org) if m in METRIC_PARTS)
        return answered("catalog", said("catalog", org=org, docs=docs, metrics=metrics),
                        suggestions=[f"{short(org)}{docs[0].year}年{m}" for m in metrics[:5]])
    return answered("catalog", said("catalog", org=None, docs=docs), suggestions=examples(index.documents))


def definition(request: Request) -> Reply:
    query, store = request.query, request.index.store
    term = metric_of(query, Context())
    definitions = store.first_definitions(term, request.org, limit=4) if term else []  # the first and three more
    in_sentence = said_to_mean(request, term) if term and not definitions else None
    if in_sentence is not None:
        return in_sentence
    if not definitions:
        terms = store.definition_terms()
        return not_found("definition", said("no_definition", term=term or query.words_left(), terms=terms),
                         suggestions=[f"什么是{t}" for t in terms[:5]])
    return answered("definition", said("definition", definitions=definitions))


def said_to_mean(request: Request, term: str) -> Reply | None:
    """A term explained in a sentence outside the 名词解释 (事业收入：指…), found by full-text search."""
    pattern = re.compile(re.escape(term) + r"\s*(?:[:：]\s*(?:是)?指|是指|指的是)")
    passages = [p for p in request.index.store.search([term], limit=40) if pattern.search(p.text)]
    if not passages:
        return None
    first = passages[0]
    start = pattern.search(first.text).start()
    return answered("definition", said("defined_in_sentence", excerpt=first.text[start:start + 200], doc=first.doc,
                                       line=first.line), passages=passages[:4])


def contact(request: Request) -> Reply:
    org, index = request.org, request.index
    if not org:
        return clarify("contact", said("which_org_phone"), suggestions=[f"{d.org}联系电话" for d in index.documents])
    phones = index.store.facts(org=org, metric="联系电话")
    if not phones:
        return not_found("contact", said("no_phone", org=org))
    return answered("contact", said("phones", org=org, numbers=list(dict.fromkeys(f.text for f in phones))),
                    facts=phones, source=said("source", phones[0]))
