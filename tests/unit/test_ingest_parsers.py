"""Parsers: text and Markdown, JSON and JSONL records, HTML decoding; bad records are rejections."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newsprism.errors import UnsupportedInput
from newsprism.ingest.parsers import (
    FeedFileParser,
    HtmlParser,
    JsonlParser,
    JsonParser,
    TextParser,
    markdown_to_text,
    parser_for,
)
from newsprism.model import Draft, Rejection


def parse_all(parser: object, data: bytes, origin: str = "in.txt") -> list[Draft | Rejection]:
    return list(parser.parse(data, origin=origin))  # type: ignore[attr-defined]


def one_draft(parser: object, data: bytes, origin: str = "in.txt") -> Draft:
    results = parse_all(parser, data, origin)
    assert len(results) == 1
    assert isinstance(results[0], Draft), results[0]
    return results[0]


def one_rejection(parser: object, data: bytes, origin: str = "in.txt") -> Rejection:
    results = parse_all(parser, data, origin)
    assert len(results) == 1
    assert isinstance(results[0], Rejection), results[0]
    return results[0]


# --- text ---------------------------------------------------------------------------------------


def test_text_is_decoded_with_title_in_text() -> None:
    draft = one_draft(TextParser(), "Headline\nBody with ünïcode.".encode())
    assert draft.text == "Headline\nBody with ünïcode."
    assert draft.title_in_text is True
    assert draft.title is None
    assert draft.origin == "in.txt"


def test_utf8_bom_and_utf16_are_decoded() -> None:
    assert one_draft(TextParser(), b"\xef\xbb\xbfHeadline\nBody").text == "Headline\nBody"
    assert one_draft(TextParser(), "Überschrift\nText".encode("utf-16")).text == "Überschrift\nText"


def test_legacy_encoding_falls_back_to_charset_detection() -> None:
    text = "Le président a déclaré « nous répondrons » mardi soir à Paris."
    draft = one_draft(TextParser(), f"Titre\n{text}".encode("cp1252"))
    assert draft.text == f"Titre\n{text}"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # the guesser alone read € as "Ć" and curly quotes as "ō…ö" (cp775), Polish ł as "³"
        (
            "EU fines tech giant €2.4bn\nThe European Commission on Tuesday fined the company €2.4 billion "
            "for abusing its dominance. “What the company has done is illegal,” the commissioner said.",
            "cp1252",
        ),
        ("Prezydent Polski powiedział w poniedziałek, że rozmowy będą kontynuowane w Gdańsku i Łodzi.", "cp1250"),
        ("Президент России заявил в понедельник, что переговоры продолжатся в Москве.", "cp1251"),
        ("Президент России заявил в понедельник, что переговоры продолжатся в Москве.", "koi8_r"),
        ("Ο πρωθυπουργός δήλωσε τη Δευτέρα ότι οι συνομιλίες θα συνεχιστούν στην Αθήνα.", "iso8859_7"),
        ("東京都は２５日、新たに３００人の感染を確認したと発表した。", "shift_jis"),
        ("北京市政府周一表示，谈判将在上海继续进行。死亡10人", "gb18030"),
        ("Profits rose to GB£5bn last year, the company said on Monday.", "cp1252"),
    ],
)
def test_legacy_code_pages_are_read_right(text: str, encoding: str) -> None:
    assert one_draft(TextParser(), f"Title\n{text}".encode(encoding)).text == f"Title\n{text}"


def test_undecodable_bytes_are_rejected() -> None:
    rejection = one_rejection(TextParser(), bytes(range(0x80, 0x100)) * 4)
    assert rejection.reason == "undecodable"
    assert rejection.origin == "in.txt"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",  # NUL bytes
        b"Title\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 10,  # control characters
    ],
)
def test_binary_content_is_rejected(data: bytes) -> None:
    assert one_rejection(TextParser(), data).reason == "binary"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  "])
def test_empty_text_is_rejected(data: bytes) -> None:
    assert one_rejection(TextParser(), data).reason == "empty"


def test_markdown_title_and_inline_syntax() -> None:
    source = (
        "# Blinken meets **Lavrov** in Reykjavik\n"
        "\n"
        "The two met at the [Arctic Council](https://arctic-council.org/) on *Wednesday*.\n"
        "![a photo](photo.jpg)\n"
        "## Background\n"
        "Relations are at a `low` point, officials said.\n"
        "\n"
        "---\n"
        "[1]: https://example.com/ref\n"
    )
    draft = one_draft(TextParser(), source.encode(), origin="story.md")
    assert draft.text is not None
    lines = [line for line in draft.text.split("\n") if line]
    assert lines == [
        "Blinken meets Lavrov in Reykjavik",
        "The two met at the Arctic Council on Wednesday.",
        "Background",
        "Relations are at a low point, officials said.",
    ]
    assert draft.title_in_text is True


def test_markdown_soft_wrapped_paragraph_is_joined_but_sentence_lines_kept() -> None:
    text = markdown_to_text("Title\n=====\n\nA sentence that is\nwrapped in the middle.\nA second paragraph line.\n")
    assert [line for line in text.split("\n") if line] == [
        "Title",
        "A sentence that is wrapped in the middle.",
        "A second paragraph line.",
    ]


def test_markdown_front_matter_gives_metadata() -> None:
    source = (
        "---\n"
        "title: Blinken and Lavrov meet\n"
        "date: 2021-05-19\n"
        "source: NBC News\n"
        "url: https://www.nbcnews.com/x\n"
        "---\n"
        "Body paragraph one.\n"
    )
    draft = one_draft(TextParser(), source.encode(), origin="a.markdown")
    assert draft.title == "Blinken and Lavrov meet"
    assert draft.title_in_text is False
    assert draft.published == datetime(2021, 5, 19, tzinfo=UTC)
    assert draft.outlet == "NBC News"
    assert draft.url == "https://www.nbcnews.com/x"
    assert draft.text is not None and draft.text.strip() == "Body paragraph one."


def test_txt_files_keep_markdown_like_characters() -> None:
    draft = one_draft(TextParser(), b"# not a heading in a .txt\n**stars** stay", origin="a.txt")
    assert draft.text == "# not a heading in a .txt\n**stars** stay"


def test_stdin_markdown_is_recognised_by_its_heading() -> None:
    draft = one_draft(TextParser(), b"# Heading\nSome **bold** text", origin="-")
    assert draft.text == "Heading\nSome bold text"


# --- JSON / JSONL -------------------------------------------------------------------------------


def test_json_object_with_documented_fields() -> None:
    record = {
        "id": 42,
        "url": "https://www.reuters.com/world/x",
        "source": "Reuters",
        "title": "Title",
        "text": "Body text.",
        "published": "2021-05-19T18:30:00Z",
        "language": "en-US",
        "author": ["Humeyra Pamuk", "Simon Lewis"],
        "extra": {"ignored": True},
    }
    draft = one_draft(JsonParser(), json.dumps(record).encode(), origin="a.json")
    assert draft == Draft(
        origin="a.json",
        text="Body text.",
        external_id="42",
        url="https://www.reuters.com/world/x",
        outlet="Reuters",
        title="Title",
        published=datetime(2021, 5, 19, 18, 30, tzinfo=UTC),
        language="en-US",
        author="Humeyra Pamuk, Simon Lewis",
        title_in_text=False,
    )


def test_json_aliases_and_epoch_dates() -> None:
    record = {"outlet": "AP", "date": 1621449000, "lang": "fr", "html": "<p>x</p>", "author": "A. Writer"}
    draft = one_draft(JsonParser(), json.dumps(record).encode(), origin="a.json")
    assert draft.outlet == "AP"
    assert draft.published == datetime(2021, 5, 19, 18, 30, tzinfo=UTC)
    assert draft.language == "fr"
    assert draft.html == "<p>x</p>" and draft.text is None
    assert draft.external_id is None
    assert draft.title_in_text is True  # no title: the first line will be the title


def test_json_non_finite_id_is_no_id() -> None:
    """1e400 parses as infinity: not an id every such line would share ("inf")."""
    for raw in (b'{"id": 1e400, "text": "Body"}', b'{"id": NaN, "text": "Body"}'):
        assert one_draft(JsonParser(), raw, origin="a.json").external_id is None
    assert one_draft(JsonParser(), b'{"id": 12, "text": "Body"}', origin="a.json").external_id == "12"


def test_json_unparsable_date_is_kept_as_none_not_rejected() -> None:
    draft = one_draft(JsonParser(), b'{"text": "Body", "published": "sometime soon"}', origin="a.json")
    assert draft.published is None


def test_json_tokenised_url_in_source_becomes_the_url() -> None:
    # ECB+ puts the article URL, tokenised, in "source".
    record = {"source": "http : / / www . itv . com / news / story /", "text": "Body"}
    draft = one_draft(JsonParser(), json.dumps(record).encode(), origin="a.json")
    assert draft.url == "http://www.itv.com/news/story/"
    assert draft.outlet is None


def test_json_array_gives_one_draft_per_item_with_index_origins() -> None:
    data = json.dumps([{"text": "one"}, {"title": "no text"}, "a string"]).encode()
    results = parse_all(JsonParser(), data, origin="batch.json")
    assert isinstance(results[0], Draft) and results[0].origin == "batch.json[0]"
    assert isinstance(results[1], Rejection) and (results[1].origin, results[1].reason) == (
        "batch.json[1]",
        "missing-text",
    )
    assert isinstance(results[2], Rejection) and results[2].reason == "malformed-json"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("a string", "record is a string, not an object"),
        (None, "record is null, not an object"),
        ([1, 2], "record is a list, not an object"),
        ({"text": 5}, "'text' is a number, not a string (or a list of strings)"),
        ({"text": None, "html": {"p": "x"}}, "'html' is an object, not a string (or a list of strings)"),
        ({"text": ["a", 3]}, "'text' is a list with items that are not strings"),
        ({"text": []}, "'text' is an empty list"),
        ({"title": "no text"}, "record has neither 'text' nor 'html'"),
        ({"title": "blank", "text": " "}, "'text' holds no text"),
    ],
)
def test_a_bad_json_record_is_named_in_json_terms(record: object, message: str) -> None:
    rejection = one_rejection(JsonlParser(), json.dumps(record).encode(), origin="in.jsonl")
    assert rejection.message == message


def test_malformed_json_document_names_its_line() -> None:
    rejection = one_rejection(JsonParser(), b'{\n  "text": "x",\n  oops\n}', origin="bad.json")
    assert (rejection.origin, rejection.reason) == ("bad.json:3", "malformed-json")
    assert rejection.message.endswith("(column 3)")  # a whole reason, as the JSONL parser gives


def test_json_lines_in_a_json_file_are_read_as_jsonl() -> None:
    results = parse_all(JsonParser(), b'{"text": "one"}\n{"text": "two"}\n', origin="lines.json")
    assert [(r.origin, r.text) for r in results if isinstance(r, Draft)] == [
        ("lines.json:1", "one"),
        ("lines.json:2", "two"),
    ]


def test_jsonl_malformed_line_is_rejected_and_the_rest_parsed() -> None:
    data = (
        b'{"id": "a", "text": "first"}\n'
        b"\n"
        b'{"id": "b", "text": "second"\n'  # missing brace
        b'{"id": "c", "text": "third"}\n'
        b'["not", "an", "object"]\n'
        b'{"id": "d", "title": "no body"}\n'
        b'{"id": 5, "text": "fifth"}\n'
    )
    results = parse_all(JsonlParser(), data, origin="feed.jsonl")
    summary = [(r.origin, r.reason) if isinstance(r, Rejection) else (r.origin, r.external_id, r.text) for r in results]
    assert summary == [
        ("feed.jsonl:1", "a", "first"),
        ("feed.jsonl:3", "malformed-json"),
        ("feed.jsonl:4", "c", "third"),
        ("feed.jsonl:5", "malformed-json"),
        ("feed.jsonl:6", "missing-text"),
        ("feed.jsonl:7", "5", "fifth"),
    ]


def test_jsonl_first_line_offsets_origins() -> None:
    results = parse_all(JsonlParser(first_line=41), b'{"text": "x"}\n{"text": "y"}\n', origin="big.jsonl")
    assert [r.origin for r in results] == ["big.jsonl:41", "big.jsonl:42"]


def test_jsonl_without_id_leaves_external_id_none() -> None:
    draft = one_draft(JsonlParser(), b'{"text": "body"}\n', origin="f.jsonl")
    assert draft.external_id is None
    assert draft.origin == "f.jsonl:1"


def test_jsonl_undecodable_line_is_rejected_alone() -> None:
    data = b'{"text": "ok"}\n' + bytes(range(0x80, 0x100)) * 2 + b"\n" + b'{"text": "also ok"}\n'
    results = parse_all(JsonlParser(), data, origin="f.jsonl")
    assert [type(r).__name__ for r in results] == ["Draft", "Rejection", "Draft"]
    assert isinstance(results[1], Rejection) and results[1].origin == "f.jsonl:2"


def test_empty_jsonl_is_rejected() -> None:
    assert one_rejection(JsonlParser(), b"\n\n", origin="f.jsonl").reason == "empty"


# --- HTML ---------------------------------------------------------------------------------------


def test_html_honours_meta_charset() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café à Paris</p></body></html>'
    draft = one_draft(HtmlParser(), page.encode("latin-1"), origin="p.html")
    assert draft.html is not None and "Café à Paris" in draft.html
    assert draft.text is None


def test_html_honours_http_equiv_charset_and_bom() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body>Москва</body></html>"
    )
    assert "Москва" in (one_draft(HtmlParser(), page.encode("cp1251")).html or "")
    assert "Москва" in (one_draft(HtmlParser(), "\ufeff<p>Москва</p>".encode("utf-8-sig")).html or "")


def test_parser_for_kinds() -> None:
    assert isinstance(parser_for("text"), TextParser)
    assert isinstance(parser_for("html"), HtmlParser)
    assert isinstance(parser_for("json"), JsonParser)
    jsonl = parser_for("jsonl", first_line=7)
    assert isinstance(jsonl, JsonlParser) and jsonl.first_line == 7
    with pytest.raises(UnsupportedInput):
        parser_for("pdf")


_BODY = (
    "<p>A magnitude 6.7 earthquake struck the Pacific coast on Tuesday morning, killing at least 14 people "
    "and damaging hundreds of homes, officials said.</p><p>The quake was centred 20 km south-west of the "
    "port city.<script>alert(1)</script></p>"
)
RSS = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title>
<item><title>Quake strikes coast</title><link>https://news.example.org/quake</link>
<pubDate>Tue, 12 Mar 2024 09:40:00 GMT</pubDate><description>A quake.</description>
<content:encoded><![CDATA[{_BODY}]]></content:encoded></item>
<item><title>Budget approved</title><link>https://news.example.org/budget</link>
<pubDate>Tue, 12 Mar 2024 12:00:00 GMT</pubDate><description>The council approved it.</description></item>
</channel></rss>""".encode()
ATOM = f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>Quake strikes coast</title><link href="https://news.example.org/quake"/>
<id>tag:news.example.org,2024:quake</id><updated>2024-03-12T09:40:00Z</updated>
<content type="html">{_BODY.replace("<", "&lt;").replace(">", "&gt;")}</content></entry></feed>""".encode()


@pytest.mark.parametrize("data", [RSS, ATOM], ids=["rss", "atom"])
def test_a_saved_feed_gives_its_entries_with_text(data: bytes) -> None:
    """Entries that carry their article's text become drafts (link as URL and id, title, date,
    paragraphs one a line, no script); an entry with only a teaser is skipped, naming its page."""
    results = parse_all(FeedFileParser(), data, origin="news.rss")
    drafts = [r for r in results if isinstance(r, Draft)]
    assert len(drafts) == 1
    (quake,) = drafts
    assert (quake.url, quake.external_id, quake.title) == (
        "https://news.example.org/quake",
        "https://news.example.org/quake",
        "Quake strikes coast",
    )
    assert quake.published is not None and quake.published.isoformat() == "2024-03-12T09:40:00+00:00"
    assert quake.text is not None and quake.text.splitlines()[1].startswith("The quake was centred")
    assert "alert" not in quake.text and "<" not in quake.text
    skipped = [r for r in results if isinstance(r, Rejection)]
    if data is RSS:
        assert [(r.origin, r.reason) for r in skipped] == [("news.rss#2", "summary-only")]
        assert "https://news.example.org/budget" in skipped[0].message


def test_xml_that_is_no_feed_is_one_rejection() -> None:
    rejection = one_rejection(FeedFileParser(), b"<opml><body/></opml>", origin="list.xml")
    assert (rejection.origin, rejection.reason) == ("list.xml", "not-a-feed")


def test_a_saved_feeds_relative_links_are_read_against_its_site() -> None:
    body = _BODY.replace("<", "&lt;").replace(">", "&gt;")
    item = f"<item><title>Quake</title><link>/quake</link><description>{body}</description></item>"
    with_site = f"<rss><channel><link>https://news.example.org/</link>{item}</channel></rss>".encode()
    (draft,) = parse_all(FeedFileParser(), with_site, origin="a.rss")
    assert isinstance(draft, Draft) and draft.url == draft.external_id == "https://news.example.org/quake"
    without = f"<rss><channel>{item}</channel></rss>".encode()
    rejection = one_rejection(FeedFileParser(), without, origin="b.rss")
    assert (rejection.origin, rejection.reason) == ("b.rss#1", "relative-link")


def test_atom_content_types_are_read_as_atom_says() -> None:
    """xhtml is markup (paragraphs apart, scripts out); text is literal, "<b>" and all."""
    long = "A magnitude 6.7 earthquake struck the Pacific coast on Tuesday morning, killing at least 14 people."
    xhtml = (
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
        f"<p>{long}</p><p>{long} Again.<script>var tracking=1;</script></p></div></content>"
    )
    literal = "Prices: 5 &lt; 6 and &lt;b&gt;here&lt;/b&gt; stays as written here."
    text = f'<content type="text">{long}\n{long}\n{literal}</content>'
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f'<entry><title>X</title><link href="https://ex.org/x"/>{xhtml}</entry>'
        f'<entry><title>T</title><link href="https://ex.org/t"/>{text}</entry></feed>'
    ).encode()
    first, second = parse_all(FeedFileParser(), feed, origin="f.atom")
    assert isinstance(first, Draft) and isinstance(second, Draft)
    assert first.text == f"{long}\n{long} Again."
    assert second.text is not None and second.text.endswith("5 < 6 and <b>here</b> stays as written here.")


def test_every_entry_of_a_saved_feed_is_read_or_counted() -> None:
    """Entries without a link (known by their guid, else their place), a link given twice (both read:
    the store counts the second as a duplicate) and a short full text are all accounted for, numbered
    in the file's order."""
    short = "&lt;p&gt;The council approved the new budget on Monday after a long debate.&lt;/p&gt;"
    escaped = _BODY.replace("<", "&lt;")
    items = [
        f'<item><title>X</title><guid isPermaLink="false">tag-1</guid><description>{escaped}</description></item>',
        "<item><title>Teaser</title><link>https://ex.org/t</link><description>Read more.</description></item>",
        f"<item><title>Short</title><link>https://ex.org/s</link><content:encoded>{short}</content:encoded></item>",
        f"<item><title>Again</title><link>https://ex.org/s</link><content:encoded>{short} X.</content:encoded></item>",
    ]
    feed = (
        '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>' + "".join(items) + "</channel></rss>"
    ).encode()
    results = parse_all(FeedFileParser(), feed, origin="f.rss")
    assert [(r.origin, r.reason if isinstance(r, Rejection) else r.external_id) for r in results] == [
        ("f.rss#1", "f.rss#tag-1"),
        ("f.rss#2", "summary-only"),
        ("f.rss#3", "https://ex.org/s"),
        ("f.rss#4", "https://ex.org/s"),
    ]
    assert "it links to no page" not in results[1].message  # type: ignore[union-attr]


def test_deep_or_typed_atom_content_is_read() -> None:
    """A thousand nested elements are read without recursion; a MIME-typed html content is HTML."""
    deep = "<div>" * 3000 + "word " * 60 + "</div>" * 3000
    xhtml = f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{deep}</div></content>'
    typed = '<content type="text/html">&lt;p&gt;' + "word " * 60 + "&lt;/p&gt;</content>"
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f'<entry><title>D</title><link href="https://ex.org/d"/>{xhtml}</entry>'
        f'<entry><title>H</title><link href="https://ex.org/h"/>{typed}</entry></feed>'
    ).encode()
    drafts = parse_all(FeedFileParser(), feed, origin="f.atom")
    assert [d.text.split()[:2] if isinstance(d, Draft) and d.text else d for d in drafts] == [["word"] * 2] * 2
    assert all(isinstance(d, Draft) and "<" not in (d.text or "") for d in drafts)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("9" * 5000, "a number too long to read"), ("[" * 3000 + "]" * 3000, "nested too deeply")],
)
def test_json_python_cannot_read_is_one_rejection_and_the_rest_goes_on(value: str, reason: str) -> None:
    """Integers of more than 4,300 digits and deep nesting raise ValueError / RecursionError, not
    JSONDecodeError: they crashed the whole ingest."""
    bad = '{"text": "A storm hit the coast.", "id": ' + value + "}"
    good = '{"text": "A storm hit the coast of Chile on Saturday."}'
    results = parse_all(JsonlParser(), f"{bad}\n{good}\n".encode(), origin="a.jsonl")
    assert [type(r).__name__ for r in results] == ["Rejection", "Draft"]
    assert (results[0].origin, results[0].reason, results[0].message) == ("a.jsonl:1", "malformed-json", reason)
    rejection = one_rejection(JsonParser(), bad.encode(), origin="a.json")
    assert (rejection.reason, rejection.message) == ("malformed-json", reason)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_json_lines_in_utf16_are_read_line_by_line(encoding: str) -> None:
    """What Windows PowerShell writes: only the first record was read, the others "binary"."""
    lines = [
        json.dumps({"text": f"A storm hit the coast of {place} on Saturday."}) for place in ("Peru", "Chile", "Fiji")
    ]
    data = "\n".join(lines).encode(encoding)
    for parser, origin in ((JsonlParser(), "a.jsonl"), (JsonParser(), "a.json")):
        results = parse_all(parser, data, origin=origin)
        assert [r.text for r in results if isinstance(r, Draft)] == [json.loads(x)["text"] for x in lines]
        assert len(results) == 3


def test_fields_of_a_type_newsprism_does_not_read_are_named_with_verbose_logging(
    caplog: pytest.LogCaptureFixture,
) -> None:
    record = {"text": "A storm hit the coast of Chile.", "title": 123, "published": True, "id": [1, 2], "url": "x"}
    with caplog.at_level("INFO", logger="newsprism.ingest.parsers"):
        draft = one_draft(JsonParser(), json.dumps(record).encode(), origin="a.json")
    assert (draft.title, draft.published, draft.external_id) == (None, None, None)
    assert "a.json: left out 'title' (a number), 'id' (a list), 'published' (a boolean)" in caplog.text


def test_a_field_of_another_type_does_not_hide_the_next_one() -> None:
    record = {
        "text": "A storm hit the coast of Chile.",
        "source": {"name": "BBC"},
        "outlet": "BBC",
        "published": {"at": 1},
        "date": "2024-01-02",
        "language": ["en"],
        "lang": "en",
    }
    draft = one_draft(JsonParser(), json.dumps(record).encode(), origin="a.json")
    assert (draft.outlet, draft.published, draft.language) == ("BBC", datetime(2024, 1, 2, tzinfo=UTC), "en")
