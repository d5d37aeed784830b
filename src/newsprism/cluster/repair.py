"""Story repair: find a distinct event that joined an existing story, so it can be split off.

The first article of a new event is sometimes close enough to an older story of the same kind (two
earthquakes, two contract offers) to join it; the articles that follow then join the mixed story
too.  Once both groups are present, they are easy to tell apart: pairwise similarity inside each
group is clearly higher than across.  :func:`two_way_split` finds the best two-group partition
(average linkage) and reports its separation ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Partition", "mean_offdiag", "two_way_split"]


@dataclass(frozen=True, slots=True)
class Partition:
    keep: tuple[int, ...]  # row indices of the group holding row 0 (the story's earliest article)
    move: tuple[int, ...]
    within_keep: float
    within_move: float
    cross: float

    @property
    def ratio(self) -> float:
        weaker = min(self.within_keep, self.within_move)
        return self.cross / weaker if weaker > 0 else float("inf")


def mean_offdiag(sim: np.ndarray, idx: list[int]) -> float:
    """Mean similarity of distinct pairs within ``idx`` (1.0 for fewer than two)."""
    if len(idx) < 2:
        return 1.0
    first = idx[0]
    if idx[-1] - first == len(idx) - 1 and idx == list(range(first, first + len(idx))):
        # consecutive rows: a slice, copied so its sum adds in the order of the np.ix_ block
        block = np.ascontiguousarray(sim[first : first + len(idx), first : first + len(idx)])
    else:
        block = sim[np.ix_(idx, idx)]
    n = len(idx)
    return float((block.sum() - np.trace(block)) / (n * (n - 1)))


def two_way_split(sim: np.ndarray, min_group: int = 1, max_outliers: int = 3) -> Partition | None:
    """Average-linkage bipartition that sets outliers aside.

    Average linkage's last merge often joins one odd article to everything else.  When a side is
    smaller than ``min_group``, its rows are set aside as outliers and the rest is split again
    (at most ``max_outliers`` times); outliers then join the side they are most similar to.
    """
    rows = list(range(sim.shape[0]))
    outliers: list[int] = []
    for _ in range(max_outliers + 1):
        if len(rows) < 2 * max(min_group, 1):
            return None
        part = _average_split(sim[np.ix_(rows, rows)])
        if part is None:
            return None
        keep = [rows[i] for i in part.keep]
        move = [rows[i] for i in part.move]
        small = [g for g in (keep, move) if len(g) < min_group]
        if not small:
            for o in outliers:
                if sim[o, keep].mean() >= sim[o, move].mean():
                    keep.append(o)
                else:
                    move.append(o)
            keep, move = sorted(keep), sorted(move)
            if 0 not in keep:
                keep, move = move, keep
            return Partition(
                keep=tuple(keep),
                move=tuple(move),
                within_keep=mean_offdiag(sim, keep),
                within_move=mean_offdiag(sim, move),
                cross=float(sim[np.ix_(keep, move)].mean()),
            )
        outliers.extend(small[0])
        rows = [r for r in rows if r not in set(small[0])]
        if 0 not in rows:
            return None
    return None


def _average_split(sim: np.ndarray) -> Partition | None:
    """Average-linkage agglomeration of a symmetric similarity matrix down to two groups."""
    n = sim.shape[0]
    if n < 2:
        return None
    groups: list[list[int]] = [[i] for i in range(n)]
    link = sim.astype(np.float64).copy()
    np.fill_diagonal(link, -np.inf)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    for _ in range(n - 2):
        masked = np.where(alive[:, None] & alive[None, :], link, -np.inf)
        flat = int(np.argmax(masked))  # first maximum: deterministic
        a, b = divmod(flat, n)
        if a > b:
            a, b = b, a
        # Lance-Williams update for average linkage: merge b into a
        merged = (sizes[a] * link[a] + sizes[b] * link[b]) / (sizes[a] + sizes[b])
        link[a, :] = merged
        link[:, a] = merged
        link[a, a] = -np.inf
        sizes[a] += sizes[b]
        alive[b] = False
        link[b, :] = -np.inf
        link[:, b] = -np.inf
        groups[a].extend(groups[b])
        groups[b] = []
    left = [g for g, ok in zip(groups, alive, strict=True) if ok]
    if len(left) != 2:
        return None
    keep, move = (left[0], left[1]) if 0 in left[0] else (left[1], left[0])
    keep, move = sorted(keep), sorted(move)
    cross = float(sim[np.ix_(keep, move)].mean())
    return Partition(
        keep=tuple(keep),
        move=tuple(move),
        within_keep=mean_offdiag(sim, keep),
        within_move=mean_offdiag(sim, move),
        cross=cross,
    )


def ncut_split(sim: np.ndarray, min_group: int = 1) -> Partition | None:
    """Normalised-cut bipartition (Shi & Malik): sweep the Fiedler vector for the cut with the
    lowest normalised cut whose sides both have at least ``min_group`` rows.  Unlike average
    linkage, a single outlier does not win the top-level split."""
    n = sim.shape[0]
    if n < max(2, 2 * min_group):
        return None
    w = np.clip(sim.astype(np.float64), 0.0, None)
    np.fill_diagonal(w, 0.0)
    deg = w.sum(axis=1)
    if np.any(deg <= 0):
        return None
    inv = 1.0 / np.sqrt(deg)
    lap = np.eye(n) - (inv[:, None] * w * inv[None, :])
    _, vecs = np.linalg.eigh(lap)
    fiedler = vecs[:, 1] * inv
    order = sorted(range(n), key=lambda i: (fiedler[i], i))
    total = deg.sum()
    best: tuple[float, int] | None = None
    for cut in range(min_group, n - min_group + 1):
        left = order[:cut]
        right = order[cut:]
        links = w[np.ix_(left, right)].sum()
        vol_l = deg[left].sum()
        value = links / vol_l + links / (total - vol_l)
        if best is None or value < best[0] - 1e-12:
            best = (value, cut)
    if best is None:
        return None
    left, right = sorted(order[: best[1]]), sorted(order[best[1] :])
    keep, move = (left, right) if 0 in left else (right, left)
    return Partition(
        keep=tuple(keep),
        move=tuple(move),
        within_keep=mean_offdiag(sim, keep),
        within_move=mean_offdiag(sim, move),
        cross=float(sim[np.ix_(keep, move)].mean()),
    )
