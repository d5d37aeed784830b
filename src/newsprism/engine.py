"""The engine: one object that wires the stages to a store.

>>> from newsprism import Engine, Settings
>>> engine = Engine.open(Settings.load({"db": ":memory:"}))
>>> report = engine.ingest(["articles.jsonl"])          # doctest: +SKIP
>>> [s.label for s in engine.stories()]                   # doctest: +SKIP

Stages are injected (``featurizer``, ``clusterer``, ``preparer``) with the defaults built from
:class:`~newsprism.settings.Settings`; tests pass fakes.  Every batch of articles is written in one
transaction together with its assignments, story updates and document frequencies.
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO

from .cluster.base import Decision, Member
from .cluster.crosslingual import DenseParams, skeletal_article
from .cluster.idf import snapshot_boundary
from .cluster.metrics import bcubed
from .cluster.online import ClusterParams, OnlineClusterer
from .errors import ConfigError, Interrupted, NotFound
from .gcpolicy import relaxed_gc
from .ingest.parsers import JsonLine
from .model import Article, Assignment, Draft, Explanation, IngestReport, Rejection, Story, StoryEvent
from .represent.base import ArticleFeatures, Featurizer
from .represent.lexical import LexicalFeaturizer
from .runner import Prepared, Preparer, iter_drafts, prepare_all
from .settings import Settings
from .store.base import AssignmentRow, LabelMember, Store, StoryQuery
from .store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from .compare.base import Comparison
    from .compare.comparer import CompareInput, Comparer
    from .represent.dense import Encoder
    from .summarize.base import Summarizer

__all__ = ["DeletedArticle", "Engine", "Progress", "RebuildReport"]

log = logging.getLogger(__name__)

_LABEL_SAMPLE = 60  # articles a label is chosen from in a big story
_LABEL_CACHE = 5_000  # articles whose label tokens are kept between batches (about 2.5 KB each)
_RELABEL_CHUNK = 500  # stories relabelled per read (bounds the texts read for missing tokens)


def _encode_threads(settings: Settings) -> int:
    """Threads that encode a batch at once in this process (numpy matrix products run outside the GIL)."""
    return settings.workers if settings.workers else max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class Progress:
    """Sent to the progress callback after every article: counts so far."""

    done: int
    ingested: int
    duplicates: int
    skipped: int


@dataclass(frozen=True, slots=True)
class RebuildReport:
    articles: int
    stories_before: int
    stories_after: int
    agreement: float  # BCubed F1 between the streaming and the rebuilt assignment
    features_recomputed: int


@dataclass(frozen=True, slots=True)
class DeletedArticle:
    """What :meth:`Engine.delete_article` did."""

    article_id: int
    external_id: str
    story_id: int
    story_deleted: bool  # it was the story's last article
    promoted: int | None  # the copy that became the original in its place, if it had copies


def _params(settings: Settings) -> ClusterParams:
    return ClusterParams(
        join_threshold=settings.join_threshold,
        copy_threshold=settings.copy_threshold,
        time_window_days=settings.time_window_days,
        max_gap_days=settings.max_gap_days,
        max_idle_articles=settings.max_idle_articles,
        split_check=settings.split_check,
    )


class Engine:
    def __init__(
        self,
        *,
        store: Store,
        settings: Settings | None = None,
        featurizer: Featurizer | None = None,
        clusterer_factory: Callable[[], OnlineClusterer] | None = None,
        preparer: Preparer | None = None,
        comparer: Comparer | None = None,
        encoder: Encoder | None = None,
    ) -> None:
        self.settings = settings or Settings.load()
        self.store = store
        self.featurizer = featurizer or LexicalFeaturizer()
        self._factory = clusterer_factory or (
            lambda: OnlineClusterer(_params(self.settings), dense_params=self._dense_params(), texts=self._text_of)
        )
        self._placing: Mapping[int, tuple[Article, ArticleFeatures]] = {}  # articles being placed, not yet stored
        self._preparer = preparer
        self._clusterer: OnlineClusterer | None = None
        self._state_version: str | None = None  # the store's story-state counter the clusterer was read at
        self._comparer: Comparer | None = comparer
        self._encoder: Encoder | None = encoder
        # the preparing stage (worker processes) builds its encoder from the settings: with an
        # injected one, every vector is computed here instead, so all come from the same model
        self._prepare_vectors = encoder is None
        self._summarizer: Summarizer | None = None
        self._label_bags: dict[int, Counter[str]] = {}  # article id -> label tokens (ids are never reused)

    @classmethod
    def open(cls, settings: Settings | None = None, **kwargs: Any) -> Engine:
        settings = settings or Settings.load()
        return cls(store=SQLiteStore(settings.db), settings=settings, **kwargs)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- clusterer state -------------------------------------------------------------------------
    @property
    def clusterer(self) -> OnlineClusterer:
        """The clusterer, its state restored from the store on first use."""
        if self._clusterer is None:
            self._clusterer = self._restore()
        return self._clusterer

    def _story_state(self) -> str:
        """The store's story-state counter: every write that changes articles or assignments (an
        ingest batch, a delete, a rebuild) moves it on, in its transaction; cached analyses and
        labels do not."""
        return self.store.get_meta(_STORY_STATE) or "0"

    def _move_story_state(self) -> str:
        """Move the counter on (inside the writing transaction); returns the new value."""
        value = str(int(self._story_state()) + 1)
        self.store.set_meta(_STORY_STATE, value)
        return value

    def _writing_clusterer(self) -> OnlineClusterer:
        """The clusterer, inside a write transaction: its state restored again when another
        process (a second ``newsprism ingest``, the HTTP server) has changed the stories since it
        was read (the story-state counter moved), so two writers never give one story id to two
        stories nor miss each other's articles.  The transaction holds the write lock: nobody
        writes while it lasts."""
        if self._clusterer is not None and self._story_state() != self._state_version:
            log.info("the store changed in another process: restoring the story state")
            self._clusterer = None
        return self.clusterer

    def _restore(self) -> OnlineClusterer:
        # one snapshot: another process (the web server, a second ingest) may commit between reads
        with self.store.snapshot():
            return self._restore_from_store()

    def _restore_from_store(self) -> OnlineClusterer:
        self._state_version = self._story_state()  # before reading: a change meanwhile restores again
        cl = self._factory()
        counts, n = self.store.load_doc_freq()
        tail = self.store.evidence_tail(n - snapshot_boundary(n, cl.df.growth))
        cl.df.restore(counts, n, tail)
        seen = self._max_article_id()
        checkpoint = cl.last_checkpoint(seen)
        stored = list(self.store.active_members(max(0, cl.checkpoint(seen))))
        vectors: dict[int, Any] = {}
        if self._multilingual():
            vectors = self.store.get_vectors(self.encoder.name, [m.article_id for m in stored])
        members = (
            Member(
                article_id=m.article_id,
                story_id=m.story_id,
                features=m.features,
                copy_of=m.copy_of,
                norms=m.state.get("norms"),
                story_last_id=m.story_last_article_id,
                vector=vectors.get(m.article_id),
            )
            for m in stored
        )
        cl.restore(
            members,
            next_story_id=self.store.next_story_id(),
            seen=seen,
            max_published_at_checkpoint=self.store.max_published_upto(checkpoint),
            max_published=self.store.max_published_upto(seen),
            split_pairs=self.store.split_pairs(),
        )
        log.debug("restored %d active stories over %d articles", cl.active_stories, seen)
        return cl

    def _max_article_id(self) -> int:
        return self.store.max_article_id()

    def discard_state(self) -> None:
        """Forget the in-memory clusterer state (restored from the store on next use): for a caller
        whose own transaction around :meth:`ingest_drafts` was rolled back (``newsprism watch``)."""
        self._clusterer = None

    # -- languages ---------------------------------------------------------------------------------
    @property
    def encoder(self) -> Encoder:
        """The dense encoder (built on first use: loading a model takes about a second)."""
        if self._encoder is None:
            from .represent.dense import make_encoder

            self._encoder = make_encoder(self.settings.encoder, self.settings.cache_dir)
        return self._encoder

    def _read_languages(self) -> frozenset[str] | None:
        """The languages the encoder reads (setting ``encoder_languages``; None: all), without
        building an encoder that is not built yet (a sentence-transformers model loads then)."""
        from .represent.dense import read_languages

        return read_languages(self._encoder, self.settings.encoder_languages, self.settings.encoder)

    def _text_of(self, article_id: int) -> str | None:
        """An article's title and text for the clusterer (:data:`~newsprism.cluster.online.TextSource`):
        one being placed, else the stored one."""
        placing = self._placing.get(article_id)
        try:
            article = placing[0] if placing is not None else self.store.article(article_id)
        except NotFound:
            return None
        return f"{article.title}\n\n{article.text}" if article.title else article.text

    def _dense_params(self) -> DenseParams:
        return DenseParams(link_threshold=self.settings.link_threshold, languages=self._read_languages())

    def _multilingual(self) -> bool:
        mode = self.settings.multilingual
        if mode == "off":
            return False
        return mode == "on" or self.store.get_meta("multilingual") == "1"

    def _encode(self, articles: list[Article]) -> list[Any]:
        """Dense vectors of articles' titles and leads (one batch)."""
        from .represent.dense import title_lead_vector

        if not articles:
            return []
        languages = self._read_languages()

        def one(a: Article) -> Any:
            return title_lead_vector(self.encoder, languages, a.title, a.text, a.language)

        # One text per call, as the worker processes do: a vector never depends on the texts
        # encoded with it, so batches, restarts and cores change nothing.  The first call runs in
        # this thread (a lazy model loads once); the rest on one thread per core.
        encoded = [one(articles[0])]
        threads = min(len(articles) - 1, _encode_threads(self.settings))
        if threads > 1 and getattr(self.encoder, "threadsafe", False):
            with ThreadPoolExecutor(threads, thread_name_prefix="newsprism-encode") as pool:
                encoded.extend(pool.map(one, articles[1:]))
        else:
            encoded.extend(one(a) for a in articles[1:])
        return encoded

    def _turn_multilingual(self, cl: OnlineClusterer) -> None:
        """A second language arrived: from now on articles get vectors.  When the stream has a
        main language, its articles are encoded only where they meet one in another language
        (:meth:`OnlineClusterer.main_language`); otherwise the active stories' articles get theirs
        now, so the newcomer can find them."""
        self.store.set_meta("multilingual", "1")
        self._track_signatures(cl)
        if cl.main_language() is not None:
            return
        ids = cl.needs_vectors()
        if ids:
            self._add_vectors(cl, ids, {})

    def _track_signatures(self, cl: OnlineClusterer) -> None:
        """Index the active articles by names and numbers, once per clusterer."""
        if not cl.tracks_signatures:
            ids = sorted(cl.active_articles())
            features = self.store.features_of(ids)
            cl.track_signatures((aid, features[aid]) for aid in ids if aid in features)
            if any(skeletal_article(f) for f in features.values()):  # a store that began in Hebrew
                cl.track_views((aid, features[aid]) for aid in ids if aid in features)

    def _track_views(self, cl: OnlineClusterer) -> None:
        """The first article in Hebrew, the Arabic or an Indic script: index the active articles by their names'
        consonant skeletons too, once per clusterer (those being placed are not stored yet)."""
        ids = sorted(cl.active_articles())
        placing = {aid: f for aid, (_, f) in self._placing.items()}
        features = {**self.store.features_of([a for a in ids if a not in placing]), **placing}
        cl.track_views((aid, features[aid]) for aid in ids if aid in features)

    def _add_vectors(
        self, cl: OnlineClusterer, ids: list[int], pending: Mapping[int, tuple[Article, ArticleFeatures]]
    ) -> dict[int, Any]:
        """Give placed articles their vectors: the stored ones, else encoded now.  ``pending``: this
        batch's articles, not stored yet; their new vectors are returned for the caller to store
        with them (the others are stored now)."""
        earlier = [a for a in ids if a not in pending]
        vectors = self.store.get_vectors(self.encoder.name, earlier)
        missing = [aid for aid in ids if aid not in vectors]
        encoded: dict[int, Any] = {}
        if missing:
            articles = [pending[aid][0] if aid in pending else self.store.article(aid) for aid in missing]
            encoded = dict(zip(missing, self._encode(articles), strict=True))
            vectors.update(encoded)
            done = {aid: v for aid, v in encoded.items() if aid not in pending}
            if done:
                self.store.put_vectors(self.encoder.name, done)
        features = self.store.features_of(earlier)
        features.update({aid: pending[aid][1] for aid in ids if aid in pending})
        cl.add_vectors((aid, vectors[aid], features[aid]) for aid in ids if aid in vectors and aid in features)
        return {aid: v for aid, v in encoded.items() if aid in pending}

    # -- ingest ------------------------------------------------------------------------------------
    def ingest(
        self,
        specs: Iterable[str],
        *,
        stdin: BinaryIO | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
        find_duplicates: bool = False,
    ) -> IngestReport:
        """Ingest files, folders, globs or ``-`` (stdin): clean, deduplicate, store and cluster
        (``find_duplicates``: see :meth:`ingest_drafts`)."""
        drafts = iter_drafts(specs, stdin=stdin, settings=self.settings)
        return self._consume(
            self._prepared(drafts), on_progress=on_progress, on_reject=on_reject, find_duplicates=find_duplicates
        )

    def ingest_drafts(
        self,
        drafts: Iterable[Draft],
        *,
        on_progress: Callable[[Progress], None] | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
        find_duplicates: bool = False,
    ) -> IngestReport:
        """Ingest drafts built in Python (the API and tests).  ``find_duplicates``: the report's
        ``duplicate_of`` tells the stored article each duplicate draft duplicates (by origin)."""
        return self._consume(
            self._prepared(drafts), on_progress=on_progress, on_reject=on_reject, find_duplicates=find_duplicates
        )

    def _prepared(self, drafts: Iterable[Draft | Rejection | JsonLine]) -> Iterator[Prepared]:
        """Drafts cleaned and featurized (in worker processes for large inputs), with vectors as
        :meth:`_dense_ahead` plans them, block by block."""
        dense, skip = self._dense_ahead()
        return prepare_all(
            drafts,
            settings=self.settings,
            preparer=self._preparer,
            dense=dense,
            skip_language=skip,
            replan=self._dense_ahead,
        )

    def _dense_ahead(self) -> tuple[bool, str | None]:
        """Whether the preparing stage encodes articles (and computes their signatures), and the
        language it leaves to the writer (the stream's main language: few of its articles need a
        vector).  Only speed depends on this: the writer encodes whatever it needs and was not
        encoded ahead."""
        dense = self._multilingual() and self._prepare_vectors
        return dense, self.clusterer.main_language() if dense else None

    def ingest_articles(self, articles: Iterable[Article]) -> IngestReport:
        """Ingest articles that are already clean (benchmarks, other pipelines)."""
        items = (Prepared(a, self.featurizer.features(a)) for a in articles)
        return self._consume(items)

    def _consume(
        self,
        items: Iterable[Prepared],
        *,
        on_progress: Callable[[Progress], None] | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
        find_duplicates: bool = False,
    ) -> IngestReport:
        with relaxed_gc():
            report = IngestReport(duplicate_of={} if find_duplicates else None)
            it = iter(items)
            try:
                return self._consume_all(it, report, on_progress=on_progress, on_reject=on_reject)
            except KeyboardInterrupt as exc:
                if isinstance(exc, Interrupted):
                    raise
                raise Interrupted(report) from exc
            finally:
                self._placing = {}
                # a generator over a worker pool: stop the pool now, not when it is collected
                close = getattr(it, "close", None)
                if close is not None:
                    close()

    def _consume_all(
        self,
        items: Iterable[Prepared],
        report: IngestReport,
        *,
        on_progress: Callable[[Progress], None] | None,
        on_reject: Callable[[Rejection], None] | None,
    ) -> IngestReport:
        batch: list[Prepared] = []
        done = 0
        for item in items:
            done += 1
            if item.rejection is not None:
                report.rejections.append(item.rejection)
                if on_reject:
                    on_reject(item.rejection)
            else:
                batch.append(item)
                if len(batch) >= max(1, self.settings.batch_size):
                    for rejection in self._write_batch(batch, report):
                        if on_reject:
                            on_reject(rejection)
                    batch = []
            if on_progress:
                on_progress(Progress(done, report.ingested, report.duplicates, report.skipped))
        if batch:
            for rejection in self._write_batch(batch, report):
                if on_reject:
                    on_reject(rejection)
        if on_progress:
            on_progress(Progress(done, report.ingested, report.duplicates, report.skipped))
        return report

    def _write_batch(self, batch: list[Prepared], report: IngestReport) -> list[Rejection]:
        """Write one batch in one transaction; returns the articles refused while writing."""
        touched: set[int] = set()
        opened: dict[int, Article] = {}  # stories opened in this batch: their first article
        repaired: set[int] = set()
        ingested: list[int] = []
        refused: list[Rejection] = []
        new_stories = 0
        duplicates = 0
        try:
            with self.store.transaction():
                cl = self._writing_clusterer()
                known_hashes, known_urls = self.store.existing_keys(
                    [i.article.content_hash for i in batch if i.article is not None],
                    [u for i in batch for u in _urls_of(i)],
                )
                # ids made from where an article was read ("-", "news.jsonl:1") are made unique; an id
                # the input gives that a stored article (of another text) has is refused
                taken = self.store.existing_external_ids(
                    sorted({i.article.external_id for i in batch if i.article is not None})
                )
                next_id = self.store.max_article_id() + 1
                multilingual = self._multilingual()
                first_language = self.store.get_meta("first_language")
                new_vectors: dict[int, Any] = {}
                ahead: dict[int, Any] = {}  # vectors encoded for the whole batch in one call
                pending: dict[int, tuple[Article, ArticleFeatures]] = {}  # this batch's articles so far
                self._placing = pending
                if multilingual:
                    self._track_signatures(cl)
                    ahead = {id(i.article): i.vector for i in batch if i.article is not None and i.vector is not None}
                    ready = self._likely_encoded(cl, [i.article for i in batch if i.article is not None], ahead)
                    ahead.update({id(a): v for a, v in zip(ready, self._encode(ready), strict=True)})
                articles: list[tuple[int, Article, ArticleFeatures, str | None]] = []
                assignments: list[tuple[Assignment, Mapping[str, Any]]] = []
                repairs = []
                aliases: list[tuple[str, int]] = []  # issue 7: URL aliases of fetched pages
                alias_dups: list[tuple[str, list[str]]] = []
                batch_ids: dict[str, int] = {}
                for position, item in enumerate(batch):
                    article, features = item.article, item.features
                    assert article is not None and features is not None
                    urls = _urls_of(item)
                    if article.content_hash in known_hashes or any(u in known_urls for u in urls):
                        duplicates += 1
                        if report.duplicate_of is not None:
                            found = _duplicate_of(self.store, article.content_hash, urls, batch_ids)
                            if found is not None:
                                report.duplicate_of[article.origin] = found
                        if item.aliases:  # issue 7: a known article reached through new links
                            alias_dups.append((article.content_hash, urls))
                        continue
                    if _derived_id(article):
                        if article.external_id in taken:  # stdin again, or a file of that name read before
                            article = replace(article, external_id=f"{article.external_id}#{article.content_hash[:10]}")
                    elif article.external_id in taken:  # refused before its text counts as known
                        refused.append(
                            Rejection(
                                article.origin,
                                "id-taken",
                                f"id {article.external_id!r} is already stored with another text "
                                "(give this version another id to keep both)",
                            )
                        )
                        continue
                    taken.add(article.external_id)
                    known_hashes.add(article.content_hash)
                    known_urls.update(urls)
                    article_id, next_id = next_id, next_id + 1
                    articles.append((article_id, article, features, item.features_json))
                    if item.label_tokens is not None:  # counted by the worker: the relabel reads them
                        self._label_bags[article_id] = item.label_tokens
                    batch_ids.update(dict.fromkeys([article.content_hash, *urls], article_id))
                    aliases.extend((u, article_id) for u in item.aliases)
                    if first_language is None and article.language:
                        first_language = article.language
                        self.store.set_meta("first_language", first_language)
                    if (
                        not multilingual
                        and self.settings.multilingual == "auto"
                        and article.language
                        and article.language != first_language
                    ):
                        multilingual = True
                        self.store.add_articles(articles[:-1])  # the backfill reads stored articles
                        self.store.set_assignments(assignments)
                        if new_vectors:
                            self.store.put_vectors(self.encoder.name, new_vectors)
                            new_vectors.clear()
                        del articles[:-1]
                        assignments.clear()
                        self._turn_multilingual(cl)
                        # the rest of the batch is encoded now, spread over threads
                        rest = [i.article for i in batch[position:] if i.article is not None and i.vector is None]
                        rest = self._likely_encoded(cl, rest, ahead)
                        ahead.update({id(a): v for a, v in zip(rest, self._encode(rest), strict=True)})
                    vector = None
                    if multilingual:
                        if item.signature is not None:  # computed by the worker
                            cl.known_signature(features, item.signature)
                        # the object encoded ahead, before a rename
                        vector = self._vector_for(
                            cl, article_id, article, features, ahead.get(id(item.article)), pending, new_vectors
                        )
                    pending[article_id] = (article, features)
                    decision = cl.assign(article_id, features, vector)
                    assignments.append((self._assignment(decision, cl), cl.state_of(article_id)))
                    touched.add(decision.story_id)
                    new_stories += decision.new_story
                    if decision.new_story:
                        opened[decision.story_id] = article
                    ingested.append(article_id)
                    for repair in cl.take_repairs():
                        repairs.append(repair)
                        touched.update((repair.from_story, repair.to_story))
                        repaired.update((repair.from_story, repair.to_story))
                        new_stories += 1 if repair.kind == "split" else -1
                # one statement per table for the whole batch; repairs after, in their order
                self.store.add_articles(articles)
                if aliases or alias_dups:
                    self.store.add_url_aliases(aliases + _duplicate_aliases(self.store, alias_dups, batch_ids))
                self.store.set_assignments(assignments)
                if new_vectors:
                    self.store.put_vectors(self.encoder.name, new_vectors)
                for repair in repairs:
                    self.store.move_articles(repair.articles, repair.to_story, json.dumps(repair.explanation.to_dict()))
                    self.store.add_event(
                        StoryEvent(repair.from_story, repair.kind, repair.to_story, repair.articles, repair.note)
                    )
                self.store.save_doc_freq(cl.df.take_dirty(), cl.df.n)
                self.store.refresh_stories(touched)
                # a story opened in this batch that still holds only its first article is labelled
                # with that article's headline, as choose_label would, without reading it back
                alone = {sid: a for sid, a in opened.items() if sid not in repaired and cl.story_size(sid) == 1}
                if alone:
                    from .summarize.label import label_of_one

                    for sid, first in alone.items():
                        self.store.set_label(sid, label_of_one(first.title, first.outlet))
                self._relabel(touched - alone.keys())
                activity = cl.story_activity()
                self.store.set_story_activity({sid: activity[sid] for sid in touched if sid in activity})
                state = self._move_story_state() if ingested or repairs else self._state_version
        except BaseException:
            self._clusterer = None  # in-memory state is ahead of the store: restore on next use
            raise
        self._state_version = state  # this engine's state is the store's, committed
        report.ingested += len(ingested)
        report.rejections.extend(refused)
        report.duplicates += duplicates
        report.new_stories += new_stories
        report.article_ids.extend(ingested)
        return refused

    def _vector_for(
        self,
        cl: OnlineClusterer,
        article_id: int,
        article: Article,
        features: ArticleFeatures,
        ready: Any | None,
        pending: Mapping[int, tuple[Article, ArticleFeatures]],
        new_vectors: dict[int, Any],
    ) -> Any | None:
        """The vector an article is placed with in a multilingual store (``ready``: encoded
        ahead or stored), or None.  When the stream has a main language, an article of it gets one
        only when it meets an article in another language; what it meets gets its vector first,
        so it can be found.  Vectors encoded here go to ``new_vectors`` (by article id)."""
        if not cl.tracks_views and skeletal_article(features):
            self._track_views(cl)
        main = cl.main_language()
        if main is not None and article.language == main and not cl.meets_other_language(features):
            return None
        meeting = cl.unencoded_meeting(features)
        if meeting:
            new_vectors.update(self._add_vectors(cl, meeting, pending))
        vector = ready if ready is not None else self._encode([article])[0]
        new_vectors[article_id] = vector
        return vector

    @staticmethod
    def _likely_encoded(cl: OnlineClusterer, articles: list[Article], ahead: Mapping[int, Any]) -> list[Article]:
        """The articles worth encoding ahead, on threads: all of them, but when the stream has a
        main language only those in other languages (the few of the main language that meet one
        are encoded when they arrive).  Which articles get a vector never depends on this."""
        main = cl.main_language()
        if main is None and len(articles) >= 100:  # too few placed yet: the batch's own main language
            language, count = Counter(a.language for a in articles).most_common(1)[0]
            main = language if count >= 0.9 * len(articles) else None
        return [a for a in articles if id(a) not in ahead and (main is None or a.language != main)]

    def _assignment(self, decision: Decision, cl: OnlineClusterer) -> Assignment:
        return Assignment(
            article_id=decision.article_id,
            story_id=decision.story_id,
            explanation=decision.explanation,
            copy_of=decision.copy_of,
            relation=decision.relation or ("near-duplicate" if decision.copy_of is not None else None),
            version=cl.name,
        )

    # -- reading -----------------------------------------------------------------------------------
    def stories(self, query: StoryQuery | None = None) -> list[Story]:
        return self.store.stories(query or StoryQuery())

    def story(self, story_id: int) -> Story:
        return self.store.story(story_id)

    def story_members(self, story_id: int) -> list[tuple[Article, Assignment]]:
        return self.store.story_members(story_id)

    def story_events(self, story_id: int) -> list[StoryEvent]:
        return self.store.story_events(story_id)

    def export_assignments(self) -> Iterator[AssignmentRow]:
        return self.store.assignments()

    # -- compare -----------------------------------------------------------------------------------
    @property
    def comparer(self) -> Comparer:
        if self._comparer is None:
            from .compare.comparer import Comparer

            self._comparer = Comparer(
                encoder=self.encoder if self.settings.multilingual != "off" else None,
                japanese="default" if self.settings.ja_analyser else None,
            )
        return self._comparer

    @property
    def summarizer(self) -> Summarizer:
        if self._summarizer is None:
            from .summarize.extractive import ExtractiveSummarizer

            self._summarizer = ExtractiveSummarizer()
        return self._summarizer

    def _cached(self, story_id: int, kind: str, version: str, refresh: bool) -> dict[str, Any] | None:
        if refresh:
            return None
        cached = self.store.get_analysis(story_id, kind)
        if cached is not None and cached[0] == version and cached[1] == self.store.story_revision(story_id):
            data: dict[str, Any] = json.loads(cached[2])
            return data
        return None

    def _cache(self, story_id: int, kind: str, version: str, data: dict[str, Any]) -> None:
        with self.store.transaction():
            revision = self.store.story_revision(story_id)
            self.store.put_analysis(story_id, kind, version, revision, json.dumps(data, ensure_ascii=False))

    def compare_story(
        self, story_id: int, *, refresh: bool = False, summary_words: int = 100, language: str | None = None
    ) -> dict[str, Any]:
        """The comparison of a stored story (JSON form) with its label and summary, each cached
        until the story changes.  ``language``: the display language of facts (default English
        when a source is English, else the story's main language)."""
        language = display_language_code(language)
        data, made = self._comparison(story_id, language, refresh)
        summary = self._summary(story_id, summary_words, language, refresh, (data, made))
        data = {**data, "label": self.store.story(story_id).label, "summary": summary["summary"]}
        return data

    def summarize_story(
        self, story_id: int, *, words: int = 100, refresh: bool = False, language: str | None = None
    ) -> dict[str, Any]:
        """``{"label", "summary": [{"text", "sources", "support"}], "version"}`` of a stored story.
        ``language``: the display language (see :meth:`compare_story`); in a story of several
        languages, each sentence is worded in it where a source in it reports the fact.  A summary
        of another length is made from the cached comparison, not from a new one."""
        return self._summary(story_id, words, display_language_code(language), refresh, None)

    def _comparison(
        self, story_id: int, language: str | None, refresh: bool
    ) -> tuple[dict[str, Any], tuple[Comparison, list[CompareInput]] | None]:
        """The story's comparison JSON (cached until the story changes), and the comparison itself
        with its inputs when it was made now."""
        version = self.comparer.name
        kind = "comparison" if language is None else f"comparison:{language}"
        data = self._cached(story_id, kind, version, refresh)
        if data is not None:
            return data, None
        inputs = _compare_inputs(self.store.story_members(story_id))
        comparison = self.comparer.compare(inputs, story=story_id, display_language=language)
        data = comparison.to_json()
        self._cache(story_id, kind, version, data)
        return data, (comparison, inputs)

    def _summary(
        self,
        story_id: int,
        words: int,
        language: str | None,
        refresh: bool,
        compared: tuple[dict[str, Any], tuple[Comparison, list[CompareInput]] | None] | None,
    ) -> dict[str, Any]:
        version = f"{self.summarizer.name}+{self.comparer.name}"
        kind = f"summary:{words}" if language is None else f"summary:{words}:{language}"
        data = self._cached(story_id, kind, version, refresh)
        if data is None:
            # the comparison as just made, else as cached (made again only with refresh, once)
            cached, made = compared or self._comparison(story_id, language, refresh)
            if made is not None:
                comparison, inputs = made
            else:
                from .compare.base import Comparison

                comparison = Comparison.facts_from_json(cached)
                inputs = _compare_inputs(self.store.story_members(story_id))
            data = self.summarizer.summarize(inputs, comparison, words=words).to_json()
            data["label"] = self.store.story(story_id).label
            self._cache(story_id, kind, version, data)
        return data

    def compare_all(self, *, summary_words: int = 100, language: str | None = None) -> dict[str, Any]:
        """Every stored article compared as one story (``newsprism compare FILE...``)."""
        language = display_language_code(language)
        members: list[tuple[Article, Assignment]] = []
        for story in self.store.stories(StoryQuery(order="id", limit=1_000_000)):
            members.extend(self.store.story_members(story.id))
        members.sort(key=lambda m: m[0].id or 0)
        inputs = _compare_inputs(members)
        comparison = self.comparer.compare(inputs, display_language=language)
        data = comparison.to_json()
        summary = self.summarizer.summarize(inputs, comparison, words=summary_words)
        data["label"] = summary.label
        data["summary"] = summary.to_json()["summary"]
        return data

    def _relabel(self, story_ids: Iterable[int]) -> None:
        """Give touched stories the headline of their most central article (with hysteresis).

        Reads the members' titles, not their texts: an article's title-and-lead tokens come from
        the cache (counted by the worker that prepared it), its text is read only when missing."""
        from .summarize.label import LabelCandidate, pick_label

        ids = sorted(set(story_ids))
        for i in range(0, len(ids), _RELABEL_CHUNK):
            found = self.store.label_members(ids[i : i + _RELABEL_CHUNK])
            samples: dict[int, list[LabelMember]] = {}
            for sid, (_, members) in found.items():
                if len(members) > _LABEL_SAMPLE:  # the first articles and the newest ones
                    members = members[: _LABEL_SAMPLE // 2] + members[-_LABEL_SAMPLE // 2 :]
                samples[sid] = members
            if len(self._label_bags) > _LABEL_CACHE:  # keep the newer half
                for key in list(self._label_bags)[: _LABEL_CACHE // 2]:
                    del self._label_bags[key]
            bags = self._label_bags
            missing = [m.article_id for members in samples.values() for m in members if m.article_id not in bags]
            texts = self.store.article_texts(missing) if missing else {}
            for sid in sorted(samples):
                members = samples[sid]
                ext = {m.article_id: m.external_id for m in members}
                candidates = [
                    LabelCandidate(m.external_id, m.title, m.outlet, m.language, bool(ext.get(m.copy_of or 0)))
                    for m in members  # a copy of an article outside the sample counts as an original
                ]
                current = found[sid][0]
                label = pick_label(candidates, partial(_member_tokens, bags, texts, members), current or None)
                if label != current:
                    self.store.set_label(sid, label)

    # -- web (issue 6): one article, story counts, deleting an article -----------------------------
    def article(self, article_id: int) -> tuple[Article, Assignment]:
        """A stored article (by store id) with its assignment; :class:`NotFound` when there is none."""
        return self.store.article(article_id), self.store.article_assignment(article_id)

    def count_stories(self, query: StoryQuery | None = None) -> int:
        """How many stories match ``query`` (for pagination)."""
        return self.store.count_stories(query or StoryQuery())

    def delete_article(self, article_id: int) -> DeletedArticle:
        """Delete a stored article in one transaction, as if it had never been counted.

        Its terms leave the document frequencies; when it was the original of copies, the earliest
        copy becomes the original (its terms counted instead) and the others copies of it.  The story
        is refreshed (relabelled, its cached analyses invalidated) or deleted when left empty, and the
        clusterer is restored from the store on next use.  The article's id is never given again.
        """
        from .cluster.idf import FIELDS

        delta: dict[str, dict[str, int]] = {name: {} for name in FIELDS}

        def count(features: ArticleFeatures | None, sign: int) -> None:
            if features is not None:
                for name in FIELDS:
                    counts = delta[name]
                    for term in getattr(features, name):
                        counts[term] = counts.get(term, 0) + sign

        try:
            with self.store.transaction():
                article, assignment = self.article(article_id)
                story_id = assignment.story_id
                copies = [s.article_id for _, s in self.store.story_members(story_id) if s.copy_of == article_id]
                promoted = copies[0] if copies else None
                if promoted is not None:
                    self.store.set_copy_of([promoted], None)
                    self.store.set_copy_of(copies[1:], promoted)
                if assignment.copy_of is None:  # an original: its terms count in the document frequencies
                    count(self.store.article_features(article_id), -1)
                    if promoted is not None:
                        count(self.store.article_features(promoted), +1)
                    n = int(self.store.get_meta("df_n") or 0) - (0 if promoted is not None else 1)
                    self.store.add_doc_freq(delta, max(0, n))
                self.store.delete_article(article_id)
                self._move_story_state()
                self.store.refresh_stories([story_id])
                story_deleted = not self._story_exists(story_id)
                if not story_deleted:
                    self._relabel([story_id])
        finally:
            self._clusterer = None  # restored from the store on next use
        return DeletedArticle(article_id, article.external_id, story_id, story_deleted, promoted)

    def _story_exists(self, story_id: int) -> bool:
        try:
            self.store.story(story_id)
        except NotFound:
            return False
        return True

    # -- rebuild -----------------------------------------------------------------------------------
    def rebuild(self, *, on_progress: Callable[[int, int], None] | None = None) -> RebuildReport:
        """Re-cluster the whole store in one pass with corpus-wide statistics.

        Features made by another featurizer version are recomputed first.  The new stories take
        the ids of the old stories they overlap most, so ids stay stable where the grouping did.
        """
        with relaxed_gc():
            try:
                return self._rebuild(on_progress)
            finally:
                self._placing = {}  # the whole store's articles: not kept

    def _rebuild(self, on_progress: Callable[[int, int], None] | None) -> RebuildReport:
        before = {row.article_id: row.story_id for row in self.store.assignments()}
        stories_before = self.store.story_count()
        items: list[tuple[Article, ArticleFeatures]] = []
        recomputed = 0
        with self.store.transaction():
            for article, features in self.store.iter_articles():
                if features is None or features.version != self.featurizer.name:
                    features = self.featurizer.features(article)
                    assert article.id is not None
                    self.store.replace_features(article.id, features)
                    recomputed += 1
                items.append((article, features))
            cl = self._factory()
            cl.df.freeze_with(f for _, f in items)
            self._placing = {a.id: (a, f) for a, f in items if a.id is not None}
            multilingual = self._multilingual()
            if multilingual:  # placed as a multilingual stream from the start, with the stored vectors
                self._track_signatures(cl)
            new_vectors: dict[int, Any] = {}
            decisions: dict[int, Decision] = {}
            story_of: dict[int, int] = {}
            stored: dict[int, Any] = {}  # stored vectors of the next articles, read 1,000 at a time
            for i, (article, features) in enumerate(items, 1):
                assert article.id is not None
                vector = None
                if multilingual:
                    if (i - 1) % 1000 == 0:
                        upcoming = [a.id for a, _ in items[i - 1 : i + 999] if a.id is not None]
                        stored = self.store.get_vectors(self.encoder.name, upcoming)
                    ready = stored.get(article.id)
                    vector = self._vector_for(cl, article.id, article, features, ready, {}, new_vectors)
                    if ready is not None:
                        new_vectors.pop(article.id, None)  # stored already: nothing to write back
                decision = cl.assign(article.id, features, vector)
                decisions[article.id] = decision
                story_of[article.id] = decision.story_id
                for repair in cl.take_repairs():
                    for aid in repair.articles:
                        story_of[aid] = repair.to_story
                if on_progress:
                    on_progress(i, len(items))
            if new_vectors:
                self.store.put_vectors(self.encoder.name, new_vectors)
            mapping = _map_story_ids(before, story_of, self.store.next_story_id())
            self.store.clear_stories()
            for aid, decision in sorted(decisions.items()):
                sid = mapping[story_of[aid]]
                moved = story_of[aid] != decision.story_id
                explanation = decision.explanation
                if moved:
                    explanation = Explanation(decision="moved", note="moved by a repair during rebuild")
                assignment = Assignment(
                    article_id=aid,
                    story_id=sid,
                    explanation=explanation,
                    copy_of=decision.copy_of,
                    relation=decision.relation or ("near-duplicate" if decision.copy_of is not None else None),
                    version=cl.name,
                )
                self.store.set_assignment(assignment, cl.state_of(aid))
            live = _live_doc_freq(f for (a, f) in items if decisions[a.id or 0].copy_of is None)
            self.store.save_doc_freq(live[0], live[1])
            self.store.refresh_stories(set(mapping.values()))
            self._relabel(set(mapping.values()))
            activity = cl.story_activity()
            last: dict[int, int] = {}
            for aid, sid in story_of.items():
                new = mapping[sid]
                last[new] = max(last.get(new, 0), aid, activity.get(sid, 0))
            self.store.set_story_activity(last)
            self._move_story_state()
        self._clusterer = None
        after = {aid: mapping[sid] for aid, sid in story_of.items()}
        return RebuildReport(
            articles=len(items),
            stories_before=stories_before,
            stories_after=len(set(after.values())),
            agreement=bcubed(after, before)[2] if before else 1.0,
            features_recomputed=recomputed,
        )


_STORY_STATE = "story_state"  # meta key of the story-state counter (see Engine._story_state)


def display_language_code(code: str | None) -> str | None:
    """A display language as asked (``"EN"``, ``"eng"``), as its ISO 639-1 code; an unknown code is
    an error rather than a display language no source can have."""
    if code is None:
        return None
    from .nlp.language import normalise_language

    language = normalise_language(code)
    if language is None:
        raise ConfigError(
            f"unknown language code {code!r}: use an ISO 639-1 code such as en, ru or ja", setting="language"
        )
    return language


def _duplicate_of(store: Store, content_hash: str, urls: list[str], batch_ids: Mapping[str, int]) -> int | None:
    """The article (of this batch, else stored) that an article with this hash and URLs duplicates."""
    found = next((batch_ids[k] for k in (content_hash, *urls) if k in batch_ids), None)
    for url in (None, *urls):
        if found is not None:
            break
        found = store.find_duplicate(content_hash, url)
    return found


def _duplicate_aliases(
    store: Store, dups: list[tuple[str, list[str]]], batch_ids: Mapping[str, int]
) -> list[tuple[str, int]]:
    """``(url, article id)`` for the links of duplicates, pointed at the article they duplicate (issue 7)."""
    out: list[tuple[str, int]] = []
    for content_hash, urls in dups:
        found = _duplicate_of(store, content_hash, urls, batch_ids)
        if found is not None:
            out.extend((u, found) for u in urls)
    return out


def _derived_id(article: Article) -> bool:
    """Is the article's external id where it was read from (no ``id`` given)?"""
    return article.external_id == article.origin


def _urls_of(item: Prepared) -> list[str]:
    """Every URL an item is known by: its article's URL and, for a fetched page, its aliases."""
    assert item.article is not None
    urls = [item.article.url] if item.article.url else []
    urls.extend(u for u in item.aliases if u not in urls)
    return urls


def _member_tokens(
    bags: dict[int, Counter[str]], texts: Mapping[int, str], members: list[LabelMember], k: int
) -> Counter[str]:
    """The label tokens of ``members[k]``: from the cache, else counted from its text (and cached)."""
    from .nlp.tokenize import lead_tokens

    m = members[k]
    bag = bags.get(m.article_id)
    if bag is None:
        bag = bags[m.article_id] = lead_tokens(m.title, texts[m.article_id], m.language)
    return bag


def _compare_inputs(members: list[tuple[Article, Assignment]]) -> list[CompareInput]:
    from .compare.comparer import CompareInput

    ext = {a.id: a.external_id for a, _ in members}
    return [
        CompareInput(
            article=a.external_id,
            title=a.title,
            text=a.text,
            outlet=a.outlet,
            url=a.url,
            language=a.language,
            published=a.published,
            copy_of=ext.get(s.copy_of) if s.copy_of is not None else None,
        )
        for a, s in members
    ]


def _live_doc_freq(features: Iterable[ArticleFeatures]) -> tuple[dict[str, dict[str, int]], int]:
    counts: dict[str, Counter[str]] = {"title": Counter(), "body": Counter(), "names": Counter()}
    n = 0
    for f in features:
        n += 1
        for name, counter in counts.items():
            counter.update(getattr(f, name).keys())
    return {k: dict(v) for k, v in counts.items()}, n


def _map_story_ids(before: dict[int, int], after: dict[int, int], next_id: int) -> dict[int, int]:
    """Give each new cluster the old story id it overlaps most (each old id used once)."""
    overlap: Counter[tuple[int, int]] = Counter()
    for aid, new in after.items():
        old = before.get(aid)
        if old is not None:
            overlap[(new, old)] += 1
    mapping: dict[int, int] = {}
    used: set[int] = set()
    for (new, old), _count in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if new in mapping or old in used:
            continue
        mapping[new] = old
        used.add(old)
    for new in sorted(set(after.values())):
        if new not in mapping:
            mapping[new] = next_id
            next_id += 1
    return mapping
