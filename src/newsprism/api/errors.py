"""Errors as HTTP responses: the one place where failures get their status code.

::

    exception                         status  code
    ApiError                          its own (401 unauthorized, 403 forbidden, 422 bad-query ...)
    fastapi RequestValidationError    400 malformed-json | 422 invalid-request
    starlette HTTPException           its own (404 not-found, 405, 413 too-large ...)
    NotFound                          404 not-found
    ConfigError                       400 bad-setting
    IngestError                       422 bad-input
    StoreError                        503 store-unavailable
    MissingDependency                 500 missing-dependency
    NewsprismError                    400 error
    anything else                     500 internal-error (logged; the message says nothing more)

API paths (``/api/...``) answer ``{"error": {"status", "code", "message", "details"?}}``; page paths
get the same problem rendered by the HTML renderer the web app installs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, IngestError, MissingDependency, NewsprismError, NotFound, StoreError

__all__ = [
    "SECURITY_HEADERS",
    "ApiError",
    "HtmlRenderer",
    "Problem",
    "apply_security_headers",
    "install_error_handlers",
    "problem_json",
    "problem_of",
]

log = logging.getLogger(__name__)

# Sent with every response (pages, API, static files, errors): nothing may run script inline, load
# from elsewhere, frame the app or guess content types.
SECURITY_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def apply_security_headers(headers: MutableHeaders) -> None:
    for name, value in SECURITY_HEADERS.items():
        headers[name] = value


class ApiError(Exception):
    """An HTTP failure raised by the adapters themselves (authentication, bad query values)."""

    def __init__(self, status: int, code: str, message: str, *, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


@dataclass(frozen=True, slots=True)
class Problem:
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        error: dict[str, Any] = {"status": self.status, "code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        return {"error": error}


_HTTP_CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-request",
}


def problem_of(exc: BaseException) -> Problem:
    """The status, code and message an exception is answered with."""
    if isinstance(exc, ApiError):
        return Problem(exc.status, exc.code, exc.message, headers=exc.headers)
    if isinstance(exc, RequestValidationError):
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "message": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            return Problem(400, "malformed-json", "the request body is not valid JSON", details)
        return Problem(422, "invalid-request", "the request does not have the expected fields or values", details)
    if isinstance(exc, StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return Problem(
            exc.status_code, _HTTP_CODES.get(exc.status_code, "error"), message, headers=dict(exc.headers or {})
        )
    if isinstance(exc, NotFound):
        return Problem(404, "not-found", exc.message)
    if isinstance(exc, ConfigError):
        return Problem(400, "bad-setting", exc.message)
    if isinstance(exc, IngestError):
        return Problem(422, "bad-input", exc.message)
    if isinstance(exc, StoreError):
        log.error("store error: %s", exc)
        return Problem(503, "store-unavailable", "the database is busy or failed; try again")
    if isinstance(exc, MissingDependency):
        return Problem(500, "missing-dependency", exc.message)
    if isinstance(exc, NewsprismError):
        return Problem(400, "error", exc.message)
    log.exception("internal error", exc_info=exc)
    return Problem(500, "internal-error", "internal error")


def problem_json(problem: Problem) -> JSONResponse:
    response = JSONResponse(problem.to_json(), status_code=problem.status, headers=problem.headers or None)
    apply_security_headers(response.headers)  # a 500 bypasses the middleware
    return response


HtmlRenderer = Callable[[Request, Problem], Response]


def install_error_handlers(app: FastAPI, *, html: HtmlRenderer | None = None) -> None:
    """Answer every failure through :func:`problem_of`: JSON under ``/api/``, else ``html``."""

    def respond(request: Request, exc: Exception) -> Response:
        problem = problem_of(exc)
        if html is None or request.url.path.startswith("/api/"):
            return problem_json(problem)
        response = html(request, problem)
        apply_security_headers(response.headers)
        return response

    for kind in (ApiError, RequestValidationError, StarletteHTTPException, NewsprismError, Exception):
        app.add_exception_handler(kind, respond)
