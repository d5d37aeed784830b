"""Rule-based sentence segmentation with exact character offsets.

:class:`RuleSentenceSplitter` scans each line of a clean text (a line is a paragraph in newsprism's
clean text, so a newline always ends a sentence) for sentence-final punctuation: ``.``, ``!``,
``?``, ellipses, the ideographic ``。！？`` of Chinese and Japanese, the Arabic question mark ``؟``,
the Urdu full stop ``۔`` and the Devanagari danda ``।``.  A closing quote or bracket
right after the punctuation belongs to the sentence that it ends (``... respond.” He said`` splits
after ``”``).  A candidate is a boundary only when the next word starts like a sentence (a capital,
a digit, an opening quote or bracket, or a letter of a script without capitals: Hebrew, Arabic,
Devanagari, Thai …), and a period is not a boundary after:

- an abbreviation of the text's language (``Mr.``, ``Sept.``, ``Sr.``, ``z.B.``, ``т.е.`` ...);
  abbreviations that may also end a sentence (``Inc.``, ``U.S.``, ``p.m.``) split only before a
  typical sentence opener (``the U.S. The talks`` splits, ``the U.S. Embassy`` does not);
- an initial (``J. R. R. Tolkien``, ``Donald J. Trump``, Hebrew ``ד. ראסל``);
- a day number in languages that write ordinals with a period (``am 3. Oktober``).

Decimals (``3.5``) and ``U.S.-Russia`` never split because a boundary needs whitespace after it.
The scan is a handful of regular-expression searches per line: tens of thousands of sentences a
second in pure Python.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from ..compare.base import Sentence

__all__ = ["ABBREVIATIONS", "RuleSentenceSplitter", "split_sentences"]

logger = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations per language: lower-cased, without the final period (internal periods kept).
# ``_ALWAYS`` never end a sentence (titles, months, "e.g."); the rest may, before a sentence opener.
_ALWAYS: dict[str, frozenset[str]] = {
    "en": _words(
        "mr mrs ms mx dr prof gov sen rep st gen col lt sgt capt cmdr adm maj cpl pvt rev hon pres supt "
        "messrs mssrs jan feb mar apr aug sep sept oct nov dec no nos vs v e.g i.e cf approx dept est fig "
        "vol ft mt pp op ed atty amb sens reps gens reg"
    ),
    "es": _words(
        "sr sra srta sres d dña dr dra lic ing arq prof pág págs núm art av avda c/ ej etc vs ud uds ee.uu gral cía"
    ),
    "fr": _words("m mm mme mlle mlles me dr pr st ste av bd cf ex p pp vol n° art env"),
    "de": _words(
        "hr hrn fr dr prof bzw ca vgl z.b u.a d.h s.o s.u usw nr str abs art bd geb gest jh jhd "
        "st evtl ggf inkl max min mio mrd sog u.u z.t"
    ),
    "it": _words("sig sigg sig.ra dott dott.ssa prof avv ing arch on geom ecc pag art ca"),
    "nl": _words("dhr mevr mw dr drs ir ing prof bijv blz o.a d.w.z m.a.w nr jl vs ca resp"),
    "pt": _words("sr sra srta dr dra prof eng exmo exma av pág art nº ca ex"),
    "ru": _words("г гг т.е т.д т.п т.к им ул д пр проф акад тыс млн млрд руб см рис стр ст"),
}
_MAYBE_FINAL: dict[str, frozenset[str]] = {
    "en": _words("inc corp co ltd llc jr sr etc a.m p.m bros assn univ"),
    "es": _words("s.a etc"),
    "fr": _words("etc s.a"),
    "de": _words("gmbh ag e.v etc"),
    "it": _words("s.p.a spa"),
    "nl": _words("n.v b.v"),
    "pt": _words("s.a ltda etc"),
    "ru": _words("др пр"),
}
ABBREVIATIONS: dict[str, frozenset[str]] = {lang: _ALWAYS[lang] | _MAYBE_FINAL[lang] for lang in _ALWAYS}
_ALL_ALWAYS = frozenset().union(*_ALWAYS.values())
_ALL_MAYBE = frozenset().union(*_MAYBE_FINAL.values()) - _ALL_ALWAYS
# Languages that write ordinal numbers with a period ("3. Oktober").
_ORDINAL_PERIOD = frozenset({"de", "da", "no", "nb", "fi", "cs", "sk", "pl", "hu", "sl", "hr", "sr", "is"})
# Words that typically open a sentence: after an abbreviation that may end one, they decide.
_OPENERS = _words(
    "the a an he she it they we i you this that these those there his her their its our my but and or so "
    "yet still in on at as after before when while if although though because since meanwhile however "
    "some many most one two three both all no not what who why how where mr mrs ms dr "
    "el la los las un una él ella ellos le les il elle ils nous une der die das ein eine er sie es wir "
    "lo gli uno het een hij zij wij o os um uma ele"
)

_CANDIDATE = re.compile(r"(?:\.{2,}|…|[.!?‼⁇⁈⁉؟۔।])+[\"'”’»›)\]」』]*(?=\s|$)|[。！？]+[」』”’）)]*")
_OPENING = frozenset("\"'“‘«‹„‚([¿¡「『（—–-")
# a decimal point in text tokenised word by word: 1-3 digits, " . ", 1-2 digits ("6 . 1", "27 . 5")
_DECIMAL_BEFORE = re.compile(r"(?<!\d)\d{1,3} $")
_DECIMAL_AFTER = re.compile(r" \d{1,2}(?!\d)")
_TOKEN_BEFORE = re.compile(r"[^\s\"'“‘«‹„‚(\[]*$")
_ACRONYM = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
_LINE = re.compile(r"[^\n]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _language(language: str | None) -> str | None:
    if not language:
        return None
    return language.strip().lower().replace("_", "-").split("-")[0] or None


class RuleSentenceSplitter:
    """Sentences of a text by regex scanning; implements :class:`~newsprism.compare.base.SentenceSplitter`.

    ``language`` (ISO 639-1) picks the abbreviation list; without it every list is used.
    """

    # v1: no boundary before a letter of a script without capitals; v2: a Latin initial in Devanagari,
    # Urdu or Bengali letters ("एम.") ends a sentence
    name = "newsprism.RuleSentences.v3"

    def split(self, text: str, *, language: str | None = None) -> list[Sentence]:
        lang = _language(language)
        if lang in _ALWAYS:
            always, maybe = _ALWAYS[lang], _MAYBE_FINAL[lang] - _ALWAYS[lang]
        else:
            always, maybe = _ALL_ALWAYS, _ALL_MAYBE
        ordinals = lang in _ORDINAL_PERIOD
        out: list[Sentence] = []
        for line in _LINE.finditer(text):
            self._split_line(text, line.start(), line.end(), always, maybe, ordinals, out)
        return out

    def _split_line(
        self,
        text: str,
        start: int,
        end: int,
        always: frozenset[str],
        maybe: frozenset[str],
        ordinals: bool,
        out: list[Sentence],
    ) -> None:
        begin = start
        for m in _CANDIDATE.finditer(text, start, end):
            stop = m.end()
            nxt = stop
            while nxt < end and text[nxt].isspace():
                nxt += 1
            if nxt >= end:
                break  # the line's end closes the last sentence
            if not _is_boundary(text, m.start(), stop, nxt, end, always, maybe, ordinals):
                continue
            _emit(text, begin, stop, out)
            begin = nxt
        _emit(text, begin, end, out)


def _is_boundary(
    text: str,
    punct: int,
    stop: int,
    nxt: int,
    end: int,
    always: frozenset[str],
    maybe: frozenset[str],
    ordinals: bool,
) -> bool:
    mark = text[punct]
    if mark in "。！？":
        return True
    first = text[nxt]
    if first.islower():
        return False
    caseless = unicodedata.category(first) == "Lo"  # Hebrew, Arabic, Devanagari, Thai …: no capitals
    if not (first.isupper() or first.isdigit() or first in _OPENING or _CJK.match(first) or caseless):
        return False
    if mark != "." or text.startswith("..", punct):
        return True  # "?", "!" and ellipses before a capital end the sentence
    token_match = _TOKEN_BEFORE.search(text, max(0, punct - 40), punct)
    token = token_match.group() if token_match else ""
    if not token and punct >= 2 and text[punct - 1] == " ":
        # text tokenised word by word (corpora print "magnitude 6 . 1", "the U . S . Army", "No . 4")
        if _DECIMAL_BEFORE.search(text, max(0, punct - 5), punct) and _DECIMAL_AFTER.match(text, punct + 1):
            return False  # a decimal point ("6 . 1", "27 . 5"; not "in 1999 . 200 employees")
        token_match = _TOKEN_BEFORE.search(text, max(0, punct - 41), punct - 1)
        token = token_match.group() if token_match else ""
    if not token:
        return True
    low = token.lower()
    if low == "no" or low == "nos" or low == "nr" or low == "n°" or low == "nº":
        return not first.isdigit()  # "No. 10" but "the answer was no. Then"
    if low in always:
        return False
    if len(token) == 1 and (token.isupper() or unicodedata.category(token) == "Lo"):
        return False  # an initial: "J. R. R. Tolkien", "Donald J. Trump", "ד. ראסל"
    if token in _LETTER_NAMES:
        return False  # a Latin initial spelt in Devanagari, Urdu or Bengali: "एम. पोम्पियो", "ڈی. رسل"
    if ordinals and token.isdigit() and len(token) <= 2:
        return False
    if low in maybe or _ACRONYM.match(token):
        word = _next_word(text, nxt, end)
        if word.lower() in _OPENERS:
            return True
        # "... including Russia and the U.S. Iceland has had ...": a name followed by a verb
        after = text[nxt + len(word) : nxt + len(word) + 12].split()
        return bool(after) and after[0].lower() in _VERBS_AFTER_SUBJECT and word[:1].isupper()
    return True


# the names of the Latin letters as Hindi, Urdu and Bengali write a foreign initial (NFC), without
# those that are words too (Hindi आई "came", पी "drank", के, सी, जी; Urdu کے, سی, جی; Bengali ও "and",
# আর, কে "who", ই, এ), which end sentences where "." does
_LETTER_NAMES = frozenset(
    unicodedata.normalize("NFC", w)
    for w in """बी डी एफ एच जे एल एम एन क्यू आर एस टी यू वी डब्ल्यू एक्स वाई ज़ेड जेड
    ڈی ایف ایچ جے ایل ایم این کیو ایس ٹی یو وی ڈبلیو ایکس وائی زیڈ
    বি সি ডি এফ জি এইচ জে এল এম এন পি কিউ এস টি ইউ ভি ডব্লিউ এক্স ওয়াই জেড""".split()
)
_VERBS_AFTER_SUBJECT = frozenset(
    """has had have is was are were will would can could may might must shall should did does said says
    told added announced""".split()
)


def _next_word(text: str, start: int, end: int) -> str:
    i = start
    while i < end and not text[i].isalnum():
        i += 1
    j = i
    while j < end and text[j].isalpha():
        j += 1
    return text[i:j]


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


_DEFAULT = RuleSentenceSplitter()


def split_sentences(text: str, *, language: str | None = None) -> list[Sentence]:
    """The sentences of ``text`` with the default splitter."""
    return _DEFAULT.split(text, language=language)
