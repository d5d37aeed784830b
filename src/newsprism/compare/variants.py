"""Quote variants: the same quote from the same speaker, worded differently across sources.

Direct quotes of different independent sources are matched when their speakers agree (same name,
or one name's last word is the other's) and their words overlap enough; a word-level diff shows
the difference.  Across languages (given a dense similarity of the quotes), the speakers' names
are compared by their transliteration keys ("Путин" / "Putin") and the quotes by meaning; such a
pair is a *translated* variant, without a word diff.  Quotes matched to no other source are
reported as appearing in one source only.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence

from ..nlp.entities import same_given_name
from ..nlp.tokenize import LETTERS
from ..nlp.translit import given_name_spelling, hangul, indic, name_key, skeletal, skeletons, word_skeletons
from .base import Quote, QuoteVariant

__all__ = ["diff_words", "match_quotes", "same_speaker", "same_speaker_across"]

_WORD = re.compile(rf"{LETTERS}(?:['’]{LETTERS})*")
_MIN_SIMILARITY = 0.5  # token-sequence similarity of two renderings of one quote
_MIN_DENSE = 0.5  # dense cosine of one quote in two languages (sentence translations: median about 0.6)
# a quote of fewer words is a partial quote ("a 'compelling roadmap'"): it is the other source's
# quote when that one holds all its words in order, but no variant of it (a one-word "roadmap"
# against a 40-word quote is no other wording; "unique technology" matched half of one)
_MIN_VARIANT_WORDS = 4


def _norm_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def same_speaker(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = a.casefold().split(), b.casefold().split()
    if x == y:
        return True
    return bool(x) and bool(y) and (x[-1] == y[-1]) and (len(x) == 1 or len(y) == 1 or x[0] == y[0])


def same_speaker_across(a: str | None, b: str | None) -> bool | None:
    """Speakers written in different scripts: the surnames' transliteration keys agree, and the
    first names' too when both give one ("Владимир Путин" / "Vladimir Putin").  ``None`` when a
    name has no key to compare (a Japanese or Chinese name) or one speaker is a description, not a
    name ("глава американского минфина" / "the head of the US Treasury Department")."""
    if not a or not b or not a.strip() or not b.strip():
        return False
    if skeletal(a.split()[-1]) != skeletal(b.split()[-1]):
        return _across_vowels(a, b)
    if not (a[:1].isupper() and b[:1].isupper()):
        return None
    x, y = a.split(), b.split()
    last_x, last_y = name_key(x[-1]), name_key(y[-1])
    if last_x is None or last_y is None:
        return None
    if last_x != last_y and not _sound_alike(x[-1], y[-1]):
        return False
    if len(x) > 1 and len(y) > 1:
        first_x, first_y = name_key(x[0]), name_key(y[0])
        # "Петр" / "Pyotr": ё written е, a transliteration's "yo"
        return (
            first_x is None
            or first_y is None
            or first_x == first_y
            or same_given_name(x[0], y[0])
            or _sound_alike(x[0], y[0])
        )
    return True


def _across_vowels(a: str, b: str) -> bool | None:
    """A speaker written in Hebrew, the Arabic or an Indic script against one written in letters
    with capitals: one of its words is the other's surname by its consonants
    (:func:`~newsprism.nlp.translit.skeletons`: "פוטין" / "Putin", "راسل" / "Russell", "ज़िरिनोव्स्की"
    / "Zhirinovsky").  ``None`` when the Hebrew or Arabic side is a description ("הנהג", "the
    driver"; it may name its role only), the other is no name, or the side is written in a
    language that marks no description (an Indic script, Hangul; Urdu, told by letters of its own): "फ़ॉरवर्ड",
    "فارورڈ" (the forward) may be Prosa.  Persian marks none either, but its speakers are names
    or a demonstrative's descriptions (:func:`~newsprism.compare.quotes._abjad_speaker`)."""
    written, other = (a, b) if skeletal(a.split()[-1]) else (b, a)
    if not other[:1].isupper():
        return None
    surname = skeletons(other.split()[-1].lower())
    if not surname:
        return None
    if any(not surname.isdisjoint(word_skeletons(w)) for w in written.split()):
        return True
    unmarked = any(c in _UNMARKED_LETTERS or indic(c) or hangul(c) for c in written)
    return None if unmarked or written.startswith(("ה", "ال", "وال")) else False


_UNMARKED_LETTERS = frozenset("ٹڈڑںےہھ")  # Urdu's letters (retroflex t, d, r; nasal n; ے ہ ھ)


_VOWELS = frozenset("aeiou")
_VOWEL_CLASS = {"a": "a", "o": "a", "u": "a", "e": "e", "i": "e"}  # Хокинг / Hawking, Стивен / Stephen
_SILENT_V = re.compile(r"(?<=[aeiou])v(?=[^aeiou])")  # the w of "Hawking", "Bowman"


def _skeleton(token: str) -> tuple[str, str] | None:
    """A name's consonants as transliteration keeps them, and the class of its first vowel:
    "Парфенов" / "Parfyonov" -> ("prvnv", "a"), "Hawking" / "Хокинг" -> ("hknh", "a"); None
    without a spelling (another script) or a vowel."""
    word = given_name_spelling(token)
    if not word:
        return None
    word = _SILENT_V.sub("", word.replace("f", "v"))
    vowel = next((c for c in word if c in _VOWELS), None)
    if vowel is None:
        return None
    return "".join(c for c in word if c not in _VOWELS), _VOWEL_CLASS[vowel]


def _sound_alike(a: str, b: str) -> bool:
    """Two spellings of one foreign name across scripts, where the keys part them: the same
    consonants (four or more), or one consonant apart from five on, the same first letter and
    first vowels alike ("Стивен Хокинг" / "Stephen Hawking", "Парфенов" / "Parfyonov"); not
    "Меркель" / "Markle", "Путин" / "Patton" or "Мюллер" / "Miller"."""
    x, y = _skeleton(a), _skeleton(b)
    if x is None or y is None or x[1] != y[1]:
        return False
    p, q = x[0], y[0]
    if not p or not q or p[0] != q[0] or min(len(p), len(q)) < 4:
        return False
    if p == q:
        return True
    if min(len(p), len(q)) < 5 or abs(len(p) - len(q)) > 1:
        return False
    if len(p) == len(q):
        return sum(c != d for c, d in zip(p, q, strict=True)) == 1
    short, long = (p, q) if len(p) < len(q) else (q, p)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def diff_words(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff of ``a`` against ``b``: ``=`` common, ``-`` only in a, ``+`` only in b."""
    wa, wb = a.split(), b.split()
    key_a, key_b = [_key(w) for w in wa], [_key(w) for w in wb]
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, key_a, key_b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wb[j1:j2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(wa[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(wb[j1:j2])))
    return tuple(out)


def _key(word: str) -> str:
    return "".join(ch for ch in word.lower().replace("’", "'") if ch.isalnum() or ch == "'")


def _similarity(a: Quote, b: Quote) -> float:
    wa, wb = _norm_words(a.text), _norm_words(b.text)
    if not wa or not wb:
        return 0.0
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / min(len(wa), len(wb))


def _across(a: Quote, b: Quote, language_of: Mapping[str, str | None]) -> bool:
    """Are two quotes in different (known) languages?"""
    la, lb = language_of.get(a.article), language_of.get(b.article)
    return bool(la and lb and la != lb)


def repeated_by_copies(
    quotes: Sequence[Quote],
    home_of: Mapping[str, str],
    *,
    language_of: Mapping[str, str | None] | None = None,
    dense_similarity: Callable[[int, int], float] | None = None,
) -> dict[int, int]:
    """The quotes (direct or reported) of copies that repeat a quote of the article their
    source is read from (``home_of``: article -> its original, or the copies' first when the
    original is not compared): the same speaker with the same words, or, in another language, its
    translation (a translation may report what the original quotes).  Listing them too would give
    one quote once per copy, each "only this source".  A quote that the original does not carry
    (or that the rules miss there) is kept from the first copy that has it, once: three
    translations of one report give one quote.  Maps each such quote's index to the index of the
    quote it repeats (the original's, or the copy's kept first)."""
    languages = language_of or {}
    home_quotes: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        if home_of.get(q.article, q.article) == q.article:
            home_quotes.setdefault(q.article, []).append(i)

    def repeats(i: int, j: int) -> bool:
        q, h = quotes[i], quotes[j]
        if _across(q, h, languages):
            return (
                dense_similarity is not None
                and same_speaker_across(q.speaker, h.speaker) is not False
                and dense_similarity(i, j) >= _MIN_DENSE
            )
        if not same_speaker(q.speaker, h.speaker):
            return False
        # two translations of one text word a quote each their own way: their meaning decides too
        return _similarity(q, h) >= _MIN_SIMILARITY or (
            dense_similarity is not None and dense_similarity(i, j) >= _MIN_DENSE
        )

    out: dict[int, int] = {}
    kept: dict[str, list[int]] = {}  # per source, the copies' quotes kept so far
    for i, q in enumerate(quotes):
        home = home_of.get(q.article, q.article)
        if home == q.article:
            continue
        found = next((j for j in home_quotes.get(home, []) if repeats(i, j)), None)
        if found is None:
            found = next((j for j in kept.get(home, []) if quotes[j].article != q.article and repeats(i, j)), None)
        if found is None:
            kept.setdefault(home, []).append(i)
        else:
            out[i] = found
    return out


def match_quotes(
    quotes: Sequence[Quote],
    group_of: Mapping[str, str],
    *,
    language_of: Mapping[str, str | None] | None = None,
    dense_similarity: Callable[[int, int], float] | None = None,
) -> tuple[list[QuoteVariant], set[int]]:
    """Variants (same speaker, similar words, different wording) across independent sources, and
    the indices of the quotes that another source also carries (identically or as a variant).

    ``language_of`` (article -> language) and ``dense_similarity`` (the cosine of two quotes' dense
    vectors, by index into ``quotes``) let quotes in different languages match as translations."""
    direct = [(i, q) for i, q in enumerate(quotes) if q.kind == "direct"]
    languages = language_of or {}
    pairs: list[tuple[float, int, int]] = []
    partial: set[int] = set()  # a short quote and the longer one that holds it
    for x, (i, a) in enumerate(direct):
        for j, b in direct[x + 1 :]:
            if group_of.get(a.article) == group_of.get(b.article):
                continue
            if _across(a, b, languages):
                speakers = same_speaker_across(a.speaker, b.speaker)
                if dense_similarity is None or speakers is False:
                    continue
                s = dense_similarity(i, j)
                if s >= _MIN_DENSE:  # speakers agree, or one name has no key (Japanese, Chinese)
                    pairs.append((s, i, j))
                continue
            if not same_speaker(a.speaker, b.speaker):
                continue
            s = _similarity(a, b)
            if min(len(_norm_words(a.text)), len(_norm_words(b.text))) < _MIN_VARIANT_WORDS:
                if s >= 1.0:
                    partial.update((i, j))
                continue
            if s >= _MIN_SIMILARITY:
                pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    shared: set[int] = set(partial)
    used: set[tuple[int, str]] = set()  # a quote matches at most one quote per other source group
    variants: list[QuoteVariant] = []
    for _, i, j in pairs:
        a, b = quotes[i], quotes[j]
        ga, gb = group_of.get(a.article, a.article), group_of.get(b.article, b.article)
        if (i, gb) in used or (j, ga) in used:
            continue
        used.add((i, gb))
        used.add((j, ga))
        shared.update((i, j))
        if _across(a, b, languages):
            variants.append(QuoteVariant(speaker=a.speaker or b.speaker, quotes=(a, b), diff=(), translated=True))
        elif _norm_words(a.text) != _norm_words(b.text):
            variants.append(
                QuoteVariant(speaker=a.speaker or b.speaker, quotes=(a, b), diff=diff_words(a.text, b.text))
            )
    return variants, shared
