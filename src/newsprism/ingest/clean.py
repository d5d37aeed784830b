"""The cleaner: a :class:`~newsprism.model.Draft` becomes an :class:`~newsprism.model.Article`.

Steps, in order: HTML extraction (drafts with ``html``), text normalisation, title, repeated title
lines, dateline date, boilerplate lines and the agency dateline prefix, minimum length, outlet,
language, content hash.  Everything is deterministic; a draft that cannot become an article gives a
:class:`~newsprism.model.Rejection` with a short reason (``no-article-text``, ``empty``,
``binary``, ``undecodable``, ``extraction-failed``).

Outlet precedence: explicit metadata (the draft's ``outlet``, the page's site name) > evidence in
the text (agency dateline, copyright owner, app promo) > the URL's host (a table of well-known
hosts, else the registrable domain).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from ..errors import IngestError, ParseError
from ..model import Article, Draft, Rejection
from ..nlp.language import contradicts, normalise_language
from .base import Extracted, HtmlExtractor, LanguageDetector
from .boilerplate import match_line, strip_copyright_suffix, strip_dateline_prefix
from .dates import find_dateline, is_dateline, parse_date
from .parsers import check_binary

__all__ = [
    "KNOWN_HOSTS",
    "Cleaner",
    "content_hash",
    "normalise_text",
    "outlet_for_host",
    "registrable_domain",
    "title_key",
]

logger = logging.getLogger(__name__)

LANGUAGE_SAMPLE_CHARS = 1500
TITLE_WINDOW = 3  # non-empty lines at the top of a body where a repeated title is looked for
MAX_TITLE_LINE = 300  # a longer first line is a paragraph, not a title
PARAGRAPH_WORDS = 12  # a first line of this many words ending in a full stop is a paragraph too
DERIVED_TITLE_CHARS = 150
MAX_REPLACEMENT_RATIO = 0.02  # share of U+FFFD above which text counts as undecodable

KNOWN_HOSTS: dict[str, str] = {
    "nytimes.com": "The New York Times",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "ap.org": "Associated Press",
    "nbcnews.com": "NBC News",
    "bloomberg.com": "Bloomberg",
    "cnn.com": "CNN",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "washingtonpost.com": "The Washington Post",
    "foxnews.com": "Fox News",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "wsj.com": "The Wall Street Journal",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "npr.org": "NPR",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "axios.com": "Axios",
    "thehill.com": "The Hill",
    "nypost.com": "New York Post",
    "time.com": "Time",
    "newsweek.com": "Newsweek",
    "theatlantic.com": "The Atlantic",
    "huffpost.com": "HuffPost",
    "huffingtonpost.com": "HuffPost",
    "msnbc.com": "MSNBC",
    "cnbc.com": "CNBC",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "dailymail.co.uk": "Daily Mail",
    "thetimes.co.uk": "The Times",
    "afp.com": "AFP",
    "france24.com": "France 24",
    "dw.com": "DW",
    "euronews.com": "Euronews",
    "rt.com": "RT",
    "tass.com": "TASS",
    "scmp.com": "South China Morning Post",
    "abc.net.au": "ABC News (Australia)",
    "cbc.ca": "CBC News",
    "breitbart.com": "Breitbart",
    "vox.com": "Vox",
    "detroitnews.com": "The Detroit News",
    "lemonde.fr": "Le Monde",
    "spiegel.de": "Der Spiegel",
    "elpais.com": "El País",
}
# Second-level labels under which registrations happen one level deeper ("bbc.co.uk").
_SECOND_LEVEL = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "co.za",
    "co.jp", "ne.jp", "or.jp", "co.kr", "co.in", "com.br", "com.mx", "com.ar", "com.tr", "com.cn",
    "com.hk", "com.sg", "com.tw", "co.il", "com.ua", "com.pl",
})  # fmt: skip
# Second-level labels under which countries register names (com.ph, org.eg, ac.za, gob.mx, go.jp)
# (not "net" or "mil": net.hr and mil.ru are sites)
_GENERIC_SECOND_LEVEL = frozenset("com co org or ne ac edu gov gob go".split())
# Hosts whose subdomains are separate publishers (blogspot.com, blogspot.nl ..., go.com).
_BLOG_HOSTS = frozenset({"blogspot", "wordpress", "substack", "tumblr", "medium", "github", "go", "typepad"})
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = dict.fromkeys(map(ord, _ZERO_WIDTH_CHARS))
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_BREAK_CHARS = ("\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")  # what _LINE_BREAKS matches
_BLANK_RUNS = re.compile(r"\n{3,}")
_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
# ASCII bytes: the characters of _WORD kept, every other one a space
_ASCII_WORD_BYTES = bytes(c if _WORD.fullmatch(chr(c)) else 0x20 for c in range(128)) + b" " * 128


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no zero-width characters, single spaces, no blank-line runs.

    One paragraph per line; one blank line at most between paragraphs; no spaces at line ends.
    """
    # Each step is skipped when it would change nothing (most texts have no zero-width characters,
    # no other line breaks than \n, no runs of blank lines): the same result, several times faster.
    if not text.isascii():  # ASCII is NFC already and has no zero-width characters
        text = unicodedata.normalize("NFC", text)
        if any(c in text for c in _ZERO_WIDTH_CHARS):  # str.translate reads a dict per character
            text = text.translate(_ZERO_WIDTH)
    if any(c in text for c in _BREAK_CHARS):
        text = _LINE_BREAKS.sub("\n", text)
    # runs of whitespace as one space, none at the ends: what re.sub(r"[^\S\n]+", " ", line).strip() gives
    # (str.split and the \s of re share one definition of whitespace)
    text = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def title_key(text: str) -> str:
    """Case-, space- and punctuation-insensitive key of a line, to compare it with the title."""
    return _NON_WORD.sub("", text.casefold())


def content_hash(title: str, text: str) -> str:
    """SHA-256 of the case-folded title and text with runs of non-alphanumerics as one space.

    Whitespace- or punctuation-only edits give the same hash.
    """
    # the words (runs of letters and digits) joined by single spaces: re.sub(r"[\W_]+", " ", ...).strip()
    folded = f"{title}\n{text}".casefold()
    if folded.isascii():  # the same words, found by a byte table (several times faster than the pattern)
        return hashlib.sha256(b" ".join(folded.encode("ascii").translate(_ASCII_WORD_BYTES).split())).hexdigest()
    return hashlib.sha256(" ".join(_WORD.findall(folded)).encode("utf-8")).hexdigest()


def registrable_domain(host: str) -> str:
    """``"www.news.example.co.uk"`` -> ``"example.co.uk"`` (a small table, not the public suffix list).

    On blog hosts the blog is the publisher: ``"someone.blogspot.com"`` stays whole.
    """
    labels = host.lower().strip(".").split(".")
    if len(labels) >= 3 and (
        ".".join(labels[-2:]) in _SECOND_LEVEL
        or labels[-2] in _BLOG_HOSTS
        # a country's generic second level: sunstar.com.ph, ahram.org.eg, wits.ac.za, abc.gob.mx
        or (len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL)
    ):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_for_host(host: str) -> str | None:
    """The outlet of a well-known host or any of its parent domains, else ``None``."""
    labels = host.lower().strip(".").split(".")
    for start in range(len(labels) - 1):
        name = KNOWN_HOSTS.get(".".join(labels[start:]))
        if name is not None:
            return name
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").lower()
    if "." not in host or not re.fullmatch(r"[a-z0-9.-]+", host):
        return None
    return host.removeprefix("www.")


def _first_sentence(line: str) -> str:
    from ..nlp.sentences import split_sentences  # abbreviations, decimals: "Mr. Smith", "magnitude 5 . 9"

    found = split_sentences(line[:2000])  # a title is one sentence: a 1.7 MB line need not be split
    sentence = found[0].text if found else line
    if len(sentence) <= DERIVED_TITLE_CHARS:
        return sentence
    cut = sentence[:DERIVED_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


@dataclass(slots=True)
class _Evidence:
    """Publisher names found in the text, per kind of evidence."""

    dateline: str | None = None
    copyright: str | None = None
    app_promo: str | None = None
    dropped: list[str] = field(default_factory=list)

    def best(self) -> str | None:
        return self.dateline or self.copyright or self.app_promo


class Cleaner:
    """Turns drafts into articles.  Stateless apart from its injected stages: safe to pickle.

    ``min_text_chars``: an article whose clean body is shorter is rejected as ``empty``.
    """

    name = "newsprism.cleaner.v1"

    def __init__(self, extractor: HtmlExtractor, detector: LanguageDetector, *, min_text_chars: int) -> None:
        self.extractor = extractor
        self.detector = detector
        self.min_text_chars = min_text_chars

    def clean(self, draft: Draft) -> Article | Rejection:
        try:
            return self._clean(draft)
        except IngestError as exc:
            return Rejection(draft.origin, exc.reason, exc.message)

    def _clean(self, draft: Draft) -> Article | Rejection:
        extracted: Extracted | None = None
        if draft.text is not None and draft.text.strip():
            raw, title_in_text = draft.text, draft.title_in_text
        elif draft.html is not None and draft.html.strip():
            extracted = self.extractor.extract(draft.html, url=draft.url)
            if extracted is None:
                return Rejection(draft.origin, "no-article-text", "no main text found in the page")
            raw, title_in_text = extracted.text, False
        else:
            return Rejection(draft.origin, "empty", "no text")
        _check_decoded(raw)
        all_lines = normalise_text(raw).split("\n")

        title = _one_line(draft.title) or _one_line(extracted.title if extracted else None)
        title_date = None
        if title is not None and is_dateline(title):  # a "title" that is only a date is no title
            title_date, title, title_in_text = parse_date(title), None, True
        lines = all_lines
        from_lead = False  # a title derived from the lead, which stays in the body
        if title is None and title_in_text:
            title, lines = _title_from_text(all_lines)
            from_lead = lines is all_lines
        if not from_lead:
            lines = _drop_repeated_title(lines, title)
        text, evidence, dateline_date = _body(lines)
        if not text and len(lines) < len(all_lines):
            # The title line was all the text there is (one-sentence documents): it is the body too.
            text, evidence, dateline_date = _body(all_lines)
        published = (
            draft.published or parse_date(extracted.published if extracted else None) or dateline_date or title_date
        )
        if title is None:
            first = next((line for line in text.split("\n") if line), "")
            title = _first_sentence(first) if first else None
        if title is None or len(text) < self.min_text_chars:
            return Rejection(
                draft.origin,
                "empty",
                f"clean text has {len(text)} characters (minimum {self.min_text_chars})",
            )

        url = _a_url(draft.url) or (_a_url(extracted.url) if extracted else None)
        site_name = extracted.site_name if extracted else None
        declared = normalise_language(draft.language) or normalise_language(extracted.language if extracted else None)
        sample = f"{title}\n{text[:LANGUAGE_SAMPLE_CHARS]}"
        language = declared or normalise_language(self.detector.detect(sample))
        if declared and contradicts(declared, sample):  # metadata can be wrong: a feed's or a site's default
            detected = normalise_language(self.detector.detect(sample))
            if detected and detected != declared:
                logger.info("%s: declared language %s, but the text reads as %s", draft.origin, declared, detected)
                language = detected
        if evidence.dropped:
            logger.debug("%s: dropped boilerplate %s", draft.origin, ", ".join(evidence.dropped))
        return Article(
            external_id=draft.external_id or draft.origin,
            title=title,
            text=text,
            content_hash=content_hash(title, text),
            url=url,
            outlet=_resolve_outlet(draft.outlet, site_name, evidence, url),
            published=published,
            language=language,
            author=draft.author or (extracted.author if extracted else None),
            origin=draft.origin,
        )


def _body(lines: list[str]) -> tuple[str, _Evidence, datetime | None]:
    """The clean body: dateline line, boilerplate lines and agency prefix removed."""
    lines = list(lines)
    dateline_date, dateline_index = find_dateline(lines)
    if dateline_index is not None:
        del lines[dateline_index]
    evidence = _Evidence()
    lines = _drop_boilerplate(lines, evidence)
    return normalise_text("\n".join(lines)), evidence, dateline_date


def _check_decoded(text: str) -> None:
    check_binary(text)
    replacements = text.count("\ufffd")
    if replacements > 3 and replacements / len(text) > MAX_REPLACEMENT_RATIO:
        raise ParseError(f"{replacements} undecodable characters", reason="undecodable")


def _one_line(text: str | None) -> str | None:
    if text is None:
        return None
    line = " ".join(normalise_text(text).split())  # one line, single spaces
    return line or None


def _title_from_text(lines: list[str]) -> tuple[str | None, list[str]]:
    """The first non-empty line that is neither a dateline nor boilerplate, removed from the body.

    A first line longer than :data:`MAX_TITLE_LINE`, or a sentence of :data:`PARAGRAPH_WORDS` words
    or more that ends in a full stop ("The first paragraph says … on Friday."), is a paragraph
    (headlines do not end with a full stop): the title is derived from its first sentence and the
    line stays in the body, where the lead belongs.
    """
    for index, line in enumerate(lines):
        if not line or is_dateline(line) or match_line(line) is not None:
            continue
        if len(line) > MAX_TITLE_LINE or (
            len(line.split()) >= PARAGRAPH_WORDS and line.rstrip("\"'”’»)").endswith(".")
            # (a headline may end in "?" or "!", hardly ever in a full stop)
        ):
            return _first_sentence(line), lines
        return line, lines[:index] + lines[index + 1 :]
    return None, lines


def _drop_repeated_title(lines: list[str], title: str | None) -> list[str]:
    if title is None:
        return lines
    key = title_key(title)
    if not key:
        return lines
    out: list[str] = []
    seen = 0
    for line in lines:
        if line:
            seen += 1
            if seen <= TITLE_WINDOW and _keyed(line, key):
                continue
        out.append(line)
    return out


def _keyed(line: str, key: str) -> bool:
    """``title_key(line) == key``, a paragraph told apart by its start: the key is made character
    by character, so the key of a line's start begins the key of the line."""
    head = line[: len(key) + 8]
    if len(head) < len(line) and not key.startswith(title_key(head)):
        return False
    return title_key(line) == key


def _drop_boilerplate(lines: list[str], evidence: _Evidence) -> list[str]:
    out: list[str] = []
    for line in lines:
        found = match_line(line)
        if found is not None:
            evidence.dropped.append(found.name)
            if found.name == "copyright":
                evidence.copyright = evidence.copyright or found.outlet
            elif found.name == "app-promo":
                evidence.app_promo = evidence.app_promo or found.outlet
            continue
        line, owner = strip_copyright_suffix(line)
        if owner is not None:
            evidence.dropped.append("copyright")
            evidence.copyright = evidence.copyright or owner
        out.append(line)
    for index, line in enumerate(out):
        if line:
            rest, agency = strip_dateline_prefix(line)
            if agency is not None:
                evidence.dropped.append("dateline")
                evidence.dateline = agency
                out[index] = rest
            break
    return out


def _resolve_outlet(declared: str | None, site_name: str | None, evidence: _Evidence, url: str | None) -> str | None:
    if declared and declared.strip():
        return declared.strip()
    host = _host(url)
    if site_name and not (host and _echoes_host(site_name, host)):
        return site_name
    found = evidence.best()
    if found is not None:
        return found
    if host is not None:
        return outlet_for_host(host) or site_name or registrable_domain(host)
    return site_name


def _echoes_host(site_name: str, host: str) -> bool:
    """True when a site name was only derived from the host name ("Hosted" for hosted.ap.org)."""
    key = title_key(site_name)
    labels = host.split(".")
    return key in labels or key == "".join(labels) or key == "".join(labels[:-1])


_URL_LIKE = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.)[^\s/]+\S*")


def _a_url(value: str | None) -> str | None:
    """The value when it reads as a URL ("https://…", "www.…"); placeholders such as "N/A" or "none"
    are no URL, and two different articles sharing one would read as the same page."""
    value = (value or "").strip()
    return value if _URL_LIKE.fullmatch(value) else None
