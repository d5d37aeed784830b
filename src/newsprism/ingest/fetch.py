"""HTTP fetching with SSRF protection, size caps and politeness.

:class:`Fetcher` is an asyncio client over ``httpx`` (HTTP/1.1 and HTTP/2) that newsprism uses for
every URL it reads: ``newsprism ingest URL``, feeds and their articles in ``newsprism watch``, and
``robots.txt``.

Safety, in the order a request meets it:

* **Addresses.**  The host of every request (the first one and every redirect) is resolved by
  newsprism, each resolved address is checked by :class:`AddressPolicy` (private, loopback,
  link-local, multicast, reserved, unspecified, shared/CGNAT and cloud-metadata addresses are
  refused, IPv4-mapped and NAT64 IPv6 addresses by the IPv4 address inside them) and the connection
  is opened to *the checked address* -- a custom ``httpcore`` network backend does both, so a DNS
  answer cannot change between the check and the connection (no rebinding window).  TLS still
  verifies the certificate against the host name.  Environment proxies are ignored
  (``trust_env=False``): a proxy would connect on our behalf, unchecked.  ``allow_private`` lifts
  the address check (the tests' loopback server needs it); cloud-metadata addresses stay refused.
* **Redirects** are followed by hand (at most ``fetch_max_redirects``), each hop re-checked.
* **Time.**  ``fetch_timeout`` bounds each connect/read/write; ``fetch_total_timeout`` bounds the
  whole fetch, redirects and body included.
* **Size.**  The body is read raw and decompressed here (gzip, deflate) with a bounded output per
  step: both the bytes on the wire and the decompressed bytes stop at ``fetch_max_bytes``, so a
  gzip bomb costs at most that much memory.
* **Content types.**  Only HTML, feeds (RSS, Atom, RDF, OPML, generic XML) and -- where asked --
  plain text are read; anything else is refused before its body is downloaded.

Failures are raised as :class:`~newsprism.errors.FetchError` (or
:class:`~newsprism.errors.UnsupportedInput`) with a short ``reason``; callers turn them into
:class:`~newsprism.model.Rejection` records.  ``httpx`` is imported on first use.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import re
import socket
import threading
import time
import zlib
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import FetchError, IngestError, UnsupportedInput
from ..model import Draft, Rejection
from ..settings import Settings
from .parsers import check_binary, decode_bytes
from .urls import normalise_url, resolve_url

if TYPE_CHECKING:
    import httpx

__all__ = [
    "FEED",
    "HTML",
    "TEXT",
    "TRANSIENT_REASONS",
    "AddressPolicy",
    "FetchedDraft",
    "FetchedPage",
    "Fetcher",
    "HostGate",
    "draft_from_page",
    "fetch_drafts",
    "fetch_page",
    "page_links",
    "run_sync",
    "sniff",
]

logger = logging.getLogger(__name__)

HTML = "html"
FEED = "feed"
TEXT = "text"
#: Reasons worth another try: the server or the network may do better a moment later.
TRANSIENT_REASONS = frozenset({"timeout", "network", "server-error", "rate-limited"})

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/x-atom+xml", "text/x-opml", "text/x-opml+xml", "application/opml+xml",
    "application/x-opml+xml", "text/rss+xml", "text/atom+xml",
})  # fmt: skip
_SNIFFED_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream", "text/x-unknown"})
_METADATA_ADDRESSES = frozenset({
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack ...
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
})  # fmt: skip
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_CHUNK = 65_536

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
T = TypeVar("T")


# --- addresses ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which peer addresses newsprism may connect to.

    ``allow_private`` allows every address except cloud-metadata ones.  ``treat_as_public`` is a
    hook for tests: it marks chosen ``(address, port)`` pairs as public, so a test can exercise the
    check with two loopback servers (one "public", one not).
    """

    allow_private: bool = False
    treat_as_public: Callable[[IPAddress, int], bool] | None = None

    def refusal(self, address: IPAddress, port: int) -> str | None:
        """Why ``address`` may not be reached, or ``None`` when it may."""
        inner = _embedded_ipv4(address)
        for ip in (address, inner) if inner is not None else (address,):
            if ip in _METADATA_ADDRESSES:
                return f"{ip} is a cloud metadata address"
        if self.allow_private:
            return None
        if self.treat_as_public is not None and self.treat_as_public(address, port):
            return None
        ip = inner or address
        for test, what in (
            (ip.is_loopback, "loopback"),
            (ip.is_link_local, "link-local"),
            (ip.is_multicast, "multicast"),
            (ip.is_unspecified, "unspecified"),
            (ip.is_reserved, "reserved"),
            (ip.is_private, "private"),
        ):
            if test:
                return f"{ip} is a {what} address"
        if not ip.is_global:
            return f"{ip} is not a public address"
        return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address in _NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


async def _resolve(host: str, port: int) -> list[IPAddress]:
    literal = host.strip("[]")
    try:
        return [ipaddress.ip_address(literal)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(literal, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror or exc}", reason="network") from exc
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in found:
            found.append(ip)
    return found


def _guarded_transport(policy: AddressPolicy, *, http2: bool, max_connections: int) -> httpx.AsyncBaseTransport:
    """An httpx transport whose every TCP connection goes to an address the policy allows."""
    import httpcore
    import httpx

    class GuardedBackend(httpcore.AsyncNetworkBackend):
        def __init__(self) -> None:
            self._inner = httpcore.AnyIOBackend()

        async def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.AsyncNetworkStream:
            addresses = await _resolve(host, port)
            refused = [(ip, policy.refusal(ip, port)) for ip in addresses]
            bad = [why for _, why in refused if why is not None]
            if bad or not addresses:
                # One private answer is enough to refuse: a name that resolves to both is an attack.
                why = bad[0] if bad else "no address"
                hint = " (servers of your own network: newsprism --allow-private, setting allow_private)" if bad else ""
                raise FetchError(f"refused to connect to {host}: {why}{hint}", reason="private-address")
            error: Exception | None = None
            for ip in addresses:
                try:
                    return await self._inner.connect_tcp(
                        str(ip), port, timeout=timeout, local_address=local_address, socket_options=socket_options
                    )
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                    error = exc
            assert error is not None
            raise error

        async def connect_unix_socket(
            self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
        ) -> httpcore.AsyncNetworkStream:
            raise FetchError("unix sockets are never used", reason="private-address")

        async def sleep(self, seconds: float) -> None:
            await self._inner.sleep(seconds)

    class GuardedTransport(httpx.AsyncHTTPTransport):
        def __init__(self) -> None:
            super().__init__(http2=http2, trust_env=False)
            # httpx builds its pool without a way to pass a network backend: replace it with the
            # same pool over the guarded backend (httpx >= 0.23 keeps the pool in ``_pool``).
            self._pool = httpcore.AsyncConnectionPool(
                ssl_context=httpx.create_ssl_context(trust_env=False),
                max_connections=max_connections,
                max_keepalive_connections=max_connections,
                keepalive_expiry=5.0,
                http1=True,
                http2=http2,
                network_backend=GuardedBackend(),
            )

    return GuardedTransport()


# --- politeness -----------------------------------------------------------------------------------


class HostGate:
    """One request at a time per host, ``delay`` seconds apart, and at most ``concurrency``
    requests in flight overall.  A request waiting for its host does not take a global slot."""

    def __init__(self, *, delay: float, concurrency: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self._clock = clock
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}

    @contextlib.asynccontextmanager
    async def enter(self, host: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._last.get(host, -1e18) + self.delay - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                async with self._slots:
                    yield
            finally:
                self._last[host] = self._clock()

    @property
    def hosts(self) -> int:
        return len(self._last)


# --- responses ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched response: the decompressed body and what newsprism needs of the headers.

    ``url`` is the URL as asked for, ``final_url`` the one that answered; ``redirects`` every URL
    before it (``url`` first).  ``kind`` is ``html``, ``feed`` or ``text``; ``not_modified`` is set
    for a ``304`` answer to a conditional request (``body`` is then empty).
    """

    url: str
    final_url: str
    status: int
    kind: str
    body: bytes
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = ()
    not_modified: bool = False

    def text(self) -> str:
        """The body decoded (BOM, then the HTTP charset, then ``<meta charset>``/XML declaration)."""
        declared = self.charset or _declared_charset(self.body)
        text = decode_bytes(self.body, declared=declared)
        check_binary(text)
        return text


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def _declared_charset(body: bytes) -> str | None:
    head = body[:8192]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _media_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return parts[0].lower(), charset


_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|RDF|opml)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)


def sniff(body: bytes) -> str | None:
    """``feed``, ``html`` or ``None`` from the first bytes of a body."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    feed = _FEED_ROOT.search(head)
    html = _HTML_ROOT.search(head)
    if feed and (not html or feed.start() < html.start()):
        return FEED
    if html:
        return HTML
    return None


class _Decoder:
    """Content-Encoding decoder with a hard cap on its output."""

    def __init__(self, encodings: list[str], limit: int) -> None:
        self.limit = limit
        self.produced = 0
        self._steps: list[Any] = []
        for name in encodings:
            if name in ("gzip", "x-gzip"):
                self._steps.append(zlib.decompressobj(16 + zlib.MAX_WBITS))
            elif name == "deflate":
                self._steps.append("deflate")  # zlib or raw: decided on the first bytes
            elif name not in ("identity", ""):
                raise UnsupportedInput(f"unsupported content encoding {name!r}", reason="unsupported-type")

    def feed(self, data: bytes) -> bytes:
        for index, step in enumerate(self._steps):
            if step == "deflate":
                raw = not data[:1] or (data[0] & 0x0F) != 8
                step = self._steps[index] = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
            budget = self.limit - self.produced + 1
            try:
                out = step.decompress(data, budget)
            except zlib.error as exc:
                raise FetchError(f"corrupt compressed body: {exc}", reason="malformed") from exc
            if step.unconsumed_tail or len(out) >= budget:
                raise UnsupportedInput(f"decompressed body over the limit of {self.limit} bytes", reason="too-large")
            data = out
        self.produced += len(data)
        if self.produced > self.limit:
            raise UnsupportedInput(f"body over the limit of {self.limit} bytes", reason="too-large")
        return data


# --- the fetcher ----------------------------------------------------------------------------------


@dataclass(slots=True)
class FetchStats:
    requests: int = 0
    bytes: int = 0
    refused: int = 0
    retries: int = 0
    by_status: dict[int, int] = field(default_factory=dict)


class Fetcher:
    """Fetch pages and feeds safely; use it as ``async with Fetcher(settings) as f: await f.fetch(url)``.

    ``transport`` replaces the guarded httpx transport (tests inject ``httpx.MockTransport``;
    nothing is then checked, since nothing is connected).  ``gate`` is shared with other fetchers
    of the same process to keep one politeness state per host.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        policy: AddressPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        gate: HostGate | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or Settings.load()
        s = self.settings
        self.policy = policy or AddressPolicy(allow_private=s.allow_private)
        self.gate = gate or HostGate(delay=s.host_delay, concurrency=s.fetch_concurrency, clock=clock)
        self.max_bytes = s.fetch_max_bytes or 50_000_000
        self.stats = FetchStats()
        self._clock = clock
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        self.client()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            import httpx

            s = self.settings
            transport = self._transport or _guarded_transport(
                self.policy, http2=_has_h2(), max_connections=max(4, 2 * s.fetch_concurrency)
            )
            self._client = httpx.AsyncClient(
                transport=transport,
                timeout=httpx.Timeout(s.fetch_timeout),
                follow_redirects=False,
                trust_env=False,
                headers={
                    "User-Agent": s.user_agent,
                    "Accept-Encoding": "gzip, deflate",
                    "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5",
                },
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self,
        url: str,
        *,
        accept: Iterable[str] = (HTML, FEED),
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
    ) -> FetchedPage:
        """GET ``url`` (following redirects, retrying timeouts and 5xx) and return the page.

        ``etag``/``last_modified`` make the request conditional: an unchanged resource gives a
        page with ``not_modified`` set.  Raises :class:`FetchError` / :class:`UnsupportedInput`.
        """
        accepted = frozenset(accept)
        s = self.settings
        deadline = self._clock() + s.fetch_total_timeout
        current = url
        hops: list[str] = []
        for _hop in range(s.fetch_max_redirects + 1):
            result = await self._hop(current, accepted, deadline, etag, last_modified, max_bytes or self.max_bytes)
            if isinstance(result, str):  # a redirect
                hops.append(current)
                current = result
                continue
            status, headers, body, kind = result
            media, charset = _media_type(headers.get("content-type", ""))
            return FetchedPage(
                url=url,
                final_url=current,
                status=status,
                kind=kind,
                body=body,
                content_type=media,
                charset=charset,
                etag=headers.get("etag"),
                last_modified=headers.get("last-modified"),
                redirects=tuple(hops),
                not_modified=status == 304,
            )
        raise FetchError(f"more than {s.fetch_max_redirects} redirects", url=url, reason="too-many-redirects")

    async def _hop(
        self,
        url: str,
        accept: frozenset[str],
        deadline: float,
        etag: str | None,
        last_modified: str | None,
        max_bytes: int,
    ) -> str | tuple[int, dict[str, str], bytes, str]:
        """One URL, with retries: a redirect target, or ``(status, headers, body, kind)``."""
        import httpx

        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(f"invalid URL: {exc}", url=url, reason="bad-url") from exc
        if target.scheme not in ("http", "https") or not target.host:
            raise FetchError(f"not an http(s) URL: {url}", url=url, reason="bad-url")
        s = self.settings
        attempt = 0
        while True:
            error: IngestError
            try:
                async with self.gate.enter(target.host):
                    remaining = deadline - self._clock()
                    if remaining <= 0:
                        raise FetchError(f"over {s.fetch_total_timeout:g} s in total", url=url, reason="timeout")
                    async with asyncio.timeout(remaining):
                        return await self._request(target, accept, etag, last_modified, max_bytes)
            except TimeoutError as exc:
                error = FetchError(f"timed out after {s.fetch_total_timeout:g} s", url=url, reason="timeout")
                error.__cause__ = exc
            except IngestError as exc:
                exc.url = exc.url or url
                error = exc
            if error.reason not in TRANSIENT_REASONS or attempt >= s.fetch_retries:
                if error.reason == "private-address":
                    self.stats.refused += 1
                raise error
            wait = s.retry_backoff * (2**attempt)
            attempt += 1
            self.stats.retries += 1
            if self._clock() + wait >= deadline:
                raise error
            logger.info("retrying %s in %.1f s: %s", url, wait, error)
            await asyncio.sleep(wait)

    async def _request(
        self, target: httpx.URL, accept: frozenset[str], etag: str | None, last_modified: str | None, max_bytes: int
    ) -> str | tuple[int, dict[str, str], bytes, str]:
        import httpx

        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        url = str(target)
        self.stats.requests += 1
        try:
            async with self.client().stream("GET", target, headers=headers) as response:
                status = response.status_code
                self.stats.by_status[status] = self.stats.by_status.get(status, 0) + 1
                head = {k.lower(): v for k, v in response.headers.items()}
                if status in (301, 302, 303, 307, 308) and "location" in head:
                    return resolve_url(url, head["location"])
                if status == 304:
                    return status, head, b"", ""
                _check_status(status, url)
                media, _charset = _media_type(head.get("content-type", ""))
                declared = _declared_kind(media)
                if declared is None or (declared == TEXT and TEXT not in accept and media not in _SNIFFED_TYPES):
                    raise UnsupportedInput(f"content type {media or 'none'} is not a page or a feed", url=url,
                                           reason="unsupported-type")  # fmt: skip
                length = head.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes:
                    raise UnsupportedInput(
                        f"{length} bytes, over the limit of {max_bytes}", url=url, reason="too-large"
                    )
                body = await _read_body(response, head.get("content-encoding", ""), max_bytes)
                self.stats.bytes += len(body)
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out ({type(exc).__name__})", url=url, reason="timeout") from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise FetchError(f"network error: {exc or type(exc).__name__}", url=url, reason="network") from exc
        kind = sniff(body) or (declared if declared != "sniff" else None)
        if kind == TEXT and TEXT not in accept:
            kind = None
        if kind is None and TEXT in accept:
            kind = TEXT
        if kind not in accept:
            what = f"{kind} content" if kind else f"content of type {media or 'none'}"
            raise UnsupportedInput(f"{what} is not what was asked for ({', '.join(sorted(accept))})", url=url,
                                   reason="unsupported-type")  # fmt: skip
        if not body.strip():
            raise FetchError("empty response", url=url, reason="empty")
        assert kind is not None
        return status, head, body, kind


def _has_h2() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True


def _check_status(status: int, url: str) -> None:
    if 200 <= status < 300 and status != 204:
        return
    if status in (404, 410):
        raise FetchError(f"HTTP {status}", url=url, reason="not-found")
    if status == 429:
        raise FetchError("HTTP 429 too many requests", url=url, reason="rate-limited")
    if status >= 500:
        raise FetchError(f"HTTP {status}", url=url, reason="server-error")
    raise FetchError(f"HTTP {status}", url=url, reason="http-error")


def _declared_kind(media: str) -> str | None:
    if media in _HTML_TYPES:
        return HTML
    if media in _FEED_TYPES or media.endswith("+xml"):
        return FEED
    if media == "text/plain":
        return TEXT
    if media in _SNIFFED_TYPES:
        return "sniff"
    return None


async def _read_body(response: httpx.Response, encoding: str, max_bytes: int) -> bytes:
    decoder = _Decoder([e.strip().lower() for e in encoding.split(",") if e.strip()], max_bytes)
    parts: list[bytes] = []
    wire = 0
    async for chunk in response.aiter_raw(_CHUNK):
        wire += len(chunk)
        if wire > max_bytes:
            raise UnsupportedInput(f"body over the limit of {max_bytes} bytes", reason="too-large")
        parts.append(decoder.feed(chunk))
    return b"".join(parts)


# --- pages to drafts ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchedDraft(Draft):
    """A :class:`~newsprism.model.Draft` of a fetched page, with every URL that names the article
    (normalised: as asked for, each redirect, the final one, ``<link rel=canonical>``, ``og:url``)."""

    aliases: tuple[str, ...] = ()


class _HeadLinks(HTMLParser):
    """``<link rel=canonical>``, ``og:url`` and feed links of a page head (stops at ``<body>``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.feeds: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        a = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "link":
            rel = a.get("rel", "").lower().split()
            if "canonical" in rel and a.get("href") and self.canonical is None:
                self.canonical = a["href"]
            if "alternate" in rel and a.get("type", "").lower() in _FEED_TYPES and a.get("href"):
                self.feeds.append(a["href"])
        elif tag == "meta" and (a.get("property") or a.get("name", "")).lower() == "og:url" and a.get("content"):
            self.og_url = self.og_url or a["content"]
        elif tag == "body":
            self.done = True


def page_links(html: str, base: str) -> tuple[str | None, str | None, list[str]]:
    """``(canonical, og:url, feed links)`` of a page, absolute; a canonical naming the site's home
    page (a common template mistake) is ignored."""
    parser = _HeadLinks()
    with contextlib.suppress(Exception):  # HTMLParser is lenient; a broken head only loses links
        parser.feed(html[:200_000])
    return (
        _article_link(parser.canonical, base),
        _article_link(parser.og_url, base),
        [resolve_url(base, f) for f in parser.feeds],
    )


def _article_link(link: str | None, base: str) -> str | None:
    if not link:
        return None
    url = normalise_url(link, base=base)
    if not re.match(r"https?://[^/]+/.", url):  # the home page, or not http(s)
        return None
    return url


def draft_from_page(page: FetchedPage, *, origin: str | None = None, published: datetime | None = None) -> FetchedDraft:
    """A draft of a fetched HTML page: decoded, its article URL (canonical, else ``og:url``, else
    the final URL) and every alias.  ``published`` is the date a feed gave the entry (it takes
    precedence over the page's metadata).  Raises :class:`~newsprism.errors.IngestError` when the
    page cannot be decoded."""
    html = page.text()
    if not html.strip():
        raise FetchError("empty page", url=page.url, reason="empty")
    canonical, og_url, _ = page_links(html, page.final_url)
    final = normalise_url(page.final_url)
    url = canonical or og_url or final
    aliases = [normalise_url(page.url), *(normalise_url(u) for u in page.redirects), final]
    aliases += [u for u in (canonical, og_url) if u]
    unique = tuple(dict.fromkeys(a for a in aliases if a != url))
    return FetchedDraft(origin=origin or page.url, html=html, url=url, published=published, aliases=unique)


# --- `newsprism ingest URL...` --------------------------------------------------------------------


def run_sync(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from synchronous code, also when this thread already runs an
    event loop (then in a helper thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            box.append(asyncio.run(factory()))
        except BaseException as exc:  # handed to the caller below
            errors.append(exc)

    thread = threading.Thread(target=target, name="newsprism-fetch")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return box[0]


def fetch_drafts(
    urls: Sequence[str], *, settings: Settings, fetcher: Callable[[], Fetcher] | None = None
) -> Iterator[Draft | Rejection]:
    """Fetch pages (and the entries of feeds) for ``newsprism ingest URL...``: drafts or rejections,
    in the order of ``urls``; up to ``fetch_concurrency`` requests at a time, one per host.

    robots.txt is not consulted here: the user asked for these URLs (``watch`` obeys it).
    """
    window = max(16, 4 * settings.fetch_concurrency)
    for start in range(0, len(urls), window):
        chunk = list(urls[start : start + window])
        yield from run_sync(lambda chunk=chunk: _fetch_window(chunk, settings, fetcher))  # type: ignore[misc]


async def _fetch_window(
    urls: list[str], settings: Settings, factory: Callable[[], Fetcher] | None
) -> list[Draft | Rejection]:
    async with factory() if factory else Fetcher(settings) as fetcher:
        results = await asyncio.gather(*(_fetch_one(fetcher, url, settings) for url in urls))
    return [item for result in results for item in result]


async def _fetch_one(fetcher: Fetcher, url: str, settings: Settings) -> list[Draft | Rejection]:
    from .feeds import is_opml, parse_feed

    try:
        page = await fetcher.fetch(url)
        if page.kind == HTML:
            return [draft_from_page(page)]
        if is_opml(page.body):
            return [Rejection(url, "unsupported-type", "an OPML list of feeds: add them with `newsprism feeds add`")]
        feed = parse_feed(page.body, url=page.final_url)
    except IngestError as exc:
        return [Rejection(url, exc.reason, exc.message)]
    entries = feed.entries[: settings.max_entries_per_poll]
    if not entries:
        return [Rejection(url, "empty", "feed without entries")]
    pages = await asyncio.gather(*(fetch_page(fetcher, e.url, published=e.published) for e in entries))
    return list(pages)


async def fetch_page(
    fetcher: Fetcher, url: str, *, origin: str | None = None, published: datetime | None = None
) -> FetchedDraft | Rejection:
    """Fetch one article page as a draft, or the rejection saying why not."""
    try:
        page = await fetcher.fetch(url, accept=(HTML,))
        return draft_from_page(page, origin=origin, published=published)
    except IngestError as exc:
        return Rejection(origin or url, exc.reason, exc.message)
