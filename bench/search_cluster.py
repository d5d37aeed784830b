"""Coordinate search of the decision model on several labelled streams (development tool).

    python bench/search_cluster.py --sets ecbplus,allsides_shuffled,meantime_en,wmt_en --rounds 3

Starts from the shipped model (cluster/decision_v1.json), changes one parameter at a time by a step,
keeps changes that raise the objective (weighted mean BCubed F1), halves steps when nothing helps.
ECB+ is scored on two topic folds separately so a change must help more than one half of it.
Prints the best model as JSON; copying it into decision_v1.json is a deliberate, reviewed step.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import Dataset, data_dir, load
from newsprism.cluster.decision import default_model
from newsprism.cluster.metrics import bcubed
from tune_cluster import prepare, stream, variant

PARAMS: dict[str, tuple[str, float]] = {
    "bias": ("bias", 0.5),
    "w.title": ("weights", 1.0),
    "w.body": ("weights", 1.0),
    "w.names": ("weights", 1.0),
    "w.names_top": ("weights", 0.5),
    "w.body_top": ("weights", 0.5),
    "w.body_avg": ("weights", 1.0),
    "w.names_avg": ("weights", 1.0),
    "w.year_conflict": ("weights", 0.5),
    "w.gap_log_days": ("weights", 0.25),
    "s.max_ratio": ("split", 0.05),
    "s.merge_ratio": ("split", 0.05),
    "f.title": ("field_weights", 0.2),
    "f.names": ("field_weights", 0.5),
}


def get(spec: dict, key: str, base: dict) -> float:
    group, name = ([*key.split(".", 1), ""])[:2] if "." in key else ("bias", "")
    if key == "bias":
        return float(spec.get("bias", base["bias"]))
    section = {"w": "weights", "s": "split", "f": "field_weights"}[group]
    return float(spec.get(section, {}).get(name, base[section].get(name, 0.0)))


def put(spec: dict, key: str, value: float) -> dict:
    out = json.loads(json.dumps(spec))
    if key == "bias":
        out["bias"] = round(value, 4)
        return out
    group, name = key.split(".", 1)
    section = {"w": "weights", "s": "split", "f": "field_weights"}[group]
    out.setdefault(section, {})[name] = round(value, 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="ecbplus,allsides_shuffled,meantime_en,wmt_en")
    ap.add_argument("--weights", default="ecbplus=2", help="set=weight in the objective, comma separated")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--start", default="{}")
    ap.add_argument("--data")
    args = ap.parse_args()
    root = data_dir(args.data)
    weights = {k: float(v) for k, v in (p.split("=") for p in args.weights.split(",") if p)}
    sets = {}
    for name in args.sets.split(","):
        ds = load(name, root)
        if name == "ecbplus":
            topics = sorted({r["story"].split("-")[0] for r in ds.rows}, key=int)
            for half, chosen in (("a", set(topics[0::2])), ("b", set(topics[1::2]))):
                sub = Dataset(f"ecbplus_{half}", [r for r in ds.rows if r["story"].split("-")[0] in chosen])
                sets[sub.name] = (prepare(sub.drafts()), sub.gold, weights.get("ecbplus", 1.0) / 2)
        else:
            sets[name] = (prepare(ds.drafts()), ds.gold, weights.get(name, 1.0))
    m = default_model()
    base = {
        "bias": m.bias,
        "weights": dict(m.weights),
        "split": {"max_ratio": m.split.max_ratio, "merge_ratio": m.split.merge_ratio},
        "field_weights": dict(m.field_weights),
    }

    def evaluate(spec: dict) -> tuple[float, dict[str, float]]:
        model, params = variant(m, spec)
        scores = {}
        for name, (items, gold, _) in sets.items():
            scores[name] = bcubed(stream(items, model, params), gold)[2]
        total = sum(sets[n][2] for n in sets)
        return sum(scores[n] * sets[n][2] for n in sets) / total, scores

    spec = json.loads(args.start)
    best, detail = evaluate(spec)
    print(f"start {best:.4f}", {k: round(v, 3) for k, v in detail.items()}, flush=True)
    steps = {k: s for k, (_, s) in PARAMS.items()}
    for rnd in range(args.rounds):
        improved = False
        for key in PARAMS:
            for sign in (1, -1):
                cand = put(spec, key, get(spec, key, base) + sign * steps[key])
                t = time.time()
                score, det = evaluate(cand)
                if score > best + 1e-4:
                    best, spec, detail, improved = score, cand, det, True
                    print(
                        f"r{rnd} {key} -> {get(spec, key, base):.3f}: {best:.4f}",
                        {k: round(v, 3) for k, v in det.items()},
                        f"{time.time() - t:.0f}s",
                        flush=True,
                    )
                    break
        if not improved:
            steps = {k: v / 2 for k, v in steps.items()}
            print(f"r{rnd}: no change, steps halved", flush=True)
    print("BEST", json.dumps(spec), f"{best:.4f}", {k: round(v, 3) for k, v in detail.items()})


if __name__ == "__main__":
    main()
