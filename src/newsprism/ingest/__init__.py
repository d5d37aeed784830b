"""The ingest stage: command-line inputs to clean :class:`~newsprism.model.Article` records.

``sources`` expands files, folders, globs and stdin; ``parsers`` turn bytes into drafts;
``clean`` (with ``boilerplate``, ``dates`` and an HTML extractor from ``html``) turns drafts into
articles; ``reader`` composes them.  Heavy dependencies (trafilatura, py3langid) load on first use.
"""

from __future__ import annotations

from .base import Extracted, HtmlExtractor, LanguageDetector, Parser
from .clean import Cleaner, content_hash, normalise_text
from .dates import find_dateline, is_dateline, parse_date
from .html import TrafilaturaExtractor
from .parsers import HtmlParser, JsonlParser, JsonParser, TextParser, parser_for
from .reader import build_cleaner, parse_input, read_articles
from .sources import InputItem, iter_inputs, sniff_kind

__all__ = [
    "Cleaner",
    "Extracted",
    "HtmlExtractor",
    "HtmlParser",
    "InputItem",
    "JsonParser",
    "JsonlParser",
    "LanguageDetector",
    "Parser",
    "TextParser",
    "TrafilaturaExtractor",
    "build_cleaner",
    "content_hash",
    "find_dateline",
    "is_dateline",
    "iter_inputs",
    "normalise_text",
    "parse_date",
    "parse_input",
    "parser_for",
    "read_articles",
    "sniff_kind",
]
