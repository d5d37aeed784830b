"""Fewer garbage-collector passes while ingesting.

Ingest allocates millions of short-lived objects (dicts of term weights, explanations, rows) that
reference counting frees at once, while the clusterer holds a large, long-lived state (every active
story's term sums and features).  With CPython's default thresholds the cyclic collector runs a
young-generation pass every 700 net allocations and, now and then, a full pass over that whole
state: about 6% of the writer's time on 20k articles (bench/throughput.py, ``gc.callbacks``).
During an ingest the thresholds are raised to (50,000, 20, 100): young passes ~70x and full passes
~1,000x rarer, which leaves memory unchanged (nothing the pipeline builds depends on the collector
to be freed); the previous thresholds are restored afterwards.  Nested or concurrent ingests
(threads of ``newsprism serve``) share one relaxation.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["INGEST_THRESHOLDS", "relax_for_worker", "relaxed_gc"]

INGEST_THRESHOLDS = (50_000, 20, 100)

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def relaxed_gc() -> Iterator[None]:
    """Raise the collector's thresholds for the duration (never lowers them)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            current = gc.get_threshold()
            _saved = (current[0], current[1], current[2])
            gc.set_threshold(*(max(a, b) for a, b in zip(_saved, INGEST_THRESHOLDS, strict=True)))
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


def relax_for_worker() -> None:
    """A worker process only prepares articles: relaxed for its whole life."""
    current = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(current, INGEST_THRESHOLDS, strict=True)))
