"""A story's coverage timeline, laid out for an inline SVG drawn by the story template.

The top band is a step line of how many articles the story had over time; below it, one lane per
outlet with a dot where that outlet first reported and ticks for its later articles.  Times are the
articles' publication dates; a story without any is laid out in arrival order instead.  Only numbers
and the outlets' names (escaped by the template) reach the markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..model import Article, Assignment

__all__ = ["Lane", "Tick", "Timeline", "build_timeline"]

WIDTH = 720
LABEL_WIDTH = 170  # left margin for the outlets' names
RIGHT = 16
GROWTH_TOP = 12
GROWTH_HEIGHT = 90
LANE_HEIGHT = 18
AXIS_HEIGHT = 26
MAX_LANES = 30


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Lane:
    outlet: str
    y: float
    first_x: float
    first_label: str  # when it first reported
    later_xs: tuple[float, ...]
    articles: int


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    left: int
    right: int
    growth_path: str  # SVG path data of the step line
    growth_top: float
    growth_bottom: float
    total: int
    lanes: tuple[Lane, ...]
    hidden_outlets: int  # outlets beyond MAX_LANES
    ticks: tuple[Tick, ...]
    axis_y: float
    by_arrival: bool  # no publication dates: x is the arrival order
    undated: int  # articles without a date (left out when others have one)

    @property
    def description(self) -> str:
        what = "in order of arrival (no publication dates)" if self.by_arrival else "over time"
        return f"Coverage {what}: {self.total} articles from {len(self.lanes) + self.hidden_outlets} outlets"


def _label(moment: datetime, span: timedelta) -> str:
    if span <= timedelta(days=2):
        return moment.strftime("%d %b %H:%M")
    if span <= timedelta(days=400):
        return moment.strftime("%d %b")
    return moment.strftime("%b %Y")


def build_timeline(members: Sequence[tuple[Article, Assignment]]) -> Timeline | None:
    """The layout for a story's articles, or ``None`` for an empty story."""
    if not members:
        return None
    dated = [(a.published, a) for a, _ in members if a.published is not None]
    by_arrival = not dated
    if by_arrival:
        points = [(float(i), a) for i, (a, _) in enumerate(members)]
        undated = 0
    else:
        points = [(p.timestamp(), a) for p, a in dated]
        undated = len(members) - len(dated)
    points.sort(key=lambda p: (p[0], p[1].id or 0))
    t0, t1 = points[0][0], points[-1][0]
    if t1 - t0 < 1e-9:  # one moment: centre it
        t0, t1 = t0 - 1.0, t1 + 1.0
    left, right = LABEL_WIDTH, WIDTH - RIGHT

    def x_of(t: float) -> float:
        return round(left + (t - t0) / (t1 - t0) * (right - left), 1)

    total = len(points)
    bottom = GROWTH_TOP + GROWTH_HEIGHT

    def y_of(count: int) -> float:
        return round(bottom - count / total * GROWTH_HEIGHT, 1)

    path = [f"M{left} {bottom}"]
    for count, (t, _) in enumerate(points, 1):
        x = x_of(t)
        path.append(f"H{x} V{y_of(count)}")
    path.append(f"H{right}")

    first: dict[str, float] = {}
    later: dict[str, list[float]] = {}
    for t, a in points:
        outlet = a.outlet or "unknown outlet"
        if outlet in first:
            later[outlet].append(t)
        else:
            first[outlet] = t
            later[outlet] = []
    outlets = sorted(first, key=lambda o: (first[o], o))
    lanes = []
    span = timedelta(seconds=t1 - t0)
    for i, outlet in enumerate(outlets[:MAX_LANES]):
        t = first[outlet]
        when = f"article {int(t) + 1}" if by_arrival else _label(datetime.fromtimestamp(t, UTC), span) + " UTC"
        lanes.append(
            Lane(
                outlet=outlet,
                y=bottom + 14 + i * LANE_HEIGHT,
                first_x=x_of(t),
                first_label=when,
                later_xs=tuple(x_of(u) for u in later[outlet]),
                articles=1 + len(later[outlet]),
            )
        )
    axis_y = bottom + 14 + len(lanes) * LANE_HEIGHT
    if by_arrival:  # whole arrivals only
        ticks = [Tick(x_of(i), f"#{i + 1}") for i in sorted({round(k * (total - 1) / 4) for k in range(5)})]
    else:
        moments = (t0 + (t1 - t0) * k / 4 for k in range(5))
        ticks = [Tick(x_of(t), _label(datetime.fromtimestamp(t, UTC), span)) for t in moments]
    return Timeline(
        width=WIDTH,
        height=int(axis_y + AXIS_HEIGHT),
        left=left,
        right=right,
        growth_path=" ".join(path),
        growth_top=GROWTH_TOP,
        growth_bottom=bottom,
        total=total,
        lanes=tuple(lanes),
        hidden_outlets=max(0, len(outlets) - MAX_LANES),
        ticks=tuple(ticks),
        axis_y=axis_y,
        by_arrival=by_arrival,
        undated=undated,
    )
