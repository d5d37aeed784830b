"""Contracts of the summarize stage: a story's summary, every sentence citing its sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..compare.base import Comparison, ConflictSide, Span
from ..compare.comparer import CompareInput

__all__ = ["Summarizer", "Summary", "SummarySentence"]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence and the spans that support it.

    ``sources`` counts independent sources; a sentence only one outlet reports cites only that
    outlet, so it never reads as if all agreed.  ``language``: the language of ``text`` when the
    story has sources in several (a sentence worded in the display language where a source in it
    reports the fact; otherwise in its own).  ``disputed``: the other values other sources give
    for a number or date of the sentence (the comparison's conflicts); those sources are not cited.
    """

    text: str
    support: tuple[Span, ...]
    sources: int
    language: str | None = None
    disputed: tuple[ConflictSide, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "sources": self.sources,
            "support": [s.to_json() for s in self.support],
        }
        if self.language is not None:
            out["language"] = self.language
        if self.disputed:
            out["disputed"] = [d.to_json() for d in self.disputed]
        return out


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
