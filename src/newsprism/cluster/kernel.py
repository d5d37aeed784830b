"""The clusterer's inner loops: compiled (:mod:`newsprism.speedups`) when the extension was built,
else these Python twins.

Both implementations do the same floating-point operations in the same order, so the clusterer's
decisions are bit-identical with and without the compiler (``tests/unit/test_kernel.py`` checks
it).
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Callable
from typing import Any

import numpy as np

from ..speedups import native

__all__ = [
    "COMPILED",
    "accumulate",
    "cosines",
    "dot",
    "dot2",
    "index_add",
    "py_accumulate",
    "py_cosines",
    "py_dot",
    "py_dot2",
    "py_index_add",
    "py_score_stories",
    "py_story_norm",
    "py_term_ids",
    "py_top_candidates",
    "py_unindex",
    "py_weigh",
    "score_stories",
    "story_norm",
    "term_ids",
    "top_candidates",
    "unindex",
    "weigh",
]


def py_dot(q: dict[str, float], sums: dict[str, float]) -> float:
    """Sum of ``w * sums[t]`` over the items ``(t, w)`` of ``q`` whose ``t`` is in ``sums``."""
    dot = 0.0
    get = sums.get
    for t, w in q.items():
        s = get(t)
        if s is not None:
            dot += w * s
    return dot


def py_dot2(q: dict[str, float], sums: dict[str, float], usums: dict[str, float]) -> tuple[float, float]:
    """:func:`py_dot` with ``sums`` and with ``usums`` (which has every key of ``sums``), one pass."""
    dot = adot = 0.0
    get = sums.get
    for t, w in q.items():
        s = get(t)
        if s is not None:
            dot += w * s
            adot += w * usums[t]
    return dot, adot


def py_weigh(
    terms: dict[str, float], ids: np.ndarray, idf: np.ndarray
) -> tuple[dict[str, float], dict[str, float], float]:
    """TF-IDF weights of a term map (``tf * idf``; ``ids``: the terms' ids, in order), the same times
    IDF once more, and their squared norm."""
    if len(ids) != len(terms):
        raise ValueError("weigh: one id per term is required")
    idfs: list[float] = idf[ids].tolist()
    vec: dict[str, float] = {}
    vidf: dict[str, float] = {}
    total = 0.0
    for (t, tf), i in zip(terms.items(), idfs, strict=True):
        w = tf * i
        vec[t] = w
        vidf[t] = w * i
        total += w * w
    return vec, vidf, total


def py_term_ids(terms: dict[str, Any], ids: dict[str, int], names: list[str]) -> np.ndarray:
    """The ids of a term map's terms, in order; a term without one gets the next id
    (``ids[t] = len(names)``, ``names.append(t)``)."""
    if len(ids) != len(names):
        raise ValueError("term_ids: one name per id is required")
    out = []
    for t in terms:
        i = ids.get(t)
        if i is None:
            i = ids[t] = len(names)
            names.append(t)
        out.append(i)
    return np.array(out, dtype=np.int64)


def py_accumulate(
    sums: dict[str, float], usums: dict[str, float], terms: dict[str, float], inv: float, ids: dict[str, int]
) -> tuple[list[str], list[int]]:
    """Add a term map to a story's sums (and its ``inv``-scaled sums); the terms new to the story
    and their ids, in order."""
    new_terms: list[str] = []
    new_ids: list[int] = []
    for term, tf in terms.items():
        old = sums.get(term)
        if old is None:
            sums[term] = tf
            new_ids.append(ids[term])
            new_terms.append(term)
        else:
            sums[term] = old + tf
        usums[term] = usums.get(term, 0.0) + tf * inv
    return new_terms, new_ids


def py_top_candidates(
    fields: list[tuple[list[tuple[str, float]], dict[str, set[int]], float]], limit: int, k: int
) -> list[int]:
    """The ``k`` stories with the highest scores, by (-score, id): for each ``(items, index,
    weight)`` of ``fields`` and each ``(term, w)`` of its items whose posting in ``index`` has 1 to
    ``limit`` stories, every story of the posting scores ``w * weight`` more."""
    acc: dict[int, float] = {}
    for items, index, weight in fields:
        for term, w in items:
            posting = index.get(term)
            if not posting or len(posting) > limit:
                continue
            add = w * weight
            for sid in posting:
                acc[sid] = acc.get(sid, 0.0) + add
    ranked = heapq.nsmallest(k, acc.items(), key=lambda kv: (-kv[1], kv[0]))
    return [sid for sid, _ in ranked]


def py_cosines(views: list[dict[str, float]], ids: dict[str, int], idf: np.ndarray) -> np.ndarray:
    """The cosine of every pair of term maps ``views``, weighted ``tf * idf[ids[term]]``.  Terms
    are numbered by first appearance in the views (the result does not depend on the global ids);
    each view's weights are sorted by that number and divided by their norm (summed in that order;
    a zero norm counts as 1), and each dot product is summed over the common terms in that order."""
    vocab: dict[str, int] = {}
    cols = [[vocab.setdefault(t, len(vocab)) for t in view] for view in views]
    idf_of = idf[np.array([ids[t] for t in vocab], dtype=np.int64)].tolist() if vocab else []
    rows: list[list[tuple[int, float]]] = []
    for view, view_cols in zip(views, cols, strict=True):
        row = sorted(
            zip(view_cols, [x * idf_of[c] for x, c in zip(view.values(), view_cols, strict=True)], strict=True)
        )
        total = 0.0
        for _, w in row:
            total += w * w
        norm = math.sqrt(total) or 1.0
        rows.append([(c, w / norm) for c, w in row])
    n = len(rows)
    out = np.zeros((n, n))
    lookups = [dict(row) for row in rows]
    for i in range(n):
        for j in range(i, n):
            other = lookups[j]
            dot = 0.0
            for term, w in rows[i]:  # ascending numbers: the order of the compiled merge
                if term in other:
                    dot += w * other[term]
            out[i, j] = out[j, i] = dot
    return out


def py_index_add(index: dict[str, set[int]], terms: list[str], story: int) -> None:
    for t in terms:
        index.setdefault(t, set()).add(story)


def py_unindex(index: dict[str, set[int]], terms: dict[str, float], story: int) -> None:
    """Remove ``story`` from the postings of the keys of ``terms`` (deleting emptied postings)."""
    for t in terms:
        posting = index.get(t)
        if posting is not None:
            posting.discard(story)
            if not posting:
                del index[t]


def py_story_norm(sums: dict[str, float], idlist: array[int], idf: np.ndarray) -> float:
    """The norm of a story's sums times the IDF of their terms (``idlist``: the term ids in sums
    order), summed in that order."""
    if len(idlist) != len(sums):
        raise ValueError("norm: one id per term is required")
    values = idf[np.frombuffer(idlist, dtype=np.int64)].tolist()
    total = 0.0
    for v, w in zip(sums.values(), values, strict=True):
        x = v * w
        total += x * x
    return math.sqrt(total)


# The steps of a decision score, in the order the evidence is listed (see OnlineClusterer._plan):
COSINE = 0  # (COSINE, field, weight, query norm, query tf*idf^2): cosine with the story's sums
AVERAGE = 1  # (AVERAGE, field, avg weight, cosine weight, query norm, query tf*idf^2): mean, then cosine
TOP = 2  # (TOP, field, weight, terms, weights, total): share of the top terms' weight the story has
YEARS = 3  # (YEARS, overlap weight, conflict weight, query years): years in common / only different ones
GAP = 4  # (GAP, weight, published): log1p of the days beyond one between the article and the story


def py_score_stories(
    stories: list[Any], steps: list[tuple[Any, ...]], snap: int, norm_of: Callable[[Any, str], float], bias: float
) -> list[float]:
    """The decision score of an article (``steps``) against each story: ``bias`` plus the sum, in
    the order of the steps, of each evidence value times its weight.  A story's norm for a field is
    read from its cache ``story.norms[field] = (story.version, snap, norm)`` when current, else from
    ``norm_of(story, field)`` (which refreshes the cache)."""
    out: list[float] = []
    for story in stories:
        total = 0.0
        for step in steps:
            kind = step[0]
            if kind in (COSINE, AVERAGE):
                name = step[1]
                cached = story.norms.get(name)
                if cached is not None and cached[0] == story.version and cached[1] == snap:
                    snorm = cached[2]
                else:
                    snorm = norm_of(story, name)
                qnorm = step[-2]
                if kind == COSINE:
                    cosine = 0.0
                    if qnorm and snorm:
                        cosine = py_dot(step[-1], story.sums[name]) / (qnorm * snorm)
                    total += step[2] * cosine
                else:
                    cosine = mean = 0.0
                    if qnorm and snorm:
                        dot, adot = py_dot2(step[-1], story.sums[name], story.usums[name])
                        cosine, mean = dot / (qnorm * snorm), adot / (qnorm * len(story.core))
                    total += step[2] * mean
                    total += step[3] * cosine
            elif kind == TOP:
                sums = story.sums[step[1]]
                hit = 0.0
                for t, w in zip(step[3], step[4], strict=True):
                    if t in sums:
                        hit += w
                total += step[2] * (hit / step[5] if step[5] else 0.0)
            elif kind == YEARS:
                years = step[3]
                overlap = any(y in story.years for y in years)
                total += step[1] * (1.0 if overlap else 0.0)
                total += step[2] * (1.0 if years and story.years and not overlap else 0.0)
            elif kind == GAP:
                published, first, last = step[2], story.first_pub, story.last_pub
                days = 0.0
                if published is not None and first is not None and last is not None:
                    if first <= published <= last:
                        gap = 0.0
                    else:
                        gap = abs(published - (first if published < first else last)) / 3600.0
                    days = math.log1p(max(0.0, gap / 24.0 - 1.0))
                total += step[1] * days
            else:
                raise ValueError(f"score_stories: unknown step {kind!r}")
        out.append(bias + total)
    return out


_K = native()
COMPILED = _K is not None

dot = py_dot
dot2 = py_dot2
weigh = py_weigh
term_ids = py_term_ids
accumulate = py_accumulate
top_candidates = py_top_candidates
index_add = py_index_add
unindex = py_unindex
story_norm = py_story_norm
cosines = py_cosines
score_stories = py_score_stories

if _K is not None:
    _term_ids = _K.term_ids
    _cosines = _K.cosines

    def _compiled_term_ids(terms: dict[str, Any], ids: dict[str, int], names: list[str]) -> np.ndarray:
        """:func:`py_term_ids`, compiled."""
        return np.frombuffer(_term_ids(terms, ids, names), dtype=np.int64)

    def _compiled_cosines(views: list[dict[str, float]], ids: dict[str, int], idf: np.ndarray) -> np.ndarray:
        """:func:`py_cosines`, compiled."""
        n = len(views)
        return np.frombuffer(_cosines(views, ids, idf), dtype=np.float64).reshape(n, n)

    dot = _K.dot
    dot2 = _K.dot2
    weigh = _K.weigh
    term_ids = _compiled_term_ids
    accumulate = _K.accumulate
    top_candidates = _K.top_candidates
    index_add = _K.index_add
    unindex = _K.unindex
    story_norm = _K.norm
    cosines = _compiled_cosines
    score_stories = _K.score_stories
