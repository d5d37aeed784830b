"""Shared details: when and where the event happened, and how many, as several sources give it.

Sentence alignment finds statements that say the same thing; a detail can also be shared by
sentences that otherwise differ ("... on Wednesday evening" and "... adopted a polite tone on
Wednesday").  Details come from each source's lead (its first sentences, where news reports put
the who/what/when/where): a normalised time, a place, or a quantity of ten or more (or any amount of
money or percentage), reported by at least two independent sources.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import replace

from ..nlp.entities import is_demonym
from .base import Fact, Span
from .conflicts import Annotated, strip_time_of_day

__all__ = ["LEAD_SENTENCES", "shared_details", "unique_details"]

LEAD_SENTENCES = 4
_ALWAYS_UNITS = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "RUB", "percent"})
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def shared_details(annotated: Sequence[Annotated], repeats: Container[int] = ()) -> list[Fact]:
    """Times, places and quantities two or more independent sources give in their leads; a copy's
    statement that repeats its original's (``repeats``: indices into ``annotated``) is read
    from the original."""
    found: dict[tuple[str, str], list[tuple[str, Span]]] = {}
    position: dict[str, int] = {}
    for k, a in enumerate(annotated):
        article = a.statement.article
        index = position.get(article, 0)
        position[article] = index + 1
        if index >= LEAD_SENTENCES or k in repeats:
            continue
        g = a.group
        text, base = a.statement.text, a.statement.start
        for t in a.times:
            if t.value:
                span = Span(article, t.start, t.end, text[t.start - base : t.end - base])
                found.setdefault(("when", strip_time_of_day(t.value)), []).append((g, span))
        for q in a.quantities:
            if q.unit and (q.value >= 10 or q.unit in _ALWAYS_UNITS):
                key = ("how many", f"{q.value:g} {q.unit}")
                found.setdefault(key, []).append((g, Span(article, q.start, q.end, q.text)))
        for x in a.anchors:
            if x.kind == "place":
                written = text[x.start - base : x.end - base]
                if is_demonym(written):  # "his Russian counterpart" says nothing of where
                    continue
                found.setdefault(("where", x.name), []).append((g, Span(article, x.start, x.end, written)))
    out: list[Fact] = []
    for (kind, value), mentions in sorted(found.items()):
        groups: dict[str, Span] = {}
        for g, span in mentions:
            groups.setdefault(g, span)  # first mention per independent source
        if len(groups) < 2:
            continue
        label = value if kind == "where" else (mentions[0][1].text or value)
        out.append(Fact(text=f"{kind}: {label}", support=tuple(groups.values()), sources=len(groups), kind="detail"))
    out.sort(key=lambda f: (-f.sources, f.text))
    return out


def unique_details(annotated: Sequence[Annotated], aligned: set[int]) -> list[Fact]:
    """Details only one source gives inside statements otherwise shared with others: the
    "lasted over 90 minutes" of a sentence whose meeting and place every source reports.
    Statements no other source aligns with are already reported whole as unique.  Across
    languages, names and units are written differently: only times and numbers are compared."""
    multilingual = len({a.language for a in annotated if a.language}) > 1

    def qkey(value: float, unit: str | None) -> str:
        return f"{value:g}" if multilingual else f"{value:g} {unit}"

    seen: dict[tuple[str, str], set[str]] = {}
    for a in annotated:
        for t in a.times:
            if t.value:
                seen.setdefault(("when", strip_time_of_day(t.value)), set()).add(a.group)
        for q in a.quantities:
            seen.setdefault(("how many", qkey(q.value, q.unit)), set()).add(a.group)
            if q.high is not None:  # "as many as 35 to 40 firefighters" gives 40 firefighters too
                seen.setdefault(("how many", qkey(q.high, q.unit)), set()).add(a.group)
            # the same figure in another unit or as a range's end ("a vote of 220 to 211", "220-211")
            for value in (q.value, q.high):
                if value is not None:
                    seen.setdefault(("figure", f"{value:g}"), set()).add(a.group)
        for m in _DIGITS.finditer(a.statement.text):  # "passed 220-211": figures no quantity holds
            seen.setdefault(("figure", f"{float(m.group().replace(',', '')):g}"), set()).add(a.group)
        for x in a.anchors:
            seen.setdefault(("who", x.name), set()).add(a.group)
            seen.setdefault(("surname", x.name.split()[-1].casefold()), set()).add(a.group)
    out: list[Fact] = []
    listed: dict[tuple[str, str, str], int] = {}  # (source, kind, value) -> its detail in ``out``
    for index, a in enumerate(annotated):
        if index not in aligned:
            continue
        text, base, article = a.statement.text, a.statement.start, a.statement.article
        items: list[tuple[str, str, int, int]] = []
        times = [(t.start, t.end) for t in a.times if t.value]
        items += [("when", strip_time_of_day(t.value), t.start, t.end) for t in a.times if t.value]
        persons = {x.name for x in a.anchors if x.kind == "person"}
        items += [
            ("how many", qkey(q.value, q.unit), q.start, q.end)
            for q in a.quantities
            if q.unit
            and not any(s < q.end and q.start < e for s, e in times)  # "less than two months": a when
            and (q.high is None or seen.get(("how many", qkey(q.high, q.unit)), set()) == {a.group})
        ]
        if not multilingual:
            items += [("who", x.name, x.start, x.end) for x in a.anchors if x.kind in ("person", "organisation")]
        for kind, key, start, end in items:
            if seen.get((kind, key), set()) != {a.group}:
                continue
            if kind == "how many" and _given_elsewhere(seen, key):
                continue  # another source gives that figure, in another unit or as a range ("220-211")
            if kind == "who" and key in persons and len(seen.get(("surname", key.split()[-1].casefold()), set())) > 1:
                continue  # a person named "Biden" where the others write "Joe Biden"
            piece = text[start - base : end - base]
            span = Span(article, start, end, piece)
            at = listed.get((a.group, kind, key))
            if at is not None:  # the same value again in this source ("this year" twice): one detail, each span
                out[at] = replace(out[at], support=(*out[at].support, span))
                continue
            listed[(a.group, kind, key)] = len(out)
            out.append(Fact(text=f"{kind}: {piece}", support=(span,), sources=1, kind="detail"))
    return out


def _given_elsewhere(seen: dict[tuple[str, str], set[str]], key: str) -> bool:
    """Whether a figure of 100 or more (``key``: "211 USD", "211") is given by several sources."""
    figure = key.split()[0] if key.split() else ""
    try:
        value = float(figure)
    except ValueError:
        return False
    return value >= 100 and len(seen.get(("figure", figure), set())) > 1
