"""Cheap, deterministic tokenisation for the lexical representation.

Words are runs of letters/digits (apostrophes inside words kept), lower-cased, stop words removed,
English words lightly stemmed.  Scripts written without spaces (Chinese, Japanese, Thai) become
overlapping character bigrams.  *Name-like* tokens are the capitalised words and four-digit years of
the text: a cheap stand-in for named entities that needs no model.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from itertools import chain

from .stopwords import stopwords_for

__all__ = [
    "ALPHA",
    "CJK_CHAR",
    "INDIC_MARKS",
    "LETTERS",
    "MARKS",
    "POINTED",
    "POINTS",
    "WORD_CHAR",
    "is_year_token",
    "lead_tokens",
    "name_tokens",
    "names_from",
    "stem",
    "tokens",
    "tokens_from",
    "unpointed",
    "word_count",
    "word_tokens",
    "words",
    "year_tokens",
]


def _marks(low: int = 0x300, high: int = 0x10000) -> str:
    """The combining marks (categories Mn, Mc, Me) from ``low`` to ``high`` (the Basic Multilingual
    Plane) as the body of a regular-expression class.  From the running Python's Unicode database:
    a newer one may add marks of scripts added to it, not change those of the scripts read here."""
    spans: list[list[int]] = []
    for cp in range(low, high):
        if unicodedata.category(chr(cp))[0] == "M":
            if spans and spans[-1][1] == cp - 1:
                spans[-1][1] = cp
            else:
                spans.append([cp, cp])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in spans)


# Python's \w holds letters and digits but not the combining marks that Indic scripts write their
# vowels with ("पुतिन", Putin, is प ु त ि न: \w+ finds "प", "त", "न"), nor Arabic and Hebrew vowel
# points.  A word is a letter or digit, then letters, digits and marks (those of the BMP: Brahmi and
# the other scripts beyond it are not read so).  Tokens and names drop the Hebrew and Arabic points
# (:data:`POINTS`): "مُحَمَّد" is "محمد", as unpointed text writes it.
MARKS = _marks()
INDIC_MARKS = _marks(0x0900, 0x0E00)  # the marks of the Indic scripts only (not the danda, "।")
LETTERS = rf"[^\W_](?:[^\W_]|[{MARKS}])*"
ALPHA = rf"[^\W\d_](?:[^\W\d_]|[{MARKS}])*"  # the same without digits: a word of letters
WORD_CHAR = rf"(?:[^\W_]|[{MARKS}])"  # one character of a word, for lookarounds
POINTS = dict.fromkeys(
    cp for cp in range(0x0590, 0x0700) if unicodedata.category(chr(cp))[0] == "M"
)  # Hebrew and Arabic vowel points and cantillation, for str.translate


POINTED = re.compile("[" + "".join(map(chr, POINTS)) + "]")  # a text holding one


def unpointed(word: str) -> str:
    """A Hebrew or Arabic-script word (or text) without its vowel points; others unchanged."""
    return word.translate(POINTS) if not word.isascii() and POINTED.search(word) else word


_WORD = re.compile(rf"{LETTERS}(?:['’]{LETTERS})*")
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and CJK ideographs: Japanese, Chinese


def word_count(text: str) -> int:
    """How many words ``text`` holds, for lengths and budgets: words between spaces, and in
    Japanese and Chinese, which write none, one word per two characters (an estimate: their
    words are one to three characters long, particles included)."""
    cjk = len(CJK_CHAR.findall(text))
    spaced = sum(1 for w in CJK_CHAR.sub(" ", text).split() if any(c.isalnum() for c in w))
    return spaced + (cjk + 1) // 2


_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ed",
    "es",
    "s",
    "ly",
)


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """A light English suffix stripper: enough to conflate ``checks``/``checked``/``checking``."""
    cached = _STEMS.get(word)
    if cached is not None:
        return cached
    out = _strip(word)
    if len(_STEMS) < 500_000:  # bounded memo: vocabularies repeat, the stripping loop is slow
        _STEMS[word] = out
    return out


def _strip(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def word_tokens(text: str) -> list[str]:
    """The words of ``text`` as written (case kept), apostrophes normalised."""
    return [w.replace("’", "'") for w in _WORD.findall(text)]


_HIRAGANA_PAIR = re.compile(r"[\u3040-\u309f]{2}")


def _bigrams(word: str) -> list[str]:
    """Overlapping character bigrams, without those of two hiragana: particles, endings and
    auxiliaries ("して", "ている", "ました"), Japanese's stop words."""
    if len(word) < 2:
        return [] if _HIRAGANA_PAIR.fullmatch(word * 2) else [word]
    return [word[i : i + 2] for i in range(len(word) - 1) if not _HIRAGANA_PAIR.fullmatch(word, i, i + 2)]


def words(text: str) -> list[str]:
    """The raw words of ``text`` (case kept): the input of the ``*_from`` functions, so one scan
    of a text serves content tokens, names and shingles."""
    return _WORD.findall(text)


def tokens(text: str, language: str | None = None) -> list[str]:
    """Content tokens: lower-cased, stop words dropped, English stemmed, CJK as bigrams."""
    return tokens_from(_WORD.findall(text), language)


_TOKEN_MEMOS: dict[tuple[str | None, frozenset[str]], dict[str, tuple[str, ...]]] = {}
_TOKEN_MEMO_LIMIT = 100_000  # raw words remembered per language and stop list


def _token(raw: str, english: bool, stop: frozenset[str]) -> tuple[str, ...]:
    """The content tokens of one raw word (none, one, or a CJK word's bigrams)."""
    word = unpointed(raw.lower().replace("’", "'"))
    if _NO_SPACE_SCRIPT.search(word):
        return tuple(_bigrams(word))
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or word in stop:
        return ()
    return (stem(word) if english and not word.isdigit() else word,)


def tokens_from(raw_words: list[str], language: str | None = None, *, stop: frozenset[str] | None = None) -> list[str]:
    stop = stopwords_for(language) if stop is None else stop
    memo = _TOKEN_MEMOS.get((language, stop))
    if memo is None:
        memo = _TOKEN_MEMOS[(language, stop)] = {}
    found = list(map(memo.get, raw_words))  # news vocabularies repeat: most words are remembered
    if None in found:
        english = language in (None, "en")
        for i, toks in enumerate(found):
            if toks is None:
                raw = raw_words[i]
                toks = found[i] = _token(raw, english, stop)
                if len(memo) < _TOKEN_MEMO_LIMIT:
                    memo[raw] = toks
    return list(chain.from_iterable(found))  # type: ignore[arg-type]


def lead_tokens(title: str, text: str, language: str | None = None, lead_words: int = 60) -> Counter[str]:
    """Content tokens of a title and the first ``lead_words`` words of its text, counted (what a
    story's label is chosen by)."""
    lead = text.split(maxsplit=lead_words)[:lead_words]  # the rest of the text stays unsplit
    return Counter(tokens(title + "\n" + " ".join(lead), language))


def name_tokens(text: str, language: str | None = None) -> list[str]:
    """Proper-name-like words and years, lower-cased.

    A capitalised word counts as a name unless the same word also appears in lower case in the
    text (then it is a common word at a sentence start or in a headline) or is a stop word.
    """
    return names_from(_WORD.findall(text), language)


_NAME_MEMOS: dict[tuple[str | None, frozenset[str]], dict[str, tuple[str, bool]]] = {}
_NOT_A_NAME = ("", False)


def is_year_token(token: str) -> bool:
    """Whether a name token is a year (``y2020``: the names field writes years so)."""
    return token.startswith("y") and token[1:].isdigit()


def year_tokens(names: Iterable[str]) -> list[str]:
    """The name tokens that are years (:func:`is_year_token`), in order.  The clusterer reads every
    article's names for them: few names start with a "y", and the others are passed over
    without a function call."""
    return [t for t in names if t[:1] == "y" and is_year_token(t)]


def _name(raw: str, stop: frozenset[str]) -> tuple[str, bool]:
    """The name token of one raw word and whether it must not occur lower-cased in the text
    (``("", False)``: not a name)."""
    first = raw[0]
    if first.isupper():
        word = unpointed(raw.lower().replace("’", "'"))
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) >= 2 and word not in stop:
            return word, True
    elif first.isdigit() and _YEAR.match(raw):
        return "y" + raw, False
    return _NOT_A_NAME


def names_from(raw_words: list[str], language: str | None = None) -> list[str]:
    stop = stopwords_for(language)
    memo = _NAME_MEMOS.get((language, stop))
    if memo is None:
        memo = _NAME_MEMOS[(language, stop)] = {}
    found = list(map(memo.get, raw_words))
    if None in found:
        for i, name in enumerate(found):
            if name is None:
                raw = raw_words[i]
                name = found[i] = _name(raw, stop)
                if len(memo) < _TOKEN_MEMO_LIMIT:
                    memo[raw] = name
    # "occurs lower-cased in the text": among the text's distinct words, one starting lower-case
    # (a set built in C, read only for the few name candidates)
    distinct = set(raw_words)
    return [
        word
        for word, cased in found  # type: ignore[misc]
        if word and not (cased and word in distinct and word[0].islower())
    ]


def counts(items: list[str]) -> Counter[str]:
    return Counter(items)
