"""Language identification on the development data, short texts included.

    python bench/language_bench.py [--data ../shared/data]

Every article of the labelled sets (WMT21 ru/ja originals and translations, MEANTIME en/es/it/nl,
ECB+ and AllSides in English) is identified three ways: its headline alone (the ``title``, else
its first line), its first 100 characters, and its text (what ingest reads).  newsprism's
detector (py3langid with a probability floor and a minimum of three words; "unsure" is an answer)
runs beside py3langid's bare answer (always a language), the baseline, in the same process.

Right / wrong / unsure per language and input; a wrong answer costs more than an unsure one (an
article of unknown language is compared lexically, one of a wrong language with the wrong rules).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load_rows
from newsprism.nlp.language import Py3LangidDetector, _identifier, normalise_language

SETS = ("wmt21_ruen.jsonl", "wmt21_jaen.jsonl", "meantime.jsonl", "ecbplus.jsonl", "allsides_val.jsonl")


def bare(text: str) -> str | None:
    """py3langid's first answer, whatever its probability (the baseline)."""
    label, _ = _identifier().classify(text)
    return normalise_language(label)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    args = ap.parse_args()
    root = data_dir(args.data)
    rows = [r for name in SETS for r in load_rows(root / name)]
    detector = Py3LangidDetector()
    inputs = {
        "headline": lambda r: (r.get("title") or r["text"].strip().split("\n")[0]).strip(),
        "first 100 characters": lambda r: r["text"].strip()[:100],
        "text": lambda r: r["text"],
    }
    print("| input | detector | language | articles | right | wrong | unsure |")
    print("|---|---|---|---|---|---|---|")
    for input_name, pick in inputs.items():
        for det_name, detect in (("newsprism", detector.detect), ("py3langid, bare (baseline)", bare)):
            counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
            t0 = time.perf_counter()
            for r in rows:
                got = detect(pick(r))
                c = counts[r["lang"]]
                c[0] += 1
                c[1 if got == r["lang"] else 3 if got is None else 2] += 1
            seconds = time.perf_counter() - t0
            total = [sum(c[k] for c in counts.values()) for k in range(4)]
            for lang in sorted(counts):
                n, right, wrong, unsure = counts[lang]
                print(f"| {input_name} | {det_name} | {lang} | {n} | {right} | {wrong} | {unsure} |")
            n, right, wrong, unsure = total
            print(
                f"| {input_name} | {det_name} | **all** | {n} | **{right / n:.3f}** | **{wrong / n:.3f}** |"
                f" {unsure / n:.3f} ({n / seconds:.0f} texts/s) |",
                flush=True,
            )


if __name__ == "__main__":
    main()
