"""``newsprism feeds`` and ``newsprism watch`` against the loopback server."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from loopback import WEB, Site

from newsprism.cli.main import cli
from newsprism.engine import Engine
from newsprism.follow.registry import add_sources, export_opml
from newsprism.follow.watch import Watcher, WatchEvent, retry_delay
from newsprism.ingest.feeds import parse_opml
from newsprism.settings import Settings
from newsprism.store.feeds import FeedStore, group_of_url, groups_of_articles
from newsprism.store.sqlite import SQLiteStore


def feeds_of(engine: Engine) -> FeedStore:
    assert isinstance(engine.store, SQLiteStore)
    return FeedStore(engine.store)


def watch_once(engine: Engine, **kwargs: Any) -> Watcher:
    watcher = Watcher(engine, interval=kwargs.pop("interval", 0.0), **kwargs)
    watcher.run(once=True, handle_signals=False)
    return watcher


def consistent(db: sqlite3.Connection) -> None:
    """Every article stored whole: features, assignment, story, and its URL among the aliases."""
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert db.execute("SELECT count(*) FROM features").fetchone()[0] == articles
    assert db.execute("SELECT count(*) FROM assignments").fetchone()[0] == articles
    assert (
        db.execute("SELECT count(*) FROM assignments WHERE story_id NOT IN (SELECT id FROM stories)").fetchone()[0] == 0
    )
    missing = db.execute(
        "SELECT count(*) FROM articles WHERE url IS NOT NULL AND url NOT IN (SELECT url FROM article_urls)"
    ).fetchone()[0]
    assert missing == 0


# --- feeds add | list | remove -------------------------------------------------------------------


def test_cli_feeds_add_list_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "feeds.db")
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", db, "feeds", "add", str(WEB / "subscriptions.opml"), "https://x.example/rss"])
    assert added.exit_code == 0, added.output
    assert "added 5 feeds, 0 already followed, skipped 1" in added.stdout  # the DE feed listed twice counts once
    assert "ftp://files.example.org/feed: bad-url" in added.stderr
    listed = json.loads(runner.invoke(cli, ["--db", db, "feeds", "list", "--json"]).stdout)
    groups = {f["url"]: f["group"] for f in listed}
    assert groups["https://de.example.com/rss.xml"] == "Germany"
    assert groups["https://regional.example.de/feed"] == "Regional"
    assert groups["https://x.example/rss"] is None
    regroup = runner.invoke(cli, ["--db", db, "feeds", "add", "https://x.example/rss", "--group", "left"])
    assert "added 0 feeds, 1 already followed" in regroup.stdout
    listed = json.loads(runner.invoke(cli, ["--db", db, "feeds", "list", "--json"]).stdout)
    assert {f["url"]: f["group"] for f in listed}["https://x.example/rss"] == "left"
    table = runner.invoke(cli, ["--db", db, "feeds", "list"])
    assert "Germany" in table.stdout and "not polled yet" in table.stdout
    removed = runner.invoke(cli, ["--db", db, "feeds", "remove", "https://x.example/rss", "https://nope.example/"])
    assert removed.exit_code == 0 and "removed 1 feed" in removed.stdout and "not followed" in removed.stderr
    missing = runner.invoke(cli, ["--db", db, "feeds", "add", "no-such-file.opml"])
    assert missing.exit_code == 1 and "not-found" in missing.stderr


def test_opml_export_round_trips(engine: Engine) -> None:
    feeds = feeds_of(engine)
    add_sources(feeds, [str(WEB / "subscriptions.opml")])
    again = {(o.url, o.group) for o in parse_opml(export_opml(feeds.feeds()).encode())}
    assert again == {(f.url, f.group) for f in feeds.feeds()}


def test_watch_without_feeds_says_so(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    assert CliRunner().invoke(cli, ["--db", db, "feeds", "add", str(tmp_path / "missing.opml")]).exit_code == 1
    result = CliRunner().invoke(cli, ["--db", db, "watch", "--once"])  # a database, but no feed in it
    assert result.exit_code == 1 and "no feeds followed" in result.stderr


# --- one round -------------------------------------------------------------------------------------


def test_one_round_ingests_clusters_and_groups_while_bad_feeds_fail(site: Site, engine: Engine) -> None:
    feeds = feeds_of(engine)
    feeds.add(site.url("/feeds/rss2-relative-odd-dates.xml"), group="wire")
    feeds.add(site.url("/feeds/atom-xml-base.xml"), group="broadcaster")
    feeds.add(site.url("/error500"), group="broken")
    feeds.add(site.url("/slow"))
    feeds.add(site.url("/feeds/billion-laughs.xml"))
    events: list[WatchEvent] = []
    started = time.monotonic()
    watcher = watch_once(engine, on_event=events.append)
    assert time.monotonic() - started < 8
    stats = watcher.stats
    assert stats.polls == 2 and stats.failed_polls == 3
    assert stats.ingested == 6  # 4 pages of the RSS feed (one link is missing) + 2 of the Atom feed
    assert stats.skipped == {"not-found": 1}
    by_url = {f.url: f for f in feeds.feeds()}
    broken = by_url[site.url("/error500")]
    assert broken.failures == 1 and broken.last_error is not None and broken.last_error.startswith("server-error")
    assert broken.next_due > time.time() + 50  # retried later, with backoff
    assert site.hits["/error500"] == 2  # one retry (fetch_retries=1)
    assert by_url[site.url("/slow")].last_error.startswith("timeout")  # type: ignore[union-attr]
    assert by_url[site.url("/feeds/billion-laughs.xml")].last_error.startswith("unsafe-xml")  # type: ignore[union-attr]
    wire = by_url[site.url("/feeds/rss2-relative-odd-dates.xml")]
    assert (wire.failures, wire.articles, wire.title) == (0, 4, "Example Wire & Co")
    # every article is clustered, and carries its feed's group
    stories = engine.stories()
    assert sum(s.size for s in stories) == 6
    quake = engine.store.article_by_external_id(site.url("/news/quake-wire?utm_source=rss&utm_medium=feed"))
    assert quake.id is not None
    groups = groups_of_articles(engine.store, [quake.id])  # type: ignore[arg-type]
    assert groups == {quake.id: "wire"}
    assert group_of_url(engine.store, site.url("/news/quake-followup")) == "broadcaster"  # type: ignore[arg-type]
    # `newsprism story ID` shows each article's group (--json: "group")
    from newsprism.cli import render
    from newsprism.cli.main import _feed_groups

    sid = next(s.id for s in engine.stories() if any(a.id == quake.id for a, _ in engine.story_members(s.id)))
    members = engine.story_members(sid)
    data = render.story_detail_json(engine.story(sid), members, [], groups=_feed_groups(engine, members))
    assert {a["article"]: a["group"] for a in data["articles"]}[quake.external_id] == "wire"
    assert any(e.kind == "failed" and e.url == site.url("/error500") for e in events)
    consistent(engine.store._db)  # type: ignore[attr-defined]

    # the next --once polls nothing (the failing feeds wait, the others were polled at interval 0
    # ... and are due again): it says which feeds wait and until when, and --now polls them anyway
    again = Watcher(engine, interval=3600.0)
    again.run(once=True, handle_signals=False)
    later = again.stats
    assert later.failed_polls == 0 and later.not_due >= 3 and later.next_due is not None
    assert site.url("/error500") in later.failing  # failing since a poll before this run
    assert "not due until" in later.summary() and later.to_json()["not_due"] == later.not_due
    hits = site.hits["/error500"]
    forced = Watcher(engine, interval=3600.0)
    forced.run(once=True, handle_signals=False, now=True)
    assert site.hits["/error500"] > hits and forced.stats.not_due == 0


def test_conditional_get_and_known_entries_are_not_fetched_again(site: Site, engine: Engine) -> None:
    feeds = feeds_of(engine)
    feeds.add(site.url("/etag-feed"))
    first = watch_once(engine).stats
    assert first.ingested == 3 and site.hits["/etag-feed"] == 1
    page_hits = sum(n for p, n in site.hits.items() if p.startswith("/news/"))
    assert page_hits == 3
    second = watch_once(engine).stats
    assert second.not_modified == 1 and second.pages == 0
    assert feeds.feeds()[0].etag == '"v1"'
    site.etag_feed_version = 2  # one entry more
    third = watch_once(engine).stats
    assert third.ingested == 1
    assert sum(n for p, n in site.hits.items() if p.startswith("/news/")) == page_hits + 1  # only the new one
    assert feeds.feeds()[0].etag == '"v2"'


def test_entries_left_for_later_clear_the_validators(site: Site, settings: Settings) -> None:
    with Engine.open(Settings.load({**settings.as_dict(), "max_entries_per_poll": 2}, env={})) as engine:
        feeds = feeds_of(engine)
        feeds.add(site.url("/etag-feed"))
        assert watch_once(engine).stats.ingested == 2
        assert feeds.feeds()[0].etag is None  # the third entry is still to fetch: no 304 next time
        again = watch_once(engine).stats
        assert (again.not_modified, again.ingested) == (0, 1)
        assert feeds.feeds()[0].etag == '"v1"'


def test_robots_txt_is_obeyed(site: Site, engine: Engine) -> None:
    # newsprism's own group applies, not the catch-all one (which would forbid everything)
    site.robots = "User-agent: *\nDisallow: /\n\nUser-agent: newsprism\nDisallow: /feeds/atom\nDisallow: /news/derby\n"
    feeds = feeds_of(engine)
    feeds.add(site.url("/feeds/rss2-relative-odd-dates.xml"))
    feeds.add(site.url("/feeds/atom-xml-base.xml"))
    stats = watch_once(engine).stats
    assert site.hits["/robots.txt"] == 1  # fetched once for the whole site
    assert site.hits["/feeds/atom-xml-base.xml"] == 0
    assert site.hits["/news/derby-sky"] == 0
    assert stats.skipped["robots"] == 1 and stats.ingested == 3
    atom = feeds.get(site.url("/feeds/atom-xml-base.xml"))
    assert atom is not None and atom.last_error is not None and atom.last_error.startswith("robots")
    assert site.url("/news/derby-sky") in feeds.known_urls([site.url("/news/derby-sky")])  # not asked again


def test_a_paywall_stub_from_a_feed_is_skipped_and_not_fetched_again(site: Site, engine: Engine) -> None:
    feeds = feeds_of(engine)
    feeds.add(site.url("/redirect?to=/paywall-feed"))  # a feed behind a redirect works too
    first = watch_once(engine).stats
    assert (first.ingested, first.skipped) == (1, {"paywall": 1})
    assert engine.store.article_count() == 1
    second = watch_once(engine).stats
    assert (second.pages, second.ingested) == (0, 0)
    assert site.hits["/paywall"] == 1 and site.hits["/news/rates-wire"] == 1


def test_stop_mid_watch_leaves_a_consistent_store(site: Site, settings: Settings) -> None:
    slow = Settings.load({**settings.as_dict(), "host_delay": 0.15}, env={})
    with Engine.open(slow) as engine:
        feeds = feeds_of(engine)
        feeds.add(site.url("/feeds/rss2-relative-odd-dates.xml"))
        feeds.add(site.url("/feeds/atom-xml-base.xml"))
        feeds.add(site.url("/etag-feed"))
        watcher = Watcher(engine, interval=60.0)
        thread = threading.Thread(target=watcher.run, kwargs={"handle_signals": False})
        thread.start()
        deadline = time.monotonic() + 10
        while watcher.stats.ingested == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        watcher.stop()
        thread.join(timeout=10)
        assert not thread.is_alive()
        stored = engine.store.article_count()
        assert stored == watcher.stats.ingested >= 1
        consistent(engine.store._db)  # type: ignore[attr-defined]
        # a later round picks up whatever the stop left out, without duplicates
        watch_once(engine)
        # 4 + 2 + 3 pages, of which two (quake-wire, derby-sky) are in two feeds: 7 articles, no more
        assert engine.store.article_count() == 7
        consistent(engine.store._db)  # type: ignore[attr-defined]


def test_sigterm_stops_the_command_cleanly(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "signal.db"
    base = [sys.executable, "-c", "from newsprism.cli.main import main; main()", "--db", str(db)]
    env = {**os.environ, "NEWSPRISM_ALLOW_PRIVATE": "1", "NEWSPRISM_HOST_DELAY": "0.15", "NEWSPRISM_WORKERS": "1"}
    subprocess.run([*base, "feeds", "add", site.url("/feeds/rss2-relative-odd-dates.xml"), site.url("/etag-feed"),
                    site.url("/feeds/atom-xml-base.xml")], check=True, env=env, capture_output=True)  # fmt: skip
    proc = subprocess.Popen(
        [*base, "watch", "--interval", "60"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 20
        stored = 0
        while stored == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as ro:
                    stored = ro.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
        assert stored > 0
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert b"SIGTERM" in err and b"polled" in out
    with sqlite3.connect(db) as conn:
        consistent(conn)


def test_retry_delay_grows_and_is_capped() -> None:
    assert retry_delay(1, 900) == 900 and retry_delay(2, 900) == 1800
    assert retry_delay(1, 0) == 60  # never hammer a failing feed
    assert retry_delay(30, 900) == 86_400


@pytest.mark.parametrize("flag", ["--json", "-q"])
def test_cli_watch_once(site: Site, tmp_path: Path, flag: str) -> None:
    db = str(tmp_path / "cli.db")
    fast = ["--db", db, "--allow-private", "--host-delay", "0", "--fetch-retries", "0", "--workers", "1"]
    runner = CliRunner()
    runner.invoke(cli, [*fast, "feeds", "add", site.url("/feeds/atom-xml-base.xml"), "--group", "tv"])
    result = runner.invoke(cli, [*fast, "watch", "--once", flag])
    assert result.exit_code == 0, result.output
    if flag == "--json":
        assert json.loads(result.stdout)["ingested"] == 2
    else:
        assert "ingested 2" in result.stdout and result.stderr == ""
