"""Entities without a model: the seed pair, titles, gazetteers, sentence starts, merging across sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare.base import Entity
from newsprism.ingest.reader import read_articles
from newsprism.model import Article
from newsprism.nlp.entities import Mention, entities_for, find_entities, is_demonym, merge_mentions
from newsprism.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    specs = [str(FIXTURES / "bloomberg-blinken-lavrov.txt"), str(FIXTURES / "nbc-blinken-lavrov-translated.txt")]
    articles = [a for a in read_articles(specs, settings=Settings.load({"db": ":memory:"})) if isinstance(a, Article)]
    assert len(articles) == 2
    return articles


def names(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(m.name, m.kind) for m in find_entities(text, language=language)]


def test_seed_pair_entities(seeds: list[Article]) -> None:
    bloomberg, nbc = seeds
    entities = entities_for([(a.external_id, a.text) for a in seeds])
    by_name = {e.name: e for e in entities}
    both = {bloomberg.external_id, nbc.external_id}
    for name in ("Antony Blinken", "Sergei Lavrov", "Joe Biden", "Vladimir Putin"):
        assert by_name[name].kind == "person"
        assert set(by_name[name].mentions) == both
    for name in ("Russia", "United States", "Iceland", "Reykjavik", "Ukraine", "Crimea", "Germany"):
        assert by_name[name].kind == "place", name
        assert set(by_name[name].mentions) == both, name
    assert by_name["Arctic Council"].kind == "organisation"
    assert set(by_name["Arctic Council"].mentions) == both
    assert by_name["Nord Stream 2"].kind in ("organisation", "other")
    assert set(by_name["Nord Stream 2"].mentions) == both
    assert by_name["State Department"].kind == "organisation"
    for name in ("Christopher Wray", "Avril Haines", "Trevor Reed", "Paul Whelan", "Alexei Navalny"):
        assert by_name[name].kind == "person", name
        assert by_name[name].mentions == {nbc.external_id: 1}, name
    for name in ("DarkSide", "Colonial Pipeline", "Radio Free Europe/Radio Liberty", "SolarWinds", "Kremlin"):
        assert by_name[name].kind == "organisation", name
        assert set(by_name[name].mentions) == {nbc.external_id}, name
    # Surnames resolved, nothing half-named left behind, no sentence starters or weekdays.
    for absent in ("Blinken", "Lavrov", "Biden", "Putin", "Wednesday", "The", "Representatives", "Despite", "IT"):
        assert absent not in by_name, absent
    assert by_name["Antony Blinken"].mentions[nbc.external_id] >= 6
    # Sorted by total mentions, then name.
    totals = [sum(e.mentions.values()) for e in entities]
    assert totals == sorted(totals, reverse=True)
    assert entities[0].name == "Russia"


def test_seed_mentions_point_into_the_text(seeds: list[Article]) -> None:
    for article in seeds:
        for m in find_entities(article.text):
            assert article.text[m.start : m.end] == m.text
    nbc = seeds[1].text
    found = {m.text: m.name for m in find_entities(nbc)}
    assert found["colonial pipeline"] == "Colonial Pipeline"
    assert found["Radio Free Europe / Radio Liberty"] == "Radio Free Europe/Radio Liberty"
    assert found["US"] == "United States"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secretary of State Antony Blinken met him.", [("Antony Blinken", "person")]),
        (
            "He met Russian Foreign Minister Sergei Lavrov.",
            [("Russia", "place"), ("Sergei Lavrov", "person")],
        ),
        (
            "It sanctioned FBI Director Christopher Wray.",
            [("FBI", "organisation"), ("Christopher Wray", "person")],
        ),
        ("It named Director of National Intelligence Avril Haines.", [("Avril Haines", "person")]),
        ("They thanked President Joe Biden.", [("Joe Biden", "person")]),
        ("They thanked Mr. Smith and Sen. Warren.", [("Smith", "person"), ("Warren", "person")]),
        ("Russian opposition leader Alexei Navalny", [("Russia", "place"), ("Alexei Navalny", "person")]),
        ("They met Ursula von der Leyen in Brussels.", [("Ursula von der Leyen", "person"), ("Brussels", "place")]),
        # "for" joins an organisation's name, not a place to a person
        (
            "No money was paid to North Korea for Otto Warmbier.",
            [("North Korea", "place"), ("Otto Warmbier", "person")],
        ),
        ("the Center for American Progress said", [("Center for American Progress", "other")]),
    ],
)
def test_titles_are_stripped_and_used_as_evidence(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


def test_cities_beyond_the_largest_are_places() -> None:
    assert names("Police in Vancouver and Detroit said Bilbao and Dusseldorf were quiet.") == [
        ("Vancouver", "place"),
        ("Detroit", "place"),
        ("Bilbao", "place"),
        ("Düsseldorf", "place"),
    ]


def test_gazetteer_places_and_demonyms() -> None:
    assert names("U.S.-Russia relations and the Swiss-based company") == [
        ("United States", "place"),
        ("Russia", "place"),
        ("Switzerland", "place"),
    ]
    assert names("talks in North Korea, the United Kingdom and Britain") == [
        ("North Korea", "place"),
        ("United Kingdom", "place"),
        ("United Kingdom", "place"),
    ]
    assert names("American and British officials met in Reykjavík and Kiev.") == [
        ("United States", "place"),
        ("United Kingdom", "place"),
        ("Reykjavik", "place"),
        ("Kyiv", "place"),
    ]


def test_demonyms_are_told_from_place_names() -> None:
    assert is_demonym("Russian") and is_demonym("Icelandic")
    assert not is_demonym("Russia") and not is_demonym("Reykjavik") and not is_demonym("Blinken")


def test_a_word_opening_a_ptb_style_quote_is_sentence_initial() -> None:
    """Corpora tokenised the Penn Treebank way write quotes as `` ... '' (ECB+ does)."""
    text = "He said : `` We have no idea what caused it . '' `` Whatever the motives , Paris is calm . ''"
    assert names(text) == [("Paris", "place")]


def test_may_after_a_first_name_is_a_surname() -> None:
    text = "Prime Minister Theresa May met Angela Merkel in May. In May, Brian May played."
    assert names(text) == [("Theresa May", "person"), ("Angela Merkel", "person"), ("Brian May", "person")]


def test_organisation_and_place_cues() -> None:
    assert names("officials at the Ministry of Defence and the Arctic Council") == [
        ("Defense Ministry", "organisation"),  # the gazetteer: one name for its spellings
        ("Arctic Council", "organisation"),
    ]
    assert names("ships in the Black Sea and the Sea of Azov") == [("Black Sea", "place"), ("Sea of Azov", "place")]
    assert names("hackers known as DarkSide hit SolarWinds and the NHS") == [
        ("DarkSide", "organisation"),
        ("SolarWinds", "organisation"),
        ("NHS", "organisation"),
    ]


def test_sentence_initial_common_words_are_dropped() -> None:
    text = "Despite the timing, Blinken spoke. Representatives of both sides met Blinken. The Kremlin said no."
    assert names(text) == [("Blinken", "other"), ("Blinken", "other"), ("Kremlin", "organisation")]
    # A lone unknown word that only ever starts sentences is dropped, unless a speech verb follows it.
    text = "Blinken cited Iran. Lavrov said so, and Lavrov agreed."
    assert names(text) == [("Iran", "place"), ("Lavrov", "person"), ("Lavrov", "person")]


def test_surnames_resolve_to_the_full_name_in_the_same_text() -> None:
    text = "President Joe Biden spoke. Later Biden left, and the Biden administration said nothing."
    found = find_entities(text)
    assert [m.name for m in found] == ["Joe Biden", "Joe Biden", "Joe Biden"]
    assert [m.text for m in found] == ["Joe Biden", "Biden", "Biden"]


def test_months_weekdays_and_non_name_acronyms_are_skipped() -> None:
    assert names("On Wednesday in April, the IT and TV teams met.") == []


def test_other_languages() -> None:
    assert names("El presidente Pedro Sánchez visitó Estados Unidos y Alemania.", "es") == [
        ("Pedro Sánchez", "person"),
        ("United States", "place"),
        ("Germany", "place"),
    ]
    german = (
        "Bundeskanzlerin Angela Merkel traf den russischen Präsidenten Wladimir Putin in Berlin. Die Regierung schwieg."
    )
    assert names(german, "de")[:3] == [("Angela Merkel", "person"), ("Wladimir Putin", "person"), ("Berlin", "place")]
    assert ("Regierung", "other") not in names(german, "de")


def test_merge_mentions_counts_and_votes() -> None:
    mentions = [
        Mention(0, 5, "Apple", "Apple", "organisation"),
        Mention(10, 15, "Apple", "Apple", "organisation"),
        Mention(20, 25, "Apple", "Apple", "other"),
        Mention(30, 35, "Paris", "Paris", "place"),
    ]
    assert merge_mentions(mentions, article="a1") == [
        Entity("Apple", "organisation", {"a1": 3}),
        Entity("Paris", "place", {"a1": 1}),
    ]


def test_entities_for_resolves_surnames_across_sources() -> None:
    entities = entities_for(
        [
            ("a", "Secretary of State Antony Blinken arrived in Iceland."),
            ("b", "Blinken said the talks in Iceland were useful, and Blinken left."),
        ]
    )
    assert entities[0] == Entity("Antony Blinken", "person", {"a": 1, "b": 2})
    assert entities[1] == Entity("Iceland", "place", {"a": 1, "b": 1})
    assert len(entities) == 2


def test_russian_names_in_other_cases_and_capitalised_adjectives() -> None:
    text = (
        "Президент России Владимир Путин принял парад на Неве. Корабли прошли по Финскому заливу. "
        "Военно-морской флот получил корабли в Мексике. Он поблагодарил Николая Евменова."
    )
    found = names(text, "ru")
    assert ("Russia", "place") in found and ("Mexico", "place") in found  # "России", "Мексике"
    assert ("Владимир Путин", "person") in found and ("Николая Евменова", "person") in found
    assert not any(name in ("Финскому", "Военно", "России Владимир Путин") for name, _ in found)


def test_names_in_cyrillic_are_their_latin_transliteration_across_sources() -> None:
    ru = (
        "Президент России Владимир Путин принял парад в Кронштадте. Путин поздравил моряков. "
        "Летчики пролетели над Владивостоком. В Кронштадт прибыли корабли."
    )
    en = "Russian President Vladimir Putin attended the parade in Kronstadt. Pilots flew over Vladivostok."
    entities = {e.name: e for e in entities_for([("ru", ru), ("en", en)], languages={"ru": "ru", "en": "en"})}
    assert entities["Vladimir Putin"].mentions == {"ru": 2, "en": 1}  # "Путин" alone too
    assert entities["Kronstadt"].mentions == {"ru": 2, "en": 1}  # "Кронштадте", "Кронштадт"
    assert entities["Vladivostok"].mentions == {"ru": 1, "en": 1}  # not Vladimir: the same key, spelt apart
    assert entities["Russia"].mentions == {"ru": 1, "en": 1}
    apart = {e.name for e in entities_for([("ru", ru), ("en", en)], languages={"ru": "ru"}, across_scripts=False)}
    assert "Владимир Путин" in apart and "Vladimir Putin" in apart


def test_japanese_and_chinese_places_and_japanese_people() -> None:
    ja = "大阪府の吉村洋文知事が２０日、ロシアと中国を訪問した。ジミー・バトラーは称賛した。新しいアルバムとNATO。"
    found = names(ja, "ja")
    assert ("Osaka", "place") in found and ("Russia", "place") in found and ("China", "place") in found
    assert ("吉村洋文知事", "person") in found and ("ジミー・バトラー", "other") in found
    assert ("NATO", "organisation") in found
    assert not any(kind == "place" and name == "Aruba" for name, kind in found)  # "アルバ" inside "アルバム"
    assert names("俄罗斯总统在莫斯科会见美国代表团", "zh") == [
        ("Russia", "place"),
        ("Moscow", "place"),
        ("United States", "place"),
    ]


def test_full_width_latin_names_in_japanese() -> None:
    found = find_entities(
        "吉村知事はＡＢＣテレビで、ＮＡＴＯとＷＨＯについて話した。Ｊ１の試合。", language="ja", analyser=None
    )
    latin = [(m.text, m.name) for m in found if m.name.isascii()]
    assert latin == [("ＡＢＣ", "ABC"), ("ＮＡＴＯ", "NATO"), ("ＷＨＯ", "World Health Organization")]  # not "Ｊ"


def test_a_name_written_surname_first_is_found_by_its_surname() -> None:
    text = "Osaka Governor Yoshimura Hirofumi spoke on Friday. Later, Yoshimura said he would partner with them."
    assert {m.name for m in find_entities(text) if m.kind == "person"} == {"Yoshimura Hirofumi"}
    # a first name the list knows is no surname: "Hillary" alone stays itself
    other = "Hillary Clinton spoke. Hillary smiled."
    assert [m.name for m in find_entities(other)] == ["Hillary Clinton", "Hillary"]


def test_russian_abbreviations_and_other_cases_meet_their_english_names() -> None:
    ru = "Как сообщает ТАСС, в Минобороны РФ заявили, что США и представители Китая и Израиля не приглашены."
    en = "TASS reports that the Defense Ministry of Russia said the United States, China and Israel were not invited."
    entities = {e.name: e.mentions for e in entities_for([("ru", ru), ("en", en)], languages={"ru": "ru", "en": "en"})}
    for name in ("TASS", "Defense Ministry", "Russia", "United States", "China", "Israel"):
        assert entities[name] == {"ru": 1, "en": 1}, name


def test_a_russian_full_name_meets_a_transliteration_spelt_alike() -> None:
    ru = "Об этом рассказал Петр Моргунов. Павел Смирнов не согласился."
    en = "Officials, including Pyotr Morgunov, said so. Alexei Smirnov disagreed."
    entities = {e.name: e.mentions for e in entities_for([("ru", ru), ("en", en)], languages={"ru": "ru", "en": "en"})}
    assert entities["Pyotr Morgunov"] == {"ru": 1, "en": 1}  # "Петр": ё written е
    assert "Павел Смирнов" in entities and entities["Alexei Smirnov"] == {"en": 1}  # another first name


def test_no_names_from_letters_numbers_or_quote_openings() -> None:
    """A lone capital letter ("T . Y . Hilton" tokenised, "a 10U server"), "No." before a number
    and a word opening a quote after '' (quotes printed as two apostrophes) are no names."""
    text = (
        "Arians said it .\n''We had so many opportunities , '' Wayne said .\n"
        "He completed a pass to T . Y . Hilton . The No . 4 seed lost to the No. 5 seed . A 10U server."
    )
    names = [m.name for m in find_entities(text, language="en")]
    assert names == ["Arians", "Wayne"], names
    # a name of one letter is a name; a firm's name is no person because a man of that surname speaks
    found = [(m.name, m.kind) for m in find_entities("Musk said X, formerly Twitter, banned him.", language="en")]
    assert ("X", "other") in found, found
    sachs = "Shares of Goldman Sachs fell on Monday. The bank will recover, Sachs said."
    assert ("Goldman Sachs", "person") not in {(m.name, m.kind) for m in find_entities(sachs, language="en")}


def test_a_full_name_whose_surname_speaks_is_a_person() -> None:
    """First names the list lacks ("Reggie", "Jamaal"): the full name is a person when its surname
    alone is one in the text, and the two are one entity."""
    text = (
        "On Sunday , Reggie Wayne caught the winning pass and Jamaal Charles ran for 226 yards .\n"
        "'' We wanted to get that done , '' Wayne said .\n'' It was fun , '' Charles said ."
    )
    found = {(m.name, m.kind) for m in find_entities(text, language="en")}
    assert {("Reggie Wayne", "person"), ("Jamaal Charles", "person")} <= found, found
    assert not {name for name, _ in found} & {"Wayne", "Charles"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Colts QB Andrew Luck threw for 205 yards.", "Andrew Luck"),
        ("Fulton County District Attorney Paul Howard said he would appeal.", "Paul Howard"),
        ("Deputy Hoyt Teasley was shot outside the courthouse.", "Hoyt Teasley"),
    ],
)
def test_titles_and_positions_before_a_name(text: str, person: str) -> None:
    assert (person, "person") in {(m.name, m.kind) for m in find_entities(text, language="en")}


def test_a_relative_does_not_take_the_surname() -> None:
    text = (
        "President Biden spoke on Monday. Biden and Harris, along with first lady Jill Biden, held a ceremony. "
        "Biden said the nation grieves."
    )
    entities = {e.name: sum(e.mentions.values()) for e in entities_for([("a", text)], language="en")}
    assert entities.get("Biden") == 3 and entities.get("Jill Biden") == 1, entities


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("His daughter Joan Felt", True),
        ("Biden's wife, Jill Biden", True),
        ("First Lady Jill Biden", True),
        ("survived by two children, Joan Felt and Mark Felt Jr", True),
        ("Biden's wife, Jill, stood beside President Joe Biden", False),
        ("The victim's mother told reporters that Governor Gavin Newsom", False),
        ("Sons of Anarchy creator Kurt Sutter", False),
        ("The Sister Act star Whoopi Goldberg", False),
        ("Father John Smith", False),
    ],
)
def test_who_is_introduced_as_a_relative(text: str, relative: bool) -> None:
    from newsprism.nlp.entities import introduced_as_relative

    words = text.split()
    name = " ".join(words[-3:] if text.endswith("Jr") else words[-2:])
    assert introduced_as_relative(text, len(text) - len(name)) is relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Richard M. Nixon resigned in 1974.", [("Richard M. Nixon", "person")]),
        ("the resignation of President Richard M . Nixon .", [("Richard M. Nixon", "person")]),  # tokenised
        ("General Manager Theo Epstein said so.", [("Theo Epstein", "person")]),
        ("GM Theo Epstein said so.", [("Theo Epstein", "person")]),
        ("Owner Arte Moreno flew to Las Vegas.", [("Arte Moreno", "person"), ("Las Vegas", "place")]),
        (
            "The Colts beat the Kansas City Chiefs 20-13 on Sunday.",
            [("Indianapolis Colts", "organisation"), ("Kansas City Chiefs", "organisation")],
        ),
        ("The Giants won on Sunday.", [("Giants", "other")]),  # two teams: the nickname alone is no team
    ],
)
def test_middle_initials_sports_titles_and_teams(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.kind) for m in find_entities(text)] == expected


def test_turkish_names_without_their_case_endings() -> None:
    """Turkish writes a name's case ending after an apostrophe ("Putin'in", "Moskova'da"); titles
    follow what they head ("Rusya Devlet Başkanı Vladimir Putin")."""
    text = "Rusya Devlet Başkanı Vladimir Putin'in açıklamasına göre Moskova'da O'Brien ile görüştü."
    found = find_entities(text, language="tr")
    assert ("Vladimir Putin", "person") in {(m.name, m.kind) for m in found}
    assert {m.name for m in found} >= {"Moskova", "O'Brien"}  # "O'Brien": a capital after the apostrophe
    assert all("'" not in m.text or m.text == "O'Brien" for m in found)
