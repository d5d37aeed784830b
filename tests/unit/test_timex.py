"""Time expressions: multilingual dates, deictic resolution, durations, and comparing values."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest

from newsprism.nlp.timex import TimeExpr, compatible, describe, find_times, relation

FIXTURES = Path(__file__).parent.parent / "fixtures"
REF = datetime(2021, 5, 19, 20, 0)  # the Blinken-Lavrov meeting, a Wednesday


def only(text: str, language: str = "en", reference: datetime | date | None = None) -> TimeExpr:
    found = find_times(text, language=language, reference=reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("March 01, 2008", "en"),
        ("March 1st, 2008", "en"),
        ("1 March 2008", "en"),
        ("the 1st of March, 2008", "en"),
        ("01-Mar-08", "nl"),
        ("2008-03-01", "en"),
        ("03/01/2008", "en"),
        ("01/03/2008", "fr"),
        ("1 de marzo de 2008", "es"),
        ("1er mars 2008", "fr"),
        ("1. März 2008", "de"),
        ("01.03.2008", "de"),
        ("1 marzo 2008", "it"),
        ("1º marzo 2008", "it"),
        ("1 maart 2008", "nl"),
        ("1 de março de 2008", "pt"),
        ("1 марта 2008", "ru"),
        ("1 марта 2008 года", "ru"),
        ("1. března 2008", "cs"),
        ("1. 3. 2008", "cs"),
        ("March 01 , 2008", "en"),
    ],
)
def test_one_date_in_every_language(text: str, language: str) -> None:
    t = only(f"Published {text} by the agency.", language)
    assert (t.kind, t.value) == ("date", "2008-03-01")
    assert t.text == text


def test_meantime_date_lines_agree_across_translations() -> None:
    lines: dict[str, dict[str, str]] = defaultdict(dict)
    for row in (FIXTURES / "nlp" / "meantime-dates.tsv").read_text(encoding="utf-8").splitlines():
        if row.startswith("#"):
            continue
        story, lang, line = row.split("\t")
        t = only(line, lang)
        assert (t.start, t.end, t.kind) == (0, len(line), "date"), (lang, line)
        lines[story][lang] = t.value or ""
    agree = sum(len(set(v.values())) == 1 for v in lines.values())
    assert len(lines) == 30
    assert agree >= 28  # the corpus itself has a few translations with a different date


def test_months_years_seasons_decades_quarters() -> None:
    assert only("in March 2008").value == "2008-03"
    assert only("en marzo de 2008", "es").value == "2008-03"
    assert only("the 2020 U.S. election").value == "2020"
    assert only("in the summer of 2020").value == "2020-SU"
    assert only("Sommer 2019", "de").value == "2019-SU"
    assert only("in the 1990s").value == "199"
    assert only("Q1 2021 results").value == "2021-Q1"
    assert only("the first quarter of 2020").value == "2020-Q1"


def test_bare_month_needs_a_capital_and_a_preposition_in_english() -> None:
    assert only("In April, sanctions", reference=REF).value == "2021-04"
    assert only("In April, sanctions").value == "XXXX-04"
    assert find_times("they may agree") == []
    assert find_times("May agreed to march") == []
    assert only("en diciembre", "es", reference=date(2022, 1, 10)).value == "2021-12"


def test_weekdays_resolve_to_the_nearest_day() -> None:
    assert only("on Wednesday", reference=datetime(2021, 5, 20)).value == "2021-05-19"
    assert only("on Wednesday", reference=REF).value == "2021-05-19"
    assert only("on Friday", reference=REF).value == "2021-05-21"
    assert only("last Friday", reference=REF).value == "2021-05-14"
    assert only("on Wednesday").value == "WEEKDAY:wed"
    assert only("el miércoles", "es", reference=REF).value == "2021-05-19"
    t = only("on Wednesday evening", reference=REF)
    assert (t.kind, t.value) == ("time", "2021-05-19TEV")


def test_a_weekday_told_in_the_past_tense_is_before_the_publication() -> None:
    sunday = datetime(2021, 5, 16)  # "Friday" is nearest two days ahead of Wednesday, REF
    assert only("The teenager was shot and killed on Friday night.", reference=REF).value == "2021-05-14TNI"
    assert only("LaRue died Friday of natural causes.", reference=REF).value == "2021-05-14"
    assert only("The bodies were found at their home in Millom on Friday.", reference=REF).value == "2021-05-14"
    assert only("The team has confessed to it and he died on Sunday.", reference=sunday).value == "2021-05-16"
    # what is said, planned or to come keeps the nearest day
    assert only("The coach said relatives would hold a vigil Friday.", reference=REF).value == "2021-05-21"
    assert only("A bail hearing was scheduled for Friday.", reference=REF).value == "2021-05-21"
    assert only("A vote on the measures will be held Friday.", reference=REF).value == "2021-05-21"
    assert only("Losses are expected when markets reopen Friday.", reference=REF).value == "2021-05-21"
    for ahead in (
        "The hearing was moved to Friday.",
        "The meeting was rescheduled for Friday.",
        "The proposed vote Friday will decide it.",
        "The ceasefire, which collapsed, resumes Friday.",
        "Talks ended without agreement; another round is Friday.",
        "Ahmed speaks Friday.",
    ):
        assert only(ahead, reference=REF).value == "2021-05-21", ahead


def test_relative_expressions() -> None:
    assert only("later this summer", reference=REF).value == "2021-SU"
    assert only("later this summer").value == "REL:0:SU"
    assert only("last month", reference=REF).value == "2021-04"
    assert only("last month").value == "REL:-1:month"
    assert only("next year", reference=REF).value == "2022"
    assert only("last summer", reference=REF).value == "2020-SU"
    assert only("el mes pasado", "es", reference=REF).value == "2021-04"
    assert only("letzten Monat", "de", reference=REF).value == "2021-04"
    assert only("yesterday", reference=REF).value == "2021-05-18"
    assert only("three years ago", reference=REF).value == "2018"
    t = only("in the coming months")
    assert (t.kind, t.value, t.approximate) == ("relative", "FUTURE:months", True)
    assert only("in recent years").value == "PAST:years"
    assert only("in den kommenden Monaten", "de").value == "FUTURE:months"
    assert only("nei prossimi mesi", "it").value == "FUTURE:months"


def test_durations() -> None:
    t = only("the talks lasted over 90 minutes")
    assert (t.kind, t.value, t.approximate, t.mod, t.text) == (
        "duration",
        "PT90M",
        True,
        "MORE_THAN",
        "over 90 minutes",
    )
    assert only("seven years after he annexed Crimea").value == "P7Y"
    assert only("for the next two years").value == "P2Y"
    assert only("a two-year chairmanship").value == "P2Y"
    assert only("half an hour").value == "PT30M"
    assert only("durante tres días", "es").value == "P3D"
    assert only("seit zwei Wochen", "de").value == "P2W"
    # a fraction's denominator is no count: "4 1/2 months" is not "2 months"
    assert [t.text for t in find_times("sentenced to 4 1/2 months, a 4-1/2-month term")] == []
    assert only("at their lowest point in decades").value == "PXDE"
    assert find_times("a 42-year-old man") == []


def test_clock_times() -> None:
    assert only("at 1:32 PM ET").value == "T13:32"
    assert only("at 10 a.m.").value == "T10:00"
    assert only("um 14.30 Uhr", "de").value == "T14:30"
    assert only("à 14h30", "fr").value == "T14:30"
    assert find_times("$1.50 a share") == []
    t = only("on Wednesday at 1:32 PM", reference=REF)
    assert (t.kind, t.value) == ("time", "2021-05-19T13:32")


def test_seed_pair_timings() -> None:
    bloomberg = (
        "a summit between Biden and President Vladimir Putin, expected to take place in Europe in the coming months."
    )
    nbc = (
        "The meeting precedes a potential summit between Biden and Russian President Vladimir Putin later this summer."
    )
    a, b = only(bloomberg, reference=REF), only(nbc, reference=REF)
    assert (a.value, b.value) == ("FUTURE:months", "2021-SU")
    assert relation(a, b) == "unknown"
    assert compatible(a, b) is None
    assert describe(a) == "in the coming months (unspecified)"
    assert describe(b) == "summer 2021"
    both = (
        "bumping elbows with Lavrov on Wednesday evening. "
        "It was their first meeting since Biden took office in January."
    )
    assert [t.value for t in find_times(both, reference=REF)] == ["2021-05-19TEV", "2021-01"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2021-05-19", "2021-05-19", "equal"),
        ("2021-05-19", "2021-05", "inside"),
        ("2021", "2021-05-19", "contains"),
        ("2021-06-15", "2021-SU", "inside"),
        ("2021-05-19", "2021-SU", "disjoint"),
        ("2021-05-19", "2021-05-20", "disjoint"),
        ("2020", "2021", "disjoint"),
        ("2021-Q2", "2021-SU", "overlap"),
        ("2021-W20", "2021-05-19", "contains"),
        ("199", "1995", "contains"),
        ("2021-WI", "2022-01-10", "contains"),
        ("PT90M", "PT1H30M", "equal"),
        ("P7Y", "P8Y", "disjoint"),
        ("P1Y", "P12M", "equal"),
        ("WEEKDAY:wed", "2021-05-19", "inside"),
        ("WEEKDAY:wed", "2021-05-20", "disjoint"),
        ("2021-05-19TEV", "2021-05-19", "inside"),
        ("T13:32", "T14:00", "disjoint"),
        ("XXXX-03-01", "XXXX-03-02", "disjoint"),
        ("REL:-1:month", "REL:0:month", "disjoint"),
        ("FUTURE:months", "2021-SU", "unknown"),
        ("P7Y", "2021", "unknown"),
        (None, "2021", "unknown"),
    ],
)
def test_relation(a: str | None, b: str | None, expected: str) -> None:
    assert relation(a, b) == expected
    assert compatible(a, b) is (None if expected == "unknown" else expected != "disjoint")


def test_hedged_durations_compare_as_intervals() -> None:
    over = only("over 90 minutes")
    assert compatible(over, only("two hours")) is True
    assert compatible(over, only("one hour")) is False
    assert compatible(only("90 minutes"), only("two hours")) is False


def test_describe() -> None:
    assert describe("2021-05-19") == "19 May 2021"
    assert describe("2021-05") == "May 2021"
    assert describe("PT90M") == "90 minutes"
    assert describe("P1Y") == "1 year"
    assert describe("PXDE") == "decades (unspecified number)"
    assert describe("WEEKDAY:wed") == "a Wednesday"
    assert describe("REL:-1:month") == "last month"
    assert describe("2021-05-19TEV") == "19 May 2021 evening"
    assert describe(None) == "unspecified time"


def test_spans_index_the_text_and_do_not_overlap() -> None:
    text = "On Wednesday, 19 May 2021, after 90 minutes, they said in the coming months and at 10 a.m. in 2020."
    found = find_times(text, reference=REF)
    for t in found:
        assert text[t.start : t.end] == t.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert [t.value for t in found] == ["2021-05-19", "PT90M", "FUTURE:months", "T10:00", "2020"]


def test_japanese_and_chinese_dates() -> None:
    from datetime import date

    ref = date(2020, 7, 27)
    found = find_times(
        "２０２０年７月２５日に開幕し、２６日まで続く。７月の来場者は２０１９年より少ない。",
        language="ja",
        reference=ref,
    )
    assert [(t.text, t.value) for t in found] == [
        ("２０２０年７月２５日", "2020-07-25"),
        ("２６日", "2020-07-26"),  # the day alone: of the publication's month
        ("７月", "2020-07"),
        ("２０１９年", "2019"),
    ]
    assert [t.value for t in find_times("３０日に発表", language="ja", reference=ref)] == ["2020-06-30"]  # last month
    assert [t.value for t in find_times("３０日に発表", language="ja")] == ["XXXX-XX-30"]
    assert find_times("２０２０年度の予算、１０年間、大山の７号", language="ja") == []  # fiscal year, duration, No. 7
    assert [t.value for t in find_times("7月25号开幕", language="zh")] == ["XXXX-07-25"]


def test_czech_dates_with_the_day_before_the_month() -> None:
    ref = date(2020, 7, 27)  # a Monday
    t = only("Snímek zveřejnil v sobotu 25. července.", "cs", reference=ref)
    assert (t.kind, t.value, t.text) == ("date", "2020-07-25", "sobotu 25. července.")
    assert only("Příměří vstoupí v platnost 27. července 2020.", "cs").value == "2020-07-27"
    assert only("Jmenoval ho 13. března 2018 poté, co", "cs").value == "2018-03-13"
    assert only("Hraje 1. srpna.", "cs", reference=ref).value == "2020-08-01"
    assert only("Hraje 1. srpna.", "cs").value == "XXXX-08-01"
    assert only("Stalo se to 13. března roku 2018.", "cs").value == "2018-03-13"
    assert [t.value for t in find_times("1. Jan Novák, 2. Petr Svoboda", language="cs")] == []  # a list, no January


def test_czech_clock_times_weekdays_and_months() -> None:
    ref = date(2020, 7, 27)
    t = only("V sobotu 25. července v 11:28 došlo k nehodě.", "cs", reference=ref)
    assert (t.kind, t.value) == ("time", "2020-07-25T11:28")
    assert only("Dohled začne od 00:01.", "cs").value == "T00:01"
    assert only("Sraz je v 9.30 hod.", "cs").value == "T09:30"
    assert only("Hladina do 6 hodin ráno klesala.", "cs").value == "T06:00"
    assert only("Koncert začne v 8 hodin večer.", "cs").value == "T20:00"
    assert only("Jednání trvalo 6 hodin.", "cs").value == "PT6H"  # a duration
    assert only("Jednání proběhne ve středu.", "cs", reference=ref).value == "2020-07-29"
    assert find_times("Bydlí ve středu města.", language="cs") == []  # the city centre, no Wednesday
    assert only("v pondělí odpoledne", "cs", reference=ref).value == "2020-07-27TAF"
    assert only("Jednalo se v neděli.", "cs", reference=ref).value == "2020-07-26"
    assert only("Demonstrace probíhají od 11. července.", "cs", reference=ref).value == "2020-07-11"
    assert only("V červenci se rozpoutala polemika.", "cs", reference=ref).value == "2020-07"
    assert only("Koncem listopadu", "cs", reference=ref).value == "2020-11"
    assert only("v březnu 2018", "cs").value == "2018-03"
    assert only("v létě 2020", "cs").value == "2020-SU"


def test_czech_relative_expressions_and_durations() -> None:
    ref = date(2020, 7, 27)
    assert only("Dnes tu neprší.", "cs", reference=ref).value == "2020-07-27"
    assert only("Včera večer pršelo.", "cs", reference=ref).value == "2020-07-26TEV"
    assert only("předevčírem", "cs", reference=ref).value == "2020-07-25"
    assert only("minulý týden", "cs", reference=ref).value == "2020-W30"
    assert only("příští rok", "cs", reference=ref).value == "2021"
    assert only("Loni vyhráli.", "cs", reference=ref).value == "2019"
    assert only("Letos dostane čtyřicet lodí.", "cs", reference=ref).value == "2020"
    assert only("do konce letošního roku", "cs", reference=ref).value == "2020"
    assert only("loňského léta", "cs", reference=ref).value == "2019-SU"
    assert only("Přišel o ně před třemi lety.", "cs", reference=ref).value == "2017"
    assert only("v nejbližších měsících", "cs").value == "FUTURE:months"
    assert only("v posledních letech", "cs").value == "PAST:years"
    assert only("nedávno", "cs").value == "PAST_REF"
    assert only("trvalo to dva roky", "cs").value == "P2Y"
    assert only("pět let", "cs").value == "P5Y"
    assert only("400 hodin", "cs").value == "PT400H"
    assert only("půl hodiny", "cs").value == "PT30M"
    t = only("asi 90 minut", "cs")
    assert (t.value, t.mod) == ("PT90M", "APPROX")


def test_ukrainian_dates() -> None:
    ref = date(2020, 7, 28)  # a Tuesday
    assert only("Парад відбувся 26 липня 2020 року в Санкт-Петербурзі.", "uk").value == "2020-07-26"
    assert only("З 1 серпня діятимуть нові правила.", "uk", reference=ref).value == "2020-08-01"
    assert only("У вівторок міністр заявив про нові заходи.", "uk", reference=ref).value == "2020-07-28"
    assert only("Минулого тижня уряд ухвалив рішення.", "uk", reference=ref).value == "2020-W30"
    assert only("Цього року врожай кращий.", "uk", reference=ref).value == "2020"
    assert only("Вчора ввечері сталася пожежа.", "uk", reference=ref).value == "2020-07-27"
    assert only("Влітку 2021 року ціни зросли.", "uk").value == "2021-SU"
    assert (t := only("Він отримав п’ять років ув’язнення.", "uk")).kind == "duration" and t.value == "P5Y"
    assert find_times("Лист надійшов до редакції.", language="uk") == []  # "лист" is a letter, not November


def test_ukrainian_and_russian_words_that_are_no_dates() -> None:
    assert find_times("У лютий мороз вода замерзла.", language="uk") == []  # "лютий": fierce, not February
    assert find_times("Коронавирус выявлен у 2000 человек.", language="ru") == []  # people, not the year 2000


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("we wtorek 15 marca 2021 r.", "pl", [("wtorek 15 marca 2021", "2021-03-15")]),
        ("15 Mart 2021 Salı günü", "tr", [("15 Mart 2021", "2021-03-15"), ("Salı", "2021-03-23")]),
        ("pada Selasa, 15 Maret 2021", "id", [("Selasa, 15 Maret 2021", "2021-03-15")]),
        ("tisdag 15 mars 2021", "sv", [("tisdag 15 mars 2021", "2021-03-15")]),
        ("marți, 15 martie 2021", "ro", [("marți, 15 martie 2021", "2021-03-15")]),
        ("2021. március 15., kedden", "hu", [("2021. március 15.", "2021-03-15"), ("kedden", "2021-03-23")]),
        ("március 15-én", "hu", [("március 15-én", "2021-03-15")]),
        ("vào thứ Ba, ngày 15 tháng 3 năm 2021", "vi", [("thứ Ba, ngày 15 tháng 3 năm 2021", "2021-03-15")]),
        ("ngày 15/3, lần thứ hai", "vi", [("ngày 15/3", "2021-03-15")]),  # "thứ hai": the second, lower case
        ("2021년 3월 15일 화요일에", "ko", [("2021년 3월 15일", "2021-03-15"), ("화요일", "2021-03-23")]),
        ("15일 오후, 어제는", "ko", [("15일", "2021-03-15"), ("어제", "2021-03-19")]),  # particles after
        ("15일간 격리", "ko", []),  # for 15 days
        ("يوم الثلاثاء 15 مارس 2021", "ar", [("الثلاثاء 15 مارس 2021", "2021-03-15")]),
        ("ביום שלישי, 15 במרץ 2021", "he", [("ביום שלישי, 15 במרץ 2021", "2021-03-15")]),
        ("روز سه‌شنبه ۱۵ مارس ۲۰۲۱", "fa", [("سه\u200cشنبه ۱۵ مارس ۲۰۲۱", "2021-03-15")]),  # Persian digits
        ("मंगलवार, 15 मार्च 2021 को", "hi", [("मंगलवार, 15 मार्च 2021", "2021-03-15")]),
        ("মঙ্গলবার ১৫ মার্চ ২০২১", "bn", [("মঙ্গলবার ১৫ মার্চ ২০২১", "2021-03-15")]),
        ("منگل کو 15 مارچ 2021", "ur", [("منگل کو 15 مارچ 2021", "2021-03-15")]),
        ("tirsdag den 15. marts 2021", "da", [("tirsdag", "2021-03-23"), ("15. marts 2021", "2021-03-15")]),
        ("pazar günü ve pazarda", "tr", [("pazar günü", "2021-03-21")]),  # "pazar" alone is a market
        ("minggu lalu, hari Minggu", "id", [("hari Minggu", "2021-03-21")]),  # "minggu" alone is a week
        ("火曜日に発表した", "ja", [("火曜日", "2021-03-23")]),
        ("昨日、東京で", "ja", [("昨日", "2021-03-19")]),
        ("毎日新聞", "ja", []),
        ("周二宣布，周末", "zh", [("周二", "2021-03-23")]),
        ("2021年3月15日星期一", "zh", [("2021年3月15日", "2021-03-15")]),  # the date's own weekday
    ],
)
def test_dates_of_more_languages(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    ref = date(2021, 3, 20)  # a Saturday
    assert [(t.text, t.value) for t in find_times(text, language=language, reference=ref)] == expected


def test_a_date_is_no_quantity_in_the_languages_read_for_dates_only() -> None:
    from newsprism.nlp.numbers import find_quantities

    assert [q.value for q in find_quantities("15 marca 2021 roku zginęło 12 osób", language="pl")] == [12]
    assert [q.value for q in find_quantities("Pada 15 Maret 2021, 12 orang tewas", language="id")] == [12]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Deprem 15 KASIM 2021 Pazartesi sabahı", "tr", [("15 KASIM 2021", "2021-11-15"), ("Pazartesi", "2021-03-22")]),
        ("YARIN açıklanacak", "tr", [("YARIN", "2021-03-21")]),  # Turkish capitals: "I" is "ı"
        ("Çarşamba ilçesinde sel", "tr", []),  # a district
        ("شمار کشته‌ها به ۲۱ می‌رسد", "fa", []),  # "می‌رسد": reaches, not May
        ("دو شنبه و چهار‌شنبه", "fa", [("دو شنبه", "2021-03-22"), ("چهار\u200cشنبه", "2021-03-17")]),
        ("رادیو فردا گزارش داد", "fa", []),
        ("취임 115일 만에 사퇴했다", "ko", []),  # in 115 days
        ("3일 만에, 12일 연속, 1일 평균", "ko", []),
        ("오늘날 한국", "ko", []),  # nowadays
        ("זה יום שני ברציפות", "he", []),  # the second day in a row
        ("وقع الاتفاق بين الاثنين", "ar", []),  # between the two
        ("pada minggu lalu", "id", []),  # last week
        ("cu 2 mai multe voturi", "ro", []),  # two more
        ("Trong tháng 12, 2000 người", "vi", []),  # 2,000 people in December
        ("sau 2 tháng 10 ngày", "vi", []),  # two months and ten days
        ("منگل مشن اور بدھ مت", "ur", []),  # the Mars mission, Buddhism
        ("आजीवन कारावास और आज़ादी", "hi", []),  # life imprisonment, freedom: no "today" inside
        ("一周一次，一周五天工作制", "zh", []),  # once a week, a five-day week
        ("下周一开会", "zh", [("下周一", "2021-03-22")]),  # next week's Monday (the reference is a Saturday)
        ("据今日俄罗斯电视台报道", "zh", []),  # RT
        ("明日香村で", "ja", []),  # a village
        ("15日間の隔離", "ja", []),  # fifteen days
        ("i torsdags", "sv", [("torsdags", "2021-03-18")]),  # last Thursday
    ],
)
def test_words_of_the_new_date_languages_that_are_no_dates(text: str, language: str, expected: list) -> None:
    ref = date(2021, 3, 20)  # a Saturday
    assert [(t.text, t.value) for t in find_times(text, language=language, reference=ref)] == expected


def test_japanese_yesterday_is_told_from_the_publication() -> None:
    from newsprism.nlp.timex import from_publication

    assert from_publication("日本銀行は昨日、金利を引き上げた", "ja")
    assert from_publication("昨天宣布", "zh")


def test_turkish_capitals_do_not_break_the_number_reader() -> None:
    from newsprism.nlp.numbers import find_quantities

    text = "SON DAKİKA: Depremde 12 kişi öldü. Deprem 15 KASIM 2021 Pazartesi sabahı, 15 NİSAN'da ARALIK ayında oldu."
    assert [q.value for q in find_quantities(text, language="tr")] == [12]
