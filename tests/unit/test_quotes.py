"""Direct quotes, reported speech and their speakers, on hand-written sentences, the seed pair and
short PolNeAR excerpts (``fixtures/quotes``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare.base import Quote, QuoteExtractor
from newsprism.compare.quotes import RuleQuoteExtractor
from newsprism.ingest.reader import read_articles
from newsprism.model import Article
from newsprism.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXTRACTOR = RuleQuoteExtractor()


def quotes(text: str, *, kind: str | None = "direct", extractor: RuleQuoteExtractor = EXTRACTOR) -> list[Quote]:
    out = extractor.quotes("a", text)
    for q in out:
        assert text[q.start : q.end] == q.text  # spans index the text exactly
        if q.speaker_start is not None:
            assert q.speaker_end is not None and q.speaker_start < q.speaker_end
    return [q for q in out if kind is None or q.kind == kind]


def pairs(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in quotes(text)]


def spoken(text: str, language: str, *, kind: str = "direct") -> list[tuple[str | None, str]]:
    """(speaker, words) of the quotes of one kind in a text of another language than English."""
    return [(q.speaker, q.text) for q in EXTRACTOR.quotes("a", text, language=language) if q.kind == kind]


def mention(text: str, q: Quote) -> str:
    assert q.speaker_start is not None and q.speaker_end is not None
    return text[q.speaker_start : q.speaker_end]


def test_implements_the_protocol() -> None:
    extractor: QuoteExtractor = RuleQuoteExtractor()
    assert extractor.name == "newsprism.RuleQuotes.v17"
    assert extractor.quotes("x", "") == []


# --- quote marks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('"', '"'),
        ("“", "”"),
        ("«", "»"),
        ("« ", " »"),  # French spacing
        ("„", "“"),  # German
        ("„", "”"),  # Polish
        ("‘", "’"),  # British
        ("'", "'"),  # straight single quotes
        ("‹", "›"),
        ("「", "」"),
        ("''", "''"),  # old newspaper archives
        ("``", "''"),
    ],
)
def test_every_quote_style(opening: str, closing: str) -> None:
    text = f"{opening}We will respond to any aggression,{closing} Blinken said on Wednesday."
    assert pairs(text) == [("Blinken", "We will respond to any aggression")]


def test_apostrophes_do_not_open_quotes() -> None:
    text = "Russia’s pipeline bypasses both l ‘Ukraine and Poland, and in the ‘90s it was ‘fine,’ Lavrov said."
    assert pairs(text) == [("Lavrov", "fine")]


def test_plural_possessive_inside_single_quotes() -> None:
    text = "‘The voters’ anger is real,’ she said."
    assert [q.text for q in quotes(text)] == ["The voters’ anger is real"]


def test_quotes_inside_quotes_belong_to_the_outer_quote() -> None:
    text = "“He told me ‘never again’ and left,” Smith said."
    assert pairs(text) == [("Smith", "He told me ‘never again’ and left")]


def test_partial_quotes_in_one_sentence_share_the_speaker() -> None:
    text = (
        "Secretary of State Antony Blinken met Sergei Lavrov.\n"
        "Blinken said Biden had demonstrated that “if Russia acts aggressively against us, our partners, "
        "and our allies we’ll respond,” but “not for purposes of escalation, not to seek out conflict but "
        "to defend our interests.”"
    )
    got = quotes(text)
    assert [q.speaker for q in got] == ["Antony Blinken", "Antony Blinken"]
    assert got[0].text.startswith("if Russia acts") and got[0].text.endswith("we’ll respond")
    assert got[1].text == "not for purposes of escalation, not to seek out conflict but to defend our interests"
    assert mention(text, got[0]) == "Blinken" and got[0].cue == "said"


def test_a_quote_spanning_sentences_and_the_next_one_of_the_speaker() -> None:
    text = "“We are ready. We have always been ready,” Lavrov said. “The rest is up to them.”"
    assert pairs(text) == [
        ("Lavrov", "We are ready. We have always been ready"),
        ("Lavrov", "The rest is up to them."),
    ]


def test_a_quote_continued_over_paragraphs() -> None:
    text = (
        "Mayor Anna Lindqvist spoke after the vote.\n\n"
        "“The tram will change this town. It links the old centre with the harbour.\n\n"
        "“And it will be built on time,” she said.\n\n"
        "The council approved the plan."
    )
    got = quotes(text)
    assert [q.speaker for q in got] == ["Anna Lindqvist", "Anna Lindqvist"]
    assert got[0].text == "The tram will change this town. It links the old centre with the harbour."
    assert got[1].text == "And it will be built on time"


def test_a_quote_paragraph_takes_the_speaker_of_the_paragraph_before() -> None:
    text = "“We expected this,” said Tomas Berger, the brigade chief.\n\n“Nobody was seriously hurt.”"
    assert pairs(text) == [("Tomas Berger", "We expected this"), ("Tomas Berger", "Nobody was seriously hurt.")]


def test_scare_quotes_and_titles_are_not_speech() -> None:
    text = (
        "The so-called “deep state” has become a slogan.\n"
        'Pence said on CNN\'s "State of the Union" that the debate was over.\n'
        "“Breaking News”\n"
    )
    assert quotes(text) == []
    assert [(q.speaker, q.text) for q in quotes(text, kind="reported")] == [("Pence", "the debate was over")]
    kept = RuleQuoteExtractor(keep_unattributed=True)
    assert ("deep state" in [q.text for q in quotes(text, extractor=kept)]) is True


# --- speakers -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "said_by"),
    [
        ("“We will respond,” Blinken said.", "Blinken", "Blinken"),
        ("“We will respond,” said Blinken.", "Blinken", "Blinken"),
        ("Blinken said: “We will respond.”", "Blinken", "Blinken"),
        ("Blinken told reporters that “we will respond.”", "Blinken", "Blinken"),
        ("“We will respond,” according to Blinken.", "Blinken", "Blinken"),
        ("“We will respond,” Blinken warned reporters.", "Blinken", "Blinken"),
        ("“We will respond,” Blinken wrote in a statement.", "Blinken", "Blinken"),
        ("Sen. John McCain, R-Ariz., said, “We will respond.”", "John McCain", "John McCain"),
        ("“We will respond,” Flynn, a top Trump surrogate, said Thursday.", "Flynn", "Flynn"),
        ("“We will respond,” House Speaker Paul D. Ryan (R-Wis.) said.", "Paul D. Ryan", "Paul D. Ryan"),
        ("“We will respond,” a senior State Department official said.", "a senior State Department official", None),
        ("“We will respond,” sources said.", "sources", "sources"),
        ("“We will respond,” the Kremlin said.", "the Kremlin", "the Kremlin"),
        ("“We will respond,” Trump tweeted.", "Trump", "Trump"),
        ("“We will respond.” ― Sonya Herridge", "Sonya Herridge", "Sonya Herridge"),
        ("Trump’s claim that “we will respond” was false.", "Trump", "Trump"),
    ],
)
def test_speaker_patterns(text: str, speaker: str, said_by: str | None) -> None:
    (q,) = quotes(text)
    assert q.text.lower().startswith("we will respond")
    assert q.speaker == speaker
    assert mention(text, q) == (said_by or "a senior State Department official")


def test_passives_and_noun_cues_are_no_speakers() -> None:
    assert quotes("He was told “no” by the clerk.") == []
    assert quotes("The ad features a New York Times report on his “genius” taxes.") == []


def test_titles_and_roles_are_stripped_and_surnames_resolved() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met Secretary of State Antony Blinken.\n"
        "“We are ready,” Lavrov said.\n"
        "“So are we,” said Mr. Blinken."
    )
    assert [q.speaker for q in quotes(text)] == ["Sergei Lavrov", "Antony Blinken"]


def test_pronouns_resolve_to_the_right_person() -> None:
    text = "Emmanuel Macron met Angela Merkel in Berlin. “We agree on almost everything,” she said."
    assert pairs(text) == [("Angela Merkel", "We agree on almost everything")]
    text = "Blinken met Lavrov on Wednesday.\n“The talks were useful,” he said."
    assert pairs(text) == [("Blinken", "The talks were useful")]  # the subject, not the last name
    text = "Mr. Kowalski and Ms. Nowak met on Monday. “It went well,” she said."
    assert pairs(text) == [("Nowak", "It went well")]


def test_names_inside_quotes_are_no_antecedents() -> None:
    text = "Joe Biden spoke in Ohio. “Donald Trump has failed you,” he said."
    assert pairs(text) == [("Joe Biden", "Donald Trump has failed you")]


def test_definite_nominals_and_roles_resolve_to_their_first_mention() -> None:
    text = (
        "A senior State Department official said the talks were useful.\n"
        "“Nothing was agreed,” the official said.\n"
        "Secretary of State Antony Blinken spoke later. “We will meet again,” the secretary said."
    )
    assert [q.speaker for q in quotes(text)] == ["a senior State Department official", "Antony Blinken"]


def test_transcript_labels() -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Will she be there tomorrow night?\n\n'
        '"PENCE: Well, look, she will not be attending.\n\n'
        "Mike Pence spoke to Chris Wallace."
    )
    assert pairs(text) == [
        ("Chris Wallace", "Will she be there tomorrow night?"),
        ("Mike Pence", "Well, look, she will not be attending."),
    ]


# --- reported speech ------------------------------------------------------------------------------------


def test_reported_speech_shapes() -> None:
    text = (
        "A senior State Department official briefed reporters.\n"
        "The ransomware attack was brought up only in the context of other IT issues, the official said.\n"
        "According to the Kremlin, the meeting was constructive.\n"
        "Blinken said that the United States would respond to any aggression.\n"
        "Lavrov also mentioned Iran and Afghanistan before the talks.\n"
        "Lavrov said there are “serious differences” between them."
    )
    got = [(q.speaker, q.text, q.cue) for q in quotes(text, kind="reported")]
    assert got == [
        (
            "a senior State Department official",
            "The ransomware attack was brought up only in the context of other IT issues",
            "said",
        ),
        ("the Kremlin", "the meeting was constructive", "According to"),
        ("Blinken", "the United States would respond to any aggression", "said"),
    ]
    assert [q.text for q in quotes(text)] == ["serious differences"]  # the quote, not a reported clause


def test_reported_speech_with_titles_and_inside_the_sentence() -> None:
    text = (
        "Stein spokeswoman Melezia Figueroa said the candidate was headed to the venue for interviews.\n"
        "The museum, Mr. Obama said, would make visitors face uncomfortable truths.\n"
        "The new exhibits should open in the spring, Mr. Obama said."
    )
    got = [(q.speaker, q.text) for q in quotes(text, kind="reported")]
    assert got == [
        ("Melezia Figueroa", "the candidate was headed to the venue for interviews"),
        ("Obama", "The museum, Mr. Obama said, would make visitors face uncomfortable truths"),
        ("Obama", "The new exhibits should open in the spring"),
    ]


def test_a_reported_clause_may_open_with_a_bare_noun() -> None:
    text = (
        "But critics say resources could be better spent in partnership with NATO.\n"
        "He said nothing about the plan to the reporters in the room.\n"
        "The Trump campaign has said he's not being audited for returns before 2009."
    )
    assert [(q.speaker, q.text) for q in quotes(text, kind="reported")] == [
        ("critics", "resources could be better spent in partnership with NATO"),
        ("the Trump campaign", "he's not being audited for returns before 2009"),
    ]


def test_findings_and_longer_bare_subjects_report_a_clause() -> None:
    """A poll or a study reports what it found after "that" (never a direct quote's speaker); a bare
    subject of three words may come before its auxiliary; a body keeps its "of" name."""
    text = (
        "A Bloomberg poll shows that most voters in the state have made up their minds already.\n"
        "Johnson said local election officials should reach out to the federal government.\n"
        "Black inmates make up 40 percent of the total, according to the Federal Bureau of Prisons.\n"
        "The mayor was shown “as a paragon of virtue” in the campaign video.\n"
        "Investigators found the car abandoned near the river on Sunday morning."
    )
    assert [(q.speaker, q.text) for q in quotes(text, kind="reported")] == [
        ("a Bloomberg poll", "most voters in the state have made up their minds already"),
        ("Johnson", "local election officials should reach out to the federal government"),
        ("the Federal Bureau of Prisons", "Black inmates make up 40 percent of the total"),
    ]
    assert all(q.speaker != "The mayor" for q in quotes(text, kind="direct"))


def test_bodies_and_named_bodies_report_speech() -> None:
    text = (
        "Oita prefecture announced on the 25th that two new cases had been confirmed in the city.\n"
        "On the 25th, J1 League club Nagoya Grampus announced that a player had tested positive.\n"
        "The bank said it had fired thousands of employees over the accounts.\n"
        "But Megan Hester, senior associate at the institute, said parents still want neighborhood schools."
    )
    assert [(q.speaker, q.text) for q in quotes(text, kind="reported")] == [
        ("Oita prefecture", "two new cases had been confirmed in the city"),
        ("Nagoya Grampus", "a player had tested positive"),
        ("the bank", "it had fired thousands of employees over the accounts"),
    ]  # and "schools" is no body that speaks: the last sentence is not "CLAUSE, said NOMINAL"


def test_a_head_and_its_pp_before_a_name_speak_and_more_clause_openers() -> None:
    text = (
        "A spokeswoman for Hillary Clinton says neither the nominee nor her campaign helped her.\n"
        "Clinton says at a campaign stop in Toledo, Ohio, that it means Trump never paid.\n"
        "Frustration with police: Civil rights activists say Charlotte officers have been too aggressive.\n"
        "He said nothing about the plan to the reporters in the room."
    )
    assert [(q.speaker, q.text) for q in quotes(text, kind="reported")] == [
        ("a spokeswoman for Hillary Clinton", "neither the nominee nor her campaign helped her"),
        ("Hillary Clinton", "it means Trump never paid"),  # the surname resolved
        ("Civil rights activists", "Charlotte officers have been too aggressive"),
    ]  # "said nothing about ..." is no reported clause


def test_a_name_in_apposition_speaks() -> None:
    text = (
        "A lawyer for the news outlets, David Schulz, said no immediate decision had been made.\n"
        "Senator Dianne Feinstein, Democrat of California, said the program has sent a terrible message."
    )
    assert [(q.speaker, q.text) for q in quotes(text, kind="reported")] == [
        ("David Schulz", "no immediate decision had been made"),
        ("Dianne Feinstein", "the program has sent a terrible message"),
    ]
    more = (
        "Trump, speaking to a veterans group in Virginia, said he would order a review of the defenses.\n"
        "Obama, asked about the deal, said it was a good one for the country.\n"
        "Developers and supporters in Congress say the program has brought billions to poor areas.\n"
        "About 9.9 million single mothers live in the United States, according to federal statistics."
    )
    assert [(q.speaker, q.text) for q in quotes(more, kind="reported")] == [
        ("Trump", "he would order a review of the defenses"),
        ("Obama", "it was a good one for the country"),
        ("supporters in Congress", "the program has brought billions to poor areas"),
        ("federal statistics", "About 9.9 million single mothers live in the United States"),
    ]
    police = "On Monday police said the suspect had fled.\nThe officer was not wearing a camera, police said."
    assert [(q.speaker, q.text) for q in quotes(police, kind="reported")] == [
        ("police", "the suspect had fled"),  # not "Monday police"
        ("police", "The officer was not wearing a camera"),
    ]


def test_a_role_before_an_inverted_speaker() -> None:
    assert [(q.speaker, q.text) for q in quotes("“We are ready,” said spokesman John Kirby.")] == [
        ("John Kirby", "We are ready")
    ]


def test_russian_quotes_and_speakers() -> None:
    text = (
        "Мария Захарова выступила в Москве. «Это провокация против нашей страны», — заявила она.\n"
        "«Сегодня на вооружении флота находятся новейшие корабли», — сказал Владимир Путин.\n"
        "Президент России Владимир Владимирович Путин заявил: «Мы будем защищать наши интересы».\n"
        "«Мы готовы к диалогу с партнёрами», — отметил глава МИД Сергей Лавров.\n"
        "Как сообщили в Минобороны, испытания ракеты «Циркон» прошли успешно."
    )
    got = spoken(text, "ru")
    assert got == [
        ("Мария Захарова", "Это провокация против нашей страны"),
        ("Владимир Владимирович Путин", "Сегодня на вооружении флота находятся новейшие корабли"),  # his full name
        ("Владимир Владимирович Путин", "Мы будем защищать наши интересы"),
        ("Сергей Лавров", "Мы готовы к диалогу с партнёрами"),
    ]  # «Циркон» names a missile: no quote


def test_russian_direct_speech_without_quote_marks() -> None:
    text = (
        "Не надо демонизировать народ края. Здесь живут трудолюбивые и замечательные люди, - поделился "
        "Михаил Дегтярев. Он приехал в Москву, — сказал он."
    )
    got = spoken(text, "ru")
    assert got == [("Михаил Дегтярев", "Здесь живут трудолюбивые и замечательные люди")]


def test_russian_speakers_after_the_dash_described_or_followed_by_a_place() -> None:
    text = (
        "Президент России Владимир Путин принял парад.\n"
        '"Военные корабли под Андреевским флагом выполняют самые сложные задачи", - отметил президент.\n'
        '"Внутри пакета есть наиболее приоритетные и срочные вещи", - отметил глава американского минфина.\n'
        '"Артем Дзюба, ну что, может, уже дуэт?" - написал Жуков под видео.\n'
        'Авторы "понимали остроту тем и не хотели никого оскорбить", заявил американец Стивен Окснер в беседе.\n'
        "Стивен Хокинг предостерегает: «ИИ может положить конец человечеству».\n"
        '"Это не та команда, которую мы знаем", - сказал тренер, что удивило всех.'
    )
    got = spoken(text, "ru")
    assert got == [
        ("Владимир Путин", "Военные корабли под Андреевским флагом выполняют самые сложные задачи"),  # "the president"
        ("глава американского минфина", "Внутри пакета есть наиболее приоритетные и срочные вещи"),
        ("Жуков", "Артем Дзюба, ну что, может, уже дуэт?"),
        ("Стивен Окснер", "понимали остроту тем и не хотели никого оскорбить"),
        ("Стивен Хокинг", "ИИ может положить конец человечеству"),
        ("тренер", "Это не та команда, которую мы знаем"),
    ]


def test_russian_reported_speech_after_po_slovam_finds_the_declined_name() -> None:
    text = (
        "Врио губернатора Михаил Дегтярев вышел к участникам акции. "
        "По словам Дегтярева, сейчас край не может оставаться без руководителя."
    )
    got = [(q.speaker, q.text, q.kind) for q in EXTRACTOR.quotes("a", text, language="ru")]
    assert got == [("Михаил Дегтярев", "сейчас край не может оставаться без руководителя", "reported")]


def test_russian_reported_speech_after_po_dannym_and_po_informatsii() -> None:
    """ "По данным X, …" and "По информации X, …" are "According to X, …"; "по данным на 1 июля"
    (as of July 1) and "по предварительным данным" (preliminary figures) name no one."""
    text = (
        "По данным РИА Новости, военный смотр прошел при малом скоплении зрителей.\n"
        "По информации ТАСС, самолет совершил вынужденную посадку в Иркутске.\n"
        "По данным на 1 июля, в городе проживали двенадцать тысяч человек.\n"
        "По предварительным данным, никто из пассажиров самолета не пострадал."
    )
    got = [(q.speaker, q.text, q.kind) for q in EXTRACTOR.quotes("a", text, language="ru")]
    assert got == [
        ("РИА Новости", "военный смотр прошел при малом скоплении зрителей", "reported"),
        ("ТАСС", "самолет совершил вынужденную посадку в Иркутске", "reported"),
    ]


def test_russian_reported_speech_after_chto_and_kak_zayavil() -> None:
    text = (
        "Министр обороны Сергей Шойгу сообщил журналистам, что учения пройдут в августе.\n"
        "Как заявил Дмитрий Песков, Кремль пока не видит оснований для встречи.\n"
        "Флот в этом году получит сорок новых кораблей, сообщил Шойгу.\n"
        "Он вспомнил о том, что было.\n"
        "Президент России Владимир Путин на параде в Санкт-Петербурге заявил, что флот получит новые корабли."
    )
    got = spoken(text, "ru", kind="reported")
    assert got == [
        ("Сергей Шойгу", "учения пройдут в августе"),
        ("Дмитрий Песков", "Кремль пока не видит оснований для встречи"),
        ("Сергей Шойгу", "Флот в этом году получит сорок новых кораблей"),
        ("Владимир Путин", "флот получит новые корабли"),  # not "в Санкт-Петербурге"
    ]  # "вспомнил о том, что было": no speech verb, and too short


def test_russian_bodies_named_after_a_plural_speech_verb() -> None:
    text = (
        "Как сообщили в Минобороны, испытания ракеты прошли успешно в Белом море.\n"
        "Пострадавших доставили в больницу, рассказали в пресс-службе ведомства.\n"
        "Как сообщили в Москве прошел парад, это было красиво и торжественно."
    )
    assert spoken(text, "ru", kind="reported") == [
        ("Минобороны", "испытания ракеты прошли успешно в Белом море"),
        ("пресс-службе ведомства", "Пострадавших доставили в больницу"),
    ]  # "в Москве прошел парад": a place and a clause, no speaker


def test_quotes_and_speakers_in_spanish_italian_french_german_portuguese_and_dutch() -> None:
    cases = [
        ("es", "«Vamos a ganar este partido», dijo el entrenador Luis Enrique.", "Luis Enrique"),
        ("es", "El presidente Pedro Sánchez afirmó: «No vamos a subir los impuestos».", "Pedro Sánchez"),
        ("it", "«Non aumenteremo le tasse», ha detto il premier Mario Draghi.", "Mario Draghi"),
        ("fr", "« Nous n'augmenterons pas les impôts », a déclaré le ministre Bruno Le Maire.", "Bruno Le Maire"),
        ("de", "„Wir werden die Steuern nicht erhöhen“, sagte Finanzminister Christian Lindner.", "Christian Lindner"),
        ("pt", '"Não vamos aumentar os impostos", disse o ministro Fernando Haddad.', "Fernando Haddad"),
        ("nl", '"We verhogen de belastingen niet", zei minister Sigrid Kaag.', "Sigrid Kaag"),
    ]
    for language, text, speaker in cases:
        got = spoken(text, language)
        assert len(got) == 1 and got[0][0] is not None and got[0][0].endswith(speaker), (language, got)
    # articles that are parts of English names stay names ("Los Angeles", "Del Rio"), and so do given
    # names that are pronouns elsewhere ("Ella", "Lei")
    english = (
        "“We will appeal,” said Los Angeles mayor Eric Garcetti.\n“It was a tough game,” said Jack Del Rio.\n"
        '"I love this city," said Ella Fitzgerald.\n"We will win," said Lei Jun, the founder of Xiaomi.'
    )
    assert [s for s, _ in spoken(english, "en")] == ["Eric Garcetti", "Jack Del Rio", "Ella Fitzgerald", "Lei Jun"]


def test_european_pronouns_reported_speech_and_word_order() -> None:
    # a pronoun goes on with the person named before it
    assert spoken("«Vamos a subir el salario», dijo Pedro Sánchez. «Es lo justo para todos», añadió él.", "es") == [
        ("Pedro Sánchez", "Vamos a subir el salario"),
        ("Pedro Sánchez", "Es lo justo para todos"),
    ]
    assert [s for s, _ in spoken('"We verlagen de lasten", zei Mark Rutte. "Het is eerlijk", zei hij.', "nl")] == [
        "Mark Rutte",
        "Mark Rutte",
    ]
    assert spoken("Emmanuel Macron est arrivé. « Nous ne céderons pas », a-t-il déclaré.", "fr") == [
        ("Emmanuel Macron", "Nous ne céderons pas")
    ]
    # reported speech after que / dat / dass, never right after the verb
    for language, text, speaker, words in (
        ("es", "Sánchez dijo que no subirá los impuestos este año.", "Sánchez", "no subirá los impuestos este año"),
        (
            "nl",
            "Mark Rutte zei dat het kabinet de lasten niet verhoogt.",
            "Mark Rutte",
            "het kabinet de lasten niet verhoogt",
        ),
        (
            "de",
            "Olaf Scholz sagte, dass die Regierung die Steuern senkt.",
            "Olaf Scholz",
            "die Regierung die Steuern senkt",
        ),
    ):
        assert spoken(text, language, kind="reported") == [(speaker, words)]
    # a time or an adverb before the verb: the subject follows it (Dutch and German word order)
    for language, text, speaker in (
        ("nl", "Vervolgens zei Jobs dat de nieuwe iPhone in juni uitkomt.", "Jobs"),
        ("de", "Außerdem sagte Scholz, dass die Lage ernst sei.", "Scholz"),
        ("es", "Ayer dijo Sánchez que no subirá los impuestos.", "Sánchez"),
    ):
        assert [s for s, _ in spoken(text, language, kind="reported")] == [speaker]
    # two particles in a surname, before or after the verb, in any language
    assert [s for s, _ in spoken("Luis de la Fuente dijo que «vamos a ganar este partido».", "es")] == [
        "Luis de la Fuente"
    ]
    assert [s for s, _ in spoken('"We will act," said Ursula von der Leyen.', "en")] == ["Ursula von der Leyen"]
    assert spoken("„Wir erhöhen die Steuern nicht“, sagte der Finanzminister Christian Lindner.", "de") == [
        ("Christian Lindner", "Wir erhöhen die Steuern nicht")
    ]


def test_a_long_russian_quote_holds_whole_quotes_of_its_own() -> None:
    lines = [
        '"Из-за травмы я был вне футбола больше года.',
        "30 апреля перенес операцию.",
        "Но теперь все в порядке - снова готов играть.",
        "Правда, пока моя форма далека от оптимальной.",
        'Когда дебютирую за "Легион"?',
        'Возможно, 1 августа попаду в заявку на матч против "Пайде".',
        "Но все зависит от решения тренера, он будет решать.",
        "Сам же я считаю, что мне нужно еще набирать форму.",
        'Посмотрим, как пойдет", - сказал Альберт Проза в воскресенье в интервью ERR.',
    ]
    got = spoken("Последним клубом Прозы была «Таммека».\n" + "\n".join(lines), "ru")
    assert [speaker for speaker, _ in got] == ["Альберт Проза"] * len(lines)
    assert got[4] == ("Альберт Проза", 'Когда дебютирую за "Легион"?')


def test_russian_speakers_after_an_adverb_a_hearer_or_an_agency() -> None:
    """Between a Russian speech verb and its subject may stand an adverb, the hearer with its
    outlet, or an agency the source spoke to; the subject still ends the clause."""
    text = (
        '"Регулировать такие вопросы должны прокуратура и суд", - ранее пояснила корреспонденту ERR '
        "пресс-секретарь Тартуских судов Анетт Крейтсманн.\n"
        '"Прямо в глаза бросается горнолыжный курорт", - рассказал журналистам глава Рузского округа '
        "Николай Парфенов.\n"
        '"Мы готовы к переговорам с Киевом", - сообщил ТАСС источник в Кремле.\n'
        '"Ну вот и приехали, дальше никак", - иронизирует сначала водитель.\n'
        '"Это был тяжелый матч для всей команды", - сообщил журналистам.'
    )
    assert spoken(text, "ru") == [
        ("Анетт Крейтсманн", "Регулировать такие вопросы должны прокуратура и суд"),
        ("Николай Парфенов", "Прямо в глаза бросается горнолыжный курорт"),
        ("источник", "Мы готовы к переговорам с Киевом"),
        ("водитель", "Ну вот и приехали, дальше никак"),
        ("водитель", "Это был тяжелый матч для всей команды"),  # no subject: the last speaker, not the hearers
    ]


def test_russian_statements_and_quoting_verbs_name_who_speaks() -> None:
    """ "— говорится в заявлении МЧС": the statement speaks; "— цитирует Овечкина сайт НХЛ" and
    "— приводит слова Кириленко газета": the object is the speaker (in another case)."""
    text = (
        '"По предварительной информации, пострадавших нет", - говорится в заявлении МЧС.\n'
        "Александр Овечкин вышел на лед.\n"
        '"Сейчас мы свежие, у нас нет травм", - цитирует Овечкина русскоязычная версия сайта НХЛ.\n'
        'Андрей Кириленко вспомнил Коби Брайанта. "Мы хорошо общались с Коби", - приводит слова '
        'Кириленко "Вечерняя Москва".\n'
        "Врио губернатора Михаил Дегтярев встретился с жителями.\n"
        '"Честно скажу, я этого не знал", ― цитирует его "РИА Новости".'
    )
    assert spoken(text, "ru") == [
        ("заявлении МЧС", "По предварительной информации, пострадавших нет"),
        ("Александр Овечкин", "Сейчас мы свежие, у нас нет травм"),
        ("Андрей Кириленко", "Мы хорошо общались с Коби"),
        ("Михаил Дегтярев", "Честно скажу, я этого не знал"),  # "его": the agency quotes him
    ]


def test_a_short_russian_quote_is_speech_only_with_a_dash_and_its_speaker() -> None:
    text = (
        'Олег Тиньков рассказал о лечении. "Череп не разрезают", - добавил он.\n'
        'Лидер "Хезболлы" Хасан Насралла пообещал ответить на удар.\n'
        "На вооружение в этом году поступит ракета «Циркон», — сказал Владимир Путин.\n"
        "Финал «Зенит» — ЦСКА собрал полный стадион.\n"
        "«Ростов» — Краснодар: прогноз на матч.\n"
        "Лавров ответил. «Нет!» — воскликнул он."
    )
    assert spoken(text, "ru") == [("Олег Тиньков", "Череп не разрезают"), ("Лавров", "Нет!")]
    # «Хезболлы», «Циркон», «Зенит», «Ростов»: names inside a sentence or teams, not speech


def test_the_agency_that_quotes_and_the_outlet_heard_are_no_speakers() -> None:
    text = (
        "«Мы не будем повышать налоги в этом году», — цитирует ТАСС министра финансов Антона Силуанова.\n"
        "«Это провал для всех нас», — цитирует Reuters Байдена.\n"
        "«Это провал для всех нас», — сказал агентству Reuters Иван Петров.\n"
        "«Это провал для всех нас», — сказал изданию Politico."
    )
    got = spoken(text, "ru")
    assert [speaker for speaker, _ in got[:3]] == ["Антона Силуанова", "Байдена", "Иван Петров"]
    assert all(speaker not in ("Politico", "Reuters", "ТАСС") for speaker, _ in got)


def test_a_russian_quote_over_several_paragraphs_keeps_one_speaker() -> None:
    text = (
        'Глава РФБ вспомнил матч. "Я опекал его весь первый тайм.\n'
        "Первые три минуты я бегал в полном восхищении от легенды.\n"
        'В той игре моя команда победила, а Джордан набрал 44 очка", - добавил Андрей Кириленко.\n'
        "Матч прошел в Москве."
    )
    got = spoken(text, "ru")
    assert got == [
        ("Андрей Кириленко", "Я опекал его весь первый тайм."),
        ("Андрей Кириленко", "Первые три минуты я бегал в полном восхищении от легенды."),
        ("Андрей Кириленко", "В той игре моя команда победила, а Джордан набрал 44 очка"),
    ]
    # English reopens a quote at each paragraph: an unclosed one does not run on there
    english = 'He said: "I guarded him.\nThe first minutes were a thrill.\nWe won", he added.'
    every = RuleQuoteExtractor(keep_unattributed=True)
    assert [q.text for q in every.quotes("a", english, language="en") if q.kind == "direct"] == ["I guarded him."]


def test_japanese_quotes_and_speakers() -> None:
    text = (
        "そこで吉村知事は「月末になったら提携をして、予約段階でわかるようにする」と話した。\n"
        "大阪府の吉村洋文知事（４５）が２０日、飲食店情報のサイト「ぐるなび」との提携を検討していると明かした。\n"
        "試合後、辻監督は「今日だけは勝利の女神にお願いしました」とたたえた。\n"
        "新しい店の名前は「夜の街の灯り」に決まった。"
    )
    got = spoken(text, "ja")
    assert got == [
        ("吉村知事", "月末になったら提携をして、予約段階でわかるようにする"),
        ("辻監督", "今日だけは勝利の女神にお願いしました"),
    ]  # 「ぐるなび」 names a website, 「夜の街の灯り」 a shop: no speech verb follows


def test_japanese_speakers_with_mo_after_the_quote_and_more_verbs() -> None:
    text = (
        "「とても楽しい一日になりました」と感激。\n"
        "高橋自身も「離脱していた分を一日でも早く取り戻します」と決意。\n"
        "藤田市長は「国や県の動向を注視しつつ、全力で必要な策を講じていく」としている。\n"
        "「冷水シャワーを浴びることで皮膚の温度が下がります」とカサ教授。\n"
        "佐藤署長は「悲惨な事故を一件でも減らすためにも、協力をお願いしたい」とあいさつ。"
    )
    got = spoken(text, "ja")
    assert got == [
        ("高橋", "離脱していた分を一日でも早く取り戻します"),  # 自身: "himself"
        ("藤田市長", "国や県の動向を注視しつつ、全力で必要な策を講じていく"),
        ("カサ教授", "冷水シャワーを浴びることで皮膚の温度が下がります"),
        ("佐藤署長", "悲惨な事故を一件でも減らすためにも、協力をお願いしたい"),
    ]  # 「…」と感激。: a word after と, no title, no speaker


def test_japanese_speakers_of_the_line_before_and_by_their_words() -> None:
    text = (
        "鈴木知事は「生産者にとって勇気の出る取り組みだと思う」と感謝。\n"
        "ラーメンを試食し「タイのだしがよく効いている。おいしい」と太鼓判を押した。\n"
        "送迎は約１時間かかる。\n"
        "「車だと親も自分も負担が大きい」と早期復旧を願う。\n"
        "同社の飯沼一丈副本部長らが２２日、「商品を通して三重県を盛り上げたい」と述べた。\n"
        "ダグラス・カサ教授によると、「冷水シャワーを浴びることが大切です」とのこと。"
    )
    got = spoken(text, "ja")
    assert got == [
        ("鈴木知事", "生産者にとって勇気の出る取り組みだと思う"),
        ("鈴木知事", "タイのだしがよく効いている。おいしい"),  # the titled subject of the line before
        ("飯沼一丈副本部長", "商品を通して三重県を盛り上げたい"),  # ら: and others
        ("ダグラス・カサ教授", "冷水シャワーを浴びることが大切です"),  # によると … とのこと
    ]  # "送迎は" is a topic with no title, not a speaker of the line after


def test_a_japanese_speaker_is_looked_for_in_the_sentence_or_the_line_before_only() -> None:
    # the sentence before the quote's, in its paragraph, has no titled subject: none two lines up
    far = (
        "鈴木知事は２日、新工場の建設を発表した。\n工場は来年完成の予定だ。\n"
        "天気は晴れ。近所の店で「新しい工場がとても楽しみです」と話した。"
    )
    assert spoken(far, "ja") == []
    # a blank line between two paragraphs is no line of text
    blank = (
        "鈴木知事は「生産者にとって勇気の出る取り組みだと思う」と感謝。\n\n"
        "ラーメンを試食し「タイのだしがよく効いている」と太鼓判を押した。"
    )
    assert [who for who, _ in spoken(blank, "ja")] == ["鈴木知事", "鈴木知事"]


def test_japanese_speakers_after_the_quote_and_quotes_over_two_lines() -> None:
    text = (
        "池田監督はミーティングで選手を集め、「今後はベストメンバーで行く」とナインに伝えた。\n"
        "「投稿から場所がわからないことが多い」と村上ＣＥＯは話す。\n"
        "巨人・岸スカウトも「最近見た中で一番良かった。\n"
        "コロナ禍がありながら仕上げてきたのはさすが」とべたホメだ。\n"
        "「雨がやんだ」と遅れが出ていることを伝えた。\n"
        "鈴木知事は「国の方針に従う」と佐藤首相が決めた方針を説明した。"
    )
    assert spoken(text, "ja") == [
        ("池田監督", "今後はベストメンバーで行く"),  # と + whom + に + verb
        ("村上ＣＥＯ", "投稿から場所がわからないことが多い"),  # the speaker between と and the verb
        ("巨人・岸スカウト", "最近見た中で一番良かった。"),  # one quote over two lines, both its parts
        ("巨人・岸スカウト", "コロナ禍がありながら仕上げてきたのはさすが"),
        ("鈴木知事", "国の方針に従う"),  # the speaker before the quote, not a name in the clause after と
    ]  # "遅れが" is a subject without a title: no speaker


def test_japanese_speakers_in_brackets_with_a_home_town_and_more_predicates() -> None:
    text = (
        "松浦は「これからは相手投手のレベルも上がる。自分が走者を帰すつもりで臨む」と心強い。\n"
        "夫婦で訪れた会社員男性（５８）＝岡山市中区＝は「話し方や間の取り方が絶妙で、すぐに引き込まれた」と笑顔。\n"
        "ただ、手数料については「高いほど顧客が流出しにくくなる」（総務省の担当者）という構造問題が横たわる。\n"
        "同社によると売上高が「ブラックフライデー」（年末商戦の初日）を上回った。"
    )
    assert spoken(text, "ja") == [
        ("松浦", "これからは相手投手のレベルも上がる。自分が走者を帰すつもりで臨む"),
        ("会社員男性", "話し方や間の取り方が絶妙で、すぐに引き込まれた"),
        ("総務省の担当者", "高いほど顧客が流出しにくくなる"),
    ]  # （年末商戦の初日） explains a name: no speaker
    works = (
        "映画「千と千尋の神隠し」（宮崎駿監督）が再上映される。\n"
        "田中市長は「新型コロナウイルス対策に全力を挙げる」という報道に驚いた。\n"
        "田中市長は「新型コロナウイルス対策に全力を挙げる」と書かれた看板を見て満足そうだった。"
    )
    assert spoken(works, "ja") == []  # a film and its director; feelings far from と say nothing


def test_japanese_reported_speech_of_the_sentence_topic() -> None:
    text = (
        "【ワシントン共同】米国土安全保障省は２４日、対中作業グループを発足させたと発表した。\n"
        "サッカーＪ１の名古屋は２５日、選手に陽性反応が出たことが確認されたと発表した。\n"
        "彼は「大丈夫だ」と話した。\n"
        "試合は雨で中止と決まった。"
    )
    assert spoken(text, "ja", kind="reported") == [
        ("米国土安全保障省", "対中作業グループを発足させた"),
        ("名古屋", "選手に陽性反応が出たことが確認された"),
    ]  # a quote in 「」 is direct speech; "と決まった" is no speech verb


def test_may_after_a_first_name_is_a_surname() -> None:
    text = (
        "Theresa May said the country would formally declare its intention to leave by March.\n"
        "“We will leave,” said Theresa May.\n"
        "“It may rain,” Smith may say."
    )
    assert [q.speaker for q in quotes(text)] == ["Theresa May", "Smith"]
    assert [q.speaker for q in quotes(text, kind="reported")] == ["Theresa May"]


def test_a_subject_before_said_is_not_reported_speech() -> None:
    """ "…, said he cannot comment" is no inverted "…, said he.": the subject is not the content."""
    text = "The state's campaign chairman, Phil Lovas, said he cannot comment on the letter because he has not seen it."
    assert all("campaign chairman" not in q.text for q in quotes(text, kind="reported"))


def test_reported_speech_can_be_switched_off() -> None:
    text = "Blinken said that the United States would respond. “We will,” he added."
    assert [q.kind for q in RuleQuoteExtractor(reported=False).quotes("a", text)] == ["direct"]


# --- real text at the edges -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    paths = [
        str(FIXTURES / "ingest" / n) for n in ("bloomberg-blinken-lavrov.txt", "nbc-blinken-lavrov-translated.txt")
    ]
    out = {}
    for record in read_articles(paths, settings=Settings.load({"db": ":memory:"}, env={})):
        assert isinstance(record, Article)
        out[record.outlet or ""] = record
    return out


def seed_quotes(article: Article) -> list[Quote]:
    out = EXTRACTOR.quotes(article.external_id or "", article.text, language=article.language)
    for q in out:
        assert article.text[q.start : q.end] == q.text
    return [q for q in out if q.kind == "direct"]


def test_bloomberg_seed_quotes(seeds: dict[str, Article]) -> None:
    got = [(q.speaker, q.text) for q in seed_quotes(seeds["Bloomberg"])]
    assert got == [
        ("Antony Blinken", "no secret that we have our differences"),
        ("Antony Blinken", "if Russia acts aggressively against us, our partners, and our allies we’ll respond"),
        ("Antony Blinken", "not for purposes of escalation, not to seek out conflict but to defend our interests"),
        ("Sergei Lavrov", "serious differences"),
        ("Sergei Lavrov", "our task is to make the best of the diplomatic opportunities that we have"),
    ]


def test_nbc_seed_quotes(seeds: dict[str, Article]) -> None:
    article = seeds["NBC News"]
    got = seed_quotes(article)
    expected = [
        ("a senior State Department official", "constructive"),
        ("Antony Blinken", "There are many areas where our interests intersect and overlap,"),
        ("Antony Blinken", "If Russia acts aggressively against us, our partners, our allies, we will respond"),
        ("Antony Blinken", "And President Biden has demonstrated it both in word and in deed."),
        ("Sergei Lavrov", "We are ready to discuss all matters on the table,"),
        ("Sergei Lavrov", "the laws of diplomacy recommend mutuality,"),
    ]
    assert len(got) == len(expected)
    for q, (speaker, start) in zip(got, expected, strict=True):
        assert q.speaker == speaker
        assert q.text.startswith(start), q.text
    assert got[-1].text.endswith("responding to any kind of hostile action")  # the stray ‘ “’ closes it
    assert got[-1].cue == "warning"
    assert [mention(article.text, q) for q in got[1:]] == ["Blinken", "Blinken", "Blinken", "Lavrov", "Lavrov"]
    reported = [q for q in EXTRACTOR.quotes("nbc", article.text) if q.kind == "reported"]
    by_speaker = {q.speaker for q in reported}
    assert "a senior State Department official" in by_speaker  # "according to …" and "the official said"


def polnear(name: str) -> str:
    return (FIXTURES / "quotes" / name).read_text(encoding="utf-8")


def test_polnear_politico_excerpt() -> None:
    text = polnear("polnear-politico-flynn.txt")
    got = quotes(text)
    assert [(q.speaker, q.text[:30]) for q in got] == [
        ("Michael Flynn", "absolutely right"),
        ("Donald Trump", "the generals have been reduced"),  # "he" in "Flynn said Trump was … when he said"
        ("Michael Flynn", "He's absolutely right. There's"),
        ("Michael Flynn", "I mean, there's a lot of frust"),
        ("Robby Mook", "lashed out at our nation's gen"),
        ("Michael Flynn", "enormous respect"),
    ]  # “Fox and Friends” is a show's title, not a quote
    assert [mention(text, q) for q in got][:3] == ["Michael Flynn", "he", "Flynn"]


def test_polnear_nyt_excerpt_with_double_apostrophes() -> None:
    text = polnear("polnear-nyt-king.txt")
    got = quotes(text)
    speakers = [(q.speaker, q.text[:25]) for q in got]
    assert speakers == [
        ("John Dickey", "We're a content provider;"),
        ("John Dickey", "What media outlet isn't t"),
        ("the Daily Beast", "Manchurian anchors"),
        ("Michael McFaul", "Their strategy is very cl"),
        ("Michael McFaul", "Having people like Larry "),
        ("King", "I have never -- never -- "),
        ("King", "They pay us a lot of mone"),
    ]
    assert mention(text, got[5]) == "King"  # "Mr. King, 82, told me."


def test_deterministic_and_fast(seeds: dict[str, Article]) -> None:
    import time

    text = "\n".join([seeds["NBC News"].text] * 20)
    t0 = time.perf_counter()
    first = EXTRACTOR.quotes("a", text)
    assert time.perf_counter() - t0 < 2.0
    assert first == EXTRACTOR.quotes("a", text)
    assert len([q for q in first if q.kind == "direct"]) == 20 * 6


def test_he_said_goes_on_with_the_last_named_speaker() -> None:
    text = (
        "Police Sgt. Barry Whiteside said the gunman talked to Charlene Kafoury at the reception desk.\n"
        "Kafoury, who was standing in the doorway of the office, was struck in her midsection, Whiteside said.\n"
        "She fell to the floor and died from her wounds, he said.\n"
    )
    quotes = RuleQuoteExtractor().quotes("a", text, language="en")
    fell = [q for q in quotes if q.text.startswith("She fell")]
    assert fell and fell[0].speaker == "Barry Whiteside"


def test_a_quote_cut_over_two_lines_is_its_speakers() -> None:
    text = (
        "He said police told the group to stay put until officers allowed them to leave.\n"
        "\"It's tough.\n"
        'I want to get out," Adgate said by telephone.\n'
    )
    quotes = RuleQuoteExtractor().quotes("a", text, language="en")
    assert [(q.speaker, q.text) for q in quotes if q.kind == "direct"] == [
        ("Adgate", "It's tough."),
        ("Adgate", "I want to get out"),
    ]
    # a paragraph reopening its quote still takes the speaker of the paragraph before
    text = 'Blinken spoke to reporters after the talks, saying:\n"We have our differences. We will talk again."\n'
    quotes = RuleQuoteExtractor().quotes("a", text, language="en")
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Blinken"]


def test_a_speaker_named_after_said_with_nouns_before_the_role() -> None:
    text = (
        "In a village in Bener Meriah district, one man was killed when a landslide engulfed a coffee "
        "plantation, said disaster agency official Fauzi.\n"
    )
    quotes = RuleQuoteExtractor().quotes("a", text, language="en")
    assert [q.speaker for q in quotes] == ["Fauzi"]
    # "…, said he cannot comment": the pronoun opens the reported clause, it is not an inverted speaker
    text = "Lovas, a state representative, said he cannot comment on the letter because he has not seen it.\n"
    assert [q.speaker for q in RuleQuoteExtractor().quotes("a", text, language="en")] == ["Lovas"]


def test_declaring_a_thing_is_no_reported_speech() -> None:
    text = (
        "Police chiefs mobilised all their forces, including those off duty, by declaring a general state of alert.\n"
    )
    assert RuleQuoteExtractor().quotes("a", text, language="en") == []
    text = "The governor declared the election was over.\n"
    assert [q.text for q in RuleQuoteExtractor().quotes("a", text, language="en")] == ["the election was over"]


def test_he_is_no_place() -> None:
    text = (
        "The rescuers from Bener Meriah district and Fauzi, an agency official, reached the village on Wednesday.\n"
        "Another four people died in hospitals in the district from their injuries, he said.\n"
    )
    assert [q.speaker for q in RuleQuoteExtractor().quotes("a", text, language="en")] == ["Fauzi"]


def test_a_short_quote_no_mark_closes_is_no_speech() -> None:
    text = (
        "Vitali was in his brother's corner as usual, urging on fans in the stadium when the first chants "
        'of "Klitschko! Klitschko! stirred.\n'
        "The elder Klitschko will defend his title in Moscow in September.\n"
    )
    assert RuleQuoteExtractor().quotes("a", text, language="en") == []
    # a quote opening its paragraph runs on: still a quote
    text = 'Vitali said after the fight:\n"We will be back in Moscow in September and we will win again\n'
    assert [q.speaker for q in RuleQuoteExtractor().quotes("a", text, language="en")] == ["Vitali"]
    text = 'Vitali said: "We will be back.\nThe fans cheered.\n'  # introduced by a colon
    assert [q.text for q in RuleQuoteExtractor().quotes("a", text, language="en")] == ["We will be back."]


def test_added_before_a_number_is_a_sum_not_speech() -> None:
    text = (
        "Jamaal Charles ran for 226 yards. Peyton Hillis added 101 yards on the ground, and the Chiefs scored once. "
        "The economy added 3,000 jobs in March. Coach Romeo Crennel added that the team would regroup. "
        "The minister added 500 soldiers would be deployed to the border."
    )
    got = [(q.speaker, q.text) for q in EXTRACTOR.quotes("a", text, language="en")]
    assert got == [
        ("Romeo Crennel", "the team would regroup"),
        ("the minister", "500 soldiers would be deployed to the border"),
    ], got


def test_a_speaker_after_two_roles_joined_by_and() -> None:
    """ "said SeaMicro CEO and new AMD general manager Andrew Feldman": the quote was lost (or given
    to the speaker before)."""
    text = (
        "Lisa Su runs the new unit.\n"
        "“What we saw was a chance to take our technology to multiple markets,” said SeaMicro CEO and new AMD "
        "general manager Andrew Feldman on Wednesday.\n“We will grow in many markets this year,” said AMD CEO and "
        "President Rory Read."
    )
    got = [(q.speaker, q.text) for q in EXTRACTOR.quotes("a", text, language="en")]
    assert got == [
        ("Andrew Feldman", "What we saw was a chance to take our technology to multiple markets"),
        ("Rory Read", "We will grow in many markets this year"),
    ], got


def test_a_surname_is_not_the_relative_introduced_with_it() -> None:
    """ "His daughter Joan Felt" or "first lady Jill Biden" is not who "Felt" or "President Biden" is."""
    text = (
        "His daughter Joan Felt said her father ate breakfast every day.\n"
        "“I am the guy they used to call Deep Throat,” Felt told Vanity Fair in 2005.\n"
        "First lady Jill Biden attended the ceremony.\n“We will get through this together,” President Biden said."
    )
    speakers = [q.speaker for q in EXTRACTOR.quotes("a", text, language="en") if q.kind == "direct"]
    assert speakers == ["Felt", "Biden"], speakers


def test_chinese_quotes_and_speakers() -> None:
    """某某表示：“……” and “……”，某某说。: the noun phrase before the speech verb speaks, once adverbs,
    days, places and hearers between them are set aside; 他 is the last speaker named."""
    text = (
        "外交部发言人华春莹28日在例行记者会上表示：“中方坚决反对任何形式的单边制裁。”\n"
        "她还强调：“对话是解决问题的唯一出路。”\n"
        "“我们会继续关注事态发展。”日本首相菅义伟对记者说。\n"
        "参加集会的一名年轻女性（23岁）激动地说：“我第一次感到自己的声音被听到了。”\n"
        "他看完比赛后，竖起大拇指说：“这是我见过最精彩的比赛。”\n"
        "这家名为“幸福小馆”的餐厅于上月开业。"
    )
    got = spoken(text, "zh")
    assert got == [
        ("外交部发言人华春莹", "中方坚决反对任何形式的单边制裁。"),
        ("外交部发言人华春莹", "对话是解决问题的唯一出路。"),  # 她: the last speaker
        ("日本首相菅义伟", "我们会继续关注事态发展。"),
        ("年轻女性", "我第一次感到自己的声音被听到了。"),  # the head after 的, without the age
        ("日本首相菅义伟", "这是我见过最精彩的比赛。"),  # "竖起大拇指" is no name: 他 of the sentence
    ], got  # 「幸福小馆」 names a restaurant: a term, no speech
    quotes = EXTRACTOR.quotes("a", text, language="zh")
    assert mention(text, quotes[0]) == "外交部发言人华春莹"
    assert mention(text, quotes[1]) == "她"


def test_chinese_speakers_that_a_sentence_does_not_name_are_left_out() -> None:
    text = (
        "她激动地称赞队友“不仅漂亮，而且非常专业”。\n"  # the quote is about the teammate, after its object
        "他们把这次活动称为“一次难忘的旅程，值得一生回忆”。\n"
        "“今天的天气非常适合比赛。”"
    )
    assert [s for s, _ in spoken(text, "zh")] == [], spoken(text, "zh")


def test_chinese_reported_speech() -> None:
    text = (
        "俄罗斯总统普京在接受电视台采访时表示，俄罗斯海军今年将接收40艘新舰船。\n"
        "据当地卫生部门介绍，这名患者目前病情稳定，已被送往医院隔离治疗。\n"
        "也就是说，这项计划至少还要推迟三个月才能启动。\n"
        "当地警方称，事故原因仍在调查之中，暂无人员伤亡报告。"
    )
    got = spoken(text, "zh", kind="reported")
    assert got == [
        ("俄罗斯总统普京", "俄罗斯海军今年将接收40艘新舰船"),
        ("当地卫生部门", "这名患者目前病情稳定，已被送往医院隔离治疗"),
        ("当地警方", "事故原因仍在调查之中，暂无人员伤亡报告"),
    ], got  # "也就是说" is a connective: nobody speaks


def test_german_speakers_described_after_the_verb() -> None:
    """German puts the speaker after its verb once the quote opens the sentence: an article and a
    noun ("sagte der Fahrer"), the noun and the person's name, a role with a genitive and the name
    after a comma, a statement ("heißt es in der Mitteilung"), the person a quoting verb quotes."""
    cases = [
        ("„Die Straße war völlig vereist“, sagte der Fahrer.", "der Fahrer"),
        ("„Wir haben die Feuerwehr gerufen“, sagte eine Anwohnerin dem Sender.", "eine Anwohnerin"),
        (
            "„Das Spiel war hart“, sagte der Amerikaner Stephen Thomas Ochsner in einem Interview.",
            "Stephen Thomas Ochsner",
        ),
        ("„Die Brücke bleibt gesperrt“, sagte der Leiter des Bezirks Rusa, Nikolai Parfjonow.", "Nikolai Parfjonow"),
        ("„Die Brücke bleibt gesperrt“, sagte der Leiter des Bezirks Rusa.", "der Leiter des Bezirks Rusa"),
        ("„Die Arbeiten dauern noch zwei Wochen“, heißt es in der Mitteilung.", "der Mitteilung"),
        ("„Niemand hat uns geholfen“, zitiert die Zeitung Iswestija den Anwohner Igor Smirnow.", "Igor Smirnow"),
        ("„Niemand vertraut den Behörden mehr“, pflichtete Olga Iwanowa bei.", "Olga Iwanowa"),
        ("„Niemand kam uns zu Hilfe“, schilderte Anna Petrowa ihre Erfahrung.", "Anna Petrowa"),
        ("„Wir prüfen jeden Fall“, erklärte Igor Smirnow nach dem Treffen.", "Igor Smirnow"),
    ]
    for text, speaker in cases:
        assert [s for s, _ in spoken(text, "de")] == [speaker], (text, spoken(text, "de"))
    # the outlet that quotes nobody named speaks for none
    assert not any(s for s, _ in spoken("„Niemand hat uns geholfen“, zitiert die Zeitung Iswestija.", "de"))


def test_german_pronouns_adverbs_and_quotes_over_lines() -> None:
    # "Er" opens a sentence capitalised; a capitalised adverb before the verb is no speaker, the
    # pronoun after the verb is ("Zugleich sagte er")
    text = (
        "Igor Smirnow leitet die Feuerwehr der Stadt.\n"
        "Zugleich sagte er: „Wir prüfen alles, was in der Nacht passiert ist, sehr genau.“\n"
        "Er fügte hinzu: „Die Lage ist ernst, aber unter Kontrolle.“"
    )
    assert [s for s, _ in spoken(text, "de")] == ["Igor Smirnow", "Igor Smirnow"]
    # a capitalised noun is no person: "Er" after "die Ärztin" has nobody to go on with
    text = "„Wir prüfen jeden Fall sehr genau“, sagte die Ärztin. Er fügte hinzu: „Die Lage ist ernst.“"
    assert [s for s, _ in spoken(text, "de")] == ["die Ärztin", None]
    # „ opens a quote over several lines that only its closing mark ends
    text = (
        "„Das Wasser stieg sehr schnell.\nWir hatten keine Zeit mehr, etwas mitzunehmen.\n"
        "Alles ist verloren“, sagte Igor Smirnow."
    )
    got = spoken(text, "de")
    assert [s for s, _ in got] == ["Igor Smirnow"] * 3 and got[-1][1] == "Alles ist verloren"


def test_czech_quotes_and_speakers() -> None:
    """Czech has no articles and leaves the subject out: a bare noun phrase ending the clause
    speaks, a role before a name, a name after where it was said, and the verb's -l / -la says the
    gender of the person named before."""
    text = (
        "„Silnice byla zcela zamrzlá,“ řekl řidič autobusu.\n"
        "„Okamžitě jsme zavolali hasiče,“ uvedla mluvčí policie Jana Nováková.\n"
        "„Hasiči přijeli za deset minut,“ řekl v rozhovoru pro rozhlas Američan Stephen Thomas Ochsner.\n"
        "Petr Novák na místo přijel pozdě. Jana Nováková tam už byla.\n"
        "„Škoda je obrovská,“ řekla.\n"
        "„Práce potrvají ještě dva týdny,“ uvádí se ve zprávě."
    )
    assert [s for s, _ in spoken(text, "cs")] == [
        "řidič autobusu",
        "Jana Nováková",
        "Stephen Thomas Ochsner",
        "Jana Nováková",  # "řekla": the woman named before, not Petr Novák
        "zprávě",
    ], spoken(text, "cs")
    assert spoken("Starosta Petr Novák řekl, že silnice bude otevřena v pondělí.", "cs", kind="reported") == [
        ("Starosta Petr Novák", "silnice bude otevřena v pondělí")
    ]


def test_foreign_articles_and_words_in_english_and_romance_objects_are_no_speakers() -> None:
    # an article that starts a name, a given name that is a month or a German adverb elsewhere
    for text, speaker in (
        ('"We will see what happens," said La Liga president Javier Tebas.', "Javier Tebas"),
        ('"We will see what happens," said Die Linke leader Janine Wissler.', "Janine Wissler"),
        ('"We will see what happens next," said Mike Nun.', "Mike Nun"),
        ('"We will see what happens next," said Jan Brewer on Jan 5.', "Jan Brewer"),
    ):
        assert [s for s, _ in spoken(text, "en")] == [speaker], (text, spoken(text, "en"))
    assert [s for s, _ in spoken("„Okamžitě jsme zavolali hasiče,“ řekl Jan Novák.", "cs")] == ["Jan Novák"]
    text = "Jan Novák přišel pozdě. „Okamžitě jsme zavolali hasiče, kteří přijeli,“ dodal."
    assert [s for s, _ in spoken(text, "cs")] == ["Jan Novák"]
    # what "announced" has as its object, "the following", a paper named with its article
    for language, text in (
        ("it", "Oltre agli iPod Classic, Nano e Shuffle, ha annunciato il nuovo iPod touch, un lettore."),
        ("es", "«Vamos a ganar este partido y también la liga», señaló lo siguiente."),
        ("es", "Según el New York Times, el presidente dimitirá mañana por la tarde."),
    ):
        got = EXTRACTOR.quotes("a", text, language=language)
        assert not any(q.speaker for q in got), (text, got)
    # a speech verb that ends its paragraph
    for language in ("en", "cs", None):
        assert [q.speaker for q in EXTRACTOR.quotes("a", "„Ano, to je pravda,“ řekl", language=language)] in (
            [],
            [None],
        )


def test_a_chinese_pronoun_after_a_quote_is_the_subject_of_the_sentence_before() -> None:
    text = "外交部发言人华春莹28日在例行记者会上回答了记者的提问。“我们已经准备好了，明天就出发。”她说。"
    assert spoken(text, "zh") == [("外交部发言人华春莹", "我们已经准备好了，明天就出发。")]
    # a sentence before whose subject is no person or body: nobody
    text = "天气很好。“我们已经准备好了，明天就出发。”她说。"
    assert [s for s, _ in spoken(text, "zh")] in ([], [None])


def test_german_reported_speech_in_the_subjunctive_without_dass() -> None:
    for text, speaker, words in (
        (
            "Am Montag sagte Bundeskanzler Olaf Scholz, die Lage sei ernst, aber beherrschbar.",
            "Olaf Scholz",
            "die Lage sei ernst, aber beherrschbar",
        ),
        ("Olaf Scholz sagte, die Regierung werde die Steuern nicht erhöhen.", "Olaf Scholz", None),
        ("Die Polizei teilte mit, der Fahrer sei leicht verletzt worden.", "Die Polizei", None),
        ("Zugleich fügte Stephen Ochsner hinzu, er fürchte die Reaktion mancher Zuschauer.", "Stephen Ochsner", None),
    ):
        got = spoken(text, "de", kind="reported")
        assert [s for s, _ in got] == [speaker], (text, got)
        assert words is None or got[0][1] == words
    # the indicative after a comma is no reported speech without "dass"
    assert spoken("Olaf Scholz sagte, die Regierung hat die Steuern erhöht.", "de", kind="reported") == []


def test_german_and_dutch_adverbs_that_open_a_sentence_are_no_speakers() -> None:
    """The verb comes second in German and Dutch: after an adverb ("Dann", "Hier", "Toen") the
    subject follows the verb, a described one too ("der Amerikaner Stephen Ochsner")."""
    for text, language, kind, speaker in (
        ("Dann sagte Ochsner: „Wir haben Angst um das Dorf.“", "de", "direct", "Ochsner"),
        ("Hier sagte Scholz, die Lage sei ernst, aber beherrschbar.", "de", "reported", "Scholz"),
        (
            "Dann fügte Stephen Ochsner hinzu, er fürchte um die Zukunft des Dorfes.",
            "de",
            "reported",
            "Stephen Ochsner",
        ),
        (
            "Danach sagte der Amerikaner Stephen Ochsner: „Wir haben Angst um das Dorf.“",
            "de",
            "direct",
            "Stephen Ochsner",
        ),
        (
            "Später fügte der Amerikaner Stephen Ochsner hinzu, er fürchte um die Zukunft des Dorfes.",
            "de",
            "reported",
            "Stephen Ochsner",
        ),
        ("Toen zei Jobs dat hij bang was voor de toekomst van het bedrijf.", "nl", "reported", "Jobs"),
    ):
        got = spoken(text, language, kind=kind)
        assert [s for s, _ in got] == [speaker], (text, got)


def test_czech_adverbs_around_the_speech_verb() -> None:
    """Czech "Pak" ("then") opens a sentence whose subject follows the verb, and adverbs stand
    between a subject and its verb; in English text "Pak" stays a (Korean) name."""
    clause = ", že se bojí o budoucnost celé vesnice."
    for text, speaker in (
        ("Pak dodal Jan Novák" + clause, "Jan Novák"),
        ("Pak Novák dodal" + clause, "Novák"),
        ("Novák pak dodal" + clause, "Novák"),
        ("Jana Nováková však uvedla" + clause, "Jana Nováková"),
    ):
        got = spoken(text, "cs", kind="reported")
        assert [s for s, _ in got] == [speaker], (text, got)
    assert [s for s, _ in spoken("Pak said that the team would play on Sunday in Seoul.", "en", kind="reported")] == [
        "Pak"
    ]


def test_ukrainian_speakers_by_the_russian_rules() -> None:
    """Ukrainian speech verbs (сказав, заявив, зазначила, додав, повідомив), "за словами", "як
    повідомив" and ", що" read as their Russian counterparts."""
    for text, kind, speaker in (
        ("«Ми готові до будь-якого розвитку подій», — сказав Володимир Зеленський.", "direct", "Володимир Зеленський"),
        (
            "Міністр оборони Олексій Резніков заявив: «Наші війська тримають оборону на всіх напрямках».",
            "direct",
            "Олексій Резніков",
        ),
        ("«Ми працюємо цілодобово», — зазначила речниця ДСНС Світлана Водолага.", "direct", "Світлана Водолага"),
        (
            "Як повідомив губернатор області Олег Синєгубов, внаслідок обстрілу постраждали троє людей.",
            "reported",
            "Олег Синєгубов",
        ),
        ("Синєгубов додав, що рятувальники працюють на місці події всю ніч.", "reported", "Синєгубов"),
    ):
        got = spoken(text, "uk", kind=kind)
        assert [s for s, _ in got] == [speaker], (text, got)
    got = spoken(
        "За словами Резнікова, ситуація на фронті залишається складною, але контрольованою.", "uk", kind="reported"
    )
    assert len(got) == 1 and got[0][0].startswith("Резнік")
    # a surname in -о declined ("Кириленка") is the person named before
    text = "Президент РФБ Андрій Кириленко провів нараду. За словами Кириленка, сезон відновиться восени без глядачів."
    assert [s for s, _ in spoken(text, "uk", kind="reported")] == ["Андрій Кириленко"]
    # a pronoun goes on with the person named before
    text = "Олег Синєгубов приїхав на місце обстрілу. «Ми відбудуємо все», — сказав він."
    assert [s for s, _ in spoken(text, "uk")] == ["Олег Синєгубов"]


def test_chinese_speakers_whose_relative_speaks_and_adverbs_of_two_characters() -> None:
    assert spoken("张伟的妻子说：“我们已经准备好了，明天就出发。”", "zh") == [
        ("张伟的妻子", "我们已经准备好了，明天就出发。")
    ]
    # "激动地" is the adverb, not "性激动地": the speaker keeps its last character
    assert [s for s, _ in spoken("参加集会的一名年轻女性激动地说：“我第一次感到自己的声音被听到了。”", "zh")] == [
        "年轻女性"
    ]


def test_adverbs_of_one_language_stay_names_in_others() -> None:
    """The German, Dutch and Czech sentence-opening adverbs and the Ukrainian rules are read in
    their own language only: "Dann", "Pak", "Де" and "Марино" are names elsewhere."""
    assert [s for s, _ in spoken('"It\'s over," said Carrie Dann, a Shoshone activist.', "en")] == ["Carrie Dann"]
    assert [s for s, _ in spoken("«Это был трудный фильм», — сказал Роберт Де Ниро журналистам.", "ru")] == ["Де Ниро"]
    # Russian does not decline surnames in -о: "Марина" is not "Марино"
    text = "Министр Дмитрий Марино приехал. «Всё хорошо», — сказала Марина."
    assert [s for s, _ in spoken(text, "ru")] == ["Марина"]
    assert [s for s, _ in spoken("«Мы готовы», — рассказали у министерства.", "ru")] in ([], [None])
    # a Korean name the Czech article also writes inside a sentence keeps its "Pak"
    text = "Pak Kun-hje řekla: „Jsme rádi, že jsme tady.“ Prezidentka Pak Kun-hje pak odjela."
    assert all("Pak Kun-hje" in (s or "") for s, _ in spoken(text, "cs"))


def test_icelandic_quotes_and_speakers() -> None:
    """Icelandic inverts the subject after the quote ("sagði Pútín"), a pronoun ("sagði hann") is
    the man named before, a noun with its article in its ending speaks ("sagði framherjinn"), and
    "segir í tilkynningunni" gives the statement."""
    text = (
        "Alexander Ovechkin kom til Toronto á mánudag.\n"
        "„Við erum tilbúnir,“ sagði hann á blaðamannafundi.\n"
        "„Leikurinn verður erfiður,“ sagði Pútín í gær.\n"
        "„Við höfum engin meiðsli,“ sagði framherjinn.\n"
        "„Eldurinn náði yfir 1.000 fermetra,“ segir í tilkynningunni.\n"
        "„Sjáðu þarna,“ segir ökumaðurinn fyrst í kaldhæðnum tón."
    )
    assert [s for s, _ in spoken(text, "is")] == [
        "Alexander Ovechkin",
        "Pútín",
        "framherjinn",
        "tilkynningunni",
        "ökumaðurinn",
    ], spoken(text, "is")
    assert spoken("Pútín sagði að skrúðgangan yrði haldin á sunnudag.", "is", kind="reported") == [
        ("Pútín", "skrúðgangan yrði haldin á sunnudag")
    ]


def test_hausa_quotes_and_speakers() -> None:
    """Hausa: "in ji X" after the quote, "X ya ce:" before it, the subject pronoun of the verb ("ya
    ƙara da cewa": he added) is the man named before, "in ji shi" (said he), and a noun with its
    article in its ending ("in ji direban": said the driver)."""
    text = (
        'Shugaba Vladimir Putin ya ce: "Ba za mu yi kasa a gwiwa ba."\n'
        '"Za a gudanar da faretin a ranar Lahadi," ya ƙara da cewa.\n'
        '"Akwai jiragen ruwa 40," in ji shi.\n'
        '"Hanyar ta lalace," in ji direban da farko.\n'
        '"Babu wanda ya ji rauni," in ji Korb a taron.'
    )
    assert [s for s, _ in spoken(text, "ha")] == ["Vladimir Putin"] * 3 + ["direban", "Korb"], spoken(text, "ha")
    # a role with the linker -n ("of") is followed by what it heads: the president of Lithuania
    assert spoken('Shugaban Lithuania Gitanas Nausėda ya ce: "Za mu ci nasara."', "ha") == [
        ("Gitanas Nausėda", "Za mu ci nasara.")
    ]


def test_polish_quotes_and_speakers() -> None:
    """Polish goes by the Czech rules: the speaker after the dash and the verb, where it was said
    after the name, the subject left out (-ł a man, -ła a woman), a role before the name, and the
    office a capitalised role heads left out of the name ("Prezydent Rosji Władimir Putin")."""
    text = (
        "Prezydent Rosji Władimir Putin powiedział: „Nie poddamy się.”\n"
        "„Flota otrzyma 40 okrętów” – dodał.\n"
        "„Jesteśmy gotowi” – powiedział Owieczkin w rozmowie z NHL.com.\n"
        "„Dziewczynka trafiła do szpitala” – poinformowała rzeczniczka policji Anna Kowalska.\n"
        "„Pożar objął 1000 metrów” – czytamy w komunikacie."
    )
    assert [s for s, _ in spoken(text, "pl")] == [
        "Władimir Putin",
        "Władimir Putin",
        "Owieczkin",
        "Anna Kowalska",
        "komunikacie",
    ], spoken(text, "pl")
    assert spoken("Putin stwierdził, że parada odbędzie się w niedzielę.", "pl", kind="reported") == [
        ("Putin", "parada odbędzie się w niedzielę")
    ]
    lower = (
        "„Nie poddamy się” – powiedział prezydent Rosji Władimir Putin.\n"
        "„Jesteśmy gotowi” – dodał rzecznik Kremla Dmitrij Pieskow."
    )
    assert [s for s, _ in spoken(lower, "pl")] == ["Władimir Putin", "Dmitrij Pieskow"], spoken(lower, "pl")


def test_names_after_a_role_keep_their_words_in_other_languages() -> None:
    """The office a Polish role heads is left out of a name; an English name of three words after a
    role, and the Icelandic pronoun "hann" as an English surname, are as they were."""
    text = (
        '"We will act," said Prime Minister Lee Hsien Loong on Monday.\n'
        '"We are ready," said Minister Pierre Le Roux.\n'
        '"It is over," said Hann.'
    )
    assert [s for s, _ in spoken(text, "en")] == ["Lee Hsien Loong", "Pierre Le Roux", "Hann"], spoken(text, "en")


def test_hebrew_quotes_and_speakers() -> None:
    """Hebrew has no capitals: the speaker is the words after the verb up to where, when or to whom
    it was said ("אמר פוטין בנאום"), after such a phrase ("אמר ביום שישי דניאל ראסל"), or before the
    verb in its clause; a verb alone is the person named before (הוסיף: he added), and a definite noun
    a description (הדוברת: the spokeswoman)."""
    text = (
        '"הצי שלנו מתרחב כל הזמן", אמר פוטין בנאום בסנט פטרבורג.\n'
        '"השנה יצטרפו ארבעים ספינות", הוסיף.\n'
        '"תלונות אינן דיפלומטיה", אמר ביום שישי דניאל ראסל.\n'
        'עם זאת, אובצ\'קין הודה: "אין לנו הרבה זמן."\n'
        '"הילדה אושפזה", אמרה הדוברת לכתבים.'
    )
    assert [s for s, _ in spoken(text, "he")] == ["פוטין", "פוטין", "דניאל ראסל", "אובצ'קין", "הדוברת"], spoken(
        text, "he"
    )
    # a name that opens with a preposition's letter is told by recurring ("בנט"), the preposition by
    # its rest being a word of the text ("בראיון" / "ראיון")
    text = '"אנחנו מוכנים", אמר בנט בראיון. הראיון נערך בירושלים. "נגן על הגבול", הוסיף בנט.'
    assert [s for s, _ in spoken(text, "he")] == ["בנט", "בנט"]


def test_arabic_quotes_and_speakers() -> None:
    """Arabic: the verb before the speaker ("وقال بوتين: «…»", "«…»، أضاف بروسا"), a verb alone
    after a quote ("وأضاف:") is the person named before, where it was said ends the speaker ("في
    التعليقات"), and a definite noun phrase is a description (السائق: the driver)."""
    text = (
        "وقال راسل: «الشكاوى ليست دبلوماسية».\n"
        "وأضاف: «هذه التصريحات تزيد العداء».\n"
        "«لم أضع لنفسي أهدافا شخصية»، أضاف بروسا.\n"
        "وكتب أحد المشاهدين في التعليقات: «على البشر أن يتعلموا».\n"
        "ويقول السائق بسخرية: «انظروا، إنه وفد كامل»."
    )
    assert [s for s, _ in spoken(text, "ar")] == ["راسل", "راسل", "بروسا", "أحد المشاهدين", "السائق"], spoken(
        text, "ar"
    )


def test_a_hebrew_pronoun_before_the_verb_is_the_person_named_before() -> None:
    text = '"אני כאן", אמר דגטיארב. הוא הוסיף: "מוסקבה שומעת אתכם."'
    assert [s for s, _ in spoken(text, "he")] == ["דגטיארב", "דגטיארב"]


def test_persian_quotes_and_speakers() -> None:
    """Persian puts the verb last: the speaker opens the clause, up to where or how it was said
    ("راننده ابتدا با لحنی … می‌گوید"), a compound verb is one cue ("اعلام کرد"), a verb after "و"
    (and) keeps the subject before it, and "گفت" inside "گفت‌وگو" (a conversation) is no cue."""
    text = (
        "کورب گفت: «حزب بدهی‌هایش را می‌پردازد.»\n"
        "«ما آماده‌ایم»، پوتین در سخنرانی در سن پترزبورگ گفت.\n"
        "راننده ابتدا با لحنی طعنه‌آمیز می‌گوید: «ببین، یک هیئت کامل.»\n"
        "یکی از بینندگان در بخش نظرات نوشت: «مردم باید یاد بگیرند.»\n"
        "سرویس مطبوعاتی پلیس اعلام کرد: «یک دختر مصدوم شد.»\n"
        "راسل در گفت‌وگو با CNBC سخن گفت و افزود: «این اظهارات دشمنی را افزایش می‌دهد.»"
    )
    assert [s for s, _ in spoken(text, "fa")] == [
        "کورب",
        "پوتین",
        "راننده",
        "یکی از بینندگان",
        "سرویس مطبوعاتی پلیس",
        "راسل",
    ], spoken(text, "fa")


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        # names that open with a preposition's letter stay names (found in review)
        ('"אנחנו מוכנים", אמר בנימין נתניהו.', "he", ["בנימין נתניהו"]),
        ('"אנחנו מוכנים", אמר יאיר לפיד.', "he", ["יאיר לפיד"]),
        ('"אנחנו מוכנים", אמר מייק פומפאו לכתבים.', "he", ["מייק פומפאו"]),  # "to the reporters"
        ("«نحن مستعدون»، قال فلاديمير بوتين.", "ar", ["فلاديمير بوتين"]),
        # the verb's ending: הודה (he admitted) is masculine, تقول (she says) feminine
        ('"אנחנו מוכנים", אמר יוסי כהן. "לא טעינו", הודה.', "he", ["יוסי כהן", "יוסי כהן"]),
        (
            "«نحن مستعدون»، قالت هيلاري كلينتون. «نحن مستعدون جدا»، قال ترامب. وتقول: «نعم».",
            "ar",
            ["هيلاري كلينتون", "ترامب", "هيلاري كلينتون"],
        ),
    ],
)
def test_hebrew_and_arabic_names_and_genders(text: str, language: str, speakers: list[str]) -> None:
    assert [s for s, _ in spoken(text, language)] == speakers


def test_hindi_quotes_and_speakers() -> None:
    """Hindi puts the verb last: the speaker is the phrase before the ergative ने (where, when and
    to whom it was said may stand between), before "का कहना" or "के मुताबिक़"; a passive names the
    document ("बयान में कहा गया है"); a present verb's subject has no ने; "उन्होंने" (he) is the
    person named before."""
    text = (
        '"हमारी सेना तैयार है," रक्षा मंत्री राजनाथ सिंह ने मंगलवार को संवाददाताओं से कहा।\n'
        '"सीमा पर शांति है," उन्होंने आगे कहा।\n'
        '"बारिश जारी रहेगी," मौसम विभाग के बयान में कहा गया है।\n'
        '"हम फिर जीतेंगे," कप्तान विराट कोहली का कहना था।\n'
        '"यह रास्ता बंद है," बस में ड्राइवर कहता है।'
    )
    assert [s for s, _ in spoken(text, "hi")] == [
        "रक्षा मंत्री राजनाथ सिंह",
        "रक्षा मंत्री राजनाथ सिंह",
        "मौसम विभाग के बयान",
        "कप्तान विराट कोहली",
        "ड्राइवर",
    ], spoken(text, "hi")
    # a past verb without ने has no subject to read ("… ऐसा बताया गया": no speaker named)
    assert spoken('"सब ठीक है," ऐसा बताया।', "hi") == []


def test_hindi_reported_speech() -> None:
    text = (
        "प्रधानमंत्री ने कहा कि सरकार अगले साल नई योजना शुरू करेगी।\n"
        "विशेषज्ञ अनिल शर्मा के मुताबिक़, इस साल फ़सल पिछले साल से बेहतर होगी।"
    )
    found = spoken(text, "hi", kind="reported")
    assert found == [
        ("प्रधानमंत्री", "सरकार अगले साल नई योजना शुरू करेगी"),
        ("विशेषज्ञ अनिल शर्मा", "इस साल फ़सल पिछले साल से बेहतर होगी"),
    ], found


def test_urdu_quotes_in_right_to_left_marks_and_their_speakers() -> None:
    """Urdu news may set single marks the other way round (’…‘); a quote may run on to the paragraph
    that closes it; the speaker before نے may be named before the verb's clause ("یہ اعلان X نے کیا")."""
    text = (
        "یہ اعلان وزیر اعلیٰ مریم نواز نے کیا۔\n"
        "’ہم نئے اسکول کھولیں گے۔\n"
        "ہر ضلع میں ایک اسپتال بھی بنے گا‘، انہوں نے لاہور میں کہا۔\n"
        "’بارش جاری رہے گی‘، محکمہ موسمیات کے ترجمان کا کہنا تھا۔"
    )
    found = spoken(text, "ur")
    assert [w for _, w in found] == [
        "ہم نئے اسکول کھولیں گے۔",
        "ہر ضلع میں ایک اسپتال بھی بنے گا",
        "بارش جاری رہے گی",
    ], found
    assert [s for s, _ in found] == ["وزیر اعلیٰ مریم نواز", "وزیر اعلیٰ مریم نواز", "محکمہ موسمیات کے ترجمان"]
    # an English apostrophe before a word is no such mark
    assert spoken("’90s music is back, he said.", "en") == []


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("बाइडन ने प्रस्ताव रखा, लेकिन पुतिन बोले कि रूस इस योजना को कभी नहीं मानेगा।", ["पुतिन"]),  # not the earlier ने
        ("रूस ने हमला किया, जबकि ज़ेलेंस्की कहते हैं कि यूक्रेन पूरी ताक़त से लड़ेगा।", ["ज़ेलेंस्की"]),
        ("जब पुतिन ने कहा कि सेना तैयार है, तब बाज़ार गिर गया।", ["पुतिन"]),  # "जब" (when) opens no name
        ("लोग कहते हैं कि यह सड़क बहुत ख़तरनाक हो गई है।", ["लोग"]),  # people: a description
    ],
)
def test_hindi_speakers_stay_in_their_clause(text: str, speakers: list[str]) -> None:
    assert [s for s, _ in spoken(text, "hi", kind="reported")] == speakers


def test_hindi_and_urdu_pronoun_speakers_are_the_person_named_before() -> None:
    text = "यह घोषणा राष्ट्रपति जो बाइडन ने की। वह कहते हैं कि अमेरिका अपने सहयोगियों के साथ खड़ा रहेगा।"
    assert spoken(text, "hi", kind="reported") == [("राष्ट्रपति जो बाइडन", "अमेरिका अपने सहयोगियों के साथ खड़ा रहेगा")]
    text = "وزیر اعظم شہباز شریف نے اجلاس کی صدارت کی۔ اس نے کہا کہ ملک کی معیشت بہتر ہو رہی ہے۔"
    assert [s for s, _ in spoken(text, "ur", kind="reported")] == ["وزیر اعظم شہباز شریف"]


def test_a_right_to_left_single_mark_opens_a_quote_only_when_its_closer_follows() -> None:
    """Hebrew may set ’…’ around a word; only Urdu's ’…‘ is a quote of its own, so the "…" quote after
    it is still read."""
    text = 'ראש הממשלה כינה את המצב ’מסוכן’ מאוד, ואמר: "נגיב בעוצמה על כל התקפה נגד המדינה שלנו".'
    assert [w for _, w in spoken(text, "he")] == ["נגיב בעוצמה על כל התקפה נגד המדינה שלנו"]


def test_an_arabic_cue_with_a_vowel_point_is_a_cue() -> None:
    assert spoken("وقالَ راسل: «الشكاوى ليست دبلوماسية».", "ar") == [("راسل", "الشكاوى ليست دبلوماسية")]


def test_bengali_quotes_and_speakers() -> None:
    """Bengali marks no subject: the speaker follows a verb that follows the quote ("‘…’, বলেন X"),
    else is the phrase before the verb or opening its clause (up to an adverbial: সোমবার, মস্কোতে);
    "তিনি" is the person named before; a passive names its document."""
    text = (
        "‘আমরা সব সময় প্রস্তুত আছি’, বলেন প্রধানমন্ত্রী শেখ হাসিনা।\n"
        "‘নির্বাচন সময়মতো হবে’, তিনি সাংবাদিকদের বলেন।\n"
        "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন সোমবার মস্কোতে বলেন, ‘আমাদের সেনাবাহিনী যেকোনো হামলার জবাব দিতে প্রস্তুত।’\n"
        "‘বৃষ্টি আরও দুই দিন চলবে’, আবহাওয়া অধিদপ্তরের বিবৃতিতে বলা হয়েছে।"
    )
    assert [s for s, _ in spoken(text, "bn")] == [
        "প্রধানমন্ত্রী শেখ হাসিনা",
        "প্রধানমন্ত্রী শেখ হাসিনা",
        "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন",
        "আবহাওয়া অধিদপ্তরের বিবৃতিতে",
    ], spoken(text, "bn")


def test_bengali_reported_speech() -> None:
    text = (
        "অর্থমন্ত্রী বলেন, দেশের অর্থনীতি দ্রুত এগিয়ে যাচ্ছে এবং রপ্তানি বাড়ছে।\n"
        "বিশেষজ্ঞ অনিল শর্মার মতে, এ বছর ফসল আগের চেয়ে ভালো হবে।\n"
        "দেশের অর্থনীতি দ্রুত এগিয়ে যাচ্ছে বলে জানিয়েছেন অর্থমন্ত্রী।"
    )
    assert [s for s, _ in spoken(text, "bn", kind="reported")] == ["অর্থমন্ত্রী", "বিশেষজ্ঞ অনিল শর্মার", "অর্থমন্ত্রী"]


def test_a_bengali_quote_in_single_marks_runs_over_paragraphs() -> None:
    """Bengali news quotes with ‘…’ and may open a quote in one paragraph and close it in a later one
    without reopening it; "প্রোসা এ কথা বলেছেন" (Prosa said this) names the speaker before "this"."""
    text = (
        "‘চোটের কারণে এক বছরের বেশি সময় ফুটবলের বাইরে ছিলাম।\n"
        "এখন সব ঠিক আছে, আমি খেলতে প্রস্তুত’, রোববার এক সাক্ষাৎকারে আলবার্ট প্রোসা এ কথা বলেছেন।"
    )
    assert spoken(text, "bn") == [
        ("আলবার্ট প্রোসা", "চোটের কারণে এক বছরের বেশি সময় ফুটবলের বাইরে ছিলাম।"),
        ("আলবার্ট প্রোসা", "এখন সব ঠিক আছে, আমি খেলতে প্রস্তুত"),
    ]
    # in English a paragraph left open with ‘ is still no quote: its ’ may be an apostrophe
    assert spoken("‘Tis the season.\nThe players’ union met.", "en") == []


def test_a_bengali_announcement_names_who_he_is() -> None:
    text = (
        "এ বছর নৌবাহিনীতে ৪০টি জাহাজ যুক্ত হবে বলে ঘোষণা দিয়েছেন প্রেসিডেন্ট ভ্লাদিমির পুতিন।\n"
        "‘আমাদের নৌবাহিনীর অবকাঠামো প্রতিনিয়ত সম্প্রসারিত হচ্ছে’, কুচকাওয়াজে বক্তব্য দিতে গিয়ে এ কথা বলেন তিনি।"
    )
    assert spoken(text, "bn") == [("প্রেসিডেন্ট ভ্লাদিমির পুতিন", "আমাদের নৌবাহিনীর অবকাঠামো প্রতিনিয়ত সম্প্রসারিত হচ্ছে")]


def test_indonesian_quotes_and_speakers() -> None:
    """Indonesian sets the bare verb after the quote, the speaker after the verb (a name, its roles
    before it, or a description); "ujarnya" is "he said"; "demikian bunyi X": X's wording."""
    text = (
        "Presiden Indonesia Joko Widodo meresmikan jembatan baru di Surabaya.\n"
        "“Jembatan ini akan mempercepat perjalanan warga,” kata Presiden Joko Widodo di lokasi.\n"
        "“Kami sudah menunggu tiga tahun,” ujarnya kepada wartawan.\n"
        '"Lalu lintas harus dialihkan selama dua minggu," ujar seorang petugas dinas perhubungan.\n'
        '"Proyek ini selesai tepat waktu," demikian bunyi pernyataan kementerian tersebut.'
    )
    assert [s for s, _ in spoken(text, "id")] == [
        "Joko Widodo",
        "Joko Widodo",
        "seorang petugas dinas perhubungan",
        "pernyataan kementerian tersebut",
    ]


def test_indonesian_cues_are_read_in_indonesian_only() -> None:
    """A bare Indonesian verb is an everyday word away from a quote ("kata" is also "word"), and in
    another language's text no cue at all; another language's cue ("Laut": German "according to")
    is none in Indonesian text."""
    assert spoken("Kata itu “sangat penting” bagi kami, jelas dalam laporan.", "id") == []
    assert spoken("“We will win,” kata Smith.", "en") == []
    text = "Kementerian Pertahanan Rusia mengatakan bahwa latihan di Laut Hitam berlangsung selama tiga hari."
    reported = spoken(text, "id", kind="reported")
    assert reported == [("Kementerian Pertahanan Rusia", "latihan di Laut Hitam berlangsung selama tiga hari")]


def test_indonesian_speaker_after_the_verb_keeps_the_name_only() -> None:
    """Indonesian names what a role heads after the role, and "untuk" (for) may stand inside it:
    "Utusan Khusus AS untuk Iran Brian Hook" is Brian Hook; "di Twitter" is where he wrote."""
    text = (
        "Perundingan nuklir harus segera dilanjutkan, kata Utusan Khusus AS untuk Iran Brian Hook.\n"
        '"Tidak ada risiko kebocoran data," tulis militer Israel di Twitter.'
    )
    quotes = EXTRACTOR.quotes("a", text, language="id")
    assert [q.speaker for q in quotes] == ["Brian Hook", "Israel"]


def test_turkish_quotes_and_speakers() -> None:
    """Turkish: the subject opens the sentence with a comma before the quote, or follows the verb,
    or a participle names it after ("diyen X'in"); a passive names its document; a case ending
    after the apostrophe is no part of the name."""
    text = (
        "Dışişleri Bakanı Mevlüt Çavuşoğlu, “Görüşmeler yarın Ankara'da devam edecek” dedi.\n"
        "“Taraflar anlaşmaya çok yakın” diye ekledi Çavuşoğlu.\n"
        "“Hazırlıklarımızı tamamladık” diyen Ayşe Demir'in sözlerini ajans aktardı.\n"
        "Bakanlığın açıklamasında, “Yollar iki gün kapalı kalacak” ifadesine yer verildi.\n"
        "Bir seyirci sosyal medyada, “Maç çok heyecanlıydı” diye yazdı."
    )
    assert [s for s, _ in spoken(text, "tr")] == [
        "Mevlüt Çavuşoğlu",
        "Mevlüt Çavuşoğlu",
        "Ayşe Demir",
        "Bakanlığın açıklamasında",
        "Bir seyirci",
    ]


def test_turkish_reported_speech() -> None:
    """ "X, CLAUSE-dığını söyledi" (the clause's verb made a noun) and "X'e göre CLAUSE"."""
    text = (
        "Sağlık Bakanı Fahrettin Koca, yeni hastanenin gelecek ay açılacağını söyledi.\n"
        "Uzman Mehmet Yılmaz'a göre fiyatlar önümüzdeki yıl yüzde on artacak."
    )
    assert spoken(text, "tr", kind="reported") == [
        ("Fahrettin Koca", "yeni hastanenin gelecek ay açılacağını"),
        ("Mehmet Yılmaz", "fiyatlar önümüzdeki yıl yüzde on artacak"),
    ]


def test_a_turkish_subject_carries_no_case_ending() -> None:
    """ "Toronto'ya" (to Toronto) opening the sentence is no subject, nor the clause it opens; a verb
    after a quote opening its sentence stands for the person named before."""
    text = (
        "Kaptan Ahmet Kaya maçtan sonra konuştu.\n"
        "“Çok çalıştık, kazanmayı hak ettik” dedi.\n"
        "Toronto'ya yarın gidiyoruz, “Hazırız” dedi."
    )
    assert [s for s, _ in spoken(text, "tr")] == ["Ahmet Kaya"]


def test_korean_quotes_and_speakers() -> None:
    """Korean: the topic (or subject) particle marks the speaker before the quote or between quote
    and verb; a name comes before its roles ("김민수 외교부 대변인"); "그는" is the person named before."""
    text = (
        "김민수 외교부 대변인은 “회담은 다음 주에 열릴 것”이라고 말했다.\n"
        "“양측은 합의에 가까워졌다”고 김 대변인은 덧붙였다.\n"
        "“비가 사흘 더 내릴 것”이라고 기상청은 발표했다.\n"
        "러시아 출신 축구 선수 이반 페트로프가 기자회견을 열었다.\n"
        "그는 “우리는 준비가 됐다”고 강조했다."
    )
    assert [s for s, _ in spoken(text, "ko")] == ["김민수", "김", "기상청", "이반 페트로프"]


def test_korean_reported_speech_and_according_to() -> None:
    text = (
        "박영희 장관은 새 법안이 다음 달부터 시행된다고 밝혔다.\n"
        "통계청의 발표에 따르면 지난달 실업률은 3.5%로 크게 떨어졌다."
    )
    assert spoken(text, "ko", kind="reported") == [
        ("박영희", "새 법안이 다음 달부터 시행된다고"),
        ("통계청", "지난달 실업률은 3.5%로 크게 떨어졌다"),
    ]


def test_korean_do_is_a_cue_only_after_what_was_said() -> None:
    """ "했다" (did) says something only after a quote or a reported clause."""
    assert spoken("선수들은 “이길 것”이라고 했다.", "ko") == [("선수들", "이길 것")]
    assert spoken("정부는 발표를 했다. “새 계획”은 아직 없다.", "ko") == []


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # words added for Indonesian and Turkish are names in other text
        ("Vali Nasr said, “We will see what comes next.”", "en", "Vali Nasr"),
        ("“We will win the next election,” Lalu said.", "en", "Lalu"),
        ("Jodi Kantor broke the story. “It is true,” she said.", "en", "Jodi Kantor"),
        # Indonesian: "tanya" (asked) is no "-nya" form; "kata dia" is "he said"; a name of three words
        ("“Apakah ini adil?” tanya Anies Baswedan.", "id", "Anies Baswedan"),
        ("Presiden Joko Widodo meresmikan jembatan. “Kami siap,” kata dia.", "id", "Joko Widodo"),
        ("“Inflasi terkendali,” kata Menteri Keuangan Sri Mulyani Indrawati.", "id", "Sri Mulyani Indrawati"),
        ("“Harga naik,” kata Kepala Dinas Perdagangan DKI Jakarta Syaripudin.", "id", "Syaripudin"),
        ("“Kami menang,” kata Jordan Henderson.", "id", "Jordan Henderson"),
        # Turkish: the subject is the head before the comma; what follows "dedi ve" is no subject
        ("Putin ile görüşen Erdoğan, “Anlaşmaya çok yakınız” dedi.", "tr", "Erdoğan"),
        ("Reuters'a konuşan bir yetkili, “Anlaşmaya çok yakınız” dedi.", "tr", "bir yetkili"),
        ("Erdoğan, “Anlaşmaya çok yakınız” dedi ve salondan ayrıldı.", "tr", "Erdoğan"),
        # Korean: a topic after another particle is where or when ("미국에서는"); a name may end like a
        # particle ("김정은"); the subject after a reported clause is its speaker
        ("한편 미국에서는 트럼프 대통령이 “우리는 준비가 됐다”고 밝혔다.", "ko", "트럼프"),
        ("김정은 위원장은 “핵 무력을 강화하겠다”고 말했다.", "ko", "김정은"),
        ("이와 관련해 국방부는 “사실이 아니다”라고 밝혔다.", "ko", "국방부"),
        ("이재명 더불어민주당 대표는 “민생이 우선”이라고 강조했다.", "ko", "이재명"),
    ],
)
def test_speakers_after_review(text: str, language: str, speaker: str) -> None:
    assert [q.speaker for q in EXTRACTOR.quotes("a", text, language=language) if q.kind == "direct"] == [speaker]


def test_what_is_no_attribution_in_turkish_and_korean() -> None:
    """ "göre" after a time is "compared with"; "Buna göre" and "이에 따르면" are "accordingly"; a
    Korean reported clause's own topic is not its speaker."""
    for text in (
        "İhracat geçen yıla göre yüzde 5 arttı ve rekor seviyeye ulaştı.",
        "Buna göre, ihracat yüzde 5 arttı ve rekor kırdı.",
    ):
        assert spoken(text, "tr", kind="reported") == []
    assert spoken("이에 따르면 올해 성장률은 2%에 그칠 것으로 예상된다.", "ko", kind="reported") == []
    text = "외국인 투자자들은 3거래일 연속 순매도를 이어갔다고 한국거래소가 밝혔다."
    assert [s for s, _ in spoken(text, "ko", kind="reported")] == ["한국거래소"]
    assert spoken("Naquele dia disse o ministro: “Vamos vencer.”", "pt") == []  # "dia": day, no Indonesian "he"


def test_vietnamese_quotes_and_speakers() -> None:
    """Vietnamese: the speaker stands before its verb, after the quote and a comma or opening the
    clause; "ông" alone is "he"; "Theo X," is according to X; "X dẫn lời Y" quotes Y; "bài phát biểu"
    (the speech) is a noun, no cue."""
    text = (
        "Thủ tướng Phạm Minh Chính đến thăm Hà Nội.\n"
        "“Chúng tôi sẽ hoàn thành dự án trong năm nay”, ông nói với báo chí.\n"
        "Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova cho biết: “Moskva sẵn sàng đối thoại.”\n"
        "“Giá xăng sẽ tiếp tục tăng”, một chuyên gia kinh tế nhận định và cho biết thêm.\n"
        "“Đội bóng đã thi đấu rất tốt”, hãng tin TASS dẫn lời huấn luyện viên Ivan Petrov cho biết.\n"
        "Bài phát biểu của ông được coi là “lịch sử”."
    )
    assert [s for s, _ in spoken(text, "vi")] == [
        "Phạm Minh Chính",
        "Maria Zakharova",
        "một chuyên gia kinh tế",
        "Ivan Petrov",
    ]


def test_vietnamese_reported_speech() -> None:
    text = (
        "Bộ trưởng Tài chính Hồ Đức Phớc cho biết rằng ngân sách năm nay sẽ tăng mạnh.\n"
        "Theo Tổng cục Thống kê, lạm phát trong quý vừa qua đã giảm xuống dưới 3%."
    )
    assert [s for s, _ in spoken(text, "vi", kind="reported")] == ["Hồ Đức Phớc", "Tổng cục Thống kê"]


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        # Vietnamese: a description ends with what modifies it; a title heads offices and places before
        # the name, which starts at its family name; a capitalised title word inside a name is the name's
        ("“Chúng tôi sẽ hỗ trợ”, một quan chức Mỹ cho biết.", "vi", ["một quan chức Mỹ"]),
        ("Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh cho biết: “Thành phố đã sẵn sàng.”", "vi", ["Trần Sỹ Thanh"]),
        ("Thủ tướng Nhật Bản Fumio Kishida cho biết: “Chúng tôi sẵn sàng.”", "vi", ["Fumio Kishida"]),
        ("Bà Nguyễn Thị Kim Ngân nói: “Quốc hội đã sẵn sàng.”", "vi", ["Nguyễn Thị Kim Ngân"]),
        # a quote is not the next sentence's speaker's; a title in quotes is no speech; "được hỏi": asked
        ("Ông Hùng nói: “Chúng tôi sẽ làm.” Bà Lan nói thêm: “Mọi thứ đã sẵn sàng.”", "vi", ["Hùng", "Lan"]),
        ("Ông Hùng nói: “Chúng tôi sẽ làm.” Người dân cho biết họ rất vui.", "vi", ["Hùng"]),
        ("Ông Hùng đã viết cuốn sách “Lịch sử Việt Nam” năm 2010.", "vi", []),
        ("Ông Hùng được hỏi: “Anh có đồng ý không?”", "vi", []),
    ],
)
def test_vietnamese_speakers_after_review(text: str, language: str, speakers: list[str]) -> None:
    assert [q.speaker for q in EXTRACTOR.quotes("a", text, language=language) if q.kind == "direct"] == speakers


def test_reported_speech_after_the_second_review() -> None:
    """Vietnamese "Theo" is "according to" only before a source ("Theo dõi": follow); "ông" is no
    one when no person is named; Indonesian and Turkish speakers of reported speech read whole."""
    assert (
        spoken("Theo dõi sát tình hình, các cơ quan chức năng đã triển khai nhiều biện pháp.", "vi", kind="reported")
        == []
    )
    text = "Theo báo cáo của Bộ Y tế, số ca mắc mới đã giảm mạnh trong tuần qua."
    assert [s for s, _ in spoken(text, "vi", kind="reported")] == ["Bộ Y tế"]
    assert [s for s, _ in spoken("Giá vàng tăng mạnh trong tuần qua, ông cho biết.", "vi", kind="reported")] == [None]
    text = "Giá vàng tăng mạnh trong tuần qua, ông Trần Văn Nam cho biết."
    assert [s for s, _ in spoken(text, "vi", kind="reported")] == ["Trần Văn Nam"]
    text = "Menteri Keuangan Sri Mulyani Indrawati mengatakan bahwa inflasi akan tetap terkendali tahun ini."
    assert [s for s, _ in spoken(text, "id", kind="reported")] == ["Sri Mulyani Indrawati"]
    text = "TÜİK'in açıkladığı verilere göre enflasyon yüzde 40 seviyesine geriledi."
    assert [s for s, _ in spoken(text, "tr", kind="reported")] == ["TÜİK"]
