"""The article-to-story decision: evidence features combined by a tuned linear model.

Following Miranda et al. (2018), similarity is measured per view of the article (title, body,
names) against the story centroid, together with publication-time proximity and agreement of the
years mentioned; a linear model combines them into a score and a logistic link into a probability.
The weights ship in ``decision_v1.json`` and are produced by ``bench/tune_cluster.py``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..errors import ConfigError

__all__ = ["DecisionModel", "SplitRule", "default_model"]

FEATURES: tuple[str, ...] = (
    "title",
    "body",
    "names",
    "title_avg",
    "body_avg",
    "names_avg",
    "names_top",
    "body_top",
    "year_overlap",
    "year_conflict",
    "gap_log_days",
)


@dataclass(frozen=True, slots=True)
class SplitRule:
    min_group: int = 3  # both sides of a split need this many articles
    max_ratio: float = 0.7  # split when cross-group similarity / weaker within-group similarity is below
    max_size: int = 64  # stories bigger than this are not re-examined
    merge_ratio: float = 0.85  # merge two stories when across / weaker within similarity reaches this
    merge_min_probability: float = 0.2  # only the runner-up candidate above this is checked for a merge
    time_scale_days: float = 30.0  # article pairs further apart than 3 days count as less similar (0: off)
    method: str = "average"  # "average" (average linkage, outliers set aside) or "ncut" (normalised cut)
    weights: dict[str, float] = field(default_factory=dict)  # learned split model (empty: ratio rule)
    bias: float = 0.0


@dataclass(frozen=True, slots=True)
class DecisionModel:
    name: str
    bias: float
    weights: dict[str, float]
    field_weights: dict[str, float]
    split: SplitRule

    def score(self, evidence: dict[str, float]) -> float:
        # a plain loop, as kernel.score_stories adds (sum() of floats rounds otherwise from 3.12)
        total = 0.0
        for k, v in evidence.items():
            total += self.weights.get(k, 0.0) * v
        return self.bias + total

    @staticmethod
    def probability(score: float) -> float:
        if score < -40:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))

    def threshold_score(self, probability: float) -> float:
        """The score at which :meth:`probability` equals ``probability``."""
        p = min(max(probability, 1e-9), 1 - 1e-9)
        return math.log(p / (1 - p))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DecisionModel:
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            unknown = set(weights) - set(FEATURES)
            if unknown:
                raise ConfigError(f"decision model: unknown features {sorted(unknown)}")
            split = data.get("split", {})
            return cls(
                name=str(data["name"]),
                bias=float(data["bias"]),
                weights=weights,
                field_weights={str(k): float(v) for k, v in data["field_weights"].items()},
                split=SplitRule(
                    min_group=int(split.get("min_group", 3)),
                    max_ratio=float(split.get("max_ratio", 0.7)),
                    max_size=int(split.get("max_size", 64)),
                    merge_ratio=float(split.get("merge_ratio", 0.85)),
                    merge_min_probability=float(split.get("merge_min_probability", 0.2)),
                    time_scale_days=float(split.get("time_scale_days", 30.0)),
                    method=str(split.get("method", "average")),
                    weights={str(k): float(v) for k, v in split.get("weights", {}).items()},
                    bias=float(split.get("bias", 0.0)),
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"decision model: bad or missing field ({exc})") from None


def default_model() -> DecisionModel:
    text = resources.files("newsprism.cluster").joinpath("decision_v1.json").read_text("utf-8")
    return DecisionModel.from_dict(json.loads(text))
