"""Feeds and feed lists: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom and OPML, parsed without entity expansion.

XML is parsed with ``defusedxml``: a document that declares entities (billion laughs, external
entities, XXE) is refused (:class:`~newsprism.errors.UnsupportedInput`, reason ``unsafe-xml``)
before anything is expanded, and no DTD or external resource is ever loaded.  Feeds in the wild
are often not well-formed: HTML named entities (``&nbsp;`` in RSS 0.91) are turned into character
references and bare ``&`` escaped first, and a document that is still malformed is read by lxml's recovering parser with
entity resolution and network access off.

Links are made absolute (``xml:base``, else the feed's own URL); dates are RFC 822 with or
without a valid day name and zone, ISO 8601, or whatever :func:`~newsprism.ingest.dates.parse_date`
reads; entries come newest first (undated ones last, in document order).
"""

from __future__ import annotations

import html as htmllib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from ..errors import ParseError, UnsupportedInput
from .dates import parse_date
from .parsers import decode_bytes
from .urls import resolve_url

__all__ = ["FeedEntry", "FeedOutline", "ParsedFeed", "is_opml", "parse_feed", "parse_opml", "parse_xml"]

logger = logging.getLogger(__name__)

_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_ENTITY_REF = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_TAGS = re.compile(r"<[^<>]*>")  # never past another "<": linear on text full of "<"
_BARE_AMPERSAND = re.compile(r"&(?!#\d+;|#x[0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed.  ``url`` is absolute but not normalised."""

    url: str
    title: str | None = None
    published: datetime | None = None
    summary: str | None = None
    guid: str | None = None
    content: str | None = None  # the entry's text as the feed gives it (HTML), when it does
    full: bool = False  # ``content`` is the full text (content:encoded, an Atom content), not a summary


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    kind: str  # rss | rdf | atom
    title: str | None
    link: str | None  # the site's home page
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True, slots=True)
class FeedOutline:
    """A feed listed in an OPML file; ``group`` is its folder (or ``category``) when it has one."""

    url: str
    title: str | None = None
    group: str | None = None


# --- XML ------------------------------------------------------------------------------------------


def _local(tag: Any) -> str:
    if not isinstance(tag, str):  # comments and processing instructions (lxml)
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _html_entities_to_refs(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES:
            return m.group(0)
        char = htmllib.unescape(m.group(0))
        return f"&#{ord(char)};" if len(char) == 1 and char != m.group(0) else m.group(0)

    return _ENTITY_REF.sub(fix, text)


# character references to UTF-16 surrogates (D800-DFFF, 55296-57343)
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5(?:529[6-9]|5[3-9]\d\d|6\d{3}|7[0-2]\d\d|73[0-3]\d|734[0-3]));"
)


def parse_xml(data: bytes) -> Any:
    """The root element of an XML document, parsed safely (see the module docstring).

    Raises :class:`UnsupportedInput` (``unsafe-xml``) for entity declarations and
    :class:`ParseError` (``malformed``) for a document nothing can read.
    """
    import defusedxml.ElementTree as safe_et
    from defusedxml import DefusedXmlException

    data = _SURROGATE_REF.sub(b"&#xFFFD;", data)  # "&#xD800;" names no character: reading it fails later
    try:
        return safe_et.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsupportedInput(
            f"XML with entity declarations refused ({type(exc).__name__})", reason="unsafe-xml"
        ) from exc
    except Exception as exc:  # ParseError and its cousins: try harder below
        first = exc
    text = decode_bytes(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    fixed = _BARE_AMPERSAND.sub("&amp;", _html_entities_to_refs(text)).encode("utf-8")
    try:
        return safe_et.fromstring(fixed, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsupportedInput(
            f"XML with entity declarations refused ({type(exc).__name__})", reason="unsafe-xml"
        ) from exc
    except Exception:
        pass
    if re.search(rb"<!ENTITY", data, re.IGNORECASE):
        raise UnsupportedInput("XML with entity declarations refused", reason="unsafe-xml")
    from lxml import etree

    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(fixed, parser)
    except etree.LxmlError as exc:
        raise ParseError(f"malformed XML: {first}", reason="malformed") from exc
    if root is None:
        raise ParseError(f"malformed XML: {first}", reason="malformed")
    logger.debug("recovered malformed XML (%s)", first)
    return root


def _children(el: Any, name: str) -> Iterator[Any]:
    for child in el:
        if _local(child.tag) == name:
            yield child


def _child(el: Any, *names: str) -> Any | None:
    for name in names:
        for child in _children(el, name):
            return child
    return None


def _text(el: Any | None) -> str | None:
    if el is None:
        return None
    text = "".join(el.itertext()).strip()
    return re.sub(r"\s+", " ", text) or None


def _child_text(el: Any, *names: str) -> str | None:
    for name in names:
        for child in _children(el, name):
            value = _text(child)
            if value:
                return value
    return None


_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|blockquote|tr|section|article))\s*>")


_SCRIPT = re.compile(r"(?is)<(script|style|noscript|template)\b.*?(?:</\1\s*>|\Z)")


def entry_text(html: str | None) -> str | None:
    """A feed entry's content as plain text, one paragraph a line (tags dropped, entities decoded);
    it is never fetched or run."""
    if not html:
        return None
    html = _SCRIPT.sub(" ", html)
    lines = (_plain(part) for part in _BLOCK_END.split(html))
    return "\n".join(line for line in lines if line) or None


def _plain(value: str | None) -> str | None:
    """Feed titles and summaries may hold escaped HTML: tags dropped, entities decoded."""
    if value is None:
        return None
    return re.sub(r"\s+", " ", htmllib.unescape(_TAGS.sub(" ", value))).strip() or None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    text = re.sub(r"\s+", " ", value).strip()
    try:
        found = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        found = None
    if found is None:  # "Mon, 5 Feb 2024 10:00 PST" without seconds, odd day names ...
        try:
            found = parsedate_to_datetime(re.sub(r"^[A-Za-z]+,?\s*", "", text))
        except (TypeError, ValueError, IndexError):
            found = None
    if found is not None:
        return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)
    return parse_date(text)


def _base(el: Any, inherited: str) -> str:
    declared = el.get(_XML_BASE)
    return resolve_url(inherited, declared) if declared else inherited


# --- feeds ----------------------------------------------------------------------------------------


def parse_feed(data: bytes, *, url: str, every_entry: bool = False) -> ParsedFeed:
    """Parse an RSS, RDF or Atom document fetched from ``url``: its entries with a link, one per
    link, newest first; with ``every_entry`` (a saved file read for its articles) every entry in the
    document's order, those without a link (``url`` empty) and repeated links included.

    Raises :class:`ParseError` (``malformed``, or ``not-a-feed`` for other XML such as OPML) and
    :class:`UnsupportedInput` (``unsafe-xml``).
    """
    feed = _parse_feed(data, url)
    if every_entry:
        return feed
    linked = [e for e in feed.entries if e.url]
    return replace(feed, entries=_newest_first(list(_one_per_link(linked))))


def _parse_feed(data: bytes, url: str) -> ParsedFeed:
    root = parse_xml(data)
    name = _local(root.tag)
    if name == "rss":
        channel = _child(root, "channel")
        if channel is None:
            raise ParseError("RSS without a channel", url=url, reason="malformed")
        return _rss(channel, list(_children(channel, "item")), url, "rss")
    if name == "rdf":
        channel = _child(root, "channel")
        return _rss(channel if channel is not None else root, list(_children(root, "item")), url, "rdf")
    if name == "feed":
        return _atom(root, url)
    if name == "channel":  # an RSS 0.9x fragment without <rss>
        return _rss(root, list(_children(root, "item")), url, "rss")
    raise ParseError(f"not a feed (root element <{name}>)", url=url, reason="not-a-feed")


def _rss(channel: Any, items: list[Any], url: str, kind: str) -> ParsedFeed:
    base = _base(channel, url)
    link = _child_text(channel, "link")
    entries: list[FeedEntry] = []
    for item in items:
        item_base = _base(item, base)
        guid_el = _child(item, "guid")
        guid = _text(guid_el)
        href = _child_text(item, "link")
        if not href:
            about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            permalink = guid_el is not None and (guid_el.get("isPermaLink") or "true").lower() != "false"
            href = about or (guid if permalink and guid and re.match(r"(?i)https?://|/", guid) else None)
        full = _child_text(item, "encoded")
        entries.append(
            FeedEntry(
                url=resolve_url(item_base, href) if href else "",
                title=_plain(_child_text(item, "title")),
                published=_date(_child_text(item, "pubdate", "date", "published", "issued", "modified", "updated")),
                summary=_plain(_child_text(item, "description", "summary", "encoded")),
                guid=guid,
                content=full or _child_text(item, "description"),
                full=full is not None,
            )
        )
    return ParsedFeed(kind, _plain(_child_text(channel, "title")), resolve_url(base, link) if link else None,
                      tuple(entries))  # fmt: skip


def _atom_link(el: Any, base: str) -> str | None:
    best: tuple[int, str] | None = None
    for link in _children(el, "link"):
        href = (link.get("href") or "").strip()
        if not href:
            continue
        rel = (link.get("rel") or "alternate").lower()
        kind = (link.get("type") or "").lower()
        rank = (
            0
            if rel == "alternate" and kind in ("", "text/html", "application/xhtml+xml")
            else 1
            if rel == "alternate"
            else 2
        )
        if rel in ("self", "edit", "replies", "enclosure", "hub", "license"):
            continue
        if best is None or rank < best[0]:
            best = (rank, resolve_url(_base(link, base), href))
    return best[1] if best else None


def _atom(root: Any, url: str) -> ParsedFeed:
    base = _base(root, url)
    entries: list[FeedEntry] = []
    for entry in _children(root, "entry"):
        entry_base = _base(entry, base)
        href = _atom_link(entry, entry_base)
        guid = _child_text(entry, "id")
        if not href and guid and re.match(r"(?i)https?://", guid):
            href = guid
        full = _atom_content(_child(entry, "content"))
        entries.append(
            FeedEntry(
                url=href or "",
                title=_plain(_child_text(entry, "title")),
                published=_date(_child_text(entry, "published", "issued", "updated", "modified", "created")),
                summary=_plain(_child_text(entry, "summary", "content")),
                guid=guid,
                content=full or _atom_content(_child(entry, "summary")),
                full=full is not None,
            )
        )
    return ParsedFeed("atom", _plain(_child_text(root, "title")), _atom_link(root, base), tuple(entries))


def _one_per_link(entries: list[FeedEntry]) -> tuple[FeedEntry, ...]:
    return tuple(list({e.url: e for e in reversed(entries)}.values())[::-1])  # first of each URL, in order


_XHTML_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 blockquote tr section article br ul ol table".split())
_XHTML_SKIP = frozenset(("script", "style", "noscript", "template"))


def _atom_content(el: Any | None) -> str | None:
    """An Atom text construct as HTML for :func:`entry_text`: ``type="html"`` is escaped HTML
    already; ``type="xhtml"`` is markup (its paragraphs kept apart, scripts left out); text (the
    default) is escaped, its line breaks kept."""
    if el is None:
        return None
    kind = (el.get("type") or "text").lower()
    if kind in ("html", "text/html"):
        return _text(el)
    if kind == "xhtml" or kind.endswith(("/xhtml+xml", "+xml")):
        parts: list[str] = []
        # depth first with a stack of its own: a deeply nested page cannot exhaust Python's
        stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(list(el))]
        while stack:
            node, closing = stack.pop()
            name = _local(node.tag) if isinstance(node.tag, str) else ""
            if closing:
                if name in _XHTML_BLOCKS:
                    parts.append("<br>")
                parts.append(htmllib.escape(node.tail or ""))
                continue
            if name in _XHTML_SKIP:
                parts.append(htmllib.escape(node.tail or ""))
                continue
            parts.append(htmllib.escape(node.text or ""))
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node)))
        return "".join(parts).strip() or None
    text = "".join(el.itertext()).strip()
    return htmllib.escape(text).replace("\n", "<br>") or None


def _newest_first(entries: list[FeedEntry]) -> tuple[FeedEntry, ...]:
    dated = sorted((e for e in entries if e.published), key=lambda e: e.published or datetime.min, reverse=True)
    return (*dated, *(e for e in entries if not e.published))


# --- OPML -----------------------------------------------------------------------------------------


def is_opml(data: bytes) -> bool:
    """True when the document's root element looks like ``<opml>`` (cheap check on the first bytes)."""
    return re.search(rb"<opml[\s>]", data[:4096], re.IGNORECASE) is not None


def parse_opml(data: bytes, *, base: str | None = None) -> list[FeedOutline]:
    """Every feed of an OPML document (nested outlines included), each once, in document order.

    The group of a feed is the text of the folder outline holding it, else its ``category``
    attribute's first entry.
    """
    root = parse_xml(data)
    if _local(root.tag) != "opml":
        name = _local(root.tag)
        hint = "; to ingest a saved feed's entries: newsprism ingest FILE" if name in ("rss", "feed", "rdf") else ""
        raise ParseError(f"not an OPML document (root element <{name}>){hint}", reason="not-a-feed")
    body = _child(root, "body")
    found: dict[str, FeedOutline] = {}

    def walk(el: Any, folder: str | None) -> None:
        for outline in _children(el, "outline"):
            attrs = {k.lower(): (v or "").strip() for k, v in outline.attrib.items()}
            label = _plain(attrs.get("title") or attrs.get("text"))
            href = attrs.get("xmlurl")
            if href:
                url = resolve_url(base, href) if base else href
                category = attrs.get("category", "").split(",")[0].strip().strip("/") or None
                if url not in found:
                    found[url] = FeedOutline(url=url, title=label, group=folder or category)
            walk(outline, label if not href and label else folder)

    if body is not None:
        walk(body, None)
    return list(found.values())
