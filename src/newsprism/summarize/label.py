"""A story's label: a headline a reader can scan, taken from the story's own sources.

The label is the headline of the story's most central article (its title and lead most similar to
all the others'), in English when a headline of the story is (an original's, else a translation's:
English is the default display language), else in the story's main language, with outlet
suffixes ("... | Reuters", "... - BBC News") and trailing punctuation removed, and cut at a word
boundary near 90 characters.  It stays the same as the story grows unless another headline becomes
clearly more central (hysteresis), so readers do not see the story renamed with every new article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..compare.comparer import CompareInput
from ..nlp.tokenize import lead_tokens
from ..represent.tfidf import tfidf_rows

__all__ = [
    "LABEL_LANGUAGE",
    "MAX_LABEL_CHARS",
    "BagKey",
    "LabelCandidate",
    "bag_key",
    "choose_label",
    "clean_headline",
    "label_of_one",
    "pick_label",
]

MAX_LABEL_CHARS = 90
LABEL_LANGUAGE = "en"  # the display language's default: a story with a headline in it is labelled in it
_KEEP_MARGIN = 0.9  # the current label stays while its centrality is within 90% of the best
_SUFFIX = re.compile(r"\s+(?:[|\u2013\u2014-]|::)\s+[^|\u2013\u2014-]{2,40}$")


def clean_headline(title: str, outlet: str | None = None) -> str:
    text = " ".join(title.split())
    m = _SUFFIX.search(text)
    if m and (outlet is None or outlet.lower() in m.group().lower() or len(m.group()) < 30):
        text = text[: m.start()]
    text = text.strip(" .;:,|-")
    if len(text) > MAX_LABEL_CHARS:
        cut = text.rfind(" ", 0, MAX_LABEL_CHARS - 1)
        text = text[: cut if cut > 40 else MAX_LABEL_CHARS - 1].rstrip(" ,;:-") + "\u2026"
    return text


def label_of_one(title: str, outlet: str | None) -> str:
    """The label of a story of one article (what :func:`choose_label` gives for it)."""
    return clean_headline(title, outlet) if title.strip() else "(untitled)"


BagKey = tuple[str, str, str | None, int]


def bag_key(article: str, title: str, language: str | None, text: str) -> BagKey:
    """The key of an article's label tokens in the ``bags`` cache of :func:`choose_label`."""
    return (article, title, language, hash(text))


def _bag(item: CompareInput) -> Counter[str]:
    return lead_tokens(item.title, item.text, item.language)


@dataclass(frozen=True, slots=True)
class LabelCandidate:
    """What choosing a label reads of one article (its text only through its tokens)."""

    article: str  # external id: between equally central headlines the smaller wins
    title: str
    outlet: str | None = None
    language: str | None = None
    is_copy: bool = False


def choose_label(
    inputs: Sequence[CompareInput],
    current: str | None = None,
    bags: MutableMapping[BagKey, Counter[str]] | None = None,
) -> str:
    """The label of a story made of ``inputs``; ``current`` (the label shown so far) is kept while
    its article stays about as central as the best.  ``bags`` caches each article's title-and-lead
    tokens across calls (a growing story is relabelled often); the caller bounds its size."""
    candidates = [LabelCandidate(i.article, i.title, i.outlet, i.language, bool(i.copy_of)) for i in inputs]

    def tokens(k: int) -> Counter[str]:
        item = inputs[k]
        if bags is None:
            return _bag(item)
        key = bag_key(item.article, item.title, item.language, item.text)
        bag = bags.get(key)
        if bag is None:
            bag = bags[key] = _bag(item)
        return bag

    return pick_label(candidates, tokens, current)


def pick_label(
    candidates: Sequence[LabelCandidate], tokens: Callable[[int], Counter[str]], current: str | None = None
) -> str:
    """:func:`choose_label` over candidates whose title-and-lead tokens (:func:`lead_tokens`)
    ``tokens(k)`` gives for ``candidates[k]``; it is asked only for the headlines that compete."""
    titled = [k for k, c in enumerate(candidates) if c.title.strip()]
    items = [k for k in titled if not candidates[k].is_copy] or titled
    if not items:
        return "(untitled)"
    display = [k for k in items if candidates[k].language == LABEL_LANGUAGE] or [
        k
        for k in titled
        if candidates[k].language == LABEL_LANGUAGE  # a translation's headline
    ]
    if display:
        items = display
    else:
        languages = Counter(candidates[k].language for k in items if candidates[k].language)
        main = languages.most_common(1)[0][0] if languages else None
        if main is not None:
            items = [k for k in items if candidates[k].language == main] or items
    chosen = [candidates[k] for k in items]
    if len(chosen) == 1:
        return label_of_one(chosen[0].title, chosen[0].outlet)
    mat = tfidf_rows([tokens(k) for k in items])
    sim = mat @ mat.T
    np.fill_diagonal(sim, 0.0)
    centrality = sim.sum(axis=1) / (len(chosen) - 1)
    # a headline-length title is preferred over a very long first sentence used as a title
    lengths = np.array([len(c.title) for c in chosen])
    centrality = centrality * np.where(lengths > 2 * MAX_LABEL_CHARS, 0.8, 1.0)
    order = sorted(range(len(chosen)), key=lambda k: (-centrality[k], chosen[k].article))
    best = order[0]
    if current:
        for k, item in enumerate(chosen):
            if clean_headline(item.title, item.outlet) == current and centrality[k] >= _KEEP_MARGIN * centrality[best]:
                return current
    return clean_headline(chosen[best].title, chosen[best].outlet)
