"""The ``newsprism`` command in process (click's CliRunner) on SQLite files in ``tmp_path``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from newsprism.cli import render
from newsprism.cli.main import cli
from newsprism.demo import demo_paths
from newsprism.settings import SETTINGS

Invoke = Callable[..., Result]
SUMMARY = re.compile(r"^ingested (\d+), duplicates (\d+), skipped (\d+)(?: \(([^)]*)\))?", re.MULTILINE)
STORY_KEYS = {"id", "label", "size", "outlets", "first_published", "last_published"}
COMMANDS = [["ingest"], ["stories"], ["story"], ["export"], ["export", "assignments"], ["rebuild"], ["demo"]]


def demo_record_count() -> int:
    lines = [line for line in demo_paths()[-1].read_text(encoding="utf-8").splitlines() if line.strip()]
    return len(demo_paths()) - 1 + len(lines)


def summary(output: str) -> tuple[int, int, int, str]:
    found = SUMMARY.findall(output)
    assert found, f"no closing summary in {output!r}"
    ingested, duplicates, skipped, reasons = found[-1]
    return int(ingested), int(duplicates), int(skipped), reasons


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich tables wrap at 80 columns off a terminal; wide enough, a cell's text stays on one line."""
    monkeypatch.setattr(render._out, "width", 400)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


@pytest.fixture
def invoke(db: Path) -> Invoke:
    """``invoke(*args, input=..., env=...)`` with ``--db`` in ``tmp_path``; stdout and stderr apart."""
    runner = CliRunner()

    def run(*args: str, input: Any = None, env: dict[str, str] | None = None, with_db: bool = True) -> Result:
        argv = ["--db", str(db), *args] if with_db else list(args)
        return runner.invoke(cli, argv, input=input, env=env, catch_exceptions=False)

    return run


@pytest.fixture
def ingested(invoke: Invoke, demo_specs: list[str]) -> Result:
    result = invoke("ingest", *demo_specs)
    assert result.exit_code == 0, result.stderr
    return result


def stories_json(invoke: Invoke, *args: str) -> list[dict[str, Any]]:
    result = invoke("stories", "--json", *args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def assignments(invoke: Invoke) -> list[dict[str, Any]]:
    result = invoke("export", "assignments")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


# --- ingest ---------------------------------------------------------------------------------------


def test_ingest_prints_the_closing_summary_and_exits_0(ingested: Result, db: Path) -> None:
    assert summary(ingested.stdout)[:3] == (demo_record_count(), 0, 0)
    assert db.exists()


def test_reingesting_is_all_duplicates_and_exits_0(invoke: Invoke, ingested: Result, demo_specs: list[str]) -> None:
    again = invoke("ingest", *demo_specs)
    assert again.exit_code == 0
    assert summary(again.stdout)[:3] == (0, demo_record_count(), 0)


def test_ingest_exits_1_when_every_input_failed(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = invoke("ingest", str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    ingested, duplicates, skipped, reasons = summary(result.stdout)
    assert (ingested, duplicates, skipped) == (0, 0, 2)
    assert reasons  # "(reason: count, ...)"
    assert "missing.txt" in result.stderr and "empty.txt" in result.stderr


def test_a_bad_line_is_reported_on_stderr_and_the_good_lines_are_ingested(invoke: Invoke, tmp_path: Path) -> None:
    good = [
        {"id": "rates-1", "source": "Reuters", "title": "Bank of Canada holds key rate at 5%",
         "text": "The Bank of Canada left its benchmark overnight rate unchanged at 5% on Wednesday, saying "
                 "it was too early to consider cuts."},
        {"id": "museum-1", "source": "Example Arts", "title": "Louvre reopens its Egyptian galleries",
         "text": "The Louvre in Paris reopened its Egyptian antiquities galleries on Thursday after a "
                 "two-year renovation of fourteen rooms."},
    ]  # fmt: skip
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps(good[0]) + "\n" + '{"id": "broken", "title": \n' + json.dumps(good[1]) + "\n", encoding="utf-8"
    )
    result = invoke("ingest", str(path))
    assert result.exit_code == 0
    assert summary(result.stdout)[:3] == (2, 0, 1)
    (line,) = [line for line in result.stderr.splitlines() if f"{path}:2" in line]
    reasons = summary(result.stdout)[3]
    reason = reasons.split(":")[0]
    assert reason and reason in line
    assert [a["article"] for a in assignments(invoke)] == ["rates-1", "museum-1"]


def test_lone_surrogates_are_replaced_not_fatal(invoke: Invoke, tmp_path: Path) -> None:
    """JSON's "\\ud800" and a feed's "&#xD800;" name no character a UTF-8 store can hold: each is read
    as U+FFFD, and the batch goes on."""
    body = "The harbour authority announced on Tuesday a new container terminal doubling capacity next spring."
    jsonl = tmp_path / "s.jsonl"
    jsonl.write_text('{"id": "s", "title": "Port", "text": "' + body + ' \\ud800 Officials welcomed it."}\n')
    rss = tmp_path / "s.rss"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>S</title><link>https://s.example.com/</link>'
        "<item><title>Terminal &#xD800; opens</title><link>https://s.example.com/a</link><description>"
        + (body + " ") * 3
        + "</description></item></channel></rss>"
    )
    result = invoke("ingest", str(jsonl), str(rss))
    assert result.exit_code == 0, result.output
    assert summary(result.stdout)[:3] == (2, 0, 0)


def test_ingest_reads_jsonl_from_stdin(invoke: Invoke, handwritten_path: Path) -> None:
    data = handwritten_path.read_bytes()
    result = invoke("ingest", "-", input=data)
    assert result.exit_code == 0, result.stderr
    count = len(data.decode().splitlines())
    assert summary(result.stdout)[:3] == (count, 0, 0)
    ids = [json.loads(line)["id"] for line in data.decode().splitlines()]
    assert [a["article"] for a in assignments(invoke)] == ids


def test_articles_read_from_the_same_place_get_distinct_ids(invoke: Invoke, tmp_path: Path) -> None:
    first = (
        "Harbour crane collapses in Lerwick\n\nA crane at the harbour of Lerwick collapsed on Monday; nobody was hurt."
    )
    second = (
        "Lerwick ferry cancelled by storm\n\nThe evening ferry from Lerwick to Aberdeen was cancelled as a storm hit."
    )
    for text in (first, second, first):  # the third is a duplicate of the first
        assert invoke("ingest", "-", input=text.encode()).exit_code == 0
    news = tmp_path / "news.jsonl"
    for title in ("Storm closes Lerwick schools", "Lerwick schools reopen after storm"):
        news.write_text(json.dumps({"title": title, "text": f"{title}: a report from the Shetland Islands council."}))
        assert invoke("ingest", str(news)).exit_code == 0
    ids = [a["article"] for a in assignments(invoke)]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert ids[0] == "-" and ids[1].startswith("-#")  # the first keeps where it was read from
    assert ids[2] == f"{news}:1" and ids[3].startswith(f"{news}:1#")


def test_ingest_json_report(invoke: Invoke, demo_specs: list[str]) -> None:
    result = invoke("ingest", "--json", *demo_specs)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["ingested"] == demo_record_count()
    assert (report["duplicates"], report["skipped"], report["rejections"]) == (0, 0, [])
    assert report["new_stories"] == len(stories_json(invoke, "--limit", "1000"))
    assert report["duplicates_of"] == []
    again = json.loads(invoke("ingest", "--json", demo_specs[0]).stdout)  # each duplicate is named
    assert again["duplicates"] == len(again["duplicates_of"]) > 0
    assert all(d["input"] and d["of"] for d in again["duplicates_of"])


def test_the_database_can_come_from_the_environment(tmp_path: Path, demo_specs: list[str]) -> None:
    path = tmp_path / "from-env.db"
    runner = CliRunner()
    env = {"NEWSPRISM_DB": str(path)}
    result = runner.invoke(cli, ["ingest", *demo_specs[:2]], env=env, catch_exceptions=False)
    assert result.exit_code == 0
    assert path.exists()
    listed = runner.invoke(cli, ["stories", "--json"], env=env, catch_exceptions=False)
    assert sum(s["size"] for s in json.loads(listed.stdout)) == 2
    flag = tmp_path / "flag.db"  # the flag wins over the environment
    runner.invoke(cli, ["--db", str(flag), "ingest", demo_specs[0]], env=env, catch_exceptions=False)
    assert flag.exists()
    again = runner.invoke(cli, ["stories", "--json"], env=env, catch_exceptions=False)
    assert sum(s["size"] for s in json.loads(again.stdout)) == 2


# --- stories and story ----------------------------------------------------------------------------


def test_stories_table(invoke: Invoke, ingested: Result) -> None:
    result = invoke("stories")
    assert result.exit_code == 0
    listed = stories_json(invoke)
    assert f"{len(listed)} of {len(listed)} stories" in result.stdout
    for story in listed:
        assert story["label"] in result.stdout
        assert re.search(rf"^\W*{story['id']}\W", result.stdout, re.MULTILINE)


def test_stories_table_title_counts_what_matches(invoke: Invoke, ingested: Result) -> None:
    """With a filter, the title says how many match and how many are stored; with a page, which."""
    total = len(stories_json(invoke, "--limit", "1000"))
    big = [s for s in stories_json(invoke, "--limit", "1000") if s["size"] >= 2]
    assert 0 < len(big) < total
    result = invoke("stories", "--min-size", "2")
    assert f"{len(big)} of {len(big)} matching ({total} stored)" in result.stdout
    result = invoke("stories", "--limit", "2", "--offset", "1")
    assert f"2-3 of {total} stories" in result.stdout
    outlet = next(o for s in big for o in s["outlets"])
    assert (
        invoke("stories", "--outlet", outlet.upper(), "--json").stdout
        == invoke("stories", "--outlet", outlet, "--json").stdout
    )  # any case


def test_stories_table_when_empty(invoke: Invoke, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    invoke("ingest", str(empty))  # creates the database, stores nothing
    result = invoke("stories")
    assert result.exit_code == 0
    assert "no stories yet" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["stories"],
        ["story", "1"],
        ["export", "assignments"],
        ["rebuild"],
        ["story", "1", "--compare"],
        ["feeds", "list"],
        ["feeds", "remove", "https://example.com/feed"],
        ["watch", "--once"],
    ],
)
def test_reading_a_database_that_does_not_exist_is_an_error(invoke: Invoke, db: Path, command: list[str]) -> None:
    result = invoke(*command)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: no database at {db}")
    assert not db.exists()  # a mistyped --db creates nothing


def test_stories_table_when_nothing_matches(invoke: Invoke, ingested: Result) -> None:
    total = len(stories_json(invoke, "--limit", "1000"))
    for args in (["--search", "zzzz-no-such-title"], ["--offset", str(total)], ["--min-size", "999"]):
        result = invoke("stories", *args)
        assert result.exit_code == 0
        assert "no stories yet" not in result.stdout
        assert f"no story of the {total} stored matches" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["stories", "-n", "0"],
        ["stories", "-n", "-1"],
        ["stories", "--offset", "-5"],
        ["stories", "--min-size", "0"],
    ],
)
def test_listing_options_out_of_range_are_refused(invoke: Invoke, args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr


@pytest.mark.parametrize("setting", ["--join-threshold", "--copy-threshold", "--link-threshold"])
@pytest.mark.parametrize("value", ["7", "0", "1.5"])
def test_thresholds_outside_zero_to_one_are_refused(invoke: Invoke, setting: str, value: str) -> None:
    result = invoke(setting, value, "stories")
    assert result.exit_code == 2
    assert "must be above 0 and at most 1" in result.stderr


def test_stories_json(invoke: Invoke, ingested: Result) -> None:
    listed = stories_json(invoke, "--limit", "1000")
    assert listed
    for story in listed:
        assert set(story) >= STORY_KEYS
        assert isinstance(story["outlets"], list)
    assert sum(s["size"] for s in listed) == demo_record_count()
    assert f"; {len(listed)} new stories" in ingested.stdout


def test_stories_order_and_limit(invoke: Invoke, ingested: Result) -> None:
    biggest = stories_json(invoke, "--order", "biggest")
    sizes = [s["size"] for s in biggest]
    assert sizes == sorted(sizes, reverse=True)
    by_id = stories_json(invoke, "--order", "id")
    assert [s["id"] for s in by_id] == sorted(s["id"] for s in by_id)
    assert stories_json(invoke, "--order", "id", "--limit", "2") == by_id[:2]
    assert stories_json(invoke, "--order", "id", "-n", "1", "--offset", "1") == by_id[1:2]
    assert all(s["size"] >= 2 for s in stories_json(invoke, "--min-size", "2"))


def test_stories_bad_order_is_a_usage_error(invoke: Invoke) -> None:
    assert invoke("stories", "--order", "random").exit_code == 2


def seed_story_id(invoke: Invoke, demo_specs: list[str]) -> int:
    story = {a["article"]: a["story"] for a in assignments(invoke)}
    assert story[demo_specs[0]] == story[demo_specs[1]]
    return int(story[demo_specs[0]])


def test_story_shows_its_articles_and_why(invoke: Invoke, ingested: Result, demo_specs: list[str]) -> None:
    sid = seed_story_id(invoke, demo_specs)
    result = invoke("story", str(sid))
    assert result.exit_code == 0
    assert f"story {sid}:" in result.stdout
    assert "Bloomberg" in result.stdout and "NBC News" in result.stdout
    assert "opened the story" in result.stdout
    assert "similarity" in result.stdout


def test_story_names_the_original_of_a_copy(invoke: Invoke, ingested: Result) -> None:
    (copy,) = [a for a in assignments(invoke) if a["article"] == "demo:lohan-republished"]
    assert copy["copy_of"]
    result = invoke("story", str(copy["story"]))
    assert result.exit_code == 0
    assert f"copy of {copy['copy_of']}" in result.stdout


def test_story_json(invoke: Invoke, ingested: Result, demo_specs: list[str]) -> None:
    sid = seed_story_id(invoke, demo_specs)
    result = invoke("story", str(sid), "--json")
    assert result.exit_code == 0
    detail = json.loads(result.stdout)
    assert set(detail) >= STORY_KEYS | {"articles", "events"}
    assert detail["id"] == sid
    assert [a["article"] for a in detail["articles"]] == demo_specs[:2]
    assert [a["explanation"]["decision"] for a in detail["articles"]] == ["new", "joined"]
    # the NBC copy came back through French: its artefacts are listed with their spans
    assert [a["machine_translation"]["likely"] for a in detail["articles"]] == [False, True]
    kinds = {s["kind"] for s in detail["articles"][1]["machine_translation"]["signs"]}
    assert {"leaked_elision", "split_number"} <= kinds
    shown = invoke("story", str(sid))
    assert "reads as machine-translated" in shown.stdout and "Ukraine" in shown.stdout


@pytest.mark.parametrize("story", ["999", "0", "99999999999999999999999"])  # the last beyond SQLite's integers
@pytest.mark.parametrize("compare", [False, True])
def test_unknown_story_exits_1_with_one_error_line(invoke: Invoke, ingested: Result, story: str, compare: bool) -> None:
    result = invoke("story", story, *(["--compare"] if compare else []))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0] == f"error: no story {story}"


# --- export and rebuild ---------------------------------------------------------------------------


def test_export_assignments_one_object_per_line(invoke: Invoke, ingested: Result, demo_specs: list[str]) -> None:
    exported = assignments(invoke)
    assert len(exported) == demo_record_count()
    assert all(set(line) == {"article", "story", "copy_of"} for line in exported)
    articles = [line["article"] for line in exported]
    assert articles[:2] == demo_specs[:2]  # text files: their path
    records = [json.loads(x) for x in demo_paths()[-1].read_text(encoding="utf-8").splitlines() if x.strip()]
    assert articles[2:] == [r["id"] for r in records]  # JSON records: their id
    (copy,) = [line for line in exported if line["copy_of"] is not None]
    assert copy["article"] == "demo:lohan-republished"
    assert copy["copy_of"] in articles
    assert all(isinstance(line["story"], int) for line in exported)


def test_rebuild(invoke: Invoke, ingested: Result) -> None:
    result = invoke("rebuild")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"rebuilt {demo_record_count()} articles:")
    assert "agreement" in result.stdout


def test_rebuild_json(invoke: Invoke, ingested: Result) -> None:
    result = invoke("rebuild", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"articles", "stories_before", "stories_after", "agreement_bcubed_f1", "features_recomputed"}
    assert data["articles"] == demo_record_count()
    assert data["stories_after"] == len(stories_json(invoke, "--limit", "1000"))
    assert 0.0 <= data["agreement_bcubed_f1"] <= 1.0


# --- demo -----------------------------------------------------------------------------------------


@pytest.fixture
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder


def test_demo_groups_the_seed_reports_in_memory(invoke: Invoke, in_empty_folder: Path) -> None:
    result = invoke("demo", with_db=False)
    assert result.exit_code == 0
    assert "database: memory" in result.stdout
    assert "The two seed reports are grouped in story" in result.stdout
    assert list(in_empty_folder.iterdir()) == []  # no newsprism.db left behind


def test_demo_json(invoke: Invoke, in_empty_folder: Path) -> None:
    result = invoke("demo", "--json", with_db=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["seed_pair_grouped"] is True
    assert sum(s["size"] for s in data["stories"]) == demo_record_count()
    assert all(set(s) >= STORY_KEYS for s in data["stories"])


def test_demo_uses_an_explicit_database(invoke: Invoke, db: Path) -> None:
    result = invoke("demo", "--json")
    assert result.exit_code == 0
    assert db.exists()
    assert len(assignments(invoke)) == demo_record_count()


def test_demo_never_writes_into_the_database_of_the_environment(tmp_path: Path, in_empty_folder: Path) -> None:
    work = tmp_path / "work.db"
    result = CliRunner().invoke(cli, ["demo"], env={"NEWSPRISM_DB": str(work)}, catch_exceptions=False)
    assert result.exit_code == 0 and "database: memory" in result.stdout
    assert not work.exists()


def test_demo_in_a_database_with_other_stories_shows_its_own(invoke: Invoke, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Lerwick harbour crane collapses\n\nA crane at the harbour of Lerwick collapsed on Monday.")
    invoke("ingest", str(other))
    data = json.loads(invoke("demo", "--json").stdout)
    assert data["seed_pair_grouped"] is True
    assert sum(s["size"] for s in data["stories"]) == demo_record_count()  # not the crane's story


# --- help and settings ----------------------------------------------------------------------------


def command(path: list[str]) -> click.Command:
    cmd: click.Command = cli
    for name in path:
        assert isinstance(cmd, click.Group)
        cmd = cmd.commands[name]
    return cmd


@pytest.mark.parametrize("path", [[], *COMMANDS], ids=lambda p: " ".join(p) or "newsprism")
def test_help_of_every_command_mentions_its_options(invoke: Invoke, path: list[str]) -> None:
    result = invoke(*path, "--help", with_db=False)
    assert result.exit_code == 0
    options = [p for p in command(path).params if isinstance(p, click.Option)]
    for option in options:
        for opt in option.opts + option.secondary_opts:
            assert opt in result.stdout, f"{opt} missing from the help of {' '.join(path) or 'newsprism'}"
    if not path:
        for s in SETTINGS:
            assert s.flag in result.stdout and s.env in result.stdout
        for name in ("ingest", "stories", "story", "export", "rebuild", "demo"):
            assert name in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "named"),
    [
        (["--batch-size", "abc"], {}, "--batch-size"),
        (["--batch-size", "-1"], {}, "batch_size"),
        ([], {"NEWSPRISM_BATCH_SIZE": "abc"}, "batch_size"),
        ([], {"NEWSPRISM_SPLIT_CHECK": "maybe"}, "split_check"),
        ([], {"NEWSPRISM_JOIN_THRESHOLD": "-0.5"}, "join_threshold"),
    ],
)
def test_a_bad_setting_value_is_a_usage_error(invoke: Invoke, args: list[str], env: dict[str, str], named: str) -> None:
    result = invoke(*args, "stories", env=env)
    assert result.exit_code == 2
    assert named in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["story", "1", "--language", "zz"], "unknown language code 'zz'"),
        (["story", "1", "--compare", "--language", "xx"], "unknown language code 'xx'"),
        (["compare", "-", "--language", "english"], "unknown language code 'english'"),
        (["feeds", "list", "--json", "--opml"], "--json and --opml: choose one"),
    ],
)
def test_contradictory_or_unknown_options_are_one_line_errors(
    invoke: Invoke, ingested: Result, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_display_language_is_read_in_any_case(invoke: Invoke, ingested: Result) -> None:
    upper = invoke("story", "1", "--compare", "--json", "--language", "EN")
    assert upper.exit_code == 0 and json.loads(upper.stdout)["display_language"] == "en"


def test_search_ignores_case_in_every_script(invoke: Invoke, tmp_path: Path) -> None:
    records = [
        {"id": "m", "title": "Protest in München gegen Putin", "text": "In München protestierten am Samstag "
         "tausende Menschen gegen den Krieg, berichtete die Polizei am Abend."},
        {"id": "r", "title": "Путин выступил в Москве", "text": "Путин выступил в Москве с речью в понедельник, "
         "сообщили в Кремле журналистам вечером."},
    ]  # fmt: skip
    path = tmp_path / "mu.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert invoke("ingest", str(path)).exit_code == 0
    for query, found in (("münchen", 1), ("MÜNCHEN", 1), ("путин", 1), ("ПУТИН", 1), ("PUTIN", 1), ("Berlin", 0)):
        result = invoke("stories", "--search", query, "--json")
        assert len(json.loads(result.stdout)) == found, query


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({}, "interrupted\n"), ({"interrupted": "interrupted: rolled back"}, "interrupted: rolled back\n")],
)
def test_ctrl_c_says_what_was_kept_only_where_batches_are_written(
    capsys: pytest.CaptureFixture[str], kwargs: dict[str, str], message: str
) -> None:
    """`compare` or `stories` interrupted have no batch to roll back: they say "interrupted"."""
    from newsprism.cli.main import _run

    def stop() -> int:
        raise KeyboardInterrupt

    with pytest.raises(SystemExit) as exit_info:
        _run(stop, **kwargs)
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == message


def test_a_reader_that_stops_early_ends_the_export_quietly(tmp_path: Path) -> None:
    """`newsprism export assignments | head -1`: exit 0 and no message (it was exit 1)."""
    import subprocess
    import sys

    from newsprism.engine import Engine
    from newsprism.model import Draft
    from newsprism.settings import Settings

    db = tmp_path / "e.db"
    with Engine.open(Settings.load({"db": str(db), "workers": 1})) as engine:
        engine.ingest_drafts(
            [
                Draft(origin=f"d{k}", text=f"Report {k}\nA storm number {k} hit the coast of Chile on day {k}.")
                for k in range(3000)
            ]
        )
    code = (
        "import sys; from newsprism.cli.main import cli; sys.exit(cli(['--db', sys.argv[1], 'export', 'assignments']))"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().startswith(b'{"article"')
    proc.stdout.close()  # the reader goes away
    assert proc.wait(timeout=60) == 0
    assert proc.stderr is not None and proc.stderr.read() == b""


def test_story_says_how_a_translation_was_told(invoke: Invoke, tmp_path: Path) -> None:
    """A Czech translation the encoder cannot read, told by its text: the reason names the measure
    and the route (not a cosine)."""
    fixture = Path(__file__).parent.parent / "fixtures" / "multilingual" / "parallel.jsonl"
    rows = [json.loads(line) for line in fixture.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "ferry.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows if r["id"] in ("en:ferry", "cs:ferry")),
        encoding="utf-8",
    )
    env = {"NEWSPRISM_ENCODER": "hashing", "NEWSPRISM_ENCODER_LANGUAGES": "en", "NEWSPRISM_MULTILINGUAL": "on"}
    assert invoke("ingest", str(path), env=env).exit_code == 0
    (cs,) = [a for a in assignments(invoke) if a["article"] == "cs:ferry"]
    assert cs["copy_of"] == "en:ferry"
    result = invoke("story", str(cs["story"]), env={**env, "COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "translation of en:ferry (names and numbers in common 0.22; parallel sentences" in text
    assert "cosine" not in text
