"""Cross-language linking in the clusterer, with explicit vectors (no model): translations become
copies, independent reports in another language join the story, unrelated ones do not."""

from __future__ import annotations

import zlib
from dataclasses import replace

import numpy as np
import pytest

from newsprism.cluster.crosslingual import DenseIndex, DenseParams, same_shape, shape_distance
from newsprism.cluster.online import OnlineClusterer
from newsprism.model import Article
from newsprism.represent.base import ArticleFeatures
from newsprism.represent.lexical import MAX_SHAPE, LexicalFeaturizer, paragraph_shape


def feats(
    lang: str, words: list[str], paragraphs: int = 5, digits: tuple[str, ...] = ("2021", "19", "90")
) -> ArticleFeatures:
    counts = {w: 1.0 for w in words}
    return ArticleFeatures(
        title=dict(list(counts.items())[:3]),
        body=counts,
        names={},
        minhash=tuple(zlib.crc32(f"{lang}{words}{i}".encode()) + 1 for i in range(64)),  # no near-duplicates
        published=None,
        language=lang,
        version="test",
        paragraphs=paragraphs,
        digits=digits,
    )


def unit(seed: int, near: np.ndarray | None = None, noise: float = 0.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.normal(size=32) if near is None else near + noise * rng.normal(size=32)
    return (v / np.linalg.norm(v)).astype(np.float32)


EN = ["blinken", "lavrov", "meeting", "reykjavik", "arctic"]
RU = ["блинкен", "лавров", "встреча", "рейкьявик", "арктический"]
OTHER = ["flood", "river", "dike", "evacuation", "town"]


def test_same_shape_of_a_text_and_its_translation() -> None:
    p = DenseParams()
    a = feats("en", EN, 6, ("2021", "19", "90", "10"))
    assert same_shape(a, feats("ru", RU, 6, ("2021", "19", "90", "10")), p)
    assert same_shape(a, feats("ja", RU, 6, ("2021",)), p)  # numbers in words on one side
    assert not same_shape(a, feats("ru", RU, 14, ("2021", "19", "90", "10")), p)  # other paragraphs
    assert not same_shape(a, feats("ru", RU, 6, ("1998", "7", "33", "5")), p)  # other numbers
    # numbers in words on one side, its only digit a "1" (1, 10 or 100): in common by chance
    reported = ("1", "12", "1979", "1984", "2", "2")
    assert not same_shape(feats("ru", RU, 6, ("1",)), feats("en", EN, 6, reported), p)
    assert same_shape(feats("ru", RU, 6, ("1984",)), feats("en", EN, 6, reported), p)


def test_a_changed_build_needs_the_numbers_to_agree() -> None:
    """Two outlets' reports of one day (weather, a re-told agency item) can be close in meaning:
    when the paragraphs differ or numbers have no counterpart, the numbers have to show the
    translation (WMT21 originals with their own translation left out, bench link_probe)."""
    p = DenseParams()
    a = feats("ru", RU, 6, ("15",))
    assert not same_shape(a, feats("en", EN, 7, ("46",)), p)  # a paragraph more, no number in common
    assert not same_shape(feats("ru", RU, 6, ()), feats("en", EN, 7, ("15",)), p)  # numbers on one side only
    assert same_shape(a, feats("en", EN, 7, ("15",)), p)  # one paragraph split, the number kept
    # two paragraphs more: the numbers must agree without the allowance for numbers in words
    many = ("10", "15", "17", "2", "22", "24", "26", "26", "26", "5", "7", "750")
    few = ("24", "25", "26", "26", "26", "5")
    assert not same_shape(feats("ru", RU, 6, many), feats("en", EN, 8, few), p)
    assert same_shape(feats("ru", RU, 7, many), feats("en", EN, 8, few), p)  # one split: the allowance holds
    # ... but not on a single shared number: two reports of one parade both give the 40 new ships
    assert not same_shape(feats("ru", RU, 7, ("40",)), feats("en", EN, 6, ("26", "26", "40", "40")), p)
    assert same_shape(feats("ru", RU, 6, ("40",)), feats("en", EN, 6, ("26", "26", "40", "40")), p)  # same build
    # as many paragraphs, numbers on one side only: the shares must be close
    shares = (0.1, 0.3, 0.2, 0.25, 0.15, 0.0)
    b = replace(feats("ja", RU, 6, ("25", "25", "27")), shape=shares)
    assert not same_shape(b, feats("en", EN, 6, ()), p)  # shares unknown
    assert not same_shape(b, replace(feats("en", EN, 6, ()), shape=(0.3, 0.1, 0.1, 0.15, 0.15, 0.2)), p)
    assert same_shape(b, replace(feats("en", EN, 6, ()), shape=(0.12, 0.28, 0.2, 0.25, 0.15, 0.0)), p)
    between = (0.2, 0.25, 0.15, 0.2, 0.15, 0.05)  # L1 0.3: neither close nor far apart
    assert not same_shape(b, replace(feats("en", EN, 6, ()), shape=between), p)
    assert same_shape(b, replace(feats("en", EN, 6, ("25", "27")), shape=between), p)  # a number shared


def test_paragraph_shape_is_each_paragraphs_share_of_the_text() -> None:
    shape = paragraph_shape(["a" * 10, "b" * 30, "c" * 60])
    assert shape == (0.1, 0.3, 0.6)
    assert paragraph_shape([]) == ()
    assert paragraph_shape(["x"] * (MAX_SHAPE + 1)) == ()  # too many to keep
    text = "One short line.\n\n  A second, longer paragraph here.  \n"
    article = Article(external_id="a", title="T", text=text, content_hash="h")
    features = LexicalFeaturizer().features(article)
    assert features.paragraphs == 2 and len(features.shape) == 2 and features.shape[0] < features.shape[1]
    # features stored before the shape existed read back without it
    old = features.to_json()
    del old["s"]
    assert ArticleFeatures.from_json(old).shape == ()
    assert ArticleFeatures.from_json(features.to_json()) == features


def test_paragraph_shares_decide_when_close_or_far_apart() -> None:
    p = DenseParams()
    en = replace(feats("en", EN, 5, ("2021", "19", "90", "10")), shape=(0.1, 0.3, 0.2, 0.25, 0.15))
    alike = (0.12, 0.28, 0.21, 0.24, 0.15)  # L1 0.06: a translation
    unlike = (0.4, 0.05, 0.05, 0.1, 0.4)  # L1 1.0: not one
    other_digits = ("18", "760", "000", "7")  # dates and numbers written another way
    assert shape_distance(en, replace(en, shape=alike)) == pytest.approx(0.06)
    assert same_shape(en, replace(feats("ja", RU, 5, other_digits), shape=alike), p)
    assert not same_shape(en, replace(feats("ja", RU, 5, other_digits), shape=unlike), p)
    assert not same_shape(en, replace(feats("ru", RU, 5, en.digits), shape=unlike), p)  # digits agree, shares do not
    assert same_shape(en, replace(feats("ru", RU, 5, en.digits), shape=(0.2, 0.2, 0.2, 0.2, 0.2)), p)  # between: digits
    # unknown shares (older features) or another paragraph count: the digits rule alone
    assert not same_shape(en, feats("ja", RU, 5, other_digits), p)
    assert shape_distance(en, replace(feats("ja", RU, 6), shape=(*alike, 0.0))) is None
    # paragraphs all of about one length: close shares are too common to overrule the digits
    even = replace(en, shape=(0.2, 0.2, 0.2, 0.2, 0.2))
    assert not same_shape(even, replace(feats("ja", RU, 5, other_digits), shape=(0.21, 0.19, 0.2, 0.2, 0.2)), p)
    # with three paragraphs, close shares are too common to overrule the digits
    three = replace(en, paragraphs=3, shape=(0.2, 0.5, 0.3))
    assert not same_shape(three, replace(feats("ja", RU, 3, other_digits), shape=(0.21, 0.49, 0.3)), p)


def test_close_paragraph_shares_let_a_lower_cosine_count() -> None:
    p = DenseParams()
    shares = (0.1, 0.3, 0.2, 0.25, 0.15)
    base = unit(1)
    between = (p.close_shape_threshold + p.translation_threshold) / 2
    # a vector at exactly ``between`` cosine from ``base``
    other = unit(5)
    other = other - float(other @ base) * base
    other /= np.linalg.norm(other)
    original = (between * base + np.sqrt(1 - between**2) * other).astype(np.float32)
    newcomer = replace(feats("ja", RU), shape=shares)

    index = DenseIndex(32, p)
    index.add(1, 1, original, replace(feats("en", EN), shape=(0.11, 0.29, 0.2, 0.25, 0.15)))
    hit = index.translation_of(base, newcomer)
    assert hit is not None and hit[0] == 1 and hit[1] == pytest.approx(between, abs=1e-5)
    assert hit[2] == p.close_shape_threshold  # the rule that accepted it, for the explanation

    index = DenseIndex(32, p)  # the same cosine with the digits rule only: not enough
    index.add(1, 1, original, feats("en", EN))
    assert index.translation_of(base, newcomer) is None


def test_retired_rows_are_compacted_and_lookups_unchanged() -> None:
    index = DenseIndex(32, DenseParams())
    base = unit(1)
    for k in range(1, 2001):  # 2,000 articles in 200 stories; the last story holds the original
        if k == 2000:
            index.add(k, 199, unit(2, base, 0.05), feats("en", EN))
            continue
        away = unit(10_000 + k)
        away = away - float(away @ base) * base  # unrelated: orthogonal to the newcomer
        index.add(k, (k - 1) // 10, (away / np.linalg.norm(away)).astype(np.float32), feats("de", OTHER))
    before = index.translation_of(base, feats("ru", RU))
    assert before is not None and before[0] == 2000
    for story in range(0, 150):  # retire three stories in four
        index.drop_story(story, list(range(story * 10 + 1, story * 10 + 11)))
    assert len(index) < 2000  # compacted
    assert index.translation_of(base, feats("ru", RU)) == before
    assert index.vector(2000) is not None and index.vector(5) is None
    index.add(3000, 300, unit(3000), feats("en", EN))  # still takes new rows
    assert index.vector(3000) is not None


def test_not_a_translation_of_a_copy_whose_original_is_in_its_own_language() -> None:
    """A Russian report near an English translation of another Russian report is not that
    report's translation (it would be a translation of a Russian text into Russian)."""
    index = DenseIndex(32, DenseParams())
    base = unit(1)
    index.add(1, 1, unit(2, base, 0.6), feats("ru", RU))  # a Russian original, far
    index.add(2, 1, unit(3, base, 0.05), feats("en", EN), evidence=False)  # its English translation, close
    assert index.translation_of(base, feats("ru", RU), roots={2: 1}) is None
    hit = index.translation_of(base, feats("ru", RU))
    assert hit is not None and hit[0] == 2  # without the roots it would be taken


def test_translation_found_behind_many_closer_articles_in_its_own_language() -> None:
    """Articles in the newcomer's own language never use up the places examined for a
    translation: the original is found even when six same-language reports are closer."""
    index = DenseIndex(32, DenseParams())
    base = unit(1)
    index.add(1, 1, unit(2, base, 0.4), feats("en", EN))  # the original, less similar
    for k in range(6):  # Russian reports of the event, each closer to the newcomer than the original
        index.add(10 + k, 1, unit(20 + k, base, 0.05), feats("ru", RU, 5, ("1998", "7", "33", "5")))
    hit = index.translation_of(base, feats("ru", RU))
    assert hit is not None and hit[0] == 1
    # an English article of another shape is examined and rejected: no translation
    other = DenseIndex(32, DenseParams())
    other.add(1, 1, unit(2, base, 0.4), feats("en", EN, 14))
    assert other.translation_of(base, feats("ru", RU)) is None


def test_translation_independent_report_and_unrelated() -> None:
    cl = OnlineClusterer()
    base = unit(1)
    first = cl.assign(1, feats("en", EN), base)
    translation = cl.assign(2, feats("ru", RU), unit(2, base, 0.05))
    assert translation.story_id == first.story_id
    assert (translation.copy_of, translation.relation) == (1, "translation")
    independent = cl.assign(3, feats("de", ["treffen", "blinken"], 14, ("3", "44")), unit(3, base, 0.15))
    assert independent.story_id == first.story_id and independent.copy_of is None
    assert independent.explanation.note.startswith("across languages")
    unrelated = cl.assign(4, feats("fr", OTHER), unit(4))
    assert unrelated.new_story


@pytest.mark.parametrize("conflict", ["years", "time"])
def test_no_join_across_languages_when_years_or_dates_disagree(conflict: str) -> None:
    """The same meaning in another language is not enough when the mentioned years differ or the
    article was published far outside the story's dates: another fire, another parade."""
    day = 86400.0
    en = replace(feats("en", EN), names={"y2008": 1.0}, published=0.0)
    cl = OnlineClusterer()
    base = unit(1)
    first = cl.assign(1, en, base)
    names, published = ({"y2020": 1.0}, 1 * day) if conflict == "years" else ({"y2008": 1.0}, 30 * day)
    de = replace(feats("de", ["treffen", "blinken"], 14, ("3", "44")), names=names, published=published)
    other = cl.assign(2, de, unit(3, base, 0.15))
    assert other.new_story and other.story_id != first.story_id
    # the same report within the story's time and years joins it
    ok = replace(de, names={"y2008": 1.0}, published=1 * day)
    cl2 = OnlineClusterer()
    cl2.assign(1, en, base)
    assert cl2.assign(2, ok, unit(3, base, 0.15)).explanation.note.startswith("across languages")


@pytest.mark.parametrize(("mentions", "joins"), [(1, True), (2, False)])
def test_only_a_year_the_story_is_about_keeps_a_report_out(mentions: int, joins: bool) -> None:
    """A year one report of three recalls in passing (last year's parade) is not what the story is
    about; a year most of its reports give is (WMT21 Navy Day: the 2020 report was kept out of its
    story because one English report mentioned 2018 and another 2019)."""
    base = unit(1)
    cl = OnlineClusterer()
    story = None
    for i in range(3):
        names = {"y2019": 1.0} if i < mentions else {}
        d = cl.assign(i + 1, replace(feats("en", [*EN, f"w{i}"]), names=names), unit(10 + i, base, 0.05))
        story = story or d.story_id
        assert d.story_id == story  # one English story
    ru = replace(feats("ru", RU, 14, ("3", "44")), names={"y2020": 1.0})
    decision = cl.assign(4, ru, unit(3, base, 0.15))
    assert (decision.story_id == story) is joins


def test_without_vectors_languages_stay_apart() -> None:
    cl = OnlineClusterer()
    first = cl.assign(1, feats("en", EN))
    other = cl.assign(2, feats("ru", RU))
    assert other.new_story and other.story_id != first.story_id


def test_a_story_with_own_reporting_in_a_language_is_found_lexically_not_densely() -> None:
    cl = OnlineClusterer()
    base = unit(1)
    cl.assign(1, feats("en", EN), base)
    # an English article on another subject whose vector happens to be close: no dense join
    other = cl.assign(2, feats("en", OTHER), unit(2, base, 0.05))
    assert other.new_story


def test_a_story_translated_into_a_language_is_read_in_it_before_a_dense_join() -> None:
    """A Russian report with an English translation: an English report of *another* event whose
    title and lead mean about the same does not join on meaning alone (it is read against the
    translation, and reads as another event); an English report of the same event does join."""
    base = unit(1)
    stories = []
    for words in (["flood", "river", "dike", "evacuation", "lavrov"], [*EN, "talks", "ministers"]):
        cl = OnlineClusterer()
        ru = cl.assign(1, feats("ru", RU), base)
        en_translation = cl.assign(2, feats("en", EN, digits=("2021", "19", "90")), unit(2, base, 0.05))
        assert en_translation.relation == "translation" and en_translation.story_id == ru.story_id
        report = cl.assign(3, feats("en", words, 14, ("7",)), unit(3, base, 0.15))
        stories.append((report, ru.story_id))
    (other, home), (same, home2) = stories
    assert other.new_story and other.story_id != home
    assert f"story {home} means about the same across languages, but reads as another event" in (
        other.explanation.note or ""
    )
    assert same.story_id == home2 and not same.new_story and same.copy_of is None
    assert "its translation into en reads as the same event" in (same.explanation.note or "")


def _joined_then_translated(translation_words: list[str]) -> tuple[OnlineClusterer, list[object]]:
    """An English report; a Russian report joins it across languages (nothing in Russian to read
    it against); then the Russian report's English translation arrives."""
    cl = OnlineClusterer()
    base = unit(1)
    ru_vector = unit(2, base, 0.15)
    decisions = [
        cl.assign(1, feats("en", EN), base),
        cl.assign(2, feats("ru", ["наводнение", "река", "дамба"], 9, ("7", "8")), ru_vector),
        cl.assign(3, feats("en", translation_words, 9, ("7", "8")), unit(3, ru_vector, 0.05)),
    ]
    return cl, decisions


def test_a_translation_that_reads_as_another_event_splits_a_cross_language_join() -> None:
    cl, (en, ru, translation) = _joined_then_translated(OTHER)
    assert ru.story_id == en.story_id and ru.explanation.note.startswith("across languages")  # type: ignore[attr-defined]
    assert translation.copy_of == 2 and translation.relation == "translation"  # type: ignore[attr-defined]
    (repair,) = cl.take_repairs()
    assert repair.kind == "split" and repair.from_story == en.story_id  # type: ignore[attr-defined]
    assert repair.articles == (2, 3)  # the Russian report and its translation; the first article stays
    assert "reads as another event" in repair.note
    assert cl.story_size(en.story_id) == 1 and cl.story_size(repair.to_story) == 2  # type: ignore[attr-defined]


def test_a_translation_that_reads_as_the_same_event_keeps_the_join() -> None:
    cl, (en, ru, translation) = _joined_then_translated([*EN, "talks"])
    assert ru.story_id == en.story_id == translation.story_id  # type: ignore[attr-defined]
    assert cl.take_repairs() == []


def test_a_later_translation_does_not_undo_a_join_made_by_reading_the_first() -> None:
    """English report; its Russian translation; a Russian report joins by reading that
    translation; a second, freer Russian translation of the English report changes nothing."""
    cl = OnlineClusterer()
    base = unit(1)
    en = cl.assign(1, feats("en", EN), base)
    first = cl.assign(2, feats("ru", RU), unit(2, base, 0.05))
    assert first.relation == "translation"
    report = cl.assign(3, feats("ru", [*RU, "переговоры"], 9, ("7", "8")), unit(3, base, 0.15))
    assert report.story_id == en.story_id and "reads as the same event" in (report.explanation.note or "")
    second = cl.assign(4, feats("ru", ["совсем", "другие", "слова", "перевода", "лавров"]), unit(4, base, 0.05))
    assert second.relation == "translation" and second.story_id == en.story_id
    assert cl.take_repairs() == []


def test_reports_that_cannot_be_read_in_the_translations_language_are_not_moved() -> None:
    """Russian report; a German report and an English report of another event join across
    languages; the English translation of the Russian report cannot read the German one: no split."""
    cl = OnlineClusterer()
    base = unit(1)
    ru = cl.assign(1, feats("ru", RU), base)
    de = cl.assign(2, feats("de", ["treffen", "blinken", "lawrow"], 9, ("3", "44")), unit(2, base, 0.15))
    en = cl.assign(3, feats("en", OTHER, 11, ("5", "6")), unit(3, base, 0.15))
    assert ru.story_id == de.story_id == en.story_id
    translation = cl.assign(4, feats("en", EN), unit(4, base, 0.05))
    assert translation.copy_of == 1
    assert cl.take_repairs() == []


def _restored_after(items: list[tuple[int, ArticleFeatures, np.ndarray]], k: int) -> OnlineClusterer:
    """A clusterer restored, as from the store, after the first ``k`` of ``items`` were placed."""
    from newsprism.cluster.base import Member

    first = OnlineClusterer()
    decisions = [first.assign(a, f, v) for a, f, v in items[:k]]
    restored = OnlineClusterer()
    restored.df.restore(first.df.take_dirty(), first.df.n, [])
    restored.restore(
        [
            Member(a, d.story_id, f, d.copy_of, first.state_of(a).get("norms"), vector=v)  # type: ignore[arg-type]
            for (a, f, v), d in zip(items[:k], decisions, strict=True)
        ],
        next_story_id=max(d.story_id for d in decisions) + 1,
        seen=k,
    )
    return restored


@pytest.mark.parametrize("k", [1, 2])
def test_restore_before_the_translation_split_is_exact(k: int) -> None:
    base = unit(1)
    ru_vector = unit(2, base, 0.15)
    items = [
        (1, feats("en", EN), base),
        (2, feats("ru", ["наводнение", "река", "дамба"], 9, ("7", "8")), ru_vector),
        (3, feats("en", OTHER, 9, ("7", "8")), unit(3, ru_vector, 0.05)),
        (4, feats("ru", ["наводнение", "река", "дамба", "спасатели"], 9, ("7", "9")), unit(4, ru_vector, 0.1)),
    ]
    whole = OnlineClusterer()
    run = []
    for a, f, v in items:
        run.append(whole.assign(a, f, v))
        run.append(whole.take_repairs())
    restored = _restored_after(items, k)
    rest = []
    for a, f, v in items[k:]:
        rest.append(restored.assign(a, f, v))
        rest.append(restored.take_repairs())
    assert rest == run[2 * k :]
    assert any(run[5])  # the split happened (after the translation, article 3)


@pytest.mark.parametrize("k", [1, 2, 3, 5, 6])
def test_restore_with_vectors_is_exact(k: int) -> None:
    base = unit(1)
    items = [
        (1, feats("en", EN), base),
        (2, feats("ru", RU), unit(2, base, 0.05)),
        (3, feats("de", ["treffen", "blinken"], 14, ("3", "44")), unit(3, base, 0.15)),
        (4, feats("fr", OTHER), unit(4)),
        (5, replace(feats("ru", RU), digits=("2021", "19", "90")), unit(5, base, 0.05)),
        (6, feats("ru", ["наводнение", "река", "дамба"], 9, ("7", "8")), unit(6, base, 0.15)),  # read in ru
        (7, feats("ru", [*RU, "переговоры"], 9, ("7", "8")), unit(7, base, 0.15)),
    ]
    whole = OnlineClusterer()
    run = [whole.assign(a, f, v) for a, f, v in items]
    restored = _restored_after(items, k)
    assert [restored.assign(a, f, v) for a, f, v in items[k:]] == run[k:]
    assert run[5].new_story and "translation into ru reads" in (run[6].explanation.note or "")


def at_cosine(base: np.ndarray, cosine: float, seed: int) -> np.ndarray:
    """A unit vector at exactly this cosine to ``base`` (a unit vector)."""
    rng = np.random.default_rng(seed)
    other = rng.normal(size=base.shape)
    other -= (other @ base) * base
    other /= np.linalg.norm(other)
    return (cosine * base + np.sqrt(1.0 - cosine**2) * other).astype(np.float32)


PARADE_EN = {"putin": 2.0, "kronstadt": 1.0, "shoigu": 1.0, "baltic": 1.0, "sevastopol": 1.0}


def _parade_story() -> tuple[OnlineClusterer, int, np.ndarray]:
    cl = OnlineClusterer()
    base = unit(1)
    first = cl.assign(1, replace(feats("en", ["parade", "navy", "fleet", "ships", "review"]), names=PARADE_EN), base)
    return cl, first.story_id, base


@pytest.mark.parametrize(
    ("names", "joins"),
    [
        ({"путин": 1.0, "кронштадте": 1.0, "шойгу": 1.0, "парад": 1.0}, True),  # three names in common
        ({"путин": 1.0, "медведев": 1.0, "владивосток": 1.0}, False),  # one
        ({}, False),  # none to compare
    ],
)
def test_names_in_common_across_scripts_let_a_closer_meaning_count(names: dict[str, float], joins: bool) -> None:
    """Under link_threshold (0.6), a title and lead this close (0.55) join only when the names,
    read across scripts, agree: the same parade names Путин, Кронштадт and Шойгу."""
    cl, story, base = _parade_story()
    report = replace(feats("ru", RU, 14, ("3", "44")), names=names)
    decision = cl.assign(2, report, at_cosine(base, 0.55, 7))
    assert (decision.story_id == story) is joins
    if joins:
        assert decision.copy_of is None
        assert "names in common: kronstadt, putin, shoigu" in decision.explanation.note
        assert decision.explanation.threshold == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("names", "joins"),
    [
        ({"медведев": 1.0, "владивосток": 1.0, "камчатка": 1.0, "хабаровск": 1.0}, False),  # four, none shared
        ({"медведев": 1.0, "владивосток": 1.0, "камчатка": 1.0, "кронштадт": 1.0}, True),  # one shared
        ({"медведев": 1.0, "владивосток": 1.0, "камчатка": 1.0}, False),  # three, none shared
        ({}, True),  # naming nothing: the meaning decides
    ],
)
def test_an_article_naming_nothing_the_story_names_does_not_join_on_meaning(
    names: dict[str, float], joins: bool
) -> None:
    """Above link_threshold (0.7), a report naming people and places the story never names
    reports something else (another region's figures, another player's contract)."""
    cl, story, base = _parade_story()
    report = replace(feats("ru", RU, 14, ("3", "44")), names=names)
    decision = cl.assign(2, report, at_cosine(base, 0.7, 7))
    assert (decision.story_id == story) is joins


@pytest.mark.parametrize(
    ("names", "refuse", "joins"),
    [
        ({"hokkaido": 1.0, "shizuoka": 1.0, "momo": 1.0}, True, False),  # another launch, other places
        ({"hokkaido": 1.0, "kronstadt": 1.0}, True, True),  # a name shared in the same script
        ({"hokkaido": 1.0, "shizuoka": 1.0, "momo": 1.0}, False, True),  # the rule off: the meaning decides
    ],
)
def test_names_in_the_same_script_are_compared_before_a_join_on_meaning(
    names: dict[str, float], refuse: bool, joins: bool
) -> None:
    """A Japanese report's names are the Latin words it writes and the English names of the places
    it names: compared with an English story's, in the same script (DenseParams.names_refuse_unshared)."""
    cl = OnlineClusterer(dense_params=DenseParams(names_refuse_unshared=refuse))
    base = unit(1)
    story = cl.assign(1, replace(feats("en", ["parade", "navy", "fleet", "ships", "review"]), names=PARADE_EN), base)
    report = replace(feats("ja", ["ロケット", "打ち上げ", "延期"], 14, ("3", "44")), names=names)
    assert (cl.assign(2, report, at_cosine(base, 0.7, 7)).story_id == story.story_id) is joins


def test_names_of_a_storys_translations_are_compared() -> None:
    """A Japanese story has almost no name tokens; its English translation's names are read."""
    cl = OnlineClusterer()
    base = unit(1)
    ja = cl.assign(1, feats("ja", ["祭り", "相馬", "野馬追"], 5, ("2021", "19", "90")), base)
    names = {"soma": 1.0, "nomaoi": 1.0, "fukushima": 1.0}
    translation = cl.assign(2, replace(feats("en", ["festival", "horses"], 5, ("2021", "19", "90")), names=names), base)
    assert translation.relation == "translation" and translation.story_id == ja.story_id
    ru = replace(feats("ru", RU, 14, ("3", "44")), names={"сома": 1.0, "номаои": 1.0, "фукусима": 1.0})
    assert cl.assign(3, ru, at_cosine(base, 0.55, 7)).story_id == ja.story_id
