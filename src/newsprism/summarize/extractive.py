"""Extractive multi-document summary with citations.

Every sentence of every independent source is a candidate.  A candidate scores for how many
independent sources report it (from the story's comparison: the facts its statements belong to),
how central it is to the story (TF-IDF cosine with the story centroid), and where it stands in its
article (news leads carry the event); it loses for loaded wording outside quotes, for a quote with
no attribution in the sentence, and for being a fragment.  Sentences are picked greedily by score
minus redundancy with what is already picked (maximal marginal relevance) until the word budget is
spent.  The summary lists what most sources agree on first; each sentence cites the spans of every
source that reports it, and only those: a source whose statement of the fact gives another number
or date (a conflict of the comparison) is not cited for the sentence.

A fact is told once across languages: a candidate in one language that shares a supporting span
with a picked sentence in another repeats it (word overlap cannot see that).  In a story of
several languages, a sentence picked from a source in another language than the comparison's
display language is worded by the fact's statement in the display language when a source in that
language reports it; when that source gives other numbers or dates for the fact, its own sentence
is picked instead (citing it alone, the other's values disputed), unless it cites fewer sources
than the pick (then the pick, and the values most sources give, stay); a fact no such source
reports keeps its own wording (newsprism does not translate).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..compare.base import Comparison, ConflictSide, Sentence, SentenceSplitter, Span
from ..compare.comparer import CompareInput, capped, compared
from ..compare.conflicts import quantity_kind
from ..nlp.mtsigns import read_translation_signs
from ..nlp.numbers import Quantity, find_quantities, same_quantity
from ..nlp.sentences import RuleSentenceSplitter
from ..nlp.stopwords import function_words_for
from ..nlp.tokenize import tokens_from, word_count, words
from ..represent.tfidf import tfidf_rows
from .base import Summary, SummarySentence
from .label import choose_label
from .neutral import loaded_words

__all__ = ["EXTRACTIVE_VERSION", "ExtractiveSummarizer", "SummaryParams"]

EXTRACTIVE_VERSION = (
    "newsprism.ExtractiveSummary.v14"  # v2: a fact once, display language; v3: translated copies word it;
    # v4: words counted in Japanese and Chinese (one per two characters), not by spaces; v5: a
    # source giving another number or date is not cited for a sentence, a sentence aligned with a
    # picked one and alike to it (the same quote) is not picked again; v6: disputes by distinct values
    # of an article, agreement as the comparison normalised it, the first 50,000 characters; v7: one
    # figure told once (two sentences giving "6.6 million" and sharing 40% of their words); v8: two
    # picks worded by one translated sentence are one sentence; v9: a statement counting the same
    # thing with other values ("24 people dead" / "12 people") is not cited for a sentence; v10: a
    # sentence citing only what a picked one cites, from three or more sources, is not picked; v11:
    # ranges read as one amount ("$140-$150 million"), fractions ("4 1/2 months"); v12: in a story of
    # several languages, a fact told in two with other numbers is told once, in the display language;
    # v13: ... unless its display-language sentence would overrun the budget (then the pick stays);
    # v14: ... or cites fewer sources than the pick
)

_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|added|according to|stated|wrote|asked|warned|argued|noted|explained|insisted|"
    r"called|tweeted|announced|declared|claimed|acknowledged|admitted|urged)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryParams:
    support_weight: float = 0.5
    centrality_weight: float = 2.0
    position_weight: float = 0.2
    loaded_penalty: float = 0.5
    # a sentence of a source that reads as machine-translated (nlp.mtsigns): another source's
    # wording of the same fact is preferred
    translated_penalty: float = 0.5
    redundancy: float = 0.7  # MMR: weight of the similarity to sentences already picked
    # a sentence aligned with a picked one (one fact of the comparison) that shares this share of
    # the shorter one's words tells it again (the same quote with another attribution); sharing
    # less, it carries other details
    same_fact_redundancy: float = 0.7
    # two sentences giving the same figure ("6.6 million") and this share of the shorter one's words
    # tell one fact, aligned or not ("another 6.6 million people filed for unemployment benefits last
    # week" by three outlets, each with other background)
    same_figure_redundancy: float = 0.4
    min_words: int = 6
    max_words: int = 55
    # stories of several languages: a fact once across languages, worded in the display language
    across_languages: bool = True


@dataclass(slots=True)
class _Candidate:
    article: str
    group: str
    sentence: Sentence
    position: int
    words: int
    support: tuple[Span, ...]
    groups: frozenset[str]
    language: str | None = None
    score: float = 0.0
    disputed: tuple[ConflictSide, ...] = ()
    # every span of the facts the sentence is part of, the ones giving other values too
    aligned: tuple[Span, ...] = ()
    cited_in: frozenset[str | None] = frozenset()  # the languages of the spans it cites
    cited: int = 1  # the independent sources it cites


class ExtractiveSummarizer:
    name = EXTRACTIVE_VERSION

    def __init__(self, *, splitter: SentenceSplitter | None = None, params: SummaryParams | None = None) -> None:
        self.splitter = splitter or RuleSentenceSplitter()
        self.params = params or SummaryParams()

    def summarize(self, inputs: Sequence[CompareInput], comparison: Comparison, *, words: int = 100) -> Summary:
        inputs = sorted((capped(i) for i in compared(inputs)), key=lambda i: i.article)  # what was compared
        groups = {s.article: (s.copy_of or s.article) for s in comparison.sources}
        originals = [i for i in inputs if not i.copy_of]
        candidates = self._candidates(originals, comparison, groups)
        label = choose_label(inputs)
        if not candidates:
            return Summary(label, (), self.name)
        machine = {i.article for i in originals if read_translation_signs(i.text, i.language).likely}
        language_of = {i.article: i.language for i in inputs}
        text_of = {i.article: i.text for i in inputs}
        several = len({lang for lang in language_of.values() if lang}) > 1
        display = comparison.display_language
        n_groups = len({groups.get(i.article, i.article) for i in originals})
        shown_in = display if several and self.params.across_languages else None
        chosen = self._select(candidates, n_groups, words, machine, shown_in)
        sentences: list[SummarySentence] = []
        told: dict[str, tuple[int, set[str]]] = {}  # a wording given already -> its sentence, its sources
        for c in chosen:
            text, language = c.sentence.text, language_of.get(c.article)
            if several and display and language != display and self.params.across_languages:
                worded = _worded(c.support, display, language_of, text_of)
                if worded:
                    text, language = worded, display
            if text in told:
                # two picks worded by one translated sentence: told once, citing what both cite
                at, cited = told[text]
                cited.update(c.groups)
                before = sentences[at]
                spans = (*before.support, *(s for s in c.support if s not in before.support))
                disputed = (*before.disputed, *(d for d in c.disputed if d not in before.disputed))
                sentences[at] = replace(before, support=spans, sources=len(cited), disputed=disputed)
                continue
            told[text] = (len(sentences), set(c.groups))
            sentences.append(
                SummarySentence(
                    text=text,
                    support=c.support,
                    sources=len(c.groups),
                    language=language if several else None,
                    disputed=c.disputed,
                )
            )
        return Summary(label, tuple(sentences), self.name)

    # -- candidates ------------------------------------------------------------------------------
    def _candidates(
        self, inputs: Sequence[CompareInput], comparison: Comparison, groups: dict[str, str]
    ) -> list[_Candidate]:
        p = self.params
        facts = [f for f in comparison.facts if f.kind == "statement"]
        # a statement only one source reports, with its translation in a translated copy
        facts += [f for f in comparison.unique if f.kind == "statement" and len({s.article for s in f.support}) > 1]
        disputes = _Disputes(comparison)
        language_of = {src.article: src.language for src in comparison.sources}
        counts = _Counts(language_of)
        out: list[_Candidate] = []
        for item in inputs:
            group = groups.get(item.article, item.article)
            for position, sent in enumerate(self.splitter.split(item.text, language=item.language)):
                n = word_count(sent.text)
                if n < p.min_words or n > p.max_words:
                    continue
                if _QUOTE_MARKS.search(sent.text) and not _ATTRIBUTION.search(sent.text):
                    continue  # a quote must stay attributed to its speaker
                if sent.text.rstrip().endswith("?"):
                    continue
                own = Span(item.article, sent.start, sent.end, sent.text)
                support: list[Span] = [own]
                aligned: list[Span] = [own]
                fact_groups = {group}
                mine = disputes.of(own)
                for fact in facts:
                    if not any(
                        s.article == item.article and s.start < sent.end and sent.start < s.end for s in fact.support
                    ):
                        continue
                    for s in fact.support:
                        if s.article != item.article:
                            aligned.append(s)
                            if mine and disputes.disagree(mine, disputes.of(s)):
                                continue  # it gives another number or date: not cited for this one
                            if counts.disagree(own, s):
                                continue  # "24 people dead" does not support "killing at least five people"
                            support.append(s)
                        fact_groups.add(groups.get(s.article, s.article))
                out.append(
                    _Candidate(
                        item.article,
                        group,
                        sent,
                        position,
                        n,
                        _dedupe(support),
                        frozenset(fact_groups),
                        item.language,
                        disputed=disputes.against(mine, item.article),
                        aligned=_dedupe(aligned),
                        cited_in=frozenset(language_of.get(s.article) for s in support),
                        cited=len({groups.get(s.article, s.article) for s in support}),
                    )
                )
        return out

    # -- scoring and selection --------------------------------------------------------------------
    def _select(
        self,
        candidates: list[_Candidate],
        n_groups: int,
        budget: int,
        machine: frozenset[str] | set[str] = frozenset(),
        display: str | None = None,
    ) -> list[_Candidate]:
        """The candidates picked, greedily (see the module's docstring).  ``display``: in a story of
        several languages, a pick that cites no statement in this language gives way to the best
        candidate in it that tells the same fact: the two give other numbers or dates, so the
        pick cannot be worded by it, and the display language's sentence is the one shown, unless
        the pick cites more independent sources than it (the values most sources give are told)."""
        p = self.params
        language = None
        bags = [self._bag(c.sentence.text, language) for c in candidates]
        # the figures a sentence gives ("6.6 million"): one fact with the same figure is told once
        figures = [
            frozenset(m.group().replace(",", "").replace(" ", "") for m in _FIGURE.finditer(c.sentence.text))
            for c in candidates
        ]
        mat = tfidf_rows(bags)
        centroid = mat.sum(axis=0)
        cn = np.linalg.norm(centroid) or 1.0
        centrality = (mat @ centroid) / cn
        sim = mat @ mat.T
        top = max(1, n_groups)
        for i, cand in enumerate(candidates):
            agreement = math.log1p(len(cand.groups)) / math.log1p(top) if top > 1 else 0.0
            position = 1.0 / (1.0 + cand.position)
            loaded = 1.0 if loaded_words(cand.sentence.text) else 0.0
            cand.score = (
                p.support_weight * agreement
                + p.centrality_weight * float(centrality[i])
                + p.position_weight * position
                - p.loaded_penalty * loaded
                - (p.translated_penalty if cand.article in machine else 0.0)
            )
        chosen: list[int] = []
        used = 0
        remaining = set(range(len(candidates)))
        while remaining and used < budget:
            best, best_value = -1, -math.inf
            for i in sorted(remaining):
                redundancy = max((float(sim[i, j]) for j in chosen), default=0.0)
                value = candidates[i].score - p.redundancy * redundancy
                if value > best_value + 1e-12:
                    best, best_value = i, value
            remaining.discard(best)
            if display and display not in candidates[best].cited_in:
                # no source it cites words it in the display language, yet one there tells the fact
                # (with other numbers or dates): that one is shown
                shown = [
                    j
                    for j in sorted(remaining)
                    if candidates[j].language == display
                    and candidates[j].cited >= candidates[best].cited  # not when more sources give the pick's
                    and _retold(candidates[best], candidates[j], True)
                ]
                if shown:
                    swap = max(shown, key=lambda j: (candidates[j].score, -j))
                    if not chosen or used + candidates[swap].words <= budget * 1.15:  # else keep the pick
                        best = swap
                        remaining.discard(best)
            c = candidates[best]
            if chosen and used + c.words > budget * 1.15:
                continue  # would overshoot: try a shorter one
            if any(
                float(sim[best, j]) > 0.6
                or (_one_fact(c, candidates[j]) and _contained(bags[best], bags[j]) >= p.same_fact_redundancy)
                or _same_citations(c, candidates[j])
                or (figures[best] & figures[j] and _contained(bags[best], bags[j]) >= p.same_figure_redundancy)
                or _retold(c, candidates[j], p.across_languages)
                for j in chosen
            ):
                continue  # says again what a picked sentence says
            chosen.append(best)
            used += c.words
        ordered = sorted(chosen, key=lambda i: (-len(candidates[i].groups), -candidates[i].score, i))
        return [candidates[i] for i in ordered]

    @staticmethod
    def _bag(text: str, language: str | None) -> dict[str, float]:
        out: dict[str, float] = {}
        for t in tokens_from(words(text), language, stop=function_words_for(language)):
            out[t] = out.get(t, 0.0) + 1.0
        return out


class _Counts:
    """The counts and amounts each cited span gives, by what they count as conflicts read it
    ("people dead", "miles north of"), else by unit ("USD").
    Two statements of one aligned fact that both count the same thing and share no value do not
    support each other in a summary, whether or not the comparison listed the difference: facts
    are aligned on their words, and "24 people dead and 249 injured" aligns with "killing at least
    five people"."""

    def __init__(self, language_of: Mapping[str, str | None]) -> None:
        self._language = language_of
        self._cache: dict[tuple[str, int, int], dict[str, list[Quantity]]] = {}

    def _of(self, span: Span) -> dict[str, list[Quantity]]:
        key = (span.article, span.start, span.end)
        if key not in self._cache:
            by_kind: dict[str, list[Quantity]] = {}
            text, language = span.text or "", self._language.get(span.article) or "en"
            for q in find_quantities(text, language=language):
                if q.unit and q.value:  # by what it counts, as conflicts read it ("miles north of"), else its unit
                    by_kind.setdefault(quantity_kind(text, q, language) or q.unit, []).append(q)
            self._cache[key] = by_kind
        return self._cache[key]

    def disagree(self, a: Span, b: Span) -> bool:
        x, y = self._of(a), self._of(b)
        return any(not any(same_quantity(q, r) for q in x[kind] for r in y[kind]) for kind in x.keys() & y.keys())


class _Disputes:
    """The numbers and dates the story's sources disagree on (the comparison's conflicts), by the
    span that gives each value: a sentence cites another source's statement of the same fact only
    when that statement gives no value in a conflict the sentence is part of that cannot be the
    sentence's own ("about 300" and "310" agree, as the comparison reads them; "300" and "500" do
    not)."""

    def __init__(self, comparison: Comparison) -> None:
        self._language = {src.article: src.language for src in comparison.sources}
        self._conflicts = [c for c in comparison.conflicts if c.kind in ("number", "date")]
        # an article giving several values in one conflict ("24 dead" and, of the 2004 tsunami,
        # "some 230,000") does not say which is the fact's: it neither disputes nor is disputed
        # (the same difference found in several facts repeats a side: values are counted, not sides)
        values = {(n, side.article, _value(side)) for n, c in enumerate(self._conflicts) for side in c.sides}
        given = Counter((n, article) for n, article, _ in values)
        self._sides = [
            (side.article, side.start, n, side)
            for n, c in enumerate(self._conflicts)
            for side in c.sides
            if given[(n, side.article)] == 1
        ]

    def of(self, span: Span) -> dict[int, ConflictSide]:
        """Conflict number -> the side the span gives in it."""
        return {n: side for a, start, n, side in self._sides if a == span.article and span.start <= start < span.end}

    def disagree(self, a: dict[int, ConflictSide], b: dict[int, ConflictSide]) -> bool:
        return any(n in b and not self._agree(n, side, b[n]) for n, side in a.items())

    def against(self, mine: dict[int, ConflictSide], article: str) -> tuple[ConflictSide, ...]:
        """The values other articles give in the conflicts a sentence's values are part of."""
        found = (
            side for a, _, n, side in self._sides if n in mine and a != article and not self._agree(n, mine[n], side)
        )
        return tuple({(side.article, _value(side)): side for side in found}.values())  # each value of each once

    def _agree(self, n: int, a: ConflictSide, b: ConflictSide) -> bool:
        if _value(a) == _value(b):  # the comparison's normalised values ("1.500" in Spanish is 1500)
            return True
        if self._conflicts[n].kind == "number":
            qa = find_quantities(a.value, language=self._language.get(a.article) or "en")
            qb = find_quantities(b.value, language=self._language.get(b.article) or "en")
            if len(qa) == 1 and len(qb) == 1:
                return same_quantity(replace(qa[0], unit=None), replace(qb[0], unit=None))
        x, y = _value(a), _value(b)  # dates of one day at two precisions ("2021-05" / "2021-05-19") agree
        return self._conflicts[n].kind == "date" and (x.startswith(y) or y.startswith(x))


def _value(side: ConflictSide) -> str:
    return side.normalized or side.value


_FIGURE = re.compile(
    r"\d+(?:[.,]\d+| \. \d{1,2}(?!\d)| , \d{3}(?!\d))+|\d{2,}"
)  # "6.6", "1,200", "12", tokenised "4 . 6"; not "3"


def _contained(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The share of the shorter bag's words that the other has."""
    return len(a.keys() & b.keys()) / max(1, min(len(a), len(b)))


def _one_fact(a: _Candidate, b: _Candidate) -> bool:
    """Is either candidate's own sentence among the other's supporting spans (aligned as one fact)?"""
    own_a, own_b = a.support[0], b.support[0]
    return any(
        x.article == own.article and x.start < own.end and own.start < x.end
        for own, support in ((own_a, b.support), (own_b, a.support))
        for x in support
    )


def _same_citations(a: _Candidate, b: _Candidate) -> bool:
    """Would ``a`` cite nothing ``b`` does not, from three or more sources? The comparison aligned
    them as one fact, however differently worded (four paraphrases of eight outlets' leads on the
    cut cables, each citing the same eight spans, were four of a summary's five sentences)."""
    if len(a.groups) < 3:
        return False
    spans = {(s.article, s.start, s.end) for s in b.support}
    return all((s.article, s.start, s.end) in spans for s in a.support)


def _retold(a: _Candidate, b: _Candidate, across: bool) -> bool:
    """Whether two candidates in different languages were aligned with an overlapping span: one
    fact, told in two languages, whether or not they give the same numbers.  (In one language the
    word overlap decides: two sources' wordings of one fact often carry different details, and a
    summary gains from both.)"""
    if a.language == b.language or not across:
        return False
    return any(x.article == y.article and x.start < y.end and y.start < x.end for x in a.aligned for y in b.aligned)


def _dedupe(spans: list[Span]) -> tuple[Span, ...]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Span] = []
    for s in spans:
        key = (s.article, s.start, s.end)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return tuple(out)


def _worded(
    support: Sequence[Span], language: str, language_of: Mapping[str, str | None], text_of: Mapping[str, str]
) -> str | None:
    """A sentence's wording in ``language``: the longest statement in that language among its
    support, or, when one article's statements there are the clauses of one passage (the
    sentence's translation, clause by clause), that whole passage."""
    worded = [s for s in support if language_of.get(s.article) == language and s.text]
    if not worded:
        return None
    best = max(worded, key=lambda s: (len(s.text or ""), s.article, -s.start))
    pieces = sorted((s for s in worded if s.article == best.article), key=lambda s: s.start)
    text = text_of.get(best.article, "")
    start, end = pieces[0].start, max(s.end for s in pieces)
    covered = sum(s.end - s.start for s in pieces)
    if len(pieces) > 1 and text and end - start <= covered + 8 * len(pieces):
        return text[start:end]  # the clauses and what joins them (", and")
    return best.text
