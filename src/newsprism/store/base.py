"""The store contract: what the engine and the adapters need from a database.

One module per backend implements it (:mod:`.sqlite` today).  All writes of an ingest batch happen
inside :meth:`Store.transaction`: a crash or an error rolls the whole batch back, so no article is
ever stored without its features and assignment, and no story is half-updated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from ..model import Article, Assignment, Story, StoryEvent
from ..represent.base import ArticleFeatures

__all__ = ["AssignmentRow", "LabelMember", "Store", "StoredMember", "StoryQuery"]


@dataclass(frozen=True, slots=True)
class StoredMember:
    """A stored article as the clusterer needs it to restore its state."""

    article_id: int
    story_id: int
    features: ArticleFeatures
    copy_of: int | None
    state: dict[str, Any]
    story_last_article_id: int = 0


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """One line of ``export assignments``."""

    article_id: int
    external_id: str
    story_id: int
    copy_of_external_id: str | None
    relation: str | None


class LabelMember(NamedTuple):
    """A story member as choosing the story's label reads it (no text: that is read for tokens only)."""

    article_id: int
    external_id: str
    title: str
    outlet: str | None
    language: str | None
    copy_of: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryQuery:
    order: str = "newest"  # newest | biggest | id
    limit: int = 50
    offset: int = 0
    min_size: int = 1
    text: str | None = None  # substring of an article title of the story
    outlet: str | None = None
    # -- web (issue 6): more filters for the story list ------------------------------------------
    entity: str | None = None  # a name some article of the story mentions (title or text, any case)
    since: datetime | None = None  # stories with an article published (else stored) at or after this
    until: datetime | None = None  # ... and one at or before this


class Store(Protocol):
    path: str

    # transactions --------------------------------------------------------------------------
    def transaction(self) -> AbstractContextManager[None]: ...

    def snapshot(self) -> AbstractContextManager[None]:
        """Reads that see one state of the store, whatever other processes commit meanwhile
        (inside :meth:`transaction`, that transaction's)."""
        ...

    def close(self) -> None: ...

    # articles --------------------------------------------------------------------------------
    def find_duplicate(self, content_hash: str, url: str | None) -> int | None: ...

    def add_article(self, article: Article, features: ArticleFeatures, features_json: str | None = None) -> int: ...

    def existing_keys(self, hashes: list[str], urls: list[str]) -> tuple[set[str], set[str]]: ...

    def existing_external_ids(self, external_ids: list[str]) -> set[str]: ...

    def add_url_aliases(self, rows: Iterable[tuple[str, int]]) -> None: ...

    def add_articles(self, rows: list[tuple[int, Article, ArticleFeatures, str | None]]) -> None: ...

    def set_assignments(self, rows: list[tuple[Assignment, Mapping[str, Any]]]) -> None: ...

    def article(self, article_id: int) -> Article: ...

    def article_by_external_id(self, external_id: str) -> Article: ...

    def article_count(self) -> int: ...

    def max_article_id(self) -> int: ...

    def iter_articles(self) -> Iterator[tuple[Article, ArticleFeatures | None]]: ...

    def replace_features(self, article_id: int, features: ArticleFeatures) -> None: ...

    # assignments and stories ------------------------------------------------------------------
    def set_assignment(self, assignment: Assignment, state: Mapping[str, Any]) -> None: ...

    def set_story_activity(self, activity: Mapping[int, int]) -> None: ...

    def split_pairs(self) -> list[tuple[int, int]]: ...

    def move_articles(self, article_ids: Iterable[int], story_id: int, explanation_json: str) -> None: ...

    def add_event(self, event: StoryEvent) -> None: ...

    def refresh_stories(self, story_ids: Iterable[int]) -> None: ...

    def story(self, story_id: int) -> Story: ...

    def stories(self, query: StoryQuery) -> list[Story]: ...

    def story_count(self) -> int: ...

    def story_revision(self, story_id: int) -> int: ...

    def set_label(self, story_id: int, label: str) -> None: ...

    def put_vectors(self, model: str, vectors: Mapping[int, Any]) -> None: ...

    def features_of(self, article_ids: Iterable[int]) -> dict[int, ArticleFeatures]: ...

    def get_vectors(self, model: str, article_ids: Iterable[int]) -> dict[int, Any]: ...

    def get_analysis(self, story_id: int, kind: str) -> tuple[str, int, str] | None: ...

    def put_analysis(self, story_id: int, kind: str, version: str, revision: int, data: str) -> None: ...

    def story_members(self, story_id: int) -> list[tuple[Article, Assignment]]: ...

    def story_events(self, story_id: int) -> list[StoryEvent]: ...

    def label_members(self, story_ids: list[int]) -> dict[int, tuple[str | None, list[LabelMember]]]:
        """``story id -> (label, members by ascending article id)`` for the stories that exist."""
        ...

    def article_texts(self, article_ids: list[int]) -> dict[int, str]: ...

    def assignments(self) -> Iterator[AssignmentRow]: ...

    def next_story_id(self) -> int: ...

    def clear_stories(self) -> None: ...

    # clusterer state ---------------------------------------------------------------------------
    def save_doc_freq(self, changed: Mapping[str, Mapping[str, int]], n: int) -> None: ...

    def load_doc_freq(self) -> tuple[dict[str, dict[str, int]], int]: ...

    def evidence_tail(self, count: int) -> list[ArticleFeatures]: ...

    def active_members(self, min_last_article_id: int) -> Iterator[StoredMember]: ...

    def max_published_upto(self, article_id: int) -> float | None: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    # -- web (issue 6): pagination counts, one article with its assignment, deleting --------------
    def count_stories(self, query: StoryQuery) -> int: ...

    def article_assignment(self, article_id: int) -> Assignment: ...

    def article_features(self, article_id: int) -> ArticleFeatures | None: ...

    def add_doc_freq(self, delta: Mapping[str, Mapping[str, int]], n: int) -> None: ...

    def set_copy_of(self, article_ids: Iterable[int], copy_of: int | None) -> None: ...

    def delete_article(self, article_id: int) -> None: ...
