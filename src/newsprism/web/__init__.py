"""Web pages and the HTTP API (the ``web`` extra: ``pip install 'newsprism[web]'``).

``create_app(settings)`` builds the ASGI app that ``newsprism serve`` runs.  Importing this package
is cheap and never fails; the web stack (FastAPI, Jinja2, uvicorn) is imported on first use and a
missing one raises :class:`~newsprism.errors.MissingDependency` with the install hint.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependency

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["WEB_PACKAGES", "create_app", "require_web"]

WEB_PACKAGES = ("fastapi", "jinja2", "uvicorn")


def require_web() -> None:
    """Raise :class:`MissingDependency` (extra ``web``) unless the web stack is installed."""
    for package in WEB_PACKAGES:
        if find_spec(package) is None:
            raise MissingDependency(package, "web")


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """See :func:`newsprism.web.app.create_app`."""
    require_web()
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)
