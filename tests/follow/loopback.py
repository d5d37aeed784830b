"""A real HTTP server on loopback for the fetching, feed and watch tests (never the network).

:class:`Site` serves, on ``127.0.0.1`` and a free port:

* ``/news/<id>``: an article page per record of ``fixtures/cluster/handwritten.jsonl`` (invented
  reports), with ``<link rel=canonical href=/news/<id>>``; ``/news/<id>/amp`` and
  ``/amp/news/<id>`` serve the same page, as AMP variants do.
* ``/real/<name>``: the real pages of ``fixtures/ingest/*.html.gz``; ``/paywall``: a paywall stub.
* ``/feeds/<file>``: the files of ``fixtures/web/`` with ``{base}`` replaced by the server's URL.
* misbehaving endpoints: ``/slow``, ``/error500``, ``/flaky``, ``/endless``, ``/gzip-bomb``,
  ``/huge-declared``, ``/image``, ``/redirect?to=URL``, ``/loop``, ``/etag-feed``, ``/gzipped``.
* ``/robots.txt`` from :attr:`Site.robots` (404 when ``None``).

Every request is counted in :attr:`Site.hits` (by path), so a test can assert that a refused URL
was never requested.  Endless and slow answers are bounded in time and size.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WEB = FIXTURES / "web"
RECORDS = [json.loads(line) for line in (FIXTURES / "cluster" / "handwritten.jsonl").read_text().splitlines() if line]
REAL_PAGES = {p.name.removesuffix(".html.gz"): p for p in (FIXTURES / "ingest").glob("*.html.gz")}
SLOW_SECONDS = 1.5
ENDLESS_LIMIT_SECONDS = 10.0


def article_page(record: dict[str, Any], base: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in record["text"].split("\n"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{record["title"]}</title>
<link rel="canonical" href="/news/{record["id"]}">
<meta property="og:url" content="{base}/news/{record["id"]}">
<meta property="og:site_name" content="{record["source"]}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{record["title"]}</h1>
{paragraphs}</article>
<footer><p>Invented report written for the newsprism tests.</p></footer>
</body></html>
"""


class Site:
    """The loopback server's content and counters (see the module docstring)."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.robots: str | None = None
        self.etag_feed_version = 1
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # clients hang up
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback-site", daemon=True)
        self._thread.start()
        self._bomb = gzip.compress(b"<html><body>" + b"\0" * 30_000_000, compresslevel=9)

    def url(self, path: str) -> str:
        return self.base + path

    def reset(self) -> None:
        self.hits.clear()
        self.robots = None
        self.etag_feed_version = 1

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- answers ------------------------------------------------------------------------------------
    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        path, query = parts.path, parse_qs(parts.query)
        self.hits[path] += 1
        m = re.fullmatch(r"/(?:amp/)?news/([\w-]+)(?:/amp)?/?", path)
        if m:
            record = next((r for r in RECORDS if r["id"] == m.group(1)), None)
            if record is None:
                return _send(handler, 404, "text/html", b"<html><body>no such page</body></html>")
            return _send(handler, 200, "text/html; charset=utf-8", article_page(record, self.base).encode())
        if path.startswith("/real/") and path[6:] in REAL_PAGES:
            return _send(handler, 200, "text/html", gzip.decompress(REAL_PAGES[path[6:]].read_bytes()))
        if path.startswith("/feeds/") and (WEB / path[7:]).is_file():
            name = path[7:]
            kind = "text/x-opml" if name.endswith(".opml") else "application/rss+xml"
            body = (WEB / name).read_text(encoding="utf-8").replace("{base}", self.base).encode("utf-8")
            return _send(handler, 200, kind, body)
        route = getattr(self, "_" + path.strip("/").replace("-", "_").replace(".", "_"), None)
        if route is not None and path != "/":
            return route(handler, query)  # type: ignore[no-any-return]
        return _send(handler, 404, "text/html", b"<html><body>not found</body></html>")

    def _robots_txt(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        if self.robots is None:
            return _send(h, 404, "text/plain", b"no robots.txt")
        _send(h, 200, "text/plain", self.robots.encode())

    def _paywall(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        _send(h, 200, "text/html; charset=utf-8", (WEB / "paywall.html").read_bytes())

    def _paywall_feed(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        items = "".join(f"<item><link>{self.base}{path}</link></item>" for path in ("/paywall", "/news/rates-wire"))
        _send(h, 200, "application/rss+xml", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())

    def _slow(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        time.sleep(SLOW_SECONDS)
        _send(h, 200, "text/html", b"<html><body><p>too late</p></body></html>")

    def _error500(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        _send(h, 500, "text/html", b"<html><body>internal error</body></html>")

    def _flaky(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        if self.hits["/flaky"] == 1:
            return _send(h, 503, "text/html", b"<html><body>try again</body></html>")
        _send(h, 200, "text/html; charset=utf-8", article_page(RECORDS[0], self.base).encode())

    def _endless(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + b"more text " * 6_000 + b"</p>\n"
        deadline = time.monotonic() + ENDLESS_LIMIT_SECONDS
        try:
            h.wfile.write(b"<html><body>")
            while time.monotonic() < deadline:
                h.wfile.write(chunk)
        except OSError:  # the client hung up: what the test expects
            pass

    def _gzip_bomb(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        _send(h, 200, "text/html", self._bomb, {"Content-Encoding": "gzip"})

    def _gzipped(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        body = gzip.compress(article_page(RECORDS[1], self.base).encode())
        _send(h, 200, "text/html; charset=utf-8", body, {"Content-Encoding": "gzip"})

    def _huge_declared(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(10**9))
        h.send_header("Connection", "close")
        h.end_headers()
        with contextlib.suppress(OSError):
            h.wfile.write(b"<html><body>" + b"x" * 1000)

    def _image(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        _send(h, 200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 200_000)

    def _redirect(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        _send(h, 302, "text/html", b"", {"Location": q["to"][0]})

    def _loop(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        _send(h, 301, "text/html", b"", {"Location": "/loop"})

    def _etag_feed(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        etag = f'"v{self.etag_feed_version}"'
        if h.headers.get("If-None-Match") == etag:
            return _send(h, 304, "application/rss+xml", b"", {"ETag": etag})
        items = "".join(
            f"<item><title>{r['title']}</title><link>/news/{r['id']}</link></item>"
            for r in RECORDS[: 2 + self.etag_feed_version]
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>ETag feed</title>{items}</channel></rss>'
        headers = {"ETag": etag, "Last-Modified": "Tue, 12 Mar 2024 10:00:00 GMT"}
        _send(h, 200, "application/rss+xml", body.encode(), headers)


def _send(
    h: BaseHTTPRequestHandler, status: int, kind: str, body: bytes, headers: dict[str, str] | None = None
) -> None:
    h.send_response(status)
    h.send_header("Content-Type", kind)
    h.send_header("Content-Length", str(len(body)))
    for key, value in (headers or {}).items():
        h.send_header(key, value)
    h.end_headers()
    try:
        if h.command != "HEAD":
            h.wfile.write(body)
    except OSError:  # the client stopped reading (size cap): fine
        pass


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.answer(self)

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

    return Handler
