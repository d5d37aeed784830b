"""Stories across languages: WMT21 ru/ja and MEANTIME mixed with ECB+ distractors.

    python bench/multilingual_bench.py [--data ../shared/data] [--multilingual auto|on]

Builds one stream per mix by interleaving the sets round-robin in their file order (each WMT21
document: original, human translation, two machine translations; MEANTIME: the 120 English articles
first, then their Spanish, Italian and Dutch translations), writes it as JSONL and ingests it with
`Engine.ingest` into a fresh SQLite file exactly as `newsprism ingest` does.  Prints BCubed P/R/F1
against the sets' gold stories, precision and recall of `copy_of` for translations (a translation is
right when it points at its original), and throughput.  An English-only run of ECB+ shows the cost
of the lexical path when no second language ever appears (no vectors are computed).

Then true cross-language links, which the mixes lack: WMT21 documents of different outlets that
report one event (SAME_EVENT), one outlet's English translation streamed as an independent English
report (alone, or followed by its Russian original); a link is found when it ends in the story of
its event.

Note on gold: WMT21 labels each *document* a story.  Several WMT21 documents report one real event
(the 26 July 2020 Navy Day parade by five outlets, the same COVID-19 figures ...); newsprism groups
them, which BCubed against document labels counts as false merges.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load_rows
from newsprism.cluster.metrics import bcubed
from newsprism.engine import Engine
from newsprism.settings import Settings


def interleave(*streams: list[dict]) -> list[dict]:
    out: list[dict] = []
    iters = [iter(s) for s in streams]
    while iters:
        for it in list(iters):
            try:
                out.append(next(it))
            except StopIteration:
                iters.remove(it)
    return out


def translation_gold(rows: list[dict]) -> dict[str, str]:
    gold = {}
    for r in rows:
        if r.get("kind") in ("human-translation", "machine-translation"):
            gold[r["id"]] = r["story"] + ":src"
        elif "topic" in r and r["lang"] != "en":
            gold[r["id"]] = "en:" + r["story"]
    return gold


def record(r: dict) -> dict:
    out = {"id": r["id"], "text": r["text"], "language": r["lang"]}
    if r.get("title"):
        out["title"] = r["title"]
    return out


def run(name: str, rows: list[dict], multilingual: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stream.jsonl"
        src.write_text("".join(json.dumps(record(r), ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        engine = Engine.open(Settings.load({"db": str(Path(tmp) / "m.db"), "multilingual": multilingual}))
        t = time.perf_counter()
        report = engine.ingest([str(src)])
        seconds = time.perf_counter() - t
        pred, copies = {}, {}
        for row in engine.export_assignments():
            pred[row.external_id] = row.story_id
            if row.copy_of_external_id and row.relation == "translation":
                copies[row.external_id] = row.copy_of_external_id
        engine.close()
    gold = {r["id"]: r["story"] for r in rows}
    p, r, f = bcubed(pred, gold)
    tgold = translation_gold(rows)
    hits = sum(1 for k, v in copies.items() if tgold.get(k) == v)
    cp = hits / len(copies) if copies else 1.0
    cr = hits / len(tgold) if tgold else 1.0
    copy = f"{cp:.3f} | {cr:.3f}" if tgold else "– | –"
    return f"| {name} | {len(rows)} | {p:.3f} | {r:.3f} | **{f:.3f}** | {copy} | {report.ingested / seconds:.0f} |"


# WMT21 documents of different outlets that report one event (read from their English translations):
# the 26 July 2020 Navy Day parade, Ovechkin on the play-offs, the Soma Nomaoi festival.
SAME_EVENT = {
    "ru": [
        ["aif.321259", "aif.321267", "bbc-russian.43692", "interfax.39240", "izvestiya.520991", "kp.235507"],
        ["sovsport.ru.252342", "vesti.ru.343817"],
    ],
    "ja": [["hokkaido_shimbun-ja.29710", "yahoo-ja.978451"]],
}


def _stories_of(stream: list[dict], multilingual: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stream.jsonl"
        src.write_text("".join(json.dumps(record(r), ensure_ascii=False) + "\n" for r in stream), encoding="utf-8")
        engine = Engine.open(Settings.load({"db": str(Path(tmp) / "l.db"), "multilingual": multilingual}))
        engine.ingest([str(src)])
        out = {row.external_id: row.story_id for row in engine.export_assignments()}
        engine.close()
    return out


def links(sets: dict[str, list[dict]], multilingual: str) -> list[str]:
    """True cross-language links: one outlet's English translation streamed as an independent
    English report of an event other outlets reported in Russian or Japanese."""
    lines = []
    found = together = pairs = reports = 0
    for lang, groups in SAME_EVENT.items():
        rows = sets[lang]
        for group in groups:
            for b in group:
                # (1) every other document, then b's English translation alone
                stream = [r for r in rows if r["story"] != b]
                ht = next(r for r in rows if r["story"] == b and r.get("kind") == "human-translation")
                story = _stories_of([*stream, dict(ht, id="report")], multilingual)
                gold = {r["id"]: r["story"] for r in stream}
                mates = {gold[k] for k, s in story.items() if s == story["report"] and k in gold}
                reports += 1
                found += bool(mates & set(group))
            if lang != "ru":
                continue
            for i, a in enumerate(group):  # (2) a's document, b's English translation, then b's original
                b = group[(i + 1) % len(group)]
                base = [r for r in rows if r["story"] not in {d for g in groups for d in g}]
                a_rows = [r for r in rows if r["story"] == a]
                ht = next(r for r in rows if r["story"] == b and r.get("kind") == "human-translation")
                original = next(r for r in rows if r["story"] == b and r.get("kind") == "original")
                stream = [*base, *a_rows, dict(ht, id="report-en"), dict(original, id="report-ru")]
                story = _stories_of(stream, multilingual)
                a_id = next(r["id"] for r in a_rows if r.get("kind") == "original")
                pairs += 1
                together += story["report-en"] == story["report-ru"] == story[a_id]
    lines.append(f"| English report after the other documents | {reports} | {found} |")
    lines.append(
        f"| English report, then its Russian original, after another outlet's document | {pairs} | {together} |"
    )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--multilingual", default="auto")
    ap.add_argument("--no-links", action="store_true", help="skip the true-link check (18 small ingests)")
    args = ap.parse_args()
    root = data_dir(args.data)
    ru, ja = load_rows(root / "wmt21_ruen.jsonl"), load_rows(root / "wmt21_jaen.jsonl")
    mt, ecb = load_rows(root / "meantime.jsonl"), load_rows(root / "ecbplus.jsonl")
    mixes = {
        "WMT21 ru-en + ECB+": interleave(ru, ecb[:300]),
        "WMT21 ja-en + ECB+": interleave(ja, ecb[300:600]),
        "MEANTIME en/es/it/nl + ECB+": interleave(mt, ecb[600:]),
        "all of them": interleave(ru, ja, mt, ecb),
        "ECB+ alone (English only)": ecb,
    }
    print(f"multilingual setting: {args.multilingual}\n")
    print("| stream | articles | BCubed P | BCubed R | BCubed F1 | translation copy_of P | R | articles/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, rows in mixes.items():
        print(run(name, rows, args.multilingual), flush=True)
    if not args.no_links:
        print("\nSame-event links across languages (WMT21 documents of one event, different outlets)\n")
        print("| set-up | cases | in their event's story |")
        print("|---|---|---|")
        for line in links({"ru": ru, "ja": ja}, args.multilingual):
            print(line, flush=True)


if __name__ == "__main__":
    main()
