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

__all__ = ["Annotated", "find_conflicts"]

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


def _date_conflicts(items: Sequence[Annotated], topic: str) -> list[Conflict]:
    timed = [(a, t) for a in items for t in a.times]
    groups = {a.group for a, _ in timed}
    if len(groups) < 2:
        return []
    per_group: dict[str, set[str]] = {}
    for a, t in timed:
        per_group.setdefault(a.group, set()).add(t.value or t.description)
    if set.intersection(*per_group.values()):
        return []  # every source gives a common time: no difference
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


def _framing_conflicts(items: Sequence[Annotated]) -> list[Conflict]:
    """Same named thing, different words around it."""
    out: list[Conflict] = []
    names: dict[str, list[tuple[Annotated, Anchor]]] = {}
    for a in items:
        seen: set[str] = set()
        for anchor in a.anchors:
            if anchor.kind == "person" or anchor.name in seen:
                continue
            seen.add(anchor.name)
            names.setdefault(anchor.name, []).append((a, anchor))
    for name, found in sorted(names.items()):
        if len({a.group for a, _ in found}) < 2:
            continue
        sides = []
        bags = []
        for a, anchor in found:
            st = a.statement
            cs, ce = _clause(st.text, st.start, anchor.start, anchor.end)
            phrase = st.text[cs - st.start : ce - st.start]
            sides.append(_side(a, cs, ce, phrase))
            bags.append(_content(_WORD.findall(phrase), a.language) - _content(_WORD.findall(name), a.language))
        if any(len(b) < 2 for b in bags):
            continue
        overlap = len(set.intersection(*bags)) / max(1, min(len(b) for b in bags))
        if overlap <= 0.25:
            out.append(Conflict("framing", name, tuple(sides), _context(items)))
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
    """The most specific name every source group mentions (what a time difference is about)."""
    per_group: dict[str, set[str]] = {}
    for a in items:
        per_group.setdefault(a.group, set()).update(x.name for x in a.anchors if x.kind != "person")
    common = set.intersection(*per_group.values()) if per_group else set()
    if not common:
        return None
    return sorted(common, key=lambda n: (-len(n), n))[0]
