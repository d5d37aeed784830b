"""``/api/v1``: stories, articles, ingest, delete and export over HTTP, as JSON.

Handlers are plain functions run in the server's thread pool; each borrows an engine from the
:class:`~newsprism.api.hub.EngineHub` (reads) or takes the writer (ingest, delete).  The token is
checked by the route itself (:class:`TokenFirst`) before the body is read or any parameter validated,
so a request without the right token is 401/403 whatever else is wrong with it.  Failures are raised
and answered by :mod:`newsprism.api.errors`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute

from .. import __version__
from .auth import Auth
from .cache import StoryCache
from .hub import EngineHub
from .ingest import ingest_records
from .schemas import (
    ArticleIn,
    ArticleOut,
    Comparison,
    DeletedOut,
    ErrorOut,
    Health,
    IngestIn,
    IngestOut,
    MemberOut,
    StoryList,
    article_out,
    story_out,
)
from .search import Order, Search, parse_language

__all__ = ["TokenFirst", "router"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in (
        (400, "Malformed request"),
        (401, "No token given where one is needed"),
        (403, "Wrong token"),
        (404, "No such story or article"),
        (413, "Request body over max_request_bytes"),
        (422, "Invalid parameters or body"),
    )
}

StoryId = Annotated[int, Path(ge=1, description="Story id.")]
ArticleId = Annotated[int, Path(ge=1, description="Article id (the store's, as in /articles/ID).")]


def _hub(request: Request) -> EngineHub:
    hub: EngineHub = request.app.state.hub
    return hub


def _auth(request: Request) -> Auth:
    auth: Auth = request.app.state.auth
    return auth


class TokenFirst(APIRoute):
    """A route that checks the token before FastAPI reads the body or validates the parameters.
    Writes (any method but GET and HEAD) need the token; reads need it unless reads are open."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        writes = bool((self.methods or set()) - {"GET", "HEAD"})

        async def checked(request: Request) -> Response:
            auth = _auth(request)
            if writes:
                auth.require_write(request)
            else:
                auth.require_read(request)
            return await handler(request)

        return checked


router = APIRouter(prefix="/api/v1", responses=_ERRORS)  # what needs no token; the rest is _guarded
_guarded = APIRouter(route_class=TokenFirst)


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")


@router.get("/health", response_model=Health, tags=["server"])
def health() -> Health:
    """Whether the server is up (no token needed)."""
    return Health(status="ok", version=__version__)


@_guarded.get("/stories", response_model=StoryList, tags=["stories"])
def list_stories(
    request: Request,
    q: Annotated[str | None, Query(description="Text in an article title.")] = None,
    outlet: Annotated[str | None, Query(description="An outlet that reported the story (exact name).")] = None,
    entity: Annotated[str | None, Query(description="A name an article of the story mentions.")] = None,
    since: Annotated[str | None, Query(description="Reported at or after this date (YYYY-MM-DD) or time.")] = None,
    until: Annotated[str | None, Query(description="Reported at or before this date or time.")] = None,
    order: Annotated[Order, Query(description="newest or biggest first.")] = "newest",
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> StoryList:
    """Search stories, a page at a time."""
    search = Search.parse(
        q=q, outlet=outlet, entity=entity, since=since, until=until, order=order, page=page, per_page=per_page
    )
    query = search.query()
    with _hub(request).read() as engine:
        found = engine.stories(query)
        total = engine.count_stories(query)
    pages = search.pages(total)
    base = "/api/v1/stories?"
    return StoryList(
        stories=[story_out(s) for s in found],
        page=search.page,
        per_page=search.per_page,
        total=total,
        pages=pages,
        next=base + search.params(page=search.page + 1, with_size=True) if search.page < pages else None,
        prev=base + search.params(page=search.page - 1, with_size=True) if search.page > 1 else None,
    )


@_guarded.get("/stories/{story_id}", tags=["stories"], responses={200: {"model": Comparison}})
def get_story(
    request: Request,
    story_id: StoryId,
    summary_words: Annotated[int, Query(ge=20, le=1000, description="Length of the summary in words.")] = 100,
    language: Annotated[
        str | None,
        Query(
            pattern=r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$",
            description="Display language of facts and summary (default: English when a source is in English,"
            " else the story's main language).",
        ),
    ] = None,
) -> Response:
    """A story's comparison with its label and summary: the JSON of ``newsprism story ID --compare --json``
    (docs/compare.md).  Computed on first request, then cached until the story changes."""
    cache: StoryCache = request.app.state.story_cache
    language = parse_language(language)
    with _hub(request).read() as engine:

        def make() -> bytes:
            data = engine.compare_story(story_id, summary_words=summary_words, language=language)
            return json.dumps(data, ensure_ascii=False).encode("utf-8")

        body = cache.get(engine, story_id, (summary_words, language), make)
    return Response(body, media_type="application/json")


@_guarded.get("/stories/{story_id}/articles", response_model=list[MemberOut], tags=["stories"])
def story_articles(request: Request, story_id: StoryId) -> list[MemberOut]:
    """A story's articles in arrival order, each with why it belongs to the story."""
    with _hub(request).read() as engine:
        members = engine.story_members(story_id)
    return [
        MemberOut(
            id=a.id or 0,
            article=a.external_id,
            outlet=a.outlet,
            title=a.title,
            url=a.url,
            published=a.published,
            language=a.language,
            copy_of=s.copy_of,
            relation=s.relation,
            explanation=s.explanation.to_dict(),
        )
        for a, s in members
    ]


@_guarded.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
def get_article(request: Request, article_id: ArticleId) -> ArticleOut:
    """An article: clean text, metadata, its story, what it copies and what copies it."""
    with _hub(request).read() as engine:
        article, assignment = engine.article(article_id)
        members = engine.story_members(assignment.story_id)
    return article_out(article, assignment, members)


@_guarded.post("/articles", response_model=IngestOut, tags=["articles"])
def post_articles(request: Request, body: IngestIn) -> IngestOut:
    """Ingest articles (the fields of a JSONL ingest line; token needed).  Every article gets a result
    in the order given: ``ingested`` (with its id and story), ``duplicate`` or ``rejected`` (with the
    reason, as ``newsprism ingest`` counts skips)."""
    records = [item.model_dump(exclude_none=True) if isinstance(item, ArticleIn) else item for item in body.articles]
    with _hub(request).write() as engine:
        return ingest_records(engine, records)


@_guarded.delete("/articles/{article_id}", response_model=DeletedOut, tags=["articles"])
def delete_article(request: Request, article_id: ArticleId) -> DeletedOut:
    """Delete an article (token needed).  Its story is updated, or deleted when it was its last article."""
    with _hub(request).write() as engine:
        done = engine.delete_article(article_id)
    return DeletedOut(
        deleted=done.article_id,
        article=done.external_id,
        story=done.story_id,
        story_deleted=done.story_deleted,
        promoted=done.promoted,
    )


@_guarded.get(
    "/export/assignments",
    tags=["export"],
    responses={200: {"content": {"application/x-ndjson": {}, "application/json": {}}}},
)
def export_assignments(
    request: Request,
    format: Annotated[Literal["jsonl", "json"], Query(description="JSON lines or one JSON array.")] = "jsonl",
) -> Response:
    """Every article's story: ``{"article", "story", "copy_of"}`` per article (as ``newsprism export
    assignments``)."""
    with _hub(request).read() as engine:
        rows = [
            {"article": r.external_id, "story": r.story_id, "copy_of": r.copy_of_external_id}
            for r in engine.export_assignments()
        ]
    if format == "json":
        return _json(rows)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return Response(body, media_type="application/x-ndjson")


router.include_router(_guarded)  # after its routes are declared: including copies them
