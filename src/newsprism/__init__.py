"""newsprism: see one news event through many outlets.

The library is usable without the CLI::

    from newsprism import Engine, Settings
    with Engine.open(Settings.load({"db": "news.db"})) as engine:
        engine.ingest(["feeds/today.jsonl"])
        for story in engine.stories():
            print(story.id, story.label, story.size)
"""

from .engine import Engine, Progress, RebuildReport
from .errors import (
    ConfigError,
    FetchError,
    IngestError,
    MissingDependency,
    NewsprismError,
    NotFound,
    ParseError,
    StoreError,
    UnsupportedInput,
)
from .model import Article, Assignment, Draft, Explanation, IngestReport, Rejection, Story, StoryEvent
from .settings import SETTINGS, Settings
from .store.base import StoryQuery

__version__ = "0.1.0"

__all__ = [
    "SETTINGS",
    "Article",
    "Assignment",
    "ConfigError",
    "Draft",
    "Engine",
    "Explanation",
    "FetchError",
    "IngestError",
    "IngestReport",
    "MissingDependency",
    "NewsprismError",
    "NotFound",
    "ParseError",
    "Progress",
    "RebuildReport",
    "Rejection",
    "Settings",
    "StoreError",
    "Story",
    "StoryEvent",
    "StoryQuery",
    "UnsupportedInput",
    "__version__",
]
