"""The composed pipeline: specs in, articles and rejections out."""

from __future__ import annotations

import io
import json
import pickle
import shutil
from pathlib import Path

from newsprism.ingest import InputItem, build_cleaner, parse_input, read_articles
from newsprism.model import Article, Rejection
from newsprism.nlp.language import FixedLanguage
from newsprism.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
BODY = "Secretary of State Antony Blinken met his Russian counterpart Sergei Lavrov in Reykjavik."


def split(results: list[Article | Rejection]) -> tuple[list[Article], list[Rejection]]:
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, Rejection)]


def test_seed_folder_end_to_end(tmp_path: Path) -> None:
    for name in ("bloomberg-blinken-lavrov.txt", "nbc-blinken-lavrov-translated.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    articles, rejections = split(list(read_articles([str(tmp_path)], settings=Settings())))
    assert rejections == []
    assert [(a.outlet, a.language) for a in articles] == [("Bloomberg", "en"), ("NBC News", "en")]
    assert all(a.id is None for a in articles)
    assert [Path(a.external_id).name for a in articles] == [
        "bloomberg-blinken-lavrov.txt",
        "nbc-blinken-lavrov-translated.txt",
    ]


def test_jsonl_with_bad_lines_end_to_end(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "title": "First story", "text": BODY, "source": "Reuters", "lang": "en"}),
        '{"id": "r2", "title": "Broken", "text": "unterminated',
        json.dumps({"title": "No body at all"}),
        "",
        json.dumps({"title": "Second story", "text": BODY + " Again.", "date": "2021-05-19"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, rejections = split(list(read_articles([str(path)], settings=Settings(), detector=FixedLanguage("en"))))
    assert [(r.origin, r.reason) for r in rejections] == [
        (f"{path}:2", "malformed-json"),
        (f"{path}:3", "missing-text"),
    ]
    assert [(a.external_id, a.title, a.outlet) for a in articles] == [
        ("r1", "First story", "Reuters"),
        (f"{path}:5", "Second story", None),  # no id: the origin, path:line
    ]
    assert articles[1].published is not None and articles[1].published.isoformat() == "2021-05-19T00:00:00+00:00"


def test_meantime_fixture_reads_four_languages_with_dateline_dates() -> None:
    articles, rejections = split(
        list(read_articles([str(FIXTURES / "meantime-airbus-4langs.jsonl")], settings=Settings()))
    )
    assert rejections == []
    assert sorted(a.language or "" for a in articles) == ["en", "es", "it", "nl"]
    for a in articles:
        assert a.published is not None and a.published.date().isoformat() == "2008-03-01", a.external_id
        assert not a.text.startswith(a.title)  # title line and dateline line are both gone
        assert "2008" not in a.text.split("\n")[0]


def test_stdin_and_missing_inputs_mix(tmp_path: Path) -> None:
    stdin = io.BytesIO(("Headline from stdin\n" + BODY).encode())
    results = list(
        read_articles(
            ["-", str(tmp_path / "missing.txt")],
            stdin=stdin,
            settings=Settings(),
            detector=FixedLanguage("en"),
        )
    )
    articles, rejections = split(results)
    assert [(a.origin, a.title, a.text) for a in articles] == [("-", "Headline from stdin", BODY)]
    assert [r.reason for r in rejections] == ["not-found"]


def test_settings_limits_apply(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Title\nToo short for the limit.")
    (tmp_path / "big.txt").write_text("Title\n" + "word " * 100)
    settings = Settings(max_input_bytes=200, min_text_chars=30)
    results = list(read_articles([str(tmp_path)], settings=settings, detector=FixedLanguage("en")))
    assert sorted((Path(r.origin).name, r.reason) for r in results if isinstance(r, Rejection)) == [
        ("big.txt", "too-large"),
        ("short.txt", "empty"),
    ]


def test_parse_input_is_picklable_for_process_pools() -> None:
    cleaner = build_cleaner(Settings(), detector=FixedLanguage("en"))
    item = InputItem("feed.jsonl", "jsonl", (json.dumps({"title": "T", "text": BODY}) + "\n").encode(), 10)
    item2, cleaner2 = pickle.loads(pickle.dumps((item, cleaner)))
    results = parse_input(item2, cleaner2)
    assert results == parse_input(item, cleaner)
    (only,) = results
    assert isinstance(only, Article)
    assert (only.origin, only.external_id, only.text) == ("feed.jsonl:10", "feed.jsonl:10", BODY)


def test_parse_input_unknown_kind_is_a_rejection() -> None:
    cleaner = build_cleaner(Settings(), detector=FixedLanguage("en"))
    (only,) = parse_input(InputItem("x.pdf", "pdf", b"%PDF"), cleaner)
    assert isinstance(only, Rejection) and only.reason == "unsupported-type"
