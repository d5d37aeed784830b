"""Ingest JSON records posted to the API, with one result per record.

Records go through the same path as JSONL lines (:func:`~newsprism.ingest.parsers.draft_from_record`,
then :meth:`Engine.ingest_drafts`), each with its own origin ``api:<batch>#<index>`` so every outcome
(ingested, duplicate, rejected with its reason) can be told back by position.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from ..engine import Engine
from ..ingest.parsers import draft_from_record
from ..model import Article, Assignment, Draft, Rejection
from .schemas import IngestItem, IngestOut

__all__ = ["ingest_records"]


def _batch_tag() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def ingest_records(engine: Engine, records: Sequence[Any], *, tag: str | None = None) -> IngestOut:
    """Ingest ``records`` (decoded JSON values, as JSONL lines) in one batch; ``results`` follow the
    records' order.  A record that is no article is rejected on its own, never the whole batch."""
    tag = tag or _batch_tag()
    limit = engine.settings.max_input_bytes
    results: list[IngestItem | None] = [None] * len(records)
    drafts: list[Draft] = []
    index_of: dict[str, int] = {}
    for i, record in enumerate(records):
        origin = f"api:{tag}#{i}"
        size = len(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        if size > limit:
            results[i] = _rejected(i, "too-large", f"{size} bytes, over the limit of {limit}")
            continue
        draft = draft_from_record(record, origin=origin)
        if isinstance(draft, Rejection):
            results[i] = _rejected(i, draft.reason, draft.message)
            continue
        drafts.append(draft)
        index_of[origin] = i
    rejections: dict[str, Rejection] = {}
    report = engine.ingest_drafts(drafts, on_reject=lambda r: rejections.__setitem__(r.origin, r), find_duplicates=True)
    duplicate_of = report.duplicate_of or {}
    for article_id in report.article_ids:
        found = engine.article(article_id)
        i = index_of[found[0].origin]
        results[i] = _stored(i, "ingested", article_id, found)
    for origin, i in index_of.items():
        if results[i] is None:
            rejection = rejections.get(origin)
            results[i] = (
                _rejected(i, rejection.reason, rejection.message)
                if rejection
                else _duplicate(engine, i, duplicate_of.get(origin))
            )
    done = [r for r in results if r is not None]
    return IngestOut(
        ingested=report.ingested,
        duplicates=sum(r.status == "duplicate" for r in done),
        rejected=sum(r.status == "rejected" for r in done),
        new_stories=report.new_stories,
        results=done,
    )


def _duplicate(engine: Engine, index: int, article_id: int | None) -> IngestItem:
    """A duplicate's result, naming the stored article it duplicates (its id, external id and story)."""
    message = "already stored (same URL or same text)"
    if article_id is None:
        return IngestItem(index=index, status="duplicate", message=message)
    return _stored(index, "duplicate", article_id, engine.article(article_id), message)


def _stored(
    index: int,
    status: Literal["ingested", "duplicate"],
    article_id: int,
    found: tuple[Article, Assignment],
    message: str | None = None,
) -> IngestItem:
    """The result of an item that names a stored article: the new one, or the one it duplicates."""
    article, assignment = found
    return IngestItem(
        index=index,
        status=status,
        id=article_id,
        article=article.external_id,
        story=assignment.story_id,
        copy_of=assignment.copy_of,
        message=message,
    )


def _rejected(index: int, reason: str, message: str) -> IngestItem:
    return IngestItem(index=index, status="rejected", reason=reason, message=message)
