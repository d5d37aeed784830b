"""The default featurizer: title, body and name term frequencies plus a MinHash signature.

Stored with the name :data:`LEXICAL_V8`; bump it whenever the output changes for the same input,
so stored features made by an older version are recomputed (``newsprism rebuild``; until then the
clusterer reads older features as they are, without what they lack).
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable

import numpy as np

from ..model import Article
from ..nlp.entities import cjk_place_names
from ..nlp.tokenize import LETTERS, POINTED, names_from, tokens_from, unpointed, words
from ..speedups import native
from .base import ArticleFeatures

__all__ = [
    "LEXICAL_V1",
    "LEXICAL_V2",
    "LEXICAL_V3",
    "LEXICAL_V4",
    "LEXICAL_V5",
    "LEXICAL_V6",
    "LEXICAL_V7",
    "LEXICAL_V8",
    "MAX_SHAPE",
    "LexicalFeaturizer",
    "minhash",
    "minhash_words",
    "paragraph_shape",
    "py_minhash_words",
    "shingles",
    "shingles_from",
]

LEXICAL_V1 = "newsprism.LexicalFeatures.v1"  # without the paragraph shape
LEXICAL_V2 = "newsprism.LexicalFeatures.v2"  # without Japanese and Chinese place names
LEXICAL_V3 = "newsprism.LexicalFeatures.v3"  # a number's thousands groups as numbers of their own
LEXICAL_V4 = "newsprism.LexicalFeatures.v4"  # without China's provinces and cities, Japan's prefectures in Chinese
LEXICAL_V5 = "newsprism.LexicalFeatures.v5"  # without the stop words of Hungarian, Polish, Turkish, Icelandic ...
LEXICAL_V6 = "newsprism.LexicalFeatures.v6"  # the Arabic script's separators ("۲٬۵۰۰", "۲٫۵") parting numbers
LEXICAL_V7 = "newsprism.LexicalFeatures.v7"  # Indic words split at their vowel signs ("पुतिन": "प", "त", "न")
LEXICAL_V8 = "newsprism.LexicalFeatures.v8"
MAX_SHAPE = 64  # paragraphs whose shares are kept

_NUM_PERM = 64
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20211119)  # fixed: signatures must be comparable across runs
_A = _rng.integers(1, 1 << 31, size=_NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, size=_NUM_PERM, dtype=np.uint64)
_SHINGLE_WORD = re.compile(LETTERS)
# Numbers written with digits, read so that a translation gives the same: by their significant
# digits, whatever the magnitude word, separators and zeros.  "15,000", "15 000", "15.000", "15
# тысяч", "15 thousand", "1万5000" and "1万5千" give "15"; "$426 million" and "4億2600万ドル" give
# "426"; "82.29 billion" and "82.290 millones" give "8229"; "2.5" and "2,5" give "25"; "100" gives
# "1".  "26.07.2020" is three numbers ("26", "7", "202"), "2020 100" two.
_SEP = r"[,.\u00a0\u2009\u202f\uff0c\u066c ]"  # and the Arabic script's thousands sign: "۲٬۵۰۰"
_DIGITS = re.compile(
    r"\d+[億亿万萬千]+(?:\d+[億亿万萬千]+)*\d*(?:[・.]\d+)?"  # 4億2600万 / 2万6469・89 / 2億5千万
    rf"|(?<![\d.,\u066b])\d{{1,3}}(?:{_SEP}\d{{3}}(?!\d))+(?:[.,\u066b]\d+)?(?![.,\u066b]?\d)"  # 15,000 / 1,234.5
    r"|(?<![\d.,・\u066b])\d+[.,・\u066b]\d+(?![.,・\u066b]?\d)"  # 82.29 / 2,5 / ２６・５ / ۲٫۵
    r"|\d+"
)
# a run of digits and what can join them into one number: most are digits only, read at once;
# the others are read by _DIGITS (ten times slower over a whole text)
_RUN = re.compile(r"\d(?:[\d,.\u00a0\u2009\u202f\uff0c\u066b\u066c 億亿万萬千・]*[\d億亿万萬千])?")
_NOT_DIGIT = re.compile(r"\D")
_MAGNITUDES = {"億": 10**8, "亿": 10**8, "万": 10**4, "萬": 10**4}
_LONGEST_CJK = 40  # characters of a number with magnitudes read for its value (a longer one: its digits)


def numbers_of(text: str) -> list[str]:
    """The numbers a text writes with digits, by their significant digits (see :data:`_DIGITS`)."""
    out: list[str] = []
    for run in _RUN.findall(text):
        if run.isdigit():
            out.append(_significant(run))
        else:
            out.extend(map(_number, _DIGITS.findall(run)))
    return out


def _number(written: str) -> str:
    """A number's significant digits (:data:`_DIGITS`)."""
    cjk = any(c in _MAGNITUDES or c == "千" for c in written) and len(written) <= _LONGEST_CJK
    if not cjk:
        return _significant(_NOT_DIGIT.sub("", written))
    whole, _, fraction = written.replace("・", ".").partition(".")
    total = section = 0  # the 億 and 万 sections read so far; the value within the current one
    part = ""
    for c in _ascii_digits(whole):
        if c == "千":
            section += int(part or "1") * 1000
            part = ""
        elif c in _MAGNITUDES:
            total += ((section + int(part or "0")) or 1) * _MAGNITUDES[c]
            section, part = 0, ""
        else:
            part += c
    return _significant(str(total + section + int(part or "0")) + _NOT_DIGIT.sub("", fraction))


def _significant(digits: str) -> str:
    """Digits without leading and trailing zeros ("0" for none), in ASCII; no int(): a run of
    thousands of digits is a string, not a number too long to convert."""
    return _ascii_digits(digits).strip("0") or "0"


def _ascii_digits(text: str) -> str:
    """Any script's decimal digits as ASCII ones ("１５" -> "15"); other characters unchanged."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


_MASK32 = np.uint64(0xFFFFFFFF)


_SUBLINEAR = [0.0] + [1.0 + math.log(n) for n in range(1, 512)]  # the same floats, looked up


def _sublinear(counter: Counter[str]) -> dict[str, float]:
    items = sorted(counter.items())
    if counter and max(counter.values()) < len(_SUBLINEAR):
        table = _SUBLINEAR
        return {term: table[n] for term, n in items}
    return {term: 1.0 + math.log(n) for term, n in items}


def shingles(text: str, k: int = 5) -> set[int]:
    """Hashes of the word ``k``-grams of ``text`` (lower-cased words, punctuation ignored)."""
    return shingles_from(_SHINGLE_WORD.findall(unpointed(text.lower())), k)


def shingles_from(words: list[str], k: int = 5) -> set[int]:
    """Hashes of the ``k``-grams of a list of lower-cased words."""
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1)}


def minhash(hashes: set[int]) -> tuple[int, ...]:
    """A 64-value MinHash signature of a set of 32-bit hashes (empty set: all zeros)."""
    if not hashes:
        return (0,) * _NUM_PERM
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    # (a*x + b) mod 2^32 per permutation; a, x < 2^32 so the product fits in 64 bits.
    values = (np.outer(_A, x) + _B[:, None]) & _MASK32
    return tuple(int(v) for v in values.min(axis=1))


def py_minhash_words(words: list[str], k: int = 5) -> tuple[int, ...]:
    """The MinHash signature of the ``k``-grams of a list of lower-cased words."""
    return minhash(shingles_from(words, k))


def _compiled_minhash_words() -> Callable[[list[str], int], tuple[int, ...]] | None:
    module = native()
    if module is None:
        return None
    compiled = module.minhash_words

    def minhash_words(words: list[str], k: int = 5) -> tuple[int, ...]:
        """:func:`py_minhash_words`, compiled (the same CRC-32 hashes and permutations)."""
        out: tuple[int, ...] = compiled(words, k, _A, _B)
        return out

    return minhash_words


minhash_words = _compiled_minhash_words() or py_minhash_words


def paragraph_shape(paragraphs: list[str]) -> tuple[float, ...]:
    """Each paragraph's share of the characters, rounded to 3 decimals; empty when there are more
    than :data:`MAX_SHAPE` paragraphs.  A translation keeps these shares closely (the language
    changes the lengths, not their proportions); an independent report does not."""
    if not paragraphs or len(paragraphs) > MAX_SHAPE:
        return ()
    total = sum(len(p) for p in paragraphs) or 1
    return tuple(round(len(p) / total, 3) for p in paragraphs)


def _lowered(raw: list[str], *texts: str) -> list[str]:
    """Words lower-cased, without Hebrew or Arabic vowel points when the texts have any."""
    low = list(map(str.lower, raw))
    return [unpointed(w) for w in low] if any(POINTED.search(t) for t in texts) else low


class LexicalFeaturizer:
    """Cheap features for every article at ingest time (no model, no network)."""

    name = LEXICAL_V8

    def __init__(self, *, lead_words: int = 0) -> None:
        self.lead_words = lead_words

    def features(self, article: Article) -> ArticleFeatures:
        lang = article.language
        text = article.text
        title_words, text_words = words(article.title), words(text)
        title_counts = Counter(tokens_from(title_words, lang))
        body_counts = title_counts.copy()  # the body view includes the title
        body_counts.update(tokens_from(text_words, lang))
        name_counts = Counter(names_from(title_words, lang))
        name_counts.update(names_from(text_words, lang))
        if lang in ("ja", "zh"):  # no capitals: the gazetteer's places, by their English names
            for place in cjk_place_names(article.title + "\n" + text):
                name_counts.update(names_from(words(place), "en"))
        if article.published is not None:
            name_counts[f"y{article.published.year}"] += 1  # the publication year is evidence too
        paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
        return ArticleFeatures(
            title=_sublinear(title_counts),
            body=_sublinear(body_counts),
            names=_sublinear(name_counts),
            minhash=minhash_words(_lowered(title_words + text_words, article.title, text), 5),
            published=article.published.timestamp() if article.published else None,
            language=lang,
            version=self.name,
            paragraphs=len(paragraphs),
            digits=tuple(sorted(numbers_of(article.title + "\n" + text))),
            shape=paragraph_shape(paragraphs),
        )
