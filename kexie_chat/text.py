"""Chinese text primitives: folding, numbers, years and word segmentation.

Pure functions over strings. jieba is imported lazily, only by `segment`, because loading
its dictionary costs most of a second and a structured question never needs it.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

QUOTES = "“”‘’\"'「」『』《》〈〉"
# Synonym spellings folded to one form before any matching (运维费 = 运行维护费).
SPELLING_FOLDS = (("运维", "运行维护"), ("(类)", ""), ("(款)", ""), ("(项)", ""))

NUMBER = r"-?\d+(?:,\d{3})*(?:\.\s?\d+)?|-?\.\d+"
NUMBER_RE = re.compile(rf"^(?:{NUMBER})$")
CHINESE_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3",
                  "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
YEAR_PATTERNS = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|年度)?(?!\d)"),
    re.compile(r"(?<![\d.])(\d{2})年"),
    re.compile(r"([〇零○一二三四五六七八九]{4})年"),
    re.compile(r"([〇零○一二三四五六七八九]{2})年"),
)


def fold(text: str) -> str:
    """Text as compared: NFKC (full-width to half-width), no quotes or spaces, one spelling."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if ch not in QUOTES and not ch.isspace())
    for variant, standard in SPELLING_FOLDS:
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


_JIEBA_WORDS: list[str] = []


def add_words(words: list[str]) -> None:
    """Words jieba must keep whole (org and metric names); applied when jieba loads."""
    _JIEBA_WORDS.extend(words)
    if _tokenizer.cache_info().currsize:
        for word in words:
            _tokenizer().add_word(word, freq=200000)


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    cache = Path.home() / ".cache" / "kexie-chat"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache)
    except OSError:
        pass
    for word in _JIEBA_WORDS:
        tokenizer.add_word(word, freq=200000)
    return tokenizer


def segment(text: str) -> list[str]:
    """Words of a text for the full-text index and its queries (the same function for both)."""
    words = []
    for word in _tokenizer().cut_for_search(fold(text)):
        word = word.strip()
        if word and not re.fullmatch(r"[^\w]+", word):
            words.append(word)
    return words
