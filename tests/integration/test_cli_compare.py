"""``newsprism story ID --compare`` and ``newsprism compare FILE...`` in process."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsprism.cli.main import cli
from newsprism.demo import demo_paths

SEEDS = [str(p) for p in demo_paths()[:2]]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_compare_files_json_without_a_database(tmp_path: Path, monkeypatch: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    code, out, err = run("compare", *SEEDS, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {s["outlet"] for s in data["sources"]} == {"Bloomberg", "NBC News"}
    assert data["facts"] and data["conflicts"] and data["quote_variants"]
    assert not (tmp_path / "newsprism.db").exists()  # no database needed


def test_one_fact_per_wording_in_every_output(tmp_path: Path, monkeypatch: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    code, out, _ = run("compare", *SEEDS, "--json")
    assert code == 0
    facts = json.loads(out)["facts"]
    texts = [f["text"] for f in facts]
    assert len(texts) == len(set(texts))  # a sentence aligned with two of the other source is one fact
    assert any(len(f["support"]) > f["sources"] for f in facts)  # ... with all its spans
    code, text, _ = run("compare", *SEEDS)
    assert code == 0
    assert f"Reported by several sources ({len(facts)}):" in text


def test_compare_markdown_and_html_report(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    code, out, err = run("compare", *SEEDS, "--markdown", "--html", str(report))
    assert code == 0, err
    assert out.startswith("# ") and "## Reported by several sources" in out and "## Differences" in out
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Content-Security-Policy" in page
    assert "Nord Stream 2" in page and "<del>" in page and "<ins>" in page
    assert f"wrote {report}" in err


def test_html_report_into_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    code, _, err = run("compare", *SEEDS, "--html", str(tmp_path / "nowhere" / "report.html"))
    assert code == 1
    assert err.startswith("error: cannot write ") and "Traceback" not in err and len(err.splitlines()) == 1
    assert not (tmp_path / "nowhere").exists()


def test_html_report_is_readable_as_the_umask_says(tmp_path: Path) -> None:
    import os

    report = tmp_path / "report.html"
    old = os.umask(0o022)
    try:
        code, _, err = run("compare", *SEEDS, "--html", str(report))
    finally:
        os.umask(old)
    assert code == 0, err
    assert report.stat().st_mode & 0o777 == 0o644
    assert not list(tmp_path.glob(".newsprism-*"))  # no temporary file left behind


def test_compare_of_nothing_fails_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run("compare", str(empty))
    assert code == 1
    assert "error: nothing to compare" in err


def test_story_compare_is_cached_and_refreshable(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    code, _, err = run("--db", db, "ingest", "-q", *[str(p) for p in demo_paths()])
    assert code == 0, err
    code, out, _ = run("--db", db, "stories", "--json", "--search", "Blinken")
    story = json.loads(out)[0]["id"]
    code, first, err = run("--db", db, "story", str(story), "--compare", "--json")
    assert code == 0, err
    code, second, _ = run("--db", db, "story", str(story), "--compare", "--json")
    assert json.loads(first) == json.loads(second)
    code, text, _ = run("--db", db, "story", str(story), "--compare", "--refresh")
    assert code == 0 and "Reported by several sources" in text and "Only in one source" in text
    code, _, err = run("--db", db, "story", "999", "--compare")
    assert code == 1 and err.strip().startswith("error:")


def test_story_json_has_label_and_cited_summary(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    assert run("--db", db, "ingest", "-q", *[str(p) for p in demo_paths()])[0] == 0
    story = json.loads(run("--db", db, "stories", "--json", "--search", "Blinken")[1])[0]
    assert story["label"]
    code, out, err = run("--db", db, "story", str(story["id"]), "--json", "--summary-words", "60")
    assert code == 0, err
    data = json.loads(out)
    assert data["label"] == story["label"]
    words = sum(len(s["text"].split()) for s in data["summary"])
    assert 20 <= words <= 60 * 1.15
    for sentence in data["summary"]:
        assert sentence["support"] and {"article", "start", "end"} <= set(sentence["support"][0])
    code, text, _ = run("--db", db, "story", str(story["id"]))
    assert "Summary:" in text


def test_summary_is_refreshed_when_the_story_changes(tmp_path: Path) -> None:
    from newsprism import Engine, Settings

    db = str(tmp_path / "news.db")
    seeds = [str(p) for p in demo_paths()[:2]]
    with Engine.open(Settings.load({"db": db})) as engine:
        engine.ingest(seeds[:1])
        sid = engine.stories()[0].id
        first = engine.summarize_story(sid)
        assert engine.summarize_story(sid) == first  # cached
        engine.ingest(seeds[1:])
        assert engine.story(sid).size == 2
        second = engine.summarize_story(sid)
    assert second != first
    assert any(s["sources"] == 2 for s in second["summary"])
    assert all(s["sources"] == 1 for s in first["summary"])


def test_json_and_markdown_together_are_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["compare", *SEEDS, "--json", "--markdown"])
    assert result.exit_code == 2 and "choose one" in result.stderr


def test_an_input_that_repeats_another_is_named_as_compared_once(tmp_path: Path, monkeypatch: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    again = tmp_path / "again.txt"
    again.write_bytes(Path(SEEDS[0]).read_bytes())
    code, out, err = run("compare", *SEEDS, str(again), "--json")
    assert code == 0
    assert "note: 1 input repeats an earlier one (same URL or text): compared once" in err
    assert len(json.loads(out)["sources"]) == 2
