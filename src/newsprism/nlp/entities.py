"""Named entities without a model: capitalised chains, cue words, titles and small gazetteers.

:func:`find_entities` finds people, organisations and places in one text; :func:`merge_mentions`
counts them per article and :func:`entities_for` merges them across the articles of a story into
:class:`newsprism.compare.base.Entity` values.

How a mention is found and typed, in order:

1. *Chains* of capitalised tokens ("Radio Free Europe / Radio Liberty", "U.S.", "Nord Stream 2"),
   joined through name particles ("de", "von", "al", "bin"), through "of"/"for" after an
   organisation cue or title ("Director of National Intelligence"), and through "&" and "/".
   Hyphenated pairs of known names are split ("U.S.-Russia", "Biden-Putin"); "Swiss-based" gives
   "Swiss".  Months, weekdays and a few acronyms that are not names ("IT", "CEO") are skipped.
2. A sentence-initial word is dropped when it is a stop word, occurs in lower case elsewhere in the
   text, or is a lone unknown word never capitalised inside a sentence ("Despite", "Representatives").
3. Titles and roles are stripped from people and kept as evidence: "Secretary of State Antony
   Blinken" -> Antony Blinken; "FBI Director Christopher Wray" -> FBI + Christopher Wray; a lower-case
   role before a chain ("opposition leader Alexei Navalny") also marks a person.
4. Gazetteers (``data/``): organisations (``State Department``, ``Kremlin``), places (countries with
   their names in eight languages and English demonyms, ``Russian`` -> Russia; capitals and major
   cities; US states; regions).  Organisation names flagged ``i`` are also found in lower case
   (machine-translated copies write "the colonial pipeline").
5. Cue words: organisation heads ("Council", "Department", "Ministry", "Radio ...", acronyms,
   InterCaps names like "SolarWinds"), place heads ("Sea", "River", "North ..."), first names
   ("Paul Whelan"), a speech verb after an unknown single word ("Lavrov said").
6. A single surname is resolved to the full name met in the same text ("Blinken" -> "Antony
   Blinken"); :func:`entities_for` also resolves it against full names from the other articles.

Known gaps: no coreference of pronouns; nicknames and initials ("JFK") stay separate; in German,
where every noun is capitalised, only known, cued or titled names are kept.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from ..compare.base import Entity
from .japanese import (
    MAX_SOUND_WORDS,
    MorphAnalyser,
    default_analyser,
    japanese_names,
    katakana_sound,
    latin_sounds,
)
from .stopwords import stopwords_for
from .timex import _MONTHS, _WEEKDAYS
from .tokenize import CJK_CHAR, LETTERS
from .translit import (
    KEY_LENGTH,
    MIN_SKELETON,
    given_name_spelling,
    name_key,
    short_name_sounds,
    skeletal,
    skeletons,
    spelling,
    word_skeletons,
    written_sounds,
)

__all__ = [
    "Mention",
    "cjk_place_names",
    "entities_for",
    "find_entities",
    "is_demonym",
    "merge_mentions",
    "named_across_scripts",
    "same_given_name",
    "written_without_capitals",
]

logger = logging.getLogger(__name__)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


KINDS = ("person", "organisation", "place", "other")


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention; ``name`` is the canonical name ("Blinken" -> "Antony Blinken", "Russian" -> "Russia")."""

    start: int
    end: int
    text: str
    name: str
    kind: str  # person | organisation | place | other
    latin: str | None = None  # a name in another script read in Latin letters ("安倍晋三": "Shinzo Abe")


# --- lexicons -------------------------------------------------------------------------------------

_TITLES = _wordset(
    """President Minister Secretary Director Chancellor Senator Sen Rep Representative Gov Governor Mayor
    Ambassador Gen General Judge Justice King Queen Prince Princess Pope Mr Mrs Ms Miss Dr Prof Professor
    Chairman Chairwoman Chair CEO Spokesman Spokeswoman Spokesperson Speaker Leader Commissioner Admiral Colonel
    Col Lt Lieutenant Sgt Sergeant Capt Captain Commander Sheikh Ayatollah Lord Sir Dame Premier Emir Envoy
    Adviser Advisor Secretary-General Presidente Président Präsident Präsidentin Ministro Ministre Ministerin
    Bundeskanzler Bundeskanzlerin Präsidenten Kanzlerin Kanzler Premierminister Außenminister Sr Sra Herr Frau
    Signor Mme Monsieur Señor Президент Министр Coach Quarterback Kicker QB RB WR TE DT LB CB Detective
    Officer Trooper Inspector Pastor Rev Reverend Rabbi Imam Attorney Deputy Sheriff Manager GM Owner
    Başkanı Cumhurbaşkanı Başbakan Başbakanı Bakanı Sözcüsü Müdürü Valisi Sekreteri Temsilcisi Büyükelçisi
    Direktörü Antrenörü Komutanı Vekili Presiden Menteri Gubernur Direktur Ketua Jubir Penjabat Utusan"""
)  # sports positions as sports pages print them before a name: "Colts QB Andrew Luck"; Turkish titles
# follow what they head ("Rusya Devlet Başkanı Vladimir Putin"), Indonesian ones precede it
_TITLE_MODIFIERS = _wordset(
    """Foreign Prime Vice Deputy Chief Defense Defence Interior Finance Attorney Press Crown Senior National
    Security Home Health Education Energy Trade Treasury Acting Former Ex Supreme Assistant Under Executive
    Managing First Opposition Interim Federal State District Genel Özel Dışişleri İçişleri Savunma Basın"""
)
_ROLE_WORDS = _wordset(
    """leader counterpart spokesman spokeswoman spokesperson minister president director senator chairman detainee
    detainees prisoner prisoners dissident activist journalist reporter envoy ambassador official chief
    executive founder lawyer attorney candidate opponent critic rival successor predecessor premier"""
)
_ORG_HEADS = _wordset(
    """Council Department Ministry Agency Bureau Party Inc Corp Corporation Ltd LLC Plc Group University Embassy
    Pipeline Bank Commission Committee Court Parliament Assembly Army Navy Forces Police Office Institute
    Association Union Organisation Organization Foundation Fund Authority Service Services Network News Times
    Post Airlines Airways Company Co Club Federation League Alliance Coalition Front Movement Brigade Brigades
    Guard Church School College Hospital Center Centre Exchange Reserve Board Tribunal Senate Congress Cabinet
    Government Holdings Technologies Systems Motors Energy Media Radio Television TV Channel Journal Herald
    Tribune Agency Administration Industries Partners Capital Force AG SA GmbH PLC N.V. S.A. Ministerium Partei
    Regierung Gruppe Universität Universidad Université Università Ministerio Ministère Partido Parti Banco
    Banque"""
)
_ORG_FIRST = _wordset("""Radio University Bank Ministry Department Council Committee Office Institute Federal Banco""")
_PLACE_HEADS = _wordset(
    """River Sea Ocean Lake Mountains Mountain Island Islands Bay Gulf Strait Valley Province Region County
    District Square Street Avenue Airport Circle Peninsula Desert Canal Park Bridge City Coast Basin Heights
    Plateau Oblast Krai Prefecture State"""
)
_PLACE_FIRST = _wordset(
    """North South East West Northern Southern Eastern Western Central Upper Lower Mount Lake Gulf Sea Bay Strait
    Cape Isle"""
)
_PARTICLES = _wordset("""de del della di da do dos das du des von van der den la le bin ibn al el ben ter zu""")
_OF_WORDS = _wordset("""of for de du des del di""")
_SKIP = _wordset(
    """I IT TV CEO GDP AI PR OK ID AM PM OMG PS FAQ UTC GMT ET EST EDT BST CET PST PDT COO CFO CTO MP MPs MEP Mr
    Mrs Ms Dr Sen Rep Gov St Jr Sr God"""
)


def _letter_not_name(text: str, token: tuple[int, int, str]) -> bool:
    """A lone capital that is an initial ("T . Y . Hilton", "J. Smith") or glued to a number ("a
    10U server"), not a name of one letter ("X, formerly Twitter")."""
    start, end, _ = token
    return (start > 0 and text[start - 1].isdigit()) or bool(re.match(r"\s?\.\s?[A-Z]", text[end : end + 4]))


_NUMBER_SIGN = re.compile(r"\s?\.\s?\d")  # "No. 5", "No . 4": number, not a name
_SENTENCE_STARTERS = _wordset(
    """The A An But And Or In On At For From With Without After Before During Despite Although Though While When
    Where Why How What Who Which This That These Those It Its He She They We You His Her Their Our Your There
    Here As If Since Until Unless Because So Then Yet Still Also Even Just Only Some Many Most All Both Each
    Every No Not Once Now Today Yesterday Later Earlier Last Next Meanwhile However Moreover Instead Asked Seeking
    Download Read Watch
    Click Representatives Officials"""
)
_OTHER = {"Covid-19": "Covid-19", "COVID-19": "Covid-19", "Covid": "Covid-19", "COVID": "Covid-19",
          "Cold War": "Cold War", "World War II": "World War II", "Brexit": "Brexit",
          "Olympics": "Olympics"}  # fmt: skip
_SPEECH = re.compile(r"\s+(?:said|says|told|added|argued|wrote|warned|insisted|stressed|noted)\b")
_PLACE_PREP = re.compile(r"(?:^|\s)(?:in|near|at)\s+$")
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_s][^\W\d_]*)*|\d+|\S")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,6}s?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Russian capitalises the adjectives of proper names ("Финского залива", "Главного военно-морского
# парада"): alone before a lower-case word, such a form is no name
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)$")
_RU_LOWER_NEXT = re.compile(r"\s+[а-яё]|-[а-яё]")
# declined forms of a name's last word, tried against the gazetteers: "России" -> Россия -> Russia
_RU_CASES = (
    ("ии", "ия"), ("ию", "ия"), ("ией", "ия"), ("и", "а"), ("и", "я"), ("е", "а"), ("у", "а"), ("ой", "а"),
    ("ы", "а"), ("е", ""), ("а", ""), ("у", ""), ("ом", ""), ("ем", ""),
    ("я", "й"), ("ю", "й"), ("ем", "й"), ("е", "й"), ("я", "ь"), ("ю", "ь"), ("ем", "ь"), ("е", "ь"),  # Китая, Израиля
)  # fmt: skip


@cache
def _read(name: str) -> list[list[str]]:
    text = resources.files("newsprism.nlp").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _places() -> dict[str, tuple[str, str]]:
    # places.tsv (countries, demonyms, regions, states, the largest cities) wins over cities.tsv
    # (the other cities of 300,000 people or more: "Detroit", "Vancouver")
    rows = [*_read("cities.tsv"), *_read("places.tsv")]
    return {row[0]: (row[1], row[2]) for row in rows}


def is_demonym(text: str) -> bool:
    """Is ``text`` a people's or country's adjective ("Russian", "Icelandic") rather than a
    place's name?  A place mention written so tells what something belongs to, not where it is."""
    return _places().get(text, ("", ""))[1] == "demonym"


@cache
def _orgs() -> dict[str, str]:
    return {row[0]: row[1] for row in _read("organisations.tsv")}


@cache
def _lower_orgs() -> re.Pattern[str] | None:
    names = [row[0] for row in _read("organisations.tsv") if len(row) > 2 and "i" in row[2]]
    if not names:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(n) for n in names) + r")(?![^\W_])", re.IGNORECASE)


@cache
def _first_names() -> frozenset[str]:
    return frozenset(row[0] for row in _read("first_names.txt"))


@cache
def _calendar_words(lang: str) -> frozenset[str]:
    words = {*_MONTHS["en"], *_MONTHS.get(lang, {}), *_WEEKDAYS["en"], *_WEEKDAYS.get(lang, {})}
    return frozenset(w.capitalize() for w in words if len(w) > 3 or w in ("may", "mai", "mei", "mayo"))


# --- chains ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Chain:
    tokens: list[tuple[int, int, str]]
    initial: bool  # first token starts a sentence
    role_before: bool  # a lower-case role word precedes it


def _chains(text: str, toks: list[tuple[int, int, str]], lang: str) -> list[_Chain]:
    out: list[_Chain] = []
    i, n = 0, len(toks)
    calendar_words = _calendar_words(lang)
    while i < n:
        s, _, tok = toks[i]
        if not tok[:1].isupper() or tok in calendar_words:
            i += 1
            continue
        initial = _sentence_initial(text, toks, i)
        prev_word = toks[i - 1][2] if i > 0 else ""
        role = prev_word in _ROLE_WORDS and toks[i - 1][1] < s
        chain = [toks[i]]
        j = i + 1
        while j < n:
            gap = text[chain[-1][1] : toks[j][0]]
            tj = toks[j][2]
            if gap not in ("", " ") and not (gap == " " * len(gap) and len(gap) <= 2):
                break
            if gap == "" and tj == "." and chain[-1][2] in _TITLES:
                chain.append(toks[j])  # "Mr. Smith", "Sen. Warren"
                j += 1
                continue
            if tj == "." and gap in ("", " ") and _middle_initial(text, toks, chain, j):
                chain.append(toks[j])  # "Richard M. Nixon", tokenised "Richard M . Nixon"
                j += 1
                continue
            if gap == "" and tj not in ("-", "/", "&") and not tj.isdigit():
                break
            if gap and tj in calendar_words and not (tj == "May" and chain[-1][2] in _first_names()):
                break  # a month, except the surname of "Theresa May"
            if tj[:1].isupper() and gap:
                if _DOTTED.fullmatch(chain[-1][2]) and _lookup(tj) and not _lookup(f"{chain[-1][2]} {tj}"):
                    break  # "... and the U.S. Iceland has had ...": the abbreviation ended a sentence
                chain.append(toks[j])
                j += 1
                continue
            nxt = toks[j + 1][2] if j + 1 < n else ""
            nxt_gap = text[toks[j][1] : toks[j + 1][0]] if j + 1 < n else "\n"
            if tj in ("/", "&") and nxt[:1].isupper() and nxt_gap in ("", " "):
                chain.extend((toks[j], toks[j + 1]))
                j += 2
                continue
            if tj == "-" and gap == "" and nxt_gap == "" and (nxt[:1].isupper() or nxt.isdigit()):
                chain.extend((toks[j], toks[j + 1]))
                j += 2
                continue
            score = nxt in ("-", "–") and nxt_gap == ""  # "the Kansas City Chiefs 20-13"
            if tj.isdigit() and gap == " " and len(tj) <= 2 and len(chain) >= 2 and not nxt[:1].isalpha() and not score:
                chain.append(toks[j])  # "Nord Stream 2", "Windows 10"
                j += 1
                continue
            if tj.isdigit() and gap == " " and len(tj) <= 2 and len(chain) >= 2 and nxt_gap == " " and nxt.islower():
                chain.append(toks[j])  # "the Nord Stream 2 pipeline"
                j += 1
                continue
            if (
                (tj in _PARTICLES or tj in _OF_WORDS)
                and gap == " "
                and nxt[:1].isupper()
                and nxt_gap == " "
                and (nxt not in calendar_words)
            ):
                chain.extend((toks[j], toks[j + 1]))
                j += 2
                continue
            if tj in _PARTICLES and nxt in _PARTICLES and j + 2 < n and toks[j + 2][2][:1].isupper():
                chain.extend(toks[j : j + 3])  # "Ursula von der Leyen"
                j += 3
                continue
            break
        out.append(_Chain(chain, initial, role))
        i = j
    return out


def _middle_initial(text: str, toks: list[tuple[int, int, str]], chain: list[tuple[int, int, str]], j: int) -> bool:
    """Is the point at ``toks[j]`` that of a middle initial: a given name, one capital, the point,
    then a capitalised word ("Richard M. Nixon", not "... Company X. The next ...")?"""
    last = chain[-1][2]
    if len(chain) < 2 or len(last) != 1 or not last.isupper() or chain[-2][2] not in _first_names():
        return False
    if j + 1 >= len(toks) or text[toks[j][1] : toks[j + 1][0]] != " ":
        return False
    nxt = toks[j + 1][2]
    return nxt[:1].isupper() and nxt not in _SENTENCE_STARTERS


def _sentence_initial(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    if i == 0:
        return True
    prev = toks[i - 1][2]
    if "\n" in text[toks[i - 1][1] : toks[i][0]]:
        return True
    if prev in ("!", "?", "“", '"', "«", "„", ":", "(", "—", "–", "‘", "•", "-", "`"):  # `` (PTB-style quotes)
        return True
    if (
        prev in ("'", "’")
        and (  # '' (PTB-style quotes) or a quote mark opening a line: "''We had …"
            i == 1 or toks[i - 2][2] == prev or "\n" in text[toks[i - 2][1] : toks[i - 1][0]]
        )
    ):
        return True
    if prev == ".":
        before = toks[i - 2][2] if i >= 2 else ""
        return before not in _SKIP and before not in _TITLES
    return False


# --- typing ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Ctx:
    text: str
    lang: str
    lower_words: frozenset[str]
    mid_caps: frozenset[str]
    stop: frozenset[str]


_JOINERS = _TITLES | _ORG_HEADS | _ORG_FIRST | _PLACE_HEADS | _PLACE_FIRST
_FOR_JOINERS = _TITLES | _ORG_HEADS | _ORG_FIRST | _wordset("Centers Centres Campaign")


def _split_parts(chain: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Split a chain at "of"/particles that do not belong to the name.

    They belong after a title or a cue word ("Secretary of State", "Bank of England", "Gulf of
    Mexico") and, for name particles, near the end of a name ("Charles de Gaulle").
    """
    parts: list[list[tuple[int, int, str]]] = [[]]
    for k, tok in enumerate(chain):
        word = tok[2]
        if word in _OF_WORDS or word in _PARTICLES:
            # "for" joins an organisation's name only ("Centers for Disease Control"), not a place
            # to a person ("paid to North Korea for Otto Warmbier")
            joiners = _FOR_JOINERS if word == "for" else _JOINERS
            keep = any(t[2] in joiners for t in parts[-1][-2:]) or (word in _PARTICLES and len(chain) - k <= 3)
            if not keep:
                parts.append([])
                continue
        parts[-1].append(tok)
    return [p for p in parts if p]


def _name(tokens: list[tuple[int, int, str]], text: str) -> str:
    # "Richard M . Nixon" as corpora tokenise it is "Richard M. Nixon"
    return re.sub(r"(?<=\b[A-Z]) \.(?= )", ".", re.sub(r"\s*/\s*", "/", text[tokens[0][0] : tokens[-1][1]]))


def _span(tokens: list[tuple[int, int, str]], ctx: _Ctx) -> str:
    return ctx.text[tokens[0][0] : tokens[-1][1]]


def _lookup(name: str) -> tuple[str, str] | None:
    if name in _OTHER:
        return _OTHER[name], "other"
    org = _orgs().get(name)
    if org:
        return org, "organisation"
    place = _places().get(name)
    if place:
        return place[0], "place"
    return None


def _lookup_ru(name: str) -> tuple[str, str] | None:
    """:func:`_lookup` of a Russian name in another case than the nominative ("России", "Мексику")."""
    hit = _lookup(name)
    if hit is not None or not _CYRILLIC.search(name):
        return hit
    head, _, last = name.rpartition(" ")
    for end, repl in _RU_CASES:
        if last.endswith(end) and len(last) - len(end) >= 3:
            hit = _lookup((head + " " if head else "") + last[: len(last) - len(end)] + repl)
            if hit is not None:
                return hit
    return None


def _classify(tokens: list[tuple[int, int, str]], chain: _Chain, ctx: _Ctx, out: list[Mention]) -> None:
    """Type one chain (or part of one) and append its mentions."""
    words = [t[2] for t in tokens]
    if not tokens:
        return
    if ctx.lang == "ru" and _russian(tokens, chain, ctx, out):
        return
    # Drop a sentence-initial common word ("The", "Despite", "Representatives").
    if chain.initial and tokens is not None and tokens[0] is chain.tokens[0]:
        first = words[0]
        known = _lookup(first) is not None or first in _first_names() or first in _TITLES
        speaker = len(words) == 1 and _SPEECH.match(ctx.text, tokens[0][1]) is not None  # "Blinken said"
        common = (
            first in _SENTENCE_STARTERS
            or first.lower() in ctx.stop
            or first.lower() in ctx.lower_words
            or (len(words) == 1 and not known and not speaker and first not in ctx.mid_caps)
            or (len(words) > 1 and not known and first not in ctx.mid_caps and _known_part(tokens[1:], ctx))
        )
        if common and not known:
            if len(words) == 1 or (len(words) > 1 and words[1] in ("-", "/", "&")):
                return
            _classify(tokens[1:], _Chain(tokens[1:], False, False), ctx, out)
            return
    if len(words) == 1 and (
        words[0] in _SKIP
        or (len(words[0]) == 1 and words[0].isascii() and _letter_not_name(ctx.text, tokens[0]))
        or (words[0] == "No" and _NUMBER_SIGN.match(ctx.text, tokens[0][1]))  # "the No. 5 seed"
    ):
        return
    name = _name(tokens, ctx.text)
    hit = _lookup(name)
    if hit:
        out.append(Mention(tokens[0][0], tokens[-1][1], _span(tokens, ctx), hit[0], hit[1]))
        return
    if _two_known(tokens, ctx, out):
        return
    # Hyphenated pairs of known names: "U.S.-Russia", "Biden-Putin"; else "Swiss-based" keeps "Swiss".
    if "-" in words and not any(w.isdigit() for w in words):
        k = words.index("-")
        left, right = tokens[:k], tokens[k + 1 :]
        if _known_part(left, ctx) and _known_part(right, ctx):
            _classify(left, _Chain(left, False, chain.role_before), ctx, out)
            _classify(right, _Chain(right, False, False), ctx, out)
            return
    # Titles: "[affiliation] [modifiers] Title [of ...] Name".
    title_at = next((k for k, w in enumerate(words) if w in _TITLES or w.rstrip(".") in _TITLES), None)
    if title_at is not None:
        begin = title_at
        while begin > 0 and words[begin - 1] in _TITLE_MODIFIERS:
            begin -= 1
        if begin > 0:
            _classify(tokens[:begin], _Chain(tokens[:begin], chain.initial, chain.role_before), ctx, out)
        rest = title_at + 1
        while rest < len(words) and (words[rest] in _TITLES or words[rest] in _TITLE_MODIFIERS or words[rest] == "."):
            rest += 1
        if rest < len(words) and words[rest] in _OF_WORDS:  # "Director of National Intelligence Avril Haines"
            given = next((k for k in range(rest + 1, len(words)) if words[k] in _first_names()), None)
            rest = given if given is not None else (len(words) - 2 if len(words) - rest > 3 else len(words))
        person = tokens[rest:]
        if person and person[0][2] not in _TITLE_MODIFIERS:
            _person(person, ctx, out)
        return
    head, last = words[0], words[-1]
    kind: str | None = None
    if last in _ORG_HEADS or head in _ORG_FIRST:
        kind = "organisation"
    elif last in _PLACE_HEADS or (head in _PLACE_FIRST and len(words) > 1):
        kind = "place"
    elif (len(words) >= 2 and head in _first_names() and last[:1].isupper()) or chain.role_before:
        _person(tokens, ctx, out)
        return
    elif len(words) == 1 and (_ACRONYM.fullmatch(head) or re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", head)):
        kind = "organisation"
    elif len(words) == 1 and _SPEECH.match(ctx.text, tokens[-1][1]):
        kind = "person"
    elif len(words) == 1 and _PLACE_PREP.search(ctx.text[max(0, tokens[0][0] - 8) : tokens[0][0]]):
        kind = "place"
    else:
        kind = "other"
    if kind == "other" and ctx.lang == "de":
        return  # every German noun is capitalised: keep only cued or known names
    out.append(Mention(tokens[0][0], tokens[-1][1], _span(tokens, ctx), name, kind))


_RU_GIVEN_CASES = (("а", ""), ("у", ""), ("ом", ""), ("е", ""), ("я", "й"), ("ю", "й"), ("ем", "й"), ("е", "й"),
                   ("ии", "ия"), ("ы", "а"), ("и", "а"), ("ой", "а"), ("у", "а"), ("е", "а"))  # fmt: skip


def _ru_first_name(word: str) -> bool:
    """A Russian first name in any case ("Михаила", "Николая", "Марии")."""
    if word in _first_names():
        return True
    return any(
        word.endswith(end) and len(word) - len(end) >= 3 and word[: len(word) - len(end)] + repl in _first_names()
        for end, repl in _RU_GIVEN_CASES
    )


def _russian(tokens: list[tuple[int, int, str]], chain: _Chain, ctx: _Ctx, out: list[Mention]) -> bool:
    """Russian chains handled here (True) rather than by the general rules: a capitalised adjective
    or the first half of a compound adjective before a lower-case word ("Финского залива",
    "Военно-морского") is dropped; a name in another case is looked up as its nominative
    ("России" -> Russia); a first name, in any case, starts a person ("России Владимир Путин" ->
    Russia and the person "Владимир Путин"; "Николая Евменова")."""
    words = [t[2] for t in tokens]
    adjective = _RU_ADJECTIVE.search(words[0]) or ctx.text.startswith("-", tokens[-1][1])
    if len(words) == 1 and adjective and _RU_LOWER_NEXT.match(ctx.text, tokens[-1][1]) and not _lookup_ru(words[0]):
        return True
    if not _CYRILLIC.search(words[0]):
        return False
    if len(words) >= 2 and _ru_first_name(words[0]) and words[-1][:1].isupper():
        _person(tokens, ctx, out)  # "Михаила Лазарева", "Николая Евменова": a person in another case
        return True
    given = next((k for k in range(1, len(words) - 1) if _ru_first_name(words[k])), None)
    if given is not None and words[given - 1] not in _TITLES:
        _classify(tokens[:given], _Chain(tokens[:given], chain.initial, chain.role_before), ctx, out)
        _person(tokens[given:], ctx, out)
        return True
    name = _name(tokens, ctx.text)
    hit = None if _lookup(name) else _lookup_ru(name)
    if hit is not None:
        out.append(Mention(tokens[0][0], tokens[-1][1], _span(tokens, ctx), hit[0], hit[1]))
        return True
    return False  # the general rules go on (two known names in one chain: _two_known)


def _two_known(tokens: list[tuple[int, int, str]], ctx: _Ctx, out: list[Mention]) -> bool:
    """A chain of two names the gazetteers know, side by side or joined by "of" ("Минобороны РФ",
    "Defense Ministry of Russia"): both, one after the other."""
    find = _lookup_ru if ctx.lang == "ru" else _lookup
    for k in range(1, len(tokens)):
        left, right = tokens[:k], tokens[k:]
        if right[0][2] in _OF_WORDS:
            right = right[1:]
        if not right or right[0][2] in _OF_WORDS or left[-1][2] in _OF_WORDS:
            continue
        a, b = find(_name(left, ctx.text)), find(_name(right, ctx.text))
        if a is not None and b is not None:
            out.append(Mention(left[0][0], left[-1][1], _span(left, ctx), a[0], a[1]))
            out.append(Mention(right[0][0], right[-1][1], _span(right, ctx), b[0], b[1]))
            return True
    return False


def _known_part(tokens: list[tuple[int, int, str]], ctx: _Ctx) -> bool:
    if not tokens:
        return False
    name = _name(tokens, ctx.text)
    return _lookup(name) is not None or (len(tokens) == 1 and name in ctx.mid_caps)


def _person(tokens: list[tuple[int, int, str]], ctx: _Ctx, out: list[Mention]) -> None:
    while tokens and (tokens[-1][2] in ("-", "/", "&", ".") or tokens[-1][2].isdigit()):
        tokens = tokens[:-1]
    if not tokens:
        return
    name = _name(tokens, ctx.text)
    hit = _lookup_ru(name) if ctx.lang == "ru" else _lookup(name)
    if hit and hit[1] != "person":
        out.append(Mention(tokens[0][0], tokens[-1][1], _span(tokens, ctx), hit[0], hit[1]))
        return
    out.append(Mention(tokens[0][0], tokens[-1][1], _span(tokens, ctx), name, "person"))


# --- public API -----------------------------------------------------------------------------------


# Turkish and Azerbaijani write a name's case ending after an apostrophe ("Putin'in", "Moskova'da"):
# it is blanked, a comma ending the name, so that the name is found as written alone
_CASE_ENDING = re.compile(r"(?<=[^\W\d_])['’][a-zçğıöşüə]{1,8}(?!\w)")


def _comma_blank(m: re.Match[str]) -> str:
    return "," + " " * (len(m.group()) - 1)


def find_entities(
    text: str, *, language: str = "en", analyser: MorphAnalyser | Literal["default"] | None = "default"
) -> list[Mention]:
    """Every person, organisation and place mention in ``text``, in order of position.

    Surnames are resolved to the full name met in the same text: ``name`` of "Blinken" is
    "Antony Blinken" when "Antony Blinken" appears anywhere in ``text``.  ``analyser``: the
    Japanese morphological analyser (default: :func:`~newsprism.nlp.japanese.default_analyser`,
    present with the extra ``ja``; ``None``: the rules alone).
    """
    lang = (language or "en").lower()[:2]
    if lang in ("ja", "zh"):
        return _cjk_entities(text, lang, _analyser(analyser) if lang == "ja" else None)
    if lang in ("tr", "az") and (blanked := _CASE_ENDING.sub(_comma_blank, text)) != text:
        return find_entities(blanked, language=lang, analyser=analyser)  # the same offsets
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    lower_words = frozenset(t[2] for t in toks if t[2].islower())
    mid_caps = frozenset(
        t[2]
        for k, t in enumerate(toks)
        if t[2][:1].isupper() and t[2][0].isalpha() and not _sentence_initial(text, toks, k)
    )
    ctx = _Ctx(text, lang, lower_words, mid_caps, stopwords_for(lang))
    found: list[Mention] = []
    for chain in _chains(text, toks, lang):
        for part in _split_parts(chain.tokens):
            first = part[0] is chain.tokens[0]
            _classify(part, _Chain(part, chain.initial and first, chain.role_before and first), ctx, found)
    pattern = _lower_orgs()
    if pattern is not None:
        for m in pattern.finditer(text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Mention(m.start(), m.end(), m.group(), _orgs()[_orgs_key(m.group())], "organisation"))
    found.sort(key=lambda f: f.start)
    return _resolve_surnames(found, text)


# Japanese and Chinese write no capitals and no spaces: places are the gazetteer's names in their
# scripts ("ロシア", "俄罗斯", "東京"); in Japanese, a person is a name before a title or honorific
# ("吉村知事", "相馬行胤氏"), and katakana words joined by "・" are a foreign name ("ジミー・バトラー",
# "レアル・マドリード": a person's or not).
_JA_PERSON = re.compile(
    r"(?<![一-龥々ァ-ヴー])([一-龥々]{2,4}|[ァ-ヴー]{2,10})"
    r"(知事|市長|町長|村長|首相|大統領|監督|容疑者|被告|議員|教授|長官|外相|署長|氏|さん)"
)  # not 選手 or 会長: they follow common nouns as often ("万能選手", "自治会長")
_JA_FOREIGN_NAME = re.compile(r"[ァ-ヴ][ァ-ヴー]+(?:・[ァ-ヴ][ァ-ヴー]+)+")
_KATAKANA = re.compile(r"[ァ-ヴー]")
_JA_HONORIFIC = ("氏", "さん")


@cache
def _cjk_places() -> re.Pattern[str] | None:
    names = [name for name in _places() if CJK_CHAR.search(name)]
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def _cjk_place_matches(text: str) -> Iterator[tuple[int, int, str]]:
    """The gazetteer's places written in Japanese or Chinese: (start, end, canonical name)."""
    pattern = _cjk_places()
    if pattern is None:
        return
    for m in pattern.finditer(text):
        if _KATAKANA.match(m.group()) and (
            _KATAKANA.match(text, m.end()) or (m.start() > 0 and _KATAKANA.match(text, m.start() - 1))
        ):
            continue  # "アルバ" in "アルバム", "マリ" in "マリノス": part of a longer katakana word
        yield m.start(), m.end(), _places()[m.group()][0]


def cjk_place_names(text: str) -> list[str]:
    """The canonical (English) names of the gazetteer's places a Japanese or Chinese text names,
    in order ("長野県で" -> ["Nagano"]): the names such a text has for comparing it with others."""
    return [name for _, _, name in _cjk_place_matches(text)]


def _analyser(given: MorphAnalyser | Literal["default"] | None) -> MorphAnalyser | None:
    return default_analyser() if given == "default" else given


def _cjk_entities(text: str, lang: str, analyser: MorphAnalyser | None = None) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, name: str, kind: str, latin: str | None = None) -> None:
        if not any(a < end and start < b for a, b in taken):
            found.append(Mention(start, end, text[start:end], name, kind, latin))
            taken.append((start, end))

    for start, end, canonical in _cjk_place_matches(text):
        add(start, end, canonical, "place")
    if analyser is not None:
        # the analyser's proper nouns, with their readings: "大久保" (Okubo), "諏訪" (Suwa)
        for n in japanese_names(text, analyser):
            if n.name.translate(_FULL_WIDTH).isascii():
                continue  # "ＡＢＣ", "NHK": names in Latin letters are read by the English rules below
            known = _places().get(n.name)
            if known is not None:
                add(n.start, n.end, known[0], "place")
            else:
                add(n.start, n.end, n.name, n.kind, n.latin)
    if lang == "ja":
        for m in _JA_FOREIGN_NAME.finditer(text):
            add(m.start(), m.end(), m.group(), "other")  # a person's or a club's, a place's, a company's
        for m in _JA_PERSON.finditer(text):
            name, title = m.group(1), m.group(2)
            add(m.start(1), m.end(2), name if title in _JA_HONORIFIC else name + title, "person")
    latin = [m for m in _find_latin(text, lang) if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted([*_japanese_surnames(found), *latin], key=lambda m: m.start)


def _japanese_surnames(found: list[Mention]) -> list[Mention]:
    """A surname alone ("外崎") is the person named in full elsewhere in the text ("外崎修汰"), when
    one such person is."""
    full: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for m in found:
        if m.kind == "person" and m.latin and " " in m.latin:
            for k in range(1, len(m.name)):
                full[m.name[:k]].add((m.name, m.latin))
    out = []
    for m in found:
        whole = full.get(m.name) if m.kind == "person" else None
        if whole and len(whole) == 1:
            name, reading = next(iter(whole))
            m = Mention(m.start, m.end, m.text, name, "person", reading)
        out.append(m)
    return out


_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _find_latin(text: str, lang: str) -> list[Mention]:
    """Names written in Latin letters inside Japanese or Chinese text ("CanCam", "Yahoo", full-width
    "ＮＨＫ"): the English rules on the text with every other script blanked (offsets kept); single
    letters ("Ｊ１", "Ｂ型") are left out."""
    latin = text.translate(_FULL_WIDTH)  # "ＡＢＣ" is "ABC", character for character
    if not re.search(r"[A-Z]", latin):
        return []
    found = find_entities(re.sub(r"[^\x00-\u024f]", ",", latin), language="en")  # "," ends a name
    return [Mention(m.start, m.end, text[m.start : m.end], m.name, m.kind) for m in found if len(m.name) > 1]


def _orgs_key(found: str) -> str:
    low = found.lower()
    return next(name for name in _orgs() if name.lower() == low)


def _surname_map(persons: Iterable[str]) -> dict[str, str]:
    """Last name -> full name, for full names with a unique last name; also the first word of a
    full name written surname first ("Yoshimura Hirofumi": "Yoshimura"), when it is no known first
    name and no other full name ends with it."""
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for full in dict.fromkeys(persons):
        parts = full.split()
        if len(parts) >= 2:
            by_last[parts[-1]].add(full)
            if parts[0] not in _first_names() and parts[0][:1].isupper():
                by_first[parts[0]].add(full)
    found = {last: next(iter(fulls)) for last, fulls in by_last.items() if len(fulls) == 1}
    for first, fulls in by_first.items():
        if first not in by_last and len(fulls) == 1:
            found[first] = next(iter(fulls))
    return found


def _resolve_surnames(mentions: list[Mention], text: str) -> list[Mention]:
    # a full name the first-name list does not know ("Reggie Wayne", "Jamaal Charles") is a person
    # when its surname alone is one in the same text ("… , Wayne said"), not another kind of name,
    # unless the text puts it where a firm or a place goes ("shares of Goldman Sachs")
    alone = {m.name for m in mentions if m.kind == "person" and " " not in m.name}
    firms = {m.name for m in mentions if " " in m.name and _place_or_firm(text, m)}
    relatives = _relatives(text, mentions)
    mentions = [
        Mention(m.start, m.end, m.text, m.name, "person")
        if m.kind == "other" and m.name not in firms and _full_name_shape(m.name) and m.name.split()[-1] in alone
        else m
        for m in mentions
    ]
    persons = {m.name for m in mentions if m.kind == "person"}
    surnames = _surname_map(persons - relatives)
    out: list[Mention] = []
    for m in mentions:
        full = surnames.get(m.name, m.name if m.name in persons else None) if " " not in m.name else None
        if full and m.kind in ("person", "other", "organisation") and _lookup(m.name) is None:
            m = Mention(m.start, m.end, m.text, full, "person")
        out.append(m)
    return out


_KIN = (
    r"(?:wife|husband|widow|widower|daughters?|sons?|children|child|brothers?|sisters?|mother|father|"
    r"grand(?:son|daughter|child|children|mother|father)s?|nieces?|nephews?|cousins?)"
)
_KIN_BEFORE = re.compile(
    r"(?:(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+|['’]s\s+|\bsurvived by\s+)"
    r"(?:(?:late|former|eldest|youngest|younger|older|elder|only|two|three|four|adult)\s+)?"
    + _KIN
    + r",?\s+(?:[A-Z][\w.'’-]*\s+){0,3}(?:and\s+)?|\b[Ff]irst [Ll]ady\s+)$"
)


def introduced_as_relative(text: str, start: int) -> bool:
    """Is the name at ``start`` introduced as someone's relative ("His daughter Joan Felt", "Biden's
    wife, Jill Biden", "first lady Jill Biden", "survived by two children, Joan Felt and Mark Felt
    Jr.")?  Its surname alone then stands for the person the article is about."""
    return bool(_KIN_BEFORE.search(text[max(0, start - 60) : start]))


def _relatives(text: str, mentions: Iterable[Mention]) -> set[str]:
    """The full names in ``mentions`` introduced as someone's relative (:func:`introduced_as_relative`)."""
    return {m.name for m in mentions if m.kind == "person" and " " in m.name and introduced_as_relative(text, m.start)}


_FIRM_BEFORE = re.compile(r"\b(?:at|of|for|from|with|by|in|to)\s+(?:the\s+)?$", re.IGNORECASE)


def _place_or_firm(text: str, m: Mention) -> bool:
    """Is the name where a firm or a place goes, after a preposition ("shares of Goldman Sachs", "at
    Lambeau Field"), rather than a person?"""
    return bool(_FIRM_BEFORE.search(text[max(0, m.start - 20) : m.start]))


def _full_name_shape(name: str) -> bool:
    """Two or three capitalised words of letters, none the head of an organisation or a place."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
        and not any(w in _ORG_HEADS or w in _PLACE_HEADS for w in words)
        and _lookup(name) is None
    )


def _vote(kinds: Counter[str]) -> str:
    return max(kinds, key=lambda k: (kinds[k], -KINDS.index(k)))


def merge_mentions(mentions: Iterable[Mention], *, article: str = "") -> list[Entity]:
    """Count mentions by canonical name: one :class:`Entity` per name, ``mentions={article: n}``.

    The kind is the most frequent among the mentions (ties: person, organisation, place, other).
    Sorted by count (descending), then name.
    """
    counts: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        counts[m.name] += 1
        kinds[m.name][m.kind] += 1
    entities = [Entity(name, _vote(kinds[name]), {article: n}) for name, n in counts.items()]
    entities.sort(key=lambda e: (-sum(e.mentions.values()), e.name))
    return entities


def entities_for(
    articles: Sequence[tuple[str, str]],
    *,
    language: str = "en",
    languages: Mapping[str, str | None] | None = None,
    across_scripts: bool = True,
    analyser: MorphAnalyser | Literal["default"] | None = "default",
    mentions: Mapping[str, Sequence[Mention]] | None = None,
) -> list[Entity]:
    """Entities of several articles (``(external id, text)`` pairs), merged across sources.

    Two names are one entity when equal, or when one is a single word equal to the last word of a
    person's full name found in another article ("Blinken" in one source, "Antony Blinken" in
    another).  ``languages`` gives each article's language (default ``language``).  A name in
    Cyrillic letters is the Latin one whose words have the same transliteration keys ("Владимир
    Путин" / "Vladimir Putin"; a lone surname: the person's, "Путин"), else one with its other
    forms ("Кронштадта", "Кронштадте": Кронштадт); a Japanese name the analyser read is the Latin one
    its reading spells ("安倍晋三" / "Shinzo Abe", "大久保" / "Yoichi Okubo"); ``across_scripts`` False
    keeps them apart.  ``mentions``: each article's mentions when the caller has them already (what
    :func:`find_entities` gives for its text and language).  Sorted by total mentions (descending),
    then name.
    """
    langs = languages or {}
    tagger = _analyser(analyser) if mentions is None else None
    per_article = [
        (
            article,
            mentions[article]
            if mentions is not None
            else find_entities(text, language=langs.get(article) or language, analyser=tagger),
        )
        for article, text in articles
    ]
    readings = {m.name: m.latin for _, found in per_article for m in found if m.latin}
    texts = dict(articles)
    relatives = {name for article, found in per_article for name in _relatives(texts.get(article, ""), found)}
    persons = (m.name for _, found in per_article for m in found if m.kind == "person" and m.name not in relatives)
    surnames = _surname_map(persons)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for article, found in per_article:
        for m in found:
            name, kind = m.name, m.kind
            if " " not in name and name in surnames and _lookup(name) is None:
                name, kind = surnames[name], "person"
            counts[name][article] += 1
            kinds[name][kind] += 1
    if across_scripts:
        _unify_scripts(counts, kinds, readings)
    entities = [Entity(name, _vote(kinds[name]), dict(counts[name])) for name in counts]
    entities.sort(key=lambda e: (-sum(e.mentions.values()), e.name))
    logger.debug("entities_for: %d articles, %d entities", len(articles), len(entities))
    return entities


_SKELETAL_WORD = re.compile(LETTERS)


def named_across_scripts(
    mentions: Mapping[str, Sequence[Mention]],
    texts: Mapping[str, str],
    allowed: Mapping[str, Sequence[tuple[int, int, frozenset[str]]]] | None = None,
) -> dict[str, list[Mention]]:
    """Each article's mentions, with those of the articles written without capitals (Hebrew, the
    Arabic and the Indic scripts, Hangul: most of their words :func:`~newsprism.nlp.translit.skeletal`)
    added: a word whose consonant skeleton is that of the last word of a name the other articles
    name, and of no other ("ז'ירינובסקי", "ज़िरिनोव्स्की" for "Vladimir Zhirinovsky"; only skeletons of
    four consonants or more count: see :data:`~newsprism.nlp.translit.MIN_SKELETON`); in Hangul and
    the Indic scripts, which write vowels, also a name of three consonants by its skeleton and its
    vowels ("푸틴", "पुतिन" for "Vladimir Putin": :func:`~newsprism.nlp.translit.written_sounds`).
    The rules find no names in such a text, so "who is named" would list none of its.

    Everyday words share a skeleton with some names ("नुकसान", loss, is Nixon's nksn): ``allowed``
    gives, per article, spans and the names a word inside one may be (those of the statements it
    was aligned with); a word outside them is none.  Without it every name counts anywhere."""
    caseless = [a for a, text in texts.items() if written_without_capitals(text)]
    if not caseless or len(texts) < 2:
        return {a: list(found) for a, found in mentions.items()}
    named: dict[str, str] = {}  # name -> kind, from the other articles
    for a in sorted(mentions):
        if a not in caseless:
            for m in mentions[a]:
                named.setdefault(m.name, m.kind)
    by_skeleton: dict[str, set[str]] = defaultdict(set)
    for name in named:
        for k in skeletons(name.split()[-1]):
            if len(k) >= MIN_SKELETON:
                by_skeleton[k].add(name)
        for k in short_name_sounds(name.split()[-1]):  # "Putin": btn with its vowels, for Hangul and Indic
            by_skeleton[k].add(name)
    out = {a: list(found) for a, found in mentions.items()}
    if not by_skeleton:
        return out
    for a in caseless:
        found = out.setdefault(a, [])
        taken = [(m.start, m.end) for m in found]
        spans = allowed.get(a, ()) if allowed is not None else None
        for w in _SKELETAL_WORD.finditer(texts[a]):
            keys = word_skeletons(w.group()) | written_sounds(w.group())
            hits = {name for k in keys for name in by_skeleton.get(k, ())}
            if hits and spans is not None:
                hits &= {n for s, e, names in spans if s <= w.start() < e for n in names}
            if len(hits) != 1 or any(s < w.end() and w.start() < e for s, e in taken):
                continue  # none, or two names spelt with these consonants
            name = hits.pop()
            found.append(Mention(w.start(), w.end(), w.group(), name, named[name]))
        found.sort(key=lambda m: m.start)
    return out


def written_without_capitals(text: str) -> bool:
    """Whether most words of a text (its first 2,000 characters) are of Hebrew, the Arabic or an
    Indic script, where no capitals tell a name."""
    lettered = [w for w in _SKELETAL_WORD.findall(text[:2000]) if not w[0].isdigit()]
    return bool(lettered) and 2 * sum(1 for w in lettered if skeletal(w)) > len(lettered)


def _keys(name: str) -> tuple[str, ...] | None:
    keys = tuple(name_key(w) for w in name.split())
    return keys if keys and all(keys) else None  # type: ignore[return-value]


def _alike(a: str, b: str) -> bool:
    """Two names with the same keys whose words are also spelt alike (a case ending apart):
    "Кронштадте" / "Kronstadt" but not "Владивостоке" / "Vladimir"."""
    for x, y in zip(a.split(), b.split(), strict=False):
        sx, sy = spelling(x), spelling(y)
        if not sx or not sy or difflib.SequenceMatcher(None, sx, sy, autojunk=False).ratio() < 0.75:
            return False
    return True


def same_given_name(a: str, b: str) -> bool:
    """Two first names in any script that are one ("Петр" / "Pyotr" / "Peter", "Артем" / "Artyom"):
    the same spelling once ё is read as "e", or spelt alike."""
    ga, gb = given_name_spelling(a), given_name_spelling(b)
    if not ga or not gb:
        return False
    return ga == gb or difflib.SequenceMatcher(None, ga, gb, autojunk=False).ratio() >= 0.75


def _alike_person(a: str, b: str) -> bool:
    """Two full names of as many words: the first names one (:func:`same_given_name`), the others
    spelt alike."""
    x, y = a.split(), b.split()
    return len(x) == len(y) and same_given_name(x[0], y[0]) and _alike(" ".join(x[1:]), " ".join(y[1:]))


def _unify_scripts(
    counts: dict[str, Counter[str]], kinds: dict[str, Counter[str]], readings: Mapping[str, str] | None = None
) -> None:
    """Merge (in place) each name in Cyrillic letters into the Latin name it transliterates, else
    into the most mentioned Cyrillic name with the same keys (its forms in other cases); and each
    name with a reading (``readings``: Japanese names the analyser read) into the Latin name its
    reading spells."""
    readings = {n: r for n, r in (readings or {}).items() if n in counts and not _keys(n)}
    cyrillic = sorted((n for n in counts if _CYRILLIC.search(n)), key=lambda n: (-sum(counts[n].values()), n))
    katakana = [n for n in counts if _KATAKANA_NAME.fullmatch(n)]
    if not cyrillic and not readings and not katakana:
        return
    latin: dict[tuple[str, ...], str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    full_names: dict[str, set[str]] = defaultdict(set)
    for name in sorted(counts):
        if _CYRILLIC.search(name) or name in readings or (keys := _keys(name)) is None:
            continue
        latin.setdefault(keys, name)
        if len(keys) >= 2 and kinds[name]["person"]:
            surnames[keys[-1]].add(name)
        if len(keys) >= 2 and (kinds[name]["person"] or kinds[name]["other"]):
            full_names[keys[-1]].add(name)  # "Pyotr Morgunov", typed "other" by the English rules
    first_form: dict[tuple[str, ...], str] = {}
    for name in cyrillic:
        keys = _keys(name)
        if keys is None:
            continue
        target = latin.get(keys)
        if target is not None and not _alike(name, target):
            target = None
        if target is None and len(keys) == 1 and len(surnames.get(keys[0], ())) == 1:
            full = next(iter(surnames[keys[0]]))  # "Путин": the one Latin full name with that surname
            target = full if _alike(name, full.split()[-1]) else None
        if target is None and len(keys) >= 2:
            # "Петр Моргунов" / "Pyotr Morgunov": the surname's key, and every word spelt alike
            alike = [full for full in sorted(full_names.get(keys[-1], ())) if len(full.split()) == len(keys)]
            alike = [full for full in alike if _alike_person(name, full)]
            target = alike[0] if len(alike) == 1 else None
        if target is None:
            target = first_form.setdefault(keys, name)
        if target != name:
            counts[target].update(counts.pop(name))
            kinds[target].update(kinds.pop(name))
    if readings or katakana:
        by_reading = _LatinIndex(counts, kinds, {**readings, **dict.fromkeys(katakana, "")})
        for name in sorted({*readings, *katakana}, key=lambda n: (-sum(counts[n].values()), n)):
            target = by_reading.find(readings[name], kinds[name]["person"] > 0) if name in readings else None
            if target is None and name in katakana:
                target = by_reading.sounding(name, _vote(kinds[name]))
            if target is not None:
                counts[target].update(counts.pop(name))
                kinds[target].update(kinds.pop(name))


# Words after a place name in English that the Japanese name leaves out ("長野": "Nagano Prefecture").
_JA_PLACE_HEADS = _wordset("Prefecture City Town Village Ward District Island Islands Shrine Temple Station")


def _loose(name: str) -> tuple[str, ...] | None:
    """Keys of a name's words that keep short words too ("Ito", "Abe"): readings are matched only
    against the names of one story, and whole words must also be spelt alike."""
    keys = tuple((spelling(w) or "")[:KEY_LENGTH] for w in name.split())
    return keys if keys and all(len(k) >= 2 for k in keys) else None


class _LatinIndex:
    """The Latin names of a story, looked up by a Japanese name's reading or a katakana name's
    sound."""

    def __init__(
        self, counts: Mapping[str, Counter[str]], kinds: Mapping[str, Counter[str]], skip: Mapping[str, str]
    ) -> None:
        self.names: dict[tuple[str, ...], str] = {}
        self.person_words: dict[str, set[str]] = defaultdict(set)
        self.sounds: dict[str, set[str]] = defaultdict(set)
        self.surname_sounds: dict[str, set[str]] = defaultdict(set)
        self.tail_sounds: dict[tuple[int, str], set[str]] = defaultdict(set)  # (words, sound)
        for name in sorted(counts):
            if name in skip or _CYRILLIC.search(name):
                continue
            for sound in latin_sounds(name):
                self.sounds[sound].add(name)
            words = name.split()
            if len(words) >= 2 and kinds[name]["person"]:
                for sound in latin_sounds(words[-1]):  # "ナダル": "Rafael Nadal"
                    self.surname_sounds[sound].add(name)
            for k in range(max(1, len(words) - MAX_SOUND_WORDS), len(words)):  # "トム・ライト": "Winger Tom Wright"
                for sound in latin_sounds(" ".join(words[k:])):
                    self.tail_sounds[len(words) - k, sound].add(name)
            if (keys := _loose(name)) is None:
                continue
            self.names.setdefault(keys, name)
            words = name.split()
            if len(words) >= 2 and words[-1] in _JA_PLACE_HEADS:  # "Nagano Prefecture" is found as "Nagano" too
                self.names.setdefault(keys[:-1], name)
            if len(words) == 2 and (kinds[name]["person"] or kinds[name]["other"]):  # "Suzuki Shohei": no cue
                for key in keys:  # English writes Japanese names in either order: "Ito Yuji", "Yuji Ito"
                    self.person_words[key].add(name)

    def find(self, reading: str, person: bool) -> str | None:
        """The name ``reading`` spells (a person's words in either order), else, for a person, the
        one full name holding the reading's surname ("Okubo": "Yoichi Okubo", "Okubo Yoichi")."""
        keys = _loose(reading)
        if keys is None:
            return None
        words = reading.split()
        orders = [words, words[::-1]] if person and len(words) == 2 else [words]
        for order in orders:
            target = self.names.get(keys if order is words else keys[::-1])
            if target is not None and _alike(" ".join(order), target):
                return target
        if not person:
            return None
        surname = words[-1]
        holders = {n for n in self.person_words.get(keys[-1], ()) if any(_same_word(surname, w) for w in n.split())}
        return next(iter(holders)) if len(holders) == 1 else None

    def sounding(self, katakana: str, kind: str) -> str | None:
        """The one Latin name that sounds as the katakana name does ("プーチン": "Putin"), else, for
        a person, the one full name whose surname does ("ナダル": "Rafael Nadal"), else the one
        name whose last words, as many as the katakana name has and at least two, do ("トム・ライト":
        "Winger Tom Wright", but "スター・ウォーズ" is not "United States", nor "シモンズ" "Health
        Agency"; not for places: "マドリード" is not "Real Madrid"); only when the sound has at least
        :data:`_MIN_SOUND` consonants."""
        sound = katakana_sound(katakana)
        if sound is None or len(sound) < _MIN_SOUND:
            return None
        found = self.sounds.get(sound, set())
        if not found and kind == "person":
            found = self.surname_sounds.get(sound, set())
        if not found and kind != "place":
            parts = len(re.split("[・＝]", katakana))
            found = self.tail_sounds.get((parts, sound), set()) if parts >= 2 else set()
        return next(iter(found)) if len(found) == 1 else None


# Consonant classes a katakana name must sound to be matched: "Putin" (ptn) is, "Cisco" (sk) is not.
_MIN_SOUND = 3
_KATAKANA_NAME = re.compile(r"[ァ-ヴ][ァ-ヴー]*(?:[・＝][ァ-ヴ][ァ-ヴー]*)*")


def _same_word(a: str, b: str) -> bool:
    sa, sb = spelling(a), spelling(b)
    if not sa or not sb:
        return False
    return sa == sb or (min(len(sa), len(sb)) >= 4 and _alike(a, b))
