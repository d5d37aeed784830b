"""Statement alignment across languages: does a comparison pair each sentence with its translation?

    python bench/align_bench.py [--data ../shared/data] [--docs N]

WMT21 documents are translated sentence by sentence: line *i* of the Russian or Japanese original
and line *i* of its professional English translation say the same thing.  Each pair is compared as
two independent sources (``Comparer.compare``, ``copy_of`` left empty so that the translation counts
as a source of its own), and every fact the comparison builds is checked against that gold:

- a fact *pairs* an original statement with an English one; it is right when both come from the
  same line (statements are sentences or clauses, so a line can give several);
- precision = right pairs / pairs; recall = lines where some fact pairs the line with its own
  translation / lines of the documents (lines with text on both sides).

A control pairs each original with the translation of another document (the one 7 places on in
the file): every fact found there is a false alignment, unless the two documents happen to report
the same event (WMT21 has a few such groups).

A third table takes reports of one event by different outlets (WMT21's Navy Day parade, ten
Russian documents): each Russian original is compared with another outlet's English translation,
and its facts are checked against a reference, the lexical comparer run on the two English
translations (line-aligned with the originals).  The reference misses paraphrases, so "in the
reference" is a lower bound of what is right; docs/benchmarks.md reads the rest by hand.  The
default comparer runs beside the same comparer without its parallel-text test (the previous
default: best matches under the bar aligned between any two sources).

Three set-ups run side by side in the same process: the default comparer of a multilingual store
(the bundled encoder's vectors for statements in different languages); the comparer without an
encoder, which pairs two parallel texts in different languages by their sentences' lengths and
anchors (names, numbers: what a language the encoder does not read gets, nlp/parallel.py);
and the lexical comparer (across languages only names, numbers and shared words can match), the
baseline.
Cost: documents per second of ``Comparer.compare`` (encoding included).
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load_rows
from multilingual_bench import MORE_NAVY_DAY, SAME_EVENT
from newsprism.compare.align import AlignParams
from newsprism.compare.comparer import CompareInput, Comparer
from newsprism.compare.quotes import RuleQuoteExtractor
from newsprism.nlp.entities import entities_for
from newsprism.nlp.japanese import MorphAnalyser, default_analyser
from newsprism.nlp.numbers import find_quantities
from newsprism.represent.dense import USEEncoder
from newsprism.summarize.extractive import ExtractiveSummarizer, SummaryParams


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def pairs_of(rows: list[dict], limit: int | None) -> list[tuple[dict, dict]]:
    by_story: dict[str, dict[str, dict]] = {}
    for r in rows:
        kind = r.get("kind")
        if kind in ("original", "human-translation"):
            by_story.setdefault(r["story"], {})[kind] = r
    out = []
    for story in sorted(by_story):
        pair = by_story[story]
        if "original" in pair and "human-translation" in pair:
            o, t = pair["original"], pair["human-translation"]
            if o["text"].count("\n") == t["text"].count("\n"):  # line-aligned
                out.append((o, t))
    return out[:limit] if limit else out


def score(comparer: Comparer, docs: list[tuple[dict, dict]]) -> dict[str, float]:
    right = pairs = lines = found = 0
    q_orig = q_trans = q_pairs = q_right = 0
    e_trans = e_both = 0  # the translation's entities, and those the original names too
    t0 = time.perf_counter()
    for original, translation in docs:
        inputs = [
            CompareInput(article="o", title="", text=original["text"], language=original["lang"]),
            CompareInput(article="t", title="", text=translation["text"], language="en"),
        ]
        data = comparer.compare(inputs, display_language="en").to_json()
        starts = {"o": _line_starts(original["text"]), "t": _line_starts(translation["text"])}
        texts = {"o": original["text"].split("\n"), "t": translation["text"].split("\n")}
        q_orig += sum(1 for q in data["quotes"] if q["article"] == "o" and q["kind"] == "direct" and q["speaker"])
        q_trans += sum(1 for q in data["quotes"] if q["article"] == "t" and q["kind"] == "direct" and q["speaker"])
        named = [e for e in data["entities"] if "t" in e["mentions"]]
        e_trans += len(named)
        e_both += sum(1 for e in named if "o" in e["mentions"])
        for v in data["quote_variants"]:
            if v.get("translated"):
                q_pairs += 1
                line = {q["article"]: bisect.bisect_right(starts[q["article"]], q["start"]) - 1 for q in v["quotes"]}
                q_right += line.get("o") == line.get("t")
        good: set[int] = set()
        for fact in data["facts"]:
            if fact["kind"] != "statement":
                continue
            for o_line, t_line in _fact_pairs(fact, starts, "o", "t"):
                pairs += 1
                if o_line == t_line:
                    right += 1
                    good.add(o_line)
        usable = [i for i, (a, b) in enumerate(zip(texts["o"], texts["t"], strict=True)) if a.strip() and b.strip()]
        lines += len(usable)
        found += len(good & set(usable))
    seconds = time.perf_counter() - t0
    control = statements = q_control = e_control = 0
    for k, (original, _) in enumerate(docs):
        other = docs[(k + 7) % len(docs)][1]
        if other is docs[k][1]:
            continue
        inputs = [
            CompareInput(article="o", title="", text=original["text"], language=original["lang"]),
            CompareInput(article="t", title="", text=other["text"], language="en"),
        ]
        data = comparer.compare(inputs, display_language="en").to_json()
        control += sum(1 for f in data["facts"] if f["kind"] == "statement")
        q_control += sum(1 for v in data["quote_variants"] if v.get("translated"))
        e_control += sum(1 for e in data["entities"] if {"o", "t"} <= e["mentions"].keys())
        statements += sum(1 for line in original["text"].split("\n") if line.strip())
    return {
        "q_orig": q_orig,
        "q_trans": q_trans,
        "q_pairs": q_pairs,
        "q_right": q_right,
        "q_control": q_control,
        "e_trans": e_trans,
        "e_both": e_both,
        "e_control": e_control,
        "control": control,
        "control_lines": statements,
        "P": right / pairs if pairs else 0.0,
        "R": found / lines if lines else 0.0,
        "pairs": pairs,
        "right": right,
        "lines": lines,
        "found": found,
        "docs_per_s": len(docs) / seconds if seconds else 0.0,
    }


def _line_pairs(comparer: Comparer, a: dict, la: str, b: dict, lb: str) -> set[tuple[int, int]]:
    """The (line of a, line of b) of every fact between two documents."""
    inputs = [
        CompareInput(article="a", title="", text=a["text"], language=la),
        CompareInput(article="b", title="", text=b["text"], language=lb),
    ]
    data = comparer.compare(inputs, display_language="en").to_json()
    starts = {"a": _line_starts(a["text"]), "b": _line_starts(b["text"])}
    out = set()
    for fact in data["facts"]:
        if fact["kind"] == "statement":
            out.update(_fact_pairs(fact, starts, "a", "b"))
    return out


def _fact_pairs(fact: dict, starts: dict[str, list[int]], a: str, b: str) -> list[tuple[int, int]]:
    """The (line in ``a``, line in ``b``) of each pair of statements a fact aligns (a statement
    aligned with two of the other source is one fact of three statements: two pairs)."""
    lines: dict[str, list[int]] = {a: [], b: []}
    for s in fact["support"]:
        if s["article"] in lines:
            lines[s["article"]].append(bisect.bisect_right(starts[s["article"]], s["start"]) - 1)
    return [(x, y) for x in lines[a] for y in lines[b]]


def independent(comparers: dict[str, Comparer], rows: list[dict]) -> list[str]:
    """Table rows: facts between the Russian original of one outlet and the English translation
    of another outlet's report of the same event, against the reference."""
    by: dict[str, dict[str, dict]] = {}
    for r in rows:
        if r.get("kind") in ("original", "human-translation"):
            by.setdefault(r["story"], {})[r["kind"]] = r
    docs = [
        d
        for d in SAME_EVENT["ru"][0] + MORE_NAVY_DAY
        if len(by.get(d, {})) == 2
        and by[d]["original"]["text"].count("\n") == by[d]["human-translation"]["text"].count("\n")
    ]
    reference = Comparer()
    refs = {
        (x, y): _line_pairs(reference, by[x]["human-translation"], "en", by[y]["human-translation"], "en")
        for x in docs
        for y in docs
        if x != y
    }
    out = []
    for label, comparer in comparers.items():
        found = agreed = 0
        for (x, y), ref in refs.items():
            got = _line_pairs(comparer, by[x]["original"], "ru", by[y]["human-translation"], "en")
            found += len(got)
            agreed += len(got & ref)
        total = sum(len(r) for r in refs.values())
        out.append(
            f"| Navy Day, {len(docs)} outlets ({len(refs)} ordered pairs) | {label} | {total} | {found} | "
            f"{agreed} ({agreed / max(found, 1):.3f}) | {agreed / max(total, 1):.3f} |"
        )
    return out


def summaries(comparer: Comparer, rows: list[dict], docs_of: list[str]) -> list[str]:
    """Table rows: summaries of two reports of one event in two languages (the Russian original of
    one outlet, the English translation of another's), with and without the cross-language rules:
    sentences, sentences in English, sentences in Russian whose fact an English source reports too
    (they could have been worded in English), and facts told twice (two sentences in different
    languages citing an overlapping span)."""
    by: dict[str, dict[str, dict]] = {}
    for r in rows:
        if r.get("kind") in ("original", "human-translation"):
            by.setdefault(r["story"], {})[r["kind"]] = r
    out = []
    for label, params in (
        ("default", SummaryParams()),
        ("without the cross-language rules (before)", SummaryParams(across_languages=False)),
    ):
        summarizer = ExtractiveSummarizer(params=params)
        n = english = could = twice = 0
        for x in docs_of:
            for y in docs_of:
                if x == y:
                    continue
                inputs = [
                    CompareInput(article="ru", title="", text=by[x]["original"]["text"], language="ru"),
                    CompareInput(article="en", title="", text=by[y]["human-translation"]["text"], language="en"),
                ]
                comparison = comparer.compare(inputs, display_language="en")
                sentences = summarizer.summarize(inputs, comparison, words=100).sentences
                en_text = by[y]["human-translation"]["text"]
                for k, s in enumerate(sentences):
                    n += 1
                    is_en = s.text in en_text
                    english += is_en
                    could += not is_en and any(sp.article == "en" for sp in s.support)
                    for t in sentences[k + 1 :]:
                        if (s.text in en_text) != (t.text in en_text) and any(
                            a.article == b.article and a.start < b.end and b.start < a.end
                            for a in s.support
                            for b in t.support
                        ):
                            twice += 1
        out.append(f"| Navy Day, {len(docs_of)} outlets | {label} | {n} | {english} | {could} | {twice} |")
    return out


def entity_overlap(docs: list[tuple[dict, dict]], *, before: bool, analyser: MorphAnalyser | None = None) -> str:
    """Names of each original and its translation as one comparison lists them: how many are one
    entity in both (the original's names found in its translation), against all the original's.
    ``before``: the previous behaviour (every article read by the English rules, no names matched
    across scripts).  ``analyser``: the Japanese morphological analyser (the extra ``ja``), or the rules alone."""
    both = original = translation = 0
    for o, t in docs:
        if before:
            entities = entities_for([("o", o["text"]), ("t", t["text"])], across_scripts=False, analyser=None)
        else:
            entities = entities_for(
                [("o", o["text"]), ("t", t["text"])], languages={"o": o["lang"], "t": "en"}, analyser=analyser
            )
        for e in entities:
            both += "o" in e.mentions and "t" in e.mentions
            original += "o" in e.mentions
            translation += "t" in e.mentions
    return f"{both} | {original} | {both / max(original, 1):.3f} | {translation} | {both / max(translation, 1):.3f}"


def number_overlap(docs: list[tuple[dict, dict]]) -> str:
    """Quantities of each original and of its translation: how many of the original's values are
    also a value of its translation (the same amount found in both languages)."""
    found = translated = agreed = 0
    for o, t in docs:
        ours = find_quantities(o["text"], language=o["lang"])
        theirs = {round(q.value, 3) for q in find_quantities(t["text"], language="en")}
        found += len(ours)
        translated += len(theirs)
        agreed += sum(round(q.value, 3) in theirs for q in ours)
    return f"{found} | {translated} | {agreed} ({agreed / max(found, 1):.3f})"


def meantime_quotes(rows: list[dict]) -> list[str]:
    """MEANTIME's Spanish, Italian and Dutch translations against their English articles, where
    both have as many lines (translated line by line): the translation's quotes with a speaker,
    those on a line where the English has one, and whether the speakers' surnames agree."""
    extractor = RuleQuoteExtractor()
    by_story: dict[str, dict[str, dict]] = {}
    for r in rows:
        by_story.setdefault(r["story"], {})[r["lang"]] = r

    def speakers_by_line(text: str, language: str) -> dict[int, list[str]]:
        starts = _line_starts(text)
        out: dict[int, list[str]] = {}
        for q in extractor.quotes("a", text, language=language):
            if q.kind == "direct" and q.speaker:
                out.setdefault(bisect.bisect_right(starts, q.start) - 1, []).append(q.speaker)
        return out

    lines_out = []
    for language in ("es", "it", "nl"):
        docs = english_lines = quotes = on_line = same = 0
        for story in by_story.values():
            en, other = story.get("en"), story.get(language)
            if en is None or other is None or en["text"].count("\n") != other["text"].count("\n"):
                continue
            docs += 1
            english = speakers_by_line(en["text"], "en")
            english_lines += len(english)
            for line, names in speakers_by_line(other["text"], language).items():
                quotes += len(names)
                if line in english:
                    on_line += len(names)
                    surnames = {n.split()[-1].lower() for n in english[line]}
                    same += sum(1 for n in names if n.split()[-1].lower() in surnames)
        lines_out.append(
            f"| MEANTIME {language} ({docs} line-aligned) | {english_lines} | {quotes} | {on_line} | {same} |"
        )
    return lines_out


def shape_control(root: Path) -> list[str]:
    """Table rows: which pairs of texts read as parallel by their shape (nlp/parallel.py), and
    how many of their sentence pairs are right.  Translations: WMT21 originals and MEANTIME's
    line-aligned translations with their English.  Not translations: an original with another
    document's translation (every third of the set), with another outlet's report of the Navy Day
    parade, two ECB+ reports of one event (English, read as two languages; near-copies, with a mean
    word overlap of 0.3 or more between paired sentences, apart), and a Russian original with its
    translation's body lines shuffled (10 orders each of the first 40)."""
    import itertools
    import random

    from newsprism.compare.align import clauses
    from newsprism.nlp.parallel import article_anchors, parallel_pairs
    from newsprism.nlp.sentences import RuleSentenceSplitter

    splitter = RuleSentenceSplitter()

    def shape(text: str, language: str) -> list[tuple[str, int, frozenset[str]]]:
        pieces = [
            (text[a:b], text[:a].count("\n"))
            for s in splitter.split(text, language=language)
            for a, b in clauses(s.text, s.start)
        ]
        anchors = article_anchors([x for x, _ in pieces], language)
        return [(x, line, a) for (x, line), a in zip(pieces, anchors, strict=True)]

    def pairs(a: list, b: list) -> list[tuple[int, int]]:
        return parallel_pairs([len(x[0]) for x in a], [len(x[0]) for x in b], [x[2] for x in a], [x[2] for x in b])

    def translations(name: str, docs: list[tuple[list, list]]) -> str:
        found = right = total = 0
        for a, b in docs:
            got = pairs(a, b)
            found += bool(got)
            total += len(got)
            right += sum(a[i][1] == b[j][1] for i, j in got)
        return f"| {name} | translations | {found} / {len(docs)} | {right} / {total} |"

    out = []
    wmt = {}
    for name, file, lang in (("WMT21 ru-en", "wmt21_ruen.jsonl", "ru"), ("WMT21 ja-en", "wmt21_jaen.jsonl", "ja")):
        docs = [(shape(o["text"], lang), shape(t["text"], "en")) for o, t in pairs_of(load_rows(root / file), None)]
        wmt[lang] = docs
        out.append(translations(name, docs))
        others = [(k, j) for k in range(len(docs)) for j in range(0, len(docs), 3) if j != k]
        wrong = sum(bool(pairs(docs[k][0], docs[j][1])) for k, j in others)
        out.append(f"| {name} | another document's translation | {wrong} / {len(others)} | – |")
    by_story: dict[str, dict[str, str]] = {}
    for r in load_rows(root / "meantime.jsonl"):
        by_story.setdefault(r["story"], {})[r["lang"]] = r["text"]
    for lang in ("es", "it", "nl"):
        docs = [
            (shape(d[lang], lang), shape(d["en"], "en"))
            for d in by_story.values()
            if lang in d and "en" in d and d[lang].count("\n") == d["en"].count("\n")
        ]
        out.append(translations(f"MEANTIME {lang}-en", docs))
    by: dict[str, dict[str, dict]] = {}
    for r in load_rows(root / "wmt21_ruen.jsonl"):
        if r.get("kind") in ("original", "human-translation"):
            by.setdefault(r["story"], {})[r["kind"]] = r
    navy = [d for d in SAME_EVENT["ru"][0] + MORE_NAVY_DAY if len(by.get(d, {})) == 2]
    shapes = {
        d: (shape(by[d]["original"]["text"], "ru"), shape(by[d]["human-translation"]["text"], "en")) for d in navy
    }
    ordered = [(x, y) for x in navy for y in navy if x != y]
    wrong = sum(bool(pairs(shapes[x][0], shapes[y][1])) for x, y in ordered)
    out.append(f"| Navy Day, {len(navy)} outlets | another outlet's translation | {wrong} / {len(ordered)} | – |")
    events: dict[str, list[str]] = {}
    for r in load_rows(root / "ecbplus.jsonl"):
        events.setdefault(r["story"], []).append(r["text"])
    declared = copies = bad = total = n = 0
    for texts in events.values():
        shaped = [shape(t, "en") for t in texts]
        for a, b in itertools.combinations(shaped, 2):
            n += 1
            got = pairs(a, b)
            if not got:
                continue
            declared += 1
            overlap = []
            for i, j in got:
                x, y = set(a[i][0].lower().split()), set(b[j][0].lower().split())
                overlap.append(len(x & y) / max(1, len(x | y)))
            if sum(overlap) / len(overlap) >= 0.3:
                copies += 1
            else:
                total += len(overlap)
                bad += sum(o < 0.2 for o in overlap)
    out.append(
        f"| ECB+ | two reports of one event | {declared} / {n} ({copies} near-copies) |"
        f" {total - bad} / {total} of the others' (word overlap 0.2 or more) |"
    )
    rng = random.Random(0)
    declared = wrong = total = n = 0
    for a, b in wmt["ru"][:40]:
        lines = sorted({x[1] for x in b})
        if len(lines) < 5:
            continue
        for _ in range(10):
            rest = lines[1:]
            rng.shuffle(rest)
            order = {old: new for new, old in enumerate([lines[0], *rest])}
            shuffled = sorted(((x, order[line], anchors) for x, line, anchors in b), key=lambda x: x[1])
            back = {new: old for old, new in order.items()}
            n += 1
            got = pairs(a, shuffled)
            declared += bool(got)
            total += len(got)
            wrong += sum(a[i][1] != back[shuffled[j][1]] for i, j in got)
    out.append(f"| WMT21 ru-en | the translation's lines shuffled | {declared} / {n} | {total - wrong} / {total} |")
    return out


def other_originals(comparer: Comparer, wmt: list[dict], files: list[str]) -> None:
    """The documents of each file, compared with their English translation: with their own
    original, and with the file's original in its place."""
    from multilingual_bench import with_originals

    print(
        "| documents | original | statements: pairs right / pairs (P) | lines found / lines (R) |"
        " originals' quotes with a speaker | translated quotes matched right / matched | control |"
        " originals' quantities | also in the translation |"
        " translation's entities also named by the original | control |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for file in files:
        own, other, lang = with_originals(Path(file), wmt)
        for label, rows in (("their own", own), (lang, other)):
            docs = pairs_of(rows, None)
            s = score(comparer, docs)
            found, _, agreed = number_overlap(docs).split(" | ")
            print(
                f"| {Path(file).name} ({len(docs)}) | {label} | {s['right']} / {s['pairs']} ({s['P']:.3f}) |"
                f" {s['found']} / {s['lines']} ({s['R']:.3f}) | {s['q_orig']} | {s['q_right']} / {s['q_pairs']} |"
                f" {s['q_control']} | {found} | {agreed} | {s['e_both']} / {s['e_trans']} | {s['e_control']} |",
                flush=True,
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--docs", type=int, help="at most this many documents per language pair")
    ap.add_argument(
        "--originals",
        nargs="+",
        help="JSONL files of {story, text, lang}: other originals of WMT21 documents (e.g. bench/data/zh_*.jsonl);"
        " scores those documents with their own originals and with these, and skips the rest",
    )
    args = ap.parse_args()
    root = data_dir(args.data)
    dense = Comparer(encoder=USEEncoder())
    shape = Comparer()  # no encoder: across languages, parallel texts by their lengths and anchors
    lexical = Comparer(params=AlignParams(by_shape=False))
    if args.originals:
        other_originals(
            dense, load_rows(root / "wmt21_ruen.jsonl") + load_rows(root / "wmt21_jaen.jsonl"), args.originals
        )
        return
    print(
        "| documents | comparer | pairs right / pairs | precision | lines found / lines | recall |"
        " facts between unrelated documents / their lines | documents/s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    quote_rows = []
    for name, file in (("WMT21 ru-en", "wmt21_ruen.jsonl"), ("WMT21 ja-en", "wmt21_jaen.jsonl")):
        docs = pairs_of(load_rows(root / file), args.docs)
        for label, comparer in (
            ("bundled encoder (default)", dense),
            ("no encoder: lengths and anchors", shape),
            ("lexical only (baseline)", lexical),
        ):
            s = score(comparer, docs)
            print(
                f"| {name} ({len(docs)}) | {label} | {s['right']} / {s['pairs']} | **{s['P']:.3f}** | "
                f"{s['found']} / {s['lines']} | **{s['R']:.3f}** | {s['control']} / {s['control_lines']} | "
                f"{s['docs_per_s']:.1f} |",
                flush=True,
            )
            quote_rows.append(
                f"| {name} ({len(docs)}) | {label} | {s['q_orig']} | {s['q_trans']} | "
                f"{s['q_right']} / {s['q_pairs']} | {s['q_control']} |"
            )
    print("\nQuotes: direct quotes with a speaker in the originals and in the translations, the")
    print("original-translation pairs matched as one quote in two languages (right: same line), and such")
    print("pairs between unrelated documents (control).\n")
    print("| documents | comparer | originals' quotes | translations' quotes | matched right / matched | control |")
    print("|---|---|---|---|---|---|")
    print("\n".join(quote_rows))
    print("\nQuotes of MEANTIME's translations, line by line against their English articles.\n")
    print(
        "| documents | English lines with a quote and speaker | translation's quotes with a speaker |"
        " on such a line | same speaker (surname) |"
    )
    print("|---|---|---|---|---|")
    print("\n".join(meantime_quotes(load_rows(root / "meantime.jsonl"))))
    print("\nIndependent reports of one event: the Russian original of one outlet against the English translation")
    print("of another's; reference: the lexical comparer on the two English translations.\n")
    print(
        "| documents | comparer | reference facts | facts across languages | of them in the reference (share) |"
        " reference found |"
    )
    print("|---|---|---|---|---|---|")
    anyway = Comparer(encoder=dense.encoder, params=AlignParams(parallel_share=0.0))
    rows = independent(
        {
            "bundled encoder (default)": dense,
            "without the parallel-text test (before)": anyway,
            "no encoder: lengths and anchors": shape,
            "lexical only": lexical,
        },
        load_rows(root / "wmt21_ruen.jsonl"),
    )
    print("\n".join(rows))
    print("\nParallel by shape (nlp/parallel.py): pairs of texts read as parallel, and their sentence pairs.\n")
    print("| documents | paired with | read as parallel | sentence pairs right (same line) / pairs |")
    print("|---|---|---|---|")
    print("\n".join(shape_control(root)), flush=True)
    print("\nSummaries of the same pairs (100 words, display language English).\n")
    print(
        "| documents | summarizer | sentences | in English | in Russian with an English source of the fact |"
        " facts told twice |"
    )
    print("|---|---|---|---|---|---|")
    ru_rows = load_rows(root / "wmt21_ruen.jsonl")
    navy = [r["story"] for r in ru_rows if r.get("kind") == "original"]
    docs_of = [d for d in SAME_EVENT["ru"][0] + MORE_NAVY_DAY if d in navy]
    print("\n".join(summaries(dense, ru_rows, docs_of)))
    print("\nNames: each original compared with its translation, names that are one entity in both.\n")
    print("| documents | entities | one entity in both | the original's | share | the translation's | share |")
    print("|---|---|---|---|---|---|---|")
    for name, file in (("WMT21 ru-en", "wmt21_ruen.jsonl"), ("WMT21 ja-en", "wmt21_jaen.jsonl")):
        docs = pairs_of(load_rows(root / file), args.docs)
        if name.endswith("ja-en"):
            tagger = default_analyser()
            label = "with the Japanese analyser (extra ja)" if tagger else "extra ja not installed: no analyser row"
            print(f"| {name} ({len(docs)}) | {label} | {entity_overlap(docs, before=False, analyser=tagger)} |")
        for label, before in (
            ("rules (default install)", False),
            ("English rules, no match across scripts (before)", True),
        ):
            print(f"| {name} ({len(docs)}) | {label} | {entity_overlap(docs, before=before)} |")
    print("\nNumbers: quantities of the originals, of their translations, and the originals' values also found")
    print("in their translation.\n")
    print(
        "| documents | originals' quantities | translations' quantities (distinct values) | also in the translation |"
    )
    print("|---|---|---|---|")
    for name, file in (("WMT21 ru-en", "wmt21_ruen.jsonl"), ("WMT21 ja-en", "wmt21_jaen.jsonl")):
        docs = pairs_of(load_rows(root / file), args.docs)
        print(f"| {name} ({len(docs)}) | {number_overlap(docs)} |")


if __name__ == "__main__":
    main()
