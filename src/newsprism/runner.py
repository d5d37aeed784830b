"""The local runner: turn command-line inputs into prepared articles, in order, using both cores.

Reading and parsing inputs happens in the calling process (cheap); cleaning (HTML extraction,
boilerplate, language) and features (tokens, MinHash) are pure per draft, so they run in a process
pool once there is enough work to pay for it.  Output order always equals input order: results are
deterministic whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import multiprocessing as mp
import multiprocessing.pool
import os
import re
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from typing import Any, BinaryIO

from .cluster.crosslingual import signature
from .gcpolicy import relax_for_worker
from .ingest.clean import Cleaner
from .ingest.parsers import JsonLine, JsonlParser, parser_for
from .ingest.paywall import paywall_stub
from .ingest.reader import build_cleaner
from .ingest.sources import iter_inputs
from .ingest.urls import is_url
from .model import Article, Draft, Rejection, pickled_by_fields
from .nlp.tokenize import lead_tokens
from .represent.base import ArticleFeatures, Featurizer
from .represent.dense import Encoder, make_encoder, read_languages, title_lead_vector
from .represent.lexical import LexicalFeaturizer
from .settings import Settings

__all__ = ["Prepared", "Preparer", "iter_drafts", "prepare_all"]

log = logging.getLogger(__name__)

_POOL_MIN_DRAFTS = 1500  # below this, a pool costs more than it saves
_CHUNK = 64
_BLOCK = 1024  # drafts handed to the pool at a time
_IN_FLIGHT = 2  # blocks queued beyond the one being consumed
WORKER_NICENESS = 10  # added to the workers' niceness (bench/throughput.py: about +15% on 2 cores)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Prepared:
    """A cleaned article with its features, or the rejection of its input."""

    article: Article | None
    features: ArticleFeatures | None
    rejection: Rejection | None = None
    features_json: str | None = None  # serialised by the worker, so the writer does not have to
    aliases: tuple[str, ...] = ()  # issue 7: other URLs of a fetched page (redirects, canonical ...)
    vector: Any = None  # dense title-and-lead vector, when the store is multilingual (numpy)
    label_tokens: Counter[str] | None = None  # tokens a story's label is chosen by (nlp.tokenize.lead_tokens)
    signature: Counter[str] | None = None  # cluster.crosslingual.signature of the features, when encoding


class Preparer:
    """Cleaner + featurizer: the pure, per-draft part of ingest."""

    def __init__(
        self,
        settings: Settings,
        *,
        cleaner: Cleaner | None = None,
        featurizer: Featurizer | None = None,
        encoder: Encoder | None = None,
        skip_language: str | None = None,
    ):
        self.cleaner = cleaner or build_cleaner(settings)
        self.featurizer = featurizer or LexicalFeaturizer()
        self.encoder = encoder  # when set (and ``encode``), every article also gets its dense vector ...
        self.languages = read_languages(encoder, settings.encoder_languages) if encoder is not None else None
        self.encode = encoder is not None
        # ... except articles in this language: the stream's main one, whose articles the writer
        # encodes only where they meet another language (OnlineClusterer.main_language)
        self.skip_language = skip_language

    def plan(self, dense: bool, skip_language: str | None, settings: Settings) -> None:
        """Encode from now on (``dense``, loading the encoder ``settings`` names on first need) or
        not, leaving ``skip_language`` to the writer."""
        if dense and self.encoder is None:
            self.encoder = make_encoder(settings.encoder, settings.cache_dir)
            self.languages = read_languages(self.encoder, settings.encoder_languages)
        self.encode = dense
        self.skip_language = skip_language

    def __call__(self, draft: Draft) -> Prepared:
        draft = without_surrogates(draft)
        result = self.cleaner.clean(draft)
        if isinstance(result, Rejection):
            return Prepared(None, None, result)
        if draft.html is not None:  # issue 7: a teaser behind a paywall is no article
            stub = paywall_stub(result.text, draft.html)
            if stub is not None:
                return Prepared(None, None, Rejection(draft.origin, "paywall", stub))
        features = self.featurizer.features(result)
        aliases: tuple[str, ...] = ()
        if type(draft) is not Draft:  # issue 7: a fetched page (fetch.py loads httpx helpers: only then)
            from .ingest.fetch import FetchedDraft

            aliases = draft.aliases if isinstance(draft, FetchedDraft) else ()
        vector = None
        sig = None
        if self.encode and self.encoder is not None:
            # the writer of a multilingual store needs every article's signature: computed here
            sig = signature(features)
            if self.skip_language is None or result.language != self.skip_language:
                vector = title_lead_vector(self.encoder, self.languages, result.title, result.text, result.language)
        label_tokens = lead_tokens(result.title, result.text, result.language)
        return Prepared(result, features, None, features.dumps(), aliases, vector, label_tokens, sig)


_SURROGATE = re.compile("[\ud800-\udfff]")


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def without_surrogates(draft: Draft) -> Draft:
    """The draft with lone surrogates (JSON's "\\ud800", which no UTF-8 store can hold) replaced by
    U+FFFD in every text field."""
    changed = {
        name: _SURROGATE.sub("\ufffd", value)
        for name in _field_names(type(draft))
        if isinstance(value := getattr(draft, name), str) and _SURROGATE.search(value)
    }
    return replace(draft, **changed) if changed else draft


def iter_drafts(
    specs: Iterable[str], *, stdin: BinaryIO | None, settings: Settings
) -> Iterator[Draft | Rejection | JsonLine]:
    """Every draft (or rejection) of the inputs, in command-line order.  http(s) URLs are fetched
    (consecutive ones concurrently; a feed URL gives its entries' pages).  JSONL lines come as
    :class:`JsonLine`, parsed by :func:`prepare_all` (in its worker processes)."""
    for fetched, run in itertools.groupby(specs, key=is_url):
        if fetched:  # issue 7
            from .ingest.fetch import fetch_drafts

            yield from fetch_drafts(list(run), settings=settings)
            continue
        for item in iter_inputs(list(run), stdin=stdin, max_bytes=settings.max_input_bytes):
            if isinstance(item, Rejection):
                yield item
                continue
            if item.kind == "jsonl":  # lines are parsed where they are prepared (worker processes)
                yield from JsonlParser(first_line=item.first_line).lines(item.data, origin=item.origin)
            else:
                yield from parser_for(item.kind, first_line=item.first_line).parse(item.data, origin=item.origin)


_worker: Preparer | None = None
_worker_settings: Settings | None = None


def _init_worker(settings: Settings, dense: bool, skip_language: str | None = None) -> None:
    global _worker, _worker_settings
    _worker_settings = settings
    # Ctrl-C reaches the whole process group: the writer stops the pool; a worker killed by it
    # while holding the pool's queue lock would leave Pool.terminate waiting for ever
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the writer (clustering, store) is the sequential bottleneck: workers yield the CPU to it
    with contextlib.suppress(AttributeError, OSError):  # no os.nice (Windows) or not allowed
        os.nice(WORKER_NICENESS)
    relax_for_worker()
    encoder = make_encoder(settings.encoder, settings.cache_dir) if dense else None
    _worker = Preparer(settings, encoder=encoder, skip_language=skip_language)


def _prepare(preparer: Preparer, item: Draft | Rejection | JsonLine) -> Prepared:
    draft = item.parse() if isinstance(item, JsonLine) else item
    if isinstance(draft, Rejection):
        return Prepared(None, None, draft)
    return preparer(draft)


def _work(item: Draft | Rejection | JsonLine) -> Prepared:
    assert _worker is not None
    return _prepare(_worker, item)


def _work_planned(plan: tuple[bool, str | None], item: Draft | Rejection | JsonLine) -> Prepared:
    """:func:`_work` with the dense plan of the item's block: whether to encode, and the language
    left to the writer.  The encoder is loaded the first time a block asks for vectors."""
    assert _worker is not None and _worker_settings is not None
    _worker.plan(*plan, _worker_settings)
    return _prepare(_worker, item)


def _workers(settings: Settings) -> int:
    if settings.workers:
        return settings.workers
    return max(1, min(4, os.cpu_count() or 1))


class _Pool(multiprocessing.pool.Pool):
    """A process pool whose worker-handler thread wakes when a worker exits or the pool changes.

    The standard pool also wakes it whenever a result is waiting in the result pipe, so while the
    writer is the slower side it loops until the result thread has read the result, taking CPU and
    the GIL from the writer (about 4% of the writer's time on 2 cores).  Workers that exit are still
    replaced: their sentinels are watched as before."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def prepare_all(
    drafts: Iterable[Draft | Rejection | JsonLine],
    *,
    settings: Settings,
    preparer: Preparer | None = None,
    on_start: Callable[[int], None] | None = None,
    dense: bool = False,
    skip_language: str | None = None,
    replan: Callable[[], tuple[bool, str | None]] | None = None,
) -> Iterator[Prepared]:
    """Clean and featurize drafts in order; a pool is used when there are many of them and the
    default preparer is in use (an injected preparer always runs in this process).

    ``dense``: articles get their dense vectors too, except those in ``skip_language``.
    ``replan`` gives that pair again before each block goes to the pool, so a stream that turns
    multilingual midway has its later articles encoded by the workers, not by the writer (only
    speed depends on it: the writer encodes whatever it needs and did not get).  While encoding,
    every article also gets its :func:`~newsprism.cluster.crosslingual.signature`."""
    it = iter(drafts)
    head = list(itertools.islice(it, _POOL_MIN_DRAFTS))
    workers = _workers(settings)
    encoder = make_encoder(settings.encoder, settings.cache_dir) if dense and preparer is None else None
    local = preparer or Preparer(settings, encoder=encoder, skip_language=skip_language)
    if preparer is not None or workers <= 1 or len(head) < _POOL_MIN_DRAFTS:
        if on_start:
            on_start(1)
        for draft in itertools.chain(head, it):
            yield _prepare(local, draft)
        return
    if on_start:
        on_start(workers)
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with _Pool(workers, initializer=_init_worker, initargs=(settings, dense, skip_language), context=ctx) as pool:
        # Bounded in-flight work: Pool.imap would read every input ahead and keep every result
        # the writer has not consumed yet, so memory would grow with the input when clustering is
        # the slower side.
        # The workers keep preparing while the writer stores a batch: at least a batch ahead (so
        # memory in flight grows with the batch_size setting, like the batch itself).
        in_flight = max(_IN_FLIGHT, -(-settings.batch_size // _BLOCK))
        pending: deque[Any] = deque()
        source = itertools.chain(head, it)
        while True:
            block = list(itertools.islice(source, _BLOCK))
            if block:
                work = _work if replan is None else functools.partial(_work_planned, replan())
                pending.append(pool.map_async(work, block, chunksize=_CHUNK))
            if pending and (len(pending) > in_flight or not block):
                yield from pending.popleft().get()
            if not block and not pending:
                return
