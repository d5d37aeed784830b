"""Document frequencies that grow with the stream, read through deterministic snapshots.

Scores use the IDF of the last *snapshot*, taken every ``interval`` documents.  Decisions therefore
depend only on the arrival order of the articles, never on how they were batched or whether the
process restarted in between; a snapshot only copies the counts that changed since the last one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Protocol

from ..represent.base import ArticleFeatures

__all__ = ["FIELDS", "DocFreq", "TermPrior", "snapshot_boundary"]

FIELDS: tuple[str, ...] = ("title", "body", "names")


DEFAULT_INTERVAL = 16


def snapshot_boundary(n: int, interval: int = DEFAULT_INTERVAL) -> int:
    """The largest snapshot boundary ``<= n`` (0 when none)."""
    if n < 1:
        return 0
    interval = max(1, interval)
    return (n // interval) * interval


class TermPrior(Protocol):
    """Background knowledge of how common a term is, so IDF is sensible from the first article.

    ``share(field, term)`` is the expected fraction of documents containing the term; the clusterer
    counts it as ``docs`` pseudo-documents beside the stream's own document frequencies.
    """

    docs: int

    def share(self, field: str, term: str) -> float: ...


def _terms(features: ArticleFeatures, field: str) -> Mapping[str, float]:
    mapping: Mapping[str, float] = getattr(features, field)
    return mapping


class DocFreq:
    """Per-field document frequencies (live counts and the snapshot used for IDF)."""

    def __init__(self, interval: int = DEFAULT_INTERVAL) -> None:
        self.interval = max(1, interval)
        self.n = 0
        self.live: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
        self.snap_n = 0
        self.snap: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
        self.dirty: dict[str, set[str]] = {f: set() for f in FIELDS}  # changed since last persisted
        self.pending: dict[str, set[str]] = {f: set() for f in FIELDS}  # changed since last snapshot
        self.frozen = False

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
        self.frozen = True

    def add(self, features: ArticleFeatures) -> None:
        if self.frozen:
            return
        for field in FIELDS:
            counts = self.live[field]
            dirty = self.dirty[field]
            pending = self.pending[field]
            for term in _terms(features, field):
                counts[term] = counts.get(term, 0) + 1
                dirty.add(term)
                pending.add(term)
        self.n += 1
        if self.n % self.interval == 0:
            self._snapshot()

    def _snapshot(self) -> None:
        self.snap_n = self.n
        for field in FIELDS:
            live, snap = self.live[field], self.snap[field]
            for term in self.pending[field]:
                snap[term] = live[term]
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
        boundary = snapshot_boundary(n, self.interval)
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
