"""``newsprism serve``: the web pages and the HTTP API in one process (uvicorn)."""

from __future__ import annotations

import errno
import logging
import socket
from typing import Any

import click

from ..errors import ConfigError

__all__ = ["serve"]

log = logging.getLogger(__name__)


def _check_address(host: str, port: int) -> None:
    """Raise :class:`ConfigError` unless ``host:port`` can be bound now, every address the host
    resolves to, as uvicorn binds them.  ``serve`` checks before it announces anything or makes a
    token; the sockets are closed again at once (uvicorn binds its own, a moment later)."""
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        found = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {where}: {(exc.strerror or str(exc)).lower()}", setting="host") from None
    for family, kind, proto, _, address in found:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(address)
            except OSError as exc:
                setting = "port" if exc.errno in (errno.EADDRINUSE, errno.EACCES) else "host"
                reason = (exc.strerror or str(exc)).lower()
                raise ConfigError(
                    f"cannot listen on {where}: {reason} (choose another --{setting})", setting=setting
                ) from None


@click.command()
@click.option("--host", default=None, help="Address to listen on [setting host; default 127.0.0.1].")
@click.option("--port", default=None, type=click.IntRange(0, 65535), help="Port [setting port; default 8000].")
@click.option(
    "--private-reads",
    is_flag=True,
    default=None,
    help="Reading needs the token too (pages ask for it once) [setting open_reads off].",
)
@click.option("--new-token", is_flag=True, help="Replace the stored token with a new one and show it.")
@click.option("--access-log/--no-access-log", default=True, show_default=True, help="Log every request.")
@click.pass_obj
def serve(
    state: Any, host: str | None, port: int | None, private_reads: bool | None, new_token: bool, access_log: bool
) -> None:
    """Serve the web pages and the HTTP API (/api/v1) of the database.

    \b
    Pages: / (stories, search), /stories/ID (summary, timeline, sources side by side),
    /articles/ID (text with facts and quotes highlighted).  API: /api/v1/openapi.json.
    Writes (POST /api/v1/articles, DELETE /api/v1/articles/ID) need the token:
    NEWSPRISM_TOKEN, or one generated on first start, shown once, stored hashed.
    Needs the web extra: pip install 'newsprism[web]'.
    """
    from .main import _run

    def go() -> None:
        from ..web import require_web

        require_web()
        import uvicorn

        from ..api.auth import ensure_token
        from ..api.hub import EngineHub
        from ..settings import Settings
        from ..web.app import create_app

        overrides = {**state.overrides}
        if host is not None:
            overrides["host"] = host
        if port is not None:
            overrides["port"] = port
        if private_reads:
            overrides["open_reads"] = False
        settings = Settings.load(overrides)
        _check_address(settings.host, settings.port)  # before any announcement, token or database
        hub = EngineHub(settings)
        token = ensure_token(hub.writer.store, settings, rotate=new_token)
        if token.new_token is not None:
            click.echo(
                f"API token (shown once; only its hash is stored): {token.new_token}\n"
                "  use it as 'Authorization: Bearer <token>'; replace it with `newsprism serve --new-token`",
                err=True,
            )
        elif token.source == "setting":
            if new_token:
                click.echo("--new-token ignored: the token comes from the token setting (NEWSPRISM_TOKEN)", err=True)
            if len(settings.token) < 16:
                click.echo("warning: the token setting is shorter than 16 characters", err=True)
        app = create_app(settings, hub=hub, token=token)
        reads = "open" if settings.open_reads else "private (token needed)"
        where = f"http://{'[' + settings.host + ']' if ':' in settings.host else settings.host}:{settings.port}/"
        click.echo(f"serving {settings.db} at {where} (reads {reads}); Ctrl-C stops", err=True)
        config = uvicorn.Config(
            app,
            host=settings.host,
            port=settings.port,
            access_log=access_log,
            server_header=False,
            proxy_headers=False,
            log_level="info",
        )
        try:
            uvicorn.Server(config).run()
        except KeyboardInterrupt:  # uvicorn shut down cleanly, then passed the Ctrl-C on
            click.echo("stopped", err=True)

    _run(go)
