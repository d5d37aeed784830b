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
   the id).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from ..model import Explanation
from ..represent.base import ArticleFeatures
from .base import Decision, Member, Split
from .copies import CopyIndex
from .decision import DecisionModel, default_model
from .idf import FIELDS, DocFreq
from .repair import two_way_split

__all__ = ["ONLINE_V1", "ClusterParams", "OnlineClusterer"]

log = logging.getLogger(__name__)

ONLINE_V1 = "newsprism.OnlineClusterer.v1"
_DAY = 86400.0
_RETIRE_EVERY = 256


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterParams:
    join_threshold: float = 0.5
    copy_threshold: float = 0.6
    time_window_days: float = 7.0
    max_idle_articles: int = 20_000
    split_check: bool = True
    max_candidates: int = 24
    body_query_terms: int = 20
    max_postings: int = 5_000


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
    norms: dict[str, tuple[int, int, float]] = field(default_factory=dict)  # field -> (version, snap, norm)

    def add_evidence(
        self, article_id: int, f: ArticleFeatures, keep_features: bool, norms: dict[str, float]
    ) -> None:
        self.core.append(article_id)
        if keep_features:
            self.feats[article_id] = f
        for name in FIELDS:
            sums = self.sums[name]
            usums = self.usums[name]
            inv = 1.0 / norms[name] if norms.get(name) else 0.0
            for term, tf in getattr(f, name).items():
                sums[term] = sums.get(term, 0.0) + tf
                usums[term] = usums.get(term, 0.0) + tf * inv
        self.years.update(t for t in f.names if t.startswith("y") and t[1:].isdigit())
        self.version += 1

    def add_time(self, article_id: int, published: float | None) -> None:
        self.members.append(article_id)
        self.last_id = max(self.last_id, article_id)
        if published is not None:
            self.first_pub = published if self.first_pub is None else min(self.first_pub, published)
            self.last_pub = published if self.last_pub is None else max(self.last_pub, published)


class OnlineClusterer:
    """The default :class:`~newsprism.cluster.base.Clusterer`."""

    name = ONLINE_V1

    def __init__(self, params: ClusterParams | None = None, model: DecisionModel | None = None) -> None:
        self.params = params or ClusterParams()
        self.model = model or default_model()
        self.name = f"{ONLINE_V1}+{self.model.name}"
        self.df = DocFreq()
        self._stories: dict[int, _Story] = {}  # active stories
        self._story_of: dict[int, int] = {}  # article id -> story id (active stories)
        self._copy_root: dict[int, int] = {}  # copy article id -> original article id
        self._published: dict[int, float | None] = {}
        self._norms: dict[int, dict[str, float]] = {}  # article id -> its vector norms when it joined
        self._index: dict[str, dict[str, set[int]]] = {f: {} for f in FIELDS}
        self._copies = CopyIndex()
        self._splits: list[Split] = []
        self._next_story = 1
        self._max_pub: float | None = None
        self._threshold_score = self.model.threshold_score(self.params.join_threshold)

    # -- public ------------------------------------------------------------------------------
    @property
    def active_stories(self) -> int:
        return len(self._stories)

    def assign(self, article_id: int, features: ArticleFeatures) -> Decision:
        if features.published is not None:
            self._max_pub = (
                features.published if self._max_pub is None else max(self._max_pub, features.published)
            )
        self._published[article_id] = features.published
        decision = self._copy_decision(article_id, features)
        if decision is None:
            self.df.add(features)
            decision = self._decide(article_id, features)
        if article_id % _RETIRE_EVERY == 0:
            self._retire(article_id)
        return decision

    def candidate_evidence(self, features: ArticleFeatures) -> list[tuple[int, dict[str, float]]]:
        """Evidence for every candidate story, without changing state (tuning and explanations).
        Call :meth:`force` next with the same article, after :meth:`observe`."""
        vecs = self._weighted(features)
        return [
            (sid, self._evidence(self._stories[sid], vecs, features)[0]) for sid in self._candidates(vecs)
        ]

    def observe(self, article_id: int, features: ArticleFeatures) -> None:
        """Count an article in the document frequencies (teacher-forced runs)."""
        self._published[article_id] = features.published
        self.df.add(features)

    def force(self, article_id: int, features: ArticleFeatures, story_id: int | None) -> int:
        """Put an article where a teacher says (``None``: a new story); returns the story id."""
        if story_id is None:
            story = _Story(self._next_story)
            self._next_story += 1
            self._stories[story.id] = story
        else:
            story = self._stories[story_id]
        self._join(story, article_id, features, copy_of=None)
        return story.id

    def members_of(self, story_id: int) -> list[int]:
        return list(self._stories[story_id].members)

    def take_splits(self) -> list[Split]:
        out, self._splits = self._splits, []
        return out

    def restore(
        self,
        members: Iterable[Member],
        *,
        next_story_id: int,
        seen: int,
        max_published_at_checkpoint: float | None = None,
        max_published: float | None = None,
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
            self._join(story, m.article_id, m.features, copy_of=m.copy_of, norms=m.norms)
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

    def state_of(self, article_id: int) -> dict[str, object]:
        norms = self._norms.get(article_id)
        return {"norms": dict(norms)} if norms else {}

    # -- copies ------------------------------------------------------------------------------
    def _copy_decision(self, article_id: int, f: ArticleFeatures) -> Decision | None:
        hit = self._copies.best(f.minhash)
        if hit is None or hit[1] < self.params.copy_threshold:
            return None
        other, resemblance = hit
        story_id = self._story_of.get(other)
        if story_id is None:
            return None
        original = self._copy_root.get(other, other)
        story = self._stories[story_id]
        self._join(story, article_id, f, copy_of=original)
        explanation = Explanation(
            decision="copy",
            score=resemblance,
            threshold=self.params.copy_threshold,
            similarity={"resemblance": resemblance},
            time_gap_hours=self._gap_hours(story, f.published),
            note=f"near-duplicate of article {original}",
        )
        return Decision(article_id, story_id, False, explanation, copy_of=original)

    # -- scoring -----------------------------------------------------------------------------
    def _weighted(self, f: ArticleFeatures) -> dict[str, tuple[dict[str, float], float]]:
        out: dict[str, tuple[dict[str, float], float]] = {}
        for name in FIELDS:
            snap, log_n1 = self.df.idf_map(name)
            vec = {
                t: tf * (log_n1 - math.log(snap.get(t, 0) + 1) + 1.0) for t, tf in getattr(f, name).items()
            }
            norm = math.sqrt(sum(v * v for v in vec.values()))
            out[name] = (vec, norm)
        return out

    def _story_norm(self, story: _Story, name: str) -> float:
        cached = story.norms.get(name)
        snap_n = self.df.snap_n
        if cached is not None and cached[0] == story.version and cached[1] == snap_n:
            return cached[2]
        snap, log_n1 = self.df.idf_map(name)
        total = 0.0
        for t, s in story.sums[name].items():
            w = s * (log_n1 - math.log(snap.get(t, 0) + 1) + 1.0)
            total += w * w
        norm = math.sqrt(total)
        story.norms[name] = (story.version, snap_n, norm)
        return norm

    def _candidates(self, vecs: dict[str, tuple[dict[str, float], float]]) -> list[int]:
        acc: dict[int, float] = {}
        fw = self.model.field_weights
        limit = self.params.max_postings
        for name in FIELDS:
            vec, norm = vecs[name]
            if not norm:
                continue
            items = vec.items()
            if name == "body" and len(vec) > self.params.body_query_terms:
                items = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: self.params.body_query_terms]
            index = self._index[name]
            weight = fw.get(name, 1.0) / norm
            for term, w in items:
                posting = index.get(term)
                if not posting or len(posting) > limit:
                    continue
                for sid in posting:
                    acc[sid] = acc.get(sid, 0.0) + w * weight
        ranked = sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))
        return [sid for sid, _ in ranked[: self.params.max_candidates]]

    def _gap_hours(self, story: _Story, published: float | None) -> float | None:
        if published is None or story.first_pub is None or story.last_pub is None:
            return None
        if story.first_pub <= published <= story.last_pub:
            return 0.0
        edge = story.first_pub if published < story.first_pub else story.last_pub
        return abs(published - edge) / 3600.0

    def _evidence(
        self, story: _Story, vecs: dict[str, tuple[dict[str, float], float]], f: ArticleFeatures
    ) -> tuple[dict[str, float], float | None]:
        ev: dict[str, float] = {}
        for name in FIELDS:
            vec, norm = vecs[name]
            snorm = self._story_norm(story, name)
            if not norm or not snorm:
                ev[name] = 0.0
                ev[name + "_avg"] = 0.0
                continue
            snap, log_n1 = self.df.idf_map(name)
            sums = story.sums[name]
            dot = 0.0
            for t, w in vec.items():
                s = sums.get(t)
                if s is not None:
                    dot += w * s * (log_n1 - math.log(snap.get(t, 0) + 1) + 1.0)
            ev[name] = dot / (norm * snorm)
            usums = story.usums[name]
            adot = 0.0
            for t, w in vec.items():
                u = usums.get(t)
                if u is not None:
                    adot += w * u * (log_n1 - math.log(snap.get(t, 0) + 1) + 1.0)
            ev[name + "_avg"] = adot / (norm * len(story.core))
        for name, key, k in (("names", "names_top", 3), ("body", "body_top", 10)):
            vec = vecs[name][0]
            top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
            total = sum(w for _, w in top)
            sums = story.sums[name]
            ev[key] = sum(w for t, w in top if t in sums) / total if total else 0.0
        years = {t for t in f.names if t.startswith("y") and t[1:].isdigit()}
        overlap = bool(years & story.years.keys())
        ev["year_overlap"] = 1.0 if overlap else 0.0
        ev["year_conflict"] = 1.0 if years and story.years and not overlap else 0.0
        gap = self._gap_hours(story, f.published)
        ev["gap_log_days"] = math.log1p(max(0.0, gap / 24.0 - 1.0)) if gap is not None else 0.0
        return ev, gap

    def _shared_terms(
        self, story: _Story, vecs: dict[str, tuple[dict[str, float], float]]
    ) -> tuple[str, ...]:
        contrib: dict[str, float] = {}
        for name in ("names", "title", "body"):
            vec, norm = vecs[name]
            sums = story.sums[name]
            for t, w in vec.items():
                if t in sums:
                    key = t[1:] if name == "names" and t.startswith("y") and t[1:].isdigit() else t
                    contrib[key] = max(contrib.get(key, 0.0), w * sums[t] / max(norm, 1e-9))
        ranked = sorted(contrib.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(t for t, _ in ranked[:8])

    def _decide(self, article_id: int, f: ArticleFeatures) -> Decision:
        vecs = self._weighted(f)
        window = self.params.time_window_days * 24.0
        best: tuple[float, int, dict[str, float], float | None] | None = None
        candidates = self._candidates(vecs)
        for sid in candidates:
            story = self._stories[sid]
            ev, gap = self._evidence(story, vecs, f)
            if gap is not None and window and gap > window:
                continue
            score = self.model.score(ev)
            if best is None or score > best[0] or (score == best[0] and sid < best[1]):
                best = (score, sid, ev, gap)
        if best is not None and best[0] >= self._threshold_score:
            score, sid, ev, gap = best
            story = self._stories[sid]
            explanation = Explanation(
                decision="joined",
                score=self.model.probability(score),
                threshold=self.params.join_threshold,
                similarity={k: ev[k] for k in FIELDS},
                shared_terms=self._shared_terms(story, vecs),
                time_gap_hours=gap,
                candidates=len(candidates),
            )
            self._join(story, article_id, f, copy_of=None)
            self._maybe_split(story)
            return Decision(article_id, sid, False, explanation)
        story = _Story(self._next_story)
        self._next_story += 1
        self._stories[story.id] = story
        note = "no candidate story"
        sim: dict[str, float] = {}
        prob = 0.0
        if best is not None:
            prob = self.model.probability(best[0])
            sim = {k: best[2][k] for k in FIELDS}
            note = f"closest story {best[1]} scored {prob:.2f}, below {self.params.join_threshold:.2f}"
        self._join(story, article_id, f, copy_of=None)
        explanation = Explanation(
            decision="new",
            score=prob,
            threshold=self.params.join_threshold,
            similarity=sim,
            candidates=len(candidates),
            note=note,
        )
        return Decision(article_id, story.id, True, explanation)

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
        new_terms = {name: [t for t in getattr(f, name) if t not in story.sums[name]] for name in FIELDS}
        if norms is None:
            norms = {name: n for name, (_, n) in self._weighted(f).items()}
        self._norms[article_id] = norms
        story.add_evidence(article_id, f, keep, norms)
        for name in FIELDS:
            index = self._index[name]
            for t in new_terms[name]:
                index.setdefault(t, set()).add(story.id)
        self._copies.add(article_id, f.minhash)

    def _unindex(self, story: _Story) -> None:
        for name in FIELDS:
            index = self._index[name]
            for t in story.sums[name]:
                posting = index.get(t)
                if posting is not None:
                    posting.discard(story.id)
                    if not posting:
                        del index[t]

    def _retire(self, upto_id: int) -> None:
        p = self.params
        horizon = None
        if self._max_pub is not None and p.time_window_days:
            horizon = self._max_pub - 2 * p.time_window_days * _DAY
        gone = [
            s
            for s in self._stories.values()
            if upto_id - s.last_id > p.max_idle_articles
            or (horizon is not None and s.last_pub is not None and s.last_pub < horizon)
        ]
        for story in sorted(gone, key=lambda s: s.id):
            self._unindex(story)
            for aid in story.members:
                self._story_of.pop(aid, None)
                self._copy_root.pop(aid, None)
                self._published.pop(aid, None)
                self._norms.pop(aid, None)
                self._copies.remove(aid)
            del self._stories[story.id]
        if gone:
            log.debug("retired %d stories at article %d", len(gone), upto_id)

    # -- repair ------------------------------------------------------------------------------
    def _member_matrix(self, story: _Story) -> np.ndarray:
        ids = story.core
        fw = self.model.field_weights
        total = np.zeros((len(ids), len(ids)))
        weight_sum = 0.0
        for name in FIELDS:
            w_field = fw.get(name, 0.0)
            if not w_field:
                continue
            snap, log_n1 = self.df.idf_map(name)
            vocab: dict[str, int] = {}
            rows: list[int] = []
            cols: list[int] = []
            vals: list[float] = []
            for r, aid in enumerate(ids):
                for t, tf in getattr(story.feats[aid], name).items():
                    c = vocab.setdefault(t, len(vocab))
                    rows.append(r)
                    cols.append(c)
                    vals.append(tf * (log_n1 - math.log(snap.get(t, 0) + 1) + 1.0))
            if not vocab:
                continue
            mat = np.zeros((len(ids), len(vocab)))
            mat[rows, cols] = vals
            norms = np.linalg.norm(mat, axis=1)
            norms[norms == 0] = 1.0
            mat /= norms[:, None]
            total += w_field * (mat @ mat.T)
            weight_sum += w_field
        return total / (weight_sum or 1.0)

    def _maybe_split(self, story: _Story) -> None:
        rule = self.model.split
        n = len(story.core)
        if not self.params.split_check or n < 2 * rule.min_group or n > rule.max_size:
            return
        if len(story.feats) != n:
            return
        part = two_way_split(self._member_matrix(story))
        if part is None or len(part.move) < rule.min_group or len(part.keep) < rule.min_group:
            return
        if part.ratio >= rule.max_ratio:
            return
        moved_core = [story.core[i] for i in part.move]
        moved_set = set(moved_core)
        # copies follow their original
        moved_all = sorted(
            aid for aid in story.members if aid in moved_set or self._copy_root.get(aid) in moved_set
        )
        keep_all = [aid for aid in story.members if aid not in set(moved_all)]
        note = (
            f"split from story {story.id}: within-group similarity {part.within_keep:.2f} / "
            f"{part.within_move:.2f}, across {part.cross:.2f}"
        )
        new = _Story(self._next_story)
        self._next_story += 1
        self._stories[new.id] = new
        old_feats = dict(story.feats)
        self._unindex(story)
        rebuilt = _Story(story.id)
        self._stories[story.id] = rebuilt
        for target, ids in ((rebuilt, keep_all), (new, moved_all)):
            for aid in ids:
                copy_of = self._copy_root.get(aid)
                feats = old_feats.get(aid)
                if copy_of is None and feats is None:  # pragma: no cover - feats kept for small stories
                    raise RuntimeError("split without member features")
                if copy_of is not None:
                    target.add_time(aid, self._published.get(aid))
                    self._story_of[aid] = target.id
                    continue
                assert feats is not None
                self._join(target, aid, feats, copy_of=None, norms=self._norms.get(aid))
        explanation = Explanation(
            decision="moved",
            score=part.ratio,
            threshold=rule.max_ratio,
            similarity={"within": part.within_move, "across": part.cross},
            note=note,
        )
        self._splits.append(
            Split(
                from_story=story.id,
                to_story=new.id,
                articles=tuple(moved_all),
                explanations=tuple(explanation for _ in moved_all),
                note=note,
            )
        )
