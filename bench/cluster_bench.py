"""Story clustering quality, newsprism against baselines, on the shared development data.

    python bench/cluster_bench.py [--data ../shared/data] [--sets ecbplus,meantime_en,...] [--dense]
                                  [--record docs/benchmarks.md]

newsprism runs exactly as `newsprism ingest` does (drafts -> cleaning -> features -> online
clustering -> SQLite, in memory), in streaming order (the file order), with default settings.
Scores: BCubed precision/recall/F1, pairwise F1, number of stories, and the agreement of
`newsprism rebuild` with the streaming result.  Baselines run in the same process on the same
rows (bench/baselines.py): TF-IDF + average-link agglomerative with the threshold tuned on the
scored set itself ("oracle") and with the threshold tuned on ECB+ applied elsewhere; with --dense
(needs the `bench` extra) also all-MiniLM-L6-v2 + agglomerative / HDBSCAN and BERTopic.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import Dataset, data_dir, load
from newsprism.cluster.metrics import bcubed, pairwise
from newsprism.engine import Engine
from newsprism.settings import Settings

DEFAULT_SETS = "ecbplus,meantime_en,allsides,allsides_shuffled,wmt_en"


def run_newsprism(ds: Dataset) -> dict[str, object]:
    engine = Engine.open(Settings.load({"db": ":memory:", "workers": 1}))
    t = time.perf_counter()
    report = engine.ingest_drafts(ds.drafts())
    seconds = time.perf_counter() - t
    pred = {row.external_id: row.story_id for row in engine.export_assignments()}
    stream = dict(pred)
    t = time.perf_counter()
    rebuild = engine.rebuild()
    rebuild_seconds = time.perf_counter() - t
    rebuilt = {row.external_id: row.story_id for row in engine.export_assignments()}
    gold = ds.gold
    p, r, f = bcubed(stream, gold)
    return {
        "method": "newsprism (streaming, defaults)",
        "P": p,
        "R": r,
        "F1": f,
        "pairF1": pairwise(stream, gold)[2],
        "stories": len(set(stream.values())),
        "seconds": seconds,
        "per_second": report.ingested / seconds if seconds else 0.0,
        "note": f"skipped {report.skipped}; rebuild F1 {bcubed(rebuilt, gold)[2]:.3f}, "
        f"agreement with streaming {rebuild.agreement:.3f} ({rebuild_seconds:.1f} s)",
    }


def baseline_rows(ds: Dataset, ecb_threshold: float | None, dense: bool) -> list[dict[str, object]]:
    import baselines as bl

    out = []
    gold = ds.gold
    runs = [("TF-IDF + average link, oracle threshold", bl.tfidf_agglomerative(ds.rows))]
    if ecb_threshold is not None:
        runs.append(
            (
                f"TF-IDF + average link, ECB+ threshold {ecb_threshold:.3f}",
                bl.tfidf_agglomerative(ds.rows, ecb_threshold),
            )
        )
    if dense:
        enc = bl.encode_minilm(ds.rows)
        runs.append(("MiniLM + average link, oracle threshold", bl.minilm_agglomerative(ds.rows, embeddings=enc)))
        runs.append(("MiniLM + HDBSCAN (min_samples=3)", bl.minilm_hdbscan(ds.rows, min_samples=3, embeddings=enc)))
        runs.append(("BERTopic (MiniLM, min_topic_size=3)", bl.minilm_bertopic(ds.rows, embeddings=enc)))
    for name, res in runs:
        labels = {str(k): v for k, v in res.labels.items()}
        p, r, f = bcubed(labels, gold)
        out.append(
            {
                "method": name,
                "P": p,
                "R": r,
                "F1": f,
                "pairF1": pairwise(labels, gold)[2],
                "stories": len(set(labels.values())),
                "seconds": res.total_seconds,
                "per_second": res.articles_per_second,
                "note": f"threshold {res.threshold:.3f}" if res.threshold is not None else "",
                "threshold": res.threshold,
            }
        )
    return out


def table(name: str, n: int, n_gold: int, rows: list[dict[str, object]]) -> str:
    lines = [
        f"**{name}** ({n} articles, {n_gold} gold stories)",
        "",
        "| method | BCubed P | BCubed R | BCubed F1 | pairwise F1 | stories | articles/s | notes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['method']} | {r['P']:.3f} | {r['R']:.3f} | **{r['F1']:.3f}** | {r['pairF1']:.3f} | {r['stories']} "
            f"| {r['per_second']:.0f} | {r['note']} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data")
    ap.add_argument("--sets", default=DEFAULT_SETS)
    ap.add_argument("--dense", action="store_true", help="also MiniLM baselines and BERTopic (bench extra)")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--record", help="append the tables to this markdown file")
    args = ap.parse_args()
    root = data_dir(args.data)
    ecb_threshold = None
    blocks = []
    for name in args.sets.split(","):
        ds = load(name, root)
        rows = [run_newsprism(ds)]
        if not args.no_baselines:
            base = baseline_rows(ds, ecb_threshold if name != "ecbplus" else None, args.dense)
            if name == "ecbplus":
                ecb_threshold = base[0]["threshold"]  # type: ignore[assignment]
            rows += base
        block = table(name, len(ds.rows), len(set(ds.gold.values())), rows)
        print(block + "\n", flush=True)
        blocks.append(block)
    if args.record:
        cmd = "python bench/cluster_bench.py " + " ".join(sys.argv[1:])
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        with open(args.record, "a", encoding="utf-8") as fh:
            fh.write(f"\n### Story clustering, {stamp}\n\nCommand: `{cmd}`\n\n" + "\n\n".join(blocks) + "\n")


if __name__ == "__main__":
    main()
