"""Page models without a server: span highlighting, quote word diffs, the timeline layout."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from datetime import UTC, datetime, timedelta

from newsprism.model import Article, Assignment, Explanation
from newsprism.web.timeline import MAX_LANES, build_timeline
from newsprism.web.views import _changed_words, highlight


def test_highlight_escapes_and_wraps_each_range_with_its_id() -> None:
    html = highlight("a <b> & c", [(2, 5, "quote", 'say "hi"')])
    assert str(html) == 'a <span class="quote" id="span-2-5" title="say &#34;hi&#34;">&lt;b&gt;</span> &amp; c'


def test_earlier_ranges_stay_whole_and_later_ones_are_cut() -> None:
    text = "0123456789"
    html = str(highlight(text, [(0, 5, "fact", ""), (5, 10, "fact", ""), (3, 8, "quote", "")]))
    # both statements whole (their ids intact); the quote across their edge cut in two, its id on the first piece
    assert html == (
        '<span class="fact" id="span-0-5">012<span class="quote" id="span-3-8">34</span></span>'
        '<span class="fact" id="span-5-10"><span class="quote">567</span>89</span>'
    )


def test_same_range_twice_is_one_element_with_both_classes() -> None:
    html = str(highlight("abcdef", [(1, 4, "fact", "Reported by 2"), (1, 4, "cited", "Cited"), (2, 3, "conflict", "")]))
    assert html == (
        'a<span class="fact cited" id="span-1-4" title="Reported by 2; Cited">b'
        '<span class="conflict" id="span-2-3">c</span>d</span>ef'
    )


def test_ranges_outside_the_text_are_clipped() -> None:
    assert str(highlight("abc", [(1, 99, "fact", "")])) == 'a<span class="fact" id="span-1-99">bc</span>'
    assert str(highlight("abc", [(5, 9, "fact", "")])) == "abc"


def test_changed_words_ignore_case_and_punctuation() -> None:
    a = "if Russia acts aggressively against us, our partners, and our allies we’ll respond"
    b = "If Russia acts aggressively against us, our partners, our allies, we will respond"
    only_a, only_b = _changed_words(a, b)
    assert [a[s:e] for s, e in only_a] == ["and", "we’ll"]
    assert [b[s:e] for s, e in only_b] == ["we", "will"]


def _member(i: int, outlet: str | None, published: datetime | None) -> tuple[Article, Assignment]:
    article = Article(
        external_id=f"a{i}", title=f"t{i}", text="x", content_hash=str(i), outlet=outlet, published=published, id=i
    )
    return article, Assignment(article_id=i, story_id=1, explanation=Explanation(decision="joined"))


def test_timeline_lanes_follow_first_reports_and_growth_rises() -> None:
    t0 = datetime(2024, 3, 1, 8, tzinfo=UTC)
    members = [
        _member(1, "B", t0 + timedelta(hours=5)),
        _member(2, "A", t0),
        _member(3, "B", t0 + timedelta(hours=1)),
        _member(4, "C", None),
    ]
    timeline = build_timeline(members)
    assert timeline is not None and not timeline.by_arrival
    assert [lane.outlet for lane in timeline.lanes] == ["A", "B"]
    a, b = timeline.lanes
    assert a.first_x == timeline.left and b.first_x < b.later_xs[0] == timeline.right
    assert (b.articles, timeline.total, timeline.undated) == (2, 3, 1)
    assert timeline.growth_path.startswith(f"M{timeline.left} ") and timeline.growth_path.count("V") == 3
    assert timeline.ticks[0].label == "01 Mar 08:00" and len(timeline.ticks) == 5


def test_timeline_without_dates_uses_arrival_and_caps_lanes() -> None:
    members = [_member(i, f"outlet {i:02d}", None) for i in range(1, MAX_LANES + 6)]
    timeline = build_timeline(members)
    assert timeline is not None and timeline.by_arrival
    assert len(timeline.lanes) == MAX_LANES and timeline.hidden_outlets == 5
    assert timeline.ticks[0].label == "#1" and timeline.ticks[-1].label == f"#{len(members)}"
    assert build_timeline([]) is None
    one = build_timeline(members[:1])
    assert one is not None and [t.label for t in one.ticks] == ["#1"]


def test_a_quote_diff_reads_from_the_left_column_to_the_right() -> None:
    """Columns follow the sources; a variant's quotes may come in the other order: the diff is read
    from the left column's wording to the right one's all the same."""
    from newsprism.web.views import story_view

    gazette = "“We will respond,” Blinken said in Reykjavik on Wednesday night."
    herald = "“We’ll respond,” Blinken said in Reykjavik on Wednesday night."
    members = [
        (Article("a", "T", gazette, "h1", outlet="Gazette", id=1), Assignment(1, 1, Explanation(decision="new"))),
        (Article("b", "T", herald, "h2", outlet="Herald", id=2), Assignment(2, 1, Explanation(decision="joined"))),
    ]
    quote = {"speaker": "Blinken", "translated": False}
    variant = {
        **quote,
        "quotes": [  # the right column's quote first
            {"article": "b", "start": 1, "end": 14, "text": herald[1:14]},
            {"article": "a", "start": 1, "end": 16, "text": gazette[1:16]},
        ],
        "diff": [{"op": "-", "text": "We’ll"}, {"op": "+", "text": "We will"}, {"op": "=", "text": "respond,"}],
    }
    data = {
        "sources": [
            {"article": "a", "outlet": "Gazette", "title": "T"},
            {"article": "b", "outlet": "Herald", "title": "T"},
        ],
        "quote_variants": [variant],
    }
    (row,) = story_view(data, members).variants
    assert [c.article for c in story_view(data, members).columns] == ["a", "b"]
    assert "<del>We will</del>" in str(row.diff) and "<ins>We’ll</ins>" in str(row.diff)  # Gazette's, then Herald's
