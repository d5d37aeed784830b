"""The cleaner: drafts to articles, on the seed pair and on small hand-made drafts."""

from __future__ import annotations

import hashlib
import pickle
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest.base import Extracted
from newsprism.ingest.clean import (
    Cleaner,
    content_hash,
    normalise_text,
    outlet_for_host,
    registrable_domain,
)
from newsprism.ingest.parsers import TextParser
from newsprism.model import Article, Draft, Rejection
from newsprism.nlp.language import FixedLanguage, Py3LangidDetector

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
BODY = "Secretary of State Antony Blinken met his Russian counterpart Sergei Lavrov in Reykjavik on Wednesday."


class FakeExtractor:
    """Returns a fixed extraction (or None) and records the calls."""

    def __init__(self, result: Extracted | None) -> None:
        self.result = result
        self.calls: list[tuple[str, str | None]] = []

    def extract(self, html: str, *, url: str | None = None) -> Extracted | None:
        self.calls.append((html, url))
        return self.result


def cleaner(extracted: Extracted | None = None, language: str | None = "en", min_chars: int = 40) -> Cleaner:
    return Cleaner(FakeExtractor(extracted), FixedLanguage(language), min_text_chars=min_chars)


def article(result: Article | Rejection) -> Article:
    assert isinstance(result, Article), result
    return result


def seed(name: str) -> Article:
    data = (FIXTURES / name).read_bytes()
    (draft,) = TextParser().parse(data, origin=name)
    assert isinstance(draft, Draft)
    return article(Cleaner(FakeExtractor(None), Py3LangidDetector(), min_text_chars=40).clean(draft))


# --- the seed pair (expected.md, "Ingest") ------------------------------------------------------


def test_bloomberg_seed() -> None:
    a = seed("bloomberg-blinken-lavrov.txt")
    assert a.title == "Blinken, Lavrov Begin First Meeting With Summit Timing on Agenda"
    assert a.outlet == "Bloomberg"
    assert a.language == "en"
    assert "(Bloomberg)" not in a.text
    assert "©" not in a.text and "Bloomberg L.P." not in a.text
    assert a.title not in a.text
    # The sentence after the "(Bloomberg) --" dateline is kept, and now opens the body.
    assert a.text.startswith(
        "Secretary of State Antony Blinken met his Russian counterpart Sergei Lavrov on the sidelines"
    )
    assert a.text.endswith("Russia will have that role for the next two years.")
    assert a.external_id == "bloomberg-blinken-lavrov.txt" == a.origin
    assert a.id is None


def test_nbc_seed() -> None:
    a = seed("nbc-blinken-lavrov-translated.txt")
    title = "Blinken and Lavrov meet as US, Russia test waters ahead of Biden-Putin summit"
    assert a.title == title
    assert title not in a.text  # the repeated title line is not part of the body
    assert "Download the NBC News app" not in a.text
    assert a.outlet == "NBC News"
    assert a.language == "en"
    assert a.text.startswith("Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov")
    assert "In April, the United States imposed sanctions on Moscow" in a.text  # the line after the promo
    assert "\n\n\n" not in a.text


# --- normalisation ------------------------------------------------------------------------------


def test_normalise_text() -> None:
    raw = "  Cafe\u0301 \u200bopens\r\nline two   \r\n\r\n\r\n\r\n\tline\u00a0three  \n\n\n"
    assert normalise_text(raw) == "Café opens\nline two\n\nline three"


def test_paragraph_structure_is_kept() -> None:
    text = "Title\n\nFirst paragraph is here and long enough.\nSecond paragraph.\n\nThird one."
    a = article(cleaner().clean(Draft(origin="x", text=text, title_in_text=True)))
    assert a.text == "First paragraph is here and long enough.\nSecond paragraph.\n\nThird one."


# --- titles -------------------------------------------------------------------------------------


def test_draft_title_wins_and_repeated_title_line_is_dropped() -> None:
    text = "BLINKEN meets Lavrov!\n\n" + BODY
    a = article(cleaner().clean(Draft(origin="x", text=text, title="Blinken meets Lavrov")))
    assert a.title == "Blinken meets Lavrov"
    assert a.text == BODY


def test_title_repeat_is_only_dropped_near_the_top() -> None:
    lines = ["Title here", BODY, "Second paragraph of the story.", "Third paragraph.", "Title here"]
    a = article(cleaner().clean(Draft(origin="x", text="\n".join(lines), title_in_text=True)))
    assert a.title == "Title here"
    assert a.text.split("\n") == lines[1:]  # the last "Title here" is the 4th body line: kept


def test_dateline_first_line_is_not_the_title() -> None:
    text = "11 / 28 / 05\nAftershocks jolt Iran's Qeshm island , death toll rises to 10\n" + BODY
    a = article(cleaner().clean(Draft(origin="x", text=text, title_in_text=True)))
    assert a.title == "Aftershocks jolt Iran's Qeshm island , death toll rises to 10"
    assert a.published == datetime(2005, 11, 28, tzinfo=UTC)
    assert a.text == BODY


def test_title_that_is_only_a_date_is_replaced() -> None:
    # ECB+ record 22_14ecbplus has the title "11 / 09 / 2010".
    text = "11 / 09 / 2010\nKraft Shooting : Yvonne Hiller Charged With Two Counts Of Murder\n" + BODY
    a = article(cleaner().clean(Draft(origin="x", text=text, title="11 / 09 / 2010")))
    assert a.title == "Kraft Shooting : Yvonne Hiller Charged With Two Counts Of Murder"
    assert a.published == datetime(2010, 11, 9, tzinfo=UTC)
    assert a.text == BODY


def test_one_sentence_document_keeps_its_text() -> None:
    # ECB+ has documents whose text is only their title.
    sentence = "Relatively unknown actor Matt Smith was named as the next face of TV 's most famous time traveller ."
    a = article(cleaner().clean(Draft(origin="x", text=sentence, title=sentence)))
    assert (a.title, a.text) == (sentence, sentence)


def test_long_first_line_is_a_paragraph_and_the_title_is_derived() -> None:
    paragraph = BODY + " " + "They talked about many things for a long time. " * 6
    a = article(cleaner().clean(Draft(origin="x", text=paragraph, title_in_text=True)))
    assert a.title == BODY
    assert a.text == paragraph.strip()


def test_a_first_line_that_is_a_sentence_stays_in_the_body() -> None:
    """A record with no title whose first line is the lead (a full sentence, not a headline): the
    title is its first sentence, cut where sentences end ("Dr." and "5 . 9" do not end one), and
    the lead stays in the text."""
    lead = (
        "Dr. Ana Ruiz said an earthquake of magnitude 5 . 9 hit southern Iran on Sunday , killing at least 10 people ."
    )
    text = f"{lead}\nThe quake was centred near Qeshm Island, home to 200,000 people."
    a = article(cleaner().clean(Draft(origin="x", text=text, title_in_text=True)))
    assert a.title == lead
    assert a.text == text
    headline = "Quake kills 10 in southern Iran as aftershocks rattle the island of Qeshm on Sunday"
    b = article(cleaner().clean(Draft(origin="x", text=f"{headline}\n{text}", title_in_text=True)))
    assert (b.title, b.text) == (headline, text)


def test_html_without_title_gets_a_derived_one() -> None:
    extracted = Extracted(text=BODY + "\nMore text follows here.")
    a = article(cleaner(extracted).clean(Draft(origin="p.html", html="<p>x</p>")))
    assert a.title == BODY
    assert a.text.startswith(BODY)


# --- datelines and boilerplate ------------------------------------------------------------------


def test_dateline_date_used_and_line_dropped_when_no_metadata_date() -> None:
    text = "Title\nPublished : July 28 , 2004 at 1 : 24 PM\n" + BODY
    a = article(cleaner().clean(Draft(origin="x", text=text, title_in_text=True)))
    assert a.published == datetime(2004, 7, 28, 13, 24, tzinfo=UTC)
    assert a.text == BODY


def test_metadata_date_wins_over_dateline() -> None:
    meta = datetime(2021, 5, 19, tzinfo=UTC)
    text = "Title\nJuly 28 , 2004\n" + BODY
    a = article(cleaner().clean(Draft(origin="x", text=text, title_in_text=True, published=meta)))
    assert a.published == meta
    assert a.text == BODY  # the dateline is still not article text


def test_sentence_with_a_date_is_not_taken_as_dateline() -> None:
    sentence = "Vincent Gigante died while in prison custody on December 19 , 2005 ."
    a = article(cleaner().clean(Draft(origin="x", text=f"Title\n{sentence}\n{BODY}", title_in_text=True)))
    assert a.published is None
    assert a.text == f"{sentence}\n{BODY}"


def test_boilerplate_dropped_and_news_sentences_with_the_same_words_kept() -> None:
    kept = [
        "WASHINGTON (Reuters) - The company said users could download the app from Tuesday.",
        "Copyright lawyers said the ruling would be appealed, according to court papers.",
        "Get the facts before you share anything, the fact-checkers urged.",
    ]
    dropped = [
        "Download the Reuters app for the latest news",
        "Sign up for our daily newsletter",
        "© 2023 Reuters",
    ]
    text = "\n".join(["Title", kept[0], dropped[0], kept[1], dropped[1], kept[2], dropped[2]])
    a = article(cleaner().clean(Draft(origin="x", text=text, title_in_text=True)))
    assert a.text.split("\n") == [
        "The company said users could download the app from Tuesday.",
        kept[1],
        kept[2],
    ]
    assert a.outlet == "Reuters"


# --- outlets ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft_outlet", "site_name", "text", "url", "expected"),
    [
        ("Declared Outlet", "Site", "(Reuters) - " + BODY, "https://www.bbc.co.uk/news/1", "Declared Outlet"),
        (None, "The Detroit News", "(AP) — " + BODY, "https://www.detroitnews.com/x", "The Detroit News"),
        (None, None, "(Bloomberg) -- " + BODY, "https://www.bbc.co.uk/news/1", "Bloomberg"),
        (None, None, BODY + "\n©2021 Bloomberg L.P.", None, "Bloomberg"),
        (None, None, BODY + "\nDownload the NBC News app for the latest news and politics", None, "NBC News"),
        (None, None, BODY, "https://www.bbc.co.uk/news/world-123", "BBC"),
        (None, None, BODY, "https://edition.cnn.com/2021/05/19/politics", "CNN"),
        (None, None, BODY, "https://abcnews.go.com/Politics/x", "ABC News"),
        (None, None, BODY, "https://news.example.co.uk/story", "example.co.uk"),
        (None, None, BODY, "www.example.com/story", "example.com"),
        (None, "Hosted", BODY, "https://hosted.ap.org/citizensvoice/article/1", "Associated Press"),
        (None, "Hosted", "LONDON (AP) — " + BODY, "https://hosted.ap.org/x", "Associated Press"),
        (None, "Smalltown", BODY, "https://smalltown.com/x", "Smalltown"),
        (None, None, BODY, None, None),
    ],
)
def test_outlet_precedence(
    draft_outlet: str | None, site_name: str | None, text: str, url: str | None, expected: str | None
) -> None:
    if site_name is None:
        draft = Draft(origin="x", text=text, title="Title", url=url, outlet=draft_outlet)
        result = cleaner().clean(draft)
    else:
        extracted = Extracted(text=text, title="Title", site_name=site_name)
        result = cleaner(extracted).clean(Draft(origin="x", html="<p/>", url=url, outlet=draft_outlet))
    assert article(result).outlet == expected


def test_host_helpers() -> None:
    assert outlet_for_host("www.nytimes.com") == "The New York Times"
    assert outlet_for_host("feeds.reuters.com") == "Reuters"
    assert outlet_for_host("notreuters.com") is None
    assert registrable_domain("a.b.example.com") == "example.com"
    assert registrable_domain("news4allz.blogspot.nl") == "news4allz.blogspot.nl"
    # a country's generic second level is no publisher
    assert registrable_domain("www.sunstar.com.ph") == "sunstar.com.ph"
    assert registrable_domain("english.ahram.org.eg") == "ahram.org.eg"
    assert registrable_domain("kim.wits.ac.za") == "wits.ac.za"
    assert registrable_domain("www.lemonde.fr") == "lemonde.fr"
    assert registrable_domain("sport.net.hr") == registrable_domain("www.net.hr") == "net.hr"  # a site


# --- HTML drafts --------------------------------------------------------------------------------


def test_html_draft_is_extracted_and_metadata_fills_gaps() -> None:
    extracted = Extracted(
        text="Page Title\n" + BODY,
        title="Page Title",
        author="Jane Doe",
        published="2019-11-20",
        site_name="Al Jazeera",
        url="https://www.aljazeera.com/news/x.html",
        language="en",
    )
    fake = FakeExtractor(extracted)
    c = Cleaner(fake, FixedLanguage("fr"), min_text_chars=40)
    a = article(c.clean(Draft(origin="p.html", html="<html>page</html>", url="https://given/url")))
    assert fake.calls == [("<html>page</html>", "https://given/url")]
    assert a.title == "Page Title"
    assert a.text == BODY
    assert a.author == "Jane Doe"
    assert a.published == datetime(2019, 11, 20, tzinfo=UTC)
    assert a.outlet == "Al Jazeera"
    assert a.url == "https://given/url"  # the draft's own URL wins
    assert a.language == "en"  # the page's declared language beats the detector


def test_extractor_finding_nothing_is_no_article_text() -> None:
    result = cleaner(None).clean(Draft(origin="p.html", html="<html><nav>menu</nav></html>"))
    assert isinstance(result, Rejection)
    assert (result.origin, result.reason) == ("p.html", "no-article-text")


# --- language, rejections, ids, hash ------------------------------------------------------------


def test_language_from_draft_is_normalised_else_detected() -> None:
    draft = Draft(origin="x", text=BODY, title="T", language="EN-us")
    assert article(cleaner(language="de").clean(draft)).language == "en"
    assert article(cleaner(language="de").clean(Draft(origin="x", text=BODY, title="T"))).language == "de"
    assert article(cleaner(language=None).clean(Draft(origin="x", text=BODY, title="T"))).language is None


ENGLISH = (
    "Rescuers searched through the night for survivors of the earthquake that struck the region on "
    "Tuesday, officials said. The death toll rose to 14 and hundreds of homes were damaged in the town "
    "and in the villages around it, where the roads were cut."
)
SPANISH = (
    "Los rescatistas buscaron durante la noche a los sobrevivientes del terremoto que sacudió la región "
    "el martes, dijeron las autoridades. El número de muertos subió a 14 y cientos de casas resultaron "
    "dañadas en el pueblo y en las aldeas de los alrededores."
)


@pytest.mark.parametrize(
    ("declared", "text", "language"),
    [
        ("es", ENGLISH, "en"),  # a feed's default language on an English report: the text wins
        ("ja", ENGLISH, "en"),
        ("en", SPANISH, "es"),
        ("es", SPANISH, "es"),
        ("en", ENGLISH, "en"),
        ("sv", ENGLISH, "en"),  # Swedish has a list of function words since LexicalFeatures.v6
        ("af", ENGLISH, "af"),  # no list of Afrikaans function words and the same script: trusted
    ],
)
def test_a_declared_language_the_text_clearly_contradicts_is_detected(declared: str, text: str, language: str) -> None:
    draft = Draft(origin="x", text=text, title="Quake", language=declared)
    assert (
        article(Cleaner(FakeExtractor(None), Py3LangidDetector(), min_text_chars=40).clean(draft)).language == language
    )


@pytest.mark.parametrize(
    ("draft", "reason"),
    [
        (Draft(origin="x", text="Title\nToo short.", title_in_text=True), "empty"),
        (Draft(origin="x", text="   \n  "), "empty"),
        (Draft(origin="x"), "empty"),
        (Draft(origin="x", text="Title\n" + "\x01\x02\x03\x04 binary" * 20, title_in_text=True), "binary"),
        (Draft(origin="x", text="Title\n" + "\ufffd\ufffd broken " * 20, title_in_text=True), "undecodable"),
        (
            Draft(origin="x", text="Title\nDownload the NBC News app\n©2021 Bloomberg L.P.", title_in_text=True),
            "empty",
        ),
    ],
)
def test_rejections(draft: Draft, reason: str) -> None:
    result = cleaner().clean(draft)
    assert isinstance(result, Rejection)
    assert (result.origin, result.reason) == ("x", reason)


def test_min_text_chars_is_respected() -> None:
    draft = Draft(origin="x", text="Title\n" + "a" * 39, title_in_text=True)
    assert isinstance(cleaner(min_chars=40).clean(draft), Rejection)
    assert isinstance(cleaner(min_chars=39).clean(draft), Article)


def test_external_id_is_the_draft_id_else_its_origin() -> None:
    assert article(cleaner().clean(Draft(origin="f.jsonl:3", text=BODY, title="T"))).external_id == "f.jsonl:3"
    with_id = Draft(origin="f.jsonl:3", text=BODY, title="T", external_id="abc")
    a = article(cleaner().clean(with_id))
    assert (a.external_id, a.origin) == ("abc", "f.jsonl:3")


def test_content_hash_ignores_case_whitespace_and_punctuation_edits() -> None:
    base = content_hash("Blinken meets Lavrov", "They met, in Reykjavik.\nTalks went on.")
    assert base == content_hash("BLINKEN  meets Lavrov!", "They met in Reykjavik\n\nTalks   went on...")
    assert base != content_hash("Blinken meets Lavrov", "They met in Oslo.\nTalks went on.")
    expected = hashlib.sha256(b"blinken meets lavrov they met in reykjavik talks went on").hexdigest()
    assert base == expected


def test_articles_with_whitespace_edits_share_a_hash() -> None:
    one = article(cleaner().clean(Draft(origin="a", text=f"Title\n{BODY}\n\nEnd.", title_in_text=True)))
    two = article(cleaner().clean(Draft(origin="b", text=f"  Title  \r\n\r\n{BODY}  \r\nEnd.\r\n", title_in_text=True)))
    assert one.content_hash == two.content_hash
    assert one.text != two.text  # the paragraph break differs, the hash does not


def test_cleaning_is_deterministic_and_the_cleaner_pickles() -> None:
    c = Cleaner(FakeExtractor(None), FixedLanguage("en"), min_text_chars=40)
    draft = Draft(origin="x", text="Title\n(Reuters) - " + BODY, title_in_text=True)
    again = pickle.loads(pickle.dumps(c))
    assert c.clean(draft) == again.clean(draft) == c.clean(draft)


# --- the fast paths of normalise_text and content_hash give what the plain regex steps give -------

_ODD = "ab _-\n\r\t\x0b\x0c\x85\u2028\u2029\u00a0\u200b\u00ad\u3000\u2009\x1c\x1fé\u0301,.!’“”"


def _normalise_reference(text: str) -> str:
    """normalise_text as plain regex steps (how it was written before its fast paths)."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFC", text).translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")))
    text = re.sub(r"[^\S\n]+", " ", re.sub(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]", "\n", text))
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _hash_reference(title: str, text: str) -> str:
    import re

    normalised = re.sub(r"[\W_]+", " ", f"{title}\n{text}".casefold()).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


_PIECES = [*_ODD, "\r\n", "  ", "\n\n\n", "word", "Ünïcode", "東京"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_normalise_text_and_content_hash_match_the_plain_regex_steps(text: str) -> None:
    assert normalise_text(text) == _normalise_reference(text)
    assert content_hash(text[:7], text) == _hash_reference(text[:7], text)


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_normalise_text_matches_the_plain_regex_steps_on_any_text(text: str) -> None:
    assert normalise_text(text) == _normalise_reference(text)
    assert content_hash("", text) == _hash_reference("", text)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://example.org/news/1", "https://example.org/news/1"),
        ("www.example.org/news/1", "www.example.org/news/1"),
        ("N/A", None),
        ("not a url", None),
        ("none", None),
    ],
)
def test_a_placeholder_is_no_url(given: str, kept: str | None) -> None:
    """Two articles whose url says "N/A" are not one page (the url is how duplicates are found)."""
    a = article(cleaner().clean(Draft(origin="x", text=BODY, title="Blinken meets Lavrov", url=given)))
    assert a.url == kept
