"""Visible signs of machine translation: each kind found with its span, one kind alone not enough,
English only; the seed's NBC copy (a round trip through French) reads as machine-translated."""

from __future__ import annotations

import pytest

from newsprism.demo import demo_paths
from newsprism.nlp.mtsigns import MAX_PER_KIND, MIN_KINDS, read_translation_signs

ELISION = "The pipeline bypasses both l ‘Ukraine and Poland."
QUOTE = "“The laws of diplomacy recommend mutuality,” Lavrov said. “\nThe talks went on."
NUMBER = "Efforts to tackle the COVID-pandemic. 19 and to fight climate change."
SCRIPT = "The agency Интерфакс reported the figures on Sunday."


@pytest.mark.parametrize(
    ("text", "kind", "excerpt"),
    [
        (ELISION, "leaked_elision", "l ‘Ukraine"),
        (QUOTE, "quote_opened_at_end", "said. “"),
        (NUMBER, "split_number", "COVID-pandemic. 19"),
        (SCRIPT, "foreign_script", "Интерфакс"),
    ],
)
def test_each_kind_of_sign_is_found_with_its_span(text: str, kind: str, excerpt: str) -> None:
    reading = read_translation_signs(text, "en")
    assert [s.kind for s in reading.signs] == [kind]
    sign = reading.signs[0]
    assert text[sign.start : sign.end] == sign.text and excerpt in sign.text
    assert "\n" not in sign.text  # the context stays on the sign's line
    assert not reading.likely  # one kind alone happens in real English text


def test_signs_of_two_kinds_make_a_text_read_as_machine_translated() -> None:
    assert MIN_KINDS == 2
    reading = read_translation_signs(ELISION + "\n" + NUMBER, "en")
    assert reading.likely and reading.kinds == ("leaked_elision", "split_number")
    assert reading.to_dict()["likely"] is True
    assert "l ‘Ukraine" in reading.summary() and "COVID-pandemic. 19" in reading.summary()
    # the same sign twice is still one kind
    assert not read_translation_signs(ELISION + "\n" + ELISION, "en").likely


def test_ordinary_english_shows_no_sign() -> None:
    text = (
        "The House voted on Jan. 13 to impeach him. He was convicted Nov. 12 of murder.\n"
        "“We will respond,” Blinken said.\n"
        "Lindsay Lohan stayed at the resort of Cap d’Antibes, and L'Oréal shares rose. "
        "Valéry Giscard d'Estaing was there.\n"
        "In 2008. 15 people were hurt."
    )
    assert read_translation_signs(text, "en").signs == ()


def test_abbreviations_line_breaks_and_long_runs() -> None:
    # an abbreviation before a number is ordinary English, even beside a name in its own script
    assert not read_translation_signs("Costs rose by approx. 15 percent, Интерфакс said.", "en").likely
    assert read_translation_signs("Costs rose by approx. 15 percent, incl. 20 cars.", "en").signs == ()
    # an elision is a sign within a line only, and at a sentence start too
    assert read_translation_signs("It goes to l\n\n‘Ukraine.", "en").signs == ()
    assert [s.kind for s in read_translation_signs("L ‘Ukraine refused.", "en").signs] == ["leaked_elision"]
    # a text full of another script lists a few signs, not every word
    many = read_translation_signs("Интерфакс сообщил, " * 40, "en")
    assert len(many.signs) == MAX_PER_KIND


def test_only_english_is_read() -> None:
    text = ELISION + "\n" + NUMBER
    assert read_translation_signs(text, "fr").signs == ()
    assert read_translation_signs(text, None).signs == ()
    assert read_translation_signs("", "en").signs == ()


def test_the_seed_copy_translated_through_french_reads_as_machine_translated() -> None:
    paths = {p.name: p for p in demo_paths()}
    nbc = read_translation_signs(paths["nbc-blinken-lavrov-translated.txt"].read_text(encoding="utf-8"), "en")
    assert nbc.likely and set(nbc.kinds) == {"leaked_elision", "quote_opened_at_end", "split_number"}
    bloomberg = read_translation_signs(paths["bloomberg-blinken-lavrov.txt"].read_text(encoding="utf-8"), "en")
    assert not bloomberg.signs
