"""SQLite backend of the :class:`~newsprism.store.base.Store` contract.

WAL journal, foreign keys on, numbered migrations (``migrations/NNNN_name.sql``) each applied in its
own transaction and recorded in ``meta.schema_version``.  A database written by a newer newsprism
(higher schema version) is refused rather than corrupted.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NotFound, StoreError
from ..model import Article, Assignment, Explanation, Story, StoryEvent
from ..represent.base import ArticleFeatures
from .base import AssignmentRow, LabelMember, StoredMember, StoryQuery

__all__ = ["SQLiteStore", "migrations"]

log = logging.getLogger(__name__)

_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """``(number, name, sql)`` of every bundled migration, in order."""
    folder = resources.files("newsprism.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text("utf-8")))
    return sorted(found)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_MAX_ID = 2**63 - 1  # SQLite's largest integer


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _folded(column: str, text: str) -> tuple[str, str]:
    """A column and a search text to LIKE in any case: SQLite's LIKE folds ASCII letters only, so a
    search with other letters ("MÜNCHEN", "путин") compares both sides case-folded."""
    return (column, text) if text.isascii() else (f"np_casefold({column})", text.casefold())


def _known(value: int, what: str, path: str) -> int:
    """An id as SQLite can look it up; one no row can have (0, negative, beyond SQLite's integers,
    as typed by a user) is not found."""
    if not 0 < value <= _MAX_ID:
        raise NotFound(f"no {what} {value}", path=path)
    return value


class SQLiteStore:
    """The default store: one SQLite file (``:memory:`` for tests)."""

    def __init__(self, path: str | Path, *, clock: Any = None) -> None:
        self.path = str(path)
        self._clock = clock or _now
        try:
            if self.path != ":memory:":
                parent = Path(self.path).expanduser().resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"cannot create database {self.path}: no folder {parent}", path=self.path)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.create_function("np_casefold", 1, _casefold, deterministic=True)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA busy_timeout = 60000")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._depth = 0
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}", path=self.path) from exc

    # -- schema -----------------------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_meta:
            return 0
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        known = migrations()
        latest = known[-1][0] if known else 0
        if current > latest:
            raise StoreError(
                f"database {self.path} has schema version {current}, newer than this newsprism "
                f"understands ({latest}); upgrade newsprism",
                path=self.path,
            )
        for number, name, sql in known:
            if number <= current:
                continue
            log.info("applying migration %s", name)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing block; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}", path=self.path) from exc
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._db.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._db.execute("ROLLBACK")
            raise StoreError(f"cannot commit to {self.path}: {exc}", path=self.path) from exc

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: in WAL mode every read in it sees the database as of its first read,
        while other processes write.  Inside :meth:`transaction`, that transaction."""
        if self._depth:
            yield
            return
        self._db.execute("BEGIN")
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            self._db.execute("COMMIT")  # a read transaction: nothing to write

    def close(self) -> None:
        self._db.close()

    # -- meta ---------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- articles -----------------------------------------------------------------------------
    def find_duplicate(self, content_hash: str, url: str | None) -> int | None:
        row = self._db.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        if row is None and url:
            # issue 7: every alias of an article (and its url) is in article_urls
            row = self._db.execute("SELECT article_id FROM article_urls WHERE url = ?", (url,)).fetchone()
        return int(row[0]) if row else None

    def existing_keys(self, hashes: list[str], urls: list[str]) -> tuple[set[str], set[str]]:
        """Which of these content hashes and URLs are stored already (one query each per chunk)."""
        found_h: set[str] = set()
        found_u: set[str] = set()
        # issue 7: URLs are looked up among every article's aliases (article_urls holds each url too)
        for table, column, values, found in (
            ("articles", "content_hash", hashes, found_h),
            ("article_urls", "url", urls, found_u),
        ):
            for i in range(0, len(values), 500):
                chunk = values[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk)
                found.update(str(r[0]) for r in rows)
        return found_h, found_u

    def existing_external_ids(self, external_ids: list[str]) -> set[str]:
        """Which of these external ids some stored article has already."""
        found: set[str] = set()
        for i in range(0, len(external_ids), 500):
            chunk = external_ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT external_id FROM articles WHERE external_id IN ({marks})", chunk)
            found.update(str(r[0]) for r in rows)
        return found

    def add_url_aliases(self, rows: Iterable[tuple[str, int]]) -> None:
        """Record ``(url, article_id)`` aliases (issue 7); a URL already naming an article keeps it."""
        self._db.executemany(
            "INSERT INTO article_urls (url, article_id) VALUES (?, ?) ON CONFLICT (url) DO NOTHING", list(rows)
        )

    def add_articles(self, rows: list[tuple[int, Article, ArticleFeatures, str | None]]) -> None:
        """Insert articles with the ids the caller chose (ascending, above every stored id)."""
        now = self._clock()
        self._db.executemany(
            "INSERT INTO articles (id, external_id, url, outlet, title, text, published, language, author,"
            " content_hash, origin, flags, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    aid,
                    a.external_id,
                    a.url,
                    a.outlet,
                    a.title,
                    a.text,
                    _iso(a.published),
                    a.language,
                    a.author,
                    a.content_hash,
                    a.origin,
                    ",".join(a.flags),
                    _iso(a.ingested_at) or now,
                )
                for aid, a, _, _ in rows
            ],
        )
        self._db.executemany(
            "INSERT INTO features (article_id, version, data) VALUES (?, ?, ?)",
            [(aid, f.version, text or f.dumps()) for aid, _, f, text in rows],
        )
        self.add_url_aliases((a.url, aid) for aid, a, _, _ in rows if a.url)  # issue 7

    def set_assignments(self, rows: list[tuple[Assignment, Mapping[str, Any]]]) -> None:
        """:meth:`set_assignment` for many articles at once (new assignments of one batch)."""
        now = self._clock()
        stories = sorted({a.story_id for a, _ in rows})
        self._db.executemany(
            "INSERT INTO stories (id, label, size, created_at, updated_at) VALUES (?, '', 0, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            [(sid, now, now) for sid in stories],
        )
        last: dict[int, int] = {}
        for a, _ in rows:
            last[a.story_id] = max(last.get(a.story_id, 0), a.article_id)
        self._db.executemany(
            "UPDATE stories SET last_article_id = max(last_article_id, ?) WHERE id = ?",
            [(aid, sid) for sid, aid in sorted(last.items())],
        )
        self._db.executemany(
            "INSERT INTO assignments (article_id, story_id, copy_of, relation, explanation, state, version,"
            " assigned_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (article_id) DO UPDATE SET"
            " story_id = excluded.story_id, copy_of = excluded.copy_of, relation = excluded.relation,"
            " explanation = excluded.explanation, state = excluded.state, version = excluded.version,"
            " assigned_at = excluded.assigned_at",
            [
                (
                    a.article_id,
                    a.story_id,
                    a.copy_of,
                    a.relation,
                    json.dumps(a.explanation.to_dict(), separators=(",", ":")),
                    json.dumps(dict(state), separators=(",", ":")),
                    a.version,
                    now,
                )
                for a, state in rows
            ],
        )

    def add_article(self, article: Article, features: ArticleFeatures, features_json: str | None = None) -> int:
        cur = self._db.execute(
            "INSERT INTO articles (external_id, url, outlet, title, text, published, language, author,"
            " content_hash, origin, flags, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.external_id,
                article.url,
                article.outlet,
                article.title,
                article.text,
                _iso(article.published),
                article.language,
                article.author,
                article.content_hash,
                article.origin,
                ",".join(article.flags),
                _iso(article.ingested_at) or self._clock(),
            ),
        )
        article_id = int(cur.lastrowid or 0)
        self._db.execute(
            "INSERT INTO features (article_id, version, data) VALUES (?, ?, ?)",
            (article_id, features.version, features_json or features.dumps()),
        )
        if article.url:
            self.add_url_aliases([(article.url, article_id)])  # issue 7
        return article_id

    def replace_features(self, article_id: int, features: ArticleFeatures) -> None:
        self._db.execute(
            "INSERT INTO features (article_id, version, data) VALUES (?, ?, ?) ON CONFLICT (article_id)"
            " DO UPDATE SET version = excluded.version, data = excluded.data",
            (article_id, features.version, features.dumps()),
        )

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            external_id=row["external_id"],
            url=row["url"],
            outlet=row["outlet"],
            title=row["title"],
            text=row["text"],
            published=_dt(row["published"]),
            language=row["language"],
            author=row["author"],
            content_hash=row["content_hash"],
            origin=row["origin"],
            flags=tuple(f for f in row["flags"].split(",") if f),
            ingested_at=_dt(row["ingested_at"]),
        )

    def article(self, article_id: int) -> Article:
        row = self._db.execute(
            "SELECT * FROM articles WHERE id = ?", (_known(article_id, "article", self.path),)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}", path=self.path)
        return self._article(row)

    def article_by_external_id(self, external_id: str) -> Article:
        row = self._db.execute(
            "SELECT * FROM articles WHERE external_id = ? ORDER BY id LIMIT 1", (external_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {external_id!r}", path=self.path)
        return self._article(row)

    def article_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def max_article_id(self) -> int:
        """The highest article id ever given (a deleted article's id is not given again)."""
        row = self._db.execute(
            "SELECT max(coalesce((SELECT max(id) FROM articles), 0),"
            " coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_article_id'), 0))"
        ).fetchone()
        return int(row[0])

    def iter_articles(self) -> Iterator[tuple[Article, ArticleFeatures | None]]:
        cur = self._db.execute(
            "SELECT a.*, f.data AS fdata, f.version AS fversion FROM articles a"
            " LEFT JOIN features f ON f.article_id = a.id ORDER BY a.id"
        )
        for row in cur:
            feats = None
            if row["fdata"]:
                data = json.loads(row["fdata"])
                data["v"] = row["fversion"]  # the column is authoritative
                feats = ArticleFeatures.from_json(data)
            yield self._article(row), feats

    # -- assignments --------------------------------------------------------------------------
    def set_assignment(self, assignment: Assignment, state: Mapping[str, Any]) -> None:
        now = self._clock()
        self._db.execute(
            "INSERT INTO stories (id, label, size, created_at, updated_at) VALUES (?, '', 0, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            (assignment.story_id, now, now),
        )
        self._db.execute(
            "UPDATE stories SET last_article_id = max(last_article_id, ?) WHERE id = ?",
            (assignment.article_id, assignment.story_id),
        )
        self._db.execute(
            "INSERT INTO assignments (article_id, story_id, copy_of, relation, explanation, state, version,"
            " assigned_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (article_id) DO UPDATE SET"
            " story_id = excluded.story_id, copy_of = excluded.copy_of, relation = excluded.relation,"
            " explanation = excluded.explanation, state = excluded.state, version = excluded.version,"
            " assigned_at = excluded.assigned_at",
            (
                assignment.article_id,
                assignment.story_id,
                assignment.copy_of,
                assignment.relation,
                json.dumps(assignment.explanation.to_dict(), separators=(",", ":")),
                json.dumps(dict(state), separators=(",", ":")),
                assignment.version,
                now,
            ),
        )

    def set_story_activity(self, activity: Mapping[int, int]) -> None:
        """Record, per story, the highest article id at which it last changed (never lowered)."""
        self._db.executemany(
            "UPDATE stories SET last_article_id = max(last_article_id, ?) WHERE id = ?",
            [(last, sid) for sid, last in sorted(activity.items())],
        )

    def split_pairs(self) -> list[tuple[int, int]]:
        rows = self._db.execute("SELECT story_id, other_story_id FROM story_events WHERE kind = 'split'")
        return [(int(a), int(b)) for a, b in rows if b is not None]

    def move_articles(self, article_ids: Iterable[int], story_id: int, explanation_json: str) -> None:
        now = self._clock()
        self._db.execute(
            "INSERT INTO stories (id, label, size, created_at, updated_at) VALUES (?, '', 0, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            (story_id, now, now),
        )
        self._db.executemany(
            "UPDATE assignments SET story_id = ?, explanation = ?, assigned_at = ? WHERE article_id = ?",
            [(story_id, explanation_json, now, aid) for aid in article_ids],
        )

    def add_event(self, event: StoryEvent) -> None:
        self._db.execute(
            "INSERT INTO story_events (story_id, kind, other_story_id, articles, note, at) VALUES (?,?,?,?,?,?)",
            (
                event.story_id,
                event.kind,
                event.other_story_id,
                json.dumps(list(event.articles)),
                event.note,
                self._clock(),
            ),
        )

    def refresh_stories(self, story_ids: Iterable[int]) -> None:
        """Recompute size, outlets, languages, dates and label of the given stories; delete the
        ones left empty."""
        now = self._clock()
        for sid in sorted(set(story_ids)):
            rows = self._db.execute(
                "SELECT a.id, a.title, a.outlet, a.language, a.published, s.copy_of FROM assignments s"
                " JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY a.id",
                (sid,),
            ).fetchall()
            if not rows:
                self._db.execute("DELETE FROM stories WHERE id = ?", (sid,))
                self._db.execute("DELETE FROM analyses WHERE story_id = ?", (sid,))
                last = int(self.get_meta("last_story_id") or 0)
                if sid > last:
                    self.set_meta("last_story_id", str(sid))  # ids of merged-away stories are never reused
                continue
            originals = [r for r in rows if r["copy_of"] is None] or rows
            current = self._db.execute("SELECT label FROM stories WHERE id = ?", (sid,)).fetchone()
            label = (current[0] if current and current[0] else None) or originals[0]["title"] or "(untitled)"
            outlets = sorted({r["outlet"] for r in rows if r["outlet"]})
            languages = sorted({r["language"] for r in rows if r["language"]})
            dates = sorted(r["published"] for r in rows if r["published"])
            self._db.execute(
                "UPDATE stories SET label = ?, size = ?, outlets = ?, languages = ?, first_published = ?,"
                " last_published = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                (
                    label,
                    len(rows),
                    json.dumps(outlets, ensure_ascii=False),
                    json.dumps(languages, ensure_ascii=False),
                    dates[0] if dates else None,
                    dates[-1] if dates else None,
                    now,
                    sid,
                ),
            )

    @staticmethod
    def _story(row: sqlite3.Row) -> Story:
        return Story(
            id=row["id"],
            label=row["label"],
            size=row["size"],
            outlets=tuple(json.loads(row["outlets"])),
            languages=tuple(json.loads(row["languages"])),
            first_published=_dt(row["first_published"]),
            last_published=_dt(row["last_published"]),
            created_at=_dt(row["created_at"]),
            updated_at=_dt(row["updated_at"]),
        )

    def story(self, story_id: int) -> Story:
        row = self._db.execute("SELECT * FROM stories WHERE id = ?", (_known(story_id, "story", self.path),)).fetchone()
        if row is None:
            raise NotFound(self._gone(story_id), path=self.path)
        return self._story(row)

    def _gone(self, story_id: int) -> str:
        """Why there is no story ``story_id``: never was, or merged into another (followed to the
        story that holds its articles now)."""
        current, seen = story_id, {story_id}
        while True:
            row = self._db.execute(
                "SELECT other_story_id FROM story_events WHERE story_id = ? AND kind = 'merge'"
                " ORDER BY id DESC LIMIT 1",
                (current,),
            ).fetchone()
            if row is None or row[0] is None or row[0] in seen:
                break
            current = int(row[0])
            seen.add(current)
            if self._db.execute("SELECT 1 FROM stories WHERE id = ?", (current,)).fetchone():
                return f"no story {story_id}: it was merged into story {current}"
        return f"no story {story_id}"

    def stories(self, query: StoryQuery) -> list[Story]:
        where, args = self._story_filter(query)
        order = {
            "newest": "coalesce(last_published, updated_at) DESC, id DESC",
            "biggest": "size DESC, id ASC",
            "id": "id ASC",
        }.get(query.order)
        if order is None:
            raise StoreError(f"unknown story order {query.order!r} (newest, biggest, id)")
        sql = f"SELECT * FROM stories WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?"
        rows = self._db.execute(sql, (*args, query.limit, query.offset)).fetchall()
        return [self._story(r) for r in rows]

    # -- dense vectors --------------------------------------------------------------------------
    def features_of(self, article_ids: Iterable[int]) -> dict[int, ArticleFeatures]:
        out: dict[int, ArticleFeatures] = {}
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self._db.execute(
                f"SELECT article_id, version, data FROM features WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for aid, version, data in rows:
                parsed = json.loads(data)
                parsed["v"] = version
                out[int(aid)] = ArticleFeatures.from_json(parsed)
        return out

    def put_vectors(self, model: str, vectors: Mapping[int, Any]) -> None:
        """Store float32 vectors by article id (numpy arrays)."""
        self._db.executemany(
            "INSERT INTO vectors (article_id, model, data) VALUES (?, ?, ?) ON CONFLICT (article_id)"
            " DO UPDATE SET model = excluded.model, data = excluded.data",
            [(aid, model, np.asarray(v, dtype="<f4").tobytes()) for aid, v in sorted(vectors.items())],
        )

    def get_vectors(self, model: str, article_ids: Iterable[int]) -> dict[int, Any]:
        out: dict[int, Any] = {}
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT article_id, data FROM vectors WHERE model = ? AND article_id IN ({marks})", (model, *chunk)
            )
            for aid, data in rows:
                out[int(aid)] = np.frombuffer(data, dtype="<f4").copy()
        return out

    def set_label(self, story_id: int, label: str) -> None:
        self._db.execute("UPDATE stories SET label = ? WHERE id = ?", (label, story_id))

    def story_revision(self, story_id: int) -> int:
        row = self._db.execute(
            "SELECT revision FROM stories WHERE id = ?", (_known(story_id, "story", self.path),)
        ).fetchone()
        if row is None:
            raise NotFound(self._gone(story_id), path=self.path)
        return int(row[0])

    def get_analysis(self, story_id: int, kind: str) -> tuple[str, int, str] | None:
        """``(version, revision, JSON text)`` of a cached analysis, if any."""
        row = self._db.execute(
            "SELECT version, revision, data FROM analyses WHERE story_id = ? AND kind = ?",
            (_known(story_id, "story", self.path), kind),
        ).fetchone()
        return (str(row[0]), int(row[1]), str(row[2])) if row else None

    def put_analysis(self, story_id: int, kind: str, version: str, revision: int, data: str) -> None:
        self._db.execute(
            "INSERT INTO analyses (story_id, kind, version, revision, data, created_at) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT (story_id, kind) DO UPDATE SET version = excluded.version, revision = excluded.revision,"
            " data = excluded.data, created_at = excluded.created_at",
            (story_id, kind, version, revision, data, self._clock()),
        )

    def story_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def story_members(self, story_id: int) -> list[tuple[Article, Assignment]]:
        rows = self._db.execute(
            "SELECT a.*, s.story_id, s.copy_of, s.relation, s.explanation, s.version FROM assignments s"
            " JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY a.id",
            (_known(story_id, "story", self.path),),
        ).fetchall()
        if not rows:
            self.story(story_id)  # raises NotFound
        out = []
        for r in rows:
            assignment = Assignment(
                article_id=r["id"],
                story_id=r["story_id"],
                explanation=Explanation.from_dict(json.loads(r["explanation"])),
                copy_of=r["copy_of"],
                relation=r["relation"],
                version=r["version"],
            )
            out.append((self._article(r), assignment))
        return out

    def label_members(self, story_ids: list[int]) -> dict[int, tuple[str | None, list[LabelMember]]]:
        out: dict[int, tuple[str | None, list[LabelMember]]] = {}
        ids = sorted(set(story_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for sid, label in self._db.execute(f"SELECT id, label FROM stories WHERE id IN ({marks})", chunk):
                out[int(sid)] = (label, [])
            rows = self._db.execute(
                "SELECT s.story_id, a.id, a.external_id, a.title, a.outlet, a.language, s.copy_of FROM assignments s"
                f" JOIN articles a ON a.id = s.article_id WHERE s.story_id IN ({marks}) ORDER BY s.story_id, a.id",
                chunk,
            )
            for r in rows:
                entry = out.get(r[0])
                if entry is not None:
                    entry[1].append(LabelMember(r[1], r[2], r[3], r[4], r[5], r[6]))
        return out

    def article_texts(self, article_ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for aid, text in self._db.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk):
                out[int(aid)] = text
        return out

    def story_events(self, story_id: int) -> list[StoryEvent]:
        rows = self._db.execute(
            "SELECT * FROM story_events WHERE story_id = ? OR other_story_id = ? ORDER BY id",
            (story_id, story_id),
        ).fetchall()
        return [
            StoryEvent(
                story_id=r["story_id"],
                kind=r["kind"],
                other_story_id=r["other_story_id"],
                articles=tuple(json.loads(r["articles"])),
                note=r["note"],
            )
            for r in rows
        ]

    def assignments(self) -> Iterator[AssignmentRow]:
        cur = self._db.execute(
            "SELECT a.id, a.external_id, s.story_id, o.external_id AS copy_ext, s.relation FROM assignments s"
            " JOIN articles a ON a.id = s.article_id LEFT JOIN articles o ON o.id = s.copy_of ORDER BY a.id"
        )
        for r in cur:
            yield AssignmentRow(r["id"], r["external_id"], r["story_id"], r["copy_ext"], r["relation"])

    def next_story_id(self) -> int:
        row = self._db.execute(
            "SELECT max(m) FROM (SELECT max(id) AS m FROM stories UNION ALL SELECT max(story_id) FROM assignments"
            " UNION ALL SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_story_id')"
        ).fetchone()
        return int(row[0] or 0) + 1

    def clear_stories(self) -> None:
        self.set_meta("last_story_id", str(self.next_story_id() - 1))
        self._db.execute("DELETE FROM assignments")
        self._db.execute("DELETE FROM story_events")
        self._db.execute("DELETE FROM stories")
        self._db.execute("DELETE FROM analyses")
        self._db.execute("DELETE FROM term_df")
        self._db.execute("DELETE FROM meta WHERE key = 'df_n'")

    # -- clusterer state ----------------------------------------------------------------------
    def save_doc_freq(self, changed: Mapping[str, Mapping[str, int]], n: int) -> None:
        self._db.executemany(
            "INSERT INTO term_df (field, term, df) VALUES (?, ?, ?) ON CONFLICT (field, term) DO UPDATE SET"
            " df = excluded.df",
            [(field, term, df) for field, terms in changed.items() for term, df in terms.items()],
        )
        self.set_meta("df_n", str(n))

    def load_doc_freq(self) -> tuple[dict[str, dict[str, int]], int]:
        counts: dict[str, dict[str, int]] = {}
        for field, term, df in self._db.execute("SELECT field, term, df FROM term_df"):
            counts.setdefault(field, {})[term] = df
        return counts, int(self.get_meta("df_n") or 0)

    def evidence_tail(self, count: int) -> list[ArticleFeatures]:
        """Features of the last ``count`` articles that counted in the document frequencies
        (originals, not copies), oldest first."""
        if count <= 0:
            return []
        rows = self._db.execute(
            "SELECT f.data FROM features f JOIN assignments s ON s.article_id = f.article_id"
            " WHERE s.copy_of IS NULL ORDER BY f.article_id DESC LIMIT ?",
            (count,),
        ).fetchall()
        return [ArticleFeatures.from_json(json.loads(r[0])) for r in reversed(rows)]

    def active_members(self, min_last_article_id: int) -> Iterator[StoredMember]:
        cur = self._db.execute(
            "SELECT s.article_id, s.story_id, s.copy_of, s.state, f.data, t.last_article_id FROM assignments s"
            " JOIN features f ON f.article_id = s.article_id JOIN stories t ON t.id = s.story_id"
            " WHERE t.last_article_id >= ? ORDER BY s.article_id",
            (min_last_article_id,),
        )
        for r in cur:
            yield StoredMember(
                article_id=r["article_id"],
                story_id=r["story_id"],
                features=ArticleFeatures.from_json(json.loads(r["data"])),
                copy_of=r["copy_of"],
                state=json.loads(r["state"]),
                story_last_article_id=r["last_article_id"],
            )

    def max_published_upto(self, article_id: int) -> float | None:
        row = self._db.execute("SELECT max(published) FROM articles WHERE id <= ?", (article_id,)).fetchone()
        value = _dt(row[0]) if row and row[0] else None
        return value.timestamp() if value else None

    # -- web (issue 6): story filters and counts, deleting an article -----------------------------
    def _story_filter(self, query: StoryQuery) -> tuple[list[str], list[Any]]:
        """The WHERE clauses (and their arguments) of a story query, shared by the list and its count."""
        where = ["size >= ?"]
        args: list[Any] = [query.min_size]
        if query.text:
            title, text = _folded("a.title", query.text)
            where.append(
                "id IN (SELECT s.story_id FROM assignments s JOIN articles a ON a.id = s.article_id"
                f" WHERE {title} LIKE ? ESCAPE '\\')"
            )
            args.append("%" + _like(text) + "%")
        if query.outlet:  # the whole name, in any case of any script ("ЛЕНТА.РУ" is "Лента.ру")
            where.append("np_casefold(outlets) LIKE ? ESCAPE '\\'")
            args.append('%"' + _like(query.outlet.casefold()) + '"%')
        if query.entity:
            (title, text), (body, _) = _folded("a.title", query.entity), _folded("a.text", query.entity)
            where.append(
                "id IN (SELECT s.story_id FROM assignments s JOIN articles a ON a.id = s.article_id"
                f" WHERE {title} LIKE ? ESCAPE '\\' OR {body} LIKE ? ESCAPE '\\')"
            )
            args += ["%" + _like(text) + "%"] * 2
        if query.since is not None:
            where.append("coalesce(last_published, updated_at) >= ?")
            args.append(_iso(query.since))
        if query.until is not None:
            where.append("coalesce(first_published, created_at) <= ?")
            args.append(_iso(query.until))
        return where, args

    def count_stories(self, query: StoryQuery) -> int:
        """How many stories match ``query`` (its order, limit and offset aside)."""
        where, args = self._story_filter(query)
        return int(self._db.execute(f"SELECT count(*) FROM stories WHERE {' AND '.join(where)}", args).fetchone()[0])

    def article_assignment(self, article_id: int) -> Assignment:
        row = self._db.execute(
            "SELECT article_id, story_id, copy_of, relation, explanation, version FROM assignments"
            " WHERE article_id = ?",
            (_known(article_id, "article", self.path),),
        ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}", path=self.path)
        return Assignment(
            article_id=row["article_id"],
            story_id=row["story_id"],
            explanation=Explanation.from_dict(json.loads(row["explanation"])),
            copy_of=row["copy_of"],
            relation=row["relation"],
            version=row["version"],
        )

    def article_features(self, article_id: int) -> ArticleFeatures | None:
        row = self._db.execute("SELECT version, data FROM features WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        data = json.loads(row["data"])
        data["v"] = row["version"]
        return ArticleFeatures.from_json(data)

    def add_doc_freq(self, delta: Mapping[str, Mapping[str, int]], n: int) -> None:
        """Add ``delta`` (negative to remove) to document frequencies; ``n`` is the new document count."""
        self._db.executemany(
            "INSERT INTO term_df (field, term, df) VALUES (?, ?, ?) ON CONFLICT (field, term) DO UPDATE SET"
            " df = df + excluded.df",
            [(field, term, d) for field, terms in delta.items() for term, d in terms.items() if d],
        )
        self._db.execute("DELETE FROM term_df WHERE df <= 0")
        self.set_meta("df_n", str(n))

    def set_copy_of(self, article_ids: Iterable[int], copy_of: int | None) -> None:
        """Point articles at another original (``None``: they are originals, without a relation)."""
        self._db.executemany(
            "UPDATE assignments SET copy_of = ?1, relation = CASE WHEN ?1 IS NULL THEN NULL ELSE relation END"
            " WHERE article_id = ?2",
            [(copy_of, aid) for aid in article_ids],
        )

    def delete_article(self, article_id: int) -> None:
        """Delete an article with its features and assignment (no article may still be a copy of it);
        its id is never given again.  The caller refreshes its story."""
        last = self.max_article_id()
        cur = self._db.execute("DELETE FROM articles WHERE id = ?", (_known(article_id, "article", self.path),))
        if cur.rowcount == 0:
            raise NotFound(f"no article {article_id}", path=self.path)
        self.set_meta("last_article_id", str(last))


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (no semicolons inside our literals)."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
