"""Parallel texts told by their shape: sentence pairs from lengths and anchors (names, numbers),
for languages the encoder does not read."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.nlp.parallel import (
    ParallelParams,
    TextProfile,
    anchors_of,
    article_anchors,
    parallel_pairs,
    read_parallel,
    text_profile,
)


def _fixture(name: str) -> dict[str, dict]:
    """The rows of a multilingual fixture by id."""
    path = Path(__file__).parent.parent / "fixtures" / "multilingual" / name
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


FERRY = _fixture("parallel.jsonl")

CZECH = (
    "Ruské námořnictvo letos dostane čtyřicet nových lodí, oznámil prezident Vladimir Putin.\n"
    "Přehlídka v Petrohradu začala v neděli v 10:00 a trvala dvě hodiny.\n"
    "Zúčastnilo se jí 46 lodí a 4000 námořníků.\n"
    "Kvůli pandemii se diváci nesměli shromažďovat na nábřeží.\n"
    "Podle ministerstva obrany přehlídku sledovalo v televizi 2,5 milionu lidí.\n"
    "Příští rok se má konat znovu v plném rozsahu."
)
ENGLISH = (
    "The Russian Navy will receive forty new ships this year, President Vladimir Putin announced.\n"
    "The parade in St Petersburg began on Sunday at 10:00 and lasted two hours.\n"
    "It was attended by 46 ships and 4000 sailors.\n"
    "Because of the pandemic, spectators were not allowed to gather on the embankment.\n"
    "According to the Defence Ministry, 2.5 million people watched the parade on television.\n"
    "Next year it is to be held again in full."
)
OTHER = (
    "Floods hit the south of the region after three days of rain.\n"
    "Rescuers evacuated 120 residents from the village of Krasnoye.\n"
    "The governor declared a state of emergency.\n"
    "Roads to the coast remain closed, the police said.\n"
    "Damage is estimated at 300 million roubles.\n"
    "Forecasters expect more rain on Thursday."
)


class _EnglishOnlyEncoder:
    """An encoder that reads English only (a fake of the bundled one for a language it lacks):
    its vectors carry no meaning."""

    name = "test.EnglishOnly"
    dim = 256
    languages = frozenset({"en"})

    def encode(self, texts):  # type: ignore[no-untyped-def]
        import hashlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):  # a random direction per text: cosines near 0
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            row = np.random.default_rng(seed).standard_normal(self.dim)
            out[i] = row / np.linalg.norm(row)
        return out


def test_anchors_are_digits_and_name_keys_across_scripts() -> None:
    assert anchors_of("Putin said 2,5 million people came.", "en") & anchors_of("Путин: 2.5 млн", "ru") >= {"#25"}
    assert {"#4000"} <= anchors_of("4 000 sailors", "en")
    assert "#123" in anchors_of("۱۲۳ نفر", "fa") and "#123" in anchors_of("१२३ लोग", "hi")  # other digits
    ru, en = (
        anchors_of("Владимир Путин посетил Кронштадт.", "ru"),
        anchors_of("Vladimir Putin visited Kronstadt.", "en"),
    )
    assert len(ru & en) >= 2
    # a sentence's first word counts when the article writes it as a name inside a sentence
    czech = ["Příští rok přijede Putin.", "Putin to oznámil v neděli."]
    assert [sorted(a) for a in article_anchors(czech, "cs")] == [["putin"], ["putin"]]


def test_a_translation_is_paired_line_by_line_and_a_split_sentence_with_its_longer_part() -> None:
    a = [len(x) for x in CZECH.split("\n")]
    b = [len(x) for x in ENGLISH.split("\n")]
    anchors_a = article_anchors(CZECH.split("\n"), "cs")
    anchors_b = article_anchors(ENGLISH.split("\n"), "en")
    assert parallel_pairs(a, b, anchors_a, anchors_b) == [(k, k) for k in range(6)]
    # the English cuts its first sentence in two: the longer half is the pair
    first = ENGLISH.split("\n")[0]
    halves = [first[:70], first[70:]]
    b2 = [len(halves[0]), len(halves[1]), *b[1:]]
    anchors_b2 = article_anchors([*halves, *ENGLISH.split("\n")[1:]], "en")
    got = parallel_pairs(a, b2, anchors_a, anchors_b2)
    assert got[0] == (0, 0) and got[1:] == [(k, k + 1) for k in range(1, 6)]


def test_unrelated_texts_are_not_parallel() -> None:
    lines_a, lines_b = CZECH.split("\n"), OTHER.split("\n")
    got = parallel_pairs(
        [len(x) for x in lines_a],
        [len(x) for x in lines_b],
        article_anchors(lines_a, "cs"),
        article_anchors(lines_b, "en"),
    )
    assert got == []
    # random lengths and anchors of two unrelated texts: never parallel; lengths alone say too
    # little (sentences of news are alike in length), so texts without anchors are never parallel
    rng = random.Random(7)
    vocabulary = [f"#{n}" for n in range(30)]

    def anchors() -> frozenset[str]:
        return frozenset(rng.sample(vocabulary, rng.randint(0, 2)))

    parallel = 0
    for _ in range(200):
        a = [rng.randint(40, 200) for _ in range(8)]
        b = [rng.randint(40, 200) for _ in range(8)]
        parallel += bool(parallel_pairs(a, b, [anchors() for _ in a], [anchors() for _ in b]))
    assert parallel <= 10, parallel  # 5 of 200 when written
    assert parallel_pairs(a, a, [frozenset()] * 8, [frozenset()] * 8) == []
    assert parallel_pairs([50, 60], [55, 62], [frozenset()] * 2, [frozenset()] * 2) == []  # too short to tell


def test_a_comparison_pairs_a_translation_the_encoder_cannot_read() -> None:
    inputs = [
        CompareInput(article="cs", title="", text=CZECH, language="cs"),
        CompareInput(article="en", title="", text=ENGLISH, language="en"),
    ]
    data = Comparer(encoder=_EnglishOnlyEncoder()).compare(inputs, display_language="en").to_json()
    lines = {a: t.split("\n") for a, t in (("cs", CZECH), ("en", ENGLISH))}

    def line(span: dict) -> int:
        return (CZECH if span["article"] == "cs" else ENGLISH)[: span["start"]].count("\n")

    paired = [sorted((s["article"], line(s)) for s in f["support"]) for f in data["facts"] if f["kind"] == "statement"]
    assert len(paired) >= 5 and all(p[0][1] == p[1][1] for p in paired), paired
    assert len(lines["cs"]) == 6
    # an independent report in English is no translation: nothing is paired by shape
    inputs[1] = CompareInput(article="en", title="", text=OTHER, language="en")
    data = Comparer(encoder=_EnglishOnlyEncoder()).compare(inputs, display_language="en").to_json()
    assert [f for f in data["facts"] if f["kind"] == "statement"] == []
    # switched off, the translation shares only what its names and numbers give
    from newsprism.compare.align import AlignParams

    inputs[1] = CompareInput(article="en", title="", text=ENGLISH, language="en")
    off = Comparer(encoder=_EnglishOnlyEncoder(), params=AlignParams(by_shape=False))
    data = off.compare(inputs, display_language="en").to_json()
    assert len([f for f in data["facts"] if f["kind"] == "statement"]) < len(paired)


def test_an_original_and_its_translation_in_one_story_are_worded_by_it() -> None:
    """Marked a copy, the translation is no second source: its sentences word the original's."""
    inputs = [
        CompareInput(article="cs", title="", text=CZECH, language="cs"),
        CompareInput(article="en", title="", text=ENGLISH, language="en", copy_of="cs"),
    ]
    data = Comparer(encoder=_EnglishOnlyEncoder()).compare(inputs, display_language="en").to_json()
    english = set(ENGLISH.split("\n"))
    worded = [
        u for u in data["unique"] if u["text"] in english and {s["article"] for s in u["support"]} == {"cs", "en"}
    ]
    assert len(worded) >= 5, data["unique"]


def test_a_quote_and_its_translation_in_sentences_paired_by_shape_are_one_quote() -> None:
    czech = CZECH + "\n„Flotila bude letos silnější než kdykoli předtím,“ řekl Vladimir Putin."
    english = ENGLISH + "\n“The fleet will be stronger this year than ever before,” Vladimir Putin said."
    inputs = [
        CompareInput(article="cs", title="", text=czech, language="cs"),
        CompareInput(article="en", title="", text=english, language="en"),
    ]
    data = Comparer(encoder=_EnglishOnlyEncoder()).compare(inputs, display_language="en").to_json()
    [variant] = data["quote_variants"]
    assert variant["translated"]
    assert {q["speaker"] for q in variant["quotes"]} == {"Vladimir Putin"}
    # without the pairing by shape, the encoder's vectors say nothing of a language it does not read
    from newsprism.compare.align import AlignParams

    off = Comparer(encoder=_EnglishOnlyEncoder(), params=AlignParams(by_shape=False))
    assert off.compare(inputs, display_language="en").to_json()["quote_variants"] == []


def test_two_quotes_in_sentences_paired_by_shape_pair_in_order() -> None:
    czech = CZECH + "\n„Jsme připraveni,“ řekl Vladimir Putin, „a flotila bude letos silnější než kdykoli předtím.“"
    english = ENGLISH + "\n“We are ready,” Vladimir Putin said, “and the fleet will be stronger this year than ever.”"
    inputs = [
        CompareInput(article="cs", title="", text=czech, language="cs"),
        CompareInput(article="en", title="", text=english, language="en"),
    ]
    data = Comparer(encoder=_EnglishOnlyEncoder()).compare(inputs, display_language="en").to_json()
    pairs = sorted(tuple(sorted(q["text"] for q in v["quotes"])) for v in data["quote_variants"] if v["translated"])
    assert pairs == sorted(
        [
            tuple(sorted(("Jsme připraveni", "We are ready"))),
            tuple(
                sorted(
                    (
                        "a flotila bude letos silnější než kdykoli předtím",
                        "and the fleet will be stronger this year than ever",
                    )
                )
            ),
        ]
    ), pairs


def test_the_name_a_story_is_about_does_not_make_two_reports_parallel() -> None:
    """Two reports of one event name its main person in every sentence; their lengths may agree by
    chance, but the name tells no sentence from another."""
    a = [
        "Lohan arrived at the court in Beverly Hills on Monday morning with her lawyer.",
        "The judge told Lohan that she had broken the terms of her probation again.",
        "Lohan wore a white dress and did not speak to reporters outside.",
        "Prosecutors asked that Lohan serve the rest of her sentence in jail.",
        "A hearing on the case was set for next month, Lohan's lawyer said.",
        "Lohan has been in and out of clinics in California since 2007.",
    ]
    b = [
        "Fans of Lohan waited for hours outside the court in Beverly Hills on Monday.",
        "Lohan's father said in a statement that he was worried about his daughter.",
        "The actress Lohan had checked into a clinic in California last week.",
        "Her last film with Lohan in the lead was a commercial failure.",
        "Lohan's publicist declined to comment on the report of an arrest.",
        "Police said Lohan was cooperating fully with the investigation.",
    ]
    args = ([len(x) for x in a], [len(x) for x in b], article_anchors(a, "en"), article_anchors(b, "en"))
    assert parallel_pairs(*args) == []
    # counting the name, every pair of sentences would share an anchor
    counting = ParallelParams(frequent_share=1.0, one_sided=False, anchored_share=0.6, lengths_share=0.8)
    assert len(parallel_pairs(*args, counting)) == 6


def test_the_programme_ends_for_texts_of_any_two_lengths() -> None:
    rng = random.Random(3)
    for n, m in ((3, 6), (6, 3), (40, 79), (100, 51), (200, 200)):
        a = [rng.randint(20, 200) for _ in range(n)]
        b = [rng.randint(20, 200) for _ in range(m)]
        anchors_a = [frozenset({f"#{k}"}) for k in range(n)]
        anchors_b = [frozenset({f"#{k * n // m}"}) for k in range(m)]
        got = parallel_pairs(a, b, anchors_a, anchors_b)
        assert all(0 <= i < n and 0 <= j < m for i, j in got)
        assert got == sorted(got)  # in order on both sides
        assert [j for _, j in got] == sorted(j for _, j in got)


def _profile(key: str) -> TextProfile:
    r = FERRY[key]
    return text_profile(f"{r['title']}\n\n{r['text']}", r["language"])


def test_a_whole_translation_reads_parallel_and_its_events_other_report_does_not() -> None:
    """The Czech translation shares three anchors with the English (86, 12, Bratislava: the other
    names are Czech forms, "Dunaji", "Vídně"); the Czech outlet's own report of the grounding
    shares the same three, in another order of sentences."""
    en, cs, own = _profile("en:ferry"), _profile("cs:ferry"), _profile("cs:ferry-own")
    assert len(en.lengths) == len(cs.lengths) == 10  # the title and nine sentences
    assert {"#86", "brati"} <= en.anchors[1] & cs.anchors[1]
    assert read_parallel(en, cs) and read_parallel(cs, en)
    assert not read_parallel(en, own) and not read_parallel(own, en)


def test_a_whole_text_needs_lengths_that_agree_closely() -> None:
    """Sentence pairs are found with a looser bar on lengths than a whole text is told a
    translation with: the same anchors in the same places, the lengths stretched apart by a
    third, pair sentences but are no translation."""
    en, cs = _profile("en:ferry"), _profile("cs:ferry")
    stretched = TextProfile(tuple(round(n * (1.33 if k % 2 else 0.75)) for k, n in enumerate(cs.lengths)), cs.anchors)
    assert parallel_pairs(en.lengths, stretched.lengths, en.anchors, stretched.anchors)
    assert not read_parallel(en, stretched)
    assert read_parallel(en, stretched, dataclasses.replace(ParallelParams(), text_delta=5.0))


def test_a_name_spelt_a_letter_apart_anchors_with_the_other_texts_spelling() -> None:
    """Czech "Izrael", "Libanon", "Sýrie" against English "Israel", "Lebanon", "Syria": keys a letter
    apart anchor together when each has one such partner in the other text, so the texts read as
    parallel; the same texts with the names unrelated do not."""
    from newsprism.nlp.parallel import _near

    assert _near("izrae", "israe") and _near("liban", "leban") and _near("siri", "siria")
    assert not _near("putin", "lukas") and not _near("brati", "prati") and not _near("hizba", "hezbo")
    assert not _near("obama", "osama") and not _near("iran", "irak") and not _near("maria", "mario")
    lengths = (60, 84, 70, 92, 65, 75)
    en = TextProfile(lengths, tuple(map(frozenset, [{"israe"}, {"leban"}, set(), {"siria"}, {"hasan"}, set()])))
    cs = TextProfile(lengths, tuple(map(frozenset, [{"izrae"}, {"liban"}, set(), {"sirie"}, {"hasan"}, set()])))
    assert read_parallel(cs, en) and read_parallel(en, cs)
    other = TextProfile(lengths, tuple(map(frozenset, [{"moska"}, {"kiiev"}, set(), {"minsk"}, {"hasan"}, set()])))
    assert not read_parallel(other, en)
    # a key near two of the other text's is read as neither
    from newsprism.nlp.parallel import _spelt_alike

    two = TextProfile((60, 84), (frozenset({"israe"}), frozenset({"izrai"})))
    assert _spelt_alike(TextProfile((60, 84), (frozenset({"izrae"}), frozenset())), two).anchors[0] == {"izrae"}
    assert _spelt_alike(cs, en).anchors == en.anchors


UNREAD = _fixture("unread.jsonl")


def _no_digits(text: str) -> str:
    """The text with its numbers (and their separators: "4.5", "2,500") left out."""
    import re

    return re.sub(r"\d+(?:[.,]\d+)*", "", text)


def test_hebrew_names_anchor_with_the_english_ones_by_their_consonants() -> None:
    """A Hebrew text's words are no anchors until an English name is written with their consonants:
    then the sentence that writes it anchors with the English one ("הוולטאבה" with "Vltava")."""
    en = text_profile(_no_digits(UNREAD["en:flood"]["text"]), "en")
    he = text_profile(_no_digits(UNREAD["he:flood"]["text"]), "he")
    assert he.skeletal and not en.skeletal and dict(en.spelt)["vltav"] == {"bltb"}
    assert not any(he.anchors)  # no capitals and (here) no digits: nothing to anchor by alone
    assert not read_parallel(dataclasses.replace(en, spelt=()), he)
    assert read_parallel(en, he) and read_parallel(he, en)
    storm = text_profile(_no_digits(UNREAD["he:storm"]["text"]), "he")
    assert not read_parallel(en, storm)


def test_a_comparison_pairs_a_hebrew_translation_by_the_consonants_of_its_names() -> None:
    """The flood report and its Hebrew translation with their numbers written out: only the names,
    read by their consonants, anchor the Hebrew sentences to the English ones."""
    texts = {k: _no_digits(UNREAD[k]["text"]) for k in ("en:flood", "he:flood")}
    inputs = [
        CompareInput(article="he", title="", text=texts["he:flood"], language="he"),
        CompareInput(article="en", title="", text=texts["en:flood"], language="en"),
    ]
    data = Comparer(encoder=_EnglishOnlyEncoder()).compare(inputs, display_language="en").to_json()
    statements = [f for f in data["facts"] if f["kind"] == "statement"]
    paired = [{s["article"] for s in f["support"]} for f in statements]
    assert sum(p == {"he", "en"} for p in paired) >= 3, paired


class _SameVectorEncoder(_EnglishOnlyEncoder):
    """Reads English only, and gives every text one vector: what an encoder's cosines can be for a
    language it does not read (near for unrelated texts)."""

    def encode(self, texts):  # type: ignore[no-untyped-def]
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        out[:, 0] = 1.0
        return out


def test_a_quote_in_a_language_the_encoder_does_not_read_is_matched_by_its_vector_only_with_its_speaker() -> None:
    english = '"We are proud of the work," Zhukov said.'
    inputs = [
        CompareInput(article="he", title="", text='"אנחנו גאים בעבודה", אמר ז\'וקוב.', language="he"),
        CompareInput(article="en", title="", text=english, language="en"),
    ]
    comparer = Comparer(encoder=_SameVectorEncoder())
    variants = comparer.compare(inputs, display_language="en").to_json()["quote_variants"]
    assert [v.get("translated") for v in variants] == [True]  # the speakers agree by their consonants
    inputs[0] = CompareInput(article="he", title="", text='"אנחנו גאים בעבודה", אמר הנהג.', language="he")
    variants = comparer.compare(inputs, display_language="en").to_json()["quote_variants"]
    assert not any(v.get("translated") for v in variants)  # "the driver": the vector alone says nothing


class _DullEncoder(_EnglishOnlyEncoder):
    """An encoder that claims to read Czech too, yet reads a Czech line and its English translation
    as only somewhat alike (cosine about 0.4, below the alignment threshold: what the bundled one
    does with a sentence it reads poorly); ``alike`` 0: as unlike as any two texts."""

    name = "test.Dull"
    languages = frozenset({"en", "cs"})

    def __init__(self, alike: float = 0.65) -> None:
        self.alike = alike

    def encode(self, texts):  # type: ignore[no-untyped-def]
        import numpy as np

        noise = super().encode(texts)
        out = np.zeros_like(noise)
        lines = [CZECH.split("\n"), ENGLISH.split("\n")]
        for i, text in enumerate(texts):
            line = next((k for ls in lines for k, x in enumerate(ls) if text.strip() in x), None)
            base = np.zeros(self.dim, dtype=np.float32)
            if line is not None:
                base[line] = 1.0
            row = self.alike * base + np.sqrt(1 - self.alike**2) * noise[i]
            out[i] = row / np.linalg.norm(row)
        return out


def test_a_translation_is_paired_by_shape_where_the_encoder_reads_it_poorly() -> None:
    """Where the encoder reads both languages, parallel texts still pair line by line by their
    shape when its vectors find the lines somewhat alike, below the alignment threshold; not when
    it reads them as unlike (two reports of one event share names and numbers too)."""
    from newsprism.compare.align import AlignParams

    inputs = [
        CompareInput(article="cs", title="", text=CZECH, language="cs"),
        CompareInput(article="en", title="", text=ENGLISH, language="en"),
    ]

    def statements(comparer: Comparer) -> list[dict]:
        data = comparer.compare(inputs, display_language="en").to_json()
        return [f for f in data["facts"] if f["kind"] == "statement"]

    def line(span: dict) -> int:
        return (CZECH if span["article"] == "cs" else ENGLISH)[: span["start"]].count("\n")

    paired = [
        sorted((s["article"], line(s)) for s in f["support"]) for f in statements(Comparer(encoder=_DullEncoder()))
    ]
    assert len(paired) >= 5 and all(p[0][1] == p[1][1] for p in paired), paired
    assert len(statements(Comparer(encoder=_DullEncoder(), params=AlignParams(by_shape=False)))) < len(paired)
    assert len(statements(Comparer(encoder=_DullEncoder(alike=0.0)))) < len(paired)
