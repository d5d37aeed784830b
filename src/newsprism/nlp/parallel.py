"""Parallel texts told by their shape: sentence alignment by length and anchors.

Two sources in different languages are paired sentence by sentence by their dense vectors when
the encoder reads both languages (:mod:`newsprism.compare.align`).  For a language it does not read
(Czech, Ukrainian, Hebrew ... with the bundled encoder) the vectors say nothing, and a translation
would be compared with its original by the few names and numbers they share.  A translation keeps
its original's order, and the lengths of a sentence and of its translation are proportional: the
classic length-based alignment of Gale and Church (1993), a dynamic programme over the two
sentence sequences with beads 1-1, 1-2, 2-1, 1-0 and 0-1, each costed by how far the lengths stray
from the texts' overall ratio.  Here the cost also counts anchors: the digit numbers and the name
keys (:func:`~newsprism.nlp.translit.name_key`, read across scripts) a bead's two sides share, or
that only one side has.

Two independent reports of one event also give an alignment, so the two texts count as parallel
only when the alignment is good: most of the shorter text's sentences in 1-1 beads whose lengths
agree, and the beads with anchors mostly sharing one (two at the least: news sentences are alike
in length, and lengths alone say too little; a bead with anchors on one side only counts against);
or, in a long translation whose names are declined or spelt out, fewer beads sharing an anchor
(three at the least) while nearly all sentences (85%) stand in agreeing 1-1 beads.  Anchors in
more than 30% of a text's sentences (the story's main name) count for nothing.  Only then are its
1-1 beads (and the closer side of a 1-2 or 2-1 bead) returned as pairs.

The programme keeps to a band around the diagonal (a translation's sentences stay near their
originals' places), so two texts of n sentences cost O(n) cells per sentence at most.

Two stages use it: a comparison pairs the statements of two sources (:mod:`newsprism.compare.align`),
and the clusterer tells whether an article translates another when their names and numbers are
too few to say (:func:`read_parallel` on each text's :class:`TextProfile`, its title and sentences;
:mod:`newsprism.cluster.crosslingual`).  Deciding about whole texts, it also asks their paired
sentences' lengths to agree closely on average (``text_delta``), and reads a name key of one text
a letter from one of the other's as that key (a language's own spelling: "Izrael", "Libanon").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .sentences import split_sentences
from .tokenize import names_from, words
from .translit import MIN_SKELETON, name_key, short_name_sounds, skeletal, skeletons, word_skeletons, written_sounds

__all__ = [
    "ParallelParams",
    "TextProfile",
    "across_vowels",
    "anchors_of",
    "article_anchors",
    "parallel_pairs",
    "read_parallel",
    "statements_profile",
    "text_profile",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ParallelParams:
    variance: float = 6.8  # Gale and Church's variance of the length difference, per character
    # -log of the beads' prior probabilities (Gale and Church's figures)
    one_one: float = -math.log(0.89)
    one_two: float = -math.log(0.089 / 2)
    one_none: float = -math.log(0.0099 / 2)
    anchor_reward: float = 1.5  # per anchor a bead's two sides share
    anchor_penalty: float = 0.75  # per anchor only one side has (at most four counted)
    good_delta: float = 1.5  # a 1-1 bead whose lengths stray less than this (in standard deviations) agrees
    share: float = 0.6  # of the shorter text's sentences in agreeing 1-1 beads: the texts are parallel
    anchored_share: float = 0.7  # of the beads with anchors (on either side), those that share one
    min_shared: int = 2  # beads sharing an anchor at the least (lengths alone say too little)
    # ... or, when fewer share one (a long text whose names are declined or spelt out), this share
    # of the shorter text's sentences in agreeing 1-1 beads with lengths_shared beads sharing one
    lengths_share: float = 0.85
    lengths_shared: int = 3
    min_sentences: int = 3  # shorter texts than this are not told parallel by their shape
    band: int = 12  # sentences off the diagonal the programme looks at, beyond the texts' difference in length
    # an anchor in more than this share of a text's sentences (three at the least) is what the text
    # is about ("Lohan" in a report on Lindsay Lohan): it tells no sentence from another
    frequent_share: float = 0.3
    one_sided: bool = True  # a bead with anchors on one side only counts against the texts
    # read_parallel (whole texts, a translation told apart from another text): the mean |delta| of
    # the pairs, at most.  WMT21 Russian and synthetic Czech originals against English (texts of
    # about as many sentences, aligned without the anchor rules): translations 0.38 (median;
    # 90% under 0.54-0.60), other documents 1.16-1.23 (90% above 0.69-0.78): between the two.
    text_delta: float = 0.65


_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f\u066b\u066c ]\d+)*")  # "۲٬۵۰۰" is 2500 too


def anchors_of(text: str, language: str | None, inside: frozenset[str] | None = None) -> frozenset[str]:
    """Digit numbers (their digits only, in ASCII: "1,500", "1 500" and Persian "۱۵۰۰" are one) and
    the name keys of a statement's names.  A sentence's first word is capitalised whatever it is:
    it counts when ``inside`` (names the article writes inside its sentences) holds it, or, without
    ``inside``, always."""
    out = {
        "#" + "".join(str(unicodedata.decimal(c)) for c in m.group() if c.isdecimal()) for m in _DIGITS.finditer(text)
    }
    raw = words(text)
    names = names_from(raw, language) if inside is None else names_from(raw[1:], language)
    if inside is not None and raw:
        names.extend(n for n in names_from(raw[:1], language) if n in inside)
    for name in names:
        for part in name.split():
            key = name_key(part)
            if key is not None:
                out.add(key)
    return frozenset(out)


def article_anchors(statements: Sequence[str], language: str | None) -> list[frozenset[str]]:
    """:func:`anchors_of` of each statement of one article, its sentences' first words counted when
    the article writes them as names inside a sentence ("Putin said …" / "… said Putin")."""
    inside = frozenset(w for text in statements for w in names_from(words(text)[1:], language))
    return [anchors_of(text, language, inside) for text in statements]


def _telling(
    anchors_a: Sequence[frozenset[str]], anchors_b: Sequence[frozenset[str]], share: float
) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """The anchors without those in more than ``share`` of either text's sentences (and three)."""
    frequent: set[str] = set()
    for side in (anchors_a, anchors_b):
        counts: dict[str, int] = {}
        for anchors in side:
            for t in anchors:
                counts[t] = counts.get(t, 0) + 1
        bar = max(3.0, share * len(side))
        frequent.update(t for t, c in counts.items() if c > bar)
    if not frequent:
        return list(anchors_a), list(anchors_b)
    return [a - frequent for a in anchors_a], [b - frequent for b in anchors_b]


def _delta(la: int, lb: int, ratio: float, variance: float) -> float:
    """Gale and Church's delta: how far a sentence pair's lengths stray from the texts' ratio, in
    standard deviations."""
    mean = (la + lb / ratio) / 2.0
    return (lb - la * ratio) / math.sqrt(max(mean, 1.0) * variance)


def _tail(delta: float) -> float:
    """-log of the two-sided normal tail beyond |delta| (floored)."""
    p = math.erfc(abs(delta) / math.sqrt(2.0))
    return -math.log(max(p, 1e-12))


def parallel_pairs(
    lengths_a: Sequence[int],
    lengths_b: Sequence[int],
    anchors_a: Sequence[frozenset[str]],
    anchors_b: Sequence[frozenset[str]],
    params: ParallelParams | None = None,
) -> list[tuple[int, int]]:
    """Sentence pairs (index in a, index in b) of two texts that read as parallel by their shape;
    none when they do not."""
    p = params or ParallelParams()
    n, m = len(lengths_a), len(lengths_b)
    if min(n, m) < p.min_sentences:
        return []
    if 2 * min(n, m) < max(n, m):
        return []  # a translation has about as many sentences
    anchors_a, anchors_b = _telling(anchors_a, anchors_b, p.frequent_share)
    if len(frozenset().union(*anchors_a) & frozenset().union(*anchors_b)) < p.min_shared:
        return []  # too few anchors in common for the beads to share them (and the cost of the programme saved)
    total_a, total_b = sum(lengths_a), sum(lengths_b)
    if not total_a or not total_b:
        return []
    ratio = total_b / total_a

    def delta(la: int, lb: int) -> float:
        return _delta(la, lb, ratio, p.variance)

    def anchor_cost(a: frozenset[str], b: frozenset[str]) -> float:
        if not a and not b:
            return 0.0
        shared = len(a & b)
        return -p.anchor_reward * shared + p.anchor_penalty * min(len(a ^ b), 4)

    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    moves = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
    width = p.band + abs(n - m)
    for i in range(n + 1):
        centre = i * m // n
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj in moves:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                if di == 0 or dj == 0:
                    step = p.one_none
                else:
                    la, lb = sum(lengths_a[i:a]), sum(lengths_b[j:b])
                    prior = p.one_one if di == dj == 1 else p.one_two
                    left = frozenset().union(*anchors_a[i:a])
                    right = frozenset().union(*anchors_b[j:b])
                    step = prior + _tail(delta(la, lb)) + anchor_cost(left, right)
                if here + step < cost[a][b]:
                    cost[a][b] = here + step
                    back[a][b] = (di, dj)
    if cost[n][m] == inf:
        return []  # out of the band (cannot happen with the band's width, but never loop)
    beads: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((i - di, di, j - dj, dj))
        i, j = i - di, j - dj
    beads.reverse()
    agreeing = anchored = sharing = 0
    pairs: list[tuple[int, int]] = []
    for i, di, j, dj in beads:
        if not di or not dj:
            continue
        left = frozenset().union(*anchors_a[i : i + di])
        right = frozenset().union(*anchors_b[j : j + dj])
        if (left and right) or (p.one_sided and (left or right)):
            anchored += 1
            sharing += bool(left & right)
        if di == dj == 1:
            if abs(delta(lengths_a[i], lengths_b[j])) < p.good_delta:
                agreeing += 1
            pairs.append((i, j))
        elif di == 2:  # the longer of the two sentences is the single one's closer counterpart
            pairs.append((i if lengths_a[i] >= lengths_a[i + 1] else i + 1, j))
        else:
            pairs.append((i, j if lengths_b[j] >= lengths_b[j + 1] else j + 1))
    if agreeing < p.share * min(n, m):
        return []
    if sharing < p.min_shared:
        return []
    if sharing < p.anchored_share * anchored and (agreeing < p.lengths_share * min(n, m) or sharing < p.lengths_shared):
        return []
    return pairs


@dataclass(frozen=True, slots=True)
class TextProfile:
    """What :func:`parallel_pairs` reads of a whole text: its sentences' lengths and anchors.  For
    names across the vowel line (:func:`~newsprism.nlp.translit.skeletons`): a text written in
    Hebrew, the Arabic script or an Indic script (``skeletal``) has the long consonant skeletons of each sentence's
    words (``skeletons``); another text its name keys, each with the skeletons it may be written
    with (``spelt``)."""

    lengths: tuple[int, ...]
    anchors: tuple[frozenset[str], ...]
    skeletal: bool = False
    skeletons: tuple[frozenset[str], ...] = ()
    spelt: tuple[tuple[str, frozenset[str]], ...] = ()


def text_profile(text: str, language: str | None) -> TextProfile:
    """The :class:`TextProfile` of an article's text, cut into sentences by the language's splitter."""
    return statements_profile([s.text for s in split_sentences(text, language=language)], language)


def statements_profile(sentences: Sequence[str], language: str | None) -> TextProfile:
    """The :class:`TextProfile` of an article's sentences (or statements), in order."""
    lengths, anchors = tuple(len(s) for s in sentences), tuple(article_anchors(sentences, language))
    raw = [words(s) for s in sentences]
    lettered = [w for ws in raw for w in ws if not w[0].isdigit()]
    if lettered and 2 * sum(1 for w in lettered if skeletal(w)) > len(lettered):
        long = tuple(
            frozenset(
                {k for w in ws for k in word_skeletons(w) if len(k) >= MIN_SKELETON}
                | {k for w in ws for k in written_sounds(w)}
            )
            for ws in raw
        )  # and the short names Hangul and the Indic scripts write with their vowels ("푸틴": btn/AE)
        return TextProfile(lengths, anchors, skeletal=True, skeletons=long)
    spelt: dict[str, frozenset[str]] = {}
    for ws in raw:
        for name in names_from(ws, language):
            for part in name.split():
                key = name_key(part)
                if key is not None and key not in spelt:
                    variants = frozenset(k for k in skeletons(part) if len(k) >= MIN_SKELETON) | short_name_sounds(part)
                    if variants:
                        spelt[key] = variants
    return TextProfile(lengths, anchors, spelt=tuple(sorted(spelt.items())))


def across_vowels(a: TextProfile, b: TextProfile) -> tuple[TextProfile, TextProfile]:
    """Both profiles with the names of the one written across the vowel line anchored in the
    other (:func:`_across_vowels`); unchanged unless exactly one is written in such a script."""
    return _across_vowels(a, b), _across_vowels(b, a)


def _across_vowels(a: TextProfile, b: TextProfile) -> TextProfile:
    """``a``, when written in a script without capitals and ``b`` not, with each name key of ``b`` added to the
    sentences of ``a`` that write one of its skeletons ("Khabarovsk" to the sentence with
    "חברובסק"): its names anchor as the other's do.  Its other words add nothing (they are not
    known to be names)."""
    if not a.skeletal or b.skeletal or not b.spelt:
        return a
    anchors = [set(x) for x in a.anchors]
    for key, variants in b.spelt:
        for i, found in enumerate(a.skeletons):
            if not variants.isdisjoint(found):
                anchors[i].add(key)
    return TextProfile(a.lengths, tuple(map(frozenset, anchors)), a.skeletal, a.skeletons, a.spelt)


# letters languages swap in one name ("Izrael" / "Israel", "Libanon" / "Lebanon", "Kanada" / "Canada")
_SWAPS = frozenset({frozenset("sz"), frozenset("ei"), frozenset("ae"), frozenset("ck")})


def _near(a: str, b: str) -> bool:
    """Two name keys of five letters with the same first letter and one pair of letters that
    languages swap ("izrae" / "israe", "liban" / "leban"; not "obama" / "osama"), or a four-letter
    key the start of the other ("siri" / "siria"): a language's own spelling of one name."""
    if not a or not b or a[0] != b[0]:
        return False
    if len(a) == len(b) == 5:
        diff = [frozenset((x, y)) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and diff[0] in _SWAPS
    return len(a) != len(b) and min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))


def _spelt_alike(a: TextProfile, b: TextProfile) -> TextProfile:
    """``a`` with each name key that ``b`` lacks read as the one key of ``b`` it is near
    (:func:`_near`) that ``a`` lacks, so that two texts' spellings of one name anchor together.
    Digit numbers are left as they are."""
    mine = {k for anchors in a.anchors for k in anchors if not k.startswith("#")}
    theirs = {k for anchors in b.anchors for k in anchors if not k.startswith("#")}
    free = theirs - mine
    same: dict[str, str] = {}
    for key in mine - theirs:
        near = [k for k in free if _near(key, k)]
        if len(near) == 1:
            same[key] = near[0]
    if not same:
        return a
    return TextProfile(a.lengths, tuple(frozenset(same.get(k, k) for k in anchors) for anchors in a.anchors))


def read_parallel(a: TextProfile, b: TextProfile, params: ParallelParams | None = None) -> bool:
    """Whether two whole texts read as parallel: :func:`parallel_pairs`, and their paired sentences'
    lengths agreeing closely on average (``text_delta``), a decision about whole texts that a
    sentence alignment's looser bar for pairs would make for texts that only look alike.  A name
    key of one text a letter from the other's counts as that key (:func:`_near`: "Izrael" and
    "Israel", "Libanon" and "Lebanon")."""
    p = params or ParallelParams()
    a, b = across_vowels(a, b)
    a = _spelt_alike(a, b)
    pairs = parallel_pairs(a.lengths, b.lengths, a.anchors, b.anchors, p)
    if not pairs:
        return False
    ratio = sum(b.lengths) / sum(a.lengths)
    total = sum(abs(_delta(a.lengths[i], b.lengths[j], ratio, p.variance)) for i, j in pairs)
    return total / len(pairs) <= p.text_delta
