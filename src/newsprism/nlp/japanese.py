"""Japanese names read by a morphological analyser, with their readings in Latin letters.

Japanese writes no spaces and no capitals, so the rules of :mod:`newsprism.nlp.entities` find a
Japanese person only in front of a title ("吉村知事") and a place only when the gazetteer has it.
With the optional extra ``ja`` (fugashi and its UniDic dictionary, unidic-lite, all from PyPI:
``pip install 'newsprism[ja]'``) every word is tagged: UniDic marks proper nouns as a person's
surname or given name, a place, or another name, and gives their reading in kana.  The reading,
romanised by :func:`kana_latin`, is what lets "大久保愉一" meet "Yoichi Okubo" of an English report
(the transliteration keys of :mod:`newsprism.nlp.translit`); for a foreign name UniDic's lemma
carries the original spelling ("バイデン-Biden").

:func:`japanese_names` takes any :class:`MorphAnalyser` (tests inject a fake);
:func:`default_analyser` is fugashi's tagger when the extra is installed, else ``None`` and callers
keep the rules alone.  The setting ``ja_analyser`` (``--no-ja-analyser``, ``NEWSPRISM_JA_ANALYSER=off``)
turns it off.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

__all__ = [
    "ANALYSER_NAME",
    "JapaneseName",
    "MorphAnalyser",
    "Morpheme",
    "default_analyser",
    "japanese_names",
    "kana_latin",
    "katakana_sound",
    "latin_sounds",
]

logger = logging.getLogger(__name__)

ANALYSER_NAME = "fugashi+unidic-lite"


@dataclass(frozen=True, slots=True)
class Morpheme:
    """One word of a Japanese text: its span, part of speech (UniDic's first three levels and the
    fourth, e.g. ``("名詞", "固有名詞", "人名", "姓")``), reading in katakana and lemma."""

    start: int
    end: int
    surface: str
    pos: tuple[str, str, str, str]
    reading: str | None = None
    lemma: str | None = None


class MorphAnalyser(Protocol):
    """Splits a Japanese text into :class:`Morpheme` s, in order, with offsets into the text."""

    name: str

    def __call__(self, text: str) -> list[Morpheme]: ...


class FugashiAnalyser:
    """fugashi (MeCab) with the UniDic dictionary of unidic-lite."""

    name = ANALYSER_NAME

    def __init__(self) -> None:
        import fugashi

        self._tagger = fugashi.Tagger()

    def __call__(self, text: str) -> list[Morpheme]:
        out: list[Morpheme] = []
        pos = 0
        for word in self._tagger(text):
            surface = word.surface
            start = text.find(surface, pos)
            if start < 0:  # MeCab never rewrites a surface; be safe all the same
                continue
            pos = start + len(surface)
            f = word.feature
            tags = (f.pos1 or "*", f.pos2 or "*", f.pos3 or "*", f.pos4 or "*")
            out.append(Morpheme(start, pos, surface, tags, f.kana or None, f.lemma or None))
        return out


@cache
def _fugashi() -> FugashiAnalyser | None:
    try:
        return FugashiAnalyser()
    except Exception as exc:  # ImportError, or a tagger without its dictionary
        logger.debug("no Japanese analyser (%s): install the extra 'ja' for Japanese names", exc)
        return None


def default_analyser() -> MorphAnalyser | None:
    """fugashi's tagger when the extra ``ja`` is installed (and ``NEWSPRISM_JA_ANALYSER`` is not
    ``off``), else ``None``."""
    if os.environ.get("NEWSPRISM_JA_ANALYSER", "").lower() in ("off", "0", "no", "false"):
        return None
    return _fugashi()


# --- kana to Latin letters (Hepburn, long vowels written once) -------------------------------------

_KANA = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n", "ヴ": "vu",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
}  # fmt: skip
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_LONG_VOWEL = re.compile(r"ou(?!e)|oo|uu|aa|ii|ee")  # but イノウエ: "Inoue"


def kana_latin(kana: str) -> str | None:
    """A reading in hiragana or katakana in Latin letters: "オオクボ" -> "okubo", "シンゾウ" ->
    "shinzo", "キョウト" -> "kyoto", "コウイチ" -> "koichi", "イノウエ" -> "inoue".  ``None`` when it
    holds anything else."""
    chars = [chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in kana]  # hiragana -> katakana
    out: list[str] = []
    double = False
    for c in chars:
        if c == "ッ":
            double = True
            continue
        if c == "ー":
            continue  # a long vowel: written once
        if c in _SMALL_Y and out:
            prev = out.pop()
            stem = prev[:-1] if prev.endswith("i") else prev
            syllable = stem + ("" if stem.endswith(("sh", "ch", "j")) else "y") + _SMALL_Y[c]
        elif c in _KANA:
            syllable = _KANA[c]
        else:
            return None
        if double and syllable[0] not in "aeiou":
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    word = "".join(out)
    return _LONG_VOWEL.sub(lambda m: m.group()[0], word) or None


# --- katakana against Latin spelling ----------------------------------------------------------------
# A foreign name in katakana ("プーチン", "ケンドリック・ナン") spells its sound, not its letters; both
# sides are reduced to the consonants a Japanese ear keeps, each as a class: b and v; r and l; s, z,
# sh, j and ts; t and ch (チ writes "ti": "Putin"); m and n before another consonant.  Japanese adds
# a vowel after a final consonant ("トラウト" torauto) and English keeps silent letters ("Wright");
# vowels, w and y are left out.  A Latin name has up to four sounds: with its r after a vowel
# (German, Spanish, "メルケル" Merkel) or without it (English, "スター" Star), with a g before e or i
# hard or soft ("Germain", "Angeles").

_JA_SOUNDS = (("tch", "t"), ("sh", "s"), ("ch", "t"), ("ts", "s"), ("j", "s"), ("z", "s"), ("v", "b"), ("l", "r"))
_EN_START = (("kn", "n"), ("wr", "r"), ("wh", "h"), ("ps", "s"), ("pn", "n"), ("th", "t"), ("gh", "g"))
_EN_SOUNDS = (
    ("tch", "t"), ("sch", "s"), ("chr", "kr"), ("chl", "kr"), ("ch", "t"), ("sh", "s"), ("th", "s"),
    ("tio", "sio"), ("ph", "f"), ("gh", ""), ("ck", "k"), ("dg", "s"), ("tz", "s"), ("ts", "s"),
    ("c", "k"), ("x", "ks"), ("qu", "k"), ("q", "k"), ("j", "s"), ("z", "s"), ("v", "b"), ("l", "r"),
)  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")
_SOFT_G = re.compile(r"g(?=[eiy])")
_NON_RHOTIC = re.compile(r"(?<=[aeiouy])r+(?![aeiouy])")
_CONSONANTS = frozenset("bdfghkmnprst")
_NAME_JOINERS = str.maketrans("", "", "・＝=")


def _consonants(word: str, *, keep_h: bool) -> list[str]:
    return [c for i, c in enumerate(word) if c in _CONSONANTS and (keep_h or c != "h" or i == 0)]


def _skeleton(cons: list[str]) -> str:
    """Consonants already written in the shared letters: a nasal before another consonant as
    "n" (vowels are gone by now: katakana writes "Williams" ウィリアムズ, "Mubarak" ムバラク with
    a vowel after the m, so either side may have one), repeats squeezed.  "Neymar" is then "nr",
    too short to match: the price of matching those."""
    cons = ["n" if c == "m" and i + 1 < len(cons) else c for i, c in enumerate(cons)]
    return "".join(c for i, c in enumerate(cons) if i == 0 or c != cons[i - 1])


@lru_cache(maxsize=16384)
def katakana_sound(name: str) -> str | None:
    """The consonant classes a katakana name sounds ("プーチン" -> "ptn", "ケンドリック・ナン" ->
    "kndrkn"), or ``None`` when it is not all kana."""
    latin = kana_latin(name.translate(_NAME_JOINERS))
    if latin is None:
        return None
    for old, new in _JA_SOUNDS:
        latin = latin.replace(old, new)
    return _skeleton(_consonants(latin, keep_h=True))


def _word_sounds(word: str) -> set[tuple[str, ...]]:
    for old, new in _EN_START:
        if word.startswith(old):
            word = new + word[len(old) :]
            break
    word = _SOFT_C.sub("s", word)
    out = set()
    for g in {word, _SOFT_G.sub("j", word)}:
        for r in {g, _NON_RHOTIC.sub("", g)}:
            for old, new in _EN_SOUNDS:
                r = r.replace(old, new)
            out.add(tuple(_consonants(r, keep_h=False)))
    return out


MAX_SOUND_WORDS = 5


@lru_cache(maxsize=65536)
def latin_sounds(name: str) -> frozenset[str]:
    """The consonant classes a Latin-spelt name may sound as katakana writes it ("Putin" ->
    {"ptn"}, "Warner" -> {"n", "rnr"}); empty when it holds other letters or more than
    :data:`MAX_SOUND_WORDS` words (each word may sound up to four ways: the sounds of a long name
    would be too many to list)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    words = re.split(r"[\s\-]+", plain.replace("'", "").replace("’", ""))
    if len(words) > MAX_SOUND_WORDS or not all(w.isascii() and w.isalpha() for w in words):
        return frozenset()
    combos: set[tuple[str, ...]] = {()}
    for w in words:
        combos = {c + s for c in combos for s in _word_sounds(w)}
    return frozenset(_skeleton(list(c)) for c in combos)


# --- names ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JapaneseName:
    """A name found by the analyser: ``kind`` person | place | other, ``latin`` its reading in Latin
    letters ("Yoichi Okubo": given name first, as English reports write it) or ``None``."""

    start: int
    end: int
    name: str
    kind: str
    latin: str | None


def _latin(m: Morpheme) -> str | None:
    """A name word in Latin letters: the original spelling UniDic keeps for a foreign word
    ("バイデン-Biden"), else the romanised reading."""
    plain = unicodedata.normalize("NFKC", m.surface)
    if plain.isascii() and plain.isalnum():
        return plain  # "ＡＢＣ": Latin letters written full-width
    if m.lemma and "-" in m.lemma:
        foreign = m.lemma.rsplit("-", 1)[1]
        if foreign.isascii() and foreign.isalpha():
            return foreign.capitalize() if foreign.islower() else foreign
    latin = kana_latin(m.reading) if m.reading else None
    return latin.capitalize() if latin else None


def _proper(m: Morpheme) -> str | None:
    """person-surname | person-given | person | place | other, or None for other words."""
    if m.pos[0] != "名詞" or m.pos[1] != "固有名詞":
        return None
    if m.pos[2] == "人名":
        return {"姓": "person-surname", "名": "person-given"}.get(m.pos[3], "person")
    if m.pos[2] == "地名":
        return "place"
    return "other"


_KATAKANA_WORD = re.compile(r"[ァ-ヴ][ァ-ヴー]*")


def _foreign_name_end(words: list[Morpheme], i: int) -> int:
    """Where the foreign name that starts with the katakana proper noun ``words[i]`` ends: the
    katakana proper nouns right after it ("ネイ" "マール": Neymar) and the katakana words after a
    "・", each up to the next "・" ("タイラー" "・" "ヒーロー": Tyler Herro, whose "ヒーロー" is a
    common noun too; "ボストン" "・" "レッド" "ソックス": Boston Red Sox).  Places are not joined
    ("ロシア・ウクライナ", "プーチン・ロシア大統領"), except a place before common nouns (a team's
    name)."""
    if not _KATAKANA_WORD.fullmatch(words[i].surface):
        return i + 1
    place = _proper(words[i]) == "place"
    j = i + 1
    while j < len(words):
        if (
            words[j].surface == "・"
            and j + 1 < len(words)
            and words[j].start == words[j - 1].end
            and words[j + 1].start == words[j].end
            and _KATAKANA_WORD.fullmatch(words[j + 1].surface)
            and _proper(words[j + 1]) != "place"  # "プーチン・ロシア大統領": Putin, then Russia
            and not (place and _proper(words[j + 1]) is not None)  # "ロンドン・パリ": two places
        ):
            j += 2
            while j < len(words) and words[j].start == words[j - 1].end and _KATAKANA_WORD.fullmatch(words[j].surface):
                j += 1  # "レッド" "ソックス": one word of the name, cut in two
        elif (
            words[j].start == words[j - 1].end
            and _KATAKANA_WORD.fullmatch(words[j].surface)
            and _proper(words[j]) not in (None, "place")
            and not place
        ):
            j += 1
        else:
            break
    return j


def japanese_names(text: str, analyser: MorphAnalyser) -> list[JapaneseName]:
    """People (a surname and the given names after it), places and other proper names in ``text``."""
    words = analyser(text)
    out: list[JapaneseName] = []
    i = 0
    while i < len(words):
        kind = _proper(words[i])
        if kind is None:
            i += 1
            continue
        j = _foreign_name_end(words, i)
        if j > i + 1:
            # ネイ|マール, ジョー|・|バイデン: a foreign name the analyser cut into pieces
            pieces = [w for w in words[i:j] if w.surface != "・"]
            kinds = {k for k in map(_proper, pieces) if k is not None}  # "ヒーロー" is no proper noun
            kind = "person" if all(k.startswith("person") for k in kinds) else "other"
            latins = [_latin(w) for w in pieces]
            joined = len(pieces) < j - i  # written with "・": each piece is a word of the name
            latin = " ".join(p or "" for p in latins) if joined and all(latins) else None
            start, end = words[i].start, words[j - 1].end
            out.append(JapaneseName(start, end, text[start:end], kind, latin))
            i = j
            continue
        j = i + 1
        if kind.startswith("person"):
            # 安倍 晋三, 柳田 悠 岐: the surname, then the pieces of the given name
            while j < len(words) and _proper(words[j]) == "person-given" and words[j].start == words[j - 1].end:
                j += 1
            pieces = [(_latin(w), _proper(w) == "person-given") for w in words[i:j]]
            latin: str | None = None
            if all(p for p, _ in pieces):
                sur = "".join(p or "" for p, given in pieces if not given)
                first = "".join(p or "" for p, given in pieces if given).capitalize()
                latin = f"{first} {sur}".strip() if first else sur
            kind = "person"
        else:
            while j < len(words) and _proper(words[j]) == kind and words[j].start == words[j - 1].end:
                j += 1  # several proper nouns of one kind in a row make one name
            parts = [_latin(w) for w in words[i:j]]
            latin = " ".join(p for p in parts if p) if all(parts) else None
        start, end = words[i].start, words[j - 1].end
        out.append(JapaneseName(start, end, text[start:end], kind, latin))
        i = j
    return out
