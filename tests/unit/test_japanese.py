"""Japanese names read by a morphological analyser (the extra "ja"), with a fake analyser; the real
one (fugashi with unidic-lite) where it is installed."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.nlp.entities import entities_for, find_entities
from newsprism.nlp.japanese import (
    FugashiAnalyser,
    JapaneseName,
    Morpheme,
    japanese_names,
    kana_latin,
    katakana_sound,
    latin_sounds,
)

SURNAME = ("名詞", "固有名詞", "人名", "姓")
GIVEN = ("名詞", "固有名詞", "人名", "名")
PLACE = ("名詞", "固有名詞", "地名", "一般")
NOUN = ("名詞", "普通名詞", "一般", "*")
PARTICLE = ("助詞", "格助詞", "*", "*")


class FakeAnalyser:
    """Tags the words it was given and nothing else; the rest of the text is common nouns."""

    name = "fake-analyser"

    def __init__(self, words: dict[str, tuple[tuple[str, str, str, str], str | None, str | None]]) -> None:
        self.words = words

    def __call__(self, text: str) -> list[Morpheme]:
        out: list[Morpheme] = []
        i = 0
        while i < len(text):
            hit = next((w for w in sorted(self.words, key=len, reverse=True) if text.startswith(w, i)), None)
            if hit is None:
                out.append(Morpheme(i, i + 1, text[i], NOUN))
                i += 1
                continue
            pos, reading, lemma = self.words[hit]
            out.append(Morpheme(i, i + len(hit), hit, pos, reading, lemma))
            i += len(hit)
        return out


FAKE = FakeAnalyser(
    {
        "安倍": (SURNAME, "アベ", "アベ"),
        "晋三": (GIVEN, "シンゾウ", "シンゾウ"),
        "大久保": (SURNAME, "オオクボ", "オオクボ"),
        "長野": (PLACE, "ナガノ", "ナガノ"),
        "諏訪": (PLACE, "スワ", "スワ"),
        "バイデン": (("名詞", "固有名詞", "人名", "一般"), "バイデン", "バイデン-Biden"),
        "伊藤": (SURNAME, "イトウ", "イトウ"),
        "裕二": (GIVEN, "ユウジ", "ユウジ"),
        "は": (PARTICLE, "ハ", "は"),
    }
)


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("オオクボ", "okubo"),  # long vowels written once
        ("シンゾウ", "shinzo"),
        ("トウキョウ", "tokyo"),  # small ョ
        ("コウイチ", "koichi"),
        ("イノウエ", "inoue"),  # but う before え is no long vowel
        ("ハッピョウ", "happyo"),  # ッ doubles the next consonant
        ("マッチャ", "matcha"),
        ("ジュンイチロウ", "junichiro"),
        ("ゆりこ", "yuriko"),  # hiragana too
        ("ニューヨーク", "nyuyoku"),  # ー: a long vowel
    ],
)
def test_kana_in_latin_letters(kana: str, latin: str) -> None:
    assert kana_latin(kana) == latin


def test_kana_latin_refuses_other_scripts() -> None:
    assert kana_latin("安倍") is None
    assert kana_latin("ABC") is None


def test_names_with_readings() -> None:
    found = japanese_names("安倍晋三首相は長野県諏訪市でバイデン氏と会った。", FAKE)
    assert found == [
        JapaneseName(0, 4, "安倍晋三", "person", "Shinzo Abe"),
        JapaneseName(7, 9, "長野", "place", "Nagano"),
        JapaneseName(10, 12, "諏訪", "place", "Suwa"),
        JapaneseName(14, 18, "バイデン", "person", "Biden"),  # UniDic's lemma keeps the foreign spelling
    ]


def test_without_the_analyser_the_rules_alone() -> None:
    text = "安倍晋三首相は長野県諏訪市で話した。"
    ruled = find_entities(text, language="ja", analyser=None)
    assert [(m.name, m.kind) for m in ruled] == [("安倍晋三首相", "person"), ("Nagano", "place")]
    assert all(m.latin is None for m in ruled)
    read = find_entities(text, language="ja", analyser=FAKE)
    assert [(m.name, m.kind, m.latin) for m in read] == [
        ("安倍晋三", "person", "Shinzo Abe"),
        ("Nagano", "place", None),  # the gazetteer's prefecture first
        ("諏訪", "place", "Suwa"),
    ]


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    found = find_entities("伊藤裕二氏が来た。伊藤氏は話した。", language="ja", analyser=FAKE)
    assert [(m.name, m.latin) for m in found if m.kind == "person"] == [
        ("伊藤裕二", "Yuji Ito"),
        ("伊藤裕二", "Yuji Ito"),
    ]


def _merged(ja: str, en: str) -> dict[str, dict[str, int]]:
    entities = entities_for([("ja", ja), ("en", en)], languages={"ja": "ja", "en": "en"}, analyser=FAKE)
    return {e.name: e.mentions for e in entities}


def test_japanese_names_meet_their_english_spelling() -> None:
    merged = _merged(
        "安倍晋三首相は諏訪市で大久保容疑者について話した。伊藤裕二氏も。",
        "Prime Minister Shinzo Abe spoke in Suwa City about the suspect, Yoichi Okubo. The mayor, Ito Yuji, agreed.",
    )
    assert merged["Shinzo Abe"] == {"ja": 1, "en": 1}
    assert merged["Suwa City"] == {"ja": 1, "en": 1}  # "諏訪" is found as "Suwa" too
    assert merged["Yoichi Okubo"] == {"ja": 1, "en": 1}  # the surname decides
    assert merged["Ito Yuji"] == {"ja": 1, "en": 1}  # English writes the surname first here


def test_a_surname_two_english_names_share_stays_apart() -> None:
    merged = _merged("大久保容疑者が話した。", "The suspect Yoichi Okubo spoke. His brother, Kenta Okubo, did not.")
    assert "大久保" in merged and merged["Yoichi Okubo"] == {"en": 1} and merged["Kenta Okubo"] == {"en": 1}


def test_without_the_analyser_japanese_names_stay_apart() -> None:
    entities = entities_for(
        [("ja", "安倍晋三首相が話した。"), ("en", "Prime Minister Shinzo Abe spoke.")],
        languages={"ja": "ja", "en": "en"},
        analyser=None,
    )
    assert {e.name for e in entities} >= {"安倍晋三首相", "Shinzo Abe"}


@pytest.mark.parametrize(
    ("katakana", "latin"),
    [
        ("プーチン", "Putin"),  # チ writes "ti"
        ("トラウト", "Trout"),  # the vowel Japanese adds after a final consonant
        ("ロイク・ペラン", "Loïc Perrin"),  # accents, double letters
        ("トム・ライト", "Tom Wright"),  # silent letters
        ("スター・ウォーズ", "Star Wars"),  # an English r before a consonant is not written
        ("メルケル", "Merkel"),  # ... a German one is
        ("ブリヂストン", "Bridgestone"),
        ("レバンテ", "Levante"),  # b and v
        ("ロサンゼルス", "Los Angeles"),  # a soft g
        ("リオデジャネイロ", "Rio de Janeiro"),
        ("ハンバーグ", "Hamburg"),  # an m before a consonant is written ン ...
        ("ウィリアムズ", "Williams"),  # ... or ム, with a vowel
        ("ムバラク", "Mubarak"),
        ("エムバペ", "Mbappé"),
        ("ジミー・バトラー", "Jimmy Butler"),  # a doubled m is one
    ],
)
def test_a_katakana_name_sounds_as_its_latin_spelling(katakana: str, latin: str) -> None:
    assert katakana_sound(katakana) in latin_sounds(latin)


def test_katakana_sounds_tell_names_apart() -> None:
    assert katakana_sound("プーチン") not in latin_sounds("Biden")
    assert katakana_sound("トランプ") not in latin_sounds("Tramp Steamer Company")
    assert katakana_sound("ニュース") is not None and katakana_sound("安倍") is None
    assert latin_sounds("Путин") == frozenset()


def test_a_long_latin_name_has_no_sounds_rather_than_millions() -> None:
    # each word may sound four ways: 12 words would be 4**12 combinations (an untrusted article's
    # long capitalised run must not stall a comparison)
    assert latin_sounds(" ".join(["Gerger"] * 12)) == frozenset()
    assert latin_sounds("Tsuruoka Regional Road Safety Action") != frozenset()


def test_katakana_names_meet_their_latin_spelling_without_the_analyser() -> None:
    entities = entities_for(
        [
            ("ja", "ケンドリック・ナンとロイク・ペランが話した。ジョン・スミスも。"),
            ("en", "On Monday, Kendrick Nunn spoke with Loïc Perrin. Lawyers for Jon Smythe and John Smithe did not."),
        ],
        languages={"ja": "ja", "en": "en"},
        analyser=None,
    )
    names = {e.name: e.mentions for e in entities}
    assert names["Kendrick Nunn"] == {"ja": 1, "en": 1}
    assert names["Loïc Perrin"] == {"ja": 1, "en": 1}
    assert names["ジョン・スミス"] == {"ja": 1}  # two English names sound alike: neither


def test_a_katakana_surname_meets_the_one_full_name() -> None:
    katakana = {"ナダル": (("名詞", "固有名詞", "人名", "一般"), "ナダル", "ナダル")}
    entities = entities_for(
        [("ja", "ナダルは勝った。"), ("en", "Rafael Nadal won. Coach Carlos Moya watched.")],
        languages={"ja": "ja", "en": "en"},
        analyser=FakeAnalyser(katakana),
    )
    names = {e.name: e.mentions for e in entities}
    assert names["Rafael Nadal"] == {"ja": 1, "en": 1}


PERSON = ("名詞", "固有名詞", "人名", "一般")
MIDDLE_DOT = ("補助記号", "一般", "*", "*")


def test_a_foreign_name_the_analyser_cut_is_one_name() -> None:
    analyser = FakeAnalyser(
        {
            "ネイ": (PERSON, "ネイ", "ネイ"),
            "マール": (PERSON, "マール", "マール"),
            "タイラー": (PERSON, "タイラー", "タイラー-Tyler"),
            "・": (MIDDLE_DOT, None, None),
            "ヒーロー": (NOUN, "ヒーロー", "ヒーロー-hero"),
            "ボストン": (PLACE, "ボストン", "ボストン-Boston"),
            "レッド": (NOUN, "レッド", "レッド-red"),
            "ソックス": (NOUN, "ソックス", "ソックス-socks"),
            "は": (PARTICLE, "ハ", "は"),
        }
    )
    found = japanese_names("ネイマールはタイラー・ヒーローはボストン・レッドソックスは", analyser)
    assert [(n.name, n.kind, n.latin) for n in found] == [
        ("ネイマール", "person", None),  # pieces without "・": the sound decides, not the pieces' readings
        ("タイラー・ヒーロー", "person", "Tyler Hero"),  # a common noun after "・" is part of the name
        ("ボストン・レッドソックス", "other", "Boston Red Socks"),
    ]


def test_places_joined_by_a_middle_dot_stay_apart() -> None:
    analyser = FakeAnalyser(
        {
            "プーチン": (PERSON, "プーチン", "プーチン"),
            "ロシア": (PLACE, "ロシア", "ロシア"),
            "ウクライナ": (PLACE, "ウクライナ", "ウクライナ"),
            "・": (MIDDLE_DOT, None, None),
        }
    )
    found = japanese_names("プーチン・ロシア大統領とロシア・ウクライナ", analyser)
    assert [(n.name, n.kind) for n in found] == [
        ("プーチン", "person"),  # Putin, president of Russia: a name, then its country
        ("ロシア", "place"),
        ("ロシア", "place"),  # a list of places
        ("ウクライナ", "place"),
    ]


def test_a_long_capitalised_run_is_not_read_tail_by_tail(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.nlp.entities as entities_module

    asked: list[str] = []
    monkeypatch.setattr(entities_module, "latin_sounds", lambda name: asked.append(name) or frozenset())
    run = " ".join(["Gerger"] * 3000)
    entities_for([("ja", "ケンドリック・ナンが話した。"), ("en", f"Yesterday {run} announced it.")], analyser=None)
    assert len(asked) < 50  # one tail per word before: quadratic time and memory on such a run


def test_a_katakana_name_meets_a_latin_name_with_a_word_before_it() -> None:
    entities = entities_for(
        [("ja", "トム・ライトが出場。マドリードで。"), ("en", "Winger Tom Wright played for Real Madrid.")],
        languages={"ja": "ja", "en": "en"},
        analyser=FakeAnalyser({"マドリード": (PLACE, "マドリード", "マドリード")}),
    )
    names = {e.name: e.mentions for e in entities}
    assert names["Winger Tom Wright"] == {"ja": 1, "en": 1}
    assert "ja" not in names["Real Madrid"]  # a place ("Madrid") is not the club named after it


def test_the_comparison_names_the_analyser_in_its_version() -> None:
    with_it = Comparer(japanese=FAKE)
    assert with_it.name.endswith("+fake-analyser")
    assert not Comparer(japanese=None).name.endswith("+fake-analyser")
    inputs = [
        CompareInput("ja", "安倍首相", "安倍晋三首相は長野県で話した。", language="ja"),
        CompareInput("en", "Abe", "Prime Minister Shinzo Abe spoke in Nagano Prefecture on Monday.", language="en"),
    ]
    names = {e.name: e.mentions for e in with_it.compare(inputs).entities}
    assert names["Shinzo Abe"] == {"ja": 1, "en": 1}


@pytest.mark.skipif(importlib.util.find_spec("fugashi") is None, reason="the extra 'ja' is not installed")
def test_the_real_analyser() -> None:
    found = japanese_names("安倍晋三首相と小池百合子都知事が京都市で会った。", FugashiAnalyser())
    assert ("安倍晋三", "person", "Shinzo Abe") in {(n.name, n.kind, n.latin) for n in found}
    assert ("小池百合子", "person", "Yuriko Koike") in {(n.name, n.kind, n.latin) for n in found}
    assert ("京都", "place", "Kyoto") in {(n.name, n.kind, n.latin) for n in found}


@pytest.mark.skipif(importlib.util.find_spec("fugashi") is None, reason="the extra 'ja' is not installed")
def test_the_real_analyser_meets_an_english_report() -> None:
    ja = "大阪府の吉村洋文知事は２０日、記者団に対し、飲食店の営業時間の短縮を要請すると述べた。"
    en = "Osaka Governor Hirofumi Yoshimura told reporters on the 20th that he would ask restaurants to close early."
    entities = entities_for([("ja", ja), ("en", en)], languages={"ja": "ja", "en": "en"}, analyser=FugashiAnalyser())
    names = {e.name: e.mentions for e in entities}
    assert names["Hirofumi Yoshimura"] == {"ja": 1, "en": 1}
    assert names["Osaka"] == {"ja": 1, "en": 1}


def test_the_setting_turns_the_analyser_off(make_engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSPRISM_JA_ANALYSER")  # the tests' default: off
    on, off = make_engine("on.db"), make_engine("off.db", ja_analyser=False)
    assert off.comparer.japanese is None and "fugashi" not in off.comparer.name
    installed = importlib.util.find_spec("fugashi") is not None
    assert (on.comparer.japanese is not None) == installed
    assert on.comparer.name.endswith("+fugashi+unidic-lite") == installed
