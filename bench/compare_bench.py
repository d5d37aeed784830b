"""Cost of comparing a story: a 20-article story compares in under 3 s, then comes from the cache.

    python bench/compare_bench.py [--data ../shared/data] [--articles 20]

Takes the largest ECB+ event (22 articles about one real event from many outlets), cleans the first
N articles as `newsprism ingest` does, and times `Comparer.compare` on them (cold, in a fresh
process state), then stores them as one story in SQLite and times `Engine.compare_story` cold
(computed and cached) and warm (read from the cache).  Also prints what the comparison found.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load, to_draft
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.engine import Engine
from newsprism.runner import Preparer
from newsprism.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--articles", type=int, default=20)
    args = ap.parse_args()
    ds = load("ecbplus", data_dir(args.data))
    sizes = collections.Counter(r["story"] for r in ds.rows)
    event = sizes.most_common(1)[0][0]
    rows = [r for r in ds.rows if r["story"] == event][: args.articles]
    prep = Preparer(Settings.load({"db": ":memory:"}))
    articles = [p.article for p in (prep(to_draft(r)) for r in rows) if p.article is not None]
    inputs = [CompareInput(a.external_id, a.title, a.text, a.outlet, a.url, a.language, a.published) for a in articles]
    t = time.perf_counter()
    data = Comparer().compare(inputs).to_json()
    cold = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine.open(Settings.load({"db": str(Path(tmp) / "c.db"), "split_check": False}))
        engine.ingest_articles(articles)
        biggest = max(engine.stories(), key=lambda s: s.size)
        t = time.perf_counter()
        engine.compare_story(biggest.id)
        store_cold = time.perf_counter() - t
        t = time.perf_counter()
        engine.compare_story(biggest.id)
        warm = time.perf_counter() - t
    words = sum(len(a.text.split()) for a in articles)
    print(f"ECB+ event {event}: {len(articles)} articles, {words} words")
    print(f"Comparer.compare (cold): {cold:.2f} s")
    print(
        f"Engine.compare_story on the stored story of {biggest.size} articles: "
        f"cold {store_cold:.2f} s, cached {warm * 1000:.1f} ms"
    )
    print(
        f"found: {len([f for f in data['facts'] if f['kind'] == 'statement'])} shared statements, "
        f"{len([f for f in data['facts'] if f['kind'] == 'detail'])} shared details, {len(data['unique'])} unique, "
        f"{len(data['conflicts'])} differences, {len(data['quotes'])} quotes, "
        f"{len(data['quote_variants'])} quote variants"
    )


if __name__ == "__main__":
    main()
