"""The composed ingest pipeline: inputs -> parsers -> cleaner -> articles or rejections.

:func:`read_articles` is the streaming, single-process path.  :func:`parse_input` does the work
for one :class:`~newsprism.ingest.sources.InputItem`; it is a plain module-level function over
picklable values, so an engine can run it in a process pool.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..errors import IngestError
from ..model import Article, Draft, Rejection
from ..settings import Settings
from .base import HtmlExtractor, LanguageDetector
from .clean import Cleaner
from .parsers import parser_for
from .sources import InputItem, iter_inputs

__all__ = ["build_cleaner", "parse_input", "read_articles"]

logger = logging.getLogger(__name__)


def build_cleaner(
    settings: Settings, *, extractor: HtmlExtractor | None = None, detector: LanguageDetector | None = None
) -> Cleaner:
    """A cleaner with the default stages (trafilatura, py3langid) unless others are injected."""
    if extractor is None:
        from .html import TrafilaturaExtractor

        extractor = TrafilaturaExtractor()
    if detector is None:
        from ..nlp.language import Py3LangidDetector

        detector = Py3LangidDetector()
    return Cleaner(extractor, detector, min_text_chars=settings.min_text_chars)


def parse_input(item: InputItem, cleaner: Cleaner) -> list[Article | Rejection]:
    """Parse and clean one input: one result per record, in input order."""
    try:
        parser = parser_for(item.kind, first_line=item.first_line)
    except IngestError as exc:
        return [Rejection(item.origin, exc.reason, exc.message)]
    results: list[Article | Rejection] = []
    for record in parser.parse(item.data, origin=item.origin):
        results.append(cleaner.clean(record) if isinstance(record, Draft) else record)
    return results


def read_articles(
    specs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    settings: Settings,
    extractor: HtmlExtractor | None = None,
    detector: LanguageDetector | None = None,
) -> Iterator[Article | Rejection]:
    """Every article (``id`` still ``None``) or rejection from the inputs named by ``specs``."""
    cleaner = build_cleaner(settings, extractor=extractor, detector=detector)
    for item in iter_inputs(specs, stdin=stdin, max_bytes=settings.max_input_bytes):
        if isinstance(item, Rejection):
            yield item
            continue
        yield from parse_input(item, cleaner)
