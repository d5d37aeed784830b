"""Quantities: digits and words, magnitudes, currencies, percentages, and what is not a quantity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.nlp.numbers import Quantity, find_quantities, parse_number, same_quantity

FIXTURES = Path(__file__).parent.parent / "fixtures"


def one(text: str, language: str = "en") -> Quantity:
    found = find_quantities(text, language=language)
    assert len(found) == 1, found
    return found[0]


def values(text: str, language: str = "en") -> list[float]:
    return [q.value for q in find_quantities(text, language=language)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$1.2bn", 1.2e9, "USD"),
        ("the $1.2 billion deal", 1.2e9, "USD"),
        ("a €3m fine", 3e6, "EUR"),
        ("£250,000 in damages", 250_000, "GBP"),
        ("40 million people", 40e6, "people"),
        ("a 1.9T stimulus", 1.9e12, None),
        ("$1.9 trillion", 1.9e12, "USD"),
        ("US$ 40 billion", 40e9, "USD"),
        ("rose 15%", 15, "percent"),
        ("rose 15 per cent", 15, "percent"),
        ("rose 15 percent", 15, "percent"),
        ("3.5% inflation", 3.5, "percent"),
        ("ten Russian diplomats", 10, "diplomats"),
        ("eight senior US administration officials", 8, "officials"),
        ("179 new aerial refueling tankers", 179, "tankers"),
        ("two hundred thousand people", 200_000, "people"),
        ("twenty-five soldiers", 25, "soldiers"),
        ("a dozen eggs", 12, "eggs"),
        ("half a million refugees", 500_000, "refugees"),
        ("one person died", 1, "people"),
        ("1,200 troops", 1200, "troops"),
        ("-5 degrees", -5, "degrees"),
        ("1 200 personnes", 1200, "people"),
        # text tokenised word by word, as corpora print it
        ("killing 3 , 000 people", 3000, "people"),
        ("a magnitude 6 . 1 quake", 6.1, None),
        ("a $27 . 5 million contract", 27.5e6, "USD"),
        ("an eight-year, $200MM offer", 200e6, "USD"),  # finance writes a million "MM"
        ("35MM film", 35, "mm"),
        ("200MM euros", 200e6, "EUR"),
        # a magnitude counts nothing: "strikes" is the quake's verb
        ("a 6.1-magnitude earthquake strikes the province", 6.1, None),
    ],
)
def test_english_amounts(text: str, value: float, unit: str | None) -> None:
    q = one(text, "fr" if "personnes" in text else "en")
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert text[q.start : q.end] == q.text


def test_ten_equals_10_and_bn_equals_digits() -> None:
    assert same_quantity(one("ten diplomats"), one("10 diplomats"))
    assert same_quantity(one("$1.2bn"), one("$1,200,000,000"))
    assert one("$1.2bn").value == 1_200_000_000


def test_separators_follow_the_language() -> None:
    assert values("1,200 and 1.5", "en") == [1200, 1.5]
    assert values("1.200 Soldaten", "de") == [1200]
    assert values("1,5 Millionen Euro", "de") == [1.5e6]
    assert values("20,1 miliardi di sterline", "it") == [pytest.approx(20.1e9)]
    assert values("40.000 millones $", "es") == [40e9]
    assert values("1\u00a0200\u00a0000 habitants", "fr") == [1.2e6]


def test_currency_prefixes_with_a_space() -> None:
    """MEANTIME writes amounts tokenised: "AU $ 12,5 miljoen", "US $ 40 miljard"."""
    assert (one("De resterende AU $ 12,5 miljoen", "nl").value, one("AU $ 12,5 miljoen", "nl").unit) == (12.5e6, "AUD")
    assert one("US $ 40 miljard", "nl").unit == "USD"
    assert one("A$5m", "en").unit == "AUD"


def test_billion_is_language_dependent() -> None:
    assert one("2 billion", "en").value == 2e9
    assert one("2 billions d'euros", "fr").value == 2e12
    assert one("2 Milliarden Euro", "de").value == 2e9
    assert one("2 bilhões de dólares", "pt").value == 2e9


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("veintiún soldados", "es", 21),
        ("treinta y cinco personas", "es", 35),
        ("trescientos cincuenta", "es", 350),
        ("dix-sept personnes", "fr", 17),
        ("quatre-vingt-dix-neuf personnes", "fr", 99),
        ("vingt et un morts", "fr", 21),
        ("einundzwanzig Menschen", "de", 21),
        ("zweihundertfünfzig Soldaten", "de", 250),
        ("ventitré persone", "it", 23),
        ("duemila soldati", "it", 2000),
        ("eenentwintig mensen", "nl", 21),
        ("tweehonderd mensen", "nl", 200),
        ("vinte e cinco pessoas", "pt", 25),
        ("десять человек", "ru", 10),
    ],
)
def test_number_words_in_other_languages(text: str, language: str, value: float) -> None:
    assert one(text, language).value == value


def test_articles_are_not_ones() -> None:
    assert find_quantities("un hombre y una mujer", language="es") == []
    assert find_quantities("ein Mann", language="de") == []
    assert find_quantities("one of them said", language="en") == []
    assert one("un millón de personas", "es").value == 1e6


def test_vague_amounts_are_approximate_with_a_range() -> None:
    q = one("tens of thousands of troops")
    assert (q.value, q.high, q.unit, q.approximate, q.qualifier) == (20_000, 99_999, "troops", True, "vague")
    assert one("dozens of people").value == 24
    assert one("decenas de miles de soldados", "es").value == 20_000
    assert one("Zehntausende Menschen", "de").high == 99_999


def test_qualifiers_are_in_the_span_and_mark_approximation() -> None:
    q = one("the talks lasted over 90 minutes")
    assert (q.text, q.value, q.unit, q.qualifier, q.approximate) == ("over 90", 90, "minutes", "more", True)
    assert one("about 2000 people").qualifier == "about"
    assert one("nearly 300 workers").qualifier == "nearly"
    assert one("más de 200 personas", "es").qualifier == "more"
    assert one("exactly 12 votes").approximate is False


def test_ranges() -> None:
    q = one("10-15 people")
    assert (q.value, q.high, q.qualifier) == (10, 15, "range")


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("offers of $140-$150 million", 140e6, 150e6, "USD"),
        ("the Orioles ( seven years , $ 140-150 million )", 140e6, 150e6, "USD"),
        ("offers between $140 and $150 million", 140e6, 150e6, "USD"),
        ("offers between $140 million and $150 million", 140e6, 150e6, "USD"),
        ("around seven years , $140 - 150MM , and", 140e6, 150e6, "USD"),  # tokenised, finance's MM
        ("villages sustained between 40 and 80 percent damage", 40, 80, "percent"),
        ("as many as 35 to 40 firefighters came", 35, 40, "firefighters"),
        ("it will take two to three weeks", 2, 3, "weeks"),
        ("five to 10 people were hurt", 5, 10, "people"),
        ("between two and three million people", 2e6, 3e6, "people"),
        ("a deal worth US$ 300 to 350 million.", 300e6, 350e6, "USD"),  # the currency said once, first
    ],
)
def test_a_range_with_both_ends_written_is_one_amount(text: str, low: float, high: float, unit: str) -> None:
    found = [q for q in find_quantities(text) if q.unit == unit]
    assert [(q.value, q.high, q.qualifier) for q in found] == [(low, high, "range")]


def test_a_full_stop_after_a_magnitude_word_is_the_sentence_s() -> None:
    assert [q.text for q in find_quantities("It was 16.5 million. Claims fell.")] == ["16.5 million"]
    assert [q.unit for q in find_quantities("It was 16.5 million. Claims fell.")] == [None]
    assert [q.text for q in find_quantities("3 mln. people")] == ["3 mln."]  # an abbreviation's dot
    assert [q.text for q in find_quantities("ok. 15 tys. osób", language="pl")] == ["15 tys."]


def test_number_words_joined_by_a_connector() -> None:
    assert [q.value for q in find_quantities("two hundred and fifty people")] == [250]
    assert [q.value for q in find_quantities("treinta y cinco personas", language="es")] == [35]
    assert [q.value for q in find_quantities("it was two and three")] == [2, 3]
    assert [q.value for q in find_quantities("cento e vinte pessoas", language="pt")] == [120]
    assert [q.value for q in find_quantities("soixante et onze morts", language="fr")] == [71]
    assert [q.value for q in find_quantities("two hundred and fifty thousand people")] == [250_000]
    between = find_quantities("between two hundred and three hundred people")
    assert [(q.value, q.high) for q in between] == [(200, 300)]


def test_two_amounts_joined_by_and_or_a_change_are_no_range() -> None:
    assert [q.value for q in find_quantities("it sold 40 and bought 80 percent")] == [40, 80]
    assert [(q.value, q.high) for q in find_quantities("The death toll rose from 15 to 20 people.")] == [
        (15, None),
        (20, None),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("after 4 1 / 2 hours of testimony", 4.5, "hours"),  # tokenised mixed fraction
        ("after 4½ hours of testimony", 4.5, "hours"),
        ("a price of $119 . 99 .", 119.99, "USD"),  # tokenised decimal at the end of a sentence
        ("a two-million-euro ($2.6-million) booty", 2.6e6, "USD"),
        ("a ($2 . 6 - million) booty", 2.6e6, "USD"),
    ],
)
def test_fractions_decimals_and_hyphenated_magnitudes(text: str, value: float, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text) if q.unit == unit] == [(pytest.approx(value), unit)]


def test_what_a_number_describes_or_divides_counts_nothing() -> None:
    assert [q.unit for q in find_quantities("only 32-bit versions of IE")] == [None]
    assert [q.unit for q in find_quantities("only 32 - bit versions of IE")] == [None]
    assert [q.unit for q in find_quantities("he served 41 / 2 months")] == [None]  # "4½" mangled: no 2 months


def test_a_part_of_a_whole_counts_what_the_whole_counts() -> None:
    assert [(q.value, q.unit) for q in find_quantities("Garrard completed 28 of 41 passes")] == [
        (28, "passes"),
        (41, "passes"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "in 2020 the talks failed",
        "the 2020 U.S. election",
        "at 1:32 PM on Wednesday",
        "on March 5, 2021",
        "on 19/05/2021",
        "the 21st century",
        "5G networks and 3D printers",
        "Covid-19 cases",
        "the Nord Stream 2 pipeline",
        "G7 leaders",
        "in the 1990s",
    ],
)
def test_years_dates_times_ordinals_and_names_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_year_like_amount_with_a_counted_noun_is_a_quantity() -> None:
    assert one("2000 troops were sent").value == 2000
    assert find_quantities("In 2020 troops were sent") == []


def test_seed_sentences() -> None:
    bloomberg = (
        "U.S.-Russia relations remain tense, and fears of war with Ukraine rose last month when Putin sent "
        "tens of thousands of troops along the border between the two nations, seven years after he annexed Crimea."
    )
    found = find_quantities(bloomberg)
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("tens of thousands", 20_000, "troops"),
        ("two", 2, "nations"),
        ("seven", 7, "years"),
    ]
    nbc = (
        "The Kremlin responded in kind by expelling ten US diplomats from Russia, sanctioning eight senior US officials"
    )
    assert [(q.value, q.unit) for q in find_quantities(nbc)] == [(10, "diplomats"), (8, "officials")]


def test_meantime_money_amounts_agree_across_languages() -> None:
    """The same contract, reported in four languages: "$ 40 billion", "40.000 millones $", ..."""
    records = [json.loads(line) for line in (FIXTURES / "ingest" / "meantime-airbus-4langs.jsonl").open()]
    firsts = {}
    for record in records:
        title = record["title"]
        money = [q for q in find_quantities(title, language=record["lang"]) if q.unit == "USD"]
        assert money, (record["lang"], title)
        firsts[record["lang"]] = money[0]
    assert {q.value for q in firsts.values()} == {40e9}
    assert all(same_quantity(firsts["en"], q) for q in firsts.values())


def test_same_quantity_respects_written_precision() -> None:
    assert same_quantity(one("$1.2bn"), one("$1,234,000,000"))
    assert not same_quantity(one("$1.2bn"), one("$1.3bn"))
    assert same_quantity(one("15%"), one("15.3%"))
    assert not same_quantity(one("ten diplomats"), one("11 diplomats"))
    assert not same_quantity(one("10 diplomats"), one("10%"))
    assert not same_quantity(one("$10m"), one("€10m"))
    assert same_quantity(one("10 diplomat"), one("10 diplomats"))


def test_same_quantity_with_hedges() -> None:
    assert same_quantity(one("over 90 minutes"), one("120 minutes"))
    assert not same_quantity(one("over 90 minutes"), one("60 minutes"))
    assert same_quantity(one("about 100 people"), one("110 people"))
    assert not same_quantity(one("about 100 people"), one("150 people"))
    assert same_quantity(one("tens of thousands of troops"), one("40,000 troops"))
    assert not same_quantity(one("tens of thousands of troops"), one("5,000 troops"))


def test_parse_number() -> None:
    assert parse_number("ten") == 10
    assert parse_number("two hundred and fifty") == 250
    assert parse_number("1,200") == 1200
    assert parse_number("1.200", language="de") == 1200
    assert parse_number("siete", language="es") == 7
    assert parse_number("banana") is None


def test_offsets_index_the_text() -> None:
    text = "Officials said €3m and twenty-five people and 15 per cent were involved."
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
    assert [q.text for q in find_quantities(text)] == ["€3m", "twenty-five", "15 per cent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("騎馬武者４００騎が参加", [(400.0, "riders", None)]),
        ("海軍は今年４０隻を受け取る", [(40.0, "ships", None)]),
        ("１万５千人が参加した", [(15000.0, "people", None)]),
        ("４７２億円の追加資金", [(4.72e10, "JPY", None)]),
        ("支持率は３０％に上昇", [(30.0, "percent", None)]),
        ("約２０人が死亡", [(20.0, "people", "about")]),
        ("7月25日に1.5万人", [(15000.0, "people", None)]),
        ("第２戦で３位、２７歳の選手が２５日に", []),  # an ordinal, a rank, an age, a date
        ("2020夏季大会、番号０３６３", []),  # a year without 年, a code
        ("成長率は０．５％", [(0.5, "percent", None)]),
        ("超过3000人参加", [(3000.0, "people", "more")]),
        ("门票4000日元，共募集1280万日元", [(4000.0, "JPY", None), (1.28e7, "JPY", None)]),  # 日元 is no day
        ("2021年1月1日元旦当天", []),  # a date: "1日" and "元旦", not 1 yen
        ("上午10点至下午4点，40多岁女性", []),  # times and an age, not points
        ("全长约10公里，重5吨", [(10.0, "kilometers", "about"), (5.0, "tons", None)]),
    ],
)
def test_japanese_and_chinese_digits_glued_to_their_counter(text: str, expected: list[tuple]) -> None:
    language = "zh" if any(w in text for w in ("超过", "日元", "点", "公里")) else "ja"
    found = find_quantities(text, language=language)
    assert [(q.value, q.unit, q.qualifier) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("부채는 약 30만 유로다", [(3e5, "EUR", "about")]),  # a space between number and unit
        ("11만100유로를 반환했다", [(110100.0, "EUR", None)]),
        ("함정 40척과 2억 달러", [(40.0, "ships", None), (2e8, "USD", None)]),
        ("면적은 1,000㎡이며 17.6%가", [(1000.0, "square meters", None), (17.6, "percent", None)]),
        ("100여 명이 모였다", [(100.0, "people", "more")]),
        ("7월 25일 11시 28분, 34세 남성이 1위", []),  # a date, a time, an age and a rank
        ("100만명, 3만5천명, 1천200명", [(1e6, "people", None), (35000.0, "people", None), (1200.0, "people", None)]),
        ("1조2천억원과 2천500억원", [(1.2e12, "KRW", None), (2.5e11, "KRW", None)]),
        ("3만 5천 명이 5천만 원을", [(35000.0, "people", None), (5e7, "KRW", None)]),
        ("3~5명이 0.5%포인트", [(3.0, "people", "range"), (0.5, "percentage points", None)]),
        ("20대 남성, 4대강, 6·25 전쟁", []),  # in his twenties, the four rivers, a date
        ("2~3만 명과 1억 2,000만 원", [(2e4, "people", "range"), (1.2e8, "KRW", None)]),  # both ends in 만
        ("3만 2,000명", [(32000.0, "people", None)]),
        ("VAZ-21083 차량, 제30학교, 2016년", []),  # a model's code, an ordinal and a year
    ],
)
def test_korean_quantities(text: str, expected: list[tuple]) -> None:
    found = find_quantities(text, language="ko")
    assert [(q.value, q.unit, q.qualifier) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text


def test_mixed_fractions() -> None:
    found = find_quantities("sentenced to 4 1/2 months, a 4-1/2-month term, on 5 3/4 acres, open 24/7")
    assert [(q.text, q.value) for q in found] == [("4 1/2", 4.5), ("4-1/2", 4.5), ("5 3/4", 5.75)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The 170,000-square-foot building houses a number of businesses.", "square feet"),
        ("The 15,800 square metre building houses several firms.", "square meters"),
        ("a 10-mile stretch of road was closed", "miles"),
        ("the quake struck 55 km south of Bireun", "kilometers"),
        ("the quake struck 55km south of Bireun", "kilometers"),  # as "55 km", and as 公里 and キロ
        ("300 houses were damaged", "houses"),
    ],
)
def test_a_measure_written_before_a_noun_is_the_unit(text: str, unit: str) -> None:
    """ "170,000-square-foot building houses": the amount measures the building, it counts no houses."""
    assert [q.unit for q in find_quantities(text, language="en")] == [unit]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4億2600万ドル", 426_000_000),  # 4 億 and 2600 万, not (4 億 + 2600) 万
        ("1億5千万人", 150_000_000),
        ("5千万円", 50_000_000),
        ("２万６４６９・８９ドル", 26_469.89),  # the units after the last magnitude; ・ as decimal point
        ("１８２・４４ドル安", 182.44),
    ],
)
def test_japanese_amounts(text: str, value: float) -> None:
    (q,) = find_quantities(text, language="ja")
    assert q.value == pytest.approx(value)


def test_russian_no_less_than_is_at_least() -> None:
    (q,) = find_quantities("погибли не менее 13 человек", language="ru")
    assert (q.value, q.qualifier) == (13, "more")
    (q,) = find_quantities("не более 20 человек", language="ru")
    assert q.qualifier == "less"


@pytest.mark.parametrize(
    ("text", "value"),
    [("на трех верфях", 3), ("около четырех тысяч военнослужащих", 4000), ("более ста кораблей", 100)],
)
def test_russian_number_words_in_other_cases(text: str, value: float) -> None:
    (q,) = find_quantities(text, language="ru")
    assert q.value == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Ministerstvo odhadlo škody na 2,5 milionu rublů.", 2.5e6, "RUB"),
        ("Strana by získala 17,6 % hlasů.", 17.6, "percent"),
        ("Pro stranu by hlasovalo 7,1 procenta voličů.", 7.1, "percent"),
        ("Flotila letos dostane čtyřicet lodí.", 40, None),
        ("Nehoda se stala pět kilometrů od obce.", 5, "kilometers"),
        ("Na náměstí přišlo asi 300 lidí.", 300, "people"),
        ("Dluh činí přibližně 300 000 eur.", 300_000, "EUR"),
        ("Rozpočet počítá s 1 200 000 korun.", 1_200_000, "CZK"),
        ("Zakázka za 2,5 mil. Kč", 2.5e6, "CZK"),
        ("Škody dosáhly 73 miliard korun.", 73e9, "CZK"),
        ("Firma utratila 3 mld. dolarů.", 3e9, "USD"),
        ("V obci žije 5 tis. obyvatel.", 5000, None),
        ("Muž ujel 120 kilometrů.", 120, "kilometers"),
        ("Loď vezla 40 tun nákladu.", 40, "tons"),
        ("Přehlídku sledoval půl milionu lidí.", 500_000, "people"),
        ("Na koncert přišlo tisíc lidí.", 1000, "people"),
        ("Zúčastnilo se dvě stě padesát vojáků.", 250, "soldiers"),
        ("Zahynulo pětadvacet osob.", 25, "people"),
        ("Trest je až 400 hodin veřejných prací.", 400, "hours"),
        ("Řeka kulminovala 4,5 metru nad hladinou.", 4.5, "meters"),
    ],
)
def test_czech_amounts(text: str, value: float, unit: str | None) -> None:
    q = one(text, "cs")
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_czech_number_words_in_other_cases_and_compounds() -> None:
    assert values("Lodě byly založeny ve třech loděnicích.", "cs") == [3]
    assert values("Testy skládal ze čtyř předmětů.", "cs") == [4]
    assert values("Před dvěma týdny.", "cs") == []  # "two weeks ago" is a date
    # an amount written into an adjective: a four-year-old girl, a 73-year-old, a five-percent threshold
    assert values("Zranila se čtyřletá holčička.", "cs") == [4]
    assert values("Třiasedmdesátiletý důchodce řídil vůz.", "cs") == [73]
    assert [(q.value, q.unit) for q in find_quantities("pětiprocentní hranici", language="cs")] == [(5, "percent")]
    assert find_quantities("V posledním desetiletí a v minulém staletí.", language="cs") == []
    assert values("Je to 1 000 000krát lepší.", "cs") == [1_000_000]


def test_czech_vague_amounts_qualifiers_and_ranges() -> None:
    q = one("Do ulic vyšly desítky tisíc lidí.", "cs")
    assert (q.value, q.high, q.unit, q.qualifier) == (20_000, 99_999, "people", "vague")
    q = one("Nemohl mluvit s tisíci lidí.", "cs")
    assert (q.value, q.high, q.qualifier) == (2000, 9999, "vague")
    assert one("Evakuovali statisíce obyvatel.", "cs").value == 200_000
    assert find_quantities("Přišlo několik tisíc lidí.", language="cs") == []  # vague, no amount
    assert one("Zemřelo více než 100 lidí.", "cs").qualifier == "more"
    assert one("Požár zasáhl plochu téměř 3000 metrů čtverečních.", "cs").qualifier == "nearly"
    assert one("Hrozí mu pokuta až 1000 korun.", "cs").qualifier == "less"
    q = one("Zraněno bylo 10 až 15 lidí.", "cs")
    assert (q.value, q.high, q.qualifier, q.unit) == (10, 15, "range", "people")
    q = one("Škody dosáhly mezi 40 a 80 procenty.", "cs")
    assert (q.value, q.high, q.qualifier, q.unit) == (40, 80, "range", "percent")


@pytest.mark.parametrize(
    "text",
    [
        "Snímek zveřejnil v sobotu 25. července.",
        "Příměří vstoupí v platnost 27. července 2020.",
        "V sobotu 25. července v 11:28 došlo k nehodě.",
        "Jmenoval ho 13. března 2018.",
        "Dohled začne od 00:01.",
        "Hladina do 6 hodin ráno klesala.",
        "Dmitrij je žák školy č. 30 v Kostromě.",
        "Skončil na 5. místě, jako ve 2. světové válce.",
        "V roce 2016 vyhráli volby.",
        "Jeden z diváků napsal komentář.",
        "Vyhrál první set.",
        "Přišel o vztahy před třemi lety.",
    ],
)
def test_czech_dates_times_ordinals_and_names_are_not_quantities(text: str) -> None:
    assert find_quantities(text, language="cs") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Збитки оцінили у 2,5 мільйона гривень.", 2.5e6, "UAH"),
        ("У параді взяли участь понад 4 тисячі військових.", 4000, "soldiers"),
        ("Близько 300 осіб евакуювали.", 300, "people"),
        ("Бюджет становить 15 млрд доларів.", 15e9, "USD"),
        ("Десятки тисяч людей вийшли на вулиці.", 20_000, "people"),
        ("Загинули троє людей.", 3, "people"),
        ("Флот цього року отримає сорок кораблів.", 40, None),
    ],
)
def test_ukrainian_amounts(text: str, value: float, unit: str | None) -> None:
    (q,) = find_quantities(text, language="uk")
    assert (q.value, q.unit) == (value, unit)


def test_ukrainian_words_do_not_change_russian_amounts() -> None:
    """ "людей" is Russian and Ukrainian: the counted noun of the amount next to it, not of an
    earlier one; "у 2000 человек" is an amount of people, not a year."""
    found = [(q.text, q.unit) for q in find_quantities("Через три дня сотни людей вышли на митинг.", language="ru")]
    assert ("три", None) in found
    (q,) = find_quantities("Коронавирус выявлен у 2000 человек.", language="ru")
    assert (q.value, q.unit) == (2000, "people")


def test_decimal_comma_and_magnitudes_of_languages_whose_number_words_are_not_read() -> None:
    """Polish, Icelandic, Swedish write "15.000" and "2,5"; their magnitude words multiply; Hausa and
    Swahili write the magnitude before the number ("dala miliyan 2.5": $2.5 million)."""

    def amounts(text: str, language: str) -> list[tuple[str, float]]:
        return [(q.text, q.value) for q in find_quantities(text, language=language)]

    assert amounts("Zginęło 15.000 osób, a straty wynoszą 2,5 miliarda złotych.", "pl") == [
        ("15.000", 15000.0),
        ("2,5 miliarda", 2.5e9),
    ]
    assert amounts("Alls 15.000 manns og 2,5 milljónir króna.", "is") == [("15.000", 15000.0), ("2,5 milljónir", 2.5e6)]
    assert amounts("Totalt 2,5 miljoner kronor.", "sv") == [("2,5 miljoner", 2.5e6)]
    assert amounts("Mutane 15,000 da dala miliyan 2.5.", "ha") == [("15,000", 15000.0), ("miliyan 2.5", 2.5e6)]
    assert amounts("A total of 15,000 people and 2.5 million.", "en") == [("15,000", 15000.0), ("2.5 million", 2.5e6)]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("הנזק הוערך ב-73 מיליארד כתרים", "he", [73e9]),  # Hebrew prefixes joined to a number by a hyphen
        ("כ-2,500 תושבים פונו, ומ-2.5 מיליון דולר", "he", [2500, 2.5e6]),
        ("خسارت ۷۳ میلیارد روبل و ۲٫۵ میلیون دلار برآورد شد", "fa", [73e9, 2.5e6]),  # Persian ٫ and magnitudes
        ("۲٬۵۰۰ نفر", "fa", [2500]),  # the Arabic thousands sign
        ("3 ملايين دولار", "ar", [3e6]),
        ("Covid-19 and Su-27", "en", []),  # a hyphen after letters still names
        ("מטוסי סו-27", "he", []),  # and in Hebrew after a whole word
    ],
)
def test_numbers_of_hebrew_and_the_arabic_script(text: str, language: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text, language=language)] == values


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("बाढ़ से 2.5 लाख लोग प्रभावित हुए और 73 करोड़ रुपये का नुकसान हुआ", "hi", [2.5e5, 73e7]),  # lakh, crore
        ("15 हज़ार लोग", "hi", [15e3]),
        ("हज़ारों लोग, 3 हज़ारों में", "hi", [3]),  # "हज़ारों" (thousands of) is no magnitude word after 3
        ("80 لاکھ یورو", "ur", [8e6]),
        ("১ কোটি ৫৫ লাখ", "bn", [1.55e7]),  # Bengali digits; one amount in two groups
        ("6 लाख 39 हज़ार से अधिक लोगों की मौत", "hi", [639e3]),
        ("2 लाख 5 लोग", "hi", [2e5, 5]),  # a second group without its word is another amount
        ("7 अरब देशों ने 73 अरब रुपये दिए", "hi", [7, 73e9]),  # अरब: a billion, and "Arab" before देश
    ],
)
def test_numbers_of_south_asian_languages(text: str, language: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text, language=language)] == values


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("el índice creció un diez por ciento", "es", [10]),  # an article, not one more: was 11
        ("subió un trece por ciento", "es", [13]),
        ("ein zehn Prozent höherer Preis", "de", [10]),
        ("una docena de personas", "es", [12]),  # "una docena" is still a dozen
        ("cerca de un millón de personas", "es", [1e6]),
        ("Самолет пробыл в аэропорту Иркутска 25 минут", "ru", [25]),  # a place's case before a count
        ("Nord Stream 2 и Союз 5", "ru", []),  # a name's number, no noun counted
        ("it bought the Boeing 777 planes", "en", []),  # English: a model number stays a name
        ("visita de Putin 2019 años", "es", []),  # a year after a name is none, unit or not
        ("визит Путина 2019 года", "ru", []),
    ],
)
def test_articles_before_number_words_and_counts_after_a_name(text: str, language: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text, language=language)] == values


def test_a_hedge_before_the_article_still_hedges() -> None:
    found = find_quantities("el índice cayó casi un seis por ciento", language="es")
    assert [(q.text, q.value, q.qualifier) for q in found] == [("casi un seis por ciento", 6, "nearly")]
    (half,) = find_quantities("nearly half a million people", language="en")
    assert (half.text, half.value, half.qualifier) == ("nearly half a million", 5e5, "nearly")


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("今季５試合で３得点", "ja", [(5, "matches"), (3, "points")]),
        ("2月5日から19日までの15日間にわたる休業", "ja", [(15, "days")]),  # not the 19th
        ("10時間後、３か月ぶりに", "ja", [(10, "hours"), (3, "months")]),
        ("１７歳０か月でデビュー", "ja", []),  # an age's months
        ("隔离24小时，共12场比赛", "zh", [(24, "hours"), (12, "matches")]),
        ("最高1000个月度核算基数", "zh", [(1000, None)]),  # "个月度": monthly, no months
    ],
)
def test_japanese_and_chinese_counters_of_games_and_durations(
    text: str, language: str, found: list[tuple[float, str | None]]
) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text, language=language)] == found


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Yaklaşık 12 bin kişi geldi", "tr", [(12e3, None)]),
        ("12 bin bags", "en", [(12, "bags")]),  # "bin" is a thousand in Turkish only
        ("12 ezer ember", "hu", [(12e3, None)]),
        ("12 tys. osób, 2,5 mld zł", "pl", [(12e3, None), (2.5e9, None)]),
        ("12 nghìn người, 2,5 triệu USD", "vi", [(12e3, None), (2.5e6, "USD")]),
        ("2,5 miliarde de euro", "ro", [(2.5e9, "EUR")]),
        ("2,5 triliun", "id", [(2.5e12, None)]),
    ],
)
def test_magnitude_words_of_languages_whose_number_words_are_not_read(
    text: str, language: str, found: list[tuple[float, str | None]]
) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text, language=language)] == found


def test_a_decimal_point_written_as_a_word() -> None:
    assert [q.value for q in find_quantities("১৭ দশমিক ৬ শতাংশ ভোটার", language="bn")] == [17.6]
    assert [q.value for q in find_quantities("17 दशमलव 6 प्रतिशत", language="hi")] == [17.6]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("W Krakowie 25 osób zostało rannych.", "pl", 25),  # a place's case, then a count
        ("Do Warszawy 25 minut jazdy.", "pl", 25),
        ("Di Jakarta 25 orang tewas.", "id", 25),
        ("I Malmö 12 personer skadades.", "sv", 12),
    ],
)
def test_a_count_after_a_place_s_case_is_no_name_s_number(text: str, language: str, value: float) -> None:
    assert [q.value for q in find_quantities(text, language=language)] == [value]


def test_names_numbers_stay_names_outside_english_too() -> None:
    assert find_quantities("Gazociąg Nord Stream 2 gotowy.", language="pl") == []
    assert find_quantities("Pesawat Boeing 737 jatuh.", language="id") == []


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("Het dodental is gestegen tot 2.900.", "nl", None),  # risen to: the figure, not a ceiling
        ("Las ventas han aumentado hasta 142.285 unidades.", "es", None),
        ("Le bilan a grimpé jusqu'à 2 900 morts.", "fr", None),
        ("Hasta 50 personas murieron.", "es", "less"),  # alone: at most
        ("Er kwamen tot 50 mensen.", "nl", "less"),
    ],
)
def test_up_to_after_a_verb_of_rising_is_no_ceiling(text: str, language: str, qualifier: str | None) -> None:
    assert [q.qualifier for q in find_quantities(text, language=language)] == [qualifier]


def test_a_chinese_count_after_a_clause_s_comma_is_read() -> None:
    assert [q.value for q in find_quantities("地震造成8人遇难，14人失联。", language="zh")] == [8, 14]
    assert [q.value for q in find_quantities("截至目前，30人死亡。", language="zh")] == [30]
    assert [q.value for q in find_quantities("１２，０００人", language="zh")] == [12000]  # a thousands comma
    assert [q.value for q in find_quantities("打率.346で首位打者", language="ja")] == []  # a decimal's tail
