"""Do the sources a fact cites report it?  Precision of fact support on six ECB+ events.

    python bench/fact_bench.py [--data ../shared/data]

Takes the six largest ECB+ events (the first 20 articles of each, 16-20 outlets reporting one
event), cleans them as `newsprism ingest` does, compares each as one story, and checks every
(fact, supporting sentence) pair the comparison lists against `labels/ecbplus_fact_support.tsv`
(sentences known by a hash of their text, so the file holds no article text): 1 when the
sentence reports the fact's main information, 0 when it only shares a name, a place or the topic
or reports another piece of information.  908 pairs, every pair either alignment below listed on
2026-12-06: 880 read by four reviewers (language-model assistants, each pair once, blind to which
alignment listed it), 28 by the developer.  Pairs the file does not hold (after a change of cleaning, splitting
or alignment) are counted as unlabelled and should be labelled before figures are compared.

Baseline in the same run: the alignment as it was before statements had to agree beyond their
names (`AlignParams(plain_share=0, words_and_names=0)`).
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
from newsprism.compare.align import AlignParams
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.runner import Preparer
from newsprism.settings import Settings

LABELS = Path(__file__).resolve().parent / "labels" / "ecbplus_fact_support.tsv"
EVENTS = 6
ARTICLES = 20


def text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:16]


def read_labels(path: Path = LABELS) -> dict[tuple[str, str, str, str], int]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        event, fact, article, sentence, label = line.split("\t")
        out[(event, fact, article, sentence)] = int(label)
    return out


def support_pairs(data: dict) -> list[tuple[str, str, str]]:
    """(fact text, supporting article, supporting sentence) of every statement fact, the
    sentence that words the fact left out."""
    out = []
    for fact in data["facts"]:
        if fact["kind"] != "statement":
            continue
        for n, span in enumerate(fact["support"]):
            if n == 0 and text_key(span["text"]) == text_key(fact["text"]):
                continue
            out.append((fact["text"], span["article"], span["text"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument(
        "--unlabelled",
        metavar="FILE",
        help="write the pairs the labels lack (event, keys, fact, sentence) as TSV to FILE, to be labelled",
    )
    args = ap.parse_args()
    ds = load("ecbplus", data_dir(args.data))
    sizes = collections.Counter(r["story"] for r in ds.rows)
    prep = Preparer(Settings.load({"db": ":memory:"}))
    stories = {}
    for event, _ in sizes.most_common(EVENTS):
        rows = [r for r in ds.rows if r["story"] == event][:ARTICLES]
        articles = [p.article for p in (prep(to_draft(r)) for r in rows) if p.article is not None]
        stories[event] = [
            CompareInput(a.external_id, a.title, a.text, a.outlet, a.url, a.language, a.published) for a in articles
        ]
    labels = read_labels()
    systems = {
        "newsprism": AlignParams(),
        "names suffice (before 2026-12-06)": AlignParams(plain_share=0, words_and_names=0),
    }
    print(f"{len(stories)} ECB+ events, {sum(map(len, stories.values()))} articles, {len(labels)} labelled pairs\n")
    missing: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    print("| alignment | facts | pairs | right | wrong | unlabelled | precision | s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, params in systems.items():
        counts: collections.Counter[str] = collections.Counter()
        facts = 0
        started = time.perf_counter()
        for event, inputs in stories.items():
            data = Comparer(params=params).compare(inputs).to_json()
            facts += sum(1 for f in data["facts"] if f["kind"] == "statement")
            for fact, article, sentence in support_pairs(data):
                key = (event, text_key(fact), article, text_key(sentence))
                label = labels.get(key)
                if label is None:
                    missing[key] = (fact, sentence)
                counts["unlabelled" if label is None else ("right" if label else "wrong")] += 1
        seconds = time.perf_counter() - started
        judged = counts["right"] + counts["wrong"]
        print(
            f"| {name} | {facts} | {sum(counts.values())} | {counts['right']} | {counts['wrong']} | "
            f"{counts['unlabelled']} | **{counts['right'] / max(1, judged):.3f}** | {seconds:.1f} |"
        )
    if args.unlabelled:
        with open(args.unlabelled, "w", encoding="utf-8") as out:
            out.write("# event\tfact_sha1\tarticle\tsentence_sha1\tfact\tsentence\n")
            for key, (fact, sentence) in sorted(missing.items()):
                texts = (" ".join(fact.split()), " ".join(sentence.split()))
                out.write("\t".join((*key, *texts)) + "\n")
        print(f"\n{len(missing)} unlabelled pairs written to {args.unlabelled}")


if __name__ == "__main__":
    main()
