"""Visible signs of machine translation in English text.

A machine-translated copy circulates as if it were new reporting; the translation rule of the
clusterer finds it when its original is stored, this module when it is not, but only when the
translation left visible artefacts.  It looks for four kinds, each one a thing an English writer
or editor does not produce and a translation system (or a round trip through another language)
does:

- ``leaked_elision``: an elided article of French, Italian or Catalan left before a name, cut
  from it by a space or an opening quote ("bypassing both l ‘Ukraine and Poland");
- ``quote_opened_at_end``: an opening quotation mark closing a quote at the end of a paragraph
  ("... any kind of hostile action. “");
- ``split_number``: a number cut from the word it belongs to by a sentence break, followed by
  lower case ("the COVID-pandemic. 19 and to fight ...");
- ``foreign_script``: untranslated words in another script (Cyrillic, Greek, Arabic, Hebrew, CJK,
  Hangul) inside English text.

Any of them alone happens in real English text now and then (a tokenised "Cap d ’ Antibes", a
sentence that starts with digits, a name given in its own script), so an article *reads as
machine-translated* only with signs of at least two kinds.  Fluent machine translation rarely
leaves a sign: none of the 394 WMT21 ru/ja→en machine translations is flagged
(docs/multilingual.md, ``bench/mt_signs_bench.py``).  The flag says "this text shows translation
artefacts"; a text without it is not shown to be written in English.  At most
``MAX_PER_KIND`` signs of each kind are kept.

Only English is read: the artefacts are English-specific, and other languages were not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_PER_KIND", "MIN_KINDS", "MTReading", "MTSign", "read_translation_signs"]

MIN_KINDS = 2  # signs of this many kinds make an article read as machine-translated
MAX_PER_KIND = 5  # signs kept of each kind (a text full of another script would list every word)

# lower-case abbreviations that end in a period before a number in ordinary English
_ABBREVIATIONS = (
    "approx", "incl", "excl", "est", "fig", "figs", "vol", "vols", "min", "max", "ext", "tel", "art",
    "sec", "para", "paras", "chap", "nos", "num", "pts", "cca", "ref", "resp", "corp", "dept", "appx",
)  # fmt: skip

_SIGNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "leaked_elision",
        re.compile(r"(?<![\w’'‘])(?:[lL]|[dD]|[qQ]u)(?:[ \t]+[‘'’][ \t]*|‘[ \t]*)(?=[A-Z])"),
        "an elided French/Italian article left before a name",
    ),
    (
        "quote_opened_at_end",
        re.compile(r"(?<=[.,!?])[ \t]*“[ \t]*(?=\n|$)"),
        "an opening quotation mark closes a quote",
    ),
    (
        "split_number",
        re.compile(rf"\b(?!(?:{'|'.join(_ABBREVIATIONS)})\.)[a-z]{{3,}}\. \d{{1,3}}(?= [a-z])"),
        "a number cut from its word by a sentence break",
    ),
    (
        "foreign_script",
        re.compile(
            r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,}"
        ),
        "untranslated words in another script",
    ),
)
_WHY = {kind: why for kind, _, why in _SIGNS}


@dataclass(frozen=True, slots=True)
class MTSign:
    """One artefact: its kind and its span in the text."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def why(self) -> str:
        return _WHY[self.kind]

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text, "why": self.why}


@dataclass(frozen=True, slots=True)
class MTReading:
    """The signs found in a text, and whether they make it read as machine-translated."""

    signs: tuple[MTSign, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.kind for s in self.signs))

    @property
    def likely(self) -> bool:
        return len(self.kinds) >= MIN_KINDS

    def to_dict(self) -> dict[str, object]:
        return {"likely": self.likely, "signs": [s.to_dict() for s in self.signs]}

    def summary(self, limit: int = 3) -> str:
        """``both l ‘Ukraine (an elided ...); ...``: the first sign of each kind, at most ``limit``."""
        firsts = {s.kind: s for s in reversed(self.signs)}
        shown = sorted(firsts.values(), key=lambda s: s.start)[:limit]
        return "; ".join(f"{s.text.strip()} ({s.why})" for s in shown)


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to the words around it: up to about 14 characters each side, within its line,
    ending on a space where there is one."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo, hi = max(line_start, start - 14), min(line_end, end + 14)
    left = text.rfind(" ", lo, max(lo, start - 1))
    right = text.find(" ", min(hi, end + 1), hi)
    return (left + 1 if left >= 0 else lo), (right if right >= 0 else hi)


def read_translation_signs(text: str, language: str | None) -> MTReading:
    """The machine-translation signs of an article's text (English only; otherwise none)."""
    if language != "en" or not text:
        return MTReading()
    signs: list[MTSign] = []
    for kind, pattern, _ in _SIGNS:
        for n, m in enumerate(pattern.finditer(text)):
            if n == MAX_PER_KIND:
                break
            start, end = _context(text, m.start(), m.end())
            signs.append(MTSign(kind, start, end, text[start:end]))
    signs.sort(key=lambda s: (s.start, s.kind))
    return MTReading(tuple(signs))
