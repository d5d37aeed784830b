"""What the web adapters need from the engine and the store: story filters and counts, one article
with its assignment, and deleting an article as if it had never been counted."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from newsprism import Engine, NotFound, StoryQuery
from newsprism.demo import demo_paths


def _demo_records() -> list[dict[str, Any]]:
    lines = (demo_paths()[2]).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _doc_freq(engine: Engine) -> tuple[dict[str, dict[str, int]], int]:
    return engine.store.load_doc_freq()


def _partition(engine: Engine, ids: set[str]) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for row in engine.export_assignments():
        if row.external_id in ids:
            groups.setdefault(row.story_id, set()).add(row.external_id)
    return {frozenset(g) for g in groups.values()}


def test_story_filters_and_counts(make_engine: Callable[..., Engine], demo_specs: list[str]) -> None:
    engine = make_engine()
    engine.ingest(demo_specs)
    assert engine.count_stories() == 8 == len(engine.stories(StoryQuery(limit=100)))
    lavrov = StoryQuery(entity="LAVROV")  # any case, text or title
    assert engine.count_stories(lavrov) == 1 and engine.stories(lavrov)[0].outlets == ("Bloomberg", "NBC News")
    may_2013 = StoryQuery(since=datetime(2013, 5, 3, tzinfo=UTC), until=datetime(2013, 5, 3, 23, 59, tzinfo=UTC))
    assert [s.label for s in engine.stories(may_2013)] == ["Lindsay Lohan checks into Betty Ford Center"]
    assert engine.count_stories(StoryQuery(until=datetime(2000, 1, 1, tzinfo=UTC))) == 0
    assert engine.count_stories(StoryQuery(min_size=3, outlet="USA Today")) == 1
    article, assignment = engine.article(1)
    assert article.id == 1 and assignment.article_id == 1 and assignment.story_id == engine.stories(lavrov)[0].id
    with pytest.raises(NotFound):
        engine.article(999)


def test_deleting_an_article_undoes_its_counts(make_engine: Callable[..., Engine], tmp_path: Path) -> None:
    """Ingest everything and delete one original, or ingest everything but it: same document
    frequencies, and the articles arriving afterwards are grouped the same way."""
    records = _demo_records()
    drop = next(r for r in records if r["id"] == "meantime:corpus_airbus/11716")  # an original without copies
    full, without = tmp_path / "full.jsonl", tmp_path / "without.jsonl"
    full.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    without.write_text("".join(json.dumps(r) + "\n" for r in records if r is not drop), encoding="utf-8")
    a, b = make_engine("a.db"), make_engine("b.db")
    a.ingest([str(full)])
    b.ingest([str(without)])
    target = a.store.article_by_external_id(drop["id"])
    assert target.id is not None
    done = a.delete_article(target.id)
    assert done.story_deleted and done.promoted is None
    assert _doc_freq(a) == _doc_freq(b)
    with pytest.raises(NotFound):
        a.article(target.id)
    later = Path(__file__).resolve().parents[1] / "fixtures" / "cluster" / "handwritten.jsonl"
    a.ingest([str(later)])
    b.ingest([str(later)])
    ids = {json.loads(line)["id"] for line in later.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert _partition(a, ids) == _partition(b, ids) and len(_partition(a, ids)) >= 3
    assert a.store.max_article_id() == b.store.max_article_id() + 1  # the deleted id is not reused


def test_deleting_an_original_promotes_its_copy(make_engine: Callable[..., Engine], demo_specs: list[str]) -> None:
    engine = make_engine()
    engine.ingest(demo_specs)
    copy = next(s for story in engine.stories() for _, s in engine.story_members(story.id) if s.copy_of)
    original = copy.copy_of
    assert original is not None
    before = engine.story(copy.story_id)
    n_before = _doc_freq(engine)[1]
    done = engine.delete_article(original)
    assert done.promoted == copy.article_id and not done.story_deleted
    promoted = engine.article(copy.article_id)[1]
    assert promoted.copy_of is None and promoted.relation is None
    assert engine.story(copy.story_id).size == before.size - 1
    assert _doc_freq(engine)[1] == n_before  # one original out, its copy counted in
    report = engine.ingest(demo_specs)  # the clusterer restores from the store and goes on
    assert report.ingested == 1 and report.duplicates == 14  # only the deleted article comes back
