"""Serialised story reads kept in memory, so a popular story is not decoded and re-encoded per request.

The database already caches each story's comparison and summary (``analyses``); a read still has to
decode that JSON and encode the response, which dominates for a big story.  This cache keeps the
response bytes, checked on every hit against the story's current state (revision, update time,
label: every change of its articles bumps the revision), so it never serves a stale story.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from ..engine import Engine

__all__ = ["StoryCache"]

_Key = tuple[int, Hashable]  # story id, (summary words, display language)
_State = tuple[int, str, str]  # revision, updated_at, label


class StoryCache:
    def __init__(self, *, max_bytes: int = 64_000_000) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[_Key, tuple[_State, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @staticmethod
    def _state(engine: Engine, story_id: int) -> _State:
        story = engine.story(story_id)  # NotFound for a deleted story
        updated = story.updated_at.isoformat() if story.updated_at else ""
        return engine.store.story_revision(story_id), updated, story.label

    def get(self, engine: Engine, story_id: int, variant: Hashable, make: Callable[[], bytes]) -> bytes:
        """The cached bytes when the story has not changed since, else ``make()`` (and keep them).
        ``variant``: what else the bytes depend on (summary length, display language)."""
        key = (story_id, variant)
        state = self._state(engine, story_id)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] == state:
                self._items.move_to_end(key)
                return hit[1]
        data = make()
        if self._state(engine, story_id) != state:  # changed meanwhile: serve, do not keep
            return data
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old[1])
            if len(data) <= self.max_bytes:
                self._items[key] = (state, data)
                self._size += len(data)
            while self._size > self.max_bytes and self._items:
                _, (_, dropped) = self._items.popitem(last=False)
                self._size -= len(dropped)
        return data
