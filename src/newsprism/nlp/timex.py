"""Time expressions: find dates, times, durations and periods, normalise them, compare them.

:func:`find_times` returns :class:`TimeExpr` spans with a comparable ``value`` in a TIMEX3-like
notation, so that "1 de marzo de 2008", "01-Mar-08", "1. März 2008" and "March 01, 2008" are all
``2008-03-01``:

================  ===================================================================
kind              value examples
================  ===================================================================
``date``          ``2021-05-19``, ``2021-05`` (a month), ``2021`` (a year), ``2021-W19``;
                  ``WEEKDAY:wed`` / ``XXXX-04`` / ``REL:-1:month`` when no reference is given
``time``          ``T13:32``, ``2021-05-19T13:32``, ``2021-05-19TEV`` (Wednesday evening)
``duration``      ``PT90M``, ``P7Y``, ``P2Y``, ``PXY`` ("for years": count unknown)
``period``        ``2021-SU`` (summer), ``2021-Q1``, ``199`` (the 1990s); ``REL:0:SU`` unresolved
``relative``      ``FUTURE:months`` ("in the coming months"), ``PAST:years`` ("in recent
                  years"), ``PAST_REF`` ("recently"), ``FUTURE_REF`` ("soon")
================  ===================================================================

Deictic expressions ("on Wednesday", "last month", "later this summer") are resolved against
``reference`` (the article's publication time) when it is given: a weekday is the nearest such day
to the reference (``on Wednesday`` read on Thursday 2021-05-20 is 2021-05-19), "this summer" is the
reference year's summer, "last month" the month before.  Seasons are the northern meteorological
ones (summer = June to August).  ``mod`` keeps TIMEX3's hedges (``MORE_THAN`` for "over 90 minutes",
``APPROX``, ``LESS_THAN``); ``approximate`` is true for any of them and for vague expressions.

:func:`relation` and :func:`compatible` compare two values: a date inside a month or season is
compatible, different days are not, and a vague relative value against a calendar one is unknown
(``None``): "in the coming months" does not contradict "later this summer", but the two sources
*give different timings*, which :func:`relation` reports as ``unknown`` and :func:`describe` spells
out for a reader ("in the coming months (unspecified)" vs "summer 2021").

Languages: every kind in English, Spanish, French, German, Italian, Dutch, Portuguese, Russian,
Czech and Ukrainian (:data:`LANGUAGES`); dates only (months, weekdays, today / yesterday /
tomorrow, and each language's date order: "2021. március 15.", "ngày 15 tháng 3", "2021년 3월
15일") in the :data:`DATE_LANGUAGES`; in Japanese and Chinese, their dates ("2021年3月15日",
"２５日"), weekdays ("火曜日", "星期二", "周二") and today / yesterday / tomorrow.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

from .numbers import _KNOWN_UNITS, _QUALIFIERS, _WORDS, parse_number

__all__ = ["TimeExpr", "compatible", "describe", "find_times", "from_publication", "relation", "weekday_value"]

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "es", "fr", "de", "it", "nl", "pt", "ru", "cs", "uk")
# languages whose dates are read (months, weekdays, today / yesterday / tomorrow, and the date
# patterns of the language), not their durations, seasons or relative periods
DATE_LANGUAGES = ("pl", "tr", "id", "sv", "da", "nb", "ro", "hu", "vi", "ko", "ar", "he", "fa", "hi", "bn", "ur")
_ALIASES = {"no": "nb"}


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression; ``start``/``end`` are character offsets into the text (end exclusive)."""

    start: int
    end: int
    text: str
    kind: str  # date | time | duration | period | relative
    value: str | None
    approximate: bool = False
    mod: str | None = None  # MORE_THAN | LESS_THAN | APPROX | EQUAL_OR_MORE (TIMEX3 mod)


# --- lexicons -------------------------------------------------------------------------------------


_LEXICON = json.loads(resources.files("newsprism.nlp").joinpath("data", "timex.json").read_text(encoding="utf-8"))


def _table(spec: str) -> dict[str, int]:
    """'a,b;c' -> {a: 1, b: 1, c: 2}"""
    out: dict[str, int] = {}
    for number, group in enumerate(spec.split(";"), start=1):
        for name in group.split(","):
            if name.strip():
                out[name.strip()] = number
    return out


_MONTHS: dict[str, dict[str, int]] = {lang: _table(spec) for lang, spec in _LEXICON["months"].items()}
_WEEKDAYS: dict[str, dict[str, int]] = {lang: _table(spec) for lang, spec in _LEXICON["weekdays"].items()}
_SEASONS: dict[str, dict[str, str]] = _LEXICON["seasons"]  # season word -> SP | SU | FA | WI
_UNITS: dict[str, str] = _LEXICON["units"]  # duration unit words -> TIMEX3 letter (T-prefixed for clock units)
_DEICTIC_DAYS: dict[str, dict[str, int]] = _LEXICON["deictic_days"]  # "yesterday" -> -1
_CAL_UNITS: dict[str, str] = _LEXICON["calendar_units"]  # "month:month" (regex:unit) for "last month"
_VAGUE_PLURALS: dict[str, str] = _LEXICON["vague_plurals"]  # "meses" -> "months"
_PREPS: dict[str, str] = _LEXICON["prepositions"]  # words before a bare month name ("in April")
for _lang_code in DATE_LANGUAGES:  # dates only: the other vocabularies are empty
    _SEASONS.setdefault(_lang_code, {})
    _DEICTIC_DAYS.setdefault(_lang_code, {})
    _MONTHS.setdefault(_lang_code, {})
    _WEEKDAYS.setdefault(_lang_code, {})
    _UNITS.setdefault(_lang_code, "")
    _CAL_UNITS.setdefault(_lang_code, "")
    _PREPS.setdefault(_lang_code, "(?!)")  # a bare month name is read with a day or a year only


_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_PART_HOURS = {"MO": (6, 12), "AF": (12, 17), "EV": (17, 22), "NI": (21, 28)}
_UNIT_SUFFIX = r"(?:s|es|en|n|e|i|a|u|у|ы|ев|ов|и|і|ів)?"
# (regex, offset, unit): "last month" -> (-1, month).  {U} is replaced by the unit alternation.
_OFFSET_WORDS = {
    "en": [(r"(?:last|past|previous)", -1), (r"(?:next|coming|following)", 1),
           (r"this|(?:earlier|later)\s+this", 0)],
    "es": [(r"(?:el|la)\s+{U}\s+pasad[oa]", -1), (r"(?:el|la)\s+próxim[oa]\s+{U}", 1), (r"(?:este|esta)", 0)],
    "fr": [(r"(?:le|la|l')\s*{U}\s+derni(?:er|ère)", -1), (r"(?:le|la|l')\s*{U}\s+prochaine?", 1),
           (r"(?:ce|cet|cette)", 0)],
    "de": [(r"(?:letzte[nms]?|vergangene[nms]?)", -1), (r"(?:nächste[nms]?|kommende[nms]?)", 1),
           (r"(?:diese[nms]?)", 0)],
    "it": [(r"(?:il|la|l')\s*{U}\s+scors[oa]", -1), (r"(?:il|la|l')\s*{U}\s+prossim[oa]", 1), (r"quest[oa']\s*", 0)],
    "nl": [(r"(?:vorige|vorig|afgelopen)", -1), (r"(?:volgende|komende)", 1), (r"(?:deze|dit)", 0)],
    "pt": [(r"(?:o|a)?\s*{U}\s+passad[oa]", -1), (r"(?:o|a)?\s*próxim[oa]\s+{U}", 1),
           (r"(?:este|esta|neste|nesta)", 0)],
    "ru": [(r"(?:в\s+)?прошл\w+", -1), (r"(?:в|на)?\s*следующ\w+", 1), (r"(?:в\s+)?эт\w+", 0)],
    "uk": [(r"(?:[ву]\s+)?минул\w+", -1), (r"(?:[ву]|на)?\s*наступн\w+", 1),
           (r"(?:[ву]\s+)?ц(?:ього|ей|ю|ьому|я|і)", 0)],
    # "loni" (last year), "letos" (this year) and their adjectives name the year without a unit word
    "cs": [(r"(?:v\s+)?(?:minul\w+|předchozí\w*|uplynul\w+|loňsk\w+)", -1),
           (r"(?:v\s+|na\s+)?(?:příští\w*|následující\w*|nadcházející\w*)", 1),
           (r"(?:v\s+)?(?:t(?:ento|ato|oto|uto|ohoto|omto|éto)|letošn\w+)", 0),
           (r"(?=loni|loňsk){U}", -1), (r"(?=letos|letošn){U}", 0)],
}  # fmt: skip
_VAGUE = {  # (regex, value)
    "en": [(r"in\s+(?:the\s+)?(?:coming|next\s+(?:few|several))\s+{P}", "FUTURE"),
           (r"in\s+the\s+{P}\s+ahead", "FUTURE"),
           (r"in\s+(?:recent|the\s+(?:past|last)\s+(?:few|several))\s+{P}", "PAST"), (r"recently", "PAST_REF")],
    "es": [(r"en\s+los\s+próximos\s+{P}", "FUTURE"), (r"en\s+los\s+últimos\s+{P}", "PAST"),
           (r"recientemente", "PAST_REF")],
    "fr": [(r"dans\s+les\s+(?:prochain(?:e)?s|semaines|mois)\s*{P}?", "FUTURE"),
           (r"ces\s+derni(?:er|ère)s\s+{P}", "PAST"),
           (r"récemment", "PAST_REF")],
    "de": [(r"in\s+den\s+(?:kommenden|nächsten)\s+{P}", "FUTURE"),
           (r"in\s+den\s+(?:letzten|vergangenen)\s+{P}", "PAST"),
           (r"kürzlich|neulich", "PAST_REF"), (r"bald", "FUTURE_REF")],
    "it": [(r"nei\s+prossimi\s+{P}", "FUTURE"), (r"negli\s+ultimi\s+{P}", "PAST"), (r"recentemente", "PAST_REF")],
    "nl": [(r"in\s+de\s+komende\s+{P}", "FUTURE"), (r"de\s+afgelopen\s+{P}", "PAST"), (r"onlangs|recent", "PAST_REF")],
    "pt": [(r"nos\s+próximos\s+{P}", "FUTURE"), (r"nos\s+últimos\s+{P}", "PAST"), (r"recentemente", "PAST_REF")],
    "ru": [(r"в\s+ближайшие\s+{P}", "FUTURE"), (r"в\s+последние\s+{P}", "PAST"), (r"недавно", "PAST_REF")],
    "uk": [(r"[ву]\s+найближчі\s+{P}", "FUTURE"), (r"(?:[ву]|за)\s+останні\s+{P}", "PAST"), (r"нещодавно", "PAST_REF")],
    "cs": [(r"(?:v|během)\s+(?:nejbližších|příštích|následujících|nadcházejících)\s+{P}", "FUTURE"),
           (r"(?:v|během)\s+(?:posledních|uplynulých|minulých)(?:\s+několika)?\s+{P}", "PAST"),
           (r"nedávno|v\s+poslední\s+době", "PAST_REF"), (r"brzy", "FUTURE_REF")],
}  # fmt: skip
_YEAR_PREPS = r"(?:^|\W)(?:in|since|until|by|from|of|en|desde|dans|depuis|im|seit|nel|dal|sinds|em|в|roce|roku)\s+$"
# parts of the day after a weekday or "yesterday" in other languages ("v sobotu večer")
_DAY_PARTS = {"cs": {"ráno": "MO", "dopoledne": "MO", "odpoledne": "AF", "večer": "EV", "v noci": "NI"}}
_RO_NOT_MAY = re.compile(
    r"\s+(?:mult|multe|mulți|multi|puțin|putin|puține|bine|rău|mare|mari|mic|mici|ales|departe|tare)\b"
)
_TR_DISTRICT = re.compile(r"\s+(?:ilçe|belediye)", re.IGNORECASE)
_HE_IN_A_ROW = re.compile(r"\s+(?:ברציפות|ברצף)")
# letters that go on a word without being word characters to Python's re: joiners, the vowel signs
# and nukta of Devanagari and Bengali, Arabic vowel marks ("आज" is no word inside "आजीवन")
_MARKS = (
    "\u200c\u200d\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u0981-\u0983\u09bc\u09be-\u09cd\u09d7\u09e2\u09e3\u064b-\u065f\u0670"
)

# "ago" written before the amount ("před třemi lety": three years ago)
_AGO_BEFORE = {"cs": r"před"}
# "ve středu města" is in the city centre, not on Wednesday: what follows a centre
_CS_CENTRE = re.compile(r"\s+(?:města|obce|vesnice|metropole|Evropy|země|náměstí|pozornosti|zájmu|dění)(?!\w)")
_HEDGES = {"about": "APPROX", "nearly": "LESS_THAN", "more": "MORE_THAN", "less": "LESS_THAN"}
_DAY_FIRST_NUMERIC = frozenset(LANGUAGES + DATE_LANGUAGES) - {"en"}


def _lang(language: str | None) -> str:
    base = (language or "en").lower()[:2]
    base = _ALIASES.get(base, base)
    return base if base in LANGUAGES or base in DATE_LANGUAGES else "en"


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str], _Ctx], tuple[str, str | None] | None]  # -> (kind, value)


@dataclass(frozen=True, slots=True)
class _Ctx:
    lang: str
    ref: date | None
    months: dict[str, int]
    weekdays: dict[str, int]


# --- resolution helpers ---------------------------------------------------------------------------


def _year(text: str, ref: date | None) -> int:
    y = int(text)
    if len(text) <= 2:
        pivot = ((ref.year if ref else 2030) % 100) + 10
        y += 2000 if y <= pivot else 1900
    return y


def _ymd(y: int | None, m: int, d: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    if y is None:
        return f"XXXX-{m:02d}-{d:02d}" if 1 <= d <= 31 else None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _nearest_month(month: int, ref: date, direction: int = 0) -> str:
    """The occurrence of ``month`` nearest to ``ref`` (strictly before / after for direction -1 / 1)."""
    candidates = [(ref.year + dy, month) for dy in (-1, 0, 1)]

    def distance(ym: tuple[int, int]) -> int:
        return (ym[0] - ref.year) * 12 + ym[1] - ref.month

    if direction < 0:
        candidates = [c for c in candidates if distance(c) < 0]
        best = max(candidates, key=distance)
    elif direction > 0:
        candidates = [c for c in candidates if distance(c) > 0]
        best = min(candidates, key=distance)
    else:
        best = min(candidates, key=lambda c: (abs(distance(c)), distance(c) > 0))
    return f"{best[0]:04d}-{best[1]:02d}"


def _weekday_date(weekday: int, ref: date, direction: int = 0) -> date:
    """The date of ``weekday`` near ``ref``: the nearest one (``direction`` 0), the last one before
    it (-1), the last one up to it (-2) or the next one after it (1)."""
    delta = weekday - ref.weekday()
    if direction == -2:
        return ref + timedelta(days=delta - 7 if delta > 0 else delta)
    if direction < 0:
        delta = delta - 7 if delta >= 0 else delta
    elif direction > 0:
        delta = delta + 7 if delta <= 0 else delta
    elif delta > 3:
        delta -= 7
    elif delta < -3:
        delta += 7
    return ref + timedelta(days=delta)


def _shift(ref: date, offset: int, unit: str) -> str:
    if unit == "day":
        return (ref + timedelta(days=offset)).isoformat()
    if unit in ("week", "weekend"):
        y, w, _ = (ref + timedelta(weeks=offset)).isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "year":
        return f"{ref.year + offset:04d}"
    if unit in _SEASON_START:  # this: the reference's season-year; last: ended before; next: starts after
        year = ref.year - (1 if unit == "WI" and ref.month <= 2 else 0)
        if offset < 0 and ref < _season_end(year, unit):
            year -= 1
        elif offset > 0 and date(year, _SEASON_START[unit], 1) <= ref:
            year += 1
        return f"{year:04d}-{unit}"
    raise ValueError(unit)


def _season_end(year: int, season: str) -> date:
    month = _SEASON_START[season] + 3
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


# --- rule handlers --------------------------------------------------------------------------------


def _h_iso(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    value = _ymd(int(m["y"]), int(m["m"]), int(m["d"]))
    if value and m["hh"]:
        return "time", f"{value}T{int(m['hh']):02d}:{m['mm']}"
    return ("date", value) if value else None


def _h_numeric(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    a, b, y = int(m["a"]), int(m["b"]), _year(m["y"], c.ref)
    day, month = (a, b) if c.lang in _DAY_FIRST_NUMERIC or a > 12 else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    value = _ymd(y, month, day)
    return ("date", value) if value else None


def _h_dmy(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    if not m["y"] and c.lang == "en" and not m["mon"][0].isupper():
        return None  # "they may 5 ..." is no date
    month = c.months.get(_key(m["mon"], c.lang))
    if month is None:
        return None
    if c.lang == "ro" and month == 5 and not m["y"] and _RO_NOT_MAY.match(m.string, m.end()):
        return None  # "cu 2 mai multe": two more
    year = _year(m["y"], c.ref) if m["y"] else (None if c.ref is None else c.ref.year)
    value = _ymd(year, month, int(m["d"]))
    return ("date", value) if value else None


def _key(word: str, lang: str) -> str:
    """A month's or a day's word as the tables spell it: lower case, spaces single; Turkish "I" is
    "ı" and "İ" is "i" ("KASIM" is "kasım", not "kasim")."""
    if lang == "tr":
        word = word.replace("I", "ı").replace("İ", "i")
    return " ".join(word.lower().replace("i\u0307", "i").split()).rstrip(".")


def _h_ymd(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    """A date written with numbers around the language's words ("2021년 3월 15일", "ngày 15
    tháng 3 năm 2021", "ngày 15/3"): the year may be missing (the reference's), and so may the
    month in Korean ("15일": of the reference's month, or of the month before)."""
    groups = m.groupdict()
    y, mo, d = (groups.get(k) or groups.get(f"{k}2") for k in ("y", "m", "d"))
    year, month, day = (int(x) if x else None for x in (y, mo, d))
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if month is None and day is None:
        return None
    if day is None:
        assert month is not None
        return "date", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    if month is None:  # the day alone
        if c.ref is None:
            return "date", f"XXXX-XX-{day:02d}"
        year, month = (c.ref.year, c.ref.month) if day <= c.ref.day + 1 else _month_before(c.ref)
    if year is None and c.ref is not None:
        year = c.ref.year
    value = _ymd(year, month, day)
    return ("date", value) if value else None


def _h_month_year(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    month = c.months.get(_key(m["mon"], c.lang))
    return None if month is None else ("date", f"{int(m['y']):04d}-{month:02d}")


def _h_month(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    word = m["mon"]
    if c.lang == "en" and not word[0].isupper():
        return None
    month = c.months.get(_key(word, c.lang))
    if month is None:
        return None
    q = (m["q"] or "").lower()
    direction = -1 if q in ("last",) else 1 if q == "next" else 0
    if c.ref is None:
        return "date", f"XXXX-{month:02d}"
    return "date", _nearest_month(month, c.ref, direction)


def _h_year(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    before = m.string[max(0, m.start() - 16) : m.start()].lower()
    if any(before.endswith(f"{q} ") for q in _QUALIFIERS.get(c.lang, {})):
        return None  # "about 2000 (people)": an amount
    after = re.match(r"\s+([^\W\d_]+)", m.string[m.end() :])
    if after and not re.search(_YEAR_PREPS, before):
        from .counted import counted_noun  # late import: counted reads numbers, which reads this module

        noun = counted_noun(after.group(1), c.lang) if c.lang != "en" else None  # English: the units above
        if after.group(1).lower() in _KNOWN_UNITS or noun not in (None, "years"):
            return None  # "2000 troops", "2000 người", but "in 2020 troops ..." is a year
    return "date", m["y"]


def _h_decade(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    return "period", m["dec"][:3]


def _h_season_year(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    return "period", f"{m['y']}-{_SEASONS[c.lang].get(m['s'].lower()) or _SEASONS['en'][m['s'].lower()]}"


def _h_quarter(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    q = m["qn"] or str(("first", "second", "third", "fourth").index(m["qw"].lower()) + 1)
    year = m["y"] or m["y2"] or (str(c.ref.year) if c.ref else "XXXX")
    return "period", f"{year}-Q{q}"


def _h_clock(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    suffix = (m["suffix"] or "").lower()
    if hour > 24 or minute > 59 or not (ap or suffix or m["sep"] in (":", "h")):
        return None
    if suffix == "uur" and not m["min"]:
        return None
    return "time", f"T{hour:02d}:{minute:02d}"


def _h_hours_clock(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    """Czech "v 6 hodin", "do 6 hodin ráno", "v 8 hodin večer": a clock time, not six hours."""
    part = _part_of_day(m["pod"], c.lang)
    if part is None and not re.search(r"(?<![^\W_])(?:v|ve|od)\s+$", m.string[max(0, m.start() - 4) : m.start()]):
        return None  # "trvalo 6 hodin": a duration
    hour, minute = int(m["h"]), int(m["min"] or 0)
    if (part in ("AF", "EV") and hour < 12) or (part == "NI" and 7 <= hour < 12):
        hour += 12
    if hour > 24 or minute > 59:
        return None
    return "time", f"T{hour:02d}:{minute:02d}"


def _h_noon(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    return "time", "T12:00" if m.group().lower().endswith(("noon", "mittag", "mediodía", "midi")) else "T00:00"


# A verb in the past tense shortly before an English weekday, in its clause, dates it before the
# publication ("was shot and killed on Saturday night", "died Saturday", "sparked landslides
# Tuesday").  Reporting verbs do not (what was said may be ahead: "said relatives would hold a vigil
# Thursday"), nor do a participle after "be" ("will be held Thursday"), the words of plans ("was
# scheduled for Wednesday"), or a participle used as an adjective ("the proposed vote Friday", "the
# long-awaited summit"); a clause word ends the search ("losses are expected when markets reopen
# Tuesday"), and a deadline or a target right before the weekday keeps it ahead ("was moved to
# Friday", "until Friday", "this Friday").
_IRREGULAR_PAST = frozenset(
    """was were had did died shot struck fell made took came went began broke caught found held lost met
    paid ran saw sent sold spent stood won wrote led fled threw drew gave got gotten became brought bought built
    chose drove fought flew grew hid hung kept knew laid meant rode rose sank slept stole swore taught tore woke
    wore sought shook arose hit""".split()
)
_NOT_PAST = frozenset(
    """said told added reported announced stated explained noted confirmed claimed insisted warned asked
    expected scheduled rescheduled planned slated set prepared proposed
    need speed seed feed bed red hundred indeed united proceed exceed succeed""".split()
)
_PAST_STOP = frozenset("when that which who whom if because while and but so as would will".split())
_AHEAD = frozenset("until till by before to for this".split())  # right before the weekday
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_PAST_REACH = 8  # words back from the weekday


def _after_past_verb(m: re.Match[str]) -> bool:
    """Is the weekday of ``m`` told of in the past tense (a verb of the past shortly before it)?"""
    before = re.split(r"[.!?]\s+(?=[A-Z\"“])|[,;:]", m.string[max(0, m.start() - 200) : m.start()])[-1]
    words = re.findall(r"[A-Za-z']+(?:-[A-Za-z']+)*", before)[-_PAST_REACH - 1 :]
    if words and words[-1].lower() in _AHEAD:
        return False
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        low = word.lower()
        if low in _PAST_STOP or low in _NOT_PAST:
            return False
        if word[0].isupper():
            continue  # a name ("Ahmed")
        previous = words[k - 1].lower() if k else ""
        if low in _IRREGULAR_PAST:
            return previous != "be"
        if low.endswith("ed") and len(low) > 4 and "-" not in low and previous not in _DETERMINERS:
            return previous != "be"
    return False


def _h_weekday(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    word = m["wd"]
    if c.lang in ("en", "de") and not word[0].isupper():
        return None
    if c.lang == "cs" and word.lower().startswith("střed") and _CS_CENTRE.match(m.string, m.end()):
        return None
    number = c.weekdays.get(_key(word, c.lang))
    if number is None or (c.lang == "tr" and _TR_DISTRICT.match(m.string, m.end())):
        return None  # "Çarşamba ilçesinde": a district
    if c.lang == "he" and _HE_IN_A_ROW.match(m.string, m.end()):
        return None  # "יום שני ברציפות": the second day in a row
    wd = number - 1
    q = (m["q"] or "").lower()
    direction = -1 if q in ("last", "past") else 1 if q in ("next", "coming") else 0
    if c.lang in ("sv", "da", "nb") and _key(word, c.lang).endswith("dags"):
        direction = -1  # Swedish "i torsdags": last Thursday
    if direction == 0 and c.lang == "en" and _after_past_verb(m):
        # "was killed on Saturday" in Wednesday's paper is four days before it, not three after
        direction = -2
    part = _part_of_day(m["pod"], c.lang)
    if c.ref is None:
        base = f"WEEKDAY:{_DAY_NAMES[wd]}"
        return ("time", f"{base}T{part}") if part else ("date", base)
    day = _weekday_date(wd, c.ref, direction).isoformat()
    return ("time", f"{day}T{part}") if part else ("date", day)


def _h_deictic(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    word = _key(m["dd"], c.lang)
    offset = _DEICTIC_DAYS[c.lang].get(word, _DEICTIC_DAYS["en"].get(word))
    if offset is None:
        return None
    part = "NI" if word == "tonight" else _part_of_day(m["pod"], c.lang)
    if c.ref is None:
        value = "PRESENT_REF" if offset == 0 else f"REL:{offset:+d}:day"
        return ("time", f"{value}T{part}") if part else ("date", value)
    day = (c.ref + timedelta(days=offset)).isoformat()
    return ("time", f"{day}T{part}") if part else ("date", day)


def _part_of_day(word: str | None, lang: str) -> str | None:
    low = " ".join((word or "").lower().split())
    return _PARTS.get(low) or _DAY_PARTS.get(lang, {}).get(low)


def _h_this_part(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    part = _PARTS[m["pod"].lower()]
    return "time", (f"{c.ref.isoformat()}T{part}" if c.ref else f"PRESENT_REFT{part}")


def _h_offset(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    unit_word = next(v for k, v in m.groupdict().items() if k.startswith("u_") and v).lower()
    unit = _cal_units(c.lang).get(unit_word) or _season_of(unit_word, c.lang)
    if unit is None:
        for pattern, value in _cal_units(c.lang).items():
            if re.fullmatch(pattern, unit_word):
                unit = value
        if unit is None:
            return None
    offset = _offset_of(m.group(), c.lang)
    kind = "period" if unit in _SEASON_START else "date"
    if c.ref is None:
        return kind, f"REL:{offset:+d}:{unit}" if offset else f"REL:0:{unit}"
    return kind, _shift(c.ref, offset, unit)


def _h_ago(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    n = parse_number(m["n"], language=c.lang)
    letter = _unit_letter(m["u"], c.lang)
    if n is None or letter is None or n != int(n):
        return None
    unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}.get(letter)
    if unit is None:
        return "time", None
    if c.ref is None:
        return "date", f"REL:{-int(n):+d}:{unit}"
    if unit == "week":
        return "date", (c.ref - timedelta(weeks=int(n))).isoformat()
    return "date", _shift(c.ref, -int(n), unit)


def _h_duration(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    rest = c.lang == "en" and re.match(r"\s*(?:-\s*|\s)old\b", m.string[m.end() :])
    if rest:
        return None  # ages: "a 42-year-old"
    if m.start("n") > 0 and m.string[m.start("n") - 1] in "/\u2044":
        return None  # a fraction's denominator: "4 1/2 months" is no "2 months"
    letter = _unit_letter(m["u"], c.lang)
    if letter is None:
        return None
    raw = m["n"].lower()
    n = 1.0 if raw in ("a", "an", "un", "une", "una", "ein", "eine", "einen", "een", "um", "uma") else None
    if raw in ("a", "an") and letter == "TS":
        return None  # "a second term"
    if raw in ("half a", "half an", "a half", "půl"):
        n = 0.5
    n = n if n is not None else parse_number(m["n"], language=c.lang)
    if n is None and c.lang != "en":
        n = parse_number(m["n"], language="en")
    if n is None or n <= 0:
        return None
    if n != int(n):
        if letter == "TH":
            n, letter = n * 60, "TM"
        elif letter == "Y":
            n, letter = n * 12, "M"
    number = int(n) if n == int(n) else n
    return "duration", f"PT{number}{letter[1:]}" if letter.startswith("T") else f"P{number}{letter}"


def _h_vague_duration(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    letter = _unit_letter(m["u"], c.lang)
    return ("duration", f"PX{letter}") if letter and not letter.startswith("T") else None


def _h_vague(m: re.Match[str], c: _Ctx) -> tuple[str, str | None] | None:
    for pattern, value in _VAGUE.get(c.lang, []):
        if "{P}" not in pattern:
            if re.fullmatch(pattern, m.group(), re.IGNORECASE):
                return "relative", value
            continue
        words = re.findall(r"[^\W\d_]+", m.group().lower())
        plural = next((_VAGUE_PLURALS[w] for w in reversed(words) if w in _VAGUE_PLURALS), None)
        if plural and re.fullmatch(pattern.replace("{P}", r"[^\W\d_]+"), m.group(), re.IGNORECASE):
            return "relative", f"{value}:{plural}"
    return None


def _unit_letter(word: str, lang: str) -> str | None:
    low = word.lower()
    for table in (_UNITS[lang], _UNITS["en"]):
        for item in table.split():
            name, letter = item.split(":")
            if low == name or (low.startswith(name) and len(low) - len(name) <= 3):
                return letter
    return None


@cache
def _cal_units(lang: str) -> dict[str, str]:
    return dict(item.split(":") for item in _CAL_UNITS[lang].split())


def _season_of(word: str, lang: str) -> str | None:
    return _SEASONS[lang].get(word) or _SEASONS["en"].get(word)


def _offset_of(text: str, lang: str) -> int:
    for pattern, offset in _OFFSET_WORDS.get(lang, []):
        if re.match(pattern.replace("{U}", r"[^\W\d_]+"), text.strip(), re.IGNORECASE):
            return offset
    return 0


# --- the rules ------------------------------------------------------------------------------------


@cache
def _rules(lang: str) -> tuple[_Rule, ...]:
    # Czech text writes no English month abbreviations, and "1. Jan Novák" heads a list of results
    months = {**{k: v for k, v in _MONTHS["en"].items() if lang != "cs" or len(k) > 3 or k == "may"}, **_MONTHS[lang]}
    mon = _alt(months)
    mon_lang = _alt(_MONTHS[lang])
    weekdays = {**_WEEKDAYS[lang], **_WEEKDAYS["en"]}
    wd = _alt(w for w in weekdays if len(w) > 4 or (lang != "en" and w in _WEEKDAYS[lang]))
    if lang == "vi":  # "thứ hai" in lower case is also "the second": a weekday is written with a capital
        wd = _alt(_WEEKDAYS["en"]) + r"|(?-i:[Tt]hứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy)|[Cc]hủ\s+[Nn]hật)"
    seasons = _alt(_SEASONS[lang] | _SEASONS["en"])
    units_alt = "|".join(
        re.escape(item.split(":")[0]) + _UNIT_SUFFIX for item in f"{_UNITS[lang]} {_UNITS['en']}".split()
    )
    cal = "|".join(sorted({*(k for k in _cal_units(lang)), *_SEASONS[lang], *_SEASONS["en"]}, key=len, reverse=True))
    words = _alt({*_WORDS.get(lang, {}), *_WORDS["en"], "hundred", "thousand"} - {"dozen"})
    number = (
        rf"(?:\d+(?:[.,]\d+)?|(?:{words})(?:[\s-](?:and\s+)?(?:{words}))*"
        r"|a|an|half\s+an?|un|une|una|ein|eine|einen|een|um|uma|půl)"
    )
    hedges = _alt(_QUALIFIERS.get(lang, {}))
    ordinal = r"(?:st|nd|rd|th|er|e|\.|º|°|ª|o)?"
    b, e = rf"(?<![^\W_])(?<![{_MARKS}])", rf"(?![^\W_]|[{_MARKS}])"
    # Korean particles follow the word ("화요일에", "어제는"), not another noun ("오늘날": nowadays)
    after_day = r"(?!날|신문)" if lang == "ko" else e
    deictic = _alt({*_DEICTIC_DAYS[lang], *_DEICTIC_DAYS["en"]})
    offset_alts = []
    for i, (pattern, _) in enumerate(_OFFSET_WORDS.get(lang, [])):
        if "{U}" in pattern:
            offset_alts.append(pattern.replace("{U}", f"(?P<u_{i}>{cal})"))
        else:
            offset_alts.append(rf"(?:{pattern})\s*(?P<u_{i}>{cal})")
    offset_re = "|".join(offset_alts) or "(?!)"
    vague = "|".join(p.replace("{P}", r"[^\W\d_]+") for p, _ in _VAGUE.get(lang, [])) or "(?!)"
    pod = _alt({*_PARTS, *_DAY_PARTS.get(lang, {})})
    flags = re.IGNORECASE
    # fmt: off
    specs: list[tuple[str, str, Callable[[re.Match[str], _Ctx], tuple[str, str | None] | None]]] = [
        ("iso", rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})"
                rf"(?:[T ](?P<hh>\d{{2}}):(?P<mm>\d{{2}})(?::\d{{2}})?)?(?!\d)", _h_iso),
        ("numeric", rf"{b}(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?!\d)",
         _h_numeric),
        ("numeric", rf"{b}(?P<a>\d{{1,2}})\.\s(?P<b>\d{{1,2}})\.\s?(?P<y>\d{{4}})(?!\d)" if lang == "cs" else "(?!)",
         _h_numeric),  # Czech "25. 7. 2020"
        ("d-mon-y", rf"{b}(?P<d>\d{{1,2}})-(?P<mon>{mon})-(?P<y>\d{{4}}|\d{{2}})(?!\d)", _h_dmy),
        ("mdy", rf"{b}(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}}){ordinal}(?:\s*,\s*|\s+)(?P<y>\d{{4}})(?!\d)", _h_dmy),
        ("md", rf"{b}(?P<mon>{_alt(_MONTHS['en'])})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
               r"(?![\d:]|\s*(?:%|per))(?P<y>)", _h_dmy),
        ("dmy", rf"{b}(?:the\s+)?(?P<d>\d{{1,2}}){ordinal}\s+(?:(?:de|of)\s+)?(?P<mon>{mon})\.?{e}"
                r"(?:,?\s+(?:(?:de|del|of|roku)\s+)?(?P<y>\d{4})(?:\s+(?:года|г\.))?)?(?!\d)", _h_dmy),
        # dates of the languages read for dates only, in their own orders
        ("ymd", r"(?<!\d)(?:(?P<y>\d{4})년\s*)?(?:(?P<m>\d{1,2})월\s*)?(?P<d>\d{1,2})일"
                r"(?!간|째|치|\s*(?:동안|만에|연속|평균|이내|이상|넘게|가량))"
                if lang == "ko" else "(?!)", _h_ymd),  # Korean "2021년 3월 15일", "15일"
        ("ymd", r"(?<!\d)(?P<y>\d{4})년\s*(?P<m>\d{1,2})월(?!\s*\d)" if lang == "ko" else "(?!)", _h_ymd),
        ("ymd", rf"{b}(?:ngày\s+(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})(?:[/-](?P<y>\d{{4}}))?(?![\d/])|"
                rf"ngày\s+(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>\d{{1,2}})(?:\s+năm\s+(?P<y2>\d{{4}}))?{e})"
                if lang == "vi" else "(?!)", _h_ymd),  # Vietnamese "ngày 15/3", "15 tháng 3 năm 2021"
        ("ymd", rf"{b}tháng\s+(?P<m>\d{{1,2}})(?:\s+năm\s+|/)(?P<y>\d{{4}})(?!\d)" if lang == "vi" else "(?!)",
         _h_ymd),
        ("dmy", rf"{b}(?P<y>\d{{4}})\.\s*(?P<mon>{mon_lang})\s+(?P<d>\d{{1,2}})(?:\.|-(?:j?[aáeé]n|ig|i|t[oóöő]l)){e}"
                if lang == "hu" else "(?!)", _h_dmy),  # Hungarian "2021. március 15."
        ("dmy", rf"{b}(?P<mon>{mon_lang})\s+(?P<d>\d{{1,2}})(?:\.|-(?:j?[aáeé]n|ig|i|t[oóöő]l)){e}(?P<y>)"
                if lang == "hu" else "(?!)", _h_dmy),  # "március 15-én"
        ("month-year", rf"{b}(?P<mon>{mon})\.?\s+(?:(?:de|del|of|roku)\s+)?(?P<y>\d{{4}})(?!\d)"
                       r"(?:\s+(?:года|г\.))?", _h_month_year),
        ("month", rf"(?<![^\W_])(?:{_PREPS[lang]})\s+(?:(?P<q>last|next|this|early|late)\s+)?(?P<mon>{mon_lang}){e}",
         _h_month),
        ("season-year", rf"{b}(?P<s>{seasons})\s+(?:(?:of|de|del|di|van|des|года?|roku)\s+)?(?P<y>\d{{4}})(?!\d)",
         _h_season_year),
        ("quarter", rf"{b}(?:Q(?P<qn>[1-4])\s*(?P<y>\d{{4}})?|(?:the\s+)?(?P<qw>first|second|third|fourth)\s+quarter"
                    rf"(?:\s+of\s+(?P<y2>\d{{4}}))?){e}", _h_quarter),
        ("decade", rf"{b}(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)['’]?s{e}", _h_decade),
        ("year", r"(?<![\d.,$€£#/-])(?<!\d\s)(?P<y>1[89]\d\d|20\d\d)(?!\d|[.,]\d|\s?%|\s?[-–/]\s?\d)", _h_year),
        ("clock", rf"{b}(?P<h>\d{{1,2}})(?:(?P<sep>[:.h])(?P<min>\d{{2}}))?\s*"
                  rf"(?:(?P<ap>[ap]\.\s?m\.|[ap]m{e})|(?P<suffix>uhr|uur|hod\.|h{e}))?"
                  r"(?:\s+(?:ET|EST|EDT|CET|CEST|GMT|UTC|BST|PT|PST|PDT|CT|CST|MSK|local\s+time))?(?!\d)", _h_clock),
        ("hours-clock", rf"{b}(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?\s+hod(?:in|iny|ina|\.)?{e}"
                        rf"(?:\s+(?P<pod>{pod}){e})?" if lang == "cs" else "(?!)", _h_hours_clock),
        ("noon", rf"{b}(?:at\s+)?(?:noon|midnight|midday){e}", _h_noon),
        ("weekday", rf"{b}(?:(?P<q>last|next|this|past|coming)\s+)?(?P<wd>{wd}){after_day}"
                    rf"(?:\s+(?P<pod>{pod}){e})?", _h_weekday),
        ("deictic", rf"{b}(?P<dd>{deictic}){after_day}(?:\s+(?P<pod>{pod}){e})?", _h_deictic),
        ("this-part", rf"{b}this\s+(?P<pod>morning|afternoon|evening){e}", _h_this_part),
        ("offset", rf"{b}(?:{offset_re}){e}", _h_offset),
        ("ago", rf"{b}(?P<n>{number})\s+(?P<u>{units_alt})\s+(?:ago|earlier\s+than\s+now){e}", _h_ago),
        ("ago", rf"{b}{_AGO_BEFORE[lang]}\s+(?P<n>{number})\s+(?P<u>{units_alt}){e}" if lang in _AGO_BEFORE else "(?!)",
         _h_ago),
        ("duration", rf"(?:{b}(?P<hedge>{hedges})\s+)?{b}(?P<n>{number})[\s-](?P<u>{units_alt}){e}", _h_duration),
        ("vague-duration", rf"{b}(?:for|in|over)\s+(?P<u>decades|years|months|weeks|days|años|décennies|jahrzehnten"
                           rf"|jahren|anni|decenni|jaren|anos|лет){e}", _h_vague_duration),
        ("vague", rf"{b}(?:{vague}){e}", _h_vague),
    ]
    # fmt: on
    rules = []
    for name, pattern, handler in specs:
        f = 0 if name in ("year", "decade") else flags
        rules.append(_Rule(name, re.compile(pattern, f), handler))
    return tuple(rules)


_PRIORITY = {"iso": 0, "numeric": 1, "d-mon-y": 1, "mdy": 1, "dmy": 2, "month-year": 3, "md": 4}


# --- public API -----------------------------------------------------------------------------------


def find_times(text: str, *, language: str = "en", reference: datetime | date | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, in order of position, longest match first on overlaps."""
    ref = reference.date() if isinstance(reference, datetime) else reference
    if (language or "")[:2].lower() in ("ja", "zh"):
        chinese = (language or "")[:2].lower() == "zh"
        dates = _cjk_dates(text, ref, chinese=chinese)
        taken = [(t.start, t.end) for t in dates]
        # a weekday right after a date is that date's ("2021年3月15日星期一", "15日（月曜日）")
        days = [
            t
            for t in _cjk_days(text, ref, chinese=chinese)
            if not any(s < t.end and t.start <= e + 1 for s, e in taken)
        ]
        return sorted(dates + days, key=lambda t: (t.start, t.end))
    lang = _lang(language)
    ctx = _Ctx(lang, ref, {**_MONTHS["en"], **_MONTHS[lang]}, {**_WEEKDAYS["en"], **_WEEKDAYS[lang]})
    candidates: list[tuple[int, int, int, TimeExpr]] = []
    for rank, rule in enumerate(_rules(lang)):
        for m in rule.pattern.finditer(text):
            if m.end() == m.start():
                continue
            result = rule.handler(m, ctx)
            if result is None:
                continue
            kind, value = result
            start, end = m.start(), m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            mod = None
            groups = m.groupdict()
            if rule.name == "duration" and groups.get("hedge"):
                mod = _HEDGES.get(_QUALIFIERS.get(lang, {}).get(groups["hedge"].lower(), ""))
            if rule.name == "month":  # keep the qualifier, drop the preposition
                start = m.start("q") if groups.get("q") else m.start("mon")
            approximate = mod is not None or kind == "relative" or (value or "").startswith("PX")
            expr = TimeExpr(start, end, text[start:end], kind, value, approximate, mod)
            candidates.append((start, end, _PRIORITY.get(rule.name, 5 + rank), expr))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[TimeExpr] = []
    for start, end, _, expr in candidates:
        if any(start < t.end and t.start < end for t in chosen):
            continue
        chosen.append(expr)
    chosen.sort(key=lambda t: t.start)
    return _merge_date_time(text, chosen)


# Japanese and Chinese dates: "2020年7月25日", "7月25日", "2020年", and the day alone ("25日"),
# which news writes for a day of the publication's month (or the month before)
_CJK_DATE = re.compile(
    r"(?<![0-9０-９])(?:(?P<y>[0-9０-９]{4})\s*年\s*)?(?:(?P<m>[0-9０-９]{1,2})\s*月\s*)?"
    r"(?:(?P<d>[0-9０-９]{1,2})\s*(?P<day>[日号]))?"
)


# weekdays and today / yesterday / tomorrow in Japanese ("火曜日", "火曜") and Chinese ("星期二", "周二")
_JA_WEEKDAY = re.compile(r"(?P<wd>[月火水木金土日])曜(?:日)?")
_ZH_WEEKDAY = re.compile(
    r"(?P<week>[上下本这這]个?)?(?:星期|礼拜|禮拜|(?<![一二两兩三四五六七八九十几幾每0-9０-９])[周週])(?P<wd>[一二三四五六日天])(?!次|天|个|個)"
)
_JA_DAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}
_ZH_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_CJK_DEICTIC = re.compile(r"一昨日|今日|本日|昨日|明日(?!香)|今天|昨天|明天|前天")
_ZH_DEICTIC = re.compile(r"今天|昨天|明天|前天")  # Chinese 今日 and 明日 name things ("今日俄罗斯", "今日美国")
_CJK_OFFSETS = {"一昨日": -2, "今日": 0, "本日": 0, "昨日": -1, "明日": 1, "今天": 0, "昨天": -1, "明天": 1, "前天": -2}


def _cjk_days(text: str, ref: date | None, *, chinese: bool) -> list[TimeExpr]:
    """Weekdays and days told from today, in Japanese or Chinese."""
    out: list[TimeExpr] = []
    pattern, days = (_ZH_WEEKDAY, _ZH_DAYS) if chinese else (_JA_WEEKDAY, _JA_DAYS)
    for m in pattern.finditer(text):
        wd = days[m["wd"]]
        week = (m.groupdict().get("week") or "")[:1]
        if ref is None:
            value = f"WEEKDAY:{_DAY_NAMES[wd]}"
        elif week:  # "下周一": Monday of the week after the reference's
            monday = ref - timedelta(days=ref.weekday())
            value = (monday + timedelta(days=wd + {"上": -7, "下": 7}.get(week, 0))).isoformat()
        else:
            value = _weekday_date(wd, ref).isoformat()
        out.append(TimeExpr(m.start(), m.end(), m.group(), "date", value))
    for m in (_ZH_DEICTIC if chinese else _CJK_DEICTIC).finditer(text):
        offset = _CJK_OFFSETS[m.group()]
        if ref is None:
            value = "PRESENT_REF" if offset == 0 else f"REL:{offset:+d}:day"
        else:
            value = (ref + timedelta(days=offset)).isoformat()
        out.append(TimeExpr(m.start(), m.end(), m.group(), "date", value))
    return out


def _cjk_dates(text: str, ref: date | None, *, chinese: bool) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    for m in _CJK_DATE.finditer(text):
        if m.group("d") and text.startswith(("間", "间"), m.end()):
            continue  # "15日間": fifteen days, not the 15th
        if m.end() == m.start() or (m.group("day") == "号" and not chinese):
            continue  # Japanese 号 numbers things ("７号": No. 7); Chinese 号 is a day of the month
        y, mo, d = (int(unicodedata.normalize("NFKC", g)) if g else None for g in m.group("y", "m", "d"))
        if (mo is not None and not 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31) or (y and mo is None and d):
            continue
        if y is not None and mo is None:
            if not m.group().rstrip().endswith("年") or text.startswith(
                ("度", "代", "間", "前", "後", "ぶり"), m.end()
            ):
                continue  # "2020年度" is a fiscal year, "10年間" a duration
            value = f"{y:04d}"
        elif d is None:
            value = f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}"
            if y is None and ref is not None:
                value = f"{ref.year:04d}-{mo:02d}"
        elif mo is None:  # the day alone: of the reference's month, or of the month before
            if ref is None:
                value = f"XXXX-XX-{d:02d}"
            else:
                in_year, in_month = (ref.year, ref.month) if d <= ref.day + 1 else _month_before(ref)
                value = f"{in_year:04d}-{in_month:02d}-{d:02d}"
        else:
            of_year = y if y is not None else (ref.year if ref is not None else None)
            value = f"{of_year:04d}-{mo:02d}-{d:02d}" if of_year is not None else f"XXXX-{mo:02d}-{d:02d}"
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        out.append(TimeExpr(m.start(), end, text[m.start() : end], "date", value))
    return out


def _month_before(day: date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


def _merge_date_time(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """ "Wednesday at 1:32 PM", "March 1, 2008, 7:35 am": one time with the date."""
    out: list[TimeExpr] = []
    for expr in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and expr.kind == "date"
            and prev.kind == "date"
            and re.fullmatch(r"\s*,?\s*", text[prev.end : expr.start])
            and re.match(r"WEEKDAY|\d{4}-\d{2}-\d{2}$", prev.value or "")
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", expr.value or "")
            and prev.text[:1].isalpha()
        ):  # "Wednesday, 19 May 2021": the date says which Wednesday
            out[-1] = TimeExpr(prev.start, expr.end, text[prev.start : expr.end], "date", expr.value)
            continue
        if (
            prev is not None
            and prev.kind == "date"
            and expr.kind == "time"
            and (expr.value or "").startswith("T")
            and re.fullmatch(r"\s*(?:,|at|um|à|a\s+las|alle|om|às|в|v|ve)?\s*(?:,\s*)?", text[prev.end : expr.start])
            and prev.value is not None
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}|WEEKDAY:\w+|XXXX-\d{2}-\d{2}", prev.value)
        ):
            out[-1] = TimeExpr(prev.start, expr.end, text[prev.start : expr.end], "time", prev.value + expr.value)  # type: ignore[operator]
            continue
        out.append(expr)
    return out


# --- comparing ------------------------------------------------------------------------------------

_DURATION = re.compile(
    r"P(?:(?P<n>\d+(?:\.\d+)?|X)(?P<u>DE|CE|Y|M|W|D))?(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<M>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?"
)
_SECONDS = {"CE": 3_155_760_000.0, "DE": 315_576_000.0, "Y": 31_557_600.0, "M": 2_629_800.0, "W": 604_800.0,
            "D": 86_400.0, "H": 3600.0, "S": 1.0}  # fmt: skip


def _duration_seconds(value: str) -> float | None:
    m = _DURATION.fullmatch(value)
    if not m or m["n"] == "X" or value in ("P", "PT"):
        return None
    total = float(m["n"]) * _SECONDS[m["u"]] if m["n"] else 0.0
    for group, seconds in (("H", 3600.0), ("M", 60.0), ("S", 1.0)):
        total += float(m[group]) * seconds if m[group] else 0.0
    return total


def _interval(value: str) -> tuple[datetime, datetime] | None:
    """The calendar interval a value denotes, or None when it is not a calendar value."""
    v, _, clock = value.partition("T")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            start = datetime.fromisoformat(v)
            end = start + timedelta(days=1)
            if clock in _PART_HOURS:
                h0, h1 = _PART_HOURS[clock]
                return start + timedelta(hours=h0), start + timedelta(hours=h1)
            if re.fullmatch(r"\d{2}:\d{2}", clock):
                start = datetime.fromisoformat(f"{v}T{clock}")
                return start, start + timedelta(minutes=1)
            return start, end
        if clock:
            return None
        if re.fullmatch(r"\d{4}-\d{2}", v):
            y, m = map(int, v.split("-"))
            return datetime(y, m, 1), datetime(y, m, calendar.monthrange(y, m)[1]) + timedelta(days=1)
        if re.fullmatch(r"\d{4}", v):
            return datetime(int(v), 1, 1), datetime(int(v) + 1, 1, 1)
        if re.fullmatch(r"\d{3}", v):
            return datetime(int(v) * 10, 1, 1), datetime(int(v) * 10 + 10, 1, 1)
        m2 = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
        if m2:
            y, s = int(m2[1]), m2[2]
            end_d = _season_end(y, s)
            return datetime(y, _SEASON_START[s], 1), datetime(end_d.year, end_d.month, 1)
        m2 = re.fullmatch(r"(\d{4})-Q([1-4])", v)
        if m2:
            y, q = int(m2[1]), int(m2[2])
            return datetime(y, 3 * q - 2, 1), (datetime(y, 3 * q + 1, 1) if q < 4 else datetime(y + 1, 1, 1))
        m2 = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v)
        if m2:
            start = datetime.fromisocalendar(int(m2[1]), int(m2[2]), 6 if m2[3] else 1)
            return start, start + timedelta(days=2 if m2[3] else 7)
    except ValueError:
        return None
    return None


def relation(a: TimeExpr | str | None, b: TimeExpr | str | None) -> str:
    """How two time values relate: ``equal``, ``inside`` (a within b), ``contains``, ``overlap``,
    ``disjoint`` (they cannot denote the same time) or ``unknown`` (not comparable: a vague relative
    value against a date, a duration against a date, an unresolved weekday against a month ...)."""
    va = a.value if isinstance(a, TimeExpr) else a
    vb = b.value if isinstance(b, TimeExpr) else b
    if va is None or vb is None:
        return "unknown"
    if va == vb:
        return "equal"
    da, db = _duration_seconds(va), _duration_seconds(vb)
    if da is not None and db is not None:
        lo_a, hi_a = _duration_bounds(da, a)
        lo_b, hi_b = _duration_bounds(db, b)
        if abs(da - db) < 1e-6 * max(da, db):
            return "equal"
        return "overlap" if lo_a <= hi_b and lo_b <= hi_a else "disjoint"
    if va.startswith("WEEKDAY:") or vb.startswith("WEEKDAY:"):
        return _weekday_relation(va, vb)
    if va.startswith("XXXX-") or vb.startswith("XXXX-"):
        return _partial_relation(va, vb)
    if va.startswith("T") and vb.startswith("T"):
        return "disjoint"  # two different clock times
    ia, ib = _interval(va), _interval(vb)
    if ia is None or ib is None:
        symbolic = re.compile(r"REL:(-?\+?\d+):(\w+)")
        ma, mb = symbolic.fullmatch(va), symbolic.fullmatch(vb)
        if ma and mb and ma[2] == mb[2]:
            return "disjoint"
        return "unknown"
    (a0, a1), (b0, b1) = ia, ib
    if a1 <= b0 or b1 <= a0:
        return "disjoint"
    if b0 <= a0 and a1 <= b1:
        return "inside"
    if a0 <= b0 and b1 <= a1:
        return "contains"
    return "overlap"


def _duration_bounds(seconds: float, expr: TimeExpr | str | None) -> tuple[float, float]:
    mod = expr.mod if isinstance(expr, TimeExpr) else None
    if mod == "MORE_THAN":
        return seconds, seconds * 2
    if mod == "LESS_THAN":
        return seconds * 0.5, seconds
    if mod == "APPROX":
        return seconds * 0.8, seconds * 1.2
    return seconds, seconds


def _weekday_relation(va: str, vb: str) -> str:
    def weekday(v: str) -> int | None:
        if v.startswith("WEEKDAY:"):
            return _DAY_NAMES.index(v[8:11])
        if re.match(r"\d{4}-\d{2}-\d{2}", v):
            return date.fromisoformat(v[:10]).weekday()
        return None

    wa, wb = weekday(va), weekday(vb)
    if wa is None or wb is None:
        return "unknown"
    return "disjoint" if wa != wb else ("inside" if va.startswith("WEEKDAY:") and vb[:1].isdigit() else "overlap")


def _partial_relation(va: str, vb: str) -> str:
    pa, pb = va.split("T")[0].split("-")[1:], vb.split("T")[0].split("-")[1:]
    if not all(p.isdigit() for p in pa + pb):
        return "unknown"
    common = min(len(pa), len(pb))
    if pa[:common] != pb[:common]:
        return "disjoint"
    return "overlap"


def compatible(a: TimeExpr | str | None, b: TimeExpr | str | None) -> bool | None:
    """True when the two can denote the same time, False when they cannot, None when unknown.

    "FUTURE:months" against "2021-SU" is ``None``: not a contradiction, but not the same timing
    either; callers report it as a difference using :func:`describe` for both sides.
    """
    rel = relation(a, b)
    if rel == "unknown":
        return None
    return rel != "disjoint"


def describe(value: TimeExpr | str | None) -> str:
    """A short English description of a value, for reports: "2021-SU" -> "summer 2021"."""
    v = value.value if isinstance(value, TimeExpr) else value
    if v is None:
        return "unspecified time"
    m = re.fullmatch(r"(FUTURE|PAST):(\w+)", v)
    if m:
        return f"{'in the coming' if m[1] == 'FUTURE' else 'in recent'} {m[2]} (unspecified)"
    simple = {"PAST_REF": "recently (unspecified)", "FUTURE_REF": "soon (unspecified)", "PRESENT_REF": "now"}
    if v in simple:
        return simple[v]
    if v.startswith("WEEKDAY:"):
        return f"a {calendar.day_name[_DAY_NAMES.index(v[8:11])]}" + (f" {_part_name(v)}" if "T" in v else "")
    m = re.fullmatch(r"REL:([-+]?\d+):(\w+)", v)
    if m:
        n, unit = int(m[1]), _SEASON_NAMES.get(m[2], m[2])
        return {0: f"this {unit}", -1: f"last {unit}", 1: f"next {unit}"}.get(
            n, f"{abs(n)} {unit}s {'ago' if n < 0 else 'ahead'}"
        )
    seconds = _duration_seconds(v)
    if seconds is not None or v.startswith("PX"):
        md = _DURATION.fullmatch(v)
        if md:
            clock = next((g for g in "HMS" if md[g]), "H")
            count, letter = (md["n"], md["u"]) if md["n"] else (md[clock], "T" + clock)
            names = {"CE": "century", "DE": "decade", "Y": "year", "M": "month", "W": "week", "D": "day",
                     "TH": "hour", "TM": "minute", "TS": "second"}  # fmt: skip
            if count == "X":
                return f"{names[letter]}s (unspecified number)"
            return f"{count} {names[letter]}{'' if count == '1' else 's'}"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if m:
        return f"{_SEASON_NAMES[m[2]]} {m[1]}"
    day = v.split("T")[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            d = date.fromisoformat(day)
            text = f"{d.day} {calendar.month_name[d.month]} {d.year}"
            return text + (f" {_part_name(v)}" if "T" in v else "")
        if re.fullmatch(r"\d{4}-\d{2}", v):
            return f"{calendar.month_name[int(v[5:])]} {v[:4]}"
    except ValueError:
        return v
    if re.fullmatch(r"\d{3}", v):
        return f"the {v}0s"
    return v


def _part_name(v: str) -> str:
    clock = v.split("T", 1)[1]
    names = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
    return names.get(clock, f"at {clock}")


def weekday_value(day: date) -> str:
    """The value of a weekday without its date ("WEEKDAY:sat" for 8 June 2013)."""
    return f"WEEKDAY:{_DAY_NAMES[day.weekday()]}"


def from_publication(text: str, language: str | None = "en") -> bool:
    """Does a time expression name a day by its distance from the publication ("yesterday",
    "this morning", "hier", "вчера")?"""
    if (language or "")[:2].lower() in ("ja", "zh"):
        return _CJK_DEICTIC.search(text) is not None
    return _from_publication_re(_lang(language)).search(text) is not None


@cache
def _from_publication_re(lang: str) -> re.Pattern[str]:
    words = sorted({*_DEICTIC_DAYS["en"], *_DEICTIC_DAYS[lang]}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)|\bthis\s+(?:morning|afternoon|evening)\b", re.IGNORECASE)
