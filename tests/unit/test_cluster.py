"""The cluster stage: document frequencies, copy index, repair split, online clusterer and metrics.

The online clusterer is exercised on hand-written reports (``fixtures/cluster/handwritten.jsonl``)
whose grouping is plain to a reader; no test depends on a weight, a score or a threshold value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from newsprism.cluster.base import Decision, Member
from newsprism.cluster.copies import CopyIndex
from newsprism.cluster.decision import DecisionModel, SplitRule
from newsprism.cluster.idf import FIELDS, DocFreq, snapshot_boundary
from newsprism.cluster.metrics import bcubed, pairwise
from newsprism.cluster.online import ClusterParams, OnlineClusterer
from newsprism.cluster.repair import mean_offdiag, two_way_split
from newsprism.model import Article
from newsprism.represent.base import ArticleFeatures
from newsprism.represent.lexical import LexicalFeaturizer, minhash, shingles

# --- DocFreq --------------------------------------------------------------------------------------


def test_snapshot_boundary_is_the_last_boundary_not_after_n() -> None:
    assert snapshot_boundary(0) == 0
    previous = 0
    for n in range(1, 20_000):
        boundary = snapshot_boundary(n)
        assert 0 <= boundary <= n
        assert boundary >= previous  # monotone
        if boundary != previous:
            assert boundary == n  # it only moves when the count reaches a boundary
        assert snapshot_boundary(boundary) == boundary
        assert n - boundary < 2048  # the tail a restore replays stays short
        previous = boundary
    assert previous > 0


def test_doc_freq_snapshots_exactly_at_the_boundaries() -> None:
    df = DocFreq()
    for i, f in enumerate(corpus(100), 1):
        df.add(f)
        assert df.n == i
        assert df.snap_n == snapshot_boundary(i)


def doc(*terms: str, names: Iterable[str] = (), title: Iterable[str] = ()) -> ArticleFeatures:
    return ArticleFeatures(
        title=dict.fromkeys(title, 1.0),
        body=dict.fromkeys(terms, 1.0),
        names=dict.fromkeys(names, 1.0),
        minhash=(0,) * 64,
        published=None,
        language="en",
        version="test.Features.v1",
    )


def corpus(count: int) -> list[ArticleFeatures]:
    """Documents with overlapping terms: term ``t{j}`` appears in every ``j``-th document."""
    return [
        doc(*(f"t{j}" for j in range(1, 9) if i % j == 0), names=[f"n{i % 3}"], title=[f"w{i % 5}", "common"])
        for i in range(count)
    ]


def idf(snap_n: int, df: int) -> float:
    return math.log((snap_n + 1) / (df + 1)) + 1.0


def test_idf_uses_the_last_snapshot_not_the_live_counts() -> None:
    df = DocFreq(growth=4)  # sparse snapshots: after 8 documents, one every n / 4
    history: list[dict[str, int]] = [{}]  # body counts after 0, 1, 2 ... documents
    differs = False
    for f in corpus(100):
        df.add(f)
        history.append(dict(df.live["body"]))
        at_snapshot = history[snapshot_boundary(df.n, 4)]
        for term in ("t1", "t2", "t5", "never-seen"):
            expected = idf(snapshot_boundary(df.n, 4), at_snapshot.get(term, 0))
            assert df.idf("body", term) == pytest.approx(expected)
            differs |= df.idf("body", term) != pytest.approx(idf(df.n, df.live["body"].get(term, 0)))
        counts, log_n1 = df.idf_map("body")
        assert counts == at_snapshot
        assert log_n1 == pytest.approx(math.log(snapshot_boundary(df.n, 4) + 1))
    assert differs  # between snapshots the live counts are ahead of the IDF
    assert df.idf("body", "never-seen") > df.idf("body", "t5") > df.idf("body", "t1")


def test_fields_are_counted_separately() -> None:
    df = DocFreq()
    df.add(doc("manta", names=["manta"], title=["quake"]))
    df.add(doc("manta"))
    assert df.live == {"title": {"quake": 1}, "body": {"manta": 2}, "names": {"manta": 1}}
    assert set(FIELDS) == {"title", "body", "names"}


def test_take_dirty_returns_live_counts_of_changed_terms_once() -> None:
    df = DocFreq()
    df.add(doc("quake", "manta"))
    df.add(doc("quake"))
    assert df.take_dirty() == {"title": {}, "body": {"manta": 1, "quake": 2}, "names": {}}
    assert df.take_dirty() == {"title": {}, "body": {}, "names": {}}
    df.add(doc("quake"))
    assert df.take_dirty()["body"] == {"quake": 3}


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 31, 33, 64, 100])
def test_restore_from_live_counts_and_tail_reproduces_the_snapshot(n: int) -> None:
    docs = corpus(n)
    original = DocFreq()
    for f in docs:
        original.add(f)

    restored = DocFreq()
    boundary = snapshot_boundary(n)
    restored.restore(original.take_dirty(), n, docs[boundary:])

    assert restored.n == original.n == n
    assert restored.snap_n == original.snap_n == boundary
    assert restored.snap == original.snap
    assert restored.live == original.live
    for field in FIELDS:
        for term in original.live[field]:
            assert restored.idf(field, term) == original.idf(field, term)
    # and both go on identically
    for f in corpus(40)[n % 7 :]:
        original.add(f)
        restored.add(f)
    assert (restored.snap_n, restored.snap) == (original.snap_n, original.snap)


def test_restore_refuses_a_tail_of_the_wrong_length() -> None:
    docs = corpus(37)
    df = DocFreq()
    for f in docs:
        df.add(f)
    boundary = snapshot_boundary(37)
    with pytest.raises(ValueError, match="documents after the snapshot"):
        DocFreq().restore(df.live, 37, docs[boundary - 1 :])


def test_freeze_with_uses_the_whole_corpus_and_ignores_later_adds() -> None:
    docs = corpus(5)
    df = DocFreq()
    df.add(doc("stale"))
    df.freeze_with(docs)
    assert df.frozen
    assert (df.n, df.snap_n) == (5, 5)  # not the snapshot boundary 4: every document counts
    assert "stale" not in df.live["body"]
    expected = sum(1 for f in docs if "t2" in f.body)
    assert df.idf("body", "t2") == pytest.approx(idf(5, expected))
    before = df.idf("body", "t2")
    df.add(doc("t2", "t3"))
    assert df.n == 5
    assert df.idf("body", "t2") == before


# --- CopyIndex ------------------------------------------------------------------------------------


def signature(text: str) -> tuple[int, ...]:
    return minhash(shingles(text))


def test_copy_index_finds_an_identical_signature_and_not_an_unrelated_one(
    handwritten: dict[str, Article],
) -> None:
    quake = handwritten["quake-wire"]
    index = CopyIndex()
    index.add(1, signature(quake.title + "\n" + quake.text))
    assert len(index) == 1
    assert index.best(signature(quake.title + "\n" + quake.text)) == (1, 1.0)
    museum = handwritten["museum-arts"]
    assert index.best(signature(museum.title + "\n" + museum.text)) is None


def test_copy_index_finds_a_copy_with_a_changed_headline(handwritten: dict[str, Article]) -> None:
    wire, republished = handwritten["quake-wire"], handwritten["quake-republished"]
    assert wire.text == republished.text and wire.title != republished.title
    index = CopyIndex()
    index.add(1, signature(wire.title + "\n" + wire.text))
    index.add(2, signature(handwritten["quake-agency"].text))  # same event, own words
    hit = index.best(signature(republished.title + "\n" + republished.text))
    assert hit is not None
    assert hit[0] == 1
    assert 0.5 < hit[1] < 1.0


def test_copy_index_prefers_the_earliest_on_ties_and_remove_works(handwritten: dict[str, Article]) -> None:
    sig = signature(handwritten["derby-sky"].text)
    index = CopyIndex()
    index.add(5, sig)
    index.add(3, sig)
    index.add(3, sig)  # already indexed: ignored
    assert len(index) == 2
    assert index.best(sig) == (3, 1.0)
    index.remove(3)
    assert index.best(sig) == (5, 1.0)
    index.remove(5)
    index.remove(5)  # not indexed any more: nothing happens
    assert len(index) == 0
    assert index.best(sig) is None


def test_copy_index_skips_empty_signatures() -> None:
    index = CopyIndex()
    empty = signature("")
    assert not any(empty)
    index.add(1, empty)
    assert len(index) == 0
    assert index.best(empty) is None


# --- two_way_split --------------------------------------------------------------------------------


def block_matrix(groups: Sequence[Sequence[int]], within: float, across: float) -> np.ndarray:
    n = sum(len(g) for g in groups)
    sim = np.full((n, n), across)
    for g in groups:
        sim[np.ix_(g, g)] = within
    np.fill_diagonal(sim, 1.0)
    return sim


def test_two_way_split_finds_two_clear_groups_with_row_zero_kept() -> None:
    sim = block_matrix([[0, 2, 5], [1, 3, 4, 6]], within=0.8, across=0.1)
    part = two_way_split(sim)
    assert part is not None
    assert part.keep == (0, 2, 5)
    assert part.move == (1, 3, 4, 6)
    assert part.within_keep == pytest.approx(0.8)
    assert part.within_move == pytest.approx(0.8)
    assert part.cross == pytest.approx(0.1)
    assert part.ratio < 1.0


def test_two_way_split_keeps_row_zero_even_in_the_smaller_group() -> None:
    part = two_way_split(block_matrix([[1, 2, 3, 4], [0, 5]], within=0.9, across=0.2))
    assert part is not None
    assert part.keep == (0, 5)
    assert part.move == (1, 2, 3, 4)
    assert part.ratio < 1.0


def test_two_way_split_on_a_uniform_matrix_has_ratio_one() -> None:
    sim = np.full((6, 6), 0.4)
    np.fill_diagonal(sim, 1.0)
    part = two_way_split(sim)
    assert part is not None
    assert sorted(part.keep + part.move) == list(range(6))
    assert 0 in part.keep
    assert part.ratio == pytest.approx(1.0)


def test_two_way_split_needs_two_rows() -> None:
    assert two_way_split(np.ones((1, 1))) is None
    part = two_way_split(np.array([[1.0, 0.3], [0.3, 1.0]]))
    assert part is not None
    assert (part.keep, part.move) == ((0,), (1,))


# --- OnlineClusterer ------------------------------------------------------------------------------


def featurize(articles: Iterable[Article], featurizer: LexicalFeaturizer) -> list[tuple[int, ArticleFeatures]]:
    """``(article id, features)`` with ids 1, 2, ... in arrival order (the store's ids)."""
    return [(i, featurizer.features(a)) for i, a in enumerate(articles, 1)]


def run(clusterer: OnlineClusterer, items: Iterable[tuple[int, ArticleFeatures]]) -> list[Any]:
    """Every decision and repair, in the order the clusterer made them."""
    out: list[Any] = []
    for article_id, features in items:
        out.append(clusterer.assign(article_id, features))
        out.extend(clusterer.take_repairs())
    return out


def groups(log: list[Any]) -> dict[int, int]:
    """Article id -> final story id, repairs applied."""
    story: dict[int, int] = {}
    for entry in log:
        if isinstance(entry, Decision):
            story[entry.article_id] = entry.story_id
        else:
            for article_id in entry.articles:
                story[article_id] = entry.to_story
    return story


@pytest.fixture
def stream(handwritten: dict[str, Article], featurizer: LexicalFeaturizer) -> list[tuple[int, ArticleFeatures]]:
    return featurize(handwritten.values(), featurizer)


@pytest.fixture
def by_name(handwritten: dict[str, Article], stream: list[tuple[int, ArticleFeatures]]) -> dict[str, Decision]:
    decisions = [e for e in run(OnlineClusterer(), stream) if isinstance(e, Decision)]
    return dict(zip(handwritten, decisions, strict=True))


def test_first_article_opens_a_story(by_name: dict[str, Decision]) -> None:
    first = by_name["quake-wire"]
    assert first.new_story
    assert first.copy_of is None
    assert first.explanation.decision == "new"


def test_a_rewritten_report_of_the_same_event_joins_its_story(by_name: dict[str, Decision]) -> None:
    agency = by_name["quake-agency"]
    assert agency.story_id == by_name["quake-wire"].story_id
    assert not agency.new_story
    assert agency.copy_of is None
    assert agency.explanation.decision == "joined"
    assert by_name["quake-followup"].story_id == by_name["quake-wire"].story_id
    assert by_name["derby-paper"].story_id == by_name["derby-sky"].story_id
    assert by_name["rates-broadcaster"].story_id == by_name["rates-wire"].story_id


def test_unrelated_articles_open_new_stories(by_name: dict[str, Decision]) -> None:
    openers = ["quake-wire", "derby-sky", "rates-wire", "museum-arts"]
    assert all(by_name[name].new_story for name in openers)
    assert len({by_name[name].story_id for name in openers}) == 4


def test_the_grouping_of_the_handwritten_reports(by_name: dict[str, Decision]) -> None:
    found: dict[int, set[str]] = {}
    for name, decision in by_name.items():
        found.setdefault(decision.story_id, set()).add(name)
    assert sorted(found.values(), key=sorted) == sorted(
        [
            {"quake-wire", "quake-agency", "quake-republished", "quake-followup"},
            {"derby-sky", "derby-paper"},
            {"rates-wire", "rates-broadcaster"},
            {"museum-arts"},
        ],
        key=sorted,
    )


def test_story_members_lists_an_active_storys_articles(stream: list[tuple[int, ArticleFeatures]]) -> None:
    clusterer = OnlineClusterer()
    final = groups(run(clusterer, stream))
    for story_id in set(final.values()):
        assert clusterer.story_members(story_id) == sorted(a for a, s in final.items() if s == story_id)
    assert clusterer.story_members(max(final.values()) + 1) == []


def test_a_copy_with_a_changed_headline_is_marked_and_joins_the_original_story(
    by_name: dict[str, Decision], handwritten: dict[str, Article]
) -> None:
    names = list(handwritten)
    copy = by_name["quake-republished"]
    original_id = names.index("quake-wire") + 1
    assert copy.copy_of == original_id
    assert copy.story_id == by_name["quake-wire"].story_id
    assert not copy.new_story
    assert copy.explanation.decision == "copy"
    assert 0.0 < copy.explanation.similarity["resemblance"] <= 1.0
    assert all(by_name[n].copy_of is None for n in names if n != "quake-republished")


def test_a_copy_of_a_copy_points_at_the_original(
    handwritten: dict[str, Article], featurizer: LexicalFeaturizer
) -> None:
    wire = handwritten["quake-wire"]
    items = featurize(
        [wire, handwritten["quake-republished"], replace(wire, title="Ecuador: 14 dead in coastal earthquake")],
        featurizer,
    )
    decisions = [e for e in run(OnlineClusterer(), items) if isinstance(e, Decision)]
    assert [d.copy_of for d in decisions] == [None, 1, 1]
    assert len({d.story_id for d in decisions}) == 1


def test_explanations_carry_similarity_and_shared_terms(
    by_name: dict[str, Decision], stream: list[tuple[int, ArticleFeatures]], handwritten: dict[str, Article]
) -> None:
    features = dict(zip(handwritten, (f for _, f in stream), strict=True))
    joined = by_name["quake-agency"].explanation
    assert set(joined.similarity) >= {"title", "body", "names"}
    assert all(0.0 <= v <= 1.0 + 1e-9 for v in joined.similarity.values())
    assert joined.similarity["names"] > 0.0
    assert joined.shared_terms
    assert {"ecuador", "manta", "manabi", "portoviejo"} & set(joined.shared_terms)

    def terms(f: ArticleFeatures) -> set[str]:
        years = {t[1:] for t in f.names if t.startswith("y") and t[1:].isdigit()}  # shown without the "y"
        return set(f.title) | set(f.body) | set(f.names) | years

    for term in joined.shared_terms:  # "shared": in the article and in the story it joined
        assert term in terms(features["quake-agency"]) and term in terms(features["quake-wire"])
    assert joined.time_gap_hours is not None and joined.time_gap_hours >= 0.0
    assert joined.candidates >= 1
    round_trip = type(joined).from_dict(joined.to_dict())
    assert round_trip.shared_terms == joined.shared_terms


def test_decisions_are_deterministic(stream: list[tuple[int, ArticleFeatures]]) -> None:
    first = run(OnlineClusterer(), stream)
    second = run(OnlineClusterer(), stream)
    assert first == second


def restore_after(
    items: Sequence[tuple[int, ArticleFeatures]], make: Callable[[], OnlineClusterer] = OnlineClusterer
) -> OnlineClusterer:
    """A clusterer rebuilt, as ``Engine._restore`` does, from what a run over ``items`` would store:
    live document frequencies, the features after the last snapshot, every active member with its
    ``copy_of`` and the norms of ``state_of``.  Nothing of the first clusterer's memory is reused."""
    first = make()
    log = run(first, items)
    story_of = groups(log)
    copy_of = {e.article_id: e.copy_of for e in log if isinstance(e, Decision)}
    state = {article_id: first.state_of(article_id) for article_id, _ in items}
    counts, n = first.df.take_dirty(), first.df.n
    seen = items[-1][0]

    restored = make()
    originals = [f for article_id, f in items if copy_of[article_id] is None]
    after_snapshot = n - snapshot_boundary(n)
    restored.df.restore(counts, n, originals[len(originals) - after_snapshot :] if after_snapshot else [])
    last_of: dict[int, int] = {}
    for article_id, story_id in story_of.items():
        last_of[story_id] = max(last_of.get(story_id, 0), article_id)
    last_of.update(first.story_activity())  # what the engine persists per story (never lowered by a split)
    split_pairs = [(e.from_story, e.to_story) for e in log if not isinstance(e, Decision) and e.kind == "split"]
    lowest = max(0, restored.checkpoint(seen))
    members = [
        Member(
            article_id=article_id,
            story_id=story_of[article_id],
            features=f,
            copy_of=copy_of[article_id],
            norms=state[article_id].get("norms"),  # type: ignore[arg-type]
            story_last_id=last_of[story_of[article_id]],
        )
        for article_id, f in items
        if last_of[story_of[article_id]] >= lowest
    ]
    checkpoint = restored.last_checkpoint(seen)
    dates = [f.published for article_id, f in items if f.published is not None]
    dates_at_checkpoint = [f.published for article_id, f in items if article_id <= checkpoint and f.published]
    restored.restore(
        members,
        next_story_id=max(story_of.values()) + 1,
        seen=seen,
        max_published_at_checkpoint=max(dates_at_checkpoint) if dates_at_checkpoint else None,
        max_published=max(dates) if dates else None,
        split_pairs=split_pairs,
    )
    return restored


@pytest.mark.parametrize("k", range(1, 9))
def test_restore_is_exact(stream: list[tuple[int, ArticleFeatures]], k: int) -> None:
    uninterrupted = OnlineClusterer()
    run(uninterrupted, stream[:k])
    restored = restore_after(stream[:k])
    assert run(restored, stream[k:]) == run(uninterrupted, stream[k:])


@pytest.mark.parametrize("k", [100, 256, 257])
def test_restore_is_exact_across_repairs_and_retirement(
    synthetic: list[Article], featurizer: LexicalFeaturizer, k: int
) -> None:
    """330 templated reports: stories are split and, with few idle articles allowed, retired at the
    checkpoint of article 256; a restart before or after it changes nothing."""
    params = ClusterParams(max_idle_articles=40)
    items = featurize(synthetic, featurizer)
    uninterrupted = OnlineClusterer(params)
    before = run(uninterrupted, items[:k])
    restored = restore_after(items[:k], lambda: OnlineClusterer(params))
    after = run(uninterrupted, items[k:])
    assert run(restored, items[k:]) == after
    assert restored.active_stories == uninterrupted.active_stories
    assert uninterrupted.active_stories < len(set(groups(before + after).values()))  # the checkpoint retired some


@pytest.mark.parametrize("k", [30, 40])
def test_restore_is_exact_with_a_model_that_splits_and_merges(
    synthetic: list[Article], featurizer: LexicalFeaturizer, k: int
) -> None:
    """A decision model of the test's own (no tuned weights) with eager split and merge rules."""
    model = DecisionModel(
        name="test.StoryDecision.v0",
        bias=-4.8,
        weights={"title": 2.0, "body": 6.0, "names": 12.0, "gap_log_days": -2.0},
        field_weights={"title": 0.3, "body": 1.0, "names": 2.0},
        split=SplitRule(min_group=3, max_ratio=0.7, max_size=64, merge_ratio=0.7, merge_min_probability=0.05),
    )

    def make() -> OnlineClusterer:
        return OnlineClusterer(model=model)

    items = featurize(synthetic[:90], featurizer)
    uninterrupted = make()
    before = run(uninterrupted, items[:k])
    assert any(not isinstance(e, Decision) and e.kind == "split" for e in before)  # the case in point
    restored = restore_after(items[:k], make)
    assert run(restored, items[k:]) == run(uninterrupted, items[k:])


def test_restore_is_exact_when_a_split_after_the_checkpoint_takes_a_storys_recent_articles(
    late_split_articles: list[Article], names_featurizer: Any, names_model: DecisionModel
) -> None:
    def make() -> OnlineClusterer:
        return OnlineClusterer(ClusterParams(max_idle_articles=40), model=names_model)

    items = [(i, names_featurizer.features(a)) for i, a in enumerate(late_split_articles, 1)]
    full = run(make(), items)
    splits = [e for e in full if not isinstance(e, Decision)]
    assert [(e.kind, e.articles) for e in splits] == [("split", (250, 254, 260))]  # the scenario holds
    flood = [e for e in full if isinstance(e, Decision) and e.article_id in (1, 263)]
    assert flood[0].story_id == flood[1].story_id

    uninterrupted = make()
    run(uninterrupted, items[:262])
    restored = restore_after(items[:262], make)
    assert run(restored, items[262:]) == run(uninterrupted, items[262:])


def test_restore_with_no_members_starts_at_the_given_story_id(stream: list[tuple[int, ArticleFeatures]]) -> None:
    clusterer = OnlineClusterer()
    clusterer.restore([], next_story_id=17, seen=0)
    decision = clusterer.assign(1, stream[0][1])
    assert (decision.story_id, decision.new_story) == (17, True)


def later_by(article: Article, days: float) -> Article:
    assert article.published is not None
    return replace(article, published=article.published + timedelta(days=days))


def test_a_report_inside_a_short_window_still_joins(
    handwritten: dict[str, Article], featurizer: LexicalFeaturizer
) -> None:
    clusterer = OnlineClusterer(ClusterParams(max_gap_days=2.0))
    first = clusterer.assign(1, featurizer.features(handwritten["quake-wire"]))
    followup = clusterer.assign(2, featurizer.features(handwritten["quake-followup"]))  # 22 h later
    assert followup.story_id == first.story_id


@pytest.mark.parametrize("days", [60, -60])
@pytest.mark.parametrize("name", ["quake-agency", "quake-followup"])
def test_a_report_published_60_days_apart_scores_lower(
    handwritten: dict[str, Article], featurizer: LexicalFeaturizer, name: str, days: int
) -> None:
    """By default the gap is soft: the same report dated two months away gets a lower join
    probability than dated alongside the story (a follow-up with strong evidence may still join)."""
    scores = []
    for shift in (0, days):
        clusterer = OnlineClusterer()
        clusterer.assign(1, featurizer.features(handwritten["quake-wire"]))
        decision = clusterer.assign(2, featurizer.features(later_by(handwritten[name], shift)))
        scores.append(decision.explanation.score)
    assert scores[1] < scores[0]


@pytest.mark.parametrize("days", [60, -60])
@pytest.mark.parametrize("name", ["quake-agency", "quake-followup"])
def test_max_gap_days_bounds_joins(
    handwritten: dict[str, Article], featurizer: LexicalFeaturizer, name: str, days: int
) -> None:
    """With a hard limit, the same event in other words dated two months away opens a new story."""
    clusterer = OnlineClusterer(ClusterParams(max_gap_days=14.0))
    first = clusterer.assign(1, featurizer.features(handwritten["quake-wire"]))
    shifted = clusterer.assign(2, featurizer.features(later_by(handwritten[name], days)))
    assert shifted.story_id != first.story_id
    assert shifted.new_story


def test_copies_are_exempt_from_the_gap_limit(handwritten: dict[str, Article], featurizer: LexicalFeaturizer) -> None:
    """A re-publication is a copy of its original whenever it appears (while the story is active)."""
    clusterer = OnlineClusterer(ClusterParams(max_gap_days=14.0))
    first = clusterer.assign(1, featurizer.features(handwritten["quake-wire"]))
    copy = clusterer.assign(2, featurizer.features(later_by(handwritten["quake-republished"], 60)))
    assert copy.story_id == first.story_id
    assert copy.copy_of == 1


# --- metrics --------------------------------------------------------------------------------------


def test_perfect_agreement_scores_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    relabelled = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(relabelled, gold) == (1.0, 1.0, 1.0)
    assert pairwise(relabelled, gold) == (1.0, 1.0, 1.0)


def test_bcubed_on_a_hand_checked_example() -> None:
    pred = {1: "x", 2: "x", 3: "x", 4: "y"}
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    # precision per item: 2/3, 2/3, 1/3, 1 -> 2/3; recall: 1, 1, 1/2, 1/2 -> 3/4
    p, r, f = bcubed(pred, gold)
    assert p == pytest.approx(2 / 3)
    assert r == pytest.approx(3 / 4)
    assert f == pytest.approx(12 / 17)


def test_pairwise_on_a_hand_checked_example() -> None:
    pred = {1: "x", 2: "x", 3: "x", 4: "y"}
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    # predicted pairs 12 13 23, gold pairs 12 34, common 12
    p, r, f = pairwise(pred, gold)
    assert p == pytest.approx(1 / 3)
    assert r == pytest.approx(1 / 2)
    assert f == pytest.approx(0.4)


def test_all_singletons_and_all_together() -> None:
    gold = {1: "a", 2: "a", 3: "b"}
    singletons = {1: 1, 2: 2, 3: 3}
    together = {1: 0, 2: 0, 3: 0}
    assert bcubed(singletons, gold)[:2] == pytest.approx((1.0, 2 / 3))
    assert pairwise(singletons, gold) == (1.0, 0.0, 0.0)
    assert bcubed(together, gold)[:2] == pytest.approx((5 / 9, 1.0))
    assert pairwise(together, gold)[:2] == pytest.approx((1 / 3, 1.0))


def test_metrics_use_only_common_items() -> None:
    pred = {1: "x", 2: "x", 99: "x"}
    gold = {1: "a", 2: "a", 3: "b"}
    assert bcubed(pred, gold) == (1.0, 1.0, 1.0)
    assert pairwise(pred, gold) == (1.0, 1.0, 1.0)
    assert bcubed({}, gold) == (1.0, 1.0, 1.0)


def test_mean_offdiag_of_consecutive_rows_is_the_block_mean_bit_for_bit() -> None:
    """Consecutive rows are read as a slice (the merge check's two stories): the same float as the
    np.ix_ block, so decisions do not depend on which path was taken."""
    rng = np.random.default_rng(0)
    for n in range(2, 16):
        m = rng.random((n, n))
        m = (m + m.T) / 2
        for k in range(1, n):
            for group in (list(range(k)), list(range(k, n)), list(range(0, n, 2))):
                if len(group) >= 2:
                    block = m[np.ix_(group, group)]
                    expected = float((block.sum() - np.trace(block)) / (len(group) * (len(group) - 1)))
                    assert mean_offdiag(m, group) == expected
