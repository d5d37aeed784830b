"""Engines for a threaded server: one writer, a pool of readers.

Request handlers run in a thread pool.  An :class:`~newsprism.Engine` is not thread-safe (its
store holds one SQLite connection and the clusterer's in-memory state), so writes (ingest, delete)
go through the single writer engine under a lock, and every read borrows an engine of its own from a
pool: SQLite in WAL mode lets readers run beside the writer.  An in-memory database cannot be
shared between connections, so there every request uses the writer under the lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..engine import Engine
from ..settings import Settings

__all__ = ["EngineHub"]


class EngineHub:
    def __init__(self, settings: Settings, *, factory: Callable[[Settings], Engine] | None = None) -> None:
        self.settings = settings
        self._factory: Callable[[Settings], Engine] = factory or (lambda s: Engine.open(s))
        self._writer = self._factory(settings)  # opens (and migrates) the database once, up front
        self._write_lock = threading.Lock()
        self._pool_lock = threading.Lock()
        self._idle: list[Engine] = []
        self._opened: list[Engine] = [self._writer]
        self._shared = settings.db == ":memory:"
        self._closed = False

    @property
    def writer(self) -> Engine:
        """The writer engine, for setup before serving (not for request handlers: use :meth:`write`)."""
        return self._writer

    @contextmanager
    def read(self) -> Iterator[Engine]:
        """An engine for reading (and caching analyses) that no other thread uses meanwhile."""
        if self._shared:
            with self._write_lock:
                yield self._writer
            return
        with self._pool_lock:
            engine = self._idle.pop() if self._idle else None
        if engine is None:
            engine = self._factory(self.settings)
            with self._pool_lock:
                self._opened.append(engine)
        try:
            yield engine
        finally:
            with self._pool_lock:
                self._idle.append(engine)

    @contextmanager
    def write(self) -> Iterator[Engine]:
        """The one engine that ingests and deletes, held by one thread at a time."""
        with self._write_lock:
            yield self._writer

    def close(self) -> None:
        with self._pool_lock:
            if self._closed:
                return
            self._closed = True
            opened, self._opened, self._idle = self._opened, [], []
        for engine in opened:
            engine.close()
