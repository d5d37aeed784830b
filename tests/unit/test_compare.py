"""The compare stage on small hand-written reports: alignment, independence of copies, conflicts,
quote variants, and the renderers (escaping included)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np
import pytest

from newsprism.compare.align import AlignParams, Doc, align, clauses
from newsprism.compare.base import Conflict
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.compare.render import to_html, to_markdown, to_text
from newsprism.compare.variants import diff_words, same_speaker
from newsprism.nlp.sentences import RuleSentenceSplitter

QUAKE_A = (
    "A magnitude 6.1 earthquake struck the northern province of Ardana on Tuesday, killing 12 people and "
    "injuring dozens, the regional governor said.\n"
    "Rescue teams from the capital Veltro reached the town of Osk late on Tuesday night.\n"
    "“We are searching every building that collapsed,” Governor Mira Kessel said.\n"
    "The quake damaged the old stone bridge over the Tamar river, which was closed to traffic.\n"
    "Aid agencies said 3,000 families had lost their homes."
)
QUAKE_B = (
    "An earthquake of magnitude 6.1 hit Ardana province on Tuesday, killing 15 people, officials said.\n"
    "Rescuers from Veltro arrived in the town of Osk on Tuesday night to search the rubble.\n"
    "“We are searching every single building that has collapsed,” Governor Mira Kessel told reporters.\n"
    "Schools across the province will stay closed until Monday, the education ministry announced."
)


def _inputs(*texts: tuple[str, str], copy_of: dict[str, str] | None = None) -> list[CompareInput]:
    copy_of = copy_of or {}
    return [
        CompareInput(
            article=name,
            title=f"Report {name}",
            text=text,
            outlet=name.upper(),
            language="en",
            published=datetime(2024, 3, 5, tzinfo=UTC),
            copy_of=copy_of.get(name),
        )
        for name, text in texts
    ]


@pytest.fixture(scope="module")
def comparer() -> Comparer:
    return Comparer()


def test_shared_facts_unique_statements_and_number_conflict(comparer: Comparer) -> None:
    data = comparer.compare(_inputs(("a", QUAKE_A), ("b", QUAKE_B))).to_json()
    statements = [f for f in data["facts"] if f["kind"] == "statement"]
    assert any("earthquake" in f["text"].lower() for f in statements)
    assert any("Osk" in f["text"] for f in statements)
    uniques = " ".join(f["text"] for f in data["unique"])
    assert "bridge" in uniques and "Schools" in uniques
    numbers = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert numbers, data["conflicts"]
    values = {s["article"]: s["normalized"] for s in numbers[0]["sides"]}
    assert values == {"a": "12", "b": "15"}


def test_a_quote_worded_differently_is_a_variant(comparer: Comparer) -> None:
    data = comparer.compare(_inputs(("a", QUAKE_A), ("b", QUAKE_B))).to_json()
    variants = data["quote_variants"]
    assert len(variants) == 1
    assert variants[0]["speaker"] == "Mira Kessel"
    added = {d["text"] for d in variants[0]["diff"] if d["op"] == "+"}
    assert "single" in " ".join(added)
    assert all(q["shared"] for q in data["quotes"] if "searching" in q["text"])


def test_a_copy_does_not_make_a_fact_shared(comparer: Comparer) -> None:
    copy = QUAKE_A.replace("Tuesday, killing", "Tuesday morning, killing")
    data = comparer.compare(_inputs(("a", QUAKE_A), ("a2", copy), copy_of={"a2": "a"})).to_json()
    assert data["facts"] == []  # two renderings of one report: nothing is independently confirmed
    assert data["quote_variants"] == []
    # what the report alone says is listed once, from the original, not again for its copy
    unique = [f["support"][0]["article"] for f in data["unique"] if f["kind"] == "statement"]
    assert unique and set(unique) == {"a"}
    assert data["quotes"] and {q["article"] for q in data["quotes"]} == {"a"}  # its quotes too
    added = copy + "\nA second aftershock shook the town of Osk on Wednesday morning, the governor said."
    data = comparer.compare(_inputs(("a", QUAKE_A), ("a2", added), copy_of={"a2": "a"})).to_json()
    extra = [f["text"] for f in data["unique"] if f["kind"] == "statement" and f["support"][0]["article"] == "a2"]
    assert extra == ["A second aftershock shook the town of Osk on Wednesday morning, the governor said."]
    assert next(s for s in data["sources"] if s["article"] == "a2")["copy_of"] == "a"


@pytest.mark.parametrize("copy_name", ["a0", "z9"])  # before or after its original in any order
def test_facts_and_details_cite_the_original_not_its_copy(comparer: Comparer, copy_name: str) -> None:
    """A wire copy and its original carry the same sentences: what another source confirms is
    cited from the original (the copy's sentence used to win a tie when it came first), and what
    the original alone gives is listed once, under the original."""
    copy = QUAKE_A + "\nRead more at Wire."
    data = comparer.compare(_inputs(("m", QUAKE_A), (copy_name, copy), ("b", QUAKE_B), copy_of={copy_name: "m"}))
    cited = {s.article for f in data.facts for s in f.support}
    assert data.facts and "m" in cited and copy_name not in cited
    details = [f for f in data.facts if f.kind == "detail"]
    assert details and all({s.article for s in f.support} == {"m", "b"} for f in details)
    from_copy = [f.text for f in data.unique if f.support[0].article == copy_name]
    assert from_copy == ["Read more at Wire."]  # what the copy adds, and nothing it repeats


def test_a_quote_only_the_copies_carry_is_listed_once(comparer: Comparer) -> None:
    """Three renderings of one report whose original the rules read no quote in: the quote once."""
    quote = "\n“We will rebuild the bridge within a year,” Governor Mira Kessel said."
    inputs = _inputs(("m", QUAKE_B), ("c1", QUAKE_B + quote), ("c2", QUAKE_B + quote), copy_of={"c1": "m", "c2": "m"})
    quotes = [q for q in comparer.compare(inputs).to_json()["quotes"] if "rebuild" in q["text"]]
    assert len(quotes) == 1


@pytest.mark.parametrize(
    ("a", "b", "topic"),
    [
        ("A magnitude 6.1 earthquake", "A magnitude 5.4 earthquake", "magnitude"),
        ("A magnitude 6.1 earthquake", "A 5.4-magnitude earthquake", "magnitude"),
        ("It struck 40 kilometres from Osk", "It struck 90 kilometres from Osk", "kilometers from osk"),
    ],
)
def test_measures_of_one_thing_conflict(comparer: Comparer, a: str, b: str, topic: str) -> None:
    """A distance, size or magnitude is compared when it measures the same thing: the words after
    its unit agree ("kilometres from Osk"), or it is a quake's magnitude."""
    rest = " in the northern province of Ardana on Tuesday, the regional governor said after a visit."
    data = comparer.compare(_inputs(("a", a + rest), ("b", b + rest))).to_json()
    numbers = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert [c["topic"] for c in numbers] == [topic], data["conflicts"]


@pytest.mark.parametrize(("b_tally", "conflict"), [("a 52-48 vote", True), ("a 51-49 vote", False)])
def test_vote_tallies_conflict_when_they_differ(comparer: Comparer, b_tally: str, conflict: bool) -> None:
    rest = " with two Republicans joining Democrats in opposition, the clerk said after the session."
    a = "The Senate confirmed the nominee on Tuesday by a vote of 51 to 49," + rest
    b = f"The Senate confirmed the nominee on Tuesday in {b_tally}," + rest
    data = comparer.compare(_inputs(("a", a), ("b", b))).to_json()
    tallies = [c for c in data["conflicts"] if c["topic"] == "tally"]
    assert bool(tallies) is conflict, data["conflicts"]
    if conflict:
        assert {s["normalized"] for s in tallies[0]["sides"]} == {"51-49", "52-48"}


def test_measures_of_different_things_do_not_conflict(comparer: Comparer) -> None:
    """Two distances after different words (from a town, below ground) are not compared, nor is a
    distance one source gives next to an agreeing one."""
    rest = " struck the northern province of Ardana on Tuesday, the regional governor said after a visit."
    a = "The quake, centred 40 kilometres from Osk at a depth of 10 kilometres below ground," + rest
    b = "The quake, centred 40 kilometres from Osk at a depth of 12 kilometres under the sea," + rest
    data = comparer.compare(_inputs(("a", a), ("b", b))).to_json()
    assert [c for c in data["conflicts"] if c["kind"] == "number"] == []


def test_a_copy_that_changes_a_number_keeps_its_sentence(comparer: Comparer) -> None:
    """A copy's sentence is a repeat of its original's only when it gives no number the original's
    lacks: "killing 41" against "killing 12" is listed for the copy."""
    changed = QUAKE_A.replace("killing 12", "killing 41")
    data = comparer.compare(_inputs(("a", QUAKE_A), ("a2", changed), copy_of={"a2": "a"})).to_json()
    mine = [f["text"] for f in data["unique"] if f["kind"] == "statement" and f["support"][0]["article"] == "a2"]
    assert len(mine) == 1 and "killing 41" in mine[0]


def test_copies_of_an_original_not_compared_are_listed_once(comparer: Comparer) -> None:
    """Two copies of an original the comparison does not hold: what they both say is listed once."""
    inputs = _inputs(("b", QUAKE_A), ("c", QUAKE_A + "\nA curfew was declared in Osk."), copy_of={"b": "x", "c": "x"})
    data = comparer.compare(inputs).to_json()
    listed = [f["text"] for f in data["unique"] if f["kind"] == "statement"]
    assert len(listed) == len(set(listed)) and any("curfew" in t for t in listed)


def test_date_conflict_between_days(comparer: Comparer) -> None:
    b = QUAKE_B.replace("on Tuesday, killing", "on Wednesday, killing")
    data = comparer.compare(_inputs(("a", QUAKE_A), ("b", b))).to_json()
    dates = [c for c in data["conflicts"] if c["kind"] == "date"]
    assert dates
    assert {s["value"] for s in dates[0]["sides"]} == {"Tuesday", "Wednesday"}


def test_spans_point_into_the_texts(comparer: Comparer) -> None:
    texts = {"a": QUAKE_A, "b": QUAKE_B}
    data = comparer.compare(_inputs(("a", QUAKE_A), ("b", QUAKE_B))).to_json()
    for fact in data["facts"] + data["unique"]:
        for s in fact["support"]:
            assert texts[s["article"]][s["start"] : s["end"]] == s["text"]
    for q in data["quotes"]:
        assert texts[q["article"]][q["start"] : q["end"]] == q["text"]


def test_deterministic(comparer: Comparer) -> None:
    one = comparer.compare(_inputs(("a", QUAKE_A), ("b", QUAKE_B))).to_json()
    two = Comparer().compare(_inputs(("b", QUAKE_B), ("a", QUAKE_A))).to_json()
    assert one == two


def test_clauses_split_coordinated_statements_but_not_quotes() -> None:
    text = "Russia then announced a pullback of its troops, and Biden discussed the summit with Putin."
    parts = [text[a:b] for a, b in clauses(text, 0)]
    assert parts == ["Russia then announced a pullback of its troops", "Biden discussed the summit with Putin."]
    verb = "He arrived in Reykjavik on Tuesday morning, but added that the talks would go on for a while."
    assert [verb[a:b] for a, b in clauses(verb, 0)][1] == "but added that the talks would go on for a while."
    quoted = "He said “we came here, and we saw it all” and left the building at noon."
    assert [quoted[a:b] for a, b in clauses(quoted, 0)] == [quoted]


def test_clauses_keep_lists_and_phrases_whole() -> None:
    def split(text: str) -> list[str]:
        return [text[a:b] for a, b in clauses(text, 0)]

    # the last item of a list is no statement of its own ...
    items = (
        "The United States imposed sanctions for a series of actions, including interference in the "
        "election, the SolarWinds cyberattack, and the continued occupation of Crimea."
    )
    assert split(items) == [items]
    # ... nor is a participle continuing a series of them
    series = (
        "The Kremlin responded by expelling ten diplomats from Russia, sanctioning eight senior officials, "
        "and blocking the employment of foreign nationals by the mission."
    )
    assert split(series) == [series]
    # "but only ..." without a verb is a phrase; with one it is a clause
    phrase = "The ransomware attack on the pipeline was also discussed, but only in the context of other issues."
    assert split(phrase) == [phrase]
    verb = "The attack on the pipeline was discussed at length, but also helped to keep the talks going for hours."
    assert len(split(verb)) == 2
    # a clause after a short comma-separated piece with a verb still splits, and so does an -ing
    # word that opens a clause with a verb of its own
    clause = "By the mid-1980s, the dairy was faltering, and a state-run corporation took over its management."
    assert split(clause)[-1] == "a state-run corporation took over its management."
    roads = "People near the store were made to leave their homes, and surrounding roads were closed by police."
    assert len(split(roads)) == 2


def test_word_diff_and_speakers() -> None:
    diff = diff_words("we will respond to them", "we’ll respond to them now")
    assert ("=", "respond to them") in diff
    assert ("-", "we will") in diff and ("+", "we’ll") in diff and ("+", "now") in diff
    assert same_speaker("Antony Blinken", "Blinken")
    assert not same_speaker("Antony Blinken", "Sergei Lavrov")


HOSTILE = (
    "Officials said the <script>alert('x')</script> attack was repelled on Monday by the coastal guard.\n"
    "Witnesses saw <img src=x onerror=alert(1)> flares over the harbour of Nalo on Monday night."
)


def test_html_report_is_inert(comparer: Comparer) -> None:
    other = HOSTILE.replace("Witnesses saw", "People reported").replace("flares", "bright flares")
    page = to_html(comparer.compare(_inputs(("a", HOSTILE), ("b", other))).to_json())
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "onerror=" not in page.replace("onerror=alert", "")  # only as escaped text
    assert "&lt;script&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<[^>]+\son\w+=", page)  # no event handler attributes at all


def test_text_and_markdown_views(comparer: Comparer) -> None:
    data = comparer.compare(_inputs(("a", QUAKE_A), ("b", QUAKE_B))).to_json()
    text = to_text(data)
    assert "Reported by several sources" in text and "Only in one source" in text and "Mira Kessel" in text
    md = to_markdown({**data, "label": "Quake | in *Ardana*"})
    assert md.startswith("# Quake \\| in \\*Ardana\\*")
    assert "## Differences" in md
    # an article id is a code span: literal there, so not backslash-escaped (a pipe still is, in a table)
    odd = {**data, "sources": [{**data["sources"][0], "article": "<b>x|1</b>"}, *data["sources"][1:]]}
    assert "| `<b>x\\|1</b>` |" in to_markdown(odd)


def test_reported_speech_is_not_shown_as_a_quotation(comparer: Comparer) -> None:
    """Reported speech is the writer's wording: no quotation marks around it in any view."""
    data = comparer.compare(_inputs(("a", QUAKE_A), ("b", QUAKE_B))).to_json()
    kinds = {q["kind"] for q in data["quotes"]}
    assert kinds == {"direct", "reported"}, kinds
    reported = next(q for q in data["quotes"] if q["kind"] == "reported")
    direct = next(q for q in data["quotes"] if q["kind"] == "direct")
    text = to_text(data, width=400)
    assert f"\u201c{reported['text']}\u201d" not in text and f"(reported): {reported['text']}" in text
    assert f"\u201c{direct['text']}\u201d" in text
    md = to_markdown(data)
    assert "| reported speech |" in md and "| direct quote |" in md
    page = to_html(data)
    assert "<td>reported speech</td>" in page and "<td>direct quote</td>" in page


def test_text_view_lists_a_fact_once_with_each_sources_wording() -> None:
    """One sentence aligned with two of another source is one entry, both other wordings under it."""
    anchor = {"article": "a", "start": 0, "end": 30, "text": "The bridge over the Tamar fell."}
    data = {
        "sources": [
            {"article": "a", "outlet": "Alpha", "title": "A"},
            {"article": "b", "outlet": "Beta", "title": "B"},
        ],
        "facts": [
            {
                "text": anchor["text"],
                "support": [anchor, {"article": "b", "start": 0, "end": 20, "text": "The Tamar bridge collapsed."}],
            },
            {
                "text": anchor["text"],
                "support": [anchor, {"article": "b", "start": 40, "end": 70, "text": "Its old stones gave way."}],
            },
            {
                "text": "when: Tuesday night",
                "support": [
                    {"article": "a", "start": 31, "end": 44, "text": "Tuesday night"},
                    {"article": "b", "start": 80, "end": 87, "text": "Tuesday"},
                ],
            },
        ],
    }
    text = to_text(data)
    assert "Reported by several sources (2):" in text
    assert text.count("The bridge over the Tamar fell.") == 1
    assert "      Beta: The Tamar bridge collapsed." in text and "      Beta: Its old stones gave way." in text
    assert "      Beta: Tuesday" in text and "Alpha: Tuesday night" not in text  # the detail's own wording once
    md = to_markdown(data)
    assert md.count("- The bridge over the Tamar fell.") == 1 and md.count("  - Alpha:") == 2


def test_a_countrys_adjective_is_not_where_it_happened(comparer: Comparer) -> None:
    a = (
        "The Russian foreign minister met his Norwegian counterpart in Tromso, Norway, on Monday "
        "for talks on fishing.\n"
        "The two ministers agreed to meet again before the end of the year, officials said."
    )
    b = (
        "Norway's foreign minister held talks in Tromso, Norway, with the Russian foreign minister on Monday.\n"
        "Fishing quotas in the Barents Sea were the main subject, a spokesman said."
    )
    data = comparer.compare(_inputs(("a", a), ("b", b))).to_json()
    details = {f["text"] for f in data["facts"] if f["kind"] == "detail"}
    assert "where: Norway" in details, details
    assert "where: Russia" not in details, details


def test_a_chain_of_matches_is_not_one_fact() -> None:
    """A's damage sentence matches B's, and B's matches C's people-inside sentence: A and C say
    different things, so the facts are A+B and B+C, not one fact citing C for the damage."""
    a = (
        "Fire crews fought the blaze at the Wasilla Bible Church for two hours on Friday night.\n"
        "The fire did an estimated $1 million in damage to the church, its pastor said."
    )
    b = (
        "Firefighters spent two hours on Friday night putting out the blaze at the church in Wasilla.\n"
        "The fire did about $1 million in damage while several people, including two children, were inside "
        "the church."
    )
    c = (
        "Investigators believe the blaze was set deliberately.\n"
        "Several people, including two children, were inside the church when the blaze started, but nobody "
        "was hurt."
    )
    docs = [Doc("a", a, "a", "en"), Doc("b", b, "b", "en"), Doc("c", c, "c", "en")]
    params = AlignParams()
    al = align(docs, RuleSentenceSplitter(), params)
    facts = [{al.statements[k].article: al.statements[k].text for k in members} for members in al.facts]
    damage = [f for f in facts if "$1 million" in f.get("a", "")]
    people = [f for f in facts if "two children" in f.get("c", "")]
    assert damage and people, facts
    assert all("c" not in f for f in damage) and all("a" not in f for f in people), facts
    for members in al.facts:  # every statement of a fact is, on average, as alike to the rest as a match needs
        for k in members:
            others = [m for m in members if m != k]
            assert sum(al.similarity[k, m] for m in others) / len(others) >= params.threshold


def _aligned(docs: list[Doc]) -> list[dict[str, str]]:
    al = align(docs, RuleSentenceSplitter(), AlignParams())
    return [{al.statements[k].article: al.statements[k].text for k in members} for members in al.facts]


def test_statements_sharing_only_a_name_do_not_align() -> None:
    """Two sentences naming one church say one thing only when the rest agrees too."""
    a = "The congregants of Wasilla Bible Church have our deep sympathy, the governor wrote."
    b = "Damage to the Wasilla Bible Church was estimated at one million dollars by the governor."
    assert _aligned([Doc("a", a, "a", "en"), Doc("b", b, "b", "en")]) == []
    b2 = "The congregants of the Wasilla Bible Church have the governor's deep sympathy, she wrote."
    assert len(_aligned([Doc("a", a, "a", "en"), Doc("b", b2, "b", "en")])) == 1


def test_statements_sharing_many_names_align() -> None:
    """A list of names is the content: five shared names make one fact with no other word shared."""
    a = "Blinken cited Covid-19, climate change, as well as policy toward Afghanistan, Iran and North Korea."
    b = "Lavrov joined Blinken to find common cause in Afghanistan and curb nuclear programs in Iran and North Korea."
    assert len(_aligned([Doc("a", a, "a", "en"), Doc("b", b, "b", "en")])) == 1


def test_names_most_sources_give_do_not_make_statements_alike() -> None:
    """The names every source of the story gives (what the story is about) say nothing of which
    fact a sentence states: the same two sentences align between two sources, not among four."""
    a = "James Steele of the Wasilla Bible Church said nobody was hurt in the blaze."
    b = "James Steele of the Wasilla Bible Church said firefighters came from across the valley."
    others = [
        "Crews from the whole region joined James Steele at the Wasilla Bible Church overnight.",
        "James Steele walked reporters around the Wasilla Bible Church on Saturday.",
    ]
    two = [Doc("a", a, "a", "en"), Doc("b", b, "b", "en")]
    assert len(_aligned(two)) == 1
    four = two + [Doc(f"o{n}", t, f"o{n}", "en") for n, t in enumerate(others)]
    assert not [f for f in _aligned(four) if "a" in f and "b" in f]


def test_facts_sharing_a_statement_do_not_depend_on_article_ids() -> None:
    """A matches B and C, each telling part of it: the facts (how many, their sources, their
    wording) are the same whatever A's id (an id sorting first once made them one fact of three
    sources, one sorting last two facts)."""
    a = "Lavrov met Blinken in Reykjavik on Wednesday evening to discuss the Arctic Council treaty draft."
    b = "Lavrov met Blinken in Reykjavik on Wednesday evening at the harbour hotel dinner."
    c = "Officials were there to discuss the Arctic Council treaty draft, Norway said."

    def facts(name: str) -> list[tuple[int, str, list[str]]]:
        inputs = [CompareInput(name, "t", a, "OA", language="en"), CompareInput("b", "t", b, "OB", language="en")]
        inputs.append(CompareInput("c", "t", c, "OC", language="en"))
        found = Comparer(japanese=None).compare(inputs).facts
        return sorted(
            (f.sources, f.text, sorted("A" if s.article == name else s.article for s in f.support))
            for f in found
            if f.kind == "statement"
        )

    assert facts("a") == facts("z")
    # two facts of two sources each (B and C tell different halves of A), worded differently
    # (not A twice)
    found = facts("a")
    assert [(n, members) for n, _, members in found] == [(2, ["A", "b"]), (2, ["A", "c"])]
    assert found[0][1] != found[1][1]


class _TableEncoder:
    """Fixed vectors for known statements (a fake of the multilingual encoder)."""

    name = "test.TableEncoder"
    dim = 8

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            row = np.array(self.table.get(text.strip().rstrip("."), [0.0] * self.dim), dtype=np.float32)
            out[i] = row / (np.linalg.norm(row) or 1.0)
        return out


def test_statements_that_are_each_others_best_match_across_languages_align() -> None:
    """Dense cosine 0.55 is under the plain cross-language bar (about 0.59) but enough for two
    statements that are each other's best match; a statement whose best match prefers another does
    not align."""

    def unit(*xs: float) -> list[float]:
        rest = float(np.sqrt(max(0.0, 1.0 - sum(x * x for x in xs))))
        return [*xs, *[0.0] * (7 - len(xs)), rest]

    a1, a2, a3 = "Zorva mindel plakat osteri vunn", "Krebel astum niro felgat duran", "Pelmo sturik vande orrel kasmi"
    b1, b2 = "The harbour closed after the storm", "Ferries will resume service on Monday"
    table = {
        a1: unit(0.55, 0.30),
        a2: unit(0.30, 0.55),
        a3: unit(0.52, 0.10),
        b1: [1.0, 0, 0, 0, 0, 0, 0, 0],
        b2: [0, 1.0, 0, 0, 0, 0, 0, 0],
    }
    inputs = [
        CompareInput(article="o", title="", text=f"{a1}.\n{a2}.\n{a3}.", language="xx"),
        CompareInput(article="t", title="", text=f"{b1}.\n{b2}.", language="en"),
    ]
    data = Comparer(encoder=_TableEncoder(table)).compare(inputs).to_json()
    pairs = {
        tuple(sorted(s["text"].rstrip(".") for s in f["support"])) for f in data["facts"] if f["kind"] == "statement"
    }
    assert pairs == {tuple(sorted((a1, b1))), tuple(sorted((a2, b2)))}


def test_best_matches_under_the_bar_align_only_between_parallel_sources() -> None:
    """Two independent reports are not parallel texts: one pair of statements each other's best
    match at cosine 0.55 among five is a shared subject ("46 ships took part" / "the Navy will get
    forty ships"), not one statement, and does not align; a pair at translation level still does."""

    def unit(*xs: float) -> list[float]:
        rest = float(np.sqrt(max(0.0, 1.0 - sum(x * x for x in xs))))
        return [*xs, *[0.0] * (7 - len(xs)), rest]

    a = ["Zorva mindel plakat osteri vunn", "Krebel astum niro felgat duran", "Pelmo sturik vande orrel kasmi",
         "Trandel vusk amori pelgat sunn", "Osk veldran tumor fiskel arnat"]  # fmt: skip
    b = ["The harbour closed after the storm", "Ferries will resume service on Monday",
         "Fishermen counted their losses", "The mayor visited the port", "Insurers expect many claims"]  # fmt: skip
    table = {a[0]: unit(0.55), a[1]: unit(0.0, 0.9)}
    for k in range(2, 5):
        table[a[k]] = unit(*[0.0] * (k + 1), 0.2)
    for k, text in enumerate(b):
        table[text] = [1.0 if i == k else 0.0 for i in range(8)]
    inputs = [
        CompareInput(article="o", title="", text=". ".join(a) + ".", language="xx"),
        CompareInput(article="t", title="", text=". ".join(b) + ".", language="en"),
    ]
    data = Comparer(encoder=_TableEncoder(table)).compare(inputs).to_json()
    pairs = {
        tuple(sorted(s["text"].rstrip(".") for s in f["support"])) for f in data["facts"] if f["kind"] == "statement"
    }
    assert pairs == {tuple(sorted((a[1], b[1])))}  # 0.9 aligns on its own; 0.55 is one match of five


def test_one_quote_in_two_languages_is_a_translated_variant() -> None:
    ru_quote, en_quote = "Мы будем защищать наши интересы всеми средствами", "We will defend our interests by all means"
    other = "The weather in Moscow will stay warm all week"
    table = {
        ru_quote: [1.0, 0.2, 0, 0, 0, 0, 0, 0],
        en_quote: [0.9, 0.3, 0.1, 0, 0, 0, 0, 0],
        other: [0, 0, 0, 1.0, 0, 0, 0, 0],
    }
    inputs = [
        CompareInput(article="ru", title="", text=f"Владимир Путин заявил: «{ru_quote}».", language="ru"),
        CompareInput(
            article="en",
            title="",
            text=f"“{en_quote},” Vladimir Putin said. “{other},” Sergei Lavrov added.",
            language="en",
        ),
    ]
    data = Comparer(encoder=_TableEncoder(table)).compare(inputs).to_json()
    [variant] = data["quote_variants"]
    assert variant["translated"] and variant["diff"] == []
    assert {q["text"] for q in variant["quotes"]} == {ru_quote, en_quote}
    assert {q["text"]: q["shared"] for q in data["quotes"]} == {ru_quote: True, en_quote: True, other: False}
    text = to_text(data)
    assert "(the same quote in two languages)" in text
    assert "<del>" not in to_html(data)
    lexical = Comparer().compare(inputs).to_json()  # no encoder: no match across languages
    assert lexical["quote_variants"] == []


def test_speakers_across_scripts_by_name_key_or_left_to_meaning() -> None:
    from newsprism.compare.variants import same_speaker_across

    assert same_speaker_across("Владимир Путин", "Vladimir Putin") is True
    assert same_speaker_across("Сергей Лавров", "Vladimir Putin") is False
    assert same_speaker_across("吉村知事", "Governor Yoshimura") is None  # no key for kanji: meaning decides
    # a description is no name: "the head of the US Treasury" may be the same person, meaning decides
    assert same_speaker_across("глава американского минфина", "Steven Mnuchin") is None
    assert same_speaker_across("Steven Mnuchin", "the Treasury secretary") is None
    assert same_speaker_across(None, "Vladimir Putin") is False
    # ё written е ("Петр"), "yo" in the transliteration ("Pyotr"): spelt alike, one first name
    assert same_speaker_across("Петр Моргунов", "Pyotr Morgunov") is True
    assert same_speaker_across("Павел Моргунов", "Pyotr Morgunov") is False
    # foreign names written in Cyrillic, Russian ones in Latin letters: the same consonants, or one apart
    assert same_speaker_across("Стивен Хокинг", "Stephen Hawking") is True
    assert same_speaker_across("Николай Парфенов", "Nikolai Parfyonov") is True
    for other in (("Смирнов", "Smith"), ("Петренко", "Petrov"), ("Кадыров", "Kudrin"), ("Меркель", "Markle")):
        assert same_speaker_across(*other) is False
    for short in (("Путин", "Patton"), ("Бернс", "Barnes"), ("Роберт Мюллер", "Robert Miller")):
        assert same_speaker_across(*short) is False  # three consonants, or other first vowels: too little to say


def test_a_detail_only_one_source_gives_is_listed_once_with_each_of_its_spans() -> None:
    a = (
        "Officials said the harbour of Portvale will reopen this year after the storm repairs. "
        "This year the storm repairs of the harbour cost more than the city had planned."
    )
    b = (
        "Officials said the harbour of Portvale will reopen after the storm repairs. "
        "The storm repairs of the harbour cost more than the city had planned."
    )
    inputs = [
        CompareInput(article="a", title="", text=a, language="en"),
        CompareInput(article="b", title="", text=b, language="en"),
    ]
    data = Comparer().compare(inputs).to_json()
    when = [u for u in data["unique"] if u["kind"] == "detail" and u["text"].lower() == "when: this year"]
    assert len(when) == 1
    assert [s["text"] for s in when[0]["support"]] == ["this year", "This year"]


def test_sources_without_an_outlet_are_named_by_their_original_or_host() -> None:
    from newsprism.compare.base import source_names

    names = source_names(
        [
            {"article": "src", "outlet": "vesti", "language": "ru"},
            {"article": "ref", "language": "en", "copy_of": "src"},
            {"article": "hyp", "language": "en", "copy_of": "src"},
            {"article": "same", "language": "ru", "copy_of": "ref"},  # a copy of a copy: named by the root
            {"article": "web", "url": "https://www.example.org/news/1"},
            {"article": "bare"},
        ]
    )
    assert names == {
        "src": "vesti",
        "ref": "vesti (en copy)",
        "hyp": "vesti (en copy 2)",
        "same": "vesti (copy)",
        "web": "example.org",
        "bare": "bare",
    }


def test_comparison_names_copies_by_their_original() -> None:
    inputs = _inputs(("a", QUAKE_A), ("b", QUAKE_B), copy_of={"b": "a"})
    inputs = [inputs[0], dataclasses.replace(inputs[1], outlet=None)]
    data = Comparer().compare(inputs).to_json()
    names = {s["article"]: s["name"] for s in data["sources"]}
    assert names["b"] == f"{inputs[0].outlet} (copy)"
    assert f"{inputs[0].outlet} (copy)" in to_text(data)


def test_counts_of_different_outcomes_are_no_conflict() -> None:
    """Five people injured and one killed are two counts; twelve killed and three killed differ."""
    a = (
        "A strong earthquake struck the province of Ardana on Tuesday, damaging houses and injuring at least "
        "five people, officials in the province said."
    )
    b = (
        "A strong earthquake struck the province of Ardana on Tuesday, killing at least one person, officials "
        "in the province said."
    )
    data = Comparer().compare(_inputs(("a", a), ("b", b))).to_json()
    assert not [c for c in data["conflicts"] if c["kind"] == "number"]
    c = a.replace("injuring at least five people", "killing 12 people")
    d = a.replace("injuring at least five people", "killing 3 people")
    data = Comparer().compare(_inputs(("c", c), ("d", d))).to_json()
    assert [c["topic"] for c in data["conflicts"] if c["kind"] == "number"] == ["people dead"]


def test_a_very_big_story_is_compared_on_its_first_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Alignment costs the square of the statements: past MAX_COMPARE_SOURCES articles, the
    originals published first (and their copies) are compared, and the comparison says so."""
    from newsprism.compare import comparer as module

    monkeypatch.setattr(module, "MAX_COMPARE_SOURCES", 3)
    texts = [QUAKE_A, QUAKE_B, QUAKE_A.replace("12 people", "13 people"), QUAKE_B.replace("Tuesday", "Monday")]
    inputs = [
        dataclasses.replace(i, published=datetime(2024, 3, 5 + (3 - k), tzinfo=UTC))
        for k, i in enumerate(_inputs(*((f"s{k}", t) for k, t in enumerate(texts))))
    ]
    inputs.append(dataclasses.replace(inputs[3], article="c3", copy_of="s3"))  # a copy of the first report
    chosen = [i.article for i in module.compared(inputs)]
    assert chosen == ["s1", "s2", "s3"]  # s3, s2, s1 are the first three reports; the copy does not fit
    data = Comparer().compare(inputs).to_json()
    assert data["omitted"] == 2 and {s["article"] for s in data["sources"]} == {"s1", "s2", "s3"}
    assert "2 more articles of the story not compared" in to_text(data)


def test_a_detail_another_source_gives_otherwise_is_not_unique() -> None:
    """ "Biden" is the others' "Joe Biden"; "220 to 211" is another's "220-211"; "less than two
    months" is a when, not a how many."""
    a = (
        "The House gave final passage on Wednesday to the relief bill by a vote of 220 to 211, sending the "
        "legislation to President Joe Biden for his signature less than two months after he took office."
    )
    b = (
        "The House gave final passage on Wednesday to the relief bill, 220-211, sending the legislation to "
        "Biden for his signature, his first legislative victory."
    )
    data = Comparer().compare(_inputs(("a", a), ("b", b))).to_json()
    assert [f for f in data["facts"] if f["kind"] == "statement"]  # one fact: its details are compared
    details = {f["text"] for f in data["unique"] if f["kind"] == "detail"}
    assert not details & {"who: Biden", "who: Joe Biden", "how many: 211", "how many: less than two"}, details


def test_unique_details_read_a_time_of_day_alone() -> None:
    """A time of day with no day ("in the evening": value "TEV") has an empty key once the time of
    day is stripped: it broke the figure check of unique details (an IndexError for the story)."""
    from newsprism.compare.align import Statement
    from newsprism.compare.conflicts import Annotated, Time
    from newsprism.compare.details import unique_details

    def annotated(article: str, times: tuple[Time, ...]) -> Annotated:
        text = "Protesters marched in the evening to the parliament building in the capital."
        return Annotated(Statement(article, 0, len(text), text), article, times=times, language="en")

    at = "Protesters marched in the evening".find("the evening")
    evening = (Time(at, at + len("the evening"), "the evening", "TEV", "time of day"),)
    found = unique_details([annotated("a", evening), annotated("b", ())], {0, 1})
    assert [f.text for f in found] == ["when: the evening"]


def test_a_variants_quotes_are_marked_shared_as_in_the_quote_list() -> None:
    a = "Blinken said: “If Russia acts aggressively against us, our partners, and our allies we’ll respond.”"
    b = "“If Russia acts aggressively against us, our partners, our allies, we will respond,” Blinken said."
    data = Comparer().compare(_inputs(("a", a), ("b", b))).to_json()
    (variant,) = data["quote_variants"]
    listed = {(q["article"], q["start"]): q["shared"] for q in data["quotes"]}
    assert [q["shared"] for q in variant["quotes"]] == [listed[(q["article"], q["start"])] for q in variant["quotes"]]
    assert all(q["shared"] for q in variant["quotes"])


def _axis(k: int, lean: float = 0.0) -> list[float]:
    """A unit vector near axis ``k`` (of 8): texts on one axis are translations of each other."""
    row = [0.0] * 8
    row[k] = 1.0
    row[(k + 1) % 8] = lean
    return row


def test_a_quote_of_the_original_is_shown_by_its_translation() -> None:
    """A Russian original and two English translations, each wording the agency's report its own
    way: one quote, cited from the original and shown in English with its original words."""
    ru_said = "военный смотр прошел при малом скоплении зрителей"
    en_said = ("the military inspection was attended by a small audience", "the parade was watched by few spectators")
    table = {ru_said: _axis(0), en_said[0]: _axis(0, 0.3), en_said[1]: _axis(0, 0.4)}
    inputs = [
        CompareInput(article="ru", title="", text=f"По данным РИА Новости, {ru_said}.", language="ru"),
        *(
            CompareInput(
                article=f"en{k}", title="", text=f"According to RIA Novosti, {said}.", language="en", copy_of="ru"
            )
            for k, said in enumerate(en_said)
        ),
    ]
    data = Comparer(encoder=_TableEncoder(table)).compare(inputs).to_json()
    [quote] = data["quotes"]
    assert (quote["article"], quote["speaker"], quote["text"]) == ("ru", "РИА Новости", ru_said)
    assert quote["translation"]["text"] in en_said and quote["translation"]["speaker"] == "RIA Novosti"
    t = quote["translation"]
    assert inputs[int(t["article"][-1]) + 1].text[t["start"] : t["end"]] == t["text"]
    assert f"(original: {ru_said})" in to_markdown(data)
    assert f"original: {ru_said}" in to_text(data) and f"original: {ru_said}" in to_html(data)
    # shown in Russian, the quote has no translation to show
    russian = Comparer(encoder=_TableEncoder(table)).compare(inputs, display_language="ru").to_json()
    assert [q.get("translation") for q in russian["quotes"]] == [None]


def test_a_sentence_translated_clause_by_clause_is_worded_whole() -> None:
    """A translation that splits one Russian sentence into two clauses words the fact by the whole
    English sentence, and its second clause is not listed as something only the copy says."""
    ru = [
        "В акватории Кронштадта завершился Главный военно-морской парад",
        "Также были задействованы катера и подводные лодки, самолеты и вертолеты и около четырех тысяч военных",
        "Парады прошли в Балтийске, Владивостоке, Североморске и Севастополе",
    ]
    en = [
        "The Main Naval Parade has ended in the Kronstadt water zone",
        "In addition, a variety of motorboats and submarines, naval aviation planes and helicopters, "
        "and around 4,000 military personnel were brought in",
        "Naval parades were held in Baltiysk, Vladivostok, Severomorsk and Sevastopol",
    ]
    first_clause = "In addition, a variety of motorboats and submarines, naval aviation planes and helicopters"
    table = {ru[0]: _axis(0), ru[1]: _axis(2), ru[2]: _axis(4), en[0]: _axis(0, 0.2), en[2]: _axis(4, 0.2)}
    table[first_clause] = _axis(2, 0.3)
    inputs = [
        CompareInput(article="ru", title="", text=". ".join(ru) + ".", language="ru"),
        CompareInput(article="en", title="", text=". ".join(en) + ".", language="en", copy_of="ru"),
    ]
    data = Comparer(encoder=_TableEncoder(table)).compare(inputs).to_json()
    texts = [f["text"].rstrip(".") for f in data["unique"]]
    assert en[1] in texts, texts
    assert not any(t.startswith("and around 4,000") for t in texts), texts
    [worded] = [f for f in data["unique"] if f["text"].rstrip(".") == en[1]]
    span = worded["support"][-1]
    assert span["article"] == "en" and inputs[1].text[span["start"] : span["end"]] == worded["text"]


@pytest.mark.parametrize(
    ("b_head", "framed"),
    [("ministerial meeting", True), ("group", False), ("business unit", False)],
)
def test_plain_words_for_what_a_thing_is_are_no_framing(b_head: str, framed: bool) -> None:
    """ "summit" / "ministerial meeting" frame one event two ways; "business" / "group" / "business
    unit" are plain words for what an organisation is."""
    a_head = "summit" if framed else "business"
    text = "Foreign ministers met in Reykjavik on Wednesday evening ahead of the Arctic Council {} in May."
    if not framed:
        text = "AMD will move the new chips into its Data Center Server Solutions {} after the deal closes in April."
    data = Comparer().compare(_inputs(("a", text.format(a_head)), ("b", text.format(b_head)))).to_json()
    assert bool([c for c in data["conflicts"] if c["kind"] == "framing"]) is framed, data["conflicts"]


def test_a_value_the_other_source_also_gives_is_no_conflict(comparer: Comparer) -> None:
    """ "AMD will pay $334 million" against an aligned "including $281 million in cash" of a report
    that also says "$334 million": a part of the price, not another price.  Without the $334 million
    there, the two values conflict."""
    a = "AMD will pay US$334 million in cash and stock for SeaMicro, the chip maker said on Wednesday."
    b_lead = "AMD will pay $334 million for SeaMicro, the startup based in Sunnyvale, the companies said.\n"
    b = "AMD will pay $281 million in cash for SeaMicro, the chip maker said on Wednesday."
    for lead, conflict in (("", True), (b_lead, False)):
        data = comparer.compare(_inputs(("a", a), ("b", lead + b))).to_json()
        numbers = [c for c in data["conflicts"] if c["kind"] == "number"]
        assert bool(numbers) is conflict, (lead, data["conflicts"])


def test_a_partial_quote_is_shared_but_no_variant(comparer: Comparer) -> None:
    """Two words one source quotes from another's long quote: the same quote (shared), but no
    "other wording" of it."""
    said = "We have a compelling roadmap for servers and we will keep investing in it for years"
    a = f"“{said},” Lisa Su said at the launch in San Francisco on Wednesday."
    b = "Lisa Su said AMD had a “compelling roadmap” at the launch in San Francisco on Wednesday."
    data = comparer.compare(_inputs(("a", a), ("b", b))).to_json()
    assert data["quote_variants"] == []
    assert {q["text"]: q["shared"] for q in data["quotes"]} == {said: True, "compelling roadmap": True}


def test_numbers_of_an_earlier_event_are_not_compared_with_the_news() -> None:
    """A report of 2012 recalling "the tsunami of 2004 killed 230,000 people" aligned with another's
    "the earthquake killed 12 people" on Tuesday: two events' counts, no conflict; two sources'
    tolls of 2004 still conflict with each other."""
    a = "The tsunami of 2004 killed 230,000 people in the coastal region of Ardana, officials recalled."
    b = "The earthquake on Tuesday killed 12 people in the coastal region of Ardana, officials recalled."
    c = "The tsunami of 2004 killed 170,000 people in the coastal region of Ardana, officials recalled."

    def numbers(*texts: tuple[str, str]) -> list[tuple[str, list[str]]]:
        inputs = [dataclasses.replace(i, published=datetime(2012, 7, 5, tzinfo=UTC)) for i in _inputs(*texts)]
        found = Comparer().compare(inputs).to_json()["conflicts"]
        return [(c["topic"], sorted(s["normalized"] for s in c["sides"])) for c in found if c["kind"] == "number"]

    assert numbers(("a", a), ("b", b)) == []
    assert numbers(("a", a), ("c", c)) == [("people dead (2004)", ["170000", "230000"])]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a difference is not a count
        (
            "Klitschko stopped Thompson in the sixth round, five rounds sooner than in their first fight in Berlin.",
            "Klitschko stopped Thompson in the sixth round, 11 rounds into their first fight in Berlin.",
        ),
        # durations of aligned statements measure different things
        (
            "Deputy Jerry Ortiz, who had served with the department for 15 years, was shot in Hawaiian Gardens.",
            "Deputy Jerry Ortiz, who had served in the gang unit for five years, was shot in Hawaiian Gardens.",
        ),
    ],
)
def test_differences_and_durations_are_no_conflicts(a: str, b: str) -> None:
    data = Comparer().compare(_inputs(("a", a), ("b", b))).to_json()
    assert [c for c in data["conflicts"] if c["kind"] in ("number", "date")] == [], data["conflicts"]


def _dated(a: str, a_published: datetime, b: str, b_published: datetime) -> list[Conflict]:
    """The date conflicts of two reports published when given."""
    inputs = [
        CompareInput("a", "t", a, "A", language="en", published=a_published),
        CompareInput("b", "t", b, "B", language="en", published=b_published),
    ]
    return [c for c in Comparer().compare(inputs).conflicts if c.kind == "date"]


def test_a_day_without_its_year_does_not_conflict_with_the_same_day_of_another_year() -> None:
    """A 2007 report's "June 24" (read as 2007) and a 2005 report's "Friday" (June 24, 2005): the
    first one's year was only guessed."""
    a = "Deputy Jerry Ortiz was shot and killed on June 24 as he questioned a man in Hawaiian Gardens."
    b = "Deputy Jerry Ortiz was shot and killed on Friday as he questioned a man in Hawaiian Gardens."
    assert _dated(a, datetime(2007, 8, 2, tzinfo=UTC), b, datetime(2005, 6, 25, tzinfo=UTC)) == []


@pytest.mark.parametrize(
    ("heads", "plain"),
    [
        (["co-ordinates", "coordinates"], True),
        (["neighborhood", "district"], True),
        (["article", "magazine"], True),
        (["business", "business unit"], True),
        (["summit", "ministerial meeting"], False),
        (["attack", "massacre"], False),
    ],
)
def test_which_head_nouns_frame_a_thing(heads: list[str], plain: bool) -> None:
    from newsprism.compare.conflicts import _plain_heads

    assert _plain_heads(heads) is plain


def test_a_part_the_other_source_gives_is_no_conflict() -> None:
    """ "Five Israeli soldiers were killed, four of them by friendly fire" against "four soldiers were
    killed by friendly fire": the four is a part the first source gives too."""
    a = "Five Israeli soldiers were killed in Gaza on Wednesday, four of them by friendly fire, the army said."
    b = "Four Israeli soldiers were killed in Gaza on Wednesday by friendly fire from a tank, the army said."
    data = Comparer().compare(_inputs(("a", a), ("b", b))).to_json()
    assert [c for c in data["conflicts"] if c["kind"] == "number"] == [], data["conflicts"]
    c = "Seven Israeli soldiers were killed in Gaza on Wednesday by friendly fire from a tank, the army said."
    data = Comparer().compare(_inputs(("a", a), ("c", c))).to_json()
    assert [c["topic"] for c in data["conflicts"] if c["kind"] == "number"] == ["soldiers dead"], data["conflicts"]


@pytest.mark.parametrize(
    ("texts", "kind"),
    [
        # a bare number of another count is not the dead's: "3 were injured"
        (
            [
                "Five people were killed in the blast in Ardana on Tuesday and 3 were injured, police said.",
                "Three people were killed in the blast in Ardana on Tuesday, police said.",
            ],
            "number",
        ),
        # two sources that write the year disagree; a third without it changes nothing
        (
            [
                "The museum in Paris reopened on June 24, 2021, the city said.",
                "The museum in Paris reopened on June 24, 2022, the city said.",
                "The museum in Paris reopened on June 24, the city said.",
            ],
            "date",
        ),
    ],
)
def test_real_conflicts_the_exceptions_leave_alone(texts: list[str], kind: str) -> None:
    inputs = [
        dataclasses.replace(i, published=datetime(2022, 7, 1, tzinfo=UTC))
        for i in _inputs(*((f"s{n}", t) for n, t in enumerate(texts)))
    ]
    assert [c for c in Comparer().compare(inputs).to_json()["conflicts"] if c["kind"] == kind], kind


def _differences(*texts: str, kind: str = "number") -> list[tuple[str, list[str]]]:
    found = Comparer().compare(_inputs(*((f"s{n}", t) for n, t in enumerate(texts)))).to_json()["conflicts"]
    return [(c["topic"], sorted(s["value"] for s in c["sides"])) for c in found if c["kind"] == kind]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # other players: the names around the values differ
        (
            "Tyler Hansbrough scored 20 points in the Tar Heels' victory against Evansville on Thursday night.",
            "Terrence Williams scored 25 points in the Tar Heels' victory against Evansville on Thursday night.",
        ),
        # the same name, but nothing else around the values agrees
        (
            "Tyler Hansbrough scored 20 points last night in the victory.",
            "Tyler Hansbrough needed just nine points to pass Phil Ford for the record.",
        ),
        # a conversion in brackets is the amount before it, at some day's rate
        (
            "Damage to the church was estimated at $US1 million ($1.52 million), authorities said.",
            "Damage to the church was estimated at about $1 million, authorities said.",
        ),
        # a source listing three prices is listing, not disputing
        (
            "The 13-inch model costs $1,199, the 15-inch $1,799 and the top model $2,199, Apple said.",
            "The new model costs $1,499, Apple said.",
        ),
    ],
)
def test_values_about_different_things_are_no_conflict(a: str, b: str) -> None:
    assert _differences(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "topics"),
    [
        (
            "Earl Clark finished with 22 points and nine rebounds as Louisville beat South Florida.",
            "Earl Clark finished with 25 points and 16 rebounds as Louisville beat South Florida.",
            ["points", "rebounds"],
        ),
        (
            "LaRue served 4 1/2 months in federal prison.",
            "LaRue served 14 months in federal prison.",
            ["months in federal"],
        ),
        (
            "The 5.9-magnitude quake struck Qeshm island, state media said.",
            "The 6.1-magnitude quake struck Qeshm island, state media said.",
            ["magnitude"],
        ),
    ],
)
def test_values_about_one_thing_still_conflict(a: str, b: str, topics: list[str]) -> None:
    assert [t for t, _ in _differences(a, b)] == topics


def test_a_range_is_one_amount() -> None:
    """Both ends of "$140-$150 million" are millions, and a range holds the value inside it."""
    a = "The Orioles offered Teixeira between $140 million and $150 million over seven years."
    b = "The Orioles offered Teixeira $140-$150 million over seven years."
    c = "The Orioles offered Teixeira $145 million over seven years."
    d = "The Orioles offered Teixeira $180 million over seven years."
    assert _differences(a, b) == []
    assert _differences(b, c) == []
    assert _differences(b, d) == [("USD", ["$140-$150 million", "$180 million"])]


def test_tallies_that_are_not_the_result_do_not_conflict() -> None:
    a = "Creighton beat Drake 65-53 behind a 15-2 run, with a 44-26 rebounding edge."
    b = "Creighton beat Drake 65-53 on Friday and Drake fell to 15-17 for the season."
    assert _differences(a, b) == []
    assert _differences("Creighton beat Drake 65-53 on Friday.", "Creighton beat Drake 65-55 on Friday.") == [
        ("tally", ["65-53", "65-55"])
    ]
    assert _differences("The Senate confirmed Lopez 51-49.", "The Senate confirmed Lopez 52-48.")
    assert _differences(
        "The bill passed the Senate on a party-line vote, 51-49.",
        "The bill passed the Senate on a party-line vote, 52-48.",
    )
    assert _differences(
        "Spain beat Italy 3-1 to start the tournament.", "Spain beat Italy 2-1 to start the tournament."
    )


def test_times_conflict_only_about_one_event() -> None:
    """A vigil planned for Sunday and clashes on Saturday are two events; a death on Thursday and
    one on Tuesday are one event told two ways."""
    a = "A new candlelit vigil is planned for Sunday evening at the site of the shooting."
    b = "The clashes late on Saturday came after an evening candle-lit vigil to mark the shooting."
    assert _differences(a, b, kind="date") == []
    c = "Congressman Elijah Cummings died early Thursday at Johns Hopkins Hospital, his office said."
    d = "Congressman Elijah Cummings died early Tuesday at Johns Hopkins Hospital, his office said."
    assert [t for t, _ in _differences(c, d, kind="date")]


def test_a_time_opening_its_sentence_is_of_the_people_after_it() -> None:
    a = "Pierre Thomas was officially placed on IR Wednesday with an ankle injury, the team said."
    b = "On Tuesday, team officials placed rookie running back Chris Ivory on IR with a foot injury."
    assert _differences(a, b, kind="date") == []


def test_a_time_inside_its_sentence_keeps_its_own_clause() -> None:
    a = "John Smith was arrested Tuesday in Dayton, police said."
    b = "John Smith was arrested, on Wednesday, after police found Mary Jones dead in Dayton."
    assert [t for t, _ in _differences(a, b, kind="date")]


def test_a_weekday_is_compared_by_its_name() -> None:
    """A report ten days later reads "on Saturday" as its own last Saturday: still the Saturday the
    other report dates."""
    a = "The bodies of Alice McMeekin and Katie Jenkin were found at their home in Millom on Saturday."
    b = "The bodies of Alice McMeekin and Katie Jenkin were found at their home in Millom on Saturday 8 June 2013."
    assert _dated(a, datetime(2013, 6, 18, tzinfo=UTC), b, datetime(2013, 6, 10, tzinfo=UTC)) == []


def test_a_day_told_from_the_publication_may_be_one_day_off() -> None:
    """ "Yesterday" in a report dated a day late is the other report's Friday; Tuesday is not."""
    a = "Alice McMeekin and Katie Jenkin were found dead yesterday at their home in Millom."
    friday = "Alice McMeekin and Katie Jenkin were found dead on Friday at their home in Millom."
    tuesday = "Alice McMeekin and Katie Jenkin were found dead on Tuesday at their home in Millom."

    def dates(other: str) -> list[Conflict]:  # "a" published on a Sunday
        return _dated(a, datetime(2013, 6, 9, 8, tzinfo=UTC), other, datetime(2013, 6, 8, tzinfo=UTC))

    assert dates(friday) == []
    assert len(dates(tuesday)) == 1


def test_conflicts_the_one_thing_rules_keep() -> None:
    """A change is no range, a toll is compared also where its source lists other counts of people,
    and words are compared in German, whose nouns are capitalised."""
    assert _differences("The death toll rose from 15 to 20 people.", "The death toll rose to 17 people.")
    toll = (
        "Twenty people were killed in the blast in Ardana. About 1,000 people had gathered there, "
        "and some 300 people took shelter in the school."
    )
    assert [t for t, _ in _differences(toll, "Seventeen people were killed in the blast in Ardana.")] == ["people dead"]
    de = [
        CompareInput(n, "t", text, n.upper(), language="de", published=datetime(2024, 3, 5, tzinfo=UTC))
        for n, text in (
            ("a", "Das schwere Erdbeben in Talca hat 20 Menschen getötet, teilten die Behörden mit."),
            ("b", "Beim schweren Erdbeben in Talca starben 17 Menschen, teilten die Behörden mit."),
        )
    ]
    assert [c.kind for c in Comparer().compare(de).conflicts] == ["number"]


@pytest.mark.parametrize(
    ("a", "b", "framed"),
    [
        (
            "The Hamas attack on the town of Osk killed 12 people on Tuesday.",
            "The Hamas massacre in the town of Osk killed 12 people on Tuesday.",
            True,
        ),
        # different things, or one thing said plainly, are no framing
        (
            "Workers at the Kraft plant in Philadelphia were sent home on Tuesday.",
            "Workers at the Kraft shooting in Philadelphia were sent home on Tuesday.",
            False,
        ),
        (
            "Police closed the Waitrose store in Wellington on Tuesday.",
            "Police closed the Waitrose supermarket in Wellington on Tuesday.",
            False,
        ),
        ("The OPEC talks in Vienna ended on Tuesday.", "The OPEC negotiations in Vienna ended on Tuesday.", False),
        (
            "The Hamas atrocities in the town of Osk were condemned on Tuesday.",
            "The Hamas massacres in the town of Osk were condemned on Tuesday.",
            True,
        ),
    ],
)
def test_framing_is_a_choice_among_words_for_one_kind_of_thing(a: str, b: str, framed: bool) -> None:
    assert bool(_differences(a, b, kind="framing")) is framed
