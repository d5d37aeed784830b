"""Explore decision-model variants on several labelled streams at once (development tool).

    python bench/tune_cluster.py '[{"bias": -4.8}, {"weights": {...}}]' [--sets ecbplus,allsides]

Each variant overrides fields of the shipped model (cluster/decision_v1.json) and/or ClusterParams;
prints BCubed P/R/F1 per set.  Features are computed once per set with the real ingest cleaner.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load
from newsprism.cluster.decision import DecisionModel, default_model
from newsprism.cluster.metrics import bcubed
from newsprism.cluster.online import ClusterParams, OnlineClusterer
from newsprism.represent.base import ArticleFeatures
from newsprism.runner import Preparer
from newsprism.settings import Settings


def prepare(ds_rows_drafts) -> list[tuple[str, ArticleFeatures]]:
    prep = Preparer(Settings.load({"db": ":memory:"}))
    out = []
    for d in ds_rows_drafts:
        p = prep(d)
        if p.article is not None and p.features is not None:
            out.append((p.article.external_id, p.features))
    return out


def stream(items, model: DecisionModel, params: ClusterParams) -> dict[str, int]:
    cl = OnlineClusterer(params, model)
    assign: dict[int, int] = {}
    for i, (_, f) in enumerate(items, 1):
        d = cl.assign(i, f)
        assign[i] = d.story_id
        for sp in cl.take_repairs():
            for a in sp.articles:
                assign[a] = sp.to_story
    return {items[i - 1][0]: s for i, s in assign.items()}


def variant(base: DecisionModel, spec: dict) -> tuple[DecisionModel, ClusterParams]:
    w = dict(base.weights)
    w.update(spec.get("weights", {}))
    fw = dict(base.field_weights)
    fw.update(spec.get("field_weights", {}))
    split = dataclasses.replace(base.split, **spec.get("split", {}))
    model = dataclasses.replace(base, bias=spec.get("bias", base.bias), weights=w, field_weights=fw, split=split)
    params = ClusterParams(**spec.get("params", {}))
    return model, params


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("variants", nargs="?", default="[{}]")
    ap.add_argument("--sets", default="ecbplus,allsides,allsides_shuffled,meantime_en,wmt_en")
    ap.add_argument("--data")
    args = ap.parse_args()
    root = data_dir(args.data)
    sets = {}
    for name in args.sets.split(","):
        ds = load(name, root)
        sets[name] = (prepare(ds.drafts()), ds.gold)
    base = default_model()
    for spec in json.loads(args.variants):
        model, params = variant(base, spec)
        cells = []
        t = time.time()
        for name, (items, gold) in sets.items():
            p, r, f = bcubed(stream(items, model, params), gold)
            cells.append(f"{name} {p:.3f}/{r:.3f}/{f:.3f}")
        print(json.dumps(spec), "|", " | ".join(cells), f"({time.time() - t:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
