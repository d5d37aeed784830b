"""Publication dates: parse metadata values and recognise dateline lines at the top of a body.

:func:`parse_date` turns whatever an input gave (ISO 8601, RFC 2822, epoch seconds, English or
tokenised textual dates such as ``"Published : July 28 , 2004 at 1 : 24 PM"``) into an aware UTC
datetime, or ``None``.  :func:`find_dateline` looks at the first lines of a body for a line that is
*only* a date (with optional labels like ``Posted``/``Updated :``, a weekday, a time and a time
zone) so the cleaner can use it as the publication date and drop it from the text.

Textual dates are checked token by token against a closed vocabulary (month and weekday names in
English, Spanish, Italian, Dutch, French, German and Portuguese, numbers, times, time zones and a
few label words): a line with ordinary words in it is never a dateline.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from dateutil import parser as _dateutil  # type: ignore[import-untyped, unused-ignore]

__all__ = ["find_dateline", "is_dateline", "parse_date"]

logger = logging.getLogger(__name__)

MIN_YEAR = 1900
MAX_DATELINE_CHARS = 120
DATELINE_WINDOW = 3  # non-empty lines examined at the top of a body

_MONTHS: dict[str, int] = {}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _add_months(names: str) -> None:
    for number, group in enumerate(names.split(";"), start=1):
        for name in group.split(","):
            if name.strip():
                _MONTHS[name.strip()] = number


# English (full, abbreviations), Spanish, Italian, Dutch, French, German, Portuguese.
_add_months(
    "january,jan;february,feb;march,mar;april,apr;may;june,jun;july,jul;august,aug;"
    "september,sep,sept;october,oct;november,nov;december,dec"
)
_add_months("enero;febrero;marzo;abril;mayo;junio;julio;agosto;septiembre,setiembre;octubre;noviembre;diciembre")
_add_months("gennaio;febbraio;marzo;aprile;maggio;giugno;luglio;agosto;settembre;ottobre;novembre;dicembre")
_add_months("januari;februari;maart,mrt;april;mei;juni;juli;augustus;september;oktober,okt;november;december")
_add_months("janvier;février,fevrier;mars;avril;mai;juin;juillet;août,aout;septembre;octobre;novembre;décembre")
_add_months("januar,jänner;februar;märz,maerz;april;mai;juni;juli;august;september;oktober;november;dezember")
_add_months("janeiro;fevereiro;março,marco;abril;maio;junho;julho;agosto;setembro;outubro;novembro;dezembro")

_WEEKDAYS = _words(
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag"
)

# Label and connective words that may surround a date in a dateline ("Last updated on :").
_LABELS = _words(
    "published publish posted updated update last first originally edited modified created story time "
    "date release released on at de del el le il om op um het"
)
# Labels after which a *second* date starts ("Posted May 2 ... Updated May 3"): cut the line there.
_SECOND_DATE_LABELS = frozenset({"updated", "update", "last", "edited", "modified"})

# Hours offset of time-zone abbreviations seen in news datelines ("ET" taken as EST).
_TZ_HOURS: dict[str, float] = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "ist": 5.5, "hkt": 8, "sgt": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "awst": 8,
    "est": -5, "edt": -4, "et": -5, "cst": -6, "cdt": -5, "ct": -6, "mst": -7, "mdt": -6, "mt": -7,
    "pst": -8, "pdt": -7, "pt": -8, "akst": -9, "akdt": -8, "hst": -10,
}  # fmt: skip
_FILLERS = frozenset({"hrs", "h", "uk", "local"})  # "01 : 19 hrs", "8 : 05am UK"
_AGENCIES = frozenset({"afp", "ap", "reuters", "tnn", "pti", "ians", "upi", "dpa", "efe", "ansa", "cna"})

_SEPARATORS = frozenset(",.|-/@():;·")
# every word a dateline token can be without being a "word" (see _tokenise)
_DATE_WORDS = frozenset(_MONTHS) | _WEEKDAYS | {"am", "pm"} | frozenset(_TZ_HOURS) | _FILLERS | _LABELS


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # month weekday num time numdate ampm tz label sep word
    text: str
    raw: str = ""


def parse_date(value: str | int | float | datetime | None) -> datetime | None:
    """An aware UTC datetime from a metadata value, or ``None`` when it is not a usable date.

    Accepts datetimes (naive ones are taken as UTC), epoch seconds of at least nine digits
    (milliseconds when the number is too large for seconds), ISO 8601, RFC 2822 and textual dates ("May 03 , 2013",
    "December 15th , 2008 , 7 : 35 am", "1 de marzo de 2008").  Dates without a year, day and
    month, and years before 1900 or after next year, give ``None``.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _checked(_as_utc(value))
    if isinstance(value, int) and 19000101 <= value <= 21001231:
        return parse_date(str(value))  # 20210301, as the text "20210301" reads
    if isinstance(value, int | float):
        # as for text, at least nine digits (1973 on): 12345 or 2021 is no timestamp
        return _from_epoch(float(value)) if abs(value) >= 1e8 else None
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"-?\d{9,13}(?:\.\d+)?", text):
        return _from_epoch(float(text))
    iso = _from_iso(text)
    if iso is not None:
        return _checked(iso)
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        try:
            return _checked(_as_utc(parsedate_to_datetime(text)))
        except (TypeError, ValueError):
            pass
    return _parse_textual(text, strict=False)


_DIGIT = re.compile(r"\d")
_MAX_DATELINE_CHARS = 160


def _could_be_dateline(line: str) -> bool:
    """Cheap prefilter: a dateline is short and has a digit (most lines are neither)."""
    return len(line) <= _MAX_DATELINE_CHARS and _DIGIT.search(line) is not None


def is_dateline(line: str) -> bool:
    """True when the whole line is a date (a dateline), not a sentence that contains one."""
    return _could_be_dateline(line) and _parse_textual(line, strict=True) is not None


def find_dateline(lines: Sequence[str]) -> tuple[datetime | None, int | None]:
    """The date of a dateline among the first three non-empty lines, and that line's index.

    ``(None, None)`` when none of them is a dateline.  The index points into ``lines`` (empty
    lines included), so the caller can drop exactly that line.
    """
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > DATELINE_WINDOW:
            break
        if not _could_be_dateline(line):
            continue
        found = _parse_textual(line, strict=True)
        if found is not None:
            logger.debug("dateline %r at line %d -> %s", line, index, found.isoformat())
            return found, index
    return None, None


# --- textual dates ------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).lower().strip()
    s = s.replace("—", " - ").replace("–", " - ").replace("°", " ").replace("º", " ").replace("\t", " ")
    s = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", s)  # 15th, 2nd, 09th
    s = re.sub(r"(\d)\s*([ap])\s*\.\s*m\b\s*\.?", r"\1 \2m ", s)  # 7 : 35 a . m .
    # Offsets: "GMT+02 : 00", "( GMT+05 : 00 )", "GMT+01 : 0".
    s = re.sub(
        r"\b(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?:\s*:?\s*(\d{1,2}))?",
        lambda m: f" {m.group(1)}{int(m.group(2)):02d}{int(m.group(3) or 0):02d} ",
        s,
    )
    s = re.sub(r"(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?", _join_time, s)  # 11 : 41 -> 11:41
    # "03 . 31 BST", "05 . 51AM IST": a dotted time only before am/pm or a zone.
    s = re.sub(r"\b(\d{1,2})\s*\.\s*(\d{2})(?=\s*(?:am|pm|hrs|[a-z]{2,4}t)\b)", r"\1:\2", s)
    s = re.sub(r"\b(\d{1,2}:\d{2}(?::\d{2})?)\s*([ap])(?:m\b|\b)", r"\1 \2m", s)  # 5:03p, 1:10pm
    # "1052 GMT ( 1852 HKT )": a four-digit clock time before a zone, when it cannot be a year.
    s = re.sub(
        r"\b([01]\d|2[0-3])([0-5]\d)(?=\s+(?:gmt|utc|[a-z]{2,4}t)\b)",
        lambda m: f"{m.group(1)}:{m.group(2)}" if int(m.group(0)) < MIN_YEAR else m.group(0),
        s,
    )
    # Numeric dates "2 / 3 / 2009", "16 / 08 / 2011", "2012-02-29", "11.11.2011".
    s = re.sub(r"\b(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2,4})\b", r" \1/\3/\4 ", s)
    return s


def _join_time(match: re.Match[str]) -> str:
    hour, minute, second = match.group(1), match.group(2), match.group(3)
    if int(hour) > 23 or int(minute) > 59:
        return match.group(0)
    return f"{hour}:{minute}" + (f":{second}" if second else "")


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_TOKEN_RE = re.compile(r"[+-]\d{4}\b|\d+(?:[:/]\d+)*|[^\W\d_]+\.?|\S")
_OFFSET = re.compile(r"[+-]\d{4}")
_NUMDATE = re.compile(r"\d+/\d+/\d+")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


def _tokenise(normalised: str, original: str) -> list[_Token]:
    tokens: list[_Token] = []
    raw_words = {w.lower(): w for w in _LETTER_RUN.findall(original)}
    for piece in _TOKEN_RE.findall(normalised):
        word = piece.rstrip(".")
        if _OFFSET.fullmatch(piece):
            tokens.append(_Token("tz", piece))
        elif _NUMDATE.fullmatch(piece):
            tokens.append(_Token("numdate", piece))
        elif _CLOCK.fullmatch(piece):
            tokens.append(_Token("time", piece))
        elif piece.isdigit():
            tokens.append(_Token("num", piece))
        elif word in _MONTHS:
            tokens.append(_Token("month", word))
        elif word in _WEEKDAYS:
            tokens.append(_Token("weekday", word))
        elif word in ("am", "pm"):
            tokens.append(_Token("ampm", word))
        elif word in _TZ_HOURS:
            tokens.append(_Token("tz", word))
        elif word in _FILLERS:
            tokens.append(_Token("filler", word))
        elif word in _LABELS:
            tokens.append(_Token("label", word))
        elif piece in _SEPARATORS or (len(piece) == 1 and not piece.isalnum()):
            tokens.append(_Token("sep", piece))
        else:
            tokens.append(_Token("word", word, raw_words.get(word, word)))
    return tokens


def _acceptable_words(tokens: list[_Token]) -> bool:
    """Words outside the date vocabulary: at most two, each an ALL-CAPS place or a news agency."""
    words = [t for t in tokens if t.kind == "word"]
    if len(words) > 2:
        return False
    return all(t.text in _AGENCIES or (len(t.raw) >= 2 and t.raw.isupper()) for t in words)


def _first_date_segment(tokens: list[_Token]) -> list[_Token]:
    """The tokens up to where a second, "Updated ..." date starts."""
    has_date = False
    for i, tok in enumerate(tokens):
        if tok.kind in ("month", "numdate") or (tok.kind == "num" and len(tok.text) == 4):
            has_date = True
        elif has_date and tok.kind == "label" and tok.text in _SECOND_DATE_LABELS:
            return tokens[:i]
    return tokens


def _drop_parenthesised(tokens: list[_Token]) -> list[_Token]:
    """Drop "( 1852 HKT )"-style groups; keep a group that holds only a zone ("( GMT+05:00 )")."""
    out: list[_Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "sep" and tok.text == "(":
            j = i + 1
            while j < len(tokens) and tokens[j].text != ")":
                j += 1
            inner = [t for t in tokens[i + 1 : j] if t.kind != "sep"]
            if inner and all(t.kind == "tz" for t in inner):
                out.extend(inner)
            elif not inner or j >= len(tokens):
                pass
            elif i == 0 and j == len(tokens) - 1:  # the whole line is in parentheses
                out.extend(tokens[i + 1 : j])
            i = j + 1
            continue
        out.append(tok)
        i += 1
    return out


def _wordy(text: str) -> bool:
    """True when an ASCII line has more than two runs of 3+ letters outside the date vocabulary:
    each of them is a "word" token whatever the normalisation does (it changes only shorter runs,
    and removes "gmt"/"utc", which are in the vocabulary), so :func:`_acceptable_words` would
    reject the line.  A cheap test before normalising and tokenising (most lines are sentences)."""
    if not text.isascii():
        return False
    found = 0
    for run in _LETTER_RUN.findall(text):
        if len(run) >= 3 and run.lower() not in _DATE_WORDS:
            found += 1
            if found > 2:
                return True
    return False


def _parse_textual(text: str, *, strict: bool) -> datetime | None:
    """Parse a textual date; ``strict`` (datelines) also rejects lines with words in them."""
    if strict and (len(text.strip()) > MAX_DATELINE_CHARS or not text.strip() or _wordy(text)):
        return None
    normalised = _normalise(text)
    tokens = _tokenise(normalised, text)
    if strict and not _acceptable_words(tokens):
        return None
    tokens = [t for t in tokens if t.kind != "word"]
    tokens = _drop_parenthesised(_first_date_segment(tokens))
    has_month = any(t.kind == "month" for t in tokens)
    has_numdate = any(t.kind == "numdate" for t in tokens)
    if not (has_month or has_numdate):
        return None
    if strict and sum(t.kind in ("month", "numdate") for t in tokens) > 1:
        return None  # two different dates left ("May 2 to June 3"): not a plain dateline
    parts: list[str] = []
    offset: float | None = None
    for tok in tokens:
        if tok.kind == "month":
            parts.append(_ENGLISH_MONTHS[_MONTHS[tok.text] - 1])
        elif tok.kind in ("num", "time", "numdate", "ampm"):
            parts.append(tok.text)
        elif tok.kind == "tz" and offset is None:
            offset = _tz_offset(tok.text)
    return _dateutil_parse(" ".join(parts), offset)


_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")  # fmt: skip


def _tz_offset(token: str) -> float:
    if token[0] in "+-":
        sign = -1 if token[0] == "-" else 1
        return sign * (int(token[1:3]) + int(token[3:5]) / 60)
    return _TZ_HOURS[token]


def _dateutil_parse(text: str, offset: float | None) -> datetime | None:
    """Parse with dateutil twice, with different defaults: a part that changes was not given."""
    results: list[datetime] = []
    for default in (datetime(2000, 1, 1), datetime(2001, 2, 2)):
        try:
            results.append(_dateutil.parse(text, default=default, fuzzy=False, ignoretz=True))
        except (ValueError, OverflowError) as exc:  # dateutil's ParserError is a ValueError
            logger.debug("not a date: %r (%s)", text, exc)
            return None
    first, second = results
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # year, month or day missing: "APR 28", "May 2013"
    tz = timezone(timedelta(hours=offset)) if offset is not None else UTC
    return _checked(first.replace(tzinfo=tz).astimezone(UTC))


# --- other formats ------------------------------------------------------------------------------


def _from_iso(text: str) -> datetime | None:
    candidate = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    if not re.match(r"^\d{4}-?\d{2}-?\d{2}(?:T|$)", candidate):
        return None
    try:
        return _as_utc(datetime.fromisoformat(candidate))
    except ValueError:
        return None


def _from_epoch(seconds: float) -> datetime | None:
    if abs(seconds) >= 1e11:  # milliseconds
        seconds /= 1000.0
    try:
        return _checked(datetime.fromtimestamp(seconds, tz=UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _checked(value: datetime) -> datetime | None:
    if value.year < MIN_YEAR or value.year > datetime.now(UTC).year + 1:
        return None
    return value
