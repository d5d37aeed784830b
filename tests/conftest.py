"""Shared fixtures: hand-written articles, stores and engines on temporary files.

``fixtures/cluster/handwritten.jsonl`` holds short English news reports written for the tests: three
reports and one republished copy of an earthquake, two match reports, two reports of a rate decision
and one unrelated arts story, in a plausible arrival order.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newsprism.cluster.decision import DecisionModel, SplitRule
from newsprism.demo import demo_paths
from newsprism.engine import Engine
from newsprism.ingest.clean import content_hash
from newsprism.model import Article
from newsprism.represent.base import ArticleFeatures
from newsprism.represent.lexical import LexicalFeaturizer
from newsprism.settings import Settings
from newsprism.store.sqlite import SQLiteStore

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HANDWRITTEN = FIXTURES / "cluster" / "handwritten.jsonl"


def article_from_record(record: dict[str, Any]) -> Article:
    """An :class:`Article` as the cleaner would make it from one hand-written JSONL record."""
    return Article(
        external_id=record["id"],
        title=record["title"],
        text=record["text"],
        content_hash=content_hash(record["title"], record["text"]),
        url=record.get("url"),
        outlet=record.get("source"),
        published=datetime.fromisoformat(record["published"]) if record.get("published") else None,
        language=record.get("language"),
        origin=f"{HANDWRITTEN.name}:{record['id']}",
    )


@pytest.fixture(scope="session")
def _cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache-home")


# Tests see the rules alone for Japanese names whether or not the extra "ja" is installed here (the
# analyser's own tests pass it explicitly); set before any fixture of a wider scope builds a comparer.
os.environ["NEWSPRISM_JA_ANALYSER"] = "off"


@pytest.fixture(autouse=True)
def _no_newsprism_environment(monkeypatch: pytest.MonkeyPatch, _cache_home: Path) -> None:
    """Settings read ``NEWSPRISM_*`` variables: a developer's shell must not change test outcomes.
    The encoder's unpacked copy (setting ``cache_dir``, default under ``$XDG_CACHE_HOME``) goes to
    one folder for the session, never to the user's own cache."""
    for name in list(os.environ):
        if name.startswith("NEWSPRISM_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSPRISM_JA_ANALYSER", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(_cache_home))


@pytest.fixture(scope="session")
def handwritten_path() -> Path:
    return HANDWRITTEN


@pytest.fixture(scope="session")
def handwritten_records() -> list[dict[str, Any]]:
    lines = HANDWRITTEN.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def handwritten(handwritten_records: list[dict[str, Any]]) -> dict[str, Article]:
    """The hand-written articles by their id, in arrival (file) order."""
    return {r["id"]: article_from_record(r) for r in handwritten_records}


@pytest.fixture(scope="session")
def featurizer() -> LexicalFeaturizer:
    return LexicalFeaturizer()


@pytest.fixture(scope="session")
def demo_specs() -> list[str]:
    return [str(p) for p in demo_paths()]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "store.db")
    yield s
    s.close()


@pytest.fixture
def make_engine(tmp_path: Path) -> Iterator[Callable[..., Engine]]:
    """``make_engine(db_name, clusterer_factory=..., featurizer=..., **settings)``: an engine on a file in ``tmp_path``.

    Settings come from the overrides only (no environment); every engine is closed at teardown.
    """
    opened: list[Engine] = []

    def make(db: str = "news.db", *, clusterer_factory: Any = None, featurizer: Any = None, **overrides: Any) -> Engine:
        settings = Settings.load({"db": str(tmp_path / db), **overrides}, env={})
        engine = Engine.open(settings, clusterer_factory=clusterer_factory, featurizer=featurizer)
        opened.append(engine)
        return engine

    yield make
    for engine in opened:
        engine.close()  # closing twice is harmless


# --- a longer synthetic stream ----------------------------------------------------------------------
# Hundreds of short templated reports (three per event, interleaved, a few events a day): enough
# articles to cross the clusterer's retirement checkpoints, which the hand-written set cannot.

_PLACE_HEADS = ("Kal", "Bor", "Ven", "Tir", "Mar", "Osk", "Lun", "Dre", "Fal", "Gor", "Hest", "Pral")
_PLACE_TAILS = ("ova", "ingen", "ford", "ach", "ton", "heim", "ville", "ska", "ara", "mouth")
_PEOPLE = ("Anna Lindqvist", "Tomas Berger", "Maria Okafor", "Jonas Weber", "Elena Rossi", "Pavel Novak")
_TEMPLATES = (
    (
        ("Fire destroys {n} homes in {place}", "A fire that started in a {place} warehouse destroyed {n} "
         "homes on {weekday}, the {place} fire brigade said. Brigade chief {person} said crews from "
         "{other} were called in to help and that nobody was seriously hurt."),
        ("{place} blaze leaves {n} families homeless", "{n} families in {place} lost their homes when a "
         "warehouse fire spread through the old town on {weekday}. {person} of the fire brigade said "
         "engines from {other} helped bring the flames under control."),
        ("Investigators search for cause of {place} fire", "Investigators in {place} are trying to find "
         "out how {weekday}'s fire began. It destroyed {n} homes near the warehouse district, according "
         "to {person}, who leads the brigade; crews from {other} stayed overnight."),
    ),
    (
        ("{place} council approves new tram line", "The {place} city council voted on {weekday} to build "
         "a {n} km tram line linking the centre with {other}. Mayor {person} said construction would "
         "start next spring and cost far less than a metro."),
        ("Tram to {other} wins council backing in {place}", "Councillors in {place} backed mayor {person}'s "
         "plan for a {n} km tram line to {other} in a vote on {weekday}. Opponents said the money should "
         "have gone to buses instead."),
        ("{place} tram plan: what happens next", "After {weekday}'s council vote, {place} will tender the "
         "{n} km tram line to {other} this summer. {person}, the mayor, promised that the first trams "
         "would run within four years."),
    ),
    (
        ("Floods cut off {place} after {n} hours of rain", "Rivers burst their banks around {place} after "
         "{n} hours of heavy rain on {weekday}, cutting the town off from {other}. Regional official "
         "{person} said helicopters were bringing supplies."),
        ("{place} residents evacuated as floodwater rises", "Hundreds of residents of {place} were "
         "evacuated on {weekday} as floodwater rose after {n} hours of rain. The road to {other} was "
         "closed, said {person}, the regional emergency chief."),
        ("Clean-up begins in flooded {place}", "Water levels in {place} began to fall on {weekday} after "
         "{n} hours of rain had flooded the town. {person} said the road to {other} would reopen once "
         "engineers had inspected the bridge."),
    ),
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def synthetic_records(events: int) -> list[dict[str, Any]]:
    """Three reports per event, each event's reports spread over the next events' ones; deterministic."""
    places = [h + t for t in _PLACE_TAILS for h in _PLACE_HEADS]
    start = datetime(2024, 1, 1, 8, tzinfo=UTC)
    per_event: list[list[dict[str, Any]]] = []
    for k in range(events):
        kind = _TEMPLATES[k % len(_TEMPLATES)]
        values = {
            "place": places[k % len(places)],
            "other": places[(7 * k + 3) % len(places)],
            "person": _PEOPLE[k % len(_PEOPLE)],
            "n": 10 + (k * 7) % 90,
            "weekday": _WEEKDAYS[k % 7],
        }
        when = start + timedelta(hours=8 * k)
        per_event.append(
            [
                {
                    "id": f"synthetic:{k}-{r}",
                    "source": f"Outlet {r}",
                    "published": (when + timedelta(hours=3 * r)).isoformat(),
                    "language": "en",
                    "title": title.format(**values),
                    "text": body.format(**values),
                }
                for r, (title, body) in enumerate(kind)
            ]
        )
    out: list[dict[str, Any]] = []
    for k in range(events + 2):  # report r of event k arrives with report 0 of event k + r
        for r in range(3):
            if 0 <= k - r < events:
                out.append(per_event[k - r][r])
    return out


@pytest.fixture(scope="session")
def synthetic_stream() -> list[dict[str, Any]]:
    """110 events, 330 JSONL records: the stream crosses the retirement checkpoint at article 256."""
    return synthetic_records(110)


@pytest.fixture(scope="session")
def synthetic(synthetic_stream: list[dict[str, Any]]) -> list[Article]:
    return [article_from_record(r) for r in synthetic_stream]


# --- a story that loses its recent articles to a split just after a retirement checkpoint -------------


@pytest.fixture(scope="session")
def late_split_names() -> list[tuple[str, ...]]:
    """The name terms of 265 articles (ids 1..265): three flood reports (1-3) open a story; three
    reports of a dam failure on the same river (250, 254, 260) join it, the last one after the
    checkpoint at article 256, and are split off; article 263 is a fourth flood report.  Everything
    else is unrelated filler.  With at most 40 idle articles, the flood story is alive at the checkpoint
    only thanks to articles that the split later moves away."""
    flood = ("river", "flood", "town", "valley")
    dam = ("river", "flood", "bridge", "dam")
    out: list[tuple[str, ...]] = []
    for i in range(1, 266):
        if i in (1, 2, 3, 263):
            out.append(flood)
        elif i in (250, 254, 260):
            out.append(dam)
        else:
            out.append((f"filler{i}", f"place{i}"))
    return out


@pytest.fixture(scope="session")
def names_model() -> DecisionModel:
    """A decision model of the tests' own: names similarity only, splits on, merges off."""
    return DecisionModel(
        name="test.NamesDecision.v0",
        bias=-3.0,
        weights={"names": 10.0},
        field_weights={"names": 1.0},
        split=SplitRule(min_group=3, max_ratio=0.7, max_size=64, merge_ratio=2.0, merge_min_probability=0.99),
    )


class NamesFeaturizer:
    """A featurizer fake: the words of the title are the article's name terms, nothing else (no body,
    date or MinHash), so similarity is set by hand."""

    name = "test.NamesFeatures.v1"

    def features(self, article: Article) -> ArticleFeatures:
        return ArticleFeatures(
            title={},
            body={},
            names=dict.fromkeys(article.title.split(), 1.0),
            minhash=(0,) * 64,
            published=None,
            language=article.language,
            version=self.name,
        )


@pytest.fixture(scope="session")
def names_featurizer() -> NamesFeaturizer:
    return NamesFeaturizer()


@pytest.fixture(scope="session")
def late_split_articles(late_split_names: list[tuple[str, ...]]) -> list[Article]:
    """:func:`late_split_names` as articles (titles are the names; texts only make them distinct)."""
    out = []
    for i, names in enumerate(late_split_names, 1):
        title, text = " ".join(names), f"Report {i}: " + ", ".join(names) + "."
        out.append(
            Article(
                external_id=f"late-split:{i}",
                title=title,
                text=text,
                content_hash=content_hash(title, text),
                language="en",
            )
        )
    return out
