"""Contract of the represent stage: an article becomes the features the clusterer compares."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Article, pickled_by_fields

__all__ = ["ArticleFeatures", "Featurizer"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Lexical features of one article.

    Term maps hold *sublinear term frequencies* (``1 + log(count)``); IDF weighting is applied by the
    clusterer with the document frequencies of its time, so features never go stale when the
    corpus grows.  ``minhash`` is the article's word 5-gram MinHash signature (copy detection).
    """

    title: dict[str, float]
    body: dict[str, float]
    names: dict[str, float]
    minhash: tuple[int, ...]
    published: float | None  # POSIX seconds
    language: str | None
    version: str
    # the article's shape, kept by a translation: paragraphs and the numbers written with digits
    paragraphs: int = 0
    digits: tuple[str, ...] = ()
    shape: tuple[float, ...] = ()  # each paragraph's share of the text's characters (up to 64 paragraphs)

    def to_json(self) -> dict[str, Any]:
        return {
            "v": self.version,
            "t": self.title,
            "b": self.body,
            "n": self.names,
            "m": list(self.minhash),
            "p": self.published,
            "l": self.language,
            "g": self.paragraphs,
            "d": list(self.digits),
            "s": list(self.shape),
        }

    def dumps(self) -> str:
        """Compact JSON text of :meth:`to_json` (what the store keeps)."""
        return json.dumps(self.to_json(), separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleFeatures:
        return cls(
            title=dict(data["t"]),
            body=dict(data["b"]),
            names=dict(data["n"]),
            minhash=tuple(data["m"]),
            published=data.get("p"),
            language=data.get("l"),
            version=str(data["v"]),
            paragraphs=int(data.get("g", 0)),
            digits=tuple(data.get("d", ())),
            shape=tuple(float(x) for x in data.get("s", ())),
        )


class Featurizer(Protocol):
    """Turns articles into features.  ``name`` is the versioned stage name stored with them."""

    name: str

    def features(self, article: Article) -> ArticleFeatures: ...
