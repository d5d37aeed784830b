"""Signs of machine translation: how often English articles read as machine-translated.

    python bench/mt_signs_bench.py [--data ../shared/data]

Each text goes through ingest's cleaning (``Preparer``, as ``newsprism ingest`` stores it) and then
``read_translation_signs``.  Per set: articles flagged (signs of two kinds or more: "reads as
machine-translated"), articles with any sign, and which kinds.  The sets:

- known machine translations: the two WMT21 machine translations of each ru/ja document (recall);
- English that is not machine-translated: WMT21's professional translations, ECB+, AllSides and
  the English MEANTIME articles (false flags);
- the seed pair: NBC's report after a round trip through French, and Bloomberg's.

Cost: texts/s of ``read_translation_signs`` alone over every text.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load_rows, to_draft
from newsprism.nlp.mtsigns import read_translation_signs
from newsprism.runner import Preparer
from newsprism.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    args = ap.parse_args()
    root = data_dir(args.data)
    wmt = load_rows(root / "wmt21_ruen.jsonl") + load_rows(root / "wmt21_jaen.jsonl")
    seeds = root / "seeds"
    sets = {
        "WMT21 ru/ja→en machine translations": [r for r in wmt if r.get("kind") == "machine-translation"],
        "WMT21 ru/ja→en professional translations": [r for r in wmt if r.get("kind") == "human-translation"],
        "ECB+": load_rows(root / "ecbplus.jsonl"),
        "AllSides (validation)": load_rows(root / "allsides_val.jsonl"),
        "MEANTIME English": [r for r in load_rows(root / "meantime.jsonl") if r.get("lang") == "en"],
        "seed: NBC, through French and back": [
            {"id": "nbc", "text": (seeds / "nbc-blinken-lavrov-translated.txt").read_text(encoding="utf-8")}
        ],
        "seed: Bloomberg": [
            {"id": "bloomberg", "text": (seeds / "bloomberg-blinken-lavrov.txt").read_text(encoding="utf-8")}
        ],
    }
    prep = Preparer(Settings.load({"db": ":memory:", "cache_dir": "off"}))
    texts: dict[str, list[tuple[str, str | None]]] = {}
    for name, rows in sets.items():
        texts[name] = []
        for row in rows:
            item = prep(to_draft({**row, "lang": row.get("lang") or "en"}))
            if item.article is not None:
                texts[name].append((item.article.text, item.article.language))
    print("| set | articles | read as machine-translated | with any sign | signs by kind |")
    print("|---|---|---|---|---|")
    total = 0
    seconds = 0.0
    for name, items in texts.items():
        t = time.perf_counter()
        readings = [read_translation_signs(text, language) for text, language in items]
        seconds += time.perf_counter() - t
        total += len(items)
        kinds = Counter(k for r in readings for k in r.kinds)
        flagged = sum(r.likely for r in readings)
        signed = sum(bool(r.signs) for r in readings)
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "–"
        print(f"| {name} | {len(items)} | {flagged} ({flagged / max(len(items), 1):.1%}) | {signed} | {by_kind} |")
    print(f"\ncost: {total / seconds:,.0f} texts/s ({total} texts, {seconds:.2f} s)")


if __name__ == "__main__":
    main()
