"""Fixtures of the web tests: a database seeded with the demo data, the app in process, a real server
on loopback, and Chromium driven by Playwright.

The seeded database is built once per session (the seed story's comparison cached) and copied for
every test that writes, so tests never see each other's articles.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from newsprism import Engine, Settings
from newsprism.demo import demo_paths

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

NEEDS_WEB = "the web extra is not installed: pip install 'newsprism[web]'"

TOKEN = "test-token-0123456789abcdef"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass(frozen=True)
class Seeded:
    path: Path
    seed_story: int  # the Blinken-Lavrov story
    bloomberg: int  # store ids of the two seed reports
    nbc: int
    lohan_story: int  # a story with a re-published copy
    lohan_copy: int
    lohan_original: int


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    path = tmp_path_factory.mktemp("web") / "seeded.db"
    with Engine.open(Settings.load({"db": str(path)}, env={})) as engine:
        report = engine.ingest([str(p) for p in demo_paths()])
        assert report.ingested == 15
        ids = {}
        for story in engine.stories():
            for article, assignment in engine.story_members(story.id):
                ids[article.origin.rsplit("/", 1)[-1]] = (story.id, article.id, assignment.copy_of)
        seed_story, bloomberg, _ = ids["bloomberg-blinken-lavrov.txt"]
        _, nbc, _ = ids["nbc-blinken-lavrov-translated.txt"]
        lohan_story, copy, original = next(v for v in ids.values() if v[2] is not None)
        engine.compare_story(seed_story)  # cached, as a served story would be
    assert copy is not None and original is not None and bloomberg is not None and nbc is not None
    return Seeded(path, seed_story, bloomberg, nbc, lohan_story, copy, original)


@pytest.fixture
def db_copy(seeded: Seeded, tmp_path: Path) -> Path:
    """A copy of the seeded database this test may change."""
    target = tmp_path / "copy.db"
    shutil.copyfile(seeded.path, target)
    return target


def settings_for(path: Path, **overrides: Any) -> Settings:
    return Settings.load({"db": str(path), "token": TOKEN, **overrides}, env={})


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    """``make_client(db_path, **settings)``: the app in process (closed at teardown)."""
    pytest.importorskip("fastapi", reason=NEEDS_WEB)
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    clients: list[TestClient] = []

    def make(path: Path, **overrides: Any) -> TestClient:
        client = TestClient(create_app(settings_for(path, **overrides)))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(seeded: Seeded, make_client: Callable[..., TestClient]) -> TestClient:
    """Reads of the shared seeded database (tests that write use ``db_copy``)."""
    return make_client(seeded.path)


@pytest.fixture
def writable(db_copy: Path, make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(db_copy)


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- a real server on loopback ----------------------------------------------------------------------


@dataclass
class LiveServer:
    base: str
    app: FastAPI


def _serve(app: FastAPI) -> Iterator[LiveServer]:
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def live_server(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """uvicorn in a thread on a free loopback port, over a copy of the seeded database."""
    pytest.importorskip("uvicorn", reason=NEEDS_WEB)
    from newsprism.web import create_app

    path = tmp_path_factory.mktemp("live") / "live.db"
    shutil.copyfile(seeded.path, path)
    yield from _serve(create_app(settings_for(path)))


# --- Chromium --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright (never a downloaded browser); skipped when either is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()
