"""Ingest cost: articles/s from JSONL text to stored assignment, and peak memory.

    python bench/throughput.py --articles 100000 [--workers 0] [--data ../shared/data] [--foreign 0.01]

Builds a synthetic, chronologically ordered stream from the English development texts: each
synthetic story draws sentences from three random articles and two invented names, each of its 1-6
articles is a different sample of those sentences, stories are spread over a year.  The stream is
written to a JSONL file and ingested with ``Engine.ingest`` into a fresh SQLite file, exactly like
``newsprism ingest``.  Prints articles/s overall and per 10% slice (cost must not grow with the
number of stored stories) and peak RSS of the main process and of the worker processes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load_rows
from newsprism.engine import Engine, Progress
from newsprism.settings import Settings

_SENT = re.compile(r"(?<=[.!?])\s+")
_SYLL = ["ka", "lo", "mi", "ren", "do", "sa", "vi", "tor", "el", "an", "ro", "bu", "zen", "pa", "qui"]


def sentences(root: Path) -> list[str]:
    rows = []
    for name in ("ecbplus.jsonl", "allsides_val.jsonl", "meantime.jsonl"):
        rows += [r for r in load_rows(root / name) if r.get("lang") == "en"]
    out = []
    for r in rows:
        out += [s.strip() for s in _SENT.split(r["text"].replace("\n", " ")) if 40 <= len(s.strip()) <= 400]
    return out


def name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLL) for _ in range(rng.randint(2, 3))).capitalize()


def synthesize(n: int, root: Path, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    pool = sentences(root)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    out: list[dict] = []
    story = 0
    while len(out) < n:
        story += 1
        names = f"{name(rng)} {name(rng)}", name(rng)
        base = rng.sample(pool, 12)
        day = start + timedelta(days=rng.random() * 365)
        for k in range(rng.randint(1, 6)):
            picked = rng.sample(base, rng.randint(5, 9))
            picked[0] = f"{names[0]} of {names[1]} said: " + picked[0]
            out.append(
                {
                    "id": f"s{story}-{k}",
                    "title": f"{names[0]}: " + picked[1][:80],
                    "text": "\n".join(picked),
                    "published": (day + timedelta(hours=rng.random() * 48)).isoformat(),
                    "source": f"outlet{rng.randint(1, 40)}",
                    "language": "en",
                }
            )
    out = out[:n]
    out.sort(key=lambda r: r["published"])
    return out


def sprinkle(rows: list[dict], share: float, root: Path) -> int:
    """Replace about ``share`` of the stream, evenly spread, by WMT21 Russian and Japanese originals
    (dated like the article they replace): a mostly-English stream that turns multilingual at its
    first foreign article.  Returns how many were placed."""
    if share <= 0:
        return 0
    foreign = [
        r
        for name in ("wmt21_ruen.jsonl", "wmt21_jaen.jsonl")
        for r in load_rows(root / name)
        if r.get("kind") == "original"
    ]
    every = max(1, round(1 / share))
    placed = 0
    for i in range(every // 2, len(rows), every):
        r = foreign[placed % len(foreign)]
        rows[i] = {
            "id": f"f{placed}-{r['id']}",
            "title": r.get("title") or "",
            "text": r["text"],
            "published": rows[i]["published"],
            "source": r.get("source") or "foreign",
            "language": r["lang"],
        }
        placed += 1
    return placed


def rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--data")
    ap.add_argument(
        "--foreign",
        type=float,
        default=0.0,
        help="share of the stream replaced by Russian and Japanese articles (WMT21 originals), e.g. 0.01",
    )
    args = ap.parse_args()
    rows = synthesize(args.articles, data_dir(args.data))
    foreign = sprinkle(rows, args.foreign, data_dir(args.data))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stream.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r) + "\n")
        settings = Settings.load({"db": str(Path(tmp) / "bench.db"), "workers": args.workers})
        marks: list[tuple[int, float]] = []
        step = max(1, args.articles // 10)
        t0 = time.perf_counter()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu0 = usage.ru_utime + usage.ru_stime

        def on_progress(p: Progress) -> None:
            if p.done % step == 0 and (not marks or marks[-1][0] != p.done):
                marks.append((p.done, time.perf_counter() - t0))

        with Engine.open(settings) as engine:
            report = engine.ingest([str(src)], on_progress=on_progress)
            elapsed = time.perf_counter() - t0
            stories = engine.store.story_count()
    print(
        f"articles: {args.articles} ({foreign} in Russian or Japanese), stored {report.ingested}, "
        f"duplicates {report.duplicates}, stories {stories}"
    )
    print(f"throughput: {report.ingested / elapsed:.0f} articles/s ({elapsed:.1f} s, workers setting {args.workers})")
    prev = (0, 0.0)
    slices = []
    for done, t in marks:
        slices.append(f"{(done - prev[0]) / max(t - prev[1], 1e-9):.0f}")
        prev = (done, t)
    print("per 10% slice (articles/s):", " ".join(slices))
    self_cpu = resource.getrusage(resource.RUSAGE_SELF)
    child_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    per = 1000.0 / max(report.ingested, 1)
    print(
        f"CPU per article: main process {(self_cpu.ru_utime + self_cpu.ru_stime - cpu0) * per:.2f} ms, "
        f"workers {(child_cpu.ru_utime + child_cpu.ru_stime) * per:.2f} ms"
    )
    print(
        f"peak RSS: main {rss_mb(resource.RUSAGE_SELF):.0f} MB, "
        f"largest worker {rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
    )


if __name__ == "__main__":
    main()
