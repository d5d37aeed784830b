"""Boilerplate in article bodies: named line patterns, agency datelines, and who they name.

Conservative by design: a line is dropped only when it is short (under :data:`MAX_LINE_CHARS`)
*and* one of the :data:`LINE_PATTERNS` matches it from its start to its end, so a sentence of news
text that merely mentions an app, a download or a copyright is kept.  The agency dateline
(``"WASHINGTON (Reuters) -"``, ``"(Bloomberg) --"``) is removed as a *prefix* of the first body
paragraph; the rest of that paragraph stays.

Some boilerplate names the publisher; :func:`outlet_evidence` returns it so the cleaner can infer
the outlet of an article that came without metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AGENCIES",
    "LINE_PATTERNS",
    "MAX_LINE_CHARS",
    "Boilerplate",
    "LinePattern",
    "canonical_outlet",
    "match_line",
    "strip_copyright_suffix",
    "strip_dateline_prefix",
]

MAX_LINE_CHARS = 200

_DASH = r"(?:--|—|–|-|:)"


@dataclass(frozen=True, slots=True)
class LinePattern:
    """A named boilerplate line.  ``outlet_group`` names the regex group holding a publisher."""

    name: str
    regex: re.Pattern[str]
    outlet_group: str | None = None
    max_chars: int = MAX_LINE_CHARS


def _p(name: str, pattern: str, *, outlet_group: str | None = None, max_chars: int = MAX_LINE_CHARS) -> LinePattern:
    return LinePattern(name, re.compile(pattern, re.IGNORECASE), outlet_group, max_chars)


#: Every boilerplate line newsprism drops, in the order they are tried.  Each must match the whole
#: (stripped) line.
LINE_PATTERNS: tuple[LinePattern, ...] = (
    # "Download the NBC News app for the latest news and politics", "Get the Fox News app".
    _p(
        "app-promo",
        r"(?:download|get)\s+(?:the\s+|our\s+)?(?:free\s+)?(?P<outlet>[\w&'’.\- ]{2,40}?)\s+"
        r"app(?:\s+(?:for|to|on|and|now|today|here)\b[^.!?]{0,100})?[.!]?",
        outlet_group="outlet",
        max_chars=140,
    ),
    # "©2021 Bloomberg L.P.", "© 2023 Reuters", "Copyright 2020 The Associated Press. All rights reserved."
    _p(
        "copyright",
        r"(?:©|(?:\(c\)|copyright)\s*(?:©|\(c\))?\s*(?=\d{4}))\s*(?P<year>\d{4}(?:\s*[-–]\s*\d{4})?,?)?\s*"
        r"(?P<owner>[^©]{0,80}?)[\s.,]*(?:all rights reserved\.?)?(?:\s*this material may not be[^.]*\.?)?",
        outlet_group="owner",
    ),
    _p("rights-reserved", r"all rights reserved\.?"),
    # "Sign up for our daily newsletter", "Subscribe to our newsletter", "Subscribe now".
    _p(
        "newsletter",
        r"(?:sign\s+up|subscribe)\b[^.!?]{0,120}\b(?:newsletter|newsletters|our|now|today|here|"
        r"free|updates|alerts|inbox|e-?mail)\b[^.!?]{0,80}[.!]?",
    ),
    _p("newsletter-title", r"(?:get\s+)?(?:our|the)\s+[\w ]{0,30}newsletter[.!:]?"),
    # "Follow us on Twitter", "Follow @AP on Twitter", "Follow Reuters on Facebook and Instagram".
    _p(
        "follow-us",
        r"follow\s+(?:us|@\w+|[\w&.' ]{1,40}?)\s+(?:on|at|via)\s+(?:twitter|facebook|instagram|x|linkedin|"
        r"tiktok|youtube|threads|bluesky|@\w+)\b[^.!?]{0,100}[.!]?|follow\s+us[.!:]?",
    ),
    # "Read more: ...", "More:", "Related: ...", "See also: ...", "Watch: ...".
    _p(
        "read-more",
        r"(?:read\s+more|more|related|related\s+coverage|see\s+also|also\s+read|read\s+also|recommended|"
        r"watch|listen|most\s+read)\s*(?::.{0,160}|»|>|\.\.\.|…)?",
    ),
    _p("read-rest", r"read\s+the\s+(?:rest|full\s+(?:story|article|report))\b[^.!?]{0,60}[.!]?"),
    _p("share", r"share\s+(?:this|on)\b[^.!?]{0,60}[.!]?|share"),
    _p("click-here", r"click\s+here\b[^.!?]{0,150}[.!]?"),
    # "Posted by Jane Doe on March 3, 2013", "On behalf of X, LLP. posted in Hit and Run Accidents on
    # Friday, September 20, 2013": a blog's byline, dated
    _p(
        "posted-note",
        r"(?:on\s+behalf\s+of\s+[^!?]{1,80}?\s+)?posted\s+(?:by|in|on|at)\b[^!?]{0,120}?\b(?:19|20)\d\d\s?\.?",
        max_chars=200,
    ),
    _p(
        "updated-note",
        r"this\s+(?:story|article|report|post)\s+(?:has\s+been|was|is\s+being|will\s+be)\s+updated\b[^.!?]{0,150}[.!]?",
    ),
    # "Reporting by Humeyra Pamuk; Editing by Mary Milliken", "(Additional reporting by ...)".
    _p(
        "credits",
        r"\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\s+(?-i:[A-Z])[^()]{0,180}\)?",
    ),
    _p(
        "contributed",
        r"(?:the\s+)?[\w.'’ ]{2,60}\s+contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)"
        r"(?:\s+(?:from|in)\s+[^.!?]{1,60})?[.!]?",
    ),
    _p(
        "contact-reporter",
        r"to\s+contact\s+the\s+(?:reporters?|editors?|authors?)\s+(?:on|of|responsible\s+for)\s+this\s+story\b.{0,150}",
    ),
    _p("photo-credit", r"(?:photo|photograph|image|picture|file\s+photo|video)(?:\s+credit)?\s*:\s*.{1,100}"),
    # "Follow AP's full coverage of Brexit at https://apnews.com/Brexit".
    _p("follow-coverage", r"follow\s+[\w.'’ ]{1,40}?\s+(?:full\s+)?coverage\s+(?:of|at|on)\b.{0,140}"),
    # "SOURCE: News agencies", "Source: NATO." (not the headline "Sources: Sox May Not Be Out Of ...").
    _p("source-credit", r"source\s*:\s*[\w.,&'’/-]+(?:\s+[\w.,&'’/-]+){0,3}"),
    _p("separator", r"[_*=~#•·-]{3,}"),
    _p("advertisement", r"advertisement|sponsored(?:\s+content)?|skip\s+advertisement"),
    # "By Jane Doe", "By ANNE GEARAN and JOHN WAGNER, Associated Press": a byline on its own line.
    _p(
        "byline",
        r"(?-i:By)\s+(?-i:[A-Z])[\w.'’\-]+(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*)(?-i:[A-Z])[\w.'’\-]+){0,7}",
        max_chars=90,
    ),
)

# Any of the patterns (their groups unnamed): one call tells that none matches, which is the answer
# for almost every line of article text.
_ANY_LINE = re.compile(
    "|".join(f"(?:{re.sub(r'[(][?]P<[a-z_]+>', '(?:', p.regex.pattern)})" for p in LINE_PATTERNS), re.IGNORECASE
)

# Words an app-promo match may capture that do not name a publisher ("Get the free app").
_NOT_OUTLETS = frozenset({"the", "our", "this", "free", "mobile", "new", "official", "latest", "news"})

# News agencies and their names as outlets; keys are lower-case as they appear in datelines.
AGENCIES: dict[str, str] = {
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
    "afp": "AFP",
    "cnn": "CNN",
    "upi": "UPI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "ansa": "ANSA",
    "efe": "EFE",
    "pti": "PTI",
    "ians": "IANS",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo News",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "cnbc": "CNBC",
    "marketwatch": "MarketWatch",
    "bbc": "BBC",
    "nbc": "NBC News",
    "abc": "ABC News",
    "cbs": "CBS News",
    "the hill": "The Hill",
}

# "(Bloomberg) --", "WASHINGTON (Reuters) -", "LONDON (AP) —", "(CNN)", "NEW YORK, May 3 (Reuters) -".
_DATELINE_PREFIX = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’\-]*(?:[ ,]+[A-Za-z.'’\-]+){0,5}?,?\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?)?"
    r"\((?P<agency>[A-Z][A-Za-z&.\- ]{0,30}?)\)\s*(?P<dash>--|—|–|-|:)?\s*(?=\S)"
)

_CORPORATE_SUFFIX = re.compile(
    r"(?:[\s,]+(?:L\.?\s?P\.?|Inc\.?|LLC|L\.?L\.?C\.?|Ltd\.?|Limited|plc|PLC|Corp\.?|Corporation|Co\.|"
    r"GmbH|AG|S\.?A\.?|N\.?V\.?|B\.?V\.?|Group|Holdings|Media|Company|Publishing|Pty\.?))+\.?$"
)
_OUTLET_ALIASES: dict[str, str] = {
    "the associated press": "Associated Press",
    "associated press": "Associated Press",
    "the ap": "Associated Press",
    "thomson reuters": "Reuters",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "cable news network": "CNN",
    "nbc": "NBC News",
    "nbcnews": "NBC News",
    "nbc universal": "NBC News",
    "nbcuniversal": "NBC News",
    "the new york times": "The New York Times",
    "new york times": "The New York Times",
    "the washington post": "The Washington Post",
    "washington post": "The Washington Post",
    "guardian news": "The Guardian",
    "guardian news & media": "The Guardian",
    "the guardian": "The Guardian",
    "fox news network": "Fox News",
    "fox news": "Fox News",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "afp": "AFP",
    "bbc": "BBC",
    "al jazeera": "Al Jazeera",
    "al jazeera media network": "Al Jazeera",
}


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A boilerplate match: which pattern, and the publisher it names (if any)."""

    name: str
    outlet: str | None = None


def match_line(line: str) -> Boilerplate | None:
    """The boilerplate pattern matching the whole of ``line``, or ``None`` for article text."""
    stripped = line.strip()
    if not stripped or len(stripped) >= MAX_LINE_CHARS or _ANY_LINE.fullmatch(stripped) is None:
        return None
    for pattern in LINE_PATTERNS:
        if len(stripped) >= pattern.max_chars:
            continue
        match = pattern.regex.fullmatch(stripped)
        if match is None:
            continue
        outlet = None
        captured = (match.group(pattern.outlet_group) or "").strip() if pattern.outlet_group else ""
        if pattern.name == "copyright" and not match.group("year"):
            captured = ""  # "© Reuters" without a year is a photo credit, not the publisher's notice
        if captured[:1].isupper() and captured.lower() not in _NOT_OUTLETS:
            outlet = canonical_outlet(captured)
        return Boilerplate(pattern.name, outlet)
    return None


def strip_dateline_prefix(paragraph: str) -> tuple[str, str | None]:
    """Remove an agency dateline from the start of a paragraph: ``(rest, agency outlet)``.

    ``"(Bloomberg) -- Secretary of State ..."`` -> ``("Secretary of State ...", "Bloomberg")``.
    Unchanged (and ``None``) when the paragraph does not start with one.  A parenthesised name is
    taken as an agency when it is a known agency or is followed by a dash, and the text after it
    starts like a sentence.
    """
    match = _DATELINE_PREFIX.match(paragraph)
    if match is None:
        return paragraph, None
    agency = match.group("agency").strip()
    known = AGENCIES.get(agency.lower())
    place = (match.group("place") or "").strip()
    if known is None:
        # An unknown name counts only in the "PLACE (Name) -" shape: "Sen. Smith (R) -" is no dateline.
        if not match.group("dash") or len(agency) < 3 or len(agency.split()) > 4:
            return paragraph, None
        if place and not place.replace(",", "").replace(" ", "").isupper():
            return paragraph, None
    if place and not _looks_like_place(place):
        return paragraph, None
    rest = paragraph[match.end() :]
    if not re.match(r"[A-Z0-9\"'“‘(\[]", rest):
        return paragraph, None
    return rest, known or canonical_outlet(agency)


def _looks_like_place(place: str) -> bool:
    """A dateline place: capitalised words ("WASHINGTON", "NEW YORK, May 3", "Reykjavik, Iceland")."""
    words = re.findall(r"[A-Za-z][A-Za-z.'’\-]*", place)
    return bool(words) and all(w[0].isupper() for w in words) and len(place) <= 60


_COPYRIGHT_SUFFIX = re.compile(
    r"(?<=[.!?\"”’])\s*©\s*\d{4}\s*(?P<owner>[A-Z][\w&'’ .,-]{1,50}?)[\s.]*(?:All rights reserved\.?)?$"
)


def strip_copyright_suffix(line: str) -> tuple[str, str | None]:
    """Remove a trailing ``"©2021 Bloomberg L.P."`` glued to the end of a paragraph."""
    match = _COPYRIGHT_SUFFIX.search(line)
    if match is None or match.start() == 0:
        return line, None
    return line[: match.start()].rstrip(), canonical_outlet(match.group("owner"))


def canonical_outlet(name: str) -> str | None:
    """A publisher name cleaned up: corporate suffixes dropped, known aliases unified.

    ``"Bloomberg L.P."`` -> ``"Bloomberg"``, ``"The Associated Press"`` -> ``"Associated Press"``;
    ``None`` when nothing name-like is left.
    """
    text = re.sub(r"\s+", " ", name).strip(" .,;:-–—|")
    text = re.sub(r"(?i)\s*all rights reserved.*$", "", text).strip(" .,;:")
    previous = None
    while previous != text:
        alias = _OUTLET_ALIASES.get(text.lower())
        if alias is not None:
            return alias
        previous = text
        text = _CORPORATE_SUFFIX.sub("", text)
        text = re.sub(r"(?:\s+(?:&|and))+$", "", text).strip(" .,;:")
    if not text or len(text) > 60 or not re.search(r"[^\W\d_]", text):
        return None
    return AGENCIES.get(text.lower(), text)
