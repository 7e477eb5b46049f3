"""Chinese text primitives: folding, numbers, years and word segmentation.

Pure functions over strings. jieba is imported lazily, only by `segment`, because loading
its dictionary costs most of a second and a structured question never needs it.
"""
from __future__ import annotations

import marshal
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

QUOTES = "“”‘’\"'「」『』《》〈〉"
# Synonym spellings folded to one form before any matching (运维费 = 运行维护费).
SPELLING_FOLDS = (("运维", "运行维护"), ("(类)", ""), ("(款)", ""), ("(项)", ""))

NUMBER = r"-?\d+(?:,\d{3})*(?:\.\s?\d+)?|-?\.\d+"
NUMBER_RE = re.compile(rf"^(?:{NUMBER})$")
CHINESE_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3",
                  "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
YEAR_PATTERNS = (
    # A bare 2000 followed by a unit is an amount (超过2000元), not a year.
    re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:年度?|(?!\s*(?:[\d.]|元|万|亿|千|百|人|名|辆|台|个|次|项|%|％|平方|倍)))"),
    re.compile(r"(?<![\d.])(\d{2})年"),
    re.compile(r"([〇零○一二三四五六七八九]{4})年"),
    re.compile(r"([〇零○一二三四五六七八九]{2})年"),
)


# re's \s on str is exactly str.isspace(); one substitution instead of a loop over characters.
DROPPED_RE = re.compile(rf"[\s{re.escape(QUOTES)}]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Text as compared: NFKC (full-width to half-width), no quotes or spaces, one spelling.

    Cached: the parser folds the same labels and names hundreds of thousands of times a build.
    """
    text = DROPPED_RE.sub("", unicodedata.normalize("NFKC", text))
    for variant, standard in SPELLING_FOLDS:
        if variant in text:
            text = text.replace(variant, standard)
    return text


def clean(text: str) -> str:
    """Text as shown: control characters and runs of blanks removed, ends stripped."""
    text = "".join(ch if ch.isprintable() or ch in "\t\n" else " " for ch in text)
    return re.sub(r"[ \t\u3000]+", " ", text).strip()


def parse_amount(cell: str) -> Decimal | None:
    """A table cell or figure as a Decimal: '5,693,444.30 ' -> 5693444.30; '' or '-' -> None."""
    raw = unicodedata.normalize("NFKC", cell).strip().replace(",", "").replace(" ", "")
    if not raw or not NUMBER_RE.match(raw):
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def is_blank_cell(cell: str) -> bool:
    return unicodedata.normalize("NFKC", cell).strip() in ("", "-", "—", "——", "/")


def format_amount(value: Decimal) -> str:
    """Plain decimal notation, the document's precision kept: Decimal('55.00') -> '55.00'."""
    text = format(value, "f")
    return text


def to_wan(value: Decimal, unit: str) -> Decimal | None:
    """A money figure in 万元, exactly."""
    factors = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}
    if unit not in factors:
        return None
    return (value * factors[unit]).normalize() if unit != "万元" else value


def _year_from(digits: str) -> int:
    digits = "".join(CHINESE_DIGITS.get(ch, ch) for ch in digits)
    year = int(digits)
    return year + 2000 if year < 100 else year


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Years mentioned in a question, as (year, start, end): 2022, 2022年, 22年, 二〇二二年."""
    found: list[tuple[int, int, int]] = []
    taken: set[int] = set()
    for pattern in YEAR_PATTERNS:
        for match in pattern.finditer(text):
            span = range(match.start(), match.end())
            if taken.intersection(span):
                continue
            year = _year_from(match.group(1))
            if 1990 <= year <= 2099:
                found.append((year, match.start(), match.end()))
                taken.update(span)
    return sorted(found, key=lambda item: item[1])


# A word the index must keep whole (an org, alias or metric name) weighs this much in jieba.
KEPT_WORD_FREQ = 200000
JIEBA_BLOCK_RE = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")  # jieba's re_han_default
PUNCTUATION_RE = re.compile(r"[^\w]+")

_JIEBA_WORDS: list[str] = []
_ACTIVE: dict = {"key": None, "load": None}


def add_words(words: list[str]) -> None:
    """Words jieba must keep whole when no index dictionary is in use (see `use_dictionary`)."""
    _JIEBA_WORDS.extend(words)
    _default_tokenizer.cache_clear()


def use_dictionary(key: str | None, load=None) -> None:
    """Segment with an index's own dictionary from now on; load() -> (frequencies, total).

    Loaded on the first `segment` call, once per key: a structured question never pays for it.
    The last index opened wins, so one process should ask one index at a time.
    """
    _ACTIVE.update(key=key, load=load)


def segment(text: str, tokenizer=None) -> list[str]:
    """Words of a text for the full-text index and its queries (the same function for both).

    jieba's search cut of the folded text: each word, after the two- and three-character
    words of the dictionary inside it. tokenizer: what `build_tokenizer` made (at build); by
    default the active index's dictionary.
    """
    return [w.strip() for word, inner in _search_cut(text, tokenizer) for w in (*inner, word) if _is_word(w)]


class IndexCut(NamedTuple):
    """A passage as an index keeps it: its text and its words share the characters."""

    pieces: list[str]  # the text in pieces that join back to it exactly, a word of the cut where found as written
    unplaced: list[str]  # the words of the cut not found as written (folding changed them: 运维, "合 计")
    inner: list[tuple[str, str]]  # (a dictionary word of two or three characters inside a word, that word)


def cut_for_index(text: str, tokenizer) -> IndexCut:
    """The passage as `segment` cuts it, with each inner word apart: `segment`'s words are the
    words of the pieces and unplaced, and each inner word of them."""
    pieces, unplaced, inner, at = [], [], [], 0
    for word, parts in _search_cut(text, tokenizer):
        if not _is_word(word):
            continue
        inner.extend((part.strip(), word.strip()) for part in parts if _is_word(part))
        found = text.find(word, at)
        if found < 0:
            unplaced.append(word.strip())
            continue
        if found > at:
            pieces.append(text[at:found])
        pieces.append(word)
        at = found + len(word)
    if at < len(text):
        pieces.append(text[at:])
    return IndexCut(pieces, unplaced, inner)


def _search_cut(text: str, tokenizer=None) -> Iterator[tuple[str, list[str]]]:
    """(word, the dictionary's words of two and three characters inside it), as jieba's
    cut_for_search finds them."""
    if tokenizer is None:
        tokenizer = _text_tokenizer(fold(text))
    known = tokenizer.FREQ
    for word in tokenizer.cut(fold(text)):
        inner = [word[i:i + n] for n in (2, 3) if len(word) > n for i in range(len(word) - n + 1)
                 if known.get(word[i:i + n])]
        yield word, inner


def _is_word(word: str) -> bool:
    return bool(word.strip()) and not PUNCTUATION_RE.fullmatch(word.strip())


def build_tokenizer(kept_words: list[str]):
    """jieba's full dictionary plus the words to keep whole: what an index is segmented with.

    The total stays jieba's (add_word would raise it): then two indexes cut a text the same
    way wherever their dictionaries agree on the words that occur in it.
    """
    base_freq, base_total = _jieba_dictionary()
    return _tokenizer_of(_with_kept(dict(base_freq), kept_words), base_total)


def tokenizer_for(kept_words: list[str], texts: Iterable[str]):
    """`build_tokenizer(kept_words)` for cutting these texts only: over the dictionary's words that
    occur in them, looked up on disk when they are few (see jieba_words), cutting them the same."""
    from . import jieba_words

    blocks = [block for text in texts for block in JIEBA_BLOCK_RE.findall(fold(text))]
    found = jieba_words.words_in(blocks, _words_table()) if jieba_words.lookup_pays(blocks) else None
    if found is None:
        return build_tokenizer(kept_words)
    freq, total = found
    return _tokenizer_of(_with_kept(freq, kept_words), total)


def _with_kept(freq: dict[str, int], kept_words: list[str]) -> dict[str, int]:
    for word in kept_words:
        freq[word] = KEPT_WORD_FREQ
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq


def occurring_words(tokenizer, texts) -> dict[str, int]:
    """Every dictionary word that occurs in the texts, with its frequency.

    jieba only ever looks up words that occur in the text it cuts (its DAG), so with these
    words and the same total it cuts these texts exactly as with the full dictionary, and the
    dictionary saved with an index is a few hundred kilobytes instead of jieba's 5 MB.
    """
    freq, found = tokenizer.FREQ, {}
    for text in texts:
        for block in JIEBA_BLOCK_RE.findall(fold(text)):
            for k in range(len(block)):
                end = k + 1
                while end <= len(block) and block[k:end] in freq:
                    if freq[block[k:end]]:
                        found[block[k:end]] = freq[block[k:end]]
                    end += 1
    return found


def dictionary_tokenizer(words: dict[str, int], total: int):
    """A tokenizer over a saved dictionary (see `occurring_words`)."""
    freq = dict(words)
    for word in words:
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return _tokenizer_of(freq, total)


def _text_tokenizer(folded: str):
    """A tokenizer over the active index's words that occur in this (folded) text.

    jieba looks up only the text's own substrings (its DAG, the words inside words), so over
    these words and the same total it cuts the text exactly as over the whole dictionary, and a
    question does not build the prefixes of every word of a large index (20 ms at 1,000 documents).
    """
    loaded = _index_dictionary(_ACTIVE["key"]) if _ACTIVE["key"] else None
    if not loaded:
        return _default_tokenizer()
    words, total, longest = loaded
    occurring = {part: words[part] for start in range(len(folded))
                 for part in (folded[start:end] for end in range(start + 1, min(len(folded), start + longest) + 1))
                 if part in words}
    return dictionary_tokenizer(occurring, total)


@lru_cache(maxsize=2)
def _index_dictionary(key: str) -> tuple[dict[str, int], int, int] | None:
    """The active index's dictionary: (frequencies, total, length of the longest word)."""
    loaded = _ACTIVE["load"]() if _ACTIVE["key"] == key and _ACTIVE["load"] else None
    return (*loaded, max(map(len, loaded[0]), default=0)) if loaded else None


@lru_cache(maxsize=1)
def _default_tokenizer():
    return build_tokenizer(_JIEBA_WORDS)


@lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict[str, int], int]:
    tokenizer = _jieba().Tokenizer()
    tokenizer.tmp_dir = str(_cache_folder())
    loaded = _jieba_cache(Path(tokenizer.tmp_dir) / "jieba.cache")
    if not loaded:
        tokenizer.initialize()  # builds the prefix dictionary from jieba's own file and caches it
        loaded = tokenizer.FREQ, tokenizer.total
    from . import jieba_words

    jieba_words.save(*loaded, _words_table())  # once: the next build of a few texts looks words up
    return loaded


def _cache_folder() -> Path:
    """Where jieba's dictionary is cached for this package (the temporary folder when home is not writable)."""
    cache = Path.home() / ".cache" / "kexie-chat"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile

        return Path(tempfile.gettempdir())
    return cache


def _words_table() -> Path:
    """Where jieba's dictionary is kept as a table (see jieba_words), named by jieba's version and
    dictionary file, beside jieba's own cache."""
    jieba = _jieba()
    try:
        size = Path(jieba.__file__).with_name("dict.txt").stat().st_size
    except OSError:
        size = 0
    return _cache_folder() / f"jieba-words-{getattr(jieba, '__version__', '?')}-{size}.sqlite"


def _jieba_cache(path: Path) -> tuple[dict[str, int], int] | None:
    """The prefix dictionary jieba cached for its default dictionary, read as jieba reads it.

    jieba's marshal.load(file) pulls the 9 MB file through a read call per object; loading
    the bytes at once gives the same dictionary four times faster (1.4 s -> 0.35 s here).
    """
    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return (freq, total) if isinstance(freq, dict) else None


def _tokenizer_of(freq: dict[str, int], total: int):
    tokenizer = _jieba().Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer


def _jieba():
    """jieba, imported without pkg_resources: jieba._compat imports it only to locate its own
    dictionary file, and importing it costs more (80 ms) than the rest of jieba."""
    if "jieba" not in sys.modules:
        blocked = "pkg_resources" not in sys.modules
        if blocked:
            sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
        try:
            import jieba
        finally:
            if blocked and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
        jieba.setLogLevel("WARNING")
    return sys.modules["jieba"]
