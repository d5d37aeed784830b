"""The ASGI application: pages, ``/api/v1`` and static files in one FastAPI app.

>>> from newsprism.web import create_app            # doctest: +SKIP
>>> app = create_app(Settings.load({"db": "news.db"}))  # serve with any ASGI server
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import __version__
from ..api.auth import Auth, TokenState, ensure_token
from ..api.cache import StoryCache
from ..api.errors import install_error_handlers
from ..api.hub import EngineHub
from ..api.routes import router as api_router
from ..settings import Settings
from .middleware import BodyLimit, HeadAsGet, SecurityHeaders
from .pages import daterange, render_problem, when
from .pages import router as pages_router

__all__ = ["create_app"]

_DESCRIPTION = """Stories (articles of one event across outlets), their comparison and summary, articles,
ingest and export.  Reads are open unless the server runs with private reads; writes need the server's
token as `Authorization: Bearer <token>`.  Errors are `{"error": {"status", "code", "message"}}`."""

_WRITES = {("/api/v1/articles", "post"), ("/api/v1/articles/{article_id}", "delete")}


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("newsprism.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = when
    env.filters["daterange"] = daterange
    return env


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with the bearer token declared on the writes."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schema.setdefault("components", {})["securitySchemes"] = {
            "token": {"type": "http", "scheme": "bearer", "description": "The server's token."}
        }
        for path, methods in schema.get("paths", {}).items():
            for method, operation in methods.items():
                if (path, method) in _WRITES:
                    operation["security"] = [{"token": []}]
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(
    settings: Settings | None = None, *, hub: EngineHub | None = None, token: TokenState | None = None
) -> FastAPI:
    """The app over the settings' database.  The token comes from ``token``, else the settings or the
    store (one is generated and stored, hashed, when there is none: ``newsprism serve`` shows it)."""
    settings = settings or Settings.load()
    hub = hub or EngineHub(settings)
    state = token or ensure_token(hub.writer.store, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        hub.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=_DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not with this CSP, not offline
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.hub = hub
    app.state.auth = Auth(state.digest, open_reads=settings.open_reads)
    app.state.jinja = _templates()
    app.state.story_cache = StoryCache()
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders, private=not settings.open_reads)  # outermost: even a 413 has them
    install_error_handlers(app, html=render_problem)
    app.include_router(api_router)
    app.include_router(pages_router)
    static = Path(str(resources.files("newsprism.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    return app
