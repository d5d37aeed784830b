"""The local runner: the worker pool gives exactly what one process gives, in input order, and its
workers run at a lower priority than the writer."""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest

from newsprism.model import Draft
from newsprism.runner import _POOL_MIN_DRAFTS, WORKER_NICENESS, _init_worker, prepare_all
from newsprism.settings import Settings


def drafts(n: int) -> list[Draft]:
    return [
        Draft(
            origin=f"mem:{k}",
            external_id=f"d{k}",
            title=f"Harbour {k % 7} flooded",
            text=f"Water rose in harbour {k % 7} on day {k}.\nBoats {k} were moved inland by the crews.",
        )
        for k in range(n)
    ]


def test_the_pool_gives_what_one_process_gives_in_order() -> None:
    items = drafts(_POOL_MIN_DRAFTS + 100)  # enough for the pool
    one = list(prepare_all(items, settings=Settings.load({"workers": 1}, env={})))
    workers: list[int] = []
    pooled = list(prepare_all(items, settings=Settings.load({"workers": 2}, env={}), on_start=workers.append))
    assert workers == [2]
    assert [p.article.external_id for p in pooled if p.article] == [f"d{k}" for k in range(len(items))]
    assert [(p.article, p.features) for p in pooled] == [(p.article, p.features) for p in one]


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_workers_yield_the_cpu_to_the_writer() -> None:
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(1, initializer=_init_worker, initargs=(Settings.load({}, env={}), False)) as pool:
        worker = pool.apply(os.nice, (0,))
    assert worker == min(19, os.nice(0) + WORKER_NICENESS)


def test_workers_run_with_relaxed_garbage_collection() -> None:
    import gc

    from newsprism.gcpolicy import INGEST_THRESHOLDS

    ctx = mp.get_context("spawn")  # a fresh interpreter: nothing inherited from this one
    with ctx.Pool(1, initializer=_init_worker, initargs=(Settings.load({}, env={}), False)) as pool:
        worker = pool.apply(gc.get_threshold)
    assert tuple(worker) == INGEST_THRESHOLDS
