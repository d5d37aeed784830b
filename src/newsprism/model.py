"""Value objects passed between the stages: typed, frozen, no behaviour beyond small helpers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any, TypeVar

__all__ = [
    "Article",
    "Assignment",
    "Draft",
    "Explanation",
    "IngestReport",
    "Rejection",
    "Story",
    "StoryEvent",
    "pickled_by_fields",
]

_T = TypeVar("_T")


def pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle a frozen slots dataclass as its constructor and field values.

    The default pickling of ``slots=True`` dataclasses runs Python-level ``__getstate__`` /
    ``__setstate__`` loops; articles and their features cross the process boundary of the ingest
    workers by the thousand, and this halves that cost (the unpickled object is equal)."""
    get = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: _T) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, get(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


@dataclass(frozen=True, slots=True)
class Draft:
    """An input as a parser read it, before cleaning: fields are whatever the input gave.

    ``text`` is plain text (possibly with boilerplate); ``html`` is set instead when the input is a
    page.  ``origin`` names where it came from (``path``, ``path:line``, URL or ``-``).
    """

    origin: str
    text: str | None = None
    html: str | None = None
    external_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = None
    author: str | None = None
    title_in_text: bool = False  # plain-text inputs: the first non-empty line is the title


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article.  ``id`` is the store's id (``None`` until stored).

    ``external_id`` is the input's ``id`` field, else its origin (file path, ``path:line`` or URL);
    it is what exports and comparisons cite.  ``text`` is the clean body without title or
    boilerplate: spans index it.  ``content_hash`` is the hash of the normalised title and text,
    used to recognise the same article ingested twice.
    """

    external_id: str
    title: str
    text: str
    content_hash: str
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    language: str | None = None
    author: str | None = None
    origin: str = ""
    id: int | None = None
    ingested_at: datetime | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that did not become an article, and why (``reason`` is a short key)."""

    origin: str
    reason: str
    message: str

    def line(self) -> str:
        return f"{self.origin}: {self.reason}: {self.message}"


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an article sits in its story: the evidence the clusterer used."""

    decision: str  # "new" | "joined" | "copy" | "moved" (split off or merged by a later repair)
    score: float = 0.0  # the decision score that was compared with the threshold
    threshold: float = 0.0
    similarity: dict[str, float] = field(default_factory=dict)  # per feature (title, body, names ...)
    shared_terms: tuple[str, ...] = ()
    time_gap_hours: float | None = None
    candidates: int = 0
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "score": round(self.score, 4),
            "threshold": round(self.threshold, 4),
            "similarity": {k: round(v, 4) for k, v in self.similarity.items()},
            "shared_terms": list(self.shared_terms),
            "time_gap_hours": None if self.time_gap_hours is None else round(self.time_gap_hours, 1),
            "candidates": self.candidates,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Explanation:
        return cls(
            decision=str(data.get("decision", "")),
            score=float(data.get("score", 0.0)),
            threshold=float(data.get("threshold", 0.0)),
            similarity={str(k): float(v) for k, v in (data.get("similarity") or {}).items()},
            shared_terms=tuple(data.get("shared_terms") or ()),
            time_gap_hours=data.get("time_gap_hours"),
            candidates=int(data.get("candidates", 0)),
            note=str(data.get("note", "")),
        )


@dataclass(frozen=True, slots=True)
class Assignment:
    """An article's place in a story.  ``copy_of`` is the store id of the original it copies."""

    article_id: int
    story_id: int
    explanation: Explanation
    copy_of: int | None = None
    relation: str | None = None  # "near-duplicate" (later: "translation")
    version: str = ""


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles reporting one real-world event."""

    id: int
    label: str
    size: int
    outlets: tuple[str, ...] = ()
    first_published: datetime | None = None
    last_published: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A change of a story after its creation: articles split off into a new story, or merged."""

    story_id: int
    kind: str  # "split" | "merge"
    other_story_id: int
    articles: tuple[int, ...]
    note: str = ""


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: counts per outcome and every rejection with its reason."""

    ingested: int = 0
    duplicates: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    new_stories: int = 0
    article_ids: list[int] = field(default_factory=list)
    # with Engine.ingest_drafts(..., find_duplicates=True): each duplicate's origin -> the stored
    # article it duplicates
    duplicate_of: dict[str, int] | None = None

    @property
    def skipped(self) -> int:
        return len(self.rejections)

    def skipped_by_reason(self) -> dict[str, int]:
        return dict(sorted(Counter(r.reason for r in self.rejections).items()))

    def summary(self) -> str:
        line = f"ingested {self.ingested}, duplicates {self.duplicates}, skipped {self.skipped}"
        by = self.skipped_by_reason()
        if by:
            line += " (" + ", ".join(f"{k}: {v}" for k, v in by.items()) + ")"
        return line

    @property
    def failed(self) -> bool:
        """True when nothing was ingested and nothing was already present: every input failed."""
        return self.ingested == 0 and self.duplicates == 0 and self.skipped > 0
