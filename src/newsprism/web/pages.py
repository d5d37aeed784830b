"""Server-rendered pages: the story list, a story, an article, and signing in for private reads.

Handlers gather what the page shows through the engine (via the app's
:class:`~newsprism.api.hub.EngineHub`) and render a Jinja2 template with autoescaping on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment

from .. import __version__
from ..api.auth import SESSION_COOKIE, Auth
from ..api.errors import Problem
from ..api.hub import EngineHub
from ..api.search import Order, Search, parse_language
from ..errors import NotFound
from ..model import Article, Assignment, Story, StoryEvent
from ..nlp.mtsigns import read_translation_signs
from .timeline import build_timeline
from .views import article_view, story_view

if TYPE_CHECKING:
    from ..engine import Engine

__all__ = ["render", "render_problem", "router"]

router = APIRouter(include_in_schema=False)

PER_PAGE = 20


def _hub(request: Request) -> EngineHub:
    hub: EngineHub = request.app.state.hub
    return hub


def _auth(request: Request) -> Auth:
    auth: Auth = request.app.state.auth
    return auth


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.jinja
    auth = _auth(request)
    page = env.get_template(template).render(
        version=__version__, signed_in=not auth.open_reads and auth.has_session(request), **context
    )
    return HTMLResponse(page, status_code=status)


def render_problem(request: Request, problem: Problem) -> Response:
    """Error pages (installed as the HTML renderer of :func:`~newsprism.api.errors.install_error_handlers`)."""
    response = render(request, "error.html", status=problem.status, problem=problem)
    for name, value in problem.headers.items():
        response.headers[name] = value
    return response


def _login_redirect(request: Request) -> Response | None:
    """``None`` when the request may read; else a redirect to the sign-in page."""
    if _auth(request).may_read(request):
        return None
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)


def _local(target: str | None) -> str:
    """Only paths of this site are followed after signing in (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    return "/" if parts.scheme or parts.netloc else target


# --- the story list ----------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    q: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    order: Order = "newest",
    page: Annotated[int, Query(ge=1)] = 1,
) -> Response:
    if (redirect := _login_redirect(request)) is not None:
        return redirect
    search = Search.parse(
        q=q, outlet=outlet, entity=entity, since=since, until=until, order=order, page=page, per_page=PER_PAGE
    )
    query = search.query()
    with _hub(request).read() as engine:
        stories = engine.stories(query)
        total = engine.count_stories(query)
    return render(request, "stories.html", search=search, stories=stories, total=total, pages=search.pages(total))


# --- a story -----------------------------------------------------------------------------------------


def _why(assignment: Assignment, titles: dict[int, str]) -> str:
    e = assignment.explanation
    if assignment.copy_of is not None:
        what = assignment.relation or "copy"
        return f"{what} of “{titles.get(assignment.copy_of, assignment.copy_of)}”"
    if e.decision == "new":
        return "opened the story"
    if e.decision == "joined":
        return f"joined (score {e.score:.2f}, threshold {e.threshold:.2f})"
    return e.note or e.decision


def _members(members: list[tuple[Article, Assignment]]) -> list[dict[str, Any]]:
    titles = {a.id: a.title for a, _ in members if a.id is not None}
    return [
        {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published, "why": _why(s, titles)}
        for a, s in members
    ]


def _events(story_id: int, events: list[StoryEvent], exists: Callable[[int], bool]) -> list[dict[str, Any]]:
    """The story's splits and merges; ``live``: whether the other story still exists (a story merged
    into another is gone, and gets no link)."""
    out = []
    for e in events:
        other = e.other_story_id if e.story_id == story_id else e.story_id
        out.append({"kind": e.kind, "other": other, "live": exists(other), "articles": e.articles, "note": e.note})
    return out


def _exists(engine: Engine, story_id: int) -> bool:
    try:
        engine.story(story_id)
    except NotFound:
        return False
    return True


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(
    request: Request,
    story_id: Annotated[int, Path(ge=1)],
    language: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")] = None,
) -> Response:
    if (redirect := _login_redirect(request)) is not None:
        return redirect
    language = parse_language(language)
    with _hub(request).read() as engine:
        story = engine.story(story_id)
        members = engine.story_members(story_id)
        data = engine.compare_story(story_id, language=language)
        events = _events(story_id, engine.story_events(story_id), lambda other: _exists(engine, other))
    return render(
        request,
        "story.html",
        story=story,
        display_language=data.get("display_language"),
        view=story_view(data, members),
        timeline=build_timeline(members),
        members=_members(members),
        events=events,
    )


# --- an article --------------------------------------------------------------------------------------


def _web_link(url: str | None) -> str | None:
    """The article's address as a link only when it is an http(s) URL (never ``javascript:`` ...)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Annotated[int, Path(ge=1)]) -> Response:
    if (redirect := _login_redirect(request)) is not None:
        return redirect
    with _hub(request).read() as engine:
        article, assignment = engine.article(article_id)
        story: Story = engine.story(assignment.story_id)
        members = engine.story_members(story.id)
        data = engine.compare_story(story.id)
    by_id = {a.id: a for a, _ in members}
    titles = {a.id: a.title for a, _ in members if a.id is not None}
    copies = [
        {"id": a.id, "title": a.title, "outlet": a.outlet, "relation": s.relation}
        for a, s in members
        if s.copy_of == article.id
    ]
    return render(
        request,
        "article.html",
        article=article,
        story=story,
        view=article_view(article, data),
        link=_web_link(article.url),
        original=by_id.get(assignment.copy_of) if assignment.copy_of is not None else None,
        copies=copies,
        why=_why(assignment, titles),
        mt=read_translation_signs(article.text, article.language),
    )


# --- signing in (only when reads are private) --------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> Response:
    if _auth(request).open_reads:
        return RedirectResponse(_local(next), status_code=303)
    return render(request, "login.html", next=_local(next), failed=False)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    target = _local((form.get("next") or ["/"])[0])
    auth = _auth(request)
    if not auth.token_matches((form.get("token") or [""])[0]):
        return render(request, "login.html", status=403, next=target, failed=True)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        auth.session_value,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    response = RedirectResponse("/login" if not _auth(request).open_reads else "/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def when(value: datetime | None) -> str:
    """A date (and time, when it has one) for people."""
    if value is None:
        return ""
    if value.utcoffset() is not None:
        value = value.astimezone(UTC)
    if (value.hour, value.minute, value.second) == (0, 0, 0):
        return value.strftime("%d %b %Y")
    return value.strftime("%d %b %Y %H:%M") + (" UTC" if value.tzinfo else "")


def daterange(story: Story) -> str:
    a, b = story.first_published, story.last_published
    if a is None:
        return ""
    first, last = a.strftime("%d %b %Y"), (b or a).strftime("%d %b %Y")
    return first if first == last else f"{first} – {last}"
