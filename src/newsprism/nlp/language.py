"""Language identification: ISO 639-1 codes for article texts.

:class:`Py3LangidDetector` wraps py3langid (a fast naive-Bayes model, ~100 languages) with
normalised probabilities; the model is loaded on first use, once per process.  Labels that are
regional or historic variants are folded into their ISO 639-1 language before the best one is
picked (``arz``/``ary`` -> ``ar``, ``yue``/``wuu`` -> ``zh`` ...); labels without an ISO 639-1
code count for nothing.  :class:`FixedLanguage` is the null object for tests and for callers that
know the language.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

__all__ = ["FixedLanguage", "Py3LangidDetector", "normalise_language"]

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
}  # fmt: skip

_model_lock = threading.Lock()
_model: Any = None  # the py3langid LanguageIdentifier, loaded once per process


def normalise_language(code: str | None) -> str | None:
    """``"en-US"`` -> ``"en"``, ``"EN_gb"`` -> ``"en"``, ``"eng"`` -> ``"en"``; junk -> ``None``."""
    if not code:
        return None
    primary = re.split(r"[-_\s]", code.strip().lower(), maxsplit=1)[0]
    if not re.fullmatch(r"[a-z]{2,3}", primary):
        return None
    if len(primary) == 3:
        return _THREE_LETTER.get(primary, _FOLD.get(primary, primary))
    return primary


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
        if code in ("zh", "ja") and _KANA.search(sample):
            return "ja"  # Chinese writes no kana: "阪神・大山、２戦連発７号！" (its "・" is katakana)
        if probability < self.min_probability:
            logger.debug("language unsure: %s at %.2f", code, probability)
            return None
        return code


_KANA = re.compile(r"[\u3040-\u30ff]")


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
