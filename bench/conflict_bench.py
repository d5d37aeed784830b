"""Are the conflicts a comparison reports real?  Precision of number and date conflicts.

    python bench/conflict_bench.py [--data ../shared/data] [--held-out]

Compares every ECB+ event and every AllSides story (the first 12 articles of each, cleaned as
`newsprism ingest` does) as one story and checks each `number` and `date` conflict against
`labels/conflicts.tsv`: T when the sources really give different values for the same thing (an
updated toll counts), F when the values are about different things (players, models, events,
days, a part and its whole, a converted amount), agree after all, were misread, or are
boilerplate; U when the text shown cannot tell.  A conflict is known by its story, its kind and a
hash of its sides (article and value), so the file holds no article text.  The 150 labels were
given on 2026-12-07 by a helper agent (a language model) to the union of what the comparison
reported at the start and at the end of that session, blind to which reported what.  Conflicts
the file does not hold are counted as unlabelled and should be labelled before figures are
compared.

``--held-out``: the 13th to 24th articles of the events that have them instead (fewer conflicts,
articles no rule was written from).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load, to_draft
from newsprism.compare.base import Conflict
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.runner import Preparer
from newsprism.settings import Settings

LABELS = Path(__file__).resolve().parent / "labels" / "conflicts.tsv"


def sides_key(sides: list[tuple[str, str]]) -> str:
    return hashlib.sha1("|".join(f"{a}={v}" for a, v in sorted(sides)).encode()).hexdigest()[:16]


def read_labels() -> dict[tuple[str, str, str], str]:
    out = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        story, kind, key, label = line.split("\t")[:4]
        out[(story, kind, key)] = label
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--held-out", action="store_true")
    ap.add_argument(
        "--show-unlabelled",
        action="store_true",
        help="print each unlabelled conflict with its sentences and the labels file's line to fill in (to stderr)",
    )
    ap.add_argument("--show", metavar="LABEL", help="print each conflict of this label (T, F or U) the same way")
    args = ap.parse_args()
    labels = read_labels()
    prep = Preparer(Settings.load({"db": ":memory:"}))
    comparer = Comparer()
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    stories = 0
    t0 = time.perf_counter()
    for name in ("ecbplus", "allsides"):
        by_story: dict[str, list[dict]] = collections.defaultdict(list)
        for r in load(name, data_dir(args.data)).rows:
            by_story[r["story"]].append(r)
        for story in sorted(by_story):
            rows = by_story[story][12:24] if args.held_out else by_story[story][:12]
            articles = [p.article for p in (prep(to_draft(r)) for r in rows) if p.article is not None]
            if len(articles) < 2:
                continue
            stories += 1
            inputs = [
                CompareInput(a.external_id, a.title, a.text, a.outlet, a.url, a.language, a.published) for a in articles
            ]
            for c in comparer.compare(inputs).conflicts:
                if c.kind not in ("number", "date"):
                    continue
                key = sides_key([(s.article, s.value) for s in c.sides])
                label = labels.get((story, c.kind, key), "unlabelled")
                counts[(c.kind, label)] += 1
                if (label == "unlabelled" and args.show_unlabelled) or label == args.show:
                    show(story, c, key, {i.article: i.text for i in inputs})
    print(f"{stories} stories compared in {time.perf_counter() - t0:.1f} s")
    print()
    print("| kind | conflicts | true | false | undecidable | unlabelled | precision (of labelled) |")
    print("|---|---|---|---|---|---|---|")
    for kind in ("number", "date", "both"):
        kinds = ("number", "date") if kind == "both" else (kind,)
        n = {lab: sum(counts[(k, lab)] for k in kinds) for lab in ("T", "F", "U", "unlabelled")}
        labelled = n["T"] + n["F"] + n["U"]
        precision = f"{n['T'] / labelled:.2f}" if labelled else "-"
        print(f"| {kind} | {sum(n.values())} | {n['T']} | {n['F']} | {n['U']} | {n['unlabelled']} | {precision} |")


def show(story: str, c: Conflict, key: str, texts: dict[str, str]) -> None:
    print(f"\n{story}\t{c.kind}\t{key}\t?\t{c.topic}", file=sys.stderr)
    for s in c.sides:
        text = texts[s.article]
        lo, hi = text.rfind(".", 0, s.start) + 1, text.find(".", s.end)
        around = " ".join(text[lo : hi if hi > 0 else len(text)].split())
        print(f"  {s.article} [{s.value}]: {around}", file=sys.stderr)


if __name__ == "__main__":
    main()
