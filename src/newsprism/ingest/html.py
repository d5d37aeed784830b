"""Main-text extraction from HTML pages with trafilatura (never fetches anything).

trafilatura is imported on first use so that ``import newsprism`` stays fast.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import ParseError
from .base import Extracted

__all__ = ["TrafilaturaExtractor"]

logger = logging.getLogger(__name__)


class TrafilaturaExtractor:
    """:class:`~newsprism.ingest.base.HtmlExtractor` backed by ``trafilatura.bare_extraction``.

    Comments and tables are left out; paragraphs are separated by ``"\\n"``.  ``url`` only helps
    trafilatura resolve metadata, it is never fetched.  Returns ``None`` when the page has no main
    text.  A crash inside trafilatura is raised as :class:`~newsprism.errors.ParseError` with reason
    ``extraction-failed`` (the cleaner turns it into a rejection).
    """

    # v2: the publication time of day too ("2021-05-19T10:00:00+0000"); v3: no date from a bare
    # year in the text ("founded in 1998")
    name = "trafilatura.v3"

    def __init__(self, *, favor_precision: bool = False, include_tables: bool = False) -> None:
        self.favor_precision = favor_precision
        self.include_tables = include_tables

    def extract(self, html: str, *, url: str | None = None) -> Extracted | None:
        import trafilatura  # lazy: heavy import (lxml, htmldate, courlan)
        from trafilatura.settings import set_date_params

        # trafilatura's own date settings, with the time of day kept where the page gives it
        dates = {**set_date_params(True), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
        try:
            document: Any = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                date_extraction_params=dates,
                include_comments=False,
                include_tables=self.include_tables,
                include_images=False,
                include_links=False,
                favor_precision=self.favor_precision,
            )
        except MemoryError:
            raise
        except Exception as exc:  # trafilatura raises assorted lxml/ValueError types on odd pages
            logger.warning("trafilatura failed on %s: %s", url or "<page>", exc, exc_info=True)
            raise ParseError(f"HTML extraction failed: {exc}", url=url, reason="extraction-failed") from exc
        if document is None:
            return None
        fields = document if isinstance(document, dict) else {k: getattr(document, k, None) for k in _FIELDS}
        text = _clean(fields.get("text"))
        if not text:
            return None
        published = _clean(fields.get("date"))
        if published is not None and _YEAR_ONLY.match(published):
            published = _marked_up_date(html, url, dates)
        return Extracted(
            text=text,
            title=_clean(fields.get("title")),
            author=_clean(fields.get("author")),
            published=published,
            site_name=_clean(fields.get("sitename")),
            url=_clean(fields.get("url")),
            language=_clean(fields.get("language")),
        )


_FIELDS = ("text", "title", "author", "date", "sitename", "url", "language")

# what trafilatura's extensive date search returns when all it found is a year in the text
# ("founded in 1998", "its highest level since 2008"): not a publication date
_YEAR_ONLY = re.compile(r"^\d{4}-01-01T00:00:00$")


def _marked_up_date(html: str, url: str | None, params: dict[str, Any]) -> str | None:
    """The page's date from its markup, metadata and URL only (no search of the text), or None."""
    from htmldate import find_date  # trafilatura's own date library

    try:
        found = find_date(html, url=url, **{**params, "extensive_search": False})
    except Exception:
        return None
    return _clean(found)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
