"""Differences between aligned statements: numbers, times, and framing.

Only statements already aligned into one fact are compared, so a difference is always about the
same piece of information:

- ``number``: both give a quantity of the same kind (same unit or counted noun) with different
  values ("ten diplomats" vs "12 diplomats"; words and digits compared as numbers);
- ``date``: both give a time for it and the times differ or cannot be the same ("in the coming
  months" vs "later this summer", "Tuesday" vs "Wednesday");
- ``framing``: both name the same thing but describe it in different words ("an Arctic Council
  summit" vs "the Arctic Council ministerial meeting"; "hold off on punishing the company
  overseeing Nord Stream 2" vs "the lifting of sanctions for Nord Stream 2").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..nlp.stopwords import function_words_for
from ..nlp.tokenize import stem
from .base import Conflict, ConflictSide, Span, Statement

__all__ = ["Annotated", "find_conflicts", "strip_time_of_day"]

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s[-–—]\s")
_CUES = re.compile(
    r"\b(?:said|says|saying|announced|announces|announcing|reported|reports|declared|stated|"
    r"confirmed|told|added|that|which|who|after|when|while|as)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class Time:
    start: int
    end: int
    text: str
    value: str | None
    description: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """A named thing in a statement (``name`` canonical) and where it is."""

    start: int
    end: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Annotated:
    """A statement with what the finders saw in it (offsets are absolute in the article text)."""

    statement: Statement
    group: str
    quantities: tuple[Quantity, ...] = ()
    times: tuple[Time, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    language: str | None = None


def _side(a: Annotated, start: int, end: int, value: str, normalized: str | None = None) -> ConflictSide:
    return ConflictSide(a.statement.article, start, end, value, normalized)


def _context(items: Sequence[Annotated]) -> tuple[Span, ...]:
    return tuple(Span(a.statement.article, a.statement.start, a.statement.end) for a in items)


def _number_conflicts(items: Sequence[Annotated]) -> list[Conflict]:
    out: list[Conflict] = []
    by_unit: dict[str, list[tuple[Annotated, Quantity]]] = {}
    for a in items:
        for q in a.quantities:
            if q.unit:
                by_unit.setdefault(q.unit, []).append((a, q))
    for unit, found in sorted(by_unit.items()):
        groups = {a.group for a, _ in found}
        values = {q.value for _, q in found}
        if len(groups) < 2 or len(values) < 2:
            continue
        # a difference only when no value is shared by every source group
        per_group: dict[str, set[float]] = {}
        for a, q in found:
            per_group.setdefault(a.group, set()).add(q.value)
        if set.intersection(*per_group.values()):
            continue
        sides = tuple(_side(a, q.start, q.end, q.text, _num(q.value)) for a, q in found)
        out.append(Conflict("number", unit, sides, _context(items)))
    return out


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def strip_time_of_day(value: str) -> str:
    """A time value without its time-of-day part ("WEEKDAY:wedTEV" -> "WEEKDAY:wed")."""
    return re.sub(r"T(?:\d.*|[A-Z]{2})$", "", value)


def _granularity(value: str | None) -> str:
    """How precise a normalised time is: day, month, season, year, vague, duration, other."""
    if not value:
        return "other"
    if value.startswith(("FUTURE", "PAST", "PRESENT")):
        return "vague"
    if value.startswith("P"):
        return "duration"
    v = strip_time_of_day(value)
    if v.startswith("WEEKDAY:") or re.fullmatch(r"\d{4}-\d{2}-\d{2}|XXXX-\d{2}-\d{2}", v):
        return "day"
    if re.fullmatch(r"(?:\d{4}|XXXX)-(?:SP|SU|FA|WI)|REL:-?\d+:(?:SP|SU|FA|WI)", v):
        return "season"
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}|REL:-?\d+:month", v):
        return "month"
    if re.fullmatch(r"\d{4}|REL:-?\d+:year", v):
        return "year"
    return "other"


_SPANS = frozenset({"vague", "season", "month", "year"})


def _date_conflicts(items: Sequence[Annotated], topic: str) -> list[Conflict]:
    """Different times for the same thing: one time per source, of comparable precision (a vague
    "in the coming months" is compared with seasons, months and years, not with days)."""
    per_group: dict[str, list[tuple[Annotated, Time]]] = {}
    for a in items:
        for t in a.times:
            per_group.setdefault(a.group, []).append((a, t))
    if len(per_group) < 2 or any(len(v) != 1 for v in per_group.values()):
        return []
    timed = [v[0] for v in per_group.values()]
    values = {(t.value or t.description) for _, t in timed}
    if len(values) < 2:
        return []
    kinds = {_granularity(t.value) for _, t in timed}
    comparable = (len(kinds) == 1 and kinds != {"other"}) or (kinds <= _SPANS and "vague" in kinds)
    if not comparable:
        return []
    sides = tuple(_side(a, t.start, t.end, t.text, t.value) for a, t in timed)
    return [Conflict("date", topic, sides, _context(items))]


def _content(words: list[str], language: str | None) -> set[str]:
    stop = function_words_for(language)
    return {stem(w.lower()) for w in words if w.lower() not in stop and len(w) > 1}


def _clause(text: str, offset: int, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` (absolute ``offset``) around the mention [start, end): bounded by
    punctuation and trimmed after the last reporting cue before the mention."""
    rel_s, rel_e = start - offset, end - offset
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, rel_s):
        left = m.end()
    right = len(text)
    m2 = _CLAUSE_BREAK.search(text, rel_e)
    if m2:
        right = m2.start()
    for m in _CUES.finditer(text, left, rel_s):
        left = m.end()
    while left < rel_s and text[left].isspace():
        left += 1
    while right > rel_e and text[right - 1] in " .\u201d\u201c\"'":
        right -= 1
    return offset + left, offset + right


_NAMING_STOP = re.compile(r"[^\w\s-]|\b(?:in|on|at|of|for|from|to|with|by|and|or|but|as|that|which|who|was|is)\b")


def _head(text: str, offset: int, end: int) -> tuple[int, int] | None:
    """The lower-case words right after a name, up to a preposition or punctuation (at most three):
    what the name is said to be ("Arctic Council *summit*" / "*ministerial meeting*")."""
    rel = end - offset
    tail = text[rel:]
    stop = _NAMING_STOP.search(tail)
    segment = tail[: stop.start()] if stop else tail
    words = list(re.finditer(r"[a-z][\w-]*", segment))
    if not words or segment[: words[0].start()].strip():
        return None
    words = words[:3]
    return end + words[0].start(), end + words[-1].end()


def _framing_conflicts(items: Sequence[Annotated]) -> list[Conflict]:
    """The same named thing (an organisation, event or project, not a person or place) called or
    described in different words by different sources."""
    out: list[Conflict] = []
    names: dict[str, list[tuple[Annotated, Anchor]]] = {}
    for a in items:
        seen: set[str] = set()
        for anchor in a.anchors:
            if anchor.kind in ("person", "place") or anchor.name in seen:
                continue
            seen.add(anchor.name)
            names.setdefault(anchor.name, []).append((a, anchor))
    for name, found in sorted(names.items()):
        if len({a.group for a, _ in found}) < 2:
            continue
        heads = [_head(a.statement.text, a.statement.start, anchor.end) for a, anchor in found]
        if all(h is not None for h in heads):
            words = {
                a.statement.text[h[0] - a.statement.start : h[1] - a.statement.start].lower()
                for (a, _), h in zip(found, heads, strict=True)
                if h is not None
            }
            if len(words) > 1:
                sides = tuple(
                    _side(
                        a,
                        anchor.start,
                        h[1],
                        a.statement.text[anchor.start - a.statement.start : h[1] - a.statement.start],
                    )
                    for (a, anchor), h in zip(found, heads, strict=True)
                    if h is not None
                )
                out.append(Conflict("framing", name, sides, _context(items)))
                continue
        sides_list = []
        bags = []
        for a, anchor in found:
            st = a.statement
            cs, ce = _clause(st.text, st.start, anchor.start, anchor.end)
            phrase = st.text[cs - st.start : ce - st.start]
            sides_list.append(_side(a, cs, ce, phrase))
            bags.append(_content(_WORD.findall(phrase), a.language) - _content(_WORD.findall(name), a.language))
        if any(len(b) < 2 for b in bags):
            continue
        overlap = len(set.intersection(*bags)) / max(1, min(len(b) for b in bags))
        if overlap <= 0.25:
            out.append(Conflict("framing", name, tuple(sides_list), _context(items)))
    return out


def find_conflicts(facts: Sequence[Sequence[Annotated]]) -> list[Conflict]:
    """Differences within each fact's aligned statements."""
    out: list[Conflict] = []
    for items in facts:
        if len({a.group for a in items}) < 2:
            continue
        shared = _shared_anchor(items)
        out.extend(_number_conflicts(items))
        out.extend(_date_conflicts(items, shared or "time"))
        out.extend(_framing_conflicts(items))
    seen: set[tuple[str, str, tuple[tuple[str, int, int], ...]]] = set()
    unique: list[Conflict] = []
    for c in out:
        key = (c.kind, c.topic, tuple((s.article, s.start, s.end) for s in c.sides))
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


def _shared_anchor(items: Sequence[Annotated]) -> str | None:
    """What the aligned statements are about: the longest name (not a person) every source group
    mentions, else the longest lower-case content word they share ("summit")."""
    per_group: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for a in items:
        per_group.setdefault(a.group, set()).update(x.name for x in a.anchors if x.kind not in ("person",))
        stop = function_words_for(a.language)
        words.setdefault(a.group, set()).update(
            w for w in _WORD.findall(a.statement.text) if w.islower() and w not in stop and len(w) > 3
        )
    common = set.intersection(*per_group.values()) if per_group else set()
    if common:
        return sorted(common, key=lambda n: (-len(n), n))[0]
    shared = set.intersection(*words.values()) if words else set()
    return sorted(shared, key=lambda w: (-len(w), w))[0] if shared else None
