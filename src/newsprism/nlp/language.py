"""Language identification: ISO 639-1 codes for article texts.

:class:`Py3LangidDetector` wraps py3langid (a fast naive-Bayes model, ~100 languages) with
normalised probabilities; the model is loaded on first use, once per process.  Labels that are
regional or historic variants are folded into their ISO 639-1 language before the best one is
picked (``arz``/``ary`` -> ``ar``, ``yue``/``wuu`` -> ``zh`` ...); labels without an ISO 639-1
code count for nothing.  :class:`FixedLanguage` is the null object for tests and for callers that
know the language.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from typing import Any

from .stopwords import FUNCTION_WORD_LISTS
from .tokenize import ALPHA

__all__ = ["FixedLanguage", "Py3LangidDetector", "contradicts", "normalise_language"]

logger = logging.getLogger(__name__)

MIN_PROBABILITY = 0.5
MIN_WORDS = 3
MAX_CHARS = 2000  # the model is as sure after this many characters as after the whole text

# py3langid labels that are not ISO 639-1 codes -> the ISO 639-1 language they belong to.
_FOLD: dict[str, str] = {
    "ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn", "hbo": "he",
    "grc": "el", "kik": "ki", "ltg": "lv", "sdh": "ku", "fuv": "ff", "vec": "it", "lij": "it",
    "ext": "es",
}  # fmt: skip
# ISO 639-2/3 codes that inputs sometimes declare -> ISO 639-1.
_THREE_LETTER: dict[str, str] = {
    "eng": "en", "spa": "es", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "ita": "it",
    "nld": "nl", "dut": "nl", "por": "pt", "rus": "ru", "jpn": "ja", "zho": "zh", "chi": "zh",
    "ara": "ar", "pol": "pl", "tur": "tr", "ukr": "uk", "kor": "ko", "hin": "hi", "swe": "sv",
    "ces": "cs", "cze": "cs", "ell": "el", "gre": "el", "heb": "he", "fin": "fi", "dan": "da",
    "nor": "no", "nob": "nb", "nno": "nn", "hun": "hu", "ron": "ro", "rum": "ro", "bul": "bg",
    "hrv": "hr", "srp": "sr", "slk": "sk", "slo": "sk", "slv": "sl", "est": "et", "lav": "lv",
    "lit": "lt", "ind": "id", "msa": "ms", "may": "ms", "vie": "vi", "tha": "th", "fas": "fa",
    "per": "fa", "urd": "ur", "ben": "bn", "tam": "ta", "tel": "te", "mar": "mr", "cat": "ca",
    "eus": "eu", "baq": "eu", "glg": "gl", "isl": "is", "ice": "is", "gle": "ga", "cym": "cy",
    "wel": "cy", "swa": "sw", "afr": "af", "sqi": "sq", "alb": "sq", "mkd": "mk", "mac": "mk",
    "bos": "bs", "kat": "ka", "geo": "ka", "hye": "hy", "arm": "hy", "aze": "az", "kaz": "kk",
    "uzb": "uz", "tgl": "tl", "fil": "tl", "lat": "la", "bel": "be", "pus": "ps", "amh": "am",
}  # fmt: skip

# Every ISO 639-1 code; a declared code outside it (``"zz"``) is junk and the text's language is
# detected instead.  Withdrawn codes that old feeds still declare are folded into their successors.
ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de"
    " dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id"
    " ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu"
    " lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu"
    " rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr"
    " ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)
_WITHDRAWN = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr"}

_model_lock = threading.Lock()
_model: Any = None  # the py3langid LanguageIdentifier, loaded once per process


def normalise_language(code: str | None) -> str | None:
    """``"en-US"`` -> ``"en"``, ``"EN_gb"`` -> ``"en"``, ``"eng"`` -> ``"en"``; junk -> ``None``.

    Junk is anything that does not name an ISO 639-1 language: ``"zz"``, ``"xyz"``, ``"english"``.
    """
    if not code:
        return None
    primary = re.split(r"[-_\s]", code.strip().lower(), maxsplit=1)[0]
    if not re.fullmatch(r"[a-z]{2,3}", primary):
        return None
    if len(primary) == 3:
        return _THREE_LETTER.get(primary) or _FOLD.get(primary)
    primary = _WITHDRAWN.get(primary, primary)
    return primary if primary in ISO_639_1 else None


def _identifier() -> Any:
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                logger.debug("loading the py3langid model")
                _model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _model


class Py3LangidDetector:
    """:class:`~newsprism.ingest.base.LanguageDetector` backed by py3langid.

    ``None`` for texts with fewer than ``min_words`` words of letters, for ``zxx`` (no linguistic
    content) and when the best language's probability is under ``min_probability``.
    """

    name = "py3langid.v1"

    def __init__(self, *, min_probability: float = MIN_PROBABILITY, min_words: int = MIN_WORDS) -> None:
        self.min_probability = min_probability
        self.min_words = min_words

    def detect(self, text: str) -> str | None:
        sample = text[:MAX_CHARS]
        if len(re.findall(r"[^\W\d_]{2,}", sample)) < self.min_words and not _is_cjk(sample):
            return None
        totals: dict[str, float] = {}
        for label, probability in _identifier().rank(sample):
            code = label if len(label) == 2 else _FOLD.get(label)
            if code is not None:
                totals[code] = totals.get(code, 0.0) + float(probability)
        if not totals:
            return None
        code, probability = max(totals.items(), key=lambda item: item[1])
        if code in ("zh", "ja") and _KANA.search(sample) and _mostly_japanese(sample):
            return "ja"  # Chinese writes no kana: "阪神・大山、２戦連発７号！" (its "・" is katakana)
        if probability < self.min_probability:
            logger.debug("language unsure: %s at %.2f", code, probability)
            return None
        return code


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _mostly_japanese(sample: str) -> bool:
    """Kana in a text of Han characters: Japanese, unless a long text has only a little of it (a
    Chinese report naming a Japanese word or person: "意为“插队”的“ずるこみ”", "桂ちろる").  Japanese
    news writes its particles and endings in kana: a third of the script or more in every Japanese
    text of the development data, against at most a ninth in Chinese texts quoting Japanese words;
    a short text (a title) with any kana is Japanese."""
    kana = len(_KANA.findall(sample))
    han = len(_HAN.findall(sample))
    return kana + han < 60 or kana >= 0.2 * (kana + han)


# the scripts a language is written in, for the common news languages; a code not listed is not
# checked by script (Latin-script languages are listed as such)
_SCRIPT_OF: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ru", "uk", "bg", "mk", "be", "kk", "ky", "mn", "tg"), ("cyrillic",)),
    **dict.fromkeys(("sr", "bs"), ("cyrillic", "latin")),
    **dict.fromkeys(("ar", "fa", "ur", "ps"), ("arabic",)),
    **dict.fromkeys(("zh", "ja"), ("han",)),
    "ko": ("hangul",),
    "el": ("greek",),
    **dict.fromkeys(("he", "yi"), ("hebrew",)),
    **dict.fromkeys(("hi", "mr", "ne"), ("devanagari",)),
    "th": ("thai",),
    "bn": ("bengali",),
    "ta": ("tamil",),
    "ka": ("georgian",),
    "hy": ("armenian",),
    **dict.fromkeys(
        (
            "en es fr de it pt nl sv da no nb nn fi is et lv lt pl cs sk sl hr hu ro sq tr az id ms tl vi "
            "sw ca eu gl ga cy mt af so ha yo ig zu xh uz tk"
        ).split(),
        ("latin",),
    ),
}
# each script's letters, as what is left once everything else is removed (one pass, no list)
_NOT_IN_SCRIPT = {
    name: re.compile(f"[^{chars}]+")
    for name, chars in {
        "latin": "A-Za-z\u00c0-\u024f",
        "cyrillic": "\u0400-\u04ff",
        "arabic": "\u0600-\u06ff\u0750-\u077f",
        "han": "\u3040-\u30ff\u3400-\u9fff",
        "hangul": "\uac00-\ud7af\u1100-\u11ff",
        "greek": "\u0370-\u03ff",
        "hebrew": "\u0590-\u05ff",
        "devanagari": "\u0900-\u097f",
        "thai": "\u0e00-\u0e7f",
        "bengali": "\u0980-\u09ff",
        "tamil": "\u0b80-\u0bff",
        "georgian": "\u10a0-\u10ff",
        "armenian": "\u0530-\u058f",
    }.items()
}
_WORD = re.compile(ALPHA)  # an Indic word with its vowel signs
_CHECK_CHARS = 400


def contradicts(declared: str, text: str) -> bool:
    """Does the text read as clearly not in the ``declared`` language (cheap: no model)?  Fewer
    than a fifth of its letters are of the script the language is written in, or, for languages
    with a list of function words, hardly any of its words are the declared language's while a
    quarter or more are another's ("the", "of", "and" in a text declared Spanish).  A ``True`` is a
    reason to run the detector, not a verdict."""
    sample = text[:_CHECK_CHARS]
    letters = sum(map(str.isalpha, sample))
    if letters < 40:
        return False
    scripts = _SCRIPT_OF.get(declared, ())
    if scripts and sum(len(_NOT_IN_SCRIPT[script].sub("", sample)) for script in scripts) < 0.2 * letters:
        return True
    if declared not in FUNCTION_WORD_LISTS:
        return False
    tokens = _WORD.findall(sample)[:100]
    if len(tokens) < 20:
        return False
    lowered = list(map(str.lower, tokens))
    # the declared language's own words first: a text written in it has plenty, and then no
    # other language's count matters
    if sum(map(FUNCTION_WORD_LISTS[declared].__contains__, lowered)) >= 0.08 * len(tokens):
        return False
    hits: dict[str, int] = {}
    for codes in filter(None, map(_function_word_index().get, lowered)):
        for code in codes:
            hits[code] = hits.get(code, 0) + 1
    hits.pop(declared, None)
    return max(hits.values(), default=0) >= 0.25 * len(tokens)


@functools.cache
def _function_word_index() -> dict[str, tuple[str, ...]]:
    """Function word -> the languages whose list holds it."""
    index: dict[str, list[str]] = {}
    for code, words in sorted(FUNCTION_WORD_LISTS.items()):
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def _is_cjk(text: str) -> bool:
    """Chinese/Japanese text has no spaces between words: count its characters instead."""
    return len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text)) >= 4


class FixedLanguage:
    """A detector that always answers ``code`` (``None`` for "unknown")."""

    name = "fixed.v1"

    def __init__(self, code: str | None) -> None:
        self.code = code

    def detect(self, text: str) -> str | None:
        return self.code
