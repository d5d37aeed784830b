"""Bundled example data for ``newsprism demo`` (see ``data/ATTRIBUTION.md``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["demo_paths", "seed_ids"]

_SEEDS = ("bloomberg-blinken-lavrov.txt", "nbc-blinken-lavrov-translated.txt")


def _folder() -> Path:
    return Path(str(resources.files("newsprism.demo").joinpath("data")))


def demo_paths() -> list[Path]:
    """The demo inputs in ingest order: the two seed reports, then the unrelated examples."""
    folder = _folder()
    return [folder / name for name in _SEEDS] + [folder / "examples.jsonl"]


def seed_ids() -> tuple[str, ...]:
    return _SEEDS
