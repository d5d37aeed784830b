r"""Body extraction on the article-extraction benchmark: newsprism's HTML ingest beside trafilatura alone.

Score: bag of words per page (lower-case ``\w+`` tokens counted as a multiset: precision is the share
of extracted tokens found in the gold body, recall the share of gold tokens extracted), precision and
recall averaged over the 181 pages of ``../shared/data/article-extraction-benchmark``
(``ground-truth.json``, ``html/*.html.gz``); ``F1`` is the harmonic mean of those averages, as in the
data README (trafilatura 2.3.1: P 0.933, R 0.983, F1 0.957), ``F1/page`` the mean of per-page F1.
A page with nothing extracted scores 0.

Systems:

* ``trafilatura`` -- ``trafilatura.extract(html)`` with its defaults (the published 0.958);
* ``newsprism`` -- what ``newsprism ingest page.html`` stores as the article text (trafilatura
  through :class:`~newsprism.ingest.html.TrafilaturaExtractor`, then the cleaner: title line,
  dateline and boilerplate lines removed);
* ``newsprism+site`` -- the same, then lines that recur on another page of the same site removed
  (what a per-site boilerplate filter learned across an outlet's pages would do; on this data a
  site has at most two pages).

    python bench/extraction_bench.py [--data PATH] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devdata import data_dir
from newsprism.ingest.reader import build_cleaner
from newsprism.model import Article, Draft
from newsprism.settings import Settings


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def score(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = Counter(tokens(pred)), Counter(tokens(gold))
    if not p or not g:
        return 0.0, 0.0, 0.0
    hit = sum((p & g).values())
    precision, recall = hit / sum(p.values()), hit / sum(g.values())
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    return precision, recall, f1


def load(data: Path) -> list[tuple[str, str, str, str]]:
    """``(id, url, html, gold body)`` of every page."""
    root = data / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, item.get("url") or "", raw.decode("utf-8", "replace"), item.get("articleBody") or ""))
    return pages


def site(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def line_key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def drop_site_lines(texts: dict[str, str], urls: dict[str, str], *, min_chars: int = 0) -> dict[str, str]:
    """Remove every line of a page that also appears on another page of the same site."""
    seen: dict[tuple[str, str], set[str]] = {}
    for key, text in texts.items():
        for line in text.split("\n"):
            k = line_key(line)
            if len(k) > min_chars:
                seen.setdefault((site(urls[key]), k), set()).add(key)
    out = {}
    for key, text in texts.items():
        kept = [
            line
            for line in text.split("\n")
            if not (len(line_key(line)) > min_chars and len(seen.get((site(urls[key]), line_key(line)), ())) > 1)
        ]
        out[key] = "\n".join(kept)
    return out


def run(name: str, extract: Callable[[str, str], str], pages: list[tuple[str, str, str, str]]) -> dict[str, str]:
    started = time.perf_counter()
    out = {key: extract(html, url) for key, url, html, _ in pages}
    took = time.perf_counter() - started
    print(f"{name}: {len(pages) / took:.1f} pages/s", file=sys.stderr)
    return out


def report(name: str, texts: dict[str, str], pages: list[tuple[str, str, str, str]]) -> dict[str, float]:
    scores = [score(texts[key], gold) for key, _, _, gold in pages]
    precision = statistics.mean(s[0] for s in scores)
    recall = statistics.mean(s[1] for s in scores)
    return {
        "system": name,  # type: ignore[dict-item]
        "f1": round(2 * precision * recall / (precision + recall), 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1_per_page": round(statistics.mean(s[2] for s in scores), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    pages = load(data_dir(args.data))
    urls = {key: url for key, url, _, _ in pages}

    import trafilatura

    cleaner = build_cleaner(Settings.load({"min_text_chars": 1}, env={}))

    def newsprism(html: str, url: str) -> str:
        result = cleaner.clean(Draft(origin=url or "page", html=html, url=url or None))
        return result.text if isinstance(result, Article) else ""

    systems = {
        "trafilatura": run("trafilatura", lambda html, url: trafilatura.extract(html) or "", pages),
        "newsprism": run("newsprism", newsprism, pages),
    }
    systems["newsprism+site"] = drop_site_lines(systems["newsprism"], urls)
    rows = [report(name, texts, pages) for name, texts in systems.items()]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'system':<18} {'F1':>7} {'P':>7} {'R':>7} {'F1/page':>8}   ({len(pages)} pages)")
    for r in rows:
        print(f"{r['system']:<18} {r['f1']:>7.4f} {r['precision']:>7.4f} {r['recall']:>7.4f} {r['f1_per_page']:>8.4f}")


if __name__ == "__main__":
    main()
