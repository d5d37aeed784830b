"""The collector's thresholds during ingest (newsprism/gcpolicy.py)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import pytest

from newsprism.engine import Engine
from newsprism.gcpolicy import INGEST_THRESHOLDS, relaxed_gc
from newsprism.model import Draft


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*saved)


def test_raised_during_and_restored_after(thresholds: tuple[int, int, int]) -> None:
    with relaxed_gc():
        assert gc.get_threshold() == INGEST_THRESHOLDS
        with relaxed_gc():  # nested: one relaxation
            assert gc.get_threshold() == INGEST_THRESHOLDS
        assert gc.get_threshold() == INGEST_THRESHOLDS
    assert gc.get_threshold() == thresholds


def test_restored_after_an_error_and_never_lowered(thresholds: tuple[int, int, int]) -> None:
    with pytest.raises(RuntimeError), relaxed_gc():
        raise RuntimeError("boom")
    assert gc.get_threshold() == thresholds
    gc.set_threshold(100_000, 10, 10)
    with relaxed_gc():
        assert gc.get_threshold() == (100_000, 20, 100)
    assert gc.get_threshold() == (100_000, 10, 10)


def test_concurrent_ingests_share_one_relaxation(thresholds: tuple[int, int, int]) -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with relaxed_gc():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=other)
    t.start()
    inside.wait(5)
    with relaxed_gc():
        pass
    assert gc.get_threshold() == INGEST_THRESHOLDS  # the other ingest is still running
    release.set()
    t.join()
    assert gc.get_threshold() == thresholds


def test_an_ingest_and_a_rebuild_run_relaxed(
    make_engine: Callable[..., Engine], thresholds: tuple[int, int, int]
) -> None:
    seen: list[tuple[int, int, int]] = []
    engine = make_engine()
    drafts = [Draft(origin="t", title="A quake", text="An earthquake shook the city of Lima on Monday. " * 3)]
    engine.ingest_drafts(drafts, on_progress=lambda p: seen.append(gc.get_threshold()))
    assert seen and all(t == INGEST_THRESHOLDS for t in seen)
    assert gc.get_threshold() == thresholds
    engine.rebuild(on_progress=lambda done, total: seen.append(gc.get_threshold()))
    assert len(seen) > 2 and all(t == INGEST_THRESHOLDS for t in seen)
    assert gc.get_threshold() == thresholds
