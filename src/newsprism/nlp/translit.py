"""A spelling-blind key for names across scripts: "Овечкин", "Ovechkin" and "Owetschkin" agree.

Cross-language joins rest on the meaning of a title and lead (a dense vector), which reads two
reports of *another* parade, contract or court case alike.  The names they carry do not: a report
of Putin at the Kronstadt parade names Путин and Кронштадт, the English story Putin and Kronstadt.
:func:`name_key` maps a name token written in Latin, Cyrillic or Greek letters to a short key that
common transliterations and inflected endings of one name share:

- Cyrillic and Greek letters are transliterated letter by letter (``х`` → ``kh``, ``щ`` → ``shch``,
  ``θ`` → ``th``); Latin letters lose their diacritics (``ł``, ``ø``, ``đ``, ``ð`` ... have a value);
- spellings that transliteration schemes disagree on are merged (``kh``/``h``, ``y``/``j``/``i``,
  ``w``/``v``, ``ts``/``tz``/``c``, ``x``/``ks``, doubled letters ...), Hungarian ``sz``/``zs``/``cs``
  and Polish ``cz`` read as English spells their sounds ("Szergej" / "Sergei"), and ``g`` with ``h``: Ukrainian
  ``г`` is an h ("Голешовіце", Holešovice), and Russian writes a foreign h with it ("Гамбург");
- the key is the first five letters, so case endings ("Путина", "Кронштадте") do not matter.

Tokens shorter than four letters after this, or holding other scripts (CJK, Arabic ...), have no
key: they would agree by chance.  The key is evidence, not identity: two different names can share
one, which is why callers count agreeing names.  :func:`transliterated` tells which tokens were
written in another script: names shared in one script are lexical evidence already.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["KEY_LENGTH", "given_name_spelling", "name_key", "spelling", "transliterated"]

KEY_LENGTH = 5
_MIN_LETTERS = 4

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian, Belarusian, Serbian, Macedonian, Kazakh
    "і": "i", "ї": "i", "є": "ye", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj",
    "ћ": "c", "џ": "dzh", "ѓ": "g", "ќ": "k", "ѕ": "dz", "ә": "a", "ғ": "g", "қ": "k", "ң": "n",
    "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}  # fmt: skip
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
# Latin letters that carry no diacritic to strip (Unicode gives them no decomposition): Polish ł,
# Danish and Norwegian ø and æ, Croatian and Serbian đ (Cyrillic ђ), German ß, Turkish ı, Icelandic þ
# and ð ("Guðni", "Gudni" in English), French œ, Maltese ħ, the hooked letters of Hausa ("Ɗangote",
# "Ƙano": Dangote, Kano) and the open vowels and ŋ of West African alphabets
_LATIN = {
    "ł": "l", "ø": "o", "æ": "ae", "đ": "dj", "ß": "ss", "ı": "i", "þ": "th", "ð": "d", "œ": "oe", "ħ": "h",
    "ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "ɛ": "e", "ɔ": "o", "ə": "e", "ŋ": "ng",
}  # fmt: skip
_LETTERS = {**_CYRILLIC, **_GREEK}
# spellings transliteration schemes disagree on, merged in this order
_MERGE: tuple[tuple[str | re.Pattern[str], str], ...] = (
    # the digraphs Hungarian and Polish spell the sounds of other alphabets with, read as English
    # spells them: Hungarian sz (an s), zs (zh), cs before a vowel (ch: "ЦСКА" is "CSKA"), Polish
    # cz (ch).  ("Szergej" / "Сергей", "Sztavropol" / "Stavropol", "Csernobil" / "Chernobyl";
    # ch stays ch: "Charlotte" is no "Carlos")
    ("sz", "s"),
    ("zs", "zh"),
    (re.compile("cs(?=[aeiouy])"), "ch"),
    ("cz", "ch"),
    # English sh, Russian ш and щ, German sch, Czech š (its caron stripped) and Hungarian s are one
    # sound: s, before "kh" becomes "h" ("Исхаков" is no "Isakov")
    ("shch", "sh"),
    ("sch", "sh"),
    ("sh", "s"),
    ("kh", "h"),
    ("ph", "f"),
    ("th", "t"),
    ("tz", "c"),
    ("ts", "c"),
    ("zh", "z"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("g", "h"),
)


def _spell(token: str) -> str | None:
    """The token in plain lowercase Latin letters, or None when it holds anything else."""
    out: list[str] = []
    for ch in token.lower():
        if "a" <= ch <= "z":
            out.append(ch)
            continue
        latin = _LETTERS.get(ch) or _LATIN.get(ch)
        if latin is None:
            base = unicodedata.normalize("NFD", ch)[0]
            if "a" <= base <= "z":
                latin = base
            elif base in _LETTERS:  # accented Greek
                latin = _LETTERS[base]
            elif unicodedata.category(ch).startswith("M") or ch in "-'’ʼ":
                continue
            else:
                return None
        out.append(latin)
    return "".join(out)


@lru_cache(maxsize=65536)
def name_key(token: str) -> str | None:
    """The key of a name token (see the module's docstring), or None when it has none.  The
    length that gives a key is counted before sh becomes s ("Bush", "Буш": "bus")."""
    word = spelling(token)
    if word is None or len(_merged(_spell(token) or "", _SH)) < _MIN_LETTERS:
        return None
    return word[:KEY_LENGTH]


@lru_cache(maxsize=65536)
def spelling(token: str) -> str | None:
    """The whole token as the key spells it (transliterated, merged, doubles squeezed), or None
    when it holds letters of other scripts: "Кронштадте" -> "kronshtadte", "Kronstadt" -> "kronstadt".
    Where two names share a key, their spellings tell a case ending from another name
    ("Владивостоке" / "Vladimir")."""
    word = _spell(token)
    if not word:
        return None
    return _merged(word, len(_MERGE))


_SH = next(i for i, (old, _new) in enumerate(_MERGE) if old == "sh")  # where sh becomes s


def _merged(word: str, upto: int) -> str:
    """``word`` with the first ``upto`` merges applied and doubled letters squeezed."""
    for old, new in _MERGE[:upto]:
        word = word.replace(old, new) if isinstance(old, str) else old.sub(new, word)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


_YO = re.compile(r"(?<=[^aeiou])[iy]o")


@lru_cache(maxsize=65536)
def given_name_spelling(token: str) -> str | None:
    """:func:`spelling` of a first name with "yo"/"io" after a consonant read as the "e" Russian
    prints for ё: "Петр", "Pyotr" and "Piotr" -> "petr"; "Артем" / "Artyom" -> "artem".  Only for
    comparing first names: it would part "Токио" from "Tokyo" as a place."""
    word = spelling(token)
    return _YO.sub("e", word) if word else word


@lru_cache(maxsize=65536)
def transliterated(token: str) -> bool:
    """Whether the token is written in Cyrillic or Greek letters (its key is a transliteration)."""
    return any(ch in _LETTERS or unicodedata.normalize("NFD", ch)[0] in _LETTERS for ch in token.lower())
