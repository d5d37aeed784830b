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

__all__ = ["Partition", "two_way_split"]


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


def _mean_offdiag(sim: np.ndarray, idx: list[int]) -> float:
    if len(idx) < 2:
        return 1.0
    block = sim[np.ix_(idx, idx)]
    n = len(idx)
    return float((block.sum() - np.trace(block)) / (n * (n - 1)))


def two_way_split(sim: np.ndarray) -> Partition | None:
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
        within_keep=_mean_offdiag(sim, keep),
        within_move=_mean_offdiag(sim, move),
        cross=cross,
    )
