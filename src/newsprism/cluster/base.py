"""Contracts of the cluster stage.

A :class:`Clusterer` sees articles one at a time, in arrival order, and answers with a
:class:`Decision`: the story the article joins (or opens), whether it copies an earlier article, and
why.  A clusterer may *repair* earlier decisions when later evidence shows that a distinct event
had joined a story: it then reports a :class:`Split`, which the engine stores as a story event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Explanation
from ..represent.base import ArticleFeatures

__all__ = ["Clusterer", "Decision", "Member", "Repair"]


@dataclass(frozen=True, slots=True)
class Decision:
    article_id: int
    story_id: int
    new_story: bool
    explanation: Explanation
    copy_of: int | None = None  # article id of the original this article copies
    relation: str | None = None  # "near-duplicate" | "translation" (for copies)


@dataclass(frozen=True, slots=True)
class Repair:
    """Articles moved from ``from_story`` to ``to_story`` by a later repair.

    ``split``: a distinct event had joined ``from_story``; its articles open the new ``to_story``.
    ``merge``: ``from_story`` turned out to report the same event as the older ``to_story`` and is
    folded into it (``from_story`` ends empty).
    """

    kind: str
    from_story: int
    to_story: int
    articles: tuple[int, ...]
    explanation: Explanation
    note: str


@dataclass(frozen=True, slots=True)
class Member:
    """An already-stored article as the clusterer needs it to restore its state."""

    article_id: int
    story_id: int
    features: ArticleFeatures
    copy_of: int | None = None
    norms: dict[str, float] | None = None  # the article's vector norms when it joined (restores exactly)
    story_last_id: int = 0  # highest article id at which the story last changed
    vector: Any = None  # the article's dense vector (numpy), when the store is multilingual


class Clusterer(Protocol):
    """Online story clustering.  ``name`` is the versioned stage name stored with assignments."""

    name: str

    def assign(self, article_id: int, features: ArticleFeatures) -> Decision: ...

    def take_repairs(self) -> list[Repair]:
        """Repairs made since the last call (the engine persists them with the batch)."""
        ...

    def restore(
        self,
        members: Iterable[Member],
        *,
        next_story_id: int,
        seen: int,
        max_published_at_checkpoint: float | None = None,
        max_published: float | None = None,
        split_pairs: Iterable[tuple[int, int]] = (),
    ) -> None:
        """Rebuild the in-memory state from stored articles (ascending article id)."""
        ...

    def story_activity(self) -> dict[int, int]:
        """Highest article id at which each active story last changed (persisted with stories)."""
        ...

    def state_of(self, article_id: int) -> dict[str, object]:
        """What must be stored with an article's assignment so :meth:`restore` is exact."""
        ...
