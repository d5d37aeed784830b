"""Parsers: the bytes of one input to :class:`~newsprism.model.Draft` records.

Each parser follows :class:`newsprism.ingest.base.Parser`: a bad record becomes a
:class:`~newsprism.model.Rejection` with a short reason, never an exception.

* :class:`TextParser` -- ``.txt``/``.md``: decoded text whose first non-empty line is the title;
  Markdown syntax (headings, emphasis, links, front matter) is reduced to readable text.
* :class:`JsonParser` / :class:`JsonlParser` -- one object, an array of objects, or one object per
  line with the fields ``id, url, source, title, text | html, published, language`` (aliases
  ``outlet``, ``date``, ``lang``, ``author``).
* :class:`HtmlParser` -- a page, decoded by its BOM or ``<meta charset>``; the cleaner extracts it.
"""

from __future__ import annotations

import codecs
import json
import logging
import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from ..errors import IngestError, ParseError, UnsupportedInput
from ..model import Draft, Rejection
from .base import Parser
from .dates import parse_date

__all__ = [
    "HtmlParser",
    "JsonLine",
    "JsonParser",
    "JsonlParser",
    "TextParser",
    "check_binary",
    "decode_bytes",
    "draft_from_record",
    "markdown_to_text",
    "parser_for",
]

logger = logging.getLogger(__name__)

MAX_CONTROL_RATIO = 0.05  # share of control characters above which content counts as binary
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``data`` starts with that byte-order mark (a format whose
    newline is not the byte b"\\n" alone), else None."""
    return next((enc for bom, enc in _BOMS if enc != "utf-8-sig" and data.startswith(bom)), None)


_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "shift_jis", "gb18030", "big5")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)


# --- decoding -----------------------------------------------------------------------------------


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode text: BOM, then the ``declared`` charset, then UTF-8, then a charset_normalizer guess.

    Raises :class:`UnsupportedInput` (reason ``binary``) for NUL bytes outside UTF-16/32 and
    :class:`ParseError` (reason ``undecodable``) when no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(f"invalid {encoding} after its byte-order mark", reason="undecodable") from exc
    if b"\x00" in data:
        raise UnsupportedInput("binary content (NUL bytes)", reason="binary")
    if declared:
        try:
            return data.decode(codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            logger.debug("declared charset %r does not decode; guessing", declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only undeclared non-UTF-8 input needs it

    matches = list(from_bytes(data))
    if not matches:
        raise ParseError("no text encoding fits these bytes", reason="undecodable")
    best = matches[0]
    # Equally good guesses (cp1250 and cp1252 often tie on French or German): prefer the web's
    # legacy defaults, which is what an undeclared Western page most likely is.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = min(tied, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED))
    # The guesser's chaos measure is weak on a short text with a few non-ASCII bytes (a Windows-1252
    # "€2.4bn" came out as "Ć2.4bn" in cp775, a Polish "powiedział" as "powiedzia³"): the legacy
    # code pages are read too, and the decoding with the fewest implausible characters wins (the
    # guesser's order, then the web's defaults, break ties).
    order = [m.encoding for m in matches] + [e for e in _LEGACY if e not in {m.encoding for m in matches}]
    rank: dict[str, int] = {}
    for encoding in (best.encoding, *order):
        rank.setdefault(encoding, len(rank))
    sample = data[:_SCORED_BYTES]  # scored on a prefix (a character cut at its end is dropped)
    scores: dict[str, int] = {}
    for encoding in rank:
        try:
            scores[encoding] = _implausible(sample.decode(encoding, errors="ignore"))
        except LookupError:
            continue
    for encoding in sorted(scores, key=lambda e: (scores[e], rank[e])):
        if encoding == best.encoding:
            return str(best)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        logger.debug("guessed encoding %s", encoding)
        return text
    return str(best)


# Single-byte code pages of legacy files (Western, Central European, Cyrillic, Turkish, Greek)
_LEGACY = ("cp1252", "cp1250", "cp1251", "iso8859_2", "koi8_r", "cp866", "cp1254", "iso8859_7", "mac_roman")
_SCORED_BYTES = 1 << 16
_TYPOGRAPHY = frozenset("“”‘’„‚«»‹›–—…€£¥°§•·±×÷©®™¢\u00a0\u00ad")
_LATIN_ACCENTED = re.compile(r"\b[\u00c0-\u024f]{3,}\b")  # "Ïðåçèäåíò": Cyrillic read as Latin-1


def _implausible(text: str) -> int:
    """How many characters of a decoding cannot be right: a C1 control, a symbol or a number sign
    glued to a letter ("powiedzia³", "£odzi"), a letter glued to a digit or before a capital
    ("Ć2.4bn", "ōWhat"), a word of accented Latin letters only
    ("Ïðåçèäåíò"), a word mixing Latin and Cyrillic or Greek letters ("Њ‹ћ“s")."""
    text = text[:20_000]
    bad = 0
    for k, ch in enumerate(text):
        if "\uff61" <= ch <= "\uff9f" or (ch.isdigit() and not ch.isascii() and _by_ascii(text, k)):
            bad += 1  # half-width katakana, another script's digit next to Latin: "GB｣5bn", "GB۲5bn"
            continue
        if ch.isascii() or (ch in _TYPOGRAPHY and ch not in "£¥±×÷") or ch >= "\u2e80":  # CJK: "10人", "3月"
            continue
        if ch in "€£¥" and text[k + 1 : k + 2].isdigit():
            continue  # "GB£5bn", "€2.4bn"
        if "\x80" <= ch <= "\x9f" or (unicodedata.category(ch) in _SYMBOLS and _glued(text, k)):
            bad += 1
        elif ch.isalpha() and (_by_digit(text, k) or (ch.islower() and text[k + 1 : k + 2].isupper())):
            bad += 1  # "Ć2.4bn", "ōWhat": a currency sign or a quote mark read as a letter
    mixed = sum(1 for word in _NON_ASCII_WORD.findall(text) if len({_script(c) for c in word} - {None}) > 1)
    return bad + 3 * len(_LATIN_ACCENTED.findall(text)) + 3 * mixed


_SYMBOLS = frozenset(("So", "Sm", "Sc", "Sk", "No", "Co", "Cn"))
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f\W]\w*")


def _script(ch: str) -> str | None:
    """Latin, Cyrillic or Greek for a letter of those scripts (ASCII letters are Latin)."""
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    return next((s for s in ("LATIN", "CYRILLIC", "GREEK") if name.startswith(s)), None)


def _by_ascii(text: str, k: int) -> bool:
    return (k > 0 and text[k - 1].isascii() and text[k - 1].isalnum()) or (
        k + 1 < len(text) and text[k + 1].isascii() and text[k + 1].isalnum()
    )


def _by_digit(text: str, k: int) -> bool:
    return (k > 0 and text[k - 1].isdigit()) or (k + 1 < len(text) and text[k + 1].isdigit())


def _glued(text: str, k: int) -> bool:
    return (k > 0 and text[k - 1].isalpha()) or (k + 1 < len(text) and text[k + 1].isalpha())


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc minus \t \n \v \f \r


def check_binary(text: str) -> None:
    """Raise :class:`UnsupportedInput` (``binary``) when control characters abound in ``text``."""
    sample = text[:20_000]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls / len(sample) > MAX_CONTROL_RATIO:
        raise UnsupportedInput(f"binary content ({controls} control characters)", reason="binary")


def _decode_checked(data: bytes, *, declared: str | None = None) -> str:
    text = decode_bytes(data, declared=declared)
    check_binary(text)
    return text


def _rejection(origin: str, exc: IngestError) -> Rejection:
    return Rejection(origin, exc.reason, exc.message)


# --- plain text and Markdown --------------------------------------------------------------------


class TextParser:
    """``.txt`` and ``.md``: one draft whose first non-empty line is its title.

    ``markdown``: ``None`` decides by the origin's extension (and a leading ``# `` heading for
    extension-less input such as stdin).
    """

    def __init__(self, *, markdown: bool | None = None) -> None:
        self.markdown = markdown

    def parse(self, data: bytes, *, origin: str) -> Iterator[Draft | Rejection]:
        try:
            text = _decode_checked(data)
        except IngestError as exc:
            yield _rejection(origin, exc)
            return
        if not text.strip():
            yield Rejection(origin, "empty", "no text")
            return
        meta: dict[str, str] = {}
        if self._is_markdown(text, origin):
            meta, text = _front_matter(text)
            text = markdown_to_text(text)
        yield Draft(
            origin=origin,
            text=text,
            title=meta.get("title") or None,
            url=meta.get("url") or None,
            outlet=meta.get("source") or meta.get("outlet") or None,
            author=meta.get("author") or None,
            language=meta.get("language") or meta.get("lang") or None,
            published=parse_date(meta.get("published") or meta.get("date")),
            title_in_text=not meta.get("title"),
        )

    def _is_markdown(self, text: str, origin: str) -> bool:
        if self.markdown is not None:
            return self.markdown
        if origin.lower().endswith(_MARKDOWN_SUFFIXES):
            return True
        first = next((line for line in text.splitlines() if line.strip()), "")
        return bool(re.match(r"#{1,6}\s", first)) and not origin.lower().endswith(".txt")


_FRONT_KEYS = frozenset({"title", "url", "source", "outlet", "author", "date", "published", "language", "lang"})


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style ``---`` front matter: a few flat ``key: value`` fields, and the rest of the text."""
    match = re.match(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", text, re.DOTALL)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in _FRONT_KEYS:
            meta[key] = value.strip().strip("\"'")
    return meta, text[match.end() :]


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’»)]\s*$")


def markdown_to_text(text: str) -> str:
    """Readable plain text from Markdown: one paragraph per line, syntax removed.

    Headings lose their ``#``, emphasis and code marks go, ``[x](url)`` becomes ``x``, images,
    link definitions, rules and code fences are dropped, soft-wrapped lines are joined.
    """
    out: list[str] = []
    paragraph: list[str] = []
    in_fence = False
    setext_title = False  # the previous line was a heading underlined by the current one

    def flush() -> None:
        if paragraph:
            out.append(" ".join(paragraph))
            paragraph.clear()

    lines = text.splitlines()
    for index, raw in enumerate(lines):
        if _MD_FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence or _MD_LINK_DEF.match(raw):
            continue
        line = _MD_QUOTE.sub("", raw).rstrip()
        if not line.strip():
            flush()
            out.append("")
            continue
        if _MD_SETEXT.match(line) and (paragraph or setext_title):  # "Title\n=====": it was a heading
            flush()
            setext_title = False
            continue
        setext_title = False
        if _MD_RULE.match(line):
            flush()
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            out.append(_inline(heading.group(1)))
            continue
        if _MD_LIST.match(line):
            flush()
            paragraph.append(_inline(line.strip()))
            continue
        setext_title = index + 1 < len(lines) and bool(_MD_SETEXT.match(lines[index + 1])) and not paragraph
        if paragraph and _SENTENCE_END.search(paragraph[-1]):
            flush()  # one paragraph per line already: keep the author's line breaks
        paragraph.append(_inline(line.strip()))
        if setext_title or raw.endswith("  "):  # hard line break
            flush()
    flush()
    return "\n".join(out)


def _inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text).strip()


# --- JSON and JSONL -----------------------------------------------------------------------------


def _json_kind(value: Any) -> str:
    """What a JSON value is, as JSON names it: "null", "a string", "a list" ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, Mapping) else "a value of another kind"


def draft_from_record(record: Any, *, origin: str) -> Draft | Rejection:
    """A draft from one JSON record, or a rejection (``malformed-json``, ``missing-text``)."""
    if not isinstance(record, Mapping):
        return Rejection(origin, "malformed-json", f"record is {_json_kind(record)}, not an object")
    text = _text_field(record.get("text"))
    html = _text_field(record.get("html"))
    if not (text and text.strip()) and not (html and html.strip()):
        wrong = [k for k in ("text", "html") if record.get(k) is not None and _text_field(record[k]) is None]
        if wrong:
            kinds = ", ".join(
                (f"'{k}' is an empty list" if not record[k] else f"'{k}' is a list with items that are not strings")
                if isinstance(record[k], list)
                else f"'{k}' is {_json_kind(record[k])}, not a string (or a list of strings)"
                for k in wrong
            )
            return Rejection(origin, "missing-text", kinds)
        blank = [k for k in ("text", "html") if isinstance(record.get(k), str | list)]
        if blank:  # "text": "" is there, but says nothing
            verb = "holds" if len(blank) == 1 else "hold"
            return Rejection(origin, "missing-text", " and ".join(f"'{k}'" for k in blank) + f" {verb} no text")
        return Rejection(origin, "missing-text", "record has neither 'text' nor 'html'")
    url = _str_field(record.get("url"))
    outlet = _str_field(_first(record, "source", "outlet", kinds=str))
    compact = re.sub(r"\s+", "", outlet or "")
    if re.match(r"https?://", compact):  # some corpora put the (tokenised) article URL in 'source'
        url = url or compact
        outlet = None
    title = _str_field(record.get("title"))
    published_raw = _first(record, "published", "date", kinds=(str, int, float))
    _log_ignored(record, origin)
    return Draft(
        origin=origin,
        text=text if text and text.strip() else None,
        html=None if text and text.strip() else html,
        external_id=_id_field(record.get("id")),
        url=url,
        outlet=outlet,
        title=title,
        published=_published(published_raw, origin),
        language=_str_field(_first(record, "language", "lang", kinds=str)),
        author=_author(record.get("author")),
        title_in_text=title is None,
    )


_STRING_FIELDS = ("title", "url", "source", "outlet", "language", "lang")


def _log_ignored(record: Mapping[str, Any], origin: str) -> None:
    """Say (with -v) which fields of a record are of a type newsprism does not read, and so left
    out: a number as a title, a list as an id, true as a date."""
    if not logger.isEnabledFor(logging.INFO):
        return
    wrong = [k for k in _STRING_FIELDS if record.get(k) not in (None, "") and not isinstance(record[k], str)]
    if isinstance(record.get("id"), list | dict):
        wrong.append("id")
    for key in ("published", "date"):
        if isinstance(record.get(key), bool | list | dict):
            wrong.append(key)
    if wrong:
        kinds = ", ".join(f"'{k}' ({_json_kind(record[k])})" for k in wrong)
        logger.info("%s: left out %s: not a type newsprism reads there", origin, kinds)


def _first(record: Mapping[str, Any], *keys: str, kinds: type | tuple[type, ...] = object) -> Any:
    """The first of ``keys`` with a non-empty value of one of ``kinds`` (a value of another type
    does not hide a readable one under the next key: ``"source": {...}, "outlet": "BBC"``)."""
    for key in keys:
        value = record.get(key)
        if value is not None and value != "" and isinstance(value, kinds) and not isinstance(value, bool):
            return value
    return None


def _text_field(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(value)  # a list of paragraphs
    return None


def _str_field(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    return None


def _id_field(value: Any) -> str | None:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # 1e400, NaN: no id (the line's origin stands for it)
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
    return None


def _author(value: Any) -> str | None:
    if isinstance(value, list):
        names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
        return ", ".join(names) or None
    return _str_field(value)


def _published(value: Any, origin: str) -> datetime | None:
    if not isinstance(value, str | int | float):
        return None
    found = parse_date(value)
    if found is None:
        logger.debug("%s: unparsable date %r ignored", origin, value)
    return found


class JsonParser:
    """``.json``: one object or an array of objects (array items are ``path[i]``)."""

    def parse(self, data: bytes, *, origin: str) -> Iterator[Draft | Rejection]:
        try:
            text = decode_bytes(data)
        except IngestError as exc:
            yield _rejection(origin, exc)
            return
        if not text.strip():
            yield Rejection(origin, "empty", "no JSON content")
            return
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and _looks_like_jsonl(text):  # JSON lines in a .json file
                yield from JsonlParser().parse(data, origin=origin)
            else:
                yield Rejection(f"{origin}:{exc.lineno}", "malformed-json", f"{exc.msg} (column {exc.colno})")
            return
        except (ValueError, RecursionError) as exc:
            yield Rejection(origin, "malformed-json", _unreadable_json(exc))
            return
        if isinstance(document, list):
            if not document:
                yield Rejection(origin, "empty", "empty JSON array")
            for index, record in enumerate(document):
                yield draft_from_record(record, origin=f"{origin}[{index}]")
        else:
            yield draft_from_record(document, origin=origin)


def _unreadable_json(exc: ValueError | RecursionError) -> str:
    """Why valid-looking JSON cannot be read: Python refuses integers of more than 4,300 digits
    and nesting deeper than its recursion limit (a 4 KB line of brackets)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return "a number too long to read" if "digits" in str(exc) else str(exc)


def _looks_like_jsonl(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.startswith("{") for line in lines)


@dataclass(frozen=True, slots=True)
class JsonLine:
    """One line of a JSONL input, not parsed yet: :meth:`parse` runs where the draft is prepared
    (a worker process on big inputs), so the process that reads the file only cuts lines."""

    origin: str  # path:line
    data: bytes

    def parse(self) -> Draft | Rejection:
        try:
            line = decode_bytes(self.data.rstrip(b"\r"))
        except IngestError as exc:
            return _rejection(self.origin, exc)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            return Rejection(self.origin, "malformed-json", f"{exc.msg} (column {exc.colno})")
        except (ValueError, RecursionError) as exc:
            return Rejection(self.origin, "malformed-json", _unreadable_json(exc))
        return draft_from_record(record, origin=self.origin)


class JsonlParser:
    """``.jsonl``: one object per line (blank lines ignored); records are ``path:line``.

    ``first_line`` numbers the first line of ``data`` (for pieces of a file cut at the size limit).
    """

    def __init__(self, *, first_line: int = 1) -> None:
        self.first_line = first_line

    def parse(self, data: bytes, *, origin: str) -> Iterator[Draft | Rejection]:
        for item in self.lines(data, origin=origin):
            yield item.parse() if isinstance(item, JsonLine) else item

    def lines(self, data: bytes, *, origin: str) -> Iterator[JsonLine | Rejection]:
        """The non-blank lines, each to :meth:`JsonLine.parse` (what :meth:`parse` yields, later)."""
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        elif wide_encoding(data):  # UTF-16 or UTF-32, what Windows PowerShell writes
            try:
                data = decode_bytes(data).encode("utf-8")
            except IngestError as exc:
                yield _rejection(origin, exc)
                return
        records = 0
        for offset, raw in enumerate(data.split(b"\n")):
            if not raw.strip():
                continue
            records += 1
            yield JsonLine(f"{origin}:{self.first_line + offset}", raw)
        if records == 0 and self.first_line == 1:
            yield Rejection(origin, "empty", "no JSON lines")


# --- HTML ---------------------------------------------------------------------------------------


class HtmlParser:
    """``.html``/``.htm``: the decoded page as ``Draft.html`` (extraction happens when cleaning)."""

    def parse(self, data: bytes, *, origin: str) -> Iterator[Draft | Rejection]:
        match = _META_CHARSET.search(data[:8192])
        declared = match.group(1).decode("ascii", "replace") if match else None
        try:
            html = _decode_checked(data, declared=declared)
        except IngestError as exc:
            yield _rejection(origin, exc)
            return
        if not html.strip():
            yield Rejection(origin, "empty", "empty page")
            return
        yield Draft(origin=origin, html=html)


_ABSOLUTE = re.compile(r"(?i)https?://[^/\s]")
FEED_MIN_TEXT = 200  # an entry with less text than this is a teaser: its page holds the article


class FeedFileParser:
    """``.rss``/``.atom``/``.xml``: a saved RSS, RDF or Atom feed, one draft per entry, in the
    file's order, that carries its article's text (``content:encoded`` or an Atom ``content`` of any
    length, or a description of ``FEED_MIN_TEXT`` characters or more).  An entry with only a teaser
    is skipped with a reason naming its page; nothing is fetched.  The entry's link is its URL and
    its external id (so the same entry read from a later copy of the feed, or fetched as a page, is
    a duplicate); without a link, its id (guid) or its place in the file is.  Its title and date
    are the article's."""

    def parse(self, data: bytes, *, origin: str) -> Iterator[Draft | Rejection]:
        from .feeds import entry_text, parse_feed

        try:
            feed = parse_feed(data, url="", every_entry=True)
        except IngestError as exc:
            yield _rejection(origin, exc)
            return
        if not feed.entries:
            yield Rejection(origin, "empty", "feed without entries")
            return
        home = feed.link if feed.link and _ABSOLUTE.match(feed.link) else None
        for n, entry in enumerate(feed.entries, 1):
            text = entry_text(entry.content)
            where = f"{origin}#{n}"
            if not entry.url:
                url = None  # no link: the entry is known by its id, else by its place in the file
            elif _ABSOLUTE.match(entry.url):
                url = entry.url
            elif home:
                url = urljoin(home, entry.url)
            else:  # a saved file has no address of its own to read "/quake" against
                yield Rejection(where, "relative-link", f"the entry's link {entry.url!r} names no site")
                continue
            if text is None or (not entry.full and len(text) < FEED_MIN_TEXT):
                page = f"`newsprism ingest {url}` fetches the page" if url else "it links to no page"
                yield Rejection(
                    where,
                    "summary-only",
                    f"the entry carries {len(text or '')} characters of text, not its article: {page}",
                )
                continue
            yield Draft(
                origin=where,
                text=text,
                # without a link: its guid, qualified by the feed's site ("12345" is no id alone)
                external_id=url or (f"{home or origin}#{entry.guid}" if entry.guid else where),
                url=url,
                title=entry.title,
                published=entry.published,
            )


def parser_for(kind: str, *, first_line: int = 1) -> Parser:
    """The parser for an input kind (``text``, ``markdown``, ``html``, ``json``, ``jsonl``, ``feed``)."""
    if kind == "text":
        return TextParser()
    if kind == "markdown":
        return TextParser(markdown=True)
    if kind == "html":
        return HtmlParser()
    if kind == "json":
        return JsonParser()
    if kind == "jsonl":
        return JsonlParser(first_line=first_line)
    if kind == "feed":
        return FeedFileParser()
    raise UnsupportedInput(f"no parser for input kind {kind!r}", reason="unsupported-type")
