"""Language detection with py3langid, on real MEANTIME texts in four languages."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from newsprism.nlp.language import FixedLanguage, Py3LangidDetector, normalise_language

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def detector() -> Py3LangidDetector:
    return Py3LangidDetector()


def meantime() -> list[dict[str, str]]:
    lines = (FIXTURES / "meantime-airbus-4langs.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_meantime_translations_are_identified(detector: Py3LangidDetector) -> None:
    records = meantime()
    assert sorted(r["lang"] for r in records) == ["en", "es", "it", "nl"]
    for record in records:
        assert detector.detect(record["text"]) == record["lang"], record["id"]


def test_titles_alone_are_enough(detector: Py3LangidDetector) -> None:
    for record in meantime():
        assert detector.detect(record["title"]) == record["lang"], record["title"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Не нужно демонизировать народ Хабаровска, заявил временно исполняющий обязанности губернатора.",
            "ru",
        ),
        ("重さのあるセミロングにレイヤーをプラスしてふんわりヘアに", "ja"),
        ("阪神・大山、２戦連発７号！", "ja"),  # kanji but a katakana "・": Chinese writes no kana
        ("俄罗斯总统在莫斯科会见美国代表团", "zh"),
        (  # Chinese naming a Japanese word and a Japanese entertainer: a little kana in a long text
            "我是千叶县的居民，在这个县生活了大约三十年。和东京的朋友聊天时，我说了意为插队的“ずるこみ”，"
            "对方却一脸茫然。来自大阪市的客座落语家桂ちろる也登台献艺，观众笑声不断，演出持续了两个小时。",
            "zh",
        ),
        ("Der Präsident sagte am Dienstag, dass die Straße für mehrere Wochen gesperrt wird.", "de"),
    ],
)
def test_other_scripts_and_languages(detector: Py3LangidDetector, text: str, code: str) -> None:
    assert detector.detect(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Hello", "12 34 56 78", "!!! ??? ...", "OK ok"])
def test_too_little_text_gives_none(detector: Py3LangidDetector, text: str) -> None:
    assert detector.detect(text) is None


def test_low_probability_gives_none() -> None:
    sentence = "The two ministers met on Wednesday evening and talked about the weather."
    assert Py3LangidDetector().detect(sentence) == "en"  # probability about 0.97
    assert Py3LangidDetector(min_probability=0.99).detect(sentence) is None
    # Mostly names: no language reaches 0.5.
    assert Py3LangidDetector().detect("Blinken and Lavrov meet in Reykjavik") is None


def test_detector_pickles_without_the_model(detector: Py3LangidDetector) -> None:
    detector.detect("The model is loaded by now, once per process.")
    data = pickle.dumps(detector)
    assert len(data) < 1000
    assert pickle.loads(data).detect("Secretary of State Antony Blinken met his Russian counterpart.") == "en"


def test_fixed_language() -> None:
    assert FixedLanguage("fr").detect("anything at all") == "fr"
    assert FixedLanguage(None).detect("The quick brown fox") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en-US", "en"), ("EN_gb", "en"), ("pt-BR", "pt"), ("eng", "en"), ("deu", "de"), ("fr", "fr"),
     ("", None), (None, None), ("english language", None), ("x", None), ("zh-Hant", "zh"),
     ("zz", None), ("xyz", None), ("ces", "cs"), ("iw", "he"), ("arz", "ar"), ("nb-NO", "nb")],
)  # fmt: skip
def test_normalise_language(code: str | None, expected: str | None) -> None:
    assert normalise_language(code) == expected


EN_TALKS = (
    "The minister said on Tuesday that the talks with the unions would go on for at least a week. "
    "He added that the government was ready to meet them halfway on pay."
)
ES_TALKS = (
    "El ministro dijo el martes que las conversaciones con los sindicatos seguirían al menos una semana. "
    "Añadió que el gobierno estaba dispuesto a ceder en los salarios."
)

CS_TALKS = (
    "Ministr v úterý řekl, že jednání s odbory budou pokračovat nejméně týden. "
    "Dodal, že vláda je připravena jim vyjít vstříc u mezd, ale že to nebude snadné."
)


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        ("es", EN_TALKS, True),
        ("en", EN_TALKS, False),
        ("en", ES_TALKS, True),
        ("ja", "The minister said on Tuesday that the talks with the unions would go on for at least a week.", True),
        ("ru", "Министр заявил во вторник, что переговоры с профсоюзами продлятся по крайней мере неделю.", False),
        ("en", "Министр заявил во вторник, что переговоры с профсоюзами продлятся по крайней мере неделю.", True),
        ("es", "Too short to tell.", False),
        ("cs", CS_TALKS, False),  # Czech function words: its own text agrees with it
        ("en", CS_TALKS, True),  # its Czech function words contradict English
    ],
)
def test_a_declared_language_the_text_clearly_contradicts(declared: str, text: str, expected: bool) -> None:
    from newsprism.nlp.language import contradicts

    assert contradicts(declared, text) is expected


def test_czech_function_words_are_no_content() -> None:
    from newsprism.nlp.tokenize import tokens

    got = tokens("Ministr řekl, že jednání s odbory budou pokračovat nejméně týden.", "cs")
    assert not {"že", "řekl", "budou", "s"} & set(got)
    assert any(t.startswith("odbor") for t in got) and any(t.startswith("jednán") for t in got)
