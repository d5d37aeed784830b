"""What an amount counts, keyed alike across languages (nlp/counted.py), and number conflicts
between sources in two languages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.compare.base import Statement
from newsprism.compare.conflicts import Annotated, Time, _across_kind, find_conflicts
from newsprism.nlp.counted import counted_key, magnitude_in, role_in, toll_key
from newsprism.nlp.numbers import find_quantities
from newsprism.nlp.timex import find_times


def _key(text: str, language: str, k: int = 0) -> str | None:
    q = find_quantities(text, language=language)[k]
    return counted_key(text, q.start, q.end, q.unit, language)


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        ("В параде участвовали 46 новых кораблей", "ru", "ships"),  # the noun two words on
        ("разрушены 250 домов", "ru", "homes"),
        ("около 15 тысяч военных", "ru", "soldiers"),
        ("destruyendo 250 viviendas", "es", "homes"),
        ("destroying 300 homes", "en", "homes"),
        ("enviará 60 toneladas de ayuda", "es", "tons"),
        ("40 Tonnen Hilfsgüter", "de", "tons"),
        ("15 muertos", "es", "people dead"),  # a noun that says what happened
        ("4823 смертей", "ru", "people dead"),
        ("12 deaths", "en", "people dead"),
        ("la deuda es de 1.200 millones de dólares", "es", "USD"),
        ("12人が死亡", "ja", "people"),
        ("40隻の船", "ja", "ships"),
    ],
)
def test_counted_nouns_get_one_key_in_every_language(text: str, language: str, key: str) -> None:
    assert _key(text, language) == key


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("набрал 44 очка, 3 из них в овертайме", "ru"),  # "из них": a clause of its own, no noun
        ("compró 20 grandes y modernos aviones", "es"),  # the noun is more than three words on
        ("vendió 20 cuadros", "es"),  # a noun the lexicon does not hold
        ("Jordan scored 20, 12 more than him", "en"),
    ],
)
def test_an_unknown_or_distant_noun_gives_no_key(text: str, language: str) -> None:
    found = find_quantities(text, language=language)
    q = found[0]
    if language == "ru":
        assert counted_key(text, q.start, q.end, q.unit, language) == "points"
        q = next(r for r in found if r.value == 3)
    assert counted_key(text, q.start, q.end, q.unit, language) is None


@pytest.mark.parametrize(
    ("text", "language", "value", "role"),
    [
        ("matando a 15 personas e hiriendo a 30", "es", 15, "dead"),
        ("matando a 15 personas e hiriendo a 30", "es", 30, "injured"),  # the conjunction ends the reach
        ("погибли 12 человек, 30 ранены", "ru", 12, "dead"),
        ("погибли 12 человек, 30 ранены", "ru", 30, "injured"),  # the comma ends the clause
        ("bei dem Unglück wurden 12 Menschen getötet", "de", 12, "dead"),
        ("12 persone sono state arrestate", "it", 12, "arrested"),
        ("12人が死亡、30人が負傷した", "ja", 12, "dead"),
        ("12人が死亡、30人が負傷した", "ja", 30, "injured"),
        ("el presidente recibió a 12 personas", "pt", 12, None),  # "presidente" is no "preso"
        ("Der Präsident traf 12 Menschen in der totalen Stille", "de", 12, None),  # "totalen" is no "tote"
        ("12 people were killed", "en", 12, None),  # English is read by the comparison's own rule
    ],
)
def test_roles_in_the_language_s_own_words(text: str, language: str, value: int, role: str | None) -> None:
    q = next(q for q in find_quantities(text, language=language) if q.value == value)
    assert role_in(text, q.start, q.end, language) == role


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("un terremoto de magnitud 6,8", "es", True),
        ("землетрясение магнитудой 6,8", "ru", True),
        ("M6.8の地震", "ja", True),
        ("6.8级地震", "zh", True),
        ("un terremoto dejó 68 muertos", "es", False),
    ],
)
def test_magnitudes_in_other_languages(text: str, language: str, expected: bool) -> None:
    q = find_quantities(text, language=language)[0]
    assert magnitude_in(text, q.start, q.end, language) is expected


def _article(article: str, texts: list[str], language: str) -> list[Annotated]:
    """An article's statements, one a text, with their quantities and times at their offsets."""
    out, at = [], 0
    for t in texts:
        q = tuple(replace(x, start=x.start + at, end=x.end + at) for x in find_quantities(t, language=language))
        times = tuple(Time(x.start + at, x.end + at, x.text, x.value, x.kind) for x in find_times(t, language=language))
        out.append(Annotated(Statement(article, at, at + len(t), t), article, q, times, language=language))
        at += len(t) + 1
    return out


def _annotated(article: str, text: str, language: str) -> Annotated:
    return _article(article, [text], language)[0]


def _number_topics(items: list[Annotated]) -> list[tuple[str, list[str]]]:
    """The number conflicts of ``items`` compared as leads (no aligned facts): topic and values."""
    return [(c.topic, sorted(s.value for s in c.sides)) for c in find_conflicts([], items) if c.kind == "number"]


def _lead_conflicts(*articles: tuple[str, str]) -> list[tuple[str, list[str]]]:
    return _number_topics([_annotated(chr(97 + k), text, lang) for k, (text, lang) in enumerate(articles)])


def _across_keys(text: str, language: str) -> list[str | None]:
    a = _annotated("x", text, language)
    return [_across_kind(a, q) for q in a.quantities]


def _numbers(a: tuple[str, str], b: tuple[str, str]) -> list[tuple[str, list[str]]]:
    items = [_annotated("a", *a), _annotated("b", *b)]
    found = find_conflicts([items], items)
    return [(c.topic, sorted(s.value for s in c.sides)) for c in found if c.kind == "number"]


def test_numbers_of_two_languages_conflict_by_their_english_keys() -> None:
    en = ("A magnitude 6.8 quake killed 12 people and destroyed 300 homes.", "en")
    es = ("Un terremoto de magnitud 7,1 mató a 15 personas y destruyó 250 viviendas.", "es")
    assert _numbers(en, es) == [
        ("homes destroyed", ["250", "300"]),
        ("magnitude", ["6.8", "7,1"]),
        ("people dead", ["12", "15"]),
    ]
    ru = ("Землетрясение магнитудой 6,8 унесло жизни 12 человек, разрушены 300 домов.", "ru")
    assert _numbers(en, ru) == []  # the same values: nothing differs
    assert _numbers(("The aid was 40 tonnes.", "en"), ("Помощь составила 60 тонн.", "ru")) == [("tons", ["40", "60"])]


def test_numbers_of_two_languages_that_count_other_things_do_not_conflict() -> None:
    # killed against injured; a noun the lexicon lacks; a year written with its noun
    assert _numbers(("The quake killed 12 people.", "en"), ("El sismo hirió a 15 personas.", "es")) == []
    assert _numbers(("He sold 20 paintings.", "en"), ("Vendió 25 cuadros.", "es")) == []
    assert _numbers(("The vote took 5 years.", "en"), ("Итоги референдума 2016 года.", "ru")) == []
    # words and digits, and a value written with the language's separators, agree
    assert _numbers(("three years later", "en"), ("tres años más tarde", "es")) == []
    assert _numbers(("9,420 nautical miles", "en"), ("9.420 millas marinas", "es")) == []


def _beyond_lead(article: str, text: str, language: str) -> list[Annotated]:
    """Three statements, then ``text`` (the fourth: beyond the article's lead)."""
    return _article(article, ["Rain fell all day.", "Roads were closed.", "Schools shut early.", text], language)


def test_one_language_keeps_its_own_keys_beyond_the_leads() -> None:
    """Two aligned statements in one language are compared by their words: "12 dead" and "15
    people killed" are not keyed alike there.  In the leads of two reports the toll is read by its
    key in every language, English too: "12 dead" and "15 people killed" are two tolls."""
    a = _beyond_lead("a", "The storm left 12 dead.", "en")
    b = _beyond_lead("b", "The storm left 15 people killed.", "en")
    assert [c.topic for c in find_conflicts([[a[-1], b[-1]]], a + b) if c.kind == "number"] == []
    assert _numbers(("The storm left 12 dead.", "en"), ("The storm left 15 people killed.", "en")) == [
        ("people dead", ["12", "15"])
    ]


def test_tolls_of_the_leads_conflict_though_their_statements_are_not_aligned() -> None:
    """Two reports word their toll differently: no statement of one is aligned with the other's
    (no fact), yet their leads give other tolls of one key."""
    a = ("Floods in northeast Bangladesh kill 23, displace thousands", "en")
    b = ("The death toll from flooding rose to 26 on Thursday, with seven children among the victims.", "en")
    assert _lead_conflicts(a, b) == [("people dead", ["23", "26"])]
    es = ("La cifra de muertos ascendió a 26 el jueves.", "es")
    assert _lead_conflicts(a, es) == [("people dead", ["23", "26"])]


def test_the_magnitudes_of_the_leads_conflict_unless_a_lead_tells_of_two_quakes() -> None:
    a = ("Magnitude 6.4 quake shakes New Zealand's South Island", "en")
    b = ("A strong earthquake of magnitude 6.2 rocked the South Island on Thursday.", "en")
    assert _lead_conflicts(a, b) == [("magnitude", ["6.2", "6.4"])]  # "6.4 … shakes" counts no shakes
    two = ("The 6.1-magnitude quake followed the 7.5 magnitude quake of Sunday.", "en")
    assert _lead_conflicts(a, two) == []


def test_a_toll_of_workers_or_passengers_is_one_of_people() -> None:
    a = ("A fire at a battery plant killed 18 workers on Monday.", "en")
    b = ("리튬 배터리 공장에서 불이 나 작업자 20명이 숨졌다.", "ko")
    assert _lead_conflicts(a, b) == [("people dead", ["18", "20명"])]
    children = ("Among the dead were seven children.", "en")  # a part: another key
    assert _lead_conflicts(a, children) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same toll; a hedge that holds the other; an attacker counted or not
        ("Quake kills 12 in Peru", "The earthquake killed 12 people, officials said."),
        ("At least 10 people were killed.", "The death toll stood at 12."),
        ("Four people were killed, including the gunman.", "The gunman killed three people."),
        # a vague toll does not hide an exact one, but an exact one the other gives does
        ("Dozens hurt as trains collide; 34 people were injured.", "The crash injured 34 people."),
        # an earlier event's toll, in a statement writing its year; another role
        ("In 2013, a landslide killed 46 people.", "The landslide killed eight people."),
        ("The blast killed 12 people.", "The blast injured 40 people."),
    ],
)
def test_tolls_of_the_leads_that_agree_or_count_other_things(a: str, b: str) -> None:
    assert _lead_conflicts((a, "en"), (b, "en")) == []


def test_a_vague_toll_does_not_hide_an_exact_one() -> None:
    a = _article(
        "a", ["Dozens hurt as trains collide near Katowice.", "The crash injured 31 people, officials said."], "en"
    )
    b = _article("b", ["34 osoby ranne w zderzeniu pociągów."], "pl")
    assert _number_topics(a + b) == [("people injured", ["31", "34"])]


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        ("Floods in northeast Bangladesh kill 23, displace thousands", "en", "people dead"),
        ("23 killed in Bangladesh floods", "en", "people dead"),
        ("Officials put the death toll at five.", "en", "people dead"),
        ("The toll climbed to 14 overnight.", "en", "people dead"),
        ("Blast leaves 9 dead, 40 injured", "en", "people injured"),
        ("Police arrested 12 after the protest.", "en", "people arrested"),
        ("El balance de víctimas mortales se eleva a 15.", "es", "people dead"),
        ("Le bilan des morts est passé à 32.", "fr", "people dead"),
        ("Die Zahl der Verletzten stieg auf 26.", "de", "people injured"),
        ("Число погибших возросло до 26.", "ru", "people dead"),
        ("Ölü sayısı 14'e yükseldi.", "tr", "people dead"),
    ],
)
def test_a_bare_number_that_is_a_toll(text: str, language: str, key: str) -> None:
    q = next(x for x in find_quantities(text, language=language) if x.unit is None)
    assert toll_key(text, q.start, q.end, language) == key


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The toll road cost 40 million.", "en"),
        ("The gunman killed 12 of the 15 hostages.", "en"),
        ("The economic toll reached 4 billion.", "en"),
        ("Sales rose 7% to 9 billion.", "en"),
        ("La cifra de ventas ascendió a 15.", "es"),
    ],
)
def test_a_bare_number_that_is_no_toll(text: str, language: str) -> None:
    for q in find_quantities(text, language=language):
        if q.unit is None:
            assert toll_key(text, q.start, q.end, language) is None, q.text


def test_an_indonesian_count_keeps_its_noun_and_role() -> None:
    """Indonesian is read with the English number words: "tewas" (dead) after "25 orang" was taken
    for an English plural, the count's unit, and the count had no key."""
    text = "Sebanyak 25 orang tewas dalam kecelakaan itu."
    assert _across_keys(text, "id") == ["people dead"]


def test_chinese_and_japanese_roles_right_after_a_count_are_its_own() -> None:
    text = "已致8人遇难14人失联"
    keys = [role_in(text, q.start, q.end, "zh") for q in find_quantities(text, language="zh")]
    assert keys == ["dead", "missing"]
    text = "8人が死亡し、14人が行方不明になっている。"
    assert [role_in(text, q.start, q.end, "ja") for q in find_quantities(text, language="ja")] == ["dead", "missing"]


@pytest.mark.parametrize(
    ("text", "language", "value", "key", "role"),
    [
        ("قتل 15 شخصا وأصيب 30 آخرون", "ar", 15, "people", "dead"),
        ("قتل 15 شخصا وأصيب 30 آخرون", "ar", 30, None, "injured"),  # the nearest role: "and were injured"
        ("נהרגו 15 אנשים ו-30 נפצעו", "he", 15, "people", "dead"),
        ("۱۵ نفر کشته و ۳۰ نفر زخمی شدند", "fa", 30, "people injured", "injured"),  # the verb after the count
        ("15 लोगों की मौत हो गई", "hi", 15, "people", "dead"),
        ("১৫ জন নিহত হয়েছেন", "bn", 15, "people dead", "dead"),  # "জন নিহত": persons, dead
        ("15 افراد ہلاک ہوگئے", "ur", 15, "people", "dead"),
        ("15 người chết", "vi", 15, "people", "dead"),
        ("15 ember meghalt", "hu", 15, "people", "dead"),
        ("15명이 숨지고 30명이 다쳤다", "ko", 30, "people", "injured"),  # not the verb of the 15
        ("사망자 15명", "ko", 15, "people", "dead"),
    ],
)
def test_counts_and_roles_of_more_languages(text: str, language: str, value: int, key: str | None, role: str) -> None:
    q = next(q for q in find_quantities(text, language=language) if q.value == value)
    assert counted_key(text, q.start, q.end, q.unit, language) == key
    assert role_in(text, q.start, q.end, language) == role


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Russia sent 3,000 troops.", "en"), ("Россия отправила 40 военных кораблей.", "ru")),  # ships
        (("The quake destroyed 300 homes.", "en"), ("Землетрясение разрушило 12 жилых зданий.", "ru")),
        (("The fire lasted 12 hours.", "en"), ("Огонь уничтожил 40 частных домов.", "ru")),  # "частных" is no hour
        (("He had led the party for 20 years.", "en"), ("El político, de 72 años, dirigía el partido.", "es")),
        (("The bank cut rates by 50 basis points.", "en"), ("El banco bajó los tipos 0,5 puntos porcentuales.", "es")),
        (("The attack killed 15 people.", "en"), ("La policía detuvo a 4 personas por la muerte del agente.", "es")),
        (("The virus killed 30 people.", "en"), ("Murieron 5 personas más que ayer.", "es")),
        (("The virus killed 40 people.", "en"), ("Погибли на 5 человек больше, чем вчера.", "ru")),
        (("The bill got 400 votes.", "en"), ("Nur 12 Abgeordnete stimmen dagegen.", "de")),
        (("About 12,000 people came.", "en"), ("Yaklaşık 12 bin kişi geldi.", "tr")),
    ],
)
def test_no_difference_between_things_that_are_not_one(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert _numbers(a, b) == []


def test_a_quake_on_the_richter_scale_is_a_magnitude() -> None:
    en = ("A magnitude 6.8 quake struck.", "en")
    assert _numbers(en, ("Un sismo de 7,1 grados en la escala de Richter sacudió.", "es")) == [
        ("magnitude", ["6.8", "7,1"])
    ]
    assert _numbers(en, ("Un sismo de 7,1 de magnitud sacudió.", "es")) == [("magnitude", ["6.8", "7,1"])]


def test_a_difference_told_in_one_language_and_across_two_is_listed_once() -> None:
    items = [
        _annotated("a", "The quake killed 12 people.", "en"),
        _annotated("b", "The quake killed 15 people.", "en"),
        _annotated("c", "El sismo mató a 14 personas.", "es"),
    ]
    found = [c for c in find_conflicts([items], items) if c.kind == "number"]
    assert [(c.topic, sorted(s.value for s in c.sides)) for c in found] == [("people dead", ["12", "14", "15"])]


def test_across_languages_a_source_is_listing_only_in_the_aligned_statements() -> None:
    """A report that gives three case counts elsewhere still disagrees on the one count its aligned
    statement gives (within one language the whole report's values decide)."""
    en = _annotated("a", "Overall, 512,485 cases have been recorded in Russia.", "en")
    ru = _annotated("b", "Всего в России зафиксировали 812 485 случаев.", "ru")
    elsewhere = [
        _annotated("b", "За сутки выявили 5765 случаев.", "ru"),
        _annotated("b", "В мире - 1,3 млн случаев.", "ru"),
    ]
    found = find_conflicts([[en, ru]], [en, ru, *elsewhere])
    assert [(c.topic, sorted(s.value for s in c.sides)) for c in found if c.kind == "number"] == [
        ("cases", ["512,485", "812 485"])
    ]
    # a sign in one language and a verb in the other is no difference
    assert _numbers(("The index fell by -3.16 %.", "en"), ("L'indice è sceso del 3,16 %.", "it")) == []


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a magnitude word belongs to the amount next to it, not to the count after it
        ("Kütahya Simav'da 5,9 büyüklüğünde deprem: 11 ölü", "tr", ["magnitude", None]),
        ("Simav ilçesinde 5,9 büyüklüğündeki depremde 11 kişi hayatını kaybetti.", "tr", ["magnitude", "people dead"]),
        ("Ein Erdbeben der Stärke 6,1 erschütterte die Region.", "de", ["magnitude"]),  # no name's number
        ("Un sismo de 6,8 de magnitud sacudió la zona.", "es", ["magnitude"]),
    ],
)
def test_a_magnitude_word_and_its_amount(text: str, language: str, keys: list[str | None]) -> None:
    assert _across_keys(text, language) == keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a forecast, a number after the toll that counts something else, an age (review of 2026-12-08)
        (
            ("Officials warned the death toll could rise to 50 as rescuers reach villages.", "en"),
            ("The quake killed 12 people.", "en"),
        ),
        (
            ("La cifra de muertos podría ascender a 50, según las autoridades.", "es"),
            ("The quake killed 12 people.", "en"),
        ),
        (
            ("Officials have yet to give a death toll for the state, home to more than 3 million.", "en"),
            ("The cyclone killed at least 6 people.", "en"),
        ),
        (
            ("Officials said the death toll would be released on day 3 of the emergency.", "en"),
            ("The heatwave has killed 40 people.", "en"),
        ),
        (("Woman aged 85 killed in Leeds house fire", "en"), ("One person died in a house fire in Leeds.", "en")),
        # passengers and crew: a part; an earlier event without its year; an aftershock; a quote
        (
            ("The crash killed all 144 passengers and 6 crew members on board.", "en"),
            ("The crash killed all 150 people on board.", "en"),
        ),
        (
            ("Malatya was devastated last year by a quake that killed 50,000.", "en"),
            ("The tremor in Malatya killed 2 people.", "en"),
        ),
        (
            ("A magnitude 5.9 aftershock rattled Hatay province on Monday.", "en"),
            ("Two weeks ago the magnitude 7.8 quake struck Hatay province.", "en"),
        ),
        (("'We have 40 dead in this village alone,' the mayor said.", "en"), ("The quake killed 12 people.", "en")),
        # a budget is no toll; contact made is no missing; days are no toll
        (
            ("Il bilancio di Petrobras mostra un utile di 14 miliardi.", "it"),
            ("O balanço da Petrobras mostra lucro de 12 bilhões.", "pt"),
        ),
        (
            ("輪島市では新たに10人と連絡が取れたという。", "ja"),
            ("Seven people remain missing in Wajima, officials said.", "en"),
        ),
        # the attacker counted or not, however it is worded
        (
            ("A shooting at a mall in Ohio left 4 dead, the gunman among them.", "en"),
            ("A gunman killed 3 people at a mall.", "en"),
        ),
        (("Shooting at Ohio mall kills 4, including gunman", "en"), ("A gunman killed 3 people at a mall.", "en")),
    ],
)
def test_leads_that_give_no_toll_difference(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert _lead_conflicts(a, b) == []


def test_lead_tolls_the_review_found_lost() -> None:
    # a toll with its noun after a toll's phrase; injured after "and"; another source listing
    assert _lead_conflicts(
        ("Flash floods have killed 23 people in northeastern Bangladesh.", "en"),
        ("The death toll from flooding in Bangladesh rose to 26 people on Thursday.", "en"),
    ) == [("people dead", ["23", "26"])]
    assert _lead_conflicts(
        ("A bomber killed 12 and wounded 30 at a market.", "en"), ("The blast injured 45 people.", "en")
    ) == [("people injured", ["30", "45"])]
    listing = ("The death toll rose to 31 on Tuesday from 22 on Monday and 15 on Sunday.", "en")
    found = _lead_conflicts(
        listing, ("The sinking killed 31 people.", "en"), ("The toll from the sinking rose to 40.", "en")
    )
    assert found == [("people dead", ["31", "31", "40"])]  # "from 22 … and 15" are earlier tolls, not listed
    # each source by its highest toll: an earlier one it gives is no side
    assert _lead_conflicts(
        ("The death toll rose to 31, up from 22 on Monday.", "en"), ("The sinking killed 35 people.", "en")
    ) == [("people dead", ["31", "35"])]


def test_a_toll_with_a_number_too_long_to_be_a_float_does_not_crash() -> None:
    assert _lead_conflicts(("The checksum was " + "9" * 309 + ".", "en"), ("Quake kills 12 in Peru", "en")) == []


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        ("地震死亡人数升至10人。", "zh", "people dead"),
        ("受伤人数达到30人。", "zh", "people injured"),
        ("死者数は26人に増えた。", "ja", "people dead"),
        ("死亡人数可能升至50人。", "zh", "people"),  # a forecast
    ],
)
def test_chinese_and_japanese_tolls(text: str, language: str, key: str) -> None:
    assert _across_keys(text, language) == [key]
