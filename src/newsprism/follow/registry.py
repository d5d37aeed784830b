"""The user's feeds: add (URLs or OPML files), list, remove, export as OPML.

>>> from newsprism.store.sqlite import SQLiteStore
>>> from newsprism.store.feeds import FeedStore
>>> feeds = FeedStore(SQLiteStore(":memory:"))
>>> result = add_sources(feeds, ["https://example.com/rss.xml"], group="us")
>>> [(f.url, f.group) for f in feeds.feeds()]
[('https://example.com/rss.xml', 'us')]
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from ..errors import IngestError
from ..ingest.feeds import parse_opml
from ..ingest.urls import is_url
from ..model import Rejection
from ..store.feeds import Feed, FeedStore

__all__ = ["AddReport", "add_sources", "export_opml", "remove_feeds"]

logger = logging.getLogger(__name__)

MAX_OPML_BYTES = 5_000_000


@dataclass(slots=True)
class AddReport:
    added: list[Feed] = field(default_factory=list)
    known: list[Feed] = field(default_factory=list)  # already followed (group updated when one was given)
    rejections: list[Rejection] = field(default_factory=list)

    def summary(self) -> str:
        line = f"added {len(self.added)} feed{'' if len(self.added) == 1 else 's'}, {len(self.known)} already followed"
        if self.rejections:
            line += f", skipped {len(self.rejections)}"
        return line


def add_sources(feeds: FeedStore, sources: Sequence[str], *, group: str | None = None) -> AddReport:
    """Follow each source: an http(s) feed URL, or an OPML file whose feeds are all added (each
    with ``group``, else its OPML folder).  Nothing is fetched: a feed is checked on its first poll.
    All sources are added in one transaction."""
    report = AddReport()
    with feeds.transaction():
        for source in sources:
            if is_url(source):
                _add(feeds, report, source, title=None, group=group)
                continue
            if not os.path.isfile(source):
                report.rejections.append(Rejection(source, "not-found", "neither an http(s) URL nor an OPML file"))
                continue
            try:
                if os.path.getsize(source) > MAX_OPML_BYTES:
                    raise IngestError(f"over {MAX_OPML_BYTES} bytes", path=source, reason="too-large")
                with open(source, "rb") as stream:
                    outlines = parse_opml(stream.read())
            except IngestError as exc:
                report.rejections.append(Rejection(source, exc.reason, exc.message))
                continue
            except OSError as exc:
                report.rejections.append(Rejection(source, "unreadable", exc.strerror or str(exc)))
                continue
            if not outlines:
                report.rejections.append(Rejection(source, "empty", "no feed in this OPML file"))
            for outline in outlines:
                if not is_url(outline.url):
                    report.rejections.append(Rejection(f"{source}: {outline.url}", "bad-url", "not an http(s) URL"))
                    continue
                _add(feeds, report, outline.url, title=outline.title, group=group or outline.group)
    return report


def _add(feeds: FeedStore, report: AddReport, url: str, *, title: str | None, group: str | None) -> None:
    feed, created = feeds.add(url, title=title, group=group)
    (report.added if created else report.known).append(feed)


def remove_feeds(feeds: FeedStore, urls: Sequence[str]) -> tuple[list[str], list[str]]:
    """Stop following feeds: ``(removed, unknown)``.  Their articles stay, with their group."""
    removed: list[str] = []
    unknown: list[str] = []
    with feeds.transaction():
        for url in urls:
            (removed if feeds.remove(url) else unknown).append(url)
    return removed, unknown


def export_opml(feeds: Sequence[Feed], *, title: str = "newsprism feeds") -> str:
    """An OPML 2.0 document of ``feeds``, one folder per group."""
    groups: dict[str | None, list[Feed]] = {}
    for feed in feeds:
        groups.setdefault(feed.group, []).append(feed)

    def outline(feed: Feed, indent: str) -> str:
        text = quoteattr(feed.title or feed.url)
        return f'{indent}<outline type="rss" text={text} title={text} xmlUrl={quoteattr(feed.url)}/>'

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>{_escape(title)}</title></head>", "  <body>"]  # fmt: skip
    for group, members in groups.items():
        if group is None:
            lines.extend(outline(f, "    ") for f in members)
            continue
        lines.append(f"    <outline text={quoteattr(group)} title={quoteattr(group)}>")
        lines.extend(outline(f, "      ") for f in members)
        lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
