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

__all__ = [
    "KEY_LENGTH",
    "MIN_SKELETON",
    "MIN_VOWELS",
    "abjad",
    "abjad_skeletons",
    "given_name_spelling",
    "hangul",
    "hangul_skeletons",
    "indic",
    "indic_skeletons",
    "name_key",
    "short_name_sounds",
    "skeletal",
    "skeletons",
    "spelling",
    "transliterated",
    "vowels",
    "word_skeletons",
    "written_sounds",
    "written_vowels",
]

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


# --- consonant skeletons: names against scripts that write no vowels ---------------------------------
# Hebrew and the Arabic script (Arabic, Persian, Urdu ...) write a name's consonants and few of its
# vowels, with no capitals to tell a name from a word: "פוטין" is Putin, "چرنوبیل" Chernobyl.  A name
# read in Latin, Cyrillic or Greek letters and a word of those scripts are both reduced to their
# consonants, each as a class that both sides spell alike: b p f (and v, w: Hebrew ב/וו, Persian ف
# of "-ov") one; s z and the hushing sounds (sh, ch, zh, ts; ש ס ז צ, ش س ز ژ چ ص) one; g and j
# (ג', ج, گ) one; k c q (כ ק, ک ق) one; t d l m n r each their own.  Vowels, h, kh, y and the
# letters these scripts also write them with (א ה ו י ע ח, ا و ی ه ع ح خ) are left out.  v, w and j
# may be left out too (Hebrew often writes v with a bare ו; German j is a y): a Latin name gives each
# spelling with and without them.  A Hebrew or Arabic-script word gives its skeleton with and
# without the one-letter prefixes those languages attach (Hebrew ב ה ו כ ל מ ש, Arabic ال و ف ب ل ك):
# "ובמוסקבה" is "and in Moscow".  Short skeletons match words by chance (Hebrew roots have three
# consonants): callers count long ones.

_LATIN_SOUNDS = re.compile(r"shch|tsch|sch|chr|chl|ch|sh|zh|ts|tz|dzh|dj|dg|th|ph|kh|gh|ck|qu|ce|ci|cy|[a-z]")
_SOUND_CLASS = {
    "shch": "s", "tsch": "s", "sch": "s", "chr": "kr", "chl": "kl", "ch": "s", "sh": "s", "zh": "s", "ts": "s",
    "tz": "s", "ce": "s", "ci": "s", "cy": "s",
    "dzh": "g", "dj": "g", "dg": "g", "th": "t", "ph": "b", "kh": "", "gh": "g", "ck": "k", "qu": "k",
    "b": "b", "p": "b", "f": "b", "t": "t", "d": "d", "k": "k", "q": "k", "c": "k", "g": "g",
    "s": "s", "z": "s", "x": "ks", "l": "l", "m": "m", "n": "n", "r": "r",
}  # fmt: skip
_OPTIONAL = {"v": "b", "w": "b", "j": "g"}  # sounds an abjad may leave unwritten
# sounds written either way: x is ks or gz ("Alexander": Arabic ألكسندر, Urdu الیگزینڈر, Hindi अलेक्ज़ेंडर)
_EITHER = {"x": ("ks", "gs")}
_MAX_OPTIONAL = 3  # optional letters varied (a longer name keeps the rest)
_HEBREW = {
    "ב": "b", "פ": "b", "ף": "b", "ג": "g", "ד": "d", "ז": "s", "ס": "s", "ש": "s", "צ": "s", "ץ": "s",
    "ט": "t", "ת": "t", "כ": "k", "ך": "k", "ק": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n",
    "ר": "r", "א": "", "ה": "", "ו": "", "י": "", "ע": "", "ח": "",
}  # fmt: skip
_ARABIC = {
    "ب": "b", "پ": "b", "ف": "b", "ڤ": "b", "ت": "t", "ط": "t", "ث": "s", "ج": "g", "چ": "s", "د": "d",
    "ض": "d", "ذ": "s", "ز": "s", "ژ": "s", "ظ": "s", "س": "s", "ش": "s", "ص": "s", "ر": "r", "غ": "g",
    "ق": "k", "ك": "k", "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
    "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ئ": "", "ؤ": "", "ى": "", "ي": "", "ی": "", "و": "",
    "ه": "", "ة": "", "ع": "", "ح": "", "خ": "", "ۀ": "", "ے": "", "ہ": "", "ھ": "",
    # Urdu's retroflex letters and nasal n ("ٹرمپ", Trump; "ڈونلڈ", Donald)
    "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ۓ": "",
}  # fmt: skip
_ABJAD = {**_HEBREW, **_ARABIC}
_HEBREW_PREFIXES = frozenset("בהוכלמש")
_ARABIC_PREFIXES = frozenset("اوفبلك")
_MAX_PREFIX = 3
# A skeleton this long, at the least, tells a name: shorter ones are the roots of everyday words
# (Hebrew roots have three consonants), which a name of three consonants ("Putin": btn) meets by chance.
MIN_SKELETON = 4


def _squeezed(word: str) -> str:
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


@lru_cache(maxsize=65536)
def skeletons(token: str) -> frozenset[str]:
    """The consonant skeletons a name token in Latin, Cyrillic or Greek letters may be written with
    in Hebrew, the Arabic or an Indic script ("Zhirinovsky" -> {"srnbsk", "srnsk"}); empty when it
    holds other letters."""
    word = _spell(token)
    if not word:
        return frozenset()
    parts: list[str | tuple[str, str]] = []
    optional = 0
    for m in _LATIN_SOUNDS.finditer(word):
        sound = m.group()
        if sound in _OPTIONAL and optional < _MAX_OPTIONAL:
            parts.append((_OPTIONAL[sound], ""))
            optional += 1
        elif sound in _EITHER and optional < _MAX_OPTIONAL:
            parts.append(_EITHER[sound])
            optional += 1
        else:
            parts.append(_SOUND_CLASS.get(sound, _OPTIONAL.get(sound, "")))
    spellings = [""]
    for part in parts:
        if isinstance(part, tuple):
            spellings = [s + p for s in spellings for p in part]
        else:
            spellings = [s + part for s in spellings]
    return frozenset(_squeezed(s) for s in spellings)


# --- Indic scripts: a name's consonants, whatever vowels it writes ----------------------------------
# Devanagari (Hindi, Marathi, Nepali), Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada and
# Malayalam write vowels, but no capitals, so a name is not told from a word: "पुतिन" is Putin,
# "মস্কো" Moscow.  Their Unicode blocks share one layout (ISCII's): the letter at one offset is
# the same sound in each (0x15 is ka: क ক ਕ ક କ க క ಕ ക).  A word is read as its consonants' classes,
# as a Hebrew one is: vowels, virama, h, y and visarga left out; a nukta changes the letter before
# it (ज j, ज़ z; ड d, ड़ r); an anusvara is an n (m before b-class letters: "ओलंपिक"); t joined to
# s by a virama is the one sound ts (त्स, Russian ц).  Tamil writes k/g, t/d and ch/j each with
# one letter: its words give each reading of the first few of them.
_INDIC_BLOCKS = range(0x0900, 0x0D80)
_INDIC_CLASS = {
    0x15: "k", 0x16: "", 0x17: "g", 0x18: "g", 0x19: "n", 0x1A: "s", 0x1B: "s", 0x1C: "g", 0x1D: "g",
    0x1E: "n", 0x1F: "t", 0x20: "t", 0x21: "d", 0x22: "d", 0x23: "n", 0x24: "t", 0x25: "t", 0x26: "d",
    0x27: "d", 0x28: "n", 0x29: "n", 0x2A: "b", 0x2B: "b", 0x2C: "b", 0x2D: "b", 0x2E: "m", 0x2F: "",
    0x30: "r", 0x31: "r", 0x32: "l", 0x33: "l", 0x34: "l", 0x35: "b", 0x36: "s", 0x37: "s", 0x38: "s",
    0x39: "",
    # letters with a nukta, precomposed: qa, khha, ghha, za, dddha, rha, fa, yya
    0x58: "k", 0x59: "", 0x5A: "g", 0x5B: "s", 0x5C: "r", 0x5D: "r", 0x5E: "b", 0x5F: "",
}  # fmt: skip
# letters of one script only: Bengali khanda ta, Assamese ra and wa, Gurmukhi tippi (an n), Malayalam
# chillu letters (a consonant without its vowel) and dot reph (r)
_SCRIPT_LETTERS = {
    0x09CE: "t", 0x09F0: "r", 0x09F1: "b", 0x0A70: "N", 0x0D4E: "r", 0x0D7A: "n", 0x0D7B: "n", 0x0D7C: "r",
    0x0D7D: "l", 0x0D7E: "l", 0x0D7F: "k",
}  # fmt: skip
_NUKTA = {0x1C: "s", 0x1D: "s", 0x21: "r", 0x22: "r", 0x16: "", 0x2F: ""}  # the letter's class with a nukta
# ja and jha also write z and zh without a nukta (झुकोव, Zhukov), as Arabic jim does
_READINGS = {0x1C: "gs", 0x1D: "gs"}
# the voiced sounds Tamil writes with the letters of the voiceless ones: ka, ca, tta, ta
_TAMIL = 0x0B80
_TAMIL_READINGS = {**_READINGS, 0x15: "kg", 0x1A: "sg", 0x1F: "td", 0x24: "td"}


def indic(token: str) -> bool:
    """Whether a token is a word of an Indic script (:func:`indic_skeletons` reads it)."""
    return bool(token) and ord(token[0]) in _INDIC_BLOCKS and token[0].isalpha()


@lru_cache(maxsize=65536)
def indic_skeletons(token: str) -> frozenset[str]:
    """The consonant skeletons of a word of an Indic script ("ज़िरिनोव्स्की" -> {"srnbsk"}, as
    :func:`skeletons` spells "Zhirinovsky"); empty for other tokens."""
    if not indic(token):
        return frozenset()
    readings = _TAMIL_READINGS if _TAMIL <= ord(token[0]) < _TAMIL + 0x80 else _READINGS
    classes: list[str] = []  # each consonant's class, or the classes it may be read as
    letter = virama = None  # the offset of the last consonant; whether a virama followed it
    for ch in token:
        cp = ord(ch)
        if cp not in _INDIC_BLOCKS:
            continue
        off = cp & 0x7F
        if cp in _SCRIPT_LETTERS:
            cls = _SCRIPT_LETTERS[cp]
            if cls == "N":
                classes.append("N")
                letter = None
                continue
            if classes and classes[-1] == "N":
                classes[-1] = "m" if cls in ("b", "m") else "n"
            classes.append(cls)
            letter, virama = None, False
        elif off == 0x3C:  # nukta: the letter before it changes
            if letter is not None and letter in _NUKTA and classes:
                classes[-1] = _NUKTA[letter]
        elif off == 0x4D:
            virama = True
        elif off == 0x02:  # anusvara: n, or m before a b-class letter (told when that one comes)
            classes.append("N")
            letter = None
        elif off in _INDIC_CLASS:
            cls = readings.get(off, _INDIC_CLASS[off])
            if cls == "s" and virama and classes and classes[-1] == "t":
                classes.pop()  # त्स: ts
            if classes and classes[-1] == "N":
                classes[-1] = "m" if cls in ("b", "m") else "n"
            classes.append(cls)
            letter, virama = off, False
        else:  # a vowel
            letter, virama = None, False
    if classes and classes[-1] == "N":
        classes[-1] = "n"
    spellings = [""]
    ambiguous = 0
    for cls in classes:
        if len(cls) > 1 and ambiguous < _MAX_OPTIONAL:
            spellings = [s + c for s in spellings for c in cls]
            ambiguous += 1
        else:
            spellings = [s + cls[:1] for s in spellings]
    return frozenset(filter(None, map(_squeezed, spellings)))


# --- Hangul: Korean writes a foreign name's sounds syllable by syllable -------------------------------
# A Hangul syllable is an initial consonant, a vowel and an optional final one (Unicode composes them
# arithmetically).  Korean has no capitals either, and its nouns carry their particles ("푸틴은",
# "모스크바에서"), so a word is read as its consonants' classes, with and without a trailing particle.
# Loanword spelling: ㄱ g, ㅋ k, ㄷ d, ㅌ t, ㅂ b and ㅍ p and f (one class), ㅅ s, ㅈ j, z and zh
# (read either way), ㅊ ch and ts, ㄹ r and l (read either way), ㅎ h and the silent ㅇ left out; a
# final ㅇ is ng, a final ㅅ t or s ("로봇", robot).
_HANGUL = range(0xAC00, 0xD7A4)
_HANGUL_INITIAL = ("g", "k", "n", "d", "t", "rl", "m", "b", "b", "s", "s", "", "gs", "s", "s", "k", "t", "b", "")
_HANGUL_FINAL = (
    "", "k", "k", "ks", "n", "ng", "n", "t", "l", "lk", "lm", "lb", "ls", "lt", "lb", "l", "m", "b", "bs", "ts",
    "s", "ng", "s", "s", "k", "t", "b", "",
)  # fmt: skip
# particles (and the copula's quoting endings) a Korean noun may end with, longest first
_KOREAN_PARTICLES = tuple(
    sorted(
        "은 는 이 가 을 를 의 에 에서 에게 께서 와 과 도 로 으로 만 까지 부터 처럼 보다 한테 이나 나 랑 이랑 "
        "에서는 에서의 에는 에도 에서도 으로는 로는 으로부터 로부터 과의 와의 과는 와는 에게서 "
        "이라고 라고 이라는 라는 이란 란 "
        "측은 측이 측의 측에".split(),
        key=len,
        reverse=True,
    )
)


def hangul(token: str) -> bool:
    """Whether a token is a word of Hangul syllables (:func:`hangul_skeletons` reads it)."""
    return bool(token) and ord(token[0]) in _HANGUL


def _hangul_classes(word: str) -> list[str]:
    classes: list[str] = []
    for ch in word:
        cp = ord(ch)
        if cp not in _HANGUL:
            continue
        index = cp - _HANGUL.start
        initial, final = _HANGUL_INITIAL[index // 588], _HANGUL_FINAL[index % 28]
        if initial:
            classes.append(initial)
        if final == "ts":  # a final ㅅ: t or s, one reading
            classes.append(final)
        else:
            classes.extend(final)
    return classes


@lru_cache(maxsize=65536)
def hangul_skeletons(token: str) -> frozenset[str]:
    """The consonant skeletons of a Hangul word, with its particle and without it ("모스크바에서" ->
    {"mskb", "mskbs"}; "라브로프" -> {"rbrb", "lbrb", "rblb", "lblb"}, as :func:`skeletons` spells
    "Lavrov"); empty for other tokens."""
    if not hangul(token):
        return frozenset()
    stems = [token]
    for particle in _KOREAN_PARTICLES:
        if token.endswith(particle) and len(token) > len(particle):
            stems.append(token[: -len(particle)])
            break
    out: set[str] = set()
    for stem in stems:
        spellings = [""]
        ambiguous = 0
        for cls in _hangul_classes(stem):
            if len(cls) > 1 and ambiguous < _MAX_OPTIONAL:
                spellings = [s + c for s in spellings for c in cls]
                ambiguous += 1
            else:
                spellings = [s + cls[:1] for s in spellings]
        out.update(filter(None, map(_squeezed, spellings)))
    return frozenset(out)


# --- short names by their vowels too: Hangul and the Indic scripts write them ----------------------
# A name of three consonants ("Putin": btn) meets everyday words by its skeleton alone, so skeletons
# count from four consonants on (MIN_SKELETON).  Hangul and the Indic scripts write vowels too (an
# Indic letter's inherent a excepted), so such a name is also read as its skeleton with the classes
# of its vowels in order: a, o and u one class ("A"), e and i the other ("E"), runs of one class
# squeezed ("푸틴", "पुतिन" and "Putin": btn + AE).  Korean writes a vowel ㅡ between consonants a
# foreign name joins ("크렘린"): it is left out.  An Indic letter's unwritten inherent a is left out too,
# and a Latin a next to another A-class vowel is squeezed with it.
# ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ, then ㅡ (no vowel of the name), ㅢ ㅣ
_HANGUL_VOWELS = "AEAEAEAEAAEEAAAEEA" + "-" + "EE"
_INDIC_VOWELS = {
    0x05: "A", 0x06: "A", 0x07: "E", 0x08: "E", 0x09: "A", 0x0A: "A", 0x0D: "E", 0x0E: "E", 0x0F: "E",
    0x10: "E", 0x11: "A", 0x12: "A", 0x13: "A", 0x14: "A", 0x3E: "A", 0x3F: "E", 0x40: "E", 0x41: "A",
    0x42: "A", 0x45: "E", 0x46: "E", 0x47: "E", 0x48: "E", 0x49: "A", 0x4A: "A", 0x4B: "A", 0x4C: "A",
}  # fmt: skip
_LATIN_VOWELS = {"a": "A", "o": "A", "u": "A", "e": "E", "i": "E", "y": "E"}
MIN_VOWELS = 2  # vowel classes a short name's sound must hold (after squeezing): "Putin" AE, not "Tver" E


def _vowel_line(vowels: str) -> str:
    return _squeezed(vowels.replace("-", ""))


@lru_cache(maxsize=65536)
def vowels(token: str) -> str | None:
    """The squeezed classes of the vowels of a name in Latin, Cyrillic or Greek letters ("Putin" ->
    "AE", "Pompeo" -> "AEA"), a y before a vowel a consonant; None when it holds other letters."""
    word = _spell(token)
    if not word:
        return None
    out = [
        _LATIN_VOWELS[c]
        for i, c in enumerate(word)
        if c in _LATIN_VOWELS and not (c == "y" and i + 1 < len(word) and word[i + 1] in "aeiou")
    ]
    return _vowel_line("".join(out))


@lru_cache(maxsize=65536)
def written_vowels(token: str) -> str | None:
    """The squeezed classes of the vowels a Hangul or Indic word writes ("푸틴" -> "AE", "पुतिन" ->
    "AE"), its Korean particle left out; None for other words."""
    if hangul(token):
        for particle in _KOREAN_PARTICLES:
            if token.endswith(particle) and len(token) > len(particle):
                token = token[: -len(particle)]
                break
        return _vowel_line("".join(_HANGUL_VOWELS[(ord(c) - _HANGUL.start) % 588 // 28] for c in token if hangul(c)))
    if indic(token):
        return _vowel_line("".join(_INDIC_VOWELS.get(ord(c) & 0x7F, "") for c in token if ord(c) in _INDIC_BLOCKS))
    return None


def abjad(token: str) -> bool:
    """Whether a token is written in Hebrew or Arabic-script letters (a word :func:`abjad_skeletons`
    reads)."""
    return bool(token) and token[0] in _ABJAD


@lru_cache(maxsize=65536)
def abjad_skeletons(token: str) -> frozenset[str]:
    """The consonant skeletons of a Hebrew or Arabic-script word, with its one-letter prefixes and
    without them ("ובמוסקבה" -> {"bmskb", "mskb"}); empty for other tokens."""
    if not abjad(token):
        return frozenset()
    hebrew = token[0] in _HEBREW
    prefixes = _HEBREW_PREFIXES if hebrew else _ARABIC_PREFIXES
    letters = [c for c in token if c in _ABJAD]
    out = set()
    for cut in range(_MAX_PREFIX + 1):
        if cut and (letters[cut - 1] not in prefixes or len(letters) - cut < 2):
            break
        rest = letters[cut:]
        # a doubled vav is a consonant (v, w: "וושינגטון"); a single one a vowel
        spelt = "".join("b" if c == "ו" and i and rest[i - 1] == "ו" else _ABJAD[c] for i, c in enumerate(rest))
        out.add(_squeezed(spelt))
        if "ج" in rest:  # Arabic writes zh with jim too ("جوكوف", Zhukov)
            out.add(_squeezed("".join("s" if c == "ج" else _ABJAD[c] for c in rest)))
    out.discard("")
    return frozenset(out)


def skeletal(token: str) -> bool:
    """Whether a token is a word that names are found in by their consonant skeletons: one of
    Hebrew, the Arabic script, an Indic script or Hangul (no capitals tell its names)."""
    return abjad(token) or indic(token) or hangul(token)


def word_skeletons(token: str) -> frozenset[str]:
    """The consonant skeletons of a :func:`skeletal` word (:func:`abjad_skeletons`,
    :func:`indic_skeletons`, :func:`hangul_skeletons`); empty for other tokens."""
    return abjad_skeletons(token) or indic_skeletons(token) or hangul_skeletons(token)


def short_name_sounds(token: str) -> frozenset[str]:
    """The sounds of a name in Latin, Cyrillic or Greek letters too short for its skeleton alone (three
    consonants): each skeleton with its vowels ("Putin" -> {"btn/AE"}); empty for a longer or
    shorter name, or one with fewer vowel classes than :data:`MIN_VOWELS`."""
    line = vowels(token)
    if line is None or len(line) < MIN_VOWELS:
        return frozenset()
    return frozenset(f"{k}/{line}" for k in skeletons(token) if len(k) == MIN_SKELETON - 1)


def written_sounds(token: str) -> frozenset[str]:
    """The sounds of a Hangul or Indic word, for :func:`short_name_sounds` ("푸틴은" -> {"btn/AE"})."""
    line = written_vowels(token)
    if line is None or len(line) < MIN_VOWELS:
        return frozenset()
    return frozenset(f"{k}/{line}" for k in word_skeletons(token) if len(k) == MIN_SKELETON - 1)
