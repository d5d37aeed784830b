"""trafilatura extraction on real pages from the Zyte article-extraction benchmark (gzipped fixtures)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsprism.errors import ParseError
from newsprism.ingest.clean import Cleaner
from newsprism.ingest.html import TrafilaturaExtractor
from newsprism.ingest.parsers import HtmlParser
from newsprism.model import Article, Draft
from newsprism.nlp.language import FixedLanguage

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"

# (fixture, a sentence of the gold article body, strings of the page that are not article text)
PAGES = [
    (
        "aljazeera-helicopter-crash.html.gz",
        "Two United States service members have been killed in a helicopter crash in Afghanistan, "
        "the US military said in a statement on Wednesday.",
        ["Featured Documentaries", "Toggle navigation", "The Listening Post"],
    ),
    (
        "detroitnews-teachers-protest.html.gz",
        "The union-organized rally represented Indiana’s biggest such teacher protest amid a wave of "
        "educator activism across the country over the past two years.",
        ["Terms of Service", "EUROPEAN UNION EXPERIENCE", "a Digital First Media Newspaper"],
    ),
    (
        "ap-tories-twitter.html.gz",
        "Organizations that seek to combat political misinformation cried foul.",
        ["Skip to main content", "Places in this Story", "Ron Ely"],
    ),
]


def page(name: str) -> str:
    (draft,) = HtmlParser().parse(gzip.decompress((FIXTURES / name).read_bytes()), origin=name)
    assert isinstance(draft, Draft) and draft.html is not None
    return draft.html


@pytest.fixture(scope="module")
def extractor() -> TrafilaturaExtractor:
    return TrafilaturaExtractor()


@pytest.mark.parametrize(("name", "gold", "chrome"), PAGES)
def test_extractor_finds_the_body_not_the_chrome(
    extractor: TrafilaturaExtractor, name: str, gold: str, chrome: list[str]
) -> None:
    found = extractor.extract(page(name))
    assert found is not None
    assert gold in found.text
    for text in chrome:
        assert text not in found.text
    assert "\n\n" not in found.text  # paragraphs separated by single newlines


def test_extractor_metadata(extractor: TrafilaturaExtractor) -> None:
    found = extractor.extract(page("aljazeera-helicopter-crash.html.gz"))
    assert found is not None
    assert found.title == "US service members killed in Afghanistan helicopter crash"
    assert found.site_name == "Al Jazeera"
    assert found.published is not None and found.published.startswith("2019-11-20")
    ap = extractor.extract(page("ap-tories-twitter.html.gz"))
    assert ap is not None and ap.published == "2019-11-20T06:01:44-0500"  # the time of day is kept
    assert found.url == (
        "https://www.aljazeera.com/news/2019/11/service-members-killed-afghanistan-helicopter-crash-"
        "191120070028895.html"
    )
    detroit = extractor.extract(page("detroitnews-teachers-protest.html.gz"))
    assert detroit is not None and detroit.author == "Tom Davies"


def test_extractor_returns_none_without_main_text(extractor: TrafilaturaExtractor) -> None:
    assert extractor.extract("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>") is None
    assert extractor.extract("<html><body><div> </div></body></html>") is None


def test_extractor_failure_is_a_parse_error(monkeypatch: pytest.MonkeyPatch, extractor: TrafilaturaExtractor) -> None:
    import trafilatura

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("lxml exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    with pytest.raises(ParseError) as info:
        extractor.extract("<p>x</p>")
    assert info.value.reason == "extraction-failed"
    cleaned = Cleaner(extractor, FixedLanguage("en"), min_text_chars=10).clean(Draft(origin="p.html", html="<p>x</p>"))
    assert not isinstance(cleaned, Article)
    assert (cleaned.origin, cleaned.reason) == ("p.html", "extraction-failed")


def test_cleaned_pages(extractor: TrafilaturaExtractor) -> None:
    cleaner = Cleaner(extractor, FixedLanguage("en"), min_text_chars=40)
    ap = cleaner.clean(Draft(origin="ap.html", html=page("ap-tories-twitter.html.gz")))
    assert isinstance(ap, Article)
    assert ap.title == "UK Tories under fire for Twitter name switch during debate"
    # "LONDON (AP) —" is removed, the sentence kept; the site name "Hosted" only echoes the host name.
    assert ap.text.startswith("Britain's Conservative Party was accused Wednesday")
    assert ap.outlet == "Associated Press"
    assert "Follow AP's full coverage" not in ap.text
    assert "___" not in ap.text

    detroit = cleaner.clean(Draft(origin="dn.html", html=page("detroitnews-teachers-protest.html.gz")))
    assert isinstance(detroit, Article)
    assert detroit.title == "Thousands of teachers pack Indiana Statehouse for protest"
    assert not detroit.text.startswith(detroit.title)  # the repeated title line is dropped
    assert detroit.text.startswith("Indianapolis – Several thousand teachers wearing red")
    assert detroit.outlet == "The Detroit News"
    assert detroit.published is not None and detroit.published.date().isoformat() == "2019-11-19"


_BODY = (
    "<p>The company, founded in 1998, said on Monday it would cut 300 jobs at its plant, the union said. "
    "Unemployment in the region is at its highest level since 2008, the labour office said.</p>"
)


@pytest.mark.parametrize(
    ("head", "url", "published"),
    [
        ("", None, None),  # a year in the text is no publication date
        ('<meta property="article:published_time" content="2024-03-03T10:00:00Z">', None, "2024-03-03T10:00:00+0000"),
        ('<meta property="article:published_time" content="2024-01-01">', None, "2024-01-01T00:00:00"),
        ("", "https://example.org/news/2023/05/07/cuts", "2023-05-07T00:00:00"),
    ],
)
def test_publication_date_from_markup_or_url_never_a_bare_year_in_the_text(
    head: str, url: str | None, published: str | None
) -> None:
    page = f"<html><head><title>Plant cuts jobs</title>{head}</head><body><article>{_BODY}</article></body></html>"
    extracted = TrafilaturaExtractor().extract(page, url=url)
    assert extracted is not None
    assert extracted.published == published
