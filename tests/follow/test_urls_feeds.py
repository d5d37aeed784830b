"""URL normalisation and feed/OPML parsing on the fixtures of ``fixtures/web`` (no server)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from loopback import WEB

from newsprism.errors import IngestError, ParseError, UnsupportedInput
from newsprism.ingest.feeds import is_opml, parse_feed, parse_opml
from newsprism.ingest.urls import is_url, normalise_url

BASE = "https://news.example.com"


def fixture(name: str) -> bytes:
    return (WEB / name).read_text(encoding="utf-8").replace("{base}", BASE).encode("utf-8")


# --- URLs -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.COM:443/a/b?utm_source=x&utm_medium=y#top", "https://news.example.com/a/b"),
        ("http://news.example.com:80/a?fbclid=1&gclid=2&id=7", "http://news.example.com/a?id=7"),
        ("https://news.example.com:8443/a", "https://news.example.com:8443/a"),
        ("https://news.example.com/a/b/amp", "https://news.example.com/a/b"),
        ("https://news.example.com/amp/a/b/", "https://news.example.com/a/b/"),
        ("https://news.example.com/a/b.amp.html", "https://news.example.com/a/b.html"),
        ("https://news.example.com/a/b?outputType=amp", "https://news.example.com/a/b"),
        ("https://news.example.com/a/b?amp=1&page=2", "https://news.example.com/a/b?page=2"),
        ("https://amp.example.com/a/b", "https://example.com/a/b"),
        ("https://news-example-com.cdn.ampproject.org/c/s/news.example.com/a/b", "https://news.example.com/a/b"),
        ("https://news.example.com/a?b=2&a=1", "https://news.example.com/a?a=1&b=2"),
        ("https://news.example.com/%7euser/caf%c3%a9", "https://news.example.com/~user/caf%C3%A9"),
        ("https://news.example.com", "https://news.example.com/"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("  https://news.example.com/a  ", "https://news.example.com/a"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected
    assert normalise_url(expected) == expected  # idempotent


def test_parameters_that_select_content_stay() -> None:
    assert normalise_url("https://example.com/article.php?id=12&cid=3&page=2") == (
        "https://example.com/article.php?cid=3&id=12&page=2"
    )
    assert normalise_url("https://example.com/amplifier/amp-guide") == "https://example.com/amplifier/amp-guide"


def test_relative_links_and_non_http_urls() -> None:
    assert normalise_url("../b?utm_campaign=x", base="https://example.com/x/y/z") == "https://example.com/x/b"
    assert normalise_url("mailto:news@example.com") == "mailto:news@example.com"
    assert is_url("https://example.com/a") and is_url("HTTP://example.com")
    assert not is_url("example.com/a") and not is_url("articles.jsonl") and not is_url("ftp://example.com")


# --- feeds ------------------------------------------------------------------------------------------


def test_rss2_with_relative_links_and_odd_dates() -> None:
    feed = parse_feed(fixture("rss2-relative-odd-dates.xml"), url=f"{BASE}/feeds/main.xml")
    assert feed.kind == "rss" and feed.title == "Example Wire & Co"
    by_title = {e.title: e for e in feed.entries}
    assert len(feed.entries) == 5  # the item without a link is skipped
    quake = by_title["Strong earthquake hits Ecuador’s Pacific coast"]
    assert quake.url == f"{BASE}/news/quake-wire?utm_source=rss&utm_medium=feed"
    assert quake.published == datetime(2024, 3, 12, 9, 40, tzinfo=UTC)  # no seconds
    paper = by_title["Ecuador quake: rescuers search rubble"]
    assert paper.url == f"{BASE}/feeds/news/quake-paper"  # relative to the feed's URL
    assert paper.published == datetime(2024, 3, 12, 20, 15, tzinfo=UTC)  # PST, no day name
    assert by_title["Brighton beat Aston Villa"].url == f"{BASE}/news/derby-sky#comments"  # permalink guid
    assert by_title["Brighton beat Aston Villa"].published == datetime(2024, 3, 12, 21, 55, tzinfo=UTC)
    rates = by_title["Bank of Canada holds rates"]
    assert rates.url == f"{BASE}/news/rates-wire"  # spaces trimmed
    assert rates.published == datetime(2024, 3, 13, 19, 0, tzinfo=UTC)  # RFC 850 with a two-digit year
    assert by_title["No date at all"].published is None
    assert feed.entries[-1].title == "No date at all"  # newest first, undated last
    assert [e.published for e in feed.entries[:4]] == sorted((e.published for e in feed.entries[:4]), reverse=True)


def test_atom_with_xml_base() -> None:
    feed = parse_feed(fixture("atom-xml-base.xml"), url=f"{BASE}/atom.xml")
    assert feed.kind == "atom" and feed.title == "Example Atom" and feed.link == f"{BASE}/"
    urls = {e.title: e.url for e in feed.entries}
    assert urls == {
        "Rates decision": f"{BASE}/news/rates-broadcaster",
        "Quake follow-up": f"{BASE}/news/quake-followup",
    }
    assert feed.entries[0].title == "Quake follow-up"  # 13:00 UTC is after 09:00 UTC


def test_rss1_rdf() -> None:
    feed = parse_feed(fixture("rss1.rdf"), url=f"{BASE}/rss1.rdf")
    assert feed.kind == "rdf" and [e.url for e in feed.entries] == [f"{BASE}/news/derby-paper"]
    assert feed.entries[0].published == datetime(2024, 3, 13, 7, 30, tzinfo=UTC)


def test_rss091_with_html_entities_and_a_doctype() -> None:
    feed = parse_feed(fixture("rss091-entities.xml"), url=f"{BASE}/rss091.xml")
    assert feed.title == "Café News" and feed.entries[0].title == "Louvre reopens"


def test_a_malformed_feed_is_recovered() -> None:
    feed = parse_feed(fixture("malformed.xml"), url=f"{BASE}/malformed.xml")
    assert feed.title == "Bread & Butter News"
    assert feed.entries[0].url == f"{BASE}/news/rates-wire?ref=home&section=business"
    assert feed.entries[0].title == "Rates held — again"


@pytest.mark.parametrize("name", ["billion-laughs.xml", "xxe.xml"])
def test_entity_declarations_are_refused_unexpanded(name: str) -> None:
    with pytest.raises(UnsupportedInput) as caught:
        parse_feed(fixture(name), url=f"{BASE}/{name}")
    assert caught.value.reason == "unsafe-xml"


def test_html_and_opml_are_not_feeds() -> None:
    with pytest.raises(ParseError) as caught:
        parse_feed(fixture("subscriptions.opml"), url=f"{BASE}/x.opml")
    assert caught.value.reason == "not-a-feed"
    with pytest.raises(IngestError):
        parse_feed(b"\x00\x01 not xml at all", url=f"{BASE}/x")


def test_opml_with_folders_and_categories() -> None:
    data = fixture("subscriptions.opml")
    assert is_opml(data) and not is_opml(fixture("rss1.rdf"))
    outlines = parse_opml(data)
    found = {o.url: (o.title, o.group) for o in outlines}
    assert found == {
        "https://de.example.com/rss.xml": ("Example DE", "Germany"),
        "https://regional.example.de/feed": ("Example Regional", "Regional"),
        "https://uk.example.co.uk/news/rss.xml": ("Example UK", "United Kingdom/news"),
        "https://plain.example.org/atom.xml": ("Plain", None),
        "ftp://files.example.org/feed": ("Not http", None),
    }
