"""What the story and article pages show, built from a story's comparison (the dict of
:meth:`Engine.compare_story`) and its articles.

Article text is untrusted.  Everything this module turns into markup (:class:`markupsafe.Markup`)
is made of escaped text and fixed tags and attributes; the templates autoescape everything else.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from ..compare.render import disputed_by, omitted_note, shown_quote
from ..model import Article, Assignment

__all__ = [
    "ArticleView",
    "Cell",
    "Column",
    "Excerpt",
    "Row",
    "StoryView",
    "article_view",
    "highlight",
    "story_view",
]

Data = Mapping[str, Any]


# --- small pieces ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One source of the side-by-side view."""

    article: str  # external id, as the comparison cites it
    id: int | None  # store id: /articles/ID
    outlet: str
    title: str
    copy_of: str | None = None  # outlet of the original, when this source re-publishes it


@dataclass(frozen=True, slots=True)
class Excerpt:
    html: Markup
    href: str | None


@dataclass(frozen=True, slots=True)
class Cell:
    excerpts: tuple[Excerpt, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # fact | detail | conflict | variant
    head: str
    note: str
    cells: tuple[Cell, ...]
    diff: Markup | None = None  # quote variants: the word diff


@dataclass(frozen=True, slots=True)
class Citation:
    """One source a summary sentence cites, with a link per cited passage."""

    outlet: str
    hrefs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SummaryLine:
    text: str
    sources: int
    citations: tuple[Citation, ...]
    language: str | None = None  # in a story of several languages: the sentence's (its ``lang``)
    disputed: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (outlet, the other values it gives)


@dataclass(frozen=True, slots=True)
class SourceItems:
    column: Column
    items: tuple[Excerpt, ...]


@dataclass(frozen=True, slots=True)
class EntityRow:
    name: str
    kind: str
    sources: int
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    speaker: str
    text: str
    outlet: str
    href: str | None
    kind: str
    shared: bool
    original: str | None = None  # the quote's own words when shown by its translation


@dataclass(frozen=True, slots=True)
class StoryView:
    columns: tuple[Column, ...]
    facts: tuple[Row, ...]
    conflicts: tuple[Row, ...]
    variants: tuple[Row, ...]
    summary: tuple[SummaryLine, ...]
    unique: tuple[SourceItems, ...]
    entities: tuple[EntityRow, ...]
    quotes: tuple[QuoteRow, ...]
    other_sources: int  # sources with nothing in the side-by-side rows
    omitted: str = ""  # what a comparison of a very big story left out ("" when nothing)

    @property
    def has_rows(self) -> bool:
        return bool(self.facts or self.conflicts or self.variants)


def span_href(article_id: int | None, start: int, end: int) -> str | None:
    return f"/articles/{article_id}#span-{start}-{end}" if article_id is not None else None


def _marked(text: str, offset: int, marks: Iterable[tuple[int, int, str]]) -> Markup:
    """``text`` (which starts at ``offset`` in its article) with the marks inside it wrapped in
    ``<mark class=...>``; overlapping marks after the first are dropped."""
    inside = sorted(
        (s - offset, e - offset, cls) for s, e, cls in marks if s >= offset and e <= offset + len(text) and s < e
    )
    out: list[str] = []
    pos = 0
    for s, e, cls in inside:
        if s < pos:
            continue
        out.append(str(escape(text[pos:s])))
        out.append(f'<mark class="{escape(cls)}">{escape(text[s:e])}</mark>')
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n")


def _sentence_around(text: str, start: int, end: int, *, reach: int = 240) -> tuple[int, int]:
    """The sentence (at most ``reach`` characters either side) holding ``text[start:end]``."""
    lo = max(0, start - reach)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    after = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    right = after.start() + 1 if after else min(len(text), end + reach)
    return left, max(right, end)


# --- the story page ----------------------------------------------------------------------------------


def _columns(data: Data, members: Sequence[tuple[Article, Assignment]]) -> list[Column]:
    order = {a.external_id: (a.id or 0) for a, _ in members}
    ids = {a.external_id: a.id for a, _ in members}
    outlets = {s["article"]: str(s.get("name") or s.get("outlet") or s["article"]) for s in data.get("sources", [])}
    columns = [
        Column(
            article=s["article"],
            id=ids.get(s["article"]),
            outlet=outlets[s["article"]],
            title=str(s.get("title") or ""),
            copy_of=outlets.get(s["copy_of"], s["copy_of"]) if s.get("copy_of") else None,
        )
        for s in data.get("sources", [])
    ]
    return sorted(columns, key=lambda c: order.get(c.article, 0))


def _conflict_marks(data: Data) -> dict[str, list[tuple[int, int, str]]]:
    marks: dict[str, list[tuple[int, int, str]]] = {}
    for c in data.get("conflicts", []):
        for side in c["sides"]:
            marks.setdefault(side["article"], []).append((int(side["start"]), int(side["end"]), "conflict"))
    return marks


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), re.sub(r"\W+", "", m.group().casefold())) for m in re.finditer(r"\S+", text)]


def _changed_words(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the words of ``a`` missing from ``b`` and of ``b`` missing from ``a``
    (case and punctuation aside)."""
    wa, wb = _words(a), _words(b)
    matcher = difflib.SequenceMatcher(a=[w[2] for w in wa], b=[w[2] for w in wb], autojunk=False)
    only_a: list[tuple[int, int]] = []
    only_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        only_a += [(wa[i][0], wa[i][1]) for i in range(i1, i2)]
        only_b += [(wb[j][0], wb[j][1]) for j in range(j1, j2)]
    return only_a, only_b


def _diff_markup(diff: Sequence[Mapping[str, Any]], *, backwards: bool = False) -> Markup:
    """The word diff as <del>/<ins>; ``backwards``: read it from its second quote to its first."""
    parts: list[str] = []
    for d in diff:
        text = escape(d["text"])
        op = {"-": "+", "+": "-"}.get(d["op"], d["op"]) if backwards else d["op"]
        parts.append(str(text) if op == "=" else f"<del>{text}</del>" if op == "-" else f"<ins>{text}</ins>")
    return Markup(" ".join(parts))


@dataclass(frozen=True, slots=True)
class _RowDraft:
    """A row before the columns are known: excerpts by article."""

    kind: str
    head: str
    note: str
    cells: dict[str, list[Excerpt]]
    diff: Markup | None = None


def story_view(data: Data, members: Sequence[tuple[Article, Assignment]]) -> StoryView:
    """The story page's side-by-side rows (facts, differences, quote variants) and its other parts."""
    texts = {a.external_id: a.text for a, _ in members}
    all_columns = _columns(data, members)
    by_article = {c.article: c for c in all_columns}
    marks = _conflict_marks(data)

    def excerpt(
        article: str,
        start: int,
        end: int,
        extra: Iterable[tuple[int, int, str]] = (),
        href_span: tuple[int, int] | None = None,
    ) -> Excerpt:
        text = texts.get(article, "")
        column = by_article.get(article)
        hs, he = href_span or (start, end)
        return Excerpt(
            _marked(text[start:end], start, [*marks.get(article, []), *extra]),
            span_href(column.id if column else None, hs, he),
        )

    facts: list[_RowDraft] = []
    for fact in data.get("facts", []):
        cells: dict[str, list[Excerpt]] = {}
        detail = fact.get("kind") == "detail"
        for span in fact["support"]:
            s, e = int(span["start"]), int(span["end"])
            if detail:  # a bare value ("Wednesday"): show its sentence, the value marked
                lo, hi = _sentence_around(texts.get(span["article"], ""), s, e)
                cells.setdefault(span["article"], []).append(
                    excerpt(span["article"], lo, hi, [(s, e, "detail")], (s, e))
                )
            else:
                cells.setdefault(span["article"], []).append(excerpt(span["article"], s, e))
        head = str(fact["text"]) if detail else ""
        facts.append(_RowDraft("detail" if detail else "fact", head, f"{fact['sources']} sources", cells))

    conflicts: list[_RowDraft] = []
    for c in data.get("conflicts", []):
        context = {ctx["article"]: (int(ctx["start"]), int(ctx["end"])) for ctx in c.get("context", [])}
        cells = {}
        for side in c["sides"]:
            s, e = int(side["start"]), int(side["end"])
            lo, hi = context.get(side["article"]) or _sentence_around(texts.get(side["article"], ""), s, e)
            lo, hi = min(lo, s), max(hi, e)
            cells.setdefault(side["article"], []).append(excerpt(side["article"], lo, hi, href_span=(s, e)))
        conflicts.append(_RowDraft("conflict", f"{c['kind']}: {c['topic']}", "differs", cells))

    variants: list[_RowDraft] = []
    for v in data.get("quote_variants", []):
        quotes = v["quotes"]
        translated = bool(v.get("translated"))
        changed: list[list[tuple[int, int]]] = [[] for _ in quotes]
        if len(quotes) == 2 and not translated:
            changed[0], changed[1] = _changed_words(quotes[0]["text"], quotes[1]["text"])
        cells = {}
        for q, words in zip(quotes, changed, strict=True):
            s, e = int(q["start"]), int(q["end"])
            extra = [(s + ws, s + we, "changed") for ws, we in words]
            text = texts.get(q["article"], "")
            if text[s:e] != q["text"]:  # offsets that do not match the stored text: show the quote as given
                cells.setdefault(q["article"], []).append(Excerpt(Markup(escape(q["text"])), None))
                continue
            cells.setdefault(q["article"], []).append(excerpt(q["article"], s, e, extra))
        speaker = str(v.get("speaker") or "unknown speaker")
        if translated:
            variants.append(_RowDraft("variant", speaker, "same quote, other language", cells, None))
        else:
            # the diff reads from the left column's wording to the right one's, whatever the quotes' order
            column = {c.article: k for k, c in enumerate(all_columns)}
            ends = [column.get(q["article"], 0) for q in quotes[:2]]
            backwards = len(ends) == 2 and ends[0] > ends[1]
            diff = _diff_markup(v["diff"], backwards=backwards)
            variants.append(_RowDraft("variant", speaker, "same quote, other words", cells, diff))

    used = {a for row in (*facts, *conflicts, *variants) for a in row.cells}
    columns = tuple(c for c in all_columns if c.article in used)

    def fill(rows: list[_RowDraft]) -> tuple[Row, ...]:
        return tuple(
            Row(r.kind, r.head, r.note, tuple(Cell(tuple(r.cells.get(c.article, ()))) for c in columns), r.diff)
            for r in rows
        )

    return StoryView(
        columns=columns,
        facts=fill(facts),
        conflicts=fill(conflicts),
        variants=fill(variants),
        summary=_summary(data, by_article),
        unique=_unique(data, all_columns, texts),
        entities=_entities(data),
        quotes=_quotes(data, by_article),
        other_sources=len(all_columns) - len(columns),
        omitted=omitted_note(data),
    )


_LANG = re.compile(r"[a-z]{2,3}")


def _column_outlet(by_article: Mapping[str, Column], home: str, article: str) -> str:
    """The outlet a summary cites a passage under: its original's (a translated copy's passage is
    one source with its original), else its own, else the article id."""
    column = by_article.get(home) or by_article.get(article)
    return column.outlet if column else article


def _summary(data: Data, by_article: Mapping[str, Column]) -> tuple[SummaryLine, ...]:
    lines = []
    original = {str(s["article"]): str(s.get("copy_of") or s["article"]) for s in data.get("sources", [])}
    for sentence in data.get("summary", []):
        hrefs: dict[str, list[str]] = {}
        for span in sentence.get("support", []):
            column = by_article.get(span["article"])
            # a translated copy's passage is cited under its original: one source, two passages
            outlet = _column_outlet(by_article, original.get(str(span["article"]), ""), str(span["article"]))
            href = span_href(column.id if column else None, int(span["start"]), int(span["end"]))
            links = hrefs.setdefault(outlet, [])
            if href and href not in links:
                links.append(href)
        citations = tuple(Citation(outlet, tuple(links)) for outlet, links in hrefs.items())
        language = sentence.get("language")
        disputed = disputed_by(sentence, lambda a: _column_outlet(by_article, original.get(a, a), a))
        lines.append(
            SummaryLine(
                str(sentence["text"]),
                int(sentence.get("sources", 0)),
                citations,
                language if isinstance(language, str) and _LANG.fullmatch(language) else None,
                tuple((outlet, tuple(values)) for outlet, values in disputed),
            )
        )
    return tuple(lines)


def _unique(data: Data, columns: Sequence[Column], texts: Mapping[str, str]) -> tuple[SourceItems, ...]:
    items: dict[str, list[Excerpt]] = {}
    by_article = {c.article: c for c in columns}
    for fact in data.get("unique", []):
        span = fact["support"][0]
        column = by_article.get(span["article"])
        s, e = int(span["start"]), int(span["end"])
        items.setdefault(span["article"], []).append(
            Excerpt(Markup(escape(fact["text"])), span_href(column.id if column else None, s, e))
        )
    return tuple(SourceItems(c, tuple(items[c.article])) for c in columns if items.get(c.article))


def _entities(data: Data, limit: int = 40) -> tuple[EntityRow, ...]:
    rows = [
        EntityRow(str(e["name"]), str(e["kind"]), len(e["mentions"]), sum(int(n) for n in e["mentions"].values()))
        for e in data.get("entities", [])
    ]
    rows.sort(key=lambda r: (-r.sources, -r.mentions, r.name))
    return tuple(rows[:limit])


def _quotes(data: Data, by_article: Mapping[str, Column]) -> tuple[QuoteRow, ...]:
    out = []
    for q in data.get("quotes", []):
        column = by_article.get(q["article"])
        speaker, text, original = shown_quote(q)  # a quote in another language: shown by its translation
        out.append(
            QuoteRow(
                speaker=str(speaker or "unknown speaker"),
                text=text,
                original=original,
                outlet=column.outlet if column else q["article"],
                href=span_href(column.id if column else None, int(q["start"]), int(q["end"])),
                kind=str(q.get("kind") or ""),
                shared=bool(q.get("shared")),
            )
        )
    return tuple(out)


# --- the article page: its text with every span the comparison cites ---------------------------------


@dataclass(slots=True)
class _Node:
    start: int
    end: int
    classes: list[str]
    titles: list[str]
    anchor: str | None
    children: list[_Node] = field(default_factory=list)


def _insert(nodes: list[_Node], start: int, end: int, cls: str, title: str, anchor: str | None, used: set[str]) -> None:
    """Insert a range into sibling ranges that do not overlap.  Ranges inserted earlier stay whole;
    a new range crossing one of their edges is cut there (its anchor goes to the first piece)."""
    if start >= end:
        return
    for n in nodes:
        if (n.start, n.end) == (start, end):
            if cls not in n.classes:
                n.classes.append(cls)
            if title and title not in n.titles:
                n.titles.append(title)
            if n.anchor is None and anchor is not None and anchor not in used:
                n.anchor = anchor
                used.add(anchor)
            return
        if n.start <= start and end <= n.end:
            _insert(n.children, start, end, cls, title, anchor, used)
            return
    cuts = sorted(
        {p for n in nodes if not (start <= n.start and n.end <= end) for p in (n.start, n.end) if start < p < end}
    )
    if cuts:
        bounds = [start, *cuts, end]
        for i, (a, b) in enumerate(pairwise(bounds)):
            _insert(nodes, a, b, cls, title, anchor if i == 0 else None, used)
        return
    if anchor is not None and anchor in used:
        anchor = None
    if anchor is not None:
        used.add(anchor)
    node = _Node(start, end, [cls], [title] if title else [], anchor)
    node.children = [n for n in nodes if start <= n.start and n.end <= end]
    nodes[:] = sorted([n for n in nodes if not (start <= n.start and n.end <= end)] + [node], key=lambda n: n.start)


def _render(text: str, nodes: list[_Node], start: int, end: int, out: list[str]) -> None:
    pos = start
    for n in nodes:
        out.append(str(escape(text[pos : n.start])))
        attrs = f' class="{escape(" ".join(n.classes))}"'
        if n.anchor:
            attrs += f' id="{escape(n.anchor)}"'
        if n.titles:
            attrs += f' title="{escape("; ".join(n.titles))}"'
        out.append(f"<span{attrs}>")
        _render(text, n.children, n.start, n.end, out)
        out.append("</span>")
        pos = n.end
    out.append(str(escape(text[pos:end])))


def highlight(text: str, ranges: Iterable[tuple[int, int, str, str]]) -> Markup:
    """``text`` escaped, each ``(start, end, class, title)`` wrapped in ``<span id="span-START-END">``;
    ranges come first-wins (pass sentences before the quotes and values inside them)."""
    nodes: list[_Node] = []
    used: set[str] = set()
    size = len(text)
    for start, end, cls, title in ranges:
        s, e = max(0, min(start, size)), max(0, min(end, size))
        _insert(nodes, s, e, cls, title, f"span-{start}-{end}", used)
    out: list[str] = []
    _render(text, nodes, 0, size, out)
    return Markup("".join(out))


@dataclass(frozen=True, slots=True)
class ArticleView:
    text: Markup
    facts: int  # statements other sources also report
    unique: int
    quotes: int
    conflicts: int


def article_view(article: Article, data: Data | None) -> ArticleView:
    """The article's text with its facts, unique statements, summary citations, quotes, differences and
    shared details highlighted (``data``: its story's comparison; ``None``: plain text)."""
    if data is None:
        return ArticleView(Markup(escape(article.text)), 0, 0, 0, 0)
    me = article.external_id
    statements: list[tuple[int, int, str, str]] = []
    details: list[tuple[int, int, str, str]] = []
    for fact in data.get("facts", []):
        n = fact["sources"]
        for span in fact["support"]:
            if span["article"] != me:
                continue
            if fact.get("kind") == "detail":
                details.append((span["start"], span["end"], "detail", f"{fact['text']} (given by {n} sources)"))
            else:
                statements.append((span["start"], span["end"], "fact", f"Reported by {n} sources"))
    for fact in data.get("unique", []):
        for span in fact["support"]:
            if span["article"] == me:
                statements.append((span["start"], span["end"], "unique", "Only this source"))
    for sentence in data.get("summary", []):
        for span in sentence.get("support", []):
            if span["article"] == me:
                statements.append((span["start"], span["end"], "cited", "Cited in the story's summary"))
    quotes = [
        (q["start"], q["end"], "quote", f"Quote: {q.get('speaker') or 'unknown speaker'}")
        for q in data.get("quotes", [])
        if q["article"] == me
    ]
    conflicts = [
        (side["start"], side["end"], "conflict", f"Other sources differ ({c['kind']}: {c['topic']})")
        for c in data.get("conflicts", [])
        for side in c["sides"]
        if side["article"] == me
    ]
    statements.sort(key=lambda r: (r[0], -r[1]))
    ranges = [*statements, *sorted(quotes), *sorted(conflicts), *sorted(details)]
    return ArticleView(
        text=highlight(article.text, ranges),
        facts=len({(s, e) for s, e, cls, _ in statements if cls == "fact"}),
        unique=sum(1 for r in statements if r[2] == "unique"),
        quotes=len(quotes),
        conflicts=len(conflicts),
    )
