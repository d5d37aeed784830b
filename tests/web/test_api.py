"""The HTTP API in process (FastAPI's TestClient): reads, ingest, delete, export, errors, tokens."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism import Engine, Settings
from newsprism.api.errors import SECURITY_HEADERS

from .conftest import TOKEN, Seeded, auth

# --- reading ---------------------------------------------------------------------------------------


def test_stories_are_listed_a_page_at_a_time(client: TestClient) -> None:
    first = client.get("/api/v1/stories", params={"per_page": 3, "order": "biggest"}).json()
    assert first["total"] == 8 and first["pages"] == 3 and first["page"] == 1
    assert [s["size"] for s in first["stories"]] == sorted((s["size"] for s in first["stories"]), reverse=True)
    assert first["prev"] is None and first["next"].startswith("/api/v1/stories?")
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and second["prev"] is not None
    seen = {s["id"] for s in first["stories"]} | {s["id"] for s in second["stories"]}
    assert len(seen) == 6  # no story on two pages
    last = client.get("/api/v1/stories", params={"per_page": 3, "page": 3, "order": "biggest"}).json()
    assert len(last["stories"]) == 2 and last["next"] is None


def test_search_by_text_outlet_entity_and_dates(client: TestClient, seeded: Seeded) -> None:
    def ids(**params: str) -> list[int]:
        return [s["id"] for s in client.get("/api/v1/stories", params=params).json()["stories"]]

    assert ids(q="Blinken") == [seeded.seed_story]
    assert ids(outlet="NBC News") == [seeded.seed_story]
    assert ids(entity="nord stream") == [seeded.seed_story]  # in the text only, any case
    assert ids(q="no such headline") == []
    dated = ids(since="2013-05-02", until="2013-05-03")
    assert seeded.lohan_story in dated and seeded.seed_story not in dated  # undated: counted by arrival, now
    assert seeded.lohan_story in ids(since="2013-05-03", until="2013-05-03")  # its last day counts
    assert seeded.lohan_story not in ids(until="2013-05-01")


def test_bad_query_values_are_422_with_a_json_body(client: TestClient) -> None:
    for params in (
        {"since": "yesterday"},
        {"order": "oldest"},
        {"page": "0"},
        {"per_page": "1000"},
        {"page": "99999999999999999999999"},  # past SQLite's integers
        {"since": "0001-01-01T00:00:00+01:00"},  # before year 1 in UTC
        {"until": "9999-12-31T23:59:59-01:00"},
    ):
        response = client.get("/api/v1/stories", params=params)
        assert response.status_code == 422, params
        error = response.json()["error"]
        assert error["status"] == 422 and error["message"]
    assert client.get("/api/v1/stories", params={"since": "2021-06-01", "until": "2021-05-01"}).status_code == 422
    # a NUL cut the title pattern short and matched every story
    assert (
        client.get("/api/v1/stories", params={"q": "\x00"}).json()["total"]
        == client.get("/api/v1/stories").json()["total"]
    )
    assert client.get("/api/v1/stories", params={"q": "zq\x00zq"}).json()["total"] == 0


def test_a_story_is_its_comparison_as_the_cli_prints_it(client: TestClient, seeded: Seeded) -> None:
    response = client.get(f"/api/v1/stories/{seeded.seed_story}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    data = response.json()
    with Engine.open(Settings.load({"db": str(seeded.path)}, env={})) as engine:
        assert data == engine.compare_story(seeded.seed_story)  # what `story ID --compare --json` prints
    assert {s["outlet"] for s in data["sources"]} == {"Bloomberg", "NBC News"}
    assert data["summary"] and data["facts"] and data["quote_variants"] and data["label"]


def test_story_articles_and_an_article_with_its_copy(client: TestClient, seeded: Seeded) -> None:
    members = client.get(f"/api/v1/stories/{seeded.lohan_story}/articles").json()
    assert seeded.lohan_copy in [m["id"] for m in members]
    copy = client.get(f"/api/v1/articles/{seeded.lohan_copy}").json()
    assert copy["copy_of"]["id"] == seeded.lohan_original and copy["story"] == seeded.lohan_story
    original = client.get(f"/api/v1/articles/{seeded.lohan_original}").json()
    assert [c["id"] for c in original["copies"]] == [seeded.lohan_copy]
    assert original["text"] and original["explanation"]["decision"]


def test_an_article_lists_its_signs_of_machine_translation(client: TestClient, seeded: Seeded) -> None:
    nbc = client.get(f"/api/v1/articles/{seeded.nbc}").json()
    assert nbc["machine_translation"]["likely"] is True
    for sign in nbc["machine_translation"]["signs"]:
        assert nbc["text"][sign["start"] : sign["end"]] == sign["text"]
    bloomberg = client.get(f"/api/v1/articles/{seeded.bloomberg}").json()
    assert bloomberg["machine_translation"] == {"likely": False, "signs": []}


def test_missing_things_are_404_json(client: TestClient) -> None:
    huge = "99999999999999999999999"  # beyond SQLite's integers: no such thing either
    for path in (
        "/api/v1/stories/999",
        "/api/v1/articles/999",
        "/api/v1/nothing-here",
        f"/api/v1/stories/{huge}",
        f"/api/v1/articles/{huge}",
    ):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not-found"


def test_export_assignments_as_json_lines_or_json(client: TestClient) -> None:
    lines = client.get("/api/v1/export/assignments")
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in lines.text.splitlines()]
    assert len(rows) == 15 and set(rows[0]) == {"article", "story", "copy_of"}
    assert client.get("/api/v1/export/assignments", params={"format": "json"}).json() == rows
    assert sum(1 for r in rows if r["copy_of"]) == 1


def test_openapi_document_lists_the_routes_and_the_token(client: TestClient) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/articles", "/api/v1/export/assignments"):
        assert path in doc["paths"]
    assert doc["paths"]["/api/v1/articles"]["post"]["security"] == [{"token": []}]
    assert "security" not in doc["paths"]["/api/v1/stories"]["get"]
    assert "/" not in doc["paths"]  # pages are not API


# --- writing ---------------------------------------------------------------------------------------


ARTICLE = {
    "id": "api-test-1",
    "source": "Test Wire",
    "title": "Volcano erupts near Reykjavik, flights halted",
    "text": "A volcano on the Reykjanes peninsula erupted on Monday night, sending lava across the road "
    "to Grindavik. Iceland's meteorological office said flights from Keflavik were halted for six hours.",
    "published": "2024-01-15T08:00:00Z",
    "language": "en",
}


def test_writes_need_the_token(writable: TestClient) -> None:
    body = {"articles": [ARTICLE]}
    missing = writable.post("/api/v1/articles", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    assert missing.json()["error"]["code"] == "unauthorized"
    wrong = writable.post("/api/v1/articles", json=body, headers=auth("not-the-token"))
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
    assert writable.delete("/api/v1/articles/1").status_code == 401
    assert writable.get("/api/v1/articles/1").status_code == 200  # reads stay open


def test_post_articles_reports_every_item(writable: TestClient) -> None:
    records = [
        ARTICLE,
        {**ARTICLE, "id": "api-test-again"},  # the same text: a duplicate
        {"id": "no-text", "title": "Only a title"},
        {"id": "huge", "text": "word " * 1_200_000},
    ]
    response = writable.post("/api/v1/articles", json={"articles": records}, headers=auth())
    assert response.status_code == 200
    out = response.json()
    assert (out["ingested"], out["duplicates"], out["rejected"]) == (1, 1, 2)
    results = out["results"]
    assert [r["status"] for r in results] == ["ingested", "duplicate", "rejected", "rejected"]
    assert [r["reason"] for r in results[2:]] == ["missing-text", "too-large"]
    new = results[0]
    assert new["article"] == "api-test-1" and new["story"]
    article = writable.get(f"/api/v1/articles/{new['id']}").json()
    assert article["outlet"] == "Test Wire" and article["story"] == new["story"]
    assert "Grindavik" in article["text"]
    # a duplicate names the article it duplicates, in this request or stored before
    assert (results[1]["id"], results[1]["article"], results[1]["story"]) == (new["id"], "api-test-1", new["story"])
    again = writable.post("/api/v1/articles", json={"articles": [ARTICLE]}, headers=auth()).json()
    assert again["results"][0]["status"] == "duplicate" and again["results"][0]["id"] == new["id"]


def test_malformed_and_invalid_bodies(writable: TestClient) -> None:
    raw = writable.post(
        "/api/v1/articles", content=b'{"articles": [', headers={**auth(), "Content-Type": "application/json"}
    )
    assert raw.status_code == 400 and raw.json()["error"]["code"] == "malformed-json"
    no_list = writable.post("/api/v1/articles", json={"items": [ARTICLE]}, headers=auth())
    assert no_list.status_code == 422
    assert any(d["where"] == "body.articles" for d in no_list.json()["error"]["details"])
    assert writable.post("/api/v1/articles", json={"articles": {"text": "x"}}, headers=auth()).status_code == 422
    assert writable.post("/api/v1/articles", json={"articles": []}, headers=auth()).status_code == 422


def test_one_bad_article_never_sinks_the_request(writable: TestClient) -> None:
    records = [{"text": "short"}, {"title": "x"}, {"text": 5}, 5, ARTICLE, {**ARTICLE, "id": ["not", "an id"]}]
    response = writable.post("/api/v1/articles", json={"articles": records}, headers=auth())
    assert response.status_code == 200
    out = response.json()
    assert (out["ingested"], out["duplicates"], out["rejected"]) == (1, 1, 4)
    results = out["results"]
    assert [r["index"] for r in results] == list(range(6))
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["ingested", "duplicate"]
    # the reasons `newsprism ingest` gives the same JSONL lines
    assert [r["reason"] for r in results[:4]] == ["empty", "missing-text", "missing-text", "malformed-json"]
    assert all(r["message"] and "\n" not in r["message"] for r in results[:4])
    assert writable.get(f"/api/v1/articles/{results[4]['id']}").json()["article"] == "api-test-1"


def test_the_token_is_checked_before_the_body(writable: TestClient) -> None:
    for body in ({}, {"articles": []}, {"articles": [{"text": 5}]}):
        missing = writable.post("/api/v1/articles", json=body)
        assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized", body
        wrong = writable.post("/api/v1/articles", json=body, headers=auth("not-the-token"))
        assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden", body
    garbage = writable.post("/api/v1/articles", content=b'{"articles": [', headers={"Content-Type": "application/json"})
    assert garbage.status_code == 401
    assert writable.delete("/api/v1/articles/0").status_code == 401  # before the id is validated


def test_request_bodies_over_the_limit_are_413(db_copy: Path, make_client: Callable[..., TestClient]) -> None:
    small = make_client(db_copy, max_request_bytes=2000)
    body = json.dumps({"articles": [{**ARTICLE, "text": "x " * 2000}]}).encode()
    declared = small.post("/api/v1/articles", content=body, headers={**auth(), "Content-Type": "application/json"})
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "too-large"
    assert declared.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]

    def chunks():  # type: ignore[no-untyped-def]  # no Content-Length: the limit applies as it streams
        for i in range(0, len(body), 500):
            yield body[i : i + 500]

    streamed = small.post("/api/v1/articles", content=chunks(), headers={**auth(), "Content-Type": "application/json"})
    assert streamed.status_code == 413
    fine = small.post("/api/v1/articles", json={"articles": [ARTICLE]}, headers=auth())
    assert fine.status_code == 200


def test_delete_an_article(writable: TestClient, seeded: Seeded) -> None:
    before = writable.get(f"/api/v1/stories/{seeded.lohan_story}").json()
    response = writable.delete(f"/api/v1/articles/{seeded.lohan_original}", headers=auth())
    assert response.status_code == 200
    done = response.json()
    assert done["deleted"] == seeded.lohan_original and done["promoted"] == seeded.lohan_copy
    assert done["story_deleted"] is False
    assert writable.get(f"/api/v1/articles/{seeded.lohan_original}").status_code == 404
    assert writable.get(f"/api/v1/articles/{seeded.lohan_copy}").json()["copy_of"] is None
    after = writable.get(f"/api/v1/stories/{seeded.lohan_story}").json()
    assert len(after["sources"]) == len(before["sources"]) - 1  # the cached comparison was dropped
    assert writable.delete(f"/api/v1/articles/{seeded.lohan_original}", headers=auth()).status_code == 404
    assert writable.delete("/api/v1/articles/99999999999999999999999", headers=auth()).status_code == 404
    # the writer goes on ingesting after the delete (its clusterer restored from the store)
    again = writable.post("/api/v1/articles", json={"articles": [ARTICLE]}, headers=auth()).json()
    assert again["ingested"] == 1 and again["results"][0]["id"] > 15  # a deleted id is never given again


def test_deleting_a_story_s_last_article_deletes_the_story(writable: TestClient) -> None:
    stories = writable.get("/api/v1/stories", params={"q": "Ryanair"}).json()["stories"]
    [story] = stories
    [member] = writable.get(f"/api/v1/stories/{story['id']}/articles").json()
    done = writable.delete(f"/api/v1/articles/{member['id']}", headers=auth()).json()
    assert done["story_deleted"] is True
    assert writable.get(f"/api/v1/stories/{story['id']}").status_code == 404


# --- private reads ---------------------------------------------------------------------------------


def test_private_reads_need_the_token(seeded: Seeded, make_client: Callable[..., TestClient]) -> None:
    private = make_client(seeded.path, open_reads=False)
    assert private.get("/api/v1/stories").status_code == 401
    assert private.get("/api/v1/stories", headers=auth("wrong")).status_code == 403
    assert private.get("/api/v1/stories", headers=auth()).status_code == 200
    assert private.get("/api/v1/stories", params={"page": "0"}).status_code == 401  # the token before the query
    assert private.get("/api/v1/articles/0", headers=auth("wrong")).status_code == 403
    assert private.get("/api/v1/health").json()["status"] == "ok"  # health stays open
    assert TOKEN not in private.get("/api/v1/openapi.json").text


def test_a_display_language_is_read_in_any_case_and_an_unknown_one_is_refused(
    client: TestClient, seeded: Seeded
) -> None:
    upper = client.get(f"/api/v1/stories/{seeded.seed_story}", params={"language": "EN"})
    assert upper.status_code == 200 and upper.json()["display_language"] == "en"
    unknown = client.get(f"/api/v1/stories/{seeded.seed_story}", params={"language": "xx"})
    assert unknown.status_code == 422 and "'xx' is no language code" in unknown.json()["error"]["message"]
    assert client.get(f"/stories/{seeded.seed_story}", params={"language": "xx"}).status_code == 422
    # a language no source is in: the default (English here), as the JSON says
    other = client.get(f"/api/v1/stories/{seeded.seed_story}", params={"language": "de"})
    assert other.status_code == 200 and other.json()["display_language"] == "en"
