"""Dates: metadata values and datelines, tested on real lines from ECB+ and MEANTIME."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsprism.ingest.dates import find_dateline, is_dateline, parse_date


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --- parse_date: metadata values ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-20", utc(2019, 11, 20)),
        ("2021-05-19T18:30:00Z", utc(2021, 5, 19, 18, 30)),
        ("2021-05-19T20:30:00+02:00", utc(2021, 5, 19, 18, 30)),
        ("2021-05-19 18:30:00", utc(2021, 5, 19, 18, 30)),  # naive: taken as UTC
        ("Wed, 19 May 2021 18:30:00 +0100", utc(2021, 5, 19, 17, 30)),  # RFC 2822
        ("Wed, 19 May 2021 18:30:00 GMT", utc(2021, 5, 19, 18, 30)),
        (1621449000, utc(2021, 5, 19, 18, 30)),  # epoch seconds
        (1621449000.0, utc(2021, 5, 19, 18, 30)),
        (1621449000000, utc(2021, 5, 19, 18, 30)),  # epoch milliseconds
        ("1621449000", utc(2021, 5, 19, 18, 30)),
        (20210301, utc(2021, 3, 1)),  # a number written as YYYYMMDD, as the text "20210301"
        (datetime(2021, 5, 19, 18, 30), utc(2021, 5, 19, 18, 30)),
        (datetime(2021, 5, 19, 20, 30, tzinfo=timezone(timedelta(hours=2))), utc(2021, 5, 19, 18, 30)),
        ("May 03 , 2013", utc(2013, 5, 3)),
        ("Published : July 28 , 2004 at 1 : 24 PM", utc(2004, 7, 28, 13, 24)),
        ("WEDNESDAY , MARCH 4 , 2009 , 10 : 53 AM", utc(2009, 3, 4, 10, 53)),
        ("December 15th , 2008 , 7 : 35 am", utc(2008, 12, 15, 7, 35)),
        ("18 September 2013 Last updated at 13 : 59 GMT", utc(2013, 9, 18)),
        ("Posted 2 / 3 / 2009 11 : 11 PM", utc(2009, 2, 3, 23, 11)),
        ("Jun 11th 2012", utc(2012, 6, 11)),
        ("1 de marzo de 2008", utc(2008, 3, 1)),
        ("20 de noviembre del 2004", utc(2004, 11, 20)),
        ("1 marzo 2008", utc(2008, 3, 1)),
        ("1 maart 2008", utc(2008, 3, 1)),
        ("01-Mar-08", utc(2008, 3, 1)),
    ],
)
def test_parse_date_formats(value: str | int | float | datetime, expected: datetime) -> None:
    parsed = parse_date(value)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == timedelta(0)


def test_parse_date_applies_named_time_zones() -> None:
    # "Posted on Thu Jun 13 , 2013 08 : 45 AM PDT" (ECB+): PDT is UTC-7.
    assert parse_date("Posted on Thu Jun 13 , 2013 08 : 45 AM PDT") == utc(2013, 6, 13, 15, 45)
    assert parse_date("Published : 09 Sep 2013 11 : 25 GMT+02 : 00") == utc(2013, 9, 9, 9, 25)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "yesterday",
        "5 hours ago",
        "APR 28",
        "May 2013",
        "not a date at all",
        True,
        "1850-01-01",
        12345,  # no timestamp: fewer than nine digits, as for text ("12345" is no date either)
        2021,  # a year alone
        -5.0,
        float("nan"),
    ],
)
def test_parse_date_gives_none_for_unusable_values(value: str | float | bool | None) -> None:
    assert parse_date(value) is None


def test_parse_date_rejects_absurd_years() -> None:
    next_year = datetime.now(UTC).year + 1
    assert parse_date(f"{next_year + 1}-01-01") is None
    assert parse_date("1899-12-31") is None
    assert parse_date(-5_000_000_000) is None  # 1811
    assert parse_date(f"{next_year}-01-01") == utc(next_year, 1, 1)


# --- datelines ----------------------------------------------------------------------------------

# Lines 1-3 of ECB+ texts and line 2 of MEANTIME texts, as they appear in the data.
REAL_DATELINES = [
    ("May 03 , 2013", utc(2013, 5, 3)),
    ("PUBLISHED : THURSDAY , MAY 2 , 2013 , 1 : 32 PM", utc(2013, 5, 2, 13, 32)),
    ("Published : July 28 , 2004 at 1 : 24 PM", utc(2004, 7, 28, 13, 24)),
    ("WEDNESDAY , MARCH 4 , 2009 , 10 : 53 AM", utc(2009, 3, 4, 10, 53)),
    ("December 15th , 2008 , 7 : 35 am", utc(2008, 12, 15, 7, 35)),
    ("18 September 2013 Last updated at 13 : 59 GMT", utc(2013, 9, 18)),
    ("Posted 2 / 3 / 2009 11 : 11 PM", utc(2009, 2, 3, 23, 11)),
    ("( 10 : 27 am PDT , Jun 11th 2012 )", utc(2012, 6, 11, 17, 27)),
    (
        "Posted : Nov 27 , 2005 8 : 20 AM ET Last Updated : Nov 27 , 2005 8 : 10 PM ET",
        utc(2005, 11, 27, 13, 20),
    ),
    ("12 : 52 p . m . EDT May 2 , 2013", utc(2013, 5, 2, 16, 52)),
    ("POSTED : 1052 GMT ( 1852 HKT ) , April 10 , 2007", utc(2007, 4, 10, 10, 52)),
    ("Edited on Mon Dec - 19 - 05 03 : 49 PM", utc(2005, 12, 19, 15, 49)),
    ("11 / 28 / 05\t\t", utc(2005, 11, 28)),
    ("Thursday 29 July 2004 08 . 23 BST", utc(2004, 7, 29, 7, 23)),
    ("March 01 , 2008", utc(2008, 3, 1)),  # MEANTIME en
    ("1 de marzo de 2008", utc(2008, 3, 1)),  # MEANTIME es
    ("1 marzo 2008", utc(2008, 3, 1)),  # MEANTIME it
    ("01-Mar-08", utc(2008, 3, 1)),  # MEANTIME nl
]


@pytest.mark.parametrize(("line", "expected"), REAL_DATELINES)
def test_real_dateline_lines_are_recognised(line: str, expected: datetime) -> None:
    assert is_dateline(line)
    assert find_dateline([line]) == (expected, 0)


# Real lines that contain dates but are sentences, headlines or place lines: never datelines.
REAL_NON_DATELINES = [
    "Vincent 'The Chin' Gigante died while in prison custody on December 19 , 2005 .",
    "Page was born on April 22 , 1923 , in Nashville , Tenn .",
    "The announcement may come as early as May 14 , the source told eWEEK .",
    "Polygamist prophet Warren Jeffs charged againJuly 23 , 2008 . 4 : 49 pm",
    "Seacom operations fully restored : 4 November 2011",
    "Posted 1 year , 160 days ago [ downloaded on 2 October 2013 ]",
    "Greek anti - austerity march erupts in violence , 3 dead",
    "Washington D . C . , Jul 13 , 2009 / 02 : 00 pm ( CNA )",
    "Watergate figure Fred LaRue , July 24",
    "Interior and Commerce Secretaries Must Act by May 9",
    "APR 28",  # no year
    "Mumbai , Nov 11 -",
    "It was their first face-to-face meeting since President Joe Biden took office in January.",
]


@pytest.mark.parametrize("line", REAL_NON_DATELINES)
def test_sentences_with_dates_are_not_datelines(line: str) -> None:
    assert not is_dateline(line)
    assert find_dateline([line]) == (None, None)


def test_find_dateline_looks_at_first_three_non_empty_lines_only() -> None:
    lines = [
        "Watergate figure Fred LaRue , July 24",
        "",
        "July 28 , 2004",
        "Fred LaRue , a high - ranking Nixon administration official ... has died .",
    ]
    assert find_dateline(lines) == (utc(2004, 7, 28), 2)  # index into the list, blank lines counted
    late = ["Title", "First paragraph here.", "Second paragraph.", "Third paragraph.", "July 28 , 2004"]
    assert find_dateline(late) == (None, None)
    assert find_dateline([]) == (None, None)


def test_find_dateline_takes_the_first_dateline() -> None:
    lines = ["Published : August 7 , 2012", "Updated : August 8 , 2012"]
    assert find_dateline(lines) == (utc(2012, 8, 7), 0)


def test_the_wordy_line_shortcut_never_changes_the_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines mixing date tokens, label words, agencies, capitals and ordinary words: the cheap
    pre-test of too many words rejects only lines the full tokenisation rejects too."""
    import random

    from newsprism.ingest import dates

    rng = random.Random(5)
    pieces = [
        "May", "2", "2013", "7:35", "a.m.", "p.m", "GMT+02:00", "EDT", "Updated", "Posted", "at", "on", "(",
        ")", ",", "|", "-", "15th", "3rd", "Thursday", "AFP", "Reuters", "JAKARTA", "NEW", "YORK", "said",
        "the", "storm", "hit", "Mon", "11.11.2011", "2/3/2009", "1052", "HKT", "Sept", "mars", "Île", "hrs",
    ]  # fmt: skip
    lines = [" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 12))) for _ in range(3000)]
    shortcut = [dates._parse_textual(line, strict=True) for line in lines]
    assert any(shortcut) and any(dates._wordy(line) for line in lines)
    monkeypatch.setattr(dates, "_wordy", lambda line: False)
    assert shortcut == [dates._parse_textual(line, strict=True) for line in lines]
