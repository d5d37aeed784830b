"""Contracts of the summarize stage: a story's summary, every sentence citing its sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..compare.base import Comparison, Span
from ..compare.comparer import CompareInput

__all__ = ["Summarizer", "Summary", "SummarySentence"]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence and the spans that support it.

    ``sources`` counts independent sources; a sentence only one outlet reports cites only that
    outlet, so it never reads as if all agreed.
    """

    text: str
    support: tuple[Span, ...]
    sources: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "sources": self.sources, "support": [s.to_json() for s in self.support]}


@dataclass(frozen=True, slots=True)
class Summary:
    label: str
    sentences: tuple[SummarySentence, ...]
    version: str

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "summary": [s.to_json() for s in self.sentences], "version": self.version}


class Summarizer(Protocol):
    """Summarises one story from its articles and their comparison."""

    name: str

    def summarize(self, inputs: Sequence[CompareInput], comparison: Comparison, *, words: int = 100) -> Summary: ...
