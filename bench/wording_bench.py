"""Held-out check of the display-language wording (issue 5): a report worded by its translation.

MEANTIME's English articles have professional Spanish, Italian and Dutch translations, most of
them line-aligned.  Each English article and one translation, marked a copy of it, are compared
with the translation's language as the display language: the English statements that only the
English source reports (a copy adds no source) should be worded by their translation, the
statement on the same line.  None of these languages was used to build the rule (it was built on
WMT21 ru/ja originals with English translations, the other direction).

Prints, per language: the pairs compared, the original's statements, those worded by a
translated statement (share), those whose wording is on the original's line (precision), and the
translation's statements still listed as unique to the copy (not used for any wording).

    python bench/wording_bench.py
"""

from __future__ import annotations

import argparse
import bisect
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load_rows
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.represent.dense import USEEncoder


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    args = ap.parse_args()
    by_story: dict[str, dict[str, dict]] = {}
    for r in load_rows(data_dir(args.data) / "meantime.jsonl"):
        by_story.setdefault(r["story"], {})[r["lang"]] = r
    comparer = Comparer(encoder=USEEncoder())
    stats: collections.Counter[tuple[str, str]] = collections.Counter()
    t0 = time.perf_counter()
    for story in sorted(by_story):
        for lang in ("es", "it", "nl"):
            original, translation = by_story[story]["en"], by_story[story][lang]
            if original["text"].count("\n") != translation["text"].count("\n"):
                continue  # not line-aligned: no line to check the wording against
            inputs = [
                CompareInput("o", original["title"], original["text"], "Original", None, "en"),
                CompareInput("t", translation["title"], translation["text"], None, None, lang, copy_of="o"),
            ]
            comparison = comparer.compare(inputs, display_language=lang)
            lines_o, lines_t = _line_starts(original["text"]), _line_starts(translation["text"])
            stats[lang, "pairs"] += 1
            for u in comparison.unique:
                if u.kind != "statement":
                    continue
                articles = {s.article for s in u.support}
                if articles == {"t"}:
                    stats[lang, "left"] += 1
                if "o" not in articles:
                    continue
                stats[lang, "statements"] += 1
                if "t" in articles:
                    stats[lang, "worded"] += 1
                    o = next(s for s in u.support if s.article == "o")
                    t = next(s for s in u.support if s.article == "t")
                    same = bisect.bisect_right(lines_o, o.start) == bisect.bisect_right(lines_t, t.start)
                    stats[lang, "right"] += same
    print("| display language | pairs | original's statements | worded by the translation (share) |"
          " on the same line (precision) | translation's statements left unique |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for lang in ("es", "it", "nl"):
        n, w, r = stats[lang, "statements"], stats[lang, "worded"], stats[lang, "right"]
        print(
            f"| {lang} | {stats[lang, 'pairs']} | {n} | {w} ({w / max(n, 1):.3f}) | {r} ({r / max(w, 1):.3f}) |"
            f" {stats[lang, 'left']} |"
        )
    print(f"\n{time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
