"""Fixtures of the follow tests: the loopback sites of :mod:`loopback`, fast settings, fetchers, engines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from loopback import Site

from newsprism.engine import Engine
from newsprism.ingest.fetch import AddressPolicy, Fetcher
from newsprism.settings import Settings


@pytest.fixture(scope="session")
def _sites() -> Iterator[tuple[Site, Site]]:
    a, b = Site(), Site()
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def site(_sites: tuple[Site, Site]) -> Site:
    """The loopback site, counters and robots.txt reset for each test."""
    _sites[0].reset()
    return _sites[0]


@pytest.fixture
def other_site(_sites: tuple[Site, Site]) -> Site:
    """A second loopback site on another port (the "private" one of the redirect test)."""
    _sites[1].reset()
    return _sites[1]


FAST = {
    "allow_private": True,
    "host_delay": 0.0,
    "fetch_timeout": 0.5,
    "fetch_total_timeout": 5.0,
    "fetch_retries": 1,
    "retry_backoff": 0.05,
    "workers": 1,
}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for the loopback server: private addresses allowed, short timeouts, no delays."""
    return Settings.load({"db": str(tmp_path / "news.db"), **FAST}, env={})


@pytest.fixture
def make_fetcher(settings: Settings) -> Callable[..., Fetcher]:
    def make(policy: AddressPolicy | None = None, **overrides: Any) -> Fetcher:
        merged = Settings.load({**settings.as_dict(), **overrides}, env={}) if overrides else settings
        return Fetcher(merged, policy=policy)

    return make


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    with Engine.open(settings) as e:
        yield e
