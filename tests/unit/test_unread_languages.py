"""Languages the encoder does not read: no vector is computed for them, and their translations are
found by names, numbers and shape (``DenseIndex.translation_by_names``)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest

from newsprism.cluster.crosslingual import (
    DenseIndex,
    DenseParams,
    SignatureIndex,
    reads,
    signature,
    signature_dice,
    skeletal_article,
    skeleton_view,
    skeletons_matched,
)
from newsprism.cluster.online import OnlineClusterer
from newsprism.errors import ConfigError
from newsprism.model import Article
from newsprism.nlp.entities import find_entities, named_across_scripts
from newsprism.represent.base import ArticleFeatures
from newsprism.represent.dense import HashingEncoder, read_languages, title_lead_vector
from newsprism.represent.lexical import LexicalFeaturizer

FIXTURE = Path(__file__).parent.parent / "fixtures" / "multilingual" / "unread.jsonl"
ROWS = {r["id"]: r for r in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}


def features(key: str) -> ArticleFeatures:
    r = ROWS[key]
    article = Article(external_id=key, title=r["title"], text=r["text"], content_hash=key, language=r["language"])
    return LexicalFeaturizer().features(article)


def zero() -> np.ndarray:
    return np.zeros(16, dtype=np.float32)


def english_only() -> DenseParams:
    return DenseParams(languages=frozenset({"en"}))


def test_signature_reads_names_across_scripts_and_counts_numbers() -> None:
    en, cs, uk = signature(features("en:flood")), signature(features("cs:flood")), signature(features("uk:flood"))
    for sig in (en, cs, uk):
        assert {"n:vltav", "n:novot", "n:karli", "n:liben", "n:flore"} <= sig.keys()
        assert sig["d:2002"] == 1 and sig["d:25"] == 1  # "2,500" and "2 500": significant digits
        assert sig["d:45"] == 1 and sig["d:4"] == 0  # "4.5" and "4,5": one number
    assert {k for k in en if k.startswith("d:")} == {k for k in cs if k.startswith("d:")}
    dice, common = signature_dice(en, cs)
    assert dice > 0.6 and common >= 10
    assert signature_dice(en, signature(features("cs:storm")))[0] < 0.1
    assert signature_dice(Counter(), Counter()) == (0.0, 0)


def test_reads() -> None:
    assert reads(None, "cs")
    assert reads(frozenset({"en"}), "en") and not reads(frozenset({"en"}), "cs")
    assert reads(frozenset({"en"}), None)  # unknown language: the encoder may know it


def test_a_translation_in_an_unread_language_is_found_by_names_and_numbers() -> None:
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, features("en:flood"))
    index.add(2, 2, np.ones(16, dtype=np.float32) / 4, features("en:budget"))
    hit = index.translation_by_names(features("cs:flood"))
    assert hit is not None and hit[0] == 1 and hit[1] > 0.6 and hit[2] == 0.3
    uk = index.translation_by_names(features("uk:flood"))
    assert uk is not None and uk[0] == 1
    assert index.translation_by_names(features("cs:storm")) is None  # another event entirely
    # the vector of text in a language the encoder does not read says nothing
    index.add(3, 1, np.ones(16, dtype=np.float32) / 4, features("cs:flood"))
    assert not index.vector(3).any()


def test_the_original_in_an_unread_language_is_found_from_its_translation() -> None:
    index = DenseIndex(16, english_only())
    index.add(1, 1, zero(), features("cs:flood"))
    hit = index.translation_by_names(features("en:flood"))
    assert hit is not None and hit[0] == 1


def test_pairs_the_encoder_reads_are_left_to_the_vectors() -> None:
    for params in (DenseParams(), DenseParams(languages=frozenset({"en", "cs", "uk"}))):
        index = DenseIndex(16, params)
        index.add(1, 1, np.ones(16, dtype=np.float32) / 4, features("en:flood"))
        assert index.translation_by_names(features("cs:flood")) is None
    off = DenseIndex(16, DenseParams(languages=frozenset({"en"}), names_dice=0.0))
    off.add(1, 1, np.ones(16, dtype=np.float32) / 4, features("en:flood"))
    assert off.translation_by_names(features("cs:flood")) is None


def test_the_shape_must_be_a_translations() -> None:
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, features("en:flood"))
    cs = features("cs:flood")
    # the same names and numbers, but three times the paragraphs: not a translation
    reshaped = ArticleFeatures(**{**{k: getattr(cs, k) for k in cs.__slots__}, "paragraphs": 3 * cs.paragraphs})
    assert index.translation_by_names(reshaped) is None


def test_dropped_articles_are_not_found() -> None:
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, features("en:flood"))
    index.drop_story(1, [1])
    assert index.translation_by_names(features("cs:flood")) is None


def test_clusterer_marks_the_translation_and_explains_it() -> None:
    cl = OnlineClusterer(dense_params=english_only())
    rng = np.random.default_rng(0)
    vectors = {k: (v := rng.normal(size=16).astype(np.float32)) / np.linalg.norm(v) for k in ROWS}
    decisions = {}
    for i, key in enumerate(["en:flood", "en:budget", "cs:flood", "uk:flood", "cs:storm"], 1):
        f = features(key)
        vector = vectors[key] if f.language == "en" else zero()
        decisions[key] = cl.assign(i, f, vector)
    cs, uk, storm = decisions["cs:flood"], decisions["uk:flood"], decisions["cs:storm"]
    assert (cs.copy_of, cs.relation, cs.story_id) == (1, "translation", decisions["en:flood"].story_id)
    assert (uk.copy_of, uk.relation) == (1, "translation")
    assert "names, numbers and shape" in (cs.explanation.note or "")
    assert cs.explanation.similarity["names_and_numbers"] >= 0.3
    assert storm.copy_of is None and storm.story_id not in {cs.story_id, decisions["en:budget"].story_id}


class _Refusing(HashingEncoder):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if any("Vltavě" in t or "Влтаві" in t for t in texts):
            raise AssertionError("text in a language the encoder does not read was encoded")
        return super().encode(texts)


def test_no_vector_is_computed_for_an_unread_language() -> None:
    enc = _Refusing(dim=16)
    langs = frozenset({"en"})
    r = ROWS["cs:flood"]
    assert not title_lead_vector(enc, langs, r["title"], r["text"], "cs").any()
    r = ROWS["en:flood"]
    assert title_lead_vector(enc, langs, r["title"], r["text"], "en").any()
    assert title_lead_vector(enc, None, r["title"], r["text"], "cs").any()  # None: every language


def test_read_languages_setting() -> None:
    from newsprism.represent.dense import USE_LANGUAGES, USEEncoder

    assert read_languages(USEEncoder()) == USE_LANGUAGES
    assert "cs" not in USE_LANGUAGES and "ru" in USE_LANGUAGES
    assert read_languages(HashingEncoder()) is None  # says nothing: all
    assert read_languages(None) == USE_LANGUAGES  # not built yet: the one the setting names
    assert read_languages(None, "auto", "st:some-model") is None
    assert read_languages(None, "en,de", "st:some-model") == frozenset({"en", "de"})
    assert read_languages(USEEncoder(), "all") is None
    assert read_languages(HashingEncoder(), " EN, de ,ru") == frozenset({"en", "de", "ru"})
    with pytest.raises(ConfigError, match="encoder_languages"):
        read_languages(HashingEncoder(), "en,english")
    with pytest.raises(ConfigError):
        read_languages(HashingEncoder(), ",")


def test_an_english_store_never_builds_the_encoder(tmp_path: Path) -> None:
    """Knowing which languages the encoder reads must not load it: a sentence-transformers model
    named in the settings is loaded only when a second language arrives."""
    from newsprism import Engine, Settings

    settings = Settings.load({"db": str(tmp_path / "st.db"), "workers": 1, "encoder": "st:not-installed"}, env={})
    engine = Engine.open(settings)
    path = tmp_path / "en.jsonl"
    path.write_text("".join(json.dumps(ROWS[k]) + "\n" for k in ("en:flood", "en:budget")), encoding="utf-8")
    assert engine.ingest([str(path)]).ingested == 2
    assert engine._encoder is None
    engine.close()


PARALLEL = Path(__file__).parent.parent / "fixtures" / "multilingual" / "parallel.jsonl"
FERRY = {r["id"]: r for r in map(json.loads, PARALLEL.read_text(encoding="utf-8").splitlines())}


def ferry(key: str) -> ArticleFeatures:
    r = FERRY[key]
    article = Article(external_id=key, title=r["title"], text=r["text"], content_hash=key, language=r["language"])
    return LexicalFeaturizer().features(article)


def ferry_text(article_ids: dict[int, str]) -> Callable[[int], str | None]:
    def text(article_id: int) -> str | None:
        key = article_ids.get(article_id)
        return None if key is None else f"{FERRY[key]['title']}\n\n{FERRY[key]['text']}"

    return text


def test_too_few_names_in_common_leave_the_decision_to_the_texts() -> None:
    """The Czech translation of the ferry report shares three of its names and numbers with the
    English (Dice 0.22, under the bar): only a reading of the two texts can tell."""
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, ferry("en:ferry"))
    cs = ferry("cs:ferry")
    assert signature_dice(signature(ferry("en:ferry")), signature(cs)) < (0.3, 3)
    assert index.translation_by_names(cs) is None
    asked: list[int] = []

    def parallel(article_id: int) -> bool:
        asked.append(article_id)
        return True

    assert index.translation_by_names(cs, parallel=parallel) == (1, pytest.approx(0.222, abs=0.001), 0.0, True)
    assert asked == [1]
    assert index.translation_by_names(cs, parallel=lambda _: False) is None
    off = DenseIndex(16, DenseParams(languages=frozenset({"en"}), parallel_candidates=0))
    off.add(1, 1, np.ones(16, dtype=np.float32) / 4, ferry("en:ferry"))
    assert off.translation_by_names(cs, parallel=parallel) is None and asked == [1]


def test_the_texts_are_read_only_for_the_most_overlapping_candidates_of_a_translations_shape() -> None:
    params = DenseParams(languages=frozenset({"en"}), parallel_candidates=2)
    cs = ferry("cs:ferry")
    en = ferry("en:ferry")

    def like(f: ArticleFeatures, **changes: object) -> ArticleFeatures:
        return ArticleFeatures(**{**{k: getattr(f, k) for k in f.__slots__}, **changes})

    index = DenseIndex(16, params)
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, en)
    # in another unread language, more overlapping than 1 (two names and three numbers, three in
    # common), but not of a translation's shape
    few = {k: v for k, v in en.names.items() if k in ("bratislava", "danube")}
    index.add(2, 2, zero(), like(en, language="de", names=few, paragraphs=3 * cs.paragraphs))
    index.add(3, 3, np.ones(16, dtype=np.float32) / 4, features("en:flood"))  # nothing in common
    index.add(4, 4, np.ones(16, dtype=np.float32) / 4, like(en, digits=("12",)))  # two in common: 12, Bratislava
    index.add(5, 5, np.ones(16, dtype=np.float32) / 4, like(en, digits=()))  # one in common: too few
    index.add(7, 7, np.ones(16, dtype=np.float32) / 4, like(en, digits=("86",)))  # two: as many as 4, later
    asked: list[int] = []

    def never(article_id: int) -> bool:
        asked.append(article_id)
        return False

    assert index.translation_by_names(cs, parallel=never) is None
    assert asked == [1, 4]  # the two most overlapping of a translation's shape (2 has another shape; not 7)
    asked.clear()
    hit = index.translation_by_names(cs, parallel=lambda a: asked.append(a) or a == 4)
    assert hit is not None and hit[0] == 4 and hit[3] and asked == [1, 4]
    # a candidate whose names clear the bar is taken without reading any text
    asked.clear()
    index.add(6, 6, zero(), features("cs:flood"))
    hit = index.translation_by_names(features("en:flood"), parallel=never)
    assert hit is not None and hit[0] == 6 and hit[2] == 0.3 and not hit[3] and asked == []


def test_the_names_bar_is_the_same_whether_texts_can_be_read_or_not() -> None:
    """Asking the texts adds candidates for them only: an overlap that missed the names' bar
    (too few distinct entries in common, however often repeated; entries too frequent to propose
    anything) does not clear it because texts can be read."""
    cs, en = ferry("cs:ferry"), ferry("en:ferry")
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, en, sig=Counter({"n:aaaa": 3, "n:bbbb": 1, "n:xxxx": 1}))
    query = Counter({"n:aaaa": 3, "n:bbbb": 1, "n:cccc": 1})
    assert index.translation_by_names(cs, sig=query) is None
    assert index.translation_by_names(cs, sig=query, parallel=lambda _: False) is None
    frequent = DenseIndex(16, english_only())
    for aid in range(100, 170):  # two entries in more articles than an unencoded arrival may look at
        frequent.add(aid, aid, zero(), cs, sig=Counter({"d:2024": 1, "n:trump": 1}))
    frequent.add(1, 1, zero(), cs, sig=Counter({"d:2024": 1, "n:trump": 1, "n:aaaa": 1, "n:bbbb": 1}))
    query = Counter({"d:2024": 1, "n:trump": 1, "n:aaaa": 1, "n:bbbb": 1, "n:cccc": 1})
    assert frequent.translation_by_names(en, sig=query, encoded=False) is None
    assert frequent.translation_by_names(en, sig=query, encoded=False, parallel=lambda _: False) is None


def test_clusterer_reads_the_texts_of_a_translation_with_declined_names() -> None:
    keys = {1: "en:ferry", 2: "cs:ferry-own", 3: "cs:ferry"}
    rng = np.random.default_rng(1)

    def place(cl: OnlineClusterer) -> dict[str, object]:
        out = {}
        for aid, key in keys.items():
            f = ferry(key)
            vector = rng.normal(size=16).astype(np.float32) if f.language == "en" else zero()
            out[key] = cl.assign(aid, f, vector / max(float(np.linalg.norm(vector)), 1e-9))
        return out

    reading = place(OnlineClusterer(dense_params=english_only(), texts=ferry_text(keys)))
    own, cs = reading["cs:ferry-own"], reading["cs:ferry"]
    assert own.copy_of is None  # the Czech outlet's own report: no translation
    assert (cs.copy_of, cs.relation) == (1, "translation")
    assert "parallel sentences" in (cs.explanation.note or "")
    blind = place(OnlineClusterer(dense_params=english_only()))
    assert blind["cs:ferry"].copy_of is None


def test_engine_gives_the_clusterer_the_texts(tmp_path: Path) -> None:
    from newsprism import Engine, Settings

    settings = Settings.load(
        {"db": str(tmp_path / "p.db"), "workers": 1, "multilingual": "on", "encoder_languages": "en"}, env={}
    )
    engine = Engine(store=Engine.open(settings).store, settings=settings, encoder=HashingEncoder(dim=16))
    for key in ("en:ferry", "cs:ferry"):  # two batches: the English text is read from the store
        path = tmp_path / f"{key[:2]}.jsonl"
        path.write_text(json.dumps({**FERRY[key], "id": key}, ensure_ascii=False) + "\n", encoding="utf-8")
        assert engine.ingest([str(path)]).ingested == 1
    rows = {r.external_id: r for r in engine.export_assignments()}
    assert (rows["cs:ferry"].copy_of_external_id, rows["cs:ferry"].relation) == ("en:ferry", "translation")
    engine.rebuild()  # the whole store placed again: every text from the articles being placed
    rows = {r.external_id: r for r in engine.export_assignments()}
    assert (rows["cs:ferry"].copy_of_external_id, rows["cs:ferry"].relation) == ("en:ferry", "translation")
    engine.close()


def without_digits(f: ArticleFeatures) -> ArticleFeatures:
    """The same article with its numbers written out: only its names can show a translation."""
    return ArticleFeatures(**{**{k: getattr(f, k) for k in f.__slots__}, "digits": ()})


def test_a_hebrew_article_has_the_skeletons_of_its_words_an_english_one_of_its_names() -> None:
    he, en = skeleton_view(features("he:flood")), skeleton_view(features("en:flood"))
    assert skeletal_article(features("he:flood")) and not skeletal_article(features("en:flood"))
    assert he.skeletal and he.words and not he.names
    assert not en.skeletal and en.names and not en.words
    # Vltava, Novotna, Karlin, Holesovice, Libensky: every long name of the English report
    assert skeletons_matched(he, en) == skeletons_matched(en, he) >= 5
    assert skeletons_matched(skeleton_view(features("he:storm")), en) == 0
    assert skeletons_matched(en, en) == 0  # the same side of the vowel line: names compare by keys
    assert signature(features("he:flood")).keys().isdisjoint(k for k in signature(features("en:flood")) if k[0] == "n")


def test_a_hindi_article_is_read_by_its_consonants_too() -> None:
    """Devanagari writes vowels but no capitals: its words are read like Hebrew ones, and the names
    of the English report are found among them (व्लतावा, नोवोत्ना, कार्लिन, होलेशोवित्से, लिबेन्स्की)."""
    hi, en = skeleton_view(features("hi:flood")), skeleton_view(features("en:flood"))
    assert skeletal_article(features("hi:flood")) and hi.skeletal and hi.words and not hi.names
    assert skeletons_matched(hi, en) >= 5
    assert skeletons_matched(skeleton_view(features("he:storm")), en) == 0
    assert skeletons_matched(hi, skeleton_view(features("he:flood"))) == 0  # both without capitals: no names
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, without_digits(features("en:flood")))
    index.add(2, 2, np.ones(16, dtype=np.float32) / 4, without_digits(features("en:budget")))
    hit = index.translation_by_names(without_digits(features("hi:flood")))
    assert hit is not None and hit[0] == 1


def test_a_hebrew_translation_is_found_by_the_consonants_of_its_names() -> None:
    """Without numbers in common, only the names' skeletons tell the translation, in either order."""
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, without_digits(features("en:flood")))
    index.add(2, 2, np.ones(16, dtype=np.float32) / 4, without_digits(features("en:budget")))
    hit = index.translation_by_names(without_digits(features("he:flood")))
    assert hit is not None and hit[0] == 1 and hit[1] >= 0.3
    assert index.translation_by_names(without_digits(features("he:storm"))) is None
    index = DenseIndex(16, english_only())
    index.add(1, 1, zero(), without_digits(features("he:flood")))
    hit = index.translation_by_names(without_digits(features("en:flood")))
    assert hit is not None and hit[0] == 1
    assert index.translation_by_names(without_digits(features("en:budget"))) is None


def test_skeletons_are_kept_only_from_the_first_skeletal_article_on() -> None:
    index = DenseIndex(16, english_only())
    index.add(1, 1, np.ones(16, dtype=np.float32) / 4, features("en:flood"))
    index.add(2, 2, np.ones(16, dtype=np.float32) / 4, features("cs:flood"))
    assert index._views is None  # a stream without Hebrew or Arabic script pays nothing
    index.add(3, 3, zero(), features("he:storm"))
    assert index._views is not None and set(index._views) == {1, 2, 3}  # the earlier ones posted too
    index.drop_story(1, [1])
    assert 1 not in index._views


def test_the_signature_index_meets_across_the_vowel_line_once_told_to() -> None:
    index = SignatureIndex()
    index.add(1, without_digits(features("en:flood")))
    index.add(2, without_digits(features("en:budget")))
    he = without_digits(features("he:flood"))
    assert index.meeting(he, 12.0) == []  # no name key, no number: nothing in common
    index.track_views([(1, without_digits(features("en:flood"))), (2, without_digits(features("en:budget")))])
    assert [aid for aid, _ in index.meeting(he, 0.0)] == [1]
    index.add(3, he)
    assert [aid for aid, _ in index.meeting(without_digits(features("en:flood")), 0.0)] == [3]
    assert index.meeting(without_digits(features("he:storm")), 0.0) == []
    index.remove([1])
    assert index.meeting(he, 0.0) == []


def test_a_hebrew_article_does_not_raise_the_bar_of_other_pairs() -> None:
    """A skeleton match with one candidate leaves the names' bar of the others as it was (found in
    review: one Hebrew article naming "נובוטנה" had hidden the Czech original of a short report)."""
    cs = ArticleFeatures(
        title={}, body={"novotná": 1.0}, names={"novotná": 1.0}, minhash=(1,), published=None, language="cs",
        version="t", paragraphs=1, digits=("45", "45"), shape=(1.0,),
    )  # fmt: skip
    en = ArticleFeatures(**{**{k: getattr(cs, k) for k in cs.__slots__}, "language": "en", "names": {"novotna": 1.0}})
    he = ArticleFeatures(
        **{**{k: getattr(cs, k) for k in cs.__slots__}, "language": "he", "names": {}, "body": {"נובוטנה": 1.0}}
    )
    for extra in ([], [(2, he)]):
        index = DenseIndex(16, english_only())
        index.add(1, 1, zero(), cs)
        for aid, f in extra:
            index.add(aid, aid, zero(), f)
        hit = index.translation_by_names(en)
        assert hit is not None and hit[0] == 1


def test_the_names_of_a_report_are_found_in_its_hebrew_and_hindi_translations() -> None:
    """ "Who is named": the rules find no names in a text without capitals, so a Hebrew or Hindi
    word whose consonants are those of a name the other sources name is a mention of it."""
    texts = {k: ROWS[k]["text"] for k in ("en:flood", "he:flood", "hi:flood", "he:storm")}
    mentions = named_across_scripts({k: find_entities(t, language=k[:2]) for k, t in texts.items()}, texts)
    for key in ("he:flood", "hi:flood"):
        names = {m.name for m in mentions[key]}
        assert {"Jana Novotna", "Vltava", "Karlin", "Holesovice", "Libensky"} <= names, names
        assert all(texts[key][m.start : m.end] == m.text for m in mentions[key])
    assert mentions["he:storm"] == []  # another event: none of those names
    assert mentions["en:flood"] == find_entities(texts["en:flood"], language="en")  # unchanged
    alone = {"he:flood": texts["he:flood"]}
    assert named_across_scripts({"he:flood": []}, alone) == {"he:flood": []}  # no other source


def test_a_comparison_names_who_a_hindi_source_names_where_its_statements_align() -> None:
    from newsprism.compare.comparer import CompareInput, Comparer

    def named(key: str) -> dict[str, dict[str, int]]:
        inputs = [
            CompareInput(article=k, title=ROWS[k]["title"], text=ROWS[k]["text"], language=ROWS[k]["language"])
            for k in ("en:flood", key)
        ]
        return {e.name: e.mentions for e in Comparer().compare(inputs).entities}

    flood = named("hi:flood")
    assert flood["Vltava"] == {"en:flood": 2, "hi:flood": 2} and "hi:flood" in flood["Libensky"]
    # another event aligns with nothing: none of the report's names is found in it
    assert all(set(m) == {"en:flood"} for m in named("he:storm").values())


def test_a_short_name_is_found_in_hangul_and_indic_text_by_its_vowels_too() -> None:
    """Three consonants meet everyday words by chance, so "Putin" (btn) is found in Korean and Hindi
    text only by its skeleton with its vowels (a/o/u, e/i: "AE"), which those scripts write."""
    texts = {
        "en": "President Vladimir Putin met Pompeo in Sochi.",
        "ko": "블라디미르 푸틴 대통령은 소치에서 폼페이오 장관을 만났다.",
        "hi": "राष्ट्रपति व्लादिमीर पुतिन ने सोची में पोम्पियो से मुलाकात की।",
        "other": "부탄의 바탕화면.",  # Bhutan (btn, AA) and a desktop (btn, AA): no Putin
    }
    mentions = named_across_scripts({k: find_entities(t, language=k[:2]) for k, t in texts.items()}, texts)
    for key in ("ko", "hi"):
        names = {m.name for m in mentions[key]}
        assert {"Vladimir Putin", "Pompeo"} <= names, names
    assert mentions["other"] == []
