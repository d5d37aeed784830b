"""``newsprism watch``: poll the followed feeds continuously; ingest and cluster each new article.

Two threads share the work.  The asyncio loop does the network and the schedule: each due feed is
polled (conditional GET with its ETag/Last-Modified, robots.txt checked), entries whose URL names
no stored article are fetched, and every fetched page is queued for the writer.  All requests go
through one :class:`~newsprism.ingest.fetch.Fetcher`, which keeps one request at a time per host,
``host_delay`` between them and ``fetch_concurrency`` in flight overall; timeouts and 5xx answers are
retried with backoff, and a feed that still fails is retried after ``poll_interval`` doubled per
failure in a row (capped at a day) -- other feeds are never held up.

One *database thread* owns the SQLite connection: it reads the schedule and writes, through
:meth:`~newsprism.engine.Engine.ingest_drafts`, every batch of queued pages in one transaction
together with their feed links, the entry URLs refused for good and the new state of the feeds
whose poll is complete.  A feed's state (its ETag) is written only after all its pages, so a crash
never marks entries as seen that were not stored; entries that failed for a transient reason, or
were left for a later poll, clear the validators so the next poll reads the whole feed again.

Shutdown (SIGINT/SIGTERM, or :meth:`Watcher.stop`): no new poll starts, polls in flight are
cancelled, and every page already fetched is written before :meth:`Watcher.run` returns.  Memory
stays bounded: at most ``_PAGES_IN_MEMORY`` fetched pages wait for the writer.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from ..engine import Engine
from ..errors import FetchError, IngestError
from ..ingest.feeds import FeedEntry, parse_feed
from ..ingest.fetch import FEED, HTML, TRANSIENT_REASONS, FetchedDraft, Fetcher, draft_from_page
from ..ingest.urls import normalise_url
from ..model import Rejection
from ..settings import Settings
from ..store.feeds import Feed, FeedStore
from ..store.sqlite import SQLiteStore
from .robots import RobotsCache

__all__ = ["WatchEvent", "WatchStats", "Watcher", "retry_delay"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

_PAGES_IN_MEMORY = 64  # fetched pages waiting for the writer, at most
_WRITE_BATCH = 200  # pages per write transaction, at most (far below the runner's process-pool threshold)
_RESCAN = 30.0  # seconds between two looks at the feed table when nothing is due (feeds added meanwhile)
_MAX_RETRY_DELAY = 86_400.0


def retry_delay(failures: int, interval: float) -> float:
    """Seconds before a feed that failed ``failures`` polls in a row is polled again."""
    return float(min(max(interval, 60.0) * 2 ** max(failures - 1, 0), _MAX_RETRY_DELAY))


@dataclass(slots=True)
class WatchStats:
    """Counts since the watch started (``skipped`` by reason)."""

    feeds: int = 0
    polls: int = 0  # successful ones (feed fetched and read, or not modified)
    not_modified: int = 0
    failed_polls: int = 0
    pages: int = 0
    ingested: int = 0
    duplicates: int = 0
    writes: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failing: set[str] = field(default_factory=set)  # feeds whose last poll failed
    max_lateness: float = 0.0  # seconds a poll started after it was due (after the first round)
    started: float = field(default_factory=time.monotonic)
    not_due: int = 0  # --once: feeds left alone because their next poll is later
    next_due: float | None = None  # ... the earliest of those times (epoch seconds)

    def summary(self) -> str:
        line = (
            f"polled {self.polls} ({self.not_modified} unchanged, {self.failed_polls} failed), fetched {self.pages}"
            f" pages: ingested {self.ingested}, duplicates {self.duplicates}, skipped {sum(self.skipped.values())}"
        )
        if self.skipped:
            line += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.skipped.items())) + ")"
        if self.not_due and self.next_due is not None:
            at = datetime.fromtimestamp(self.next_due, UTC).strftime("%Y-%m-%d %H:%M UTC")
            feeds = "1 feed" if self.not_due == 1 else f"{self.not_due} feeds"
            line += f"; {feeds} not due until {at} (--now polls them anyway)"
        return line

    def to_json(self) -> dict[str, Any]:
        return {
            "feeds": self.feeds,
            "polls": self.polls,
            "not_modified": self.not_modified,
            "failed_polls": self.failed_polls,
            "pages": self.pages,
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "skipped": dict(sorted(self.skipped.items())),
            "failing": sorted(self.failing),
            "not_due": self.not_due,
            "next_due": datetime.fromtimestamp(self.next_due, UTC).isoformat() if self.next_due else None,
            "writes": self.writes,
            "seconds": round(time.monotonic() - self.started, 2),
        }


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """What the watcher just did, for a status display: ``kind`` is ``poll``, ``failed``, ``skip``,
    ``write`` or ``idle`` (waiting ``wait`` seconds for the next due feed)."""

    kind: str
    message: str
    stats: WatchStats
    url: str | None = None
    wait: float = 0.0


@dataclass(slots=True)
class _Page:
    draft: FetchedDraft
    feed: Feed
    key: str  # the entry URL, normalised


@dataclass(slots=True)
class _FeedDone:
    feed: Feed
    next_due: float = 0.0
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    not_modified: bool = False
    incomplete: bool = False  # entries left for a later poll: do not keep the validators
    seen: list[tuple[str, str]] = field(default_factory=list)
    new: int = 0


class Watcher:
    """Polls the feeds of ``engine``'s store; see the module docstring.

    ``fetcher`` is injected by tests (an address policy for the loopback server, short timeouts);
    ``clock`` gives epoch seconds for the schedule.  ``on_event`` receives a :class:`WatchEvent`
    for every poll, refusal and write (from the event loop's thread).
    """

    def __init__(
        self,
        engine: Engine,
        *,
        fetcher: Fetcher | None = None,
        interval: float | None = None,
        clock: Callable[[], float] = time.time,
        on_event: Callable[[WatchEvent], None] | None = None,
    ) -> None:
        if not isinstance(engine.store, SQLiteStore):
            raise FetchError("newsprism watch needs the SQLite store")
        self.engine = engine
        self.settings: Settings = engine.settings
        self.feeds = FeedStore(engine.store)
        self.fetcher = fetcher or Fetcher(self.settings)
        self.robots = RobotsCache(self.fetcher, agent=self.settings.user_agent)
        self.interval = self.settings.poll_interval if interval is None else interval
        self.stats = WatchStats()
        self._clock = clock
        self._on_event = on_event
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._pending_feeds: set[int] = set()  # polled, state not written yet
        self._pending_urls: set[str] = set()  # entries being fetched or waiting for the writer
        self._memory: asyncio.Semaphore | None = None
        self._wake = asyncio.Event()
        self._started_at = clock()

    # -- control ----------------------------------------------------------------------------------
    def run(self, *, once: bool = False, handle_signals: bool = True, now: bool = False) -> WatchStats:
        """Watch until stopped (``once``: poll every due feed once, write, return; ``now``: every
        feed is due at the start, whenever its next poll was planned)."""
        return asyncio.run(self.run_async(once=once, handle_signals=handle_signals, now=now))

    def stop(self) -> None:
        """Ask the watcher to stop (from any thread or a signal handler)."""
        loop, stop = self._loop, self._stop
        if loop is None or stop is None:
            return
        if threading.current_thread() is threading.main_thread() and _running_loop() is loop:
            stop.set()
        else:
            loop.call_soon_threadsafe(stop.set)

    @property
    def stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()

    def _emit(self, kind: str, message: str, *, url: str | None = None, wait: float = 0.0) -> None:
        if kind in ("failed", "skip"):
            logger.info("%s", message)
        if self._on_event is not None:
            self._on_event(WatchEvent(kind, message, self.stats, url, wait))

    async def _db(self, func: Callable[..., T], *args: Any) -> T:
        """Run ``func`` on the database thread (the only thread that touches the connection)."""
        assert self._executor is not None
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(func, *args))

    # -- the loop ---------------------------------------------------------------------------------
    async def run_async(self, *, once: bool = False, handle_signals: bool = True, now: bool = False) -> WatchStats:
        now_all = now
        loop = asyncio.get_running_loop()
        self._loop, self._stop = loop, asyncio.Event()
        self._wake = asyncio.Event()  # set by the writer: feeds got new due times
        self._memory = asyncio.Semaphore(_PAGES_IN_MEMORY)
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="newsprism-db")
        signals = self._install_signals(loop) if handle_signals else []
        queue: asyncio.Queue[_Page | _FeedDone | None] = asyncio.Queue()
        writer = asyncio.create_task(self._writer(queue), name="newsprism-writer")
        polls: set[asyncio.Task[None]] = set()
        stop_wait = asyncio.create_task(self._stop.wait())
        try:
            async with self.fetcher:
                self._started_at = self._clock()
                first = True
                while not self._stop.is_set():
                    feeds = await self._db(self.feeds.feeds)
                    self.stats.feeds = len(feeds)
                    now = self._clock()
                    if first and now_all:  # --now: every feed is due at the start
                        feeds = [replace(f, next_due=min(f.next_due, now)) for f in feeds]
                    if first:  # a failure before this run counts as failing until a poll succeeds
                        self.stats.failing.update(f.url for f in feeds if f.failures)
                    first = False
                    for feed in feeds:
                        if feed.next_due <= now and feed.id not in self._pending_feeds:
                            if feed.next_due > self._started_at:  # scheduled during this watch: on time?
                                self.stats.max_lateness = max(self.stats.max_lateness, now - feed.next_due)
                            self._pending_feeds.add(feed.id)
                            task = asyncio.create_task(self._poll(feed, queue), name=f"poll {feed.url}")
                            polls.add(task)
                            task.add_done_callback(polls.discard)
                    if once:
                        later = [f.next_due for f in feeds if f.next_due > now]
                        self.stats.not_due, self.stats.next_due = len(later), min(later, default=None)
                        waits: set[asyncio.Future[Any]] = {asyncio.gather(*polls), stop_wait, writer}
                        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
                        break
                    upcoming = [f.next_due for f in feeds if f.id not in self._pending_feeds and f.next_due > now]
                    wait = min([_RESCAN, *(d - now for d in upcoming)])
                    self._emit("idle", f"next poll in {wait:.0f} s", wait=wait)
                    self._wake.clear()
                    woken = asyncio.create_task(self._wake.wait())
                    await asyncio.wait(
                        {stop_wait, writer, woken}, timeout=max(wait, 0.05), return_when=asyncio.FIRST_COMPLETED
                    )
                    woken.cancel()
                    if writer.done():
                        break
                for task in list(polls):  # stopping: what was fetched is written, the rest is dropped
                    task.cancel()
                await asyncio.gather(*polls, return_exceptions=True)
                await queue.put(None)
                await writer
        finally:
            stop_wait.cancel()
            if not writer.done():
                writer.cancel()
                await asyncio.gather(writer, return_exceptions=True)
            for sig in signals:
                loop.remove_signal_handler(sig)
            self._executor.shutdown(wait=True)
            self._executor = None
        return self.stats

    def _install_signals(self, loop: asyncio.AbstractEventLoop) -> list[int]:
        if threading.current_thread() is not threading.main_thread():
            return []
        installed: list[int] = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, self._on_signal, sig)
            except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - not on this platform
                continue
            installed.append(sig)
        return installed

    def _on_signal(self, sig: int) -> None:
        name = signal.Signals(sig).name
        if self.stopping:
            logger.warning("%s again: still writing what was fetched, please wait", name)
            return
        logger.warning("%s: stopping after writing what was fetched", name)
        self.stop()

    # -- polling ----------------------------------------------------------------------------------
    async def _poll(self, feed: Feed, queue: asyncio.Queue[_Page | _FeedDone | None]) -> None:
        done = _FeedDone(feed)
        try:
            if self.settings.obey_robots and not await self.robots.allowed(feed.url):
                raise FetchError("disallowed by robots.txt", url=feed.url, reason="robots")
            page = await self.fetcher.fetch(feed.url, accept=(FEED,), etag=feed.etag, last_modified=feed.last_modified)
            if page.not_modified:
                done.not_modified = True
                self.stats.not_modified += 1
            else:
                parsed = parse_feed(page.body, url=page.final_url)
                done.etag, done.last_modified, done.title = page.etag, page.last_modified, parsed.title
            self.stats.polls += 1
            if not page.not_modified:
                await self._entries(feed, parsed.entries, queue, done)
            done.next_due = self._clock() + self.interval
            self.stats.failing.discard(feed.url)
            self._emit("poll", self._poll_line(feed, done), url=feed.url)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if isinstance(exc, IngestError):
                done.error = f"{exc.reason}: {exc.message}"
            else:  # a bug must not stop the other feeds
                logger.exception("polling %s failed", feed.url)
                done.error = f"internal-error: {type(exc).__name__}: {exc}"
            done.next_due = self._clock() + retry_delay(feed.failures + 1, self.interval)
            self.stats.failed_polls += 1
            self.stats.failing.add(feed.url)
            self._emit("failed", f"feed {feed.url} failed ({done.error}); next try in "
                       f"{done.next_due - self._clock():.0f} s", url=feed.url)  # fmt: skip
        await queue.put(done)

    @staticmethod
    def _poll_line(feed: Feed, done: _FeedDone) -> str:
        if done.not_modified:
            return f"feed {feed.url}: not modified"
        return f"feed {feed.url}: {done.new} new {'entry' if done.new == 1 else 'entries'}"

    async def _entries(
        self, feed: Feed, entries: Sequence[FeedEntry], queue: asyncio.Queue[_Page | _FeedDone | None], done: _FeedDone
    ) -> None:
        keys = [(entry, normalise_url(entry.url)) for entry in entries]
        known = await self._db(self.feeds.known_urls, [k for _, k in keys])
        fresh: list[tuple[FeedEntry, str]] = []
        for entry, key in keys:
            if key in known or key in self._pending_urls or any(key == k for _, k in fresh):
                continue
            fresh.append((entry, key))
        limit = self.settings.max_entries_per_poll
        if len(fresh) > limit:
            done.incomplete = True
            fresh = fresh[:limit]
        done.new = len(fresh)
        self._pending_urls.update(k for _, k in fresh)
        results = await asyncio.gather(*(self._entry(feed, entry, key, queue, done) for entry, key in fresh))
        done.incomplete = done.incomplete or not all(results)

    async def _entry(
        self, feed: Feed, entry: FeedEntry, key: str, queue: asyncio.Queue[_Page | _FeedDone | None], done: _FeedDone
    ) -> bool:
        """Fetch one entry's page and queue it; False when it failed for a transient reason."""
        assert self._memory is not None
        url = entry.url
        await self._memory.acquire()
        queued = False
        try:
            if self.settings.obey_robots and not await self.robots.allowed(url):
                raise FetchError("disallowed by robots.txt", url=url, reason="robots")
            page = await self.fetcher.fetch(url, accept=(HTML,))
            draft = draft_from_page(page, origin=url, published=entry.published)
            self.stats.pages += 1
            await queue.put(_Page(draft, feed, key))
            queued = True
            return True
        except IngestError as exc:
            self.stats.skipped[exc.reason] += 1
            self._emit("skip", f"skipped {Rejection(url, exc.reason, exc.message).line()}", url=url)
            if exc.reason in TRANSIENT_REASONS:
                return False
            done.seen.append((key, exc.reason))
            return True
        finally:
            if not queued:  # the writer releases the pages it was given
                self._memory.release()
                self._pending_urls.discard(key)

    # -- writing ----------------------------------------------------------------------------------
    async def _writer(self, queue: asyncio.Queue[_Page | _FeedDone | None]) -> None:
        assert self._memory is not None
        while True:
            item = await queue.get()
            if item is None:
                return
            items: list[_Page | _FeedDone] = [item]
            last = False
            while not queue.empty() and sum(isinstance(i, _Page) for i in items) < _WRITE_BATCH:
                more = queue.get_nowait()
                if more is None:
                    last = True
                    break
                items.append(more)
            try:
                ingested, duplicates, rejected = await self._db(self._write, items)
            finally:
                for i in items:
                    if isinstance(i, _Page):
                        self._memory.release()
                        self._pending_urls.discard(i.key)
                    else:
                        self._pending_feeds.discard(i.feed.id)
            self.stats.writes += 1
            if any(isinstance(i, _FeedDone) for i in items):
                self._wake.set()
            self.stats.ingested += ingested
            self.stats.duplicates += duplicates
            for r in rejected:
                self.stats.skipped[r.reason] += 1
                self._emit("skip", f"skipped {r.line()}", url=r.origin)
            pages = sum(isinstance(i, _Page) for i in items)
            if pages:
                self._emit(
                    "write",
                    f"stored {_count(pages, 'page')}: {_count(ingested, 'new article')}, "
                    f"{_count(duplicates, 'duplicate')}",
                )
            if last:
                return

    def _write(self, items: list[_Page | _FeedDone]) -> tuple[int, int, list[Rejection]]:
        """One transaction: the pages through the engine, their feed links, refused entries, feed states."""
        pages = [i for i in items if isinstance(i, _Page)]
        dones = [i for i in items if isinstance(i, _FeedDone)]
        by_origin = {p.draft.origin: p for p in pages}
        rejected: list[Rejection] = []
        try:
            with self.engine.store.transaction():
                report = self.engine.ingest_drafts([p.draft for p in pages], on_reject=rejected.append)
                links = [
                    (aid, page.feed.url, page.feed.group)
                    for aid, origin in self.feeds.origins(report.article_ids).items()
                    if (page := by_origin.get(origin)) is not None
                ]
                self.feeds.link_articles(links)
                seen = [(by_origin[r.origin].key, r.reason) for r in rejected if r.origin in by_origin]
                self.feeds.mark_seen(seen + [s for d in dones for s in d.seen])
                for d in dones:
                    keep = d.not_modified
                    self.feeds.record_poll(
                        d.feed.id,
                        next_due=d.next_due,
                        error=d.error,
                        etag=None if d.incomplete else d.etag,
                        last_modified=None if d.incomplete else d.last_modified,
                        title=d.title,
                        keep_validators=keep,
                    )
        except BaseException:
            self.engine.discard_state()
            raise
        return report.ingested, report.duplicates, rejected


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _count(n: int, word: str) -> str:
    """ "1 page", "3 pages"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
