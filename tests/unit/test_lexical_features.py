"""The names view of the lexical features in languages without capitals."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.nlp.tokenize import tokens, word_tokens
from newsprism.represent.lexical import LEXICAL_V8, LexicalFeaturizer


def _names(text: str, language: str) -> set[str]:
    article = Article(external_id="a", title="", text=text, content_hash="a", language=language)
    features = LexicalFeaturizer().features(article)
    assert features.version == LEXICAL_V8
    return set(features.names)


def test_japanese_and_chinese_texts_name_the_gazetteers_places_in_english() -> None:
    assert _names("仙台市で新たに２人の感染を確認した。", "ja") == {"sendai"}
    assert _names("長野県諏訪市の病院で、韓国から帰国した女性の感染が確認された。", "ja") == {
        "nagano",
        "south",
        "korea",
    }
    assert _names("俄罗斯总统在莫斯科会见美国代表团", "zh") == {"russia", "moscow", "united", "states"}
    # China's provinces and cities, and Japan's prefectures as Chinese writes them
    assert _names("四川省成都市发生地震，重庆有震感", "zh") == {"sichuan", "chengdu", "chongqing"}
    assert (
        _names("长野县和广岛县新增确诊病例", "zh")
        == _names("長野県と広島県で感染確認", "ja")
        == {"nagano", "hiroshima"}
    )


def test_reports_of_two_places_share_no_name_and_a_translation_shares_them() -> None:
    sendai, nagano = _names("仙台市で感染確認", "ja"), _names("長野県で感染確認", "ja")
    assert sendai.isdisjoint(nagano)
    assert sendai <= _names("Two new cases confirmed in Sendai.", "en")


def test_other_languages_keep_their_capitalised_names_only() -> None:
    assert _names("長野県 is written in Japanese.", "en") == {"japanese"}  # the CJK gazetteer for ja and zh only


def test_japanese_bigrams_leave_out_two_hiragana() -> None:
    found = tokens("感染していたことがわかりました", "ja")
    assert found == ["感染", "染し"]  # "して", "てい", "いた", "こと" ...: grammar, Japanese's stop words
    assert tokens("会见美国代表团", "zh") == ["会见", "见美", "美国", "国代", "代表", "表团"]  # Chinese: every bigram
    assert tokens("ほ", "ja") == [] and tokens("東", "ja") == ["東"]


def test_two_japanese_reports_share_less_grammar() -> None:
    article = Article(external_id="a", title="", text="仙台市で感染を確認しました。", content_hash="a", language="ja")
    body = LexicalFeaturizer().features(article).body
    assert "まし" not in body and "した" not in body and "感染" in body


def _digits(text: str, language: str = "en") -> list[str]:
    article = Article(external_id="a", title="", text=text, content_hash="a", language=language)
    return sorted(LexicalFeaturizer().features(article).digits)


def test_a_translation_writes_its_numbers_otherwise_and_keeps_their_digits() -> None:
    # thousands groups, decimal commas and magnitude words: one number, the same digits on both sides
    assert _digits("around 15,000 military personnel and over 250 ships") == ["15", "25"]
    assert _digits("около 15 тысяч военных и более 250 кораблей", "ru") == ["15", "25"]
    assert _digits("около 15 000 военных", "ru") == ["15"]
    assert _digits("Lehman Brothers ($ 691.06 billion) and WorldCom ($ 103.91 billion)") == ["10391", "69106"]
    assert _digits("Lehman Brothers (691.060 millones de $) y WorldCom (103.910 millones)", "es") == ["10391", "69106"]
    assert _digits("2.5 million") == _digits("2,5 млн", "ru") == ["25"]
    assert _digits("１５，０００人", "ja") == _digits("1万5000人", "ja") == ["15"]
    assert _digits("4億2600万ドル", "ja") == _digits("$426 million") == ["426"]
    assert _digits("２万６４６９・８９ドル", "ja") == _digits("$26,469.89") == ["2646989"]
    assert _digits("1億円", "ja") == _digits("100 million yen") == ["1"]
    assert _digits("売上高は7億1600万円", "ja") == _digits("sales of 716 million yen") == ["716"]  # ends on 万
    assert _digits("1万5千人", "ja") == ["15"] and _digits("2億5千万円", "ja") == _digits("250 million yen") == ["25"]


def test_dates_lists_and_plain_numbers_stay_apart() -> None:
    # significant digits: "202" for 2020, "1" for 100
    assert _digits("on 26.07.2020") == ["202", "26", "7"]  # a date, not a decimal
    assert _digits("in 2008, 2009 and 2020 100 people") == ["1", "2008", "2009", "202"]
    assert _digits("sections 1,2,3 at 12:00") == ["0", "1", "12", "2", "3"]
    assert _digits("１・２・３", "ja") == ["1", "2", "3"]


def test_thousands_of_digits_are_read_without_converting_them() -> None:
    """int() refuses strings of more than 4,300 digits: a table of numbers or a digit dump must
    not fail the article."""
    assert _digits(" ".join(["123"] * 1500)) == ["123" * 1500]
    assert _digits("9" * 5000) == ["9" * 5000]


def test_function_words_of_languages_beyond_the_development_data_weigh_nothing() -> None:
    """Two Hungarian (Icelandic, Polish) reports of different events share their articles,
    conjunctions and pronouns: they are stop words, in the body view and as a sentence's first word
    in the names view."""

    def body(text: str, language: str) -> set[str]:
        article = Article(external_id="a", title="", text=text, content_hash="a", language=language)
        return set(LexicalFeaturizer().features(article).body)

    flood = "A folyó elöntötte a falut, és a lakókat kimentették. Az árvíz miatt az utak le vannak zárva."
    vote = "A parlament elfogadta a törvényt, és a kormány szerint ez egy fontos lépés. Az ellenzék nem szavazott."
    assert body(flood, "hu") & body(vote, "hu") == set()
    assert "az" not in _names(flood, "hu") and "a" not in _names(vote, "hu")
    assert body("Áin flæddi yfir þorpið og íbúum var bjargað.", "is") >= {"áin", "flæddi", "þorpið"}
    assert not {"og", "var"} & body("Áin flæddi yfir þorpið og íbúum var bjargað.", "is")
    assert not {"się", "że", "na"} & body("Rzeka wylała się na wieś, a policja podała, że nikt nie zginął.", "pl")


def test_numbers_written_with_the_arabic_scripts_separators_are_one_number() -> None:
    from newsprism.represent.lexical import numbers_of

    assert numbers_of("۲٬۵۰۰ و ۲٫۵") == numbers_of("2,500 and 2.5") == ["25", "25"]


def test_words_keep_the_vowel_signs_of_indic_scripts() -> None:
    """\\w holds no combining marks: "पुतिन" (Putin) would be "प", "त", "न" without them."""
    assert word_tokens("पुतिन ने मास्को में कहा। মস্কোতে পুতিন") == ["पुतिन", "ने", "मास्को", "में", "कहा", "মস্কোতে", "পুতিন"]
    assert word_tokens("مُحَمَّد and don’t foo_bar") == ["مُحَمَّد", "and", "don't", "foo", "bar"]
    assert tokens("مُحَمَّد قالَ", "ar") == tokens("محمد قال", "ar") == ["محمد"]  # points dropped; قال a stop word
    hindi = LexicalFeaturizer().features(
        Article(external_id="h", title="", text="पुतिन ने कहा कि रूस तैयार है", content_hash="h", language="hi")
    )
    assert "पुतिन" in hindi.body and "तैयार" in hindi.body and "कहा" not in hindi.body  # a Hindi stop word
