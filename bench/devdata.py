"""Load the shared development data (../shared/data) as newsprism drafts, with gold labels.

Used by the benchmark scripts only; the project's tests never need this folder.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsprism.ingest.dates import parse_date
from newsprism.model import Draft

__all__ = ["Dataset", "data_dir", "load", "load_rows", "to_draft"]


def data_dir(arg: str | None = None) -> Path:
    here = Path(__file__).resolve().parent
    for cand in (arg, os.environ.get("NEWSPRISM_DEVDATA"), here.parent.parent / "shared" / "data"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    raise SystemExit("development data not found: pass --data PATH or set NEWSPRISM_DEVDATA")


def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_draft(row: dict) -> Draft:
    source = row.get("source")
    url = source.replace(" ", "") if isinstance(source, str) and source.startswith("http") else None
    outlet = source if isinstance(source, str) and not url else None
    return Draft(
        origin=str(row["id"]),
        external_id=str(row["id"]),
        title=row.get("title") or None,
        text=row["text"],
        url=url,
        outlet=outlet,
        published=parse_date(row.get("date")) if row.get("date") else None,
        language=row.get("lang"),
    )


@dataclass(frozen=True)
class Dataset:
    name: str
    rows: list[dict]

    @property
    def gold(self) -> dict[str, str]:
        return {str(r["id"]): str(r["story"]) for r in self.rows}

    def drafts(self) -> list[Draft]:
        return [to_draft(r) for r in self.rows]


def load(name: str, root: Path) -> Dataset:
    """Named evaluation sets: ecbplus, meantime_en, allsides, allsides_shuffled, wmt_en."""
    if name == "ecbplus":
        return Dataset(name, load_rows(root / "ecbplus.jsonl"))
    if name == "meantime_en":
        return Dataset(name, [r for r in load_rows(root / "meantime.jsonl") if r["lang"] == "en"])
    if name == "allsides":
        return Dataset(name, load_rows(root / "allsides_val.jsonl"))
    if name == "allsides_shuffled":
        rows = load_rows(root / "allsides_val.jsonl")
        random.Random(1).shuffle(rows)
        return Dataset(name, rows)
    if name == "wmt_en":
        rows = load_rows(root / "wmt21_ruen.jsonl") + load_rows(root / "wmt21_jaen.jsonl")
        return Dataset(name, [r for r in rows if r["lang"] == "en"])
    raise SystemExit(f"unknown dataset {name}")


def names(spec: str | Iterable[str]) -> list[str]:
    return [s for s in (spec.split(",") if isinstance(spec, str) else spec) if s]
