"""TF-IDF rows of a small set of texts, weighted within the set itself.

Used where a handful of texts are compared among themselves (the statements of a story, its summary
candidates, its headlines): sublinear term frequency (``1 + log(count)``; weights below 1 are kept
as given), smoothed IDF over the set, rows L2-normalised (an empty row stays zero).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

__all__ = ["tfidf_rows"]


def tfidf_rows(bags: Sequence[Mapping[str, float]], *, idf_power: int = 1) -> np.ndarray:
    """One L2-normalised row per bag of term counts; ``idf_power`` 2 weights rare terms more."""
    vocab: dict[str, int] = {}
    for bag in bags:
        for t in bag:
            vocab.setdefault(t, len(vocab))
    mat = np.zeros((len(bags), max(1, len(vocab))))
    for i, bag in enumerate(bags):
        for t, c in bag.items():
            mat[i, vocab[t]] = 1.0 + math.log(c) if c >= 1 else c
    df = (mat > 0).sum(axis=0)
    idf = np.log((len(bags) + 1) / (df + 1)) + 1.0
    mat *= idf if idf_power == 1 else idf**idf_power
    norms = np.linalg.norm(mat, axis=1)
    norms[norms == 0] = 1.0
    mat /= norms[:, None]
    return mat
