"""Fetching against the loopback server: addresses, redirects, time, size, content types, encodings."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Callable
from typing import Any

import pytest
from loopback import SLOW_SECONDS, Site

from newsprism.errors import FetchError, IngestError, UnsupportedInput
from newsprism.ingest.fetch import (
    FEED,
    HTML,
    AddressPolicy,
    FetchedPage,
    Fetcher,
    draft_from_page,
    page_links,
    sniff,
)
from newsprism.ingest.urls import normalise_url


def fetch(fetcher: Fetcher, url: str, **kwargs: Any) -> FetchedPage:
    async def go() -> FetchedPage:
        async with fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(go())


def refusal(fetcher: Fetcher, url: str, **kwargs: Any) -> IngestError:
    with pytest.raises(IngestError) as caught:
        fetch(fetcher, url, **kwargs)
    return caught.value


# --- addresses --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.20.0.1", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "public"),  # shared address space (CGNAT) is not global
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("240.0.0.1", "reserved"),
    ],
)
def test_non_public_addresses_are_refused(address: str, why: str) -> None:
    found = AddressPolicy().refusal(ipaddress.ip_address(address), 80)
    assert found is not None and why in found


def test_public_addresses_pass_and_allow_private_keeps_metadata_refused() -> None:
    assert AddressPolicy().refusal(ipaddress.ip_address("93.184.216.34"), 443) is None
    assert AddressPolicy().refusal(ipaddress.ip_address("2606:2800:220:1::1"), 443) is None
    relaxed = AddressPolicy(allow_private=True)
    assert relaxed.refusal(ipaddress.ip_address("127.0.0.1"), 80) is None
    assert relaxed.refusal(ipaddress.ip_address("169.254.169.254"), 80) is not None
    assert relaxed.refusal(ipaddress.ip_address("::ffff:169.254.169.254"), 80) is not None


def test_loopback_is_refused_before_connecting(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(allow_private=False), site.url("/news/quake-wire"))
    assert error.reason == "private-address"
    assert "loopback" in error.message
    assert site.hits["/news/quake-wire"] == 0  # never connected


def test_a_name_resolving_to_loopback_is_refused(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(allow_private=False), f"http://localhost:{site.port}/news/quake-wire")
    assert error.reason == "private-address"
    assert site.hits["/news/quake-wire"] == 0


def test_metadata_address_is_refused_even_with_allow_private(make_fetcher: Callable[..., Fetcher]) -> None:
    started = time.monotonic()
    error = refusal(make_fetcher(allow_private=True), "http://169.254.169.254/latest/meta-data/")
    assert error.reason == "private-address" and "metadata" in error.message
    assert time.monotonic() - started < 1.0  # refused without trying to connect


def test_a_redirect_to_a_private_address_is_refused(
    site: Site, other_site: Site, make_fetcher: Callable[..., Fetcher]
) -> None:
    """The first hop is "public" (the hook says so for this port only); its redirect to another
    loopback port is checked again and refused, without the second server being asked."""
    policy = AddressPolicy(allow_private=False, treat_as_public=lambda ip, port: port == site.port)
    fetcher = make_fetcher(policy=policy)
    page = fetch(make_fetcher(policy=policy), site.url("/news/quake-wire"))  # the public one works
    assert page.status == 200
    error = refusal(fetcher, site.url("/redirect?to=" + other_site.url("/news/quake-wire")))
    assert error.reason == "private-address"
    assert site.hits["/redirect"] == 1
    assert other_site.hits["/news/quake-wire"] == 0


def test_unsupported_schemes_in_redirects_are_refused(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(), site.url("/redirect?to=file:///etc/passwd"))
    assert error.reason == "bad-url"


# --- redirects, time, retries -------------------------------------------------------------------------


def test_redirects_are_followed_and_recorded(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    start = site.url("/redirect?to=/news/quake-wire")
    page = fetch(make_fetcher(), start)
    assert page.final_url == site.url("/news/quake-wire")
    assert page.redirects == (start,)
    assert page.kind == HTML and b"Manabi" in page.body


def test_a_redirect_loop_stops_at_the_limit(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(fetch_max_redirects=3), site.url("/loop"))
    assert error.reason == "too-many-redirects"
    assert site.hits["/loop"] == 4


def test_a_slow_server_times_out_after_retries(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    started = time.monotonic()
    error = refusal(make_fetcher(fetch_timeout=0.3, fetch_retries=1), site.url("/slow"))
    assert error.reason == "timeout"
    assert site.hits["/slow"] == 2  # one retry
    assert time.monotonic() - started < 2 * SLOW_SECONDS


def test_total_time_is_capped(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    started = time.monotonic()
    error = refusal(make_fetcher(fetch_timeout=5.0, fetch_total_timeout=0.4, fetch_retries=0), site.url("/slow"))
    assert error.reason == "timeout"
    assert time.monotonic() - started < SLOW_SECONDS


def test_5xx_is_retried_then_reported(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(fetch_retries=2), site.url("/error500"))
    assert error.reason == "server-error" and "500" in error.message
    assert site.hits["/error500"] == 3


def test_a_transient_error_is_retried_to_success(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetcher = make_fetcher(fetch_retries=1)
    page = fetch(fetcher, site.url("/flaky"))
    assert page.status == 200 and site.hits["/flaky"] == 2
    assert fetcher.stats.retries == 1


def test_404_is_not_retried(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(fetch_retries=2), site.url("/missing"))
    assert error.reason == "not-found"
    assert site.hits["/missing"] == 1


def test_one_request_at_a_time_per_host_with_a_delay(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetcher = make_fetcher(host_delay=0.2, fetch_concurrency=8)
    urls = [site.url(f"/news/{name}") for name in ("quake-wire", "derby-sky", "rates-wire", "museum-arts")]

    async def go() -> float:
        async with fetcher:
            started = time.monotonic()
            await asyncio.gather(*(fetcher.fetch(u) for u in urls))
            return time.monotonic() - started

    assert asyncio.run(go()) >= 3 * 0.2  # four requests, three gaps


# --- size and content ------------------------------------------------------------------------------------


def test_an_endless_body_is_cut_at_the_size_cap(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    started = time.monotonic()
    error = refusal(make_fetcher(fetch_max_bytes=1_000_000), site.url("/endless"))
    assert isinstance(error, UnsupportedInput) and error.reason == "too-large"
    assert time.monotonic() - started < 5


def test_a_gzip_bomb_is_stopped(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    """30 MB of zeros compressed to about 30 KB: the compressed size is fine, the decompressed one is not."""
    error = refusal(make_fetcher(fetch_max_bytes=1_000_000), site.url("/gzip-bomb"))
    assert error.reason == "too-large" and "decompressed" in error.message


def test_a_declared_length_over_the_cap_is_refused_unread(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(fetch_max_bytes=1_000_000), site.url("/huge-declared"))
    assert error.reason == "too-large" and "1000000000" in error.message


def test_gzip_pages_are_decoded(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    page = fetch(make_fetcher(), site.url("/gzipped"))
    assert page.body.startswith(b"<!doctype html>") and page.charset == "utf-8"


def test_other_content_types_are_refused_with_a_reason(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(), site.url("/image"))
    assert error.reason == "unsupported-type" and "image/png" in error.message


def test_a_page_is_not_a_feed(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = refusal(make_fetcher(), site.url("/news/quake-wire"), accept=(FEED,))
    assert error.reason == "unsupported-type"


def test_conditional_get_gives_not_modified(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    first = fetch(make_fetcher(), site.url("/etag-feed"))
    assert first.kind == FEED and first.etag == '"v1"' and first.last_modified
    again = fetch(make_fetcher(), site.url("/etag-feed"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.status == 304 and again.body == b""
    site.etag_feed_version = 2
    changed = fetch(make_fetcher(), site.url("/etag-feed"), etag=first.etag)
    assert not changed.not_modified and changed.etag == '"v2"'


def test_bad_urls_are_refused(make_fetcher: Callable[..., Fetcher]) -> None:
    assert refusal(make_fetcher(), "ftp://example.com/x").reason == "bad-url"


def test_connection_refused_is_a_network_error(make_fetcher: Callable[..., Fetcher]) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    error = refusal(make_fetcher(fetch_retries=0), f"http://127.0.0.1:{port}/")
    assert isinstance(error, FetchError) and error.reason == "network"


# --- pages to drafts ------------------------------------------------------------------------------------


def test_sniffing() -> None:
    assert sniff(b'\xef\xbb\xbf<?xml version="1.0"?>\n<rss version="2.0">') == FEED
    assert sniff(b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>") == FEED
    assert sniff(b"<!DOCTYPE html><html><head>") == HTML
    assert sniff(b"just text") is None


def test_canonical_and_og_url_are_read_from_the_head() -> None:
    html = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
        '<LINK REL="Canonical" HREF="/a/story?utm_source=x"><meta property="og:url" content="https://m.example.com/a/story">'
        '</head><body><link rel="canonical" href="/ignored"></body></html>'
    )
    canonical, og, feeds = page_links(html, "https://example.com/a/story/amp")
    assert canonical == "https://example.com/a/story"
    assert og == "https://m.example.com/a/story"
    assert feeds == ["https://example.com/rss"]
    assert page_links('<link rel="canonical" href="/">', "https://example.com/a")[0] is None  # the home page


def test_a_fetched_draft_knows_every_alias(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    asked = site.url("/redirect?to=/amp/news/quake-wire?utm_source=tw")
    draft = draft_from_page(fetch(make_fetcher(), asked))
    assert draft.url == site.url("/news/quake-wire")  # the canonical URL
    assert draft.origin == asked
    assert draft.aliases == (normalise_url(asked),)  # the AMP final URL and og:url normalise to the canonical
    assert normalise_url(asked).startswith(site.url("/redirect?to=/amp/news/quake-wire"))


def test_the_client_speaks_http2_and_ignores_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # would bypass the address check if used
    fetcher = Fetcher()
    client = fetcher.client()
    pool = client._transport._pool  # type: ignore[attr-defined]
    assert pool._http2 is True and pool._http1 is True
    assert type(pool._network_backend).__name__ == "GuardedBackend"
    assert client._mounts == {}  # no proxy transport mounted from the environment
    asyncio.run(fetcher.aclose())
