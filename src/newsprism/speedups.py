"""The optional compiled helpers (``newsprism._speedups``, built from ``_speedups.c`` on install).

Installing from source builds the extension when a C compiler and Python's headers are there;
without them the install still succeeds and every caller runs the same loops in Python (slower,
bit-identical results).  ``NEWSPRISM_PURE_PYTHON=1`` forces the Python loops.
"""

from __future__ import annotations

import os
from types import ModuleType

__all__ = ["native"]


def native() -> ModuleType | None:
    """The compiled module, or None (not built here, or ``NEWSPRISM_PURE_PYTHON`` is set)."""
    if os.environ.get("NEWSPRISM_PURE_PYTHON", "").strip() not in ("", "0"):
        return None
    try:
        from . import _speedups  # type: ignore[attr-defined]
    except ImportError:
        return None
    module: ModuleType = _speedups
    return module
