"""The SQLite store: migrations, transactions, articles, stories, assignments and clusterer state."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprism.errors import NotFound, StoreError
from newsprism.ingest.clean import content_hash
from newsprism.model import Article, Assignment, Explanation, StoryEvent
from newsprism.represent.base import ArticleFeatures
from newsprism.represent.lexical import LexicalFeaturizer
from newsprism.store.base import StoryQuery
from newsprism.store.sqlite import SQLiteStore, migrations

FEATURIZER = LexicalFeaturizer()
CLOCK = "2030-01-01T00:00:00+00:00"  # later than every publication date used here
TABLES = {"meta", "articles", "features", "stories", "assignments", "story_events", "term_df"}


def make_article(
    n: int,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: datetime | None = None,
    language: str | None = "en",
    url: str | None = None,
    external_id: str | None = None,
) -> Article:
    title = title or f"Report number {n} on the harbour fire"
    text = f"Firefighters in the harbour district fought the blaze for {n} hours, the city fire service said."
    return Article(
        external_id=external_id or f"ext-{n}",
        title=title,
        text=text,
        content_hash=content_hash(title, text),
        url=url,
        outlet=outlet,
        published=published,
        language=language,
        origin=f"feed.jsonl:{n}",
    )


def add(store: SQLiteStore, article: Article) -> tuple[int, ArticleFeatures]:
    features = FEATURIZER.features(article)
    return store.add_article(article, features), features


def assign(
    store: SQLiteStore,
    article_id: int,
    story_id: int,
    *,
    copy_of: int | None = None,
    explanation: Explanation | None = None,
    state: dict[str, object] | None = None,
) -> None:
    store.set_assignment(
        Assignment(
            article_id=article_id,
            story_id=story_id,
            explanation=explanation or Explanation(decision="copy" if copy_of else "new"),
            copy_of=copy_of,
            relation="near-duplicate" if copy_of else None,
            version="test.Clusterer.v1",
        ),
        state or {},
    )


def put(store: SQLiteStore, article: Article, story_id: int, *, copy_of: int | None = None) -> int:
    """Store an article, assign it and refresh its story (what the engine does per article)."""
    with store.transaction():
        article_id, _ = add(store, article)
        assign(store, article_id, story_id, copy_of=copy_of)
        store.refresh_stories({story_id})
    return article_id


def day(d: int, hour: int = 12) -> datetime:
    return datetime(2024, 3, d, hour, tzinfo=UTC)


@pytest.fixture
def clocked(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "clocked.db", clock=lambda: CLOCK)
    yield s
    s.close()


# --- schema ---------------------------------------------------------------------------------------


def test_new_file_gets_every_migration_and_records_the_version(tmp_path: Path) -> None:
    latest = migrations()[-1][0]
    store = SQLiteStore(tmp_path / "new.db")
    try:
        assert store.schema_version() == latest
        assert store.get_meta("schema_version") == str(latest)
        names = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert names >= TABLES
    finally:
        store.close()


def test_migrations_are_numbered_in_order() -> None:
    numbers = [number for number, _, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_reopening_applies_nothing_and_keeps_the_data(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "news.db"
    with caplog.at_level(logging.INFO, logger="newsprism.store.sqlite"):
        first = SQLiteStore(path)
    assert any("applying migration" in r.getMessage() for r in caplog.records)
    put(first, make_article(1), 1)
    first.close()

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="newsprism.store.sqlite"):
        again = SQLiteStore(path)
    try:
        assert not any("applying migration" in r.getMessage() for r in caplog.records)
        assert again.schema_version() == migrations()[-1][0]
        assert again.article_count() == 1
        assert again.story(1).size == 1
    finally:
        again.close()


def test_a_database_from_a_newer_newsprism_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    newer = migrations()[-1][0] + 1
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(newer),))
    with pytest.raises(StoreError) as caught:
        SQLiteStore(path)
    assert caught.value.path == str(path)
    assert str(newer) in str(caught.value)
    with sqlite3.connect(path) as db:  # refused, not "downgraded"
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(newer)


def test_a_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        SQLiteStore(tmp_path / "no" / "such" / "folder" / "news.db")


def test_file_database_uses_wal_and_foreign_keys(store: SQLiteStore) -> None:
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# --- transactions ---------------------------------------------------------------------------------


def test_transaction_rolls_back_everything_on_error(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError, match="boom"), store.transaction():
        article_id, _ = add(store, make_article(1))
        assign(store, article_id, 1, state={"norms": {"body": 1.5}})
        store.add_event(StoryEvent(1, "split", 2, (article_id,), "test"))
        store.save_doc_freq({"body": {"harbour": 1}}, 1)
        store.refresh_stories({1})
        assert store.article_count() == 1  # visible inside the transaction
        raise RuntimeError("boom")

    assert store.article_count() == 0
    assert store.story_count() == 0
    assert list(store.assignments()) == []
    assert list(store.iter_articles()) == []
    assert store._db.execute("SELECT count(*) FROM features").fetchone()[0] == 0
    assert store._db.execute("SELECT count(*) FROM story_events").fetchone()[0] == 0
    assert store.load_doc_freq() == ({}, 0)


def test_a_transaction_after_a_rolled_back_one_commits(store: SQLiteStore) -> None:
    with pytest.raises(KeyError), store.transaction():
        add(store, make_article(1))
        raise KeyError("x")
    put(store, make_article(2), 1)
    assert store.article_count() == 1
    assert store.article(store.max_article_id()).external_id == "ext-2"


def test_nested_transaction_is_rolled_back_with_the_outer_one(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        add(store, make_article(1))
        with store.transaction():
            add(store, make_article(2))
        raise RuntimeError("outer fails after the inner block finished")
    assert store.article_count() == 0


def test_error_in_a_nested_transaction_rolls_back_the_outer_one(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        add(store, make_article(1))
        with store.transaction():
            add(store, make_article(2))
            raise RuntimeError("inner fails")
    assert store.article_count() == 0


def test_nested_transaction_commits_only_with_the_outer_one(store: SQLiteStore) -> None:
    other = sqlite3.connect(store.path)
    try:
        with store.transaction():
            with store.transaction():
                add(store, make_article(1))
            assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        other.close()


# --- articles -------------------------------------------------------------------------------------


def test_find_duplicate_by_content_hash_and_by_url(store: SQLiteStore) -> None:
    original = make_article(1, url="https://example.org/fire")
    article_id = put(store, original, 1)
    assert store.find_duplicate(original.content_hash, None) == article_id
    assert store.find_duplicate(original.content_hash, "https://example.org/other") == article_id
    other = make_article(2)
    assert store.find_duplicate(other.content_hash, "https://example.org/fire") == article_id
    assert store.find_duplicate(other.content_hash, None) is None
    assert store.find_duplicate(other.content_hash, "https://example.org/other") is None


def test_article_and_features_round_trip(clocked: SQLiteStore) -> None:
    published = datetime(2024, 3, 12, 11, 5, tzinfo=timezone(timedelta(hours=-5)))
    article = Article(
        external_id="quake-agency",
        title="Ecuador quake flattens homes in Manta",
        text="Rescuers dug through rubble in Manta on Tuesday.\nThe death toll rose to 14.",
        content_hash=content_hash("Ecuador quake flattens homes in Manta", "Rescuers dug ..."),
        url="https://example.org/ap/quake",
        outlet="Associated Press",
        published=published,
        language="en",
        author="A. Reporter",
        origin="feed.jsonl:3",
        flags=("paywall", "translated"),
    )
    features = FEATURIZER.features(article)
    with clocked.transaction():
        article_id = clocked.add_article(article, features)

    stored = clocked.article(article_id)
    assert stored == replace(article, id=article_id, published=stored.published, ingested_at=stored.ingested_at)
    assert stored.published == published  # the same instant ...
    assert stored.published is not None and stored.published.tzinfo is not None  # ... and tz-aware
    assert stored.ingested_at == datetime.fromisoformat(CLOCK)
    assert clocked.article_by_external_id("quake-agency") == stored
    ((again, stored_features),) = list(clocked.iter_articles())
    assert again == stored
    assert stored_features == features


def test_article_without_optional_fields_round_trips(store: SQLiteStore) -> None:
    article = make_article(1, language=None)
    article_id, _ = add(store, article)
    stored = store.article(article_id)
    assert (stored.url, stored.outlet, stored.published, stored.language, stored.flags) == (None, None, None, None, ())


def test_replace_features_overwrites_the_stored_version(store: SQLiteStore) -> None:
    article_id, features = add(store, make_article(1))
    newer = replace(features, version="test.Features.v2", names={"harbour": 1.0})
    store.replace_features(article_id, newer)
    ((_, stored),) = list(store.iter_articles())
    assert stored == newer


def test_article_counters(store: SQLiteStore) -> None:
    assert (store.article_count(), store.max_article_id()) == (0, 0)
    put(store, make_article(1), 1)
    last = put(store, make_article(2), 1)
    assert (store.article_count(), store.max_article_id()) == (2, last)


# --- stories --------------------------------------------------------------------------------------


def test_set_assignment_creates_the_story_row(store: SQLiteStore) -> None:
    article_id, _ = add(store, make_article(1))
    assign(store, article_id, 42)
    assert store.story(42).id == 42
    assert store.next_story_id() == 43


def test_refresh_stories_computes_size_outlets_languages_dates_and_label(store: SQLiteStore) -> None:
    copy_id, _ = add(store, make_article(1, title="Copied headline", outlet="Example Daily", published=day(14)))
    first, _ = add(store, make_article(2, title="Original headline", outlet="Reuters", published=day(12)))
    second, _ = add(store, make_article(3, outlet="Associated Press", published=day(13), language="es"))
    third, _ = add(store, make_article(4, outlet="Reuters", published=None))
    assign(store, copy_id, 7, copy_of=first)  # the lowest id is a copy: it does not name the story
    for article_id in (first, second, third):
        assign(store, article_id, 7)
    store.refresh_stories([7])

    story = store.story(7)
    assert story.size == 4
    assert story.label == "Original headline"
    assert story.outlets == ("Associated Press", "Example Daily", "Reuters")
    assert story.languages == ("en", "es")
    assert story.first_published == day(12)
    assert story.last_published == day(14)


def test_refresh_stories_deletes_emptied_stories(store: SQLiteStore) -> None:
    a = put(store, make_article(1), 1)
    b = put(store, make_article(2), 1)
    put(store, make_article(3), 2)
    store.move_articles([a, b], 2, json.dumps(Explanation(decision="moved", note="merged").to_dict()))
    store.refresh_stories({1, 2})
    with pytest.raises(NotFound):
        store.story(1)
    assert store.story(2).size == 3
    assert store.story_count() == 1


@pytest.fixture
def three_stories(clocked: SQLiteStore) -> SQLiteStore:
    """Story 1: one article (Mar 10); story 2: three articles (Mar 14); story 3: two (Mar 12)."""
    n = iter(range(1, 100))
    put(
        clocked,
        make_article(next(n), title="Harbour fire: 50% of warehouses lost", outlet="Reuters", published=day(10)),
        1,
    )
    for d in (13, 14, 12):
        put(clocked, make_article(next(n), title="Rates rise by 50 points", outlet="El País", published=day(d)), 2)
    put(
        clocked,
        make_article(next(n), title="snake_case naming row", outlet="Reuters Breakingviews", published=day(11)),
        3,
    )
    put(clocked, make_article(next(n), title="Museum reopens", outlet="Le Monde", published=day(12)), 3)
    return clocked


def ids(found: list) -> list[int]:
    return [s.id for s in found]


def test_stories_order(three_stories: SQLiteStore) -> None:
    assert ids(three_stories.stories(StoryQuery(order="newest"))) == [2, 3, 1]
    assert ids(three_stories.stories(StoryQuery(order="biggest"))) == [2, 3, 1]
    assert ids(three_stories.stories(StoryQuery(order="id"))) == [1, 2, 3]


def test_biggest_breaks_ties_by_id_and_newest_puts_undated_by_update_time(clocked: SQLiteStore) -> None:
    put(clocked, make_article(1, published=day(10)), 1)
    put(clocked, make_article(2, published=None), 2)  # undated: ordered by its update time (CLOCK)
    put(clocked, make_article(3, published=day(11)), 3)
    assert ids(clocked.stories(StoryQuery(order="biggest"))) == [1, 2, 3]
    assert ids(clocked.stories(StoryQuery(order="newest"))) == [2, 3, 1]


def test_unknown_order_is_a_store_error(three_stories: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="order"):
        three_stories.stories(StoryQuery(order="random"))


def test_stories_pagination_and_min_size(three_stories: SQLiteStore) -> None:
    assert ids(three_stories.stories(StoryQuery(order="id", limit=2))) == [1, 2]
    assert ids(three_stories.stories(StoryQuery(order="id", limit=2, offset=2))) == [3]
    assert ids(three_stories.stories(StoryQuery(order="id", offset=5))) == []
    assert ids(three_stories.stories(StoryQuery(order="id", min_size=2))) == [2, 3]


def test_stories_text_search_on_any_title(three_stories: SQLiteStore) -> None:
    assert ids(three_stories.stories(StoryQuery(order="id", text="Museum"))) == [3]
    assert ids(three_stories.stories(StoryQuery(order="id", text="no such words"))) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50%", [1]),  # unescaped, "%50%%" would match "50 points" too
        ("0%", [1]),
        ("e_c", [3]),
        ("s_r", []),  # unescaped, "_" would match the space in "Rates rise"
        ("%", [1]),
        ("_", [3]),
    ],
)
def test_stories_text_search_escapes_like_wildcards(three_stories: SQLiteStore, text: str, expected: list[int]) -> None:
    assert ids(three_stories.stories(StoryQuery(order="id", text=text))) == expected


def test_stories_outlet_filter_matches_the_exact_name(three_stories: SQLiteStore) -> None:
    assert ids(three_stories.stories(StoryQuery(order="id", outlet="Reuters"))) == [1]
    assert ids(three_stories.stories(StoryQuery(order="id", outlet="Reuters Breakingviews"))) == [3]
    assert ids(three_stories.stories(StoryQuery(order="id", outlet="Reut"))) == []
    assert ids(three_stories.stories(StoryQuery(order="id", outlet="Le Monde"))) == [3]


def test_stories_outlet_filter_matches_non_ascii_names(three_stories: SQLiteStore) -> None:
    assert three_stories.story(2).outlets == ("El País",)
    assert ids(three_stories.stories(StoryQuery(order="id", outlet="El País"))) == [2]
    assert ids(three_stories.stories(StoryQuery(order="id", outlet="EL PAÍS"))) == [2]  # any case, any script
    assert ids(three_stories.stories(StoryQuery(order="id", outlet="reuters"))) == [1]


def test_story_members_in_article_order_with_their_assignments(store: SQLiteStore) -> None:
    joined = Explanation(
        decision="joined",
        score=0.9,
        threshold=0.5,
        similarity={"title": 0.25, "body": 0.5, "names": 0.75},
        shared_terms=("ecuador", "manta"),
        time_gap_hours=1.5,
        candidates=2,
    )
    with store.transaction():
        a, _ = add(store, make_article(1))
        b, _ = add(store, make_article(2))
        c, _ = add(store, make_article(3))
        assign(store, c, 5, copy_of=a)
        assign(store, a, 5)
        assign(store, b, 5, explanation=joined)
        store.refresh_stories({5})

    members = store.story_members(5)
    assert [article.id for article, _ in members] == [a, b, c]
    assert [article.external_id for article, _ in members] == ["ext-1", "ext-2", "ext-3"]
    by_id = {article.id: assignment for article, assignment in members}
    assert by_id[b].explanation == joined
    assert by_id[b].story_id == 5
    assert by_id[b].version == "test.Clusterer.v1"
    assert (by_id[c].copy_of, by_id[c].relation) == (a, "near-duplicate")
    assert (by_id[a].copy_of, by_id[a].relation) == (None, None)


def test_story_events_for_either_side(store: SQLiteStore) -> None:
    put(store, make_article(1), 1)
    put(store, make_article(2), 2)
    store.add_event(StoryEvent(1, "split", 2, (2,), "split from story 1"))
    assert store.story_events(1) == [StoryEvent(1, "split", 2, (2,), "split from story 1")]
    assert store.story_events(2) == store.story_events(1)
    assert store.story_events(3) == []


def test_unknown_story_and_article_are_not_found(store: SQLiteStore) -> None:
    put(store, make_article(1), 1)
    for call in (
        lambda: store.story(999),
        lambda: store.story_members(999),
        lambda: store.article(999),
        lambda: store.article_by_external_id("no-such-id"),
    ):
        with pytest.raises(NotFound):
            call()
    assert issubclass(NotFound, StoreError)


def test_assignments_export_names_copies_by_external_id(store: SQLiteStore) -> None:
    a = put(store, make_article(1, external_id="wire-1"), 1)
    b = put(store, make_article(2, external_id="other"), 2)
    c = put(store, make_article(3, external_id="republished"), 1, copy_of=a)
    rows = list(store.assignments())
    assert [(r.article_id, r.external_id, r.story_id, r.copy_of_external_id, r.relation) for r in rows] == [
        (a, "wire-1", 1, None, None),
        (b, "other", 2, None, None),
        (c, "republished", 1, "wire-1", "near-duplicate"),
    ]


# --- clusterer state ------------------------------------------------------------------------------


def test_doc_freq_saves_changes_and_loads_the_merged_counts(store: SQLiteStore) -> None:
    assert store.load_doc_freq() == ({}, 0)
    store.save_doc_freq({"title": {"fire": 1}, "body": {"harbour": 1}, "names": {}}, 1)
    store.save_doc_freq({"title": {"fire": 2, "rates": 1}, "names": {"reuters": 1}}, 2)
    counts, n = store.load_doc_freq()
    assert n == 2
    assert counts == {"title": {"fire": 2, "rates": 1}, "body": {"harbour": 1}, "names": {"reuters": 1}}


def test_evidence_tail_is_the_last_originals_oldest_first(store: SQLiteStore) -> None:
    stored: dict[int, ArticleFeatures] = {}
    with store.transaction():
        for n in range(1, 6):
            article_id, features = add(store, make_article(n))
            stored[article_id] = features
        ids_ = sorted(stored)
        for article_id in ids_:
            copy_of = ids_[0] if article_id == ids_[3] else None  # the 4th article is a copy
            assign(store, article_id, 1, copy_of=copy_of)
    originals = [stored[i] for i in ids_ if i != ids_[3]]
    assert store.evidence_tail(0) == []
    assert store.evidence_tail(-1) == []
    assert store.evidence_tail(2) == originals[-2:]
    assert store.evidence_tail(3) == originals[-3:]
    assert store.evidence_tail(99) == originals


def test_active_members_and_max_published(store: SQLiteStore) -> None:
    a = put(store, make_article(1, published=day(10)), 1)
    b = put(store, make_article(2, published=day(12)), 2)
    c = put(store, make_article(3, published=day(11)), 1)
    with store.transaction():
        d, _ = add(store, make_article(4, published=None))
        assign(store, d, 3, state={"norms": {"body": 2.5}})
    assert [m.article_id for m in store.active_members(0)] == [a, b, c, d]
    assert [m.article_id for m in store.active_members(c)] == [a, c, d]  # stories whose last article >= c
    members = {m.article_id: m for m in store.active_members(d)}
    assert list(members) == [d]
    assert members[d].state == {"norms": {"body": 2.5}}
    assert members[d].story_id == 3
    assert store.max_published_upto(a) == day(10).timestamp()
    assert store.max_published_upto(c) == day(12).timestamp()
    assert store.max_published_upto(0) is None


def test_next_story_id_never_reuses_ids_after_clear_stories(store: SQLiteStore) -> None:
    assert store.next_story_id() == 1
    put(store, make_article(1), 3)
    put(store, make_article(2), 5)
    store.save_doc_freq({"body": {"harbour": 2}}, 2)
    assert store.next_story_id() == 6
    with store.transaction():
        store.clear_stories()
    assert store.story_count() == 0
    assert list(store.assignments()) == []
    assert store.load_doc_freq() == ({}, 0)
    assert store.article_count() == 2  # articles and features stay
    assert store.next_story_id() == 6
    with store.transaction():
        store.clear_stories()
    assert store.next_story_id() == 6


def test_next_story_id_never_reuses_the_id_of_a_merged_away_story(store: SQLiteStore) -> None:
    put(store, make_article(1), 1)
    b = put(store, make_article(2), 2)  # the newest story is folded into story 1 (a merge repair)
    with store.transaction():
        store.move_articles([b], 1, '{"decision": "moved"}')
        store.add_event(StoryEvent(2, "merge", 1, (b,), "story 2 merged into story 1"))
        store.refresh_stories({1, 2})
    assert store.story_count() == 1
    assert store.next_story_id() == 3


def test_a_merged_away_story_says_where_its_articles_went(store: SQLiteStore) -> None:
    """Story ids are stable: asking for one merged into another (twice over) names the story that
    holds its articles now."""
    put(store, make_article(1), 1)
    b = put(store, make_article(2), 2)
    c = put(store, make_article(3), 3)
    with store.transaction():
        store.move_articles([c], 2, '{"decision": "moved"}')
        store.add_event(StoryEvent(3, "merge", 2, (c,), "story 3 merged into story 2"))
        store.move_articles([b, c], 1, '{"decision": "moved"}')
        store.add_event(StoryEvent(2, "merge", 1, (b, c), "story 2 merged into story 1"))
        store.refresh_stories({1, 2, 3})
    for gone in (2, 3):
        with pytest.raises(NotFound, match=rf"no story {gone}: it was merged into story 1$"):
            store.story(gone)
    with pytest.raises(NotFound, match=r"^no story 9$"):
        store.story(9)


def test_a_snapshot_reads_one_state_while_another_process_writes(tmp_path: Path) -> None:
    """The clusterer's state is read in several queries: another writer's commit in between must
    not be half seen (a CLI ingest beside the web server failed that way)."""
    path = tmp_path / "shared.db"
    reader, writer = SQLiteStore(path), SQLiteStore(path)
    with writer.transaction():
        writer.set_meta("a", "1")
        writer.set_meta("b", "1")
    with reader.snapshot():
        assert reader.get_meta("a") == "1"
        with writer.transaction():
            writer.set_meta("a", "2")
            writer.set_meta("b", "2")
        assert reader.get_meta("b") == "1"  # the state of the first read
        with reader.transaction():  # inside a snapshot: joins it (reads only)
            assert reader.get_meta("a") == "1"
    assert (reader.get_meta("a"), reader.get_meta("b")) == ("2", "2")
    reader.close()
    writer.close()
