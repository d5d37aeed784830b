"""The compare stage: one story's sources, claim by claim.

:class:`Comparer` takes the articles of a story (clean texts, outlets, which article copies which)
and returns a :class:`~newsprism.compare.base.Comparison`: facts several independent sources
report, what only one reports, differences between aligned statements, every quote with its
speaker, quote variants with a word diff, and the entities each source names.  Pure: no store,
no network; the engine caches its JSON per story revision.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from ..cluster.crosslingual import SKELETAL_LANGUAGES
from ..nlp.entities import Mention, entities_for, find_entities, named_across_scripts, written_without_capitals
from ..nlp.japanese import MorphAnalyser, default_analyser
from ..nlp.numbers import find_quantities
from ..nlp.sentences import RuleSentenceSplitter
from ..nlp.timex import find_times
from ..represent.dense import Encoder, reads
from .align import Alignment, AlignParams, Doc, align, representatives, to_facts
from .base import Comparison, Fact, Quote, QuoteExtractor, SentenceSplitter, Source, Span, source_names
from .conflicts import Anchor, Annotated, Time, era_of, find_conflicts
from .details import shared_details, unique_details
from .quotes import RuleQuoteExtractor
from .variants import match_quotes, repeated_by_copies, same_speaker_across

__all__ = ["COMPARE_VERSION", "MAX_COMPARE_SOURCES", "CompareInput", "Comparer", "capped", "compared"]

log = logging.getLogger(__name__)

# v2: no demonym "where", no chained facts, mutual best matches across languages;
# v3: those matches only between parallel sources (a translation), Russian and Japanese quotes,
# names across scripts, Japanese and Chinese numbers and dates; v4: a coordinated clause starts at
# its subject, Japanese bigrams without two hiragana, full-width Latin names, Japan's prefectures,
# surnames written first (the Japanese analyser, when installed, adds its name to the version);
# v5: katakana names meet the Latin names they sound like; a statement aligned with several of
# another source is one fact; v6: facts and unique statements worded in the display language by a
# translated copy of their source; v7: foreign names the Japanese analyser cut are one name, a
# katakana name meets a Latin one with a word before it, facts merge only over the same other
# sources (one wording each, independent of article ids); v8: statements of one language align
# only when they agree beyond the names the story's sources share, a copy's statement that repeats
# its original's is not listed as unique again, a whole-sentence translation words a fact first;
# v9: a copy's repeated quotes listed once, vote tallies, the first 50,000 characters compared
# v10: a list's last item and a series of participles stay in their statement; v11: a copy's
# statement that repeats its original's is the original's (facts and details cite the original);
# v12: values stated elsewhere, eras, durations; v13: two values differ only where the words and
# the people around them agree, listings and converted amounts are not compared, ranges are one
# amount, a weekday told in the past tense is before the publication, tallies of a result only;
# v14: Russian speakers after an adverb or a hearer, statements and quoting verbs that name who
# speaks, short Russian quotes with a dash; foreign names across scripts by their consonants;
# Japanese speakers in brackets after the quote, with an age and a home town, more predicates;
# speech verbs of Spanish, Italian, Dutch, French, German and Portuguese; v15: Chinese speakers and
# reported speech, Chinese amounts in 日元 and other currencies, "5km" in kilometers as "5 km";
# German and Czech speakers; parallel texts in a language the encoder does not read paired by shape;
# v16: German, Dutch and Czech speakers after an adverb that opens the sentence ("Dann sagte der …");
# Ukrainian speakers; v17: name keys read the sibilants of each Latin alphabet alike (š, sz, cs ...)
# and the Latin letters without a diacritic to strip (ł, ø, đ, ð, ß); v18: Icelandic and Hausa speakers;
# v19: Polish speakers, the office a role heads left out of the name; v20: Hebrew and Arabic-script
# statements paired with their translation by the consonants of names, Hebrew numbers after a prefix
# ("ב-73"), the Arabic script's separators ("۲٫۵"), magnitude words of Hebrew, Arabic and Persian;
# v21: sentences of scripts without capitals split (RuleSentences.v2), Persian speakers; v22: words of
# Indic scripts whole (their vowel signs are marks), their statements paired by the consonants of
# names, lakh and crore, Hindi and Urdu speakers, Urdu's ’…‘ quotes, Latin initials of Devanagari;
# the entities a source without capitals names, by their consonants, in its aligned statements; v23:
# Indonesian, Turkish and Korean speakers, Korean numbers, Hangul names by their consonants, Turkish
# names without their case endings ("Putin'in"); parallel texts paired by shape in languages the
# encoder reads too; v24: amounts of two languages compared by an English key of what they count
# (nlp/counted.py), "un diez por ciento" is ten, a count after a place's case is no name's number
# ("Иркутска 25 минут"), Japanese and Chinese counters of games and durations ("18得点", "15日間");
# v25: dates of 16 more languages, Japanese and Chinese weekdays and today / yesterday / tomorrow; v26:
# counts of nine more languages, the nearest role, no ages, differences or rate points across
# languages, one difference told once, South Asian amounts in two groups, fixes of a review; v27:
# listing read in the aligned statements across languages, values of two languages compared by
# their keys only and without their sign, decimal points written as words ("১৭ দশমিক ৬"); v28: tolls
# of the leads compared whether or not their statements align, bare numbers read as tolls ("kills
# 23", "the death toll rose to 26"), a Chinese or Japanese role right after a count is its own,
# "US$ 300 to 350 million" one range
COMPARE_VERSION = "newsprism.Compare.v28"


@dataclass(frozen=True, slots=True)
class CompareInput:
    """One article of the story, as the comparer needs it."""

    article: str  # external id: what every citation names
    title: str
    text: str  # the stored clean text: every span indexes it
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    published: datetime | None = None
    copy_of: str | None = None  # external id of the original when this article is a copy


class Comparer:
    name = COMPARE_VERSION

    def __init__(
        self,
        *,
        splitter: SentenceSplitter | None = None,
        quotes: QuoteExtractor | None = None,
        params: AlignParams | None = None,
        encoder: Encoder | None = None,
        japanese: MorphAnalyser | Literal["default"] | None = "default",
    ) -> None:
        self.encoder = encoder  # dense vectors for statements in different languages
        self.splitter = splitter or RuleSentenceSplitter()
        self.quotes = quotes or RuleQuoteExtractor()
        self.params = params or AlignParams()
        # Japanese names through the morphological analyser of the extra "ja", when installed
        self.japanese = default_analyser() if japanese == "default" else japanese
        self.name = f"{COMPARE_VERSION}+{self.quotes.name}" + (f"+{self.japanese.name}" if self.japanese else "")

    def compare(
        self, inputs: Sequence[CompareInput], *, story: int | None = None, display_language: str | None = None
    ) -> Comparison:
        """The comparison of a story's articles.  An article longer than :data:`MAX_COMPARE_CHARS`
        is compared on its first paragraphs up to that length (alignment costs the square of the
        statements: a 2.8 MB "article" took minutes); every span still indexes its whole text."""
        given = len(inputs)
        inputs = [capped(i) for i in compared(inputs)]
        # aligned in an order of their texts, not their ids: renaming an article changes nothing
        inputs = sorted(inputs, key=lambda i: (hashlib.sha1(i.text.encode("utf-8")).hexdigest(), i.article))
        by_id = {i.article: i for i in inputs}
        group = {i.article: _root(i, by_id) for i in inputs}
        docs = [Doc(i.article, i.text, group[i.article], i.language) for i in inputs]
        al = align(docs, self.splitter, self.params, self.encoder)
        facts, unique = to_facts(al)
        # names are found once per article, on the whole text: "Biden" in one sentence is the "Joe
        # Biden" of another
        found = {
            a: find_entities(i.text, language=i.language or "en", analyser=self.japanese) for a, i in by_id.items()
        }
        # a source without capitals (Hebrew, Arabic, Indic scripts) names, by their consonants, the
        # names of the statements its own were aligned with
        texts = {a: i.text for a, i in by_id.items()}
        caseless = len(texts) > 1 and any(written_without_capitals(t) for t in texts.values())
        mentions = named_across_scripts(found, texts, _aligned_names(al, found)) if caseless else found
        annotated = self._annotate(al, by_id, mentions)
        conflicts = find_conflicts([[annotated[k] for k in members] for members in al.facts], annotated)
        details = shared_details(annotated, al.repeats)
        aligned = {k for members in al.facts for k in members}
        unique = unique + unique_details(annotated, aligned)
        quotes = self._quotes(inputs)
        language_of = {i.article: i.language for i in inputs}
        similarity = self._quote_similarity(quotes, language_of, al)
        # a copy's quote that repeats its original's is told once, from the original
        home_of = representatives((i.article, group[i.article]) for i in inputs)
        repeated = repeated_by_copies(quotes, home_of, language_of=language_of, dense_similarity=similarity)
        # a language no source is in shows nothing in it: the default then (English, else the main one)
        asked = display_language if display_language in {i.language for i in inputs} else None
        display = asked or _display_language(inputs)
        keep = [k for k in range(len(quotes)) if k not in repeated]
        quotes = _with_translations(quotes, keep, repeated, language_of, display)
        variants, shared = match_quotes(
            quotes,
            group,
            language_of=language_of,
            dense_similarity=(lambda i, j: similarity(keep[i], keep[j])) if similarity else None,
        )
        quotes = [replace(q, shared=i in shared) for i, q in enumerate(quotes)]
        # a variant lists the same quotes, as marked shared or not
        marked = {(q.article, q.start, q.end): q for q in quotes}
        variants = [
            replace(v, quotes=tuple(marked.get((q.article, q.start, q.end), q) for q in v.quotes)) for v in variants
        ]
        entities = entities_for([(i.article, i.text) for i in inputs], languages=language_of, mentions=mentions)
        ordered = sorted(inputs, key=lambda i: i.article)
        names = source_names(
            {"article": i.article, "outlet": i.outlet, "url": i.url, "language": i.language, "copy_of": i.copy_of}
            for i in ordered
        )
        sources = tuple(
            Source(i.article, i.outlet, i.title, i.url, i.language, i.copy_of, names[i.article]) for i in ordered
        )
        where = {(st.article, st.start, st.end): k for k, st in enumerate(al.statements)} if al.translated else {}
        lang_of = {st.article: lang for st, lang in zip(al.statements, al.languages, strict=True)}
        text_of = {i.article: i.text for i in inputs}
        alone = set(al.unique)
        worded = [_in_language(f, display, al, where, lang_of, text_of, alone) for f in facts]
        worded_unique = [
            _in_language(f, display, al, where, lang_of, text_of, alone) if f.kind == "statement" else f for f in unique
        ]
        # a translated copy's statement that now words another's fact or unique statement (or is
        # a clause of the sentence that does) is not also listed as unique to the copy
        used: dict[str, list[tuple[int, int]]] = {}
        for before, after in zip([*facts, *unique], [*worded, *worded_unique], strict=True):
            for span in after.support[len(before.support) :]:
                used.setdefault(span.article, []).append((span.start, span.end))
        # and a translated copy's clause whose sentence's other clause is the translation of an
        # original's statement is the rest of that translation, not something the copy adds
        rest = _rest_of_translations(al, {a for a, g in group.items() if g != a}, text_of)

        def told_elsewhere(span: Span) -> bool:
            inside = any(a <= span.start and span.end <= b for a, b in used.get(span.article, ()))
            return inside or (span.article, span.start, span.end) in rest

        facts = worded
        unique = [f for f in worded_unique if not (len(f.support) == 1 and told_elsewhere(f.support[0]))]
        return Comparison(
            story=story,
            sources=sources,
            facts=tuple(facts + details),
            unique=tuple(unique),
            conflicts=tuple(conflicts),
            quotes=tuple(quotes),
            quote_variants=tuple(variants),
            entities=tuple(entities),
            version=self.name,
            display_language=display,
            omitted=given - len(inputs),
        )

    def _quote_similarity(
        self, quotes: Sequence[Quote], language_of: Mapping[str, str | None], al: Alignment
    ) -> Callable[[int, int], float] | None:
        """Cosine of two quotes' dense vectors, when the story's articles are in several languages:
        its quotes may then be translations of each other, also when they are all in one language
        (two English translations of a Russian report word its quotes each their own way, and the
        rules may find none in the original).  Two quotes in sentences that the alignment paired by
        the shape of their texts (a language the encoder does not read) count as translations
        (:data:`_SHAPED_QUOTES`)."""
        if not quotes or len(set(language_of.values()) - {None}) < 2:
            return None
        shaped = _shaped_quotes(quotes, al)
        if (self.encoder is None or not self.encoder.dim) and not shaped:
            return None
        vectors = (
            self.encoder.encode([q.text for q in quotes]) if self.encoder is not None and self.encoder.dim else None
        )
        # the vector of a quote in Hebrew, the Arabic or an Indic script, when the encoder does not read it,
        # says nothing: it counts only for two quotes whose speakers' names agree (a lone Hebrew
        # "גאה בעבודה" of "he" came out near "Ai-yai-yai"; a Czech or Ukrainian quote is near its
        # translation, its letters read as Polish or Russian ones)
        known = getattr(self.encoder, "languages", None)
        unread = {
            i
            for i, q in enumerate(quotes)
            if (lang := language_of.get(q.article)) in SKELETAL_LANGUAGES and not reads(known, lang)
        }

        def similarity(i: int, j: int) -> float:
            dense = float(vectors[i] @ vectors[j]) if vectors is not None else 0.0
            if {i, j} & unread and same_speaker_across(quotes[i].speaker, quotes[j].speaker) is not True:
                dense = 0.0
            return max(dense, _SHAPED_QUOTES) if (min(i, j), max(i, j)) in shaped else dense

        return similarity

    def _annotate(
        self, al: Alignment, by_id: dict[str, CompareInput], mentions: Mapping[str, list[Mention]]
    ) -> list[Annotated]:
        # names per article (in order of position), numbers and times per sentence
        out: list[Annotated] = []
        years = [i.published.year for i in by_id.values() if i.published is not None]
        latest = max(years) if years else None  # an undated article is read as of the story's latest
        for st, g in zip(al.statements, al.groups, strict=True):
            src = by_id[st.article]
            lang = src.language or "en"
            base = st.start
            quantities = tuple(
                replace(q, start=base + q.start, end=base + q.end) for q in find_quantities(st.text, language=lang)
            )
            times = tuple(
                Time(base + t.start, base + t.end, t.text, t.value, t.kind)
                for t in find_times(st.text, language=lang, reference=src.published)
            )
            anchors = tuple(
                Anchor(m.start, m.end, m.name, m.kind)
                for m in mentions[st.article]
                if st.start <= m.start and m.end <= st.end
            )
            era = era_of(times, src.published.year if src.published else latest, st)
            out.append(Annotated(st, g, quantities, times, anchors, lang, era))
        return out

    def _quotes(self, inputs: Sequence[CompareInput]) -> list[Quote]:
        out: list[Quote] = []
        for i in inputs:
            out.extend(self.quotes.quotes(i.article, i.text, language=i.language))
        return out


def _with_translations(
    quotes: Sequence[Quote],
    keep: Sequence[int],
    repeated: Mapping[int, int],
    language_of: Mapping[str, str | None],
    display: str | None,
) -> list[Quote]:
    """The quotes kept (``keep``), each in another language than ``display`` given the first copy's
    quote in ``display`` that repeats it as its ``translation``: the reader sees a Russian
    original's quote worded by its English translation, and the citation stays the original's."""
    translations: dict[int, Quote] = {}
    for i, j in sorted(repeated.items()):
        if j not in translations and language_of.get(quotes[i].article) == display:
            translations[j] = quotes[i]
    return [
        replace(quotes[k], translation=translations[k])
        if k in translations and language_of.get(quotes[k].article) != display
        else quotes[k]
        for k in keep
    ]


def _aligned_names(
    al: Alignment, mentions: Mapping[str, Sequence[Mention]]
) -> dict[str, list[tuple[int, int, frozenset[str]]]]:
    """Per article, each statement's span and the names the statements aligned with it mention
    (facts, edges, translations and statements paired by shape)."""
    partners: dict[int, set[int]] = defaultdict(set)
    pairs = [(i, j) for i, j, _ in al.edges] + sorted(al.shaped)
    pairs += [(i, j) for members in al.facts for i in members for j in members if i != j]
    pairs += [(i, j) for i, js in al.translated.items() for j in js]
    for i, j in pairs:
        partners[i].add(j)
        partners[j].add(i)

    named: dict[int, set[str]] = defaultdict(set)  # statement -> the names mentioned in it
    for article, found in mentions.items():
        spans = sorted((st.start, st.end, k) for k, st in enumerate(al.statements) if st.article == article)
        starts = [a for a, _, _ in spans]
        for m in found:
            at = bisect.bisect_right(starts, m.start) - 1
            if at >= 0 and m.start < spans[at][1]:
                named[spans[at][2]].add(m.name)
    out: dict[str, list[tuple[int, int, frozenset[str]]]] = defaultdict(list)
    for i, st in enumerate(al.statements):
        names = frozenset(n for j in partners.get(i, ()) for n in named.get(j, ()))
        if names:
            out[st.article].append((st.start, st.end, names))
    return out


def _display_language(inputs: Sequence[CompareInput]) -> str | None:
    """English when a source is in English, else the story's most common language."""
    languages = [i.language for i in inputs if i.language]
    if not languages:
        return None
    if "en" in languages:
        return "en"
    return max(sorted(set(languages)), key=languages.count)


def _in_language(
    fact: Fact,
    language: str | None,
    al: Alignment,
    where: Mapping[tuple[str, int, int], int],
    lang_of: Mapping[str, str],
    text_of: Mapping[str, str],
    alone: set[int],
) -> Fact:
    """The fact worded by a supporting statement in ``language`` when there is one, else by the
    translation of a supporting statement in a translated copy of its source, whose span then
    joins the support (every support span keeps its original text).  A translation that is a
    clause of a sentence whose other clauses translate nothing else is worded by that whole
    sentence ("In addition, a variety of … helicopters" / "and around 4,000 military personnel
    were brought in": one Russian sentence).  ``where``: each statement's index by its span (when
    there are translations); ``lang_of``: each article's language; ``text_of``: each article's text;
    ``alone``: the statements that align with nothing."""
    if language is None:
        return fact
    for span in fact.support:
        if lang_of.get(span.article) == language and span.text:
            return replace(fact, text=span.text, language=language)
    if al.translated:
        found = [
            j
            for span in fact.support
            for j in al.translated.get(where.get((span.article, span.start, span.end), -1), [])
            if al.languages[j] == language
        ]
        if found:  # a whole sentence first: a copy's clause ("to wit, this year …", "In addition, a
            # variety of …" without its verb) words it last
            j = min(found, key=lambda j: _clause_of_sentence(al.statements[j].text))
            article = al.statements[j].article
            start, end = _sentence_around(al, j, text_of[article], alone)
            worded = text_of[article][start:end]
            translation = Span(article, start, end, worded)
            return replace(fact, text=worded, language=language, support=(*fact.support, translation))
    first = lang_of.get(fact.support[0].article) if fact.support else None
    return replace(fact, language=first)


MAX_COMPARE_CHARS = 50_000  # far beyond a news report (the longest development text has 16,481)
# Alignment costs the square of a story's statements: 4,795 articles asked for 14,385 x 14,385
# matrices (more than 17 GB).  A bigger story is compared on its first reports.
MAX_COMPARE_SOURCES = 100


def compared(inputs: Sequence[CompareInput]) -> list[CompareInput]:
    """The articles a comparison (and its summary) reads: all of them, or for a story of more than
    :data:`MAX_COMPARE_SOURCES`, its originals in publication order (undated last), then their
    copies, up to that many, in the given order."""
    if len(inputs) <= MAX_COMPARE_SOURCES:
        return list(inputs)
    order = {i.article: k for k, i in enumerate(inputs)}
    originals = sorted(
        (i for i in inputs if not i.copy_of or i.copy_of not in order),  # a copy of another story's article too
        key=lambda i: (i.published is None, i.published.timestamp() if i.published else 0.0, order[i.article]),
    )
    chosen = {i.article for i in originals[:MAX_COMPARE_SOURCES]}
    for i in inputs:
        if len(chosen) >= MAX_COMPARE_SOURCES:
            break
        if i.copy_of in chosen:
            chosen.add(i.article)
    return [i for i in inputs if i.article in chosen]


def capped(item: CompareInput) -> CompareInput:
    """The article as compared (and summarised): its first paragraphs up to MAX_COMPARE_CHARS."""
    if len(item.text) <= MAX_COMPARE_CHARS:
        return item
    cut = item.text.rfind("\n", 0, MAX_COMPARE_CHARS)
    return replace(item, text=item.text[: cut if cut > MAX_COMPARE_CHARS // 2 else MAX_COMPARE_CHARS])


def _one_sentence(al: Alignment, a: int, text: str) -> bool:
    """Are statements ``a`` and ``a + 1`` clauses of one sentence of ``text`` (their article's)?"""
    x, y = al.statements[a], al.statements[a + 1]
    between = text[x.end : y.start]
    return (
        x.article == y.article
        and not x.text.rstrip().endswith(_SENTENCE_END)
        and not any(c in between for c in "\n.!?。！？")  # ", and ", "; ": a clause's cut
    )


def _sentence_around(al: Alignment, j: int, text: str, alone: set[int]) -> tuple[int, int]:
    """The span of statement ``j`` widened over the clauses of its sentence next to it that align
    with nothing (``alone``: the rest of one translated sentence)."""
    first = last = j
    while first > 0 and first - 1 in alone and _one_sentence(al, first - 1, text):
        first -= 1
    while last + 1 < len(al.statements) and last + 1 in alone and _one_sentence(al, last, text):
        last += 1
    return al.statements[first].start, al.statements[last].end


def _rest_of_translations(al: Alignment, copies: set[str], text_of: Mapping[str, str]) -> set[tuple[str, int, int]]:
    """Spans of the copies' statements that align with nothing and share a sentence with a
    statement that translates one of the original's ("In addition, a variety of … helicopters,"
    translated; "and around 4,000 military personnel were brought in." left over)."""
    out: set[tuple[str, int, int]] = set()
    if not al.translated:
        return out
    for k in al.unique:
        st = al.statements[k]
        if st.article not in copies:
            continue
        text = text_of[st.article]
        if (k > 0 and k - 1 in al.translated and _one_sentence(al, k - 1, text)) or (
            k + 1 < len(al.statements) and k + 1 in al.translated and _one_sentence(al, k, text)
        ):
            out.add((st.article, st.start, st.end))
    return out


def _starts_mid_sentence(text: str) -> bool:
    """Does the text start with a lower-case letter ("that the party will support him")?"""
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


_SENTENCE_END = tuple(".!?。！？…\"'»”’)")


def _clause_of_sentence(text: str) -> tuple[bool, bool]:
    """How far a statement is from a whole sentence: does it start mid-sentence, does it stop
    before the sentence's end (a sentence split into clauses)?  Sorts whole sentences first."""
    return _starts_mid_sentence(text), not text.rstrip().endswith(_SENTENCE_END)


_SHAPED_QUOTES = 0.75  # the similarity of two quotes in sentences paired by shape: over the dense bar (0.5)


def _shaped_quotes(quotes: Sequence[Quote], al: Alignment) -> set[tuple[int, int]]:
    """Pairs of quotes (indices, i < j) in two statements paired by shape: the first quote of one
    with the first of the other, and so on, when the two hold as many."""
    if not al.shaped:
        return set()
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for k, st in enumerate(al.statements):
        by_article.setdefault(st.article, []).append((st.start, st.end, k))
    in_statement: dict[int, list[int]] = {}
    for x, q in sorted(enumerate(quotes), key=lambda xq: (xq[1].article, xq[1].start, xq[0])):
        for start, end, k in by_article.get(q.article, ()):
            if start < q.end and q.start < end:  # the quote overlaps the statement
                in_statement.setdefault(k, []).append(x)
    out: set[tuple[int, int]] = set()
    for a, b in sorted(al.shaped):
        qa, qb = in_statement.get(a, []), in_statement.get(b, [])
        if qa and len(qa) == len(qb):
            out.update((min(x, y), max(x, y)) for x, y in zip(qa, qb, strict=True))
    return out


def _root(item: CompareInput, by_id: dict[str, CompareInput]) -> str:
    """The independent source an article belongs to: the original at the end of its copy chain."""
    seen = {item.article}
    current = item
    while current.copy_of and current.copy_of in by_id and current.copy_of not in seen:
        seen.add(current.copy_of)
        current = by_id[current.copy_of]
    return current.copy_of if current.copy_of and current.copy_of not in by_id else current.article
