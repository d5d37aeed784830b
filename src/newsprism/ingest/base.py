"""Contracts of the ingest stage.

An *input* (a file, a line of a JSONL file, stdin) is read into bytes, a :class:`Parser` turns the
bytes into :class:`~newsprism.model.Draft` records (or :class:`~newsprism.model.Rejection` for a bad
record), and the cleaner turns each draft into an :class:`~newsprism.model.Article`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..model import Draft, Rejection

__all__ = ["Extracted", "HtmlExtractor", "LanguageDetector", "Parser"]


class Parser(Protocol):
    """Turns the bytes of one input into drafts; a bad record becomes a rejection, not an exception."""

    def parse(self, data: bytes, *, origin: str) -> Iterator[Draft | Rejection]: ...


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an HTML extractor found in a page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # as found; the cleaner parses it
    site_name: str | None = None
    url: str | None = None  # canonical URL when the page declares one
    language: str | None = None


class HtmlExtractor(Protocol):
    def extract(self, html: str, *, url: str | None = None) -> Extracted | None: ...


class LanguageDetector(Protocol):
    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, or ``None`` when unsure."""
        ...
