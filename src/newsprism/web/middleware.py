"""Three ASGI middlewares: security headers on every response, a cap on request bodies, and HEAD
answered as GET without the body."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api.errors import Problem, apply_security_headers, problem_json

__all__ = ["BodyLimit", "HeadAsGet", "SecurityHeaders"]


class SecurityHeaders:
    """Adds :data:`~newsprism.api.errors.SECURITY_HEADERS` to every HTTP response; with ``private``
    (reads need the token) pages and API answers are also marked not to be stored by any cache."""

    def __init__(self, app: ASGIApp, *, private: bool = False) -> None:
        self.app = app
        self.private = private

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        no_store = self.private and not str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                apply_security_headers(headers)
                if no_store:
                    headers["Cache-Control"] = "private, no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413: at once when ``Content-Length`` says so,
    else as soon as the streamed body passes the limit."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, self._message())
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except HTTPException as exc:
            if exc.status_code != 413 or started:
                raise
            await self._refuse(scope, receive, send)

    def _message(self) -> str:
        return f"the request body is over the limit of {self.limit} bytes (setting max_request_bytes)"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_json(Problem(413, "too-large", self._message(), headers={"Connection": "close"}))
        await response(scope, receive, send)


class HeadAsGet:
    """Answers ``HEAD`` like ``GET`` (status and headers, ``Content-Length`` included) without the body,
    for every page and API read (uptime checks, ``curl -I``).  The routes declare GET only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] != "http.response.body":
                await send(message)
            elif not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
