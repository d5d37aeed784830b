"""Near-duplicate detection: MinHash signatures in an LSH index.

Two articles are copies when the estimated resemblance (Jaccard of word 5-gram sets) of their texts
reaches the copy threshold: the same wire story re-published, light edits, a changed headline.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Hashable
from operator import eq

from ..speedups import native

__all__ = ["CopyIndex", "band_keys", "py_band_keys"]

_ROWS = 4  # 16 bands of 4 rows: P(candidate) is 0.89 at J=0.6, 0.99 at J=0.75, 0.02 at J=0.2


def py_band_keys(sig: tuple[int, ...], rows: int) -> list[bytes]:
    """The LSH key of each band of ``rows`` values: the band number and its values as
    little-endian 32-bit words (``ValueError`` for values outside 0 .. 2**32 - 1)."""
    try:
        return [struct.pack(f"<{rows + 1}I", b, *sig[b * rows : (b + 1) * rows]) for b in range(len(sig) // rows)]
    except struct.error as exc:
        raise ValueError(f"band_keys: values must be 32-bit unsigned integers ({exc})") from None


_NATIVE = native()
band_keys: Callable[[tuple[int, ...], int], list[bytes]] = py_band_keys if _NATIVE is None else _NATIVE.band_keys


class CopyIndex:
    def __init__(self) -> None:
        self._bands: dict[Hashable, list[int]] = {}
        self._sigs: dict[int, tuple[int, ...]] = {}  # the features' own tuples: nothing copied
        self._last: tuple[tuple[int, ...], list[Hashable]] | None = None  # the last signature's keys

    def __len__(self) -> int:
        return len(self._sigs)

    def _keys(self, sig: tuple[int, ...]) -> list[Hashable]:
        last = self._last
        if last is not None and last[0] is sig:  # best() then add() of one article
            return last[1]
        keys: list[Hashable]
        try:
            keys = list(band_keys(sig, _ROWS))
        except (ValueError, TypeError, OverflowError):  # not a 32-bit signature: tuples as keys
            keys = [(b, *sig[b * _ROWS : (b + 1) * _ROWS]) for b in range(len(sig) // _ROWS)]
        self._last = (sig, keys)
        return keys

    def add(self, article_id: int, sig: tuple[int, ...]) -> None:
        if not any(sig) or article_id in self._sigs:
            return  # empty text: nothing to compare; already indexed
        self._sigs[article_id] = sig
        for key in self._keys(sig):
            self._bands.setdefault(key, []).append(article_id)

    def remove(self, article_id: int) -> None:
        sig = self._sigs.pop(article_id, None)
        if sig is None:
            return
        for key in self._keys(sig):
            ids = self._bands.get(key)
            if ids is not None:
                ids.remove(article_id)
                if not ids:
                    del self._bands[key]

    def best(self, sig: tuple[int, ...]) -> tuple[int, float] | None:
        """The most similar indexed article and its estimated resemblance (earliest on ties)."""
        if not any(sig):
            return None
        found: set[int] = set()
        for key in self._keys(sig):
            found.update(self._bands.get(key, ()))
        if not found:
            return None
        best_id, best_j = -1, -1.0
        for aid in sorted(found):
            j = sum(map(eq, self._sigs[aid], sig)) / len(sig)
            if j > best_j:
                best_id, best_j = aid, j
        return best_id, best_j
