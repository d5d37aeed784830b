"""The one exception hierarchy of newsprism.

::

    NewsprismError
     ├── ConfigError            bad setting value, unknown option
     ├── IngestError            an input could not become an article
     │    ├── FetchError        reading a file, stdin or URL failed
     │    ├── ParseError        the input is malformed (bad JSON line, undecodable bytes)
     │    └── UnsupportedInput  a type or size newsprism does not take
     ├── StoreError             the database failed or is from a newer newsprism
     │    └── NotFound          no such story / article
     └── MissingDependency      an optional extra is needed ("pip install 'newsprism[x]'")

    KeyboardInterrupt
     └── Interrupted            Ctrl-C during an ingest, with the report of what was kept

Every error carries the context that names what failed (``path``, ``line``, ``url``, ``stage``)
so an adapter can print one clear line without a traceback.  Rejecting an input during ingest is
*data* (:class:`newsprism.model.Rejection`), not an exception: an :class:`IngestError` is raised
only by the functions that read a single input, and the ingest runner turns it into a rejection.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ConfigError",
    "FetchError",
    "IngestError",
    "Interrupted",
    "MissingDependency",
    "NewsprismError",
    "NotFound",
    "ParseError",
    "StoreError",
    "UnsupportedInput",
]


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""

    def __init__(self, message: str, *, stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.stage = stage

    def __str__(self) -> str:
        return self.message


class ConfigError(NewsprismError):
    """A setting has a value newsprism cannot use."""

    def __init__(self, message: str, *, setting: str | None = None) -> None:
        super().__init__(message, stage="config")
        self.setting = setting


class IngestError(NewsprismError):
    """An input could not be turned into an article.

    ``reason`` is a short machine-readable key (``empty``, ``binary``, ``too-large`` ...) used to
    count skips per reason.
    """

    reason = "error"

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        url: str | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message, stage="ingest")
        self.path = path
        self.line = line
        self.url = url
        if reason is not None:
            self.reason = reason

    @property
    def where(self) -> str:
        """``path:line`` or the URL: where the bad input is."""
        if self.path is not None:
            return f"{self.path}:{self.line}" if self.line is not None else self.path
        return self.url or "<input>"


class FetchError(IngestError):
    """Reading the input failed (missing file, permission, network)."""

    reason = "unreadable"


class ParseError(IngestError):
    """The input is malformed: undecodable bytes, bad JSON, missing required fields."""

    reason = "malformed"


class UnsupportedInput(IngestError):
    """An input newsprism does not take: unknown type, binary content, over the size limit."""

    reason = "unsupported"


class StoreError(NewsprismError):
    """The store failed, or the database was written by a newer newsprism."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message, stage="store")
        self.path = path


class NotFound(StoreError):
    """No story or article with that id."""


class MissingDependency(NewsprismError):
    """An optional dependency is not installed; the message holds the exact install hint."""

    def __init__(self, package: str, extra: str | None) -> None:
        hint = f"pip install 'newsprism[{extra}]'" if extra else f"pip install {package} (a dependency of newsprism)"
        super().__init__(f"{package} is not installed; install it with: {hint}", stage="import")
        self.package = package
        self.extra = extra


class Interrupted(KeyboardInterrupt):
    """An ingest stopped by Ctrl-C (or SIGINT): ``report`` counts what was stored before it; the
    batch in progress was rolled back.  A :class:`KeyboardInterrupt`, so whatever stops on one
    still does."""

    def __init__(self, report: Any) -> None:
        super().__init__("interrupted")
        self.report = report
