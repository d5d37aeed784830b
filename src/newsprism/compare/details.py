"""Shared details: a time, place or number that several independent sources give.

Sentence alignment finds statements that say the same thing; a detail can also be shared by
sentences that otherwise differ ("... on Wednesday evening" and "... adopted a polite tone on
Wednesday").  A detail is a normalised time value, a specific place (one the story does not
mention everywhere), or a quantity with its unit, reported by at least two independent sources.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .base import Fact, Span
from .conflicts import Annotated

__all__ = ["shared_details"]

_MAX_PLACE_SHARE = 0.25  # a place named in more of the story's statements is its setting, not a detail


def shared_details(annotated: Sequence[Annotated], group: Mapping[str, str]) -> list[Fact]:
    found: dict[tuple[str, str], list[tuple[str, Span]]] = {}
    place_statements: dict[str, int] = {}
    for a in annotated:
        for name in {x.name for x in a.anchors if x.kind == "place"}:
            place_statements[name] = place_statements.get(name, 0) + 1
    total = max(1, len(annotated))
    for a in annotated:
        g = a.group
        text, base = a.statement.text, a.statement.start
        for t in a.times:
            if t.value:
                found.setdefault(("when", t.value), []).append(
                    (g, Span(a.statement.article, t.start, t.end, text[t.start - base : t.end - base]))
                )
        for q in a.quantities:
            if q.unit:
                key = ("how many", f"{q.value:g} {q.unit}")
                found.setdefault(key, []).append((g, Span(a.statement.article, q.start, q.end, q.text)))
        for x in a.anchors:
            if x.kind == "place" and place_statements.get(x.name, 0) / total <= _MAX_PLACE_SHARE:
                found.setdefault(("where", x.name), []).append(
                    (g, Span(a.statement.article, x.start, x.end, text[x.start - base : x.end - base]))
                )
    out: list[Fact] = []
    for (kind, value), mentions in sorted(found.items()):
        groups: dict[str, Span] = {}
        for g, span in mentions:
            groups.setdefault(g, span)  # first mention per independent source
        if len(groups) < 2:
            continue
        label = mentions[0][1].text or value
        out.append(Fact(text=f"{kind}: {label}", support=tuple(groups.values()), sources=len(groups), kind="detail"))
    out.sort(key=lambda f: (-f.sources, f.text))
    return out
