"""The engine end to end on SQLite files: the bundled demo inputs, hand-written reports and a longer
templated stream; failures are injected through the clusterer factory."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsprism.cluster.online import ClusterParams, OnlineClusterer
from newsprism.demo import demo_paths
from newsprism.engine import Engine, Progress
from newsprism.model import Article, Rejection
from newsprism.represent.base import ArticleFeatures
from newsprism.represent.lexical import LEXICAL_V8
from newsprism.store.base import StoryQuery

MakeEngine = Callable[..., Engine]


def demo_record_count() -> int:
    examples = demo_paths()[-1]
    lines = [line for line in examples.read_text(encoding="utf-8").splitlines() if line.strip()]
    return len(demo_paths()) - 1 + len(lines)


def rows(engine: Engine) -> list[tuple[int, str, int, str | None, str | None]]:
    return [
        (r.article_id, r.external_id, r.story_id, r.copy_of_external_id, r.relation)
        for r in engine.export_assignments()
    ]


def grouping(engine: Engine) -> dict[int, frozenset[str]]:
    """Story id -> the external ids of its articles."""
    out: dict[int, set[str]] = {}
    for r in engine.export_assignments():
        out.setdefault(r.story_id, set()).add(r.external_id)
    return {sid: frozenset(members) for sid, members in out.items()}


def story_of(engine: Engine, external_id: str) -> int:
    return next(r.story_id for r in engine.export_assignments() if r.external_id == external_id)


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


class Failure:
    """Shared by every clusterer a factory makes: raise ``error`` on the ``at``-th assign overall."""

    def __init__(self, at: int, error: BaseException) -> None:
        self.at = at
        self.error = error
        self.calls = 0


class FailingClusterer(OnlineClusterer):
    def __init__(self, failure: Failure) -> None:
        super().__init__(ClusterParams())
        self.failure = failure

    def assign(self, article_id: int, features: ArticleFeatures, vector: Any = None) -> Any:
        self.failure.calls += 1
        if self.failure.calls == self.failure.at:
            raise self.failure.error
        return super().assign(article_id, features, vector)


# --- the demo inputs ------------------------------------------------------------------------------


def test_demo_ingest_groups_the_seed_pair_and_marks_the_republished_copy(
    make_engine: MakeEngine, demo_specs: list[str]
) -> None:
    engine = make_engine()
    report = engine.ingest(demo_specs)
    assert (report.ingested, report.duplicates, report.skipped) == (demo_record_count(), 0, 0)
    assert not report.failed
    assert report.article_ids == list(range(1, demo_record_count() + 1))
    assert report.new_stories == engine.store.story_count()

    bloomberg, nbc = demo_specs[:2]
    assert story_of(engine, bloomberg) == story_of(engine, nbc)
    seed_story = engine.story(story_of(engine, bloomberg))
    assert seed_story.size >= 2
    assert {"Bloomberg", "NBC News"} <= set(seed_story.outlets)

    (copy,) = [r for r in engine.export_assignments() if r.external_id == "demo:lohan-republished"]
    assert copy.copy_of_external_id is not None
    assert copy.relation == "near-duplicate"
    assert copy.story_id == story_of(engine, copy.copy_of_external_id)
    members = engine.story_members(copy.story_id)
    (assignment,) = [s for a, s in members if a.external_id == "demo:lohan-republished"]
    assert assignment.explanation.decision == "copy"


def test_labels_of_one_article_stories_match_a_full_relabel(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    """Stories opened by one article in a batch are labelled without reading them back; a full
    relabel from the store afterwards changes none of those labels."""
    engine = make_engine(batch_size=4)
    engine.ingest(demo_specs)
    stories = engine.stories(StoryQuery(limit=1000))
    singles = {s.id: s.label for s in stories if s.size == 1}
    assert singles and all(label and label != "(untitled)" for label in singles.values())
    engine.store._db.execute("UPDATE stories SET label = ''")
    engine._relabel([s.id for s in stories])
    assert {s.id: s.label for s in engine.stories(StoryQuery(limit=1000)) if s.size == 1} == singles


def test_label_tokens_counted_by_the_preparer_are_the_ones_a_relabel_counts(
    make_engine: MakeEngine, demo_specs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preparer (a worker process on big inputs) counts each article's label tokens; the writer
    labels the batch's stories from them without counting again, and gets the labels a relabel from
    the store gets."""
    import newsprism.nlp.tokenize as tokenize_module

    counted: list[str] = []
    original = tokenize_module.lead_tokens

    def counting(title: str, text: str, language: str | None) -> Any:
        counted.append(title)
        return original(title, text, language)

    monkeypatch.setattr(tokenize_module, "lead_tokens", counting)  # what the writer counts with
    engine = make_engine(batch_size=4)
    engine.ingest(demo_specs)
    stories = engine.stories(StoryQuery(limit=1000))
    assert any(s.size > 1 for s in stories)  # stories that were relabelled from their members
    assert counted == []  # every label token bag came from the preparer

    import newsprism.runner as runner_module

    monkeypatch.setattr(runner_module, "lead_tokens", lambda *a: None)  # the preparer counts none
    other = make_engine(batch_size=4, db="other.db")
    other.ingest(demo_specs)
    assert counted  # the writer counted them
    assert {s.id: s.label for s in other.stories(StoryQuery(limit=1000))} == {s.id: s.label for s in stories}


def test_ingesting_the_same_inputs_again_adds_nothing(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    engine = make_engine()
    first = engine.ingest(demo_specs)
    before = (rows(engine), engine.store.story_count(), engine.store.article_count())
    again = engine.ingest(demo_specs)
    assert (again.ingested, again.duplicates, again.skipped, again.new_stories) == (0, first.ingested, 0, 0)
    assert not again.failed
    assert (rows(engine), engine.store.story_count(), engine.store.article_count()) == before


def test_two_fresh_databases_get_identical_assignments(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    a, b = make_engine("a.db"), make_engine("b.db")
    a.ingest(demo_specs)
    b.ingest(demo_specs)
    assert rows(a) == rows(b)
    assert [s.label for s in a.stories(StoryQuery(order="id"))] == [s.label for s in b.stories(StoryQuery(order="id"))]


def test_ingesting_in_two_runs_equals_one_run(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    one = make_engine("one.db")
    one.ingest(demo_specs)

    first = make_engine("two.db")
    first.ingest(demo_specs[:2])  # the seed files
    first.close()
    second = make_engine("two.db")  # a new engine: state restored from the store
    second.ingest(demo_specs[2:])  # examples.jsonl
    assert rows(second) == rows(one)


def test_batch_size_does_not_change_the_assignments(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    whole = make_engine("whole.db")
    whole.ingest(demo_specs)
    single = make_engine("single.db", batch_size=1)
    single.ingest(demo_specs)
    assert rows(single) == rows(whole)


@pytest.mark.parametrize("split_at", [150, 258])
def test_restart_exactness_across_repairs_and_retirement(
    make_engine: MakeEngine, tmp_path: Path, synthetic_stream: list[dict[str, Any]], split_at: int
) -> None:
    """330 templated reports with few idle articles allowed: stories are repaired and retired at the
    checkpoint of article 256; stopping before or after it and resuming changes nothing."""
    records = synthetic_stream
    everything = write_jsonl(tmp_path / "all.jsonl", records)
    head = write_jsonl(tmp_path / "head.jsonl", records[:split_at])
    tail = write_jsonl(tmp_path / "tail.jsonl", records[split_at:])

    one = make_engine("one.db", max_idle_articles=40)
    one.ingest([everything])
    first = make_engine("two.db", max_idle_articles=40)
    first.ingest([head])
    first.close()
    second = make_engine("two.db", max_idle_articles=40)
    second.ingest([tail])

    assert rows(second) == rows(one)
    events = "SELECT story_id, kind, other_story_id, articles FROM story_events ORDER BY id"
    assert [tuple(r) for r in second.store._db.execute(events)] == [tuple(r) for r in one.store._db.execute(events)]


def test_restart_after_a_split_past_the_checkpoint_is_exact(
    make_engine: MakeEngine, late_split_articles: list[Article], names_featurizer: Any, names_model: Any
) -> None:
    def engine(db: str) -> Engine:
        return make_engine(
            db,
            featurizer=names_featurizer,
            clusterer_factory=lambda: OnlineClusterer(ClusterParams(max_idle_articles=40), model=names_model),
        )

    one = engine("one.db")
    one.ingest_articles(late_split_articles)
    first = engine("two.db")
    first.ingest_articles(late_split_articles[:262])
    first.close()
    second = engine("two.db")
    second.ingest_articles(late_split_articles[262:])
    assert story_of(one, "late-split:263") == story_of(one, "late-split:1")  # the fourth flood report
    assert rows(second) == rows(one)


# --- failures -------------------------------------------------------------------------------------


@pytest.mark.parametrize("error", [RuntimeError("injected"), KeyboardInterrupt()])
def test_a_failure_mid_batch_stores_nothing_of_the_batch(
    make_engine: MakeEngine, demo_specs: list[str], error: BaseException
) -> None:
    failure = Failure(3, error)
    engine = make_engine(clusterer_factory=lambda: FailingClusterer(failure))
    with pytest.raises(type(error)):
        engine.ingest(demo_specs)
    assert engine.store.article_count() == 0
    assert engine.store.story_count() == 0
    assert rows(engine) == []
    assert engine.store.load_doc_freq() == ({}, 0)

    report = engine.ingest(demo_specs)  # the failure was one-off: a normal ingest works
    assert report.ingested == demo_record_count()
    clean = make_engine("clean.db")
    clean.ingest(demo_specs)
    assert rows(engine) == rows(clean)


def test_a_failure_in_the_second_batch_keeps_the_first(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    failure = Failure(3, RuntimeError("injected"))
    engine = make_engine(batch_size=2, clusterer_factory=lambda: FailingClusterer(failure))
    with pytest.raises(RuntimeError, match="injected"):
        engine.ingest(demo_specs)
    assert engine.store.article_count() == 2
    assert [r[1] for r in rows(engine)] == demo_specs[:2]

    report = engine.ingest(demo_specs)
    assert (report.ingested, report.duplicates) == (demo_record_count() - 2, 2)
    clean = make_engine("clean.db")
    clean.ingest(demo_specs)
    assert rows(engine) == rows(clean)


def test_an_interrupt_reports_what_was_kept(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    """Ctrl-C in the third batch: the two batches before are kept and counted, the third rolled back."""
    from newsprism.errors import Interrupted

    failure = Failure(5, KeyboardInterrupt())
    engine = make_engine(batch_size=2, clusterer_factory=lambda: FailingClusterer(failure))
    with pytest.raises(Interrupted) as stopped:
        engine.ingest(demo_specs)
    assert isinstance(stopped.value, KeyboardInterrupt)
    assert stopped.value.report.ingested == engine.store.article_count() == 4


# --- rejections -----------------------------------------------------------------------------------


GOOD = {
    "id": "good-1",
    "source": "Reuters",
    "title": "Bank of Canada holds key rate at 5%",
    "text": "The Bank of Canada left its benchmark overnight rate unchanged at 5% on Wednesday for a fifth "
    "straight meeting, saying it was too early to consider cuts.",
}


def test_rejections_are_counted_per_reason_and_reported(make_engine: MakeEngine, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "broken", "title": "Cut off\n'
        + json.dumps({"id": "no-text", "title": "A title and nothing else"})
        + "\n"
        + json.dumps(GOOD)
        + "\n",
        encoding="utf-8",
    )
    seen: list[Rejection] = []
    progress: list[Progress] = []
    report = make_engine().ingest([str(path)], on_reject=seen.append, on_progress=progress.append)

    assert (report.ingested, report.duplicates, report.skipped) == (1, 0, 2)
    assert not report.failed
    assert seen == report.rejections
    assert [r.origin for r in report.rejections] == [f"{path}:1", f"{path}:2"]
    reasons = report.skipped_by_reason()
    assert sum(reasons.values()) == 2 and len(reasons) == 2
    summary = report.summary()
    assert summary.startswith("ingested 1, duplicates 0, skipped 2 (")
    for reason in reasons:
        assert f"{reason}: 1" in summary
    assert progress[-1] == Progress(done=3, ingested=1, duplicates=0, skipped=2)


def test_all_bad_input_failed(make_engine: MakeEngine, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    engine = make_engine()
    report = engine.ingest([str(tmp_path / "missing.jsonl"), str(tmp_path / "empty.txt")])
    assert (report.ingested, report.duplicates, report.skipped) == (0, 0, 2)
    assert report.failed
    assert engine.store.article_count() == 0


def test_short_texts_are_rejected_not_stored(make_engine: MakeEngine, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "short.jsonl", [{"id": "tiny", "title": "Tiny", "text": "Too short."}, GOOD])
    engine = make_engine(min_text_chars=40)
    report = engine.ingest([path])
    assert report.ingested == 1
    assert [r.origin for r in report.rejections] == [f"{path}:1"]
    assert [r[1] for r in rows(engine)] == ["good-1"]


# --- the Python API -------------------------------------------------------------------------------


def test_ingest_articles_groups_the_handwritten_reports(
    make_engine: MakeEngine, handwritten: dict[str, Article]
) -> None:
    engine = make_engine()
    report = engine.ingest_articles(handwritten.values())
    assert report.ingested == len(handwritten)
    groups = set(grouping(engine).values())
    assert frozenset({"quake-wire", "quake-agency", "quake-republished", "quake-followup"}) in groups
    assert frozenset({"museum-arts"}) in groups
    quake = engine.story(story_of(engine, "quake-wire"))
    assert quake.label == handwritten["quake-wire"].title
    assert quake.outlets == ("Associated Press", "BBC", "Example Daily", "Reuters")
    assert quake.first_published == handwritten["quake-wire"].published
    assert quake.last_published == handwritten["quake-followup"].published


def test_stories_query_through_the_engine(make_engine: MakeEngine, handwritten_path: Path) -> None:
    engine = make_engine()
    engine.ingest([str(handwritten_path)])
    biggest = engine.stories(StoryQuery(order="biggest"))
    assert [s.size for s in biggest] == sorted((s.size for s in biggest), reverse=True)
    assert sum(s.size for s in biggest) == engine.store.article_count()
    assert [s.id for s in engine.stories(StoryQuery(outlet="CBC News"))] == [story_of(engine, "rates-wire")]
    assert [s.id for s in engine.stories(StoryQuery(text="Louvre"))] == [story_of(engine, "museum-arts")]


# --- rebuild --------------------------------------------------------------------------------------


def test_rebuild_reports_and_keeps_the_ids_of_unchanged_stories(
    make_engine: MakeEngine, demo_specs: list[str], handwritten_path: Path
) -> None:
    engine = make_engine()
    engine.ingest([*demo_specs, str(handwritten_path)])
    before = grouping(engine)
    stories_before = engine.store.story_count()

    report = engine.rebuild()

    after = grouping(engine)
    assert report.articles == engine.store.article_count()
    assert report.stories_before == stories_before
    assert report.stories_after == engine.store.story_count() == len(after)
    assert 0.0 <= report.agreement <= 1.0
    assert report.features_recomputed == 0
    old_id = {members: sid for sid, members in before.items()}
    unchanged = [(sid, members) for sid, members in after.items() if members in old_id]
    assert unchanged  # the singletons and the clear groups at least
    assert all(old_id[members] == sid for sid, members in unchanged)
    if set(after.values()) == set(before.values()):
        assert report.agreement == 1.0
    assert sum(s.size for s in engine.stories(StoryQuery(limit=1000))) == report.articles


def test_rebuild_then_ingest_never_reuses_a_story_id(
    make_engine: MakeEngine, demo_specs: list[str], handwritten_path: Path
) -> None:
    engine = make_engine()
    engine.ingest(demo_specs)
    used = {r[2] for r in rows(engine)}
    engine.rebuild()
    used |= {r[2] for r in rows(engine)}
    demo_ids = {r[1] for r in rows(engine)}
    report = engine.ingest([str(handwritten_path)])
    assert report.new_stories > 0
    created = {sid for sid, members in grouping(engine).items() if members.isdisjoint(demo_ids)}
    assert len(created) == report.new_stories
    assert created.isdisjoint(used)


def test_two_processes_writing_one_store_group_as_one_would(
    make_engine: MakeEngine, demo_specs: list[str], handwritten_path: Path
) -> None:
    """A second writer (another ``newsprism ingest``, the HTTP server) whose story state was read
    before the first one wrote restores it again: no story id is given twice and its articles
    meet the other's, as if one process had ingested both in turn."""
    first, second = make_engine("shared.db"), make_engine("shared.db")
    assert second.clusterer.active_stories == 0  # its state read from the empty store
    first.ingest(demo_specs)
    second.ingest([str(handwritten_path)])
    alone = make_engine("alone.db")
    alone.ingest(demo_specs)
    alone.ingest([str(handwritten_path)])
    assert grouping(second) == grouping(alone)
    assert [r[1:] for r in rows(first)] == [r[1:] for r in rows(alone)]
    # a comparison cached by another engine changes no story: the writer keeps its state
    restores = 0
    restore = second._restore

    def counted() -> OnlineClusterer:
        nonlocal restores
        restores += 1
        return restore()

    second._restore = counted  # type: ignore[method-assign]
    first.compare_story(story_of(first, "quake-wire"))
    second.ingest([str(handwritten_path)])  # duplicates only: a write transaction all the same
    assert restores == 0
    first.delete_article(rows(first)[0][0])  # another engine changed the stories: restored once
    second.ingest([str(handwritten_path)])
    assert restores == 1


def test_an_id_given_to_another_text_is_refused(make_engine: MakeEngine, tmp_path: Path) -> None:
    """An input's id names one article: another text under a stored id (in the same batch or a
    later run) is skipped with its reason, never stored as a second article of that id."""
    budget = "The council approved the new budget on Monday after a long debate about the bridge repairs."
    storm = "A storm closed the harbour on Friday and ferries to the islands were cancelled until the weekend."
    first = write_jsonl(
        tmp_path / "a.jsonl",
        [{"id": "d1", "title": "Budget", "text": budget}, {"id": "d1", "title": "Storm", "text": storm}],
    )
    engine = make_engine()
    seen: list[Rejection] = []
    report = engine.ingest([first], on_reject=seen.append)
    assert (report.ingested, report.skipped_by_reason()) == (1, {"id-taken": 1})
    assert [r.reason for r in seen] == ["id-taken"] and seen[0].origin.endswith("a.jsonl:2")
    later = write_jsonl(tmp_path / "b.jsonl", [{"id": "d1", "title": "Storm", "text": storm}])
    assert engine.ingest([later]).skipped_by_reason() == {"id-taken": 1}
    again = engine.ingest([first])  # the same text under its id again is a duplicate, as before
    assert (again.duplicates, again.skipped_by_reason()) == (1, {"id-taken": 1})
    assert [r[1] for r in rows(engine)] == ["d1"]
    # a refused text stays unknown: under a free id, in the same batch, it is stored
    both = write_jsonl(
        tmp_path / "c.jsonl",
        [{"id": "d1", "title": "Storm", "text": storm}, {"id": "d2", "title": "Storm", "text": storm}],
    )
    report = engine.ingest([both])
    assert (report.ingested, report.duplicates, report.skipped_by_reason()) == (1, 0, {"id-taken": 1})
    assert [r[1] for r in rows(engine)] == ["d1", "d2"]


def test_a_summary_of_another_length_comes_from_the_cached_comparison(
    make_engine: MakeEngine, demo_specs: list[str]
) -> None:
    """The comparison is made once per story revision: its summary of any length is made from the
    cached comparison, the same summary a fresh computation gives."""
    engine = make_engine()
    engine.ingest(demo_specs)
    story = story_of(engine, next(r[1] for r in rows(engine) if r[1].endswith("bloomberg-blinken-lavrov.txt")))
    calls = 0
    compare = engine.comparer.compare

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return compare(*args, **kwargs)

    engine.comparer.compare = counted  # type: ignore[method-assign]
    engine.compare_story(story)
    assert calls == 1  # the comparison and its summary from one computation
    short = engine.summarize_story(story, words=40)
    assert calls == 1
    fresh = make_engine("fresh.db")
    fresh.ingest(demo_specs)
    assert (
        short["summary"] == fresh.summarize_story(story_of(fresh, story_external(engine, story)), words=40)["summary"]
    )


def story_external(engine: Engine, story_id: int) -> str:
    return next(r[1] for r in rows(engine) if r[2] == story_id)


def test_rebuild_recomputes_features_of_another_version(make_engine: MakeEngine, demo_specs: list[str]) -> None:
    engine = make_engine()
    engine.ingest(demo_specs)
    stored = {a.id: f for a, f in engine.store.iter_articles()}
    engine.store._db.execute(
        "UPDATE features SET version = :old, data = json_set(data, '$.v', :old) WHERE article_id <= 3",
        {"old": "newsprism.LexicalFeatures.v0"},
    )

    report = engine.rebuild()

    assert report.features_recomputed == 3
    again = {a.id: f for a, f in engine.store.iter_articles()}
    assert {f.version for f in again.values() if f is not None} == {LEXICAL_V8}
    assert again == stored  # recomputed with the current featurizer: the same features
    versions = [r[0] for r in engine.store._db.execute("SELECT DISTINCT version FROM features")]
    assert versions == [LEXICAL_V8]
    assert engine.rebuild().features_recomputed == 0


def test_rebuild_recomputes_features_whose_version_column_differs(
    make_engine: MakeEngine, demo_specs: list[str]
) -> None:
    engine = make_engine()
    engine.ingest(demo_specs)
    engine.store._db.execute("UPDATE features SET version = 'newsprism.LexicalFeatures.v0' WHERE article_id <= 3")
    assert engine.rebuild().features_recomputed == 3
