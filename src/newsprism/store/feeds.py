"""Feeds, URL aliases and feed groups in the SQLite store (tables of migration ``0004_feeds``).

:class:`FeedStore` is a small companion of :class:`~newsprism.store.sqlite.SQLiteStore` over the
same connection; its writes join the store's :meth:`~newsprism.store.sqlite.SQLiteStore.transaction`,
so ``watch`` writes a feed's articles and its new state (ETag, next poll) all or nothing.

Groups: the label a user gave a feed (``feeds add URL --group LABEL``) is recorded with every
article first found in that feed.  :meth:`FeedStore.groups_of_articles` and
:meth:`FeedStore.group_of_url` read it back for the story views; an article that came from no
feed takes the group of the feeds on its host when they agree on one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from ..ingest.clean import registrable_domain
from ..ingest.urls import normalise_url, registrable_host
from .sqlite import SQLiteStore

__all__ = ["Feed", "FeedStore", "group_of_url", "groups_of_articles"]

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None = None
    group: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    added_at: str = ""
    last_polled: str | None = None
    last_ok: str | None = None
    last_error: str | None = None
    next_due: float = 0.0
    failures: int = 0
    articles: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "group": self.group,
            "added_at": self.added_at,
            "last_polled": self.last_polled,
            "last_ok": self.last_ok,
            "last_error": self.last_error,
            "next_due": datetime.fromtimestamp(self.next_due, UTC).isoformat(timespec="seconds")
            if self.next_due
            else None,
            "failures": self.failures,
            "articles": self.articles,
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _feed(row: sqlite3.Row) -> Feed:
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        group=row["group_label"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        added_at=row["added_at"],
        last_polled=row["last_polled"],
        last_ok=row["last_ok"],
        last_error=row["last_error"],
        next_due=float(row["next_due"]),
        failures=row["failures"],
        articles=row["articles"],
    )


def _site(url: str | None) -> str | None:
    """The registrable domain of a URL (``feeds.bbc.co.uk`` and ``www.bbc.co.uk`` are one site)."""
    host = registrable_host(url) if url else None
    return registrable_domain(host) if host else None


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


class FeedStore:
    """Feeds and URL aliases over an open :class:`SQLiteStore`."""

    def __init__(self, store: SQLiteStore) -> None:
        if not isinstance(store, SQLiteStore):
            raise StoreError("feeds need the SQLite store")
        self.store = store
        self._db = store._db

    def transaction(self) -> AbstractContextManager[None]:
        return self.store.transaction()

    # -- feeds ------------------------------------------------------------------------------------
    def add(self, url: str, *, title: str | None = None, group: str | None = None) -> tuple[Feed, bool]:
        """Add a feed (its URL normalised); ``(feed, created)``.  Adding a known feed again updates
        its group and title when given."""
        key = normalise_url(url)
        with self.transaction():
            existing = self.get(key)
            if existing is not None:
                if (group is not None and group != existing.group) or (title and not existing.title):
                    self._db.execute(
                        "UPDATE feeds SET group_label = coalesce(?, group_label), title = coalesce(title, ?)"
                        " WHERE id = ?",
                        (group, title, existing.id),
                    )
                    existing = self.get(key)
                assert existing is not None
                return existing, False
            self._db.execute(
                "INSERT INTO feeds (url, title, group_label, added_at) VALUES (?, ?, ?, ?)",
                (key, title, group, _now()),
            )
        feed = self.get(key)
        assert feed is not None
        return feed, True

    def get(self, url: str) -> Feed | None:
        row = self._db.execute("SELECT * FROM feeds WHERE url = ?", (normalise_url(url),)).fetchone()
        return _feed(row) if row else None

    def remove(self, url: str) -> bool:
        with self.transaction():
            cur = self._db.execute("DELETE FROM feeds WHERE url = ?", (normalise_url(url),))
        return cur.rowcount > 0

    def feeds(self) -> list[Feed]:
        return [
            _feed(r) for r in self._db.execute("SELECT * FROM feeds ORDER BY group_label IS NULL, group_label, url")
        ]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM feeds").fetchone()[0])

    def due(self, now: float, *, exclude: Iterable[int] = ()) -> list[Feed]:
        """Feeds whose next poll is due at ``now`` (epoch seconds), most overdue first."""
        skip = set(exclude)
        rows = self._db.execute("SELECT * FROM feeds WHERE next_due <= ? ORDER BY next_due, id", (now,))
        return [f for f in map(_feed, rows) if f.id not in skip]

    def next_due(self) -> float | None:
        row = self._db.execute("SELECT min(next_due) FROM feeds").fetchone()
        return float(row[0]) if row and row[0] is not None else None

    def record_poll(
        self,
        feed_id: int,
        *,
        next_due: float,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
        keep_validators: bool = False,
    ) -> None:
        """Record a poll: a success (``error`` ``None``) resets the failure count and stores the new
        validators (``keep_validators`` for a ``304``); a failure counts one more."""
        now = _now()
        if error is None:
            self._db.execute(
                "UPDATE feeds SET last_polled = ?, last_ok = ?, last_error = NULL, failures = 0, next_due = ?,"
                " etag = CASE WHEN ? THEN etag ELSE ? END, last_modified = CASE WHEN ? THEN last_modified ELSE ? END,"
                " title = coalesce(?, title) WHERE id = ?",
                (now, now, next_due, keep_validators, etag, keep_validators, last_modified, title, feed_id),
            )
        else:
            self._db.execute(
                "UPDATE feeds SET last_polled = ?, last_error = ?, failures = failures + 1, next_due = ? WHERE id = ?",
                (now, error, next_due, feed_id),
            )

    # -- URL aliases ------------------------------------------------------------------------------
    def article_for_url(self, url: str) -> int | None:
        row = self._db.execute("SELECT article_id FROM article_urls WHERE url = ?", (normalise_url(url),)).fetchone()
        return int(row[0]) if row else None

    def aliases(self, article_id: int) -> list[str]:
        rows = self._db.execute("SELECT url FROM article_urls WHERE article_id = ? ORDER BY url", (article_id,))
        return [str(r[0]) for r in rows]

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of these (normalised) URLs name a stored article or a refused entry."""
        values = sorted(set(urls))
        found: set[str] = set()
        for chunk in _chunks(values):
            marks = ",".join("?" * len(chunk))
            for table in ("article_urls", "seen_urls"):
                found.update(
                    str(r[0]) for r in self._db.execute(f"SELECT url FROM {table} WHERE url IN ({marks})", chunk)
                )
        return found

    def mark_seen(self, rows: Iterable[tuple[str, str]]) -> None:
        """Remember entry URLs refused for good (``(url, reason)``) so that no poll fetches them again."""
        now = _now()
        self._db.executemany(
            "INSERT INTO seen_urls (url, reason, at) VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " reason = excluded.reason, at = excluded.at",
            [(url, reason, now) for url, reason in rows],
        )

    # -- groups -----------------------------------------------------------------------------------
    def link_articles(self, rows: Iterable[tuple[int, str, str | None]]) -> None:
        """Record ``(article_id, feed_url, group)``: the feed an article was found in (first one wins);
        each feed's article count goes up by its new articles."""
        rows = list(rows)
        self._db.executemany(
            "INSERT INTO article_feeds (article_id, feed_url, group_label) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO NOTHING",
            rows,
        )
        counts: dict[str, int] = {}
        for _, feed_url, _ in rows:
            counts[feed_url] = counts.get(feed_url, 0) + 1
        self._db.executemany(
            "UPDATE feeds SET articles = articles + ? WHERE url = ?", [(n, u) for u, n in counts.items()]
        )

    def origins(self, article_ids: Iterable[int]) -> dict[int, str]:
        """``{article id: origin}`` (the URL a fetched article was asked for)."""
        out: dict[int, str] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            marks = ",".join("?" * len(chunk))
            out.update((int(r[0]), str(r[1])) for r in self._db.execute(
                f"SELECT id, origin FROM articles WHERE id IN ({marks})", chunk
            ))  # fmt: skip
        return out

    def groups_of_articles(self, article_ids: Iterable[int]) -> dict[int, str]:
        """The group of each article that has one: its feed's current group (the group recorded when
        it was found if the feed was removed since), else the group its host's feeds agree on."""
        ids = sorted(set(article_ids))
        out: dict[int, str] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT af.article_id, CASE WHEN f.id IS NULL THEN af.group_label ELSE f.group_label END"
                f" FROM article_feeds af LEFT JOIN feeds f ON f.url = af.feed_url WHERE af.article_id IN ({marks})",
                chunk,
            )
            out.update({int(r[0]): str(r[1]) for r in rows if r[1]})
        missing = [i for i in ids if i not in out]
        if missing:
            by_host = self._host_groups()
            for chunk in _chunks(missing):
                marks = ",".join("?" * len(chunk))
                for aid, url in self._db.execute(f"SELECT id, url FROM articles WHERE id IN ({marks})", chunk):
                    host = _site(url)
                    if host and host in by_host:
                        out[int(aid)] = by_host[host]
        return out

    def group_of_url(self, url: str) -> str | None:
        """The group of the article a URL names, else of the feeds on the URL's host (when they agree)."""
        article_id = self.article_for_url(url)
        if article_id is not None:
            group = self.groups_of_articles([article_id]).get(article_id)
            if group:
                return group
        host = _site(normalise_url(url))
        return self._host_groups().get(host) if host else None

    def _host_groups(self) -> dict[str, str]:
        groups: dict[str, set[str]] = {}
        for url, group in self._db.execute("SELECT url, group_label FROM feeds WHERE group_label IS NOT NULL"):
            host = _site(url)
            if host:
                groups.setdefault(host, set()).add(group)
        return {host: next(iter(g)) for host, g in groups.items() if len(g) == 1}


def group_of_url(store: SQLiteStore, url: str) -> str | None:
    """:meth:`FeedStore.group_of_url` on an open store (for the story views)."""
    return FeedStore(store).group_of_url(url)


def groups_of_articles(store: SQLiteStore, article_ids: Iterable[int]) -> dict[int, str]:
    """:meth:`FeedStore.groups_of_articles` on an open store: ``{article id: group}``."""
    return FeedStore(store).groups_of_articles(article_ids)
