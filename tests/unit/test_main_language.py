"""A stream mostly in one language: only the articles that may relate to one in another language
are encoded (``OnlineClusterer.main_language``, ``SignatureIndex``), so the stream keeps its speed."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsprism import Engine, Settings
from newsprism.cluster.crosslingual import SignatureIndex
from newsprism.cluster.online import OnlineClusterer
from newsprism.model import Article
from newsprism.represent.base import ArticleFeatures
from newsprism.represent.dense import HashingEncoder
from newsprism.represent.lexical import LexicalFeaturizer

FIXTURE = Path(__file__).parent.parent / "fixtures" / "multilingual" / "unread.jsonl"
ROWS = {r["id"]: r for r in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}
_SYLLABLES = ["ka", "lo", "mi", "ren", "do", "sa", "vi", "tor", "el", "an", "ro", "bu", "zen", "pa", "qui"]


def filler(k: int) -> dict[str, str]:
    """An English report of its own small event: invented names, its own numbers."""
    rng = random.Random(k)

    def name() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()

    town, person, firm = name(), name(), name()
    return {
        "id": f"en:filler{k}",
        "language": "en",
        "title": f"{person} opens a new {firm} workshop in {town}",
        "text": (
            f"{person}, who runs {firm}, opened a workshop in {town} on Friday.\n\n"
            f"The workshop will employ {100 + k} people from {town} and nearby villages, {person} said.\n\n"
            f"{firm} was founded in {1900 + k % 100} and makes tools for farms."
        ),
    }


def features(row: dict[str, str]) -> ArticleFeatures:
    article = Article(
        external_id=row["id"], title=row["title"], text=row["text"], content_hash=row["id"], language=row["language"]
    )
    return LexicalFeaturizer().features(article)


def test_signature_index_meets_on_rare_names_not_on_common_numbers() -> None:
    index = SignatureIndex()
    for k in range(200):
        index.add(k, features(filler(k)))
    index.add(1000, features(ROWS["uk:flood"]))
    # the English report of the flood meets the Ukrainian one: rare names and numbers in common
    hits = index.meeting(features(ROWS["en:flood"]), 12.0)
    assert [aid for aid, _ in hits] == [1000]
    # a report of another event shares a few common numbers at most: it meets nothing
    assert index.meeting(features(ROWS["en:budget"]), 12.0) == []
    # articles in its own language are never proposed
    assert all(aid == 1000 for aid, _ in index.meeting(features(filler(3)), 0.0))
    index.remove([1000])
    assert index.meeting(features(ROWS["en:flood"]), 12.0) == []


def test_two_short_signatures_mostly_in_common_meet_however_common_their_entries() -> None:
    index = SignatureIndex()
    for k in range(60):  # Apple, Intel and MacBook in many English articles
        index.add(
            k, features({**filler(k), "text": filler(k)["text"] + "\n\nApple, Intel and MacBook were not there."})
        )
    es = {
        "id": "es",
        "language": "es",
        "title": "Apple presenta el MacBook con Intel",
        "text": "Apple presentó el martes el MacBook Pro con procesadores Intel, que sustituye al PowerBook.",
    }
    en = {
        "id": "en",
        "language": "en",
        "title": "Apple unveils the MacBook with Intel",
        "text": "Apple on Tuesday unveiled the MacBook Pro with Intel processors, replacing the PowerBook.",
    }
    index.add(500, features(en))
    assert 500 in [aid for aid, _ in index.meeting(features(es), 12.0)]


def test_main_language() -> None:
    cl = OnlineClusterer()
    for k in range(95):
        cl.assign(k + 1, features(filler(k)))
    assert cl.main_language() is None  # fewer than 100 active articles
    for k in range(95, 120):
        cl.assign(k + 1, features(filler(k)))
    assert cl.main_language() == "en"
    for k in range(14):  # 14 of 134: under 90% English
        cl.assign(200 + k, features({**ROWS["cs:storm"], "title": f"Bouřka {k}"}))
    assert cl.main_language() is None


class _Recording(HashingEncoder):
    def __init__(self) -> None:
        super().__init__(dim=32)
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().encode(texts)


def _stream(tmp_path: Path) -> Path:
    rows = [filler(k) for k in range(150)]
    rows[60:60] = [ROWS["en:flood"]]
    rows += [ROWS["uk:flood"], filler(500), ROWS["en:budget"]]
    path = tmp_path / "stream.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_only_what_meets_another_language_is_encoded(tmp_path: Path) -> None:
    encoder = _Recording()
    settings = Settings.load({"db": str(tmp_path / "g.db"), "workers": 1, "encoder_languages": "en"}, env={})
    engine = Engine.open(settings, encoder=encoder)
    engine.ingest([str(_stream(tmp_path))])
    rows = {r.external_id: r for r in engine.export_assignments()}
    # the Ukrainian report (a language this encoder is told it cannot read) is found as a
    # translation of the English report, which was encoded for it when it arrived
    assert (rows["uk:flood"].copy_of_external_id, rows["uk:flood"].relation) == ("en:flood", "translation")
    encoded_titles = {t.split("\n", 1)[0] for t in encoder.texts}
    assert encoded_titles == {ROWS["en:flood"]["title"]}
    vectors = engine.store.get_vectors(encoder.name, [r.article_id for r in rows.values()])
    assert set(vectors) == {rows["en:flood"].article_id, rows["uk:flood"].article_id}
    engine.close()


def test_the_gate_gives_the_same_stories_whatever_the_batches(tmp_path: Path) -> None:
    stream = _stream(tmp_path)
    results = []
    for batch, split in ((2000, False), (7, False), (2000, True)):
        db = tmp_path / f"b{batch}{split}.db"
        settings = Settings.load({"db": str(db), "workers": 1, "batch_size": batch, "encoder_languages": "en"}, env={})
        lines = stream.read_text(encoding="utf-8").splitlines(keepends=True)
        parts = [lines[:100], lines[100:]] if split else [lines]
        for i, part in enumerate(parts):  # a second ingest restores the clusterer from the store
            path = tmp_path / f"part{batch}{split}{i}.jsonl"
            path.write_text("".join(part), encoding="utf-8")
            engine = Engine.open(settings, encoder=_Recording())
            engine.ingest([str(path)])
            engine.close()
        engine = Engine.open(settings, encoder=_Recording())
        results.append([(r.external_id, r.story_id, r.copy_of_external_id) for r in engine.export_assignments()])
        engine.close()
    assert results[0] == results[1] == results[2]


def test_an_article_built_like_one_without_names_may_translate_it() -> None:
    """Japanese text has no name keys: an English article with its build (paragraph shares) and a
    number in common is encoded, so that it can be found to translate it."""
    from dataclasses import replace

    from newsprism.cluster.crosslingual import DenseIndex, DenseParams

    shape = (0.1, 0.3, 0.15, 0.25, 0.2)
    ja = ArticleFeatures(
        title={}, body={"東京": 1.0}, names={}, minhash=(1,), published=None, language="ja", version="t",
        paragraphs=5, digits=("12", "2021"), shape=shape,
    )  # fmt: skip
    index = DenseIndex(8, DenseParams())
    index.add(1, 1, np.ones(8, dtype=np.float32) / np.sqrt(8), ja)
    en = replace(ja, language="en", body={"tokyo": 1.0}, digits=("12",), shape=(0.12, 0.28, 0.15, 0.25, 0.2))
    assert index.shaped_like(en)
    assert not index.shaped_like(replace(en, digits=("7",)))  # no number in common
    assert not index.shaped_like(replace(en, shape=(0.4, 0.1, 0.1, 0.2, 0.2)))  # another build
    assert not index.shaped_like(replace(en, paragraphs=6, shape=(*shape[:4], 0.1, 0.1)))
    assert not index.shaped_like(replace(en, language="ja"))  # its own language


def test_an_article_built_like_a_hebrew_one_and_naming_what_it_names_may_translate_it() -> None:
    """A Hebrew article without Latin names or numbers: an English one with its build and one of
    its names, read by the consonants, is encoded so that it can be found to translate it."""
    from dataclasses import replace

    from newsprism.cluster.crosslingual import DenseIndex, DenseParams

    shape = (0.1, 0.3, 0.15, 0.25, 0.2)
    he = ArticleFeatures(
        title={}, body={"חברובסק": 1.0, "הפגנה": 1.0}, names={}, minhash=(1,), published=None, language="he",
        version="t", paragraphs=5, digits=(), shape=shape,
    )  # fmt: skip
    index = DenseIndex(8, DenseParams())
    index.add(1, 1, np.ones(8, dtype=np.float32) / np.sqrt(8), he)
    en = replace(he, language="en", body={"khabarovsk": 1.0}, names={"khabarovsk": 1.0})
    assert index.shaped_like(en)
    assert not index.shaped_like(replace(en, body={"moscow": 1.0}, names={"moscow": 1.0}))  # another name
    assert not index.shaped_like(replace(en, shape=(0.4, 0.1, 0.1, 0.2, 0.2)))  # another build


def test_a_hindi_article_naming_something_in_latin_letters_is_still_read_by_its_build() -> None:
    """A Hindi report naming "Capitals" in Latin letters has a name key, yet most of its names are
    in Devanagari: an English article with its build and one of its names read by the consonants
    may translate it."""
    from dataclasses import replace

    from newsprism.cluster.crosslingual import DenseIndex, DenseParams

    shape = (0.1, 0.3, 0.15, 0.25, 0.2)
    hi = ArticleFeatures(
        title={}, body={"ख़बारोव्स्क": 1.0, "प्रदर्शन": 1.0}, names={"capitals": 1.0}, minhash=(1,), published=None,
        language="hi", version="t", paragraphs=5, digits=(), shape=shape,
    )  # fmt: skip
    index = DenseIndex(8, DenseParams())
    index.add(1, 1, np.ones(8, dtype=np.float32) / np.sqrt(8), hi)
    en = replace(hi, language="en", body={"khabarovsk": 1.0}, names={"khabarovsk": 1.0})
    assert index.shaped_like(en)
    assert not index.shaped_like(replace(en, body={"moscow": 1.0}, names={"moscow": 1.0}))  # another name


def test_a_japanese_article_naming_something_in_latin_letters_is_still_read_by_its_build() -> None:
    """A Japanese (or Korean, Chinese) report naming "Yahoo" has a name key, yet its names are mostly
    written without capitals: an English article with its build and a number in common may
    translate it."""
    from dataclasses import replace

    from newsprism.cluster.crosslingual import DenseIndex, DenseParams

    shape = (0.1, 0.3, 0.15, 0.25, 0.2)
    ja = ArticleFeatures(
        title={}, body={"東京": 1.0}, names={"yahoo": 1.0}, minhash=(1,), published=None, language="ja", version="t",
        paragraphs=5, digits=("12", "2021"), shape=shape,
    )  # fmt: skip
    index = DenseIndex(8, DenseParams())
    index.add(1, 1, np.ones(8, dtype=np.float32) / np.sqrt(8), ja)
    en = replace(ja, language="en", body={"tokyo": 1.0}, names={"tokyo": 1.0}, digits=("12",))
    assert index.shaped_like(en)
    assert not index.shaped_like(replace(en, digits=("7",)))  # no number in common
