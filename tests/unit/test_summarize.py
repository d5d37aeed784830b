"""Summaries cite what supports each sentence and only that; labels are central and stable."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import numpy as np
import pytest

from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.summarize.extractive import ExtractiveSummarizer, SummaryParams
from newsprism.summarize.label import choose_label, clean_headline
from newsprism.summarize.neutral import loaded_words

A = (
    "Heavy rain flooded the river town of Brenn on Sunday, forcing 2,000 residents to leave their homes.\n"
    "The river Lerra rose three metres overnight and broke through a dike north of the town.\n"
    "Mayor Ilse Varga said emergency shelters had been opened in two schools.\n"
    "Forecasters expect more rain on Tuesday."
)
B = (
    "About 2,000 people were evacuated from Brenn on Sunday after floods hit the river town.\n"
    "The Lerra burst through a dike north of Brenn after rising three metres during the night.\n"
    "Critics slammed the disastrous flood defences, which had not been repaired since 1998.\n"
    "Insurers estimate the damage at 40 million euros."
)
C = (
    "Floods forced about 2,000 residents of Brenn from their homes on Sunday, officials said.\n"
    "Shelters were opened in two schools, Mayor Ilse Varga told reporters.\n"
    "“We will not leave anyone behind,” the mayor said."
)


def _inputs(**texts: str) -> list[CompareInput]:
    return [
        CompareInput(
            article=k,
            title=f"Floods force evacuation of Brenn ({k})",
            text=v,
            outlet=k.upper(),
            language="en",
            published=datetime(2024, 5, 5, tzinfo=UTC),
        )
        for k, v in texts.items()
    ]


@pytest.fixture(scope="module")
def summary_and_inputs() -> tuple[object, list[CompareInput]]:
    inputs = _inputs(a=A, b=B, c=C)
    comparison = Comparer().compare(inputs)
    return ExtractiveSummarizer().summarize(inputs, comparison, words=60), inputs


def test_sentences_cite_real_spans_and_agreement_comes_first(summary_and_inputs: tuple) -> None:
    summary, inputs = summary_and_inputs
    texts = {i.article: i.text for i in inputs}
    assert summary.sentences
    for s in summary.sentences:
        assert s.text in texts[s.support[0].article]  # the sentence is one of its first source's
        for span in s.support:
            assert texts[span.article][span.start : span.end] == span.text
        assert s.sources == len({span.article for span in s.support})
    counts = [s.sources for s in summary.sentences]
    assert counts == sorted(counts, reverse=True)  # what most sources agree on first
    assert counts[0] == 3  # the evacuation of 2,000 people from Brenn is in all three


def test_a_single_source_sentence_cites_only_its_source(summary_and_inputs: tuple) -> None:
    summary, _ = summary_and_inputs
    for s in summary.sentences:
        if s.sources == 1:
            assert len({span.article for span in s.support}) == 1


def test_budget_no_repeats_and_no_loaded_wording(summary_and_inputs: tuple) -> None:
    summary, _ = summary_and_inputs
    words = sum(len(s.text.split()) for s in summary.sentences)
    assert words <= 60 * 1.15
    assert len({s.text for s in summary.sentences}) == len(summary.sentences)
    assert not any(loaded_words(s.text) for s in summary.sentences)


def test_deterministic() -> None:
    inputs = _inputs(a=A, b=B, c=C)
    one = ExtractiveSummarizer().summarize(inputs, Comparer().compare(inputs)).to_json()
    reordered = _inputs(c=C, a=A, b=B)
    two = ExtractiveSummarizer().summarize(reordered, Comparer().compare(reordered)).to_json()
    assert one == two


def test_loaded_words_ignore_quotes() -> None:
    assert loaded_words("Critics slammed the plan.") == ["slammed"]
    assert loaded_words("He said the plan was “a disastrous mistake”.") == []


def test_label_is_the_central_headline_cleaned() -> None:
    inputs = [
        CompareInput("x", "Brenn flood: 2,000 evacuated as Lerra bursts dike - Example News", A, "Example News"),
        CompareInput("y", "Opinion: who pays for our rivers?", B, "Other"),
        CompareInput("z", "Thousands leave Brenn as river Lerra floods town", C, "Third"),
    ]
    label = choose_label(inputs)
    assert label in {
        "Brenn flood: 2,000 evacuated as Lerra bursts dike",
        "Thousands leave Brenn as river Lerra floods town",
    }
    assert not label.endswith("Example News")


def test_label_in_english_when_a_headline_is() -> None:
    ru = "Ливень затопил город Бренн в воскресенье, 2000 жителей покинули свои дома."
    original = CompareInput("ru", "Наводнение в Бренне: эвакуированы 2000 человек", ru, "Lenta", language="ru")
    other = CompareInput("ru2", "Река Лерра прорвала дамбу у Бренна", ru, "TASS", language="ru")
    translation = CompareInput(
        "en", "Flood in Brenn: 2,000 evacuated", A, language="en", copy_of="ru"
    )  # a translation of the first
    assert choose_label([original, other]) in {
        "Наводнение в Бренне: эвакуированы 2000 человек",
        "Река Лерра прорвала дамбу у Бренна",
    }
    assert choose_label([original, other, translation]) == "Flood in Brenn: 2,000 evacuated"
    english = CompareInput("b", "Thousands leave Brenn as river Lerra floods town", C, "Third", language="en")
    assert choose_label([original, other, translation, english]) == "Thousands leave Brenn as river Lerra floods town"


def test_label_keeps_the_current_one_while_it_stays_central() -> None:
    inputs = [
        CompareInput("x", "Brenn flood: 2,000 evacuated as Lerra bursts dike", A),
        CompareInput("z", "Thousands leave Brenn as river Lerra floods town", C),
    ]
    first = choose_label(inputs)
    other = next(clean_headline(i.title) for i in inputs if clean_headline(i.title) != first)
    assert choose_label(inputs, current=other) == other  # both about equally central: no renaming


def test_label_token_cache_changes_nothing_and_tells_same_ids_apart() -> None:
    inputs = [
        CompareInput("x", "Brenn flood: 2,000 evacuated as Lerra bursts dike", A),
        CompareInput("y", "Opinion: who pays for our rivers?", B),
        CompareInput("z", "Thousands leave Brenn as river Lerra floods town", C),
    ]
    bags: dict[tuple[str, str, str | None, int], Counter[str]] = {}
    assert choose_label(inputs, bags=bags) == choose_label(inputs)
    assert len(bags) == 3
    assert choose_label(inputs, bags=bags) == choose_label(inputs)  # from the cache
    assert len(bags) == 3
    # another article under an external id already seen (ids need not be unique): its own tokens
    swapped = [CompareInput("x", "Opinion: who pays for our rivers?", B), *inputs[1:]]
    assert choose_label(swapped, bags=bags) == choose_label(swapped)
    assert len(bags) == 4


def test_clean_headline_cuts_long_titles_at_a_word() -> None:
    long = "A " + "very " * 40 + "long headline"
    cleaned = clean_headline(long)
    assert len(cleaned) <= 91 and cleaned.endswith("\u2026") and " " in cleaned
    assert clean_headline("Markets fall | Reuters") == "Markets fall"


class _Vectors:
    """A fake multilingual encoder: fixed vectors for known sentences, others orthogonal noise."""

    name = "test.Vectors"
    dim = 8

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            k = self.table.get(text.strip().rstrip("."))
            out[i, k if k is not None else 7] = 1.0
        return out


def test_a_mixed_language_summary_tells_a_fact_once_in_the_display_language() -> None:
    ru_fact = "Флот России в этом году получит сорок новых кораблей и судов различного класса"
    en_fact = "The Russian Navy will get forty new ships and vessels of various classes this year"
    ru_only = "Летчики группы Русские витязи показали фигуры высшего пилотажа над Владивостоком"
    en_only = "Naval aviation also conducted a fly-by as part of the parade in Saint Petersburg"
    encoder = _Vectors({ru_fact: 0, en_fact: 0, ru_only: 1, en_only: 2})
    inputs = [
        CompareInput(article="ru", title="", text=f"{ru_fact}. {ru_only}.", language="ru"),
        CompareInput(article="en", title="", text=f"{en_fact}. {en_only}.", language="en"),
    ]
    comparison = Comparer(encoder=encoder).compare(inputs)
    assert comparison.display_language == "en"
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=200).to_json()["summary"]
    texts = [s["text"].rstrip(".") for s in summary]
    assert texts.count(en_fact) == 1 and ru_fact not in texts  # once, in English
    fact = summary[texts.index(en_fact)]
    assert fact["language"] == "en"
    assert {sp["text"].rstrip(".") for sp in fact["support"]} == {ru_fact, en_fact}  # each citation as written
    own = summary[texts.index(ru_only)]
    assert own["language"] == "ru" and [sp["article"] for sp in own["support"]] == ["ru"]  # no translation
    before = ExtractiveSummarizer(params=SummaryParams(across_languages=False))
    texts_before = [s.text.rstrip(".") for s in before.summarize(inputs, comparison, words=200).sentences]
    assert ru_fact in texts_before and en_fact in texts_before  # without it, the fact was told twice


def test_a_fact_told_with_other_numbers_in_two_languages_is_shown_once_in_the_display_language() -> None:
    """An English and a Russian report of one fact that give other tolls: the comparison lists the
    difference, and the summary tells the fact once, in English, citing the English source only and
    naming the Russian one's value (before, both sentences were picked: the Russian one no longer
    cited the English span, so nothing told that they were one fact)."""
    ru_fact = "При землетрясении на севере Чили во вторник погибли 15 человек"
    en_fact = "The earthquake in northern Chile on Tuesday killed 12 people"
    ru_only = "Спасатели работали всю ночь при свете прожекторов"
    en_only = "Schools in the region will stay closed until Monday"
    encoder = _Vectors({ru_fact: 0, en_fact: 0, ru_only: 1, en_only: 2})
    inputs = [
        CompareInput(article="ru", title="", text=f"{ru_fact}. {ru_only}.", language="ru"),
        CompareInput(article="en", title="", text=f"{en_fact}. {en_only}.", language="en"),
    ]
    comparison = Comparer(encoder=encoder).compare(inputs)
    numbers = [c for c in comparison.conflicts if c.kind == "number"]
    assert [(c.topic, sorted(s.value for s in c.sides)) for c in numbers] == [("people dead", ["12", "15"])]
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=200)
    texts = [s.text.rstrip(".") for s in summary.sentences]
    assert en_fact in texts and ru_fact not in texts
    told = summary.sentences[texts.index(en_fact)]
    assert {s.article for s in told.support} == {"en"} and [d.value for d in told.disputed] == ["15"]
    assert ru_only in texts  # a fact no English source tells keeps its own wording


def test_a_fact_told_with_other_numbers_keeps_the_value_more_sources_give() -> None:
    """Two reports in Spanish and Italian give 15 dead, one in English 12: the fact is told by the
    Spanish or Italian sentence, citing both, and the English value is named as disputed (before,
    the English sentence was shown, citing its one source, and the two others were the dispute)."""
    es_fact = "El sismo en el norte de Chile mató a 15 personas el martes"
    it_fact = "Il terremoto nel nord del Cile ha ucciso 15 persone martedì"
    en_fact = "The earthquake in northern Chile on Tuesday killed 12 people"
    en_only = "Schools in the region will stay closed until Monday"
    encoder = _Vectors({es_fact: 0, it_fact: 0, en_fact: 0, en_only: 1})
    inputs = [
        CompareInput(article="en", title="", text=f"{en_fact}. {en_only}.", language="en"),
        CompareInput(article="es", title="", text=f"{es_fact}.", language="es"),
        CompareInput(article="it", title="", text=f"{it_fact}.", language="it"),
    ]
    comparison = Comparer(encoder=encoder).compare(inputs)
    numbers = [c for c in comparison.conflicts if c.kind == "number"]
    assert [sorted({s.value for s in c.sides}) for c in numbers] == [["12", "15"]]
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=200)
    texts = [s.text.rstrip(".") for s in summary.sentences]
    told = [s for s in summary.sentences if s.text.rstrip(".") in (es_fact, it_fact, en_fact)]
    assert len(told) == 1 and told[0].text.rstrip(".") != en_fact, texts
    assert {s.article for s in told[0].support} == {"es", "it"}
    assert [d.value for d in told[0].disputed] == ["12"]


def test_a_fact_told_with_other_numbers_is_kept_when_its_display_wording_would_overrun_the_budget() -> None:
    """The display language's sentence of a disputed fact takes the pick's place only when it fits
    the budget; else the pick stays (before, the fact was lost from a short summary)."""
    shared_en = "Schools across the northern region will stay closed until Monday, the education ministry said"
    shared_es = "Las escuelas de la región norte seguirán cerradas hasta el lunes, dijo el ministerio de educación"
    es_fact = "El sismo en el norte de Chile mató a 15 personas"
    en_fact = (
        "The powerful earthquake that struck the remote mountainous north of Chile early on Tuesday morning, shaking"
        " buildings as far away as the capital and cutting power to thousands of homes in three regions,"
        " killed 12 people"
    )
    es_only = "Los rescatistas trabajaron toda la noche bajo la lluvia"
    encoder = _Vectors({shared_en: 0, shared_es: 0, es_fact: 1, en_fact: 1, es_only: 2})
    inputs = [
        CompareInput(article="en", title="", text=f"{shared_en}. {en_fact}.", language="en"),
        CompareInput(article="es", title="", text=f"{es_fact}. {shared_es}. {es_only}.", language="es"),
    ]
    comparison = Comparer(encoder=encoder).compare(inputs)
    assert any(c.kind == "number" for c in comparison.conflicts)
    for words in (30, 40, 100):
        texts = [
            s.text.rstrip(".") for s in ExtractiveSummarizer().summarize(inputs, comparison, words=words).sentences
        ]
        assert es_fact in texts or en_fact in texts, words
        assert not (es_fact in texts and en_fact in texts), words  # and told once


def test_words_are_counted_in_scripts_without_spaces() -> None:
    from newsprism.nlp.tokenize import word_count

    assert word_count("The Air Force has 60 days to respond to the GAO .") == 11  # a lone "." is no word
    assert word_count("計画では、古い建物の耐震化を完了させる。") == 9  # 17 characters: about 2 a word
    assert word_count("NHKによると、") == 1 + 2


def test_a_source_giving_other_numbers_is_not_cited_but_named() -> None:
    """Two reports of one quake that disagree on its magnitude, toll and distance: a summary
    sentence cites only the source whose numbers it gives, and names what the other gives."""
    from newsprism.compare.render import to_text

    a = (
        "A magnitude 7.1 earthquake struck central Chile on Tuesday, killing 12 people and damaging hundreds of "
        "homes, officials said.\nThe quake was centred 40 kilometres from Talca at a depth of 30 kilometres, the "
        "geological survey said.\nRescue teams searched collapsed buildings in Talca through the night."
    )
    b = a.replace("7.1", "6.4").replace("killing 12", "killing 3").replace("40 kilometres", "90 kilometres")
    b = b.replace("Rescue teams searched collapsed buildings in Talca through the night.", "Power was cut for hours.")
    inputs = [
        CompareInput("a", "Strong earthquake strikes Chile", a, "Agency A"),
        CompareInput("b", "Earthquake hits Chile", b, "Agency B"),
    ]
    comparison = Comparer().compare(inputs)
    assert {c.topic for c in comparison.conflicts if c.kind == "number"} >= {"magnitude", "people dead"}
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=100)
    for sentence in summary.sentences:
        cited = {s.article for s in sentence.support}
        values = {d.value for d in sentence.disputed}
        if "12 people" in sentence.text:
            assert cited == {"a"} and sentence.sources == 1 and values == {"6.4", "3"}
        if "3 people" in sentence.text:
            assert cited == {"b"} and values == {"7.1", "12"}
        if "30 kilometres" in sentence.text:  # 40 km from Talca against 90 km from Talca; the depth agrees
            assert len(cited) == 1 and values <= {"40", "90"} and values
    data = {**comparison.to_json(), "summary": summary.to_json()["summary"]}
    text = to_text(data)
    assert "[Agency A] (Agency B gives “6.4”, “3”)" in text or "[Agency B] (Agency A gives “7.1”, “12”)" in text


def test_a_sentence_worded_by_a_translation_cites_its_original_once() -> None:
    """The summary cites one independent source once: a translated copy whose text words the
    sentence stands with its original, not as a second source, in every view."""
    from newsprism.compare.render import to_html, to_markdown, to_text

    data = {
        "sources": [
            {"article": "kp:src", "outlet": "kp", "title": "Не нужно", "copy_of": None},
            {"article": "kp:en", "outlet": None, "title": "No need", "copy_of": "kp:src"},
        ],
        "facts": [],
        "unique": [],
        "conflicts": [],
        "quotes": [],
        "quote_variants": [],
        "entities": [],
        "summary": [
            {
                "text": "There is no need to demonize the people of Khabarovsk.",
                "sources": 1,
                "support": [
                    {"article": "kp:src", "start": 0, "end": 40},
                    {"article": "kp:en", "start": 0, "end": 54},
                ],
            }
        ],
    }
    assert "Khabarovsk. [kp]" in to_text(data)
    assert "*(kp)*" in to_markdown(data)
    assert "(kp)</span>" in to_html(data)


def test_one_quote_with_three_attributions_is_told_once() -> None:
    """Three outlets carry the publicist's statement, each with its own attribution, one of them
    long (so the two wordings are not alike by TF-IDF): the summary tells it once, as a sentence
    aligned with a picked one that shares most of its words says it again."""
    quote = "“We appreciate your respect to her and her family's privacy at this time,”"
    tails = [
        " the actress's longtime representative Jack Ketsoyan told People magazine exclusively on Friday.",
        " her rep said.",
        " her rep told reporters.",
    ]
    rest = [
        [
            "The actress checked into a treatment centre in Malibu on Tuesday, her friends said.",
            "Neighbours saw a black car leave her house early in the morning.",
            "The clinic is known for treating several well-known musicians.",
        ],
        [
            "She launched a new clothing line called Mantra in September to good reviews.",
            "Critics praised the collection for its bright colours and simple cuts.",
            "A second collection is planned for the spring.",
        ],
        [
            "Her film credits include American Pie and Van Wilder, among many others.",
            "She also hosted a travel show on cable television for one season.",
            "Her last film was released straight to video two years ago.",
        ],
    ]
    inputs = [
        CompareInput(f"s{n}", "Actress enters rehab", "\n".join([quote + tail, *rest[n]]), f"Outlet {n}")
        for n, tail in enumerate(tails)
    ]
    summary = ExtractiveSummarizer().summarize(inputs, Comparer().compare(inputs), words=100)
    assert sum("We appreciate your respect" in s.text for s in summary.sentences) == 1, summary.sentences


@pytest.mark.parametrize("figure", ["6.6", "6 . 6"])  # also in text tokenised word by word
def test_one_figure_with_different_background_is_told_once(figure: str) -> None:
    """Three outlets lead with the week's 6.6 million claims, each with its own background (too
    different to align as one fact): the summary gives the figure once."""
    leads = [
        "Another 6.6 million people filed for unemployment benefits last week, according to the Department of "
        "Labor, as workers continue to suffer from job losses, furloughs and reduced hours during the pandemic.",
        "The Labor Department reported Thursday that another 6.6 million people submitted applications for "
        "unemployment benefits in the week ended April 4.",
        "Another 6.6 million people applied for unemployment benefits last week, the government reported on "
        "Thursday, as the economic shutdown continued to devastate the labor market.",
    ]
    rest = [
        "It was the second largest number of initial claims since the department started tracking the data in 1967.",
        "Economists expect the unemployment rate to climb above ten percent by the summer.",
        "The central bank announced another package of loans for small businesses on Thursday.",
    ]
    inputs = [
        CompareInput(f"s{n}", "Jobless claims", "\n".join([lead.replace("6.6", figure), rest[n]]), f"Outlet {n}")
        for n, lead in enumerate(leads)
    ]
    summary = ExtractiveSummarizer().summarize(inputs, Comparer().compare(inputs), words=100)
    assert sum(f"{figure} million" in s.text for s in summary.sentences) == 1, summary.sentences
    # without the rule the figure is told more than once
    loose = ExtractiveSummarizer(params=SummaryParams(same_figure_redundancy=2.0))
    summary = loose.summarize(inputs, Comparer().compare(inputs), words=100)
    assert sum(f"{figure} million" in s.text for s in summary.sentences) > 1


def test_a_hedged_number_agrees_as_the_comparison_reads_it() -> None:
    """ "about 300" and "310" can be one amount: both are cited; "500" is not, and is named."""
    text = (
        "The fire destroyed {} homes in the valley on Tuesday night, the county fire chief told reporters "
        "at the scene.\nCrews fought the flames for hours."
    )
    inputs = [
        CompareInput("a", "Fire", text.format("about 300"), "A"),
        CompareInput("b", "Fire", text.format("310"), "B"),
        CompareInput("c", "Fire", text.format("500"), "C"),
    ]
    summary = ExtractiveSummarizer().summarize(inputs, Comparer().compare(inputs))
    homes = next(s for s in summary.sentences if "homes" in s.text)
    cited = {s.article for s in homes.support}
    assert cited in ({"a", "b"}, {"c"})
    if cited == {"a", "b"}:
        assert [(d.article, d.value) for d in homes.disputed] == [("c", "500")]


def test_a_source_giving_several_values_neither_disputes_nor_is_disputed() -> None:
    """A statement with the event's toll and a background one ("24 people", and "230,000 people" in
    2004) does not say which is the fact's: the summary names no dispute from it."""
    a = (
        "A strong earthquake struck Aceh province on Tuesday, killing at least five people, officials said, "
        "in the region where the 2004 tsunami killed some 230,000 people.\nRescuers searched the rubble."
    )
    b = (
        "A strong earthquake struck Aceh province on Tuesday, killing 24 people, officials said, in the region "
        "where the 2004 tsunami killed some 170,000 people.\nSchools were closed."
    )
    inputs = [CompareInput("a", "Quake", a, "A"), CompareInput("b", "Quake", b, "B")]
    summary = ExtractiveSummarizer().summarize(inputs, Comparer().compare(inputs))
    assert all(not s.disputed for s in summary.sentences), [s.disputed for s in summary.sentences]


def test_disputes_count_values_not_repeats_and_read_each_language() -> None:
    """A source saying "12" twice gives one value; "1.500" in Spanish is the English "1,500"."""
    from newsprism.compare.base import Comparison, Conflict, ConflictSide, Source, Span
    from newsprism.summarize.extractive import _Disputes

    sides = (
        ConflictSide("a", 10, 12, "12", "12"),
        ConflictSide("a", 90, 92, "12", "12"),
        ConflictSide("b", 10, 12, "15", "15"),
        ConflictSide("b", 90, 92, "15", "15"),
    )
    euros = (
        ConflictSide("en", 5, 10, "1,500 euros", "1500"),
        ConflictSide("es", 5, 10, "1.500 euros", "1500"),
        ConflictSide("fr", 5, 10, "2 500 euros", "2500"),
    )
    comparison = Comparison(
        story=None,
        sources=(
            Source("a", "A", "t", language="en"),
            Source("b", "B", "t", language="en"),
            Source("en", "E", "t", language="en"),
            Source("es", "S", "t", language="es"),
            Source("fr", "F", "t", language="fr"),
        ),
        facts=(),
        unique=(),
        conflicts=(Conflict("number", "people", sides), Conflict("number", "euros", euros)),
        quotes=(),
        quote_variants=(),
        entities=(),
    )
    disputes = _Disputes(comparison)
    mine = disputes.of(Span("a", 0, 40))
    assert [s.value for s in disputes.against(mine, "a")] == ["15"]
    english = disputes.of(Span("en", 0, 20))
    assert [s.article for s in disputes.against(english, "en")] == ["fr"]


def test_two_picks_worded_by_one_translation_are_one_sentence() -> None:
    """Two Russian reports' sentences of two facts whose only English wording is one sentence of a
    translation: the summary gives that sentence once, citing what both picks cite."""
    from newsprism.compare.base import Comparison, Fact, Source, Span

    ru1 = "Парад кораблей прошел в Кронштадте в воскресенье утром.\nПрезидент поздравил моряков с праздником флота."
    ru2 = "В Кронштадте в воскресенье прошел парад кораблей флота.\nМоряков с праздником поздравил президент страны."
    en = "The naval parade took place in Kronstadt on Sunday and the president congratulated the sailors."
    inputs = [
        CompareInput("ru1", "Парад", ru1, "A", language="ru"),
        CompareInput("ru2", "Парад", ru2, "B", language="ru"),
        CompareInput("en1", "Parade", en, None, language="en", copy_of="ru1"),
    ]

    def span(article: str, text: str, piece: str) -> Span:
        start = text.index(piece)
        return Span(article, start, start + len(piece), piece)

    first, second = ru1.split("\n"), ru2.split("\n")
    worded = span("en1", en, en)
    facts = tuple(
        Fact(en, (span("ru1", ru1, a), span("ru2", ru2, b), worded), 2, language="en")
        for a, b in ((first[0], second[0]), (first[1], second[1]))
    )
    sources = (Source("ru1", "A", "Парад", language="ru"), Source("ru2", "B", "Парад", language="ru"))
    sources += (Source("en1", None, "Parade", language="en", copy_of="ru1"),)
    comparison = Comparison(None, sources, facts, (), (), (), (), (), display_language="en")
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=60)
    texts = [s.text for s in summary.sentences]
    assert texts.count(en) == 1, texts
    merged = next(s for s in summary.sentences if s.text == en)
    assert {s.article for s in merged.support} >= {"ru1", "ru2", "en1"} and merged.sources == 2


def test_a_statement_measuring_the_same_thing_otherwise_is_not_cited() -> None:
    """Aligned on their words, "a depth of 1.2 miles" and "a depth of 12 miles" (each beside the
    same 14 miles from the town) do not support each other; the same depth does."""
    lead = "The quake occurred at 2:09 a.m. about 14 miles north of Healdsburg"
    a = f"{lead} and had a depth of 1.2 miles, the survey said."
    for depth, cited in (("12", False), ("1.2", True)):
        b = f"{lead}, with a depth of {depth} miles, the survey said."
        inputs = _inputs(a=a, b=b)
        summary = ExtractiveSummarizer().summarize(inputs, Comparer().compare(inputs), words=60)
        assert summary.sentences
        assert all(({sp.article for sp in s.support} == {"a", "b"}) is cited for s in summary.sentences), depth


def test_a_fact_several_sources_report_is_told_once_whatever_its_wording() -> None:
    """Outlets' sentences worded differently but aligned as one fact (30-ecb of ECB+): each would
    cite the same spans; the summary tells it once and gives the sources' other facts instead."""
    leads = [
        "Internet and telephone communications between Europe, the Middle East and Asia were severely "
        "disrupted Friday after three undersea cables were damaged.",
        "Internet and phone communications between Europe, the Middle East, and Asia have been seriously "
        "disrupted after submarine cables were severed.",
        "Egypt's communications ministry says Internet cables in the Mediterranean Sea have been cut, causing "
        "massive Internet outages in Europe, the Middle East and Asia.",
        "The cause: three international underwater cables in the Mediterranean Sea that were damaged Friday, "
        "disrupting Internet communications in the Middle East and Asia.",
    ]
    rest = [
        "The operator said a repair ship would not reach the site before Monday.",
        "Up to 70 percent of traffic to Egypt was affected, the ministry said.",
        "Investigators suspect a ship's anchor dragged across the seabed near Alexandria.",
        "Traders in Dubai said banks had switched to satellite links for the day.",
    ]
    inputs = [CompareInput(f"s{n}", "Cables cut", f"{lead}\n{rest[n]}", f"Outlet {n}") for n, lead in enumerate(leads)]
    comparison = Comparer().compare(inputs)
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=100)
    told = [s.text for s in summary.sentences if s.text in leads]
    assert len(told) == 1, summary.sentences


def test_figures_in_tokenised_text_are_not_joined_across_a_list() -> None:
    from newsprism.summarize.extractive import _FIGURE

    text = "In 2019 , 15 people; aged 12 , 14; a magnitude 4 . 6 quake; 3 , 000 people; 6.6 million"
    assert [m.group() for m in _FIGURE.finditer(text)] == ["2019", "15", "12", "14", "4 . 6", "3 , 000", "6.6"]
