"""Benchmark quote and speaker extraction on PolNeAR dev (``../shared/data/polnear-dev``).  Not a test.

    python bench/quotes_bench.py [--data ../shared/data] [--errors N] [--json FILE]

Data: ``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann`` (brat standoff).  ``T`` lines
are spans (``Source``, ``Cue``, ``Content``, possibly discontinuous ``a b;c d``); ``E`` lines tie one
attribution's ``Content``, ``Cue`` and ``Source`` together (``Attribution-no-source`` has no Source).
82 documents have one annotator, two have six.

**Gold direct quotes.**  For every Content of an attribution, the parts of it that stand inside
quotation marks (``"…"``, ``“…”``, ``''…''``, ``„…“``, ``«…»``, and ``‘…’`` when the ``‘`` opens a
word) are *gold quote segments*, each carrying the attribution's Source span and text.  Marks are
paired inside the Content's own text, independently of the extractor: alternate outside/inside,
starting inside when the first mark is a closing ``”``, running to the Content's end when a mark is
left open.  We score on these quoted substrings, not on the whole Content, because a direct quote is
the quoted words: in ``Lavrov said there are “serious differences” in how ...`` the gold segment is
``serious differences``.  A Content with two partial quotes gives two segments.

**Matching.**  One of our direct quotes *matches* a gold segment when their character spans overlap.

- precision = our direct quotes that match some gold segment / our direct quotes;
- recall = gold segments matched by some direct quote of ours / gold segments;
- speaker accuracy = among our matched quotes whose matched gold has a Source (matches whose gold
  has none, ``Attribution-no-source``, are left out and counted), the share whose speaker is right:
  - *strict span*: our speaker mention (``speaker_start:speaker_end``, the words next to the cue:
    "he", "Blinken", "a senior official") overlaps the gold Source span of a matched segment;
  - *lenient name*: strict, or the last word of our resolved speaker ("Antony Blinken" -> "Blinken")
    is a word of the gold Source text, or the gold Source is a pronoun and our mention is the same
    pronoun.  This credits a right speaker found through another mention of the same person (an
    inherited or resolved attribution); it cannot credit a resolution the gold does not name.
  A quote without a speaker is wrong in both.  Known annotation noise is left in: a few gold
  Sources are the cue word itself ("said"), printed as a count.

**Reported speech** (informational): gold = Contents without quotation marks; one of our
``reported`` quotes matches one when the overlap is at least half of each span.  Precision, recall
and lenient speaker accuracy as above.  A Content cut in two by its attribution ("The museum, Mr.
Obama said, would ...") is two gold pieces there; a second line scores against whole Contents
(first piece to last), which is what a one-span reported quote of the sentence can match.

**Speed**: articles per second for the whole extractor (direct + reported) over the 84 texts, best
of three passes on one core.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir
from newsprism.compare.base import Quote
from newsprism.compare.quotes import RuleQuoteExtractor

PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you", "him", "her", "them"])
_DOUBLE = re.compile(r"''|[\"“”„«»]")
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    source: tuple[tuple[int, int], ...]  # empty: no source
    source_text: str
    direct: bool
    hull: tuple[int, int] = (0, 0)  # reported: the whole Content, first piece to last


def _segments(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Quoted parts of text[a:b] (one Content piece)."""
    marks = [(m.start(), m.end(), m.group()) for m in _DOUBLE.finditer(text, a, b)]
    out: list[tuple[int, int]] = []
    # a content that starts inside a quote shows a closing mark first (unless the mark opens it)
    inside = bool(marks) and marks[0][2] == "”" and text[a : marks[0][0]].strip() != ""
    cur = a if inside else None
    for s, e, _ in marks:
        if inside:
            out.append((cur if cur is not None else a, s))
            inside, cur = False, None
        else:
            inside, cur = True, e
    if inside and cur is not None:
        out.append((cur, b))
    for m in re.finditer(r"(?<![\w’'])‘(?=\w)", text[a:b]):
        s = a + m.end()
        close = re.search(r"’(?![\w])", text[s:b])
        if close:
            out.append((s, s + close.start()))
    res = []
    for s, e in out:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if e > s:
            res.append((s, e))
    return res


def load_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, _ = line.split("\t", 2)
            kind, where = mid.split(" ", 1)
            spans[tid] = (kind, [(int(p.split()[0]), int(p.split()[1])) for p in where.split(";")])
        elif line.startswith("E"):
            parts = line.split("\t")[1].split()
            rels.append({k.rstrip("0123456789"): v for k, v in (p.split(":") for p in parts)})
    out: list[Gold] = []
    for rel in rels:
        content = rel.get("Content")
        if content not in spans:
            continue
        source = tuple(spans[rel["Source"]][1]) if rel.get("Source") in spans else ()
        source_text = " ".join(text[a:b] for a, b in source)
        pieces = spans[content][1]
        quoted = [seg for a, b in pieces for seg in _segments(text, a, b)]
        if quoted:
            out.extend(Gold(s, e, source, source_text, True) for s, e in quoted)
        else:
            hull = (pieces[0][0], pieces[-1][1])
            out.extend(Gold(a, b, source, source_text, False, hull) for a, b in pieces)
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _speaker_ok(q: Quote, golds: list[Gold], text: str, lenient: bool) -> bool:
    for g in golds:
        span = (q.speaker_start, q.speaker_end)
        if span[0] is not None and span[1] is not None and any(_overlap(*span, a, b) for a, b in g.source):
            return True
        if not lenient:
            continue
        words = {w.lower() for w in _WORD.findall(g.source_text)}
        if q.speaker and q.speaker.split()[-1].lower().strip("’'s") in words:
            return True
        if q.speaker and q.speaker.split()[-1].lower() in words:
            return True
        mention = text[q.speaker_start : q.speaker_end].lower() if q.speaker_start is not None else ""
        if g.source_text.lower() in PRONOUNS and mention == g.source_text.lower():
            return True
    return False


@dataclass
class Score:
    ours: int = 0
    tp: int = 0
    gold: int = 0
    found: int = 0
    spk_n: int = 0
    strict: int = 0
    lenient: int = 0
    no_source: int = 0
    r_ours: int = 0
    r_tp: int = 0
    r_gold: int = 0
    r_found: int = 0
    r_spk_n: int = 0
    r_lenient: int = 0
    h_tp: int = 0  # reported against whole Contents (a Content cut by its attribution as one span)
    h_gold: int = 0
    h_found: int = 0

    def add(self, other: Score) -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def row(self) -> dict[str, float]:
        def div(a: int, b: int) -> float:
            return a / b if b else 0.0

        return {
            "P": div(self.tp, self.ours),
            "R": div(self.found, self.gold),
            "spk_strict": div(self.strict, self.spk_n),
            "spk_lenient": div(self.lenient, self.spk_n),
            "rP": div(self.r_tp, self.r_ours),
            "rR": div(self.r_found, self.r_gold),
            "r_spk": div(self.r_lenient, self.r_spk_n),
            "hP": div(self.h_tp, self.r_ours),
            "hR": div(self.h_found, self.h_gold),
        }


def score(text: str, quotes: list[Quote], gold: list[Gold], errors: list[str] | None = None) -> Score:
    s = Score()
    gd = [g for g in gold if g.direct]
    gr = [g for g in gold if not g.direct]
    direct = [q for q in quotes if q.kind == "direct"]
    reported = [q for q in quotes if q.kind == "reported"]
    s.ours, s.gold = len(direct), len({(g.start, g.end) for g in gd})
    for q in direct:
        hits = [g for g in gd if _overlap(q.start, q.end, g.start, g.end)]
        if not hits:
            if errors is not None:
                errors.append(f"FP  {q.speaker!r}: {text[max(0, q.start - 60) : q.end + 40]!r}")
            continue
        s.tp += 1
        with_source = [g for g in hits if g.source]
        if not with_source:
            s.no_source += 1
            continue
        s.spk_n += 1
        ok_strict = _speaker_ok(q, with_source, text, False)
        ok_len = _speaker_ok(q, with_source, text, True)
        s.strict += ok_strict
        s.lenient += ok_len
        if errors is not None and not ok_len:
            mention = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
            errors.append(
                f"SPK ours={q.speaker!r} ({mention!r}, {q.cue}) gold={with_source[0].source_text!r}: "
                f"{text[max(0, q.start - 80) : q.end + 60]!r}"
            )
    seen: set[tuple[int, int]] = set()
    for g in gd:
        if (g.start, g.end) in seen:
            continue
        seen.add((g.start, g.end))
        if any(_overlap(q.start, q.end, g.start, g.end) for q in direct):
            s.found += 1
        elif errors is not None:
            errors.append(f"FN  gold={g.source_text!r}: {text[max(0, g.start - 80) : g.end + 60]!r}")
    s.r_ours, s.r_gold = len(reported), len({(g.start, g.end) for g in gr})

    def half(q: Quote, g: Gold) -> bool:
        o = _overlap(q.start, q.end, g.start, g.end)
        return o * 2 >= (q.end - q.start) and o * 2 >= (g.end - g.start)

    for q in reported:
        hits = [g for g in gr if half(q, g)]
        if hits:
            s.r_tp += 1
            with_source = [g for g in hits if g.source]
            if with_source:
                s.r_spk_n += 1
                s.r_lenient += _speaker_ok(q, with_source, text, True)
    seen.clear()
    for g in gr:
        if (g.start, g.end) not in seen:
            seen.add((g.start, g.end))
            s.r_found += any(half(q, g) for q in reported)
    hulls = {g.hull for g in gr}

    def half_hull(q: Quote, h: tuple[int, int]) -> bool:
        o = _overlap(q.start, q.end, h[0], h[1])
        return o * 2 >= (q.end - q.start) and o * 2 >= (h[1] - h[0])

    s.h_gold = len(hulls)
    s.h_tp = sum(1 for q in reported if any(half_hull(q, h) for h in hulls))
    s.h_found = sum(1 for h in hulls if any(half_hull(q, h) for q in reported))
    return s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="the shared data folder (holds polnear-dev/)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind (union gold)")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    root = data_dir(args.data) / "polnear-dev"
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((root / "text").glob("*.txt"))}
    anns: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((root / "attributions").glob("*.ann")):
        anns[p.stem.rsplit("_", 1)[0]].append(p)
    extractor = RuleQuoteExtractor()
    elapsed = float("inf")
    for _ in range(3):  # best of three passes: the first one also pays for warming caches
        t0 = time.perf_counter()
        predictions = {doc: extractor.quotes(doc, text, language="en") for doc, text in texts.items()}
        elapsed = min(elapsed, time.perf_counter() - t0)
    union, each = Score(), Score()
    errors: list[str] = []
    spread: dict[str, list[dict[str, float]]] = {}
    for doc, text in texts.items():
        golds = [load_ann(p, text) for p in anns.get(doc, [])]
        union.add(score(text, predictions[doc], [g for gs in golds for g in gs], errors))
        rows = []
        for gs in golds:
            one = score(text, predictions[doc], gs)
            each.add(one)
            rows.append(one.row())
        if len(golds) > 1:
            spread[doc] = rows
    u, e = union.row(), each.row()
    n_sent = sum(len(t) for t in texts.values())
    print(f"PolNeAR dev: {len(texts)} documents, {sum(len(v) for v in anns.values())} annotation files\n")
    print("| gold | direct P | direct R | speaker (strict span) | speaker (lenient name) | reported P | reported R |")
    print("|---|---|---|---|---|---|---|")
    for label, r, sc in (("**union (headline)**", u, union), ("each file, pooled", e, each)):
        print(
            f"| {label} | {r['P']:.3f} ({sc.tp}/{sc.ours}) | {r['R']:.3f} ({sc.found}/{sc.gold}) | "
            f"{r['spk_strict']:.3f} ({sc.strict}/{sc.spk_n}) | {r['spk_lenient']:.3f} ({sc.lenient}/{sc.spk_n}) | "
            f"{r['rP']:.3f} ({sc.r_tp}/{sc.r_ours}) | {r['rR']:.3f} ({sc.r_found}/{sc.r_gold}) |"
        )
    noise = sum(
        1
        for doc, text in texts.items()
        for p in anns.get(doc, [])
        for g in load_ann(p, text)
        if g.direct and g.source_text.lower().strip() in ("said", "says", "told", "added")
    )
    print(f"\nMatched direct quotes whose gold has no Source (left out of speaker accuracy): union {union.no_source}.")
    print(f"Gold direct segments whose Source is a cue word (annotation noise, kept): {noise}.")
    print(f"Reported-speech speaker accuracy (lenient): {u['r_spk']:.3f} ({union.r_lenient}/{union.r_spk_n}).")
    print(
        f"Reported speech against whole Contents (a Content cut by its attribution, 'PART, X said, REST', "
        f"as one span from its first piece to its last), union: P {u['hP']:.3f} ({union.h_tp}/{union.r_ours}), "
        f"R {u['hR']:.3f} ({union.h_found}/{union.h_gold})."
    )
    print(f"Speed: {len(texts) / elapsed:.0f} articles/s ({n_sent / elapsed / 1000:.0f}k chars/s, one core).\n")
    if spread:
        print("Per annotator on the multiply annotated documents (direct P / R / lenient speaker):\n")
        for doc, rows in spread.items():
            cells = ", ".join(f"{r['P']:.2f}/{r['R']:.2f}/{r['spk_lenient']:.2f}" for r in rows)
            print(f"- `{doc}`: {cells}")
    if args.errors:
        by_kind: dict[str, list[str]] = defaultdict(list)
        for err in errors:
            by_kind[err[:3]].append(err)
        for kind, items in by_kind.items():
            print(f"\n## {kind.strip()} ({len(items)})")
            for item in items[: args.errors]:
                print("-", item)
    if args.json:
        Path(args.json).write_text(json.dumps({"union": u, "each": e, "speed": len(texts) / elapsed}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
