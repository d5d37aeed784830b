"""Direct quotes and reported speech, attributed to their speakers, by rules.

:class:`RuleQuoteExtractor` (``newsprism.RuleQuotes.v17``) works on one article's clean text in
four passes:

1. **Quote marks.**  Every paragraph (line) is scanned for quotation marks of all common styles
   (``"…"``, ``“…”``, ``«…»``, ``„…“``, ``„…”``, ``‘…’``, ``'…'``, ``‹…›``, ``「…」``, and the
   ``''…''`` of old newspaper archives).  Whether a mark opens or closes is read from its neighbours
   (a mark before a word opens, one after a word closes), so ``’`` in "Russia’s" is an apostrophe,
   "the voters’ anger" does not close a quote that closes later, and a single quote left open at the
   paragraph's end ("l ‘Ukraine", "the ‘90s") was no quote.  Only the outermost quote counts.  A
   paragraph that ends inside a quote continues it when the next one opens a quote again (the
   newspaper convention): the parts form a *chain* with one speaker.  A transcript's ``"PENCE: …``
   label inside the marks is the part's speaker.
2. **Cues and subjects.**  Outside the quotes, speech cues (:mod:`newsprism.compare.speech`) are
   found with their subject: ``Blinken said``, ``said a senior official``, ``according to sources``,
   ``Flynn, a top Trump surrogate, said``; a gerund (``…, warning``) or a second verb (``bemoaned …
   and said``) takes the subject of its clause; ``Trump's claim that “…”`` makes Trump the speaker.
3. **Attribution**, for each quote, first match wins: the cue right after it (``“…,” Blinken said``,
   ``“…” ― Name``); a ``NAME:`` before it; the nearest cue before it in its sentence (``Blinken
   said Biden had demonstrated that “…”``, ``called the discussion “constructive”``); a
   sentence-final attribution (``… “…” …, sources said.``); the earlier parts of its chain; then,
   for a quote that opens its sentence or has four words or more, the nearest attribution in its
   paragraph, or, when its paragraph opens with a quote, the last one of the paragraph before.
   Quotes no rule attributes (scare quotes, mostly) are dropped, and so are short Title Case ones
   after "CNN's", "on", "titled", "his book" … or alone on a line (shows, books, headings).
4. **Resolution.**  A surname becomes the fullest name introduced earlier ("Blinken" -> "Antony
   Blinken"), titles and roles are dropped ("Secretary of State Antony Blinken" -> "Antony
   Blinken"), ``he``/``she`` becomes a named person before it of a compatible gender (first-name
   list, Mr/Mrs/Ms; see :meth:`_Resolver.person_before`), a definite nominal ("the official")
   becomes the indefinite one it refers back to ("a senior State Department official") and "the
   secretary" the person last introduced with that role.  Bodies keep their article ("the Kremlin").

Reported speech (``kind="reported"``) is taken only in four shapes where the clause is clear:
``X said (that) CLAUSE``, ``CLAUSE, X said.``, ``according to X, CLAUSE`` / ``CLAUSE, according
to X`` and ``PART, X said, REST.`` (the whole sentence, attribution included, since PART and REST
are one statement); titles in front of X belong to it ("Stein spokeswoman Melezia Figueroa said").
Verbs that also take plain objects ("announced a pullback") need "that", an inverted subject must
end its clause ("…, said Blinken." but not "…, said he cannot comment"), and clauses with quote
marks in them are left to the direct quotes.

Quote words exclude the marks; a comma or semicolon before the closing mark is dropped, and so is
the final period of a partial quote that starts in lower case (American punctuation puts the
sentence's period inside the marks).  The cue lexicon is English and Russian ("«…», — сказал
Владимир Путин", "Путин заявил: «…»"; a Russian quote of under four words is a name or a term).
Russian speakers after the dash may be descriptions ("— отметил глава американского минфина"),
read as the person named right after the same words earlier ("Президент России Владимир Путин …
— отметил президент"); "По словам X, …", "Как заявил X, …" and "X заявил, что …" are reported
speech, and a declined surname finds its person ("Дегтярева" -> Михаил Дегтярев); a Russian quote
may run over several paragraphs without reopening its mark at each (:func:`_russian_run`).
Japanese quotes are attributed by :func:`_japanese_attribution` (「…」と話した, to the sentence's topic
or subject), and Japanese reported speech by :func:`_japanese_reported` ("Xは…と発表した").
Chinese quotes and reported speech by :func:`_chinese_attribution` (某某表示：“……”, “……”，他说。,
某某表示，……, 据某某介绍，……; the rules are in :mod:`newsprism.compare.chinese`).  Icelandic
("„…,“ sagði Pútín", "sagði hann", "sagði framherjinn", "segir í tilkynningunni") and Hausa ('"…,"
in ji Putin', "Putin ya ce:", "ya ƙara da cewa" with the verb's own pronoun, "in ji direban") have
speech verbs and a speaker noun phrase after the verb (:func:`_nominal_after`).  Hebrew and Arabic
write no capitals: their speaker is the words after the verb up to where, when or to whom it was
said ('"…", אמר פוטין בנאום', 'وقال بوتين: «…»'), else those before it in its clause, else the person
named before when the verb stands alone ("הוסיף", "وأضاف:"); a definite noun is a description
("הנהג", "السائق") (:func:`_abjad_speaker`).  Hindi and Urdu put the verb last: the speaker is
the phrase before the ergative ने / نے, before "का कहना" or "के मुताबिक़", the document of a passive
("बयान में कहा गया"), or a present verb's subject (:func:`_south_asian_speaker`); "X ने कहा कि …" is
reported speech.  Urdu may set single marks the other way round (’…‘).  Bengali marks no subject:
the speaker follows a verb that follows the quote ("‘…’, বলেন তিনি"), else is the phrase before the
verb or opening its clause (:func:`_bengali_speaker`); its ‘…’ quotes may run over paragraphs.
Indonesian sets the bare verb after the quote and the speaker after it ("“…,” kata Korb", "ujar
sang penyerang", "ujarnya": he said; :func:`_indonesian_after`).  Turkish and Korean put the verb
after the quote, its subject before the quote or between quote and verb ("Korb, “…” dedi.", "“…”
diye ekledi Prosa.", "코르브 사무총장은 “…”이라고 말했다", "“…”고 비상사태부는 발표했다";
:func:`_turkish_speaker`, :func:`_korean_speaker`); "X'e göre" and "X에 따르면" are "according to
X".  The cues of these three are read in their own language only.  In other languages quotes are
still found, with speakers only from dashes, labels and colons.
"""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..nlp.entities import introduced_as_relative
from ..nlp.sentences import RuleSentenceSplitter
from ..nlp.tokenize import POINTED
from .base import Quote, Sentence
from .chinese import ChineseSpeaker, pronoun_fits, reported_speech, speaker_after, speaker_before, subject_of
from .speech import (
    ABJAD_CUES,
    CLAUSE_CUES,
    CLAUSE_LEADS,
    CUE_PATTERN,
    CZECH_VERBS,
    EUROPEAN_LEADS,
    EUROPEAN_VERBS,
    FINDING_CUES,
    GENITIVE_ROLES,
    GERUND_CUES,
    ICELANDIC_PRONOUNS,
    INDONESIAN_AFTER_QUOTE,
    INDONESIAN_CUES,
    KOREAN_AFTER_CLAUSE,
    KOREAN_CUES,
    PERSONAL_PRONOUNS,
    QUOTING_CUES,
    ROLE_WORDS,
    RU_ADVERBS,
    RU_OBJECT_PRONOUNS,
    SOUTH_ASIAN_CUES,
    TURKISH_CUES,
    VIETNAMESE_CUES,
    Mention,
    Token,
    clause_start,
    cue_lemma,
    cyrillic_word,
    described_name_after,
    gender_of,
    is_name_token,
    looks_like_title,
    lower_article,
    mention_after,
    mention_before,
    name_mentions,
    nominal_mentions,
    parse_name,
    role_prefix_start,
    skip_adverbs,
    tokenize,
)

__all__ = ["RuleQuoteExtractor"]

logger = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MARK = re.compile(r"''|``|[\"'“”„‟«»‹›「」『』‘’‚]")
_MARKUP = re.compile(r"<[A-Za-z/!][^<>\n]{0,2000}>")
_LINE = re.compile(r"[^\n]+")
_DOUBLE = "d"
_FAMILY = {
    '"': _DOUBLE, "“": _DOUBLE, "”": _DOUBLE, "„": _DOUBLE, "‟": _DOUBLE, "''": _DOUBLE, "``": _DOUBLE,
    "«": "g", "»": "g", "‹": "s", "›": "s", "‘": "q", "’": "q", "‚": "q", "'": "a",
    "「": "c", "」": "c", "『": "e", "』": "e",
}  # fmt: skip
# Urdu sets single marks the other way round, opening with ’ and closing with ‘ (as BBC Urdu
# does): a ’ before a letter of a right-to-left script opens such a quote, never an apostrophe
_RTL = "r"
_SINGLE_CLOSER = re.compile(r"(?<=\S)’(?=[\s,;:.!?।—–]|$)")  # a ’ that closes a quote, not an apostrophe
_SINGLE_RUNS = frozenset({"bn"})  # languages whose news quotes with ‘…’, over several paragraphs too
_RTL_REACH = 5000  # characters within which such a quote's closing ‘ must follow (else ’ is no mark)
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_SINGLE = frozenset("qsa")  # families whose marks double as apostrophes: never left open at a paragraph end
_QUOTE_CHARS = frozenset('"“”„‟«»‹›「」『』‘')  # marks that are never apostrophes
_OPEN_CONTEXT = frozenset("([{—–-―/:;,…\"'“‘«„‚‹「『")
_CLOSE_CONTEXT = frozenset(
    ".,;:!?)]}—–-―/…\"'”’»›」』،؛؟۔"
)  # and the Arabic script's comma, semicolon, ? and full stop
_ELISION = re.compile(r"(?<!\S)[A-Za-z]\s$")
_NOT_OPENING = re.compile(r"['‘](?:\d\d|em|til|cause|n['’]|tis|twas)\b", re.IGNORECASE)
_TRAILING = ",;:"
_DASHES = frozenset("―—–")
_INVERTIBLE = _words(
    "say add ask write continue explain note recall reply respond declare argue insist warn joke quip "
    "conclude observe remark answer exclaim shout tweet post suggest offer stress report admit agree complain"
)


@dataclass(slots=True)
class _Part:
    """One top-level quote inside one paragraph (a chain of parts makes one multi-paragraph quote)."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: the paragraph ended inside the quote
    close_end: int  # end of the closing mark (the paragraph's end when there is none)
    para: int
    chain: int
    mention: Mention | None = None
    cue: str | None = None
    how: str = ""
    label: tuple[int, int] | None = None  # a transcript's speaker label inside the marks ("PENCE: …")
    continued: bool = False  # a line of a quote opened on a line before, without a mark of its own
    dashed: bool = False  # a dash follows the closing mark: Russian direct speech ("«…», — сказал он")


@dataclass(slots=True)
class _Cue:
    first: int  # token indexes (inclusive) in the paragraph
    last: int
    start: int
    end: int
    form: str
    lemma: str
    mention: Mention | None = None
    inverted: bool = False
    noun: bool = False  # a noun cue with its possessor ("Trump's claim")


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    tokens: list[Token]
    starts: list[int]
    sentences: list[Sentence]
    cues: list[_Cue] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=list)
    # cues of findings ("a poll found that", "the video shows"): reported clauses only, never the
    # speaker of a direct quote ("shown as a paragon of virtue")
    finding_cues: list[_Cue] = field(default_factory=list)
    language: str | None = None


class RuleQuoteExtractor:
    """Rule-based :class:`~newsprism.compare.base.QuoteExtractor`.

    ``reported``: also return reported speech.  ``keep_unattributed``: keep direct quotes that no
    rule could attribute (speaker ``None``); they are mostly scare quotes and titles, so off by default.
    """

    # v6: findings ("a poll found that"), longer bare subjects, "Bureau of Prisons"; v7: "he said"
    # goes on with the last named speaker, a quote cut over two lines keeps the speaker named after it,
    # a short quote opened in its sentence that nothing closes is a lost mark, not speech; v9: Russian
    # adverbs and hearers before the subject, "говорится в заявлении", "цитирует его", a dash speaks;
    # Japanese 「…」（総務省の担当者）, "男性（５８）＝岡山市＝は", 「…」と笑顔; es/it/nl/fr/de/pt speech verbs;
    # v10: Chinese speakers (某某表示：“……”, “……”，他说。) and reported speech (某某表示，……; 据某某介绍，……)
    # v11: German and Dutch adverbs opening a sentence are no speakers ("Dann sagte Ochsner"), a
    # described person after the verb is ("Danach sagte der Amerikaner Stephen Ochsner: …"); Czech
    # adverbs before and after the subject ("Pak dodal Jan Novák", "Novák pak dodal"); Ukrainian speech
    # verbs and forms by the Russian rules ("— сказав Володимир Зеленський", "За словами …", ", що");
    # v17: Indonesian, Turkish and Korean speakers and reported speech, cues read in their language only
    name = "newsprism.RuleQuotes.v17"

    def __init__(self, *, reported: bool = True, keep_unattributed: bool = False) -> None:
        self.reported = reported
        self.keep_unattributed = keep_unattributed
        self._splitter = RuleSentenceSplitter()

    def quotes(self, article: str, text: str, *, language: str | None = None) -> list[Quote]:
        parts, masked = _find_parts(text, language)
        paras = self._paragraphs(masked, parts, language)
        for para in paras:
            _find_cues(masked, para)
        zh_reported = _chinese_attribution(masked, paras) if language == "zh" else []
        _attribute(text, masked, paras, parts)
        resolver = _Resolver(masked, paras, language)
        out: list[Quote] = []
        for part in parts:
            if part.mention is None and not self.keep_unattributed:
                continue
            if part.how not in ("post", "dash", "colon") and looks_like_title(text, part.open_at, part.start, part.end):
                continue  # CNN's “Face the Nation”, his book ''Make Your Kid a Millionaire'': a title
            if language == "ru" and not _russian_speech(text, part) and len(text[part.start : part.end].split()) < 4:
                continue  # «Циркон», «Реал», «оранжевый»: Russian puts names and terms in «», not speech
            if language in ("ja", "zh") and len("".join(text[part.start : part.end].split())) < 6:
                continue  # 「ぐるなび」, 「涙の病気」: a name or a term
            before = masked[max(0, part.open_at - 24) : part.open_at].split() if language == "vi" else []
            if before and before[-1].lower() in _VI_TITLE_NOUNS:
                continue  # "cuốn sách “Lịch sử Việt Nam”", "báo “Tuổi Trẻ”": a title
            speaker = resolver.resolve(part.mention) if part.mention is not None else None
            m = part.mention
            out.append(
                Quote(
                    article=article,
                    text=text[part.start : part.end],
                    start=part.start,
                    end=part.end,
                    speaker=speaker,
                    kind="direct",
                    speaker_start=m.start if m else None,
                    speaker_end=m.end if m else None,
                    cue=part.cue,
                )
            )
        if language == "ru":
            out.extend(_dash_speech(article, text, masked, paras, parts, resolver))
        if self.reported and language == "ja":
            out.extend(_japanese_reported(article, text, masked, paras))
        elif self.reported and language == "zh":
            out.extend(
                Quote(
                    article=article,
                    text=text[a:b],
                    start=a,
                    end=b,
                    speaker=m.name,
                    kind="reported",
                    speaker_start=m.start,
                    speaker_end=m.end,
                    cue=cue,
                )
                for m, cue, a, b in zh_reported
            )
        elif self.reported:
            out.extend(_reported(article, text, masked, paras, resolver))
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _paragraphs(self, masked: str, parts: list[_Part], language: str | None) -> list[_Para]:
        paras: list[_Para] = []
        for m in _LINE.finditer(masked):
            toks = tokenize(masked, m.start(), m.end())
            sents = self._splitter.split(masked[m.start() : m.end()], language=language)
            shifted = [Sentence(s.start + m.start(), s.end + m.start(), s.text) for s in sents]
            paras.append(_Para(m.start(), m.end(), toks, [t.start for t in toks], shifted, language=language))
        starts = [p.start for p in paras]
        for part in parts:
            paras[bisect.bisect_right(starts, part.open_at) - 1].parts.append(part)
        return paras


# --- pass 1: quote marks ----------------------------------------------------------------------------


def _find_parts(text: str, language: str | None = None) -> tuple[list[_Part], str]:
    """The top-level quotes of every paragraph, and the text with their words blanked out."""
    markup = [(m.start(), m.end()) for m in _MARKUP.finditer(text)]
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    parts: list[_Part] = []
    chain = 0
    carry: str | None = None  # family of a quote left open by the previous paragraph
    single_runs = language in _SINGLE_RUNS
    index = 0
    while index < len(lines):
        start, end = lines[index]
        first = text[start:end].lstrip()[:2]
        continues = carry is not None and (
            any(first.startswith(c) for c, f in _FAMILY.items() if f == carry) or (carry == _RTL and first[:1] == "’")
        )
        runs = (
            (language == "ru" and carry in (_DOUBLE, "g"))
            or carry == _RTL  # '’…' / '…‘': Urdu may not reopen a quote at each paragraph
            or (single_runs and carry == "q")  # nor Bengali ‘…’
            or (language in ("ja", "zh") and carry in ("c", "e"))
            # a quote opened low („…“: German, Czech and their neighbours) may run on like a Russian one
            or (carry == _DOUBLE and bool(parts) and text[parts[-1].open_at] == "„")
        )
        # elsewhere a quote reopens at each paragraph, but text cut one sentence a line does not:
        # "It's tough. / I want to get out," Adgate said.
        broken = not runs and carry == _DOUBLE and language not in ("ru", "ja", "zh")
        if (runs or broken) and not continues and parts:
            # Russian does not reopen a quote at each paragraph: "Я опекал его. / … / … очка", - добавил он.
            # Nor does Japanese: 「最近見た中で一番良かった。/ …さすが」とべたホメだ。
            run = _russian_run(text, lines, index, carry, markup, reach=1 if broken else 10)
            if run is not None:
                last, close = run
                for k in range(index, last + 1):
                    a, b = lines[k]
                    part = _make_part(text, a, close if k == last else b, a, close if k == last else None, b)
                    if part is not None:
                        part.chain, part.para, part.continued = chain, k, True
                        if k == last:
                            part.close_end = close + 1
                        parts.append(part)
                found, carry = _scan_paragraph(text, close + 1, lines[last][1], markup, single_runs=single_runs)
                for part in found:
                    chain += 1
                    part.chain, part.para = chain, last
                parts.extend(found)
                index = last + 1
                continue
        found, open_family = _scan_paragraph(text, start, end, markup, single_runs=single_runs)
        for k, part in enumerate(found):
            if k == 0 and continues:
                part.chain = chain
            else:
                chain += 1
                part.chain = chain
            part.para = index
        parts.extend(found)
        carry = open_family
        index += 1
    last_para: dict[int, int] = {}  # the last paragraph of each chain of parts
    for p in parts:
        last_para[p.chain] = max(last_para.get(p.chain, p.para), p.para)
    parts = [p for p in parts if not _dangling(text, lines, p, last_para[p.chain])]
    masked = list(text)
    for a, b in markup:
        masked[a:b] = " " * (b - a)
    for part in parts:
        for i in range(part.start, part.end):
            masked[i] = " "
    return [p for p in parts if p.end > p.start], "".join(masked)


def _dangling(text: str, lines: list[tuple[int, int]], part: _Part, chain_ends: int) -> bool:
    """A short quote opened inside its sentence that no mark closes, here or in a later paragraph
    (``chain_ends``: the last paragraph of its chain): a lost closing mark ("when the first chants
    of "Klitschko! Klistchko! stirred."), not speech."""
    if part.close_at is not None or part.continued or chain_ends > part.para:
        return False
    lead = text[lines[part.para][0] : part.open_at]
    if not any(ch.isalnum() for ch in lead) or lead.rstrip().endswith(":"):
        return False  # opens its paragraph, or "He said: "…": a quote running on
    return len(re.findall(r"\w+", text[part.start : part.end])) < 6


def _russian_run(
    text: str, lines: list[tuple[int, int]], index: int, family: str, markup: list[tuple[int, int]], reach: int = 10
) -> tuple[int, int] | None:
    """Where a quote left open before ``lines[index]`` closes when the paragraphs in between carry no
    mark of its family but whole quotes inside it ("Когда дебютирую за "Легион"?"): (the last
    paragraph, the position of the closing mark), or ``None``; within ``reach`` paragraphs."""
    for k in range(index, min(index + reach, len(lines))):
        a, b = lines[k]
        marks = [
            m
            for m in _MARK.finditer(text, a, b)
            if (_FAMILY[m.group()] == family or (family == _RTL and m.group() in "’‘"))
            and not any(x <= m.start() < y for x, y in markup)
        ]
        i = 0
        while i < len(marks):
            m = marks[i]
            prev = text[m.start() - 1] if m.start() > a else ""
            nxt = text[m.end()] if m.end() < b else ""
            closes = m.group() in ("」", "』") or (
                m.group() in ('"', "”", "»", "“", "‘" if family == _RTL else "", "’" if family == "q" else "")
                and prev.strip() != ""
                and (not nxt.strip() or nxt in _CLOSE_CONTEXT)
            )  # "“" closes a quote opened with "„"
            if closes:
                return k, m.start()
            if i + 1 < len(marks) and (not prev.strip() or prev in _OPEN_CONTEXT) and nxt.strip():
                i += 2  # a quote inside the quote, opened and closed in this paragraph
                continue
            return None
    return None


def _scan_paragraph(
    text: str, start: int, end: int, markup: list[tuple[int, int]], *, single_runs: bool = False
) -> tuple[list[_Part], str | None]:
    """The top-level quotes of one paragraph, and the family of a quote it leaves open.

    Single quotes left open at the paragraph's end were apostrophes ("l ‘Ukraine"): the paragraph is
    scanned again without them (a few times at most, then without any single quote).  Unless
    ``single_runs`` (a language that quotes with ‘…’, as Bengali news does) and the paragraph opens
    with ‘ and a later paragraph closes it: a quote running on.
    """
    ignore: set[int] = set()
    for attempt in range(6):
        out, stack = _scan_once(text, start, end, markup, ignore, singles=attempt < 5)
        opens_paragraph = bool(stack) and stack[0][0] == "‘" and not text[start : stack[0][2]].strip()
        if single_runs and opens_paragraph and _SINGLE_CLOSER.search(text, end, end + _RTL_REACH):
            _, family, opened, content_start = stack[0]
            part = _make_part(text, content_start, end, opened, None, end)
            if part is not None:
                out.append(part)
                return out, family
        if stack and stack[0][1] in _SINGLE:
            ignore.update(pos for _, family, pos, _ in stack if family in _SINGLE)
            continue
        if stack:
            _, family, opened, content_start = stack[0]
            part = _make_part(text, content_start, end, opened, None, end)
            if part is not None:
                out.append(part)
                return out, family
        return out, None
    return [], None


def _scan_once(
    text: str, start: int, end: int, markup: list[tuple[int, int]], ignore: set[int], *, singles: bool
) -> tuple[list[_Part], list[tuple[str, str, int, int]]]:
    stack: list[tuple[str, str, int, int]] = []  # (mark, family, position, end of mark)
    out: list[_Part] = []
    for m in _MARK.finditer(text, start, end):
        mark, pos, after = m.group(), m.start(), m.end()
        family = _FAMILY[mark]
        prev = text[pos - 1] if pos > start else ""
        nxt = text[after] if after < end else ""
        can_open = bool(nxt) and not nxt.isspace() and (not prev or prev.isspace() or prev in _OPEN_CONTEXT)
        can_close = bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _CLOSE_CONTEXT)
        if (mark == "’" and can_open and _RIGHT_TO_LEFT.match(nxt) and "‘" in text[after : after + _RTL_REACH]) or (
            mark == "‘" and can_close and any(f == _RTL for _, f, _, _ in stack)
        ):
            family = _RTL  # ’…‘: single marks as right-to-left text sets them (Urdu)
        if pos in ignore or (not singles and family in _SINGLE) or any(a <= pos < b for a, b in markup):
            continue
        inside = any(f == family for _, f, _, _ in stack)
        top = stack[-1][0] if stack else ""
        elided = _ELISION.search(text, max(start, pos - 3), pos) is not None
        if family == _RTL:
            role = "open" if mark == "’" else "close"
        else:
            role = _role(text, pos, mark, inside, top, can_open, can_close, elided)
        if role == "open":
            stack.append((mark, family, pos, after))
        elif role == "close":
            while stack and stack[-1][1] != family:
                stack.pop()
            if not stack:
                continue
            _, _, opened, content_start = stack.pop()
            if not stack:
                part = _make_part(text, content_start, pos, opened, pos, after)
                if part is not None:
                    out.append(part)
    return out, stack


def _role(text: str, pos: int, mark: str, inside: bool, top: str, can_open: bool, can_close: bool, elided: bool) -> str:
    """``open``, ``close`` or ``""`` (not a quotation mark here) for one mark, from its neighbours.

    ``inside``: a quote of the mark's family is open; ``top``: the innermost open mark; ``elided``:
    the mark follows a one-letter word ("l ‘Ukraine"), so it is an elision's apostrophe.
    """
    prev = text[pos - 1] if pos > 0 else ""
    nxt = text[pos + len(mark)] if pos + len(mark) < len(text) else ""
    if mark in ('"', "''"):
        if inside and can_close:
            return "close"
        return "open" if can_open else ("close" if inside else "")
    if mark == "“":
        if inside and top in ("„", "‟"):
            return "close"  # German „…“
        if inside and ((can_close and not can_open) or (not can_open and prev.isspace() and not nxt.strip())):
            return "close"  # "… hostile action. “" at the end of a paragraph
        return "open" if can_open or not inside else ""
    if mark == "”":
        if inside:
            return "close"
        return "open" if can_open and not can_close else ""  # ”Mr. Trump embodies …” (Swedish style)
    if mark in ("„", "‟", "``", "«", "‹", "「", "『"):
        return "open"
    if mark in ("»", "›", "」", "』"):
        return "close" if inside else ""
    if mark == "‘":
        if inside and top == "‚":
            return "close"
        return "open" if can_open and not elided and not _NOT_OPENING.match(text, pos) else ""
    if mark in ("’", "'"):
        if inside and can_close and not nxt.isalnum():
            if prev in "sS" and nxt == " " and _later_closer(text, pos, mark):
                return ""  # "‘the voters’ anger is real,’ he said": a plural possessive
            return "close"
        if mark == "'" and can_open and not elided and nxt.isalpha() and not _NOT_OPENING.match(text, pos):
            return "open"
        return ""
    if mark == "‚":
        return "open" if can_open and prev.isspace() else ""
    return ""


def _later_closer(text: str, pos: int, close: str) -> bool:
    """Whether a plainer closing mark follows in the paragraph ("… real,’ he said")."""
    end = text.find("\n", pos)
    m = re.compile(rf"[.,!?]{close}|{close}[.,;:!?]").search(text, pos + 1, len(text) if end < 0 else end)
    return m is not None


def _make_part(text: str, a: int, b: int, opened: int, closed: int | None, close_end: int) -> _Part | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in _TRAILING):
        b -= 1
    if b > a and text[b - 1] == "." and text[a].islower() and not text.endswith("..", a, b):
        b -= 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b <= a or not any(ch.isalnum() for ch in text[a:b]):
        return None
    label = _LABEL.match(text, a, b)
    if label is not None and label.end() < b:  # "PENCE: Well, look, …" in a transcript
        part = _Part(label.end(), b, opened, closed, close_end, 0, 0)
        part.label = (a, a + len(label.group(1)))
        return part
    return _Part(a, b, opened, closed, close_end, 0, 0)


_POINTS_ONLY = re.compile(POINTED.pattern + "+")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "our", "your", "my"})

_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}):\s+")


# --- pass 2: cues and their subjects -----------------------------------------------------------------


def _find_cues(masked: str, para: _Para) -> None:
    toks = para.tokens
    ends = {t.end: i for i, t in enumerate(toks)}
    for m in CUE_PATTERN.finditer(masked, para.start, para.end):
        first = bisect.bisect_left(para.starts, m.start())
        last = ends.get(m.end())
        if last is None:  # a vowel point after the cue ("قالَ"), inside its token
            k = bisect.bisect_right(para.starts, m.end() - 1) - 1
            if 0 <= k < len(toks) and toks[k].end > m.end() and _POINTS_ONLY.fullmatch(masked, m.end(), toks[k].end):
                last = k
        if first >= len(toks) or toks[first].start != m.start() or last is None:
            continue
        form = m.group()
        lemma = cue_lemma(form) or form
        if first > 0 and toks[first - 1].low in _DETERMINERS:
            continue  # "the continued occupation", "an announced pullback": an adjective, not speech
        if _CUE_LANGUAGES.get(form.lower(), para.language) != para.language and not (
            para.language in _OWN_CUES and form.lower() in _OWN_CUES[para.language]
        ):
            continue  # Indonesian and Turkish cues in their language only ("Angkatan Laut": German "laut")
        if para.language in _OWN_CUES and form.lower() not in _OWN_CUES[para.language]:
            continue  # and only they in it
        cue = _Cue(first, last, m.start(), m.end(), form, lemma)
        if para.language in _TURKISH_LANGUAGES or para.language in ("ko", "vi"):
            if para.language == "vi":
                cue.mention, cue.inverted = _vietnamese_speaker(masked, para, first, last, lemma)
            elif para.language == "ko":
                if form in KOREAN_AFTER_CLAUSE and not (first > 0 and _ko_closes_clause(toks, first - 1)):
                    continue  # "했다": did, unless it follows what was said
                cue.mention, cue.inverted = _korean_speaker(masked, para, first, lemma)
            else:
                cue.mention, cue.inverted = _turkish_speaker(masked, para, first, last, lemma)
            (para.finding_cues if lemma in FINDING_CUES else para.cues).append(cue)
            continue
        if para.language in _INDONESIAN and (low_form := form.lower()) in INDONESIAN_CUES:
            if low_form in INDONESIAN_AFTER_QUOTE and not _after_quote(toks, first):
                continue  # "kata" (word), "jelas" (clear): cues only after a quote or a clause
            if low_form.endswith("nya") and low_form[:-3] in INDONESIAN_CUES:  # "ujarnya": he said
                cue.mention = Mention(m.start(), m.end(), form, "pronoun", "he")
            elif low_form in INDONESIAN_AFTER_QUOTE:
                cue.mention = _indonesian_after(masked, toks, last + 1)
            if low_form in INDONESIAN_AFTER_QUOTE:
                cue.inverted = True
                para.cues.append(cue)
                continue
        if para.language in _SOUTH_ASIAN:
            if form in SOUTH_ASIAN_CUES:
                cue.mention = _south_asian_speaker(masked, para, first, last, lemma)
                (para.finding_cues if lemma in FINDING_CUES else para.cues).append(cue)
            continue
        if para.language in _ABJAD_WORDS:
            if form in ABJAD_CUES:
                cue.mention, cue.inverted = _abjad_speaker(masked, para, first, last, lemma)
                (para.finding_cues if lemma in FINDING_CUES else para.cues).append(cue)
            continue
        if form.startswith("a-t-"):  # "a-t-il déclaré": the subject is the pronoun inside the cue
            pronoun = form[4:].split()[0]
            at = m.start() + 4
            cue.mention = Mention(at, at + len(pronoun), pronoun, "pronoun", gender="m" if pronoun == "il" else "f")
            cue.inverted = True
        elif lemma in QUOTING_CUES:  # its object is the speaker ("цитирует его РИА Новости")
            quoted = _quoted_object if cyrillic_word(form.split()[0]) else _person_ending_phrase
            cue.mention, cue.inverted = quoted(masked, toks, last + 1), True
        elif lemma == "according to" or (first > 0 and toks[first - 1].low in ("как", "як")):  # "Как заявил X, …"
            cue.mention, cue.inverted = mention_after(masked, toks, last + 1, inverted=True), True
        elif form in GERUND_CUES:  # "the EU warning Israel", "X said on Wednesday, warning, “…”"
            cue.mention = mention_before(masked, toks, first) if first > 0 and toks[first - 1].is_word else None
            if cue.mention is None:
                cue.mention = _conjunct_subject(masked, para, first)
        elif (conj := skip_adverbs(toks, first - 1)) >= 0 and toks[conj].low in ("and", "but"):
            cue.mention = _conjunct_subject(masked, para, conj)  # "X bemoaned … and said “…”"
        elif (
            first > 0
            and toks[first - 1].text == ","
            and lemma in _INVERTIBLE
            and (after := _ending_speaker(masked, para, last + 1)) is not None
        ):
            cue.mention, cue.inverted = after, True  # "…, said disaster agency official Fauzi."
        else:
            cue.mention = mention_before(masked, toks, first)
            if para.language == "cs":
                cue.mention = _czech_before(masked, para, first, cue.mention)
            elif cue.mention is not None and para.language in _OPENERS:
                cue.mention = _without_opener(masked, para, cue.mention)  # "Dann sagte Ochsner": not "Dann"
            prev = toks[first - 1].text if first > 0 else ""
            cue.noun = prev.endswith(("’s", "'s", "s’", "s'")) or prev.lower() in ("his", "her", "their")
            opening = _before_adverbs(toks, first)  # "— ранее пояснила …": the dash before the adverb
            if cue.mention is None and lemma in _INVERTIBLE and (opening == 0 or not toks[opening - 1].is_word):
                cue.mention, cue.inverted = mention_after(masked, toks, last + 1, inverted=True), True
                if _romance_object(cue.mention, lemma):
                    cue.mention = None  # "…, ha annunciato il nuovo iPod touch": what was announced
                if cue.mention is None and form.split()[-1] in CZECH_VERBS:
                    cue.mention = _czech_subject(masked, toks, last + 1, form)
                elif cue.mention is None and para.language in _CLAUSE_ENDS:
                    cue.mention = _nominal_after(masked, toks, last + 1, _CLAUSE_ENDS[para.language])
            elif cue.mention is None and form.split()[-1] in EUROPEAN_VERBS and first > 0:
                cue.mention = _subject_after_verb(masked, para, last + 1)
            if cue.mention is None and para.language == "ha" and (pronoun := _hausa_pronoun(toks, first, form)):
                cue.mention, cue.inverted = pronoun, False
        if para.language in _INDONESIAN and cue.mention is None and first > 0:
            k = skip_adverbs(toks, first - 1)  # "Ia mengatakan bahwa …", "Dia juga menjelaskan …"
            if k >= 0 and toks[k].low in _ID_PRONOUNS and (k == 0 or not toks[k - 1].is_word):
                cue.mention = Mention(toks[k].start, toks[k].end, toks[k].text, "pronoun", _ID_PRONOUNS[toks[k].low])
        if para.language in _INDONESIAN and cue.mention is not None:
            cue.mention = _before_preposition(masked, para, cue.mention)
        if para.language in _GENITIVE_LANGUAGES and cue.mention is not None:
            cue.mention = _after_genitive(masked, para, cue.mention)
        elif (
            para.language != "is"
            and cue.mention is not None
            and cue.mention.kind == "pronoun"
            and cue.mention.text.lower() in ICELANDIC_PRONOUNS
        ):
            k = bisect.bisect_left(para.starts, cue.mention.start)
            cue.mention = parse_name(toks[k : k + 1], masked) if cue.mention.text[0].isupper() else None
        (para.finding_cues if lemma in FINDING_CUES else para.cues).append(cue)


_INDONESIAN = frozenset({"id", "ms"})  # Indonesian and Malay
_GENITIVE_LANGUAGES = frozenset({"pl", "cs", "ha"}) | _INDONESIAN


def _indonesian_after(masked: str, toks: list[Token], i: int) -> Mention | None:
    """The speaker after an Indonesian speech verb, up to where, when or to whom it was said: a name
    ending the phrase, the words before it its roles ("kata Utusan Khusus AS untuk Iran Brian Hook"),
    or a description ("ujar sang penyerang", "demikian bunyi pernyataan tersebut")."""
    ends = _CLAUSE_ENDS["id"]
    e = i
    while e < len(toks) and e - i < 12 and toks[e].is_word and toks[e].text not in ends:
        e += 1
    if e == i:
        return None
    j = e
    while j > i and is_name_token(toks[j - 1]):
        j -= 1
    if j == e:  # no name: a pronoun ("kata dia"), or a description, if short
        if e == i + 1 and toks[i].low in _ID_PRONOUNS:
            return Mention(toks[i].start, toks[i].end, toks[i].text, "pronoun", _ID_PRONOUNS[toks[i].low])
        if e - i > 6:
            return None
        return Mention(toks[i].start, toks[e - 1].end, masked[toks[i].start : toks[e - 1].end], "nominal")
    return _indonesian_parse(masked, toks, j, e, tuple(t.low for t in toks[i:j]))


def _indonesian_parse(masked: str, toks: list[Token], j: int, e: int, roles: tuple[str, ...] = ()) -> Mention | None:
    """The capitalised tokens ``j`` to ``e`` (exclusive) as an Indonesian name: the role words that
    open them and what the roles head (:func:`_indonesian_name`) are roles, the rest the name, all
    its words ("Menteri Keuangan Sri Mulyani Indrawati": Sri Mulyani Indrawati)."""
    while e - j > 1 and (toks[j].low in ROLE_WORDS or toks[j].low.rstrip(".") in ROLE_WORDS):
        roles += (toks[j].low,)
        j += 1
    k = _indonesian_name([t.text for t in toks[j:e]], role=bool(roles))
    if e - j - k >= 3 and gender_of(toks[e - 2].text) is not None:
        k = e - j - 2  # "Sekretaris Jenderal Partai Tengah Mikhail Korb": a given name second-last
    roles += tuple(t.low for t in toks[j : j + k])
    j += k
    name = parse_name(toks[j:e], masked)
    if name is None:
        return None
    roles += name.roles
    return Mention(name.start, name.end, name.text, "name", name.name, roles, name.gender, True, name.body)


_TURKISH_LANGUAGES = frozenset({"tr", "az"})
_OWN_CUES = {
    **{lang: INDONESIAN_CUES for lang in _INDONESIAN},
    **{lang: TURKISH_CUES for lang in _TURKISH_LANGUAGES},
    "ko": KOREAN_CUES,
    "vi": VIETNAMESE_CUES,
}  # languages read by their own cue forms only
_CUE_LANGUAGES = {
    **{f: "id" for f in INDONESIAN_CUES},
    **{f: "tr" for f in TURKISH_CUES},
    **{f: "ko" for f in KOREAN_CUES},
    **{f: "vi" for f in VIETNAMESE_CUES},
}  # cue forms read in one language only (Malay and Azerbaijani by _OWN_CUES)

# --- Korean ---
_KO_PARTICLES = ("께서는", "께서", "은", "는", "이", "가")  # topic and subject particles, the topic's first
_KO_QUOTATIVE = frozenset({"라고", "이라고", "고", "며", "라며", "이라며"})  # after a quote's closing mark
_KO_CLAUSE_END = re.compile(r"(?:[다라냐자]고|[다라]며)$")  # a reported clause ("…한다고", "…이라며")
# words ending like a particle that are no subject: adnominal verbs and adjectives ("하는", "많은"),
# and nouns whose last syllable is 이 or 가 ("국가", "전문가")
_KO_NOT_SUBJECT = re.compile(
    r"(?:[하되있없않]는|[라다]는|이라는|국가|전문가|평론가|작가|어린이)$"
    r"|^(?:[많같높작좋받않적짧]은|[이그저]런|어떤|모든|다른|[보오가]는|[위대관통인따의]한|[것수점때]은|[것수점때]이|중인|"
    r"사이|아이|가운데|이는)$"
)
# what ends a noun phrase before a subject: particles, verb forms ("관련해 국방부는", "대해 정부는")
_KO_STOPS = re.compile(r"(?:에서|에게|에|을|를|로|으로|와|과|고|며|서|면|도|만|께|은|는|가|기|해|하여|위해|통해|따라)$")
# adverbs before a subject, no part of it ("당시 주지사 대행은": the acting governor, at the time)
_KO_ADVERBS = frozenset(
    "당시 이날 전날 지난 앞서 또 또한 이어 한편 그러면서 그러나 하지만 이후 최근 현재 특히 다만 결국 "
    "더구나 게다가".split()
)
# descriptions rather than names: their last syllables ("운전자", "비상사태부", "공보실", "이스라엘군")
_KO_DESCRIPTION = re.compile(
    r"(?:자|부|실|청|군|국|원|문|처|당|당국|정부|경찰|매체|성명|주민|대행|관계자|선수|지도자)$"
)
_KO_PRONOUNS = {"그": ("m", "he"), "그녀": ("f", "she"), "그들": (None, "they"), "이들": (None, "they")}
_KO_ROLES = frozenset(
    "대통령 총리 장관 대변인 사무총장 주지사 대행 교장 감독 의원 대표 특사 차관보 지도자 위원장 의장 대사 국장 "
    "청장 시장 사령관 박사 교수 전 전직 회장 사장 코치 선수 공격수 국무총리 부총리 경제부총리 원내대표 총재 "
    "위원 작가 차관 비서실장".split()
)
_KO_DOCUMENTS = frozenset("보도 성명 발표 자료 통계 조사 기사 보고서 설명 주장".split())  # "X의 보도에 따르면"


def _ko_closes_clause(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` ends what a Korean speech verb reports: a quotative after a closing mark
    ("”라고") or a reported clause ("…한다고")."""
    t = toks[k].text
    return (t in _KO_QUOTATIVE and k > 0 and toks[k - 1].text in _CLOSING_MARKS) or bool(_KO_CLAUSE_END.search(t))


# a topic particle after another particle marks where, when or about what, not who ("미국에서는",
# "회의에서는", "이에 대해서는", "3일에는")
_KO_OBLIQUE_TOPIC = re.compile(
    r"(?:에서|에게서|에게|에|으로|로|까지|부터|께|와|과|서|대해|관해|해서|이나|만|도)[은는]$|(?:에선|엔)$"
)


def _ko_subject(word: str, *, topic: bool) -> str | None:
    """The noun of a word that ends with the topic (or subject) particle, else None."""
    if _KO_NOT_SUBJECT.search(word) or _KO_OBLIQUE_TOPIC.search(word):
        return None
    for particle in _KO_PARTICLES[:4] if topic else _KO_PARTICLES[4:]:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return None


def _ko_phrase(masked: str, toks: list[Token], k: int, noun: str) -> Mention:
    """The Korean noun phrase ending with ``noun`` at token ``k`` (its particle left out) as a speaker:
    a pronoun ("그는"), a name with the roles after it ("코르브 사무총장": Korb), or a description."""
    t = toks[k]
    if noun in _KO_PRONOUNS:  # "캡스의 34세 공격수인 그는": he, the Caps' 34-year-old forward
        gender, name = _KO_PRONOUNS[noun]
        return Mention(t.start, t.start + len(noun), noun, "pronoun", name, gender=gender)
    j = k
    if noun in _KO_ROLES and k > 0 and toks[k - 1].is_word and _ko_subject(toks[k - 1].text, topic=True):
        j = k - 1  # "김정은 위원장은": the name before the role ends like a topic itself
    while (
        j > 0
        and k - j < 5
        and toks[j - 1].is_word
        and not _KO_STOPS.search(toks[j - 1].text)
        and toks[j - 1].text not in _KO_ADVERBS
    ):
        j -= 1
    words = [toks[i].text for i in range(j, k)] + [noun]
    end = t.start + len(noun)
    text = masked[toks[j].start : end]
    roles: list[str] = []
    while len(words) > 1 and words[-1] in _KO_ROLES:
        roles.insert(0, words.pop())
    described = max((i for i, w in enumerate(words[:-1]) if w in _KO_ROLES), default=None)
    if not roles and described is not None and len(words) - described - 1 <= 2:
        # a role before the name: "러시아 출신 아이스하키 선수 알렉산드르 오베치킨"
        at = masked.index(words[described + 1], toks[j].start)
        name = " ".join(words[described + 1 :])
        return Mention(at, end, masked[at:end], "name", name, tuple(words[: described + 1]), None, True)
    if roles and len(words) > 1 and _KO_DESCRIPTION.search(words[0]) is None:
        while len(words) > 1 and _KO_DESCRIPTION.search(words[-1]):
            words.pop()  # what the role heads: "김민수 외교부 대변인"
    if roles and words[-1] not in _KO_ROLES and not _KO_DESCRIPTION.search(words[-1]):
        # the name comes first, what the role heads after it ("블라디미르 푸틴 러시아 대통령")
        name = " ".join(words[:2])
        return Mention(toks[j].start, end, text, "name", name, tuple(roles), None, True)
    if len(words) == 1 and not _KO_DESCRIPTION.search(noun) and noun not in _KO_ROLES:
        return Mention(toks[j].start, end, text, "name", noun, (), None, True)  # "주코프는": Zhukov
    return Mention(toks[j].start, end, text, "nominal", text)


def _korean_subjects(masked: str, para: _Para) -> list[Mention]:
    """The named subjects of a Korean paragraph, whatever the verb (a name with a role, or of two
    words: "알렉산드르 오베치킨이 …"): the people a later "그는" (he) may stand for."""
    toks = para.tokens
    found = []
    for i, t in enumerate(toks):
        if t.is_word and (noun := _ko_subject(t.text, topic=True) or _ko_subject(t.text, topic=False)):
            m = _ko_phrase(masked, toks, i, noun)
            if m.kind == "name" and (m.roles or len(m.name.split()) == 2):
                found.append(m)
    return found


def _korean_speaker(masked: str, para: _Para, first: int, lemma: str) -> tuple[Mention | None, bool]:
    """The speaker of a Korean speech verb: the phrase its topic (else subject) particle marks
    between the quote or reported clause and the verb ("“…”고 비상사태부는 발표했다"), else before
    them ("코르브 사무총장은 “…”이라고 말했다"); the one "X에 따르면" names (according to X; "아스타나TV의
    보도에 따르면": AstanaTV); the verb alone after a quote stands for the last person named."""
    toks = para.tokens
    if lemma == "according to":
        k = first - 1
        if k < 0 or not toks[k].text.endswith("에") or len(toks[k].text) < 2:
            return None, True
        noun = toks[k].text[:-1]
        if noun in ("이", "이것", "그것", "이와", "이러한"):
            return None, True  # "이에 따르면": according to this
        if noun in _KO_DOCUMENTS and k > 0 and toks[k - 1].text.endswith("의") and len(toks[k - 1].text) > 1:
            return _ko_phrase(masked, toks, k - 1, toks[k - 1].text[:-1]), True
        return _ko_phrase(masked, toks, k, noun), True
    sent = _sentence_of(para, toks[first].start)
    s0 = bisect.bisect_left(para.starts, sent.start if sent else para.start)
    q = max((i for i in range(s0, first) if _ko_closes_clause(toks, i)), default=None)
    ranges = [(q + 1, first), (s0, q)] if q is not None else [(s0, first)]
    for a, b in ranges:  # after the clause first ("…다고 한국거래소가 밝혔다"), then before it
        for topic in (True, False):
            for i in range(a, b):
                if toks[i].is_word and (subject := _ko_subject(toks[i].text, topic=topic)) is not None:
                    if i + 1 < b and (role := _ko_subject(toks[i + 1].text, topic=topic)) in _KO_ROLES:
                        i, subject = i + 1, role  # "김정은 위원장은": the role's name ends like a topic
                    return _ko_phrase(masked, toks, i, subject), False
    if q is not None:
        return Mention(toks[first].start, toks[first].end, toks[first].text, "pronoun", "he"), False
    return None, False


_VERB_FINAL = _TURKISH_LANGUAGES | {"ko", "vi"}  # the speech verb follows the quote (in Vietnamese, often)

# --- Vietnamese ---
_VI_PRONOUNS: dict[str, tuple[str, str | None]] = {
    "ông": ("he", "m"), "bà": ("she", "f"), "anh": ("he", "m"), "chị": ("she", "f"), "cô": ("she", "f"),
    "họ": ("they", None), "tôi": ("I", None), "Ông": ("he", "m"), "Bà": ("she", "f"),
}  # fmt: skip
_VI_HONORIFICS = frozenset("ông bà anh chị cô".split())
# words before a verb that are no part of its subject: auxiliaries and adverbs ("ông Korb đã nói")
_VI_AUX = frozenset(
    "đã cũng vừa sẽ đang mới còn lại thì vẫn từng được bị không cùng hôm nhiều luôn chỉ đều và liên tục".split()
)
# what opens a sentence before its subject ("Tuy nhiên, Ovechkin …", "lúc đầu người tài xế nói")
_VI_OPENERS = frozenset("tuy nhiên trước đó sau đó lúc đầu ban đầu khi đó đồng thời ngoài ra bên cạnh".split())
# Vietnamese titles: written before a name, lower-case inside a sentence ("Tổng thống Vladimir Putin")
_VI_TITLES = frozenset(
    "tổng thống thủ tướng bộ trưởng ngoại trưởng chủ tịch giám đốc thống đốc đại sứ thị trưởng người phát ngôn "
    "tổng thư ký đặc phái viên hiệu trưởng bác sĩ giáo sư huấn luyện viên tiền đạo thủ môn quyền phó".split()
)


def _vi_phrase(masked: str, toks: list[Token], j: int, k: int) -> Mention | None:
    """Tokens ``j`` to ``k`` (exclusive) as a Vietnamese speaker: a pronoun ("ông": he), a name after
    a title or honorific (what the title heads left out: the name starts at its family name, "Chủ tịch
    UBND TP Hà Nội Trần Sỹ Thanh", else after the countries and offices, "Thủ tướng Nhật Bản Fumio
    Kishida"), a name alone, or a description, which Vietnamese ends with what modifies it ("một quan
    chức Mỹ", an American official; "phòng báo chí cơ quan cảnh sát khu vực")."""
    while j < k and toks[j].low in _VI_OPENERS:
        j += 1
    k = next((i for i in range(j + 1, k) if toks[i].low in _VI_AUX), k)  # "Đa số | cũng thẳng thắn viết"
    while k > j and toks[k - 1].low in _VI_AUX:
        k -= 1
    if j >= k or k - j > 12:
        return None
    if k - j == 1 and toks[j].text in _VI_PRONOUNS:  # lower case: "Anh" is Britain
        pronoun, gender = _VI_PRONOUNS[toks[j].text]
        return Mention(toks[j].start, toks[j].end, toks[j].text, "pronoun", pronoun, gender=gender)
    r = k  # a capitalised title word inside the run is a name's ("Nguyễn Thị Kim Ngân"), not at its start
    while (
        r > j
        and is_name_token(toks[r - 1])
        and not (toks[r - 1].low in _VI_TITLES | _VI_HONORIFICS and (not toks[r - 1].is_cap or r - 1 == j))
    ):
        r -= 1
    titled = any(t.low in _VI_TITLES | _VI_HONORIFICS for t in toks[j:r])
    org = k - r >= 2 and all(t.low in _VI_HEADS for t in toks[r:k])  # "người phát ngôn Nhà Trắng"
    if r == k or (r > j and not titled) or org:  # no name, or one that modifies a noun ("một quan chức Mỹ")
        if k - j > 6:
            return None
        text = masked[toks[j].start : toks[k - 1].end]
        return Mention(toks[j].start, toks[k - 1].end, text, "nominal", text)
    words = [t.text for t in toks[r:k]]
    start = _vi_name_start(words)
    name = parse_name(toks[r + start : k], masked)
    if name is None:
        return None
    if r == j and k - j == 1 and j > 0 and toks[j - 1].text in ".!?…\n" and not _written_inside(masked, name.name):
        text = masked[toks[j].start : toks[k - 1].end]  # "Sở" opening a sentence: a common noun
        return Mention(toks[j].start, toks[k - 1].end, text, "nominal", text)
    roles = tuple(t.low for t in toks[j : r + start]) + name.roles
    return Mention(name.start, name.end, name.text, "name", name.name, roles, name.gender, True, name.body)


# Vietnamese family names: where a person's name starts after the offices a title heads
_VI_FAMILY = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh đào mai lương "
    "trương tô hà lâm cao thái lưu tạ chu quách".split()
)
# countries, places and offices a title heads before a name ("Thủ tướng Nhật Bản Fumio Kishida")
_VI_HEADS = frozenset(
    "bộ sở ủy ban ubnd tp quốc hội chính phủ nhà trắng điện kremlin ngoại giao công thương y tế tài "
    "phòng nội vụ giáo dục mỹ nga nhật bản pháp ấn độ ukraine israel iran tỉnh liên hợp lhq nato eu who".split()
)  # (not "nam", "anh", "đức", "trung", "hà": given names too)


def _vi_name_start(words: list[str]) -> int:
    """Where a person's name starts in the capitalised words after a Vietnamese title: at the last
    family name with a word after it, else past the countries and offices, else past a word before
    a given name ("Mỹ Brian Hook")."""
    family = [i for i, w in enumerate(words[:-1]) if w.lower() in _VI_FAMILY]
    if family:
        return family[-1]
    k = 0
    while k < len(words) - 1 and (
        words[k].lower() in _VI_HEADS or (gender_of(words[k]) is None and gender_of(words[k + 1]) is not None)
    ):
        k += 1
    return k


# what "Theo" (according to) names when no name follows it: reports, sources, experts
_VI_SOURCES = frozenset("thông báo cáo tin nguồn ước số khảo kết chuyên giới các nhà bác hãng đài tờ báo".split())
# nouns before a quoted title ("cuốn sách “…”", "báo “Tuổi Trẻ”"): a title, not speech
_VI_TITLE_NOUNS = frozenset("sách báo phim bài chương trình dự án chiến dịch hát khúc tờ tác phẩm tiểu thuyết".split())
_VI_NOUN_MARKERS = frozenset("bài lời cuộc buổi các những một".split())  # "bài phát biểu": the speech, a noun


def _vi_name(masked: str, m: Mention) -> Mention | None:
    """A Vietnamese name as the resolver keeps it: without an honorific, "Theo" or a title opening a
    sentence ("Ông Myasnikov", "Theo AstanaTV"), without what a title heads before a given name
    ("Nga Alexander Ovechkin"); a person only with a role or a known given name (not "Ngày Hải"
    quân, Navy Day, nor the radio "Govorit Moskva")."""
    words = m.name.split()
    if len(words) == 1 and words[0].lower() in _VI_TITLES | _VI_HONORIFICS | {"theo", "tuy"}:
        return None  # "Thủ" of "Thủ tướng" (prime minister) opening a sentence
    roles = list(m.roles)
    while len(words) > 1 and (words[0].lower() in _VI_HONORIFICS or words[0].lower() in ("theo", "tuy")):
        roles.append(words.pop(0).lower())
    before = masked[max(0, m.start - 24) : m.start].split()[-2:]  # "Thủ tướng Phạm Minh Chính"
    titled = [w.lower() for w in before if w.lower() in _VI_TITLES | _VI_HONORIFICS]
    if titled and len(titled) == len(before[-len(titled) :]):
        roles += titled
    if len(words) >= 3 and (start := _vi_name_start(words)):
        roles += [w.lower() for w in words[:start]]
        words = words[start:]
    if words == m.name.split() and roles == list(m.roles):
        person = m.person and (bool(m.roles) or gender_of(words[0]) is not None)
        return replace(m, person=person)
    at = masked.index(words[0], m.start)
    name = " ".join(words)
    return Mention(at, m.end, masked[at : m.end], "name", name, tuple(roles), gender_of(words[0]), True, m.body)


def _vietnamese_speaker(masked: str, para: _Para, first: int, last: int, lemma: str) -> tuple[Mention | None, bool]:
    """The speaker of a Vietnamese speech verb: the words before it back to the quote's comma, a
    comma or the sentence's start ("“…”, ông Korb nói.", "…, Đặc phái viên Mỹ về Iran Brian Hook cho
    biết.", "Ông Peskov cho biết: “…”"); "Theo X, …" names X; "X dẫn lời Y" quotes Y."""
    toks = para.tokens
    if first > 0 and toks[first - 1].low in _VI_NOUN_MARKERS | {"được", "bị"}:
        return None, False  # "Bài phát biểu … là “…”": the speech; "được hỏi": was asked
    sent = _sentence_of(para, toks[first].start)
    s0 = bisect.bisect_left(para.starts, sent.start if sent else para.start)
    if lemma == "according to":
        j = first
        while j > s0 and toks[j - 1].low in _VI_OPENERS:
            j -= 1
        if j > s0 and toks[j - 1].text != ",":
            return None, True  # "theo hướng": along, not "according to"
        e = next((i for i in range(last + 1, min(len(toks), last + 12)) if not toks[i].is_word), None)
        if e is None or toks[e].text != "," or e == last + 1:
            return None, True
        after = toks[last + 1]
        if not (is_name_token(after) or after.text in _VI_PRONOUNS or after.low in _VI_SOURCES | _VI_TITLES):
            return None, True  # "Theo dõi" (follow), "Theo yêu cầu" (at the request), "Theo kế hoạch"
        if (of := next((i for i in range(last + 1, e) if toks[i].low == "của"), None)) is not None and of + 1 < e:
            return _vi_phrase(masked, toks, of + 1, e), True  # "Theo báo cáo của Bộ Y tế": the ministry
        return _vi_phrase(masked, toks, last + 1, e), True
    if lemma == "quote":  # "ERR dẫn lời Albert Prosa cho biết": Prosa
        e = last + 1
        while e < len(toks) and toks[e].is_word and not (e > last + 1 and toks[e].low in ("cho", "nói")):
            e += 1
        return _vi_phrase(masked, toks, last + 1, e), True
    j = first
    while j > s0 and (toks[j - 1].is_word or toks[j - 1].text == "."):
        j -= 1
    if j < first and toks[j].text == "." and j + 1 < first:
        j += 1
    return _vi_phrase(masked, toks, j, first), False


_TR_PARTICIPLES = frozenset("diyen söyleyen konuşan yazan ekleyen".split())
_TR_PASSIVES = frozenset("denildi dendi deniliyor belirtildi kaydedildi açıklandı bildirildi verildi".split())
# what opens a Turkish sentence before its subject ("Bununla birlikte Ovechkin, …")
_TR_OPENERS = frozenset(
    "bununla birlikte buna karşın rağmen öte yandan ayrıca ancak fakat ama daha önce sonra ise de da dün bugün "
    "yine hem ardından böylece oysa".split()
)
# a lower-case word in these cases ends a subject's phrase: locative, ablative, instrumental
_TR_ADVERBIAL = re.compile(r"(?:[dt][ae]n?|[dt][ae]ki|n[dt][ae]n?|y?l[ae]|ken)$")
_TR_END = frozenset(". ! ? … : ;".split())
# a name's case ending other than the genitive: dative, locative, ablative, accusative
_TR_OBLIQUE = re.compile(r"['’](?:y?[ae]|n?[dt][ae]n?|y?[ıiuü]|n[ıiuü])$")


def _tr_name(masked: str, toks: list[Token], j: int, k: int, *, subject: bool = False) -> Mention | None:
    """Tokens ``j`` to ``k`` (exclusive) as a Turkish speaker: a name (its case ending after the
    apostrophe dropped: "Zyuzin'e" is Zyuzin), the roles before it; else a description.  A
    ``subject`` carries no case ending ("Toronto'ya": to Toronto)."""
    if j >= k or (subject and ("'" in toks[k - 1].text or "’" in toks[k - 1].text)):
        return None
    if subject and any(_TR_OBLIQUE.search(t.text) for t in toks[j:k]):
        return None  # "Toronto'ya yarın gidiyoruz": to Toronto, a clause of its own
    run = k  # the name ends the phrase; what comes before it describes it ("CNBC'ye konuşan Russell")
    while run > j and is_name_token(toks[run - 1]):
        run -= 1
    if run == k:
        text = masked[toks[j].start : toks[k - 1].end]
        return Mention(toks[j].start, toks[k - 1].end, text, "nominal", text)
    stripped = [
        Token(t.start, t.start + len(re.split("['’]", t.text)[0]), re.split("['’]", t.text)[0]) for t in toks[run:k]
    ]
    while len(stripped) > 1 and stripped[0].low in _TR_ROLES:
        stripped = stripped[1:]  # "Uzman Mehmet Yılmaz": an expert
    name = parse_name(stripped, masked)
    if name is None:
        return None
    if (
        run == j
        and len(stripped) == 1
        and j > 0
        and toks[j - 1].text in _TR_END | {"\n"}
        and not _written_inside(masked, name.name)
    ):
        return Mention(name.start, name.end, name.text, "nominal", name.text)  # "Sürücü" opening a sentence
    roles = tuple(t.low for t in toks[j:run]) + name.roles
    return Mention(name.start, name.end, name.text, "name", name.name, roles, name.gender, name.person, name.body)


_TR_ROLES = frozenset("uzman vali kaptan doktor profesör gazeteci avukat yazar".split())  # Turkish only: also names
_TR_LINKS = frozenset("ve ama ancak fakat sonra ardından ile de da ki".split())  # no part of a subject after the verb
_TR_FINITE = re.compile(r"(?:[dt][ıiuü]|yor|m[ıiuü]ş|[ae]c[ae]k)(?:[mnkz]|[ıiuü]z|l[ae]r)?$")  # a verb's ending
# what "göre" (according to) follows when no name does: statements, reports, data, sources, experts
_TR_SOURCES = (
    "açıklama", "haber", "veri", "bilgi", "iddia", "rapor", "anket", "uzman", "kaynak", "yetkili", "doktor",
    "araştırma", "yazı", "değerlendirme", "tahmin", "bildiri", "ifade", "sözcü", "aktardığı", "bildirdiği",
)  # fmt: skip
# participles that describe the subject before it ("Putin ile görüşen Erdoğan", "Reuters'a konuşan bir yetkili")
_TR_PARTICIPLE = re.compile(r"(?:[ae]n|y[ae]n)$")
_TR_NOT_PARTICIPLE = frozenset("başkan uzman insan zaman bakan kadın hakan".split())


def _tr_head(masked: str, toks: list[Token], j: int, comma: int) -> Mention | None:
    """The subject that ends at a Turkish sentence's first comma, its head last: the name run before the
    comma (its roles with it: "İran Özel Temsilcisi Brian Hook"), else the words after a participle
    ("Reuters'a konuşan bir yetkili": an official), or "O" (he); None when the phrase ends in a case
    (an adverbial: "Bir seyirci sosyal medyada,"), which :func:`_turkish_speaker` reads forwards."""
    last = toks[comma - 1]
    if comma - j == 1 and last.low in ("o", "kendisi"):
        return Mention(last.start, last.end, last.text, "pronoun", "he")
    if re.search("['’]", last.text) or (not last.is_cap and _TR_ADVERBIAL.search(last.low)):
        return None
    r = comma - 1
    if is_name_token(last):
        while r > j and is_name_token(toks[r - 1]) and not re.search("['’]", toks[r - 1].text):
            r -= 1
        return _tr_name(masked, toks, r, comma, subject=True)
    while (
        r > j
        and toks[r - 1].is_word
        and not (
            not toks[r - 1].is_cap
            and _TR_PARTICIPLE.search(toks[r - 1].low)
            and toks[r - 1].low not in _TR_NOT_PARTICIPLE
        )
    ):
        r -= 1
    if any(re.search("['’]", t.text) and _TR_OBLIQUE.search(t.text) for t in toks[r:comma]):
        return None
    return _tr_name(masked, toks, r, comma, subject=True)


def _tr_without_role(masked: str, m: Mention) -> Mention:
    """A Turkish name without a role word of Turkish only before it ("Kaptan Ahmet Kaya")."""
    first, rest = m.name.split(" ", 1)
    if first.lower() not in _TR_ROLES:
        return m
    at = masked.index(rest, m.start)
    return Mention(
        at, m.end, masked[at : m.end], "name", rest, (*m.roles, first.lower()), gender_of(rest.split()[0]), True
    )


def _turkish_speaker(masked: str, para: _Para, first: int, last: int, lemma: str) -> tuple[Mention | None, bool]:
    """The speaker of a Turkish speech verb: after it (a participle's: "“…” diyen Albert Prosa'nın";
    or closing the sentence: "“…” diye ekledi Prosa."), the person an according-to names ("Korb'a
    göre", "AstanaTV'nin haberine göre"), the document of a passive ("Açıklamada, “…” ifadesine yer
    verildi"), else the subject opening the sentence or following its quote ("Korb, “…” dedi.",
    "“…” Jukov, … bu ifadeleri kullandı."); the verb alone stands for the last person named."""
    toks = para.tokens
    if lemma == "according to":
        k = first - 1
        if k < 0 or not toks[k].is_word:
            return None, True
        for back in (1, 2):  # "AstanaTV'nin haberine göre", "TÜİK'in açıkladığı verilere göre"
            if (
                "'" not in toks[k].text
                and "’" not in toks[k].text
                and k >= back
                and re.search("['’]n?[ıiuü]n$", toks[k - back].text)
            ):
                k -= back
                break
        if not re.search("['’]", toks[k].text) and not toks[k].low.startswith(_TR_SOURCES):
            return None, True  # "geçen yıla göre" (compared with last year), "Buna göre" (accordingly)
        j = k
        while j > 0 and is_name_token(toks[j - 1]) and "'" not in toks[j - 1].text and "’" not in toks[j - 1].text:
            j -= 1
        return _tr_name(masked, toks, j, k + 1), True
    if toks[last].low in _TR_PARTICIPLES:  # the speaker follows: "diyen Albert Prosa'nın"
        e = last + 1
        while e < len(toks) and e - last <= 4 and is_name_token(toks[e]):
            e += 1
        return _tr_name(masked, toks, last + 1, e), True
    sent = _sentence_of(para, toks[first].start)
    lo = sent.start if sent else para.start
    s0 = bisect.bisect_left(para.starts, lo)
    if toks[last].low in _TR_PASSIVES:  # "Açıklamada, “…” ifadesine yer verildi": the statement
        c = s0
        while c < first and c - s0 < 4 and toks[c].is_word:
            c += 1
        if s0 < c < first and toks[c].text == "," and _TR_ADVERBIAL.search(toks[c - 1].low):
            text = masked[toks[s0].start : toks[c - 1].end]
            return Mention(toks[s0].start, toks[c - 1].end, text, "nominal", text), False
        return None, False
    e = last + 1  # "“…” diye ekledi Prosa.": the subject follows the verb
    while e < len(toks) and e - last <= 5 and toks[e].is_word:
        e += 1
    if (
        e > last + 1
        and (e >= len(toks) or toks[e].text in _TR_END)
        and not any(t.low in _TR_LINKS or _TR_FINITE.search(t.low) for t in toks[last + 1 : e])
    ):  # not "dedi ve salondan ayrıldı" (said and left the hall)
        return _tr_name(masked, toks, last + 1, e), True
    # the subject: after the quote before the verb when the quote opens the sentence ("“…” Jukov, …
    # kullandı"), else opening the sentence
    opens = s0 < first and toks[s0].text in _QUOTE_CHARS
    close = max((i for i in range(s0, first) if toks[i].text in _CLOSING_MARKS), default=None) if opens else None
    j = close + 1 if close is not None and close + 1 < first else s0
    if toks[j].text in _QUOTE_CHARS:
        j = first  # nothing before the quote
    while j < first and toks[j].low in _TR_OPENERS:
        j += 1
    comma = next((i for i in range(j, first) if not toks[i].is_word), None)
    if comma is not None and toks[comma].text == "," and j < comma and comma - j <= 10:
        head = _tr_head(masked, toks, j, comma)  # "Putin ile görüşen Erdoğan, …": Erdoğan
        if head is not None:
            return head, False
    k = j
    while k < first and toks[k].is_word and not (k > j and not toks[k].is_cap and _TR_ADVERBIAL.search(toks[k].low)):
        if toks[k].low in _TR_OPENERS and k > j:
            break
        k += 1
    if k < first and toks[k].is_word and k - j >= 3 and not toks[k - 1].is_cap:
        k -= 1  # the adverbial's modifier goes with it: "Bir seyirci | sosyal medyada"
    if k < first and toks[k].text != "," and toks[k].text not in _QUOTE_CHARS and not (k > j and toks[k].is_word):
        k = j  # no phrase ends there: no subject
    elif k == first:  # no comma: only a name opening the clause
        r = j
        while r < k and is_name_token(toks[r]):
            r += 1
        k = r
    found = _tr_name(masked, toks, j, k, subject=True) if k > j and k - j <= 8 else None
    if found is not None:
        return found, False
    if not opens and s0 < first:
        return None, False  # a clause of its own before the verb, not a quote's
    return Mention(toks[first].start, toks[first].end, toks[first].text, "pronoun", "he"), False


_ID_PRONOUNS = {"ia": "he", "dia": "he", "beliau": "he", "mereka": "they"}
# what an Indonesian role heads before the name it stands with ("Menteri Keuangan Sri Mulyani
# Indrawati", "Kepala Dinas Perdagangan DKI Jakarta Syaripudin"): portfolios and offices
_ID_HEADS = frozenset(
    "keuangan luar negeri dalam pertahanan kesehatan pendidikan perdagangan perhubungan agama sosial hukum ham "
    "energi pertanian kelautan perikanan perindustrian pariwisata koordinator bidang politik keamanan "
    "perekonomian negara badan dinas kantor dewan pusat statistik umum khusus wakil presiden menteri jenderal "
    "wilayah provinsi kota kabupaten daerah partai".split()
)


def _indonesian_name(words: list[str], *, role: bool) -> int:
    """Where a person's name starts among the capitalised words after an Indonesian ``role``: past
    the portfolios, acronyms, places and offices the role heads ("Keuangan", "DKI", "Jakarta"); with
    or without one, past a word before a given name ("Rusia Vladimir Putin", "Kremlin Dmitry Peskov")."""
    k = 0
    while k < len(words) - 1 and (
        (role and words[k].lower() in _ID_HEADS)
        or (role and words[k].isupper() and len(words[k]) > 1)
        or (role and _is_place(words[k]) and gender_of(words[k]) is None)  # not "Jordan Henderson"
        or (gender_of(words[k]) is None and gender_of(words[k + 1]) is not None)
    ):
        k += 1
    return k


def _is_place(word: str) -> bool:
    from ..nlp.entities import _places  # the gazetteer (loaded once)

    return word in _places()


def _before_preposition(masked: str, para: _Para, mention: Mention) -> Mention | None:
    """An Indonesian name without what follows a lower-case preposition in it: "di" is a particle
    of Italian names ("Luigi di Maio") but Indonesian "in" ("tulis militer Israel di Twitter");
    a pronoun read as a name at a sentence's start ("Dia mengatakan") is one."""
    if mention.kind == "name" and mention.text.lower() in _ID_PRONOUNS:
        low = mention.text.lower()
        return Mention(mention.start, mention.end, mention.text, "pronoun", _ID_PRONOUNS[low])
    if mention.kind != "name":
        return mention
    if mention.roles:  # "Menteri Keuangan Sri Mulyani Indrawati mengatakan": the whole run, read again
        toks = para.tokens
        j = e = bisect.bisect_left(para.starts, mention.start)
        while e < len(toks) and toks[e].end <= mention.end:
            e += 1
        while j > 0 and is_name_token(toks[j - 1]):
            j -= 1
        again = _indonesian_parse(masked, toks, j, e) if j < e else None
        if again is not None and again.end == mention.end:
            mention = again
    toks = para.tokens
    k = bisect.bisect_left(para.starts, mention.start)
    e = k
    while e < len(toks) and toks[e].end <= mention.end:
        if e > k and toks[e].text in _CLAUSE_ENDS["id"]:
            return parse_name(toks[k:e], masked) if all(is_name_token(t) for t in toks[k:e]) else mention
        e += 1
    return mention


def _after_quote(toks: list[Token], first: int) -> bool:
    """Whether the token at ``first`` follows a closing quote mark or a comma: "“…,” kata Korb",
    "…, kata Presiden Vladimir Putin"."""
    return first > 0 and (toks[first - 1].text in _CLOSING_MARKS or toks[first - 1].text in (",", "،"))


_CLOSING_MARKS = frozenset("\"”»’'」』›")


def _after_genitive(masked: str, para: _Para, mention: Mention) -> Mention:
    """A name of three words right after a role that heads a genitive ("prezydent Rosji Władimir
    Putin", "rzecznik Kremla Dmitrij Pieskow") is its last two: the first names what the role heads
    (not a given name: "przewodniczący Jan Krzysztof Nowak").  In Indonesian, whatever the role
    heads may take more words ("Menteri Luar Negeri AS Michael Pompeo")."""
    words = mention.name.split()
    if mention.kind != "name" or len(words) < 3 or gender_of(words[0]) is not None:
        return mention
    if len(words) > 3 and (para.language not in _INDONESIAN or gender_of(words[-3]) is not None):
        return mention  # Indonesian: "Menteri Luar Negeri AS Michael Pompeo"
    toks, k = para.tokens, bisect.bisect_left(para.starts, mention.start)
    role = mention.roles[-1] if mention.roles else (toks[k - 1].low if 0 < k < len(toks) else "")
    # Indonesian names what a role heads after it: a given name second-last tells the name's start
    given_second = para.language in _INDONESIAN and gender_of(words[-2]) is not None
    if (role not in GENITIVE_ROLES and not given_second) or (
        mention.roles and words[0] not in masked[mention.start : mention.end]
    ):
        return mention
    at = mention.start
    for word in words[:-2]:
        at = masked.index(word, at) + len(word)
    start = masked.index(words[-2], at)
    return Mention(start, mention.end, masked[start : mention.end], "name", " ".join(words[-2:]),
                   mention.roles, gender_of(words[-2]), True)  # fmt: skip


_OBJECT_FIRST = frozenset({"report", "reveal", "admit"})  # "ha annunciato una perdita", "reveló un plan"
_ROMANCE_ARTICLES = frozenset("il lo la l' i gli le el los las un una uno une un' o os as".split())


def _romance_object(mention: Mention | None, lemma: str) -> bool:
    """A noun phrase with a Spanish, Italian, French or Portuguese article after "announced",
    "revealed", "admitted": what the verb has as its object, not who speaks (German and Dutch
    put the speaker there: "teilte die Polizei mit", "meldde de politie")."""
    if mention is None or mention.kind != "nominal" or lemma not in _OBJECT_FIRST:
        return False
    return mention.text.split()[0].lower() in _ROMANCE_ARTICLES


# where it was said: "řekl v rozhovoru pro …", Polish "powiedział w rozmowie z …"
_CS_PLACES = frozenset("v ve na při pro před během w we podczas przy dla".split())
# what ends a Czech speaker's phrase after the verb: punctuation, a place, an adverb
_CS_CLAUSE_END = _CS_PLACES | frozenset(
    ". , ; ! ? … do nejprve také pak později rovněž znovu dále též też także również potem później następnie".split()
)


# Czech adverbs that open a sentence capitalised, the subject after the verb ("Pak dodal Jan Novák"),
# or stand between the subject and the verb ("Novák pak dodal")
_CS_ADVERBS = frozenset(
    "pak potom tehdy proto zde tam nakonec následně rovněž zároveň také též ještě však dále".split()
)
# Adverbs that open a sentence capitalised, its subject after the verb, in the text's language only:
# "Dann", "Dort", "Daar" and "Pak" are also surnames ("Carrie Dann", Korean "Pak Kun-hje")
_OPENERS = {
    "cs": _CS_ADVERBS,
    "de": frozenset(
        "dann hier dort dabei dazu damit darüber demnach weiter ferner sodann zuerst ebenso folglich insgesamt "
        "darum deswegen nämlich jedenfalls".split()
    ),
    "nl": frozenset("toen daarom daar dus ook hier".split()),
}


def _czech_before(masked: str, para: _Para, first: int, mention: Mention | None) -> Mention | None:
    """The subject before a Czech speech verb at ``para.tokens[first]``, past the adverbs around
    it: "Novák pak dodal" (Novák), "Pak Novák dodal" (Novák); none for "Pak dodal Jan Novák" (the
    subject follows the verb)."""
    toks = para.tokens
    if mention is None:
        k = first
        while k > 0 and toks[k - 1].low in _CS_ADVERBS and not toks[k - 1].is_cap:
            k -= 1
        return mention_before(masked, toks, k) if k < first else None
    return _without_opener(masked, para, mention)


def _without_opener(masked: str, para: _Para, mention: Mention) -> Mention | None:
    """A name mention without the adverb of the paragraph's language that opens its sentence ("Pak
    Novák" -> Novák, "Dann" -> None), unless the article also writes the mention inside a sentence
    (then it is a name: "prezidentka Pak Kun-hje")."""
    adverbs = _OPENERS.get(para.language or "")
    toks = para.tokens
    k = bisect.bisect_left(para.starts, mention.start)
    if not adverbs or k >= len(toks) or toks[k].low not in adverbs or (k > 0 and toks[k - 1].text not in ".!?…"):
        return mention
    if _written_inside(masked, mention.text):
        return mention
    if toks[k].end >= mention.end:
        return None
    if mention.kind != "name":
        return mention
    last = k + 1
    while last + 1 < len(toks) and toks[last + 1].end <= mention.end:
        last += 1
    return parse_name(toks[k + 1 : last + 1], masked)


@lru_cache(maxsize=256)  # keys hold texts: a few hundred at most
def _written_inside(masked: str, words: str) -> bool:
    """Does ``words`` occur in ``masked`` after something other than a sentence's end?  (Cached: the
    rules ask it of the same text and name again and again.)"""
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(words)}(?![\w’'-])", masked):
        i = m.start() - 1
        while i >= 0 and masked[i] in " \t«„“\"'(":
            i -= 1
        if i >= 0 and masked[i] not in ".!?…\n:":
            return True
    return False


# what ends the noun phrase after a speech verb: where, when and to whom it was said, and punctuation
_CLAUSE_ENDS = {
    "is": frozenset(
        ". , ; ! ? … á í við um með og en að sem þegar eftir fyrir hjá fyrst síðan einnig líka þá nú".split()
    ),
    "ha": frozenset(". , ; ! ? … a yayin inda cikin ga da lokacin bayan kafin cewa".split()),
    "id": frozenset(
        ". , ; : ! ? … di ke dari kepada dalam pada saat ketika seperti sebagaimana dan yang dengan seraya sambil "
        "usai setelah sebelum bahwa melalui lewat via kemarin hari awalnya kemudian lalu sementara namun tetapi".split()
    ),
}


def _nominal_after(masked: str, toks: list[Token], i: int, ends: frozenset[str], most: int = 6) -> Mention | None:
    """The speaker after a speech verb when no name follows it, in Icelandic, Hausa, Czech and Indonesian: a
    noun phrase of at most ``most`` words (none of these languages has an article before the noun)
    that ``ends`` close ("„…,“ sagði framherjinn.", "sagði upplýsingafulltrúi lögreglunnar í
    héraðinu", "in ji direban da farko", "„…,“ řekl útočník.", "ujar sang penyerang"), or roles before a name ("sagði
    talsmaður Kremlar Dmítríj Peskov", "uvedla mluvčí policie Jana Nováková")."""
    k = i
    while k < len(toks) and k - i < most and toks[k].is_word and not toks[k].is_cap and toks[k].low not in ends:
        k += 1
    if k == i:
        return None
    closes = k >= len(toks) or toks[k].low in ends
    if not closes and is_name_token(toks[k]):
        m = mention_after(masked, toks, k, inverted=True)
        if m is not None and m.kind == "name":
            roles = tuple(t.low for t in toks[i:k]) + m.roles
            return Mention(toks[i].start, m.end, masked[toks[i].start : m.end], "name", m.name, roles, m.gender, True)
        return None
    if closes:
        return Mention(toks[i].start, toks[k - 1].end, masked[toks[i].start : toks[k - 1].end], "nominal")
    return None


# Hebrew and Arabic: what ends the speaker's words after or before a speech verb (punctuation,
# "that", where, when and to whom it was said), and the one-letter prepositions written on a word
# ("בראיון": in an interview, "لقناة": to the channel)
_ABJAD_WORDS = {
    "he": frozenset(
        ". , ; : ! ? … – — כי ש על עם אל את גם עוד היום אתמול כך לאחר אחרי לפני כאשר בעת תוך מול אבל אך "
        "תחילה מאוחר יותר".split()
    ),
    "ar": frozenset(
        ". , ، ; ؛ : ! ? ؟ … – — « » أن إن بأن أنه أنها أنهم إنه إنها بأنه بأنها في على من إلى عن مع خلال أمس "
        "اليوم لدى عبر قائلا مضيفا حيث بعد قبل كما أيضا لكن هذا هكذا ما آنذاك".split()
    ),
}
_ABJAD_WORDS["fa"] = frozenset(
    ". , ، ; ؛ : ! ? ؟ … – — « » و که در با به از برای تا نیز همچنین ابتدا سپس هم را امروز دیروز روز پس پیش "
    "چنین اکنون".split()
)
_ABJAD_PREPOSITIONS = {"he": frozenset("בלמ"), "ar": frozenset("بلك"), "fa": frozenset()}
_ABJAD_DEFINITE = {"he": ("ה",), "ar": ("ال", "وال"), "fa": ("این", "آن", "یک")}
_PERSIAN_SOME = frozenset({"یکی", "برخی", "بسیاری", "هیچ‌یک"})  # "یکی از بینندگان": one of the viewers
_ABJAD_PRONOUN_CUES = {"לדבריו": "m", "לדבריה": "f", "לדבריהם": None}
# pronouns as subjects, with the gender they say and the English pronoun they resolve as (Persian
# وی / او: he or she)
_ABJAD_PRONOUNS: dict[str, tuple[str | None, str]] = {
    "הוא": ("m", "he"), "היא": ("f", "she"), "הם": (None, "they"), "הן": (None, "they"),
    "هو": ("m", "he"), "هي": ("f", "she"), "هم": (None, "they"),
    "وی": (None, "he"), "او": (None, "he"), "ایشان": (None, "he"), "آنها": (None, "they"),
}  # fmt: skip


# Hebrew verbs whose masculine past ends in ה (the feminine ends in תה: הודתה, ענתה)
_HEBREW_MASCULINE_H = frozenset("הודה ענה פנה צפה".split())


def _abjad_gender(form: str, language: str) -> str | None:
    """The gender a speech verb's form says: Hebrew אמרה, הודתה, אומרת a woman, אמרו, אומרים several;
    Arabic قالت, تقول a woman, قالوا several; Persian verbs say none."""
    verb = form.split()[0]
    if language == "he":
        if verb.endswith(("ו", "ים")):
            return None
        if verb.endswith("ת") or verb.endswith("תה") or (verb.endswith("ה") and verb not in _HEBREW_MASCULINE_H):
            return "f"
        return "m"
    if language == "ar":
        stem = verb[1:] if verb.startswith("و") else verb
        if stem.endswith("وا"):
            return None
        return "f" if stem.endswith("ت") or stem.startswith("ت") else "m"
    return None


# words that open where, when or to whom something was said, each a preposition written on a noun
# ("בראיון": in an interview, "לכתבים": to the reporters, "بسخرية": sarcastically); more are told
# by their rest being a word of the text ("בנאום" / "נאום")
_ABJAD_ADVERBIALS = frozenset(
    """בראיון בנאום בהודעה בשיחה בטוויטר ברשתות בפייסבוק באינסטגרם בתגובה במסיבת בכנס בישיבה בפגישה ביום
    בשבוע בבוקר בערב בלילה בעבר בהמשך בסוף בתחילת בפני במהלך בעת במכתב בהצהרה בשידור בחשבון בתוכנית
    בחיוך באירוניה בכעס לכתבים לעיתונאים לתקשורת לרשת לתחנת לערוץ לכלי לסוכנות לאתר לעיתון ליומן לגלי
    לחדשות לשדרן לשדר מוקדם לקראת
    لقناة لوكالة لصحيفة لموقع لإذاعة لمجلة للصحفيين للصحافيين لوسائل بسخرية بدوره بدورها بحسب بعد بينما
    بشكل بصراحة بوضوح""".split()
)


def _abjad_prefixed(word: str, language: str, text: str) -> bool:
    """Does a word open with a preposition written on it ("בראיון", "لقناة") rather than being a
    name that starts with that letter ("בנט", "לפיד", "بوتين": Arabic writes p with ب)?  Only on
    evidence: a word of the list above, Arabic's preposition and article ("بال", "لل"), or a rest
    that is a word of the text ("בנאום" and "נאום")."""
    if word[:1] not in _ABJAD_PREPOSITIONS[language]:
        return False
    if word in _ABJAD_ADVERBIALS or (language == "ar" and word.startswith(("بال", "لل"))):
        return True
    return len(word) > 2 and re.search(rf"(?<!\w){re.escape(word[1:])}(?!\w)", text) is not None


def _abjad_speaker(masked: str, para: _Para, first: int, last: int, lemma: str) -> tuple[Mention | None, bool]:
    """The speaker of a Hebrew, Arabic or Persian speech verb and whether it follows the verb: the
    words after it ('"…", אמר ראסל לרשת CNBC' -> ראסל; 'وقال المكتب الصحفي لمديرية الشرطة: «…»'), else
    those before it in its clause ("אובצ'קין הודה גם ש…"), else the person the verb's ending points
    to (a pronoun: "הוסיף." he added, "وأضاف:", "לדבריו").  Persian puts the verb last: its speaker
    is the words that open the clause ("کورب گفت: «…»")."""
    toks, language = para.tokens, para.language or ""
    ends = _ABJAD_WORDS[language]
    form = toks[first].text if first == last else " ".join(t.text for t in toks[first : last + 1])

    def pronoun(gender: str | None) -> Mention:  # the verb (or "לדבריו") stands for its subject
        tok = toks[first]
        return Mention(
            tok.start, tok.end, tok.text, "pronoun", {"m": "he", "f": "she"}.get(gender or "", "they"), gender=gender
        )

    if form in _ABJAD_PRONOUN_CUES:
        return pronoun(_ABJAD_PRONOUN_CUES[form]), False

    def speaking(a: int, b: int, *, before: bool = False) -> Mention | None:
        while before and a < b and _abjad_prefixed(toks[a].text, language, masked):
            a += 1  # "בצבא מסרו": in the army, they said
        if a >= b:
            return None
        if b == a + 1 and toks[a].text in _ABJAD_PRONOUNS:  # "הוא הוסיף": he added
            gender, name = _ABJAD_PRONOUNS[toks[a].text]
            return Mention(toks[a].start, toks[a].end, toks[a].text, "pronoun", name, gender=gender)
        words = masked[toks[a].start : toks[b - 1].end]
        definite = _ABJAD_DEFINITE[language]
        kind = (
            "nominal"
            if (toks[a].text in definite if language == "fa" else toks[a].text.startswith(definite))
            else "name"
        )
        gender = None if lemma == "according to" else _abjad_gender(form, language)
        return Mention(toks[a].start, toks[b - 1].end, words, kind, words, gender=gender, person=kind == "name")

    if language == "fa":  # the verb last: its subject opens the clause ("راننده ابتدا با لحنی … می‌گوید")
        if lemma == "according to":
            k = i = last + 1
            while k < len(toks) and k - i < 4 and toks[k].is_word and toks[k].low not in ends:
                k += 1
            return (speaking(i, k) if k > i else None), True
        j = first
        while j > 0 and toks[j - 1].is_word:
            j -= 1
        for c in range(first - 1, j - 1, -1):
            if toks[c].low == "و":  # "… و افزود": and added; the subject is the one before
                j = c + 1
                break
        k = j
        while (
            k < first
            and k - j < 6
            and toks[k].is_word
            and (toks[k].low not in ends or (toks[k].low == "از" and k > j and toks[k - 1].low in _PERSIAN_SOME))
        ):
            k += 1
        if k > j:
            return speaking(j, k), False
        if j == first:  # the subject left out: a plural verb ends in ند ("گفتند")
            tok = toks[first]
            name = "they" if tok.text.endswith("ند") else "he"
            return Mention(tok.start, tok.end, tok.text, "pronoun", name), False
        return None, False

    i = last + 1
    if i + 1 < len(toks) and toks[i].is_word and _abjad_prefixed(toks[i].text, language, masked):
        i += 2  # where, when or to whom first ("אמר ביום שישי דניאל ראסל"): the speaker after it
    k = i
    while (
        k < len(toks)
        and k - i < 4
        and toks[k].is_word
        and toks[k].low not in ends
        and not _abjad_prefixed(toks[k].text, language, masked)
    ):
        k += 1
    after = speaking(i, k) if k > i else None
    opening = first == 0 or not toks[first - 1].is_word  # right after the quote or a comma, or opening the sentence
    if after is not None and (opening or lemma == "according to"):
        return after, True
    j = first
    while j > 0 and first - j < 3 and toks[j - 1].is_word and toks[j - 1].low not in ends:
        j -= 1
    before = speaking(j, first, before=True) if j < first and lemma != "according to" else None
    if before is not None:
        return before, False
    if after is not None:
        return after, True
    if lemma == "according to":
        return None, False
    return pronoun(_abjad_gender(form, language)), False


@dataclass(frozen=True, slots=True)
class _SouthAsian:
    """The words a Hindi, Urdu or Bengali speaker is told by (:func:`_south_asian_speaker`; Bengali
    has no ergative, genitive or inessive word: its cases are endings, ``suffixes``)."""

    ergative: str  # ने / نے, on the subject of a past transitive verb
    genitive: frozenset[str]  # का की के: "X का कहना है", "X के प्रवक्ता"
    inessive: str  # में / میں: "बयान में कहा गया" (it was said in the statement)
    passive: frozenset[str]  # गया गई गए: "कहा गया" (it was said)
    ends: frozenset[str]  # what ends a speaker's words: postpositions, conjunctions, adverbs, punctuation
    pronouns: dict[str, tuple[str | None, str]]  # subject pronouns (with ने fused or apart): gender, English
    determiners: frozenset[str]  # "एक दर्शक" (a viewer), "इस राजनेता": a description
    roles: frozenset[str]  # nouns that describe rather than name ("ड्राइवर", "प्रवक्ता")
    that: str  # कि / کہ, opening a reported clause
    clauses: frozenset[str]  # what opens another clause: "that", but, while, when … (a speaker is not before it)
    auxiliaries: frozenset[str]  # है था ...: after the verb ("कहा था कि")
    suffixes: tuple[str, ...] = ()  # case endings of words that end a speaker's phrase (Bengali: -তে, -কে)

    def ends_phrase(self, word: str) -> bool:
        return word in self.ends or (bool(self.suffixes) and word.endswith(self.suffixes))


def _nfc_words(words: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w) for w in words.split())


def _nfc_keys(table: Mapping[str, tuple[str | None, str]]) -> dict[str, tuple[str | None, str]]:
    return {unicodedata.normalize("NFC", k): v for k, v in table.items()}


# subject pronouns, with ने fused ("उन्होंने": he, honorific) or apart ("انہوں نے"), and the genitives
# of "according to him" ("उनके मुताबिक़"): the gender they say (none) and the English pronoun
_HINDI_PRONOUNS = {
    "उन्होंने": (None, "he"), "उसने": (None, "he"), "इन्होंने": (None, "he"), "इसने": (None, "he"), "वह": (None, "he"),
    "वे": (None, "they"), "मैंने": (None, "I"), "हमने": (None, "we"), "उनके": (None, "he"), "उसके": (None, "he"),
    "इसके": (None, "he"),
}  # fmt: skip
_BENGALI_PRONOUNS = {
    "তিনি": (None, "he"), "সে": (None, "he"), "উনি": (None, "he"), "তারা": (None, "they"), "তাঁরা": (None, "they"),
    "আমি": (None, "I"), "আমরা": (None, "we"), "তাঁর": (None, "he"), "তার": (None, "he"), "তাদের": (None, "they"),
}  # fmt: skip
_URDU_PRONOUNS = {
    "انہوں": (None, "he"), "انھوں": (None, "he"), "اس": (None, "he"), "وہ": (None, "he"), "ہم": (None, "we"),
    "ان": (None, "he"),
}  # fmt: skip


_SOUTH_ASIAN = {
    "hi": _SouthAsian(
        "ने",
        _nfc_words("का की के"),
        "में",
        _nfc_words("गया गई गए"),
        _nfc_words(
            ". , ; : ! ? … – — । कि और व में पर से को तक लिए बाद साथ ने भी ही तो पहले आगे फिर अब आज कल "
            "हालांकि लेकिन मगर इसलिए यह वह अनुसार मुताबिक़ मुताबिक हवाले घोषणा ऐलान दावा जब अगर यदि क्योंकि जबकि तब ताकि"
        ),
        _nfc_keys(_HINDI_PRONOUNS),
        _nfc_words("एक यह वह इस उस इन उन लोग आप"),
        _nfc_words(
            "ड्राइवर प्रवक्ता मंत्री गवर्नर सेवा मंत्रालय विभाग दर्शक प्रकाशन सेना डॉक्टर विशेषज्ञ विशेषज्ञों अधिकारी "
            "अधिकारियों पुलिस संदेश बयान लेख रिपोर्ट खिलाड़ी कोच फ़ॉरवर्ड गायक नेता सूत्र सूत्रों निदेशालय कार्यालय "
            "सरकार समिति प्रशासन मीडिया राजनयिक राजनेता सांसद"
        ),
        "कि",
        _nfc_words("कि लेकिन मगर जबकि जब क्योंकि ताकि तब अगर यदि"),
        _nfc_words("है हैं था थी थे गया गई गए"),
    ),
    "ur": _SouthAsian(
        "نے",
        _nfc_words("کا کی کے"),
        "میں",
        _nfc_words("گیا گئی گئے"),
        _nfc_words(
            ". , ، ; ؛ : ! ? ؟ … – — ۔ کہ اور میں پر سے کو تک لیے بعد ساتھ نے بھی ہی تو پہلے آگے پھر اب آج کل "
            "تاہم لیکن مگر لیے یہ وہ مزید قبل مطابق بقول حوالے اعلان دعویٰ جب اگر کیونکہ جبکہ تب تاکہ"
        ),
        _nfc_keys(_URDU_PRONOUNS),
        _nfc_words("ایک یہ وہ اس ان لوگ آپ"),
        _nfc_words(
            "ڈرائیور ترجمان وزیر گورنر سروس وزارت محکمہ ناظر جریدے جریدہ فوج افواج ڈاکٹر ماہرین ماہر اہلکار "
            "اہلکاروں پولیس پیغام بیان مضمون تحریر رپورٹ کھلاڑی کوچ فارورڈ گلوکار رہنما ذرائع ڈائریکٹوریٹ دفتر "
            "حکومت کمیٹی انتظامیہ میڈیا سفارت کار سیاستدان"
        ),
        "کہ",
        _nfc_words("کہ لیکن مگر جبکہ جب کیونکہ تاکہ تب اگر"),
        _nfc_words("ہے ہیں تھا تھی تھے گیا گئی گئے"),
    ),
    # Bengali marks its subject with nothing and its cases with endings: a speaker's phrase ends at a
    # word in -এ / -তে / -ায় (in, at; not the -আলয় of "মন্ত্রণালয়"), -কে (to), -দের (of or to several),
    # and at an adverb
    "bn": _SouthAsian(
        "",
        frozenset(),
        "",
        _nfc_words("হয়েছে হয় হয়েছিল"),
        _nfc_words(
            ". , ; : ! ? … – — । যে এবং ও কিন্তু তবে আর গতকাল আজ সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার "
            "শনিবার রবিবার রোববার পরে আগে সম্প্রতি এদিন সময় বলে জানিয়ে দিয়ে করে যখন যদি কারণ এমনটাই এমনটা এমন আরও "
            "আবার ফের প্রথমে এরপর তখন এভাবে তবু সঙ্গে আহ্বান কথা ছাড়া ধন্যবাদ"
        ),
        _nfc_keys(_BENGALI_PRONOUNS),
        _nfc_words("একজন এক এই সেই ওই লোকজন মানুষ আপনি"),
        _nfc_words(
            "চালক মুখপাত্র মন্ত্রী গভর্নর মন্ত্রণালয় বিভাগ দর্শক পুলিশ বিবৃতি প্রতিবেদন চিকিৎসক খেলোয়াড় কোচ "
            "ফরোয়ার্ড গায়ক নেতা সূত্র সরকার কর্মকর্তা বিশেষজ্ঞ বাহিনী সেনাবাহিনী"
        ),
        "যে",
        _nfc_words("যে কিন্তু তবে যখন যদি কারণ"),
        _nfc_words("হয়েছে হয় ছিল ছিলেন"),
        tuple(unicodedata.normalize("NFC", w) for w in ("ে", "ায়", "দের")),
    ),
}


_CITING = {"से": "हवाले", "سے": "حوالے"}  # "X के हवाले से": citing X
_UNMARKED_VERBS = frozenset({"कहना", "کہنا", "बोले", "बोला", "बोली", "بولے", "بولا"})


def _phrase_before(masked: str, toks: list[Token], words: _SouthAsian, k: int) -> Mention | None:
    """The Hindi, Urdu or Bengali noun phrase that ends before token ``k`` (at most six words, genitives
    inside it: "क्रेमलिन के प्रवक्ता दिमित्री पेसकोव"), as a speaker's mention."""
    while k > 0 and toks[k - 1].text in words.genitive:
        k -= 1  # "X के हवाले से": X's
    if (
        k > 0
        and toks[k - 1].text in words.pronouns
        and (k == 1 or not toks[k - 2].is_word or words.ends_phrase(toks[k - 2].text))
    ):
        t = toks[k - 1]  # "वह कहते हैं", "اس نے کہا": a pronoun, though "वह" and "اس" also end phrases
        gender, name = words.pronouns[t.text]
        return Mention(t.start, t.end, t.text, "pronoun", name, gender=gender)
    j = k
    while j > 0 and k - j < 6:
        t = toks[j - 1]
        if not t.is_word or (words.ends_phrase(t.text) and t.text not in words.genitive):
            break
        j -= 1
    while j < k and toks[j].text in words.genitive:
        j += 1  # a genitive opens no phrase
    return _phrase(masked, toks, words, j, k)


_DEMONSTRATIVES = frozenset("यह वह इस उस इन उन एक یہ وہ اس ان ایک এই সেই ওই এ এক একজন".split())


def _phrase(masked: str, toks: list[Token], words: _SouthAsian, j: int, k: int) -> Mention | None:
    """Tokens ``j`` to ``k`` (exclusive) as a speaker's mention: a pronoun, a description or a name
    (a determiner alone is none: "সেই সঙ্গে", with that)."""
    if j >= k or (k == j + 1 and toks[j].text in _DEMONSTRATIVES):
        return None
    text = masked[toks[j].start : toks[k - 1].end]
    if k == j + 1 and toks[j].text in words.pronouns:
        gender, name = words.pronouns[toks[j].text]
        return Mention(toks[j].start, toks[j].end, text, "pronoun", name, gender=gender)
    nominal = toks[j].text in words.determiners or toks[k - 1].text in words.roles
    kind = "nominal" if nominal else "name"
    return Mention(toks[j].start, toks[k - 1].end, text, kind, text, person=kind == "name")


def _ergative_subjects(masked: str, para: _Para) -> list[Mention]:
    """The named subjects a Hindi or Urdu paragraph marks with the ergative ("पुतिन ने …", whatever
    the verb: "यह घोषणा पुतिन ने की", Putin made this announcement): the people a later "उन्होंने"
    (he) may stand for."""
    words = _SOUTH_ASIAN[para.language or ""]
    found = (
        _phrase_before(masked, para.tokens, words, k) for k, t in enumerate(para.tokens) if t.text == words.ergative
    )
    return [m for m in found if m is not None and m.kind == "name"]


def _south_asian_speaker(masked: str, para: _Para, first: int, last: int, lemma: str) -> Mention | None:
    """The speaker of a Hindi or Urdu speech verb, which ends its clause: the words before the
    ergative ने / نے ("रूसी राष्ट्रपति व्लादिमीर पुतिन ने कहा", where, when and to whom it was said may
    stand between), before "का कहना" ("कोर्ब का कहना था") or "के मुताबिक़"; the document a
    passive names ("मंत्रालय के बयान में कहा गया है": the ministry's statement); else, in the present,
    the subject before the verb or opening the clause ("सोशल मीडिया पर ज़ुकोव लिखते हैं")."""
    toks, words = para.tokens, _SOUTH_ASIAN[para.language or ""]

    def before(k: int) -> Mention | None:
        return _phrase_before(masked, toks, words, k)

    if lemma == "according to":
        return before(first + 1) if toks[first].text in words.pronouns else before(first)  # "उनके मुताबिक़"
    if not words.ergative:
        return _bengali_speaker(masked, toks, words, first, last)
    cue = toks[first].text
    if first > 0 and toks[first - 1].text in words.genitive and cue in ("कहना", "کہنا"):
        return before(first - 1)  # "X का कहना है": X's saying is
    if last + 1 < len(toks) and toks[last + 1].text in words.passive:
        return before(first - 1) if first > 0 and toks[first - 1].text == words.inessive else None
    last_word = toks[last].text
    # the subject of a present (or of "बोले": spoke) has no postposition; a past transitive verb's has
    # the ergative, looked for in the verb's clause (where, when and to whom may stand between)
    present = last_word.endswith(("ता", "ती", "ते", "تا", "تی", "تے")) or last_word in _UNMARKED_VERBS
    for k in range(first - 1, -1 if present else max(-1, first - 25), -1):
        t = toks[k]
        if t.text in _CITING and k > 0 and toks[k - 1].text == _CITING[t.text]:
            return before(k - 1)  # "ERR ने … प्रोसा के हवाले से कहा": ERR said, citing Prosa
        if t.text == words.ergative:
            return before(k)
        if words.ergative and t.text in words.pronouns and t.text.endswith(words.ergative):  # "उन्होंने": ने fused
            gender, name = words.pronouns[t.text]
            return Mention(t.start, t.end, t.text, "pronoun", name, gender=gender)
        if t.text in words.clauses or (
            not t.is_word and t.text not in (",", "،") and t.text not in _QUOTE_CHARS and t.text not in "’‘'"
        ):
            break
    if not present:
        return None
    found = before(first)
    if found is not None:
        return found
    return _clause_subject(masked, toks, words, first)


def _clause_subject(masked: str, toks: list[Token], words: _SouthAsian, first: int) -> Mention | None:
    """The phrase that opens the clause of the verb at ``first``, up to where an adverbial starts
    ("ड्राइवर पहले व्यंग्य से कहता है": the driver)."""
    j = first
    while j > 0 and toks[j - 1].is_word:
        j -= 1
    k = j
    while k < first and not words.ends_phrase(toks[k].text):
        k += 1
    return _phrase_before(masked, toks, words, k) if k < first else None


_BENGALI_THAT = "বলে"  # "… বলে জানান তিনি": the clause before it is what was said
_BENGALI_OBJECTS = frozenset("এ এই কথা এমনটাই এমনটা এমন তা সেটা এটা আরও".split())  # this, so, also: before the verb


def _bengali_speaker(masked: str, toks: list[Token], words: _SouthAsian, first: int, last: int) -> Mention | None:
    """The speaker of a Bengali speech verb: after it when it follows a quote or the complementiser
    বলে ("‘…’, বলেন তিনি", "… বলে জানিয়েছেন পুতিন"); else the phrase before it ("‘…’, পুতিন বলেন") or
    opening its clause, adverbials after it ("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন সোমবার বলেন"); the
    document of a passive ("মন্ত্রণালয়ের বিবৃতিতে বলা হয়েছে": the ministry's statement)."""
    if toks[first].text in ("বলা", "জানানো"):  # the verbal noun: a cue only in the passive
        if last + 1 >= len(toks) or toks[last + 1].text not in words.passive or first == 0:
            return None
        k = first - 1
        if not toks[k].is_word or not toks[k].text.endswith(words.suffixes):
            return None
        j = k
        while j > 0 and k - j < 3 and toks[j - 1].is_word and not words.ends_phrase(toks[j - 1].text):
            j -= 1
        text = masked[toks[j].start : toks[k].end]
        return Mention(toks[j].start, toks[k].end, text, "nominal", text)
    e = last + 1
    while e < len(toks) and e - last <= 6 and toks[e].is_word and not words.ends_phrase(toks[e].text):
        e += 1
    # after the verb: when it follows a quote, বলে or an adverb ("এমনটাই লিখেছেন জুকভ"), or a short
    # phrase closes the sentence after it ("…, জানান পুলিশের মুখপাত্র।")
    after = e > last + 1 and (
        first == 0
        or not toks[first - 1].is_word
        or words.ends_phrase(toks[first - 1].text)
        or (e - last <= 4 and (e >= len(toks) or toks[e].text in ("।", ".", "!", "?")))
    )
    if after:
        return _phrase(masked, toks, words, last + 1, e)
    if first > 0 and toks[first - 1].text == _BENGALI_THAT:
        return None
    k = first
    while k > 0 and toks[k - 1].text in _BENGALI_OBJECTS:
        k -= 1  # "প্রোসা এ কথা বলেছেন": Prosa said this
    found = _phrase_before(masked, toks, words, k)
    return found if found is not None else _clause_subject(masked, toks, words, first)


_HAUSA_PRONOUNS = {"ya": "m", "ta": "f", "sun": None, "suka": None}


def _hausa_pronoun(toks: list[Token], first: int, form: str) -> Mention | None:
    """The subject a Hausa speech verb carries when no name comes before it: "ya ce" (he said),
    "ta ƙara da" (she added), "sun ce" (they said)."""
    word = form.split()[0]
    if word not in _HAUSA_PRONOUNS or len(form.split()) < 2:
        return None
    tok, gender = toks[first], _HAUSA_PRONOUNS[word]
    # resolved as the independent pronoun ("shi" he, "ita" she) is
    name = "shi" if gender == "m" else "ita" if gender == "f" else ""
    return Mention(tok.start, tok.end, tok.text, "pronoun", name, gender=gender)


def _czech_subject(masked: str, toks: list[Token], i: int, form: str) -> Mention | None:
    """The speaker after a Czech (or Polish) speech verb when no name follows it: a noun phrase or
    a role before a name (:func:`_nominal_after`), a person after where it was said, or none at all
    ("„…,“ dodal."), where the verb's ending says the gender of the person named before (-l / -ł a
    man, -la / -ła a woman)."""
    if i < len(toks) and toks[i].is_word and not toks[i].is_cap and toks[i].low not in _CS_CLAUSE_END:
        return _nominal_after(masked, toks, i, _CS_CLAUSE_END, most=5)
    if i < len(toks) and toks[i].low in _CS_PLACES and (named := _person_ending_phrase(masked, toks, i)):
        return named
    if i >= len(toks) or toks[i].low in _CS_CLAUSE_END:
        verb = form.split()[-1]
        gender = "f" if verb.endswith(("la", "ła")) else "m" if verb.endswith(("l", "ł")) else None
        if gender is not None:
            at = toks[i - 1] if i > 0 else None
            start, end = (at.start, at.end) if at is not None else (0, 0)
            return Mention(start, end, verb, "pronoun", "ona" if gender == "f" else "on", gender=gender)
    return None


def _russian_speech(text: str, part: _Part) -> bool:
    """Is a short Russian quote direct speech by Russian rules: opening its sentence, then a comma
    (or its own ! ? …) and a dash with a speech verb ("«Череп не разрезают», — добавил он")?  Not a
    name in «» inside a sentence ("ракета «Циркон», — сказал …") nor a match's teams ("«Ростов» —
    Краснодар")."""
    if not part.dashed or part.how != "post" or part.close_at is None:
        return False
    before = text[max(0, part.open_at - 3) : part.open_at].rstrip(" \t-—–―")
    if before and before[-1] not in ".!?…\n":
        return False  # opened inside a sentence
    after = text[part.close_end : part.close_end + 2].lstrip()
    return after.startswith(",") or text[part.start : part.end].rstrip()[-1:] in ("!", "?", "…")


def _subject_after_verb(masked: str, para: _Para, i: int) -> Mention | None:
    """The subject that follows a European speech verb when something else opens the sentence
    (Dutch and German word order, a fronted time in Spanish and Italian): "Vervolgens zei Jobs dat
    …", "Am Montag sagte Bundeskanzler Olaf Scholz, …", "Ayer dijo Sánchez que …", "Zugleich sagte
    er: …"; a name (or German "er") that the reported clause's lead, a comma or a colon follows."""
    toks = para.tokens
    m = mention_after(masked, toks, i)
    if m is None or m.kind == "nominal":
        m = described_name_after(masked, toks, i) or m  # "Danach sagte der Amerikaner Stephen Ochsner: …"
    if m is None or m.kind == "nominal" or (m.kind == "pronoun" and m.text.lower() != "er"):
        return None  # German "Zugleich sagte er": a pronoun elsewhere went to firms as often as to people
    k = bisect.bisect_left(para.starts, m.end)
    if k < len(toks) and toks[k].low in _SEPARABLE:
        k += 1  # the particle of a separable verb: "fügte der Amerikaner hinzu, …"
    return m if k < len(toks) and (toks[k].low in EUROPEAN_LEADS or toks[k].text in (",", ":")) else None


_SEPARABLE = frozenset({"hinzu", "mit", "bei", "ein"})


def _before_adverbs(toks: list[Token], first: int) -> int:
    """The token a Russian cue starts from once the adverbs before it are left out ("ранее
    пояснила", "затем добавил"): ``first`` itself when there are none."""
    while first > 0 and toks[first - 1].low in RU_ADVERBS and not toks[first - 1].is_cap:
        first -= 1
    return first


_RU_AGENCY_WORDS = frozenset({"новости", "интерфакс"})  # "РИА Новости", "Интерфакс"


def _quoted_object(masked: str, toks: list[Token], i: int) -> Mention | None:
    """Who a Russian quoting verb quotes: "цитирует его" (a pronoun), "приводит слова Кириленко",
    "цитирует Овечкина" (a name in another case; the resolver finds its nominative), also after the
    agency that quotes and the person's role ("цитирует РИА Новости министра финансов Антона
    Силуанова", "цитирует Reuters Байдена")."""
    n = len(toks)
    if i < n and toks[i].low in RU_OBJECT_PRONOUNS:
        tok = toks[i]
        return Mention(tok.start, tok.end, tok.text, "pronoun", gender=RU_OBJECT_PRONOUNS[tok.low])
    while (
        i < n
        and toks[i].is_cap
        and (toks[i].text.isupper() or not cyrillic_word(toks[i].text) or toks[i].low in _RU_AGENCY_WORDS)
    ):
        i += 1  # the agency: an acronym or a Latin name
    k = i
    while k < n and k - i < 5 and toks[k].is_word and not toks[k].is_cap:
        k += 1  # the role, in the accusative: "министра финансов"
    if k >= n or not is_name_token(toks[k]) or not cyrillic_word(toks[k].text) or toks[k].text.isupper():
        return None  # "цитирует сообщение ТАСС": the agency quotes a statement
    m = mention_after(masked, toks, k)
    return m if m is not None and m.kind == "name" else None


def _person_ending_phrase(masked: str, toks: list[Token], i: int) -> Mention | None:
    """The person's name, from a known given name, that ends the phrase from ``toks[i]``: whom a
    German or Spanish quoting verb quotes, after the outlet that quotes and the person's role
    ("zitiert die Zeitung den Anwohner Igor Smirnow.", "cita el diario al ministro Luis Planas"),
    and a Czech subject after where it spoke ("řekl v rozhovoru pro Podem Američan Stephen Ochsner.")."""
    k = i
    while k < len(toks) and k - i < 10 and toks[k].is_word and toks[k].low not in EUROPEAN_LEADS:
        k += 1
    if k < len(toks) and toks[k].is_word:
        return None  # a clause goes on
    end = toks[k - 1].end if k > i else -1
    found: tuple[int, Mention] | None = None
    for j in range(k - 2, i - 1, -1):  # a given name starts the last name, not "die Zeitung"; the first
        m = mention_after(masked, toks, j, inverted=True) if gender_of(toks[j].text) else None
        if m is None or m.kind != "name" or m.start != toks[j].start or m.end != end:
            if found is not None:
                break
            continue
        found = j, m  # "Stephen Thomas Ochsner", not "Thomas Ochsner"
    if found is None:
        return None
    j, m = found
    roles = tuple(t.low for t in toks[i:j]) + m.roles  # "den Anwohner": no part of the name
    return Mention(m.start, m.end, m.text, "name", m.name, roles, m.gender, True)


def _ending_speaker(masked: str, para: _Para, i: int) -> Mention | None:
    """A named speaker that follows its cue right away and ends the sentence or the phrase ("…, said
    disaster agency official Fauzi."); not "…, said he", "…, said on Twitter"."""
    toks = para.tokens
    if i >= len(toks) or not toks[i].is_word:
        return None
    m = mention_after(masked, toks, i, inverted=True)
    if m is None or m.kind != "name" or m.start != toks[i].start:
        return None
    k = bisect.bisect_left(para.starts, m.end)
    return m if k >= len(toks) or toks[k].text in (".", ",", ";") else None


def _sentence_of(para: _Para, pos: int) -> Sentence | None:
    """The sentence of the paragraph that holds ``pos`` (its sentences are in order and apart)."""
    k = bisect.bisect_right(para.sentences, pos, key=lambda s: s.start) - 1
    if k >= 0 and para.sentences[k].start <= pos < para.sentences[k].end:
        return para.sentences[k]
    return None


def _conjunct_subject(masked: str, para: _Para, conj: int) -> Mention | None:
    """The subject of a clause whose verb phrases are joined by ``tokens[conj]`` ("and", "but").

    Walks back over comma-separated stretches to the first one that opens with a name, pronoun or
    nominal ("Donald Trump, her Republican opponent, bemoaned … and said" -> Donald Trump).
    """
    toks = para.tokens
    sent = _sentence_of(para, toks[conj].start)
    lo = bisect.bisect_left(para.starts, sent.start if sent else para.start)
    k = conj - 1 if conj > 0 and toks[conj - 1].text == "," else conj
    for _ in range(4):
        b = k - 1
        while b >= lo and toks[b].text not in (",", ";", ":", "“", "”", '"'):
            b -= 1
        start = b + 1
        if start >= k:
            return None
        first = toks[start]
        if (
            first.low in ("he", "she", "they", "we", "i", "it")
            or is_name_token(first)
            or first.low in ("the", "a", "an")
        ):
            m = mention_after(masked, toks, start)
            if m is not None and (m.kind != "nominal" or start == lo or toks[b].text != ","):
                return m
        if b < lo:
            return None
        k = b
    return None


# --- pass 3: attribution ------------------------------------------------------------------------------


def _attribute(text: str, masked: str, paras: list[_Para], parts: list[_Part]) -> None:
    for para in paras:
        for part in para.parts:
            _attribute_part(masked, para, part)
    # a multi-paragraph quote keeps its speaker: forward along the chain first …
    by_chain: dict[int, _Part] = {}
    for part in parts:
        src = by_chain.get(part.chain)
        if part.mention is None and src is not None:
            part.mention, part.cue, part.how = src.mention, src.cue, "chain"
        if part.mention is not None:
            by_chain[part.chain] = part
    # chains whose speaker a later paragraph names ("It's tough. / I want to get out," Adgate said)
    named = {p.chain for p in parts if p.mention is not None and p.how not in ("chain", "")}
    _inherit(text, masked, paras, named)
    # … and backward only for an opening part that nothing else attributed
    for part in reversed(parts):
        src = by_chain.get(part.chain)
        if part.mention is None and src is not None:
            part.mention, part.cue, part.how = src.mention, src.cue, "chain"
        if part.mention is not None:
            by_chain[part.chain] = part


def _inherit(text: str, masked: str, paras: list[_Para], named: set[int]) -> None:
    """Quotes without a cue of their own take the nearest attribution of their paragraph, or the last
    one of the paragraph before when their paragraph is all quote (unless the quote runs on into a
    paragraph that names its speaker: ``named`` chains)."""
    previous: tuple[Mention, str] | None = None
    for para in paras:
        events = _events(para)
        for part in para.parts:
            if part.mention is not None or not _standalone(text, masked, para, part):
                continue
            before = [e for e in events if e[0] < part.open_at]
            after = [e for e in events if e[0] > part.open_at]
            if before:
                _, part.mention, part.cue = before[-1]
            elif after:
                _, part.mention, part.cue = after[0]
            elif (
                previous is not None
                and masked[para.start : para.end].lstrip()[:1] in _FAMILY_START
                and not (part.close_at is None and part.chain in named)
            ):
                part.mention, part.cue = previous
            part.how = "paragraph" if part.mention else ""
        if events:
            previous = (events[-1][1], events[-1][2])
        elif para.parts and all(p.mention is not None for p in para.parts):
            last = para.parts[-1]
            assert last.mention is not None
            previous = (last.mention, last.cue or "")
        else:
            previous = None


_FAMILY_START = frozenset(c for c in _FAMILY if len(c) == 1) | {"'", "`"}


def _standalone(text: str, masked: str, para: _Para, part: _Part) -> bool:
    """Whether a quote may take its paragraph's speaker: it opens its sentence or has four words or more.

    A short quote inside someone else's sentence ("evidence of a “deep state” conspiracy") is a scare
    quote more often than speech.
    """
    if len(text[part.start : part.end].split()) >= 4:
        return True
    sent = _sentence_of(para, part.open_at)
    lead = masked[sent.start if sent else para.start : part.open_at]
    return not any(ch.isalnum() for ch in lead)


def _events(para: _Para) -> list[tuple[int, Mention, str]]:
    out: list[tuple[int, Mention, str]] = []
    for part in para.parts:
        if part.mention is not None and part.how in ("post", "pre", "final", "dash", "colon"):
            out.append((part.open_at, part.mention, part.cue or ""))
    for cue in para.cues:
        if cue.mention is not None and cue.lemma in CLAUSE_CUES:
            out.append((cue.start, cue.mention, cue.form))
    out.sort(key=lambda e: e[0])
    return out


# Japanese: 「…」と話した / 「…」と、…と語った, the speaker the topic or subject of the sentence
# ("吉村知事は", "岸田文雄首相が", "長野県は"), a name with an optional title and age before は/が.
_JA_CUE = re.compile(
    r"\s*と[、,]?\s*[^。「」]{0,24}?(話|語|述べ|説明|強調|明か|明らか|たたえ|称え|指摘|訴え|呼びかけ|呼び掛け|書い|"
    r"つづ|投稿|発表|答え|振り返|意気込|力を込め|力をこめ|笑顔|喜|よろこ|感謝|コメント|言|宣言|主張|表明|明言|説い|"
    r"願|絶賛|称賛|エール|太鼓判|決意|あいさつ|挨拶|悲し|期待|胸を張|伝え|褒め|ほめ|ホメ|"
    # feelings and gestures say who spoke only right after と: "」と心強い。", "」と笑みを浮かべた"
    r"(?<=と)(?:心強|思いを込め|意欲|自信|苦笑|笑み|納得|反省|安堵|満足|興奮|熱弁|断言|力説|提言|要望|証言|"
    r"回想|抱負|誓|目を細め|声を弾ませ|口にし|述懐|激白|告白|吐露|苦言|反論|謝罪|陳謝)|"
    r"(?<=と[、,])(?:心強|思いを込め|笑み|満足|興奮|熱弁|断言|力説)|"
    r"(?<=と)し(?:ている|ていた|た)(?=[。、]|$)|"
    r"(?<=と)のこと)"
)
# 「…」とカサ教授。: the speaker named right after the quote ends the sentence
_JA_AFTER = re.compile(r"\s*と[、,]?\s*([一-龥々〆ヵヶァ-ヴーA-Za-zＡ-Ｚａ-ｚ・]{1,12}?)(TITLES)?\s*(?:[。！]|$)")
_JA_TITLES = (
    "官房長官|国務長官|大統領|理事長|委員長|幹事長|報道官|容疑者|弁護士|首相|大臣|知事|市長|町長|村長|区長|社長|"
    "会長|代表|監督|選手|被告|議員|長官|総裁|教授|党首|主席|外相|部長|署長|医師|スカウト|CEO|ＣＥＯ|氏|さん"
)
_JA_SUBJECT = re.compile(
    rf"([一-龥々〆ヵヶァ-ヴーA-Za-zＡ-Ｚａ-ｚ・]{{1,12}}?)({_JA_TITLES})?(?:[（(][０-９0-9]+[）)])?"
    r"(?:＝[^＝「」。]{1,16}＝)?ら?"  # "会社員男性（５８）＝岡山市中区＝は": age and home town
    r"(?:は|が|も|によると|によれば)"
)
# 「…」（総務省の担当者）: the speaker in brackets right after the quote, a person or an office
_JA_BRACKETED = re.compile(
    r"\s*[（(]\s*([^（）()「」。\s]{1,16}?(?:担当者|関係者|幹部|職員|社員|広報|関係筋|専門家|研究者|TITLES))\s*[）)]"
)
_JA_AFTER = re.compile(_JA_AFTER.pattern.replace("TITLES", _JA_TITLES))
_JA_BRACKETED = re.compile(_JA_BRACKETED.pattern.replace("TITLES", _JA_TITLES))
# 「千と千尋の神隠し」（宮崎駿監督）が / を / は …: a work and its author, an argument of the sentence
_JA_BRACKET_ARGUMENT = re.compile(r"\s*(?:が|を|は|も|に|の|で|へ|や|と(?!いう|の|語|話|述))")
_JA_HONORIFICS = ("氏", "さん")
_JA_TO = re.compile(r"\s*と[、,]?\s*")


def _japanese_attribution(masked: str, para: _Para, part: _Part) -> bool:
    """「…」と話した: the speaker is the last topic or subject before the quote in its sentence."""
    if part.close_at is None or (masked[part.open_at : part.open_at + 1] not in ("「", "『") and not part.continued):
        return False
    bracketed = _JA_BRACKETED.match(masked, part.close_end, para.end)
    if bracketed is not None and not _JA_BRACKET_ARGUMENT.match(masked, bracketed.end(), para.end):
        name = bracketed.group(1)
        part.mention = Mention(bracketed.start(1), bracketed.end(1), name, "name", name)
        part.cue, part.how = "（）", "post"
        return True
    end = masked.find("。", part.close_end)
    cue = _JA_CUE.match(masked, part.close_end, end if end >= 0 else para.end)
    if cue is None:
        after = _JA_AFTER.match(masked, part.close_end, para.end)
        if after is None or not after.group(2):
            return False  # "」と感激。": a word, not a speaker; "」とカサ教授。" has a title
        return _ja_mention(part, after, "と")

    start = max(masked.rfind("。", para.start, part.open_at) + 1, masked.rfind("\n", para.start, part.open_at) + 1)
    subject = None
    for m in _JA_SUBJECT.finditer(masked, max(start, para.start), part.open_at):
        subject = m
    if subject is None:
        # "」と村上CEOは話す。": a titled speaker right after と, when none stands before the quote
        after_to = _JA_TO.match(masked, part.close_end)
        m = _JA_SUBJECT.match(masked, after_to.end()) if after_to else None
        if m is not None and m.group(2) and m.end() <= cue.start(1):
            return _ja_mention(part, m, cue.group(1))
    if subject is None:
        # no subject in the quote's sentence: Japanese leaves out the one of the sentence before,
        # in its paragraph or, for a paragraph's first sentence, the line before ("鈴木知事は「…」と
        # 感謝。\n…を試食し「おいしい」と太鼓判を押した。")
        if start > para.start:
            lo, hi = max(para.start, masked.rfind("。", para.start, start - 1) + 1), start
        else:
            lo, hi = _line_before(masked, para.start)
            lo = max(lo, masked.rfind("。", lo, max(hi - 1, lo)) + 1)
        for m in _JA_SUBJECT.finditer(masked, lo, max(hi, lo)):
            if m.group(2):  # a titled person ("鈴木知事は"), not any topic ("効果は", "送迎は")
                subject = m
    if subject is None:
        return False
    if len(subject.group(1)) < 2 and not subject.group(2):
        return False  # "…歳は": a counter, not a name ("辻監督は" is one)
    return _ja_mention(part, subject, cue.group(1))


def _chinese_attribution(masked: str, paras: list[_Para]) -> list[tuple[Mention, str, int, int]]:
    """某某表示：“……” / “……”，他说。 (see :mod:`.chinese`), and the statements reported without
    quote marks (某某表示，…… / 据某某介绍，……: speaker, cue and the statement's span). 他 and 她 are the
    last speaker named before, else the subject of the sentence they stand in."""
    named: list[Mention] = []  # the speakers named so far
    reported: list[tuple[Mention, str, int, int]] = []

    def mention_of(found: ChineseSpeaker, lo: int, before: tuple[int, int] | None = None) -> Mention | None:
        if not found.pronoun:
            return Mention(found.start, found.end, found.name, "name", found.name)
        # 他 is no 女性 or 母亲, 她 no 男性 or 父亲
        last = next((m for m in reversed(named) if pronoun_fits(found.name, m.name)), None)
        subject = subject_of(masked, lo, found.start)
        if last is not None and (subject is None or subject[2] == last.name):
            return Mention(found.start, found.end, found.name, "name", last.name)
        if subject is None and last is None and before is not None:
            subject = subject_of(masked, *before)  # "张伟来了。“……”他说。": the sentence before
        if subject is not None and pronoun_fits(found.name, subject[2]):
            return Mention(subject[0], subject[1], subject[2], "name", subject[2])
        return None  # whom 他 is cannot be told

    for para in paras:
        quoted = [(p.open_at, p.close_end) for p in para.parts]
        free = [s for s in para.sentences if not any(a < s.end and s.start < b for a, b in quoted)]  # no quote
        events: list[tuple[int, _Part | Sentence]] = [(p.open_at, p) for p in para.parts]
        events += [(s.start, s) for s in free]
        for _, item in sorted(events, key=lambda e: e[0]):
            if isinstance(item, Sentence):
                report = reported_speech(masked, item.start, item.end)
                if report is None or (mention := mention_of(report.speaker, item.start)) is None:
                    continue
                reported.append((mention, report.speaker.cue, report.start, report.end))
                named.append(mention)
                continue
            part = item
            sent = _sentence_of(para, part.open_at)
            lo = sent.start if sent else para.start
            found = speaker_before(masked, lo, part.open_at)
            how = "colon"
            if found is None and part.close_at is not None:
                found, how = speaker_after(masked, part.close_end, para.end), "post"
            earlier = [x for x in free if x.end <= lo]
            before = (earlier[-1].start, earlier[-1].end) if earlier else None
            if found is None or (mention := mention_of(found, lo, before)) is None:
                continue
            part.mention, part.cue, part.how = mention, found.cue, how
            named.append(mention)
    return reported


def _line_before(masked: str, start: int) -> tuple[int, int]:
    """The span of the last line with text before position ``start`` (a line's start), blank
    lines skipped; (0, 0) when there is none."""
    lo = start
    while lo > 0:
        hi = masked.rfind("\n", 0, lo)
        if hi < 0:
            break
        lo = masked.rfind("\n", 0, hi) + 1
        if masked[lo:hi].strip():
            return lo, hi
    return 0, 0


def _ja_mention(part: _Part, m: re.Match[str], cue: str) -> bool:
    name, title = m.group(1).removesuffix("自身"), m.group(2) or ""  # "高橋自身も": Takahashi himself
    shown = name if title in ("", *_JA_HONORIFICS) else name + title
    part.mention = Mention(m.start(1), m.end(2) if title else m.end(1), shown, "name", shown)
    part.cue, part.how = cue, "post"
    return True


# Japanese reported speech: "米国土安全保障省は２４日、…を発足させたと発表した。" — the sentence's
# topic or subject says what stands between it (and a date) and と plus a speech verb at the end.
_JA_REPORTED = re.compile(
    r"(?:【[^】]{1,20}】)?\s*(?:[^、。「」はが]{1,20}の)?(?P<subj>[一-龥々〆ヵヶァ-ヴーA-Za-zＡ-Ｚａ-ｚ・]{2,20}?)(?P<title>TITLES)?"
    r"(?:[（(][０-９0-9]+[）)])?(?:は|が)、?(?:[０-９0-9]{1,2}日(?:に|、)?)?、?"
    r"(?P<content>[^「」。]{8,}?)と、?"
    r"(?P<cue>発表した|明らかにした|述べた|話した|語った|説明した|強調した|指摘した|表明した|主張した|報じた)。?\s*$"
)
_JA_REPORTED = re.compile(_JA_REPORTED.pattern.replace("TITLES", _JA_TITLES))


def _japanese_reported(article: str, text: str, masked: str, paras: list[_Para]) -> list[Quote]:
    out: list[Quote] = []
    for para in paras:
        for sent in para.sentences:
            m = _JA_REPORTED.fullmatch(masked, sent.start, sent.end)
            if m is None:
                continue
            name, title = m.group("subj"), m.group("title") or ""
            shown = name if title in ("", *_JA_HONORIFICS) else name + title
            a, b = m.start("content"), m.end("content")
            out.append(
                Quote(
                    article=article,
                    text=text[a:b],
                    start=a,
                    end=b,
                    speaker=shown,
                    kind="reported",
                    speaker_start=m.start("subj"),
                    speaker_end=m.end("title") if title else m.end("subj"),
                    cue=m.group("cue"),
                )
            )
    return out


def _attribute_part(masked: str, para: _Para, part: _Part) -> None:
    if part.mention is not None or _japanese_attribution(masked, para, part):
        return  # attributed by the Chinese rules, or 「…」と話した
    toks = para.tokens
    o = bisect.bisect_left(para.starts, part.open_at)
    close = part.close_at if part.close_at is not None else para.end
    c = bisect.bisect_left(para.starts, part.close_end) - 1
    sent_open = _sentence_of(para, part.open_at)
    sent_close = _sentence_of(para, max(close - 1, part.open_at))
    lo = sent_open.start if sent_open else para.start
    hi = sent_close.end if sent_close else para.end
    # 1. the cue right after the quote: “…,” Blinken said / said Blinken / ― Name
    t = c + 1
    while t < len(toks) and toks[t].text in (",", "،"):  # and the Arabic script's comma
        t += 1
    if t + 1 < len(toks) and toks[t].low == "as" and not toks[t + 1].text[:1].isdigit():
        t += 1  # "…,” as a Homeland Security memo put it
    near = para.language != "vi" or (c + 1 < len(toks) and toks[c + 1].text == ",")
    if part.close_at is not None and para.language in _VERB_FINAL:
        # Korean and Turkish: the first speech verb after the quote in its sentence ("”라고 지적하며");
        # Vietnamese: after the quote's comma, a few words on ("”, ông Korb nói")
        for cue in para.cues if near else ():
            if para.language == "vi" and cue.first - t > 8:
                break
            if cue.first >= t and cue.start < hi and cue.lemma != "according to":
                if cue.mention is not None and not _has_mark_between(masked, part.close_end, cue.start):
                    part.mention, part.cue, part.how = cue.mention, cue.form, "post"
                    return
                break
    if part.close_at is not None and t < len(toks) and near:  # Vietnamese: "“…” Bà Lan nói" is another's
        if toks[t].text in _DASHES or toks[t].text == "-":
            part.dashed = True
            m = mention_after(masked, toks, t + 1)
            if m is not None and m.kind == "name" and toks[t].text != "-":
                part.mention, part.cue, part.how = m, toks[t].text, "dash"
                return
            if t + 1 < len(toks):
                t += 1  # "«…», — сказал Владимир Путин": the cue after the dash
                while t + 1 < len(toks) and toks[t].low in RU_ADVERBS and not toks[t].is_cap:
                    t += 1  # "«…», — ранее пояснила …"
        for cue in para.cues:
            if cue.first == t and cue.inverted and cue.mention is not None:
                part.mention, part.cue, part.how = cue.mention, cue.form, "post"
                return
            if t < cue.first <= t + 25 and cue.start < hi and not cue.inverted:
                if _has_mark_between(masked, part.close_end, cue.start):
                    break
                if cue.mention is not None and _starts_near(para, t, cue.mention):
                    part.mention, part.cue, part.how = cue.mention, cue.form, "post"
                    return
                break
    if part.label is not None:
        a, b = part.label
        name = masked[a:b].title()
        part.mention = Mention(a, b, masked[a:b], "name", name, person=True)
        part.cue, part.how = ":", "colon"
        return
    # 2. "NAME: “…”" at the start of a paragraph (headline and transcript style)
    if 2 <= o <= 6 and toks[o - 1].text == ":" and all(is_name_token(t) for t in toks[: o - 1]):
        m = parse_name(toks[: o - 1], masked)
        if m is not None and m.start == toks[0].start and m.kind == "name":
            part.mention, part.cue, part.how = m, ":", "colon"
            return
    # 3. the nearest cue before the quote in its sentence
    tries = 0
    for cue in reversed(para.cues):
        if cue.end > part.open_at or cue.start < lo:
            continue
        tries += 1
        if cue.noun and o - cue.last > 2:
            continue  # "Trump's claim that “…”" but not "called Mr. Obama's remarks on Saturday “…”"
        mention = cue.mention
        if mention is not None:
            part.mention, part.cue, part.how = mention, cue.form, "pre"
            return
        if tries >= 2:
            break
    # 4. a sentence-final attribution: "… “…” …, sources said."
    for cue in para.cues:
        if cue.start < close or cue.start >= hi or cue.mention is None:
            continue
        start_tok = bisect.bisect_left(para.starts, min(cue.mention.start, cue.start))
        if start_tok > 0 and toks[start_tok - 1].text == "," and _tail_is_adverbial(toks, cue, hi):
            part.mention, part.cue, part.how = cue.mention, cue.form, "final"
            return


def _starts_near(para: _Para, t: int, mention: Mention) -> bool:
    """Whether a mention starts at token ``t``, or after nothing but role words ("Mr.", "Sen.")."""
    k = bisect.bisect_left(para.starts, mention.start)
    return t <= k <= t + 4 and all(tok.is_word and tok.is_cap for tok in para.tokens[t:k])


def _has_mark_between(masked: str, a: int, b: int) -> bool:
    return any(ch in _QUOTE_CHARS for ch in masked[a:b]) or "''" in masked[a:b]


def _ends_clause(para: _Para, mention: Mention, hi: int) -> bool:
    """Does the clause end right after an inverted subject ("…, said Blinken." / "…, said Blinken,
    the secretary")?  Not in "…, said he cannot comment": there "said" takes a clause of its own."""
    toks = para.tokens
    i = bisect.bisect_left(para.starts, mention.end)
    return i >= len(toks) or toks[i].start >= hi or toks[i].text in (".", ",", ";", "!", "?", "…", ")")


def _tail_is_adverbial(toks: list[Token], cue: _Cue, hi: int) -> bool:
    """After a sentence-final cue only adverbials follow ("said Tuesday.", "told reporters.")."""
    i, n = cue.last + 1, 0
    while i < len(toks) and toks[i].start < hi:
        if toks[i].text in (".", "!", "?", "…"):
            return True
        if toks[i].text in ("“", '"', "”", "'", "‘", "«") or toks[i].low == "that":
            return False
        n += 1
        if n > 6 and not cue.inverted:
            return False
        i += 1
    return True


# --- pass 4: resolution ----------------------------------------------------------------------------------


class _Resolver:
    """Turns mentions into speaker names: surnames, pronouns, definite nominals and roles."""

    def __init__(self, masked: str, paras: list[_Para], language: str | None = None) -> None:
        # German capitalises every noun: "Russische Marine" is no person for being two capitalised
        # words, only with a given name or a role ("Wladimir Putin", "Präsident Putin")
        self.nouns_capitalised = language == "de"
        self.ukrainian = language == "uk"  # declines surnames in -о ("Кириленка"), Russian does not
        self.vietnamese = language == "vi"
        self.names: list[Mention] = []  # every name outside quotes, in text order
        self.possessive: set[int] = set()  # starts of the names written with 's ("Donald Trump's vice president")
        self.sentences: list[tuple[int, int]] = []
        for para in paras:
            self.sentences.extend((s.start, s.end) for s in para.sentences)
            for m, possessive in name_mentions(para.tokens, masked):
                if language in _OPENERS and (m := _without_opener(masked, para, m)) is None:
                    continue  # "Pak", "Dann" ("then") opening a sentence
                if language in _GENITIVE_LANGUAGES:
                    m = _after_genitive(masked, para, m)
                elif language in _TURKISH_LANGUAGES and m.kind == "name" and " " in m.name:
                    m = _tr_without_role(masked, m)
                elif language == "vi" and m.kind == "name":
                    vi = _vi_name(masked, m)
                    if vi is None:
                        continue
                    m = vi
                self.names.append(m)
                if possessive:
                    self.possessive.add(m.start)
        if (
            language in _ABJAD_WORDS or language in _SOUTH_ASIAN or language == "ko"
        ):  # no capitals: the names are those the speech verbs give
            self.names.extend(c.mention for p in paras for c in p.cues if c.mention and c.mention.kind == "name")
        if language in _SOUTH_ASIAN:  # and the ergative's subjects
            cued = {m.start for m in self.names}
            self.names.extend(m for p in paras for m in _ergative_subjects(masked, p) if m.start not in cued)
        elif language == "ko":  # and the subjects the particles mark
            cued = {m.start for m in self.names}
            self.names.extend(m for p in paras for m in _korean_subjects(masked, p) if m.start not in cued)
        self.names.sort(key=lambda m: m.start)
        self.positions = [m.start for m in self.names]
        self.sentence_starts = [a for a, _ in self.sentences]
        self.masked = masked
        self.speakers = {c.mention.name for p in paras for c in p.cues if c.mention and c.mention.kind == "name"}
        # where a named speaker of a cue stands ("..., Whiteside said."): a later "he said" goes on with them
        self.speaking = {c.mention.start for p in paras for c in p.cues if c.mention and c.mention.kind == "name"}
        nominals = {
            c.mention.start: c.mention for p in paras for c in p.cues if c.mention and c.mention.kind == "nominal"
        }
        for para in paras:
            for m in nominal_mentions(para.tokens, masked):
                nominals.setdefault(m.start, m)
        self.nominals = sorted(nominals.values(), key=lambda m: m.start)

    def full(self, mention: Mention) -> Mention:
        """The fullest name introduced earlier with the mention's surname, else the mention itself.

        The first such name wins ("Clinton" is the Hillary Clinton introduced first, not a later
        Chelsea Clinton), lengthened by later variants with the same first name ("Donald J. Trump").
        """
        words = mention.name.split()
        if not words:
            return mention
        best: Mention | None = None
        for cand in self.names:
            cw = cand.name.split()
            if (
                len(cw) <= len(words)
                or not _same_surname(cw[-1], words[-1], ukrainian=self.ukrainian)
                or not set(words[:-1]) <= set(cw)
                or not cand.person
                or cw[0].lower() in mention.roles  # German "Amerikaner Stephen Ochsner": the noun describes
            ):
                continue
            if mention.gender and cand.gender and mention.gender != cand.gender:
                continue
            if len(words) == 1 and introduced_as_relative(self.masked, cand.start):
                continue  # "his daughter Joan Felt", "first lady Jill Biden": "Felt" / "Biden" is another
            if best is None or (cw[0] == best.name.split()[0] and len(cw) > len(best.name.split())):
                best = cand
            if cand.start > mention.start:
                break
        if best is None:
            return mention
        gender = best.gender or mention.gender
        return Mention(best.start, best.end, best.text, "name", best.name, best.roles, gender, best.person)

    def _is_person(self, m: Mention) -> bool:
        if self.nouns_capitalised:
            return m.person and (bool(m.roles) or m.gender is not None)
        return m.person or (m.name in self.speakers and not m.name.isupper() and len(m.name.split()) <= 3)

    def person_before(self, pos: int, gender: str | None) -> Mention | None:
        """The person a "he"/"she" at ``pos`` refers to.

        In the pronoun's own sentence, the nearest named person before it ("Flynn said Trump was
        right when he said …" -> Trump); failing that, in the nearest of the six sentences before
        with a compatible person, the first one, usually that sentence's subject ("Blinken met
        Lavrov. He said …" -> Blinken).  Gender must not clash; possessives ("Donald Trump's vice
        president … he") and names inside quotes (masked out) do not count.  Names that only may be
        a person's (a lone surname) are taken when no sure one is in reach.
        """
        for strict in (True, False):
            found = self._person_before(pos, gender, strict)
            if found is not None:
                return found
        return None

    def _person_before(self, pos: int, gender: str | None, strict: bool) -> Mention | None:
        s_i = bisect.bisect_right(self.sentence_starts, pos) - 1
        for k in range(s_i, max(-1, s_i - 7), -1):
            lo = self.sentence_starts[k] if k >= 0 else 0
            hi = pos if k == s_i else self.sentences[k][1]
            found = []
            for name in self.names[bisect.bisect_left(self.positions, lo) : bisect.bisect_left(self.positions, hi)]:
                cand = self.full(name)
                person = (
                    self._is_person(cand) or (not strict and self._may_be_person(cand))
                ) and not self._place_follows(name)
                if name.start not in self.possessive and person and (gender is None or cand.gender in (None, gender)):
                    found.append((cand, name))
            if found:
                if k == s_i:
                    return found[-1][0]
                # "Kafoury was struck, Whiteside said. She fell to the floor, he said." -> Whiteside
                speaking = [c for c, name in found if name.start in self.speaking]
                return speaking[-1] if speaking else found[0][0]
        return None

    def _may_be_person(self, m: Mention) -> bool:
        """A name that may be a person's when no sure one is in reach: a lone surname; in German,
        where every noun is capitalised ("die Ärztin"), one that speaks elsewhere ("sagte Smirnow")."""
        if self.nouns_capitalised or self.vietnamese:  # Vietnamese: "Giá vàng …, ông cho biết": no person
            return m.name in self.speakers
        return not m.body and not m.name.isupper()

    def _place_follows(self, name: Mention) -> bool:
        """ "Bener Meriah district", "Aceh province": the name of a place, not a person's."""
        after = self.masked[name.end : name.end + 12].split()
        return bool(after) and after[0].strip(",.;") in _PLACE_NOUNS

    def resolve(self, mention: Mention) -> str | None:
        if mention.kind == "name":
            if mention.text[:4] in ("The ", "the ") and not mention.person:
                return lower_article(mention.text)  # "the Kremlin", "the Daily Beast"
            return self.full(mention).name
        if mention.kind == "pronoun":
            if (mention.name or mention.text).lower() in PERSONAL_PRONOUNS:
                person = self.person_before(mention.start, mention.gender)
                return person.name if person is not None else None
            return None
        return self._nominal(mention)

    def _nominal(self, mention: Mention) -> str:
        words = mention.text.split()
        det, head = words[0].lower(), words[-1].lower()
        if cyrillic_word(words[0]):
            named = self._russian_named(mention)
            if named is not None:
                return named
        if det in ("the", "this", "that") and len(words) >= 2:
            singular = head.removesuffix("s")
            for earlier in reversed(self.nominals):
                ew = earlier.text.split()
                indefinite = earlier.start < mention.start and ew[0].lower() in _INDEFINITE_DET
                if indefinite and ew[-1].lower().removesuffix("s") == singular:
                    return lower_article(earlier.text)
            for cand in reversed(self.names[: bisect.bisect_left(self.positions, mention.start)]):
                if head in cand.roles:  # "the secretary" -> "Secretary of State Antony Blinken"
                    return self.full(cand).name
        return lower_article(mention.text)

    def _russian_named(self, mention: Mention) -> str | None:
        """The person a Russian nominal names, from where it stood earlier right before a name:
        "отметил президент" after "Президент России Владимир Путин", "говорил врио губернатора"
        after "Врио губернатора Хабаровского края Михаил Дегтярев"."""
        low = self.masked.lower()
        phrase = mention.text.lower()
        pos = low.rfind(phrase, 0, mention.start)
        while pos >= 0:
            after = pos + len(phrase)
            k = bisect.bisect_left(self.positions, after)
            while k < len(self.names) and self.names[k].start < mention.start:
                gap = self.masked[after : self.names[k].start]
                if len(gap) > 40 or any(ch in gap for ch in ",.;:!?—–-\n") or any(cue_lemma(w) for w in gap.split()):
                    break
                if self.full(self.names[k]).person:  # past "России", "Хабаровского края" to the person
                    return self.full(self.names[k]).name
                k += 1
            pos = low.rfind(phrase, 0, pos)
        return None


_INDEFINITE_DET = _words("a an another one")
_PLACE_NOUNS = _words("district province region county village city town island state area prefecture")
_RU_CASE_ENDINGS = ("а", "у", "ом", "ым", "е", "ой", "ую", "ого", "ому", "им", "ові", "ої", "ій")  # and Ukrainian
_UK_O_ENDINGS = ("а", "у", "ом", "ові")  # Ukrainian declines surnames in -о: Кириленко, Кириленка


def _same_surname(full: str, seen: str, *, ukrainian: bool = False) -> bool:
    """One surname, also in another Russian or Ukrainian case: "Дегтярев" is "Дегтярева" after "по
    словам", "Дегтяреву", "Дегтяревым" (a name introduced in the nominative, met later declined);
    Ukrainian "Кириленко" is "Кириленка" after "за словами"."""
    if full == seen:
        return True
    if not cyrillic_word(full):
        return False
    if seen.startswith(full) and seen[len(full) :] in _RU_CASE_ENDINGS:
        return True
    return ukrainian and full.endswith("о") and seen.startswith(full[:-1]) and seen[len(full) - 1 :] in _UK_O_ENDINGS


# --- Russian direct speech without quote marks -------------------------------------------------------


def _dash_speech(
    article: str, text: str, masked: str, paras: list[_Para], parts: list[_Part], resolver: _Resolver
) -> list[Quote]:
    """Russian prints direct speech without quote marks, its author after a dash: "Здесь живут
    замечательные люди, - поделился Михаил Дегтярев."  The sentence up to the comma is the quote."""
    out: list[Quote] = []
    quoted = [(p.open_at, p.close_end) for p in parts]
    for para in paras:
        toks = para.tokens
        for cue in para.cues:
            mention = cue.mention
            if not cue.inverted or mention is None or mention.kind != "name" or cue.first < 2:
                continue
            dash, mark = toks[cue.first - 1], toks[cue.first - 2]
            if dash.text not in ("-", *_DASHES) or mark.text not in (",", "!", "?", "…"):
                continue
            sent = _sentence_of(para, mark.start)
            if sent is None or not _ends_clause(para, mention, sent.end):
                continue
            a, b = sent.start, mark.start if mark.text == "," else mark.end
            if any(o < b and a < c for o, c in quoted) or len(text[a:b].split()) < 4:
                continue  # a quote in marks is read as one already
            if any(ch in _QUOTE_CHARS for ch in text[a:b]):
                continue  # the end of a quote in marks opened earlier
            out.append(_spoken(article, text, a, b, "direct", cue, resolver))
    return out


def _spoken(article: str, text: str, a: int, b: int, kind: str, cue: _Cue, resolver: _Resolver) -> Quote:
    """The words ``text[a:b]`` as said by the cue's (resolved) subject."""
    mention = cue.mention
    assert mention is not None
    return Quote(
        article=article,
        text=text[a:b],
        start=a,
        end=b,
        speaker=resolver.resolve(mention),
        kind=kind,
        speaker_start=mention.start,
        speaker_end=mention.end,
        cue=cue.form,
    )


# --- reported speech -----------------------------------------------------------------------------------


def _reported(article: str, text: str, masked: str, paras: list[_Para], resolver: _Resolver) -> list[Quote]:
    out: list[Quote] = []
    for para in paras:
        for sent in para.sentences:
            found = _reported_in(masked, para, sent)
            if found is None:
                continue
            a, b, cue, _ = found
            while a < b and text[a] in " ,;:":
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:"):
                b -= 1
            content = text[a:b]
            if len(content.split()) < 4 or any(ch in _QUOTE_CHARS for ch in content) or "''" in content:
                continue
            out.append(_spoken(article, text, a, b, "reported", cue, resolver))
    return out


def _reported_south_asian(
    para: _Para, sent: Sentence, cues: list[_Cue], body_end: int
) -> tuple[int, int, _Cue, Mention] | None:
    """Hindi and Urdu reported speech: "X ने कहा (था) कि CLAUSE" (X said that), "X के मुताबिक़,
    CLAUSE" (according to X) and "CLAUSE, X ने कहा" (the verb ends the sentence)."""
    toks, words = para.tokens, _SOUTH_ASIAN[para.language or ""]
    for cue in cues:
        mention = cue.mention
        assert mention is not None
        k = cue.last + 1
        while k < len(toks) and toks[k].text in words.auxiliaries:
            k += 1
        if k < len(toks) and toks[k].start < body_end and toks[k].text == words.that:
            return toks[k].end, body_end, cue, mention
        if (  # "X বলেন, CLAUSE": said, and what
            k + 1 < len(toks)
            and toks[k].text in (",", "،")
            and toks[k + 1].start < body_end
            and mention.end <= cue.start
            and cue.lemma != "according to"
        ):
            return toks[k].end, body_end, cue, mention
        if (
            cue.first > 0
            and toks[cue.first - 1].text == _BENGALI_THAT
            and toks[cue.first - 1].start > sent.start
            and not any(t.text in "’‘" for t in toks if sent.start <= t.start < toks[cue.first - 1].start)
        ):
            return sent.start, toks[cue.first - 1].start, cue, mention  # "CLAUSE বলে জানান X"
        if cue.lemma == "according to" and k < len(toks) and toks[k].text in (",", "،") and mention.start == sent.start:
            return toks[k].end, body_end, cue, mention
        first = bisect.bisect_left(para.starts, mention.start)
        comma = toks[first - 1] if first > 0 else None
        if (
            comma is not None
            and comma.text in (",", "،")
            and comma.start - sent.start > 15
            and (k >= len(toks) or toks[k].start >= body_end)
        ):
            return sent.start, comma.start, cue, mention
    return None


_TR_NOMINALISED = re.compile(r"(?:[dt][ıiuü]ğ|[ae]c[ae]ğ)[ıiuü]n[ıiuü]$")  # "gerektiğini", "katılacağını"


def _reported_turkish(
    para: _Para, sent: Sentence, cues: list[_Cue], body_end: int
) -> tuple[int, int, _Cue, Mention] | None:
    """Turkish reported speech: "X, CLAUSE-dığını söyledi" (X said that …; the clause's verb made a
    noun) and "X'e göre CLAUSE" (according to X)."""
    toks = para.tokens
    for cue in cues:
        mention = cue.mention
        assert mention is not None
        if cue.lemma == "according to":
            if cue.first - bisect.bisect_left(para.starts, sent.start) <= 6:
                return cue.end, body_end, cue, mention
            continue
        k = cue.first - 1
        if cue.inverted or mention.kind == "pronoun" or k < 0 or not _TR_NOMINALISED.search(toks[k].low):
            continue
        if mention.end < toks[k].start:
            return mention.end, toks[k].end, cue, mention
    return None


def _reported_vietnamese(
    para: _Para, sent: Sentence, cues: list[_Cue], body_end: int
) -> tuple[int, int, _Cue, Mention] | None:
    """Vietnamese reported speech: "X cho biết rằng CLAUSE" (X said that …), "Theo X, CLAUSE"
    (according to X) and "CLAUSE, X cho biết." (the attribution closing the sentence)."""
    toks = para.tokens
    s0 = bisect.bisect_left(para.starts, sent.start)
    for cue in cues:
        mention = cue.mention
        assert mention is not None
        k = cue.last + 1
        if cue.lemma == "according to":
            e = bisect.bisect_left(para.starts, mention.end)
            if cue.first - s0 <= 3 and e < len(toks) and toks[e].text == ",":
                return toks[e].end, body_end, cue, mention
            continue
        if k < len(toks) and toks[k].low == "rằng" and toks[k].start < body_end:
            return toks[k].end, body_end, cue, mention
        if cue.form.endswith("rằng") and k < len(toks) and toks[k].start < body_end:  # "cho rằng"
            return toks[k].start, body_end, cue, mention
        m = bisect.bisect_left(para.starts, mention.start)
        while m > s0 and toks[m - 1].low in _VI_TITLES | _VI_HONORIFICS:
            m -= 1  # ", ông Trần Văn Nam cho biết."
        if (
            m > s0
            and toks[m - 1].text == ","
            and toks[m - 1].start - sent.start > 15
            and all(t.start >= body_end or t.is_word for t in toks[k : k + 6])
            and (k >= len(toks) or toks[min(k + 5, len(toks) - 1)].start >= body_end or k + 5 >= len(toks))
        ):
            return sent.start, toks[m - 1].start, cue, mention
    return None


def _reported_korean(
    para: _Para, sent: Sentence, cues: list[_Cue], body_end: int
) -> tuple[int, int, _Cue, Mention] | None:
    """Korean reported speech: "X는 CLAUSE-다고 말했다" (X said that …; the subject before the clause,
    or after it: "CLAUSE-다고 X가 보도했다") and "X에 따르면 CLAUSE" (according to X)."""
    toks = para.tokens
    s0 = bisect.bisect_left(para.starts, sent.start)
    for cue in cues:
        mention = cue.mention
        assert mention is not None
        if cue.lemma == "according to":
            if cue.first - s0 <= 6:
                return cue.end, body_end, cue, mention
            continue
        if mention.kind == "pronoun" and mention.start == cue.start:
            continue  # no subject: after a quote
        k = max((i for i in range(s0, cue.first) if _KO_CLAUSE_END.search(toks[i].text)), default=None)
        if k is None or toks[k].text in _KO_QUOTATIVE or any(t.text in _QUOTE_CHARS for t in toks[s0:k]):
            continue
        m = bisect.bisect_right(para.starts, mention.end - 1) - 1  # the subject's word, its particle with it
        start = toks[m].end if mention.end <= toks[k].start else sent.start
        if start < toks[k].start:
            return start, toks[k].end, cue, mention
    return None


def _reported_in(masked: str, para: _Para, sent: Sentence) -> tuple[int, int, _Cue, Mention] | None:
    cues = [
        c
        for c in sorted(para.cues + para.finding_cues, key=lambda c: c.start)
        if sent.start <= c.start < sent.end and c.lemma in CLAUSE_CUES and c.mention
    ]
    if not cues:
        return None
    toks = para.tokens
    body_end = sent.end
    while body_end > sent.start and masked[body_end - 1] in ".!?… ।۔؟":
        body_end -= 1
    if para.language in _SOUTH_ASIAN:
        return _reported_south_asian(para, sent, cues, body_end)
    if para.language in _TURKISH_LANGUAGES:
        return _reported_turkish(para, sent, cues, body_end)
    if para.language == "ko":
        return _reported_korean(para, sent, cues, body_end)
    if para.language == "vi":
        return _reported_vietnamese(para, sent, cues, body_end)
    for cue in cues:
        mention = cue.mention
        assert mention is not None
        lead = min(mention.start, cue.start)
        first_tok = bisect.bisect_left(para.starts, lead)
        # titles in front of the subject belong to it ("Stein spokeswoman X said", ", Mr. X said")
        first_tok = role_prefix_start(toks, first_tok - 1, sent.start)
        comma = toks[first_tok - 1] if first_tok > 0 else None
        # PART, X said, REST.  (the attribution inside the sentence: the whole sentence is reported)
        if comma and comma.text == "," and comma.start - sent.start > 3:
            after = bisect.bisect_left(para.starts, max(cue.end, mention.end))
            if after < len(toks) and toks[after].text == "," and toks[after].start < body_end:
                rest = [t for t in toks[after + 1 :] if t.start < body_end and t.is_word]
                if len(rest) >= 3 and not any(t.start < body_end and t.text in _QUOTE_CHARS for t in toks[after:]):
                    return sent.start, body_end, cue, mention
        # CLAUSE, X said. / CLAUSE, according to X.
        if (
            comma
            and comma.text == ","
            and comma.start - sent.start > 15
            and _tail_is_adverbial(toks, cue, sent.end)
            and (not cue.inverted or _ends_clause(para, mention, sent.end))
        ):
            return sent.start, comma.start, cue, mention
        # According to X, CLAUSE.  /  Как заявил X, CLAUSE.
        as_said = cue.first > 0 and toks[cue.first - 1].low in ("как", "як") and toks[cue.first - 1].start == sent.start
        if (cue.lemma == "according to" and cue.start == sent.start) or (cue.inverted and as_said):
            i = bisect.bisect_left(para.starts, mention.end)
            if i < len(toks) and toks[i].text == ",":
                return toks[i].end, body_end, cue, mention
        # X said (that) CLAUSE.
        opens_clause = (
            first_tok == 0 or toks[first_tok - 1].start < sent.start or toks[first_tok - 1].low in CLAUSE_LEADS
        )
        # its clause needs ", что" (Russian), or que / dat / dass after a subject that follows its verb
        # ("Vervolgens zei Jobs dat …"): a sure sign
        after_verb = cue.form.split()[-1] in EUROPEAN_VERBS and mention.start > cue.start
        russian = cyrillic_word(cue.form) or after_verb
        if cue.lemma != "according to" and not cue.inverted and (opens_clause or russian):
            start = clause_start(toks, cue.last, cue.lemma, sent.end)
            if start is not None:
                return start, body_end, cue, mention
    return None
