"""Align the statements of a story's sources into facts.

Each source's clean text is split into sentences (statements).  Statements of different
*independent* sources (copies of one original count as one source) are compared with TF-IDF
cosine over content words, names and numbers, weighted by IDF within the story.  An alignment edge
joins two statements when one is the other's best match in its source and the similarity clears
the threshold (in one language, they must also agree beyond their names: share words outside
names, or names that not most of the story's sources give); edges are grouped into facts (at
most one statement per source in a fact).  Statements left without an edge are what only one source reports.

Across languages, statements are compared by the cosine of their dense vectors; two texts in
languages the encoder does not read (or with no encoder) are paired sentence by sentence when they
read as parallel texts by their lengths and anchors (:mod:`newsprism.nlp.parallel`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..nlp.parallel import TextProfile, across_vowels, parallel_pairs, statements_profile
from ..nlp.stopwords import function_words_for
from ..nlp.tokenize import names_from, tokens_from, words
from ..represent.dense import Encoder, reads
from ..represent.tfidf import tfidf_rows
from .base import Fact, SentenceSplitter, Span, Statement

__all__ = ["AlignParams", "Alignment", "Doc", "align"]


@dataclass(frozen=True, slots=True)
class Doc:
    """One source of a comparison: the article's external id, its clean text, and the group of
    independent reporting it belongs to (the external id of its original when it is a copy)."""

    article: str
    text: str
    group: str
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignParams:
    threshold: float = 0.2  # cosine at or above which two statements can express the same fact
    strong: float = 0.45  # above this an edge is kept even when not a best match
    min_terms: int = 2  # statements with fewer content terms are not compared (datelines, credits)
    min_shared: int = 3  # aligned statements share at least this many content terms
    # In one language, two statements must also agree beyond their names: share min_shared words
    # outside names, or this share of them (Dice), or words and names together this many, a name
    # most of the story's sources give (3 or more) not counting.  "The congregants of Wasilla
    # Bible Church have our deep sympathy" and "Damage to the Wasilla Bible Church was estimated
    # at $1 million" share only the church; "Blinken cited ... Afghanistan, Iran and North Korea
    # as potential areas of cooperation" and "Lavrov joined Blinken to find common cause in
    # Afghanistan and curb nuclear programs in Iran and North Korea" share five names.
    plain_share: float = 0.25
    words_and_names: int = 5
    # a copy's statement this alike to one of its original's (one language) repeats it: not unique
    copy_floor: float = 0.7
    name_weight: float = 1.5  # names and numbers count more than other words
    dense_floor: float = 0.45  # across languages: dense cosine below this counts as no similarity
    dense_scale: float = 0.8  # ... and 1.0 maps to this lexical-scale similarity
    # across languages, two statements that are each other's best match between their sources
    # align from this dense cosine on (Japanese-English sentence translations: median about 0.59),
    # when the two sources read as parallel texts: at least this share of the shorter one's
    # statements have such a match (a translation; two reports of one event rarely do)
    mutual_floor: float = 0.5
    parallel_share: float = 0.6
    # two sources in different languages: paired sentence by sentence by their lengths and anchors
    # when they read as parallel texts (nlp/parallel.py); where the encoder reads both languages, a
    # pair counts only when their dense cosine reaches shape_floor (a translation it reads poorly,
    # not two reports of one event that share their names and numbers)
    by_shape: bool = True
    shape_floor: float = 0.35


@dataclass(slots=True)
class Alignment:
    statements: list[Statement]
    groups: list[str]  # independence group of each statement
    similarity: np.ndarray  # statement x statement cosine (0 within one group)
    edges: list[tuple[int, int, float]]
    facts: list[list[int]]  # statement indices per fact (>= 2 groups)
    unique: list[int]  # statements in no edge
    terms: list[set[str]] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # language of each statement ("?" unknown)
    # a statement and its translation in a copy of its source (one group, two languages, the two
    # articles parallel): index pairs, both ways
    translated: dict[int, list[int]] = field(default_factory=dict)
    # a copy's statement that repeats one of its original's -> that statement (see align)
    repeats: dict[int, int] = field(default_factory=dict)
    # statements in two languages paired by the shape of their texts (nlp/parallel.py): (i, j), i < j
    shaped: set[tuple[int, int]] = field(default_factory=set)


def _statements(docs: Sequence[Doc], splitter: SentenceSplitter) -> tuple[list[Statement], list[str]]:
    out: list[Statement] = []
    groups: list[str] = []
    for doc in docs:
        for s in splitter.split(doc.text, language=doc.language):
            for start, end in clauses(s.text, s.start):
                out.append(Statement(doc.article, start, end, doc.text[start:end]))
                groups.append(doc.group)
    return out, groups


_COORDINATION = re.compile(r"(?:,|;)\s+(?=(?:and|but|while|whereas|yet)\s)|;\s+")
_QUOTES = '"“”«»„'


def clauses(text: str, offset: int, min_words: int = 5) -> list[tuple[int, int]]:
    """Split a sentence into coordinated clauses (", and", ", but", ";") when both sides are long
    enough to be statements of their own and the break is not inside a quotation: "Russia then
    announced a pullback, and Biden discussed the potential summit" reports two things."""
    cuts: list[int] = []
    for m in _COORDINATION.finditer(text):
        before = text[: m.start()]
        if sum(before.count(q) for q in _QUOTES) % 2:
            continue  # inside a quote
        if _continues_list(text, m.start(), m.end(), cuts[-1] if cuts else 0):
            continue
        cuts.append(m.start())
    pieces: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut]
        if len(piece.split()) >= min_words or not pieces:
            if pieces and len(text[pieces[-1][0] : pieces[-1][1]].split()) < min_words:
                pieces[-1] = (pieces[-1][0], cut)
            else:
                pieces.append((start, cut))
        else:
            pieces[-1] = (pieces[-1][0], cut)
        start = cut
    out = []
    for k, (a, b) in enumerate(pieces):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip(" ,;"))
        seg = seg.strip(" ,;")
        if k and (opener := _SUBJECT_AFTER.match(seg)):
            lead, seg = lead + opener.end(), seg[opener.end() :]  # "and Biden discussed ...": "Biden discussed ..."
        if seg:
            out.append((offset + a + lead, offset + a + lead + len(seg)))
    return out


_COMMA = re.compile(r",(?=\s)")  # not the comma of "75,000"
_BUT_PHRASE = frozenset({"only", "not", "also", "rather", "mostly", "largely", "especially"})
_PRONOUNS_ING = frozenset({"nothing", "something", "anything", "everything"})
# finite verbs that mark a clause (a list item rarely has one)
_FINITE = frozenset(
    "is are was were be been has have had will would can could may might must shall should did does do "
    "said says say told tells fell went came took made got gave saw began became left won lost sold struck".split()
)


def _finite(words: list[str]) -> bool:
    return any(w in _FINITE or (w.endswith("ed") and w.islower() and len(w) > 3) for w in words)


def _continues_list(text: str, cut: int, after: int, start: int) -> bool:
    """Whether ", and" at ``cut`` closes a list rather than joining two clauses: "sanctions for
    interference in the election, the SolarWinds cyberattack, and the continued occupation of
    Crimea" (a short item without a verb between two commas before it) or "expelling ten
    diplomats, sanctioning eight officials, and blocking the employment of ..." (a participle
    after it, no verb of its own: "and surrounding roads were closed" is a clause), or a verb after
    an item that opens with one ("has the reserves, is the sixth exporter, and is ..."); or whether
    ", but" opens a phrase rather than a clause ("but only in the context of ...")."""
    if text.startswith("but", after):
        rest = text[after + 3 :].split(",", 1)[0].split()  # "..., but only in the context of other issues"
        return bool(rest) and rest[0] in _BUT_PHRASE and not _finite(rest[1:])
    if not text.startswith("and", after):
        return False
    rest = text[after + 3 :].split(",", 1)[0].split()
    word = rest[0] if rest else ""
    if word.endswith("ing") and word.islower() and word not in _PRONOUNS_ING:
        return not any(w in _FINITE for w in rest[1:])
    commas = [m.start() for m in _COMMA.finditer(text, start, cut)]
    if not commas or commas[-1] <= start:
        return False
    item = text[commas[-1] + 1 : cut].split()
    if item and _finite(item[:1]) and _finite(rest[:1]):
        return True  # "has the largest reserves, is the sixth exporter, and is a major exporter of oil"
    return len(item) <= 4 and not _finite(item)


# The conjunction opening a coordinated clause, when a subject follows it (a name, a determiner, a
# pronoun, a number): the statement is the clause without it.  "but added that ..." keeps its "but".
_SUBJECT_AFTER = re.compile(
    r"(?:and|but|while|whereas|yet)\s+(?=[A-Z0-9]|(?:the|a|an|this|that|these|those|he|she|it|they|we|i|you|his|her|"
    r"its|their|our|some|many|most|no|each|every|both|all)\b)"
)


def _terms(text: str, language: str | None, name_weight: float) -> dict[str, float]:
    raw = words(text)
    counts: dict[str, float] = {}
    for t in tokens_from(raw, language, stop=function_words_for(language)):
        counts[t] = counts.get(t, 0.0) + 1.0
    for n in names_from(raw, language):
        key = "N:" + n
        counts[key] = counts.get(key, 0.0) + name_weight
    return counts


def align(
    docs: Sequence[Doc],
    splitter: SentenceSplitter,
    params: AlignParams | None = None,
    encoder: Encoder | None = None,
) -> Alignment:
    """Statements of the sources and their alignment.  Statements in different languages are
    compared by the cosine of their dense multilingual vectors (``encoder``), mapped onto the
    lexical scale; without an encoder they are compared lexically only (names, numbers)."""
    p = params or AlignParams()
    statements, groups = _statements(docs, splitter)
    lang = {d.article: d.language for d in docs}
    bags = [_terms(s.text, lang.get(s.article), p.name_weight) for s in statements]
    n = len(statements)
    mat = tfidf_rows(bags, idf_power=2)
    sim = mat @ mat.T
    languages = [lang.get(s.article) or "?" for s in statements]
    cross = np.array([[a != b for b in languages] for a in languages], dtype=bool) if n else np.zeros((0, 0), bool)
    if encoder is not None and encoder.dim and cross.any():
        vectors = encoder.encode([s.text for s in statements])
        dense = vectors @ vectors.T
        # a translation-level cosine (about 0.7 and up) counts like a strong lexical match
        mapped = np.clip((dense - p.dense_floor) / (1.0 - p.dense_floor), 0.0, 1.0) * p.dense_scale
        sim = np.where(cross, np.maximum(sim, mapped), sim)
    group_ids = {g: k for k, g in enumerate(dict.fromkeys(groups))}
    gid = np.array([group_ids[g] for g in groups]) if n else np.zeros(0, dtype=int)
    same = gid[:, None] == gid[None, :]
    within = np.where(same & ~cross, sim, 0.0)  # a copy's sentences against its original's, one language
    sim[same] = 0.0
    translated: dict[int, list[int]] = {}
    if encoder is not None and encoder.dim and cross.any():
        _mutual_matches(sim, dense, gid, cross, p)
        translated = _translations(statements, languages, gid, dense, p)
    shaped: set[tuple[int, int]] = set()
    if p.by_shape and cross.any():
        encoded = encoder is not None and encoder.dim
        read = getattr(encoder, "languages", None) if encoded else frozenset()
        shaped = _shape_matches(statements, languages, gid, sim, translated, p, read, dense if encoded else None)
    term_sets = [{t for t in bag if not t.startswith("N:")} | {t for t in bag if t.startswith("N:")} for bag in bags]
    agree = _Agreement(statements, bags, gid, lang, p)
    usable = np.array([sum(1 for t in bag if not t.startswith("N:")) >= p.min_terms for bag in bags], dtype=bool)
    edges: list[tuple[int, int, float]] = []
    for i in range(n):
        if not usable[i]:
            continue
        for g in range(len(group_ids)):
            if g == gid[i]:
                continue
            cols = np.where((gid == g) & usable)[0]
            if not len(cols):
                continue
            j = int(cols[np.argmax(sim[i, cols])])  # first maximum: deterministic
            s = float(sim[i, j])
            if s < p.threshold:
                continue
            shared = len({t for t in bags[i] if not t.startswith("N:")} & set(bags[j]))
            if not cross[i, j] and (shared < p.min_shared or not agree(i, j)):
                continue
            edges.append((min(i, j), max(i, j), s))
    for i in range(n):  # strong edges beyond best matches
        for j in range(i + 1, n):
            if sim[i, j] >= p.strong and usable[i] and usable[j] and (cross[i, j] or agree(i, j)):
                edges.append((i, j, float(sim[i, j])))
    # A copy's statement that repeats its original's is the original's: its matches are the
    # original statement's (a fact cites the original, not whichever copy came first), and the
    # original inherits its similarities (an English translation matches English reports lexically).
    repeats = _repeated_by_copies(statements, groups, bags, within, translated, p.copy_floor)
    if repeats:
        best: dict[tuple[int, int], float] = {}
        for i, j, s in edges:
            a, b = repeats.get(i, i), repeats.get(j, j)  # still of two groups: a copy maps within its own
            key = (min(a, b), max(a, b))
            best[key] = max(best.get(key, 0.0), s)
        edges = [(a, b, s) for (a, b), s in best.items()]
        for copy, home in sorted(repeats.items()):
            row = np.where(same[home], 0.0, np.maximum(sim[home], sim[copy]))
            sim[home], sim[:, home] = row, row
        sim[list(repeats)] = 0.0
        sim[:, list(repeats)] = 0.0
    edges = sorted(set(edges), key=lambda e: (-e[2], e[0], e[1]))
    facts = _group(edges, gid, sim, p.threshold)
    linked = {i for f in facts for i in f}
    unique = [i for i in range(n) if i not in linked and usable[i] and i not in repeats]
    return Alignment(statements, groups, sim, edges, facts, unique, term_sets, languages, translated, repeats, shaped)


def representatives(articles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Article -> the article its independent source is read from: the group's original (the
    group is named by it) when it is among ``articles`` ((article, group) pairs, in order), else
    the group's first article."""
    pairs = list(articles)
    present = {a for a, _ in pairs}
    first: dict[str, str] = {}
    for a, g in pairs:
        first.setdefault(g, a)
    return {a: (g if g in present else first[g]) for a, g in pairs}


def _repeated_by_copies(
    statements: list[Statement],
    groups: list[str],
    bags: list[dict[str, float]],
    within: np.ndarray,
    translated: dict[int, list[int]],
    floor: float,
) -> dict[int, int]:
    """Statements of copies that repeat a statement of their group's representative (its original,
    else, when the original is not compared, the group's first article), with that statement:
    the same sentence in one language (cosine ``floor`` or more) giving no number or name that
    sentence lacks, or its translation.  The representative's statement says it once; listing the
    copies' too would tell it once per copy.  A copy's "killing 41" against the original's
    "killing 12" is its own."""
    home_of = representatives((st.article, g) for st, g in zip(statements, groups, strict=True))
    home = {g: home_of[st.article] for st, g in zip(statements, groups, strict=True)}
    own: dict[str, list[int]] = {}
    for k, st in enumerate(statements):
        if st.article == home[groups[k]]:
            own.setdefault(groups[k], []).append(k)
    numbers = [frozenset(_NUMBER.findall(st.text)) for st in statements]
    names = [frozenset(t for t in bag if t.startswith("N:")) for bag in bags]
    out: dict[int, int] = {}
    for k, st in enumerate(statements):
        rows = own.get(groups[k], [])
        if st.article == home[groups[k]] or not rows:
            continue
        best = rows[int(np.argmax(within[k, rows]))]
        if float(within[k, best]) >= floor and numbers[k] <= numbers[best] and names[k] <= names[best]:
            out[k] = best
            continue
        # a translation writes its numbers its own way ("1,500" / "1.500"): its pairing decides
        pair = next((t for t in translated.get(k, ()) if t in rows), None)
        if pair is not None:
            out[k] = pair
    return out


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class _Agreement:
    """Whether two statements of one language agree beyond their names (see
    :class:`AlignParams`): the words outside names of each, and the names that most of the
    story's independent sources give (what the story is about, saying nothing of which fact a
    sentence states)."""

    def __init__(
        self,
        statements: list[Statement],
        bags: list[dict[str, float]],
        gid: np.ndarray,
        lang: dict[str, str | None],
        p: AlignParams,
    ) -> None:
        self.p = p
        raw = [words(st.text) for st in statements]
        languages = [lang.get(st.article) for st in statements]
        named = [set(names_from(r, language)) for r, language in zip(raw, languages, strict=True)]
        # a sentence's first word is a name when the story writes it as one inside a sentence
        inside = {w for r, language in zip(raw, languages, strict=True) for w in names_from(r[1:], language)}
        self.plain = [
            frozenset(
                tokens_from(
                    [w for n, w in enumerate(r) if w.lower() not in (inside if n == 0 else names)],
                    language,
                    stop=function_words_for(language),
                )
            )
            for r, names, language in zip(raw, named, languages, strict=True)
        ]
        self.names = [frozenset(t for t in bag if t.startswith("N:")) for bag in bags]
        sources: dict[str, set[int]] = defaultdict(set)
        for k, names in enumerate(self.names):
            for t in names:
                sources[t].add(int(gid[k]))
        n_sources = len(set(gid.tolist()))
        self.central = frozenset(t for t, g in sources.items() if len(g) >= 3 and 2 * len(g) >= n_sources)

    def __call__(self, i: int, j: int) -> bool:
        p, a, b = self.p, self.plain[i], self.plain[j]
        both = len(a & b)
        if both >= p.min_shared or (both and 2 * both >= p.plain_share * (len(a) + len(b))):
            return True
        return both + len((self.names[i] & self.names[j]) - self.central) >= p.words_and_names


def _parallel(block: np.ndarray, floor: float, share: float) -> list[tuple[int, int]]:
    """Rows and columns of a dense-cosine block that are each other's best match at ``floor`` or
    above, when at least ``share`` of the shorter side is so matched (else none)."""
    if not block.size:
        return []
    best_col = block.argmax(axis=1)  # first maximum: deterministic
    best_row = block.argmax(axis=0)
    mutual = [(r, int(c)) for r, c in enumerate(best_col) if best_row[c] == r and block[r, c] >= floor]
    return mutual if len(mutual) >= share * min(block.shape) else []


def _translations(
    statements: list[Statement], languages: list[str], gid: np.ndarray, dense: np.ndarray, p: AlignParams
) -> dict[int, list[int]]:
    """Statements and their translations in copies of the same source (an original and its
    translation are one group, so they are never aligned as a fact): mutual best matches of two
    parallel articles of one group in two languages."""
    out: dict[int, list[int]] = {}
    for rows, cols in _article_pairs(statements):
        if gid[rows[0]] != gid[cols[0]] or languages[rows[0]] == languages[cols[0]]:
            continue
        for r, c in _parallel(dense[np.ix_(rows, cols)], p.mutual_floor, p.parallel_share):
            out.setdefault(rows[r], []).append(cols[c])
            out.setdefault(cols[c], []).append(rows[r])
    return out


def _article_pairs(statements: list[Statement]) -> list[tuple[list[int], list[int]]]:
    """The statement indices of every two articles (in order of first appearance)."""
    by_article: dict[str, list[int]] = {}
    for k, st in enumerate(statements):
        by_article.setdefault(st.article, []).append(k)
    groups = list(by_article.values())
    return [(rows, cols) for x, rows in enumerate(groups) for cols in groups[x + 1 :]]


def _shape_matches(
    statements: list[Statement],
    languages: list[str],
    gid: np.ndarray,
    sim: np.ndarray,
    translated: dict[int, list[int]],
    p: AlignParams,
    read: frozenset[str] | None = frozenset(),
    dense: np.ndarray | None = None,
) -> set[tuple[int, int]]:
    """Pair the statements of two articles in different languages by their shape (lengths and
    anchors, :func:`~newsprism.nlp.parallel.parallel_pairs`) when the two read as parallel texts:
    in one group (an original and its translation) the pairs are translations; between two groups
    their similarity is raised to the alignment threshold, as :func:`_mutual_matches` does for what
    the encoder reads.  Also where the encoder reads both languages: a translated sentence whose
    meaning the encoder reads less alike than the threshold is still its line's translation
    (WMT21 ru-en statement recall 0.925 -> 0.940, ja-en 0.751 -> 0.786), when their dense cosine
    reaches ``shape_floor``.  Returns the pairs."""
    shaped: set[tuple[int, int]] = set()
    profiles: dict[int, TextProfile] = {}  # by an article's first statement
    for rows, cols in _article_pairs(statements):
        la, lb = languages[rows[0]], languages[cols[0]]
        if la == lb:
            continue
        for ks, language in ((rows, la), (cols, lb)):
            if ks[0] not in profiles:
                texts = [statements[k].text for k in ks]
                profiles[ks[0]] = statements_profile(texts, language if language != "?" else None)
        # names written across the vowel line (Hebrew, Arabic script) anchor by their consonants
        a, b = across_vowels(profiles[rows[0]], profiles[cols[0]])
        pairs = parallel_pairs(a.lengths, b.lengths, a.anchors, b.anchors)
        both_read = (
            dense is not None and reads(read, la if la != "?" else None) and reads(read, lb if lb != "?" else None)
        )
        for r, c in pairs:
            i, j = rows[r], cols[c]
            if dense is not None and both_read and dense[i, j] < p.shape_floor:
                continue  # the encoder reads both: what it reads as unlike is no translation
            shaped.add((min(i, j), max(i, j)))
            if gid[i] == gid[j]:
                if j not in translated.get(i, []):
                    translated.setdefault(i, []).append(j)
                    translated.setdefault(j, []).append(i)
            elif sim[i, j] < p.threshold:
                sim[i, j] = sim[j, i] = p.threshold
    return shaped


def _mutual_matches(sim: np.ndarray, dense: np.ndarray, gid: np.ndarray, cross: np.ndarray, p: AlignParams) -> None:
    """Raise to the alignment threshold the similarity of statements in different languages that
    are each other's best match between their two sources, when their dense cosine reaches
    ``mutual_floor`` and the two sources read as parallel texts (``parallel_share`` of the shorter
    one's statements are matched so): a sentence and its translation, even when the encoder places
    them only moderately close (Japanese and English).  Two independent reports of one event are
    not parallel, and there such matches are as often different statements on one subject
    ("46 ships took part" / "the Navy will get forty ships")."""
    groups = sorted(set(gid.tolist()))
    for a in groups:
        rows = np.where(gid == a)[0]
        for b in groups:
            if b <= a:
                continue
            cols = np.where(gid == b)[0]
            mutual = _parallel(dense[np.ix_(rows, cols)], p.mutual_floor, p.parallel_share)
            for r, c in mutual:
                i, j = int(rows[r]), int(cols[c])
                if cross[i, j] and sim[i, j] < p.threshold:
                    sim[i, j] = sim[j, i] = p.threshold


def _group(edges: list[tuple[int, int, float]], gid: np.ndarray, sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Greedy grouping of edges (strongest first) into facts with one statement per source group;
    an edge whose ends already sit in facts that cannot be merged becomes a fact of its own.  A
    statement joins a fact (and two facts merge) only when it is as alike to the fact's
    statements on average as an alignment needs: a chain of pairwise matches (A like B, B like C)
    does not make A and C one fact when they say different things."""

    def fits(a: list[int], b: list[int]) -> bool:
        return float(sim[np.ix_(a, b)].mean()) >= threshold

    fact_of: dict[int, list[int]] = {}
    facts: list[list[int]] = []
    for i, j, _ in edges:
        fi, fj = fact_of.get(i), fact_of.get(j)
        if fi is None and fj is None:
            f = [i, j]
            facts.append(f)
            fact_of[i] = fact_of[j] = f
        elif fi is not None and fj is None:
            if gid[j] not in {gid[k] for k in fi} and fits(fi, [j]):
                fi.append(j)
                fact_of[j] = fi
            else:
                facts.append([i, j])
        elif fj is not None and fi is None:
            if gid[i] not in {gid[k] for k in fj} and fits(fj, [i]):
                fj.append(i)
                fact_of[i] = fj
            else:
                facts.append([i, j])
        elif fi is not fj and fi is not None and fj is not None:
            if not ({gid[k] for k in fi} & {gid[k] for k in fj}) and fits(fi, fj):
                fi.extend(fj)
                for k in fj:
                    fact_of[k] = fi
                facts.remove(fj)
            else:
                facts.append([i, j])
    out = []
    seen: set[tuple[int, ...]] = set()
    for f in facts:
        key = tuple(sorted(f))
        if key not in seen and len({gid[k] for k in f}) >= 2:
            seen.add(key)
            out.append(sorted(f))
    return out


def to_facts(al: Alignment) -> tuple[list[Fact], list[Fact]]:
    """Facts (2+ independent sources) and unique statements as :class:`Fact` objects."""
    facts: list[Fact] = []
    for centre, members in _merged_facts(al):
        rep = al.statements[centre]
        support = tuple(_span(al.statements[k]) for k in members)
        facts.append(Fact(text=rep.text, support=support, sources=len({al.groups[k] for k in members})))
    facts.sort(key=lambda f: (-f.sources, f.support[0].article, f.support[0].start))
    unique = [
        Fact(
            text=al.statements[k].text,
            support=(_span(al.statements[k]),),
            sources=1,
        )
        for k in al.unique
    ]
    return facts, unique


def _merged_facts(al: Alignment) -> list[tuple[int, list[int]]]:
    """The alignment's facts as (the statement that words it, members with that one first).

    A statement aligned with several statements of the same other source(s), each its own fact,
    is one fact ("X met Y in Reykjavik to discuss Z" with "X met Y in Reykjavik" and "They
    discussed Z" of one other report) citing every supporting span once.  Facts that share a
    statement but whose other statements come from different sources stay apart, as the grouping
    made them: [A, B] and [A, C], B and C from two reports that say different things, are two
    facts of two sources, not one of three.  A pair whose statements both belong to other facts
    adds no statement, only a repeat, and goes.  Each fact is worded by a statement no other fact
    is worded by where it can be.  Ties are broken by the statements' words, then their order,
    which :class:`~newsprism.compare.comparer.Comparer` makes an order of the articles' texts, so
    the result depends neither on the articles' ids nor on the order they are given in."""

    def words(k: int) -> tuple[str, int]:
        return (al.statements[k].text, k)  # statements come in an order of their articles' texts

    def alike(k: int, members: list[int]) -> float:
        return round(float(al.similarity[k, members].sum()), 9)  # no tie decided by rounding noise

    def keys(members: list[int]) -> list[tuple[int, frozenset[str]]]:
        return [(k, frozenset(al.groups[m] for m in members) - {al.groups[k]}) for k in members]

    count: dict[tuple[int, frozenset[str]], int] = defaultdict(int)
    for members in al.facts:
        for key in keys(members):
            count[key] += 1
    merged: dict[object, list[int]] = {}
    for i, members in enumerate(al.facts):
        stars = [key for key in keys(members) if count[key] >= 2]
        hub: object = min(stars, key=lambda key: (-count[key], *words(key[0]))) if stars else i
        into = merged.setdefault(hub, [])
        into += [k for k in members if k not in into]
    facts = list(merged.values())
    # the pairs that repeat statements of other facts go, the weakest first, while both keep one
    listed: dict[int, int] = defaultdict(int)
    for members in facts:
        for k in members:
            listed[k] += 1
    repeats: set[int] = set()
    pairs = [(n, m) for n, m in enumerate(facts) if len(m) == 2]
    for n, (a, b) in sorted(pairs, key=lambda p: (alike(p[1][0], [p[1][1]]), sorted(map(words, p[1])))):
        if listed[a] >= 2 and listed[b] >= 2:
            listed[a] -= 1
            listed[b] -= 1
            repeats.add(n)
    # the biggest facts choose their wording first: the statement most alike to the rest, among
    # those no fact is worded by yet
    used: set[str] = set()
    out = []
    kept = [m for n, m in enumerate(facts) if n not in repeats]
    for members in sorted(kept, key=lambda m: (-len(m), sorted(words(k) for k in m))):
        centre = min(members, key=lambda k: (al.statements[k].text in used, -alike(k, members), *words(k)))
        used.add(al.statements[centre].text)
        out.append((centre, [centre, *(k for k in members if k != centre)]))
    return out


def _span(st: Statement) -> Span:
    return Span(st.article, st.start, st.end, st.text)
