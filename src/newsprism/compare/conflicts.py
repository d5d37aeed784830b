"""Differences between aligned statements: numbers, times, and framing.

Only statements already aligned into one fact are compared, so a difference is always about the
same piece of information:

- ``number``: both give a quantity of the same kind (same unit or counted noun; a distance or
  size with the same words after it; a quake's magnitude) with different values ("ten diplomats"
  vs "12 diplomats"; words and digits compared as numbers), or a different tally of one vote
  ("51 to 49" vs "52-48");
- ``date``: both give a time for it and the times differ or cannot be the same ("in the coming
  months" vs "later this summer", "Tuesday" vs "Wednesday");
- ``framing``: both name the same thing but describe it in different words ("an Arctic Council
  summit" vs "the Arctic Council ministerial meeting"; "hold off on punishing the company
  overseeing Nord Stream 2" vs "the lifting of sanctions for Nord Stream 2").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..nlp.counted import MEASURE_KEYS, counted_key, magnitude_in, role_in, toll_key
from ..nlp.numbers import CURRENCIES, Quantity, same_quantity
from ..nlp.stopwords import function_words_for
from ..nlp.timex import compatible, from_publication, weekday_value
from ..nlp.tokenize import LETTERS, stem
from .base import Conflict, ConflictSide, Span, Statement

__all__ = ["Annotated", "find_conflicts", "strip_time_of_day"]

_WORD = re.compile(rf"{LETTERS}(?:['’-]{LETTERS})*")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s[-–—]\s")
_CUES = re.compile(
    r"\b(?:said|says|saying|announced|announces|announcing|reported|reports|declared|stated|"
    r"confirmed|told|added|that|which|who|after|when|while|as)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Time:
    start: int
    end: int
    text: str
    value: str | None
    description: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """A named thing in a statement (``name`` canonical) and where it is."""

    start: int
    end: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Annotated:
    """A statement with what the finders saw in it (offsets are absolute in the article text)."""

    statement: Statement
    group: str
    quantities: tuple[Quantity, ...] = ()
    times: tuple[Time, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    language: str | None = None
    # the year of an earlier event the statement tells of: all its dates fall in that year, before
    # its article was published ("the quake-triggered tsunami of 2004 killed 230,000 people" in a
    # report of 2012); its numbers are compared only with numbers of that year
    era: str | None = None


def _side(a: Annotated, start: int, end: int, value: str, normalized: str | None = None) -> ConflictSide:
    return ConflictSide(a.statement.article, start, end, value, normalized)


def _context(items: Sequence[Annotated]) -> tuple[Span, ...]:
    return tuple(Span(a.statement.article, a.statement.start, a.statement.end) for a in items)


# Distances, sizes and durations in one sentence usually measure different things (a quake's depth
# and its distance from a town), so they are compared only where the words after them agree too
# ("40 kilometres from Talca" / "90 kilometres from Talca"); counts, money and shares always are.
_MEASURES = frozenset(
    """mile miles kilometer kilometers kilometre kilometres km feet foot meters metres meter metre inches
    inch yards yard acres acre hectares degrees degree magnitude minutes minute hours hour seconds
    second days day weeks week months month years year kg kilograms pounds tons tonnes""".split()
)


def _number_conflicts(
    items: Sequence[Annotated],
    stated: Mapping[tuple[str, str], Sequence[Quantity]],
    key: Callable[[Annotated, Quantity], str | None] | None = None,
) -> list[Conflict]:
    """Quantities of one kind (same unit or counted noun) that the sources cannot all agree on:
    "ten" and "10" agree, "$1.2bn" and "$1,200,000,000" agree, "about 300" and "310" agree.
    ``stated``: every quantity each source group gives anywhere in the story, by its kind; two values are
    only a conflict when neither source gives the other's value elsewhere ("$334 million" in one
    report against "$281 million" in the aligned clause of another that also says "AMD will pay
    $334 million, including $281 million in cash": a part, not another price).
    ``key``: what a quantity counts, as keyed across languages (:func:`_across_kind`); then only
    values of two languages are compared (values of one language are compared by their own words)."""
    out: list[Conflict] = []
    by_unit: dict[str, list[tuple[Annotated, Quantity]]] = {}
    kind_of = key or _kind_in_era
    for a in items:
        for k, q in enumerate(a.quantities):
            kind = kind_of(a, q) if q.value and not _converted(a, k) else None
            if kind:
                # across languages the key says what is counted: values are compared as numbers, and
                # without their sign ("fell by -3.16 %" against "è sceso del 3,16 %")
                by_unit.setdefault(kind, []).append((a, _unsigned(q) if key else q))
    for unit, found in sorted(by_unit.items()):
        groups = {a.group for a, _ in found}
        if len(groups) < 2:
            continue
        unit_words = frozenset(stem(w) for w in _WORD.findall(unit.lower()))
        # a count with its role ("people injured") or a quake's magnitude says what it is about: it
        # is compared by the names around it only
        specific = unit.startswith("magnitude") or not _ROLES.keys().isdisjoint(unit.split())
        # is there one value every source group gives (up to rounding and hedges)?
        agreed = any(all(any(same_quantity(q, r) for b, r in found if b.group == g) for g in groups) for _, q in found)
        if agreed:
            continue
        if key is None:
            listing = {g for g in groups if _lists(stated.get((g, unit), ()))}
        else:  # across languages: a source listing in the aligned statements themselves
            listing = {g for g in groups if _lists([q for b, q in found if b.group == g])}
        if not any(
            a.group != b.group
            and (a.language != b.language) == (key is not None)  # one language by its words, two by the keys
            and a.group not in listing
            and b.group not in listing
            and not _alike(a, q, r)  # "four dead, including the gunman" / "killed three"
            and not _alike(b, r, q)
            and not _states(stated.get((b.group, unit), ()), q)
            and not _states(stated.get((a.group, unit), ()), r)
            and _same_subject(a, q.start, q.end, b, r.start, r.end, unit_words, 0 if specific else _AROUND)
            for a, q in found
            for b, r in found
        ):
            continue
        sides: list[ConflictSide] = []
        seen: set[tuple[str, float]] = set()
        for a, q in found:
            if (a.group, q.value) not in seen:
                seen.add((a.group, q.value))
                sides.append(_side(a, q.start, q.end, q.text, _num(q.value)))
        out.append(Conflict("number", unit, tuple(sides), _context(items)))
    return out


# -- one thing or several? -------------------------------------------------------------------
# Aligned statements share most of their words, yet two values in them are often about different
# things: "Hansbrough scored 20 points" / "needed nine points to pass Ford"; "the Nationals offered
# $160 million" / "the Red Sox offered $200MM"; "a vigil is planned for Sunday" / "the clashes on
# Saturday".  Two values are told apart only when the words right around them say they are about
# the same thing.
_AROUND = 5  # content words on each side of a value
# a time is compared by the words right next to it: what happened then ("was indicted", "died
# early"), not the whole sentence's ("convicted … Thursday" / "sentenced … on Tuesday following
# his conviction" are two events); a vague time ("in the coming months", "later this summer") is of
# the plan the clause tells of, and compared like a number
_TIME_AROUND = 2
_NOT_ABOUT = frozenset(
    """said says told according reported reports added stated announced monday tuesday wednesday thursday
    friday saturday sunday today yesterday tomorrow tonight morning afternoon evening night last ago week
    weeks month months year years day days""".split()
)


def _about(a: Annotated, start: int, end: int, skip: frozenset[str], reach: int = _AROUND) -> set[str]:
    """The stems of the content words around a value (``skip``: the stems of its unit); names are
    left to :func:`_names_around`."""
    text, base = a.statement.text, a.statement.start
    stop = function_words_for(a.language)
    names = [(x.start - base, x.end - base) for x in a.anchors]

    def content(lo: int, hi: int) -> list[str]:
        out = []
        for m in _WORD.finditer(text, lo, hi):
            w = m.group().lower()
            if len(w) < 2 or w in stop or w in _NOT_ABOUT or any(c.isdigit() for c in w):
                continue
            if not any(s <= m.start() < e for s, e in names):
                out.append(stem(w))
        return out

    before = content(0, start - base)[-reach:] if reach else []
    after = content(end - base, len(text))[:reach] if reach else []
    return set(before + after) - skip


# who a value is about; places are not compared ("Russian President Vladimir Putin" names Russia,
# "a summit … in Europe" Europe, and one holds the other)
_ACTORS = ("person", "organisation")


def _names_around(a: Annotated, start: int, end: int) -> dict[str, set[str]]:
    """The people (by surname: "Clark" is "Earl Clark") and organisations named in the clause of a
    value, by kind; the clause after it too when the value opens the sentence alone ("On Tuesday,
    team officials placed … Chris Ivory on IR")."""
    text, base = a.statement.text, a.statement.start
    cs, ce = _clause(text, base, start, end)
    opening = not _WORD.search(text, 0, cs - base)  # nothing but punctuation before the clause
    if (
        opening
        and len(_WORD.findall(text[cs - base : ce - base])) - len(_WORD.findall(text[start - base : end - base])) < 2
    ):
        own = _CLAUSE_BREAK.search(text, ce - base)  # the break that ends the value's clause
        nxt = _CLAUSE_BREAK.search(text, own.end()) if own else None
        ce = base + (nxt.start() if nxt else len(text))
    out: dict[str, set[str]] = {}
    for x in a.anchors:
        if cs <= x.start and x.end <= ce and x.kind in _ACTORS:
            out.setdefault(x.kind, set()).add(x.name.split()[-1].casefold() if x.kind == "person" else x.name)
    return out


def _same_subject(
    a: Annotated, sa: int, ea: int, b: Annotated, sb: int, eb: int, skip: frozenset[str], reach: int = _AROUND
) -> bool:
    """Are a value of statement ``a`` at [sa, ea) and one of ``b`` at [sb, eb) about one thing?  Not
    when their clauses name different people or organisations, nor when no other word within
    ``reach`` content words of them agrees (``reach`` 0: the names only).  Words of two languages
    are not compared: yes."""
    if (a.language or "en") != (b.language or "en"):
        return True
    names_a, names_b = _names_around(a, sa, ea), _names_around(b, sb, eb)
    if any(not names_a[k] & names_b[k] for k in names_a.keys() & names_b.keys()):
        return False  # other people, other teams
    return not reach or bool(_about(a, sa, ea, skip, reach) & _about(b, sb, eb, skip, reach))


# A source that gives three or more values of one kind (a player's points, rebounds and the
# record; the prices of several models; several polls) is listing, and any of its values may be
# about another thing than the value it is compared with.
_LISTING = 3


def _lists(given: Sequence[Quantity]) -> bool:
    distinct: list[Quantity] = []
    for q in given:
        if not any(same_quantity(q, r) for r in distinct):
            distinct.append(q)
            if len(distinct) >= _LISTING:
                return True
    return False


_OPEN_BRACKET = re.compile(r"\s*\(\s*$")  # a hedge ("(about $1.5m") is in the quantity's span
_MONEY_BEFORE = re.compile(r"[$€£¥]\s?[A-Z]{0,3}\s?\d[\d.,]*(?:\s?(?:million|billion|trillion|bn|mn|m))?$")


def _converted(a: Annotated, k: int) -> bool:
    """Is the statement's ``k``-th quantity an amount of money converted, in brackets, from the one
    before it ("$US1 million ($1.52 million)", "€110 billion ($143 billion)")?  Rates differ by day
    and outlet; the amount is the one before."""
    q, base, text = a.quantities[k], a.statement.start, a.statement.text
    if q.unit not in CURRENCIES:
        return False
    before = text[: q.start - base]
    bracket = _OPEN_BRACKET.search(before)
    if bracket is None:
        return False
    prev = a.quantities[k - 1] if k else None
    if prev is not None and prev.unit in CURRENCIES and prev.end - base == bracket.start():
        return True
    return _MONEY_BEFORE.search(before, 0, bracket.start()) is not None  # "$US1 million", not read as money


def _states(given: Sequence[Quantity], q: Quantity) -> bool:
    """Does a source give ``q`` (a quantity of its kind, the same value up to rounding) somewhere?"""
    return any(same_quantity(q, r) for r in given)


_PARTITIVE = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)
_COMPARATIVE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:sooner|longer|shorter|more|fewer|less|higher|lower|faster|slower|"
    r"bigger|smaller|better|worse)\b(?!\s+than\s+\d)",
    re.IGNORECASE,
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]*(?:of\s+)?$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"^[\s-]*magnitude\b", re.IGNORECASE)


def quantity_kind(text: str, q: Quantity, language: str | None = None) -> str | None:
    """What a quantity found in ``text`` (offsets into it) counts or measures, as conflicts key it
    ("people dead", "miles north of", "magnitude"); None when that cannot be told."""
    return _kind(Annotated(Statement("", 0, len(text), text), "", language=language), q)


def _kind_in_era(a: Annotated, q: Quantity) -> str | None:
    """:func:`_kind`, of the statement's earlier event when it tells of one ("people dead (2004)")."""
    kind = _kind(a, q)
    return f"{kind} ({a.era})" if kind and a.era and _in_era(a, q) else kind


def _in_era(a: Annotated, q: Quantity) -> bool:
    """Is ``q`` of the statement's earlier event?  Not when the year comes after it in a clause of
    its own ("the 6.1-magnitude quake left hundreds injured as it rocked a region devastated by the
    tsunami of 2004")."""
    text, base = a.statement.text, a.statement.start
    year = re.search(rf"(?<!\d){a.era}(?!\d)", text)
    if year is None or year.start() < q.start - base:
        return True
    return _CUES.search(text, q.end - base, year.start()) is None


_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|confirmed|stated|recalled|noted|wrote|explained|warned)"
    r"\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


def era_of(times: Sequence[Time], published_year: int | None, statement: Statement | None = None) -> str | None:
    """The year a statement writes out ("the tsunami of 2004", "in March 2011"), when it writes one
    year only and that year is before ``published_year``.  A relative time of another year dates the
    statement's own event ("sparked landslides Tuesday, killing five … in a region devastated by the
    tsunami of 2004": Tuesday's), unless it dates a saying ("officials said on Tuesday" does not date
    what they said about)."""
    years = {t.value[:4] for t in times if t.value and t.value[:4].isdigit() and _YEAR.search(t.text)}
    if published_year is None or len(years) != 1:
        return None
    year = next(iter(years))
    if int(year) >= published_year:
        return None
    for t in times:
        if not (t.value and t.value[:4].isdigit()) or t.value[:4] == year or _YEAR.search(t.text):
            continue
        said = statement is not None and _SAID_BEFORE.search(statement.text, 0, t.start - statement.start)
        if not said:
            return None
    return year


_TOWARDS = frozenset("of from to".split())  # "north of", "away from": the place comes next


def _kind(a: Annotated, q: Quantity) -> str | None:
    """What a quantity counts or measures, as compared across sources: its counted noun or unit;
    for a measure, the unit with the two words after it ("kilometers from talca"); a quake's
    magnitude ("magnitude 7.1", "a 7.1-magnitude quake"); None when it cannot be told."""
    text, base = a.statement.text, a.statement.start
    before, after = text[: q.start - base], text[q.end - base :]
    if _MAGNITUDE_BEFORE.search(before) and q.unit not in _MEASURES and q.unit not in CURRENCIES:
        return _magnitude(text, q.end - base)  # "Magnitude 6.4 quake shakes …": no count of "shakes"
    if q.unit is None:
        if _MAGNITUDE_AFTER.match(after):
            return _magnitude(text, q.end - base)
        return _toll(a, q)  # "kills 23", "the death toll rose to 26": people dead
    if _COMPARATIVE.match(text, q.end - base):
        return None  # "five rounds sooner", "3 points higher": a difference, not a count
    if q.unit not in _MEASURES:
        role = _role(text, q.start - base, q.end - base) if a.language in (None, "en") else None
        if role is None and q.unit == "people":
            return _toll(a, q) or q.unit  # "the death toll … rose to 26 people"
        return f"{q.unit} {role}" if role else q.unit
    rest = text[q.end - base :]
    rest = rest[: m.start()] if (m := _CLAUSE_BREAK.search(rest)) else rest  # "15 years, was shot": no words after
    words = _WORD.findall(rest)
    following = words[1:3]  # the unit's own word first
    if len(following) == 2 and following[1].lower() in _TOWARDS and len(words) > 3:
        following.append(words[3])  # "miles east of Cloverdale" / "miles east of The Geysers"
        if following[-1].lower() in function_words_for(a.language) and len(words) > 4:
            following[-1] = words[4]
    return " ".join([q.unit, *(w.lower() for w in following)]) if len(following) >= 2 else None


def _magnitude(text: str, end: int) -> str:
    """ "magnitude", or "magnitude aftershock" when an aftershock follows it ("a magnitude 5.9
    aftershock" is not "the magnitude 7.8 quake" it followed)."""
    return "magnitude aftershock" if _AFTERSHOCK.search(text[end : end + 40]) else "magnitude"


def _toll(a: Annotated, q: Quantity) -> str | None:
    """The toll a bare number, or a count of people with no role, is ("people dead": :func:`toll_key`),
    not when it is a year."""
    if not math.isfinite(q.value) or _YEAR.fullmatch(q.text.strip()) or q.value != int(q.value):
        return None
    text, base = a.statement.text, a.statement.start
    return toll_key(text, q.start - base, q.end - base, a.language)


def _unsigned(q: Quantity) -> Quantity:
    """``q`` as a bare number: no unit, no sign (its direction is told by a verb in one language and
    by a minus in another)."""
    if q.value >= 0:
        return replace(q, unit=None)
    high = abs(q.high) if q.high is not None else None
    return replace(q, unit=None, value=abs(q.value), high=high)


# comparatives after an amount, in the languages the lexicon reads ("más", "больше", "mehr" ...)
_COMPARED = re.compile(
    r"(?<!\w)(?:más|menos|plus|moins|mehr|weniger|più|meno|mais|menos|meer|minder|больше|меньше|более|менее|"
    r"більше|менше|więcej|mniej|více|méně|daha|lebih|fazla|több|kevesebb)(?!\w)",
    re.IGNORECASE,
)
# an age written with its years ("de 72 años", "в возрасте 72 лет", "âgé de 72 ans", "72-летний")
_AGE = re.compile(
    r"(?:,\s*(?:de|di|da)\s+|(?:edad|età|idade|âgée?s?)\s+(?:de|di)\s+|возрасте\s+|віці\s+|wieku\s+|věku\s+|"
    r"leeftijd\s+van\s+|alter\s+von\s+)$",
    re.IGNORECASE,
)
_SHARE_POINTS = re.compile(
    r"(?<!\w)(?:porcentual\w*|percentuali|percentage|basis|básic\w*|base|procentn\w*|базисн\w*|процентн\w*|"
    r"відсотков\w*|procentow\w*|prozentpunkt\w*)(?!\w)",
    re.IGNORECASE,
)


def _across_kind(a: Annotated, q: Quantity) -> str | None:
    """What a quantity counts or measures, keyed alike in every language (nlp/counted.py): the
    English key of its noun or unit with what happened to what it counts ("people dead", "homes
    destroyed"), a currency, a quake's magnitude; None when the lexicon does not know its noun."""
    text, base, lang = a.statement.text, a.statement.start, a.language or "en"
    start, end = q.start - base, q.end - base
    found = counted_key(text, start, end, q.unit, lang)
    if found is None and q.unit is None:
        found = _toll(a, q)  # "la cifra de muertos ascendió a 15": people dead
    if (lang == "en" and (_kind(a, q) or "").startswith("magnitude")) or (
        (q.unit is None or found == "degrees") and magnitude_in(text, start, end, lang)  # "7,1 grados … Richter"
    ):
        key = _magnitude(text, end)
    else:
        if _COMPARATIVE.match(text, end) or _COMPARED.search(" ".join(_WORD.findall(text, end, end + 40)[:3])):
            return None  # "5 personas más que ayer", "на 5 человек больше": a difference
        if found is None or (found == "years" and (_YEAR.fullmatch(q.text.strip()) or _AGE.search(text, 0, start))):
            return None  # "референдума 2016 года" is a year; "El político, de 72 años" an age
        if found == "points" and _SHARE_POINTS.search(" ".join(_WORD.findall(text, end, end + 40)[:3])):
            return None  # "0,5 puntos porcentuales", "50 basis points": a change in a rate
        key = found
        if key not in MEASURE_KEYS and key not in CURRENCIES and " " not in key:
            role = _role(text, start, end) if lang == "en" else role_in(text, start, end, lang)
            if role is None and key == "people":
                key = _toll(a, q) or key  # "число погибших возросло до 26 человек"
            key = f"{key} {role}" if role else key
    return f"{key} ({a.era})" if a.era and _in_era(a, q) else key


# What happened to what a count counts, when the words next to it say ("killing at least five
# people", "three people were shot", "300 houses were damaged"): five people injured and one
# killed are two counts, not a conflict.  In order of precedence ("shot dead" is dead).
_ROLES = {
    "dead": "killed killing kill kills dead died die dies death deaths perished fatalities drowned lives",
    "injured": "injured injuring injures injury injuries wounded wounding hurt",
    "missing": "missing",
    "arrested": "arrested arresting detained detaining",
    "displaced": "evacuated evacuating displaced homeless",
    "rescued": "rescued rescuing",
    "shot": "shot shooting",
    "destroyed": "destroyed destroying collapsed flattened",
    "damaged": "damaged damaging",
}
_ROLE_OF = {w: role for role, words in _ROLES.items() for w in words.split()}
_ROLE_RANK = {role: k for k, role in enumerate(_ROLES)}
_ROLE_STOP = frozenset({"and", "but", "or", "while", "as", "after", "before", "when", "including"})


def _role(text: str, start: int, end: int) -> str | None:
    """The role word of a count in its clause: among the two words before it and the five after
    it (its counted noun first), up to a comma or a conjunction."""
    near: list[str] = []
    left = _CLAUSE_BREAK.split(text[:start])[-1]
    for w in reversed(_WORD.findall(left)[-2:]):
        if w.lower() in _ROLE_STOP:
            break
        near.append(w.lower())
    right = _CLAUSE_BREAK.split(text[end:], maxsplit=1)[0]
    for w in _WORD.findall(right)[:5]:
        if w.lower() in _ROLE_STOP:
            break
        near.append(w.lower())
    roles = {_ROLE_OF[w] for w in near if w in _ROLE_OF}
    return min(roles, key=_ROLE_RANK.__getitem__) if roles else None


# A vote or a score: "by a vote of 51 to 49", "a 52-48 vote", "won 3-1"; one per statement.
_TALLY = re.compile(
    r"(?<![\d.,/:-])(\d{1,4})\s*(?:-|\u2013|to)\s*(\d{1,4})(?!\d|[.,/:-]\d|\s*(?:p\.?m|a\.?m|percent|%)\b|\s*%)"
)
_TALLY_CONTEXT = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballots?|margin|tally|score[ds]?|won|wins?|beat|beats|defeated|lost|loses|"
    r"victory|defeat|confirmed|approved|passed|rejected)\b",
    re.IGNORECASE,
)


# a tally that is not the result: a run, an edge, a lead, a season's record ("the Colts ( 10 - 5 )",
# "a 15-2 run", "a 44-26 rebounding edge")
_NOT_FINAL = re.compile(
    r"\s*(?:\)|(?:(?!to\b)[a-z]+\s+)?(?:run|runs|edge|lead|advantage|deficit|record|spurt|start|halftime)\b)",
    re.IGNORECASE,
)
# a record or a score on the way: "Drake fell to 15-17", "closed to 47-44", "improved to 10-5"
_NOT_FINAL_BEFORE = re.compile(
    r"\b(?:fell|falls|fall|dropped|drops|slipped|improved|improves|moved|moves|closed|closes|cut\s+it|pulled)"
    r"\s+(?:with)?in\s+$|\b(?:fell|falls|fall|dropped|drops|slipped|improved|improves|moved|moves|closed|closes|"
    r"climbed|rose|went|pulled)\s+to\s+$",
    re.IGNORECASE,
)


def _tally_key(m: re.Match[str]) -> str:
    """A tally written either way round: "49 to 51" and "51-49" are "51-49"."""
    return "-".join(sorted(m.groups(), key=int, reverse=True))


def _tally_conflicts(items: Sequence[Annotated]) -> list[Conflict]:
    """Tallies of one vote or match ("51 to 49" / "52 to 48") that the sources give differently: a
    statement with exactly one tally and a word of voting or winning; years and times are no
    tallies, nor are runs, leads, records and scores on the way."""
    found: list[tuple[Annotated, re.Match[str]]] = []
    for a in items:
        text = a.statement.text
        tallies = [m for m in _TALLY.finditer(text) if not any(1800 <= int(g) <= 2100 for g in m.groups())]
        if len(tallies) != 1:
            continue
        m = tallies[0]
        final = not _NOT_FINAL.match(text, m.end()) and not _NOT_FINAL_BEFORE.search(text, 0, m.start())
        if final and _TALLY_CONTEXT.search(text):
            found.append((a, m))
    by_group: dict[str, set[str]] = {}
    for a, m in found:
        by_group.setdefault(a.group, set()).add(_tally_key(m))
    if len(by_group) < 2 or len(set().union(*by_group.values())) < 2 or any(len(v) > 1 for v in by_group.values()):
        return []
    sides = tuple(
        _side(
            a,
            a.statement.start + m.start(),
            a.statement.start + m.end(),
            m.group(),
            _tally_key(m),
        )
        for a, m in found
    )
    return [Conflict("number", "tally", sides, _context(items))]


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def strip_time_of_day(value: str) -> str:
    """A time value without its time-of-day part ("WEEKDAY:wedTEV" -> "WEEKDAY:wed")."""
    return re.sub(r"T(?:\d.*|[A-Z]{2})$", "", value)


def _granularity(value: str | None) -> str:
    """How precise a normalised time is: day, month, season, year, vague, duration, other."""
    if not value:
        return "other"
    if value.startswith(("FUTURE", "PAST", "PRESENT")):
        return "vague"
    if value.startswith("P"):
        return "duration"
    v = strip_time_of_day(value)
    if v.startswith("WEEKDAY:") or re.fullmatch(r"\d{4}-\d{2}-\d{2}|XXXX-\d{2}-\d{2}", v):
        return "day"
    if re.fullmatch(r"(?:\d{4}|XXXX)-(?:SP|SU|FA|WI)|REL:-?\d+:(?:SP|SU|FA|WI)", v):
        return "season"
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}|REL:-?\d+:month", v):
        return "month"
    if re.fullmatch(r"\d{4}|REL:-?\d+:year", v):
        return "year"
    return "other"


_SPANS = frozenset({"vague", "season", "month", "year"})


def _date_conflicts(items: Sequence[Annotated], topic: str) -> list[Conflict]:
    """Different times for the same thing: one time per source, of comparable precision (a vague
    "in the coming months" is compared with seasons, months and years, not with days)."""
    per_group: dict[str, list[tuple[Annotated, Time]]] = {}
    for a in items:
        for t in a.times:
            per_group.setdefault(a.group, []).append((a, t))
    if len(per_group) < 2 or any(len(v) != 1 for v in per_group.values()):
        return []
    timed = [v[0] for v in per_group.values()]
    values = {(t.value or t.description) for _, t in timed}
    if len(values) < 2 or len({t.text.lower() for _, t in timed}) < 2:
        return []
    kinds = {_granularity(t.value) for _, t in timed}
    vague = [t.value or "" for _, t in timed if _granularity(t.value) == "vague"]
    if kinds <= _SPANS and vague and len(vague) < len(timed) and all(v.startswith("FUTURE") for v in vague):
        pass  # "in the coming months" against "later this summer": different timing given for what is ahead
    elif len(kinds) == 1 and kinds not in ({"other"}, {"duration"}):
        # durations of aligned statements measure different things far more often than they
        # disagree ("15 years with the department" / "five years in the unit")
        days = {_day(t) for _, t in timed}
        if len(days) < 2:
            return []  # "Saturday" and "Saturday morning": the same day
        if kinds <= {"day", "month"} and _year_guessed(timed):
            return []  # "June 24" read in a later year than "Friday" (June 24, 2005): the year was a guess
        first = next(iter(sorted(days)))
        if any(compatible(first, d) is not False for d in sorted(days)[1:]):
            return []  # not certainly different (an unresolved weekday against a date ...)
        if any(from_publication(t.text, a.language) for a, t in timed) and _within_a_day([_day(t) for _, t in timed]):
            # "yesterday" and a day one off: publication dates are stored in UTC, not in the
            # writer's day, and a report is often dated by its update
            return []
    else:
        return []
    if not any(
        strip_time_of_day(t.value or "") != strip_time_of_day(u.value or "")
        and _same_subject(
            a, t.start, t.end, b, u.start, u.end, frozenset(), _AROUND if "vague" in kinds else _TIME_AROUND
        )
        for k, (a, t) in enumerate(timed)
        for b, u in timed[k + 1 :]
    ):
        return []
    sides = tuple(_side(a, t.start, t.end, t.text, t.value) for a, t in timed)
    return [Conflict("date", topic, sides, _context(items))]


_WEEKDAY_VALUES = tuple(weekday_value(date(2024, 1, 1 + k)) for k in range(7))  # Monday first
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _day(t: Time) -> str:
    """The day (or month, year) a time names, to compare; a weekday without a date is compared by
    its name: which "Saturday" a report of ten days later means was a guess ("on Saturday" and
    "Saturday 8 June 2013" are one day)."""
    day = strip_time_of_day(t.value or "")
    if _WEEKDAY_NAME.search(t.text) and not any(c.isdigit() for c in t.text) and re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return weekday_value(date.fromisoformat(day))
    return day


def _within_a_day(days: Sequence[str]) -> bool:
    """Are the days at most one day apart (a weekday without a date: by its name)?"""
    read: list[tuple[int, date | None]] = []
    for d in days:
        if d.startswith("WEEKDAY:"):
            read.append((_WEEKDAY_VALUES.index(d), None))
        elif re.fullmatch(r"\d{4}-\d\d-\d\d", d):
            day = date.fromisoformat(d)
            read.append((day.weekday(), day))
        else:
            return False

    def near(x: tuple[int, date | None], y: tuple[int, date | None]) -> bool:
        if x[1] is not None and y[1] is not None:
            return abs((x[1] - y[1]).days) <= 1
        return min((x[0] - y[0]) % 7, (y[0] - x[0]) % 7) <= 1

    return all(near(x, y) for x in read for y in read)


def _year_guessed(timed: Sequence[tuple[Annotated, Time]]) -> bool:
    """Do the days (or months) differ only by their year, which some sides did not write, while the
    sides that did agree among themselves?"""
    days = [(strip_time_of_day(t.value or ""), bool(_YEAR.search(t.text))) for _, t in timed]
    written = {d for d, explicit in days if explicit}
    return len({d[4:] for d, _ in days}) == 1 and len(written) <= 1 and any(not explicit for _, explicit in days)


def _content(words: list[str], language: str | None) -> set[str]:
    stop = function_words_for(language)
    return {stem(w.lower()) for w in words if w.lower() not in stop and len(w) > 1}


def _clause(text: str, offset: int, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` (absolute ``offset``) around the mention [start, end): bounded by
    punctuation and trimmed after the last reporting cue before the mention."""
    rel_s, rel_e = start - offset, end - offset
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, rel_s):
        left = m.end()
    right = len(text)
    m2 = _CLAUSE_BREAK.search(text, rel_e)
    if m2:
        right = m2.start()
    for m in _CUES.finditer(text, left, rel_s):
        left = m.end()
    while left < rel_s and text[left].isspace():
        left += 1
    while right > rel_e and text[right - 1] in " .\u201d\u201c\"'":
        right -= 1
    return offset + left, offset + right


# Actions whose wording carries a stance: the same act reported as "holding off on punishing" or as
# "lifting sanctions" is framed differently.  Stems (newsprism.nlp.tokenize.stem) of English words.
_ACTIONS = frozenset(
    stem(w)
    for w in """sanction sanctions sanctioning punish punishing punishment penalize penalty penalties lift
    lifting waive waiving waiver ban banning approve approving approval reject rejecting rejection block
    blocking veto halt halting suspend suspending suspension ease easing relax relaxing tighten
    tightening impose imposing drop dropping scrap scrapping abandon abandoning reverse reversing
    reversal uphold upholding overturn overturning condemn condemning praise praising endorse
    endorsing oppose opposing backing attack attacking crackdown concession concede conceding
    retreat retreating surrender punitive relief exemption exempt exempting""".split()
)

_PLACE_WORDS = (
    "inside outside into onto near over under through across around against without within after before "
    "during since than there here away back down up off out"
)
_NP_END = re.compile(
    r"\s*(?:$|[,.;:!?)\u2014\u2013]|(?:in|on|at|of|for|from|to|with|between|by|and|or|but|as|"
    + "|".join(_PLACE_WORDS.split())
    + r")\b)"
)
_NOT_NOUNS = frozenset(
    """was is are were be been has had have will would should could can may might must said says told
    did does do not also then now previously still already just very today yesterday tomorrow""".split()
    + _PLACE_WORDS.split()  # "threw Molotov cocktails inside": the cocktails, not a kind of them
)
_ING_NOUNS = frozenset(
    """meeting hearing briefing bombing shooting killing ruling funding spending building uprising landing
    offering opening closing signing gathering warning trading""".split()
)


def _head(text: str, offset: int, end: int) -> tuple[int, int] | None:
    """The one or two lower-case words right after a name that close its noun phrase: what the
    name is said to be ("an Arctic Council *summit* in" / "the Arctic Council *ministerial meeting*
    in").  None when the name is followed by anything else (a verb, a clause)."""
    tail = text[end - offset :]
    m = re.match(r" ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?", tail)
    if not m:
        return None
    for count in (2, 1):
        if m.group(count) is None:
            continue
        words = [m.group(i) for i in range(1, count + 1)]
        if any(
            w in _NOT_NOUNS or w.endswith(("ly", "ed")) or (w.endswith("ing") and w not in _ING_NOUNS) for w in words
        ):
            continue
        if _NP_END.match(tail, m.end(count)):
            return end + 1, end + m.end(count)
    return None


# What an organisation is, said in words that frame nothing ("Data Center Server Solutions
# business" / "group" / "business unit")
_PLAIN_HEADS = frozenset(
    """business businesses unit units group groups division divisions company companies firm firms arm
    operation operations segment segments department departments team teams organisation organization
    subsidiary branch corporation entity outfit brand""".split()
)


# Plain words for what a place or a publication is: "Zeitoun neighborhood" / "Zeitoun district",
# "Vanity Fair article" / "Vanity Fair magazine" say one thing
_PLAIN_PLACES = frozenset(
    """neighborhood neighbourhood district area quarter suburb region town city village province state
    county zone""".split()
)
_PLAIN_MEDIA = frozenset("article magazine report story piece interview column edition issue newspaper".split())


def _plain_heads(heads: Sequence[str]) -> bool:
    """Do the heads differ only by plain words for what an organisation, a place or a publication
    is, or by a hyphen ("co-ordinates" / "coordinates"), or does one head hold another's last word
    ("business" / "business unit")?"""
    if len({h.replace("-", "") for h in heads}) == 1:
        return True
    if any(all(set(h.split()) <= plain for h in heads) for plain in (_PLAIN_HEADS, _PLAIN_PLACES, _PLAIN_MEDIA)):
        return True
    words = [h.split() for h in heads]
    return all(a[-1] == b[-1] or a[-1] in b or b[-1] in a for k, a in enumerate(words) for b in words[k + 1 :])


# Kinds of things news names in words that frame them: a head noun of one family against another of
# the same family is a choice of words ("Arctic Council summit" / "ministerial meeting", "an attack"
# / "a massacre"); heads of no family or of two families name different things or say one thing
# plainly ("Kraft plant" / "Kraft shooting", "Waitrose store" / "supermarket", "SD card slot" /
# "reader"), and so do plain synonyms, which no family holds together ("talks" / "negotiations",
# "chief" / "head", "tax" / "levy").
_FRAMING_FAMILIES = tuple(
    frozenset(family.split())
    for family in (
        "summit meeting",
        "attack assault massacre slaughter atrocity incident clash",
        "protest demonstration riot unrest uprising rebellion revolt",
        "militant terrorist fighter rebel insurgent guerrilla separatist extremist jihadist gunman militia",
        "regime government administration junta",
        "invasion intervention incursion offensive occupation liberation operation war",
        "reform overhaul crackdown",
        "bailout rescue",
        "cut saving austerity",
        "migrant refugee immigrant illegal asylum-seeker alien",
        "death murder execution assassination killing",
        "compromise concession surrender capitulation",
        "leader dictator strongman tyrant autocrat",
    )
)


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"  # atrocities
    if noun.endswith(("sses", "shes", "ches", "xes")):
        return noun[:-2]  # bosses, crashes
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _framed(heads: Sequence[str]) -> bool:
    """Do the heads (lower case) end in different nouns of one framing family?"""
    nouns = {_singular(h.split()[-1]) for h in heads}
    return len(nouns) > 1 and any(nouns <= family for family in _FRAMING_FAMILIES)


def _framing_conflicts(items: Sequence[Annotated], mentions: dict[tuple[str, str], int]) -> list[Conflict]:
    """The same named thing (an organisation, event or project; not a person or place) called or
    described in different words by different sources.  Only names a source mentions in at most
    two statements: what a whole story is about is described in many ways without being framed."""
    out: list[Conflict] = []
    names: dict[str, list[tuple[Annotated, Anchor]]] = {}
    for a in items:
        seen: set[str] = set()
        for anchor in a.anchors:
            if anchor.kind in ("person", "place") or anchor.name in seen:
                continue
            seen.add(anchor.name)
            names.setdefault(anchor.name, []).append((a, anchor))
    for name, found in sorted(names.items()):
        if len({a.group for a, _ in found}) < 2:
            continue
        if any(mentions.get((a.group, name), 0) > 2 for a, _ in found):
            continue
        heads = [_head(a.statement.text, a.statement.start, anchor.end) for a, anchor in found]
        if all(h is not None for h in heads):
            texts = [
                a.statement.text[h[0] - a.statement.start : h[1] - a.statement.start].lower()
                for (a, _), h in zip(found, heads, strict=True)
                if h is not None
            ]
            if _framed(texts) and not _plain_heads(texts):
                # head nouns of one kind of thing differ: "summit" / "meeting"
                sides = tuple(
                    _side(
                        a,
                        anchor.start,
                        h[1],
                        a.statement.text[anchor.start - a.statement.start : h[1] - a.statement.start],
                    )
                    for (a, anchor), h in zip(found, heads, strict=True)
                    if h is not None
                )
                out.append(Conflict("framing", name, sides, _context(items)))
                continue
        sides_list = []
        bags = []
        lengths = []
        for a, anchor in found:
            st = a.statement
            cs, ce = _clause(st.text, st.start, anchor.start, anchor.end)
            phrase = st.text[cs - st.start : ce - st.start]
            sides_list.append(_side(a, cs, ce, phrase))
            lengths.append(len(phrase.split()))
            bags.append(_content(_WORD.findall(phrase), a.language) - _content(_WORD.findall(name), a.language))
        if any(len(b) < 2 for b in bags) or min(lengths) > 10:
            continue
        actions = [b & _ACTIONS for b in bags]
        if not all(actions) or len({frozenset(x) for x in actions}) < 2:
            continue  # framing: the same thing, each side acting on it in its own stance-laden words
        overlap = len(set.intersection(*bags)) / max(1, min(len(b) for b in bags))
        if overlap <= 0.2:
            out.append(Conflict("framing", name, tuple(sides_list), _context(items)))
    return out


def find_conflicts(facts: Sequence[Sequence[Annotated]], every: Sequence[Annotated] = ()) -> list[Conflict]:
    """Differences within each fact's aligned statements (``every``: all statements of the story,
    to know how often each source names a thing)."""
    mentions: dict[tuple[str, str], int] = {}
    stated: dict[tuple[str, str], list[Quantity]] = {}
    stated_across: dict[tuple[str, str], list[Quantity]] = {}
    several = len({a.language for a in every}) > 1  # keys across languages are read only then
    for a in every:
        for name in {x.name for x in a.anchors}:
            mentions[(a.group, name)] = mentions.get((a.group, name), 0) + 1
        last: str | None = None  # "Five soldiers died, four of them from friendly fire" states four
        for q in a.quantities:  # soldiers dead too: a bare number with "of them" takes the count's kind
            kind = _kind_in_era(a, q) if q.value else None
            partitive = _PARTITIVE.match(a.statement.text, q.end - a.statement.start)
            if kind is None and q.unit is None and q.value and last is not None and partitive:
                kind = last
            if kind:
                stated.setdefault((a.group, kind), []).append(q)
                last = kind
            across = _across_kind(a, q) if q.value and several else None
            if across:
                stated_across.setdefault((a.group, across), []).append(_unsigned(q))
    out: list[Conflict] = []
    for items in facts:
        if len({a.group for a in items}) < 2:
            continue
        shared = _shared_anchor(items)
        own = _number_conflicts(items, stated)
        if len({a.language for a in items}) > 1:  # values of two languages, by their keys in English
            for c in _number_conflicts(items, stated_across, _across_kind):
                _told_once(own, c)  # the difference their own words told: one, with every side
        out.extend(own)
        out.extend(_tally_conflicts(items))
        out.extend(_date_conflicts(items, shared or "time"))
        out.extend(_framing_conflicts(items, mentions))
    for c in _toll_conflicts(every):  # tolls the leads give, aligned or not
        _told_once(out, c)
    merged: dict[tuple[str, str, frozenset[str]], Conflict] = {}
    for c in out:  # the same difference found in several aligned facts is reported once
        key = (c.kind, c.topic, frozenset((s.normalized or s.value).lower() for s in c.sides))
        if key not in merged:
            merged[key] = c
            continue
        have = merged[key]
        spans = {(s.article, s.start, s.end) for s in have.sides}
        extra = tuple(s for s in c.sides if (s.article, s.start, s.end) not in spans)
        merged[key] = Conflict(have.kind, have.topic, have.sides + extra, have.context + c.context)
    return list(merged.values())


def _told_once(told: list[Conflict], c: Conflict) -> None:
    """Add number conflict ``c`` to ``told``, or only its other sides to a number conflict there that
    shares a side with it (one difference, found twice, is told once with every side)."""
    spans = {(x.article, x.start, x.end) for x in c.sides}
    for k, have in enumerate(told):
        held = {(x.article, x.start, x.end) for x in have.sides}
        if have.kind == "number" and spans & held:
            extra = tuple(x for x in c.sides if (x.article, x.start, x.end) not in held)
            told[k] = Conflict(have.kind, have.topic, have.sides + extra, have.context)
            return
    told.append(c)


def _shared_anchor(items: Sequence[Annotated]) -> str | None:
    """What the aligned statements are about: the longest name (not a person) every source group
    mentions, else the longest lower-case content word they share ("summit")."""
    per_group: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for a in items:
        per_group.setdefault(a.group, set()).update(x.name for x in a.anchors if x.kind not in ("person",))
        stop = function_words_for(a.language)
        words.setdefault(a.group, set()).update(
            w for w in _WORD.findall(a.statement.text) if w.islower() and w not in stop and len(w) > 3
        )
    common = set.intersection(*per_group.values()) if per_group else set()
    if common:
        return sorted(common, key=lambda n: (-len(n), n))[0]
    shared = set.intersection(*words.values()) if words else set()
    return sorted(shared, key=lambda w: (-len(w), w))[0] if shared else None


# -- tolls of the leads ---------------------------------------------------------------------------
# Two reports of one event word its toll differently and in different places ("Flash floods have
# killed 23 people in northeastern Bangladesh" / "The death toll from flooding rose to 26 on
# Thursday, with seven children among the victims"): their statements are often not aligned as one
# fact, and the difference went unseen.  A report tells its toll in its title and first sentences;
# counts of people with a role there (dead, injured, missing, arrested, displaced, rescued), keyed
# alike in every language, are compared between sources whether or not their statements align.
_LEAD = 3  # statements of an article read as its lead (the title and two sentences)
_TOLL_ROLES = frozenset({"dead", "injured", "missing", "arrested", "displaced", "rescued"})
# who a toll counts, as reports word it ("killed 18 workers" / "작업자 20명이 숨졌다": 20 people)
_VICTIMS = frozenset({"people", "workers", "passengers", "migrants", "citizens", "victims"})


# a toll that counts the attacker ("four dead, including the gunman", "4 dead, the gunman among them")
# is one more than one that does not
_ATTACKER = r"(?:lone\s+)?(?:gunman|shooter|assailant|attacker|bomber|suspect|perpetrator|killer)"
_WITH_ATTACKER = re.compile(
    rf"[^.;]{{0,60}}?\b(?:(?:including|includes|among\s+them|counting)\s+(?:(?:the|a|one)\s+)?{_ATTACKER}\b|"
    rf"(?:the\s+)?{_ATTACKER}\s+(?:among\s+them|included))",
    re.IGNORECASE,
)
# a statement of an earlier event that writes no year ("devastated last year by a quake that killed
# 50,000", "hace dos años", "il y a trois ans")
_EARLIER = re.compile(
    r"\b(?:last|previous)\s+(?:year|decade)|\b(?:years|decades)\s+ago|\ba\s+year\s+(?:ago|after|since)|"
    r"\b(?:earlier|initially|previously)\b|"  # "an earlier quake", "officials initially said 5 died"
    r"\banniversary|\b(?:el\s+año\s+pasado|hace\s+\w+\s+años|l'an\s+dernier|l'année\s+dernière|"
    r"il\s+y\s+a\s+\w+\s+ans|vergangenen\s+jahr|letzten\s+jahr|vor\s+\w+\s+jahren|l'anno\s+scorso|"
    r"anni\s+fa|ano\s+passado|anos\s+atrás|в\s+прошлом\s+году|лет\s+назад|tahun\s+lalu|geçen\s+yıl)\b",
    re.IGNORECASE,
)
# a magnitude in a statement of an aftershock may be the aftershock's or the main quake's
_AFTERSHOCK = re.compile(
    r"aftershock|réplica|réplique|nachbeben|scossa\s+di\s+assestamento|афтершок|artçı|gempa\s+susulan|余震",
    re.IGNORECASE,
)
_OPEN_QUOTE = re.compile(r"[“«„‘]|(?:^|(?<=\s))'(?=\w)")
_CLOSE_QUOTE = re.compile(r"[”»’]|(?<=\S)'(?!\w)")
# a count of passengers or workers followed by others ("144 passengers and 6 crew members") is a part
_AND_OTHERS = re.compile(r"\s*(?:\w+\s+){0,2}?(?:and|plus|y|e|et|und|и|і|ve|dan|i|oraz|en)\s", re.IGNORECASE)


def _alike(a: Annotated, q: Quantity, r: Quantity) -> bool:
    """Can toll ``q`` of statement ``a`` be ``r``: the same up to hedges, or one less when ``q``
    counts the attacker?"""
    if same_quantity(q, r):
        return True
    text, base = a.statement.text, a.statement.start
    return bool(_WITH_ATTACKER.match(text, q.end - base)) and same_quantity(replace(q, value=q.value - 1), r)


def _quoted(a: Annotated, q: Quantity) -> bool:
    """Is ``q`` inside a quotation ("'We have 40 dead in this village alone,' the mayor said")?"""
    text, at = a.statement.text, q.start - a.statement.start
    if text.count('"', 0, at) % 2 == 1:
        return True
    opened = max((m.start() for m in _OPEN_QUOTE.finditer(text, 0, at)), default=-1)
    return opened >= 0 and not any(m.start() > opened for m in _CLOSE_QUOTE.finditer(text, 0, at))


def _toll_of(a: Annotated, q: Quantity) -> str | None:
    """The key a lead's amount is compared by: a toll of people ("people dead"), workers,
    passengers, migrants, citizens and victims counted as people unless others follow them ("144
    passengers and 6 crew members"); a quake's magnitude; None for anything else."""
    key = _across_kind(a, q)
    if key and key.startswith("magnitude"):  # the main quake's, in a lead that tells of no aftershock
        return None if _AFTERSHOCK.search(a.statement.text) else key
    words = key.split() if key else []
    if len(words) != 2 or words[0] not in _VICTIMS or words[1] not in _TOLL_ROLES:
        return None
    if words[0] != "people" and _AND_OTHERS.match(a.statement.text, q.end - a.statement.start):
        return None  # "144 passengers and 6 crew members": the passengers are a part
    return "people " + words[1]


def _toll_conflicts(every: Sequence[Annotated]) -> list[Conflict]:
    """Tolls of people (and a quake's magnitude) that the leads of two sources give differently: one
    key ("people dead"), values that are not the same up to hedges, neither source giving the
    other's value anywhere in its lead.  Left out: a source listing three values or more, a lead
    giving two magnitudes, a value in quotation marks, and a statement of an earlier event (one
    writing a year, or "last year", "years ago").  Each source is shown by its highest toll (an
    earlier one it gives, "up from 22", is no difference of its own)."""
    starts: dict[str, list[int]] = {}
    for a in every:
        starts.setdefault(a.statement.article, []).append(a.statement.start)
    rank = {(article, st): k for article, sts in starts.items() for k, st in enumerate(sorted(sts))}
    by_key: dict[str, list[tuple[Annotated, Quantity]]] = {}
    for a in every:
        if rank[(a.statement.article, a.statement.start)] >= _LEAD or a.era or _EARLIER.search(a.statement.text):
            continue
        if any(_YEAR.search(t.text) for t in a.times):
            continue
        for k, q in enumerate(a.quantities):
            if not q.value or _converted(a, k) or _quoted(a, q):
                continue
            key = _toll_of(a, q)
            if key:
                by_key.setdefault(key, []).append((a, _unsigned(q)))
    out: list[Conflict] = []
    for key, found in sorted(by_key.items()):
        given: dict[str, list[Quantity]] = {}
        for a, q in found:
            given.setdefault(a.group, []).append(q)
        if key.startswith("magnitude"):  # a lead telling of two quakes (a series, an aftershock) is left out
            given = {g: v for g, v in given.items() if all(same_quantity(v[0], x) for x in v)}
        given = {g: v for g, v in given.items() if not _lists(v)}  # a source listing says nothing here
        if len(given) < 2:
            continue
        found = [(a, q) for a, q in found if a.group in given]
        # what a source states: its exact figures, a vague one ("Dozens hurt") only when it has none;
        # what it is shown by: its highest
        states = {g: [q for q in v if q.qualifier != "vague"] or v for g, v in given.items()}
        top = {g: max(v, key=lambda q: q.value) for g, v in states.items()}
        shown = [(a, q) for a, q in found if same_quantity(q, top[a.group])]
        pairs = [
            ((a, q), (b, r))
            for n, (a, q) in enumerate(shown)
            for b, r in shown[n + 1 :]
            if a.group != b.group
            and not _alike(a, q, r)
            and not _alike(b, r, q)
            and not any(_alike(b, x, q) for x in states[b.group])
            and not any(_alike(a, x, r) for x in states[a.group])
            and _same_subject(a, q.start, q.end, b, r.start, r.end, frozenset(), 0)
        ]
        if not pairs:
            continue
        sides: list[ConflictSide] = []
        seen: set[tuple[str, int]] = set()
        for a, q in sorted({x for pair in pairs for x in pair}, key=lambda x: (x[0].statement.article, x[1].start)):
            if (a.statement.article, q.start) not in seen:
                seen.add((a.statement.article, q.start))
                sides.append(_side(a, q.start, q.end, q.text, _num(q.value)))
        context = sorted({x[0] for pair in pairs for x in pair}, key=lambda a: (a.statement.article, a.statement.start))
        out.append(Conflict("number", key, tuple(sides), _context(context)))
    return out
