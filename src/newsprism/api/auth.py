"""The server's token: where it comes from, and who may read and write.

Writes (ingest, delete) always need ``Authorization: Bearer <token>``.  Reads are open unless the
``open_reads`` setting is off; then they need the same bearer token, or (pages in a browser) the
session cookie that signing in with the token sets.

The token is the ``token`` setting (``NEWSPRISM_TOKEN``) when given.  Otherwise one is generated on
first start, shown once, and only its SHA-256 is kept (in the store's ``meta`` table): a random
256-bit token needs no slow hash.  The session cookie is an HMAC of a fixed message keyed with that
hash, so replacing the token signs every browser out.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from starlette.requests import HTTPConnection

from ..settings import Settings
from ..store.base import Store
from .errors import ApiError

__all__ = ["SESSION_COOKIE", "TOKEN_META_KEY", "Auth", "TokenState", "ensure_token", "token_digest"]

TOKEN_META_KEY = "web.token_sha256"
SESSION_COOKIE = "newsprism_session"
_SESSION_MESSAGE = b"newsprism.session.v1"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class TokenState:
    """The token in force.  ``new_token`` is set only when it was generated just now (show it once)."""

    digest: str
    source: str  # "setting" | "stored" | "generated"
    new_token: str | None = None


def ensure_token(store: Store, settings: Settings, *, rotate: bool = False) -> TokenState:
    """The token from the settings, else the stored one; generate and store one when there is none
    (or ``rotate``).  A token given in the settings is never stored."""
    if settings.token:
        return TokenState(token_digest(settings.token), "setting")
    stored = store.get_meta(TOKEN_META_KEY)
    if stored and not rotate:
        return TokenState(stored, "stored")
    token = secrets.token_urlsafe(32)
    digest = token_digest(token)
    with store.transaction():
        store.set_meta(TOKEN_META_KEY, digest)
    return TokenState(digest, "generated", token)


class Auth:
    """Checks requests against the token's digest."""

    def __init__(self, digest: str, *, open_reads: bool) -> None:
        self._digest = digest
        self.open_reads = open_reads
        self.session_value = hmac.new(bytes.fromhex(digest), _SESSION_MESSAGE, hashlib.sha256).hexdigest()

    def token_matches(self, token: str) -> bool:
        return hmac.compare_digest(token_digest(token), self._digest)

    def has_session(self, conn: HTTPConnection) -> bool:
        cookie = conn.cookies.get(SESSION_COOKIE, "")
        return bool(cookie) and hmac.compare_digest(cookie, self.session_value)

    def _bearer(self, conn: HTTPConnection) -> str | None:
        header = conn.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            return None
        return value.strip()

    def may_read(self, conn: HTTPConnection) -> bool:
        if self.open_reads or self.has_session(conn):
            return True
        token = self._bearer(conn)
        return token is not None and self.token_matches(token)

    def require_read(self, conn: HTTPConnection) -> None:
        if not self.may_read(conn):
            self._refuse(conn, "reading needs the server's token")

    def require_write(self, conn: HTTPConnection) -> None:
        """Writes take the bearer token only (never the cookie: no cross-site request can send it)."""
        token = self._bearer(conn)
        if token is None or not self.token_matches(token):
            self._refuse(conn, "writing needs the server's token")

    def _refuse(self, conn: HTTPConnection, what: str) -> None:
        if self._bearer(conn) is None:
            raise ApiError(
                401,
                "unauthorized",
                f"{what}: send it as 'Authorization: Bearer <token>'",
                headers={"WWW-Authenticate": 'Bearer realm="newsprism"'},
            )
        raise ApiError(403, "forbidden", f"{what}; the token given is not it")
