"""Terminal and JSON rendering for the CLI (rich tables on stdout, progress on stderr)."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..compare.base import source_names
from ..compare.render import cited_sources, disputed_note
from ..engine import Progress as IngestProgress
from ..model import Article, Assignment, IngestReport, Story, StoryEvent
from ..nlp.mtsigns import read_translation_signs

__all__ = [
    "ProgressBar",
    "report_json",
    "stories_table",
    "story_detail",
    "story_detail_json",
    "story_json",
]

_out = Console(soft_wrap=False, highlight=False)
_err = Console(stderr=True, highlight=False)


def _date(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _range(story: Story) -> str:
    a, b = _date(story.first_published), _date(story.last_published)
    if not a:
        return ""
    return a if a == b else f"{a} .. {b}"


class ProgressBar:
    """A live progress display on stderr while ingesting (shown only on a terminal)."""

    def __init__(self) -> None:
        self._enabled = sys.stderr.isatty()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=_err,
            transient=True,
        )
        self._task = self._progress.add_task("ingesting", total=None, counts="")
        if self._enabled:
            self._progress.start()

    def update(self, p: IngestProgress) -> None:
        if self._enabled and (p.done % 50 == 0 or p.done < 50):
            waiting = max(0, p.done - p.ingested - p.duplicates - p.skipped)  # read, in a batch not yet written
            counts = (
                f"{p.done} read, {p.ingested} stored, {waiting} to store, "
                f"{p.duplicates} duplicates, {p.skipped} skipped"
            )
            self._progress.update(self._task, completed=p.done, counts=counts)

    def log(self, message: str) -> None:
        if self._enabled:
            self._progress.console.print(message, markup=False)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._enabled:
            self._progress.stop()


def report_json(report: IngestReport) -> dict[str, Any]:
    return {
        "ingested": report.ingested,
        "duplicates": report.duplicates,
        "skipped": report.skipped,
        "skipped_by_reason": report.skipped_by_reason(),
        "new_stories": report.new_stories,
        "rejections": [{"input": r.origin, "reason": r.reason, "message": r.message} for r in report.rejections],
    }


def story_json(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "label": story.label,
        "size": story.size,
        "outlets": list(story.outlets),
        "languages": list(story.languages),
        "first_published": story.first_published.isoformat() if story.first_published else None,
        "last_published": story.last_published.isoformat() if story.last_published else None,
    }


def stories_table(stories: Sequence[Story], *, total: int, matching: int | None = None, offset: int = 0) -> None:
    """The stories shown; the title says which of how many: "3-4 of 12 matching (114 stored)"."""
    matching = total if matching is None else matching
    if not stories:
        if total:
            _out.print(f"no story of the {total} stored matches (check --search, --outlet, --min-size, --offset)")
        else:
            _out.print("no stories yet: ingest some articles with `newsprism ingest PATH...`")
        return
    shown = f"{offset + 1}-{offset + len(stories)}" if offset or len(stories) < matching else str(len(stories))
    title = (
        f"{shown} of {matching} stories" if matching == total else f"{shown} of {matching} matching ({total} stored)"
    )
    table = Table(title=title, title_justify="left")
    table.add_column("id", justify="right")
    table.add_column("label", overflow="fold", ratio=3)
    table.add_column("size", justify="right")
    table.add_column("outlets", overflow="fold", ratio=2)
    table.add_column("dates", no_wrap=True)
    for s in stories:
        outlets = ", ".join(s.outlets[:4]) + (f" +{len(s.outlets) - 4}" if len(s.outlets) > 4 else "")
        table.add_row(str(s.id), s.label, str(s.size), outlets, _range(s))
    _out.print(table, markup=False)


def _why(article: Article, assignment: Assignment, by_id: dict[int, Article]) -> str:
    ex = assignment.explanation
    if assignment.copy_of is not None:
        original = by_id.get(assignment.copy_of)
        name = original.external_id if original else str(assignment.copy_of)
        if assignment.relation == "translation" and ex.decision != "copy":
            return f"translation of {name}" + (f"; {ex.note}" if ex.note else "")  # moved by a repair since
        if assignment.relation == "translation":
            # the note says how it was told: "translation of article 7 (cs): <how>"
            how = ex.note.split(": ", 1)[1] if ex.note and ": " in ex.note else "same paragraph build and numbers"
            measure = "names and numbers in common" if "names_and_numbers" in ex.similarity else "cosine"
            return f"translation of {name} ({measure} {ex.score:.2f}; {how})"
        return f"copy of {name} (resemblance {ex.score:.2f})"
    if ex.decision == "new":
        return "opened the story" + (f"; {ex.note}" if ex.note and ex.candidates else "")
    if ex.decision == "moved":
        return ex.note or "moved here by a later repair"
    if "dense" in ex.similarity:
        return f"{ex.note} (cosine {ex.similarity['dense']:.2f})"
    parts = [f"p={ex.score:.2f}"]
    sims = ", ".join(f"{k} {v:.2f}" for k, v in ex.similarity.items())
    if sims:
        parts.append(f"similarity {sims}")
    if ex.shared_terms:
        parts.append("shared: " + ", ".join(ex.shared_terms[:6]))
    if ex.time_gap_hours is not None:
        parts.append(f"gap {ex.time_gap_hours:.0f} h")
    return "; ".join(parts)


def indented(text: str, width: int, indent: str = "  ") -> list[str]:
    """``text`` wrapped to ``width`` display cells (a Japanese or Chinese character takes two),
    every line indented."""
    room = max(1, width - len(indent))
    return [indent + piece.plain.rstrip() for piece in Text(text).wrap(_out, room)]


def story_detail(
    story: Story,
    members: Sequence[tuple[Article, Assignment]],
    events: Sequence[StoryEvent],
    *,
    summary: Sequence[dict[str, Any]] = (),
    groups: Mapping[int, str] | None = None,
) -> None:
    _out.print(f"story {story.id}: {story.label}", markup=False)
    meta = [plural(story.size, "article", "articles")]
    if story.outlets:
        meta.append("outlets: " + ", ".join(story.outlets))
    if _range(story):
        meta.append(_range(story))
    _out.print("  " + " | ".join(meta), markup=False)
    by_id = {a.id: a for a, _ in members if a.id is not None}
    copy_of = {a.external_id: s.copy_of for a, s in members}

    names = source_names(
        {
            "article": a.external_id,
            "outlet": a.outlet,
            "url": a.url,
            "language": a.language,
            "copy_of": by_id[s.copy_of].external_id if s.copy_of in by_id else None,
        }
        for a, s in members
    )

    def outlet(article: str) -> str:
        return names.get(article, article)

    def original(article: str) -> str:
        root = copy_of.get(article)
        return by_id[root].external_id if root in by_id else article

    if summary:
        _out.print("\nSummary:", markup=False)
        for sent in summary:
            cited = ", ".join(cited_sources(sent["support"], outlet, original))
            note = disputed_note(sent, lambda a: outlet(original(a)))
            for line in indented(f"{sent['text']} [{cited}]{note}", max(40, _out.width - 1)):
                _out.print(line, markup=False, soft_wrap=True)
        _out.print("", markup=False)
    table = Table(show_lines=False)
    table.add_column("article", overflow="fold")
    table.add_column("outlet", overflow="fold")
    table.add_column("date", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=2)
    table.add_column("why it belongs", overflow="fold", ratio=3)
    for article, assignment in members:
        table.add_row(
            article.external_id,
            (article.outlet or "") + (f" ({groups[article.id]})" if groups and article.id in groups else ""),
            _date(article.published),
            article.title,
            _why(article, assignment, by_id),
        )
    _out.print(table, markup=False)
    for article, _ in members:
        reading = read_translation_signs(article.text, article.language)
        if reading.likely:
            _out.print(f"  reads as machine-translated: {article.external_id}: {reading.summary()}", markup=False)
    for e in events:
        _out.print(f"  event: {e.kind} story {e.story_id} -> {e.other_story_id}: {e.note}", markup=False)


def story_detail_json(
    story: Story,
    members: Sequence[tuple[Article, Assignment]],
    events: Sequence[StoryEvent],
    *,
    groups: Mapping[int, str] | None = None,
) -> dict[str, Any]:
    by_id = {a.id: a for a, _ in members if a.id is not None}
    out = story_json(story)
    out["articles"] = [
        {
            "article": a.external_id,
            "outlet": a.outlet,
            "group": (groups or {}).get(a.id) if a.id is not None else None,  # its feed's group
            "title": a.title,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "language": a.language,
            "copy_of": by_id[s.copy_of].external_id if s.copy_of in by_id else None,
            "relation": s.relation,
            "explanation": s.explanation.to_dict(),
            "machine_translation": read_translation_signs(a.text, a.language).to_dict(),
        }
        for a, s in members
    ]
    out["events"] = [
        {
            "kind": e.kind,
            "story": e.story_id,
            "other_story": e.other_story_id,
            "articles": list(e.articles),
            "note": e.note,
        }
        for e in events
    ]
    return out


def plural(n: int, one: str, many: str) -> str:
    """``n`` with the word that goes with it: "1 new story", "3 new stories"."""
    return f"{n} {one if n == 1 else many}"
