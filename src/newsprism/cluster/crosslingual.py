"""Cross-language linking: dense vectors of articles and stories, and translation detection.

Lexical evidence cannot link a Russian report to an English one.  When a store holds several
languages, each article also has a dense multilingual vector of its title and lead
(:mod:`newsprism.represent.dense`).  :class:`DenseIndex` keeps those vectors for the active
articles and a vector sum per story, and answers two questions for an incoming article:

- *Which story in another language reports the same event?* (:meth:`best_story`): the highest
  cosine with a story's mean vector among stories with no own reporting in the incoming article's
  language (those are found lexically); the clusterer joins it when lexical evidence found nothing
  and the cosine clears ``link_threshold`` with a margin over the runner-up.  The names the two
  carry, compared across scripts (:func:`names_in_common`), can lower that bar to
  ``link_threshold - named_discount`` or refuse the join: see :class:`DenseParams`.
- *Is it a translation of a stored article?* (:meth:`translation_of`): the most similar article in
  another language, when the cosine clears ``translation_threshold`` and the two have the same shape: about
  the same number of paragraphs, each about the same share of the text, and mostly the same numbers
  written with digits (a translation keeps them; an independent report in another language does
  not).  With equal paragraph counts the shares decide when they are very close or far apart; the
  digits decide in between and when the shares are unknown, more strictly when the paragraph
  counts differ or no number is shared.  Very close shares over enough
  paragraphs also let a somewhat lower cosine (``close_shape_threshold``) count: a title and lead
  translated freely can drift in meaning while the text keeps its build.

An encoder reads only some languages (the bundled one 16; ``DenseParams.languages``).  An article
in a language it does not read has a zero vector: it links to nothing by meaning.  Its translations
are still found, by what a translation keeps whatever the language (:meth:`translation_by_names`):
the names, read across spellings and scripts (:func:`~newsprism.nlp.translit.name_key`), the
numbers written with digits, and the shape.  When too few names agree (declined, or another
language's form of a place: "Izrael", "Moskva"), the clusterer can read the two texts themselves:
a translation keeps its original's sentences in order, each about as long relative to the text,
with the same numbers and names in the same places (:func:`~newsprism.nlp.parallel.read_parallel`,
Gale and Church's alignment); the few candidates sharing names or numbers are checked so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..nlp.tokenize import is_year_token
from ..nlp.translit import MIN_SKELETON, abjad, indic, name_key, skeletal, skeletons, transliterated, word_skeletons
from ..represent.base import ArticleFeatures
from ..represent.dense import reads

__all__ = [
    "SKELETAL_LANGUAGES",
    "DenseIndex",
    "DenseParams",
    "SignatureIndex",
    "SkeletonView",
    "SkeletonViews",
    "close_shape",
    "names_in_common",
    "names_shared",
    "reads",
    "same_shape",
    "shape_distance",
    "signature",
    "signature_dice",
    "skeletal_article",
    "skeleton_view",
    "skeletons_matched",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class DenseParams:
    # cosine (title + lead) to join a story in another language: the best F1 of true links, one
    # original at a time, on WMT21 (bench/multilingual_bench.py; 0.45: 11 of 61 links right, 0.6: 7 of 13;
    # with the names rule below, 0.6: 11 of 15)
    link_threshold: float = 0.6
    margin: float = 0.03  # the best story must beat the runner-up by this much
    # Names compared across scripts (nlp.translit keys).  The meaning of a title and lead reads two
    # reports of another parade or contract alike; their names do not.  Set on the WMT21 probe of
    # bench/multilingual_bench.py (14 true links: few, see docs/multilingual.md):
    # - a story within `named_discount` under link_threshold (0.5 at the default 0.6; it follows a
    #   link_threshold set for another encoder) joins when at least `named_min_common` names agree;
    named_discount: float = 0.1
    named_min_common: int = 3
    # - an article with at least this many name keys, none of them in the story, does not join it
    #   on its meaning alone (0: this rule off; names_refuse_unshared below refuses from one key)
    names_refuse_from: int = 4
    # - and with names compared in the same script too (name keys: Latin, Cyrillic and Greek names;
    #   a Japanese or Chinese article has its Latin words and the English names of the places it
    #   names): an article that names something does not join a story that names other things
    #   only, on its meaning alone (a Japanese rocket launch in Hokkaido and a Russian one at
    #   Baikonur read alike; every true link of the WMT21 probe shares 3 names or more)
    names_refuse_unshared: bool = True

    @property
    def named_floor(self) -> float:
        """The lowest cosine at which names in common can confirm a join across languages."""
        return self.link_threshold - max(0.0, self.named_discount)

    # an article joined across languages with nothing to read it against is split off when its
    # first translation reads as another event below this probability (clearly apart: half the
    # join threshold's default, not tuned)
    unread_split_probability: float = 0.25
    translation_threshold: float = 0.45
    close_shape_threshold: float = 0.40  # a lower cosine is enough when the paragraph shares match closely
    paragraph_ratio: float = 0.75  # translations keep the paragraphs ...
    digits_overlap: float = 0.6  # ... and the numbers written with digits
    # ... and each paragraph's share of the text: with the same number of paragraphs, an L1
    # distance of the shares this small is a translation even when its digits differ (dates and
    # numbers written another way), and this large is not one even when they agree
    shape_close: float = 0.2
    shape_far: float = 0.45
    shape_min_paragraphs: int = 4  # fewer paragraphs than this: the shares say too little
    shape_min_spread: float = 0.2  # shares this close to equal (L1 from uniform) say too little too
    # The languages the encoder reads (None: all).  An article in another language gets a zero
    # vector, and its translations are found by names and numbers (translation_by_names): the Dice
    # overlap of the two articles' name keys and digit numbers must reach `names_dice` (0: never),
    # with at least `names_min_common` of them in common and the shape of a translation.  Set on
    # MEANTIME es/it/nl and WMT21 ru/ja with the encoder told to read English only
    # (bench/multilingual_bench.py --encoder-languages en): 0.25 / 0.3 / 0.35 found 112 / 109 / 105
    # of 116 Russian originals, 360 of 360 MEANTIME translations at each, no wrong original.
    languages: frozenset[str] | None = None
    names_dice: float = 0.3
    names_min_common: int = 3
    # Below that bar, the texts themselves: the candidates sharing at least `parallel_min_common`
    # entries and the shape of a translation, the `parallel_candidates` most overlapping of them,
    # are checked for parallel sentences (nlp/parallel.py; 0: never).  Not tuned: two is the
    # alignment's own least number of sentences sharing an anchor, three candidates a bound on cost.
    parallel_candidates: int = 3
    parallel_min_common: int = 2


def signature(f: ArticleFeatures) -> Counter[str]:
    """What a translation keeps of an article in any language: its name keys (once each; name
    tokens read across spellings and scripts) and its numbers written with digits (as often as
    they occur).  Year tokens (``y2020``) have no name key: they count among the digits."""
    out: Counter[str] = Counter(["d:" + d for d in f.digits])
    for k in map(_entry_of_name, f.names):
        if k is not None:
            out[k] = 1
    return out


@lru_cache(maxsize=65536)
def _entry_of_name(token: str) -> str | None:
    key = name_key(token)  # None for year tokens: digits are no letters
    return None if key is None else "n:" + key


def signature_dice(a: Counter[str], b: Counter[str]) -> tuple[float, int]:
    """Dice overlap of two signatures (multisets) and how many entries they share."""
    total = a.total() + b.total()
    if not total:
        return 0.0, 0
    common = (a & b).total()
    return 2.0 * common / total, common


def names_in_common(article: Iterable[str], story: Iterable[str]) -> tuple[int, int, list[str]]:
    """Names compared across scripts: the article's Cyrillic or Greek name tokens against the
    story's Latin ones, and its Latin ones against the story's Cyrillic or Greek ones, by
    :func:`~newsprism.nlp.translit.name_key`.  (Names in one script are lexical evidence, which
    the clusterer has weighed already.)  Returns how many distinct keys of the article were
    compared, how many keys the story has in the scripts compared with, and the story's tokens
    that share a key with the article (the first by key, keys in order).  Year tokens (``y2020``)
    are not names here."""
    art = _keys_by_script(article)
    if not (art[True] or art[False]):
        return 0, 0, []
    sto = _keys_by_script(story)
    compared = {**(art[True] if sto[False] else {}), **(art[False] if sto[True] else {})}
    against = {**(sto[False] if art[True] else {}), **(sto[True] if art[False] else {})}
    common = {k: against[k] for k in compared.keys() & against.keys()}
    return len(compared), len(against), [common[k] for k in sorted(common)]


def names_shared(article: Iterable[str], story: Iterable[str]) -> tuple[bool, bool, bool]:
    """Names compared in every script (:func:`~newsprism.nlp.translit.name_key`): does the
    article name something, does the story, and do they share a name?  Year tokens are not names."""
    art, sto = _keys_by_script(article), _keys_by_script(story)
    a, s = art[True].keys() | art[False].keys(), sto[True].keys() | sto[False].keys()
    return bool(a), bool(s), not a.isdisjoint(s)


def _keys_by_script(tokens: Iterable[str]) -> dict[bool, dict[str, str]]:
    """Name keys -> first token, for tokens written in Cyrillic/Greek (True) and in Latin (False)."""
    out: dict[bool, dict[str, str]] = {True: {}, False: {}}
    for t in tokens:
        if not is_year_token(t):
            k = name_key(t)
            if k is not None:
                out[transliterated(t)].setdefault(k, t)
    return out


@dataclass(frozen=True, slots=True)
class SkeletonView:
    """What an article offers to be matched across the vowel line: for an article written in
    Hebrew, the Arabic script or an Indic script (``skeletal``) the long skeletons of its words; for
    another, each of its names as the set of its long skeletons (``names``)."""

    skeletal: bool
    words: frozenset[str] = frozenset()
    names: tuple[frozenset[str], ...] = ()


# languages written in Hebrew or the Arabic script, and in Indic scripts (no capitals tell their names)
ABJAD_LANGUAGES = frozenset({"he", "yi", "ar", "fa", "ur", "ps", "ckb", "sd", "ug", "lad"})
INDIC_LANGUAGES = frozenset(
    {"hi", "mr", "ne", "sa", "mai", "bho", "bn", "as", "pa", "gu", "or", "ta", "te", "kn", "ml"}
)
# (not Korean: its lexical features are character bigrams, not words whose consonants name anyone;
# Hangul words are read by their consonants in comparisons, nlp.translit.hangul_skeletons)
SKELETAL_LANGUAGES = ABJAD_LANGUAGES | INDIC_LANGUAGES


# languages whose scripts have no capitals, read by no consonant skeleton here either (their lexical
# features are character bigrams): their Latin name keys are a few stray words
_UNCASED = frozenset({"ko", "ja", "zh"})


def skeletal_article(f: ArticleFeatures) -> bool:
    """Is the article written in Hebrew, the Arabic script or an Indic script?  By its language,
    else (language unknown) by most of its title and body words."""
    if f.language is not None:
        return f.language in SKELETAL_LANGUAGES
    terms = [t for t in f.body if not t.isdigit()]
    return bool(terms) and 2 * sum(1 for t in terms if abjad(t) or indic(t)) > len(terms)


def skeleton_view(f: ArticleFeatures) -> SkeletonView:
    """The :class:`SkeletonView` of an article (:func:`skeletal_article`)."""
    if skeletal_article(f):
        terms = [t for t in f.body if not t.isdigit()]
        found = {k for t in terms for k in word_skeletons(t) if len(k) >= MIN_SKELETON}
        return SkeletonView(True, words=frozenset(found))
    groups = {}
    for t in f.names:
        if is_year_token(t) or skeletal(t):
            continue
        variants = frozenset(k for k in skeletons(t) if len(k) >= MIN_SKELETON)
        if variants:
            groups.setdefault(min(variants), variants)
    return SkeletonView(False, names=tuple(groups[k] for k in sorted(groups)))


def skeletons_matched(a: SkeletonView, b: SkeletonView) -> int:
    """How many names of the one article are among the words of the other, when one of them is
    written in a script without capitals (:func:`skeletal_article`) and the other not (else 0)."""
    if a.skeletal == b.skeletal:
        return 0
    words, names = (a.words, b.names) if a.skeletal else (b.words, a.names)
    return sum(1 for variants in names if not variants.isdisjoint(words))


def shape_distance(a: ArticleFeatures, b: ArticleFeatures) -> float | None:
    """L1 distance of the two articles' paragraph shares, when both have the same number of
    paragraphs (at least three) and their shares are known; else None."""
    if len(a.shape) != len(b.shape) or len(a.shape) < 3 or a.paragraphs != b.paragraphs:
        return None
    return sum(abs(x - y) for x, y in zip(a.shape, b.shape, strict=True))


def _spread(shape: tuple[float, ...]) -> float:
    """L1 distance of paragraph shares from equal shares: how much the shares can tell."""
    return sum(abs(x - 1.0 / len(shape)) for x in shape) if shape else 0.0


def close_shape(a: ArticleFeatures, b: ArticleFeatures, p: DenseParams) -> bool:
    """The strong form of :func:`same_shape`: as many paragraphs (enough of them, not all of about
    one length), each about the same share of the text."""
    distance = shape_distance(a, b)
    return (
        distance is not None
        and distance <= p.shape_close
        and a.paragraphs >= p.shape_min_paragraphs
        and min(_spread(a.shape), _spread(b.shape)) >= p.shape_min_spread
    )


def same_shape(a: ArticleFeatures, b: ArticleFeatures, p: DenseParams) -> bool:
    """Do two articles have the shape of a text and its translation?"""
    if close_shape(a, b, p):
        return True
    distance = shape_distance(a, b)
    if distance is not None and distance > p.shape_far:
        return False
    moved = 0  # paragraphs merged or split between the two
    if a.paragraphs and b.paragraphs:
        ratio = min(a.paragraphs, b.paragraphs) / max(a.paragraphs, b.paragraphs)
        moved = abs(a.paragraphs - b.paragraphs)
        if ratio < p.paragraph_ratio and moved > 1:
            return False
    da, db = Counter(a.digits), Counter(b.digits)
    na, nb = sum(da.values()), sum(db.values())
    common = sum((da & db).values())
    # numbers of more than one significant digit (a "1" or "3" is in common by chance: scores,
    # counts, 10, 300)
    telling_a, telling_b = {d for d in da if len(d) > 1}, {d for d in db if len(d) > 1}
    unshared = (na + nb and not common) or (telling_a and telling_b and telling_a.isdisjoint(telling_b))
    if unshared and (moved or distance is None or distance > p.shape_close):
        # numbers written in digits, none in common (none of the telling ones when both sides
        # have some): only the same build, closely, can still show a translation
        return False
    if na + nb >= 4 and 2 * common / (na + nb) < p.digits_overlap:
        # one side may write most numbers in words (五, "five"): then its few digits must all be
        # in the other side; with the build changed, that needs more than one number and no more
        # than one paragraph merged or split (two outlets' reports of one day share a number or two)
        # (and one of the shared numbers must be telling: a side whose only digits are "1" or "5"
        # shows nothing; on the development data's 951 translation pairs no true one needs it)
        small, large = min(na, nb), max(na, nb)
        words = small >= 1 and small <= large / 2 and common / small >= 0.8 and not telling_a.isdisjoint(telling_b)
        if not words or moved > 1 or (moved and common < 2):
            return False
    return True


class SkeletonViews:
    """Articles' :class:`SkeletonView` s and, per side of the vowel line, each skeleton to the
    articles that offer it (a skeletal article's words, another's names' spellings).  Ids of dropped
    articles leave the postings at :meth:`compact`."""

    def __init__(self) -> None:
        self._views: dict[int, SkeletonView] = {}
        self._postings: dict[bool, dict[str, list[int]]] = {True: {}, False: {}}

    def __contains__(self, article_id: int) -> bool:
        return article_id in self._views

    def __iter__(self) -> Iterator[int]:
        return iter(self._views)

    def get(self, article_id: int) -> SkeletonView | None:
        return self._views.get(article_id)

    def post(self, article_id: int, view: SkeletonView) -> None:
        self._views[article_id] = view
        postings = self._postings[view.skeletal]
        for key in view.words.union(*view.names):
            postings.setdefault(key, []).append(article_id)

    def drop(self, article_id: int) -> None:
        self._views.pop(article_id, None)

    def compact(self, live: Container[int]) -> None:
        self._postings = {
            side: {k: kept for k, ids in postings.items() if (kept := [a for a in ids if a in live])}
            for side, postings in self._postings.items()
        }

    def across(self, view: SkeletonView, limit: int) -> list[int]:
        """The articles on the other side of the vowel line from ``view`` sharing a skeleton with
        it (ascending id); a skeleton held by more than ``limit`` articles proposes none."""
        postings = self._postings[not view.skeletal]
        found: set[int] = set()
        for key in view.words.union(*view.names):
            ids = postings.get(key)
            if ids is not None and len(ids) <= limit:
                found.update(ids)
        return sorted(a for a in found if a in self._views)

    def matched(self, view: SkeletonView, article_id: int) -> int:
        """:func:`skeletons_matched` of ``view`` and an article's view."""
        return skeletons_matched(view, self._views[article_id])


_MAX_POSTING = 2_000  # articles sharing one signature entry, at most, for it to propose candidates
_MAX_POSTING_UNENCODED = 64  # the same, for an article of a stream's main language left unencoded


class SignatureIndex:
    """Active articles by the entries of their :func:`signature` (name keys and digit numbers),
    per language.

    In a stream mostly in one language, most articles are not encoded (``OnlineClusterer``'s main
    language): this index tells which of them an article in another language could translate or
    report the same event as, so that only those are encoded, and which arrivals meet an article
    in another language at all.  Postings are kept per language, so that an article of the main
    language is checked against the few in other languages only.  An entry held by more than
    ``max_posting`` articles (a common number, a country) proposes nothing."""

    def __init__(self, max_posting: int = 500) -> None:
        self.max_posting = max_posting
        self._language: dict[int, str | None] = {}
        self._keys: dict[int, tuple[str, ...]] = {}
        self._df: Counter[str] = Counter()  # indexed articles holding each entry
        self._postings: dict[str | None, dict[str, list[int]]] = {}  # language -> entry -> articles
        self._nameless: set[int] = set()  # articles with no name key (Chinese, Japanese ...): numbers must do
        self._forgotten = 0
        # skeleton views (names across the vowel line), from track_views on (the first Hebrew or
        # Arabic-script article): a stream without one pays nothing
        self._views: SkeletonViews | None = None

    @property
    def tracks_views(self) -> bool:
        return self._views is not None

    def track_views(self, items: Iterable[tuple[int, ArticleFeatures]]) -> None:
        """Post the :class:`SkeletonView` of indexed articles (and of every article added from now on)."""
        if self._views is None:
            self._views = SkeletonViews()
        for article_id, features in items:
            if article_id in self._language and article_id not in self._views:
                self._views.post(article_id, skeleton_view(features))

    def __contains__(self, article_id: int) -> bool:
        return article_id in self._language

    def add(self, article_id: int, features: ArticleFeatures, sig: Counter[str] | None = None) -> None:
        if article_id in self._language:
            return
        self._language[article_id] = features.language
        keys = self._keys[article_id] = tuple(signature(features) if sig is None else sig)
        self._df.update(keys)
        postings = self._postings.setdefault(features.language, {})
        for key in keys:
            postings.setdefault(key, []).append(article_id)
        if not any(key.startswith("n:") for key in keys):
            self._nameless.add(article_id)
        if self._views is not None:
            self._views.post(article_id, skeleton_view(features))

    def remove(self, article_ids: Iterable[int]) -> None:
        """Forget articles (their ids leave the postings when the forgotten outnumber the indexed)."""
        for aid in article_ids:
            if aid in self._language:
                del self._language[aid]
                self._df.subtract(self._keys.pop(aid))
                self._nameless.discard(aid)
                if self._views is not None:
                    self._views.drop(aid)
                self._forgotten += 1
        if self._forgotten > max(1024, len(self._language)):
            live = self._language
            self._postings = {
                language: {k: kept for k, ids in postings.items() if (kept := [a for a in ids if a in live])}
                for language, postings in self._postings.items()
            }
            if self._views is not None:
                self._views.compact(live)
            self._df = +self._df
            self._forgotten = 0

    def meeting(
        self, features: ArticleFeatures, min_weight: float, sig: Counter[str] | None = None
    ) -> list[tuple[int, float]]:
        """Indexed articles in another language than ``features`` whose signature entries in
        common with it weigh at least ``min_weight``: ``(article id, weight)``, heaviest first,
        then by id.  An entry weighs its inverse document frequency among the indexed articles,
        ``ln((n + 1) / (df + 1))``: a small number or a country held by many weighs little, a
        rare name or figure much (three entries each held by 1 article in 60 weigh 12.3).  At
        least one of the entries must be a name, unless the indexed article has none (Chinese or
        Japanese text): numbers alone meet by chance too often.  Two articles also meet, whatever
        the weight, when at least 3 entries and half of their distinct entries (Dice) are in
        common."""
        language = features.language
        others = [postings for lang, postings in self._postings.items() if lang != language]
        if not others:
            return []
        n = len(self._language)
        weight: dict[int, float] = {}
        shared: Counter[int] = Counter()
        named: set[int] = set()
        keys = signature(features) if sig is None else sig
        for postings in others:  # few articles in other languages: look the keys up there first
            for key in keys:
                ids = postings.get(key)
                if not ids:
                    continue
                df = self._df[key]
                if df > self.max_posting:
                    continue
                w = math.log((n + 1) / (df + 1))
                for aid in ids:
                    weight[aid] = weight.get(aid, 0.0) + w
                shared.update(ids)
                if key.startswith("n:"):
                    named.update(ids)
        # names matched by their consonants across the vowel line: two of them meet, each
        # weighing as rare as the matches are few
        views = self._views
        if views is not None:
            view = skeleton_view(features)
            live = [a for a in views.across(view, self.max_posting) if self._language.get(a) != language]
            matched = {aid: m for aid in live if (m := views.matched(view, aid)) >= 2}
            each = math.log((n + 1) / (len(live) + 1))
            for aid, m in matched.items():
                weight[aid] = weight.get(aid, 0.0) + m * each
                named.add(aid)
        size = len(keys)
        out = [
            (aid, w)
            for aid, w in weight.items()
            if aid in self._language
            and (
                (w >= min_weight and (aid in named or aid in self._nameless))
                # or most of both signatures in common, however common the entries (a short report
                # and its translation: Apple, Intel, MacBook, PowerBook)
                or (shared[aid] >= 3 and 2 * shared[aid] >= (size + len(self._keys[aid])) / 2)
            )
        ]
        out.sort(key=lambda x: (-x[1], x[0]))
        return out


@dataclass(slots=True)
class _StoryVec:
    total: np.ndarray
    count: int = 0
    languages: Counter[str] = field(default_factory=Counter)


class DenseIndex:
    def __init__(self, dim: int, params: DenseParams | None = None) -> None:
        self.dim = dim
        self.params = params or DenseParams()
        self._rows = np.zeros((256, dim), dtype=np.float32)
        self._row_of: dict[int, int] = {}
        self._ids: list[int] = []  # article id per row (-1: removed)
        self._lang: list[str | None] = []
        self._feats: dict[int, ArticleFeatures] = {}
        self._stories: dict[int, _StoryVec] = {}
        # articles by signature entry, for translation_by_names (ids of dropped articles linger
        # until the entry is next read)
        self._signatures: dict[int, Counter[str]] = {}
        self._postings: dict[str | None, dict[str, list[int]]] = {}  # language -> entry -> articles
        self._unread = 0  # indexed articles in languages the encoder does not read
        self._nameless: dict[int, list[int]] = {}  # paragraphs -> articles with no name key (dropped lazily)
        # skeleton views (names across the vowel line), kept from the first article in Hebrew, the
        # Arabic or an Indic script on: a skeletal article's words, another's name skeletons, each to its articles
        self._views: SkeletonViews | None = None

    def __contains__(self, article_id: int) -> bool:
        return article_id in self._row_of

    def has_story(self, story_id: int) -> bool:
        return story_id in self._stories

    def add(
        self,
        article_id: int,
        story_id: int,
        vector: np.ndarray,
        features: ArticleFeatures,
        *,
        evidence: bool = True,
        sig: Counter[str] | None = None,
    ) -> None:
        """Index an article's vector; ``evidence`` False for copies and translations (their
        language does not make the story reachable lexically in that language)."""
        if article_id in self._row_of:
            return
        row = len(self._ids)
        if row >= len(self._rows):
            grown = np.zeros((2 * len(self._rows), self.dim), dtype=np.float32)
            grown[:row] = self._rows[:row]
            self._rows = grown
        read = reads(self.params.languages, features.language)
        self._rows[row] = vector if read else 0.0  # a vector of text the encoder cannot read says nothing
        self._row_of[article_id] = row
        self._ids.append(article_id)
        self._lang.append(features.language)
        self._feats[article_id] = features
        self._unread += not read
        sig = self._signatures[article_id] = signature(features) if sig is None else sig
        postings = self._postings.setdefault(features.language, {})
        for key in sig:
            postings.setdefault(key, []).append(article_id)
        if features.paragraphs >= self.params.shape_min_paragraphs and (
            not any(k.startswith("n:") for k in sig) or skeletal_article(features) or features.language in _UNCASED
        ):  # no name keys, or names mostly without capitals (a Hindi or Korean report naming "NHL.com")
            self._nameless.setdefault(features.paragraphs, []).append(article_id)
        self._index_view(article_id, features)
        self.add_to_story(story_id, article_id, evidence=evidence)

    def _index_view(self, article_id: int, features: ArticleFeatures) -> None:
        """Post an article's :class:`SkeletonView`; none are kept until the first skeletal article
        comes (then every indexed article's view is posted): a stream without one pays nothing."""
        if self._views is None:
            if not skeletal_article(features):
                return
            self._ensure_views()
        else:
            self._views.post(article_id, skeleton_view(features))

    def _ensure_views(self) -> None:
        """Post the view of every indexed article (the first skeletal article came)."""
        if self._views is None:
            self._views = SkeletonViews()
            for aid in self._row_of:
                self._views.post(aid, skeleton_view(self._feats[aid]))

    def shaped_like(self, features: ArticleFeatures) -> bool:
        """Is an indexed article without name keys (Chinese, Japanese, Hebrew ...), in another language,
        built like this one (:func:`close_shape`) and sharing a number with it (or, written in a script
        without capitals, a name by its consonants)?  With no name to
        meet by, an article of a stream's main language can still show that it may translate one."""
        digits = set(features.digits)
        mine: SkeletonView | None = None
        for aid in self._nameless.get(features.paragraphs, ()):
            g = self._feats.get(aid)
            if g is None or g.language == features.language or not close_shape(g, features, self.params):
                continue
            if not digits.isdisjoint(g.digits):
                return True
            # or, for an article in Hebrew, the Arabic or an Indic script, a name written with its consonants
            theirs = self._views.get(aid) if self._views is not None else None
            if theirs is not None and theirs.skeletal:
                mine = skeleton_view(features) if mine is None else mine
                if skeletons_matched(theirs, mine):
                    return True
        return False

    def add_to_story(self, story_id: int, article_id: int, *, evidence: bool = True) -> None:
        row = self._row_of.get(article_id)
        if row is None:
            return
        sv = self._stories.get(story_id)
        if sv is None:
            sv = self._stories[story_id] = _StoryVec(np.zeros(self.dim, dtype=np.float64))
        sv.total += self._rows[row]
        sv.count += 1
        if evidence:
            sv.languages[self._lang[row] or "?"] += 1

    def forget_story(self, story_id: int) -> None:
        self._stories.pop(story_id, None)

    def rebuild_story(self, story_id: int, article_ids: list[int], copies: set[int] | None = None) -> None:
        """Recompute a story's vector from its members (after a split or merge)."""
        self._stories.pop(story_id, None)
        copies = copies or set()
        for aid in sorted(article_ids):
            self.add_to_story(story_id, aid, evidence=aid not in copies)

    def drop_story(self, story_id: int, article_ids: list[int]) -> None:
        """Forget a retired story and its articles' rows (compacted once most rows are gone, so
        memory and the cost of a lookup follow the active articles, not all articles ever seen)."""
        self._stories.pop(story_id, None)
        for aid in article_ids:
            row = self._row_of.pop(aid, None)
            if row is not None:
                self._ids[row] = -1
                self._rows[row] = 0.0
                self._feats.pop(aid, None)
                self._signatures.pop(aid, None)
                if self._views is not None:
                    self._views.drop(aid)
                self._unread -= not reads(self.params.languages, self._lang[row])
        if len(self._ids) >= 1024 and len(self._row_of) < len(self._ids) // 2:
            self._compact()

    def _compact(self) -> None:
        """Drop removed rows, keeping the others in order (ties in a lookup resolve the same)."""
        keep = [row for row, aid in enumerate(self._ids) if aid >= 0]
        rows = np.zeros((max(256, 2 * len(keep)), self.dim), dtype=np.float32)
        rows[: len(keep)] = self._rows[keep]
        self._rows = rows
        self._ids = [self._ids[row] for row in keep]
        self._lang = [self._lang[row] for row in keep]
        self._row_of = {aid: row for row, aid in enumerate(self._ids)}
        live = self._row_of
        self._nameless = {n: kept for n, ids in self._nameless.items() if (kept := [a for a in ids if a in live])}
        self._postings = {
            language: {k: kept for k, ids in postings.items() if (kept := [a for a in ids if a in live])}
            for language, postings in self._postings.items()
        }
        if self._views is not None:
            self._views.compact(live)

    def __len__(self) -> int:
        """Rows held, removed ones included until the next compaction."""
        return len(self._ids)

    def vector(self, article_id: int) -> np.ndarray | None:
        row = self._row_of.get(article_id)
        return None if row is None else self._rows[row]

    def best_story(
        self, vector: np.ndarray, language: str | None, exclude: set[int], floor: float | None = None
    ) -> tuple[int, float] | None:
        """The closest story (story id, cosine) among those with no reporting (other than copies
        and translations) in ``language``, when its cosine reaches ``floor`` (default
        ``link_threshold``) with the margin over the runner-up."""
        scored: list[tuple[float, int]] = []
        for sid in sorted(self._stories):
            sv = self._stories[sid]
            if sid in exclude or not sv.count or (language and sv.languages.get(language)):
                continue  # a story with reporting in this language is found lexically
            norm = float(np.linalg.norm(sv.total))
            if norm:
                scored.append((float(sv.total @ vector) / norm, sid))
        if not scored:
            return None
        scored.sort(key=lambda x: (-x[0], x[1]))
        best, sid = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else -1.0
        p = self.params
        if best < (p.link_threshold if floor is None else floor) or best - runner_up < p.margin:
            return None
        return sid, best

    def features_of(self, article_id: int) -> ArticleFeatures | None:
        return self._feats.get(article_id)

    def language_of(self, article_id: int) -> str | None:
        row = self._row_of.get(article_id)
        return None if row is None else self._lang[row]

    def translation_of(
        self, vector: np.ndarray, features: ArticleFeatures, roots: Mapping[int, int] | None = None
    ) -> tuple[int, float, float] | None:
        """A stored article in another language that this one translates: (article id, cosine,
        the cosine threshold of the rule that accepted it).  ``roots`` maps copies and
        translations to their original: an article is not taken for a translation of a copy whose
        original is in its own language."""
        n = len(self._ids)
        if not n:
            return None
        sims = self._rows[:n] @ vector
        order = np.argsort(-sims, kind="stable")
        p = self.params
        floor = min(p.translation_threshold, p.close_shape_threshold)
        checked = 0  # the five most similar articles in *other* languages are examined
        for row in order:
            aid = self._ids[int(row)]
            cos = float(sims[int(row)])
            if cos < floor or checked >= 5:
                break
            if aid < 0 or self._lang[int(row)] == features.language:
                continue
            root = roots.get(aid) if roots else None
            if root is not None and features.language and self.language_of(root) == features.language:
                continue
            checked += 1
            if cos >= p.translation_threshold and same_shape(self._feats[aid], features, p):
                return aid, cos, p.translation_threshold
            if cos >= p.close_shape_threshold and close_shape(self._feats[aid], features, p):
                return aid, cos, p.close_shape_threshold
        return None

    def translation_by_names(
        self,
        features: ArticleFeatures,
        roots: Mapping[int, int] | None = None,
        *,
        encoded: bool = True,
        sig: Counter[str] | None = None,
        parallel: Callable[[int], bool] | None = None,
    ) -> tuple[int, float, float, bool] | None:
        """A stored article in another language that this one translates, found by its names and
        numbers (:func:`signature`) when the encoder does not read one of the two languages, or
        the article was not encoded (``encoded`` False: an article of a stream's main language
        that met nothing in another language): (article id, Dice overlap, ``names_dice``, False).  The
        highest overlap wins (ties: the earliest article); it needs ``names_min_common`` entries
        in common and the shape of a translation (:func:`same_shape`).  Pairs of languages the
        encoder reads, both encoded, are left to :meth:`translation_of`.

        When no article clears that bar, ``parallel`` (does this article's text read as parallel
        with a stored article's?) is asked about the ``parallel_candidates`` most overlapping
        articles with ``parallel_min_common`` entries in common and the shape of a translation:
        the first that reads so is returned as (article id, Dice overlap, 0.0, True): the texts
        decided, not the overlap.  The names' bar is the same with or without ``parallel``."""
        p = self.params
        read = reads(p.languages, features.language) and encoded
        if p.names_dice <= 0 or (read and not self._unread):
            return None
        sig = signature(features) if sig is None else sig
        by_text = parallel is not None and p.parallel_candidates > 0
        least = min(p.names_min_common, p.parallel_min_common) if by_text else p.names_min_common
        # an entry in a great many articles proposes none of them; for an article left unencoded
        # (checked on every arrival of a stream's main language) "many" is fewer
        limit = _MAX_POSTING if encoded else _MAX_POSTING_UNENCODED
        # names matched by their consonants with articles across the vowel line (Hebrew, the Arabic
        # and Indic scripts): each counts as an entry in common, on the skeletal side's only when matched
        if self._views is None and skeletal_article(features):
            self._ensure_views()
        skeletal: dict[int, int] = {}
        views = self._views
        if views is not None:  # else no skeletal article indexed, none arriving: nothing to compute
            view = skeleton_view(features)
            for aid in views.across(view, limit):
                row = self._row_of.get(aid)
                if (
                    row is not None
                    and self._lang[row] != features.language
                    and not (read and reads(p.languages, self._lang[row]))
                    and (n := views.matched(view, aid))
                ):
                    skeletal[aid] = n
        if sig.total() < least and not skeletal:
            return None
        shared: Counter[int] = Counter(skeletal)  # distinct entries in common
        repeats: Counter[int] = Counter()  # with shared: at least the entries in common, with repeats
        for language, postings in self._postings.items():
            if language == features.language or (read and reads(p.languages, language)):
                continue  # only articles in other languages, and unread ones when both are encoded
            for key, count in sig.items():
                ids = postings.get(key)
                if ids is None:
                    continue
                if len(ids) > limit:
                    if len(ids) > _MAX_POSTING:  # drop the articles gone
                        postings[key] = ids = [a for a in ids if a in self._row_of]
                    if len(ids) > limit:
                        continue
                shared.update(ids)
                if count > 1:
                    for aid in ids:
                        repeats[aid] += count - 1
        total = sig.total()
        best: tuple[float, int] | None = None
        below: list[tuple[float, int]] = []  # (-dice, id): candidates for the texts' reading
        for aid in sorted(a for a, n in shared.items() if n >= min(least, len(sig) + skeletal.get(a, 0))):
            if aid not in self._row_of:
                continue
            other = self._signatures[aid]
            matched = skeletal.get(aid, 0)
            # entries in common for the names' bar (a skeletal article's names are not counted before
            # they match, so its short signature does not lower the bar)
            need = p.names_min_common if matched else min(p.names_min_common, len(sig))
            # the names' bar as before the texts were read: enough entries in common, and a Dice
            # that can reach it
            named = shared[aid] >= need and 2.0 * (shared[aid] + repeats[aid]) >= p.names_dice * (
                total + other.total() + matched
            )
            if not named and not by_text:
                continue
            root = roots.get(aid) if roots else None
            if root is not None and features.language and self.language_of(root) == features.language:
                continue
            dice, common = signature_dice(sig, other)
            if matched:  # the skeletal side's names are those matched
                size = total + other.total()
                dice, common = 2.0 * (dice * size / 2.0 + matched) / (size + matched), common + matched
            if named and dice >= p.names_dice and common >= p.names_min_common:
                if same_shape(self._feats[aid], features, p) and (best is None or dice > best[0]):
                    best = (dice, aid)
            elif by_text and common >= p.parallel_min_common:
                below.append((-dice, aid))
        if best is not None:
            return best[1], best[0], p.names_dice, False
        if parallel is not None and below:
            checked = 0  # the most overlapping with a translation's shape, read in that order
            for negative, aid in sorted(below):
                if checked >= p.parallel_candidates:
                    break
                if not same_shape(self._feats[aid], features, p):
                    continue
                checked += 1
                if parallel(aid):
                    return aid, -negative, 0.0, True
        return None
