"""Clustering quality measures used by ``rebuild`` and the benchmarks."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from math import comb
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
L = TypeVar("L", bound=Hashable)
M = TypeVar("M", bound=Hashable)

__all__ = ["bcubed", "pairwise"]


def _groups(labels: Mapping[K, L], items: list[K]) -> dict[L, set[K]]:
    out: dict[L, set[K]] = {}
    for i in items:
        out.setdefault(labels[i], set()).add(i)
    return out


def bcubed(pred: Mapping[K, L], gold: Mapping[K, M]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of ``pred`` against ``gold`` over their common items."""
    items = [i for i in pred if i in gold]
    if not items:
        return 1.0, 1.0, 1.0
    gp, gg = _groups(pred, items), _groups(gold, items)
    p = r = 0.0
    for i in items:
        a, b = gp[pred[i]], gg[gold[i]]
        inter = len(a & b)
        p += inter / len(a)
        r += inter / len(b)
    p /= len(items)
    r /= len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: Mapping[K, L], gold: Mapping[K, M]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: over all pairs of items put together."""
    items = [i for i in pred if i in gold]
    gp, gg = _groups(pred, items), _groups(gold, items)
    pred_pairs = sum(comb(len(g), 2) for g in gp.values())
    gold_pairs = sum(comb(len(g), 2) for g in gg.values())
    both = 0
    for g in gp.values():
        inner: dict[M, int] = {}
        for i in g:
            inner[gold[i]] = inner.get(gold[i], 0) + 1
        both += sum(comb(n, 2) for n in inner.values())
    p = both / pred_pairs if pred_pairs else 1.0
    r = both / gold_pairs if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
