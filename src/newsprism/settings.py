"""The one declared settings table.

Every tunable lives in :data:`SETTINGS`: its name, type, default, environment variable and help.
The CLI builds its global flags from it, :class:`Settings` reads it, and ``docs/settings.md`` is
checked by a test to mention every entry.  Precedence: explicit argument > environment > default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .errors import ConfigError

__all__ = ["SETTINGS", "Setting", "Settings"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "NEWSPRISM_" + self.name.upper()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str, "newsprism.db", "SQLite database file (created on first use)."),
    Setting("max_input_bytes", int, 5_000_000, "Inputs (files, JSON lines, pages) larger than this are skipped."),
    Setting("min_text_chars", int, 40, "Articles whose clean text is shorter than this are skipped as empty."),
    Setting(
        "batch_size",
        int,
        2000,
        "Articles written per transaction during ingest (an interrupted ingest keeps every finished batch; "
        "running it again adds the rest).",
    ),
    Setting("workers", int, 0, "Processes for parsing and features during ingest (0: one per core, 1: none)."),
    Setting("join_threshold", float, 0.5, "Decision score at or above which an article joins its best story."),
    Setting("copy_threshold", float, 0.6, "Word 5-gram resemblance at or above which an article is a copy."),
    Setting(
        "time_window_days",
        float,
        7.0,
        "Stories whose newest article is older than twice this (behind the newest seen, and passed by 2,000 "
        "later arrivals) are retired; stories further apart than this are never merged.",
    ),
    Setting(
        "max_gap_days",
        float,
        0.0,
        "An article published further than this from a story's dates cannot join it (0: no hard limit; the "
        "gap still lowers the join score).",
    ),
    Setting(
        "max_idle_articles",
        int,
        20_000,
        "A story no article joined during this many arrivals is retired (bounds memory and cost per article).",
    ),
    Setting("split_check", bool, True, "Re-examine a growing story and split off a distinct event that joined it."),
    Setting(
        "multilingual",
        str,
        "auto",
        "Cross-language linking with dense vectors: auto (from the first article in a second language), on, off.",
    ),
    Setting(
        "encoder",
        str,
        "use",
        "Dense encoder: use (Universal Sentence Encoder multilingual, bundled), st:<model> "
        "(sentence-transformers, extra 'st'), hashing (tests).",
    ),
    Setting(
        "encoder_languages",
        str,
        "auto",
        "Languages the encoder reads: auto (what it says: 16 for the bundled one), all, or codes such as "
        "en,de,ru. Articles in other languages get no vector; their translations are found by names, numbers "
        "and shape.",
    ),
    Setting(
        "link_threshold",
        float,
        0.6,
        "Cosine of title-and-lead vectors at or above which an article joins a story in another language "
        "(the scale depends on the encoder: 0.6 for the bundled one).",
    ),
    Setting(
        "cache_dir",
        str,
        "auto",
        "Folder for an unpacked copy of the bundled encoder (~80 MB; loads in 0.15 s instead of ~1 s): "
        "auto ($XDG_CACHE_HOME/newsprism, else ~/.cache/newsprism), off, or a path.",
    ),
    Setting(
        "ja_analyser",
        bool,
        True,
        "Read Japanese names with the morphological analyser of the extra `ja` when it is installed "
        "(off: the rules alone).",
    ),
    # -- `newsprism serve` (issue 6) --------------------------------------------------------------
    Setting("host", str, "127.0.0.1", "Address `newsprism serve` listens on (0.0.0.0: every interface)."),
    Setting("port", int, 8000, "Port `newsprism serve` listens on."),
    Setting(
        "token",
        str,
        "",
        "Token the HTTP API's writes need (and reads, with open_reads off); empty: `newsprism serve` generates "
        "one on first start, prints it once and keeps only its hash.",
    ),
    Setting("open_reads", bool, True, "Anyone who reaches the server may read; off: reads need the token too."),
    Setting("max_request_bytes", int, 20_000_000, "HTTP request bodies larger than this are refused (413)."),
    # -- fetching URLs and `newsprism watch` (issue 7) --------------------------------------------
    Setting(
        "allow_private",
        bool,
        False,
        "Allow fetching private, loopback and link-local addresses (local test servers); cloud metadata "
        "addresses stay refused.",
    ),
    Setting("fetch_timeout", float, 10.0, "Seconds a connection, a read or a write may take when fetching."),
    Setting("fetch_total_timeout", float, 30.0, "Seconds one fetch may take in total, redirects and body included."),
    Setting("fetch_max_bytes", int, 5_000_000, "Largest page or feed fetched, compressed and decompressed alike."),
    Setting("fetch_max_redirects", int, 5, "Redirects followed per fetch (each one checked like the first URL)."),
    Setting("fetch_concurrency", int, 8, "Requests in flight at once (over all hosts)."),
    Setting("fetch_retries", int, 2, "Retries of a fetch that timed out or got a 5xx/429 answer."),
    Setting("retry_backoff", float, 1.0, "Seconds before the first retry; doubled for each further one."),
    Setting("host_delay", float, 1.0, "Seconds between two requests to the same host (one at a time per host)."),
    Setting("user_agent", str, "newsprism/0.1 (feed reader)", "User-Agent sent; its first word is the robots agent."),
    Setting("obey_robots", bool, True, "`newsprism watch` skips feeds and pages that robots.txt disallows."),
    Setting("poll_interval", float, 900.0, "Seconds between two polls of a feed by `newsprism watch`."),
    Setting("max_entries_per_poll", int, 50, "New entries of one feed fetched per poll (the newest first)."),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    db: str = "newsprism.db"
    max_input_bytes: int = 5_000_000
    min_text_chars: int = 40
    batch_size: int = 2000
    workers: int = 0
    join_threshold: float = 0.5
    copy_threshold: float = 0.6
    time_window_days: float = 7.0
    max_gap_days: float = 0.0
    max_idle_articles: int = 20_000
    split_check: bool = True
    multilingual: str = "auto"
    encoder: str = "use"
    encoder_languages: str = "auto"
    link_threshold: float = 0.6
    cache_dir: str = "auto"
    ja_analyser: bool = True
    host: str = "127.0.0.1"
    port: int = 8000
    token: str = field(default="", repr=False)  # a secret: kept out of reprs and logs
    open_reads: bool = True
    max_request_bytes: int = 20_000_000
    allow_private: bool = False
    fetch_timeout: float = 10.0
    fetch_total_timeout: float = 30.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    fetch_concurrency: int = 8
    fetch_retries: int = 2
    retry_backoff: float = 1.0
    host_delay: float = 1.0
    user_agent: str = "newsprism/0.1 (feed reader)"
    obey_robots: bool = True
    poll_interval: float = 900.0
    max_entries_per_poll: int = 50

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
        """Defaults, then ``NEWSPRISM_*`` environment variables, then non-``None`` overrides."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw: Any = s.default
            if s.env in env and env[s.env] != "":
                raw = env[s.env]
            if overrides and overrides.get(s.name) is not None:
                raw = overrides[s.name]
            values[s.name] = _coerce(s, raw)
        unknown = set(overrides or ()) - {s.name for s in SETTINGS}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls(**values)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _coerce(s: Setting, raw: Any) -> Any:
    try:
        if s.type is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        value = s.type(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {s.name}: cannot use {raw!r} as {s.type.__name__}", setting=s.name) from None
    if s.name == "multilingual" and value not in ("auto", "on", "off"):
        raise ConfigError(f"setting multilingual: use auto, on or off (got {raw!r})", setting=s.name)
    if s.type in (int, float) and value < 0:
        raise ConfigError(f"setting {s.name}: must not be negative (got {raw!r})", setting=s.name)
    if s.name in _UNIT_RANGE and not 0 < value <= 1:
        raise ConfigError(f"setting {s.name}: must be above 0 and at most 1 (got {raw!r})", setting=s.name)
    return value


# Settings that are a probability, a resemblance or a cosine: 0 would join everything, above 1 nothing.
_UNIT_RANGE = frozenset({"join_threshold", "copy_threshold", "link_threshold"})


def _check_table() -> None:
    declared = {s.name: s.default for s in SETTINGS}
    fields_ = {f.name: f.default for f in fields(Settings)}
    if declared != fields_:  # pragma: no cover - guarded by a unit test too
        raise RuntimeError("SETTINGS and Settings disagree")


_check_table()
