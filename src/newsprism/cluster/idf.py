"""Document frequencies that grow with the stream, read through deterministic snapshots.

Scores use the IDF of the last *snapshot*, taken every ``interval`` documents.  Decisions therefore
depend only on the arrival order of the articles, never on how they were batched or whether the
process restarted in between; a snapshot only copies the counts that changed since the last one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

from ..represent.base import ArticleFeatures

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


try:  # the C helper behind Counter.update: counts the keys of an iterable into any dict
    from collections import _count_elements as _count  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons

    def _count(mapping: dict[str, int], iterable: Iterable[str]) -> None:
        for item in iterable:
            mapping[item] = mapping.get(item, 0) + 1


def _terms(features: ArticleFeatures, field: str) -> Mapping[str, float]:
    mapping: Mapping[str, float] = getattr(features, field)
    return mapping


class DocFreq:
    """Per-field document frequencies (live counts and the snapshot used for IDF)."""

    def __init__(self, growth: int = DEFAULT_GROWTH) -> None:
        self.growth = max(1, growth)
        self.n = 0
        self._next = 1
        self.live: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
        self.snap_n = 0
        self.snap: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
        self.dirty: dict[str, set[str]] = {f: set() for f in FIELDS}  # changed since last persisted
        self.pending: dict[str, set[str]] = {f: set() for f in FIELDS}  # changed since last snapshot
        self.frozen = False
        # numpy view of the snapshot: a term id per term, log(df + 1) per id, IDF per id cached
        self.ids: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
        self._lam: dict[str, np.ndarray] = {f: np.zeros(1024) for f in FIELDS}
        self._idf_cache: dict[str, tuple[int, int, np.ndarray]] = {}

    def _id(self, field: str, term: str) -> int:
        ids = self.ids[field]
        i = ids.get(term)
        if i is None:
            i = ids[term] = len(ids)
            lam = self._lam[field]
            if i >= len(lam):
                grown = np.zeros(max(1024, 2 * len(lam)))
                grown[: len(lam)] = lam
                self._lam[field] = grown
        return i

    def _set_lam(self, field: str, term: str, df: int) -> None:
        i = self._id(field, term)  # may grow the array: look it up afterwards
        self._lam[field][i] = math.log(df + 1)

    def idf_array(self, field: str) -> np.ndarray:
        """IDF of the snapshot for every term id (terms unseen at the snapshot get the highest)."""
        size = len(self.ids[field])
        cached = self._idf_cache.get(field)
        if cached is not None and cached[0] == self.snap_n and cached[1] >= size:
            return cached[2]
        arr = (math.log(self.snap_n + 1) + 1.0) - self._lam[field][: max(size, 1)]
        self._idf_cache[field] = (self.snap_n, size, arr)
        return arr

    def term_ids(self, field: str, terms: Iterable[str]) -> list[int]:
        """Ids of ``terms`` (new terms get one)."""
        ids = self.ids[field]
        get = ids.get
        out = [get(t, -1) for t in terms]
        if -1 in out:
            out = [i if i >= 0 else self._id(field, t) for i, t in zip(out, terms, strict=True)]
        return out

    def freeze_with(self, corpus: Iterable[ArticleFeatures]) -> None:
        """Batch mode: IDF from the whole corpus, unchanged by later :meth:`add` calls."""
        self.live = {f: {} for f in FIELDS}
        self.n = 0
        for features in corpus:
            self.n += 1
            for field in FIELDS:
                counts = self.live[field]
                for term in _terms(features, field):
                    counts[term] = counts.get(term, 0) + 1
        self.snap_n = self.n
        self.snap = {f: dict(self.live[f]) for f in FIELDS}
        for field in FIELDS:
            for term, df in self.snap[field].items():
                self._set_lam(field, term, df)
        self.frozen = True

    def add(self, features: ArticleFeatures) -> None:
        if self.frozen:
            return
        for field in FIELDS:
            terms = _terms(features, field)
            _count(self.live[field], terms)  # C-speed counting
            self.dirty[field].update(terms)
            self.pending[field].update(terms)
            ids = self.ids[field]
            if not ids.keys() >= terms.keys():  # C-speed check; new terms get ids in article order
                for term in terms:
                    if term not in ids:
                        self._id(field, term)
        self.n += 1
        if self.n >= self._next:
            self._snapshot()
            self._next = _next_boundary(self.n, self.growth)

    def _snapshot(self) -> None:
        self.snap_n = self.n
        for field in FIELDS:
            live, snap = self.live[field], self.snap[field]
            lam, ids, log = self._lam[field], self.ids[field], math.log
            for term in self.pending[field]:
                df = snap[term] = live[term]
                lam[ids[term]] = log(df + 1)
            self.pending[field] = set()

    def idf(self, field: str, term: str) -> float:
        """Smoothed IDF from the snapshot; unseen terms get the highest weight."""
        return math.log((self.snap_n + 1) / (self.snap[field].get(term, 0) + 1)) + 1.0

    def idf_map(self, field: str) -> tuple[dict[str, int], float]:
        """``(snapshot counts, log(N+1))`` for hot loops: idf = log_n1 - log(df+1) + 1."""
        return self.snap[field], math.log(self.snap_n + 1)

    def take_dirty(self) -> dict[str, dict[str, int]]:
        """Live counts of the terms changed since the last call (for persisting)."""
        out = {f: {t: self.live[f][t] for t in sorted(self.dirty[f])} for f in FIELDS}
        self.dirty = {f: set() for f in FIELDS}
        return out

    def restore(self, counts: Mapping[str, Mapping[str, int]], n: int, tail: Iterable[ArticleFeatures]) -> None:
        """Load live counts over ``n`` documents; ``tail`` holds the features of the documents that
        arrived after the last snapshot boundary, so the snapshot can be reconstructed exactly."""
        self.n = n
        self.live = {f: dict(counts.get(f, {})) for f in FIELDS}
        self.dirty = {f: set() for f in FIELDS}
        self.pending = {f: set() for f in FIELDS}
        snap = {f: dict(self.live[f]) for f in FIELDS}
        tail = list(tail)
        boundary = snapshot_boundary(n, self.growth)
        self._next = _next_boundary(boundary, self.growth) if boundary else 1
        if len(tail) != n - boundary:
            raise ValueError(f"need the {n - boundary} documents after the snapshot, got {len(tail)}")
        for features in tail:
            for field in FIELDS:
                counts_f = snap[field]
                for term in _terms(features, field):
                    self.pending[field].add(term)
                    left = counts_f[term] - 1
                    if left:
                        counts_f[term] = left
                    else:
                        del counts_f[term]
        self.snap_n = boundary
        self.snap = snap
        self.ids = {f: {} for f in FIELDS}
        self._lam = {f: np.zeros(1024) for f in FIELDS}
        self._idf_cache = {}
        for field in FIELDS:
            for term in sorted(self.live[field]):  # every counted term gets an id
                self._id(field, term)
            for term, df in snap[field].items():
                self._set_lam(field, term, df)
