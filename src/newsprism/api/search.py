"""Story search parameters shared by the story list page and ``GET /api/v1/stories``."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from typing import Literal
from urllib.parse import urlencode

from ..store.base import StoryQuery
from .errors import ApiError

__all__ = ["Order", "Search", "parse_language", "parse_when"]

Order = Literal["newest", "biggest"]
MAX_PAGE = 10**9  # far past any store: offsets stay inside SQLite's 64-bit integers


def parse_when(value: str | None, *, name: str, end: bool = False) -> datetime | None:
    """``2021-05-19`` (the start of that day, or its end with ``end``) or an ISO date-time; UTC unless
    the value says otherwise.  A bad value is a 422."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = datetime.strptime(text, "%Y-%m-%d").date()
            moment = datetime.combine(day, time.max if end else time.min)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: "0001-01-01T00:00+01:00" is before year 1 in UTC
        raise ApiError(422, "bad-query", f"{name}: {value!r} is not a date (YYYY-MM-DD) or date-time") from None


def parse_language(value: str | None) -> str | None:
    """A display language as asked ("EN", "eng"), as its ISO 639-1 code; an unknown code is a 422."""
    if value is None or not value.strip():
        return None
    from ..nlp.language import normalise_language

    code = normalise_language(value.strip())
    if code is None:
        raise ApiError(422, "bad-query", f"language: {value!r} is no language code (use ISO 639-1, such as en or ru)")
    return code


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.replace("\x00", " ").split())  # a NUL cut SQLite's pattern short: matched all
    return value or None


@dataclass(frozen=True, slots=True)
class Search:
    """A validated story search: filters, order and page (1-based)."""

    q: str | None = None
    outlet: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    order: Order = "newest"
    page: int = 1
    per_page: int = 20

    @classmethod
    def parse(
        cls,
        *,
        q: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        order: Order = "newest",
        page: int = 1,
        per_page: int = 20,
    ) -> Search:
        if page > MAX_PAGE:  # past SQLite's integers (the offset overflowed: a 500)
            raise ApiError(422, "bad-query", f"page: must be at most {MAX_PAGE}")
        search = cls(_clean(q), _clean(outlet), _clean(entity), _clean(since), _clean(until), order, page, per_page)
        search.query()  # validates the dates
        return search

    def query(self) -> StoryQuery:
        since = parse_when(self.since, name="since")
        until = parse_when(self.until, name="until", end=True)
        if since and until and since > until + timedelta(microseconds=1):
            raise ApiError(422, "bad-query", "since: must not be after until")
        return StoryQuery(
            order=self.order,
            limit=self.per_page,
            offset=(self.page - 1) * self.per_page,
            text=self.q,
            outlet=self.outlet,
            entity=self.entity,
            since=since,
            until=until,
        )

    def pages(self, total: int) -> int:
        return max(1, math.ceil(total / self.per_page))

    def params(self, *, page: int | None = None, with_size: bool = False) -> str:
        """The search as a query string (only what differs from the defaults)."""
        other = replace(self, page=page if page is not None else self.page)
        pairs: list[tuple[str, str | int]] = [
            (k, v)
            for k, v in (
                ("q", other.q),
                ("outlet", other.outlet),
                ("entity", other.entity),
                ("since", other.since),
                ("until", other.until),
            )
            if v
        ]
        if other.order != "newest":
            pairs.append(("order", other.order))
        if other.page != 1:
            pairs.append(("page", other.page))
        if with_size and other.per_page != 20:
            pairs.append(("per_page", other.per_page))
        return urlencode(pairs)

    @property
    def filtered(self) -> bool:
        return any((self.q, self.outlet, self.entity, self.since, self.until))
