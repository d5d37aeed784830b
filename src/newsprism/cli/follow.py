"""``newsprism feeds add|list|remove`` and ``newsprism watch``: thin adapters over :mod:`newsprism.follow`."""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from ..errors import NewsprismError

if TYPE_CHECKING:
    from ..follow.watch import WatchEvent
    from ..store.feeds import Feed
    from .main import _State

__all__ = ["feeds", "register", "watch"]


def register(cli: click.Group) -> None:
    """Add the commands of this module to the ``newsprism`` group."""
    cli.add_command(feeds)
    cli.add_command(watch)


@click.group()
def feeds() -> None:
    """The feeds newsprism follows (polled by `newsprism watch`).

    \b
    Examples:
      newsprism feeds add https://example.com/rss.xml --group "US, left"
      newsprism feeds add subscriptions.opml            # every feed of an OPML file
      newsprism feeds list --json
      newsprism feeds remove https://example.com/rss.xml
    """


@feeds.command("add")
@click.argument("sources", nargs=-1, required=True)
@click.option("--group", "group", help="Label of these feeds (country, language, lean ...) shown with their stories.")
@click.option("--json", "as_json", is_flag=True, help="Print what was added as JSON.")
@click.pass_obj
def feeds_add(state: _State, sources: tuple[str, ...], group: str | None, as_json: bool) -> None:
    """Follow feeds: RSS/Atom URLs, or OPML files (each feed with --group, else its OPML folder).

    A feed already followed keeps its history; --group changes its label.  Nothing is fetched
    now: a feed is checked on its first poll (`newsprism watch --once`).
    """
    from ..follow.registry import add_sources
    from ..store.feeds import FeedStore
    from .main import _ROLLED_BACK, _run

    def go() -> int:
        with state.engine() as engine:
            report = add_sources(FeedStore(_sqlite(engine.store)), sources, group=group)
        for rej in report.rejections:
            click.echo(f"skipped {rej.line()}", err=True)
        if as_json:
            out = {
                "added": [f.to_json() for f in report.added],
                "known": [f.to_json() for f in report.known],
                "skipped": [{"source": r.origin, "reason": r.reason, "message": r.message} for r in report.rejections],
            }
            click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        else:
            click.echo(report.summary())
        return 1 if not report.added and not report.known else 0

    _run(go, interrupted=_ROLLED_BACK)


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of feeds with their state).")
@click.option("--opml", "as_opml", is_flag=True, help="Print an OPML document (groups as folders).")
@click.pass_obj
def feeds_list(state: _State, as_json: bool, as_opml: bool) -> None:
    """List the followed feeds: group, URL, title, last poll and failures."""
    from ..follow.registry import export_opml
    from ..store.feeds import FeedStore
    from .main import _run

    if as_json and as_opml:
        raise click.UsageError("--json and --opml: choose one")

    def go() -> None:
        with state.reader("newsprism feeds add URL") as engine:
            found = FeedStore(_sqlite(engine.store)).feeds()
        if as_opml:
            click.echo(export_opml(found), nl=False)
        elif as_json:
            click.echo(json.dumps([f.to_json() for f in found], indent=2, ensure_ascii=False))
        else:
            _feeds_table(found)

    _run(go)


@feeds.command("remove")
@click.argument("urls", nargs=-1, required=True)
@click.pass_obj
def feeds_remove(state: _State, urls: tuple[str, ...]) -> None:
    """Stop following feeds (their articles stay)."""
    from ..follow.registry import remove_feeds
    from ..store.feeds import FeedStore
    from .main import _run

    def go() -> int:
        with state.reader("newsprism feeds add URL") as engine:
            removed, unknown = remove_feeds(FeedStore(_sqlite(engine.store)), urls)
        for url in unknown:
            click.echo(f"not followed: {url}", err=True)
        click.echo(f"removed {len(removed)} feed{'' if len(removed) == 1 else 's'}")
        return 1 if unknown and not removed else 0

    _run(go)


def _sqlite(store: Any) -> Any:
    from ..store.sqlite import SQLiteStore

    if not isinstance(store, SQLiteStore):
        raise NewsprismError("feeds need the SQLite store")
    return store


def _feeds_table(found: list[Feed]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False, highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 200)  # piped: whole URLs rather than folded ones
    if not found:
        console.print("no feeds followed: add one with `newsprism feeds add URL`")
        return
    table = Table(box=None, pad_edge=False)
    for name in ("group", "url", "title", "last poll", "articles", "status"):
        table.add_column(name, justify="right" if name == "articles" else "left", no_wrap=name == "url")
    for f in found:
        status = "ok" if f.last_error is None else f"failing ×{f.failures}: {f.last_error}"
        if f.last_polled is None:
            status = "not polled yet"
        table.add_row(f.group or "", f.url, f.title or "", (f.last_polled or "")[:16], str(f.articles), status)
    console.print(table)


# --- watch ------------------------------------------------------------------------------------------


class _Status:
    """A live status line on a terminal (rich); one log line per poll, failure and write otherwise."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty() and not quiet
        self._live: Any = None
        self._last = 0.0
        if self.tty:
            from rich.console import Console
            from rich.live import Live
            from rich.text import Text

            self._text = Text
            self._console = Console(stderr=True, highlight=False)
            self._live = Live(Text("starting ..."), console=self._console, transient=True, refresh_per_second=4)
            self._live.start()

    def __call__(self, event: WatchEvent) -> None:
        s = event.stats
        if self.tty:
            if event.kind in ("failed", "skip"):
                self._console.print(event.message, markup=False)
            now = time.monotonic()
            if now - self._last > 0.2 or event.kind == "idle":
                self._last = now
                waiting = f" · next poll in {event.wait:.0f} s" if event.kind == "idle" else ""
                line = (
                    f"watching {s.feeds} feeds · polled {s.polls} · pages {s.pages} · ingested {s.ingested}"
                    f" · duplicates {s.duplicates} · skipped {sum(s.skipped.values())} · failing {len(s.failing)}"
                    + waiting
                )
                self._live.update(self._text(line))
        elif not self.quiet and event.kind in ("poll", "failed", "skip", "write"):
            click.echo(f"{time.strftime('%H:%M:%S')} {event.message}", err=True)

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()


@click.command()
@click.option("--once", is_flag=True, help="Poll every due feed once, store what was found, and exit (cron, tests).")
@click.option(
    "--interval",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds between two polls of a feed [default: the poll_interval setting, 900].",
)
@click.option(
    "--now",
    "poll_now",
    is_flag=True,
    help="Poll every feed at the start, also those not due yet (a failing feed waits up to a day otherwise).",
)
@click.option("--json", "as_json", is_flag=True, help="At the end, print the counts as JSON on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="No status line and no per-feed lines; only the final summary.")
@click.pass_obj
def watch(state: _State, once: bool, interval: float | None, poll_now: bool, as_json: bool, quiet: bool) -> None:
    """Poll the followed feeds and ingest every new article as it appears.

    Conditional requests (ETag, Last-Modified), one request at a time per host with a delay
    (--host-delay), robots.txt obeyed, at most --fetch-concurrency requests in flight, retries with
    backoff; a failing feed is retried later without holding up the others.  Ctrl-C or SIGTERM
    stops after storing what was already fetched.  Private and loopback addresses are refused
    unless --allow-private is given (before the command: `newsprism --allow-private watch`).
    """
    from ..follow.watch import Watcher
    from .main import _ROLLED_BACK, _run

    def go() -> int:
        with state.reader("newsprism feeds add URL") as engine:
            status = _Status(quiet=quiet or as_json)
            try:
                watcher = Watcher(engine, interval=interval, on_event=status)
                if watcher.feeds.count() == 0:
                    click.echo("no feeds followed: add some with `newsprism feeds add URL`", err=True)
                    return 1
                stats = watcher.run(once=once, now=poll_now)
            finally:
                status.close()
        if as_json:
            click.echo(json.dumps(stats.to_json(), indent=2))
        else:
            click.echo(stats.summary())
        return 1 if once and stats.polls == 0 and stats.failed_polls > 0 else 0

    _run(go, interrupted=_ROLLED_BACK)
