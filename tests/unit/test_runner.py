"""The local runner: the worker pool gives exactly what one process gives, in input order, and its
workers run at a lower priority than the writer."""

from __future__ import annotations

import multiprocessing as mp
import os
from pathlib import Path

import pytest

from newsprism.model import Draft, Rejection
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


def test_jsonl_lines_are_parsed_by_the_workers_with_their_line_numbers(tmp_path: Path) -> None:
    """JSONL lines reach the pool unparsed; a worker parses each one and a bad line is still named
    by its file and line, among the good ones, in input order."""
    import json

    from newsprism.ingest.parsers import JsonLine, JsonlParser
    from newsprism.runner import iter_drafts

    lines = [
        json.dumps(
            {
                "id": f"j{k}",
                "title": f"Harbour {k} flooded",
                "text": f"Water rose in harbour {k} on day {k}; boats were moved inland.",
            }
        )
        for k in range(_POOL_MIN_DRAFTS + 50)
    ]
    lines[7] = '{"id": "broken", "text": '
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings.load({"workers": 2}, env={})
    items = list(iter_drafts([str(path)], stdin=None, settings=settings))
    assert all(isinstance(i, JsonLine) for i in items) and len(items) == len(lines)
    pooled = list(prepare_all(items, settings=settings))
    in_process = list(JsonlParser().parse(path.read_bytes(), origin=str(path)))
    assert [p.rejection for p in pooled if p.rejection] == [r for r in in_process if isinstance(r, Rejection)]
    assert pooled[7].rejection is not None and pooled[7].rejection.origin == f"{path}:8"
    assert pooled[7].rejection.reason == "malformed-json"
    assert [p.article.external_id for p in pooled if p.article] == [f"j{k}" for k in range(len(lines)) if k != 7]


def test_a_stream_that_turns_multilingual_gets_its_later_blocks_encoded_by_the_workers() -> None:
    """``replan`` is asked before each block goes to the pool: blocks planned dense get vectors
    (the encoder loads in the workers then), the same vectors one process gives, except in the
    language left to the writer."""
    import numpy as np

    from newsprism.cluster.crosslingual import signature
    from newsprism.represent.dense import make_encoder
    from newsprism.runner import _BLOCK, Preparer

    settings = Settings.load({"workers": 2, "encoder": "hashing"}, env={})
    items = drafts(max(_POOL_MIN_DRAFTS, 2 * _BLOCK) + 50)
    plans: list[tuple[bool, str | None]] = []

    def replan() -> tuple[bool, str | None]:
        plan: tuple[bool, str | None] = (False, None) if not plans else (True, "en" if len(plans) == 1 else None)
        plans.append(plan)
        return plan

    pooled = list(prepare_all(items, settings=settings, replan=replan))
    assert len(plans) == -(-len(items) // _BLOCK)
    first, second, rest = pooled[:_BLOCK], pooled[_BLOCK : 2 * _BLOCK], pooled[2 * _BLOCK :]
    assert all(p.vector is None for p in first)
    assert all(p.vector is None for p in second if p.article and p.article.language == "en")
    assert rest and all(p.vector is not None for p in rest)
    local = Preparer(settings, encoder=make_encoder("hashing"))
    for p, draft in zip(rest, items[2 * _BLOCK :], strict=True):
        assert np.array_equal(p.vector, local(draft).vector)
    # blocks planned dense carry each article's signature for the writer, the skipped language too
    assert all(p.signature is None for p in first)
    for p in second + rest:
        assert p.features is not None and p.signature is not None
        assert list(p.signature.items()) == list(signature(p.features).items())
