"""Online story clustering: each article joins the best active story or opens a new one.

Per article:

1. **Copies.** A MinHash/LSH lookup finds an earlier article with nearly the same text; the article
   joins that article's story as ``copy_of`` its earliest original and adds no evidence of its own.
2. **Candidates.** An inverted index from terms (names, title words, the body's strongest words) to
   active stories proposes a few candidate stories; the cost per article does not grow with the
   number of stored stories.  Stories quiet for longer than the time window are retired.
3. **Decision.** For each candidate, cosine similarities of the article's title, body and names
   (TF-IDF, with IDF snapshots of the stream) against the story's centroids, the time gap and year
   agreement are combined by :class:`~newsprism.cluster.decision.DecisionModel`.  The best candidate
   is joined when its probability reaches the join threshold.
4. **Repair.** When a story grows, its members are re-examined (:mod:`.repair`): a distinct group
   that joined it is split off into a new story (the group with the story's first article keeps
   the id).  An article that joined across languages is split off the same way when its first
   translation into the language of the story's other reports reads as another event.
"""

from __future__ import annotations

import logging
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import numpy as np

from ..model import Explanation
from ..nlp.parallel import TextProfile, read_parallel, text_profile
from ..nlp.tokenize import is_year_token, year_tokens
from ..represent.base import ArticleFeatures
from . import kernel
from .base import Decision, Member, Repair
from .copies import CopyIndex
from .crosslingual import DenseIndex, DenseParams, SignatureIndex, names_in_common, names_shared, signature
from .decision import DecisionModel, default_model
from .idf import FIELDS, DocFreq
from .repair import Partition, mean_offdiag, ncut_split, two_way_split

__all__ = ["ONLINE_V1", "ClusterParams", "OnlineClusterer"]

log = logging.getLogger(__name__)

ONLINE_V1 = "newsprism.OnlineClusterer.v1"
_DAY = 86400.0
_RETIRE_EVERY = 256
_READ_COPIES = 16  # translations of a story read, at most, before a join across languages
# A stream's main language: the language of at least this share of the active articles (and at
# least _MAIN_MIN of them).  In a multilingual store with a main language, only the articles that
# may relate to one in another language are encoded (see OnlineClusterer.main_language).
_MAIN_SHARE = 0.9
_MAIN_MIN = 100
_MEET_WEIGHT = 12.0  # names and numbers two articles share, weighed by rarity, to "meet" (SignatureIndex)
_MEET_ENCODE = 16  # articles of the main language encoded, at most, for one arrival in another
_PROFILES = 2048  # sentence profiles of texts kept for translation checks (nlp/parallel.py)

TextSource = Callable[[int], str | None]
"""An article's title and text (the title a paragraph of its own) by the article's id, None when
unknown: what the clusterer reads when names and numbers are too few to tell a translation in a
language the encoder does not read."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterParams:
    join_threshold: float = 0.5
    copy_threshold: float = 0.6
    time_window_days: float = 7.0
    max_gap_days: float = 0.0  # an article this far (in days) from a story's dates cannot join it (0: no limit)
    max_idle_articles: int = 20_000
    min_idle_articles: int = 2_000  # a dated story is retired only once this many articles passed it by
    split_check: bool = True
    max_candidates: int = 6
    body_query_terms: int = 10
    names_query_terms: int = 10
    max_postings: int = 1_000
    idf_growth: int = 16  # IDF is live for the first articles, then refreshed every n / idf_growth


@dataclass(slots=True)
class _Query:
    """An incoming article, weighted once with the current IDF snapshot."""

    vec: dict[str, dict[str, float]] = field(default_factory=dict)  # tf * idf
    vidf: dict[str, dict[str, float]] = field(default_factory=dict)  # tf * idf^2 (dot with raw sums)
    norm: dict[str, float] = field(default_factory=dict)
    top: dict[str, tuple[list[str], list[float], float]] = field(default_factory=dict)
    query_terms: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # for candidate lookup
    years: set[str] = field(default_factory=set)
    published: float | None = None


@dataclass(slots=True)
class _Story:
    id: int
    members: list[int] = field(default_factory=list)  # all members, ascending article id
    core: list[int] = field(default_factory=list)  # members that are not copies
    feats: dict[int, ArticleFeatures] = field(default_factory=dict)  # core members, while small
    sums: dict[str, dict[str, float]] = field(default_factory=lambda: {f: {} for f in FIELDS})
    usums: dict[str, dict[str, float]] = field(default_factory=lambda: {f: {} for f in FIELDS})
    years: Counter[str] = field(default_factory=Counter)
    first_pub: float | None = None
    last_pub: float | None = None
    last_id: int = 0
    version: int = 0
    # term ids in sums order: int64 arrays (8 bytes a term, read by numpy without conversion)
    idlist: dict[str, array[int]] = field(default_factory=lambda: {f: array("q") for f in FIELDS})
    norms: dict[str, tuple[int, int, float]] = field(default_factory=dict)  # field -> (version, snapshot, norm)

    def add_evidence(
        self,
        article_id: int,
        f: ArticleFeatures,
        keep_features: bool,
        norms: dict[str, float],
        ids: dict[str, dict[str, int]],
    ) -> dict[str, list[str]]:
        """Add a core member's terms; the terms new to the story, per field."""
        self.core.append(article_id)
        if keep_features:
            self.feats[article_id] = f
        new_terms: dict[str, list[str]] = {}
        for name in FIELDS:
            inv = 1.0 / norms[name] if norms.get(name) else 0.0
            new_terms[name], new_ids = kernel.accumulate(
                self.sums[name], self.usums[name], getattr(f, name), inv, ids[name]
            )
            self.idlist[name].fromlist(new_ids)
        self.years.update(year_tokens(f.names))
        self.version += 1
        return new_terms

    def add_time(self, article_id: int, published: float | None) -> None:
        self.members.append(article_id)
        self.last_id = max(self.last_id, article_id)
        if published is not None:
            self.first_pub = published if self.first_pub is None else min(self.first_pub, published)
            self.last_pub = published if self.last_pub is None else max(self.last_pub, published)


def _ranked(weights: dict[str, float]) -> list[tuple[str, float]]:
    """Items by weight, highest first, ties by term (two stable C-keyed sorts, no Python key)."""
    by_term = sorted(weights.items(), key=itemgetter(0))
    return sorted(by_term, key=itemgetter(1), reverse=True)


class OnlineClusterer:
    """The default :class:`~newsprism.cluster.base.Clusterer`."""

    name = ONLINE_V1

    def __init__(
        self,
        params: ClusterParams | None = None,
        model: DecisionModel | None = None,
        dense_params: DenseParams | None = None,
        texts: TextSource | None = None,
    ) -> None:
        self.dense_params = dense_params or DenseParams()
        self.texts = texts  # None: translations are told by names, numbers and shape only
        self._profiles: dict[int, TextProfile | None] = {}
        self._dense: DenseIndex | None = None
        self.params = params or ClusterParams()
        self.model = model or default_model()
        self.name = f"{ONLINE_V1}+{self.model.name}"
        self.df = DocFreq(self.params.idf_growth)
        self._stories: dict[int, _Story] = {}  # active stories
        self._story_of: dict[int, int] = {}  # article id -> story id (active stories)
        self._copy_root: dict[int, int] = {}  # copy article id -> original article id
        self._published: dict[int, float | None] = {}
        self._language_of: dict[int, str | None] = {}  # active articles
        self._languages: Counter[str | None] = Counter()  # of the active articles
        self._signatures: SignatureIndex | None = None  # active articles, once the store is multilingual
        self._last_signature: tuple[ArticleFeatures, Counter[str]] | None = None  # of the article being placed
        self._norms: dict[int, dict[str, float]] = {}  # article id -> its vector norms when it joined
        self._index: dict[str, dict[str, set[int]]] = {f: {} for f in FIELDS}
        self._copies = CopyIndex()
        self._repairs: list[Repair] = []
        self._split_pairs: set[frozenset[int]] = set()
        self._next_story = 1
        self._max_pub: float | None = None
        self._threshold_score = self.model.threshold_score(self.params.join_threshold)
        self._used = {k for k, w in self.model.weights.items() if w}
        self._plan = self._score_plan()

    def _score_plan(self) -> list[tuple[Any, ...]]:
        """The model's side of :meth:`_steps`: each step's kind, view and weights (every
        evidence value :meth:`_evidence` lists, weighted 0.0 when the model ignores it)."""
        w, used = self.model.weights, self._used
        plan: list[tuple[Any, ...]] = []
        for name in FIELDS:
            if name + "_avg" in used:
                plan.append((kernel.AVERAGE, name, w[name + "_avg"], w.get(name, 0.0)))
            elif name in used:
                plan.append((kernel.COSINE, name, w[name]))
        for name, key in (("names", "names_top"), ("body", "body_top")):
            if key in used:
                plan.append((kernel.TOP, name, w[key]))
        plan.append((kernel.YEARS, w.get("year_overlap", 0.0), w.get("year_conflict", 0.0)))
        plan.append((kernel.GAP, w.get("gap_log_days", 0.0)))
        return plan

    # -- public ------------------------------------------------------------------------------
    @property
    def active_stories(self) -> int:
        return len(self._stories)

    def assign(self, article_id: int, features: ArticleFeatures, vector: np.ndarray | None = None) -> Decision:
        """Place one article.  ``vector`` (its dense title-and-lead vector) is given when the store
        holds several languages: it lets the article join a story in another language and be
        recognised as a translation."""
        if features.published is not None:
            self._max_pub = features.published if self._max_pub is None else max(self._max_pub, features.published)
        self._published[article_id] = features.published
        self._language_of[article_id] = features.language
        self._languages[features.language] += 1
        decision = self._copy_decision(article_id, features)
        if decision is None and self._dense is not None:
            decision = self._translation_decision(article_id, features, vector)
        if decision is None:
            ids = self.df.add(features)
            decision = self._decide(article_id, features, vector, ids)
        if vector is not None:
            self._dense_add(article_id, vector, features, evidence=decision.copy_of is None)
        if self._signatures is not None:
            self._signatures.add(article_id, features, self._signature(features))
        if article_id % _RETIRE_EVERY == 0:
            self._retire(article_id)
        return decision

    # -- cross-language -------------------------------------------------------------------------
    def _dense_index(self, dim: int) -> DenseIndex:
        if self._dense is None:
            self._dense = DenseIndex(dim, self.dense_params)
        return self._dense

    def _dense_add(self, article_id: int, vector: np.ndarray, f: ArticleFeatures, *, evidence: bool) -> None:
        sid = self._story_of.get(article_id)
        if sid is not None:
            self._dense_index(len(vector)).add(article_id, sid, vector, f, evidence=evidence, sig=self._signature(f))

    def add_vectors(self, items: Iterable[tuple[int, np.ndarray, ArticleFeatures]]) -> None:
        """Vectors of already placed active articles (when a store turns multilingual)."""
        for article_id, vector, features in items:
            self._dense_add(article_id, vector, features, evidence=article_id not in self._copy_root)

    def needs_vectors(self) -> list[int]:
        """Active articles without a dense vector yet (ascending id)."""
        have = self._dense
        return sorted(a for a in self._story_of if have is None or a not in have)

    def main_language(self) -> str | None:
        """The language of at least 90% of the active articles (at least 100 of them), if any.

        In a multilingual store whose stream has a main language, encoding every article would
        cost the stream most of its speed for the sake of the few in other languages.  Then only
        articles that *meet* one in another language (:meth:`meets_other_language`: names or
        numbers in common) get a vector when they arrive, and an arrival in another language
        first has the main-language articles it meets encoded (:meth:`unencoded_meeting`)."""
        total = self._languages.total()
        if total < _MAIN_MIN:
            return None
        language, count = max(self._languages.items(), key=lambda kv: (kv[1], kv[0] or ""))
        return language if language and count >= _MAIN_SHARE * total else None

    @property
    def tracks_signatures(self) -> bool:
        return self._signatures is not None

    def active_articles(self) -> list[int]:
        """The active articles (any order)."""
        return list(self._story_of)

    def track_signatures(self, items: Iterable[tuple[int, ArticleFeatures]]) -> None:
        """Index active articles by their names and numbers (from the switch to multilingual on;
        later arrivals are indexed as they are placed)."""
        if self._signatures is None:
            self._signatures = SignatureIndex()
        for article_id, features in items:
            if article_id in self._story_of:
                self._signatures.add(article_id, features)

    @property
    def tracks_views(self) -> bool:
        return self._signatures is not None and self._signatures.tracks_views

    def track_views(self, items: Iterable[tuple[int, ArticleFeatures]]) -> None:
        """Index active articles by their names' consonant skeletons too (from the first Hebrew or
        Arabic-script article on: :class:`~newsprism.cluster.crosslingual.SkeletonView`)."""
        if self._signatures is not None:
            self._signatures.track_views((aid, f) for aid, f in items if aid in self._story_of)

    def _signature(self, features: ArticleFeatures) -> Counter[str]:
        """The article's :func:`signature`, computed once while it is being placed."""
        last = self._last_signature
        if last is not None and last[0] is features:
            return last[1]
        sig = signature(features)
        self._last_signature = (features, sig)
        return sig

    def known_signature(self, features: ArticleFeatures, sig: Counter[str]) -> None:
        """The :func:`signature` of the article about to be placed, computed elsewhere (an ingest
        worker) from the same features."""
        self._last_signature = (features, sig)

    def meets_other_language(self, features: ArticleFeatures) -> bool:
        """Does the article share names or numbers with an active article in another language,
        or have the build of one that has no names (Japanese, Chinese: a translation keeps it)?"""
        if self._signatures is None:
            return False
        if self._signatures.meeting(features, _MEET_WEIGHT, self._signature(features)):
            return True
        return self._dense is not None and self._dense.shaped_like(features)

    def unencoded_meeting(self, features: ArticleFeatures) -> list[int]:
        """Active articles in other languages than the article's, without a vector, that share
        names or numbers with it: the most sharing first, at most 16 (ascending id)."""
        if self._signatures is None:
            return []
        dense = self._dense
        meeting = self._signatures.meeting(features, _MEET_WEIGHT, self._signature(features))
        found = [a for a, _ in meeting if dense is None or a not in dense]
        return sorted(found[:_MEET_ENCODE])

    def _translation_decision(self, article_id: int, f: ArticleFeatures, vector: np.ndarray | None) -> Decision | None:
        """A translation of an indexed article: by meaning and shape, else (a language the
        encoder does not read, or an article left unencoded) by names, numbers and shape."""
        if self._dense is None:
            return None
        hit = None if vector is None else self._dense.translation_of(vector, f, self._copy_root)
        if hit is not None:
            other, score, threshold = hit
            closely = "" if threshold >= self.dense_params.translation_threshold else " (paragraphs match closely)"
            similarity = {"dense": score}
            why = f"same meaning and shape{closely}"
        else:
            parallel = None if self.texts is None else self._parallel_with(article_id, f.language)
            hit = self._dense.translation_by_names(
                f, self._copy_root, encoded=vector is not None, sig=self._signature(f), parallel=parallel
            )
            if hit is None:
                return None
            other, score, threshold, by_texts = hit
            similarity = {"names_and_numbers": score}
            why = "parallel sentences (lengths, names and numbers)" if by_texts else "same names, numbers and shape"
            why += " (a language the encoder does not read)" if vector is not None else " (compared without a vector)"
        decision = self._as_copy(
            article_id,
            f,
            other,
            score=score,
            threshold=threshold,
            similarity=similarity,
            note=f"translation of article {{original}} ({f.language or '?'}): {why}",
            relation="translation",
        )
        if decision is not None and decision.copy_of is not None:
            self._check_translated(self._stories[decision.story_id], f, decision.copy_of)
        return decision

    def _profile(self, article_id: int, language: str | None) -> TextProfile | None:
        """The sentence profile of an article's text (kept for the :data:`_PROFILES` read last)."""
        if article_id in self._profiles:
            profile = self._profiles.pop(article_id)  # the last read goes last: kept the longest
            self._profiles[article_id] = profile
            return profile
        text = self.texts(article_id) if self.texts is not None else None
        profile = None if text is None else text_profile(text, language)
        if len(self._profiles) >= _PROFILES:
            del self._profiles[next(iter(self._profiles))]
        self._profiles[article_id] = profile
        return profile

    def _parallel_with(self, article_id: int, language: str | None) -> Callable[[int], bool]:
        """Does a stored article's text read as parallel with this one's?  (Both read when first asked.)"""

        def parallel(other: int) -> bool:
            assert self._dense is not None
            mine = self._profile(article_id, language)
            theirs = None if mine is None else self._profile(other, self._dense.language_of(other))
            return theirs is not None and mine is not None and read_parallel(theirs, mine)

        return parallel

    def _check_translated(self, story: _Story, f: ArticleFeatures, original: int) -> None:
        """The first translation of ``original`` into a language arrived: the rest of the story can
        now be read in it.  When ``original`` has no other reporting in its own language in the
        story (it joined across languages, on the meaning of a title and lead, or the rest joined
        it that way), every other article of the story is in the translation's language (or a
        copy of one), and the translation reads as clearly another event than them (below
        ``DenseParams.unread_split_probability``), the two are split apart; the group holding
        the story's first article keeps the id.  Later translations into the same language
        change nothing: what joined after the first one was placed by reading it."""
        if not self.params.split_check or self._dense is None or not f.language or not self._small(story):
            return
        dense = self._dense
        group = {a for a in story.members if a == original or self._copy_root.get(a) == original}
        if any(dense.language_of(a) == f.language for a in group):
            return  # the original's language, or not its first translation into it (this one is not indexed yet)
        rest = [a for a in story.members if a not in group]
        core = [a for a in rest if a not in self._copy_root]
        if not core or any(dense.language_of(a) != f.language for a in core):
            return  # nothing to read, or reports that cannot be read in this language
        read = self._read_against(story.id, core, self._query(f))
        if read is None:
            return
        score, ev = read
        probability = self.model.probability(score)
        if probability >= self.dense_params.unread_split_probability:
            return
        moved = sorted(group if min(story.members) not in group else rest)
        note = (
            f"split from story {story.id}: the translation of article {original} into {f.language} reads as "
            f"another event ({probability:.2f}, below {self.dense_params.unread_split_probability:.2f})"
        )
        explanation = Explanation(
            decision="moved",
            score=probability,
            threshold=self.dense_params.unread_split_probability,
            similarity={k: ev[k] for k in FIELDS if k in ev},
            note=note,
        )
        self._split_off(story, moved, explanation)

    def take_repairs(self) -> list[Repair]:
        out, self._repairs = self._repairs, []
        return out

    def restore(
        self,
        members: Iterable[Member],
        *,
        next_story_id: int,
        seen: int,
        max_published_at_checkpoint: float | None = None,
        max_published: float | None = None,
        split_pairs: Iterable[tuple[int, int]] = (),
    ) -> None:
        """Rebuild active stories from stored members (ascending article id), then retire what the
        uninterrupted run had retired at its last checkpoint.  Load members of every story whose
        last article id is at least ``checkpoint - max_idle_articles``.  The document frequencies
        are restored separately through :attr:`df`."""
        for m in members:
            story = self._stories.get(m.story_id)
            if story is None:
                story = self._stories[m.story_id] = _Story(m.story_id)
            self._published[m.article_id] = m.features.published
            self._language_of[m.article_id] = m.features.language
            self._languages[m.features.language] += 1
            self._join(story, m.article_id, m.features, copy_of=m.copy_of, norms=m.norms)
            story.last_id = max(story.last_id, m.story_last_id)
            if m.vector is not None:
                self._dense_add(m.article_id, m.vector, m.features, evidence=m.copy_of is None)
        self._split_pairs.update(frozenset(p) for p in split_pairs)
        self._next_story = max(self._next_story, next_story_id)
        checkpoint = (seen // _RETIRE_EVERY) * _RETIRE_EVERY
        self._max_pub = max_published_at_checkpoint
        if checkpoint:
            self._retire(checkpoint)
        self._max_pub = max_published

    def checkpoint(self, seen: int) -> int:
        """The lowest last-article id a story needs to be restored after ``seen`` articles."""
        return (seen // _RETIRE_EVERY) * _RETIRE_EVERY - self.params.max_idle_articles

    @staticmethod
    def last_checkpoint(seen: int) -> int:
        return (seen // _RETIRE_EVERY) * _RETIRE_EVERY

    def story_size(self, story_id: int) -> int | None:
        """Articles of an active story (None when it is not active)."""
        story = self._stories.get(story_id)
        return None if story is None else len(story.members)

    def story_members(self, story_id: int) -> list[int]:
        """Article ids of an active story, ascending (empty when it is not active)."""
        story = self._stories.get(story_id)
        return [] if story is None else list(story.members)

    def story_activity(self) -> dict[int, int]:
        return {sid: s.last_id for sid, s in self._stories.items()}

    def state_of(self, article_id: int) -> dict[str, object]:
        norms = self._norms.get(article_id)
        return {"norms": dict(norms)} if norms else {}

    # -- copies ------------------------------------------------------------------------------
    def _copy_decision(self, article_id: int, f: ArticleFeatures) -> Decision | None:
        hit = self._copies.best(f.minhash)
        if hit is None or hit[1] < self.params.copy_threshold:
            return None
        other, resemblance = hit
        return self._as_copy(
            article_id,
            f,
            other,
            score=resemblance,
            threshold=self.params.copy_threshold,
            similarity={"resemblance": resemblance},
            note="near-duplicate of article {original}",
        )

    def _as_copy(
        self,
        article_id: int,
        f: ArticleFeatures,
        other: int,
        *,
        score: float,
        threshold: float,
        similarity: dict[str, float],
        note: str,
        relation: str | None = None,
    ) -> Decision | None:
        """Join the story of ``other`` as a copy of its original (``note`` names it as ``{original}``);
        None when ``other`` is no longer active."""
        story_id = self._story_of.get(other)
        if story_id is None:
            return None
        original = self._copy_root.get(other, other)
        story = self._stories[story_id]
        self._join(story, article_id, f, copy_of=original)
        explanation = Explanation(
            decision="copy",
            score=score,
            threshold=threshold,
            similarity=similarity,
            time_gap_hours=self._gap_hours(story, f.published),
            note=note.format(original=original),
        )
        return Decision(article_id, story_id, False, explanation, copy_of=original, relation=relation)

    # -- scoring -----------------------------------------------------------------------------
    def _idf_values(self, name: str, terms: dict[str, Any]) -> list[float]:
        """Snapshot IDF of each term, in order (new terms get ids)."""
        ids = self.df.term_ids(name, terms)
        values: list[float] = self.df.idf_array(name)[ids].tolist()
        return values

    def _query(self, f: ArticleFeatures, ids: dict[str, np.ndarray] | None = None) -> _Query:
        """The article weighted with the current IDF snapshot (``ids``: its term ids per field,
        looked up when not given)."""
        q = _Query()
        df = self.df
        for name in FIELDS:
            terms = getattr(f, name)
            term_ids = ids[name] if ids is not None else df.term_ids(name, terms)
            q.vec[name], q.vidf[name], total = kernel.weigh(terms, term_ids, df.idf_array(name))
            q.norm[name] = math.sqrt(total)
        body_ranked = _ranked(q.vec["body"])
        names_ranked = _ranked(q.vec["names"])
        for name, top in (("names", names_ranked[:3]), ("body", body_ranked[:10])):
            q.top[name] = ([t for t, _ in top], [w for _, w in top], sum(w for _, w in top))
        q.query_terms = {
            "title": list(q.vec["title"].items()),
            "body": body_ranked[: self.params.body_query_terms],
            "names": names_ranked[: self.params.names_query_terms],
        }
        q.years = set(year_tokens(f.names))
        q.published = f.published
        return q

    def _steps(self, q: _Query) -> list[tuple[Any, ...]]:
        """The steps of :func:`kernel.score_stories` for the article ``q``: the model's evidence,
        in the order :meth:`_evidence` lists it, each with its weight and the article's side."""
        steps: list[tuple[Any, ...]] = []
        for plan in self._plan:
            kind, name = plan[0], plan[1]
            if kind in (kernel.COSINE, kernel.AVERAGE):
                steps.append((*plan, q.norm[name], q.vidf[name]))
            elif kind == kernel.TOP:
                steps.append((*plan, *q.top[name]))
            elif kind == kernel.YEARS:
                steps.append((*plan, q.years))
            else:
                steps.append((*plan, q.published))
        return steps

    def _story_norm(self, story: _Story, name: str) -> float:
        cached = story.norms.get(name)
        snap_n = self.df.snap_n
        if cached is not None and cached[0] == story.version and cached[1] == snap_n:
            return cached[2]
        sums = story.sums[name]
        norm = kernel.story_norm(sums, story.idlist[name], self.df.idf_array(name)) if sums else 0.0
        story.norms[name] = (story.version, snap_n, norm)
        return norm

    def _candidates(self, q: _Query) -> list[int]:
        fw = self.model.field_weights
        fields = [
            (q.query_terms[name], self._index[name], fw.get(name, 1.0) / q.norm[name])
            for name in FIELDS
            if q.norm[name]
        ]
        return kernel.top_candidates(fields, self.params.max_postings, self.params.max_candidates)

    def _gap_hours(self, story: _Story, published: float | None) -> float | None:
        if published is None or story.first_pub is None or story.last_pub is None:
            return None
        if story.first_pub <= published <= story.last_pub:
            return 0.0
        edge = story.first_pub if published < story.first_pub else story.last_pub
        return abs(published - edge) / 3600.0

    def _field(self, story: _Story, q: _Query, name: str, average: bool) -> tuple[float, float]:
        """Cosine of the article's ``name`` view with the story's centroid and (``average``) its
        mean cosine with the story's articles; zeros when either side is empty."""
        norm = q.norm[name]
        snorm = self._story_norm(story, name)
        if not norm or not snorm:
            return 0.0, 0.0
        if average:  # one pass for both sums (usums has the keys of sums)
            dot, adot = kernel.dot2(q.vidf[name], story.sums[name], story.usums[name])
            return dot / (norm * snorm), adot / (norm * len(story.core))
        return kernel.dot(q.vidf[name], story.sums[name]) / (norm * snorm), 0.0

    def _evidence(self, story: _Story, q: _Query) -> tuple[dict[str, float], float | None]:
        """The evidence the decision model weighs (views it gives no weight are left out)."""
        ev: dict[str, float] = {}
        used = self._used
        for name in FIELDS:
            average = name + "_avg" in used
            if average:
                cosine, ev[name + "_avg"] = self._field(story, q, name, True)
                ev[name] = cosine
            elif name in used:
                ev[name] = self._field(story, q, name, False)[0]
        for name, key in (("names", "names_top"), ("body", "body_top")):
            if key in used:
                terms, weights, total = q.top[name]
                sums = story.sums[name]
                hit = 0.0  # a plain loop: sum() of floats rounds differently from Python 3.12
                for t, w in zip(terms, weights, strict=True):
                    if t in sums:
                        hit += w
                ev[key] = hit / total if total else 0.0
        overlap = bool(q.years & story.years.keys())
        ev["year_overlap"] = 1.0 if overlap else 0.0
        ev["year_conflict"] = 1.0 if q.years and story.years and not overlap else 0.0
        gap = self._gap_hours(story, q.published)
        ev["gap_log_days"] = math.log1p(max(0.0, gap / 24.0 - 1.0)) if gap is not None else 0.0
        return ev, gap

    def _similarity(self, story: _Story, q: _Query, ev: dict[str, float]) -> dict[str, float]:
        """Title, body and names similarity of the article to a story, for its explanation (from
        the scored evidence ``ev``, the views the model gives no weight computed now)."""
        return {k: ev[k] if k in ev else self._field(story, q, k, False)[0] for k in FIELDS}

    def _shared_terms(self, story: _Story, q: _Query) -> tuple[str, ...]:
        contrib: dict[str, float] = {}
        for name in ("names", "title", "body"):
            norm = q.norm[name]
            sums = story.sums[name]
            for t, w in q.query_terms[name]:
                if t in sums:
                    key = t[1:] if name == "names" and is_year_token(t) else t
                    contrib[key] = max(contrib.get(key, 0.0), w * sums[t] / max(norm, 1e-9))
        ranked = sorted(contrib.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(t for t, _ in ranked[:8])

    def _decide(
        self,
        article_id: int,
        f: ArticleFeatures,
        vector: np.ndarray | None = None,
        ids: dict[str, np.ndarray] | None = None,
    ) -> Decision:
        q = self._query(f, ids)
        best: tuple[float, int, dict[str, float], float | None] | None = None
        candidates = self._candidates(q)
        scored: list[tuple[float, int]] = []
        window = self.params.max_gap_days * 24.0
        stories = [self._stories[sid] for sid in candidates]
        # the score of every candidate in one call; the evidence itself only for the best
        scores = kernel.score_stories(stories, self._steps(q), self.df.snap_n, self._story_norm, self.model.bias)
        top: tuple[float, int] | None = None
        for sid, story, score in zip(candidates, stories, scores, strict=True):
            if window:
                gap = self._gap_hours(story, q.published)
                if gap is not None and gap > window:
                    continue
            scored.append((score, sid))
            if top is None or score > top[0] or (score == top[0] and sid < top[1]):
                top = (score, sid)
        if top is not None:
            best = (top[0], top[1], *self._evidence(self._stories[top[1]], q))
        if best is not None and best[0] >= self._threshold_score:
            score, sid, ev, gap = best
            story = self._stories[sid]
            explanation = Explanation(
                decision="joined",
                score=self.model.probability(score),
                threshold=self.params.join_threshold,
                similarity=self._similarity(story, q, ev),
                shared_terms=self._shared_terms(story, q),
                time_gap_hours=gap,
                candidates=len(candidates),
            )
            self._join(story, article_id, f, copy_of=None, norms=dict(q.norm))
            self._maybe_split(story)
            self._check_merge(article_id, scored)
            return Decision(article_id, sid, False, explanation)
        unread: int | None = None  # a story across languages whose translations read as another event
        if vector is not None and self._dense is not None:
            dp = self.dense_params
            hit = self._dense.best_story(vector, f.language, exclude=set(), floor=dp.named_floor)
            if hit is not None and not (hit[0] in self._stories and self._dense_compatible(self._stories[hit[0]], q)):
                hit = None
            common: list[str] = []
            if hit is not None:
                story_names = list(self._story_names(self._stories[hit[0]]))
                keys, story_keys, common = names_in_common(f.names, story_names)
                if not self._names_allow(hit[1], keys, len(common), story_keys > 0):
                    hit = None
                elif dp.names_refuse_unshared and not common:
                    # no name in common across scripts: is one shared in the same script?
                    named, story_named, shared = names_shared(f.names, story_names)
                    if named and story_named and not shared:
                        hit = None
            readable = None if hit is None else self._read_in_language(self._stories[hit[0]], f.language, q)
            if hit is not None and readable is False:
                unread = hit[0]
            if hit is not None and readable is not False:
                sid, cosine = hit
                story = self._stories[sid]
                note = "across languages: title and lead mean the same as the story's"
                if common:
                    note += f"; names in common: {', '.join(common[:8])}"
                if readable:
                    note += f"; its translation into {f.language} reads as the same event"
                explanation = Explanation(
                    decision="joined",
                    score=cosine,
                    threshold=dp.link_threshold if cosine >= dp.link_threshold else dp.named_floor,
                    similarity={"dense": cosine, "names_in_common": float(len(common))},
                    shared_terms=tuple(common[:8]),
                    time_gap_hours=self._gap_hours(story, f.published),
                    candidates=len(candidates),
                    note=note,
                )
                self._join(story, article_id, f, copy_of=None, norms=dict(q.norm))
                return Decision(article_id, sid, False, explanation)
        story = _Story(self._next_story)
        self._next_story += 1
        self._stories[story.id] = story
        note = "no candidate story"
        sim: dict[str, float] = {}
        prob = 0.0
        if best is not None:
            prob = self.model.probability(best[0])
            sim = self._similarity(self._stories[best[1]], q, best[2])
            note = f"closest story {best[1]} scored {prob:.2f}, below {self.params.join_threshold:.2f}"
        if unread is not None:
            note += f"; story {unread} means about the same across languages, but reads as another event here"
        self._join(story, article_id, f, copy_of=None, norms=dict(q.norm))
        explanation = Explanation(
            decision="new",
            score=prob,
            threshold=self.params.join_threshold,
            similarity=sim,
            candidates=len(candidates),
            note=note,
        )
        self._check_merge(article_id, scored)
        return Decision(article_id, story.id, True, explanation)

    def _read_in_language(self, story: _Story, language: str | None, q: _Query) -> bool | None:
        """When ``story`` holds translations into ``language`` (copies in that language: its
        reporting in it would have excluded the story), whether the article, read against them
        like against any story, reaches the join threshold; None when there are none.  Without
        this a report of *another* event of the same kind, in the language of the translation,
        joins on the meaning of its title and lead, and later reports of its event follow it."""
        if self._dense is None or not language:
            return None
        dense = self._dense
        copies = [a for a in story.members if a in self._copy_root and dense.language_of(a) == language]
        read = self._read_against(story.id, copies[:_READ_COPIES], q)
        return None if read is None else read[0] >= self._threshold_score

    def _read_against(self, story_id: int, article_ids: list[int], q: _Query) -> tuple[float, dict[str, float]] | None:
        """Decision score and evidence of an article (``q``) read against some indexed articles
        as if they were a story of their own; None when none of them has features."""
        if self._dense is None:
            return None
        pseudo = _Story(story_id)
        for aid in article_ids:
            g = self._dense.features_of(aid)
            if g is not None:
                pseudo.add_time(aid, g.published)
                pseudo.add_evidence(aid, g, False, self._query(g).norm, self.df.ids)
        if not pseudo.core:
            return None
        ev, _ = self._evidence(pseudo, q)
        return self.model.score(ev), ev

    def _story_names(self, story: _Story) -> Iterator[str]:
        """The name tokens of a story's reports, then of its translations (a Japanese report has
        almost no name tokens; its English translation has them)."""
        yield from story.sums["names"]
        if self._dense is not None:
            copies = [a for a in story.members if a in self._copy_root][:_READ_COPIES]
            for aid in copies:
                g = self._dense.features_of(aid)
                if g is not None:
                    yield from g.names

    def _names_allow(self, cosine: float, keys: int, common: int, story_named: bool) -> bool:
        """Do the names confirm a join across languages at this cosine?  Under ``link_threshold``
        only with ``named_min_common`` names in common; at any cosine not when the article names
        ``names_refuse_from`` or more distinct things and the story, which names some, none of
        them."""
        dp = self.dense_params
        if dp.names_refuse_from and keys >= dp.names_refuse_from and story_named and not common:
            return False
        return cosine >= dp.link_threshold or common >= dp.named_min_common

    def _dense_compatible(self, story: _Story, q: _Query) -> bool:
        """Can an article join ``story`` on the meaning of its title and lead alone?  Not when the
        years they mention disagree, nor when it was published further from the story than the
        time window: reports of *another* fire, crash or parade read alike across languages."""
        # a year the story is about: one that at least half of its reports mention (a year one
        # report recalls in passing says nothing about which parade the story is)
        held = any(2 * n >= len(story.core) for n in story.years.values())
        if q.years and held and not (q.years & story.years.keys()):
            return False
        gap = self._gap_hours(story, q.published)
        window = self.params.time_window_days
        return gap is None or not window or gap <= window * 24.0

    def _check_merge(self, article_id: int, scored: list[tuple[float, int]]) -> None:
        """Check the article's story against the best other candidate for a merge."""
        if not self.params.split_check:
            return
        floor = self.model.threshold_score(self.model.split.merge_min_probability)
        home = self._story_of[article_id]
        for score, sid in sorted(scored, key=lambda x: (-x[0], x[1])):
            if score < floor:
                return
            if sid != home and sid in self._stories:
                self._maybe_merge(self._stories[home], self._stories[sid])
                return

    # -- state changes -----------------------------------------------------------------------
    def _join(
        self,
        story: _Story,
        article_id: int,
        f: ArticleFeatures,
        *,
        copy_of: int | None,
        norms: dict[str, float] | None = None,
    ) -> None:
        story.add_time(article_id, f.published)
        self._story_of[article_id] = story.id
        if copy_of is not None:
            self._copy_root[article_id] = copy_of
            self._copies.add(article_id, f.minhash)
            return
        keep = len(story.core) < self.model.split.max_size
        if norms is None:
            norms = dict(self._query(f).norm)
        self._norms[article_id] = norms
        new_terms = story.add_evidence(article_id, f, keep, norms, self.df.ids)
        for name in FIELDS:
            kernel.index_add(self._index[name], new_terms[name], story.id)
        self._copies.add(article_id, f.minhash)

    def _unindex(self, story: _Story) -> None:
        for name in FIELDS:
            kernel.unindex(self._index[name], story.sums[name], story.id)

    def _retire(self, upto_id: int) -> None:
        p = self.params
        horizon = None
        if self._max_pub is not None and p.time_window_days:
            horizon = self._max_pub - 2 * p.time_window_days * _DAY
        gone = [
            s
            for s in self._stories.values()
            if upto_id - s.last_id > p.max_idle_articles
            or (
                horizon is not None
                and s.last_pub is not None
                and s.last_pub < horizon
                and upto_id - s.last_id > p.min_idle_articles
            )
        ]
        for story in sorted(gone, key=lambda s: s.id):
            self._unindex(story)
            if self._dense is not None:
                self._dense.drop_story(story.id, story.members)
            if self._signatures is not None:
                self._signatures.remove(story.members)
            for aid in story.members:
                self._story_of.pop(aid, None)
                self._copy_root.pop(aid, None)
                self._published.pop(aid, None)
                if aid in self._language_of:
                    self._languages[self._language_of.pop(aid)] -= 1
                self._norms.pop(aid, None)
                self._copies.remove(aid)
            del self._stories[story.id]
        if gone:
            log.debug("retired %d stories at article %d", len(gone), upto_id)

    # -- repair ------------------------------------------------------------------------------
    def _matrix(self, feats: list[ArticleFeatures]) -> np.ndarray:
        """Pairwise similarity of articles: field cosines combined with the field weights."""
        fw = self.model.field_weights
        total = np.zeros((len(feats), len(feats)))
        weight_sum = 0.0
        for name in FIELDS:
            w_field = fw.get(name, 0.0)
            if not w_field:
                continue
            views = [getattr(f, name) for f in feats]
            if not any(views):
                continue
            try:
                cosines = kernel.cosines(views, self.df.ids[name], self.df.idf_array(name))
            except KeyError:  # a term never counted (features of an article not placed): give it an id
                for view in views:
                    self.df.term_ids(name, view)
                cosines = kernel.cosines(views, self.df.ids[name], self.df.idf_array(name))
            total += w_field * cosines
            weight_sum += w_field
        total /= weight_sum or 1.0
        days = self.model.split.time_scale_days
        pub = np.array([np.nan if f.published is None else f.published / _DAY for f in feats])
        if days and np.isfinite(pub).sum() >= 2:
            gap = np.abs(pub[:, None] - pub[None, :])
            factor = 1.0 / (1.0 + np.maximum(gap - 3.0, 0.0) / days)
            total = np.where(np.isfinite(factor), total * factor, total)
        return total

    def _small(self, story: _Story) -> bool:
        return len(story.feats) == len(story.core) and len(story.core) <= self.model.split.max_size

    def _rebuild(self, story_id: int, members: list[int], feats: dict[int, ArticleFeatures], last_id: int) -> _Story:
        """Re-create a story from its members in ascending id order (the order restore() uses);
        ``last_id`` is when it last changed, which a repair never lowers."""
        story = _Story(story_id)
        story.last_id = last_id
        self._stories[story_id] = story
        for aid in sorted(members):
            if aid in self._copy_root:
                story.add_time(aid, self._published.get(aid))
                self._story_of[aid] = story_id
                continue
            self._join(story, aid, feats[aid], copy_of=None, norms=self._norms.get(aid))
        if self._dense is not None:
            self._dense.rebuild_story(story_id, story.members, {a for a in story.members if a in self._copy_root})
        return story

    def _maybe_split(self, story: _Story) -> None:
        rule = self.model.split
        n = len(story.core)
        if not self.params.split_check or n < 2 * rule.min_group or not self._small(story):
            return
        sim = self._matrix([story.feats[a] for a in story.core])
        if self.model.split.method == "ncut":
            part = ncut_split(sim, rule.min_group)
        else:
            part = two_way_split(sim, rule.min_group)
        if part is None or len(part.move) < rule.min_group or len(part.keep) < rule.min_group:
            return
        evidence = self._partition_evidence(story, part.keep, part.move, part)
        if not self._split_decision(evidence):
            return
        moved_set = {story.core[i] for i in part.move}
        moved = sorted(a for a in story.members if a in moved_set or self._copy_root.get(a) in moved_set)
        note = (
            f"split from story {story.id}: within-group similarity {part.within_keep:.2f} / "
            f"{part.within_move:.2f}, across {part.cross:.2f}"
        )
        explanation = Explanation(
            decision="moved",
            score=part.ratio,
            threshold=rule.max_ratio,
            similarity={"within": part.within_move, "across": part.cross},
            note=note,
        )
        self._split_off(story, moved, explanation)

    def _split_off(self, story: _Story, moved: list[int], explanation: Explanation) -> None:
        """Move ``moved`` (ascending article ids, copies with their originals) out of ``story``
        into a new story, record the split repair, and never merge the two back."""
        moved_set = set(moved)
        kept = [a for a in story.members if a not in moved_set]
        feats = dict(story.feats)
        self._unindex(story)
        self._rebuild(story.id, kept, feats, story.last_id)
        new_id = self._next_story
        self._next_story += 1
        self._rebuild(new_id, moved, feats, story.last_id)
        self._split_pairs.add(frozenset((story.id, new_id)))
        note = explanation.note or ""
        self._repairs.append(Repair("split", story.id, new_id, tuple(moved), explanation, note))

    def _group_sums(self, feats: list[ArticleFeatures], name: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for f in feats:
            for t, tf in getattr(f, name).items():
                out[t] = out.get(t, 0.0) + tf
        return out

    def _partition_evidence(
        self, story: _Story, keep: tuple[int, ...], move: tuple[int, ...], part: Partition
    ) -> dict[str, float]:
        """What tells a wrongly joined event from a story's natural variety: the separation of
        the two groups, how alike their centroids are, and whether their years and dates differ."""
        fa = [story.feats[story.core[i]] for i in keep]
        fb = [story.feats[story.core[i]] for i in move]
        ev: dict[str, float] = {
            "ratio": part.ratio,
            "cross": part.cross,
            "within_min": min(part.within_keep, part.within_move),
            "log_small": math.log(min(len(fa), len(fb))),
        }
        for name in FIELDS:
            va, vb = self._group_sums(fa, name), self._group_sums(fb, name)
            both = {**va, **vb}
            idf = dict(zip(both, self._idf_values(name, both), strict=True))
            dot = sum(w * vb[t] * idf[t] ** 2 for t, w in va.items() if t in vb)
            na = math.sqrt(sum((w * idf[t]) ** 2 for t, w in va.items()))
            nb = math.sqrt(sum((w * idf[t]) ** 2 for t, w in vb.items()))
            ev["group_" + name] = dot / (na * nb) if na and nb else 0.0
        ya = {t for f in fa for t in year_tokens(f.names)}
        yb = {t for f in fb for t in year_tokens(f.names)}
        ev["year_conflict"] = 1.0 if ya and yb and not (ya & yb) else 0.0
        pa = [f.published for f in fa if f.published is not None]
        pb = [f.published for f in fb if f.published is not None]
        gap = 0.0
        if pa and pb:
            gap = max(0.0, max(min(pa), min(pb)) - min(max(pa), max(pb))) / _DAY
        ev["gap_log_days"] = math.log1p(gap)
        return ev

    def _split_decision(self, evidence: dict[str, float]) -> bool:
        rule = self.model.split
        if rule.weights:
            score = rule.bias + sum(w * evidence.get(k, 0.0) for k, w in rule.weights.items())
            return score >= 0.0
        return evidence["ratio"] < rule.max_ratio

    def _maybe_merge(self, story: _Story, other: _Story) -> bool:
        """Merge ``other`` with ``story`` when their articles are as alike across as within."""
        rule = self.model.split
        if not self.params.split_check or frozenset((story.id, other.id)) in self._split_pairs:
            return False
        if not (self._small(story) and self._small(other)):
            return False
        if len(story.core) + len(other.core) > rule.max_size:
            return False
        if len(story.core) < 2 and len(other.core) < 2:
            return False  # neither has a within-story similarity to weigh the across one against
        window = self.params.time_window_days * _DAY
        if window and None not in (story.first_pub, story.last_pub, other.first_pub, other.last_pub):
            assert story.first_pub is not None and story.last_pub is not None
            assert other.first_pub is not None and other.last_pub is not None
            if max(story.first_pub, other.first_pub) - min(story.last_pub, other.last_pub) > window:
                return False
        ids = story.core + other.core
        feats = {**story.feats, **other.feats}
        sim = self._matrix([feats[a] for a in ids])
        a = list(range(len(story.core)))
        b = list(range(len(story.core), len(ids)))
        within = [mean_offdiag(sim, g) for g in (a, b) if len(g) >= 2]
        if not within:
            return False
        cross = float(np.ascontiguousarray(sim[: len(a), len(a) :]).mean())  # the np.ix_(a, b) block
        ratio = cross / min(within) if min(within) > 0 else 0.0
        if ratio < rule.merge_ratio:
            return False
        keeper, absorbed = (story, other) if story.id < other.id else (other, story)
        moved = sorted(absorbed.members)
        note = f"story {absorbed.id} merged into story {keeper.id}: across {cross:.2f}, within {min(within):.2f}"
        self._unindex(keeper)
        self._unindex(absorbed)
        del self._stories[absorbed.id]
        if self._dense is not None:
            self._dense.forget_story(absorbed.id)
        self._rebuild(keeper.id, keeper.members + absorbed.members, feats, max(keeper.last_id, absorbed.last_id))
        explanation = Explanation(
            decision="moved", score=ratio, threshold=rule.merge_ratio, similarity={"across": cross}, note=note
        )
        self._repairs.append(Repair("merge", absorbed.id, keeper.id, tuple(moved), explanation, note))
        return True
