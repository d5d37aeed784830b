"""robots.txt, fetched once per site and cached (stdlib :mod:`urllib.robotparser` does the matching).

Answers follow RFC 9309: a missing robots.txt (any 4xx) allows everything; an unreachable one
(5xx, timeout, network error) disallows the whole site until it is fetched again a little later.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import IngestError
from ..ingest.fetch import FEED, HTML, TEXT, TRANSIENT_REASONS, Fetcher

__all__ = ["RobotsCache"]

logger = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 512_000  # RFC 9309: at least 500 KiB must be read
_OK_TTL = 24 * 3600.0
_FAILED_TTL = 600.0


class RobotsCache:
    """``await cache.allowed(url)``: whether ``agent`` may fetch ``url``; one fetch per site and TTL."""

    def __init__(self, fetcher: Fetcher, *, agent: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.fetcher = fetcher
        self.agent = agent.split("/", 1)[0].strip() or "*"  # the product token: "newsprism/0.1 (...)" -> "newsprism"
        self._clock = clock
        self._rules: dict[str, tuple[float, RobotFileParser | bool]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}".lower()
        async with self._locks.setdefault(site, asyncio.Lock()):
            cached = self._rules.get(site)
            if cached is None or cached[0] <= self._clock():
                cached = await self._load(site)
                self._rules[site] = cached
        rules = cached[1]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self.agent, url)

    async def _load(self, site: str) -> tuple[float, RobotFileParser | bool]:
        now = self._clock()
        try:
            page = await self.fetcher.fetch(f"{site}/robots.txt", accept=(TEXT, HTML, FEED), max_bytes=MAX_ROBOTS_BYTES)
        except IngestError as exc:
            if exc.reason in TRANSIENT_REASONS:
                logger.info("robots.txt of %s unreachable (%s): not fetching from it for now", site, exc)
                return now + _FAILED_TTL, False
            logger.debug("no robots.txt at %s (%s): everything allowed", site, exc)
            return now + _OK_TTL, True
        if page.kind != TEXT:  # an HTML "not found" page served with 200
            return now + _OK_TTL, True
        parser = RobotFileParser()
        parser.parse(page.body.decode("utf-8", "replace").splitlines())
        return now + _OK_TTL, parser
