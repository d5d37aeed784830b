"""End to end: ../shared/data/seeds/expected.md, item by item, on the bundled seed reports.

The seeds (Bloomberg's report of the Blinken-Lavrov meeting and NBC News' report machine-translated
through French) are ingested with the demo's unrelated articles into a real SQLite file; the story
they form is compared through the engine, exactly as ``newsprism story ID --compare --json`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism import Engine, Settings
from newsprism.demo import demo_paths

BLOOMBERG = "bloomberg-blinken-lavrov.txt"
NBC = "nbc-blinken-lavrov-translated.txt"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, int, dict[str, Any], dict[str, str]]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    engine = Engine.open(Settings.load({"db": str(db)}))
    report = engine.ingest([str(p) for p in demo_paths()])
    assert report.ingested == 15 and report.skipped == 0
    stories = {a.origin: (s.id, a, m) for s in engine.stories() for a, m in engine.story_members(s.id)}
    bloomberg = next(v for k, v in stories.items() if k.endswith(BLOOMBERG))
    nbc = next(v for k, v in stories.items() if k.endswith(NBC))
    assert bloomberg[0] == nbc[0]
    data = engine.compare_story(bloomberg[0])
    ids = {"bloomberg": bloomberg[1].external_id, "nbc": nbc[1].external_id}
    return engine, bloomberg[0], data, ids


def _texts(data: dict[str, Any], fact: dict[str, Any], article: str) -> str:
    return " ".join(s.get("text", "") for s in fact["support"] if s["article"] == article)


def _shared(data: dict[str, Any], ids: dict[str, str], *terms: str) -> bool:
    """Some fact is supported by both sources, and each source's supporting text has every term."""
    for fact in data["facts"]:
        b, n = _texts(data, fact, ids["bloomberg"]), _texts(data, fact, ids["nbc"])
        if b and n and all(t.lower() in b.lower() and t.lower() in n.lower() for t in terms):
            return True
    return False


def _unique(data: dict[str, Any], article: str, term: str) -> bool:
    return any(term.lower() in f["text"].lower() for f in data["unique"] if f["support"][0]["article"] == article)


# --- ingest --------------------------------------------------------------------------------------


def test_both_get_one_title_clean_body_outlet_and_language(seeded: Any) -> None:
    engine, story_id, _, ids = seeded
    members = {a.external_id: a for a, _ in engine.story_members(story_id)}
    b, n = members[ids["bloomberg"]], members[ids["nbc"]]
    assert b.title == "Blinken, Lavrov Begin First Meeting With Summit Timing on Agenda"
    assert n.title == "Blinken and Lavrov meet as US, Russia test waters ahead of Biden-Putin summit"
    assert n.title not in n.text  # the repeated title line is not body
    for boilerplate in ("(Bloomberg) --", "©2021 Bloomberg L.P."):
        assert boilerplate not in b.text
    assert "Download the NBC News app" not in n.text
    assert b.text.startswith("Secretary of State Antony Blinken met his Russian counterpart")
    assert (b.outlet, n.outlet) == ("Bloomberg", "NBC News")
    assert (b.language, n.language) == ("en", "en")


# --- stories -------------------------------------------------------------------------------------


def test_one_story_without_unrelated_articles_and_no_copy(seeded: Any) -> None:
    engine, story_id, _, ids = seeded
    members = engine.story_members(story_id)
    assert sorted(a.external_id for a, _ in members) == sorted(ids.values())
    assert all(m.copy_of is None for _, m in members)  # independent reports, not copies


# --- quotes --------------------------------------------------------------------------------------

EXPECTED_QUOTES = {
    "bloomberg": [
        ("Blinken", "no secret that we have our differences"),
        ("Blinken", "if Russia acts aggressively against us, our partners, and our allies we’ll respond"),
        ("Blinken", "not for purposes of escalation, not to seek out conflict but to defend our interests"),
        ("Lavrov", "serious differences"),
        ("Lavrov", "our task is to make the best of the diplomatic opportunities that we have"),
    ],
    "nbc": [
        ("a senior State Department official", "constructive"),
        ("Blinken", "There are many areas where our interests intersect and overlap"),
        ("Blinken", "If Russia acts aggressively against us, our partners, our allies, we will respond"),
        ("Blinken", "And President Biden has demonstrated it both in word and in deed."),
        ("Lavrov", "We are ready to discuss all matters on the table"),
        ("Lavrov", "the laws of diplomacy recommend mutuality"),
    ],
}


@pytest.mark.parametrize(
    ("source", "speaker", "quote"), [(s, sp, q) for s, items in EXPECTED_QUOTES.items() for sp, q in items]
)
def test_quote_with_its_speaker(seeded: Any, source: str, speaker: str, quote: str) -> None:
    _, _, data, ids = seeded
    found = [q for q in data["quotes"] if q["article"] == ids[source] and q["text"].startswith(quote)]
    assert found, f"{quote!r} not found in {source}"
    assert any(speaker.lower() in (q["speaker"] or "").lower() for q in found), [q["speaker"] for q in found]


def test_blinken_warning_is_a_quote_variant_with_a_word_diff(seeded: Any) -> None:
    _, _, data, ids = seeded
    variants = [v for v in data["quote_variants"] if "Blinken" in (v["speaker"] or "")]
    assert len(variants) == 1
    v = variants[0]
    assert {q["article"] for q in v["quotes"]} == set(ids.values())
    assert all("acts aggressively" in q["text"] for q in v["quotes"])
    changed = {(d["op"], d["text"]) for d in v["diff"] if d["op"] != "="}
    assert ("-", "we’ll") in changed or ("+", "we’ll") in changed
    assert any(op != "=" and "will" in text for op, text in changed)


# --- shared facts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "terms",
    [
        ("Arctic Council", "sidelines"),  # meeting on the sidelines of the Arctic Council
        ("Reykjavik",),  # in Reykjavik
        ("Iceland",),  # Iceland
        ("Wednesday",),  # on Wednesday
        ("face-to-face",),  # first face-to-face since Biden took office
        ("acts aggressively", "respond"),  # Blinken's warning
        ("climate",),  # cooperation on Covid-19, climate change ...
        ("Afghanistan", "Iran", "North Korea"),  # ... Afghanistan, Iran, North Korea
        ("summit", "Putin"),  # an upcoming Biden-Putin summit
        ("Nord Stream 2",),  # the Nord Stream 2 sanctions decision
    ],
)
def test_shared_fact(seeded: Any, terms: tuple[str, ...]) -> None:
    _, _, data, ids = seeded
    assert _shared(data, ids, *terms), f"no fact supported by both sources mentions {terms}"


def test_nothing_in_facts_that_only_one_source_says(seeded: Any) -> None:
    _, _, data, ids = seeded
    assert data["facts"]
    for fact in data["facts"]:
        assert fact["sources"] >= 2
        assert {s["article"] for s in fact["support"]} == set(ids.values())
    for fact in data["unique"]:
        assert fact["sources"] == 1 and len({s["article"] for s in fact["support"]}) == 1


def test_spans_index_the_stored_clean_text(seeded: Any) -> None:
    engine, story_id, data, _ = seeded
    texts = {a.external_id: a.text for a, _ in engine.story_members(story_id)}
    spans = [s for f in data["facts"] + data["unique"] for s in f["support"]]
    spans += [s for c in data["conflicts"] for s in c["sides"]]
    spans += data["quotes"]
    assert spans
    for s in spans:
        piece = texts[s["article"]][s["start"] : s["end"]]
        assert piece == s.get("text", s.get("value", piece)), s


# --- differences ---------------------------------------------------------------------------------


def _conflict(data: dict[str, Any], ids: dict[str, str], kind: str, b_has: str, n_has: str) -> bool:
    for c in data["conflicts"]:
        if c["kind"] != kind:
            continue
        b = " ".join(s["value"] for s in c["sides"] if s["article"] == ids["bloomberg"])
        n = " ".join(s["value"] for s in c["sides"] if s["article"] == ids["nbc"])
        if b_has in b and n_has in n:
            return True
    return False


def test_summit_timing_differs(seeded: Any) -> None:
    _, _, data, ids = seeded
    assert _conflict(data, ids, "date", "in the coming months", "later this summer")


def test_nord_stream_2_framed_differently(seeded: Any) -> None:
    _, _, data, ids = seeded
    assert _conflict(data, ids, "framing", "hold off on punishing the Swiss-based company", "the lifting of sanctions")


def test_summit_versus_ministerial_meeting(seeded: Any) -> None:
    _, _, data, ids = seeded
    assert _conflict(data, ids, "framing", "summit", "ministerial meeting")


# --- unique to one source ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "term"),
    [
        ("bloomberg", "tens of thousands of troops"),
        ("bloomberg", "pullback"),
        ("bloomberg", "annexed Crimea"),
        ("bloomberg", "made up of nations"),
        ("bloomberg", "next two years"),
        ("bloomberg", "significant concession"),
        ("nbc", "over 90 minutes"),
        ("nbc", "constructive"),
        ("nbc", "SolarWinds"),
        ("nbc", "ten Russian diplomats"),
        ("nbc", "eight senior US administration officials"),
        ("nbc", "Christopher Wray"),
        ("nbc", "DarkSide"),
        ("nbc", "Trevor Reed and Paul Whelan"),
        ("nbc", "Alexei Navalny"),
        ("nbc", "Radio Free Europe"),
    ],
)
def test_unique_to_one_source(seeded: Any, source: str, term: str) -> None:
    _, _, data, ids = seeded
    assert _unique(data, ids[source], term), f"{term!r} is not reported as unique to {source}"


def test_comparison_is_cached_until_the_story_changes(seeded: Any, tmp_path: Path) -> None:
    engine, story_id, data, _ = seeded
    again = engine.compare_story(story_id)
    assert again == data
    cached = engine.store.get_analysis(story_id, "comparison")
    assert cached is not None and cached[0] == engine.comparer.name


def test_json_schema_fields(seeded: Any) -> None:
    _, story_id, data, _ = seeded
    assert data["story"] == story_id
    assert {"story", "sources", "facts", "unique", "conflicts", "quotes", "quote_variants", "entities"} <= set(data)
    assert {"article", "outlet", "title"} <= set(data["sources"][0])
    assert {"text", "support"} <= set(data["facts"][0])
    assert {"article", "start", "end"} <= set(data["facts"][0]["support"][0])
    assert {"kind", "sides"} <= set(data["conflicts"][0])
    assert {"article", "start", "end", "value"} <= set(data["conflicts"][0]["sides"][0])
    assert {"speaker", "text", "article", "start", "end"} <= set(data["quotes"][0])
    assert {"speaker", "quotes", "diff"} <= set(data["quote_variants"][0])
    names = {e["name"] for e in data["entities"]}
    assert {"Antony Blinken", "Sergei Lavrov", "Joe Biden", "Vladimir Putin"} <= names


def test_summary_words_what_both_report_by_the_fluent_source(seeded: Any) -> None:
    """NBC's text reads as machine-translated: where Bloomberg reports the same fact, the summary
    takes Bloomberg's sentence (and still cites both)."""
    _, _, data, ids = seeded
    assert data["summary"]
    for sentence in data["summary"]:
        cited = {s["article"] for s in sentence["support"]}
        assert cited >= {ids["bloomberg"], ids["nbc"]}  # every summary sentence is a shared fact here
        own = sentence["support"][0]
        assert own["article"] == ids["bloomberg"] and own["text"] == sentence["text"]
    assert not any("since entering according to" in s["text"] for s in data["summary"])
