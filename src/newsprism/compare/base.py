"""Contracts and value objects of the compare stage.

Everything a comparison reports points back into the articles' stored clean text with character
spans (``start`` inclusive, ``end`` exclusive), so every claim can be checked against its source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = [
    "Comparison",
    "Conflict",
    "ConflictSide",
    "Entity",
    "Fact",
    "Quote",
    "QuoteVariant",
    "Sentence",
    "Source",
    "Span",
    "Statement",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's clean text."""

    article: str  # the article's external id
    start: int
    end: int
    text: str | None = None  # the spanned text, for readers of the JSON

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"article": self.article, "start": self.start, "end": self.end}
        if self.text is not None:
            out["text"] = self.text
        return out


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (words in quotation marks) or reported speech, with its speaker.

    ``speaker`` is the resolved name ("Antony Blinken", "a senior State Department official");
    ``speaker_start``/``speaker_end`` is the mention next to the cue ("he", "Blinken"), when one
    is in the text.  ``kind`` is ``direct`` or ``reported``.
    """

    article: str
    text: str
    start: int
    end: int
    speaker: str | None
    kind: str = "direct"
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the speech verb or phrase ("said", "according to")
    shared: bool = False  # another independent source carries the same quote (maybe worded differently)
    # the same quote in the display language, from a translated copy of this quote's article, when
    # this one is in another language (a Russian original's quote, shown by its English translation)
    translation: Quote | None = None

    def to_json(self) -> dict[str, Any]:
        out = {
            "speaker": self.speaker,
            "text": self.text,
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue,
            "shared": self.shared,
            "speaker_span": None
            if self.speaker_start is None
            else {"start": self.speaker_start, "end": self.speaker_end},
        }
        if self.translation is not None:
            t = self.translation
            out["translation"] = {
                "speaker": t.speaker,
                "text": t.text,
                "article": t.article,
                "start": t.start,
                "end": t.end,
            }
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place named in the story, with mentions per source."""

    name: str
    kind: str  # person | organisation | place | other
    mentions: dict[str, int] = field(default_factory=dict)  # article external id -> count

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "mentions": dict(sorted(self.mentions.items()))}


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence (or clause) of one source, the unit that facts are aligned from."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One piece of information and every source that reports it (``support``)."""

    text: str
    support: tuple[Span, ...]
    sources: int  # independent sources among the support (copies of one original count once)
    kind: str = "statement"  # statement (aligned sentences) | detail (a shared time, place or number)
    language: str | None = None  # language of ``text`` (the display language when a source has it)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "language": self.language,
            "kind": self.kind,
            "sources": self.sources,
            "support": [s.to_json() for s in self.support],
        }


@dataclass(frozen=True, slots=True)
class ConflictSide:
    article: str
    start: int
    end: int
    value: str  # the differing value as written ("in the coming months", "$1.2bn")
    normalized: str | None = None  # comparable form ("1200000000", "2021-05")

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "normalized": self.normalized,
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    """Aligned statements that disagree: ``kind`` is number, date, actor, or framing."""

    kind: str
    topic: str  # what they disagree about ("Biden-Putin summit", "Nord Stream 2")
    sides: tuple[ConflictSide, ...]
    context: tuple[Span, ...] = ()  # the aligned statements

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "topic": self.topic,
            "sides": [s.to_json() for s in self.sides],
            "context": [c.to_json() for c in self.context],
        }


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """The same quote from the same speaker, worded differently across sources."""

    speaker: str | None
    quotes: tuple[Quote, ...]
    diff: tuple[tuple[str, str], ...]  # (op, words): op is "=", "-" (only in first), "+" (only in second)
    translated: bool = False  # the quotes are in different languages (no word diff then)

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "quotes": [q.to_json() for q in self.quotes],
            "diff": [{"op": op, "text": text} for op, text in self.diff],
            "translated": self.translated,
        }


def source_names(sources: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """How each source is named to a reader: its outlet; else, for a copy, its original's name and
    the copy's language ("vesti (en copy)", numbered when several: "vesti (en copy 2)"); else the
    host of its URL; else its article id.  ``sources``: mappings with ``article`` and optionally
    ``outlet``, ``url``, ``language`` and ``copy_of``."""
    rows = {str(s["article"]): s for s in sources}
    names: dict[str, str] = {}
    for article, s in rows.items():
        if s.get("outlet"):
            names[article] = str(s["outlet"])
        elif host := _host(s.get("url")):
            names[article] = host
    copies: dict[str, int] = {}
    for article, s in rows.items():
        if article in names:
            continue
        root, seen = s.get("copy_of"), {article}
        while root in rows and rows[root].get("copy_of") and root not in seen:
            seen.add(root)
            root = rows[root]["copy_of"]
        if root in rows and root != article and (root_name := names.get(root) or root):
            language = s.get("language")
            kind = f"{language} copy" if language and language != rows[root].get("language") else "copy"
            key = f"{root_name} ({kind}"
            copies[key] = copies.get(key, 0) + 1
            names[article] = f"{key} {copies[key]})" if copies[key] > 1 else f"{key})"
        else:
            names.setdefault(article, article)
    return names


def _host(url: object) -> str | None:
    if not isinstance(url, str) or "://" not in url:
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0].lower()
    return host.removeprefix("www.") or None


@dataclass(frozen=True, slots=True)
class Source:
    article: str
    outlet: str | None
    title: str
    url: str | None = None
    language: str | None = None
    copy_of: str | None = None
    name: str | None = None  # how a reader sees it named (``source_names``)

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "name": self.name or self.outlet or self.article,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "language": self.language,
            "copy_of": self.copy_of,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    story: int | None
    sources: tuple[Source, ...]
    facts: tuple[Fact, ...]
    unique: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    quotes: tuple[Quote, ...]
    quote_variants: tuple[QuoteVariant, ...]
    entities: tuple[Entity, ...]
    version: str = ""
    display_language: str | None = None
    omitted: int = 0  # articles of the story left out: past the first MAX_COMPARE_SOURCES

    @classmethod
    def facts_from_json(cls, data: Mapping[str, Any]) -> Comparison:
        """The sources, facts, unique statements and differences of a comparison's JSON (what a
        summary is made from), so a cached comparison serves summaries of any length without being
        computed again; quotes, quote variants and entities are left empty."""

        def span(x: Mapping[str, Any]) -> Span:
            return Span(str(x["article"]), int(x["start"]), int(x["end"]), x.get("text"))

        def fact(x: Mapping[str, Any]) -> Fact:
            return Fact(
                text=str(x["text"]),
                support=tuple(span(s) for s in x.get("support", [])),
                sources=int(x.get("sources", 1)),
                kind=str(x.get("kind", "statement")),
                language=x.get("language"),
            )

        return cls(
            story=data.get("story"),
            sources=tuple(
                Source(
                    str(s["article"]),
                    s.get("outlet"),
                    str(s.get("title") or ""),
                    s.get("url"),
                    s.get("language"),
                    s.get("copy_of"),
                    s.get("name"),
                )
                for s in data.get("sources", [])
            ),
            facts=tuple(fact(f) for f in data.get("facts", [])),
            unique=tuple(fact(f) for f in data.get("unique", [])),
            conflicts=tuple(
                Conflict(
                    kind=str(c["kind"]),
                    topic=str(c.get("topic") or ""),
                    sides=tuple(
                        ConflictSide(
                            str(x["article"]), int(x["start"]), int(x["end"]), str(x["value"]), x.get("normalized")
                        )
                        for x in c.get("sides", [])
                    ),
                    context=tuple(span(x) for x in c.get("context", [])),
                )
                for c in data.get("conflicts", [])
            ),
            quotes=(),
            quote_variants=(),
            entities=(),
            version=str(data.get("version") or ""),
            display_language=data.get("display_language"),
            omitted=int(data.get("omitted") or 0),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "version": self.version,
            "display_language": self.display_language,
            "omitted": self.omitted,
            "sources": [s.to_json() for s in self.sources],
            "facts": [f.to_json() for f in self.facts],
            "unique": [f.to_json() for f in self.unique],
            "conflicts": [c.to_json() for c in self.conflicts],
            "quotes": [q.to_json() for q in self.quotes],
            "quote_variants": [v.to_json() for v in self.quote_variants],
            "entities": [e.to_json() for e in self.entities],
        }


class QuoteExtractor(Protocol):
    """Finds direct quotes and reported speech in one article's clean text."""

    name: str

    def quotes(self, article: str, text: str, *, language: str | None = None) -> list[Quote]: ...


class SentenceSplitter(Protocol):
    def split(self, text: str, *, language: str | None = None) -> list[Sentence]: ...
