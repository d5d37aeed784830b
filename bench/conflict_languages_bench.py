"""Conflicts across languages: does a comparison tell where a report in one language gives another
number or day than a report in another?

    python bench/conflict_languages_bench.py [--data ../shared/data] [--docs N] [--held-out] [--only NAME]
    python bench/conflict_languages_bench.py --written

Labelled cross-language conflicts are rare, so they are made: each original (WMT21 Russian and
Japanese, MEANTIME's Spanish, Italian and Dutch, and the synthetic originals of bench/data) is
compared with its English translation, once as it is and once with the translation *altered*:

- up to two of its amounts that an English comparison keys (a counted noun, a unit, a currency, a
  quake's magnitude) get another first digit ("12 people" -> "42 people", "$1.2 billion" ->
  "$4.2 billion");
- its first weekday not followed by a date becomes the next one ("Tuesday" -> "Wednesday");
- its first day of a month not after a weekday moves by two ("July 26" -> "July 28").

The two texts are compared as independent sources (no ``copy_of``), with the default comparer of a
multilingual store (the bundled encoder).  An alteration is *found* when a conflict of its kind has
a side on the altered value and a side in the original.  Every other conflict is *false*: the
translation says what its original says, so nothing else differs.  "aligned" counts the altered
values whose sentence the comparison paired with the original (a fact both support): what a
conflict can be found on at all.

Baseline, in the same process: the same altered translation compared with the unaltered English
translation (two English texts), what the comparison finds within one language.

Cost: documents per second of the comparisons across languages (both runs).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_bench import pairs_of
from devdata import data_dir, load_rows
from newsprism.compare.base import Comparison
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.compare.conflicts import quantity_kind
from newsprism.nlp.numbers import find_quantities
from newsprism.represent.dense import USEEncoder

HERE = Path(__file__).resolve().parent
_KIND = {"number": "number", "weekday": "date", "day": "date"}  # alteration -> the conflict it should give
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b")
_DATED = re.compile(
    r",?\s*(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)"
)
_PER_DOC = 2  # altered amounts per translation
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(?:{_MONTH_NAMES})\s+(?P<d1>(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?)\b|"
    rf"(?P<d2>(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?)\s+(?:of\s+)?(?:{_MONTH_NAMES})\b)"
)


def alter(text: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The text with up to two amounts, one weekday and one day of a month changed, and where:
    (kind, start, end) in the altered text, kind "number", "weekday" or "day"."""
    eligible = []
    found = find_quantities(text, language="en")
    for q in found:
        digit = re.search(r"[1-9]", q.text)
        if digit is None or q.value < 1 or q.qualifier is not None or q.high is not None:
            continue  # hedged amounts and ranges may agree with another value
        if sum(r.value == q.value for r in found) > 1:
            continue  # a value told twice would be told both ways
        lo, hi = text.rfind("\n", 0, q.start) + 1, text.find("\n", q.end)
        line = text[lo : hi if hi >= 0 else len(text)]
        shifted = replace(q, start=q.start - lo, end=q.end - lo)
        if quantity_kind(line, shifted, "en") is None:
            continue  # an amount an English comparison does not key either
        eligible.append((q.start + digit.start(), q.start, q.end))
    chosen = []
    if eligible:
        chosen.append(eligible[0])
        if len(eligible) > 2:
            chosen.append(eligible[len(eligible) // 2])
    # (at, end, replacement, kind, side start, side end), in the original's offsets
    edits: list[tuple[int, int, str, str, int, int]] = []
    for at, start, end in chosen[:_PER_DOC]:
        d = int(text[at])
        edits.append((at, at + 1, str(d + 3 if d <= 6 else d - 3), "number", start, end))
    m = next((w for w in _WEEKDAY.finditer(text) if not _DATED.match(text, w.end())), None)
    if m:
        nxt = _WEEKDAYS[(_WEEKDAYS.index(m.group()) + 1) % 7]
        edits.append((m.start(), m.end(), nxt, "weekday", m.start(), m.end()))
    # the first day of a month not told with its weekday (that would be told both ways)
    days = (d for d in _DAY_OF_MONTH.finditer(text) if not _WEEKDAY.search(text, max(0, d.start() - 12), d.start()))
    day = next(days, None)
    if day is not None:
        g = "d1" if day.group("d1") else "d2"
        digits = re.match(r"\d+", day.group(g))
        assert digits is not None
        n = int(digits.group())
        moved = n + 2 if n <= 26 else n - 2
        suffix = "" if digits.end() == len(day.group(g)) else _ordinal(moved)
        edits.append((day.start(g), day.end(g), f"{moved}{suffix}", "day", day.start(), day.end()))
    edits.sort()
    if any(a[1] > b[0] for a, b in itertools.pairwise(edits)):
        edits = [e for e in edits if e[3] == "number"]  # overlapping edits: the amounts only
    out, spans, shift, pos = [], [], 0, 0
    for at, end, repl, kind, side_start, side_end in edits:
        out.append(text[pos:at] + repl)
        pos = end
        grow = len(repl) - (end - at)
        spans.append((kind, side_start + shift, side_end + shift + grow))
        shift += grow
    out.append(text[pos:])
    return "".join(out), spans


def _ordinal(n: int) -> str:
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _inputs(x: dict, en_text: str, en_id: str) -> list[CompareInput]:
    return [
        CompareInput(x["id"], "", x["text"], None, None, x["lang"], None),
        CompareInput(en_id, "", en_text, None, None, "en", None),
    ]


def _found(c: Comparison, other: str, en_id: str, kind: str, start: int, end: int) -> bool:
    for conflict in c.conflicts:
        if conflict.kind != kind:
            continue
        here = any(s.article == en_id and s.start < end and start < s.end for s in conflict.sides)
        if here and any(s.article == other for s in conflict.sides):
            return True
    return False


def _aligned(c: Comparison, other: str, en_id: str, start: int, end: int) -> bool:
    for f in c.facts:
        if f.kind != "statement":
            continue
        here = any(s.article == en_id and s.start <= start and end <= s.end for s in f.support)
        if here and any(s.article == other for s in f.support):
            return True
    return False


def _false(c: Comparison, spans: Iterable[tuple[str, int, int]], en_id: str) -> int:
    n = 0
    for conflict in c.conflicts:
        if conflict.kind not in ("number", "date"):
            continue
        on = any(s.article == en_id and s.start < e and b < s.end for s in conflict.sides for k, b, e in spans)
        n += not on
    return n


def score(comparer: Comparer, pairs: list[tuple[dict, dict]]) -> dict[str, dict[str, int]]:
    """Counts by kind: altered, aligned, found across languages, found in English (baseline), false
    conflicts unaltered / altered / in English."""
    out: dict[str, dict[str, int]] = {
        k: dict.fromkeys(("altered", "aligned", "found", "en_found", "en_aligned"), 0)
        for k in ("number", "weekday", "day")
    }
    out["false"] = dict.fromkeys(("plain", "altered", "en"), 0)
    out["cost"] = {"seconds": 0, "docs": 0}
    t = 0.0
    for x, en in pairs:
        changed, spans = alter(en["text"])
        alt_id = en["id"] + ":altered"
        t0 = time.perf_counter()
        plain = comparer.compare(_inputs(x, en["text"], en["id"]))
        across = comparer.compare(_inputs(x, changed, alt_id))
        t += time.perf_counter() - t0
        english = comparer.compare(_inputs(dict(en, lang="en"), changed, alt_id))
        out["false"]["plain"] += _false(plain, (), en["id"])
        out["false"]["altered"] += _false(across, spans, alt_id)
        out["false"]["en"] += _false(english, spans, alt_id)
        for kind, start, end in spans:
            row = out[kind]
            row["altered"] += 1
            row["aligned"] += _aligned(across, x["id"], alt_id, start, end)
            row["found"] += _found(across, x["id"], alt_id, _KIND[kind], start, end)
            row["en_aligned"] += _aligned(english, en["id"], alt_id, start, end)
            row["en_found"] += _found(english, en["id"], alt_id, _KIND[kind], start, end)
    out["cost"] = {"seconds": int(t * 1000), "docs": 2 * len(pairs)}
    return out


def _spans(text: str, value: str) -> list[tuple[int, int]]:
    out, at = [], text.find(value)
    while at >= 0:
        out.append((at, at + len(value)))
        at = text.find(value, at + 1)
    return out


def _touches(c_sides: Iterable, article: str, spans: list[tuple[int, int]]) -> bool:
    return any(s.article == article and any(s.start < e and b < s.end for b, e in spans) for s in c_sides)


def written(comparer: Comparer, path: Path, show: bool = False) -> None:
    """The written pairs (bench/data/differences_across_languages.jsonl): an English report and an
    independent report in another language of one invented event, with their deliberate
    differences labelled.  A difference is found when a conflict of its kind has a side on its
    English value and a side on its other value; a conflict on no labelled difference is false
    (one on a value both give alike, listed in "same", is false for sure).  Baseline: the English
    report against the other report's English translation."""
    rows = load_rows(path)
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["lang"], []).append(r)
    print(
        "| language (pairs) | differences: numbers / dates | found across languages | found in English (baseline) |"
        " false conflicts across / baseline | of them on a value both give alike |"
    )
    print("|---|---|---|---|---|---|")
    total = dict.fromkeys(("pairs", "num", "date", "found", "base", "false", "base_false", "same", "base_same"), 0)
    for lang in sorted(groups):
        t = dict.fromkeys(total, 0)
        for r in groups[lang]:
            t["pairs"] += 1
            en = CompareInput(r["id"] + ":en", "", r["en"], None, None, "en", None)
            tag = lang if lang != "en" else "en2"  # two English reports: two ids
            other = CompareInput(r["id"] + ":" + tag, "", r["other"], None, None, lang, None)
            other_en = CompareInput(r["id"] + ":" + lang + ":en", "", r["other_en"], None, None, "en", None)
            across = [c for c in comparer.compare([en, other]).conflicts if c.kind in ("number", "date")]
            base = [c for c in comparer.compare([en, other_en]).conflicts if c.kind in ("number", "date")]
            labelled = [(d, _spans(r["en"], d["en"]), _spans(r["other"], d["other"])) for d in r["differences"]]
            same = [(_spans(r["en"], x["en"]), _spans(r["other"], x["other"])) for x in r.get("same", [])]
            for d, en_spans, other_spans in labelled:
                t["num" if d["kind"] == "number" else "date"] += 1
                on_en = [c for c in across if c.kind == d["kind"] and _touches(c.sides, en.article, en_spans)]
                hit = any(_touches(c.sides, other.article, other_spans) for c in on_en)
                t["found"] += hit
                on_base = [c for c in base if c.kind == d["kind"] and _touches(c.sides, en.article, en_spans)]
                t["base"] += any(any(s.article == other_en.article for s in c.sides) for c in on_base)
                if show and not hit:
                    print(f"  missed {r['id']} {lang} {d['what']}: {d['en']!r} / {d['other']!r}", file=sys.stderr)
            for c in across:
                if not any(
                    _touches(c.sides, en.article, es) and _touches(c.sides, other.article, os) for _, es, os in labelled
                ):
                    t["false"] += 1
                    if show:
                        shown = [(x.article.split(":")[-1], x.value) for x in c.sides]
                        print(f"  false {r['id']} {lang} {c.kind} {c.topic!r}: {shown}", file=sys.stderr)
                    t["same"] += any(
                        _touches(c.sides, en.article, es) or _touches(c.sides, other.article, os) for es, os in same
                    )
            for c in base:
                if not any(_touches(c.sides, en.article, es) for _, es, _ in labelled):
                    t["base_false"] += 1
                    t["base_same"] += any(_touches(c.sides, en.article, es) for es, _ in same)
        for k in total:
            total[k] += t[k]
        print(_written_row(f"{lang} ({t['pairs']})", t), flush=True)
    print(_written_row(f"**all** ({total['pairs']})", total))


def _written_row(name: str, t: dict[str, int]) -> str:
    n = t["num"] + t["date"]
    return (
        f"| {name} | {t['num']} / {t['date']} | **{t['found']}** of {n} | {t['base']} of {n} |"
        f" {t['false']} / {t['base_false']} | {t['same']} / {t['base_same']} |"
    )


def meantime_pairs(rows: list[dict], limit: int | None) -> dict[str, list[tuple[dict, dict]]]:
    by_story: dict[str, dict[str, dict]] = {}
    for r in rows:
        by_story.setdefault(r["story"], {})[r["lang"]] = r
    out: dict[str, list[tuple[dict, dict]]] = {}
    for story in sorted(by_story):
        langs = by_story[story]
        if "en" not in langs:
            continue
        for lang, r in sorted(langs.items()):
            if lang != "en":
                out.setdefault(lang, []).append((r, langs["en"]))
    return {k: v[:limit] if limit else v for k, v in out.items()}


def synthetic_pairs(path: Path, wmt: list[dict], limit: int | None) -> list[tuple[dict, dict]]:
    english = {r["story"]: r for r in wmt if r.get("kind") == "human-translation"}
    out = []
    for k, r in enumerate(load_rows(path)):
        en = english.get(r["story"])
        if en is not None:
            out.append((dict(r, id=f"{r['story']}:{r['lang']}:{k}"), en))
    return out[:limit] if limit else out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--docs", type=int, help="at most this many pairs per set")
    ap.add_argument("--held-out", action="store_true", help="the held-out synthetic originals instead")
    ap.add_argument("--only", help="only the sets whose name contains this (e.g. 'WMT21 ja', 'MEANTIME')")
    ap.add_argument(
        "--written",
        nargs="?",
        const=str(HERE / "data" / "differences_across_languages.jsonl"),
        metavar="PATH",
        help="written pairs of independent reports instead: bench/data/differences_across_languages.jsonl"
        " (held out) unless PATH is given (bench/data/differences_dev.jsonl: development)",
    )
    ap.add_argument(
        "--show", action="store_true", help="with --written: print each difference missed and false conflict"
    )
    args = ap.parse_args()
    if args.written:
        written(Comparer(encoder=USEEncoder()), Path(args.written), show=args.show)
        return
    root = data_dir(args.data)
    wmt = load_rows(root / "wmt21_ruen.jsonl") + load_rows(root / "wmt21_jaen.jsonl")
    sets: list[tuple[str, list[tuple[dict, dict]]]] = []
    if args.held_out:
        for path in sorted((HERE / "data").glob("*_heldout.jsonl")):
            sets.append((path.name, synthetic_pairs(path, wmt, args.docs)))
    else:
        sets.append(("WMT21 ru", pairs_of(load_rows(root / "wmt21_ruen.jsonl"), args.docs)))
        sets.append(("WMT21 ja", pairs_of(load_rows(root / "wmt21_jaen.jsonl"), args.docs)))
        for lang, pairs in sorted(meantime_pairs(load_rows(root / "meantime.jsonl"), args.docs).items()):
            sets.append((f"MEANTIME {lang}", pairs))
        for path in sorted((HERE / "data").glob("*_from_wmt21_*.jsonl")):
            if not path.name.endswith("_heldout.jsonl"):
                sets.append((path.name, synthetic_pairs(path, wmt, args.docs)))
    if args.only:
        sets = [(name, pairs) for name, pairs in sets if args.only in name]
    comparer = Comparer(encoder=USEEncoder())
    print(
        "| originals (pairs) | numbers altered | aligned | found | in English: aligned / found |"
        " weekdays altered | found | in English | days of a month altered | found | in English |"
        " false: unaltered | altered | in English | docs/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    total: dict[str, dict[str, int]] = {}
    for name, pairs in sets:
        s = score(comparer, pairs)
        for k, row in s.items():
            for kk, v in row.items():
                total.setdefault(k, {}).setdefault(kk, 0)
                total[k][kk] += v
        print(_row(f"{name} ({len(pairs)})", s), flush=True)
    print(_row("**all**", total))


def _row(name: str, s: dict[str, dict[str, int]]) -> str:
    n, w, d, f = s["number"], s["weekday"], s["day"], s["false"]
    rate = s["cost"]["docs"] / max(s["cost"]["seconds"] / 1000, 1e-9)
    return (
        f"| {name} | {n['altered']} | {n['aligned']} | **{n['found']}** | {n['en_aligned']} / {n['en_found']} |"
        f" {w['altered']} | **{w['found']}** | {w['en_found']} | {d['altered']} | **{d['found']}** | {d['en_found']} |"
        f" {f['plain']} | {f['altered']} | {f['en']} | {rate:.1f} |"
    )


if __name__ == "__main__":
    main()
