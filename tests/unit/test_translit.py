"""Name keys across scripts (nlp.translit) and the names a cross-language join compares."""

from __future__ import annotations

import pytest

from newsprism.cluster.crosslingual import names_in_common
from newsprism.nlp.translit import (
    abjad,
    abjad_skeletons,
    hangul,
    hangul_skeletons,
    indic,
    indic_skeletons,
    name_key,
    short_name_sounds,
    skeletal,
    skeletons,
    transliterated,
    vowels,
    word_skeletons,
    written_sounds,
    written_vowels,
)


@pytest.mark.parametrize(
    ("other", "latin"),
    [
        ("Овечкин", "Ovechkin"),
        ("Путина", "Putin"),  # a case ending
        ("Кронштадте", "Kronstadt"),
        ("Вашингтон", "Washington"),  # w / v
        ("Дегтярев", "Degtyarev"),  # я: ya / ia
        ("Хабаровск", "Khabarovsk"),  # х: kh / h
        ("Александр", "Alexander"),  # x / ks
        ("ЦСКА", "CSKA"),
        ("Зеленський", "Zelenskyy"),  # Ukrainian
        ("Τσίπρας", "Tsipras"),  # Greek, accented
        ("Schröder", "Schroder"),  # diacritics
        ("Голешовіце", "Holešovice"),  # Ukrainian г is h
        ("Гамбурге", "Hamburg"),  # Russian writes a foreign h with г
        ("Голландии", "Holland"),
        ("Novotná", "Новотна"),  # both directions: Czech and Ukrainian
        ("Шойгу", "Šojgu"),  # sh, ш, š (its caron stripped) are one sound
        ("Shoigu", "Sojgu"),  # Hungarian s
        # the digraphs Hungarian and Polish spell other alphabets' sounds with
        ("Сергей", "Szergej"),  # Hungarian sz
        ("Ставрополь", "Sztavropol"),
        ("Чернобыль", "Csernobil"),  # Hungarian cs
        ("Жириновский", "Zsirinovszkij"),  # Hungarian zs
        ("Чечня", "Czeczenia"),  # Polish cz
        # Latin letters with no diacritic to strip
        ("Лукашенко", "Łukaszenka"),
        ("Ђоковић", "Đoković"),
        ("Djokovic", "Đoković"),
        ("Gudni", "Guðni"),
        ("Strauss", "Strauß"),
        ("Soren", "Søren"),
        ("Dangote", "Ɗangote"),  # Hausa hooked letters
        ("Kano", "Ƙano"),
        ("Yar'Adua", "Ƴarʼadua"),
    ],
)
def test_one_name_in_two_scripts_has_one_key(other: str, latin: str) -> None:
    assert name_key(other) is not None
    assert name_key(other) == name_key(latin.lower())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Путин", "Медведев"),
        ("Ovechkin", "Malkin"),
        ("Лавров", "Blinken"),
        ("CSKA", "Casablanca"),
        ("Charlotte", "Carlos"),  # ch and c stay apart
        ("Christopher", "Cristiano"),
        ("Исхаков", "Isakov"),
    ],
)
def test_different_names_have_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_short_names_keep_their_key() -> None:
    assert name_key("Bush") == name_key("Буш") is not None
    assert name_key("Chen") is not None and name_key("Shaw") is not None


@pytest.mark.parametrize("token", ["Ким", "Li", "東京", "ソウル", "القاهرة", "", "12"])
def test_short_tokens_and_other_scripts_have_no_key(token: str) -> None:
    assert name_key(token) is None


def test_transliterated_tells_cyrillic_and_greek_from_latin() -> None:
    assert transliterated("путин") and transliterated("αθήνα")
    assert not transliterated("putin") and not transliterated("müller")


def test_names_are_compared_across_scripts_only() -> None:
    story = {"putin": 2.0, "kronstadt": 1.0, "shoigu": 1.0, "covid": 1.0, "y2020": 1.0}
    keys, story_keys, common = names_in_common({"путин": 1.0, "кронштадте": 1.0, "медведев": 1.0}, story)
    assert (keys, story_keys, common) == (3, 4, ["kronstadt", "putin"])
    # a Latin token of a Russian text (COVID) is lexical evidence, weighed elsewhere: not compared
    assert names_in_common({"covid": 1.0, "путин": 1.0}, story) == (1, 4, ["putin"])
    # same script on both sides: nothing compared
    assert names_in_common({"putin": 1.0, "shoigu": 1.0}, story) == (0, 0, [])
    # an English article against a story whose names are Cyrillic, years left out
    assert names_in_common({"putin": 1.0, "y2020": 1.0}, {"путина": 1.0, "y2020": 1.0}) == (1, 1, ["путина"])


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("פוטין", "Putin"),
        ("ז'ירינובסקי", "Zhirinovsky"),  # geresh: ז' is zh
        ("ז'ירינובסקי", "Жириновский"),  # and from Cyrillic
        ("חברובסק", "Khabarovsk"),  # ח and kh left out, ב is v
        ("ובמוסקבה", "Moscow"),  # "and in Moscow": prefixes; Hebrew writes Moskva
        ("וושינגטון", "Washington"),  # a doubled vav is a w
        ("ולדימיר", "Vladimir"),  # a bare vav may be a v
        ("טראמפ", "Trump"),
        ("צ'רנוביל", "Chernobyl"),
        ("مسکو", "Moscow"),  # Persian
        ("خاباروفسک", "Khabarovsk"),  # Persian ف for the v of -ov
        ("والمكسيك", "Mexico"),  # Arabic al-, wa-
        ("ژیرینوفسکی", "Zhirinovsky"),
    ],
)
def test_an_abjad_word_and_a_latin_name_share_a_skeleton(written: str, latin: str) -> None:
    assert abjad(written)
    assert abjad_skeletons(written) & skeletons(latin.lower())


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("פוטין", "Trump"),
        ("מוסקבה", "Khabarovsk"),
        ("ממשלה", "Mexico"),  # "government"
        ("پوتین", "Zelensky"),
    ],
)
def test_other_names_have_other_skeletons(written: str, latin: str) -> None:
    assert not abjad_skeletons(written) & skeletons(latin.lower())


def test_skeletons_are_for_their_scripts_only() -> None:
    assert not abjad("Putin") and not abjad("Путин") and not abjad("")
    assert abjad_skeletons("Putin") == frozenset()
    assert skeletons("פוטין") == frozenset() and skeletons("東京") == frozenset()
    # each optional letter doubles the spellings, up to three of them
    assert skeletons("vova") == {"b", ""} and skeletons("bova") == {"b"}
    assert 1 < len(skeletons("volkswagenov")) <= 2**3


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("ज़िरिनोव्स्की", "Zhirinovsky"),  # a nukta makes ज a z; virama joins v and s
        ("झुकोव", "Zhukov"),  # and ज, झ write zh without one
        ("देग्त्यारेव", "Degtyarev"),
        ("ख़ाबारोव्स्क", "Khabarovsk"),  # kh and h left out, as in Hebrew
        ("पेंज़ा", "Penza"),  # the anusvara is an n
        ("ओलंपिक", "Olympic"),  # and an m before p
        ("त्सिम्लियान्स्क", "Tsimlyansk"),  # त्स is one ts
        ("কামচাটকা", "Kamchatka"),  # Bengali: the same offsets in its block
        ("ভ্লাদিমির", "Vladimir"),
        ("ஜெலென்ஸ்கி", "Zelensky"),  # Tamil
        ("கிரெம்ளின்", "Kremlin"),  # Tamil writes g with k's letter: both readings
        ("ট্ৰাম্প", "Trump"),  # Assamese ৰ
        ("ਟਰੰਪ", "Trump"),  # Gurmukhi tippi: an n (m before p)
        ("പുടിൻ", "Putin"),  # Malayalam chillu n
        ("الیگزینڈر", "Alexander"),  # Urdu writes x as gz
        ("ٹرمپ", "Trump"),  # Urdu's retroflex letters
        ("ڈونلڈ", "Donald"),
    ],
)
def test_an_indic_or_urdu_word_and_a_latin_name_share_a_skeleton(written: str, latin: str) -> None:
    assert skeletal(written)
    assert word_skeletons(written) & skeletons(latin.lower())


def test_indic_skeletons_are_for_indic_words_only() -> None:
    assert indic("पुतिन") and not indic("Putin") and not indic("פוטין") and not indic("")
    assert not indic("।")  # the danda is punctuation
    assert indic_skeletons("Putin") == frozenset() and indic_skeletons("פוטין") == frozenset()
    assert word_skeletons("पुतिन") == {"btn"}  # three consonants: too short to count (MIN_SKELETON)
    assert not word_skeletons("मास्को") & skeletons("zhirinovsky")
    assert len(indic_skeletons("கககககக")) <= 2**3  # Tamil's readings are varied for three letters at most


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("모스크바에서", "Moscow"),  # a particle after the name
        ("라브로프", "Lavrov"),  # ㄹ is r or l; ㅂ and ㅍ are b, p, f and v
        ("젤렌스키는", "Zelensky"),  # ㅈ is j, z or zh
        ("지리놉스키", "Zhirinovsky"),
        ("하바롭스크", "Khabarovsk"),  # ㅎ and the silent ㅇ left out
        ("베이징", "Beijing"),  # a final ㅇ is ng
        ("인스타그램", "Instagram"),
    ],
)
def test_a_hangul_word_and_a_latin_name_share_a_skeleton(written: str, latin: str) -> None:
    assert skeletal(written) and hangul(written)
    assert word_skeletons(written) & skeletons(latin.lower())


def test_hangul_skeletons_are_for_hangul_words_only() -> None:
    assert not hangul("Putin") and not hangul("पुतिन") and not hangul("")
    assert hangul_skeletons("Putin") == frozenset() and hangul_skeletons("पुतिन") == frozenset()
    assert hangul_skeletons("푸틴은") == {"btn"}  # the particle 은 adds its n to the name's own
    assert hangul_skeletons("모스크바에서") == {"mskb", "mskbs"}  # with the particle and without it
    assert not word_skeletons("대통령") & skeletons("lavrov")


def test_short_names_are_read_with_their_vowels_in_hangul_and_indic_text() -> None:
    assert vowels("Putin") == "AE" and vowels("Пудинг") == "AE" and vowels("Yakov") == "A"  # y before a: a consonant
    assert written_vowels("푸틴은") == "AE" and written_vowels("पुतिन") == "AE"
    assert written_vowels("크렘린") == "E"  # the ㅡ Korean writes between consonants is none
    assert written_vowels("Putin") is None
    assert short_name_sounds("Putin") == {"btn/AE"} == written_sounds("푸틴") == written_sounds("पुतिन")
    assert short_name_sounds("Zhirinovsky") == frozenset()  # long enough for its skeleton alone
    assert short_name_sounds("Tver") == frozenset()  # one vowel class: too little to tell
    assert not written_sounds("부탄") & short_name_sounds("Putin")  # Bhutan: btn, but AA
