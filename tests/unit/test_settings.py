"""The settings table: precedence, parsing and validation, and docs that mention every setting."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from newsprism.errors import ConfigError
from newsprism.settings import SETTINGS, Settings

ROOT = Path(__file__).resolve().parents[2]
CLI_COMMANDS = ("ingest", "stories", "story", "export assignments", "rebuild", "demo")


def test_the_table_and_the_dataclass_agree() -> None:
    assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)]
    assert Settings.load({}, env={}) == Settings()
    for s in SETTINGS:
        assert getattr(Settings(), s.name) == s.default
        assert isinstance(s.default, s.type)
        assert s.env == "NEWSPRISM_" + s.name.upper()
        assert s.flag == "--" + s.name.replace("_", "-")
        assert s.help


def test_precedence_override_then_environment_then_default() -> None:
    env = {"NEWSPRISM_BATCH_SIZE": "20", "NEWSPRISM_DB": "env.db"}
    assert Settings.load({}, env={}).batch_size == 2000
    assert Settings.load({}, env=env).batch_size == 20
    loaded = Settings.load({"batch_size": 7}, env=env)
    assert (loaded.batch_size, loaded.db) == (7, "env.db")


def test_none_overrides_and_empty_variables_fall_through() -> None:
    env = {"NEWSPRISM_BATCH_SIZE": "20", "NEWSPRISM_WORKERS": ""}
    loaded = Settings.load({"batch_size": None, "workers": None}, env=env)
    assert (loaded.batch_size, loaded.workers) == (20, 0)


def test_the_process_environment_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_TIME_WINDOW_DAYS", "2.5")
    assert Settings.load().time_window_days == 2.5


def test_values_are_converted_to_the_declared_type() -> None:
    env = {"NEWSPRISM_JOIN_THRESHOLD": "0.75", "NEWSPRISM_MAX_INPUT_BYTES": "1000", "NEWSPRISM_WORKERS": "2"}
    loaded = Settings.load({"copy_threshold": "0.9"}, env=env)
    assert loaded.join_threshold == 0.75
    assert loaded.copy_threshold == 0.9
    assert loaded.max_input_bytes == 1000 and isinstance(loaded.max_input_bytes, int)
    assert loaded.workers == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("Yes", True), (" on ", True), ("0", False), ("FALSE", False), ("no", False),
     ("off", False), (True, True), (False, False)],
)  # fmt: skip
def test_bool_parsing(raw: object, expected: bool) -> None:
    assert Settings.load({"split_check": raw}, env={}).split_check is expected
    if isinstance(raw, str):
        assert Settings.load({}, env={"NEWSPRISM_SPLIT_CHECK": raw}).split_check is expected


@pytest.mark.parametrize("raw", ["maybe", "2", "yess", "nope"])
def test_bad_bool_is_a_config_error(raw: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.load({}, env={"NEWSPRISM_SPLIT_CHECK": raw})
    assert caught.value.setting == "split_check"


@pytest.mark.parametrize(
    ("name", "raw"),
    [("batch_size", -1), ("max_input_bytes", "-5"), ("join_threshold", -0.1), ("time_window_days", "-7")],
)
def test_negative_numbers_are_rejected(name: str, raw: object) -> None:
    with pytest.raises(ConfigError, match="negative") as caught:
        Settings.load({name: raw}, env={})
    assert caught.value.setting == name
    with pytest.raises(ConfigError):
        Settings.load({}, env={"NEWSPRISM_" + name.upper(): str(raw)})


@pytest.mark.parametrize(("name", "raw"), [("batch_size", "abc"), ("batch_size", "1.5"), ("join_threshold", "high")])
def test_unparsable_values_are_a_config_error(name: str, raw: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.load({name: raw}, env={})
    assert caught.value.setting == name
    assert name in str(caught.value)


def test_unknown_override_is_rejected() -> None:
    with pytest.raises(ConfigError, match="batchsize"):
        Settings.load({"batchsize": 10}, env={})


def test_settings_are_frozen() -> None:
    settings = Settings.load({}, env={})
    with pytest.raises(AttributeError):
        settings.batch_size = 1  # type: ignore[misc]
    assert settings.as_dict() == {s.name: s.default for s in SETTINGS}


# --- docs -----------------------------------------------------------------------------------------


def doc_files() -> list[Path]:
    return [p for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))] if p.is_file()]


def test_docs_mention_every_setting_and_command() -> None:
    assert doc_files(), "README.md and docs/*.md are missing"
    text = "\n".join(p.read_text(encoding="utf-8") for p in doc_files())
    missing = [s.name for s in SETTINGS if s.name not in text and s.flag not in text and s.env not in text]
    missing += [c for c in CLI_COMMANDS if not re.search(rf"\b{re.escape(c)}\b", text)]
    assert missing == []
