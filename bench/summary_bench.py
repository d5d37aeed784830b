"""Story summaries: ROUGE-1/2 recall against the AllSides editors' neutral summaries.

    python bench/summary_bench.py [--data ../shared/data] [--words 100] [--limit N]

For every AllSides story (2-3 reports from left, centre and right outlets), newsprism's summary is
computed exactly as `newsprism story ID` does (cleaning, comparison, extractive summary of about
`--words` words), then cut at the length of the reference summary (in words) and scored with
ROUGE-1 and ROUGE-2 recall, Porter-stemmed (package rouge-score, `bench` extra).  Two baselines run
on the same cleaned texts in the same process: *lead* (the first sentences of the first report)
and *centroid* (sentences ranked by TF-IDF cosine with the story centroid, Radev et al. 2004).
Also reported: the share of summary sentences supported by 2+ sources, and whether any sentence
cites a source that does not contain it.
"""

from __future__ import annotations

import argparse
import collections
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load, to_draft
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.nlp.sentences import RuleSentenceSplitter
from newsprism.nlp.tokenize import tokens
from newsprism.runner import Preparer
from newsprism.settings import Settings
from newsprism.summarize.extractive import ExtractiveSummarizer


def cut(text: str, n_words: int) -> str:
    return " ".join(text.split()[:n_words])


def lead(inputs: list[CompareInput]) -> str:
    return inputs[0].text


def centroid(inputs: list[CompareInput], splitter: RuleSentenceSplitter) -> str:
    sents = [s.text for i in inputs for s in splitter.split(i.text) if len(s.text.split()) >= 6]
    if not sents:
        return ""
    bags = [collections.Counter(tokens(s)) for s in sents]
    vocab: dict[str, int] = {}
    for b in bags:
        for t in b:
            vocab.setdefault(t, len(vocab))
    mat = np.zeros((len(sents), max(1, len(vocab))))
    for r, b in enumerate(bags):
        for t, c in b.items():
            mat[r, vocab[t]] = 1 + math.log(c)
    df = (mat > 0).sum(0)
    mat *= np.log((len(sents) + 1) / (df + 1)) + 1
    mat /= np.linalg.norm(mat, axis=1, keepdims=True) + 1e-12
    cen = mat.sum(0)
    score = mat @ cen
    chosen: list[int] = []
    for i in np.argsort(-score, kind="stable"):
        if all(float(mat[i] @ mat[j]) < 0.6 for j in chosen):
            chosen.append(int(i))
        if sum(len(sents[j].split()) for j in chosen) >= 100:
            break
    return " ".join(sents[j] for j in chosen)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    ds = load("allsides", data_dir(args.data))
    stories: dict[str, list[dict]] = collections.defaultdict(list)
    for r in ds.rows:
        stories[r["story"]].append(r)
    prep = Preparer(Settings.load({"db": ":memory:"}))
    comparer, summarizer, splitter = Comparer(), ExtractiveSummarizer(), RuleSentenceSplitter()
    scores: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    multi = total = bad_cites = 0
    started = time.perf_counter()
    for n, (_sid, rows) in enumerate(sorted(stories.items())):
        if args.limit and n >= args.limit:
            break
        reference = rows[0]["reference_summary"]
        ref_len = len(reference.split())
        inputs = []
        for r in rows:
            p = prep(to_draft(r))
            if p.article is not None:
                a = p.article
                inputs.append(CompareInput(a.external_id, a.title, a.text, a.outlet, a.url, a.language, a.published))
        if not inputs:
            continue
        comparison = comparer.compare(inputs)
        summary = summarizer.summarize(inputs, comparison, words=args.words)
        texts = {i.article: i.text for i in inputs}
        for s in summary.sentences:
            total += 1
            multi += s.sources >= 2
            bad_cites += any(texts[c.article][c.start : c.end] != c.text for c in s.support)
        candidates = {
            "newsprism": " ".join(s.text for s in summary.sentences),
            "lead": lead(inputs),
            "centroid": centroid(inputs, splitter),
        }
        for name, text in candidates.items():
            sc = scorer.score(reference, cut(text, ref_len))
            scores[name].append((sc["rouge1"].recall, sc["rouge2"].recall))
    seconds = time.perf_counter() - started
    print(
        f"AllSides: {len(scores['newsprism'])} stories, summaries cut at the reference length (median "
        f"{int(np.median([len(r[0]['reference_summary'].split()) for r in stories.values()]))} words)\n"
    )
    print("| system | ROUGE-1 recall | ROUGE-2 recall |")
    print("|---|---|---|")
    for name in ("newsprism", "lead", "centroid"):
        r1 = 100 * float(np.mean([a for a, _ in scores[name]]))
        r2 = 100 * float(np.mean([b for _, b in scores[name]]))
        print(f"| {name} | {r1:.1f} | {r2:.1f} |")
    print(
        f"\nsummary sentences supported by 2+ independent sources: {multi}/{total}; "
        f"citations not matching their source text: {bad_cites}; {seconds:.1f} s for everything"
    )


if __name__ == "__main__":
    main()
