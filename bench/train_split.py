"""Learn the split decision of the story repair (development tool; needs the `bench` extra).

    python bench/train_split.py [--data ../shared/data]

Streams labelled sets; every time a story's members form two groups big enough to split, records
the partition's evidence (see OnlineClusterer._partition_evidence) and whether the two groups are
really different events (majority gold label differs).  While recording, the gold answer decides
(teacher forcing) so later examples look like those a good clusterer meets.  Fits a logistic
regression, reports accuracy on ECB+ topic folds held out from training, and prints the weights to
paste into cluster/decision_v1.json ("split": {"weights": ..., "bias": ...}).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import Dataset, data_dir, load
from newsprism.cluster.decision import default_model
from newsprism.cluster.online import OnlineClusterer
from tune_cluster import prepare, variant

KEYS = [
    "ratio",
    "cross",
    "within_min",
    "log_small",
    "group_title",
    "group_body",
    "group_names",
    "year_conflict",
    "gap_log_days",
]


class Teacher(OnlineClusterer):
    """Records split candidates and lets the gold labels decide."""

    def __init__(self, gold_of: dict[int, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gold_of = gold_of
        self.examples: list[tuple[list[float], int]] = []
        self._pending = None

    def _partition_evidence(self, story, keep, move, part):
        ev = super()._partition_evidence(story, keep, move, part)
        ka = collections.Counter(self.gold_of[story.core[i]] for i in keep).most_common(1)[0][0]
        mb = collections.Counter(self.gold_of[story.core[i]] for i in move).most_common(1)[0][0]
        self._pending = int(ka != mb)
        return ev

    def _split_decision(self, evidence):
        label = self._pending
        self.examples.append(([evidence[k] for k in KEYS], label))
        return bool(label)


def collect(ds: Dataset) -> list[tuple[list[float], int]]:
    items = prepare(ds.drafts())
    gold = ds.gold
    gold_of = {i + 1: gold[eid] for i, (eid, _) in enumerate(items)}
    model, params = variant(default_model(), {})
    cl = Teacher(gold_of, params, model)
    for i, (_, f) in enumerate(items, 1):
        cl.assign(i, f)
        cl.take_repairs()
    return cl.examples


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    root = data_dir(args.data)
    ecb = load("ecbplus", root)
    topics = sorted({r["story"].split("-")[0] for r in ecb.rows}, key=int)
    folds = {
        "ecb_a": Dataset("ecb_a", [r for r in ecb.rows if r["story"].split("-")[0] in set(topics[0::2])]),
        "ecb_b": Dataset("ecb_b", [r for r in ecb.rows if r["story"].split("-")[0] in set(topics[1::2])]),
    }
    others = {n: load(n, root) for n in ("allsides_shuffled", "meantime_en", "wmt_en")}
    data = {name: collect(ds) for name, ds in {**folds, **others}.items()}
    for name, ex in data.items():
        print(f"{name}: {len(ex)} candidates, {sum(y for _, y in ex)} real splits")

    def fit(names):
        x = [e for n in names for e, _ in data[n]]
        y = [label for n in names for _, label in data[n]]
        return LogisticRegression(C=args.C, max_iter=5000, class_weight="balanced").fit(x, y)

    for held, train in (("ecb_a", ["ecb_b", *others]), ("ecb_b", ["ecb_a", *others])):
        clf = fit(train)
        x = [e for e, _ in data[held]]
        y = [label for _, label in data[held]]
        pred = clf.predict(x)
        tp = sum(1 for p, t in zip(pred, y, strict=False) if p and t)
        print(
            f"held out {held}: accuracy {sum(int(p == t) for p, t in zip(pred, y, strict=False)) / len(y):.3f},"
            f" split precision {tp / max(1, sum(pred)):.3f} recall {tp / max(1, sum(y)):.3f}"
        )
    clf = fit(list(data))
    out = {
        "weights": {k: round(float(w), 4) for k, w in zip(KEYS, clf.coef_[0], strict=False)},
        "bias": round(float(clf.intercept_[0]), 4),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
