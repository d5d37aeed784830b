"""Document frequencies that grow with the stream, read through deterministic snapshots.

Scores use the IDF of the last *snapshot*, taken every ``interval`` documents.  Decisions therefore
depend only on the arrival order of the articles, never on how they were batched or whether the
process restarted in between; a snapshot only copies the counts that changed since the last one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from ..represent.base import ArticleFeatures
from . import kernel

__all__ = ["FIELDS", "DocFreq", "snapshot_boundary"]

FIELDS: tuple[str, ...] = ("title", "body", "names")


DEFAULT_GROWTH = 16


def snapshot_boundary(n: int, growth: int = DEFAULT_GROWTH) -> int:
    """The largest snapshot boundary ``<= n`` (0 when none).

    Boundaries are 1, 2, 3, ... and then grow geometrically: after boundary ``b`` the next is
    ``b + max(1, b // growth)``.  Early in a stream, where every article changes the statistics a
    lot, IDF is live; on a large store it is refreshed every ``n / growth`` articles, so the cost of
    recomputing story norms stays small and constant per article.
    """
    if n < 1:
        return 0
    growth = max(1, growth)
    b = 1
    while True:
        step = max(1, b // growth)
        if b + step > n:
            return b
        if step == 1 and n <= growth:
            return n  # live phase: every count is a boundary
        b += step


def _next_boundary(b: int, growth: int) -> int:
    return b + max(1, b // max(1, growth))


def _terms(features: ArticleFeatures, field: str) -> dict[str, float]:
    mapping: dict[str, float] = getattr(features, field)
    return mapping


_COMPACT = 1 << 20  # ids held in a change log before it is reduced to its distinct ids


class _ChangeLog:
    """Ids of the terms changed since some point (arrays of ids, reduced to distinct ids now and then)."""

    __slots__ = ("parts", "size")

    def __init__(self) -> None:
        self.parts: list[np.ndarray] = []
        self.size = 0

    def push(self, ids: np.ndarray) -> None:
        self.parts.append(ids)
        self.size += len(ids)
        if self.size > _COMPACT:
            merged = self.distinct()
            self.parts, self.size = [merged], len(merged)

    def distinct(self) -> np.ndarray:
        if not self.parts:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(self.parts))


class _LogTable:
    """``math.log(k + 1)`` for counts ``k``, gathered by numpy: bit-identical to ``math.log``."""

    def __init__(self) -> None:
        self.table = np.array([math.log(k + 1) for k in range(1024)])

    def __call__(self, counts: np.ndarray) -> np.ndarray:
        top = int(counts.max()) if len(counts) else 0
        if top >= len(self.table):
            size = max(top + 1, 2 * len(self.table))
            self.table = np.array([math.log(k + 1) for k in range(size)])
        out: np.ndarray = self.table[counts]
        return out


class DocFreq:
    """Per-field document frequencies (live counts and the snapshot used for IDF).

    Every term gets an id on first sight; counts are numpy arrays indexed by id, so counting an
    article is one dict lookup per term plus a few array operations."""

    def __init__(self, growth: int = DEFAULT_GROWTH) -> None:
        self.growth = max(1, growth)
        self.n = 0
        self._next = 1
        self.snap_n = 0
        self.frozen = False
        self._log1 = _LogTable()
        self._reset_terms()

    def _reset_terms(self) -> None:
        self.ids: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
        self._names: dict[str, list[str]] = {f: [] for f in FIELDS}  # id -> term
        self._live: dict[str, np.ndarray] = {f: np.zeros(1024, dtype=np.int64) for f in FIELDS}
        self._snap: dict[str, np.ndarray] = {f: np.zeros(1024, dtype=np.int64) for f in FIELDS}
        self._lam: dict[str, np.ndarray] = {f: np.zeros(1024) for f in FIELDS}  # log(snapshot df + 1)
        self._dirty = {f: _ChangeLog() for f in FIELDS}  # changed since last persisted
        self._pending = {f: _ChangeLog() for f in FIELDS}  # changed since last snapshot
        self._idf_cache: dict[str, tuple[int, np.ndarray]] = {}

    def _fit(self, field: str) -> None:
        """Grow the arrays of ``field`` to hold every id."""
        size = len(self._names[field])
        if size <= len(self._lam[field]):
            return
        cap = max(size, 2 * len(self._lam[field]))
        for arrays in (self._live, self._snap, self._lam):
            grown = np.zeros(cap, dtype=arrays[field].dtype)
            grown[: len(arrays[field])] = arrays[field]
            arrays[field] = grown
        self._idf_cache.pop(field, None)

    def term_ids(self, field: str, terms: dict[str, Any]) -> np.ndarray:
        """Ids of ``terms`` in order (new terms get one)."""
        out = kernel.term_ids(terms, self.ids[field], self._names[field])
        self._fit(field)
        return out

    def idf_array(self, field: str) -> np.ndarray:
        """IDF of the snapshot for every term id (terms unseen at the snapshot get the highest),
        recomputed only when the snapshot changes or the arrays grow."""
        lam = self._lam[field]
        cached = self._idf_cache.get(field)
        if cached is not None and cached[0] == self.snap_n and len(cached[1]) == len(lam):
            return cached[1]
        arr = (math.log(self.snap_n + 1) + 1.0) - lam
        self._idf_cache[field] = (self.snap_n, arr)
        return arr

    def freeze_with(self, corpus: Iterable[ArticleFeatures]) -> None:
        """Batch mode: IDF from the whole corpus, unchanged by later :meth:`add` calls."""
        for field in FIELDS:
            self._live[field][:] = 0
            self._dirty[field] = _ChangeLog()
            self._pending[field] = _ChangeLog()
        self.n = 0
        for features in corpus:
            self.n += 1
            for field in FIELDS:
                ids = self.term_ids(field, _terms(features, field))
                self._live[field][ids] += 1
        self.snap_n = self.n
        for field in FIELDS:
            self._snap[field] = self._live[field].copy()
            self._lam[field] = self._log1(self._snap[field])
        self._idf_cache = {}
        self.frozen = True

    def add(self, features: ArticleFeatures) -> dict[str, np.ndarray]:
        """Count an article (unless frozen); the ids of its terms per field, in order."""
        out = {field: self.term_ids(field, _terms(features, field)) for field in FIELDS}
        if self.frozen:
            return out
        for field, ids in out.items():
            self._live[field][ids] += 1  # the ids of one term map are distinct
            self._dirty[field].push(ids)
            self._pending[field].push(ids)
        self.n += 1
        if self.n >= self._next:
            self._snapshot()
            self._next = _next_boundary(self.n, self.growth)
        return out

    def _snapshot(self) -> None:
        self.snap_n = self.n
        for field in FIELDS:
            changed = self._pending[field].distinct()
            if len(changed):
                counts = self._live[field][changed]
                self._snap[field][changed] = counts
                self._lam[field][changed] = self._log1(counts)
            self._pending[field] = _ChangeLog()
        self._idf_cache = {}

    def _count_of(self, counts: np.ndarray, field: str, term: str) -> int:
        i = self.ids[field].get(term)
        return 0 if i is None else int(counts[i])

    def idf(self, field: str, term: str) -> float:
        """Smoothed IDF from the snapshot; unseen terms get the highest weight."""
        return math.log((self.snap_n + 1) / (self._count_of(self._snap[field], field, term) + 1)) + 1.0

    def _as_dict(self, counts: np.ndarray, field: str) -> dict[str, int]:
        names = self._names[field]
        used = counts[: len(names)]
        return {names[i]: int(used[i]) for i in np.flatnonzero(used).tolist()}

    @property
    def live(self) -> dict[str, dict[str, int]]:
        """Live counts of every counted term (a copy)."""
        return {f: self._as_dict(self._live[f], f) for f in FIELDS}

    @property
    def snap(self) -> dict[str, dict[str, int]]:
        """Snapshot counts of every term counted at the snapshot (a copy)."""
        return {f: self._as_dict(self._snap[f], f) for f in FIELDS}

    def idf_map(self, field: str) -> tuple[dict[str, int], float]:
        """``(snapshot counts, log(N+1))``: idf = log_n1 - log(df+1) + 1."""
        return self._as_dict(self._snap[field], field), math.log(self.snap_n + 1)

    def take_dirty(self) -> dict[str, dict[str, int]]:
        """Live counts of the terms changed since the last call (for persisting), by term."""
        out: dict[str, dict[str, int]] = {}
        for field in FIELDS:
            changed = self._dirty[field].distinct().tolist()
            names, live = self._names[field], self._live[field]
            out[field] = {names[i]: int(live[i]) for i in changed}  # by term id: the store needs no order
            self._dirty[field] = _ChangeLog()
        return out

    def restore(self, counts: Mapping[str, Mapping[str, int]], n: int, tail: Iterable[ArticleFeatures]) -> None:
        """Load live counts over ``n`` documents; ``tail`` holds the features of the documents that
        arrived after the last snapshot boundary, so the snapshot can be reconstructed exactly."""
        tail = list(tail)
        boundary = snapshot_boundary(n, self.growth)
        if len(tail) != n - boundary:
            raise ValueError(f"need the {n - boundary} documents after the snapshot, got {len(tail)}")
        self.n = n
        self._next = _next_boundary(boundary, self.growth) if boundary else 1
        self._reset_terms()
        for field in FIELDS:
            given = counts.get(field, {})
            terms = sorted(given)  # every counted term gets an id
            ids = self.term_ids(field, dict.fromkeys(terms, 0.0))
            self._live[field][ids] = [given[t] for t in terms]
            tail_ids = [self.term_ids(field, _terms(features, field)) for features in tail]
            snap = self._live[field].copy()
            for tids in tail_ids:
                snap[tids] -= 1
                self._pending[field].push(tids)
            if len(snap) and snap.min() < 0:
                raise ValueError(f"the documents after the snapshot hold {field} terms that were not counted")
            self._snap[field] = snap
            self._lam[field] = self._log1(snap)
        self.snap_n = boundary
        self._idf_cache = {}
