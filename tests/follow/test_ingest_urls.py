"""``newsprism ingest URL...``: fetched pages become articles once, with every alias; paywall stubs refused."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from loopback import Site

from newsprism.cli.main import cli
from newsprism.engine import Engine
from newsprism.ingest.paywall import paywall_stub
from newsprism.store.feeds import FeedStore
from newsprism.store.sqlite import SQLiteStore, migrations

CLI_FAST = ["--allow-private", "--host-delay", "0", "--fetch-timeout", "0.5", "--fetch-retries", "0", "--workers", "1"]


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *CLI_FAST, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_one_article_through_utm_amp_and_canonical_links_is_stored_once(site: Site, engine: Engine) -> None:
    links = [
        site.url("/news/quake-wire?utm_source=twitter&utm_medium=social&fbclid=abc"),
        site.url("/amp/news/quake-wire"),
        site.url("/news/quake-wire/amp?outputType=amp"),
        site.url("/redirect?to=/news/quake-wire"),
        site.url("/news/quake-wire"),
    ]
    report = engine.ingest(links)
    assert (report.ingested, report.duplicates, report.skipped) == (1, 4, 0)
    article = engine.store.article(report.article_ids[0])
    assert article.url == site.url("/news/quake-wire")
    assert article.title.startswith("Strong earthquake hits Ecuador")
    assert article.outlet == "Reuters"  # og:site_name
    feeds = FeedStore(engine.store)  # type: ignore[arg-type]
    aliases = feeds.aliases(report.article_ids[0])
    assert site.url("/news/quake-wire") in aliases
    assert site.url("/redirect?to=/news/quake-wire") in aliases  # a duplicate's own link is remembered too
    assert feeds.article_for_url(site.url("/news/quake-wire?utm_campaign=spring")) == article.id
    again = engine.ingest([site.url("/redirect?to=/news/quake-wire")])
    assert (again.ingested, again.duplicates) == (0, 1)


def test_a_known_alias_is_a_duplicate_even_when_the_text_changed(site: Site, engine: Engine) -> None:
    first = engine.ingest([site.url("/redirect?to=/news/derby-sky")])
    assert first.ingested == 1
    stored = engine.store.article(first.article_ids[0])
    # the same URL reached again: the duplicate check looks at every alias, not only articles.url
    assert engine.store.find_duplicate("no-such-hash", site.url("/redirect?to=/news/derby-sky")) == stored.id
    known_hashes, known_urls = engine.store.existing_keys(["x"], [site.url("/redirect?to=/news/derby-sky")])
    assert known_urls == {site.url("/redirect?to=/news/derby-sky")} and not known_hashes


def test_urls_files_and_failures_in_one_run(site: Site, engine: Engine, tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text("A local report\nThe council met on Monday and approved the budget for next year.\n")
    report = engine.ingest(
        [site.url("/news/rates-wire"), str(local), site.url("/image"), site.url("/missing"), site.url("/paywall")]
    )
    assert report.ingested == 2
    assert report.skipped_by_reason() == {"not-found": 1, "paywall": 1, "unsupported-type": 1}
    origins = {r.reason: r.origin for r in report.rejections}
    assert origins["paywall"] == site.url("/paywall")


def test_a_feed_url_ingests_its_entries(site: Site, engine: Engine) -> None:
    report = engine.ingest([site.url("/feeds/rss2-relative-odd-dates.xml")])
    # five linked entries: four pages exist, "news/quake-paper" is relative to /feeds/ and missing
    assert report.ingested == 4
    assert report.skipped_by_reason() == {"not-found": 1}
    quake = engine.store.article_by_external_id(site.url("/news/quake-wire?utm_source=rss&utm_medium=feed"))
    assert quake.published is not None and quake.published.isoformat().startswith("2024-03-12T09:40")


def test_cli_ingest_url_reports_and_exits(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    code, out, err = run(db, "ingest", "--json", site.url("/news/museum-arts"), site.url("/endless"))
    assert code == 0
    data = json.loads(out)
    assert data["ingested"] == 1
    code, out, err = run(db, "ingest", site.url("/missing"))
    assert code == 1 and "not-found" in err
    refused = CliRunner().invoke(cli, ["--db", str(db), "ingest", site.url("/news/derby-sky")])
    assert refused.exit_code == 1 and "private-address" in refused.stderr  # loopback needs --allow-private
    assert site.hits["/news/derby-sky"] == 0


def test_paywall_rules() -> None:
    teaser = "Officials argued for hours before they agreed to hold the key rate.\nSubscribe to read the full story."
    assert paywall_stub(teaser) is not None
    assert paywall_stub("Officials met.\nThis content is for subscribers only.") is not None
    long_text = (
        "The council approved the budget after a long debate about schools and roads. " * 30
    ) + "Subscribe to read more."
    assert paywall_stub(long_text) is None  # a full article that ends with a prompt is an article
    marked = '<script type="application/ld+json">{"isAccessibleForFree": false}</script>'
    assert paywall_stub("A short teaser of two sentences. Nothing else here.", marked) is not None
    assert paywall_stub("A short report of two sentences. Nothing else here.", "<html><body></body></html>") is None


def test_migration_backfills_aliases_of_existing_articles(tmp_path: Path) -> None:
    """A database from before migration 0004: its article URLs become aliases."""
    import sqlite3

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for number, _, sql in migrations():
        if number >= 4:
            break
        conn.executescript(sql)
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '3')")
    conn.execute(
        "INSERT INTO articles (id, external_id, url, title, text, content_hash, origin, ingested_at)"
        " VALUES (1, 'a', 'https://example.com/a', 't', 'x', 'h', 'o', '2024-01-01')"
    )
    conn.commit()
    conn.close()
    store = SQLiteStore(db)
    try:
        assert FeedStore(store).article_for_url("https://example.com/a?utm_source=x") == 1
    finally:
        store.close()
